"""`Store`: the one interface to Framecraft's database.

It holds what must survive a restart and be shared by replicas of the bots (settings, feedback,
dedupe claims, rate limits, posted reviews) and the teams' versioned prompt libraries. The same
code runs on SQLite (default, a file under the data dir) and Postgres; the schema is created and
upgraded by the alembic migrations shipped in this package, on first use.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, Engine, Table, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from bot.core.storage import checks, diffing, library_io, migrate
from bot.core.storage import engine as engines
from bot.core.storage import tables as t
from bot.core.storage.house_rules_store import HouseRulesStoreMixin
from bot.core.storage.records import (
    ImportReport,
    PostLink,
    PromptDiff,
    PromptInfo,
    ReviewDetails,
    ReviewRecord,
    Version,
    details_columns,
    to_datetime,
)
from bot.core.storage.records import now_seconds as _now
from bot.core.validation import InputError, clean_prompt

if TYPE_CHECKING:
    from bot.core.storage.insights import InsightsData

log = logging.getLogger(__name__)
T = TypeVar("T")

_REVIEW_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_MIGRATED: set[str] = set()
_MIGRATE_LOCK = threading.Lock()



class _SameAsNewest(Exception):
    """Raised inside a save's transaction to roll it back when the text is unchanged."""

    def __init__(self, version: Version) -> None:
        super().__init__(version.version)
        self.version = version

class StoreError(RuntimeError):
    """The database could not be reached or used; the message never contains a password."""


def _retryable(exc: DBAPIError) -> bool:
    """Lock contention worth another try: SQLite busy, Postgres serialization or deadlock."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    code = getattr(exc.orig, "sqlstate", None)
    return (code in ("40001", "40P01", "55P03")
            or "database is locked" in text or "database table is locked" in text)


class Store(HouseRulesStoreMixin):
    """The database behind every front. Thread-safe; create one per process and share it."""

    def __init__(self, url: str):
        self.url = url
        self._engine: Engine | None = None
        self._lock = threading.Lock()
        self._sqlite_writer = threading.Lock()
        """SQLite takes one writer at a time; threads of this process queue here rather than
        in SQLite's busy handler, whose growing sleeps (up to 100 ms a try) made 32
        concurrent Slack acks wait seconds."""
        self._claims = 0
        self.annotator: Callable[[str, str | None], ReviewDetails] | None = None
        """What a critique finds in (prompt, model), set by the Engine: reviews and saved
        versions recorded without `details` get them from here (team insights count them)."""

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
        serial = self._sqlite_writer if self.dialect == "sqlite" else contextlib.nullcontext()
        for attempt in range(attempts):
            try:
                with serial, self.engine.begin() as conn:
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

    @property
    def insights(self) -> InsightsData:
        """Team insights, opt-outs and weekly digests (counts and scores, never prompts)."""
        from bot.core.storage.insights import InsightsData

        return InsightsData(self)

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
                      score: int, model: str | None,
                      details: ReviewDetails | None = None) -> str:
        """Keep a posted critique; returns its short id (for feedback buttons and links)."""
        row = {"platform": checks.key(platform, "platform", 32),
               "scope": checks.key(scope, "scope"), "channel": (channel or "").strip()[:128],
               "user_id": checks.key(user, "user"), "prompt": str(prompt),
               "score": int(score), "model": model, "created_at": _now(),
               **self._details_columns(str(prompt), model, details)}
        for _ in range(5):
            review_id = "".join(secrets.choice(_REVIEW_ID_ALPHABET) for _ in range(8))
            try:
                def insert(c: Connection, rid: str = review_id) -> None:
                    c.execute(t.reviews.insert().values(id=rid, **row))
                self._write(insert)
                return review_id
            except IntegrityError:  # an id collision: draw again
                continue
        raise StoreError("could not allocate a review id")

    def _details_columns(self, prompt: str, model: str | None,
                         details: ReviewDetails | None) -> dict[str, str | None]:
        """The JSON columns for what a critique found; all NULL when nothing can say (no
        annotator, or it failed: the review itself must still be kept)."""
        if details is None and self.annotator is not None:
            try:
                details = self.annotator(prompt, model)
            except Exception:  # noqa: BLE001 - insights can analyse it later
                log.warning("review details unavailable", exc_info=True)
        return details_columns(details)

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

    # ---- replies to messages reviewed unasked ------------------------------------------------
    def link_post(self, platform: str, channel: str, message_id: str, reply_ref: str,
                  review_id: str | None = None) -> None:
        """Remember (or move) the bot's reply to a message, so an edit updates that reply."""
        row = {"platform": checks.key(platform, "platform", 32),
               "channel": checks.key(channel, "channel"),
               "message_id": checks.key(message_id, "message id"),
               "reply_ref": str(reply_ref), "review_id": review_id, "updated_at": _now()}

        def tx(conn: Connection) -> None:
            ins = self._insert(conn, t.review_posts).values(**row)
            conn.execute(ins.on_conflict_do_update(
                index_elements=["platform", "channel", "message_id"],
                set_={k: ins.excluded[k] for k in ("reply_ref", "review_id", "updated_at")}))
        self._write(tx)

    def get_post(self, platform: str, channel: str, message_id: str) -> PostLink | None:
        c = t.review_posts.c
        stmt = select(t.review_posts).where(c.platform == platform, c.channel == channel,
                                            c.message_id == message_id)
        r = self._read(lambda conn: conn.execute(stmt).first())
        if r is None:
            return None
        return PostLink(platform=r.platform, channel=r.channel, message_id=r.message_id,
                        reply_ref=r.reply_ref, review_id=r.review_id,
                        updated_at=to_datetime(r.updated_at))

    # ---- prompt versions --------------------------------------------------------------------
    @staticmethod
    def _version(team: str, p: Any, v: Any) -> Version:
        return Version(team=team, name=p.name, version=v.version, prompt=v.prompt,
                       author=v.author, model=v.model, note=v.note, score=v.score,
                       channel=p.channel, created_at=to_datetime(v.created_at),
                       keeper=bool(v.keeper), keeper_note=v.keeper_note)

    def _prompt_row(self, conn: Connection, team: str, name: str, lock: bool = False) -> Any:
        """The prompt's row, or an InputError naming the prompts the team does have."""
        p = t.prompts.c
        stmt = select(t.prompts).where(p.team == team, p.name_key == checks.name_key(name))
        row = conn.execute(stmt.with_for_update() if lock else stmt).first()
        if row is None:
            names = conn.execute(select(p.name).where(p.team == team).order_by(p.name_key)
                                 .limit(12)).scalars().all()
            known = f" Saved prompts: {', '.join(names)}." if names else " Nothing is saved yet."
            raise InputError(f"No prompt named {checks.prompt_name(name)!r}.{known}")
        return row

    def _version_row(self, conn: Connection, prompt: Any, version: int | None) -> Any:
        v = t.prompt_versions.c
        stmt = select(t.prompt_versions).where(v.prompt_id == prompt.id)
        if version is None:
            stmt = stmt.order_by(v.version.desc()).limit(1)
        else:
            stmt = stmt.where(v.version == checks.version_number(version))
        row = conn.execute(stmt).first()
        if row is None:
            raise InputError(f"{prompt.name!r} has versions 1-{prompt.last_version}; "
                             f"there is no version {version}.")
        return row

    def save(self, team: str, name: str, prompt: str, author: str, model: str | None = None,
             note: str | None = None, score: int | None = None,
             channel: str | None = None, details: ReviewDetails | None = None) -> Version:
        """Save a new version; concurrent saves of one name each get the next number."""
        version, _ = self.save_if_changed(team, name, prompt, author, model=model, note=note,
                                          score=score, channel=channel, details=details,
                                          force=True)
        return version

    def save_if_changed(self, team: str, name: str, prompt: str, author: str,
                        model: str | None = None, note: str | None = None,
                        score: int | None = None, channel: str | None = None,
                        details: ReviewDetails | None = None,
                        force: bool = False) -> tuple[Version, bool]:
        """Save a new version unless its text and model equal the newest one's (then that
        newest version and False), decided under the prompt row's lock so two identical saves
        sent at once add one version, not two. `force` saves regardless."""
        team = checks.key(team, "team")
        display, key = checks.prompt_name(name), checks.name_key(name)
        text, who = clean_prompt(prompt), checks.key(author, "author")
        model_key = checks.key(model, "model", 64) if model else None
        why, scored = checks.note(note), checks.score(score)
        row = {"prompt": text, "author": who, "model": model_key, "note": why, "score": scored,
               "keeper": False}
        channel = checks.key(channel, "channel") if channel else None
        # What the critique found counts only beside a score (an unscored version is skipped).
        found = (self._details_columns(text, model_key, details)
                 if row["score"] is not None else details_columns(None))

        def tx(conn: Connection) -> Version:
            now = _now()
            p = t.prompts.c
            ins = self._insert(conn, t.prompts).values(
                team=team, name_key=key, name=display, channel=channel, last_version=0,
                created_at=now)
            conn.execute(ins.on_conflict_do_nothing(index_elements=["team", "name_key"]))
            # The UPDATE takes the row lock: the next writer waits here until we commit, then
            # reads our number. So no two saves share a number and none is skipped.
            bumped = conn.execute(
                update(t.prompts).where(p.team == team, p.name_key == key)
                .values(last_version=p.last_version + 1,
                        channel=func.coalesce(p.channel, channel))
                .returning(p.id, p.name, p.channel, p.last_version)).one()
            if not force and bumped.last_version > 1:
                newest = self._version_row(conn, bumped, bumped.last_version - 1)
                if newest.prompt == text and newest.model == model_key:
                    raise _SameAsNewest(self._version(team, bumped, newest))
            conn.execute(t.prompt_versions.insert().values(
                prompt_id=bumped.id, version=bumped.last_version, created_at=now, **row,
                **found))
            return Version(team=team, name=bumped.name, version=bumped.last_version,
                           channel=bumped.channel, created_at=to_datetime(now), prompt=text,
                           author=who, model=model_key, note=why, score=scored, keeper=False)
        try:
            return self._write(tx, attempts=20), True
        except _SameAsNewest as same:  # the transaction rolled back: nothing was bumped
            return same.version, False

    def list_names(self, team: str, channel: str | None = None) -> list[PromptInfo]:
        p, v = t.prompts.c, t.prompt_versions.c
        stmt = select(t.prompts).where(p.team == team)
        if channel is not None:
            stmt = stmt.where(p.channel == channel)

        def read(conn: Connection) -> list[PromptInfo]:
            prompts = conn.execute(stmt.order_by(p.name_key)).all()
            if not prompts:
                return []
            ids = [x.id for x in prompts]
            newest = (select(v.prompt_id, func.max(v.version).label("version"))
                      .where(v.prompt_id.in_(ids)).group_by(v.prompt_id).subquery())
            latest = {r.prompt_id: r for r in conn.execute(
                select(v.prompt_id, v.version, v.score, v.created_at).join(
                    newest, (newest.c.prompt_id == v.prompt_id)
                    & (newest.c.version == v.version)))}
            keepers: dict[int, list[int]] = {}
            for r in conn.execute(select(v.prompt_id, v.version)
                                  .where(v.prompt_id.in_(ids), v.keeper.is_(True))
                                  .order_by(v.version)):
                keepers.setdefault(r.prompt_id, []).append(r.version)
            return [PromptInfo(name=x.name, channel=x.channel, latest=latest[x.id].version,
                               updated_at=to_datetime(latest[x.id].created_at),
                               latest_score=latest[x.id].score, keepers=keepers.get(x.id, []))
                    for x in prompts if x.id in latest]
        return self._read(read)

    def history(self, team: str, name: str) -> list[Version]:
        def read(conn: Connection) -> list[Version]:
            prompt = self._prompt_row(conn, team, name)
            v = t.prompt_versions.c
            rows = conn.execute(select(t.prompt_versions).where(v.prompt_id == prompt.id)
                                .order_by(v.version)).all()
            return [self._version(team, prompt, r) for r in rows]
        return self._read(read)

    def get(self, team: str, name: str, version: int | None = None) -> Version:
        """One version; the newest when `version` is None."""
        def read(conn: Connection) -> Version:
            prompt = self._prompt_row(conn, team, name)
            return self._version(team, prompt, self._version_row(conn, prompt, version))
        return self._read(read)

    def diff(self, team: str, name: str, a: int, b: int,
             analyze: diffing.Analyzer | None = None) -> PromptDiff:
        """Word-level and component-level differences from version `a` to version `b`."""
        va, vb = self.get(team, name, a), self.get(team, name, b)
        words, marked = diffing.word_changes(va.prompt, vb.prompt)
        checked = True
        try:
            if analyze is None:
                from bot.core.critique.analysis import analyze  # lazy: the analyser is heavier
            assert analyze is not None
            components = diffing.component_changes(va.prompt, vb.prompt, analyze)
        except Exception:  # noqa: BLE001 - the word diff is still worth showing
            log.warning("component diff failed", exc_info=True)
            components, checked = [], False
        return PromptDiff(name=va.name, a=va, b=vb, words=words, word_diff=marked,
                          components=components, components_checked=checked,
                          summary=diffing.summarize(words, components if checked else None))

    def restore(self, team: str, name: str, version: int, author: str) -> Version:
        """A new version with the text of an old one (history is never rewritten)."""
        old = self.get(team, name, version)
        return self.save(team, old.name, old.prompt, author, model=old.model,
                         note=f"restored from v{old.version}", score=old.score,
                         channel=old.channel)

    def delete(self, team: str, name: str, confirm: bool) -> int:
        """Delete a prompt and all its versions; returns how many versions went."""
        def tx(conn: Connection) -> int:
            prompt = self._prompt_row(conn, team, name, lock=True)
            if confirm is not True:
                raise InputError(f"Deleting {prompt.name!r} removes all {prompt.last_version} "
                                 "versions; confirm to delete (--yes).")
            v = t.prompt_versions.c
            n = conn.execute(select(func.count()).where(v.prompt_id == prompt.id)).scalar_one()
            conn.execute(delete(t.prompt_versions).where(v.prompt_id == prompt.id))
            conn.execute(delete(t.prompts).where(t.prompts.c.id == prompt.id))
            return n
        return self._write(tx)

    def keep(self, team: str, name: str, version: int, link_or_note: str | None) -> Version:
        """Mark the version that worked, with a link to or note about its output."""
        text = checks.note(link_or_note, "keeper note")

        def tx(conn: Connection) -> Version:
            prompt = self._prompt_row(conn, team, name)
            row = self._version_row(conn, prompt, version)
            conn.execute(update(t.prompt_versions).where(t.prompt_versions.c.id == row.id)
                         .values(keeper=True, keeper_note=text))
            return self._version(team, prompt, row).model_copy(
                update={"keeper": True, "keeper_note": text})
        return self._write(tx)

    def export(self, team: str, fmt: str = "json") -> str:
        fmt = library_io.check_format(fmt)
        prompts = []
        for info in self.list_names(team):
            versions = self.history(team, info.name)
            prompts.append(library_io.ExportedPrompt(
                name=info.name, channel=info.channel,
                versions=[library_io.ExportedVersion(**v.model_dump(
                    include={"version", "prompt", "author", "model", "note", "score",
                             "created_at", "keeper", "keeper_note"})) for v in versions]))
        lib = library_io.Library(team=team, exported_at=to_datetime(_now()), prompts=prompts)
        return library_io.dump(lib, fmt)

    def import_(self, team: str, data: str | bytes | dict[str, Any], fmt: str = "json") -> ImportReport:
        """Add an exported library to `team`, all or nothing. Versions are appended in order
        (numbers stay 1..n on an empty library); ones already present are skipped."""
        team = checks.key(team, "team")
        lib = library_io.load(data, fmt)
        for ep in lib.prompts:  # validate everything before writing anything
            checks.prompt_name(ep.name)
            for ev in sorted(ep.versions, key=lambda x: x.version):
                ev.prompt = clean_prompt(ev.prompt)
                ev.author = checks.key(ev.author, "author")
                ev.note = checks.note(ev.note)
                ev.keeper_note = checks.note(ev.keeper_note, "keeper note")

        def tx(conn: Connection) -> ImportReport:
            report = ImportReport()
            p, v = t.prompts.c, t.prompt_versions.c
            for ep in lib.prompts:
                if not ep.versions:
                    continue
                key = checks.name_key(ep.name)
                conn.execute(self._insert(conn, t.prompts).values(
                    team=team, name_key=key, name=checks.prompt_name(ep.name),
                    channel=ep.channel, last_version=0, created_at=_now(),
                ).on_conflict_do_nothing(index_elements=["team", "name_key"]))
                prompt = self._prompt_row(conn, team, ep.name, lock=True)
                seen = {(r.prompt, r.author, round(r.created_at, 6)) for r in conn.execute(
                    select(v.prompt, v.author, v.created_at).where(v.prompt_id == prompt.id))}
                number = prompt.last_version
                for ev in sorted(ep.versions, key=lambda x: x.version):
                    ts = round(ev.created_at.timestamp(), 6)
                    if (ev.prompt, ev.author, ts) in seen:
                        report.versions_skipped += 1
                        continue
                    number += 1
                    seen.add((ev.prompt, ev.author, ts))
                    conn.execute(t.prompt_versions.insert().values(
                        prompt_id=prompt.id, version=number, prompt=ev.prompt, author=ev.author,
                        model=ev.model, note=ev.note, score=ev.score, created_at=ts,
                        keeper=ev.keeper, keeper_note=ev.keeper_note))
                    report.versions_added += 1
                conn.execute(update(t.prompts).where(p.id == prompt.id)
                             .values(last_version=number))
                report.names += 1
            return report
        return self._write(tx)
