"""benchmarks/rewrite_quality.py: a rewrite contradicts the labelled facts only with words it
added, never with the author's own words carried over."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from rewrite_quality import contradicts_labels  # noqa: E402

CHURCH = {"short": "A historic church on the Amalfi Coast", "short_facts": {"place": "outdoors"}}


def test_the_authors_own_place_word_is_not_a_contradiction() -> None:
    rewrite = "A historic church on the Amalfi Coast, whitewashed walls in soft morning light."
    assert contradicts_labels(CHURCH, rewrite) == []


def test_an_added_indoor_place_contradicts_an_outdoor_prompt() -> None:
    rewrite = "A historic church on the Amalfi Coast, seen from inside a dim living room."
    assert contradicts_labels(CHURCH, rewrite)


def test_an_added_time_of_day_contradicts_the_labelled_one() -> None:
    row = {"short": "A fox crossing a road at night", "short_facts": {"time_of_day": "night"}}
    assert contradicts_labels(row, "A fox crossing a road at night under harsh noon sun.")
    assert contradicts_labels(row, "A fox crossing a road at night, headlights on wet asphalt.") == []
