"""Motion in Japanese and Spanish, session 21 (issue 16): the grace of a pose is not motion
in Japanese and Spanish as it is not in Chinese (speed or weight said of sitting down still
is).

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
])
def test_not_motion(text: str) -> None:
    assert analyze(text).language in ("ja", "es")
    assert not _motion(text), (text, _motion(text))


@pytest.mark.parametrize(("text", "manner"), [
    ("老人がゆっくりと座る", "ゆっくりと"),                # speed said of sitting down
    ("La mujer se sienta lentamente en el banco", "lentamente"),
    ("El anciano se sienta pesadamente en la silla", "pesadamente"),
    ("少女が優雅に踊る", "優雅に"),                        # grace of a dance is its manner
    ("La bailarina gira con gracia", "con gracia"),
])
def test_motion_with_its_span(text: str, manner: str) -> None:
    assert any(manner in m for m in _motion(text)), (text, _motion(text))
