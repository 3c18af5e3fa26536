"""House rules on Slack, through Slack's own request formats: signed slash commands, events and
view submissions posted to the running Bolt app, replies recorded by the mock Web API."""

from __future__ import annotations

import json
import time

from slack_mock import TEAM, event_body, interactive_body, post, slash_body, view_submission

RULES = """[rules]
require = ["camera"]
ban = [{ word = "epic", reason = "say what makes it epic" }]
prefer = [{ use = "teal-and-orange grade", instead_of = ["cinematic colour"] }]
"""
PROMPT = "An epic red fox trots through fresh snow at dawn, soft golden backlight, cinematic colour"
ADMIN = "UADMIN01"
MEMBER = "U0002"


def text_of(call) -> str:
    return call.body.get("text", "") + "\n" + json.dumps(call.body.get("blocks", []),
                                                           ensure_ascii=False)


def slash(rig, command: str, text: str, name: str, user: str = "U0001",
          channel: str = "C0001") -> str:
    post(rig.http, rig.url, slash_body(command, text, response_url=rig.mock.response_url(name),
                                       user=user, channel=channel))
    (call,) = rig.mock.wait(f"respond:{name}")
    return text_of(call)


def settle(rig, quiet: float = 0.3, timeout: float = 10.0) -> None:
    reviews = rig.app.framecraft_reviews
    deadline = time.monotonic() + timeout
    seen, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        n = len(rig.mock.calls)
        if n != seen or not reviews.idle():
            seen, since = n, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.01)
    raise AssertionError("the review worker did not settle")


def test_critique_and_prompt_save_show_the_channels_house_rules(rig):
    rig.engine.store.set_house_rules("slack", TEAM, "C0001", RULES, ADMIN)
    text = slash(rig, "/critique", PROMPT, "c1")
    assert "House rules: FAIL" in text
    assert "say what makes it epic" in text and "teal-and-orange grade" in text
    saved = slash(rig, "/prompt", f"save hero {PROMPT}", "s1")
    assert "House rules: FAIL" in saved and "epic" in saved
    # Another channel of the workspace has no rules: no House rules part.
    other = slash(rig, "/critique", PROMPT, "c2", channel="C0002")
    assert "House rules" not in other


def test_a_review_channel_reply_enforces_the_rules(rig):
    rig.mock.admins.add(ADMIN)
    slash(rig, "/framecraft", "watch", "w1", user=ADMIN)
    rig.engine.store.set_house_rules("slack", TEAM, None, RULES, ADMIN)  # workspace-wide
    try:
        event = {"type": "message", "channel": "C0001", "user": MEMBER, "text": PROMPT,
                 "ts": "1700000100.000100", "channel_type": "channel",
                 "event_ts": "1700000100.000100"}
        post(rig.http, rig.url, event_body(event, "EvHR1"), content_type="application/json")
        (call,) = rig.mock.wait("chat.postMessage")
        settle(rig)
        text = text_of(call)
        assert "House rules: FAIL" in text and "epic" in text
    finally:
        rig.app.framecraft_reviews.stop()


# ---- /framecraft rules: the modal, the admin check, history ------------------------------------
BAD = """[rules]
ban = [{ wrod = "epic" }]
"""


def submit_rules(rig, toml: str, user: str, name: str, level: str = "channel"):
    meta = json.dumps({"channel": "C0001", "level": level,
                       "response_url": rig.mock.response_url(name)})
    values = {"rules": {"rules": {"type": "plain_text_input", "value": toml}}}
    return post(rig.http, rig.url, interactive_body(
        view_submission(values, meta, user=user, callback_id="fc_rules_modal")))


def test_rules_set_through_the_modal_then_shown_in_a_review_and_in_history(rig):
    rig.mock.admins.add(ADMIN)
    assert "No house rules are set" in slash(rig, "/framecraft", "rules", "show0")
    slash_body_text = "rules set"
    post(rig.http, rig.url, slash_body("/framecraft", slash_body_text,
                                       response_url=rig.mock.response_url("set1"), user=ADMIN))
    (opened,) = rig.mock.wait("views.open")
    view = opened.body["view"]
    assert view["callback_id"] == "fc_rules_modal"
    assert "[rules]" in view["blocks"][1]["element"]["initial_value"]  # an example to edit

    r = submit_rules(rig, RULES, ADMIN, "saved")
    assert r.status_code == 200 and r.text == ""  # the form closes
    (saved,) = rig.mock.wait("respond:saved")
    assert "House rules saved for this channel (version 1)" in text_of(saved)
    assert rig.engine.store.get_house_rules("slack", TEAM, "C0001").toml == RULES

    shown = slash(rig, "/framecraft", "rules", "show1")
    assert "ban = epic" in shown and "(from channel)" in shown
    assert "House rules: FAIL" in slash(rig, "/critique", PROMPT, "c1")

    assert "version 2" in slash(rig, "/framecraft", "rules reset", "reset1", user=ADMIN)
    history = slash(rig, "/framecraft", "rules history", "h1")
    assert "2 changes" in history and "v1" in history and "v2" in history
    assert f"<@{ADMIN}>" in history and "+ban = [{ word" in history  # who, and the diff
    assert "House rules" not in slash(rig, "/critique", PROMPT, "c2")


def test_channel_rules_are_changed_in_a_channel_not_a_dm_and_workspace_rules_anywhere(rig):
    rig.mock.admins.add(ADMIN)
    refused = slash(rig, "/framecraft", "rules reset", "dm1", user=ADMIN, channel="D0001")
    assert "not in a DM" in refused and "workspace" in refused
    assert rig.engine.store.get_house_rules("slack", TEAM, "D0001") is None
    assert "No house rules are set" in slash(rig, "/framecraft", "rules", "dm2", channel="D0001")


def test_invalid_toml_is_shown_in_the_modal_and_nothing_is_saved(rig):
    rig.mock.admins.add(ADMIN)
    r = submit_rules(rig, BAD, ADMIN, "bad")
    assert r.status_code == 200
    answer = r.json()
    assert answer["response_action"] == "errors"
    assert answer["errors"]["rules"] == "line 2: ban[0].wrod: unknown key"
    assert rig.engine.store.get_house_rules("slack", TEAM, "C0001") is None
    assert rig.engine.store.house_rules_history("slack", TEAM, "C0001") == []
    assert not rig.mock.of("respond:bad")


def test_a_member_cannot_change_the_rules(rig):
    refused = slash(rig, "/framecraft", "rules set", "m1", user=MEMBER)
    assert "Sorry, only" in refused and not rig.mock.of("views.open")
    assert "Sorry, only" in slash(rig, "/framecraft", "rules reset workspace", "m2", user=MEMBER)
    # A forged submission is refused too, and nothing is saved.
    r = submit_rules(rig, RULES, MEMBER, "forged")
    assert r.json()["response_action"] == "errors"
    assert rig.engine.store.get_house_rules("slack", TEAM, "C0001") is None
    # The channel's creator may set the channel's rules, not the workspace's.
    rig.mock.creators["C0001"] = "U0007"
    assert submit_rules(rig, RULES, "U0007", "creator").text == ""
    assert rig.engine.store.get_house_rules("slack", TEAM, "C0001") is not None
    assert submit_rules(rig, RULES, "U0007", "creator-ws", level="workspace").json()[
        "response_action"] == "errors"
    assert rig.engine.store.get_house_rules("slack", TEAM, None) is None
