"""Sequences (issue 22), session 15: which words are an anchor, and which anchor they are.
A gap is an anchor a later shot needs and does not restate (models have no memory), so the
reader must know an anchor when it is said in other words: an era named as a look is the
film's style, a class of colours said as a plural noun is the grade again, the camera and the
grain beside a lens are the capture (the lens anchor), and a name with a bare apposition
("Joon-ho, heavyset cook") is a character. Lists written for these tests."""

from __future__ import annotations

import pytest

from bot.core.sequence import Shot, parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find
from bot.core.validation import InputError


def findings(*shots: str) -> list[tuple[str, str, list[int]]]:
    return [(f.kind, f.anchor, f.shots) for f in find(extract_all(parse_shot_list("\n".join(shots))))]


def kinds(*shots: str) -> list[tuple[str, str]]:
    return [(k, a) for k, a, _ in findings(*shots)]


def anchor_texts(shot: str, anchor: str) -> list[str]:
    return [m.text for m in extract_all(parse_shot_list(shot))[0].of(anchor)]


# ---- an era named as a look is the film's style ---------------------------------------------
def test_a_decade_look_given_once_is_a_style_gap():
    assert ("gap", "style", [1, 2, 3]) in findings(
        "A 1970s look: a detective lights a cigarette in his cramped office at night.",
        "The detective picks up the ringing phone in his cramped office at night.",
        "The detective grabs his hat and leaves the cramped office at night.")


def test_an_abbreviated_decade_aesthetic_is_a_style():
    assert ("gap", "style") in kinds(
        "Kids race bikes down a suburban street in the afternoon, '90s aesthetic.",
        "The kids skid to a stop by a corner shop in the afternoon.",
        "The kids share a bottle of soda on the kerb in the afternoon.")


def test_a_decade_style_heading_is_a_style():
    assert anchor_texts("1980s style. A girl on roller skates glides through a mall.",
                        "style") == ["1980s style"]


def test_a_period_look_in_colour_words_is_a_style_as_well_as_a_grade():
    assert anchor_texts("1960s Technicolor look. A woman in a pillbox hat sits in a chapel.",
                        "style") == ["1960s Technicolor look"]


def test_a_decade_look_said_in_every_shot_is_no_gap():
    assert ("gap", "style") not in kinds(
        "A 1970s look: a detective lights a cigarette in his office at night.",
        "1970s look: the detective picks up the ringing phone at night.",
        "The detective leaves the office at night, 1970s look.")


def test_a_decade_style_thing_is_the_things_kind_not_a_style():
    assert anchor_texts("A 1920s-style speakeasy with brass lamps; a band plays.", "style") == []
    assert anchor_texts("A singer in a 1950s-style dress steps up to the microphone.",
                        "style") == []


def test_a_decade_without_a_look_word_is_no_style():
    assert ("gap", "style") not in kinds(
        "In the 1990s, a boy rides his bike to school in the rain.",
        "The boy locks his bike at the school gate in the rain.",
        "The boy runs inside, soaked, in the rain.")


# ---- a class of colours said as a plural noun is the grade again ---------------------------------
def test_saturated_primaries_repeat_saturated_primary_colours():
    assert ("gap", "palette") not in kinds(
        "Saturated primary colours. A muralist in white overalls paints a blue circle on a wall.",
        "The muralist climbs her ladder beside the wall; saturated primaries.",
        "The muralist steps back to look at the wall, saturated primaries.")


def test_candy_neons_repeat_neon_colours():
    assert ("gap", "palette") not in kinds(
        "Neon colours: a roller-skater in a silver jacket loops around an empty rink at night.",
        "Candy neons; the roller-skater in the silver jacket spins at night.",
        "The roller-skater in the silver jacket glides off the rink at night, candy neons.")


def test_bold_primaries_are_a_grade():
    assert anchor_texts("A toddler stacks blocks on a rug, bold primaries, 35mm.",
                        "palette") == ["bold primaries"]


def test_pastels_as_a_drawing_medium_do_not_repeat_a_grade():
    assert ("gap", "palette") in kinds(
        "Saturated primary colours. A boy sits down at an easel in an attic studio.",
        "The boy draws a horse with pastels in the attic studio.",
        "The boy holds up the drawing in the attic studio.")


def test_neon_signs_said_as_neons_are_no_grade():
    assert anchor_texts("A man walks past the neons of a night street.", "palette") == []


def test_primaries_of_an_election_are_no_grade():
    assert anchor_texts("Voters queue outside a school gym for the primaries.", "palette") == []


# ---- the camera and the grain beside a lens are the capture, the lens anchor --------------------
def test_a_camera_body_and_grain_beside_primes_start_a_lens_gap_not_a_style_gap():
    found = kinds(
        "Aerial shot of a stone hut on a ridge at dawn. Shot on ARRI Alexa with Cooke S4 "
        "primes, natural film grain.",
        "Inside the hut, a climber in an orange jacket laces her boots at dawn.",
        "The climber in the orange jacket steps out onto the ridge at dawn.")
    assert ("gap", "lens") in found
    assert ("gap", "style") not in found


def test_grainy_film_beside_a_spherical_lens_is_no_style_gap():
    assert ("gap", "style") not in kinds(
        "Grainy film, 50mm spherical lens: a fisherman in a yellow slicker hauls a net at dawn.",
        "The fisherman in the yellow slicker sorts the catch on deck at dawn.",
        "The fisherman in the yellow slicker steers home at dawn.")


def test_a_camera_and_grain_beside_an_anamorphic_lens_is_no_style_gap():
    assert ("gap", "style") not in kinds(
        "Shot on an Alexa Mini, 40mm anamorphic, fine film grain. A violinist tunes up backstage.",
        "The violinist walks out onto the stage under a spotlight.",
        "The violinist lifts her bow under the spotlight.")


def test_a_film_look_named_as_a_look_stays_a_style_beside_a_lens():
    assert ("gap", "style") in kinds(
        "16mm film look, 25mm spherical: a street violinist plays on church steps at midday.",
        "A crowd gathers at the church steps at midday; 25mm spherical.",
        "The violinist bows on the church steps at midday, 25mm spherical.")


def test_film_grain_without_a_lens_stays_a_style():
    assert ("gap", "style") in kinds(
        "Film grain. A baker pulls loaves from a brick oven at dawn.",
        "The baker sets the loaves on the cooling rack at dawn.",
        "The baker flips the sign on the door to OPEN at dawn.")


def test_a_painted_style_beside_a_lens_stays_a_style():
    assert ("gap", "style") in kinds(
        "Watercolour style, 35mm lens: a fox trots across a snowy field at dusk.",
        "The fox sniffs at a hole in the snow at dusk.",
        "The fox pounces into the snow at dusk.")


# ---- a name with a bare apposition is a character ------------------------------------------------
def test_a_hyphenated_name_with_a_bare_apposition_is_a_character_who_comes_back_bare():
    shots = ("wide. night market alley, steam. Joon-ho, heavyset cook in his fifties, works a "
             "wok at his stall. night.",
             "medium. Joon-ho hands a bowl across the counter. night.",
             "wide. Joon-ho wipes down the counter. night.")
    extracted = extract_all(parse_shot_list("\n".join(shots)))
    assert all("Joon-ho" in s.present for s in extracted)
    assert ("gap", "character", [1, 2, 3]) in findings(*shots)


def test_a_bare_apposition_with_traits_names_the_character():
    assert ("gap", "character", [1, 2, 3]) in findings(
        "Mara, tall nurse with a silver bob, checks a chart in a quiet ward at night.",
        "Mara adjusts a drip beside a sleeping patient at night.",
        "Mara switches off the ward lights at night.")


def test_a_bare_apposition_after_a_name_mid_sentence_gives_the_character_their_sheet():
    assert ("gap", "character", [1, 2, 3]) in findings(
        "On a small club stage, Dev, lanky drummer with a shaved head and a red tank top, counts "
        "in the band at night.",
        "Dev hammers the snare under a blue spotlight at night.",
        "Dev throws a stick into the crowd at night.")


def test_a_place_before_a_comma_is_no_character():
    for shot in ("Tokyo, late night. A man in a grey suit waits at a crossing.",
                 "Lisbon, early tram at dawn; a conductor rings the bell."):
        assert extract_all(parse_shot_list(shot))[0].present <= {"man", "conductor"}


def test_a_name_with_a_bare_apposition_said_again_in_every_shot_is_no_gap():
    assert ("gap", "character") not in kinds(
        "Joon-ho, heavyset cook in his fifties, white towel round his head, works a wok. night.",
        "Joon-ho, heavyset cook in his fifties, white towel round his head, plates noodles. night.",
        "Joon-ho, heavyset cook in his fifties, white towel round his head, wipes the counter. "
        "night.")


# ---- the look of a jump in time belongs to that time -----------------------------------------
def test_a_flashback_look_is_not_owed_back_in_the_present():
    assert ("gap", "character") not in kinds(
        "Present day, a hospital room, night. Walt, an old man with white hair in a blue gown, "
        "sleeps.",
        "Flashback, 1962: young Walt, dark quiff, leather jacket, races a motorbike on a desert "
        "road at noon.",
        "Back in the hospital room, night: Walt, white hair, blue gown, opens his eyes.")


def test_a_childhood_look_is_not_owed_once_the_man_is_old_again():
    assert ("gap", "character") not in kinds(
        "A garden shed, afternoon: Ben, a man in his sixties with a grey moustache, sorts seed "
        "packets.",
        "Fifty years earlier: Ben, a boy of eight in a striped jumper and a green cap, plants a "
        "bean in a pot.",
        "The shed, afternoon: Ben, in his sixties, grey moustache, finds the old pot on a shelf.",
        "Ben turns the pot in his hands in the shed, afternoon.")


def test_a_screenplay_flashback_look_is_not_owed_in_the_attic_scene():
    assert ("gap", "character") not in kinds(
        "INT. ATTIC - NIGHT. Iris, an elderly woman with silver hair, opens a trunk.",
        "FLASHBACK - EXT. BEACH - DAY. Young Iris, long black hair, in a red swimsuit, runs "
        "into the waves.",
        "INT. ATTIC - NIGHT. Iris, silver hair, holds up an old photograph.",
        "INT. ATTIC - NIGHT. Iris closes the trunk.")


def test_a_flashback_look_dropped_inside_the_flashback_is_a_gap():
    assert ("gap", "character", [1, 2, 3]) in findings(
        "Flashback, 1962: young Walt, dark quiff, leather jacket, races a motorbike on a desert "
        "road at noon.",
        "Walt skids to a stop by a gas station at noon.",
        "Walt lights a cigarette by the pumps at noon.")


def test_a_look_years_later_dropped_in_the_next_shots_is_a_gap():
    assert ("gap", "character", [1, 2, 3]) in findings(
        "Years later: Tom, bald, in a grey suit, sits at a desk in a glass office at dusk.",
        "Tom looks out of the window at dusk.",
        "Tom loosens his tie at dusk.")


def test_a_jump_restated_with_the_same_face_still_owes_its_clothes():
    assert ("gap", "character") in kinds(
        "Years later: Tom, bald, in a grey pinstripe suit, sits at a desk in a glass office at "
        "dusk.",
        "Tom, bald, looks out of the window of the glass office at dusk.",
        "Tom loosens his tie in the glass office at dusk.")


# ---- a name written in lower case is still a name --------------------------------------------
def test_a_lower_case_name_after_a_person_noun_is_a_character_who_comes_back_bare():
    assert ("gap", "character", [1, 2, 3]) in findings(
        "ok so shot 1 - my guy zeke, skinny dude w/ bleached buzzcut + a purple puffer, skating "
        "down a hill at sunset",
        "shot 2 - zeke ollies a curb, sunset",
        "shot 3 - zeke eats it lol, rolls on the grass, sunset")


def test_a_lower_case_name_with_an_apposition_is_present_in_every_shot():
    shots = ("wide. mira, a wiry climber with a red helmet and a blue harness, clips into the "
             "rope at dawn.",
             "close. mira chalks her hands at dawn.",
             "wide. mira tops out on the summit at dawn.")
    assert all(s.present == {"Mira"} for s in extract_all(parse_shot_list("\n".join(shots))))
    assert ("gap", "character", [1, 2, 3]) in findings(*shots)


def test_a_lower_case_name_with_an_age_in_brackets_is_a_character():
    assert ("gap", "character", [1, 2, 3]) in findings(
        "shot 1: laundromat at nite, maya (20s, box braids w/ gold cuffs, oversized purple "
        "hoodie) dancing between the washers",
        "shot 2: laundromat, maya spins on the folding table, nite",
        "shot 3: laundromat, maya drops onto a plastic chair, laughing, nite")


def test_a_lower_case_word_after_an_article_is_no_name():
    shots = ("rain, a woman in a red coat runs for the bus at night.",
             "heavy rain. the woman in the red coat bangs on the bus door at night.",
             "the bus pulls away in the rain; the woman in the red coat waits at night.")
    assert all("Rain" not in s.present for s in extract_all(parse_shot_list("\n".join(shots))))


def test_a_shot_size_before_an_apposition_is_no_name():
    shots = ("wide, a man in a grey suit crosses a square at noon.",
             "wide, the man in the grey suit stops at a fountain at noon.")
    assert all(s.present == {"man"} for s in extract_all(parse_shot_list("\n".join(shots))))


def test_a_lower_case_word_in_one_shot_only_is_no_name():
    shots = ("dusk. oslo, a city of wet roofs; a girl in a yellow coat waits at a tram stop.",
             "dusk. the girl in the yellow coat boards the tram.")
    assert all("Oslo" not in s.present for s in extract_all(parse_shot_list("\n".join(shots))))


# ---- a garment between the verb and its particle is still taken off ------------------------------
def clothes_reasons(text: str) -> list[str]:
    return extract_all(parse_shot_list(text))[0].reasons.get("clothes", [])


def test_a_garment_taken_off_with_the_particle_after_it_is_a_change_of_clothes():
    assert clothes_reasons("She pulls the hoodie off (too hot) and keeps dancing in a white "
                           "tank top.")
    assert clothes_reasons("He takes his heavy wool jacket off, revealing a white shirt.")
    assert clothes_reasons("She kicks her muddy boots off by the door.")


def test_a_garment_taken_off_that_way_is_no_drift():
    assert ("drift", "character") not in kinds(
        "Maya, a dancer with box braids in an oversized purple hoodie, dances in a laundromat "
        "at night.",
        "Maya in the purple hoodie spins on the folding table in the laundromat at night.",
        "Maya pulls the hoodie off and keeps dancing in a white tank top in the laundromat at "
        "night.",
        "Maya in the white tank top dances out of the laundromat at night.")


def test_a_lid_or_a_kettle_is_no_change_of_clothes():
    assert clothes_reasons("He pulls the top off the jar and sniffs the jam.") == []
    assert clothes_reasons("She puts the kettle on and waits.") == []
    assert clothes_reasons("He takes the cap off the bottle.") == []


# ---- which shots a gap names -------------------------------------------------------------------
def gap_shots(anchor: str, *shots: str) -> list[list[int]]:
    return [s for k, a, s in findings(*shots) if (k, a) == ("gap", anchor)]


_THIEF = ("Anamorphic lens: a thief in a black balaclava slips into a museum hall at night.",
          "The thief in the black balaclava crosses the laser grid at night.")


def test_an_insert_without_a_lens_of_its_own_owes_the_series_lens():
    assert gap_shots("lens", *_THIEF, "Insert: a gloved finger presses a button on a keypad.",
                     "The thief in the black balaclava lifts the crown from its case at night."
                     ) == [[1, 2, 3, 4]]


def test_a_cutaway_owes_the_series_lens():
    assert gap_shots("lens",
                     "Shot on a 40mm spherical lens: a boy in a blue cap flies a kite on a beach "
                     "at noon.",
                     "Cutaway: gulls wheel above the dunes.",
                     "The boy in the blue cap runs with the kite string at noon.") == [[1, 2, 3]]


def test_a_detail_shot_owes_the_series_lens():
    assert gap_shots("lens",
                     "Fisheye lens: a skater in a red beanie drops into a bowl at dusk.",
                     "The skater in the red beanie carves the wall of the bowl at dusk.",
                     "Detail shot: wheels grinding along the coping.",
                     "The skater in the red beanie kicks up the board at dusk.") == [[1, 2, 3, 4]]


def test_an_insert_with_its_own_macro_lens_neither_owes_nor_repeats_the_series_lens():
    assert gap_shots("lens", *_THIEF,
                     "Insert: a gloved finger presses a button on a keypad, 100mm macro lens.",
                     "The thief in the black balaclava lifts the crown from its case at night."
                     ) == [[1, 2, 4]]


def test_an_insert_that_repeats_the_series_lens_repeats_it():
    assert gap_shots("lens", _THIEF[0],
                     "Insert: a gloved finger presses a button on a keypad, anamorphic.",
                     "The thief in the black balaclava lifts the crown from its case at night."
                     ) == []


def test_an_insert_still_owes_no_place():
    assert gap_shots("setting",
                     "A cramped ramen bar with steamed-up windows and red paper lanterns; a cook "
                     "ladles broth, night.",
                     "Insert: noodles lifted with chopsticks.",
                     "The cook slides a bowl across to a customer, night.",
                     "The cook wipes down the counter, night.") == [[1, 3, 4]]


_KOFI = "Kofi, a heavyset DJ with a shaved head and tortoiseshell glasses, cues a record at night."
_ANA = "Ana, a singer with a silver bob and a black velvet choker, steps up to a microphone."
_OMAR = "Omar, a boxer with a shaved head and a red mouthguard, waits in his corner."


def test_a_close_up_on_a_part_of_the_face_owes_the_sheet():
    assert gap_shots("character", _KOFI, "Close-up: Kofi's lips at the mic at night.",
                     "Kofi leans back in his chair at night.") == [[1, 2, 3]]
    assert gap_shots("character", _ANA, "Extreme close-up on Ana's mouth as she hums the first "
                     "note.", "Ana closes her eyes as the band joins in.") == [[1, 2, 3]]
    assert gap_shots("character", _OMAR, "Close on Omar's brow, sweat beading, in his corner.",
                     "Omar stands as the bell rings in his corner.") == [[1, 2, 3]]


def test_a_close_up_on_hands_fists_or_feet_owes_no_sheet():
    assert gap_shots("character", _ANA, "Close-up on Ana's hands gripping the microphone stand.",
                     "Ana closes her eyes as the band joins in.") == [[1, 3]]
    assert gap_shots("character", _OMAR, "Close on Omar's taped fists in his corner.",
                     "Omar stands as the bell rings in his corner.") == [[1, 3]]
    assert gap_shots("character",
                     "Lin, a dancer with a black bun and a white leotard, warms up in an empty "
                     "studio.",
                     "Close-up: Lin's feet in worn pointe shoes rise onto their tips in the studio.",
                     "Lin spins across the studio.") == [[1, 3]]


_TOM = ("Tom, a stocky man with a ginger beard and a grey cardigan, comes home to a dim kitchen "
        "at night.")


def test_a_two_shot_wide_or_group_shot_holds_a_character_named_as_an_owner():
    for framed in ("Two-shot in the kitchen at night: Ruth puts a hand on Tom's shoulder.",
                   "Wide shot of the kitchen at night: Ruth sets a mug beside Tom's elbow.",
                   "Group shot at the kitchen table at night: the children climb onto Tom's lap."):
        assert gap_shots("character", _TOM, "Tom sits at the kitchen table at night, head in "
                         "his hands.", framed) == [[1, 2, 3]]


def test_a_close_or_medium_shot_of_someone_else_on_his_shoulder_owes_him_nothing():
    assert gap_shots("character", _TOM, "Tom sits at the kitchen table at night.",
                     "Close-up at night: Ruth's hand rests on Tom's shoulder.",
                     "Tom looks up at her at night.") == [[1, 2, 4]]
    assert gap_shots("character", _TOM, "Shot 3, close-up: Ruth's hand rests on Tom's shoulder "
                     "at night.", "Tom looks up at her at night.") == [[1, 3]]
    assert gap_shots("character", _TOM, "Medium: Ruth taps a spoon on Tom's mug at night.",
                     "Tom looks up at her at night.") == [[1, 3]]


# ---- a shot's label opens its sentence ---------------------------------------------------------
def present_in(*prompts: str) -> list[set[str]]:
    shots = [Shot(index=i, name=f"Shot {i}", prompt=p) for i, p in enumerate(prompts, start=1)]
    return [s.present for s in extract_all(shots)]


def test_a_capital_word_after_a_timecode_opens_the_sentence_and_is_no_name():
    assert present_in("[00:00-00:04] A perfume bottle on black velvet.",
                      "[00:04-00:08] Top-down: the bottle spins slowly on the velvet.") == [set(), set()]
    assert present_in("[00:00-00:04] A perfume bottle on black velvet.",
                      "[00:04-00:08] Rain streaks the window behind the bottle.") == [set(), set()]
    assert present_in("0-4s | A kettle on a stove.", "4-8s | Steam curls from the spout.",
                      "8-12s | Silhouette: a hand lifts the kettle.") == [set(), set(), set()]


def test_a_logo_lockup_after_a_timecode_is_a_card_that_owes_no_light():
    shots = [Shot(index=i, name=f"Shot {i}", prompt=p) for i, p in enumerate((
        "[00:00-00:04] Extreme close-up: a perfume bottle on black velvet, rim light from the left.",
        "[00:04-00:08] The cap of the bottle lifts off by itself.",
        "[00:08-00:12] Logo lockup: 'NOIR' in brass letters over the velvet."), start=1)]
    assert [(f.kind, f.anchor, f.shots) for f in find(extract_all(shots))] == [
        ("gap", "light_direction", [1, 2])]


def test_a_name_after_a_timecode_or_a_table_label_is_still_a_name():
    assert present_in("[00:00-00:04] Mara, a nurse in green scrubs, checks a chart.",
                      "[00:04-00:08] Mara hangs the chart on the bed.") == [{"Mara"}, {"Mara"}]
    assert present_in("0-4s | Leo runs down the pier.", "4-8s | Leo jumps into the sea.") == [
        {"Leo"}, {"Leo"}]
    assert present_in("1A | Kenji, bike courier, weaves through traffic.",
                      "1B | Kenji brakes hard.") == [{"Kenji"}, {"Kenji"}]


def test_a_list_of_shots_with_bracketed_labels_is_prose_not_json():
    for text in ("[00:00-00:04] Wide: a bottle on velvet.\n[00:04-00:08] Close: the cap lifts.",
                 "[Scene 1] INT. DINER - NIGHT. A cook flips eggs.\n[Scene 2] EXT. LOT - NIGHT. "
                 "A car idles.",
                 "[0:00] A fox wakes in its den.\n[0:05] The fox trots into the snow."):
        shots = parse_shot_list(text)
        assert len(shots) == 2 and shots[0].prompt.startswith("[")


def test_a_json_list_still_reads_as_json_and_a_broken_one_still_fails():
    assert [s.prompt for s in parse_shot_list('["a cat sleeps", "a dog barks"]')] == [
        "a cat sleeps", "a dog barks"]
    assert [s.prompt for s in parse_shot_list('[{"prompt": "a cat sleeps"}]')] == ["a cat sleeps"]
    with pytest.raises(InputError):
        parse_shot_list('[{"prompt": "a cat sleeps"')


# ---- a way out starts in the place it leaves -----------------------------------------------------
_STUDIO = ("A wood-panelled recording studio with orange shag carpet, late night; Marcus, a "
           "bassist with a huge afro, plays a riff.")
_RAMEN = ("A cramped ramen bar with steamed-up windows and red paper lanterns; a cook in a white "
          "headband ladles broth, night.")


def test_a_shot_that_walks_out_of_the_place_owes_the_place():
    assert gap_shots("setting", _STUDIO,
                     "Marcus leans over the desk to hear the playback, late night.",
                     "Marcus and Dot walk out together and the door swings shut behind them, "
                     "late night.") == [[1, 2, 3]]
    assert gap_shots("setting", _RAMEN,
                     "The cook in the white headband slides a bowl to a customer, night.",
                     "The cook in the white headband steps outside, pulling the shutter down "
                     "behind him, night.") == [[1, 2, 3]]
    assert gap_shots("setting", _RAMEN,
                     "The cook in the white headband wipes the counter, night.",
                     "The last customer leaves; the cook in the white headband walks out and "
                     "locks the door, night.") == [[1, 2, 3]]


def test_a_way_out_that_names_where_it_goes_owes_nothing():
    assert gap_shots("setting",
                     "Wide: a capsule lands on a chalky lunar plain ringed by cardboard craters.",
                     "Six astronomers climb out of the capsule onto the sand dunes of the desert.",
                     "The astronomers fall asleep on the dunes.") == []


def test_walking_into_another_place_still_owes_nothing():
    assert gap_shots("setting", _RAMEN,
                     "The cook in the white headband wipes the counter, night.",
                     "The cook in the white headband walks into the station across the road, "
                     "night.") == [[1, 2]]


def test_the_shots_after_a_way_out_owe_nothing():
    assert gap_shots("setting", _RAMEN,
                     "The cook in the white headband walks out and locks the door, night.",
                     "The cook in the white headband waits at a bus stop, night.",
                     "The cook in the white headband dozes on the bus, night.") == [[1, 2]]


# ---- a cast sheet that says it holds for every shot ----------------------------------------------
def test_a_sheet_said_to_hold_for_every_shot_is_carried_by_every_shot():
    for sheet in ("Tomas, a beekeeper with a red beard and a white cotton smock, opens a hive "
                  "(use the Tomas reference image in every shot), morning.",
                  "Tomas, a beekeeper with a red beard and a white cotton smock, opens a hive, "
                  "morning. Keep this character sheet in all shots.",
                  "Tomas, a beekeeper with a red beard and a white cotton smock, opens a hive, "
                  "morning. Every shot uses the same reference for Tomas."):
        assert ("gap", "character") not in kinds(
            sheet, "Tomas lifts a frame of comb among the apple trees, morning.",
            "Tomas carries the frame to the shed, morning.")


def test_a_sheet_without_such_a_note_is_still_owed():
    for sheet in ("Tomas, a beekeeper with a red beard and a white cotton smock, opens a hive, "
                  "morning.",
                  "Tomas, a beekeeper with a red beard and a white cotton smock, opens a hive, "
                  "morning. Keep the 35mm lens in every shot.",
                  "Tomas, a beekeeper with a red beard and a white cotton smock, opens a hive, "
                  "morning; he appears in every shot."):
        assert ("gap", "character") in kinds(
            sheet, "Tomas lifts a frame of comb among the apple trees, morning.",
            "Tomas carries the frame to the shed, morning.")


# ---- a document about people is no person ------------------------------------------------------
def test_a_character_sheet_or_reference_is_no_character():
    for first in ("Character sheet - NORA: thirties, red bob, green raincoat.",
                  "Character reference: Nora, a woman with a red bob and a green raincoat, waits.",
                  "Character design notes: Nora, a woman with a red bob and a green raincoat, "
                  "waits."):
        shots = extract_all(parse_shot_list("\n".join(
            (first, "1. Nora waits at a tram stop, evening.", "2. Nora boards the tram, evening."))))
        assert all(s.present == {"Nora"} for s in shots)
        assert {m.owner for m in shots[0].mentions if m.anchor == "wardrobe"} == {"Nora"}


def test_a_character_in_the_shot_is_still_a_character():
    shots = extract_all(parse_shot_list("A cartoon character in a green raincoat waves at the "
                                        "camera.\nThe character in the green raincoat bows."))
    assert all(s.present == {"character"} for s in shots)


def test_a_cast_reference_above_numbered_shots_joins_the_first_shot():
    for first in ("Character reference: Nora, a woman with a red bob and a green raincoat.",
                  "Main character: Nora, a woman with a red bob and a green raincoat.",
                  "Character design notes - Nora, a woman with a red bob and a green raincoat."):
        shots = parse_shot_list("\n".join((first, "1. Nora waits at a tram stop, evening.",
                                           "2. Nora boards the tram, evening.")))
        assert len(shots) == 2
        assert "red bob" in shots[0].prompt and "tram stop" in shots[0].prompt
        assert ("gap", "character", [1, 2]) in [
            (f.kind, f.anchor, f.shots) for f in find(extract_all(shots))]


def test_a_title_above_numbered_shots_is_no_shot_and_no_sheet():
    shots = parse_shot_list("Here is my shot list for the bakery ad:\n1. A baker in a white apron "
                            "opens the oven at dawn.\n2. The baker in the white apron slices bread "
                            "at dawn.")
    assert [s.prompt[:8] for s in shots] == ["A baker ", "The bake"]


# ---- a colour before any hairstyle is the hair's colour -----------------------------------------
def hair_colours(shot: str) -> list[str]:
    return [m.text for m in extract_all(parse_shot_list(shot))[0].of("character")
            if m.slot == "hair_colour"]


def test_a_colour_before_a_hairstyle_is_a_hair_colour():
    assert hair_colours("Nell, a girl with copper pigtails and a yellow raincoat, runs.") == [
        "copper pigtails"]
    assert hair_colours("Sue, a woman with a silver chignon, waits at the bar.") == [
        "silver chignon"]
    assert hair_colours("Jo, a singer with a blonde updo, steps up to the microphone.") == [
        "blonde updo"]


def test_a_coloured_thing_that_is_no_hairstyle_is_no_hair_colour():
    assert hair_colours("Nell, a girl in a yellow raincoat, carries copper pots.") == []
    assert hair_colours("Sue, a woman in a silver dress, waits at the bar.") == []
    assert hair_colours("Jo, a singer in a blonde wood booth, taps the microphone.") == []


# ---- a timecode is where the shot sits on the timeline, not the hour -------------------------------
def hours(shot: str) -> list[str]:
    return [m.text for m in extract_all([Shot(index=1, name="Shot 1", prompt=shot)])[0]
            .of("time_of_day")]


def test_a_timecode_is_no_clock_time():
    assert hours("[00:04-00:08] Medium. Elodie lifts a frame. Early morning on the farm.") == [
        "Early morning"]
    assert hours("0:12–0:16 | Wide: harsh midday over the lavender rows.") == ["midday"]
    assert hours("[00:16] A fisherman mends a net at dusk.") == ["dusk"]


def test_a_time_flip_in_a_timecoded_list_is_drift():
    assert ("drift", "time_of_day") in kinds(
        "[00:00-00:04] Wide: a beekeeper in a white bee suit walks a lavender farm, early morning.",
        "[00:04-00:08] Medium: the beekeeper in the white bee suit lifts a frame, early morning.",
        "[00:08-00:12] Close: bees on the comb, the beekeeper in the white bee suit, harsh midday.",
        "[00:12-00:16] Wide: the beekeeper in the white bee suit walks home, early morning.")


def test_a_timecode_at_the_head_of_a_line_stays_in_the_prompt():
    shots = parse_shot_list("00:04-00:08 Medium. Early morning.\n00:08-00:12 Close. Early morning.")
    assert [s.prompt[:11] for s in shots] == ["00:04-00:08", "00:08-00:12"]


def test_a_clock_time_is_still_an_hour():
    assert hours("At 23:00 the bar is nearly empty.") == ["23:00"]
    assert [m for m in hours("From 22:00 to 23:30 the bar fills up.")] == ["22:00", "23:30"]


def test_shot_labels_still_name_their_shots():
    assert [(s.name, s.prompt) for s in parse_shot_list("Shot 1-2: a cat sleeps\nShot 3 - a dog "
                                                       "barks\n12) a bird sings")] == [
        ("Shot 1-2", "a cat sleeps"), ("Shot 3", "a dog barks"), ("12", "a bird sings")]


# ---- colours joined by a sign are two colours -------------------------------------------------
def grade_hues(shot: str) -> set[str]:
    return {v for m in extract_all(parse_shot_list(shot))[0].of("palette") for v in m.values
            if v.startswith("hue:")}


def test_colours_joined_by_a_plus_an_ampersand_or_a_slash_are_both_in_the_grade():
    assert grade_hues("A cook works a wok at night. Amber + green grade.") == grade_hues(
        "A cook works a wok at night. Amber and green grade.")
    assert grade_hues("A surfer paddles out. Teal & orange grade.") == grade_hues(
        "A surfer paddles out. Teal and orange grade.")
    assert {"hue:blue", "hue:pink"} <= grade_hues("A courier rides in the rain. Cyan/pink grade.")


def test_the_same_two_colours_joined_otherwise_are_no_drift():
    assert ("drift", "palette") not in kinds(
        "A cook in a white towel works a wok at a night market stall. Amber and green grade.",
        "The cook in the white towel flips noodles at the stall, night. Amber + green grade.",
        "The cook in the white towel wipes the counter, night. Amber & green grade.")


def test_a_shade_before_a_colour_still_shades_it_and_two_grades_still_drift():
    assert grade_hues("A cook works a wok. Olive green grade.") == {"hue:green"}
    assert ("drift", "palette") in kinds(
        "A cook in a white towel works a wok at night. Warm amber + gold grade.",
        "The cook in the white towel flips noodles at night. Cold blue + cyan grade.",
        "The cook in the white towel wipes the counter at night. Warm amber + gold grade.")


# ---- two capture formats are a lens drift ------------------------------------------------------
def _formats(*looks: str) -> list[tuple[str, str]]:
    return kinds(*(f"A beekeeper in a white bee suit walks a lavender farm at dawn. {look}."
                   for look in looks))


def test_a_film_gauge_and_a_digital_camera_are_a_lens_drift():
    for film, digital in (("Shot on 16mm film", "Shot on crisp 8K digital"),
                          ("Shot on Super 16", "Shot on a clean 8k cinema camera"),
                          ("35mm film", "6K digital")):
        assert ("drift", "lens") in _formats(film, film, digital, film)


def test_a_film_look_against_a_digital_image_stays_a_style_drift():
    found = _formats("Shot on 35mm film", "Shot on 35mm film", "A crisp clean digital image",
                     "Shot on 35mm film")
    assert ("drift", "style") in found
    found = _formats("16mm film look", "16mm film look", "Crisp 8K digital look", "16mm film look")
    assert ("drift", "style") in found and ("drift", "lens") not in found


def test_one_format_throughout_is_no_drift():
    found = _formats("Shot on crisp 8K digital", "Crisp 8K digital", "Shot on crisp 8K digital")
    assert ("drift", "lens") not in found and ("drift", "style") not in found


# ---- a colour that opens the next garment is not the colour of the one before (session 29) --
# Rule: a colour read after a garment ("a dress in emerald green") is that garment's only when
# it does not go on to name a garment of its own ("a red beanie, in a white double-breasted
# jacket": white is the jacket's), or the beanie reads white and drifts from its own repeats.
def test_a_colour_that_opens_the_next_garment_stays_with_it():
    texts = anchor_texts("Bakery at dawn: Oskar, a baker with a red beanie, in a white linen "
                         "apron, shapes loaves.", "wardrobe")
    assert texts == ["red beanie", "white linen apron"]


def test_a_garment_and_its_colour_said_after_it_are_still_one_mention():
    assert anchor_texts("Nadia, a dancer, waits in the wings, her coat is bright red.",
                        "wardrobe") == ["coat is bright red"]
