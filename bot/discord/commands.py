"""App commands, the "Review this prompt" context menu and @mentions, for the gateway client.

Each callback only gathers what the user gave and hands it to `run_command` (defer, engine in a
thread, follow up); the words and the formatting live in the front and in embeds.
"""

from __future__ import annotations

import asyncio
import logging
import re

import discord
from discord import app_commands

from bot.core.commands import parse_command
from bot.core.prompt_commands import command_text
from bot.discord.front import VISIBILITIES, Where
from bot.discord.prompts import prompt_group, prompt_reply
from bot.discord.send import NO_PINGS, review_view, run_command, send_reply, where_of
from bot.discord.views import CritiqueModal

log = logging.getLogger("framecraft.discord")

PROMPT_HELP = "The video prompt, as you would give it to the model"
_MENTION = re.compile(r"<@!?(\d+)>")


async def model_autocomplete(interaction: discord.Interaction,
                             current: str) -> list[app_commands.Choice[str]]:
    front = interaction.client.front  # type: ignore[attr-defined]
    return [app_commands.Choice(name=label, value=mid)
            for label, mid in front.model_choices(current)]


@app_commands.command(name="critique", description="Score a video prompt, name what is missing "
                                                    "and rewrite it")
@app_commands.describe(prompt=PROMPT_HELP + " (leave empty to open a form for long prompts)",
                       model="The video model it is for (default: the server's)")
@app_commands.autocomplete(model=model_autocomplete)
async def critique(interaction: discord.Interaction, prompt: str | None = None,
                   model: str | None = None) -> None:
    if prompt is None or not prompt.strip():
        front = interaction.client.front  # type: ignore[attr-defined]
        where = where_of(interaction)
        default = await asyncio.to_thread(front.setting, where, "model")
        await interaction.response.send_modal(
            CritiqueModal(front.engine.settings.max_prompt_chars, model or default))
        return
    await run_command(interaction, "critique", prompt, {"model": model} if model else {})


@app_commands.command(name="translate", description="Rewrite a prompt in another model's dialect")
@app_commands.describe(prompt=PROMPT_HELP, to="The model to translate to",
                       source="The model the prompt was written for (optional)")
@app_commands.rename(source="from")
@app_commands.autocomplete(to=model_autocomplete, source=model_autocomplete)
async def translate(interaction: discord.Interaction, prompt: str, to: str,
                    source: str | None = None) -> None:
    options = {"to": to} | ({"from": source} if source else {})
    await run_command(interaction, "translate", prompt, options)


@app_commands.command(name="compare", description="Render one prompt for every model side by side")
@app_commands.describe(prompt=PROMPT_HELP,
                       source="The model the prompt was written for (optional)")
@app_commands.rename(source="from")
@app_commands.autocomplete(source=model_autocomplete)
async def compare(interaction: discord.Interaction, prompt: str,
                  source: str | None = None) -> None:
    await run_command(interaction, "compare", prompt, {"from": source} if source else {})


@app_commands.command(name="ethics", description="Check a prompt for likeness, consent, minors, "
                                                  "deception and IP issues")
@app_commands.describe(prompt=PROMPT_HELP)
async def ethics(interaction: discord.Interaction, prompt: str) -> None:
    await run_command(interaction, "ethics", prompt, {})


@app_commands.command(name="ask", description="Ask about the craft; answers cite the guide, "
                                               "gallery and model profiles")
@app_commands.describe(question="Your question, e.g. how do I keep a character consistent?")
async def ask(interaction: discord.Interaction, question: str) -> None:
    await run_command(interaction, "ask", question, {})


@app_commands.command(name="help", description="How to use Framecraft")
async def help_command(interaction: discord.Interaction) -> None:
    front = interaction.client.front  # type: ignore[attr-defined]
    await send_reply(interaction, front.help())


@app_commands.command(name="settings", description="See or change this server's Framecraft "
                                                   "settings (Manage Server to change)")
@app_commands.describe(model="Default model for critiques here ('none' to clear)",
                       replies="Whether replies are public or only visible to the asker")
@app_commands.choices(replies=[app_commands.Choice(name=v, value=v) for v in VISIBILITIES])
@app_commands.autocomplete(model=model_autocomplete)
async def settings(interaction: discord.Interaction, model: str | None = None,
                   replies: app_commands.Choice[str] | None = None) -> None:
    front = interaction.client.front  # type: ignore[attr-defined]
    reply = await asyncio.to_thread(front.settings, where_of(interaction), model,
                                    replies.value if replies else None)
    await send_reply(interaction, reply)


async def review_message(interaction: discord.Interaction, message: discord.Message) -> None:
    text = message.content or "\n".join(e.description for e in message.embeds if e.description)
    if not text.strip():
        front = interaction.client.front  # type: ignore[attr-defined]
        await send_reply(interaction, front.failure(
            "That message has no text to review (attachments and images are not read)."))
        return
    await run_command(interaction, "critique", text, {})


review_this_prompt = app_commands.ContextMenu(name="Review this prompt", callback=review_message)

COMMANDS: tuple[app_commands.Command | app_commands.ContextMenu | app_commands.Group, ...] = (
    critique, translate, compare, ethics, ask, help_command, settings, review_this_prompt,
    prompt_group)


def add_commands(tree: app_commands.CommandTree) -> None:
    for command in COMMANDS:
        tree.add_command(command)


# ---- mentions -----------------------------------------------------------------------------
def mention_text(message: discord.Message, bot_id: int) -> str:
    """The message without the mention of the bot (other mentions stay as written)."""
    return _MENTION.sub(lambda m: "" if int(m.group(1)) == bot_id else m.group(0),
                        message.content).strip()


async def handle_mention(client: discord.Client, message: discord.Message) -> bool:
    """Answer `@Framecraft ...` in a thread: the message's own, or a new one from it.
    Returns whether the message was for us."""
    me = client.user
    if (me is None or message.author.bot or message.author.id == me.id
            or message.webhook_id is not None):
        return False
    if not any(u.id == me.id for u in message.mentions):
        return False
    front = client.front  # type: ignore[attr-defined]
    text = mention_text(message, me.id)
    command = parse_command(text, default="critique", model_names=front.model_names())
    guild = str(message.guild.id) if message.guild else None
    where = Where(guild=guild, channel=str(message.channel.id), user=str(message.author.id))
    prompt_text = command_text(text)  # raw, so a prompt's own "--ar 16:9" stays in it
    if not command.text and command.name == "critique":
        reply = front.help()
    elif prompt_text is not None:
        reply = await asyncio.to_thread(prompt_reply, front, prompt_text, where)
    else:
        refusal = await asyncio.to_thread(front.cooldown, command.name, where)
        reply = refusal or await asyncio.to_thread(front.run, command.name, command.text,
                                                   command.options, where)
    target: discord.abc.Messageable = message.channel
    if message.guild is not None and not isinstance(message.channel, discord.Thread):
        try:
            title = f"Framecraft: {command.text or command.name}"
            target = await message.create_thread(name=title[:95], auto_archive_duration=1440)
        except (discord.HTTPException, ValueError) as e:  # no permission, or a forum post
            log.info("discord: could not start a thread (%s); replying in place", e)
    view = review_view(client, reply)
    last = len(reply.pages) - 1
    for i, page in enumerate(reply.pages):
        kwargs = {"embeds": page.embeds, "allowed_mentions": NO_PINGS}
        if page.content:
            kwargs["content"] = page.content
        if view is not None and i == last:
            kwargs["view"] = view
        if target is message.channel and i == 0:
            kwargs["reference"] = message
        sent = await target.send(**kwargs)
        if view is not None and i == last:
            view.message = sent
    return True
