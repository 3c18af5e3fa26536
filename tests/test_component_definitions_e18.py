"""Issue 12's definitions read by mechanism, on sentences written for these tests (none of them
is a labelled row): each rule has wordings it must catch and neighbours it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


# Rule: a verb of speaking with no words said and nothing about how the voice sounds shows a
# person talking (a sight: lips move, hands gesture); it does not ask the clip for a sound.
@pytest.mark.parametrize("prompt", [
    "A teacher speaks to the class, pointing at a map on the board.",
    "Two old friends are talking on a park bench under a chestnut tree.",
    "The mayor, standing at the podium, speaking while the crowd watches.",
    "A girl talks to her reflection in the bathroom mirror and then smiles.",
])
def test_talking_with_no_words_or_voice_is_not_audio(prompt: str) -> None:
    assert _texts(prompt, C.AUDIO) == []


@pytest.mark.parametrize(("prompt", "audio"), [
    ('A teacher speaks to the class: "Open your books to page ten."', "Open your books"),
    ("Two old friends talk quietly on a park bench.", "talk quietly"),
    ("The mayor speaks in a booming voice from the podium.", "voice"),
    ("A girl talks to her reflection while rain patters on the window.", "patters"),
])
def test_talking_with_its_words_its_voice_or_another_sound_is_audio(prompt: str,
                                                                     audio: str) -> None:
    assert any(audio in t for t in _texts(prompt, C.AUDIO)), _texts(prompt, C.AUDIO)


# Rule: a colour noun whose owner follows it with "of" gives that one thing's colour (as "the
# sky's hues" does), when the owner is a thing: not a time, a light or a place, and not set
# against something else as a contrast the frame is built on.
@pytest.mark.parametrize("prompt", [
    "A probe drifts past Jupiter, its lens catching the rusty tones of the planet.",
    "A swimmer floats on her back under the pale blue shades of the sky.",
    "The jeweller turns the ring, admiring the deep green hues of the emerald in his palm.",
    "Tourists photograph the glacier, the icy blue colours of the ice cracking in the heat.",
])
def test_the_colours_of_one_thing_are_not_color(prompt: str) -> None:
    assert _texts(prompt, C.COLOR) == []


@pytest.mark.parametrize(("prompt", "color"), [
    ("A fishing village wakes, the pastel hues of dawn over the harbour.", "hues"),
    ("A courier cycles through downtown in the cold blue tones of neon light.", "tones"),
    ("A dancer spins, the fiery colours of her dress against the grey concrete square.",
     "colours"),
    ("The rusty tones of the planet fill the frame, teal and orange colour grade.", "grade"),
])
def test_the_colours_of_a_time_a_light_or_a_contrast_stay_color(prompt: str, color: str) -> None:
    assert any(color in t for t in _texts(prompt, C.COLOR)), _texts(prompt, C.COLOR)
