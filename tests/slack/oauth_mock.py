"""A mock Slack that installs apps: `oauth.v2.access` (a code, or a refresh token when tokens
rotate) and `auth.test` per token, on top of MockSlack's Web API; plus the browser's side of
the Add to Slack flow against the app's real HTTP server."""

from __future__ import annotations

import base64
import re
import threading
import urllib.parse
from typing import Any

import httpx
from slack_mock import MockSlack

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
