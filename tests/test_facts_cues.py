"""The facts a prompt states, read from the ways people write them (issue 24), and rewrites that
never contradict them. Examples written here, not taken from the labelled sets."""

from __future__ import annotations

import pytest

from bot.core.critique.facts import IN, OUT, clashes, contradictions, facts_of
from bot.core.critique.pipeline import critique

NIGHT_OR_EVENING = frozenset({"dusk", "night"})


@pytest.mark.parametrize("prompt", [
    "two friends cycle home after dark",
    "a busker plays under the flickering streetlights",
    "a lantern-lit courtyard with a koi pond",
    "an old sailor mends a net by lamplight",
    "a candlelit dinner in a quiet bistro",
    "a narrow alley glowing in the light of neon signs",
    "fireworks bloom over the bay",
])
def test_night_is_read_from_its_light_and_its_hour(prompt):
    got = facts_of(prompt).get("time_of_day")
    assert got is not None and got <= NIGHT_OR_EVENING, got


@pytest.mark.parametrize("prompt, want", [
    ("first light over a fishing village", {"dawn", "morning"}),
    ("the sun sets behind a row of palm trees", {"dusk"}),
    ("a picnic on a sunny day", {"dawn", "morning", "midday", "afternoon", "dusk"}),
    ("office workers on their lunch break", {"midday", "afternoon"}),
])
def test_daytime_is_read_from_the_sun_and_the_day(prompt, want):
    assert facts_of(prompt).get("time_of_day") == frozenset(want)


@pytest.mark.parametrize("prompt", [
    "one day a boy finds a key", "a timelapse of day and night over the harbour",
    "present day: an old sailor in a pub", "these days the village is quiet",
    "a woman daydreams at her desk", "a runner, lightning fast, crosses the line",
])
def test_words_that_only_look_like_a_time_or_a_storm_state_nothing(prompt):
    facts = facts_of(prompt)
    assert not facts.stated("time_of_day") and not facts.stated("weather")


@pytest.mark.parametrize("prompt, side", [
    ("a grandmother kneads dough in her kitchen", IN),
    ("a choir sings in the old church", IN),
    ("a sparrow hops off the ground", OUT),
    ("a jogger heads down the boulevard", OUT),
    ("a heron stands in the bog", OUT),
])
def test_place_nouns_put_the_scene_indoors_or_outdoors(prompt, side):
    assert facts_of(prompt).get("place") == frozenset({side})


def test_a_building_is_indoors_only_when_the_subject_is_in_it():
    from bot.core.critique.place_words import BUILDINGS

    building = sorted(BUILDINGS)[0]
    assert facts_of(f"a cat sleeps inside the {building}").get("place") == frozenset({IN})
    assert facts_of(f"a cat sleeps beside the {building}").get("place") is None
    assert facts_of("a boy waits outside the church").get("place") == frozenset({OUT})


@pytest.mark.parametrize("prompt, season", [
    ("children sledding on a hill", "winter"), ("a snowman in a front yard", "winter"),
    ("leaves drifting across a park path", "autumn"), ("ducks in the fall", "autumn"),
])
def test_season_from_what_only_happens_then(prompt, season):
    assert facts_of(prompt).get("season") == frozenset({season})


def test_fog_and_storm_rule_out_a_clear_sky():
    foggy = "a foggy harbour at dawn"
    assert "fog" in (facts_of(foggy).get("weather") or set())
    assert clashes(foggy, "under a clear blue sky")
    assert not clashes(foggy, "soft grey overcast light")
    assert clashes("a ship in a stormy sea", "cloudless sky")
    assert contradictions("a lighthouse in thick mist", "a lighthouse in thick mist, "
                          "under clear skies")


def test_a_night_lit_prompt_gets_no_daylight(kb):
    for prompt in ("a street musician under the streetlights", "a candlelit dinner for two",
                   "kids sledding down a snowy street", "a foggy harbour with fishing boats"):
        for strength in ("light", "standard", "full"):
            c = critique(prompt, kb, strength=strength)
            assert not contradictions(prompt, c.rewrite), (prompt, strength, c.rewrite)
