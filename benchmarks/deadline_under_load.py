"""Deadlines under load, loopback only: 32 worst-case requests in flight at once on each front.

Slack: 32 signed `/compare` commands (every dialect translated) on a 4,000-character prompt of
repeated negations, sent together to the real HTTP server; the ack time of each (Slack's
3-second deadline) and whether a reply came. Discord: the same 32 as signed interactions to
the HTTP endpoint; the time to the deferral (Discord's 3 seconds) and whether a reply (not
"busy") came. Prints the slowest ack and deferral (target < 1 s each) and the share answered.
Bounded: 64 requests, nothing leaves 127.0.0.1.

    .venv/bin/python benchmarks/deadline_under_load.py [--in-flight 32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "slack"), str(REPO / "tests" / "discord_front")]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import aiohttp  # noqa: E402
import httpx  # noqa: E402
from discord_mock import APP_ID, MockDiscord, interaction, slash  # noqa: E402
from nacl.signing import SigningKey  # noqa: E402
from slack_mock import BOT_TOKEN, SECRET, MockSlack, signed_headers, slash_body  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.core.engine import Engine  # noqa: E402
from bot.core.workers import BUSY, EngineWorkers  # noqa: E402
from bot.discord.http import InteractionsEndpoint, running_server  # noqa: E402
from bot.slack.app import build_app  # noqa: E402
from bot.slack.server import running_http_server  # noqa: E402


def worst_prompt(i: int, limit: int = 4000) -> str:
    """The adversarial shape of issue 14: negations, commas and a long word, to the limit."""
    unit = f"not a dog, no rain, never blurry, without text {i}, "
    return (unit * (limit // len(unit) + 1))[:limit - 1].strip()


def slack_round(engine: Engine, settings: Settings, mock: MockSlack, n: int,
                workers: int) -> tuple[list[float], int]:
    """The commands go out together from one asyncio client (as Discord's do below), so the
    client's own threads do not compete with the server for the interpreter."""
    app = build_app(engine, settings)
    app.framecraft_reviews.front.workers = EngineWorkers(workers=workers, name="slack-engine")
    with running_http_server(app, SECRET) as url:
        # one request first, as on a server that has been up: Bolt's auth.test is cached
        warm = slash_body("/framecraft", "help", response_url=mock.response_url("warm"))
        httpx.post(url, content=warm.encode(), headers=signed_headers(warm), timeout=60)
        mock.wait("respond:warm", 1, 60)

        async def send_all() -> list[float]:
            async with httpx.AsyncClient(timeout=60) as http:
                async def one(i: int) -> float:
                    body = slash_body("/compare", worst_prompt(i),
                                      response_url=mock.response_url(f"b{i}"), user=f"U{i:04d}")
                    headers = signed_headers(body)
                    started = time.perf_counter()
                    r = await http.post(url, content=body.encode(), headers=headers)
                    assert r.status_code == 200, r.status_code
                    return time.perf_counter() - started
                return list(await asyncio.gather(*(one(i) for i in range(n))))
        acks = asyncio.run(send_all())
        answered = 0
        deadline = time.monotonic() + 600
        for i in range(n):
            left = max(0.1, deadline - time.monotonic())
            try:
                calls = mock.wait(f"respond:b{i}", 1, left)
            except Exception:  # noqa: BLE001 (counted as unanswered)
                continue
            if BUSY not in json.dumps(calls[0].body):
                answered += 1
    return acks, answered


async def discord_round(engine: Engine, settings: Settings, n: int,
                        workers: int) -> tuple[list[float], int]:
    mock = await MockDiscord().start()
    key = SigningKey.generate()
    settings = settings.model_copy(update={"discord_public_key": key.verify_key.encode().hex(),
                                           "discord_api_url": mock.url})
    endpoint = InteractionsEndpoint(engine, settings)
    endpoint.front.workers = EngineWorkers(workers=workers, name="discord-engine")
    deferrals: list[float] = []
    # other prompts than Slack's: the engine's caches must not answer for it
    payloads = [interaction(2, slash("compare", prompt=worst_prompt(1000 + i)))
                for i in range(n)]
    try:
        async with running_server(endpoint) as url, aiohttp.ClientSession() as session:
            async def one(p: dict) -> None:
                raw = json.dumps(p).encode()
                ts = str(int(time.time()))
                sig = key.sign(ts.encode() + raw).signature.hex()
                started = time.perf_counter()
                async with session.post(url + "/interactions", data=raw, headers={
                        "X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts,
                        "content-type": "application/json"}) as r:
                    assert r.status == 200 and (await r.json())["type"] == 5
                deferrals.append(time.perf_counter() - started)
            await asyncio.gather(*(one(p) for p in payloads))
            tokens = [p["token"] for p in payloads]
            await mock.wait_for(lambda m: all(any(t in c.path for c in m.messages())
                                              for t in tokens), timeout=600)
            answered = 0
            for t in tokens:
                texts = json.dumps([c.embeds for c in mock.messages() if t in c.path])
                answered += BUSY not in texts
    finally:
        await mock.stop()
    return deferrals, answered


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--in-flight", type=int, default=32)
    parser.add_argument("--engine-workers", type=int, default=EngineWorkers().workers,
                        help="threads in each front's engine pool (default: the fronts')")
    args = parser.parse_args()
    if not 1 <= args.in_flight <= 64:
        print("error: --in-flight must be between 1 and 64", file=sys.stderr)
        return 2
    n = args.in_flight
    data_dir = Path(os.environ.get("FRAMECRAFT_DATA_DIR", ".framecraft"))
    with tempfile.TemporaryDirectory() as tmp, MockSlack() as slack_mock:
        settings = Settings(data_dir=data_dir, database_url=f"sqlite:///{tmp}/fc.db",
                            slack_bot_token=BOT_TOKEN, slack_signing_secret=SECRET,
                            slack_api_url=slack_mock.api_url, discord_token="bench",
                            discord_application_id=APP_ID, _env_file=None)
        engine = Engine(settings=settings)
        engine.kb  # noqa: B018 (loaded before timing)
        engine.compare("A fox runs")  # warm
        engine.store.get_setting("slack", "T", "model")  # migrated before timing, as on a server
        print(f"load before: {os.getloadavg()[0]:.2f} (1-min average, {os.cpu_count()} cores); "
              f"engine workers per front: {args.engine_workers}", flush=True)
        started = time.perf_counter()
        acks, slack_answered = slack_round(engine, settings, slack_mock, n, args.engine_workers)
        slack_s = time.perf_counter() - started
        print(f"slack:   {n} /compare in flight: slowest ack {max(acks):.3f} s, "
              f"median {sorted(acks)[n // 2]:.3f} s; answered {slack_answered}/{n} "
              f"({slack_answered / n:.0%}) in {slack_s:.1f} s", flush=True)
        started = time.perf_counter()
        deferrals, discord_answered = asyncio.run(discord_round(engine, settings, n, args.engine_workers))
        discord_s = time.perf_counter() - started
        print(f"discord: {n} /compare in flight: slowest deferral {max(deferrals):.3f} s, "
              f"median {sorted(deferrals)[n // 2]:.3f} s; answered {discord_answered}/{n} "
              f"({discord_answered / n:.0%}) in {discord_s:.1f} s", flush=True)
        print(f"target: slowest ack and deferral < 1 s -> "
              f"{'met' if max(acks) < 1 and max(deferrals) < 1 else 'NOT met'}; "
              f"load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
