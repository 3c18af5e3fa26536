"""Motion, action, camera and lighting in Chinese, Japanese and Spanish, third pass (issue 16):
manner read by grammar (a manner morpheme inside a verb, an adjective before a verb of movement
without 地, a movement noun with a manner predicate), what is not manner (a feeling before そうに,
the speed of the edit, a light revealing something), who moves (the camera next to a manner word
only within its clause, the drone, what a filming verb captures), a negative prompt section,
light as the subject of a verb, orders to the model, event nouns and verbal nouns as actions.

The sentences are written for these tests, not taken from the labelled sets."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(text: str, comp: C) -> list[str]:
    return [s.text for s in analyze(text).spans.get(comp, [])]


def _lang(text: str) -> str:
    return analyze(text).language


# --- motion: manner read by grammar ------------------------------------------------------------

@pytest.mark.parametrize(("text", "manner"), [
    ("小女孩自然转身，看向远方", "自然"),             # an adjective before a verb, no 地
    ("风筝在空中轻摆", "轻摆"),                       # a manner morpheme inside the verb
    ("老狗在院子里微颤着站起来", "微颤"),
    ("一匹野马在草原上狂奔", "狂奔"),
    ("ダンサーの動きはしなやか", "動きはしなやか"),    # a movement noun and its manner predicate
    ("老人が重そうに歩く", "重そうに"),               # weight said by appearance
    ("las ramas inclinándose por la corriente", "por la corriente"),  # physics by a current
    ("El anciano se gira despacio por encima del hombro derecho", "despacio"),
])
def test_manner_by_grammar_is_motion_with_its_span(text: str, manner: str) -> None:
    assert _lang(text) in ("zh", "ja", "es")
    assert any(manner in m for m in _texts(text, C.MOTION)), (text, _texts(text, C.MOTION))


@pytest.mark.parametrize("text", [
    "少年は楽しそうに走る",                      # a feeling, not the manner of the run
    "暗い部屋のクローズアップへゆっくりカット",  # the edit's speed
    "una lámpara de aceite revelando lentamente los rostros",  # a light reveals, nothing moves
    "画面轻微晃动，女孩走在街上",                # 轻微 + 晃动 is not the compound 微晃
])
def test_manner_of_non_movements_is_not_motion(text: str) -> None:
    assert not _texts(text, C.MOTION), (text, _texts(text, C.MOTION))


# --- who moves ---------------------------------------------------------------------------------

def test_camera_in_the_next_sentence_leaves_the_drift_its_motion() -> None:
    text = "霧が漂う。カメラが左にパンする。"
    assert "漂う" in _texts(text, C.MOTION)
    assert _texts(text, C.CAMERA)


def test_what_a_filming_verb_captures_moves_by_itself() -> None:
    text = "カメラは三脚で固定、子供たちの元気な動きを捉える"
    assert any("動き" in m for m in _texts(text, C.MOTION)), _texts(text, C.MOTION)


@pytest.mark.parametrize("text", [
    "镜头缓缓升起，随着无人机平稳飞行，湖面一览无余",  # the drone carries the camera
    "仰拍，缓慢上推，突出建筑的高度",        # the camera's push, no camera word
    "手持轻晃，记录街头日常",                # the handheld camera's shake
])
def test_the_cameras_own_speed_is_not_motion(text: str) -> None:
    """The camera (or the drone that carries it) moving slowly is camera, not the subject's motion."""
    assert not _texts(text, C.MOTION), (text, _texts(text, C.MOTION))
    assert _texts(text, C.CAMERA), text


def test_chinese_camera_push_keeps_its_manner_in_the_camera_span() -> None:
    assert "缓慢上推" in _texts("仰拍，缓慢上推，突出建筑的高度", C.CAMERA)


def test_toward_the_camera_is_the_subjects_direction_not_a_camera_move() -> None:
    text = "少女がカメラに向かって歩いてくる"
    assert not _texts(text, C.CAMERA), _texts(text, C.CAMERA)


def test_spanish_over_the_shoulder_of_someone_stays_a_camera_position() -> None:
    assert _texts("Plano por encima del hombro de la detective, oficina de noche", C.CAMERA)


# --- a negative prompt section names no component -----------------------------------------------

@pytest.mark.parametrize(("text", "kept"), [
    ("一只猫在窗台上睡觉。\n负面提示词：快速运动，慢动作，模糊", "睡觉"),
    ("猫が窓辺で眠っている。\nNG：スローモーション、激しい動き", "眠っ"),
])
def test_negative_section_names_no_motion_or_pacing(text: str, kept: str) -> None:
    found = analyze(text)
    assert C.MOTION not in found.spans and C.PACING not in found.spans, found.spans
    assert any(kept in a.text for a in found.spans.get(C.ACTION, [])), found.spans


# --- actions -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "action"), [
    ("Una escena de persecución en un mercado nocturno", "persecución"),
    ("Escena tierna de reencuentro en una estación de tren", "reencuentro"),
    ("広場でダンスを披露する少女", "ダンスを披露"),
    ("ドラゴンが夜空を飛行、満月", "飛行"),
    ("夕暮れのステージでパフォーマンス。", "パフォーマンス"),
])
def test_event_and_verbal_nouns_are_actions(text: str, action: str) -> None:
    assert action in _texts(text, C.ACTION), (text, _texts(text, C.ACTION))


@pytest.mark.parametrize(("text", "not_action"), [
    ("Una escena de acción en la ciudad", "acción"),       # a genre, not an event
    ("Convierte esta foto en un vídeo", "Convierte"),       # an order to the model
    ("Mantén el encuadre pero convierte el coche en un barco", "convierte"),
    ("Una calle con luces de colores que se apagan", "apagan"),  # a light's doing
    ("Un movimiento de cámara suave alejándose del edificio", "alejándose"),
    ("Una ciudad que pasa de la noche al día", "pasa"),      # time passing
    ("灯光闪烁，街道空无一人", "闪烁"),
    ("固定镜头展示人物关系", "关系"),                        # the noun phrase goes on
    ("电影级平滑变焦，无缝循环", "缝"),
    ("背景がボケて、コントラストが強く、雰囲気は暗い", "強く"),  # an adjective's く form
    ("照明効果が際立ち、静かな部屋", "立ち"),                  # 際立つ, not 立つ
    ("朝日が山頂を赤く染める", "染める"),
])
def test_what_is_not_an_action(text: str, not_action: str) -> None:
    assert not_action not in _texts(text, C.ACTION), (text, _texts(text, C.ACTION))


def test_a_caterpillar_that_turns_into_a_butterfly_still_acts() -> None:
    text = "la oruga se convierte en mariposa en el jardín"
    assert "convierte" in _texts(text, C.ACTION)


def test_counted_subject_keeps_its_verb() -> None:
    assert any("立つ" in a for a in _texts("屋上に一人立つ少女", C.ACTION))


# --- shot and lighting ---------------------------------------------------------------------------

def test_a_bare_composition_is_not_a_shot() -> None:
    assert not _texts("电影级构图，夕阳下的海边", C.SHOT)
    assert _texts("对称构图，夕阳下的海边", C.SHOT)


@pytest.mark.parametrize(("text", "light"), [
    ("冬の午後の光が差す部屋で猫が眠る", "午後の光"),
    ("暗闇の中で瞳が光る", "暗闇"),
    ("镜头跟随少年穿过雨夜街道", "雨夜"),
    ("巷口挂着一盏昏黄的灯泡", "灯泡"),
    ("una sala de banquetes con reflejos de antorcha", "reflejos de antorcha"),
    ("relámpagos sobre el mar en calma", "relámpagos"),
])
def test_light_named_by_its_source_or_hour(text: str, light: str) -> None:
    assert any(light in s for s in _texts(text, C.LIGHTING)), (text, _texts(text, C.LIGHTING))


def test_a_counted_drone_is_filmed_and_keeps_its_motion() -> None:
    assert _texts("一架无人机在峡谷中快速飞行", C.MOTION)


@pytest.mark.parametrize(("text", "physics"), [
    ("湖の水面が静かに波打つ", "波打つ"),       # verbs that are the physics themselves
    ("夜の川に霧がたゆたう", "たゆたう"),
    ("老人蹒跚地走过石桥", "蹒跚"),
    ("街道上雪花纷飞", "纷飞"),
    ("las hojas tiemblan en la rama del roble", "tiemblan"),
])
def test_verbs_that_are_their_own_physics(text: str, physics: str) -> None:
    assert any(physics in m for m in _texts(text, C.MOTION)), (text, _texts(text, C.MOTION))


def test_a_trembling_adjective_inside_a_noun_phrase_is_not_motion() -> None:
    assert not _texts("un gato de bigotes temblorosos sentado en la ventana", C.MOTION)


@pytest.mark.parametrize(("text", "verb"), [
    ("Un músico callejero toca el violín en la plaza", "toca"),      # noun, adjective, verb
    ("Un hombre con abrigo negro fuma un cigarrillo bajo la lluvia", "fuma"),  # a complement
    ("Una mujer de pelo rojo lee un libro en el parque", "lee"),
])
def test_spanish_verb_after_its_subjects_adjective_or_complement(text: str, verb: str) -> None:
    assert verb in _texts(text, C.ACTION), (text, _texts(text, C.ACTION))


def test_chinese_movement_with_its_manner_as_predicate() -> None:
    text = "武士拔刀，动作干净利落"
    assert "动作干净利落" in _texts(text, C.MOTION)
    assert "落" not in _texts(text, C.ACTION)


def test_chinese_posture_at_rest_is_not_motion() -> None:
    assert not _texts("猫咪的姿态自然放松，直视镜头", C.MOTION)


@pytest.mark.parametrize(("text", "verb", "not_verb"), [
    ("渔夫在船头撒网", "撒网", "头撒网"),        # 船 is in a place, not the clause's subject
    ("战马疾驰而过，尘土飞扬", "疾驰", "而过"),  # the subject's verb is known
    ("镜头缓慢拉远，城市灯火渐渐亮起", None, "亮起"),  # lights coming on: lighting
])
def test_chinese_predicates_and_their_spans(text: str, verb: str | None, not_verb: str) -> None:
    actions = _texts(text, C.ACTION)
    assert not_verb not in actions and "飞" not in actions, actions
    if verb:
        assert verb in actions, actions


@pytest.mark.parametrize("text", [
    "小舟が波に揺られている夕暮れの港",       # the passive of 揺れる
    "少女が長い髪をなびかせて走る",           # the causative of なびく
])
def test_japanese_sway_in_its_other_voices(text: str) -> None:
    assert _texts(text, C.MOTION), text


@pytest.mark.parametrize(("text", "subject"), [
    ("周岚转身，保持侧逆光", "周岚"),                 # a name before its verb
    ("一位主持人面对镜头播报新闻", "主持人"),     # a role + 人
])
def test_chinese_subjects_the_lexicon_cannot_list(text: str, subject: str) -> None:
    assert any(subject in s for s in _texts(text, C.SUBJECT)), _texts(text, C.SUBJECT)


def test_a_two_person_shot_is_not_a_subject() -> None:
    assert "双人" not in "".join(_texts("双人镜头，两个女孩在咖啡馆聊天", C.SUBJECT))


@pytest.mark.parametrize(("text", "not_action"), [
    ("actores con sangre falsa cutre, las familias gritan en el pasaje", "cutre"),  # an adjective
    ("niños en la función del cole disfrazados de árboles", "cole"),
    ("トランプがマイクラで言い争う", None),          # トランプ holds ランプ, no lamp
    ("管理人が口座が変わったと伝える", None),       # telling, a speech act, stays
])
def test_spanish_and_japanese_guards_on_unseen_wordings(text: str, not_action: str | None) -> None:
    actions = _texts(text, C.ACTION)
    if not_action:
        assert not_action not in actions, actions
    else:
        assert actions, text


# --- motion: similes, one movement as the manner of another, verbs of going -------------------

@pytest.mark.parametrize(("text", "manner"), [
    ("一只熊猫在竹林里悠闲散步", "悠闲"),              # a manner word before a two-character verb of going
    ("老先生在走廊里从容踱步", "从容"),
    ("她像专业舞者一样旋转", "像专业舞者一样"),         # a simile said of a movement
    ("雪花如同羽毛般飘落", "如同羽毛般"),
    ("小船仿佛幽灵似的滑过湖面", "仿佛幽灵似的"),
    ("ボールが坂道を弾みながら転がっていく", "弾みながら"),  # one movement as the other's manner
    ("紙飛行機が揺れながら落ちる", "揺れながら"),
    ("花瓶が割れて破片が飛び散る", "飛び散る"),         # fragments flung apart: physics
    ("El niño corre por el pasillo como si volara", "como si volara"),
    ("La bailarina gira como si flotara en el agua", "como si flotara"),
    ("El payaso tropieza con su propio zapato", "tropieza"),  # every form of tropezar
])
def test_similes_and_movements_said_of_a_movement_are_motion(text: str, manner: str) -> None:
    assert any(manner in m for m in _texts(text, C.MOTION)), (text, _texts(text, C.MOTION))


@pytest.mark.parametrize("text", [
    "那个男孩像孩子一样笑了",                 # a simile said of a laugh, no movement
    "一座像梦一样的城市",                     # a simile said of a noun
    "彼女は歌いながら歩く",                   # singing while walking: no movement as manner
    "魚が泳ぎながら杖を振っている",           # a second act with its own object
    "Habla como si tuviera miedo",            # a simile of a feeling
    "La iluminación pasa suavemente de azul a naranja",  # a change of light
])
def test_similes_and_whiles_that_are_no_manner_of_moving_are_not_motion(text: str) -> None:
    assert not _texts(text, C.MOTION), (text, _texts(text, C.MOTION))
