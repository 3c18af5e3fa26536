"""Install into any Slack workspace: Bolt's OAuth v2 flow, a token per workspace.

With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set, the app serves `/slack/install` (the Add to
Slack page) and `/slack/oauth_redirect` (Slack sends the installer back there with a code), and
every request is authorised with the token of the workspace it came from. Installations and the
one-time OAuth states live in the project's database (SQLite or Postgres), in slack_sdk's
SQLAlchemy stores over the tables migration 0005 creates. Token rotation: when the app has it
switched on, Slack returns a refresh token, and Bolt refreshes an expiring token before a
request uses it (`TOKEN_ROTATION_MINUTES` ahead) and saves the new one.

Without a client id, SLACK_BOT_TOKEN serves one workspace, as before.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from slack_bolt import BoltResponse
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from slack_sdk.oauth.token_rotation import TokenRotator

from bot.slack.scopes import BOT_SCOPES

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.core.storage import Store

log = logging.getLogger(__name__)

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_TTL_S = 600
"""How long an Add to Slack link stays good (its state is single-use within this)."""
TOKEN_ROTATION_MINUTES = 120
"""Refresh a rotating token this long before it expires (Bolt's default)."""

FAILURES: dict[str, str] = {
    "access_denied": "The installation was cancelled in Slack, so nothing was installed.",
    "invalid_browser": "This install link was not started in this browser (or it expired). "
                       "Start again from the Add to Slack page.",
    "invalid_state": "This install link is not valid: it was used already, has expired, or "
                     "did not come from this server. Start again from the Add to Slack page.",
    "missing_code": "Slack did not send an authorisation code, so nothing was installed. "
                    "Start again from the Add to Slack page.",
    "invalid_code": "Slack did not accept the authorisation code (it may have been used "
                    "already). Start again from the Add to Slack page.",
    "storage_error": "The installation could not be saved. Please try again in a minute.",
}


class SlackConfigError(ValueError):
    """A token or secret the chosen mode needs is missing. The message names the variable.
    (Defined here, re-exported by bot.slack.app, so this module does not import the app.)"""


def oauth_enabled(settings: Settings) -> bool:
    """OAuth mode: a client id is set (the secret is then required)."""
    return bool(settings.slack_client_id)


def scopes_of(settings: Settings) -> list[str]:
    """SLACK_SCOPES (comma- or space-separated), else the scopes the bot uses."""
    if settings.slack_scopes:
        return [s for s in settings.slack_scopes.replace(",", " ").split() if s]
    return list(BOT_SCOPES)


class WorkspaceInstallationStore(SQLAlchemyInstallationStore):
    """slack_sdk's store on Framecraft's engine; a workspace that installs again before its
    retention ran out keeps its data (its `left` mark is removed)."""

    def __init__(self, client_id: str, store: Store):
        super().__init__(client_id=client_id, engine=store.engine,
                         logger=logging.getLogger(f"{__name__}.installations"))
        self.framecraft_store = store

    def save(self, installation: Installation) -> None:
        super().save(installation)
        tenant = installation.team_id or installation.enterprise_id
        if tenant and self.framecraft_store.came_back("slack", tenant):
            log.info("a workspace installed again within its retention: its data is kept")


def _page(title: str, message: str, install_path: str, again: bool) -> str:
    link = (f'<p><a href="{html.escape(install_path)}">Back to the Add to Slack page</a></p>'
            if again else "")
    return ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Framecraft: "
            f"{html.escape(title)}</title></head><body style=\"font-family: sans-serif; "
            f"max-width: 40em; margin: 3em auto\"><h1>{html.escape(title)}</h1>"
            f"<p>{html.escape(message)}</p>{link}</body></html>")


def _success(args: SuccessArgs) -> BoltResponse:
    team = args.installation.team_name or args.installation.team_id or "your workspace"
    body = _page("Framecraft is installed",
                 f"Framecraft is now in {team}. Try /critique in any channel, or "
                 "/framecraft help.", INSTALL_PATH, again=False)
    return BoltResponse(status=200, body=body, headers={
        "Content-Type": "text/html; charset=utf-8",
        "Set-Cookie": args.settings.state_utils.build_set_cookie_for_deletion()})


def _failure(args: FailureArgs) -> BoltResponse:
    """A clear page for each way an install can fail; the reason code is logged, never the
    query (it may carry a code)."""
    reason = str(args.reason)
    log.warning("slack install refused: %s", reason if reason in FAILURES else "other error")
    message = FAILURES.get(reason, "Slack reported an error, so nothing was installed. "
                                   "Start again from the Add to Slack page.")
    body = _page("Framecraft was not installed", message, INSTALL_PATH, again=True)
    return BoltResponse(status=args.suggested_status_code, body=body, headers={
        "Content-Type": "text/html; charset=utf-8",
        "Set-Cookie": args.settings.state_utils.build_set_cookie_for_deletion()})


def oauth_settings(settings: Settings, store: Store, client: WebClient) -> OAuthSettings:
    """Bolt's OAuth settings on the project's database. `client` is the API client the flow
    and the token rotation call (its base URL follows SLACK_API_URL)."""
    if not settings.slack_client_secret or not settings.slack_client_secret.get_secret_value():
        raise SlackConfigError("SLACK_CLIENT_SECRET is not set (Basic Information → App "
                               "Credentials in your Slack app's settings); it is needed with "
                               "SLACK_CLIENT_ID.")
    client_id = str(settings.slack_client_id)
    secret = settings.slack_client_secret.get_secret_value()
    authorize_url = "https://slack.com/oauth/v2/authorize"
    if settings.slack_api_url:  # tests: the mock serves the authorize page too
        authorize_url = settings.slack_api_url.rstrip("/").removesuffix("/api") + \
            "/oauth/v2/authorize"
    found = OAuthSettings(
        client_id=client_id,
        client_secret=secret,
        scopes=scopes_of(settings),
        user_scopes=[],
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        authorization_url=authorize_url,
        installation_store=WorkspaceInstallationStore(client_id, store),
        installation_store_bot_only=True,
        state_store=SQLAlchemyOAuthStateStore(expiration_seconds=STATE_TTL_S,
                                              engine=store.engine),
        state_expiration_seconds=STATE_TTL_S,
        token_rotation_expiration_minutes=TOKEN_ROTATION_MINUTES,
        callback_options=CallbackOptions(success=_success, failure=_failure),
        logger=logging.getLogger(f"{__name__}.flow"),
    )
    # Bolt's rotator makes its own client on slack.com; use ours (retries, SLACK_API_URL).
    found.authorize.token_rotator = TokenRotator(  # type: ignore[attr-defined]
        client_id=client_id, client_secret=secret, client=client)
    return found


class WorkspaceClients:
    """A Web API client per workspace for work no request carries a client for (the review
    channels' queue, weekly digests, display names). One client in single-token mode; in
    OAuth mode the workspace's bot token from the installation store, rotated when due."""

    def __init__(self, client: WebClient, settings: OAuthSettings | None = None):
        self.client = client
        self.settings = settings
        self._lock = threading.Lock()
        self._cache: dict[str, WebClient] = {}

    def __call__(self, team: str) -> WebClient:
        return self.for_team(team)

    def for_team(self, team: str) -> WebClient:
        if self.settings is None:
            return self.client
        token = self._token(team)
        if token is None:
            raise LookupError("this workspace has no installation (uninstalled?)")
        with self._lock:
            cached = self._cache.get(token)
            if cached is None:
                if len(self._cache) > 1000:
                    self._cache.clear()
                cached = WebClient(token=token, base_url=self.client.base_url,
                                   retry_handlers=self.client.retry_handlers)
                self._cache[token] = cached
            return cached

    def _token(self, team: str) -> str | None:
        assert self.settings is not None
        store = self.settings.installation_store
        bot = store.find_bot(enterprise_id=None, team_id=team)
        if bot is None:
            bot = store.find_bot(enterprise_id=team, team_id=None, is_enterprise_install=True)
        if bot is None:
            return None
        rotator = self.settings.authorize.token_rotator  # type: ignore[attr-defined]
        if bot.bot_refresh_token and rotator is not None:
            fresh = rotator.perform_bot_token_rotation(
                bot=bot, minutes_before_expiration=TOKEN_ROTATION_MINUTES)
            if fresh is not None:
                store.save_bot(fresh)
                bot = fresh
        return bot.bot_token


def revocation_listeners(settings: OAuthSettings | None,
                         left: Callable[[str, str], None]) -> tuple[Callable[..., None],
                                                                     Callable[..., None]]:
    """The `app_uninstalled` and `tokens_revoked` listeners: the workspace's installation is
    deleted at once (OAuth mode), and `left(team, reason)` starts its data's retention."""
    def tenant(context: Any, body: dict[str, Any]) -> str | None:
        found = context.get("team_id") or body.get("team_id") or context.get("enterprise_id")
        return str(found) if found else None

    def forget_installation(context: Any, body: dict[str, Any]) -> str | None:
        team = tenant(context, body)
        if settings is not None:
            settings.installation_store.delete_all(
                enterprise_id=context.get("enterprise_id"), team_id=context.get("team_id")
                or body.get("team_id"))
        return team

    def on_uninstalled(context: Any, body: dict[str, Any]) -> None:
        team = forget_installation(context, body)
        if team:
            left(team, "app_uninstalled")

    def on_revoked(event: dict[str, Any], context: Any, body: dict[str, Any]) -> None:
        if not (event.get("tokens") or {}).get("bot"):
            return  # only user tokens: the bot still works (Framecraft asks for none)
        team = forget_installation(context, body)
        if team:
            left(team, "tokens_revoked")
    return on_uninstalled, on_revoked


__all__ = ["FAILURES", "INSTALL_PATH", "REDIRECT_PATH", "SlackConfigError", "WorkspaceClients",
           "WorkspaceInstallationStore", "oauth_enabled", "oauth_settings",
           "revocation_listeners", "scopes_of"]
