"""Japanese subjects read as the head of their word (session 26, e26-mlja)."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _subject_texts(prompt: str) -> list[str]:
    analysis = analyze(prompt)
    assert analysis.language == "ja"
    return [s.text for s in analysis.spans.get(C.SUBJECT, [])]


@pytest.mark.parametrize(("prompt", "not_a_subject"), [
    ("音楽のリズムに合わせた、印象的なシーンです。", "象"),       # 印象的: 象 is not its head
    ("グッドフライデーにキリストを想うラップソングです。", "リス"),  # キリスト: リス inside a word
    ("広大な大聖堂のボスエリアを映します。", "アリ"),              # ボスエリア: アリ inside a word
    ("日本の家庭のキッチンで料理をする。", "家"),                  # 家庭: 家 is not its head
    ("マイクが2本設置されたスタジオです。", "本"),                # 2本: a counter, not a book
])
def test_a_noun_inside_a_longer_word_is_not_the_subject(prompt: str, not_a_subject: str) -> None:
    assert not_a_subject not in _subject_texts(prompt)


@pytest.mark.parametrize(("prompt", "subject"), [
    ("子供達が公園で走っている。", "子供"),      # a plural suffix keeps the noun the head
    ("白猫が窓辺でゆっくり歩く。", "猫"),        # the head at the end of its compound
    ("赤いスポーツカーが夜の街を走る。", "スポーツカー"),
    ("人々が交差点を歩いている。", "人々"),
    ("本を読む少女が窓辺に座っている。", "少女"),
])
def test_a_noun_that_heads_its_word_is_still_the_subject(prompt: str, subject: str) -> None:
    assert subject in _subject_texts(prompt)


@pytest.mark.parametrize(("prompt", "not_a_subject"), [
    ("小さな驚きと安堵。表情がすっとほぐれる。", "表情"),          # an expression: a quality
    ("踏み出して着地するまで足の軌道がつながる", "軌道"),        # a path, not a thing
    ("ドラマチックな光景が広がる。", "光景"),                  # a scene, a place
])
def test_the_fallback_noun_is_no_idea_or_place(prompt: str, not_a_subject: str) -> None:
    assert not_a_subject not in _subject_texts(prompt)


@pytest.mark.parametrize(("prompt", "subject"), [
    ("2147年、シエラは量子シードを起動した。", "シエラ"),     # a name: no table holds it
    ("かわいい生き物が冬の森を歩いている。", "物"),            # the run before が is 物 alone
])
def test_the_fallback_still_takes_a_name_or_a_thing(prompt: str, subject: str) -> None:
    assert subject in _subject_texts(prompt)


def test_the_table_reads_a_compound_by_its_head() -> None:
    from bot.core.critique.lexicons.ja_nouns import names_no_subject

    assert names_no_subject("背景")
    assert names_no_subject("足元背景")  # the head, its last noun, is the background
    assert not names_no_subject("女性")
    assert not names_no_subject("旅行者")
