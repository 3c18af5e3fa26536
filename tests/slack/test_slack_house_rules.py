"""House rules on Slack, through Slack's own request formats: signed slash commands, events and
view submissions posted to the running Bolt app, replies recorded by the mock Web API."""

from __future__ import annotations

import json
import time

from slack_mock import TEAM, event_body, post, slash_body

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
