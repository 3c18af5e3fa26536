"""The Slack app manifest, its slash commands generated from the core's command table.

`python -m bot.slack.manifest` prints it; `--write` updates slack-app-manifest.yaml and
`--check` exits 1 when the checked-in file differs (a test runs the check). Everything but
the slash commands is the template below, comments included.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from bot.core.command_table import SlackSlash, slack_slash_commands
from bot.slack.listeners.shortcuts import SHORTCUT_REVIEW
from bot.slack.scopes import BOT_SCOPES
from bot.slack.sequence import SHORTCUT_SEQUENCE

MANIFEST_PATH = Path(__file__).resolve().parents[2] / "slack-app-manifest.yaml"
EVENTS_URL = "https://framecraft.example.com/slack/events"

TEMPLATE = """\
# Slack app manifest for Framecraft. Create the app at https://api.slack.com/apps →
# "Create New App" → "From an app manifest", paste this file, and replace
# https://framecraft.example.com with your server's public URL (HTTP mode). For Socket Mode,
# set settings.socket_mode_enabled to true; the request URLs are then not used. To install into
# other workspaces (OAuth, SLACK_CLIENT_ID), also set settings.token_rotation_enabled to true
# and activate public distribution; the single-token mode (SLACK_BOT_TOKEN) needs it false.
# Generated: the slash commands come from bot/core/command_table.py; run
# `python -m bot.slack.manifest --write` after changing a command.
display_information:
  name: Framecraft
  description: Critiques, translates and checks AI-video prompts.
  background_color: "#1d1f24"
features:
  app_home:
    home_tab_enabled: true
    messages_tab_enabled: true
    messages_tab_read_only_enabled: false
  bot_user:
    display_name: Framecraft
    always_online: true
  shortcuts:
    - name: Review this prompt
      type: message
      callback_id: {shortcut}
      description: Critique the prompt in this message
    - name: Review this thread as a sequence
      type: message
      callback_id: {sequence_shortcut}
      description: Check a thread of shot prompts for consistency across shots
  slash_commands:
{slash_commands}
oauth_config:
  redirect_urls:
    - https://framecraft.example.com/slack/oauth_redirect
  scopes:
    bot:
{bot_scopes}
settings:
  event_subscriptions:
    request_url: {url}
    bot_events:
      - app_home_opened
      - app_mention
      - app_uninstalled
      - message.channels
      - message.groups
      - message.im
      - tokens_revoked
  interactivity:
    is_enabled: true
    request_url: {url}
  org_deploy_enabled: false
  socket_mode_enabled: false
  token_rotation_enabled: false
"""

_NEEDS_QUOTES = re.compile(r"[\[\]{}|]|: | #|^[-?:,&*!>'\"%@`#]|^\s|\s$|^$")


def _scalar(value: str) -> str:
    """A YAML scalar: plain when that reads the same, else double-quoted (JSON is valid YAML)."""
    return json.dumps(value, ensure_ascii=False) if _NEEDS_QUOTES.search(value) else value


def _command(c: SlackSlash) -> str:
    return "\n".join([
        f"    - command: {c.command}",
        f"      url: {EVENTS_URL}",
        f"      description: {_scalar(c.description)}",
        f"      usage_hint: {_scalar(c.usage_hint)}",
        "      should_escape: false",
    ])


def render() -> str:
    """The whole manifest as it should be checked in."""
    commands = "\n".join(_command(c) for c in slack_slash_commands())
    scopes = "\n".join(f"      - {name}  # {why}" for name, why in BOT_SCOPES.items())
    return (TEMPLATE.replace("{slash_commands}", commands).replace("{bot_scopes}", scopes)
            .replace("{shortcut}", SHORTCUT_REVIEW).replace("{url}", EVENTS_URL)
            .replace("{sequence_shortcut}", SHORTCUT_SEQUENCE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.slack.manifest",
                                     description="Print, write or check the Slack app manifest.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"update {MANIFEST_PATH.name}")
    mode.add_argument("--check", action="store_true",
                      help=f"exit 1 when {MANIFEST_PATH.name} is not the generated one")
    args = parser.parse_args(argv)
    text = render()
    if args.write:
        MANIFEST_PATH.write_text(text, encoding="utf-8")
        return 0
    if args.check:
        if MANIFEST_PATH.read_text(encoding="utf-8") != text:
            print(f"{MANIFEST_PATH.name} is out of date: run python -m bot.slack.manifest "
                  "--write", file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
