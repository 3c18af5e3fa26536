"""Literal pieces every match of a pattern must contain: a cheap test that a term can't match.

A term whose first characters can't be said (`[a-z]+ (?:customs|handling) fee`, `\\d+ ?%
(?:daily|weekly) returns?`) can begin anywhere, so the scan searches it over the whole prompt.
Most prompts don't contain " fee" or "returns" at all; `required_pieces` says which literal
strings a match must contain (one of each set), so the search is skipped when a set has none
in the prompt. Read from the regex parser's tree, so it is exact about what it keeps: it
only ever drops a piece it can't vouch for, never adds one.

Used by the ethics scan (`ethics.rules`, its loose terms) and the critique (`critique.analysis`,
components whose regex can begin anywhere): a leaf module of the core, so neither package
imports the other (it was `ethics/anchors.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from bot.core import cached_re as re

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_p
except ImportError:  # pragma: no cover
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse as sre_p  # type: ignore[no-redef]

Pieces = tuple[tuple[str, ...], ...]
"""Sets of strings: a match contains at least one string of every set."""

EXACT_LIMIT = 256
"""At most this many spellings are followed through a sequence before it is cut there."""
CLASS_LIMIT = 16
"""A character class of more characters than this is read as unknown."""
_ZERO_WIDTH = {sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT}
_REPEATS = {sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)}


def required_pieces(pattern: str, fold: Callable[[str], str]) -> Pieces:
    """Sets of literal strings, passed through `fold` (how the caller lower-cases the text it
    tests), such that every match of `pattern` (case-insensitive) contains one string of each
    set; () when nothing can be said. Kept across processes (cached_re.remembered)."""
    return re.remembered("required_pieces", pattern,  # type: ignore[no-any-return]
                         lambda p: _required_pieces(p, fold))


def pieces_as_written(pattern: str) -> Pieces:
    """`required_pieces` of a pattern matched case-sensitively (on text its caller lower-cased
    itself, as the critique's component regexes are): the literal strings as written, with no
    folding, so a test finds them exactly where the pattern could match."""
    return re.remembered("required_pieces:as-written", pattern,  # type: ignore[no-any-return]
                         lambda p: _required_pieces(p, _as_written))


def _as_written(text: str) -> str:
    return text


def _required_pieces(pattern: str, fold: Callable[[str], str]) -> Pieces:
    try:
        items = list(sre_p.parse(pattern, re.IGNORECASE))
    except Exception:  # noqa: BLE001 - a shape the parser's internals do not expect: no pieces
        return ()
    found: list[frozenset[str]] = []
    _sequence(items, found)
    kept = {frozenset(fold(s) for s in pieces) for pieces in found}
    return tuple(sorted(tuple(sorted(p)) for p in kept if p and "" not in p))


def _sequence(items: list[Any], found: list[frozenset[str]]) -> frozenset[str] | None:
    """The strings a sequence matches exactly (None when too many or unbounded); appends to
    `found` the sets its pieces require (each a mandatory stretch of the sequence)."""
    current: frozenset[str] | None = frozenset({""})
    whole = True
    for op, av in items:
        exact = _item(op, av, found)
        if exact is not None and current is not None \
                and len(current) * len(exact) <= EXACT_LIMIT:
            current = frozenset(a + b for a in current for b in exact)
            continue
        whole = False
        if current is not None:
            found.append(current)
        current = exact
    if current is not None and not whole:
        found.append(current)
    return current if whole else None


def _item(op: Any, av: Any, found: list[frozenset[str]]) -> frozenset[str] | None:
    if op is sre_c.LITERAL:
        return frozenset({chr(av)})
    if op in _ZERO_WIDTH:
        return frozenset({""})
    if op is sre_c.SUBPATTERN:
        return _sequence(list(av[-1]), found)
    if op is getattr(sre_c, "ATOMIC_GROUP", None):
        return _sequence(list(av), found)
    if op is sre_c.BRANCH:
        return _branch(av[1], found)
    if op is sre_c.IN:
        return _class(av)
    if op in _REPEATS:
        lo, hi, body = av
        inner: list[frozenset[str]] = []
        exact = _sequence(list(body), inner)
        if lo >= 1:  # the body is there at least once: what it requires, the whole requires
            found.extend(inner)
            if exact is not None:
                found.append(exact)
            return exact if hi == 1 else None
        if hi == 1 and exact is not None:
            return exact | {""}
        return None
    return None  # a wildcard, a category, a negated literal, a back-reference: unknown


def _branch(alternatives: list[Any], found: list[frozenset[str]]) -> frozenset[str] | None:
    """Exact strings of an alternation when every alternative has them; otherwise, when every
    alternative requires something, the union of one required set per alternative."""
    exact: set[str] = set()
    required: set[str] = set()
    all_exact = all_required = True
    for alternative in alternatives:
        inner: list[frozenset[str]] = []
        strings = _sequence(list(alternative), inner)
        if strings is None:
            all_exact = False
            candidates = [s for s in inner if "" not in s]
            if not candidates:
                all_required = False
                continue
            strings = max(candidates, key=lambda s: (min(map(len, s)), -len(s)))
        exact |= strings
        required |= strings
        if "" in strings:
            all_required = False
    if all_exact and len(exact) <= EXACT_LIMIT:
        return frozenset(exact)
    if all_required:
        found.append(frozenset(required))
    return None


def class_chars(items: list[Any], range_limit: int) -> frozenset[str] | None:
    """The characters a parsed class `[...]` matches, or None when they can't be listed (a
    negated class, a category, a range of `range_limit` characters or more). Shared by the
    ethics pieces and the critique's dispatch, which differ only in how much they will list."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre_c.LITERAL:
            chars.add(chr(av))
        elif op is sre_c.RANGE and av[1] - av[0] < range_limit:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return frozenset(chars)


def _class(items: list[Any]) -> frozenset[str] | None:
    chars = class_chars(items, CLASS_LIMIT)
    return chars if chars is not None and len(chars) <= CLASS_LIMIT else None


def pieces_regexes(pieces: Pieces) -> list[re.Pattern[str]]:
    """One regex per set of `pieces` (a prefix trie of its strings, on text already folded):
    the term can match only if each of them finds something. The most telling sets (longest
    shortest string) come first, so an absent one ends the test early."""
    ordered = sorted(pieces, key=lambda strings: -min(map(len, strings)))
    return [re.compile(_trie(strings)) for strings in ordered]


def _trie(strings: tuple[str, ...]) -> str:
    root: dict[str, Any] = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        if "" in node:  # a shorter string already ends here: enough for a search
            return ""
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(root)


_IGNORECASE = int(re.IGNORECASE)
"""The flag as a plain int: `int & re.IGNORECASE` builds a `RegexFlag` through the enum
machinery on every call (a microsecond; `may_find` is asked about a thousand times per long
Japanese prompt's critique), `int & int` does not."""


def may_find(regex: re.Pattern[str], text: str) -> bool:
    """Whether `regex.search(text)` can find anything, by the piece tests (`pieces_regexes`) of
    the literal pieces every match holds (`pieces_as_written`): False only where the search
    would find nothing, so a scan of every position is skipped for the many patterns whose
    words most prompts lack. A case-insensitive regex is not tested (True)."""
    if regex.flags & _IGNORECASE:
        return True
    return all(test.search(text) for test in _whole_piece_tests(regex.pattern))


@lru_cache(maxsize=512)
def _whole_piece_tests(pattern: str) -> list[re.Pattern[str]]:
    """`pieces_regexes` of `pieces_as_written` of the pattern followed by anything: the same
    matches begin the same, and a pattern that is a list of words as a whole
    (`\\b(?:beach|shore)\\b`), of which `pieces_as_written` keeps no set, gives its words as one."""
    return pieces_regexes(pieces_as_written(f"(?:{pattern})(?s:.)*"))


BLANK_RUN = " " * 8
"""A run of spaces this long marks a blanked text: a Chinese or Japanese prompt whose English
words are read with every other character made a space, offsets kept
(`critique.native._english_spans`). An English prompt hardly ever has one."""


def finditer_blanked(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`regex.finditer(text)`; on a blanked text (`BLANK_RUN`), only where `may_find` says
    the regex can match at all. A pattern that opens with a look-behind (`(?<![\\w'-])`) is
    tried by SRE at every position, and every blank of such a text may begin a word: on the
    few English words of a long Japanese prompt, a scan cost as much as on an English prompt
    three times as long, and found nothing (a handful of trie searches says so). Elsewhere
    the scan runs as it did: the tests would seldom rule it out there. Exact either way:
    `may_find` is False only where the search finds nothing."""
    if BLANK_RUN in text and not may_find(regex, text):
        return iter(())
    return iter(word_led_finditer(regex, text))


def search_blanked(regex: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`regex.search(text)`, by `finditer_blanked`'s test."""
    if BLANK_RUN in text and not may_find(regex, text):
        return None
    return word_led_search(regex, text)


def finditer_found(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`regex.finditer(text)` where `may_find` allows a match, else nothing: for a scan whose
    literal pieces most prompts lack even when the cheap word test before it passes (" as ",
    " and ", "ly" let most prompts through; "as light as", "more and more", "slightly" are
    rare), a few trie searches instead of the pattern tried at every position."""
    return iter(word_led_finditer(regex, text)) if may_find(regex, text) else iter(())


WORD_LED = ("(?<![\\w-])", "(?<![\\w'-])")
"""The look-behinds that open the whole-word patterns of the critique and the ethics scan:
no word character or joiner before the match."""


@lru_cache(maxsize=1024)
def _separator_search(pattern: str, flags: int, ascii_text: bool) -> re.Pattern[str] | None:
    """For a pattern `(?<![\\w-])X` (a `WORD_LED` look-behind, then all the rest), the search
    `[^\\w-](?=X)`: it finds the character before each place past the text's start where the
    pattern matches. On an ASCII text (`ascii_text`) the class lists the word characters
    (`[^A-Za-z0-9_-]`, the same characters there), which SRE tests in half the steps of
    its Unicode word category. None for any other pattern.

    Why: SRE finds no first character to skip ahead to in a pattern that opens with a
    look-behind, so its search runs the look-behind at every character of the text (about
    270 instructions a character, most of a whole-word scan of an English prompt that finds
    little). Led by a class instead, the search skips in C to the spaces and punctuation the
    class lets through (a sixth of the characters) and tries X only there."""
    for lead in WORD_LED:
        if pattern.startswith(lead) and _led(pattern):
            joiners = lead[len("(?<![\\w"):-2]
            word = "A-Za-z0-9_" if ascii_text else "\\w"
            return re.compile("[^" + word + joiners + "](?=" + pattern[len(lead):] + ")", flags)
    return None


def _led(pattern: str) -> bool:
    """Whether the whole of `pattern` follows its opening look-behind: no top-level "|" puts
    an alternative outside it (kept across processes: a parse)."""
    return bool(re.remembered("regex_pieces:word_led", pattern, _parsed_led))


def _parsed_led(pattern: str) -> bool:
    try:
        first = sre_p.parse(pattern).data[0]
        return first[0] is sre_c.ASSERT_NOT and first[1][0] == -1
    except Exception:  # noqa: BLE001 - a shape the parser's internals do not expect
        return False


def _never_empty(pattern: str) -> bool:
    """Whether every match of `pattern` holds a character (kept across processes: a parse)."""
    return bool(re.remembered("regex_pieces:never_empty", pattern, _least_width_positive))


def _least_width_positive(pattern: str) -> bool:
    try:
        return int(sre_p.parse(pattern).getwidth()[0]) > 0
    except Exception:  # noqa: BLE001 - a shape the parser's internals do not expect
        return False


_UNASKED: Any = object()
"""A slot of `_reading_of`'s entry not yet asked for."""
_READINGS: dict[int, list[Any]] = {}
"""What the word-led scans know of each regex they are given, by the regex object's `id`
(`_reading_of`)."""
_READINGS_LIMIT = 4096


def _reading_of(regex: re.Pattern[str]) -> list[Any]:
    """[regex, `_never_empty` of its pattern, its `_separator_search` on an ASCII text, on
    another], each `_UNASKED` until first asked, kept per regex object.

    Why: `_separator_search` (an lru_cache) and `_never_empty` (`cached_re.remembered`) are
    keyed by the pattern's text, and a lookup compares that text with the stored key's, a
    different string object with the same characters (from the cache file, or from the first
    caller): the component regexes run to 18,000 characters, and the two lookups of one
    scan compared tens of kilobytes (a twentieth of a long prompt's component scans,
    measured in process). The regex object is the same at every call, so its `id` finds the
    entry, and the entry holds the regex, so the id can't be reused while it is kept. Keyed
    by the pattern only, never by a text."""
    entry = _READINGS.get(id(regex))
    if entry is None or entry[0] is not regex:
        if len(_READINGS) >= _READINGS_LIMIT:
            _READINGS.clear()
        entry = [regex, _UNASKED, _UNASKED, _UNASKED]
        _READINGS[id(regex)] = entry
    return entry


def _never_empty_of(regex: re.Pattern[str]) -> bool:
    """`_never_empty(regex.pattern)`, kept per regex object (`_reading_of`)."""
    entry = _reading_of(regex)
    if entry[1] is _UNASKED:
        entry[1] = _never_empty(regex.pattern)
    return bool(entry[1])


def _separator_of(regex: re.Pattern[str], ascii_text: bool) -> re.Pattern[str] | None:
    """`_separator_search(regex.pattern, regex.flags, ascii_text)`, kept per regex object
    (`_reading_of`)."""
    entry = _reading_of(regex)
    slot = 2 if ascii_text else 3
    if entry[slot] is _UNASKED:
        entry[slot] = _separator_search(regex.pattern, regex.flags, ascii_text)
    return entry[slot]  # type: ignore[no-any-return]


def word_led_places(regex: re.Pattern[str], text: str) -> list[int] | None:
    """Every position where `regex.match(text, position)` finds a match, in order, for a
    `WORD_LED` pattern (`_separator_search`); None for another pattern. Positions inside an
    earlier match are listed too: `word_led_finditer` passes over them as `finditer` does."""
    separator = _separator_of(regex, text.isascii())
    if separator is None:
        return None
    places = [m.end() for m in separator.finditer(text)]
    if text and regex.match(text, 0) is not None:
        places.insert(0, 0)
    return places


def word_led_finditer(regex: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """The matches of `regex.finditer(text)`, the same in the same order: for a `WORD_LED`
    pattern, tried only where it matches (`word_led_places`, found by one class-led search),
    going on from where each match ends; other patterns are scanned as before. Exact: the
    places are every position where a match begins, and a match is never empty, so trying
    them left to right past each match's end is what `finditer` does."""
    places = word_led_places(regex, text) if _never_empty_of(regex) else None
    return regex.finditer(text) if places is None else finditer_at(regex, text, places)


def word_led_search(regex: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`regex.search(text)`, for a `WORD_LED` pattern by its class-led search
    (`_separator_search`): the first place it lets through is where the search's match
    begins."""
    if not text:
        return regex.search(text)
    separator = _separator_of(regex, text.isascii())
    if separator is None:
        return regex.search(text)
    first = regex.match(text, 0)
    if first is not None:
        return first
    place = separator.search(text)
    return None if place is None else regex.match(text, place.end())


def finditer_at(regex: re.Pattern[str], text: str, places: list[int]) -> list[re.Match[str]]:
    """`regex.finditer(text)` as a list, for a pattern whose every match is non-empty and
    begins at one of `places` (in order): each place is tried unless a match found before
    already covers it, and trying on from where each match ends gives the rest. Shared by the
    word-start scans (`critique.dispatch.WordStarts`) and the CJK anchored scans
    (`bot.core.anchored_scan`)."""
    match, out, end = regex.match, [], 0
    for i in places:
        if i < end:
            continue
        m = match(text, i)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


# --- patterns that read the same on a lower-cased ASCII text ---------------------------------
# (moved from `critique.dispatch`, so the ethics scan can use them without importing critique)

CASE_VARIANTS = frozenset("\u0130\u0131\u017f\u212a")
"""The characters outside ASCII that an ASCII letter matches case-insensitively (İ, ı, ſ and
the Kelvin sign K): a pattern holding one may match an ASCII text where its lower-cased copy
would not."""

_ASCII_PARTNERS = {v: frozenset(c.lower() for c in v.lower() + v.upper() if c.isascii())
                   for v in CASE_VARIANTS}
"""The lower-case ASCII letter each of `CASE_VARIANTS` matches case-insensitively."""


def case_free(pattern: str) -> bool:
    """Whether `pattern`, compiled without IGNORECASE and run on an ASCII text lower-cased,
    finds what it finds compiled with IGNORECASE on the text itself: no literal, class member
    or range that lower-casing changes (an upper-case letter, written or escaped), none of
    `CASE_VARIANTS`, no inline flag that turns the case-insensitivity on or off, nothing the
    check does not know. Letters, digits, `\\w`, `\\s` and `\\b` read the same in an ASCII text
    and its lower-cased copy, which has the same offsets. Kept across processes (parsing a
    lexicon's pattern is pure Python)."""
    return bool(re.remembered("case_free", pattern, _case_free))


def case_free_closed_classes(pattern: str) -> bool:
    """`case_free`, also where a character class holds members lower-casing changes, so long
    as each upper-case ASCII letter in it has its lower-case letter in it too and each of
    `CASE_VARIANTS` in it its ASCII partner (the ethics word boundary, `[0-9A-Za-z_À-ɏ]`): on
    an ASCII text such a class takes a letter in either case exactly when it holds the
    lower-case one, and its other members outside ASCII take no ASCII character either way.
    Literals outside classes are held to `case_free`'s rule."""
    return bool(re.remembered("case_free:closed-classes", pattern,
                              lambda p: _case_free(p, closed_classes=True)))


def _case_free(pattern: str, closed_classes: bool = False) -> bool:
    try:
        return _case_free_items(list(sre_p.parse(pattern)), closed_classes)
    except Exception:  # noqa: BLE001 - unknown parser shapes: not shown safe
        return False


def _caseless(code: int) -> bool:
    ch = chr(code)
    return ch == ch.lower() and ch not in CASE_VARIANTS


def _class_ascii(members: list[tuple[Any, Any]]) -> set[str]:
    """The ASCII characters a class's literals and ranges name (its categories left out: a
    member checked against this set is only ever wrongly refused)."""
    found: set[str] = set()
    for kind, value in members:
        if kind is sre_c.LITERAL and value < 128:
            found.add(chr(value))
        elif kind is sre_c.RANGE and value[0] < 128:
            found.update(map(chr, range(value[0], min(value[1], 127) + 1)))
    return found


def _closed_member(code: int, ascii_members: set[str]) -> bool:
    """Whether a class member reads the same on a lower-cased ASCII text given the class's
    ASCII members (`case_free_closed_classes`)."""
    ch = chr(code)
    if ch in CASE_VARIANTS:
        return _ASCII_PARTNERS[ch] <= ascii_members
    if not ch.isascii():
        return True
    return ch == ch.lower() or ch.lower() in ascii_members


def _class_case_free(members: list[tuple[Any, Any]], closed_classes: bool) -> bool:
    ascii_members = _class_ascii(members) if closed_classes else set()
    for kind, value in members:
        if kind in (sre_c.LITERAL, sre_c.NOT_LITERAL):
            codes: Iterable[int] = (value,)
        elif kind is sre_c.RANGE:
            low, high = value
            if high - low > 0x3000:
                return False
            codes = range(low, high + 1)
        elif kind in (sre_c.NEGATE, sre_c.CATEGORY):
            continue
        else:
            return False
        if closed_classes and kind is not sre_c.NOT_LITERAL:
            if not all(_closed_member(code, ascii_members) for code in codes):
                return False
        elif not all(map(_caseless, codes)):
            return False
    return True


def _case_free_items(items: list[Any], closed_classes: bool = False) -> bool:
    for op, av in items:
        if op in (sre_c.LITERAL, sre_c.NOT_LITERAL):
            if not _caseless(av):
                return False
        elif op is sre_c.IN:
            if not _class_case_free(list(av), closed_classes):
                return False
        elif op is sre_c.SUBPATTERN:
            _, add_flags, del_flags, inner = av
            if (add_flags | del_flags) & sre_c.SRE_FLAG_IGNORECASE \
                    or not _case_free_items(list(inner), closed_classes):
                return False
        elif op is sre_c.BRANCH:
            if not all(_case_free_items(list(branch), closed_classes) for branch in av[1]):
                return False
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
            if not _case_free_items(list(av[2]), closed_classes):
                return False
        elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
            if not _case_free_items(list(av[1]), closed_classes):
                return False
        elif op is sre_c.ATOMIC_GROUP:
            if not _case_free_items(list(av), closed_classes):
                return False
        elif op is sre_c.GROUPREF_EXISTS:
            _, yes, no = av
            if not _case_free_items(list(yes), closed_classes) or (
                    no is not None and not _case_free_items(list(no), closed_classes)):
                return False
        elif op not in (sre_c.AT, sre_c.ANY, sre_c.CATEGORY, sre_c.GROUPREF):
            return False
    return True


def class_end(pattern: str, at: int) -> int:
    """Index just past the character class opened at pattern[at] ("["): a leading "^" and a
    leading "]" (a literal) are part of it, an escaped "]" does not close it."""
    i = at + 1
    if pattern[i:i + 1] == "^":
        i += 1
    if pattern[i:i + 1] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of `pattern` at its top level ("a|(?:b|c)|d" gives "a", "(?:b|c)",
    "d"), read from the text: a class or a group hides its "|"."""
    parts: list[str] = []
    start = 0
    for i, depth in syntax_positions(pattern):
        if depth == 0 and pattern[i] == "|":
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def syntax_positions(pattern: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(index, depth) of each character of `pattern` from `start` that stands outside an
    escape and a character class (a "|" or ")" inside a class is a plain character), with the
    number of groups open around it: a "(" counts at its outer depth and its ")" at the inner
    one, so the two of a pair read the same number.

    Why: the walkers of pattern text (the top-level alternatives, the end of a group, the
    possessive's split at a top-level separator and its "(" for a ")") each re-did the skip of
    escapes and classes and the count of groups; they now say only what they look for."""
    depth, i = 0, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = class_end(pattern, i)
            continue
        yield i, depth
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        i += 1


def ascii_case_expanded(pattern: str) -> str | None:
    """A pattern that, compiled without IGNORECASE, finds on an ASCII text exactly what
    `pattern` finds there compiled with IGNORECASE; None when the rewrite is not known safe.

    Why: IGNORECASE folds every character it compares (re's `*_IGNORE` opcodes), and an
    alternative that begins with such a literal cannot be passed over by re's quick first-
    character test, so a group with one case-sensitive term (`(?-i:[A-Z][a-z]+) from ...`,
    which rules out matching the lower-cased copy, `case_free_closed_classes`) tried each of
    its hundreds of alternatives in full at every place. Here each one-character piece outside
    a `(?-i:...)` group (a letter, an escaped character, a class) becomes the class of the
    ASCII characters it takes case-insensitively (`e` -> `[Ee]`, `[a-z]` -> `[A-Za-z]`), found
    by asking re itself, so the piece takes the same characters of an ASCII text; everything
    else (groups, lookarounds, quantifiers, `\\w`, `\\s`, `\\b`, `(?-i:...)` groups as written)
    is kept as it is. Anything the walk does not know (another inline flag, a back-reference,
    a numeric or named escape, `.`) answers None. Kept across processes."""
    found = re.remembered("ascii_case_expanded", pattern, _ascii_case_expanded)
    return found if isinstance(found, str) else None


_KEPT_ESCAPES = frozenset("wWsSdDbBAZ")
"""Escapes that read the same with and without IGNORECASE (categories and assertions)."""
_GROUP_OPENERS = ("(?:", "(?=", "(?!", "(?<=", "(?<!")
_QUANTIFIER = re.compile(r"\{\d*(?:,\d*)?\}")
_INLINE_FLAG = re.compile(r"\((?=\?)(?!\?(?::|=|!|<=|<!))")
"""A "(" with an inline flag or another construct than a plain or lookaround group after it
(an escaped "(" or one in a class counts too, which only ever makes the answer None)."""
_ASCII_CHARS = [chr(code) for code in range(128)]


def _ascii_case_expanded(pattern: str) -> str | None:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            escaped = pattern[i + 1:i + 2]
            if not escaped or (escaped.isalnum() and escaped not in _KEPT_ESCAPES):
                return None  # a back-reference, \x41, \N{...}: not walked
            out.append(pattern[i:i + 2] if escaped in _KEPT_ESCAPES
                       else _ascii_class(pattern[i:i + 2]))
            i += 2
        elif ch == "[":
            end = class_end(pattern, i)
            if end > len(pattern):
                return None
            out.append(_ascii_class(pattern[i:end]))
            i = end
        elif ch == "(":
            step = _group_opening(pattern, i)
            if step is None:
                return None
            out.append(pattern[i:step])
            i = step
        elif ch == "{":
            quantifier = _QUANTIFIER.match(pattern, i)
            end = quantifier.end() if quantifier else i + 1
            out.append(pattern[i:end] if quantifier else _ascii_class("\\{"))
            i = end
        elif ch in "|)*+?^$":
            out.append(ch)
            i += 1
        elif ch == ".":
            return None
        else:
            out.append(_ascii_class(_escape_char(ch)))
            i += 1
    return "".join(out)


def _escape_char(ch: str) -> str:
    return "\\" + ch if ch in ".^$*+?{}[]\\|()-#&~ \t\n\r\v\f" else ch


def _group_opening(pattern: str, at: int) -> int | None:
    """Where the walk goes on after the "(" at `at`: past the opener of a plain, non-capturing
    or lookaround group; past the whole group for a `(?-i:...)` (kept as written); None for
    any other inline flag or construct."""
    if pattern.startswith("(?-i:", at):
        end = _group_end(pattern, at)
        if end is None or _INLINE_FLAG.search(pattern, at + 5, end):
            return None  # a flag inside turns case-insensitivity back on: not walked
        return end
    for opener in _GROUP_OPENERS:
        if pattern.startswith(opener, at):
            return at + len(opener)
    if pattern.startswith("(?", at):
        return None
    return at + 1


def _group_end(pattern: str, at: int) -> int | None:
    """Index just past the ")" that closes the group opened at pattern[at]."""
    for i, depth in syntax_positions(pattern, at):
        if depth == 1 and pattern[i] == ")":
            return i + 1
    return None


@lru_cache(maxsize=4096)
def _ascii_class(piece: str) -> str:
    """The one-character `piece` (a literal, an escaped character, a class) as the class of
    the ASCII characters it takes case-insensitively; a class of no ASCII character (a letter
    outside ASCII) takes one character outside ASCII still, so a lookbehind keeps its width."""
    compiled = re.compile(piece, re.IGNORECASE)
    taken = [c for c in _ASCII_CHARS if compiled.fullmatch(c)]
    if not taken:
        return "[^\\x00-\\x7f]"
    if len(taken) == 1:
        return _escape_char(taken[0]) if taken[0].isprintable() else f"\\x{ord(taken[0]):02x}"
    return "[" + "".join(c if c.isalnum() else f"\\x{ord(c):02x}" for c in taken) + "]"
