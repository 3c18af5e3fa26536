"""The Slack front: a Bolt app that parses what people send, calls the Engine and posts Block Kit.

The listeners live by kind in bot.slack.listeners (commands, actions, views, shortcuts,
events), what they share in bot.slack.front. Every listener acks at once and does its work in
a Bolt lazy listener, so Slack hears back well inside 3 seconds whatever the engine costs, and
the same app runs unchanged on a FaaS host (`process_before_response=True` there is required,
and harmless on a server: the ack function is trivial, the work happens in the lazy
listener's thread). State that several replicas must agree on (settings, event dedupe, rate
limits, review ids behind buttons) lives in `engine.store`, never in process memory.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltResponse
from slack_bolt.middleware.request_verification import RequestVerification
from slack_sdk import WebClient
from slack_sdk.http_retry import RateLimitErrorRetryHandler, default_retry_handlers

from bot.config import Settings
from bot.logs import log_failure
from bot.slack.front import PLATFORM, SlackFront, Where
from bot.slack.insights import digest_scheduler
from bot.slack.listeners import register_all
from bot.slack.listeners.commands import SLASH_COMMANDS
from bot.slack.listeners.shortcuts import SHORTCUT_REVIEW
from bot.slack.listeners.views import MODAL_CALLBACK
from bot.slack.review_channels import ReviewChannels

if TYPE_CHECKING:
    from bot.core.engine import Engine
    from bot.core.insights.digest import DigestScheduler
    from bot.core.review_channels import ReviewQueue

log = logging.getLogger(__name__)


class FramecraftApp(App):
    """Bolt's App, holding the review channels (tests and benchmarks reach their queue)."""

    framecraft_reviews: ReviewChannels
    framecraft_digests: DigestScheduler
    """Not started here: the server starts it while it serves (bot.slack.insights)."""


class SlackConfigError(ValueError):
    """A token or secret the chosen mode needs is missing. The message names the variable."""


class QuietRequestVerification(RequestVerification):
    """Bolt's signature check (constant-time, 5-minute window), but the rejection is logged
    without the request body or the signature: bodies carry users' text, and logs travel."""

    def _debug_log_error(self, signature: str, timestamp: str, body: str) -> None:
        log.warning("rejected a Slack request: bad, missing or stale signature "
                    "(timestamp %r, %d body bytes)", str(timestamp)[:20], len(body or ""))


def build_app(engine: Engine, settings: Settings, *, socket_mode: bool = False,
              rate_limits: dict[str, tuple[int, float]] | None = None,
              workers: int = 16, review_queue: ReviewQueue | None = None) -> FramecraftApp:
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
    app = FramecraftApp(
        client=client,
        signing_secret=secret or "socket-mode",
        process_before_response=True,
        request_verification_enabled=False,
        before_authorize=None if socket_mode else QuietRequestVerification(secret),
        listener_executor=ThreadPoolExecutor(max_workers=workers,
                                             thread_name_prefix="framecraft-slack"),
        logger=logging.getLogger(f"{__name__}.bolt"),
    )
    front = SlackFront(engine, rate_limits)
    engine.kb  # noqa: B018 (load and validate the knowledge base before serving)
    reviews = ReviewChannels(front, client, review_queue)
    front.reviews = reviews
    app.framecraft_reviews = reviews
    app.framecraft_digests = digest_scheduler(front, client)
    register_all(app, front)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> BoltResponse | None:
        """A failure no listener's boundary caught (Bolt itself, a matcher): log it once."""
        log_failure(log, "slack listener", error)
        return None

    reviews.start()
    return app


__all__: Sequence[str] = ("build_app", "SlackConfigError", "SlackFront", "Where", "PLATFORM",
                          "SLASH_COMMANDS", "SHORTCUT_REVIEW", "MODAL_CALLBACK")
