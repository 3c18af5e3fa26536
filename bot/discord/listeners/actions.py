"""Components (Discord's actions): the buttons under a review, "Translate to..." (a select),
"Show rewrite", "Helpful" and "Not helpful".

Every custom_id carries the review id (`fc:<action>:<review id>`) and the review itself is in
the database, so the items are `DynamicItem`s: a click is understood after a restart, by any
replica, and by the HTTP endpoint, which parses the same ids. A live `ReviewView` still times
out: it then disables its items and edits the message, so nothing looks clickable that is not.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from typing import Any

import discord

from bot.discord import embeds as em
from bot.discord.front import VIEW_TIMEOUT_S, MessageView
from bot.discord.send import front_for, front_reply, send_reply, where_of

log = logging.getLogger(__name__)

REVIEW_ID = r"[a-z0-9]{4,64}"
CUSTOM_ID = re.compile(rf"fc:(?P<action>tr|rw|up|dn|fr):(?P<rid>{REVIEW_ID})")
"""`fr` is the review channels' "Full review" (bot.discord.review_channels)."""


def parse_custom_id(custom_id: str) -> tuple[str, str] | None:
    """(action, review id) of one of our component ids, or None."""
    m = CUSTOM_ID.fullmatch(custom_id or "")
    return (m["action"], m["rid"]) if m else None


def model_options(models: Sequence[tuple[str, str]]) -> list[discord.SelectOption]:
    return [discord.SelectOption(label=em.clip(name, em.SELECT_LABEL_LIMIT) or mid,
                                 value=mid[:100])
            for mid, name in list(models)[: em.MAX_CHOICES]]


class TranslateSelect(discord.ui.DynamicItem[discord.ui.Select],
                      template=rf"fc:tr:(?P<rid>{REVIEW_ID})"):
    def __init__(self, review_id: str, options: Sequence[discord.SelectOption]):
        self.review_id = review_id
        super().__init__(discord.ui.Select(custom_id=f"fc:tr:{review_id}",
                                           placeholder="Translate to...",
                                           options=list(options), row=0))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> TranslateSelect:
        return cls(match["rid"], item.options if isinstance(item, discord.ui.Select) else [])

    async def callback(self, interaction: discord.Interaction) -> None:
        model = self.item.values[0] if self.item.values else ""
        await front_reply(interaction, front_for(interaction).translate_review, self.review_id,
                          model, where_of(interaction))


class RewriteButton(discord.ui.DynamicItem[discord.ui.Button],
                    template=rf"fc:rw:(?P<rid>{REVIEW_ID})"):
    def __init__(self, review_id: str):
        self.review_id = review_id
        super().__init__(discord.ui.Button(label="Show rewrite", custom_id=f"fc:rw:{review_id}",
                                           style=discord.ButtonStyle.secondary, row=1))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> RewriteButton:
        return cls(match["rid"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await front_reply(interaction, front_for(interaction).show_rewrite, self.review_id)


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button],
                     template=rf"fc:(?P<vote>up|dn):(?P<rid>{REVIEW_ID})"):
    def __init__(self, review_id: str, helpful: bool):
        self.review_id, self.helpful = review_id, helpful
        vote = "up" if helpful else "dn"
        super().__init__(discord.ui.Button(
            label="Helpful" if helpful else "Not helpful", custom_id=f"fc:{vote}:{review_id}",
            style=discord.ButtonStyle.success if helpful else discord.ButtonStyle.secondary,
            row=1))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> FeedbackButton:
        return cls(match["rid"], match["vote"] == "up")

    async def callback(self, interaction: discord.Interaction) -> None:
        reply = await asyncio.to_thread(front_for(interaction).feedback, self.review_id,
                                        self.helpful, where_of(interaction))
        await send_reply(interaction, reply)


DYNAMIC_ITEMS = (TranslateSelect, RewriteButton, FeedbackButton)


class ReviewView(MessageView):
    """The review's items; `message` is set once sent, so the timeout can disable them."""

    def __init__(self, review_id: str, models: Sequence[tuple[str, str]],
                 timeout: float | None = VIEW_TIMEOUT_S):
        super().__init__(timeout=timeout)
        self.review_id = review_id
        options = model_options(models)
        if options:
            self.add_item(TranslateSelect(review_id, options))
        self.add_item(RewriteButton(review_id))
        self.add_item(FeedbackButton(review_id, True))
        self.add_item(FeedbackButton(review_id, False))

    async def on_timeout(self) -> None:
        for child in self.walk_children():
            item = child.item if isinstance(child, discord.ui.DynamicItem) else child
            if isinstance(item, discord.ui.Button | discord.ui.Select):
                item.disabled = True
        if self.message is None:
            return
        try:
            await self.message.edit(view=self)
        except discord.HTTPException as e:  # deleted, or the token expired: nothing to fix
            log.info("discord: could not disable an expired review view (%s)", e.status)
