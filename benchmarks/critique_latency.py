"""p50 and p95 of critique() over the gallery and the seed prompts, warm, in one process.

Target (issue 2): p95 under 5 ms without retrieval. Run: .venv/bin/python benchmarks/critique_latency.py
"""

from __future__ import annotations

import os
import statistics
import time

from bot.core.critique.pipeline import critique
from bot.core.knowledge import load_knowledge

SEED = ["A cat jumps on the table", "Cinematic forest scene with birds",
        "Man walking down street, 4K",
        "A woman walking through a rainy city at night, neon reflections, cinematic"]


def main(rounds: int = 20) -> None:
    kb = load_knowledge()
    prompts = SEED + [e.prompt for e in kb.gallery.values()]
    for p in prompts:  # warm the regex cache
        critique(p, kb)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for p in prompts:
            t, c = time.perf_counter(), time.process_time()
            critique(p, kb)
            cpu.append((time.process_time() - c) * 1000)
            wall.append((time.perf_counter() - t) * 1000)
    print(f"critique latency over {len(prompts)} prompts x {rounds} rounds ({len(wall)} calls), "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name, times in (("wall", wall), ("cpu ", cpu)):
        times.sort()
        p50 = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{name}: p50 {p50:.2f} ms   p95 {p95:.2f} ms   max {times[-1]:.2f} ms   "
              f"target p95 < 5 ms: {'met' if p95 < 5 else 'NOT met'}")
    similar_cost(kb, prompts, rounds)
    with_ethics_cost(kb, prompts, rounds)


def with_ethics_cost(kb, prompts: list[str], rounds: int) -> None:
    """The critique as `Engine.critique` runs it by default: with the quick ethics check (the
    rules layer; the semantic layer is not part of a default critique)."""
    from bot.core.ethics import cached_rules, review_ethics

    rules = cached_rules()
    for p in prompts:
        review_ethics(p, rules)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for p in prompts:
            t, c = time.perf_counter(), time.process_time()
            critique(p, kb)
            review_ethics(p, rules)
            cpu.append((time.process_time() - c) * 1000)
            wall.append((time.perf_counter() - t) * 1000)
    for name, times in (("wall", wall), ("cpu ", cpu)):
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"critique + quick ethics check, {name}: p50 {statistics.median(times):.2f} ms   "
              f"p95 {p95:.2f} ms   max {times[-1]:.2f} ms   "
              f"target p95 < 5 ms: {'met' if p95 < 5 else 'NOT met'}")


def similar_cost(kb, prompts: list[str], rounds: int) -> None:
    """What `Engine.critique` adds by default: "prompts like yours" (lexical, no vector index)."""
    from bot.core.retrieval.links import similar_links

    calls = [(p, c.model, [m.value for m in c.missing])
             for p in prompts for c in [critique(p, kb)]]
    for p, model, missing in calls:  # warm: the gallery's BM25 postings are built once
        similar_links(kb, p, 3, model=model, missing=missing)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for p, model, missing in calls:
            t, c = time.perf_counter(), time.process_time()
            similar_links(kb, p, 3, model=model, missing=missing)
            cpu.append((time.process_time() - c) * 1000)
            wall.append((time.perf_counter() - t) * 1000)
    for name, times in (("wall", wall), ("cpu ", cpu)):
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"+ similar prompts per critique, {name}: p50 {statistics.median(times):.3f} ms   "
              f"p95 {p95:.3f} ms   max {times[-1]:.3f} ms   "
              f"target < 1 ms: {'met' if p95 < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
