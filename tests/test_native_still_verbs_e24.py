"""A manner word said of a doing that moves nothing is not motion, in Chinese, Japanese and Spanish
(issue 12's definition, as the English analyzer reads "speaks softly" or "glows softly"): the
verbs come from CC-CEDICT, JMdict and Apertium's table by their English sense
(scripts/gen_native_still_verbs.py -> bot/core/critique/lexicons/still_verbs_*.txt)."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C
from bot.core.critique.lexicons.still_verbs import ja_still_verb_at, still_verb_at, still_verbs


def _motion(text: str) -> list[str]:
    analysis = analyze(text)
    return [text[s.start:s.end] for s in analysis.spans.get(C.MOTION, [])]


def test_the_tables_hold_dictionary_verbs_by_their_english_class() -> None:
    zh, es = still_verbs("zh"), still_verbs("es")
    assert {"发光", "泛红", "变暗", "凝视", "说"} <= zh  # shine, blush, darken, gaze, speak
    assert not {"走", "飘落", "旋转", "点头", "微笑", "着"} & zh  # movements, a face, grammar
    assert {"brilla", "susurra", "mira"} <= es
    assert not {"camina", "gira", "cae", "sonríe"} & es


@pytest.mark.parametrize("text", [
    "灯笼微微发光，夜晚的街道。",        # a lantern that glows faintly
    "她的脸颊微微泛红。",                # cheeks that blush slightly
    "女孩轻轻地说了一句话。",            # a word said softly
    "Las estrellas brillan suavemente sobre el lago.",  # stars that shine softly
    "La mujer susurra lentamente un secreto.",           # a whisper
])
def test_a_manner_said_of_a_still_verb_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("气球慢慢升上天空。", "慢慢"),
    ("猫咪悄悄地靠近鱼缸。", "悄悄地"),
    ("女孩轻轻微笑，看向窗外。", "轻轻"),      # a face moves: the labels count it
    ("一道黑影飞快地闪过墙角。", "飞快"),
    ("Una hoja cae suavemente al suelo.", "suavemente"),
])
def test_a_manner_said_of_a_movement_stays_motion(text: str, manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


def test_still_verb_at_takes_the_longest_headword() -> None:
    assert still_verb_at("微微发光的灯", 2) == "发光"
    assert still_verb_at("微微走来", 2) == ""


@pytest.mark.parametrize("text", [
    "彼はそっと呟いた。",      # a murmur: JMdict 呟く "to mutter; to murmur"
    "激しく光る稲妻。",        # lightning that flashes: 光る "to shine"
])
def test_a_japanese_manner_said_of_a_still_verb_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("猫がそっと近づいてくる。", "そっと"),
    ("老人がよろよろと歩く。", "よろよろと"),
    # a comma ends the manner's reach: 輝く is the next clause's
    ("銀色の髪をなびかせ、輝く青い瞳を持つ少女。", "なびかせ"),
])
def test_a_japanese_manner_said_of_a_movement_stays_motion(text: str, manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


def test_ja_still_verb_at_needs_a_conjugation_after_the_stem() -> None:
    assert ja_still_verb_at("呟いた", 0) == "呟"
    assert ja_still_verb_at("凝視する", 0) == "凝視"
    assert ja_still_verb_at("光が差す", 0) == ""  # 光 the noun, not 光る


@pytest.mark.parametrize("text", [
    "城市的高速发展，航拍。",      # a growth's speed
    "高速摄影机拍摄的画面。",      # a camera named by its speed
    "高速快门定格水滴。",          # a shutter
])
def test_a_chinese_speed_word_said_of_no_movement_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "speed"), [
    ("一辆赛车高速驶过弯道。", "高速"),
    ("滑雪者在雪山坡道上高速滑行。", "高速"),
    ("小球匀速运动。", "匀速"),
    ("战舰全速前进。", "全速"),
])
def test_a_chinese_speed_word_said_of_a_movement_is_motion(text: str, speed: str) -> None:
    assert any(speed in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "她有一头微微卷曲的长发，坐在窗边。",   # slightly curled hair: a state in a noun phrase
    "微微倾斜的屋顶，乡村风景。",           # a slightly tilted roof
])
def test_a_chinese_degree_inside_an_attribute_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("一个缓慢旋转的地球仪。", "缓慢"),     # a movement in the attribute is still one
    ("轻轻摇摆的树枝。", "轻轻"),
    ("极慢动作中的绿松石水花。", "慢动作"),
])
def test_a_chinese_manner_of_a_movement_in_an_attribute_stays_motion(text: str,
                                                                     manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))


@pytest.mark.parametrize(("text", "idiom"), [
    ("男人大摇大摆地走进酒吧。", "大摇大摆"),
    ("伤兵一瘸一拐地走在路上。", "一瘸一拐"),
    ("他不紧不慢地走向门口。", "不紧不慢"),
])
def test_a_chinese_abac_idiom_before_a_movement_is_its_manner(text: str, idiom: str) -> None:
    assert any(idiom in m for m in _motion(text)), (text, _motion(text))


def test_an_abac_idiom_needs_a_movement_after_it() -> None:
    assert _motion("他一字一句地说出真相。") == []  # word by word: a manner of speaking
