"""The bot's replies to messages it reviewed unasked, as each front locates them."""

from __future__ import annotations

from typing import Protocol, TypeVar

from pydantic import BaseModel

from bot.core.storage import PostLink

Ref = TypeVar("Ref", bound=BaseModel)


class PostStore(Protocol):
    def get_post(self, platform: str, channel: str, message_id: str) -> PostLink | None: ...


def linked_reply(store: PostStore, platform: str, channel: str, message_id: str,
                 ref_type: type[Ref]) -> Ref | None:
    """The front's locator of its reply (`ref_type`, e.g. channel and ts), or None when there
    is no reply or the stored locator no longer parses (a front changed its format)."""
    link = store.get_post(platform, channel, message_id)
    if link is None:
        return None
    try:
        return ref_type.model_validate_json(link.reply_ref)
    except ValueError:
        return None
