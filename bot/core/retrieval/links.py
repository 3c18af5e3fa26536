""""Learn more" and "prompts like yours" links for a critique, as `LearnMore` items."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.critique.results import LearnMore
from bot.core.knowledge import KnowledgeBase
from bot.core.retrieval.similar import gallery_similarity


def guide_links(kb: KnowledgeBase, section_ids: Iterable[str]) -> list[LearnMore]:
    """The guide sections a critique cites: a lookup, no search needed."""
    return [LearnMore(kind="guide", id=s, title=kb.guide[s].title, file=kb.guide[s].file,
                      why=kb.guide[s].summary)
            for s in dict.fromkeys(section_ids) if s in kb.guide]


def similar_links(kb: KnowledgeBase, prompt: str, k: int = 3, model: str | None = None,
                  missing: Iterable[str] = ()) -> list[LearnMore]:
    """Gallery prompts most like this one, each with why it works (no vector index: see
    bot.core.retrieval.similar)."""
    return [LearnMore(kind="gallery", id=e.id, title=e.title, file=e.file,
                      why=" ".join(e.why.split()), score=score)
            for e, score in gallery_similarity(kb).find(prompt, k, model=model, missing=missing)]
