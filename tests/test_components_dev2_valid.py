"""Structural invariants of the second component tuning sets (English and multilingual).

They are tuning data written by a helper who had not read the engine: every row must parse,
be split dev, say where it came from, and have labels that can be found in its prompt; their
ids must not collide with the first sets'. These checks read only the data files.
"""

from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "external"
COMPONENTS = {"subject", "action", "motion", "camera", "shot", "lens", "lighting", "color",
              "style", "setting", "pacing", "consistency", "audio"}


def _rows(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("prompts"), list), name
    rows: list[dict[str, Any]] = data["prompts"]
    return rows


@pytest.mark.parametrize(("name", "first", "at_least"), [
    ("components_dev2.yaml", "components.yaml", 150),
    ("components_multilingual_dev2.yaml", "components_multilingual.yaml", 75),
    ("components_dev3.yaml", "components_dev2.yaml", 150),
    ("components_dev4.yaml", "components_dev3.yaml", 120),
    ("components_multilingual_dev4.yaml", "components_multilingual_dev3.yaml", 90),
    ("components_dev5.yaml", "components_dev4.yaml", 110),
])
def test_second_set_is_dev_only_sourced_and_locatable(name: str, first: str,
                                                      at_least: int) -> None:
    rows = _rows(name)
    assert len(rows) >= at_least, name
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    assert not set(ids) & {row["id"] for row in _rows(first)}, f"{name}: ids shared with {first}"
    for row in rows:
        assert row.get("split") == "dev", row["id"]
        assert str(row.get("source", "")).strip(), row["id"]
        prompt = row["prompt"].lower()
        for component, labels in (row.get("components") or {}).items():
            assert component in COMPONENTS, (row["id"], component)
            for label in [labels] if isinstance(labels, str) else labels or []:
                assert label.lower().strip() in prompt, (row["id"], component, label)


def test_multilingual_second_set_covers_each_language() -> None:
    langs = [row.get("lang") for row in _rows("components_multilingual_dev2.yaml")]
    for lang in ("zh", "es", "ja"):
        assert langs.count(lang) >= 25, lang
