"""First-character dispatch for big alternations of cue patterns.

Python's regex engine tries every alternative of `(?P<g0>...)|(?P<g1>...)|...` at every word
start; a component with sixty cues pays sixty failed attempts per word. Grouping the cues by
the characters they can start with, and trying at each word start only the cues that can begin
with its character, gives the same matches (same cues, same order, same non-overlapping scan)
for a fraction of the work. The first characters come from the regex parser, so a cue that can
begin with anything (a class, a wildcard, an optional prefix) is simply tried everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.core import cached_re as re
from bot.core.critique.lexicon import trie_regex
from bot.core.regex_pieces import class_chars, top_level_alternatives, word_led_places

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_p
except ImportError:  # pragma: no cover
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse as sre_p  # type: ignore[no-redef]

ANY = None
"""A first-character set meaning "could start with anything"."""

_ZERO_WIDTH = {sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT}
_MAX_CLASS = 400


@lru_cache(maxsize=1024)
def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can begin with, or None for "anything".

    Cached, in process and across processes (cached_re.remembered): the analyzer asks once to
    choose dispatch and the scanner again to build its table, and parsing forty camera cues
    with re's pure-Python parser costs milliseconds, a cold CLI call's worth over the lexicons."""
    return re.remembered("first_chars", pattern, _first_chars)


def _first_chars(pattern: str) -> frozenset[str] | None:
    """`first_chars_or_digit`'s reading with a digit (`\\d`, unlisted) counted as anything."""
    try:
        chars, digit, nullable = _first_or_digit(list(sre_p.parse(pattern)))
    except Exception:  # anything the parser's internals do not expect: be safe
        return ANY
    return ANY if chars is None or digit or nullable else frozenset(chars)


_SPLIT_UNSAFE = re.compile(r"\(\?[aiLmsux]+\)|\\[1-9]|\(\?P=")
"""What keeps a cue whole: a global inline flag, or a back-reference (its group may sit in
another alternative)."""


def alternatives_by_first(pattern: str) -> list[tuple[str, frozenset[str] | None]]:
    """A cue's top-level alternatives, each with the characters it can begin with; the cue
    whole when it can't be split safely, or when it may begin with anything."""
    whole = [(pattern, first_chars(pattern))]
    if whole[0][1] is ANY or _SPLIT_UNSAFE.search(pattern):
        return whole
    alts = top_level_alternatives(pattern)
    if len(alts) < 2:
        return whole
    split = [(alt, first_chars(alt)) for alt in alts]
    # an alternative that "can begin with anything" inside a cue that can't is one the
    # parser did not read alone: keep the cue as written
    return whole if any(not alt or firsts is ANY for alt, firsts in split) else split


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    cue: int
    """Index of the cue that matched (the first, in the given order, that matches here)."""


class CueScanner:
    """Non-overlapping, left-to-right matches of `(?<![\\w-])(?:cue0|cue1|...)(?![\\w-])`,
    reporting which cue matched: the same results as that one big regex's `finditer`."""

    def __init__(self, patterns: Sequence[str], flags: int = 0):
        firsts = [first_chars(p) for p in patterns]
        any_idx = [i for i, f in enumerate(firsts) if f is ANY]
        letters = sorted(set().union(*(f for f in firsts if f is not ANY)))
        self._patterns, self._flags = tuple(patterns), flags
        # Which cues each first character can begin; the regex for a character is compiled the
        # first time a word starting with it is seen: compiling them all up front was most of a
        # cold `framecraft critique` (a short prompt starts words with a handful of letters).
        self._cues_for = {ch: [i for i, f in enumerate(firsts) if f is ANY or ch in f]
                          for ch in letters}
        # Each cue's alternatives by first character: the regex for a character keeps only
        # those that can begin with it. One cue of alternatives that can begin with any letter
        # ("[a-z]+'s eye") no longer puts its sixty others in every letter's regex.
        self._alternatives = [alternatives_by_first(p) for p in patterns]
        self._table: dict[str, re.Pattern[str] | None] = {}
        self._fallback = self._compile(any_idx, None) if any_idx else None
        # Only word starts the cues' `gate` lets through: most words begin no cue, and are
        # passed over in one search instead of one Python step and one match each.
        lookahead = gate(patterns) if not flags else ""
        if lookahead:
            self._starts = re.compile(r"(?<![\w-])" + lookahead, flags)
        elif any_idx:
            self._starts = re.compile(r"(?<![\w-])", flags)
        else:
            cls = "".join(re.escape(c) for c in letters) or "(?!)"
            self._starts = re.compile(r"(?<![\w-])[" + cls + "]", flags)

    def _regex_for(self, ch: str) -> re.Pattern[str] | None:
        """The alternation of the cues that can begin with `ch` (the fallback for the rest)."""
        try:
            return self._table[ch]
        except KeyError:
            idx = self._cues_for.get(ch)
            rx = self._compile(idx, ch) if idx else self._fallback
            self._table[ch] = rx
            return rx

    def _compile(self, idx: list[int], ch: str | None) -> re.Pattern[str]:
        """The alternation of cues `idx`, each kept to the alternatives that can begin with
        `ch` (all of a cue that may begin with anything; with `ch` None, the whole cues): the
        others would fail at its first character, so the matches are the same."""
        body = "|".join(f"(?P<g{i}>{self._cue_for(i, ch)})" for i in idx)
        return re.compile(r"(?:" + body + r")(?![\w-])", self._flags)

    def _cue_for(self, i: int, ch: str | None) -> str:
        alternatives = self._alternatives[i]
        if ch is None or len(alternatives) == 1:
            return self._patterns[i]
        return "|".join(alt for alt, firsts in alternatives if firsts is ANY or ch in firsts)

    def finditer(self, text: str) -> Iterator[Hit]:
        places = word_led_places(self._starts, text)
        if places is not None:
            yield from self._hits_at(text, places)
            return
        pos, n = 0, len(text)
        table, regex_for, search = self._table, self._regex_for, self._starts.search
        while pos <= n:
            m = search(text, pos)
            if m is None:
                return
            at = m.start()
            ch = text[at:at + 1]
            rx = table[ch] if ch in table else regex_for(ch)
            hit = rx.match(text, at) if rx is not None else None
            if hit is not None and hit.end() > at:
                yield Hit(at, hit.end(), int(hit.lastgroup[1:]))  # type: ignore[index]
                pos = hit.end()
            else:
                pos = at + 1


    def _hits_at(self, text: str, places: list[int]) -> Iterator[Hit]:
        """`finditer` where the word starts its gate lets through are already listed
        (`regex_pieces.word_led_places`, one class-led search instead of SRE running the
        look-behind at every character): each is tried unless a hit already covers it."""
        table, regex_for, end = self._table, self._regex_for, 0
        for at in places:
            if at < end:
                continue
            ch = text[at:at + 1]
            rx = table[ch] if ch in table else regex_for(ch)
            hit = rx.match(text, at) if rx is not None else None
            if hit is not None and hit.end() > at:
                yield Hit(at, hit.end(), int(hit.lastgroup[1:]))  # type: ignore[index]
                end = hit.end()


# ---- literal-prefix prefilter ---------------------------------------------------------------
PREFIX_LEN = 3
_MAX_PREFIXES = 600


class _TooMany(Exception):
    pass


def _expand(items: list[Any], prefix: str, k: int, out: set[str],
            stop_short: bool = False) -> None:
    """Add to `out` every string of up to `k` characters a match of `items` can begin with.

    With `stop_short` (a gate, `_gate_prefixes`), an item that can't be listed ends the string
    where it is instead of giving up, when the string has a character: an empty one would let
    anything through."""
    if len(prefix) >= k or not items:
        out.add(prefix)
        if len(out) > _MAX_PREFIXES:
            raise _TooMany
        return
    (op, av), rest = items[0], items[1:]
    chars = _class_chars(av) if op is sre_c.IN else ANY
    if op is sre_c.LITERAL:
        _expand(rest, prefix + chr(av), k, out, stop_short)
    elif op in _ZERO_WIDTH:
        _expand(rest, prefix, k, out, stop_short)
    elif op is sre_c.SUBPATTERN:
        _expand(list(av[-1]) + rest, prefix, k, out, stop_short)
    elif op is sre_c.BRANCH:
        for alt in av[1]:
            _expand(list(alt) + rest, prefix, k, out, stop_short)
    elif op is sre_c.IN and chars is not ANY:
        for ch in chars:
            _expand(rest, prefix + ch, k, out, stop_short)
    elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        lo, hi, body = av
        body = list(body)
        # Each repetition adds at least one character (or the body is zero-width and harmless),
        # so k + 1 repetitions are enough to reach k characters.
        for times in range(lo, min(hi, lo + k + 1) + 1):
            _expand(body * times + rest, prefix, k, out, stop_short)
    elif stop_short and prefix:
        out.add(prefix)
    else:  # a wildcard, a category, a back-reference: no finite prefix set
        raise _TooMany


def _class_chars(av: list[Any]) -> frozenset[str] | None:
    """The characters a class `[...]` matches, or None (ANY) for a negated class, a category
    or a huge range."""
    return class_chars(av, _MAX_CLASS)


def literal_prefixes(pattern: str, k: int = PREFIX_LEN) -> frozenset[str] | None:
    """Every way a match of `pattern` can begin, cut to `k` characters; None if unbounded.
    Kept across processes like `first_chars`."""
    return re.remembered(f"literal_prefixes:{k}", pattern,
                         lambda p: _literal_prefixes(p, k))


def _literal_prefixes(pattern: str, k: int) -> frozenset[str] | None:
    out: set[str] = set()
    try:
        _expand(list(sre_p.parse(pattern)), "", k, out)
    except (_TooMany, Exception):  # noqa: BLE001 - unknown parser shapes: no prefilter
        return ANY
    return ANY if "" in out else frozenset(out)


GATE_LEN = 4
"""How many leading characters `gate_prefixes` lists (four prune twice as many word starts as
three on the gallery; five add little)."""
LOOKAHEAD_LEN = 6
"""How many leading characters `gate` asks `gate_prefixes` for (session 30): an alternative
whose six-character beginnings are too many falls back to fewer, and the others no longer let
every "the " or "a s" through to the cues behind the gate. The components' class-led scans
(`regex_pieces.word_led_places`) of the gallery's prompts, the longest too, cost 15% less than
at four; seven or eight gain little more and take longer to build. A lookahead only ever lets
every match through: the matches are the same."""


def gate_prefixes(pattern: str, k: int = GATE_LEN) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` begins with: its first `k` characters,
    or fewer where the pattern ends or goes on with something that can't be listed ("seed
    \\d+" gives "seed ", "@\\w+" gives "@"); None when a match can begin with anything.
    Unlike `literal_prefixes`, a shorter string is fine here: these feed a lookahead that only
    has to let every match through (`analysis._component_regex`). Kept across processes."""
    return re.remembered(f"gate_prefixes:{k}:shorter", pattern, lambda p: _gate_prefixes(p, k))


def _gate_prefixes(pattern: str, k: int) -> frozenset[str] | None:
    """The strings at `k` characters, or at fewer when there would be too many of them."""
    try:
        items = list(sre_p.parse(pattern))
    except Exception:  # noqa: BLE001 - unknown parser shapes: no gate
        return ANY
    for length in range(k, 0, -1):
        out: set[str] = set()
        try:
            _expand(items, "", length, out, stop_short=True)
        except _TooMany:
            continue
        except Exception:  # noqa: BLE001
            return ANY
        return ANY if "" in out else frozenset(out)
    return ANY


def first_chars_or_digit(pattern: str) -> tuple[frozenset[str], bool] | None:
    """The characters a match of `pattern` can begin with, and whether it can also begin with
    a decimal digit (`\\d`: any script's, as `re` reads it, which can't be listed); None
    when it can begin with anything else unlisted. For a gate (`dispatch.gate`) where
    `gate_prefixes` gives up ("\\d{1,2}:\\d\\d", "(?:\\d+|two|ten) seconds"). Kept across
    processes."""
    return re.remembered("first_chars_or_digit", pattern, _first_chars_or_digit)


def _first_chars_or_digit(pattern: str) -> tuple[frozenset[str], bool] | None:
    try:
        chars, digit, nullable = _first_or_digit(list(sre_p.parse(pattern)))
    except Exception:  # noqa: BLE001 - unknown parser shapes: anything
        return None
    return None if chars is None or nullable else (frozenset(chars), digit)


def _first_or_digit(items: list[Any]) -> tuple[set[str] | None, bool, bool]:
    """(characters a sequence can begin with, or None for unlisted ones; whether a digit;
    whether it can match empty)."""
    chars: set[str] = set()
    digit = False
    for op, av in items:
        first, is_digit, nullable = _item_first_or_digit(op, av)
        if first is None:
            return None, False, False
        chars |= first
        digit = digit or is_digit
        if not nullable:
            return chars, digit, False
    return chars, digit, True


def _item_first_or_digit(op: object, av: Any) -> tuple[set[str] | None, bool, bool]:
    if op is sre_c.LITERAL:
        return {chr(av)}, False, False
    if op in _ZERO_WIDTH:
        return set(), False, True
    if op is sre_c.IN:
        if av == [(sre_c.CATEGORY, sre_c.CATEGORY_DIGIT)]:
            return set(), True, False
        listed = _class_chars(av)
        return (None if listed is None else set(listed)), False, False
    if op is sre_c.SUBPATTERN:
        return _first_or_digit(list(av[-1]))
    if op is getattr(sre_c, "ATOMIC_GROUP", None):
        return _first_or_digit(list(av))
    if op is sre_c.BRANCH:
        chars: set[str] = set()
        digit = nullable = False
        for alt in av[1]:
            first, is_digit, empty = _first_or_digit(list(alt))
            if first is None:
                return None, False, False
            chars |= first
            digit, nullable = digit or is_digit, nullable or empty
        return chars, digit, nullable
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
        first, is_digit, nullable = _first_or_digit(list(av[2]))
        return first, is_digit, (nullable or av[0] == 0) if first is not None else False
    return None, False, False


def gate(patterns: Sequence[str]) -> str:
    """A lookahead that lets through every place a match of one of `patterns` can begin:
    their beginnings (`gate_prefixes`) as one prefix trie, read alternative by alternative.
    An alternative whose beginnings can't be listed gives its first characters, a digit
    (`\\d`) its own `\\d`; one that can begin with any letter ("[a-z]+'s[- ]eye", "(?:[\\w-]+
    )?style") is put in the lookahead as written, which `re` tries in a few steps. At a word
    start nothing can begin at, the regex then fails after a character or two instead of
    entering every cue's group. It only lets matches through: the matches stay the same.
    "" when there is no gate to give (an alternative with a group of its own, which the
    lookahead would repeat)."""
    found: set[str] = set()
    digits = False
    verbatim: list[str] = []
    for pattern in patterns:
        for alternative in top_level_alternatives(pattern):
            prefixes, digit = _gate_beginnings(alternative)
            if prefixes is None or _too_wide(prefixes):
                if _plain_lookahead(alternative):
                    verbatim.append(alternative)
                    continue
                if prefixes is None:
                    return ""
            found |= prefixes
            digits = digits or digit
    parts = ([trie_regex(found)] if found else []) + ([r"\d"] if digits else []) + verbatim
    return "(?=" + "|".join(parts) + ")" if parts else ""


def _gate_beginnings(alternative: str) -> tuple[frozenset[str] | None, bool]:
    """What `gate` lists for one alternative: its beginnings (`gate_prefixes`, else its first
    characters), None when they can't be listed, and whether a digit may begin it."""
    prefixes = gate_prefixes(alternative, LOOKAHEAD_LEN)
    if prefixes is not None:
        return prefixes, False
    firsts = first_chars_or_digit(alternative)
    return (None, False) if firsts is None else firsts


def opens_the_gate(alternative: str) -> bool:
    """Whether `gate` puts this alternative in its lookahead as written, so lets nearly every
    word start through for it: its beginnings can't be listed, or are any letter ("(?:[\\w-]+
    )?style", "[a-z0-9]+-esque"), and it has no group of its own (`_plain_lookahead`: it can
    also be left out of its pattern without renumbering a group or losing a back-reference's
    target). Such an alternative is tried at every word of the text, whatever the other
    alternatives' beginnings; where the text lacks what it must contain, leaving it out of the
    regex (`analysis.live_alternation`) keeps the matches and narrows the gate."""
    prefixes, _ = _gate_beginnings(alternative)
    return (prefixes is None or _too_wide(prefixes)) and _plain_lookahead(alternative)


WIDE_GATE = 8
"""An alternative whose beginnings are more single characters than this ("[a-z]+'s eye": any
letter) lets nearly every word through: as written it is the narrower gate."""


def _too_wide(prefixes: frozenset[str]) -> bool:
    return len(prefixes) > WIDE_GATE and all(len(p) == 1 for p in prefixes)


_GROUP_OPEN = re.compile(r"\\.|\[(?:\\.|[^\]])*\]|\((?!\?)")
"""A capturing group's "(" (escapes and classes skipped)."""


def _plain_lookahead(alternative: str) -> bool:
    """Whether an alternative can stand in a gate as written: no capturing group (a named
    one would be defined twice in the regex) and nothing `_SPLIT_UNSAFE`."""
    return not _SPLIT_UNSAFE.search(alternative) and not any(
        m.group(0) == "(" for m in _GROUP_OPEN.finditer(alternative))


@lru_cache(maxsize=4)
def _word_start_heads(k: int, joiners: str) -> re.Pattern[str]:
    """Up to `k` characters at each word start, where neither a word character nor one of
    `joiners` comes before (a lookahead, so starts may overlap)."""
    return re.compile(r"(?<![\w" + joiners + r"])(?=(.{1," + str(k) + "}))", re.DOTALL)


class WordStarts:
    r"""The 1- to 3-character strings that begin at the word starts of a text: a cheap, exact
    necessary condition for a whole-word pattern to match there (see `may_match`).

    `joiners`: the characters besides word characters that may not come before a word, as the
    patterns' own look-behind says: "-" for the English whole-word patterns (`(?<![\w-])`),
    none for a spaced native lexicon's (`(?<![\w])`, `native._wrap`)."""

    def __init__(self, text: str, k: int = PREFIX_LEN, joiners: str = "-"):
        self.k = k
        self.text = text
        self.joined = "_" + joiners
        heads = set(_word_start_heads(k, joiners).findall(text))
        self.prefixes = heads.union(*({h[:n] for h in heads} for n in range(1, k)))
        self._at: dict[str, list[int]] = {}
        self._starts: dict[frozenset[str], list[int]] = {}

    def may_match(self, prefixes: frozenset[str] | None) -> bool:
        return prefixes is ANY or not prefixes.isdisjoint(self.prefixes)

    def starts(self, prefixes: frozenset[str]) -> list[int]:
        r"""The word starts, in order, where the text begins with one of `prefixes`: the only
        places a whole-word pattern whose matches begin so can match (`analysis.search_lower`).
        Found with `str.find`, kept where no letter, digit, "_" or joiner comes before (the
        look-behind of `_word_start_heads`): cheaper than an index of every word start,
        which a text asked a dozen times would not pay back.

        Remembered for the text, by prefix and by prefix set (`prefix_starts`): the dozens of
        patterns one critique asks of the same text mostly share their prefixes ("a", "s",
        "the"), and each asked again found the same places with `str.find` (a tenth of a long
        English prompt's critique). The list is shared: read it, never change it."""
        found = self._starts.get(prefixes)
        if found is None:
            lists = [self.prefix_starts(prefix) for prefix in prefixes & self.prefixes]
            found = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
            self._starts[prefixes] = found
        return found

    def prefix_starts(self, prefix: str) -> list[int]:
        """The word starts, in order, where the text begins with `prefix` (see `starts`)."""
        found = self._at.get(prefix)
        if found is None:
            text, joined, found = self.text, self.joined, []
            at = text.find(prefix)
            while at >= 0:
                if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in joined):
                    found.append(at)
                at = text.find(prefix, at + 1)
            self._at[prefix] = found
        return found

    def places(self, prefixes: frozenset[str] | None, per_char: float) -> list[int] | None:
        """Where a match of a whole-word pattern with these `prefixes` (`literal_prefixes`)
        may begin, when they are at most `per_char` per character of the text; None to scan
        the whole text (also for `ANY`: a match may begin anywhere)."""
        if prefixes is ANY:
            return None
        places = self.starts(prefixes)
        return places if len(places) <= len(self.text) * per_char else None


def search_at(regex: re.Pattern[str], text: str, places: list[int]) -> re.Match[str] | None:
    """`regex.search(text)` for a pattern whose every match is non-empty and begins at one of
    `places` (in order, `WordStarts.places`): the first match trying them in order is the
    search's."""
    match = regex.match
    for i in places:
        m = match(text, i)
        if m is not None:
            return m
    return None

