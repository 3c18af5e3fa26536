"""The review queue keeps a flooded channel inside its budget and no more than a minute behind."""

from __future__ import annotations

import threading

from bot.core.review_channels import QueueWorker, ReviewJob, ReviewQueue, Skipped


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def job(n: int, channel: str = "C1", kind: str = "review", text: str | None = None) -> ReviewJob:
    return ReviewJob(key=f"{channel}:{n}", channel=channel, text=text or f"prompt {n}",
                     payload={"n": n}, kind=kind)  # type: ignore[arg-type]


def test_burst_of_100_a_minute_stays_in_budget_current_and_said() -> None:
    clock = Clock()
    q = ReviewQueue(per_channel_per_minute=12, channel_burst=4, max_wait_s=60, clock=clock)
    reviews: list[tuple[float, ReviewJob]] = []
    notices: list[tuple[float, Skipped]] = []
    for i in range(100):  # 100 prompts in one minute, one every 0.6 s; the worker polls
        q.submit(job(i))
        clock.t += 0.6
        for a in q.take():
            (notices if isinstance(a, Skipped) else reviews).append((clock.t, a))  # type: ignore
    for _ in range(120):  # then the channel goes quiet for two minutes
        clock.t += 1
        for a in q.take():
            (notices if isinstance(a, Skipped) else reviews).append((clock.t, a))  # type: ignore
    times = [t for t, _ in reviews] + [t for t, _ in notices]
    # Never more than the burst plus the rate in any 60-second window.
    for start in times:
        assert sum(1 for t in times if start <= t < start + 60) <= 4 + 12
    # Never more than a minute behind.
    assert q.stats.max_lag_s <= 60
    for t, r in reviews:
        assert t - (1000.0 + 0.6 * r.payload["n"]) <= 61
    # Everything is accounted for: reviewed, or dropped and reported.
    assert len(reviews) + sum(n.count for _, n in notices) == 100
    assert notices and all(n.count > 0 for _, n in notices)
    assert q.pending() == 0 and q.stats.dropped == sum(n.count for _, n in notices)
    # The newest prompts are the ones kept.
    assert reviews[-1][1].payload["n"] == 99


def test_an_edit_while_waiting_replaces_the_text_in_place() -> None:
    clock = Clock()
    q = ReviewQueue(per_channel_per_minute=6, channel_burst=1, clock=clock)
    q.submit(job(1))
    assert [a.key for a in q.take()] == ["C1:1"]
    q.submit(job(2, text="first draft"))
    assert q.submit(ReviewJob(key="C1:2", channel="C1", text="second draft", edited=True)) is False
    assert q.pending() == 1 and q.stats.coalesced == 1
    clock.t += 10
    (taken,) = q.take()
    assert isinstance(taken, ReviewJob) and taken.text == "second draft" and taken.edited


def test_an_edit_queued_before_its_message_keeps_the_newer_text() -> None:
    """Events are decided in parallel threads, so the edit can reach the queue first; the
    original text arriving second is older and must not replace it."""
    clock = Clock()
    q = ReviewQueue(per_channel_per_minute=6, channel_burst=1, clock=clock)
    q.submit(ReviewJob(key="C1:7", channel="C1", text="edited", edited=True, version=20.0))
    assert q.submit(ReviewJob(key="C1:7", channel="C1", text="original", version=10.0)) is False
    (taken,) = q.take()
    assert isinstance(taken, ReviewJob) and (taken.text, taken.edited) == ("edited", True)
    # Without times (a front that has none) the edit still wins over the original.
    q.submit(ReviewJob(key="C1:8", channel="C1", text="edited", edited=True))
    q.submit(ReviewJob(key="C1:8", channel="C1", text="original"))
    clock.t += 10
    (taken,) = q.take()
    assert isinstance(taken, ReviewJob) and taken.text == "edited"


def test_ethics_notes_jump_the_queue_and_are_never_dropped() -> None:
    clock = Clock()
    q = ReviewQueue(per_channel_per_minute=6, channel_burst=1, max_wait_s=20, clock=clock)
    for i in range(10):
        q.submit(job(i))
    q.submit(job(99, kind="ethics"))
    first = q.take()
    assert [a.key for a in first if isinstance(a, ReviewJob)] == ["C1:99"]
    clock.t += 100
    later = q.take()
    assert any(isinstance(a, Skipped) for a in later)


def test_a_busy_channel_does_not_starve_a_quiet_one() -> None:
    clock = Clock()
    q = ReviewQueue(per_channel_per_minute=12, channel_burst=2, overall_per_minute=12, clock=clock)
    for i in range(50):
        q.submit(job(i, "busy"))
    q.take()
    q.submit(job(1, "quiet"))
    got = []
    for _ in range(30):
        clock.t += 1
        got += [a.channel for a in q.take() if isinstance(a, ReviewJob)]
    assert "quiet" in got[:3]


def test_shared_budget_is_consulted_for_reviews() -> None:
    clock = Clock()
    asked: list[str] = []

    def shared(channel: str) -> bool:
        asked.append(channel)
        return len(asked) <= 2

    q = ReviewQueue(channel_burst=4, clock=clock, shared_allow=shared)
    for i in range(4):
        q.submit(job(i))
    assert len(q.take()) == 2 and q.pending() == 2 and asked == ["C1", "C1", "C1"]


def test_worker_runs_actions_and_survives_a_failing_handler() -> None:
    q = ReviewQueue(channel_burst=4)
    done: list[str] = []
    finished = threading.Event()

    def handle(action: object) -> None:
        assert isinstance(action, ReviewJob)
        if action.text == "boom":
            raise RuntimeError("posting failed")
        done.append(action.text)
        if len(done) == 2:
            finished.set()

    worker = QueueWorker(q, handle, idle_s=0.2).start()
    try:
        for n, text in enumerate(["a", "boom", "b"]):
            q.submit(ReviewJob(key=str(n), channel="C", text=text))
            worker.wake()
        assert finished.wait(5)
    finally:
        worker.stop()
    assert done == ["a", "b"]


def test_cancel_forgets_a_waiting_job() -> None:
    clock = Clock()
    q = ReviewQueue(per_channel_per_minute=6, channel_burst=1, clock=clock)
    q.submit(job(1))
    q.take()
    q.submit(job(2))
    assert q.cancel("C1", "C1:2") is True and q.pending() == 0
    assert q.cancel("C1", "C1:2") is False and q.cancel("nowhere", "x") is False
    clock.t += 60
    assert q.take() == []
    q.submit(job(3, "C2"))
    assert q.cancel(None, "C2:3") is True and q.pending() == 0
