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


# ---- scenes, implied hours, frames of reference, look decoys (session 11) ---------------------
from bot.core.sequence.light import light_directions  # noqa: E402
from bot.core.sequence.look import styles  # noqa: E402


def test_a_marked_new_scene_may_change_the_hour_and_its_gap_stops_there():
    shots = ["Scene 1, shot 1: a rooftop garden at golden hour, Ade waters the tomato beds.",
             "Scene 1, shot 2: Ade tastes a tomato on the rooftop garden.",
             "Scene 2, shot 1: a basement laundromat at night, Ade feeds coins into a dryer.",
             "Scene 2, shot 2: Ade watches the dryer spin in the basement laundromat at night."]
    found = findings(*shots)
    assert not [f for f in found if f[:2] == ("drift", "time_of_day")]
    assert ("gap", "time_of_day", (1, 2)) in found  # golden hour owed to shot 2 only


def test_a_slug_line_to_another_place_is_a_new_scene():
    shots = ["INT. LOG CABIN - DAWN. Hanne feeds the stove, the first grey light of dawn.",
             "Hanne fills a kettle at the basin of the log cabin.",
             "EXT. FROZEN LAKE - MIDDAY. Hanne drags a sled across the lake, hard midday sun.",
             "Hanne cuts a hole in the ice of the frozen lake, hard midday sun."]
    found = findings(*shots)
    assert not [f for f in found if f[:2] == ("drift", "time_of_day")]
    assert ("gap", "time_of_day", (1, 2)) in found


def test_shot_numbers_called_scenes_are_not_scenes():
    shots = ["Scene 1: a wooden jetty on an alpine lake at blue hour, Bruno casts a line.",
             "Scene 2: Bruno pours coffee on the wooden jetty.",
             "Scene 3: Bruno reels in on the wooden jetty."]
    assert ("gap", "time_of_day", (1, 2, 3)) in findings(*shots)


@pytest.mark.parametrize("later", [
    "The trucker eats pie at the counter of the diner; outside it is full dark.",
    "The trucker eats pie at the counter of the diner, the sun directly overhead.",
])
def test_the_hour_implied_by_the_sun_or_the_dark_drifts(later):
    shots = ["A trucker parks at a roadside diner, the sun low over the desert.",
             "The trucker takes a stool at the diner, long shadows across the lot.", later]
    assert ("drift", "time_of_day", (1, 2, 3)) in findings(*shots)


def test_low_sun_cues_agree_with_golden_hour_and_a_change_told_in_a_shot_is_no_drift():
    assert not [f for f in findings(
        "A trucker parks at a roadside diner at golden hour.",
        "The trucker takes a stool at the diner, the sun sitting on the rooftops.")
        if f[0] == "drift"]
    assert not [f for f in findings(
        "A street at dusk, the streetlights flicker on one by one, a cyclist rides past.",
        "The cyclist stops under a streetlight, night.") if f[0] == "drift"]


def test_a_side_said_of_a_person_facing_camera_is_the_other_side_of_the_frame():
    text = "She faces the camera; the desk lamp is on her right."
    assert [set(m.values) for m in light_directions(text, text.lower())] == [{"left"}]
    text = "She turns away; the desk lamp is on her right."  # no facing: her side as said
    assert [set(m.values) for m in light_directions(text, text.lower())] == [{"right"}]
    text = "She faces the camera, warm key from screen right."  # the frame's own side
    assert [set(m.values) for m in light_directions(text, text.lower())] == [{"right"}]


def test_a_light_label_is_no_change_of_light():
    shots = ["LIGHT: she faces the camera; the lamp is on her right. ACTION: Priya sings.",
             "LIGHT: warm key from screen left. ACTION: Priya closes her eyes.",
             "LIGHT: warm key from screen right. ACTION: Priya opens her eyes."]
    assert ("drift", "light_direction", (1, 2, 3)) in findings(*shots)


@pytest.mark.parametrize("text", [
    "Regina lowers her sunglasses to look at him.",
    "They look up at the sky.",
    "A small Parisian-style café with marble tables.",
    "A narrow Lisbon-style hill street of tiled facades.",
    "A Bauhaus-style kitchen with white cabinets.",
])
def test_a_verb_or_a_kind_of_thing_is_no_style(text):
    assert styles(text) == []


@pytest.mark.parametrize("text, tag", [
    ("Ghibli-style watercolour countryside at dawn.", "Ghibli-style"),
    ("Méliès-style theatrical tableau, painted backdrops.", "Méliès-style"),
    ("A noir look, hard shadows.", "noir look"),
    ("A Wes Anderson-style pastel hotel lobby.", "Wes Anderson-style"),
    ("Shot with a noir look in every frame.", "noir look"),
])
def test_a_style_before_a_medium_stays_a_style(text, tag):
    assert [m.text for m in styles(text)] == [tag]


@pytest.mark.parametrize("home, away", [
    ("roadside diner", "small café with marble tables"),
    ("stone church", "gothic cathedral with stained glass"),
])
def test_another_name_for_the_place_between_two_shots_of_it_drifts(home, away):
    shots = [f"A trucker in a denim jacket climbs out of his rig at the {home}.",
             f"The trucker in the denim jacket takes a seat in the {home}.",
             f"The trucker in the denim jacket sits in a {away}.",
             f"The trucker in the denim jacket pays at the {home}."]
    assert [f for f in findings(*shots) if f[:2] == ("drift", "setting")]


@pytest.mark.parametrize("away", [
    "sits in the living room with a green sofa",  # another room of one house: a broad kind
    "walks into a small café with marble tables",  # the action moves him there
])
def test_a_walk_or_another_room_is_no_renamed_place(away):
    shots = ["A trucker in a denim jacket stands in the kitchen of the roadside diner.",
             "The trucker in the denim jacket pours coffee in the kitchen.",
             f"The trucker in the denim jacket {away}.",
             "The trucker in the denim jacket washes a cup in the kitchen."]
    assert not [f for f in findings(*shots) if f[:2] == ("drift", "setting")]


def test_a_field_per_line_ends_at_each_field():
    from bot.core.sequence.parse import _one_line
    assert _one_line("subject: Pip, red leather collar\naction: Pip bolts") == \
        "subject: Pip, red leather collar. action: Pip bolts"
    assert _one_line("A dog runs\nacross the green, fast") == "A dog runs across the green, fast"


@pytest.mark.parametrize("first, later, drift", [
    ("a brown patch over his right eye", "a brown patch over his left ear", True),
    ("a white spot on his left flank", "a white spot on his right flank", True),
    ("a brown patch over his right eye", "a brown patch over his right eye", False),
    ("a brown patch over his right eye", "his brown patch", False),  # no side said again
])
def test_a_marking_moved_to_another_place_drifts(first, later, drift):
    shots = [f"Pip, a wire-haired terrier with {first}, steals a ball on the village green.",
             f"Pip, the wire-haired terrier with {first}, runs across the village green.",
             f"Pip, the wire-haired terrier with {later}, ducks under a deckchair."]
    assert (("drift", "character", (1, 2, 3)) in findings(*shots)) is drift


@pytest.mark.parametrize("text", [
    "Style: stop-motion claymation, visible thumbprints.\n1. A clay badger in a red scarf pushes "
    "a barrow up a hill.\n2. The clay badger in the red scarf knocks on a green door.\n"
    "3. The clay badger in the red scarf steps inside.",
    "# The badger\n**Style:** stop-motion claymation\n## Shot 1\nA clay badger in a red scarf "
    "pushes a barrow up a hill.\n## Shot 2\nThe clay badger in the red scarf knocks on a green "
    "door.\n## Shot 3\nThe clay badger in the red scarf steps inside.",
    "Style: stop-motion claymation\nA clay badger in a red scarf pushes a barrow up a hill.\n"
    "The clay badger in the red scarf knocks on a green door.\n"
    "The clay badger in the red scarf steps inside.",
])
def test_a_style_line_above_the_shots_is_given_once_before_shot_one(text):
    shots = parse_shot_list(text)
    assert len(shots) == 3 and shots[0].prompt.startswith("Style: stop-motion claymation")
    found = sorted((f.kind, f.anchor, tuple(f.shots)) for f in find(extract_all(shots)))
    assert ("gap", "style", (1, 2, 3)) in found


def test_a_list_of_sheet_lines_only_is_its_own_shots():
    assert [s.prompt for s in parse_shot_list("Look: noir\nLook: noir, rain")] == \
        ["Look: noir", "Look: noir, rain"]


def test_one_colour_detail_after_a_two_colour_grade_is_no_renaming():
    assert not [f for f in findings(
        "A courier cycles across a plaza, teal and orange grade.",
        "The courier locks her bike, teal and orange grade.",
        "The courier checks her map by the fountain, graded with cool blue shadows.")
        if f[:2] == ("drift", "palette")]


@pytest.mark.parametrize("later, drift", [
    ("Ilse, fair hair in a braid, feeds the goats.", True),  # blonde retyped as fair
    ("Ilse, golden hair in a braid, feeds the goats.", True),
    ("Ilse, blond hair in a braid, feeds the goats.", False),  # one name, two spellings
    ("Ilse, honey-blonde hair in a braid, feeds the goats.", False),  # a name kept
])
def test_a_hair_colour_retyped_in_a_synonym_drifts(later, drift):
    shots = ["Ilse, a farmer in her thirties with blonde hair in a braid, opens the barn.",
             "Ilse, blonde hair in a braid, carries a pail across the yard.", later]
    assert (("drift", "character", (1, 2, 3)) in findings(*shots)) is drift


@pytest.mark.parametrize("later", [
    "The hiker pitches his tent by the lake, the stars already out.",
    "The hiker pitches his tent by the lake as the moon rises.",
    "The hiker pitches his tent by the lake, the sky gone black.",
])
def test_the_sky_says_night_against_noon(later):
    shots = ["A hiker crosses a ridge under the noon sun, short hard shadows.",
             "The hiker fills his bottle at the lake under the noon sun.", later]
    assert ("drift", "time_of_day", (1, 2, 3)) in findings(*shots)


def test_a_sky_black_with_smoke_is_no_hour():
    assert not [f for f in findings(
        "A hiker crosses a ridge under the noon sun.",
        "The hiker fills his bottle at the lake under the noon sun.",
        "The hiker runs from the fire, the sky black with smoke.") if f[0] == "drift"]


@pytest.mark.parametrize("later, drift", [
    ("Mara pulls her coat tighter against the wind.", False),  # a bare reference to the parka
    ("Mara pulls her jacket tighter against the wind.", False),
    ("Mara zips her red coat against the wind.", True),  # described again in other words
    ("Mara zips her blue parka against the wind.", True),
])
def test_a_bare_kind_of_the_garment_is_a_reference(later, drift):
    shots = ["Mara, a courier in a red parka, locks her bike.",
             "Mara, red parka, checks a label.", later]
    assert (("drift", "character", (1, 2, 3)) in findings(*shots)) is drift
