"""The keyword signal: tokenizing and BM25, with nothing heavier than numpy behind it.

rank-bm25 computes the corpus statistics (idf with its epsilon floor, document lengths), but its
`get_scores` walks every document in Python for every query term: on the full knowledge base that
was a few milliseconds of each `ask`. The BM25 term weights depend only on the corpus, so they are
computed once here as postings (for each term, the documents holding it and its weight there);
scoring a query is then one vector add per query term. Scores equal `BM25Okapi.get_scores`.

This module must stay free of chromadb and torch: a critique uses it to find similar prompts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rank_bm25 import BM25Okapi

_STOP_WORDS = """a an and are as at be but by can do does for from has have how i if in into
is it its my of on or our so that the their them then there these this to was we what when where
which who why will with you your me should would could get make use using"""
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[a-z0-9]{2,}")
"""Words of two characters or more: a lone letter or digit carries nothing."""


def _stem(word: str) -> str:
    """Crude suffix folding: enough that "pans", "panning" and "pan" meet."""
    for suffix, keep in (("ing", 4), ("ies", 3), ("es", 4), ("s", 3), ("ed", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep - 1:
            word = word[: -len(suffix)]
            if suffix == "ies":
                word += "y"
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]  # "panning" -> "pann" -> "pan"
    return word


_stems: dict[str, str] = {}
_STEMS_MAX = 100_000
"""Stems of words seen before: a vocabulary is small, and stemming is most of tokenizing."""


def tokenize(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        if w not in _STOP:
            s = _stems.get(w)
            if s is None:
                s = _stem(w)
                if len(_stems) < _STEMS_MAX:
                    _stems[w] = s
            out.append(s)
    return out


class KeywordIndex:
    """BM25 (Okapi) over tokenized documents, scored from precomputed postings."""

    def __init__(self, docs: Sequence[Sequence[str]]):
        self.size = len(docs)
        self.idf: dict[str, float] = {}
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        if not docs:
            return
        bm = BM25Okapi([list(d) for d in docs])
        self.idf = bm.idf
        lengths = np.asarray(bm.doc_len, dtype=np.float64)
        norm = bm.k1 * (1 - bm.b + bm.b * lengths / bm.avgdl)
        rows: dict[str, tuple[list[int], list[float]]] = {}
        for j, freqs in enumerate(bm.doc_freqs):
            for term, tf in freqs.items():
                docs_, tfs = rows.setdefault(term, ([], []))
                docs_.append(j)
                tfs.append(tf)
        for term, (where, tfs) in rows.items():
            idx = np.asarray(where, dtype=np.intp)
            tf = np.asarray(tfs, dtype=np.float64)
            weight = bm.idf.get(term, 0.0) * tf * (bm.k1 + 1) / (tf + norm[idx])
            self._postings[term] = (idx, weight)

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 of every document for these query terms (a repeated term counts again)."""
        hits = [p for p in map(self._postings.get, terms) if p is not None]
        if not hits:
            return np.zeros(self.size)
        if len(hits) == 1:
            idx, weights = hits[0]
        else:
            idx = np.concatenate([h[0] for h in hits])
            weights = np.concatenate([h[1] for h in hits])
        return np.bincount(idx, weights=weights, minlength=self.size)
