"""The member's Slack locale picks the language of the bot's own words (issue 16), through the
real request format: signed Slack requests to the running Bolt app, `users.info` answered by
the Slack API stand-in (tests/slack/slack_mock.py) with the locale Slack would report."""

from __future__ import annotations

import json
import logging
import time

from oauth_mock import Rig
from slack_mock import (
    BOT_TOKEN,
    BOT_USER,
    MockSlack,
    block_action,
    event_body,
    interactive_body,
    post,
    slash_body,
)
from slack_sdk import WebClient

from bot.core.critique import messages as msg
from bot.slack import blocks as bk
from bot.slack.member_language import MemberLanguages

PROMPT = "A red fox trots through fresh snow at dawn"
"""Short on purpose: several components are missing, so the review has a Missing part."""
JA, ES, FR, NONE = "UJA00001", "UES00001", "UFR00001", "UNOLOCALE"


def critique(rig, user: str, name: str, text: str = PROMPT) -> dict:
    """`/critique` as `user`; the reply posted to its response_url."""
    body = slash_body("/critique", text, response_url=rig.mock.response_url(name), user=user)
    started = time.perf_counter()
    r = post(rig.http, rig.url, body)
    assert r.status_code == 200 and r.text == "" and time.perf_counter() - started < 3
    (call,) = rig.mock.wait(f"respond:{name}")
    return call.body


def headline(reply: dict) -> str:
    return reply["blocks"][0]["text"]["text"]


def texts(reply: dict) -> str:
    return "\n".join(b["text"]["text"] for b in reply["blocks"] if b.get("type") == "section")


def controls(reply: dict) -> dict[str, str]:
    """action id -> the text a member sees on it (a button's label, the select's placeholder)."""
    out = {}
    for block in reply["blocks"]:
        for e in block.get("elements", []) if block.get("type") == "actions" else []:
            out[e["action_id"]] = (e.get("text") or e.get("placeholder"))["text"]
    return out


def locale_lookups(mock: MockSlack) -> list[str]:
    """The members users.info was asked about with include_locale (the language lookups)."""
    return [c.body["user"] for c in mock.of("users.info")
            if str(c.body.get("include_locale")) in ("1", "true")]


def test_a_japanese_member_gets_japanese_labels_verdict_and_buttons(rig):
    rig.mock.locales[JA] = "ja-JP"
    reply = critique(rig, JA, "ja")
    review = rig.engine.critique(PROMPT)
    assert review.missing and review.rewrite  # the parts whose headings are checked below
    assert headline(reply).startswith(f"*スコア {review.score}/100* · "
                                      f"{msg.verdict(review.verdict, 'ja')}")
    assert msg.verdict(review.verdict, "ja") != review.verdict
    body = texts(reply)
    assert "*足りないもの*" in body and "*書き直し*\n```" in body
    assert f"`{msg.component_label(review.missing[0], 'ja')}` 0/" in body
    assert "*Missing*" not in body and "*Rewrite*" not in body and "· missing" not in body
    assert controls(reply) == {bk.ACTION_TRANSLATE: "別のモデル向けに…",
                               bk.ACTION_REWRITE: "書き直しだけ表示",
                               bk.ACTION_HELPFUL: "役に立った",
                               bk.ACTION_NOT_HELPFUL: "役に立たなかった",
                               bk.ACTION_SHARE: "チャンネルに共有"}
    assert reply["text"].startswith(f"Framecraft: {review.score}/100, "
                                    f"{msg.verdict(review.verdict, 'ja')}")
    assert locale_lookups(rig.mock) == [JA]


def test_a_spanish_member_gets_spanish_and_the_cache_asks_slack_once(rig):
    rig.mock.locales[ES] = "es-ES"
    first = critique(rig, ES, "es1")
    review = rig.engine.critique(PROMPT)
    assert headline(first).startswith(f"*Puntuación {review.score}/100* · "
                                      f"{msg.verdict(review.verdict, 'es')}")
    assert "*Falta*" in texts(first) and "*Reescritura*" in texts(first)
    assert controls(first)[bk.ACTION_HELPFUL] == "Útil"
    # Again, then a button under the review: answered in Spanish, users.info not asked again.
    second = critique(rig, ES, "es2")
    assert headline(second) == headline(first)
    review_id = next(e["value"] for b in second["blocks"] if b["type"] == "actions"
                     for e in b["elements"] if e["action_id"] == bk.ACTION_HELPFUL)
    payload = block_action({"type": "button", "action_id": bk.ACTION_HELPFUL, "value": review_id,
                            "block_id": f"{bk.REVIEW_BLOCK_PREFIX}{review_id}"},
                           response_url=rig.mock.response_url("thanks"), user=ES)
    assert post(rig.http, rig.url, interactive_body(payload)).status_code == 200
    (thanks,) = rig.mock.wait("respond:thanks")
    assert texts(thanks.body) == "Gracias, anotado: útil."
    assert locale_lookups(rig.mock) == [ES]
    # Another member of the workspace is another key.
    critique(rig, JA, "ja")
    assert locale_lookups(rig.mock) == [ES, JA]


def test_simplified_chinese_is_chinese_and_traditional_is_english(rig):
    rig.mock.locales.update({"UZH00001": "zh-CN", "UTW00001": "zh-TW"})
    zh = critique(rig, "UZH00001", "zh")
    assert headline(zh).startswith("*评分 ") and "*改写*" in texts(zh)
    assert controls(zh)[bk.ACTION_SHARE] == "分享到频道"
    tw = critique(rig, "UTW00001", "tw")  # other characters: not the catalogue's Chinese
    assert "*Rewrite*" in texts(tw) and controls(tw)[bk.ACTION_SHARE] == "Share to channel"


def test_every_label_is_written_in_every_catalogue_language() -> None:
    """A label missing a language would silently show English to that member."""
    for key, entry in msg.LABELS.items():
        assert set(entry) == set(msg.CATALOGUE_LANGUAGES), key
        assert all(text.strip() for text in entry.values()), key
    for key in ("translate_to", "rewrite_only", "helpful", "not_helpful", "share"):
        assert all(len(text) <= bk.BUTTON_TEXT_LIMIT for text in msg.LABELS[key].values())


def test_an_unsupported_or_missing_locale_is_english(rig):
    rig.mock.locales[FR] = "fr-FR"
    for user, name in ((FR, "fr"), (NONE, "none")):
        reply = critique(rig, user, name)
        review = rig.engine.critique(PROMPT)
        assert headline(reply).startswith(f"*{review.score}/100* · {review.verdict}")
        assert "*Missing*" in texts(reply) and "*Rewrite*\n```" in texts(reply)
        assert controls(reply)[bk.ACTION_HELPFUL] == "Helpful"
    assert locale_lookups(rig.mock) == [FR, NONE]


def test_a_users_info_error_is_english_and_logs_no_token_or_text(rig, caplog):
    caplog.set_level(logging.DEBUG, logger="bot")
    rig.mock.locales[JA] = "ja-JP"
    secret = "a storyboard nobody may read"
    rig.mock.fail["users.info"] = [(200, {}, {"ok": False, "error": "missing_scope",
                                              "needed": "users:read"})]
    reply = critique(rig, JA, "err", f"{PROMPT}, {secret}")
    assert "*Rewrite*" in texts(reply) and controls(reply)[bk.ACTION_HELPFUL] == "Helpful"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "missing_scope" in logged  # the reason, by Slack's error code
    assert BOT_TOKEN not in logged and secret not in logged
    # A failed lookup is kept only briefly (bot.slack.member_language.FAILED_TTL_S): within it,
    # English without asking again.
    critique(rig, JA, "err2")
    assert locale_lookups(rig.mock) == [JA]


def test_a_slow_users_info_never_delays_the_ack(rig):
    """The lookup runs after the ack (Bolt's lazy listener): Slack hears back at once even
    when users.info takes longer than Slack's 3 seconds would allow."""
    rig.mock.locales[JA] = "ja-JP"
    rig.mock.slow["users.info"] = 1.5
    body = slash_body("/critique", PROMPT, response_url=rig.mock.response_url("slow"), user=JA)
    started = time.perf_counter()
    r = post(rig.http, rig.url, body)
    acked = time.perf_counter() - started
    assert r.status_code == 200 and acked < 1.0
    (call,) = rig.mock.wait("respond:slow")
    assert call.at - started >= 1.4  # the reply waited for the lookup, the ack did not
    assert headline(call.body).startswith("*スコア ")


def test_a_mention_is_answered_in_the_members_language(rig):
    rig.mock.locales[JA] = "ja-JP"
    event = {"type": "app_mention", "user": JA, "text": f"<@{BOT_USER}> {PROMPT}",
             "ts": "1700000100.000100", "channel": "C0001", "event_ts": "1700000100.000100"}
    r = post(rig.http, rig.url, event_body(event, "EvLang1"), content_type="application/json")
    assert r.status_code == 200
    (reply,) = rig.mock.wait("chat.postMessage")
    assert "*書き直し*" in json.dumps(reply.body["blocks"], ensure_ascii=False)
    assert locale_lookups(rig.mock) == [JA]


def test_oauth_workspaces_are_asked_with_their_own_tokens(oauth_rig: Rig) -> None:
    rig = oauth_rig
    rig.install("TA", "TB")
    rig.slack.locales.update({"UA1": "ja-JP", "UB1": "es-419"})
    ja = rig.slash("TA", "UA1", "/critique", PROMPT, "a")
    es = rig.slash("TB", "UB1", "/critique", PROMPT, "b")
    assert headline(ja).startswith("*スコア ") and headline(es).startswith("*Puntuación ")
    asked = {c.body["user"]: c.headers.get("Authorization") for c in rig.slack.of("users.info")}
    assert asked == {"UA1": "Bearer xoxb-TA-1", "UB1": "Bearer xoxb-TB-2"}


# ---- the cache itself, against the same stand-in -------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_entries_expire_found_after_the_ttl_and_failures_sooner(mock_slack: MockSlack) -> None:
    clock = Clock()
    client = WebClient(token=BOT_TOKEN, base_url=mock_slack.api_url)
    languages = MemberLanguages(lambda team: client, ttl_s=3600, failed_ttl_s=300, timer=clock)
    mock_slack.locales.update({JA: "ja-JP", ES: "es-ES"})
    mock_slack.fail["users.info"] = [(429, {"Retry-After": "30"},
                                      {"ok": False, "error": "ratelimited"})]
    assert languages.language("T1", JA) == "en"  # rate limited: English, not retried
    clock.now += 299
    assert languages.language("T1", JA) == "en" and locale_lookups(mock_slack) == [JA]
    clock.now += 2
    assert languages.language("T1", JA) == "ja"  # the failure expired: asked again
    clock.now += 3599
    assert languages.language("T1", JA) == "ja" and len(locale_lookups(mock_slack)) == 2
    mock_slack.locales[JA] = "es-ES"  # the member switched Slack's language
    clock.now += 2
    assert languages.language("T1", JA) == "es" and len(locale_lookups(mock_slack)) == 3
    assert languages.language("T2", JA) == "es"  # the same id in another workspace: its own
    assert len(locale_lookups(mock_slack)) == 4
    assert languages.language("T1", "unknown") == "en"  # no real member: Slack is not asked
    assert len(locale_lookups(mock_slack)) == 4


def test_the_cache_is_bounded_least_recently_used_first(mock_slack: MockSlack) -> None:
    client = WebClient(token=BOT_TOKEN, base_url=mock_slack.api_url)
    languages = MemberLanguages(lambda team: client, maxsize=2)
    mock_slack.locales.update({JA: "ja-JP", ES: "es-ES", FR: "fr-FR"})
    languages.language("T1", JA)
    languages.language("T1", ES)
    languages.language("T1", JA)  # JA is now the most recently used
    languages.language("T1", FR)  # evicts ES
    assert locale_lookups(mock_slack) == [JA, ES, FR]
    languages.language("T1", JA)
    languages.language("T1", ES)
    assert locale_lookups(mock_slack) == [JA, ES, FR, ES]


def test_no_installation_is_english(mock_slack: MockSlack) -> None:
    def gone(team: str) -> WebClient:
        raise LookupError("this workspace has no installation (uninstalled?)")

    assert MemberLanguages(gone).language("T1", JA) == "en"
    assert mock_slack.calls == []
