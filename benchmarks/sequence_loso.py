"""Shot-list drift and gap findings judged set by set, over every dev set (issue 22).

Leave-one-set-out is the yardstick for a change to the sequence review: the twelve tuning sets
(`shot_lists.yaml`'s dev split, its held_out half retired into tuning in session 18 as
`retired`, and `shot_lists_dev2..dev11.yaml`) were written by different
helpers, so a change that only helps the set it was tuned on shows up as one set up and others
flat or down. This prints, per set and pooled over all of them, gap and drift precision and
recall (matched as `sequence_quality.py` matches: kind, anchor, Jaccard >= 0.5 on the shots, a
gap's stating shot first), and with `--against` how many sets a change helps and hurts.

The hand rules have no fitted part, so each set's figure is already its left-out figure
(though earlier sessions tuned them on these very sets, so it flatters them); a learned gap
decision is fitted on the other ten sets and scored on the one left out by
`scripts/train_gap_model.py`, which prints the same pooled figure beside the hand rules'.

Never reads a held-out set (`shot_lists_held_out2.yaml`); shot_lists.yaml's held_out split is
retired into tuning and read as the `retired` set.

With `--gap-reader learned|hybrid` (session 19) the gaps come from the learned reader
(`bot/core/sequence/gap_reader.py`), its decision fitted on the other blocks for each block
left out (`scripts/train_gap_model.py`'s `fit_reader`): a true leave-one-set-out figure.

    .venv/bin/python benchmarks/sequence_loso.py [--save FILE] [--against FILE]
        [--gap-reader hand|learned|hybrid]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sequence_quality import DATA, KINDS, RETIRED, load, pair, ratio, shot_list_text  # noqa: E402

from bot.core.engine import Engine  # noqa: E402

SETS = ("shot_lists.yaml", RETIRED,
        *(f"shot_lists_dev{n}.yaml" for n in range(2, 17)
          if (DATA / f"shot_lists_dev{n}.yaml").exists()))
"""The tuning sets, in the order they were written (the retired half of shot_lists.yaml
second, as a set of its own); a set not yet in the tree is left out."""

FIRST_HALF_ONLY: dict[str, str] = {"shot_lists_dev16.yaml": "dev16a"}
"""Sets written blind whose second half is read only once, at the end, as an aggregate: only
their first half (lists 1, 3, 5, ...) is a LOSO set, under this name. Session 26: none; every
dev set through dev15 is a tuning set whole (dev15b retired as the check). Session 29: dev16's
first half (dev16a) is tuned on; its second half (dev16b) is the check, read by
`sequence_quality.py --dev16-halves both` as an aggregate only."""


def set_name(file: str) -> str:
    if file == RETIRED:
        return RETIRED
    if file in FIRST_HALF_ONLY:
        return FIRST_HALF_ONLY[file]
    return "dev" if file == "shot_lists.yaml" else file.removeprefix("shot_lists_").removesuffix(
        ".yaml")


def dev_rows(file: str) -> list[dict[str, Any]]:
    """The set's tuning rows: a dev set's dev split (only its first half where the set is in
    `FIRST_HALF_ONLY`), or shot_lists.yaml's retired held_out half."""
    if file == RETIRED:
        return [r for r in load("shot_lists.yaml")["lists"] if r["split"] == "held_out"]
    rows = [r for r in load(file)["lists"] if r["split"] == "dev"]
    return rows[0::2] if file in FIRST_HALF_ONLY else rows


Counts = dict[str, dict[str, int]]
"""Per kind: tp (matched), found, labels."""


def _left_out(engine: Engine, skip: frozenset[str] = frozenset()) -> dict[str, Counts]:
    """Each block scored with the learned decisions fitted on the other blocks."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_gap_model import READERS, fit_reader, load_blocks

    from bot.core.sequence import gap_reader

    blocks = load_blocks()
    out = {}
    for file in SETS:
        held = set_name(file)
        if held in skip:
            continue
        others = [n for n in blocks if n != held]
        model = gap_reader.GapModel(version=1, **{r: fit_reader(blocks, others, r)
                                                  for r in READERS})
        gap_reader.MODEL_OVERRIDE.append(model)
        try:
            out[held] = score(engine, dev_rows(file))
        finally:
            gap_reader.MODEL_OVERRIDE.pop()
    return out


def score(engine: Engine, rows: list[dict[str, Any]]) -> Counts:
    counts = {k: {"tp": 0, "found": 0, "labels": 0} for k in KINDS}
    for row in rows:
        findings = engine.sequence(shot_list_text(row)).findings
        labels = row.get("findings") or []
        pairs, _, _ = pair(findings, labels)
        for k in KINDS:
            counts[k]["found"] += sum(1 for f in findings if f.kind == k)
            counts[k]["labels"] += sum(1 for lab in labels if lab["kind"] == k)
            counts[k]["tp"] += sum(1 for f, _ in pairs if f.kind == k)
    return counts


def errors(c: dict[str, int]) -> int:
    """Extra findings plus missed labels: what a change should lower."""
    return (c["found"] - c["tp"]) + (c["labels"] - c["tp"])


def line(name: str, counts: Counts) -> str:
    return f"  {name:8s} " + "   ".join(
        f"{k:5s} P {ratio(c['tp'], c['found']):16s} R {ratio(c['tp'], c['labels']):16s}"
        for k, c in counts.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path, help="write the per-set counts (JSON) here")
    parser.add_argument("--against", type=Path,
                        help="counts saved by --save: say which sets the change helps or hurts")
    parser.add_argument("--skip", nargs="+", default=[],
                        help="sets not to read, by the name printed (e.g. retired, when a "
                             "session's brief keeps shot_lists.yaml's held_out half unseen)")
    parser.add_argument("--gap-reader", choices=("hand", "learned", "hybrid"), default="hand",
                        help="the gap reader (learned, hybrid: fitted on the other blocks)")
    args = parser.parse_args()
    engine = Engine()
    from bot.core.sequence.gap_reader import use_reader

    with use_reader(args.gap_reader):
        if args.gap_reader == "hand":
            per_set = {set_name(f): score(engine, dev_rows(f)) for f in SETS
                       if set_name(f) not in args.skip}
        else:
            per_set = _left_out(engine, frozenset(args.skip))
    pooled = {k: {n: sum(c[k][n] for c in per_set.values()) for n in ("tp", "found", "labels")}
              for k in KINDS}
    print("== Shot lists, leave one set out: each dev set, then pooled ==")
    for name, counts in per_set.items():
        print(line(name, counts))
    print(line("pooled", pooled))
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        for k in KINDS:
            helps = [n for n, c in per_set.items() if n in before and
                     errors(c[k]) < errors(before[n][k])]
            hurts = [n for n, c in per_set.items() if n in before and
                     errors(c[k]) > errors(before[n][k])]
            print(f"  {k:5s} vs {args.against.name}: helps {len(helps)} {helps}, "
                  f"hurts {len(hurts)} {hurts}")
    if args.save:
        args.save.write_text(json.dumps(per_set, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
