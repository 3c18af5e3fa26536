"""`/sequence` in Slack: a shot list reviewed for consistency across shots.

- `/sequence SHOTS` (one a line, or `shot 1 | shot 2`) answers with the compact table
  (bot.core.sequence.report) and a "Full report" button;
- bare `/sequence` opens a form with a multi-line field, the model and the mode;
- the message shortcut "Review this thread as a sequence" reads the thread (conversations.replies)
  and takes each person's message as a shot, in order (one message with several lines is a list
  of its own);
- "Full report" posts every finding with its words, why and fix, and every shot rewritten.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from slack_bolt import Ack, App
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient

from bot.core.command_table import full_sequence_report
from bot.core.validation import InputError
from bot.slack import blocks as bk
from bot.slack.front import (
    PLATFORM,
    SlackFront,
    Where,
    ack_now,
    post_sender,
    respond_sender,
)
from bot.slack.sequence_blocks import ACTION_FULL_REPORT, full_report_messages

if TYPE_CHECKING:
    from bot.core.sequence import SequenceReview

SEQUENCE_MODAL = "fc_sequence_modal"
SHORTCUT_SEQUENCE = "review_thread_sequence"
MAX_THREAD_MESSAGES = 100
MODES = (("auto", "Detect from the text"), ("t2v", "Text-to-video"),
         ("i2v", "Image-to-video (each shot animates a first frame)"))


def sequence_modal(models: list[tuple[str, str]], metadata: str,
                   default_model: str | None = None, max_chars: int = 3000) -> dict[str, Any]:
    """The form a bare `/sequence` opens: the shot list (multi-line), the model, the mode."""
    view = bk.critique_modal(models, metadata, default_model, max_chars)
    blocks = [b for b in view["blocks"] if b.get("block_id") != "notes"]
    blocks[0] = {"type": "input", "block_id": "shots",
                 "label": {"type": "plain_text", "text": "Shots, one a line"},
                 "element": {"type": "plain_text_input", "action_id": "shots",
                             "multiline": True, "max_length": max_chars,
                             "placeholder": {"type": "plain_text",
                                             "text": "1. Mara, a woman with a shaved head in a "
                                                     "green field jacket, walks at dusk\n2. ..."}}}
    modes = [{"text": {"type": "plain_text", "text": label}, "value": value}
             for value, label in MODES]
    blocks.append({"type": "input", "block_id": "mode", "optional": True,
                   "label": {"type": "plain_text", "text": "Mode"},
                   "element": {"type": "static_select", "action_id": "mode",
                               "options": modes, "initial_option": modes[0]}})
    return {**view, "callback_id": SEQUENCE_MODAL, "blocks": blocks,
            "title": {"type": "plain_text", "text": "Review a sequence"}}


def open_form(front: SlackFront, body: dict[str, Any], where: Where, client: WebClient) -> None:
    metadata = json.dumps({"channel": where.channel,
                           "response_url": body.get("response_url", "")})
    client.views_open(trigger_id=body["trigger_id"], view=sequence_modal(
        front.models(), metadata, front.preflight("", where).setting("model")))


# ---- the thread --------------------------------------------------------------------------------
def thread_text(client: WebClient, channel: str, message: dict[str, Any]) -> str:
    """The shots of a thread: each person's message in order (bots' replies skipped). A
    thread of one message is that message's own list."""
    ts = str(message.get("thread_ts") or message.get("ts") or "")
    texts: list[str] = []
    if ts:
        answer = client.conversations_replies(channel=channel, ts=ts, limit=MAX_THREAD_MESSAGES)
        for m in answer.get("messages") or []:
            if m.get("bot_id") or m.get("subtype") == "bot_message":
                continue
            text = bk.plain(str(m.get("text") or "")).strip()
            if text:
                texts.append(text)
    if not texts:
        text = bk.plain(str(message.get("text") or "")).strip()
        return text
    if len(texts) == 1:
        return texts[0]
    return "\n".join(" ".join(t.split()) for t in texts)


# ---- listeners ---------------------------------------------------------------------------------
def _value(values: dict[str, Any], block: str) -> dict[str, Any]:
    return (values.get(block, {}).get(block, {}) or {})


def register(app: App, front: SlackFront) -> None:
    def modal_ack(ack: Ack, view: dict[str, Any]) -> None:
        text = _value(view.get("state", {}).get("values", {}), "shots").get("value") or ""
        if not text.strip():
            ack(response_action="errors", errors={"shots": "The shot list is empty."})
            return
        ack()

    def modal_work(body: dict[str, Any], view: dict[str, Any], context: Any,
                   client: WebClient) -> None:
        values = view.get("state", {}).get("values", {})
        text = _value(values, "shots").get("value") or ""
        if not text.strip():
            return
        model = (_value(values, "model").get("selected_option") or {}).get("value")
        mode = (_value(values, "mode").get("selected_option") or {}).get("value")
        try:
            meta = json.loads(view.get("private_metadata") or "{}")
        except ValueError:
            meta = {}
        where = Where.of(context, body)
        where = replace(where, channel=str(meta.get("channel") or where.channel))
        options = {k: v for k, v in (("model", model), ("mode", mode)) if v and v != "auto"}
        url = str(meta.get("response_url") or "")
        if url:
            response_type = front.response_type(where)
            send = respond_sender(Respond(response_url=url), response_type)
            share = response_type == "ephemeral"
        else:
            send, share = post_sender(client, where.user, None), False
        front.answer(send, "sequence", text, options, where, share=share)

    def shortcut_work(body: dict[str, Any], context: Any, respond: Respond,
                      client: WebClient) -> None:
        where = Where.of(context, body)
        send = respond_sender(respond, "ephemeral")
        message = body.get("message") or {}

        def work() -> list[bk.Message]:
            text = thread_text(client, where.channel, message)
            if not text.strip():
                raise InputError("That thread has no text to review.")
            return front.run("sequence", text, {}, where, share=False)
        front.reply(send, work, what="slack sequence shortcut")

    def full_report_work(body: dict[str, Any], context: Any, respond: Respond) -> None:
        send = respond_sender(respond, "ephemeral")
        key = str(((body.get("actions") or [{}])[0]).get("value") or "")
        team = Where.of(context, body).team
        front.reply(send, lambda: full_report_messages(cast(
            "SequenceReview", full_sequence_report(front.engine, PLATFORM, key, scope=team))),
            what="slack sequence report")

    app.view(SEQUENCE_MODAL)(ack=modal_ack, lazy=[modal_work])
    app.shortcut(SHORTCUT_SEQUENCE)(ack=ack_now, lazy=[shortcut_work])
    app.action(ACTION_FULL_REPORT)(ack=ack_now, lazy=[full_report_work])
