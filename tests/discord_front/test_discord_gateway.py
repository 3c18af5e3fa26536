"""App commands, the context menu, buttons, the select, the modal and mentions, each delivered
through discord.py's own dispatch, with every REST call it makes answered by a mock on
loopback."""

from __future__ import annotations

import asyncio

import discord
from discord_mock import (
    APP_ID,
    BOT_ID,
    CHANNEL,
    GUILD,
    MANAGE_GUILD,
    USER,
    deliver_message,
    dispatch,
    focused,
    interaction,
    settle,
    slash,
    start_bot,
    user_message,
)

from bot.discord.front import DiscordFront
from bot.discord.views import ReviewView

PROMPT = "A cat jumps on the table"
GOOD = ("Slow dolly in on an old fisherman mending a red net on a wooden pier at golden hour, "
        "warm rim light, shallow depth of field, 35mm film look")


def deferred(mock) -> list:
    return [c for c in mock.callbacks() if c.body["type"] == 5]


def followups(mock) -> list:
    return [c for c in mock.messages() if "/webhooks/" in c.path]


async def test_login_syncs_commands_globally(bot, mock_discord):
    puts = mock_discord.find("PUT", f"/applications/{APP_ID}/commands")
    assert len(puts) == 1
    names = {c["name"] for c in puts[0].body}
    assert names == {"critique", "translate", "compare", "ethics", "ask", "help", "settings",
                     "Review this prompt"}
    for cmd in puts[0].body:
        if cmd["type"] == 1:
            assert cmd["description"]
            assert all(o["description"] for o in cmd.get("options", [])), cmd["name"]
    critique = next(c for c in puts[0].body if c["name"] == "critique")
    model = next(o for o in critique["options"] if o["name"] == "model")
    assert model["autocomplete"] is True
    menu = next(c for c in puts[0].body if c["name"] == "Review this prompt")
    assert menu["type"] == 3  # a message context menu


async def test_dev_guild_sync_and_minimal_intents(discord_engine, discord_settings, mock_discord,
                                                  restore_api_base):
    settings = discord_settings.model_copy(update={"discord_dev_guild_id": int(GUILD)})
    client = await start_bot(discord_engine, settings)
    try:
        assert mock_discord.find("PUT", f"/applications/{APP_ID}/guilds/{GUILD}/commands")
        assert not mock_discord.find("PUT", f"/applications/{APP_ID}/commands")
        assert isinstance(client, discord.AutoShardedClient)
        assert client.intents.guilds and client.intents.guild_messages
        assert not client.intents.message_content and not client.intents.members
    finally:
        await client.close()
    content = discord_settings.model_copy(update={"discord_message_content": True})
    client = await start_bot(discord_engine, content)
    try:
        assert client.intents.message_content
    finally:
        await client.close()


async def test_critique_defers_then_follows_up_with_review_and_view(bot, mock_discord):
    await dispatch(bot, interaction(2, slash("critique", prompt=PROMPT, model="kling")))
    (cb,) = mock_discord.callbacks()
    assert cb.body["type"] == 5 and not (cb.body.get("data") or {}).get("flags", 0) & 64
    (msg,) = followups(mock_discord)
    text = msg.text()
    assert "/100" in msg.embeds[0]["title"] and "kling" in msg.embeds[0]["title"]
    assert "Missing" in text and "Rewrite" in text and "```" in text
    assert msg.embeds[0]["color"] is not None
    ids = msg.custom_ids()
    review_id = ids[0].split(":")[-1]
    assert ids == [f"fc:tr:{review_id}", f"fc:rw:{review_id}", f"fc:up:{review_id}",
                   f"fc:dn:{review_id}"]
    record = bot.engine.store.get_review(review_id)
    assert record.prompt == PROMPT and record.model == "kling" and record.scope == GUILD
