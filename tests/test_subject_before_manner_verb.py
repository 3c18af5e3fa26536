"""A prompt's opening noun phrase stays its subject when the phrase runs on into a verb the
analysis claims as motion ("A babysitter creeps down...": "creeps" is the manner of the
movement, "A babysitter" the subject); words that open with a claim are still no subject."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


@pytest.mark.parametrize(("prompt", "subject"), [
    ("A babysitter creeps down a dark staircase", "A babysitter"),
    ("A glassblower lurches forward as the furnace door opens", "A glassblower"),
    ("A lamplighter staggers along the quay", "A lamplighter"),
])
def test_a_subject_the_lexicon_does_not_know_survives_its_manner_verb(prompt, subject):
    a = analyze(prompt)
    assert a.text(C.SUBJECT) == subject
    assert a.has(C.MOTION)


@pytest.mark.parametrize("prompt", [
    "Aerial view of a city at night",
    "A slow dolly in on a lighthouse",
    "Golden hour light over a wheat field",
])
def test_an_opening_that_is_a_camera_or_light_is_not_the_subject(prompt):
    subject = analyze(prompt).text(C.SUBJECT) or ""
    assert not subject.lower().startswith(prompt.split()[0].lower() + " " + prompt.split()[1].lower())
