"""Fixtures for the Discord front: a mock REST API on loopback, a logged-in gateway client whose
interactions arrive through discord.py's own dispatch, and helpers to wait for its work."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import discord
import pytest
from discord_mock import APP_ID, TOKEN, MockDiscord, SignedInteractions, start_bot
from nacl.signing import SigningKey

from bot.config import Settings
from bot.core.engine import Engine
from bot.discord.client import FramecraftClient
from bot.discord.http import InteractionsEndpoint, running_server


@pytest.fixture(scope="session")
def discord_data_dir(retrieval_data_dir):
    """The session's one retrieval index (tests/conftest.py); each test still gets its own
    database."""
    return retrieval_data_dir


@pytest.fixture
async def mock_discord() -> AsyncIterator[MockDiscord]:
    mock = await MockDiscord().start()
    yield mock
    await mock.stop()


@pytest.fixture
def discord_settings(tmp_path, discord_data_dir, mock_discord) -> Settings:
    return Settings(data_dir=discord_data_dir, database_url=f"sqlite:///{tmp_path / 'fc.db'}",
                    discord_token=TOKEN, discord_application_id=APP_ID,
                    discord_api_url=mock_discord.url, _env_file=None)


@pytest.fixture
def discord_engine(kb, discord_settings) -> Engine:
    return Engine(settings=discord_settings, kb=kb)


@pytest.fixture
async def restore_api_base() -> AsyncIterator[None]:
    base = discord.http.Route.BASE
    yield
    discord.http.Route.BASE = base


@pytest.fixture
async def bot(discord_engine, discord_settings, restore_api_base) -> AsyncIterator[FramecraftClient]:
    client = await start_bot(discord_engine, discord_settings)
    yield client
    await client.close()


@pytest.fixture
async def endpoint(discord_engine, discord_settings) -> AsyncIterator[SignedInteractions]:
    """The running HTTP interactions endpoint and a signing client for it (a test file with
    its own `endpoint` fixture overrides this one)."""
    key = SigningKey.generate()
    settings = discord_settings.model_copy(
        update={"discord_public_key": key.verify_key.encode().hex()})
    ep = InteractionsEndpoint(discord_engine, settings)
    async with running_server(ep) as url, aiohttp.ClientSession() as session:
        yield SignedInteractions(url, key, session)
