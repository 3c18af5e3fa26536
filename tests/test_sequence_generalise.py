"""Sequences (issue 22), session 12: mechanisms that carry to lists written outside the project:
names spelt with accents, colour words that name one shade in other words, ..."""

from __future__ import annotations

import json

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def kinds(*shots: str) -> list[tuple[str, str]]:
    return [(f.kind, f.anchor) for f in find(extract_all(parse_shot_list("\n".join(shots))))]


def present(*shots: str) -> list[set[str]]:
    return [s.present for s in extract_all(parse_shot_list("\n".join(shots)))]


# ---- names with letters beyond ASCII ------------------------------------------------------------
@pytest.mark.parametrize("name", ["Zoë", "José", "Łucja", "Renée", "Björn", "Siobhán", "Ümit"])
def test_a_name_with_an_accent_is_the_same_character_in_every_shot(name):
    shots = (f"{name}, a cyclist with a shaved head and a green rain cape, waits at a red light.",
             f"{name} (shaved head, green rain cape) pedals over the wet cobbles.",
             f"{name}, shaved head, orange rain cape, locks the bike by the canal.")
    seen = present(*shots)
    assert seen[0] and seen[0] == seen[1] == seen[2]
    assert ("drift", "character") in kinds(*shots)


def test_an_accented_name_keeps_its_clothes_when_they_hold():
    assert ("drift", "character") not in kinds(
        "Inés, a baker in a flour-dusted blue apron, opens the shop at dawn.",
        "Inés, in her blue apron, slides loaves onto the rack at dawn.",
        "Close-up: Inés wipes her hands on the blue apron at dawn.")


# ---- capture format and medium ------------------------------------------------------------------
from bot.core.sequence.look import lenses, styles  # noqa: E402


@pytest.mark.parametrize("later", ["Shot on 65mm large format, razor sharp.",
                                   "Shot on 16mm film, coarse grain.",
                                   "Shot on IMAX 70mm."])
def test_super_8_said_bare_is_a_gauge_and_another_gauge_drifts(later):
    shots = ["Shot on Super 8, light leaks. A family picnic by a lake, kids splash.",
             "Shot on Super 8, light leaks. The dog shakes water over the blanket.",
             f"{later} Grandma cuts the cake on the blanket.",
             "Shot on Super 8. The kids chase the dog along the shore."]
    assert ("drift", "lens") in kinds(*shots)


def test_super_8_before_a_look_stays_a_style():
    assert [m.values for m in lenses("Music video, Super 8 home-movie look.")] == []
    assert styles("Music video, Super 8 home-movie look.")


@pytest.mark.parametrize("flat, solid", [
    ("Flat 2D vector illustration, bold outlines", "Soft 3D clay render, rounded bevels"),
    ("Flat illustration, no gradients", "3D render, glossy materials"),
    ("Vector art, thick outlines", "Photorealistic, shallow depth of field"),
    ("Motion graphics, clean shapes", "Stop-motion claymation, thumbprints visible"),
])
def test_a_flat_medium_against_a_rendered_one_drifts(flat, solid):
    shots = [f"{flat}. A tiny robot waters a cactus on a windowsill.",
             f"{flat}. The tiny robot trips over the watering can.",
             f"{solid}. The tiny robot sits up and rubs its head.",
             f"{flat}. The cactus blooms as the robot watches."]
    assert ("drift", "style") in kinds(*shots)
    assert ("drift", "style") not in kinds(*[f"{flat}. Shot {i}: the robot waves."
                                             for i in range(1, 4)])


# ---- the colour of the light as the grade; "look" the verb ---------------------------------------
from bot.core.sequence.palette import palettes  # noqa: E402


@pytest.mark.parametrize("text, hue", [
    ("The office at night, warm tungsten amber from the desk lamps.", "hue:orange"),
    ("A car park, cold fluorescent green, puddles.", "hue:green"),
    ("Night, sodium orange from the streetlights, wet asphalt.", "hue:orange"),
    ("The lab, cool LED blue.", "hue:blue"),
])
def test_a_clause_that_is_the_colour_of_the_light_is_a_palette(text, hue):
    assert any(hue in m.values for m in palettes(text, text.lower()))


@pytest.mark.parametrize("text", [
    "Warm golden light, a woman reads.",  # a light, not a colour clause
    "A warm red coat hangs by the door.",  # a garment's colour
    "The sky, deep blue.",  # colours alone: no warmth or lamp said
])
def test_a_light_or_a_thing_is_no_light_colour(text):
    assert not [m for m in palettes(text, text.lower()) if "tungsten" in m.text or
                m.text.lower().startswith(("warm golden", "warm red", "deep blue"))]


def test_the_lamps_colour_flipping_in_one_room_drifts():
    shots = ["The office at 11 p.m., cool fluorescent green cast. Hal reads a report.",
             "The office at 11 p.m., cool fluorescent green cast. Meena sighs.",
             "The office at 11 p.m., warm tungsten amber from the desk lamps. Hal rubs his eyes.",
             "The office at 11 p.m., cool fluorescent green cast. Meena leaves."]
    assert ("drift", "palette") in kinds(*shots)


@pytest.mark.parametrize("line", ["'They add up if you don't look.'", "He won't look.",
                                  "'Just look.'", "She did not look back."])
def test_look_after_an_auxiliary_or_a_negation_is_the_verb(line):
    assert styles(line) == []


# ---- shapes of worn things, where a mark sits ----------------------------------------------------
@pytest.mark.parametrize("first, later, drift", [
    ("round wire glasses", "thick black rectangular glasses", True),
    ("oval sunglasses", "aviator sunglasses", True),
    ("cat-eye glasses", "square glasses", True),
    ("round wire glasses", "round glasses", False),
    ("round wire glasses", "the glasses", False),
])
def test_two_outlines_of_one_worn_thing_are_two_things(first, later, drift):
    shots = [f"Marco, twenties, lanky, {first}, black apron, chops onions.",
             f"Marco, lanky, {first}, black apron, tastes the sauce.",
             f"Marco, lanky, {later}, black apron, laughs."]
    assert (("drift", "character") in kinds(*shots)) is drift


@pytest.mark.parametrize("first, later, drift", [
    ("a white scar across his chin", "a white scar across his cheek", True),
    ("a small tattoo on her wrist", "a small tattoo on her neck", True),
    ("a scar on his left cheek", "a scar on his right cheek", True),
    ("a scar on his left cheek", "a scar on his cheek", False),
    ("a white scar across his chin", "the white scar across his chin", False),
    ("a scar across his chin", "a scar across his face", False),  # the face takes in the chin
])
def test_a_mark_moved_to_another_body_part_drifts(first, later, drift):
    shots = [f"Chef Amadou, forties, shaved head, {first}, shouts orders in the kitchen.",
             f"Amadou, shaved head, {first}, flips three pans.",
             f"Amadou, shaved head, {later}, tastes a sauce."]
    assert (("drift", "character") in kinds(*shots)) is drift


def test_a_preposition_ending_in_s_makes_no_person():
    seen = present("Amadou, forties, a white scar across his chin, shouts orders.",
                   "Amadou, a white scar across his chin, tastes a sauce.")
    assert all(keys == {"Amadou"} for keys in seen)


# ---- who the writer is; a sheet line in Markdown --------------------------------------------------
@pytest.mark.parametrize("intro, later", [
    ("me (tall guy, curly black mullet, mustard corduroy jacket) walking into the old town",
     "me sitting on the tram looking out the window"),
    ("I, a short woman with a silver bob and a green anorak, climb the dune",
     "I stop at the top of the dune and catch my breath"),
    ("POV vlog: me, a lanky teen with bleached hair and a red hoodie, skating to school",
     "I skate past the bakery and wave at the baker"),
])
def test_the_writer_as_a_character_is_one_character_in_every_shot(intro, later):
    shots = [intro, "close on the coffee cup steaming on a wooden table", later]
    seen = present(*shots)
    assert seen[0] and seen[2] == seen[0] and not seen[1]
    assert ("gap", "character") in kinds(*shots)  # described once, shown again undescribed


def test_a_first_person_list_with_no_description_names_no_narrator():
    assert present("I walk into the market at dawn.", "I buy a peach.") == [set(), set()]


@pytest.mark.parametrize("sheet", [
    "Cast - **Sol**: a girl of nine with two long black plaits and a purple puffer jacket.",
    "Cast - __Sol__: a girl of nine with two long black plaits and a purple puffer jacket.",
    "Sol: a girl of nine with two long black plaits and a purple puffer jacket.",
])
def test_a_bold_name_on_a_cast_sheet_line_is_the_character(sheet):
    shots = [sheet + " Shot 1: Sol casts her rod off the end of the pier.",
             "Sol, a teenager of about sixteen with two long black plaits, reels in.",
             "Sol, two long black plaits, lands a perch on the pier."]
    text = json.dumps({"shots": [{"prompt": p} for p in shots]})  # one prompt per shot, as given
    found = [(f.kind, f.anchor) for f in find(extract_all(parse_shot_list(text)))]
    assert ("drift", "character") in found  # nine in the sheet, sixteen in shot 2


# ---- a new scene starts afresh ---------------------------------------------------------------------
@pytest.mark.parametrize("opening, later", [
    ("EXT. DESERT ROAD - DAY. Al drives at high noon, the road shimmering.",
     "EXT. DESERT ROAD - DAY. Close on Vera opening her eyes, late afternoon."),
    ("Scene 2, shot 1: the harbour at dawn, Mina unties the boat.",
     "Scene 2, shot 2: Mina rows out of the harbour at dusk."),
])
def test_a_scene_that_goes_back_to_the_last_scenes_hour_drifts_within_itself(opening, later):
    shots = ["EXT. GAS STATION - DAY. Al and Vera at the pump, late afternoon."
             if opening.startswith("EXT") else "Scene 1, shot 1: a fish market at dusk, Mina buys bait.",
             "EXT. GAS STATION - DAY. Vera gets into the car, late afternoon."
             if opening.startswith("EXT") else "Scene 1, shot 2: Mina pays at the fish market, dusk.",
             opening, later]
    assert ("drift", "time_of_day") in kinds(*shots)


def test_a_new_scene_at_another_hour_that_keeps_it_does_not_drift():
    assert ("drift", "time_of_day") not in kinds(
        "EXT. GAS STATION - DAY. Al and Vera at the pump, late afternoon.",
        "EXT. GAS STATION - DAY. Vera gets into the car, late afternoon.",
        "EXT. MOTEL - NIGHT. Al parks under the neon sign at night.",
        "EXT. MOTEL - NIGHT. Vera smokes by the door at night.")


# ---- a corner of the frame; a scene heading on a later shot only ----------------------------------
from bot.core.sequence.light import light_directions  # noqa: E402


@pytest.mark.parametrize("text, side", [
    ("softbox key from the upper left", "left"),
    ("Rosa, lit by the open oven glow from below-left, kneads dough", "left"),
    ("key light from the lower right, hard shadows", "right"),
    ("lit from above-right by a bare bulb", "right"),
])
def test_a_light_from_a_corner_names_its_side(text, side):
    assert [set(m.values) for m in light_directions(text, text.lower())] == [{side}]


def test_a_movement_to_a_corner_is_no_light():
    text = "She walks to the upper left of the frame."
    assert light_directions(text, text.lower()) == []


@pytest.mark.parametrize("heading", ["SCENE 2, EXT. STREET -- EARLY MORNING.", "Scene 2:",
                                     "Sc. 2 -"])
def test_a_scene_heading_on_a_later_shot_only_opens_a_scene(heading):
    shots = ["A small tiled bakery before dawn; Rosa slides a loaf into the oven, lit by the "
             "oven glow from below-left.",
             "Rosa scores loaves on the bench of the small tiled bakery before dawn.",
             f"{heading} Rosa loads bread crates into a white van outside, early morning.",
             "Rosa drives the white van through empty streets, early morning."]
    found = [(f.kind, f.anchor, f.shots) for f in find(extract_all(parse_shot_list(
        "\n".join(shots))))]
    assert ("gap", "light_direction", [1, 2]) in found  # the oven light is owed to its scene only
    assert not [f for f in found if f[:2] == ("drift", "time_of_day")]


@pytest.mark.parametrize("close", ["macro push-in on the crown", "macro shot of the dial",
                                   "Macro, the second hand ticks"])
def test_a_bare_macro_is_one_shots_framing_not_the_series_lens(close):
    shots = ["The watch floats above a white cyc, slow orbit.", f"The watch, {close}.",
             "The watch on a runner's wrist.", "The watch spins as the logo resolves."]
    assert ("gap", "lens") not in kinds(*shots)
    from bot.core.sequence.look import lenses
    assert all("weak" in m.values for m in lenses(f"The watch, {close}."))
    assert not any("weak" in m.values for m in lenses("Shot on a 100mm macro lens."))


@pytest.mark.parametrize("text", ["Screwball comedy, 1940 studio look.", "soft studio glow",
                                  "gritty street photography", "a clean studio render",
                                  "desert footage"])
def test_a_place_word_that_names_a_look_is_no_setting(text):
    from bot.core.sequence.place import setting
    assert setting(text, [])[0] == []


def test_a_place_word_as_a_place_stays_a_setting():
    from bot.core.sequence.place import setting
    assert setting("A photographer works in a cramped studio, white walls.", [])[1] == {"studio"}


@pytest.mark.parametrize("hour", ["high noon", "at high noon, no shadows"])
def test_an_hour_that_implies_the_light_starts_no_light_gap(hour):
    shots = [f"A salt flat with a single telegraph pole, {hour}. A motorcycle crawls in.",
             "The rider pushes her goggles up on the salt flat.",
             "The rider and her terrier share a canteen on the salt flat."]
    found = kinds(*shots)
    assert ("gap", "time_of_day") in found and ("gap", "light_direction") not in found


def test_the_sun_named_overhead_is_still_a_light():
    shots = ["A salt flat, the sun straight overhead. A motorcycle crawls in.",
             "The rider pushes her goggles up on the salt flat.",
             "The rider shares a canteen on the salt flat."]
    assert ("gap", "light_direction") in kinds(*shots)


@pytest.mark.parametrize("mark", ["a thin scar through his left eyebrow",
                                  "a small star tattoo under his right eye",
                                  "a birthmark on his neck"])
def test_a_placed_mark_given_once_is_a_gap_though_the_jacket_repeats(mark):
    shots = [f"Sato, a wiry man in his forties in a black leather jacket, {mark}, smokes in "
             "the alley.",
             "Sato in the black leather jacket exhales smoke in the alley.",
             "Sato in the black leather jacket steps out to meet the rider in the alley."]
    assert ("gap", "character") in kinds(*shots)


def test_a_neon_sign_in_front_then_behind_flips_the_light():
    shots = ["Sato smokes in the alley; the pink neon sign behind him rims his shoulders.",
             "Sato exhales, the pink neon sign behind him rimming his hair.",
             "Sato steps forward, the pink neon sign in front of him washing his face pink."]
    assert ("drift", "light_direction") in kinds(*shots)


@pytest.mark.parametrize("text, hue", [
    ("A subway car at night, the whole frame sodium-orange and bottle-green from the tube "
     "lights.", "hue:orange"),
    ("The frame is deep red from the darkroom safelight.", "hue:red"),
    ("Everything washed teal and magenta from the club lights.", "hue:blue"),
])
def test_the_frame_said_in_colours_is_its_palette(text, hue):
    assert any(hue in m.values for m in palettes(text, text.lower()))


def test_a_fade_to_black_is_no_palette():
    text = "The screen goes black."
    assert palettes(text, text.lower()) == []


@pytest.mark.parametrize("cue", ["the gulls are waking", "the town is just stirring",
                                 "the dawn chorus starts", "roosters wake up the village"])
def test_a_waking_world_says_dawn_against_a_black_night(cue):
    from bot.core.sequence.timeofday import clock_and_idioms
    assert any("dawn" in t.families for t in clock_and_idioms(f"Wide: the harbour, {cue}."))
    shots = ["A fishing harbour, the lamps along the quay lit and the sky black.",
             "Bram coils a rope on the quay, the lamps along the quay lit and the sky black.",
             f"Bram looks up from the rope; behind him {cue}.",
             "The trawler chugs out, the lamps along the quay lit and the sky black."]
    assert ("drift", "time_of_day") in kinds(*shots)


# ---- plural places; a place passed -----------------------------------------------------------------
from bot.core.sequence.place import setting  # noqa: E402


@pytest.mark.parametrize("text, key", [
    ("Drone wide over the clay salt marshes of Guérande, early morning.", "marsh"),
    ("Wide: terraced vineyards at dawn, a farmer walks the rows.", "vineyard"),
    ("She walks between the greenhouses, rain on the glass.", "greenhouse"),
])
def test_a_place_noun_in_the_plural_is_the_place(text, key):
    assert key in setting(text, [])[1]


def test_the_plural_and_the_singular_are_one_place():
    assert setting("the salt marshes at dawn", [])[1] == setting("the salt marsh at dawn", [])[1]


def test_a_place_driven_past_is_not_the_setting():
    assert setting("A woman drives past salt flats toward the pavilion.", [])[1] == set()
    assert setting("She walks past the bakery.", [])[1] == set()


# ---- how the hair is worn ----------------------------------------------------------------------------
@pytest.mark.parametrize("up, down", [
    ("auburn hair pinned up", "auburn hair loose to her shoulders"),
    ("grey hair in a tight bun", "grey hair down"),
    ("black hair swept up in a chignon", "black hair hanging loose"),
])
def test_hair_worn_up_then_loose_drifts(up, down):
    shots = [f"Captain Marr, forties, {up}, a blue naval coat, traces a course.",
             f"Captain Marr ({up}, blue naval coat) frowns over the chart.",
             f"Captain Marr, {down}, blue naval coat, calls for the mate."]
    assert ("drift", "character") in kinds(*shots)


def test_hair_let_down_on_screen_is_no_drift():
    shots = ["Captain Marr, forties, auburn hair pinned up, a blue naval coat, traces a course.",
             "Captain Marr unpins her hair and shakes it out, blue naval coat.",
             "Captain Marr, auburn hair loose to her shoulders, blue naval coat, calls for the mate."]
    assert ("drift", "character") not in kinds(*shots)


@pytest.mark.parametrize("view", ["the city skyline stacked behind her",
                                  "against the distant snowy mountains",
                                  "a view of the old harbour with red cranes"])
def test_a_place_only_seen_behind_the_action_owes_no_gap(view):
    shots = ["A skater drops into the bowl at sunset.",
             f"The skater grinds the coping at sunset, {view}.",
             "The skater lands and laughs at sunset."]
    assert ("gap", "setting") not in kinds(*shots)


def test_a_place_the_action_is_in_still_owes_its_gap():
    shots = ["A skater rolls across a cracked concrete plaza with graffiti walls at sunset.",
             "The skater carves at sunset.", "The skater lands and laughs at sunset."]
    assert setting(shots[0], [])[1] == {"plaza"}
    assert ("gap", "setting") in kinds(*shots)


def test_an_aspect_ratio_said_once_owes_no_lens_but_still_clashes():
    once = ["Style: gritty handheld realism, 16:9. A cramped kitchen, Amadou shouts orders.",
            "Amadou flips three pans.", "Amadou tastes a sauce."]
    assert ("gap", "lens") not in kinds(*once)
    flipped = ["A cramped kitchen, 2.39:1. Amadou shouts orders.",
               "Amadou flips three pans, 2.39:1.", "Amadou tastes a sauce, 4:3.",
               "Amadou nods, 2.39:1."]
    assert ("drift", "lens") in kinds(*flipped)


# ---- a fixture of the set described two ways ---------------------------------------------------------
@pytest.mark.parametrize("first, later", [
    ("a round porthole window", "a tall sash window"),
    ("a vaulted brick ceiling", "a rough-hewn natural cave ceiling"),
    ("a heavy oak door", "a sliding steel door"),
    ("an arched stone fireplace", "a sleek gas fireplace"),
])
def test_one_fixture_of_one_room_described_two_ways_drifts(first, later):
    shots = [f"A top-floor apartment, {first}, Milo sketches at the drafting table.",
             f"Milo inks a panel, {first} behind him.",
             f"Milo stretches on the sofa, {later} behind him.",
             f"Milo pins the page to the wall, {first} behind him."]
    assert ("drift", "setting") in kinds(*shots)


@pytest.mark.parametrize("later", [
    "a big window",  # one word each: which window is not said
    "the round porthole window, rain on it",  # the same words again
    "another tall sash window",  # another one
    "the porthole window",  # shortened
])
def test_the_same_fixture_again_or_another_one_does_not_drift(later):
    shots = ["A top-floor apartment, a round porthole window, Milo sketches.",
             "Milo inks a panel, a round porthole window behind him.",
             f"Milo stretches on the sofa, {later} behind him."]
    assert ("drift", "setting") not in kinds(*shots)


def test_a_fixture_of_another_place_is_not_compared():
    shots = ["A farmhouse kitchen, a round porthole window, Ana kneads dough.",
             "Ana in the farmhouse kitchen, the round porthole window behind her.",
             "A hotel lobby, a tall revolving glass door, Ana checks in.",
             "Scene 2: a city office, a tall sash window, Ana types."]
    assert ("drift", "setting") not in kinds(*shots)


# ---- "a man" again, described otherwise, is another man ------------------------------------------
def test_a_person_noun_introduced_again_with_a_new_description_is_someone_else():
    shots = ["A small bare chapel; Regina, dark hair in a chignon, sits in the front pew.",
             "A lanky man in a Stetson walks up the aisle and peers into the coffin.",
             "Regina, dark hair in a chignon, turns toward the door.",
             "A huge man with a hook for a hand lumbers to the coffin; Regina grips the pew.",
             "A small nervous man with a handkerchief holds a mirror to the corpse's nose."]
    seen = present(*shots)
    assert seen[3] - {"Regina"} and seen[3] - {"Regina"} != seen[1]
    found = [(f.kind, f.anchor, f.subject) for f in find(extract_all(parse_shot_list(
        "\n".join(shots))))]
    assert ("gap", "character", "man") not in found  # the lanky man is in one shot only


@pytest.mark.parametrize("later", ["A man in a blue coat crosses the square.",  # the coat again
                                   "The man in a blue coat crosses the square."])
def test_the_same_person_described_again_in_other_colours_still_drifts(later):
    shots = ["A man in a red coat waits by the fountain in the square.",
             "A man in a red coat checks his watch by the fountain.", later]
    assert ("drift", "character") in kinds(*shots)


@pytest.mark.parametrize("text", ["Flat 2D vector illustration.", "Long lens, flat perspective.",
                                  "She skims salt with a flat wooden scoop.",
                                  "A man with a flat straw boater."])
def test_flat_before_another_word_is_the_adjective(text):
    assert setting(text, [])[1] == set()


@pytest.mark.parametrize("text", ["A salt flat with a single pole.", "Her tiny flat in Leeds.",
                                  "The mud flats at low tide."])
def test_flat_ending_its_phrase_is_a_place(text):
    assert setting(text, [])[1] == {"flat"}


def test_the_room_a_place_noun_goes_on_to_name_comes_back():
    shots = ["A small-town movie theatre projection booth, 1920s. The projectionist dozes.",
             "In the projection booth, the projectionist's double rises.",
             "Back in the projection booth, the projectionist wakes."]
    assert ("gap", "setting") not in kinds(*shots)
