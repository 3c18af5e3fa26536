"""Session 23's gloss mechanisms: Chinese segmented by word frequencies, verb complements
and the pronouns' possessive; Japanese auxiliaries (causative, desire, negation) in English
order."""

from __future__ import annotations

import pytest

from bot.core.ethics import gloss as gloss_module
from bot.core.ethics.gloss import chinese_zipf, gloss_chinese, gloss_japanese


def _japanese_dictionary_installed() -> bool:
    return gloss_module._jmdict() is not None


needs_jmdict = pytest.mark.skipif(not _japanese_dictionary_installed(),
                                  reason="jamdict-data is not installed")


def _words(glossed: gloss_module.Gloss, text: str) -> list[tuple[str, str]]:
    return [(w.english, text[w.start:w.end]) for w in glossed.words]


def test_the_frequency_table_is_shipped_and_read() -> None:
    zipf = chinese_zipf()
    assert zipf["的"] > zipf["女儿"] > zipf["前传"]
    assert "家的" not in zipf  # a rare headword wordfreq never saw gets the floor


@pytest.mark.parametrize(("prompt", "pieces", "not_pieces"), [
    ("投票前传开", ["传开"], ["前传"]),          # not "prequel"
    ("昏暗走廊中的缓慢镜头", ["中"], ["中的"]),   # not "hit the target"
    ("我邻居家的女儿", ["家", "女儿"], ["家的"]),  # not "(old) wife"
    ("角落有时间戳", ["时间戳"], ["有时"]),       # a longer word that is a word still wins
    ("他被子弹打中", ["子弹"], ["被子"]),
    ("必须把手续费打到", ["手续费"], ["把手"]),
])
def test_chinese_is_segmented_by_the_most_probable_words(prompt: str, pieces: list[str],
                                                         not_pieces: list[str]) -> None:
    spans = [prompt[w.start:w.end] for w in gloss_chinese(prompt).words]
    for piece in pieces:
        assert piece in spans
    for piece in not_pieces:
        assert piece not in spans


def test_without_the_table_maximum_matching_still_segments(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    monkeypatch.setattr(gloss_module, "UNIGRAM_SEGMENTATION", False)
    assert "timestamp" in gloss_chinese("角落有时间戳").text


@pytest.mark.parametrize(("prompt", "reading"), [
    ("他慢慢站起来", "stand up"),      # 站 alone is first "station"
    ("她爬上去摘苹果", "climb up"),    # 爬 alone is first "crawl"
])
def test_a_verb_with_its_complement_reads_as_the_dictionary_lists_it(prompt: str,
                                                                    reading: str) -> None:
    text = gloss_chinese(prompt).text
    assert reading in text
    assert "station" not in text and "crawl" not in text


def test_completion_diao_joins_its_verb() -> None:
    text = gloss_chinese("烧掉他们的店铺").text
    assert "fall" not in text
    assert text.startswith("burn their")


@needs_jmdict
@pytest.mark.parametrize(("prompt", "reading"), [
    ("死にたい", "want to die"),
    ("生きたくない", "not want to live"),
    ("自殺したい", "want to suicide"),
    ("殴らせろ", "make strike"),
    ("食べさせない", "not make eat"),
    ("彼を殺させる", "make kill"),
])
def test_japanese_auxiliaries_read_before_the_verb(prompt: str, reading: str) -> None:
    assert reading in gloss_japanese(prompt).text


@needs_jmdict
@pytest.mark.parametrize(("prompt", "reading"), [
    ("冷たい水", "cold"),                   # an adjective in -たい, no wish
    ("子供に服を脱がせる", "strip someone"),  # a causative verb of its own: no "make"
    ("彼女を泣かせる", "make someone cry"),
    ("殺した", "kill"),                     # the past, no wish
])
def test_japanese_auxiliaries_leave_words_of_their_own(prompt: str, reading: str) -> None:
    text = gloss_japanese(prompt).text
    assert reading in text
    assert "want" not in text and "make make" not in text and "make strip" not in text


@pytest.mark.parametrize(("prompt", "reading", "noise"), [
    ("她从来没拍过裸戏", "not film", "drowned"),
    ("别告诉他", "don't tell", "leave"),
])
def test_a_negator_before_a_verb_only_negates_it(prompt: str, reading: str, noise: str) -> None:
    text = gloss_chinese(prompt).text
    assert reading in text
    assert noise not in text


def test_bie_before_a_noun_keeps_its_word() -> None:
    assert "other people" in gloss_chinese("别人的照片").text


@pytest.mark.parametrize(("prompt", "reading"), [
    ("我邻居家的女儿刚上四年级", "grade 4"),
    ("她读5年级", "grade 5"),
    ("六年级的学生", "grade 6"),
])
def test_a_school_year_reads_as_english_names_it(prompt: str, reading: str) -> None:
    assert reading in gloss_chinese(prompt).text


def test_pronouns_in_the_plural_are_possessive_before_a_noun() -> None:
    assert "their" in gloss_chinese("他们的店铺").text


def test_a_verb_before_a_person_takes_its_sense_with_an_object() -> None:
    text = gloss_chinese("女孩节食饿自己").text
    assert "starve themselves" in text
    assert "hungry" not in text
    assert "hungry" in gloss_chinese("我饿了").text  # no object: the first sense


def test_a_preposition_before_a_pronoun_is_no_transitive_verb() -> None:
    assert "treat" not in gloss_chinese("对她说").text


def test_chinese_text_inside_a_sense_is_left_out() -> None:
    text = gloss_chinese("某三甲医院").text
    assert "hospital" in text
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text)
