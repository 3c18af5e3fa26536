"""Issue 14 on the Discord front: an unreachable database (gateway dispatch and the signed HTTP
endpoint), deferral before any database or engine call, load shedding, timestamp window and
replayed interaction ids, deep bodies, and names in `/prompt history` without pings."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from discord_mock import APP_ID, GUILD, dispatch, interaction, slash, start_bot
from nacl.signing import SigningKey
from pydantic import SecretStr
from test_discord_prompts import group

from bot.config import Settings
from bot.core.availability import DATABASE_DOWN, DEGRADED_NOTICE
from bot.core.engine import Engine
from bot.core.workers import BUSY, EngineWorkers
from bot.discord.http import InteractionsEndpoint, nesting_depth, running_server

PROMPT = "A cat jumps on the table"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, url: str, key: SigningKey, session: aiohttp.ClientSession):
        self.url, self.key, self.session = url + "/interactions", key, session

    async def post(self, payload: dict | None = None, *, body: bytes | None = None,
                   ts: str | None = None) -> tuple[int, dict]:
        raw = body if body is not None else json.dumps(payload).encode()
        ts = str(int(time.time())) if ts is None else ts
        sig = self.key.sign(ts.encode() + raw).signature.hex()
        async with self.session.post(self.url, data=raw, headers={
                "X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts,
                "content-type": "application/json"}) as r:
            return r.status, await r.json(content_type=None)


def down_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"database_url": SecretStr(
        f"postgresql+psycopg://fc@127.0.0.1:{closed_port()}/fc")})


@pytest.fixture
def down_engine(kb, discord_settings) -> Engine:
    return Engine(settings=down_settings(discord_settings), kb=kb)


async def serve(engine: Engine, settings: Settings):
    key = SigningKey.generate()
    settings = settings.model_copy(update={"discord_public_key": key.verify_key.encode().hex()})
    return key, InteractionsEndpoint(engine, settings)


@pytest.fixture
async def endpoint(discord_engine, discord_settings) -> AsyncIterator[tuple]:
    key, ep = await serve(discord_engine, discord_settings)
    async with running_server(ep) as url, aiohttp.ClientSession() as session:
        yield Client(url, key, session), ep


@pytest.fixture
async def down_endpoint(down_engine, discord_settings) -> AsyncIterator[tuple]:
    key, ep = await serve(down_engine, discord_settings)
    async with running_server(ep) as url, aiohttp.ClientSession() as session:
        yield Client(url, key, session), ep


async def replies(mock, token: str, count: int = 1) -> list:
    await mock.wait_for(lambda m: len([c for c in m.messages() if token in c.path]) >= count)
    return [c for c in mock.messages() if token in c.path]


# ---- item 1: the database is down ------------------------------------------------------------------
async def test_http_offline_commands_answer_with_a_notice_and_prompt_says_so(down_endpoint,
                                                                             mock_discord):
    client, _ = down_endpoint
    p = interaction(2, slash("critique", prompt=PROMPT))
    status, body = await client.post(p)
    assert status == 200 and body["type"] == 5
    (reply,) = await replies(mock_discord, p["token"])
    text = json.dumps(reply.embeds)
    assert DEGRADED_NOTICE in text and "/100" in text
    p = interaction(2, group("list"))
    status, body = await client.post(p)
    assert status == 200 and body["type"] == 5
    (*_, reply) = await replies(mock_discord, p["token"])
    assert DATABASE_DOWN in json.dumps(reply.embeds) and reply.flags & 64


async def test_gateway_offline_commands_answer_with_a_notice_and_prompt_says_so(
        down_engine, discord_settings, restore_api_base, mock_discord):
    bot = await start_bot(down_engine, down_settings(discord_settings))
    try:
        await dispatch(bot, interaction(2, slash("translate", prompt=PROMPT, to="kling")))
        text = json.dumps([c.embeds for c in mock_discord.messages()])
        assert DEGRADED_NOTICE in text and "Kling" in text
        mock_discord.calls.clear()
        await dispatch(bot, interaction(2, group("history", name="hero")))
        text = json.dumps([c.embeds for c in mock_discord.messages()])
        assert DATABASE_DOWN in text and "Something went wrong" not in text
    finally:
        await bot.close()


# ---- item 2: defer first, bounded pool, shed load ----------------------------------------------------
async def test_deferral_does_not_wait_for_the_database(endpoint, mock_discord):
    client, ep = endpoint
    store = ep.engine.store
    slow = store.allow

    def allow(*args, **kw):  # a database that takes 5 s to answer
        time.sleep(5)
        return slow(*args, **kw)
    store.allow = allow
    p = interaction(2, slash("critique", prompt=PROMPT))
    started = time.perf_counter()
    status, body = await client.post(p)
    assert status == 200 and body["type"] == 5
    assert time.perf_counter() - started < 1.0
    await replies(mock_discord, p["token"])


async def test_a_full_engine_pool_answers_busy_at_once(endpoint, mock_discord):
    client, ep = endpoint
    gate = threading.Event()
    ep.front.workers = EngineWorkers(workers=1, max_in_flight=1)
    held = ep.front.workers.submit(gate.wait)
    try:
        p = interaction(2, slash("critique", prompt=PROMPT))
        status, body = await client.post(p)
        assert body["type"] == 5
        (*_, reply) = await replies(mock_discord, p["token"])
        assert BUSY in json.dumps(reply.embeds) and reply.flags & 64
    finally:
        gate.set()
        await asyncio.wrap_future(held)


# ---- item 4: timestamps and replays ----------------------------------------------------------------
@pytest.mark.parametrize("shift", [-400, 400, None])
async def test_signed_requests_outside_the_window_are_refused(endpoint, shift):
    client, _ = endpoint
    ping = {"type": 1, "id": "5", "application_id": APP_ID, "token": "t", "version": 1}
    ts = "abc" if shift is None else str(int(time.time()) + shift)
    status, _ = await client.post(ping, ts=ts)
    assert status == 401
    assert (await client.post(ping))[0] == 200


async def test_a_replayed_interaction_runs_once(endpoint, mock_discord):
    client, ep = endpoint
    p = interaction(2, group("save", name="hero", prompt=PROMPT))
    first = await client.post(p)
    again = await client.post(p)
    assert first[0] == 200 and again[0] == 409
    await replies(mock_discord, p["token"])
    await asyncio.sleep(0.5)
    assert len(ep.engine.store.history(GUILD, "hero")) == 1


# ---- item 6: deep bodies -----------------------------------------------------------------------------
async def test_deep_bodies_get_400_not_500(endpoint):
    client, _ = endpoint
    deep = b'{"type": 2, "data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert (await client.post(body=deep))[0] == 400
    # a modal 5,000 components deep (written out: json.dumps itself would recurse)
    body = (b'{"type": 5, "id": "77", "data": {"custom_id": "fc_critique_modal", '
            b'"components": [' + b'{"type": 1, "components": [' * 5000
            + b'{"type": 4, "custom_id": "prompt", "value": "x"}' + b"]}" * 5000 + b"]}}")
    assert (await client.post(body=body))[0] == 400
    assert nesting_depth(b'{"a": "[[[[[[", "b": [1, {"c": 2}]}') == 3


# ---- item 7: names without pings -----------------------------------------------------------------------
async def test_prompt_history_names_authors_without_pinging_them(endpoint, mock_discord):
    client, ep = endpoint
    for author in ("930000000000000002", "930000000000000003"):
        ep.engine.store.save(GUILD, "hero", PROMPT + author[-1], author)
    p = interaction(2, group("history", name="hero"))
    await client.post(p)
    (reply,) = await replies(mock_discord, p["token"])
    assert "<@930000000000000002>" in json.dumps(reply.embeds)  # a name on screen
    assert reply.body["allowed_mentions"] == {"parse": []}  # ... that notifies nobody
    assert "content" not in reply.body or "<@" not in reply.body["content"]
