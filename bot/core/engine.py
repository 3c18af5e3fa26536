"""The engine every front holds: one loaded knowledge base and the services built on it.

Fronts (CLI, chat, Slack, Discord) call these methods and format what comes back; none of
them does craft work of its own. Each method validates its input, so a front only has to turn
`InputError` into a friendly message.
"""

from __future__ import annotations

import logging
from functools import cached_property
from typing import TYPE_CHECKING, Any

from bot.config import Settings, get_settings
from bot.core.critique.analysis import analyze
from bot.core.critique.pipeline import critique as run_critique
from bot.core.critique.results import Analysis, Critique, LearnMore
from bot.core.ethics import EthicsReview, EthicsRules, cached_rules, review_ethics
from bot.core.knowledge import KnowledgeBase, load_knowledge
from bot.core.validation import InputError, clean_prompt, resolve_model

if TYPE_CHECKING:
    from bot.core.dialects import Comparison, Translation
    from bot.core.house_rules.layers import RulesInForce
    from bot.core.retrieval import Answer, Retriever
    from bot.core.review_channels import CompactReview, EthicsNote, MessageVerdict
    from bot.core.storage import Store

log = logging.getLogger(__name__)


class Engine:
    def __init__(self, settings: Settings | None = None, kb: KnowledgeBase | None = None):
        self.settings = settings or get_settings()
        if kb is not None:
            self.__dict__["kb"] = kb

    @cached_property
    def kb(self) -> KnowledgeBase:
        return load_knowledge(self.settings.knowledge_dir, self.settings.gallery_dir)

    @cached_property
    def store(self) -> Store:
        """The database (prompt versions, front state shared by replicas); opened on first use."""
        from bot.core.storage import Store

        return Store(self.settings.effective_database_url)

    def resolve_model(self, name: str | None) -> str | None:
        """A profile id for a user's model name; raises UnknownModelError with suggestions."""
        return resolve_model(self.kb, name)

    def clean(self, prompt: object) -> str:
        return clean_prompt(prompt, self.settings.max_prompt_chars)

    def analyze(self, prompt: str) -> Analysis:
        return analyze(self.clean(prompt))

    @cached_property
    def ethics_rules(self) -> EthicsRules:
        return cached_rules(self.settings.knowledge_dir)

    def review_ethics(self, prompt: str) -> EthicsReview:
        return review_ethics(self.clean(prompt), self.ethics_rules)

    # ---- review channels: what the bot says unasked ----------------------------------------
    def classify_message(self, text: object) -> MessageVerdict:
        """Is a chat message a video prompt? Never raises: bad input is simply not a prompt."""
        from bot.core.review_channels import classify_message

        return classify_message(text if isinstance(text, str) else "")

    def compact_review(self, prompt: str, model: str | None = None,
                       rules: RulesInForce | None = None) -> CompactReview:
        """The short thread reply a review channel gets: score and the two most useful fixes,
        and the house rules' verdict when `rules` (the channel's rules in force) set any."""
        from bot.core.review_channels import compact_review

        text = self.clean(prompt)
        result = run_critique(text, self.kb, self._target_model(model, rules))
        ethics = review_ethics(text, self.ethics_rules)
        self._follow_house_rules(result, rules, ethics.to_public_json())
        return compact_review(result, ethics)

    # ---- house rules: one decision for every front -------------------------------------------
    def house_rules(self, platform: str, scope: str, channel: str | None) -> RulesInForce:
        """The rules in force in a chat channel: the channel's over the workspace's (Slack) or
        server's (Discord) over the defaults, from the store."""
        from bot.core.house_rules.stored import rules_for_channel

        return rules_for_channel(self.store, platform, scope, channel)

    def _target_model(self, model: str | None, rules: RulesInForce | None) -> str | None:
        """The model asked for, else the rules' default `model`, resolved to a profile id."""
        from bot.core.house_rules.review import target_model

        return self.resolve_model(target_model(model, rules) if rules is not None else model)

    def _follow_house_rules(self, result: Critique, rules: RulesInForce | None,
                            ethics: dict[str, Any] | None = None) -> None:
        """Attach the House rules part and make the rewrite follow the rules (score unchanged).
        No rules in force: the critique is left exactly as it was."""
        if rules is None or rules.empty:
            return
        from bot.core.house_rules.review import apply

        result.house_rules = apply(result, rules, self.kb, ethics)

    def ethics_note(self, prompt: str) -> EthicsNote | None:
        """A polite note for a prompt whose ethics review says "stop"; None otherwise."""
        from bot.core.review_channels import ethics_note

        return ethics_note(review_ethics(self.clean(prompt), self.ethics_rules))

    def translate(self, prompt: str, to_model: str | None,
                  from_model: str | None = None) -> Translation:
        """The prompt rewritten in `to_model`'s dialect; unknown names raise with suggestions."""
        from bot.core.dialects import translate

        text = self.clean(prompt)
        target = self.resolve_model(to_model)
        if target is None:
            raise InputError("Say which model to translate to, e.g. --to kling.")
        return translate(text, target, self.resolve_model(from_model), self.kb)

    def compare(self, prompt: str, from_model: str | None = None) -> Comparison:
        """The prompt rendered for every model, side by side."""
        from bot.core.dialects import compare

        return compare(self.clean(prompt), self.kb, self.resolve_model(from_model))

    @cached_property
    def retriever(self) -> Retriever:
        """Search and `ask` over the knowledge base; indexes on first use if missing or stale."""
        from bot.core.retrieval import Retriever

        return Retriever(self.settings, self.kb)

    def ask(self, question: str, kind: str | None = None, model: str | None = None) -> Answer:
        from bot.core.retrieval import KINDS

        if kind is not None and kind not in KINDS:
            raise InputError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
        if isinstance(question, str) and not question.strip():
            raise InputError("The question is empty: ask about the craft, e.g. "
                             "'how do I keep a character consistent across shots?'")
        return self.retriever.ask(self.clean(question), kind=kind,
                                  model=self.resolve_model(model))

    def similar_prompts(self, prompt: str, k: int = 3, model: str | None = None
                        ) -> list[LearnMore]:
        """Gallery prompts like this one; lexical, so no vector index or model is loaded."""
        from bot.core.retrieval.links import similar_links

        return similar_links(self.kb, self.clean(prompt), k, model=self.resolve_model(model))

    def learn_more(self, section_ids: list[str]) -> list[LearnMore]:
        from bot.core.retrieval.links import guide_links

        return guide_links(self.kb, section_ids)

    def critique(self, prompt: str, model: str | None = None,
                 with_retrieval: bool = True, with_llm: bool | None = None,
                 rules: RulesInForce | None = None) -> Critique:
        """The critique; `with_retrieval` adds similar gallery prompts (lexical, well under a
        millisecond, never the vector index). `with_llm` (default: as `with_retrieval`) lets a
        configured LLM write the rewrite; `with_retrieval=False` alone is the offline core.
        `rules` (the house rules in force) add the House rules part and make the rewrite follow
        them; the score never changes."""
        text = self.clean(prompt)
        result = run_critique(text, self.kb, self._target_model(model, rules))
        # `text` is already clean: call the core functions, not the validating methods.
        result.ethics = review_ethics(text, self.ethics_rules).to_public_json()
        result.learn_more = self.learn_more(result.sources)
        if with_retrieval:
            try:
                from bot.core.retrieval.links import similar_links

                result.similar = similar_links(self.kb, text, 3, model=result.model,
                                               missing=[m.value for m in result.missing])
            except Exception:  # the critique stands on its own; similar prompts are a bonus
                log.warning("similar prompts unavailable", exc_info=True)
        if (with_retrieval if with_llm is None else with_llm) and (
                self.settings.llm or self.settings.llm_base_url):
            from bot.core.llm import improve_rewrite

            improve_rewrite(result, self.kb, self.settings)
        self._follow_house_rules(result, rules)
        return result
