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


@pytest.mark.parametrize(("prompt", "motion"), [
    ("A lion soaring through the sky with majestic ease", "with majestic ease"),
    ("A spider scurrying across the ground with immense speed", "with immense speed"),
    ("She moves with quiet confidence through the crowd", "with quiet confidence"),
    ("Her movements remain quietly confident as she works", "Her movements remain quietly confident"),
    ("The woman walks briskly and casually down a wet street", "casually"),
    ("His hair is tousled by the wind on the cliff", "tousled by the wind"),
])
def test_the_manner_of_a_movement_read_by_grammar(prompt: str, motion: str) -> None:
    assert motion in _texts(prompt, C.MOTION)


@pytest.mark.parametrize("prompt", [
    "She smiles with confidence at the judges",        # a quality of a smile, not a movement
    "The gravity of his words hangs over the room",    # a figure of speech
    "She smiles warmly and kindly at the child",       # adverbs of a smile
])
def test_a_quality_said_of_no_movement_is_not_motion(prompt: str) -> None:
    assert _texts(prompt, C.MOTION) == []


def test_words_a_character_says_are_dialogue_not_instructions() -> None:
    prompt = 'Woman: (Voice tight with fear) "Then we slowly pan the room." A rough bark.'
    assert _texts(prompt, C.PACING) == []
    assert _texts(prompt, C.CAMERA) == []
    # a quotation with no speaker before it is left alone
    assert "then" in _texts('"A cat walks in, then jumps onto the table"', C.PACING)


def test_a_subjects_pause_is_not_the_clips_pacing() -> None:
    assert _texts("She pauses, listening at the door", C.PACING) == []
    assert _texts("A dramatic pause before the kiss", C.PACING) == ["pause"]


def test_a_shot_carried_over_is_consistency_and_a_steady_camera_is_not() -> None:
    assert _texts("same shot, switch to 85 mm", C.CONSISTENCY) == ["same shot"]
    assert _texts("The camera stays perfectly steady on her hands", C.CONSISTENCY) == []


def test_the_frames_colour_said_by_comparison_is_colour() -> None:
    assert _texts("Back in the office, the colour slightly warmer than before",
                  C.COLOR) == ["the colour slightly warmer than before"]


def test_a_labelled_sound_section_holds_only_sounds() -> None:
    prompt = ("Medium shot. A young woman reads a book. Warm lighting. "
              "Audio: pages turning, quiet library ambiance, soft footsteps. Night, neon signs.")
    assert _texts(prompt, C.STYLE) == []          # "ambiance" is the sound's
    assert _texts(prompt, C.MOTION) == []         # "soft footsteps" is a sound, not a manner
    assert "Night" in _texts(prompt, C.LIGHTING)  # the picture again after the section


@pytest.mark.parametrize(("prompt", "style"), [
    ("In a 90s documentary-style interview, an old man sits in a study", "documentary-style"),
    ("A Ghibli-inspired village at dawn", "Ghibli-inspired"),
    ("An anime-style girl waves at the camera", "anime-style"),
])
def test_a_look_made_one_word_with_its_source_is_style(prompt: str, style: str) -> None:
    assert style in _texts(prompt, C.STYLE)


def test_a_things_make_is_not_the_clips_style() -> None:
    assert _texts("A man makes a call on a rotary-style wall phone", C.STYLE) == []


def test_the_physics_of_one_things_movement_named_as_a_noun_is_motion() -> None:
    assert _texts("A rubber ball dropped from a height, showing the bounce of the ball",
                  C.MOTION) == ["the bounce of the ball"]


def test_a_named_place_after_a_preposition_is_the_setting_and_alone_the_subject() -> None:
    assert "across the Golden Gate Bridge" in _texts(
        "A cyclist rides across the Golden Gate Bridge in fog", C.SETTING)
    assert _texts("Blue Lagoon, zoom in.", C.SETTING) == []
    assert _texts("Blue Lagoon, zoom in.", C.SUBJECT) == ["Blue Lagoon"]


@pytest.mark.parametrize("prompt", [
    "Thunder clouds gather over the plains",                  # compound: clouds
    "An orchestra pit with empty velvet seats",               # compound: a pit
    "A drum kit on an empty stage, spotlight",                # compound: a kit
    "The tower hums with neon light",                         # a sight, not a sound
    "Her dress echoes the colours of the sunset",             # echo as resemble
    "The arch echoes the curve of the river below",
])
def test_a_sound_word_that_names_a_thing_or_a_sight_is_not_audio(prompt: str) -> None:
    assert _texts(prompt, C.AUDIO) == []


@pytest.mark.parametrize(("prompt", "audio"), [
    ("Thunder rolls in the distance", "Thunder"),
    ("Thunder shakes the windows", "Thunder"),
    ("The orchestra swells as the hero rises", "orchestra"),
    ("Music plays softly in the background", "Music"),
    ("Footsteps echo through the empty hall", "Footsteps"),
])
def test_the_same_sound_words_doing_their_sound_stay_audio(prompt: str, audio: str) -> None:
    assert audio in _texts(prompt, C.AUDIO)


@pytest.mark.parametrize("prompt", [
    "The echo of a smile crosses her face",
    "A roar of colour fills the canvas",
])
def test_a_sound_noun_of_a_sight_is_a_figure(prompt: str) -> None:
    assert _texts(prompt, C.AUDIO) == []


@pytest.mark.parametrize(("prompt", "audio"), [
    ("The faint hum of fluorescent lights overhead", "hum"),
    ("The soft rustling of the leaves fills the space", "rustling"),
    ("The murmur of voices forms the background", "murmur"),
])
def test_a_sound_noun_of_its_source_stays_audio(prompt: str, audio: str) -> None:
    assert audio in _texts(prompt, C.AUDIO)
