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


# ---- /framecraft rules: the modal, the admin check -----------------------------------------------
BAD = """[rules]
ban = [{ wrod = "epic" }]
"""


def rules_command(action: str | None = None, scope: str | None = None) -> dict:
    opts = [{"name": k, "type": 3, "value": v} for k, v in (("action", action), ("scope", scope))
            if v]
    return {"id": snowflake(), "name": "framecraft", "type": 1,
            "options": [{"name": "rules", "type": 1, "options": opts}]}


def modal_submit(custom_id: str, toml: str, perms: int = MANAGE_CHANNELS) -> dict:
    data = {"custom_id": custom_id, "components": [
        {"type": 1, "components": [{"type": 4, "custom_id": "rules", "value": toml}]}]}
    return interaction(5, data, perms=perms)


def texts(component: dict) -> list[str]:
    """Every text shown in a modal's components, however nested."""
    out = [str(component.get("content") or component.get("value") or "")]
    for child in component.get("components") or []:
        out += texts(child)
    if component.get("component"):
        out += texts(component["component"])
    return out


async def test_rules_set_through_the_modal_then_shown_in_a_review(bot, mock_discord):
    await dispatch(bot, interaction(2, rules_command("set"), perms=MANAGE_CHANNELS))
    (cb,) = mock_discord.callbacks()
    assert cb.body["type"] == 9  # the form
    modal = cb.body["data"]
    assert modal["custom_id"] == "fc:rules-modal:channel"
    assert any("[rules]" in t for t in texts(modal))

    await dispatch(bot, modal_submit("fc:rules-modal:channel", RULES))
    answer = mock_discord.callbacks()[-1]
    assert answer.body["type"] == 4 and answer.body["data"]["flags"] & 64
    assert "House rules saved for this channel (version 1)" in answer.body["data"]["embeds"][0][
        "title"]
    assert bot.engine.store.get_house_rules("discord", GUILD, CHANNEL).toml == RULES

    await dispatch(bot, interaction(2, rules_command()))
    shown = mock_discord.callbacks()[-1].body["data"]["embeds"][0]["description"]
    assert "ban = epic" in shown and "(from channel)" in shown

    await dispatch(bot, interaction(2, slash("critique", prompt=PROMPT)))
    assert "House rules: FAIL" in embed_text(followups(mock_discord)[-1])

    await dispatch(bot, interaction(2, rules_command("history")))
    history = mock_discord.callbacks()[-1].body["data"]["embeds"][0]
    assert "1 change" in history["title"]
    assert any("+ban" in f["value"] for f in history["fields"])


async def test_invalid_toml_saves_nothing_and_the_form_shows_the_error(bot, mock_discord):
    await dispatch(bot, interaction(2, rules_command("set"), perms=MANAGE_CHANNELS))
    await dispatch(bot, modal_submit("fc:rules-modal:channel", BAD))
    answer = mock_discord.callbacks()[-1].body
    assert answer["data"]["flags"] & 64
    assert "line 2: ban[0].wrod: unknown key" in answer["data"]["embeds"][0]["title"]
    assert bot.engine.store.get_house_rules("discord", GUILD, CHANNEL) is None
    assert bot.engine.store.house_rules_history("discord", GUILD, CHANNEL) == []
    (button,) = [c for row in answer["data"]["components"] for c in row["components"]]
    assert button["label"] == "Fix the rules"
    # Discord cannot keep a submitted modal open: the private answer carries the error and
    # a button back into the form (its reopening is not exercised here).


async def test_a_member_cannot_change_the_rules(bot, mock_discord):
    await dispatch(bot, interaction(2, rules_command("set")))
    (cb,) = mock_discord.callbacks()
    assert cb.body["type"] == 4 and "Sorry" in cb.body["data"]["embeds"][0]["description"]
    # Manage Channels is not enough for the server's rules.
    await dispatch(bot, interaction(2, rules_command("reset", "server"), perms=MANAGE_CHANNELS))
    assert "Manage Server" in mock_discord.callbacks()[-1].body["data"]["embeds"][0][
        "description"]
    assert bot.engine.store.house_rules_history("discord", GUILD, None) == []
