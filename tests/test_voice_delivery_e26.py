"""Issue 12, a voice's delivery (session 26): how fast or how loud words are said next to a
verb of saying (WordNet's verb.communication, speech_verbs.py) is heard, so audio, and is
never the manner of a movement; a bare verb of saying is neither."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C
from bot.core.critique.sound_verbs import SOUND_ADJECTIVES, SOUND_VERB_FORMS
from bot.core.critique.speech_verbs import SPEECH_VERB_FORMS


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


@pytest.mark.parametrize(("prompt", "heard"), [
    ("A grandmother by the stove, slowly recounting a fairy tale.", "slowly"),
    ("Two neighbours over the fence, bickering loudly.", "loudly"),
    ("A sports commentator rapidly narrating the final lap.", "rapidly"),
    ("A quick-talking auctioneer at a cattle market.", "quick-talking"),
])
def test_delivery_of_a_voice_is_audio_not_motion(prompt: str, heard: str) -> None:
    assert heard in _texts(prompt, C.AUDIO)
    assert _texts(prompt, C.MOTION) == []


@pytest.mark.parametrize("prompt", [
    "A teacher explains fractions at the whiteboard.",   # words said, none of them heard
    "A lawyer argues her case in an empty courtroom.",
])
def test_a_bare_verb_of_saying_is_not_audio(prompt: str) -> None:
    assert _texts(prompt, C.AUDIO) == []


@pytest.mark.parametrize("prompt", [
    "An old man slowly walks to the window while telling a story.",
    "The model closes her eyes and breathes out slowly.",   # "out" is no verb of saying
    "The banker is carefully counting the bills with his thick fingers.",
])
def test_a_movement_keeps_its_manner(prompt: str) -> None:
    assert _texts(prompt, C.MOTION)


def test_the_table_holds_verbs_of_saying_not_of_the_hands_or_particles() -> None:
    assert {"telling", "describes", "argued", "narrating", "recounts"} <= SPEECH_VERB_FORMS
    assert not {"out", "nod", "nodding", "beckons", "types", "counting", "calls", "waves"} \
        & SPEECH_VERB_FORMS


def test_a_delivered_speaker_is_still_the_subject() -> None:
    subjects = _texts("A fast-talking salesperson rapidly describing the features.", C.SUBJECT)
    assert any("salesperson" in s for s in subjects)


@pytest.mark.parametrize(("prompt", "heard"), [
    ("A toddler is slurping soup at the kitchen table.", "slurping"),   # eat noisily
    ("An old radiator gurgled in the corner of the cold room.", "gurgled"),
    ("A boy munching an apple on the porch steps.", "munching"),       # chew noisily
])
def test_a_verb_whose_definition_makes_a_sound_is_heard(prompt: str, heard: str) -> None:
    assert heard in _texts(prompt, C.AUDIO)


def test_a_sound_verb_is_still_what_the_subject_does() -> None:
    assert "slurping" in _texts("A toddler is slurping soup at the kitchen table.", C.ACTION)


@pytest.mark.parametrize("prompt", [
    "A family eats in the dining room under a chandelier.",   # "dining" is no din
    "A tiger walks on, its tail swishing lazily behind it.",  # a movement, seen
    "Mirrors ringed with bulbs line the wall.",
    "A man in grey pants leans on the railing.",
])
def test_words_that_only_look_like_a_sound_verb_are_not_heard(prompt: str) -> None:
    assert _texts(prompt, C.AUDIO) == []


def test_sound_table_keeps_sounds_not_other_words() -> None:
    assert {"slurping", "gurgled", "munching", "clattered"} <= SOUND_VERB_FORMS
    assert not {"dining", "dined", "pants", "rung", "ringed", "swishing", "trump"} \
        & SOUND_VERB_FORMS


def test_an_adjective_whose_meaning_is_a_sound_is_heard() -> None:
    assert "noisy" in _texts("A gamer hunched over a noisy mechanical keyboard.", C.AUDIO)
    assert {"noisy", "raucous", "loud"} <= SOUND_ADJECTIVES
    assert not {"bustling", "unruly", "boisterous", "quiet"} & SOUND_ADJECTIVES
