"""The engine every front holds: one loaded knowledge base and the services built on it.

Fronts (CLI, chat, Slack, Discord) call these methods and format what comes back; none of
them does craft work of its own. Each method validates its input, so a front only has to turn
`InputError` into a friendly message.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from bot.config import Settings, get_settings
from bot.core.critique.analysis import analyze
from bot.core.critique.pipeline import critique as run_critique
from bot.core.critique.results import Analysis, Critique, LearnMore
from bot.core.ethics import EthicsReview, EthicsRules, cached_rules, review_ethics, review_full
from bot.core.knowledge import KnowledgeBase, load_knowledge
from bot.core.validation import InputError, clean_prompt, resolve_model

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from bot.core.dialects import Comparison, Translation
    from bot.core.ethics.semantic import SemanticLayer
    from bot.core.house_rules.layers import RulesInForce
    from bot.core.insights import InsightsReport
    from bot.core.insights.digest import Digest, DigestScheduler
    from bot.core.retrieval import Answer, Retriever
    from bot.core.retrieval.warmup import WarmUp
    from bot.core.review_channels import CompactReview, EthicsNote, MessageVerdict
    from bot.core.sequence import SequenceReview
    from bot.core.storage import Store
    from bot.core.storage.records import ReviewDetails

log = logging.getLogger(__name__)

SEQUENCE_SCOPE = "sequence"


def _sequence_scope(scope: str | None) -> str:
    """Where a workspace's kept shot lists live among the settings: under its own scope."""
    return f"{scope}:{SEQUENCE_SCOPE}" if scope else SEQUENCE_SCOPE
"""The settings scope that keeps shot lists behind "Full report" buttons."""

EthicsDepth = Literal["quick", "full"]
"""How much of the ethics review to run: `quick` is the rules layer alone (about a millisecond,
no model); `full` adds the semantic layer (one embedding per prompt) and, when FRAMECRAFT_LLM
is set, the LLM judge."""


def check_mode(value: str | None, text: str) -> str:
    """t2v or i2v for a prompt: the mode a user gave (flag, option), or from the text when they
    gave none or `auto` ("from this image", "first frame"...). Unknown words raise InputError."""
    from bot.core.critique.i2v import resolve_mode

    try:
        return resolve_mode(value, text)
    except ValueError as e:
        raise InputError(str(e)) from None


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
    def __init__(self, settings: Settings | None = None, kb: KnowledgeBase | None = None,
                 semantic_ethics: bool | None = None):
        """`semantic_ethics`: run the full ethics review everywhere (True), only where a call
        asks for it (False), or as FRAMECRAFT_SEMANTIC_ETHICS says (None: `on` is True,
        `auto` and `off` False until `enable_semantic_ethics`)."""
        self.settings = settings or get_settings()
        if kb is not None:
            self.__dict__["kb"] = kb
        self.semantic_ethics = (semantic_ethics if semantic_ethics is not None
                                else self.settings.semantic_ethics == "on")

    @cached_property
    def kb(self) -> KnowledgeBase:
        return load_knowledge(self.settings.knowledge_dir, self.settings.gallery_dir,
                              cache_dir=self.settings.data_dir)

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

        return DigestScheduler(lambda: self.store, post, platform=platform,
                               annotate=self.review_details)

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
        return cached_rules(self.settings.knowledge_dir, self.settings.data_dir)

    # ---- ethics: the rules always; the semantic layer and LLM judge where it pays ------------
    def enable_semantic_ethics(self, warm: bool = True) -> bool:
        """A long-running front (Slack, Discord, chat) or `framecraft ethics` says: run the full
        ethics review here. Off when FRAMECRAFT_SEMANTIC_ETHICS=off. `warm` loads the model and
        exemplar matrix in a background thread so the first review answers like the next."""
        if self.settings.semantic_ethics == "off":
            return False
        self.semantic_ethics = True
        if warm:
            threading.Thread(target=self._warm_semantic, name="framecraft-ethics-warm",
                             daemon=True).start()
        return True

    def semantic_ethics_pending(self, depth: EthicsDepth | None = None) -> bool:
        """Whether the next review at `depth` will first load the embedding model and the
        exemplar matrix (seconds on a cold process): a front says so before it waits."""
        full = self.semantic_ethics if depth is None else depth == "full"
        return full and not ("semantic_layer" in self.__dict__ and self.semantic_layer.is_warm)

    def _warm_semantic(self) -> None:
        try:
            self.semantic_layer.warm()
        except Exception as e:  # reviews fall back to the rules; say why once
            log.warning("semantic ethics layer could not warm up: %s", e)

    @cached_property
    def semantic_layer(self) -> SemanticLayer:
        """The exemplar neighbours; the model and matrix load on first use, never at import."""
        from bot.core.ethics.semantic import SemanticLayer

        return SemanticLayer(self.settings.data_dir, self.settings.knowledge_dir)

    def _ethics_judge(self) -> BaseChatModel | None:
        """The configured chat model for the LLM judge, or None (none set, or it failed)."""
        if not (self.settings.llm or self.settings.llm_base_url):
            return None
        from bot.core.llm import configured_chat_model

        try:
            return configured_chat_model(self.settings)
        except Exception as e:  # a misconfigured LLM must not take the review down
            log.warning("chat model for the ethics judge could not be built: %s",
                        type(e).__name__)
            return None

    def _review(self, text: str, depth: EthicsDepth | None) -> EthicsReview:
        """The ethics review of already-clean text at the depth asked, or the engine's own."""
        full = self.semantic_ethics if depth is None else depth == "full"
        if not full:
            return review_ethics(text, self.ethics_rules)
        return review_full(text, self.ethics_rules, self.semantic_layer, self._ethics_judge(),
                           self.settings.llm_timeout_s)

    def review_ethics(self, prompt: str, depth: EthicsDepth | None = None) -> EthicsReview:
        return self._review(self.clean(prompt), depth)

    # ---- review channels: what the bot says unasked ----------------------------------------
    def classify_message(self, text: object) -> MessageVerdict:
        """Is a chat message a video prompt? Never raises: bad input is simply not a prompt."""
        from bot.core.review_channels import classify_message

        return classify_message(text if isinstance(text, str) else "")

    def compact_review(self, prompt: str, model: str | None = None,
                       rules: RulesInForce | None = None,
                       mode: str | None = None) -> CompactReview:
        """The short thread reply a review channel gets: score and the two most useful fixes,
        and the house rules' verdict when `rules` (the channel's rules in force) set any.
        `mode`: t2v, i2v, or None/auto (from the text)."""
        from bot.core.review_channels import compact_review

        text = self.clean(prompt)
        result = run_critique(text, self.kb, self._target_model(model, rules),
                              dialect=self.dialect, mode=check_mode(mode, text))  # type: ignore[arg-type]
        ethics = self._review(text, None)
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

        return ethics_note(self._review(self.clean(prompt), None))

    def translate(self, prompt: str, to_model: str | None,
                  from_model: str | None = None) -> Translation:
        """The prompt rewritten in `to_model`'s dialect; unknown names raise with suggestions."""
        from bot.core.dialects import translate

        text = self.clean(prompt)
        target = self.resolve_model(to_model)
        if target is None:
            raise InputError("Say which model to translate to, e.g. --to kling.")
        result = translate(text, target, self.resolve_model(from_model), self.kb)
        if result.needs_translation and (self.settings.llm or self.settings.llm_base_url):
            return self._translate_through_llm(text, result, from_model)
        return result

    def _translate_through_llm(self, text: str, offline: Translation,
                               from_model: str | None) -> Translation:
        """A prompt the target cannot read, translated into English by the configured chat
        model and then put into the target's dialect; on failure the offline answer (the prompt
        kept, its structure, a note) stands with the reason added."""
        from bot.core.dialects import translate
        from bot.core.language import language_name
        from bot.core.llm import LLMError, configured_chat_model, model_label, translate_prompt

        name = language_name(offline.language)
        try:
            model = configured_chat_model(self.settings)
            if model is None:
                return offline
            english = translate_prompt(model, text, name, self.settings.llm_timeout_s)
        except (LLMError, Exception) as e:  # the offline answer stands on its own
            log.warning("LLM translation failed: %s", type(e).__name__)
            offline.notes.append(f"The configured LLM could not translate it ({type(e).__name__}); "
                                 f"the prompt is kept in {name}.")
            return offline
        result = translate(english, offline.model, self.resolve_model(from_model), self.kb)
        result.source_prompt = text
        result.language = offline.language
        result.structure = offline.structure
        result.translated_by = model_label(model)
        result.notes.insert(0, f"Translated from {name} into English by {result.translated_by} "
                               f"first: {self.kb.models[offline.model].name} reads English only.")
        return result

    def compare(self, prompt: str, from_model: str | None = None) -> Comparison:
        """The prompt rendered for every model, side by side."""
        from bot.core.dialects import compare

        return compare(self.clean(prompt), self.kb, self.resolve_model(from_model))

    @cached_property
    def retriever(self) -> Retriever:
        """Search and `ask` over the knowledge base; indexes on first use if missing or stale."""
        from bot.core.retrieval import Retriever

        return Retriever(self.settings, self.kb)

    def warm_up(self, freeze_heap: bool = False) -> WarmUp:
        """Critique one prompt per language and load the embedding model and the index in a
        background thread (servers call it at start, so the first `/critique` and `/ask` answer
        like the hundredth); `/healthz` follows it. `freeze_heap`: only a server's own process
        (see `warmup.settle_heap`)."""
        from bot.core.retrieval.warmup import start_warm_up

        return start_warm_up(self, freeze_heap)

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
        """Gallery prompts like this one, subject and setting first: by embeddings in a warmed
        long-running process, by keywords otherwise (no model is loaded for it)."""
        from bot.core.retrieval.links import similar_links
        from bot.core.retrieval.warmup import similar_prompts_encoder

        text = self.clean(prompt)
        return similar_links(self.kb, text, k, model=self.resolve_model(model),
                             spans=analyze(text).spans, encoder=similar_prompts_encoder())

    def learn_more(self, section_ids: list[str]) -> list[LearnMore]:
        from bot.core.retrieval.links import guide_links

        return guide_links(self.kb, section_ids)

    def critique(self, prompt: str, model: str | None = None,
                 with_retrieval: bool = True, with_llm: bool | None = None,
                 rewrite_strength: str | None = None,
                 ethics: EthicsDepth | None = None,
                 rules: RulesInForce | None = None, mode: str | None = None) -> Critique:
        """The critique; `with_retrieval` adds similar gallery prompts (lexical, well under a
        millisecond, never the vector index). `with_llm` (default: as `with_retrieval`) lets a
        configured LLM write the rewrite; `with_retrieval=False` alone is the offline core.
        `rewrite_strength` is light, standard (the default) or full: how much the rewrite adds
        (a front's "lighter / fuller rewrite" button passes it). `ethics` is the depth of the
        ethics review (default: the engine's, see __init__); the critique's `ethics.layers`
        says which layers ran. `rules` (the house rules in force) add the House rules part and
        make the rewrite follow them; the score never changes. `mode` is t2v, i2v (the prompt
        animates a first frame) or None/auto: from the text."""
        text = self.clean(prompt)
        strength = check_strength(rewrite_strength)
        analysis = analyze(text)  # once: the critique and the similar prompts both read it
        result = run_critique(text, self.kb, self._target_model(model, rules), strength=strength,
                              dialect=self.dialect, mode=check_mode(mode, text),  # type: ignore[arg-type]
                              analysis=analysis)
        # `text` is already clean: call the core functions, not the validating methods.
        result.ethics = self._review(text, ethics).to_public_json()
        result.learn_more = self.learn_more(result.sources)
        if with_retrieval:
            try:
                from bot.core.retrieval.links import similar_links
                from bot.core.retrieval.warmup import similar_prompts_encoder

                result.similar = similar_links(
                    self.kb, text, 3, model=result.model,
                    missing=[m.value for m in result.missing],
                    spans=analysis.spans, encoder=similar_prompts_encoder())
            except Exception:  # the critique stands on its own; similar prompts are a bonus
                log.warning("similar prompts unavailable", exc_info=True)
        if (with_retrieval if with_llm is None else with_llm) and (
                self.settings.llm or self.settings.llm_base_url):
            from bot.core.llm import improve_rewrite

            improve_rewrite(result, self.kb, self.settings)
        self._follow_house_rules(result, rules, result.ethics)
        return result

    # ---- sequences: a shot list reviewed for consistency --------------------------------------
    def sequence(self, text: str, model: str | None = None, mode: str | None = None,
                 rewrite: bool = False, rules: RulesInForce | None = None) -> SequenceReview:
        """A shot list (lines, Markdown, YAML/JSON) reviewed as a sequence: each shot's critique
        (quick ethics, no similar prompts, no LLM: 50 shots answer well under a second), the
        anchors across shots, drift and gap findings and, with `rewrite`, every shot with the
        shared anchors repeated in its model's dialect (the shot's `model`, else `model`, else
        the house rules' default). `mode`: t2v, i2v or None/auto (i2v when most shots say they
        start from an image)."""
        from bot.core.critique.i2v import detect_mode
        from bot.core.sequence import parse_shot_list, review_shots
        from bot.core.validation import UnknownModelError

        if not isinstance(text, str):
            raise InputError("The shot list must be text.")
        shots = parse_shot_list(text)
        default = self._target_model(model, rules)
        models: dict[int, str | None] = {}
        notices: dict[int, str] = {}
        for shot in shots:
            self.clean(shot.prompt)  # a bad shot is an InputError before any work
            try:
                models[shot.index] = self.resolve_model(shot.model) if shot.model else default
            except UnknownModelError as e:  # one unknown name must not sink the whole list
                models[shot.index] = default
                notices[shot.index] = f"{e} Reviewed without a target model."
        if mode is None or mode.strip().lower() == "auto":
            detected = [detect_mode(s.prompt) for s in shots]
            seq_mode = "i2v" if detected.count("i2v") * 2 >= len(shots) else "t2v"
        else:
            seq_mode = check_mode(mode, text)

        def critic(shot: object) -> Critique:
            prompt = shot.prompt  # type: ignore[attr-defined]
            shot_mode = seq_mode if mode not in (None, "auto") else check_mode(None, prompt)
            if seq_mode == "i2v":
                shot_mode = "i2v"
            result = run_critique(prompt, self.kb, models[shot.index],  # type: ignore[attr-defined]
                                  dialect=self.dialect, mode=shot_mode)  # type: ignore[arg-type]
            result.ethics = review_ethics(prompt, self.ethics_rules).to_public_json()
            self._follow_house_rules(result, rules, result.ethics)
            if shot.index in notices:  # type: ignore[attr-defined]
                result.notices.append(notices[shot.index])  # type: ignore[attr-defined]
            return result

        def translate(prompt: str, to_model: str) -> str:
            return self.dialect(prompt, to_model).prompt

        from dataclasses import replace

        shots = [replace(s, model=models[s.index]) for s in shots]
        return review_shots(shots, critic, mode=seq_mode, rewrite=rewrite, translate=translate,
                            default_model=default)

    def stash_sequence(self, platform: str, text: str, options: dict[str, str],
                       scope: str | None = None) -> str:
        """Keep a shot list for the "Full report" button (a button's value is too short for a
        list): stored with the settings of the workspace or server that sent it (scope
        `<scope>:sequence`, so leaving or `forget-workspace` erases it with the rest), keyed by
        its hash, so the same list is kept once. Returns the key the button carries."""
        import hashlib
        import json

        value = json.dumps({"text": text, "options": options}, ensure_ascii=False,
                           sort_keys=True)
        key = hashlib.sha256(value.encode()).hexdigest()[:24]
        self.store.set_setting(platform, _sequence_scope(scope), key, value)
        return key

    def stashed_sequence(self, platform: str, key: str,
                         scope: str | None = None) -> tuple[str, dict[str, str]] | None:
        """The shot list and options behind a "Full report" button, or None (also for a key
        from another workspace: each one reads only its own)."""
        import json

        value = (self.store.get_setting(platform, _sequence_scope(scope), key[:64])
                 if key else None)
        if not value:
            return None
        data = json.loads(value)
        return str(data.get("text", "")), dict(data.get("options") or {})
