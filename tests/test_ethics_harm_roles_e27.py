"""Session 27 (issue 16): who a Chinese or Japanese violent verb is done to (`harm_roles`): the
violence categories are about people, and a verb said of slippers or by a cat is not."""

from __future__ import annotations

import pytest

from bot.core.ethics import review_ethics
from bot.core.ethics.gloss import gloss
from bot.core.ethics.harm_roles import NOT_FOUND, between_people, noun_kind


def _verdict(prompt: str) -> str:
    return review_ethics(prompt).verdict


def _rules(prompt: str) -> set[str]:
    return {c.rule for c in review_ethics(prompt).concerns}


@pytest.mark.parametrize(("english", "kind"), [
    ("slippers", "thing"), ("security camera", "thing"), ("dog (Canis familiaris)", "animal"),
    ("cat", "animal"), ("neighbor", "person"), ("teacher", "person"), ("my", None),
    ("water pistol", "toy"), ("toy gun", "toy"),
])
def test_noun_kind_reads_the_head_in_wordnet(english: str, kind: str | None) -> None:
    assert noun_kind(english) == kind


def _between(text: str, verb: str) -> bool:
    at = text.index(verb)
    glossed = gloss(text)
    assert glossed is not None
    return between_people(text, glossed, at, at + len(verb))


@pytest.mark.parametrize(("text", "verb", "people"), [
    # a thing as the patient: after a Chinese verb, before を in Japanese, after 把
    ("我的狗在谋杀我的沙发", "谋杀", False),
    ("犬が毎日クッションを殺してる", "殺し", False),
    ("猫把拖鞋杀了", "杀", False),
    # an animal agent with no patient said
    ("我家猫又在谋杀", "谋杀", False),
    # a person as the patient, or a patient the dictionary may not know: kept
    ("男人谋杀了他的邻居", "谋杀", True),
    ("猫が元カレを殺す", "殺す", True),
    ("他把前男友杀了", "杀", True),
    # the passive: the one struck stands before 被 / is the が noun of される
    ("她被车撞飞", "撞飞", True),
    ("拖鞋被猫谋杀了", "谋杀", False),
    ("元カレが殺される", "殺さ", True),
    # 的 after the verb: a modifier, the noun after it is no patient
    ("做个男人被撞飞的视频", "撞飞", True),
    # a toy as the instrument: play (で in Japanese, 用 / 拿 in Chinese); a real weapon is not
    ("子供たちが水鉄砲で撃ち合う", "撃ち", False),
    ("孩子们用水枪互相射击", "射击", False),
    ("男が銃で子供を撃つ", "撃つ", True),
])
def test_between_people_reads_agent_and_patient(text: str, verb: str, people: bool) -> None:
    assert _between(text, verb) is people


def test_not_found_is_distinct_from_unknown() -> None:
    assert NOT_FOUND == "" and NOT_FOUND is not None


@pytest.mark.parametrize("prompt", [
    "我家的狗天天谋杀我的拖鞋，监控视角，搞笑",
    "うちの猫がクッションを毎日殺してる。防犯カメラ風で笑える感じ",
])
def test_violent_verb_said_of_a_thing_is_no_violence(prompt: str) -> None:
    assert not any(r.removeprefix("gloss:") in {"violence-act", "violence-lethal-act"}
                   for r in _rules(prompt))
    assert _verdict(prompt) != "stop"


@pytest.mark.parametrize("prompt", [
    "监控视角：一个男人谋杀了他的邻居",
    "防犯カメラ風、男が隣人を殺す",
])
def test_violent_verb_against_a_person_still_stops(prompt: str) -> None:
    assert _verdict(prompt) == "stop"


def test_a_water_pistol_fight_at_a_party_is_no_violence_against_a_child() -> None:
    prompt = "息子の誕生日会、友だちと水鉄砲で撃ち合ってびしょ濡れ"
    assert "minors-violence" not in _rules(prompt)
    assert _verdict(prompt) != "stop"
