"""The analyzer's fast paths give exactly what the plain regexes give."""

from __future__ import annotations

import random

import pytest

from bot.core.critique.analysis import _component_regex, _scanner, compiled_lower, search_lower
from bot.core.critique.components import Component
from bot.core.critique.dispatch import CueScanner, WordStarts, first_chars, literal_prefixes
from bot.core.critique.lexicon import CAMERA_VAGUE, COMPONENT_CUES, CONTRADICTIONS, QUALITY_SPAM
from bot.core.critique.rewrite import FAMILIES, INDOOR, NIGHT

SEED = ["A cat jumps on the table", "Cinematic forest scene with birds",
        "Man walking down street, 4K", "[Shake] the camera pans left, then tilts down fast",
        "ultra-hd 8k drone shot; camera moves around a monochrome, rainbow city at night"]


@pytest.fixture(scope="module")
def texts(kb) -> list[str]:
    prompts = SEED + [e.prompt for e in kb.gallery.values()]
    words = [w for p in prompts for w in p.split()]
    rng = random.Random(20261125)
    salads = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 60)))
              for _ in range(600)]
    return prompts + salads


def test_first_character_dispatch_matches_the_big_regex(texts) -> None:
    used = 0
    for comp in COMPONENT_CUES:
        scanner = CueScanner([c.pattern for c in COMPONENT_CUES[comp]])
        regex = _component_regex(comp)
        for text in texts:
            low = text.lower()
            want = [(m.start(), m.end(), m.lastgroup) for m in regex.finditer(low)
                    if m.end() > m.start()]
            got = [(h.start, h.end, f"g{h.cue}") for h in scanner.finditer(low)]
            assert got == want, (comp, text)
            used += len(got)
    assert used > 1000  # the corpus exercises the cues
    assert _scanner(Component.CAMERA) is not None  # the big list takes the fast path


@pytest.mark.parametrize("pattern", [p for _, p in FAMILIES] + [QUALITY_SPAM, CAMERA_VAGUE,
                                     NIGHT, INDOOR] + [p for a, b, _ in CONTRADICTIONS
                                                       for p in (a, b)])
def test_prefix_prefilter_never_hides_a_match(pattern, texts) -> None:
    for text in texts + [t.upper() for t in texts[:40]]:
        low = text.lower()
        want = compiled_lower(pattern).search(low)
        got = search_lower(pattern, low)
        assert (got and got.span()) == (want and want.span()), text
        if want:
            assert WordStarts(low).may_match(literal_prefixes(pattern))


def test_first_chars_and_prefixes() -> None:
    assert first_chars(r"(?:slow |quick )?pan(?:s|ning)?") == frozenset("sqp")
    assert first_chars(r"\d{2,3} ?mm") is None  # a class with no finite listing
    assert first_chars(r"(?:[\w-]+ )?style") is None
    assert first_chars(r"b&w|black") == frozenset("b")
    assert literal_prefixes(r"\b(?:noon|midday)\b") == frozenset({"noo", "mid"})
    assert literal_prefixes(r"ox(?:en)?") == frozenset({"ox", "oxe"})
    assert literal_prefixes(r".*night") is None
    starts = WordStarts("a fox in-snow")
    assert starts.may_match(frozenset({"fox"})) and not starts.may_match(frozenset({"sno"}))
    assert starts.may_match(None)
