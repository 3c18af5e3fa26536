"""Does translation keep the author's intent, and is it linear in the prompt? (issues 12 and 14)

Per model, over the gallery and over the outside prompts (benchmarks/data/external/
components.yaml, dev and held_out printed separately): content words in the translated
`prompt` that neither the source nor the target's syntax accounts for (invented), phrases said
more often than the source says them (repeated), and broken vendor rules of the target's
profile (length, negation placement, avoided and settings words, bracket syntax, camera first,
component order). Targets: 0, 0, 0. Checks: bot/core/dialects/audit.py.

Then the cost of `compare` on adversarial prompts of 400 and 4,000 characters (best of three,
time.perf_counter, analysis cache cleared: linear is 10x), and of the component analysis
alone on the same shapes, which `compare` pays once per prompt (it lives in
bot/core/critique/analysis.py).

Run: .venv/bin/python benchmarks/translation_fidelity.py
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import yaml

from bot.core.critique.analysis import analyze
from bot.core.dialects import compare
from bot.core.dialects.audit import invented, repeated, vendor_violations
from bot.core.knowledge import KnowledgeBase, load_knowledge

EXTERNAL = Path(__file__).resolve().parent / "data/external/components.yaml"

SHAPES: dict[str, str] = {
    "repeated negations": "A fox runs, no people, ",
    "negation chain": "no ",
    "many commas": "a, ",
    "one long word": "x",
    "combining marks": "e\u0301",
    "repeated ands": "a cat and ",
    "dangling camera words": "camera and no the ",
    "repeated withouts": "without the camera ",
    "bracket blocks": "[Push in] a fox ",
    "colons": "Low angle: ",
}


def shape(name: str, n: int) -> str:
    if name == "one long word":
        return "A " + "x" * (n - 2)
    unit = SHAPES[name]
    return (unit * (n // len(unit) + 1))[:n]


def fidelity(kb: KnowledgeBase, prompts: list[str], label: str) -> None:
    invented_n: Counter[str] = Counter()
    repeated_n: Counter[str] = Counter()
    broken: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    for prompt in prompts:
        for t in compare(prompt, kb):
            invented_n[t.model] += len(invented(prompt, t, kb))
            repeated_n[t.model] += len(repeated(prompt, t))
            violations = vendor_violations(prompt, t, kb)
            broken[t.model] += len(violations)
            rules.update(v.split(":")[0] for v in violations)
    print(f"\n{label}: {len(prompts)} prompts x {len(kb.models)} models")
    print(f"  {'model':10} {'invented':>9} {'repeated':>9} {'vendor':>7}")
    for model in kb.models:
        print(f"  {model:10} {invented_n[model]:>9} {repeated_n[model]:>9} {broken[model]:>7}")
    total = (sum(invented_n.values()), sum(repeated_n.values()), sum(broken.values()))
    print(f"  {'total':10} {total[0]:>9} {total[1]:>9} {total[2]:>7}"
          + (f"   broken rules: {dict(rules)}" if rules else ""))


def best_of_3(run: Callable[[], object], clear: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(3):
        clear()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def timing(kb: KnowledgeBase) -> None:
    cache = sys.modules["bot.core.dialects.translate"].analyze
    print(f"\ncompare on adversarial prompts, best of 3 (load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores); linear = 10x")
    print(f"  {'shape':24} {'400 ch':>9} {'4000 ch':>9} {'ratio':>6}   "
          f"{'analysis 400':>12} {'4000':>9} {'ratio':>6}")
    for name in SHAPES:
        short, long = shape(name, 400), shape(name, 4000)
        compare(short, kb)
        c_short = best_of_3(lambda s=short: compare(s, kb), cache.cache_clear)
        c_long = best_of_3(lambda s=long: compare(s, kb), cache.cache_clear)
        a_short = best_of_3(lambda s=short: analyze(s), lambda: None)
        a_long = best_of_3(lambda s=long: analyze(s), lambda: None)
        print(f"  {name:24} {c_short * 1e3:7.1f}ms {c_long * 1e3:7.1f}ms {c_long / c_short:5.1f}x"
              f"   {a_short * 1e3:10.2f}ms {a_long * 1e3:7.2f}ms {a_long / a_short:5.1f}x")


def main() -> None:
    kb = load_knowledge()
    fidelity(kb, [e.prompt for e in kb.gallery.values()], "gallery")
    if EXTERNAL.exists():
        rows = yaml.safe_load(EXTERNAL.read_text(encoding="utf-8"))["prompts"]
        for split in ("dev", "held_out"):
            fidelity(kb, [r["prompt"] for r in rows if r["split"] == split],
                     f"outside prompts ({EXTERNAL.name}, {split})")
    else:
        print(f"\n{EXTERNAL} not found: outside prompts skipped")
    timing(kb)


if __name__ == "__main__":
    main()
