"""How matches become spans: which component claims words first, which may share them, and
the small span helpers the English and the native analyzers both use (a leaf module, so the
two analyzers do not import each other)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from itertools import accumulate

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
    """Within one component, drop matches covered by a longer or stronger one (the kept
    spans never overlap: `Disjoint` answers for them in a binary search)."""
    ordered = sorted(spans, key=lambda sm: (-(sm[0].end - sm[0].start), -sm[0].strength))
    kept: list[tuple[Span, str | None]] = []
    taken = Disjoint()
    for span, move in ordered:
        if not taken.overlaps(span.start, span.end):
            taken.add(span.start, span.end)
            kept.append((span, move))
    return sorted(kept, key=lambda sm: sm[0].start)


class Disjoint:
    """A growing set of ranges that never overlap one another (the caller adds a range only
    when `overlaps` says no). In order of (start, end) their ends never decrease either, so a
    span overlaps one of them exactly when it overlaps the last one that starts before it
    ends: a binary search, where asking every range cost a long prompt with hundreds of
    matches the square of their number."""

    __slots__ = ("_bounds",)

    def __init__(self) -> None:
        self._bounds: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range (a, b) has a < end and start < b (`_overlaps`)."""
        i = bisect_left(self._bounds, (end, -1))  # the ranges that start before `end`
        return i > 0 and self._bounds[i - 1][1] > start

    def add(self, start: int, end: int) -> None:
        insort(self._bounds, (start, end))


class Bounds:
    """A fixed set of (start, end) ranges, asked many times whether one of them overlaps or
    covers a span. Sorted once by start, with the running maximum of their ends: the ranges
    that start before a point are a prefix, and the largest end in that prefix answers both
    questions (a binary search each, where `any` over the list cost a long prompt the product
    of two span counts). A handful of ranges, the usual case, is simply scanned: sorting them
    would cost more than it saves."""

    __slots__ = ("_max_end", "_ranges", "_starts")

    SCAN_UP_TO = 8
    """Up to this many ranges a query scans them all."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self._ranges = ranges
        self._starts: list[int] | None = None
        self._max_end: list[int] = []
        if len(ranges) > self.SCAN_UP_TO:
            ordered = sorted(ranges)
            self._starts = [a for a, _ in ordered]
            self._max_end = list(accumulate((b for _, b in ordered), max))

    @classmethod
    def of(cls, spans: list[Span]) -> Bounds:
        return cls([(s.start, s.end) for s in spans])

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range (a, b) has a < end and start < b (`_overlaps`)."""
        if self._starts is None:
            return any(a < end and start < b for a, b in self._ranges)
        i = bisect_left(self._starts, end)
        return i > 0 and self._max_end[i - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether some range (a, b) has a <= start and end <= b (`_inside`)."""
        if self._starts is None:
            return any(a <= start and end <= b for a, b in self._ranges)
        i = bisect_right(self._starts, start)
        return i > 0 and self._max_end[i - 1] >= end

    def __bool__(self) -> bool:
        return bool(self._ranges)


class Offsets:
    """Sorted offsets (where a list of spans start, or end), asked which fall in a range: a
    binary search each, where `any` over the spans cost a long prompt the product of two span
    counts."""

    __slots__ = ("_at",)

    def __init__(self, offsets: Iterable[int]) -> None:
        self._at = sorted(offsets)

    def within(self, low: int, high: int) -> list[int]:
        """The offsets x with low <= x < high, in order."""
        return self._at[bisect_left(self._at, low):bisect_left(self._at, high)]

    def any_within(self, low: int, high: int) -> bool:
        """Whether some offset x has low <= x < high."""
        i = bisect_left(self._at, low)
        return i < len(self._at) and self._at[i] < high
