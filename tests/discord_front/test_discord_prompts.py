"""`/prompt` in Discord: the app command group through discord.py's own dispatch (real
Interaction objects), mentions, and the HTTP interactions endpoint with signed requests; every
REST call answered by the mock API on loopback."""

from __future__ import annotations

import time

from discord_mock import (
    APP_ID,
    BOT_ID,
    CHANNEL,
    GUILD,
    USER,
    SignedInteractions,
    deliver_message,
    dispatch,
    interaction,
    snowflake,
    user_message,
)

from bot.discord import embeds as em

STATIC = "A static shot of a red fox trotting through a snowy pine forest"
DOLLY = ("A slow dolly-in on a red fox trotting through a snowy pine forest, "
         "golden hour backlight")
OTHER_GUILD = "910000000000000002"


def group(action: str, **options) -> dict:
    """An application command payload for `/prompt <action>` (a subcommand of the group)."""
    opts = []
    for k, v in options.items():
        if v is None:
            continue
        kind = 5 if isinstance(v, bool) else 4 if isinstance(v, int) else 3
        opts.append({"name": k, "type": kind, "value": v})
    return {"id": snowflake(), "name": "prompt", "type": 1,
            "options": [{"name": action, "type": 1, "options": opts}]}


def focused_in(action: str, option: str, value: str) -> dict:
    return {"id": snowflake(), "name": "prompt", "type": 1, "options": [
        {"name": action, "type": 1, "options": [
            {"name": option, "type": 3, "value": value, "focused": True}]}]}


def followups(mock) -> list:
    return [c for c in mock.messages() if "/webhooks/" in c.path]


async def run(bot, mock, action: str, guild: str | None = GUILD, user: str = USER, **options):
    """Send `/prompt action ...`; returns the last follow-up."""
    mock.calls.clear()
    await dispatch(bot, interaction(2, group(action, **options), guild=guild, user=user))
    (cb,) = mock.callbacks()
    assert cb.body["type"] == 5  # deferred within Discord's 3 seconds
    return followups(mock)[-1]


def check_limits(call) -> None:
    assert len(call.embeds) <= em.MAX_EMBEDS
    total = 0
    for e in call.embeds:
        assert len(e.get("description", "")) <= em.DESCRIPTION_LIMIT
        assert len(e.get("fields", [])) <= em.MAX_FIELDS
        for f in e.get("fields", []):
            assert len(f["value"]) <= em.FIELD_VALUE_LIMIT
        total += len(e.get("title", "")) + len(e.get("description", "")) + sum(
            len(f["name"]) + len(f["value"]) for f in e.get("fields", [])) + len(
            (e.get("footer") or {}).get("text", ""))
    assert total <= em.EMBED_TOTAL_LIMIT


async def test_the_group_is_synced_with_its_subcommands_and_autocomplete(bot, mock_discord):
    (put,) = mock_discord.find("PUT", f"/applications/{APP_ID}/commands")
    cmd = next(c for c in put.body if c["name"] == "prompt")
    subs = {o["name"]: o for o in cmd["options"]}
    assert set(subs) == {"save", "list", "history", "show", "diff", "restore", "keep", "delete"}
    assert all(o["type"] == 1 and o["description"] for o in subs.values())
    save = {o["name"]: o for o in subs["save"]["options"]}
    assert save["name"]["autocomplete"] and save["model"]["autocomplete"]
    assert save["prompt"]["required"] and not save["note"].get("required")
    delete = {o["name"]: o for o in subs["delete"]["options"]}
    assert delete["confirm"]["type"] == 5  # a boolean
    restore = {o["name"]: o for o in subs["restore"]["options"]}
    assert restore["version"]["type"] == 4 and restore["version"]["min_value"] == 1


async def test_save_twice_history_diff_keep_restore_list(bot, mock_discord):
    saved = await run(bot, mock_discord, "save", name="hero", prompt=STATIC, note="first take")
    assert saved.embeds[0]["title"].startswith("💾 Saved hero v1")
    assert not saved.flags & 64  # the server's default: public
    await run(bot, mock_discord, "save", name="hero", prompt=DOLLY, model="kling",
              user="930000000000000002")
    v2 = bot.engine.store.get(GUILD, "hero")
    assert (v2.version, v2.author, v2.model) == (2, "930000000000000002", "kling")
    assert v2.score == bot.engine.critique(DOLLY, "kling", with_retrieval=False).score

    history = await run(bot, mock_discord, "history", name="hero")
    text = history.text()
    assert "History of hero" in text
    fields = history.embeds[0]["fields"]
    assert fields[0]["name"].startswith("v2") and f"{v2.score}/100" in fields[0]["name"]
    assert "kling" in fields[0]["name"] and fields[1]["name"].startswith("v1")
    assert "<@930000000000000002>" in fields[0]["value"] and f"<@{USER}>" in fields[1]["value"]
    assert "first take" in fields[1]["value"]

    diff = await run(bot, mock_discord, "diff", name="hero", a=1, b=2)
    text = diff.text()
    assert "hero: v1 → v2" in text
    assert "A ~~static shot of~~ **slow dolly-in on** a red fox" in text
    assert "`camera` changed from *static shot* to *slow dolly-in*" in text
    assert "`lighting` added" in text

    kept = await run(bot, mock_discord, "keep", name="hero", version=2,
                     note="https://cdn.example/take.mp4")
    assert "⭐" in kept.embeds[0]["title"] and "take.mp4" in kept.text()
    restored = await run(bot, mock_discord, "restore", name="hero", version=1)
    assert restored.embeds[0]["title"].startswith("⏪ Restored v1 as hero v3")
    assert bot.engine.store.get(GUILD, "hero").prompt == STATIC

    listed = await run(bot, mock_discord, "list")
    assert "**hero** · v3" in listed.text() and "⭐ v2" in listed.text()
    shown = await run(bot, mock_discord, "show", name="hero", version=2)
    assert DOLLY in shown.text() and "```" in shown.text()


async def test_an_unchanged_save_adds_nothing_unless_forced(bot, mock_discord):
    (put,) = mock_discord.find("PUT", f"/applications/{APP_ID}/commands")
    save = next(o for o in next(c for c in put.body if c["name"] == "prompt")["options"]
                if o["name"] == "save")
    assert {o["name"]: o["type"] for o in save["options"]}["force"] == 5  # a boolean
    await run(bot, mock_discord, "save", name="same", prompt=STATIC)
    again = await run(bot, mock_discord, "save", name="same", prompt=STATIC)
    assert "already has this text" in again.text() and "`force` option" in again.text()
    assert bot.engine.store.get(GUILD, "same").version == 1
    forced = await run(bot, mock_discord, "save", name="same", prompt=STATIC, force=True)
    assert forced.embeds[0]["title"].startswith("💾 Saved same v2")


async def test_delete_needs_confirm_and_errors_are_private(bot, mock_discord):
    await run(bot, mock_discord, "save", name="hero", prompt=STATIC)
    refused = await run(bot, mock_discord, "delete", name="hero")
    assert refused.flags & 64
    assert "removes all 1 version" in refused.text() and "confirm:True" in refused.text()
    # the public "thinking..." placeholder was removed, so the refusal is the asker's alone
    assert mock_discord.find("DELETE", "/messages/@original")
    assert bot.engine.store.list_names(GUILD)
    done = await run(bot, mock_discord, "delete", name="hero", confirm=True)
    assert "Deleted hero (1 version)" in done.text() and not done.flags & 64
    assert bot.engine.store.list_names(GUILD) == []

    long_prompt = f"{STATIC}, with falling snow and a low sun behind the trees"
    bad = await run(bot, mock_discord, "save", name="hero", prompt=long_prompt, model="klingg")
    assert bad.flags & 64 and "Unknown model" in bad.text() and "Did you mean" in bad.text()
    assert long_prompt in bad.text()  # the user's text comes back
    for options, says in (({"name": "a/b", "prompt": STATIC}, "letters, digits"),
                          ({"name": "hero", "prompt": "   "}, "Nothing to save"),
                          ({"name": "hero", "prompt": STATIC, "note": "n" * 501},
                           "limit is 500")):
        reply = await run(bot, mock_discord, "save", **options)
        assert reply.flags & 64 and says in reply.text(), says
    missing = await run(bot, mock_discord, "history", name="nobody")
    assert missing.flags & 64 and "No prompt named" in missing.text()
    assert bot.engine.store.list_names(GUILD) == []


async def test_servers_and_dms_have_their_own_libraries(bot, mock_discord):
    await run(bot, mock_discord, "save", name="hero", prompt=STATIC)
    other = await run(bot, mock_discord, "list", guild=OTHER_GUILD)
    assert "Nothing saved yet" in other.text()
    dm = await run(bot, mock_discord, "history", name="hero", guild=None)
    assert "No prompt named" in dm.text()
    await run(bot, mock_discord, "save", name="mine", prompt=DOLLY, guild=None)
    assert [p.name for p in bot.engine.store.list_names(f"dm:{USER}")] == ["mine"]
    assert [p.name for p in bot.engine.store.list_names(GUILD)] == ["hero"]


async def test_name_and_model_autocomplete(bot, mock_discord):
    for name in ("hero shot", "zeta hero", "alpha", *(f"hero {i:02}" for i in range(30))):
        bot.engine.store.save(GUILD, name, STATIC, USER)
    bot.engine.store.save(OTHER_GUILD, "hero elsewhere", STATIC, USER)
    mock_discord.calls.clear()
    started = time.perf_counter()
    await dispatch(bot, interaction(4, focused_in("history", "name", "HER")))
    assert time.perf_counter() - started < 2
    (cb,) = mock_discord.callbacks()
    assert cb.body["type"] == 8
    values = [c["value"] for c in cb.body["data"]["choices"]]
    assert len(values) == 25 and values[0] == "hero 00"  # prefix matches first, capped
    assert "hero elsewhere" not in values and "alpha" not in values
    mock_discord.calls.clear()
    await dispatch(bot, interaction(4, focused_in("history", "name", "zeta")))
    assert [c["value"] for c in mock_discord.callbacks()[0].body["data"]["choices"]] == [
        "zeta hero"]
    mock_discord.calls.clear()
    await dispatch(bot, interaction(4, focused_in("save", "model", "kl")))
    assert mock_discord.callbacks()[0].body["data"]["choices"][0]["value"] == "kling"


async def test_a_long_history_fits_discords_limits(bot, mock_discord):
    for i in range(40):
        bot.engine.store.save(GUILD, "epic", f"{STATIC} take {i} " + "drifting snow " * 250,
                              USER, note=f"take {i}: " + "n" * 480, score=40 + i)
    await run(bot, mock_discord, "history", name="epic")
    pages = followups(mock_discord)
    assert len(pages) >= 2
    for page in pages:
        check_limits(page)
    assert pages[0].embeds[0]["fields"][0]["name"].startswith("v40")


async def test_mentions_understand_prompt_commands(bot, mock_discord):
    message = user_message(f"<@{BOT_ID}> prompt save hero {STATIC} --ar 16:9 --note first",
                           mentions=[BOT_ID])
    await deliver_message(bot, message)
    (post,) = [c for c in mock_discord.messages() if c.path.endswith("/messages")]
    assert post.embeds[0]["title"].startswith("💾 Saved hero v1")
    v = bot.engine.store.get(GUILD, "hero")
    assert (v.prompt, v.note, v.author) == (f"{STATIC} --ar 16:9", "first", USER)
    mock_discord.calls.clear()
    await deliver_message(bot, user_message(f"<@{BOT_ID}> prompt history hero",
                                            mentions=[BOT_ID]))
    (thread,) = mock_discord.find("POST", f"/channels/{CHANNEL}/messages/")
    assert thread.body["name"] == "Framecraft: history hero"
    (post,) = [c for c in mock_discord.messages() if c.path.endswith("/messages")]
    assert "History of hero" in post.text()


# ---- the HTTP interactions endpoint ---------------------------------------------------------------
async def http_run(client: SignedInteractions, mock, action: str, guild: str | None = GUILD, **options):
    """`/prompt action ...` over HTTP: the deferral, then the reply on the webhook (an edit of
    @original, or a new private message when an error replaces a public placeholder)."""
    mock.calls.clear()
    p = interaction(2, group(action, **options), guild=guild)
    status, body = await client.post(p)
    assert status == 200 and body["type"] == 5

    def replies(m) -> list:
        return [c for c in m.messages() if f"/webhooks/{APP_ID}/{p['token']}" in c.path]
    await mock.wait_for(replies)
    return body, replies(mock)[-1]


async def test_http_endpoint_runs_the_group(endpoint, mock_discord, discord_engine):
    _, saved = await http_run(endpoint, mock_discord, "save", name="hero", prompt=STATIC)
    assert saved.embeds[0]["title"].startswith("💾 Saved hero v1")
    await http_run(endpoint, mock_discord, "save", name="hero", prompt=DOLLY)
    _, diff = await http_run(endpoint, mock_discord, "diff", name="hero", a=1, b=2)
    assert "`camera` changed from" in diff.text()
    _, history = await http_run(endpoint, mock_discord, "history", name="hero")
    assert [f["name"][:2] for f in history.embeds[0]["fields"]] == ["v2", "v1"]
    _, other = await http_run(endpoint, mock_discord, "list", guild=OTHER_GUILD)
    assert "Nothing saved yet" in other.text()

    body, refused = await http_run(endpoint, mock_discord, "delete", name="hero")
    assert body["data"]["flags"] == 0  # deferred publicly (the server's visibility) ...
    assert mock_discord.find("DELETE", "/messages/@original")  # ... so the placeholder goes
    assert refused.method == "POST" and refused.flags & 64
    assert "removes all 2 versions" in refused.text() and "confirm:True" in refused.text()
    await http_run(endpoint, mock_discord, "delete", name="hero", confirm=True)
    assert discord_engine.store.list_names(GUILD) == []


async def test_http_autocomplete_for_a_subcommand(endpoint, discord_engine):
    discord_engine.store.save(GUILD, "hero shot", STATIC, USER)
    discord_engine.store.save(GUILD, "villain", STATIC, USER)
    status, body = await endpoint.post(interaction(4, focused_in("show", "name", "her")))
    assert status == 200 and body["type"] == 8
    assert body["data"]["choices"] == [{"name": "hero shot", "value": "hero shot"}]
    status, body = await endpoint.post(interaction(4, focused_in("save", "model", "kl")))
    assert body["data"]["choices"][0]["value"] == "kling"
