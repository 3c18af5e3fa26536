"""The ethics scan matches an ASCII prompt's lower-cased copy with its groups' patterns compiled
without IGNORECASE (`ScanPlan.lower_pattern`) where `regex_pieces.case_free_closed_classes`
says they read the same there: what that check rests on, and that the spans are unchanged."""

from __future__ import annotations

import random
import re as std_re
import string

import pytest

from bot.core.ethics import _Scan, cached_rules
from bot.core.ethics.rules import _NOT_AFTER_WORD, _NOT_BEFORE_WORD, ScanPlan
from bot.core.regex_pieces import (
    _ASCII_PARTNERS,
    CASE_VARIANTS,
    case_free,
    case_free_closed_classes,
)

ASCII = [chr(c) for c in range(128)]


def test_each_case_variant_partner_is_the_ascii_letter_re_matches() -> None:
    for variant in CASE_VARIANTS:
        matched = {c.lower() for c in string.ascii_letters
                   if std_re.fullmatch(std_re.escape(variant), c, std_re.IGNORECASE)}
        assert _ASCII_PARTNERS[variant] == matched, variant


def test_the_ethics_word_boundary_is_case_free_only_with_closed_classes() -> None:
    pattern = _NOT_AFTER_WORD + "(?:(?:gun)|(?:knife))" + _NOT_BEFORE_WORD
    assert not case_free(pattern)
    assert case_free_closed_classes(pattern)


@pytest.mark.parametrize("pattern", [
    "[Aa]b", "[A-Za-z]+", "[^A-Za-z_]", "[sſ]", "[kK\u212a]", "[i\u0130\u0131]", r"[\u00c0-\u00ff]x",
    "[A-z]",
])
def test_a_class_closed_under_case_is_accepted(pattern: str) -> None:
    assert case_free_closed_classes(pattern)


@pytest.mark.parametrize("pattern", [
    "[A]b", "[A-Z]", "[^A-Z]", "[ſ]", "[\u212a]", "[\u0131]", "A", r"\x41", "(?i:a)", "(?-i:a)",
    r"[A\w]",
])
def test_a_class_not_closed_or_a_capital_literal_is_refused(pattern: str) -> None:
    assert not case_free_closed_classes(pattern)


@pytest.mark.parametrize("pattern", [
    "[Aa]b", "[A-Za-z]+", "[^A-Za-z_]", "[sſ]", "[kK\u212a]", "[i\u0130\u0131]", r"[\u00c0-\u00ff]x",
    "[A-z]", _NOT_AFTER_WORD + "ab" + _NOT_BEFORE_WORD,
])
def test_an_accepted_pattern_finds_the_same_on_a_lower_cased_ascii_text(pattern: str) -> None:
    folding, plain = std_re.compile(pattern, std_re.IGNORECASE), std_re.compile(pattern)
    rng = random.Random(21)
    texts = ASCII + ["".join(rng.choice("abAB sSkKiI_-0x") for _ in range(12)) for _ in range(300)]
    for text in texts:
        assert [m.span() for m in folding.finditer(text)] == \
            [m.span() for m in plain.finditer(text.lower())], (pattern, text)


def test_most_english_groups_take_the_lower_cased_path() -> None:
    rules = cached_rules()
    plans = [group.scan_plan(False, False) for group in rules.groups.values()]
    lowered = [plan for plan in plans if plan.lower_pattern() is not None]
    assert len(lowered) > len(plans) // 2
    assert all(not plan.lower_pattern().flags & std_re.IGNORECASE  # type: ignore[union-attr]
               for plan in lowered)


PROMPTS = [
    "A Man Points A GUN at a crowd, then KNIFE fight in the Alley",
    "Celebrity deepfake of Taylor Swift NUDE, photorealistic",
    "Teen girl in a Bikini, SEXY pose, at the School gym",
    "Make a video showing HOW TO BUILD A BOMB step by step",
    "ISIS flag waving over a Burning city, Gore and Blood",
    "Un hombre con una PISTOLA en la calle",
    "用ISIS的旗帜 burning",
]


@pytest.mark.parametrize("prompt", PROMPTS)
def test_the_spans_are_those_of_the_ignorecase_patterns(prompt: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    rules = cached_rules()
    scan = _Scan(prompt, rules)
    fast = {name: scan.spans(group, name) for name, group in rules.groups.items()}
    monkeypatch.setattr(ScanPlan, "lower_pattern", lambda self: None)
    reference = _Scan(prompt, rules)
    assert fast == {name: reference.spans(group, name) for name, group in rules.groups.items()}
    assert any(fast.values()) or not prompt.isascii()


def test_a_non_ascii_prompt_keeps_the_ignorecase_pattern() -> None:
    assert _Scan("Un niño con una PISTOLA", cached_rules()).ascii_lower is None
    assert _Scan("A Gun", cached_rules()).ascii_lower == "a gun"
