"""The chat commands around insights, worded once for every front: `digest weekly|off` (a
channel's weekly digest) and `privacy exclude-me|include-me` (a person's opt-out).

Who may run `digest` is each front's check (Slack: workspace admins or the channel's creator;
Discord: Manage Channels); what the words mean and what is stored is decided here.
"""

from __future__ import annotations

from bot.core.insights.digest import WEEKDAYS, parse_weekday, subscribe, unsubscribe
from bot.core.insights.digest import set_optout as store_optout
from bot.core.storage import Store
from bot.core.validation import InputError

DIGEST_USAGE = "digest weekly [DAY] [HOUR] | digest off"
PRIVACY_USAGE = "privacy exclude-me | privacy include-me"
DEFAULT_WEEKDAY, DEFAULT_HOUR = 0, 9


def parse_digest(words: list[str]) -> tuple[bool, int, int]:
    """`weekly [DAY] [HOUR]` -> (True, weekday, hour); `off` -> (False, 0, 0). DAY is a weekday
    name (monday, mon); HOUR is 0-23, optionally `9h` or `09:00`."""
    lowered = [w.casefold() for w in words]
    if lowered == ["off"]:
        return False, 0, 0
    if not lowered or lowered[0] != "weekly" or len(lowered) > 3:
        raise InputError(f"Usage: {DIGEST_USAGE} (e.g. `digest weekly monday 9`).")
    weekday, hour = DEFAULT_WEEKDAY, DEFAULT_HOUR
    for word in lowered[1:]:
        digits = word.removesuffix("h").split(":")[0]
        if digits.isdigit():
            hour = int(digits)
            if not 0 <= hour <= 23:
                raise InputError(f"The hour must be 0-23, not {word}.")
        else:
            weekday = parse_weekday(word)
    return True, weekday, hour


def digest_command(store: Store, platform: str, scope: str, channel: str, user: str,
                   words: list[str], tz: str = "UTC") -> str:
    """Switch the channel's weekly digest; the reply says when it will come, in `tz`."""
    on, weekday, hour = parse_digest(words)
    if not on:
        if unsubscribe(store, platform, scope, channel):
            return "Done: no more weekly insights digest in this channel."
        return "This channel had no weekly digest; nothing changed."
    subscribe(store, platform, scope, channel, weekday=weekday, hour=hour, tz=tz, user=user)
    return (f"Done: this channel gets a weekly insights digest every "
            f"{WEEKDAYS[weekday].capitalize()} at {hour:02d}:00 ({tz}): scores and counts, and "
            "at most two of the week's best prompts posted here. `digest off` stops it.")


def privacy_command(store: Store, platform: str, scope: str, user: str,
                    words: list[str]) -> str:
    """A person's own opt-out from the team's numbers; anyone may run it, for themselves."""
    choice = " ".join(w.casefold() for w in words)
    if choice not in ("exclude-me", "include-me"):
        raise InputError(f"Usage: {PRIVACY_USAGE}.")
    excluded = choice == "exclude-me"
    store_optout(store, platform, scope, user, excluded)
    if excluded:
        return ("Done: your reviews, votes and saved versions no longer count in this team's "
                "insights or digests, and no digest quotes your prompts. `privacy include-me` "
                "undoes it.")
    return "Done: your reviews count in this team's insights again."
