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

from dataclasses import dataclass, field
from typing import Literal

from bot.core import cached_re as re
from bot.core.critique import anchor_words
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

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I)


def _alts(items: object) -> str:
    return "|".join(re.longest_first(re.escape(w) for w in items))  # type: ignore[attr-defined]


# What changes over time, enters the frame or is put on is not in the first frame: a sentence
# that says so is motion, whatever colours it names ("the light shifts from gold to blue").
_CHANGE = _rx(r"grow\w*|becom\w*|became|turns? (?:into|to)|turning (?:into|to)|transform\w*|"
              r"chang\w*|shift\w*|morph\w*|melt\w*|fad\w*|gains?|gaining|los(?:es|ing)|"
              r"dissolv\w*|reveal\w*|from \w+(?: \w+)? to|initially|gradually|over time|"
              r"over (?:\w+ )?seconds|transition\w*|light(?:s)? up|lights? (?:on|off)|"
              r"flickers? on|comes? alive|come to life|sets|rises|darken\w*|brighten\w*|"
              r"drain\w*|bloom\w*|opens? into|unfurl\w*|ages?|aging|ageing")
_ENTERS = _rx(r"(?:runs?|walks?|flies|fly|drives?|rolls?|steps?|comes?|swims?|crawls?|"
              r"jumps?|slides?|bursts?) (?:into|in from|in to) (?:the )?(?:frame|shot|view|"
              r"picture)|enters?(?: the)? (?:frame|shot|scene)?|appears?|emerges?|arrives?|"
              r"comes? into view")
_PUTS_ON = _rx(r"pulls? on|puts? on|takes? off|slips? (?:on|into)|changes? into|tucks?|"
               r"wraps? (?:herself|himself|themselves)")
_SELECTS = re.compile(r"^(?:[\w-]+ ){0,2}(?:on|at|to) the (?:left|right|far left|far right)|"
                      r"^(?:[\w-]+ ){0,2}in the (?:middle|centre|center|front|back) row", re.I)

_HAIR = _rx(r"(?:(?:" + _alts(anchor_words.HAIR_COLOURS) + r"|" + _alts(anchor_words.HAIR_LENGTH) +
            r"|curly|wavy|straight|braided|messy|slicked|cropped)[ ,-]+){1,3}(?:hair|haired|"
            r"braids?|curls|ponytail|bun|bob|pixie cut|locks|mane|beard|moustache|mustache)|"
            r"(?:shaved|bald) head|buzz ?cut|pixie cut|freckles|(?:" + _alts(anchor_words.HAIR_COLOURS) +
            r"|blue|green|brown|hazel|grey|gray) eyes|in (?:his|her|their) (?:early |mid-?|late )?"
            r"(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties)|"
            r"\d{1,2}[- ]year[- ]old|middle-aged|elderly|(?:round|thick|wire-rimmed|horn-rimmed) "
            r"glasses|tattoo\w*|scar|lipstick|makeup|beard|moustache|mustache")
_HUE = _rx(_alts(set(anchor_words.HUES) - {"gold", "golden", "honey", "snow-white", "forest",
                                            "army", "ash", "heather", "wine", "sky-blue",
                                            "coffee", "cherry", "rose", "lime", "jet"}))
_GARMENT = _rx(r"(?:wearing|dressed in|in (?:a|an|his|her|their))(?: [\w-]+){0,4} (?:" +
               _alts(anchor_words.GARMENTS) + r")|(?:" + _alts(anchor_words.MATERIALS) +
               r")(?: [\w-]+){0,2} (?:" + _alts(anchor_words.GARMENTS) + r")|armou?r|plate armor")
_STATIC_PLACE = _rx(r"(?:in|on|at|inside|by|beside|near|under|in front of|surface of|"
                    r"(?:sits?|sitting|stands?|standing|parked|lies|lying|perched|located) "
                    r"(?:in|on|at|by|beside|near|under|in front of)) (?:(?:a|an|the) )?"
                    r"(?:[\w-]+ ){0,3}(?:" + _alts(anchor_words.PLACES) + r")")
_PLACE_NP = _rx(r"(?:^|(?<=[.,:;] ))(?:an? |the )(?:[\w-]+ ){1,3}(?:" +
                _alts(anchor_words.PLACES) + r"|mountain range|landscape)")
_LOOK = _rx(r"(?:black[- ]and[- ]white|black & white|monochrome|sepia|desaturated|"
            r"(?:vibrant|saturated|muted|pastel|neon|warm|cool|cold) colou?rs?|"
            r"(?:[\w-]+ )?(?:palette|colou?r grade|grade)|(?:film )?noir look|high contrast|"
            r"(?:golden hour|soft|warm|harsh|dramatic|overcast|amber|neon|moody|bright|dim|"
            r"cold|natural|studio|candle|lamp|fire|window)[- ](?:light|lighting|backlight|"
            r"backlighting|glow|firelight|lamplight|sun|sunlight)|firelight|lamplight|"
            r"(?:at|during) (?:sunrise|sunset|dusk|dawn|night|midnight|golden hour|noon)|"
            r"in the (?:background|foreground)|reflections? in|reflected in|"
            r"(?:blurred|bokeh|dark|white|black|plain|green|blue) background|"
            r"snow-capped|rain-streaked|misty|foggy)")


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


def _parts(prompt: str) -> list[str]:
    """The prompt's clauses that can describe the frame: sentences that describe a change
    dropped whole, clauses where something enters or is put on dropped."""
    kept: list[str] = []
    for sentence in re.split(r"(?<=[.;!?])\s+|\n+", prompt):
        if _CHANGE.search(sentence):
            continue
        for clause in re.split(r",\s*|\s+and\s+(?=\w+s\b)|\s+as\s+", sentence):
            if _ENTERS.search(clause) or _PUTS_ON.search(clause):
                continue
            kept.append(clause)
    return kept


def features(prompt: str) -> list[str]:
    """The phrases of an i2v prompt that describe the first frame: a person's hair, face or
    age, wardrobe, colours of things (not the one colour that picks which of several moves),
    a place where something is (not a path it moves along), and the look: palette, light
    quality, time of day, background."""
    found: list[tuple[str, str]] = []
    for clause in _parts(prompt):
        for rx in (_HAIR, _GARMENT, _STATIC_PLACE, _PLACE_NP, _LOOK):
            found += [(m.group(0), clause) for m in rx.finditer(clause)]
        for m in _HUE.finditer(clause):
            if _SELECTS.match(clause[m.end():].lstrip()) and re.search(
                    r"\bthe\s+$", clause[:m.start()], re.I):
                continue  # "the red kite on the left": which one moves, not a description
            found.append((m.group(0), clause))
    return list(dict.fromkeys(text.strip() for text, _ in found if text.strip()))


def redescription(a: Analysis, prompt_words: int | None = None) -> Redescription:
    """Whether an i2v prompt re-describes its image (any phrase from `features`), with the
    words carrying static and moving components for context."""
    prompt = a.prompt
    static_cover = _cover(a, STATIC, prompt)
    dynamic_cover = _cover(a, DYNAMIC, prompt)
    static_cover -= dynamic_cover
    static_words = _words_in(prompt, static_cover)
    dynamic_words = _words_in(prompt, dynamic_cover)
    total = static_words + dynamic_words
    share = static_words / total if total else 0.0
    phrases = features(prompt)
    return Redescription(flagged=len(phrases) >= MIN_FEATURES, static_words=static_words,
                         dynamic_words=dynamic_words, share=round(share, 2), words=phrases[:6])


MIN_FEATURES = 1
"""One phrase that describes the frame is already a re-description (the labelled definition)."""


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
