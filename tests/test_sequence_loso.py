"""Sequences (issue 22), session 16: rules adopted by leave-one-set-out over the eleven dev sets
(benchmarks/sequence_loso.py), each tested on lists written here in other words."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def kinds(*shots: str) -> list[tuple[str, str]]:
    return [(f.kind, f.anchor) for f in find(extract_all(parse_shot_list("\n".join(shots))))]


# ---- a capture format that changes is one lens drift, not a style drift as well ---------------
# Rule: a capture format (a film gauge, a digital camera or resolution) is the lens anchor
# ("lens family / format"); the look it implies is the same words read again, so one clash of
# formats is one finding, the lens drift.
@pytest.mark.parametrize("shots", [
    ("Super 16 film: a fisherman mends a net on the quay.",
     "Super 16 film: the fisherman coils rope, gulls overhead.",
     "Shot on a clean 6K digital cinema camera: the fisherman lights a pipe."),
    ("Grainy 35mm film. Two kids race go-karts down a hill.",
     "Grainy 35mm film. The karts bump over a kerb.",
     "Crisp 4K digital. The kids crash into a hedge, laughing."),
    ("A potter throws a bowl at the wheel, crisp 8K digital.",
     "The potter trims the foot of the bowl, crisp 8K digital.",
     "The potter glazes the bowl, shot on 16mm film."),
])
def test_a_change_of_capture_format_is_one_lens_drift(shots):
    found = kinds(*shots)
    assert ("drift", "lens") in found
    assert ("drift", "style") not in found


@pytest.mark.parametrize("shots", [
    # a look named for a gauge against a digital look: no format is read, the looks clash
    ("A tailor chalks a pattern, 16mm film look.", "The tailor cuts cloth, 16mm film look.",
     "The tailor pins a sleeve, crisp 8K digital look."),
    # a rendering style that flips while the format holds
    ("Shot on 35mm film, claymation: a fox builds a snowman.",
     "Shot on 35mm film, claymation: the fox adds a carrot nose.",
     "Shot on 35mm film, photorealistic live action: the fox admires its work."),
])
def test_a_style_that_is_not_the_format_still_drifts(shots):
    assert ("drift", "style") in kinds(*shots)


def test_a_format_drift_beside_a_rendering_drift_keeps_both():
    found = kinds("Shot on 16mm film, anime style: a courier cycles through rain.",
                  "Shot on 16mm film, anime style: the courier skids round a corner.",
                  "Crisp 8K digital, photorealistic: the courier hands over a parcel.")
    assert ("drift", "lens") in found and ("drift", "style") in found


def test_one_format_throughout_with_a_steady_style_is_clean():
    found = kinds("Crisp 8K digital: a diver rolls off the boat.",
                  "Crisp 8K digital: the diver sinks past a reef.",
                  "Crisp 8K digital: the diver surfaces and waves.")
    assert not [k for k in found if k[0] == "drift"]


# ---- a named film stock is a capture format: a lens anchor a later shot owes --------------------
# Rule: the stock the footage is exposed on (a film, reversal or negative stock, a named emulsion)
# is a capture format, so the lens anchor; stated in one shot only, the later shots lack it.
@pytest.mark.parametrize("first", [
    "Shot on Kodak Vision3 500T stock, a taxi idles outside a laundromat.",
    "Black-and-white reversal stock: a taxi idles outside a laundromat.",
    "A taxi idles outside a laundromat, panchromatic film stock, soft halation.",
])
def test_a_film_stock_said_once_is_a_lens_gap(first):
    found = kinds(first, "The driver lights a cigarette and checks the mirror.",
                  "A woman with a suitcase gets in the back; the taxi pulls away.")
    assert ("gap", "lens") in found


@pytest.mark.parametrize("first", [
    "Stock footage of rush-hour traffic on a ring road.",
    "A stock car skids round the oval track.",
    "The grocer takes stock of the shelves after closing.",
])
def test_stock_that_is_no_film_is_no_lens(first):
    found = kinds(first, "The camera drifts along the line of cars.",
                  "A man in a cap waves a chequered flag.")
    assert ("gap", "lens") not in found


def test_a_film_stock_in_every_shot_is_no_gap():
    found = kinds("Kodak Ektachrome, a kite rises over dunes.",
                  "Kodak Ektachrome, the kite string snaps.",
                  "Kodak Ektachrome, the kite drifts out to sea.")
    assert ("gap", "lens") not in found


# ---- a part of a thing the other shots name is no new place owed --------------------------------
# Rule: a place named once only as the part of a thing ("the kennel roof"), where that thing is
# named in the other shots, belongs to the set those shots carry: no setting gap.
@pytest.mark.parametrize("shots", [
    ("Claymation: a badger in a striped jumper knocks at a mole's door in a grassy bank. Autumn "
     "afternoon.",
     "The door in the grassy bank opens; a mole in round glasses blinks. Autumn afternoon.",
     "A robin lands on the bank roof and steals a berry. Autumn afternoon.",
     "The badger and the mole laugh by the grassy bank. Autumn afternoon."),
    ("A boy in a red raincoat feeds a dog by its wooden kennel, rain.",
     "The dog barks from the kennel, rain.",
     "A crow hops along the kennel roof, rain.",
     "The boy hugs the dog beside the kennel, rain."),
    ("A clown in a polka-dot suit juggles beside a striped wagon, noon.",
     "A monkey climbs onto the wagon roof, noon.",
     "The clown chases the monkey round the wagon, noon.",
     "The clown and the monkey rest against the wagon, noon."),
])
def test_the_part_of_a_thing_named_in_other_shots_is_no_setting_gap(shots):
    assert ("gap", "setting") not in kinds(*shots)


@pytest.mark.parametrize("shots", [
    ("A fisherman mends nets in a red-brick courtyard, morning.",
     "The fisherman carries the nets to the boat, morning.", "The fisherman rows out, morning."),
    ("A nurse walks into a hospital corridor with flickering green lights, night.",
     "The nurse checks a chart, night.", "The nurse sighs, night."),
    ("A girl in a yellow coat sits on the porch of a blue farmhouse.", "The girl reads a letter.",
     "The girl folds the letter and cries."),
])
def test_a_place_with_its_own_features_said_once_is_still_a_setting_gap(shots):
    assert ("gap", "setting") in kinds(*shots)


# ---- a room's walls in another colour are the set drifting --------------------------------------
# Rule: a fixed part of a set (its walls, door, floor) given colours of no common family in two
# shots of one place and scene, with no stated change, is setting drift; a material's own colour
# (brick) is left to the material, which paint may cover.
@pytest.mark.parametrize("shots", [
    ("A cramped kitchen with mustard-yellow walls, morning: Ana in a grey apron chops onions.",
     "Ana stirs a pot, the mustard-yellow walls behind her, morning.",
     "Ana tastes the soup against the kitchen's pale blue walls, morning."),
    ("A prison cell with whitewashed walls and a barred window: a man in orange overalls paces.",
     "The man sits on the bunk, whitewashed walls around him.",
     "The man scratches a tally on the cell's red-painted walls."),
    ("Interior, a nursery with pink walls, night: a nanny in a grey cardigan rocks a cradle.",
     "The nanny hums by the cradle, soft pink walls, night.",
     "The nanny tucks in the blanket, the nursery's white walls behind her, night."),
])
def test_walls_in_another_colour_are_setting_drift(shots):
    assert ("drift", "setting") in kinds(*shots)


@pytest.mark.parametrize("shots", [
    ("A kitchen with green walls: Ana chops onions.", "Ana stirs a pot, dark green walls behind her.",
     "Ana tastes the soup, the green walls steamed up."),
    ("A cellar with brick walls: a man stacks crates.",
     "The man whitewashes the brick walls with a broad brush.",
     "The man steps back from the whitewashed walls."),
    ("A kitchen with yellow walls: Ana chops onions.", "Ana stirs a pot by the yellow walls.",
     "Cut to the bedroom with blue walls: Ana's son sleeps."),
])
def test_walls_of_one_colour_or_another_room_do_not_drift(shots):
    assert ("drift", "setting") not in kinds(*shots)


# ---- a creature's or a machine's body cover is its own colour -----------------------------------
# Rule: what covers a non-human character's body (paint, fur, hide, plumage) has the colour of
# the character itself; another colour family in a later shot, unexplained, is character drift.
@pytest.mark.parametrize("shots", [
    ("A lime-green tractor robot with caterpillar tracks ploughs a field at noon.",
     "The lime-green tractor robot turns at the hedge, noon.",
     "The robot, glossy red paintwork, parks by the barn, noon."),
    ("A white horse with a plaited mane canters along a beach, sunset.",
     "The white horse splashes through the surf, sunset.",
     "The horse, glossy black hide, rears at a wave, sunset."),
    ("Felt puppets: a snowy white owl blinks on a branch, winter night.",
     "The snowy white owl swivels its head, winter night.",
     "The owl, mottled brown plumage, swoops on a vole, winter night."),
])
def test_a_body_cover_of_another_colour_is_character_drift(shots):
    assert ("drift", "character") in kinds(*shots)


@pytest.mark.parametrize("shots", [
    ("A red robot sweeps the floor.", "The red robot, glossy red paint, dusts a shelf.",
     "The robot, chipped crimson paint, rests."),
    ("A ginger cat stalks a moth.", "The ginger cat, orange fur bristling, pounces.",
     "The cat naps."),
    ("A boy paints a fence with blue paint.", "The boy dips his brush in the blue paint.",
     "The boy steps back, hands covered in blue paint."),
])
def test_a_body_cover_in_the_same_colour_or_a_thing_painted_is_no_drift(shots):
    assert ("drift", "character") not in kinds(*shots)


# ---- a title and a name in screenplay capitals, before a comma, is the name ----------------------
# Rule: a character's first appearance written in capitals with a title ("DOCTOR OKAFOR, shaved
# head") is the character the other shots name in running text ("Okafor"): the description
# is theirs, and owed when they come back bare.
@pytest.mark.parametrize("shots", [
    ("EXT. MANOR - NIGHT. Rain lashes the gravel drive.",
     "INT. HALL - NIGHT. LADY ASHBY, silver chignon, emerald velvet gown, descends the stairs.",
     "INT. HALL - NIGHT. Ashby pauses at the portrait.",
     "INT. HALL - NIGHT. Ashby turns to face the door."),
    ("A lab at night, monitors glowing.",
     "DOCTOR OKAFOR, shaved head, round gold glasses, white lab coat, peers into a microscope.",
     "Okafor makes a note.", "Okafor switches off the lamp."),
    ("EXT. BARRACKS - DAWN. A bugle sounds over the parade ground.",
     "EXT. BARRACKS - DAWN. SERGEANT MBEKI, shaved head, red beret, barks at the recruits.",
     "EXT. BARRACKS - DAWN. The recruits run past Mbeki.",
     "EXT. BARRACKS - DAWN. Mbeki checks a stopwatch."),
])
def test_a_titled_name_in_capitals_is_the_character_named_later(shots):
    assert ("gap", "character") in kinds(*shots)


@pytest.mark.parametrize("shots", [
    ("EXT. HARBOUR - NIGHT. HEAVY RAIN, thunder over the moored boats.",
     "EXT. HARBOUR - NIGHT. A fisherman ties off a line.",
     "EXT. HARBOUR - NIGHT. The fisherman runs for shelter."),
    ("DOCTOR OKAFOR, shaved head, round gold glasses, white lab coat, peers into a microscope.",
     "Okafor, shaved head, round gold glasses, white lab coat, makes a note.",
     "Okafor, shaved head, round gold glasses, white lab coat, switches off the lamp."),
    ("A lab at night. PROFESSOR VANCE, grey bun, tweed jacket, opens a crate.",
     "A technician unpacks a robot arm from the crate.",
     "The technician plugs the arm in; it waves."),
])
def test_capitals_that_are_no_returning_bare_name_make_no_character_gap(shots):
    assert ("gap", "character") not in kinds(*shots)


# ---- two slugs naming two parts of one place are a move, not the set turned inside out ----------
# Rule: a slug that turns from EXT. to INT. while the moment continues drifts only when it names
# the same place; two parts of it, each with a word the other lacks (GATE / HALL), are the
# action moving from one to the other.
@pytest.mark.parametrize("shots", [
    ("EXT. CASTLE GATE - NIGHT. Mira, a courier in a green cloak, knocks at the gate.",
     "INT. CASTLE HALL - NIGHT. Mira, green cloak, still mid-sentence, bows to the lord."),
    ("EXT. FARM YARD - DAY. Tom, a boy in a red jumper, chases a hen.",
     "INT. FARM KITCHEN - DAY. Tom, red jumper, still panting, drops the egg on the table."),
    ("INT. STATION CONCOURSE - NIGHT. Lena, a woman in a yellow mac, runs past the clock.",
     "EXT. STATION PLATFORM - NIGHT. Lena, yellow mac, still running, reaches the train."),
])
def test_two_parts_of_a_place_across_a_slug_are_no_setting_drift(shots):
    assert ("drift", "setting") not in kinds(*shots)


@pytest.mark.parametrize("inside, outside", [
    ("INT. DINER", "EXT. DINER"), ("INT. FARMHOUSE", "EXT. FARMHOUSE PORCH"),
    ("EXT. CHAPEL", "INT. CHAPEL"),
])
def test_one_place_turned_inside_out_mid_moment_still_drifts(inside, outside):
    shots = (f"{inside} - DAY. Ivy, a singer in a silver dress, laughs at a joke.",
             f"{inside} - DAY. Ivy, silver dress, tells the joke back.",
             f"{outside} - DAY. Ivy, silver dress, still mid-laugh, finishes the same sentence.")
    assert ("drift", "setting") in kinds(*shots)


# ---- a slug's DAY is the daytime -------------------------------------------------------------------
# Rule: the time field of a screenplay slug ("INT. WARD - DAY") says the scene is by day, any
# hour from dawn to dusk: against NIGHT in the same place and scene it drifts; it names no one
# hour, so alone it is no time a later shot owes.
@pytest.mark.parametrize("shots", [
    ("EXT. ROOFTOP - NIGHT. Two friends share a thermos on the ledge.",
     "EXT. ROOFTOP - DAY. One friend points at a passing plane.",
     "EXT. ROOFTOP - NIGHT. The other friend pours more tea."),
    ("INT. GARAGE - DAY. Sam, a mechanic in blue overalls, slides under a van.",
     "INT. GARAGE - DAY. Sam tightens a bolt, grunting.",
     "INT. GARAGE - NIGHT. Sam slides out, wiping his hands."),
    ("EXT. BEACH -- NIGHT. A girl in a white dress walks along the surf line.",
     "EXT. BEACH -- NIGHT. She stops and picks up a shell.",
     "EXT. BEACH -- DAY. She holds the shell to her ear."),
])
def test_a_day_slug_among_night_slugs_of_one_scene_drifts(shots):
    assert ("drift", "time_of_day") in kinds(*shots)


@pytest.mark.parametrize("shots", [
    ("EXT. PARK - DAY. A man walks his dog, morning.", "EXT. PARK - DAY. The dog fetches a stick.",
     "EXT. PARK - DAY. The man throws it again, morning sun."),
    ("EXT. PARK - DAY. A man walks his dog.", "EXT. PARK - DAY. The dog fetches a stick.",
     "INT. FLAT - NIGHT. The man feeds the dog."),
    ("EXT. PARK - DAY. A man walks his dog.", "The dog fetches a stick.",
     "The man throws it again."),
])
def test_day_slugs_that_agree_or_open_a_new_scene_are_no_time_finding(shots):
    found = kinds(*shots)
    assert ("drift", "time_of_day") not in found and ("gap", "time_of_day") not in found


# ---- her right and screen left are not two sides unless her facing is said ------------------------
# Rule: a side said of a person whose facing is not given ("the window on her right") has no
# side of the frame, so it neither agrees nor clashes with a side said of the frame ("from
# screen left"); against her other side, or a bare "from the left", it still clashes.
@pytest.mark.parametrize("shots", [
    ("A clerk sorts letters at a desk, the desk lamp on his left, warm light.",
     "Close-up: the clerk's hands stamp an envelope, warm key light from camera right.",
     "The clerk yawns, the desk lamp on his left."),
    ("Nadia brushes her hair in a small bedroom, the window on her right, soft daylight.",
     "Nadia holds up a dress, soft daylight from screen left.",
     "Nadia checks the mirror, soft daylight from the window on her right."),
    ("An old man reads by the fire, the hearth to his right throwing orange light.",
     "The old man turns a page, firelight from frame left.",
     "The old man dozes, the hearth to his right."),
])
def test_a_persons_side_and_a_frame_side_do_not_drift(shots):
    assert ("drift", "light_direction") not in kinds(*shots)


@pytest.mark.parametrize("shots", [
    ("A clerk sorts letters, the desk lamp on his left, warm light.",
     "The clerk stamps an envelope, the desk lamp on his left.",
     "The clerk yawns, the desk lamp on his right."),
    ("Nadia brushes her hair, soft daylight from screen left.",
     "Nadia holds up a dress, soft daylight from screen left.",
     "Nadia checks the mirror, soft daylight from screen right."),
    ("Fenna cracks a safe, one green desk lamp on her right.",
     "Fenna turns the dial, the green desk lamp on her right.",
     "Fenna leans back, her face lit from the left by the green lamp."),
])
def test_sides_said_the_same_way_still_drift(shots):
    assert ("drift", "light_direction") in kinds(*shots)
