"""The gateway bot: an auto-sharded client with the app commands, synced on start.

Intents are the least that works: guilds (app commands, threads) and guild messages (mentions;
Discord sends a message's text to a bot it mentions without the privileged message-content
intent). Message content is asked for only when DISCORD_MESSAGE_CONTENT is set.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.config import Settings
from bot.core.command_table import SORRY
from bot.core.tenants import RetentionJob
from bot.discord import listeners
from bot.discord.forget import forget_me_command
from bot.discord.front import DiscordConfigError, DiscordFront, MessageView, Reply
from bot.discord.insights import digest_scheduler, privacy
from bot.discord.listeners.actions import DYNAMIC_ITEMS, ReviewView
from bot.discord.listeners.events import handle_mention
from bot.discord.prompts import prompt_group
from bot.discord.review_channels import FullReviewButton, ReviewChannels, review_commands
from bot.discord.send import send_reply
from bot.discord.sequence import SequenceReportButton, sequence_view
from bot.logs import log_failure

if TYPE_CHECKING:
    from bot.core.engine import Engine
    from bot.core.review_channels import ReviewQueue

log = logging.getLogger(__name__)
PLATFORM = "discord"

__all__ = ("DiscordConfigError", "FramecraftClient", "run_gateway", "token_of")


def configure_api(api_url: str | None) -> None:
    """Point discord.py's REST calls (and interaction webhooks) at `api_url` (tests)."""
    if api_url:
        discord.http.Route.BASE = api_url.rstrip("/")


def intents_for(settings: Settings) -> discord.Intents:
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.message_content = bool(settings.discord_message_content)
    return intents


class FramecraftTree(app_commands.CommandTree):
    async def on_error(self, interaction: discord.Interaction,
                       error: app_commands.AppCommandError) -> None:
        """A failure nobody caught: log it once, tell the user without detail."""
        cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        log_failure(log, f"discord command {getattr(interaction.command, 'name', '?')}", cause)
        with contextlib.suppress(discord.HTTPException):
            await send_reply(interaction, DiscordFront.failure(SORRY))


class FramecraftClient(discord.AutoShardedClient):
    def __init__(self, engine: Engine, settings: Settings | None = None,
                 front: DiscordFront | None = None, review_queue: ReviewQueue | None = None,
                 **options: Any):
        self.settings = settings or engine.settings
        configure_api(self.settings.discord_api_url)
        app_id = self.settings.discord_application_id
        if app_id and app_id.isdigit():
            options["application_id"] = int(app_id)
        super().__init__(intents=intents_for(self.settings),
                         allowed_mentions=discord.AllowedMentions.none(), **options)
        self.engine = engine
        self.front = front or DiscordFront(engine)
        self.front.view_factory = self.review_view
        self.tree = FramecraftTree(self)
        listeners.register(self.tree)
        self.tree.add_command(prompt_group)
        self.tree.add_command(review_commands)  # with `digest` (bot.discord.insights)
        self.tree.add_command(privacy)
        self.tree.add_command(forget_me_command)  # `/framecraft forget-*` join the group
        self.reviews = ReviewChannels(self, review_queue)
        self.synced: list[app_commands.AppCommand] = []
        self.digests = digest_scheduler(engine, self)
        """The weekly digests: started with the bot (setup_hook), stopped in close()."""
        self.retention = RetentionJob(lambda: engine.store, present=lambda: [
            (PLATFORM, str(g.id)) for g in self.guilds])
        """Deletes the data of servers the bot left, after FRAMECRAFT_RETENTION_DAYS."""

    def review_view(self, reply: Reply) -> MessageView | None:
        """The live buttons under a stored review (disabled when they time out), or the "Full
        report" button under a sequence review."""
        if reply.sequence_key and not reply.review_id:
            return sequence_view(reply.sequence_key)
        if not reply.review_id:
            return None
        return ReviewView(reply.review_id, self.front.models(), timeout=self.front.view_timeout)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(*DYNAMIC_ITEMS, FullReviewButton, SequenceReportButton)
        self.reviews.start()
        # The store and a first read of the subscriptions (its lazy imports) first: the
        # scheduler's first check runs at once on its own thread and must not race the start.
        await asyncio.to_thread(self.digests.prime)
        self.digests.start()
        self.retention.start()
        await self.sync_commands()

    async def sync_commands(self) -> list[app_commands.AppCommand]:
        """Register the commands: to the dev guild at once when DISCORD_DEV_GUILD_ID is set,
        else globally (Discord may take a while to show global changes)."""
        guild_id = self.settings.discord_dev_guild_id
        if guild_id:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            self.synced = await self.tree.sync(guild=guild)
        else:
            self.synced = await self.tree.sync()
        log.info("discord: %d commands synced %s", len(self.synced),
                 f"to guild {guild_id}" if guild_id else "globally")
        return self.synced

    async def on_ready(self) -> None:
        log.info("discord: connected as %s in %d guilds (%s shards)", self.user,
                 len(self.guilds), self.shard_count)

    async def close(self) -> None:
        # wait=False: a post in flight waits on this loop, which must stay free to finish it.
        self.digests.shutdown(wait=False)
        self.retention.shutdown(wait=False)
        await self.reviews.stop()
        await super().close()

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """The bot left a server (kicked, banned, or the server deleted): its data is deleted
        after the retention, unless the bot is added back first."""
        try:
            await asyncio.to_thread(self.engine.store.mark_left, PLATFORM, str(guild.id),
                                    "guild_remove", self.settings.retention_days)
            log.info("discord: left a server; its data is deleted after %g days",
                     self.settings.retention_days)
        except Exception as e:
            log_failure(log, "discord guild remove", e)

    async def on_guild_join(self, guild: discord.Guild) -> None:
        """Added (back) to a server: a pending deletion of its data is called off."""
        try:
            if await asyncio.to_thread(self.engine.store.came_back, PLATFORM, str(guild.id)):
                log.info("discord: added back to a server within its retention; data kept")
        except Exception as e:
            log_failure(log, "discord guild join", e)

    async def on_message(self, message: discord.Message) -> None:
        try:
            if await handle_mention(self, message):
                return
        except Exception as e:
            log_failure(log, "discord mention", e)
            return
        try:
            await self.reviews.on_message(message)
        except Exception as e:  # by type only: the message is the member's text
            log.error("discord: review-channel handling failed: %s", type(e).__name__)

    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        try:
            await self.reviews.on_raw_message_edit(payload)
        except Exception as e:
            log.error("discord: review-channel edit handling failed: %s", type(e).__name__)

    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        try:
            await self.reviews.on_raw_message_delete(payload)
        except Exception as e:
            log.error("discord: review-channel delete handling failed: %s", type(e).__name__)


def token_of(settings: Settings) -> str:
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        raise DiscordConfigError("DISCORD_TOKEN is not set (Developer Portal → your application "
                                 "→ Bot → Reset Token).")
    return token


async def run_gateway(engine: Engine, settings: Settings, status_host: str = "0.0.0.0",  # noqa: S104
                      status_port: int | None = None) -> None:
    """Log in, sync commands and stay connected until cancelled, serving `/livez` and
    `/readyz` on `status_port` meanwhile (None: FRAMECRAFT_STATUS_PORT; 0: no status port)."""
    from bot.discord.status import start_status_server

    token = token_of(settings)
    port = settings.status_port if status_port is None else status_port
    async with FramecraftClient(engine, settings) as client:
        runner = await start_status_server(engine, client, status_host, port) if port else None
        try:
            await client.start(token)
        finally:
            if runner is not None:
                await runner.cleanup()
