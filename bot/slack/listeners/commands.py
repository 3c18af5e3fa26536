"""Slash commands: the command table's own (`/critique`, `/translate`, ...), `/prompt` and
`/framecraft`. The names come from the table (bot.core.command_table), like the manifest."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import App
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient

from bot.core.command_table import slack_slash_commands
from bot.slack import blocks as bk
from bot.slack import insights as team_insights
from bot.slack.forget import forget_command, is_forget_command
from bot.slack.front import SlackFront, Where, ack_now, respond_sender
from bot.slack.house_rules import rules_command
from bot.slack.prompts import answer_prompt
from bot.slack.sequence import open_form as open_sequence_form

SLASH_COMMANDS: tuple[str, ...] = tuple(s.command for s in slack_slash_commands())


def register(app: App, front: SlackFront) -> None:
    def slash_work(body: dict[str, Any], context: Any, respond: Respond,
                   client: WebClient) -> None:
        where = Where.of(context, body)
        name = str(body.get("command", "")).lstrip("/")
        text = bk.plain(str(body.get("text") or "")).strip()
        pre = front.preflight(name, where)  # never raises for an outage: defaults + notice
        response_type = front.response_type_of(pre)
        send = respond_sender(respond, response_type)
        share = response_type == "ephemeral"
        words = text.split()
        if name == "framecraft" and words[:1] and words[0].lower() == "rules":
            # Rules answers are for the asker (they may carry a diff); the form answers a set.
            front.reply(respond_sender(respond, "ephemeral"),
                        lambda: rules_command(front, words[1:], where, body, client),
                        what="slack rules")
            return
        if name == "framecraft" and is_forget_command(words):  # answers only for the asker
            front.reply(respond_sender(respond, "ephemeral"),
                        lambda: forget_command(front, words, where, client),
                        what="slack forget")
            return
        if name == "framecraft" and team_insights.is_insights_command(text):
            # Always private to the asker: the chart itself is posted in the channel.
            team_insights.answer(front, client, text, where,
                                 respond_sender(respond, "ephemeral"))
            return
        if name == "framecraft":
            reviews = front.reviews
            if reviews is None:
                front.reply(send, lambda: front.framecraft(text, where), what="slack framecraft")
            else:
                front.reply(send, lambda: reviews.framecraft(text, where, client),
                            what="slack framecraft")
            return
        if name == "prompt":  # errors are private whatever the channel's visibility
            private = respond_sender(respond, "ephemeral")
            if not pre.allowed:
                private(front.refusal(name, front.language(where)))
                return
            answer_prompt(front, text, where, send, private)
            return
        if name == "critique" and not text:
            open_critique_form(front, body, where, client)
            return
        if name == "sequence" and not text:
            open_sequence_form(front, body, where, client)
            return
        # Prefixing the command keeps "/ask translate ..." an ask.
        _, rest, options = front.parse(f"{name} {text}", default=name)
        front.answer(send, name, rest, options, where, share=share, pre=pre)

    for command in SLASH_COMMANDS:
        app.command(command)(ack=ack_now, lazy=[slash_work])


def open_critique_form(front: SlackFront, body: dict[str, Any], where: Where,
                       client: WebClient) -> None:
    """A bare `/critique` opens the form for long prompts (bot.slack.listeners.views)."""
    metadata = json.dumps({"channel": where.channel,
                           "response_url": body.get("response_url", "")})
    client.views_open(trigger_id=body["trigger_id"], view=bk.critique_modal(
        front.models(), metadata, front.preflight("", where).setting("model"),
        front.engine.settings.max_prompt_chars))
