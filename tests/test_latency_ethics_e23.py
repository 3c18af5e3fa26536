"""Session 23's shortcuts in the quick ethics check answer exactly what the plain work answers:
the Spanish cue of an ASCII prompt read from its words found once, the people's and the
characters' indexes reading only the words some name begins with, the capital-pair scan
skipped where no small letter, space and capital stand in a row, and the rules a partner of
which can have no hit dropped by testing each need once."""

from __future__ import annotations

import random

import pytest

from bot.core.ethics import _Scan, cached_rules
from bot.core.ethics import rules as rules_module
from bot.core.ethics.rules import (
    _ASCII_WORD,
    _CAP_PAIR,
    _SPANISH_ACCENT,
    _SPANISH_ENDINGS,
    _SPANISH_SUFFIXED,
    _SPANISH_WORDS,
    _WHOLE_WORD,
    _WORDS,
    NameIndex,
    _may_have_cap_pair,
    looks_spanish,
)
from tests.test_latency_paths import _concerns

SEED = ["A cat jumps on the table", "Man walking down street, 4K",
        "make Taylor Swift say she is retiring", "Keanu Reeves acariciando a un perro",
        "de la playa, con el perro y los niños", "de la mode en route: la casa",
        "the commented, tormented and implemented moment", "Dr. Jane Porter endorses it",
        "a parody of Pedro Sánchez", "İstanbul at night, Élan Vital speaks", "don't stop, T-Pain",
        "The Rock and Mr. T at the other cup", "Σίσυφος Ωmega says hi", "x_y 2xmente _mente",
        "Lady Gaga走在红毯上", "put my boss's face on a body", "Coach D. yelling at Priya from 3B"]


@pytest.fixture(scope="module")
def texts(kb) -> list[str]:
    """The seed and gallery prompts, upper-cased and title-cased too, and word salads of
    their words with marks and other whitespace between."""
    prompts = SEED + [e.prompt for e in kb.gallery.values()]
    words = [w for p in prompts for w in p.split()] + ["de", "la", "Ando", "lentamente", "t"]
    rng = random.Random(20261130)
    joins = [" ", " ", ", ", "-", "'", "\n", ".", ": ", "\u00a0", "_", "2"]
    salads = ["".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 40)))
              for _ in range(600)]
    variants = [p.upper() for p in prompts] + [p.title() for p in prompts]
    return prompts + variants + salads


def _plain_looks_spanish(text: str) -> bool:
    """`looks_spanish` as it was: every word lower-cased and tested in a loop."""
    if _SPANISH_ACCENT.search(text):
        return True
    hits = 0
    for word in _WHOLE_WORD.findall(text):
        low = word.lower()
        if low in _SPANISH_WORDS or (low.endswith(_SPANISH_ENDINGS)
                                     and _SPANISH_SUFFIXED.fullmatch(low)):
            hits += 1
    return hits >= 3


def test_the_spanish_cue_is_the_plain_one(texts) -> None:
    rules = cached_rules()
    spanish = 0
    for text in texts:
        plain = _plain_looks_spanish(text)
        assert looks_spanish(text) == plain, text
        scan = _Scan(text, rules)
        assert scan.spanish == _plain_looks_spanish(scan.text), text
        spanish += plain
    assert spanish  # some do look Spanish: both answers are exercised


def test_an_ascii_text_has_the_same_words_under_each_word_pattern(texts) -> None:
    for text in texts:
        if text.isascii():
            low = text.lower()
            assert _ASCII_WORD.findall(low) == _WORDS.findall(low) == _WHOLE_WORD.findall(low)
            assert [w.lower() for w in _WHOLE_WORD.findall(text)] == _ASCII_WORD.findall(low)


def test_the_name_indexes_find_the_same_names_from_the_kept_words(texts) -> None:
    rules = cached_rules()
    people, _ = rules.people_index
    indexes = (people, rules.characters_index)
    found = 0
    for text in texts + [f"{a} {b}" for a, b in zip(SEED, reversed(SEED), strict=True)]:
        scan = _Scan(text, rules)
        every = NameIndex.words(scan.text.lower())
        if scan.ascii_lower is not None:
            assert scan.name_words == [w for w in every if w[2] in rules.name_first_words]
        for index in indexes:
            names = index.find(scan.text, scan.name_words)
            assert names == index.find(scan.text, every) == index.find(scan.text), text
            found += bool(names)
    assert found  # names are found: the kept words are the ones that matter


def test_a_one_letter_first_word_reads_the_words_one_by_one() -> None:
    rules = cached_rules()
    text = "don't tell the other t at the theatre"
    scan = _Scan(text, rules)
    every = NameIndex.words(text)
    assert scan.name_words == [w for w in every if w[2] in rules.name_first_words]
    assert ("the" in rules.name_first_words) == any(w[2] == "the" for w in scan.name_words)


def test_a_capital_pair_is_never_skipped(texts) -> None:
    rng = random.Random(7)
    pieces = ["Jane", "porter", "Porter", "É", "Élan", "ß", "x", "Dr.", "Mr", "A", "b2",
              "Ab-Cd", "ÿ", "Σίσυφος", "Ωmega", "İstanbul", "\u01c5a", "-", ".", "'", "\n"]
    salads = [rng.choice(["", " ", " ", "\n"]).join(rng.choice(pieces)
                                                     for _ in range(rng.randint(1, 6)))
              for _ in range(20000)]
    skipped = 0
    for text in texts + salads:
        if not _may_have_cap_pair(text):
            assert _CAP_PAIR.search(text) is None, text
            skipped += 1
    assert skipped  # the test does skip texts


def test_possible_names_are_the_same_with_the_pair_test(texts, monkeypatch) -> None:
    rules = cached_rules()
    found = {text: [(h.start, h.end) for h in _Scan(text, rules).hits("possible_name")]
             for text in texts[:300] + SEED}
    monkeypatch.setattr(rules_module, "_may_have_cap_pair", lambda text: True)
    for text, names in found.items():
        assert [(h.start, h.end) for h in _Scan(text, rules).hits("possible_name")] == names
    assert any(found.values())


def test_rules_worth_firing_is_each_rule_tested_against_its_needs(texts) -> None:
    """The needs tested once each (`EthicsRules.rules_by_partner_need`) keep the rules the
    per-rule test keeps, in the same order, and those fire as every rule does."""
    rules = cached_rules()
    for text in texts[:400]:
        scan = _Scan(text, rules)
        tried = scan.rules_to_try()
        kept = scan.rules_worth_firing()
        if scan.aligned and not scan.has_cjk:
            live, needs, index = scan.live_groups, rules.partner_needs, rules.rule_index
            assert kept == [rule for rule in tried if all(
                not leaves.isdisjoint(live) for leaves in needs[index[id(rule)]])], text
        assert _concerns(scan, kept) == _concerns(_Scan(text, rules), rules.rules), text


def test_each_need_lists_the_rules_that_have_it() -> None:
    rules = cached_rules()
    by_need = dict(rules.rules_by_partner_need)
    assert len(by_need) == len(rules.rules_by_partner_need)
    for i, needs in enumerate(rules.partner_needs):
        for need in needs:
            assert i in by_need[need]
    assert sum(map(len, by_need.values())) == sum(len(set(n)) for n in rules.partner_needs)
