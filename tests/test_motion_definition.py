"""Issue 12's motion definition on wordings from outside the project: the speed, manner,
weight or physics of a movement is motion; the path's shape alone, or a kind of movement with
no manner word, is not."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _motion(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(C.MOTION, [])]


@pytest.mark.parametrize("prompt", [
    "A dog is sitting in the yard, then it starts running in circles.",
    "A kite loops in circles above the beach.",
    "A child swings back and forth on a rope.",
    "The pendulum moves side to side.",
    "A horse trots around in a circle.",
    "A red ball falls from a height, hits the ground, and bounces back up.",
    "A toddler bouncing on the bed.",
])
def test_a_paths_shape_or_a_bounce_alone_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("Two players rally, the rapid back-and-forth movement of the ball.", "back-and-forth movement"),
    ("A hawk glides in slow circles over the field.", "in slow circles"),
    ("The crowd sways in unison.", "in unison"),
    ("The ball bounces heavily on the court.", "heavily"),
])
def test_a_path_with_a_manner_word_stays_motion(prompt: str, motion: str) -> None:
    assert any(motion in t for t in _motion(prompt)), _motion(prompt)


@pytest.mark.parametrize(("prompt", "motion"), [
    ("The camera pans left as wind moves the grass.", "wind moves the grass"),
    ("A strong breeze bends the branches along the bank.", "breeze bends the branches"),
    ("A light wind ripples the water of the pond.", "wind ripples the water"),
])
def test_any_verb_that_moves_a_substance_with_the_wind_as_its_subject_is_physics(
        prompt: str, motion: str) -> None:
    assert motion in _motion(prompt), _motion(prompt)


def test_the_wind_doing_something_else_is_not_physics() -> None:
    assert _motion("The wind smells of salt and the grass is dry.") == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("A timelapse of the gradual transformation of a candle as it warms.", "gradual transformation"),
    ("The rapid melting of an ice sculpture in the sun.", "rapid melting"),
    ("A sandcastle in its slow erosion by the tide.", "slow erosion"),
])
def test_the_speed_of_a_change_of_form_is_motion(prompt: str, motion: str) -> None:
    assert motion in _motion(prompt), _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "The device emits light: first off, then smoothly turning white, then blue.",
    "Her face slowly turns pale.",
    "The sky gradually grows dark over the bay.",
    "The lamp glass slowly becomes opaque.",
])
def test_the_pace_of_a_change_to_a_colour_or_a_state_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("The dancer turns gracefully on the stage.", "gracefully"),
    ("She turns slowly to face him.", "slowly"),
    ("The car slowly turns left at the corner.", "slowly"),
])
def test_a_turn_through_space_keeps_its_manner(prompt: str, motion: str) -> None:
    assert motion in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "Close-up of a candle flame; the camera holds steady as the flame flickers.",
    "Water drips from the ceiling of the cave.",
    "Melting icicles, water dripping onto the rock below.",
    "A few bats fly by the cave mouth.",
    "Two pigeons fly past the window.",
])
def test_a_flickering_flame_a_drip_or_flying_past_says_no_manner(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("Cars whip past the camera on the highway.", "whip past"),
    ("Water drips slowly from the leaking tap.", "slowly"),
    ("The flames dance wildly in the fireplace.", "wildly"),
])
def test_a_speed_or_a_manner_with_them_is_motion(prompt: str, motion: str) -> None:
    assert any(motion in t for t in _motion(prompt)), _motion(prompt)


@pytest.mark.parametrize(("prompt", "motion"), [
    ("A dancer spins on the rooftop, hair catching the breeze, arms extended.",
     "catching the breeze"),
    ("Her cape catching the wind as she stands on the cliff.", "catching the wind"),
    ("The flags answering the gusts above the harbour.", "answering the gusts"),
])
def test_a_substance_with_the_wind_named_after_its_verb_is_physics(prompt: str,
                                                                    motion: str) -> None:
    assert motion in _motion(prompt), _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "The water reflects the windows of the tower.",
    "Her hair smells of the sea.",
])
def test_a_substance_with_no_wind_or_movement_is_not_physics(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("The skater performs intense spins on the ice.", "intense spins"),
    ("He takes dramatic leaps from roof to roof.", "dramatic leaps"),
    ("The rally car in a series of frantic swerves.", "frantic swerves"),
    ("Violent shakes rock the cabin of the plane.", "Violent shakes"),
])
def test_a_manner_adjective_before_a_movement_noun_is_motion(prompt: str, motion: str) -> None:
    assert motion in _motion(prompt), _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "A building with elegant curves at dusk.",
    "Bold strokes of paint cover the canvas.",
    "Her first steps on the moon.",
    "Golden spirals decorate the wall.",
])
def test_an_adjective_of_a_shape_or_a_count_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize("prompt", [
    "A slow, steady dolly forward down the aisle.",
    "Slow, smooth tracking shot along the river.",
    "A quick, tight whip pan to the door.",
])
def test_an_adjective_listed_with_a_camera_moves_adjectives_is_the_cameras(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("A runner moves slowly, tracking shot.", "slowly"),
    ("Dancers move slowly, and the camera pans left.", "slowly"),
    ("The model turns gracefully as the camera orbits.", "gracefully"),
])
def test_a_manner_of_the_scene_before_a_camera_phrase_stays_motion(prompt: str,
                                                                   motion: str) -> None:
    assert motion in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "Swaying palm trees by the sea at dusk.",
    "Bobbing boats in the harbour, gulls overhead.",
    "Falling leaves in the park, a bench.",
])
def test_a_participle_opening_a_bare_noun_phrase_describes_the_thing(
        prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("Swaying gently, the dancer crosses the stage.", "gently"),
    ("Swaying, the drunk sailor staggers home.", "staggers"),
])
def test_a_participle_said_of_the_movement_stays_motion(prompt: str,
                                                                    motion: str) -> None:
    assert motion in _motion(prompt)
