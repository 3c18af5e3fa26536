"""Team insights on Slack through Slack's own request formats: signed slash commands and
events posted to the running Bolt app, files uploaded through files upload v2 to the mock
(files.getUploadURLExternal, the upload URL, files.completeUploadExternal)."""

from __future__ import annotations

import io
import json
import os
import threading
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from PIL import Image
from slack_mock import SECRET, TEAM, event_body, post, slash_body

from bot.config import Settings
from bot.core.insights.digest import latest_slot
from bot.slack.server import running_http_server

ADMIN = "UADMIN01"
MEMBER = "U0002"
GOOD = ("Wide shot: a red fox trots through fresh snow at dawn, slow dolly in, soft golden "
        "backlight, 35mm film grain, calm pacing")
WEAK = "a fox"


def seed(engine, user: str, prompt: str, score: int, *, channel: str = "C0001",
         days_ago: float = 1) -> None:
    """A review as the bot records it after a critique, `days_ago` days back."""
    rid = engine.store.record_review("slack", TEAM, channel, user, prompt, score, None)
    when = (datetime.now(UTC) - timedelta(days=days_ago)).timestamp()
    with engine.store.engine.begin() as conn:
        from sqlalchemy import text
        conn.execute(text("UPDATE fc_reviews SET created_at = :t WHERE id = :i"),
                     {"t": when, "i": rid})


def slash(rig, text: str, name: str, user: str = "U0001", channel: str = "C0001") -> str:
    r = post(rig.http, rig.url, slash_body("/framecraft", text,
                                           response_url=rig.mock.response_url(name),
                                           user=user, channel=channel))
    assert r.status_code == 200
    (call,) = rig.mock.wait(f"respond:{name}")
    return call.body.get("text", "") + json.dumps(call.body.get("blocks", []))


def uploads_to(mock, channel: str) -> list:
    return [c for c in mock.of("files.completeUploadExternal")
            if c.body.get("channel_id") == channel]


def png_of(mock, call) -> Image.Image:
    (f,) = json.loads(call.body["files"])
    return Image.open(io.BytesIO(mock.uploads[f["id"]]))


@pytest.fixture
def rig(rig_factory):
    made = rig_factory()
    yield made
    made.app.framecraft_reviews.stop()


def test_insights_posts_a_png_chart_with_a_summary_in_the_channel(rig):
    seed(rig.engine, "U0001", GOOD, 80)
    seed(rig.engine, "U0001", WEAK, 20, days_ago=9)
    seed(rig.engine, MEMBER, WEAK, 30)
    reply = slash(rig, "insights --since 30d", "ins")
    assert "Posted" in reply
    (done,) = rig.mock.wait("files.completeUploadExternal")
    assert done.body["channel_id"] == "C0001"
    comment = done.body["initial_comment"]
    assert "3 reviews" in comment
    assert GOOD not in comment and "fox" not in comment  # counts and scores, never prompts
    image = png_of(rig.mock, done)
    assert image.format == "PNG" and image.size == (800, 860)
    assert sum(1 for n in image.convert("L").histogram() if n) > 10  # drawn, not blank


def test_insights_where_the_bot_is_not_a_member_gives_the_summary_to_the_asker(rig):
    seed(rig.engine, "U0001", GOOD, 80)
    rig.mock.not_in.add("C0001")
    reply = slash(rig, "insights", "ins")
    assert "1 review" in reply and "/invite @Framecraft" in reply


def test_exclude_me_takes_a_user_out_of_the_numbers_and_include_me_back(rig):
    seed(rig.engine, "U0001", GOOD, 80)
    seed(rig.engine, MEMBER, WEAK, 10)
    seed(rig.engine, MEMBER, WEAK, 12)
    slash(rig, "insights", "before")
    before = rig.mock.wait("files.completeUploadExternal")[-1].body["initial_comment"]
    assert "3 reviews" in before
    assert "Done" in slash(rig, "privacy exclude-me", "out", user=MEMBER)
    slash(rig, "insights", "after")
    after = rig.mock.wait("files.completeUploadExternal", 2)[-1].body["initial_comment"]
    assert "1 review" in after and "3 reviews" not in after
    assert "Average score 80/100" in after
    slash(rig, "privacy include-me", "in", user=MEMBER)
    slash(rig, "insights", "again")
    again = rig.mock.wait("files.completeUploadExternal", 3)[-1].body["initial_comment"]
    assert "3 reviews" in again


def test_privacy_needs_a_choice(rig):
    assert "Usage" in slash(rig, "privacy", "bad")


def test_a_member_cannot_subscribe_a_channel_and_an_admin_can(rig):
    reply = slash(rig, "digest weekly", "member", user=MEMBER)
    assert "only a workspace admin" in reply
    assert rig.engine.store.insights.subscriptions("slack") == []
    rig.mock.admins.add(ADMIN)
    reply = slash(rig, "digest weekly friday 16", "admin", user=ADMIN)
    assert "Friday at 16:00 (America/New_York)" in reply
    (sub,) = rig.engine.store.insights.subscriptions("slack")
    assert (sub.scope, sub.channel, sub.weekday, sub.hour, sub.tz) == (
        TEAM, "C0001", 4, 16, "America/New_York")
    assert "only a workspace admin" in slash(rig, "digest off", "member-off", user=MEMBER)
    assert len(rig.engine.store.insights.subscriptions("slack")) == 1
    assert "no more" in slash(rig, "digest off", "admin-off", user=ADMIN)
    assert rig.engine.store.insights.subscriptions("slack") == []


def test_a_bad_digest_day_is_explained(rig):
    rig.mock.admins.add(ADMIN)
    assert "not a day of the week" in slash(rig, "digest weekly someday", "bad", user=ADMIN)


def test_app_home_shows_the_latest_chart_uploaded_once_while_numbers_stand(rig):
    seed(rig.engine, "U0001", GOOD, 80)

    def open_home(event_id: str) -> dict:
        ev = {"type": "app_home_opened", "user": "U0001", "channel": "D0001", "tab": "home",
              "event_ts": "1700000000.000100"}
        post(rig.http, rig.url, event_body(ev, event_id), content_type="application/json")
        return rig.mock.wait("views.publish", len(rig.mock.of("views.publish")) + 1)[-1].body

    first = open_home("EvHome1")
    images = [b for b in first["view"]["blocks"] if b["type"] == "image"]
    (image,) = images
    file_id = image["slack_file"]["id"]
    assert file_id in rig.mock.uploads
    assert Image.open(io.BytesIO(rig.mock.uploads[file_id])).size == (800, 860)
    # a private upload: not shared to any channel
    assert all(not c.body.get("channel_id") for c in rig.mock.of("files.completeUploadExternal"))
    second = open_home("EvHome2")
    assert [b for b in second["view"]["blocks"] if b["type"] == "image"] == images
    assert len(rig.mock.of("files.getUploadURLExternal")) == 1


# ---- the weekly digest with two replicas --------------------------------------------------------
@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'race.db'}"
        return
    admin = os.environ.get("FRAMECRAFT_TEST_POSTGRES_URL")
    if not admin:
        pytest.skip("FRAMECRAFT_TEST_POSTGRES_URL is not set")
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"fc_test_{uuid.uuid4().hex[:12]}"
    plain = make_url(admin).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_weekly_digest_posts_once_with_two_replicas_racing(kb, mock_slack, slack_data_dir,
                                                               database_url):
    from bot.core.engine import Engine
    from bot.slack.app import build_app

    def make_rig(kb, settings, mock):  # as tests/slack/conftest.py (whose module name is shared)
        engine = Engine(settings=settings, kb=kb)
        return engine, build_app(engine, settings)

    settings = Settings(data_dir=slack_data_dir, database_url=database_url,
                        slack_bot_token="xoxb-123-456-framecraft-test",
                        slack_signing_secret=SECRET, slack_api_url=mock_slack.api_url,
                        _env_file=None)
    replicas = [make_rig(kb, settings, mock_slack) for _ in range(2)]
    engine_a, app_a = replicas[0]
    try:
        with running_http_server(app_a, SECRET) as url, httpx.Client(timeout=10) as http:
            mock_slack.admins.add(ADMIN)
            r = post(http, url, slash_body("/framecraft", "digest weekly monday 9",
                                           response_url=mock_slack.response_url("sub"),
                                           user=ADMIN))
            assert r.status_code == 200
            mock_slack.wait("respond:sub")
        (sub,) = engine_a.store.insights.subscriptions("slack")
        later = datetime.now(UTC) + timedelta(days=8)
        slot = latest_slot(sub, later)
        assert slot is not None
        in_week = (datetime.now(UTC) - (slot - timedelta(days=1))).total_seconds() / 86400
        seed(engine_a, "U0001", GOOD, 80, days_ago=in_week)
        seed(engine_a, MEMBER, "A cat naps in a sunbeam, static close-up, warm light", 55,
             channel="C0999", days_ago=in_week)
        gate = threading.Barrier(2)
        results = []

        def tick(app) -> None:
            app.framecraft_digests.clock = lambda: later
            gate.wait()
            results.append(app.framecraft_digests.tick())

        threads = [threading.Thread(target=tick, args=(app,)) for _, app in replicas]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        posted = [run for runs in results for run in runs if run.posted]
        assert len(posted) == 1
        (done,) = uploads_to(mock_slack, "C0001")
        comment = done.body["initial_comment"]
        assert "Weekly prompt insights" in comment and "1 review" in comment
        assert "fresh snow" in comment  # a prompt from this same channel may be quoted
        assert "cat naps" not in comment  # never one from another channel
        assert png_of(mock_slack, done).size == (800, 860)
        # later checks, by either replica, post nothing more this week
        for _, app in replicas:
            assert app.framecraft_digests.tick() == []
        assert len(uploads_to(mock_slack, "C0001")) == 1
    finally:
        for engine, app in replicas:
            app.framecraft_reviews.stop()
            engine.store.close()
