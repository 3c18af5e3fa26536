"""Forgetting on Discord: `/forget-me` (anyone, for themselves; also `/framecraft forget-me`)
and `/framecraft forget-workspace` (Manage Server). Each first says what would go, with
counts; `confirm:True` deletes. The wording and the deletion are the core's
(bot.core.tenants). Discord user ids are global, so forget-me removes the member's prompts,
reviews and feedback in every server and their DMs."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
from discord import app_commands

from bot.core.command_table import SORRY
from bot.core.tenants import forget_me, forget_workspace
from bot.discord.front import DiscordFront, Reply, Where
from bot.discord.review_channels import review_commands
from bot.discord.send import front_for, send_reply, where_of
from bot.logs import log_failure

log = logging.getLogger(__name__)

PLATFORM = "discord"


def forget_me_reply(front: DiscordFront, where: Where, confirm: bool) -> Reply:
    """The member's own data, everywhere on Discord; never raises."""
    try:
        text = forget_me(front.engine.store, PLATFORM, None, where.user, confirm,
                         "run it again with `confirm:True`")
    except Exception as e:
        log_failure(log, "discord forget-me", e)
        return DiscordFront.failure(SORRY)
    return DiscordFront.notice(text, title="Forget me")


def forget_server_reply(front: DiscordFront, where: Where, perms: discord.Permissions,
                        confirm: bool) -> Reply:
    """Everything kept for this server, now (Manage Server); never raises."""
    if where.guild is None:
        return DiscordFront.notice("Run this in the server whose data should go.")
    if not (perms.administrator or perms.manage_guild):
        return DiscordFront.failure("Only members with Manage Server may delete the server's "
                                    "data.")
    try:
        text = forget_workspace(front.engine.store, PLATFORM, where.guild, confirm,
                                "run it again with `confirm:True`", what="server")
    except Exception as e:
        log_failure(log, "discord forget-workspace", e)
        return DiscordFront.failure(SORRY)
    return DiscordFront.notice(text, title="Forget this server")


async def _forget_me(interaction: discord.Interaction, confirm: bool) -> None:
    reply = await asyncio.to_thread(forget_me_reply, front_for(interaction),
                                    where_of(interaction), confirm)
    reply.ephemeral = True
    await send_reply(interaction, reply)


@app_commands.command(name="forget-me", description="Remove your saved prompts, reviews and "
                                                    "feedback (shows what first)")
@app_commands.describe(confirm="True to remove; leave it out to see what would go")
async def forget_me_command(interaction: discord.Interaction, confirm: bool = False) -> None:
    await _forget_me(interaction, confirm)


@review_commands.command(name="forget-me", description="Remove your saved prompts, reviews and "
                                                       "feedback (shows what first)")
@app_commands.describe(confirm="True to remove; leave it out to see what would go")
async def framecraft_forget_me(interaction: discord.Interaction, confirm: bool = False) -> None:
    await _forget_me(interaction, confirm)


@review_commands.command(name="forget-workspace", description="Delete everything kept for this "
                                                              "server now (Manage Server)")
@app_commands.describe(confirm="True to delete; leave it out to see what would go")
async def forget_workspace_command(interaction: discord.Interaction,
                                   confirm: bool = False) -> None:
    reply = await asyncio.to_thread(forget_server_reply, front_for(interaction),
                                    where_of(interaction), interaction.permissions, confirm)
    reply.ephemeral = True
    await send_reply(interaction, reply)


# ---- the HTTP endpoint (bot.discord.http) -------------------------------------------------------
def forget_request(data: dict[str, Any]) -> tuple[str, bool] | None:
    """(`forget-me` or `forget-workspace`, confirm) when an interaction's data asks to forget:
    `/forget-me` or `/framecraft forget-*`; else None."""
    name, options = str(data.get("name") or ""), list(data.get("options") or [])
    if name == "framecraft" and options and options[0].get("type") == 1:
        name, options = str(options[0].get("name") or ""), list(options[0].get("options") or [])
    if name not in ("forget-me", "forget-workspace"):
        return None
    confirm = any(o.get("name") == "confirm" and o.get("value") is True for o in options)
    return name, confirm


def forget_reply(front: DiscordFront, where: Where, perms: discord.Permissions, name: str,
                 confirm: bool) -> Reply:
    """The answer to a forget request (the HTTP endpoint's path); never raises."""
    if name == "forget-me":
        return forget_me_reply(front, where, confirm)
    return forget_server_reply(front, where, perms, confirm)
