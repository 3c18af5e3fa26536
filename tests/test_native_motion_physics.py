"""Motion and action in Chinese, Japanese and Spanish, second pass (issue 16): the physics of a
thing wind or water sways, mimetic adverbs across an object, physics verbs, and manner words said
of light, time, sound, an appearance or the edit (not motion); Spanish verbs after a "de"
complement, short verbs and "a punto de"; prepositions that end like verbs are not verbs.

The sentences are written for these tests, not taken from the labelled sets."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(a_text: str, comp: C) -> list[str]:
    return [s.text for s in analyze(a_text).spans.get(comp, [])]


@pytest.mark.parametrize("text", [
    "小船在湖面上摇晃",            # wind or water moves it: physics
    "灯笼在夜风中摇摆",
    "树枝在风里轻轻晃动",
    "吉普车在山路上颠簸",
    "云海翻腾",
    "冲浪者稳稳站在冲浪板上",       # balance, the weight of a body
])
def test_chinese_physics_is_motion(text: str) -> None:
    assert analyze(text).language == "zh"
    assert _texts(text, C.MOTION), text


@pytest.mark.parametrize("text", [
    "女子坐在桌前，左手上下晃动",    # a gesture said by its direction
    "画面轻微晃动，女孩走在街上",    # the picture shakes: the camera's handling
    "阳光缓缓洒在湖面上",            # light, time, sound, appearance, the edit
    "时间慢慢流逝",
    "音乐轻轻响起",
    "字幕缓缓出现",
    "镜头快速切换，城市夜景",
])
def test_chinese_shaking_camera_and_manner_of_non_movements_are_not_motion(text: str) -> None:
    assert analyze(text).language == "zh"
    assert not _texts(text, C.MOTION), text


def test_chinese_face_manner_stays_motion() -> None:
    """The labelled sets count a smile's manner (轻轻微笑) as motion: not filtered."""
    assert _texts("女孩轻轻微笑，看着窗外", C.MOTION)


@pytest.mark.parametrize("text", [
    "猫がするりと塀を抜ける",        # a mimetic across an object
    "少年がぐいっとロープを引っ張る",
    "風船がふわっと浮かぶ",          # two kana + っと
    "巨人がドシンと倒れる",          # ン mimetic + と
    "犬が元気よく走り回る",          # noun + よく
    "炎がゆらめく",
    "鳥がはばたく",
    "老婆がよろめきながら歩く",
    "猫が音もなく着地する",
])
def test_japanese_manner_forms_are_motion(text: str) -> None:
    assert analyze(text).language == "ja"
    assert _texts(text, C.MOTION), text


@pytest.mark.parametrize("text", [
    "光がゆっくりと差し込む",
    "時間がゆっくりと流れる",
    "音楽が静かに流れる",
    "テロップがゆっくり表示される",
    "空がほんのりと赤く染まる",
    "女性がちゃんと椅子に座っている",   # ちゃんと is not a mimetic of movement
    "おばあさんと孫が公園にいる",       # a name's さん + と
])
def test_japanese_non_movements_are_not_motion(text: str) -> None:
    assert analyze(text).language == "ja"
    assert not _texts(text, C.MOTION), text


@pytest.mark.parametrize("text", [
    "El barco se balancea sobre las olas",
    "La cometa aletea en el cielo azul",
    "El puente vibra con el paso del tren",
    "Una mujer camina tranquilamente por la playa",   # a calm -mente next to a verb of movement
])
def test_spanish_physics_and_manner_are_motion(text: str) -> None:
    assert analyze(text).language == "es"
    assert _texts(text, C.MOTION), text


@pytest.mark.parametrize("text", [
    "Una mujer mira tranquilamente por la ventana",   # attitude, not movement
    "La luz entra suavemente por la ventana",
    "El tiempo pasa lentamente en el pueblo",
    "La historia se desarrolla lentamente",
])
def test_spanish_attitude_and_non_movements_are_not_motion(text: str) -> None:
    assert analyze(text).language == "es"
    assert not _texts(text, C.MOTION), text


@pytest.mark.parametrize(("text", "verb"), [
    ("Una mujer lee un libro en el tren", "lee"),
    ("Un hombre de negocios revisa su teléfono", "revisa"),
    ("Una niña a punto de soplar las velas de su pastel", "soplar"),
])
def test_spanish_subject_verbs_are_actions(text: str, verb: str) -> None:
    assert analyze(text).language == "es"
    assert verb in _texts(text, C.ACTION)


@pytest.mark.parametrize("text", [
    "Una taza de café sobre una mesa de madera",
    "Una casa entre los árboles del bosque",
])
def test_spanish_prepositions_are_not_verbs(text: str) -> None:
    assert analyze(text).language == "es"
    assert not _texts(text, C.ACTION), text
