"""Discord servers that remove the bot, members who ask to be forgotten, and the invite link:
through discord.py's own dispatch against the mock REST API."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
from pathlib import Path

import discord
from discord_mock import APP_ID, GUILD, dispatch, interaction, settle, slash

from bot.core.tenants import RetentionJob
from bot.discord.invite import PERMISSIONS, SCOPES, invite_url, permissions

REPO = Path(__file__).resolve().parents[2]
OTHER_GUILD = "910000000000000099"
MEMBER = "930000000000000002"
DAY = 86400.0
MANAGE_GUILD = 1 << 5
PROMPT = "A red fox trots through fresh snow at dawn, slow dolly in, soft golden backlight"


def said(mock) -> str:
    from discord_mock import Call

    data = [Call(c.method, c.path, (c.body or {}).get("data")) for c in mock.callbacks()]
    return "\n".join(c.text() for c in mock.messages() + data)


def with_confirm(data: dict, confirm: bool | None) -> dict:
    if confirm is not None:
        data["options"] = [*data.get("options", []),
                           {"name": "confirm", "type": 5, "value": confirm}]
    return data


def group_command(name: str, confirm: bool | None = None) -> dict:
    sub = with_confirm({"name": name, "type": 1, "options": []}, confirm)
    return {"id": "1", "name": "framecraft", "type": 1, "options": [sub]}


# ---- the invite link --------------------------------------------------------------------------
def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8")
                     for p in sorted((REPO / "bot" / "discord").rglob("*.py")))


USES: dict[str, set[str]] = {
    # what the bot's code does -> the permissions Discord asks for it
    r"\.send\(": {"view_channel", "send_messages"},
    r"\bembeds?=": {"embed_links"},
    r"discord\.File\(": {"attach_files"},  # a chart posted with channel.send (not a reply)
    r"\.create_thread\(": {"create_public_threads", "send_messages_in_threads"},  # then answer in it
    r"\breference=": {"read_message_history"},  # replying to a message
}


def test_the_invite_asks_for_exactly_the_permissions_the_code_uses() -> None:
    code = _sources()
    needed = set().union(*(perms for pattern, perms in USES.items() if re.search(pattern, code)))
    assert needed == set(PERMISSIONS)
    # and nothing more: no admin, no moderation, no reading members
    value = permissions()
    assert not (value.administrator or value.manage_messages or value.manage_guild
                or value.manage_channels or value.mention_everyone)
    assert set(SCOPES) == {"bot", "applications.commands"}


def test_invite_url_command_prints_the_link_and_names_a_missing_id(tmp_path) -> None:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "HOME": str(tmp_path),
           "FRAMECRAFT_DATA_DIR": str(tmp_path / "data"), "DISCORD_APPLICATION_ID": APP_ID}
    ok = subprocess.run([sys.executable, "-m", "bot.cli", "discord", "invite-url"], env=env,
                        capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == invite_url(APP_ID)
    assert f"client_id={APP_ID}" in ok.stdout and "scope=bot+applications.commands" in ok.stdout
    assert f"permissions={permissions().value}" in ok.stdout
    env.pop("DISCORD_APPLICATION_ID")
    missing = subprocess.run([sys.executable, "-m", "bot.cli", "discord", "invite-url"],
                             env=env, capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert missing.returncode == 2 and "DISCORD_APPLICATION_ID is not set" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_the_readme_shows_the_same_permissions() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"permissions={permissions().value}" in readme
    assert str(permissions().value) in readme


# ---- the bot leaves a server ------------------------------------------------------------------
def _fill(store, guild: str, user: str) -> None:
    store.save(guild, "hero", PROMPT, user, score=50)
    store.set_setting("discord", guild, "model", "kling")
    store.record_review("discord", guild, "c1", user, PROMPT, 50, None)


async def test_leaving_a_server_starts_its_retention_and_the_other_is_untouched(
        bot, discord_engine) -> None:
    store = discord_engine.store
    _fill(store, GUILD, "u1")
    _fill(store, OTHER_GUILD, "u2")
    bot._connection.parse_guild_delete({"id": GUILD})  # kicked: GUILD_DELETE, not unavailable
    await settle()
    deadline = time.monotonic() + 10
    while not store.left_tenants() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    (left,) = store.left_tenants()
    assert (left.platform, left.scope, left.reason) == ("discord", GUILD, "guild_remove")
    job = RetentionJob(store)
    assert job.run_once(now=left.left_at + 29 * DAY) == []
    assert store.list_names(GUILD) != []
    assert job.run_once(now=left.left_at + 30 * DAY + 1) is not None
    assert store.list_names(GUILD) == [] and store.get_setting("discord", GUILD, "model") is None
    assert [p.name for p in store.list_names(OTHER_GUILD)] == ["hero"]
    assert store.get_setting("discord", OTHER_GUILD, "model") == "kling"


async def test_added_back_within_the_retention_keeps_the_data(bot, discord_engine) -> None:
    store = discord_engine.store
    _fill(store, GUILD, "u1")
    store.mark_left("discord", GUILD, "guild_remove", 30)
    await bot.on_guild_join(discord.Object(id=int(GUILD)))  # type: ignore[arg-type]
    assert store.left_tenants() == []
    assert RetentionJob(store).run_once(now=time.time() + 365 * DAY) == []
    assert [p.name for p in store.list_names(GUILD)] == ["hero"]


# ---- forgetting -------------------------------------------------------------------------------
async def test_forget_me_counts_first_then_removes_only_the_member(bot, mock_discord,
                                                                   discord_engine) -> None:
    store = discord_engine.store
    store.save(GUILD, "solo", PROMPT, MEMBER)
    store.save(GUILD, "shared", PROMPT, MEMBER)
    store.save(GUILD, "shared", PROMPT + ", handheld", "someone-else")
    store.save(OTHER_GUILD, "elsewhere", PROMPT, MEMBER)  # Discord ids are global
    store.record_review("discord", GUILD, "c1", MEMBER, PROMPT, 50, None)
    store.save(GUILD, "theirs", PROMPT, "someone-else")
    await dispatch(bot, interaction(2, with_confirm(slash("forget-me"), None), user=MEMBER))
    asked = said(mock_discord)
    assert "2 saved prompts (2 versions)" in asked and "1 review" in asked
    assert "shown as removed" in asked and "confirm:True" in asked
    assert len(store.list_names(GUILD)) == 3
    await dispatch(bot, interaction(2, with_confirm(slash("forget-me"), True), user=MEMBER))
    assert "Done" in said(mock_discord)
    assert [p.name for p in store.list_names(GUILD)] == ["shared", "theirs"]
    assert [v.author for v in store.history(GUILD, "shared")] == ["removed", "someone-else"]
    assert store.list_names(OTHER_GUILD) == []
    assert store.recent_reviews("discord", GUILD) == []
    # the same through the /framecraft group
    store.save(GUILD, "again", PROMPT, MEMBER)
    await dispatch(bot, interaction(2, group_command("forget-me", True), user=MEMBER,
                                    perms=MANAGE_GUILD))
    assert [p.name for p in store.list_names(GUILD)] == ["shared", "theirs"]


async def test_forget_workspace_needs_manage_server_and_confirms(bot, mock_discord,
                                                                 discord_engine) -> None:
    store = discord_engine.store
    _fill(store, GUILD, "u1")
    _fill(store, OTHER_GUILD, "u2")
    await dispatch(bot, interaction(2, group_command("forget-workspace", True), user=MEMBER))
    assert "Manage Server" in said(mock_discord)
    assert store.list_names(GUILD) != []
    await dispatch(bot, interaction(2, group_command("forget-workspace"), user=MEMBER,
                                    perms=MANAGE_GUILD))
    assert "1 saved prompt" in said(mock_discord) and store.list_names(GUILD) != []
    await dispatch(bot, interaction(2, group_command("forget-workspace", True), user=MEMBER,
                                    perms=MANAGE_GUILD))
    assert store.list_names(GUILD) == [] and store.recent_reviews("discord", GUILD) == []
    assert [p.name for p in store.list_names(OTHER_GUILD)] == ["hero"]


# ---- the same over the HTTP interactions endpoint ---------------------------------------------
async def test_http_endpoint_forgets_too(discord_engine, discord_settings) -> None:
    import json

    import aiohttp
    from nacl.signing import SigningKey

    from bot.discord.http import InteractionsEndpoint, running_server

    key = SigningKey.generate()
    settings = discord_settings.model_copy(
        update={"discord_public_key": key.verify_key.encode().hex()})
    store = discord_engine.store
    _fill(store, GUILD, MEMBER)
    async with running_server(InteractionsEndpoint(discord_engine, settings)) as url, \
            aiohttp.ClientSession() as session:
        async def send(payload: dict) -> str:
            raw = json.dumps(payload).encode()
            ts = str(int(time.time()))
            h = {"X-Signature-Ed25519": key.sign(ts.encode() + raw).signature.hex(),
                 "X-Signature-Timestamp": ts, "content-type": "application/json"}
            async with session.post(url + "/interactions", data=raw, headers=h) as r:
                assert r.status == 200
                return json.dumps(await r.json(content_type=None))

        asked = await send(interaction(2, with_confirm(slash("forget-me"), None), user=MEMBER))
        assert "1 saved prompt (1 version)" in asked and store.list_names(GUILD) != []
        refused = await send(interaction(2, group_command("forget-workspace", True), user=MEMBER))
        assert "Manage Server" in refused
        done = await send(interaction(2, with_confirm(slash("forget-me"), True), user=MEMBER))
        assert "Done" in done and store.list_names(GUILD) == []
        assert store.get_setting("discord", GUILD, "model") == "kling"  # the server's, not hers
        await send(interaction(2, group_command("forget-workspace", True), user=MEMBER,
                               perms=MANAGE_GUILD))
        assert store.get_setting("discord", GUILD, "model") is None


async def test_a_server_the_bot_is_in_is_never_purged(bot, discord_engine) -> None:
    """Re-added while the bot was offline (no join event): being in the server says it."""
    store = discord_engine.store
    _fill(store, GUILD, "u1")
    _fill(store, OTHER_GUILD, "u2")
    now = time.time()  # the bot's own job ran at start: the clock moves on from there
    store.mark_left("discord", GUILD, "guild_remove", 30, now=now)
    store.mark_left("discord", OTHER_GUILD, "guild_remove", 30, now=now)
    done = bot.retention.run_once(now=now + 31 * DAY)
    assert [x.scope for x, _ in done] == [OTHER_GUILD]
    assert [p.name for p in store.list_names(GUILD)] == ["hero"]


# ---- servers apart ------------------------------------------------------------------------------
def _prompt(action: str, **options) -> dict:
    opts = [{"name": k, "type": 4 if isinstance(v, int) else 3, "value": v}
            for k, v in options.items()]
    return {"id": "1", "name": "prompt", "type": 1,
            "options": [{"name": action, "type": 1, "options": opts}]}


async def test_a_server_never_sees_another_servers_data(bot, mock_discord, discord_engine) -> None:
    store = discord_engine.store
    store.save(GUILD, "zebrafinch", PROMPT, MEMBER, note="privatenote")
    store.save(GUILD, "zebrafinch", PROMPT + ", handheld", MEMBER)
    store.set_setting("discord", GUILD, "model", "kling")
    store.set_house_rules("discord", GUILD, None,
                          '[rules]\nban = [{ word = "quokka", reason = "style" }]\n', MEMBER)
    store.record_review("discord", GUILD, "c1", MEMBER, PROMPT + " secretshot", 50, None)
    # the owning server's own commands show these (so the checks below can fail)
    await dispatch(bot, interaction(2, _prompt("show", name="zebrafinch", version=1)))
    await dispatch(bot, interaction(2, group_command("rules")))
    assert "privatenote" in said(mock_discord) and "quokka" in said(mock_discord)
    mock_discord.calls.clear()
    for action, options in (("list", {}), ("history", {"name": "zebrafinch"}),
                            ("show", {"name": "zebrafinch", "version": 1}),
                            ("diff", {"name": "zebrafinch", "a": 1, "b": 2}),
                            ("restore", {"name": "zebrafinch", "version": 1}),
                            ("keep", {"name": "zebrafinch", "version": 1})):
        await dispatch(bot, interaction(2, _prompt(action, **options), guild=OTHER_GUILD))
    await dispatch(bot, interaction(2, slash("settings"), guild=OTHER_GUILD))
    await dispatch(bot, interaction(2, group_command("rules"), guild=OTHER_GUILD))
    await dispatch(bot, interaction(2, slash("insights", since="all"), guild=OTHER_GUILD))
    await dispatch(bot, interaction(2, group_command("forget-workspace", True),
                                    guild=OTHER_GUILD, perms=MANAGE_GUILD))
    seen = said(mock_discord)
    assert "No prompt named" in seen
    for secret in ("privatenote", "handheld", "quokka", "kling", "secretshot"):
        assert secret not in seen, secret
    assert len(store.history(GUILD, "zebrafinch")) == 2  # restore/keep elsewhere changed nothing
    assert store.get_setting("discord", GUILD, "model") == "kling"
    assert store.recent_reviews("discord", GUILD)
