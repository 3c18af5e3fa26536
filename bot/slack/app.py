"""The Slack front: a Bolt app that parses what people send, calls the Engine and posts Block Kit.

Every listener acks at once and does its work in a Bolt lazy listener, so Slack hears back
well inside 3 seconds whatever the engine costs, and the same app runs unchanged on a FaaS
host (`process_before_response=True` there is required, and harmless on a server: the ack
function is trivial, the work happens in the lazy listener's thread). State that several
replicas must agree on (settings, event dedupe, rate limits, review ids behind buttons) lives
in `engine.store`, never in process memory.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from slack_bolt import App, BoltResponse
from slack_bolt.context.respond import Respond
from slack_bolt.middleware.request_verification import RequestVerification
from slack_sdk import WebClient
from slack_sdk.http_retry import RateLimitErrorRetryHandler, default_retry_handlers

from bot.config import Settings
from bot.core.commands import COMMANDS, parse_command
from bot.core.prompt_commands import command_text
from bot.core.validation import InputError, model_names
from bot.slack import blocks as bk
from bot.slack.prompts import answer_prompt, ephemeral_sender

log = logging.getLogger("framecraft.slack")

PLATFORM = "slack"
SLASH_COMMANDS = ("/critique", "/translate", "/compare", "/ethics", "/ask", "/framecraft",
                  "/prompt")
SHORTCUT_REVIEW = "review_prompt"
MODAL_CALLBACK = "fc_critique_modal"
MAX_REPLIES = 5
"""A response_url takes five posts; a longer reply is cut with a note."""

DEFAULT_RATE_LIMITS: dict[str, tuple[int, float]] = {
    "critique": (20, 60.0),
    "ethics": (20, 60.0),
    "translate": (10, 60.0),
    "compare": (5, 60.0),
    "ask": (10, 60.0),
}
"""Per user and command: (calls, window in seconds). Commands not listed are free."""
ENGINE_COMMANDS = frozenset({"critique", "translate", "compare", "ethics", "ask"})


class SlackConfigError(ValueError):
    """A token or secret the chosen mode needs is missing. The message names the variable."""


class QuietRequestVerification(RequestVerification):
    """Bolt's signature check (constant-time, 5-minute window), but the rejection is logged
    without the request body or the signature: bodies carry users' text, and logs travel."""

    def _debug_log_error(self, signature: str, timestamp: str, body: str) -> None:
        log.warning("rejected a Slack request: bad, missing or stale signature "
                    "(timestamp %r, %d body bytes)", str(timestamp)[:20], len(body or ""))


@dataclass(frozen=True)
class Where:
    """Who asked, and where: the scope of settings, reviews and rate limits."""

    team: str
    channel: str
    user: str

    @classmethod
    def of(cls, context: Any, body: dict[str, Any]) -> Where:
        team = (context.get("team_id") or context.get("enterprise_id")
                or body.get("team_id") or (body.get("team") or {}).get("id") or "unknown")
        channel = context.get("channel_id") or (body.get("channel") or {}).get("id") or ""
        user = context.get("user_id") or (body.get("user") or {}).get("id") or "unknown"
        return cls(team=str(team), channel=str(channel), user=str(user))

    @property
    def channel_scope(self) -> str:
        return f"{self.team}:{self.channel}"


Send = Callable[[list[dict[str, Any]]], None]


class SlackFront:
    """What every listener shares: run a command for someone somewhere and format the result."""

    def __init__(self, engine: Any, rate_limits: dict[str, tuple[int, float]] | None = None):
        self.engine = engine
        self.rate_limits = DEFAULT_RATE_LIMITS if rate_limits is None else rate_limits

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

    def response_type(self, where: Where) -> str:
        return "in_channel" if self.setting(where, "visibility") == "public" else "ephemeral"

    # ---- commands -------------------------------------------------------------------------------
    def parse(self, line: str, default: str = "critique") -> tuple[str, str, dict[str, str]]:
        cmd = parse_command(line, default=default, model_names=self.model_names())
        return cmd.name, cmd.text, cmd.options

    def allowed(self, name: str, where: Where) -> bool:
        limit = self.rate_limits.get(name)
        if not limit:
            return True
        return self.engine.store.allow(f"{PLATFORM}:{where.team}:{where.user}:{name}", *limit)

    def run(self, name: str, text: str, options: dict[str, str], where: Where, *,
            share: bool) -> list[dict[str, Any]]:
        """Messages answering one command. Raises InputError for anything the user can fix."""
        if name in ("help",):
            return bk.help_messages(self.models())
        if name == "models":
            lines = [f"• *{bk.escape(n)}* (`{bk.escape(i)}`)" for i, n in self.models()]
            return bk.paginate(bk.sections("\n".join(lines), escaped=True), "Models")
        if name not in ENGINE_COMMANDS:
            raise InputError(f"`{name}` is not available in Slack yet; try `/framecraft help`.")
        if not text.strip():
            usage = COMMANDS[name].usage if name in COMMANDS else name
            raise InputError(f"Nothing to work on. Usage: {usage}")
        if not self.allowed(name, where):
            calls, window = self.rate_limits[name]
            return bk.notice_messages(
                f":hourglass_flowing_sand: You have run `{name}` {calls} times in the last "
                f"{window:g} seconds. Give it a moment and try again.")
        engine = self.engine
        share_value = json.dumps({"c": name, "t": text, "o": options}) if share else None
        if name == "critique":
            model = options.get("model") or self.setting(where, "model")
            result = engine.critique(text, model)
            review_id = engine.store.record_review(PLATFORM, where.team, where.channel, where.user,
                                                   result.prompt, result.score, result.model)
            return bk.critique_messages(result, review_id=review_id, models=self.models(),
                                        share=share)
        if name == "translate":
            to = options.get("to") or options.get("model")
            if not to:
                raise InputError("Say which model to translate to, e.g. "
                                 "`/translate A fox runs through snow --to kling`.")
            result = engine.translate(text, to, options.get("from"))
            return bk.translation_messages(result, share_value=share_value)
        if name == "compare":
            return bk.comparison_messages(engine.compare(text, options.get("from")),
                                          share_value=share_value)
        if name == "ethics":
            return bk.ethics_messages(engine.review_ethics(text), share_value=share_value)
        if name == "ask":
            return bk.answer_messages(engine.ask(text), question=text, share_value=share_value)
        raise InputError(f"`{name}` is not available in Slack yet; try `/framecraft help`.")

    def answer(self, send: Send, name: str, text: str, options: dict[str, str], where: Where,
               *, share: bool, shared_by: str | None = None) -> None:
        """Run a command and send the result, or a friendly error that gives the text back."""
        try:
            messages = self.run(name, text, options, where, share=share)
            if shared_by:
                messages = bk.prepend(messages, bk.shared_by(shared_by))
        except InputError as e:
            messages = bk.error_messages(str(e), text if len(text) > 40 else None)
        except Exception:  # the engine failed: say so, keep the user's text, log the cause
            log.exception("slack %s failed (team %s)", name, where.team)
            messages = bk.error_messages("Something went wrong on our side; please try again "
                                         "in a minute.", text or None)
        send(messages)

    # ---- framecraft settings ------------------------------------------------------------------
    def framecraft(self, text: str, where: Where) -> list[dict[str, Any]]:
        words = text.split()
        if not words or words[0].lower() == "help":
            return bk.help_messages(self.models())
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


def _respond_sender(respond: Callable[..., Any], response_type: str) -> Send:
    def send(messages: list[dict[str, Any]]) -> None:
        for i, msg in enumerate(messages[:MAX_REPLIES]):
            if i == MAX_REPLIES - 1 and len(messages) > MAX_REPLIES:
                msg = bk.notice_messages("(The rest was too long for Slack; use the CLI for "
                                         "the full result.)")[0]
            respond(text=msg["text"], blocks=msg["blocks"], response_type=response_type,
                    replace_original=False)
    return send


def _post_sender(client: WebClient, channel: str, thread_ts: str | None) -> Send:
    def send(messages: list[dict[str, Any]]) -> None:
        for msg in messages:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=msg["text"],
                                    blocks=msg["blocks"])
    return send


_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def _review_id(body: dict[str, Any]) -> str:
    action = (body.get("actions") or [{}])[0]
    block_id = action.get("block_id") or ""
    if action.get("type") == "static_select":
        return block_id.removeprefix(bk.REVIEW_BLOCK_PREFIX)
    return str(action.get("value") or "")


def build_app(engine: Any, settings: Settings, *, socket_mode: bool = False,
              rate_limits: dict[str, tuple[int, float]] | None = None,
              workers: int = 16, review_queue: Any = None) -> App:
    """The Bolt app for `engine`. HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET;
    Socket Mode needs SLACK_BOT_TOKEN (and the runner needs SLACK_APP_TOKEN). `review_queue`
    (a ReviewQueue) replaces the review channels' default budget (tests, benchmarks)."""
    if settings.slack_bot_token is None or not settings.slack_bot_token.get_secret_value():
        raise SlackConfigError("SLACK_BOT_TOKEN is not set (the xoxb- bot token from your "
                               "Slack app's OAuth & Permissions page).")
    secret = (settings.slack_signing_secret.get_secret_value()
              if settings.slack_signing_secret else "")
    if not socket_mode and not secret:
        raise SlackConfigError("SLACK_SIGNING_SECRET is not set (Basic Information → App "
                               "Credentials in your Slack app's settings).")
    token = settings.slack_bot_token.get_secret_value()
    client_args: dict[str, Any] = {"token": token}
    if settings.slack_api_url:
        client_args["base_url"] = settings.slack_api_url.rstrip("/") + "/"
    client = WebClient(**client_args, retry_handlers=[
        *default_retry_handlers(), RateLimitErrorRetryHandler(max_retry_count=2)])
    app = App(
        client=client,
        signing_secret=secret or "socket-mode",
        process_before_response=True,
        request_verification_enabled=False,
        before_authorize=None if socket_mode else QuietRequestVerification(secret),
        listener_executor=ThreadPoolExecutor(max_workers=workers,
                                             thread_name_prefix="framecraft-slack"),
        logger=logging.getLogger("framecraft.slack.bolt"),
    )
    front = SlackFront(engine, rate_limits)
    engine.kb  # noqa: B018 (load and validate the knowledge base before serving)
    app.framecraft_front = front  # type: ignore[attr-defined]
    from bot.slack.review_channels import ReviewChannels

    reviews = ReviewChannels(front, client, review_queue)
    app.framecraft_reviews = reviews  # type: ignore[attr-defined]
    _register(app, front, reviews)
    reviews.start()
    return app


def _ack(ack: Callable[..., Any]) -> None:
    ack()


def _channel_type_is(*types: str) -> Callable[[dict[str, Any]], bool]:
    """A Bolt matcher for message events from these kinds of conversation."""
    def matches(body: dict[str, Any]) -> bool:
        return (body.get("event") or {}).get("channel_type") in types
    return matches


def _register(app: App, front: SlackFront,  # noqa: C901 (one place lists every listener)
              reviews: Any) -> None:
    # ---- slash commands ------------------------------------------------------------------------
    def slash_work(body: dict[str, Any], context: Any, respond: Any, client: WebClient) -> None:
        where = Where.of(context, body)
        name = str(body.get("command", "")).lstrip("/")
        text = bk.plain(str(body.get("text") or "")).strip()
        response_type = front.response_type(where)
        send = _respond_sender(respond, response_type)
        share = response_type == "ephemeral"
        if name == "framecraft":
            try:
                send(reviews.framecraft(text, where, client))
            except InputError as e:
                send(bk.error_messages(str(e)))
            return
        if name == "prompt":  # errors are private whatever the channel's visibility
            answer_prompt(front, text, where, send, _respond_sender(respond, "ephemeral"))
            return
        if name == "critique" and not text:
            metadata = json.dumps({"channel": where.channel,
                                   "response_url": body.get("response_url", "")})
            client.views_open(trigger_id=body["trigger_id"], view=bk.critique_modal(
                front.models(), metadata, front.setting(where, "model"),
                front.engine.settings.max_prompt_chars))
            return
        # Prefixing the command keeps "/ask translate ..." an ask.
        _, rest, options = front.parse(f"{name} {text}", default=name)
        front.answer(send, name, rest, options, where, share=share)

    for command in SLASH_COMMANDS:
        app.command(command)(ack=_ack, lazy=[slash_work])

    # ---- the modal -----------------------------------------------------------------------------
    def modal_ack(ack: Callable[..., Any], view: dict[str, Any]) -> None:
        values = view.get("state", {}).get("values", {})
        prompt = (values.get("prompt", {}).get("prompt", {}) or {}).get("value") or ""
        try:
            front.engine.clean(prompt)
        except InputError as e:
            ack(response_action="errors", errors={"prompt": bk.clip(str(e), 150)})
            return
        ack()

    def modal_work(body: dict[str, Any], view: dict[str, Any], context: Any,
                   client: WebClient) -> None:
        values = view.get("state", {}).get("values", {})
        prompt = values.get("prompt", {}).get("prompt", {}).get("value") or ""
        selected = (values.get("model", {}).get("model", {}) or {}).get("selected_option") or {}
        notes = (values.get("notes", {}).get("notes", {}) or {}).get("value") or ""
        try:
            front.engine.clean(prompt)
        except InputError:
            return  # modal_ack showed the error in the form, which stays open
        try:
            meta = json.loads(view.get("private_metadata") or "{}")
        except ValueError:
            meta = {}
        where = Where.of(context, body)
        where = Where(where.team, str(meta.get("channel") or where.channel), where.user)
        options = {"model": selected["value"]} if selected.get("value") else {}
        url = str(meta.get("response_url") or "")
        if url:
            response_type = front.response_type(where)
            send = _respond_sender(Respond(response_url=url), response_type)
            share = response_type == "ephemeral"
        else:  # no channel to answer in: a DM from the app
            send, share = _post_sender(client, where.user, None), False

        def with_notes(messages: list[dict[str, Any]]) -> None:
            if notes.strip():
                messages = bk.prepend(messages, bk.context(f"Your notes: {notes}"))
            send(messages)
        front.answer(with_notes, "critique", prompt, options, where, share=share)

    app.view(MODAL_CALLBACK)(ack=modal_ack, lazy=[modal_work])

    # ---- message shortcut ----------------------------------------------------------------------
    def shortcut_work(body: dict[str, Any], context: Any, respond: Any) -> None:
        where = Where.of(context, body)
        text = bk.plain(str((body.get("message") or {}).get("text") or "")).strip()
        send = _respond_sender(respond, "ephemeral")
        if not text:
            send(bk.error_messages("That message has no text to review."))
            return
        front.answer(send, "critique", text, {}, where, share=True)

    app.shortcut(SHORTCUT_REVIEW)(ack=_ack, lazy=[shortcut_work])

    # ---- mentions and DMs ----------------------------------------------------------------------
    def first_delivery(body: dict[str, Any], event: dict[str, Any]) -> bool:
        """Slack retries an event it thinks failed; only the first delivery is answered,
        whichever replica gets it. The message key also covers one message arriving as two
        event types."""
        store = front.engine.store
        event_id = body.get("event_id")
        if event_id and not store.claim_once(f"{PLATFORM}:event:{event_id}"):
            return False
        ts = event.get("ts")
        return not (ts and not store.claim_once(
            f"{PLATFORM}:msg:{event.get('channel', '')}:{ts}"))

    def converse(body: dict[str, Any], event: dict[str, Any], context: Any, client: WebClient,
                 thread_ts: str | None) -> None:
        where = Where.of(context, body)
        where = Where(where.team, str(event.get("channel") or where.channel),
                      str(event.get("user") or where.user))
        text = bk.plain(_MENTION.sub(" ", str(event.get("text") or ""))).strip()
        send = _post_sender(client, where.channel, thread_ts)
        if not text:
            send(bk.help_messages(front.models()))
            return
        prompt_text = command_text(text)
        if prompt_text is not None:  # parsed raw, so a prompt's own "--ar 16:9" stays
            answer_prompt(front, prompt_text, where, send,
                          ephemeral_sender(client, where.channel, where.user, thread_ts))
            return
        name, rest, options = front.parse(text)
        front.answer(send, name, rest, options, where, share=False)

    def mention_work(body: dict[str, Any], event: dict[str, Any], context: Any,
                     client: WebClient) -> None:
        if not first_delivery(body, event):
            return
        converse(body, event, context, client, event.get("thread_ts") or event.get("ts"))

    def dm_work(body: dict[str, Any], event: dict[str, Any], context: Any,
                client: WebClient) -> None:
        if event.get("subtype") or event.get("bot_id") or not first_delivery(body, event):
            return
        converse(body, event, context, client, event.get("thread_ts"))

    app.event("app_mention")(ack=_ack, lazy=[mention_work])
    # Bolt's dict constraints check only type and subtype, so the channel type needs a matcher.
    app.event("message", matchers=[_channel_type_is("im")])(ack=_ack, lazy=[dm_work])
    reviews.register(app)  # channel messages: review channels and ethics notes
    app.event("message")(_ack)  # other messages: not ours to answer

    def home_work(body: dict[str, Any], event: dict[str, Any], context: Any,
                  client: WebClient) -> None:
        if event.get("tab") != "home":
            return
        where = Where.of(context, body)
        kb_models = front.engine.kb.models.values()
        models = [(m.id, m.name, m.personality) for m in kb_models]
        recent = front.engine.store.recent_reviews(PLATFORM, where.team, limit=10)
        client.views_publish(user_id=event.get("user") or where.user,
                             view=bk.home_view(models, recent))

    app.event("app_home_opened")(ack=_ack, lazy=[home_work])

    # ---- buttons under a review ----------------------------------------------------------------
    def review_or_say(review_id: str, send: Send) -> Any:
        review = front.engine.store.get_review(review_id) if review_id else None
        if review is None:
            send(bk.error_messages("I no longer have that review; run `/critique` again."))
        return review

    def translate_work(body: dict[str, Any], context: Any, respond: Any) -> None:
        where = Where.of(context, body)
        send = _respond_sender(respond, "ephemeral")
        review = review_or_say(_review_id(body), send)
        if review is None:
            return
        action = (body.get("actions") or [{}])[0]
        to = ((action.get("selected_option") or {}).get("value")) or ""
        options = {"to": to, **({"from": review.model} if review.model else {})}
        front.answer(send, "translate", review.prompt, options, where, share=False)

    def rewrite_work(body: dict[str, Any], context: Any, respond: Any) -> None:
        send = _respond_sender(respond, "ephemeral")
        review = review_or_say(_review_id(body), send)
        if review is None:
            return
        try:
            send(bk.rewrite_messages(front.engine.critique(review.prompt, review.model)))
        except InputError as e:
            send(bk.error_messages(str(e)))

    def feedback_work(body: dict[str, Any], context: Any, respond: Any) -> None:
        where = Where.of(context, body)
        send = _respond_sender(respond, "ephemeral")
        action = (body.get("actions") or [{}])[0]
        review = review_or_say(_review_id(body), send)
        if review is None:
            return
        helpful = action.get("action_id") == bk.ACTION_HELPFUL
        front.engine.store.record_feedback(PLATFORM, where.team, where.user, review.id, helpful)
        send(bk.notice_messages("Thanks, noted: helpful." if helpful else
                                "Thanks, noted: not helpful. It helps us tune the reviews."))

    def share_work(body: dict[str, Any], context: Any, respond: Any) -> None:
        """Post a private answer to the channel: re-run it from what the button carries."""
        where = Where.of(context, body)
        value = str(((body.get("actions") or [{}])[0]).get("value") or "")
        private = _respond_sender(respond, "ephemeral")
        public = _respond_sender(respond, "in_channel")
        if value.startswith("review:"):
            review = review_or_say(value.removeprefix("review:"), private)
            if review is None:
                return
            options = {"model": review.model} if review.model else {}
            front.answer(public, "critique", review.prompt, options, where, share=False,
                         shared_by=where.user)
            return
        try:
            data = json.loads(value)
            name, text, options = str(data["c"]), str(data["t"]), dict(data.get("o") or {})
        except (ValueError, KeyError, TypeError):
            private(bk.error_messages("That button is out of date; run the command again."))
            return
        front.answer(public, name, text, {str(k): str(v) for k, v in options.items()}, where,
                     share=False, shared_by=where.user)

    app.action(bk.ACTION_TRANSLATE)(ack=_ack, lazy=[translate_work])
    app.action(bk.ACTION_REWRITE)(ack=_ack, lazy=[rewrite_work])
    app.action(bk.ACTION_HELPFUL)(ack=_ack, lazy=[feedback_work])
    app.action(bk.ACTION_NOT_HELPFUL)(ack=_ack, lazy=[feedback_work])
    app.action(bk.ACTION_SHARE)(ack=_ack, lazy=[share_work])

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> BoltResponse | None:
        log.error("slack listener failed: %s: %s", type(error).__name__, error)
        return None


__all__: Sequence[str] = ("build_app", "SlackConfigError", "SlackFront", "Where")
