"""The class-led scans of whole-word patterns (regex_pieces.word_led_*): the same matches as
the pattern's own finditer/search, on every kind of text and pattern they may meet."""

from __future__ import annotations

import re

import pytest

from bot.core.critique.analysis import _CAMERA_VAGUE_RE, _matches, gated_spans
from bot.core.critique.components import Component as C
from bot.core.critique.dispatch import CueScanner
from bot.core.critique.lexicon import CAMERA_VAGUE
from bot.core.regex_pieces import (
    _separator_search,
    finditer_blanked,
    search_blanked,
    word_led_finditer,
    word_led_places,
    word_led_search,
)

PATTERNS = [
    r"(?<![\w-])(?:ab|a)(?![\w-])",
    r"(?<![\w'-])(?:slow(?:ly)?|fast)(?![\w'-])",
    r"(?<![\w-])\[\d{1,2}:\d\d\]",  # ends on a non-word character: a match may follow at once
    r"(?<![\w-])(?:@\w+|#\w+)",  # begins with a non-word character
    r"(?<![\w-])(?:[a-z]+'s eye|camera)(?![\w-])",
    r"(?<![\w-])a|b",  # a top-level "|": the look-behind leads one alternative only
    r"(?<![\w-])x?",  # may match empty
    r"(?<![\w-])(?P<g0>the (?:sun|moon))|(?P<g1>sky)",
]
TEXTS = [
    "", "a", "ab a-a ab, a", "[0:02][0:04] then [1:10]", "@mara.lynn #tag x@y",
    "the robot's eye, a camera's eye and the camera", "Slowly, FAST and slow-ly; slowly'",
    "x y xx", "the sun, the moon and the sky", "niño a ab Ünïcode a\u00e9 ab", "ǅa ab",
    "镜头 a 跟随 ab", "  a  ab  ", "a\nab\tab",
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_word_led_scans_match_the_patterns_own(pattern: str, flags: int) -> None:
    regex = re.compile(pattern, flags)
    for text in TEXTS:
        expected = [(m.span(), m.groupdict(), m.lastgroup) for m in regex.finditer(text)]
        got = [(m.span(), m.groupdict(), m.lastgroup) for m in word_led_finditer(regex, text)]
        assert got == expected, (pattern, text)
        assert [m.span() for m in finditer_blanked(regex, text)] == [s for s, _, _ in expected]
        first = regex.search(text)
        for found in (word_led_search(regex, text), search_blanked(regex, text)):
            assert (found and found.span()) == (first and first.span()), (pattern, text)


def test_places_are_every_position_the_pattern_matches() -> None:
    regex = re.compile(r"(?<![\w-])(?=[a-z])")
    text = "a b-c, d e'f [g]"
    assert word_led_places(regex, text) == [i for i in range(len(text))
                                            if regex.match(text, i)]


def test_only_a_leading_look_behind_over_the_whole_pattern_is_rewritten() -> None:
    assert _separator_search(r"(?<![\w-])a|b", 0, True) is None
    assert _separator_search(r"(?<!x)a", 0, True) is None
    assert _separator_search(r"a(?<![\w-])", 0, True) is None
    led = _separator_search(r"(?<![\w'-])a", 0, True)
    assert led is not None and led.pattern == r"[^A-Za-z0-9_'-](?=a)"
    unicode_led = _separator_search(r"(?<![\w-])a", 0, False)
    assert unicode_led is not None and unicode_led.pattern == r"[^\w-](?=a)"


def test_cue_scanner_by_places_matches_the_alternation() -> None:
    cues = ["slow(?:ly)?", "fast", "[a-z]+'s eye", "pan(?:s|ning)? (?:left|right)", "zoom"]
    scanner = CueScanner(cues)
    alternation = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<g{i}>{c})" for i, c in
                                                       enumerate(cues)) + r")(?![\w-])")
    for text in TEXTS + ["pans left, zoom-in, a bird's eye and zoom slowly fast"]:
        expected = [(m.start(), m.end(), int(m.lastgroup[1:]))  # type: ignore[index]
                    for m in alternation.finditer(text)]
        assert [(h.start, h.end, h.cue) for h in scanner.finditer(text)] == expected, text


PROMPTS = [
    "A slow dolly-in on a lighthouse at dusk, warm golden light, the camera pans left as waves "
    "crash; 35mm film, teal and orange grade, 4 seconds, ambient sound of gulls.",
    "[0:00-0:03] Close-up of a robot's eye; hard cut to a wide shot. Her hair whips in the "
    "wind, smoke billowing, neon rim light, Wes Anderson style, @mara.art, no cuts.",
    "Ünïcode café scene: the camera moves around, a handheld tracking shot, 镜头 slowly.",
]


def test_component_matches_read_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.core.critique.analysis as analysis
    import bot.core.critique.dispatch as dispatch

    def read(prompt: str) -> list[object]:
        low = prompt.lower()
        return [_matches(prompt, low, comp) for comp in C if comp not in (C.ACTION, C.SUBJECT)
                ] + [gated_spans(CAMERA_VAGUE, _CAMERA_VAGUE_RE, prompt, low)]

    now = [read(p) for p in PROMPTS]
    monkeypatch.setattr(analysis, "word_led_finditer", lambda regex, text: regex.finditer(text))
    monkeypatch.setattr(dispatch, "word_led_places", lambda regex, text: None)
    assert now == [read(p) for p in PROMPTS]


def test_the_reading_kept_per_regex_object() -> None:
    """`regex_pieces._reading_of`: the separator search and the never-empty test kept per
    regex object are `_separator_search`'s and `_never_empty`'s for its pattern; an entry left
    under the id by another object is not read for this one."""
    from bot.core import regex_pieces as rp

    regex = re.compile(r"(?<![\w-])(?:slow(?:ly)?|fast)(?![\w-])")
    assert rp._separator_of(regex, True) is _separator_search(regex.pattern, regex.flags, True)
    assert rp._separator_of(regex, False) is _separator_search(regex.pattern, regex.flags, False)
    assert rp._never_empty_of(regex) is True
    other = re.compile(r"(?<![\w-])x?")
    rp._READINGS[id(other)] = [regex, True, None, None]  # a stale entry under other's id
    assert rp._never_empty_of(other) is False
    assert rp._reading_of(other)[0] is other
    assert word_led_places(other, "ax x") is not None
