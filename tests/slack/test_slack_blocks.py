"""Block Kit formatting: whatever the engine returns, every message stays inside Slack's limits,
nothing is lost in the split, and user text cannot inject mrkdwn."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.critique.components import Component
from bot.core.critique.results import (
    AntiPatternHit,
    ComponentScore,
    Critique,
    LearnMore,
    Suggestion,
)
from bot.core.ethics import Concern, EthicsReview
from bot.core.retrieval.ask import Answer, Source
from bot.core.storage import ReviewRecord
from bot.slack import blocks as bk

# Text that stresses the limits: escaping growth (&), fences, quotes for JSON, long words.
_atoms = st.sampled_from(["&", "<!channel>", "```", '"', "\\", "é", "🎬", "\n", " ", "word ",
                          "a" * 50, "&amp;", "<@U123|x>"])
stress = st.builds(lambda parts, n: ("".join(parts) * n)[:12_000],
                   st.lists(_atoms, min_size=1, max_size=6), st.integers(1, 400))
text = st.one_of(st.text(max_size=80), stress)
short = st.text(max_size=40)

components = st.lists(st.builds(
    ComponentScore, name=st.sampled_from(list(Component)), present=st.booleans(),
    text=st.one_of(st.none(), text), score=st.integers(0, 15), max_score=st.integers(0, 15),
), max_size=13)
concerns = st.lists(st.fixed_dictionaries({
    "category": short, "severity": st.sampled_from(["note", "caution", "stop"]),
    "trigger": short, "why": text, "instead": text}), max_size=6)
ethics = st.one_of(st.none(), st.builds(lambda v, c: {"verdict": v, "concerns": c},
                                        st.sampled_from(["ok", "note", "caution", "stop"]),
                                        concerns))
critiques = st.builds(
    Critique, prompt=text, model=st.one_of(st.none(), short), score=st.integers(0, 100),
    verdict=short, components=components,
    missing=st.lists(st.sampled_from(list(Component)), max_size=13, unique=True),
    missing_why=st.dictionaries(st.sampled_from(list(Component)), text, max_size=4),
    anti_patterns=st.lists(st.builds(AntiPatternHit, id=short, text=text, why=text, fix=text),
                           max_size=8),
    suggestions=st.lists(st.builds(Suggestion, text=text), max_size=8),
    rewrite=text, sources=st.lists(short, max_size=8),
    similar=st.lists(st.builds(LearnMore, kind=short, id=short, title=short, why=text),
                     max_size=3),
    ethics=ethics, notices=st.lists(text, max_size=3),
)
models = st.lists(st.tuples(st.from_regex(r"[a-z]{1,12}", fullmatch=True), text), max_size=120)
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_ALLOWED_ANGLE = re.compile(r"<(?:@[UW][A-Z0-9]+|#[CDG][A-Z0-9]+)>")


def mrkdwn_texts(block: dict) -> list[str]:
    out = []
    if block.get("text", {}).get("type") == "mrkdwn":
        out.append(block["text"]["text"])
    for el in block.get("elements", []):
        if el.get("type") == "mrkdwn":
            out.append(el["text"])
    return out


def assert_within_limits(messages: list[dict]) -> None:
    assert messages
    for msg in messages:
        blocks = msg["blocks"]
        assert 1 <= len(blocks) <= bk.MAX_BLOCKS
        assert len(json.dumps(blocks, ensure_ascii=False)) <= bk.MAX_MESSAGE_CHARS
        assert 0 < len(msg["text"]) <= bk.FALLBACK_LIMIT
        assert "<" not in msg["text"]  # the notification text cannot ping either
        for b in blocks:
            if b["type"] == "section":
                assert 0 < len(b["text"]["text"]) <= bk.SECTION_LIMIT
                assert b["text"]["text"].strip()
            elif b["type"] == "header":
                assert 0 < len(b["text"]["text"]) <= bk.HEADER_LIMIT
            elif b["type"] == "context":
                assert 1 <= len(b["elements"]) <= 10
                assert all(0 < len(e["text"]) <= bk.SECTION_LIMIT for e in b["elements"])
            elif b["type"] == "actions":
                assert 1 <= len(b["elements"]) <= 25 and len(b.get("block_id", "")) <= 255
                for e in b["elements"]:
                    if e["type"] == "button":
                        assert len(e["text"]["text"]) <= bk.BUTTON_TEXT_LIMIT
                        assert len(e["value"]) <= bk.BUTTON_VALUE_LIMIT
                    else:
                        assert 1 <= len(e["options"]) <= bk.MAX_OPTIONS
                        assert all(len(o["text"]["text"]) <= bk.OPTION_TEXT_LIMIT
                                   for o in e["options"])
            for t in mrkdwn_texts(b):
                assert "<" not in _ALLOWED_ANGLE.sub("", t), t[:200]
                assert not re.search(r"&[a-z]{0,4}$", t.rstrip("…`\n")), "half an entity"


def code_text(messages: list[dict]) -> str:
    """What the code blocks hold, joined (a split may fall on any whitespace)."""
    out = []
    for m in messages:
        for b in m["blocks"]:
            t = b.get("text", {}).get("text", "")
            if "```" in t:
                out.append(t.split("```\n", 1)[1].rsplit("\n```", 1)[0])
    return "".join(out)


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@FAST
@given(critiques, st.one_of(st.none(), st.from_regex(r"[a-z0-9]{8}", fullmatch=True)), models,
       st.booleans())
def test_any_critique_fits_slack_limits(c, review_id, model_list, share):
    messages = bk.critique_messages(c, review_id=review_id, models=model_list, share=share)
    assert_within_limits(messages)
    first = messages[0]["blocks"][0]["text"]["text"]
    if (c.ethics or {}).get("verdict") == "stop":
        assert first.startswith(":no_entry: *Stop")  # ethics concerns above everything
    else:
        assert first.startswith(f"*{c.score}/100*")  # score and verdict first
    if review_id:  # the buttons come once, at the end
        last = messages[-1]["blocks"][-1]
        assert last["type"] == "actions" and last["block_id"] == f"fc_review:{review_id}"
        assert sum(b["type"] == "actions" for m in messages for b in m["blocks"]) == 1


@FAST
@given(text)
def test_the_rewrite_survives_the_split(rewrite):
    c = Critique(prompt="p", score=50, verdict="ok", components=[], missing=[],
                 anti_patterns=[], suggestions=[], rewrite=rewrite, sources=[])
    messages = bk.rewrite_messages(c)
    assert_within_limits(messages)
    expected = bk.escape(rewrite)
    assert squash(code_text(messages)) == squash(expected)


@FAST
@given(text, st.integers(10, 3000))
def test_chunk_keeps_everything_and_respects_the_limit(s, limit):
    escaped = bk.escape(s)
    pieces = bk.chunk(escaped, limit)
    assert all(len(p) <= limit for p in pieces)
    assert squash("".join(pieces)) == squash(escaped)
    for p in pieces[:-1]:
        assert not re.search(r"&[a-z]{0,4}$", p)


@FAST
@given(text, st.lists(st.builds(Source, id=short, kind=short, title=text, file=short,
                                score=st.floats(0, 1)), max_size=5), text)
def test_any_answer_fits(answer, sources, question):
    a = Answer(question=question, answer=answer, sources=sources)
    messages = bk.answer_messages(a, question=question, share_value=json.dumps({"t": question}))
    assert_within_limits(messages)


@FAST
@given(st.sampled_from(["ok", "note", "caution", "stop"]), st.lists(st.builds(
    Concern, category=st.just("likeness"), severity=st.sampled_from(["note", "caution", "stop"]),
    trigger=text, why=text, instead=text), max_size=6))
def test_any_ethics_review_fits(verdict, found):
    messages = bk.ethics_messages(EthicsReview(verdict=verdict, concerns=found))
    assert_within_limits(messages)
    assert verdict in messages[0]["blocks"][0]["text"]["text"]


translations = st.fixed_dictionaries({
    "prompt": text, "negative_prompt": st.one_of(st.none(), text), "model": short,
    "from_model": st.one_of(st.none(), short), "notes": st.lists(text, max_size=3),
    "changes": st.lists(st.fixed_dictionaries({
        "component": short, "action": short, "before": st.one_of(st.none(), text),
        "after": st.one_of(st.none(), text), "why": text, "source": short}), max_size=8),
    "dropped": st.lists(st.fixed_dictionaries({"component": short, "text": text,
                                               "reason": text}), max_size=4),
})


@FAST
@given(translations)
def test_any_translation_fits_and_keeps_the_prompt(t):
    messages = bk.translation_messages(t)
    assert_within_limits(messages)
    assert squash(bk.escape(t["prompt"])) in squash(code_text(messages))


@FAST
@given(st.lists(translations, max_size=10))
def test_any_comparison_fits(ts):
    assert_within_limits(bk.comparison_messages({"prompt": "x", "translations": ts}))


@FAST
@given(text, st.one_of(st.none(), text))
def test_errors_fit_and_give_the_text_back(message, typed):
    messages = bk.error_messages(message, typed)
    assert_within_limits(messages)


@FAST
@given(st.lists(st.tuples(short, short, text), max_size=12), st.lists(st.builds(
    ReviewRecord, id=st.just("abcd1234"), platform=st.just("slack"), scope=st.just("T1"),
    channel=st.sampled_from(["C0001", "", "<!here>"]), user=st.just("U1"), prompt=text,
    score=st.integers(0, 100), model=st.one_of(st.none(), short),
    created_at=st.just(datetime(2025, 1, 1, tzinfo=UTC))), max_size=10))
def test_home_view_fits(model_list, recent):
    view = bk.home_view(model_list, recent)
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    assert_within_limits([{"text": "home", "blocks": view["blocks"][i:i + 50]}
                          for i in range(0, len(view["blocks"]), 50)])


def test_modal_has_prompt_model_and_notes():
    view = bk.critique_modal([("kling", "Kling"), ("veo", "Veo")], "{}", default_model="veo")
    assert [b["block_id"] for b in view["blocks"]] == ["prompt", "model", "notes"]
    assert view["blocks"][1]["element"]["initial_option"]["value"] == "veo"


def test_plain_undoes_slack_formatting():
    assert bk.plain("A &lt;b&gt; &amp; c") == "A <b> & c"
    assert bk.plain("see <https://x.io/a|the ref> and <https://y.io>") == "see the ref and https://y.io"
    assert bk.plain("hi <@U123> in <#C1|general> <!here>") == "hi @U123 in general @here"


def test_escape_stops_mentions_and_links():
    assert bk.escape("<!channel> <https://evil|ok> & co") == \
        "&lt;!channel&gt; &lt;https://evil|ok&gt; &amp; co"
