"""What the gateway client and the HTTP endpoint share: run a command for someone somewhere.

Methods here are synchronous (they call the engine and the database) and never raise for
anything a user did: a `Reply` always comes back, an error one included. Callers run them in a
thread (`asyncio.to_thread`) so the event loop keeps answering Discord. State that replicas must
agree on (guild settings, cooldowns, the reviews behind buttons, feedback) lives in
`engine.store`, never in process memory.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from bot.core.commands import COMMANDS
from bot.core.validation import InputError, model_names
from bot.discord import embeds as em

VIEW_TIMEOUT_S = 600.0
"""How long a review's buttons stay live in one process: under the 15 minutes an interaction
token lasts, so the timeout can still edit the message to disable them."""

log = logging.getLogger("framecraft.discord")

PLATFORM = "discord"
ENGINE_COMMANDS = ("critique", "translate", "compare", "ethics", "ask")
DEFAULT_COOLDOWNS: dict[str, tuple[int, float]] = {
    "critique": (10, 60.0),
    "ethics": (20, 60.0),
    "translate": (10, 60.0),
    "compare": (4, 60.0),
    "ask": (10, 60.0),
}
"""Per user and command: (calls, window in seconds). Commands not listed are free."""
VISIBILITIES = ("public", "ephemeral")
DEFAULT_VISIBILITY = "public"
"""Community reviews are meant to be seen; a server can switch to "only you" replies."""


@dataclass(frozen=True)
class Where:
    """Who asked, and where: the scope of settings, cooldowns and reviews."""

    guild: str | None
    channel: str
    user: str
    can_manage: bool = False
    """The member has Manage Server (or Administrator) here."""

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


@dataclass
class Prepared:
    """Decided before deferring: how visible the reply is, or why the command is refused."""

    ephemeral: bool
    refusal: Reply | None = None
    options: dict[str, str] = field(default_factory=dict)


class DiscordFront:
    def __init__(self, engine: Any, cooldowns: dict[str, tuple[int, float]] | None = None):
        self.engine = engine
        self.cooldowns = DEFAULT_COOLDOWNS if cooldowns is None else cooldowns
        self.view_timeout: float = VIEW_TIMEOUT_S

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

    def cooldown(self, name: str, where: Where) -> Reply | None:
        """None when the user may run `name` now, else a friendly refusal."""
        limit = self.cooldowns.get(name)
        if not limit:
            return None
        key = f"{PLATFORM}:{where.scope}:{where.user}:{name}"
        if self.engine.store.allow(key, *limit):
            return None
        calls, window = limit
        return self.notice(f"⏳ You have run `/{name}` {calls} times in the last {window:g} "
                           "seconds. Give it a moment and try again.", ephemeral=True)

    def prepare(self, name: str, where: Where) -> Prepared:
        """One database trip before deferring: visibility and cooldown."""
        try:
            refusal = self.cooldown(name, where)
            return Prepared(ephemeral=True if refusal else self.ephemeral(where), refusal=refusal)
        except Exception:  # the database is down: still answer, privately
            log.exception("discord: settings/cooldown unavailable")
            return Prepared(ephemeral=True)

    # ---- replies --------------------------------------------------------------------------
    @staticmethod
    def notice(text: str, *, ephemeral: bool = True, title: str = "Framecraft") -> Reply:
        return Reply(em.pages(em.notice_embeds(text, title)), ephemeral=ephemeral)

    @staticmethod
    def failure(message: str, text: str | None = None) -> Reply:
        return Reply(em.pages(em.error_embeds(message, text if text and len(text) > 40 else None)),
                     ephemeral=True, error=True)

    def help(self) -> Reply:
        return Reply(em.pages(em.help_embeds(self.models())), ephemeral=True)

    def run(self, name: str, text: str, options: dict[str, str], where: Where,
            ephemeral: bool = False) -> Reply:
        """The reply to one command. Errors become an ephemeral reply that gives the text back."""
        try:
            return self._run(name, text or "", options, where, ephemeral)
        except InputError as e:
            return self.failure(str(e), text)
        except Exception:  # the engine failed: say so, keep the user's text, log the cause
            log.exception("discord %s failed (guild %s)", name, where.guild)
            return self.failure("Something went wrong on our side; please try again in a minute.",
                                text or None)

    def _run(self, name: str, text: str, options: dict[str, str], where: Where,
             ephemeral: bool) -> Reply:
        engine = self.engine
        if name == "help":
            return self.help()
        if name == "models":
            return Reply(em.pages(em.models_embeds(self.models())), ephemeral=ephemeral)
        if name not in ENGINE_COMMANDS:
            raise InputError(f"`{name}` is not available in Discord; try `/help`.")
        if not text.strip():
            usage = COMMANDS[name].usage if name in COMMANDS else name
            raise InputError(f"Nothing to work on. Usage: {usage}")
        if name == "critique":
            model = options.get("model") or self.setting(where, "model")
            result = engine.critique(text, model)
            review_id = engine.store.record_review(PLATFORM, where.scope, where.channel,
                                                   where.user, result.prompt, result.score,
                                                   result.model)
            return Reply(em.pages(em.critique_embeds(result)), ephemeral=ephemeral,
                         review_id=review_id)
        if name == "translate":
            to = options.get("to") or options.get("model")
            if not to:
                raise InputError("Say which model to translate to, e.g. "
                                 "`/translate prompt:A fox runs through snow to:kling`.")
            result = engine.translate(text, to, options.get("from"))
            return Reply(em.pages(em.translation_embeds(result)), ephemeral=ephemeral)
        if name == "compare":
            result = engine.compare(text, options.get("from"))
            return Reply(em.pages(em.comparison_embeds(result)), ephemeral=ephemeral)
        if name == "ethics":
            return Reply(em.pages(em.ethics_embeds(engine.review_ethics(text))),
                         ephemeral=ephemeral)
        return Reply(em.pages(em.answer_embeds(engine.ask(text), question=text)),
                     ephemeral=ephemeral)

    # ---- buttons under a review -----------------------------------------------------------
    def _review(self, review_id: str) -> Any:
        record = self.engine.store.get_review(review_id)
        if record is None:
            raise InputError("I no longer have that review; run `/critique` again.")
        return record

    def show_rewrite(self, review_id: str) -> Reply:
        try:
            record = self._review(review_id)
            result = self.engine.critique(record.prompt, record.model)
            return Reply(em.pages(em.rewrite_embeds(result)), ephemeral=True)
        except InputError as e:
            return self.failure(str(e))
        except Exception:
            log.exception("discord: show rewrite failed")
            return self.failure("Something went wrong on our side; please try again in a minute.")

    def translate_review(self, review_id: str, model: str, where: Where) -> Reply:
        refusal = self.cooldown("translate", where)
        if refusal:
            return refusal
        try:
            record = self._review(review_id)
        except InputError as e:
            return self.failure(str(e))
        return self.run("translate", record.prompt, {"to": model, "from": record.model or ""},
                        where, ephemeral=True)

    def feedback(self, review_id: str, helpful: bool, where: Where) -> Reply:
        try:
            self._review(review_id)
            self.engine.store.record_feedback(PLATFORM, where.scope, where.user, review_id,
                                              helpful)
        except InputError as e:
            return self.failure(str(e))
        except Exception:
            log.exception("discord: feedback not recorded")
            return self.failure("I could not record that just now; please try again later.")
        thanks = ("Thanks! Glad it helped." if helpful else
                  "Thanks for saying so; it helps us improve the reviews.")
        return self.notice(thanks)

    # ---- /settings ------------------------------------------------------------------------
    def settings(self, where: Where, model: str | None = None,
                 visibility: str | None = None) -> Reply:
        """Show the server's settings, or change them (Manage Server only)."""
        if where.guild is None:
            return self.notice("Settings belong to a server; run `/settings` in one.")
        try:
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
                    mid = self.engine.resolve_model(model)
                    store.set_setting(PLATFORM, where.scope, "model", mid)
                    changed.append(f"default model set to `{mid}`")
            if visibility is not None:
                if visibility not in VISIBILITIES:
                    raise InputError(f"Replies are `public` or `ephemeral`, not {visibility!r}.")
                store.set_setting(PLATFORM, where.scope, "visibility", visibility)
                changed.append(f"replies are now {visibility}")
            return self.notice("Done: " + "; ".join(changed) + ".\n\n"
                               + self._describe_settings(where), title="Server settings")
        except InputError as e:
            return self.failure(str(e))
        except Exception:
            log.exception("discord: settings failed")
            return self.failure("Something went wrong on our side; please try again in a minute.")

    def _describe_settings(self, where: Where) -> str:
        model = self.setting(where, "model")
        visibility = self.setting(where, "visibility") or DEFAULT_VISIBILITY
        shown = f"`{model}`" if model else "none (each critique names its own)"
        who = "everyone in the channel" if visibility == "public" else "only the person asking"
        return f"**Default model:** {shown}\n**Replies:** {visibility} (seen by {who})"
