"""p50 and p95 of critique() over the gallery and the seed prompts, warm, in one process; the
critique with the quick ethics check, in English and per language (zh, es, ja).

Target (issue 2): p95 under 5 ms without retrieval. Run: .venv/bin/python benchmarks/critique_latency.py
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from bot.core.critique.pipeline import critique
from bot.core.knowledge import load_knowledge

T = TypeVar("T")

SEED = ["A cat jumps on the table", "Cinematic forest scene with birds",
        "Man walking down street, 4K",
        "A woman walking through a rainy city at night, neon reflections, cinematic"]


def timed(call: Callable[[T], object], items: Sequence[T],
          rounds: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of `call(item)` for every item, `rounds` times over, after one
    untimed pass that warms the caches (regexes, postings). Both lists come back sorted."""
    for item in items:
        call(item)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for item in items:
            t, c = time.perf_counter(), time.process_time()
            call(item)
            cpu.append((time.process_time() - c) * 1000)
            wall.append((time.perf_counter() - t) * 1000)
    return sorted(wall), sorted(cpu)


def p95(sorted_times: list[float]) -> float:
    return sorted_times[int(len(sorted_times) * 0.95) - 1]


def main(rounds: int = 20) -> None:
    kb = load_knowledge()
    prompts = SEED + [e.prompt for e in kb.gallery.values()]
    wall, cpu = timed(lambda p: critique(p, kb), prompts, rounds)
    print(f"critique latency over {len(prompts)} prompts x {rounds} rounds ({len(wall)} calls), "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name, times in (("wall", wall), ("cpu ", cpu)):
        p50, tail = statistics.median(times), p95(times)
        print(f"{name}: p50 {p50:.2f} ms   p95 {tail:.2f} ms   max {times[-1]:.2f} ms   "
              f"target p95 < 5 ms: {'met' if tail < 5 else 'NOT met'}")
    similar_cost(kb, prompts, rounds)
    with_ethics_cost(kb, prompts, rounds)
    per_language_with_ethics(kb, rounds)


def with_ethics_cost(kb, prompts: list[str], rounds: int) -> None:
    """The critique as `Engine.critique` runs it by default: with the quick ethics check (the
    rules layer; the semantic layer is not part of a default critique)."""
    wall, cpu = timed(critique_and_ethics(kb), prompts, rounds)
    print_with_ethics("critique + quick ethics check", wall, cpu)


def critique_and_ethics(kb) -> Callable[[str], None]:
    """One prompt through the critique and then the quick ethics check (the rules layer)."""
    from bot.core.ethics import cached_rules, review_ethics

    rules = cached_rules()

    def both(prompt: str) -> None:
        critique(prompt, kb)
        review_ethics(prompt, rules)

    return both


def print_with_ethics(label: str, wall: list[float], cpu: list[float]) -> None:
    """The p50, p95 and max lines of one timing of critique + quick ethics, against 5 ms."""
    for name, times in (("wall", wall), ("cpu ", cpu)):
        tail = p95(times)
        print(f"{label}, {name}: p50 {statistics.median(times):.2f} ms   "
              f"p95 {tail:.2f} ms   max {times[-1]:.2f} ms   "
              f"target p95 < 5 ms: {'met' if tail < 5 else 'NOT met'}")


MULTILINGUAL_SETS = ("components_multilingual.yaml", "components_multilingual_dev2.yaml")


def per_language_with_ethics(kb, rounds: int) -> None:
    """Critique + quick ethics check per language (issues 12 and 16: p95 < 5 ms for every
    language), on the multilingual components sets' prompt texts (both files, all splits:
    latency, not quality)."""
    from pathlib import Path

    import yaml

    data_dir = Path(__file__).resolve().parent / "data" / "external"
    rows = [row for name in MULTILINGUAL_SETS if (data_dir / name).is_file()
            for row in yaml.safe_load((data_dir / name).read_text(encoding="utf-8"))["prompts"]]

    both = critique_and_ethics(kb)
    for lang in ("zh", "es", "ja"):
        texts = [row["prompt"] for row in rows if row.get("lang") == lang]
        if not texts:
            continue
        wall, cpu = timed(both, texts, rounds)
        print_with_ethics(f"critique + quick ethics check, {lang} ({len(texts)} prompts)", wall, cpu)


def similar_cost(kb, prompts: list[str], rounds: int) -> None:
    """What `Engine.critique` adds by default: "prompts like yours" (lexical, no vector index)."""
    from bot.core.retrieval.links import similar_links

    calls = [(p, c.model, [m.value for m in c.missing])
             for p in prompts for c in [critique(p, kb)]]
    wall, cpu = timed(lambda call: similar_links(kb, call[0], 3, model=call[1],
                                                 missing=call[2]), calls, rounds)
    for name, times in (("wall", wall), ("cpu ", cpu)):
        tail = p95(times)
        print(f"+ similar prompts per critique, {name}: p50 {statistics.median(times):.3f} ms   "
              f"p95 {tail:.3f} ms   max {times[-1]:.3f} ms   "
              f"target < 1 ms: {'met' if tail < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
