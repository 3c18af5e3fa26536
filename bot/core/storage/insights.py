"""The database side of team insights: the rows they count, opt-outs, digest subscriptions and
the once-a-week digest lease.

Rows leave this module without prompt text (`InsightItem` has none); the only prompt text it
returns is `channel_excerpts`, which reads one channel's own reviews for that channel's digest.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar

from sqlalchemy import Connection, Table, and_, delete, func, select, update

from bot.core.storage import checks
from bot.core.storage import tables as t
from bot.core.storage.records import ReviewDetails, details_columns, now_seconds

_T = TypeVar("_T")

ItemKind = Literal["review", "version"]


@dataclass(frozen=True)
class InsightFilter:
    """Which rows count: a team (a Slack workspace, a Discord server, a CLI library), a channel,
    a time window [since, until) in epoch seconds, and optionally one platform."""

    team: str | None = None
    channel: str | None = None
    since: float | None = None
    until: float | None = None
    platform: str | None = None


@dataclass(frozen=True)
class InsightItem:
    """One critique that counts: a review a front posted, or a saved prompt version's score.
    Names and numbers only; `missing` is None while the row has not been analysed."""

    kind: ItemKind
    key: str
    platform: str | None
    team: str
    channel: str | None
    user: str
    score: int
    model: str | None
    created_at: float
    missing: list[str] | None
    anti_patterns: list[str] | None
    ethics: list[str] | None


@dataclass
class PromptScores:
    """A saved prompt's versions as (version, score, keeper), for "improved most"."""

    name: str
    channel: str | None
    team: str
    versions: list[tuple[int, int | None, bool, str]] = field(default_factory=list)
    """(version, score, keeper, author), oldest first."""
    touched: bool = False
    """A version was saved inside the window."""


@dataclass(frozen=True)
class Pending:
    """A row whose details are not recorded yet, with what the analyser needs."""

    kind: ItemKind
    key: str
    prompt: str
    model: str | None


@dataclass(frozen=True)
class Subscription:
    platform: str
    scope: str
    channel: str
    weekday: int
    hour: int
    tz: str
    created_at: float
    created_by: str | None = None


def _names(raw: str | None) -> list[str] | None:
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return [str(x) for x in value] if isinstance(value, list) else None


class _Transactions(Protocol):
    """What insights needs of the `Store` (its retries and dialect handling), named here so the
    store, which builds `InsightsData`, is not imported back."""

    def _read(self, fn: Callable[[Connection], _T]) -> _T: ...

    def _write(self, fn: Callable[[Connection], _T], attempts: int = 8) -> _T: ...

    @staticmethod
    def _insert(conn: Connection, table: Table) -> Any: ...


class InsightsData:
    """Insights queries over one `Store` (its engine, retries and dialect handling)."""

    def __init__(self, store: _Transactions):
        self.store = store

    # ---- what counts ---------------------------------------------------------------------------
    @staticmethod
    def _review_where(f: InsightFilter) -> list[Any]:
        r = t.reviews.c
        conds: list[Any] = []
        if f.team is not None:
            conds.append(r.scope == f.team)
        if f.channel is not None:
            conds.append(r.channel == f.channel)
        if f.platform is not None:
            conds.append(r.platform == f.platform)
        if f.since is not None:
            conds.append(r.created_at >= f.since)
        if f.until is not None:
            conds.append(r.created_at < f.until)
        return conds

    @staticmethod
    def _version_where(f: InsightFilter) -> list[Any]:
        p, v = t.prompts.c, t.prompt_versions.c
        conds: list[Any] = [v.score.is_not(None)]
        if f.team is not None:
            conds.append(p.team == f.team)
        if f.channel is not None:
            conds.append(p.channel == f.channel)
        if f.since is not None:
            conds.append(v.created_at >= f.since)
        if f.until is not None:
            conds.append(v.created_at < f.until)
        return conds

    def items(self, f: InsightFilter) -> list[InsightItem]:
        """Every review and scored version in the filter, oldest first, without prompt text."""
        r, p, v = t.reviews.c, t.prompts.c, t.prompt_versions.c
        reviews = select(r.id, r.platform, r.scope, r.channel, r.user_id, r.score, r.model,
                         r.created_at, r.missing, r.anti_patterns, r.ethics
                         ).where(*self._review_where(f))
        versions = (select(v.id, p.team, p.channel, v.author, v.score, v.model, v.created_at,
                           v.missing, v.anti_patterns, v.ethics)
                    .join(t.prompts, p.id == v.prompt_id).where(*self._version_where(f)))

        def read(conn: Connection) -> list[InsightItem]:
            out = [InsightItem("review", x.id, x.platform, x.scope, x.channel or None, x.user_id,
                               int(x.score), x.model, float(x.created_at), _names(x.missing),
                               _names(x.anti_patterns), _names(x.ethics))
                   for x in conn.execute(reviews)]
            out += [InsightItem("version", str(x.id), None, x.team, x.channel, x.author,
                                int(x.score), x.model, float(x.created_at), _names(x.missing),
                                _names(x.anti_patterns), _names(x.ethics))
                    for x in conn.execute(versions)]
            return sorted(out, key=lambda i: (i.created_at, i.kind, i.key))
        return self.store._read(read)

    def pending(self, f: InsightFilter, limit: int = 500) -> list[Pending]:
        """Rows in the filter recorded before details were kept (or when the analyser failed)."""
        r, p, v = t.reviews.c, t.prompts.c, t.prompt_versions.c
        reviews = (select(r.id, r.prompt, r.model).where(*self._review_where(f), r.missing.is_(None))
                   .order_by(r.created_at).limit(limit))
        versions = (select(v.id, v.prompt, v.model).join(t.prompts, p.id == v.prompt_id)
                    .where(*self._version_where(f), v.missing.is_(None))
                    .order_by(v.created_at).limit(limit))

        def read(conn: Connection) -> list[Pending]:
            out = [Pending("review", x.id, x.prompt, x.model) for x in conn.execute(reviews)]
            out += [Pending("version", str(x.id), x.prompt, x.model) for x in conn.execute(versions)]
            return out[:limit]
        return self.store._read(read)

    def count_pending(self, f: InsightFilter) -> int:
        r, p, v = t.reviews.c, t.prompts.c, t.prompt_versions.c
        reviews = select(func.count()).where(*self._review_where(f), r.missing.is_(None))
        versions = (select(func.count()).select_from(t.prompt_versions)
                    .join(t.prompts, p.id == v.prompt_id)
                    .where(*self._version_where(f), v.missing.is_(None)))
        return self.store._read(lambda c: int(c.execute(reviews).scalar_one())
                                + int(c.execute(versions).scalar_one()))

    def set_details(self, found: list[tuple[ItemKind, str, ReviewDetails]]) -> None:
        """Record what the analyser found for rows that had no details."""

        def tx(conn: Connection) -> None:
            for kind, key, details in found:
                if kind == "review":
                    stmt = update(t.reviews).where(t.reviews.c.id == key)
                else:
                    stmt = update(t.prompt_versions).where(t.prompt_versions.c.id == int(key))
                conn.execute(stmt.values(**details_columns(details)))
        self.store._write(tx)

    def feedback(self, f: InsightFilter,
                 excluded: set[tuple[str, str, str]] | None = None) -> tuple[int, int]:
        """(helpful, not helpful) votes on the reviews in the filter; votes cast by, and votes
        on reviews of, users in `excluded` ((platform, scope, user)) do not count."""
        r, fb = t.reviews.c, t.feedback.c
        stmt = (select(fb.platform, fb.scope, fb.user_id, fb.helpful, r.user_id.label("author"))
                .join(t.reviews, and_(r.id == fb.review_id, r.platform == fb.platform))
                .where(*self._review_where(f)))
        excluded = excluded or set()
        helpful = not_helpful = 0
        for row in self.store._read(lambda c: c.execute(stmt).all()):
            if ((row.platform, row.scope, row.user_id) in excluded
                    or (row.platform, row.scope, row.author) in excluded):
                continue
            if row.helpful:
                helpful += 1
            else:
                not_helpful += 1
        return helpful, not_helpful

    def prompt_scores(self, f: InsightFilter) -> list[PromptScores]:
        """Each saved prompt in the team/channel with all its scored versions; `touched` says
        whether one was saved inside the window."""
        p, v = t.prompts.c, t.prompt_versions.c
        stmt = (select(p.id, p.team, p.name, p.channel, v.version, v.score, v.keeper, v.author,
                       v.created_at)
                .join(t.prompts, p.id == v.prompt_id)
                .where(*self._version_where(InsightFilter(team=f.team, channel=f.channel)))
                .order_by(p.id, v.version))
        prompts: dict[int, PromptScores] = {}
        for x in self.store._read(lambda c: c.execute(stmt).all()):
            ps = prompts.setdefault(x.id, PromptScores(x.name, x.channel, x.team))
            ps.versions.append((int(x.version), x.score, bool(x.keeper), x.author))
            inside = ((f.since is None or x.created_at >= f.since)
                      and (f.until is None or x.created_at < f.until))
            ps.touched = ps.touched or inside
        return list(prompts.values())

    def channel_excerpts(self, platform: str, scope: str, channel: str, since: float,
                         until: float, excluded_users: set[str], limit: int = 2
                         ) -> list[tuple[str, int]]:
        """(prompt, score) of the best reviews posted in this very channel in the window: the
        only prompt text insights ever read, and only for that channel's own digest."""
        r = t.reviews.c
        stmt = (select(r.prompt, r.score, r.user_id)
                .where(r.platform == platform, r.scope == scope, r.channel == channel,
                       r.created_at >= since, r.created_at < until)
                .order_by(r.score.desc(), r.created_at.desc()).limit(limit + len(excluded_users)))
        rows = self.store._read(lambda c: c.execute(stmt).all())
        return [(x.prompt, int(x.score)) for x in rows if x.user_id not in excluded_users][:limit]

    # ---- opt-outs ------------------------------------------------------------------------------
    def set_optout(self, platform: str, scope: str, user: str, excluded: bool = True) -> bool:
        """Leave a user out of (or bring them back into) the team's insights; returns whether
        anything changed."""
        key = {"platform": checks.key(platform, "platform", 32),
               "scope": checks.key(scope, "scope"), "user_id": checks.key(user, "user")}
        o = t.insight_optouts.c

        def tx(conn: Connection) -> bool:
            if not excluded:
                return conn.execute(delete(t.insight_optouts).where(
                    o.platform == key["platform"], o.scope == key["scope"],
                    o.user_id == key["user_id"])).rowcount > 0
            ins = self.store._insert(conn, t.insight_optouts).values(created_at=time_now(), **key)
            done = ins.on_conflict_do_nothing(index_elements=["platform", "scope", "user_id"])
            return conn.execute(done.returning(o.user_id)).first() is not None
        return self.store._write(tx)

    def optouts(self, team: str | None = None) -> set[tuple[str, str, str]]:
        """(platform, scope, user) of everyone who opted out (in one team, or everywhere)."""
        o = t.insight_optouts.c
        stmt = select(o.platform, o.scope, o.user_id)
        if team is not None:
            stmt = stmt.where(o.scope == team)
        return {(x.platform, x.scope, x.user_id)
                for x in self.store._read(lambda c: c.execute(stmt).all())}

    # ---- digests -------------------------------------------------------------------------------
    def subscribe(self, sub: Subscription) -> None:
        """Create or change a channel's weekly digest (validated by the caller)."""
        row = {"platform": checks.key(sub.platform, "platform", 32),
               "scope": checks.key(sub.scope, "scope"), "channel": checks.key(sub.channel, "channel"),
               "weekday": sub.weekday, "hour": sub.hour, "tz": sub.tz,
               "created_by": sub.created_by, "created_at": sub.created_at}

        def tx(conn: Connection) -> None:
            ins = self.store._insert(conn, t.digest_subscriptions).values(**row)
            conn.execute(ins.on_conflict_do_update(
                index_elements=["platform", "scope", "channel"],
                set_={k: getattr(ins.excluded, k)
                      for k in ("weekday", "hour", "tz", "created_by", "created_at")}))
        self.store._write(tx)

    def unsubscribe(self, platform: str, scope: str, channel: str) -> bool:
        d = t.digest_subscriptions.c
        return self.store._write(lambda c: c.execute(delete(t.digest_subscriptions).where(
            d.platform == platform, d.scope == scope, d.channel == channel)).rowcount > 0)

    def subscriptions(self, platform: str | None = None) -> list[Subscription]:
        d = t.digest_subscriptions.c
        stmt = select(t.digest_subscriptions).order_by(d.platform, d.scope, d.channel)
        if platform is not None:
            stmt = stmt.where(d.platform == platform)
        return [Subscription(x.platform, x.scope, x.channel, x.weekday, x.hour, x.tz,
                             x.created_at, x.created_by)
                for x in self.store._read(lambda c: c.execute(stmt).all())]

    def claim_digest(self, sub: Subscription, period: str, owner: str, now: float,
                     lease_s: float) -> bool:
        """True for exactly one caller per channel and period: the first to insert the row, or
        the one that takes over a lease that expired without a post (its holder crashed)."""
        key = {"platform": sub.platform, "scope": sub.scope, "channel": sub.channel,
               "period": period}
        d = t.digest_runs.c

        def tx(conn: Connection) -> bool:
            ins = self.store._insert(conn, t.digest_runs).values(
                owner=owner, lease_until=now + lease_s, posted_at=None, **key)
            won = ins.on_conflict_do_nothing(
                index_elements=["platform", "scope", "channel", "period"]).returning(d.owner)
            if conn.execute(won).first() is not None:
                return True
            # Postgres re-checks this WHERE after waiting for a concurrent holder's row lock,
            # so of two replicas taking over the same expired lease only one matches.
            taken = conn.execute(update(t.digest_runs).where(
                *(getattr(d, k) == v for k, v in key.items()),
                d.posted_at.is_(None), d.lease_until < now,
            ).values(owner=owner, lease_until=now + lease_s).returning(d.owner)).first()
            return taken is not None
        return self.store._write(tx)

    def finish_digest(self, sub: Subscription, period: str, owner: str, now: float,
                      posted: bool) -> None:
        """Mark the week done (posted), or give the lease back so the next tick retries."""
        d = t.digest_runs.c
        where = [d.platform == sub.platform, d.scope == sub.scope, d.channel == sub.channel,
                 d.period == period, d.owner == owner]
        values = {"posted_at": now} if posted else {"lease_until": 0.0}
        self.store._write(lambda c: c.execute(update(t.digest_runs).where(*where).values(**values)))

    def digest_posted(self, sub: Subscription, period: str) -> bool:
        d = t.digest_runs.c
        stmt = select(d.posted_at).where(
            d.platform == sub.platform, d.scope == sub.scope, d.channel == sub.channel,
            d.period == period)
        return self.store._read(lambda c: c.execute(stmt).scalar_one_or_none()) is not None


def time_now() -> float:
    return now_seconds()


def new_owner() -> str:
    """An id for one scheduler instance (replica), recorded with the leases it holds."""
    return secrets.token_hex(8)


__all__ = ["InsightFilter", "InsightItem", "InsightsData", "Pending", "PromptScores",
           "Subscription", "new_owner"]
