"""`anchored_scan.anchored_finditer` against the plain `finditer` it replaces: the same matches
(spans and groups) on hand-made traps (overlapping pieces, look-behinds that see before the
tried position, windows, back-references, a match right after another) and on every Chinese
and Japanese lexicon pattern over salads of their own words; and it does anchor (tries few
positions) where it should."""

from __future__ import annotations

import random

import pytest

from bot.core import cached_re as re
from bot.core.anchored_scan import _anchor, _places, anchored_finditer


def _same(regex: re.Pattern[str], text: str) -> None:
    found = [(m.span(), m.groups()) for m in anchored_finditer(regex, text)]
    assert found == [(m.span(), m.groups()) for m in regex.finditer(text)], (regex.pattern, text)


TRAPS = [
    (r"[^、。]{0,10}?(?:着物|浴衣)", ["赤い着物と浴衣、白い着物。", "着物着物着物", "、着物", "なし"]),
    (r"(?<!q)(?:ab|bc)d?", ["abc", "xbcd", "ababcbc", "abcd" * 5]),
    (r"(?<!撮)影(?:が|を)?", ["撮影の影が", "影影撮影", "木の影を撮影"]),
    (r"[\u30a1-\u30faー\u4e00-\u9fff]{1,6}の光(?!沢)", ["ネオンの光の光沢", "の光", "月の光、街の光"]),
    (r"(?P<r>[ぁ-ゖ]{2,3})(?P=r)と?歩(?=く)", ["ゆらゆら歩く", "ふわふわと歩き", "ゆらゆら", "ころころ歩く"]),
    (r"(?:^|、)花", ["花、花", "、花花"]),
    (r"(?<!撮)(?:光(?=$)|光が)", ["光が光", "光"]),
    (r"(?<!q)(?:xx|x)", ["xxx", "x x xx"]),
]


@pytest.mark.parametrize(("pattern", "texts"), TRAPS)
def test_the_traps_find_what_finditer_finds(pattern: str, texts: list[str]) -> None:
    regex = re.compile(pattern)
    assert _anchor(pattern) is not None  # every trap is anchored, so the new path is tested
    for text in texts + ["".join(texts) * 3]:
        _same(regex, text)


def test_an_unbounded_or_pieceless_pattern_is_scanned_whole() -> None:
    assert _anchor(r"[^、。]+着物") is None  # its reach is unbounded
    assert _anchor(r"[ぁ-ゖ]{2}") is None  # no literal piece
    assert _anchor(r"[ぁ-ゖ]{2}(?=歩)") is None  # what a look-ahead reads is no piece
    regex = re.compile(r"ab", re.IGNORECASE)
    assert [m.span() for m in anchored_finditer(regex, "xAbab")] == [(1, 3), (3, 5)]


def test_a_pattern_sre_searches_fast_is_left_to_it() -> None:
    """A pattern every match of which begins with a literal or a listed character: SRE's own
    search skips ahead (`_searched_fast`), so it is not anchored; a look-behind or a window
    first takes that away."""
    assert _anchor(r"(?:羽ばたか(?:せ|な)|吹き抜け)て") is None
    assert _anchor(r"逆光|順光") is None
    assert _anchor(r"(?<!撮)影|逆光") is not None
    assert _anchor(r"[^、。]{0,3}?着物") is not None


def test_a_window_is_tried_only_around_its_pieces() -> None:
    anchor = _anchor(r"[^、。]{0,10}?(?:着物|浴衣)")
    assert anchor is not None
    finder, before = anchor
    assert before == 10  # ten window characters: the piece begins at most ten after the match
    text = "あ" * 200 + "着物" + "い" * 200
    places = _places(finder, before, text, len(text))
    assert places == list(range(190, 201))


def test_places_past_the_limit_fall_back_to_the_whole_scan() -> None:
    anchor = _anchor(r"[^、。]{0,10}?花")
    assert anchor is not None
    assert _places(anchor[0], anchor[1], "花" * 50, 10) is None
    _same(re.compile(r"[^、。]{0,10}?花"), "花" * 50)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]+")


@pytest.mark.parametrize("code", ["ja", "zh"])
def test_every_cjk_lexicon_pattern_finds_what_finditer_finds(code: str) -> None:
    """Cues, subjects, verbs and grammar of the lexicon over salads of its own words."""
    from bot.core.critique import native

    cues = [regex for comp in native.C for regex, _ in native._cue_regexes(code, comp)]
    patterns = (cues + [regex for regex, _ in native._subject_regexes(code)]
                + [native._action_regex(code)] + native._grammar_regexes(code))
    words = sorted({w for regex in patterns for w in _CJK.findall(regex.pattern)})
    joins = ["の", "が", "を", "に", "で", "と", "在", "的", "、", "，", "。", " ", "ゆっくり",
             "く", "镜头", "ふわふわ"]
    rng = random.Random(2026113021)
    salads = ["".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 30)))
              for _ in range(120)]
    anchored = sum(_anchor(regex.pattern) is not None for regex in patterns)
    assert anchored > len(patterns) // 3
    for text in salads:
        for regex in patterns:
            _same(regex, text)


@pytest.mark.parametrize("code", ["ja", "zh", "es"])
def test_the_not_motion_spans_are_those_of_the_whole_search(code: str, monkeypatch) -> None:
    from bot.core.critique import native

    regex = native._not_motion_regex(code)
    words = sorted(set(re.findall(r"[\w\u3040-\u30ff\u4e00-\u9fff]{2,}", regex.pattern)))
    rng = random.Random(30)
    joins = [" "] if code == "es" else ["", "", "な", "の", "、", "と", "に"]
    texts = ["".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 30)))
             for _ in range(150)]
    monkeypatch.setattr(native, "ANCHORED", False)
    plain = [native._not_motion_spans(code, t) for t in texts]
    monkeypatch.setattr(native, "ANCHORED", True)
    assert [native._not_motion_spans(code, t) for t in texts] == plain
    assert any(plain)  # the salads do hold spans


def test_a_japanese_analysis_is_the_same_anchored_or_not(monkeypatch) -> None:
    """Whole analyses of hand-written Japanese and Chinese prompts, anchored scans on and off."""
    from bot.core.critique import native
    from bot.core.critique.analysis import analyze

    texts = ["赤い着物の女性がゆっくりと歩き、柔らかな光の中で袖が風になびく。カメラは低い位置から"
             "ドリーインし、背景はボケている。ネオンの光が濡れた路面に映る夜の東京。",
             "少年がふわふわと跳ねるように走る、夕日の光、ローアングル、スローモーション",
             "一只猫在桌子上跳，镜头缓慢推进，逆光，暖色调", "ゆっくりとした音楽、静かな動き"]
    monkeypatch.setattr(native, "ANCHORED", False)
    plain = [analyze(t).model_dump() for t in texts]
    monkeypatch.setattr(native, "ANCHORED", True)
    assert [analyze(t).model_dump() for t in texts] == plain
