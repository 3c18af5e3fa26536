"""The keyword signal: tokenizing and BM25, in plain Python.

The statistics are rank-bm25's `BM25Okapi` (k1 1.5, b 0.75, idf floored at 0.25 x the average
idf), computed here once as postings: for each term, the documents holding it and its weight
there. Scoring a query is then a walk over the postings of its terms; scores equal
`BM25Okapi.get_scores` (a test checks it). Neither rank-bm25 nor numpy is imported: a critique
uses this to find similar prompts, and numpy alone was ~15% of a cold `framecraft critique`.
`scores` (the `ask` path) returns a numpy array; `score_map` is the sparse, numpy-free form.

This module must stay free of chromadb and torch.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core import cached_re as re

if TYPE_CHECKING:
    import numpy as np

K1 = 1.5
B = 0.75
EPSILON = 0.25

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
        self._postings: dict[str, tuple[list[int], list[float]]] = {}
        if not docs:
            return
        freqs = [Counter(d) for d in docs]
        holding: Counter[str] = Counter()
        for f in freqs:
            holding.update(f.keys())
        self.idf = _okapi_idf(holding, self.size)
        avgdl = sum(len(d) for d in docs) / self.size
        for j, (doc, f) in enumerate(zip(docs, freqs, strict=True)):
            norm = K1 * (1 - B + B * len(doc) / avgdl)
            for term, tf in f.items():
                where, weights = self._postings.setdefault(term, ([], []))
                where.append(j)
                weights.append(self.idf[term] * tf * (K1 + 1) / (tf + norm))

    def holding(self, term: str) -> int:
        """How many documents hold the term."""
        posting = self._postings.get(term)
        return len(posting[0]) if posting is not None else 0

    def score_map(self, terms: Sequence[str]) -> dict[int, float]:
        """BM25 of the documents that hold a query term, by position (a repeated term counts
        again); every other document scores 0."""
        out: dict[int, float] = {}
        for term in terms:
            posting = self._postings.get(term)
            if posting is not None:
                for j, w in zip(*posting, strict=True):
                    out[j] = out.get(j, 0.0) + w
        return out

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 of every document for these query terms, as `BM25Okapi.get_scores` gives."""
        import numpy as np

        dense = np.zeros(self.size)
        for j, score in self.score_map(terms).items():
            dense[j] = score
        return dense


def _okapi_idf(holding: Counter[str], size: int) -> dict[str, float]:
    """rank-bm25's `BM25Okapi._calc_idf`: log((N - n + 0.5) / (n + 0.5)), with negative values
    (terms in most documents) raised to EPSILON x the average idf."""
    idf: dict[str, float] = {}
    negative = []
    for term, n in holding.items():
        idf[term] = math.log(size - n + 0.5) - math.log(n + 0.5)
        if idf[term] < 0:
            negative.append(term)
    floor = EPSILON * (sum(idf.values()) / len(idf))
    for term in negative:
        idf[term] = floor
    return idf
