"""How matches become spans: which component claims words first, which may share them, and
the small span helpers the English and the native analyzers both use (a leaf module, so the
two analyzers do not import each other)."""

from __future__ import annotations

from bot.core.critique.components import Component as C
from bot.core.critique.results import Span

# The order in which components claim words: a later component's match that falls inside an
# earlier one's span is not counted twice ("camera slowly rising" is camera, not motion).
CLAIM_ORDER: tuple[C, ...] = (
    C.AUDIO, C.CAMERA, C.LENS, C.SHOT, C.LIGHTING, C.CONSISTENCY, C.PACING, C.COLOR, C.STYLE,
    C.MOTION, C.SETTING, C.ACTION, C.SUBJECT,
)
# Pairs that may share words: slow motion is both a speed and a tempo; a place can carry
# its own light ("moonlit forest" is matched as two spans anyway).
SHARED: set[tuple[C, C]] = {
    (C.PACING, C.MOTION), (C.MOTION, C.PACING), (C.CONSISTENCY, C.COLOR),
    (C.CONSISTENCY, C.SUBJECT), (C.SHOT, C.LENS), (C.LENS, C.SHOT),
    (C.SETTING, C.LIGHTING), (C.SHOT, C.CAMERA), (C.MOTION, C.ACTION),
}
# "Static wide shot" is a camera decision and a shot size at once.

_new_span = Span.__new__
_SPAN_FIELDS = frozenset(("start", "end", "text", "cue", "strength"))


def make_span(start: int, end: int, text: str, cue: str = "", strength: float = 1.0) -> Span:
    """A Span without validation (our own offsets are correct by construction); the analyzer
    makes thousands a second, and `model_construct` was a fifth of its time."""
    s = _new_span(Span)
    object.__setattr__(s, "__dict__", {"start": start, "end": end, "text": text, "cue": cue,
                                       "strength": strength})
    object.__setattr__(s, "__pydantic_fields_set__", _SPAN_FIELDS)
    object.__setattr__(s, "__pydantic_extra__", None)
    object.__setattr__(s, "__pydantic_private__", None)
    return s


def _inside(span: Span, other: Span) -> bool:
    return other.start <= span.start and span.end <= other.end


def _overlaps(span: Span, other: Span) -> bool:
    return span.start < other.end and other.start < span.end


def _keep_longest(spans: list[tuple[Span, str | None]]) -> list[tuple[Span, str | None]]:
    """Within one component, drop matches covered by a longer or stronger one."""
    ordered = sorted(spans, key=lambda sm: (-(sm[0].end - sm[0].start), -sm[0].strength))
    kept: list[tuple[Span, str | None]] = []
    for span, move in ordered:
        if not any(_overlaps(span, k) for k, _ in kept):
            kept.append((span, move))
    return sorted(kept, key=lambda sm: sm[0].start)
