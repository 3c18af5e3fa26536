"""Motion in Chinese, Japanese and Spanish, session 21 (issue 16): the grace of a pose is not
motion in Japanese and Spanish as it is not in Chinese (speed or weight said of sitting down
still is); a simile said of a Japanese movement noun (猫のような動き), a manner adverb before
a verb with its object (自然に口を動かす), a reduplicated mimetic before a verb of rising;
Chinese physics of what the waves carry (上下起伏) and a movement's speed as a topic
(速度越来越快, not the edit's); Spanish crawling (arrastrándose) and ripples on water; spans
that keep a particle out of the manner word.

The sentences are written for these tests, not taken from the labelled sets."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _motion(text: str) -> list[str]:
    return [s.text for s in analyze(text).spans.get(C.MOTION, [])]


@pytest.mark.parametrize("text", [
    "彼女は白い花畑の中に優雅に座り、蝶に囲まれている",   # the grace of a pose
    "女性が静かに椅子に腰掛ける",
    "Se sienta con gracia en un campo de flores blancas",
    "Ella se sienta elegantemente junto al fuego",
    "剪辑速度很快，节奏紧凑",                             # the edit's speed: pacing
    "Una mujer arrastra la maleta por la estación",        # pulling something: an action
    "Una mujer con el cabello en ondas suaves",            # waves of hair, no water
    "连绵起伏的山脉",                                     # hills rise and fall, nothing moves
])
def test_not_motion(text: str) -> None:
    assert analyze(text).language in ("zh", "ja", "es")
    assert not _motion(text), (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("老人がゆっくりと座る", "ゆっくりと"),                # speed said of sitting down
    ("La mujer se sienta lentamente en el banco", "lentamente"),
    ("El anciano se sienta pesadamente en la silla", "pesadamente"),
    ("少女が優雅に踊る", "優雅に"),                        # grace of a dance is its manner
    ("La bailarina gira con gracia", "con gracia"),
    ("忍者が猫のような動きで屋根を渡る", "猫のような動き"),  # a simile said of a movement noun
    ("ダンサーが流れるような身のこなしで踊る", "流れるような身のこなし"),
    ("侍がプロ顔負けの動きで刀を振る", "プロ顔負けの動き"),
    ("MMA の 武侠 マスター さながら の 動き で 投げ飛ばす", "さながら の 動き"),
    ("彼女が自然に口を動かしながら話す", "自然に"),         # manner adverb, object, verb
    ("煙がもくもくと立ち上る", "もくもくと"),              # a mimetic before a verb of rising
    ("小船在波浪中上下起伏", "起伏"),                      # what the waves carry
    ("他走路的速度越来越快", "速度越来越快"),              # a movement's speed as a topic
    ("Un hombre avanza arrastrándose por el barro", "arrastrándose"),  # crawling
    ("La serpiente se arrastra entre las hojas", "se arrastra"),
    ("Una gota cae en el lago y forma ondas", "ondas"),   # ripples on water
    ("Ondas concéntricas en la superficie del estanque", "Ondas concéntricas"),
])
def test_motion_with_its_span(text: str, manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize(("text", "span"), [
    ("彼は重い足取りで歩く", "重い足取り"),     # the topic's は is no part of the adjective
    ("猫がさっと飛び乗る", "さっと"),           # the subject's が is no part of the mimetic
    ("男ががばっと起き上がる", "がばっと"),     # a mimetic that does begin with が
])
def test_manner_span_keeps_to_the_manner_word(text: str, span: str) -> None:
    assert span in _motion(text), (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    # the camera follows, the one it follows moves so: the manner between a subject and its
    # own verb is the subject's, in a clause the camera opens
    ("镜头跟随一位少女缓缓走过樱花林", "缓缓"),
    ("镜头对准老人缓缓转身", "缓缓"),
    ("カメラは少女がゆっくり歩く姿を追う", "ゆっくり"),
])
def test_manner_of_the_one_the_camera_follows_is_motion(text: str, manner: str) -> None:
    assert manner in _motion(text), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "镜头跟着女孩慢慢移动",          # a verb the camera does: the camera's speed
    "镜头缓缓推进，女孩站在海边",
    "カメラが少女をゆっくり追う",
    "镜头从山腰缓缓升起，越过树顶",
    "波打つ長い髪の女性が窓辺に立つ",  # wavy hair: a shape
    "波打った黒髪の少女",
])
def test_camera_speed_and_shapes_are_not_motion(text: str) -> None:
    assert not _motion(text), (text, _motion(text))


@pytest.mark.parametrize("text", ["髪が風に波打つ", "海面が波打ち、船が揺れる"])
def test_what_the_wind_or_sea_waves_is_motion(text: str) -> None:
    assert any("波打" in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("El caballo se detiene de golpe", "de golpe"),                   # an abrupt stop
    ("La bailarina se eleva sin esfuerzo", "sin esfuerzo"),
    ("La bailarina salta y cae ligera", "cae ligera"),                # "cae", three letters
    ("Un leve balanceo de las ramas bajo la lluvia", "leve balanceo"),  # manner before the noun
    ("Con un rápido giro, el bailarín cambia de dirección", "rápido giro"),
    ("Un hombre cansado arrastra los pies por la calle", "arrastra los pies"),  # a gait
    ("El agua del río fluye tranquilamente", "fluye tranquilamente"),
    ("男は足を引きずりながら歩く", "足を引きずり"),
    ("猫が音を立てずに忍び寄る", "音を立てずに"),
    ("戦士が地面を力いっぱい蹴って跳び上がる", "力いっぱい"),
    ("ボールが弧を描いて飛ぶ", "弧を描い"),                          # the path's physics
])
def test_more_manner_words_are_motion(text: str, manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "Una secuencia de saltos",     # the noun alone, no manner said of it
    "La nieve cae sobre la ciudad",  # a verb of movement alone is an action
    "彼女は思い切り笑う",           # with all her heart, said of a laugh
])
def test_movement_alone_or_manner_of_no_movement_is_not_motion(text: str) -> None:
    assert not _motion(text), (text, _motion(text))


@pytest.mark.parametrize(("text", "subject"), [
    ("妈妈走进厨房", "妈妈"),       # a kinship term said twice is who moves, not a manner
    ("姐姐跑向公交车", "姐姐"),
    ("宝宝爬向玩具", "宝宝"),
    ("爷爷摇着扇子", "爷爷"),
])
def test_reduplicated_nouns_are_subjects_not_manner(text: str, subject: str) -> None:
    analysis = analyze(text)
    assert not _motion(text), (text, _motion(text))
    assert subject in [s.text for s in analysis.spans.get(C.SUBJECT, [])]


@pytest.mark.parametrize(("text", "manner"), [
    ("战士挥剑的动作快如闪电", "快如闪电"),             # speed told by a comparison
    ("机器人的关节发出咔哒声，动作机械而僵硬", "机械而僵硬"),  # a pair of manner predicates
    ("她踮着脚尖走过走廊", "踮着脚尖"),                 # a gait on tiptoe
    ("火车呼啸着驶过大桥", "呼啸着"),                   # the sound of speed, of a movement
    ("孩子蹦蹦跳跳地跑向妈妈", "蹦蹦跳跳地"),           # a verb said twice still is manner
])
def test_chinese_manner_by_comparison_pair_and_gait(text: str, manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


def test_wind_howling_alone_is_not_motion() -> None:
    assert not _motion("寒风呼啸着")


@pytest.mark.parametrize("text", [
    # night or dusk falling is the hour changing, told by the light (as the sun setting is)
    "夜幕缓缓降临，城市亮起灯火",
    "暮色慢慢笼罩小镇",
    "夜がゆっくりと降りてくる",
    "夕闇がゆっくりと街を包む",
    "La noche cae lentamente sobre la ciudad",
    "La oscuridad cae suavemente sobre el valle",
    "La conversación fluye naturalmente entre los dos amigos",  # a talk flows, nothing moves
])
def test_the_hour_falling_or_a_talk_flowing_is_not_motion(text: str) -> None:
    assert not _motion(text), (text, _motion(text))


def test_a_body_moving_after_the_hour_falls_still_is() -> None:
    assert "慢慢" in _motion("天色缓缓暗下来，女孩慢慢走回家")


@pytest.mark.parametrize("text", [
    # a move made to reveal what is around, with no other subject named, is the camera's
    "Se aleja lentamente para revelar la ciudad",
    "Plano que se abre lentamente para mostrar el valle",
    "La cámara gira y se aleja lentamente, revelando el valle",
    # the viewer as "we" is the camera
    "Lentamente nos acercamos a la puerta",
    "Nos alejamos despacio del faro",
    # 拉近 with its speed before it is the camera's pull-in
    "慢慢拉近到女孩的眼睛",
    "从女孩的脸部缓缓拉开，展现整个房间",  # 拉开 with no object: the camera pulls out
])
def test_camera_moves_without_the_word_camera_are_not_motion(text: str) -> None:
    assert not _motion(text), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "El pájaro se eleva lentamente revelando sus alas",  # the bird's, named as the subject
    "La mujer se aleja lentamente por el pasillo",
])
def test_a_named_subject_moving_so_still_is_motion(text: str) -> None:
    assert any("lentamente" in m for m in _motion(text)), (text, _motion(text))


def test_pulling_a_curtain_open_slowly_is_motion() -> None:
    assert "缓缓" in _motion("她缓缓拉开窗帘")  # 拉开 with its object: her hands, not the camera
