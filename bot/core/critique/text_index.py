"""Per-text indexes that the analysis readers share, built once per prompt.

Many readers ask about the words just before a match ("the clause that ends here", "the
three words before this noun"). Asked by slicing the prompt up to the match and scanning it
again, each question costs the length of the prompt, and a long prompt with many matches
costs its length squared (4,000 characters of "a cat and " took forty times the time of 400).
These indexes scan the text once, cache the result for the few texts a critique looks at, and
answer each question with a binary search: the same answers, in time linear in the prompt.

A leaf module: it imports nothing of the critique, so every analyzer can use it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from bot.core import cached_re as re

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
"""A word of an English prompt, as the analysis reads them."""


class WordIndex:
    """The matches of `WORD` over one text, left to right, and where each starts."""

    __slots__ = ("matches", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.matches: list[re.Match[str]] = list(WORD.finditer(text))
        self.starts: list[int] = [m.start() for m in self.matches]

    def before(self, at: int, count: int) -> list[re.Match[str]]:
        """The last `count` words of `text[:at]`, exactly as `WORD.finditer(text[:at])` finds
        them: a word that `at` cuts is cut there too ("slow" of "slowly" at its "l")."""
        i = bisect_left(self.starts, at)  # the words that start before `at`
        words = self.matches[max(0, i - count):i]
        if words and words[-1].end() > at:
            cut = WORD.match(self.text, words[-1].start(), at)
            assert cut is not None  # it starts with a letter, before `at`
            words[-1] = cut
        return words


@lru_cache(maxsize=16)
def word_index(text: str) -> WordIndex:
    """The `WordIndex` of a text. Cached: the readers of one critique ask about one prompt (and
    its lower-cased copy) many times."""
    return WordIndex(text)


class BreakIndex:
    """Where the matches of a break pattern (punctuation, clause words) end, over one text."""

    __slots__ = ("ends",)

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.ends: list[int] = [m.end() for m in pattern.finditer(text)]

    def last_end(self, at: int) -> int:
        """The end of the last match that ends at or before `at`, or 0 when none does: where
        the clause that runs to `at` begins. The same as the last match of
        `pattern.finditer(text, 0, at)` for a pattern whose matches do not depend on what
        follows them (a character class, or words that end at a word boundary when the
        caller checks a word cut at `at` itself)."""
        i = bisect_right(self.ends, at)
        return self.ends[i - 1] if i else 0


@lru_cache(maxsize=32)
def break_index(pattern: re.Pattern[str], text: str) -> BreakIndex:
    """The `BreakIndex` of a pattern over a text, cached like `word_index`."""
    return BreakIndex(pattern, text)
