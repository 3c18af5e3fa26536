"""Session 21: an alternative the gate can't narrow is left out of a regex where the text
lacks a piece every match of it holds (`analysis.live_alternation`): same matches, fewer tries."""

from __future__ import annotations

import pytest

from bot.core.critique import analysis
from bot.core.critique.components import Component as C
from bot.core.critique.dispatch import opens_the_gate

TEXTS = [
    "A woman in a red coat walks through a rainy city at night, neon reflections, cinematic",
    "Street photography of a busy market, documentary photography style, handheld",
    "A Wes Anderson-esque hotel lobby, pastel palette, symmetrical framing, whimsical mood",
    "Moody noir style, film-noir-inspired lighting, a detective lights a cigarette",
    "Dynamic camera movement around a dancer, smooth camera movements, various angles",
    "Rust-colored leaves fall past a blue-tinged window, golden hour light",
    "Close-up of a hummingbird at a feeder, slow motion, shallow depth of field",
    "the look of old film, a warm vintage aesthetic; she looks back at the camera",
    "",
]


def _matches(regex, text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in regex.finditer(text)]


@pytest.mark.parametrize("comp", [c for c in C if c in analysis.COMPONENT_CUES])
def test_the_live_component_regex_finds_what_the_whole_one_finds(comp: C) -> None:
    for text in TEXTS:
        low = text.lower()
        assert _matches(analysis._live_component_regex(comp, low), low) == \
            _matches(analysis._component_regex(comp), low), (comp, text)


def test_an_alternative_whose_piece_is_absent_is_left_out() -> None:
    low = "a cat jumps on the table"
    live = analysis._live_component_regex(C.STYLE, low)
    assert live is not analysis._component_regex(C.STYLE)
    assert "photography" not in live.pattern and "esque" not in live.pattern
    assert len(live.pattern) < len(analysis._component_regex(C.STYLE).pattern)


def test_an_alternative_whose_pieces_are_there_is_kept() -> None:
    low = "street photography, a wes anderson-esque lobby, noir style"
    assert analysis._live_component_regex(C.STYLE, low) is analysis._component_regex(C.STYLE)
    found = {low[a:b] for a, b, _ in _matches(analysis._component_regex(C.STYLE), low)}
    assert {"street photography", "anderson-esque"} <= found


def test_a_component_without_such_alternatives_keeps_its_regex() -> None:
    low = "a cat jumps on the table"
    assert analysis._live_component_regex(C.SHOT, low) is analysis._component_regex(C.SHOT)


def test_which_alternatives_open_the_gate() -> None:
    assert opens_the_gate(r"(?:[\w-]+ )?(?:style|mood)")
    assert opens_the_gate(r"[a-z0-9]+(?:-[a-z0-9]+)*-(?:style|inspired|esque)")
    assert not opens_the_gate(r"golden[- ]hour")
    assert not opens_the_gate(r"\d{1,2}:\d\d")  # a digit gate is narrow
    assert not opens_the_gate(r"([\w-]+) style")  # a group of its own: never left out


@pytest.mark.parametrize("text", TEXTS)
def test_the_vague_camera_spans_are_those_of_the_whole_regex(text: str) -> None:
    low = text.lower()
    whole = [m.span() for m in analysis.compiled_gated(analysis.CAMERA_VAGUE).finditer(text)]
    assert analysis.gated_spans(analysis.CAMERA_VAGUE, analysis._CAMERA_VAGUE_RE, text,
                                low) == whole


def test_the_vague_camera_regex_drops_camera_movements_when_absent() -> None:
    pattern = (analysis.factor(analysis.CAMERA_VAGUE),)
    low = "a dancer spins under the lights"
    live = analysis.live_alternation(pattern, low, analysis._gated_alternation)
    assert "movements?" not in live.pattern
    low = "dynamic camera movement around a dancer"
    assert analysis.live_alternation(pattern, low, analysis._gated_alternation) is \
        analysis._gated_alternation(pattern)
