"""English camera and motion read by grammar: who the verb's subject is, and what a noun
phrase says (issue 12: camera = movement, angle, height, position or point of view; motion =
speed, manner, weight or physics of a movement). Examples written for these tests."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.camera_grammar import camera_move_verb, frame_subject_moves
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


def _spans_exact(prompt: str) -> None:
    for spans in analyze(prompt).spans.values():
        for s in spans:
            assert prompt[s.start:s.end] == s.text


@pytest.mark.parametrize(("prompt", "camera"), [
    ("The shot circles the couple as they kiss", "shot circles"),
    ("The frame slowly drifts to the left over the rooftops", "frame slowly drifts"),
    ("The viewer floats above a sleeping city", "viewer floats"),
    ("A long take that follows the waiter through the kitchen", "take that follows"),
    ("The wide shot sweeps across the battlefield", "shot sweeps"),
])
def test_a_camera_noun_as_the_subject_of_a_movement_is_the_camera(prompt: str,
                                                                   camera: str) -> None:
    assert camera in _texts(prompt, C.CAMERA)
    _spans_exact(prompt)


@pytest.mark.parametrize("prompt", [
    "A picture frame falls off the wall",          # a frame that is a thing
    "A girl walks into the frame and waves",      # the frame as an object
    "The shot glass slides across the bar",       # a compound noun, not the shot
    "The view of the city is stunning",           # no movement
    "The shot shows a farmer in his field",       # not a verb of movement
])
def test_a_camera_noun_that_is_a_thing_or_does_not_move_is_not_a_camera_move(
        prompt: str) -> None:
    low = prompt.lower()
    assert frame_subject_moves(low) == []


def test_only_finite_movement_verbs_are_a_cameras_move() -> None:
    assert camera_move_verb("swoops") and camera_move_verb("drifting")
    assert camera_move_verb("explores")
    assert not camera_move_verb("shows") and not camera_move_verb("glide")
    assert not camera_move_verb("dances")  # a body's movement, not a camera's


@pytest.mark.parametrize(("prompt", "camera"), [
    ("Mid-air perspective of a skydiver over the desert", "Mid-air perspective"),
    ("A dog's perspective of the park at noon", "dog's perspective"),
    ("Street-level perspective as the parade passes", "Street-level perspective"),
])
def test_a_point_of_view_noun_with_a_place_height_or_owner_is_the_camera(
        prompt: str, camera: str) -> None:
    assert camera in _texts(prompt, C.CAMERA)


@pytest.mark.parametrize("prompt", [
    "A fresh perspective on city life, told through interviews",
    "Forced perspective trick with a giant hand holding the tower",
    "A hiker takes a selfie at a forest trail viewpoint",
])
def test_an_abstract_or_drawing_perspective_or_a_scenic_viewpoint_is_not_the_camera(
        prompt: str) -> None:
    assert _texts(prompt, C.CAMERA) == []


@pytest.mark.parametrize(("prompt", "camera"), [
    ("A roving camera explores the abandoned house", "roving camera"),
    ("A camera swoops over the castle walls", "camera swoops"),
    ("Slight upward tilt as the rocket launches", "Slight upward tilt"),
    ("Skimming over the waves at high speed", "Skimming"),
    ("Zoom into the eye of the storm", "Zoom into"),
    ("An upward shot of the cathedral ceiling", "upward shot"),
    ("A 360 spin around the sports car", "360 spin"),
])
def test_unusual_camera_wording_is_the_camera(prompt: str, camera: str) -> None:
    assert any(camera in t for t in _texts(prompt, C.CAMERA)), _texts(prompt, C.CAMERA)


@pytest.mark.parametrize("prompt", [
    "A vintage camera falls off the table",
    "He holds a handheld camera and walks home",
    "A truck left the depot at sunrise",
    "A sports car zooms into the garage",
])
def test_a_camera_as_a_prop_or_a_vehicles_move_is_not_the_camera(prompt: str) -> None:
    assert _texts(prompt, C.CAMERA) == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("The wind whips her hair across her face", "wind whips her hair"),
    ("A light breeze lifts tiny snowflakes into the air", "breeze lifts tiny snowflakes"),
    ("Close-up of a woman turning her head, real hair movement in every strand",
     "hair movement"),
    ("The drunk man walks with a lurch toward the bar", "with a lurch"),
    ("A rubber duck lands back down with a bounce", "with a bounce"),
    ("An old man sighs heavily and sits down", "heavily"),
    ("Her hair lifting in a soft wind as she turns", "lifting"),
])
def test_physics_and_manner_said_by_an_agent_a_noun_or_the_body_are_motion(
        prompt: str, motion: str) -> None:
    assert any(motion in t for t in _texts(prompt, C.MOTION)), _texts(prompt, C.MOTION)
    _spans_exact(prompt)


@pytest.mark.parametrize("prompt", [
    "Morning fog lifting from a valley, revealing the trees below",   # a bare direction
    "Time-lapse of clouds rolling over mountain peaks",
    "The leaves gradually change from red to green.",                 # a change of state
    "Ripples spreading across the water surface, top-down view",      # the noun, not a verb
    "She greets him with a wave of her hand",                         # a gesture
    "A girl with a swing in the garden",                              # a thing
])
def test_a_direction_a_change_of_state_a_noun_or_a_gesture_is_not_motion(prompt: str) -> None:
    assert _texts(prompt, C.MOTION) == []


@pytest.mark.parametrize(("prompt", "camera_manner"), [
    ("Crane shot starting at street level, wet from rain, slowly ascending to reveal the city",
     "slowly"),
    ("Camera falls through a dark cavern, camera slows, floating gently above the city",
     "gently"),
])
def test_a_manner_in_a_clause_going_on_from_the_camera_is_the_cameras(
        prompt: str, camera_manner: str) -> None:
    assert not any(camera_manner in t for t in _texts(prompt, C.MOTION))


def test_a_subjects_own_participle_after_a_camera_clause_keeps_its_manner() -> None:
    prompt = "The camera orbits the garden, leaves turning slowly in the wind"
    assert any("slowly" in t or "wind" in t for t in _texts(prompt, C.MOTION))
    prompt = "The camera follows a girl, running quickly through the field"
    assert "quickly" in _texts(prompt, C.MOTION)


@pytest.mark.parametrize(("prompt", "motion"), [
    ("The train slows to a stop at the platform", "slows to a stop"),
    ("The boxer bobs and weaves, dodging punches with quick footwork", "quick footwork"),
    ("The dancers move in perfect synchrony", "in perfect synchrony"),
    ("She twirls, her skirt flaring out around her", "flaring out"),
    ("A horse kicks up clods of dirt as it gallops across the field", "kicks up clods"),
])
def test_speed_changes_unison_footwork_and_thrown_matter_are_motion(prompt: str,
                                                                    motion: str) -> None:
    assert any(motion in t for t in _texts(prompt, C.MOTION)), _texts(prompt, C.MOTION)


@pytest.mark.parametrize("prompt", [
    "The girl with blue braids jumps onto the departing train",      # the girl jumps
    "The light slowly shifts from warm gold to deep blue at dusk",   # a change of the light
])
def test_an_owners_action_or_a_change_of_the_light_is_not_motion(prompt: str) -> None:
    assert _texts(prompt, C.MOTION) == []


@pytest.mark.parametrize(("prompt", "camera"), [
    ("The shot looks down at the table from directly above", "shot looks"),
    ("The perspective is from inside the car, looking out", "perspective is"),
    ("Static-to-slow-push-in, cinematic 35mm", "slow-push-in"),
    ("Locked framing on the woman while the world morphs", "Locked framing"),
])
def test_where_a_camera_noun_looks_or_stands_and_joined_moves_are_the_camera(
        prompt: str, camera: str) -> None:
    assert any(camera in t for t in _texts(prompt, C.CAMERA)), _texts(prompt, C.CAMERA)
    _spans_exact(prompt)


@pytest.mark.parametrize(("prompt", "want", "not_want"), [
    ("Equal amounts of black and white paint are stirred together", None, "black and white"),
    ("Wide shot, high-contrast black-and-white silent-film look", "black-and-white", None),
    ("A lone astronaut on Mars, high-contrast sunset lighting, long shadows", None,
     "High-contrast"),
    ("Swirling galaxies of vibrant colors merging and flowing", "vibrant colors", None),
    ("The nebula glows in shades of purple and deep blue", "shades of purple and deep blue",
     None),
])
def test_a_things_pair_of_colours_or_the_lights_contrast_is_not_the_palette(
        prompt: str, want: str | None, not_want: str | None) -> None:
    got = _texts(prompt, C.COLOR)
    if want:
        assert any(want.lower() in t.lower() for t in got), got
    if not_want:
        assert not any(not_want.lower() in t.lower() for t in got), got


def test_a_garment_told_by_a_word_of_its_own_is_a_consistency_anchor() -> None:
    prompt = "Medium close-up, a businesswoman in a tailored blazer holds a phone to her ear"
    assert "in a tailored blazer" in _texts(prompt, C.CONSISTENCY)
    prompt = "The monkey plays the piano with its feet, but the backpack jumps onto the keys"
    assert not any("backpack" in t for t in _texts(prompt, C.CONSISTENCY))


def test_ambient_as_the_soundtracks_name_is_audio() -> None:
    assert _texts("Aerial drone shot over the desert. Ambient: wind across sand.", C.AUDIO)
    assert not _texts("Soft ambient light fills the room", C.AUDIO)


@pytest.mark.parametrize("prompt", [
    "Slider shot across a table of food",
    "Parallax movement past trees revealing a castle",
    "Hyperlapse through a busy city street",
    "Tripod-mounted shot of a sunset",
    "Follow-cam behind a mountain biker",
    "Push through the doorway into the kitchen",
])
def test_rigs_and_techniques_named_as_such_are_the_camera(prompt: str) -> None:
    assert _texts(prompt, C.CAMERA), prompt


@pytest.mark.parametrize("prompt", [
    "A woman pushes through the crowd to reach the stage",
    "The police chase the thief down the alley",
    "A tracking device blinks on the wall",
])
def test_the_same_words_said_of_someone_or_a_thing_are_not_the_camera(prompt: str) -> None:
    assert _texts(prompt, C.CAMERA) == []
