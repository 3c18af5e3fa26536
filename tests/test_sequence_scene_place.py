"""Sequences (issue 22), session 13: a continuous scene whose set turns into another place,
whatever kind of place it is, versus a scene that moves, arrives somewhere or names a part of
its own place. Lists written for these tests."""

from __future__ import annotations

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def setting_drift(*shots: str) -> list[list[int]]:
    found = find(extract_all(parse_shot_list("\n".join(shots))))
    return [f.shots for f in found if (f.kind, f.anchor) == ("drift", "setting")]


# ---- a place between two shots of another ---------------------------------------------------------
def test_a_stranger_place_between_two_shots_of_one_set_drifts():
    assert setting_drift(
        "Wide: Mira, a drummer with a shaved head and a yellow raincoat, plays on a "
        "flat harbour pier at sunset, gulls overhead.",
        "Medium: Mira (shaved head, yellow raincoat) twirls a stick in a candle-lit wine cellar "
        "at sunset.",
        "Close-up: Mira, shaved head, yellow raincoat, hits the crash cymbal on the harbour pier "
        "at sunset.") == [[1, 2, 3]]


def test_a_part_of_the_set_named_through_it_is_no_drift():
    assert setting_drift(
        "A potter in a clay-streaked grey smock centres a lump of clay in a whitewashed "
        "village pottery, morning sun from the right.",
        "The village pottery's kiln door swings open as the potter lifts out a glazed jug, "
        "morning sun from the right.",
        "The potter sets the jug on a shelf of the whitewashed village pottery, morning sun "
        "from the right.") == []


def test_a_place_seen_from_the_first_shot_is_still_the_scene():
    assert setting_drift(
        "Wide: a red tractor crawls along a dirt lane through wheat fields, Tomas, a farmer "
        "with a straw hat and blue overalls, at the wheel, noon.",
        "Medium: Tomas, straw hat, blue overalls, wipes his brow, wheat fields rolling past, "
        "noon.",
        "Close-up: Tomas squints down the dirt lane ahead, straw hat low, noon.",
        "Wide: the red tractor turns at a stone cross among the wheat fields, Tomas in his "
        "straw hat, noon.") == []


# ---- a slug line says where the scene is --------------------------------------------------------
def test_a_shot_under_a_slug_line_in_a_stranger_place_drifts():
    assert setting_drift(
        "INT. LIGHTHOUSE KEEPER'S ROOM -- NIGHT. Wide: a round lighthouse keeper's room, "
        "Arno, an old keeper with a white beard and a navy wool cap, winds a brass clock.",
        "Medium: Arno (white beard, navy wool cap) pours tea in the round lighthouse "
        "keeper's room.",
        "Close-up: Arno, white beard, navy wool cap, reads a letter on a bench in a snowy "
        "city park.",
        "EXT. LIGHTHOUSE GALLERY -- NIGHT. Wide: Arno, white beard, navy wool cap, leans on "
        "the rail as the beam sweeps the sea.") == [[1, 2, 3]]


def test_arriving_somewhere_under_one_slug_line_is_a_journey():
    assert setting_drift(
        "EXT. COAST ROAD -- DAWN. Wide: a green camper van winds along the coast road, "
        "Ines, a surfer with sun-bleached braids and a red hoodie, at the wheel.",
        "Medium: Ines (sun-bleached braids, red hoodie) sings along to the radio on the "
        "coast road.",
        "Wide: the green camper van pulls up outside a shuttered beach kiosk; Ines, red "
        "hoodie, hops out.") == []


def test_another_room_under_one_slug_line_is_a_walk_through_the_house():
    shots = ("INT. RECTORY KITCHEN -- NIGHT. Wide: Edda, a widow with a silver bun and a black "
             "shawl, lights a candle in the rectory kitchen.",
             "Medium: Edda (silver bun, black shawl) warms her hands in the rectory kitchen.",
             "Close-up: Edda, silver bun, black shawl, kneels by the cold hearth of the {}.")
    assert setting_drift(*shots[:2], shots[2].format("bedroom")) == []
    assert setting_drift(*shots[:2], shots[2].format("village inn")) == [[1, 2, 3]]


def test_walking_somewhere_under_one_slug_line_is_a_move():
    assert setting_drift(
        "INT. FARMHOUSE KITCHEN -- MORNING. Wide: Bo, a boy with a ginger crop and a green "
        "jumper, eats porridge at the farmhouse kitchen table.",
        "Medium: Bo (ginger crop, green jumper) pulls on his wellies by the farmhouse kitchen "
        "door.",
        "Wide: Bo, ginger crop, green jumper, runs out into a muddy hen yard.") == []


# ---- a conveyance the scene rides in --------------------------------------------------------------
def test_another_vehicle_in_the_middle_of_a_ride_drifts():
    assert setting_drift(
        "Wide: Noor, a nurse with a grey hijab and blue scrubs, dozes in the back of a night "
        "bus, rain on the windows.",
        "Close-up: Noor (grey hijab, blue scrubs) wakes with a start in the night bus.",
        "Medium: Noor, grey hijab, blue scrubs, checks her phone in a crowded river "
        "ferry.",
        "Wide: Noor, grey hijab, blue scrubs, rings the bell of the night bus and stands.") \
        == [[1, 2, 3, 4]]


def test_a_vehicle_given_once_is_no_place_owed_later():
    found = find(extract_all(parse_shot_list("\n".join((
        "Wide: Jules, a courier with a shaved head and an orange jacket, climbs out of a "
        "battered yellow taxi outside the station.",
        "Medium: Jules (shaved head, orange jacket) runs through the station hall.",
        "Close-up: Jules, shaved head, orange jacket, hands over a parcel at the ticket desk "
        "of the station.")))))
    assert not [f for f in found if f.anchor == "setting"]


# ---- the shape the hair is worn in ----------------------------------------------------------------
_BUN = ("Wide: Sana, a cellist with black hair in a tight bun and a plum velvet dress, walks on "
        "stage.",
        "Medium: Sana (black hair in a tight bun, plum velvet dress) tunes the cello.")


def character_drift(*shots: str) -> bool:
    found = find(extract_all(parse_shot_list("\n".join(shots))))
    return any((f.kind, f.anchor) == ("drift", "character") for f in found)


def test_a_bun_then_a_ponytail_is_another_look():
    assert character_drift(*_BUN, "Close-up: Sana, black hair in a high ponytail, plum velvet "
                                  "dress, draws the bow.")


def test_a_stated_change_of_hairstyle_is_no_drift():
    assert not character_drift(*_BUN, "Close-up: Sana pulls her hair into a high ponytail, "
                                      "plum velvet dress, and draws the bow.")


def test_a_bread_bun_is_no_hairstyle():
    assert not character_drift(
        "Wide: Kit, a cook with a ginger ponytail and a white apron, grills onions at the stall.",
        "Medium: Kit (ginger ponytail, white apron) splits a brioche bun on the grill.",
        "Close-up: Kit, ginger ponytail, white apron, hands the burger over.")


def test_a_boat_repainted_between_shots_drifts():
    assert setting_drift(
        "Wide: Juno, a diver in a black wetsuit, sits in a small red fishing boat at dawn.",
        "Medium: Juno (black wetsuit) checks her tank in the fishing boat at dawn.",
        "Close-up: Juno (black wetsuit) spits in her mask in the small blue fishing boat at "
        "dawn.") == [[1, 2, 3]]


def test_a_heavyset_character_turned_rail_thin_drifts():
    assert character_drift(
        "Wide: Bram, a heavyset ferryman with a white crew cut, in a black oilskin, casts off.",
        "Medium: Bram (heavyset, white crew cut, black oilskin) steers through the fog.",
        "Close-up: Bram, a wiry, rail-thin ferryman with a white crew cut, in a black oilskin, "
        "squints ahead.")


def test_a_slim_tie_says_nothing_of_the_build():
    assert not character_drift(
        "Wide: Bram, a heavyset ferryman with a white crew cut and a slim black tie, casts off.",
        "Medium: Bram (heavyset, white crew cut, slim black tie) steers through the fog.",
        "Close-up: Bram, heavyset, white crew cut, slim black tie, squints ahead.")


# ---- a place the action goes past is a landmark on the way (session 29) --------------------
# Rule: a place met after a verb of passing or "past" ("passes an olive orchard") between two
# shots of one road is a landmark of the journey, not the set drifting; stopping in it is.
_ROAD = ("Golden hour on a cliff road in Crete: Yara, a cyclist in a yellow jersey and a black "
         "helmet, climbs a hairpin, sea below. Wide, drone.")
_BACK = "Golden hour: Yara, yellow jersey, black helmet, sprints along the cliff road. Wide."


def test_a_place_passed_on_the_way_is_no_setting_drift():
    assert setting_drift(_ROAD, "Golden hour: Yara, yellow jersey, black helmet, passes an olive "
                         "orchard, bottle swinging. Medium, tracking.", _BACK) == []
    assert setting_drift(_ROAD, "Golden hour: Yara, yellow jersey, black helmet, speeds past "
                         "an olive orchard. Medium, tracking.", _BACK) == []


def test_a_place_stopped_in_between_two_road_shots_still_drifts():
    assert setting_drift(_ROAD, "Golden hour: Yara, yellow jersey, black helmet, sits in an "
                         "olive orchard, bottle swinging. Medium, tracking.", _BACK) == [[1, 2, 3]]


# ---- a set's dressing listed one way in most shots and other things in one (session 29) -----
# Rule: the things a shot lists right after its place ("The boathouse, oak lockers and canvas
# sails") are the set's sheet; when two shots of the scene or more list them alike and another
# shot of the same place lists only other things ("marble columns and gilt mirrors") with
# nothing that moves the story, the set drifts. One thing in common, a sheet said once, or a
# stated jump is no drift.
_BOATHOUSE = ("A lakeside boathouse, oak lockers and canvas sails, grey morning light: Ines, a "
              "rower with a blonde ponytail and a navy jersey, oils an oarlock. Medium, 50mm.")
_LIFTS = ("The boathouse, oak lockers and canvas sails, grey morning light: Ines, blonde ponytail, "
          "navy jersey, lifts a scull onto her shoulder. Wide.")
_CARRIES = ("Boathouse, oak lockers and canvas sails, grey morning light: Ines, blonde ponytail, "
            "navy jersey, carries the scull out. Wide, static.")


def _checks(dressing: str, before: str = "") -> str:
    return (f"{before}The boathouse, {dressing}, grey morning light: Ines, blonde ponytail, navy "
            "jersey, checks the rigging. Close-up.")


def test_a_set_dressed_with_other_things_in_one_shot_drifts():
    assert setting_drift(_BOATHOUSE, _LIFTS, _checks("marble columns and gilt mirrors"),
                         _CARRIES) == [[1, 2, 3, 4]]


def test_a_dressing_that_keeps_one_thing_is_no_drift():
    assert setting_drift(_BOATHOUSE, _LIFTS, _checks("oak lockers and a brass bell"),
                         _CARRIES) == []


def test_a_dressing_said_once_is_no_sheet_to_drift_from():
    assert setting_drift(
        _BOATHOUSE, "Ines, blonde ponytail, navy jersey, lifts a scull, grey morning light.",
        _checks("marble columns and gilt mirrors"),
        "Ines, blonde ponytail, navy jersey, carries the scull out, grey morning light.") == []


def test_a_stated_jump_excuses_another_dressing():
    assert setting_drift(_BOATHOUSE, _LIFTS,
                         _checks("marble columns and gilt mirrors", "Years later, "),
                         _CARRIES) == []


# ---- a shot that says the story is back in the place: the shot between was a trip (s. 29) ---
# Rule: when the shot after a stranger place says the story is "back at" / "returns to" the
# place of the shots around it, anywhere in the shot ("Leo, white jacket, back at the pass in
# the restaurant kitchen"), the return is stated and the shot between went away on purpose.
# Without the return, or "back" said of another place, the stranger still drifts.
_KITCHEN_1 = ("Wide: Leo, a chef with a black beard and a white jacket, plates a dish in a busy "
              "restaurant kitchen at night, warm tungsten light, 35mm.")
_ROOF = ("Medium: Leo, black beard, white jacket, on the rooftop herb garden, snips basil, warm "
         "tungsten light, 35mm.")


def test_a_stated_return_makes_the_shot_between_a_trip():
    assert setting_drift(_KITCHEN_1, _ROOF, "Medium: Leo, black beard, white jacket, back at the "
                         "pass in the restaurant kitchen, wipes the plate rim, warm tungsten "
                         "light, 35mm.") == []


def test_without_the_return_the_stranger_place_still_drifts():
    assert setting_drift(_KITCHEN_1, _ROOF, "Medium: Leo, black beard, white jacket, at the pass "
                         "in the restaurant kitchen, wipes the plate rim, warm tungsten light, "
                         "35mm.") == [[1, 2, 3]]
    assert setting_drift(_KITCHEN_1, _ROOF, "Medium: Leo, black beard, white jacket, back on his "
                         "feet at the pass in the restaurant kitchen, wipes the plate rim, warm "
                         "tungsten light, 35mm.") == [[1, 2, 3]]


# ---- a place only seen from the scene's place is a view, not the set drifting (s. 29) -------
# Rule: a place the middle shot only sees ("by the window overlooking a foggy harbour", "a
# foggy harbour in the distance") between two shots of one kitchen is the kitchen's view, as a
# backdrop is no place a later shot owes (`_backdrop`).
_KITCHEN_3 = ("Medium: Leo, black beard, white jacket, wipes the plate rim in the restaurant "
              "kitchen at night, warm tungsten light, 35mm.")


def test_a_place_seen_from_the_set_is_no_drift():
    for seen in ("pauses by the window overlooking a foggy harbour",
                 "stands, a foggy harbour in the distance,"):
        assert setting_drift(_KITCHEN_1, f"Medium: Leo, black beard, white jacket, {seen} at "
                             "night, warm tungsten light, 35mm.", _KITCHEN_3) == []
