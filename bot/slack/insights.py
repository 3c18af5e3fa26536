"""Team insights in Slack: `/framecraft insights` (the chart uploaded with files upload v2 and
a short summary), `/framecraft digest weekly|off` (admins), `/framecraft privacy
exclude-me|include-me` (anyone, for themselves), the weekly digest's poster and the App Home's
latest chart.

The App Home shows the chart as an image block whose `slack_file` names a file the bot
uploaded without sharing it to a channel: Block Kit's image block accepts a Slack file (id or
url) on every surface, Home included, while `image_url` needs a publicly hosted picture, which
the bot has none of. The upload is re-done only when the team's numbers change (the file id
is kept per workspace in the settings table), so opening Home does not pile up files.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.command_table import CommandCall, Insights, Requester, run_command
from bot.core.insights.chat import digest_command, privacy_command
from bot.slack import blocks as bk
from bot.slack.formatters import FORMATTERS, Shown
from bot.slack.front import PLATFORM, Messages, Send, SlackFront, Where

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.core.insights import Digest
    from bot.core.insights.digest import DigestScheduler

log = logging.getLogger(__name__)

SUBCOMMANDS = ("insights", "digest", "privacy")
FILENAME = "framecraft-insights.png"
HOME_FILE_KEY = "insights_home_file"


def is_insights_command(text: str) -> bool:
    words = text.split()
    return bool(words) and words[0].casefold() in SUBCOMMANDS


def answer(front: SlackFront, client: WebClient, text: str, where: Where, send: Send) -> None:
    """`/framecraft insights|digest|privacy ...`, inside the front's error boundary."""
    words = text.split()
    name, rest = words[0].casefold(), words[1:]
    if name == "insights":
        front.reply(send, lambda: insights(front, client, " ".join(rest), where),
                    what="slack insights")
    elif name == "digest":
        front.reply(send, lambda: digest(front, client, rest, where), what="slack digest")
    else:
        front.reply(send, lambda: bk.notice_messages(privacy_command(
            front.engine.store, PLATFORM, where.team, where.user, rest)), what="slack privacy")


def insights(front: SlackFront, client: WebClient, text: str, where: Where) -> Messages:
    """Upload the chart to the channel with the summary as its comment; the asker sees a
    confirmation. Where the bot cannot post (not a member), the asker gets the summary."""
    if not front.preflight("insights", where).allowed:
        return front.refusal("insights", front.language(where))
    _, typed, options = front.parse(f"insights {text}", default="insights")
    outcome = run_command(front.engine, "insights", CommandCall(typed, options),
                          Requester(PLATFORM, where.team, where.channel, where.user))
    result = outcome.result
    assert isinstance(result, Insights)
    messages = FORMATTERS["insights"](outcome, Shown(front.models(), False, None))
    try:
        client.files_upload_v2(channel=where.channel, content=result.png, filename=FILENAME,
                               title="Team insights", alt_txt=result.summary[0],
                               initial_comment="\n".join(result.summary))
    except SlackApiError as e:
        log.info("insights upload to the channel failed: %s", e.response.get("error"))
        return bk.prepend(messages, bk.context(
            "I could not post the chart here (invite me with `/invite @Framecraft`)."))
    return bk.notice_messages("Posted the team's insights chart in this channel.")


def requester_tz(client: WebClient, user: str) -> str:
    """The requester's time zone from `users.info` (Slack has no workspace-wide zone in
    `team.info`); UTC when Slack does not say."""
    try:
        info = client.users_info(user=user).get("user") or {}
    except SlackApiError as e:
        log.warning("users.info failed: %s", e.response.get("error"))
        return "UTC"
    return str(info.get("tz") or "UTC")


def digest(front: SlackFront, client: WebClient, words: list[str], where: Where) -> Messages:
    """Admins only (as `/framecraft watch`): workspace admins and owners, the channel's
    creator."""
    if not where.channel.startswith(("C", "G")):
        return bk.error_messages("Run this in the channel that should get the digest.")
    reviews = front.reviews
    if reviews is None or not reviews.is_admin(client, where):  # type: ignore[attr-defined]
        return bk.notice_messages(
            "Sorry, only a workspace admin or owner, or whoever created this channel, can "
            "switch the weekly digest. `/framecraft insights` works for anyone.")
    tz = requester_tz(client, where.user)
    return bk.notice_messages(digest_command(front.engine.store, PLATFORM, where.team,
                                             where.channel, where.user, words, tz))


# ---- the weekly digest ----------------------------------------------------------------------
def digest_poster(client_for: Callable[[str], WebClient]) -> Any:
    """The scheduler's `post`: the chart and the digest's text in the subscribed channel, with
    that workspace's client. Raising gives the week back to the lease for the next check."""
    def post(d: Digest) -> None:
        try:
            client = client_for(d.scope)
        except LookupError:  # uninstalled: its data (the subscription too) goes after retention
            log.info("weekly digest skipped: the workspace has no installation")
            return
        client.files_upload_v2(channel=d.channel, content=d.png, filename=FILENAME,
                               title=f"Weekly prompt insights {d.period}",
                               alt_txt=f"Weekly prompt insights {d.period}",
                               initial_comment=d.text())
    return post


def digest_scheduler(front: SlackFront,
                     client_for: Callable[[str], WebClient]) -> DigestScheduler:
    return front.engine.digest_scheduler(digest_poster(client_for), PLATFORM)


@contextlib.contextmanager
def running_digests(app: App) -> Iterator[None]:
    """Start the app's digest scheduler for as long as the bot serves, stop it after."""
    scheduler = getattr(app, "framecraft_digests", None)
    if scheduler is not None:
        scheduler.prime()
        scheduler.start()
    try:
        yield
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=False)


# ---- App Home ---------------------------------------------------------------------------------
def home_blocks(front: SlackFront, client: WebClient, team: str) -> list[bk.Block]:
    """The latest chart and summary for the Home tab; [] when there is nothing to show or it
    fails (Home still shows the rest)."""
    try:
        outcome = run_command(front.engine, "insights", CommandCall(
            "", {"since": "12w"}, platform=PLATFORM, scope=team))
        result = outcome.result
        assert isinstance(result, Insights)
        if not result.report.reviews:
            return []
        blocks: list[bk.Block] = [bk.header("Team insights")]
        blocks += bk.sections("\n".join(result.summary))
        file_id = _home_file(front, client, team, result)
        if file_id:
            blocks.append({"type": "image", "slack_file": {"id": file_id},
                           "alt_text": result.summary[0][:2000]})
        return blocks
    except Exception as e:  # noqa: BLE001 - Home must open whatever the chart does
        log.warning("home insights failed: %s", type(e).__name__)
        return []


def _home_file(front: SlackFront, client: WebClient, team: str, result: Insights) -> str | None:
    """The uploaded chart for these numbers: reused while they are unchanged."""
    store = front.engine.store
    digest_ = hashlib.sha256(result.report.model_dump_json().encode()).hexdigest()[:16]
    kept = store.get_setting(PLATFORM, team, HOME_FILE_KEY) or ""
    if kept.startswith(digest_ + ":"):
        return kept.split(":", 1)[1]
    try:
        response = client.files_upload_v2(content=result.png, filename=FILENAME,
                                          title="Team insights", alt_txt=result.summary[0])
    except SlackApiError as e:
        log.info("home chart upload failed: %s", e.response.get("error"))
        return None
    file_id = str((response.get("file") or {}).get("id") or "")
    if file_id:
        store.set_setting(PLATFORM, team, HOME_FILE_KEY, f"{digest_}:{file_id}")
    return file_id or None
