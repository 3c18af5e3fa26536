"""Serving the Bolt app: HTTP (uvicorn + Bolt's ASGI adapter) or Socket Mode.

HTTP mode is the production shape (replicas behind a load balancer, state in the database).
Bolt's ASGI adapter calls the sync `App.dispatch` on the event loop; here it runs in a thread
pool instead, so one slow request never holds up another's 3-second ack. Requests are read
with a size cap, and a body Bolt cannot parse gets 400 (or 401 when it is not even signed)
rather than a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import uvicorn
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.asgi import SlackRequestHandler
from slack_bolt.adapter.asgi.http_request import AsgiHttpRequest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk.signature import SignatureVerifier

from bot.core.health import Readiness
from bot.slack.insights import running_digests

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
SWITCH_INTERVAL_S = 0.0005
"""The interpreter's thread switch interval while serving (default 5 ms). Engine work runs in
threads; with the default, a thread that acks waits up to 5 ms for the interpreter at each of
its many steps, and 32 heavy `/compare` in flight pushed acks to 2-4 s on 2 cores; at 0.5 ms
they stay near 1 s (benchmarks/deadline_under_load.py)."""
MAX_BODY_BYTES = 1_000_000
"""Slack's payloads are a few kilobytes; anything this big is not from Slack."""


class _TooLarge(Exception):
    pass


async def _read_body(receive: Callable[[], Any], limit: int) -> bytes:
    data = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise ConnectionError("client went away")
        data.extend(message.get("body", b""))
        if len(data) > limit:
            raise _TooLarge
        if not message.get("more_body", False):
            return bytes(data)


class SlackAsgi(SlackRequestHandler):
    """Bolt's ASGI handler for `/slack/events`, plus `GET /readyz` (for load balancers),
    `/livez` and `/healthz` (the warm-up alone, kept for probes set up before `/readyz`)."""

    def __init__(self, app: App, signing_secret: str, path: str = EVENTS_PATH,
                 workers: int = 32, max_body: int = MAX_BODY_BYTES):
        super().__init__(app, path)
        self.max_body = max_body
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="slack-http")
        self.verifier = SignatureVerifier(signing_secret)
        self.readiness = Readiness(getattr(app, "framecraft_engine", None), "slack")

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        if scope["type"] == "http" and scope["path"] == "/readyz" and scope["method"] == "GET":
            await self._readyz(send)
            return
        if scope["type"] == "http" and scope["path"] in ("/healthz", "/livez") \
                and scope["method"] == "GET":
            from bot.core.retrieval.warmup import readiness

            # /livez: the process answers. /healthz: ready, i.e. the warm-up has finished.
            ready, status = (True, "ok") if scope["path"] == "/livez" else readiness()
            await send({"type": "http.response.start", "status": 200 if ready else 503,
                        "headers": [(b"content-type", b"text/plain")]})
            await send({"type": "http.response.body",
                        "body": b"ok" if status == "ready" else status.encode()})
            return
        await super().__call__(scope, receive, send)

    async def _readyz(self, send: Callable) -> None:
        """200 only when the database, the index (and Chroma) are ready; the body names each."""
        ready, body = await asyncio.to_thread(self.readiness.report)  # probes block
        await send({"type": "http.response.start", "status": 200 if ready else 503,
                    "headers": [(b"content-type", b"application/json"),
                                (b"cache-control", b"no-store")]})
        await send({"type": "http.response.body", "body": json.dumps(body).encode()})

    async def handle_installation(self, request: AsgiHttpRequest) -> BoltResponse:
        """GET /slack/install (OAuth mode): the Add to Slack page, its state stored in the
        database, so off the event loop like every request."""
        return await self._oauth(request, "install")

    async def handle_callback(self, request: AsgiHttpRequest) -> BoltResponse:
        """GET /slack/oauth_redirect: Slack sends the installer back with a code and the state."""
        return await self._oauth(request, "callback")

    async def _oauth(self, request: AsgiHttpRequest, step: str) -> BoltResponse:
        flow = self.app.oauth_flow
        assert flow is not None  # the base handler routes here only in OAuth mode
        bolt_request = BoltRequest(body="", query=request.query_string,
                                   headers=request.get_headers())
        handle = flow.handle_installation if step == "install" else flow.handle_callback
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, handle, bolt_request)

    async def dispatch(self, request: AsgiHttpRequest) -> BoltResponse:
        try:
            raw = await _read_body(request.receive, self.max_body)
        except _TooLarge:
            log.warning("rejected a Slack request: body over %d bytes", self.max_body)
            return BoltResponse(status=413, body="")
        headers = request.get_headers()
        try:
            bolt_request = BoltRequest(body=raw.decode("utf-8"), query=request.query_string,
                                       headers=headers)
        except Exception as e:  # noqa: BLE001 (any parse failure is the sender's problem)
            return self._malformed(raw, headers, e)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, self.app.dispatch, bolt_request)

    def _malformed(self, raw: bytes, headers: dict[str, Any], error: Exception) -> BoltResponse:
        timestamp = str(headers.get("x-slack-request-timestamp", "0"))
        signature = str(headers.get("x-slack-signature", ""))
        try:
            valid = timestamp.isascii() and timestamp.isdigit() and \
                self.verifier.is_valid(raw, timestamp, signature)
        except (UnicodeError, ValueError):  # not Slack's: not UTF-8, or an odd timestamp
            valid = False
        if not valid:
            log.warning("rejected a Slack request: bad, missing or stale signature "
                        "(timestamp %r, %d body bytes)", timestamp[:20], len(raw))
            return BoltResponse(status=401, body={"error": "invalid request"})
        log.warning("rejected a signed but malformed Slack request (%s)", type(error).__name__)
        return BoltResponse(status=400, body={"error": "malformed request"})


def http_server(app: App, signing_secret: str, host: str, port: int,
                log_level: str = "warning") -> uvicorn.Server:
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
    config = uvicorn.Config(SlackAsgi(app, signing_secret), host=host, port=port, log_level=log_level.lower(),
                            access_log=False, lifespan="on", timeout_keep_alive=30)
    return uvicorn.Server(config)


def serve_http(app: App, signing_secret: str, host: str = "0.0.0.0",  # noqa: S104
               port: int = 3000, log_level: str = "warning") -> None:
    """Serve Slack's requests at `/slack/events` (and, in OAuth mode, `/slack/install` and
    `/slack/oauth_redirect`) until interrupted, with the weekly digests and the retention
    purge running meanwhile."""
    with running_digests(app), running_retention(app):
        http_server(app, signing_secret, host, port, log_level).run()


def serve_socket(app: App, app_token: str) -> None:
    """Socket Mode: Slack pushes over a websocket, no public URL needed."""
    with running_digests(app), running_retention(app):
        SocketModeHandler(app, app_token).start()


@contextlib.contextmanager
def running_retention(app: App) -> Iterator[None]:
    """The retention purge (bot.core.tenants.RetentionJob) for as long as the bot serves: every
    replica checks hourly, the database lease lets one of them delete."""
    job = getattr(app, "framecraft_retention", None)
    if job is not None:
        job.start()
    try:
        yield
    finally:
        if job is not None:
            job.shutdown(wait=False)


@contextlib.contextmanager
def running_http_server(app: App, signing_secret: str, host: str = "127.0.0.1",
                        port: int = 0) -> Iterator[str]:
    """Serve in a background thread (tests, benchmarks); yields the events URL. Port 0 picks
    a free port."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    server = http_server(app, signing_secret, host, sock.getsockname()[1])
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name="slack-http-server")
    thread.start()
    try:
        for _ in range(500):
            if server.started:
                break
            if not thread.is_alive():
                raise RuntimeError("the Slack HTTP server did not start")
            threading.Event().wait(0.01)
        yield f"http://{host}:{sock.getsockname()[1]}{EVENTS_PATH}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
