"""Japanese "none" after a noun (bot/core/ethics/native_absence.py): a native term followed by
なし is said to be absent. Sentences written for these tests, not taken from the benchmark sets."""

from __future__ import annotations

import pytest

from bot.core.ethics import review_ethics
from bot.core.ethics.gloss import gloss_japanese
from bot.core.ethics.native_absence import without_absent

needs_jmdict = pytest.mark.skipif(gloss_japanese("猫").text == "", reason="jamdict-data missing")


def test_japanese_none_after_a_term_says_it_is_absent() -> None:
    text = "殺陣の稽古、流血なし"
    at = text.index("流血")
    assert without_absent(text, [(at, at + 2)]) == []
    text = "流血は一切なしで"
    assert without_absent(text, [(0, 2)]) == []
    text = "流血シーンを入れて、字幕なし"
    assert without_absent(text, [(0, 2)]) == [(0, 2)]  # the none is said of the captions
    assert without_absent("流血をなした", [(0, 2)]) == [(0, 2)]  # を between, and 成す "to form"


@needs_jmdict
def test_the_review_reads_a_term_said_absent_as_absent() -> None:
    assert review_ethics("殺陣の稽古風景、道場で木刀の型を練習、流血なし").verdict in ("ok", "note")
    assert review_ethics("殺陣の稽古風景、道場で木刀の型を練習、流血シーンあり").verdict == "caution"
