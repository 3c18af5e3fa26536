"""The message shortcut "Review this prompt"."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_bolt.context.respond import Respond

from bot.slack import blocks as bk
from bot.slack.front import SlackFront, Where, ack_now, respond_sender

SHORTCUT_REVIEW = "review_prompt"


def register(app: App, front: SlackFront) -> None:
    def shortcut_work(body: dict[str, Any], context: Any, respond: Respond) -> None:
        where = Where.of(context, body)
        text = bk.plain(str((body.get("message") or {}).get("text") or "")).strip()
        send = respond_sender(respond, "ephemeral")
        if not text:
            send(bk.error_messages("That message has no text to review."))
            return
        front.answer(send, "critique", text, {}, where, share=True)

    app.shortcut(SHORTCUT_REVIEW)(ack=ack_now, lazy=[shortcut_work])
