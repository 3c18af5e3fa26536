"""The lookahead gate on a component's regex (`dispatch.gate`) only lets matches through:
the gated regex finds exactly what the same cues find without it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core import cached_re as re
from bot.core.critique.analysis import _component_regex, factor
from bot.core.critique.dispatch import gate_prefixes
from bot.core.critique.lexicon import COMPONENT_CUES

EXTERNAL = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "external"


def _ungated(comp: object) -> re.Pattern[str]:
    body = "|".join(f"(?P<g{i}>{factor(cue.pattern)})"
                    for i, cue in enumerate(COMPONENT_CUES[comp]))  # type: ignore[index]
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])")


def _prompt_texts(node: object, out: list[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "prompt" and isinstance(value, str):
                out.append(value)
            else:
                _prompt_texts(value, out)
    elif isinstance(node, list):
        for value in node:
            _prompt_texts(value, out)


@pytest.fixture(scope="module")
def texts(kb) -> list[str]:
    """The gallery, every benchmark set's prompt texts (texts only) and word salads."""
    prompts = [e.prompt for e in kb.gallery.values()]
    for path in sorted(EXTERNAL.glob("*.yaml")):
        _prompt_texts(yaml.safe_load(path.read_text(encoding="utf-8")), prompts)
    words = [w for p in prompts for w in p.split()]
    rng = random.Random(20261128)
    return prompts + [" ".join(rng.choice(words) for _ in range(rng.randint(2, 40)))
                      for _ in range(400)]


def _spans(regex: re.Pattern[str], low: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in regex.finditer(low) if m.end() > m.start()]


def test_gated_component_regexes_find_what_the_ungated_ones_find(texts) -> None:
    gated = 0
    for comp in COMPONENT_CUES:
        regex, plain = _component_regex(comp), _ungated(comp)
        gated += regex.pattern != plain.pattern
        for text in texts:
            low = text.lower()
            assert _spans(regex, low) == _spans(plain, low), (comp, text)
    assert gated >= 4  # the mechanism is in use (shot, lighting, motion, audio on this lexicon)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab -'@/1s.", max_size=12))
def test_every_match_begins_with_a_gate_prefix(text: str) -> None:
    for pattern in (r"(?:slow |quick )?pan(?:s|ning)?", r"seed \d+|@\w+", r"a[bs]+ ?b",
                    r"(?:a|b)\.?s-?a", r"f/\d(?:\.\d)?|ab"):
        prefixes = gate_prefixes(pattern)
        assert prefixes is not None
        for m in re.finditer(pattern, text):
            if m.end() > m.start():
                assert any(text.startswith(p, m.start()) for p in prefixes), (pattern, text)


def test_gate_prefixes() -> None:
    assert gate_prefixes(r"seed \d+|@\w+") == frozenset({"seed", "@"})
    assert gate_prefixes(r"(?:slow |quick )?pan") == frozenset({"slow", "quic", "pan"})
    assert gate_prefixes(r"\d+ ?mm") is None
    assert gate_prefixes(r"(?:[\w-]+ )?style") is None


def test_the_pieces_test_never_skips_a_component_regex_that_would_match(texts) -> None:
    """`analysis._pieces_tests`: when the regex of a component matches a text, every set of
    its required pieces is found in it (the test only skips texts where it finds nothing),
    also on a CJK prompt's English words with the rest blanked, as the native critique reads
    them."""
    from bot.core.critique.analysis import _pieces_tests
    from bot.core.critique.native import _NON_ASCII

    blanked = [_NON_ASCII.sub(" ", t) for t in texts if _NON_ASCII.search(t)]
    skipped = 0
    for comp in COMPONENT_CUES:
        regex, tests = _component_regex(comp), _pieces_tests(comp)
        assert tests, comp  # every component's cues require some literal
        for text in texts + blanked:
            low = text.lower()
            passes = all(t.search(low) for t in tests)
            if regex.search(low) is not None:
                assert passes, (comp, text)
            skipped += not passes
    assert skipped > 0


def test_the_gate_lists_six_leading_characters() -> None:
    """`dispatch.gate` asks `gate_prefixes` for `LOOKAHEAD_LEN` (six) characters: "the " no
    longer lets every "the ..." through to cues that need "the camera"; an alternative whose
    six-character beginnings are too many falls back to fewer, and its matches still pass."""
    from bot.core.critique.dispatch import LOOKAHEAD_LEN, _gate_beginnings, gate

    assert LOOKAHEAD_LEN == 6
    assert _gate_beginnings(r"the camera (?:pans|tilts)") == (frozenset({"the ca"}), False)
    assert _gate_beginnings(r"seed \d+") == (frozenset({"seed "}), False)
    lookahead = re.compile(r"(?<![\w-])" + gate([r"the camera (?:pans|tilts)", "slow"]))
    assert lookahead.match("the camera pans", 0) is not None
    assert lookahead.match("slowly", 0) is not None
    assert lookahead.match("the dog", 0) is None  # "the " alone no longer passes
