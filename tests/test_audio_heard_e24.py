"""Issue 12, audio is sound the viewer hears (session 24): notes or chords played are heard,
whoever or whatever plays them, and an instrument that plays ("the piano to play") sounds;
an instrument someone plays with nothing said of its sound stays the picture's."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _audio(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(C.AUDIO, [])]


@pytest.mark.parametrize("prompt", [
    "The backpack jumps onto the keys, causing the piano to play random notes.",
    "A girl plays soft chords on a guitar by the fire.",
])
def test_notes_played_or_an_instrument_playing_is_heard(prompt: str) -> None:
    assert _audio(prompt)


@pytest.mark.parametrize("prompt", [
    "A man plays the piano in an empty hall.",   # the playing is seen; no sound is said
    "A boy takes notes in class.",               # notes written, not played
])
def test_an_instrument_played_or_notes_taken_is_not_audio(prompt: str) -> None:
    assert _audio(prompt) == []
