"""Issue 12's consistency: an explicit hold. A place said to be the same as before ("the same
rustic cabin", "in the same place") is held steady, and it is still the setting."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


@pytest.mark.parametrize(("prompt", "held"), [
    ("Interior of the same rustic, dimly lit wooden cabin.", "rustic, dimly lit wooden cabin"),
    ("The device, centered in the same place but in a closer frame.", "same place"),
    ("Back in the same kitchen, morning light.", "same kitchen"),
])
def test_a_place_said_to_be_the_same_is_held(prompt: str, held: str) -> None:
    assert any(held in t for t in _texts(prompt, C.CONSISTENCY)), _texts(prompt, C.CONSISTENCY)


def test_the_same_place_is_still_the_setting() -> None:
    prompt = "She examines evidence in the same dimly lit police station."
    assert _texts(prompt, C.CONSISTENCY) and _texts(prompt, C.SETTING)


@pytest.mark.parametrize("prompt", [
    "They arrive at the same time.",
    "Two cars drive in the same direction through the forest.",
    "The same woman at the grey desk lifts her head.",
])
def test_the_same_time_a_direction_or_a_person_at_a_place_is_no_held_place(prompt: str) -> None:
    assert not any("desk" in t or "forest" in t for t in _texts(prompt, C.CONSISTENCY))
    assert "time" not in " ".join(_texts(prompt, C.CONSISTENCY))
