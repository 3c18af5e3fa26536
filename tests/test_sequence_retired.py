"""Sequences (issue 22), session 18: rules read off the retired held-out lists of
shot_lists.yaml, each written as one sentence from the guide's consistency chapter and tested on
lists written here in other words (what must be found, and neighbours that must not)."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find
from bot.core.sequence.results import Finding


def findings(*shots: str) -> list[Finding]:
    return find(extract_all(parse_shot_list("\n".join(shots))))


def kinds(*shots: str) -> list[tuple[str, str]]:
    return [(f.kind, f.anchor) for f in findings(*shots)]


def setting_gaps(*shots: str) -> list[list[int]]:
    return [f.shots for f in findings(*shots) if f.kind == "gap" and f.anchor == "setting"]


# ---- a sky's colour is the place's look, not an hour a later shot owes -------------------------
# Rule: a sky described by its colour ("a black sky", "under inky skies") is the look of the
# place as much as the hour (the sky over the moon is black in full sun), so it is a cue that
# drifts against an hour it cannot be, not a time of day the later shots must repeat; "a night
# sky" names the hour.
@pytest.mark.parametrize("shots", [
    ("Wide: a rover crawls over rust-red dunes under a black sky, harsh sun from the left.",
     "Medium: the rover's arm scoops a sample of red dust, harsh sun from the left.",
     "Close-up: the sample tray snaps shut, harsh sun from the left."),
    ("An ice climber in a yellow jacket hangs on a frozen waterfall, jet-black sky above the "
     "peaks.",
     "The ice climber in a yellow jacket swings her axe into the ice.",
     "The ice climber in a yellow jacket hauls herself over the lip."),
    ("Two astronauts in white suits plant a flag under inky skies.",
     "The two astronauts in white suits salute the flag.",
     "The two astronauts in white suits walk back to the module."),
])
def test_a_sky_colour_said_once_is_no_time_of_day_gap(shots):
    assert ("gap", "time_of_day") not in kinds(*shots)


def test_a_night_sky_said_once_is_still_owed():
    found = kinds("A fisherman in a yellow slicker casts a line under a night sky.",
                  "The fisherman in a yellow slicker reels in a silver fish.",
                  "The fisherman in a yellow slicker rows back to shore.")
    assert ("gap", "time_of_day") in found


def test_an_hour_said_once_is_still_owed():
    found = kinds("A fisherman in a yellow slicker casts a line at night.",
                  "The fisherman in a yellow slicker reels in a silver fish.",
                  "The fisherman in a yellow slicker rows back to shore.")
    assert ("gap", "time_of_day") in found


def test_a_black_sky_still_drifts_against_noon():
    found = kinds("At high noon, a farmer in a straw hat ploughs a field.",
                  "At high noon, the farmer in a straw hat wipes his brow.",
                  "The farmer in a straw hat leans on the plough, lit against a black sky.")
    assert ("drift", "time_of_day") in found


# ---- a landform that closes a locative phrase is the shot's place ------------------------------
# Rule: the ground a shot stands on, named by a noun whose first sense in the dictionary is a
# kind of open or rising land (a plain, a steppe, a plateau, a ridge), is the setting like a
# desert or a tundra: described once and never again, the later shots owe it.
@pytest.mark.parametrize("shots", [
    ("Wide: a shepherd in a felt hat leads goats across a windswept yellow steppe.",
     "Medium: the shepherd in a felt hat stops to drink from a flask.",
     "Close-up: the shepherd in a felt hat squints at the goats."),
    ("A lone rider in a grey duster gallops over a high cracked plateau.",
     "The rider in a grey duster reins in the horse.",
     "The rider in a grey duster dismounts and kneels by a spring."),
    ("Aerial: a girl in a white dress runs along a grassy ridge.",
     "The girl in a white dress spreads her arms wide.",
     "The girl in a white dress sits down and laughs."),
])
def test_a_landform_said_once_is_a_setting_gap(shots):
    assert setting_gaps(*shots) and setting_gaps(*shots)[0][0] == 1


def test_a_landform_said_in_every_shot_is_no_gap():
    assert not setting_gaps(
        "A rider in a grey duster gallops over a high cracked plateau.",
        "On the high cracked plateau, the rider in a grey duster reins in the horse.",
        "The rider in a grey duster dismounts on the high cracked plateau.")


@pytest.mark.parametrize("shots", [
    # the land itself is no kind of land: "the dusty ground" is no place sheet
    ("A boy in a red cap sits on the dusty ground, drawing with a stick.",
     "The boy in a red cap rubs out the drawing.",
     "The boy in a red cap draws a sun."),
    # a slope is a part of a place as often as a place: "the muddy bank" of a river
    ("A girl in green wellies kneels on the muddy bank, net in hand.",
     "The girl in green wellies lifts the net.",
     "The girl in green wellies tips a minnow into a jar."),
    # "plain" that does not close a locative phrase is the adjective
    ("A dancer in a red dress spins before a plain grey backdrop.",
     "The dancer in a red dress bows.",
     "The dancer in a red dress walks off."),
])
def test_land_words_that_are_not_a_landform_place_are_no_setting_gap(shots):
    assert not setting_gaps(*shots)


# ---- a way through an area is the area's ---------------------------------------------------------
# Rule: the setting of a list is the place its shots stand in; a way (a road, a street, an
# alley, a path) named after an area (a city, a town, a meadow) runs through that area, so the
# shots on it still owe the area's description, and a way one shot passes along is no setting of
# its own.
@pytest.mark.parametrize("shots", [
    ("Establishing: a sun-bleached desert town of white adobe houses; a cyclist in a green "
     "jersey rides in.",
     "The cyclist in a green jersey pedals down a narrow cobbled street.",
     "The cyclist in a green jersey brakes hard.",
     "The cyclist in a green jersey turns into a dusty alley."),
    ("Wide: a misty autumn meadow of tall golden grass; a fox trots in.",
     "The fox follows a winding dirt path, nose down.",
     "The fox pauses, ears up.",
     "The fox pounces on a vole."),
    ("Aerial: a rain-soaked neon-lit city at night; a taxi weaves between the towers.",
     "The taxi races along a wide elevated highway.",
     "The taxi swerves round a lorry.",
     "The taxi pulls over on a quiet side road."),
])
def test_the_area_a_way_runs_through_is_the_setting_gap(shots):
    gaps = setting_gaps(*shots)
    assert len(gaps) == 1
    assert gaps[0][0] == 1 and 2 in gaps[0] and 3 in gaps[0]


def test_an_area_said_in_every_shot_leaves_no_gap_on_its_ways():
    assert not setting_gaps(
        "Aerial: a rain-soaked neon-lit city; a taxi weaves between the towers.",
        "In the rain-soaked neon-lit city, the taxi races along a wide elevated highway.",
        "In the rain-soaked neon-lit city, the taxi swerves round a lorry.",
        "In the rain-soaked neon-lit city, the taxi pulls over on a quiet side road.")


def test_a_building_in_the_town_is_another_place():
    gaps = setting_gaps(
        "Aerial: a snowy mountain village with red roofs; a traveller trudges in.",
        "Inside a wood-panelled tavern with a roaring fire, the traveller drinks.",
        "In the tavern, the traveller dozes by the fire.")
    assert not any(2 in g or 3 in g for g in gaps if g[0] == 1)


def test_a_way_with_no_area_around_it_is_the_setting():
    gaps = setting_gaps(
        "A narrow cobbled lane hung with red paper lanterns; a girl in a yellow coat runs.",
        "The girl in a yellow coat hides behind a cart.",
        "The girl in a yellow coat peeks out, breathless.")
    assert gaps and gaps[0][0] == 1


# ---- one shot's unrepeated places are one setting -----------------------------------------------
# Rule: the places one shot describes together ("a scree ridge above the valley") make one
# place sheet; when no later shot repeats them, that is one setting gap, not one per noun.
@pytest.mark.parametrize("shots", [
    ("Extreme wide: a snow leopard picks her way along a scree ridge above a green valley.",
     "The snow leopard pauses and looks down.",
     "The snow leopard leaps."),
    ("A boy in a red cap fishes from a weathered wooden pier beside a white lighthouse.",
     "The boy in a red cap feels a tug on the line.",
     "The boy in a red cap lands a crab."),
    ("Wide: a heron stands in a reed-fringed marsh below a ruined stone tower.",
     "The heron spears a fish.",
     "The heron takes off."),
])
def test_two_places_of_one_shot_make_one_setting_gap(shots):
    assert len(setting_gaps(*shots)) == 1


# ---- a garment retyped in every word is drift ---------------------------------------------------
# Rule: a garment the character wears up to a shot, then from the next shot on a garment never
# said before, named by another kind word, another name for the same colour family and not one
# describing word in common, with no stated change of clothes, is the same garment typed
# again (guide: a synonym is another garment to the model): drift.
@pytest.mark.parametrize("shots", [
    ("A fox in a knitted green scarf trots through the snow.",
     "The fox in a knitted green scarf sniffs a pine cone.",
     "The fox in a woolly emerald muffler curls up by a log.",
     "The fox in a woolly emerald muffler falls asleep."),
    ("Old Tomas, a fisherman in a thick grey wool shawl, mends a net.",
     "Old Tomas in a thick grey wool shawl coils the rope.",
     "Old Tomas in a charcoal cashmere wrap lights his pipe."),
    ("Count Orlok in a long black leather cloak climbs the stairs.",
     "Count Orlok in a long black leather cloak opens the door.",
     "Count Orlok in an inky velvet mantle leans over the sleeper."),
])
def test_a_garment_retyped_in_every_word_drifts(shots):
    assert ("drift", "character") in kinds(*shots)


@pytest.mark.parametrize("shots", [
    # a second garment put on while the first is still worn
    ("A fox in a knitted blue scarf trots through the snow.",
     "The fox in a knitted blue scarf and a navy woolly bobble-hat sniffs a cone.",
     "The fox in a navy woolly bobble-hat curls up by a log."),
    # the change of clothes is told
    ("Old Tomas, a fisherman in a thick grey wool shawl, mends a net.",
     "Old Tomas in a thick grey wool shawl coils the rope.",
     "Old Tomas takes off the shawl and puts on a charcoal cashmere wrap, then lights his pipe."),
    # clothing of another kind, by the dictionary: socks are not a scarf
    ("A girl in a knitted blue scarf reads on the sofa.",
     "The girl in a knitted blue scarf turns a page.",
     "The girl in navy cotton socks stretches her feet out and yawns."),
])
def test_another_garment_or_a_told_change_is_no_retyping(shots):
    assert ("drift", "character") not in kinds(*shots)


# ---- a look named for a video camera is the capture format --------------------------------------
# Rule: a look named for a consumer video camera or its tape (VHS, a camcorder, home video)
# says what the shot is captured on, as "shot on 16mm film" does: the lens anchor's format, so
# it drifts against another format or an anamorphic cinema lens in another shot; it stays the
# writer's style, and owes no lens of its own.
@pytest.mark.parametrize("shots", [
    ("Home video aesthetic: a boy blows out his birthday candles.",
     "Home video aesthetic: the boy tears open a present.",
     "Shot on 35mm film: the boy hugs his grandmother."),
    ("A skater kickflips in an empty pool, camcorder look.",
     "The skater bails on the coping, camcorder look.",
     "The skater laughs on the deck of the pool, anamorphic lens."),
    ("90s VHS aesthetic: two kids build a fort of cushions.",
     "90s VHS aesthetic: the kids crawl inside the fort.",
     "Crisp 8K digital: the fort collapses on them."),
])
def test_a_video_camera_look_drifts_against_another_format(shots):
    assert ("drift", "lens") in kinds(*shots)


@pytest.mark.parametrize("shots", [
    # the same look in every shot
    ("VHS camcorder look: a girl dances in a laundromat.",
     "VHS camcorder look: the girl spins on a table.",
     "VHS camcorder look: the girl collapses laughing."),
    # a focal length beside it is no other format
    ("VHS camcorder look: a girl dances in a laundromat.",
     "VHS camcorder look: the girl spins on a table.",
     "VHS camcorder look, 50mm: the girl collapses laughing."),
    # a tape as a prop is no look
    ("Shot on 35mm film: a clerk slides a VHS tape into the player.",
     "Shot on 35mm film: the clerk watches the screen flicker.",
     "Shot on 35mm film: the clerk ejects the tape."),
])
def test_a_video_look_held_or_a_tape_prop_is_no_lens_drift(shots):
    assert ("drift", "lens") not in kinds(*shots)


def test_a_video_look_said_once_owes_a_style_not_a_lens():
    found = kinds("VHS camcorder look: a girl dances in a laundromat.",
                  "The girl spins on a table.",
                  "The girl collapses laughing.")
    assert ("gap", "lens") not in found and ("gap", "style") in found


# ---- the hour across slug lines: on, not back ----------------------------------------------------
# Rule: a slug line heads a new scene, so across one the clock may run on from a named part of
# the day to a later one (DUSK, then NIGHT; MORNING, then DUSK) without drift (a slug's bare
# DAY names no part: DAY then NIGHT in one garage still drifts, test_sequence_loso); a shot
# whose hour clashes with the two
# shots either side of it, which agree (NIGHT, DAY, NIGHT), with no jump said, is the hour
# drifting, whatever headings mark the cuts.
@pytest.mark.parametrize("shots", [
    ("EXT. LIGHTHOUSE - AFTERNOON. A keeper in a yellow oilskin paints the rail.",
     "INT. LIGHTHOUSE - DUSK. The keeper in a yellow oilskin lights the lamp.",
     "INT. LIGHTHOUSE - NIGHT. The keeper in a yellow oilskin writes in the log."),
    ("INT. BAKERY - DAWN. A baker with a flour-dusted beard kneads dough.",
     "INT. BAKERY - MORNING. The baker with a flour-dusted beard sells loaves.",
     "INT. BAKERY - AFTERNOON. The baker with a flour-dusted beard sweeps up."),
    ("EXT. MOUNTAIN PASS - MORNING. A hiker in a green anorak climbs.",
     "EXT. MOUNTAIN PASS - DUSK. The hiker in a green anorak pitches a tent."),
])
def test_the_clock_running_on_across_slug_lines_is_no_drift(shots):
    assert ("drift", "time_of_day") not in kinds(*shots)


@pytest.mark.parametrize("shots", [
    # the clock running back across a slug line
    ("INT. BAKERY - AFTERNOON. A baker with a flour-dusted beard sweeps up.",
     "INT. BAKERY - AFTERNOON. The baker with a flour-dusted beard counts the till.",
     "INT. BAKERY - DAWN. The baker with a flour-dusted beard kneads dough."),
    # a day between two parts of one night
    ("INT. DINER - NIGHT. A waitress with a beehive pours coffee.",
     "INT. DINER KITCHEN - NIGHT. The waitress with a beehive plates pie.",
     "INT. DINER - DAY. The waitress with a beehive wipes the counter.",
     "INT. DINER - NIGHT. The waitress with a beehive locks up."),
    ("EXT. HARBOUR - DAWN. A fisherman in a red beanie unloads crates.",
     "EXT. QUAY - NIGHT. The fisherman in a red beanie coils a rope.",
     "EXT. HARBOUR - DAWN. The fisherman in a red beanie hoses the deck."),
])
def test_the_clock_running_back_or_a_day_inside_a_night_drifts(shots):
    assert ("drift", "time_of_day") in kinds(*shots)


@pytest.mark.parametrize("shots", [
    # the jumps are said
    ("INT. WARD - NIGHT. A nurse with a grey-streaked beard checks a drip.",
     "INT. WARD - DAY. The next morning, the nurse with a grey-streaked beard opens the blinds.",
     "INT. WARD - NIGHT. That night, the nurse with a grey-streaked beard dims the lights."),
    # no shot between two that agree
    ("INT. WARD - DAY. A nurse with a grey-streaked beard opens the blinds.",
     "INT. WARD - NIGHT. The nurse with a grey-streaked beard dims the lights.",
     "INT. WARD - NIGHT. The nurse with a grey-streaked beard checks a drip."),
])
def test_a_said_jump_or_no_sandwich_is_no_drift(shots):
    assert ("drift", "time_of_day") not in kinds(*shots)


@pytest.mark.parametrize("shots", [
    # a way of another place: the desert's highway is not the city's
    ("Aerial: a rain-soaked neon-lit city at night; a taxi weaves between the towers.",
     "The taxi races along a straight desert highway.",
     "The taxi swerves round a lorry."),
    # a cut to another scene
    ("Aerial: a rain-soaked neon-lit city at night; a taxi weaves between the towers.",
     "Cut to: the taxi races along a wide elevated highway.",
     "The taxi swerves round a lorry."),
])
def test_a_way_elsewhere_ends_the_area_reach(shots):
    assert not any(2 in g or 3 in g for g in setting_gaps(*shots) if g[0] == 1)
