"""Chinese person names found by their form before the gloss segments the text (names first).

A private person's name is two or three characters that spell no word: 张伟, 王芳, 李娜. Read
word by word, the segmenter takes each character for the dictionary word it also is (张 "open
up", 伟 "big"), so the English rules on the gloss see "open up big photograph", not that a
particular person is meant, and a request to undress, mock or impersonate them reads as
harmless. CC-CEDICT dates only famous people (`names`); everyone else is found here by form:

- a surname from the closed class of common Chinese surnames (`SURNAMES`), which begins no
  dictionary word there (高速, 黄金, 周末 are words, not names);
- then one or two given-name characters, none of them grammar, a pronoun, a numeral or a common
  verb (`gloss.NEVER_IN_NAMES`), and none starting a dictionary word that runs past the name;
- in a name position: before 的 (张伟的照片), before a title, honorific or role (王芳老师, 李先生,
  张会计: a word whose English is a kind of person), or before a verb (张伟说, 李娜穿着), where a
  name is the verb's subject.

A familiar form, 小 or 老 before a surname (小刘, 老王), is a name in the same positions.

Each is glossed "a person named Zhang Wei" (`NAMED_PERSON`), as English writes of someone the
reader does not know, so the English rules and exemplars read a person there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from bot.core import cached_re as re

NAMED_PERSON = "a person named"
"""How the gloss reads a private person's name found by its form: "a person named Zhang Wei",
as English writes of someone the reader does not know."""


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """What the name finder reads of the gloss's Chinese dictionary (`gloss` builds it; this
    module imports nothing of the gloss, which calls it)."""

    entries: Mapping[str, str]
    """Headword -> English, a verb's marked by `verb_mark`; one character's pinyin under
    `syllable_key` + the character."""
    not_given: frozenset[str]
    """Characters never in a given name: grammar, pronouns, numerals, common verbs."""
    numerals: frozenset[str]
    """Numerals and demonstratives, before which a surname character is a measure word."""
    subject_before: frozenset[str]
    """Adverbs, negations and modals a sentence's subject comes straight before."""
    syllable_key: str
    verb_mark: str
    max_word: int
    is_person: Callable[[str], bool]
    """Whether a word's English is a kind of person ("accountant")."""

    def word(self, text: str) -> str | None:
        return self.entries.get(text)

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵钱严覃武戴莫孔汤常温康施文牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿"
    "張劉陳楊黃趙吳孫馬許韓馮鄧謝蘇魏呂盧錢鍾譚陸賈鄒龔嚴顧羅鄭蔣葉劉")
"""A closed class: the hundred or so commonest Chinese surnames (about nine in ten people carry
one), in simplified and traditional forms, less those that are everyday function words
(于 "at", 万 "ten thousand", 向 "towards", 成 "become", 和 "and"), which would begin a name
far less often than the word they also are."""
COMPOUND_SURNAMES = frozenset({"欧阳", "司马", "诸葛", "上官", "司徒", "慕容", "令狐",
                               "歐陽", "諸葛"})
"""A closed class: the two-character surnames still common today."""
FAMILIAR_PREFIXES = frozenset("小老阿")
"""A closed class: 小刘 "young Liu", 老王 "old Wang", 阿强: how a colleague or neighbour is
called by surname (or given name) with a familiar prefix."""
TITLES_AFTER_NAME = ("先生", "女士", "小姐", "老师", "同学", "医生", "大夫", "教授", "阿姨",
                     "叔叔", "经理", "經理", "主任", "律师", "律師", "护士", "護士", "警官",
                     "师傅", "師傅", "老板", "老闆", "太太", "夫人", "博士", "同志", "校长",
                     "校長", "局长", "局長", "总", "總", "哥", "姐")
"""A closed class: the titles, honorifics and kin terms Chinese writes straight after a surname
or a full name (李先生, 王芳老师, 王总, 张哥)."""
CO_VERBS = frozenset("把将被对给跟向从")
"""A closed class: the co-verbs that open a predicate after its subject (张伟把..., 李娜被...),
read with the adverbs and modals a subject comes before (`NameLexicon.subject_before`: 在, 不,
也, 都): 董宇辉在直播间说."""
DE = "的"
MAX_GIVEN_CHARS = 2


def private_names(text: str, start: int, end: int,
                  lex: NameLexicon) -> Iterator[tuple[int, int, str]]:
    """The private person names in text[start:end] (no Latin in it) as (start, end, English),
    left to right and not overlapping: the form of a name in a name position (module
    docstring)."""
    i = start
    while i < end:
        found = _name_at(text, i, end, lex)
        if found is None:
            i += 1
            continue
        stop, english = found
        yield i, stop, english
        i = stop


def _name_at(text: str, at: int, end: int, lex: NameLexicon) -> tuple[int, str] | None:
    """Where the name starting at `at` ends, and its English, or None when none starts there:
    a surname alone before a title or role (李先生, 张会计), a familiar form (小刘), or a
    surname and one or two given-name characters in a name position (张伟说)."""
    if at > 0 and (_continues_word(text, at, lex) or text[at - 1] in lex.numerals):
        return None  # 国王 "king"; 一张, 一段: a measure word after a numeral
    prefix = text[at] if text[at] in FAMILIAR_PREFIXES else ""
    surname_at = at + len(prefix)
    surname_end = _surname_end(text, surname_at, end)
    if surname_end is None or _starts_word(text, surname_at, surname_end, end, lex):
        return None
    family = _pinyin(text, surname_at, surname_end, lex)
    if prefix or _before_title(text, surname_end, end, lex):
        if not _in_name_position(text, surname_end, end, lex):
            return None
        return surname_end, f"{NAMED_PERSON} {FAMILIAR_READINGS.get(prefix, '')}{family}"
    for given in range(MAX_GIVEN_CHARS, 0, -1):
        stop = surname_end + given
        if stop > end or not all(_given_char(text, i, stop, end, lex)
                                 for i in range(surname_end, stop)):
            continue
        if (text[at:stop] in lex.entries or (given > 1 and text[surname_end:stop] in lex.entries)
                or not _in_name_position(text, stop, end, lex, _after_verb(text, at, lex))):
            continue  # 熊衣服: a surname character, then a word (衣服 "clothes"), not a name
        first = "".join(_pinyin(text, i, i + 1, lex).lower() for i in range(surname_end, stop))
        return stop, f"{NAMED_PERSON} {family} {first.capitalize()}"
    return None


FAMILIAR_READINGS = {"小": "Xiao ", "老": "Lao ", "阿": "A "}


def _surname_end(text: str, at: int, end: int) -> int | None:
    if text[at:at + 2] in COMPOUND_SURNAMES and at + 2 <= end:
        return at + 2
    return at + 1 if at < end and text[at] in SURNAMES else None


def _continues_word(text: str, at: int, lex: NameLexicon) -> bool:
    """Whether a dictionary word of two or more characters ends at `at` + 1 (takes the
    surname character as its last: 天王, 国王), so the character is read as that word's."""
    return any(text[at - n + 1:at + 1] in lex.entries for n in range(2, min(lex.max_word, at + 1) + 1))


def _starts_word(text: str, at: int, after: int, end: int, lex: NameLexicon) -> bool:
    """Whether the surname (text[at:after]) begins a longer dictionary word (高速, 黄金, 周末)."""
    return any(text[at:at + n] in lex.entries
               for n in range(after - at + 1, min(lex.max_word, end - at) + 1))


def _given_char(text: str, i: int, stop: int, end: int, lex: NameLexicon) -> bool:
    """Whether text[i] can be part of a given name ending at `stop`: a Han character with a
    reading, no grammar, pronoun, numeral or common verb, and starting no dictionary word that
    runs past the name (伟大 in 张伟大)."""
    ch = text[i]
    if ch in lex.not_given or not lex.entries.get(lex.syllable_key + ch):
        return False
    return not any(text[i:i + n] in lex.entries for n in range(stop - i + 1, min(lex.max_word, end - i) + 1))


def _before_title(text: str, stop: int, end: int, lex: NameLexicon) -> bool:
    """Whether a title or a role follows at `stop` (先生, 老师, 会计 "accountant")."""
    if text.startswith(TITLES_AFTER_NAME, stop):
        return True
    word = _longest_word(text, stop, end, lex)
    return word is not None and len(word) > 1 and lex.is_person(lex.entries[word])


def _in_name_position(text: str, stop: int, end: int, lex: NameLexicon,
                      after_verb: bool = False) -> bool:
    """Whether what follows a name ending at `stop` makes it one: 的, a title or role, a word
    that only a sentence's subject comes before (`CO_VERBS`, `NameLexicon.subject_before`), or
    a verb. Not 的 after a verb's object (`after_verb`): 穿白大褂的医生 is "a doctor wearing a
    white gown", a relative clause, not a name before 的."""
    if stop >= end:
        return False
    if text[stop] == DE:
        return not after_verb
    if (text[stop] in CO_VERBS or text[stop] in lex.subject_before
            or _before_title(text, stop, end, lex)):
        return True
    word = _longest_word(text, stop, end, lex)
    return word is not None and lex.entries[word].startswith(lex.verb_mark)


def _after_verb(text: str, at: int, lex: NameLexicon) -> bool:
    """Whether a verb ends straight before `at` (穿 "wear" before 白大褂); not a co-verb (把张伟的
    照片: 把 only marks the object, whose possessor the name is)."""
    return text[at - 1] not in CO_VERBS and any(
        lex.entries.get(text[at - n:at], "").startswith(lex.verb_mark)
        for n in range(1, min(lex.max_word, at) + 1))


def _longest_word(text: str, at: int, end: int, lex: NameLexicon) -> str | None:
    for n in range(min(lex.max_word, end - at), 0, -1):
        if text[at:at + n] in lex.entries:
            return text[at:at + n]
    return None


def _pinyin(text: str, start: int, stop: int, lex: NameLexicon) -> str:
    return "".join(lex.entries.get(lex.syllable_key + ch, "").capitalize() for ch in text[start:stop])


# --- Japanese: a katakana name before an honorific --------------------------------------------

HONORIFICS = ("さん", "さま", "様", "氏", "殿", "くん", "君", "ちゃん")
"""A closed class: the honorifics Japanese writes straight after a person's name (ユウキくん,
アヤさん, マリアちゃん)."""
_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_ONE_NAME = re.compile(r"[A-Z][a-z]+")
"""A one-word name the names dictionary gave a katakana word (マリア "Mary"); a longer
reading (ケンタ "Kentucky Fried Chicken") is a brand's, not the person's."""

_KATAKANA = ("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
             "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォ")
_HEPBURN = ("a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu "
            "he ho ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo "
            "da ji zu de do ba bi bu be bo pa pi pu pe po vu a i u e o")
_KANA_SYLLABLES = dict(zip(_KATAKANA, _HEPBURN.split(), strict=True))
"""A closed class: the katakana syllabary in Hepburn romanisation (the small vowels as their
vowel; small ャュョ, ッ and ー are read in `romanised_katakana`)."""
_SMALL_Y = {"ャ": "ya", "ュ": "yu", "ョ": "yo"}


def romanised_katakana(kana: str) -> str:
    """A katakana name in Latin letters (ユウキ "Yuuki", ショウタ "Shouta"), capitalised."""
    out: list[str] = []
    double = False
    for ch in kana:
        if ch == "ッ":
            double = True
            continue
        if ch == "ー":
            if out and out[-1]:
                out.append(out[-1][-1])
            continue
        if ch in _SMALL_Y and out and out[-1].endswith("i"):
            stem = out[-1][:-1]  # キ+ャ "kya", シ+ャ "sha", ジ+ョ "jo"
            out[-1] = stem + (_SMALL_Y[ch][1:] if stem.endswith(("sh", "ch", "j")) else _SMALL_Y[ch])
            continue
        syllable = _KANA_SYLLABLES.get(ch, "")
        if double and syllable:
            syllable = syllable[0] + syllable
        double = False
        out.append(syllable)
    return "".join(out).capitalize()


def japanese_honorific_names(text: str, known: Mapping[tuple[int, int], str]
                             ) -> list[tuple[int, int, str]]:
    """Each katakana name before an honorific in a Japanese prompt (ユウキくん, ケンタ君) as
    (start, end past the honorific, English "a person named Yuuki"): word by word the name is a
    loanword it happens to spell (ケンタ "Kentucky Fried Chicken", 君 "you") or nothing at all,
    and the English rules never see that a particular person is meant. The reading is the
    names dictionary's where the gloss gave the run one (`known`, by span: マリア "Mary"),
    else the kana romanised."""
    out: list[tuple[int, int, str]] = []
    for m in _KATAKANA_NAME.finditer(text):
        start, stop = m.span()
        honorific = next((h for h in HONORIFICS if text.startswith(h, stop)), None)
        if honorific is None:
            continue
        reading = known.get((start, stop), "")
        name = reading if _ONE_NAME.fullmatch(reading) else romanised_katakana(m.group(0))
        out.append((start, stop + len(honorific), f"{NAMED_PERSON} {name}"))
    return out
