"""The English possessive, read by every term of lexicon.yaml: "X's Y", "X' Y", "X Y", "Y of X".

English says one relation four ways: "my ex's photos", "my parents' photos", "my ex photos",
"photos of my ex"; "the mayor's voice", "the voice of the mayor". A term written one way
misses the others: `clon(?:e|ed|ing) (?:\\w+ ){0,2}voices?` reads "clone the mayor voice" but
not "clone the mayor's voice", since "mayor's" is not a `\\w+` word. Writing every variant in
every term is what a lexicon forgets, so the terms are rewritten once, as they are read
(`rules._read_files`; the rules cache keeps them rewritten, `rules.POSSESSIVE_VERSION`):

- `with_clitic`: wherever a term has a word then a space (a literal word, a group of words, a
  word gap such as `(?:\\w+ ){0,2}`), the word may carry the possessive clitic ('s, or ' after
  a plural): "X's Y" and "X' Y" read as "X Y". Not after the closed classes that never take it
  (`NO_CLITIC`: determiners, pronouns, prepositions, conjunctions, auxiliaries), nor inside a
  lookbehind (which must keep a fixed width) or a character class.
- `of_variants`: a term "Y of X", where X begins with a possessive determiner ("photos of my
  ex"), also reads "X's Y" (and, through the clitic, "X' Y" and "X Y"); a term "X's Y" also
  reads "Y of X" ("my sister's friend", "the friend of my sister").

Only lexicon.yaml's English terms are rewritten: the Chinese and Japanese glosses are English
(`ethics.gloss`, which writes A的B as "A's B"), the Spanish lexicon is not.
"""

from __future__ import annotations

from bot.core.noun_kinds import DETERMINERS, PHRASE_ENDS
from bot.core.regex_pieces import class_end, syntax_positions, top_level_alternatives

CLITIC = "(?:'s?)?"
"""The possessive clitic a word may carry: 's ("the mayor's"), or ' alone after a plural's s
("my parents'")."""

_PRONOUNS = """i me you he him she it we us they them mine yours hers ours theirs myself
yourself himself herself itself ourselves themselves someone somebody anyone anybody everyone
everybody no not nor so if then also just only very too ur u"""
_AUXILIARIES = """am do does did will would shall should can could may might must let lets
get gets got"""
NO_CLITIC = DETERMINERS | PHRASE_ENDS | frozenset((_PRONOUNS + " " + _AUXILIARIES).split())
"""Words that never carry the possessive clitic (closed classes): a term's space after one is
left as written."""

POSSESSIVE_DETERMINERS = frozenset(["my", "our", "your", "his", "her", "their", "ur"])
"""The determiners that make "Y of X" a possessive relation ("photos of my ex")."""

_QUANTIFIERS = "?*+{"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _group_open(term: str, close: int) -> int | None:
    """Index of the "(" matching the ")" at term[close], or None."""
    opens: list[int] = []
    for i, _depth in syntax_positions(term):
        if term[i] == "(":
            opens.append(i)
        elif term[i] == ")" and opens:
            opened = opens.pop()
            if i == close:
                return opened
    return None


def _group_body(term: str, open_at: int, close: int) -> str:
    inner = term[open_at + 1:close]
    if inner.startswith("?:"):
        return inner[2:]
    return inner


def _takes_clitic(term: str, end: int) -> bool:
    """Whether what ends at term[end - 1] (just before a space) is a word that may carry the
    possessive clitic: a noun-like literal word, a group with such a word among its
    alternatives, or a word gap (`\\w+`, `[a-z-]+`)."""
    j = end
    if j >= 2 and term[j - 1] == "?" and term[j - 2] in _LETTERS:
        j -= 1  # an optional last letter ("photos?")
    if j >= 2 and term[j - 1] in "+*" and (term[j - 2] == "]" or term[j - 3:j - 1] == "\\w"):
        return True  # a word gap
    k = j
    while k > 0 and term[k - 1] in _LETTERS + "-?":
        k -= 1
    word = term[k:j].replace("?", "")
    if term[k - 1:k] == "'" or not word.strip("-"):
        if k > 0 and term[k - 1] == ")" and not word:
            return _group_takes_clitic(term, k - 1)
        return False
    if k > 0 and term[k - 1] == ")":
        return True  # a group with a suffix ("(?:photo|pic)s"): a noun's plural
    if k > 0 and term[k - 1] not in " (|:":
        return False  # the end of something that is not a plain word
    return word.lower() not in NO_CLITIC


def _group_takes_clitic(term: str, close: int) -> bool:
    """Whether a group ending at term[close] may end with a word taking the clitic: any of its
    alternatives ends with a word that is not a closed-class one."""
    open_at = _group_open(term, close)
    if open_at is None or term[open_at + 1:open_at + 3] in ("?<", "?=", "?!"):
        return False
    body = _group_body(term, open_at, close)
    for alternative in top_level_alternatives(body):
        stripped = alternative.rstrip(" ")
        if not stripped:
            continue
        if _takes_clitic(stripped, len(stripped)) or stripped.endswith(")"):
            return True
    return False


def with_clitic(term: str) -> str:
    """The term with `CLITIC` before each space that follows a word able to carry it."""
    out: list[str] = []
    i, lookbehind_depth = 0, 0
    stack: list[bool] = []
    while i < len(term):
        ch = term[i]
        if ch == "\\":
            out.append(term[i:i + 2])
            i += 2
            continue
        if ch == "[":
            end = class_end(term, i)
            out.append(term[i:end])
            i = end
            continue
        if ch == "(":
            behind = term[i + 1:i + 3] == "?<" and term[i + 3:i + 4] in "=!"
            stack.append(behind)
            lookbehind_depth += behind
        elif ch == ")" and stack:
            lookbehind_depth -= stack.pop()
        elif (ch == " " and not lookbehind_depth and not _number_or_quantifier(term, i + 1)
              and i > 0 and _ends_word(term, i)):
            out.append(CLITIC)
        out.append(ch)
        i += 1
    return "".join(out)


def _number_or_quantifier(term: str, at: int) -> bool:
    """Whether term[at:] starts with a quantifier (the space before it is optional) or a
    number ("in 2099", "(?:year|in) [0-9]"): a possessive's thing is a word, never a number."""
    rest = term[at:].lstrip("(?:")
    return term[at:at + 1] in _QUANTIFIERS or rest[:1].isdigit() or rest.startswith(
        ("[0-9", "[1-9", "[2-9", "\\d"))


def _ends_word(term: str, at: int) -> bool:
    """Whether the space at term[at] follows a word that may carry the clitic."""
    before = term[at - 1]
    if before == ")":
        return _group_takes_clitic(term, at - 1)
    if before in "?" and at >= 2 and term[at - 2] == ")":
        return _group_takes_clitic(term, at - 2)
    return _takes_clitic(term, at)


def _top_split(term: str, sep: str) -> tuple[str, str] | None:
    """The term split at its only top-level `sep` (outside groups and classes), or None."""
    found: list[int] = []
    for i, depth in syntax_positions(term):
        if depth or term[i] in "()":
            continue
        if term[i] == "|":
            return None  # alternatives at the top: not one phrase
        if term.startswith(sep, i):
            found.append(i)
    if len(found) != 1:
        return None
    return term[:found[0]], term[found[0] + len(sep):]


def _one_word(piece: str) -> bool:
    """Whether a piece of a term is a single word: no top-level space ("(?:photo|pic)s?")."""
    depth, i = 0, 0
    while i < len(piece):
        ch = piece[i]
        if ch == "\\":
            return False
        if ch == "[":
            return False
        if ch == "(":
            if piece[i + 1:i + 3] in ("?<", "?=", "?!"):
                return False
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == " " and depth == 0:
            return False
        i += 1
    return bool(piece) and depth == 0


def _starts_possessive(piece: str) -> bool:
    """Whether a piece begins with a possessive determiner, alone or in a group of
    determiners ("my ex", "(?:my|her|his) (?:boss|ex)")."""
    first = piece.split(" ", 1)[0]
    if first.startswith("(?:") and first.endswith(")"):
        words = top_level_alternatives(first[3:-1])
        return (all(w in DETERMINERS for w in words)
                and any(w in POSSESSIVE_DETERMINERS for w in words))
    return first in POSSESSIVE_DETERMINERS


def of_variants(term: str) -> list[str]:
    """The term's other possessive order: "Y of X" -> "X's Y" (the clitic then reads "X' Y"
    and "X Y" too), "X's Y" -> "Y of X"; where Y is one word and X begins with a possessive
    determiner. Empty for any other term."""
    split = _top_split(term, " of ")
    if split is not None:
        thing, owner = split
        if _one_word(thing) and _starts_possessive(owner):
            return [f"{owner}{CLITIC} {thing}"]
    split = _top_split(term, "'s ")
    if split is not None:
        owner, thing = split
        if _one_word(thing) and _starts_possessive(owner):
            return [f"(?:(?:the|a|an) )?{thing} of {owner}"]
    return []


def expand(terms: list[str]) -> list[str]:
    """A group's lexicon.yaml terms with the possessive read every way (`of_variants`,
    `with_clitic`)."""
    out: list[str] = []
    for term in terms:
        out.append(with_clitic(term))
        out.extend(with_clitic(v) for v in of_variants(term) if v not in terms)
    return out
