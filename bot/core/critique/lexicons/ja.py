"""Japanese: native camera words (俯瞰, あおり, 引き, 寄り) and the katakana loans prompts use
(ドリーイン, クローズアップ, ゴールデンアワー).

No spaces: cues match on characters with guards. パン is also bread (パンを焼く), so it counts as
a pan only in a camera construction (左にパン, パンする, パンニング). Verbs are conjugated from
the dictionary form (歩く: 歩き, 歩いて, 歩いている, 歩いた); any する-verb (回転する, ジャンプし
ながら) and any て-form progressive (〜ている) is an action by its grammar.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.critique.components import Component as C
from bot.core.critique.lexicon import Cue
from bot.core.critique.lexicons import NativeLexicon, Subject
from bot.core.critique.lexicons.ja_nouns import names_no_subject
from bot.core.generated_tables import table_alternation

_CLAUSE = r"[^、。,.；;！!？?\n]"
_CAM = (r"(?:カメラ|キャメラ|視点|レンズ|画面|ショット|映像)(?:が|は|も|を)?"
        r"(?![にへ]向か|の方|を見|目線|に視線|[にへ]近づ|[にへ]手を)")
"""The camera as the subject of a move; "カメラに向かって進む" (toward the camera) is the subject's."""
_GAP = _CLAUSE + r"{0,10}?"


_CAMERA_HEAD = r"[\u3040-\u309f]{0,4}(?:カメラ|キャメラ)(?!マン)"
"""The camera as the head noun a relative clause ends on (ボールを追うカメラ, ゆっくり寄って
いくカメラ): the verb's tail in kana, then the noun it qualifies, which is its subject."""


def _cam(verbs: str) -> str:
    """A camera move: the camera as the verb's subject, before it (カメラがゆっくり寄る) or as
    the head noun after its relative clause (選手を追うカメラ)."""
    return (r"(?:" + _CAM + _GAP + r"(?:" + verbs + r")|(?:" + verbs + r")" + _CAMERA_HEAD
            + r")")


CAMERA: list[Cue] = [
    # a point of view or a height named by whose eyes it is ("子供の目線で", "猫の視点から")
    Cue(r"[\u4e00-\u9fff\u3040-\u30ffー]{1,6}の(?:目線|視点|視線|目)(?:で|から|に)", move="fpv",
        strength=0.9),
    # a list item that is only "still" or "fixed" (135mm、静止、): a shot list's camera slot
    Cue(r"(?:(?<=^)|(?<=[、,，\n]))(?:静止|固定)(?=[、,，。\n]|$)", move="static"),
    Cue(r"固定(?:カメラ|ショット|アングル|撮影)|定点(?:カメラ|撮影)?|三脚|(?<![\u30a1-\u30faー])フィックス|カメラは?(?:固定|静止|動かない|"
        r"動かさない)|静止(?:した)?カメラ", move="static"),
    Cue(r"ホイップパン|素早いパン|クイックパン", move="whip_pan"),
    Cue(r"ドリーズーム|めまいショット", move="zoom_out"),
    Cue(r"ドリー(?:イン|ショット)?|ゆっくり(?:と)?(?:寄る|寄って|寄り)|プッシュイン|" +
        _cam(r"寄る|寄って|寄り|近づ[くきいけ]|前進|迫る|迫って|接近|押し込|進[むみんま]|入り込[むみん]"),
        move="dolly_in"),
    Cue(r"ドリーアウト|プルバック|" + _cam(r"引[くきいけ]|離れ|遠ざか|後退|下が[るりっ]"),
        move="dolly_out"),
    Cue(r"(?:左|左方向)(?:に|へ)(?:ゆっくり(?:と)?)?パン|パン(?:レフト|左)", move="pan_left"),
    Cue(r"(?:右|右方向|横)(?:に|へ)(?:ゆっくり(?:と)?)?パン|パン(?:ライト|右)|パン(?:ニング|ショット)|"
        r"パン(?:する|して|し)|ゆっくり(?:と)?パン|" + _cam(r"横に振|見渡|なめる|舐める"),
        move="pan_right"),
    Cue(r"ティルト(?:アップ)?|" + _cam(r"上を向|見上げ|上に振"), move="tilt_up"),
    Cue(r"ティルトダウン|" + _cam(r"下を向|見下ろ|下に振"), move="tilt_down"),
    Cue(r"トラック(?:イン|アウト)|" + _cam(r"横移動|横に移動|スライド|平行移動|移動"), move="truck_right"),
    Cue(r"トラッキング(?:ショット)?|追従(?:ショット|撮影)?|フォローショット|フォロー|" +
        _cam(r"追[うい]|追って|追いかけ|追従|ついて|付いて|並走|追跡"), move="tracking"),
    Cue(r"クレーン(?:ショット|アップ)?|" + _cam(r"上昇|上が[るりっ]|舞い上が|浮上"), move="crane_up"),
    Cue(r"クレーンダウン|" + _cam(r"下降|下が[るりっ]|降り"), move="crane_down"),
    Cue(r"オービット(?:ショット)?|周回|回り込[むみん]|" + _cam(r"回り込|周り|旋回|ぐるりと|一周|回転"),
        move="orbit"),
    Cue(r"ズーム(?:イン|アップ)?|ズームアウト|" + _cam(r"ズーム"), move="zoom_in"),
    Cue(r"空撮|ドローン(?:ショット|撮影|映像|視点|カメラ)?|航空(?:撮影|映像)|上空から|鳥瞰",
        move="aerial"),
    Cue(r"手持ち(?:カメラ|撮影)?|ハンドヘルド|手ブレ|揺れるカメラ", move="handheld"),
    Cue(r"一人称(?:視点)?|主観(?:視点|ショット|カメラ)|POV|FPV", move="fpv"),
    Cue(r"ピント送り|フォーカス送り|ラックフォーカス", move="rack_focus"),
    Cue(r"ローアングル|ハイアングル|アイレベル|目線の高さ|俯瞰(?:ショット|視点|で|から)?|あおり|煽り|"
        r"見上げる(?:ような)?(?:アングル|構図|視点)|見下ろす(?:ような)?(?:アングル|構図|視点)|真上から|"
        r"真下から|斜め(?:上|下)から|横から|正面から|背後から|後ろから|ダッチアングル|"
        r"オーバーザショルダー|肩越し(?:のショット)?|ステディカム|ジンバル|地面すれすれ|"
        r"(?:低|高)い(?:位置|視点|アングル)から|アングル|アオリ|真俯瞰|ハイポジション|ローポジション|"
        r"(?:横|正面|斜め|真上|下|上)から(?:撮影|撮る|撮った|捉え|見上げ|見下ろ)|カメラワーク"),
    Cue(r"パンアップ", move="tilt_up"),
    Cue(r"パンダウン", move="tilt_down"),
    Cue(r"フォローパン|寄っていく|引いていく|ズームバック", move="tracking"),
]

_SHOT_SIZES = table_alternation(Path(__file__).with_name("shot_sizes_ja.txt"))
"""Katakana na-adjectives of a shot's size (ワイド, ロング, タイト), from JMdict through the English
shot table (scripts/gen_native_ja_classes.py)."""

_SHOT_NOUNS = table_alternation(Path(__file__).with_name("shot_nouns_ja.txt"))
"""Katakana nouns whose English source is a shot (パノラマ "panorama", クローズアップ), from
JMdict through the English analyzer (scripts/gen_native_ja_classes.py)."""

SHOT: list[Cue] = [
    # a loan said as a noun or as the first part of a katakana compound (パノラマビュー)
    Cue(r"(?<![\u30a1-\u30faー])(?:" + _SHOT_NOUNS + r")"),
    Cue(r"(?:超|エクストリーム)?クローズアップ|大写し|(?:顔|手|目|瞳|足元)の?アップ|アップ(?:ショット|で)|"
        r"バストショット|バストアップ|ミディアム(?:ショット|クローズアップ)|ミドルショット|"
        r"ロングショット|ワイドショット|フルショット|全身(?:ショット|が映る)|ニーショット|"
        # the body the frame holds ("上半身に焦点を当て", "全身を捉え"); not a body that wears or
        # does something ("全身にまとった", "全身で")
        r"(?:全身|上半身|半身)(?=を(?:映|捉|写|収)|に焦点|のショット|のみ|まで|が映|[。、]|$)|"
        r"画面いっぱいに|画面全体に|"
        r"エスタブリッシングショット|ツーショット|引きの?(?:画|ショット|構図|映像)|寄りの?(?:画|ショット|構図)|"
        r"遠景|近景|中景|全景|接写|広い画角|ワイドな(?:画|構図)|(?:中央|センター)に(?:配置|映)|"
        r"(?:シンメトリー|シンメトリカル|左右対称|対称|三分割|日の丸|中央|センター|引き|寄り|タイトな|"
        r"ワイドな)の?構図|フレーミング"),
    # a size said bare, closing a list item or a compound ("24mm、導入ワイド、"), not inside a
    # longer katakana word (ワイドパンツ) or before a noun it qualifies (ロングヘア, ロングの髪)
    Cue(r"(?<![\u30a1-\u30faー])(?:" + _SHOT_SIZES + r")(?=[、。,.!！\s]|$)"),
]

LENS: list[Cue] = [
    Cue(r"広角(?:レンズ)?|超広角|望遠(?:レンズ)?|マクロ(?:レンズ|撮影)?|魚眼(?:レンズ)?|"
        r"被写界深度|浅い被写界深度|ボケ|背景ボケ|背景が?ぼけ|ぼかし|ぼけ|\d+\s?mm(?:レンズ)?|"
        r"アナモルフィック|ピント|フォーカス|焦点|シャロー|パンフォーカス|浅いピント|"
        r"シネマレンズ|単焦点"),
]

_NOT_LIGHT_COMPOUNDS = table_alternation(Path(__file__).with_name("not_light_compounds_ja.txt"))
"""JMdict compounds on 光 that are not a light (観光, 栄光, 露光), read through the English
lighting table (scripts/gen_native_ja_classes.py)."""
_LIGHT_COMPOUND = (r"(?<![\u4e00-\u9fff])(?!(?:" + _NOT_LIGHT_COMPOUNDS +
                   r")(?![\u4e00-\u9fff]))[\u4e00-\u9fff]{1,3}光(?![\u4e00-\u9fff])")
"""A kanji compound whose head (its last kanji, Japanese compounds being right-headed) is 光
names a kind of light: 窓光, 自然光, 室内光, not only the ones listed."""

_LIGHT_SOURCES = table_alternation(Path(__file__).with_name("light_sources_ja.txt"))
"""Lamps, bulbs, candles and lanterns (電球, 蛍光灯, 蝋燭, シャンデリア): JMdict nouns whose
first English sense WordNet files under a source of illumination or a lighting fixture
(scripts/gen_native_ja_classes.py)."""

LIGHTING: list[Cue] = [
    # a light source as the head of its word (裸電球, 豆電球; not 電球工場, a factory)
    Cue(r"(?:" + _LIGHT_SOURCES + r")(?![\u4e00-\u9fff])(?!(?<=[\u30a1-\u30faー])[\u30a1-\u30faー])"),
    Cue(r"逆光|順光|サイドライト|側光|斜光|トップライト|リムライト|バックライト|キーライト|"
        r"自然光|柔らかい光|柔らかな光|やわらかい光|やわらかな光|硬い光|淡い光|暖かい光|温かい光|"
        r"冷たい光|まぶしい光|眩しい光|陽光|日差し|日光|陽射し|木漏れ日|月光|月明かり|街灯|"
        r"ネオン(?:ライト|サイン|の光)?|ろうそくの(?:光|灯)|キャンドル(?:ライト|の光)|夕日|夕陽|夕焼け|"
        r"朝日|朝焼け|日の出|日没|夕暮れ|黄昏|たそがれ|夜明け|明け方|早朝|夜景|深夜|真夜中|夜(?!明)|"
        r"ゴールデンアワー|マジックアワー|ブルーアワー|曇り|曇天|薄暗(?:い|く)|(?<!撮)影|"
        r"太陽(?:の光)?|シルエット|照明|ライティング|ライト(?!アップ)|スポットライト|光線|光芒|光の筋|薄明|"
        r"照らされ|照らす|照らし|"
        # shining said of a light, or at the end of its clause; "輝く鎧", "輝く青い瞳" are a
        # thing's sheen, not the scene's light
        r"輝く(?=[。、，,.!！\s」）)]|$|[^\n。、]{0,8}?(?:光|ライト|灯|明かり|輝き))|輝き|(?<!を)差し込[むみん]|窓から(?:の)?光|"
        # light with its particle; a compound on 光 is read whole (_LIGHT_COMPOUND: 月光が, not
        # 栄光を)
        r"(?<![\u4e00-\u9fff])光[がにをの]|"
        r"ライトアップ|灯り|明かり|提灯の灯|蛍光|星空|星明かり|雷|稲妻|真昼|昼間|白昼|晴れ|晴天|"
        r"光と影|陰影|ハイライト|コントラストの強い光|映画的な照明|スタジオ照明|"
        # a light named by its source or its hour (朝の光, 午後の光, オーロラの光), darkness,
        # reflections, and the lamps that light a scene
        r"[\u30a1-\u30faー\u4e00-\u9fff]{1,6}の光(?!沢)|暗闇|(?<![\u4e00-\u9fff])闇|"
        r"反射(?![\u30a1-\u30faー材板鏡神])|"
        r"照り返し|提灯|ランタン|灯籠|行灯|" + _LIGHT_COMPOUND),
]

COLOR: list[Cue] = [
    Cue(r"色調|色彩|配色|カラーパレット|カラーグレーディング|カラーグレード|暖色(?:系)?|寒色(?:系)?|"
        r"モノクロ(?:ーム)?|白黒|モノトーン|セピア(?:調)?|パステル(?:カラー|調)?|ビビッド(?:な色|カラー)?|"
        r"彩度|トーン|[\u4e00-\u9fff\u30a0-\u30ff]{1,4}(?:色|カラー)の?(?:トーン|調)|"
        r"ティール(?:&|アンド)オレンジ|色味|色合い|[\u4e00-\u9fff]{1,2}色を基調|基調とした|"
        r"コントラスト|鮮やかな色|くすんだ色|淡い色|落ち着いた色"),
]

STYLE: list[Cue] = [
    Cue(r"シネマティック|映画的|映画風|映画のよう|映画調|ドキュメンタリー(?:風|調)?|アニメ(?:風|調|スタイル)?|"
        r"ジブリ(?:風)?|新海誠(?:風)?|宮崎駿|実写(?:風)?|フォトリアル(?:な|に)?|リアル(?:な|に|調)|写実的|"
        r"水彩(?:画|風)?|油絵(?:風)?|水墨画(?:風)?|浮世絵(?:風)?|サイバーパンク|スチームパンク|レトロ|"
        r"ヴィンテージ|ビンテージ|フィルム(?:調|風|グレイン|ライク|写真)|ノスタルジック|ノスタルジー|幻想的|"
        r"夢のよう|夢幻的|神秘的|不気味|ホラー|ファンタジー|SF|ミニマル|エモい|叙情的|ノワール|"
        r"[\u4e00-\u9fff\u30a0-\u30ff]{1,6}(?:風|調|スタイル)(?=[、。,.\s]|$|の)|雰囲気|ピクサー(?:風)?|"
        r"3DCG|CG|クレイアニメ|ストップモーション|和風|壮大|静謐|穏やか|温かみ|切ない|ドラマチック|"
        r"エピック|荘厳|幻想|哀愁|郷愁|爽やか|ロマンチック|ミステリアス|緊張感|躍動感|臨場感|"
        r"高級感|透明感|空気感|世界観|漫画|イラスト|セル画|ピクセルアート|ドット絵|映画のワンシーン|"
        r"ミュージックビデオ|MV|CM|広告|コマーシャル"),
]

_PLACES = (r"森の?中|森林|森|林|竹林|ジャングル|街中|街角|街並み|通り|路地|商店街|繁華街|海辺|浜辺|"
           r"砂浜|ビーチ|海岸|海(?!老)|山頂|山道|雪山|山(?!々しい)|草原|野原|砂漠|湖畔|湖|川辺|川|"
           r"公園|庭園|庭|キッチン|台所|部屋|寝室|リビング|カフェ|喫茶店|レストラン|オフィス|教室|"
           r"舞台|ステージ|宇宙|城|神社|寺|お寺|村|田舎|田んぼ|畑|渓谷|滝|空(?!気)|雲の上|屋上|駅|"
           r"ホーム|電車内|車内|地下鉄|空港|港|橋の上|橋|廃墟|研究室|スタジオ|図書館|市場|東京|渋谷|"
           r"新宿|京都|大阪|都市|都会|ビル街|交差点|雪原|海中|水中|海底|校庭|体育館|路上|路地裏|"
           r"屋内|室内|屋外|ベランダ|窓辺|窓際|ベッド|テーブル|机|廊下|ロビー|教会|宮殿|洞窟|島|"
           r"崖|岸辺|水辺|水面|花畑|桜並木|並木道|夜の街|街|道|背景|和室|縁側|温泉|旅館|"
           r"サイバーシティ|未来都市|荒野|草むら|雪景色")

SETTING: list[Cue] = [
    Cue(r"(?:" + _PLACES + r")(?:の(?:中|上|下|前|横|近く|奥|片隅|真ん中)|で|にて|を背景に|に(?=立|座|佇|い)|"
        r"を(?=歩|走|進|駆|泳|飛))"),
    Cue(r"(?:" + _PLACES + r")", strength=0.6),
]

_MOTION_NOUN = r"(?:動き|足取り|身のこなし|ステップ|動作|歩み|足どり|走り|泳ぎ|羽ばたき)"
"""Nouns of movement: an adjective said of one is the manner of moving."""
_MOVES = (r"(?:歩|走|跳|飛|泳|落|回|転|揺|舞|流|滑|昇|上が|上昇|下が|下降|降|沈|浮|漂|動|進|近づ|離|"
          r"振|踊|駆|這|登|倒|崩|散|広が|伸|曲|巡|渡|通り|抜け|去|戻|向か|なび|はため|翔|羽ばた|"
          r"跳ね|弾|転が|移動|回転|旋回|落下|着地|行進|前進|後退|打ち寄せ|寄せ|崩れ|疾走|ジャンプ|スピン|ダンス|ターン|傾|うね|ゆれ|"
          r"まわ|はし|とび|おち|およ|ただよ|のぼ|くだ|すす|ころ|よろ|ふら|揺ら|振り|立ち上が|"
          r"駆け|羽ば|ゆら|なびか|泳が|滑り|走り|歩き|くぐ|潜|翻|はため|よじ|かけ|かわ[すし]|避け|"
          r"よけ|引っ張|押|投げ|蹴|倒れ|噴き|飛び|震|ふる[えわ]|起き上が|帰|忍び寄|昇[るりっ]|"
          r"立ち上[るりっ]|立ち昇|立ちのぼ|下[るりっ]|スキップ)")
"""Verbs of movement: a manner word counts only said of one of them."""

_MANNER_NA = (r"[\u4e00-\u9fff]{1,2}(?:やか|らか)|しなやか|なめらか|やわらか|ゆるやか|たおやか|"
              r"優雅|華麗|軽快|俊敏|機敏|豪快|大胆|慎重|活発|静か|"
              r"急速|急激|迅速|規則的|不規則|機械的|スムーズ|ダイナミック|リズミカル|スピーディー?|"
              r"コミカル|パワフル|エレガント|[\u4e00-\u9fff]{2}的|丁寧|必死|懸命|一生懸命|真剣|器用|乱暴|"
              r"自由|元気|無邪気|ドラマチック|ワイルド|ソフト|ナチュラル|リアル|クール|一斉|自然|足早|一目散|大急ぎ")
"""Na-adjectives of manner (軽やか, ダイナミック): said of a movement with に or as its predicate."""
_NOT_FEELING = (r"(?<!楽し|嬉し|悲し|寂し|淋し|幸せ|満足|退屈|不安|心配|得意|残念|愉快|面白|眠た|切な|"
                r"幸福|不満)(?<!うれし|さみし|さびし|美味し|おいし|誇らし|懐かし)(?<!恥ずかし)"
                r"(?<!気持ちよさ|気持ち良さ)")
"""Not right after a feeling: 楽しそうに踊る says how the dancer feels, 重そうに歩く how the walk
goes (the labelled sets count weight, not mood)."""
_NOT_MANNER_ZEN = (r"当然|自然|依然|偶然|必然|全然|漠然|公然|断然|俄然|歴然|突然|唖然|呆然|愕然|"
                   r"茫然|天然|同然|未然|騒然")
"""Tari adverbs in 然 of logic, chance, suddenness or surprise: none says how a body moves."""
_OBJECT = r"(?:[^、。,.をがはにで\s]{1,6}(?:を|に|へ))?"
"""An object or a goal between a manner adverb and its verb (するりと塀を抜ける, 素早く刀を振り
下ろす, どすんと床に落ちる, ぐんぐん空へ昇る): the adverb still says how the verb moves."""

_MORA = r"(?:[\u3041-\u3096][ゃゅょ]?)"
_KATA_MORA = r"(?:[\u30a1-\u30fa][ャュョ]?)"
"""A mora in kana: one character, or two when a small ゃ/ゅ/ょ follows (ちょ, ぴゅ, チャ). A
mimetic is built of morae, not characters (ちょこちょこ is ちょこ twice, ぽちゃん is ぽ, ちゃ
and ん), so its forms are read by mora."""

_MANNER_KANGO = {
    "疾": "駆",      # swift: 疾駆 (疾走 is listed below)
    "滑": "空翔",    # gliding, no steps or wingbeats: 滑空, 滑翔
    "飛": "翔",      # soaring: 飛翔
    "猛": "進",      # forceful: 猛進
    "突": "進",      # rushing: 突進
}
"""A Sino-Japanese verb of movement whose first kanji is its manner (speed, force, gliding),
as Chinese makes them (疾驰, 滑翔): generated into a cue."""


def _manner_kango() -> str:
    # a word of its own (not the tail of a longer kanji word), and not the head of a noun
    # named after the movement (滑空機, 滑走路, 飛翔体)
    return (r"(?<![\u4e00-\u9fff])(?:" + "|".join(
        f"{head}[{tails}]" for head, tails in _MANNER_KANGO.items()) + r")(?![路機体員者])")


MOTION: list[Cue] = [
    # Manner of moving only: 静かに, 徐々に, 一気に are said of light and sound as often.
    # (ゆっくりとした + a noun that is not a movement describes the noun: ゆっくりとした音楽)
    Cue(r"(?:ゆっくり|ゆったり)(?!と?し(?!" + _MOTION_NOUN + r")|の|な)(?:と)?|全力で|そっと|"
        r"丁寧に|慎重に|注意深く|素早く|すばやく|勢いよく|軽やかに|優雅に|"
        r"滑らかに|なめらかに|力強く|激しく|(?:ふわふわ|ひらひら|ゆらゆら)(?:と|(?!の|な|し))|ふわりと|"
        r"揺れ(?:る|て|ながら|動く)?|揺ら[れさしすぐぎい]|はため[くきい]|はためか[せす]|なび[くきい]|"
        r"なびか[せす]|翻[るりっ]|物理(?:演算|挙動|シミュレーション|法則)|舞[うい](?:上が|落ち|散)?|風に(?:揺|舞|なび|吹)|"
        # the wind as the cause (風で, 強風で) of what a thing does: its physics
        r"風で(?=" + _OBJECT + r"(?:揺|舞|なび|乱れ|はため|ばたつ|飛ば|飛ん|吹き|煽|あお|" + _MOVES + r"))|"
        # (a loan compound may be spaced, スロー モーション, モーション ブラー, as prompts often are)
        r"スロー[ ・]?モーション|スロー(?:で|に|な動き)|"
        # a capture that slows the movement down, as slow motion does: bullet time, overcranking
        r"バレットタイム|(?:ハイ|高)フレームレート(?:撮影|で)|オーバークランク|光速で|音速で|(?:超人的|圧倒的|強烈|猛烈)な力で|ハイスピード撮影|高速(?!道路|[\u30a1-\u30faー])で?|猛スピード|全速力|(?:ぐるぐる|くるくる)(?!の|な|し)|"
        # a splash or a ripple only as what moves (波紋が静かに広がる, 水しぶきが舞い上がる):
        # named in a scene (滝の水しぶきを捉える) or as fading (波紋が消える) it moves nothing
        r"重み|重さ|慣性|(?:水しぶき|しぶき|波紋)(?=[がはも]?[^、。,.\n]{0,6}?" + _MOVES + r")|"
        r"弾[むみん]|跳ね(?:る|て|上が)|転が[るりっ]|"
        r"漂[うい]|モーション[ ・]?ブラー|残像|ふんわり|しなやかに|颯爽と|のんびり(?:と)?|"
        r"ゆるやかに|緩やかに|急に|さっと|ぴょんと|どっしり|ずっしり|小刻みに|リズミカルに|"
        r"自然な動き|滑らかな動き|なめらかな動き|躍動|疾走|駆け抜け|舞い散|降り注|揺らめ|ゆらめ[くきい]|"
        r"(?:羽ばた|はばた)[くきい]|よろめ[くきい]|ふらつ[くきい]|よろけ[るて]|つまず[くきい]|"
        r"躓[くきい]|(?:音もなく|(?:足)?音を立てず(?:に)?|力いっぱい|力一杯|思い(?:っ)?切り)(?=" + _OBJECT
        + _MOVES + r")|"
        # a dragging gait (足を引きずる), a path in an arc (弧を描いて飛ぶ, 放物線を描く)
        r"足を引きず[るりっ]|弧を描[いくきけ]|放物線|"
        # a noun + よく said of a movement: 元気よく走り回る, 威勢よく飛び出す (勢いよく above)
        r"(?:元気|威勢|景気|調子|手際|テンポ|リズム)よく(?=" + _OBJECT + _MOVES + r")|"
        # verbs that are themselves the physics of wind, water or a fall: そよぐ, 波打つ, うねる,
        # 渦巻く, ひるがえる, たゆたう, 急降下
        # (波打つ before hair is its shape, wavy hair: 波打つ長い髪)
        r"そよ[ぐぎい]|波打(?:[つっ](?!(?:た|ている)?(?:[\u4e00-\u9fff]{1,2}い?)?(?:髪|ヘア|毛))|ち)|うね[るりっ]|渦巻[くきい]|渦を巻[くきい]|ひるがえ[るりっ]|"
        r"たゆた[うい]|急(?:降下|上昇|旋回|停止|発進|ブレーキ)|"
        # fragments or drops flung apart: the physics of a break or a splash
        r"(?:飛び|砕け|弾け|はじけ)散[るりっら]|四散"),
    # one movement said while another goes on straight after it (跳ねながら転がり落ちる, 揺れながら
    # 沈む): the first is the manner of the second. Not 歌いながら歩く (singing, no movement) nor
    # 泳ぎながら杖を振る (a second act with its own object: two things done at once)
    Cue(_MOVES + r"[\u3041-\u3093]{0,2}ながら(?=[、,]?" + _MOVES + r")"),
    # Manner by grammar, when a verb of movement follows: a reduplicated mimetic (よちよち歩く,
    # ぷかぷか浮かぶ, ぐんぐん昇る), a り/っと mimetic (ふわりと舞う, すっと立ち上がる), an
    # adjective's く form (激しく揺れる, 高く跳ぶ) or a manner word + に/と (軽やかに跳ねる,
    # 颯爽と歩く). Mimetics of light or feeling (きらきら, どきどき) are not movement.
    Cue(r"(?:(?!きら|キラ|ぴか|ピカ|ぎら|ギラ|ちか|チカ|わく|ワク|どき|ドキ|にこ|ニコ|にや|ざわ|ザワ|いら|イラ)"
        r"(?P<jr>" + _MORA + r"{2,3}|" + _KATA_MORA + r"{2,3})(?P=jr)|"
        # (a particle after a noun is not a mimetic's first kana: 鼻先をすり寄せる is を + すり寄せる)
        r"(?!はっ|しっ|すっか|ぼん|うっ|ひっ|こっ|ぴっ|たっ|がっ)"
        r"(?!(?<=[\u4e00-\u9fff\u30a1-\u30faー])[がはをにでもへの])" + _MORA + r"っ?" + _MORA + r"り|"
        # (a particle after a noun is not a mimetic's first kana: 猫がさっと is が + さっと)
        r"[さすぱぐばふは]っ|(?!ちょ)(?!(?<=[\u4e00-\u9fff\u30a1-\u30faー])[がはをにでもへの])"
        r"[\u3041-\u3096]{2}っ(?=と)|"
        # a mimetic in ん/ン + と (どしんと, ばたんと, ドシンと); not ちゃんと, きちんと or a
        # name's さん/くん + と
        r"(?!ちゃ|きち)" + _MORA + r"(?![さくち])" + _MORA + r"ん(?=と)|" + _KATA_MORA + r"{2}ン(?=と))"
        r"と?(?=" + _OBJECT + _MOVES + r")|"
        r"(?:速|早|素早|すばや|激し|軽|重|力強|勢いよ|大き|小さ|高|低|鋭|ゆる|優し|やさし|荒々し|"
        r"慌ただし|ぎこちな|たどたどし|危なっかし|弱々し|力な|のろ|遅|はや|しなやか|柔らか|やわらか|"
        r"[\u4e00-\u9fff][\u3041-\u3093]{0,2}し)く"
        r"(?:[\u3041-\u3096]{0,2}[、,])?(?=" + _OBJECT + _MOVES + r")|"
        r"(?:" + _MANNER_NA + r"|[\u4e00-\u9fff\u3041-\u3093]{1,4}たっぷり)に(?=" + _OBJECT + _MOVES
        + r")|"
        r"(?:[一二三]歩|少し)ずつ(?=" + _MOVES + r")|"
        # a kind of step + で: a step named by its manner, a verb's stem or a speed (忍び足,
        # 急ぎ足, 早足, 小走り, 早歩き, 大股); not the foot it is taken on (後ろ足, 裸足)
        r"(?:(?:[\u4e00-\u9fff][びぎけきりしちみ]|すり|早|速|遅|千鳥)足|[小早]走り|[早速]歩き|"
        r"[大小]股|大また|"
        r"つま先立ち|爪先立ち)で(?=" + _OBJECT + _MOVES + r")|"
        r"(?:悠然|堂々|颯爽|悠々|淡々|轟々|黙々)と(?=" + _MOVES + r")|"
        # any tari adverb in 然 + と (猛然と走り出す, 整然と行進する, 決然と歩き出す), but those of
        # logic, chance or surprise (当然, 偶然, 自然と "of itself", 呆然, 唖然)
        r"(?!" + _NOT_MANNER_ZEN + r")[\u4e00-\u9fff]然と(?=" + _OBJECT + _MOVES + r")|"
        # haste said in a verb's て form (急いで駆け寄る, 慌てて部屋を飛び出す): how fast the
        # movement goes, as 急に or 素早く say it
        r"(?:急いで|慌てて|あわてて|大急ぎで)(?:[、,])?(?=" + _OBJECT + _MOVES + r")|"
        # a simile or an appearance said of a movement: 滑るように進む, 重そうに歩く, 一気に駆け上がる
        r"(?:(?![をがにではのとへも])(?:[\u4e00-\u9fff][\u3041-\u3093]{0,2}|[\u3041-\u3093]{1,3}|"
        r"[\u30a1-\u30faー]{2,6})(?:るように|うように|くように|ぶように|" + _NOT_FEELING + r"そうに)|"
        r"一気に)(?=" + _MOVES + r")"),
    # the movement as a topic and its manner as the predicate: 動きはダイナミック, 足取りが軽い
    Cue(_MOTION_NOUN + r"(?:は|が|も)(?:とても|非常に|より|かなり|少し|やや)?(?:" + _MANNER_NA +
        r"|(?:速|早|遅|軽|重|激し|素早|鈍|ぎこちな|力強|荒々し|しなやか)い)(?![\u4e00-\u9fff])"
        # or a simile as the predicate (動きは流れるようだ, 足取りはまるで猫のよう); not a verb
        # of being or seeming (動きがあるように見せる)
        r"|" + _MOTION_NOUN + r"(?:は|が|も)(?:まるで|さながら)?(?!ある|いる|なる|見え|感じ|思え)"
        r"[\u3040-\u30ff\u4e00-\u9fffー]{1,8}?(?:の|[うくぐすつぬぶむる])よう"),
    # an adjective said of a movement noun: しなやかな動き, 軽い足取り, 素早い身のこなし (the
    # adjective holds no particle: 彼は重い足取り is 重い足取り)
    Cue(r"(?:(?![はがをにでへもの])[\u3040-\u30ff\u4e00-\u9fffー]){1,6}?(?:な|い|とした|した)(?="
        + _MOTION_NOUN + r")" + _MOTION_NOUN),
    # a simile said of a movement noun: 猫のような動き, 流れるような身のこなし, 達人さながらの
    # 動き, 獣じみた動き; the manner of the movement told by what it is like
    Cue(r"(?:(?![はがをにでへも])[\u3040-\u30ff\u4e00-\u9fffーA-Za-z ]){1,12}?"
        r"(?: ?の ?ような|[うくぐすつぬぶむる] ?ような| ?の ?ごとき|[うくぐすつぬぶむる] ?ごとき|"
        r" ?みたいな| ?(?:さながら|顔負け|並み) ?の| ?じみた) ?(?=" + _MOTION_NOUN + r")"
        + _MOTION_NOUN),
    # a verb of falling compounded with its manner: 崩れ落ちる, 滑り落ちる, 転げ落ちる
    Cue(r"[\u4e00-\u9fff][りれいけげちびみきぎえ]落ち(?!着|葉|込)(?:る|て|た|ていく)?"),
    # a verb of movement whose first kanji is its manner: 滑空する, 飛翔する, 突進する
    Cue(_manner_kango()),
    # speed, weight and physics said of the movement
    # (not a physics noun that qualifies the noun after it, 衝撃波 "shock wave", 衝撃ゾーン: a
    # thing's name)
    # (the nouns of speed are a closed class: スピード, 速度, 速さ, ペース; a pace said of the
    # edit is the pacing's, NOT_MOTION)
    # (a noun of speed or of a force only said of a movement: with で or に, or with a verb or a
    # noun of movement later in its clause (速さで駆け抜ける, スピードが落ちる); not a still
    # thing's, シャッタースピードを遅くした夜景, スピード感のある構図, 重力を感じさせる構図)
    Cue(r"(?:(?:スピード|速度|速さ|ペース)|(?:重力|無重力|反動|衝撃|弾力)"
        r"(?![\u4e00-\u9fff\u30a1-\u30fa]))(?=で|に|[^、。,.!?！？\n]{0,20}?(?:" + _MOVES + "|"
        + _MOTION_NOUN + r"))|低速|加速|減速|全速|猛烈な勢い|重たげ|"
        r"重々しく|軽快な(?:動き|足取り|ステップ|身のこなし)|身軽に"),
]

PACING: list[Cue] = [
    Cue(r"スローモーション|スロー(?:で|に)|タイムラプス|微速度撮影|早送り|リアルタイム|ワンカット|長回し|"
        r"その後|やがて|そして|次に|最後に|最初に|はじめに|\d+秒(?:間|後)?|一瞬|ループ|テンポ|"
        r"徐々に|次第に|続いて|すると|突然|ふいに|しばらくして|同時に|それから|〜から〜へ"),
]

_CLOTHES = (r"着物|浴衣|制服|セーラー服|学生服|ドレス|ワンピース|スーツ|コート|ジャケット|パーカー|"
            r"セーター|シャツ|Tシャツ|スカート|ズボン|ジーンズ|帽子|麦わら帽子|マフラー|スカーフ|"
            r"メガネ|眼鏡|サングラス|ヘルメット|仮面|マスク|鎧|甲冑|マント|ローブ|エプロン|ブーツ|"
            r"スニーカー|手袋|リュック|ネックレス|イヤリング|ネクタイ|袴|和服|割烹着|白衣|レインコート")
CONSISTENCY: list[Cue] = [
    Cue(_CLAUSE + r"{0,10}?(?:" + _CLOTHES + r")(?:を)?(?:着|身に(?:つけ|着け|まと)|まと|かぶ|被|履|"
        r"かけ)[たてる]?", strength=0.8),
    Cue(r"(?:赤|青|白|黒|緑|黄|紫|茶|灰|ピンク|金|銀)(?:色)?い?の?(?:" + _CLOTHES + r")", strength=0.7),
    Cue(r"長い(?:黒)?髪|黒髪|金髪|銀髪|白髪|茶髪|赤毛|ポニーテール|おさげ|ショートヘア|ロングヘア|"
        r"三つ編み|ひげ|髭|そばかす|タトゥー|入れ墨|傷跡|同じ(?:キャラクター|人物|服装|衣装)|"
        r"一貫した|統一(?:された|感)", strength=0.7),
]

AUDIO: list[Cue] = [
    Cue(r"音(?!楽家)|音声|効果音|BGM|音楽|環境音|セリフ|台詞|ナレーション|声(?!優)|歌声|"
        r"鳥のさえずり|鳥の声|雨音|波の音|風の音|足音|笑い声|拍手|鐘の音|雷鳴|静寂|無音|"
        r"「[^」]+」(?:と)?(?:言|話|叫|囁|ささや|つぶや|呟|歌)|ざわめき|せせらぎ|鳴き声|鳴[くきい]|"
        r"吠え|さえず|響[くきい]"),
]

# --- subjects ------------------------------------------------------------------------------

_PERSON = (r"女性|女の子|少女|女子|女子高生|男性|男の子|少年|男子|男(?!性|子|の子)|女(?!性|子|の子|王)|"
           r"老人|おじいさん|おばあさん|老婆|老人男性|子供|子ども|こども|赤ちゃん|赤ん坊|人々|群衆|人混み|"
           r"カップル|恋人|家族|親子|友達|友人|ダンサー|バレリーナ|宇宙飛行士|兵士|騎士|侍|武士|忍者|"
           r"魔法使い|魔女|女王|王様|王女|お姫様|姫|王子|探偵|シェフ|料理人|ウェイター|バリスタ|"
           r"ミュージシャン|ギタリスト|歌手|ピアニスト|画家|アーティスト|スケーター|サーファー|ランナー|"
           r"選手|ボクサー|ライダー|運転手|パイロット|漁師|農家|僧侶|お坊さん|巫女|科学者|医者|看護師|"
           r"学生|高校生|先生|ロボット|アンドロイド|宇宙人|幽霊|ゾンビ|怪物|モンスター|妖精|人魚|"
           r"モデル|俳優|女優|主人公|キャラクター|旅人|彼女|彼ら|彼|母親|父親|母|父|おばあちゃん|"
           r"おじいちゃん|青年|若者|若い女性|若い男性|美女|少年少女|人物|人(?=が|は|の姿)|サラリーマン|"
           r"会社員|警察官|消防士|職人|店員|観客|通行人|アイドル|戦士|剣士|勇者|ヒロイン|花嫁|舞妓|芸者")
_ANIMAL = (r"子猫|猫|ネコ|ねこ|子犬|犬|イヌ|いぬ|柴犬|馬|ウマ|キツネ|狐|オオカミ|狼|クマ|熊|パンダ|"
           r"鹿|シカ|ウサギ|うさぎ|兎|リス|ネズミ|ライオン|トラ|虎|ヒョウ|チーター|象|ゾウ|キリン|"
           r"シマウマ|サル|猿|ゴリラ|ヘビ|蛇|トカゲ|カエル|蛙|クモ|蜘蛛|アリ|蟻|ドラゴン|竜|龍|鳳凰|"
           r"ユニコーン|牛|羊|豚|ニワトリ|鶏|恐竜|動物|狸|タヌキ|ハムスター|カピバラ")
_BIRD = (r"小鳥|鳥(?!居|肌)|鷲|鷹|フクロウ|カラス|ハト|鳩|オウム|白鳥|アヒル|ペンギン|カモメ|蝶々?|"
         r"ちょうちょ|チョウ|蜂|ハチ|トンボ|蛍|ホタル|雀|スズメ|鶴|ツル|ハチドリ|フラミンゴ|孔雀")
_WATER = r"金魚|鯉|魚|サメ|クジラ|鯨|イルカ|クラゲ|タコ|カメ(?!ラ)|亀|カニ|蟹|アザラシ|ラッコ|カワウソ"
_VEHICLE = (r"スポーツカー|自動車|車(?!内|輪|窓|道)|クルマ|トラック|バス|電車|列車|新幹線|バイク|"
            r"自転車|船|ボート|ヨット|潜水艦|飛行機|ジェット機|ヘリコプター|ロケット|宇宙船|気球|"
            r"戦車|タクシー|機関車|路面電車|[\u30a0-\u30ff]{2,8}カー(?![テドブ])")
_PRODUCT = (r"コーヒーカップ|コーヒー|ティーカップ|カップ|マグカップ|ボトル|香水|腕時計|スニーカー|靴|"
            r"スマートフォン|スマホ|ギター|ピアノ|バイオリン|本|手紙|ろうそく|キャンドル|提灯|ランタン|"
            r"時計|彫刻|花瓶|ラーメン|寿司|ケーキ|パン(?=を|が|の|と|、|。|$)|果物|リンゴ|りんご|いちご|"
            r"苺|チョコレート|料理|お茶|日本酒|ワイン|カクテル|ビール|香水瓶|商品|製品|宝石|指輪|"
            r"ネックレス|バッグ|傘|和傘|風鈴|団子|おにぎり|弁当")
_ABSTRACT = (r"インク|煙|絵の具|液体|粒子|羽根?|布|シルク|リボン|炎|火花|花火|雲|波(?!紋|打)|泡|シャボン玉|"
             r"結晶|ガラス|氷|雪の結晶|雨粒|水滴|しずく|雫|光の粒|幾何学(?:模様)?|花びら|落ち葉|紅葉|"
             r"紙吹雪|折り紙|砂")
_LANDSCAPE = (r"桜の木|桜|花(?!火|瓶|びら)|バラ|薔薇|ひまわり|向日葵|木(?!漏れ|製|造|曜)|樹木|大木|"
              r"キノコ|灯台|塔|タワー|高層ビル|ビル|家|小屋|城|神社|鳥居|橋|風車|火山|滝|氷河|"
              r"オーロラ|嵐|竜巻|虹|富士山|山々|街並み|都市|夜景|景色|風景|星空|天の川|月|太陽|地球|惑星")

_PLURAL_SUFFIX = r"[達等]"
"""The kanji suffixes of a plural (子供達, 兵士等: a closed class): the noun is still the head."""
_NUMERAL = r"[0-9０-９一二三四五六七八九十百千万何数]"
_HEAD = (r"(?!(?<=[\u30a1-\u30faー])[\u30a1-\u30faー])"
         r"(?!(?<=[\u4e00-\u9fff])(?!" + _PLURAL_SUFFIX + r")[\u4e00-\u9fff])")
"""A listed noun is a subject only as the head of its word. Japanese compounds are
right-headed: a noun with another kanji after it (亀裂, 印象的, 家庭, 本当) or a katakana noun
with more katakana after it (キリスト, ボスエリア) is the first part of a longer word, which is
something else."""
_NOT_COUNTER = r"(?<!" + _NUMERAL + r"(?=[\u4e00-\u9fff](?![\u4e00-\u9fff])))"
"""A single kanji right after a numeral is a counter (マイクが2本, 3匹), not the noun it
spells alone (本 "book")."""


def _headed(pattern: str) -> str:
    return _NOT_COUNTER + r"(?:" + pattern + r")" + _HEAD


SUBJECTS: list[Subject] = [
    Subject(_headed(_PERSON), "person"), Subject(_headed(_ANIMAL), "animal"),
    Subject(_headed(_BIRD), "bird"), Subject(_headed(_WATER), "water"),
    Subject(_headed(_VEHICLE), "vehicle"), Subject(_headed(_PRODUCT), "product", 0.9),
    Subject(_headed(_ABSTRACT), "abstract", 0.8), Subject(_headed(_LANDSCAPE), "landscape", 0.7),
]

# --- actions -------------------------------------------------------------------------------

_GODAN = {"う": ("い", "っ"), "く": ("き", "い"), "ぐ": ("ぎ", "い"), "す": ("し", "し"),
          "つ": ("ち", "っ"), "ぬ": ("に", "ん"), "ぶ": ("び", "ん"), "む": ("み", "ん"),
          "る": ("り", "っ")}
_A_ROW = {"う": "わ", "く": "か", "ぐ": "が", "す": "さ", "つ": "た", "ぬ": "な", "ぶ": "ば",
          "む": "ま", "る": "ら"}
_E_ROW = {"う": "え", "く": "け", "ぐ": "げ", "す": "せ", "つ": "て", "ぬ": "ね", "ぶ": "べ",
          "む": "め", "る": "れ"}


def _forms(entry: str) -> list[str]:
    """Dictionary form, masu stem, te/ta forms (with the sound change), causative and passive
    stems of a verb; "見る:i" marks an ichidan verb, other る verbs after a kanji are godan
    unless the kana before る is in the e or i row (流れる, 落ちる)."""
    verb, _, kind = entry.partition(":")
    last = verb[-1]
    ichidan = kind == "i" or (last == "る" and len(verb) >= 2 and verb[-2] in
                              "えけげせぜてでねへべぺめれいきぎしじちぢにひびぴみり" and kind != "g")
    if ichidan:
        stem = verb[:-1]
        return [verb, stem + "(?:て|た|ます|ない|ながら|よう|られ|させ)", stem]
    stem = verb[:-1]
    masu, onbin = _GODAN[last]
    voiced = last in "ぐぬぶむ"
    te = "で" if voiced else "て"
    ta = "だ" if voiced else "た"
    if verb.endswith("行く") or verb.endswith("いく"):
        onbin = "っ"
        te, ta = "て", "た"
    # the a-row stem + す/せ (causative or transitive: 飛ばす, 走らせる, 揺らし) or + れ
    # (passive: 注がれ, 運ばれて)
    voice = stem + _A_ROW[last] + "(?:す|し|せ|れ)"
    return [verb, stem + masu, stem + onbin + "(?:" + te + "|" + ta + ")", voice]


_VERBS = ["歩く", "走る:g", "駆ける", "駆け抜ける", "跳ぶ", "飛ぶ", "飛び立つ", "飛び跳ねる", "跳ねる",
    "踊る:g", "舞う", "泳ぐ", "落ちる", "降る:g", "散る:g", "昇る:g", "登る:g", "上る:g", "上がる:g",
    "下がる:g", "回る:g", "回す", "振り向く", "振り返る:g", "向く", "浮かぶ", "漂う", "流れる",
    "ぶつかる:g", "爆発する", "崩れる", "壊れる", "割れる", "砕ける", "溶ける", "燃える", "灯る:g",
    "光る:g", "輝く", "瞬く", "揺れる", "振る:g", "手を振る:g", "笑う", "微笑む", "泣く", "見る:i",
    "見つめる", "眺める", "見上げる", "見下ろす", "覗く", "伸ばす", "掴む", "握る:g", "投げる",
    "捕まえる", "蹴る:g", "殴る:g", "叩く", "登る:g", "座る:g", "立つ", "立ち上がる:g", "寄りかかる:g",
    "転がる:g", "滑る:g", "滑り降りる", "走り回る:g", "乗る:g", "運転する", "追う", "追いかける",
    "狩る:g", "飛びかかる:g", "持ち上げる", "下ろす", "注ぐ", "こぼれる", "広がる:g", "咲く", "育つ",
    "伸びる", "溶け出す", "開く", "閉じる", "食べる", "飲む", "啜る:g", "噛む", "歌う", "弾く", "叩く",
    "描く", "書く", "読む", "料理する", "切る:g", "混ぜる", "焼く", "煮る:i", "抱く", "抱きしめる",
    "抱える", "キスする", "持つ", "運ぶ", "押す", "引く", "うなずく", "囁く", "言う", "話す", "下る:g",
    "降下する", "伝う", "手伝う", "手渡す", "揉む", "刈る:g", "叫ぶ", "進む", "行進する", "滑走する",
    "羽ばたく",
    "舞い上がる:g", "舞い落ちる", "降り注ぐ", "吹く", "吹き抜ける", "渦巻く", "波打つ", "打ち寄せる",
    "砕け散る:g", "飛び散る:g", "跳び越える", "潜る:g", "沈む", "浮く", "現れる", "消える", "変わる:g",
    "変身する", "近づく", "遠ざかる:g", "通り過ぎる", "横切る:g", "渡る:g", "入る:g", "出る", "帰る:g",
    "戻る:g", "待つ", "眠る:g", "寝る:i", "起きる", "目覚める", "振り回す", "掲げる", "差し出す",
    "手に取る:g", "拾う", "跪く", "屈む", "佇む", "遊ぶ", "戯れる", "駆け回る:g", "はしゃぐ", "逃げる",
    "戦う", "斬る:g", "撃つ", "構える", "祈る:g", "踏み出す", "着地する", "離陸する", "旋回する",
    "回転する", "疾走する", "跳躍する", "飛行する", "走行する", "移動する", "通る:g", "湧き上がる:g",
    "立ち昇る:g", "立ち込める", "膨らむ", "縮む", "弾ける", "瞬きする", "呼吸する", "息をする", "食う",
    "吠える", "鳴く", "羽ばたかせる", "揺らす", "揺らめく", "なびく", "はためく"]
_VERBS += ["頷く", "閉める", "駆け上がる:g", "飛び込む", "転ぶ", "倒れる", "起き上がる:g", "寝転ぶ",
           "座り込む", "しゃがむ", "覗き込む", "見渡す", "指さす", "触れる", "撫でる", "なでる",
           "掃く", "洗う", "磨く", "刻む", "揚げる", "茹でる", "吹き消す", "手を伸ばす"]
ACTIONS: list[str] = sorted({f for entry in _VERBS for f in _forms(entry)},
                            key=lambda f: (-len(f), f))
"""Longest first, then in a fixed order: the same regex in every process."""
_ABSTRACT_SURU = (r"撮影|強調|調和|表現|作成|延長|参照|生成|使用|再現|演出|表示|描写|想像|意識|集中|"
                  r"注目|確認|紹介|説明|強化|撮|編集|構成|配置|設定|追加|維持|反映|適用")
"""する-nouns that are not something the subject visibly does (filming, emphasising)."""
GRAMMAR_ACTIONS: list[str] = [
    r"(?P<v>(?!" + _ABSTRACT_SURU + r")[\u4e00-\u9fff\u30a0-\u30ffー]{2,8})(?:する|して|した|しながら|"
    r"している|しています|中)(?![\u4e00-\u9fff])",
    r"(?P<v>[\u4e00-\u9fff][\u3040-\u309f]{0,2}?(?:て|で))(?:いく|くる)",
    # an activity noun and its light verb: フリースタイルダンスをする, シンクロダンスを披露
    r"(?P<v>[\u30a1-\u30faー]{2,12}を(?:する|して|した|しながら|披露|踊|決め|行[うい]|繰り広げ))",
    # a sentence that ends on its verbal noun (体言止め): ステージでパフォーマンス。, 上空を飛行、
    # ブランドマークを形成。 (not a noun of filming or of the picture: 背景, 撮影, 強調)
    r"(?<=[をでへ])(?P<v>(?!(?:" + _ABSTRACT_SURU + r"|背景|前景|中心|舞台|主役|主題|基調|雰囲気|"
    r"全体|全景|表情|映像|画面|構図|照明|効果|質感)(?![\u4e00-\u9fff]))(?:[\u4e00-\u9fff]{2}|"
    r"[\u30a1-\u30faー]*(?:ダンス|パフォーマンス|ジャンプ|ターン|スピン|ランニング|ジョギング|サーフィン|"
    r"スケート|スキー|ドライブ|プレイ|プレー|キス|ハグ|ウォーク|パレード|バトル|ファイト|レース|"
    r"ダイブ|ダッシュ|スライディング|ステップ|ライディング)))(?=[。、,，\n]|$)",
    # (an adjective's く form is not a verb: 被写界深度が浅く、 / コントラストが強く、 / 明るく)
    # (nor a verb of what the picture does to the viewer: 魅力的に見せる, 期待感を高める, 捉える)
    r"(?<![\u4e00-\u9fff])(?P<v>(?!見せ|捉え|(?<!と)伝え|高め|与え|感じ|示す|表す|映す|映し出|描き出|"
    r"思わせ|際立た|引き立て)[\u4e00-\u9fff][\u3040-\u309f]{0,3}?(?<!ま)[うくぐすつぬぶむる])"
    r"(?<![しきさるたかな]く)(?<![浅強暗高低早速遅長短太細白黒赤青広狭深薄厚重軽近遠多少古若安痛熱"
    r"寒暑冷温硬固甘辛苦丸鋭鈍濃淡良悪]く)(?=[、。,.\s]|$)",
]

_STILL = (r"(?:座|立|腰掛け|腰かけ|横たわ|寝そべ|もたれ|しゃが|ひざまず|跪)(?:っ|ん|い)?てい|"
          r"佇[むみん]|たたず[むみん]|ポーズ|吠え|叫[ぶびん]|鳴[くきい]|歌[うい]|話[すし]|語[るり]|"
          r"囁[くき]|ささや[くき]|咆哮|唸[るり]|うな[るり]|怒鳴|見つめ|眺め|見守")
"""A body held in a pose (座っている, 佇む, ポーズをとる; 座る alone may be sitting down, a
movement) or its voice or look (吠える, 囁く, 見つめる)."""

_NOT_SPEED = (r"(?<!ゆっくり)(?<!ゆっくりと)(?<!素早)(?<!すばや)(?<!急)(?<!勢いよ)(?<!重)"
              r"(?<!さっ)(?<!そっ)(?<!どさっ)(?<!どかっ)(?<!慎重)(?<!重た)(?<!重そう)")
"""Not right after a word of speed, weight or care (the kana that ends it is looked behind)."""

NOT_MOTION = (r"(?P<m>ゆっくり(?:と)?|ゆったり(?:と)?|そっと|静かに|徐々に|次第に|緩やかに|ゆるやかに|"
              r"素早く|すばやく|急に|激しく|せわしなく|小刻みに)(?=(?:[\u3040-\u309f]{0,2}[、,])?(?:"
              # a light that flickers or blinks (ネオンが激しく点滅する): the lighting's rhythm
              r"点滅|明滅|瞬[くきい]|またた[くきい]|きらめ|煌め|ちらつ|チカチカ|"
              r"暗く|明るく|薄暗く|色づ|"
              r"色が変わ|色を変え|変色|フェード(?:アウト|イン)|溶暗|溶明|白く|赤く染|染ま|霞ん|ぼやけ|"
              # nor of an appearance, a change, a sound, growth or the edit
              r"差し込|表示|現れ|浮かび上が|変わ|咲|響|聞こえ|切り替わ|カット|トランジション|"
              r"ディゾルブ|フェード))"
              r"|(?:時間|時|音楽|曲|メロディー?|歌声|光|日差し|陽光|月光|木漏れ日|"
              # the sun or the moon rising or setting is the hour changing (lighting)
              r"太陽|夕日|夕陽|朝日|朝陽|月|満月|"
              # and night or dusk falling, dawn breaking (夜がゆっくりと降りてくる, 夕闇がそっと街を包む)
              r"夜|夕闇|宵闇|夜の帳|夕暮れ|暮色|夜明け|闇|暗闇)(?:が|は)"
              r"(?P<m2>ゆっくり(?:と)?|ゆったり(?:と)?|静かに|そっと|優しく|やさしく)"
              # a manner word said of a body held in a pose or of its voice or look (優雅に座って
              # いる, 激しく吠える): how it sits, sounds or looks, not how anything moves
              # (the group is the manner word's last kana, に, く or と, inside its motion span)
              # a speed said of the edit (スピード感のある編集, カット割りのテンポが速い) is
              # the pacing's, not a movement's
              r"|(?P<m5>スピード|速度|速さ|ペース)(?=感?(?:の|が|な|に|ある|あふれる|溢れる)*"
              r"(?:編集|カット|切り替|場面転換|展開|トランジション))"
              r"|(?:編集|カット割り|カット|切り替え|展開|場面転換)(?:の|は|が)(?P<m6>スピード|速度|速さ|ペース)"
              r"|(?<=[\u3041-\u30ff\u4e00-\u9fff])(?P<m3>[にくと])(?=" + _OBJECT + r"(?:" + _STILL
              + r"))"
              # the same said of sitting (優雅に座り, 静かに腰掛ける): the grace of the pose; but
              # speed, weight or care said of it is how the body gets down (ゆっくりと座る,
              # どさっと座り込む: a movement), as Chinese 缓缓坐在 is read
              # (the kana and a 座 or 腰 ahead are looked for first: the look-behinds and the
              # object run only there)
              r"|(?=[にくと][^、。]{0,8}?[座腰])" + _NOT_SPEED
              + r"(?<=[\u3041-\u30ff\u4e00-\u9fff])(?P<m7>[にくと])(?="
              + _OBJECT + r"(?:座[りるっ](?!込)|腰(?:掛|か)け[、てるた]))")
"""A manner word said of a change of light, colour or picture (空がゆっくりと暗くなる,
ゆっくりとフェードアウト): nothing moves, not motion; nor one said of an appearance, a sound,
or the edit (ゆっくり表示される), or of time, music, light, the sun or the moon as the
subject (時間がゆっくりと流れる, 光がそっと差し込む, 夕日がゆっくりと沈む)."""

LEXICON = NativeLexicon(
    code="ja",
    spaced=False,
    cues={C.CAMERA: CAMERA, C.SHOT: SHOT, C.LENS: LENS, C.LIGHTING: LIGHTING, C.COLOR: COLOR,
          C.STYLE: STYLE, C.SETTING: SETTING, C.MOTION: MOTION, C.PACING: PACING,
          C.CONSISTENCY: CONSISTENCY, C.AUDIO: AUDIO},
    subjects=SUBJECTS,
    actions=ACTIONS,
    grammar_actions=GRAMMAR_ACTIONS,
    not_motion=NOT_MOTION,
    negation=r"[\u4e00-\u9fff\u30a0-\u30ffー]{1,8}(?:なし|無し|は(?:映さ|入れ)ない|を避け)",
    facts={
        "night": r"夜|深夜|真夜中|月光|月明かり|星空|ネオン|夜景|暗闇",
        "day": r"昼|真昼|昼間|白昼|晴天|日中",
        "golden": r"夕暮れ|夕日|夕陽|夕焼け|日没|日の出|朝日|朝焼け|ゴールデンアワー|マジックアワー|"
                  r"黄昏|夜明け|明け方",
        "indoors": r"室内|屋内|部屋|寝室|リビング|キッチン|台所|カフェ|喫茶店|レストラン|オフィス|教室|"
                   r"スタジオ|図書館|廊下|和室|旅館|教会|体育館|窓辺|窓際|テーブル|机|ソファ|ベッド|窓|"
                   r"暖炉|こたつ",
        "posture": r"座|立っ|立ち止|佇|寝|横たわ|眠|待|見つめ|眺め",
        "outdoors": r"屋外|街|森|海|山|草原|砂漠|湖|川|公園|庭|空|田んぼ|畑|都市|雪原|浜辺|ビーチ|屋上|路地",
        "snow": r"雪|冬",
        "rain": r"雨",
        "still": r"静止|止まっ|動かない|静物|彫刻|銅像|写真|肖像",
        "still_camera": r"固定(?:カメラ|ショット|アングル)|定点|三脚|カメラは?(?:固定|静止|動かない)",
        "animated": r"アニメ|ジブリ|新海誠|ピクサー|水彩|油絵|水墨画|浮世絵|イラスト|漫画|セル画|"
                    r"ピクセルアート|ドット絵|クレイアニメ|ストップモーション|3DCG",
        "monochrome": r"モノクロ|白黒|モノトーン",
        "wears": r"着た|着て|着ている|身に(?:つけ|着け|まと)|かぶった|被った",
    },
    subject_fallback=r"(?P<s>[\u4e00-\u9fff\u30a0-\u30ffー]{1,8})(?:が|は)",
    not_a_subject=names_no_subject,
)
