"""Sequences (issue 22, session 21): words that look like a character's hair or like an hour
but, by their grammar, are something else.

Rules: (1) a hair word followed by "of" and a noun phrase with no hair in it names a shape of
that stuff ("braids of garlic", "curls of steam", "golden waves of wheat"); (2) a hair word
that is the verb of a clause with a bare noun subject ("Smoke curls past Leo") is not hair;
(3) a time word before a setting that keeps hours (a market, a club, a bazaar) names the kind
of place ("the night market"), while before a street or a city it still places the shot in the
day; (4) an aurora, the Milky Way or fireworks need a dark sky, not one hour of it: they do not
drift against the blue hour, but do against noon. The lists are this test's own wording, not
any set's rows."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def drifts(*shots: str) -> set[str]:
    return {f.anchor for f in find(extract_all(parse_shot_list("\n".join(shots))))
            if f.kind == "drift"}


def hair_slots(prompt: str) -> set[str]:
    """The character slots of a one-shot list's hair words."""
    shot = extract_all(parse_shot_list(prompt))[0]
    return {m.slot for m in shot.mentions if m.anchor == "character" and m.slot.startswith("hair")}


@pytest.mark.parametrize("shots", [
    ["Ines, short straight black hair, olive raincoat, lights a cigarette under a bridge.",
     "Smoke curls past Ines, short straight black hair, olive raincoat, as a tram passes.",
     "Ines, short straight black hair, olive raincoat, flicks the stub into the river."],
    ["Ines, short straight black hair, olive raincoat, stirs a pot on the stove.",
     "Steam curls up from the pot beside Ines, short straight black hair, olive raincoat.",
     "Ines, short straight black hair, olive raincoat, tastes from a wooden spoon."],
])
def test_a_hair_word_as_a_verb_of_another_subject_is_not_her_hair(shots):
    assert "character" not in drifts(*shots)


@pytest.mark.parametrize("shots", [
    ["Tomasz, cropped grey hair, brown leather apron, sharpens a knife in a cellar.",
     "Braids of garlic hang from a beam over Tomasz, cropped grey hair, brown leather apron.",
     "Tomasz, cropped grey hair, brown leather apron, wipes the blade on a cloth."],
    ["Tomasz, cropped grey hair, brown leather apron, walks a field road.",
     "Golden waves of wheat roll behind Tomasz, cropped grey hair, brown leather apron.",
     "Tomasz, cropped grey hair, brown leather apron, leans on a gate."],
])
def test_a_hair_word_of_another_stuff_is_a_shape_not_hair(shots):
    assert "character" not in drifts(*shots)


def test_a_real_change_of_hair_still_drifts():
    assert "character" in drifts(
        "Ines, short straight black hair, olive raincoat, lights a cigarette under a bridge.",
        "Ines, short black curls, olive raincoat, watches a tram pass.",
        "Ines, short straight black hair, olive raincoat, flicks the stub into the river.")


@pytest.mark.parametrize("prompt, slot", [
    ("Ines, braids of dark hair down her back, sits on the steps.", "hair_form"),
    ("Ines, brown curls past her shoulders, sits on the steps.", "hair_texture"),
    ("Ines, her tight curls past her collar, sits on the steps.", "hair_texture"),
    ("Ines, golden waves to her shoulders, sits on the steps.", "hair_colour"),
    ("Ines, curls of gold down her back, sits on the steps.", "hair_texture"),
    ("Ines, rope braids down her back, sits on the steps.", "hair_form"),
    ("Ines, pin curls under a silk scarf, sits on the steps.", "hair_texture"),
    ("The rope braids down her back swing as Ines runs up the steps.", "hair_form"),
])
def test_hair_with_of_or_a_path_after_it_is_still_hair(prompt, slot):
    assert slot in hair_slots(prompt)


@pytest.mark.parametrize("shots", [
    ["Golden hour. A fruit seller in a striped apron stacks mangoes at her stall.",
     "The fruit seller in a striped apron calls out to the crowd at the night market.",
     "Golden hour. The fruit seller in a striped apron counts coins into a tin."],
    ["Late afternoon. A cook in a paper hat unloads crates from a van.",
     "The cook in a paper hat sets up his grill for the night market.",
     "Late afternoon. The cook in a paper hat lights the charcoal."],
    ["Morning. A bouncer in a black bomber jacket sweeps the pavement.",
     "The bouncer in a black bomber jacket unlocks the night club's side door.",
     "Morning. The bouncer in a black bomber jacket stacks chairs."],
])
def test_a_place_named_for_its_hours_is_not_the_hour(shots):
    assert "time_of_day" not in drifts(*shots)


def test_a_sight_of_the_dark_sky_beside_the_blue_hour_leaves_the_hour():
    shot = extract_all(parse_shot_list(
        "Blue hour; an aurora ripples over a woman in a red parka."))[0]
    assert shot.text("time_of_day") is not None


def test_a_time_word_before_a_street_still_says_the_hour():
    assert "time_of_day" in drifts(
        "Morning. A courier in a yellow jacket cycles past shuttered shops.",
        "A courier in a yellow jacket cycles down the night streets of the old town.",
        "Morning. The courier in a yellow jacket chains his bike to a rail.")


@pytest.mark.parametrize("sight", ["an aurora ripples green", "the Milky Way arcs",
                                   "fireworks burst"])
def test_a_sight_of_the_dark_sky_does_not_drift_against_the_blue_hour(sight):
    assert "time_of_day" not in drifts(
        "Blue hour on a frozen lake; a woman in a red parka sets up a tripod.",
        f"Over the woman in a red parka {sight} above the ice.",
        "Blue hour; the woman in a red parka checks the screen of her camera.")


def test_a_sight_of_the_dark_sky_drifts_against_noon():
    assert "time_of_day" in drifts(
        "Noon on a frozen lake; a woman in a red parka sets up a tripod.",
        "Over the woman in a red parka an aurora ripples green above the ice.",
        "Noon; the woman in a red parka checks the screen of her camera.")


def test_a_shape_of_a_coloured_stuff_is_not_hair():
    assert not hair_slots("Braids of red chillies hang over the stove by the door.")


BUN = "Odile, thirties, a sleek chignon, grey wool dress, sorts letters at a post office counter."


@pytest.mark.parametrize("middle", [
    "Odile, thirties, loose curls over her shoulders, grey wool dress, stamps a parcel.",
    "Odile, thirties, hair tumbling down her back, grey wool dress, stamps a parcel.",
])
def test_hair_worn_up_then_falling_free_drifts(middle):
    assert "character" in drifts(BUN, middle, BUN)


@pytest.mark.parametrize("middle", [
    "Odile, thirties, a sleek chignon, grey wool dress, stamps a parcel.",
    "Odile, thirties, a sleek chignon, loose grey wool dress, stamps a parcel.",
    "Odile pulls the pins from her chignon and lets her hair down, grey wool dress, at the counter.",
])
def test_hair_kept_up_or_let_down_on_screen_does_not_drift(middle):
    assert "character" not in drifts(BUN, middle, BUN.replace("sorts letters", "locks the till"))
