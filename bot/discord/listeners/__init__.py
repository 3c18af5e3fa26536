"""Discord listeners by kind: app commands, the message context menu (shortcuts), components
(actions), the modal (views) and events (mentions). `register(client)` wires them into a
gateway client; the HTTP endpoint (bot.discord.http) reads the same command table."""

from __future__ import annotations

from typing import Any

from discord import app_commands

from bot.discord import sequence
from bot.discord.listeners import commands, shortcuts


def register(tree: app_commands.CommandTree[Any]) -> None:
    """Every app command and context menu but the feature groups (`/prompt`, `/framecraft`),
    which their own modules add."""
    commands.register(tree)
    shortcuts.register(tree)
    sequence.register(tree)  # "Review thread as a sequence"
