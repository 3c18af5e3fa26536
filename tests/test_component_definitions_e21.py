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


# Rule: a sound noun listed with a feeling (a noun whose first WordNet sense is a feeling:
# "joy", "delight", "love") names the scene's mood, not a sound the clip should carry; with
# another sound, or silence beside a feeling, it is still audio.
@pytest.mark.parametrize("prompt", [
    "A wedding party on a lawn, joy and laughter, golden light.",
    "Laughter and delight fill the garden as children play.",
    "Love, laughter and warm candlelight at a family dinner.",
])
def test_a_sound_listed_with_a_feeling_is_the_mood(prompt: str):
    assert _texts(prompt, C.AUDIO) == []


@pytest.mark.parametrize(("prompt", "audio"), [
    ("Music and laughter fill the hall.", "laughter"),
    ("A comedian bows to laughter and applause.", "laughter"),
    ("An abandoned house at night, dread and silence.", "silence"),
])
def test_a_sound_beside_a_sound_or_silence_stays_audio(prompt: str, audio: str):
    assert audio in _texts(prompt, C.AUDIO), _texts(prompt, C.AUDIO)


# Rule: an instrument named as what a musician plays or sits at shows the playing (as "a
# pianist plays the piano" does), not a sound the clip should carry; the piece named in quotes
# after it, how it sounds, or the word as a verb of sound keeps it audio.
@pytest.mark.parametrize("prompt", [
    "A drummer plays drums on stage under red lights.",
    "A girl practices the drums in her garage after school.",
    "A jazz trio in a smoky club, Max on drums.",
])
def test_an_instrument_played_is_the_action(prompt: str):
    assert _texts(prompt, C.AUDIO) == []


@pytest.mark.parametrize(("prompt", "audio"), [
    ("A bear playing the drums to 'Eye of the Tiger' in a forest.", "drums"),
    ("A man plays the drums loudly in a basement.", "drums"),
    ("Rain drums on the tin roof of a shed.", "drums"),
    ("Thundering drums as the army marches at dawn.", "drums"),
])
def test_drums_heard_stay_audio(prompt: str, audio: str):
    assert audio in _texts(prompt, C.AUDIO), _texts(prompt, C.AUDIO)


# Rule: a breeze, a gust or a gale (air in motion, by WordNet's definitions) named with a word
# that describes it is the force the scene's things move in, its physics, with no verb for what
# it moves; a compound WordNet names ("breeze block") or a sound section is not.
@pytest.mark.parametrize(("prompt", "motion"), [
    ("Morning mist over the dunes, lens flare, and a cool breeze.", "a cool breeze"),
    ("A light breeze on a summer afternoon at the lake.", "A light breeze"),
    ("A strong gust hits the sails of the old ship.", "A strong gust"),
])
def test_a_breeze_described_is_motion(prompt: str, motion: str):
    assert motion in _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


@pytest.mark.parametrize("prompt", [
    "A garden wall of grey breeze blocks at noon.",
    "A cabin at dusk. Audio: a gentle breeze, distant gulls.",
])
def test_a_breeze_block_or_a_heard_breeze_is_not_motion(prompt: str):
    assert _texts(prompt, C.MOTION) == []


# Rule: a quoted line a character says is dialogue: after a verb of speech the list of cues
# lacked ("mutters"), after a stage direction in brackets, or as a quoted sentence of its own
# with the punctuation of speech; a name, a title or a sign's text in quotes is not.
@pytest.mark.parametrize(("prompt", "line"), [
    ('An old janitor mutters "not again" and closes the door.', '"not again"'),
    ('A detective glares at a rubber duck. "Where were you that night?"',
     '"Where were you that night?"'),
    ('Woman: (scanning the woods) "Then what is it, then?"', '"Then what is it, then?"'),
])
def test_a_characters_quoted_line_is_audio(prompt: str, line: str):
    assert line in _texts(prompt, C.AUDIO), _texts(prompt, C.AUDIO)


@pytest.mark.parametrize("prompt", [
    'A chemistry teacher in a yellow suit, with "Breaking Bad" in bold text above him.',
    'A girl on a bench makes a "shush" gesture with her finger.',
    'A diner at night. "OPEN ALL NIGHT" glows in red neon above the door.',
    'A castle at dawn. Title appears in gold embers: \u201cThe Last Kingdom Falls.\u201d',
])
def test_a_name_title_or_sign_in_quotes_is_not_audio(prompt: str):
    assert _texts(prompt, C.AUDIO) == []
