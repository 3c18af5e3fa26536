"""Two workspaces installed by OAuth never see each other's data, through every command that
reads or changes stored data; and `/framecraft forget-me` / `forget-workspace` confirm first
with counts, then delete only their own workspace's (and person's) data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from oauth_mock import Rig
from slack_mock import block_action, interactive_body, post

from bot.core.storage import tables as t
from bot.slack import blocks as bk
from bot.slack.review_channels import ACTION_FULL_REVIEW

SECRET_PROMPT = "A zebrafinch preens on a brass telescope at dusk, slow push-in, amber rim light"
MARK = "zebrafinch"
USER = "U0SAME"  # the same user id in both workspaces: ids are not global on Slack
RULES = '[rules]\nban = [{ word = "quokka", reason = "house style" }]\n'


def text(body: dict[str, Any]) -> str:
    return json.dumps(body)


def seed_a(rig: Rig) -> str:
    """Workspace TA's data, through its own commands; returns a review id of TA's."""
    rig.slack.admins.add(USER)
    rig.slash("TA", USER, "/prompt", f"save {MARK}-shot {SECRET_PROMPT} --note privatenote", "a1")
    rig.slash("TA", USER, "/prompt", f"save {MARK}-shot {SECRET_PROMPT}, handheld --force", "a2")
    rig.slash("TA", USER, "/prompt", f"keep {MARK}-shot 1 https://example.com/{MARK}", "a3")
    rig.slash("TA", USER, "/framecraft", "settings workspace model kling", "a4")
    rig.slash("TA", USER, "/framecraft", "settings visibility public", "a5")
    rig.slash("TA", USER, "/framecraft", "privacy exclude-me", "a6")
    rig.slash("TA", USER, "/framecraft", "watch", "a7")
    rig.slash("TA", USER, "/framecraft", "digest weekly friday 16", "a8")
    rig.slash("TA", USER, "/critique", SECRET_PROMPT, "a9")
    rig.engine.store.set_house_rules("slack", "TA", None, RULES, USER)
    (review,) = rig.engine.store.recent_reviews("slack", "TA", limit=1)
    rig.engine.store.record_feedback("slack", "TA", USER, review.id, True)
    return review.id


def click(rig: Rig, team: str, action: dict[str, Any], name: str) -> dict[str, Any]:
    payload = block_action(action, response_url=rig.slack.response_url(name), user=USER,
                           channel=f"C{team}", team=team)
    assert post(rig.http, rig.events, interactive_body(payload)).status_code == 200
    return rig.slack.wait(f"respond:{name}")[-1].body


@pytest.fixture
def rig(oauth_rig: Rig) -> Rig:
    oauth_rig.install("TA", "TB")
    return oauth_rig


def test_a_workspace_never_sees_another_workspaces_data(rig: Rig) -> None:
    review_a = seed_a(rig)
    store = rig.engine.store
    assert store.get_setting("slack", "TA", "model") == "kling"  # seeded for real, and TA's
    # own commands show what TB must never see (so the checks below can fail)
    shown_to_a = text(rig.slash("TA", USER, "/prompt", f"show {MARK}-shot 1", "c1")) + \
        text(rig.slash("TA", USER, "/prompt", f"show {MARK}-shot 2", "c2")) + \
        text(rig.slash("TA", USER, "/framecraft", "rules", "c3"))
    for secret in ("privatenote", f"example.com/{MARK}", "handheld", "quokka"):
        assert secret in shown_to_a, secret
    seen: list[str] = []

    def b(command: str, words: str, name: str) -> str:
        answer = text(rig.slash("TB", USER, command, words, name))
        seen.append(answer)
        return answer

    # /prompt, every subcommand
    assert MARK not in b("/prompt", "list", "b1")
    for n, words in enumerate((f"history {MARK}-shot", f"show {MARK}-shot", f"show {MARK}-shot 1",
                               f"diff {MARK}-shot 1 2", f"restore {MARK}-shot 1",
                               f"keep {MARK}-shot 1 mine", f"delete {MARK}-shot yes")):
        assert "No prompt named" in b("/prompt", words, f"b2{n}"), words
    assert [p.name for p in store.list_names("TA")] == [f"{MARK}-shot"]
    assert len(store.history("TA", f"{MARK}-shot")) == 2
    # settings: TA's model and visibility are not TB's defaults
    assert "kling" not in b("/framecraft", "settings", "b3")
    critique = rig.slash("TB", USER, "/critique", SECRET_PROMPT, "b4")
    assert critique["response_type"] == "ephemeral"  # TA's channel said public
    assert "*kling*" not in critique["blocks"][0]["text"]["text"]  # TA's workspace model
    # house rules, their history, review-channel status, digests, privacy, insights
    assert "quokka" not in b("/framecraft", "rules", "b5")
    assert "quokka" not in b("/framecraft", "rules history", "b6")
    assert "is a review channel" not in b("/framecraft", "settings", "b7")
    b("/framecraft", "privacy include-me", "b8")
    assert store.insights.optouts("TA") == {("slack", "TA", USER)}
    b("/framecraft", "insights --since all", "b9")
    # buttons under TA's review, clicked in TB, find nothing
    for n, action in enumerate((
            {"action_id": bk.ACTION_HELPFUL, "value": review_a, "type": "button"},
            {"action_id": bk.ACTION_REWRITE, "value": review_a, "type": "button"},
            {"action_id": bk.ACTION_SHARE, "value": f"review:{review_a}", "type": "button"},
            {"action_id": ACTION_FULL_REVIEW, "value": review_a, "type": "button"},
            {"action_id": bk.ACTION_TRANSLATE, "type": "static_select",
             "block_id": f"{bk.REVIEW_BLOCK_PREFIX}{review_a}",
             "selected_option": {"value": "kling"}})):
        answer = click(rig, "TB", action, f"k{n}")
        assert "no longer have that review" in text(answer), action
        assert MARK not in text(answer)
    assert store.feedback_counts("slack", "TA", review_a) == (1, 0)
    assert store.feedback_counts("slack", "TB", review_a) == (0, 0)
    # App Home: TB's recent reviews only
    rig.slack.clear()
    rig.event("TB", {"type": "app_home_opened", "user": USER, "tab": "home",
                     "channel": "DTB", "event_ts": "1700000900.1"})
    (home,) = rig.slack.wait("views.publish")
    assert home.headers.get("Authorization") == "Bearer xoxb-TB-2"
    home_ids = {r.id for r in store.recent_reviews("slack", "TB")}
    assert review_a not in home_ids and review_a not in text(home.body)
    # forget-workspace and forget-me in TB leave TA whole
    assert "To confirm" in b("/framecraft", "forget-workspace", "b10")
    assert "Done" in b("/framecraft", "forget-workspace yes", "b11")
    assert "no saved prompts" in b("/framecraft", "forget-me", "b12")
    b("/framecraft", "forget-me yes", "b13")
    everything_b_saw = "\n".join(seen)  # words only TA ever wrote:
    for secret in ("privatenote", f"example.com/{MARK}", "handheld", "quokka", review_a):
        assert secret not in everything_b_saw, secret
    assert len(store.history("TA", f"{MARK}-shot")) == 2
    assert store.get_setting("slack", "TA", "model") == "kling"
    assert store.get_house_rules("slack", "TA") is not None
    assert store.get_review(review_a) is not None
    assert store.insights.subscriptions("slack")[0].scope == "TA"


def test_forget_me_confirms_with_counts_and_keeps_others_versions(rig: Rig) -> None:
    rig.slash("TA", USER, "/prompt", f"save solo {SECRET_PROMPT}", "p1")
    rig.slash("TA", USER, "/prompt", f"save shared {SECRET_PROMPT}", "p2")
    rig.slash("TA", "U0OTHER", "/prompt", f"save shared {SECRET_PROMPT}, handheld", "p3")
    rig.slash("TA", USER, "/critique", SECRET_PROMPT, "p4")
    rig.slash("TB", USER, "/prompt", f"save solo {SECRET_PROMPT}", "p5")
    asked = text(rig.slash("TA", USER, "/framecraft", "forget-me", "f1"))
    assert "1 saved prompt (1 version)" in asked and "1 review" in asked
    assert "shown as removed" in asked and "/framecraft forget-me yes" in asked
    store = rig.engine.store
    assert [p.name for p in store.list_names("TA")] == ["shared", "solo"]  # nothing yet
    done = text(rig.slash("TA", USER, "/framecraft", "forget-me yes", "f2"))
    assert "Done" in done
    assert [p.name for p in store.list_names("TA")] == ["shared"]
    assert [v.author for v in store.history("TA", "shared")] == ["removed", "U0OTHER"]
    assert store.recent_reviews("slack", "TA") == []
    assert [p.name for p in store.list_names("TB")] == ["solo"]  # the other workspace's self
    history = text(rig.slash("TA", "U0OTHER", "/prompt", "history shared", "f3"))
    assert "removed" in history


def test_forget_workspace_is_for_admins_and_confirms_first(rig: Rig) -> None:
    rig.slash("TA", USER, "/prompt", f"save solo {SECRET_PROMPT}", "w1")
    refused = text(rig.slash("TA", USER, "/framecraft", "forget-workspace yes", "w2"))
    assert "Only workspace admins" in refused
    assert [p.name for p in rig.engine.store.list_names("TA")] == ["solo"]
    rig.slack.admins.add(USER)
    asked = text(rig.slash("TA", USER, "/framecraft", "forget-workspace", "w3"))
    assert "1 saved prompt" in asked and "forget-workspace yes" in asked
    assert rig.engine.store.list_names("TA") != []
    done = text(rig.slash("TA", USER, "/framecraft", "forget-workspace yes", "w4"))
    assert "Done" in done and rig.engine.store.list_names("TA") == []
    # the app stays installed: the next command is still answered with TA's token
    rig.slack.clear()
    rig.slash("TA", USER, "/prompt", "list", "w5")
    assert rig.count(t.slack_bots, team_id="TA") == 1
