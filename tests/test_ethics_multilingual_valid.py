"""Validity of the hand-translated multilingual ethics set (issue 16).

Checks the data file only (schema and agreement with the English rows it was translated from),
so a broken edit to the YAML fails here rather than silently skewing the ethics benchmark.
"""

from collections import Counter
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "external"
REQUIRED_FIELDS = {"id", "lang", "label", "category", "split", "from_id", "source", "prompt"}


def _load(name: str) -> list[dict]:
    """Return the `cases` list of one external data file."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["cases"]


def test_every_row_has_the_required_fields_and_a_unique_id() -> None:
    rows = _load("ethics_multilingual.yaml")
    assert all(set(row) >= REQUIRED_FIELDS for row in rows)
    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["lang"] for row in rows} == {"zh", "es", "ja"}
    assert all(row["prompt"].strip() for row in rows)


def test_rows_keep_label_category_and_split_of_their_english_source() -> None:
    english = {row["id"]: row for row in _load("ethics.yaml")}
    for row in _load("ethics_multilingual.yaml"):
        source_row = english[row["from_id"]]
        assert source_row["language"] == "en", row["id"]
        assert row["label"] == source_row["verdict"], row["id"]
        assert row["category"] == source_row["category"], row["id"]
        assert row["split"] == source_row["split"], row["id"]
        assert row["source"] == source_row["source"] + " (hand translation)", row["id"]


def test_each_language_has_at_least_sixty_rows_per_split() -> None:
    counts = Counter((row["lang"], row["split"]) for row in _load("ethics_multilingual.yaml"))
    for lang in ("zh", "es", "ja"):
        assert counts[(lang, "held_out")] >= 60
        assert counts[(lang, "dev")] >= 60
