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
    "ja": frozenset({"歳", "才", "さい", "歳の", "才の", "歳未満", "才未満"}),
}
"""The counters for years of age, per language (a closed class). Japanese 才 counts ages
(a common shorthand for 歳); Chinese 才 after a numeral is not a counter, so it is not
listed for Chinese."""

UNDER_BEFORE = {"zh": ("未满", "未滿", "不满", "不滿", "不到", "没满", "沒滿", "未到")}
"""Chinese's words for "not yet reached" before an age (未满18岁, under eighteen; a closed
class): the age is a ceiling, and "not yet fill 18 years old" word by word says an adult's age."""
UNDER_AFTER = {"ja": "未満"}
"""Japanese's "under" after an age (18歳未満, under eighteen)."""
ADULT_AGE = 18
"""An age ceiling up to this says the person is a minor ("underage")."""

HAN_UNITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
"""The Han digits (a closed class); 十 (ten) combines them (`han_number`)."""
TEN = "十"
MAX_AGE = 120


def an_age(number: int | None) -> int | None:
    """`number` when it can be a person's age in years (1 to `MAX_AGE`), else None: read by
    this gloss and the Spanish reader's "tiene 16 años" alike."""
    return number if number is not None and 0 < number <= MAX_AGE else None

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
            words[-1] = _age_word(text, age, words[-1].start, word.end, language)
            changed = True
            continue
        whole = _counted_in_one(text[word.start:word.end], counters)
        if whole is not None:
            word = _age_word(text, whole, word.start, word.end, language)
            changed = True
        words.append(word)
    return _assemble(_under(words, text, language)) if changed else glossed


def _age_word(text: str, age: int, start: int, end: int, language: str) -> GlossWord:
    """"N years old", or "underage, under N" when the age is a ceiling said after it
    (`UNDER_AFTER`: 18歳未満) and at most `ADULT_AGE` (`_under` keeps the latter only before
    a person)."""
    after = UNDER_AFTER.get(language)
    if after and age <= ADULT_AGE and (text[start:end].endswith(after)
                                       or text[end:end + len(after)] == after):
        stop = end + (0 if text[start:end].endswith(after) else len(after))
        return GlossWord(f"{UNDERAGE}{age}", start, stop)
    return GlossWord(f"{age} years old", start, end)


UNDERAGE = "underage, under "


def _under(words: list[GlossWord], text: str, language: str) -> list[GlossWord]:
    """The words with "not yet reached" + an age read as "underage, under N" (`UNDER_BEFORE`:
    未满18岁) when the age is at most `ADULT_AGE`, and only where the next word is a person
    (未满18岁的女孩, 18歳未満の子): said of anything else the ceiling is an audience rule
    (18歳未満禁止, 未满18岁禁止观看: no one under eighteen), which names no minor in the video.
    The words a ceiling spans are merged; an under-age not before a person is read back as
    "N years old"."""
    from bot.core.noun_kinds import is_a_person

    before = UNDER_BEFORE.get(language, ())
    out: list[GlossWord] = []
    for k, word in enumerate(words):
        if out and out[-1].english.startswith(UNDERAGE) and word.start < out[-1].end:
            continue  # 未満, already read into the age
        ceiling = next((b for b in before if text[max(0, word.start - len(b)):word.start] == b),
                       None)
        if not word.english.startswith(UNDERAGE) and ceiling is None:
            out.append(word)
            continue
        following = next((w for w in words[k + 1:] if w.start >= word.end), None)
        person = following is not None and is_a_person(following.first_reading.split(" ")[-1])
        if word.english.startswith(UNDERAGE) and not person:
            word = GlossWord(f"{word.english[len(UNDERAGE):]} years old", word.start, word.end)
        age = _years_old(word.english)
        if age is not None and age <= ADULT_AGE and ceiling is not None and person:
            start = word.start - len(ceiling)
            while out and out[-1].start >= start:
                out.pop()
            out.append(GlossWord(f"{UNDERAGE}{age}", start, word.end))
            continue
        out.append(word)
    return out


def _years_old(english: str) -> int | None:
    """The N of a "N years old" gloss word, or None."""
    number, _, rest = english.partition(" ")
    return int(number) if rest == "years old" and number.isdigit() else None


def _age_of(text: str, before: GlossWord, word: GlossWord,
            counters: frozenset[str]) -> int | None:
    """The age when `word` is an age counter straight after the numeral `before`."""
    if before.end != word.start or text[word.start:word.end] not in counters:
        return None
    return an_age(han_number(text[before.start:before.end]))


def _counted_in_one(source: str, counters: frozenset[str]) -> int | None:
    """The age of one segmented word that is itself a numeral and a counter (十六岁)."""
    for counter in counters:
        if source.endswith(counter) and len(source) > len(counter):
            number = an_age(han_number(source[:-len(counter)]))
            if number is not None:
                return number
    return None
