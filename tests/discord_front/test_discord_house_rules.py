"""House rules on Discord, through discord.py's own dispatch (real Interaction objects and
MESSAGE_CREATE payloads) with every REST call answered by the loopback mock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from discord_mock import (
    CHANNEL,
    GUILD,
    deliver_message,
    dispatch,
    interaction,
    settle,
    slash,
    snowflake,
    start_bot,
    user_message,
)

RULES = """[rules]
require = ["camera"]
ban = [{ word = "epic", reason = "say what makes it epic" }]
prefer = [{ use = "teal-and-orange grade", instead_of = ["cinematic colour"] }]
"""
PROMPT = ("An epic old fisherman mends a red net on a wooden pier at golden hour, warm rim "
          "light, shallow depth of field, cinematic colour")
MANAGE_CHANNELS = 1 << 4
ADMIN = "UADMIN"


def followups(mock) -> list:
    return [c for c in mock.calls if c.method == "POST" and "/webhooks/" in c.path]


def embed_text(post) -> str:
    return "\n".join(e.get("title", "") + "\n" + e.get("description", "") + "\n" + "\n".join(
        f["name"] + "\n" + f["value"] for f in e.get("fields", [])) for e in post.embeds)


@pytest.fixture
async def rbot(discord_engine, discord_settings, restore_api_base) -> AsyncIterator:
    client = await start_bot(discord_engine, discord_settings.model_copy(
        update={"discord_message_content": True}))
    yield client
    await client.close()


async def drained(bot, timeout: float = 30.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        await settle()
        if bot.reviews.idle():
            return
        if loop.time() > deadline:
            raise TimeoutError("the review queue did not drain")
        await asyncio.sleep(0.005)


async def test_critique_shows_the_servers_house_rules(rbot, mock_discord):
    rbot.engine.store.set_house_rules("discord", GUILD, None, RULES, ADMIN)
    await dispatch(rbot, interaction(2, slash("critique", prompt=PROMPT)))
    text = embed_text(followups(mock_discord)[-1])
    assert "House rules: FAIL" in text
    assert "say what makes it epic" in text and "teal-and-orange grade" in text


async def test_a_review_channel_reply_enforces_the_channels_rules(rbot, mock_discord):
    data = {"id": snowflake(), "name": "framecraft", "type": 1,
            "options": [{"name": "watch", "type": 1, "options": []}]}
    await dispatch(rbot, interaction(2, data, perms=MANAGE_CHANNELS))
    rbot.engine.store.set_house_rules("discord", GUILD, CHANNEL, RULES, ADMIN)
    mock_discord.calls.clear()
    await deliver_message(rbot, user_message(PROMPT))
    await drained(rbot)
    (post,) = [c for c in mock_discord.calls if c.method == "POST"
               and c.path.endswith("/messages") and f"/channels/{CHANNEL}/messages" not in c.path]
    text = embed_text(post)
    assert "House rules: FAIL" in text and "epic" in text
