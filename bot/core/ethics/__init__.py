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

from bot.core.ethics.rules import (
    CATEGORIES,
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
    load_ethics_rules,
    review_ethics,
)

__all__ = [
    "CATEGORIES", "SEVERITY_RANK", "Category", "Concern", "ConcernSeverity", "EthicsReview",
    "EthicsRules", "Severity", "_Scan", "assemble", "cached_rules", "load_ethics_rules",
    "review_ethics",
]
