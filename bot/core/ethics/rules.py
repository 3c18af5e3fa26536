"""The rules layer of the ethics review: readable term groups and rules, always run, offline.

Word lists alone misfire ("shooting a scene", "kill the lights"), so the rules are combinations
of term groups within a few words of each other, with context that cancels, lowers or raises
them ("fictional", "documentary", "CCTV footage"). The groups and rules are data, in
knowledge/ethics/*.yaml, validated here so a bad edit names the file and the field. The review is
deterministic and offline: regular expressions over the prompt, no model.
"""

from __future__ import annotations

import bisect
import hashlib
import marshal
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from bot.core import cached_re as re
from bot.core.cache_files import write_cache_file
from bot.core.ethics.native_absence import without_absent
from bot.core.knowledge import (
    DEFAULT_KNOWLEDGE_DIR,
    KnowledgeError,
    _describe,
    _read_yaml,
)
from bot.core.regex_pieces import (
    ascii_case_expanded,
    case_free_closed_classes,
    may_find,
    pieces_regexes,
    required_pieces,
)

if TYPE_CHECKING:
    from bot.core.ethics.gloss import Gloss

Severity = Literal["ok", "note", "caution", "stop"]
ConcernSeverity = Literal["note", "caution", "stop"]
SEVERITY_RANK: dict[str, int] = {"ok": 0, "note": 1, "caution": 2, "stop": 3}

Category = Literal[
    "likeness", "consent-deepfake", "minors", "sexual", "violence-gore", "self-harm",
    "hate-harassment", "elections-news", "medical-financial-deception", "brand-impersonation",
    "artist-style-ip", "disclosure", "weapons", "extremism", "fraud-impersonation",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

# Groups the detector computes itself from people.yaml and the capitalised-name heuristic.
DETECTED_GROUPS = ("living_person", "historical_person", "living_politician", "possible_name",
                   "protected_character", "described_person")


_DETECTED = frozenset(DETECTED_GROUPS)


# --- results ---------------------------------------------------------------------------------

class Concern(BaseModel):
    category: Category
    severity: ConcernSeverity
    trigger: str
    """The words of the prompt that raised the concern, comma-separated, in prompt order."""
    why: str
    instead: str
    rule: str = Field(default="", exclude=True)
    """The rule id in rules.yaml (for debugging and the benchmark; not part of the JSON)."""


class EthicsReview(BaseModel):
    verdict: Severity
    concerns: list[Concern] = Field(default_factory=list)
    layers: list[str] = Field(default_factory=lambda: ["rules"])
    """Which layers ran: "rules" always; "semantic" (exemplar neighbours) and "llm" (a chat
    model's judgement) when they ran and answered."""

    @property
    def categories(self) -> set[str]:
        return {c.category for c in self.concerns}

    def to_public_json(self) -> dict[str, Any]:
        """The contract of `framecraft ethics --json`."""
        return {
            "verdict": self.verdict,
            "concerns": [
                {"category": c.category, "severity": c.severity, "trigger": c.trigger,
                 "why": c.why, "instead": c.instead}
                for c in self.concerns
            ],
            "layers": list(self.layers),
        }


# --- rule data -------------------------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Chinese and Japanese characters: words are not separated by spaces, so every character may
start a word and a term written in them is matched without word boundaries."""


_LATIN_WORD = r"[0-9A-Za-z_\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"
_NOT_AFTER_WORD = rf"(?<!{_LATIN_WORD})"
_NOT_BEFORE_WORD = rf"(?!{_LATIN_WORD})"
"""Word boundaries for terms written in spaced scripts: no Latin letter or digit next to the
term. Not `\\w`: Chinese and Japanese write English words and names straight against their
own text ("用ISIS的旗帜", "PayPayに送って"), and a class of the CJK ranges costs re tens of
milliseconds at every compile of a group."""


def _compile(terms: list[str]) -> re.Pattern[str]:
    # Lookarounds rather than \b so terms may start or end with punctuation.
    spaced = [t for t in terms if not _CJK.search(t)]
    unspaced = [t for t in terms if _CJK.search(t)]
    alternatives = []
    if spaced:
        alternatives.append(_NOT_AFTER_WORD + "(?:" + "|".join(f"(?:{t})" for t in spaced)
                            + ")" + _NOT_BEFORE_WORD)
    if unspaced:
        alternatives.append("(?:" + "|".join(f"(?:{t})" for t in unspaced) + ")")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _structure(s: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """The pattern's own parentheses and bars (outside escapes and character classes), each
    with its position and the nesting depth after it: the one scan `_close` and `_split_top`
    share."""
    depth, j, in_class = 0, start, False
    while j < len(s):
        ch = s[j]
        if ch == "\\":
            j += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()|":
            depth += 1 if ch == "(" else -1 if ch == ")" else 0
            yield j, ch, depth
        j += 1


def _close(s: str, i: int) -> int:
    """Index of the parenthesis closing the one opened at s[i]."""
    for j, ch, depth in _structure(s, i):
        if ch == ")" and depth == 0:
            return j
    raise ValueError("unbalanced parenthesis")


def _split_top(s: str) -> list[str]:
    """The top-level alternatives of a pattern (split on `|` outside any group)."""
    parts, last = [], 0
    for j, ch, depth in _structure(s):
        if ch == "|" and depth == 0:
            parts.append(s[last:j])
            last = j + 1
    return [*parts, s[last:]]


PREFIX_CHARS = 8
"""How many leading characters the prefilter compares (longer is more selective). Five let a
long English prompt's review try half of the term groups, at some 260 places, for about one
match: "the c", "from ", "with " begin many terms and most sentences. Eight ("the cop",
"from the") tries a quarter of them at some 80 places, a third of the quick review's time
less (the slowest tenth of the latency prompts; Japanese, through its gloss, a fifth less).
The leads are then computed once per version of the lexicons (`LEADS_VERSION`, a few tenths
of a second more, kept in the rules' cache)."""
LEADS_OF_LIMIT = 50_000
"""At most this many word beginnings are remembered (`EthicsRules.leads_of`): a few MB."""


def _class_chars(s: str) -> tuple[list[str], str] | None:
    """The characters of a leading `[...]` class and what follows it; None if not simple."""
    end = s.find("]", 1)
    if end < 0 or s[1:2] == "^" or "\\" in s[1:end]:
        return None
    body, chars = s[1:end], []
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            lo, hi = ord(body[i]), ord(body[i + 2])
            if hi - lo > 12:
                return None
            chars += [chr(c) for c in range(lo, hi + 1)]
            i += 3
        else:
            chars.append(body[i])
            i += 1
    return chars, s[end + 1:]


def _leads(s: str, need: int = PREFIX_CHARS) -> set[str] | None:
    """The first `need` characters of every match of pattern `s` (fewer for shorter matches),
    or None when a match's first character can't be said.

    A part that can't be enumerated after at least one known character ends the lead there
    (`porn\\w*` leads with "porn", `dox\\w*` with "dox"): a shorter lead still says where a
    match may begin, and one such term used to send its whole group to a full scan of every
    prompt (a fifth of the groups, most of a review's time).
    """
    found = _exact_leads(s, need)
    if found is None and need < PREFIX_CHARS:
        return {""}
    return found


def _exact_leads(s: str, need: int) -> set[str] | None:
    """`_leads` where every character up to `need` is known.

    Covers literals, escapes, `?`, non-capturing and case groups and alternation, which is
    what the lexicon uses; anything else answers None and the group is always searched.
    """
    if need == 0 or not s:
        return {""}
    if s.startswith(("(?<!", "(?<=", "(?=", "(?!")):
        return _leads(s[_close(s, 0) + 1:], need)  # zero-width: what follows decides
    if s.startswith(("(?:", "(?-i:")):
        end = _close(s, 0)
        inner, rest = s[s.index(":") + 1:end], s[end + 1:]
        optional = rest[:1] in ("?", "*")
        if rest[:1] in ("*", "{", "+"):
            return None
        rest = rest[1:] if optional else rest
        out: set[str] = set()
        for alt in [*_split_top(inner), *([""] if optional else [])]:
            found = _leads(alt + rest, need)
            if found is None:
                return None
            out |= found
        return out if len(out) <= 1500 else None
    ch = s[0]
    if ch == "\\":
        if len(s) < 2 or s[1].isalnum():
            return None
        lits, rest = [s[1]], s[2:]
    elif ch == "[":
        parsed = _class_chars(s)
        if parsed is None:
            return None
        lits, rest = parsed
    elif ch in _SPECIAL:
        return None
    else:
        lits, rest = [ch], s[1:]
    if rest[:1] in ("*", "{", "+"):
        return None
    lowered = {lit.lower() for lit in lits}
    if rest[:1] == "?":
        with_lit, without = _leads(rest[1:], need - 1), _leads(rest[1:], need)
        if with_lit is None or without is None:
            return None
        out = {lit + x for lit in lowered for x in with_lit} | without
    else:
        found = _leads(rest, need - 1)
        if found is None:
            return None
        out = {lit + x for lit in lowered for x in found}
    return out if len(out) <= 3000 else None


_SPECIAL = set(".^$*+?{}[]|()")


REGEXES_CHECKED = "regexes_checked"
"""Validation context key: the files' patterns are known to compile (see `_checked_marker`)."""
CHECKED_MARKER = "ethics-rules.marshal"
"""Cache in the data directory: the parsed ethics files whose patterns all compiled, by hash."""


class TermGroup(_Strict):
    terms: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    unless_window: int = Field(default=6, ge=0)
    locale: dict[str, list[str]] = Field(default_factory=dict)
    """Terms the per-language lexicons (lexicon.<lang>.yaml) add, by language. Kept apart
    from `terms` so a prompt only pays for the languages it may be in: Spanish terms run on
    prompts with Spanish cues, Chinese and Japanese ones on prompts with CJK characters."""

    @field_validator("terms")
    @classmethod
    def _valid_regexes(cls, terms: list[str], info: ValidationInfo) -> list[str]:
        """Compile the group's pattern once (the one `pattern` will use, from re's cache);
        only when that fails are the terms compiled one by one to name the bad one. Skipped
        when these exact files already passed this check (`REGEXES_CHECKED`, see
        `load_ethics_rules`): compiling every group was a third of a cold critique."""
        if info.context and info.context.get(REGEXES_CHECKED):
            return terms
        try:
            _compile(terms)
        except re.error:
            for t in terms:
                try:
                    re.compile(t)
                except re.error as e:
                    raise ValueError(f"term {t!r} is not a valid pattern: {e}") from None
            raise ValueError("the terms do not combine into one pattern") from None
        return terms

    @field_validator("locale")
    @classmethod
    def _valid_locale_regexes(cls, locale: dict[str, list[str]],
                              info: ValidationInfo) -> dict[str, list[str]]:
        for terms in locale.values():
            cls._valid_regexes(terms, info)
        return locale

    @property
    def all_terms(self) -> list[str]:
        return [*self.terms, *(t for terms in self.locale.values() for t in terms)]

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every term of every language in one pattern (what `_Scan.spans` must agree with)."""
        return _compile(self.all_terms)

    @cached_property
    def spaced_pattern(self) -> re.Pattern[str] | None:
        """lexicon.yaml's terms written in spaced scripts, matched on word bounds."""
        spaced = [t for t in self.terms if not _CJK.search(t)]
        return _compile(spaced) if spaced else None

    @cached_property
    def prefixes(self) -> dict[str, PartLeads]:
        """How each part of the group's terms can begin (`PartLeads`): "en" lexicon.yaml's
        spaced terms, "es" the Spanish lexicon's, "zhja" the Latin-script terms of the Chinese
        and Japanese lexicons, "cjk" the terms written in CJK characters of every lexicon (at
        any character, not only at a word start: `_cjk_part_leads`).

        Running a hundred regexes over every prompt costs more than the whole budget; most
        groups can be skipped, and the rest tried only where they can begin, by checking these
        against the prompt's word starts first (`_Scan.spans`).
        """
        zhja = [t for lang in ("zh", "ja") for t in self.locale.get(lang, [])]
        return {"en": _part_leads(self.terms), "es": _part_leads(self.locale.get("es", [])),
                "zhja": _part_leads(zhja), "cjk": _cjk_part_leads(self.all_terms)}

    @cached_property
    def has_cjk_terms(self) -> bool:
        """Whether a prompt with Chinese or Japanese characters runs more of the group than one
        without: a term written in those characters, or a term of those lexicons."""
        return any(_CJK.search(t) for t in self.all_terms) or any(
            self.locale.get(lang) for lang in ("zh", "ja"))

    @cached_property
    def scan_plans(self) -> dict[tuple[bool, bool], ScanPlan]:
        """`scan_plan`'s answers, built on first use."""
        return {}

    def scan_plan(self, spanish: bool, cjk: bool) -> ScanPlan:
        """The terms a prompt runs (lexicon.yaml's always; the Spanish lexicon's on a prompt
        with Spanish cues; the Chinese and Japanese ones on a prompt with CJK characters), in
        that order, and where their matches can begin."""
        key = (spanish and bool(self.locale.get("es")), cjk and self.has_cjk_terms)
        plan = self.scan_plans.get(key)
        if plan is None:
            parts = [self.prefixes["en"], *([self.prefixes["es"]] if key[0] else []),
                     *([self.prefixes["zhja"]] if key[1] else [])]
            terms = [*self.terms, *(self.locale.get("es", []) if key[0] else []),
                     *(t for lang in ("zh", "ja") for t in self.locale.get(lang, [])
                       if key[1])]
            cjk_leads, cjk_loose, _ = self.prefixes["cjk"] if key[1] else _NO_LEADS
            in_plan = set(terms)
            plan = ScanPlan(terms=terms, leads=frozenset().union(*(part[0] for part in parts)),
                            loose_terms=[*(t for part in parts for t in part[1]),
                                         *(t for t in cjk_loose if t in in_plan)],
                            cjk_leads=cjk_leads, nullable=any(part[2] for part in parts))
            self.scan_plans[key] = plan
        return plan


PartLeads = tuple[frozenset[str], tuple[str, ...], bool]
"""Of a list of spaced terms: the leads (`_leads`, folded like `_Scan`'s index) of every term
whose leads can be said; the terms whose can't ("loose": searched by a scan of their own);
whether a term may match the empty string (then its group is always searched in full)."""


def _part_leads(terms: list[str]) -> PartLeads:
    leads: set[str] = set()
    loose: list[str] = []
    for term in terms:
        if _CJK.search(term):
            continue
        found = _leads(term)
        if found is None:
            loose.append(term)
        else:
            leads.update(fold(lead) for lead in found)
    return frozenset(leads - {""}), tuple(loose), "" in leads


CJK_LEAD_CHARS = 2
"""How many leading characters of a CJK term the scan indexes: two characters of Chinese or
Japanese are about as selective as five Latin letters, and every character of the prompt is
looked up (not only word starts), so longer keys would cost more than they prune."""


def _cjk_part_leads(terms: list[str]) -> PartLeads:
    """`_part_leads` of the terms written in CJK characters, whose matches may begin at any
    character (`_compile` gives them no word bounds): their first `CJK_LEAD_CHARS` characters
    (fewer where the term is shorter or what follows can't be listed, `porn\\w*` style), and
    as loose the few that can begin with anything (`[一-龥]{1,3}医師`). A term that may match
    the empty string counts as loose too: its lookahead then finds every position, which is
    what the full search tries."""
    leads: set[str] = set()
    loose: list[str] = []
    for term in terms:
        if not _CJK.search(term):
            continue
        found = _leads(term, CJK_LEAD_CHARS)
        if found is None or "" in found:
            loose.append(term)
        else:
            leads.update(fold(lead) for lead in found)
    return frozenset(leads), tuple(loose), False


_NO_LEADS: PartLeads = (frozenset(), (), False)


@dataclass(slots=True)
class ScanPlan:
    """How `_Scan.spans` searches one group on one kind of prompt (see `TermGroup.scan_plan`).

    `pattern` is the group's terms for the prompt in one regex, the reference every search must
    agree with; it is only tried at the positions where a lead starts (a spaced term's at a
    word start, a CJK term's at any character) and where `loose`, the terms without leads in
    a zero-width scan, can match."""

    terms: list[str]
    leads: frozenset[str]
    loose_terms: list[str]
    cjk_leads: frozenset[str]
    """The first characters of the terms written in CJK characters (on a prompt that has
    some; `_cjk_part_leads`), looked up in `_Scan.cjk_at`. They used to be searched by the
    loose scan, a lookahead tried at every character: most of a long Japanese prompt's review."""
    nullable: bool
    _pattern: re.Pattern[str] | None = None
    _pieces: list[list[re.Pattern[str]]] | None = None
    _loose: dict[tuple[str, ...], re.Pattern[str]] = field(default_factory=dict)
    _lower: re.Pattern[str] | Literal[False] | None = None
    _ascii: re.Pattern[str] | Literal[False] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = _compile(self.terms)
        return self._pattern

    def lower_pattern(self) -> re.Pattern[str] | None:
        """`pattern` compiled without IGNORECASE, for an ASCII prompt's lower-cased copy: the
        same matches at the same offsets where the pattern reads the same there
        (`regex_pieces.case_free_closed_classes`; the word-boundary lookarounds do), in fewer
        steps, since re need not fold every character it compares; None where it does not."""
        if self._lower is None:
            source = self.pattern.pattern
            self._lower = re.compile(source) if case_free_closed_classes(source) else False
        return self._lower or None

    def ascii_pattern(self) -> re.Pattern[str] | None:
        """`pattern` for an ASCII prompt where `lower_pattern` can't be used (a term reads
        case, `(?-i:[A-Z][a-z]+) from ...`): without IGNORECASE, each letter and class written
        as the ASCII characters it takes in either case (`regex_pieces.ascii_case_expanded`),
        so the same matches at the same offsets of the prompt itself. re then passes over an
        alternative whose first letter is not the text's at once, where IGNORECASE folded and
        entered every one: `local_role`'s "the ..." terms, tried at every "the", took a tenth of
        a long prompt's review. None where the rewrite is not known safe."""
        if self._ascii is None:
            expanded = ascii_case_expanded(self.pattern.pattern)
            self._ascii = re.compile(expanded) if expanded is not None else False
        return self._ascii or None

    def loose(self, folded: str, ascii_text: bool = False) -> re.Pattern[str] | None:
        """A scan for every position where a loose term can match (a lookahead, so matches
        may overlap), of the loose terms whose required pieces (`bot.core.regex_pieces`) are all in
        the prompt (`folded`); None when none can match. `ascii_text`: the scan will run on an
        ASCII text, so it may be the case-expanded one (`ascii_pattern`), which visits the
        prompt's every character faster than IGNORECASE."""
        if not self.loose_terms:
            return None
        if self._pieces is None:
            self._pieces = [pieces_regexes(required_pieces(t, fold)) for t in self.loose_terms]
        active = tuple(t for t, tests in zip(self.loose_terms, self._pieces, strict=True)
                       if all(test.search(folded) for test in tests))
        if not active:
            return None
        key = (*active, "\x00ascii") if ascii_text else active
        found = self._loose.get(key)
        if found is None:
            source = "(?=" + _compile(list(active)).pattern + ")"
            expanded = ascii_case_expanded(source) if ascii_text else None
            found = (re.compile(expanded) if expanded is not None
                     else re.compile(source, re.IGNORECASE))
            self._loose[key] = found
        return found


def _fold_table() -> dict[int, int]:
    """Characters `re` treats as the same letter under IGNORECASE beyond what `str.lower` maps
    (ſ and s, ı and i, µ and μ...), each to one of them: the prompt's index and the leads are
    folded with it, so a lead found in the index is exactly a place the regex can match."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:  # pragma: no cover - another Python's private layout
        return {}
    table: dict[int, int] = {}
    for code, others in _EXTRA_CASES.items():
        canonical = min(code, *others)
        for member in (code, *others):
            if member != canonical:
                table[member] = canonical
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """`text` lower-cased as the ethics index reads it (see `_fold_table`)."""
    return text.lower().translate(_FOLD)


_SPANISH_ACCENT = re.compile(r"[ñáéíóú¿¡]", re.IGNORECASE)
_SPANISH_WORDS = frozenset([
    "de", "del", "la", "las", "el", "los", "que", "con", "por", "para", "un", "una", "unos",
    "unas", "y", "en", "su", "sus", "se", "al", "mi", "mis", "es", "está", "como", "pero", "muy",
    "hay", "lo", "le", "sin", "donde", "todos", "todas", "sobre", "entre", "desde", "hasta",
    "tipo", "estilo", "hazme", "haz", "este", "esta", "ese", "esa", "nos", "tu", "tus", "yo"])
_SPANISH_ENDINGS = ("ando", "iendo", "yendo", "mente")
_SPANISH_SUFFIXED = re.compile(r"[a-z]{2,}(?:ando|iendo|yendo|mente)", re.ASCII)
_WHOLE_WORD = re.compile(r"(?<!\w)\w+(?!\w)")
_ASCII_WORD = re.compile(r"\w+", re.ASCII)
"""A word of an ASCII text, as `_WHOLE_WORD` and `_WORDS` (below) both read one there."""
_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def looks_spanish(text: str) -> bool:
    """A cheap cue, not a detector: an accented letter or ¿¡, or three Spanish function words,
    gerunds (-ando, -iendo) or adverbs (-mente): a prompt written as a comma list of nouns and
    gerunds ("Keanu Reeves acariciando a un golden retriever") has few function words. A wrong
    answer only costs time (the Spanish terms run on an English prompt, or not on a Spanish one
    without any of these cues, which hardly exists). Every English prompt pays for it, so it
    is a set lookup per word rather than one regex of fifty alternatives tried at every
    position (a third of the time on a 900-character prompt, same answers)."""
    if _SPANISH_ACCENT.search(text):
        return True
    if text.isascii():
        lower = text.lower()
        return _ascii_looks_spanish(lower, _ASCII_WORD.findall(lower))
    hits = 0
    for word in _WHOLE_WORD.findall(text):
        low = word.lower()
        if low in _SPANISH_WORDS or (low.endswith(_SPANISH_ENDINGS)
                                     and _SPANISH_SUFFIXED.fullmatch(low)):
            hits += 1
            if hits >= 3:
                return True
    return False


def _ascii_looks_spanish(lower: str, words: list[str]) -> bool:
    """`looks_spanish` after its accent test, on an ASCII text lower-cased (where lowering the
    whole text lowers each word alike) and its words (`_ASCII_WORD`, the same words as
    `_WHOLE_WORD` there): the function words counted by one `map` over the words, and the
    words read for a gerund or adverb ending only when the text holds one of the endings at
    all. Most English prompts hold none, and the loop over every word was a tenth of a long
    English prompt's review."""
    hits = sum(map(_SPANISH_WORDS.__contains__, words))
    if hits < 3 and any(ending in lower for ending in _SPANISH_ENDINGS):
        hits += sum(1 for word in words if word.endswith(_SPANISH_ENDINGS)
                    and word not in _SPANISH_WORDS and _SPANISH_SUFFIXED.fullmatch(word))
    return hits >= 3


class Adjust(_Strict):
    if_: list[str] = Field(alias="if", min_length=1)
    and_if: list[str] = Field(default_factory=list)
    """Groups of which one must also be found (within the same window) for the adjust to
    apply: a frame that clears a prompt only with a second sign ("awareness" and "actors")."""
    lower_to: ConcernSeverity | None = None
    raise_to: ConcernSeverity | None = None
    window: int | None = 12
    near_part: int = Field(default=0, ge=0)
    """Which part of `when` the window is counted from: 0 the anchor; 1 the second part, so
    a rule whose act is not its anchor can ask what the act is aimed at (a minor near
    violence that strikes a piñata, a robot, a statue: the target beside the act, not beside
    the child, says who is hit). Counted from a later part, the adjust holds only when that
    part's clause does not hold the anchor ("a robot stabs a child" keeps its stop: the child
    may be the one struck; "my son's party: the piñata 'murdered'" does not)."""

    @model_validator(mode="after")
    def _one_direction(self) -> Adjust:
        if (self.lower_to is None) == (self.raise_to is None):
            raise ValueError("an adjust needs exactly one of lower_to or raise_to")
        return self


class Rule(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    category: Category
    severity: ConcernSeverity
    when: list[str | list[str]] = Field(min_length=1)
    window: int | None = 12
    unless: list[str] = Field(default_factory=list)
    unless_window: int = 6
    adjust: list[Adjust] = Field(default_factory=list)
    why: str = Field(min_length=10)
    instead: str = Field(min_length=10)

    def groups(self) -> set[str]:
        names = {g for item in self.when for g in ([item] if isinstance(item, str) else item)}
        names.update(self.unless)
        for a in self.adjust:
            names.update(a.if_)
            names.update(a.and_if)
        return names


class Person(_Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)
    """Spellings that must keep their capitals ('Trump' but not 'trump card')."""
    kind: Literal["politician", "royal", "religious", "business", "entertainer", "athlete",
                  "activist", "scientist", "artist", "public"]
    living: bool


class Franchise(_Strict):
    """Characters and marks one owner holds (characters.yaml)."""

    owner: str
    names: list[str] = Field(min_length=1)
    exact: list[str] = Field(default_factory=list)
    """Names that must keep their capitals: the bare word is also an ordinary word."""


_SPACED_WORD = r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
"""A letter or digit of a spaced script: CJK text next to a Latin name does not extend it
("Lady Gaga走在红毯上" names Lady Gaga)."""
_NAME_END = re.compile(rf"(?!{_SPACED_WORD})(?!['’](?![sS](?!{_SPACED_WORD})){_SPACED_WORD})")
"""Where a name may end: not inside a longer word ("Trumpet", "O'Neill" for "O"), but a
possessive is still the name ("Morgan Freeman's voice")."""
_WORDS = re.compile(rf"{_SPACED_WORD}+")


MIN_FOUND_WORD = 2
"""`NameIndex.ascii_words` finds first words this long or longer with `str.find`; a present
one-letter first word ("t" of "don't") is in most words, so the words are read one by one."""

SHARED_FIRST_WORD = 4
"""From this many names sharing a first word, `NameIndex` sorts them by what follows it."""
NEXT_CHARS = 4
"""How many characters after a shared first word `NameIndex` sorts names by."""


class NameIndex:
    r"""Finds any of many names (people, characters) in a prompt by dictionary lookup.

    One regular expression with hundreds of alternatives costs milliseconds per long prompt;
    looking each word of the prompt up in a dict of first words costs microseconds. A name
    matches at a word start, case-insensitively unless it keeps its capitals, and ends where
    the word ends (as `(?![\w'’]*\w)`); names in CJK characters match anywhere.
    """

    def __init__(self, loose: list[str], exact: list[str]) -> None:
        self.by_first: dict[str, list[tuple[str, str | None]]] = {}
        self.cjk: list[tuple[str, str | None]] = []
        for names, keep_case in ((loose, False), (exact, True)):
            for name in names:
                entry = (name.lower(), name if keep_case else None)
                if _CJK.search(name):
                    self.cjk.append(entry)
                    continue
                first = _WORDS.match(name.lower())
                if first is None:
                    continue
                self.by_first.setdefault(first.group(0), []).append(entry)
        for entries in self.by_first.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)  # the longest name wins
        self.cjk.sort(key=lambda e: len(e[0]), reverse=True)
        self.by_next = {first: self._by_next(first, entries)
                        for first, entries in self.by_first.items()
                        if len(entries) > SHARED_FIRST_WORD}

    @staticmethod
    def _by_next(first: str, entries: list[tuple[str, str | None]]) -> dict[str, list[int]]:
        """The entries of a first word many names share ("the": forty characters), by the
        `NEXT_CHARS` characters that follow it in the name (fewer for a shorter name), as
        positions in the entries' longest-first order."""
        out: dict[str, list[int]] = {}
        for i, (name, _) in enumerate(entries):
            out.setdefault(name[len(first):len(first) + NEXT_CHARS], []).append(i)
        return out

    def _candidates(self, first: str, lower: str, after: int) -> list[tuple[str, str | None]]:
        """The names beginning with the word `first` (ending at `after` in `lower`) that the
        text can go on with, in their longest-first order: a name whose next characters are
        not the text's can't match, so it is not tried."""
        entries, buckets = self.by_first[first], self.by_next[first]
        ahead = lower[after:after + NEXT_CHARS]
        return [entries[i] for i in sorted(i for n in range(len(ahead) + 1)
                                           for i in buckets.get(ahead[:n], ()))]

    @staticmethod
    def words(lower: str) -> list[tuple[int, int, str]]:
        """The words of a lower-cased text `find` looks up, with where each begins and ends:
        the people's and the characters' indexes read the same prompt (`_Scan.name_words`)."""
        return [(m.start(), m.end(), m.group(0)) for m in _WORDS.finditer(lower)]

    @staticmethod
    def ascii_words(lower: str, words: list[str],
                    firsts: frozenset[str]) -> list[tuple[int, int, str]]:
        """`words` of an ASCII text's lower-cased copy, less those no name begins with
        (`firsts`, `EthicsRules.name_first_words`): `find` passes over such a word, so its
        answer is the same. `words`: the text's words in order (`_ASCII_WORD`, which on ASCII
        text splits as `_WORDS` does). A long prompt's hundred and fifty words hold a handful of
        distinct first words ("the", "black"), found with `str.find` and kept where they are
        whole words, rather than a place built for every word."""
        present = firsts.intersection(words)
        if not present:
            return []
        if min(map(len, present)) < MIN_FOUND_WORD:
            return [(m.start(), m.end(), word) for m in _WORDS.finditer(lower)
                    if (word := m.group(0)) in present]
        out: list[tuple[int, int, str]] = []
        for word in present:
            at = lower.find(word)
            while at >= 0:
                end = at + len(word)
                if ((at == 0 or lower[at - 1] not in _ASCII_WORD_CHARS)
                        and lower[end:end + 1] not in _ASCII_WORD_CHARS):
                    out.append((at, end, word))
                at = lower.find(word, end)  # a word char precedes any start before `end`
        out.sort()
        return out

    def find(self, text: str,
             words: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int]]:
        """Spans of every name in `text`, in order, never overlapping; `words`: `words` of
        `text.lower()`, when already read (all of them, or `ascii_words`)."""
        lower = text.lower()
        spans: list[tuple[int, int]] = []
        by_first, by_next = self.by_first, self.by_next
        for at, after, word in (self.words(lower) if words is None else words):
            entries = by_first.get(word)
            if not entries:
                continue
            if word in by_next:
                entries = self._candidates(word, lower, after)
            for name, exact in entries:
                start, end = at, at + len(name)
                if not lower.startswith(name, start) or not _NAME_END.match(lower, end):
                    continue
                if exact is not None and text[start:end] != exact:
                    continue
                spans.append((start, end))
                break
        if self.cjk and _CJK.search(text):
            present = set(lower)  # a name whose first character is absent is not searched
            for name, _ in self.cjk:
                if name[0] not in present:
                    continue
                at = lower.find(name)
                while at >= 0:
                    spans.append((at, at + len(name)))
                    at = lower.find(name, at + len(name))
        spans.sort()
        kept: list[tuple[int, int]] = []
        for span in spans:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
            elif span[1] - span[0] > kept[-1][1] - kept[-1][0] and span[0] == kept[-1][0]:
                kept[-1] = span
        return kept


_LIVING_UNLISTED = Person(name="(a living person)", kind="public", living=True)
_HISTORICAL_UNLISTED = Person(name="(a historical person)", kind="public", living=False)
"""What `_Scan` knows of a person found in a CJK prompt by `ethics.names`: living or not."""


class EthicsRules(_Strict):
    groups: dict[str, TermGroup]
    unions: dict[str, list[str]] = Field(default_factory=dict)
    rules: list[Rule]
    people: list[Person]
    characters: list[Franchise] = Field(default_factory=list)
    name_stopwords: frozenset[str] = frozenset()
    _concept_cache: dict[str, tuple[str, ...]] = PrivateAttr(default_factory=dict)
    """Dictionary sense -> the groups it is a term of (`ethics.concepts`)."""
    _data_dir: Path | None = PrivateAttr(default=None)
    """The data directory the rules were loaded for: where the gloss keeps its parsed
    dictionary (`ethics.gloss`)."""

    @cached_property
    def all_leads(self) -> frozenset[str]:
        """Every group's leads of spaced terms (`TermGroup.prefixes`, every part but "cjk",
        which `cjk_leads` holds) together: the only beginnings a scan needs to index."""
        found: set[str] = set()
        for group in self.groups.values():
            for part, (leads, _, _) in group.prefixes.items():
                if part != "cjk":
                    found |= leads
        return frozenset(found)

    @cached_property
    def spaced_leads_by_group(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """Each group's leads of spaced terms (every part but "cjk"), in the order of
        `groups`: what `groups_of_lead` looks a lead up in."""
        return tuple((name, frozenset().union(*(leads for part, (leads, _, _)
                                                in group.prefixes.items() if part != "cjk")))
                     for name, group in self.groups.items())

    @cached_property
    def groups_by_lead(self) -> dict[str, tuple[str, ...]]:
        """`groups_of_lead`'s answers by lead (a plain attribute once built)."""
        return {}

    def groups_of_lead(self, lead: str) -> tuple[str, ...]:
        """The groups whose spaced terms (any part but "cjk") can begin with `lead`, in the
        order of `groups`: a scan asks only these groups' patterns, so a group none of whose
        leads starts a word of the prompt is known empty without building its plan
        (`_Scan.may_hit`). Found on first use and remembered (`groups_by_lead`): the index of
        every lead, tens of thousands of them, took tens of milliseconds to build in a cold
        process, which reviews one prompt and asks for a few hundred."""
        known = self.groups_by_lead
        found = known.get(lead)
        if found is None:
            found = tuple(name for name, leads in self.spaced_leads_by_group if lead in leads)
            if len(known) < LEADS_OF_LIMIT:
                known[lead] = found
        return found

    @cached_property
    def groups_by_cjk_lead(self) -> dict[str, tuple[str, ...]]:
        """The groups whose terms written in CJK characters can begin with each CJK lead
        (`cjk_leads`): `groups_of_lead` for the CJK part, so a CJK prompt's live groups are
        known from the leads its characters hold (`_Scan.cjk_live_groups`)."""
        found: dict[str, list[str]] = {}
        for name, group in self.groups.items():
            for lead in group.prefixes["cjk"][0]:
                found.setdefault(lead, []).append(name)
        return {lead: tuple(names) for lead, names in found.items()}

    @cached_property
    def groups_always_searched(self) -> frozenset[str]:
        """Groups a lead index cannot rule out (`_Scan.may_hit`): a term without leads (a loose
        one, in any part) or one that may match the empty string."""
        return frozenset(name for name, group in self.groups.items()
                         if any(loose or nullable for _, loose, nullable
                                in group.prefixes.values()))

    @cached_property
    def groups_with_cjk_leads(self) -> frozenset[str]:
        """Groups with terms written in CJK characters: on a CJK prompt they are searched."""
        return frozenset(name for name, group in self.groups.items()
                         if group.prefixes["cjk"][0])

    @cached_property
    def cjk_leads(self) -> frozenset[str]:
        """Every group's CJK leads (`TermGroup.prefixes["cjk"]`): the only keys of one or two
        characters a CJK prompt's index (`_Scan.cjk_at`) keeps."""
        return frozenset().union(*(g.prefixes["cjk"][0] for g in self.groups.values()))

    @cached_property
    def cjk_lead_firsts(self) -> frozenset[str]:
        """The first characters of `cjk_leads`: a character no lead begins with is passed over
        with one lookup."""
        return frozenset(lead[0] for lead in self.cjk_leads)

    def leads_of(self, window: str) -> tuple[str, ...]:
        """The leads (`all_leads`) that `window`, a word's first `PREFIX_CHARS` characters,
        begins with, shortest first. Remembered per window: words' beginnings recur from
        prompt to prompt ("the s", "a wom"), and a slice and a lookup per beginning of every
        word were most of indexing an English prompt. (Every beginning is looked up, once per
        window: a set of every beginning of every lead, to stop early, was twice the leads to
        keep and load in a cold process.)"""
        known = self.leads_by_window
        found = known.get(window)
        if found is None:
            leads = self.all_leads
            found = tuple(key for key in (window[:n] for n in range(1, len(window) + 1))
                          if key in leads)
            if len(known) < LEADS_OF_LIMIT:
                known[window] = found
        return found

    @cached_property
    def leads_by_window(self) -> dict[str, tuple[str, ...]]:
        """`leads_of`'s answers by window (a plain attribute once built: a scan reads it once
        per word, and a pydantic private attribute costs a microsecond a read)."""
        return {}

    @cached_property
    def lead_starts(self) -> re.Pattern[str]:
        """Where a spaced term can begin, not after a Latin letter or digit (see `_compile`),
        so after a space, punctuation, a CJK character or any other script's letter, and at
        a character some lead begins with: a scan looks up only these, so the characters of
        a Chinese or Japanese prompt, every one of them a possible start, are passed over by
        the regex rather than one by one in Python."""
        firsts = sorted({lead[0] for lead in self.all_leads})
        if not firsts:
            return re.compile(r"(?!)")
        return re.compile(_NOT_AFTER_WORD + "[" + "".join(re.escape(c) for c in firsts) + "]")

    def _leaf_groups(self, name: str) -> frozenset[str]:
        """The groups a group name stands for: itself, or a union's members with the unions
        among them unfolded (a detected group, `DETECTED_GROUPS`, is one of them as it is)."""
        if name not in self.unions:
            return frozenset([name])
        return frozenset().union(*(self._leaf_groups(m) for m in self.unions[name]))

    @cached_property
    def rules_by_anchor(self) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]],
                                       tuple[int, ...]]:
        """The rules (positions in `rules`) a prompt may have to try, by what their anchor
        (`when[0]`) needs to hit (`_Scan.rules_to_try`): those whose anchor has a detected
        group or one a lead index cannot rule out (`groups_always_searched`), on every prompt;
        the others by each group of their anchor, unions unfolded, when that group is live on
        the prompt (`_Scan.live_groups`); and those whose anchor has a group with CJK terms,
        on a CJK prompt as well. A rule whose anchor has no hit never fires, and on an
        English prompt one or two of the hundred-odd rules have one."""
        always: list[int] = []
        by_group: dict[str, list[int]] = {}
        cjk: list[int] = []
        for i, rule in enumerate(self.rules):
            first = rule.when[0]
            leaves = frozenset().union(*(self._leaf_groups(n) for n in
                                         ([first] if isinstance(first, str) else first)))
            if leaves & _DETECTED or leaves & self.groups_always_searched:
                always.append(i)
                continue
            for g in leaves:
                by_group.setdefault(g, []).append(i)
            if leaves & self.groups_with_cjk_leads:
                cjk.append(i)
        return tuple(always), {g: tuple(ids) for g, ids in by_group.items()}, tuple(cjk)

    @cached_property
    def top_severity(self) -> tuple[int, ...]:
        """Each rule's (by position in `rules`) most severe outcome, as a `SEVERITY_RANK`: its
        severity, or an adjustment's `raise_to` above it (`lower_to` only lowers)."""
        return tuple(max([SEVERITY_RANK[rule.severity],
                          *(SEVERITY_RANK[a.raise_to] for a in rule.adjust if a.raise_to)])
                     for rule in self.rules)

    @cached_property
    def rule_index(self) -> dict[int, int]:
        """Each rule's position in `rules`, by the rule object's `id()` (the list holds them)."""
        return {id(rule): i for i, rule in enumerate(self.rules)}

    @cached_property
    def partner_needs(self) -> tuple[tuple[frozenset[str], ...], ...]:
        """For each rule (by position in `rules`), the leaf groups of each partner item
        (`when[1:]`) a lead index can rule out: one of them must be live on the prompt
        (`_Scan.live_groups`) for the item to have a hit, and every item needs one for the rule
        to fire. An item with a detected group (`DETECTED_GROUPS`) or one always searched
        (`groups_always_searched`) can't be ruled out so, and is left out."""
        out = []
        for rule in self.rules:
            needs = []
            for item in rule.when[1:]:
                leaves = frozenset().union(*(self._leaf_groups(n) for n in
                                             ([item] if isinstance(item, str) else item)))
                if not (leaves & _DETECTED or leaves & self.groups_always_searched):
                    needs.append(leaves)
            out.append(tuple(needs))
        return tuple(out)

    @cached_property
    def rules_by_partner_need(self) -> tuple[tuple[frozenset[str], frozenset[int]], ...]:
        """`partner_needs` turned round: each distinct need (a partner item's leaf groups)
        with the rules (positions in `rules`) that have it. A prompt then tests each need
        once (fifty of them) instead of every need of every rule it would try."""
        by_need: dict[frozenset[str], set[int]] = {}
        for i, needs in enumerate(self.partner_needs):
            for need in needs:
                by_need.setdefault(need, set()).add(i)
        return tuple((need, frozenset(ids)) for need, ids in by_need.items())

    @field_validator("name_stopwords", mode="before")
    @classmethod
    def _split_words(cls, v: object) -> object:
        return frozenset(v.split()) if isinstance(v, str) else v

    @model_validator(mode="after")
    def _references_exist(self) -> EthicsRules:
        known = set(self.groups) | set(self.unions) | set(DETECTED_GROUPS)
        for name, members in self.unions.items():
            missing = [m for m in members if m not in known or m == name]
            if missing:
                raise ValueError(f"union {name!r} names unknown groups {missing}")
        for name, group in self.groups.items():
            missing = [m for m in group.unless if m not in known]
            if missing:
                raise ValueError(f"group {name!r}: unless names unknown groups {missing}")
        ids: set[str] = set()
        for rule in self.rules:
            missing = sorted(rule.groups() - known)
            if missing:
                raise ValueError(f"rule {rule.id!r} names unknown groups {missing}")
            if rule.id in ids:
                raise ValueError(f"rule id {rule.id!r} is used twice")
            ids.add(rule.id)
        return self

    @cached_property
    def people_index(self) -> tuple[NameIndex, dict[str, Person]]:
        """Every spelling of every person; lookup by the lower-cased matched text."""
        by_spelling: dict[str, Person] = {}
        loose: list[str] = []
        exact: list[str] = []
        for p in self.people:
            for spelling in (p.name, *p.aliases):
                by_spelling[spelling.lower()] = p
                loose.append(spelling)
            for spelling in p.exact:
                by_spelling[spelling.lower()] = p
                exact.append(spelling)
        return NameIndex(loose, exact), by_spelling

    @cached_property
    def characters_index(self) -> NameIndex:
        """Every protected character's or mark's name (characters.yaml)."""
        return NameIndex([n for f in self.characters for n in f.names],
                         [n for f in self.characters for n in f.exact])

    @cached_property
    def name_first_words(self) -> frozenset[str]:
        """The words a person's or a character's name can begin with (both indexes'
        `NameIndex.by_first`): the only words of a prompt `_Scan.name_words` keeps."""
        return frozenset(self.people_index[0].by_first).union(self.characters_index.by_first)


SPANISH_VERBS_VERSION = "1"
"""Bumped with `ethics.spanish`'s expansion of `<<verb>>` terms, which the rules cache stores
expanded (not imported here: the module only runs when the files are parsed)."""
POSSESSIVE_VERSION = "1"
"""Bumped with `ethics.possessive`'s rewrite of lexicon.yaml's terms, which the rules cache
stores rewritten (imported only when the files are parsed, as `ethics.spanish` is)."""
LEADS_VERSION = "5"
"""Bumped when `_leads` changes: the rules cache stores each group's leads."""

ETHICS_FILES = ("lexicon.yaml", "rules.yaml", "people.yaml", "characters.yaml")
LOCALE_LEXICONS = ("lexicon.zh.yaml", "lexicon.es.yaml", "lexicon.ja.yaml")
"""Per-language terms for the groups of lexicon.yaml (optional files). The rules combine
concepts (a minor, a sexual act, a private person, a request for money); each language names
those concepts its own way, so a language adds its words to the same groups and every rule
works in it unchanged. Written for the language, not translated word by word."""


class LocaleLexicon(_Strict):
    """One lexicon.<lang>.yaml: the language's terms for existing groups."""

    language: Literal["zh", "es", "ja"]
    groups: dict[str, list[str]] = Field(min_length=1)

    @field_validator("groups")
    @classmethod
    def _non_empty(cls, groups: dict[str, list[str]]) -> dict[str, list[str]]:
        empty = [name for name, terms in groups.items() if not terms]
        if empty:
            raise ValueError(f"groups {empty} list no terms")
        return groups


def load_ethics_rules(knowledge_dir: Path | None = None,
                      data_dir: Path | None = None) -> EthicsRules:
    """Read and validate knowledge/ethics/*.yaml; raises KnowledgeError naming file and field.

    With a `data_dir`, the YAML parsing, the regex check of every term group and the groups'
    prefilters are done once per version of the files: a cache there (`CHECKED_MARKER`, plain
    data in `marshal` format, nothing executable) holds them under the hash of the files and of
    Python's version (whose `re` does the compiling). Everything else is validated on every
    load. Together these were over half of a cold `framecraft critique`.
    """
    directory = Path(knowledge_dir or DEFAULT_KNOWLEDGE_DIR) / "ethics"
    versions = (f"spanish-verbs-{SPANISH_VERBS_VERSION}\0leads-{LEADS_VERSION}"
                f"\0possessive-{POSSESSIVE_VERSION}")
    digest = hashlib.sha256(f"{sys.version}\0{versions}".encode())
    for name in ETHICS_FILES + LOCALE_LEXICONS:
        path = directory / name
        if not path.is_file():
            if name in LOCALE_LEXICONS:
                continue
            raise KnowledgeError(f"{path}: ethics rules file not found")
        try:
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError as e:
            raise KnowledgeError(f"{path}: cannot read: {e}") from None
    cache_file = Path(data_dir) / CHECKED_MARKER if data_dir is not None else None
    cached = _read_cache(cache_file, digest.hexdigest()) if cache_file is not None else None
    data = cached["data"] if cached is not None else _read_files(directory)
    try:
        rules = EthicsRules.model_validate(data, context={REGEXES_CHECKED: cached is not None})
    except ValidationError as e:
        raise KnowledgeError(f"{directory}/*.yaml: {_describe(e)}") from None
    if cached is not None:
        for name, found in cached.get("prefixes", {}).items():
            if name in rules.groups:
                rules.groups[name].__dict__["prefixes"] = found
        for key in ("all_leads", "cjk_leads", "cjk_lead_firsts"):  # a few ms
            # of set building in a cold process
            if isinstance(cached.get(key), frozenset):
                rules.__dict__[key] = cached[key]
    elif cache_file is not None:
        _write_cache(cache_file, {
            "digest": digest.hexdigest(), "data": data,
            "prefixes": {name: g.prefixes for name, g in rules.groups.items()},
            "all_leads": rules.all_leads,
            "cjk_leads": rules.cjk_leads, "cjk_lead_firsts": rules.cjk_lead_firsts})
    rules._data_dir = Path(data_dir) if data_dir is not None else None
    return rules


def _read_files(directory: Path) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in ETHICS_FILES:
        path = directory / name
        part = _read_yaml(path)
        overlap = set(part) & set(data)
        if overlap:
            raise KnowledgeError(f"{path}: sections {sorted(overlap)} are defined in another file")
        data.update(part)
    _read_possessives(data)
    for name in LOCALE_LEXICONS:
        path = directory / name
        if path.is_file():
            _merge_locale(data, path)
    return data


def _read_possessives(data: dict[str, Any]) -> None:
    """Let lexicon.yaml's terms read the English possessive every way (`ethics.possessive`:
    "my ex's photos", "my ex photos" and "photos of my ex" alike), before the per-language
    terms join the groups (those are written for their language)."""
    groups = data.get("groups")
    if not isinstance(groups, dict):
        return  # lexicon.yaml's own validation names what is wrong
    from bot.core.ethics.possessive import expand

    for group in groups.values():
        terms = group.get("terms") if isinstance(group, dict) else None
        if isinstance(terms, list) and all(isinstance(t, str) for t in terms):
            group["terms"] = expand(terms)


def _merge_locale(data: dict[str, Any], path: Path) -> None:
    """Add a lexicon.<lang>.yaml's terms to the groups they name; KnowledgeError names the file
    and the field (an unknown group, a term that is not a string)."""
    try:
        locale = LocaleLexicon.model_validate(_read_yaml(path))
    except ValidationError as e:
        raise KnowledgeError(f"{path}: {_describe(e)}") from None
    groups = data.get("groups")
    if not isinstance(groups, dict):
        return  # lexicon.yaml's own validation names what is wrong
    for name, terms in locale.groups.items():
        group = groups.get(name)
        if not isinstance(group, dict) or not isinstance(group.get("terms"), list):
            raise KnowledgeError(f"{path}: groups.{name}: no such group in lexicon.yaml")
        if locale.language == "es":
            from bot.core.ethics.spanish import expand

            terms = [expand(t) for t in terms]
        group.setdefault("locale", {})[locale.language] = list(terms)


def _read_cache(cache_file: Path, digest: str) -> dict[str, Any] | None:
    """The cached entry if it was written for exactly these files, else None."""
    try:
        entry = marshal.loads(cache_file.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(entry, dict) or entry.get("digest") != digest:
        return None
    if not isinstance(entry.get("data"), dict) or not isinstance(entry.get("prefixes"), dict):
        return None
    return entry


def _write_cache(cache_file: Path, entry: dict[str, Any]) -> None:
    """Marshalled, through `cache_files.write_cache_file` (atomic, only into a data directory
    that exists, best effort)."""
    try:
        blob = marshal.dumps(entry)
    except ValueError:  # a value marshal cannot store
        return
    write_cache_file(cache_file, blob)


@lru_cache(maxsize=4)
def cached_rules(knowledge_dir: Path | None = None, data_dir: Path | None = None) -> EthicsRules:
    rules = load_ethics_rules(knowledge_dir, data_dir)
    for g in rules.groups.values():
        _ = g.prefixes  # patterns compile on first use: a short prompt needs few of them
    _ = rules.people_index, rules.characters_index, rules.all_leads
    return rules


# --- matching --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    text: str
    first_word: int
    last_word: int


_UPPER, _LOWER = r"(?:(?=[^\W\d_])[^a-z\W\d_])", r"(?:(?=[^\W\d_])[^A-Z\W\d_])"
_WORD = rf"{_UPPER}{_LOWER}+(?:-{_UPPER}{_LOWER}+)?"
_CAP_PAIR = re.compile(rf"(?<![\w.])(?:(?:Dr|Mr|Mrs|Ms)\.? )?({_WORD}) ({_WORD})(?![\w-])")
_SPACE_CAPITAL = re.compile(rf" {_UPPER}")
_LOWER_LETTER = re.compile(_LOWER)


def _may_have_cap_pair(text: str) -> bool:
    """Whether `_CAP_PAIR` can match: a match holds a small letter, a space and a capital in
    a row (its first word ends in a small letter, its second begins with a capital). Found
    by the space (a literal re looks for quickly) and a look at the letter before it: the
    full pattern opens with a look-behind re tries at every character, a tenth of a long
    prompt's review, and most prompts' capitals only open their sentences."""
    return any(m.start() and _LOWER_LETTER.match(text, m.start() - 1)
               for m in _SPACE_CAPITAL.finditer(text))
# Curly quotes become straight ones, one character for one, so offsets stay valid.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_QUOTE_CHARS = re.compile("[\u2018\u2019\u201c\u201d]")
_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]"
                         if _FOLD else r"(?!)")
"""Whether a text has anything for `_QUOTES` or `_FOLD` to replace: `str.translate` with a
table looks every character up (tens of microseconds on a CJK prompt), a regex class test
passes over them in C."""


CLAUSE_BREAK = re.compile(r"[,.;:!?，。；：！？、\n]+")
"""What ends a clause in a prompt of any of the languages (Chinese and Japanese punctuation
included)."""


_DESCRIBED = re.compile(
    r"(?<![\w'])(?:the|that|this) (?:[a-z][\w'-]* ){0,3}?([a-z][a-z-]{2,})"
    r"(?= (?:with|at|from|in|on|of|who|whose|that|i|we|next to|behind|across from|"
    r"[a-z]{2,}ing)(?![\w'-]))", re.IGNORECASE)
"""A definite noun phrase followed by what holds it to one individual (a place, a relative
clause, or what they are doing there: "the babysitter shaking ...", "the cashier counting
..."): its head is a group."""
_OWN_PERSON = re.compile(r"(?<![\w'])(?:my|our) ((?:[a-z][\w'-]* ){0,2}[a-z][a-z-]{2,})"
                         r"(?:'s?)?(?![\w'-])", re.IGNORECASE)
"""A person of the author's own life: "our bus driver", "my dentist's receptionist"; the
head (its last word) must be a kind of person, and a story's roles are left out."""
_POSSESSIVE_CLITIC = re.compile(r"'s?$")
"""The possessive clitic at a word's end ("my ex's", "my parents'"): the word is its noun, the
person the relation names (`ethics.possessive` lets the lexicon's terms read it the same way)."""


def without_clitic(word: str) -> str:
    """The word without its possessive clitic ("boss's" -> "boss", "parents'" -> "parents"):
    read by the own-person reader here and by the semantic layer's view of a Chinese gloss,
    whose possessors `gloss.possessive_of` marks."""
    return _POSSESSIVE_CLITIC.sub("", word)


_STORY_ROLES = frozenset([
    "hero", "heroine", "protagonist", "antagonist", "villain", "character", "characters",
    "narrator", "lead", "star", "model", "models", "subject", "subjects", "audience", "viewers",
    "followers", "fans", "actor", "actress", "actors", "cast"])
"""Heads that name a part in the author's story, not a person in their life ("our hero")."""
_TITLED_NAME = re.compile(
    r"(?<![\w.])(?:Coach|Pastor|Father|Reverend|Rev|Officer|Nurse|Principal|Professor|Prof|"
    r"Doctor|Dr|Mr|Mrs|Ms|Miss|Mx|Sister|Brother|Rabbi|Imam|Deacon|Judge|Councillor|"
    r"Councilman|Councilwoman|Sheriff|Deputy|Sergeant|Sgt|Chef|Auntie|Madam|Headteacher|"
    r"Dean|Director|Manager|Supervisor|Landlord|Teacher)\.? ([A-Z][a-z]*)\.?(?![\w'-])")
"""A title before a name or an initial: a particular person, most often a private one."""
_PLACED_NAME = re.compile(r"(?<![\w.'-])([A-Z][a-z]{2,}) from (?:[0-9][0-9]?[A-Z]|[A-Z][\w&'-]+)"
                          r"(?![\w-])")
"""A given name placed in a class, a form or an organisation ("Priya from 3B")."""
_PERSON_SUFFIX = re.compile(r"(?:ista|person|man|woman|girl|boy|guy|lady|driver|keeper|worker|"
                            r"attendant|assistant|operator)$")
"""Endings that make a person noun WordNet 3.0 may not list ("barista", "salesperson")."""


_PEOPLE_TOGETHER = frozenset(["family", "household", "couple", "neighbours", "neighbors",
                             "tenants", "residents", "roommates", "flatmates", "housemates",
                             "twins"])
"""Nouns for people who live together, which WordNet files as groups, not as persons."""


@lru_cache(maxsize=4096)
def _is_person_noun(word: str) -> bool:
    """Whether the word's most frequent noun sense is a kind of person (WordNet, through
    `noun_kinds`), or it has a person noun's ending."""
    from bot.core.noun_kinds import is_a_person

    return (is_a_person(word) or bool(_PERSON_SUFFIX.search(word))
            or word in _PEOPLE_TOGETHER)


ROLE_GROUPS = frozenset({"local_role", "described_person"})
"""The groups a Chinese, Japanese or Spanish role word held to one person adds to
(`_Scan._with_roles`)."""
CJK_WINDOW_SCALE = 3
"""How many Chinese or Japanese words (`_cjk_word_starts`) a rule's English word window
reaches: rules.yaml's windows were set when an unspaced prompt was one word, so each reached
the whole of it. Leave-one-set-out over the native dev sets (ethics_multilingual dev,
dev6n, dev7n, dev8n, dev10n, dev11n, dev12n; zh and ja) among 1, 1.5, 2, 3 and 4 picks 3 or 4
(tied on every set: every stop kept, no false stop added) where 1 and 2 lose stops or add a
false one; the smaller reach is kept."""


CJK_CLAUSE_UNLESS = 6
"""The widest `unless_window` that keeps a Chinese or Japanese canceller to the anchor's
clause (`_Scan.cancels`): rules.yaml gives negations, toys, qualifiers and the author's own
face 1-6 words, frames (a film, a satire, a minor anywhere) 8-30."""


def cjk_window(window: int) -> int:
    """A rule's word window, in the words of a Chinese or Japanese prompt."""
    return window * CJK_WINDOW_SCALE


_CANCELLING: dict[int, tuple[EthicsRules, frozenset[str]]] = {}


def _cancelling_groups(rules: EthicsRules) -> frozenset[str]:
    """The groups some rule or group names in `unless` (unions unfolded): what cancels a
    concern (a negation, a frame). Only these need a Chinese or Japanese one-character term to
    be a word of its own (`_cjk_whole_words`): a negation inside a word negates that word (无
    in 无人机 "unmanned aircraft"), while the concept terms keep matching inside compounds,
    which carry their meaning (毒 "poison" in 毒药, 药 "medicine" in 安眠药)."""
    cached = _CANCELLING.get(id(rules))
    if cached is None or cached[0] is not rules:
        names = {u for rule in rules.rules for u in rule.unless}
        names.update(u for group in rules.groups.values() for u in group.unless)
        leaves = frozenset().union(*(rules._leaf_groups(n) for n in names))
        cached = _CANCELLING[id(rules)] = (rules, leaves)
    return cached[1]


def _cjk_whole_words(text: str, spans: list[tuple[int, int]],
                     rules: EthicsRules) -> list[tuple[int, int]]:
    """`spans` without the one-character Chinese or Japanese matches that are a piece of a
    longer dictionary word (`gloss.inside_longer_word`: 无 "without" in 无人机 "drone"), as a
    spaced language's terms match whole words only."""
    if not any(end - start == 1 for start, end in spans):
        return spans
    from bot.core.ethics.gloss import inside_longer_word

    return [(start, end) for start, end in spans
            if end - start > 1 or _CJK.match(text, start) is None
            or not inside_longer_word(text, start, end, rules._data_dir)]


def _cjk_within_words(text: str, spans: list[tuple[int, int]],
                      rules: EthicsRules) -> list[tuple[int, int]]:
    """`spans` without the Chinese or Japanese matches that begin inside a longer dictionary
    word and run on past its end (`gloss.straddles_word_end`: 顔で "with the face of" read
    out of 笑顔で "with a smile"): a term is read where the words are, as a spaced language's
    word boundaries make it. A match inside a compound (安眠药's 药) or from a word's start
    stays; so does one that begins with a non-CJK character."""
    if not spans:
        return spans
    from bot.core.ethics.gloss import straddles_word_end

    return [(start, end) for start, end in spans
            if end - start < 2 or _CJK.match(text, start) is None
            or not straddles_word_end(text, start, end, rules._data_dir)]


def _cjk_word_places(text: str, starts: list[int] | tuple[int, ...]) -> list[int]:
    """Per word (`starts`), its place in window units: the sum of the words before it, a
    Chinese or Japanese word counting one, any other `CJK_WINDOW_SCALE`."""
    places: list[int] = []
    at = 0
    for start in starts:
        places.append(at)
        at += 1 if _CJK.match(text, start) else CJK_WINDOW_SCALE
    return places


def _cjk_word_starts(text: str, rules: EthicsRules) -> tuple[int, ...]:
    """The word starts of a prompt with Chinese or Japanese in it (`gloss.cjk_word_starts`:
    the gloss's dictionary words, which a review of such a prompt reads anyway)."""
    from bot.core.ethics.gloss import cjk_word_starts

    return cjk_word_starts(text, rules._data_dir)


class _Scan:
    """Group matches over one prompt, computed on first use."""

    def __init__(self, text: str, rules: EthicsRules):
        self.text = text.translate(_QUOTES) if _QUOTE_CHARS.search(text) else text
        self.original = text
        self.rules = rules
        lower = self.text.lower()
        self.aligned = len(lower) == len(self.text)  # lower() kept every offset
        # Where a spaced term may begin, by its first characters, so a group only tries the
        # positions its terms can start at. Only the beginnings some group leads with are kept
        # (most `PREFIX_CHARS`-letter ones are not); a word's beginnings are looked up once
        # per window (`EthicsRules.leads_of`).
        self.at: dict[str, list[int]] = {}
        self.folded = folded = lower.translate(_FOLD) if _FOLD_CHARS.search(lower) else lower
        self.ascii_lower = lower if self.text.isascii() else None
        """The lower-cased copy of an ASCII prompt, where a group's `ScanPlan.lower_pattern`
        is matched; None on other prompts, which keep the IGNORECASE pattern."""
        if self.aligned:
            known, leads_of = rules.leads_by_window, rules.leads_of
            for m in rules.lead_starts.finditer(folded):
                i = m.start()
                window = folded[i:i + PREFIX_CHARS]
                found = known.get(window)
                for key in (leads_of(window) if found is None else found):
                    self.at.setdefault(key, []).append(i)
        self.starts = set(self.at)
        self.has_cjk = _CJK.search(self.text) is not None
        self._people_hits: list[tuple[_Hit, Person]] | None = None
        self._cache: dict[str, list[_Hit]] = {}

    @cached_property
    def word_starts(self) -> list[int] | tuple[int, ...]:
        """Where each word begins: built for the first hit (`_hit`), which most prompts'
        review never makes. A Chinese or Japanese prompt's words by `_cjk_word_starts`."""
        if self.has_cjk:
            return _cjk_word_starts(self.original, self.rules)
        return [m.start() for m in re.finditer(r"\S+", self.text)]

    @cached_property
    def word_places(self) -> list[int] | None:
        """On a prompt with Chinese or Japanese in it, where each word stands in the units
        the windows count there (`cjk_window`): a Chinese or Japanese word one, a word of a
        spaced language `CJK_WINDOW_SCALE`, so the English words of a mixed prompt keep
        their reach. None (a word is one) elsewhere."""
        if not self.has_cjk:
            return None
        return _cjk_word_places(self.text, self.word_starts)

    def _word(self, pos: int) -> int:
        i = max(0, bisect.bisect_right(self.word_starts, pos) - 1)
        places = self.word_places
        return i if places is None else places[i]

    def _hit(self, start: int, end: int) -> _Hit:
        return _Hit(start=start, end=end, text=self.original[start:end],
                    first_word=self._word(start), last_word=self._word(max(start, end - 1)))

    def hits(self, name: str) -> list[_Hit]:
        if name not in self._cache:
            found = self._compute(name)
            if name in ROLE_GROUPS and (self.has_cjk or self.spanish):
                found = self._with_roles(name, found)
            self._cache[name] = found
        return self._cache[name]

    @cached_property
    def roles(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """`concepts.particular_people` of a Chinese or Japanese prompt, or
        `concepts.spanish_particular_people` of a Spanish one, found once."""
        from bot.core.ethics.concepts import particular_people, spanish_particular_people

        if self.has_cjk:
            return particular_people(self.original, self.rules._data_dir)
        from bot.core.ethics.gloss import spanish_dictionary

        return spanish_particular_people(self.text, spanish_dictionary())

    def _with_roles(self, name: str, found: list[_Hit]) -> list[_Hit]:
        """A group's hits with the words of a Chinese, Japanese or Spanish prompt that name a
        particular person by a role (`concepts.particular_people`): the author's own people
        complete `local_role` as English's "my intern", "our accountant" do; those and the
        people described by a demonstrative or a place (この店員, 取引先の担当者, la vecina
        del tercero) complete `described_person`, as English's "the clerk at the corner
        shop" does."""
        own, described = self.roles
        spans = own if name == "local_role" else own + described
        extra = [self._hit(s, e) for s, e in spans
                 if not any(h.start < e and s < h.end for h in found)]
        return sorted(found + extra, key=lambda h: h.start) if extra else found

    def partner_hits(self, name: str) -> list[_Hit]:
        """`hits`, and on a Chinese or Japanese prompt also the words whose dictionary senses
        are terms of the group (`concepts`). Only a rule's partners use them, never its
        anchor nor what cancels or lowers it: a dictionary sense knows no idiom (爆発的な人気
        is "explosive" popularity), so it may complete what the native lexicon started but
        not start a concern or silence one."""
        if not self.has_cjk or name in _DETECTED:
            return self.hits(name)
        key = "\x00" + name
        if key not in self._cache:
            if name in self.rules.unions:
                merged = [h for m in self.rules.unions[name] for h in self.partner_hits(m)]
                self._cache[key] = sorted(merged, key=lambda h: h.start)
            else:
                native = self.hits(name)
                extra = [self._hit(s, e) for s, e in self.concepts.get(name, [])
                         if not any(h.start < e and s < h.end for h in native)]
                self._cache[key] = sorted(native + extra, key=lambda h: h.start)
        return self._cache[key]

    def _compute(self, name: str) -> list[_Hit]:
        if name in self.rules.unions:
            merged = [h for member in self.rules.unions[name] for h in self.hits(member)]
            return sorted(merged, key=lambda h: h.start)
        if name in _DETECTED:
            return self._people(name)
        if not self.may_hit(name):
            return []
        group = self.rules.groups[name]
        spans = self.spans(group, name)
        if self.has_cjk:
            spans = without_absent(self.original, _cjk_within_words(
                self.original, spans, self.rules))
        if self.has_cjk and name in _cancelling_groups(self.rules):
            spans = _cjk_whole_words(self.original, spans, self.rules)
        found = [self._hit(start, end) for start, end in spans]
        if group.unless:
            found = [h for h in found
                     if not any(self.cancels(u, h, group.unless_window) for u in group.unless)]
        return found

    @cached_property
    def live_groups(self) -> frozenset[str]:
        """The groups whose leads begin some word of the prompt (`EthicsRules.groups_of_lead`
        over `starts`)."""
        return frozenset(self.leads_by_group)

    @cached_property
    def leads_by_group(self) -> dict[str, list[str]]:
        """The prompt's spaced leads (`starts`) by the groups that can begin with them
        (`EthicsRules.groups_of_lead`): the prompt's side of the lead index turned round once,
        so `spans` reads a group's leads here rather than intersecting the group's leads (often
        hundreds) with the prompt's (a long prompt's two hundred) for every group it asks.
        The leads of every spaced part of the group: `spans` keeps those of its plan."""
        groups_of = self.rules.groups_of_lead
        found: dict[str, list[str]] = {}
        for lead in self.starts:
            for name in groups_of(lead):
                found.setdefault(name, []).append(lead)
        return found

    @cached_property
    def cjk_leads_by_group(self) -> dict[str, list[str]]:
        """`leads_by_group` for the CJK leads in the prompt (`cjk_keys`), by the groups whose
        terms written in CJK characters can begin with them (`EthicsRules.groups_by_cjk_lead`)."""
        by_lead = self.rules.groups_by_cjk_lead
        found: dict[str, list[str]] = {}
        for lead in self.cjk_keys:
            for name in by_lead.get(lead, ()):
                found.setdefault(name, []).append(lead)
        return found

    def rules_to_try(self) -> list[Rule]:
        """The rules whose anchor may hit on this prompt (`EthicsRules.rules_by_anchor`, by
        the same tests as `may_hit`), in the order of `rules`: all of them where the offsets
        are not aligned (no lead index then)."""
        rules = self.rules.rules
        if not self.aligned:
            return rules
        return [rules[i] for i in sorted(self._anchors_live())]

    def _anchors_live(self) -> set[int]:
        """The positions in `rules` of the rules `rules_to_try` keeps (aligned offsets only):
        a new set, the caller's to change."""
        always, by_group, _ = self.rules.rules_by_anchor
        picked = set(always)
        for name in self.live_groups:
            picked.update(by_group.get(name, ()))
        if self.has_cjk:
            for name in self.cjk_live_groups:
                picked.update(by_group.get(name, ()))
        return picked

    def rules_worth_firing(self) -> list[Rule]:
        """`rules_to_try` less the rules a partner of which can have no hit on this prompt
        (`EthicsRules.partner_needs`: no group of the item is live), on an English-script
        prompt with aligned offsets: such a rule never fires (`_fire` stops at the partner),
        and its anchor need not be searched. On a prompt with CJK characters a partner may
        also hit through a dictionary sense (`partner_hits`), so every rule is kept there."""
        if not self.aligned:
            return self.rules.rules
        if self.has_cjk:
            return self._cjk_rules_worth_firing(self.rules_to_try())
        picked, live = self._anchors_live(), self.live_groups
        for need, needing in self.rules.rules_by_partner_need:  # each need tested once
            if need.isdisjoint(live):
                picked -= needing
        rules = self.rules.rules
        return [rules[i] for i in sorted(picked)]

    @cached_property
    def cjk_live_groups(self) -> frozenset[str]:
        """On a prompt with Chinese or Japanese characters (aligned offsets), the groups that
        can have a hit of their own (`hits`): `live_groups` (a spaced lead starts a word) and
        those one of whose CJK leads is in the prompt (`cjk_keys`): `spans` tries a group
        nowhere else, but for the groups always searched, which no lead rules out."""
        by_lead = self.rules.groups_by_cjk_lead
        return self.live_groups.union(*(by_lead.get(lead, ()) for lead in self.cjk_keys))

    @cached_property
    def concept_groups(self) -> frozenset[str]:
        """The groups a dictionary sense of the prompt's words places a word in (`concepts`):
        the other way a partner has a hit on a CJK prompt (`partner_hits`)."""
        return frozenset(name for name, spans in self.concepts.items() if spans)

    def _cjk_rules_worth_firing(self, rules: list[Rule]) -> list[Rule]:
        """`rules_worth_firing` on a CJK prompt: `rules` (`rules_to_try`, whose anchors are
        live there) less those a partner item of which can have no hit, neither its own
        (`cjk_live_groups`) nor through a dictionary sense (`concept_groups`)."""
        live, needs = self.cjk_live_groups, self.rules.partner_needs
        index = self.rules.rule_index
        return [rule for rule in rules
                if self._cjk_partners_may_hit(rule, [leaves for leaves in needs[index[id(rule)]]
                                                     if leaves.isdisjoint(live)])]

    def _cjk_partners_may_hit(self, rule: Rule, unmet: list[frozenset[str]]) -> bool:
        """Whether the partner items no live group serves (`unmet`) may still hit through a
        dictionary sense. The senses (`concepts`, a reading of the gloss) are only read when
        the rule's anchor has a hit, as firing it would: most rules' anchors have none."""
        if not unmet:
            return True
        if not self.first_hits(rule.when[0]):
            return False  # never fires: no anchor
        return all(not leaves.isdisjoint(self.concept_groups) for leaves in unmet)

    def may_hit(self, name: str) -> bool:
        """Whether the group can match at all: `spans` finds nothing, without building the
        group's plan, where no lead of its terms starts a word, no loose term is in play, no
        CJK term can begin and the offsets are aligned. A third of a short prompt's review
        went to asking the hundred-odd groups that answer nothing."""
        rules = self.rules
        return (not self.aligned or name in self.live_groups
                or name in rules.groups_always_searched
                or (self.has_cjk and name in rules.groups_with_cjk_leads))

    def spans(self, group: TermGroup, name: str | None = None) -> list[tuple[int, int]]:
        """What a full search with every term meant for this prompt finds (`ScanPlan.pattern`:
        lexicon.yaml's terms, the Spanish lexicon's on a prompt with Spanish cues, the Chinese
        and Japanese ones on a prompt with CJK characters), trying that pattern only where a
        term's lead starts or a loose term matches: the same matches, in a fraction of the
        time. One pattern over all the terms, not one per lexicon merged afterwards: where two
        terms match at one place the first listed wins, as in the full search. `name`, the
        group's name in `rules.groups`: its leads in the prompt are read from the prompt's
        index (`leads_by_group`) instead of intersecting the group's leads with the prompt's."""
        plan = group.scan_plan(self.spanish, self.has_cjk)
        if plan.nullable or not self.aligned:
            return self._everywhere(plan.pattern)
        spaced: frozenset[str] | list[str]
        cjk: frozenset[str] | list[str] | tuple[()]
        if name is None:
            spaced = plan.leads & self.starts
            cjk = plan.cjk_leads & self.cjk_keys if plan.cjk_leads else ()
        else:
            leads = plan.leads
            spaced = [lead for lead in self.leads_by_group.get(name, ()) if lead in leads]
            cjk = self.cjk_leads_by_group.get(name, []) if plan.cjk_leads else ()
        loose = plan.loose(self.folded, ascii_text=self.ascii_lower is not None)
        if not spaced and not cjk and loose is None:
            return []
        ordered: list[int]
        if len(spaced) == 1 and not cjk and loose is None:
            ordered = self.at[next(iter(spaced))]  # in order already, each once
        else:
            positions = {i for lead in spaced for i in self.at[lead]}
            for lead in cjk:
                positions.update(self.cjk_at[lead])
            if loose is not None:
                positions.update(m.start() for m in loose.finditer(self.text))
            ordered = sorted(positions)
        out: list[tuple[int, int]] = []
        text, pattern = self.text, plan.pattern
        if self.ascii_lower is not None:
            lowered = plan.lower_pattern()
            if lowered is not None:
                text, pattern = self.ascii_lower, lowered
            else:
                pattern = plan.ascii_pattern() or pattern
        match, last_end = pattern.match, 0
        for i in ordered:
            if i < last_end:
                continue
            m = match(text, i)
            if m is None:
                continue
            if m.end() == i:  # an empty match: let the full search decide what follows it
                return self._everywhere(plan.pattern)
            out.append((i, m.end()))
            last_end = m.end()
        return out

    @cached_property
    def cjk_at(self) -> dict[str, list[int]]:
        """Where a CJK term may begin, by its first one or two characters (`cjk_leads`): the
        index `at` keeps for word starts, over every character, since Chinese and Japanese
        run their words together. Built once per prompt; every group then tries its pattern
        only there, where a lookahead scan per group used to try every character."""
        if not (self.has_cjk and self.aligned):
            return {}
        leads, firsts = self.rules.cjk_leads, self.rules.cjk_lead_firsts
        folded = self.folded
        at: dict[str, list[int]] = {}
        for i, ch in enumerate(folded):
            if ch not in firsts:
                continue
            if ch in leads:
                at.setdefault(ch, []).append(i)
            pair = folded[i:i + CJK_LEAD_CHARS]
            if pair in leads and len(pair) == CJK_LEAD_CHARS:
                at.setdefault(pair, []).append(i)
        return at

    @cached_property
    def cjk_keys(self) -> frozenset[str]:
        """`cjk_at`'s keys as a set: a set intersection walks the smaller side, a group's
        many leads against a dict's keys would walk them all."""
        return frozenset(self.cjk_at)

    def _everywhere(self, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in pattern.finditer(self.text) if m.end() > m.start()]

    @cached_property
    def concepts(self) -> dict[str, list[tuple[int, int]]]:
        """A Chinese or Japanese prompt's words that dictionary senses place in the English
        groups (`ethics.concepts`): every language reaches every English term."""
        from bot.core.ethics.concepts import concept_spans

        return concept_spans(self.text, self.rules, self.rules._data_dir)

    @cached_property
    def spanish(self) -> bool:
        if self.ascii_lower is not None:  # no accent: `_SPANISH_ACCENT` holds no ASCII letter
            return _ascii_looks_spanish(self.ascii_lower, self.ascii_words)
        return looks_spanish(self.text)

    @cached_property
    def name_words(self) -> list[tuple[int, int, str]]:
        """`NameIndex.words` of the prompt, for the people's and the characters' indexes; of an
        ASCII prompt only those some name begins with (`NameIndex.ascii_words`)."""
        if self.ascii_lower is not None:
            return NameIndex.ascii_words(self.ascii_lower, self.ascii_words,
                                         self.rules.name_first_words)
        return NameIndex.words(self.text.lower())

    @cached_property
    def ascii_words(self) -> list[str]:
        """The words of an ASCII prompt's lower-cased copy (`_ASCII_WORD`), in order: what
        `looks_spanish` and `name_words` read there, found once."""
        assert self.ascii_lower is not None
        return _ASCII_WORD.findall(self.ascii_lower)

    def _people(self, name: str) -> list[_Hit]:
        if name == "protected_character":
            return [self._hit(start, end) for start, end
                    in self.rules.characters_index.find(self.text, self.name_words)]
        if name == "possible_name":
            return self._possible_names()
        if name == "described_person":
            return self._described_people()
        if self._people_hits is None:
            index, by_spelling = self.rules.people_index
            self._people_hits = [(self._hit(start, end), by_spelling[self.text[start:end].lower()])
                                 for start, end in index.find(self.text, self.name_words)
                                 if self.text[start:end].lower() in by_spelling]
            if self.has_cjk:
                self._people_hits += self._cjk_people()
        if name == "living_person":
            return [h for h, p in self._people_hits if p.living]
        if name == "historical_person":
            return [h for h, p in self._people_hits if not p.living]
        return [h for h, p in self._people_hits if p.living and p.kind == "politician"]

    def _cjk_people(self) -> list[tuple[_Hit, Person]]:
        """People a Chinese or Japanese prompt names that people.yaml does not list: the
        dictionaries' dated person entries and transliterated full names (`ethics.names`),
        except where people.yaml or characters.yaml already matched (达斯·维达 is a
        character, not a person)."""
        from bot.core.ethics.names import find_people

        listed = self._people_hits or []
        taken = [h for h, _ in listed] + self.hits("protected_character")
        out: list[tuple[_Hit, Person]] = []
        for found in find_people(self.text, self.rules._data_dir):
            if any(t.start < found.end and found.start < t.end for t in taken):
                continue
            person = _LIVING_UNLISTED if found.living else _HISTORICAL_UNLISTED
            out.append((self._hit(found.start, found.end), person))
        return out

    def _possible_names(self) -> list[_Hit]:
        """Two capitalised words next to speech, satire or a fabricated act ('Jane Porter
        endorses', 'a parody of Pedro Sánchez'): maybe a real person."""
        if not _may_have_cap_pair(self.text):
            return []
        known = (self.hits("living_person") + self.hits("historical_person")
                 + self.hits("protected_character"))
        out = []
        for m in _CAP_PAIR.finditer(self.text):
            first, last = m.group(1), m.group(2)
            if first in self.rules.name_stopwords or last in self.rules.name_stopwords:
                continue
            hit = self._hit(m.start(), m.end())
            if any(k.start < hit.end and hit.start < k.end for k in known):
                continue
            context = (self.near("speech", hit, 4) or self.near("satire_frame", hit, 8)
                       or self.near("fabricate", hit, 6))
            if not context or self.near("name_context_fiction", hit, 4):
                continue
            out.append(hit)
        return out

    def _described_people(self) -> list[_Hit]:
        """Particular people picked out by a description rather than a name or a relation
        word: a definite noun phrase whose head is a kind of person in the dictionary, held to
        one individual by what follows it ("the treasurer of St. Brendan's committee", "the
        woman at table 4", "the girl in the seat next to mine", "the new hire in accounts",
        "the guy who runs the corner shop"), a title before a name ("Coach D.", "Pastor
        Emmanuel"), or a name placed in a group ("Priya from 3B"). Any job or role counts, not
        a listed one: WordNet's most frequent sense of the head decides (`noun_kinds`). A
        description alone is also how a story introduces a character, so this group only
        opens the semantic classes' gates and completes rules that need more evidence (a
        likeness taken from somewhere, a clip made to be acted on)."""
        out: list[_Hit] = []
        for m in _DESCRIBED.finditer(self.text):
            if _is_person_noun(m.group(1).lower()):
                out.append(self._hit(m.start(), m.end(1)))
        for m in _OWN_PERSON.finditer(self.text):
            at, possessor = m.start(1), None
            for word in m.group(1).split(" "):  # "our bus driver": the first person noun
                low = without_clitic(word.lower())
                if low not in _STORY_ROLES and _is_person_noun(low):
                    if low == word.lower():
                        out.append(self._hit(m.start(), at + len(word)))
                        break
                    # "my dentist's receptionist" is the receptionist; "my ex's face", the ex
                    possessor = possessor or self._hit(m.start(), at + len(low))
                at += len(word) + 1
            else:
                if possessor is not None:
                    out.append(possessor)
        out += [self._hit(m.start(), m.end()) for named in (_TITLED_NAME, _PLACED_NAME)
                if may_find(named, self.text)  # a title, " from ": most prompts have neither
                for m in named.finditer(self.text)
                if m.group(1) not in self.rules.name_stopwords]
        return sorted(out, key=lambda h: h.start)

    def same_clause(self, a: _Hit, b: _Hit) -> bool:
        """Whether no clause break (`CLAUSE_BREAK`) lies between two hits."""
        first, second = (a, b) if a.start <= b.start else (b, a)
        return CLAUSE_BREAK.search(self.text, first.end, max(first.end, second.start)) is None

    @staticmethod
    def distance(a: _Hit, b: _Hit) -> int:
        return max(0, b.first_word - a.last_word, a.first_word - b.last_word)

    def near(self, name: str, anchor: _Hit, window: int | None,
             partner: bool = False) -> _Hit | None:
        """The nearest hit of a group within `window` words of `anchor` (None: anywhere);
        `partner`: with the dictionary's concepts (`partner_hits`). On a Chinese or Japanese
        prompt the window is `cjk_window` words."""
        if window is not None and self.has_cjk:
            window = cjk_window(window)
        best: _Hit | None = None
        for h in (self.partner_hits(name) if partner else self.hits(name)):
            d = self.distance(anchor, h)
            if (window is None or d <= window) and (best is None or d < self.distance(anchor, best)):
                best = h
        return best

    def cancels(self, name: str, anchor: _Hit, window: int) -> bool:
        """Whether a hit of `name` (an `unless` group) lies within `window` words of
        `anchor`. On a Chinese or Japanese prompt a phrase-level canceller (a window of at
        most `CJK_CLAUSE_UNLESS` words: a negation, a toy, the author's own face) must also be
        in the anchor's clause (`same_clause`), so one said of something else, after a comma,
        does not cancel it, as a spaced language's short window ensures; a frame's wide
        window (a film, a satire) reaches across clauses as in English."""
        if not self.has_cjk or window > CJK_CLAUSE_UNLESS:
            return self.near(name, anchor, window) is not None
        reach = cjk_window(window)
        return any(self.distance(anchor, h) <= reach and self.same_clause(anchor, h)
                   for h in self.hits(name))

    def near_any(self, names: str | list[str], anchor: _Hit, window: int | None,
                 partner: bool = False) -> _Hit | None:
        found = [h for n in ([names] if isinstance(names, str) else names)
                 if (h := self.near(n, anchor, window, partner))]
        return min(found, key=lambda h: self.distance(anchor, h), default=None)

    def first_hits(self, item: str | list[str]) -> list[_Hit]:
        """The hits of one group or several, in prompt order (read only: may be the cache's
        own list). Most rules' anchor has no hit or one: nothing to sort then."""
        if isinstance(item, str):
            found = self.hits(item)
            if len(found) < 2:
                return found
        names = [item] if isinstance(item, str) else item
        return sorted((h for n in names for h in self.hits(n)), key=lambda h: h.start)


@dataclass(slots=True)
class _Fired:
    rule: Rule
    severity: ConcernSeverity
    parts: list[_Hit]
    extra: list[_Hit] = field(default_factory=list)


def _fire(rule: Rule, scan: _Scan) -> _Fired | None:
    """The most severe way this rule applies to the prompt, or None."""
    best: _Fired | None = None
    for anchor in scan.first_hits(rule.when[0]):
        parts = [anchor]
        for item in rule.when[1:]:
            h = scan.near_any(item, anchor, rule.window, partner=True)
            if h is None:
                break
            parts.append(h)
        else:
            if any(scan.cancels(u, anchor, rule.unless_window) for u in rule.unless):
                continue
            severity: ConcernSeverity = rule.severity
            extra: list[_Hit] = []
            for adj in rule.adjust:
                base = parts[adj.near_part] if adj.near_part < len(parts) else anchor
                h = scan.near_any(adj.if_, base, adj.window)
                if h is not None and base is not anchor and scan.same_clause(base, anchor):
                    continue  # the anchor shares the act's clause: it may be what is struck
                if h is None or (adj.and_if
                                 and scan.near_any(adj.and_if, base, adj.window) is None):
                    continue
                if adj.lower_to and SEVERITY_RANK[adj.lower_to] < SEVERITY_RANK[severity]:
                    severity = adj.lower_to
                elif adj.raise_to and SEVERITY_RANK[adj.raise_to] > SEVERITY_RANK[severity]:
                    severity = adj.raise_to
                    extra.append(h)
            fired = _Fired(rule=rule, severity=severity, parts=parts, extra=extra)
            if best is None or SEVERITY_RANK[severity] > SEVERITY_RANK[best.severity]:
                best = fired
    return best


_SLOT = re.compile(r"\{(\d)\}")


def _fill(template: str, parts: list[_Hit]) -> str:
    """Put the matched words into {0}, {1}...; a slot with no match stays as written."""
    return _SLOT.sub(lambda m: parts[int(m.group(1))].text if int(m.group(1)) < len(parts)
                     else m.group(0), template)


def _concern(fired: _Fired) -> Concern:
    words: list[_Hit] = []
    for h in sorted(fired.parts + fired.extra, key=lambda h: h.start):
        if not any(w.start <= h.start and h.end <= w.end for w in words):
            words = [w for w in words if not (h.start <= w.start and w.end <= h.end)] + [h]
    return Concern(
        category=fired.rule.category,
        severity=fired.severity,
        trigger=", ".join(w.text for w in sorted(words, key=lambda w: w.start)),
        why=_fill(fired.rule.why, fired.parts),
        instead=_fill(fired.rule.instead, fired.parts),
        rule=fired.rule.id,
    )


def review_ethics(prompt: str, rules: EthicsRules | None = None,
                  use_gloss: bool = True) -> EthicsReview:
    """The rules layer's concerns about a prompt, one per category (the most severe rule
    wins), worst first. Deterministic, offline, about a millisecond.

    A Chinese or Japanese prompt is also read through its English gloss (`ethics.gloss`:
    offline dictionaries, loaded on the first such prompt only), and the English rules'
    concerns about the gloss are added: they can add or raise a concern, never lower one."""
    rules = rules or cached_rules()
    scan = _Scan(prompt, rules)
    concerns = _rule_concerns(scan, rules)
    if use_gloss and scan.has_cjk:
        from bot.core.ethics.names import gloss_with_people

        glossed = gloss_with_people(prompt, rules._data_dir)
        if glossed is not None:
            concerns += from_gloss(gloss_rule_concerns(glossed, rules,
                                                       at_least=GLOSS_MIN_SEVERITY),
                                   glossed, prompt, "gloss", GLOSS_MIN_SEVERITY,
                                   native=scan if GLOSS_FRAME_GUARD else None)
            if HARM_ROLES:
                from bot.core.ethics.harm_roles import without_acts_on_things

                concerns = without_acts_on_things(concerns, scan, glossed, rules)
    return assemble(without_overrides(concerns), ["rules"])


def gloss_rule_concerns(glossed: Gloss, rules: EthicsRules, cjk: bool = True,
                        at_least: ConcernSeverity | None = None) -> list[Concern]:
    """The English rules' concerns about a gloss; a Chinese or Japanese one (`cjk`) is read
    twice when some word has two readings ("drink / shout"): with both, so a term either
    reading holds is found, and with the first only, where the words of a phrase stay as close
    as the rules' word windows expect ("say ... drink and recommend", not "drink / shout and /
    combine recommend"). On the Chinese dev rows' glosses the second reading added one stop
    and no false stop; on the Spanish ones (Apertium's readings) it added a false stop.
    `at_least`: the caller keeps only concerns this severe (`from_gloss`), so only the rules
    that can reach it are fired (`_rule_concerns`)."""
    found = _rule_concerns(_Scan(glossed.text, rules), rules, at_least)
    first = glossed.first_readings if cjk else glossed.text
    if first != glossed.text:
        found += _rule_concerns(_Scan(first, rules), rules, at_least)
    return found


def from_gloss(concerns: list[Concern], glossed: Gloss, prompt: str, layer: str,
               min_severity: str = "note", native: _Scan | None = None) -> list[Concern]:
    """Concerns found on a prompt's gloss at `min_severity` or above, with the prompt's own
    words as trigger and the layer named in `rule` (for the benchmark; not in the JSON).
    With `native` (the prompt's own scan), a concern is left out when the prompt frames its
    category away in its own words (`framed_away`)."""
    from bot.core.ethics.gloss import source_trigger

    return [c.model_copy(update={"trigger": source_trigger(c.trigger, glossed, prompt),
                                 "rule": f"{layer}:{c.rule}"}) for c in concerns
            if SEVERITY_RANK[c.severity] >= SEVERITY_RANK[min_severity]
            and not (native is not None and framed_away(c.category, native))]


def lowering_frames(rules: EthicsRules) -> dict[str, frozenset[str]]:
    """Per category, the groups that lower one of its rules in rules.yaml (a PSA frame lowers
    harassment, a parody label a deepfake, a support context self-harm)."""
    out: dict[str, set[str]] = {}
    for rule in rules.rules:
        for adjust in rule.adjust:
            if adjust.lower_to is not None:
                out.setdefault(rule.category, set()).update(adjust.if_)
    return {category: frozenset(groups) for category, groups in out.items()}


def framed_away(category: str, native: _Scan) -> bool:
    """Whether the prompt, read in its own language, frames `category` away: one of the
    groups that lower the category's rules is in its own text (`lowering_frames`). The native
    lexicons know their frames as idioms (反校园霸凌公益短片, an anti-bullying PSA; いじめ防止の短編),
    which a word-by-word gloss breaks up ("contrary campus bullying public good short film"):
    a gloss may complete a concern the native rules missed, not override a frame they read."""
    frames = lowering_frames(native.rules).get(category, frozenset()) - MEDIUM_FRAMES
    if category not in NEVER_FRAMED_AWAY:
        frames |= PURPOSE_FRAMES
    return any(native.hits(group) for group in frames)


PURPOSE_FRAMES = frozenset({"support_context", "fictional_world", "self_reference"})
"""Frames that cancel a gloss's stop in any category but `NEVER_FRAMED_AWAY`: a prevention or
support purpose (いじめ防止の短編, a bullying-prevention short), an invented entity (架空の銀行,
a made-up bank in an advert) and the person's own consent or the author's own face (他本人同意:
a retiring boss who agreed to be pasted into film posters). The English rules lower only
some categories for them, because English wording says the rest; a gloss has lost that
wording."""
NEVER_FRAMED_AWAY = frozenset({"minors", "sexual"})
"""Categories no frame excuses on a gloss: sexual content with a minor, and sexual imagery,
whose consent the requester cannot vouch for (the native rules still weigh their own frames)."""


MEDIUM_FRAMES = frozenset({"fiction_frame", "horror_genre"})
"""Frames that name a medium (a film, an anime edit, "movie quality", a horror short) rather
than a purpose: the rules lower some concerns for them, but a film scene of a fifteen-year-old's
first time or an anime edit praising a terrorist is still what it is, so they do not let the
native text override a gloss's stop (on the dev rows they cancelled four true stops and no
false one; the other frames cancelled three false stops and none true)."""


PERSON_FAMILY = frozenset({"consent-deepfake", "likeness"})
"""Categories that judge what is done with a real person's likeness."""


def without_overrides(concerns: list[Concern]) -> list[Concern]:
    """The concerns less a gloss's stop about a real person whom the native layers already
    judged below stop (a likeness caution): they read the person's verbs and frames in the
    prompt's own language (Shakira cantando en un videoclip: a performance, a caution), where
    the gloss has only the dictionary's word ("singing", which the English rules read as
    putting words in a real mouth). A gloss may complete a judgement, not override one."""
    judged = any(c.category in PERSON_FAMILY and not c.rule.startswith("gloss")
                 and c.severity == "caution" for c in concerns)
    if not judged:
        return concerns
    return [c for c in concerns if not (c.rule.startswith("gloss") and c.severity == "stop"
                                        and c.category in PERSON_FAMILY)]


GLOSS_FRAME_GUARD = True
"""Whether gloss concerns give way to the native text's frames (`framed_away`)."""

HARM_ROLES = True
"""Whether a Chinese or Japanese prompt's violent-act concerns are dropped when every violent
verb in it is done to a thing or by an animal (`harm_roles`: a dog "killing" the slippers)."""

GLOSS_MIN_SEVERITY: ConcernSeverity = "stop"
"""What the gloss may add: only stops. A word-by-word gloss loses the idioms that make an
alarming word harmless ("爆炸性的色彩", explosive colour), which the per-language lexicons know;
their notes and cautions stand, and the gloss only catches what they miss outright."""


def _rule_concerns(scan: _Scan, rules: EthicsRules,
                   at_least: ConcernSeverity | None = None) -> list[Concern]:
    """One concern per category, the most severe fired rule's (the first at a tie); with
    `at_least`, only the categories whose concern is that severe, of the rules that can reach
    it (`_reaching`): a rule that can't would neither be kept nor beat one that does."""
    by_category: dict[str, _Fired] = {}
    tried = scan.rules_worth_firing()  # the others have no hit for a part: never fire
    for rule in (tried if at_least is None else _reaching(tried, rules, at_least)):
        fired = _fire(rule, scan)
        if fired is None:
            continue
        held = by_category.get(rule.category)
        if held is None or SEVERITY_RANK[fired.severity] > SEVERITY_RANK[held.severity]:
            by_category[rule.category] = fired
    return [_concern(f) for f in by_category.values()
            if at_least is None or SEVERITY_RANK[f.severity] >= SEVERITY_RANK[at_least]]


def _reaching(tried: list[Rule], rules: EthicsRules, at_least: ConcernSeverity) -> list[Rule]:
    """The rules of `tried` whose most severe outcome (`EthicsRules.top_severity`) is at least
    `at_least`."""
    floor, top, index = SEVERITY_RANK[at_least], rules.top_severity, rules.rule_index
    return [rule for rule in tried if top[index[id(rule)]] >= floor]


def assemble(concerns: list[Concern], layers: list[str]) -> EthicsReview:
    """A review from concerns: one per category (the most severe; the first at a tie), worst
    first, and the verdict of the worst."""
    by_category: dict[str, Concern] = {}
    for c in concerns:
        held = by_category.get(c.category)
        if held is None or SEVERITY_RANK[c.severity] > SEVERITY_RANK[held.severity]:
            by_category[c.category] = c
    ordered = sorted(by_category.values(),
                     key=lambda c: (-SEVERITY_RANK[c.severity], CATEGORIES.index(c.category)))
    verdict = ordered[0].severity if ordered else "ok"
    return EthicsReview(verdict=verdict, concerns=ordered, layers=layers)
