"""What every Slack listener shares: who asked and where, the settings, the senders, and one
error boundary.

`SlackFront.run` answers any command of the core's table (bot.core.command_table): it checks
the rate limit, lets the core call the engine, and formats the outcome with the command's
formatter (bot.slack.formatters). `SlackFront.reply` is the error boundary: an `InputError`
becomes the user's message, anything else is logged once (type and request id) and the user
gets one wording. State that several replicas must agree on (settings, event dedupe, rate
limits, review ids behind buttons) lives in `engine.store`, never in process memory.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    RetryHandler,
)
from slack_sdk.http_retry.builtin_handlers import ServerErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from bot.core.availability import Preflight, user_error
from bot.core.command_table import (
    SORRY,
    CommandCall,
    MissingOption,
    Requester,
    command_preflight,
    nothing_to_work_on,
    rate_limits,
    run_command,
    spec_of,
    typed_example,
)
from bot.core.commands import parse_command
from bot.core.critique import messages as catalogue
from bot.core.prompt_commands import ConfirmationNeeded
from bot.core.storage.tenants_store import REMOVED_AUTHOR
from bot.core.validation import InputError, model_names
from bot.core.workers import EngineWorkers
from bot.logs import log_failure
from bot.slack import blocks as bk
from bot.slack.formatters import FORMATTERS, Shown
from bot.slack.member_language import ENGLISH, MemberLanguages

if TYPE_CHECKING:
    from bot.core.engine import Engine
    from bot.core.storage.records import ReviewRecord

log = logging.getLogger(__name__)

PLATFORM = "slack"
MAX_REPLIES = 5
NAME_TTL_S = 600.0
"""How long a display name is reused before users.info is asked again."""
"""A response_url takes five posts; a longer reply is cut with a note."""

Messages = list[bk.Message]
Send = Callable[[Messages], None]
Ack = Callable[..., Any]


@dataclass(frozen=True)
class Where:
    """Who asked, and where: the scope of settings, reviews and rate limits."""

    team: str
    channel: str
    user: str
    client: WebClient | None = field(default=None, compare=False, repr=False)
    """The request's own Web API client (Bolt authorised it with the workspace's token, fresh
    after a rotation), for lookups about the asker; None for work no request carries."""

    @classmethod
    def of(cls, context: Mapping[str, Any], body: Mapping[str, Any]) -> Where:
        team = (context.get("team_id") or context.get("enterprise_id")
                or body.get("team_id") or (body.get("team") or {}).get("id") or "unknown")
        channel = context.get("channel_id") or (body.get("channel") or {}).get("id") or ""
        user = context.get("user_id") or (body.get("user") or {}).get("id") or "unknown"
        client = context.get("client")
        return cls(team=str(team), channel=str(channel), user=str(user),
                   client=client if isinstance(client, WebClient) else None)

    @property
    def channel_scope(self) -> str:
        return f"{self.team}:{self.channel}"


def explain(error: InputError) -> str:
    """The user's message for an error they can fix, in Slack's words."""
    if isinstance(error, MissingOption):
        return f"{error.need}, e.g. `{typed_example(error.spec)}`."
    if isinstance(error, ConfirmationNeeded):
        return (f"Deleting *{error.name}* removes all {error.versions} version"
                f"{'s' if error.versions != 1 else ''}. To confirm, send "
                f"`/prompt delete {error.name} yes`.")
    return str(error)


class ChannelReviews(Protocol):
    """The review channels (bot.slack.review_channels), as the listeners use them; a protocol,
    so this module does not import that one (which imports this)."""

    def framecraft(self, text: str, where: Where, client: WebClient) -> Messages: ...

    def register(self, app: App) -> None: ...


class SlackFront:
    """Run a command for someone somewhere and format the result; listeners only parse."""

    def __init__(self, engine: Engine, limits: dict[str, tuple[int, float]] | None = None,
                 workers: EngineWorkers | None = None):
        self.engine = engine
        self.rate_limits = rate_limits() if limits is None else limits
        self.workers = workers or EngineWorkers(name="slack-engine")
        """Every listener's work runs here (SlackFront.reply): a few threads, so heavy engine
        work cannot starve the threads that ack within Slack's 3 seconds; past its bound a
        request gets "busy, try again" (bot.core.workers)."""
        self.reviews: ChannelReviews | None = None
        """The review channels (set by build_app): `/framecraft` and channel messages."""
        self.client: WebClient | None = None
        """The Web API client (set by build_app): display names for `/prompt` replies."""
        self.client_for: Callable[[str], WebClient] | None = None
        """The client of one workspace (set by build_app; bot.slack.oauth.WorkspaceClients):
        its own token in OAuth mode, the one client with SLACK_BOT_TOKEN."""
        self.languages: MemberLanguages | None = None
        """Members' languages from their Slack locale (set by build_app); English without."""
        self._names: dict[str, tuple[float, str]] = {}

    def language(self, where: Where) -> str:
        """The language of the bot's own words for the member asking (bot.slack.member_language:
        cached, English on any error). Call it only after the ack: a cache miss asks Slack."""
        if self.languages is None:
            return ENGLISH
        return self.languages.language(where.team, where.user, where.client)

    def display_names(self, users: Iterable[str], team: str | None = None) -> dict[str, str]:
        """Slack user id -> display name, from users.info (cached for NAME_TTL_S); an id
        that cannot be resolved stays as it is. Names let a reply say who without a
        `<@U..>` mention, which would notify them."""
        names: dict[str, str] = {}
        now = time.monotonic()
        for user in dict.fromkeys(users):
            cached = self._names.get(user)
            if cached is not None and now - cached[0] < NAME_TTL_S:
                names[user] = cached[1]
                continue
            name = self._lookup_name(user, team)
            if name:
                if len(self._names) > 5000:
                    self._names.clear()
                self._names[user] = (now, name)
                names[user] = name
        return names

    def _lookup_name(self, user: str, team: str | None = None) -> str | None:
        if self.client is None or not user or user == REMOVED_AUTHOR:
            return None
        try:
            client = (self.client_for(team) if self.client_for is not None and team
                      else self.client)
            info = client.users_info(user=user).get("user") or {}
        except Exception as e:  # noqa: BLE001 (a missing name shows the id instead)
            log.info("users.info failed for a /prompt author (%s)", type(e).__name__)
            return None
        profile = info.get("profile") or {}
        for candidate in (profile.get("display_name"), profile.get("real_name"),
                          info.get("real_name"), info.get("name")):
            if candidate and str(candidate).strip():
                return str(candidate).strip()
        return None

    # ---- knowledge the formatting needs ------------------------------------------------------
    def models(self) -> list[tuple[str, str]]:
        return [(m.id, m.name) for m in self.engine.kb.models.values()]

    def model_names(self) -> set[str]:
        return set(model_names(self.engine.kb))

    # ---- settings -------------------------------------------------------------------------------
    def setting(self, where: Where, key: str) -> str | None:
        """The channel's value, else the workspace's; "" means unset."""
        store = self.engine.store
        for scope in (where.channel_scope, where.team):
            value = store.get_setting(PLATFORM, scope, key)
            if value:
                return value
        return None

    def preflight(self, name: str, where: Where) -> Preflight:
        """The rate limit and the settings for `name` here, read once; defaults and a notice
        while the database is down (bot.core.availability). Never raises for an outage."""
        def read() -> dict[str, str | None]:
            return {key: self.setting(where, key) for key in ("visibility", "model")}
        return command_preflight(self.engine, name, f"{PLATFORM}:{where.team}:{where.user}",
                                 self.rate_limits, read)

    @staticmethod
    def response_type_of(pre: Preflight) -> str:
        return "in_channel" if pre.setting("visibility") == "public" else "ephemeral"

    def response_type(self, where: Where) -> str:
        return self.response_type_of(self.preflight("", where))

    def refusal(self, name: str, lang: str = ENGLISH) -> Messages:
        calls, window = self.rate_limits[name]
        return bk.notice_messages(":hourglass_flowing_sand: " + catalogue.label("rate_limited", lang)
                                  .format(name=name, calls=calls, window=f"{window:g}"))

    # ---- commands -------------------------------------------------------------------------------
    def parse(self, line: str, default: str = "critique") -> tuple[str, str, dict[str, str]]:
        cmd = parse_command(line, default=default, model_names=self.model_names())
        return cmd.name, cmd.text, cmd.options

    def run(self, name: str, text: str, options: dict[str, str], where: Where, *,
            share: bool, pre: Preflight | None = None) -> Messages:
        """Messages answering one command. Raises InputError for anything the user can fix.
        `pre` is the request's preflight when the listener already read it."""
        if name == "help":
            return bk.help_messages(self.models())
        spec = spec_of(name)
        if spec is None or name not in FORMATTERS or "slack" not in spec.fronts:
            raise InputError(f"`{name}` is not available in Slack yet; try `/framecraft help`.")
        if spec.needs_text and not text.strip():
            raise InputError(nothing_to_work_on(spec))
        pre = pre or self.preflight(name, where)
        lang = self.language(where)
        if not pre.allowed:
            return self.refusal(name, lang)
        takes_model = any(a.name == "model" for a in spec.args)
        default_model = pre.setting("model") if takes_model else None
        outcome = run_command(self.engine, name, CommandCall(text, options, default_model),
                              Requester(PLATFORM, where.team, where.channel, where.user))
        share_value = json.dumps({"c": name, "t": text, "o": options}) if share else None
        messages = FORMATTERS[name](outcome, Shown(self.models(), share, share_value, lang))
        notice = pre.notice or outcome.notice
        return bk.prepend(messages, bk.context(f":warning: {notice}")) if notice else messages

    def answer(self, send: Send, name: str, text: str, options: dict[str, str], where: Where,
               *, share: bool, shared_by: str | None = None,
               pre: Preflight | None = None) -> None:
        """Run a command and send the result, or a friendly error that gives the text back."""
        def work() -> Messages:
            messages = self.run(name, text, options, where, share=share, pre=pre)
            return bk.prepend(messages, bk.shared_by(shared_by)) if shared_by else messages
        self.reply(send, work, what=f"slack {name}", typed=text, echo_after=40)

    def reply(self, send: Send, work: Callable[[], Messages], *, what: str,
              typed: str | None = None, echo_after: int = 0,
              send_error: Send | None = None) -> None:
        """The error boundary: send what `work` returns; an InputError becomes the user's
        message (with their text back when longer than `echo_after`), anything else is logged
        once and the user gets one wording. Errors go through `send_error` when given."""
        to_error = send_error or send
        try:
            messages = self.workers.submit(work).result()
        except Exception as e:
            known = user_error(e)  # an InputError, or the database being down
            if known is None:
                log_failure(log, what, e)
                to_error(bk.error_messages(SORRY, typed or None))
                return
            echo = (typed if typed and len(typed) > echo_after
                    and not isinstance(known, ConfirmationNeeded) else None)
            to_error(bk.error_messages(explain(known), echo))
            return
        send(messages)

    def review(self, review_id: str, send: Send, where: Where | None = None) -> ReviewRecord | None:
        """The stored review behind a button, or None after telling the user (in their
        language). With `where`, only a review made in that workspace (another workspace's id
        finds nothing)."""
        review = self.engine.store.get_review(
            review_id, PLATFORM, where.team if where else None) if review_id else None
        if review is None:
            lang = self.language(where) if where else ENGLISH
            send(bk.error_messages(catalogue.label("review_gone", lang)))
        return review

    # ---- framecraft settings ------------------------------------------------------------------
    def framecraft(self, text: str, where: Where) -> Messages:
        words = text.split()
        if not words or words[0].lower() == "help":
            return bk.help_messages(self.models())
        spec = spec_of(words[0].lower())
        if spec is not None and spec.slack is None and spec.run is not None:
            # A table command with no slash command of its own is `/framecraft NAME ...`.
            name, typed, options = self.parse(text, default=spec.name)
            return self.run(name, typed, options, where, share=False)
        if words[0].lower() != "settings":
            raise InputError(f"`/framecraft {bk.clip(words[0], 30)}` is not something I know. "
                             "Try `/framecraft help`.")
        rest = words[1:]
        scope, label = where.channel_scope, "this channel"
        if rest and rest[0].lower() in ("channel", "workspace"):
            if rest[0].lower() == "workspace":
                scope, label = where.team, "this workspace"
            rest = rest[1:]
        store = self.engine.store
        if not rest:
            lines = ["*Framecraft settings*"]
            for key in ("model", "visibility"):
                here = store.get_setting(PLATFORM, where.channel_scope, key) or "-"
                team = store.get_setting(PLATFORM, where.team, key) or "-"
                lines.append(f"• `{key}`: channel {bk.escape(here)} · workspace {bk.escape(team)}")
            return bk.paginate(bk.sections("\n".join(lines), escaped=True), "Framecraft settings")
        key, values = rest[0].lower(), rest[1:]
        if key == "model" and len(values) == 1:
            if values[0].lower() in ("none", "any", "default"):
                value = ""
            else:
                value = self.engine.resolve_model(values[0]) or ""
        elif key == "visibility" and len(values) == 1 and values[0].lower() in ("public",
                                                                               "ephemeral"):
            value = values[0].lower()
        else:
            raise InputError("Usage: `/framecraft settings [channel|workspace] model NAME|none` "
                             "or `/framecraft settings [channel|workspace] visibility "
                             "public|ephemeral`.")
        store.set_setting(PLATFORM, scope, key, value)
        shown = value or "no default"
        return bk.notice_messages(f"Done: `{key}` for {label} is now *{shown}*.")


# ---- senders and small listener helpers ---------------------------------------------------------
def response_url_retries() -> list[RetryHandler]:
    """Like the Web API client's (bot.slack.app): a dropped connection, a 429 (after its
    Retry-After) and a 500/503 (with backoff) are tried again, twice at most."""
    return [ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=2)]


def respond_sender(respond: Callable[..., Any], response_type: str) -> Send:
    """Messages through the request's response_url, retried like Web API calls (Bolt's own
    `respond` posts once)."""
    url = getattr(respond, "response_url", None)
    webhook = WebhookClient(str(url), retry_handlers=response_url_retries()) if url else None

    def post(msg: bk.Message) -> None:
        if webhook is None:
            respond(text=msg["text"], blocks=msg["blocks"], response_type=response_type,
                    replace_original=False)
            return
        answer = webhook.send(text=msg["text"], blocks=msg["blocks"],
                              response_type=response_type, replace_original=False)
        if answer.status_code >= 400:  # the URL is a credential: never logged
            log.warning("a response_url post failed with HTTP %d after retries",
                        answer.status_code)

    def send(messages: Messages) -> None:
        for i, msg in enumerate(messages[:MAX_REPLIES]):
            if i == MAX_REPLIES - 1 and len(messages) > MAX_REPLIES:
                msg = bk.notice_messages("(The rest was too long for Slack; use the CLI for "
                                         "the full result.)")[0]
            post(msg)
    return send


def post_sender(client: WebClient, channel: str, thread_ts: str | None) -> Send:
    def send(messages: Messages) -> None:
        for msg in messages:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=msg["text"],
                                    blocks=msg["blocks"])
    return send


def ephemeral_sender(client: WebClient, channel: str, user: str,
                     thread_ts: str | None) -> Send:
    """Messages only `user` sees, in the channel (and thread) of a mention or DM."""
    def send(messages: Messages) -> None:
        for msg in messages:
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts,
                                      text=msg["text"], blocks=msg["blocks"])
    return send


def ack_now(ack: Ack) -> None:
    """Every listener acks at once; its work runs in a Bolt lazy listener."""
    ack()


def channel_type_is(*types: str) -> Callable[[dict[str, Any]], bool]:
    """A Bolt matcher for message events from these kinds of conversation."""
    def matches(body: dict[str, Any]) -> bool:
        return (body.get("event") or {}).get("channel_type") in types
    return matches


def review_id_of(body: Mapping[str, Any]) -> str:
    """The review a button or select under a review points at."""
    action = (body.get("actions") or [{}])[0]
    block_id = action.get("block_id") or ""
    if action.get("type") == "static_select":
        return str(block_id).removeprefix(bk.REVIEW_BLOCK_PREFIX)
    return str(action.get("value") or "")
