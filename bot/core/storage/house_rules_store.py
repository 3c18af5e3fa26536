"""House rules in the database: per Slack workspace / Discord guild (`channel=None`) and per
channel, each change versioned like prompts (who, when, and a diff against the version before).

A mixin of `Store` so the prompt-library code stays as it was; it uses the Store's plumbing
(`_read`, `_write`, `_insert`). Rules are validated (`bot.core.house_rules.parse_rules`) before
anything is written, so a stored text always parses.
"""

from __future__ import annotations

import difflib
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Literal, TypeVar

from pydantic import BaseModel
from sqlalchemy import Connection, delete, select
from sqlalchemy.exc import IntegrityError

from bot.core.storage import checks
from bot.core.storage import tables as t
from bot.core.storage.records import to_datetime
from bot.core.validation import InputError

if TYPE_CHECKING:
    from bot.core.house_rules import HouseRules

T = TypeVar("T")


class StoredRules(BaseModel):
    """The rules a scope has now."""

    platform: str
    scope: str
    channel: str | None
    toml: str
    version: int
    updated_by: str
    updated_at: datetime

    def parsed(self) -> HouseRules:
        from bot.core.house_rules import parse_rules

        return parse_rules(self.toml)


class RulesChange(BaseModel):
    """One change in a scope's history: `set` or `reset`, by whom, when, and the diff."""

    version: int
    action: Literal["set", "reset"]
    toml: str
    """The rules text after the change ("" after a reset)."""
    author: str
    created_at: datetime
    diff: str
    """Unified diff from the previous version's text to this one's."""


def _channel_key(channel: str | None) -> str:
    return checks.key(channel, "channel") if channel else ""


def _diff(before: str, after: str, a: int, b: int) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"v{a}", tofile=f"v{b}")
    return "".join(x if x.endswith("\n") else x + "\n" for x in lines)


class HouseRulesStoreMixin:
    """Store methods for house rules (mixed into `Store`)."""

    if TYPE_CHECKING:
        # The Store's plumbing this mixin uses (defined in bot.core.storage.store.Store).
        def _read(self, fn: Callable[[Connection], T]) -> T: ...

        def _write(self, fn: Callable[[Connection], T], attempts: int = 8) -> T: ...

    def get_house_rules(self, platform: str, scope: str,
                        channel: str | None = None) -> StoredRules | None:
        """The rules stored for a workspace/guild (`channel=None`) or one channel, or None."""
        c = t.house_rules.c
        stmt = select(t.house_rules).where(c.platform == platform, c.scope == scope,
                                           c.channel == _channel_key(channel))
        row = self._read(lambda conn: conn.execute(stmt).first())
        if row is None:
            return None
        return StoredRules(platform=row.platform, scope=row.scope, channel=row.channel or None,
                           toml=row.toml, version=row.version, updated_by=row.updated_by,
                           updated_at=to_datetime(row.updated_at))

    def set_house_rules(self, platform: str, scope: str, channel: str | None, toml: str,
                        author: str) -> RulesChange:
        """Validate and store rules TOML; raises RulesError (key and line) before writing."""
        from bot.core.house_rules import parse_rules

        if not isinstance(toml, str):
            raise InputError("The rules must be TOML text.")
        parse_rules(toml)
        return self._change_rules(platform, scope, channel, toml, author, "set")

    def reset_house_rules(self, platform: str, scope: str, channel: str | None,
                          author: str) -> RulesChange | None:
        """Remove a scope's rules (the layer below applies again); None if it had none."""
        if self.get_house_rules(platform, scope, channel) is None:
            return None
        return self._change_rules(platform, scope, channel, "", author, "reset")

    def house_rules_history(self, platform: str, scope: str,
                            channel: str | None = None) -> list[RulesChange]:
        """Every change to a scope's rules, oldest first, each with its diff."""
        v = t.house_rules_versions.c
        stmt = (select(t.house_rules_versions)
                .where(v.platform == platform, v.scope == scope, v.channel == _channel_key(channel))
                .order_by(v.version))
        rows = self._read(lambda conn: conn.execute(stmt).all())
        out: list[RulesChange] = []
        before, before_version = "", 0
        for r in rows:
            out.append(RulesChange(version=r.version, action=r.action, toml=r.toml,
                                   author=r.author, created_at=to_datetime(r.created_at),
                                   diff=_diff(before, r.toml, before_version, r.version)))
            before, before_version = r.toml, r.version
        return out

    def _change_rules(self, platform: str, scope: str, channel: str | None, toml: str,
                      author: str, action: Literal["set", "reset"]) -> RulesChange:
        platform = checks.key(platform, "platform", 32)
        scope = checks.key(scope, "scope")
        channel_key = _channel_key(channel)
        author = checks.key(author, "author")

        def tx(conn: Connection) -> RulesChange:
            now = round(time.time(), 6)
            v = t.house_rules_versions.c
            where = (v.platform == platform, v.scope == scope, v.channel == channel_key)
            last = conn.execute(select(v.version, v.toml).where(*where)
                                .order_by(v.version.desc()).limit(1)
                                .with_for_update()).first()
            number = (last.version if last else 0) + 1
            # Concurrent changes of one scope: the unique (scope, version) makes the loser
            # roll back, and it is tried again below with the next number.
            conn.execute(t.house_rules_versions.insert().values(
                platform=platform, scope=scope, channel=channel_key, version=number,
                action=action, toml=toml, author=author, created_at=now))
            h = t.house_rules.c
            conn.execute(delete(t.house_rules).where(
                h.platform == platform, h.scope == scope, h.channel == channel_key))
            if action == "set":
                conn.execute(t.house_rules.insert().values(
                    platform=platform, scope=scope, channel=channel_key, toml=toml,
                    version=number, updated_by=author, updated_at=now))
            before = last.toml if last else ""
            return RulesChange(version=number, action=action, toml=toml, author=author,
                               created_at=to_datetime(now),
                               diff=_diff(before, toml, number - 1, number))
        for attempt in range(5):
            try:
                return self._write(tx, attempts=20)
            except IntegrityError:
                # Two first changes of one scope raced for version 1: take the next number.
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")
