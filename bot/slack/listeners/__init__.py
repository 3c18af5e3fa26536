"""Slack listeners by kind: slash commands, buttons (actions), the modal (views), the message
shortcut and events. Each module has `register(app, front)`; each listener acks at once and
does its work in a Bolt lazy listener, so Slack hears back well inside 3 seconds."""

from __future__ import annotations

from slack_bolt import App

from bot.slack import house_rules, sequence
from bot.slack.front import SlackFront
from bot.slack.listeners import actions, commands, events, shortcuts, views


def register_all(app: App, front: SlackFront) -> None:
    for kind in (commands, views, shortcuts, events, actions):
        kind.register(app, front)
    house_rules.register(app, front)  # the rules form (`/framecraft rules set`)
    sequence.register(app, front)  # `/sequence`'s form, its thread shortcut and full report
