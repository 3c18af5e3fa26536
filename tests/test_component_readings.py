"""Components read by grammar and definition (issue 12): a sound noun naming a thing is not
audio, the audience moving is the camera, the side of the subject the camera faces is an angle.
Examples written for these tests."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


@pytest.mark.parametrize("prompt", [
    "A vintage music box spins slowly on a dresser",         # compound: a box
    "A voice assistant speaker glows on a kitchen desk",     # compound: an assistant
    "Film grain and digital noise over a night street, VHS look",  # the picture's noise
    "The echoes of an ancient civilization linger in the ruins",   # a figure of speech
])
def test_a_sound_word_that_names_a_thing_or_a_figure_is_not_audio(prompt: str) -> None:
    assert _texts(prompt, C.AUDIO) == []


@pytest.mark.parametrize(("prompt", "audio"), [
    ("Soft music plays as she dances in the kitchen", "music"),
    ("A voice whispers in the dark hallway", "voice"),
    ("Echoes of footsteps in an empty hall", "Echoes"),
    ("The music swells as the hero rises", "music"),
])
def test_a_sound_the_clip_plays_stays_audio(prompt: str, audio: str) -> None:
    assert audio in _texts(prompt, C.AUDIO)


@pytest.mark.parametrize(("prompt", "camera"), [
    ("We race toward the cliffs at dawn", "We race"),
    ("We plunge into the ocean among the fish", "We plunge"),
    ("We walk into the busy night market", "We walk"),
])
def test_the_audience_moving_is_the_camera(prompt: str, camera: str) -> None:
    assert camera in _texts(prompt, C.CAMERA)


@pytest.mark.parametrize("prompt", [
    'She grabs his arm and says, "we run now!"',   # a character's words
    "We pour the tea into two small cups",         # handling a thing
    "We see a cat sleeping on a wall",             # narration of what the clip shows
])
def test_the_audience_not_moving_is_no_camera(prompt: str) -> None:
    assert _texts(prompt, C.CAMERA) == []


@pytest.mark.parametrize(("prompt", "camera"), [
    ("Frontal view of a lion resting in tall grass", "Frontal view"),
    ("Profile shot of a woman at a rainy window", "Profile shot"),
    ("Three-quarter view of a marble sculpture", "Three-quarter view"),
    ("A top shot of the city grid at night", "top shot"),
])
def test_the_side_the_camera_faces_is_an_angle(prompt: str, camera: str) -> None:
    assert camera in _texts(prompt, C.CAMERA)
