"""Team insights on Discord: `/insights` through discord.py's own dispatch and through the
signed HTTP endpoint (the chart arrives as a multipart attachment the embed shows),
`/privacy`, `/framecraft digest` (Manage Channels) and the weekly digest posted from the
scheduler's thread through the client's event loop, once with two bots racing."""

from __future__ import annotations

import asyncio
import io
import json
import time
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from discord_mock import APP_ID, CHANNEL, GUILD, interaction, slash, start_bot
from nacl.signing import SigningKey
from PIL import Image

from bot.core.insights.digest import latest_slot
from bot.discord.http import InteractionsEndpoint, running_server

MEMBER = "930000000000000002"
MANAGE_CHANNELS = 1 << 4
GOOD = ("Wide shot: a red fox trots through fresh snow at dawn, slow dolly in, soft golden "
        "backlight, 35mm film grain, calm pacing")
CHART = "framecraft-insights.png"


def seed(engine, user: str, prompt: str, score: int, *, channel: str = CHANNEL,
         at: datetime | None = None) -> None:
    from sqlalchemy import text

    rid = engine.store.record_review("discord", GUILD, channel, user, prompt, score, None)
    when = (at or datetime.now(UTC) - timedelta(days=1)).timestamp()
    with engine.store.engine.begin() as conn:
        conn.execute(text("UPDATE fc_reviews SET created_at = :t WHERE id = :i"),
                     {"t": when, "i": rid})


def subcommand(group: str, name: str, **options) -> dict:
    opts = [{"name": k, "type": 4 if isinstance(v, int) else 3, "value": v}
            for k, v in options.items() if v is not None]
    return {"id": "1", "name": group, "type": 1,
            "options": [{"name": name, "type": 1, "options": opts}]}


def said(mock) -> str:
    """Every message and immediate interaction response the bot sent, as text."""
    from discord_mock import Call

    data = [Call(c.method, c.path, (c.body or {}).get("data")) for c in mock.callbacks()]
    return "\n".join(c.text() for c in mock.messages() + data)


def chart_messages(mock) -> list:
    return [c for c in mock.calls if CHART in c.files]


def assert_chart(call) -> None:
    image = Image.open(io.BytesIO(call.files[CHART]))
    assert image.format == "PNG" and image.size == (800, 860)
    assert sum(1 for n in image.convert("L").histogram() if n) > 10
    assert call.embeds[0]["image"]["url"] == f"attachment://{CHART}"
    assert call.body["attachments"][0]["filename"] == CHART


async def test_insights_replies_with_the_chart_attached_and_a_summary(bot, mock_discord,
                                                                      discord_engine):
    from discord_mock import dispatch

    seed(discord_engine, "u1", GOOD, 80)
    seed(discord_engine, MEMBER, "a fox", 20)
    await dispatch(bot, interaction(2, slash("insights", since="30d")))
    (reply,) = chart_messages(mock_discord)
    assert_chart(reply)
    assert "2 reviews" in reply.text() and "fox" not in reply.text()


async def test_privacy_exclude_me_changes_the_numbers(bot, mock_discord, discord_engine):
    from discord_mock import dispatch

    seed(discord_engine, "u1", GOOD, 80)
    seed(discord_engine, MEMBER, "a fox", 20)
    await dispatch(bot, interaction(2, slash("privacy", choice="exclude-me"), user=MEMBER))
    assert "no longer count" in said(mock_discord)
    await dispatch(bot, interaction(2, slash("insights")))
    (reply,) = chart_messages(mock_discord)
    assert "1 review" in reply.text() and "Average score 80/100" in reply.text()


async def test_digest_needs_manage_channels(bot, mock_discord, discord_engine):
    from discord_mock import dispatch

    await dispatch(bot, interaction(2, subcommand("framecraft", "digest", state="weekly")))
    assert "Manage Channels" in said(mock_discord)
    assert discord_engine.store.insights.subscriptions("discord") == []
    await dispatch(bot, interaction(2, subcommand("framecraft", "digest", state="weekly",
                                                  day="friday", hour=16,
                                                  timezone="Europe/Berlin"),
                                    perms=MANAGE_CHANNELS))
    (sub,) = discord_engine.store.insights.subscriptions("discord")
    assert (sub.scope, sub.channel, sub.weekday, sub.hour, sub.tz) == (
        GUILD, CHANNEL, 4, 16, "Europe/Berlin")


async def test_the_weekly_digest_posts_once_with_two_bots_racing(bot, mock_discord,
                                                                 discord_engine,
                                                                 discord_settings):
    from bot.core.engine import Engine

    other = await start_bot(Engine(settings=discord_settings, kb=discord_engine.kb),
                            discord_settings)
    try:
        from bot.core.insights import subscribe

        sub = subscribe(discord_engine.store, "discord", GUILD, CHANNEL, weekday="monday",
                        hour=9, tz="UTC")
        later = datetime.now(UTC) + timedelta(days=8)
        slot = latest_slot(sub, later)
        seed(discord_engine, "u1", GOOD, 80, at=slot - timedelta(days=1))
        seed(discord_engine, "u1", "A cat naps in a sunbeam, static close-up", 50,
             channel="920000000000000009", at=slot - timedelta(days=1))
        for client in (bot, other):
            client.digests.clock = lambda: later
        runs = await asyncio.gather(asyncio.to_thread(bot.digests.tick),
                                    asyncio.to_thread(other.digests.tick))
        assert sum(1 for rs in runs for r in rs if r.posted) == 1
        (post,) = chart_messages(mock_discord)
        assert post.method == "POST" and post.path.endswith(f"/channels/{CHANNEL}/messages")
        assert_chart(post)
        assert "fresh snow" in post.text() and "cat naps" not in post.text()
        assert await asyncio.to_thread(other.digests.tick) == []
        assert len(chart_messages(mock_discord)) == 1
    finally:
        await other.close()


# ---- the HTTP endpoint ------------------------------------------------------------------------
@pytest.fixture
async def endpoint(discord_engine, discord_settings):
    key = SigningKey.generate()
    settings = discord_settings.model_copy(
        update={"discord_public_key": key.verify_key.encode().hex()})
    ep = InteractionsEndpoint(discord_engine, settings)
    async with running_server(ep) as url, aiohttp.ClientSession() as session:
        async def send(payload: dict) -> tuple[int, dict]:
            raw = json.dumps(payload).encode()
            ts = str(int(time.time()))
            h = {"X-Signature-Ed25519": key.sign(ts.encode() + raw).signature.hex(),
                 "X-Signature-Timestamp": ts, "content-type": "application/json"}
            async with session.post(url + "/interactions", data=raw, headers=h) as r:
                return r.status, await r.json(content_type=None)
        yield send


async def test_http_insights_fills_the_deferral_with_the_chart(endpoint, mock_discord,
                                                               discord_engine):
    seed(discord_engine, "u1", GOOD, 80)
    p = interaction(2, slash("insights"))
    status, body = await endpoint(p)
    assert status == 200 and body["type"] == 5
    await mock_discord.wait_for(lambda m: chart_messages(m))
    (edit,) = chart_messages(mock_discord)
    assert edit.method == "PATCH" and edit.path.endswith(
        f"/webhooks/{APP_ID}/{p['token']}/messages/@original")
    assert_chart(edit)
    assert "1 review" in edit.text()


async def test_http_privacy_and_digest_permission(endpoint, discord_engine):
    status, body = await endpoint(interaction(2, slash("privacy", choice="exclude-me"),
                                              user=MEMBER))
    assert status == 200 and "no longer count" in json.dumps(body)
    assert ("discord", GUILD, MEMBER) in discord_engine.store.insights.optouts(GUILD)
    status, body = await endpoint(interaction(2, subcommand("framecraft", "digest",
                                                            state="weekly")))
    assert "Manage Channels" in json.dumps(body)
    assert discord_engine.store.insights.subscriptions("discord") == []
    status, body = await endpoint(interaction(2, subcommand("framecraft", "digest",
                                                            state="weekly", hour=8),
                                              perms=MANAGE_CHANNELS))
    assert "Monday at 08:00 (UTC)" in json.dumps(body)
    assert len(discord_engine.store.insights.subscriptions("discord")) == 1
