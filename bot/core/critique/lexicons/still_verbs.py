"""Chinese, Japanese and Spanish verbs that are not a movement, read from shipped dictionaries.

Issue 12's motion is the speed, manner, weight or physics of a movement. A manner word said of
a doing that moves nothing ("轻轻地说", "微微发光", "sonríe suavemente") is how it is said, lit
or smiled, as the English analyzer reads "speaks softly" or "glows softly" (its
`_NOT_MOVEMENT_LEMMAS`, `_LIGHT_LEMMAS`, `_CHANGE_OF_STATE`). The verbs of those classes are
not listed by hand here: scripts/gen_native_still_verbs.py puts each CC-CEDICT headword, each
JMdict verb (as its stem and conjugation class) and each Spanish form of Apertium's table
(bot/core/ethics/spanish_gloss.tsv) in them by its English sense, into still_verbs_<code>.txt
beside this module (line 1 is its notice).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.core.generated_tables import table_lines

MAX_CHARS = 4
"""Longest Chinese headword in the table (`still_verb_at` tries this many characters first)."""


@cache
def still_verbs(code: str) -> frozenset[str]:
    """The still verbs of a language ("zh": headwords, "es": word forms); empty for a language
    with no table, or when its file is missing (the reader then keeps every manner word)."""
    lines = table_lines(Path(__file__).with_name(f"still_verbs_{code}.txt"))
    return frozenset(line.strip() for line in lines if line.strip())


def still_verb_at(text: str, at: int) -> str:
    """The longest Chinese still verb that begins at `at` in `text` ("" when none)."""
    table = still_verbs("zh")
    for size in range(MAX_CHARS, 0, -1):
        word = text[at:at + size]
        if len(word) == size and word in table:
            return word
    return ""


_JA_ENDINGS = {"う": "わいうえおっ", "く": "かきくけこい", "ぐ": "がぎぐげごい", "す": "さしすせそ",
               "つ": "たちつてとっ", "ぬ": "なにぬねのん", "ぶ": "ばびぶべぼん", "む": "まみむめもん",
               "る": "らりるれろっ", "1": "るれらよたてなまずさろ", "s": "すしさせ"}
"""What may follow a Japanese verb's stem, by its class: a godan verb's row of kana and its
te-form sound change (呟い-た, 光っ-て), an ichidan verb's endings (見つめ-る, 見つめ-て), and
する's forms after a suru noun (凝視-する). A closed class: the conjugations of the language."""
JA_MAX_STEM = 6


@cache
def _ja_stems() -> dict[str, str]:
    """Stem -> the kana that may follow it (`_JA_ENDINGS` of each of its classes)."""
    out: dict[str, str] = {}
    for line in still_verbs("ja"):
        stem, _, kind = line.partition("\t")
        out[stem] = out.get(stem, "") + _JA_ENDINGS.get(kind, "")
    return out


def ja_still_verb_at(text: str, at: int) -> str:
    """The longest Japanese still verb that begins at `at` in `text`, conjugated (呟いた,
    光る, 凝視する): its stem, "" when none."""
    return ja_conjugated_stem_at(_ja_stems(), text, at)


def ja_conjugated_stem_at(stems: dict[str, str], text: str, at: int) -> str:
    """The longest of `stems` (stem -> the kana that may follow it) that begins at `at` in
    `text` and is followed by one of its kana: a conjugated verb of that table, "" when
    none. Shared by the still verbs and the verbs of movement (moving_verbs.py)."""
    for size in range(JA_MAX_STEM, 0, -1):
        stem = text[at:at + size]
        after = at + size
        if len(stem) == size and stem in stems and after < len(text) \
                and text[after] in stems[stem]:
            return stem
    return ""
