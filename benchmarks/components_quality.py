"""Print how well `analyze()` finds each component on labelled public prompts.

The labelled set (benchmarks/data/external/components.yaml) was written from public prompt
suites by someone who had not read the engine. Each row:

    - id: vbench-0001
      prompt: "A panda playing guitar, low angle, golden hour"
      source: "VBench ..."
      split: dev            # or held_out
      components: {subject: ["A panda"], action: ["playing guitar"], camera: ["low angle"], ...}

A component is labelled present when its list is non-empty. Per split and per component this
prints precision and recall (is the component there at all?) and span agreement: of the prompts
where both agree it is there, the share whose engine span overlaps a labelled substring.

    .venv/bin/python benchmarks/components_quality.py [FILE] [--dev2 FILE] [--misses COMPONENT|all]

A second tuning set, benchmarks/data/external/components_dev2.yaml (all rows split dev, written
later by another helper from other public sources, with many hard cases), prints as its own
"dev2" block after the two splits of FILE. A third, benchmarks/data/external/components_dev3.yaml
(all rows dev, written by a third helper from other public sources, stressing unusual camera
wording, camera verbs used as action verbs, the manner, speed and weight of a movement, colour
and audio), prints as a "dev3" block when the file is there; a fourth,
benchmarks/data/external/components_dev4.yaml (all rows dev, written by a fourth helper, rich in
colour, audio, consistency, style and motion, with decoys), as a "dev4" block; a fifth,
benchmarks/data/external/components_dev5.yaml (all rows dev, written by a fifth helper, English,
weighted to motion, colour, audio and consistency), as a "dev5" block; a sixth,
benchmarks/data/external/components_dev6.yaml (all rows dev, written blind to the engine from
other public galleries, weighted to motion, colour and audio with labelled decoys), as a "dev6"
block. `--dev6-half 1` (or 2) keeps only every other row of dev6 from the first (or the second),
so one half is tuned on and the other read once, as an aggregate, at the end.

`--dev6-halves a` prints dev6 as "dev6a" only (rows 1, 3, 5, ... of the file, the half tuned
on); `--dev6-halves both` also prints "dev6b" (the even rows, the check), as an aggregate only.

`--misses` lists the disagreements of the tuning sets only (dev, dev2 ... dev6): tuning looks at
them, never at held_out. Of dev6 it lists only the first half's rows (dev6a); the second half's
(dev6b) are refused, whichever option names it. `--only dev,dev6` prints only the named blocks
(held_out included only when named; `dev6` names dev6a and dev6b too).

A seventh, benchmarks/data/external/components_dev7.yaml (all rows dev, written blind in session
26, weighted to motion, audio and colour), prints as "dev7"; `--dev7-halves a|both` splits it as
dev6 (dev7a tuned on, dev7b the check); `--misses` lists only dev7a's rows of it, always.

A blind check, benchmarks/data/external/components_dev8.yaml (all rows dev, written blind in
session 31 by a helper that read no engine file, weighted to motion, audio and colour with
decoys), prints as "dev8 (check)" after the tuning sets: aggregates only, its disagreements are
never listed, whatever the flags.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.critique.analysis import analyze  # noqa: E402
from bot.core.critique.components import COMPONENT_NAMES  # noqa: E402
from bot.core.critique.results import Analysis  # noqa: E402

DATA_FILE = Path(__file__).resolve().parent / "data" / "external" / "components.yaml"
DEV2_FILE = Path(__file__).resolve().parent / "data" / "external" / "components_dev2.yaml"
DEV3_FILE = Path(__file__).resolve().parent / "data" / "external" / "components_dev3.yaml"
DEV4_FILE = Path(__file__).resolve().parent / "data" / "external" / "components_dev4.yaml"
DEV5_FILE = Path(__file__).resolve().parent / "data" / "external" / "components_dev5.yaml"
DEV6_FILE = Path(__file__).resolve().parent / "data" / "external" / "components_dev6.yaml"
DEV7_FILE = Path(__file__).resolve().parent / "data" / "external" / "components_dev7.yaml"
TUNING_FILES = {"dev2": DEV2_FILE, "dev3": DEV3_FILE, "dev4": DEV4_FILE, "dev5": DEV5_FILE,
                "dev6": DEV6_FILE, "dev7": DEV7_FILE}
HALVED_SETS = ("dev6", "dev7")
CHECK_FILES = {"dev8": Path(__file__).resolve().parent / "data" / "external" / "components_dev8.yaml"}
"""Blind sets printed as "<name> (check)": aggregates only; `--misses` never lists their rows."""
"""Tuning sets whose odd rows (a) are tuned on and even rows (b) are the check: `--misses`
never lists a b row."""
"""The further tuning sets, each its own `--devN FILE` flag and block, in the order printed."""
TUNING_BLOCKS = ("dev", *TUNING_FILES)
SPLITS = ("dev", "held_out")
TARGETS = {"camera": 0.92, "shot": 0.92, "lighting": 0.92, "motion": 0.92}
DEFAULT_TARGET = 0.85


class LabelledPrompt(BaseModel):
    id: str
    prompt: str
    source: str = ""
    split: str
    components: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("split")
    @classmethod
    def _known_split(cls, value: str) -> str:
        if value not in SPLITS:
            raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {value!r}")
        return value

    @field_validator("components", mode="before")
    @classmethod
    def _known_components(cls, value: object) -> object:
        if isinstance(value, dict):
            unknown = sorted(set(value) - set(COMPONENT_NAMES))
            if unknown:
                raise ValueError(f"unknown component(s) {unknown}; expected {COMPONENT_NAMES}")
            return {k: ([] if v is None else [v] if isinstance(v, str) else v)
                    for k, v in value.items()}
        return value


def load_rows(path: Path) -> list[LabelledPrompt]:
    """The labelled rows; a broken file raises ValueError naming the file, row and field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("prompts"), list):
        raise ValueError(f"{path}: expected a top-level 'prompts:' list")
    rows = []
    for i, raw in enumerate(data["prompts"]):
        try:
            rows.append(LabelledPrompt.model_validate(raw))
        except ValidationError as exc:
            where = raw.get("id", f"#{i}") if isinstance(raw, dict) else f"#{i}"
            fields = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise ValueError(f"{path}: row {where}: {fields}") from exc
    return rows


def _label_ranges(prompt: str, substrings: list[str]) -> list[tuple[int, int]]:
    """Where each labelled substring occurs (every occurrence, case-insensitive)."""
    low = prompt.lower()
    ranges = []
    for sub in substrings:
        needle = sub.lower().strip()
        start = low.find(needle) if needle else -1
        while start >= 0:
            ranges.append((start, start + len(needle)))
            start = low.find(needle, start + 1)
    return ranges


class Counts(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    span_ok: int = 0

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def span_agreement(self) -> float:
        return self.span_ok / self.tp if self.tp else 1.0


def _engine_ranges(analysis: Analysis, name: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in analysis.spans.get(name, [])]  # type: ignore[call-overload]


def score(rows: list[LabelledPrompt]) -> tuple[dict[str, Counts], list[str]]:
    """Counts per component, and a line per disagreement (for the caller to show or not)."""
    counts = {name: Counts() for name in COMPONENT_NAMES}
    misses: list[str] = []
    for row in rows:
        analysis = analyze(row.prompt)
        for name in COMPONENT_NAMES:
            labels = [s for s in row.components.get(name, []) if s and s.strip()]
            got = _engine_ranges(analysis, name)
            c = counts[name]
            if labels and got:
                c.tp += 1
                want = _label_ranges(row.prompt, labels)
                if any(gs < we and ws < ge for gs, ge in got for ws, we in want):
                    c.span_ok += 1
                else:
                    misses.append(f"{name} SPAN {row.id}: {row.prompt!r}\n    want {labels}\n"
                                  f"    got  {[row.prompt[a:b] for a, b in got]}")
            elif labels:
                c.fn += 1
                misses.append(f"{name} MISS {row.id}: {row.prompt!r}\n    want {labels}")
            elif got:
                c.fp += 1
                misses.append(f"{name} FALSE {row.id}: {row.prompt!r}\n"
                              f"    got  {[row.prompt[a:b] for a, b in got]}")
    return counts, misses


def _report(split: str, rows: list[LabelledPrompt], counts: dict[str, Counts]) -> None:
    print(f"\n{split}: {len(rows)} prompts")
    print(f"  {'component':<12} {'labelled':>8} {'precision':>9} {'recall':>7} {'span':>6}  target")
    for name in COMPONENT_NAMES:
        c = counts[name]
        target = TARGETS.get(name, DEFAULT_TARGET)
        met = c.precision() >= target and c.recall() >= target
        print(f"  {name:<12} {c.tp + c.fn:>8} {c.precision():>9.2f} {c.recall():>7.2f} "
              f"{c.span_agreement():>6.2f}  {target:.2f} {'met' if met else 'NOT met'}")


def _set_of(block: str) -> str:
    """The tuning set a block's rows come from ('dev6a', 'dev6b', 'dev6 (half 1)' -> 'dev6')."""
    head = block.split(" ")[0]
    return head[:-1] if head[:-1] in HALVED_SETS and head[-1:] in ("a", "b") else head


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DATA_FILE)
    for (name, default), ordinal in zip(TUNING_FILES.items(), ("second", "third", "fourth",
                                                                "fifth", "sixth", "seventh"), strict=True):
        parser.add_argument(f"--{name}", type=Path, default=default, metavar="FILE",
                            help=f"the {ordinal} tuning set, printed as its own block (skipped "
                                 "if absent)")
    parser.add_argument("--misses", metavar="COMPONENT",
                        help="list the dev, dev2 ... dev6 disagreements for one component "
                             "(or 'all'; of dev6 only its first half, dev6a)")
    parser.add_argument("--dev6-half", type=int, choices=(0, 1, 2), default=0,
                        help="dev6: only every other row, from the first (1) or the second (2) "
                             "(default 0: all)")
    parser.add_argument("--dev6-halves", choices=("a", "both"), default=None,
                        help="dev6 as its halves: dev6a (rows 1, 3, 5, ..., tuned on) only, or "
                             "dev6a and dev6b (the even rows, the check, aggregate only)")
    parser.add_argument("--dev7-halves", choices=("a", "both"), default=None,
                        help="dev7 as its halves: dev7a (tuned on) only, or dev7a and dev7b "
                             "(the check, aggregate only)")
    parser.add_argument("--only", default="",
                        help="comma-separated blocks to print (dev, held_out, dev2 ... dev6); "
                             "default all")
    args = parser.parse_args(argv)
    only = {b.strip() for b in args.only.split(",") if b.strip()}
    if args.misses and args.misses != "all" and args.misses not in COMPONENT_NAMES:
        print(f"error: --misses takes 'all' or one of {', '.join(COMPONENT_NAMES)}",
              file=sys.stderr)
        return 2
    if args.dev6_halves and args.dev6_half:
        print("error: --dev6-halves and --dev6-half are two ways to say the same; give one",
              file=sys.stderr)
        return 2
    if args.misses and args.dev6_half == 2:
        print("error: dev6's second half (dev6b) is the check: its disagreements are not listed; "
              "read it as an aggregate only (drop --misses)", file=sys.stderr)
        return 2
    try:
        rows = load_rows(args.file)
        tuning = {name: (path, load_rows(path) if path.exists() else [])
                  for name in TUNING_FILES for path in [getattr(args, name)]}
        checks = {name: (path, load_rows(path)) for name, path in CHECK_FILES.items()
                  if path.exists()}
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path, extra in [*tuning.values(), *checks.values()]:
        if any(r.split != "dev" for r in extra):
            print(f"error: {path}: every row of a further tuning set must be split dev",
                  file=sys.stderr)
            return 2
    print(f"components quality on {args.file} ({len(rows)} prompts)")
    blocks = [(split, [r for r in rows if r.split == split]) for split in SPLITS]
    first_half_ids: dict[str, set[str]] = {}
    for name, (path, extra) in tuning.items():
        if extra and name in HALVED_SETS:
            first_half_ids[name] = {r.id for r in extra[0::2]}
            as_halves = getattr(args, f"{name}_halves")
            if as_halves:
                halves = [(f"{name}a", extra[0::2]), (f"{name}b", extra[1::2])]
                for half_name, half_rows in halves[:1 if as_halves == "a" else 2]:
                    print(f"{half_name}: {path} ({len(half_rows)} prompts)")
                    blocks.append((half_name, half_rows))
                continue
        if extra and name == "dev6" and args.dev6_half:
            extra = extra[args.dev6_half - 1::2]
            name = f"dev6 (half {args.dev6_half})"
        if extra:
            print(f"{name}: {path} ({len(extra)} prompts)")
            blocks.append((name, extra))
    for name, (path, check_rows) in checks.items():
        print(f"{name} (check): {path} ({len(check_rows)} prompts)")
        blocks.append((f"{name} (check)", check_rows))
    for name, block_rows in blocks:
        if only and not {name.split(" ")[0], _set_of(name)} & only:
            continue
        counts, misses = score(block_rows)
        _report(name, block_rows, counts)
        if args.misses and _set_of(name) in TUNING_BLOCKS:
            if name in (f"{halved}b" for halved in HALVED_SETS):
                continue  # the check: aggregate only, its disagreements are never listed
            if _set_of(name) in first_half_ids:
                tuned_half = first_half_ids[_set_of(name)]
                misses = [m for m in misses if m.split(" ")[2].rstrip(":") in tuned_half]
            shown = [m for m in misses if args.misses == "all" or m.startswith(args.misses + " ")]
            print(f"\n  {name} disagreements ({len(shown)}):")
            for line in shown:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
