"""Workspaces that leave, and people who ask to be forgotten.

A mixin of `Store` (like the house rules'): it uses the Store's plumbing (`_read`, `_write`,
`_insert`). A tenant is a Slack workspace or a Discord guild, `(platform, scope)`; every row
Framecraft keeps names one, either as its `scope` (a channel's settings use `scope:channel`) or,
for the prompt libraries, as `team` (which carries no platform: Slack team ids, Discord guild
ids and the terminal's `local` never collide).

- `mark_left` records that a tenant left (Slack `app_uninstalled` / `tokens_revoked`, Discord
  `on_guild_remove`); `purge_due` deletes the data of every tenant whose retention is over, on
  the one replica that holds the `purge` lease (`acquire_lease`).
- `forget_tenant` deletes a tenant's data at once (an admin's `forget-workspace`).
- `forget_user` removes one person's saved prompts, reviews and feedback; in a prompt others
  also saved versions of, their versions stay with the author shown as `removed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    delete,
    exists,
    func,
    or_,
    select,
    update,
)

from bot.core.storage import checks
from bot.core.storage import tables as t
from bot.core.storage.records import now_seconds

T = TypeVar("T")

REMOVED_AUTHOR = "removed"
"""The author shown on a version whose author asked to be forgotten."""
DAY_S = 86400.0


class TenantCounts(BaseModel):
    """What a tenant's deletion removes (or removed), table by table."""

    settings: int = 0
    reviews: int = 0
    feedback: int = 0
    prompts: int = 0
    versions: int = 0
    house_rules: int = 0
    review_posts: int = 0
    digests: int = 0
    optouts: int = 0
    installations: int = 0

    @property
    def total(self) -> int:
        return sum(self.model_dump().values())


class UserCounts(BaseModel):
    """What forgetting one person removes: prompts only they saved (with their versions),
    their versions in prompts others also saved (kept, author shown as removed), their reviews
    and their feedback votes."""

    prompts: int = 0
    versions: int = 0
    anonymised: int = 0
    reviews: int = 0
    feedback: int = 0

    @property
    def total(self) -> int:
        return self.prompts + self.versions + self.anonymised + self.reviews + self.feedback

    def summary(self) -> str:
        """One sentence for the confirm step and the answer."""
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"
        parts = [f"{n(self.prompts, 'saved prompt')} ({n(self.versions, 'version')})",
                 n(self.reviews, "review"), n(self.feedback, "feedback vote")]
        text = ", ".join(parts)
        if self.anonymised:
            text += (f"; {n(self.anonymised, 'version')} in prompts others also saved stay, "
                     f"with the author shown as {REMOVED_AUTHOR}")
        return text


class LeftTenant(BaseModel):
    platform: str
    scope: str
    left_at: float
    purge_after: float
    reason: str


def _in_tenant(scope_col: ColumnElement[str], scope: str) -> ColumnElement[bool]:
    """The tenant's own rows (`scope`) and its channels' rows (`scope:channel`)."""
    return or_(scope_col == scope, scope_col.startswith(f"{scope}:", autoescape=True))


class TenantStoreMixin:
    """Tenant lifecycle and erasure for `Store`."""

    if TYPE_CHECKING:
        # The Store's plumbing this mixin uses (defined in bot.core.storage.store.Store).
        def _read(self, fn: Callable[[Connection], T]) -> T: ...

        def _write(self, fn: Callable[[Connection], T], attempts: int = 8) -> T: ...

        @staticmethod
        def _insert(conn: Connection, table: Table) -> Any: ...

    # ---- leaving and coming back ------------------------------------------------------------
    def mark_left(self, platform: str, scope: str, reason: str, retention_days: float,
                  now: float | None = None) -> LeftTenant:
        """Record that a workspace or guild left: its data goes after `retention_days`. Leaving
        again does not push the date back (the first departure counts)."""
        now = now_seconds() if now is None else now
        row = {"platform": checks.key(platform, "platform", 32), "scope": checks.key(scope, "scope"),
               "left_at": now, "purge_after": now + max(0.0, float(retention_days)) * DAY_S,
               "reason": checks.key(reason, "reason", 64)}

        def tx(conn: Connection) -> LeftTenant:
            ins = self._insert(conn, t.tenants).values(**row)
            conn.execute(ins.on_conflict_do_nothing(index_elements=["platform", "scope"]))
            got = conn.execute(select(t.tenants).where(
                t.tenants.c.platform == row["platform"], t.tenants.c.scope == row["scope"])).one()
            return LeftTenant.model_validate(got._mapping)
        return self._write(tx)

    def came_back(self, platform: str, scope: str) -> bool:
        """A tenant installed again before its purge: its data is kept. True if it had left."""
        def tx(conn: Connection) -> bool:
            c = t.tenants.c
            gone = conn.execute(delete(t.tenants).where(c.platform == platform, c.scope == scope))
            return bool(gone.rowcount)
        return self._write(tx)

    def left_tenants(self) -> list[LeftTenant]:
        def read(conn: Connection) -> list[LeftTenant]:
            rows = conn.execute(select(t.tenants).order_by(t.tenants.c.purge_after)).all()
            return [LeftTenant.model_validate(r._mapping) for r in rows]
        return self._read(read)

    # ---- one replica at a time ----------------------------------------------------------------
    def acquire_lease(self, name: str, owner: str, lease_s: float, now: float | None = None,
                      min_interval_s: float = 0.0) -> bool:
        """Take the named lease for `lease_s` seconds: True for one caller across replicas (the
        holder itself may renew). Refused while another holds it, and within `min_interval_s`
        of its last finished run."""
        now = now_seconds() if now is None else now
        name = checks.key(name, "lease", 64)

        def tx(conn: Connection) -> bool:
            c = t.leases.c
            ins = self._insert(conn, t.leases).values(
                name=name, owner=owner, lease_until=now + lease_s, last_run=None)
            won = conn.execute(ins.on_conflict_do_nothing(index_elements=["name"])
                               .returning(c.name)).first()
            if won is not None:
                return True
            # A conditional UPDATE: of two replicas taking over one expired lease, one matches.
            free = or_(c.lease_until < now, c.owner == owner)
            rested = or_(c.last_run.is_(None), c.last_run <= now - min_interval_s)
            took = conn.execute(update(t.leases).where(c.name == name, free, rested)
                                .values(owner=owner, lease_until=now + lease_s)
                                .returning(c.name)).first()
            return took is not None
        return self._write(tx)

    def release_lease(self, name: str, owner: str, now: float | None = None) -> None:
        """Give the lease back after a run, noting when it finished."""
        now = now_seconds() if now is None else now

        def tx(conn: Connection) -> None:
            c = t.leases.c
            conn.execute(update(t.leases).where(c.name == name, c.owner == owner)
                         .values(lease_until=0.0, last_run=now))
        self._write(tx)

    # ---- deleting a tenant's data -------------------------------------------------------------
    def tenant_counts(self, platform: str, scope: str,
                      installation: bool = True) -> TenantCounts:
        """What `forget_tenant` would delete now (the confirm step shows it)."""
        return self._read(lambda conn: _tenant_work(conn, platform, scope, delete_rows=False,
                                                    installation=installation))

    def forget_tenant(self, platform: str, scope: str, installation: bool = True) -> TenantCounts:
        """Delete everything kept for one workspace or guild, in one transaction: settings,
        reviews and their feedback, prompt libraries, house rules, review posts, digests,
        opt-outs and (Slack, unless `installation` is False: an admin's forget-workspace keeps
        the app installed) its installation. Its `left` mark goes too."""
        checks.key(platform, "platform", 32)
        checks.key(scope, "scope")
        return self._write(lambda conn: _tenant_work(conn, platform, scope, delete_rows=True,
                                                     installation=installation))

    def purge_due(self, now: float | None = None) -> list[tuple[LeftTenant, TenantCounts]]:
        """Delete the data of every tenant whose retention has run out. Call it while holding
        the `purge` lease (bot.core.tenants.RetentionJob does)."""
        now = now_seconds() if now is None else now
        c = t.tenants.c

        def due(conn: Connection) -> list[LeftTenant]:
            rows = conn.execute(select(t.tenants).where(c.purge_after <= now)).all()
            return [LeftTenant.model_validate(r._mapping) for r in rows]
        done = []
        for tenant in self._read(due):
            done.append((tenant, self.forget_tenant(tenant.platform, tenant.scope)))
        return done

    # ---- forgetting a person --------------------------------------------------------------------
    def user_counts(self, user: str, platform: str | None = None,
                    scope: str | None = None) -> UserCounts:
        """What `forget_user` would remove now (the confirm step shows it)."""
        return self._read(lambda conn: _user_work(conn, user, platform, scope, apply=False))

    def forget_user(self, user: str, platform: str | None = None,
                    scope: str | None = None) -> UserCounts:
        """Remove one person's saved prompts, reviews and feedback, in one transaction; within
        one tenant (`platform`, `scope`) when given, else everywhere. Prompts only they saved
        are deleted; their versions in prompts others also saved stay, with the author shown
        as `removed` and their note cleared, so the others' history still reads in order."""
        checks.key(user, "user")
        return self._write(lambda conn: _user_work(conn, user, platform, scope, apply=True))


def _count_or_delete(conn: Connection, table: Table, where: ColumnElement[bool],
                     delete_rows: bool) -> int:
    if delete_rows:
        return int(conn.execute(delete(table).where(where)).rowcount or 0)
    return int(conn.execute(select(func.count()).select_from(table).where(where)).scalar_one())


def _tenant_work(conn: Connection, platform: str, scope: str, *,
                 delete_rows: bool, installation: bool = True) -> TenantCounts:
    counts = TenantCounts()
    p = t.prompts.c
    prompt_ids = select(p.id).where(p.team == scope).scalar_subquery()
    version_rows = t.prompt_versions.c.prompt_id.in_(prompt_ids)
    counts.versions = _count_or_delete(conn, t.prompt_versions, version_rows, delete_rows)
    counts.prompts = _count_or_delete(conn, t.prompts, p.team == scope, delete_rows)

    def scoped(table: Table) -> ColumnElement[bool]:
        return and_(table.c.platform == platform, _in_tenant(table.c.scope, scope))
    counts.settings = _count_or_delete(conn, t.settings, scoped(t.settings), delete_rows)
    counts.feedback = _count_or_delete(conn, t.feedback, scoped(t.feedback), delete_rows)
    counts.reviews = _count_or_delete(conn, t.reviews, scoped(t.reviews), delete_rows)
    counts.review_posts = _count_or_delete(conn, t.review_posts, scoped(t.review_posts),
                                           delete_rows)
    counts.house_rules = (
        _count_or_delete(conn, t.house_rules_versions, scoped(t.house_rules_versions),
                         delete_rows)
        + _count_or_delete(conn, t.house_rules, scoped(t.house_rules), delete_rows))
    counts.digests = (
        _count_or_delete(conn, t.digest_runs, scoped(t.digest_runs), delete_rows)
        + _count_or_delete(conn, t.digest_subscriptions, scoped(t.digest_subscriptions),
                           delete_rows))
    counts.optouts = _count_or_delete(conn, t.insight_optouts, scoped(t.insight_optouts),
                                      delete_rows)
    if platform == "slack" and installation:
        for table in (t.slack_installations, t.slack_bots):
            n = _count_or_delete(conn, table, or_(table.c.team_id == scope,
                                                  table.c.enterprise_id == scope), delete_rows)
            if table is t.slack_bots:
                counts.installations = max(counts.installations, n)
            else:
                counts.installations = n
    if delete_rows:
        r = t.rate_keys.c
        conn.execute(delete(t.rate_events).where(t.rate_events.c.key.in_(
            select(r.key).where(r.key.startswith(f"{platform}:{scope}:", autoescape=True)))))
        conn.execute(delete(t.rate_keys).where(r.key.startswith(f"{platform}:{scope}:",
                                                                autoescape=True)))
        conn.execute(delete(t.tenants).where(t.tenants.c.platform == platform,
                                             t.tenants.c.scope == scope))
    return counts


def _user_work(conn: Connection, user: str, platform: str | None, scope: str | None, *,
               apply: bool) -> UserCounts:
    counts = UserCounts()
    p, v = t.prompts.c, t.prompt_versions.c
    team_ok: ColumnElement[bool] = p.team == scope if scope is not None else p.id.is_not(None)
    theirs = and_(v.author == user, v.prompt_id.in_(select(p.id).where(team_ok)))
    others = select(t.prompt_versions.c.id).where(
        v.prompt_id == t.prompts.c.id, v.author != user).exists()
    # Prompts where every version is theirs: deleted whole.
    solo_ids = [r[0] for r in conn.execute(
        select(p.id).where(team_ok, ~others,
                           exists().where(v.prompt_id == p.id, v.author == user)))]
    solo = v.prompt_id.in_(solo_ids)
    counts.prompts = len(solo_ids)
    counts.versions = _count_or_delete(conn, t.prompt_versions, and_(theirs, solo), apply)
    shared = and_(theirs, ~solo)
    if apply:
        counts.anonymised = int(conn.execute(update(t.prompt_versions).where(shared).values(
            author=REMOVED_AUTHOR, note=None)).rowcount or 0)
        if solo_ids:
            conn.execute(delete(t.prompts).where(p.id.in_(solo_ids)))
    else:
        counts.anonymised = int(conn.execute(
            select(func.count()).select_from(t.prompt_versions).where(shared)).scalar_one())

    def mine(table: Table) -> ColumnElement[bool]:
        cond = table.c.user_id == user
        if platform is not None:
            cond = and_(cond, table.c.platform == platform)
        if scope is not None:
            cond = and_(cond, _in_tenant(table.c.scope, scope))
        return cond
    counts.feedback = _count_or_delete(conn, t.feedback, mine(t.feedback), apply)
    if apply:  # their reviews' reply links go with the reviews
        rid = select(t.reviews.c.id).where(mine(t.reviews)).scalar_subquery()
        conn.execute(delete(t.review_posts).where(t.review_posts.c.review_id.in_(rid)))
        conn.execute(delete(t.feedback).where(t.feedback.c.review_id.in_(rid)))
    counts.reviews = _count_or_delete(conn, t.reviews, mine(t.reviews), apply)
    return counts
