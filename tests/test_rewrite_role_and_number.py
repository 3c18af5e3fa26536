"""The rewrite's subject details follow what the subject's noun says (issue 12: a rewrite adds,
never contradicts): a person named by a role already wears what the role says, a plural subject
takes a plural look, a tailless animal flicks no tail, and a water animal's leap ends in the
water, not in a skid. Prompts written here, in varied wordings."""

from __future__ import annotations

import re

import pytest

from bot.core.critique.pipeline import critique

GARMENT = re.compile(r"\b(?:jacket|coat|clothes|shirt|dress|gown|cloak|scarf|linen)\b")


def _rewrite(prompt: str, kb) -> str:
    return critique(prompt, kb).rewrite


@pytest.mark.parametrize("prompt", [
    "An astronaut drifts slowly through the cabin of an orbiting station",
    "a firefighter climbs out of the smoke carrying a hose",
    "The night nurse pushes a trolley along an empty ward",
])
def test_a_person_named_by_a_role_is_given_no_garment(kb, prompt):
    added = _rewrite(prompt, kb)[len(prompt) // 2:]  # the prompt's own words are kept
    assert not GARMENT.search(added.lower()), added


@pytest.mark.parametrize("prompt", [
    "A woman walks slowly along a quiet river path",
    "a little boy chases a kite across a field",
    "An old man sits on a bench feeding pigeons",
])
def test_a_person_named_by_age_or_sex_still_gets_a_garment(kb, prompt):
    assert GARMENT.search(_rewrite(prompt, kb).lower())


@pytest.mark.parametrize("prompt", [
    "A blonde nurse walks down a hospital corridor",
    "a bald monk sweeps the temple steps at dawn",
    "A surgeon in a cap bends over the operating table",
])
def test_no_hair_is_given_to_a_head_the_prompt_already_describes(kb, prompt):
    assert "short dark hair" not in _rewrite(prompt, kb)


@pytest.mark.parametrize("prompt, plural", [
    ("Dolphins leap out of the ocean at sunset", True),
    ("three sea otters float on their backs in a kelp bed", True),
    ("A humpback whale and her calf swim near the surface", False),
    ("A lone seal rests on a rock", False),
])
def test_a_look_said_after_the_subject_agrees_with_its_number(kb, prompt, plural):
    text = _rewrite(prompt, kb)
    if "skin catching" in text:
        assert ("their skin" in text) is plural and ("its skin" in text) is not plural, text


@pytest.mark.parametrize("prompt", [
    "A jellyfish pulses upward through dark blue water",
    "an octopus crawls across the sea floor",
    "Moon jellyfish drift past the aquarium glass",
])
def test_an_animal_without_a_tail_flicks_none(kb, prompt):
    assert "tail" not in _rewrite(prompt, kb)


@pytest.mark.parametrize("prompt", [
    "A koi fish swims in a pond",
    "a shark circles slowly in the deep",
    "A whale glides beneath the waves",
])
def test_an_animal_with_a_tail_keeps_its_beat(kb, prompt):
    """At full strength, where the beat is always added: whether `standard` adds one to a
    given prompt is the need model's call (need_rates), this pins how the beat is written."""
    assert "flick of its tail" in critique(prompt, kb, strength="full").rewrite


@pytest.mark.parametrize("prompt, skid", [
    ("Dolphins leap out of the ocean", False),
    ("a salmon jumps up the waterfall", False),
    ("A cat jumps onto the kitchen table", True),
])
def test_a_water_animals_leap_does_not_end_in_a_skid(kb, prompt, skid):
    assert ("skid" in _rewrite(prompt, kb)) is skid


@pytest.mark.parametrize("word, person", [
    ("kayaker", True),  # kayak + -er: one who kayaks
    ("rollerblader", True),
    ("kitesurfer", True),  # a compound whose last part is a person
    ("freediver", True),
    ("sandcastle", False),  # a compound whose last part is a thing
    ("thunderstorm", False),
    ("blender", False),  # listed: a machine, whatever its form
])
def test_a_word_wordnet_does_not_list_is_read_by_word_formation(word, person):
    from bot.core.critique.needs import unlisted_person

    assert unlisted_person(word) is person


@pytest.mark.parametrize("prompt", [
    "A kayaker paddles hard through churning rapids",
    "a windsurfer carves across the bay at noon",
    "The paddleboarder glides past the pier",
])
def test_a_person_named_by_an_unlisted_agent_noun_is_a_person_dressed_by_the_role(kb, prompt):
    from bot.core.critique.analysis import analyze
    from bot.core.critique.needs import context_of

    assert context_of(analyze(prompt)).families[:1] == ["person"]
    added = _rewrite(prompt, kb)[len(prompt) // 2:]
    assert not GARMENT.search(added.lower()) and "calm mood" not in added, added
