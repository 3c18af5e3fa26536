"""Sequences (issue 22), session 14: when a later shot owes an anchor (a gap). An anchor is
owed from where the sequence sets it up: the first shot of its scene for the look of the film,
a character's first description for their sheet, the place the story stays in. What a shot adds
after the others went without it is that shot's own (a close-up's flare, gloves for one task,
a stray place the story leaves and comes back from)."""

from __future__ import annotations

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def findings(*shots: str) -> list[tuple[str, str, list[int]]]:
    return [(f.kind, f.anchor, f.shots) for f in find(extract_all(parse_shot_list("\n".join(shots))))]


def kinds(*shots: str) -> list[tuple[str, str]]:
    return [(k, a) for k, a, _ in findings(*shots)]


# ---- the look of the film: owed from the first shot of the scene ---------------------------
def test_a_lens_first_asked_for_mid_scene_is_that_shots_own():
    assert ("gap", "lens") not in kinds(
        "Wide: a lighthouse keeper climbs the spiral stairs at night, rain on the glass.",
        "The keeper trims the wick of the great lamp, night, rain on the glass.",
        "Medium: the keeper turns to the window, shot on a 35mm anamorphic lens, night.",
        "The keeper writes in the logbook by the lamp, night.",
        "Wide: the keeper climbs down the stairs, night.")


def test_a_light_side_first_given_mid_scene_is_that_shots_own():
    assert ("gap", "light_direction") not in kinds(
        "Tomas, a beekeeper with a red beard and a white cotton smock, walks the orchard rows.",
        "Tomas (red beard, white cotton smock) lifts the lid of a hive among the apple trees.",
        "Tomas sets the lid down on the grass, sun low from the left.",
        "Tomas, red beard, white cotton smock, carries a frame of comb to the shed.",
        "Tomas, red beard, white cotton smock, sets the frame in the extractor.")


def test_a_lens_set_up_in_the_first_shot_and_dropped_is_a_gap():
    found = findings(
        "Wide: a lighthouse keeper climbs the spiral stairs at night, shot on a 100mm macro lens.",
        "The keeper trims the wick of the great lamp, night.",
        "The keeper writes in the logbook by the lamp, night.")
    assert ("gap", "lens", [1, 2, 3]) in found


def test_a_style_given_once_beside_a_format_hint_the_others_repeat_is_a_gap():
    found = findings(
        "Grainy 16mm film. Gothic fairy-tale look. A girl in a yellow hood walks into a pine wood.",
        "Grainy 16mm film. The girl in the yellow hood finds a cottage of black stones.",
        "Grainy 16mm film. The girl in the yellow hood knocks on the cottage door.",
        "Grainy 16mm film. The door opens on darkness; the girl in the yellow hood steps in.")
    assert ("gap", "style") in [(k, a) for k, a, _ in found]


# ---- a character's sheet: owed from their first description ------------------------------------
def test_an_item_added_to_a_described_character_for_one_task_is_no_gap():
    assert ("gap", "character") not in kinds(
        "Tomas, a beekeeper with a red beard and a white cotton smock, walks the orchard rows.",
        "Tomas (red beard, white cotton smock) lifts the lid of a hive among the apple trees.",
        "Medium: Tomas in thick yellow gauntlets draws out a frame of comb.",
        "Tomas, red beard, white cotton smock, carries the frame to the shed.",
        "Tomas, red beard, white cotton smock, sets the frame in the extractor.")


def test_a_character_described_once_then_bare_is_a_gap():
    assert ("gap", "character", [1, 2, 3]) in findings(
        "Tomas, a beekeeper with a red beard and a white cotton smock, walks the orchard rows.",
        "Tomas lifts the lid of a hive among the apple trees.",
        "Tomas carries a frame of comb to the shed.")


# ---- a place: owed where the story stays ---------------------------------------------------------
def test_a_place_between_shots_of_another_place_owes_nothing_to_the_next_shot():
    assert ("gap", "setting") not in kinds(
        "Rafi, a tailor with round glasses and a green waistcoat, opens his narrow tailor's shop "
        "with a striped awning. Morning.",
        "Inside the narrow tailor's shop, Rafi (round glasses, green waistcoat) threads a needle.",
        "Rafi's sketch folds into a paper crane over a moonlit pond with pink lotus flowers.",
        "Rafi, round glasses, green waistcoat, smiles at a customer. Morning.",
        "Rafi (round glasses, green waistcoat) hangs a sign under the striped awning of the "
        "narrow tailor's shop. Morning.")


# ---- a cast sheet in screenplay capitals -----------------------------------------------------------
def test_a_capitals_cast_sheet_gives_each_character_their_own_items():
    shots = extract_all(parse_shot_list("\n".join((
        "CAST: OTTO - sixties, bald, a mustard cardigan. THE DRIFTER - thirties, a black "
        "leather coat, a red bandana. Otto sweeps the porch of his general store at noon.",
        "The Drifter ties his horse to the rail at noon, the store behind him.",
        "Otto, bald, mustard cardigan, watches from the doorway at noon.",
        "The Drifter walks up the steps at noon, spurs ringing."))))
    owners = {m.text: m.owner for m in shots[0].mentions if m.anchor == "wardrobe"}
    assert owners["mustard cardigan"] == "Otto"
    assert owners["black leather coat"] != "Otto"
    assert owners["black leather coat"] == owners["red bandana"]
    gaps = [f for f in find(shots) if (f.kind, f.anchor) == ("gap", "character")]
    assert [f.subject for f in gaps] == [owners["red bandana"]]  # Otto's sheet comes back
    assert gaps[0].shots[0] == 1 and gaps[0].shots[-1] == shots[-1].shot.index


def test_a_slug_line_in_capitals_stays_a_slug():
    shots = extract_all(parse_shot_list("\n".join((
        "INT. KITCHEN - NIGHT. Rosa, a cook in a white apron, chops onions.",
        "INT. KITCHEN - NIGHT. Rosa, in her white apron, stirs the pot."))))
    assert all(s.present == {"Rosa"} for s in shots)


# ---- the look: a family beside its quality -------------------------------------------------------
def test_a_vintage_anamorphic_lens_and_a_spherical_one_are_two_lens_families():
    shots = ("A potter centres clay on the wheel in a sunlit barn. Vintage anamorphic lens.",
             "The potter's thumbs open the clay, sunlit barn, vintage anamorphic lens.",
             "The potter lifts the wall of the bowl, sunlit barn, modern spherical lens.",
             "The potter cuts the bowl free with a wire, sunlit barn, vintage anamorphic lens.")
    assert ("drift", "lens") in kinds(*shots)
    assert ("drift", "lens") not in kinds(*shots[:2], shots[3])


def test_flat_vector_animation_and_a_3d_render_are_two_media():
    shots = ("Flat vector animation: a courier cycles past a row of shops.",
             "Flat vector animation: the courier hands a parcel to a florist.",
             "3D render: the parcel unfolds into a paper bird.",
             "Flat vector animation: the courier waves and rides away.")
    assert ("drift", "style") in kinds(*shots)
    assert ("drift", "style") not in kinds(*shots[:2], shots[3])


# ---- a slug line to the place the action heads for -------------------------------------------------
def test_a_continuous_slug_into_the_place_the_action_heads_for_is_no_drift():
    assert ("drift", "setting") not in kinds(
        "EXT. HARBOUR QUAY - DUSK. Ines, a courier in a yellow oilskin, runs along the quay.",
        "EXT. HARBOUR QUAY - DUSK. Ines, yellow oilskin, sprints up the gangway of the ferry.",
        "INT. FERRY - DUSK (CONTINUOUS). Ines, yellow oilskin, still catching her breath, "
        "drops onto a bench.")


# ---- a dash typed as two hyphens --------------------------------------------------------------------
def test_a_description_between_double_hyphens_belongs_to_the_noun_before_it():
    shots = ("Dusk on a cliff path. A shepherd -- an old man with a white beard in a rust-red "
             "wool cape -- leads his flock along the edge.",
             "The shepherd whistles to his dog on the cliff path.",
             "The shepherd counts the sheep through a gate.")
    sheet = extract_all(parse_shot_list("\n".join(shots)))[0]
    assert {m.owner for m in sheet.mentions if m.anchor == "wardrobe"} == {"shepherd"}
    assert ("gap", "character", [1, 2, 3]) in findings(*shots)


def test_a_digital_cinema_camera_against_a_film_gauge_is_a_lens_drift():
    shots = ["A beekeeper lifts a frame of comb in a misty orchard. Grainy 16mm film.",
             "The beekeeper brushes bees off the comb, misty orchard. Grainy 16mm film.",
             "The beekeeper carries the frame to the shed, misty orchard. Sleek digital cinema "
             "camera, razor sharp.",
             "The beekeeper slices the wax cap off the comb. Grainy 16mm film."]
    assert ("drift", "lens") in kinds(*shots)
    shots[2] = "The beekeeper carries the frame to the shed, misty orchard. Grainy 16mm film."
    assert ("drift", "lens") not in kinds(*shots)


# ---- light thrown one way --------------------------------------------------------------------------
def test_light_thrown_up_onto_them_is_light_from_below_and_owed_later():
    from bot.core.sequence.light import light_directions
    text = "Two guards warm their hands; the brazier at their feet throws an orange glow up onto them."
    assert {v for m in light_directions(text, text.lower()) for v in m.values} >= {"below"}
    text = "A clerk sorts letters while the skylight casts a pale light down onto the desk."
    assert {v for m in light_directions(text, text.lower()) for v in m.values} >= {"above"}
    assert ("gap", "light_direction", [1, 2, 3]) in findings(
        "Night on the city wall: two guards warm their hands; the brazier at their feet throws an "
        "orange glow up onto them.",
        "The older guard passes a flask to the younger one on the city wall, night.",
        "The younger guard drinks and coughs on the city wall, night.")


# ---- a place described more as the list goes on -----------------------------------------------------
def test_a_place_first_named_bare_then_described_two_ways_drifts():
    shots = ["Nadia, a violinist in a black velvet dress, steps into her cramped dressing room.",
             "Nadia tunes her violin in her chrome and glass dressing room, night.",
             "Nadia, black velvet dress, paces her cramped dressing room, night.",
             "Nadia sits at the mirror of her oak-panelled dressing room, night."]
    assert ("drift", "setting") in kinds(*shots)
    shots[3] = "Nadia sits at the mirror of her chrome and glass dressing room, night."
    assert ("drift", "setting") not in kinds(*shots)


def test_a_tree_name_built_into_a_place_is_its_wood():
    from bot.core.sequence.compare import setting_clash
    assert setting_clash(frozenset({"detail:walnut-panelled"}),
                         frozenset({"detail:chrome-and-white", "detail:plastic"}))
    assert not setting_clash(frozenset({"detail:pine"}), frozenset({"detail:steel"}))


def test_a_sheet_given_in_full_after_a_bare_first_mention_is_still_owed():
    assert ("gap", "character", [2, 3, 4]) in findings(
        "Wide: Mara, a woman in her thirties, crosses the empty square at dawn.",
        "Mara, a woman in her thirties with a copper bob, a bottle-green trench coat and "
        "silver hoop earrings, stops at the fountain at dawn.",
        "Mara drinks from her cupped hands at dawn.",
        "Mara walks on past the shuttered cafe at dawn.")


def test_a_small_gauge_a_look_is_named_for_is_the_format_shot_on():
    from bot.core.sequence.look import lenses
    assert {v for m in lenses("8mm home-movie look, a family at the beach.") for v in m.values} \
        >= {"format:8mm"}
    assert not {v for m in lenses("16mm film look, a family at the beach.") for v in m.values
                if v.startswith("format:")}  # "film look" stays a style
    assert not {v for m in lenses("A 50mm macro look at the dew.") for v in m.values
                if v.startswith("format:")}  # a focal length, not a gauge


def test_the_look_a_gauge_names_is_one_lens_gap_not_a_style_gap_too():
    found = kinds("A chess hustler slams the clock in the park, late afternoon. 16mm documentary look.",
                  "The hustler takes a pawn, grinning, late afternoon.",
                  "The hustler holds out a palm for the money, late afternoon.")
    assert ("gap", "lens") in found
    assert ("gap", "style") not in found


def test_a_bare_slug_name_beside_a_described_place_does_not_hide_its_drift():
    shots = ["EXT. BOATHOUSE - DUSK. A white clapboard boathouse on the lake; Ada, a rower in "
             "a red vest, drags her scull up the ramp.",
             "EXT. BOATHOUSE - DUSK. Ada, red vest, stands in the door of the white clapboard "
             "boathouse.",
             "EXT. BOATHOUSE - DUSK. Ada, red vest, locks the door of the black brick boathouse."]
    assert ("drift", "setting") in kinds(*shots)
    shots[2] = "EXT. BOATHOUSE - DUSK. Ada, red vest, locks the door of the white boathouse."
    assert ("drift", "setting") not in kinds(*shots)


def test_one_of_the_many_things_a_place_is_full_of_does_not_restate_the_place():
    shots = ["Wide: a cramped bookbinder's workshop with dozens of hanging brass lamps and a long "
             "oak bench; Ilse, a binder in a grey smock, stitches a spine, evening.",
             "Ilse, grey smock, trims the page edges under a lamp, evening.",
             "Ilse, grey smock, presses the finished book, evening."]
    assert ("gap", "setting") in kinds(*shots)
    shots[1] = "Ilse, grey smock, trims the page edges under the hanging brass lamps, evening."
    assert ("gap", "setting") not in kinds(*shots)


# ---- a place's listed features said again: the place is back (session 29) ------------------
# Rule: the described things a shot lists right after a place's phrase, before any other
# anchor's words ("Pizzeria kitchen after closing, tiled ovens, warm copper grade") are the
# set's sheet; a later shot that says one of them again ("by the tiled oven") is in that place
# though it never names it, so the place is no gap. A bare "oven" repeats no described thing.
_KITCHEN = ("Pizzeria kitchen after closing, tiled ovens, warm copper grade, hard tungsten top "
            "light: Oskar, a cook with close-cropped grey hair and a red beanie, in a white "
            "double-breasted jacket, scrubs his bench. Wide, static.")
_CRACKS = ("Oskar, close-cropped grey hair, red beanie, white double-breasted jacket, cracks two "
           "eggs into a pan{}; hard tungsten top light, warm copper grade. Medium.")
_EATS = ("Oskar in the red beanie and white double-breasted jacket, close-cropped grey hair, eats "
         "the eggs standing{}; hard tungsten top light, warm copper grade. Close-up.")


def test_a_place_whose_listed_features_come_back_is_no_gap():
    assert ("gap", "setting") not in kinds(_KITCHEN, _CRACKS.format("; tiled ovens"),
                                           _EATS.format(" by the tiled oven"))


def test_a_place_whose_features_never_come_back_is_still_a_gap():
    assert ("gap", "setting", [1, 2, 3]) in findings(_KITCHEN, _CRACKS.format(""),
                                                     _EATS.format(""))
    assert ("gap", "setting", [1, 2, 3]) in findings(_KITCHEN, _CRACKS.format("; ovens"),
                                                     _EATS.format(" by the oven"))


def test_the_look_after_a_place_is_not_its_feature():
    # the lens and the haze listed after the place end its list: repeating them in every shot
    # does not repeat the place
    assert ("gap", "setting", [1, 2, 3]) in findings(
        "Jonas, a 12-year-old skater in a green helmet and a baggy yellow hoodie, drops into a "
        "drained motel pool with a cracked blue bottom at sunset, fisheye lens, warm orange haze",
        "Jonas (green helmet, baggy yellow hoodie) carves a fast line, wheels grinding, at "
        "sundown, fisheye lens, warm orange haze",
        "Jonas, green helmet, baggy yellow hoodie, kicks the board up into his hand, sunset, "
        "fisheye lens, warm orange haze")


# ---- a camera with its own lens named in every shot carries the lens (session 29) ---------
# Rule: a camcorder (`look.FIXED_LENS`) named in every shot brings its own lens; a lens said
# beside it once ("fisheye") is that shot's attachment, not an anchor the others owe. Without
# the camera in the other shots the lens said once is still owed.
def test_a_lens_said_once_beside_a_camcorder_in_every_shot_is_no_gap():
    assert ("gap", "lens") not in kinds(
        "VHS camcorder look, fisheye: Tariq, a BMX rider in a red hoodie, jumps the canal steps.",
        "VHS camcorder look: Tariq, red hoodie, lands and skids to a stop.",
        "VHS camcorder look: Tariq, red hoodie, high-fives a friend.")


def test_a_lens_said_once_without_the_camera_after_it_is_still_a_gap():
    assert ("gap", "lens") in kinds(
        "VHS camcorder look, fisheye: Tariq, a BMX rider in a red hoodie, jumps the canal steps.",
        "Tariq, red hoodie, lands and skids to a stop.",
        "Tariq, red hoodie, high-fives a friend.")
