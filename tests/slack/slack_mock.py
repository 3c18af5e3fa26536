"""A Slack Web API stand-in on loopback, and requests signed exactly as Slack signs them.

Like bolt-python's own `tests/mock_web_api_server`: the app's WebClient points here through
`SLACK_API_URL`, and `response_url`s point here too, so a test can assert on every call the
app made. Used by the tests and by `benchmarks/slack_load.py`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from slack_sdk.signature import SignatureVerifier

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-123-456-framecraft-test"
BOT_USER = "UBOT0001"
TEAM = "T0001"


@dataclass
class Call:
    method: str
    """`chat.postMessage`, `views.open`... or `respond:<name>` for a response_url post."""
    body: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.perf_counter)
    """When it arrived, on the system-wide monotonic clock (comparable across processes on
    one Linux machine)."""


class MockSlack:
    """Records calls; `fail` queues canned error responses per method (e.g. a 429)."""

    def __init__(self, port: int = 0) -> None:
        self.calls: list[Call] = []
        self.fail: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = {}
        self.admins: set[str] = set()
        """Users `users.info` reports as workspace admins."""
        self.names: dict[str, str] = {}
        """user -> the display name `users.info` reports (none: no profile name)."""
        self.creators: dict[str, str] = {}
        """channel -> the user `conversations.info` reports as its creator."""
        self.locales: dict[str, str] = {}
        """user -> the locale `users.info` reports, as Slack does only when asked with
        `include_locale=true` (none: no locale field)."""
        self.slow: dict[str, float] = {}
        """method -> seconds to wait before answering it (a slow Slack)."""
        self.tz = "America/New_York"
        """The time zone `users.info` reports for every user."""
        self.uploads: dict[str, bytes] = {}
        """file id -> the bytes POSTed to its upload URL (files upload v2, step 2)."""
        self.not_in: set[str] = set()
        """Channels where `files.completeUploadExternal` answers not_in_channel."""
        self.threads: dict[str, list[dict[str, Any]]] = {}
        """thread ts -> the messages `conversations.replies` returns (parent first)."""
        self._files = 0
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        mock = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                """`GET /_calls`: every call so far, for a test in another process (the
                stack test reads the replies of servers this mock runs for, scripts/stack)."""
                if self.path.split("?")[0] != "/_calls":
                    self.send_error(404)
                    return
                with mock._lock:
                    data = json.dumps([{"method": c.method, "body": c.body, "at": c.at}
                                       for c in mock.calls]).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                status, headers, payload = mock._handle(self.path, raw, dict(self.headers))
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # ---- lifecycle --------------------------------------------------------------------------
    def __enter__(self) -> MockSlack:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"http://127.0.0.1:{self.port}/respond/{name}"

    # ---- recording ----------------------------------------------------------------------------
    def _handle(self, path: str, raw: bytes, headers: dict[str, str]) -> tuple[int, dict, Any]:
        if path.startswith("/upload/"):  # the file's bytes, as Slack's upload URL takes them
            file_id = path.removeprefix("/upload/")
            with self._cond:
                self.uploads[file_id] = raw
                self.calls.append(Call("upload", {"file_id": file_id, "bytes": len(raw)},
                                       headers))
                self._cond.notify_all()
            return 200, {}, b"OK - " + str(len(raw)).encode()
        ctype = headers.get("Content-Type") or headers.get("content-type") or ""
        text = raw.decode("utf-8", "replace")
        if "json" in ctype:
            body = json.loads(text or "{}")
        else:
            body = {k: v[0] for k, v in urllib.parse.parse_qs(text).items()}
            for key in ("blocks", "view"):
                if isinstance(body.get(key), str):
                    body[key] = json.loads(body[key])
        if path.startswith("/respond/"):
            method = "respond:" + path.removeprefix("/respond/")
        else:
            method = path.removeprefix("/api/").split("?")[0]
        with self._cond:
            self.calls.append(Call(method, body, headers))
            queued = self.fail.get(method)
            canned = queued.pop(0) if queued else None
            self._cond.notify_all()
        if method in self.slow:
            time.sleep(self.slow[method])
        if canned:
            return canned
        if method.startswith("respond:"):
            return 200, {}, b"ok"
        return 200, {}, self._ok(method, body)

    def _ok(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "url": "https://studio.slack.com/", "team": "Studio",
                    "user": "framecraft", "team_id": TEAM, "user_id": BOT_USER,
                    "bot_id": "BBOT0001"}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            return {"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}",
                    "message": {"text": body.get("text", "")}}
        if method == "chat.delete":
            return {"ok": True, "channel": body.get("channel"), "ts": body.get("ts")}
        if method == "chat.update":
            return {"ok": True, "channel": body.get("channel"), "ts": body.get("ts"),
                    "text": body.get("text", "")}
        if method == "users.info":
            user = str(body.get("user"))
            found: dict[str, Any] = {"id": user, "is_admin": user in self.admins,
                                     "is_owner": False, "is_primary_owner": False,
                                     "profile": {"display_name": self.names.get(user, "")},
                                     "tz": self.tz}
            if str(body.get("include_locale")).lower() in ("1", "true") and user in self.locales:
                found["locale"] = self.locales[user]
            return {"ok": True, "user": found}
        if method == "files.getUploadURLExternal":
            with self._lock:
                self._files += 1
                file_id = f"F{self._files:07d}"
            return {"ok": True, "file_id": file_id,
                    "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            if body.get("channel_id") in self.not_in:
                return {"ok": False, "error": "not_in_channel"}
            files = json.loads(body.get("files") or "[]")
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title"),
                                           "mimetype": "image/png"} for f in files]}
        if method == "conversations.info":
            channel = str(body.get("channel"))
            return {"ok": True, "channel": {"id": channel, "is_channel": True,
                                            "creator": self.creators.get(channel, "U0CREATOR")}}
        if method == "conversations.replies":
            return {"ok": True, "messages": self.threads.get(str(body.get("ts")), []),
                    "has_more": False}
        if method in ("views.open", "views.publish", "views.update"):
            return {"ok": True, "view": {"id": "V0001", **(body.get("view") or {})}}
        return {"ok": False, "error": "unknown_method"}

    def of(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method or
                    (method == "respond" and c.method.startswith("respond:"))]

    def wait(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """Calls of `method` once there are at least `count` (fails after `timeout`)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.calls if c.method == method or
                         (method == "respond" and c.method.startswith("respond:"))]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} {method} call(s), got {len(found)}: "
                                         f"{[c.method for c in self.calls]}")
                self._cond.wait(left)

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()


# ---- Slack's request format --------------------------------------------------------------------
def signed_headers(body: str | bytes, secret: str = SECRET, timestamp: int | None = None,
                   content_type: str = "application/x-www-form-urlencoded") -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    if isinstance(body, bytes):  # raw bytes (not UTF-8, say): sign the bytes as Slack would
        mac = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256)
        sig = "v0=" + mac.hexdigest()
    else:
        sig = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig,
            "Content-Type": content_type}


def slash_body(command: str, text: str, *, response_url: str, user: str = "U0001",
               channel: str = "C0001", team: str = TEAM, trigger_id: str = "1337.42.abc") -> str:
    return urllib.parse.urlencode({
        "token": "legacy-unused", "team_id": team, "team_domain": "studio",
        "channel_id": channel, "channel_name": "video-prompts", "user_id": user,
        "user_name": "ada", "command": command, "text": text, "api_app_id": "A0001",
        "is_enterprise_install": "false", "response_url": response_url,
        "trigger_id": trigger_id,
    })


def interactive_body(payload: dict[str, Any]) -> str:
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


def block_action(action: dict[str, Any], *, response_url: str, user: str = "U0001",
                 channel: str = "C0001", team: str = TEAM) -> dict[str, Any]:
    return {
        "type": "block_actions", "api_app_id": "A0001", "token": "legacy-unused",
        "team": {"id": team, "domain": "studio"}, "user": {"id": user, "team_id": team},
        "container": {"type": "message", "message_ts": "1700000000.000100",
                      "channel_id": channel, "is_ephemeral": True},
        "trigger_id": "1337.43.def", "channel": {"id": channel, "name": "video-prompts"},
        "response_url": response_url, "actions": [
            {"action_ts": "1700000001.000200", **action}],
    }


def view_submission(values: dict[str, Any], private_metadata: str, *, user: str = "U0001",
                    team: str = TEAM, callback_id: str = "fc_critique_modal") -> dict[str, Any]:
    return {
        "type": "view_submission", "api_app_id": "A0001", "token": "legacy-unused",
        "team": {"id": team, "domain": "studio"}, "user": {"id": user, "team_id": team},
        "trigger_id": "1337.44.ghi",
        "view": {"id": "V0002", "type": "modal", "callback_id": callback_id,
                 "private_metadata": private_metadata, "state": {"values": values},
                 "team_id": team, "app_id": "A0001", "bot_id": "BBOT0001"},
        "response_urls": [],
    }


def message_shortcut(text: str, *, response_url: str, user: str = "U0001",
                     channel: str = "C0001", team: str = TEAM,
                     callback_id: str = "review_prompt") -> dict[str, Any]:
    return {
        "type": "message_action", "callback_id": callback_id, "token": "legacy-unused",
        "trigger_id": "1337.45.jkl", "response_url": response_url, "action_ts": "1700000002.1",
        "team": {"id": team, "domain": "studio"}, "user": {"id": user, "name": "ada"},
        "channel": {"id": channel, "name": "video-prompts"}, "message_ts": "1699999999.000300",
        "message": {"type": "message", "user": "U0002", "ts": "1699999999.000300", "text": text},
    }


def event_body(event: dict[str, Any], event_id: str, team: str = TEAM) -> str:
    return json.dumps({
        "token": "legacy-unused", "team_id": team, "api_app_id": "A0001", "event": event,
        "type": "event_callback", "event_id": event_id, "event_time": int(time.time()),
        "authorizations": [{"team_id": team, "user_id": BOT_USER, "is_bot": True,
                            "enterprise_id": None, "is_enterprise_install": False}],
    })


def post(client: httpx.Client, url: str, body: str | bytes, *, secret: str = SECRET,
         timestamp: int | None = None, content_type: str = "application/x-www-form-urlencoded",
         headers: dict[str, str] | None = None, signed: bool = True) -> httpx.Response:
    h = signed_headers(body, secret, timestamp, content_type) if signed else {
        "Content-Type": content_type}
    h.update(headers or {})
    return client.post(url, content=body if isinstance(body, bytes) else body.encode(),
                       headers=h)
