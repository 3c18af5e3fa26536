""""Learn more" and "prompts like yours" links for a critique, as `LearnMore` items."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.core.knowledge import KnowledgeBase
from bot.core.results import LearnMore

if TYPE_CHECKING:
    from bot.core.retrieval.retriever import Retriever


def guide_links(kb: KnowledgeBase, section_ids: Iterable[str]) -> list[LearnMore]:
    """The guide sections a critique cites: a lookup, no search needed."""
    return [LearnMore(kind="guide", id=s, title=kb.guide[s].title, file=kb.guide[s].file,
                      why=kb.guide[s].summary)
            for s in dict.fromkeys(section_ids) if s in kb.guide]


def similar_links(retriever: Retriever, prompt: str, k: int = 3) -> list[LearnMore]:
    """Gallery prompts most like this one, each with why it works."""
    out = []
    for hit in retriever.similar_prompts(prompt, k=k):
        entry = retriever.kb.gallery[hit.chunk.ref_id]
        out.append(LearnMore(kind="gallery", id=entry.id, title=entry.title, file=entry.file,
                             why=" ".join(entry.why.split()), score=round(hit.score, 3)))
    return out
