"""Delivering a `Reply` over the gateway: defer within Discord's 3 seconds, work in a thread,
then follow up page by page, the review's buttons on the last page.

This module imports only the front: the buttons' view comes from `front.review_view`, so the
components (bot.discord.listeners.actions) can import the senders without a loop."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from typing import Any

import discord

from bot.core.critique.messages import language_for_locale
from bot.discord.front import DiscordFront, Reply, Where, front_of

log = logging.getLogger(__name__)
NO_PINGS = discord.AllowedMentions.none()


def where_of(interaction: discord.Interaction) -> Where:
    perms = interaction.permissions
    guild = str(interaction.guild_id) if interaction.guild_id else None
    return Where(guild=guild, channel=str(interaction.channel_id or ""),
                 user=str(interaction.user.id),
                 can_manage=bool(guild and (perms.manage_guild or perms.administrator)),
                 lang=language_for_locale(getattr(interaction, "locale", None)))


def front_for(interaction: discord.Interaction) -> DiscordFront:
    return front_of(interaction.client)


async def send_reply(interaction: discord.Interaction, reply: Reply) -> None:
    """Answer (or follow up a deferral) with every page of `reply`."""
    view = front_for(interaction).review_view(reply)
    last = len(reply.pages) - 1
    for i, page in enumerate(reply.pages):
        kwargs: dict[str, Any] = {"embeds": page.embeds, "allowed_mentions": NO_PINGS}
        if page.content:
            kwargs["content"] = page.content
        if i == 0 and reply.files:
            kwargs["files"] = [discord.File(io.BytesIO(data), filename=name)
                               for name, data in reply.files]
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


async def run_deferred(interaction: discord.Interaction, front: DiscordFront,
                       deferral_ephemeral: bool, work: Callable[[], Reply]) -> None:
    """Defer at once (no database or engine call before it, so Discord hears back within its
    3 seconds whatever the load), run `work` on the front's bounded engine pool (a full pool
    answers "busy" at once), then follow up. A private reply after a public deferral removes
    the public "thinking..." message first."""
    await interaction.response.defer(ephemeral=deferral_ephemeral, thinking=True)
    try:
        reply = await front.workers.run(work)
    except Exception as e:  # Busy (an InputError) or a failure outside the boundary
        reply = front.failed(e, what="discord deferred work")
    if (reply.error or reply.ephemeral) and not deferral_ephemeral:
        try:
            await interaction.delete_original_response()
        except discord.HTTPException:
            log.info("discord: could not remove the deferred reply")
    await send_reply(interaction, reply)


async def run_command(interaction: discord.Interaction, name: str, text: str,
                      options: dict[str, str]) -> None:
    """A table command from a slash command, the context menu or the modal."""
    front = front_for(interaction)
    where = where_of(interaction)
    await run_deferred(interaction, front, front.deferral_ephemeral(name),
                       lambda: front.prepared_run(name, text, options, where))


async def front_reply(interaction: discord.Interaction, work: Callable[..., Reply],
                      *args: Any) -> None:
    """Defer privately, run the front in a thread, follow up with its reply."""
    front = front_for(interaction)
    await run_deferred(interaction, front, True, lambda: work(*args))
