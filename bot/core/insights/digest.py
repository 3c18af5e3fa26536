"""Weekly insights digests, one per subscribed channel, exactly once a week.

A channel subscribes with a weekday and an hour in its workspace's time zone. The schedule is
kept in the database and every replica runs the same check (`run_due_digests`) on an APScheduler
interval; for each subscription it works out the most recent slot that has passed, and the
replica that wins that slot's row in `fc_digest_runs` (one row per channel and ISO week) posts.
So several replicas post once, a bot that was down catches up the latest missed week once
(older missed weeks are not posted: only the newest is news), and a failed post gives its lease
back for the next tick. A replica that dies mid-post holds its lease until it expires
(`LEASE_S`); the next one then posts, so a crash between "sent" and "recorded" can repeat one
digest, never more.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from bot.core.insights.report import Annotator, InsightsReport, build_report, zone
from bot.core.storage import Store
from bot.core.storage.insights import Subscription, new_owner
from bot.core.validation import InputError

log = logging.getLogger(__name__)

LEASE_S = 600.0
CHECK_EVERY_S = 300.0
TREND_WEEKS = 8
EXCERPT_CHARS = 160
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Highlight(BaseModel):
    """One of the week's best reviews in the digest's own channel: the only prompt text a
    digest carries, and only in the channel where it was posted."""

    excerpt: str
    score: int


class Digest(BaseModel):
    """What a front posts: a text summary, the chart and the channel's highlights."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    platform: str
    scope: str
    channel: str
    period: str
    """The ISO week, e.g. 2026-W48."""
    slot: datetime
    report: InsightsReport
    week_reviews: int = 0
    """Critiques in the seven days before `slot`."""
    week_average: float | None = None
    highlights: list[Highlight] = Field(default_factory=list)
    png: bytes = Field(default=b"", repr=False, exclude=True)

    def text(self) -> str:
        """A short plain-text summary; fronts add their own markup."""
        lines = [f"Weekly prompt insights ({self.period})"]
        if not self.week_reviews or self.week_average is None:
            lines.append("No reviews in this channel this week.")
        else:
            n = self.week_reviews
            lines.append(f"This week: {n} review{'s' if n != 1 else ''}, "
                         f"average score {self.week_average:.0f}/100.")
        if self.report.missing:
            top = ", ".join(m.component for m in self.report.missing[:3])
            lines.append(f"Most often missing over {TREND_WEEKS} weeks: {top}.")
        for h in self.highlights:
            lines.append(f"Best this week ({h.score}/100): {h.excerpt}")
        return "\n".join(lines)


Post = Callable[[Digest], None]


@dataclass(frozen=True)
class DigestRun:
    subscription: Subscription
    period: str
    posted: bool
    error: str | None = None


# ---- subscriptions --------------------------------------------------------------------------
def parse_weekday(value: str | int) -> int:
    if isinstance(value, int) and 0 <= value <= 6:
        return value
    text = str(value).strip().casefold()
    for i, name in enumerate(WEEKDAYS):
        if text and (text == name or (len(text) >= 3 and name.startswith(text))):
            return i
    raise InputError(f"{value!r} is not a day of the week; use monday ... sunday.")


def subscribe(store: Store, platform: str, scope: str, channel: str, *, weekday: str | int = 0,
              hour: int = 9, tz: str = "UTC", user: str | None = None,
              now: datetime | None = None) -> Subscription:
    """Turn on (or move) a channel's weekly digest. The first digest is the first slot after
    now: subscribing never posts a digest for a slot that had already passed."""
    if not isinstance(hour, int) or not 0 <= hour <= 23:
        raise InputError(f"The hour must be 0-23, not {hour!r}.")
    zone(tz)
    sub = Subscription(platform=platform, scope=scope, channel=channel,
                       weekday=parse_weekday(weekday), hour=hour, tz=tz,
                       created_at=(now or datetime.now(UTC)).timestamp(), created_by=user)
    store.insights.subscribe(sub)
    return sub


def unsubscribe(store: Store, platform: str, scope: str, channel: str) -> bool:
    return store.insights.unsubscribe(platform, scope, channel)


def set_optout(store: Store, platform: str, scope: str, user: str, excluded: bool = True) -> bool:
    """A user's "leave me out": their reviews, votes and saved versions stop counting in the
    team's insights and digests (and count again with `excluded=False`)."""
    return store.insights.set_optout(platform, scope, user, excluded)


# ---- when ----------------------------------------------------------------------------------
def latest_slot(sub: Subscription, now: datetime) -> datetime | None:
    """The newest scheduled moment at or before `now`, in the subscription's time zone; None
    when it is older than the subscription (nothing due yet)."""
    tz = zone(sub.tz)
    local = now.astimezone(tz)
    day = local.date() - timedelta(days=(local.weekday() - sub.weekday) % 7)
    slot = datetime(day.year, day.month, day.day, sub.hour, tzinfo=tz)
    if slot > local:
        day -= timedelta(days=7)
        slot = datetime(day.year, day.month, day.day, sub.hour, tzinfo=tz)
    if slot.timestamp() < sub.created_at:
        return None
    return slot


def period_of(slot: datetime) -> str:
    year, week, _ = slot.isocalendar()
    return f"{year}-W{week:02d}"


# ---- what ----------------------------------------------------------------------------------
def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS - 1].rstrip() + "…"


def make_digest(store: Store, sub: Subscription, slot: datetime,
                annotate: Annotator | None = None, with_png: bool = True) -> Digest:
    """The channel's digest for the week ending at `slot`: the trend over TREND_WEEKS weeks,
    counts only, plus up to two of the week's best prompts posted in this same channel."""
    since = slot - timedelta(weeks=TREND_WEEKS)
    report = build_report(store, team=sub.scope, channel=sub.channel, platform=sub.platform,
                          since=since, until=slot, tz=sub.tz, label=f"last {TREND_WEEKS} weeks",
                          annotate=annotate)
    week = build_report(store, team=sub.scope, channel=sub.channel, platform=sub.platform,
                        since=slot - timedelta(days=7), until=slot, tz=sub.tz)
    excluded = {user for platform, scope, user in store.insights.optouts(sub.scope)
                if platform == sub.platform}
    best = store.insights.channel_excerpts(sub.platform, sub.scope, sub.channel,
                                           (slot - timedelta(days=7)).timestamp(),
                                           slot.timestamp(), excluded)
    png = b""
    if with_png:
        from bot.core.insights.charts import render_png

        png = render_png(report)
    return Digest(platform=sub.platform, scope=sub.scope, channel=sub.channel,
                  period=period_of(slot), slot=slot, report=report, png=png,
                  week_reviews=week.reviews, week_average=week.average_score,
                  highlights=[Highlight(excerpt=_excerpt(p), score=s) for p, s in best])


# ---- running --------------------------------------------------------------------------------
def run_due_digests(store: Store, now: datetime, post: Post, *, platform: str | None = None,
                    owner: str | None = None, annotate: Annotator | None = None,
                    lease_s: float = LEASE_S, with_png: bool = True) -> list[DigestRun]:
    """Post every digest that is due at `now` and not posted yet; safe to call from every
    replica at once and as often as you like. `post` raising gives the week back for a retry."""
    owner = owner or new_owner()
    runs = []
    for sub in store.insights.subscriptions(platform):
        slot = latest_slot(sub, now)
        if slot is None:
            continue
        period = period_of(slot)
        if store.insights.digest_posted(sub, period):
            continue
        if not store.insights.claim_digest(sub, period, owner, now.timestamp(), lease_s):
            continue
        try:
            post(make_digest(store, sub, slot, annotate, with_png))
        except Exception as e:  # noqa: BLE001 - one channel's failure must not stop the others
            log.warning("digest for %s/%s %s failed", sub.platform, sub.channel, period,
                        exc_info=True)
            store.insights.finish_digest(sub, period, owner, now.timestamp(), posted=False)
            runs.append(DigestRun(sub, period, False, type(e).__name__))
            continue
        store.insights.finish_digest(sub, period, owner, datetime.now(UTC).timestamp(),
                                     posted=True)
        runs.append(DigestRun(sub, period, True))
    return runs


class DigestScheduler:
    """Runs `run_due_digests` on an APScheduler interval in a background thread: once at start
    (catching up a missed week) and then every `every_s` seconds. One per process; replicas
    share the work through the database."""

    def __init__(self, store: Store | Callable[[], Store], post: Post, *,
                 platform: str | None = None, every_s: float = CHECK_EVERY_S,
                 annotate: Annotator | None = None,
                 clock: Callable[[], datetime] | None = None):
        # A callable is asked for the store at each check, so a bot can start (and build this)
        # while the database is down; the first check after it returns does the work.
        self._store = store
        self.post, self.platform = post, platform
        self.every_s, self.annotate = every_s, annotate
        self.clock = clock or (lambda: datetime.now(UTC))
        self.owner = new_owner()
        self._scheduler: Any = None
        self._lock = threading.Lock()

    def tick(self) -> list[DigestRun]:
        """One check; the scheduler calls it, tests may too. Never raises."""
        try:
            store = self._store if isinstance(self._store, Store) else self._store()
            return run_due_digests(store, self.clock(), self.post, platform=self.platform,
                                   owner=self.owner, annotate=self.annotate)
        except Exception:  # noqa: BLE001 - a database hiccup: the next tick tries again
            log.warning("digest check failed", exc_info=True)
            return []

    def start(self) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler
        from apscheduler.triggers.interval import IntervalTrigger

        with self._lock:
            if self._scheduler is not None:
                return
            scheduler = BackgroundScheduler(timezone=UTC)
            # coalesce + one instance: ticks missed while busy collapse into one run.
            scheduler.add_job(self.tick, IntervalTrigger(seconds=self.every_s, timezone=UTC),
                              id="framecraft-digests", next_run_time=datetime.now(UTC),
                              coalesce=True, max_instances=1, misfire_grace_time=None)
            scheduler.start()
            self._scheduler = scheduler

    def shutdown(self, wait: bool = True) -> None:
        with self._lock:
            if self._scheduler is not None:
                self._scheduler.shutdown(wait=wait)
                self._scheduler = None
