"""The shared per-text and per-span-list indexes (critique.text_index, critique.claims) answer
exactly what the scans they replace answered: checked against those scans on random texts and
span lists, edge cases (a word cut by the offset, empty spans, equal starts) included."""

from __future__ import annotations

import random
import re

from bot.core.critique.claims import (
    Bounds,
    Disjoint,
    Offsets,
    _keep_longest,
    _overlaps,
    make_span,
)
from bot.core.critique.text_index import WORD, break_index, word_index

_BREAK = re.compile(r"[,.;]")
_TOKENS = ["a", "cat", "slowly", "x-ray", "cat's", "é", "1", " ", " ", ", ", ".", "\n", "-"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_TOKENS) for _ in range(rng.randint(0, 25))) for _ in range(count)]


def test_words_before_an_offset_are_those_of_the_text_cut_there() -> None:
    for text in _texts(1, 400):
        index = word_index(text)
        for at in range(len(text) + 1):
            expected = [(m.start(), m.group(0)) for m in WORD.finditer(text[:at])][-4:]
            assert [(m.start(), m.group(0)) for m in index.before(at, 4)] == expected


def test_a_word_cut_by_the_offset_is_cut_in_the_answer() -> None:
    words = word_index("the cat slowly turns").before(11, 2)
    assert [w.group(0) for w in words] == ["cat", "slo"]


def test_clause_start_is_after_the_last_break_before_the_offset() -> None:
    for text in _texts(2, 400):
        index = break_index(_BREAK, text)
        for at in range(len(text) + 1):
            expected = max((m.end() for m in _BREAK.finditer(text, 0, at)), default=0)
            assert index.last_end(at) == expected


def _ranges(rng: random.Random) -> list[tuple[int, int]]:
    out = []  # past Bounds.SCAN_UP_TO ranges too, where it sorts them
    for _ in range(rng.randint(0, 20)):
        start = rng.randint(0, 15)
        out.append((start, start + rng.choice([0, 1, 2, 4, 7])))
    return out


def test_bounds_answer_as_any_over_the_ranges() -> None:
    rng = random.Random(3)
    for _ in range(2000):
        ranges = _ranges(rng)
        bounds = Bounds(ranges)
        for start in range(18):
            for end in range(start, start + 6):
                assert bounds.overlaps(start, end) == any(a < end and start < b for a, b in ranges)
                assert bounds.covers(start, end) == any(a <= start and end <= b for a, b in ranges)


def test_disjoint_answers_as_any_over_what_was_added() -> None:
    rng = random.Random(4)
    for _ in range(2000):
        taken: list[tuple[int, int]] = []
        disjoint = Disjoint()
        for start, end in _ranges(rng):
            expected = any(a < end and start < b for a, b in taken)
            assert disjoint.overlaps(start, end) == expected
            if not expected:
                disjoint.add(start, end)
                taken.append((start, end))


def test_offsets_within_a_range() -> None:
    offsets = Offsets([7, 3, 3, 10])
    assert offsets.within(3, 8) == [3, 3, 7]
    assert offsets.any_within(8, 10) is False
    assert offsets.any_within(8, 11) is True


def test_keep_longest_keeps_what_the_pairwise_scan_kept() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        spans = [(make_span(a, b, "x" * (b - a), str(i), rng.choice([0.5, 1.0])), None)
                 for i, (a, b) in enumerate(_ranges(rng))]
        ordered = sorted(spans, key=lambda sm: (-(sm[0].end - sm[0].start), -sm[0].strength))
        kept: list[tuple[object, None]] = []
        for span, move in ordered:
            if not any(_overlaps(span, k) for k, _ in kept):  # type: ignore[arg-type]
                kept.append((span, move))
        expected = [s.cue for s, _ in sorted(kept, key=lambda sm: sm[0].start)]  # type: ignore[attr-defined]
        assert [s.cue for s, _ in _keep_longest(spans)] == expected


def test_blanked_makes_spaces_of_the_ranges_as_the_per_character_scan() -> None:
    from bot.core.retrieval.similar import _blanked

    rng = random.Random(6)
    for text in _texts(7, 300):
        ranges = [(rng.randint(-2, len(text) + 2), rng.randint(-2, len(text) + 3))
                  for _ in range(rng.randint(0, 5))]
        expected = "".join(" " if any(a <= i < b for a, b in ranges) else ch
                           for i, ch in enumerate(text))
        assert _blanked(text, ranges) == expected
