"""Prompts like yours: are the three gallery entries shown for a prompt relevant to it?

Run: .venv/bin/python benchmarks/similar_relevance.py [--data-dir DIR]
         [--split dev|dev2|held_out|all] [--misses] [--keywords-only]

Queries and their relevant gallery entries, judged by hand before any tuning, live in
benchmarks/data/external/similar_relevance.yaml (`queries: [{id, prompt, source, split,
relevant: [entry ids]}]`). A second tuning set, judged the same way by someone who had not read
the ranking code, lives in similar_relevance_dev2.yaml (every row `split: dev`); it is printed
as its own split, `dev2`, so a change tuned on one dev set can be checked on the other. Each
query is ranked the way the product ranks it (the critique's
spans give subject and setting) on both paths:
- keywords: what a cold `framecraft critique` uses;
- embeddings: what a warmed Slack/Discord process uses (MiniLM on ONNX Runtime, as shipped).
Printed per split and path:
- relevance@3: the share of queries with at least one relevant entry among the three shown, as
  recall@3 is read for the retrieval questions (the target, >= 0.8 on held_out);
- precision@3: the share of the three entries shown that were judged relevant (its ceiling is
  about 0.8 here: a query with one relevant entry scores at most 1/3);
- judged: queries whose relevant entries exist in the gallery (an id not in it is reported).
Per-query misses are printed only for dev and dev2 (`--misses`): held_out misses are not read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.critique.analysis import analyze  # noqa: E402
from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.retrieval.similar import GallerySimilarity, query_parts  # noqa: E402

DATA = Path(__file__).parent / "data" / "external" / "similar_relevance.yaml"
DATA_DEV2 = DATA.with_name("similar_relevance_dev2.yaml")
SPLITS = ("dev", "dev2", "held_out")
TUNING = ("dev", "dev2")
"""Splits whose misses may be listed: the ones tuned on."""


def load_queries() -> list[dict]:
    """Both query files; the second file's rows are the `dev2` split (they say `dev`)."""
    queries = yaml.safe_load(DATA.read_text(encoding="utf-8"))["queries"]
    if DATA_DEV2.exists():
        second = yaml.safe_load(DATA_DEV2.read_text(encoding="utf-8"))["queries"]
        queries += [{**q, "split": "dev2"} for q in second if q["split"] == "dev"]
    return queries


def rank(index: GallerySimilarity, prompt: str, encoder: object | None) -> list[str]:
    subject, place = query_parts(prompt, analyze(prompt).spans)
    found = index.find(prompt, 3, subject=subject or None, setting=place or None, encoder=encoder)
    return [e.id for e, _ in found]


def score(index: GallerySimilarity, queries: list[dict], encoder: object | None,
          show_misses: bool) -> tuple[float, float]:
    precision = hits = 0.0
    for q in queries:
        shown = rank(index, q["prompt"], encoder)
        good = [i for i in shown if i in set(q["relevant"])]
        precision += len(good) / 3
        hits += bool(good)
        if show_misses and len(good) < 3:
            print(f"    {q['id']}: {q['prompt'][:70]!r}\n      shown {shown}, "
                  f"relevant {q['relevant'][:6]}")
    n = len(queries) or 1
    return precision / n, hits / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="where the ONNX export lives (default: a temporary directory)")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--misses", action="store_true", help="list dev and dev2 misses")
    parser.add_argument("--keywords-only", action="store_true", help="skip the embedding path")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"error: {DATA} is missing", file=sys.stderr)
        return 2
    kb = load_knowledge()
    queries = load_queries()
    for q in queries:
        unknown = [i for i in q["relevant"] if i not in kb.gallery]
        if unknown:
            print(f"note: {q['id']} names entries not in the gallery: {unknown}")
    index = GallerySimilarity(kb)
    paths: list[tuple[str, object | None]] = [("keywords", None)]
    if not args.keywords_only:
        from bot.core.retrieval import embeddings

        embeddings.use_data_dir(args.data_dir or Path(tempfile.mkdtemp(prefix="fc-sim-")))
        encoder = embeddings.onnx_encoder()
        if encoder is None:
            print("note: no ONNX encoder; the embedding path is skipped")
        else:
            index.prepare_vectors(encoder)
            paths.append(("embeddings", encoder))
    print(f"{len(kb.gallery)} gallery entries, {len(queries)} queries\n")
    print(f"{'split':<9} {'path':<11} {'queries':>7} {'relevance@3':>12} {'precision@3':>12}")
    for split in SPLITS if args.split == "all" else (args.split,):
        chosen = [q for q in queries if q["split"] == split and set(q["relevant"]) & set(kb.gallery)]
        for name, encoder in paths:
            misses = args.misses and split in TUNING
            if misses:
                print(f"  {split} misses ({name}):")
            precision, hit = score(index, chosen, encoder, misses)
            print(f"{split:<9} {name:<11} {len(chosen):>7} {hit:>12.3f} {precision:>12.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
