"""Sequences (issue 22), session 13: a stated reason is read with its grammar, not by its
words alone. A verb of dressing excuses a change of clothes only with a garment for its
object; "later" and "earlier" move the story in time only when they open the shot or follow
a span of time. Lists written for these tests."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def drifts(*shots: str) -> set[str]:
    found = find(extract_all(parse_shot_list("\n".join(shots))))
    return {f.anchor for f in found if f.kind == "drift"}


_DRESSED = ("Wide: Oskar, a ferryman with a white walrus moustache, in a {} wool coat, "
            "unties the ferry at the landing at dawn, mist on the water.")


@pytest.mark.parametrize("action", [
    "pulls on the bell rope",
    "slips into the wheelhouse",
    "takes off from the landing with a blast of the horn",
])
def test_a_verb_of_dressing_with_no_garment_excuses_no_new_coat(action):
    assert "character" in drifts(
        _DRESSED.format("charcoal"),
        "Medium: Oskar (white walrus moustache, charcoal wool coat) coils a line at dawn.",
        f"Close-up: Oskar, white walrus moustache, in a mustard wool coat, {action} at dawn.")


@pytest.mark.parametrize("action", [
    "pulls on a mustard wool coat against the cold",
    "has swapped the charcoal coat for a mustard wool coat",
    "slips into a mustard wool coat from the locker",
])
def test_a_verb_of_dressing_with_a_garment_is_a_reason(action):
    assert "character" not in drifts(
        _DRESSED.format("charcoal"),
        "Medium: Oskar (white walrus moustache, charcoal wool coat) coils a line at dawn.",
        f"Close-up: Oskar, white walrus moustache, {action}, at dawn.")


_HOURS = ("Wide: Yusuf, a beekeeper with a grey goatee, in a white veiled suit, lifts a "
          "frame from the hive in the orchard at noon, hard overhead sun.",
          "Medium: Yusuf (grey goatee, white veiled suit) smokes the hive in the orchard at "
          "noon, hard overhead sun.")


@pytest.mark.parametrize("words", [
    "Yusuf (grey goatee, white veiled suit) mouths 'see you later' to the bees",
    "Yusuf (grey goatee, white veiled suit) checks the frame he marked earlier",
])
def test_later_inside_a_clause_moves_no_time(words):
    assert "time_of_day" in drifts(*_HOURS, f"Close-up: {words}, in the orchard under a "
                                            "starry midnight sky.")


@pytest.mark.parametrize("opening", ["Later, ", "Much later, ", "Three days later, ",
                                     "A while later, "])
def test_later_opening_the_shot_moves_the_time(opening):
    assert "time_of_day" not in drifts(
        *_HOURS, f"{opening}Yusuf (grey goatee, white veiled suit) sits in the orchard under a "
                 "starry midnight sky.")


@pytest.mark.parametrize("light", ["lit by the morning sun", "bathed by the evening glow",
                                   "silhouetted by the midnight moon"])
def test_by_the_light_of_an_hour_is_no_time_reached(light):
    assert "time_of_day" in drifts(
        *_HOURS, f"Close-up: Yusuf (grey goatee, white veiled suit) in the orchard, {light}.")


@pytest.mark.parametrize("opening", ["By nightfall ", "By evening, "])
def test_by_an_hour_opening_the_shot_reaches_it(opening):
    assert "time_of_day" not in drifts(
        *_HOURS, f"{opening}Yusuf (grey goatee, white veiled suit) sits in the orchard, "
                 "the sky dark, the first stars out.")


def test_a_digital_look_said_last_in_the_shot_drifts_against_film():
    # Session 16: the clash is found as before, once, as the lens anchor: "shot on 16mm film"
    # and "crisp 8K digital" are capture formats (the definition's "lens family / format";
    # dev10 and dev11 label it lens), and the style they imply is the same words read twice.
    assert "lens" in drifts(
        "Wide: Ivo, a boxer with a broken nose and red gloves, skips rope, shot on 16mm film.",
        "Medium: Ivo (broken nose, red gloves) hits the bag, shot on 16mm film.",
        "Close-up: Ivo, broken nose, red gloves, wipes sweat, crisp 8K digital.")


@pytest.mark.parametrize("first, then", [("camel trench coat", "camel duffel coat"),
                                         ("knee-length grey skirt", "floor-length grey skirt")])
def test_another_kind_of_one_garment_drifts_though_its_colour_holds(first, then):
    assert "character" in drifts(
        f"Wide: Vera, a librarian with a silver bob, in a {first}, unlocks the doors.",
        f"Medium: Vera (silver bob, {first}) shelves returns.",
        f"Close-up: Vera, silver bob, in a {then}, stamps a card.")


def test_the_same_kind_said_again_shorter_holds():
    assert "character" not in drifts(
        "Wide: Vera, a librarian with a silver bob, in a camel trench coat, unlocks the doors.",
        "Medium: Vera (silver bob, camel trench) shelves returns.",
        "Close-up: Vera, silver bob, in her father's camel coat, stamps a card.")


def test_a_garment_wet_or_dusted_is_the_same_kind():
    assert "character" not in drifts(
        "Wide: Vera, a librarian with a silver bob, in a camel trench coat, runs through rain.",
        "Medium: Vera (silver bob, rain-soaked camel trench coat) shakes out her umbrella.",
        "Close-up: Vera, silver bob, in her wet camel coat, stamps a card.")
