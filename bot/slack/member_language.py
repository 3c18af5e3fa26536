"""The language of the bot's own words for a Slack member, from their Slack locale.

Discord sends the member's locale with every interaction; Slack does not, so the front asks
`users.info` with `include_locale=true` (scope `users:read`, already requested) and maps
`user.locale` ("ja-JP", "es-ES", "zh-CN") to a catalogue language with the core's
`language_for_locale` (bot.core.critique.messages), the same decision Discord's front uses.

The answer is kept per (workspace, member) in process, in a `cachetools.TLRUCache` (least
recently used, each entry with its own expiry): a found locale for `LANGUAGE_TTL_S`, a failed
lookup (missing scope, rate limit, network) for the shorter `FAILED_TTL_S` so that a passing
error does not pin a member to English for long. Per-process state is fine here (unlike
settings or dedupe): a replica that has not asked yet asks once, and every answer is the same.

The lookup runs in a listener's lazy part (after the ack), with the workspace's own token: the
request's client where there is one (Bolt authorised it), else `client_for(team)` (its OAuth
token from the installation store, or SLACK_BOT_TOKEN), with a short timeout and no retries: a
label language is never worth delaying a reply. Any failure is English, logged by its Slack
error code or exception type only (never the token, the member's text or the response).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from cachetools import TLRUCache
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.critique.messages import language_for_locale

log = logging.getLogger(__name__)

LANGUAGE_TTL_S = 3600.0
"""How long a member's language is reused: a member who switches Slack's language sees the
bot follow within the hour."""
FAILED_TTL_S = 300.0
"""How long English is used after a failed lookup before users.info is asked again."""
MAX_MEMBERS = 10_000
"""Members kept; past this the least recently used goes first."""
LOOKUP_TIMEOUT_S = 2
"""users.info's timeout for this lookup (the reply waits for it on a cache miss)."""
ENGLISH = "en"


class MemberLanguages:
    """(team, user) -> catalogue language ("en", "zh", "es", "ja"), cached with expiry.

    `client_for(team)` returns the workspace's Web API client (bot.slack.oauth.WorkspaceClients).
    `timer` is the cache's clock (tests move it)."""

    def __init__(self, client_for: Callable[[str], WebClient], *,
                 ttl_s: float = LANGUAGE_TTL_S, failed_ttl_s: float = FAILED_TTL_S,
                 maxsize: int = MAX_MEMBERS, timer: Callable[[], float] = time.monotonic):
        self.client_for = client_for
        self.ttl_s = ttl_s
        self.failed_ttl_s = failed_ttl_s
        self._cache: TLRUCache[tuple[str, str], tuple[str, bool]] = TLRUCache(
            maxsize, ttu=self._expires, timer=timer)
        self._lock = threading.Lock()
        """TLRUCache is not thread-safe; Bolt runs lazy listeners on a thread pool."""

    def _expires(self, key: tuple[str, str], value: tuple[str, bool], now: float) -> float:
        """When an entry expires: a found answer lasts `ttl_s`, a failed one `failed_ttl_s`."""
        return now + (self.ttl_s if value[1] else self.failed_ttl_s)

    def language(self, team: str, user: str, client: WebClient | None = None) -> str:
        """The member's language, from the cache or one users.info call (with `client`, the
        request's own, else the workspace's from `client_for`); English on any error (or for a
        member id that is not a real one)."""
        if not team or not user or user == "unknown" or team == "unknown":
            return ENGLISH
        key = (team, user)
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None:
            return hit[0]
        found = self._lookup(team, user, client)
        with self._lock:
            self._cache[key] = found
        return found[0]

    def _lookup(self, team: str, user: str, client: WebClient | None) -> tuple[str, bool]:
        """(language, whether Slack answered). No locale in the answer (an old workspace, a
        bot user) is an answer too: English, kept as long as a found one."""
        try:
            shared = client if client is not None else self.client_for(team)
            # The workspace's token and API base, without the shared client's retries.
            quick = WebClient(token=shared.token, base_url=shared.base_url,
                              timeout=LOOKUP_TIMEOUT_S, retry_handlers=[])
            info = quick.users_info(user=user, include_locale=True).get("user") or {}
        except SlackApiError as e:  # missing_scope, user_not_found, ratelimited...
            error = e.response.get("error") if e.response is not None else None
            log.info("users.info for a member's language failed (%s); English",
                     str(error or "no error code")[:40])
            return ENGLISH, False
        except Exception as e:  # noqa: BLE001 (no installation, network, timeout: English)
            log.info("users.info for a member's language failed (%s); English",
                     type(e).__name__)
            return ENGLISH, False
        return language_for_locale(info.get("locale") if isinstance(info, dict) else None), True
