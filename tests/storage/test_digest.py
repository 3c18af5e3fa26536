"""Weekly digests: due once per channel and week in the channel's time zone, posted once by
replicas racing (threads on one database, SQLite and Postgres), a missed week caught up once,
prompt excerpts only from the channel itself."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from bot.core.insights.digest import (
    Digest,
    DigestScheduler,
    latest_slot,
    period_of,
    run_due_digests,
    set_optout,
    subscribe,
)
from bot.core.storage import Store
from bot.core.storage import tables as t
from bot.core.storage.insights import Subscription
from bot.core.storage.records import ReviewDetails
from bot.core.validation import InputError

SUBSCRIBED = datetime(2026, 11, 2, 15, tzinfo=UTC)  # a Monday, an hour after its 09:00 in New York
# Mondays 09:00 in New York: 14:00 UTC in winter.
FIRST_SLOT = datetime(2026, 11, 9, 14, tzinfo=UTC)


def _sub(**kw) -> Subscription:
    base = {"platform": "slack", "scope": "T1", "channel": "C1", "weekday": 0, "hour": 9,
            "tz": "America/New_York", "created_at": SUBSCRIBED.timestamp()}
    return Subscription(**{**base, **kw})


def test_slots_follow_the_workspace_time_zone() -> None:
    sub = _sub()
    assert latest_slot(sub, FIRST_SLOT - timedelta(minutes=1)) is None  # the 2nd's slot was before
    assert latest_slot(sub, FIRST_SLOT) == FIRST_SLOT
    assert latest_slot(sub, FIRST_SLOT + timedelta(days=6)) == FIRST_SLOT
    assert latest_slot(sub, FIRST_SLOT + timedelta(days=7)) == FIRST_SLOT + timedelta(days=7)
    assert period_of(FIRST_SLOT) == "2026-W46"
    berlin = _sub(tz="Europe/Berlin", weekday=4, hour=17)  # Fridays 17:00 = 16:00 UTC in winter
    assert latest_slot(berlin, datetime(2026, 11, 13, 16, 30, tzinfo=UTC)) == datetime(
        2026, 11, 13, 16, tzinfo=UTC)


def test_subscribe_validates(store: Store) -> None:
    with pytest.raises(InputError):
        subscribe(store, "slack", "T1", "C1", weekday="someday")
    with pytest.raises(InputError):
        subscribe(store, "slack", "T1", "C1", hour=24)
    with pytest.raises(InputError):
        subscribe(store, "slack", "T1", "C1", tz="Mars/Olympus")
    sub = subscribe(store, "slack", "T1", "C1", weekday="fri", hour=17, tz="Europe/Berlin",
                    now=SUBSCRIBED)
    assert (sub.weekday, sub.hour) == (4, 17)
    assert store.insights.subscriptions() == [sub]


def _race(stores: list[Store], now: datetime, post: Callable[[Digest], None]) -> None:
    """Every store (a replica) runs the due digests at the same instant, in its own thread."""
    barrier = threading.Barrier(len(stores))
    errors: list[BaseException] = []

    def replica(store: Store) -> None:
        try:
            barrier.wait()
            run_due_digests(store, now, post, with_png=False)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)
    threads = [threading.Thread(target=replica, args=(s,)) for s in stores]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert not errors, errors


def test_two_replicas_racing_post_once_per_week(make_store: Callable[[], Store]) -> None:
    stores = [make_store(), make_store(), make_store()]
    subscribe(stores[0], "slack", "T1", "C1", weekday="monday", hour=9, tz="America/New_York",
              now=SUBSCRIBED)
    subscribe(stores[0], "slack", "T1", "C2", weekday="monday", hour=9, tz="America/New_York",
              now=SUBSCRIBED)
    posted: list[tuple[str, str]] = []
    lock = threading.Lock()

    def post(d: Digest) -> None:
        time.sleep(0.2)  # a slow chat API: the other replicas are checking meanwhile
        with lock:
            posted.append((d.channel, d.period))
    _race(stores, FIRST_SLOT - timedelta(seconds=1), post)
    assert posted == []
    _race(stores, FIRST_SLOT + timedelta(seconds=5), post)
    assert sorted(posted) == [("C1", "2026-W46"), ("C2", "2026-W46")]
    _race(stores, FIRST_SLOT + timedelta(days=2), post)  # later the same week
    assert len(posted) == 2
    _race(stores, FIRST_SLOT + timedelta(days=7, hours=1), post)
    assert sorted(posted) == [("C1", "2026-W46"), ("C1", "2026-W47"), ("C2", "2026-W46"),
                              ("C2", "2026-W47")]


def test_a_missed_week_is_caught_up_once(store: Store) -> None:
    subscribe(store, "slack", "T1", "C1", weekday=0, hour=9, tz="America/New_York",
              now=SUBSCRIBED)
    posted: list[str] = []
    back = FIRST_SLOT + timedelta(days=23)  # down for three slots
    for minutes in (0, 5, 10):
        run_due_digests(store, back + timedelta(minutes=minutes),
                        lambda d: posted.append(d.period), with_png=False)
    assert posted == [period_of(FIRST_SLOT + timedelta(days=21))]


def test_a_failed_post_is_retried_and_then_posted_once(store: Store) -> None:
    subscribe(store, "slack", "T1", "C1", now=SUBSCRIBED, tz="UTC", hour=14)
    calls: list[str] = []

    def flaky(d: Digest) -> None:
        calls.append(d.period)
        if len(calls) == 1:
            raise ConnectionError("chat API down")
    first = run_due_digests(store, FIRST_SLOT, flaky, with_png=False)
    assert [r.posted for r in first] == [False]
    second = run_due_digests(store, FIRST_SLOT + timedelta(minutes=5), flaky, with_png=False)
    assert [r.posted for r in second] == [True]
    assert run_due_digests(store, FIRST_SLOT + timedelta(minutes=10), flaky, with_png=False) == []
    assert calls == ["2026-W46", "2026-W46"]


def test_an_expired_lease_is_taken_over_once(make_store: Callable[[], Store]) -> None:
    a, b, c = make_store(), make_store(), make_store()
    sub = _sub()
    now = FIRST_SLOT.timestamp()
    assert a.insights.claim_digest(sub, "2026-W46", "a", now, 60)  # then replica a dies
    assert not b.insights.claim_digest(sub, "2026-W46", "b", now + 30, 60)
    won = []
    barrier = threading.Barrier(2)

    def take(store: Store, owner: str) -> None:
        barrier.wait()
        if store.insights.claim_digest(sub, "2026-W46", owner, now + 61, 60):
            won.append(owner)
    threads = [threading.Thread(target=take, args=x) for x in ((b, "b"), (c, "c"))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    assert len(won) == 1


def test_the_apscheduler_job_in_two_instances_posts_once(make_store: Callable[[], Store]) -> None:
    s1, s2 = make_store(), make_store()
    subscribe(s1, "slack", "T1", "C1", weekday=0, hour=9, tz="America/New_York", now=SUBSCRIBED)
    posted: list[Digest] = []
    lock = threading.Lock()

    def post(d: Digest) -> None:
        with lock:
            posted.append(d)
    clock = lambda: FIRST_SLOT + timedelta(hours=1)  # noqa: E731
    schedulers = [DigestScheduler(s, post, every_s=0.2, clock=clock) for s in (s1, s2)]
    for sch in schedulers:
        sch.start()
    try:
        deadline = time.monotonic() + 30
        while not posted and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # several more ticks of both schedulers
    finally:
        for sch in schedulers:
            sch.shutdown()
    assert len(posted) == 1
    assert posted[0].png.startswith(b"\x89PNG") and posted[0].period == "2026-W46"


def _review(store: Store, channel: str, user: str, prompt: str, score: int,
            when: datetime) -> None:
    rid = store.record_review("slack", "T1", channel, user, prompt, score, "kling",
                              details=ReviewDetails(missing=["camera"]))
    with store.engine.begin() as conn:
        conn.execute(update(t.reviews).where(t.reviews.c.id == rid)
                     .values(created_at=when.timestamp()))


def test_digest_quotes_only_its_own_channel_and_no_opted_out_user(store: Store) -> None:
    week = FIRST_SLOT - timedelta(days=3)
    _review(store, "C1", "ana", "A fox in the snow, slow dolly-in", 70, week)
    _review(store, "C1", "mara", "Mara's secret storyboard prompt", 95, week)
    _review(store, "C2", "ivo", "Another channel's private prompt", 99, week)
    _review(store, "C1", "ana", "An old prompt from last month", 98, week - timedelta(days=20))
    set_optout(store, "slack", "T1", "mara")
    subscribe(store, "slack", "T1", "C1", now=SUBSCRIBED, tz="America/New_York")
    digests: list[Digest] = []
    run_due_digests(store, FIRST_SLOT, digests.append, with_png=False)
    (digest,) = digests
    assert [(h.excerpt, h.score) for h in digest.highlights] == [
        ("A fox in the snow, slow dolly-in", 70)]
    text = digest.text() + digest.report.model_dump_json()
    assert "private" not in text and "secret" not in text and "old prompt" not in text
    assert digest.report.reviews == 2  # ana's two in C1 over the trend weeks; mara left out
    assert "This week: 1 review, average score 70/100." in digest.text()


def test_the_engine_scheduler_posts_a_digest_with_chart_and_summary(store_url: str,
                                                                     tmp_path) -> None:
    from bot.config import Settings
    from bot.core.engine import Engine

    engine = Engine(Settings(data_dir=tmp_path / "data", database_url=store_url))
    try:
        result = engine.critique("Man walking down street, 4K", None, with_retrieval=False)
        rid = engine.store.record_review("discord", "G1", "C9", "u1", result.prompt,
                                         result.score, result.model)
        with engine.store.engine.begin() as conn:
            conn.execute(update(t.reviews).where(t.reviews.c.id == rid)
                         .values(created_at=(FIRST_SLOT - timedelta(days=1)).timestamp()))
        subscribe(engine.store, "discord", "G1", "C9", tz="America/New_York", now=SUBSCRIBED)
        posted: list[Digest] = []
        scheduler = engine.digest_scheduler(posted.append, platform="discord")
        scheduler.clock = lambda: FIRST_SLOT + timedelta(minutes=1)
        assert [r.posted for r in scheduler.tick()] == [True] and scheduler.tick() == []
        (digest,) = posted
        assert digest.week_reviews == 1 and digest.week_average == result.score
        assert digest.report.missing[0].count == 1
        assert digest.png.startswith(b"\x89PNG")
        assert f"average score {result.score}/100" in digest.text()
    finally:
        engine.store.close()
