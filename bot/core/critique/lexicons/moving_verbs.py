"""Chinese and Japanese verbs that are a movement, and Japanese manner words, read from shipped
dictionaries.

Issue 12's motion is the speed, manner, weight or physics of a movement: a manner word counts
only said of a verb of movement. The lexicons' hand lists of those verbs (zh `_MOVE_VERB`, ja
`_MOVES`) miss many (盘绕 "to coil", 持ち上がる "to rise"), so scripts/gen_native_moving_verbs.py
puts each CC-CEDICT headword and each JMdict verb in the class by its English sense (the
English analyzer's movement tables), and tables the JMdict adjectives and to-adverbs whose
adverbial form (-く, -に, -と) may say how a verb goes, and the Spanish adjectives said of a
movement noun that tell its manner, into the files beside this module (line 1 is each one's
notice).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.core.critique.lexicons.still_verbs import _JA_ENDINGS, ja_conjugated_stem_at
from bot.core.generated_tables import table_lines, table_rows

ZH_MAX_CHARS = 4
"""Longest Chinese headword in the table (`zh_moving_verb_at` tries this many first)."""
JA_MAX_MANNER = 6
"""Longest Japanese manner word looked up (verb stems: still_verbs.JA_MAX_STEM)."""
JA_FORM_ENDING = {"k": "く", "n": "に", "t": "と"}
"""A manner word's adverbial ending by its class: an i-adjective's stem + く (激しく), a
na-adjective + に (わずかに), a to-adverb + と (猛然と). A closed class: the language's
adverbial forms."""


@cache
def _zh_moving() -> frozenset[str]:
    lines = table_lines(Path(__file__).with_name("moving_verbs_zh.txt"))
    return frozenset(line.strip() for line in lines if line.strip())


def zh_moving_verb_at(text: str, at: int) -> str:
    """The longest Chinese verb of movement (two to four characters) that begins at `at`."""
    table = _zh_moving()
    for size in range(ZH_MAX_CHARS, 1, -1):
        word = text[at:at + size]
        if len(word) == size and word in table:
            return word
    return ""


@cache
def zh_manner_words() -> frozenset[str]:
    """Two-character Chinese words of a manner of moving, no verb (优雅, 缓慢, 敏捷: CC-CEDICT
    senses read by the English analyzer's manner adverbs)."""
    lines = table_lines(Path(__file__).with_name("manner_words_zh.txt"))
    return frozenset(line.strip() for line in lines if line.strip())


@cache
def _ja_moving_stems() -> dict[str, str]:
    """Stem -> the kana that may follow it (`_JA_ENDINGS` of each of its classes)."""
    out: dict[str, str] = {}
    for stem, kind in table_rows(Path(__file__).with_name("moving_verbs_ja.txt")):
        out[stem] = out.get(stem, "") + _JA_ENDINGS.get(kind, "")
    return out


def ja_moving_verb_at(text: str, at: int) -> str:
    """The longest Japanese verb of movement that begins at `at`, conjugated (流れる, 動いた,
    突進する): its stem, "" when none."""
    return ja_conjugated_stem_at(_ja_moving_stems(), text, at)


@cache
def _ja_manner_words() -> dict[str, str]:
    """Adverbial form (わずかに, 分厚く, 猛然と) -> its word, for every tabled manner word."""
    out: dict[str, str] = {}
    for word, form in table_rows(Path(__file__).with_name("manner_words_ja.txt")):
        ending = JA_FORM_ENDING.get(form)
        if ending:
            out[word + ending] = word
    return out


def ja_manner_words_before(text: str, end: int) -> list[int]:
    """Where each tabled adverbial form ending at `end` starts (text[end - 1] is its く, に or
    と), the longest first."""
    forms = _ja_manner_words()
    return [end - size for size in range(JA_MAX_MANNER + 1, 1, -1)
            if end - size >= 0 and text[end - size:end] in forms]


@cache
def es_motion_adjectives() -> frozenset[str]:
    """Spanish adjectives that tell a movement's manner said of a movement noun (dinámico,
    realista, lento: the English analyzer's MOTION_ADJECTIVES by Apertium's reading)."""
    lines = table_lines(Path(__file__).with_name("motion_adjectives_es.txt"))
    return frozenset(line.strip() for line in lines if line.strip())
