"""Workspaces and servers that leave, and people who ask to be forgotten: the decisions every
front shares.

- `RetentionJob` deletes the data of every Slack workspace / Discord guild whose retention
  (FRAMECRAFT_RETENTION_DAYS after it left) is over. Every replica runs the job; the `purge`
  lease in the database lets one of them do the work per interval (as DigestScheduler's lease
  does for digests).
- `forget_workspace` and `forget_me` are the chat commands' two steps: without `confirm` they
  say what would be deleted (with counts) and how to confirm; with it they delete.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.core.storage.tenants_store import LeftTenant, TenantCounts, UserCounts

if TYPE_CHECKING:
    from bot.core.storage import Store

log = logging.getLogger(__name__)

LEASE = "purge"
CHECK_EVERY_S = 3600.0
"""How often each replica asks for the purge lease (the purge itself is quick)."""
LEASE_S = 600.0
"""How long a replica may hold the lease (a crashed holder's is taken over after this)."""


class RetentionJob:
    """Deletes departed tenants' data once their retention is over, on one replica at a time.
    `run_once` is the unit (tests call it with a moved clock); `start` runs it every
    `every_s` seconds in a background thread until `shutdown`."""

    def __init__(self, store: Store | Callable[[], Store], *, every_s: float = CHECK_EVERY_S,
                 clock: Callable[[], float] = time.time,
                 present: Callable[[], list[tuple[str, str]]] | None = None):
        self._store = store
        self.present = present
        """(platform, scope) of the tenants this process serves right now (the single-token
        workspace, the guilds the gateway bot is in): one that came back while no event
        could say so (reinstalled with a new token, re-added while the bot was offline) is
        never purged."""
        self.every_s = every_s
        self.clock = clock
        self.owner = uuid.uuid4().hex[:16]
        self._scheduler: Any = None
        self._lock = threading.Lock()

    def _current_store(self) -> Store:
        from bot.core.storage import Store

        return self._store if isinstance(self._store, Store) else self._store()

    def run_once(self, now: float | None = None) -> list[tuple[LeftTenant, TenantCounts]] | None:
        """One purge if this replica wins the lease (None when another holds it, or one ran
        within the interval). Never raises: a database hiccup waits for the next check."""
        now = self.clock() if now is None else now
        try:
            store = self._current_store()
            for platform, scope in (self.present() if self.present else []):
                if store.came_back(platform, scope):
                    log.info("a %s tenant that had left is served again: its data is kept",
                             platform)
            if not store.acquire_lease(LEASE, self.owner, LEASE_S, now=now,
                                       min_interval_s=self.every_s * 0.9):
                return None
            try:
                done = store.purge_due(now=now)
            finally:
                store.release_lease(LEASE, self.owner, now=now)
        except Exception:  # noqa: BLE001 - retried at the next check
            log.warning("retention purge failed", exc_info=True)
            return None
        for tenant, counts in done:
            log.info("deleted the data of a %s tenant that left %s ago (%d rows)",
                     tenant.platform, _ago(now - tenant.left_at), counts.total)
        return done

    def start(self) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler
        from apscheduler.triggers.interval import IntervalTrigger

        with self._lock:
            if self._scheduler is not None:
                return
            scheduler = BackgroundScheduler(timezone=UTC)
            scheduler.add_job(self.run_once, IntervalTrigger(seconds=self.every_s, timezone=UTC),
                              id="framecraft-retention", next_run_time=datetime.now(UTC),
                              coalesce=True, max_instances=1, misfire_grace_time=None)
            scheduler.start()
            self._scheduler = scheduler

    def shutdown(self, wait: bool = True) -> None:
        with self._lock:
            if self._scheduler is not None:
                self._scheduler.shutdown(wait=wait)
                self._scheduler = None


def _ago(seconds: float) -> str:
    days = seconds / 86400
    return f"{days:.0f} days" if days >= 1 else f"{seconds / 3600:.1f} hours"


# ---- the chat commands' wording (shared by Slack and Discord) -----------------------------------
def workspace_summary(counts: TenantCounts) -> str:
    """What forgetting a workspace removes, in one line of counts."""
    parts = [(counts.prompts, "saved prompt"), (counts.versions, "version"),
             (counts.reviews, "review"), (counts.feedback, "feedback vote"),
             (counts.settings, "setting"), (counts.house_rules, "house-rules entry"),
             (counts.digests, "digest entry"), (counts.review_posts, "review-channel reply link"),
             (counts.optouts, "privacy choice")]
    return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in parts)


def forget_workspace(store: Store, platform: str, scope: str, confirm: bool,
                     confirm_hint: str, what: str = "workspace") -> str:
    """The `forget-workspace` answer: the count and how to confirm, or what was deleted.
    (Who may run it is the front's check: admins only.)"""
    if not confirm:
        counts = store.tenant_counts(platform, scope, installation=False)
        return (f"This deletes everything Framecraft keeps for this {what}, at once and for "
                f"good: {workspace_summary(counts)}. The app stays installed. To confirm, "
                f"{confirm_hint}.")
    counts = store.forget_tenant(platform, scope, installation=False)
    return f"Done: Framecraft deleted this {what}'s data ({workspace_summary(counts)})."


def forget_me(store: Store, platform: str, scope: str | None, user: str, confirm: bool,
              confirm_hint: str) -> str:
    """The `forget-me` answer: the count and how to confirm, or what was removed."""
    if not confirm:
        counts: UserCounts = store.user_counts(user, platform, scope)
        if counts.total == 0:
            return "Framecraft keeps no saved prompts, reviews or feedback of yours here."
        return (f"This removes {counts.summary()}. To confirm, {confirm_hint}.")
    done = store.forget_user(user, platform, scope)
    return f"Done: removed {done.summary()}."
