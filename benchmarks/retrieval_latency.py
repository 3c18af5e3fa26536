"""Retrieval speed: full index build, no-change re-index, and warm `ask` latency (p50/p95).

Run: .venv/bin/python benchmarks/retrieval_latency.py [--rounds N]
Targets: ask p95 < 30 ms warm; re-index with nothing changed < 1 s (on 2 cores).
The questions are those of retrieval_quality.py (75 distinct), each asked `rounds` times; query
embeddings are never cached, so every ask pays for its own.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import Settings  # noqa: E402
from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.retrieval import Retriever  # noqa: E402
from bot.core.retrieval.embeddings import TRACE_AFTER, load_model  # noqa: E402

QUESTIONS = Path(__file__).parent / "data" / "retrieval_questions.yaml"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    data_dir = Path(tempfile.mkdtemp(prefix="framecraft-latency-"))
    settings = Settings(data_dir=data_dir, _env_file=None)

    t = time.perf_counter()
    kb = load_knowledge()
    print(f"load knowledge base:        {time.perf_counter() - t:8.3f} s")
    t = time.perf_counter()
    load_model()
    print(f"load embedding model:       {time.perf_counter() - t:8.3f} s")

    retriever = Retriever(settings, kb, chat_model=None)
    t = time.perf_counter()
    report = retriever.sync()
    print(f"full index build:           {time.perf_counter() - t:8.3f} s  "
          f"({report.added} chunks)")

    times = []
    for _ in range(3):
        fresh = Retriever(settings, kb, chat_model=None)
        t = time.perf_counter()
        report = fresh.sync()
        times.append(time.perf_counter() - t)
        assert not report.changed, report
    print(f"re-index, nothing changed:  {min(times):8.3f} s  (best of 3; worst "
          f"{max(times):.3f} s; {report.kept} kept)")

    questions = [q["q"] for q in yaml.safe_load(QUESTIONS.read_text())["questions"]]
    fresh = Retriever(settings, kb, chat_model=None)
    for q in questions[:TRACE_AFTER]:  # warm: BM25 built, index checked, query encoder traced
        fresh.ask(q)
    latencies = []
    for _ in range(args.rounds):
        for q in questions:
            t = time.perf_counter()
            fresh.ask(q)
            latencies.append((time.perf_counter() - t) * 1000)
    print(f"ask, warm ({len(latencies)} asks):     p50 {statistics.median(latencies):6.1f} ms   "
          f"p95 {percentile(latencies, 95):6.1f} ms   max {max(latencies):6.1f} ms   "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
