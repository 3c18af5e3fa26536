"""Extractive answers: the sentences of the best passages that speak to the question, grouped by
source and cited. No generation, so nothing is said that the knowledge base does not say."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel, Field

from bot.core import cached_re as re
from bot.core.retrieval.search import Hit, tokenize

MAX_SOURCES = 3
SENTENCES_PER_SOURCE = 2
MIN_SIMILARITY = 0.25
"""Below this cosine similarity the best passage is off topic, unless keywords clearly match."""
MIN_KEYWORD = 4.0
"""A BM25 score this high means a rare term of the question (jargon) occurs in the passage."""
NOT_FOUND = ("I could not find that in the guide, the gallery or the model profiles. "
             "Try naming a component (camera, lighting, motion...) or a model.")

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c(`\[])")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


class Source(BaseModel):
    id: str
    kind: str
    title: str
    file: str
    score: float


class Answer(BaseModel):
    question: str
    answer: str
    sources: list[Source] = Field(default_factory=list)
    answered_by: str = "framecraft"
    """'framecraft' for the extractive answer, or the LLM that wrote it."""
    notices: list[str] = Field(default_factory=list)
    """Notes for the reader (e.g. the LLM failed and this is the offline answer)."""

    def to_public_json(self) -> dict[str, Any]:
        """The contract of `ask --json`: exactly these keys."""
        return {"answer": self.answer,
                "sources": [{"id": s.id, "kind": s.kind, "title": s.title, "file": s.file,
                             "score": s.score} for s in self.sources]}


def source_of(hit: Hit) -> Source:
    c = hit.chunk
    return Source(id=c.id, kind=c.kind, title=c.title, file=c.file, score=round(hit.score, 3))


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        line = _BULLET.sub("", line.replace("**", "")).strip()
        if line:
            out.extend(s.strip() for s in _SENTENCE.split(line)
                       if len(s.split()) >= 3 and not s.rstrip().endswith(":"))
    return list(dict.fromkeys(out))  # an intro repeats the section summary


def relevant(hits: Sequence[Hit]) -> list[Hit]:
    """The hits worth citing: none when even the best one is unrelated to the question."""
    if not hits:
        return []
    best = hits[0]
    similarity = max((h.similarity or 0.0) for h in hits)
    keyword = max(h.keyword for h in hits)
    if similarity < MIN_SIMILARITY and keyword < MIN_KEYWORD:
        return []
    floor = best.score * 0.6
    return [h for h in hits if h.score >= floor][:MAX_SOURCES]


def _pick(question_terms: set[str], text: str, idf: Callable[[str], float]) -> list[str]:
    sents = sentences(text)
    if not sents:
        return []

    def weight(i: int) -> float:
        terms = set(tokenize(sents[i]))
        overlap = sum(idf(t) for t in question_terms & terms)
        return overlap + (0.5 if i == 0 else 0.0)  # an opening sentence usually defines

    chosen = sorted(sorted(range(len(sents)), key=weight, reverse=True)[:SENTENCES_PER_SOURCE])
    return [sents[i] for i in chosen]


def extractive_answer(question: str, hits: Sequence[Hit],
                      idf: Callable[[str], float] = lambda t: 1.0) -> Answer:
    cited = relevant(hits)
    if not cited:
        return Answer(question=question, answer=NOT_FOUND)
    terms = set(tokenize(question))
    parts: list[str] = []
    for n, hit in enumerate(cited, start=1):
        picked = _pick(terms, hit.chunk.text, idf)
        parts.append(f"{hit.chunk.title} [{n}]: {' '.join(picked)}")
    return Answer(question=question, answer="\n\n".join(parts),
                  sources=[source_of(h) for h in cited])
