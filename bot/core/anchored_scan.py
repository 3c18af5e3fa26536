"""`regex.finditer(text)`, tried only near the literal pieces every match holds.

Why: a Chinese or Japanese cue has no word starts to try it at, and many begin with a window
or a class (`[^、。]{0,10}?(?:着物|浴衣|...)`, `[\u30a1-\u30faー\u4e00-\u9fff]{1,6}の光`) that
SRE tries at every character of the prompt: on a long Japanese prompt these scans were the
biggest single part of its analysis, and most positions are nowhere near the words the cue is
about. Every match contains one of a set of literal strings (`regex_pieces.pieces_as_written`)
and is at most as long as the pattern's widest match (`_reach`): so it begins at most
`reach - shortest piece` characters before a place where one of those strings begins. The
places are found by one search for the pieces (a prefix trie), and the pattern is tried only
at the positions that can reach one, left to right, going on from where each match ends, as
`finditer` does.

Exact: `regex.match(text, i)` is what `finditer` finds when it tries position i (a
look-behind still sees the text before i), every match holds a piece within its reach, and a
match holds at least one character, so no position that could begin a match is skipped.
Patterns whose reach is unbounded or too long, that have no pieces, that fold case, whose
matches SRE's search finds on its own by a literal or charset prefix (`_searched_fast`), or
whose places would cover most of the text are scanned as before.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from bot.core import cached_re as re
from bot.core.regex_pieces import finditer_at, pieces_as_written, pieces_regexes

sre_p: Any = importlib.import_module("re._parser")
"""The regex parser (private, untyped): only its `parse(...).getwidth()` is read."""

REACH_LIMIT = 48
"""A pattern whose widest match is longer than this is scanned whole: the positions around
each piece would be most of a prompt."""
PLACES_PER_CHAR = 1 / 2
"""Up to this many positions to try per character of the text, the pattern is tried at them
one by one; past it the scan of every position costs less than the calls."""
_IGNORECASE = int(re.IGNORECASE)


def anchored_finditer(regex: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """The matches `regex.finditer(text)` finds, the same ones in the same order (a list when
    the pattern was anchored, the iterator otherwise)."""
    anchor = None if regex.flags & _IGNORECASE else _anchor(regex.pattern)
    if anchor is None:
        return regex.finditer(text)
    finder, before = anchor
    places = _places(finder, before, text, int(len(text) * PLACES_PER_CHAR))
    if places is None:
        return regex.finditer(text)
    return finditer_at(regex, text, places)


def _places(finder: re.Pattern[str], before: int, text: str, most: int) -> list[int] | None:
    """Every position from which a match can reach a piece (`finder` finds where each piece
    begins, overlapping ones too), in order; None when there would be more than `most`."""
    places: list[int] = []
    next_free = 0
    search = finder.search
    found = search(text)
    while found is not None:
        at = found.start()
        places.extend(range(max(at - before, next_free), at + 1))
        if len(places) > most:
            return None
        next_free = at + 1
        found = search(text, next_free)
    return places


@lru_cache(maxsize=1024)
def _anchor(pattern: str) -> tuple[re.Pattern[str], int] | None:
    """The search for one set of the pieces every match holds (the most telling set: longest
    shortest string) and how far before a piece's start a match may begin; None when the
    pattern cannot be anchored (no pieces, a reach unknown or past `REACH_LIMIT`) or need not
    be (`_searched_fast`)."""
    if _searched_fast(pattern):
        return None
    pieces = pieces_as_written(f"(?:{pattern})(?s:.)*")  # as `regex_pieces.may_find` reads
    # them: an alternation of words as a whole (`逆光|順光`) gives its words as one set
    reach = _reach(pattern)
    if not pieces or reach is None or reach > REACH_LIMIT:
        return None
    best = max(pieces, key=lambda strings: min(map(len, strings)))
    return pieces_regexes((best,))[0], reach - min(map(len, best))


def _searched_fast(pattern: str) -> bool:
    """Whether SRE's own search skips ahead for this pattern: every match begins with a
    literal or one of a set of characters its compiler reads off the pattern (`逆光|順光`,
    `(?:女性|男性|...)`), so a search jumps over the other positions in C. Tried in Python at
    the places around its pieces, such a pattern cost more than the search (twice as much for
    the Japanese verb list); the anchoring pays where the search has no prefix: a window, a
    wide class, a look-around or a group first. Kept across processes (a parse)."""
    return bool(re.remembered("anchored_scan:sre_prefix", pattern, _has_sre_prefix))


def _has_sre_prefix(pattern: str) -> bool:
    """What `re._compiler._compile_info` finds for `pattern`: a literal prefix or, failing
    that, a charset prefix (private functions of the compiler; anything unexpected reads as a
    prefix, so the pattern is searched as before)."""
    try:
        compiler: Any = importlib.import_module("re._compiler")
        parsed = sre_p.parse(pattern)
        prefix = compiler._get_literal_prefix(parsed, 0)[0]
        return bool(prefix) or compiler._get_charset_prefix(parsed, 0) is not None
    except Exception:  # noqa: BLE001 - a compiler whose private functions moved
        return True


def _reach(pattern: str) -> int | None:
    """The most characters one match of `pattern` can take (look-arounds take none), or None
    when unbounded or the pattern is a shape the parser's width does not know. Kept across
    processes (a parse)."""
    return re.remembered("anchored_scan:reach", pattern, _widest)


def _widest(pattern: str) -> int | None:
    try:
        parsed: Any = sre_p.parse(pattern)
        widest = int(parsed.getwidth()[1])
    except Exception:  # noqa: BLE001 - a shape the parser's internals do not expect: unknown
        return None
    return widest if widest < REACH_LIMIT * 1000 else None
