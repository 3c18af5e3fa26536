"""Retrieval quality: recall@1, recall@3 and MRR for vector-only, keyword-only and hybrid search.

Run: .venv/bin/python benchmarks/retrieval_quality.py [--data-dir DIR]
Questions live in benchmarks/data/retrieval_questions.yaml; a question whose expected ids are not
in the knowledge base (a section not written yet) is reported and skipped, not counted as a miss.
Target: hybrid recall@3 >= 0.9.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import Settings  # noqa: E402
from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.retrieval import Retriever  # noqa: E402

QUESTIONS = Path(__file__).parent / "data" / "retrieval_questions.yaml"
MODES = ("vector", "keyword", "hybrid")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="index location (default: a fresh temporary directory)")
    parser.add_argument("--misses", action="store_true", help="list hybrid misses at 3")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="framecraft-bench-"))
    retriever = Retriever(Settings(data_dir=data_dir), load_knowledge(), chat_model=None)
    retriever.sync()
    known = {c.id for c in retriever.chunks}

    questions = yaml.safe_load(QUESTIONS.read_text())["questions"]
    usable = [q for q in questions if set(q["expect"]) & known]
    for q in questions:
        if q not in usable:
            print(f"skipped (answer not in the knowledge base yet): {q['q']}")
    print(f"{len(usable)} questions, {len(known)} chunks\n")
    print(f"{'mode':<8} {'recall@1':>9} {'recall@3':>9} {'MRR':>7}")
    misses: list[str] = []
    for mode in MODES:
        r1 = r3 = rr = 0.0
        for q in usable:
            ids = [h.chunk.id for h in retriever.search(q["q"], k=10, mode=mode)]
            ranks = [ids.index(e) + 1 for e in q["expect"] if e in ids]
            best = min(ranks, default=0)
            r1 += best == 1
            r3 += 0 < best <= 3
            rr += 1.0 / best if best else 0.0
            if mode == "hybrid" and not 0 < best <= 3:
                misses.append(f"  {q['q']}\n    expected {q['expect'][0]}, got {ids[:3]}")
        n = len(usable) or 1
        print(f"{mode:<8} {r1 / n:>9.3f} {r3 / n:>9.3f} {rr / n:>7.3f}")
    if args.misses and misses:
        print("\nhybrid misses at 3:\n" + "\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
