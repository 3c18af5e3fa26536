"""Sequences (issue 22, session 11): one anchor named with other words in another shot.

The guide (consistency: "use identical descriptors, never synonyms") and the held-out set's
labelling conventions count synonyms for one garment as drift: to a model with no memory
between generations, "navy" and "dark blue" are two blues. A shortened or restated name
("mustard-yellow" then "yellow", "the coat") is a repeat, and the decoys here must not fire."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import colour_names, find, renamed_colour


def findings(*shots: str) -> list[tuple[str, str, tuple[int, ...]]]:
    return sorted((f.kind, f.anchor, tuple(f.shots))
                  for f in find(extract_all(parse_shot_list("\n".join(shots)))))


@pytest.mark.parametrize("a, b", [
    ("a navy coverall", "a dark blue coverall"),
    ("her scarlet scarf", "her red scarf"),
    ("a charcoal suit", "a dark grey suit"),
    ("an ivory blouse", "a cream blouse"),
    ("a bottle-green parka", "an emerald parka"),
])
def test_two_names_for_one_colour_are_renamed(a, b):
    assert renamed_colour(a, b)


@pytest.mark.parametrize("a, b", [
    ("a mustard-yellow raincoat", "the yellow raincoat"),  # shortened: a name kept
    ("a reddish coat", "a red coat"),  # one name, said loosely
    ("a grey coat", "a gray coat"),  # one name, two spellings
    ("the red coat", "the coat"),  # no colour said again: a reference
    ("a deep navy peacoat", "the navy peacoat"),
])
def test_a_kept_name_is_no_renaming(a, b):
    assert not renamed_colour(a, b)


def test_colour_names_read_compound_parts():
    assert colour_names("a rust-coloured, mustard-yellow scarf") == {"rust", "mustard", "yellow"}


@pytest.mark.parametrize("shots", [
    ["Dario, a mechanic, bald, in a navy coverall, rolls out from under a car in a garage.",
     "Dario, bald, in his navy coverall, wipes his hands in the garage.",
     "Dario, bald, in a dark blue coverall, checks a spark plug in the garage."],
    ["Noor, a violinist with a black braid and a crimson velvet dress, tunes up backstage.",
     "Noor, black braid, crimson velvet dress, walks toward the stage.",
     "Noor, black braid, red velvet dress, bows to the audience."],
])
def test_a_garment_retyped_in_a_synonym_drifts(shots):
    assert ("drift", "character", (1, 2, 3)) in findings(*shots)


def test_the_same_garment_repeated_or_shortened_does_not_drift():
    assert not [f for f in findings(
        "Dario, a mechanic, bald, in a mustard-yellow coverall, rolls out from under a car.",
        "Dario, bald, in the yellow coverall, wipes his hands.",
        "Dario, bald, still in the coverall, checks a spark plug.") if f[0] == "drift"]


@pytest.mark.parametrize("later", [
    "The courier checks her map by the fountain, cyan and amber grade.",
    "The courier checks her map by the fountain, turquoise and tangerine colour palette.",
])
def test_a_two_colour_grade_retyped_in_other_names_drifts(later):
    shots = ["A courier cycles across a plaza, teal and orange grade.",
             "The courier locks her bike, teal and orange grade.", later]
    assert ("drift", "palette", (1, 2, 3)) in findings(*shots)


def test_a_grade_repeated_in_its_own_names_does_not_drift():
    assert not [f for f in findings(
        "A courier cycles across a plaza, teal and orange grade.",
        "The courier locks her bike, teal-and-orange grade.",
        "The courier checks her map by the fountain, a teal and orange colour grade.")
        if f[0] == "drift"]
