"""Issue 12's definitions of audio, colour and motion read by mechanism (session 21), on
sentences written for these tests (none of them is a labelled row): each rule has wordings it
must catch and neighbours it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


# Rule: loose matter or a fluid named with the movement it is making, a participle of a verb
# that moves, in a noun phrase ("the rushing water", "with floating petals") is the scene's
# physics, as the same words in the other order are ("the water rushing").
@pytest.mark.parametrize(("prompt", "motion"), [
    ("A night sky filled with floating petals above a temple.", "floating"),
    ("A kayak at the edge of the rushing water, wide shot.", "rushing"),
    ("Billowing clouds of smoke above a burning barn.", "Billowing"),
    ("A dancer in a dark studio, swirling smoke around her feet.", "swirling"),
])
def test_a_substance_named_with_its_movement_is_motion(prompt: str, motion: str):
    assert motion in _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


# Its neighbours: a verb with the substance as its object (the -ing word follows a noun, not a
# determiner, preposition or comma); a participle that says only that or where it goes ("moving
# clouds", "rolling waves", "rising steam"); the weather falling; a flame's light.
@pytest.mark.parametrize("prompt", [
    "A man pouring water into a glass on a kitchen table.",
    "A boy kicking sand on a beach at noon.",
    "A beach at dusk with moving clouds overhead.",
    "A lighthouse above the rolling waves at night.",
    "A cup of tea with rising steam on a windowsill.",
    "A village square under falling snow.",
    "A cabin interior with flickering flames in the hearth.",
])
def test_a_substance_with_no_manner_of_movement_is_not_motion(prompt: str):
    assert _texts(prompt, C.MOTION) == []
