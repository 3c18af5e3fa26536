"""What a critique finds in a prompt, reduced to names (components, anti-pattern ids, ethics
categories): the part of a review that team insights count."""

from __future__ import annotations

from bot.core.critique.pipeline import critique as run_critique
from bot.core.ethics import EthicsRules, review_ethics
from bot.core.knowledge import KnowledgeBase
from bot.core.storage.records import ReviewDetails


def review_details(prompt: str, model: str | None, kb: KnowledgeBase,
                   rules: EthicsRules) -> ReviewDetails:
    """The details of one critique. A model id the knowledge base no longer has is read as no
    model, so an old review still gets analysed."""
    model_id = model if model and model in kb.models else None
    result = run_critique(prompt, kb, model_id)
    concerns = review_ethics(prompt, rules)
    return ReviewDetails(missing=[m.value for m in result.missing],
                         anti_patterns=[h.id for h in result.anti_patterns],
                         ethics=sorted(concerns.categories))
