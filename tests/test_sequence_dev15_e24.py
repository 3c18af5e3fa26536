"""Sequences (issue 22, session 24): general readings found missing on dev15's tuning half.

Rules: (1) a capital word with an age set off after it ("Tomas, nineteen, lanky, ...") is a
character introduced by name, even where it opens a sentence and the list uses it once, so the
clothes described after it are his, not the lead's; (2) a hue in the plural after a capital
("Deep blacks, silvery highlights") is a grade's colours, not a name and its verb; (3) the
side of the light given once before the text says the light changes is owed by the shots up to
that change, however often the new light is said after it; (4) the weather is part of the
setting: fog, rain or an overcast sky against a clear sky over one place at one hour, with no
change stated between, is a setting drift. The lists are this test's own wording, not any
set's rows."""

from __future__ import annotations

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find
from bot.core.sequence.results import Finding
from bot.core.sequence.weather import sky_of


def findings(*shots: str) -> list[Finding]:
    return find(extract_all(parse_shot_list("\n".join(shots))))


def kinds(*shots: str) -> set[tuple[str, str]]:
    return {(f.kind, f.anchor) for f in findings(*shots)}


def test_a_name_with_an_age_after_it_is_a_new_character_not_the_lead():
    found = findings(
        "INT. BAKERY - DAWN. Ilse, sixties, silver bob, green cardigan, kneads dough. "
        "Warm tungsten grade.",
        "INT. BAKERY - DAWN. Ilse in the green cardigan, silver bob, shapes loaves. "
        "Warm tungsten grade.",
        "INT. BAKERY - DAWN, MOMENTS LATER. Tomas, nineteen, lanky, denim apron over a "
        "hoodie, bursts in and grins at Ilse's silver bob. Warm tungsten grade.")
    assert not [f for f in found if f.kind == "drift" and f.anchor in ("character", "wardrobe")]


def test_a_plural_hue_after_a_capital_is_no_name():
    found = findings(
        "Shot 1: a cellar bar, Nora, a singer with a red bob, at the mic. Deep blacks, "
        "silvery highlights. 35mm.",
        "Shot 2: close on Nora, red bob, eyes shut. Deep blacks, silvery highlights. 35mm.",
        "Shot 3: the bar from the back, Nora small on the stage. Deep blacks, silvery "
        "highlights. 35mm.")
    assert not any(f.subject == "Deep" for f in found)


def test_light_side_given_once_before_a_stated_change_is_owed_up_to_it():
    shots = (
        "Late afternoon on a farm porch: Aldo, seventies, white moustache, shells peas. "
        "Low sun raking in from the right. Amber grade. 50mm.",
        "Close on Aldo's hands and the peas, late afternoon. Amber grade. 50mm.",
        "Medium: Aldo (white moustache) sets the bowl down, late afternoon. Amber grade. 50mm.",
        "As night falls the sun sinks behind the barn and the porch lamp switches on. Wide: "
        "Aldo in the lamplight from above. Amber grade. 50mm.",
        "Close on Aldo laughing, the porch lamp above him. Night. Amber grade. 50mm.")
    gaps = [f.shots for f in findings(*shots) if f.kind == "gap" and f.anchor == "light_direction"]
    assert gaps == [[1, 2, 3]]


def test_light_side_said_again_before_the_change_is_no_gap():
    shots = (
        "Late afternoon on a farm porch: Aldo, seventies, white moustache, shells peas. "
        "Sun from the right. Amber grade. 50mm.",
        "Close on Aldo's hands, late afternoon, sun from the right. Amber grade. 50mm.",
        "As night falls the porch lamp switches on. Aldo in the lamplight from above. "
        "Amber grade. 50mm.")
    assert ("gap", "light_direction") not in kinds(*shots)


def test_fog_then_a_clear_sky_then_fog_at_one_place_and_hour_is_a_setting_drift():
    found = findings(
        "A lighthouse on a headland, thick fog over the rocks, noon. Brann, forties, red "
        "beard, yellow oilskin, climbs the steps. Cool grey grade. 24mm.",
        "Brann (red beard, yellow oilskin) at the lighthouse door, thick fog, noon. Cool grey "
        "grade. 24mm.",
        "Brann in the yellow oilskin looks out from the lighthouse gallery under a clear blue "
        "sky, noon. Cool grey grade. 24mm.",
        "Brann (red beard) at the lighthouse door again in thick fog, goes inside. Noon. Cool "
        "grey grade. 24mm.")
    drifts = [f for f in found if f.kind == "drift" and f.anchor == "setting"]
    assert [f.shots for f in drifts] == [[1, 2, 3, 4]]
    assert {w.text for w in drifts[0].words} == {"thick fog", "clear blue sky"}


def test_a_stated_change_of_weather_is_no_drift():
    assert ("drift", "setting") not in kinds(
        "A lighthouse on a headland under a clear blue sky, noon. Brann, forties, red beard, "
        "climbs the steps. 24mm.",
        "Brann at the lighthouse door as sea fog rolls in over the rocks, noon. 24mm.",
        "Brann at the lighthouse gallery in thick fog, noon. 24mm.")
    assert ("drift", "setting") not in kinds(
        "A lighthouse on a headland in thick fog, noon. Brann, forties, red beard, climbs the "
        "steps. 24mm.",
        "Brann at the lighthouse door as the fog lifts, noon. 24mm.",
        "Brann at the lighthouse gallery under a clear blue sky, noon. 24mm.")


def test_another_hour_or_a_rain_jacket_is_no_weather_drift():
    assert ("drift", "setting") not in kinds(
        "A harbour at dawn in thick fog, Brann, red beard, hauls a net. 24mm.",
        "The harbour at noon under a clear blue sky, Brann, red beard, mends the net. 24mm.")
    assert sky_of("Brann in a rain jacket on rain-slick cobbles").states == frozenset()
    assert sky_of("the rain has stopped").changing
    assert sky_of("sea fog rolling in").states == frozenset({"fog"})


def test_weather_words_of_things_are_no_sky():
    for text in ("a fine mist of perfume over the bottle", "a fog machine hisses",
                 "misty blue grade", "fog lights on the truck", "a cloudy glass of lemonade"):
        assert sky_of(text).states == frozenset(), text
    assert sky_of("a misty morning on the moor").states == frozenset({"fog"})


def test_learned_reader_does_not_count_the_new_light_as_the_old_said_again():
    from bot.core.sequence.gap_reader import candidates

    shots = extract_all(parse_shot_list("\n".join((
        "Late afternoon on a farm porch: Aldo, seventies, white moustache, shells peas. "
        "Low sun raking in from the right. Amber grade. 50mm.",
        "Close on Aldo's hands and the peas, late afternoon. Amber grade. 50mm.",
        "Medium: Aldo (white moustache) sets the bowl down, late afternoon. Amber grade. 50mm.",
        "As night falls the sun sinks behind the barn and the porch lamp switches on. Wide: "
        "Aldo in the lamplight from above. Amber grade. 50mm.",
        "Close on Aldo laughing, lamplight from above. Night. Amber grade. 50mm."))))
    first = [c for c in candidates(shots)
             if c.finding.anchor == "light_direction" and c.finding.shots[:1] == [1]]
    assert first and first[0].finding.shots == [1, 2, 3]
    assert first[0].features["stated_elsewhere"] == 0.0
