"""The stateless interactions endpoint over real HTTP on loopback: Ed25519 signatures from a key
the test generates (forged ones too), PING, commands, components, autocomplete and the modal;
follow-ups land on the mock Discord API."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from discord_mock import APP_ID, GUILD, MANAGE_GUILD, focused, interaction, slash
from nacl.signing import SigningKey

from bot.discord.client import DiscordConfigError
from bot.discord.http import InteractionsEndpoint, running_server

PROMPT = "A cat jumps on the table"


class Client:
    def __init__(self, url: str, key: SigningKey, session: aiohttp.ClientSession):
        self.url, self.key, self.session = url + "/interactions", key, session

    async def post(self, payload: dict, *, key: SigningKey | None = None, headers=None,
                   body: bytes | None = None) -> tuple[int, dict]:
        raw = body if body is not None else json.dumps(payload).encode()
        ts = str(int(time.time()))
        sig = (key or self.key).sign(ts.encode() + raw).signature.hex()
        h = {"X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts,
             "content-type": "application/json"}
        if headers is not None:
            h = headers
        async with self.session.post(self.url, data=raw, headers=h) as r:
            return r.status, await r.json(content_type=None)


@pytest.fixture
async def endpoint(discord_engine, discord_settings) -> AsyncIterator[tuple]:
    key = SigningKey.generate()
    settings = discord_settings.model_copy(
        update={"discord_public_key": key.verify_key.encode().hex()})
    ep = InteractionsEndpoint(discord_engine, settings)
    async with running_server(ep) as url, aiohttp.ClientSession() as session:
        yield Client(url, key, session), ep


async def test_signatures_are_checked(endpoint):
    client, _ = endpoint
    ping = {"type": 1, "id": "1", "application_id": APP_ID, "token": "t", "version": 1}
    assert await client.post(ping) == (200, {"type": 1})
    status, _ = await client.post(ping, key=SigningKey.generate())  # forged
    assert status == 401
    status, _ = await client.post(ping, headers={"content-type": "application/json"})  # missing
    assert status == 401
    raw = json.dumps(ping).encode()
    ts = str(int(time.time()))
    sig = client.key.sign(ts.encode() + raw).signature.hex()
    tampered = raw.replace(b'"type": 1', b'"type": 2')
    status, _ = await client.post(ping, body=tampered, headers={
        "X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts})
    assert status == 401
    status, _ = await client.post(ping, headers={"X-Signature-Ed25519": "zz-not-hex",
                                                 "X-Signature-Timestamp": ts})
    assert status == 401
    status, _ = await client.post({}, body=b"\xff\xfe not json")
    assert status == 400


async def test_command_is_deferred_then_followed_up(endpoint, mock_discord):
    client, ep = endpoint
    p = interaction(2, slash("critique", prompt=PROMPT, model="kling"))
    status, body = await client.post(p)
    assert status == 200 and body == {"type": 5, "data": {"flags": 0}}
    await mock_discord.wait_for(lambda m: m.find("PATCH", "/messages/@original"))
    (edit,) = mock_discord.find("PATCH", f"/webhooks/{APP_ID}/{p['token']}/messages/@original")
    assert "kling" in edit.embeds[0]["title"] and "/100" in edit.embeds[0]["title"]
    ids = edit.custom_ids()
    rid = ids[0].split(":")[-1]
    assert ids == [f"fc:tr:{rid}", f"fc:rw:{rid}", f"fc:up:{rid}", f"fc:dn:{rid}"]
    assert ep.engine.store.get_review(rid).model == "kling"

    # the buttons, handled statelessly from their custom_ids
    status, body = await client.post(interaction(3, {"custom_id": f"fc:up:{rid}",
                                                     "component_type": 2}))
    assert body["type"] == 4 and body["data"]["flags"] & 64
    assert ep.engine.store.feedback_counts("discord", GUILD, rid) == (1, 0)

    mock_discord.calls.clear()
    click = interaction(3, {"custom_id": f"fc:tr:{rid}", "component_type": 3,
                            "values": ["runway"]})
    status, body = await client.post(click)
    assert body == {"type": 5, "data": {"flags": 64}}
    await mock_discord.wait_for(lambda m: m.find("PATCH", "/messages/@original"))
    (edit,) = mock_discord.find("PATCH", click["token"])
    assert edit.embeds[0]["title"] == "Translated for runway"

    mock_discord.calls.clear()
    click = interaction(3, {"custom_id": f"fc:rw:{rid}", "component_type": 2})
    await client.post(click)
    await mock_discord.wait_for(lambda m: m.find("PATCH", "/messages/@original"))
    assert mock_discord.find("PATCH", click["token"])[0].embeds[0]["description"].startswith(
        "```")


async def test_errors_are_private_and_quick_answers_inline(endpoint, mock_discord):
    client, ep = endpoint
    p = interaction(2, slash("critique", prompt=PROMPT, model="nope-model"))
    status, body = await client.post(p)
    assert body["type"] == 5
    await mock_discord.wait_for(lambda m: m.find("POST", p["token"]))
    assert mock_discord.find("DELETE", f"{p['token']}/messages/@original")
    (post,) = mock_discord.find("POST", p["token"])
    assert post.flags & 64 and "Unknown model" in post.text()

    status, body = await client.post(interaction(2, slash("settings", replies="ephemeral")))
    assert "Manage Server" in body["data"]["embeds"][0]["description"]
    status, body = await client.post(interaction(2, slash("settings", replies="ephemeral"),
                                                 perms=MANAGE_GUILD))
    assert ep.engine.store.get_setting("discord", GUILD, "visibility") == "ephemeral"
    # The deferral comes before the settings are read (issue 14 item 2): public, then the
    # private answer removes it and follows up privately.
    mock_discord.calls.clear()
    p = interaction(2, slash("ethics", prompt=PROMPT))
    status, body = await client.post(p)
    assert body == {"type": 5, "data": {"flags": 0}}
    await mock_discord.wait_for(lambda m: m.find("POST", p["token"]))
    assert mock_discord.find("DELETE", f"{p['token']}/messages/@original")
    assert all(c.flags & 64 for c in mock_discord.find("POST", p["token"]))

    status, body = await client.post(interaction(2, slash("help")))
    assert body["type"] == 4 and body["data"]["embeds"][0]["fields"]
    status, body = await client.post(interaction(4, focused("translate", "to", "run")))
    assert body["type"] == 8 and body["data"]["choices"][0]["value"] == "runway"
    status, body = await client.post(interaction(3, {"custom_id": "someone-else",
                                                     "component_type": 2}))
    assert "no longer in use" in body["data"]["embeds"][0]["description"]


async def test_modal_and_context_menu(endpoint, mock_discord):
    client, _ = endpoint
    status, body = await client.post(interaction(2, slash("critique")))
    assert body["type"] == 9 and body["data"]["custom_id"] == "fc:critique-modal"
    p = interaction(5, {"custom_id": "fc:critique-modal", "components": [
        {"type": 1, "components": [{"type": 4, "custom_id": "prompt", "value": PROMPT}]},
        {"type": 1, "components": [{"type": 4, "custom_id": "model", "value": ""}]}]})
    status, body = await client.post(p)
    assert body["type"] == 5
    await mock_discord.wait_for(lambda m: m.find("PATCH", p["token"]))
    assert "/100" in mock_discord.find("PATCH", p["token"])[0].embeds[0]["title"]

    menu = {"id": "1", "name": "Review this prompt", "type": 3, "target_id": "77",
            "resolved": {"messages": {"77": {"id": "77", "content": PROMPT}}}}
    p = interaction(2, menu)
    status, body = await client.post(p)
    assert body["type"] == 5
    await mock_discord.wait_for(lambda m: m.find("PATCH", p["token"]))


async def test_missing_or_bad_public_key(discord_engine, discord_settings):
    with pytest.raises(DiscordConfigError, match="DISCORD_PUBLIC_KEY is not set"):
        InteractionsEndpoint(discord_engine, discord_settings)
    bad = discord_settings.model_copy(update={"discord_public_key": "xyz"})
    with pytest.raises(DiscordConfigError, match="64-character hex"):
        InteractionsEndpoint(discord_engine, bad)


async def test_about_over_http(endpoint, mock_discord):
    client, _ = endpoint
    p = interaction(2, slash("about"))
    status, body = await client.post(p)
    assert status == 200 and body == {"type": 5, "data": {"flags": 64}}
    await mock_discord.wait_for(lambda m: m.find("PATCH", "/messages/@original"))
    (edit,) = mock_discord.find("PATCH", p["token"])
    assert edit.embeds[0]["title"].startswith("Framecraft ") and "`kling`" in edit.text()
