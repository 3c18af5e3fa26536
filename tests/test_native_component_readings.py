"""Components in Chinese, Japanese and Spanish, fourth pass (issue 16): slow playback and
sailing at leisure as motion, force and light speed as manner, a camera that shakes, lights
named by any kind, a thing's sheen that is no light, the body the frame holds as a shot size.

The sentences are written for these tests, not taken from the labelled sets."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(text: str, comp: C) -> list[str]:
    return [s.text for s in analyze(text).spans.get(comp, [])]


@pytest.mark.parametrize(("text", "motion"), [
    ("一只海鸥在港口上空飞翔，慢速播放", "慢速播放"),
    ("一艘小船在湖面上悠闲航行，远处是雪山", "悠闲"),
    ("他快步走向车站的出口", "快步"),
    ("一列火车在山谷间呼啸而过", "呼啸而过"),
    ("El guerrero lanza la roca con una fuerza sobrehumana contra el muro", "con una fuerza sobrehumana"),
    ("La nave vira agresivamente entre los asteroides", "vira agresivamente"),
    ("彼女は光速で動き、敵の背後に回り込む", "光速で"),
])
def test_native_manner_and_speed_are_motion(text: str, motion: str) -> None:
    assert motion in _texts(text, C.MOTION)


@pytest.mark.parametrize("text", [
    "愉快步行在林荫道上的一家人",                # 快步 inside 愉快 + 步行
    "Una criatura rugiendo agresivamente en la noche",  # a roar's manner, not a movement
])
def test_native_words_that_only_look_like_manner_are_not_motion(text: str) -> None:
    assert _texts(text, C.MOTION) == []


def test_the_camera_shaking_and_its_movement_named_are_the_camera() -> None:
    assert _texts("海边的礁石，海浪拍岸，镜头剧烈抖动", C.CAMERA)
    assert _texts("一位老人在窗边看报纸，运镜稳定而平滑", C.CAMERA)


def test_lights_of_any_kind_are_lighting_but_the_speed_of_light_is_not() -> None:
    assert "luces LED" in _texts("Un estudio de radio con luces LED azules y dos sillas",
                                 C.LIGHTING)
    assert _texts("El héroe corre a la velocidad de la luz por la ciudad", C.LIGHTING) == []


def test_a_things_sheen_is_not_the_scenes_light() -> None:
    assert _texts("輝く鎧を身につけた騎士が城門の前に立つ", C.LIGHTING) == []
    assert _texts("夜のスタジアムでライトが輝く", C.LIGHTING)


@pytest.mark.parametrize(("text", "shot"), [
    ("カメラは少女の上半身に焦点を当て、ゆっくりズームインする", "上半身"),
    ("Una chica sonríe, encuadrada de medio cuerpo frente a un muro", "de medio cuerpo"),
    ("一只小狗的室内肖像，深色背景", "室内肖像"),
])
def test_the_body_the_frame_holds_is_a_shot_size(text: str, shot: str) -> None:
    assert shot in _texts(text, C.SHOT)


def test_a_body_that_wears_something_is_no_shot_size() -> None:
    assert _texts("フラクタル模様を全身にまとった巨大な戦艦が宇宙を進む", C.SHOT) == []
