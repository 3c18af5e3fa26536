"""A mock Slack that installs apps: `oauth.v2.access` (a code, or a refresh token when tokens
rotate) and `auth.test` per token, on top of MockSlack's Web API; plus the browser's side of
the Add to Slack flow against the app's real HTTP server."""

from __future__ import annotations

import base64
import json
import re
import threading
import urllib.parse
import uuid
from typing import Any

import httpx
from slack_mock import MockSlack, event_body, post, slash_body
from sqlalchemy import Table, func, select

from bot.core.engine import Engine

CLIENT_ID = "1111.2222"
CLIENT_SECRET = "oauth-client-secret-not-for-logs"
APP_ID = "A0001"
COOKIE = "slack-app-oauth-state"


class InstallingSlack(MockSlack):
    """`codes` maps an authorisation code to the workspace it installs into. Each code works
    once; each workspace's tokens are `xoxb-<team>-<n>`, and with `expires_in` set a refresh
    token comes too (token rotation)."""

    def __init__(self) -> None:
        super().__init__()
        self.codes: dict[str, str] = {}
        self.expires_in: int | None = None
        self.tokens: dict[str, str] = {}
        """token -> team, for every token ever handed out that is still valid."""
        self.refresh: dict[str, str] = {}
        self._n = 0
        self._oauth_lock = threading.Lock()

    def _issue(self, team: str) -> dict[str, Any]:
        self._n += 1
        token = f"xoxb-{team}-{self._n}"
        self.tokens[token] = team
        found: dict[str, Any] = {"access_token": token, "token_type": "bot"}
        if self.expires_in is not None:
            refresh = f"xoxe-1-{team}-{self._n}"
            self.refresh[refresh] = team
            found.update(refresh_token=refresh, expires_in=self.expires_in)
        return found

    def _ok(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "oauth.v2.access":
            with self._oauth_lock:
                if body.get("client_id") != CLIENT_ID or body.get("client_secret") != CLIENT_SECRET:
                    return {"ok": False, "error": "invalid_client"}
                if body.get("grant_type") == "refresh_token":
                    team = self.refresh.pop(str(body.get("refresh_token")), None)
                    if team is None:
                        return {"ok": False, "error": "invalid_refresh_token"}
                    return {"ok": True, **self._issue(team), "team": {"id": team}}
                team = self.codes.pop(str(body.get("code")), None)
                if team is None:
                    return {"ok": False, "error": "invalid_code"}
                return {"ok": True, "app_id": APP_ID, **self._issue(team),
                        "scope": "commands,chat:write,app_mentions:read",
                        "bot_user_id": f"UBOT{team}", "team": {"id": team, "name": f"Studio {team}"},
                        "enterprise": None, "is_enterprise_install": False,
                        "authed_user": {"id": f"UINSTALLER{team}"}}
        return super()._ok(method, body)

    def _handle(self, path: str, raw: bytes, headers: dict[str, str]) -> tuple[int, dict, Any]:
        auth = (headers.get("Authorization") or headers.get("authorization") or "")
        if path.startswith("/api/oauth.v2.access") and auth.startswith("Basic "):
            # slack_sdk sends the client id and secret as HTTP Basic credentials
            client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            extra = urllib.parse.urlencode({"client_id": client_id, "client_secret": secret})
            raw = raw + (b"&" if raw else b"") + extra.encode()
        token = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else ""
        if path.startswith("/api/auth.test") and token:
            team = self.tokens.get(token)
            with self._cond:
                self.calls.append(_call("auth.test", {"token": token}, headers))
                self._cond.notify_all()
            if team is None:
                return 200, {}, {"ok": False, "error": "invalid_auth"}
            return 200, {}, {"ok": True, "team_id": team, "team": f"Studio {team}",
                             "user_id": f"UBOT{team}", "bot_id": f"B{team}",
                             "url": f"https://{team.lower()}.slack.com/"}
        return super()._handle(path, raw, headers)

    def revoke(self, team: str) -> None:
        """Slack's side of an uninstall: the workspace's tokens stop working."""
        self.tokens = {t: x for t, x in self.tokens.items() if x != team}

    def tokens_used(self, method: str) -> list[str]:
        return [str(c.headers.get("Authorization") or c.headers.get("authorization") or "")
                .removeprefix("Bearer ") for c in self.of(method)]


def _call(method: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
    from slack_mock import Call

    return Call(method, body, headers)


class Browser:
    """The installer's browser: opens /slack/install, keeps the state cookie, follows Slack
    back to /slack/oauth_redirect (as Slack would, with a code)."""

    def __init__(self, base: str):
        self.base = base
        self.http = httpx.Client(timeout=10, follow_redirects=False)

    def close(self) -> None:
        self.http.close()

    def start(self) -> tuple[str, str]:
        """GET /slack/install: (the state in the Add to Slack link, the cookie set for it)."""
        page = self.http.get(f"{self.base}/slack/install")
        assert page.status_code == 200, page.text
        link = re.search(r'href="([^"]*state=[^"]+)"', page.text)
        assert link is not None, page.text
        url = urllib.parse.urlparse(link.group(1).replace("&amp;", "&"))
        query = urllib.parse.parse_qs(url.query)
        cookie = page.headers.get("set-cookie") or ""
        value = re.search(rf"{COOKIE}=([^;]+)", cookie)
        assert value is not None, cookie
        return query["state"][0], value.group(1)

    def back(self, query: dict[str, str], cookie: str | None) -> httpx.Response:
        """Slack's redirect to /slack/oauth_redirect with `query`, the cookie sent or not."""
        headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie else {}
        return self.http.get(f"{self.base}/slack/oauth_redirect", params=query, headers=headers)

    def install(self, slack: InstallingSlack, team: str) -> httpx.Response:
        state, cookie = self.start()
        code = f"code-{team}-{len(slack.codes)}"
        slack.codes[code] = team
        return self.back({"code": code, "state": state}, cookie)


class Rig:
    def __init__(self, url: str, slack: InstallingSlack, engine: Engine, app: Any):
        self.events = url
        self.base = url.removesuffix("/slack/events")
        self.slack, self.engine, self.app = slack, engine, app
        self.http = httpx.Client(timeout=10)
        self.browser = Browser(self.base)

    def count(self, table: Table, **where: str) -> int:
        stmt = select(func.count()).select_from(table)
        for k, v in where.items():
            stmt = stmt.where(table.c[k] == v)
        with self.engine.store.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def slash(self, team: str, user: str, command: str, text: str, name: str) -> dict[str, Any]:
        body = slash_body(command, text, response_url=self.slack.response_url(name), user=user,
                          team=team, channel=f"C{team}")
        assert post(self.http, self.events, body).status_code == 200
        return self.slack.wait(f"respond:{name}")[-1].body

    def mention(self, team: str, text: str, ts: str) -> None:
        event = {"type": "app_mention", "user": f"U{team}", "text": f"<@UBOT{team}> {text}",
                 "ts": ts, "channel": f"C{team}", "event_ts": ts}
        body = event_body(event, f"Ev{uuid.uuid4().hex[:10]}", team=team)
        assert post(self.http, self.events, body,
                    content_type="application/json").status_code == 200

    def event(self, team: str, event: dict[str, Any]) -> httpx.Response:
        body = json.loads(event_body(event, f"Ev{uuid.uuid4().hex[:10]}", team=team))
        body.pop("authorizations")  # Slack sends none once the app is gone
        return post(self.http, self.events, json.dumps(body), content_type="application/json")

    def install(self, *teams: str) -> None:
        for team in teams:
            page = self.browser.install(self.slack, team)
            assert page.status_code == 200, page.text


