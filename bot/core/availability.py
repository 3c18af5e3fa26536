"""What a front does when the database is unreachable, decided once for every front.

The offline features (critique, translate, compare, ethics, ask) need no database: when the
settings, the rate limits or the review log cannot be read, they answer with the default
settings and `DEGRADED_NOTICE`, and a process-local limiter stands in for the shared one.
Commands that live in the database (prompt versions, settings) raise `DatabaseUnavailable`,
an `InputError`, so each front's one error boundary shows `DATABASE_DOWN` like any message a
user can act on. Nothing is cached as "down": the next request tries the database again, so
the bot recovers by itself when it returns (the pool pings connections before use).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.core.validation import InputError

log = logging.getLogger(__name__)

DEGRADED_NOTICE = ("The team database is unreachable right now: this answer uses the default "
                   "settings and was not saved.")
DATABASE_DOWN = ("The team database is unreachable right now, so saved prompts and settings "
                 "can't be read or changed. Critique, translate, compare, ethics and ask still "
                 "work; try this again in a minute.")


class DatabaseUnavailable(InputError):
    """A command that needs the database ran while it is unreachable."""

    def __init__(self) -> None:
        super().__init__(DATABASE_DOWN)


def database_down(error: BaseException) -> bool:
    """Whether `error` means the database cannot be reached (as opposed to a bug or a
    constraint): connection refused or lost, or the store could not start."""
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

    from bot.core.storage.store import StoreError

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DatabaseUnavailable | StoreError | InterfaceError):
            return True
        if isinstance(current, OperationalError):
            text = str(current.orig or current).lower()
            return "locked" not in text  # SQLite contention is not an outage
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        if isinstance(current, ConnectionError):
            return True
        current = current.__cause__ or current.__context__
    return False


def user_error(error: Exception) -> InputError | None:
    """The message a front's error boundary shows for `error`, when the user should see one
    rather than the generic apology: an InputError as is, an outage as `DatabaseUnavailable`."""
    if isinstance(error, InputError):
        return error
    if database_down(error):
        log.warning("database unavailable (%s): a database command was refused",
                    type(error).__name__)
        return DatabaseUnavailable()
    return None


class LocalLimiter:
    """A sliding-window limiter in process memory: stands in for the shared one while the
    database is down, so an outage does not lift the rate limits."""

    def __init__(self) -> None:
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, limit: int, window_s: float) -> bool:
        now = time.monotonic()
        with self._lock:
            calls = self._calls.setdefault(key, deque())
            while calls and calls[0] <= now - window_s:
                calls.popleft()
            if len(calls) >= limit:
                return False
            calls.append(now)
            if len(self._calls) > 10_000:  # forget idle keys
                for k in [k for k, v in self._calls.items() if not v]:
                    del self._calls[k]
            return True


LOCAL_LIMITS = LocalLimiter()


@dataclass(frozen=True)
class Preflight:
    """What a front reads before running a command: whether the rate limit lets it run, the
    settings it needs (absent when unset or unreadable), and the notice to show when the
    database could not be read and the defaults were used."""

    allowed: bool
    settings: Mapping[str, str | None] = field(default_factory=dict)
    notice: str | None = None

    def setting(self, key: str) -> str | None:
        return self.settings.get(key) or None


def preflight(allow: Callable[[], bool], local_allow: Callable[[], bool],
              read_settings: Callable[[], Mapping[str, str | None]], what: str) -> Preflight:
    """Check the rate limit (`allow`, shared) and read the settings; when the database is
    down, use `local_allow` and no settings, with `DEGRADED_NOTICE`. Other errors propagate."""
    try:
        if not allow():
            return Preflight(allowed=False)
        return Preflight(allowed=True, settings=read_settings())
    except Exception as e:
        if not database_down(e):
            raise
        log.warning("database unavailable (%s): %s answered with default settings",
                    type(e).__name__, what)
        return Preflight(allowed=local_allow(), notice=DEGRADED_NOTICE)


def first_time(claim: Callable[[], bool], what: str) -> bool:
    """Whether a request is new (`claim` records it in the shared store and says whether it
    was the first). While the database is down every request counts as new: a replay then
    gets through rather than every request being dropped."""
    try:
        return claim()
    except Exception as e:
        if not database_down(e):
            raise
        log.warning("database unavailable (%s): %s not checked for replay",
                    type(e).__name__, what)
        return True
