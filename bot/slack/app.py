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
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware.authorization import SingleTeamAuthorization
from slack_bolt.middleware.request_verification import RequestVerification
from slack_sdk import WebClient
from slack_sdk.http_retry import RateLimitErrorRetryHandler, default_retry_handlers

from bot.config import Settings
from bot.core.availability import first_time
from bot.core.tenants import RetentionJob
from bot.logs import log_failure
from bot.slack.front import PLATFORM, SlackFront, Where
from bot.slack.insights import digest_scheduler
from bot.slack.listeners import register_all
from bot.slack.listeners.commands import SLASH_COMMANDS
from bot.slack.listeners.shortcuts import SHORTCUT_REVIEW
from bot.slack.listeners.views import MODAL_CALLBACK
from bot.slack.member_language import MemberLanguages
from bot.slack.oauth import (
    SlackConfigError,
    WorkspaceClients,
    oauth_enabled,
    oauth_settings,
    revocation_listeners,
)
from bot.slack.review_channels import ReviewChannels

if TYPE_CHECKING:
    from slack_bolt.oauth.oauth_settings import OAuthSettings

    from bot.core.engine import Engine
    from bot.core.insights.digest import DigestScheduler
    from bot.core.review_channels import ReviewQueue

log = logging.getLogger(__name__)


class FramecraftApp(App):
    """Bolt's App, holding the review channels (tests and benchmarks reach their queue)."""

    framecraft_reviews: ReviewChannels
    framecraft_engine: Engine
    """What `/readyz` probes (bot.slack.server)."""
    framecraft_digests: DigestScheduler
    """Not started here: the server starts it while it serves (bot.slack.insights)."""
    framecraft_retention: RetentionJob
    """Deletes departed workspaces' data after the retention; started by the server too."""


REPLAY_WINDOW_S = 300
"""Slack's signature window: a signature older than this is refused by the check itself."""


def shape_problem(body: Mapping[str, Any]) -> str | None:
    """What Bolt would trip over in a signed payload (a KeyError deep in its matchers), or
    None: the fields it reads unguarded must be there and be objects with a type."""
    kind = body.get("type")
    if kind in ("view_submission", "view_closed"):
        view = body.get("view")
        if not isinstance(view, dict) or not isinstance(view.get("type"), str):
            return f"{kind} without view.type"
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return "event_callback without event.type"
    return None


class QuietRequestVerification(RequestVerification):
    """Bolt's signature check (constant-time, 5-minute window), but the rejection is logged
    without the request body or the signature: bodies carry users' text, and logs travel.

    On top of it: a timestamp that is not a whole number is refused (401) rather than raising
    in the verifier (500); a signed payload Bolt cannot route is refused (400); a signature
    seen before (`claim`, shared by replicas through the database) is dropped, so a replayed
    slash command does not run twice."""

    def __init__(self, signing_secret: str, claim: Callable[[str], bool] | None = None):
        super().__init__(signing_secret)
        self.claim = claim

    def process(self, *, req: BoltRequest, resp: BoltResponse,
                next: Callable[[], BoltResponse]) -> BoltResponse:  # noqa: A002 (Bolt's name)
        timestamp = req.headers.get("x-slack-request-timestamp", [""])[0] or ""
        signature = req.headers.get("x-slack-signature", [""])[0] or ""
        body = req.raw_body
        if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12) or \
                not self.verifier.is_valid(body, timestamp, signature):
            self._debug_log_error(signature, timestamp, body)
            return self._build_error_response()
        problem = shape_problem(req.body or {})
        if problem is not None:
            log.warning("rejected a signed but malformed Slack request (%s)", problem)
            return BoltResponse(status=400, body={"error": "malformed request"})
        claim = self.claim
        if claim is not None and not first_time(lambda: claim(f"slack:sig:{signature}"),
                                                "a Slack request"):
            log.warning("dropped a replayed Slack request (signature seen before)")
            return BoltResponse(status=200, body="")
        return next()

    def _debug_log_error(self, signature: str, timestamp: str, body: str) -> None:
        log.warning("rejected a Slack request: bad, missing or stale signature "
                    "(timestamp %r, %d body bytes)", str(timestamp)[:20], len(body or ""))


def build_app(engine: Engine, settings: Settings, *, socket_mode: bool = False,
              rate_limits: dict[str, tuple[int, float]] | None = None,
              workers: int = 16, review_queue: ReviewQueue | None = None) -> FramecraftApp:
    """The Bolt app for `engine`. HTTP mode needs SLACK_SIGNING_SECRET and either
    SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (OAuth: any
    workspace installs from /slack/install; bot.slack.oauth). Socket Mode needs
    SLACK_BOT_TOKEN (and the runner needs SLACK_APP_TOKEN). `review_queue` (a ReviewQueue)
    replaces the review channels' default budget (tests, benchmarks)."""
    use_oauth = oauth_enabled(settings) and not socket_mode
    has_token = settings.slack_bot_token is not None and \
        bool(settings.slack_bot_token.get_secret_value())
    if not use_oauth and not has_token:
        raise SlackConfigError("SLACK_BOT_TOKEN is not set (the xoxb- bot token from your "
                               "Slack app's OAuth & Permissions page), nor SLACK_CLIENT_ID and "
                               "SLACK_CLIENT_SECRET for installing by OAuth.")
    secret = (settings.slack_signing_secret.get_secret_value()
              if settings.slack_signing_secret else "")
    if not socket_mode and not secret:
        raise SlackConfigError("SLACK_SIGNING_SECRET is not set (Basic Information → App "
                               "Credentials in your Slack app's settings).")
    client_args: dict[str, Any] = {}
    if not use_oauth:
        assert settings.slack_bot_token is not None
        client_args["token"] = settings.slack_bot_token.get_secret_value()
    if settings.slack_api_url:
        client_args["base_url"] = settings.slack_api_url.rstrip("/") + "/"
    client = WebClient(**client_args, retry_handlers=[
        *default_retry_handlers(), RateLimitErrorRetryHandler(max_retry_count=2)])
    installs = oauth_settings(settings, engine.store, client) if use_oauth else None
    app = FramecraftApp(
        client=client,
        signing_secret=secret or "socket-mode",
        oauth_settings=installs,
        process_before_response=True,
        request_verification_enabled=False,
        before_authorize=None if socket_mode else QuietRequestVerification(
            secret, lambda key: engine.store.claim_once(key, ttl_s=2 * REPLAY_WINDOW_S)),
        listener_executor=ThreadPoolExecutor(max_workers=workers,
                                             thread_name_prefix="framecraft-slack"),
        logger=logging.getLogger(f"{__name__}.bolt"),
    )
    clients = WorkspaceClients(client, installs)
    front = SlackFront(engine, rate_limits)
    front.client = client
    front.client_for = clients
    front.languages = MemberLanguages(clients)
    engine.kb  # noqa: B018 (load and validate the knowledge base before serving)
    reviews = ReviewChannels(front, client, review_queue)
    reviews.client_for = clients
    front.reviews = reviews
    app.framecraft_reviews = reviews
    app.framecraft_engine = engine
    app.framecraft_digests = digest_scheduler(front, clients)
    app.framecraft_retention = RetentionJob(lambda: engine.store,
                                            present=lambda: single_team(app))
    register_all(app, front)
    register_departures(app, engine, settings, installs)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> BoltResponse | None:
        """A failure no listener's boundary caught (Bolt itself, a matcher): log it once."""
        log_failure(log, "slack listener", error)
        return None

    reviews.start()
    return app


def single_team(app: App) -> list[tuple[str, str]]:
    """The workspace of SLACK_BOT_TOKEN, from the auth.test Bolt made at start (none in OAuth
    mode, where installing again says it)."""
    for middleware in app._middleware_list:  # Bolt keeps its auth.test result there
        result = getattr(middleware, "auth_test_result", None)
        if isinstance(middleware, SingleTeamAuthorization) and result:
            team = result.get("team_id")
            return [(PLATFORM, str(team))] if team else []
    return []


def register_departures(app: App, engine: Engine, settings: Settings,
                        installs: OAuthSettings | None) -> None:
    """`app_uninstalled` and `tokens_revoked`: the installation goes at once (OAuth), the
    workspace's data after FRAMECRAFT_RETENTION_DAYS (bot.core.tenants)."""
    def left(team: str, reason: str) -> None:
        gone = engine.store.mark_left(PLATFORM, team, reason, settings.retention_days)
        log.info("a workspace left (%s): its data is deleted after %g days", reason,
                 settings.retention_days)
        del gone

    on_uninstalled, on_revoked = revocation_listeners(installs, left)
    app.event("app_uninstalled")(on_uninstalled)
    app.event("tokens_revoked")(on_revoked)


__all__: Sequence[str] = ("build_app", "SlackConfigError", "SlackFront", "Where", "PLATFORM",
                          "SLASH_COMMANDS", "SHORTCUT_REVIEW", "MODAL_CALLBACK")
