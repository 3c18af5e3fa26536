"""The Slack front over real HTTP: requests signed as Slack signs them, replies recorded by a
mock Web API on loopback."""

from __future__ import annotations

import json
import logging
import time

import pytest
from slack_mock import (
    BOT_USER,
    TEAM,
    block_action,
    event_body,
    interactive_body,
    message_shortcut,
    post,
    slash_body,
    view_submission,
)

from bot.slack import blocks as bk

PROMPT = "A red fox trots through fresh snow at dawn, slow dolly in, soft golden backlight"


def text_of(call) -> str:
    """All the text a reply carries, blocks included."""
    return call.body.get("text", "") + "\n" + json.dumps(call.body.get("blocks", []))


def actions_of(call) -> list[dict]:
    return [e for b in call.body.get("blocks", []) if b["type"] == "actions"
            for e in b["elements"]]


def slash(rig, command: str, text: str, name: str = "r1", **kw):
    started = time.perf_counter()
    r = post(rig.http, rig.url, slash_body(command, text, response_url=rig.mock.response_url(name),
                                           **kw))
    return r, time.perf_counter() - started


# ---- slash commands ---------------------------------------------------------------------------
def test_critique_slash_command_acks_then_replies_ephemeral_with_share_button(rig):
    r, took = slash(rig, "/critique", f"{PROMPT} kling")
    assert r.status_code == 200 and took < 3
    assert r.text == ""  # an empty ack: the review follows on the response_url
    (call,) = rig.mock.wait("respond:r1")
    assert call.body["response_type"] == "ephemeral"
    first = call.body["blocks"][0]["text"]["text"]
    assert "/100" in first and "kling" in first  # score and verdict first
    ids = {e["action_id"] for e in actions_of(call)}
    assert {bk.ACTION_SHARE, bk.ACTION_HELPFUL, bk.ACTION_NOT_HELPFUL, bk.ACTION_REWRITE,
            bk.ACTION_TRANSLATE} <= ids
    review_id = next(e["value"] for e in actions_of(call) if e["action_id"] == bk.ACTION_HELPFUL)
    review = rig.engine.store.get_review(review_id)
    assert review is not None and review.prompt == PROMPT and review.model == "kling"
    assert review.channel == "C0001" and review.scope == TEAM


def test_bare_critique_opens_the_modal(rig):
    r, _ = slash(rig, "/critique", "")
    assert r.status_code == 200
    (call,) = rig.mock.wait("views.open")
    view = call.body["view"]
    assert call.body["trigger_id"] == "1337.42.abc"
    assert view["callback_id"] == "fc_critique_modal"
    assert [b["block_id"] for b in view["blocks"]] == ["prompt", "model", "notes"]
    meta = json.loads(view["private_metadata"])
    assert meta == {"channel": "C0001", "response_url": rig.mock.response_url("r1")}
    assert not rig.mock.of("respond")


def test_unknown_model_gets_suggestions_and_the_text_back(rig):
    slash(rig, "/critique", f"{PROMPT} --model klingg")
    (call,) = rig.mock.wait("respond:r1")
    text = text_of(call)
    assert "Unknown model" in text and "kling" in text
    assert "red fox trots" in text  # nothing the user typed is lost


def test_huge_text_is_refused_clearly(rig):
    slash(rig, "/critique", "A fox runs. " * 2000)
    (call,) = rig.mock.wait("respond:r1")
    assert "the limit is 4,000" in text_of(call)
    for block in call.body["blocks"]:
        assert len(block.get("text", {}).get("text", "")) <= bk.SECTION_LIMIT


def test_mrkdwn_in_the_prompt_cannot_ping_the_channel(rig):
    slash(rig, "/critique", "A crowd cheers &lt;!channel&gt; as a runner crosses the line, "
                            "tracking shot, noon sun")
    (call,) = rig.mock.wait("respond:r1")
    assert "<!channel>" not in json.dumps(call.body["blocks"])
    assert "&lt;!channel&gt;" in json.dumps(call.body["blocks"])


def test_rate_limit_answers_kindly(rig_factory):
    rig = rig_factory(rate_limits={"critique": (2, 60.0)})
    for i in range(3):
        slash(rig, "/critique", PROMPT, name=f"r{i}")
        rig.mock.wait(f"respond:r{i}")
    assert "Give it a moment" in text_of(rig.mock.of("respond:r2")[0])
    assert "/100" in text_of(rig.mock.of("respond:r1")[0])
    # Another user is not limited by the first one.
    slash(rig, "/critique", PROMPT, name="other", user="U0009")
    assert "/100" in text_of(rig.mock.wait("respond:other")[0])


def test_settings_change_default_model_and_visibility(rig):
    slash(rig, "/framecraft", "settings model Kling", name="s1")
    assert "kling" in text_of(rig.mock.wait("respond:s1")[0])
    assert rig.engine.store.get_setting("slack", f"{TEAM}:C0001", "model") == "kling"
    rig.mock.admins.add("U0001")  # workspace-wide settings need a workspace admin
    slash(rig, "/framecraft", "settings workspace visibility public", name="s2")
    rig.mock.wait("respond:s2")
    slash(rig, "/critique", PROMPT, name="c1")
    (call,) = rig.mock.wait("respond:c1")
    assert call.body["response_type"] == "in_channel"
    assert "*kling*" in call.body["blocks"][0]["text"]["text"]
    assert bk.ACTION_SHARE not in {e["action_id"] for e in actions_of(call)}
    # Another channel sees the workspace visibility but not this channel's model.
    slash(rig, "/critique", PROMPT, name="c2", channel="C0002")
    (other,) = rig.mock.wait("respond:c2")
    assert other.body["response_type"] == "in_channel"
    assert "kling" not in other.body["blocks"][0]["text"]["text"]


def test_settings_reject_bad_values(rig):
    slash(rig, "/framecraft", "settings model klingg", name="s1")
    assert "Unknown model" in text_of(rig.mock.wait("respond:s1")[0])
    slash(rig, "/framecraft", "settings visibility loud", name="s2")
    assert "Usage" in text_of(rig.mock.wait("respond:s2")[0])
    assert rig.engine.store.get_setting("slack", f"{TEAM}:C0001", "visibility") is None


def test_framecraft_help_lists_the_commands(rig):
    slash(rig, "/framecraft", "help")
    text = text_of(rig.mock.wait("respond:r1")[0])
    for command in ("/critique", "/translate", "/compare", "/ethics", "/ask", "Review this prompt"):
        assert command in text


# ---- interactivity ----------------------------------------------------------------------------
def _review(rig) -> tuple[str, dict]:
    slash(rig, "/critique", PROMPT, name="first")
    (call,) = rig.mock.wait("respond:first")
    review_id = next(e["value"] for e in actions_of(call) if e["action_id"] == bk.ACTION_HELPFUL)
    return review_id, call.body


def test_feedback_buttons_are_recorded(rig):
    review_id, _ = _review(rig)
    for name, action_id in (("h", bk.ACTION_HELPFUL), ("n", bk.ACTION_NOT_HELPFUL)):
        payload = block_action({"type": "button", "action_id": action_id, "value": review_id,
                                "block_id": f"{bk.REVIEW_BLOCK_PREFIX}{review_id}"},
                               response_url=rig.mock.response_url(name),
                               user="U0001" if name == "h" else "U0002")
        r = post(rig.http, rig.url, interactive_body(payload))
        assert r.status_code == 200
        assert "Thanks" in text_of(rig.mock.wait(f"respond:{name}")[0])
    assert rig.engine.store.feedback_counts("slack", TEAM, review_id) == (1, 1)


def test_show_rewrite_only(rig):
    review_id, _ = _review(rig)
    payload = block_action({"type": "button", "action_id": bk.ACTION_REWRITE, "value": review_id},
                           response_url=rig.mock.response_url("rw"))
    post(rig.http, rig.url, interactive_body(payload))
    (call,) = rig.mock.wait("respond:rw")
    rewrite = rig.engine.critique(PROMPT).rewrite
    assert call.body["blocks"][0]["text"]["text"].startswith("*Rewrite*\n```")
    assert bk.escape(rewrite)[:80] in text_of(call)


def test_share_to_channel_posts_publicly(rig):
    review_id, _ = _review(rig)
    payload = block_action({"type": "button", "action_id": bk.ACTION_SHARE,
                            "value": f"review:{review_id}"},
                           response_url=rig.mock.response_url("share"))
    post(rig.http, rig.url, interactive_body(payload))
    (call,) = rig.mock.wait("respond:share")
    assert call.body["response_type"] == "in_channel"
    assert "Shared by <@U0001>" in text_of(call)
    assert "/100" in text_of(call)


def test_buttons_for_a_forgotten_review_say_so(rig):
    payload = block_action({"type": "button", "action_id": bk.ACTION_HELPFUL, "value": "nope1234"},
                           response_url=rig.mock.response_url("x"))
    post(rig.http, rig.url, interactive_body(payload))
    assert "no longer have that review" in text_of(rig.mock.wait("respond:x")[0])


def test_view_submission_reviews_for_the_chosen_model(rig):
    meta = json.dumps({"channel": "C0003", "response_url": rig.mock.response_url("modal")})
    values = {"prompt": {"prompt": {"type": "plain_text_input", "value": PROMPT}},
              "model": {"model": {"type": "static_select",
                                  "selected_option": {"value": "luma",
                                                      "text": {"type": "plain_text",
                                                               "text": "Luma"}}}},
              "notes": {"notes": {"type": "plain_text_input", "value": "moody & quiet"}}}
    r = post(rig.http, rig.url, interactive_body(view_submission(values, meta)))
    assert r.status_code == 200 and r.text == ""
    (call,) = rig.mock.wait("respond:modal")
    text = text_of(call)
    assert "Your notes: moody &amp; quiet" in text
    assert "luma" in text.lower()
    review_id = next(e["value"] for e in actions_of(call) if e["action_id"] == bk.ACTION_HELPFUL)
    assert rig.engine.store.get_review(review_id).channel == "C0003"


def test_view_submission_with_an_empty_prompt_shows_the_error_in_the_form(rig):
    values = {"prompt": {"prompt": {"type": "plain_text_input", "value": "   "}}}
    r = post(rig.http, rig.url, interactive_body(view_submission(values, "{}")))
    assert r.status_code == 200
    body = r.json()
    assert body["response_action"] == "errors" and "empty" in body["errors"]["prompt"]
    time.sleep(0.3)
    assert not rig.mock.of("respond") and not rig.mock.of("chat.postMessage")


def test_message_shortcut_reviews_the_message(rig):
    payload = message_shortcut("Two dancers spin &amp; leap on a rooftop at dusk, "
                               "<https://example.com|ref>, handheld",
                               response_url=rig.mock.response_url("sc"))
    r = post(rig.http, rig.url, interactive_body(payload))
    assert r.status_code == 200
    (call,) = rig.mock.wait("respond:sc")
    assert call.body["response_type"] == "ephemeral"
    review_id = next(e["value"] for e in actions_of(call) if e["action_id"] == bk.ACTION_HELPFUL)
    assert rig.engine.store.get_review(review_id).prompt.startswith(
        "Two dancers spin & leap on a rooftop at dusk, ref,")


# ---- events --------------------------------------------------------------------------------------
def mention(text: str, ts: str = "1700000100.000100", **extra) -> dict:
    return {"type": "app_mention", "user": "U0001", "text": text, "ts": ts,
            "channel": "C0001", "event_ts": ts, **extra}


def test_app_mention_is_answered_in_a_thread(rig):
    body = event_body(mention(f"<@{BOT_USER}> critique {PROMPT} --model veo"), "Ev001")
    r = post(rig.http, rig.url, body, content_type="application/json")
    assert r.status_code == 200
    (call,) = rig.mock.wait("chat.postMessage")
    assert call.body["channel"] == "C0001"
    assert call.body["thread_ts"] == "1700000100.000100"
    assert "veo" in call.body["blocks"][0]["text"]["text"]
    assert call.headers.get("Authorization") == "Bearer xoxb-123-456-framecraft-test"


def test_event_retries_do_not_duplicate_replies(rig):
    body = event_body(mention(f"<@{BOT_USER}> {PROMPT}"), "Ev002")
    post(rig.http, rig.url, body, content_type="application/json")
    for n in (1, 2):
        r = post(rig.http, rig.url, body, content_type="application/json",
                 headers={"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"})
        assert r.status_code == 200
    rig.mock.wait("chat.postMessage")
    time.sleep(0.5)
    assert len(rig.mock.of("chat.postMessage")) == 1


def test_a_reply_in_a_thread_stays_in_that_thread(rig):
    ev = mention(f"<@{BOT_USER}> ask how do I keep a face consistent",
                 ts="1700000200.000200", thread_ts="1700000100.000100")
    post(rig.http, rig.url, event_body(ev, "Ev003"), content_type="application/json")
    (call,) = rig.mock.wait("chat.postMessage")
    assert call.body["thread_ts"] == "1700000100.000100"


def test_direct_message_commands(rig):
    dm = {"type": "message", "channel_type": "im", "channel": "D0001", "user": "U0001",
          "text": "help", "ts": "1700000300.000100"}
    post(rig.http, rig.url, event_body(dm, "Ev004"), content_type="application/json")
    (call,) = rig.mock.wait("chat.postMessage")
    assert call.body["channel"] == "D0001" and "/critique" in text_of(call)
    assert call.body.get("thread_ts") is None


def test_direct_messages_from_bots_and_edits_are_ignored(rig):
    for i, extra in enumerate(({"bot_id": "B0009"}, {"subtype": "message_changed"})):
        dm = {"type": "message", "channel_type": "im", "channel": "D0001", "user": "U0001",
              "text": PROMPT, "ts": f"1700000400.00010{i}", **extra}
        r = post(rig.http, rig.url, event_body(dm, f"Ev10{i}"), content_type="application/json")
        assert r.status_code == 200
    time.sleep(0.5)
    assert not rig.mock.of("chat.postMessage")


def test_app_home_shows_models_and_recent_reviews(rig):
    rig.engine.store.record_review("slack", TEAM, "C0001", "U0001", "A dog surfs a wave", 61,
                                   "kling")
    ev = {"type": "app_home_opened", "user": "U0001", "channel": "D0001", "tab": "home",
          "event_ts": "1700000500.1"}
    post(rig.http, rig.url, event_body(ev, "Ev005"), content_type="application/json")
    (call,) = rig.mock.wait("views.publish")
    assert call.body["user_id"] == "U0001"
    view = json.dumps(call.body["view"])
    assert call.body["view"]["type"] == "home"
    assert "A dog surfs a wave" in view and "61/100" in view and "<#C0001>" in view
    for model in rig.engine.kb.models.values():
        assert model.name in view


def test_url_verification_echoes_the_challenge(rig):
    body = json.dumps({"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "type": "url_verification"})
    r = post(rig.http, rig.url, body, content_type="application/json")
    assert r.status_code == 200 and "3eZbrw1aBm2rZgRNFdxV" in r.text


def test_slack_429_is_retried_after_retry_after(rig):
    rig.mock.fail["chat.postMessage"] = [(429, {"Retry-After": "1"},
                                          {"ok": False, "error": "ratelimited"})]
    post(rig.http, rig.url, event_body(mention(f"<@{BOT_USER}> {PROMPT}"), "Ev006"),
         content_type="application/json")
    calls = rig.mock.wait("chat.postMessage", count=2)
    assert calls[1].at - calls[0].at >= 0.9
    time.sleep(0.3)
    assert len(rig.mock.of("chat.postMessage")) == 2


# ---- signatures and malformed requests -------------------------------------------------------
def test_forged_missing_and_stale_signatures_get_401_and_are_logged_without_the_body(rig, caplog):
    secret_words = "a very private storyboard idea"
    body = slash_body("/critique", secret_words, response_url=rig.mock.response_url())
    caplog.set_level(logging.INFO)
    forged = post(rig.http, rig.url, body, secret="not-the-secret")
    missing = post(rig.http, rig.url, body, signed=False)
    stale = post(rig.http, rig.url, body, timestamp=int(time.time()) - 6 * 60)
    future = post(rig.http, rig.url, body, timestamp=int(time.time()) + 6 * 60)
    for r in (forged, missing, stale, future):
        assert r.status_code == 401
    time.sleep(0.3)
    assert not rig.mock.of("respond")
    assert "rejected a Slack request" in caplog.text
    assert "private storyboard" not in caplog.text and "private+storyboard" not in caplog.text


def test_replayed_request_with_a_recent_timestamp_but_other_body_is_refused(rig):
    body = slash_body("/critique", PROMPT, response_url=rig.mock.response_url())
    headers = {"X-Slack-Request-Timestamp": str(int(time.time()))}
    good = post(rig.http, rig.url, body)
    assert good.status_code == 200
    tampered = body.replace("red+fox", "grey+wolf")
    r = rig.http.post(rig.url, content=tampered.encode(), headers={
        **headers, "X-Slack-Signature": good.request.headers["X-Slack-Signature"],
        "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 401


@pytest.mark.parametrize("body, ctype", [
    ("payload=%7Bnot+json", "application/x-www-form-urlencoded"),
    ("{\"type\": \"event_callback\", ", "application/json"),
    (b"\xff\xfe\x00binary", "application/octet-stream"),
    ("payload=%5B1%2C2%5D", "application/x-www-form-urlencoded"),
])
def test_malformed_payloads_get_4xx_and_the_server_keeps_serving(rig, body, ctype):
    r = post(rig.http, rig.url, body, content_type=ctype)
    # Bytes that are not UTF-8 cannot carry a Slack signature at all: refused as unverifiable.
    assert r.status_code == (401 if isinstance(body, bytes) else 400)
    unsigned = post(rig.http, rig.url, body, content_type=ctype, signed=False)
    assert unsigned.status_code == 401
    slash(rig, "/critique", PROMPT)
    assert "/100" in text_of(rig.mock.wait("respond:r1")[0])


def test_oversized_body_is_refused(rig):
    r = post(rig.http, rig.url, "text=" + "x" * 1_100_000)
    assert r.status_code == 413


def test_health_check(rig):
    r = rig.http.get(rig.url.replace("/slack/events", "/healthz"))
    assert r.status_code == 200 and r.text == "ok"


# ---- the other commands ------------------------------------------------------------------------
def test_translate_command_gives_the_prompt_in_the_target_dialect(rig):
    slash(rig, "/translate", f"{PROMPT} --to kling")
    (call,) = rig.mock.wait("respond:r1")
    expected = rig.engine.translate(PROMPT, "kling")
    assert call.body["blocks"][0]["text"]["text"].startswith("*For kling*")
    assert bk.escape(expected.prompt)[:60] in text_of(call)
    assert bk.ACTION_SHARE in {e["action_id"] for e in actions_of(call)}


def test_translate_without_a_target_explains(rig):
    slash(rig, "/translate", PROMPT)
    assert "Say which model to translate to" in text_of(rig.mock.wait("respond:r1")[0])


def test_compare_renders_every_model(rig):
    slash(rig, "/compare", PROMPT)
    calls = rig.mock.wait("respond:r1")
    text = "".join(text_of(c) for c in calls)
    for mid in rig.engine.kb.models:
        assert f"*For {mid}*" in text


def test_translate_button_under_a_review(rig):
    review_id, _ = _review(rig)
    payload = block_action({"type": "static_select", "action_id": bk.ACTION_TRANSLATE,
                            "block_id": f"{bk.REVIEW_BLOCK_PREFIX}{review_id}",
                            "selected_option": {"value": "runway",
                                                "text": {"type": "plain_text", "text": "Runway"}}},
                           response_url=rig.mock.response_url("tr"))
    post(rig.http, rig.url, interactive_body(payload))
    (call,) = rig.mock.wait("respond:tr")
    assert call.body["response_type"] == "ephemeral"
    assert "*For runway*" in text_of(call)


def test_ethics_command_puts_the_verdict_first(rig):
    slash(rig, "/ethics", "A deepfake video of a real news anchor announcing fake election results")
    (call,) = rig.mock.wait("respond:r1")
    review = rig.engine.review_ethics(
        "A deepfake video of a real news anchor announcing fake election results")
    assert review.verdict in call.body["blocks"][0]["text"]["text"]
    for concern in review.concerns:
        assert concern.category in text_of(call)


def test_ethics_stop_shows_above_a_critique(rig):
    prompt = "A deepfake video of a real news anchor announcing fake election results, static shot"
    c = rig.engine.critique(prompt)
    if (c.ethics or {}).get("verdict") != "stop":
        pytest.skip("the ethics rules do not stop this prompt")
    slash(rig, "/critique", prompt)
    (call,) = rig.mock.wait("respond:r1")
    assert call.body["blocks"][0]["text"]["text"].startswith(":no_entry: *Stop")


def test_ask_answers_with_sources_and_share(rig):
    question = "how do I keep a character consistent across shots?"
    slash(rig, "/ask", question)
    (call,) = rig.mock.wait("respond:r1")
    answer = rig.engine.ask(question)
    text = text_of(call)
    assert "*Sources*" in text
    for source in answer.sources:
        assert source.id in text
    share = next(e for e in actions_of(call) if e["action_id"] == bk.ACTION_SHARE)
    # Sharing re-runs the question and posts it for the channel.
    payload = block_action({"type": "button", "action_id": bk.ACTION_SHARE,
                            "value": share["value"]}, response_url=rig.mock.response_url("sh"))
    post(rig.http, rig.url, interactive_body(payload))
    shared = rig.mock.wait("respond:sh")[0]
    assert shared.body["response_type"] == "in_channel" and "Shared by <@U0001>" in text_of(shared)


def test_empty_ask_shows_usage(rig):
    slash(rig, "/ask", "   ")
    assert "Usage: ask QUESTION" in text_of(rig.mock.wait("respond:r1")[0])


def test_framecraft_about_shows_version_models_and_sources(rig):
    slash(rig, "/framecraft", "about")
    (call,) = rig.mock.wait("respond:r1")
    text = text_of(call)
    assert call.body["response_type"] == "ephemeral"
    assert "Framecraft " in call.body["text"] and "`kling`" in text
    assert "model profiles" in text and "knowledge/models" in text
    assert "annotated gallery prompts" in text
