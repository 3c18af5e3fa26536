"""Cut a prompt into units that can be moved without breaking a component's words.

A unit is a run of clauses from one sentence that belong to one group (scene, camera, look,
time, sound). Cuts never fall inside a component's span, a quotation or a bracketed command,
so reordering units keeps every word the analysis found.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from bot.core import cached_re as re
from bot.core.critique.components import Component as C
from bot.core.critique.results import Analysis
from bot.core.dialects.intervals import Intervals

GROUP: dict[C, str] = {
    C.SUBJECT: "scene", C.CONSISTENCY: "scene", C.ACTION: "scene", C.MOTION: "scene",
    C.SETTING: "scene", C.CAMERA: "camera", C.SHOT: "camera", C.LENS: "camera",
    C.LIGHTING: "look", C.COLOR: "look", C.STYLE: "look", C.PACING: "time", C.AUDIO: "sound",
}

# Clauses that lean on the one before them ("..., then smiles", "..., with a warm beam").
_LEANING = re.compile(r"^(?:then|and|or|but|while|as|before|after|until|which|who|whose|where|"
                      r"with|its|his|her|their|so|leaving|sending|revealing|finally|"
                      r"moments later)\b", re.I)
_LABEL = re.compile(r"^\s*([A-Z][A-Za-z ]{1,20}):\s")
CAMERA_HEADING = re.compile(r"^\s*(?:camera(?: (?:movements?|motion|work|angles?|moves?))?|"
                            r"cinematography|shots?(?: (?:type|size))?|framing|lens(?:es)?|"
                            r"composition|angles?)\s*:\s*", re.I)
"""A template's heading for the camera block ("Camera: slow dolly in", "Shot type: close-up"):
the closed class of words that name the block rather than fill it. It labels its sentence like
"Audio:" does, so the colon is no camera prefix ("Slow dolly in: a woman walks") and the
heading is never read as a camera move of its own ("Camera, slow dolly in")."""


@dataclass
class Unit:
    text: str
    comps: list[C] = field(default_factory=list)
    """Components whose spans lie in this unit, in order of appearance."""
    sentence: int = 0
    index: int = 0
    start: int = 0
    end: int = 0
    opens: bool = False
    """It began a sentence in the source, so its capital letter is positional."""
    added: bool = False
    """Words the translator added (a bias steer, the camera block), not the author's."""

    @property
    def primary(self) -> C | None:
        return self.comps[0] if self.comps else None

    @property
    def group(self) -> str | None:
        return GROUP[self.comps[0]] if self.comps else None

    def in_group(self) -> list[C]:
        return [c for c in self.comps if GROUP[c] == self.group]


def _protected(text: str, a: Analysis) -> Intervals[None]:
    """Where no cut may fall: component spans, quotations and bracketed commands."""
    spans = [(s.start, s.end, None) for sp in a.spans.values() for s in sp]
    spans += [(m.start(), m.end(), None) for m in _QUOTE.finditer(text)]
    spans += [(m.start(), m.end(), None) for m in _BRACKET.finditer(text)]
    return Intervals(spans)


# A quotation or bracket stops at the next opening mark too, so an unclosed run of marks is
# read once, not once per mark (linear time, issue 14).
_QUOTE = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")
_BRACKET = re.compile(r"\[[^\[\]]*\]")
_SPEECH = re.compile(r"\b(?:says?|said|repl(?:y|ies|ied)|asks?|asked|whispers?|whispered|shouts?|"
                     r"shouted|sings?|calls? out|murmurs?|answers?|adds?|narrates?|mutters?|"
                     r"yells?|exclaims?)\b", re.I)
_SEPARATOR = re.compile(r"(?<=[.!?\u2026][\"\u201d])[ \t]+(?=[^\sa-z])|"
                        r"(?<![\d.!?])[.!?]+(?=\s|$)|\n+|;\s|,\s|\s[-\u2014\u2013]\s|\]\s|:\s")
"""Sentence ends (a full stop, a line break, or the space after a quoted line that ends one:
'"We give them back." Slow dolly in'), then clause ends."""
_HEAD_START = re.compile(r"[.!?,;]\s|[.!?\u2026][\"\u201d]\s|\n|\]")
"""Where the words before a colon begin: "..., Audio: rain" has the label "Audio"."""
_HEAD_WINDOW = 160
"""Characters a label or camera prefix before a colon can take (eight words, generously)."""
_QUOTE_NEXT = re.compile(r"\s*[\"\u201c]")
"""A colon followed by a quotation introduces it: the quoted words are the head's (a speaker's
line after "Founder:", a sign's or a title's text), so the two are never cut apart."""


def _audio_spans(a: Analysis) -> Intervals[None]:
    """Where the analysis reads sound, whatever the words: a label, a sound word, a line."""
    return Intervals((s.start, s.end, None) for s in a.spans.get(C.AUDIO, []))


def _spoken(text: str, start: int, end: int, audio: Intervals[None]) -> bool:
    """text[start:end] holds a line that is heard: a quotation with a verb of speech, or one
    the analysis reads as sound, itself or by what introduces it in the same clause (a
    "Dialogue:" label before a speaker's line). Such a clause is the clip's dialogue and moves
    with the audio, so a translation puts it where the target reads sound (or drops it with
    the sound for a silent model), and reads it back the same way.

    A sound the clause names after the quotation ('a neon "OPEN" sign buzzes') does not make
    the quoted words heard."""
    quote = _QUOTE.search(text, start, end)
    if quote is None:
        return False
    if _SPEECH.search(text, start, end):
        return True
    last_quote_end = quote.end()
    for later in _QUOTE.finditer(text, quote.end(), end):
        last_quote_end = later.end()
    return any(s < last_quote_end for s, _e, _p in audio.overlapping(start, last_quote_end))


def _cuts(text: str, a: Analysis) -> list[tuple[int, int, str]]:
    """(start, end, kind) of separators: kind is 'sentence' or 'clause'."""
    protected = _protected(text, a)
    camera = Intervals((s.start, s.end, None) for s in a.spans.get(C.CAMERA, []))
    audio = _audio_spans(a)
    ends = [m.end() for m in _HEAD_START.finditer(text)]
    out = []
    for m in _SEPARATOR.finditer(text):
        start, end = m.start(), m.end()
        sep = m.group(0)
        if sep.startswith("]"):
            out.append((start + 1, start + 1, "sentence"))  # a bracketed command block ends
            continue
        if protected.strictly_inside(start) or protected.strictly_inside(end - 1):
            continue
        if sep.startswith(":"):
            if _QUOTE_NEXT.match(text, start + 1):
                continue
            i = bisect_right(ends, start) - 1
            # Only a short head can be a label or a camera prefix: read a bounded window, so a
            # long sentence of colons is not re-read at each one (linear time, issue 14).
            head_start = ends[i] if i >= 0 else 0
            if start - head_start > _HEAD_WINDOW:
                continue
            head = text[head_start:start]
            is_camera = any(start - len(head) <= s and e <= start
                            for s, e, _ in camera.overlapping(start - len(head), start))
            if len(head.split()) > (8 if is_camera else 4):
                continue
            # "Audio: ..." and "Camera: ..." labels stay on their sentence; "Slow dolly in: ..."
            # is a camera prefix.
            label = head.strip() + ": "
            if _LABEL.match(label) and (not is_camera or CAMERA_HEADING.match(label)):
                continue
            kind = "sentence"
        elif sep[0] in ".!?\n" or sep.isspace():
            kind = "sentence"
        else:
            kind = "clause"
        out.append((start, end, kind))
    return _whole_sentences(text, out, audio)


def _whole_sentences(text: str, cuts: list[tuple[int, int, str]],
                     audio: Intervals[None]) -> list[tuple[int, int, str]]:
    """Labelled sentences ("Audio: ...") and dialogue (`_spoken`) stay whole: their clauses
    belong together.

    One pass over the cuts in order: each clause cut is kept unless its sentence is whole.
    """
    keep: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # clause cuts of the sentence being read
    begin = 0

    def close(s_start: int) -> None:
        whole = _LABEL.match(text[begin:s_start]) or _spoken(text, begin, s_start, audio)
        if not whole:
            keep.extend(c for c in pending if c[0] >= begin)
        pending.clear()

    for cut in sorted(set(cuts)):
        if cut[2] == "sentence":
            close(cut[0])
            keep.append(cut)
            begin = cut[1]
        else:
            pending.append(cut)
    close(len(text))
    return sorted(set(keep))


# Subject and setting phrases are grown greedily over nearby words, so their length says less.
_RELIABILITY = {C.SUBJECT: 0.5, C.SETTING: 0.5}


class SpanIndex:
    """Every component span of one analysis in one index by start, built once per
    segmentation: a clause's components cost one look-up, not one per component."""

    def __init__(self, a: Analysis):
        self.spans = Intervals((s.start, s.end, comp) for comp, spans in a.spans.items()
                               for s in spans)
        self.audio = _audio_spans(a)


def _components(text: str, index: SpanIndex, start: int, end: int) -> list[C]:
    """Components with words in text[start:end], the one covering most characters first."""
    cover: dict[C, float] = {}
    first: dict[C, int] = {}
    for s_start, s_end, comp in index.spans.starting_in(start, end):
        share = (min(s_end, end) - s_start) * _RELIABILITY.get(comp, 1.0)
        cover[comp] = cover.get(comp, 0) + share
        if comp not in first:
            first[comp] = s_start
    if _spoken(text, start, end, index.audio):
        cover[C.AUDIO] = end - start  # a spoken line is sound first
        first.setdefault(C.AUDIO, start)
    if len(cover) < 2:
        return list(cover)
    return sorted(cover, key=lambda c: (-cover[c], first[c]))


def segment(text: str, a: Analysis) -> list[Unit]:
    """Units in prompt order. `a` must be the analysis of `text`.

    Linear in the prompt: pieces of one unit are collected and joined once at the end.
    """
    index = SpanIndex(a)
    pieces: list[tuple[int, int, int]] = []  # start, end, sentence
    pos, sentence = 0, 0
    for start, end, kind in _cuts(text, a) + [(len(text), len(text), "sentence")]:
        if text[pos:start].strip():
            pieces.append((pos, start, sentence))
        pos = max(pos, end)
        if kind == "sentence":
            sentence += 1
    units: list[Unit] = []
    parts: list[list[str]] = []
    last_end = 0
    for start, end, sent in pieces:
        raw = text[start:end]
        start += len(raw) - len(raw.lstrip())
        piece = text[start:end].rstrip()
        comps = _components(text, index, start, end)
        prev = units[-1] if units else None
        group = GROUP[comps[0]] if comps else None
        if prev is not None and prev.sentence == sent and (
                not comps or _LEANING.match(piece) or group == prev.group or prev.group is None):
            sep = text[last_end:start].strip() or ","
            parts[-1].append(f"{sep} {piece}" if sep in ",;:" else f" {sep} {piece}")
            prev.comps += [c for c in comps if c not in prev.comps]
            prev.end = end
        else:
            opens = prev is None or prev.sentence != sent
            units.append(Unit(text=piece, comps=comps, sentence=sent, index=len(units),
                              start=start, end=end, opens=opens))
            parts.append([piece])
        last_end = end
    for u, texts in zip(units, parts, strict=True):
        u.text = "".join(texts)
    return _merge_lists(text, index, units)


LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-*\u2022])\s")
_HAS_ITEM = re.compile(r"(?m)^(?:\d{1,2}[.)]|[-*\u2022])\s")


def _merge_lists(text: str, index: SpanIndex, units: list[Unit]) -> list[Unit]:
    """A heading ("Action beats:") keeps the numbered list under it, in order, as one unit."""
    out: list[Unit] = []
    parts: list[list[str]] = []
    has_item: list[bool] = []  # whether out[i] holds a list item (searched once per unit)
    merged: set[int] = set()
    in_list = False
    for u in units:
        prev = out[-1] if out else None
        in_list = in_list or bool(prev and has_item[-1])
        if prev is not None and (parts[-1][-1].endswith(":") or
                                 (in_list and LIST_ITEM.match(u.text))):
            in_list = bool(LIST_ITEM.match(u.text))
            sep = text[prev.end:u.start].strip()
            parts[-1].append(f"{sep if sep in '.;!?' else ''} {u.text}")
            has_item[-1] = has_item[-1] or bool(_HAS_ITEM.search(u.text))
            prev.end = u.end
            merged.add(len(out) - 1)
            continue
        in_list = False
        u.index = len(out)
        out.append(u)
        parts.append([u.text])
        has_item.append(bool(_HAS_ITEM.search(u.text)))
    for i in merged:
        out[i].text = "".join(parts[i])
        out[i].comps = _components(text, index, out[i].start, out[i].end)
    return out
