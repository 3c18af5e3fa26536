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
    deliver_message,
    dispatch,
    focused,
    interaction,
    slash,
    start_bot,
    user_message,
)

from bot.discord.front import DiscordFront
from bot.discord.listeners.actions import ReviewView

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
    assert names == {"critique", "translate", "compare", "ethics", "ask", "about", "help",
                     "settings", "Review this prompt", "framecraft", "prompt",
                     "insights", "privacy", "forget-me", "sequence",
                     "Review thread as a sequence"}
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


async def _critique(bot, mock, prompt=PROMPT, **kw):
    await dispatch(bot, interaction(2, slash("critique", prompt=prompt, **kw)))
    msg = followups(mock)[-1]
    return msg, msg.custom_ids()[0].split(":")[-1]


def _click(msg, custom_id: str, component_type: int = 2, values=None, **kw) -> dict:
    """A component interaction on the message the bot sent (as Discord would echo it)."""
    message = {"id": "960000000000000001", "channel_id": CHANNEL, "author": {
        "id": BOT_ID, "username": "Framecraft", "discriminator": "0", "avatar": None, "bot": True},
        "content": "", "timestamp": "2025-01-01T00:00:00+00:00", "edited_timestamp": None,
        "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": msg.embeds, "components": msg.components, "pinned": False,
        "type": 0, "flags": msg.flags}
    data = {"custom_id": custom_id, "component_type": component_type}
    if values is not None:
        data["values"] = values
    return interaction(3, data, message=message, **kw)


async def test_buttons_and_select_work_from_any_process(bot, mock_discord, discord_engine,
                                                        discord_settings):
    msg, rid = await _critique(bot, mock_discord)
    mock_discord.calls.clear()

    await dispatch(bot, _click(msg, f"fc:up:{rid}"))
    (cb,) = mock_discord.callbacks()
    assert cb.body["type"] == 4 and cb.body["data"]["flags"] & 64
    assert "Thanks" in cb.body["data"]["embeds"][0]["description"]
    assert bot.engine.store.feedback_counts("discord", GUILD, rid) == (1, 0)

    # A second process (a restart, another replica) understands the same buttons.
    other = await start_bot(discord_engine, discord_settings)
    try:
        mock_discord.calls.clear()
        await dispatch(other, _click(msg, f"fc:dn:{rid}", user="930000000000000009"))
        assert other.engine.store.feedback_counts("discord", GUILD, rid) == (1, 1)

        mock_discord.calls.clear()
        await dispatch(other, _click(msg, f"fc:rw:{rid}"))
        (cb,) = mock_discord.callbacks()
        assert cb.body["type"] == 5 and cb.body["data"]["flags"] & 64
        (rewrite,) = followups(mock_discord)
        assert rewrite.embeds[0]["title"].startswith("Rewrite")
        assert rewrite.embeds[0]["description"].startswith("```")
        assert rewrite.flags & 64
    finally:
        await other.close()

    mock_discord.calls.clear()
    await dispatch(bot, _click(msg, f"fc:tr:{rid}", component_type=3, values=["kling"]))
    assert deferred(mock_discord)[0].body["data"]["flags"] & 64
    (tr,) = followups(mock_discord)
    assert tr.embeds[0]["title"] == "Translated for kling" and "```" in tr.text()
    assert tr.flags & 64


async def test_button_for_a_review_that_is_gone(bot, mock_discord):
    msg, rid = await _critique(bot, mock_discord)
    for row in msg.components:  # a message whose review is not in this database
        for c in row["components"]:
            c["custom_id"] = c["custom_id"].replace(rid, "zzzzzzzz")
    mock_discord.calls.clear()
    await dispatch(bot, _click(msg, "fc:up:zzzzzzzz"))
    (cb,) = mock_discord.callbacks()
    assert "no longer have that review" in cb.body["data"]["embeds"][0]["title"]


async def test_view_times_out_by_disabling_its_items(bot, mock_discord):
    bot.front.view_timeout = 0.3
    msg, rid = await _critique(bot, mock_discord)
    await mock_discord.wait_for(lambda m: any(
        c.method == "PATCH" and "/messages/" in c.path and "@original" not in c.path
        for c in m.calls), timeout=10)
    edit = [c for c in mock_discord.calls if c.method == "PATCH"][-1]
    items = [c for row in edit.components for c in row["components"]]
    assert len(items) == 4 and all(c.get("disabled") for c in items)
    assert {c["custom_id"] for c in items} == set(msg.custom_ids())


async def test_ephemeral_setting_and_default_model(bot, mock_discord):
    # A member without Manage Server is refused, kindly, and nothing changes.
    await dispatch(bot, interaction(2, slash("settings", model="kling", replies="ephemeral")))
    (cb,) = mock_discord.callbacks()
    body = cb.body["data"]
    assert cb.body["type"] == 4 and body["flags"] & 64
    assert "Manage Server" in body["embeds"][0]["description"]
    assert bot.engine.store.get_setting("discord", GUILD, "model") is None

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash("settings", model="Kling", replies="ephemeral"),
                                    perms=MANAGE_GUILD))
    (cb,) = mock_discord.callbacks()
    assert "default model set to `kling`" in cb.body["data"]["embeds"][0]["description"]
    assert bot.engine.store.get_setting("discord", GUILD, "visibility") == "ephemeral"

    mock_discord.calls.clear()
    msg, rid = await _critique(bot, mock_discord)
    # Deferred at once, before the settings are read (issue 14 item 2), so publicly; the
    # private reply then removes the public "thinking..." message and follows up privately.
    assert len(deferred(mock_discord)) == 1
    assert mock_discord.find("DELETE", "/messages/@original")
    assert msg.flags & 64
    assert "kling" in msg.embeds[0]["title"]
    assert bot.engine.store.get_review(rid).model == "kling"

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash("settings")))
    text = mock_discord.callbacks()[0].body["data"]["embeds"][0]["description"]
    assert "`kling`" in text and "ephemeral" in text

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash("settings", model="klong"), perms=MANAGE_GUILD))
    assert "Unknown model" in mock_discord.callbacks()[0].body["data"]["embeds"][0]["title"]
    assert bot.engine.store.get_setting("discord", GUILD, "model") == "kling"

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash("settings", model="none"), guild=None))
    assert "belong to a server" in mock_discord.callbacks()[0].body["data"]["embeds"][0][
        "description"]


async def test_bare_critique_opens_the_modal_and_its_submission_is_reviewed(bot, mock_discord):
    await dispatch(bot, interaction(2, slash("critique")))
    (cb,) = mock_discord.callbacks()
    assert cb.body["type"] == 9
    modal = cb.body["data"]
    assert modal["custom_id"] == "fc:critique-modal"
    inputs = [c for row in modal["components"] for c in row["components"]]
    assert [i["custom_id"] for i in inputs] == ["prompt", "model"]
    assert inputs[0]["style"] == 2 and inputs[0]["max_length"] == 4000

    mock_discord.calls.clear()
    long_prompt = GOOD + ". " + " ".join(["The net glistens as he works"] * 40)
    submit = {"custom_id": "fc:critique-modal", "components": [
        {"type": 1, "components": [{"type": 4, "custom_id": "prompt", "value": long_prompt}]},
        {"type": 1, "components": [{"type": 4, "custom_id": "model", "value": "runway"}]}]}
    await dispatch(bot, interaction(5, submit))
    assert deferred(mock_discord)
    (msg,) = followups(mock_discord)
    assert "runway" in msg.embeds[0]["title"]


async def test_bad_input_is_answered_privately_and_returns_the_text(bot, mock_discord):
    huge = "A cat jumps on the table " * 400
    await dispatch(bot, interaction(2, slash("critique", prompt=huge)))
    assert mock_discord.find("DELETE", "/messages/@original")  # the public "thinking" goes
    (msg,) = followups(mock_discord)
    assert msg.flags & 64
    assert "limit is 4,000" in msg.text() and "Your text" in msg.text()

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash("critique", prompt=PROMPT, model="klingg")))
    (msg,) = followups(mock_discord)
    assert msg.flags & 64 and "Unknown model" in msg.text() and "kling" in msg.text()
    assert not msg.components

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash("translate", prompt="   ", to="kling")))
    (msg,) = followups(mock_discord)
    assert msg.flags & 64 and "Nothing to work on" in msg.text()


async def test_autocomplete_offers_model_names(bot, mock_discord):
    await dispatch(bot, interaction(4, focused("critique", "model", "kl", prompt=PROMPT)))
    (cb,) = mock_discord.callbacks()
    assert cb.body["type"] == 8
    choices = cb.body["data"]["choices"]
    assert choices and choices[0]["value"] == "kling"
    mock_discord.calls.clear()
    await dispatch(bot, interaction(4, focused("translate", "to", "", prompt=PROMPT)))
    choices = mock_discord.callbacks()[0].body["data"]["choices"]
    assert {c["value"] for c in choices} == set(bot.engine.kb.models) and len(choices) <= 25


async def test_translate_compare_ethics_ask_help(bot, mock_discord):
    await dispatch(bot, interaction(2, slash("translate", prompt=GOOD, to="kling", **{
        "from": "runway"})))
    (msg,) = followups(mock_discord)
    assert msg.embeds[0]["title"] == "Translated for kling"
    assert "(from runway)" in msg.text()

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash("compare", prompt=GOOD)))
    text = "\n".join(m.text() for m in followups(mock_discord))
    assert all(f"For {mid}" in text for mid in bot.engine.kb.models)

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash(
        "ethics", prompt="A deepfake video of Joe Biden announcing the election is cancelled")))
    (msg,) = followups(mock_discord)
    assert msg.embeds[0]["title"].endswith("Ethics: stop")
    assert msg.embeds[0]["color"] == 0x992D22
    assert msg.embeds[0]["fields"][0]["name"].endswith("(stop)")

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash(
        "ask", question="How do I keep a character consistent across shots?")))
    (msg,) = followups(mock_discord)
    assert msg.embeds[0]["title"].startswith("Q: How do I keep")
    assert any(f["name"] == "Sources" for f in msg.embeds[0]["fields"])

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash("help")))
    (cb,) = mock_discord.callbacks()
    assert cb.body["type"] == 4 and cb.body["data"]["flags"] & 64
    names = [f["name"] for f in cb.body["data"]["embeds"][0]["fields"]]
    assert "/critique" in names and "/settings" in names


async def test_critique_stops_first_on_an_ethics_stop(bot, mock_discord):
    msg, _ = await _critique(
        bot, mock_discord, "A deepfake video of Joe Biden announcing the election is cancelled")
    assert msg.embeds[0]["title"].startswith("⛔ Stop")
    assert "/100" in msg.embeds[1]["title"]


async def test_cooldown_refuses_kindly_and_privately(bot, mock_discord):
    # Rewritten for issue 14 item 2: the deferral comes first (no database call before it),
    # so the refusal replaces the public "thinking..." message with a private note.
    bot.front.cooldowns = {"critique": (1, 60.0)}
    await _critique(bot, mock_discord)
    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash("critique", prompt=PROMPT)))
    (cb,) = mock_discord.callbacks()
    assert cb.body["type"] == 5
    assert mock_discord.find("DELETE", "/messages/@original")
    (note,) = followups(mock_discord)
    assert note.flags & 64
    assert "Give it a moment" in note.embeds[0]["description"]
    assert not note.custom_ids()  # no review was made
    # another member is not held back
    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, slash("critique", prompt=PROMPT),
                                    user="930000000000000007"))
    assert deferred(mock_discord)


def _menu(content: str) -> dict:
    target = user_message(content)
    return {"id": "1", "name": "Review this prompt", "type": 3, "target_id": target["id"],
            "resolved": {"messages": {target["id"]: target}}}


async def test_context_menu_reviews_the_message(bot, mock_discord):
    await dispatch(bot, interaction(2, _menu(GOOD)))
    (msg,) = followups(mock_discord)
    assert "/100" in msg.embeds[0]["title"] and len(msg.custom_ids()) == 4

    mock_discord.calls.clear()
    await dispatch(bot, interaction(2, _menu("")))
    (cb,) = mock_discord.callbacks()
    assert "no text to review" in cb.body["data"]["embeds"][0]["title"]


async def test_mention_is_answered_in_a_new_thread(bot, mock_discord):
    message = user_message(f"<@{BOT_ID}> critique {PROMPT} model:kling", mentions=[BOT_ID])
    await deliver_message(bot, message)
    (thread,) = mock_discord.find("POST", f"/channels/{CHANNEL}/messages/{message['id']}/threads")
    assert thread.body["name"].startswith("Framecraft: A cat jumps")
    (post,) = [c for c in mock_discord.messages() if c.path.endswith("/messages")]
    assert f"/channels/{CHANNEL}/" not in post.path  # in the thread, not the channel
    assert "kling" in post.embeds[0]["title"] and len(post.custom_ids()) == 4


async def test_mention_falls_back_to_a_reply_and_ignores_other_messages(bot, mock_discord):
    mock_discord.fail["thread"] = [(403, {"message": "Missing Permissions", "code": 50013})]
    message = user_message(f"<@!{BOT_ID}> help", mentions=[BOT_ID])
    await deliver_message(bot, message)
    (post,) = [c for c in mock_discord.messages() if c.path.endswith("/messages")]
    assert post.path == f"/api/v10/channels/{CHANNEL}/messages"
    assert str(post.body["message_reference"]["message_id"]) == message["id"]
    assert post.embeds[0]["title"] == "Framecraft reviews AI-video prompts"

    mock_discord.calls.clear()
    await deliver_message(bot, user_message(PROMPT))  # no mention: not for us
    await deliver_message(bot, user_message(f"<@{BOT_ID}> {PROMPT}", mentions=[BOT_ID],
                                            author=BOT_ID))  # ourselves
    assert not mock_discord.calls


async def test_review_view_holds_dynamic_items(bot):
    view = ReviewView("abcd2345", DiscordFront(bot.engine).models(), timeout=None)
    ids = [c["custom_id"] for row in view.to_components() for c in row["components"]]
    assert ids == ["fc:tr:abcd2345", "fc:rw:abcd2345", "fc:up:abcd2345", "fc:dn:abcd2345"]
    assert not asyncio.iscoroutine(view)


async def test_about_is_private_and_lists_models_and_sources(bot, mock_discord):
    await dispatch(bot, interaction(2, slash("about")))
    (cb,) = mock_discord.callbacks()
    assert cb.body["type"] == 5 and cb.body["data"]["flags"] & 64  # only for the asker
    (msg,) = followups(mock_discord)
    assert msg.embeds[0]["title"].startswith("Framecraft ")
    text = msg.text()
    assert "`kling`" in text and "model profiles" in text and "knowledge/models" in text
