"""Issue 12's definitions of audio, colour and motion read by mechanism (session 20), on
sentences written for these tests (none of them is a labelled row): each rule has wordings it
must catch and neighbours it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


# Rule: a person (or a group of people) doing something that makes a sound, with nothing said
# about the sound itself (no words quoted, no loudness or distance, no sound section), is a
# visible doing, not sound the clip should have (audio = dialogue, music, ambience, effects).
@pytest.mark.parametrize("prompt", [
    "An elderly woman talks with her grandson on a park bench.",
    "Two students are chatting under a tree, sunlight through the leaves.",
    "A toddler cries while his father rocks him.",
    "The teacher speaks in front of the class, pointing at the board.",
    "At the end of the match the fans clap and wave their scarves.",
    "A boy whistling walks down a country lane.",
])
def test_a_person_doing_a_sounding_thing_with_no_sound_described_is_not_audio(prompt: str):
    assert _texts(prompt, C.AUDIO) == []


@pytest.mark.parametrize(("prompt", "heard"), [
    # the sound itself described: loudness or distance, the words said, a sound section
    ("An elderly woman talks softly with her grandson on a park bench.", "talks"),
    ('The teacher speaks to the class: "Open your books."', "speaks"),
    ("Audio: a toddler crying, rain on the window.", "crying"),
    # a thing or a phenomenon that makes the sound: only heard, never a doing to show
    ("Beside the stove an old kettle starts whistling.", "whistling"),
    ("Thunder rumbles over the hills at night.", "rumbles"),
    # a noun, not a verb of a doer: the sound named
    ("The child's earlier cries give way to a soft lullaby.", "cries"),
])
def test_a_sound_described_or_made_by_a_thing_stays_audio(prompt: str, heard: str):
    assert any(heard in t for t in _texts(prompt, C.AUDIO)), _texts(prompt, C.AUDIO)
