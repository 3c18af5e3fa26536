"""Issue 12's lighting (a light source, direction, quality or time of day) in wordings from
outside the project: the gaffer's shorthand for a setup is lighting; a counted day is no time
of day, and a key that is a thing is no key light."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _lighting(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(C.LIGHTING, [])]


@pytest.mark.parametrize(("prompt", "light"), [
    ("Medium close-up, locked.\nGolden side key, soft fill. Desaturated palette.",
     "Golden side key"),
    ("Perfume bottle on marble.\nSoft studio key, rim highlight, no fill.", "Soft studio key"),
    ("Portrait of a boxer. Hard key, no fill.", "Hard key"),
])
def test_a_lighting_setup_in_shorthand_is_lighting(prompt: str, light: str) -> None:
    assert light in _lighting(prompt), _lighting(prompt)


@pytest.mark.parametrize("prompt", [
    "She holds a golden key over the lock.",
    "A man lives alone in a cabin, day after day. On the first day he notices the snow.",
    "Every day she walks the dog to the bakery.",
])
def test_a_key_that_is_a_thing_or_a_counted_day_is_not_lighting(prompt: str) -> None:
    assert _lighting(prompt) == []


@pytest.mark.parametrize("prompt", ["A busy street during the day.", "By day the market is loud."])
def test_the_time_of_day_stays_lighting(prompt: str) -> None:
    assert _lighting(prompt)
