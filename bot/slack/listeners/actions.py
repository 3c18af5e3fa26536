"""Buttons and the select under a review: Translate to..., Show rewrite only, Helpful / Not
helpful and Share to channel. (The review channels' "Full review" is registered with them,
bot.slack.review_channels.)"""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import App
from slack_bolt.context.respond import Respond

from bot.core.critique import messages as msg
from bot.slack import blocks as bk
from bot.slack.front import PLATFORM, SlackFront, Where, ack_now, respond_sender, review_id_of


def register(app: App, front: SlackFront) -> None:
    def translate_work(body: dict[str, Any], context: Any, respond: Respond) -> None:
        where = Where.of(context, body)
        send = respond_sender(respond, "ephemeral")
        review = front.review(review_id_of(body), send, Where.of(context, body))
        if review is None:
            return
        action = (body.get("actions") or [{}])[0]
        to = ((action.get("selected_option") or {}).get("value")) or ""
        options = {"to": to, **({"from": review.model} if review.model else {})}
        front.answer(send, "translate", review.prompt, options, where, share=False)

    def rewrite_work(body: dict[str, Any], context: Any, respond: Respond) -> None:
        where = Where.of(context, body)
        send = respond_sender(respond, "ephemeral")
        review = front.review(review_id_of(body), send, where)
        if review is None:
            return
        front.reply(send, lambda: bk.rewrite_messages(
            front.engine.critique(review.prompt, review.model), front.language(where)),
            what="slack rewrite")

    def feedback_work(body: dict[str, Any], context: Any, respond: Respond) -> None:
        where = Where.of(context, body)
        send = respond_sender(respond, "ephemeral")
        action = (body.get("actions") or [{}])[0]
        review = front.review(review_id_of(body), send, Where.of(context, body))
        if review is None:
            return
        helpful = action.get("action_id") == bk.ACTION_HELPFUL

        def record() -> list[bk.Message]:
            front.engine.store.record_feedback(PLATFORM, where.team, where.user, review.id,
                                               helpful)
            thanks = "thanks_helpful" if helpful else "thanks_not_helpful"
            return bk.notice_messages(msg.label(thanks, front.language(where)))
        front.reply(send, record, what="slack feedback")

    def share_work(body: dict[str, Any], context: Any, respond: Respond) -> None:
        """Post a private answer to the channel: re-run it from what the button carries."""
        where = Where.of(context, body)
        value = str(((body.get("actions") or [{}])[0]).get("value") or "")
        private = respond_sender(respond, "ephemeral")
        public = respond_sender(respond, "in_channel")
        if value.startswith("review:"):
            review = front.review(value.removeprefix("review:"), private, where)
            if review is None:
                return
            options = {"model": review.model} if review.model else {}
            front.answer(public, "critique", review.prompt, options, where, share=False,
                         shared_by=where.user)
            return
        try:
            data = json.loads(value)
            name, text, options = str(data["c"]), str(data["t"]), dict(data.get("o") or {})
        except (ValueError, KeyError, TypeError):
            private(bk.error_messages("That button is out of date; run the command again."))
            return
        front.answer(public, name, text, {str(k): str(v) for k, v in options.items()}, where,
                     share=False, shared_by=where.user)

    app.action(bk.ACTION_TRANSLATE)(ack=ack_now, lazy=[translate_work])
    app.action(bk.ACTION_REWRITE)(ack=ack_now, lazy=[rewrite_work])
    app.action(bk.ACTION_HELPFUL)(ack=ack_now, lazy=[feedback_work])
    app.action(bk.ACTION_NOT_HELPFUL)(ack=ack_now, lazy=[feedback_work])
    app.action(bk.ACTION_SHARE)(ack=ack_now, lazy=[share_work])
