"""The ethics review: what in a video prompt could hurt someone, and what to write instead.

Word lists alone misfire ("shooting a scene", "kill the lights"), so the rules are combinations
of term groups within a few words of each other, with context that cancels, lowers or raises
them ("fictional", "documentary", "CCTV footage"). The groups and rules are data, in
knowledge/ethics/*.yaml, validated here so a bad edit names the file and the field. The review is
deterministic and offline: regular expressions over the prompt, no model.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, KnowledgeError, _describe, _read_yaml

Severity = Literal["ok", "note", "caution", "stop"]
ConcernSeverity = Literal["note", "caution", "stop"]
SEVERITY_RANK: dict[str, int] = {"ok": 0, "note": 1, "caution": 2, "stop": 3}

Category = Literal[
    "likeness", "consent-deepfake", "minors", "sexual", "violence-gore", "self-harm",
    "hate-harassment", "elections-news", "medical-financial-deception", "brand-impersonation",
    "artist-style-ip", "disclosure",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

# Groups the detector computes itself from people.yaml and the capitalised-name heuristic.
DETECTED_GROUPS = ("living_person", "historical_person", "living_politician", "possible_name")


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
        }


# --- rule data -------------------------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _compile(terms: list[str]) -> re.Pattern[str]:
    # (?<!\w) / (?!\w) rather than \b so terms may start or end with punctuation.
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{t})" for t in terms) + r")(?!\w)",
                      re.IGNORECASE)


def _close(s: str, i: int) -> int:
    """Index of the parenthesis closing the one opened at s[i]."""
    depth, j, in_class = 0, i, False
    while j < len(s):
        ch = s[j]
        if ch == "\\":
            j += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ValueError("unbalanced parenthesis")


def _split_top(s: str) -> list[str]:
    parts, depth, last, j, in_class = [], 0, 0, 0, False
    while j < len(s):
        ch = s[j]
        if ch == "\\":
            j += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(s[last:j])
            last = j + 1
        j += 1
    return [*parts, s[last:]]


def _leads(s: str, need: int = 3) -> set[str] | None:
    """The first `need` characters of every match of pattern `s` (fewer for shorter matches).

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
        return out if len(out) <= 300 else None
    ch = s[0]
    if ch == "\\":
        if len(s) < 2 or s[1].isalnum():
            return None
        lit, rest = s[1], s[2:]
    elif ch in _SPECIAL:
        return None
    else:
        lit, rest = ch, s[1:]
    if rest[:1] in ("*", "{", "+"):
        return None
    if rest[:1] == "?":
        with_lit, without = _leads(rest[1:], need - 1), _leads(rest[1:], need)
        if with_lit is None or without is None:
            return None
        return {lit.lower() + x for x in with_lit} | without
    found = _leads(rest, need - 1)
    return None if found is None else {lit.lower() + x for x in found}


_SPECIAL = set(".^$*+?{}[]|()")


class TermGroup(_Strict):
    terms: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    unless_window: int = Field(default=6, ge=0)

    @field_validator("terms")
    @classmethod
    def _valid_regexes(cls, terms: list[str]) -> list[str]:
        for t in terms:
            try:
                re.compile(t)
            except re.error as e:
                raise ValueError(f"term {t!r} is not a valid pattern: {e}") from None
        return terms

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return _compile(self.terms)

    @cached_property
    def prefixes(self) -> frozenset[str] | None:
        """The first characters every match must start with, or None when a term can't say.

        Running fifty regexes over every prompt costs more than the 2 ms budget; most groups
        can be skipped by checking these against the prompt's word starts first.
        """
        found = _leads("(?:" + "|".join(self.terms) + ")")
        return frozenset(found) if found is not None else None


class Adjust(_Strict):
    if_: list[str] = Field(alias="if", min_length=1)
    lower_to: ConcernSeverity | None = None
    raise_to: ConcernSeverity | None = None
    window: int | None = 12

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
        return names


class Person(_Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)
    """Spellings that must keep their capitals ('Trump' but not 'trump card')."""
    kind: Literal["politician", "royal", "religious", "business", "entertainer", "athlete",
                  "activist", "scientist", "artist", "public"]
    living: bool


class EthicsRules(_Strict):
    groups: dict[str, TermGroup]
    unions: dict[str, list[str]] = Field(default_factory=dict)
    rules: list[Rule]
    people: list[Person]
    name_stopwords: frozenset[str] = frozenset()

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
    def people_index(self) -> tuple[re.Pattern[str], dict[str, Person]]:
        """One pattern for every spelling; lookup by the lower-cased matched text."""
        by_spelling: dict[str, Person] = {}
        loose: list[str] = []
        exact: list[str] = []
        for p in self.people:
            for spelling in (p.name, *p.aliases):
                by_spelling[spelling.lower()] = p
                loose.append(re.escape(spelling))
            for spelling in p.exact:
                by_spelling[spelling.lower()] = p
                exact.append(re.escape(spelling))
        # Longest first, so "Martin Luther King Jr." wins over "Martin Luther King".
        loose.sort(key=len, reverse=True)
        exact.sort(key=len, reverse=True)
        alts = [f"(?:{s})" for s in loose] + [f"(?-i:{s})" for s in exact]
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?![\w'’]*\w)", re.IGNORECASE)
        return pattern, by_spelling


ETHICS_FILES = ("lexicon.yaml", "rules.yaml", "people.yaml")


def load_ethics_rules(knowledge_dir: Path | None = None) -> EthicsRules:
    """Read and validate knowledge/ethics/*.yaml; raises KnowledgeError naming file and field."""
    directory = Path(knowledge_dir or DEFAULT_KNOWLEDGE_DIR) / "ethics"
    data: dict[str, Any] = {}
    for name in ETHICS_FILES:
        path = directory / name
        if not path.is_file():
            raise KnowledgeError(f"{path}: ethics rules file not found")
        part = _read_yaml(path)
        overlap = set(part) & set(data)
        if overlap:
            raise KnowledgeError(f"{path}: sections {sorted(overlap)} are defined in another file")
        data.update(part)
    try:
        return EthicsRules.model_validate(data)
    except ValidationError as e:
        raise KnowledgeError(f"{directory}/*.yaml: {_describe(e)}") from None


@lru_cache(maxsize=4)
def cached_rules(knowledge_dir: Path | None = None) -> EthicsRules:
    rules = load_ethics_rules(knowledge_dir)
    for g in rules.groups.values():
        _ = g.pattern, g.prefixes  # compile once, up front
    _ = rules.people_index
    return rules


# --- matching --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    text: str
    first_word: int
    last_word: int


_CAP_PAIR = re.compile(r"(?<![\w.])(?:(?:Dr|Mr|Mrs|Ms)\.? )?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                       r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])")
# Curly quotes become straight ones, one character for one, so offsets stay valid.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


class _Scan:
    """Group matches over one prompt, computed on first use."""

    def __init__(self, text: str, rules: EthicsRules):
        self.text = text.translate(_QUOTES)
        self.original = text
        self.rules = rules
        self.word_starts = [m.start() for m in re.finditer(r"\S+", self.text)]
        lower = self.text.lower()
        self.starts = {lower[m.start():m.start() + n] for m in re.finditer(r"(?<!\w).", lower)
                       for n in (1, 2, 3)}
        self._people_hits: list[tuple[_Hit, Person]] | None = None
        self._cache: dict[str, list[_Hit]] = {}

    def _word(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.word_starts, pos) - 1)

    def _hit(self, start: int, end: int) -> _Hit:
        return _Hit(start=start, end=end, text=self.original[start:end],
                    first_word=self._word(start), last_word=self._word(max(start, end - 1)))

    def hits(self, name: str) -> list[_Hit]:
        if name not in self._cache:
            self._cache[name] = self._compute(name)
        return self._cache[name]

    def _compute(self, name: str) -> list[_Hit]:
        if name in self.rules.unions:
            merged = [h for member in self.rules.unions[name] for h in self.hits(member)]
            return sorted(merged, key=lambda h: h.start)
        if name in DETECTED_GROUPS:
            return self._people(name)
        group = self.rules.groups[name]
        if group.prefixes is not None and not group.prefixes & self.starts:
            return []
        found = [self._hit(m.start(), m.end()) for m in group.pattern.finditer(self.text)
                 if m.end() > m.start()]
        if group.unless:
            found = [h for h in found
                     if not any(self.near(u, h, group.unless_window) for u in group.unless)]
        return found

    def _people(self, name: str) -> list[_Hit]:
        if name == "possible_name":
            return self._possible_names()
        if self._people_hits is None:
            pattern, by_spelling = self.rules.people_index
            self._people_hits = [(self._hit(m.start(), m.end()), by_spelling[m.group(0).lower()])
                                 for m in pattern.finditer(self.text)
                                 if m.group(0).lower() in by_spelling]
        if name == "living_person":
            return [h for h, p in self._people_hits if p.living]
        if name == "historical_person":
            return [h for h, p in self._people_hits if not p.living]
        return [h for h, p in self._people_hits if p.living and p.kind == "politician"]

    def _possible_names(self) -> list[_Hit]:
        """Two capitalised words next to speech ('Jane Porter endorses'): maybe a real person."""
        known = self.hits("living_person") + self.hits("historical_person")
        out = []
        for m in _CAP_PAIR.finditer(self.text):
            first, last = m.group(1), m.group(2)
            if first in self.rules.name_stopwords or last in self.rules.name_stopwords:
                continue
            hit = self._hit(m.start(), m.end())
            if any(k.start < hit.end and hit.start < k.end for k in known):
                continue
            if not self.near("speech", hit, 4) or self.near("name_context_fiction", hit, 4):
                continue
            out.append(hit)
        return out

    @staticmethod
    def distance(a: _Hit, b: _Hit) -> int:
        return max(0, b.first_word - a.last_word, a.first_word - b.last_word)

    def near(self, name: str, anchor: _Hit, window: int | None) -> _Hit | None:
        """The nearest hit of a group within `window` words of `anchor` (None: anywhere)."""
        best: _Hit | None = None
        for h in self.hits(name):
            d = self.distance(anchor, h)
            if (window is None or d <= window) and (best is None or d < self.distance(anchor, best)):
                best = h
        return best

    def near_any(self, names: str | list[str], anchor: _Hit, window: int | None) -> _Hit | None:
        found = [h for n in ([names] if isinstance(names, str) else names)
                 if (h := self.near(n, anchor, window))]
        return min(found, key=lambda h: self.distance(anchor, h), default=None)

    def first_hits(self, item: str | list[str]) -> list[_Hit]:
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
            h = scan.near_any(item, anchor, rule.window)
            if h is None:
                break
            parts.append(h)
        else:
            if any(scan.near(u, anchor, rule.unless_window) for u in rule.unless):
                continue
            severity: ConcernSeverity = rule.severity
            extra: list[_Hit] = []
            for adj in rule.adjust:
                h = scan.near_any(adj.if_, anchor, adj.window)
                if h is None:
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


def review_ethics(prompt: str, rules: EthicsRules | None = None) -> EthicsReview:
    """Concerns about a prompt, one per category (the most severe rule wins), worst first."""
    rules = rules or cached_rules()
    scan = _Scan(prompt, rules)
    by_category: dict[str, _Fired] = {}
    for rule in rules.rules:
        fired = _fire(rule, scan)
        if fired is None:
            continue
        held = by_category.get(rule.category)
        if held is None or SEVERITY_RANK[fired.severity] > SEVERITY_RANK[held.severity]:
            by_category[rule.category] = fired
    concerns = [_concern(f) for f in by_category.values()]
    concerns.sort(key=lambda c: (-SEVERITY_RANK[c.severity], CATEGORIES.index(c.category)))
    verdict = concerns[0].severity if concerns else "ok"
    return EthicsReview(verdict=verdict, concerns=concerns)
