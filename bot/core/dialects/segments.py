"""Cut a prompt into units that can be moved without breaking a component's words.

A unit is a run of clauses from one sentence that belong to one group (scene, camera, look,
time, sound). Cuts never fall inside a component's span, a quotation or a bracketed command,
so reordering units keeps every word the analysis found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.critique.components import Component as C
from bot.core.critique.results import Analysis

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


def _protected(text: str, a: Analysis) -> list[tuple[int, int]]:
    spans = [(s.start, s.end) for sp in a.spans.values() for s in sp]
    spans += [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"\[[^\]]*\]", text)]
    return spans


_QUOTE = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")
_SPEECH = re.compile(r"\b(?:says?|said|repl(?:y|ies|ied)|asks?|asked|whispers?|whispered|shouts?|"
                     r"shouted|sings?|calls? out|murmurs?|answers?|adds?|narrates?|mutters?|"
                     r"yells?|exclaims?)\b", re.I)
_SEPARATOR = re.compile(r"(?<!\d)[.!?]+(?=\s|$)|\n+|;\s|,\s|\s[-\u2014\u2013]\s|\]\s|:\s")


def _cuts(text: str, a: Analysis) -> list[tuple[int, int, str]]:
    """(start, end, kind) of separators: kind is 'sentence' or 'clause'."""
    protected = _protected(text, a)
    out = []
    for m in _SEPARATOR.finditer(text):
        start, end = m.start(), m.end()
        sep = m.group(0)
        if sep.startswith("]"):
            out.append((start + 1, start + 1, "sentence"))  # a bracketed command block ends
            continue
        if any(a_ < start < b or a_ < end - 1 < b for a_, b in protected):
            continue
        if sep.startswith(":"):
            head = re.split(r"[.!?]\s|\n|\]", text[:start])[-1]
            camera = _is_camera(a, start - len(head), start)
            if len(head.split()) > (8 if camera else 4):
                continue
            # "Audio: ..." labels stay on their sentence; "Slow dolly in: ..." is a camera prefix.
            if _LABEL.match(head.strip() + ": ") and not camera:
                continue
            kind = "sentence"
        elif sep[0] in ".!?\n":
            kind = "sentence"
        else:
            kind = "clause"
        out.append((start, end, kind))
    return _whole_sentences(text, out)


def _whole_sentences(text: str, cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Labelled sentences ("Audio: ...") and dialogue stay whole: their clauses belong together."""
    keep, begin = [], 0
    sentence_cuts = [c for c in cuts if c[2] == "sentence"] + [(len(text), len(text), "sentence")]
    for s_start, s_end, _ in sentence_cuts:
        body = text[begin:s_start]
        whole = _LABEL.match(body) or (_QUOTE.search(body) and _SPEECH.search(body))
        keep += [c for c in cuts if begin <= c[0] < s_start and not (whole and c[2] == "clause")]
        begin = s_end
    keep += [c for c in cuts if c[2] == "sentence" and c not in keep]
    return sorted(set(keep))


def _is_camera(a: Analysis, start: int, end: int) -> bool:
    return any(start <= s.start and s.end <= end for s in a.spans.get(C.CAMERA, []))


# Subject and setting phrases are grown greedily over nearby words, so their length says less.
_RELIABILITY = {C.SUBJECT: 0.5, C.SETTING: 0.5}


def _components(text: str, a: Analysis, start: int, end: int) -> list[C]:
    """Components with words in text[start:end], the one covering most characters first."""
    cover: dict[C, float] = {}
    first: dict[C, int] = {}
    for comp, spans in a.spans.items():
        for s in spans:
            if start <= s.start < end:
                share = (min(s.end, end) - s.start) * _RELIABILITY.get(comp, 1.0)
                cover[comp] = cover.get(comp, 0) + share
                first.setdefault(comp, s.start)
    body = text[start:end]
    if _QUOTE.search(body) and _SPEECH.search(body):
        cover[C.AUDIO] = len(body)  # a spoken line is sound first
        first.setdefault(C.AUDIO, start)
    return sorted(cover, key=lambda c: (-cover[c], first[c]))


def segment(text: str, a: Analysis) -> list[Unit]:
    """Units in prompt order. `a` must be the analysis of `text`."""
    pieces: list[tuple[int, int, int]] = []  # start, end, sentence
    pos, sentence = 0, 0
    for start, end, kind in _cuts(text, a) + [(len(text), len(text), "sentence")]:
        if text[pos:start].strip():
            pieces.append((pos, start, sentence))
        pos = max(pos, end)
        if kind == "sentence":
            sentence += 1
    units: list[Unit] = []
    last_end = 0
    for start, end, sent in pieces:
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        start += lead
        piece = text[start:end].rstrip()
        comps = _components(text, a, start, end)
        prev = units[-1] if units else None
        group = GROUP[comps[0]] if comps else None
        if prev is not None and prev.sentence == sent and (
                not comps or _LEANING.match(piece) or group == prev.group or prev.group is None):
            sep = text[last_end:start].strip() or ","
            prev.text = f"{prev.text}{sep} {piece}" if sep in ",;:" else f"{prev.text} {sep} {piece}"
            prev.comps += [c for c in comps if c not in prev.comps]
            prev.end = end
        else:
            opens = prev is None or prev.sentence != sent
            units.append(Unit(text=piece, comps=comps, sentence=sent, index=len(units),
                              start=start, end=end, opens=opens))
        last_end = end
    return _merge_lists(text, a, units)


LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-*\u2022])\s")
_HAS_ITEM = re.compile(r"(?m)^(?:\d{1,2}[.)]|[-*\u2022])\s")


def _merge_lists(text: str, a: Analysis, units: list[Unit]) -> list[Unit]:
    """A heading ("Action beats:") keeps the numbered list under it, in order, as one unit."""
    out: list[Unit] = []
    in_list = False
    for u in units:
        prev = out[-1] if out else None
        in_list = in_list or bool(prev and _HAS_ITEM.search(prev.text))
        if prev is not None and (prev.text.endswith(":") or (in_list and LIST_ITEM.match(u.text))):
            in_list = bool(LIST_ITEM.match(u.text))
            sep = text[prev.end:u.start].strip()
            prev.text = f"{prev.text}{sep if sep in '.;!?' else ''} {u.text}"
            prev.end = u.end
            prev.comps = _components(text, a, prev.start, prev.end)
            continue
        in_list = False
        u.index = len(out)
        out.append(u)
    return out
