"""A long-running front checks its settings before it starts loading anything: a missing token
is one line on stderr and an exit, not a background model load whose progress line races the
error (on a fresh data directory the ONNX preparation line used to follow the error)."""

from __future__ import annotations

import argparse
from types import SimpleNamespace

import pytest
from rich.console import Console

from bot.cli import discord as discord_cli
from bot.cli import slack as slack_cli
from bot.config import Settings


class RecordingEngine:
    """Just what the fronts' `run` reads before serving; records what it was asked to start."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.started: list[str] = []
        self.frozen: list[bool] = []

    def enable_semantic_ethics(self, warm: bool = True) -> bool:
        self.started.append("semantic_ethics")
        return True

    def warm_up(self, freeze_heap: bool = False) -> None:
        self.started.append("warm_up")
        self.frozen.append(freeze_heap)


def _settings(tmp_path, **values) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path, **values)


def _args(**values) -> argparse.Namespace:
    base = dict(action=None, http=False, host="127.0.0.1", port=8080, status_port=None,
                socket=False)
    return argparse.Namespace(**(base | values))


@pytest.mark.parametrize("args", [_args(), _args(http=True, port=8123)])
def test_discord_without_its_settings_starts_nothing(tmp_path, monkeypatch, capsys, args):
    for name in ("DISCORD_TOKEN", "DISCORD_PUBLIC_KEY"):
        monkeypatch.delenv(name, raising=False)
    engine = RecordingEngine(_settings(tmp_path))
    code = discord_cli.run(args, engine, Console())  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert code != 0 and err.startswith("error: ") and err.strip().count("\n") == 0
    assert engine.started == []


def test_slack_without_its_settings_starts_nothing(tmp_path, monkeypatch, capsys):
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN",
                 "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    engine = RecordingEngine(_settings(tmp_path))
    code = slack_cli.run(_args(), engine, Console())  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert code != 0 and err.startswith("error: ") and err.strip().count("\n") == 0
    assert engine.started == []


def test_discord_with_its_token_does_start_the_review(tmp_path, monkeypatch):
    """The other side: past the checks, the full ethics review is switched on and warmed."""
    engine = RecordingEngine(_settings(tmp_path, discord_token="x" * 60))
    ran: list[bool] = []
    monkeypatch.setattr("bot.discord.client.run_gateway",
                        lambda *a, **k: SimpleNamespace(), raising=True)
    monkeypatch.setattr(discord_cli.asyncio, "run", lambda coro: ran.append(True))
    assert discord_cli.run(_args(), engine, Console()) == 0  # type: ignore[arg-type]
    assert engine.started == ["semantic_ethics", "warm_up"] and ran == [True]
    assert engine.frozen == [True]  # a server's own process: its warmed heap is frozen
