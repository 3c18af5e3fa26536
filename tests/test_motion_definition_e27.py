"""Issue 12, motion and audio read by their definitions (session 27): a movement word counts
when it is said of a movement being made, and not when it is an adjective inside a noun phrase
about a thing."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _motion(prompt: str) -> list[str]:
    return [s.text.lower() for s in analyze(prompt).spans.get(C.MOTION, [])]


@pytest.mark.parametrize(("prompt", "span"), [
    ("A young rapper wears a hoodie, swaying his body to the beat.", "swaying"),
    ("A tall reed by the pond, swaying its head in the wind.", "swaying"),
    ("A dancer in a red dress, swaying her hips to the music.", "swaying"),
])
def test_a_participle_with_its_object_is_a_movement_made(prompt: str, span: str) -> None:
    assert any(span in s for s in _motion(prompt))


@pytest.mark.parametrize("prompt", [
    "Swaying palm trees line the quiet beach.",
    "The swaying lanterns hang over the night market.",
])
def test_a_participle_before_its_noun_stays_the_things_adjective(prompt: str) -> None:
    assert not any("swaying" in s for s in _motion(prompt))


@pytest.mark.parametrize("prompt", [
    "Spectators stand safely behind the barrier, smoke plume.",
    "Knockout punch in a boxing match, slow mo sweat spray, sports promo.",
])
def test_a_singular_substance_before_a_bare_base_form_is_a_compound_noun(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "span"), [
    ("The wind makes the water ripple across the pond.", "ripple"),
    ("Her hair whips.", "whips"),
    ("Leaves swirl.", "swirl"),
])
def test_a_substances_verb_by_agreement_stays_motion(prompt: str, span: str) -> None:
    assert any(span in s for s in _motion(prompt))


@pytest.mark.parametrize("prompt", [
    "A video with subtitles mocking her weight and a moo sound each step.",
    "A board with red circles and notes on his weight, his gym times.",
    "A girl jokes about her weight.",
])
def test_a_weight_talked_of_is_not_a_movements(prompt: str) -> None:
    assert not any("weight" in s for s in _motion(prompt))


@pytest.mark.parametrize("prompt", [
    "The dancer shifts her weight onto one foot.",
    "He throws his weight forward.",
    "The shelf sags under its weight.",
])
def test_a_weight_moved_stays_motion(prompt: str) -> None:
    assert any("weight" in s for s in _motion(prompt))


def test_a_match_that_runs_into_the_next_items_adjective_is_not_motion() -> None:
    prompt = "A survivor talks about leaving the movement, soft key light, 50mm."
    assert _motion(prompt) == []


def test_an_adjective_said_of_a_movement_after_a_comma_stays_motion() -> None:
    assert any("slow and fluid" in s for s in _motion(
        "Her movements, slow and fluid, fill the stage."))


def test_a_manner_verbs_form_after_a_possessive_is_a_noun() -> None:
    assert _motion("Speckled ceramic mug, sage glaze, maker's stamp on the base.") == []


def test_a_manner_verbs_base_form_after_a_plural_subject_stays_motion() -> None:
    assert "stamp" in _motion("The horses stamp in the mud.")


def test_a_participle_between_a_preposition_and_its_noun_is_the_things_adjective() -> None:
    assert not any("swaying" in s for s in _motion("Wind whistles through swaying pines."))


def test_a_participle_after_a_conjunction_may_be_a_verb_of_its_own() -> None:
    assert any("swaying" in s for s in _motion(
        "The old sailor hums and swaying his hips, dances on the deck."))


def test_a_speed_word_with_a_noun_sense_heading_its_phrase_is_the_noun() -> None:
    assert _motion("Make me a motivational video for my fast, day 14 no food.") == []


@pytest.mark.parametrize("prompt", ["He runs fast.", "The car is fast."])
def test_a_speed_word_said_of_a_movement_or_a_thing_after_a_verb_stays(prompt: str) -> None:
    assert "fast" in _motion(prompt)


def test_at_a_noun_whose_first_sense_is_a_thing_is_that_thing() -> None:
    assert _motion("An orange tabby cat swats at a fly on the kitchen windowsill.") == []


@pytest.mark.parametrize(("prompt", "span"), [
    ("The tortoise moves at a crawl through the grass.", "at a crawl"),
    ("The pony moves at a trot along the fence.", "at a trot"),
])
def test_at_a_gait_stays_a_pace(prompt: str, span: str) -> None:
    assert span in _motion(prompt)
