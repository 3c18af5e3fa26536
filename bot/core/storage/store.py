"""`Store`: the one interface to Framecraft's database.

It holds what must survive a restart and be shared by replicas of the bots (settings, feedback,
dedupe claims, rate limits, posted reviews) and the teams' versioned prompt libraries. The same
code runs on SQLite (default, a file under the data dir) and Postgres; the schema is created and
upgraded by the alembic migrations shipped in this package, on first use.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from bot.core.storage import checks, migrate
from bot.core.storage import engine as engines
from bot.core.storage import tables as t
from bot.core.storage.records import ReviewRecord, to_datetime

log = logging.getLogger(__name__)
T = TypeVar("T")

_REVIEW_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_MIGRATED: set[str] = set()
_MIGRATE_LOCK = threading.Lock()


class StoreError(RuntimeError):
    """The database could not be reached or used; the message never contains a password."""


def _now() -> float:
    # Microsecond precision, so timestamps survive a trip through ISO-8601 (export/import).
    return round(time.time(), 6)


def _retryable(exc: DBAPIError) -> bool:
    """Lock contention worth another try: SQLite busy, Postgres serialization or deadlock."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    code = getattr(exc.orig, "sqlstate", None)
    return (code in ("40001", "40P01", "55P03")
            or "database is locked" in text or "database table is locked" in text)


class Store:
    """The database behind every front. Thread-safe; create one per process and share it."""

    def __init__(self, url: str):
        self.url = url
        self._engine: Engine | None = None
        self._lock = threading.Lock()
        self._claims = 0

    def __repr__(self) -> str:
        return f"Store({engines.safe_url(self.url)!r})"

    # ---- plumbing -------------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, created and migrated to the newest schema on first use."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    eng = engines.create(self.url)
                    key = eng.url.render_as_string(hide_password=False)
                    with _MIGRATE_LOCK:
                        if key not in _MIGRATED:
                            migrate.upgrade(eng)
                            _MIGRATED.add(key)
                    self._engine = eng
        return self._engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def schema_revision(self) -> tuple[str | None, str | None]:
        """(revision of the database, newest revision shipped): doctor compares them."""
        eng = engines.create(self.url)
        try:
            return migrate.current_revision(eng), migrate.head_revision()
        finally:
            eng.dispose()

    def _write(self, fn: Callable[[Connection], T], attempts: int = 8) -> T:
        """Run `fn` in one write transaction, retrying lock contention with backoff."""
        for attempt in range(attempts):
            try:
                with self.engine.begin() as conn:
                    return fn(conn)
            except (OperationalError, DBAPIError) as e:
                if attempt + 1 < attempts and _retryable(e):
                    time.sleep(min(0.05 * 2 ** attempt, 1.0) * (0.5 + secrets.randbelow(100) / 100))
                    continue
                raise
        raise AssertionError("unreachable")

    def _read(self, fn: Callable[[Connection], T]) -> T:
        with self.engine.connect() as conn:
            conn = conn.execution_options(framecraft_readonly=True)
            with conn.begin():
                return fn(conn)

    @staticmethod
    def _insert(conn: Connection, table: Table) -> Any:
        """INSERT with ON CONFLICT support, spelled by the connection's dialect."""
        if conn.dialect.name == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)

    # ---- settings and feedback ------------------------------------------------------------
    def get_setting(self, platform: str, scope: str, key: str) -> str | None:
        stmt = select(t.settings.c.value).where(
            t.settings.c.platform == platform, t.settings.c.scope == scope,
            t.settings.c.key == key)
        return self._read(lambda c: c.execute(stmt).scalar_one_or_none())

    def set_setting(self, platform: str, scope: str, key: str, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("setting values are strings")
        row = {"platform": checks.key(platform, "platform", 32),
               "scope": checks.key(scope, "scope"), "key": checks.key(key, "setting name"),
               "value": value, "updated_at": _now()}

        def tx(conn: Connection) -> None:
            ins = self._insert(conn, t.settings).values(**row)
            conn.execute(ins.on_conflict_do_update(
                index_elements=["platform", "scope", "key"],
                set_={"value": ins.excluded.value, "updated_at": ins.excluded.updated_at}))
        self._write(tx)

    def record_feedback(self, platform: str, scope: str, user: str, review_id: str,
                        helpful: bool) -> None:
        """One vote per user per review; voting again replaces the earlier vote."""
        row = {"platform": checks.key(platform, "platform", 32),
               "scope": checks.key(scope, "scope"), "user_id": checks.key(user, "user"),
               "review_id": checks.key(review_id, "review id", 64), "helpful": bool(helpful),
               "created_at": _now()}

        def tx(conn: Connection) -> None:
            ins = self._insert(conn, t.feedback).values(**row)
            conn.execute(ins.on_conflict_do_update(
                index_elements=["platform", "scope", "user_id", "review_id"],
                set_={"helpful": ins.excluded.helpful, "created_at": ins.excluded.created_at}))
        self._write(tx)

    def feedback_counts(self, platform: str, scope: str,
                        review_id: str | None = None) -> tuple[int, int]:
        """(helpful, not helpful) votes in a scope, or for one review."""
        f = t.feedback.c
        stmt = select(f.helpful, func.count()).where(f.platform == platform, f.scope == scope)
        if review_id is not None:
            stmt = stmt.where(f.review_id == review_id)
        rows = self._read(lambda c: c.execute(stmt.group_by(f.helpful)).all())
        counts = {bool(h): n for h, n in rows}
        return counts.get(True, 0), counts.get(False, 0)

    # ---- dedupe and rate limits -----------------------------------------------------------
    def claim_once(self, key: str, ttl_s: int = 3600) -> bool:
        """True only for the first claim of `key` (across processes) until it expires."""
        key = checks.key(key, "claim key", 255)
        now = _now()
        self._claims += 1
        purge = self._claims % 200 == 1

        def tx(conn: Connection) -> bool:
            c = t.claims.c
            if purge:
                conn.execute(delete(t.claims).where(c.expires_at <= now))
            else:
                conn.execute(delete(t.claims).where(c.key == key, c.expires_at <= now))
            ins = self._insert(conn, t.claims).values(key=key, expires_at=now + ttl_s)
            won = ins.on_conflict_do_nothing(index_elements=["key"]).returning(t.claims.c.key)
            return conn.execute(won).first() is not None
        return self._write(tx)

    def allow(self, key: str, limit: int, window_s: float) -> bool:
        """Sliding-window rate limit shared by replicas: at most `limit` allowed calls per key in
        any `window_s` seconds. A refused call does not count."""
        key = checks.key(key, "rate-limit key", 255)
        if window_s <= 0:
            raise ValueError("window_s must be positive")
        if limit <= 0:
            return False
        now = _now()

        def tx(conn: Connection) -> bool:
            # The upsert locks the key's row, so replicas counting the same key take turns.
            ins = self._insert(conn, t.rate_keys).values(key=key, touched_at=now)
            conn.execute(ins.on_conflict_do_update(index_elements=["key"],
                                                   set_={"touched_at": ins.excluded.touched_at}))
            e = t.rate_events.c
            conn.execute(delete(t.rate_events).where(e.key == key, e.at <= now - window_s))
            used = conn.execute(select(func.count()).where(e.key == key)).scalar_one()
            if used >= limit:
                return False
            conn.execute(t.rate_events.insert().values(key=key, at=now))
            return True
        return self._write(tx)

    # ---- reviews ----------------------------------------------------------------------------
    def record_review(self, platform: str, scope: str, channel: str, user: str, prompt: str,
                      score: int, model: str | None) -> str:
        """Keep a posted critique; returns its short id (for feedback buttons and links)."""
        row = {"platform": checks.key(platform, "platform", 32),
               "scope": checks.key(scope, "scope"), "channel": (channel or "").strip()[:128],
               "user_id": checks.key(user, "user"), "prompt": str(prompt),
               "score": int(score), "model": model, "created_at": _now()}
        for _ in range(5):
            review_id = "".join(secrets.choice(_REVIEW_ID_ALPHABET) for _ in range(8))
            try:
                self._write(lambda c, rid=review_id: c.execute(
                    t.reviews.insert().values(id=rid, **row)))
                return review_id
            except IntegrityError:  # an id collision: draw again
                continue
        raise StoreError("could not allocate a review id")

    @staticmethod
    def _review(r: Any) -> ReviewRecord:
        return ReviewRecord(id=r.id, platform=r.platform, scope=r.scope, channel=r.channel,
                            user=r.user_id, prompt=r.prompt, score=r.score, model=r.model,
                            created_at=to_datetime(r.created_at))

    def get_review(self, review_id: str) -> ReviewRecord | None:
        if not isinstance(review_id, str) or not review_id.strip():
            return None
        stmt = select(t.reviews).where(t.reviews.c.id == review_id.strip())
        row = self._read(lambda c: c.execute(stmt).first())
        return self._review(row) if row else None

    def recent_reviews(self, platform: str, scope: str, channel: str | None = None,
                       limit: int = 10) -> list[ReviewRecord]:
        r = t.reviews.c
        stmt = select(t.reviews).where(r.platform == platform, r.scope == scope)
        if channel is not None:
            stmt = stmt.where(r.channel == channel)
        stmt = stmt.order_by(r.created_at.desc(), r.id).limit(max(0, int(limit)))
        return [self._review(x) for x in self._read(lambda c: c.execute(stmt).all())]

