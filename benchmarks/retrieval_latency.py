"""Retrieval speed: full index build, no-change re-index, and warm `ask` latency (p50/p95).

Run: .venv/bin/python benchmarks/retrieval_latency.py [--rounds N] [--torch]
Targets: ask p95 < 25 ms warm; re-index with nothing changed < 1 s (on 2 cores).
Embeddings run on ONNX Runtime (the export is made first and timed); --torch measures the
sentence-transformers fallback instead. RSS is printed after each phase (VmRSS, and the peak).
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
from bot.core.retrieval import Retriever, embeddings, onnx_model  # noqa: E402

QUESTIONS = Path(__file__).parent / "data" / "retrieval_questions.yaml"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def rss() -> str:
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines()
                  if ":" in line)
    now, peak = (int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))
    return f"RSS {now:.0f} MB (peak {peak:.0f} MB)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--torch", action="store_true",
                        help="embed with sentence-transformers (the fallback) instead of ONNX")
    args = parser.parse_args(argv)
    if args.torch:
        os.environ["FRAMECRAFT_EMBEDDINGS"] = "torch"
    data_dir = Path(tempfile.mkdtemp(prefix="framecraft-latency-"))
    settings = Settings(data_dir=data_dir, _env_file=None)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    t = time.perf_counter()
    kb = load_knowledge()
    print(f"load knowledge base:        {time.perf_counter() - t:8.3f} s")
    t = time.perf_counter()
    if args.torch:
        embeddings.load_model()
        print(f"load sentence-transformers: {time.perf_counter() - t:8.3f} s  {rss()}")
    else:
        onnx_model.export_in_subprocess(data_dir)
        print(f"ONNX export (child):        {time.perf_counter() - t:8.3f} s")
        t = time.perf_counter()
        embeddings.use_data_dir(data_dir, export=False)
        print(f"load ONNX encoder:          {time.perf_counter() - t:8.3f} s  {rss()}")

    retriever = Retriever(settings, kb, chat_model=None)
    t = time.perf_counter()
    report = retriever.sync()
    print(f"full index build:           {time.perf_counter() - t:8.3f} s  "
          f"({report.added} chunks, {embeddings.engine_name()})  {rss()}")

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
    fresh.warm_up()  # what a server does at start: index checked, BM25 built, model loaded
    for q in questions[:2]:  # the torch fallback traces its query encoder on the second
        fresh.ask(q)
    fast = embeddings.query_encoder()
    encode_ms = []
    for q in questions:
        t = time.perf_counter()
        fast(q) if fast is not None else embeddings.embed([q])
        encode_ms.append((time.perf_counter() - t) * 1000)
    print(f"query encoding alone:       p50 {statistics.median(encode_ms):6.2f} ms   "
          f"p95 {percentile(encode_ms, 95):6.2f} ms")
    latencies = []
    for _ in range(args.rounds):
        for q in questions:
            t = time.perf_counter()
            fresh.ask(q)
            latencies.append((time.perf_counter() - t) * 1000)
    print(f"ask, warm ({len(latencies)} asks):     p50 {statistics.median(latencies):6.1f} ms   "
          f"p95 {percentile(latencies, 95):6.1f} ms   max {max(latencies):6.1f} ms   "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)  {rss()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
