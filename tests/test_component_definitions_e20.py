"""Issue 12's definitions of audio, colour and motion read by mechanism (session 20), on
sentences written for these tests (none of them is a labelled row): each rule has wordings it
must catch and neighbours it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


# Rule: a verb of movement followed by the wind or the water that drives it is the physics of
# that movement (a force moving a thing), whatever the thing; a verb that does not move ("sits",
# "stands", "checks") with the wind after it is not.
@pytest.mark.parametrize(("prompt", "motion"), [
    ("A row of sunflowers sways under a warm summer breeze.", "sways under a warm summer breeze"),
    ("Old pines bend before the gale on the ridge.", "bend before the gale"),
    ("A paper lantern swings in a gentle breeze above the door.", "swings in a gentle breeze"),
    ("Bamboo stalks sway as the wind picks up.", "sway as the wind"),
])
def test_a_movement_driven_by_the_wind_is_motion(prompt: str, motion: str):
    assert motion in _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


@pytest.mark.parametrize("prompt", [
    "A fisherman stands against the wind on the pier.",
    "A sailor checks the current on a chart.",
    "An old woman sits under a breeze-block wall.",
])
def test_no_movement_beside_the_wind_is_not_motion(prompt: str):
    assert _texts(prompt, C.MOTION) == []


# Rule: a movement named by its verb used as a noun, with its owner, and described by a
# linking verb's adjective ("is smooth", "looks effortless", "grows heavier") is the movement's
# manner; the same noun with no owner, or followed by a verb or a noun, describes no movement.
@pytest.mark.parametrize(("prompt", "motion"), [
    ("The clock pendulum's swing is smooth and even.", "pendulum's swing is smooth"),
    ("On the frozen lake the skater's glide looks effortless.", "skater's glide looks effortless"),
    ("Mile after mile her stride grows heavier.", "her stride grows heavier"),
])
def test_an_owned_movement_noun_described_is_motion(prompt: str, motion: str):
    assert any(motion.lower() in t.lower() for t in _texts(prompt, C.MOTION)), \
        _texts(prompt, C.MOTION)


@pytest.mark.parametrize("prompt", [
    "Her swing in the garden is broken.",
    "The diver's leap is the highlight of the show.",
    "The dancer's dress is red.",
])
def test_a_movement_noun_that_is_a_thing_or_not_described_is_not_motion(prompt: str):
    assert _texts(prompt, C.MOTION) == []


# Rule: a tone (or the colours, the palette, the hues) said by a quality of colour itself (a
# temperature, a saturation, a hue), before it or after a linking verb, is the frame's colour;
# a tone said by a mood is the style's, and the tone of a voice or a sound is how it sounds.
@pytest.mark.parametrize(("prompt", "colour"), [
    ("The overall tone of the footage is cool.", "tone of the footage is cool"),
    ("A fishing harbour at dawn, a cold blue tone over everything.", "cold blue tone"),
    ("In the old apartment the colours are soft and warm.", "colours are soft and warm"),
    ("A desert highway; the palette is muted, almost grey.", "palette is muted"),
    ("At dusk the whole village takes on a warm amber hue.", "warm amber hue"),
])
def test_a_colour_quality_of_a_tone_or_the_palette_is_color(prompt: str, colour: str):
    assert colour in _texts(prompt, C.COLOR), _texts(prompt, C.COLOR)


@pytest.mark.parametrize("prompt", [
    "A quiet house on a hill, a serene and hopeful tone.",
    "Her voice has a warm tone as she reads to the child.",
    "The detective speaks in a cold tone across the table.",
    "The lake's golden hue fades as the clouds roll in.",
])
def test_a_mood_tone_or_a_voice_tone_is_not_color(prompt: str):
    assert _texts(prompt, C.COLOR) == []


# Rule: "with each/every" and a bare movement noun says how often something happens (each time
# a step is taken), not how the movement goes; a describing word on the noun ("with each heavy
# step") still gives the manner.
@pytest.mark.parametrize("prompt", [
    "A hiker climbs the ridge, with each step the valley opening wider below.",
    "With every stride the runner pulls further ahead of the pack.",
    "The old floorboards creak with each step she takes.",
])
def test_with_each_step_alone_is_not_motion(prompt: str):
    assert _texts(prompt, C.MOTION) == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("The old man climbs the stairs with each heavy step.", "heavy step"),
    ("A sled dog hauls the sled with every powerful stride.", "powerful stride"),
    ("The kitten skids across the tiles with each quick spin.", "quick spin"),
])
def test_with_each_described_step_is_motion(prompt: str, motion: str):
    assert motion in _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


# Rule: the words a speaker says are dialogue (audio) however they are quoted: in single quotes
# after a verb of speech, with the verb's manner between ("shouts with joy: '...'") and with
# quotes or an apostrophe inside the line; text on a thing with no sentence said is not.
@pytest.mark.parametrize(("prompt", "line"), [
    ("The coach turns to the bench and shouts with pure relief: 'We did it!'", "'We did it!'"),
    ("She leans in and says, 'I once wrote 'urgent' on a lunch memo. Nobody came.'",
     "Nobody came.'"),
    ("Grinning, the old fisherman mutters under his breath and says: 'Bring 'em in slow.'",
     "'Bring 'em in slow.'"),
])
def test_a_single_quoted_line_after_a_verb_of_speech_is_audio(prompt: str, line: str):
    assert any(line in t for t in _texts(prompt, C.AUDIO)), _texts(prompt, C.AUDIO)


@pytest.mark.parametrize("prompt", [
    "A wooden sign that says 'Open' hangs on the bakery door.",
    "She says she's fine and walks out of the room.",
    "A T-shirt that reads 'Summer 98' hangs on the line.",
])
def test_text_on_a_thing_or_reported_speech_is_not_audio(prompt: str):
    assert _texts(prompt, C.AUDIO) == []
