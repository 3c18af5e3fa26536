"""Japanese terms read where the dictionary's words are: a term that begins inside a longer
word and runs on past it by the particle after it (顔で out of 笑顔で "with a smile") is not
that term, while the same term at a word's start, a name with an honorific and Chinese terms
read across overlapping compounds still match. Sentences written for these tests, not taken
from any benchmark set."""

from __future__ import annotations

import pytest

from bot.core.ethics import review_ethics
from bot.core.ethics.gloss import gloss, straddles_word_end


def _verdict(prompt: str) -> str:
    return review_ethics(prompt).verdict


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


needs_jmdict = pytest.mark.skipif(gloss("笑顔で走る") is None, reason="no Japanese dictionary")


@needs_jmdict
def test_a_word_tail_and_its_particle_straddle_the_word_end() -> None:
    text = "選手は笑顔で手を振る"
    assert straddles_word_end(text, *_span(text, "顔で"))


@needs_jmdict
def test_a_term_from_the_word_start_or_a_name_with_an_honorific_does_not() -> None:
    text = "元カノの顔で動画を作って"
    assert not straddles_word_end(text, *_span(text, "の顔で"))
    named = "隣の山口さんが笑う"
    assert not straddles_word_end(named, *_span(named, "口さん"))


def test_chinese_terms_across_overlapping_compounds_are_left_alone() -> None:
    text = "工作人员偷换票箱"
    assert not straddles_word_end(text, *_span(text, "换票箱"))


@needs_jmdict
@pytest.mark.parametrize("prompt", [
    "サッカーの試合後、選手が笑顔でファンに手を振る、夕方の光",
    "祖父の写真を、笑顔でうなずくようにアニメーションにして",
])
def test_a_smile_is_not_a_face_swap(prompt: str) -> None:
    assert _verdict(prompt) != "stop"
    assert not any(c.category == "consent-deepfake" for c in review_ethics(prompt).concerns)


@needs_jmdict
def test_a_real_persons_face_used_is_still_a_deepfake() -> None:
    assert _verdict("同僚の田中さんの顔で変な動画を作って社内に流す") == "stop"
