"""Hybrid search: vector similarity and BM25 keywords, fused by reciprocal rank.

Why reciprocal rank fusion (RRF): the two signals live on unrelated scales. Cosine similarity
of MiniLM vectors sits in a narrow band (0.2-0.7 for almost everything here), while BM25 scores
are unbounded and depend on query length and term rarity, so any weighted sum of raw scores needs
per-query normalisation that is fragile on a corpus of a few hundred chunks. Ranks are on the
same scale by construction. RRF, `sum 1 / (K + rank)`, rewards a chunk both signals rank high,
still surfaces one that only one signal finds (exact jargon like "rack focus" or "cfg_scale" that
MiniLM blurs; paraphrases like "keep my character the same" that share no keyword), and needs
no training data.

Two settings, picked by a small sweep on benchmarks/retrieval_quality.py (K 5-60, keyword weight
0.3-1; neighbours differ by a question or two, so they are sensible defaults, not a fine fit):
- K=10 instead of the customary 60: we cite the top three of a few hundred chunks, and K=60
  flattens the gap between rank 1 and rank 10 until a chunk both lists rank mediocre beats the
  one a single list is sure of.
- the keyword list weighs half: people ask in paraphrase ("keep my character the same"), which
  MiniLM handles and BM25 does not, so BM25 is the supporting signal that lifts exact terms.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel

from bot.core.retrieval.chunks import Chunk
from bot.core.retrieval.embeddings import embed
from bot.core.retrieval.index import VectorIndex
from bot.core.retrieval.keywords import KeywordIndex, tokenize

__all__ = ["CANDIDATES", "Hit", "HybridSearch", "Mode", "tokenize", "where_filter"]

Mode = Literal["hybrid", "vector", "keyword"]
RRF_K = 10
KEYWORD_WEIGHT = 0.5
CANDIDATES = 40
"""How deep each signal's list goes into the fusion."""

class Hit(BaseModel):
    chunk: Chunk
    score: float
    """0-1; 1 means ranked first by both signals (hybrid), or the raw signal otherwise."""
    similarity: float | None = None
    """Cosine similarity to the query, when the vector signal saw this chunk."""
    keyword: float = 0.0
    """BM25 score (0 when no query word occurs in the chunk)."""


def where_filter(kind: str | None, model: str | None) -> dict[str, Any] | None:
    clauses = [{"kind": kind}] if kind else []
    clauses += [{"model": model}] if model else []
    if len(clauses) > 1:
        return {"$and": clauses}
    return clauses[0] if clauses else None


class HybridSearch:
    def __init__(self, chunks: Sequence[Chunk], index: VectorIndex):
        self.chunks = list(chunks)
        self.by_id = {c.id: c for c in self.chunks}
        self.index = index
        # Title and tags count in the keyword signal: they are the words people ask with.
        docs = [tokenize(f"{c.title} {c.title} {' '.join(c.tags)} {c.text}") for c in self.chunks]
        self.bm25 = KeywordIndex(docs)

    def keyword_ranking(self, query: str, kind: str | None = None,
                        model: str | None = None) -> list[tuple[str, float]]:
        terms = tokenize(query)
        if not terms or not self.chunks:
            return []
        scores = self.bm25.scores(terms)
        ranked = [
            (c.id, float(s)) for c, s in zip(self.chunks, scores, strict=True)
            if s > 0 and (kind is None or c.kind == kind) and (model is None or c.model == model)
        ]
        ranked.sort(key=lambda t: t[1], reverse=True)
        return ranked[:CANDIDATES]

    def vector_ranking(self, query: str, kind: str | None = None,
                       model: str | None = None) -> list[tuple[str, float]]:
        vector = embed([query])[0]
        ranked = self.index.query(vector, CANDIDATES, where_filter(kind, model))
        return [(i, s) for i, s in ranked if i in self.by_id]

    def search(self, query: str, k: int = 5, kind: str | None = None, model: str | None = None,
               mode: Mode = "hybrid") -> list[Hit]:
        vec = self.vector_ranking(query, kind, model) if mode != "keyword" else []
        kw = self.keyword_ranking(query, kind, model) if mode != "vector" else []
        sims, bm = dict(vec), dict(kw)
        if mode == "vector":
            fused: dict[str, float] = {i: s for i, s in vec}
        elif mode == "keyword":
            top = kw[0][1] if kw else 1.0
            fused = {i: s / top for i, s in kw}
        else:
            fused = {}
            for weight, ranking in ((1.0, vec), (KEYWORD_WEIGHT, kw)):
                for rank, (cid, _) in enumerate(ranking, start=1):
                    fused[cid] = fused.get(cid, 0.0) + weight / (RRF_K + rank)
            best = (1.0 + KEYWORD_WEIGHT) / (RRF_K + 1)
            fused = {i: s / best for i, s in fused.items()}
        order = sorted(fused, key=lambda i: fused[i], reverse=True)[:k]
        return [Hit(chunk=self.by_id[i], score=round(fused[i], 4), similarity=sims.get(i),
                    keyword=bm.get(i, 0.0)) for i in order]
