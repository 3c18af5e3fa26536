"""Fixtures for the Slack front: a mock Web API, the app served over real HTTP on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from slack_mock import BOT_TOKEN, SECRET, MockSlack

from bot.config import Settings
from bot.core.engine import Engine
from bot.slack.app import build_app
from bot.slack.server import running_http_server


@dataclass
class SlackRig:
    url: str
    mock: MockSlack
    engine: Engine
    http: httpx.Client
    app: Any


@pytest.fixture
def mock_slack() -> Iterator[MockSlack]:
    with MockSlack() as mock:
        yield mock


@pytest.fixture(scope="session")
def slack_data_dir(retrieval_data_dir):
    """The session's one retrieval index (tests/conftest.py); each test still gets its own
    database."""
    return retrieval_data_dir


@pytest.fixture
def slack_settings(tmp_path, mock_slack, slack_data_dir) -> Settings:
    return Settings(data_dir=slack_data_dir, database_url=f"sqlite:///{tmp_path / 'fc.db'}",
                    slack_bot_token=BOT_TOKEN, slack_signing_secret=SECRET,
                    slack_api_url=mock_slack.api_url, _env_file=None)


def make_rig(kb, settings: Settings, mock: MockSlack, **app_args: Any):
    engine = Engine(settings=settings, kb=kb)
    app = build_app(engine, settings, **app_args)
    return engine, app


@pytest.fixture
def rig_factory(kb, slack_settings, mock_slack):
    """Start the app (optionally with build_app arguments) over HTTP; yields a SlackRig."""
    stack: list[Any] = []

    def start(**app_args: Any) -> SlackRig:
        engine, app = make_rig(kb, slack_settings, mock_slack, **app_args)
        cm = running_http_server(app, SECRET)
        url = cm.__enter__()
        stack.append(cm)
        client = httpx.Client(timeout=10)
        stack.append(client)
        return SlackRig(url=url, mock=mock_slack, engine=engine, http=client, app=app)

    yield start
    for item in reversed(stack):
        if isinstance(item, httpx.Client):
            item.close()
        else:
            item.__exit__(None, None, None)


@pytest.fixture
def rig(rig_factory) -> SlackRig:
    return rig_factory()


# ---- OAuth mode (tests/slack/oauth_mock.py) -------------------------------------------------------
@pytest.fixture
def oauth_settings(tmp_path, slack_data_dir) -> Settings:
    from oauth_mock import CLIENT_ID, CLIENT_SECRET

    return Settings(data_dir=slack_data_dir, database_url=f"sqlite:///{tmp_path / 'fc.db'}",
                    slack_client_id=CLIENT_ID, slack_client_secret=CLIENT_SECRET,
                    slack_signing_secret=SECRET, _env_file=None)


@pytest.fixture
def oauth_rig(kb, oauth_settings):
    """The app in OAuth mode over real HTTP, against a mock Slack that installs apps."""
    from oauth_mock import InstallingSlack, Rig

    with InstallingSlack() as slack:
        settings = oauth_settings.model_copy(update={"slack_api_url": slack.api_url})
        engine = Engine(settings=settings, kb=kb)
        app = build_app(engine, settings)
        with running_http_server(app, SECRET) as url:
            rig = Rig(url, slack, engine, app)
            try:
                yield rig
            finally:
                rig.http.close()
                rig.browser.close()
                app.framecraft_reviews.stop()
