"""Japanese light sources, shot loans and pace read from JMdict tables or by grammar (session 26,
e26-mlja)."""

from __future__ import annotations

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, component: C) -> list[str]:
    analysis = analyze(prompt)
    assert analysis.language == "ja"
    return [s.text for s in analysis.spans.get(component, [])]


def test_a_light_source_heads_its_compound() -> None:
    assert "裸電球" in _texts("カウンター越しに笑う店主。店内の暖色の裸電球。", C.LIGHTING)
    assert "蛍光灯" in _texts("古い教室、ちらつく蛍光灯の下で少年が本を読む。", C.LIGHTING)


def test_a_light_source_that_is_not_the_head_is_no_light() -> None:
    assert not _texts("電球工場で作業員が箱を運んでいる。", C.LIGHTING)


def test_inserting_something_is_not_light_streaming_in() -> None:
    assert not _texts("男は鍵を見つけ、ドアロックを差し込みました。", C.LIGHTING)
    assert _texts("窓から柔らかな光が差し込む部屋で猫が眠る。", C.LIGHTING)


def test_a_katakana_shot_noun_and_its_compound() -> None:
    assert _texts("カメラはズームアウトし、通りのパノラマビューが表示されます。", C.SHOT)
    assert not _texts("パンケーキを焼く女性、キッチンの窓辺。", C.SHOT)


def test_pace_said_of_a_walker_is_motion_and_of_the_edit_is_not() -> None:
    assert _texts("疲れた様子で廊下を歩いていたところ、ペースが落ち、玄関で立ち止まる。", C.MOTION)
    assert not _texts("カットのペースが速い編集で、街の風景が次々に映る。", C.MOTION)


def test_the_camera_as_the_head_of_a_relative_clause_moves() -> None:
    analysis = analyze("ボールをダイナミックに追うカメラ、強烈なキック音。")
    assert analysis.spans.get(C.CAMERA) and "tracking" in analysis.camera_moves
    assert not _texts("写真を撮る人を追うカメラマンが立っている。", C.CAMERA)


def test_a_list_item_that_is_only_still_is_the_camera() -> None:
    assert _texts("135mm、静止、被写体の質感を強調", C.CAMERA) == ["静止"]
    assert not _texts("猫が窓辺で静止している。", C.CAMERA)
