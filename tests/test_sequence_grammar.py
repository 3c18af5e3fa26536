"""Sequences (issue 22): anchors read by grammar and definitions rather than by the wording
of one set of lists: colour compounds, wardrobe owners, light sides, time families, stated
reasons as clauses, described items of a character, attributes of a noun."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.colour import hues_of_word
from bot.core.sequence.compare import find
from bot.core.sequence.reasons import clause_reasons
from bot.core.sequence.timeofday import clock_and_idioms


def findings(*shots: str) -> list[tuple[str, str, list[int]]]:
    return [(f.kind, f.anchor, f.shots) for f in find(extract_all(parse_shot_list(
        "\n".join(shots))))]


def kinds(*shots: str) -> list[tuple[str, str]]:
    return [(k, a) for k, a, _ in findings(*shots)]


# ---- colour words -------------------------------------------------------------------------------
@pytest.mark.parametrize("word, hues", [
    ("blood-red", {"red"}), ("reddish", {"red"}), ("emerald-green", {"green"}),
    ("rust-coloured", {"orange", "red", "brown"}), ("bluish-grey", {"blue", "grey"}),
    ("navy", {"blue"}), ("leather", set()), ("teal", {"blue", "green"}),
])
def test_colour_compounds_are_read_by_their_parts(word, hues):
    assert hues_of_word(word) == hues


def test_two_colour_families_drift_and_a_between_colour_does_not():
    assert kinds("Lena, a dancer in a blood-red dress, steps onto the stage.",
                 "Lena, in an emerald-green dress, spins under the spotlight.") == [
        ("drift", "character")]
    assert kinds("Jo, a runner in red running shorts, warms up.",
                 "Jo, in orange running shorts, sprints.") == [("drift", "character")]
    assert kinds("Priya, a courier in a reddish-brown jacket, locks her bike.",
                 "Priya, in her rust-red jacket, checks her phone.") == []


def test_a_colour_said_after_the_garment_is_its_colour():
    assert kinds("Wide: Marco waits with Julia; Julia's coat is bright red.",
                 "Close-up: Julia's blue coat brushes past the camera.") == [
        ("drift", "character")]


# ---- who wears what -----------------------------------------------------------------------------
def test_pronouns_give_each_garment_to_its_wearer():
    two = "Wide: Ana and Leo walk along the pier; she wears a yellow raincoat and he wears a grey hoodie."
    assert kinds(two, "Medium: Ana laughs, in her yellow raincoat, while Leo, in a green hoodie, "
                      "points at a gull.") == [("drift", "character")]
    assert kinds(two, "Medium: Leo, in his grey hoodie, points at a gull while Ana, in her "
                      "yellow raincoat, laughs.") == []


def test_a_garments_wearer_is_a_person_even_when_the_noun_is_new():
    assert findings("A baker in a flour-dusted navy apron shapes loaves, pre-dawn.",
                    "The baker scores the loaves, pre-dawn.",
                    "The baker slides the loaves into the oven, pre-dawn.") == [
        ("gap", "character", [1, 2, 3])]


def test_possessed_things_with_a_colour_are_the_characters():
    assert kinds("Wide: a woman in a yellow sundress walks through the vineyard at noon.",
                 "Medium: she tastes a grape, her pale blue sundress catching the breeze, "
                 "at noon.") == [("drift", "character")]


# ---- character sheets ---------------------------------------------------------------------------
def test_a_sheet_cut_down_after_the_first_shot_is_a_gap_of_the_dropped_items():
    assert findings(
        "Malik, mid-30s, scar through left eyebrow, faded red hoodie, runs the stadium steps.",
        "Malik, scar through left eyebrow, shadowboxes at the top of the steps.",
        "Malik, scar through left eyebrow, skips rope on the stadium floor.") == [
        ("gap", "character", [1, 2, 3])]


def test_one_finding_per_character_and_vague_words_are_no_sheet():
    assert kinds("Medium: Odile, a violinist with auburn curls pinned up, tunes her violin.",
                 "Close-up: Odile, jet-black hair pinned up, plays.") == [("drift", "character")]
    assert kinds("Freder, a young man in a white silk shirt, runs.",
                 "Freder, white silk shirt, grips the levers.",
                 "Freder in the white silk shirt collapses.") == []


# ---- light, time, palette -----------------------------------------------------------------------
@pytest.mark.parametrize("first, second", [
    ("sunlight spilling in from the right-hand window", "her face lit from the left-hand side"),
    ("low sun from the east raking the grass", "the sun low in the west behind him"),
    ("hard key light camera left", "hard key camera right"),
])
def test_light_sides_in_their_many_phrasings(first, second):
    assert ("drift", "light_direction") in kinds(f"Wide: a shepherd on the ridge, {first}.",
                                                 f"Medium: the shepherd at the gate, {second}.")


def test_a_direction_of_movement_is_not_a_light_side():
    assert kinds("Wide: a cyclist rides to the left along the canal, soft overcast light.",
                 "Medium: the cyclist turns right onto the bridge, soft overcast light.") == []


def test_clock_times_and_idioms_belong_to_a_family_of_the_day():
    families = [t.families for t in clock_and_idioms(
        "at 3 a.m., at 6:40 am, 23:10, in the small hours, at lunchtime, seven in the evening")]
    assert families == [frozenset({"night"}), frozenset({"dawn", "morning"}),
                        frozenset({"night"}), frozenset({"dusk"}), frozenset({"night"}),
                        frozenset({"midday"})]
    assert kinds("Wide: a bus pulls into the depot at 3 a.m.",
                 "Medium: the driver steps out of the bus, mid-afternoon sun.") == [
        ("drift", "time_of_day")]


@pytest.mark.parametrize("clause, kind", [
    ("the generator dies and only red emergency bulbs light the room", "light"),
    ("the clouds close over the clearing", "light"),
    ("by the time the fire is lit, the sun has slipped below the hills", "light"),
    ("night falls over the city", "time"),
    ("the carriage is now lit only by fluorescent tubes", "light"),
    ("Sam has swapped the suit for a tracksuit", "clothes"),
    ("years pass", "clothes"),
])
def test_a_reason_is_read_as_a_clause(clause, kind):
    assert kind in clause_reasons(clause)


@pytest.mark.parametrize("clause", [
    "warm light falls from the left", "soft light passes through the curtains",
    "the neon sign flickers above the door", "the lamp sits on the desk",
])
def test_a_description_of_light_is_not_a_reason(clause):
    assert clause_reasons(clause) == {}


def test_a_clause_reason_excuses_the_change_it_names():
    assert kinds("Wide: a clearing in the forest, warm sunlight from the left, amber grade.",
                 "Medium: the clouds close over the clearing and the grade goes cold and blue, "
                 "flat light from the right.") == []


def test_colours_of_a_thing_are_not_the_grade_and_a_grade_keeps_its_colours():
    assert ("gap", "palette") not in kinds(
        "A diner with a black-and-white checkered floor, live action.",
        "The diner counter, live action.")
    assert kinds("Wide: a desert highway, bleached sun-baked grade, warm ochre.",
                 "Medium: the truck stops on the desert highway, icy blue grade.") == [
        ("drift", "palette")]
    assert kinds("Wide: a motorbike crosses a bridge, magenta-and-cyan neon palette.",
                 "Medium: the rider on the bridge, warm sepia palette.") == [
        ("drift", "palette")]


def test_style_words_on_a_thing_are_attributes():
    assert ("gap", "style") not in kinds(
        "A taco cart with a hand-painted yellow awning on a street corner.",
        "The taquero slaps tortillas on the cart.", "A customer bites a taco at the cart.")


@pytest.mark.parametrize("text, values", [
    ("graded in cold blues and greys", {"cool", "hue:blue", "hue:grey"}),
    ("Night, a street, green and red neon.", {"hue:green", "hue:red", "split", "vivid"}),
    ("pastel pinks and baby blues", {"cool", "hue:blue", "hue:pink", "muted"}),
])
def test_palettes_in_other_words(text, values):
    from bot.core.sequence.palette import palettes

    assert [set(m.values) for m in palettes(text, text.lower())] == [values]


def test_lens_sets_named_by_brand_have_a_family():
    assert kinds("Wide: a harbour at dawn, Cooke S4 primes.",
                 "Medium: the harbour at dawn, Kowa anamorphic lenses.") == [("drift", "lens")]


@pytest.mark.parametrize("text, tag", [
    ("in the style of a 1970s Polaroid, a boy on a bike", "in the style of a 1970s Polaroid"),
    ("rendered like a vintage travel poster, at dusk", "rendered like a vintage travel poster"),
    ("Moebius-inspired line art, a desert", "Moebius-inspired line art"),
])
def test_styles_said_by_their_grammar(text, tag):
    from bot.core.sequence.look import styles

    assert [m.text for m in styles(text)] == [tag]


def test_a_tag_of_two_families_drifts_against_a_style_most_of_them_clash_with():
    assert ("drift", "style") in kinds(
        "A robot waters a rooftop garden, Studio Ghibli-inspired hand-drawn animation.",
        "The robot lifts a watering can, photorealistic CGI.")
