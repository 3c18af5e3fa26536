"""Issue 14 on the Slack front, over real HTTP (signed requests to the running Bolt app):
an unreachable database, replays, junk that used to give HTTP 500, response_url retries,
`/prompt` rate limits and invisible characters in echoed text."""

from __future__ import annotations

import json
import logging
import socket
import time

import httpx
import pytest
from slack_mock import SECRET, TEAM, interactive_body, post, signed_headers, slash_body, view_submission

from bot.config import Settings
from bot.core.availability import DATABASE_DOWN, DEGRADED_NOTICE
from bot.core.engine import Engine
from bot.slack import blocks as bk
from bot.slack.app import build_app
from bot.slack.server import running_http_server

PROMPT = "A red fox trots through fresh snow at dawn, slow dolly in, soft golden backlight"


def text_of(call) -> str:
    return call.body.get("text", "") + "\n" + json.dumps(call.body.get("blocks", []),
                                                         ensure_ascii=False)


def closed_port() -> int:
    """A loopback port nothing listens on: connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def down_rig(kb, mock_slack, slack_data_dir):
    """The app on a Postgres URL whose server is down."""
    settings = Settings(data_dir=slack_data_dir,
                        database_url=f"postgresql+psycopg://fc@127.0.0.1:{closed_port()}/fc",
                        slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                        slack_api_url=mock_slack.api_url, _env_file=None)
    engine = Engine(settings=settings, kb=kb)
    app = build_app(engine, settings)
    with running_http_server(app, SECRET) as url, httpx.Client(timeout=10) as http:
        yield url, http, mock_slack


def slash(url, http, mock, command: str, text: str, name: str):
    r = post(http, url, slash_body(command, text, response_url=mock.response_url(name)))
    assert r.status_code == 200
    return mock.wait(f"respond:{name}")[0]


# ---- item 1: the database is down ----------------------------------------------------------------
@pytest.mark.parametrize("command, text, expect", [
    ("/critique", PROMPT, "/100"),
    ("/translate", f"{PROMPT} --to kling", "Kling"),
    ("/compare", PROMPT, "Framecraft compare"),
    ("/ethics", PROMPT, "thics"),
])
def test_offline_commands_answer_with_defaults_and_a_notice_when_the_database_is_down(
        down_rig, command, text, expect):
    url, http, mock = down_rig
    reply = slash(url, http, mock, command, text, "r1")
    assert reply.body["response_type"] == "ephemeral"  # the default visibility
    assert expect in text_of(reply)
    assert bk.escape(DEGRADED_NOTICE) in text_of(reply)


def test_database_commands_say_the_database_is_down(down_rig):
    url, http, mock = down_rig
    reply = slash(url, http, mock, "/prompt", "list", "p1")
    assert bk.escape(DATABASE_DOWN) in text_of(reply)
    assert "Something went wrong" not in text_of(reply)
    settings = slash(url, http, mock, "/framecraft", "settings visibility public", "s1")
    assert bk.escape(DATABASE_DOWN) in text_of(settings)


# ---- item 5: replays -----------------------------------------------------------------------------
def test_a_replayed_slash_command_runs_once(rig):
    body = slash_body("/critique", PROMPT, response_url=rig.mock.response_url("once"))
    headers = signed_headers(body)
    first = rig.http.post(rig.url, content=body.encode(), headers=headers)
    replay = rig.http.post(rig.url, content=body.encode(), headers=headers)
    assert first.status_code == 200 and replay.status_code == 200
    rig.mock.wait("respond:once")
    time.sleep(1.0)
    assert len(rig.mock.of("respond:once")) == 1
    # the claim is in the database, so another replica would refuse it too
    signature = headers["X-Slack-Signature"]
    assert not rig.engine.store.claim_once(f"slack:sig:{signature}")


# ---- item 6: junk gets 4xx and one log line -------------------------------------------------------
@pytest.mark.parametrize("timestamp", ["abc", "", "1.5", "-5", "1e9"])
def test_odd_timestamps_get_401_not_500(rig, caplog, timestamp):
    body = slash_body("/critique", PROMPT, response_url=rig.mock.response_url())
    with caplog.at_level(logging.WARNING):
        r = rig.http.post(rig.url, content=body.encode(), headers={
            "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": "v0=00",
            "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 401
    lines = [r for r in caplog.records if r.name.startswith("bot.")]
    assert len(lines) == 1 and "rejected a Slack request" in lines[0].getMessage()


def test_view_submission_without_a_view_type_gets_400(rig, caplog):
    payload = view_submission({}, "{}")
    del payload["view"]["type"]
    with caplog.at_level(logging.WARNING):
        r = post(rig.http, rig.url, interactive_body(payload))
    assert r.status_code == 400
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and "view_submission without view.type" in lines[0].getMessage()


# ---- also: response_url retries -------------------------------------------------------------------
def test_response_url_posts_are_retried_on_429_and_500(rig):
    rig.mock.fail["respond:rt"] = [(429, {"Retry-After": "1"}, {}), (500, {}, {})]
    r = post(rig.http, rig.url, slash_body("/critique", PROMPT,
                                           response_url=rig.mock.response_url("rt")))
    assert r.status_code == 200
    calls = rig.mock.wait("respond:rt", count=3, timeout=20)
    assert calls[1].at - calls[0].at >= 0.9
    assert calls[0].body == calls[2].body  # the same reply, delivered on the third try
    time.sleep(0.5)
    assert len(rig.mock.of("respond:rt")) == 3


# ---- item 7: /prompt is rate-limited ----------------------------------------------------------------
def test_prompt_is_rate_limited_like_the_other_commands(rig_factory):
    rig = rig_factory(rate_limits={"prompt": (2, 60.0)})
    for i in range(2):
        post(rig.http, rig.url, slash_body("/prompt", "list",
                                           response_url=rig.mock.response_url(f"l{i}")))
        rig.mock.wait(f"respond:l{i}")
    post(rig.http, rig.url, slash_body("/prompt", f"save hero {PROMPT}",
                                       response_url=rig.mock.response_url("l2")))
    third = rig.mock.wait("respond:l2")[0]
    assert "times in the last 60 seconds" in text_of(third)
    assert rig.engine.store.list_names(TEAM) == []


# ---- item 9: invisible characters are shown, the stored text stays exact --------------------------
def test_prompt_show_and_critique_reveal_bidi_and_zero_width_characters(rig):
    spoof = "A fox \u202eylno woleb\u202c runs\u200b through snow"
    post(rig.http, rig.url, slash_body("/prompt", f"save hero {spoof}",
                                       response_url=rig.mock.response_url("sv")))
    saved = rig.mock.wait("respond:sv")[0]
    assert rig.engine.store.get(TEAM, "hero").prompt == spoof  # stored exactly
    post(rig.http, rig.url, slash_body("/prompt", "show hero",
                                       response_url=rig.mock.response_url("sh")))
    shown = rig.mock.wait("respond:sh")[0]
    post(rig.http, rig.url, slash_body("/critique", spoof,
                                       response_url=rig.mock.response_url("cr")))
    critique = rig.mock.wait("respond:cr")[0]
    for reply in (saved, shown, critique):
        text = text_of(reply)
        assert "\u202e" not in text and "\u202c" not in text
        assert "\u27e8U+202E\u27e9" in text
    assert "\u27e8U+200B\u27e9" in text_of(shown)
