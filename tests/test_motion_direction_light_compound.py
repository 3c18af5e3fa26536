"""Motion by the definition (issue 12: the speed, manner, weight or physics of a movement; a
direction alone is not; an adjective inside a noun phrase is not the manner of a movement),
session 16. Every sentence here is written for these tests, none from a labelled set: each rule
gets wordings of different shapes that it must catch, and neighbours it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _motion(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(C.MOTION, [])]


# Rule: an adverb said of a verb of light or fire (flicker, burn, blaze) or of focus (blur)
# describes how it shines or how sharp the picture is, not how anything moves.
@pytest.mark.parametrize("prompt", [
    "A single candle burns steadily on the windowsill.",
    "An old motel sign, its neon letters flickering softly in the dusk.",
    "The campfire blazes fiercely under the stars.",
    "Behind the singer, the studio background softly blurs.",
    "The city lights behind her blur gently into bokeh.",
])
def test_a_manner_of_light_fire_or_focus_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "manner"), [
    ("Flames dance wildly in the old stone hearth.", "wildly"),
    ("A lantern swings gently from its hook on the porch.", "gently"),
    ("A racehorse blurs quickly past the camera.", "quickly"),
])
def test_a_manner_of_a_movement_near_light_stays_motion(prompt: str, manner: str) -> None:
    assert manner in _motion(prompt)


# Rule: a manner adjective before a compound whose head is "movement" or "motion" and whose
# first noun says whose movement it is qualifies that movement; a camera or rig compound is the
# camera's.
@pytest.mark.parametrize(("prompt", "manner"), [
    ("An open-world game where the hero crosses the hills with realistic character movement.",
     "realistic character movement"),
    ("The old robot repeats its task with jerky servo motions.", "jerky servo motions"),
    ("A wildlife documentary of the herd, natural animal movements in golden grass.",
     "natural animal movements"),
])
def test_a_manner_adjective_before_a_compound_movement_is_motion(prompt: str,
                                                                 manner: str) -> None:
    assert manner in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "Smooth camera movement through the empty hall.",
    "A slow dolly motion toward the front door.",
    "A chef plating food, subtle handheld motion, warm kitchen light.",
])
def test_a_manner_adjective_before_a_camera_compound_is_not_scene_motion(prompt: str) -> None:
    assert _motion(prompt) == []


# Rule: one movement named after "with a" / "in a" with describing words of its own, after a
# verb that moves, is that movement's manner (as the plural "with stiff, mechanical steps" is).
@pytest.mark.parametrize(("prompt", "manner"), [
    ("The robot walks with a mechanical gait.", "with a mechanical gait"),
    ("The old sailor crosses the deck with a rolling, unsteady gait.",
     "with a rolling, unsteady gait"),
    ("A pony trots along the lane with a bouncy cadence.", "with a bouncy cadence"),
])
def test_one_described_movement_after_a_is_its_manner(prompt: str, manner: str) -> None:
    assert manner in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "She walks with a friend along the beach.",
    "A man with a strange gait stands by the door.",
    "He dances with a few steps to the left.",
])
def test_a_companion_a_gait_with_no_verb_or_a_count_is_not_a_manner(prompt: str) -> None:
    assert _motion(prompt) == []


# Rule: "naturally" / "realistically" after a verb that moves says how true to life the movement
# is (its physics), like "realistic character movement"; as a comment ("Naturally, ...") or of
# a verb that shows the scene or moves nothing, it is not.
@pytest.mark.parametrize(("prompt", "manner"), [
    ("Characters move naturally through the crowded market.", "naturally"),
    ("Her silk skirt sways realistically as she turns.", "realistically"),
    ("The puppet's limbs swing realistically from their strings.", "realistically"),
])
def test_a_movement_said_to_be_true_to_life_is_motion(prompt: str, manner: str) -> None:
    assert manner in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "Naturally, the dog wants to play in the snow.",
    "She smiles naturally at the camera.",
    "Handheld camera capturing the busy street naturally.",
])
def test_naturally_as_a_comment_or_of_a_non_movement_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


# Rule: "hard" as an adverb right after a verb that moves, or after its object closing the
# phrase, is the force of that movement; before a noun or after a verb that moves nothing it
# is not.
@pytest.mark.parametrize("prompt", [
    "The driver yanks the wheel hard right.",
    "The runner pushes harder up the final hill.",
    "The rider falls hard, rolling across the dirt.",
])
def test_hard_after_a_movement_is_its_force(prompt: str) -> None:
    assert any(span.startswith("hard") for span in _motion(prompt)), _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "She works hard at her desk.",
    "He stares hard at the letter.",
    "A pale egg on the hard kitchen floor.",
    "Hard light from a bare bulb.",
])
def test_hard_of_a_thing_or_of_a_non_movement_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


# Rule: a change of speed said by any verb of gaining or losing it is motion; momentum gained
# by an abstract thing is a figure of speech.
@pytest.mark.parametrize(("prompt", "change"), [
    ("The train gathers speed as it leaves the station.", "gathers speed"),
    ("The sled builds up speed on the icy slope.", "builds up speed"),
    ("The boulder gains velocity as it rolls.", "gains velocity"),
])
def test_a_change_of_speed_in_other_words_is_motion(prompt: str, change: str) -> None:
    assert change in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "The campaign gathers momentum in the polls.",
    "The negotiation gains momentum.",
    "The runner keeps pace with the car.",
])
def test_momentum_of_an_abstract_thing_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


# Rule: a thing yielding to a load (bending, sagging, buckling under weight or pressure) and a
# movement that ends by coming to rest or to a standstill are the physics of the movement.
@pytest.mark.parametrize(("prompt", "physics"), [
    ("The metal bar bends under the pressure.", "bends under the pressure"),
    ("The old shelf sags under its own weight.", "sags under its own weight"),
    ("The wooden bridge buckles under the heavy load.", "buckles under the heavy load"),
    ("The ball bounces several times before coming to rest.", "coming to rest"),
    ("The spinning top wobbles and comes to rest.", "comes to rest"),
])
def test_yielding_to_a_load_or_coming_to_rest_is_motion(prompt: str, physics: str) -> None:
    assert physics in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "He works well under pressure.",
    "She sits under the old tree.",
    "The hikers stop to rest by the stream.",
])
def test_pressure_as_stress_or_a_pause_to_rest_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []
