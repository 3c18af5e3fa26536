"""The full review's second view on frame-lowered cautions (`ethics.confirm.unseconded_frames`):
a caution a rule reached by lowering its own stop for a frame (an awareness PSA, a fact-check,
a fiction label) drops to a note when the semantic layer finds no harm in the prompt at all;
it stands when the semantic layer raises anything about a harm, for minors and sexual concerns,
and for a rule whose own severity is caution. The quick rules-only review never runs it.
Prompts are our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.ethics import Concern, cached_rules, review_ethics, review_full
from bot.core.ethics.confirm import unseconded_frames
from bot.core.ethics.semantic import SemanticLayer


def _concern(category: str, severity: str, rule: str) -> Concern:
    return Concern.model_validate({"category": category, "severity": severity, "trigger": "t",
                                   "why": "why it matters", "instead": "write it otherwise",
                                   "rule": rule})


def _rule_of(severity: str, category: str, exclude: frozenset[str] = frozenset()) -> str:
    """The id of a shipped rule of this severity and category."""
    return next(r.id for r in cached_rules().rules
                if r.severity == severity and r.category == category and r.id not in exclude)


# --- the function ------------------------------------------------------------------------------

def test_a_frame_lowered_caution_with_no_semantic_concern_drops_to_a_note() -> None:
    rule = _rule_of("stop", "fraud-impersonation")
    (lowered,) = unseconded_frames([_concern("fraud-impersonation", "caution", rule)], [],
                                   cached_rules())
    assert lowered.severity == "note" and "Lowered to a note" in lowered.why


def test_a_semantic_concern_about_any_harm_keeps_the_caution() -> None:
    rule = _rule_of("stop", "fraud-impersonation")
    seen = _concern("hate-harassment", "note", "semantic:harassment")
    (kept,) = unseconded_frames([_concern("fraud-impersonation", "caution", rule)], [seen],
                                cached_rules())
    assert kept.severity == "caution"


def test_a_disclosure_note_is_no_second_view_of_a_harm() -> None:
    rule = _rule_of("stop", "hate-harassment")
    label = _concern("disclosure", "note", "semantic:undisclosed-synthetic")
    (lowered,) = unseconded_frames([_concern("hate-harassment", "caution", rule)], [label],
                                   cached_rules())
    assert lowered.severity == "note"


@pytest.mark.parametrize("category", ["minors", "sexual"])
def test_minors_and_sexual_cautions_are_never_lowered(category) -> None:
    rules = cached_rules()
    rule = next(r.id for r in rules.rules if r.category == category and r.severity == "stop")
    (kept,) = unseconded_frames([_concern(category, "caution", rule)], [], rules)
    assert kept.severity == "caution"


def test_a_rule_whose_own_severity_is_caution_keeps_it() -> None:
    rule = _rule_of("caution", "elections-news")
    (kept,) = unseconded_frames([_concern("elections-news", "caution", rule)], [],
                                cached_rules())
    assert kept.severity == "caution"


def test_stops_and_other_layers_concerns_are_left_alone() -> None:
    rule = _rule_of("stop", "weapons")
    concerns = [_concern("weapons", "stop", rule),
                _concern("self-harm", "caution", "semantic:self-harm"),
                _concern("fraud-impersonation", "caution", "gloss:fraud-impersonate-money")]
    assert unseconded_frames(concerns, [], cached_rules()) == concerns


# --- with the shipped model ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def layer(tmp_path_factory) -> SemanticLayer:
    return SemanticLayer(Path(tmp_path_factory.mktemp("second-view-data")))


def test_an_anti_fraud_psa_in_chinese_is_a_note_in_the_full_review(layer) -> None:
    prompt = "反诈骗宣传短片：一位阿姨接到自称银行客服的电话，要她把钱转到安全账户，她挂断后报警。"
    quick = review_ethics(prompt)
    assert quick.verdict == "caution"
    full = review_full(prompt, semantic=layer)
    assert full.verdict == "note"
    (fraud,) = [c for c in full.concerns if c.category == "fraud-impersonation"]
    assert "Lowered to a note" in fraud.why


def test_a_scam_told_without_a_frame_keeps_its_stop(layer) -> None:
    prompt = "视频：冒充公安局民警打电话，让老人把钱转到安全账户"
    assert review_full(prompt, semantic=layer).verdict == "stop"


# --- a purpose frame the category's rules know, on a caution raised as such ---------------------

def _scan(prompt: str):
    from bot.core.ethics import _Scan

    return _Scan(prompt, cached_rules())


def test_a_news_look_used_to_debunk_a_hoax_is_a_note_without_a_second_view() -> None:
    prompt = "a news segment where the host debunks a viral hoax and stamps it FALSE"
    rules = cached_rules()
    assert any(c.rule == "news-format" and c.severity == "caution"
               for c in review_ethics(prompt, rules).concerns)
    caution = _concern("elections-news", "caution", "news-format")
    (settled,) = unseconded_frames([caution], [], rules, _scan(prompt))
    assert settled.severity == "note"
    (kept,) = unseconded_frames([caution], [_concern("elections-news", "stop",
                                                     "semantic:election-deception")],
                                rules, _scan(prompt))
    assert kept.severity == "caution"


def test_a_story_frame_is_no_purpose() -> None:
    prompt = "a fictional drama: the news anchor reads the evening headlines"
    (kept,) = unseconded_frames([_concern("elections-news", "caution", "news-format")], [],
                                cached_rules(), _scan(prompt))
    assert kept.severity == "caution"


def test_a_method_or_message_category_keeps_its_caution_under_an_educational_frame() -> None:
    from bot.core.ethics.rules import lowering_frames

    rules = cached_rules()
    rule = _rule_of("caution", "extremism")
    scan = _scan("an educational explainer for a history class on an extremist group's "
                 "recruitment posters")
    assert any(scan.hits(g) for g in lowering_frames(rules)["extremism"])
    (kept,) = unseconded_frames([_concern("extremism", "caution", rule)], [], rules, scan)
    assert kept.severity == "caution"
