"""Session 20's shortcuts against the plain work they replace, with the same answers:

- the English reading of a Chinese or Japanese prompt's blanked view (`native._english_spans`)
  skips the scans whose literal pieces the view lacks (`regex_pieces.finditer_blanked`,
  `search_blanked`), and the camera scanner sits behind its component's piece test;
- a few scans whose pieces most prompts lack are tested for them first (`finditer_found`);
- `_fallback_subject`'s first verb is read from the lower-cased copy (`_first_action`);
- the ethics scan reads a group's leads in the prompt from a per-prompt index
  (`_Scan.leads_by_group`, `cjk_leads_by_group`) instead of a set intersection per group.

Texts: the gallery (English), hand-written ones, word salads of the lexicons' words, and the
blanked views of CJK texts built here (no benchmark rows)."""

from __future__ import annotations

import random

import pytest

import bot.core.critique.analysis as A
import bot.core.critique.camera_grammar as CG
import bot.core.regex_pieces as RP
from bot.core.critique.native import _NON_ASCII
from bot.core.ethics import _Scan, cached_rules
from bot.core.knowledge import load_knowledge

WRITTEN_CJK = ["一只猫在桌子上跳，镜头缓慢推进", "雨の夜の東京、ネオンが濡れた路面に映る",
               "女性がslowlyと歩く、camera pans left、4K cinematic", "a girl walks, 镜头推进, 爆炸",
               "夕暮れの海辺で犬が走る、golden hour, shallow depth of field, 35mm",
               "少年がゆっくりと振り返る、the wind moves the grass gently、スローモーション",
               "城市夜景，a drone shot sweeps over the river，霓虹灯闪烁，cyberpunk style",
               "桜の花びらが舞い散る中、a dancer spins like a leaf、by Studio Ghibli"]
WRITTEN_EN = ["The kite rises higher and higher, spinning like a top as the wind picks up",
              "A lantern sways slightly as light as a feather, more and more dust swirls",
              "Handheld, the camera drifts as if floating, under a flurry of snow",
              "Smoke curls slowly; the rider leans hard into the turn",
              "The tent shakes under the full force of the wind, in the style of Ansel Adams",
              "a street      vendor     slowly     pours     tea     like     a     waterfall"]


def _blanked(text: str) -> str:
    """The view `native._english_spans` reads for a Japanese or Chinese prompt."""
    return _NON_ASCII.sub(" ", text)


@pytest.fixture(scope="module")
def english() -> list[str]:
    kb = load_knowledge()
    return WRITTEN_EN + [e.prompt for e in kb.gallery.values()]


@pytest.fixture(scope="module")
def blanked(english) -> list[str]:
    """Blanked views: the written CJK prompts, and salads of kana and Han filler around
    English phrases cut from the gallery, so runs of blanks sit between real cues."""
    rng = random.Random(20261130)
    filler = ["の", "が", "を", "在", "的", "、", "，", "。", "夜の街", "镜头缓慢推进", "少女が"]
    phrases = [w for p in english for w in p.split(",") if 0 < len(w.split()) <= 4]
    salads = ["".join(rng.choice(filler) * rng.randint(1, 12) + rng.choice(phrases)
                      for _ in range(rng.randint(1, 5))) for _ in range(250)]
    views = [_blanked(t) for t in WRITTEN_CJK + salads]
    assert sum(RP.BLANK_RUN in v for v in views) > 150
    return views


GATED = ["_ADVERB_OR_STEM", "_MANNER_VERB_RE", "_SUBSTANCE_NOUN", "_ONE_MOVEMENT",
         "_ADJECTIVE_BEFORE_MOVEMENT", "_MOVEMENT_NOUN_HEAD", "_ATTRIBUTION", "_S_WORD",
         "_SMALL_DEGREE", "_EVER_MORE", "_UNDER_A_FORCE", "_SIMILE", "_COMPARISON", "_LIKE_AS"]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.mark.parametrize("name", GATED)
def test_gated_scans_find_what_the_plain_scan_finds(name, english, blanked) -> None:
    regex = getattr(A, name)
    found = 0
    for text in english + blanked:
        for low in (text, text.lower()):
            plain = _spans(regex.finditer(low))
            assert _spans(RP.finditer_blanked(regex, low)) == plain, (name, low)
            assert _spans(RP.finditer_found(regex, low)) == plain, (name, low)
            first = regex.search(low)
            got = RP.search_blanked(regex, low)
            assert (got.span() if got else None) == (first.span() if first else None)
            found += bool(plain)
    assert found  # the texts do hold matches of each pattern


def test_frame_subject_scan_is_the_plain_scan(english, blanked) -> None:
    for text in english + blanked:
        low = text.lower()
        assert _spans(RP.finditer_blanked(CG._FRAME_SUBJECT, low)) == \
            _spans(CG._FRAME_SUBJECT.finditer(low))


def test_the_blank_gate_skips_scans_on_a_blanked_view(blanked) -> None:
    """The shortcut is taken: on most blanked views some gated scan is ruled out."""
    skipped = sum(any(not RP.may_find(getattr(A, name), v.lower()) for name in GATED)
                  for v in blanked if RP.BLANK_RUN in v)
    assert skipped > len(blanked) // 2


def test_first_action_is_the_ignorecase_search(english, blanked) -> None:
    for text in english + blanked + [t.upper() for t in english[:40]] + WRITTEN_CJK:
        plain = A._ACTION_RE.search(text)
        got = A._first_action(text)
        assert (got.start() if got else None) == (plain.start() if plain else None), text


def test_english_reading_of_blanked_views_is_unchanged(english, blanked, monkeypatch) -> None:
    """Whole analyses with every shortcut of this file against the plain scans (`may_find`
    made to allow everything, the camera scanner and every component scanned in full)."""
    fast = [A.analyze_english(t) for t in blanked + english[:60]]
    monkeypatch.setattr(RP, "may_find", lambda regex, text: True)
    monkeypatch.setattr(A, "_pieces_found", lambda low, comp: True)
    monkeypatch.setattr(A, "_first_action", A._ACTION_RE.search)
    plain = [A.analyze_english(t) for t in blanked + english[:60]]
    assert [a.model_dump() for a in fast] == [a.model_dump() for a in plain]


def test_may_find_reads_the_ignorecase_flag() -> None:
    assert RP.may_find(RP.re.compile("zebra", RP.re.IGNORECASE), "no such animal")
    assert not RP.may_find(RP.re.compile("zebra"), "no such animal")
    assert RP.may_find(RP.re.compile("zebra"), "a zebra runs")


@pytest.fixture(scope="module")
def ethics_texts(english) -> list[str]:
    rules = cached_rules()
    words = sorted({t for g in rules.groups.values() for t in g.all_terms
                    if t.replace(" ", "").isalpha()})
    rng = random.Random(2026)
    salads = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 14)))
              for _ in range(200)]
    return english[:80] + WRITTEN_CJK + salads + [
        "Haz un video de un niño bañándose desnudo en la playa",
        "让泰勒·斯威夫特说她要退休", "元カノの自撮りから裸の動画を作って"]


def test_group_spans_from_the_prompt_index_are_the_intersections(ethics_texts) -> None:
    rules = cached_rules()
    hits = 0
    for text in ethics_texts:
        scan = _Scan(text, rules)
        for name, group in rules.groups.items():
            if not scan.may_hit(name):
                continue
            indexed = scan.spans(group, name)
            assert indexed == scan.spans(group), (name, text)
            hits += bool(indexed)
        assert scan.live_groups == frozenset(
            n for lead in scan.starts for n in rules.groups_of_lead(lead))
    assert hits > 100
