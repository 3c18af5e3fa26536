"""Fit a prompt under a model's length limit by cutting its least important clauses.

Clauses are cut from the cleaned source text, before layout, and the analysis of what is left
is the source analysis with its spans shifted, not a new one: analysing a long prompt again
for every model would make `compare` cost many analyses (issue 14). Subject phrases and other
spans never cross the punctuation a clause ends at, so shifting keeps them exact.

What is never cut: a clause holding a camera span, the main (first) subject, a label
("Audio: ...") or a bracketed command. The rest go in order: first clauses whose every
component another clause still carries (words go before a component does), lowest component
weight first, later clauses first among equals, and the author's words for a pinned component
(one the target is known to change) last.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from bot.core import cached_re as re
from bot.core.critique.components import COMPONENTS
from bot.core.critique.components import Component as C
from bot.core.critique.results import Analysis
from bot.core.dialects.intervals import Intervals
from bot.core.language import word_equivalents

_CLAUSE_SEP = re.compile(r"([,;.!?])[ \t]+|\n+")
"""A clause ends at its punctuation (kept with it) or a line break."""
_LABEL_START = re.compile(r"^[A-Z][A-Za-z ]{1,20}:\s")
_BRACKET = re.compile(r"\[[^\[\]]*\]")
_RANK = {c: i for i, c in enumerate(C)}


@dataclass
class _Clause:
    start: int
    end: int
    """End of the clause's words, its closing punctuation included (moves back when its last
    words are cut)."""
    sep: str
    """The separator after it in the source."""
    comps: set[C]
    removable: bool
    pinned: bool
    keep_until: int
    """Words before this offset hold a protected span (camera, main subject, bracket)."""


@dataclass
class ClausePlan:
    """Which clauses (or clause ends) of `text` to cut; `take` and `take_words` grow the cut,
    `apply` builds the shorter text with its shifted analysis."""

    text: str
    analysis: Analysis
    pinned: set[C]
    clauses: list[_Clause] = field(default_factory=list)
    gone: set[int] = field(default_factory=set)
    cuts: list[tuple[str, list[C]]] = field(default_factory=list)
    """(words, components) of everything cut, for `dropped`."""
    _order: list[int] = field(default_factory=list)
    _carriers: dict[C, int] = field(default_factory=dict)
    _by_comp: Intervals[C] | None = None

    def __post_init__(self) -> None:
        text, a = self.text, self.analysis
        keep = [(s.start, s.end) for s in a.spans.get(C.CAMERA, [])]
        subjects = a.spans.get(C.SUBJECT, [])
        if subjects:
            keep.append((subjects[0].start, subjects[0].end))
        keep += [(m.start(), m.end()) for m in _BRACKET.finditer(text)]
        protected = Intervals((s, e, None) for s, e in keep)
        pinned = Intervals((s.start, s.end, None) for c in self.pinned
                           for s in a.spans.get(c, []))
        self._by_comp = Intervals((s.start, s.end, c) for c, spans in a.spans.items()
                                  for s in spans)
        pos = 0
        bounds = [(m.start() + (1 if m.group(1) else 0), m.end())
                  for m in _CLAUSE_SEP.finditer(text)] + [(len(text), len(text))]
        for end, stop in bounds:
            body = text[pos:end]
            comps = {c for _, _, c in self._by_comp.overlapping(pos, end)}
            held = protected.overlapping(pos, end)
            label = _LABEL_START.match(body)
            keep_until = max([e for _, e, _ in held] + [pos + label.end() if label else pos])
            removable = bool(body.strip()) and not held and not label
            self.clauses.append(_Clause(pos, end, text[end:stop], comps, removable,
                                        bool(pinned.overlapping(pos, end)), keep_until))
            for c in comps:
                self._carriers[c] = self._carriers.get(c, 0) + 1
            pos = stop

        def cost(i: int) -> tuple[bool, int, int]:
            cl = self.clauses[i]
            return (cl.pinned, max((COMPONENTS[c].weight for c in cl.comps), default=0), -i)

        self._order = sorted((i for i, cl in enumerate(self.clauses) if cl.removable), key=cost)

    def take(self, excess: int) -> bool:
        """Cut whole clauses, about `excess` characters' worth; False when none is left."""
        before = len(self.gone)
        for first_pass in (True, False):
            for i in self._order:
                if excess <= 0:
                    break
                cl = self.clauses[i]
                if i in self.gone or (first_pass and any(self._carriers[c] < 2 for c in cl.comps)):
                    continue
                self.gone.add(i)
                for c in cl.comps:
                    self._carriers[c] -= 1
                self.cuts.append((self.text[cl.start:cl.end].rstrip(",;.!? "),
                                  sorted(cl.comps, key=_RANK.__getitem__)))
                excess -= cl.end - cl.start + len(cl.sep)
        return len(self.gone) > before

    def take_words(self, excess: int, protect: bool = True) -> bool:
        """Cut the last words of clauses, from the end of the prompt, about `excess` characters'
        worth; with `protect`, never a protected span or anything before it in its clause."""
        cut_any = False
        for i in range(len(self.clauses) - 1, -1, -1):
            if excess <= 0:
                break
            cl = self.clauses[i]
            if i in self.gone:
                continue
            floor = cl.keep_until if protect else cl.start
            if cl.end - floor <= 1:
                continue
            new_end = max(floor, cl.end - excess)
            space = self.text.rfind(" ", floor, new_end + 1)
            new_end = space if space > floor else floor
            if not protect and new_end <= cl.start:
                new_end = cl.start
            if new_end >= cl.end:
                continue
            words = self.text[new_end:cl.end]
            comps = {c for _, _, c in self._by_comp.overlapping(new_end, cl.end)}  # type: ignore[union-attr]
            self.cuts.append((words.strip(" ,;.!?"), sorted(comps, key=_RANK.__getitem__)))
            excess -= cl.end - new_end
            if new_end <= cl.start:
                self.gone.add(i)
            else:
                cl.end = new_end
            cut_any = True
        return cut_any

    def length(self) -> int:
        """The length `apply` would give, without building the shifted analysis."""
        return len(self._text()[0])

    def apply(self) -> tuple[str, Analysis]:
        """The text without the cut words, and its analysis (spans shifted, not re-read)."""
        out, kept = self._text()
        return out, _shifted(self.analysis, out, kept)

    def _text(self) -> tuple[str, list[tuple[int, int, int]]]:
        """The text without the cut words, and where each kept stretch went.

        Seams are mended with same-length edits only (a comma becomes the full stop of a cut
        sentence end, a letter becomes a capital), so kept spans keep their offsets."""
        text = self.text
        bodies: list[str] = []
        seps: list[str] = []
        kept: list[tuple[int, int, int]] = []  # source start, source end, new start
        size = 0
        cap_next = False
        for i, cl in enumerate(self.clauses):
            body, sep = text[cl.start:cl.end], cl.sep
            if i in self.gone:
                last = text[cl.start:cl.end].rstrip()[-1:]
                if last in (".", "!", "?") and bodies and bodies[-1][-1:] in (",", ";"):
                    bodies[-1] = bodies[-1][:-1] + last  # that sentence now ends earlier
                opens = not bodies or bodies[-1][-1:] in (".", "!", "?") or "\n" in seps[-1]
                cap_next = cap_next or (opens and body[:1].isupper())
                continue
            if cap_next:
                body = body[:1].upper() + body[1:]
                cap_next = False
            kept.append((cl.start, cl.end, size))
            bodies.append(body)
            seps.append(sep)
            size += len(body) + len(sep)
        out = "".join(b + s for b, s in zip(bodies, seps, strict=True)).rstrip(" \t\n,;")
        if out and out[-1] not in ".!?\"\u201d]":
            out += "."
        return out, kept


class MovedSpan(NamedTuple):
    """A span of the source analysis at its place in the cut text: what segmentation reads
    (start, end and the rest of a Span's fields), without building a validated model."""

    start: int
    end: int
    text: str
    cue: str
    strength: float


def _shifted(a: Analysis, text: str, kept: list[tuple[int, int, int]]) -> Analysis:
    """The analysis of `text`: spans that lie inside a kept stretch, moved to its new place.

    Built with `model_construct` and light spans: only segmentation reads it, and validating
    hundreds of spans per cut would cost more than the cut (linear time, issue 14)."""
    starts = [k[0] for k in kept]
    spans: dict[C, list[Any]] = {}
    for comp, comp_spans in a.spans.items():
        moved = []
        for s in comp_spans:
            i = bisect_right(starts, s.start) - 1
            if i < 0:
                continue
            src_start, src_end, new_start = kept[i]
            if s.end <= src_end:
                shift = new_start - src_start
                moved.append(MovedSpan(s.start + shift, s.end + shift, s.text, s.cue,
                                       s.strength))
        if moved:
            spans[comp] = moved
    words = len(text.split()) if text.isascii() else word_equivalents(text)
    return Analysis.model_construct(prompt=text, spans=spans, camera_moves=[], actions=[],
                                    negations=[], word_count=words)
