"""Sequences (issue 22, session 20): changes that come with a new place or a new hour heading.

Rules: (1) light falls from a place's own sources, so a shot set only in places no earlier shot
named may light its subject from another side (the highway, then the gas station): no
light-direction drift; the same side change in a place already named, or with no place said,
still drifts. (2) A shot headed by its hour as a label ("Dusk: ...", "3. NIGHT - ...") sets its
hour as a slug line does, so an hour later the same day is the clock run on between scenes,
not drift; the hour said inside the action, or running backwards, still drifts. The lists are
this test's own wording, not any set's rows."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def drift_anchors(*shots: str) -> set[str]:
    return {f.anchor for f in find(extract_all(parse_shot_list("\n".join(shots))))
            if f.kind == "drift"}


@pytest.mark.parametrize("shots", [
    ["Night, a rainy highway: Jules, in a leather jacket, drives, dashboard glow from below.",
     "Jules, leather jacket, glances at the mirror, dashboard glow from below.",
     "Jules, leather jacket, fills the tank at a gas station, harsh light overhead."],
    ["Karim, in a white shirt, crosses a market square, low sun from the left.",
     "Karim, white shirt, haggles at a spice stall, low sun from the left.",
     "Karim, white shirt, kneels in a small church, light from the right."],
    ["1. Ola, red beanie, skates through a parking garage, light from the left.",
     "2. Ola, red beanie, ollies a kerb in the garage, light from the left.",
     "3. Ola, red beanie, sits on a rooftop, light from the right."],
])
def test_a_new_place_may_light_from_another_side(shots):
    assert "light_direction" not in drift_anchors(*shots)


@pytest.mark.parametrize("shots", [
    ["Karim, in a white shirt, crosses a market square, low sun from the left.",
     "Karim, white shirt, haggles at a spice stall, low sun from the left.",
     "Karim, white shirt, counts coins in the market square, low sun from the right."],
    ["1. Ola, red beanie, skates through a parking garage, light from the left.",
     "2. Ola, red beanie, ollies a kerb in the garage, light from the left.",
     "3. Ola, red beanie, sits on a bench in the garage, light from the right."],
    ["1. Ola, red beanie, skates through a parking garage, light from the left.",
     "2. Ola, red beanie, ollies a kerb in the garage, light from the left.",
     "3. Ola, red beanie, laughs and wipes her nose, light from the right."],
])
def test_the_same_place_or_no_place_still_drifts(shots):
    assert "light_direction" in drift_anchors(*shots)


@pytest.mark.parametrize("shots", [
    ["Montage. Dawn: Ray, a farmer in denim overalls, milks a cow in the barn.",
     "Midday: Ray, denim overalls, mends a fence in the paddock.",
     "Dusk: Ray, denim overalls, sits on the porch with a beer."],
    ["1. MORNING - Hana, a potter in a clay-streaked apron, wedges clay at her wheel.",
     "2. AFTERNOON - Hana, clay-streaked apron, trims a bowl at the wheel.",
     "3. NIGHT - Hana, clay-streaked apron, loads the kiln by lamplight."],
    ["Shot 1: Sunrise. Pia, a lifeguard in a red swimsuit, unlocks the tower on the beach.",
     "Shot 2: Noon. Pia, red swimsuit, scans the crowded beach from the tower.",
     "Shot 3: Sunset. Pia, red swimsuit, folds the flag on the beach."],
])
def test_an_hour_heading_later_the_same_day_is_no_drift(shots):
    assert "time_of_day" not in drift_anchors(*shots)


@pytest.mark.parametrize("shots", [
    ["Montage. Dusk: Ray, a farmer in denim overalls, sits on the porch with a beer.",
     "Midday: Ray, denim overalls, mends a fence in the paddock.",
     "Dusk: Ray, denim overalls, sits on the porch again."],
    ["1. Hana, a potter in a clay-streaked apron, wedges clay at her wheel in the morning.",
     "2. Hana, clay-streaked apron, trims a bowl at the wheel in the afternoon.",
     "3. Hana, clay-streaked apron, loads the kiln at night."],
    ["Shot 1: Pia, a lifeguard in a red swimsuit, unlocks the tower on the beach at sunrise.",
     "Shot 2: Pia, red swimsuit, scans the crowded beach from the tower under the noon sun.",
     "Shot 3: Pia, red swimsuit, folds the flag on the beach at sunset."],
])
def test_an_hour_said_in_the_action_or_running_back_still_drifts(shots):
    assert "time_of_day" in drift_anchors(*shots)
