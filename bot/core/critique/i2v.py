"""Image-to-video prompts: a first frame fixes the look, so the words should move it.

With a first frame (guide: consistency, "Reference images and first frames") the subject,
setting, wardrobe, palette and light are locked at frame one. A prompt that describes them
again spends its words on what the model can already see and can fight the frame (a "red
coat" over a blue one); what the image cannot say is what moves, how the camera moves and what
changes over time. So in i2v mode the critique weighs action, motion, camera and pacing, leaves
the look alone, and flags a prompt that re-describes the image.

Detection from the text ("from this image", "first frame", "animate the photo") is grammar: a
reference to an image the prompt starts from, not any mention of a photo ("a photographer
takes a photo" is text-to-video).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from bot.core.critique.components import Component as C
from bot.core.critique.results import Analysis

Mode = Literal["t2v", "i2v"]
MODES: tuple[str, ...] = ("t2v", "i2v", "auto")

_IMAGE = r"(?:image|photo|photograph|picture|pic|still|frame|shot|illustration|painting|render|" \
         r"artwork|drawing|portrait|screenshot|keyframe|reference)"
_I2V_CUES = re.compile(
    r"(?<![\w-])(?:"
    r"image[- ]to[- ]video|img2vid|img2video|i2v|"
    r"(?:first|start|starting|opening|initial|end|last|final|ending)[- ](?:frame|image|keyframe)s?|"
    r"(?:from|using|use|with|based on|starting from|start from|begin(?:ning)? (?:with|from)) "
    r"(?:this|the|my|our|that|these|attached|uploaded|provided|given|reference|input|source)"
    r"(?: \w+)? " + _IMAGE + r"s?|"
    r"(?:animate|bring|bringing|make|turn|animating|turning) (?:this|the|my|our|that|these|"
    r"attached|uploaded|provided|input|still) (?:\w+ )?" + _IMAGE + r"s?|"
    r"(?:this|the|my|attached|uploaded|input|provided|reference) " + _IMAGE +
    r"s? (?:comes? (?:to life|alive)|(?:starts|begins) to move|is animated)|"
    r"(?:in|of) (?:this|the attached|the uploaded|the provided|the input|the reference) " +
    _IMAGE + r"|"
    r"the (?:subject|person|woman|man|character|figure|scene) in the " + _IMAGE + r"|"
    r"reference image|ref image|from the still|keep the (?:composition|framing) of the " + _IMAGE +
    r")(?![\w-])", re.I)


def detect_mode(text: str) -> Mode:
    """`i2v` when the text says it starts from an image, else `t2v`."""
    return "i2v" if _I2V_CUES.search(text) else "t2v"


def resolve_mode(mode: str | None, text: str) -> Mode:
    """A mode a user gave (t2v, i2v, auto/None: from the text). Unknown words raise ValueError
    (the engine turns it into an InputError)."""
    word = (mode or "auto").strip().lower()
    if word in {"t2v", "text", "text-to-video"}:
        return "t2v"
    if word in {"i2v", "image", "image-to-video"}:
        return "i2v"
    if word == "auto":
        return detect_mode(text)
    raise ValueError(f"unknown mode {mode!r}; use one of: {', '.join(MODES)}")


STATIC: tuple[C, ...] = (C.SUBJECT, C.SETTING, C.LIGHTING, C.COLOR, C.STYLE, C.CONSISTENCY,
                         C.LENS)
"""What a first frame already fixes."""
DYNAMIC: tuple[C, ...] = (C.ACTION, C.MOTION, C.CAMERA, C.PACING)
"""What only the prompt can say: what moves, how, the camera, and time."""

I2V_WEIGHTS: dict[C, int] = {
    C.SUBJECT: 4, C.ACTION: 18, C.MOTION: 18, C.CAMERA: 20, C.SHOT: 2, C.LENS: 0,
    C.LIGHTING: 2, C.COLOR: 0, C.STYLE: 2, C.SETTING: 2, C.PACING: 10, C.CONSISTENCY: 0,
    C.AUDIO: 5,
}
"""How much each component moves an i2v score: the moving parts carry it."""

_APPEARANCE = re.compile(
    r"(?<![\w-])(?:wearing|dressed in|with (?:long|short|curly|straight|blonde?|brown|black|red|"
    r"grey|gray|white|dark|light|blue|green|golden|silver)|(?:blonde?|brunette|red|black|brown|"
    r"grey|gray|silver|white|dark|long|short|curly|wavy)[- ](?:hair|haired)|hair|eyes|skin|"
    r"freckles|beard|jacket|coat|dress|shirt|t-shirt|sweater|hoodie|hat|scarf|boots|jeans|"
    r"suit|uniform|gown|glasses|necklace|earrings|tattoo|makeup|lipstick|"
    r"in the background|in the foreground|background|foreground|"
    r"the (?:image|photo|picture|scene|frame) (?:shows|features|depicts|contains)|"
    r"(?:shows|depicts|features) an?|there (?:is|are) an?|"
    r"sits? on|stands? in|standing in|sitting on|located|surrounded by|filled with|"
    r"covered (?:in|with)|made of|decorated with)(?![\w-])", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@dataclass
class Redescription:
    """How much of an i2v prompt describes what the first frame already shows."""

    flagged: bool
    static_words: int
    dynamic_words: int
    share: float
    """Static words over static + dynamic."""
    words: list[str] = field(default_factory=list)
    """The phrases that re-describe the image (for the finding and the fix)."""


STATIC_MIN_WORDS = 7
STATIC_SHARE = 0.6


def redescription(a: Analysis, prompt_words: int | None = None) -> Redescription:
    """Whether an i2v prompt re-describes its image: the words carrying static components
    (subject detail, setting, light, colour, style, wardrobe) and appearance cues, against the
    words carrying action, motion, camera and pacing."""
    prompt = a.prompt
    static_cover = _cover(a, STATIC, prompt)
    dynamic_cover = _cover(a, DYNAMIC, prompt)
    for m in _APPEARANCE.finditer(prompt):
        static_cover.update(range(m.start(), m.end()))
    static_cover -= dynamic_cover
    static_words = _words_in(prompt, static_cover)
    dynamic_words = _words_in(prompt, dynamic_cover)
    total = static_words + dynamic_words
    share = static_words / total if total else 0.0
    phrases = _phrases(a, prompt)
    flagged = static_words >= STATIC_MIN_WORDS and share >= STATIC_SHARE
    return Redescription(flagged=flagged, static_words=static_words,
                         dynamic_words=dynamic_words, share=round(share, 2), words=phrases)


def _cover(a: Analysis, comps: tuple[C, ...], prompt: str) -> set[int]:
    out: set[int] = set()
    for comp in comps:
        for s in a.spans.get(comp, []):
            if comp == C.SUBJECT and len(_WORD.findall(s.text)) <= 2:
                continue  # "a woman": naming who moves is not re-describing
            out.update(range(s.start, s.end))
    return out


def _words_in(prompt: str, cover: set[int]) -> int:
    return sum(1 for m in _WORD.finditer(prompt) if m.start() in cover)


def _phrases(a: Analysis, prompt: str) -> list[str]:
    found: list[tuple[int, str]] = []
    for comp in (C.SUBJECT, C.CONSISTENCY, C.SETTING, C.COLOR, C.LIGHTING, C.STYLE):
        for s in a.spans.get(comp, []):
            if comp == C.SUBJECT and len(_WORD.findall(s.text)) <= 2:
                continue
            found.append((s.start, s.text))
    return [t for _, t in sorted(found)][:6]
