"""Sequences (issue 22, session 20): an hour or a light said with "now" is a stated change.

Rule: a shot that names the hour followed by "now" ("evening now", "dawn now"), or the light
with "now" before its verb ("the window light now comes from the right"), says the time or
the light has moved on on purpose, so the change from the shots before is not drift. Without
"now", or with "now" said of something else, the change is unexplained and drifts. The lists
are this test's own wording, not any set's rows."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def drift_anchors(*shots: str) -> set[str]:
    return {f.anchor for f in find(extract_all(parse_shot_list("\n".join(shots))))
            if f.kind == "drift"}


STATED = [
    (["Kenji, a student in a grey hoodie, studies at a desk by the window, afternoon sun.",
      "Kenji, grey hoodie, chews his pen at the desk, afternoon sun.",
      "Evening now: Kenji, grey hoodie, closes his books at the desk."],
     "time_of_day"),
    (["1. A night guard, Osei, in a black bomber jacket, patrols a car park at night.",
      "2. Osei, black bomber jacket, rattles a locked door of the car park at night.",
      "3. Osei, black bomber jacket, hands his keys to the day guard, morning now."],
     "time_of_day"),
    (["Medium: Sara at her easel in a paint-spattered smock, window light from the left.",
      "Sara, paint-spattered smock, steps back from the canvas, window light from the left.",
      "Sara, paint-spattered smock, carries the easel across the studio; the window light "
      "now comes from the right."],
     "light_direction"),
    (["Gus, a barber in a white smock, trims a beard by the shop window, daylight from camera left.",
      "Gus, white smock, lathers a customer's neck, daylight from camera left.",
      "Gus, white smock, turns the chair toward the door, and the daylight now strikes from "
      "camera right."],
     "light_direction"),
]

UNSTATED = [
    (["Kenji, a student in a grey hoodie, studies at a desk by the window, afternoon sun.",
      "Kenji, grey hoodie, chews his pen at the desk, afternoon sun.",
      "Kenji, grey hoodie, closes his books at the desk in the evening."],
     "time_of_day"),
    (["1. A night guard, Osei, in a black bomber jacket, patrols a car park at night.",
      "2. Osei, black bomber jacket, rattles a locked door of the car park at night.",
      "3. Osei, black bomber jacket, hands his keys to the day guard in the morning."],
     "time_of_day"),
    (["Medium: Sara at her easel in a paint-spattered smock, window light from the left.",
      "Sara, paint-spattered smock, steps back from the canvas, window light from the left.",
      "Sara, paint-spattered smock, now carries the easel across the studio, window light "
      "from the right."],
     "light_direction"),
    (["Gus, a barber in a white smock, trims a beard by the shop window, daylight from camera left.",
      "Gus, white smock, lathers a customer's neck, daylight from camera left.",
      "Gus, white smock, now turns the chair toward the door, daylight from camera right."],
     "light_direction"),
]


@pytest.mark.parametrize("shots, anchor", STATED)
def test_an_hour_or_light_said_with_now_is_a_stated_change(shots, anchor):
    assert anchor not in drift_anchors(*shots)


@pytest.mark.parametrize("shots, anchor", UNSTATED)
def test_the_same_change_without_now_still_drifts(shots, anchor):
    assert anchor in drift_anchors(*shots)


# ---- a light word that turns on or around something moves, it does not change ------------------
TURNS_ROUND = [
    ["Close: a glassblower's molten bulb glows orange, furnace light from frame right.",
     "The glowing bulb turns on the pipe as he blows, furnace light from frame right.",
     "The glowing bulb turns on the pipe once more, furnace light from frame left."],
    ["A lighthouse at night, the beam sweeping, moonlight from camera left.",
     "The great lamp turns around its axis, moonlight from camera left.",
     "The lamp turns around its axis again, moonlight from camera right."],
    ["A dancer holds a lantern in a dark barn, lantern glow from the left.",
     "The lantern turns toward the hayloft as she spins, lantern glow from the left.",
     "The lantern turns toward the door, lantern glow from the right."],
]

LIGHT_CHANGES = [
    ["A bakery at dawn, window light from the left; Rosa kneads dough.",
     "Rosa shapes loaves, window light from the left.",
     "The overhead lamp turns on; Rosa slides loaves into the oven, light from the right."],
    ["A lighthouse at night, the beam sweeping, moonlight from camera left.",
     "The keeper climbs the stairs, moonlight from camera left.",
     "The sky turns amber with dawn; the keeper looks out, light from camera right."],
    ["A dancer holds a lantern in a dark barn, lantern glow from the left.",
     "She spins with the lantern, lantern glow from the left.",
     "The lantern flickers out and the barn door opens: daylight from the right."],
]


@pytest.mark.parametrize("shots", TURNS_ROUND)
def test_a_light_word_turning_on_or_around_a_thing_is_no_reason(shots):
    assert "light_direction" in drift_anchors(*shots)


@pytest.mark.parametrize("shots", LIGHT_CHANGES)
def test_a_light_that_turns_on_or_changes_is_a_reason(shots):
    assert "light_direction" not in drift_anchors(*shots)


# ---- a shot set in a mind (a dream, something imagined) is a stated change (session 29) ----
# Rule: a shot said to be in a dream, a nightmare or something imagined ("Dream sequence:",
# "in his dream", "she imagines") is outside the waking moment, as a flashback is: its hour and
# what the dreamer wears may differ, and the waking shots after it are compared with the waking
# shots before. "Her dream house" or "night vision" frames no dream.
_STUDIO = ("Wide: Mei, a potter with a grey braid and a rust-red apron, throws a bowl in a sunlit "
           "studio at noon, warm golden grade, 35mm.")
_TRIMS = ("Close-up: Mei, grey braid, rust-red apron, trims the bowl's foot in the studio at noon, "
          "warm golden grade, 35mm.")


@pytest.mark.parametrize("frame", ["Dream sequence: Mei", "In her dream, Mei", "Mei, dreaming,"])
def test_a_shot_in_a_dream_may_change_the_hour_and_the_clothes(frame):
    dream = (f"{frame} grey braid, in a flowing white gown, floats above a field of bowls at "
             "night, warm golden grade, 35mm.")
    assert drift_anchors(_STUDIO, dream, _TRIMS) == set()


def test_a_dream_named_as_a_thing_is_no_frame():
    shot = ("Mei, grey braid, in a flowing white gown, shows her dream house to a friend at "
            "night, warm golden grade, 35mm.")
    assert {"character", "time_of_day"} <= drift_anchors(_STUDIO, shot, _TRIMS)
