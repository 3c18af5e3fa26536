"""Real people named in Chinese or Japanese text, from the offline dictionaries and the script.

people.yaml lists a few hundred people, with a handful of Chinese and Japanese spellings. A
creator names anyone: 基努·里维斯, オプラ・ウィンフリー, 安倍晋三. Three mechanisms find them
without a list of our own:
- CC-CEDICT marks its person entries with their years: "Elon Musk (1971-)" is a living person,
  "Albert Einstein (1879-1955)" a historical one (about 1,200 such entries);
- JMnedict (the names dictionary in the same `jamdict-data` package as JMdict) does the same
  for Japanese names ("... (1954-2022)");
- the script: Chinese writes a foreign full name as transliterated syllables joined by a middle
  dot (泰勒·斯威夫特), Japanese as katakana words joined by ・ or ＝ (テイラー・スウィフト).
  Such a name is a real person's far more often than not; it is read as a living one (the
  cautious reading: likeness, consent), unless a dictionary knows better.

Only Chinese and Japanese prompts reach this module (`rules._Scan` imports it for text with
CJK characters), so English prompts pay nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.core import cached_re as re
from bot.core.ethics.gloss import (
    PEOPLE_KEY,
    PERSON_NAME_KEY,
    PERSON_NAME_TYPES,
    TRANSLITERATION_KEY,
    Gloss,
    GlossWord,
    _assemble,
    _JMdict,
    _jmdict,
    _name_rows,
    _romanised,
    chinese_dictionary,
    cjk_language,
    gloss,
    life_status,
)
from bot.core.ethics.gloss_ages import with_ages

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KATAKANA = "\u30a1-\u30fa\u30fc"

DOTTED_HAN = re.compile(rf"[{_HAN}]+(?:[·•‧・][{_HAN}]+)+")
"""A transliterated foreign full name in Chinese: 马丁·路德·金, 泰勒·斯威夫特 (trimmed to the
transliteration characters at both ends, see `_trim`)."""
MAX_OUTER_CHARS = 5
"""At most this many characters of a dotted name before its first dot and after its last."""
DOTTED_KATAKANA = re.compile(rf"[{_KATAKANA}]{{2,}}(?:[・＝=][{_KATAKANA}]{{2,}})+")
"""A foreign full name in Japanese: キアヌ・リーブス, レオナルド・ダ・ヴィンチ."""

@dataclass(frozen=True, slots=True)
class NamedPerson:
    """A person's name found in the prompt: its span and whether they are living."""

    start: int
    end: int
    living: bool


def find_people(text: str, cache_dir: Path | None = None) -> list[NamedPerson]:
    """Every real person named in a Chinese or Japanese prompt, longest first at each place,
    never overlapping; [] for other text. Remembered for the last few prompts: the native
    scan (`rules._Scan._cjk_people`) and the gloss (`gloss._people_as_people`) both ask."""
    return list(_found_people(text, cache_dir))


@lru_cache(maxsize=64)
def _found_people(text: str, cache_dir: Path | None) -> tuple[NamedPerson, ...]:
    return tuple(_people_in(text, cache_dir))


def _people_in(text: str, cache_dir: Path | None) -> list[NamedPerson]:
    language = cjk_language(text)
    if language is None:
        return []
    if language == "zh":
        encoded = chinese_dictionary(cache_dir).get(PEOPLE_KEY, "")
        known = _decode_people(encoded)
        found = _chinese_entries(text, known, _chinese_name_lengths(encoded))
        letters = chinese_dictionary(cache_dir).get(TRANSLITERATION_KEY, "")
        for m in DOTTED_HAN.finditer(text):
            span = _trim(text, m.start(), m.end(), letters)
            if span is not None and not any(p.start < span[1] and span[0] < p.end
                                            for p in found):
                found.append(NamedPerson(*span, known.get(text[span[0]:span[1]], True)))
    else:
        found = _japanese_entries(text)
        dotted = list(DOTTED_KATAKANA.finditer(text))
        names = _katakana_names([m.group(0) for m in dotted])
        found += [NamedPerson(m.start(), m.end(), True) for m in dotted if m.group(0) in names]
    return _without_overlaps(found)


NAME_TYPES = frozenset({"given", "masc", "fem", "surname"})
"""JMnedict's types for a person's given name or surname."""
_SEPARATORS = re.compile(r"[・＝=]")


def _katakana_names(phrases: list[str]) -> set[str]:
    """The dotted katakana phrases that read as a person's name. Japanese joins every foreign
    compound with ・ (インデペンデンス・デイ, コカ・コーラ), so a phrase is a name unless its first
    word is an ordinary JMdict word that JMnedict does not list as a name (ルネサンス・フェア),
    or every word of it is (クローン・トルーパー)."""
    jmdict = _jmdict()
    if jmdict is None or not phrases:
        return set()
    segments = sorted({w for p in phrases for w in _SEPARATORS.split(p)})
    common, named = _katakana_kinds(jmdict, segments)
    out: set[str] = set()
    for phrase in phrases:
        words = _SEPARATORS.split(phrase)
        ordinary = [w in common and w not in named for w in words]
        if not ordinary[0] and not all(ordinary):
            out.add(phrase)
    return out


def _katakana_kinds(jmdict: _JMdict, words: list[str]) -> tuple[set[str], set[str]]:
    """Of `words`: those JMdict lists as ordinary words, and those JMnedict lists as a given
    name or a surname."""
    marks = ",".join("?" * len(words))
    try:
        with jmdict.lock:
            common = {r[0] for r in jmdict.connection.execute(
                f"SELECT text FROM Kana WHERE text IN ({marks})", words)}
            typed = jmdict.connection.execute(
                "SELECT k.text, y.text FROM NEKana k JOIN NETranslation t ON t.idseq = k.idseq"
                f" JOIN NETransType y ON y.tid = t.ID WHERE k.text IN ({marks})", words).fetchall()
    except sqlite3.Error:
        return set(words), set()
    return common, {text for text, kind in typed if kind in NAME_TYPES}


def _trim(text: str, start: int, end: int, letters: str) -> tuple[int, int] | None:
    """A dotted run of Han characters narrowed to the name: from the first dot back, and from
    the last dot on, only transliteration characters (`letters`), at most `MAX_OUTER_CHARS`
    ("演员饰演马丁·路德·金发表演讲" -> 马丁·路德·金). None when a side keeps nothing."""
    dots = [i for i in range(start, end) if text[i] in "·•‧・"]
    first, last = dots[0], dots[-1]
    begin = first
    while begin > start and first - begin < MAX_OUTER_CHARS and text[begin - 1] in letters:
        begin -= 1
    finish = last + 1
    while finish < end and finish - last - 1 < MAX_OUTER_CHARS and text[finish] in letters:
        finish += 1
    if begin == first or finish == last + 1:
        return None
    return begin, finish


def _without_overlaps(found: list[NamedPerson]) -> list[NamedPerson]:
    kept: list[NamedPerson] = []
    for person in sorted(found, key=lambda p: (p.start, -(p.end - p.start))):
        if not kept or person.start >= kept[-1].end:
            kept.append(person)
    return kept


@lru_cache(maxsize=4)
def _decode_people(encoded: str) -> dict[str, bool]:
    """The people entry of the Chinese dictionary ("name\\tL\\n..." lines) as a dict."""
    out: dict[str, bool] = {}
    for line in encoded.splitlines():
        name, _, status = line.partition("\t")
        out[name] = status == "L"
    return out


MAX_NAME_CHARS = 12


CHINESE_SHORTEST_NAME = 2
"""A single character is a surname or a word, not a name."""


def _chinese_entries(text: str, people: dict[str, bool],
                     by_first: dict[str, tuple[int, ...]] | None = None) -> list[NamedPerson]:
    """CC-CEDICT person entries in the text (longest match at each place; names of two
    characters or more, a single character is a surname or a word)."""
    if not people:
        return []
    return _longest_names(text, people, CHINESE_SHORTEST_NAME, by_first)


def _japanese_entries(text: str) -> list[NamedPerson]:
    """JMnedict person entries with years, matched on the prompt's kanji and katakana runs (of
    three characters or more: two-kanji names are mostly surnames or ordinary words)."""
    jmdict = _jmdict()
    if jmdict is None:
        return []
    candidates = _name_candidates(text)
    if not candidates:
        return []
    statuses = _jmnedict_people(jmdict, sorted(candidates))
    return _longest_names(text, statuses, shortest=3)


_NAME_RUN = re.compile(rf"[{_HAN}{_KATAKANA}・]{{3,}}")


def _name_candidates(text: str) -> set[str]:
    """Every piece of 3 to `MAX_NAME_CHARS` characters of the text made only of kanji, katakana
    and ・: the pieces of its runs of those characters (one regex pass, instead of testing each
    of the text's hundreds of pieces, which was most of a Japanese review's time)."""
    found: set[str] = set()
    for run in _NAME_RUN.finditer(text):
        word = run.group(0)
        found.update(word[i:i + n] for i in range(len(word))
                     for n in range(3, min(MAX_NAME_CHARS, len(word) - i) + 1))
    return found


def _longest_names(text: str, statuses: dict[str, bool], shortest: int,
                   by_first: dict[str, tuple[int, ...]] | None = None) -> list[NamedPerson]:
    """The longest known name at each place, left to right, names not overlapping; names of
    `shortest` characters or more. At each place only the lengths of the names that begin
    with its character are tried (`by_first`, `_lengths_by_first(statuses, shortest)`; the
    Chinese dictionary's is built once): a name that matches there begins with it, so the
    first hit, longest first, is the same as trying every length, in a fraction of the
    lookups (most characters begin no name)."""
    if by_first is None:
        by_first = _lengths_by_first(statuses, shortest)
    found: list[NamedPerson] = []
    i = 0
    while i < len(text):
        for n in by_first.get(text[i], ()):
            if n > len(text) - i:
                continue
            status = statuses.get(text[i:i + n])
            if status is not None:
                found.append(NamedPerson(i, i + n, status))
                i += n
                break
        else:
            i += 1
    return found


def _lengths_by_first(statuses: dict[str, bool], shortest: int) -> dict[str, tuple[int, ...]]:
    """First character -> the lengths (`shortest` to `MAX_NAME_CHARS`) of the names that begin
    with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for name in statuses:
        if shortest <= len(name) <= MAX_NAME_CHARS:
            lengths.setdefault(name[0], set()).add(len(name))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


@lru_cache(maxsize=4)
def _chinese_name_lengths(encoded: str) -> dict[str, tuple[int, ...]]:
    """`_lengths_by_first` of the Chinese dictionary's people (`_decode_people(encoded)`),
    built once per process."""
    return _lengths_by_first(_decode_people(encoded), CHINESE_SHORTEST_NAME)


_JMNEDICT_SQL = (
    "SELECT h.text, g.text FROM {table} h JOIN NETranslation t ON t.idseq = h.idseq"
    " JOIN NETransGloss g ON g.tid = t.ID WHERE h.text IN ({marks})")


PEOPLE_KNOWN_LIMIT = 200_000
"""At most this many candidates are remembered (a few MB)."""


def _jmnedict_people(jmdict: _JMdict, texts: list[str]) -> dict[str, bool]:
    """Candidates JMnedict lists as a person with years -> living."""
    known = jmdict.people
    missing = [t for t in texts if t not in known]
    looked_up: dict[str, bool | None] = {}
    if missing:
        found = _query_people(jmdict, missing)
        if found is None:
            return {}
        looked_up = {t: found.get(t) for t in missing}
        if len(known) + len(missing) <= PEOPLE_KNOWN_LIMIT:
            known.update(looked_up)
    out: dict[str, bool] = {}
    for t in texts:
        status = looked_up[t] if t in looked_up else known[t]
        if status is not None:
            out[t] = status
    return out


def _query_people(jmdict: _JMdict, texts: list[str]) -> dict[str, bool] | None:
    """`_jmnedict_people` from SQLite; None when the query failed."""
    marks = ",".join("?" * len(texts))
    rows: list[tuple[str, str]] = []
    try:
        with jmdict.lock:
            for table in ("NEKanji", "NEKana"):
                rows += jmdict.connection.execute(_JMNEDICT_SQL.format(table=table, marks=marks),
                                           texts).fetchall()
    except sqlite3.Error:
        return None
    out: dict[str, bool] = {}
    for name, sense in rows:
        status = life_status(sense)
        if status is not None:
            out[name] = out.get(name, False) or status
    return out


LIVING_PERSON = "real person"
"""How the gloss says that a name is a living, real person's: the English rules and exemplars
read a name they do not list (Takuya Kimura, Eileen Gu) as anyone's, and this is what the
prompt's name means to them (lexicon.yaml's celebrity_descriptor knows "a real person")."""
HISTORICAL_PERSON = "historical figure"


@lru_cache(maxsize=512)
def gloss_with_people(text: str, cache_dir: Path | None = None) -> Gloss | None:
    """`gloss.gloss` with the real people the prompt names read as people
    (`_people_as_people`): the gloss the ethics review reads."""
    glossed = gloss(text, cache_dir)
    language = cjk_language(text)
    if glossed is None or language is None:
        return glossed
    return _people_as_people(with_ages(glossed, text, language), text, language, cache_dir)


def _people_as_people(glossed: Gloss, text: str, language: str,
                      cache_dir: Path | None) -> Gloss:
    """The gloss with each real person the prompt names (`find_people`: the
    dictionaries' dated person entries, transliterated full names) read as one word: the
    person, "real person" and their name as the dictionary writes it in Latin letters, or
    "historical figure" and the name for one no longer living. Word by word a name is the
    dictionary words its characters spell (木村拓哉 "tree village", 泰勒·斯威夫特 "Taylor this
    power husband", 马云 "horse say / cloud") or nothing at all (バイデン), which hides from the
    English rules and exemplars that a particular, real person is meant, while the native scan
    knows it (`rules._Scan._cjk_people`). Words that overlap the name are replaced by it."""
    people = find_people(text, cache_dir)
    if not people:
        return glossed
    words = list(glossed.words)
    for person in people:
        name = _latin_name(text[person.start:person.end], language, cache_dir)
        english = (f"{LIVING_PERSON} {name}" if person.living
                   else f"{HISTORICAL_PERSON} {name}").strip()
        kept = [w for w in words if w.end <= person.start or w.start >= person.end]
        at = next((i for i, w in enumerate(kept) if w.start >= person.end), len(kept))
        words = [*kept[:at], GlossWord(english, person.start, person.end), *kept[at:]]
    return _assemble(words)


def _latin_name(name: str, language: str, cache_dir: Path | None) -> str:
    """A person's name in Latin letters as the dictionary writes it (CC-CEDICT's person entry
    "Elon Musk"; JMnedict's romanisation "Kimura Takuya"), or "" when it has none (a
    transliterated full name CC-CEDICT does not list, a katakana name)."""
    if language == "zh":
        return chinese_dictionary(cache_dir).get(PERSON_NAME_KEY + name, "")
    jmdict = _jmdict()
    if jmdict is None:
        return ""
    return _romanised(_name_rows(jmdict, {name}), PERSON_NAME_TYPES).get(name, "")
