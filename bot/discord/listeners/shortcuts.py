"""The message context menu "Apps → Review this prompt" (Slack calls these shortcuts)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.discord.send import front_for, run_command, send_reply


async def review_message(interaction: discord.Interaction, message: discord.Message) -> None:
    text = message.content or "\n".join(e.description for e in message.embeds if e.description)
    if not text.strip():
        await send_reply(interaction, front_for(interaction).failure(
            "That message has no text to review (attachments and images are not read)."))
        return
    await run_command(interaction, "critique", text, {})


review_this_prompt = app_commands.ContextMenu(name="Review this prompt", callback=review_message)


def register(tree: app_commands.CommandTree[Any]) -> None:
    tree.add_command(review_this_prompt)
