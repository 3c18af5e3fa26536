"""`/framecraft forget-me` (anyone, for themselves) and `/framecraft forget-workspace` (workspace
admins and owners): each first says what would go, with counts, and deletes only when
confirmed with `yes`. The wording and the deletion are the core's (bot.core.tenants)."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.core.tenants import forget_me, forget_workspace
from bot.core.validation import InputError
from bot.slack import blocks as bk
from bot.slack.front import PLATFORM, Messages, SlackFront, Where
from bot.slack.review_channels import is_admin

SUBCOMMANDS = ("forget-me", "forget-workspace")
CONFIRM_WORDS = ("yes", "confirm")


def is_forget_command(words: list[str]) -> bool:
    return bool(words) and words[0].lower() in SUBCOMMANDS


def forget_command(front: SlackFront, words: list[str], where: Where,
                   client: WebClient) -> Messages:
    """The answer to `/framecraft forget-me|forget-workspace [yes]`; raises InputError for a
    refusal (the front's error boundary shows it)."""
    name = words[0].lower()
    confirm = len(words) > 1 and words[1].lower() in CONFIRM_WORDS
    store = front.engine.store
    if name == "forget-me":
        text = forget_me(store, PLATFORM, where.team, where.user, confirm,
                         "send `/framecraft forget-me yes`")
        return bk.notice_messages(text)
    if not is_admin(client, where, creator_ok=False):
        raise InputError("Only workspace admins and owners may delete the workspace's data.")
    return bk.notice_messages(forget_workspace(store, PLATFORM, where.team, confirm,
                                               "send `/framecraft forget-workspace yes`"))
