"""The engine every front holds: one loaded knowledge base and the services built on it.

Fronts (CLI, chat, Slack, Discord) call these methods and format what comes back; none of
them does craft work of its own. Each method validates its input, so a front only has to turn
`InputError` into a friendly message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from bot.config import Settings, get_settings
from bot.core.critique.analysis import analyze
from bot.core.critique.pipeline import critique as run_critique
from bot.core.critique.results import Analysis, Critique, LearnMore
from bot.core.ethics import EthicsReview, EthicsRules, cached_rules, review_ethics
from bot.core.knowledge import KnowledgeBase, load_knowledge
from bot.core.validation import InputError, clean_prompt, resolve_model

if TYPE_CHECKING:
    from bot.core.dialects import Comparison, Translation
    from bot.core.insights import InsightsReport
    from bot.core.insights.digest import Digest, DigestScheduler
    from bot.core.retrieval import Answer, Retriever
    from bot.core.retrieval.warmup import WarmUp
    from bot.core.review_channels import CompactReview, EthicsNote, MessageVerdict
    from bot.core.storage import Store
    from bot.core.storage.records import ReviewDetails

log = logging.getLogger(__name__)


def check_strength(value: str | None) -> str:
    """A rewrite strength from a user (flag, option, button); unknown words raise InputError."""
    from bot.core.critique.needs import STRENGTHS

    if value is None or not str(value).strip():
        return "standard"
    word = str(value).strip().lower()
    if word not in STRENGTHS:
        raise InputError(f"unknown rewrite strength {value!r}; use one of: {', '.join(STRENGTHS)}")
    return word


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

        store = Store(self.settings.effective_database_url)
        store.annotator = self.review_details  # reviews and saves keep what the critique found
        return store

    def insights(self, team: str | None = None, channel: str | None = None,
                 since: str | None = None, *, platform: str | None = None, tz: str = "UTC",
                 now: datetime | None = None,
                 progress: Callable[[int, int], None] | None = None) -> InsightsReport:
        """Team insights over `since` (30d, 12w, 2026-10-01; all time when None). Reviews
        recorded before their details were kept are analysed once (`progress` sees it)."""
        from bot.core.insights import build_report, parse_since, window_label

        now = now or datetime.now(UTC)
        return build_report(self.store, team=team, channel=channel, platform=platform,
                            since=parse_since(since, now, tz), until=now, tz=tz,
                            label=window_label(since), annotate=self.review_details,
                            progress=progress)

    def digest_scheduler(self, post: Callable[[Digest], None],
                         platform: str | None = None) -> DigestScheduler:
        """The weekly digests of `platform`'s subscribed channels, checked every few minutes
        once started; `post` is called (in the scheduler's thread) once per channel and week
        across all replicas. Call `.start()` when the bot starts, `.shutdown()` when it stops."""
        from bot.core.insights.digest import DigestScheduler

        return DigestScheduler(self.store, post, platform=platform, annotate=self.review_details)

    def review_details(self, prompt: str, model: str | None = None) -> ReviewDetails:
        """Names of what a critique of `prompt` finds (missing components, anti-patterns,
        ethics categories): what team insights count."""
        from bot.core.insights.details import review_details

        return review_details(prompt, model, self.kb, self.ethics_rules)

    def resolve_model(self, name: str | None) -> str | None:
        """A profile id for a user's model name; raises UnknownModelError with suggestions."""
        return resolve_model(self.kb, name)

    def dialect(self, prompt: str, to_model: str) -> Translation:
        """The translator the critique's rewrite uses to follow a target model's dialect."""
        from bot.core.dialects import translate

        return translate(prompt, to_model, kb=self.kb)

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

    def compact_review(self, prompt: str, model: str | None = None) -> CompactReview:
        """The short thread reply a review channel gets: score and the two most useful fixes."""
        from bot.core.review_channels import compact_review

        text = self.clean(prompt)
        result = run_critique(text, self.kb, self.resolve_model(model), dialect=self.dialect)
        return compact_review(result, review_ethics(text, self.ethics_rules))

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

    def warm_up(self) -> WarmUp:
        """Load the embedding model and the index in a background thread (servers call it at
        start, so the first `/ask` answers like the hundredth); `/healthz` follows it."""
        from bot.core.retrieval.warmup import start_warm_up

        return start_warm_up(self)

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
                 rewrite_strength: str | None = None) -> Critique:
        """The critique; `with_retrieval` adds similar gallery prompts (lexical, well under a
        millisecond, never the vector index). `with_llm` (default: as `with_retrieval`) lets a
        configured LLM write the rewrite; `with_retrieval=False` alone is the offline core.
        `rewrite_strength` is light, standard (the default) or full: how much the rewrite adds
        (a front's "lighter / fuller rewrite" button passes it)."""
        text = self.clean(prompt)
        strength = check_strength(rewrite_strength)
        result = run_critique(text, self.kb, self.resolve_model(model), strength=strength,
                              dialect=self.dialect)
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
        return result
