"""`/sequence` in Discord: the form, the "Full report" button and the thread context menu.

- `/sequence` with no shots opens `SequenceModal` (a paragraph field, the model, the mode);
- the message context menu "Review thread as a sequence" takes every person's message of the
  thread (oldest first) as a shot; outside a thread, or over the HTTP endpoint (which reads no
  history), the message's own lines are the list;
- the compact reply carries a "Full report" button (`fc:sq:<key>`, a DynamicItem, so a click
  is understood after a restart, by any replica, and by the HTTP endpoint).
"""

from __future__ import annotations

import re
from typing import Any

import discord
from discord import app_commands

from bot.core.command_table import full_sequence_report
from bot.core.sequence import SequenceReview
from bot.discord import embeds as em
from bot.discord.front import PLATFORM, DiscordFront, MessageView, Reply
from bot.discord.send import front_for, front_reply, run_command, send_reply, where_of
from bot.discord.sequence_embeds import SEQUENCE_KEY, full_report_embeds

SEQUENCE_MODAL_ID = "fc:sequence-modal"
CONTEXT_MENU_NAME = "Review thread as a sequence"
MAX_THREAD_MESSAGES = 100
THREAD_TYPES = (discord.ChannelType.public_thread, discord.ChannelType.private_thread,
                discord.ChannelType.news_thread)


class SequenceModal(discord.ui.Modal):
    """The form for a shot list (`/sequence` with no shots)."""

    def __init__(self, max_chars: int = 4000, default_model: str | None = None):
        super().__init__(title="Review a sequence", custom_id=SEQUENCE_MODAL_ID, timeout=900)
        self.shots: discord.ui.TextInput[SequenceModal] = discord.ui.TextInput(
            label="Shots, one a line", style=discord.TextStyle.paragraph, custom_id="shots",
            placeholder="1. Mara, a woman with a shaved head in a green field jacket...\n2. ...",
            max_length=min(max_chars, 4000), required=True)
        self.model: discord.ui.TextInput[SequenceModal] = discord.ui.TextInput(
            label="Target model (optional)", custom_id="model", required=False, max_length=60,
            placeholder="e.g. kling, runway, veo", default=default_model or None)
        self.mode: discord.ui.TextInput[SequenceModal] = discord.ui.TextInput(
            label="Mode: t2v, i2v or auto (optional)", custom_id="mode", required=False,
            max_length=10, placeholder="auto")
        self.add_item(self.shots)
        self.add_item(self.model)
        self.add_item(self.mode)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await run_command(interaction, "sequence", self.shots.value,
                          modal_options(self.model.value, self.mode.value))


def modal_options(model: str, mode: str) -> dict[str, str]:
    """The form's optional fields as command options (empty and `auto` left out)."""
    options = {"model": model.strip()} if model.strip() else {}
    if mode.strip() and mode.strip().lower() != "auto":
        options["mode"] = mode.strip()
    return options


class SequenceReportButton(discord.ui.DynamicItem[discord.ui.Button],
                           template=rf"fc:sq:(?P<key>{SEQUENCE_KEY})"):
    def __init__(self, key: str):
        self.key = key
        super().__init__(discord.ui.Button(label="Full report", custom_id=f"fc:sq:{key}",
                                           style=discord.ButtonStyle.primary))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> SequenceReportButton:
        return cls(match["key"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await front_reply(interaction, full_report, front_for(interaction), self.key,
                          where_of(interaction).scope)


REPORT_ID = re.compile(rf"fc:sq:(?P<key>{SEQUENCE_KEY})")


def report_key_of(custom_id: str) -> str | None:
    m = REPORT_ID.fullmatch(custom_id or "")
    return m["key"] if m else None


def sequence_view(key: str) -> MessageView:
    """The "Full report" button under a compact sequence reply."""
    view = MessageView(timeout=None)
    view.add_item(SequenceReportButton(key))
    view.stop()  # serialised only: the dynamic item answers clicks
    return view


def full_report(front: DiscordFront, key: str, scope: str | None = None) -> Reply:
    """The "Full report" button's answer, privately: every finding and every shot rewritten;
    `scope` is the clicker's server (or DM) scope, the only one whose lists it may read."""
    def work() -> Reply:
        review = full_sequence_report(front.engine, PLATFORM, key, scope=scope)
        assert isinstance(review, SequenceReview)
        return Reply(em.pages(full_report_embeds(review)), ephemeral=True)
    return front.guard(work, what="discord sequence report")


def message_text(message: discord.Message) -> str:
    return message.content or "\n".join(e.description for e in message.embeds if e.description)


async def thread_text(message: discord.Message) -> str:
    """Each person's message of the thread, oldest first (bots skipped); outside a thread, or
    when the history cannot be read, the message's own text."""
    channel = message.channel
    if getattr(channel, "type", None) in THREAD_TYPES:
        texts: list[str] = []
        try:
            async for m in channel.history(limit=MAX_THREAD_MESSAGES,
                                           oldest_first=True):
                if m.author.bot:
                    continue
                text = " ".join(message_text(m).split())
                if text:
                    texts.append(text)
        except discord.HTTPException:
            texts = []
        if len(texts) > 1:
            return "\n".join(texts)
    return message_text(message)


async def review_thread(interaction: discord.Interaction, message: discord.Message) -> None:
    text = await thread_text(message)
    if not text.strip():
        await send_reply(interaction, front_for(interaction).failure(
            "That thread has no text to review (attachments and images are not read)."))
        return
    await run_command(interaction, "sequence", text, {})


review_thread_as_sequence = app_commands.ContextMenu(name=CONTEXT_MENU_NAME,
                                                     callback=review_thread)


def register(tree: app_commands.CommandTree[Any]) -> None:
    tree.add_command(review_thread_as_sequence)
