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


_RUN = re.compile(r"[\w'-]+")
r"""A whole word as the analysis' whole-word patterns delimit one (`(?<![\w'-])...(?![\w'-])`):
a run of word characters, apostrophes and hyphens."""
_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_APART = str.maketrans({chr(i): " " for i in range(128)
                        if chr(i) not in _ASCII_WORD_CHARS and chr(i) not in "'-"})
"""For an ASCII text (whose word characters are `_ASCII_WORD_CHARS`), every other character
but "'" and "-" made a space: its runs are then what `str.split` returns, in C, at a sixth
of the cost of `_RUN.findall` (a match object per word)."""


class WordRuns:
    r"""The whole words (`_RUN`) of one lower-cased text, as a set, and where each is found.

    Why: the manner and physics readers each looked for the words of their own table (the
    substances, the manner verbs, the degree adverbs ...) with one big alternation run over
    the whole text, tried at every word of it. The text's words, found once as a set, tell in
    one set intersection which words of a table it holds (most tables: none or a few), and
    `str.find` where they are. Exact: a pattern `(?<![\w'-])(?:<table>)(?![\w'-])` matches
    exactly the runs that are words of the table, which is what `spans` lists."""

    __slots__ = ("_at", "joiners", "text", "words")

    def __init__(self, text: str, joiners: str = "'-") -> None:
        r"""`joiners`: the characters besides the word characters that a run holds: "'-" for
        the analysis' own patterns; "-" for `compiled_lower`'s (`(?<![\w-])...(?![\w-])`),
        whose words an apostrophe ends."""
        self.text = text
        self.joiners = "_" + joiners
        if joiners == "'-":
            self.words: frozenset[str] = frozenset(
                text.translate(_APART).split() if text.isascii() else _RUN.findall(text))
        else:  # "-": the runs of "'-" cut at their apostrophes, where the text has any
            words = word_runs(text).words
            if "'" in text:
                cut = [w for w in words if "'" in w]
                words = words.difference(cut).union(
                    piece for w in cut for piece in w.split("'") if piece)
            self.words = words
        self._at: dict[str, list[int]] = {}

    def starts(self, word: str) -> list[int]:
        """Where `word`, one of `words`, stands as a whole run, in order (remembered). A run
        of the word's own characters holds no other whole run of it, so the search goes on
        from each one's end."""
        found = self._at.get(word)
        if found is None:
            text, joiners, size, found = self.text, self.joiners, len(word), []
            at = text.find(word)
            while at >= 0:
                end = at + size
                if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in joiners)) \
                        and (end == len(text)
                             or not (text[end].isalnum() or text[end] in joiners)):
                    found.append(at)
                at = text.find(word, end)
            self._at[word] = found
        return found

    def places(self, table: frozenset[str]) -> list[int]:
        """Where the text's whole words that are in `table` begin, in order."""
        return [at for at, _ in self.spans(table)]

    def run_start(self, end: int) -> int:
        """Where the run that ends at `end` begins (`end` itself when none does)."""
        text, joiners, at = self.text, self.joiners, end
        while at > 0 and (text[at - 1].isalnum() or text[at - 1] in joiners):
            at -= 1
        return at

    def led_by(self, table: frozenset[str], words_before: int) -> list[int]:
        """Where `words_before` whole runs, each followed by one space, begin before a word
        of `table` (`spans`), in order: the only places a whole-word pattern of that shape
        ("<word> <word> <table word>") can match."""
        places = set()
        text = self.text
        for at, _ in self.spans(table):
            for _ in range(words_before):
                if at < 2 or text[at - 1] != " ":
                    break
                start = self.run_start(at - 1)
                if start == at - 1:
                    break
                at = start
            else:
                places.add(at)
        return sorted(places)

    def spans(self, table: frozenset[str]) -> list[tuple[int, int]]:
        """The spans of the text's whole words that are in `table`, in order: the matches of
        a whole-word pattern of the table's (lower-case) words."""
        hits = self.words & table
        if not hits:
            return []
        found = [(at, at + len(word)) for word in hits for at in self.starts(word)]
        if len(found) > 1:
            found.sort()
        return found


@lru_cache(maxsize=16)
def word_runs(text: str, joiners: str = "'-") -> WordRuns:
    """The `WordRuns` of a text, cached like `word_index`: the readers of one critique ask
    about the same lower-cased prompt."""
    return WordRuns(text, joiners)
