"""Delivering a `Reply` over the gateway: defer within Discord's 3 seconds, work in a thread,
then follow up page by page, the review's buttons on the last page."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord

from bot.discord.front import Reply, Where
from bot.discord.views import ReviewView

log = logging.getLogger("framecraft.discord")
NO_PINGS = discord.AllowedMentions.none()


def where_of(interaction: discord.Interaction) -> Where:
    perms = interaction.permissions
    guild = str(interaction.guild_id) if interaction.guild_id else None
    return Where(guild=guild, channel=str(interaction.channel_id or ""),
                 user=str(interaction.user.id),
                 can_manage=bool(guild and (perms.manage_guild or perms.administrator)))


def review_view(interaction_or_client: Any, reply: Reply) -> ReviewView | None:
    if not reply.review_id:
        return None
    client = getattr(interaction_or_client, "client", interaction_or_client)
    return ReviewView(reply.review_id, client.front.models(), timeout=client.front.view_timeout)


async def send_reply(interaction: discord.Interaction, reply: Reply) -> None:
    """Answer (or follow up a deferral) with every page of `reply`."""
    view = review_view(interaction, reply)
    last = len(reply.pages) - 1
    for i, page in enumerate(reply.pages):
        kwargs: dict[str, Any] = {"embeds": page.embeds, "allowed_mentions": NO_PINGS}
        if page.content:
            kwargs["content"] = page.content
        page_view = view if view is not None and i == last else None
        if page_view is not None:
            kwargs["view"] = page_view
        if not interaction.response.is_done():
            await interaction.response.send_message(ephemeral=reply.ephemeral, **kwargs)
            if page_view is not None:
                page_view.message = await interaction.original_response()
            continue
        message = await interaction.followup.send(ephemeral=reply.ephemeral, wait=True, **kwargs)
        if page_view is not None:
            page_view.message = message


async def run_command(interaction: discord.Interaction, name: str, text: str,
                      options: dict[str, str]) -> None:
    """An engine command from a slash command, the context menu or the modal."""
    front = interaction.client.front  # type: ignore[attr-defined]
    where = where_of(interaction)
    prepared = await asyncio.to_thread(front.prepare, name, where)
    if prepared.refusal is not None:
        await send_reply(interaction, prepared.refusal)
        return
    await interaction.response.defer(ephemeral=prepared.ephemeral, thinking=True)
    reply = await asyncio.to_thread(front.run, name, text, options, where, prepared.ephemeral)
    if reply.error and not prepared.ephemeral:
        # The "thinking..." message is public; an error is for the asker only.
        try:
            await interaction.delete_original_response()
        except discord.HTTPException:
            log.info("discord: could not remove the deferred reply")
    await send_reply(interaction, reply)
