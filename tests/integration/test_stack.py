"""The multi-replica deployment as a whole: real PostgreSQL, a real Chroma server, two Slack
replicas and the Discord HTTP endpoint, each its own process on loopback (scripts/stack), with
signed requests as Slack sends them and replies caught by the Web API stand-in.

Checks what the scale-out story promises: an event sent to both replicas is answered once;
settings, per-user limits and prompt versions are shared through Postgres; a killed replica
comes back; `/readyz` follows Postgres and Chroma going away and coming back; and 200 critiques
from 20 users over both replicas are all answered once, with ack and end-to-end p95 recorded.
The figures are printed at the end of the run (tests/integration/conftest.py).

Skipped, with the reason, where the PostgreSQL server binaries or `chroma` are missing.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from slack_mock import BOT_USER, event_body, post, signed_headers, slash_body
from stack_figures import FIGURES

from bot.core.command_table import rate_limits

ROOT = Path(__file__).resolve().parents[2]
PROMPT = "A red fox trots through fresh snow at dawn, slow dolly-in, 35mm lens"


def _load_stack_module() -> Any:
    spec = importlib.util.spec_from_file_location("framecraft_stack", ROOT / "scripts" / "stack.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


stack_mod = _load_stack_module()
LACKS = stack_mod.missing()
pytestmark = pytest.mark.skipif(bool(LACKS), reason="the stack test needs " + "; ".join(LACKS))


@pytest.fixture(scope="module")
def stack(tmp_path_factory, retrieval_data_dir) -> Iterator[Any]:
    """One stack for the module, on the session's data directory (its ONNX export) and a copy
    of its built index (so nothing is embedded again)."""
    directory = tmp_path_factory.mktemp("stack")
    s = stack_mod.Stack(directory)
    try:
        s.up(data_dir=retrieval_data_dir, seed_chroma=retrieval_data_dir / "chroma")
        yield s
    finally:
        s.down()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as client:
        yield client


# ---- helpers -------------------------------------------------------------------------------------
def _respond_url(s: Any, name: str) -> str:
    return s.url("mockapi", f"/respond/{name}")


def _slash(http: httpx.Client, s: Any, replica: int, command: str, text: str, name: str,
           **kw: Any) -> httpx.Response:
    body = slash_body(command, text, response_url=_respond_url(s, name), **kw)
    return post(http, s.slack_urls[replica], body, secret=s.signing_secret)


def _wait_calls(s: Any, match: Callable[[dict[str, Any]], bool], count: int = 1,
                timeout: float = 30.0, settle: float = 0.0) -> list[dict[str, Any]]:
    """The API calls `match` picks, once there are at least `count`; then `settle` seconds
    more, so late duplicates are counted too."""
    deadline = time.monotonic() + timeout
    while True:
        found = [c for c in s.calls() if match(c)]
        if len(found) >= count:
            break
        assert time.monotonic() < deadline, f"expected {count} calls, got {len(found)}"
        time.sleep(0.1)
    if settle:
        time.sleep(settle)
        found = [c for c in s.calls() if match(c)]
    return found


def _responds(prefix: str) -> Callable[[dict[str, Any]], bool]:
    return lambda c: c["method"].startswith(f"respond:{prefix}")


def _text(call: dict[str, Any]) -> str:
    return json.dumps(call["body"])


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 \
        else values[0]


def _all_ready(s: Any) -> list[int]:
    return [s.readyz(n, 3.0)[0] for n in stack_mod.SERVERS]


# ---- the checks ----------------------------------------------------------------------------------
def test_every_server_is_ready_and_names_its_dependencies(stack, http):
    for name in stack_mod.SERVERS:
        status, body = stack.readyz(name)
        assert status == 200, (name, body)
        assert body["checks"]["database"] == {"ok": True, "state": "reachable"}
        assert body["checks"]["index"] == {"ok": True, "state": "ready"}
        assert http.get(stack.url(name, "/livez")).status_code == 200


def test_the_discord_http_endpoint_answers_a_signed_ping(stack, http):
    from nacl.signing import SigningKey

    key = SigningKey(bytes.fromhex(stack.state["discord_private_key"]))
    body = json.dumps({"type": 1, "id": "1", "application_id": "100000000000000001"}).encode()
    ts = str(int(time.time()))
    signature = key.sign(ts.encode() + body).signature.hex()
    r = http.post(stack.url("discord-http", "/interactions"), content=body, headers={
        "X-Signature-Ed25519": signature, "X-Signature-Timestamp": ts,
        "Content-Type": "application/json"})
    assert r.status_code == 200 and r.json() == {"type": 1}


def test_the_same_event_sent_to_both_replicas_is_answered_once(stack, http):
    ts = f"{time.time():.6f}"
    event = {"type": "app_mention", "user": "U0EV", "text": f"<@{BOT_USER}> critique {PROMPT}",
             "ts": ts, "channel": "CSTACKEV", "event_ts": ts}
    body = event_body(event, f"EvStack{ts}")
    with ThreadPoolExecutor(2) as pool:  # the same signed delivery to both at once
        acks = list(pool.map(lambda url: post(http, url, body, content_type="application/json",
                                              secret=stack.signing_secret), stack.slack_urls))
    # Slack's retry of it: re-signed (a new timestamp), to each replica.
    retries = []
    for n, url in enumerate(stack.slack_urls, start=1):
        headers = signed_headers(body, stack.signing_secret, int(time.time()) - n,
                                 "application/json")
        headers |= {"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"}
        retries.append(http.post(url, content=body.encode(), headers=headers))
    assert [r.status_code for r in acks + retries] == [200] * 4
    replies = _wait_calls(stack, lambda c: c["method"] == "chat.postMessage"
                          and c["body"].get("channel") == "CSTACKEV", settle=2.0)
    assert len(replies) == 1, replies
    assert replies[0]["body"]["thread_ts"] == ts
    FIGURES["event to both replicas + 2 retries"] = {"deliveries": 4, "answers": len(replies),
                                                     "duplicates": len(replies) - 1}


def test_a_setting_made_through_one_replica_is_seen_by_the_other(stack, http):
    r = _slash(http, stack, 0, "/framecraft", "settings model kling", "set-1", channel="CSTACKSET")
    assert r.status_code == 200
    (done,) = _wait_calls(stack, _responds("set-1"))
    assert "kling" in _text(done)
    r = _slash(http, stack, 1, "/framecraft", "settings", "set-2", channel="CSTACKSET")
    assert r.status_code == 200
    (shown,) = _wait_calls(stack, _responds("set-2"))
    assert "channel kling" in _text(shown)


def test_per_user_limits_are_shared_by_the_replicas(stack, http):
    calls, window = rate_limits()["critique"]
    total = calls + calls // 2
    for i in range(total):  # alternating replicas, one user
        r = _slash(http, stack, i % 2, "/critique", PROMPT, f"rl-{i:02d}", user="U0LIMIT")
        assert r.status_code == 200
    answers = _wait_calls(stack, _responds("rl-"), count=total, settle=1.0)
    refused = [c for c in answers if f"run `critique` {calls} times" in _text(c)]
    assert len(answers) == total
    assert (total - len(refused), len(refused)) == (calls, total - calls)
    FIGURES["per-user critique limit, alternating replicas"] = {
        "limit": f"{calls}/{window:g}s", "requests": total, "allowed": total - len(refused),
        "refused": len(refused)}


def test_concurrent_saves_over_both_replicas_get_contiguous_versions(stack, http):
    from sqlalchemy import create_engine, text

    name, saves = f"stack-hero-{int(time.time())}", 40

    def save(i: int) -> int:
        with httpx.Client(timeout=30) as client:  # four users: the save limit is per user
            return _slash(client, stack, i % 2, "/prompt", f"save {name} {PROMPT}, take {i}",
                          f"save-{i:02d}", user=f"U0SAVE{i % 4}").status_code

    with ThreadPoolExecutor(20) as pool:
        assert set(pool.map(save, range(saves))) == {200}
    _wait_calls(stack, _responds("save-"), count=saves)
    engine = create_engine(stack.database_url)
    try:
        with engine.connect() as conn:
            versions = conn.execute(text(
                "SELECT v.version FROM fc_prompt_versions v JOIN fc_prompts p "
                "ON p.id = v.prompt_id WHERE p.name_key = :n ORDER BY v.version"),
                {"n": name.casefold()}).scalars().all()
    finally:
        engine.dispose()
    assert versions == list(range(1, saves + 1))
    FIGURES["concurrent saves over 2 replicas"] = {"saves": saves,
                                                   "versions": f"{versions[0]}-{versions[-1]}",
                                                   "contiguous": True}


def test_a_killed_replica_loses_only_its_in_flight_requests_and_comes_back(stack):
    """A burst over both replicas; slack-1 is killed (SIGKILL) mid-burst. Like a load balancer,
    the client sends a request slack-1 refuses (connection refused) to slack-2, but never
    resends one that slack-1 had started on (a POST is not idempotent). Only requests slack-1
    had in flight are lost; slack-1 is ready again after a restart."""
    n = 20
    acked: dict[int, int] = {}
    first_try: dict[int, float] = {}  # when each request was first sent (to either replica)
    cut: list[int] = []  # the connection dropped mid-request: in flight on slack-1

    def one(i: int) -> None:
        time.sleep(0.05 * i)
        first_try[i] = time.monotonic()
        with httpx.Client(timeout=30) as client:
            for replica in (i % 2, 1):
                try:
                    r = _slash(client, stack, replica, "/critique", PROMPT, f"kill-{i:02d}",
                               user=f"U0KILL{i}")
                except httpx.ConnectError:
                    continue  # refused: never reached slack-1, the balancer tries slack-2
                except httpx.TransportError:
                    cut.append(i)
                    return
                assert r.status_code == 200
                acked[i] = replica
                return

    with ThreadPoolExecutor(n) as pool:
        futures = [pool.submit(one, i) for i in range(n)]
        time.sleep(0.05 * n / 2)
        stack.stop("slack-1", kill=True)  # returns once the process is gone
        killed_at = time.monotonic()
        for f in futures:
            f.result()
    time.sleep(2.0)
    answered = {c["method"].removeprefix("respond:kill-") for c in stack.calls()
                if c["method"].startswith("respond:kill-")}
    unanswered = [i for i in acked if f"{i:02d}" not in answered]
    assert len(acked) + len(cut) == n
    lost = sorted(unanswered + cut)
    # Only what slack-1 had in flight: requests sent to it before the kill.
    assert all(i % 2 == 0 and acked.get(i, 0) == 0 and first_try[i] < killed_at
               for i in lost), (lost, acked)
    assert all(f"{i:02d}" in answered for i in range(n) if first_try[i] > killed_at + 0.1)
    assert stack.readyz("slack-2")[0] == 200
    started = time.monotonic()
    stack.start("slack-1")
    stack.wait_ready(["slack-1"], timeout=120)
    FIGURES["slack-1 killed mid-burst"] = {
        "requests": n, "answered": len(acked) - len(unanswered), "lost in flight": len(lost),
        "sent to slack-1 before the kill": sum(1 for i in range(0, n, 2)
                                               if first_try[i] < killed_at),
        "restart to /readyz 200 (s)": round(time.monotonic() - started, 2)}


def _outage(stack: Any, name: str, timeout: float = 60.0) -> dict[str, float]:
    """Stop `name`, wait until every server's /readyz is 503, start it, wait for 200 again."""
    t0 = time.monotonic()
    stack.stop(name)
    stack.wait_ready(stack_mod.SERVERS, want=503, timeout=timeout)
    to_503 = time.monotonic() - t0
    statuses_down = _all_ready(stack)
    bodies = [stack.readyz(n)[1] for n in stack_mod.SERVERS]
    t1 = time.monotonic()
    stack.start(name)
    stack.wait_ready(stack_mod.SERVERS, timeout=timeout)
    return {"to 503 (s)": round(to_503, 2), "recovery to 200 (s)": round(time.monotonic() - t1, 2),
            "down": statuses_down, "bodies": bodies}


def test_readyz_follows_postgres_stopping_and_starting(stack, http):
    result = _outage(stack, "postgres")
    assert result["down"] == [503] * len(stack_mod.SERVERS)
    for body in result["bodies"]:
        assert body["checks"]["database"]["ok"] is False
        assert body["checks"]["index"]["ok"] is True  # the cause is named, not everything
    assert _all_ready(stack) == [200] * len(stack_mod.SERVERS)
    r = _slash(http, stack, 1, "/prompt", "list", "after-pg", user="U0AFTERPG")
    assert r.status_code == 200
    (after,) = _wait_calls(stack, _responds("after-pg"))
    assert "unreachable" not in _text(after)  # the pool reconnected by itself
    FIGURES["postgres stopped and started"] = {k: v for k, v in result.items() if k != "bodies"}


def test_readyz_follows_chroma_stopping_and_starting(stack, http):
    result = _outage(stack, "chroma")
    for body in result["bodies"]:
        assert body["checks"]["index"] == {"ok": False, "state": "server unreachable",
                                           "detail": body["checks"]["index"].get("detail")}
        assert body["checks"]["database"]["ok"] is True
    assert _all_ready(stack) == [200] * len(stack_mod.SERVERS)
    FIGURES["chroma stopped and started"] = {k: v for k, v in result.items() if k != "bodies"}


def test_200_critiques_from_20_users_over_both_replicas(stack):
    clients, each = 20, 10
    sent: dict[str, float] = {}
    acks: list[float] = []
    lock = threading.Lock()

    def client(u: int) -> None:
        with httpx.Client(timeout=30) as http_client:
            for k in range(each):
                name = f"load-{u:02d}-{k:02d}"
                body = slash_body("/critique", f"{PROMPT}, take {k}",
                                  response_url=_respond_url(stack, name), user=f"U0LOAD{u:02d}")
                started = time.perf_counter()
                r = post(http_client, stack.slack_urls[(u + k) % 2], body,
                         secret=stack.signing_secret)
                took = time.perf_counter() - started
                assert r.status_code == 200
                with lock:
                    sent[name], _ = started, acks.append(took)

    wall = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for f in [pool.submit(client, u) for u in range(clients)]:
            f.result()
    answers = _wait_calls(stack, _responds("load-"), count=clients * each, timeout=120,
                          settle=1.0)
    wall = time.perf_counter() - wall
    per_name = Counter(c["method"].removeprefix("respond:") for c in answers)
    first = {}
    for c in answers:
        key = c["method"].removeprefix("respond:")
        first[key] = min(first.get(key, c["at"]), c["at"])
    e2e = [first[name] - sent[name] for name in sent]
    assert len(per_name) == clients * each and set(per_name.values()) == {1}
    assert not [c for c in answers if "run `critique`" in _text(c)]  # none hit the limit
    FIGURES["200 critiques, 20 users, 2 replicas"] = {
        "answered": len(per_name), "duplicates": sum(per_name.values()) - len(per_name),
        "ack p50 (ms)": round(statistics.median(acks) * 1000, 1),
        "ack p95 (ms)": round(_p95(acks) * 1000, 1),
        "e2e p50 (ms)": round(statistics.median(e2e) * 1000, 1),
        "e2e p95 (ms)": round(_p95(e2e) * 1000, 1), "wall (s)": round(wall, 1)}
    assert _p95(acks) < 3.0  # Slack's ack deadline
    with contextlib.suppress(OSError):
        FIGURES["load average (1, 5, 15 min)"] = Path("/proc/loadavg").read_text().split()[:3]

