"""`regex_pieces.ascii_case_expanded`: a pattern without IGNORECASE that finds on an ASCII text
what the original finds with it, which the ethics scan uses for the groups whose patterns read
case (`ScanPlan.ascii_pattern`, and the loose terms' scan on an ASCII prompt)."""

from __future__ import annotations

import random
import re as std_re
import string

import pytest

from bot.core.ethics import _Scan, cached_rules
from bot.core.ethics.rules import _compile
from bot.core.regex_pieces import ascii_case_expanded

PATTERNS = [
    "the (?:[a-z-]+(?:'s?)? )?(?:lunch(?:'s?)? lady|janitor)",
    "(?-i:[A-Z][a-z]+)(?:'s?)? from (?-i:IT)(?![a-z])",
    r"@[a-z0-9_.]{3,}", r"[a-z0-9]+_[a-z0-9_]+", r"(?:named|called) @?[a-z]*[0-9_][\w.-]*",
    r"caf[eé]s?", r"\d+ ?% (?:daily|weekly) returns?", r"[^a-z ]+x", r"(?<=like )[0-9]{1,3} k",
    "ſtreet|\u212aelvin|\u0130stanbul", r"a\-b\.c\{2\}", r"x{2,3}y{,2}", r"(?:a|b)*?c+",
]
"""Shapes the lexicons use: word gaps with the possessive clitic, case-sensitive groups,
classes (negated, with ranges, with accents), lookarounds, quantifiers, escapes, and the
characters outside ASCII that an ASCII letter matches case-insensitively (ſ, K, İ)."""


def _texts() -> list[str]:
    rng = random.Random(25)
    alphabet = string.ascii_letters + string.digits + " _-.'@%{}\u0000"
    words = ["the", "The", "THE", "lunch", "LUNCH's", "Lady", "janitor", "Mike", "IT", "it",
             "from", "FROM", "cafe", "CAFES", "like", "12", "k", "K", "street", "Kelvin",
             "istanbul", "ISTANBUL", "a-b.c{2}", "xxxyy", "abac", "named", "Called", "@Bob_99",
             "20 % DAILY returns", "x_y"]
    texts = []
    for _ in range(400):
        texts.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))))
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))))
    return texts


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_expanded_pattern_finds_what_ignorecase_finds_on_ascii_text(pattern: str) -> None:
    expanded = ascii_case_expanded(pattern)
    assert expanded is not None
    original, rewritten = std_re.compile(pattern, std_re.IGNORECASE), std_re.compile(expanded)
    assert not rewritten.flags & std_re.IGNORECASE
    for text in _texts():
        assert [m.span() for m in original.finditer(text)] == \
            [m.span() for m in rewritten.finditer(text)], (pattern, text)
        for at in range(len(text) + 1):
            found, again = original.match(text, at), rewritten.match(text, at)
            assert (found and found.span()) == (again and again.span()), (pattern, text, at)


def test_a_case_sensitive_group_is_kept_as_written() -> None:
    expanded = ascii_case_expanded("(?-i:[A-Z][a-z]+) from")
    assert expanded is not None and expanded.startswith("(?-i:[A-Z][a-z]+)")
    assert std_re.fullmatch(expanded, "Mike FROM") and not std_re.fullmatch(expanded, "mike from")


@pytest.mark.parametrize("pattern", [r"(?i:a)b", r"(?-i:a(?i:b))", r"(a)\1", r"\x41",
                                     r"a.b", r"(?P<n>a)", r"\N{LATIN SMALL LETTER A}"])
def test_what_the_walk_does_not_know_answers_none(pattern: str) -> None:
    assert ascii_case_expanded(pattern) is None


def test_the_ethics_groups_that_read_case_have_an_ascii_pattern_with_the_same_spans() -> None:
    """Every group whose pattern can't run on the lower-cased copy gets a case-expanded one,
    and the scan's spans on ASCII prompts in any case are those of the IGNORECASE pattern."""
    rules = cached_rules()
    reading_case = [name for name, group in rules.groups.items()
                    if group.scan_plan(False, False).lower_pattern() is None]
    assert "local_role" in reading_case
    prompts = ["The lunch lady at Lincoln High, Mike from IT and the janitor's son",
               "THE BARISTA AT THE COFFEE PLACE ON 5TH filmed by the mailman on our street",
               "my coworker Dana from accounting, Sarah from HR; the guy who runs the deli"]
    prompts += [p.lower() for p in prompts] + [p.swapcase() for p in prompts]
    for name in reading_case:
        group = rules.groups[name]
        plan = group.scan_plan(False, False)
        assert plan.ascii_pattern() is not None, name
        for prompt in prompts:
            scan = _Scan(prompt, rules)
            if scan.spanish:
                continue
            expected = [(m.start(), m.end()) for m in _compile(plan.terms).finditer(prompt)
                        if m.end() > m.start()]
            assert scan.spans(group, name) == expected, (name, prompt)
