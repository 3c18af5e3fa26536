"""Print how well the ethics review matches the labelled set (tests/data/ethics_cases.yaml).

Per category: precision and recall of the categories raised. Overall: stop-level recall (every
prompt labelled stop must be stopped), false stops (prompts not labelled stop that were stopped),
verdict accuracy and the time per prompt. `--misses` lists every disagreement.

    .venv/bin/python benchmarks/ethics_quality.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml
from pydantic import BaseModel, Field

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.ethics import CATEGORIES, EthicsReview, Severity, cached_rules, review_ethics  # noqa: E402

CASES_FILE = Path(__file__).resolve().parents[1] / "tests" / "data" / "ethics_cases.yaml"


class EthicsCase(BaseModel):
    prompt: str
    verdict: Severity
    categories: list[str] = Field(default_factory=list)
    safe: bool = False


def load_cases(path: Path = CASES_FILE) -> list[EthicsCase]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [EthicsCase.model_validate(c) for c in data["cases"]]


class Scores(BaseModel):
    cases: int
    per_category: dict[str, tuple[float, float, int]]
    """category -> (precision, recall, labelled cases)."""
    stop_recall: float
    false_stops: list[str]
    missed_stops: list[str]
    verdict_accuracy: float
    ms_per_prompt: float
    misses: list[str]


def score(cases: list[EthicsCase]) -> Scores:
    cached_rules()  # load and compile before timing
    tp = dict.fromkeys(CATEGORIES, 0)
    fp = dict.fromkeys(CATEGORIES, 0)
    fn = dict.fromkeys(CATEGORIES, 0)
    false_stops, missed_stops, misses = [], [], []
    verdict_ok = 0
    started = time.perf_counter()
    reviews: list[EthicsReview] = [review_ethics(c.prompt) for c in cases]
    elapsed = time.perf_counter() - started
    for case, review in zip(cases, reviews, strict=True):
        got, want = review.categories, set(case.categories)
        for cat in CATEGORIES:
            tp[cat] += cat in got and cat in want
            fp[cat] += cat in got and cat not in want
            fn[cat] += cat in want and cat not in got
        verdict_ok += review.verdict == case.verdict
        if case.verdict == "stop" and review.verdict != "stop":
            missed_stops.append(case.prompt)
        if case.verdict != "stop" and review.verdict == "stop":
            false_stops.append(case.prompt)
        if review.verdict != case.verdict or got != want:
            misses.append(f"{case.prompt!r}\n    want {case.verdict} {sorted(want)}\n"
                          f"    got  {review.verdict} {sorted(got)} "
                          f"{[(c.rule, c.trigger) for c in review.concerns]}")
    per_category = {}
    for cat in CATEGORIES:
        p = tp[cat] / (tp[cat] + fp[cat]) if tp[cat] + fp[cat] else 1.0
        r = tp[cat] / (tp[cat] + fn[cat]) if tp[cat] + fn[cat] else 1.0
        per_category[cat] = (p, r, tp[cat] + fn[cat])
    stops = sum(c.verdict == "stop" for c in cases)
    return Scores(
        cases=len(cases), per_category=per_category,
        stop_recall=(stops - len(missed_stops)) / stops if stops else 1.0,
        false_stops=false_stops, missed_stops=missed_stops,
        verdict_accuracy=verdict_ok / len(cases), ms_per_prompt=1000 * elapsed / len(cases),
        misses=misses,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    cases = load_cases()
    s = score(cases)
    safe = sum(c.safe for c in cases)
    print(f"ethics review on {s.cases} labelled prompts ({safe} safe creative prompts)")
    print(f"{'category':30} {'precision':>9} {'recall':>7} {'labelled':>8}")
    for cat, (p, r, n) in s.per_category.items():
        print(f"{cat:30} {p:9.2f} {r:7.2f} {n:8d}")
    print(f"stop-level recall: {s.stop_recall:.2f} "
          f"({sum(c.verdict == 'stop' for c in cases) - len(s.missed_stops)}"
          f"/{sum(c.verdict == 'stop' for c in cases)})")
    print(f"false stops: {len(s.false_stops)}")
    print(f"verdict accuracy: {s.verdict_accuracy:.2f}")
    print(f"time per prompt: {s.ms_per_prompt:.2f} ms")
    for p in s.missed_stops:
        print(f"  missed stop: {p}")
    for p in s.false_stops:
        print(f"  false stop: {p}")
    if args.misses:
        print(f"\n{len(s.misses)} disagreements:")
        for m in s.misses:
            print(f"  {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
