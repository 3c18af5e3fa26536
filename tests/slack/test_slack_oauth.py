"""Installing into any workspace (OAuth v2, Bolt's flow on the project's database), against a
mock Slack and the app's real HTTP server: two workspaces install and use the app, one
uninstalls (its tokens gone at once, its data after the retention), the other is untouched;
tokens rotate; and forged, replayed, refused or code-less redirects store nothing."""

from __future__ import annotations

import json
import logging
import time
import uuid

import pytest
from oauth_mock import CLIENT_SECRET, Rig
from sqlalchemy import select

from bot.core.engine import Engine
from bot.core.storage import tables as t
from bot.core.tenants import RetentionJob
from bot.slack.app import SlackConfigError, build_app


@pytest.fixture
def rig(oauth_rig: Rig) -> Rig:
    return oauth_rig


PROMPT = "A red fox trots through fresh snow at dawn, slow dolly in, soft golden backlight"
DAY = 86400.0


def test_two_workspaces_install_use_and_one_uninstalls(rig: Rig, caplog) -> None:
    caplog.set_level(logging.INFO)  # libraries at INFO; Framecraft's own tree, Bolt's included,
    caplog.set_level(logging.DEBUG, logger="bot")  # at its most verbose (FRAMECRAFT_LOG_LEVEL)
    for team in ("TA", "TB"):
        page = rig.browser.install(rig.slack, team)
        assert page.status_code == 200 and "Framecraft is installed" in page.text
        assert f"Studio {team}" in page.text
    assert rig.count(t.slack_bots) == 2 and rig.count(t.slack_installations) == 2
    assert rig.count(t.slack_oauth_states) == 0  # each state was used up
    # auth.test ran with each new token (Bolt's install), and nothing asked with the secret
    assert {"xoxb-TA-1", "xoxb-TB-2"} <= set(rig.slack.tokens_used("auth.test"))

    # Both workspaces use the app; each is answered with its own token.
    rig.mention("TA", f"critique {PROMPT}", "1700000100.000100")
    rig.mention("TB", f"critique {PROMPT}", "1700000200.000100")
    posts = rig.slack.wait("chat.postMessage", 2)
    by_channel = {c.body["channel"]: c.headers.get("Authorization") for c in posts}
    assert by_channel == {"CTA": "Bearer xoxb-TA-1", "CTB": "Bearer xoxb-TB-2"}
    saved = rig.slash("TA", "UA1", "/prompt", f"save hero {PROMPT}", "pa")
    assert "hero" in json.dumps(saved)
    rig.slash("TB", "UB1", "/prompt", f"save hero {PROMPT} --note theirs", "pb")
    rig.slash("TA", "UA1", "/framecraft", "settings model kling", "sa")
    store = rig.engine.store
    assert store.get_setting("slack", "TA:CTA", "model") == "kling"
    assert [p.name for p in store.list_names("TA")] == ["hero"]
    assert store.recent_reviews("slack", "TA") and store.recent_reviews("slack", "TB")

    # TA uninstalls: its installation and tokens go at once; its data stays for the retention.
    rig.slack.revoke("TA")
    assert rig.event("TA", {"type": "app_uninstalled", "event_ts": "1700000300.1"}) \
        .status_code == 200
    deadline = time.monotonic() + 10
    while rig.count(t.slack_bots, team_id="TA") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert rig.count(t.slack_bots, team_id="TA") == 0
    assert rig.count(t.slack_installations, team_id="TA") == 0
    assert rig.count(t.slack_bots, team_id="TB") == 1
    assert rig.count(t.slack_installations, team_id="TB") == 1
    (left,) = store.left_tenants()
    assert (left.platform, left.scope, left.reason) == ("slack", "TA", "app_uninstalled")
    assert abs(left.purge_after - left.left_at - 30 * DAY) < 1
    assert [p.name for p in store.list_names("TA")] == ["hero"]  # not yet

    # A request from TA now finds no installation: nothing is posted with a stale token.
    rig.slack.clear()
    rig.mention("TA", f"critique {PROMPT}", "1700000400.000100")
    time.sleep(0.5)
    assert rig.slack.of("chat.postMessage") == []

    # Time moves: a day short of the retention nothing goes; after it, TA's data is deleted.
    job = RetentionJob(store)
    assert job.run_once(now=left.left_at + 29 * DAY) == []
    assert store.get_setting("slack", "TA:CTA", "model") == "kling"
    purged = job.run_once(now=left.left_at + 30 * DAY + 60)
    assert purged is not None and [x.scope for x, _ in purged] == ["TA"]
    assert store.list_names("TA") == [] and store.recent_reviews("slack", "TA") == []
    assert store.get_setting("slack", "TA:CTA", "model") is None
    assert store.left_tenants() == []
    # TB untouched: its installation, prompt, note and reviews.
    assert rig.count(t.slack_bots, team_id="TB") == 1
    assert store.get("TB", "hero").note == "theirs"
    assert store.recent_reviews("slack", "TB")
    # Secrets never reached the logs.
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert CLIENT_SECRET not in logged and "xoxb-TB-2" not in logged


def test_reinstalling_within_the_retention_keeps_the_data(rig: Rig) -> None:
    rig.browser.install(rig.slack, "TA")
    rig.slash("TA", "UA1", "/prompt", f"save hero {PROMPT}", "p1")
    rig.slack.revoke("TA")
    rig.event("TA", {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOTTA"]}})
    deadline = time.monotonic() + 10
    while not rig.engine.store.left_tenants() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert rig.count(t.slack_bots, team_id="TA") == 0
    assert rig.engine.store.left_tenants()[0].reason == "tokens_revoked"
    page = rig.browser.install(rig.slack, "TA")
    assert page.status_code == 200
    assert rig.engine.store.left_tenants() == []
    assert RetentionJob(rig.engine.store).run_once(now=time.time() + 365 * DAY) == []
    assert [p.name for p in rig.engine.store.list_names("TA")] == ["hero"]


def test_tokens_rotate_before_they_expire(rig: Rig) -> None:
    rig.slack.expires_in = 3600  # inside the 120 minutes ahead: due at the next request
    rig.browser.install(rig.slack, "TA")
    with rig.engine.store.engine.connect() as conn:
        first = conn.execute(select(t.slack_bots.c.bot_token, t.slack_bots.c.bot_refresh_token)
                             ).one()
    assert first.bot_token == "xoxb-TA-1" and first.bot_refresh_token == "xoxe-1-TA-1"
    rig.mention("TA", f"critique {PROMPT}", "1700000500.000100")
    (reply,) = rig.slack.wait("chat.postMessage")
    assert reply.headers.get("Authorization") == "Bearer xoxb-TA-2"
    refreshed = [c for c in rig.slack.of("oauth.v2.access")
                 if c.body.get("grant_type") == "refresh_token"]
    assert [c.body["refresh_token"] for c in refreshed] == ["xoxe-1-TA-1"]
    with rig.engine.store.engine.connect() as conn:
        tokens = set(conn.execute(select(t.slack_bots.c.bot_token)).scalars())
    assert "xoxb-TA-2" in tokens
    # Background work (the review channels' queue, digests) gets the workspace's token too.
    client = rig.app.framecraft_reviews.client_for("TA")
    assert client.token in {"xoxb-TA-2", "xoxb-TA-3"}
    with pytest.raises(LookupError):
        rig.app.framecraft_reviews.client_for("TNOPE")


# ---- the hostile pass ---------------------------------------------------------------------------
def _nothing_stored(rig: Rig) -> None:
    assert rig.count(t.slack_installations) == 0 and rig.count(t.slack_bots) == 0


def test_a_forged_state_is_refused(rig: Rig) -> None:
    forged = str(uuid.uuid4())
    rig.slack.codes["code-X"] = "TX"
    page = rig.browser.back({"code": "code-X", "state": forged}, cookie=forged)
    assert page.status_code == 401
    assert "Framecraft was not installed" in page.text and "not valid" in page.text
    no_cookie = rig.browser.back({"code": "code-X", "state": forged}, cookie=None)
    assert no_cookie.status_code == 400 and "not started in this browser" in no_cookie.text
    _nothing_stored(rig)
    assert "code-X" in rig.slack.codes and rig.slack.of("oauth.v2.access") == []


def test_a_replayed_state_is_refused(rig: Rig) -> None:
    state, cookie = rig.browser.start()
    rig.slack.codes["code-1"] = "TA"
    assert rig.browser.back({"code": "code-1", "state": state}, cookie).status_code == 200
    rig.slack.codes["code-2"] = "TEVIL"
    again = rig.browser.back({"code": "code-2", "state": state}, cookie)
    assert again.status_code == 401 and "used already" in again.text
    assert rig.count(t.slack_bots) == 1 and rig.count(t.slack_bots, team_id="TEVIL") == 0
    assert "code-2" in rig.slack.codes  # never exchanged


def test_a_redirect_with_an_error_is_refused(rig: Rig) -> None:
    state, cookie = rig.browser.start()
    page = rig.browser.back({"error": "access_denied", "state": state}, cookie)
    assert page.status_code == 200 and "cancelled" in page.text
    assert "Add to Slack page" in page.text
    _nothing_stored(rig)


def test_a_redirect_without_a_code_is_refused(rig: Rig) -> None:
    state, cookie = rig.browser.start()
    page = rig.browser.back({"state": state}, cookie)
    assert page.status_code == 401 and "did not send an authorisation code" in page.text
    _nothing_stored(rig)
    assert rig.slack.of("oauth.v2.access") == []


def test_a_code_slack_refuses_is_refused(rig: Rig) -> None:
    state, cookie = rig.browser.start()
    page = rig.browser.back({"code": "made-up", "state": state}, cookie)
    assert page.status_code == 401 and "did not accept" in page.text
    _nothing_stored(rig)
    assert CLIENT_SECRET not in page.text


def test_single_token_mode_serves_no_install_pages(rig_factory) -> None:
    single = rig_factory()
    base = single.url.removesuffix("/slack/events")
    assert single.http.get(f"{base}/slack/install").status_code == 404
    assert single.http.get(f"{base}/slack/oauth_redirect?code=x").status_code == 404


def test_oauth_needs_the_client_secret(kb, oauth_settings) -> None:
    settings = oauth_settings.model_copy(update={"slack_client_secret": None})
    with pytest.raises(SlackConfigError, match="SLACK_CLIENT_SECRET"):
        build_app(Engine(settings=settings, kb=kb), settings)
    assert CLIENT_SECRET not in repr(oauth_settings)


def test_the_scopes_asked_for_are_the_manifests_and_the_readmes() -> None:
    from pathlib import Path

    import yaml

    from bot.slack.oauth import scopes_of
    from bot.slack.scopes import BOT_SCOPES

    repo = Path(__file__).resolve().parents[2]
    manifest = yaml.safe_load((repo / "slack-app-manifest.yaml").read_text(encoding="utf-8"))
    assert manifest["oauth_config"]["scopes"]["bot"] == list(BOT_SCOPES)
    readme = (repo / "README.md").read_text(encoding="utf-8")
    for scope, why in BOT_SCOPES.items():
        assert f"| `{scope}` | {why} |" in readme, scope
    from bot.config import Settings

    assert scopes_of(Settings(_env_file=None)) == list(BOT_SCOPES)
    narrowed = Settings(_env_file=None, slack_scopes="commands, chat:write")
    assert scopes_of(narrowed) == ["commands", "chat:write"]


def test_doctor_checks_the_oauth_settings(kb, oauth_settings) -> None:
    from bot.cli.doctor import check_slack

    (ok,) = check_slack(Engine(settings=oauth_settings, kb=kb))
    assert ok.status == "ok" and "OAuth install mode" in ok.detail
    assert CLIENT_SECRET not in ok.detail
    settings = oauth_settings.model_copy(update={"slack_client_secret": None})
    (bad,) = check_slack(Engine(settings=settings, kb=kb))
    assert bad.status == "fail" and "SLACK_CLIENT_SECRET is missing" in bad.detail


def test_a_digest_for_an_uninstalled_workspace_is_skipped(rig: Rig) -> None:
    from bot.slack.insights import digest_poster

    post = digest_poster(rig.app.framecraft_reviews.client_for)
    assert post(type("D", (), {"scope": "TGONE"})()) is None  # no installation: nothing posted
    assert rig.slack.of("files.getUploadURLExternal") == []


def test_single_token_mode_never_purges_the_workspace_it_serves(rig_factory) -> None:
    from slack_mock import TEAM

    single = rig_factory()
    store = single.engine.store
    store.save(TEAM, "hero", "A fox in the snow at dawn", "U1")
    store.save("TOTHER", "gone", "A fox in the snow at dawn", "U1")
    store.mark_left("slack", TEAM, "app_uninstalled", 30, now=1000.0)  # reinstalled since,
    store.mark_left("slack", "TOTHER", "app_uninstalled", 30, now=1000.0)  # with a new token
    done = single.app.framecraft_retention.run_once(now=1000.0 + 31 * 86400)
    assert [x.scope for x, _ in done] == ["TOTHER"]
    assert [p.name for p in store.list_names(TEAM)] == ["hero"]
