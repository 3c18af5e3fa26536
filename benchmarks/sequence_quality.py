"""Sequence review and i2v quality on sets written outside the project (issue 22).

- `benchmarks/data/external/shot_lists.yaml`: 40 shot lists with labelled drift and gap
  findings (kind, anchor, shots). A finding the review makes matches a labelled one when kind
  and anchor agree and their shot sets overlap (Jaccard >= 0.5; for a gap the stating shot must
  be the same); each label is matched once. Precision and recall per kind and per split, and
  per anchor for the dev split.
- `benchmarks/data/external/shot_lists_dev2.yaml`: a second tuning set (all dev, written
  later by another helper with natural phrasings and look-alike non-findings), printed as its
  own `dev2` block with per-anchor lines.
- `benchmarks/data/external/i2v_prompts.yaml`: 78 image-to-video prompts labelled
  `redescribes_image`. Precision and recall of the i2v critique's flag, per split.
- `benchmarks/data/external/shot_lists_dev3.yaml`: a third tuning set (all dev, written blind
  by a third helper while dev and dev2 stood at 1.00), printed as `dev3`.
- `benchmarks/data/external/shot_lists_dev4.yaml`: a fourth tuning set (all dev, written blind
  by a fourth helper while dev..dev3 stood at or near 1.00), printed as `dev4`.
- `benchmarks/data/external/shot_lists_dev5.yaml`: a fifth tuning set (all dev, written blind
  by a fifth helper while dev..dev4 stood at or near 1.00; its first, untuned figures are the
  generalisation figure), printed as `dev5`.
- `benchmarks/data/external/shot_lists_dev6.yaml`: a sixth tuning set (all dev, written blind
  by a sixth helper, aimed at look-alike non-findings: equivalent restatements, stated
  reasons, asides that need no anchor, drift hidden in long prompts, several characters),
  printed as `dev6`.
- `benchmarks/data/external/shot_lists_dev7.yaml`: a seventh tuning set (all dev, written blind
  by a seventh helper while dev..dev6 stood at or near 1.00, aimed at gap precision: clean
  lists with natural non-drift variation, and indirect drift), printed as `dev7`.
- `benchmarks/data/external/shot_lists_dev8.yaml`: an eighth tuning set (all dev), printed as
  `dev8`; `--halves` also prints its first 20 lists (`dev8a`) and the rest (`dev8b`).
- `benchmarks/data/external/shot_lists_dev9.yaml`: a ninth tuning set (all dev, written blind
  by a ninth helper in session 12), printed as `dev9`. `--dev9-halves` splits it into every
  other list: `dev9a` (lists 1, 3, 5, ...: tuned on) and `dev9b` (lists 2, 4, 6, ...: read once,
  as an aggregate, at the end). `--misses` never lists a `dev9b` list unless
  `--misses-dev9b` is given, and `dev9` / `dev9b` print no per-anchor lines.
- `benchmarks/data/external/shot_lists_dev10.yaml`: a tenth tuning set (all dev, 24 lists,
  gap-weighted, written blind in session 14), printed as `dev10`. `--dev10-halves` splits it
  as dev9's: `dev10a` (lists 1, 3, 5, ...: tuned on) and `dev10b` (lists 2, 4, 6, ...: read
  once, as an aggregate, at the end). `--misses` never lists a `dev10b` list, and `dev10` /
  `dev10b` print no per-anchor lines.
- Speed: a 50-shot list (the dev lists' shots, repeated) reviewed end to end (parse, 50
  critiques, anchors, findings), best and median of 5, with the machine's load average.

Both sets were written by a helper that had not read the engine, split into `dev` (tuning) and
`held_out` (never tuned on). `--misses` lists the dev..dev9a and dev10a disagreements; it never
shows a held_out row.

    .venv/bin/python benchmarks/sequence_quality.py [--misses] [--split dev] [--no-speed]
        [--halves a|both] [--dev9-halves a|both] [--dev10-halves a|both]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.engine import Engine  # noqa: E402
from bot.core.sequence import Finding  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "external"
SPLITS = ("dev", "held_out")
KINDS = ("drift", "gap")


def load(name: str) -> dict[str, Any]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def shot_list_text(row: dict[str, Any]) -> str:
    """The list as a user would give it: YAML `shots: [{name, prompt, model}]`."""
    return yaml.safe_dump({"shots": row["shots"]}, allow_unicode=True, sort_keys=False)


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def matches(found: Finding, label: dict[str, Any]) -> bool:
    if found.kind != label["kind"] or found.anchor != label["anchor"]:
        return False
    if found.kind == "gap" and found.shots[:1] != list(label["shots"])[:1]:
        return False
    return jaccard(set(found.shots), set(label["shots"])) >= 0.5


def pair(found: list[Finding], labels: list[dict[str, Any]]
         ) -> tuple[list[tuple[Finding, dict[str, Any]]], list[Finding], list[dict[str, Any]]]:
    """Greedy one-to-one matching: (matched pairs, unmatched findings, unmatched labels)."""
    left = list(labels)
    pairs, extra = [], []
    for f in found:
        hit = next((lab for lab in left if matches(f, lab)), None)
        if hit is None:
            extra.append(f)
        else:
            left.remove(hit)
            pairs.append((f, hit))
    return pairs, extra, left


def ratio(num: int, den: int) -> str:
    return f"{num / den:.2f} ({num}/{den})" if den else "n/a (0/0)"


TUNING = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev8a", "dev8b",
          "dev9", "dev9a", "dev10", "dev10a")
"""Blocks whose disagreements may be printed (never held_out; in `dev9` and `dev10` only their
first half's lists, see `BLIND_HALF` and `BLIND_HALF_10`)."""

AGGREGATE_ONLY = ("dev9", "dev9b", "dev10", "dev10b")
"""Blocks that hold the blind half of the newest set: no per-anchor lines."""

BLIND_HALF = "dev9"
"""The newest tuning set, split into every other list (as ethics_external.py's --dev8-half):
the first half (`dev9a`, lists 1, 3, 5, ...) is tuned on, the second (`dev9b`, lists 2, 4,
6, ...) is read only at the end, as an aggregate."""


Rows = list[dict[str, Any]]
Blocks = list[tuple[str, Rows]]


def _in_halves(blocks: Blocks, name: str, halves: str,
               split: Callable[[Rows], tuple[Rows, Rows]]) -> Blocks:
    """Block `name` as `halves` asks: "a" its first half only (instead of the whole, while
    tuning), "both" the whole and then both halves (`name`a, `name`b), "" the whole only.
    `split` says where a set's halves lie."""
    out = []
    for block, rows in blocks:
        if block != name or not halves:
            out.append((block, rows))
            continue
        first, rest = split(rows)
        if halves == "both":
            out.append((block, rows))
        out.append((block + "a", first))
        if halves == "both":
            out.append((block + "b", rest))
    return out


def _every_other(blocks: Blocks, halves: str, name: str = BLIND_HALF) -> Blocks:
    """`halves` for `name` (`BLIND_HALF` unless told), split into every other list."""
    return _in_halves(blocks, name, halves, lambda rows: (rows[0::2], rows[1::2]))


BLIND_HALF_10 = "dev10"
"""The set written in session 14, split as `BLIND_HALF`: `dev10a` (lists 1, 3, 5, ...) tuned
on, `dev10b` (lists 2, 4, 6, ...) read only at the end, as an aggregate; its disagreements are
never listed."""


HALVED = "dev8"
HALF_CUT = 20
"""The newest tuning set, also printed in halves: tuned on its first `HALF_CUT` lists
(`dev8a`; fixed, since the file grew while it was tuned on: 20 of the ~45 asked for), the
rest (`dev8b`) read only at the end as the honesty check."""


def _halves(blocks: Blocks, halves: str) -> Blocks:
    """`halves` for `HALVED`, split after its first `HALF_CUT` lists."""
    return _in_halves(blocks, HALVED, halves,
                      lambda rows: (rows[:HALF_CUT], rows[HALF_CUT:]))


def shot_lists(engine: Engine, show_misses: bool, splits: tuple[str, ...] = SPLITS,
               halves: str = "", dev9_halves: str = "", misses_dev9b: bool = False,
               dev10_halves: str = "") -> None:
    rows = load("shot_lists.yaml")["lists"]
    print("== Shot lists: drift and gap findings ==")
    blocks: list[tuple[str, list[dict[str, Any]]]] = [
        (split, [r for r in rows if r["split"] == split]) for split in splits]
    for at, (name, block_name) in enumerate((("shot_lists_dev2.yaml", "dev2"),
                                             ("shot_lists_dev3.yaml", "dev3"),
                                             ("shot_lists_dev4.yaml", "dev4"),
                                             ("shot_lists_dev5.yaml", "dev5"),
                                             ("shot_lists_dev6.yaml", "dev6"),
                                             ("shot_lists_dev7.yaml", "dev7"),
                                             ("shot_lists_dev8.yaml", "dev8"),
                                             ("shot_lists_dev9.yaml", "dev9"),
                                             ("shot_lists_dev10.yaml", "dev10")), start=1):
        if (DATA / name).exists():
            more = [r for r in load(name)["lists"] if r["split"] == "dev"]
            blocks.insert(at, (block_name, more))
    blind = {r["id"] for name, rows in blocks if name == BLIND_HALF for r in rows[1::2]}
    blind_10 = {r["id"] for name, rows in blocks if name == BLIND_HALF_10 for r in rows[1::2]}
    blocks = _every_other(_every_other(_halves(blocks, halves), dev9_halves), dev10_halves,
                          BLIND_HALF_10)
    for split, block in blocks:
        tp = {k: 0 for k in KINDS}
        found_n = {k: 0 for k in KINDS}
        label_n = {k: 0 for k in KINDS}
        per_anchor: dict[tuple[str, str], list[int]] = {}
        misses: list[str] = []
        for row in block:
            review = engine.sequence(shot_list_text(row))
            labels = row.get("findings") or []
            pairs, extra, missed = pair(review.findings, labels)
            for k in KINDS:
                found_n[k] += sum(1 for f in review.findings if f.kind == k)
                label_n[k] += sum(1 for lab in labels if lab["kind"] == k)
                tp[k] += sum(1 for f, _ in pairs if f.kind == k)
            for f, _ in pairs:
                per_anchor.setdefault((f.kind, f.anchor), [0, 0, 0])[0] += 1
            for f in extra:
                per_anchor.setdefault((f.kind, f.anchor), [0, 0, 0])[1] += 1
            for lab in missed:
                per_anchor.setdefault((lab["kind"], lab["anchor"]), [0, 0, 0])[2] += 1
            if show_misses and split in TUNING and (misses_dev9b or row["id"] not in blind) \
                    and row["id"] not in blind_10:
                misses += [f"  {row['id']}: extra {f.kind} {f.anchor} {f.shots} "
                           f"{[w.text for w in f.words]}" for f in extra]
                misses += [f"  {row['id']}: missed {lab['kind']} {lab['anchor']} {lab['shots']} "
                           f"{lab.get('words')}" for lab in missed]
        print(f"[{split}]")
        for k in KINDS:
            print(f"  {k:5s} precision {ratio(tp[k], found_n[k])}  recall {ratio(tp[k], label_n[k])}")
        if split in TUNING and split not in AGGREGATE_ONLY:
            print("  per anchor (matched / extra / missed):")
            for (kind, anchor), (m, e, x) in sorted(per_anchor.items()):
                print(f"    {kind:5s} {anchor:16s} {m} / {e} / {x}")
        if misses:
            print(f"  {split} disagreements:")
            print("\n".join(misses))


def i2v(engine: Engine, show_misses: bool, splits: tuple[str, ...] = SPLITS) -> None:
    rows = load("i2v_prompts.yaml")["prompts"]
    print("== Image-to-video: re-describes the first frame ==")
    for split in splits:
        tp = fp = fn = tn = 0
        misses = []
        for row in (r for r in rows if r["split"] == split):
            c = engine.critique(row["prompt"], mode="i2v", with_retrieval=False, with_llm=False)
            flagged = bool((c.i2v or {}).get("redescribes_image"))
            truth = bool(row["redescribes_image"])
            tp += flagged and truth
            fp += flagged and not truth
            fn += truth and not flagged
            tn += not flagged and not truth
            if show_misses and split == "dev" and flagged != truth:
                misses.append(f"  {row['id']}: {'extra' if flagged else 'missed'} "
                              f"{(c.i2v or {}).get('static_words')}/"
                              f"{(c.i2v or {}).get('motion_words')} {row['prompt']}")
        print(f"[{split}]  precision {ratio(tp, tp + fp)}  recall {ratio(tp, tp + fn)}  "
              f"(true negatives {tn})")
        if misses:
            print("  dev disagreements:")
            print("\n".join(misses))


def speed(engine: Engine) -> None:
    rows = [r for r in load("shot_lists.yaml")["lists"] if r["split"] == "dev"]
    prompts = [s["prompt"] for r in rows for s in r["shots"]]
    shots = [(prompts * 2)[i] for i in range(50)]
    text = "\n".join(shots)
    engine.sequence("\n".join(shots[:3]))  # warm: the knowledge base, regexes, caches
    times = []
    for _ in range(5):
        start = time.perf_counter()
        review = engine.sequence(text)
        times.append(time.perf_counter() - start)
    load1, load5, load15 = os.getloadavg()
    print("== Speed: a 50-shot list, end to end ==")
    print(f"  {len(review.shots)} shots, {len(review.findings)} findings: best "
          f"{min(times) * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms "
          f"(load average {load1:.2f} {load5:.2f} {load15:.2f}, {os.cpu_count()} cores)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true",
                        help="list the dev..dev9a and dev10a disagreements (never held_out, "
                             "never dev9b unless --misses-dev9b, never dev10b)")
    parser.add_argument("--halves", choices=("a", "both"), default="",
                        help=f"{HALVED} in halves: 'a' its first half only (instead of the whole, "
                             "while tuning), 'both' the whole and both halves")
    parser.add_argument("--dev9-halves", choices=("a", "both"), default="",
                        help=f"{BLIND_HALF} in halves (every other list): 'a' its first half only "
                             "(instead of the whole, while tuning), 'both' the whole and both halves")
    parser.add_argument("--dev10-halves", choices=("a", "both"), default="",
                        help=f"{BLIND_HALF_10} in halves (every other list): 'a' its first half "
                             "only (instead of the whole, while tuning), 'both' the whole and both "
                             "halves")
    parser.add_argument("--misses-dev9b", action="store_true",
                        help=f"with --misses, also list the second half of {BLIND_HALF}")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing")
    parser.add_argument("--split", choices=("dev", "both"), default="both",
                        help="dev (and dev2..dev10) only while tuning; both (the default) for the "
                             "figures")
    args = parser.parse_args()
    splits = ("dev",) if args.split == "dev" else SPLITS
    engine = Engine()
    shot_lists(engine, args.misses, splits, args.halves, args.dev9_halves, args.misses_dev9b,
               args.dev10_halves)
    i2v(engine, args.misses, splits)
    if not args.no_speed:
        speed(engine)
    return 0


if __name__ == "__main__":
    sys.exit(main())
