"""Events: mentions (answered in a thread), direct messages, channel messages (review
channels and ethics notes, bot.slack.review_channels) and the App Home tab."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.core.prompt_commands import command_text
from bot.slack import blocks as bk
from bot.slack import insights as team_insights
from bot.slack.front import (
    PLATFORM,
    SlackFront,
    Where,
    ack_now,
    channel_type_is,
    ephemeral_sender,
    post_sender,
)
from bot.slack.prompts import answer_prompt

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def first_delivery(front: SlackFront, body: dict[str, Any], event: dict[str, Any]) -> bool:
    """Slack retries an event it thinks failed; only the first delivery is answered,
    whichever replica gets it. The message key also covers one message arriving as two
    event types."""
    store = front.engine.store
    event_id = body.get("event_id")
    if event_id and not store.claim_once(f"{PLATFORM}:event:{event_id}"):
        return False
    ts = event.get("ts")
    return not (ts and not store.claim_once(
        f"{PLATFORM}:msg:{event.get('channel', '')}:{ts}"))


def converse(front: SlackFront, body: dict[str, Any], event: dict[str, Any], context: Any,
             client: WebClient, thread_ts: str | None) -> None:
    """Answer a mention or a DM: typed commands, `prompt ...`, or a bare prompt."""
    where = Where.of(context, body)
    where = replace(where, channel=str(event.get("channel") or where.channel),
                    user=str(event.get("user") or where.user))
    text = bk.plain(_MENTION.sub(" ", str(event.get("text") or ""))).strip()
    send = post_sender(client, where.channel, thread_ts)
    if not text:
        send(bk.help_messages(front.models()))
        return
    prompt_text = command_text(text)
    if prompt_text is not None:  # parsed raw, so a prompt's own "--ar 16:9" stays
        answer_prompt(front, prompt_text, where, send,
                      ephemeral_sender(client, where.channel, where.user, thread_ts))
        return
    if team_insights.is_insights_command(text):  # the chart is uploaded to the channel
        team_insights.answer(front, client, text, where, send)
        return
    name, rest, options = front.parse(text)
    front.answer(send, name, rest, options, where, share=False)


def register(app: App, front: SlackFront) -> None:
    def mention_work(body: dict[str, Any], event: dict[str, Any], context: Any,
                     client: WebClient) -> None:
        if not first_delivery(front, body, event):
            return
        converse(front, body, event, context, client,
                 event.get("thread_ts") or event.get("ts"))

    def dm_work(body: dict[str, Any], event: dict[str, Any], context: Any,
                client: WebClient) -> None:
        if event.get("subtype") or event.get("bot_id") or not first_delivery(front, body, event):
            return
        converse(front, body, event, context, client, event.get("thread_ts"))

    def home_work(body: dict[str, Any], event: dict[str, Any], context: Any,
                  client: WebClient) -> None:
        if event.get("tab") != "home":
            return
        where = Where.of(context, body)
        models = [(m.id, m.name, m.personality) for m in front.engine.kb.models.values()]
        recent = front.engine.store.recent_reviews(PLATFORM, where.team, limit=10)
        view = bk.home_view(models, recent)
        extra = team_insights.home_blocks(front, client, where.team)
        if extra:  # the latest chart right under the title
            view["blocks"] = (view["blocks"][:1] + extra + [bk.divider()]
                              + view["blocks"][1:])[:100]
        client.views_publish(user_id=event.get("user") or where.user, view=view)

    app.event("app_mention")(ack=ack_now, lazy=[mention_work])
    # Bolt's dict constraints check only type and subtype, so the channel type needs a matcher.
    app.event("message", matchers=[channel_type_is("im")])(ack=ack_now, lazy=[dm_work])
    if front.reviews is not None:
        front.reviews.register(app)  # channel messages: review channels and ethics notes
    app.event("message")(ack_now)  # other messages: not ours to answer
    app.event("app_home_opened")(ack=ack_now, lazy=[home_work])
