"""Team insights in Discord besides `/insights` (a table command, bot.discord.formatters):
`/framecraft digest` (a weekly digest in this channel; Manage Channels, like `watch`),
`/privacy` (anyone, for themselves) and the weekly digest's poster.

The digest scheduler calls `post(digest)` on its own thread; discord.py's objects belong to
the client's event loop, so the poster hands the send to that loop
(`asyncio.run_coroutine_threadsafe`) and waits for it, so a failed send gives the week back.
"""

from __future__ import annotations

import asyncio
import io
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.core.command_table import SORRY
from bot.core.insights.chat import digest_command, privacy_command
from bot.core.validation import InputError
from bot.discord import embeds as em
from bot.discord.formatters import CHART_FILE
from bot.discord.front import DiscordFront, Reply, Where
from bot.discord.review_channels import may_manage, review_commands
from bot.discord.send import front_for, send_reply, where_of
from bot.logs import log_failure

if TYPE_CHECKING:
    from bot.core.engine import Engine
    from bot.core.insights import Digest
    from bot.core.insights.digest import DigestScheduler

log = logging.getLogger(__name__)

PLATFORM = "discord"
POST_TIMEOUT_S = 60.0
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def digest_reply(engine: Engine, where: Where, perms: discord.Permissions, state: str,
                 day: str | None, hour: int | None, tz: str | None) -> Reply:
    """`/framecraft digest state:weekly|off [day] [hour] [timezone]`; never raises. Discord
    has no workspace time zone, so the hour is in `timezone` (default UTC)."""
    if where.guild is None:
        return DiscordFront.notice("Digests belong to a server channel; run this there.")
    if not may_manage(perms):
        return DiscordFront.notice(
            "🔒 Sorry, only members with **Manage Server**, or **Manage Channels** for this "
            "channel, can switch the weekly digest. `/insights` works for everyone.")
    words = [state] + ([day] if day and state == "weekly" else []) + (
        [str(hour)] if hour is not None and state == "weekly" else [])
    try:
        text = digest_command(engine.store, PLATFORM, where.guild, where.channel, where.user,
                              words, tz or "UTC")
    except InputError as e:
        return DiscordFront.failure(str(e))
    except Exception as e:
        log_failure(log, "discord digest", e)
        return DiscordFront.failure(SORRY)
    return DiscordFront.notice(text, title="Weekly digest")


def privacy_reply(engine: Engine, where: Where, choice: str) -> Reply:
    """`/privacy choice:exclude-me|include-me` for the member themselves; never raises."""
    try:
        text = privacy_command(engine.store, PLATFORM, where.scope, where.user, [choice])
    except InputError as e:
        return DiscordFront.failure(str(e))
    except Exception as e:
        log_failure(log, "discord privacy", e)
        return DiscordFront.failure(SORRY)
    return DiscordFront.notice(text, title="Privacy")


@review_commands.command(name="digest", description="A weekly insights digest in this channel "
                                                    "(day and hour; off to stop)")
@app_commands.describe(state="weekly to turn it on, off to stop it",
                       day="The weekday (default monday)", hour="The hour, 0-23 (default 9)",
                       timezone="Time zone of day and hour, e.g. Europe/Berlin (default UTC)")
@app_commands.choices(state=[app_commands.Choice(name="weekly", value="weekly"),
                             app_commands.Choice(name="off", value="off")],
                      day=[app_commands.Choice(name=d, value=d) for d in DAYS])
async def digest(interaction: discord.Interaction, state: app_commands.Choice[str],
                 day: app_commands.Choice[str] | None = None,
                 hour: app_commands.Range[int, 0, 23] | None = None,
                 timezone: str | None = None) -> None:
    front = front_for(interaction)
    reply = await asyncio.to_thread(digest_reply, front.engine, where_of(interaction),
                                    interaction.permissions, state.value,
                                    day.value if day else None, hour, timezone)
    reply.ephemeral = True
    await send_reply(interaction, reply)


@app_commands.command(name="privacy", description="Leave your reviews out of the server's "
                                                  "insights, or count again")
@app_commands.describe(choice="exclude-me or include-me")
@app_commands.choices(choice=[app_commands.Choice(name="exclude-me", value="exclude-me"),
                              app_commands.Choice(name="include-me", value="include-me")])
async def privacy(interaction: discord.Interaction, choice: app_commands.Choice[str]) -> None:
    front = front_for(interaction)
    reply = await asyncio.to_thread(privacy_reply, front.engine, where_of(interaction),
                                    choice.value)
    reply.ephemeral = True
    await send_reply(interaction, reply)


# ---- the weekly digest ----------------------------------------------------------------------
def digest_embed(d: Digest) -> discord.Embed:
    lines = d.text().splitlines()
    embed = discord.Embed(title=lines[0], colour=em.COLOUR_INFO,
                          description=em.clip("\n".join(em.escape(x) for x in lines[1:]), 4000))
    embed.set_image(url=f"attachment://{CHART_FILE}")
    return embed


def digest_poster(client: discord.Client) -> Any:
    """The scheduler's `post`, called on its thread: the send runs on the client's loop."""
    def post(d: Digest) -> None:
        async def send() -> None:
            channel = client.get_partial_messageable(int(d.channel))
            await channel.send(embed=digest_embed(d),
                               file=discord.File(io.BytesIO(d.png), filename=CHART_FILE),
                               allowed_mentions=discord.AllowedMentions.none())
        future = asyncio.run_coroutine_threadsafe(send(), client.loop)
        future.result(timeout=POST_TIMEOUT_S)
    return post


def digest_scheduler(engine: Engine, client: discord.Client) -> DigestScheduler:
    return engine.digest_scheduler(digest_poster(client), PLATFORM)
