"""Review channels on Slack, through Slack's own request format: signed event callbacks and slash
commands posted to the running Bolt app, replies recorded by the mock Web API."""

from __future__ import annotations

import json
import logging
import time

import pytest
from slack_mock import TEAM, block_action, event_body, interactive_body, post, slash_body

from bot.core.review_channels import ReviewQueue, channel_settings
from bot.slack import blocks as bk
from bot.slack.review_channels import ACTION_FULL_REVIEW

PROMPT = "A red fox trots through fresh snow at dawn, slow dolly in, soft golden backlight"
EDITED = ("Wide shot: a red fox trots through fresh snow at dawn, slow dolly in, soft golden "
          "backlight, 35mm film grain, calm pacing")
STOP = ("Realistic footage of Taylor Swift endorsing a crypto scam as a real news broadcast, "
        "handheld camera, close-up, studio lighting")
STOP_WORDS = ("taylor", "swift", "crypto", "scam", "broadcast")
ADMIN = "UADMIN01"
MEMBER = "U0002"


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


# ---- helpers ---------------------------------------------------------------------------------
def text_of(call) -> str:
    return call.body.get("text", "") + "\n" + json.dumps(call.body.get("blocks", []),
                                                           ensure_ascii=False)


def message(text: str, ts: str, channel: str = "C0001", user: str = MEMBER,
            channel_type: str = "channel", **extra) -> dict:
    return {"type": "message", "channel": channel, "user": user, "text": text, "ts": ts,
            "channel_type": channel_type, "event_ts": ts, **extra}


def edit(new: str, old: str, ts: str, channel: str = "C0001", user: str = MEMBER) -> dict:
    now = f"{time.time():.6f}"
    return {"type": "message", "subtype": "message_changed", "hidden": True,
            "channel": channel, "channel_type": "channel", "ts": now, "event_ts": now,
            "message": {"type": "message", "user": user, "text": new, "ts": ts,
                        "edited": {"user": user, "ts": now}},
            "previous_message": {"type": "message", "user": user, "text": old, "ts": ts}}


def send(rig, event: dict, event_id: str, headers: dict | None = None):
    r = post(rig.http, rig.url, event_body(event, event_id), content_type="application/json",
             headers=headers)
    assert r.status_code == 200
    return r


def slash(rig, text: str, name: str, user: str = "U0001", channel: str = "C0001") -> str:
    post(rig.http, rig.url, slash_body("/framecraft", text, response_url=rig.mock.response_url(name),
                                       user=user, channel=channel))
    (call,) = rig.mock.wait(f"respond:{name}")
    return text_of(call)


def watch(rig, channel: str = "C0001", name: str = "watch") -> None:
    rig.mock.admins.add(ADMIN)
    assert "review channel" in slash(rig, "watch", name, user=ADMIN, channel=channel)


def settle(rig, quiet: float = 0.3, timeout: float = 10.0) -> None:
    """Wait until the worker has posted everything due and no call arrived for `quiet` s."""
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


def posts(rig) -> list:
    return rig.mock.of("chat.postMessage")


@pytest.fixture
def start(rig_factory):
    """rig_factory, with every app's review worker stopped at the end."""
    rigs = []

    def make(**kw):
        rig = rig_factory(**kw)
        rigs.append(rig)
        return rig

    yield make
    for rig in rigs:
        rig.app.framecraft_reviews.stop()


@pytest.fixture
def rig(start):
    return start()


# ---- admin commands --------------------------------------------------------------------------
def test_watch_is_refused_for_a_member_and_allowed_for_admins_and_the_channel_creator(rig):
    scope = f"{TEAM}:C0001"
    text = slash(rig, "watch", "m1", user=MEMBER)
    assert "Sorry, only a workspace admin" in text
    assert channel_settings.read(rig.engine.store, "slack", scope).watched is False
    assert [c.body["user"] for c in rig.mock.of("users.info")] == [MEMBER]

    rig.mock.admins.add(ADMIN)
    assert "now a review channel" in slash(rig, "watch", "a1", user=ADMIN)
    assert channel_settings.read(rig.engine.store, "slack", scope).watched is True

    rig.mock.creators["C0002"] = "U0007"
    assert "now a review channel" in slash(rig, "watch", "c1", user="U0007", channel="C0002")
    assert "Sorry" in slash(rig, "unwatch", "m2", user=MEMBER)
    assert channel_settings.read(rig.engine.store, "slack", scope).watched is True
    assert "no longer a review channel" in slash(rig, "unwatch", "a2", user=ADMIN)
    assert channel_settings.read(rig.engine.store, "slack", scope).watched is False
    assert "Sorry" in slash(rig, "ethics-notes off", "m3", user=MEMBER)
    assert "Usage" in slash(rig, "ethics-notes loud", "a3", user=ADMIN)
    assert "not in a DM" in slash(rig, "watch", "d1", user=ADMIN, channel="D0001")


def test_workspace_settings_need_an_admin_and_settings_show_the_review_status(rig):
    text = slash(rig, "settings workspace visibility public", "m1", user=MEMBER)
    assert "Sorry" in text
    assert rig.engine.store.get_setting("slack", TEAM, "visibility") is None
    # Channel-level settings stay open to members, as before.
    assert "Done" in slash(rig, "settings model kling", "m2", user=MEMBER)
    # A channel's creator may switch that channel, not the whole workspace.
    rig.mock.creators["C0001"] = "U0007"
    assert "only a workspace admin or owner can" in slash(
        rig, "settings workspace visibility public", "c1", user="U0007")
    assert rig.engine.store.get_setting("slack", TEAM, "visibility") is None
    rig.mock.admins.add(ADMIN)
    assert "Done" in slash(rig, "settings workspace visibility public", "a1", user=ADMIN)
    assert rig.engine.store.get_setting("slack", TEAM, "visibility") == "public"

    assert "review channel: off · ethics notes: on" in slash(rig, "settings", "s1")
    watch(rig)
    slash(rig, "ethics-notes off", "a2", user=ADMIN)
    assert "review channel: on · ethics notes: off" in slash(rig, "settings", "s2")
    help_text = slash(rig, "help", "h1")
    assert "/framecraft watch" in help_text and "ethics-notes on|off" in help_text


# ---- reviews in a watched channel --------------------------------------------------------------
def test_a_prompt_in_a_watched_channel_gets_one_thread_reply_with_score_and_two_fixes(rig):
    watch(rig)
    send(rig, message(PROMPT, "1700000100.000100"), "EvR1")
    (call,) = rig.mock.wait("chat.postMessage")
    settle(rig)
    assert len(posts(rig)) == 1
    assert call.body["channel"] == "C0001" and call.body["thread_ts"] == "1700000100.000100"
    expected = rig.engine.compact_review(PROMPT)
    text = text_of(call)
    assert f"{expected.score}/100" in call.body["blocks"][0]["text"]["text"]
    assert len(expected.fixes) == 2
    for i, fix in enumerate(expected.fixes, start=1):
        assert f"{i}. {bk.escape(fix)}" in call.body["blocks"][0]["text"]["text"]
    (button,) = [e for b in call.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert button["action_id"] == ACTION_FULL_REVIEW and button["text"]["text"] == "Full review"
    assert rig.engine.store.get_review(button["value"]).prompt == PROMPT
    assert "Full review" in text
    link = rig.engine.store.get_post("slack", f"{TEAM}:C0001", "1700000100.000100")
    ref = json.loads(link.reply_ref)
    assert ref["channel"] == "C0001" and float(ref["ts"]) > 0 and link.review_id == button["value"]


def test_a_prompt_inside_a_thread_is_answered_in_that_thread(rig):
    watch(rig)
    send(rig, message(PROMPT, "1700000101.000200", thread_ts="1700000100.000100"), "EvR2")
    (call,) = rig.mock.wait("chat.postMessage")
    assert call.body["thread_ts"] == "1700000100.000100"


def test_chatter_questions_bots_and_other_channels_are_left_alone(rig):
    watch(rig)
    events = [
        message("lol, who is up for lunch", "1700000200.000001"),
        message("thanks, that looks great!", "1700000200.000002"),
        message("How do I get a slow dolly in with soft golden backlight at dawn?",
                "1700000200.000003"),
        message(PROMPT, "1700000200.000004", bot_id="B0009"),
        message(PROMPT, "1700000200.000005", user="UBOT0001"),
        message(PROMPT, "1700000200.000006", subtype="channel_join"),
        message(f"<@UBOT0001> {PROMPT}", "1700000200.000008"),
        message(PROMPT, "1700000200.000007", channel="C0099"),  # not watched: no review
    ]
    for i, ev in enumerate(events):
        send(rig, ev, f"EvC{i}")
    settle(rig, quiet=0.5)
    assert posts(rig) == []


def test_the_full_review_button_answers_privately_with_the_whole_critique(rig):
    watch(rig)
    send(rig, message(PROMPT, "1700000300.000100"), "EvF1")
    (call,) = rig.mock.wait("chat.postMessage")
    review_id = next(e["value"] for b in call.body["blocks"] if b["type"] == "actions"
                     for e in b["elements"])
    action = {"type": "button", "action_id": ACTION_FULL_REVIEW, "value": review_id,
              "block_id": f"{bk.REVIEW_BLOCK_PREFIX}{review_id}"}
    payload = block_action(action, response_url=rig.mock.response_url("full"), user="U0005")
    post(rig.http, rig.url, interactive_body(payload))
    (reply,) = rig.mock.wait("respond:full")
    assert reply.body["response_type"] == "ephemeral"
    full = rig.engine.critique(PROMPT)
    expected = bk.critique_messages(full, review_id=review_id, models=[
        (m.id, m.name) for m in rig.engine.kb.models.values()], share=True)[0]
    assert reply.body["blocks"][0] == expected["blocks"][0]
    assert "*Missing*" in text_of(reply) and "*Rewrite*" in text_of(reply)
    ids = {e["action_id"] for b in reply.body["blocks"] if b["type"] == "actions"
           for e in b["elements"]}
    assert {bk.ACTION_REWRITE, bk.ACTION_SHARE} <= ids
    # A forgotten review says so.
    forgotten = block_action({**action, "value": "nosuchid"},
                             response_url=rig.mock.response_url("gone"))
    post(rig.http, rig.url, interactive_body(forgotten))
    assert "no longer have that review" in text_of(rig.mock.wait("respond:gone")[0])


def test_an_edit_updates_the_same_reply_and_an_edit_into_chatter_withdraws_it(rig):
    watch(rig)
    ts = "1700000400.000100"
    send(rig, message(PROMPT, ts), "EvE1")
    (first,) = rig.mock.wait("chat.postMessage")
    settle(rig)
    reply_ts = json.loads(rig.engine.store.get_post("slack", f"{TEAM}:C0001", ts).reply_ref)["ts"]

    send(rig, edit(EDITED, PROMPT, ts), "EvE2")
    (update,) = rig.mock.wait("chat.update")
    settle(rig)
    assert len(posts(rig)) == 1  # updated, not added
    assert update.body["channel"] == "C0001" and update.body["ts"] == reply_ts
    new = rig.engine.compact_review(EDITED)
    assert f"{new.score}/100" in update.body["blocks"][0]["text"]["text"]
    assert "Updated for the edited message" in text_of(update)
    assert text_of(update) != text_of(first)

    send(rig, edit("never mind, wrong channel", EDITED, ts), "EvE3")
    updates = rig.mock.wait("chat.update", 2)
    settle(rig)
    assert updates[1].body["ts"] == reply_ts and "no longer reads as a video prompt" in \
        text_of(updates[1])
    assert len(posts(rig)) == 1
    # An unfurl (same text) is not an edit.
    send(rig, edit("never mind, wrong channel", "never mind, wrong channel", ts), "EvE4")
    settle(rig)
    assert len(rig.mock.of("chat.update")) == 2


def test_an_edit_while_queued_is_coalesced_into_one_post(start):
    clock = Clock()
    queue = ReviewQueue(per_channel_per_minute=12, channel_burst=1, clock=clock)
    rig = start(review_queue=queue)
    watch(rig)
    send(rig, message(PROMPT, "1700000450.000001"), "EvQ1")
    rig.mock.wait("chat.postMessage")  # the one token is spent
    settle(rig)
    send(rig, message(PROMPT, "1700000450.000002"), "EvQ2")
    send(rig, edit(EDITED, PROMPT, "1700000450.000002"), "EvQ3")
    settle(rig)
    assert len(posts(rig)) == 1 and queue.stats.coalesced == 1
    clock.t += 10
    rig.app.framecraft_reviews.worker.wake()
    calls = rig.mock.wait("chat.postMessage", 2)
    settle(rig)
    assert len(posts(rig)) == 2 and not rig.mock.of("chat.update")
    score = rig.engine.compact_review(EDITED).score
    assert f"{score}/100" in calls[1].body["blocks"][0]["text"]["text"]


def deleted(ts: str, text: str, channel: str = "C0001") -> dict:
    now = f"{time.time():.6f}"
    return {"type": "message", "subtype": "message_deleted", "hidden": True, "channel": channel,
            "channel_type": "channel", "ts": now, "event_ts": now, "deleted_ts": ts,
            "previous_message": {"type": "message", "user": MEMBER, "text": text, "ts": ts}}


def test_deleting_a_prompt_deletes_its_review(rig):
    watch(rig)
    ts = "1700000470.000100"
    send(rig, message(PROMPT, ts), "EvD1")
    rig.mock.wait("chat.postMessage")
    settle(rig)
    reply_ts = json.loads(rig.engine.store.get_post("slack", f"{TEAM}:C0001", ts).reply_ref)["ts"]
    send(rig, deleted(ts, PROMPT), "EvD2")
    (gone,) = rig.mock.wait("chat.delete")
    settle(rig)
    assert (gone.body["channel"], gone.body["ts"]) == ("C0001", reply_ts)
    assert len(posts(rig)) == 1 and not rig.mock.of("chat.update")


def test_a_prompt_deleted_while_its_review_waits_is_never_reviewed(start):
    clock = Clock()
    queue = ReviewQueue(per_channel_per_minute=12, channel_burst=1, clock=clock)
    rig = start(review_queue=queue)
    watch(rig)
    send(rig, message(PROMPT, "1700000480.000001"), "EvW1")
    rig.mock.wait("chat.postMessage")  # the one token is spent
    settle(rig)
    send(rig, message(EDITED, "1700000480.000002"), "EvW2")
    settle(rig)
    assert queue.pending() == 1
    send(rig, deleted("1700000480.000002", EDITED), "EvW3")
    settle(rig)
    assert queue.pending() == 0
    clock.t += 30
    rig.app.framecraft_reviews.worker.wake()
    settle(rig)
    assert len(posts(rig)) == 1 and not rig.mock.of("chat.delete")


def test_slack_retries_of_the_same_event_still_give_one_reply(rig):
    watch(rig)
    ev = message(PROMPT, "1700000500.000100")
    send(rig, ev, "EvT1")
    for n in (1, 2, 3):
        send(rig, ev, "EvT1", headers={"X-Slack-Retry-Num": str(n),
                                       "X-Slack-Retry-Reason": "http_timeout"})
    rig.mock.wait("chat.postMessage")
    settle(rig, quiet=0.5)
    assert len(posts(rig)) == 1


# ---- ethics notes outside review channels -----------------------------------------------------
def test_a_stop_prompt_anywhere_gets_one_polite_note_that_quotes_nothing(rig, caplog):
    caplog.set_level(logging.DEBUG)
    ts = "1700000600.000100"
    send(rig, message(STOP, ts, channel="C0042"), "EvS1")
    (note,) = rig.mock.wait("chat.postMessage")
    # Retries, an edit that still says "stop", and a private channel's ordinary prompt.
    send(rig, message(STOP, ts, channel="C0042"), "EvS1", headers={"X-Slack-Retry-Num": "1"})
    send(rig, edit(STOP + ", 4K", STOP, ts, channel="C0042"), "EvS2")
    send(rig, message(PROMPT, "1700000600.000200", channel="G0042", channel_type="group"),
         "EvS3")
    settle(rig, quiet=0.5)
    assert len(posts(rig)) == 1
    assert note.body["channel"] == "C0042" and note.body["thread_ts"] == ts
    text = text_of(note).lower()
    for word in STOP_WORDS:
        assert word not in text
    assert "instead" in text and "/ethics" in text
    logged = "\n".join(r.getMessage() for r in caplog.records).lower()
    for word in STOP_WORDS:
        assert word not in logged


def test_ethics_notes_off_means_silence(rig):
    rig.mock.admins.add(ADMIN)
    assert "off" in slash(rig, "ethics-notes off", "off", user=ADMIN, channel="C0042")
    send(rig, message(STOP, "1700000700.000100", channel="C0042"), "EvO1")
    settle(rig, quiet=0.5)
    assert posts(rig) == []
    assert rig.engine.classify_message(STOP).is_prompt  # silent because of the switch
    # Another channel still gets its note.
    send(rig, message(STOP, "1700000700.000200", channel="C0043"), "EvO2")
    assert rig.mock.wait("chat.postMessage")[0].body["channel"] == "C0043"


def test_a_stop_prompt_in_a_review_channel_gets_its_review_with_the_note(rig):
    watch(rig)
    send(rig, message(STOP, "1700000750.000100"), "EvW1")
    (call,) = rig.mock.wait("chat.postMessage")
    settle(rig)
    assert len(posts(rig)) == 1
    text = text_of(call).lower()
    assert "/100" in text and "instead" in text
    for word in STOP_WORDS:
        assert word not in text


# ---- a flooded review channel ------------------------------------------------------------------
def test_a_burst_of_100_prompts_stays_in_budget_current_and_says_so(start, capsys):
    clock = Clock()
    per_minute, burst = 12, 4
    queue = ReviewQueue(per_channel_per_minute=per_minute, channel_burst=burst, max_wait_s=60,
                        notice_every_s=60, clock=clock)
    rig = start(review_queue=queue)
    watch(rig)
    reviews = rig.app.framecraft_reviews
    sent_at: dict[str, float] = {}
    timeline: list[tuple[float, object]] = []
    seen = len(rig.mock.calls)
    acks: list[float] = []

    def record() -> None:
        nonlocal seen
        settle(rig, quiet=0.02)
        with rig.mock._lock:
            new = rig.mock.calls[seen:]
            seen = len(rig.mock.calls)
        timeline.extend((clock.t, c) for c in new)

    for i in range(100):  # 100 prompts in one minute
        ts = f"1700001000.{i:06d}"
        sent_at[ts] = clock.t
        started = time.perf_counter()
        send(rig, message(f"{PROMPT}, take {i}", ts), f"EvB{i}")
        acks.append(time.perf_counter() - started)
        deadline = time.monotonic() + 10
        while queue.stats.submitted < i + 1:
            assert time.monotonic() < deadline, "the event was never queued"
            time.sleep(0.005)
        reviews.worker.wake()
        record()
        clock.t += 0.6
    for _ in range(120):  # two quiet minutes
        reviews.worker.wake()
        record()
        clock.t += 1.0

    posted = [(t, c) for t, c in timeline if c.method == "chat.postMessage"]
    replies = [(t, c) for t, c in posted if c.body.get("thread_ts")]
    notices = [(t, c) for t, c in posted if not c.body.get("thread_ts")]
    assert {c.method for _, c in timeline} == {"chat.postMessage"}
    # Never more than the channel's budget in any minute.
    times = [t for t, _ in posted]
    busiest = max(sum(1 for u in times if t <= u < t + 60) for t in times)
    assert busiest <= burst + per_minute
    # Never more than a minute behind.
    lags = [t - sent_at[c.body["thread_ts"]] for t, c in replies]
    assert max(lags) <= 60 and queue.stats.max_lag_s <= 60
    # What was skipped was said, and everything is accounted for.
    assert notices
    skipped = 0
    for _, c in notices:
        text = text_of(c)
        assert "Busy channel" in text and "/critique" in text
        skipped += int(text.split("did not review ")[1].split(" ")[0])
    assert len(replies) + skipped == 100
    assert len({c.body["thread_ts"] for _, c in replies}) == len(replies)  # one reply each
    assert replies[-1][1].body["thread_ts"] == "1700001000.000099"  # the newest is kept
    assert queue.pending() == 0
    assert max(acks) < 3  # Slack hears back at once, whatever the queue holds
    per_min = [sum(1 for t in times if 1000 + 60 * m <= t < 1060 + 60 * m) for m in range(3)]
    with capsys.disabled():
        print(f"\nburst: 100 prompts in 60 s -> {len(replies)} reviews, {len(notices)} busy "
              f"notice(s) ({skipped} skipped); posts per minute {per_min}, busiest 60 s "
              f"{busiest} (budget {burst}+{per_minute}); max lag {max(lags):.1f} s; "
              f"max ack {max(acks) * 1000:.0f} ms")
    # The app still answers.
    assert "Framecraft settings" in slash(rig, "settings", "after")


def test_replicas_share_one_channel_budget(start):
    a = start()
    b = start()  # a second replica on the same database
    for rig in (a, b):
        rig.app.framecraft_reviews.shared_per_minute = 3
    watch(a)
    for i in range(4):
        send(a, message(f"{PROMPT}, take {i}", f"1700002000.{i:06d}"), f"EvA{i}")
        send(b, message(f"{PROMPT}, take {i}", f"1700002001.{i:06d}"), f"EvB{i}")
    a.mock.wait("chat.postMessage", 3)
    time.sleep(1.5)
    # Each replica alone would post 4 at once (its burst); together they stay at 3.
    assert len(posts(a)) == 3
    assert a.app.framecraft_reviews.queue.pending() + b.app.framecraft_reviews.queue.pending() \
        == 5


def test_settings_survive_a_new_app_on_the_same_database(start):
    first = start()
    watch(first)
    first.mock.admins.add(ADMIN)
    slash(first, "ethics-notes off", "off", user=ADMIN, channel="C0042")
    first.app.framecraft_reviews.stop()
    second = start()
    assert second.engine is not first.engine
    send(second, message(PROMPT, "1700003000.000100"), "EvP1")
    assert second.mock.wait("chat.postMessage")[0].body["thread_ts"] == "1700003000.000100"
    send(second, message(STOP, "1700003000.000200", channel="C0042"), "EvP2")
    settle(second, quiet=0.5)
    assert len(posts(second)) == 1
    assert "review channel: on" in slash(second, "settings", "s2")


def test_slack_429_on_a_review_is_retried_after_retry_after(rig):
    watch(rig)
    rig.mock.fail["chat.postMessage"] = [
        (429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"})]
    send(rig, message(PROMPT, "1700004000.000100"), "EvL1")
    calls = rig.mock.wait("chat.postMessage", 2)
    settle(rig)
    assert len(posts(rig)) == 2 and calls[1].at - calls[0].at >= 0.9
    assert rig.engine.store.get_post("slack", f"{TEAM}:C0001", "1700004000.000100") is not None


def test_bad_messages_in_a_review_channel_crash_nothing(rig):
    watch(rig)
    bad = ["A fox runs through snow at dawn, slow dolly in, golden light. " * 900,
           "\x00\x01 binary \x02 A fox runs through snow at dawn, slow dolly in, backlight",
           "", "&lt;!channel&gt; " + PROMPT]
    for i, text in enumerate(bad):
        send(rig, message(text, f"1700005000.00010{i}"), f"EvX{i}")
    settle(rig, quiet=0.5)
    for call in posts(rig):  # whatever was reviewed, nothing pings the channel
        assert "<!channel>" not in text_of(call)
    # Still serving.
    before = len(posts(rig))
    send(rig, message(PROMPT, "1700005001.000100"), "EvX9")
    assert rig.mock.wait("chat.postMessage", before + 1)[-1].body["thread_ts"] == \
        "1700005001.000100"


def test_reviews_still_waiting_when_a_channel_is_unwatched_are_not_posted(start):
    clock = Clock()
    queue = ReviewQueue(per_channel_per_minute=12, channel_burst=1, clock=clock)
    rig = start(review_queue=queue)
    watch(rig)
    send(rig, message(PROMPT, "1700006000.000001"), "EvU1")
    rig.mock.wait("chat.postMessage")
    send(rig, message(PROMPT, "1700006000.000002"), "EvU2")  # waits for the next token
    settle(rig)
    assert queue.pending() == 1
    assert "no longer a review channel" in slash(rig, "unwatch", "u1", user=ADMIN)
    clock.t += 10
    rig.app.framecraft_reviews.worker.wake()
    settle(rig)
    assert queue.pending() == 0 and len(posts(rig)) == 1
