"""`/framecraft rules` on Discord (gateway): show the house rules in force; members with Manage
Channels (this channel's rules) or Manage Server (the server's) set them in a modal (the TOML,
validated before it is saved), reset them and read the history.

Discord cannot keep a submitted modal open with an error, so an invalid submission saves
nothing and answers privately with the error (line and key) and a "Fix the rules" button that
reopens the form with the text as typed and the error shown at its top. The grammar and the
answers are the core's (bot.core.rules_commands); this module checks, opens and formats.
"""

from __future__ import annotations

import asyncio
import logging

import discord

from bot.core import rules_commands as rules_chat
from bot.core.command_table import SORRY
from bot.core.rules_commands import Level, RulesAnswer
from bot.core.validation import InputError
from bot.discord import embeds as em
from bot.discord.front import PLATFORM, DiscordFront, Reply, Where
from bot.discord.send import front_for, send_reply, where_of
from bot.logs import log_failure

log = logging.getLogger(__name__)

RULES_MODAL_ID = "fc:rules-modal"
MAX_TOML = 4000
"""A text input holds at most 4,000 characters."""


def may_change(perms: discord.Permissions, level: Level) -> bool:
    """As for `/framecraft watch`: Manage Channels is enough for this channel's rules; the
    server's rules need Manage Server."""
    if perms.administrator or perms.manage_guild:
        return True
    return level == "channel" and bool(perms.manage_channels)


def rules_embeds(answer: RulesAnswer) -> list[discord.Embed]:
    p = em.EmbedPacker(answer.title, em.COLOUR_INFO)
    if answer.lines:
        p.text("\n".join(f"• {em.escape(x)}" for x in answer.lines))
    for c in answer.changes:
        p.field(f"v{c.version} · {c.action} · {c.when}", f"by <@{c.author}>")
        if c.diff.strip():
            p.code_field(f"v{c.version} diff", c.diff)
    return p.finish()


def refusal(level: Level) -> Reply:
    who = ("**Manage Server**, or **Manage Channels** for this channel," if level == "channel"
           else "**Manage Server**")
    return DiscordFront.notice(f"🔒 Sorry, only members with {who} can change the house rules. "
                               "`/framecraft rules` shows the rules in force.")


def rules_reply(front: DiscordFront, words: list[str], where: Where,
                perms: discord.Permissions) -> Reply:
    """show, reset and history (set opens the form first). Never raises."""
    try:
        if where.guild is None:
            raise InputError("House rules belong to a server; run this in one of its channels.")
        request = rules_chat.parse_rules_command(words, PLATFORM)
        if request.changes and not may_change(perms, request.level):
            return refusal(request.level)
        answer = rules_chat.run(front.engine, request, PLATFORM, where.scope, where.channel,
                                where.user)
        return Reply(em.pages(rules_embeds(answer)), ephemeral=True)
    except InputError as e:
        return DiscordFront.failure(str(e))
    except Exception as e:
        log_failure(log, "discord /framecraft rules", e)
        return DiscordFront.failure(SORRY)


class FixRulesView(discord.ui.View):
    """The button under a refused submission: the form again, with the text and the error."""

    def __init__(self, toml: str, level: Level, error: str):
        super().__init__(timeout=900)
        self.toml, self.level, self.error = toml, level, error

    @discord.ui.button(label="Fix the rules", style=discord.ButtonStyle.primary)
    async def fix(self, interaction: discord.Interaction,
                  button: discord.ui.Button[FixRulesView]) -> None:
        await interaction.response.send_modal(RulesModal(self.toml, self.level, self.error))


class RulesModal(discord.ui.Modal):
    """The rules form: the level's TOML to edit; an error from the last try at its top."""

    def __init__(self, toml: str, level: Level, error: str | None = None):
        super().__init__(title="House rules", custom_id=f"{RULES_MODAL_ID}:{level}", timeout=900)
        self.level: Level = level
        if error:
            self.add_item(discord.ui.TextDisplay(f"⚠️ Not saved: {error}"))
        self.rules: discord.ui.TextInput[RulesModal] = discord.ui.TextInput(
            label="Rules (TOML)", style=discord.TextStyle.paragraph, custom_id="rules",
            default=toml[:MAX_TOML], max_length=MAX_TOML, required=True)
        self.add_item(self.rules)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        front, where, toml = front_for(interaction), where_of(interaction), self.rules.value
        if not may_change(interaction.permissions, self.level):  # the form is not a token
            await send_reply(interaction, refusal(self.level))
            return
        try:
            answer = await asyncio.to_thread(rules_chat.save, front.engine, PLATFORM,
                                             where.scope, where.channel, self.level, toml,
                                             where.user)
        except InputError as e:  # RulesError names the line and the key; nothing was saved
            await interaction.response.send_message(
                embeds=em.error_embeds(f"The rules were not saved: {e}"),
                view=FixRulesView(toml, self.level, str(e)), ephemeral=True)
            return
        await send_reply(interaction, Reply(em.pages(rules_embeds(answer)), ephemeral=True))


async def run_rules(interaction: discord.Interaction, action: str | None,
                    scope: str | None) -> None:
    """The `/framecraft rules` callback: the form for `set`, a private answer otherwise."""
    front, where = front_for(interaction), where_of(interaction)
    words = [w for w in (action, scope) if w]
    if (action or "") == "set" and where.guild is not None:
        try:
            request = rules_chat.parse_rules_command(words, PLATFORM)
        except InputError as e:
            await send_reply(interaction, DiscordFront.failure(str(e)))
            return
        if not may_change(interaction.permissions, request.level):
            await send_reply(interaction, refusal(request.level))
            return
        toml = await asyncio.to_thread(rules_chat.current_toml, front.engine, PLATFORM,
                                       where.scope, where.channel, request.level)
        await interaction.response.send_modal(RulesModal(toml, request.level))
        return
    reply = await asyncio.to_thread(rules_reply, front, words, where, interaction.permissions)
    reply.ephemeral = True
    await send_reply(interaction, reply)
