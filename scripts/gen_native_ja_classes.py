"""Generate two Japanese word classes beside bot/core/critique/lexicons/ja.py from JMdict, read
through the English analyzer's component tables.

not_light_compounds_ja.txt: JMdict kanji compounds on 光 ("light") that do not name a light.

Japanese kanji compounds are right-headed: 窓光, 自然光, 月光 are kinds of light, so the
Japanese lexicon reads a kanji compound ending in 光 as lighting (issue 12: a light source,
direction, quality or time of day) without listing each one. Some compounds on 光 are not a
light by their sense (観光 "sightseeing", 栄光 "glory", 露光 "exposure"): this table lists each
JMdict headword of two or three kanji ending in 光 whose first English sense the English
analyzer (bot.core.critique.analysis) does not read as lighting, and the lexicon leaves them
out.

shot_sizes_ja.txt: katakana na-adjectives (keiyodoshi) whose first English sense S makes "a S
shot" a shot in the English analyzer (ワイド "wide", ロング "long", タイト "tight"). Said bare at
the end of a list item ("24mm、導入ワイド、") such a word is the shot's size, as "ワイドな構図" is.

shot_nouns_ja.txt: katakana nouns (loanwords) whose first English sense the English analyzer
reads, whole, as a shot (パノラマ "panorama", クローズアップ "close-up"): said as a noun or as
the first part of a katakana compound (パノラマビュー), the loan is the shot's size.

light_sources_ja.txt: JMdict nouns (kanji or katakana, two to eight characters) whose first
English sense's head (noun_kinds.phrase_heads) WordNet files under a source of illumination or a
lighting fixture (電球 "light bulb", 蛍光灯, 蝋燭, シャンデリア): a light source (issue 12's
lighting), and the head of a compound that ends in one (裸電球 "bare bulb").

Offline, once (needs jamdict-data, as bot.core.ethics.gloss reads it). Run:
    PYTHONPATH=. .venv/bin/python scripts/gen_native_ja_classes.py
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core import noun_kinds  # noqa: E402
from bot.core.critique.analysis import analyze  # noqa: E402
from bot.core.critique.components import Component as C  # noqa: E402
from bot.core.ethics import gloss  # noqa: E402
from bot.core.generated_tables import write_table  # noqa: E402
from scripts.gen_native_es_classes import english_shot_size  # noqa: E402

OUT_DIR = Path(__file__).resolve().parents[1] / "bot" / "core" / "critique" / "lexicons"
_FIRST_SENSE = ("SELECT k.text, (SELECT g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID "
                "WHERE s.idseq = k.idseq AND g.lang = 'eng' ORDER BY s.ID, g.rowid LIMIT 1) "
                "FROM Kanji k WHERE k.text LIKE '%光' AND length(k.text) BETWEEN 2 AND 4")


_KATAKANA_FIRST_SENSE = (
    "SELECT k.text, (SELECT g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID "
    "WHERE s.idseq = k.idseq AND g.lang = 'eng' ORDER BY s.ID, g.rowid LIMIT 1), "
    "(SELECT group_concat(p.text, '|') FROM pos p WHERE p.sid = "
    "(SELECT MIN(ID) FROM Sense WHERE idseq = k.idseq)) FROM Kana k")
_KATAKANA = re.compile(r"[\u30a1-\u30faー]{2,8}")


def _jmdict() -> sqlite3.Connection:
    path = gloss._jmdict_file()
    if path is None:
        raise SystemExit("jamdict-data is not installed")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def katakana_shot_sizes() -> list[str]:
    out = set()
    for word, sense, pos in _jmdict().execute(_KATAKANA_FIRST_SENSE):
        if sense and pos and "keiyodoshi" in pos and _KATAKANA.fullmatch(word) \
                and english_shot_size(sense.strip()):
            out.add(word)
    return sorted(out)


_NOUN_FIRST_SENSE = (
    "SELECT w.text, (SELECT g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID "
    "WHERE s.idseq = w.idseq AND g.lang = 'eng' ORDER BY s.ID, g.rowid LIMIT 1), "
    "(SELECT group_concat(p.text, '|') FROM pos p WHERE p.sid = "
    "(SELECT MIN(ID) FROM Sense WHERE idseq = w.idseq)) FROM {table} w")
_NOUN_WORD = re.compile(r"[\u4e00-\u9fff\u30a1-\u30faー々]{2,8}")
_PAREN = re.compile(r"\([^()]*\)")


def _noun_senses() -> list[tuple[str, str]]:
    """(headword, first English sense without its parentheses) of each JMdict noun written in
    kanji or katakana, two to eight characters."""
    db = _jmdict()
    out = []
    for table in ("Kanji", "Kana"):
        for word, sense, pos in db.execute(_NOUN_FIRST_SENSE.format(table=table)):
            if sense and pos and "noun" in pos and _NOUN_WORD.fullmatch(word):
                out.append((word, _PAREN.sub(" ", sense).strip()))
    return out


def katakana_shot_nouns() -> list[str]:
    out = set()
    for word, sense in _noun_senses():
        if not _KATAKANA.fullmatch(word) or not sense:
            continue
        shots = analyze(sense).spans.get(C.SHOT, [])
        if sum(s.end - s.start for s in shots) == len(sense):
            out.add(word)
    return sorted(out)


def light_sources() -> list[str]:
    lamp = noun_kinds.kind_chain("lamp")
    roots = {lamp[1], noun_kinds.kind_chain("lighting fixture")[0]}
    """WordNet's source of illumination (a lamp's parent) and lighting fixture."""
    out = set()
    for word, sense in _noun_senses():
        heads = noun_kinds.phrase_heads(sense, limit=1) or sense.split()[-1:]
        if heads and roots & set(noun_kinds.kind_chain(heads[0])):
            out.add(word)
    return sorted(out)


def not_light_compounds() -> list[str]:
    db = _jmdict()
    out = set()
    for word, sense in db.execute(_FIRST_SENSE):
        if sense and all("\u4e00" <= ch <= "\u9fff" for ch in word) \
                and C.LIGHTING not in analyze(sense).spans:
            out.add(word)
    return sorted(out)


def write(name: str, words: list[str], what: str) -> None:
    path = OUT_DIR / name
    notice = ("Generated by scripts/gen_native_ja_classes.py from JMdict (EDRDG licence, "
              "CC BY-SA 4.0), jamdict-data's database: do not edit by hand. " + what)
    write_table(path, notice, words)
    print(f"{path}: {len(words)} words")


def main() -> int:
    write("not_light_compounds_ja.txt", not_light_compounds(),
          "Kanji compounds on 光 whose sense is not a light.")
    write("shot_sizes_ja.txt", katakana_shot_sizes(),
          "Katakana na-adjectives that say a shot's size.")
    write("shot_nouns_ja.txt", katakana_shot_nouns(),
          "Katakana nouns whose English source is a shot.")
    write("light_sources_ja.txt", light_sources(),
          "Nouns whose first sense is a source of illumination or a lighting fixture.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
