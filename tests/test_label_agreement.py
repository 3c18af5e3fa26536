"""The label-agreement benchmark (session 30): its arithmetic, and the relabellings it reads cover
their sets exactly, with values the definitions allow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks import label_agreement

EXTERNAL = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "external"
AGREEMENT = EXTERNAL / "agreement"
ANCHORS = {"character", "setting", "time_of_day", "light_direction", "palette", "lens", "style"}
STOPS = {"minors_sexual", "ncii", "deepfake_deception", "fraud_impersonation", "harassment",
         "weapons_instructions", "extremism_incitement", "self_harm", "misinformation"}
CAUTIONS = {"protected_ip", "public_figure", "graphic_violence"}


def _load(path: Path, key: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))[key])


def test_kappa_is_one_for_the_same_labels_and_corrects_for_chance() -> None:
    assert label_agreement.kappa(["stop", "ok", "ok"], ["stop", "ok", "ok"]) == 1.0
    # 3 of 4 agree (0.75); chance: both say "a" half the time, "b" half: 0.5
    assert label_agreement.kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]) == pytest.approx(
        (0.75 - 0.5) / 0.5)


def _gap(first: int, *later: int, anchor: str = "character") -> dict[str, Any]:
    return {"kind": "gap", "anchor": anchor, "shots": [first, *later]}


def test_majority_keeps_what_more_than_half_give_once() -> None:
    writer = {"l1": [_gap(1, 2, 3), _gap(1, 4, anchor="lens")]}
    first = {"l1": [_gap(1, 2, 3)]}
    second = {"l1": [_gap(1, 2), _gap(2, 3, anchor="palette")]}
    kept = label_agreement.majority([writer, first, second])["l1"]
    # the character gap is given by all three (shots overlap enough) and kept once; the lens gap
    # and the palette gap by one person each, so neither is kept
    assert [(f["kind"], f["anchor"]) for f in kept] == [("gap", "character")]


def test_majority_of_four_needs_three() -> None:
    lens = _gap(1, 2, anchor="lens")
    two = label_agreement.majority([{"l": [lens]}, {"l": [lens]}, {"l": []}, {"l": []}])
    three = label_agreement.majority([{"l": [lens]}, {"l": [lens]}, {"l": [lens]}, {"l": []}])
    assert two["l"] == [] and three["l"] == [lens]


SHOT_LIST_RELABELLINGS = [(set_name, path.name) for set_name, prefix in label_agreement.SEQUENCE_SETS
                          for path in sorted(AGREEMENT.glob(f"{prefix}*.yaml"))]
ETHICS_RELABELLINGS = [(set_name, path.name) for set_name, prefix in label_agreement.ETHICS_SETS
                       for path in sorted(AGREEMENT.glob(f"{prefix}*.yaml"))]


def test_every_relabelling_is_read() -> None:
    """A relabelling named off its set's prefix would be silently skipped."""
    read = {name for _, name in SHOT_LIST_RELABELLINGS + ETHICS_RELABELLINGS} | {"comp_dev_B.yaml"}
    assert {p.name for p in AGREEMENT.glob("*.yaml")} == read
    assert len(SHOT_LIST_RELABELLINGS) >= 4 and len(ETHICS_RELABELLINGS) >= 2


@pytest.mark.parametrize(("set_name", "name"), SHOT_LIST_RELABELLINGS)
def test_a_shot_list_relabelling_covers_the_set_with_allowed_findings(set_name: str,
                                                                      name: str) -> None:
    source = {r["id"]: r for r in _load(EXTERNAL / set_name, "lists")}
    rows = _load(AGREEMENT / name, "lists")
    assert [r["id"] for r in rows] == list(source)
    for row in rows:
        shots = source[row["id"]]["shots"]
        for finding in row["findings"]:
            assert finding["kind"] in ("drift", "gap") and finding["anchor"] in ANCHORS
            assert all(1 <= s <= len(shots) for s in finding["shots"]), row["id"]


@pytest.mark.parametrize(("set_name", "name"), ETHICS_RELABELLINGS)
def test_an_ethics_relabelling_covers_the_set_with_allowed_verdicts(set_name: str,
                                                                   name: str) -> None:
    source = [r["id"] for r in _load(EXTERNAL / set_name, "cases")]
    rows = _load(AGREEMENT / name, "cases")
    assert [r["id"] for r in rows] == source
    allowed = {"stop": STOPS, "caution": CAUTIONS, "ok": {"none"}}
    for row in rows:
        assert row["category"] in allowed[row["verdict"]], row["id"]


def test_the_components_relabelling_covers_the_dev_split_with_spans_in_the_prompt() -> None:
    source = {r["id"]: r["prompt"] for r in _load(EXTERNAL / "components.yaml", "prompts")
              if r["split"] == "dev"}
    rows = _load(AGREEMENT / "comp_dev_B.yaml", "prompts")
    assert [r["id"] for r in rows] == list(source)
    for row in rows:
        for spans in (row["components"] or {}).values():
            assert all(s.lower() in source[row["id"]].lower() for s in spans), row["id"]
