"""The command table is the one place a command is defined: the fronts, the Slack manifest
and Discord's registration all follow it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from bot.core.command_table import (
    SPECS,
    TABLE,
    CommandCall,
    MissingOption,
    discord_app_commands,
    rate_limits,
    run_command,
    slack_slash_commands,
)
from bot.core.commands import COMMANDS, parse_command
from bot.core.engine import Engine
from bot.core.validation import InputError

REPO = Path(__file__).resolve().parents[1]


def test_checked_in_slack_manifest_is_the_generated_one():
    from bot.slack import manifest

    assert (REPO / "slack-app-manifest.yaml").read_text(encoding="utf-8") == manifest.render()
    assert manifest.main(["--check"]) == 0
    data = yaml.safe_load(manifest.render())
    listed = [(c["command"], c["description"], c["usage_hint"])
              for c in data["features"]["slash_commands"]]
    assert listed == [(c.command, c.description, c.usage_hint) for c in slack_slash_commands()]


def test_slack_registers_exactly_the_manifest_commands():
    from bot.slack.app import SLASH_COMMANDS

    assert list(SLASH_COMMANDS) == [c.command for c in slack_slash_commands()]


def test_discord_app_commands_are_generated_from_their_specs():
    import discord
    from discord import app_commands

    from bot.discord.listeners.commands import TABLE_COMMANDS

    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    by_name = {c.name: c.to_dict(tree) for c in TABLE_COMMANDS}
    assert list(by_name) == [s.name for s in discord_app_commands()]
    for spec in discord_app_commands():
        payload = by_name[spec.name]
        assert payload["description"] == spec.discord_description
        options = {o["name"]: o for o in payload.get("options", [])}
        assert set(options) == {a.name for a in spec.args}
        for arg in spec.args:
            o = options[arg.name]
            assert o["description"].startswith(arg.help)
            assert o.get("autocomplete", False) == (arg.autocomplete == "models")
            assert o.get("required", False) == (arg.required and not (
                arg.main and spec.form_when_empty))


def test_one_rate_limit_table_for_every_front(engine):
    from bot.discord.front import DiscordFront
    from bot.slack.front import SlackFront

    limits = rate_limits()
    # `prompt` joined the table in issue 14 (item 7: rate-limit /prompt like the others)
    assert limits == {"critique": (20, 60.0), "ethics": (20, 60.0), "translate": (10, 60.0),
                      "compare": (5, 60.0), "ask": (10, 60.0), "prompt": (20, 60.0),
                      "insights": (5, 60.0), "sequence": (5, 60.0)}
    assert SlackFront(engine).rate_limits == DiscordFront(engine).cooldowns == limits


def test_every_runnable_command_has_a_formatter_on_each_front_it_is_on():
    from bot.cli.chat import CHAT_HANDLERS
    from bot.discord.formatters import FORMATTERS as DISCORD
    from bot.slack.formatters import FORMATTERS as SLACK

    formatters = {"slack": SLACK, "discord": DISCORD, "chat": CHAT_HANDLERS}
    for spec in SPECS:
        if spec.run is None:
            continue
        for front in spec.fronts:
            assert spec.name in formatters[front], (spec.name, front)


def test_typed_commands_come_from_the_table():
    assert list(COMMANDS) == [s.name for s in SPECS if s.text_command]
    assert COMMANDS["about"] is TABLE["about"]


@pytest.mark.parametrize("line, name, text", [
    ("about", "about", ""),
    ("/about", "about", ""),
    ("About a girl who runs through the rain at night", "critique",
     "About a girl who runs through the rain at night"),
    ("models", "models", ""),
    ("help", "help", ""),
])
def test_a_command_without_arguments_is_only_that_word(line, name, text):
    cmd = parse_command(line)
    assert (cmd.name, cmd.text) == (name, text)


def test_about_reports_version_models_and_sources(engine: Engine):
    outcome = run_command(engine, "about", CommandCall())
    about = outcome.result
    assert about.version and about.version != "unknown"
    assert [mid for mid, _ in about.models] == list(engine.kb.models)
    counts = {s.name: s.count for s in about.sources}
    assert counts["model profiles"] == len(engine.kb.models)
    assert counts["craft guide sections"] == len(engine.kb.guide)
    assert counts["annotated gallery prompts"] == len(engine.kb.gallery)
    assert all(not Path(s.path).is_absolute() for s in about.sources)


def test_run_command_checks_text_and_required_options(engine: Engine):
    with pytest.raises(InputError, match="Nothing to work on: the prompt is empty"):
        run_command(engine, "critique", CommandCall(" "))
    with pytest.raises(MissingOption) as missing:
        run_command(engine, "translate", CommandCall("A fox runs through snow"))
    assert missing.value.need == "Say which model to translate to"
    assert "/translate A fox runs through snow --to kling" in str(missing.value)
    with pytest.raises(InputError, match="not a command"):
        run_command(engine, "settings", CommandCall())


def test_chat_about(engine: Engine):
    from bot.cli.chat import handle_line

    console = Console(file=io.StringIO(), width=200)
    assert handle_line(engine, "/about", console)
    out = console.file.getvalue()
    assert out.startswith("Framecraft ") and "Kling (kling)" in out
    assert f"{len(engine.kb.models)} model profiles (knowledge/models)" in out


def test_framecraft_about_subcommand(engine: Engine, capsys):
    import argparse
    import json

    from bot.cli import about

    parser = argparse.ArgumentParser(prog="framecraft")
    about.register(parser.add_subparsers())
    args = parser.parse_args(["about", "--json"])
    assert args.func(args, engine, Console(file=io.StringIO())) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] and [m[0] for m in data["models"]] == list(engine.kb.models)
    assert {s["name"] for s in data["sources"]} >= {"model profiles", "craft guide sections"}


def test_insights_is_scoped_to_the_requester_and_carries_a_png(engine: Engine):
    from bot.core.command_table import Requester

    engine.store.record_review("slack", "T1", "C1", "U1", "A fox runs", 40, None)
    engine.store.record_review("slack", "T1", "C2", "U2", "A fox runs fast", 60, None)
    engine.store.record_review("discord", "G9", "C9", "U9", "A cat naps", 90, None)
    mine = run_command(engine, "insights", CommandCall(), Requester("slack", "T1", "C1", "U1"))
    assert mine.result.report.reviews == 2 and mine.result.report.average_score == 50
    assert mine.result.png.startswith(b"\x89PNG\r\n\x1a\n")
    one = run_command(engine, "insights", CommandCall(options={"channel": "#C2"}),
                      Requester("slack", "T1", "C1", "U1"))
    assert one.result.report.reviews == 1 and one.result.report.average_score == 60
    with pytest.raises(InputError, match="banana"):
        run_command(engine, "insights", CommandCall(options={"since": "banana"}))


def test_digest_and_privacy_words(engine: Engine):
    from bot.core.insights.chat import digest_command, parse_digest, privacy_command

    assert parse_digest(["weekly"]) == (True, 0, 9)
    assert parse_digest(["Weekly", "fri", "17h"]) == (True, 4, 17)
    assert parse_digest(["off"])[0] is False
    for bad in ([], ["daily"], ["weekly", "25"], ["weekly", "someday"]):
        with pytest.raises(InputError):
            parse_digest(bad)
    text = digest_command(engine.store, "slack", "T1", "C1", "U1", ["weekly", "tue", "8"],
                          "Europe/Berlin")
    assert "Tuesday at 08:00 (Europe/Berlin)" in text
    assert "no more" in digest_command(engine.store, "slack", "T1", "C1", "U1", ["off"])
    with pytest.raises(InputError):
        privacy_command(engine.store, "slack", "T1", "U1", ["forget-me"])
    privacy_command(engine.store, "slack", "T1", "U1", ["exclude-me"])
    assert ("slack", "T1", "U1") in engine.store.insights.optouts("T1")


def test_chat_insights_prints_the_summary_and_writes_the_png(engine: Engine, tmp_path):
    from bot.cli.chat import handle_line

    engine.store.record_review("cli", "local", "", "me", "A fox runs through snow", 55, None)
    console = Console(file=io.StringIO(), width=200)
    target = tmp_path / "chart.png"
    assert handle_line(engine, f"/insights --since all --png {target}", console)
    out = console.file.getvalue()
    assert "1 review" in out and "Average score 55/100" in out and f"written to {target}" in out
    assert target.read_bytes().startswith(b"\x89PNG")
    console = Console(file=io.StringIO(), width=200)
    handle_line(engine, f"/insights --png {tmp_path / 'missing' / 'x.png'}", console)
    assert "Could not write" in console.file.getvalue()
