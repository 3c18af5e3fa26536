"""The shared word pass (critique.text_index.WordRuns): the motion and sound readers look the
prompt's whole words up in their tables instead of scanning the text with one alternation
each, and must find exactly the spans those alternations find."""

from __future__ import annotations

import re

import pytest

from bot.core.critique import analysis as A
from bot.core.critique.text_index import WordRuns, word_runs
from bot.core.knowledge import load_knowledge
from bot.core.regex_pieces import finditer_at

TRICKY = [
    "Her hair whips in the wind; dust kicks up as the horse staggers, slightly swaying.",
    "'Sizzling' bacon, a crackling fire's glow, o'neill's dog-like gait, hair-raising leaps",
    "(graceful leaps) the-quick strides, a  quick bounds; the toddler's clumsy stumble.",
    "Water_fall hair2 hair- -hair 'hair' hair's hairs HAIR, fur\u2019s swirl",
    "夜の街で hair flowing 慢慢地 gently drifts, 少女が slowly walks",
    "the slow his dash. a quick quick leaps bounds",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    kb = load_knowledge()
    gallery = [e.prompt for e in kb.gallery.values()]
    return TRICKY + gallery + [t.lower() for t in TRICKY + gallery]


@pytest.mark.parametrize("joiners, pattern", [("'-", r"[\w'-]+"), ("-", r"[\w-]+")])
def test_words_are_the_runs_the_patterns_delimit(texts, joiners, pattern) -> None:
    run = re.compile(pattern)
    for text in texts:
        assert WordRuns(text, joiners).words == frozenset(run.findall(text)), text


@pytest.mark.parametrize("regex, table", [
    ("_SUBSTANCE_NOUN", "_SUBSTANCE_WORDS"), ("_MANNER_VERB_RE", "_MANNER_VERB_WORDS"),
    ("_SMALL_DEGREE", "_SMALL_DEGREE_WORDS"), ("_MOVEMENT_NOUN_HEAD", "_MOVEMENT_NOUN_HEAD_WORDS")])
def test_table_spans_are_the_alternations_matches(texts, regex, table) -> None:
    found = 0
    for text in texts:
        plain = [m.span() for m in getattr(A, regex).finditer(text)]
        assert word_runs(text).spans(getattr(A, table)) == plain, (regex, text)
        found += bool(plain)
    assert found  # the texts hold words of each table


def test_manner_adverbs_are_the_stem_or_table_adverbs(texts) -> None:
    found = 0
    for text in texts:
        plain = [m.span() for m in A._ADVERB_OR_STEM.finditer(text)
                 if m.group(1) or m.group(0) in A.MANNER_ADVERBS
                 or m.group(0) in A.MANNER_ADVERB_KIN]
        assert A._manner_adverb_spans(text) == plain, text
        found += bool(plain)
    assert found


def test_sound_words_are_the_lower_case_patterns_matches(texts) -> None:
    """`compiled_lower`'s look-arounds let an apostrophe end a word ("'sizzling'")."""
    found = 0
    for text in texts:
        plain = [m.span() for m in A.compiled_lower(A._SOUND_VERBS).finditer(text)] \
            + [m.span() for m in A.compiled_lower(A._SOUND_ADJECTIVES).finditer(text)]
        assert A.sound_verbs(text) == plain, text
        found += bool(plain)
    assert found
    word = min(A._SOUND_VERB_WORDS)
    assert A.sound_verbs(f"'{word}' {word}'s") == [(1, 1 + len(word)), (len(word) + 3,
                                                                       2 * len(word) + 3)]


@pytest.mark.parametrize("regex, table, words_before", [
    ("_ADJECTIVE_BEFORE_MOVEMENT", "_MOVEMENT_NOUN_HEAD_WORDS", 1),
    ("_ONE_MOVEMENT", "_ONE_MOVEMENT_WORDS", 2)])
def test_scans_led_by_a_table_word_find_the_plain_scans_matches(texts, regex, table,
                                                               words_before) -> None:
    pattern = getattr(A, regex)
    found = 0
    for text in texts:
        plain = [m.span() for m in pattern.finditer(text)]
        places = word_runs(text).led_by(getattr(A, table), words_before)
        assert [m.span() for m in finditer_at(pattern, text, places)] == plain, (regex, text)
        found += bool(plain)
    assert found


def test_a_run_holds_no_other_run_of_its_word() -> None:
    runs = WordRuns("hair hairs hair-do 'hair' hair")
    assert runs.starts("hair") == [0, 26]  # "'hair'" is a run of its own, quotes and all
    assert runs.spans(frozenset({"hair", "hairs"})) == [(0, 4), (5, 10), (26, 30)]
    assert WordRuns("'hair' it's", "-").words == frozenset({"hair", "it", "s"})


@pytest.mark.parametrize("regex, leads", [
    ("_WITH_A", "_WITH"), ("_WITH_QUALITY", "_WITH"), ("_WITH_DESCRIBED_ABSTRACT", "_WITH"),
    ("_AT_A", "_AT"), ("_DESCRIBED_MOVEMENT", "_WITH_OR_IN"), ("_IN_A_MANNER", "_IN")])
def test_scans_led_by_a_word_find_the_plain_scans_matches(texts, regex, leads) -> None:
    pattern = getattr(A, regex)
    extra = ["walks with a lurch, with a bounce", "moves with majestic ease with grace",
             "runs at a steady jog", "walks in a hurried, anxious manner", "with-a lurch",
             "swims with powerful strokes in short bursts"]
    found = 0
    for text in texts + extra:
        plain = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in A._led_finditer(pattern, text, getattr(A, leads))] == plain
        found += bool(plain)
    assert found
