"""`/sequence` in Discord: over the HTTP interactions endpoint (Ed25519-signed requests, the
follow-ups on the mock API) and on the gateway (interactions through discord.py's own
dispatch): the compact table, the "Full report" button, the form and the thread context menu."""

from __future__ import annotations

import json

import discord
from discord_mock import (
    APP_ID,
    CHANNEL,
    GUILD,
    dispatch,
    interaction,
    slash,
    snowflake,
    user_message,
)

from bot.discord.sequence import CONTEXT_MENU_NAME, SEQUENCE_MODAL_ID

SHOTS = ("Wide shot: Nora, a girl with short black hair and a mustard-yellow raincoat, crosses "
         "a rainy harbour at dawn, cold light from the left\n"
         "Close-up: Nora, a girl with short black hair and a red raincoat, feeds a gull at "
         "dawn, warm light from the right")


def text_of(call) -> str:
    return json.dumps(call.embeds, ensure_ascii=False)


async def test_http_sequence_table_and_full_report_button(endpoint, mock_discord):
    p = interaction(2, slash("sequence", shots=SHOTS))
    status, body = await endpoint.post(p)
    assert status == 200 and body["type"] == 5
    await mock_discord.wait_for(lambda m: m.find("PATCH", p["token"]))
    (edit,) = mock_discord.find("PATCH", f"/webhooks/{APP_ID}/{p['token']}/messages/@original")
    assert "2 shots" in edit.embeds[0]["title"]
    assert "≠" in text_of(edit)  # the compact table marks the drift
    (button,) = edit.custom_ids()
    assert button.startswith("fc:sq:")

    click = interaction(3, {"custom_id": button, "component_type": 2})
    status, body = await endpoint.post(click)
    assert body == {"type": 5, "data": {"flags": 64}}
    await mock_discord.wait_for(lambda m: m.find("PATCH", click["token"]))
    (report,) = mock_discord.find("PATCH", click["token"])
    full = text_of(report)
    assert "full report" in full and "mustard-yellow raincoat" in full and "Fix" in full


async def test_http_empty_sequence_opens_the_form_and_the_form_is_reviewed(endpoint,
                                                                            mock_discord):
    status, body = await endpoint.post(interaction(2, slash("sequence")))
    assert body["type"] == 9 and body["data"]["custom_id"] == SEQUENCE_MODAL_ID
    inputs = [c for row in body["data"]["components"] for c in row["components"]]
    assert [i["custom_id"] for i in inputs] == ["shots", "model", "mode"]
    assert inputs[0]["style"] == 2  # a paragraph: one shot a line

    p = interaction(5, {"custom_id": SEQUENCE_MODAL_ID, "components": [
        {"type": 1, "components": [{"type": 4, "custom_id": "shots", "value": SHOTS}]},
        {"type": 1, "components": [{"type": 4, "custom_id": "model", "value": "kling"}]},
        {"type": 1, "components": [{"type": 4, "custom_id": "mode", "value": "auto"}]}]})
    status, body = await endpoint.post(p)
    assert body["type"] == 5
    await mock_discord.wait_for(lambda m: m.find("PATCH", p["token"]))
    assert "2 shots" in mock_discord.find("PATCH", p["token"])[0].embeds[0]["title"]


async def test_http_context_menu_reviews_the_messages_lines(endpoint, mock_discord):
    menu = {"id": "1", "name": CONTEXT_MENU_NAME, "type": 3, "target_id": "77",
            "resolved": {"messages": {"77": {"id": "77", "content": SHOTS}}}}
    p = interaction(2, menu)
    status, body = await endpoint.post(p)
    assert body["type"] == 5
    await mock_discord.wait_for(lambda m: m.find("PATCH", p["token"]))
    assert "2 shots" in mock_discord.find("PATCH", p["token"])[0].embeds[0]["title"]


# ---- the gateway --------------------------------------------------------------------------------
def followups(mock) -> list:
    return [c for c in mock.messages() if "/webhooks/" in c.path]


async def test_gateway_sequence_and_its_button(bot, mock_discord):
    await dispatch(bot, interaction(2, slash("sequence", shots=SHOTS, mode="t2v")))
    (msg,) = followups(mock_discord)
    assert "2 shots" in msg.embeds[0]["title"]
    (button,) = msg.custom_ids()
    mock_discord.calls.clear()
    await dispatch(bot, interaction(3, {"custom_id": button, "component_type": 2}, message={
        "id": "960000000000000002", "channel_id": CHANNEL, "author": {
            "id": "1", "username": "Framecraft", "discriminator": "0", "avatar": None,
            "bot": True}, "content": "", "timestamp": "2025-01-01T00:00:00+00:00",
        "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
        "mention_roles": [], "attachments": [], "embeds": msg.embeds,
        "components": msg.components, "pinned": False, "type": 0, "flags": 0}))
    (report,) = followups(mock_discord)
    assert report.flags & 64 and "full report" in text_of(report)


async def test_gateway_context_menu_reads_the_thread(bot, mock_discord):
    thread_id = snowflake()
    guild = bot.get_guild(int(GUILD))
    guild._add_thread(discord.Thread(guild=guild, state=bot._connection, data={
        "id": thread_id, "type": 11, "guild_id": GUILD, "parent_id": CHANNEL, "name": "shots",
        "owner_id": "1", "member_count": 1, "message_count": 3, "rate_limit_per_user": 0,
        "flags": 0, "thread_metadata": {"archived": False, "auto_archive_duration": 1440,
                                        "archive_timestamp": "2025-01-01T00:00:00+00:00",
                                        "locked": False}}))
    first, second = SHOTS.split("\n")
    history = [user_message(first, channel=thread_id),
               {**user_message("42/100 Needs work", channel=thread_id),
                "author": {"id": "5", "username": "bot", "discriminator": "0",
                           "avatar": None, "bot": True}},
               user_message(second, channel=thread_id)]
    mock_discord.histories[thread_id] = list(reversed(history))  # Discord: newest first
    target = history[-1]
    menu = {"id": "1", "name": CONTEXT_MENU_NAME, "type": 3, "target_id": target["id"],
            "resolved": {"messages": {target["id"]: target}}}
    payload = interaction(2, menu)
    payload["channel_id"] = thread_id
    payload["channel"] = {"id": thread_id, "type": 11, "guild_id": GUILD, "parent_id": CHANNEL,
                          "name": "shots"}
    await dispatch(bot, payload)
    assert mock_discord.find("GET", f"/channels/{thread_id}/messages")
    (msg,) = followups(mock_discord)
    assert "2 shots" in msg.embeds[0]["title"]  # both people's shots, not the bot's reply
