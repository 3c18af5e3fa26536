"""The critique form (a modal opened by a bare `/critique`)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from slack_bolt import Ack, App
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient

from bot.core.validation import InputError
from bot.slack import blocks as bk
from bot.slack.front import Messages, SlackFront, Where, post_sender, respond_sender

MODAL_CALLBACK = "fc_critique_modal"


def _value(values: dict[str, Any], block: str) -> dict[str, Any]:
    return (values.get(block, {}).get(block, {}) or {})


def register(app: App, front: SlackFront) -> None:
    def modal_ack(ack: Ack, view: dict[str, Any]) -> None:
        prompt = _value(view.get("state", {}).get("values", {}), "prompt").get("value") or ""
        try:
            front.engine.clean(prompt)
        except InputError as e:
            ack(response_action="errors", errors={"prompt": bk.clip(str(e), 150)})
            return
        ack()

    def modal_work(body: dict[str, Any], view: dict[str, Any], context: Any,
                   client: WebClient) -> None:
        values = view.get("state", {}).get("values", {})
        prompt = _value(values, "prompt").get("value") or ""
        selected = _value(values, "model").get("selected_option") or {}
        notes = _value(values, "notes").get("value") or ""
        try:
            front.engine.clean(prompt)
        except InputError:
            return  # modal_ack showed the error in the form, which stays open
        try:
            meta = json.loads(view.get("private_metadata") or "{}")
        except ValueError:
            meta = {}
        where = Where.of(context, body)
        where = replace(where, channel=str(meta.get("channel") or where.channel))
        options = {"model": selected["value"]} if selected.get("value") else {}
        url = str(meta.get("response_url") or "")
        if url:
            response_type = front.response_type(where)
            send = respond_sender(Respond(response_url=url), response_type)
            share = response_type == "ephemeral"
        else:  # no channel to answer in: a DM from the app
            send, share = post_sender(client, where.user, None), False

        def with_notes(messages: Messages) -> None:
            if notes.strip():
                messages = bk.prepend(messages, bk.context(f"Your notes: {notes}"))
            send(messages)
        front.answer(with_notes, "critique", prompt, options, where, share=share)

    app.view(MODAL_CALLBACK)(ack=modal_ack, lazy=[modal_work])
