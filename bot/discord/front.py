"""What the gateway client and the HTTP endpoint share: run a command for someone somewhere.

Commands come from the core's table (bot.core.command_table) and are formatted by
bot.discord.formatters. Methods here are synchronous (they call the engine and the database)
and never raise: `DiscordFront.guard` is the one error boundary, so a `Reply` always comes
back, an error one included. Callers run them in a
thread (`asyncio.to_thread`) so the event loop keeps answering Discord. State that replicas must
agree on (guild settings, cooldowns, the reviews behind buttons, feedback) lives in
`engine.store`, never in process memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import discord

from bot.core.availability import Preflight, user_error
from bot.core.command_table import (
    SORRY,
    CommandCall,
    CommandSpec,
    MissingOption,
    Requester,
    command_preflight,
    rate_limits,
    run_command,
    spec_of,
)
from bot.core.validation import InputError, model_names
from bot.core.workers import EngineWorkers
from bot.discord import embeds as em
from bot.discord.formatters import ATTACHMENTS, FORMATTERS
from bot.logs import log_failure

if TYPE_CHECKING:
    from bot.core.engine import Engine
    from bot.core.storage.records import ReviewRecord

VIEW_TIMEOUT_S = 600.0
"""How long a review's buttons stay live in one process: under the 15 minutes an interaction
token lasts, so the timeout can still edit the message to disable them."""

log = logging.getLogger(__name__)

PLATFORM = "discord"
VISIBILITIES = ("public", "ephemeral")
DEFAULT_VISIBILITY = "public"
"""Community reviews are meant to be seen; a server can switch to "only you" replies."""


class DiscordConfigError(ValueError):
    """A setting the chosen mode needs is missing or malformed; the message names it."""


@dataclass(frozen=True)
class Where:
    """Who asked, and where: the scope of settings, cooldowns and reviews."""

    guild: str | None
    channel: str
    user: str
    can_manage: bool = False
    """The member has Manage Server (or Administrator) here."""
    lang: str = "en"
    """The language of the bot's own words for this member (their Discord locale, where the
    core's message catalogue covers it: zh-CN, es-ES, ja; English otherwise)."""

    @property
    def scope(self) -> str:
        return self.guild or f"dm:{self.user}"


@dataclass
class Reply:
    pages: list[em.Page]
    ephemeral: bool = False
    review_id: str | None = None
    """Set for a stored critique: the last page then carries the review's buttons."""
    error: bool = False
    files: list[tuple[str, bytes]] = field(default_factory=list)
    """Attachments (filename, bytes) sent with the first page, e.g. the insights chart."""
    sequence_key: str | None = None
    """Set for a sequence review whose list is kept: the last page carries "Full report"."""


@dataclass
class Prepared:
    """Decided before deferring: how visible the reply is, or why the command is refused."""

    ephemeral: bool
    refusal: Reply | None = None
    options: dict[str, str] = field(default_factory=dict)
    pre: Preflight | None = None


def example(spec: CommandSpec) -> str:
    """The command as a Discord user fills it in, e.g. `/translate prompt:... to:kling`."""
    words = [f"/{spec.name}"] + [f"{a.name}:{a.example}" for a in spec.args
                                 if a.required and a.example]
    return " ".join(words)


def explain(error: InputError) -> str:
    """The user's message for an error they can fix, in Discord's words."""
    if isinstance(error, MissingOption):
        return f"{error.need}, e.g. `{example(error.spec)}`."
    return str(error)


class MessageView(discord.ui.View):
    """A view that knows the message it is on (set once sent), so its timeout can edit it."""

    message: discord.Message | discord.WebhookMessage | None = None


ViewFactory = Callable[["Reply"], "MessageView | None"]


class DiscordFront:
    def __init__(self, engine: Engine, cooldowns: dict[str, tuple[int, float]] | None = None,
                 workers: EngineWorkers | None = None):
        self.engine = engine
        self.cooldowns = rate_limits() if cooldowns is None else cooldowns
        self.workers = workers or EngineWorkers(name="discord-engine")
        """Engine work and the database checks behind a deferral run here, never on asyncio's
        default pool; past its bound a request gets "busy, try again" (core.workers)."""
        self.view_timeout: float = VIEW_TIMEOUT_S
        self.view_factory: ViewFactory | None = None
        """Builds the buttons under a stored review (set by the gateway client, whose
        components module may import the senders without the senders importing it)."""

    def review_view(self, reply: Reply) -> MessageView | None:
        if not (reply.review_id or reply.sequence_key) or self.view_factory is None:
            return None
        return self.view_factory(reply)

    # ---- knowledge the formatting needs ---------------------------------------------------
    def models(self) -> list[tuple[str, str]]:
        return [(m.id, m.name) for m in self.engine.kb.models.values()]

    def model_names(self) -> set[str]:
        return set(model_names(self.engine.kb))

    def model_choices(self, current: str) -> list[tuple[str, str]]:
        """(label, profile id) for autocomplete: models whose id, name or alias contains what
        was typed, prefix matches first, at most 25."""
        typed = (current or "").lower().strip()
        ranked: list[tuple[int, str, str]] = []
        for m in self.engine.kb.models.values():
            names = [m.id, m.name, *m.aliases]
            lowered = [n.lower() for n in names]
            if not typed or any(n.startswith(typed) for n in lowered):
                rank = 0
            elif any(typed in n for n in lowered):
                rank = 1
            else:
                continue
            ranked.append((rank, em.clip(m.name, 100), m.id))
        ranked.sort()
        return [(label, mid) for _, label, mid in ranked[: em.MAX_CHOICES]]

    # ---- settings -------------------------------------------------------------------------
    def setting(self, where: Where, key: str) -> str | None:
        value = self.engine.store.get_setting(PLATFORM, where.scope, key)
        return value or None

    def ephemeral(self, where: Where) -> bool:
        return (self.setting(where, "visibility") or DEFAULT_VISIBILITY) == "ephemeral"

    def preflight(self, name: str, where: Where) -> Preflight:
        """The cooldown and the settings for `name` here, read once; defaults and a notice
        while the database is down (bot.core.availability). Never raises for an outage."""
        def read() -> dict[str, str | None]:
            return {key: self.setting(where, key) for key in ("visibility", "model")}
        return command_preflight(self.engine, name, f"{PLATFORM}:{where.scope}:{where.user}",
                                 self.cooldowns, read)

    def refusal(self, name: str) -> Reply:
        calls, window = self.cooldowns[name]
        return self.notice(f"⏳ You have run `/{name}` {calls} times in the last {window:g} "
                           "seconds. Give it a moment and try again.", ephemeral=True)

    def cooldown(self, name: str, where: Where) -> Reply | None:
        """None when the user may run `name` now, else a friendly refusal."""
        return None if self.preflight(name, where).allowed else self.refusal(name)

    def prepare(self, name: str, where: Where) -> Prepared:
        """Visibility and cooldown in one database trip (the deferral does not wait for it:
        callers defer first and run this in `workers`)."""
        pre = self.preflight(name, where)
        spec = spec_of(name)
        private = spec is not None and spec.visibility == "private"
        shown = pre.setting("visibility") or DEFAULT_VISIBILITY
        refusal = None if pre.allowed else self.refusal(name)
        return Prepared(ephemeral=refusal is not None or private or shown == "ephemeral",
                        refusal=refusal, pre=pre)

    @staticmethod
    def deferral_ephemeral(name: str) -> bool:
        """Whether to defer privately, decided without the database: only commands private
        by spec. A reply that turns out private removes the public "thinking" message."""
        spec = spec_of(name)
        return spec is not None and spec.visibility == "private"

    def prepared_run(self, name: str, text: str, options: dict[str, str], where: Where) -> Reply:
        """Preflight and run, in one go (in `workers`, after the deferral)."""
        def work() -> Reply:
            prepared = self.prepare(name, where)
            if prepared.refusal is not None:
                return prepared.refusal
            return self._run(name, text, options, where, prepared.ephemeral, prepared.pre)
        return self.guard(work, what=f"discord {name}", typed=text)

    # ---- replies --------------------------------------------------------------------------
    @staticmethod
    def notice(text: str, *, ephemeral: bool = True, title: str = "Framecraft") -> Reply:
        return Reply(em.pages(em.notice_embeds(text, title)), ephemeral=ephemeral)

    @staticmethod
    def failure(message: str, text: str | None = None, echo_after: int = 40) -> Reply:
        """An ephemeral error; the user's text comes back when longer than `echo_after`."""
        echo = text if text and len(text) > echo_after else None
        return Reply(em.pages(em.error_embeds(message, echo)), ephemeral=True, error=True)

    def help(self) -> Reply:
        return Reply(em.pages(em.help_embeds(self.models())), ephemeral=True)

    def guard(self, work: Callable[[], Reply], *, what: str, typed: str | None = None,
              echo_after: int = 40) -> Reply:
        """The error boundary: `work`'s reply; an InputError becomes the user's message (an
        ephemeral reply that gives a long text back), anything else is logged once and the
        user gets one wording."""
        try:
            return work()
        except Exception as e:
            return self.failed(e, what=what, typed=typed, echo_after=echo_after)

    def failed(self, error: Exception, *, what: str, typed: str | None = None,
               echo_after: int = 40) -> Reply:
        """The reply for an error caught at the boundary: the user's message for an
        InputError or a database outage (bot.core.availability), else logged and SORRY."""
        known = user_error(error)
        if known is None:
            log_failure(log, what, error)
            return self.failure(SORRY, typed, echo_after)
        return self.failure(explain(known), typed, echo_after)

    def run(self, name: str, text: str, options: dict[str, str], where: Where,
            ephemeral: bool = False) -> Reply:
        """The reply to one command. Errors become an ephemeral reply that gives the text back."""
        return self.guard(lambda: self._run(name, text or "", options, where, ephemeral),
                          what=f"discord {name}", typed=text)

    def _run(self, name: str, text: str, options: dict[str, str], where: Where,
             ephemeral: bool, pre: Preflight | None = None) -> Reply:
        if name == "help":
            return self.help()
        spec = spec_of(name)
        if spec is None or name not in FORMATTERS or "discord" not in spec.fronts:
            raise InputError(f"`{name}` is not available in Discord; try `/help`.")
        takes_model = any(a.name == "model" for a in spec.args)
        if pre is None and takes_model and text.strip():
            pre = self.preflight("", where)
        default_model = pre.setting("model") if pre and takes_model and text.strip() else None
        outcome = run_command(self.engine, name, CommandCall(text, options, default_model),
                              Requester(PLATFORM, where.scope, where.channel, where.user))
        notice = (pre.notice if pre else None) or outcome.notice
        embeds = FORMATTERS[name](outcome, self.models(), where.lang)
        if notice:
            embeds = [*em.notice_embeds(f"⚠️ {notice}"), *embeds]
        attach = ATTACHMENTS.get(name)
        return Reply(em.pages(embeds),
                     ephemeral=ephemeral or spec.visibility == "private",
                     review_id=outcome.review_id, files=attach(outcome) if attach else [],
                     sequence_key=getattr(outcome.result, "report_key", None)
                     if name == "sequence" else None)

    # ---- buttons under a review -----------------------------------------------------------
    def _review(self, review_id: str) -> ReviewRecord:
        record = self.engine.store.get_review(review_id)
        if record is None:
            raise InputError("I no longer have that review; run `/critique` again.")
        return record

    def show_rewrite(self, review_id: str) -> Reply:
        def work() -> Reply:
            record = self._review(review_id)
            result = self.engine.critique(record.prompt, record.model)
            return Reply(em.pages(em.rewrite_embeds(result)), ephemeral=True)
        return self.guard(work, what="discord show rewrite")

    def translate_review(self, review_id: str, model: str, where: Where) -> Reply:
        refusal = self.cooldown("translate", where)
        if refusal:
            return refusal

        def work() -> Reply:
            record = self._review(review_id)
            return self.run("translate", record.prompt,
                            {"to": model, "from": record.model or ""}, where, ephemeral=True)
        return self.guard(work, what="discord translate review")

    def feedback(self, review_id: str, helpful: bool, where: Where) -> Reply:
        def work() -> Reply:
            self._review(review_id)
            self.engine.store.record_feedback(PLATFORM, where.scope, where.user, review_id,
                                              helpful)
            return self.notice("Thanks! Glad it helped." if helpful else
                               "Thanks for saying so; it helps us improve the reviews.")
        return self.guard(work, what="discord feedback")

    # ---- /settings ------------------------------------------------------------------------
    def settings(self, where: Where, model: str | None = None,
                 visibility: str | None = None) -> Reply:
        """Show the server's settings, or change them (Manage Server only)."""
        if where.guild is None:
            return self.notice("Settings belong to a server; run `/settings` in one.")
        return self.guard(lambda: self._settings(where, model, visibility),
                          what="discord settings")

    def _settings(self, where: Where, model: str | None, visibility: str | None) -> Reply:
        if model is None and visibility is None:
            return self.notice(self._describe_settings(where), title="Server settings")
        if not where.can_manage:
            return self.notice("🔒 Only members with the **Manage Server** permission can "
                               "change Framecraft's settings. Ask a moderator, or run "
                               "`/settings` with no options to see them.")
        store, changed = self.engine.store, []
        if model is not None:
            if model.strip().lower() in ("", "none", "any", "default"):
                store.set_setting(PLATFORM, where.scope, "model", "")
                changed.append("default model cleared")
            else:
                mid = self.engine.resolve_model(model) or ""
                store.set_setting(PLATFORM, where.scope, "model", mid)
                changed.append(f"default model set to `{mid}`")
        if visibility is not None:
            if visibility not in VISIBILITIES:
                raise InputError(f"Replies are `public` or `ephemeral`, not {visibility!r}.")
            store.set_setting(PLATFORM, where.scope, "visibility", visibility)
            changed.append(f"replies are now {visibility}")
        return self.notice("Done: " + "; ".join(changed) + ".\n\n"
                           + self._describe_settings(where), title="Server settings")

    def _describe_settings(self, where: Where) -> str:
        model = self.setting(where, "model")
        visibility = self.setting(where, "visibility") or DEFAULT_VISIBILITY
        shown = f"`{model}`" if model else "none (each critique names its own)"
        who = "everyone in the channel" if visibility == "public" else "only the person asking"
        return f"**Default model:** {shown}\n**Replies:** {visibility} (seen by {who})"


def front_of(client: discord.Client) -> DiscordFront:
    """The front a Framecraft client carries (typed, for the callbacks discord.py calls with
    a plain `discord.Client`)."""
    front = getattr(client, "front", None)
    if not isinstance(front, DiscordFront):
        raise TypeError("this discord.Client is not a Framecraft client (no .front)")
    return front
