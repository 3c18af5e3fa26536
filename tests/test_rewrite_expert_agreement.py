"""benchmarks/rewrite_expert_agreement.py: micro scoring, the 2-of-3 consensus, and the
labelled check set's shape (every prompt has all four rewriters, only known component names)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from rewrite_expert_agreement import DATA, added, consensus, load_rows, score  # noqa: E402

from bot.core.critique.components import COMPONENT_NAMES  # noqa: E402


def test_score_is_micro_averaged_over_prompts() -> None:
    # candidate adds {a, b} against {a}: 1 tp, 1 fp; then {} against {c, d}: 2 fn
    precision, recall, n = score([({"a", "b"}, {"a"}), (set(), {"c", "d"})])
    assert (precision, recall, n) == (0.5, pytest.approx(1 / 3), 2)


def test_score_of_nothing_against_nothing_is_perfect() -> None:
    assert score([(set(), set())]) == (1.0, 1.0, 1)


def test_consensus_keeps_what_two_of_three_rewriters_added() -> None:
    row = {"experts": {
        "gpt": {"added": ["lighting", "setting", "camera"]},
        "hunyuan": {"added": ["lighting", "style"]},
        "wan": {"added": ["setting", "style", "audio"]},
        "wan_seed42": {"added": ["audio"]},  # the same rewriter again: not a third vote
    }}
    assert consensus(row) == {"lighting", "setting", "style"}


def test_unknown_component_names_are_dropped() -> None:
    assert added({"added": ["Lighting", "mood", " camera "]}) == {"lighting", "camera"}


def test_missing_file_exits_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="is missing"):
        load_rows(tmp_path / "nope.yaml")


def test_check_set_has_four_labelled_rewrites_per_prompt() -> None:
    rows = load_rows(DATA)
    assert len(rows) >= 60
    for row in rows:
        assert row["split"] == "check", row["id"]
        assert set(row["experts"]) == {"gpt", "hunyuan", "wan", "wan_seed42"}, row["id"]
        for name, expert in row["experts"].items():
            assert expert["text"].strip() and expert["source"], (row["id"], name)
            unknown = {str(c) for c in expert["added"]} - set(COMPONENT_NAMES)
            assert not unknown, (row["id"], name, unknown)
