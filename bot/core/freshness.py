"""Which model profiles are due a re-check: vendors ship new versions every few months, so a
profile's limits and syntax go stale. Each profile says when it was last checked
(`last_checked`); `framecraft models --stale DAYS` lists those older than that.

In the core because the terminal and the chat fronts all answer `models --stale`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from bot.core import cached_re as re
from bot.core.knowledge import ModelProfile
from bot.core.validation import InputError

MAX_STALE_DAYS = 36500
"""A hundred years: anything larger is a typo, not a policy."""


def parse_stale_days(text: str) -> int:
    """The `--stale` value as whole days. Raises InputError with the accepted form."""
    value = text.strip()
    if not re.fullmatch(r"\d{1,6}", value) or int(value) > MAX_STALE_DAYS:
        raise InputError(f"--stale takes a whole number of days from 0 to {MAX_STALE_DAYS} "
                         f"(e.g. --stale 180); got {text!r}")
    return int(value)


def days_since_check(profile: ModelProfile, today: date) -> int | None:
    """Days since the profile was last checked; None when it never says."""
    return None if profile.last_checked is None else (today - profile.last_checked).days


def stale_profiles(profiles: Iterable[ModelProfile], days: int,
                   today: date | None = None) -> list[ModelProfile]:
    """Profiles not checked in more than `days` days, oldest first; a profile with no
    `last_checked` date counts as never checked and comes first."""
    today = today or date.today()
    cutoff = today - timedelta(days=days)
    stale = [p for p in profiles if p.last_checked is None or p.last_checked < cutoff]
    return sorted(stale, key=lambda p: (p.last_checked is not None, p.last_checked or today,
                                        p.id))
