"""Motion and action read by the grammar of Chinese, Spanish and Japanese (issue 16): manner said
of a movement is motion, the same word said of a noun, a change of light or the camera is not;
a verb is an action whatever the verb, unless the camera, the wind or a comparison does it.

The sentences are written for these tests, not taken from the labelled sets."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


@pytest.mark.parametrize("text", [
    "老人走得很慢，手里拄着拐杖",            # degree complement after a verb of movement
    "风筝飞得很高，孩子们在草地上奔跑",
    "孩子们蹦蹦跳跳地走进教室",              # reduplicated adverb before a verb of movement
    "山间的小河静静流淌",
    "江水滚滚东流",
    "一群野马呼啸而过，尘土飞扬",
    "香薰在慢慢的喷出烟雾",                  # 的 written for 地 before a verb
    "舞者迈着轻盈的舞步穿过大厅",            # manner word + 的 + a movement noun
    "运动员奋力冲向终点",
])
def test_chinese_manner_of_moving_is_motion(text: str) -> None:
    a = analyze(text)
    assert a.language == "zh"
    assert a.has(C.MOTION), text


@pytest.mark.parametrize("text", [
    "快速的剪辑节奏，充满活力的背景音乐，城市街头",  # manner word as the attribute of a noun
    "缓慢的钢琴音乐中，一位女士坐在窗前看书",
    "优雅的舞者站在舞台中央，聚光灯",
    "高楼拔地而起，城市天际线，航拍",          # 而 + direction said of buildings, a route
    "小船沿河而上，两岸青山",
    "人们纷纷走出地铁站，清晨的阳光",          # 纷纷 "one after another" is not a manner
    "老人静静地坐在门口，夕阳",                # a posture is not a movement
    "花开得很灿烂，阳光明媚",
    "镜头缓缓推进，一个女孩站在海边",          # the camera's speed
    "快速推镜头到女孩的脸，特写",              # a manner word right before a camera move
    "夕阳西下，天空慢慢变暗，城市的灯光亮起",  # a change of light moves nothing
    "画面缓缓变亮，一间空荡荡的房间",
])
def test_chinese_manner_not_of_a_movement_is_not_motion(text: str) -> None:
    assert not analyze(text).has(C.MOTION), text


def test_chinese_verbs_in_a_camera_topic_chain_are_the_cameras() -> None:
    a = analyze("镜头从山腰缓缓升起，越过树顶，俯瞰整片湖泊")
    assert a.has(C.CAMERA)
    assert not a.has(C.ACTION)


def test_chinese_verb_of_a_noun_named_after_it_stays_an_action() -> None:
    a = analyze("镜头逐渐升起，露出正在挥手的女孩")
    assert "挥手" in (a.text(C.ACTION) or "")


def test_chinese_comparison_and_prepositions_are_not_actions() -> None:
    assert not analyze("画面逐渐靠近雪山，仿佛走进了一幅画").has(C.ACTION)
    a = analyze("随着音乐响起，一个女孩转身")
    assert "随" not in [a.prompt[s.start:s.end] for s in a.spans.get(C.ACTION, [])]
    assert "转身" in (a.text(C.ACTION) or "")


def test_chinese_noun_phrase_with_de_is_not_a_predicate() -> None:
    assert not analyze("镜头缓缓推进，展现雪山的全貌").has(C.ACTION)


@pytest.mark.parametrize("text", [
    "ダンサーがしなやかな動きで踊る",          # adjective + movement noun
    "少女が軽い足取りで歩く",
    "白鳥が滑るように進む",                    # simile said of a verb of movement
    "疲れた男が重そうに歩く",
    "少年が一気に駆け上がる",
    "男性が全力で走っていく",
    "岩が崩れ落ちる",                          # a verb of falling with its manner
])
def test_japanese_manner_of_moving_is_motion(text: str) -> None:
    a = analyze(text)
    assert a.language == "ja"
    assert a.has(C.MOTION), text


@pytest.mark.parametrize("text", [
    "ゆっくりとしたピアノの音楽が流れる静かな部屋",  # ゆっくりとした + a noun that does not move
    "ゆったりとしたセーターを着た女性",
    "夕日が落ちる海辺、シルエット",              # 落ちる after a particle is not a compound
    "二人は恋に落ちる、ロマンチックな夜",
    "落ち着いた雰囲気のカフェ、窓際の席",
    "空がゆっくりと暗くなっていく、街の灯りがともる",  # a change of light moves nothing
    "画面がゆっくりとフェードアウトする",
])
def test_japanese_manner_not_of_a_movement_is_not_motion(text: str) -> None:
    assert not analyze(text).has(C.MOTION), text


def test_japanese_causative_and_passive_forms_are_actions() -> None:
    assert "飛ばす" in (analyze("公園で赤い凧を飛ばす子ども").text(C.ACTION) or "")
    assert "注がれ" in (analyze("ボウルに小麦粉が注がれる").text(C.ACTION) or "")


def test_japanese_verbs_after_the_camera_topic_are_the_cameras() -> None:
    a = analyze("カメラが路地をゆっくりと進み、奥へ入り込む")
    assert a.has(C.CAMERA) and not a.has(C.ACTION)


def test_spanish_relative_clause_has_its_own_subject() -> None:
    a = analyze("Plano secuencia, la cámara sigue suavemente a una bailarina que gira con elegancia")
    assert a.text(C.MOTION) == "con elegancia"
    assert "gira" in (a.text(C.ACTION) or "")


@pytest.mark.parametrize("text", [
    "Una mujer sonríe mientras el viento agita su vestido",
    "Los árboles se balancean con la brisa",
    "Una cortina movida por la brisa de verano",
    "Un niño corre rápidamente por la playa",
])
def test_spanish_manner_of_moving_is_motion(text: str) -> None:
    a = analyze(text)
    assert a.language == "es"
    assert a.has(C.MOTION), text


@pytest.mark.parametrize("text", [
    "Un paisaje ligeramente nublado al amanecer",          # adverb of an adjective
    "Una calle iluminada suavemente por farolas",          # adverb of a participle
    "La luz cambia gradualmente del día a la noche sobre la ciudad",  # change of light
    "La imagen se desvanece lentamente a negro",
    "Poco a poco, la ciudad se ilumina al anochecer",
    "Un retrato iluminado de forma natural por la ventana",
    "Humo en el aire de un bar de jazz, luz cálida",
    "Una ventana salpicada por la lluvia, luz gris",       # adjectival participle
    "La cámara se acerca lentamente al rostro de la mujer",
])
def test_spanish_manner_not_of_a_movement_is_not_motion(text: str) -> None:
    assert not analyze(text).has(C.MOTION), text


@pytest.mark.parametrize(("text", "verb"), [
    ("El vapor asciende desde la taza", "asciende"),       # any noun opening a clause
    ("Las olas rompen contra las rocas, y vuelve la calma", "vuelve"),  # verb before subject
    ("Un chef prepara una paella en una cocina rústica", "prepara"),
    ("Grabación de cámara de seguridad de un hombre recogiendo un paquete", "recogiendo"),
    ("Un ratón es perseguido por un gato en la cocina", "perseguido"),  # passive with agent
    ("Un grupo de amigos ríe alrededor de una fogata", "ríe"),
])
def test_spanish_verbs_are_actions(text: str, verb: str) -> None:
    assert verb in (analyze(text).text(C.ACTION) or "")


@pytest.mark.parametrize("text", [
    "Una montaña nevada bajo un cielo estrellado",         # "bajo" is not "bajó"
    "Una mujer alta en una calle desierta, noche, neón",   # adjectives after the noun
    "Una ciudad futurista al atardecer, vista aérea",
    "La cámara recorre lentamente la habitación vacía",
    "Una brisa sutil mueve la tela del vestido",           # the wind moves it: motion
    "La escena empieza con luz de día y termina de noche",
    "Un castillo está iluminado por la luna llena",        # a state, not a passive doing
])
def test_spanish_non_actions(text: str) -> None:
    assert not analyze(text).has(C.ACTION), text
