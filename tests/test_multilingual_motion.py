"""Motion in Chinese, Japanese and Spanish, session 17 (issue 16): the forms the native lexicons
did not read, each as a rule with sentences it must catch and neighbours it must not.

- A movement verb whose first morpheme is itself the manner of the second (Chinese 飞驰 "speed
  as if flying", 滑翔 "glide", 翱翔 "soar"; Japanese kango 滑空, 飛翔, 疾駆, 突進) carries the
  movement's speed or manner; the same morphemes heading a noun (滑翔伞, 滑走路) do not.
- A Japanese manner adverb still says how the verb moves with a goal between them (どすんと床に
  落ちる), as it does with an object (素早く刀を振り下ろす).
- Spanish steps with a word said of them, singular or plural ("con pasos vacilantes"), are the
  manner of walking; steps with a direction ("con pasos hacia la puerta") are not.

The sentences are written for these tests, not taken from the labelled sets."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _motion(text: str) -> list[str]:
    return [s.text for s in analyze(text).spans.get(C.MOTION, [])]


@pytest.mark.parametrize(("text", "lang", "manner"), [
    # Chinese: the first movement morpheme is the second's manner
    ("一辆摩托车在海边公路上飞驰", "zh", "飞驰"),
    ("那只老鹰张开翅膀，在峡谷上空翱翔", "zh", "翱翔"),
    ("企鹅趴在冰面上一路滑行到海边", "zh", "滑行"),
    ("骏马飞奔过金色的麦田", "zh", "飞奔"),
    # Japanese kango of the same build
    ("一羽の鷹が谷の上をゆったり飛翔している", "ja", "飛翔"),
    ("騎馬隊が夜明けの平原を疾駆する", "ja", "疾駆"),
    ("大きなムササビが木から木へと滑空する", "ja", "滑空"),
    ("闘牛が赤い布めがけて突進する", "ja", "突進"),
])
def test_a_verb_whose_first_morpheme_is_its_manner_is_motion(text: str, lang: str,
                                                             manner: str) -> None:
    assert analyze(text).language == lang
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "一架滑翔机静静地停在草地上",      # the glider, a machine named after the movement
    "他背着滑翔伞站在山顶上",
    "飞行员坐在驾驶舱里看着地图",        # 飞 heading no manner compound
    "飛行機が滑走路に停まっている",      # the runway
    "博物館に古い滑空機が展示されている",
    "少年が未確認飛翔体の写真を見ている",
])
def test_the_same_morphemes_heading_a_noun_are_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("大きな岩がドスンと地面に落ちる", "ドスンと"),
    ("風船がぐんぐん空へ昇っていく", "ぐんぐん"),
    ("猫がするりと窓の外へ抜け出す", "するりと"),
])
def test_a_japanese_manner_word_before_a_goal_and_its_verb_is_motion(text: str,
                                                                    manner: str) -> None:
    assert analyze(text).language == "ja"
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "彼女はにっこりと私に微笑む",          # a mimetic of a face, a goal, no movement verb
    "男が橋の上に立っている",
    "少女はじっと窓の外を見つめている",
])
def test_a_japanese_goal_without_a_manner_of_movement_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("El anciano avanza con pasos vacilantes por el pasillo.", "con pasos vacilantes"),
    ("La novia entra en la iglesia con pasos lentos y solemnes.", "con pasos lentos"),
    ("El soldado cruza el patio con unos pasos firmes.", "con unos pasos firmes"),
])
def test_spanish_steps_with_their_manner_are_motion(text: str, manner: str) -> None:
    assert analyze(text).language == "es"
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "El niño se acerca con pasos hacia la puerta.",
    "Un hombre con pasos de baile anotados en una libreta sonríe.",
    "El perro está sentado junto a la puerta de la casa.",
])
def test_spanish_steps_with_a_direction_or_a_topic_are_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


# --- the sun or the moon rising or setting is the hour changing, not motion --------------------

@pytest.mark.parametrize("text", [
    "傍晚时分，夕阳慢慢落下，天空逐渐变红",
    "一轮明月缓缓升起，照亮了湖面",
    "太阳缓缓从海平面升起，海鸥的剪影",
    "夕日がゆっくりと山の向こうに沈む",
    "満月がゆっくりと昇っていく夜の港",
    "El sol se pone lentamente detrás de las montañas.",
    "La luna asciende lentamente sobre el mar en calma.",
])
def test_a_manner_word_said_of_the_sun_or_the_moon_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("一个女孩在夕阳下缓缓走向海边", "缓缓"),
    ("夕日の中、少女がゆっくりと歩く", "ゆっくりと"),
    ("Bajo el sol, una mujer camina lentamente por la playa.", "lentamente"),
])
def test_someone_moving_in_the_sun_still_moves_with_manner(text: str, manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


# --- Japanese: a kind of step + で, and a mimetic before a verb of trembling, rising or going ----

@pytest.mark.parametrize(("text", "manner"), [
    ("少女は小走りで駅に向かう", "小走りで"),
    ("彼は大股で歩く", "大股で"),
    ("彼女は忍び足で廊下を進む", "忍び足で"),
    ("老人は早足で坂を登る", "早足で"),
    ("老人がとぼとぼと家に帰る", "とぼとぼと"),
    ("犬がぶるぶると体を震わせる", "ぶるぶると"),
    ("男がのっそりと起き上がる", "のっそりと"),
])
def test_a_japanese_step_or_mimetic_said_of_a_movement_is_motion(text: str, manner: str) -> None:
    assert analyze(text).language == "ja"
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "少女は裸足で砂浜を歩く",          # what is worn, not how the step goes
    "犬が後ろ足で立ち上がる",          # the foot it stands on
    "男は車で駅に向かう",              # the means, no manner
    "彼はちゃんと家に帰る",            # ちゃんと, "properly": no mimetic of movement
])
def test_a_japanese_foot_a_means_or_an_adverb_of_duty_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


# --- Spanish: a manner adjective as the mover's predicate, a named speed ------------------------

@pytest.mark.parametrize(("text", "manner"), [
    ("El gato salta ágil sobre la mesa.", "ágil"),
    ("Las hojas caen ligeras sobre el estanque.", "ligeras"),
    ("El ciervo avanza sigiloso entre los árboles.", "sigiloso"),
    ("El cohete despega a una velocidad vertiginosa.", "velocidad vertiginosa"),
    ("El tren avanza a velocidad constante entre los campos.", "velocidad constante"),
    ("Los niños corren de un lado para otro del patio.", "de un lado para otro"),
])
def test_spanish_manner_said_of_the_mover_or_its_speed_is_motion(text: str, manner: str) -> None:
    assert analyze(text).language == "es"
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "La niña lleva un vestido ligero y un sombrero de paja.",   # said of a garment
    "El hombre levanta una caja pesada del suelo.",             # said of what is lifted
    "La mujer sube a un coche rápido aparcado en la esquina.",  # said of the car
    "El tren llega a una velocidad de crucero.",                # no word said of the speed
])
def test_spanish_manner_adjectives_said_of_a_thing_are_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


# --- Chinese: one movement held with 着 before another, a speed stated, a small-step trot -------

@pytest.mark.parametrize(("text", "manner"), [
    ("巨浪翻卷着扑向岸边", "翻卷着"),
    ("醉汉摇晃着走出酒吧", "摇晃着"),
    ("女孩提着裙摆小跑着穿过走廊", "小跑"),
    ("赛车以每小时三百公里的速度冲过终点", "速度"),
    ("汽车在雨中疾速行驶", "疾速"),
])
def test_chinese_manner_by_a_held_movement_or_a_stated_speed_is_motion(text: str,
                                                                       manner: str) -> None:
    assert analyze(text).language == "zh"
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "她笑着跑向妈妈",                  # a face held while running
    "女孩穿着红裙子走进房间",          # a garment
    "孩子们唱着歌跳着舞",              # the dance is what is done
    "她拉着行李箱走出机场",            # something carried
    "他以一名医生的身份出现在会议上",   # 以 with no speed
])
def test_chinese_held_states_and_means_are_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


# --- the camera's speed: the picture, the focus or the view as what moves, a fronted adverb -----

@pytest.mark.parametrize("text", [
    "画面从全景慢慢过渡到特写",
    "焦点慢慢从前景转移到背景",
    "ピントがゆっくりと背景へ移る",
    "El punto de vista desciende lentamente hasta el suelo.",
    "Lentamente, la cámara desciende hasta el suelo.",
    "Con un movimiento lento, el dron se eleva sobre la ciudad.",
])
def test_a_manner_word_said_of_what_the_camera_shows_or_before_it_is_not_motion(
        text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("画面中，一只猫慢慢走来", "慢慢"),
    ("青年が画面右から橋の中央へゆっくり歩く", "ゆっくり"),
    ("Lentamente, la mujer se levanta de la silla.", "Lentamente"),
])
def test_a_manner_word_said_of_someone_in_the_picture_is_still_motion(text: str,
                                                                      manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


# --- session 18: a manner word said of a pose held or of a voice or a look is not motion ----------
# Rule: motion is how a body moves; a manner word said of a body held still in a pose (sitting,
# standing, posing) or of the sound it makes or its look describes the pose, the voice or the
# look. A speed, weight or balance said of a pose is getting into it or holding it on something
# moving, and a manner word said of a movement stays motion.

@pytest.mark.parametrize("text", [
    "女孩优雅地坐在钢琴前",
    "她从容地站在阳台上",
    "老虎凶猛地咆哮",
    "鸟儿欢快地鸣叫",
    "Ella posa elegantemente en el balcón.",
    "El hombre grita con fuerza.",
    "El lobo aúlla tristemente a la luna.",
    "La anciana observa atentamente a los niños.",
    "女性が優雅にピアノの前に座っている",
    "虎が激しく吠える",
    "彼女はバルコニーで優雅にポーズをとる",
    "男が力強く歌う",
])
def test_a_manner_word_said_of_a_pose_a_voice_or_a_look_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("她优雅地坐下，整理好裙摆", "优雅地"),          # sitting down: a movement
    ("老人缓缓坐在床边", "缓缓"),                    # a speed said of a pose: getting into it
    ("冲浪者稳稳站在冲浪板上", "稳稳"),              # balance on something moving
    ("老虎凶猛地扑向猎物", "凶猛地"),
    ("El lobo corre ferozmente hacia su presa.", "ferozmente"),
    ("El hombre empuja la puerta con fuerza.", "con fuerza"),
    ("La mujer se levanta elegantemente del sofá.", "elegantemente"),
    ("女性が優雅に立ち上がる", "優雅に"),
    ("虎が激しく獲物に飛びかかる", "激しく"),
    ("男が力強く走る", "力強く"),
])
def test_the_same_manner_words_said_of_a_movement_are_still_motion(text: str,
                                                                   manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


# --- session 18: Japanese mimetics are read by mora ------------------------------------------------
# Rule: a Japanese mimetic is built of morae, and a mora may be written with a small ゃ/ゅ/ょ
# (ちょ, にょ, チャ); its reduplicated and ン forms before a verb of movement say how the verb
# moves whatever number of characters a mora takes. Mimetics of a face, a sound of keys or an
# adverb of duty are not movement.

@pytest.mark.parametrize(("text", "manner"), [
    ("リスがちょこちょこと枝を渡る", "ちょこちょこ"),
    ("蛇がにょろにょろと草むらを進む", "にょろにょろ"),
    ("子犬がひょこひょこ歩いてくる", "ひょこひょこ"),
    ("ネズミがちょろちょろ走り回る", "ちょろちょろ"),
    ("矢がびゅんびゅん飛ぶ", "びゅんびゅん"),
    ("小石がポチャンと池に落ちる", "ポチャンと"),
])
def test_a_japanese_mimetic_with_a_small_kana_mora_is_motion(text: str, manner: str) -> None:
    assert analyze(text).language == "ja"
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "ちゃんと家に帰る",
    "ゆいちゃんと公園を歩く",
    "彼女はにこにこと笑う",
    "じゃらじゃらと鍵束を持つ",
])
def test_a_japanese_name_a_duty_or_a_face_mimetic_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


# --- session 18: a Spanish shot named as what moves is the camera moving --------------------------
# Rule: Spanish names the camera's move by its shot (la toma, el plano, el travelling), as
# Chinese does by 镜头; a manner word said of the shot's move is the camera's speed, not the
# subject's motion. A shot that names where something is (en primer plano) or what it shows
# (primer plano de una mujer que camina) leaves the subject's manner as motion.

@pytest.mark.parametrize("text", [
    "La toma se desplaza lentamente sobre el bosque.",
    "Un plano que avanza lentamente por el pasillo.",
    "Toma aérea que sobrevuela lentamente la costa.",
    "El travelling se acerca suavemente a la casa del lago.",
])
def test_a_spanish_shot_that_moves_is_the_camera_not_motion(text: str) -> None:
    assert analyze(text).language == "es"
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("En primer plano, un niño corre rápidamente hacia el mar.", "rápidamente"),
    ("Primer plano de una mujer que camina lentamente por la playa.", "lentamente"),
    ("Un plano medio de un hombre que se levanta lentamente de la silla.", "lentamente"),
    ("El coche se desplaza lentamente por la autopista.", "lentamente"),
])
def test_a_subject_in_a_shot_still_moves_with_manner(text: str, manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


# --- session 18: the movement named as a noun, with its manner said of it ---------------------------
# Rule: a noun of movement (a jump, a step, a punch, the movement itself) with a word of speed,
# weight or smoothness said of it, right after it or as its predicate (a simile included), is
# the manner of the movement; the same words said of a thing, of a waterfall or of what is made
# visible are not. Height or reach said of a verb of movement (salta muy alto) is its manner,
# as 高く跳ぶ and 跳得高 are.

@pytest.mark.parametrize(("text", "manner"), [
    ("Sus saltos parecen ligeros y elegantes.", "saltos parecen ligeros"),
    ("Los movimientos de la bailarina son fluidos.", "movimientos de la bailarina son fluidos"),
    ("El boxeador lanza golpes rápidos contra el saco.", "golpes rápidos"),
    ("El pájaro vuela muy alto sobre las montañas.", "vuela muy alto"),
    ("ダンサーの動きは流れるようだ", "動きは流れるよう"),
    ("猫の足取りはまるで踊るようだ", "足取りはまるで踊るよう"),
    ("ロボットの動きはまるで人間のようだ", "動きはまるで人間のよう"),
    ("舞者的动作如行云流水", "动作如行云流水"),
    ("他的步伐像猫一样轻", "步伐像猫一样"),
    ("她的舞步宛如蝴蝶", "舞步宛如蝴蝶"),
])
def test_a_movement_noun_with_its_manner_is_motion(text: str, manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "El águila vuela bajo el puente.",
    "El salto de agua es natural.",
    "Una música lenta suena de fondo.",
    "動きがあるように見せる演出",
    "彼女の動きが見えるように照明を当てる",
    "动作设计像电影一样",
    "画面如梦似幻",
])
def test_the_same_words_said_of_a_thing_or_a_place_are_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


# --- session 20: manner read by its form, where the lexicons listed words ------------------------
# Rules (each with sentences written for these tests, none from the labelled sets):
# - zh: an ABB word says a manner of moving unless its A is a look, a feeling, a colour, a light,
#   a warmth or a smell (笑眯眯, 气冲冲: how the mover looks or feels).
# - zh: a simile closed by 般 or 似的, with no "like" before it, said of a verb of movement is its
#   manner (闪电般冲出), as the one opened by 像 is; 一般 "usually" and 这般 "so" are no simile.
# - zh: steps taken (迈着/踏着/拖着) with a word said of them are the walk's manner; a possessor's
#   steps (前人的脚步) are not.
# - zh, ja: an adverb in 然 (zh before a verb of movement, ja + と) is the movement's manner, but
#   not one of logic, chance, suddenness, a feeling or surprise (果然, 欣然, 唖然, 茫然).
# - ja: haste said in a verb's て form (急いで, 慌てて) before a verb of movement is its speed.
# - ja: a mimetic reduplicated by units of three morae (のっしのっし, ドスンドスン) is read as
#   the two-mora ones are.
# - ja: a noun of haste or naturalness + に (足早に, 一目散に, 自然に) said of a movement is its manner.
# - es: a verb that is itself a manner of going (a limp, a skid, a crawl, a collapse, a lunge)
#   is motion, as "se tambalea" is; "dando" + a noun of a lurching or bouncing gait too.
# - all: a speed said of a light that flickers or blinks, of time, or of the edit is the
#   lighting's or the pacing's, not a movement's.

@pytest.mark.parametrize(("text", "lang"), [
    ("老人慢吞吞地穿过马路", "zh"),
    ("羽毛轻飘飘地落在她的肩上", "zh"),
    ("气球晃悠悠地飘向天空", "zh"),
    ("骏马风驰电掣般冲过草原", "zh"),
    ("猎豹闪电般扑向羚羊", "zh"),
    ("黑影幽灵似的飘过走廊", "zh"),
    ("他迈着沉重的步伐走向刑场", "zh"),
    ("少女踏着轻快的脚步穿过花园", "zh"),
    ("士兵拖着疲惫的步子回到营地", "zh"),
    ("巨石轰然倒下", "zh"),
    ("大楼轰然倒塌", "zh"),
    ("猫悄然溜进厨房", "zh"),
    ("車が猛然と走り出す", "ja"),
    ("兵士たちが整然と行進する", "ja"),
    ("騎馬隊が猛然と敵陣へ突進していく", "ja"),
    ("彼女は急いで駅へ走る", "ja"),
    ("男は慌てて部屋を飛び出す", "ja"),
    ("子供たちがあわてて校庭に駆け出す", "ja"),
    ("象がのっしのっしと歩く", "ja"),
    ("巨人がドスンドスンと歩く", "ja"),
    ("怪獣がずしんずしんと進む", "ja"),
    ("少年が一目散に走り去る", "ja"),
    ("彼は足早に去っていく", "ja"),
    ("彼女は自然に振り返る", "ja"),
    ("Una mujer cojea hacia la puerta", "es"),
    ("El coche derrapa en la curva", "es"),
    ("La serpiente repta entre las rocas", "es"),
    ("El viejo edificio se desploma", "es"),
    ("El guerrero se abalanza sobre su enemigo", "es"),
    ("Un borracho avanza dando tumbos por la calle", "es"),
    ("La niña se aleja dando saltitos", "es"),
    ("El niño baja la colina dando volteretas", "es"),
])
def test_manner_read_by_its_form_is_motion(text: str, lang: str) -> None:
    assert analyze(text).language == lang
    assert _motion(text), text


@pytest.mark.parametrize("text", [
    "她笑眯眯地走过来",               # a face's ABB
    "孩子们乐呵呵地跑进院子",         # a feeling's ABB
    "他气冲冲地走出办公室",
    "他一般走路去上班",               # 一般 "usually"
    "梦幻般的光线洒在湖面上",         # 般 said of a noun
    "她这般走下去也不是办法",
    "史诗般展开的故事",               # 般 of a style, said of no body going anywhere
    "油画般流动的色彩",
    "史诗般动人的音乐",
    "年轻人踏着前人的脚步",           # a possessor's steps
    "他低头看着自己的步伐",
    "我们跟着他的脚步",
    "他果然走了",                     # 然 of logic or a feeling
    "她居然跑了",
    "他欣然走上台领奖",
    "彼は唖然と振り返る",             # 然 of surprise
    "少女は愕然と振り向く",
    "彼は茫然と立ち上がる",
    "彼女は急いで手紙を書く",         # haste said of no movement
    "男は慌てて電話に出る",
    "急いでいたので財布を忘れた",
    "時計がチクタクチクタクと鳴る",   # a reduplicated sound, no movement
    "少年がニコニコと笑う",
    "彼女は自然に笑う",               # に said of no movement
    "彼は足早に仕事を終える",
    "大急ぎで準備をする",
    "La mujer camina hacia la puerta",  # no manner of going
    "El coche se detiene en la curva",
    "La serpiente descansa entre las rocas",
    "Una pareja está dando un paseo por el parque",  # "dando" + no gait
    "El actor termina dando las gracias al público",
    "El hombre sigue dando vueltas a una idea",
])
def test_the_same_forms_said_of_no_movement_are_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize("text", [
    "城市的霓虹灯快速闪烁",
    "夜空中的星星飞快地闪动",
    "时间飞快流逝",
    "画面飞速切换到下一个场景",
    "ネオンが激しく点滅する",
    "街灯がせわしなく明滅する",
    "スピード感のある編集で場面が切り替わる",
    "編集のスピードが速い",
    "Las estrellas titilan suavemente",
    "El letrero de neón centellea rápidamente",
    "Edición rápida con cortes a ritmo frenético",
    "Montaje a un ritmo lento",
])
def test_a_speed_said_of_a_flicker_time_or_the_edit_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize("text", [
    "萤火虫快速飞过草丛",
    "ホタルが素早く飛び回る",
    "Las luciérnagas vuelan rápidamente sobre el prado",
    "他飞快地跑过走廊",
    "車がものすごいスピードで走る",
    "El caballo avanza por el camino a un ritmo lento",
])
def test_the_same_speed_said_of_a_movement_is_still_motion(text: str) -> None:
    assert _motion(text), text


# - all: a capture that slows the movement down (bullet time, overcranking, a high frame rate
#   shot) is the movement's speed, as slow motion is; the same words naming no capture are not.
# - ja: the wind as the cause (風で) of what a thing does is its physics, as 風に揺れる is.
# - es: "con" + a determiner or a quantifier + a noun of force or manner ("con todas sus
#   fuerzas", "con toda su gracia") is the manner, as "con fuerza" is.

@pytest.mark.parametrize(("text", "lang"), [
    ("子弹时间效果，子弹从空中划过", "zh"),
    ("升格拍摄，水滴落入杯中", "zh"),
    ("用高帧率拍摄舞者跳起的瞬间", "zh"),
    ("バレットタイムで弾丸が空中を進む", "ja"),
    ("ハイフレームレートで撮影した水滴", "ja"),
    ("戦士の跳躍をオーバークランクで捉える", "ja"),
    ("Efecto tiempo bala mientras las balas atraviesan el aire", "es"),
    ("Un salto congelado con efecto bala alrededor del guerrero", "es"),
    ("髪が風で乱れる", "ja"),
    ("洗濯物が強風でばたつき、シーツが飛ばされる", "ja"),
    ("風で枝が大きく揺れている", "ja"),
    ("El niño salta con todas sus fuerzas", "es"),
    ("La gimnasta gira con toda su gracia sobre la barra", "es"),
    ("El leñador golpea el tronco con toda la fuerza de sus brazos", "es"),
])
def test_slowed_capture_wind_as_cause_and_quantified_force_are_motion(text: str,
                                                                       lang: str) -> None:
    assert analyze(text).language == lang
    assert _motion(text), text


@pytest.mark.parametrize("text", [
    "这场比赛升格为国际赛事",          # 升格 "upgraded"
    "桌上放着一颗子弹",
    "视频的帧率是每秒二十四帧",
    "フレームレートは24で書き出す",
    "風で涼しくなった夕方の縁側",      # the wind cools, nothing moves
    "強風で試合が中止になる",
    "El tiempo pasa y la casa sigue igual",
    "La familia cena con toda su alegría en la mesa",
    "Llega a la fiesta con todas sus amigas",
    "Una habitación con todas las luces encendidas",
])
def test_the_same_words_naming_no_capture_cause_or_force_are_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


# - es: a simile right after a verb of movement ("corre como un rayo") is how it moves, as
#   "como si volara" is; after a verb of returning or entering "como" names a role.

@pytest.mark.parametrize("text", [
    "El niño corre como un rayo por el parque",
    "El gato camina como un rey por el tejado",
    "La nadadora avanza como un pez entre las olas",
])
def test_a_simile_after_a_spanish_verb_of_movement_is_motion(text: str) -> None:
    assert analyze(text).language == "es"
    assert _motion(text), text


@pytest.mark.parametrize("text", [
    "El soldado vuelve como un héroe a su pueblo",
    "Entra como un invitado más en la fiesta",
    "El niño corre, como cada mañana, por el parque",
    "Trabaja como un profesional en la cocina",
])
def test_como_naming_a_role_or_a_habit_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))
