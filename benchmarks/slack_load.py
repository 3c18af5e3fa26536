"""Load on the Slack front, loopback only: 200 signed /critique commands from 20 concurrent
clients against the real HTTP server, replies recorded by the mock Slack API.

Checks that every command is acked in under 3 seconds and answered exactly once, and prints
p50/p95 ack and reply times. Bounded: 200 requests, nothing leaves 127.0.0.1.

    .venv/bin/python benchmarks/slack_load.py [--requests 200] [--clients 20]

The retrieval index in FRAMECRAFT_DATA_DIR (default .framecraft) is used, and built first if
missing (not timed); the database is a throwaway SQLite file.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "slack")]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import httpx  # noqa: E402
from slack_mock import BOT_TOKEN, SECRET, MockSlack, post, slash_body  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.core.engine import Engine  # noqa: E402
from bot.slack.app import build_app  # noqa: E402
from bot.slack.server import running_http_server  # noqa: E402

SUBJECTS = ["A red fox", "An old fisherman", "A paper boat", "Two skaters", "A glass of milk",
            "A lighthouse keeper", "A hummingbird", "A steam train", "A dancer", "A chef"]
ACTIONS = ["crosses a frozen lake", "turns toward the camera", "drifts down a gutter",
           "spin under neon signs", "tips over in slow motion"]
CAMERAS = ["slow dolly in", "handheld tracking shot", "static wide shot", "crane up", "orbit"]


def prompt(i: int) -> str:
    return (f"{SUBJECTS[i % len(SUBJECTS)]} {ACTIONS[i % len(ACTIONS)]} at dusk, "
            f"{CAMERAS[(i // 3) % len(CAMERAS)]}, soft rim light, take {i}")


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] if len(values) > 1 \
        else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    if not (1 <= args.requests <= 2000 and 1 <= args.clients <= 100):
        print("error: keep it bounded: --requests 1..2000, --clients 1..100", file=sys.stderr)
        return 2

    with MockSlack() as mock, tempfile.TemporaryDirectory() as tmp:
        base = Settings()
        settings = Settings(data_dir=base.data_dir, database_url=f"sqlite:///{tmp}/fc.db",
                            slack_bot_token=BOT_TOKEN, slack_signing_secret=SECRET,
                            slack_api_url=mock.api_url, _env_file=None)
        engine = Engine(settings)
        started = time.perf_counter()
        engine.critique(prompt(0))  # warm up: knowledge, index, embedding model (not timed)
        print(f"warm-up (knowledge, index, embedding model): {time.perf_counter() - started:.1f} s")
        per_user = -(-args.requests // args.clients)
        app = build_app(engine, settings, rate_limits={"critique": (per_user, 60.0)})
        sent: dict[str, float] = {}
        acks: dict[str, float] = {}
        statuses: dict[str, int] = {}

        with running_http_server(app, SECRET) as url:
            def client(c: int) -> None:
                with httpx.Client(timeout=10) as http:
                    for i in range(c, args.requests, args.clients):
                        name = f"b{i}"
                        body = slash_body("/critique", prompt(i), user=f"U{c:04d}",
                                          response_url=mock.response_url(name))
                        t0 = time.perf_counter()
                        sent[name] = t0
                        r = post(http, url, body)
                        acks[name] = time.perf_counter() - t0
                        statuses[name] = r.status_code

            wall = time.perf_counter()
            with ThreadPoolExecutor(args.clients) as pool:
                list(pool.map(client, range(args.clients)))
            try:
                mock.wait("respond", count=args.requests, timeout=120)
            except AssertionError as e:
                print(f"FAIL: {e}"[:300])
            wall = time.perf_counter() - wall
            time.sleep(1.0)  # any duplicate reply would arrive by now

        replies: dict[str, list[float]] = {}
        for call in mock.of("respond"):
            replies.setdefault(call.method.removeprefix("respond:"), []).append(call.at)
        reply_times = [min(replies[n]) - sent[n] for n in sent if n in replies]
        ack_times = list(acks.values())
        bad_status = [n for n, s in statuses.items() if s != 200]
        slow_acks = [n for n, t in acks.items() if t >= 3.0]
        missing = [n for n in sent if n not in replies]
        duplicated = [n for n, ts in replies.items() if len(ts) > 1]
        not_reviews = [c.method for c in mock.of("respond") if "/100" not in str(c.body)]

        print(f"requests {len(sent)} from {args.clients} concurrent clients in {wall:.2f} s "
              f"({len(sent) / wall:.1f}/s)")
        print(f"ack   p50 {pct(ack_times, 50) * 1000:7.1f} ms   p95 {pct(ack_times, 95) * 1000:7.1f} ms"
              f"   max {max(ack_times) * 1000:7.1f} ms")
        if reply_times:
            print(f"reply p50 {pct(reply_times, 50) * 1000:7.1f} ms   "
                  f"p95 {pct(reply_times, 95) * 1000:7.1f} ms   max {max(reply_times) * 1000:7.1f} ms")
        print(f"non-200 acks {len(bad_status)}, acks >= 3 s {len(slow_acks)}, unanswered "
              f"{len(missing)}, answered twice {len(duplicated)}, not a review {len(not_reviews)}")
        ok = not (bad_status or slow_acks or missing or duplicated or not_reviews)
        print("OK: every command acked under 3 s and answered exactly once" if ok else "FAIL")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
