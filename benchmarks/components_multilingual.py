"""Print how well `analyze()` finds each component in Chinese, Spanish and Japanese prompts.

The labelled set (benchmarks/data/external/components_multilingual.yaml) was written by hand
from public sources by a helper who had not read the engine; same row format as
components.yaml plus `lang`. Per language and split this prints precision and recall for the
six components issue 16 targets (camera, shot, lighting, motion, subject, action; target 0.85)
and the rest for information; the detected-language accuracy; and the critique's in-process
latency per language (p50/p95, target p95 < 5 ms) with the machine's load.

    .venv/bin/python benchmarks/components_multilingual.py [FILE] [--lang zh] [--misses COMPONENT|all]

`--misses` lists the dev split's disagreements only: tuning looks at dev, never at held_out.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.components_quality import Counts, LabelledPrompt, score  # noqa: E402
from bot.core.critique.components import COMPONENT_NAMES  # noqa: E402
from bot.core.language import detect_language  # noqa: E402

DATA_FILE = Path(__file__).resolve().parent / "data" / "external" / "components_multilingual.yaml"
SPLITS = ("dev", "held_out")
LANGS = ("zh", "es", "ja")
TARGETED = ("camera", "shot", "lighting", "motion", "subject", "action")
TARGET = 0.85


class MultilingualPrompt(LabelledPrompt):
    lang: str


def load_rows(path: Path) -> list[MultilingualPrompt]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [MultilingualPrompt.model_validate(raw) for raw in data["prompts"]]


def _report(lang: str, split: str, rows: list[MultilingualPrompt],
            counts: dict[str, Counts]) -> None:
    detected = sum(detect_language(r.prompt).code == lang for r in rows)
    print(f"\n{lang} {split}: {len(rows)} prompts, language detected right on {detected}")
    print(f"  {'component':<12} {'labelled':>8} {'precision':>9} {'recall':>7} {'span':>6}  target")
    for name in COMPONENT_NAMES:
        c = counts[name]
        if name in TARGETED:
            met = c.precision() >= TARGET and c.recall() >= TARGET
            verdict = f"{TARGET:.2f} {'met' if met else 'NOT met'}"
        else:
            verdict = "(info)"
        print(f"  {name:<12} {c.tp + c.fn:>8} {c.precision():>9.2f} {c.recall():>7.2f} "
              f"{c.span_agreement():>6.2f}  {verdict}")


def latency(rows: list[MultilingualPrompt], rounds: int = 20) -> None:
    """The full offline critique (analysis, anti-patterns, rewrite) per language, warm."""
    from bot.core.critique.pipeline import critique
    from bot.core.knowledge import load_knowledge

    kb = load_knowledge()
    print(f"\ncritique latency, in process, warm; load average {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores")
    for lang in LANGS:
        prompts = [r.prompt for r in rows if r.lang == lang]
        for p in prompts:
            critique(p, kb)
        wall: list[float] = []
        cpu: list[float] = []
        for _ in range(rounds):
            for p in prompts:
                t, c = time.perf_counter(), time.process_time()
                critique(p, kb)
                cpu.append((time.process_time() - c) * 1000)
                wall.append((time.perf_counter() - t) * 1000)
        for name, times in (("wall", wall), ("cpu ", cpu)):
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print(f"  {lang} {name}: {len(times)} calls  p50 {statistics.median(times):.2f} ms  "
                  f"p95 {p95:.2f} ms  max {times[-1]:.2f} ms  target p95 < 5 ms: "
                  f"{'met' if p95 < 5 else 'NOT met'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DATA_FILE)
    parser.add_argument("--lang", choices=LANGS)
    parser.add_argument("--misses", metavar="COMPONENT",
                        help="list the dev split's disagreements for one component (or 'all')")
    parser.add_argument("--split", choices=SPLITS, help="only this split (both by default)")
    parser.add_argument("--no-latency", action="store_true")
    args = parser.parse_args(argv)
    try:
        rows = load_rows(args.file)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 2
    print(f"multilingual components quality on {args.file} ({len(rows)} prompts)")
    for lang in (args.lang,) if args.lang else LANGS:
        for split in (args.split,) if args.split else SPLITS:
            split_rows = [r for r in rows if r.lang == lang and r.split == split]
            counts, misses = score(split_rows)  # type: ignore[arg-type]
            _report(lang, split, split_rows, counts)
            if args.misses and split == "dev":
                shown = [m for m in misses
                         if args.misses == "all" or m.startswith(args.misses + " ")]
                print(f"\n  {lang} dev disagreements ({len(shown)}):")
                for line in shown:
                    print("  " + line)
    if not args.no_latency:
        latency(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
