"""The ethics review: what in a video prompt could hurt someone, and what to write instead.

Three layers, each only ever adding or raising a concern:
- `rules` (always): readable term groups and rules in knowledge/ethics/*.yaml, about a
  millisecond, no model; what `framecraft critique` runs by default;
- `semantic` (where the process is long-lived or asks for it): the prompt's nearest labelled
  exemplars (knowledge/ethics/exemplars.yaml) under the shipped MiniLM, so paraphrases and
  unseen wordings are caught; see `bot.core.ethics.semantic`;
- `llm` (when FRAMECRAFT_LLM is set and the caller asks): a chat model's verdict, which can
  only raise severity; see `bot.core.ethics.judge`.

Importing this package imports no embedding or LLM code: those layers load on first use.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.core.ethics.rules import (
    CATEGORIES,
    GLOSS_MIN_SEVERITY,
    SEVERITY_RANK,
    Category,
    Concern,
    ConcernSeverity,
    EthicsReview,
    EthicsRules,
    Severity,
    _Scan,
    assemble,
    cached_rules,
    from_gloss,
    load_ethics_rules,
    review_ethics,
)

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from bot.core.ethics.semantic import SemanticLayer

__all__ = [
    "CATEGORIES", "SEVERITY_RANK", "Category", "Concern", "ConcernSeverity", "EthicsReview",
    "EthicsRules", "Severity", "_Scan", "assemble", "cached_rules", "load_ethics_rules",
    "review_ethics", "review_full", "review_gloss_only",
]

log = logging.getLogger(__name__)


def review_full(prompt: str, rules: EthicsRules | None = None,
                semantic: SemanticLayer | None = None, judge: BaseChatModel | None = None,
                judge_timeout: float = 20.0, use_gloss: bool = True) -> EthicsReview:
    """The rules layer, then whichever of the semantic layer and the LLM judge are given.

    Each later layer may add a concern or raise one; none lowers what an earlier one found
    (at equal severity the rules' concern, with its precise trigger, is kept). A layer that
    fails is left out of `layers` and the review stands on the others.
    """
    rules = rules or cached_rules()
    review = review_ethics(prompt, rules, use_gloss=use_gloss)
    if semantic is not None:
        try:
            extra = _semantic_concerns(prompt, rules, semantic, use_gloss)
        except Exception as e:  # a missing model must not take the review down
            log.warning("semantic ethics layer unavailable: %s", e)
        else:
            review = assemble([*review.concerns, *extra], [*review.layers, "semantic"])
    if judge is not None:
        from bot.core.ethics.judge import judge_review

        review = judge_review(review, prompt, judge, judge_timeout)
    return review


TOPIC_GROUPS = frozenset({"self_harm_topic", "self_harm_method"})
"""Groups that only name a topic ("die", "pills", "goodbye"): enough to let a class look at an
English prompt, whose grammar the exemplars weigh, but not at a gloss, which has lost whose
death or whose pills it is (a child's letter to a grandmother who died)."""


def _semantic_concerns(prompt: str, rules: EthicsRules, semantic: SemanticLayer,
                       use_gloss: bool) -> list[Concern]:
    """The semantic layer on the prompt, and on its English gloss when the prompt is Chinese
    or Japanese (MiniLM reads English; on CJK text its similarities are noise)."""
    scan = _Scan(prompt, rules)
    found = semantic.concerns(prompt, lambda group: bool(scan.hits(group)))
    if use_gloss and scan.has_cjk:
        from bot.core.ethics.gloss import gloss

        glossed = gloss(prompt, rules._data_dir)
        if glossed is not None:
            glossed_scan = _Scan(glossed.text, rules)

            def present(group: str) -> bool:
                return group not in TOPIC_GROUPS and (bool(glossed_scan.hits(group))
                                                      or bool(scan.hits(group)))

            found += from_gloss(
                semantic.concerns(glossed.text, present, use_probe=False),
                glossed, prompt, "gloss", GLOSS_MIN_SEVERITY)
    return found


def review_gloss_only(prompt: str, rules: EthicsRules | None = None,
                      semantic: SemanticLayer | None = None) -> EthicsReview:
    """The English layers on the prompt's English gloss alone, without the prompt's own text
    (so without the per-language lexicons): how far the gloss carries on its own. For the
    benchmark; a prompt with no gloss gets "ok"."""
    from bot.core.ethics.gloss import gloss

    rules = rules or cached_rules()
    glossed = gloss(prompt, rules._data_dir)
    if glossed is None:
        return assemble([], ["rules"])
    review = review_ethics(glossed.text, rules, use_gloss=False)
    concerns = list(review.concerns)
    if semantic is not None:
        scan = _Scan(glossed.text, rules)
        concerns += semantic.concerns(glossed.text, lambda g: bool(scan.hits(g)),
                                      use_probe=False)
    return assemble(from_gloss(concerns, glossed, prompt, "gloss"), ["rules"])
