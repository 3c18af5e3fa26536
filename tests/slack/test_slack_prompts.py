"""`/prompt` in Slack over real HTTP: signed slash commands and events to the running Bolt app,
replies recorded by the mock Web API on loopback."""

from __future__ import annotations

import json

from slack_mock import BOT_USER, TEAM, event_body, post, slash_body

from bot.slack import blocks as bk

STATIC = "A static shot of a red fox trotting through a snowy pine forest"
DOLLY = ("A slow dolly-in on a red fox trotting through a snowy pine forest, "
         "golden hour backlight")


def prompt(rig, text: str, name: str, **kw) -> dict:
    """`/prompt text`; returns the first reply's body (on the response_url `name`)."""
    r = post(rig.http, rig.url, slash_body("/prompt", text,
                                           response_url=rig.mock.response_url(name), **kw))
    assert r.status_code == 200 and r.text == ""  # acked at once; the answer follows
    return rig.mock.wait(f"respond:{name}")[0].body


def text_of(body: dict) -> str:
    return body.get("text", "") + "\n" + json.dumps(body.get("blocks", []), ensure_ascii=False)


def check_limits(body: dict) -> None:
    blocks = body["blocks"]
    assert len(blocks) <= bk.MAX_BLOCKS
    assert len(json.dumps(blocks, ensure_ascii=False)) <= bk.MAX_MESSAGE_CHARS
    for b in blocks:
        assert len((b.get("text") or {}).get("text", "")) <= bk.SECTION_LIMIT


def test_save_twice_then_history_and_diff(rig):
    saved = prompt(rig, f"save hero {STATIC} --note first take", "s1")
    assert saved["response_type"] == "ephemeral"  # the channel's default visibility
    assert "Saved" in text_of(saved) and "*hero* v1" in text_of(saved)
    prompt(rig, f"save hero {DOLLY} --model kling", "s2", user="U0002")
    v2 = rig.engine.store.get(TEAM, "hero")
    assert (v2.version, v2.author, v2.model) == (2, "U0002", "kling")
    assert v2.score == rig.engine.critique(DOLLY, "kling", with_retrieval=False).score

    rig.mock.names.update({"U0001": "Ana Lima", "U0002": "Ben"})
    history = prompt(rig, "history hero", "h1")
    text = text_of(history)
    assert history["blocks"][0]["type"] == "header" and "History of hero" in text
    # Authors by display name, never as mentions (issue 14 item 7: a public history pinged
    # every author); rewritten from the old "authors as mentions".
    assert "@Ana Lima" in text and "@Ben" in text and "<@" not in text
    assert "*v2*" in text and "*v1*" in text and text.index("*v2*") < text.index("*v1*")
    assert f"{v2.score}/100" in text and "first take" in text and "`kling`" in text

    diff = prompt(rig, "diff hero 1 2", "d1")
    text = text_of(diff)
    assert "v1 → v2" in text
    # word level: removals struck through, additions in bold, unchanged words plain
    assert "A ~static shot of~ *slow dolly-in on* a red fox" in text
    assert "~forest~ *forest, golden hour backlight*" in text
    assert "`camera` changed from _static shot_ to _slow dolly-in_" in text
    assert "`lighting` added: _golden hour, backlight_" in text
    assert "camera changed from static" in diff["text"]  # the notification's summary
    check_limits(diff)


def test_keep_restore_list_and_show(rig):
    prompt(rig, f"save hero {STATIC}", "s1")
    prompt(rig, f"save hero {DOLLY}", "s2")
    kept = prompt(rig, "keep hero 2 https://cdn.example/take-2.mp4 the one", "k1")
    assert ":star:" in text_of(kept) and "take-2.mp4 the one" in text_of(kept)
    assert rig.engine.store.get(TEAM, "hero", 2).keeper

    restored = prompt(rig, "restore hero 1", "r1", user="U0003")
    assert "Restored v1 as" in text_of(restored) and "*hero* v3" in text_of(restored)
    v3 = rig.engine.store.get(TEAM, "hero")
    assert (v3.version, v3.prompt, v3.author) == (3, STATIC, "U0003")

    listed = prompt(rig, "list", "l1")
    text = text_of(listed)
    assert "*hero*" in text and "v3" in text and ":star: v2" in text

    shown = prompt(rig, "show hero 2", "w1")
    assert DOLLY in text_of(shown) and "```" in text_of(shown)


def test_delete_needs_confirmation(rig):
    prompt(rig, f"save hero {STATIC}", "s1")
    asked = prompt(rig, "delete hero", "x1")
    assert asked["response_type"] == "ephemeral"
    assert "removes all 1 version" in text_of(asked) and "/prompt delete hero yes" in text_of(asked)
    assert rig.engine.store.list_names(TEAM)  # nothing went
    done = prompt(rig, "delete hero yes", "x2")
    assert "Deleted hero (1 version)" in text_of(done)
    assert rig.engine.store.list_names(TEAM) == []


def test_bad_input_is_private_clear_and_gives_the_text_back(rig):
    rig.engine.store.set_setting("slack", TEAM, "visibility", "public")
    typo = prompt(rig, "histroy hero", "b1")
    assert typo["response_type"] == "ephemeral"  # errors stay private in a public channel
    assert "Did you mean `history`" in text_of(typo) and "/prompt histroy hero" in text_of(typo)

    long_prompt = f"{STATIC}, with falling snow and a low sun behind the trees"
    model = prompt(rig, f"save hero {long_prompt} --model klingg", "b2")
    text = text_of(model)
    assert model["response_type"] == "ephemeral"
    assert "Unknown model" in text and "Did you mean" in text and "kling" in text
    assert long_prompt in text  # nothing the user typed is lost
    for name, line, says in (("b3", "restore hero", "Which version?"),
                             ("b4", "show hero two", "not a version number"),
                             ("b5", "keep hero 1 " + "x" * 501, "the limit is 500"),
                             ("b6", "save a/b A fox runs", "letters, digits"),
                             ("b7", "history nobody", "No prompt named 'nobody'")):
        body = prompt(rig, line, name)
        assert body["response_type"] == "ephemeral" and says in text_of(body), name
    assert rig.engine.store.list_names(TEAM) == []  # no failed save wrote anything

    ok = prompt(rig, f"save hero {STATIC}", "p1")
    assert ok["response_type"] == "in_channel"  # successes follow the visibility setting


def test_two_workspaces_do_not_see_each_others_prompts(rig):
    prompt(rig, f"save hero {STATIC}", "s1")
    other = prompt(rig, "list", "o1", team="T0OTHER")
    assert "No prompts saved yet" in text_of(other)
    missing = prompt(rig, "history hero", "o2", team="T0OTHER")
    assert "No prompt named 'hero'" in text_of(missing) and "Nothing is saved yet" in text_of(
        missing)
    assert [p.name for p in rig.engine.store.list_names(TEAM)] == ["hero"]


def mention(text: str, ts: str) -> dict:
    return {"type": "app_mention", "user": "U0001", "text": text, "ts": ts,
            "channel": "C0001", "event_ts": ts}


def test_mentions_and_dms_understand_prompt_commands(rig):
    ev = mention(f"<@{BOT_USER}> prompt save hero {STATIC} --ar 16:9 --note \"first\"",
                 "1700000700.000100")
    post(rig.http, rig.url, event_body(ev, "EvP1"), content_type="application/json")
    (saved,) = rig.mock.wait("chat.postMessage")
    assert saved.body["thread_ts"] == "1700000700.000100" and "Saved" in text_of(saved.body)
    v = rig.engine.store.get(TEAM, "hero")
    assert v.prompt == f"{STATIC} --ar 16:9" and v.note == "first" and v.author == "U0001"

    ev = mention(f"<@{BOT_USER}> prompt history hero", "1700000700.000200")
    post(rig.http, rig.url, event_body(ev, "EvP2"), content_type="application/json")
    history = rig.mock.wait("chat.postMessage", count=2)[1]
    assert "History of hero" in text_of(history.body) and "@U0001" in text_of(history.body)
    assert "<@U0001>" not in text_of(history.body)  # no name known: the id, without a ping

    dm = {"type": "message", "channel_type": "im", "channel": "D0001", "user": "U0001",
          "text": "prompt diff hero 1 9", "ts": "1700000700.000300"}
    post(rig.http, rig.url, event_body(dm, "EvP3"), content_type="application/json")
    (err,) = rig.mock.wait("chat.postEphemeral")
    assert err.body["user"] == "U0001" and err.body["channel"] == "D0001"
    assert "there is no version 9" in text_of(err.body)
    assert len(rig.mock.of("chat.postMessage")) == 2  # the error was not posted publicly


def test_a_long_history_is_split_under_slacks_limits(rig):
    store = rig.engine.store
    for i in range(40):
        store.save(TEAM, "epic", f"{STATIC} take {i} " + "with drifting snow " * 200, "U0001",
                   note=f"take {i}: " + "n" * 480, score=50 + i % 40)
    r = post(rig.http, rig.url, slash_body("/prompt", "history epic",
                                           response_url=rig.mock.response_url("h")))
    assert r.status_code == 200
    calls = rig.mock.wait("respond:h", count=2)
    for call in rig.mock.of("respond:h"):
        check_limits(call.body)
    assert "*v40*" in text_of(calls[0].body)  # newest first

    diff = prompt(rig, "diff epic 1 40", "d")
    check_limits(diff)
