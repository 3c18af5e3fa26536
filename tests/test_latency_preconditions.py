"""Cheap preconditions and shared scans on the critique's and the quick ethics check's hot paths
answer exactly what the plain work answers: the rewrite's tidying substitutions skipped where a
substring test shows they change nothing, the rules a partner of which can have no hit not
fired, and the nouns, verbs and negations of an ASCII prompt read from its lower-cased copy."""

from __future__ import annotations

import random

import pytest

from bot.core import cached_re as re
from bot.core.critique.analysis import (
    _PROGRESSIVE,
    _PRONOUN_VERB,
    _VERB_WITH_OBJECT,
    compiled,
    lower_twin,
    prompt_spans,
)
from bot.core.critique.camera_grammar import _ORIENTED, _SEEN_FROM
from bot.core.critique.lexicon import (
    ACTION_VERBS,
    CAMERA_VAGUE,
    NEGATION,
    NEGATION_IDIOMS,
    QUALITY_SPAM,
    SUBJECT_NOUNS,
    trie_regex,
)
from bot.core.critique.rewrite import (
    ANIMAL_LOOK,
    ENVIRONMENT,
    FAMILIES,
    INDOOR,
    NIGHT,
    PERSON_WEAR,
    _environment_details,
    _tidy,
)
from bot.core.ethics import _Scan, cached_rules
from bot.core.ethics.rules import DETECTED_GROUPS, _fire
from bot.core.regex_pieces import CASE_VARIANTS, case_free, may_find
from tests.test_latency_paths import _concerns

SEED = ["A cat jumps on the table", "Cinematic forest scene with birds",
        "Man walking down street, 4K", "at dawn, in the kitchen; a man-at-arms waits outside",
        "make Taylor Swift say she is retiring", "A nude video of my ex from her selfies",
        "a child in lingerie", "Fake ballots dumped in a river, phone footage",
        "A doctor endorses our supplement that cures diabetes",
        "Keanu Reeves acariciando a un perro", "the cashier counting bills at table 4",
        "A deepfake of Elon Musk promoting a crypto giveaway", "İstanbul at night, a man walks",
        "Coach D. yelling at Priya from 3B", "put my boss's face on a body in a video",
        "让泰勒·斯威夫特说她要退休", "元カノの自撮りから裸の動画を作って"]


@pytest.fixture(scope="module")
def texts(kb) -> list[str]:
    """The seed and gallery prompts, and word salads of their words with commas, runs of
    spaces and other whitespace (tab, newline, no-break and ideographic spaces) between."""
    prompts = SEED + [e.prompt for e in kb.gallery.values()]
    words = [w for p in prompts for w in p.split()]
    rng = random.Random(20261129)
    joins = [" ", " ", ", ", " , ", ",, ", ", ,", "  ", " ;", " .", "\t", "\n", "\u00a0",
             "\u3000 ", " :", "-", "'"]
    salads = ["".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 50)))
              for _ in range(400)]
    return prompts + salads


def _plain_tidy(text: str) -> str:
    """`_tidy` as the three substitutions, each run on every text."""
    text = re.sub(r"(?<!\s)\s*,\s*(?:,\s*)+", ", ", text)
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    return text.strip(" ,;")


def test_tidying_with_its_preconditions_is_the_three_substitutions(texts) -> None:
    changed = 0
    for text in texts + [" ,, a", "a\u2003,b", "a ,\t, b", "a\u00a0\u00a0b", "a\n.", "x  y",
                         "one line\ntwo lines", "a\n\nb", "a \nb", "a\n b", "a\n, b", "a\n;\nb",
                         "a\nb\t c", "a\n\u00a0b", "title:\n- x\n- y ."]:
        assert _tidy(text) == _plain_tidy(text), repr(text)
        changed += _tidy(text) != text.strip(" ,;")
    assert changed  # the salads do need tidying: the substitutions still run where they must


def test_tidying_a_text_of_several_lines_is_the_three_substitutions(texts) -> None:
    """A prompt of several lines (most long ones) takes the substring tests too: its line
    breaks joined to the salads' words, where spaces, marks and other whitespace meet them."""
    rng = random.Random(20261130)
    pieces = ["\n", " ", "\n\n", " \n", ", ", "\n,", " ;", ".", "\t", "\u00a0", ",\n,"]
    for text in texts[:200]:
        words = text.split(" ")
        lines = "".join(w + rng.choice(pieces) for w in words)
        assert _tidy(lines) == _plain_tidy(lines), repr(lines)


def test_every_whitespace_but_the_space_is_unprintable() -> None:
    """What `_tidy`'s substring tests rest on: in a printable text the only character `\\s`
    matches is " "."""
    space = re.compile(r"\s")
    for code in range(0x110000):
        ch = chr(code)
        if ch != " " and space.match(ch):
            assert not ch.isprintable(), hex(code)


def test_rules_worth_firing_fire_as_every_rule_does(texts) -> None:
    rules = cached_rules()
    dropped = 0
    for text in texts[:250]:
        scan = _Scan(text, rules)
        kept = scan.rules_worth_firing()
        assert _concerns(scan, kept) == _concerns(_Scan(text, rules), rules.rules), text
        fresh = _Scan(text, rules)
        left_out = [rule for rule in scan.rules_to_try() if rule not in kept]
        assert all(_fire(rule, fresh) is None for rule in left_out), text
        dropped += len(left_out)
    assert dropped  # the precondition does rule some out


def test_a_partner_need_lists_only_groups_a_lead_index_can_rule_out() -> None:
    rules = cached_rules()
    never = set(DETECTED_GROUPS) | rules.groups_always_searched
    for rule, needs in zip(rules.rules, rules.partner_needs, strict=True):
        assert len(needs) <= len(rule.when) - 1
        for leaves in needs:
            assert leaves and not leaves & never, rule.id


READ_FROM_THE_PROMPT = [trie_regex(ACTION_VERBS), SUBJECT_NOUNS, NEGATION, NEGATION_IDIOMS,
                        QUALITY_SPAM, CAMERA_VAGUE, NIGHT, INDOOR] + [p for _, p in FAMILIES]


def test_spans_read_from_the_lower_cased_copy_are_the_case_insensitive_search(texts) -> None:
    odd = ["KEANU walks, NOT running", "Don'T stop", "a \u212aitten jumps", "\u0130stanbul is lit",
           "the ſun sets; no Rain", "Ein Kätzchen läuft NICHT", "“Never” mind, she WALKS"]
    for pattern in READ_FROM_THE_PROMPT:
        plain = compiled(pattern)
        for text in texts + odd:
            expected = [m.span() for m in plain.finditer(text)]
            assert prompt_spans(pattern, text) == expected, (pattern[:40], text)
            if text.isascii():
                assert prompt_spans(pattern, text, text.lower()) == expected


def test_the_lexicons_read_from_the_prompt_are_case_free() -> None:
    """Else the shortcut would never be taken (the outputs would still be the same)."""
    assert all(case_free(compiled(p).pattern) for p in READ_FROM_THE_PROMPT[:4])


@pytest.mark.parametrize("pattern", ["[A-Z][a-z]+", "Paris", r"\x41b", "(?-i:a)b",
                                     "[\u212a]", "\u017fun", r"\N{LATIN CAPITAL LETTER B}"])
def test_a_pattern_that_reads_case_is_not_case_free(pattern) -> None:
    assert not case_free(pattern)


@pytest.mark.parametrize("pattern", ["[a-z]+ing", r"\bno\b", "(?:a|an) (cat)\\1?",
                                     "[^a-z0-9]+", r"\w+(?=\s)", "(?>ab)c*+", "(x)?(?(1)y|z)"])
def test_a_pattern_of_lower_case_letters_is_case_free(pattern) -> None:
    assert case_free(pattern)


def test_the_case_variants_are_every_non_ascii_match_of_an_ascii_letter() -> None:
    """What `case_free` rests on: outside ASCII, a case-insensitive ASCII letter matches only
    `CASE_VARIANTS`, and lower-casing makes no other character an ASCII one."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))}
    assert found == CASE_VARIANTS
    assert all(not any(ch.isascii() for ch in chr(c).lower()) or chr(c) in CASE_VARIANTS
               for c in range(0x80, 0x110000))


def test_a_table_pattern_is_searched_wherever_it_can_find_something(texts) -> None:
    """`may_find` is a necessary condition: no pattern of the rewrite's tables or the camera
    grammar's phrase scans finds anything in a text it rules out, and the environment anchor
    is the plain first match."""
    tables = [p for p, _ in ENVIRONMENT] + [p for p, *_ in PERSON_WEAR + ANIMAL_LOOK] \
        + [_SEEN_FROM.pattern, _ORIENTED.pattern]
    ruled_out = 0
    for text in texts:
        low = text.lower()
        for pattern in tables:
            if not may_find(re.compile(pattern), low):
                ruled_out += 1
                assert re.search(pattern, low) is None, (pattern, text)
        plain = next((phrases for pattern, phrases in ENVIRONMENT if re.search(pattern, low)), [])
        assert _environment_details(low) == plain
    assert ruled_out


def test_the_grammar_verbs_read_from_the_lower_cased_copy_are_the_same(texts) -> None:
    for rx in (_PROGRESSIVE, _PRONOUN_VERB, _VERB_WITH_OBJECT):
        twin = lower_twin(rx)
        assert twin is not None and not twin.flags & re.IGNORECASE
        for text in texts + ["She IS Making bread", "THEY Runs", "Explaining The idea"]:
            if text.isascii():
                assert [m.span(1) for m in twin.finditer(text.lower())] == \
                    [m.span(1) for m in rx.finditer(text)], text
    assert lower_twin(re.compile("[A-Z]x", re.IGNORECASE)) is None


def test_may_find_does_not_test_a_case_insensitive_pattern() -> None:
    assert may_find(re.compile("beach", re.IGNORECASE), "BEACH")
    assert not may_find(re.compile(r"\b(?:beach|shore)\b"), "a quiet street")
