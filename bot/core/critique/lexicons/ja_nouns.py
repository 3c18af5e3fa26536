"""Japanese nouns that name no thing a shot can show (an idea, a quality, a place), read from
JMdict through WordNet by scripts/gen_native_ja_nouns.py into not_subject_nouns_ja.txt beside
this module (line 1 is its notice).

The Japanese lexicon's fallback subject is the noun before が/は when it lists none of the
prompt's nouns; that noun is as often a topic that is no subject (背景がボケている, 軌道が
つながる). Loaded on the first Japanese prompt that needs it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.core.generated_tables import table_lines

MIN_HEAD = 2
"""Shortest noun read, alone or as the tail of a longer one: one kanji (性 of 女性, 者 of
旅行者, 物 of 生き物 whose kana the run before が leaves out) is a suffix more often than the
word it spells alone."""


@cache
def not_subject_nouns() -> frozenset[str]:
    """The table's nouns; empty when the file is missing (every fallback noun then counts)."""
    lines = table_lines(Path(__file__).with_name("not_subject_nouns_ja.txt"))
    return frozenset(line.strip() for line in lines if line.strip())


def names_no_subject(noun: str) -> bool:
    """Is this run of kanji or katakana (two or more), or its head (Japanese compounds are right-headed:
    照明効果 is an effect, 足の軌道 a path), one of the table's nouns?"""
    table = not_subject_nouns()
    return any(noun[start:] in table for start in range(len(noun) - MIN_HEAD + 1))
