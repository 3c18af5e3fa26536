"""`/framecraft rules` on Slack: show the house rules in force; admins set them in a modal (the
TOML, validated before it is saved, errors shown in the form), reset them and read the history.

Who may change them follows `/framecraft watch`: a workspace admin or owner, or the channel's
creator for that channel's rules; workspace-wide rules need an admin or owner. The grammar and
the answers are the core's (bot.core.rules_commands); this module checks, opens and formats.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from slack_bolt import Ack, App
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient

from bot.core import rules_commands as rules_chat
from bot.core.rules_commands import Level, RulesAnswer
from bot.core.validation import InputError
from bot.slack import blocks as bk
from bot.slack.front import PLATFORM, Messages, SlackFront, Where, respond_sender
from bot.slack.review_channels import is_admin, is_channel

RULES_CALLBACK = "fc_rules_modal"
RULES_BLOCK = "rules"
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,30}")
MAX_TOML = 3000
"""A plain-text input holds at most 3,000 characters."""


# ---- formatting -----------------------------------------------------------------------------
def rules_messages(answer: RulesAnswer) -> Messages:
    """The title, the rules in force (each with where it comes from), then each change with
    who, when and its diff."""
    blocks = bk.sections(f"*{bk.escape(answer.title)}*", escaped=True)
    if answer.lines:
        blocks += bk.sections("\n".join(f"• {bk.escape(x)}" for x in answer.lines), escaped=True)
    for c in answer.changes:
        who = f"<@{c.author}>" if _USER_ID.fullmatch(c.author) else bk.escape(c.author)
        blocks += bk.sections(f"*v{c.version}* · {c.action} by {who} · {bk.escape(c.when)}",
                              escaped=True)
        if c.diff.strip():
            blocks += bk.code_sections(c.diff)
    return bk.paginate(blocks, answer.title)


def rules_modal(toml: str, metadata: str, where_label: str) -> dict[str, Any]:
    """The form `/framecraft rules set` opens, with the level's current rules to edit."""
    return {"type": "modal", "callback_id": RULES_CALLBACK,
            "title": {"type": "plain_text", "text": "House rules"},
            "submit": {"type": "plain_text", "text": "Save"},
            "close": {"type": "plain_text", "text": "Cancel"},
            "private_metadata": metadata[:3000],
            "blocks": [
                {"type": "context", "elements": [{"type": "mrkdwn", "text": bk.escape(
                    f"The rules for {where_label}, in the framecraft.toml form. They are "
                    "checked before they are saved; every change is kept with who and when.")}]},
                {"type": "input", "block_id": RULES_BLOCK,
                 "label": {"type": "plain_text", "text": "Rules (TOML)"},
                 "element": {"type": "plain_text_input", "action_id": RULES_BLOCK,
                             "multiline": True, "max_length": MAX_TOML,
                             "initial_value": toml[:MAX_TOML]}},
            ]}


# ---- the command ----------------------------------------------------------------------------
def refusal(level: Level) -> Messages:
    who = ("a workspace admin or owner, or whoever created this channel," if level == "channel"
           else "a workspace admin or owner")
    return bk.notice_messages(f"Sorry, only {who} can change the house rules here. "
                              "`/framecraft rules` shows the rules in force.")


def may_change(client: WebClient, where: Where, level: Level) -> bool:
    """As for `watch`: admins and owners; the channel's creator for the channel's rules."""
    return is_admin(client, where, creator_ok=level == "channel")


def rules_command(front: SlackFront, words: list[str], where: Where, body: dict[str, Any],
                  client: WebClient) -> Messages:
    """`/framecraft rules [set|reset|history] [channel|workspace]`; `set` opens the form and
    answers nothing here (the form's submission answers)."""
    request = rules_chat.parse_rules_command(words, PLATFORM)
    if request.level == "channel" and (request.action != "show") and \
            not is_channel(where.channel):
        raise InputError("Run this in the channel whose rules you want to change, not in a DM "
                         "(or add `workspace`).")
    if request.changes and not may_change(client, where, request.level):
        return refusal(request.level)
    if request.action == "set":
        metadata = json.dumps({"channel": where.channel, "level": request.level,
                               "response_url": body.get("response_url", "")})
        toml = rules_chat.current_toml(front.engine, PLATFORM, where.team, where.channel,
                                       request.level)
        client.views_open(trigger_id=body["trigger_id"], view=rules_modal(
            toml, metadata, rules_chat.where_name(PLATFORM, request.level)))
        return []
    return rules_messages(rules_chat.run(front.engine, request, PLATFORM, where.team,
                                         where.channel, where.user))


# ---- the form -------------------------------------------------------------------------------
def _submitted(view: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    values = view.get("state", {}).get("values", {})
    toml = str((values.get(RULES_BLOCK, {}).get(RULES_BLOCK, {}) or {}).get("value") or "")
    try:
        meta = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        meta = {}
    return toml, meta if isinstance(meta, dict) else {}


def register(app: App, front: SlackFront) -> None:
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: Any,
               client: WebClient) -> None:
        """Check, then save, inside Slack's 3 s: an error goes back into the form (which stays
        open) and nothing is saved; the answer follows on the command's response_url."""
        toml, meta = _submitted(view)
        level: Level = "workspace" if meta.get("level") == "workspace" else "channel"
        who = Where.of(context, body)
        where = replace(who, channel=str(meta.get("channel") or who.channel))
        if not may_change(client, where, level):  # checked again: the form is not a token
            ack(response_action="errors", errors={RULES_BLOCK: bk.clip(
                "Only an admin (or this channel's creator) can change the house rules.", 150)})
            return
        try:
            answer = rules_chat.save(front.engine, PLATFORM, where.team, where.channel, level,
                                     toml, where.user)
        except InputError as e:  # RulesError names the line and the key
            ack(response_action="errors", errors={RULES_BLOCK: bk.clip(str(e), 150)})
            return
        ack()
        url = str(meta.get("response_url") or "")
        if url:
            front.reply(respond_sender(Respond(response_url=url), "ephemeral"),
                        lambda: rules_messages(answer), what="slack rules saved")

    app.view(RULES_CALLBACK)(submit)
