"""Issue 12, audio read by its definition (session 27): a sound counts when it is heard; a
sound word that begins WordNet's name of a made thing ("music stand") names the thing."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _audio(prompt: str) -> list[str]:
    return [s.text.lower() for s in analyze(prompt).spans.get(C.AUDIO, [])]


@pytest.mark.parametrize("prompt", [
    "She stops mid-phrase and glares at the music stand.",
    "A wide shot of the old bell tower at dawn.",
])
def test_a_sound_word_in_an_artifacts_name_is_not_heard(prompt: str) -> None:
    assert _audio(prompt) == []


@pytest.mark.parametrize(("prompt", "sound"), [
    ("A music box plays a lullaby.", "lullaby"),
    ("Soft music plays in the hall.", "music"),
])
def test_a_sound_said_stays_heard(prompt: str, sound: str) -> None:
    assert sound in _audio(prompt)
