"""The offline rewrite of a Chinese, Spanish or Japanese prompt, in that language.

The needs are decided exactly as for English (`needs.plan`: a still subject gets light and a
setting, an action gets motion physics and a camera that serves it), from a context read with
the language's own lexicon (`native_context`). The phrases added are written in the prompt's
language, chosen by the same facts (night, indoors, snow, rain, stillness, an animated style),
so "cámara lenta" is never answered with "real-time pace" and a Chinese prompt gets no English.
Reasons and asks come from the core's message catalogue; guide citations are the same ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core import cached_re as re
from bot.core.critique.components import Component as C
from bot.core.critique.facts import IN
from bot.core.critique.messages import REASON

if TYPE_CHECKING:
    from bot.core.critique.rewrite import RewriteResult
from bot.core.critique.needs import WEAK, Context, Plan, Strength, plan
from bot.core.critique.results import Addition, Analysis
from bot.core.knowledge import ModelProfile

# --- phrases, written in each language -------------------------------------------------------

# (component, condition) -> phrase. Conditions are checked in order; "" always applies.
PHRASES: dict[str, dict[C, list[tuple[str, str]]]] = {
    "zh": {
        C.LIGHTING: [
            ("night", "冷冷的月光与暖色灯光交织，阴影深重"),
            ("rain", "阴天柔和的漫射光，湿润的地面泛着反光"),
            ("snow", "冬日柔和的漫射日光，雪地微微发亮"),
            ("indoors", "午后温暖的窗光从侧面照入"),
            ("landscape", "黄金时刻的阳光掠过大地"),
            ("", "柔和的自然侧光"),
        ],
        C.SETTING: [
            ("indoors", "在一间安静简洁的房间里"),
            ("person", "在一条安静的城市街道上"),
            ("animal", "在一片安静的林间空地"),
            ("bird", "在平静的湖面上方"),
            ("water", "在清澈的蓝色海水中"),
            ("vehicle", "在一条空旷蜿蜒的海岸公路上"),
            ("product", "放在光滑的大理石台面上，背景是柔和的灰色"),
            ("abstract", "在干净的黑色背景前"),
            ("", "在简洁干净的背景前"),
        ],
        C.CAMERA: [
            ("still", "固定机位，三脚架拍摄"),
            ("complex", "固定机位，三脚架拍摄"),
            ("travel", "平稳的跟拍镜头，与主体同行"),
            ("landscape", "缓慢的航拍镜头向前推进"),
            ("product", "镜头缓缓环绕产品半周"),
            ("", "镜头平视缓缓推近"),
        ],
        C.MOTION: [
            ("person", "动作自然流畅，重心平稳转移"),
            ("animal", "动作自然，带着细小的停顿"),
            ("bird", "翅膀平稳地扇动，从左向右滑翔"),
            ("vehicle", "从左向右平稳加速，车后扬起尘土"),
            ("abstract", "缓缓向外扩散"),
            ("landscape", "薄雾和云缓缓飘过画面"),
            ("", "从左向右缓慢而平稳地移动"),
        ],
        C.SHOT: [
            ("landscape", "大远景"),
            ("close", "特写"),
            ("", "中景"),
        ],
        C.LENS: [
            ("close", "85mm镜头，浅景深"),
            ("landscape", "24mm广角，深景深"),
            ("", "50mm镜头，浅景深"),
        ],
        C.STYLE: [
            ("night", "带细微胶片颗粒的新黑色电影风格"),
            ("landscape", "壮阔的自然纪录片质感"),
            ("", "真实自然的纪实风格，氛围平静"),
        ],
        C.COLOR: [
            ("night", "深蓝与琥珀色调"),
            ("snow", "冷蓝白色调，点缀一抹暖色"),
            ("", "温暖自然的色调"),
        ],
        C.PACING: [
            ("", "实时节奏"),
        ],
        C.SUBJECT: [
            ("person", "穿着深绿色帆布夹克"),
            ("animal", "毛色浓密、质感清晰"),
            ("bird", "羽毛纹理细腻"),
            ("vehicle", "车漆光亮，镀铬饰条闪闪发光"),
            ("still", "表面带着细腻的磨损质感"),
        ],
        C.CONSISTENCY: [
            ("person", "穿着深绿色帆布夹克"),
        ],
        C.ACTION: [
            ("person", "随后停下，转头看向镜头"),
            ("animal", "随后停下，竖起耳朵四处张望"),
            ("bird", "随后落定，收拢翅膀"),
        ],
        C.AUDIO: [
            ("rain", "持续的雨声和远处城市的环境音"),
            ("", "所在环境自然、轻柔的环境音"),
        ],
    },
    "es": {
        C.LIGHTING: [
            ("night", "luz de luna fría con un cálido brillo de farolas, sombras profundas"),
            ("rain", "luz difusa de día nublado, superficies mojadas que brillan"),
            ("snow", "luz invernal suave y difusa, la nieve resplandece"),
            ("indoors", "luz cálida de media tarde entrando de lado por la ventana"),
            ("landscape", "luz de hora dorada rasante sobre el terreno"),
            ("", "luz natural suave y lateral"),
        ],
        C.SETTING: [
            ("indoors", "en una habitación tranquila y sencilla"),
            ("person", "en una calle tranquila de la ciudad"),
            ("animal", "en un claro tranquilo del bosque"),
            ("bird", "sobre un lago en calma"),
            ("water", "en aguas azules y claras"),
            ("vehicle", "por una carretera costera vacía y sinuosa"),
            ("product", "sobre una superficie de mármol pulido con fondo gris suave"),
            ("abstract", "sobre un fondo negro limpio"),
            ("", "sobre un fondo sencillo y despejado"),
        ],
        C.CAMERA: [
            ("still", "cámara fija sobre trípode"),
            ("complex", "cámara fija sobre trípode"),
            ("travel", "travelling suave que acompaña al sujeto"),
            ("landscape", "lento plano aéreo que avanza"),
            ("product", "lenta órbita de media vuelta alrededor del producto"),
            ("", "lento acercamiento a la altura de los ojos"),
        ],
        C.MOTION: [
            ("person", "con movimientos naturales y precisos, el peso desplazándose con suavidad"),
            ("animal", "con pequeños movimientos naturales y pausas"),
            ("bird", "batiendo las alas con ritmo constante, planeando de izquierda a derecha"),
            ("vehicle", "acelerando de forma constante de izquierda a derecha, levantando polvo"),
            ("abstract", "expandiéndose lentamente hacia fuera"),
            ("landscape", "niebla y nubes que derivan despacio por el encuadre"),
            ("", "moviéndose despacio y con suavidad de izquierda a derecha"),
        ],
        C.SHOT: [
            ("landscape", "gran plano general"),
            ("close", "primer plano"),
            ("", "plano medio"),
        ],
        C.LENS: [
            ("close", "objetivo de 85 mm, poca profundidad de campo"),
            ("landscape", "gran angular de 24 mm, todo enfocado"),
            ("", "objetivo de 50 mm, poca profundidad de campo"),
        ],
        C.STYLE: [
            ("night", "neo-noir sombrío con grano de película sutil"),
            ("landscape", "documental de naturaleza majestuoso"),
            ("", "realismo naturalista, ánimo sereno"),
        ],
        C.COLOR: [
            ("night", "paleta de azul profundo y ámbar"),
            ("snow", "paleta fría de azules y blancos con un acento cálido"),
            ("", "paleta cálida y natural"),
        ],
        C.PACING: [
            ("slow", "en cámara lenta"),
            ("", "a ritmo de tiempo real"),
        ],
        C.SUBJECT: [
            ("person", "con una chaqueta de lona verde oscuro"),
            ("animal", "de pelaje espeso y con textura"),
            ("bird", "de plumas finamente detalladas"),
            ("vehicle", "de pintura brillante y cromados"),
            ("still", "de superficie gastada y finamente texturizada"),
        ],
        C.CONSISTENCY: [
            ("person", "con una chaqueta de lona verde oscuro"),
        ],
        C.ACTION: [
            ("person", "luego se detiene y mira a cámara"),
            ("animal", "luego se detiene, con las orejas alerta, y mira alrededor"),
            ("bird", "luego se posa y pliega las alas"),
        ],
        C.AUDIO: [
            ("rain", "el siseo constante de la lluvia y el rumor lejano de la ciudad"),
            ("", "sonido ambiente natural del lugar, suave y cercano"),
        ],
    },
    "ja": {
        C.LIGHTING: [
            ("night", "冷たい月明かりと暖かな街灯、深い影"),
            ("rain", "曇り空のやわらかな拡散光、濡れた路面の反射"),
            ("snow", "冬のやわらかな拡散光、雪がほのかに輝く"),
            ("indoors", "午後の暖かな窓明かりが横から差し込む"),
            ("landscape", "大地をなめるゴールデンアワーの光"),
            ("", "やわらかな自然光のサイドライト"),
        ],
        C.SETTING: [
            ("indoors", "静かで簡素な部屋で"),
            ("person", "静かな街の通りで"),
            ("animal", "静かな森の開けた場所で"),
            ("bird", "静かな湖の上で"),
            ("water", "澄んだ青い海の中で"),
            ("vehicle", "人けのない曲がりくねった海沿いの道で"),
            ("product", "磨かれた大理石の台の上、やわらかなグレーの背景"),
            ("abstract", "すっきりした黒背景の前で"),
            ("", "シンプルで整った背景の前で"),
        ],
        C.CAMERA: [
            ("still", "三脚に据えた固定カメラ"),
            ("complex", "三脚に据えた固定カメラ"),
            ("travel", "被写体と並走するなめらかなトラッキングショット"),
            ("landscape", "ゆっくり前進する空撮"),
            ("product", "製品のまわりをゆっくり半周するカメラ"),
            ("", "目線の高さでゆっくり寄るカメラ"),
        ],
        C.MOTION: [
            ("person", "自然でなめらかな動き、体重がゆっくり移る"),
            ("animal", "小さな間を挟む自然な動き"),
            ("bird", "一定のリズムで羽ばたき、左から右へ滑空する"),
            ("vehicle", "左から右へ一定に加速し、砂ぼこりが舞う"),
            ("abstract", "ゆっくり外側へ広がる"),
            ("landscape", "霧と雲がゆっくり画面を流れる"),
            ("", "左から右へゆっくり一定に動く"),
        ],
        C.SHOT: [
            ("landscape", "超ロングショット"),
            ("close", "クローズアップ"),
            ("", "ミディアムショット"),
        ],
        C.LENS: [
            ("close", "85mmレンズ、浅い被写界深度"),
            ("landscape", "24mm広角、パンフォーカス"),
            ("", "50mmレンズ、浅い被写界深度"),
        ],
        C.STYLE: [
            ("night", "かすかなフィルムグレインのネオノワール"),
            ("landscape", "壮大な自然ドキュメンタリー"),
            ("", "自然なリアリズム、穏やかな雰囲気"),
        ],
        C.COLOR: [
            ("night", "深い青と琥珀色の配色"),
            ("snow", "青と白の寒色に暖色を一点"),
            ("", "暖かく自然な色調"),
        ],
        C.PACING: [
            ("", "リアルタイムのテンポ"),
        ],
        C.SUBJECT: [
            ("person", "深緑のキャンバス地のジャケットを着た"),
            ("animal", "ふさふさとした質感のある毛並みの"),
            ("bird", "細やかな羽根の"),
            ("vehicle", "艶のある塗装とクロームの"),
            ("still", "細かな使い込まれた質感の"),
        ],
        C.CONSISTENCY: [
            ("person", "深緑のキャンバス地のジャケットを着た"),
        ],
        C.ACTION: [
            ("person", "そのあと立ち止まり、カメラの方を振り向く"),
            ("animal", "そのあと立ち止まり、耳を立てて辺りを見回す"),
            ("bird", "そのあと降り立ち、翼をたたむ"),
        ],
        C.AUDIO: [
            ("rain", "絶え間ない雨音と遠くの街のざわめき"),
            ("", "その場所の自然でやわらかな環境音"),
        ],
    },
}

PREFIXED_SUBJECT = {"ja"}
"""Languages whose subject detail goes before the noun (深緑のジャケットを着た女性)."""
_TRAVEL = {"zh": r"走|跑|奔|驰|骑|驾驶|行驶|漫步|散步|前进", "ja": r"歩|走|駆|進|乗|運転|散歩",
           "es": r"camin|corr|cabalg|pase|conduc|avanz|galop|pedale|march"}
_SLOW = {"es": r"salpic|vierte|explot|estall|salt|zambull"}
_COMPLEX = {"zh": r"跳|跃|舞|旋转|切|倒|翻", "ja": r"跳|飛び|踊|回|切|注",
            "es": r"salt|brinc|bail|gir|viert|cort|danz"}
"""Complex motion: a locked-off camera serves it better than a move (camera-language)."""


def _conditions(comp: C, a: Analysis, ctx: Context) -> set[str]:
    f = ctx.facts
    out = set(ctx.families) | set(ctx.kinds)
    if f.only("time_of_day", "night"):
        out.add("night")
    if f.only("place", IN):
        out.add("indoors")
    if f.get("season") == frozenset({"winter"}):
        out.add("snow")
    if f.only("weather", "rain"):
        out.add("rain")
    verbs = " ".join(s.text for s in a.actions).lower()
    if verbs and re.search(_TRAVEL[a.language], verbs):
        out.add("travel")
    if verbs and a.language in _SLOW and re.search(_SLOW[a.language], verbs):
        out.add("slow")
    if verbs and re.search(_COMPLEX[a.language], verbs):
        out.add("complex")
    if ctx.still_subject or ctx.still_camera:
        out.add("still")
    return out


def phrase_for(comp: C, a: Analysis, ctx: Context) -> str | None:
    """The first phrase whose condition this prompt meets (conditions are the prompt's facts,
    families and kinds, so night never gets golden hour and indoors never gets a street)."""
    table = PHRASES[a.language].get(comp, [])
    have = _conditions(comp, a, ctx)
    for condition, phrase in table:
        if condition and condition not in have:
            continue
        if comp is C.LIGHTING and condition == "landscape" and ctx.facts.stated("time_of_day"):
            continue  # its own time of day stands; only the generic light may join it
        return phrase
    return None


# --- assembling ---------------------------------------------------------------------------

_SPAM = {"zh": r"(?:超)?高清|超清|4K|8K|16K|杰作|最佳质量|高质量|超高画质|大师级",
         "ja": r"高画質|高精細|傑作|最高品質|4K|8K|超高解像度",
         "es": r"(?:alta|m[aá]xima|la mejor) calidad|obra maestra|ultra ?hd|4k|8k|hiperdetallad[oa]"}
SEPARATOR = {"zh": "，", "ja": "、", "es": ", "}
END = {"zh": "。", "ja": "。", "es": "."}
LEAD = (C.SHOT, C.CAMERA, C.LENS)
TAIL = (C.ACTION, C.MOTION, C.SETTING, C.LIGHTING, C.COLOR, C.STYLE, C.PACING, C.AUDIO)


def strip_spam(text: str, code: str) -> str:
    from bot.core.critique.rewrite import strip_spam as strip_english

    text = re.sub(_SPAM[code], "", text, flags=re.I)
    text = strip_english(text) if code == "es" else text
    text = re.sub(r"[，、,]\s*(?=[，、,。.])", "", text)
    return re.sub(r"^[，、,\s]+|[，、,\s]+$", "", text)


def native_rewrite(a: Analysis, model: ModelProfile | None = None, weak_style: bool = False,
                   strength: Strength | str = Strength.STANDARD, the_plan: Plan | None = None,
                   require: list[C] | tuple[C, ...] = ()) -> RewriteResult:
    """The prompt, in its own language, with what it needs added (see the module note)."""
    from bot.core.critique.rewrite import RewriteResult

    code = a.language
    p = the_plan or plan(a, model, strength, weak_style=weak_style, require=require)
    ctx = p.context
    assert ctx is not None
    base = strip_spam(a.prompt, code).rstrip("。.！!")
    chosen: dict[C, str] = {}
    for need in p.needs:
        if need.component is C.SETTING and a.has(C.SETTING):
            continue  # the author's place stands; a second one would contradict it
        phrase = phrase_for(need.component, a, ctx)
        if phrase:
            chosen[need.component] = phrase
    for comp in (C.SUBJECT, C.CONSISTENCY):
        if comp in chosen:
            anchored = _insert_anchor(base, a, chosen[comp], code)
            if anchored is None:
                del chosen[comp]
            else:
                base = anchored
    sep, end = SEPARATOR[code], END[code]
    lead = [chosen[c] for c in LEAD if c in chosen]
    order = TAIL if not ctx.has_action else (C.MOTION, C.ACTION, *TAIL[2:])
    tail = [chosen[c] for c in order if c in chosen]
    colon = "：" if code in ("zh", "ja") else ": "
    if lead:
        head = sep.join(lead)
        if code == "es":
            head = head[0].upper() + head[1:]
            base = base[0].lower() + base[1:] if base and not base[:2].isupper() else base
        text = f"{head}{colon}{base}"
    else:
        text = base[0].upper() + base[1:] if code == "es" and base else base
    if tail:
        text = f"{text}{sep}{sep.join(tail)}"
    text = text.rstrip("，、,. ") + end
    additions = [Addition(text=chosen[n.component], component=n.component,
                          reason=REASON[code].get(n.component, n.reason), guide=n.guide)
                 for n in p.needs if n.component in chosen]
    return RewriteResult(text=text, additions=additions, negative=None, plan=p)


def _insert_anchor(base: str, a: Analysis, phrase: str, code: str) -> str | None:
    """The subject's detail next to it: before the noun in Japanese (深緑のジャケットを着た女性),
    after it in Chinese (女孩，穿着...) and Spanish (una mujer con una chaqueta...)."""
    subjects = a.spans.get(C.SUBJECT) or []
    if not subjects:
        return None
    at = base.lower().find(subjects[0].text.lower())
    if at < 0:
        return None
    if code in PREFIXED_SUBJECT:
        return f"{base[:at]}{phrase}{base[at:]}"
    end = at + len(subjects[0].text)
    joiner = "，" if code == "zh" else " "
    return f"{base[:end]}{joiner}{phrase}{'，' if code == 'zh' and end < len(base) else ''}" \
           f"{base[end:]}"


_ = WEAK
