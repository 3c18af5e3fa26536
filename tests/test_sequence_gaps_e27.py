"""Sequences (issue 22, session 27): gap readings found by tabulating the tuning sets' false
and missed gaps by mechanism. Each rule comes with its contrast, so a test fails if the
reading is dropped or over-applied. The lists are this test's own wording, not any set's rows.

(1) A mark placed on a region of a part, whatever names the region ("across the bridge of her
nose", "up the side of his neck"), is placed on the part: a signature a later shot owes.
(2) Heterochromia ("mismatched eyes") is an eye trait, a signature as an eye colour is.
(3) "a red hair clip": the colour is the clip's (WordNet: a clip is an artifact), not the
hair's; "red hair" said alone, or before a verb, stays a hair colour."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find
from bot.core.sequence.people import _hair_modifies_a_thing


def gaps(*shots: str) -> list[tuple[str, tuple[int, ...]]]:
    return sorted((f.anchor, tuple(f.shots))
                  for f in find(extract_all(parse_shot_list("\n".join(shots))))
                  if f.kind == "gap")


def slots(text: str) -> dict[str, set[str]]:
    shot = extract_all(parse_shot_list(text))[0]
    out: dict[str, set[str]] = {}
    for m in shot.mentions:
        if m.anchor == "character":
            out.setdefault(m.slot, set()).update(m.values)
    return out


@pytest.mark.parametrize("text, part", [
    ("Mira, a ranger, a pale scar across the bridge of her nose, scans the ridge.", "nose"),
    ("Tomas, a cook, a snake tattoo curling up the side of his neck, chops onions.", "neck"),
    ("Ines, a diver, a small tattoo on the inside of her left wrist, checks her gauge.", "wrist"),
])
def test_a_mark_on_a_region_of_a_part_is_on_the_part(text, part):
    marks = {slot: vals for slot, vals in slots(text).items() if slot.startswith("mark:")}
    assert any(f"part:{part}" in vals for vals in marks.values())


def test_a_mark_somewhere_not_a_body_part_places_nothing():
    marks = {slot: vals for slot, vals in
             slots("Mira, a ranger, a scar on the side of the old tree, scans the ridge.").items()
             if slot.startswith("mark:")}
    assert not any(v.startswith("part:") for vals in marks.values() for v in vals)


_SCARRED = ["Mira, a ranger, olive field jacket, a thin scar across the bridge of her nose, "
            "scans the ridge at dawn.",
            "Mira, olive field jacket, raises her binoculars at dawn.",
            "Close on Mira's face as she lowers the binoculars at dawn."]


def test_a_scar_said_once_on_a_region_of_the_nose_is_owed_later():
    assert ("character", (1, 2, 3)) in gaps(*_SCARRED)


def test_the_scar_said_again_owes_nothing():
    again = [_SCARRED[0],
             "Mira, olive field jacket, thin scar across the bridge of her nose, raises her "
             "binoculars at dawn.",
             "Close on Mira's face, thin scar across the bridge of her nose, at dawn."]
    assert not [g for g in gaps(*again) if g[0] == "character"]


@pytest.mark.parametrize("text", [
    "Ren, spiky white hair, heterochromia, leans on the fence.",
    "Ren, spiky white hair, mismatched eyes, leans on the fence.",
    "Ren, an odd-eyed boy with spiky white hair, leans on the fence.",
])
def test_heterochromia_is_an_eye_trait(text):
    assert slots(text).get("eyes") == {"heterochromia"}


def test_mismatched_eyes_said_once_are_owed_in_a_later_close_up():
    assert ("character", (1, 2, 3)) in gaps(
        "Ren, spiky white hair, mismatched eyes, black school jacket, leans on the rooftop fence.",
        "Ren, spiky white hair, black school jacket, smirks at the cat on the fence.",
        "Extreme close-up: Ren's eyes widen, spiky white hair, black school jacket.")


@pytest.mark.parametrize("text, made", [
    ("Hina, short black bob with a red hair clip, crouches.", True),
    ("Hina, short black bob, a white hair tie, crouches.", True),
    ("Hina, long red hair, crouches.", False),
    ("Hina, red hair falling over her face, crouches.", False),
    ("Hina, red hair streaming in the wind, crouches.", False),
])
def test_hair_before_a_made_thing_names_the_thing(text, made):
    end = text.lower().index("hair") + len("hair")
    assert _hair_modifies_a_thing(text, end) is made


def test_a_red_hair_clip_is_no_red_hair():
    got = slots("Hina, about eight, short black bob with a red hair clip, yellow rain boots.")
    assert got.get("hair_colour") == {"black", "name:black"}
    assert "red" not in got.get("hair_colour", set())
    assert slots("Hina, about eight, long red hair, yellow rain boots.")["hair_colour"] >= {"red"}


# ---- (4) a hair said again by the noun of its form -------------------------------------------
_BOB = ["Hina, about eight, short black bob, yellow rain boots, sets a paper boat on the water.",
        "Hina in yellow rain boots, {hair}, splashes after the boat.",
        "Hina kneels by the drain in her yellow rain boots, {hair}, peering in."]


def test_the_form_noun_said_again_is_the_hair_said_again():
    shots = [_BOB[0], _BOB[1].format(hair="a red clip in her bob"),
             _BOB[2].format(hair="bob dripping")]
    assert not [g for g in gaps(*shots) if g[0] == "character"]


def test_hair_left_out_is_still_owed():
    shots = [_BOB[0], _BOB[1].format(hair="laughing"), _BOB[2].format(hair="soaked")]
    assert ("character", (1, 2, 3)) in gaps(*shots)


# ---- (5) a place said again by its head noun alone -------------------------------------------
_SLOPE = ["Wide: painted hive boxes on a grassy slope above Lake Ohrid, early morning.",
          "Marko, grey walrus moustache, white veil hat, lifts a frame from a hive{there}, "
          "early morning.",
          "Marko, grey walrus moustache, white veil hat, works the smoker{there}, early morning."]


def test_the_place_noun_said_alone_is_the_place_said_again():
    shots = [_SLOPE[0], _SLOPE[1].format(there=", the slope behind him"),
             _SLOPE[2].format(there=" on the slope")]
    assert not [g for g in gaps(*shots) if g[0] == "setting"]


def test_the_place_left_out_is_still_owed():
    shots = [_SLOPE[0], _SLOPE[1].format(there=""), _SLOPE[2].format(there="")]
    assert ("setting", (1, 2, 3)) in gaps(*shots)
