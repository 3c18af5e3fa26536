"""Issue 12's audio definition on wordings from outside the project: a list of sounds opened
by "sound of" / "we hear" without a label lists sounds, so a word in it is no manner of
movement; the list ends where a clause of the picture starts."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


@pytest.mark.parametrize("prompt", [
    "A woman walks down a wet street. Ambient sound of rain on pavement, distant traffic, "
    "soft footsteps",
    "A lighthouse at dusk, sounds of gulls, heavy waves and slow creaking timber",
    "An empty hallway, we hear quick footsteps and a door slamming",
    "Background sounds of hurried footsteps and gentle rain on the roof.",
])
def test_an_unlabelled_sound_list_is_not_the_manner_of_a_movement(prompt: str) -> None:
    assert _texts(prompt, C.MOTION) == []
    assert _texts(prompt, C.AUDIO)


@pytest.mark.parametrize(("prompt", "motion"), [
    ("We hear slow footsteps as a figure walks gently through the fog.", "gently"),
    ("The sound of waves on the rocks while a gull glides lazily overhead.", "lazily"),
    ("A horse gallops gracefully across the beach, the sound of hooves on wet sand.",
     "gracefully"),
])
def test_the_picture_after_or_before_a_sound_list_keeps_its_manner(prompt: str,
                                                                    motion: str) -> None:
    assert motion in _texts(prompt, C.MOTION)


@pytest.mark.parametrize(("prompt", "audio"), [
    ('A man speaks to the camera: "We leave at dawn."', '"We leave at dawn."'),
    ("A woman speaks in a low, husky voice.", "voice"),
    ("Thunder rumbles in the distance over the plain.", "rumbles"),
    ("A campfire crackles under the stars.", "crackles"),
    ("The kettle whistles on the stove.", "whistles"),
])
def test_words_said_a_voice_or_a_sound_verb_in_any_form_are_audio(prompt: str,
                                                                   audio: str) -> None:
    assert any(audio in t for t in _texts(prompt, C.AUDIO)), _texts(prompt, C.AUDIO)


@pytest.mark.parametrize(("prompt", "audio"), [
    ("MCU locked. Soft piano.", "Soft piano"),
    ("A jazz club at night, a lone saxophone over the rain.", "lone saxophone"),
    ("Gentle strings swell as the sun rises.", "Gentle strings"),
    ("A cello plays in the empty hall.", "cello plays"),
])
def test_an_instrument_heard_is_audio(prompt: str, audio: str) -> None:
    assert audio in _texts(prompt, C.AUDIO), _texts(prompt, C.AUDIO)


@pytest.mark.parametrize("prompt", [
    "A panda holds a guitar by a lake.",
    "A girl sits on the piano bench.",
    "Slow strings of lights hang over the street.",
    "A soft pianist smiles at the crowd.",
])
def test_an_instrument_as_a_prop_is_not_audio(prompt: str) -> None:
    assert _texts(prompt, C.AUDIO) == []


@pytest.mark.parametrize(("prompt", "audio"), [
    ("The woman says, 'I'm not afraid of anything, except Mondays.'", "'I'm not afraid"),
    ("Camping (stop motion): Camper: 'I'm one with nature now!' Bear: 'Go away.'",
     "'I'm one with nature now!'"),
    ("A knight replies, 'Not today, old friend.'", "'Not today, old friend.'"),
])
def test_a_single_quoted_line_said_or_given_to_a_speaker_is_dialogue(prompt: str,
                                                                     audio: str) -> None:
    assert any(audio in t for t in _texts(prompt, C.AUDIO)), _texts(prompt, C.AUDIO)


@pytest.mark.parametrize("prompt", [
    "A shop window at night. Text overlay: 'Holiday Sale, up to 50% off!'",
    "A neon sign: 'Open all night.'",
])
def test_a_written_line_is_not_dialogue(prompt: str) -> None:
    assert _texts(prompt, C.AUDIO) == []


@pytest.mark.parametrize(("prompt", "audio"), [
    ("A woman sings softly to her baby.", "sings softly"),
    ("A love letter read aloud over night shots of the city.", "read aloud"),
    ("A child reads aloud to the class.", "reads aloud"),
])
def test_a_voice_whose_sound_is_described_is_audio(prompt: str, audio: str) -> None:
    assert audio in _texts(prompt, C.AUDIO), _texts(prompt, C.AUDIO)
    assert _texts(prompt, C.MOTION) == []  # how a voice sounds is no manner of movement
