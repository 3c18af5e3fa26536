"""The offline rewrite: keep the author's words, add what is missing, remove what hurts.

Additions are chosen from the prompt's own context (what the subject is, where and when it
is, the mood it already has), so a cat on a table gets a table-height camera and window light,
not a drone shot. The author's phrasing stays; only spam and negation are taken out.
"""

from __future__ import annotations

import re

from bot.core.critique.analysis import compiled, search_lower
from bot.core.critique.components import Component as C
from bot.core.critique.lexicon import QUALITY_SPAM
from bot.core.critique.results import Analysis
from bot.core.knowledge import ModelProfile

# Context is guessed from words in the prompt; the first family that matches wins.
FAMILIES: list[tuple[str, str]] = [
    ("abstract", r"\b(?:ink|paint|liquid|fluid|particles|smoke|abstract|shapes|geometry|"
                 r"droplets|drops|bubbles|crystals|fractal|patterns)\b"),
    ("bird", r"\b(?:birds?|eagle|hawk|owl|crow|raven|sparrow|pigeon|parrot|seagull|gulls?|"
             r"flock|swans?|ducks?|geese|hummingbird|butterfl(?:y|ies))\b"),
    ("water", r"\b(?:fish|koi|shark|whales?|dolphins?|jellyfish|octopus|turtle|seal|otter|"
              r"underwater|reef)\b"),
    ("animal", r"\b(?:cats?|kitten|dogs?|puppy|horses?|foal|fox|wolf|wolves|bear|deer|stag|"
               r"rabbit|hare|squirrel|mouse|lion|lioness|tiger|leopard|cheetah|elephants?|"
               r"giraffe|zebra|monkey|gorilla|snake|lizard|frog|dragon|cow|sheep|goat)\b"),
    ("vehicle", r"\b(?:car|cars|truck|motorcycle|bike|bicycle|train|boat|ship|plane|jet|"
                r"helicopter|rocket|spaceship|spacecraft)\b"),
    ("product", r"\b(?:bottle|perfume|watch|sneakers?|shoes?|phone|smartphone|product|mug|cup|"
                r"burger|pizza|sushi|cake|bread|croissant|cocktail|wine|chocolate|dish)\b"),
    ("landscape", r"\b(?:forest|mountains?|valley|desert|ocean|sea|lake|waterfall|canyon|"
                  r"glacier|meadow|field|coast|beach|volcano|aurora|landscape|skyline)\b"),
    ("person", r"\b(?:woman|women|man|men|girl|boy|child|person|people|couple|dancer|"
               r"astronaut|soldier|knight|warrior|chef|musician|skater|runner|athlete|"
               r"fisherman|scientist|traveler|hiker|figure|stranger|character)\b"),
]

NIGHT = r"\b(?:night|midnight|neon|moonlit|moonlight|dark|nocturnal)\b"
INDOOR = r"\b(?:table|kitchen|room|bedroom|office|studio|cafe|bar|restaurant|desk|hallway|" \
         r"corridor|library|indoors|interior|apartment|workshop)\b"

DEFAULTS: dict[str, dict[C, str]] = {
    "abstract": {
        C.SHOT: "extreme close-up", C.CAMERA: "locked-off camera",
        C.LENS: "macro lens", C.LIGHTING: "soft, even backlight",
        C.STYLE: "hypnotic, meditative abstract style", C.MOTION: "drifting slowly outward",
        C.PACING: "in gentle slow motion", C.COLOR: "high-contrast palette",
        C.ACTION: "swirls and expands", C.SETTING: "against a clean white background",
    },
    "bird": {
        C.SHOT: "wide shot", C.CAMERA: "slow pan right following the flight",
        C.LIGHTING: "early-morning sunlight through thin mist",
        C.STYLE: "serene nature-documentary realism",
        C.MOTION: "wings beating steadily, gliding left to right across the frame",
        C.ACTION: "take flight together", C.COLOR: "soft green and gold tones",
        C.PACING: "real-time pace",
    },
    "water": {
        C.SHOT: "medium shot", C.CAMERA: "slow tracking shot alongside",
        C.LIGHTING: "sunlight rays filtering down from the surface",
        C.STYLE: "calm, dreamy underwater documentary", C.MOTION: "gliding slowly left to right",
        C.ACTION: "glides", C.COLOR: "blue-green palette", C.PACING: "unhurried pace",
    },
    "animal": {
        C.SHOT: "medium shot at eye level", C.CAMERA: "locked-off camera at the animal's eye level",
        C.LIGHTING: "warm late-afternoon window light from the side",
        C.STYLE: "naturalistic, playful documentary realism",
        C.MOTION: "pushing off with its hind legs in a quick arc and landing softly",
        C.ACTION: "turns its head toward the camera", C.COLOR: "warm natural tones",
        C.PACING: "real-time, with a brief slow-motion beat at the peak",
    },
    "vehicle": {
        C.SHOT: "low-angle wide shot", C.CAMERA: "smooth tracking shot alongside",
        C.LIGHTING: "low golden-hour sunlight with long shadows",
        C.STYLE: "sleek, high-energy commercial look",
        C.MOTION: "accelerating steadily from left to right, dust kicking up behind",
        C.ACTION: "speeds along the road", C.COLOR: "teal and orange grade",
        C.PACING: "real-time pace",
    },
    "product": {
        C.SHOT: "close-up", C.CAMERA: "slow 180-degree orbit around the product",
        C.LIGHTING: "soft studio key light with a crisp rim light",
        C.STYLE: "clean, premium commercial style", C.MOTION: "rotating slowly clockwise",
        C.ACTION: "rotates on a turntable", C.COLOR: "neutral tones with one accent colour",
        C.PACING: "smooth, unhurried pace", C.LENS: "100mm macro lens, shallow depth of field",
    },
    "landscape": {
        C.SHOT: "wide establishing shot", C.CAMERA: "slow aerial glide forward",
        C.LIGHTING: "golden-hour sunlight raking across the terrain",
        C.STYLE: "majestic, awe-inspiring nature documentary",
        C.MOTION: "leaves and mist drifting slowly in the wind",
        C.ACTION: "mist drifts through the scene", C.COLOR: "warm gold and deep green palette",
        C.PACING: "unhurried pace",
    },
    "person": {
        C.SHOT: "medium shot", C.CAMERA: "smooth tracking shot following at shoulder height",
        C.LIGHTING: "soft overcast daylight",
        C.STYLE: "grounded, intimate realism with subtle film grain",
        C.MOTION: "at an unhurried, natural walking pace, moving left to right",
        C.ACTION: "turns slowly toward the camera", C.COLOR: "muted natural palette",
        C.PACING: "real-time pace",
    },
    "default": {
        C.SHOT: "medium shot", C.CAMERA: "slow dolly-in",
        C.LIGHTING: "soft golden-hour light from the side",
        C.STYLE: "grounded naturalistic realism, calm mood",
        C.MOTION: "moving slowly and steadily from left to right",
        C.ACTION: "moves slowly into the light", C.COLOR: "warm, natural palette",
        C.PACING: "real-time pace",
    },
}

# Context overrides: night scenes get night light; interiors get interior light.
NIGHT_LIGHT = "neon signs reflecting on wet pavement, deep shadows"
NIGHT_STYLE = "moody neo-noir with soft film grain"
INDOOR_LIGHT = "warm late-afternoon window light from the side"

# Motion physics by the verb already in the prompt, so "jumps" gets a jump's physics.
MOTION_BY_VERB: list[tuple[str, str]] = [
    (r"jump|leap|hop|pounce|bounce", "pushing off in a quick, springy arc and landing softly "
                                     "with a small skid"),
    (r"walk|stroll|wander|stride|march", "at an unhurried, natural walking pace, moving left "
                                         "to right, coat swaying with each step"),
    (r"run|sprint|jog|race|chase|gallop", "at full speed toward the camera, feet striking "
                                          "the ground heavily"),
    (r"fly|soar|glide|swoop|flutter|flap", "gliding left to right, wings beating in a steady "
                                           "rhythm"),
    (r"fall|drop|sink|plunge|dive|tumble|cascade", "falling slowly at first, then gathering "
                                                    "speed under their own weight"),
    (r"dance|spin|twirl|pirouette|sway", "spinning clockwise in smooth, weighted turns, "
                                          "fabric flaring outward"),
    (r"swim", "gliding slowly left to right with calm, powerful strokes"),
    (r"drive|ride|speed", "accelerating steadily from left to right"),
    (r"pour|splash|drip|swirl|expand|bloom|melt|ripple|flow", "spreading slowly outward in "
                                                                "soft ripples"),
    (r"turn|look|gaze|smile|nod", "slowly, with a slight, natural hesitation"),
]

POSITIVE_FOR_NEGATION: dict[str, str] = {
    "people": "deserted", "person": "deserted", "crowd": "empty", "crowds": "empty",
    "cars": "empty road", "traffic": "empty road", "clouds": "clear sky", "text": "clean frame",
    "words": "clean frame", "logo": "clean frame", "logos": "clean frame", "blur": "crisp focus",
    "noise": "clean image", "grain": "clean image", "shake": "steady camera",
    "camera shake": "steady camera", "movement": "still", "motion": "still", "cuts": "one "
    "continuous shot", "wind": "still air", "rain": "dry weather", "shadows": "even light",
}


def family(prompt: str) -> str:
    low = prompt.lower()
    for name, pattern in FAMILIES:
        if search_lower(pattern, low):
            return name
    return "default"


def defaults_for(a: Analysis) -> dict[C, str]:
    fam = family(a.prompt)
    chosen = dict(DEFAULTS["default"]) | DEFAULTS[fam]
    low = a.prompt.lower()
    if search_lower(NIGHT, low):
        chosen[C.LIGHTING] = NIGHT_LIGHT
        if fam not in ("abstract", "product"):
            chosen[C.STYLE] = NIGHT_STYLE
        chosen[C.COLOR] = "deep blue and magenta palette"
    elif search_lower(INDOOR, low) and fam not in ("product", "abstract"):
        chosen[C.LIGHTING] = INDOOR_LIGHT
    verbs = " ".join(s.cue or s.text for s in a.actions).lower()
    for pattern, motion in MOTION_BY_VERB:
        if verbs and re.search(pattern, verbs):
            chosen[C.MOTION] = motion
            break
    return chosen


def strip_spam(text: str) -> str:
    low = text.lower()
    if len(low) != len(text) or search_lower(QUALITY_SPAM, low):
        text = compiled(QUALITY_SPAM).sub("", text)
    return _tidy(text)


def _tidy(text: str) -> str:
    text = re.sub(r"\s*,\s*(?:,\s*)+", ", ", text)
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    return text.strip(" ,;")


def remove_negations(a: Analysis, text: str, model: ModelProfile | None) -> tuple[str, list[str]]:
    """Take negations out of the prompt; return the text and the positive or negative phrases.

    With a model that has a negative prompt, the excluded things go there (the caller reports
    them); otherwise they are rephrased positively where we know how, and dropped otherwise.
    """
    moved: list[str] = []
    for n in a.negations:
        words = re.sub(r"^(?:no|without|never|not|don't|doesn't|do not|does not|avoid|avoiding|"
                       r"free of|absent|lacking|minus)\s+(?:any\s+|a\s+|the\s+)?", "", n.text,
                       flags=re.I)
        if model is not None and model.negative_prompt:
            replacement = ""
            moved.append(words)
        else:
            replacement = POSITIVE_FOR_NEGATION.get(words.lower(), "")
            moved.append(words)
        text = text.replace(n.text, replacement, 1)
    return _tidy(text), moved


def rewrite(a: Analysis, missing: list[C], model: ModelProfile | None = None,
            weak_style: bool = False) -> tuple[str, list[C], str | None]:
    """Return (rewritten prompt, components added, negative prompt or None)."""
    base = strip_spam(a.prompt)
    if weak_style:
        base = _tidy(re.sub(r"\bcinematic\b", "", base, flags=re.I))
    base, excluded = remove_negations(a, base, model)
    base = base.rstrip(".")
    if base:
        base = base[0].upper() + base[1:]
    d = defaults_for(a)
    added: list[C] = []
    lead: list[str] = []
    tail: list[str] = []
    if C.SHOT in missing:
        lead.append(d[C.SHOT])
        added.append(C.SHOT)
    if C.CAMERA in missing:
        lead.append(d[C.CAMERA])
        added.append(C.CAMERA)
    if C.ACTION in missing:
        tail.append(d[C.ACTION])
        added.append(C.ACTION)
    for comp in (C.MOTION, C.SETTING, C.LIGHTING, C.COLOR, C.STYLE, C.PACING, C.LENS):
        if comp in missing and comp in d:
            tail.append(d[comp])
            added.append(comp)
    if weak_style and C.STYLE not in added:
        tail.append(d[C.STYLE])
        added.append(C.STYLE)
    head = ", ".join(lead)
    text = f"{head[0].upper() + head[1:]}: {base[0].lower() + base[1:] if base else ''}" \
        if head else base
    if tail:
        text = f"{text}, {', '.join(tail)}"
    negative = ", ".join(excluded) if excluded and model and model.negative_prompt else None
    return _tidy(text) + ".", added, negative
