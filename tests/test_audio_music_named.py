"""Audio by the definition (issue 12: sound, dialogue, music, ambience the clip should have):
music named by the kind of piece or by how its score sounds, session 16. The sentences are
written for these tests, none from a labelled set."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _audio(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(C.AUDIO, [])]


# Rule: a piece or kind of music named (a hymn, a lullaby, a symphony), a score said with how it
# sounds, or a beat of a genre of music is music the clip should have; a score of a game, a
# symphony of a sight and a thing named after music (a hymn book) are not.
@pytest.mark.parametrize(("prompt", "music"), [
    ("An urgent electronic score pulses under the chase.", "urgent electronic score"),
    ("A choir sings a hymn in the stone chapel.", "hymn"),
    ("She rocks the cradle to a soft lullaby.", "lullaby"),
    ("The dancers move to a pulsing techno beat.", "techno beat"),
    ("Leaves rustle in the wind, a soothing symphony of nature.", "symphony"),
])
def test_music_named_is_audio(prompt: str, music: str) -> None:
    assert any(music in t for t in _audio(prompt)), _audio(prompt)


@pytest.mark.parametrize("prompt", [
    "The team's final score is 3-1.",
    "A symphony of colours across the evening sky.",
    "The students score high on the test.",
    "A hymn book lies open on the pew.",
])
def test_a_score_of_a_game_a_figure_or_a_thing_is_not_audio(prompt: str) -> None:
    assert _audio(prompt) == []


# Rule: an echo "of" the past (a time, a memory, an abstract thing) is a figure of speech, not
# a sound, whatever words follow it; an echo of a sound's source is a sound.
@pytest.mark.parametrize("prompt", [
    "Echoes of the past linger in the ruined hall.",
    "Echoes of a forgotten empire fill the ruins.",
    "The echoes of history linger in its walls.",
])
def test_an_echo_of_the_past_is_a_figure(prompt: str) -> None:
    assert _audio(prompt) == []


@pytest.mark.parametrize("prompt", [
    "The echoes of footsteps fill the empty hall.",
    "Echoes of the bell ring across the valley.",
    "Her voice echoes through the cave.",
])
def test_an_echo_of_a_sound_is_audio(prompt: str) -> None:
    assert any(t.lower().startswith("echo") for t in _audio(prompt)), _audio(prompt)
