"""`/readyz` tells the truth: 503 while the database, the index (or the Chroma server) or the
Discord gateway is not there, 200 once it is, with a JSON body naming each dependency; `/livez`
never probes anything. The stack test (tests/integration/test_stack.py) checks the same against
real Postgres and Chroma processes."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time

import httpx
import pytest
from nacl.signing import SigningKey

from bot.config import Settings
from bot.core import health
from bot.core.engine import Engine
from bot.core.health import Check, Probe, Readiness
from bot.core.retrieval import warmup


@pytest.fixture(autouse=True)
def no_warm_up_left():
    warmup._current = None
    yield
    warmup._current = None


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class GatedRetriever:
    """A warm-up that waits for the test, and fails while `fail` is set."""

    def __init__(self, fail: bool = False):
        self.release = threading.Event()
        self.fail = fail
        self.calls = 0

    def warm_up(self) -> None:
        self.calls += 1
        assert self.release.wait(30)
        if self.fail:
            raise ConnectionError("chroma server unreachable")


def _engine(kb, tmp_path, **settings) -> Engine:
    base = {"data_dir": tmp_path, "database_url": f"sqlite:///{tmp_path / 'fc.db'}"}
    return Engine(settings=Settings(**(base | settings), _env_file=None), kb=kb)


async def _asgi_get(app, path: str) -> tuple[int, dict]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await app({"type": "http", "path": path, "method": "GET", "headers": [],
               "query_string": b""}, receive, send)
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return sent[0]["status"], json.loads(body) if body.startswith(b"{") else body.decode()


def _slack_asgi(engine: Engine | None):
    from slack_bolt import App

    from bot.slack.server import SlackAsgi

    app = App(token="xoxb-test", signing_secret="s3cret", token_verification_enabled=False)
    if engine is not None:
        app.framecraft_engine = engine  # as build_app sets it
    return SlackAsgi(app, "s3cret")


def test_slack_readyz_names_each_dependency_and_follows_the_warm_up(kb, tmp_path):
    engine = _engine(kb, tmp_path)
    retriever = GatedRetriever()
    engine.__dict__["retriever"] = retriever
    asgi = _slack_asgi(engine)
    status, body = asyncio.run(_asgi_get(asgi, "/readyz"))
    assert status == 200 and body["ready"] is True and body["service"] == "slack"
    assert body["checks"]["database"] == {"ok": True, "state": "reachable"}
    assert body["checks"]["index"]["state"] == "lazy"  # no warm-up started: loads on first use
    state = engine.warm_up()
    status, body = asyncio.run(_asgi_get(asgi, "/readyz"))
    assert status == 503 and body["ready"] is False
    assert body["checks"]["index"] == {"ok": False, "state": "loading"}
    assert asyncio.run(_asgi_get(asgi, "/livez")) == (200, "ok")
    retriever.release.set()
    assert state.wait(120)
    status, body = asyncio.run(_asgi_get(asgi, "/readyz"))
    assert status == 200 and body["checks"]["index"] == {"ok": True, "state": "ready"}


def test_readyz_is_503_while_the_database_is_unreachable(kb, tmp_path):
    port = _closed_port()
    engine = _engine(kb, tmp_path,
                     database_url=f"postgresql+psycopg://framecraft@127.0.0.1:{port}/framecraft",
                     database_password="p@ss:w/rd#1")
    status, body = asyncio.run(_asgi_get(_slack_asgi(engine), "/readyz"))
    assert status == 503 and body["ready"] is False
    database = body["checks"]["database"]
    assert database["ok"] is False and database["state"] == "unreachable"
    assert "p@ss" not in json.dumps(body) and str(port) not in json.dumps(body)
    assert body["checks"]["index"]["ok"] is True  # only the database is named as the cause


def test_a_chroma_server_that_stops_answering_makes_the_index_not_ready(kb, tmp_path):
    engine = _engine(kb, tmp_path, chroma_url=f"http://127.0.0.1:{_closed_port()}")
    retriever = GatedRetriever()
    retriever.release.set()
    engine.__dict__["retriever"] = retriever
    assert engine.warm_up().wait(120)
    ready, body = Readiness(engine, "test").report()
    assert not ready
    assert body["checks"]["index"]["state"] == "server unreachable"
    assert body["checks"]["database"]["ok"] is True


def test_a_failed_warm_up_is_not_ready_and_is_tried_again(kb, tmp_path, monkeypatch):
    monkeypatch.setattr(health, "WARM_UP_RETRY_S", 0.0)
    engine = _engine(kb, tmp_path)
    retriever = GatedRetriever(fail=True)
    retriever.release.set()
    engine.__dict__["retriever"] = retriever
    state = engine.warm_up()
    assert state.wait(120) and state.state == "failed"
    readiness = Readiness(engine, "test")
    ready, body = readiness.report()  # reports the failure and starts another attempt
    assert not ready and body["checks"]["index"]["state"] == "failed"
    assert "ConnectionError" in body["checks"]["index"]["detail"]
    retriever.fail = False
    deadline = time.monotonic() + 10
    while not readiness.report()[0]:
        assert time.monotonic() < deadline, readiness.report()
        time.sleep(0.05)
    assert retriever.calls >= 2 and state.state == "ready"


def test_a_hanging_dependency_is_a_timeout_and_is_probed_once_at_a_time():
    gate, started = threading.Event(), []

    def hangs() -> Check:
        started.append(1)
        gate.wait(10)
        return Check(True, "reachable")

    probe = Probe(hangs, timeout_s=0.2, ttl_s=0)
    t0 = time.monotonic()
    first, second = probe(), probe()
    assert time.monotonic() - t0 < 2
    assert first.state == second.state == "timeout" and not first.ok
    assert len(started) == 1  # the second request waited on the same probe
    gate.set()
    deadline = time.monotonic() + 5
    while probe().state != "reachable":
        assert time.monotonic() < deadline
        time.sleep(0.02)


def test_the_discord_http_endpoint_serves_readyz(kb, tmp_path):
    from bot.discord.http import InteractionsEndpoint

    key = SigningKey.generate().verify_key.encode().hex()
    engine = _engine(kb, tmp_path, discord_public_key=key)
    endpoint = InteractionsEndpoint(engine, engine.settings, front=object())
    response = asyncio.run(endpoint.ready(None))
    body = json.loads(response.body)
    assert response.status == 200 and body["service"] == "discord-http"
    assert set(body["checks"]) == {"database", "index"}


class FakeShard:
    def __init__(self, closed: bool):
        self.closed = closed

    def is_closed(self) -> bool:
        return self.closed


class FakeGatewayClient:
    def __init__(self) -> None:
        self.ready, self.closed = False, False
        self.shards = {0: FakeShard(False), 1: FakeShard(False)}

    def is_ready(self) -> bool:
        return self.ready

    def is_closed(self) -> bool:
        return self.closed


def test_gateway_check_follows_the_connection():
    from bot.discord.status import gateway_check

    client = FakeGatewayClient()
    assert gateway_check(client) == Check(False, "connecting")
    client.ready = True
    assert gateway_check(client).state == "connected" and gateway_check(client).ok
    client.shards[1].closed = True
    check = gateway_check(client)
    assert not check.ok and check.state == "disconnected" and "[1]" in check.detail
    client.closed = True
    assert gateway_check(client) == Check(False, "closed")


def test_the_gateway_bots_status_port_serves_livez_and_readyz(kb, tmp_path):
    from bot.discord.status import start_status_server

    engine = _engine(kb, tmp_path)
    client = FakeGatewayClient()
    port = _closed_port()

    async def scenario() -> list[tuple[int, dict]]:
        runner = await start_status_server(engine, client, "127.0.0.1", port)
        assert runner is not None
        # The port taken: logged, no exception, the bot would run on.
        assert await start_status_server(engine, client, "127.0.0.1", port) is None
        seen = []
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
                for path in ("/livez", "/readyz"):
                    r = await http.get(path)
                    seen.append((r.status_code, r.json()))
                client.ready = True
                r = await http.get("/readyz")
                seen.append((r.status_code, r.json()))
        finally:
            await runner.cleanup()
        return seen

    live, not_ready, ready = asyncio.run(scenario())
    assert live == (200, {"ok": True})
    assert not_ready[0] == 503 and not_ready[1]["checks"]["gateway"]["state"] == "connecting"
    assert not_ready[1]["service"] == "discord-gateway"
    assert ready[0] == 200 and ready[1]["checks"]["gateway"]["state"] == "connected"
    assert ready[1]["checks"]["database"]["state"] == "reachable"


def test_status_port_out_of_range_is_one_clear_line(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "FRAMECRAFT_"))}
    env |= {"PYTHONPATH": str(Path(__file__).resolve().parents[1]), "DISCORD_TOKEN": "x.y.z",
            "FRAMECRAFT_DATA_DIR": str(tmp_path), "FRAMECRAFT_SEMANTIC_ETHICS": "off"}
    r = subprocess.run([sys.executable, "-m", "bot.cli", "discord", "--status-port", "70000"],
                       env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "--status-port must be between 0 and 65535" in r.stderr
    assert "Traceback" not in r.stderr
