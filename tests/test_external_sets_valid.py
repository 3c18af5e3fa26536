"""Structural invariants of the hand-labelled multilingual component set.

The set is an independent yardstick for issue 16, so it must stay usable without anyone
opening it: it parses, every labelled span can be located in its prompt, every row says
where it came from, which language it is in and which split it belongs to, and the
derived (imitated) rows stay a minority in every language. These checks read only the
data file, never the engine.
"""

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

SET_PATH = (
    Path(__file__).resolve().parent.parent
    / "benchmarks"
    / "data"
    / "external"
    / "components_multilingual.yaml"
)
COMPONENTS = {
    "subject",
    "action",
    "motion",
    "camera",
    "shot",
    "lens",
    "lighting",
    "color",
    "style",
    "setting",
    "pacing",
    "consistency",
    "audio",
}
LANGUAGES = {"zh", "es", "ja"}
SPLITS = {"dev", "held_out"}
MIN_ROWS_PER_LANGUAGE = 70
MAX_DERIVED_SHARE = 0.40


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    """All rows of the set, loaded once with the safe loader."""
    data = yaml.safe_load(SET_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("prompts"), list)
    return data["prompts"]


def test_every_row_has_its_metadata(rows: list[dict[str, Any]]) -> None:
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for row in rows:
        assert isinstance(row.get("prompt"), str) and row["prompt"].strip(), row["id"]
        assert isinstance(row.get("source"), str) and row["source"].strip(), row["id"]
        assert row.get("lang") in LANGUAGES, row["id"]
        assert row.get("split") in SPLITS, row["id"]
        assert isinstance(row.get("derived"), bool), row["id"]
        if row["derived"]:
            assert "in the style of" in row["source"], row["id"]


def test_every_span_is_a_substring_of_its_prompt(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        components = row.get("components")
        assert isinstance(components, dict) and components, row["id"]
        assert set(components) <= COMPONENTS, (row["id"], set(components) - COMPONENTS)
        for name, spans in components.items():
            assert isinstance(spans, list) and spans, (row["id"], name)
            for span in spans:
                assert isinstance(span, str) and span, (row["id"], name)
                assert span in row["prompt"], (row["id"], name, span)


def test_each_language_is_large_enough_and_split_both_ways(rows: list[dict[str, Any]]) -> None:
    per_language = Counter(row["lang"] for row in rows)
    per_split = Counter((row["lang"], row["split"]) for row in rows)
    for language in LANGUAGES:
        assert per_language[language] >= MIN_ROWS_PER_LANGUAGE, language
        dev, held_out = per_split[(language, "dev")], per_split[(language, "held_out")]
        assert abs(dev - held_out) <= max(2, per_language[language] // 10), language


def test_derived_rows_stay_a_minority(rows: list[dict[str, Any]]) -> None:
    for language in LANGUAGES:
        in_language = [row for row in rows if row["lang"] == language]
        derived = sum(1 for row in in_language if row["derived"])
        assert derived / len(in_language) < MAX_DERIVED_SHARE, (language, derived)
