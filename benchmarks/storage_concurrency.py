"""Print how the Store holds up under concurrent writers: N threads over R Store instances
("replicas") all saving versions of ONE prompt name, on SQLite and (when
FRAMECRAFT_TEST_POSTGRES_URL is set, e.g. from scripts/start-test-postgres.sh) on Postgres.

    .venv/bin/python benchmarks/storage_concurrency.py [--writers 50] [--saves 4] [--replicas 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
from sqlalchemy.engine import make_url

from bot.core.storage import Store


def run(url: str, writers: int, saves: int, replicas: int) -> None:
    stores = [Store(url) for _ in range(replicas)]
    for s in stores:
        s.list_names("bench")
    barrier = threading.Barrier(writers)
    latencies: list[float] = []

    def write(i: int) -> list[int]:
        barrier.wait()
        got = []
        for k in range(saves):
            t0 = time.perf_counter()
            got.append(stores[i % replicas].save("bench", "race", f"w{i} take {k}", f"u{i}").version)
            latencies.append(time.perf_counter() - t0)
        return got

    t0 = time.perf_counter()
    with ThreadPoolExecutor(writers) as pool:
        numbers = sorted(n for chunk in pool.map(write, range(writers)) for n in chunk)
    wall = time.perf_counter() - t0
    total = writers * saves
    ok = numbers == list(range(1, total + 1))
    lat = sorted(latencies)
    t1 = time.perf_counter()
    allowed = sum(stores[i % replicas].allow("bench-key", 100, 60) for i in range(200))
    allow_ms = (time.perf_counter() - t1) / 200 * 1000
    name = make_url(url).get_backend_name()
    print(f"{name:10s} writers={writers} replicas={replicas} saves={total} wall={wall:.2f}s "
          f"throughput={total / wall:.0f}/s p50={statistics.median(lat) * 1000:.0f}ms "
          f"p95={lat[int(len(lat) * 0.95) - 1] * 1000:.0f}ms max={lat[-1] * 1000:.0f}ms "
          f"versions 1..{total} gapless+unique={ok}; allow(): {allowed}/200 allowed of limit "
          f"100, {allow_ms:.1f}ms each")
    for s in stores:
        s.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--writers", type=int, default=50)
    ap.add_argument("--saves", type=int, default=4)
    ap.add_argument("--replicas", type=int, default=5)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/bench.db", a.writers, a.saves, a.replicas)
    admin = os.environ.get("FRAMECRAFT_TEST_POSTGRES_URL")
    if not admin:
        print("postgres   skipped: set FRAMECRAFT_TEST_POSTGRES_URL "
              "(bash scripts/start-test-postgres.sh prints one)")
        return
    db = f"fc_bench_{uuid.uuid4().hex[:8]}"
    plain = make_url(admin).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{db}"')
    try:
        run(make_url(admin).set(database=db).render_as_string(hide_password=False),
            a.writers, a.saves, a.replicas)
    finally:
        with psycopg.connect(plain, autocommit=True) as c:
            c.execute(f'DROP DATABASE "{db}" WITH (FORCE)')


if __name__ == "__main__":
    main()
