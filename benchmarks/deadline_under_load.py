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
import threading
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
from slack_mock import BOT_TOKEN, SECRET, MockSlack, post, slash_body  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.core.engine import Engine  # noqa: E402
from bot.core.workers import BUSY  # noqa: E402
from bot.discord.http import InteractionsEndpoint, running_server  # noqa: E402
from bot.slack.app import build_app  # noqa: E402
from bot.slack.server import running_http_server  # noqa: E402


def worst_prompt(i: int, limit: int = 4000) -> str:
    """The adversarial shape of issue 14: negations, commas and a long word, to the limit."""
    unit = f"not a dog, no rain, never blurry, without text {i}, "
    return (unit * (limit // len(unit) + 1))[:limit - 1].strip()


def slack_round(engine: Engine, settings: Settings, mock: MockSlack, n: int,
                ) -> tuple[list[float], int]:
    app = build_app(engine, settings)
    acks: list[float] = []
    lock = threading.Lock()
    with running_http_server(app, SECRET) as url, httpx.Client(timeout=60) as http:
        barrier = threading.Barrier(n)

        def one(i: int) -> None:
            body = slash_body("/compare", worst_prompt(i), response_url=mock.response_url(f"b{i}"),
                              user=f"U{i:04d}")
            barrier.wait()
            started = time.perf_counter()
            r = post(http, url, body)
            took = time.perf_counter() - started
            assert r.status_code == 200, r.status_code
            with lock:
                acks.append(took)
        threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
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


async def discord_round(engine: Engine, settings: Settings, n: int) -> tuple[list[float], int]:
    mock = await MockDiscord().start()
    key = SigningKey.generate()
    settings = settings.model_copy(update={"discord_public_key": key.verify_key.encode().hex(),
                                           "discord_api_url": mock.url})
    endpoint = InteractionsEndpoint(engine, settings)
    deferrals: list[float] = []
    payloads = [interaction(2, slash("compare", prompt=worst_prompt(i))) for i in range(n)]
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
        print(f"load before: {os.getloadavg()[0]:.2f} (1-min average, {os.cpu_count()} cores)",
              flush=True)
        started = time.perf_counter()
        acks, slack_answered = slack_round(engine, settings, slack_mock, n)
        slack_s = time.perf_counter() - started
        print(f"slack:   {n} /compare in flight: slowest ack {max(acks):.3f} s, "
              f"median {sorted(acks)[n // 2]:.3f} s; answered {slack_answered}/{n} "
              f"({slack_answered / n:.0%}) in {slack_s:.1f} s", flush=True)
        started = time.perf_counter()
        deferrals, discord_answered = asyncio.run(discord_round(engine, settings, n))
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
