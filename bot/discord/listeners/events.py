"""Events: `@Framecraft ...` mentions, answered in a thread (the client routes messages here
first, then to the review channels)."""

from __future__ import annotations

import asyncio
import io
import logging
import re
from typing import Any

import discord

from bot.core.commands import parse_command
from bot.core.prompt_commands import command_text
from bot.discord.front import Reply, Where, front_of
from bot.discord.prompts import prompt_reply
from bot.discord.send import NO_PINGS

log = logging.getLogger(__name__)

_MENTION = re.compile(r"<@!?(\d+)>")


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
    front = front_of(client)
    text = mention_text(message, me.id)
    command = parse_command(text, default="critique", model_names=front.model_names())
    guild = str(message.guild.id) if message.guild else None
    where = Where(guild=guild, channel=str(message.channel.id), user=str(message.author.id))
    prompt_text = command_text(text)  # raw, so a prompt's own "--ar 16:9" stays in it
    reply: Reply | None
    if not command.text and command.name == "critique":
        reply = front.help()
    elif prompt_text is not None:
        reply = await asyncio.to_thread(prompt_reply, front, prompt_text, where)
    else:
        refusal = await asyncio.to_thread(front.cooldown, command.name, where)
        reply = refusal or await asyncio.to_thread(front.run, command.name, command.text,
                                                   command.options, where)
    assert reply is not None
    target: discord.abc.Messageable = message.channel
    if message.guild is not None and not isinstance(message.channel, discord.Thread):
        try:
            title = f"Framecraft: {command.text or command.name}"
            target = await message.create_thread(name=title[:95], auto_archive_duration=1440)
        except (discord.HTTPException, ValueError) as e:  # no permission, or a forum post
            log.info("discord: could not start a thread (%s); replying in place", e)
    view = front.review_view(reply)
    last = len(reply.pages) - 1
    for i, page in enumerate(reply.pages):
        kwargs: dict[str, Any] = {"embeds": page.embeds, "allowed_mentions": NO_PINGS}
        if page.content:
            kwargs["content"] = page.content
        if view is not None and i == last:
            kwargs["view"] = view
        if target is message.channel and i == 0:
            kwargs["reference"] = message
        if i == 0 and reply.files:  # the insights chart
            kwargs["files"] = [discord.File(io.BytesIO(data), filename=name)
                               for name, data in reply.files]
        sent = await target.send(**kwargs)
        if view is not None and i == last:
            view.message = sent
    return True
