"""Issue 12, session 26: motion and colour read by grammar. A manner said across the object of
a verb that moves nothing is not a movement's; a sound verb that strikes a thing is the hand's
movement; a word of physics talked about is a topic; a change of speed by any form of "slow"
is speed; a contrast with a state of mind on one side is a figure, not the palette."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


@pytest.mark.parametrize("prompt", [
    "The judge sits at the bench, resting her palms lightly on the desk.",
    "A grandfather by the fire, telling the old story slowly to the children.",
])
def test_manner_across_the_object_of_a_non_movement_is_not_motion(prompt: str) -> None:
    assert _texts(prompt, C.MOTION) == []


def test_manner_across_the_object_of_a_movement_stays() -> None:
    assert "furiously" in _texts("The puppy wags its tail furiously.", C.MOTION)


def test_a_sound_verb_striking_a_thing_is_the_hands_movement() -> None:
    assert "gently" in _texts("A woman at the desk, gently tapping the bell.", C.MOTION)


def test_a_sound_verb_with_no_object_keeps_its_loudness() -> None:
    assert _texts("Rain tapping softly on the tin roof.", C.MOTION) == []


def test_physics_talked_about_is_a_topic() -> None:
    assert _texts("A professor lectures about gravity and planets to a full hall.", C.MOTION) == []


@pytest.mark.parametrize("prompt", [
    "The cyclist slows and steps off the bike.",
    "The train slowed as it reached the platform.",
])
def test_a_change_of_speed_said_by_slow_is_motion(prompt: str) -> None:
    assert _texts(prompt, C.MOTION)


def test_a_contrast_with_a_state_of_mind_is_a_figure_not_the_palette() -> None:
    prompt = ("The scene shows the stark contrast between the bright shop windows and the "
              "old man's quiet loneliness.")
    assert _texts(prompt, C.COLOR) == []


def test_a_contrast_of_colours_stays_the_palette() -> None:
    assert _texts("Stark contrast between warm skin and cold blue shadows.", C.COLOR)
