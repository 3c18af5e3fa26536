"""Ages carried across a Chinese or Japanese gloss as English writes them ("16 years old").

Chinese and Japanese say an age with a numeral and an age counter (16岁, 十六歳, 14才); the
dictionaries read the counter alone, CC-CEDICT's 岁 as "year" and JMdict's 歳 as
"-years-old", and a Han numeral as a word ("sixteen"). Word by word that gives "sixteen
year" or "14 -years-old", which is neither of the forms the English rules read an age from
("16 years old", "aged 16": lexicon.yaml's `minor` group), so a prompt that says a girl is
sixteen reaches the English layers with no age in it at all. Here a numeral straight before
an age counter becomes one gloss word, "N years old", with the digits English writes.

The counters and the Han numerals are closed classes of the two languages' grammar (listed
in full below), not phrases from labelled rows. Only the gloss reads the result; the native
lexicons are unchanged.
"""

from __future__ import annotations

from bot.core.ethics.gloss import Gloss, GlossWord, _assemble

AGE_COUNTERS = {
    "zh": frozenset({"岁", "歲", "周岁", "週歲", "虚岁", "虛歲"}),
    "ja": frozenset({"歳", "才", "さい", "歳の", "才の"}),
}
"""The counters for years of age, per language (a closed class). Japanese 才 counts ages
(a common shorthand for 歳); Chinese 才 after a numeral is not a counter, so it is not
listed for Chinese."""

HAN_UNITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
"""The Han digits (a closed class); 十 (ten) combines them (`han_number`)."""
TEN = "十"
MAX_AGE = 120
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def han_number(numeral: str) -> int | None:
    """The value of a numeral written in digits (ASCII or full-width) or in Han numerals up
    to ninety-nine (十六 16, 二十 20, 十 10, 七 7), or None when it is not one."""
    digits = numeral.translate(FULL_WIDTH_DIGITS)
    if digits.isascii() and digits.isdigit():
        return int(digits)
    if not numeral or any(c not in HAN_UNITS and c != TEN for c in numeral):
        return None
    if TEN not in numeral:
        return HAN_UNITS[numeral] if len(numeral) == 1 else None
    tens, _, units = numeral.partition(TEN)
    if len(tens) > 1 or len(units) > 1 or TEN in units:
        return None
    return (HAN_UNITS[tens] if tens else 1) * 10 + (HAN_UNITS[units] if units else 0)


def with_ages(glossed: Gloss, text: str, language: str) -> Gloss:
    """The gloss with each numeral + age counter pair read as one word, "N years old" (a
    counter the dictionary segmented together with its numeral, 十六岁 as one entry, is read
    the same way); other words unchanged."""
    counters = AGE_COUNTERS.get(language, frozenset())
    if not counters:
        return glossed
    words: list[GlossWord] = []
    changed = False
    for word in glossed.words:
        age = _age_of(text, words[-1], word, counters) if words else None
        if age is not None:
            words[-1] = GlossWord(f"{age} years old", words[-1].start, word.end)
            changed = True
            continue
        whole = _counted_in_one(text[word.start:word.end], counters)
        if whole is not None:
            word = GlossWord(f"{whole} years old", word.start, word.end)
            changed = True
        words.append(word)
    return _assemble(words) if changed else glossed


def _age_of(text: str, before: GlossWord, word: GlossWord,
            counters: frozenset[str]) -> int | None:
    """The age when `word` is an age counter straight after the numeral `before`."""
    if before.end != word.start or text[word.start:word.end] not in counters:
        return None
    number = han_number(text[before.start:before.end])
    return number if number is not None and 0 < number <= MAX_AGE else None


def _counted_in_one(source: str, counters: frozenset[str]) -> int | None:
    """The age of one segmented word that is itself a numeral and a counter (十六岁)."""
    for counter in counters:
        if source.endswith(counter) and len(source) > len(counter):
            number = han_number(source[:-len(counter)])
            if number is not None and 0 < number <= MAX_AGE:
                return number
    return None
