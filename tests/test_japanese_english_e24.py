"""Session 24: the Japanese gloss re-read in English word order (bot/core/ethics/japanese_english.py,
called from gloss.gloss). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.core.ethics import japanese_english
from bot.core.ethics.gloss import GlossWord, gloss, gloss_japanese
from bot.core.ethics.japanese_english import english_order

needs_jmdict = pytest.mark.skipif(gloss_japanese("猫").text == "", reason="jamdict-data missing")


@pytest.fixture(autouse=True)
def _english_order_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The reader is off by default (`ENGLISH_ORDER`); these tests read it switched on, and
    leave no gloss read that way in `gloss`'s cache for other tests."""
    monkeypatch.setattr(japanese_english, "ENGLISH_ORDER", True)
    gloss.cache_clear()
    yield
    gloss.cache_clear()


def _nobody(english: str) -> bool:
    return english in ("teacher", "Mx. Kato", "person")


def _order(text: str, spans: list[tuple[str, str]]) -> str:
    """english_order on hand-made words: each (Japanese piece, English), found left to right."""
    words, at = [], 0
    for piece, english in spans:
        start = text.index(piece, at)
        words.append(GlossWord(english, start, start + len(piece)))
        at = start + len(piece)
    return " ".join(w.english for w in english_order(text, words, _nobody))


def test_verb_follows_its_subject_and_goes_before_its_object() -> None:
    assert _order("犬が猫を追う", [("犬", "dog"), ("猫", "cat"), ("追う", "chase")]) == (
        "dog chase cat")


def test_relative_clause_goes_after_its_noun_with_a_relative_pronoun() -> None:
    text = "猫を追う犬を描いて"
    assert _order(text, [("猫", "cat"), ("追う", "chase"), ("犬", "dog"), ("描いて", "draw")]) == (
        "draw dog which chase cat")


def test_suru_verb_before_a_noun_is_a_relative_clause() -> None:
    text = "山を撮影する人"
    assert _order(text, [("山", "mountain"), ("撮影", "filming"), ("人", "person")]) == (
        "person who filming mountain")


def test_adjective_before_its_noun_stays_there() -> None:
    text = "青い空を描く"
    assert _order(text, [("青い", "blue"), ("空", "sky"), ("描く", "draw")]) == "draw blue sky"


def test_person_before_no_is_a_possessor_but_not_before_a_person() -> None:
    text = "先生の加藤さんの車を洗う"
    got = _order(text, [("先生", "teacher"), ("加藤", "Mx. Kato"), ("車", "car"),
                        ("洗う", "wash")])
    assert got == "wash teacher Mx. Kato's car"


def test_thing_before_no_stays_a_modifier() -> None:
    text = "木の箱を開ける"
    assert _order(text, [("木", "wood"), ("箱", "box"), ("開ける", "open")]) == "open wood box"


def test_kara_is_said_as_from_before_its_noun() -> None:
    text = "駅から歩く"
    assert _order(text, [("駅", "station"), ("歩く", "walk")]) == "walk from station"
    from_word = english_order(text, [GlossWord("station", 0, 1), GlossWord("walk", 3, 5)],
                              _nobody)[1]
    assert text[from_word.start:from_word.end] == "から"


def test_te_form_chain_is_joined_with_and() -> None:
    text = "窓を開けて、鳥を見る"
    got = _order(text, [("窓", "window"), ("開けて", "open"), ("鳥", "bird"), ("見る", "see")])
    assert got == "open window and see bird"


def test_topic_stays_outside_a_relative_clause() -> None:
    text = "彼は猫を追う犬を描く"
    got = _order(text, [("彼", "he"), ("猫", "cat"), ("追う", "chase"), ("犬", "dog"),
                        ("描く", "draw")])
    assert got == "he draw dog which chase cat"


def test_every_word_is_kept_with_its_span() -> None:
    text = "彼女が古い写真を見せる動画を作って"
    words = [GlossWord("she", 0, 2), GlossWord("old", 3, 5), GlossWord("photo", 5, 7),
             GlossWord("show", 8, 11), GlossWord("video", 11, 13), GlossWord("make", 14, 17)]
    out = english_order(text, words, _nobody)
    assert set(words) <= set(out)
    assert {w.english for w in out} - {w.english for w in words} <= {"which", "and", "from"}


def test_switch_off_leaves_the_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(japanese_english, "ENGLISH_ORDER", False)
    words = [GlossWord("dog", 0, 1), GlossWord("cat", 2, 3), GlossWord("chase", 4, 6)]
    assert english_order("犬が猫を追う", words, _nobody) == words


@needs_jmdict
def test_gloss_reads_a_relative_clause_after_its_noun() -> None:
    glossed = gloss("カメラが胸元を映す映像を作ってください。")
    assert glossed is not None
    text = glossed.text
    assert text.index("footage") < text.index("which") < text.index("project"), text
    assert text.index("make") < text.index("footage"), text


@needs_jmdict
def test_gloss_reads_a_colleagues_photo_as_possessed() -> None:
    glossed = gloss("同僚の写真を使って")
    assert glossed is not None and "coworker's photograph" in glossed.text, glossed.text


@needs_jmdict
def test_an_appearance_reading_stays_before_its_phrase() -> None:
    glossed = gloss("本物のニュース映像に見えるように作って")
    assert glossed is not None and "look like real news footage" in glossed.text, glossed.text


@needs_jmdict
def test_off_by_default_the_gloss_keeps_its_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(japanese_english, "ENGLISH_ORDER", False)
    gloss.cache_clear()
    prompt = "カメラが胸元を映す映像を作ってください。"
    glossed = gloss(prompt)
    assert glossed is not None and glossed.text == gloss_japanese(prompt).text
    gloss.cache_clear()
