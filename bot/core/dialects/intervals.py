"""Interval look-ups in O(log n + hits), so no translation step scans every span per clause.

A prompt of a few thousand characters can carry hundreds of spans, clauses and edits; a
look-up that walks all of them for each clause makes translation quadratic (issue 14).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, TypeVar

_T = TypeVar("_T")


class Intervals(Generic[_T]):
    """Half-open intervals [start, end) with a payload, sorted by start.

    `max_end[i]` is the largest end among the first i+1 intervals: walking back from a point
    stops as soon as no earlier interval can reach it, so a query costs its hits, not n.
    """

    def __init__(self, items: Iterable[tuple[int, int, _T]]):
        self._items = sorted(items, key=lambda it: (it[0], it[1]))
        self._starts = [it[0] for it in self._items]
        self._max_end: list[int] = []
        top = -1
        for _start, end, _payload in self._items:
            top = max(top, end)
            self._max_end.append(top)

    def __len__(self) -> int:
        return len(self._items)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, _T]]:
        """Intervals with s < end and start < e, in start order."""
        i = bisect_left(self._starts, end) - 1
        hits = []
        while i >= 0 and self._max_end[i] > start:
            s, e, p = self._items[i]
            if e > start:
                hits.append((s, e, p))
            i -= 1
        hits.reverse()
        return hits

    def starting_in(self, start: int, end: int) -> list[tuple[int, int, _T]]:
        """Intervals whose start lies in [start, end)."""
        return self._items[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def strictly_inside(self, point: int) -> bool:
        """Some interval has s < point < e."""
        i = bisect_left(self._starts, point) - 1
        return i >= 0 and self._max_end[i] > point

    def containing(self, point: int) -> _T | None:
        """The payload of the last interval with s <= point < e, or None."""
        i = bisect_right(self._starts, point) - 1
        while i >= 0 and self._max_end[i] > point:
            s, e, p = self._items[i]
            if s <= point < e:
                return p
            i -= 1
        return None
