"""Review channels on Discord, through discord.py's own machinery: `/framecraft` callbacks with
real Interaction objects, MESSAGE_CREATE / MESSAGE_UPDATE / THREAD_CREATE payloads parsed by the
client's ConnectionState (so the real on_message and on_raw_message_edit run), and every REST
call answered by the loopback mock."""

from __future__ import annotations

import asyncio
import json
import logging
import math
from collections.abc import AsyncIterator

import discord
import pytest
from discord_mock import (
    APP_ID,
    BOT_ID,
    CHANNEL,
    GUILD,
    MANAGE_GUILD,
    deliver_message,
    dispatch,
    interaction,
    settle,
    snowflake,
    start_bot,
    user_message,
)
from nacl.signing import SigningKey

from bot.core.review_channels import ReviewQueue
from bot.discord.http import InteractionsEndpoint

MANAGE_CHANNELS = 1 << 4
FORUM = "920000000000000777"
PROMPT = ("Slow dolly in on an old fisherman mending a red net on a wooden pier at golden hour, "
          "warm rim light, shallow depth of field, 35mm film look")
BETTER = ("Wide shot, slow push in on an old fisherman mending a red net on a wooden pier at "
          "golden hour, warm rim light, 35mm lens, muted teal and orange grade, gentle waves")
STOP = ("Realistic news footage of Joe Biden at a podium announcing the election is cancelled, "
        "handheld camera, harsh studio lighting, 4K")
CHATTER = ["anyone tried kling 2.1 yet? how long do renders take?",
           "lol that last render was wild",
           "How do I keep a character consistent across shots?",
           "thanks, that helped a lot!"]
ANIMALS = ["heron", "fox", "otter", "lynx", "crane", "stag", "hare", "owl", "seal", "wolf"]
PLACES = ["misty lake", "snowy ridge", "salt marsh", "pine forest", "river delta",
          "moorland", "glacier", "tidal flat", "birch grove", "canyon"]


def burst_prompt(i: int) -> str:
    return (f"Slow dolly in on a grey {ANIMALS[i % 10]} crossing a {PLACES[i // 10 % 10]} at "
            f"dawn, soft backlight, shallow depth of field, 35mm film look, take {i}")


# ---- fixtures and helpers ----------------------------------------------------------------------
@pytest.fixture
def content_settings(discord_settings):
    return discord_settings.model_copy(update={"discord_message_content": True})


@pytest.fixture
async def rbot(discord_engine, content_settings, restore_api_base) -> AsyncIterator:
    client = await start_bot(discord_engine, content_settings)
    yield client
    await client.close()


async def drained(bot, timeout: float = 30.0) -> None:
    """Wait until the bot's event tasks are done and its review queue has nothing due."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        await settle()
        if bot.reviews.idle():
            await asyncio.sleep(0)
            if bot.reviews.idle():
                return
        if loop.time() > deadline:
            raise TimeoutError("the review queue did not drain")
        await asyncio.sleep(0.005)


async def command(bot, mock, sub: str, perms: int = MANAGE_CHANNELS,
                  channel: dict | None = None, **options: str) -> dict:
    """Run `/framecraft <sub>` and return the (immediate, ephemeral) answer's data."""
    opts = [{"name": k, "type": 3, "value": v} for k, v in options.items()]
    data = {"id": snowflake(), "name": "framecraft", "type": 1,
            "options": [{"name": sub, "type": 1, "options": opts}]}
    payload = interaction(2, data, perms=perms)
    if channel is not None:
        payload["channel_id"], payload["channel"] = channel["id"], channel
    n = len(mock.callbacks())
    await dispatch(bot, payload)
    (cb,) = mock.callbacks()[n:]
    assert cb.body["type"] == 4 and cb.body["data"]["flags"] & 64
    return cb.body["data"]


def text_of(data: dict) -> str:
    e = data["embeds"][0]
    return e.get("title", "") + "\n" + e.get("description", "")


def thread_posts(mock) -> list:
    """Messages the bot posted inside threads (not at the channel's top level)."""
    return [c for c in mock.calls if c.method == "POST" and c.path.endswith("/messages")
            and f"/channels/{CHANNEL}/messages" not in c.path and "/webhooks/" not in c.path]


def threads_started(mock) -> list:
    return [c for c in mock.calls if c.method == "POST" and c.path.endswith("/threads")]


def edits(mock) -> list:
    return [c for c in mock.calls if c.method == "PATCH" and "/channels/" in c.path]


def update_of(message: dict, content: str) -> dict:
    return message | {"content": content, "edited_timestamp": "2025-01-01T00:01:00+00:00"}


async def watched(bot, mock) -> None:
    await command(bot, mock, "watch")
    mock.calls.clear()


# ---- /framecraft -------------------------------------------------------------------------------
async def test_group_is_synced_hidden_from_members_and_guild_only(rbot, mock_discord):
    (put,) = mock_discord.find("PUT", f"/applications/{APP_ID}/commands")
    group = next(c for c in put.body if c["name"] == "framecraft")
    assert int(group["default_member_permissions"]) == MANAGE_CHANNELS
    assert group.get("contexts") == [0] or group.get("dm_permission") is False
    subs = {o["name"]: o for o in group["options"]}
    assert set(subs) == {"watch", "unwatch", "ethics-notes", "status", "rules", "digest",
                         "forget-me", "forget-workspace"}
    state = subs["ethics-notes"]["options"][0]
    assert [c["value"] for c in state["choices"]] == ["on", "off"]


async def test_watch_needs_rights_and_manage_channels_is_enough(rbot, mock_discord):
    data = await command(rbot, mock_discord, "watch", perms=(1 << 10) | (1 << 11))
    assert "Manage Channels" in text_of(data) and "Sorry" in text_of(data)
    assert rbot.engine.store.get_setting("discord", CHANNEL, "review_channel") is None

    data = await command(rbot, mock_discord, "watch", perms=MANAGE_CHANNELS)
    assert "now a review channel" in text_of(data)
    assert "Message Content" not in text_of(data)  # this bot can read messages
    assert rbot.engine.store.get_setting("discord", CHANNEL, "review_channel") == "on"

    data = await command(rbot, mock_discord, "status", perms=1 << 10)  # anyone who sees it may look
    assert "Review channel:** on" in text_of(data) and "Ethics notes:** on" in text_of(data)
    data = await command(rbot, mock_discord, "unwatch", perms=MANAGE_GUILD)
    assert "no longer a review channel" in text_of(data)
    assert "Review channel:** off" in text_of(await command(rbot, mock_discord, "status"))


async def test_watch_without_message_content_says_so(bot, mock_discord):
    data = await command(bot, mock_discord, "watch")
    assert "now a review channel" in text_of(data)
    assert "Message Content" in text_of(data) and "DISCORD_MESSAGE_CONTENT" in text_of(data)
    assert "Message Content" in text_of(await command(bot, mock_discord, "status"))


# ---- reviews in a watched channel --------------------------------------------------------------
async def test_prompt_gets_one_review_in_a_thread_and_chatter_gets_nothing(rbot, mock_discord):
    await watched(rbot, mock_discord)
    for line in CHATTER:
        await deliver_message(rbot, user_message(line))
    await drained(rbot)
    assert not mock_discord.calls

    message = user_message(PROMPT)
    await deliver_message(rbot, message)
    await drained(rbot)
    (thread,) = threads_started(mock_discord)
    assert thread.path.endswith(f"/channels/{CHANNEL}/messages/{message['id']}/threads")
    assert "fisherman" not in thread.body["name"] and "/100" in thread.body["name"]
    (post,) = thread_posts(mock_discord)
    embed = post.embeds[0]
    assert "/100 · " in embed["title"]
    (fixes,) = embed["fields"]
    assert fixes["name"] == "Two fixes worth most"
    assert fixes["value"].startswith("1. ") and "\n2. " in fixes["value"]
    (rid,) = [i.split(":")[-1] for i in post.custom_ids()]
    assert post.custom_ids() == [f"fc:fr:{rid}"]
    assert post.components[0]["components"][0]["label"] == "Full review"
    record = rbot.engine.store.get_review(rid)
    assert record.prompt == PROMPT and str(record.score) in embed["title"]
    link = rbot.engine.store.get_post("discord", CHANNEL, message["id"])
    assert link.review_id == rid and '"message"' in link.reply_ref

    # The same event delivered again (a gateway replay) brings no second review.
    mock_discord.calls.clear()
    await deliver_message(rbot, message)
    await drained(rbot)
    assert not mock_discord.calls


def _click(post, custom_id: str, **kw) -> dict:
    message = {"id": snowflake(), "channel_id": CHANNEL, "author": {
        "id": BOT_ID, "username": "Framecraft", "discriminator": "0", "avatar": None,
        "bot": True}, "content": "", "timestamp": "2025-01-01T00:00:00+00:00",
        "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
        "mention_roles": [], "attachments": [], "embeds": post.embeds,
        "components": post.components, "pinned": False, "type": 0, "flags": 0}
    return interaction(3, {"custom_id": custom_id, "component_type": 2}, message=message, **kw)


async def test_full_review_button_answers_privately_even_in_another_process(
        rbot, mock_discord, discord_engine, content_settings):
    await watched(rbot, mock_discord)
    await deliver_message(rbot, user_message(PROMPT))
    await drained(rbot)
    (post,) = thread_posts(mock_discord)
    (custom_id,) = post.custom_ids()
    other = await start_bot(discord_engine, content_settings)
    try:
        mock_discord.calls.clear()
        await dispatch(other, _click(post, custom_id))
        (cb,) = mock_discord.callbacks()
        assert cb.body["type"] == 5 and cb.body["data"]["flags"] & 64
        (full,) = [c for c in mock_discord.messages() if "/webhooks/" in c.path]
        assert full.flags & 64
        assert "/100" in full.embeds[0]["title"] and "Rewrite" in full.text()
        rid = custom_id.split(":")[-1]
        assert full.custom_ids() == [f"fc:tr:{rid}", f"fc:rw:{rid}", f"fc:up:{rid}",
                                     f"fc:dn:{rid}"]
    finally:
        await other.close()


async def test_an_edit_updates_the_same_reply(rbot, mock_discord):
    await watched(rbot, mock_discord)
    message = user_message(PROMPT)
    await deliver_message(rbot, message)
    await drained(rbot)
    (post,) = thread_posts(mock_discord)
    first_rid = post.custom_ids()[0].split(":")[-1]
    reply_id = rbot.engine.store.get_post("discord", CHANNEL, message["id"])

    mock_discord.calls.clear()
    rbot._connection.parse_message_update(update_of(message, BETTER))
    await drained(rbot)
    assert not thread_posts(mock_discord) and not threads_started(mock_discord)
    (edit,) = edits(mock_discord)
    assert edit.path.endswith(reply_id.reply_ref.split('"message":"')[1].rstrip('"}'))
    assert "Updated for the edited message" in edit.embeds[0]["footer"]["text"]
    new_rid = edit.custom_ids()[0].split(":")[-1]
    assert new_rid != first_rid and rbot.engine.store.get_review(new_rid).prompt == BETTER

    # An update that leaves the words alone (a link preview) changes nothing, whether the
    # message is in discord.py's cache or not (then the stored review tells).
    for cached in (True, False):
        if not cached:
            rbot._connection._messages.clear()
        mock_discord.calls.clear()
        rbot._connection.parse_message_update(update_of(message, BETTER) | {"embeds": []})
        await drained(rbot)
        assert not mock_discord.calls

    # An edit into chatter takes the review back, in place.
    rbot._connection.parse_message_update(update_of(message, "never mind, wrong channel lol"))
    await drained(rbot)
    (edit,) = edits(mock_discord)
    assert "no longer reads as a video prompt" in edit.text() and not edit.components
    assert not thread_posts(mock_discord)


async def test_an_edit_of_an_uncached_message_before_its_turn_is_coalesced(rbot, mock_discord):
    await watched(rbot, mock_discord)
    rbot.reviews.queue = ReviewQueue(per_channel_per_minute=1, channel_burst=1)
    await deliver_message(rbot, user_message(burst_prompt(1)))  # spends the only token
    await drained(rbot)
    message = user_message(PROMPT)
    await deliver_message(rbot, message)
    rbot._connection._messages.clear()  # the edit arrives raw (not in the cache)
    rbot._connection.parse_message_update(update_of(message, BETTER))
    await settle()
    assert rbot.reviews.queue.pending() == 1 and rbot.reviews.queue.stats.coalesced == 1


async def test_thread_fallbacks_and_a_deleted_reply(rbot, mock_discord):
    await watched(rbot, mock_discord)
    # A thread from this message exists already (it has the message's id): post in it.
    mock_discord.fail["thread"] = [(400, {"message": "A thread has already been created for "
                                          "this message", "code": 160004})]
    message = user_message(PROMPT)
    await deliver_message(rbot, message)
    await drained(rbot)
    (post,) = [c for c in mock_discord.calls if c.method == "POST" and c.path.endswith("/messages")]
    assert post.path.endswith(f"/channels/{message['id']}/messages")

    # No right to start threads: a reply in the channel, pointing at the message.
    mock_discord.calls.clear()
    mock_discord.fail["thread"] = [(403, {"message": "Missing Permissions", "code": 50013})]
    other = user_message(BETTER)
    await deliver_message(rbot, other)
    await drained(rbot)
    (post,) = [c for c in mock_discord.calls if c.method == "POST" and c.path.endswith("/messages")]
    assert post.path.endswith(f"/channels/{CHANNEL}/messages")
    assert str(post.body["message_reference"]["message_id"]) == other["id"]

    # Someone deleted the review: an edit of the prompt posts a fresh one and links it.
    mock_discord.calls.clear()
    mock_discord.fail["patch"] = [(404, {"message": "Unknown Message", "code": 10008})]
    rbot._connection.parse_message_update(update_of(other, PROMPT))
    await drained(rbot)
    assert len(edits(mock_discord)) == 1
    (post,) = [c for c in mock_discord.calls if c.method == "POST" and c.path.endswith("/messages")]
    link = rbot.engine.store.get_post("discord", CHANNEL, other["id"])
    assert link.review_id == post.custom_ids()[0].split(":")[-1]


# ---- forums ------------------------------------------------------------------------------------
def _add_forum(bot) -> None:
    guild = bot.get_guild(int(GUILD))
    guild._add_channel(discord.ForumChannel(state=bot._connection, guild=guild, data={
        "id": FORUM, "type": 15, "name": "showcase", "position": 1, "guild_id": GUILD,
        "permission_overwrites": [], "available_tags": [], "flags": 0}))


def _forum_post(bot) -> dict:
    post_id = snowflake()
    thread = {"id": post_id, "guild_id": GUILD, "parent_id": FORUM, "type": 11,
              "name": "my new piece", "owner_id": "930000000000000001", "member_count": 1,
              "message_count": 0, "rate_limit_per_user": 0, "flags": 0, "newly_created": True,
              "thread_metadata": {"archived": False, "auto_archive_duration": 1440,
                                  "archive_timestamp": "2025-01-01T00:00:00+00:00",
                                  "locked": False}}
    bot._connection.parse_thread_create(thread)
    return thread


async def test_a_forum_post_gets_its_review_inside_its_own_thread(rbot, mock_discord):
    _add_forum(rbot)
    thread = _forum_post(rbot)
    channel = {k: thread[k] for k in ("id", "guild_id", "parent_id", "type", "name",
                                      "thread_metadata")}
    # run inside a post: the forum is meant
    data = await command(rbot, mock_discord, "watch", channel=channel)
    assert "this forum (every post)" in text_of(data) and "inside its post" in text_of(data)
    assert rbot.engine.store.get_setting("discord", FORUM, "review_channel") == "on"
    assert rbot.engine.store.get_setting("discord", thread["id"], "review_channel") is None

    mock_discord.calls.clear()
    starter = user_message(PROMPT, channel=thread["id"]) | {"id": thread["id"]}
    await deliver_message(rbot, starter)
    await drained(rbot)
    assert not threads_started(mock_discord)
    (post,) = [c for c in mock_discord.calls if c.method == "POST"]
    assert post.path.endswith(f"/channels/{thread['id']}/messages")
    assert "/100" in post.embeds[0]["title"] and post.custom_ids()[0].startswith("fc:fr:")
    assert str(post.body["message_reference"]["message_id"]) == thread["id"]


# ---- ethics notes outside review channels ------------------------------------------------------
async def test_a_stop_prompt_gets_exactly_one_note_that_quotes_nothing(rbot, mock_discord,
                                                                       caplog):
    caplog.set_level(logging.DEBUG)
    mock_discord.calls.clear()
    await deliver_message(rbot, user_message(PROMPT))  # not watched: a fine prompt is left alone
    await drained(rbot)
    assert not mock_discord.calls

    message = user_message(STOP)
    await deliver_message(rbot, message)
    await deliver_message(rbot, message)  # delivered twice
    rbot._connection.parse_message_update(update_of(message, STOP + ", 8K"))  # and edited
    await drained(rbot)
    (thread,) = threads_started(mock_discord)
    assert thread.path.endswith(f"/messages/{message['id']}/threads")
    (note,) = thread_posts(mock_discord)
    text = note.text()
    assert note.embeds[0]["title"] == "A note from Framecraft"
    assert "Instead:" in text and "/ethics" in text
    for word in ("Biden", "podium", "cancelled", "Joe"):
        assert word not in text and word not in thread.body["name"]
        assert word not in caplog.text
    assert not note.components


async def test_ethics_notes_off_means_silence(rbot, mock_discord):
    data = await command(rbot, mock_discord, "ethics-notes", state="off")
    assert "ethics notes are **off**" in text_of(data)
    mock_discord.calls.clear()
    await deliver_message(rbot, user_message(STOP))
    await drained(rbot)
    assert not mock_discord.calls
    data = await command(rbot, mock_discord, "ethics-notes")
    assert "Ethics notes:** off" in text_of(data)


async def test_a_stop_prompt_in_a_review_channel_gets_its_note_in_the_review(rbot, mock_discord):
    await watched(rbot, mock_discord)
    await deliver_message(rbot, user_message(STOP))
    await drained(rbot)
    (post,) = thread_posts(mock_discord)
    assert post.embeds[0]["description"].startswith("⛔ A note before you generate this")
    assert "Biden" not in post.text()


# ---- a flood -----------------------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.t = 10_000.0

    def __call__(self) -> float:
        return self.t


async def test_a_burst_of_100_prompts_stays_within_budget_and_current(
        discord_engine, content_settings, mock_discord, restore_api_base, caplog):
    caplog.set_level(logging.WARNING)
    clock = Clock()
    queue = ReviewQueue(clock=clock)  # the production budget: 12 a minute, bursts of 4
    bot = await start_bot(discord_engine, content_settings, review_queue=queue)
    try:
        await watched(bot, mock_discord)
        start = clock.t
        timeline: list[tuple[float, object]] = []
        seen = 0

        def record() -> None:
            nonlocal seen
            timeline.extend((clock.t - start, c) for c in mock_discord.calls[seen:])
            seen = len(mock_discord.calls)

        for i in range(100):  # 100 prompts in one minute
            await deliver_message(bot, user_message(burst_prompt(i)))
            await drained(bot)
            record()
            clock.t += 0.6
        while clock.t - start < 300 and queue.wait_s() is not None:  # then let it catch up
            clock.t += 1.0
            bot.reviews.wake()
            await drained(bot)
            record()
        elapsed = clock.t - start
    finally:
        await bot.close()

    reviews = [(t, c) for t, c in timeline
               if c.method == "POST" and c.path.endswith("/messages") and c.custom_ids()]
    notices = [(t, c) for t, c in timeline if c.method == "POST"
               and c.path.endswith(f"/channels/{CHANNEL}/messages")]
    threads = [t for t, c in timeline if c.path.endswith("/threads")]
    stats = queue.stats
    print(f"\nburst: 100 prompts in 60 s -> {len(reviews)} reviews, {stats.dropped} skipped, "
          f"{len(notices)} busy notice(s), max lag {stats.max_lag_s:.1f} s, "
          f"drained after {elapsed:.0f} s simulated")
    assert len(reviews) == len(threads) == stats.taken
    assert len(reviews) + stats.dropped == 100 and stats.dropped > 0
    # The channel's own budget: a burst of 4, then 12 a minute, in every window.
    for t0, _ in reviews:
        in_minute = [t for t, _ in reviews if t0 <= t < t0 + 60]
        assert len(in_minute) <= 4 + 12, t0
    assert len(reviews) <= 4 + math.ceil(12 * elapsed / 60)
    # Discord's per-channel message limit (5 per 5 s) is never approached on the channel.
    channel_posts = sorted(t for t, c in timeline
                           if c.method == "POST" and f"/channels/{CHANNEL}/" in c.path)
    for i, t0 in enumerate(channel_posts):
        assert sum(1 for t in channel_posts[i:] if t < t0 + 5) <= 5
    # Current: nothing reviewed more than a minute after it was posted.
    assert stats.max_lag_s < 60
    # Said so: every skipped prompt is counted in a notice, at most one notice a minute.
    counted = 0
    for _, c in notices:
        text = c.text()
        assert "Busy channel" in text and "/critique" in text
        counted += int(text.split("did not review ")[1].split()[0])
    assert counted == stats.dropped
    times = [t for t, _ in notices]
    assert all(b - a >= 60 for a, b in zip(times, times[1:], strict=False))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_replicas_share_one_channel_budget(discord_engine, content_settings,
                                                 mock_discord, restore_api_base):
    first = await start_bot(discord_engine, content_settings)
    second = await start_bot(discord_engine, content_settings)
    try:
        await watched(first, mock_discord)
        for bot in (first, second):
            bot.reviews.shared_per_minute = 3  # each has room for 4 on its own
        for i in range(4):
            for bot in (first, second):
                await deliver_message(bot, user_message(burst_prompt(10 * i + (bot is second))))
        await drained(first)
        await drained(second)
        assert len(thread_posts(mock_discord)) == 3
        assert first.reviews.queue.pending() + second.reviews.queue.pending() == 5
    finally:
        await first.close()
        await second.close()


# ---- persistence and the HTTP endpoint -----------------------------------------------------------
async def test_settings_survive_a_new_client_on_the_same_database(
        discord_engine, content_settings, mock_discord, restore_api_base):
    first = await start_bot(discord_engine, content_settings)
    try:
        await command(first, mock_discord, "watch")
        await command(first, mock_discord, "ethics-notes", state="off")
    finally:
        await first.close()
    from bot.core.engine import Engine

    fresh = Engine(settings=content_settings, kb=discord_engine.kb)  # a new process, same DB
    second = await start_bot(fresh, content_settings)
    try:
        data = await command(second, mock_discord, "status")
        assert "Review channel:** on" in text_of(data) and "Ethics notes:** off" in text_of(data)
        mock_discord.calls.clear()
        await deliver_message(second, user_message(PROMPT))
        await drained(second)
        assert len(thread_posts(mock_discord)) == 1
    finally:
        await second.close()


async def test_http_endpoint_saves_the_switch_and_says_reviews_need_the_gateway(
        discord_engine, discord_settings, mock_discord):
    key = SigningKey.generate()
    settings = discord_settings.model_copy(
        update={"discord_public_key": key.verify_key.encode().hex()})
    ep = InteractionsEndpoint(discord_engine, settings)
    try:
        def payload(sub: str, perms: int, **opts: str) -> dict:
            return interaction(2, {"id": snowflake(), "name": "framecraft", "type": 1,
                                   "options": [{"name": sub, "type": 1, "options": [
                                       {"name": k, "type": 3, "value": v}
                                       for k, v in opts.items()]}]}, perms=perms)

        out = await ep.dispatch(payload("watch", 1 << 10))
        assert out["type"] == 4 and out["data"]["flags"] & 64
        assert "Manage Channels" in out["data"]["embeds"][0]["description"]
        out = await ep.dispatch(payload("watch", MANAGE_CHANNELS))
        text = out["data"]["embeds"][0]["description"]
        assert "now a review channel" in text and "need the gateway bot" in text
        assert discord_engine.store.get_setting("discord", CHANNEL, "review_channel") == "on"
        out = await ep.dispatch(payload("ethics-notes", MANAGE_GUILD, state="off"))
        assert discord_engine.store.get_setting("discord", CHANNEL, "ethics_notes") == "off"

        # The Full review button works here too.
        rid = discord_engine.store.record_review("discord", GUILD, CHANNEL, "1", PROMPT, 50, None)
        out = await ep.dispatch(interaction(3, {"custom_id": f"fc:fr:{rid}",
                                                "component_type": 2}))
        assert out == {"type": 5, "data": {"flags": 64}}
        await asyncio.gather(*ep._tasks)
        (full,) = [c for c in mock_discord.messages() if "/webhooks/" in c.path]
        assert "/100" in full.embeds[0]["title"] and full.custom_ids()[0] == f"fc:tr:{rid}"
    finally:
        await ep._close(None)



def test_doctor_warns_when_the_bot_cannot_read_messages(discord_settings):
    from bot.cli.doctor import check_discord
    from bot.core.engine import Engine

    names = {c.name: c for c in check_discord(Engine(discord_settings))}
    assert names["discord-review-channels"].status == "warn"
    assert "DISCORD_MESSAGE_CONTENT" in names["discord-review-channels"].detail
    content = discord_settings.model_copy(update={"discord_message_content": True})
    assert [c.name for c in check_discord(Engine(content))] == ["discord"]


def delete_of(message: dict) -> dict:
    return {"id": message["id"], "channel_id": message["channel_id"],
            "guild_id": message.get("guild_id")}


async def test_deleting_a_prompt_deletes_its_review(rbot, mock_discord):
    await watched(rbot, mock_discord)
    message = user_message(PROMPT)
    await deliver_message(rbot, message)
    await drained(rbot)
    (post,) = thread_posts(mock_discord)
    link = rbot.engine.store.get_post("discord", CHANNEL, message["id"])
    reply = json.loads(link.reply_ref)
    mock_discord.calls.clear()
    rbot._connection.parse_message_delete(delete_of(message))
    await drained(rbot)
    (gone,) = [c for c in mock_discord.calls if c.method == "DELETE"]
    assert gone.path.endswith(f"/channels/{reply['channel']}/messages/{reply['message']}")
    assert not thread_posts(mock_discord) and not edits(mock_discord)


async def test_a_prompt_deleted_while_its_review_waits_is_never_reviewed(rbot, mock_discord):
    await watched(rbot, mock_discord)
    rbot.reviews.queue = ReviewQueue(per_channel_per_minute=1, channel_burst=1)
    await deliver_message(rbot, user_message(burst_prompt(1)))  # spends the only token
    await drained(rbot)
    message = user_message(PROMPT)
    await deliver_message(rbot, message)
    await settle()
    assert rbot.reviews.queue.pending() == 1
    mock_discord.calls.clear()
    rbot._connection.parse_message_delete(delete_of(message))
    await settle()
    assert rbot.reviews.queue.pending() == 0
    assert not [c for c in mock_discord.calls if c.method == "DELETE"]
