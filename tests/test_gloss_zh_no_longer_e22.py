"""The Chinese gloss's 不 ... 了 ("no longer": a state that has ended) and a person noun read by
the head of its dictionary's first English compound (女生 "girl", not "schoolgirl"): the
English rules read the meaning, not a dictionary's first listed narrow use. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from bot.core.ethics import review_full
from bot.core.ethics.gloss import _compound_head_person, gloss_chinese


@pytest.mark.parametrize(("prompt", "reading"), [
    ("这样就不痛了", "doesn't ache anymore"),
    ("他不吃了", "doesn't eat anymore"),
    ("她不去了，我们走吧", "doesn't go anymore"),
])
def test_a_clause_final_le_after_bu_reads_as_no_longer(prompt: str, reading: str) -> None:
    assert reading in gloss_chinese(prompt).text


@pytest.mark.parametrize("prompt", ["他不吃饭", "我不知道了解他的人", "不好"])
def test_bu_without_a_clause_final_le_stays_a_plain_negation(prompt: str) -> None:
    assert "anymore" not in gloss_chinese(prompt).text


@pytest.mark.parametrize(("prompt", "reading", "absent"), [
    ("大学女生宿舍", "girl", "schoolgirl"),
    ("男生在打篮球", "boy", "schoolboy"),
])
def test_a_student_compound_first_sense_gives_way_to_its_head(
        prompt: str, reading: str, absent: str) -> None:
    text = gloss_chinese(prompt).text
    assert reading in text.split()
    assert absent not in text


def test_only_person_nouns_take_the_compound_head() -> None:
    assert _compound_head_person(["schoolgirl", "female student", "girl"]) == "girl"
    assert _compound_head_person(["teacup", "tea-glass", "cup"]) == ""     # not a person
    assert _compound_head_person(["girl", "lass"]) == ""                  # nothing narrower


@pytest.mark.parametrize("prompt", ["两个女生穿比基尼在海边自拍", "大学女生宿舍里的生活vlog"])
def test_adult_women_called_nusheng_are_not_a_minors_stop(prompt: str) -> None:
    assert review_full(prompt).verdict != "stop"


def test_no_longer_hurting_after_a_leap_is_still_told_as_relief() -> None:
    assert review_full("她从桥上跳下去，字幕：再也不痛了").verdict == "stop"
