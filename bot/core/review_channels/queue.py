"""The review queue: keeps a busy review channel within the platforms' limits and current.

A channel flooded with prompts must neither trip Slack's or Discord's rate limits nor leave the
bot reviewing minute-old messages. So each channel has a token bucket (its own budget) and all
channels share one (the bot's overall budget); a queue longer than the budget can serve within
`max_wait_s` drops its oldest reviews; an edit of a message still waiting replaces it in place
(coalescing); and whatever was dropped is reported once, as one "busy channel" notice, so the
channel knows. Ethics notes jump the queue and are never dropped.

Pure bookkeeping with an injected clock: fronts submit jobs from their event handlers and a
worker (`QueueWorker`, a thread) takes what is due and does the slow part (critique, posting).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

log = logging.getLogger(__name__)

JobKind = Literal["review", "ethics"]

PER_CHANNEL_PER_MINUTE = 12
"""One review every 5 s a channel: a thread reply (Slack: chat.postMessage, about 1 a second per
channel; Discord: a thread and a message, 5 per 5 s per channel) with room for the notices."""
CHANNEL_BURST = 4
OVERALL_PER_MINUTE = 300
MAX_WAIT_S = 60.0
NOTICE_EVERY_S = 60.0


@dataclass
class ReviewJob:
    key: str
    """The message's identity across edits (e.g. "C123:1700000000.000100")."""
    channel: str
    """The budget's scope: one channel (prefix it with the team when ids are not global)."""
    text: str
    payload: Any = None
    """What the front needs to reply (ids, author, thread); the queue never looks inside."""
    kind: JobKind = "review"
    edited: bool = False
    received: float = 0.0
    version: float = 0.0
    """When this text was written (the platform's edit time, else the message's): events are
    handled in parallel, so an edit can be queued before the message it edits, and the older
    text arriving second must not replace the newer one."""


@dataclass
class Skipped:
    """Reviews dropped to keep up: say so once, in the channel where they were dropped."""

    channel: str
    count: int
    payload: Any = None
    """The newest dropped job's payload: where to post the notice."""


Action = ReviewJob | Skipped


@dataclass
class _Bucket:
    rate: float
    """Tokens a second."""
    burst: float
    tokens: float
    last: float

    def refill(self, now: float) -> None:
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now

    def eta(self, now: float) -> float:
        self.refill(now)
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


@dataclass
class _Channel:
    bucket: _Bucket
    jobs: OrderedDict[str, ReviewJob] = field(default_factory=OrderedDict)
    skipped: int = 0
    skipped_payload: Any = None
    last_notice: float = -math.inf
    served: float = -math.inf


@dataclass
class QueueStats:
    submitted: int = 0
    coalesced: int = 0
    taken: int = 0
    dropped: int = 0
    notices: int = 0
    max_lag_s: float = 0.0
    """The longest a taken job had waited."""


class ReviewQueue:
    def __init__(self, per_channel_per_minute: float = PER_CHANNEL_PER_MINUTE,
                 channel_burst: int = CHANNEL_BURST,
                 overall_per_minute: float = OVERALL_PER_MINUTE,
                 max_wait_s: float = MAX_WAIT_S, notice_every_s: float = NOTICE_EVERY_S,
                 clock: Callable[[], float] = time.monotonic,
                 shared_allow: Callable[[str], bool] | None = None):
        """`shared_allow(channel)`, when given, is asked before each review too: a budget kept
        in the database, so replicas of a bot share one channel budget."""
        self.rate = per_channel_per_minute / 60.0
        self.burst = max(1, channel_burst)
        self.max_wait_s = max_wait_s
        self.notice_every_s = notice_every_s
        self.capacity = max(1, math.floor(self.rate * max_wait_s * 0.75))
        """Jobs a channel may hold: what its budget serves well within `max_wait_s` (the margin
        covers the worker's polling and the time a review takes)."""
        self.clock = clock
        self.shared_allow = shared_allow
        now = clock()
        self._overall = _Bucket(overall_per_minute / 60.0, max(1.0, overall_per_minute / 6),
                                max(1.0, overall_per_minute / 6), now)
        self._channels: dict[str, _Channel] = {}
        self._lock = threading.Lock()
        self.stats = QueueStats()

    # ---- producers --------------------------------------------------------------------------
    def submit(self, job: ReviewJob) -> bool:
        """Queue a job; False when it replaced a waiting job for the same message."""
        with self._lock:
            now = self.clock()
            ch = self._channel(job.channel, now)
            self.stats.submitted += 1
            waiting = ch.jobs.get(job.key)
            if waiting is not None:  # an edit before its review: review the latest text once
                if (job.version, job.edited) >= (waiting.version, waiting.edited):
                    waiting.text, waiting.payload = job.text, job.payload
                    waiting.version = job.version
                    if job.kind == "ethics":
                        waiting.kind = "ethics"
                waiting.edited = waiting.edited or job.edited
                self.stats.coalesced += 1
                return False
            job.received = now
            ch.jobs[job.key] = job
            reviews = [k for k, j in ch.jobs.items() if j.kind == "review"]
            for key in reviews[: max(0, len(reviews) - self.capacity)]:
                self._drop(ch, ch.jobs.pop(key))
            return True

    def cancel(self, channel: str | None, key: str) -> bool:
        """Forget a waiting job (its message was deleted); True if one was waiting. Without a
        channel, every channel is searched."""
        with self._lock:
            chans = ([self._channels.get(channel)] if channel is not None
                     else list(self._channels.values()))
            return any(ch.jobs.pop(key, None) is not None for ch in chans if ch is not None)

    # ---- the worker -------------------------------------------------------------------------
    def take(self) -> list[Action]:
        """Everything due now, within budget: ethics notes first, then notices of dropped
        reviews, then reviews, the least recently served channel first so that one busy
        channel cannot starve the others."""
        with self._lock:
            now = self.clock()
            out: list[Action] = []
            for ch in self._channels.values():
                for key in [k for k, j in ch.jobs.items()
                            if j.kind == "review" and now - j.received > self.max_wait_s]:
                    self._drop(ch, ch.jobs.pop(key))
            for ch in self._channels.values():
                for key in [k for k, j in ch.jobs.items() if j.kind == "ethics"]:
                    if not self._spend(ch, now):
                        break
                    out.append(self._pop(ch, key, now))
            for name, ch in self._channels.items():
                if (ch.skipped and now - ch.last_notice >= self.notice_every_s
                        and self._spend(ch, now)):
                    out.append(Skipped(name, ch.skipped, ch.skipped_payload))
                    ch.skipped, ch.skipped_payload, ch.last_notice = 0, None, now
                    self.stats.notices += 1
            progress = True
            while progress:
                progress = False
                for name, ch in sorted(self._channels.items(), key=lambda kv: kv[1].served):
                    if ch.jobs and self._spend(ch, now, shared=name):
                        out.append(self._pop(ch, next(iter(ch.jobs)), now))
                        progress = True
            return out

    def wait_s(self) -> float | None:
        """Seconds until `take` may return something; None when there is nothing to do."""
        with self._lock:
            now = self.clock()
            waits = []
            for ch in self._channels.values():
                if ch.jobs:
                    waits.append(max(ch.bucket.eta(now), self._overall.eta(now)))
                if ch.skipped:
                    waits.append(max(0.0, ch.last_notice + self.notice_every_s - now,
                                     ch.bucket.eta(now)))
            return min(waits) if waits else None

    def pending(self, channel: str | None = None) -> int:
        with self._lock:
            chans = [self._channels.get(channel)] if channel else list(self._channels.values())
            return sum(len(c.jobs) for c in chans if c)

    # ---- internals --------------------------------------------------------------------------
    def _channel(self, name: str, now: float) -> _Channel:
        ch = self._channels.get(name)
        if ch is None:
            ch = _Channel(_Bucket(self.rate, float(self.burst), float(self.burst), now))
            self._channels[name] = ch
        return ch

    def _pop(self, ch: _Channel, key: str, now: float) -> ReviewJob:
        job = ch.jobs.pop(key)
        ch.served = now
        self.stats.taken += 1
        self.stats.max_lag_s = max(self.stats.max_lag_s, now - job.received)
        return job

    def _spend(self, ch: _Channel, now: float, shared: str | None = None) -> bool:
        ch.bucket.refill(now)
        self._overall.refill(now)
        if ch.bucket.tokens < 1 or self._overall.tokens < 1:
            return False
        if shared and self.shared_allow is not None:
            try:
                if not self.shared_allow(str(shared)):
                    return False
            except Exception:  # the shared budget is unreachable: fall back to our own
                log.warning("shared review budget unavailable", exc_info=True)
        ch.bucket.tokens -= 1
        self._overall.tokens -= 1
        return True

    def _drop(self, ch: _Channel, job: ReviewJob) -> None:
        ch.skipped += 1
        ch.skipped_payload = job.payload
        self.stats.dropped += 1


class QueueWorker:
    """Runs `handle` on each action `queue.take()` yields, in a daemon thread, until stopped.

    `handle` does the slow part (critique, posting); an exception in it is logged and the
    worker goes on. Call `wake()` after `submit` so a job is picked up at once."""

    def __init__(self, queue: ReviewQueue, handle: Callable[[Action], None],
                 idle_s: float = 5.0, name: str = "framecraft-review"):
        self.queue = queue
        self.handle = handle
        self.idle_s = idle_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> QueueWorker:
        self._thread.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            for action in self.queue.take():
                try:
                    self.handle(action)
                except Exception:
                    log.exception("review action failed")
            wait = self.queue.wait_s()
            self._wake.wait(self.idle_s if wait is None else min(max(wait, 0.01), self.idle_s))
