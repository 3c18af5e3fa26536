"""`/sequence` in Slack through Slack's real request formats (signed slash commands, block
actions, view submissions, message shortcuts) against the app served over HTTP."""

from __future__ import annotations

import json

from slack_mock import (
    block_action,
    interactive_body,
    message_shortcut,
    post,
    slash_body,
    view_submission,
)

from bot.slack.sequence import SEQUENCE_MODAL, SHORTCUT_SEQUENCE
from bot.slack.sequence_blocks import ACTION_FULL_REPORT

SHOTS = ("Wide shot: Nora, a girl with short black hair and a mustard-yellow raincoat, crosses "
         "a rainy harbour at dawn, cold light from the left\n"
         "Close-up: Nora, a girl with short black hair and a red raincoat, feeds a gull at "
         "dawn, warm light from the right")


def actions_of(call) -> list[dict]:
    return [e for b in call.body.get("blocks", []) if b["type"] == "actions"
            for e in b["elements"]]


def text_of(call) -> str:
    return json.dumps(call.body.get("blocks", []), ensure_ascii=False)


def test_slash_sequence_answers_with_the_table_and_a_full_report_button(rig):
    r = post(rig.http, rig.url, slash_body("/sequence", SHOTS,
                                           response_url=rig.mock.response_url("s1")))
    assert r.status_code == 200 and r.text == ""
    (call,) = rig.mock.wait("respond:s1")
    blocks = text_of(call)
    assert "2 shots" in blocks and "drift" in blocks
    assert "```" in blocks and "≠" in blocks  # the compact table, drift marked
    button = next(e for e in actions_of(call) if e["action_id"] == ACTION_FULL_REPORT)

    # the button: the full report, privately, with every finding's fix and the rewrites
    payload = block_action({"action_id": ACTION_FULL_REPORT, "type": "button",
                            "value": button["value"], "block_id": "b1"},
                           response_url=rig.mock.response_url("s2"))
    assert post(rig.http, rig.url, interactive_body(payload)).status_code == 200
    (report,) = rig.mock.wait("respond:s2")
    full = text_of(report)
    assert report.body["response_type"] == "ephemeral"
    assert "full report" in full and "mustard-yellow raincoat" in full
    assert "cold light from the left" in full and "Fix" in full


def test_full_report_of_a_list_no_longer_kept_says_so(rig):
    payload = block_action({"action_id": ACTION_FULL_REPORT, "type": "button",
                            "value": "0123456789abcdef01234567", "block_id": "b1"},
                           response_url=rig.mock.response_url("s3"))
    post(rig.http, rig.url, interactive_body(payload))
    (call,) = rig.mock.wait("respond:s3")
    assert "no longer have that shot list" in text_of(call)


def test_bare_sequence_opens_the_form_and_its_submission_is_reviewed(rig):
    post(rig.http, rig.url, slash_body("/sequence", "", response_url=rig.mock.response_url("f")))
    (opened,) = rig.mock.wait("views.open")
    view = opened.body["view"]
    assert view["callback_id"] == SEQUENCE_MODAL
    shots = next(b for b in view["blocks"] if b["block_id"] == "shots")
    assert shots["element"]["multiline"] is True
    assert any(b["block_id"] == "mode" for b in view["blocks"])

    values = {"shots": {"shots": {"type": "plain_text_input", "value": SHOTS}},
              "mode": {"mode": {"type": "static_select",
                                "selected_option": {"value": "t2v"}}}}
    meta = json.dumps({"channel": "C0001", "response_url": rig.mock.response_url("f2")})
    r = post(rig.http, rig.url, interactive_body(view_submission(
        values, meta, callback_id=SEQUENCE_MODAL)))
    assert r.status_code == 200
    (call,) = rig.mock.wait("respond:f2")
    assert "2 shots" in text_of(call)


def test_an_empty_form_is_refused_in_the_form(rig):
    values = {"shots": {"shots": {"type": "plain_text_input", "value": "  "}}}
    r = post(rig.http, rig.url, interactive_body(view_submission(
        values, "{}", callback_id=SEQUENCE_MODAL)))
    assert r.json()["response_action"] == "errors" and "empty" in r.json()["errors"]["shots"]


def test_thread_shortcut_reviews_each_message_of_the_thread_as_a_shot(rig):
    rig.mock.threads["1699999999.000300"] = [
        {"ts": "1699999999.000300", "user": "U0002",
         "text": "Wide shot: Nora, a girl with short black hair and a mustard-yellow "
                 "raincoat, crosses a rainy harbour at dawn, cold light from the left"},
        {"ts": "1699999999.000400", "bot_id": "BBOT0001", "text": "42/100 Needs work"},
        {"ts": "1699999999.000500", "user": "U0003",
         "text": "Close-up: Nora, a girl with short black hair and a red raincoat, feeds a "
                 "gull at dawn, warm light from the right"},
    ]
    payload = message_shortcut("ignored: the thread is read", callback_id=SHORTCUT_SEQUENCE,
                               response_url=rig.mock.response_url("t1"))
    assert post(rig.http, rig.url, interactive_body(payload)).status_code == 200
    (call,) = rig.mock.wait("respond:t1")
    (replies,) = rig.mock.of("conversations.replies")
    assert replies.body["channel"] == "C0001" and replies.body["ts"] == "1699999999.000300"
    assert call.body["response_type"] == "ephemeral"
    blocks = text_of(call)
    assert "2 shots" in blocks and "drift" in blocks  # the bot's reply was not a shot
