"""Sequences (issue 22, session 17): gap findings across mechanisms pooled over the dev sets.

Rules (each written from the guide's consistency section before any code):
- A role described after a colon, a dash or in brackets, as a cast line does ("a COURIER:
  wiry teen in a yellow rain jacket", "the champion (lanky teen, ...)"), is one character
  named two ways: the later shots that say only the role owe the description (a character
  sheet pasted once).
- One look phrase stated once owes one gap: when a shot's style words and palette words are
  the same span of the prompt ("sepia-toned silent-film look"), the missing shots
  lack one look, reported once, as the style; a palette said apart from the style is its own
  gap.
"""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def found(*shots: str) -> list[tuple[str, str, tuple[int, ...]]]:
    return sorted((f.kind, f.anchor, tuple(f.shots))
                  for f in find(extract_all(parse_shot_list("\n".join(shots)))))


def _character_gaps(*shots: str) -> list[tuple[int, ...]]:
    return [s for k, a, s in found(*shots) if (k, a) == ("gap", "character")]


# ---- a role named by a cast line's colon, then by the role alone -----------------------------

@pytest.mark.parametrize("shots", [
    ["A COURIER: wiry teen, yellow rain jacket, red bicycle helmet, pedals through a wet "
     "market street at dusk.",
     "The courier chains the bicycle to a lamppost outside a noodle bar, dusk.",
     "The courier hands a parcel across the counter of the noodle bar, dusk."],
    ["Scene opens in a lighthouse lamp room, night. The keeper: old woman, silver braid, "
     "oilskin coat in mustard yellow, trims the wick.",
     "Wide: the keeper climbs down the spiral stair of the lighthouse with a lantern, night.",
     "Close: the keeper at the lighthouse door, watching the storm, night."],
    ["Rain at a country bus stop. A DRIVER: stocky man, green flat cap, brown corduroy "
     "jacket, waits by the bus.",
     "At the country bus stop in the rain, the driver checks his pocket watch.",
     "The driver climbs into the bus cab at the country bus stop, rain."],
    ["The ferryman - gaunt old man, grey beard, patched yellow oilskin coat - poles a raft "
     "across a misty river at dawn.",
     "The ferryman ties the raft to a post on the misty river bank, dawn.",
     "The ferryman lights a lantern on the misty river bank, dawn."],
    ["In a neon arcade at night, the champion (lanky teen, bleached mohawk, purple satin "
     "bomber jacket) hammers the buttons of a fighting game.",
     "The champion slams a fist on the cabinet of the neon arcade, night.",
     "The champion walks out past the glowing machines of the neon arcade, night."],
])
def test_a_role_described_after_its_colon_once_is_a_gap(shots):
    assert _character_gaps(*shots), found(*shots)


@pytest.mark.parametrize("shots", [
    # the description comes back with the role: no gap
    ["A COURIER: wiry teen, yellow rain jacket, red bicycle helmet, pedals through a wet "
     "market street at dusk.",
     "The courier in the yellow rain jacket and red bicycle helmet chains the bicycle to a "
     "lamppost, dusk.",
     "The courier, yellow rain jacket, red bicycle helmet, hands over a parcel, dusk."],
    # a colon that names the framing's subject, then someone else with "the": two people,
    # and the second is described in every shot it is in
    ["Over the shoulder of the detective: the suspect, a thin man in a grey hoodie, looks up "
     "in an interrogation room.",
     "The suspect in the grey hoodie stares at the table of the interrogation room.",
     "The suspect in the grey hoodie smirks in the interrogation room."],
    # a role described in brackets, then said again with the description: no gap
    ["In a neon arcade at night, the champion (lanky teen, bleached mohawk, purple satin "
     "bomber jacket) hammers the buttons of a fighting game.",
     "The champion, bleached mohawk, purple satin bomber jacket, slams a fist on the cabinet "
     "of the neon arcade, night.",
     "The champion in the purple satin bomber jacket, bleached mohawk, walks past the glowing "
     "machines of the neon arcade, night."],
    # a colon before an action, not a description: no alias, no sheet
    ["The guard: watches the man at the gate of a brick warehouse, night.",
     "The guard walks the fence line of the brick warehouse, night.",
     "The guard lights a cigarette by the brick warehouse gate, night."],
])
def test_a_colon_that_is_no_cast_line_makes_no_gap(shots):
    assert not _character_gaps(*shots), found(*shots)


def test_the_alias_is_read_from_the_colon():
    from bot.core.sequence.people import Cast
    shots = parse_shot_list("\n".join([
        "A COURIER: wiry teen, yellow rain jacket, pedals through the rain.",
        "The courier locks the bicycle."]))
    assert Cast(shots).noun_of.get("teen") == "courier"
    shots = parse_shot_list("\n".join([
        "Over the shoulder of the detective: the suspect looks up.",
        "The suspect stares."]))
    assert Cast(shots).noun_of.get("suspect") != "detective"
    shots = parse_shot_list("\n".join([
        "Two-shot: the nurse (left) and an old man in a wheelchair (right) on a terrace.",
        "The nurse pours tea for the old man."]))
    assert Cast(shots).noun_of.get("man") != "nurse"


# ---- one look phrase, stated once: one gap --------------------------------------------------

def _look_gaps(*shots: str) -> set[str]:
    return {a for k, a, _ in found(*shots) if k == "gap" and a in {"style", "palette"}}


@pytest.mark.parametrize("shots", [
    ["Sepia-toned silent-film look. Wide: a fisherman in a blue smock hauls nets on a "
     "stone quay at dawn.",
     "Medium: the fisherman in the blue smock coils rope on the stone quay at dawn.",
     "Close: the fisherman in the blue smock lights a pipe on the stone quay at dawn."],
    ["Wide: a girl in a red coat crosses a frozen pond in a birch wood, dusk. Faded "
     "Polaroid look with washed-out teal greens.",
     "Medium: the girl in the red coat kneels on the frozen pond in the birch wood, dusk.",
     "Close: the girl in the red coat presses her palm to the ice of the pond, dusk."],
    ["A boxer in gold trunks shadowboxes in an empty gym. Black-and-white noir look.",
     "The boxer in gold trunks wraps his hands on a bench in the empty gym.",
     "The boxer in gold trunks stares at the heavy bag in the empty gym."],
])
def test_a_look_and_its_colours_said_once_are_one_gap(shots):
    gaps = _look_gaps(*shots)
    assert "palette" not in gaps, found(*shots)


@pytest.mark.parametrize("shots", [
    # style and palette said apart, once each: two anchors, two gaps
    ["35mm film look. A fisherman in a blue smock hauls nets on a stone quay at dawn. Earthy "
     "brown and cream palette.",
     "The fisherman in the blue smock coils rope on the stone quay at dawn.",
     "The fisherman in the blue smock lights a pipe on the stone quay at dawn."],
    ["Grainy documentary style. A girl in a red coat crosses a frozen pond in a birch wood. "
     "Cold steel-blue and white grade.",
     "The girl in the red coat kneels on the frozen pond in the birch wood.",
     "The girl in the red coat presses her palm to the ice of the pond."],
    ["Stop-motion clay animation. A boxer in gold trunks shadowboxes in an empty gym; muted "
     "olive and mustard palette.",
     "The boxer in gold trunks wraps his hands on a bench in the empty gym.",
     "The boxer in gold trunks stares at the heavy bag in the empty gym."],
])
def test_a_palette_said_apart_from_the_style_keeps_its_gap(shots):
    assert "palette" in _look_gaps(*shots), found(*shots)


# ---- a place after a garment is where the character is, not a thing worn ---------------------

def _read(text: str) -> tuple[list[str], list[str]]:
    shot = extract_all(parse_shot_list(text + "\nThe end."))[0]
    return [m.slot for m in shot.of("wardrobe")], [m.owner for m in shot.of("setting")]


@pytest.mark.parametrize("text, place", [
    ("The boy in the yellow raincoat in the moss-green garden picks apples.", "garden"),
    ("The baker in a white apron in the blue-painted bakery kneads dough.", "bakery"),
    ("The old woman in the black shawl in the blue-tiled kitchen puts bread in the oven.",
     "kitchen"),
])
def test_a_coloured_place_after_a_garment_is_the_place(text, place):
    slots, places = _read(text)
    assert place in places
    assert not [s for s in slots if s.startswith("item:") and s[5:] not in text.split(" in ")[1]]


@pytest.mark.parametrize("text, item", [
    ("A diver with bright orange fins and yellow tanks rolls off the boat.", "item:tanks"),
    ("A knight in a red surcoat with steel gauntlets kneels.", "item:gauntlets"),
    ("A diver with bright orange fins and yellow tanks rolls off the boat.", "item:fins"),
])
def test_a_plural_worn_after_its_colour_stays_an_item(text, item):
    assert item in _read(text)[0]


def test_a_kitchen_restated_with_its_colour_owes_no_gap():
    shots = ["Establishing aerial: a fishing village of white houses on a cliff, dawn.",
             "Inside a cottage kitchen with blue tiles, an old woman in a black shawl kneads "
             "dough, dawn.",
             "The old woman in the black shawl in the blue-tiled kitchen puts bread in the "
             "oven, dawn."]
    assert ("gap", "setting", (2, 3)) not in found(*shots)


# ---- a place's feature named again with its describing word ---------------------------------

_INES = "Ines, short black bob, mustard wool coat,"


def _setting_gaps(*shots: str) -> list[tuple[int, ...]]:
    return [s for k, a, s in found(*shots) if (k, a) == ("gap", "setting")]


@pytest.mark.parametrize("shots", [
    [f"Wide: {_INES} sits in a chrome 1950s diner with red vinyl booths, night.",
     f"Medium: {_INES} sips coffee in a red vinyl booth, night.",
     f"Close: {_INES} leans on the counter, night."],
    [f"Wide: {_INES} waters orchids in a Victorian greenhouse with white iron benches, "
     "morning.",
     f"Medium: {_INES} kneels by a white iron bench, morning.",
     f"Close: {_INES} smiles at an orchid bloom, morning."],
    [f"Wide: {_INES} waits in a tiny barbershop with green leather chairs, afternoon.",
     f"Medium: {_INES} sits down in the green chair by the mirror, afternoon.",
     f"Close: {_INES} closes her eyes as the clippers buzz, afternoon."],
])
def test_a_feature_named_again_with_its_describing_word_is_the_place(shots):
    assert not _setting_gaps(*shots), found(*shots)


@pytest.mark.parametrize("shots", [
    [f"Wide: {_INES} sits in a chrome 1950s diner with red vinyl booths, night.",
     f"Medium: {_INES} sips coffee, night.",
     f"Close: {_INES} stares at her cup, night."],
    [f"Wide: {_INES} waters orchids in a Victorian greenhouse with white iron benches, "
     "morning.",
     f"Medium: {_INES} sets a bench upright, morning.",
     f"Close: {_INES} smiles at an orchid bloom, morning."],
    [f"Wide: {_INES} waits in a tiny barbershop with green leather chairs, afternoon.",
     f"Medium: {_INES} pulls a chair over, afternoon.",
     f"Close: {_INES} closes her eyes, afternoon."],
])
def test_the_feature_noun_alone_or_nothing_leaves_the_place_owed(shots):
    assert _setting_gaps(*shots), found(*shots)


# ---- a name given after the description -----------------------------------------------------

@pytest.mark.parametrize("shots", [
    ["A ferryman with a grey beard and a patched yellow oilskin coat poles a raft across a "
     "misty river at dawn. His name is Tomas.",
     "Tomas ties the raft to a post on the misty river bank, dawn.",
     "Tomas lights a lantern on the misty river bank, dawn."],
    ["On a night ferry deck, a drifter known as Jack, in a torn red flannel shirt and a "
     "battered brown fedora, leans on the rail.",
     "Jack flicks a cigarette into the wake from the night ferry deck.",
     "Jack turns up his collar against the wind on the night ferry deck."],
    ["A violinist in a long emerald velvet gown with silver-streaked hair tunes up backstage; "
     "her name's Odile.",
     "Odile walks into the spotlight of the empty concert hall.",
     "Odile lifts the bow in the empty concert hall."],
])
def test_a_name_given_after_the_description_owes_it(shots):
    assert _character_gaps(*shots), found(*shots)


@pytest.mark.parametrize("shots", [
    # the named one is described again wherever the name comes back
    ["A ferryman with a grey beard and a patched yellow oilskin coat poles a raft across a "
     "misty river at dawn. His name is Tomas.",
     "Tomas, grey beard, patched yellow oilskin coat, ties the raft on the misty river bank.",
     "Tomas, grey beard, patched yellow oilskin coat, lights a lantern on the river bank."],
    # a name that is no person's: no sheet hangs on it
    ["A ferryman with a grey beard and a patched yellow oilskin coat poles a raft known as "
     "Bessie across a misty river at dawn.",
     "Bessie bumps against the misty river bank, dawn.",
     "Bessie drifts loose on the misty river, dawn."],
    # the clause's pronoun does not fit the noun before it: not hers
    ["A tall nun in a black habit walks a cloister at dusk, a boy beside her.",
     "The boy's name is Pim; Pim runs ahead.",
     "Pim waits by the cloister gate, dusk."],
])
def test_a_name_clause_that_names_nobody_described_makes_no_gap(shots):
    assert not _character_gaps(*shots), found(*shots)


# ---- a focal length given as a camera or lens field's value ----------------------------------

def _lens_gaps(*shots: str) -> list[tuple[int, ...]]:
    return [s for k, a, s in found(*shots) if (k, a) == ("gap", "lens")]


_ON = "on the rainy tram platform, night."


@pytest.mark.parametrize("first", [
    f"Subject: {_INES} waits {_ON} Camera: 85mm, f/1.8.",
    f"{_INES} waits {_ON} Lens - 50mm, shallow focus.",
    f"{_INES} waits {_ON} Camera = 28mm, low angle.",
])
def test_a_focal_length_given_in_a_lens_field_once_is_a_gap(first):
    shots = [first, f"{_INES} checks her phone {_ON}", f"{_INES} looks up {_ON}"]
    assert _lens_gaps(*shots), found(*shots)


@pytest.mark.parametrize("first", [
    f"Medium, 50mm. {_INES} waits {_ON}",  # a bare number: a shorthand, never a statement
    f"{_INES} waits {_ON} Rain: heavy, 25mm an hour.",  # a number in another field
    f"{_INES} waits {_ON} Camera: slow dolly in.",  # a move, no focal length
])
def test_a_focal_length_outside_a_lens_field_states_no_lens(first):
    shots = [first, f"{_INES} checks her phone {_ON}", f"{_INES} looks up {_ON}"]
    assert not _lens_gaps(*shots), found(*shots)


def test_a_lens_field_inside_a_json_prompt_is_read():
    text = "shots:\n" + "".join(
        f"- prompt: '{{\"subject\": \"Ines, short black bob\", \"action\": \"{a}\"{extra}}}'\n"
        for a, extra in (("waits on the platform", ', "lens": "50mm"'),
                         ("checks her phone on the platform", ""),
                         ("looks up on the platform", "")))
    gaps = [f for f in find(extract_all(parse_shot_list(text))) if f.kind == "gap"]
    assert [f.shots for f in gaps if f.anchor == "lens"] == [[1, 2, 3]]


# ---- the people before, named together ------------------------------------------------------

_TWO = ("Wide: Ines, a woman with a short black bob and a mustard wool coat, and Paul, a tall "
        "bald man in a grey trench coat, wait on a rainy tram platform at night.")


@pytest.mark.parametrize("later", [
    ["Medium: they argue on the rainy tram platform, night.",
     "Close: they fall silent on the rainy tram platform, night."],
    ["Medium: the pair argue on the rainy tram platform, night.",
     "Close: the couple fall silent on the rainy tram platform, night."],
    ["Medium: both turn toward the headlights on the rainy tram platform, night.",
     "Close: the two of them step back from the edge, night."],
])
def test_a_plural_subject_brings_back_both_and_both_owe_the_sheet(later):
    gaps = found(_TWO, *later)
    assert sum(1 for k, a, _ in gaps if (k, a) == ("gap", "character")) == 2, gaps


@pytest.mark.parametrize("shots", [
    # "they" after things: the trams, not the people
    [_TWO, "Wide: the trams arrive on the rainy platform; they are empty, night.",
     "Wide: the trams pull away; they vanish into the rain, night."],
    # one person before: "they" is not a group of the people
    ["Wide: Ines, a woman with a short black bob and a mustard wool coat, waits on a rainy "
     "tram platform at night.",
     "Wide: two pigeons land by a bench; they peck at crumbs on the platform, night.",
     "Close: the pigeons flutter off the rainy platform, night."],
    # both described again where they come back together
    [_TWO, "Medium: Ines, short black bob, mustard wool coat, and Paul, tall, bald, grey trench "
     "coat, argue on the rainy tram platform, night.",
     "Close: Ines in the mustard wool coat, short black bob, and bald Paul in the grey trench "
     "coat fall silent, night."],
])
def test_they_of_things_or_of_one_makes_no_group_gap(shots):
    assert not _character_gaps(*shots), found(*shots)
