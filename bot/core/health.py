"""Liveness and readiness, decided once for every server (Slack, Discord HTTP, the Discord
gateway bot's status port).

`/livez` only says the process answers. `/readyz` says whether this replica can do its work
now, with a JSON body naming each dependency's state, so a load balancer stops sending traffic
to a replica whose database is down (it used to keep answering 200):

    {"ready": false, "service": "slack",
     "checks": {"database": {"ok": false, "state": "unreachable", "detail": "OperationalError"},
                "index": {"ok": true, "state": "ready"}}}

Each dependency is probed on its own thread with a deadline, at most one probe at a time, and
its answer reused for a second: a probe storm cannot pile up connections or threads, and a
database that hangs (rather than refusing) is reported as `timeout` instead of hanging the
probe. Details name an error's type, never a URL or a password.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.request
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 2.0
"""How long one readiness request waits for a dependency before calling it `timeout`."""
PROBE_TTL_S = 1.0
"""A probe's answer is reused this long: health checks every few seconds from several load
balancers cost one round trip a second at most."""
WARM_UP_RETRY_S = 10.0
"""A failed warm-up (say the Chroma server was down at start) is tried again this often while
readiness is being asked, so the replica heals without a restart."""


@dataclass(frozen=True)
class Check:
    """One dependency's state: `ok` decides readiness, `state` is a short word for people and
    dashboards, `detail` (optional) says why."""

    ok: bool
    state: str
    detail: str | None = None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": self.ok, "state": self.state}
        if self.detail:
            body["detail"] = self.detail
        return body


_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="framecraft-probe")


class Probe:
    """A dependency check run off the caller's thread with a deadline, single-flight, and its
    result cached for `ttl_s`."""

    def __init__(self, check: Callable[[], Check], timeout_s: float = PROBE_TIMEOUT_S,
                 ttl_s: float = PROBE_TTL_S, failed_state: str = "unreachable"):
        self.check = check
        self.timeout_s = timeout_s
        self.ttl_s = ttl_s
        self.failed_state = failed_state
        self._lock = threading.Lock()
        self._future: Future[Check] | None = None
        self._last: Check | None = None
        self._at = 0.0

    def _run(self) -> Check:
        try:
            result = self.check()
        except Exception as e:  # noqa: BLE001 (any failure of a dependency is "not ready")
            result = Check(False, self.failed_state, type(e).__name__)
        with self._lock:
            self._last, self._at = result, time.monotonic()
        return result

    def __call__(self) -> Check:
        with self._lock:
            if self._last is not None and time.monotonic() - self._at < self.ttl_s:
                return self._last
            if self._future is None or self._future.done():
                self._future = _POOL.submit(self._run)
            future = self._future
        try:
            return future.result(timeout=self.timeout_s)
        except FutureTimeout:
            return Check(False, "timeout", f"no answer in {self.timeout_s:g} s")


def database_check(store: Any) -> Check:
    store.ping()
    return Check(True, "reachable")


def chroma_heartbeat(chroma_url: str, timeout_s: float = PROBE_TIMEOUT_S) -> Check:
    """The Chroma server answers its heartbeat (`/api/v2/heartbeat`)."""
    parsed = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
    ssl = parsed.scheme == "https"
    port = parsed.port or (443 if ssl else 8000)  # as bot.core.retrieval.index.client_spec
    url = f"{'https' if ssl else 'http'}://{parsed.hostname or 'localhost'}:{port}/api/v2/heartbeat"
    with urllib.request.urlopen(url, timeout=timeout_s) as response:  # noqa: S310 (our URL)
        response.read()
    return Check(True, "ready")


def index_check(engine: Any, chroma: Probe | None) -> Check:
    """The warm-up's state (the model and the index loaded), then, with a Chroma server, that
    the server answers. A failed warm-up is started again every `WARM_UP_RETRY_S`."""
    from bot.core.retrieval import warmup

    current = warmup.current()
    if current is None or current.state == "idle":
        return Check(True, "lazy", "loads on first use")  # a test's in-process server
    if current.state == "warming":
        return Check(False, "loading")
    if current.state == "failed":
        error = current.error  # read first: a retry clears it
        if engine is not None and current.engine is engine:
            current.retry(WARM_UP_RETRY_S)
        return Check(False, "failed", error)
    if chroma is not None:
        server = chroma()
        if not server.ok:
            return Check(False, "server unreachable", server.detail)
    return Check(True, "ready")


class Readiness:
    """What `/readyz` answers for one server process: the database, the index and any checks
    the front adds (the Discord gateway's connection)."""

    def __init__(self, engine: Any | None, service: str,
                 extra: Mapping[str, Callable[[], Check]] | None = None):
        self.engine = engine
        self.service = service
        self.extra = dict(extra or {})
        self._database = Probe(lambda: database_check(engine.store)) if engine else None
        chroma_url = getattr(getattr(engine, "settings", None), "chroma_url", None)
        self._chroma = Probe(lambda: chroma_heartbeat(chroma_url)) if chroma_url else None

    def checks(self) -> dict[str, Check]:
        found: dict[str, Check] = {}
        if self._database is not None:
            found["database"] = self._database()
        found["index"] = index_check(self.engine, self._chroma)
        for name, check in self.extra.items():
            try:
                found[name] = check()
            except Exception as e:  # noqa: BLE001 (a broken check is a not-ready answer)
                found[name] = Check(False, "error", type(e).__name__)
        return found

    def report(self) -> tuple[bool, dict[str, Any]]:
        """(ready, JSON body). Blocks up to about `PROBE_TIMEOUT_S`: servers call it off their
        event loop."""
        checks = self.checks()
        ready = all(c.ok for c in checks.values())
        return ready, {"ready": ready, "service": self.service,
                       "checks": {name: c.to_json() for name, c in checks.items()}}

