""""Learn more" and "prompts like yours" links for a critique, as `LearnMore` items."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.core.critique.components import Component
from bot.core.critique.results import LearnMore
from bot.core.knowledge import KnowledgeBase
from bot.core.retrieval.similar import gallery_similarity, query_parts


def guide_links(kb: KnowledgeBase, section_ids: Iterable[str]) -> list[LearnMore]:
    """The guide sections a critique cites: a lookup, no search needed."""
    return [LearnMore(kind="guide", id=s, title=kb.guide[s].title, file=kb.guide[s].file,
                      why=kb.guide[s].summary)
            for s in dict.fromkeys(section_ids) if s in kb.guide]


def similar_links(kb: KnowledgeBase, prompt: str, k: int = 3, model: str | None = None,
                  missing: Iterable[str] = (),
                  spans: Mapping[Component, Sequence[Any]] | None = None,
                  encoder: Any = None) -> list[LearnMore]:
    """Gallery prompts most like this one (subject and setting first, read from the prompt's
    analysed `spans`), each with why it works; by embeddings when `encoder` is given and the
    gallery's vectors are ready, otherwise by keywords (see bot.core.retrieval.similar)."""
    subject, setting = query_parts(prompt, spans) if spans is not None else ("", "")
    found = gallery_similarity(kb).find(prompt, k, model=model, missing=missing,
                                        subject=subject or None, setting=setting or None,
                                        encoder=encoder)
    return [LearnMore(kind="gallery", id=e.id, title=e.title, file=e.file,
                      why=" ".join(e.why.split()), score=score)
            for e, score in found]
