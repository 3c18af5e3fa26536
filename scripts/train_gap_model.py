"""A learned decision over candidate gap findings of the sequence-wide anchors, judged by
leave-one-set-out against the hand rules (issue 22, session 16).

Candidates are generated loosely, as the gap's definition says and no more: a sequence-wide
anchor (time of day, light direction, palette, lens, style) stated outright in exactly one
shot, and the later shots that say nothing of it. Each candidate is described by general
features (the anchor; how many later shots lack it and how far they run; whether the stating
shot opens the list, is an insert or a card; whether a later shot states a reason to change
the anchor or opens a new scene; whether a later shot restates it in other words; whether the
shots before it in the same place went without). A logistic regression (numpy, plain gradient
descent from zeros: deterministic) is fitted on ten dev sets' candidates, labelled by the
benchmark's matching against the labelled gaps, and scored on the eleventh, for each set in
turn. The figure is pooled over the sets and compared with the hand rules' own gaps of the same
anchors on the same lists.

Only dev splits are read. Prints the comparison; with `--out FILE` writes the weights fitted on
all dev sets (JSON), for the engine to load if the model wins.

    .venv/bin/python scripts/train_gap_model.py [--out FILE]
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
from bot.core.sequence.compare import (  # noqa: E402
    EXCUSES,
    _aside,
    _marked_starts,
    _repeated,
    _same_place_before,
    _values,
    find,
)
from bot.core.sequence.light import WEAK  # noqa: E402
from bot.core.sequence.spans import GLOBAL_ANCHORS, ShotAnchors  # noqa: E402

FEATURES = (*(f"anchor:{a}" for a in GLOBAL_ANCHORS), "bias", "lacking_share", "lacking_run",
            "given_first", "given_aside", "reason_later", "scene_later", "restated_later",
            "before_went_without", "given_last_but_one")


def _kinds(anchor: str) -> tuple[str, ...]:
    return ("time", "sun") if anchor == "time_of_day" else EXCUSES[anchor]


def candidates(shots: list[ShotAnchors]) -> list[tuple[Finding, list[float]]]:
    """Every loose gap candidate of the sequence-wide anchors, with its features."""
    out = []
    marked = _marked_starts(shots)
    n = len(shots)
    for anchor in GLOBAL_ANCHORS:
        given = [i for i, s in enumerate(shots) if any(WEAK not in m.values for m in s.of(anchor))]
        if len(given) != 1:
            continue
        g = given[0]
        lacking = [i for i in range(g + 1, n) if not shots[i].of(anchor)]
        if not lacking:
            continue
        stated = _values(shots[g], anchor) - {WEAK}
        feats = [float(anchor == a) for a in GLOBAL_ANCHORS] + [
            1.0,
            len(lacking) / max(1, n - 1),
            (lacking[-1] - g) / max(1, n - 1),
            float(g == 0),
            float(_aside(shots[g]) is not None),
            float(any(shots[i].changed(*_kinds(anchor)) for i in range(g + 1, n))),
            float(any(g < j for j in marked)),
            float(any(i != g and bool(_repeated(anchor, shots[i]) & stated) for i in range(n))),
            float(bool(_same_place_before(shots, g, list(range(n))))),
            float(g == n - 2),
        ]
        finding = Finding(kind="gap", anchor=anchor, words=[], why="", fix="",
                          shots=[shots[i].shot.index for i in (g, *lacking)])
        out.append((finding, feats))
    return out


def fit(x: np.ndarray, y: np.ndarray, steps: int = 3000, rate: float = 0.5,
        l2: float = 1e-2) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w)
    return w


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the weights fitted on all dev sets")
    args = parser.parse_args()
    data: dict[str, list[dict[str, Any]]] = {}
    for file in SETS:
        per_list = []
        for row in dev_rows(file):
            shots = extract_all(parse_shot_list(shot_list_text(row)))
            labels = [lab for lab in row.get("findings") or []
                      if lab["kind"] == "gap" and lab["anchor"] in GLOBAL_ANCHORS]
            cands = candidates(shots)
            hand = [f for f in find(shots) if f.kind == "gap" and f.anchor in GLOBAL_ANCHORS]
            per_list.append({"labels": labels, "cands": cands, "hand": hand})
        data[set_name(file)] = per_list

    def tally(found: list[Finding], labels: list[dict[str, Any]]) -> tuple[int, int, int]:
        left, tp = list(labels), 0
        for f in found:
            hit = next((lab for lab in left if matches(f, lab)), None)
            if hit is not None:
                left.remove(hit)
                tp += 1
        return tp, len(found), len(labels)

    def xy(names: list[str]) -> tuple[np.ndarray, np.ndarray]:
        xs, ys = [], []
        for name in names:
            for lst in data[name]:
                for f, feats in lst["cands"]:
                    xs.append(feats)
                    ys.append(float(any(matches(f, lab) for lab in lst["labels"])))
        return np.array(xs), np.array(ys)

    x_all, y_all = xy(list(data))
    print(f"candidates {len(y_all)}, of which match a labelled gap {int(y_all.sum())}; "
          f"labelled sequence-wide gaps "
          f"{sum(len(lst['labels']) for lists in data.values() for lst in lists)}")
    pooled = {"model": np.zeros(3, int), "hand": np.zeros(3, int), "all": np.zeros(3, int)}
    for held in data:
        x, y = xy([n for n in data if n != held])
        w = fit(x, y)
        sums = {k: np.zeros(3, int) for k in pooled}
        for lst in data[held]:
            kept = [f for f, feats in lst["cands"] if float(np.array(feats) @ w) > 0]
            sums["model"] += tally(kept, lst["labels"])
            sums["hand"] += tally(lst["hand"], lst["labels"])
            sums["all"] += tally([f for f, _ in lst["cands"]], lst["labels"])
        for k in pooled:
            pooled[k] += sums[k]
        print(f"  {held:6s} " + "  ".join(
            f"{k} P {s[0]}/{s[1]} R {s[0]}/{s[2]}" for k, s in sums.items()))
    for k, (tp, found, labels) in pooled.items():
        print(f"pooled {k:5s} precision {tp / max(1, found):.2f} ({tp}/{found})  "
              f"recall {tp / max(1, labels):.2f} ({tp}/{labels})")
    w = fit(x_all, y_all)
    print("weights fitted on all dev sets: " + ", ".join(
        f"{name} {v:+.2f}" for name, v in zip(FEATURES, w, strict=True)))
    if args.out:
        args.out.write_text(json.dumps(dict(zip(FEATURES, w.round(4).tolist(), strict=True)),
                                       indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
