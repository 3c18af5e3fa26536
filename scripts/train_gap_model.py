"""Fit the learned gap reader's decision and judge it leave-one-set-out against the hand rules
(issue 22; sessions 16 and 19).

Candidates come from `bot.core.sequence.gap_reader.candidates`: the gap's definition read
loosely (every anchor of every kind stated in one shot and lacking from later shots of the
same subject or scene), each with general features. A logistic regression (numpy, plain
gradient descent from zeros: deterministic) is fitted on the candidates of every tuning block
but one, labelled by the benchmark's matching against the labelled gaps, and scored on the one
left out, for each block in turn; pooled over the blocks and printed beside the hand rules'
gaps on the same lists. Two decisions: `learned` (the definition's features only) and `hybrid`
(the same, plus whether the hand rules found the gap).

Only tuning blocks are read (`sequence_loso.SETS`: the dev splits, shot_lists.yaml's retired
half, dev12's and dev13's first halves). With `--out FILE` writes both decisions fitted on all of
them.

    .venv/bin/python scripts/train_gap_model.py [--out bot/core/sequence/gap_model.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sequence_loso import SETS, dev_rows, set_name  # noqa: E402
from sequence_quality import matches, shot_list_text  # noqa: E402

from bot.core.sequence import Finding, parse_shot_list  # noqa: E402
from bot.core.sequence.anchors import extract_all  # noqa: E402
from bot.core.sequence.compare import find  # noqa: E402
from bot.core.sequence.gap_reader import (  # noqa: E402
    FEATURES,
    Candidate,
    ReaderWeights,
    candidates,
    decide,
)

READERS = ("learned", "hybrid")
L2 = 1e-2


def list_data(row: dict[str, Any]) -> dict[str, Any]:
    """One list's labelled gaps, hand findings and candidates (plain and with the hand rules)."""
    shots = extract_all(parse_shot_list(shot_list_text(row)))
    found = find(shots)
    hand = [f for f in found if f.kind == "gap"]
    settings = [f for f in hand if f.anchor == "setting"]  # the learned reader's hand_setting
    return {"labels": [lab for lab in row.get("findings") or [] if lab["kind"] == "gap"],
            "drift": [f for f in found if f.kind == "drift"], "hand": hand,
            "learned": candidates(shots, settings=settings),
            "hybrid": candidates(shots, hand, settings)}


def load_blocks(files: tuple[str, ...] = SETS) -> dict[str, list[dict[str, Any]]]:
    return {set_name(f): [list_data(r) for r in dev_rows(f)] for f in files}


def _y(c: Candidate, labels: list[dict[str, Any]]) -> float:
    return float(any(matches(c.finding, lab) for lab in labels))


def fit(x: np.ndarray, y: np.ndarray, steps: int = 4000, rate: float = 0.5,
        l2: float = L2) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        g = x.T @ (p - y) / len(y) + l2 * w
        g[0] -= l2 * w[0]  # no penalty on the bias
        w -= rate * g
    return w


def fit_reader(blocks: dict[str, list[dict[str, Any]]], names: list[str],
               reader: str) -> ReaderWeights:
    xs, ys = [], []
    for name in names:
        for lst in blocks[name]:
            for c in lst[reader]:
                xs.append(c.vector())
                ys.append(_y(c, lst["labels"]))
    x, y = np.array(xs), np.array(ys)
    if reader == "learned":
        x[:, FEATURES.index("hand")] = 0.0
    w = fit(x, y, l2=L2)
    return ReaderWeights(weights={k: round(float(v), 4) for k, v in zip(FEATURES, w, strict=True)},
                         threshold=0.0, trained_on=sorted(names))


def gaps_of(lst: dict[str, Any], reader: str, w: ReaderWeights | None) -> list[Finding]:
    """The list's gaps as the reader gives them (the drift suppression of `find_with`)."""
    if reader == "hand" or w is None:
        return lst["hand"]
    drifted = {f.subject for f in lst["drift"] if f.anchor == "character"}
    globals_ = {f.anchor for f in lst["drift"] if f.subject == ""}
    return [f for f in decide(lst[reader], w)
            if not (f.anchor == "character" and f.subject in drifted) and
            not (f.anchor != "character" and f.anchor != "setting" and f.anchor in globals_)]


def tally(found: list[Finding], labels: list[dict[str, Any]]) -> np.ndarray:
    left, tp = list(labels), 0
    for f in found:
        hit = next((lab for lab in left if matches(f, lab)), None)
        if hit is not None:
            left.remove(hit)
            tp += 1
    return np.array([tp, len(found), len(labels)])


def ratio(t: np.ndarray) -> str:
    return f"P {t[0] / max(1, t[1]):.2f} ({t[0]}/{t[1]}) R {t[0] / max(1, t[2]):.2f} " \
           f"({t[0]}/{t[2]})"


def loso(blocks: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, np.ndarray]]:
    """Per block: each reader's (tp, found, labels), the learned ones fitted on the others."""
    out: dict[str, dict[str, np.ndarray]] = {}
    for held in blocks:
        others = [n for n in blocks if n != held]
        ws = {r: fit_reader(blocks, others, r) for r in READERS}
        out[held] = {r: sum((tally(gaps_of(lst, r, ws.get(r)), lst["labels"])
                             for lst in blocks[held]), np.zeros(3, int))
                     for r in ("hand", *READERS)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write both decisions fitted on all blocks")
    parser.add_argument("--no-loso", action="store_true", help="only fit (with --out)")
    args = parser.parse_args()
    blocks = load_blocks()
    n_c = sum(len(lst["learned"]) for lists in blocks.values() for lst in lists)
    n_l = sum(len(lst["labels"]) for lists in blocks.values() for lst in lists)
    print(f"blocks {len(blocks)}, candidates {n_c}, labelled gaps {n_l}")
    if not args.no_loso:
        per = loso(blocks)
        print("== gaps, leave one block out (learned readers fitted on the other blocks) ==")
        for name, t in per.items():
            print(f"  {name:7s} " + "   ".join(f"{r:7s} {ratio(t[r])}" for r in t))
        pooled = {r: sum((t[r] for t in per.values()), np.zeros(3, int))
                  for r in ("hand", *READERS)}
        print("  pooled  " + "   ".join(f"{r:7s} {ratio(t)}" for r, t in pooled.items()))
    all_names = list(blocks)
    model = {"version": 1, **{r: fit_reader(blocks, all_names, r).model_dump() for r in READERS}}
    for r in READERS:
        ws = model[r]["weights"]
        print(f"{r} weights (all blocks): " + ", ".join(
            f"{k} {v:+.2f}" for k, v in sorted(ws.items(), key=lambda kv: -abs(kv[1]))
            if v != 0))
    if args.out:
        args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
