"""The offline rewrite: keep the author's words, add what this prompt needs, remove what hurts.

What to add is decided first (`needs.plan`: a still subject gets light and setting; an
action gets motion physics and a camera that serves it). Each phrase is then chosen from the
prompt's own context (what the subject is, where and when it is, the verb it already has) and
checked against what the prompt fixes (`consistency.conflicts`): "a fox in the snow" never gets window
light, "at night" never gets golden hour. The author's phrasing stays; only spam and negation are
taken out. With a target model, the result is put into that model's dialect by the translator.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from bot.core import cached_re as re
from bot.core.critique.analysis import compiled, search_lower
from bot.core.critique.anchor_words import HUES
from bot.core.critique.components import Component as C
from bot.core.critique.consistency import (
    INSTRUCTION,
    Traits,
    bare_noun,
    conflicts,
    plural_subject,
    plural_words,
    traits_of,
    without_speed,
)
from bot.core.critique.facts import IN, OUT, mentions_in
from bot.core.critique.lexicon import ACTION_VERBS, QUALITY_SPAM
from bot.core.critique.needs import (
    CAMERA_BY_VERB,
    FAMILIES,
    WEARS,
    Context,
    Need,
    Plan,
    Strength,
    dressed_by_kind,
    families_of,
    plan,
    subject_verbs,
    unlisted_person,
    verb_pick,
    verb_picks,
)
from bot.core.critique.results import Addition, Analysis
from bot.core.knowledge import ModelProfile
from bot.core.noun_kinds import DETERMINERS, PHRASE_ENDS, kind_chain, person_synset, phrase_heads
from bot.core.regex_pieces import may_find

__all__ = ["FAMILIES", "INDOOR", "NIGHT", "RewriteResult", "family", "rewrite", "strip_spam"]

NIGHT = r"\b(?:night|midnight|neon|moonlit|moonlight|dark|nocturnal)\b"
INDOOR = r"\b(?:table|kitchen|room|bedroom|office|studio|cafe|bar|restaurant|desk|hallway|" \
         r"corridor|library|indoors|interior|apartment|workshop)\b"
"""Weak hints that a scene is inside (a table, a desk): enough to choose window light when the
prompt states nothing outdoors. The strong markers that decide contradictions are in facts.py."""
URBAN = r"\b(?:city|street|streets|alley|neon|downtown|urban|sidewalk|avenue|traffic)\b"
WILD = r"\b(?:fox|wolf|wolves|bear|deer|stag|rabbit|hare|squirrel|mouse|snake|lizard|frog)\b"
SAVANNA = r"\b(?:lion|lioness|tiger|leopard|cheetah|elephants?|giraffe|zebra)\b"
PET = r"\b(?:cats?|kitten|dogs?|puppy)\b"
FARM = r"\b(?:horses?|foal|cow|sheep|goat)\b"
ROAD_VEHICLE = r"\b(?:car|cars|truck|motorcycle|bike|bicycle)\b"
AIR_VEHICLE = r"\b(?:plane|jet|helicopter)\b"
SPACE_VEHICLE = r"\b(?:rocket|spaceship|spacecraft)\b"
BOAT = r"\b(?:boat|ship)\b"
FOOD = r"\b(?:burger|pizza|sushi|cake|bread|croissant|cocktail|wine|chocolate|dish|coffee|tea)\b"
STAGE = r"\b(?:stage|concert|theater|theatre|spotlight|ballroom)\b"

# Family defaults, used when no context-specific phrase applies (or all of those clash).
DEFAULTS: dict[str, dict[C, str]] = {
    "abstract": {
        C.SHOT: "extreme close-up", C.CAMERA: "locked-off camera",
        C.LENS: "macro lens", C.LIGHTING: "soft even backlight",
        C.STYLE: "hypnotic meditative abstract style", C.MOTION: "drifting slowly outward",
        C.PACING: "in gentle slow motion", C.COLOR: "high-contrast palette",
        C.ACTION: "swirls and expands", C.SETTING: "against a clean black background",
    },
    "bird": {
        C.SHOT: "wide shot", C.CAMERA: "slow pan right following the flight",
        C.LIGHTING: "early-morning sunlight through thin mist",
        C.STYLE: "serene nature-documentary realism",
        C.MOTION: "wings beating steadily, gliding left to right across the frame",
        C.ACTION: "lift off and fly", C.COLOR: "soft green and gold tones",
        C.PACING: "real-time pace", C.SETTING: "above a still lake at the edge of a pine forest",
        C.LENS: "long telephoto lens",
    },
    "water": {
        C.SHOT: "medium shot", C.CAMERA: "slow tracking shot alongside",
        C.LIGHTING: "sunlight rays filtering down from the surface",
        C.STYLE: "calm dreamy underwater documentary", C.MOTION: "gliding slowly left to right",
        C.ACTION: "glides", C.COLOR: "blue-green palette", C.PACING: "unhurried pace",
        C.SETTING: "over a coral reef in clear blue water",
    },
    "animal": {
        C.SHOT: "medium shot at eye level", C.CAMERA: "locked-off camera at the animal's eye level",
        C.LIGHTING: "soft natural light from the side",
        C.STYLE: "naturalistic documentary realism",
        C.MOTION: "with small natural movements, weight shifting",
        C.ACTION: "turns its head toward the camera", C.COLOR: "warm natural colors",
        C.PACING: "real-time pace", C.LENS: "telephoto lens, shallow depth of field",
    },
    "vehicle": {
        C.SHOT: "low-angle wide shot", C.CAMERA: "smooth tracking shot alongside",
        C.LIGHTING: "low golden-hour sunlight with long shadows",
        C.STYLE: "sleek high-energy commercial look",
        C.MOTION: "accelerating steadily from left to right, dust kicking up behind",
        C.ACTION: "drives fast along the road", C.COLOR: "teal and orange grade",
        C.PACING: "real-time pace", C.LENS: "35mm lens",
    },
    "product": {
        C.SHOT: "close-up", C.CAMERA: "slow 180-degree orbit around the product",
        C.LIGHTING: "soft key light with a crisp rim light",
        C.STYLE: "clean premium commercial style", C.MOTION: "rotating slowly clockwise",
        C.ACTION: "rotates on a turntable", C.COLOR: "neutral tones with one accent colour",
        C.PACING: "smooth unhurried pace", C.LENS: "100mm macro lens, shallow depth of field",
        C.SETTING: "on a polished marble surface against a soft grey backdrop",
    },
    "landscape": {
        C.SHOT: "extreme wide establishing shot", C.CAMERA: "slow aerial glide forward",
        C.LIGHTING: "golden-hour sunlight raking across the terrain",
        C.STYLE: "majestic awe-inspiring nature documentary",
        C.MOTION: "mist and clouds drifting slowly across the view",
        C.ACTION: "mist drifts through the scene", C.COLOR: "warm gold and deep green palette",
        C.PACING: "unhurried pace", C.LENS: "24mm wide lens, deep focus",
    },
    "person": {
        C.SHOT: "medium shot", C.CAMERA: "slow dolly-in at eye level",
        C.LIGHTING: "soft overcast daylight",
        C.STYLE: "grounded intimate realism with subtle film grain",
        C.MOTION: "with small precise movements, weight shifting gently",
        C.ACTION: "turns slowly toward the camera", C.COLOR: "muted natural palette",
        C.PACING: "real-time pace", C.LENS: "50mm lens, shallow depth of field",
        C.CONSISTENCY: "in a dark green canvas jacket",
    },
    "default": {
        C.SHOT: "medium shot", C.CAMERA: "slow dolly-in",
        C.LIGHTING: "soft natural light from the side",
        C.STYLE: "grounded naturalistic realism, calm mood",
        C.MOTION: "moving slowly and steadily from left to right",
        C.ACTION: "moves slowly into the light", C.COLOR: "warm natural palette",
        C.PACING: "real-time pace", C.LENS: "50mm lens, shallow depth of field",
        C.SETTING: "against a simple uncluttered background",
    },
}

# Motion physics by the verb already in the prompt, so "jumps" gets a jump's physics.
MOTION_BY_VERB: list[tuple[str, str]] = [
    (r"jump|leap|hop|pounce|bounce", "pushing off in a quick springy arc and landing softly "
                                     "with a small skid"),
    (r"walk|stroll|wander|stride|march", "at an unhurried natural walking pace, moving left "
                                         "to right, each step landing with weight"),
    (r"run|sprint|jog|race|chase|gallop", "at full speed toward the camera, feet striking "
                                          "the ground heavily"),
    (r"glide|soar", "gliding left to right on still, outstretched wings"),
    (r"fly|swoop|flutter|flap", "flying left to right, wings beating in a steady rhythm"),
    (r"fall|drop|sink|plunge|dive|tumble|cascade", "falling slowly at first, then gathering "
                                                    "speed as gravity takes hold"),
    (r"dance|spin|twirl|pirouette|sway", "spinning clockwise in smooth weighted turns, "
                                          "fabric flaring outward"),
    (r"swim", "gliding slowly left to right with calm powerful strokes"),
    (r"drive|ride|speed", "accelerating steadily from left to right"),
    (r"pour|splash|drip|swirl|expand|bloom|melt|ripple|flow", "spreading slowly outward in "
                                                                "soft ripples"),
    (r"turn|look|gaze|smile|nod", "slowly, with a slight natural hesitation"),
]

_LEGGED = frozenset({"person", "animal", "bird"})
BODY_PARTS: dict[str, frozenset[str]] = {"wings": frozenset({"bird"}),
                                         "fabric": frozenset({"person"}),
                                         "feet": _LEGGED, "step": _LEGGED}
"""A motion phrase that names a body part (or clothing) fits only subjects that have one:
"wings beating" is not a poodle's, whose ears flutter, nor "fabric flaring" an arctic fox's
under a dancing aurora; "feet striking the ground" or "each step" not a speedboat's. A subject
of no known family (a figure) may take any. Checked for every added phrase (`_fits`), the
family defaults as much as the verb's physics."""

_BODY_PART = re.compile(r"\b(?:" + "|".join(BODY_PARTS) + r")\b")
_ON_LAND = re.compile(r"\b(?:dust|ground|road|pavement|gravel|tyres?|tires?|wheels?|skid)\b")
"""Words that put a moving thing on land: "dust kicking up behind" is a car's, not a boat's; a
skid slides over a surface, where a dolphin's leap ends in the water."""
_GROUNDED = re.compile(_ON_LAND.pattern + r"|\b(?:"
                       + "|".join(p for p, kinds in BODY_PARTS.items() if kinds is _LEGGED) + r")\b")
"""A part of a phrase that puts the subject on the ground: by the land, or by its feet."""


_BODILESS_FAMILIES = frozenset({"landscape"})
"""Families that say where, not what body moves: a swordswoman in a bamboo forest may have feet."""


def _body_fits(low: str, families: list[str]) -> bool:
    """Whether every body part the lower-cased phrase names belongs to one of the subject's
    families. A prompt whose families name no body (none, or only a landscape) may take any."""
    parts = set(_BODY_PART.findall(low))
    bodies = set(families) - _BODILESS_FAMILIES
    return not parts or not bodies or all(BODY_PARTS[part] & bodies for part in parts)


@lru_cache(maxsize=1)
def _watercraft_synset() -> int | None:
    """WordNet's kind shared by a boat and a ship (a vessel that travels on water)."""
    ship = set(kind_chain("ship"))
    return next((node for node in kind_chain("boat") if node in ship), None)


_FLIGHT_CAMERA = next(phrase for pattern, phrase in CAMERA_BY_VERB if "fly" in pattern.split("|"))
_TRAVEL_CAMERA = next(phrase for pattern, phrase in CAMERA_BY_VERB if "walk" in pattern.split("|"))
_AIRBORNE_VERB = re.compile(r"\b(?:fl(?:y|ies|ying|ew|own)|soar\w*|swoop\w*)\b")


def _action_camera(verbs: str, ctx: Context, subject: str) -> str | None:
    """The camera the action's verb names (CAMERA_BY_VERB). "Glide" is flight only for a body
    in the air: a bird, an aircraft, or where a verb of flight is said too; a kayak, a surfer
    or a dancer that glides travels, and is followed alongside, not panned with as a flight."""
    picked = verb_pick(CAMERA_BY_VERB, verbs)
    if picked != _FLIGHT_CAMERA or _AIRBORNE_VERB.search(verbs) or "bird" in ctx.families \
            or _aircraft(subject):
        return picked
    return _TRAVEL_CAMERA


@lru_cache(maxsize=512)
def _a_kind_of(subject: str, kind: str, heads: int = 2) -> bool:
    """Is one of the subject's first `heads` heads a kind of `kind` by WordNet? ("a hang
    glider": an aircraft; "a red bicycle": a wheeled vehicle)."""
    node = kind_chain(kind)[:1]
    return bool(node) and any(node[0] in kind_chain(head) for head in phrase_heads(subject, heads))


def _aircraft(subject: str) -> bool:
    """A glider, a plane, a helicopter: a body in the air."""
    return _a_kind_of(subject, "aircraft")


def _on_wheels(subject: str) -> bool:
    """A car, a motorbike, a bicycle, a bus: paint and chrome trim are their look; a kayak, a
    sailboat or a rocket has none of it."""
    return _a_kind_of(subject, "wheeled vehicle")


def _in_water(subject: str, ctx: Context) -> bool:
    """Does the subject move in water, not on land: a boat (`_afloat`), a water animal first in
    the prompt's families, or a kind of aquatic vertebrate by WordNet (a salmon, a dolphin)?"""
    return "water" in ctx.families[:1] or _afloat(subject) \
        or _a_kind_of(subject.lower(), "aquatic vertebrate")


@lru_cache(maxsize=256)
def _afloat(subject: str) -> bool:
    """Is the subject a kind of boat or ship by WordNet (a speedboat, a kayak, a ferry)?"""
    vessel = _watercraft_synset()
    return vessel is not None and any(vessel in kind_chain(head) for head in phrase_heads(subject, 2))


def _motions_for(verbs: str) -> list[str]:
    """The MOTION_BY_VERB phrases for the prompt's verbs, in table order. One whose body does
    not fit the subject (BODY_PARTS) is refused by `_fits` (a kayak's glide is not on wings),
    or taken without its trailing grounded part (`_fitting_head`: a speedboat "accelerating
    steadily from left to right", without the dust kicking up behind)."""
    return list(verb_picks(MOTION_BY_VERB, verbs))


PACING_BY_VERB: list[tuple[str, str]] = [
    (r"splash|pour|drip|burst|explode|shatter|jump|leap|dive|flip", "in slow motion"),
]

POSITIVE_FOR_NEGATION: dict[str, str] = {
    "people": "deserted", "person": "deserted", "crowd": "empty", "crowds": "empty",
    "cars": "empty road", "traffic": "empty road", "clouds": "clear sky", "text": "clean frame",
    "words": "clean frame", "logo": "clean frame", "logos": "clean frame", "blur": "crisp focus",
    "noise": "clean image", "grain": "clean image", "shake": "steady camera",
    "camera shake": "steady camera", "camera movement": "steady locked-off camera",
    "camera motion": "steady locked-off camera", "movement": "still", "motion": "still", "cuts": "one "
    "continuous shot", "wind": "still air", "rain": "dry weather", "shadows": "even light",
}


@dataclass
class RewriteResult:
    text: str
    additions: list[Addition]
    negative: str | None
    plan: Plan

    @property
    def added(self) -> list[C]:
        return list(dict.fromkeys(a.component for a in self.additions))


def family(prompt: str) -> str:
    low = prompt.lower()
    for name, pattern in FAMILIES:
        if search_lower(pattern, low):
            return name
    return "default"


def _has(pattern: str, low: str) -> bool:
    return bool(search_lower(pattern, low))


def _candidates(comp: C, a: Analysis, ctx: Context, verbs: str) -> list[str]:
    """Phrases for one component, the most specific to this prompt first."""
    low = a.prompt.lower()
    f = ctx.facts
    fam = ctx.family
    out: list[str] = []
    night = f.only("time_of_day", "night")
    outdoors = f.only("place", OUT)
    indoors = f.only("place", IN) or (not f.stated("place") and _has(INDOOR, low))
    if comp == C.LIGHTING:
        if night:
            out += ["neon signs reflecting on wet pavement, deep shadows"] if _has(URBAN, low) \
                else ["cold moonlight with a warm practical glow, deep shadows"]
        if _has(STAGE, low):
            out.append("a single hard spotlight from above")
        if f.only("weather", "rain"):
            out.append("soft diffuse overcast light, wet surfaces glistening")
        if f.get("season") == frozenset({"winter"}) or _has(r"\bsnow\b", low):
            out.append("soft diffuse winter light, the snow glowing")
        if indoors:
            out += ["warm late-afternoon window light from the side", "warm lamp light from the side"]
        if "landscape" in ctx.kinds:
            out += ["golden-hour sunlight raking across the terrain", "soft blue-hour light"]
        if outdoors:
            out.append("soft overcast daylight")
    elif comp == C.SETTING:
        if a.has(C.SETTING) or f.stated("place"):  # the author's place: only anchor it
            return _environment_details(low) + [ANCHOR_INDOORS if indoors else ANCHOR_OUTDOORS
                                                if outdoors else ANCHOR_ANYWHERE]
        out += _settings(low, ctx, indoors, outdoors, verbs)
    elif comp == C.SUBJECT:
        subjects = a.spans.get(C.SUBJECT) or []
        return _subject_details(subjects[0].text.lower(), low, ctx,
                                plural_words(subjects[0].text.lower()),
                                dressed=_dressed(a), written=subjects[0].text) if subjects else []
    elif comp == C.ACTION and ctx.has_action:
        return _beats(ctx, low, plural_subject(a), (a.text(C.SUBJECT) or "").lower())
    elif comp == C.MOTION:
        out += _motions_for(verbs)
    elif comp == C.CAMERA:
        if ctx.still_subject or ctx.still_camera:
            return [STILL_CAMERA_PHRASE]
        picked = _action_camera(verbs, ctx, a.text(C.SUBJECT) or "")
        out += [picked] if picked else []
        if "landscape" in ctx.kinds:
            out.append("slow aerial glide forward")
    elif comp == C.PACING:
        picked = verb_pick(PACING_BY_VERB, verbs)
        out += [picked] if picked else []
    elif comp == C.STYLE and night:
        out.append("moody neo-noir with soft film grain")
    elif comp == C.COLOR:
        if night:
            out.append("deep blue and amber palette")
        if f.get("season") == frozenset({"winter"}):
            out.append("cool blue and white palette with one warm accent")
    elif comp == C.CONSISTENCY:
        if f.get("season") == frozenset({"winter"}):
            out.append("in a red wool coat and a grey knit scarf")
        if f.get("season") == frozenset({"summer"}) or _has(r"\bbeach\b", low):
            out.append("in a loose white linen shirt")
    elif comp == C.SHOT and "landscape" in ctx.kinds:
        out.append("extreme wide establishing shot")
    elif comp == C.LENS and "close" in ctx.kinds:
        out.append("100mm macro lens, shallow depth of field" if _has(r"\bmacro\b", low)
                   else "85mm lens, shallow depth of field")
    elif comp == C.LENS and "landscape" in ctx.kinds:
        out.append("24mm wide lens, deep focus")
    elif comp == C.LENS and ctx.still_subject:
        out.append("100mm macro lens, shallow depth of field" if fam in ("product", "default")
                   else "85mm lens, shallow depth of field")
    for name in ctx.families[:1]:  # the subject's family: another family's phrase is about
        # another thing ("a couple making dumplings" is not shot as a product on marble)
        if comp in DEFAULTS.get(name, {}):
            out.append(DEFAULTS[name][comp])
    if comp in DEFAULTS["default"]:
        out.append(DEFAULTS["default"][comp])
    return out


STILL_CAMERA_PHRASE = "static camera, locked-off tripod shot"

# Environment anchors for a place the prompt names (consistency: "anchor the environment with a
# few fixed, distinctive features"). First match wins; each is checked against the prompt's facts.
ENVIRONMENT: list[tuple[str, list[str]]] = [
    (r"\b(?:beach|shore|coast)\b", ["on wet sand with gentle surf behind"]),
    (r"\b(?:street|streets|alley|avenue|sidewalk|city|town)\b",
     ["past worn cobblestones and shopfronts"]),
    (r"\b(?:forest|woods|woodland|jungle)\b",
     ["among snow-laden pines", "among moss-covered pine trunks and ferns"]),
    (r"\b(?:meadow|field|fields|grass|lawn|prairie)\b",
     ["in tall grass scattered with wildflowers", "in tall pale grass"]),
    (r"\b(?:mountain|mountains|hill|hills|valley|canyon|cliff)\b",
     ["below rocky slopes and distant ridgelines"]),
    (r"\b(?:ocean|sea|waves)\b", ["with rolling waves stretching to the horizon"]),
    (r"\b(?:lake|river|pond|stream)\b", ["among reeds along the water's edge"]),
    (r"\b(?:desert|dunes?)\b", ["across rippled dunes stretching to the horizon"]),
    (r"\b(?:snow|snowy|tundra|glacier)\b", ["in deep untouched snowdrifts"]),
    (r"\b(?:garden|park|backyard)\b", ["beside flower beds and a gravel path"]),
    (r"\b(?:kitchen)\b", ["beside copper pans and a worn wooden counter"]),
    (r"\b(?:room|bedroom|apartment|living room|loft|nursery|study)\b",
     ["among sparse furniture and a worn rug"]),
    (r"\b(?:studio)\b", ["against a seamless grey backdrop"]),
    (r"\b(?:stage|theater|theatre)\b", ["before dark velvet curtains"]),
    (r"\b(?:office)\b", ["among rows of desks and glass partitions"]),
    (r"\b(?:cafe|café|restaurant|bar|diner)\b", ["among small tables and warm pendant lamps"]),
    (r"\b(?:underwater|reef|seabed)\b", ["among swaying kelp and coral"]),
    (r"\b(?:rooftop|skyline)\b", ["beneath water towers and a city skyline"]),
    (r"\b(?:space|planet|orbit)\b", ["against distant stars scattered across the black"]),
    (r"\b(?:table|desk)\b", ["in a quiet kitchen", "in a quiet room"]),
]


ANCHOR_INDOORS = "among a few fixed, distinctive furnishings"
ANCHOR_OUTDOORS = "with a few fixed landmarks holding the background steady"
ANCHOR_ANYWHERE = "with a few fixed, distinctive details in the background"
"""For a place no anchor above knows: fixed features of it, on the side of the wall it is on."""


def _environment_details(low: str) -> list[str]:
    for pattern, phrases in ENVIRONMENT:
        if may_find(re.compile(pattern), low) and re.search(pattern, low):
            return phrases
    return []


# Concrete appearance for a plain subject (prompt-structure: "a gray-bearded fisherman in a yellow
# oilskin, not a man"); for people it is wardrobe, their consistency anchor.
PERSON_WEAR = [
    (r"\b(?:winter|snow|snowy|cold|frost)\b", "in a red wool coat and a grey knit scarf"),
    (r"\b(?:beach|summer|desert|tropical|pool)\b", "in a loose white linen shirt"),
    (r"\b(?:princess|queen)\b", "in a flowing embroidered silk gown"),
    (r"\b(?:prince|king|knight)\b", "in a deep-blue velvet cloak"),
    (r"\b(?:dance|dancer|dances|dancing|ballet|stage)\b", "in a flowing deep-red dress"),
    (r"\b(?:run|runs|running|runner|athlete|sprint|jog|jogging)\b",
     "in a bright orange running jacket"),
    (r"", "in a dark green canvas jacket"),
]
INSECT = r"\b(?:ants?|spiders?|bees?|beetles?|insects?|dragonfl(?:y|ies)|moths?)\b"
ANIMAL_LOOK: list[tuple[str, str, str]] = [
    (INSECT, "with a glossy segmented body", "with a glossy segmented body"),
    (r"\b(?:fox)\b", "with thick russet fur", "with thick fur"),
    (r"\b(?:cats?|kitten)\b", "with striped grey tabby fur", "with soft thick fur"),
    (r"\b(?:dogs?|puppy)\b", "with a glossy golden coat", "with a glossy coat"),
    (r"\b(?:horses?|foal)\b", "with a glossy chestnut coat", "with a glossy coat"),
    (r"\b(?:wolf|wolves)\b", "with thick grey fur", "with thick fur"),
    (r"\b(?:snake|lizard|frog|dragon)\b", "with glistening patterned skin",
     "with glistening skin"),
    (r"\b(?:birds?|sparrow|robin|finch)\b", "with finely detailed brown feathers",
     "with finely detailed feathers"),
    (r"\b(?:birds?|sparrow|robin|finch|eagle|hawk|owl|crow|raven|parrot|swans?|ducks?|geese|"
     r"seagull|gulls?|pigeon)\b", "with finely detailed feathers", "with finely detailed feathers"),
    (r"\b(?:fish|koi|shark|whales?|dolphins?|turtle|seal|otter|octopus|jellyfish)\b",
     "its skin catching flickers of light", "its skin catching flickers of light"),
    (r"\b(?:butterfl(?:y|ies))\b", "with delicate orange-and-black wings", "with delicate wings"),
    (r"", "with a thick textured coat", "with a thick textured coat"),
]
"""An animal's look by its head noun: the look of the plain kind, and the same look without
its colouring (coat colour, stripes, pattern) for a subject that fixes its own
(`_own_colouring`): "a black cat" is not given grey tabby stripes, nor "an arctic fox" a
red fox's russet fur."""


def _own_colouring(subject: str) -> bool:
    """Does the subject fix its colouring? It names a colour ("a black cat", "a snow-white
    owl"), or a narrower kind than its head noun, whose coat is its own: a two-word kind of the
    head by WordNet ("an arctic fox", "a snow leopard") or a modifier that is itself a kind of
    the head ("a fennec fox")."""
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", subject)
    if any(w in HUES for w in words):
        return True
    heads = phrase_heads(subject, 1)
    if not heads:
        return False
    *modifiers, last = heads[0].split()
    kind = kind_chain(last)
    if not kind:
        return False
    if modifiers:
        return kind[0] in kind_chain(heads[0])[1:]
    before = words[:words.index(last)] if last in words else []
    return any(kind[0] in kind_chain(w)[1:] for w in before[-2:] if w not in DETERMINERS)


def _dressed(a: Analysis) -> bool:
    """Does the prompt already dress its subject (a wardrobe anchor, a garment WEARS lists or
    one WordNet files as clothing)? Then no garment is added on top of the author's."""
    return a.has(C.CONSISTENCY) or bool(search_lower(WEARS, a.prompt.lower())) or \
        dressed_by_kind(a.prompt)


def _subject_details(subject: str, low: str, ctx: Context, group: bool = False,
                     dressed: bool = False, written: str = "") -> list[str]:
    """Appearance detail for the subject's own words (prompt-structure: concrete material and
    texture): wardrobe for one person, coat or texture for one animal, one shared look for a
    group (`group`: one costume would not fit them all, a palette of clothes does), texture
    for a product, a surface for a still thing. A person named by a role (`_dressed_by_role`:
    an astronaut, a nurse, a soldier) wears what the role says: only a garment the role's own
    word asks for (a dancer's dress), never one chosen by the season or the fallback, and
    otherwise an anchor that is not clothing (`ROLE_LOOK`). A person the prompt already
    dresses (`dressed`: "a woman in a pink hat") gets no garment at all, only that anchor,
    and none where the prompt says what is on their head."""
    fams = [name for name, pattern in FAMILIES if re.search(pattern, subject)]
    if not fams and families_of(subject, written or subject)[:1] == ["person"]:
        # a person by WordNet or word formation ("a mechanic", "a kayaker"), read from the
        # subject as written: a capitalised word ("Persian" kittens) is a name, not a person
        fams = ["person"]
    if "person" in fams and dressed:  # the author's wardrobe stands: a face's frame at most
        return [] if group or _has(HEAD_WORDS, low) else [ROLE_LOOK]
    role = "person" in fams and _dressed_by_role(subject)
    if group and "person" in fams:
        return [] if role else [GROUP_WEAR]
    animal = bool(set(fams) & {"animal", "bird", "water"})
    if animal and _has(COVERING, low):
        return []  # the author says its coat ("with snow leopard-like fur"): not a second one
    table = _animal_looks(subject) if animal else [] if group else \
        PERSON_WEAR if "person" in fams else []
    found = [phrase for pattern, phrase in table
             for text in [subject if animal or role else low]
             if (pattern or not role) and may_find(re.compile(pattern), text)
             and re.search(pattern, text)]
    if found:
        return [_plural_look(p) for p in found] if group else found
    if role:
        return [] if _has(HEAD_WORDS, low) else [ROLE_LOOK]
    if "vehicle" in fams:
        return ["with glossy paint and chrome trim"] if _on_wheels(subject) else []
    if "product" in fams and not set(fams) & LIVING_FAMILIES:
        return [PRODUCT_TEXTURE]
    if ctx.still_subject and not _a_kind_of(subject, "organism", 1):
        return ["with a worn finely textured surface"]  # a thing's, not a flower's or a body's
    return []


_ROLE_KINDS = ("worker", "professional", "defender", "traveler", "explorer", "adventurer",
               "contestant", "entertainer", "leader", "warrior", "religious person", "expert")
"""WordNet's kinds of person by what they do (an occupation, a calling, a sport, a journey),
the classes whose members dress for it: a mechanic, a nurse, a firefighter, an astronaut, a
skier, a dancer, a knight, a monk."""


@lru_cache(maxsize=1)
def _role_synsets() -> frozenset[int]:
    return frozenset(chain[0] for word in _ROLE_KINDS for chain in [kind_chain(word)] if chain)


@lru_cache(maxsize=512)
def _dressed_by_role(subject: str) -> bool:
    """Is the subject's head a person named by what they do (`_ROLE_KINDS`, by WordNet)? An
    astronaut, a nurse, a firefighter, a knight or a mechanic already wears what the role says;
    a garment chosen for them would contradict it (an astronaut "in casual everyday clothes").
    A person named by age, sex, kinship or a relation (a woman, a boy, a mother, two friends)
    is not."""
    heads = phrase_heads(subject, 1)
    if heads and unlisted_person(heads[0].split()[-1]):
        return True  # "a kayaker": named by what they do
    chain = kind_chain(heads[0]) if heads else ()
    person = person_synset()
    return person in chain and bool(set(chain[:chain.index(person)]) & _role_synsets())


def _animal_looks(subject: str) -> list[tuple[str, str]]:
    """ANIMAL_LOOK's (pattern, phrase) pairs; for an animal that fixes its own colouring, the
    phrases without theirs."""
    plain = _own_colouring(subject)
    return [(pattern, plain_look if plain else look) for pattern, look, plain_look in ANIMAL_LOOK]


COVERING = (r"\b(?:fur|furry|coats?|feathers?|feathered|plumage|scales|scaly|skin|hide|wool|"
            r"woolly|fleece|mane|shell|quills|spines|stripes|striped|spots|spotted|markings)\b")
"""What an animal's body is covered with, the closed class ANIMAL_LOOK's phrases say: a
prompt that names its subject's covering already gives the look."""
GROUP_WEAR = "in casual everyday clothes in muted earth tones"
ROLE_LOOK = "with short dark hair"
"""The identity anchor for one person dressed by their role: a face's frame, not a garment
that might contradict the role's own clothes."""
HEAD_WORDS = (r"\b(?:hair\w*|bald\w*|blond\w*|brunettes?|redheads?|ginger|beard\w*|shaved|"
              r"shaven|buzz ?cut|ponytails?|braids?|curls|dreadlocks|afro|hijabs?|turbans?|"
              r"helmets?|hoods?|hooded|veil\w*|hats?|caps?|wigs?|headbands?|bandanas?|beanies?|"
              r"berets?|crowns?|tiaras?|headscarf|headscarves|bonnets?)\b")
"""Words that already say what is on a person's head (hair, its colour or its absence, a head
covering): `ROLE_LOOK` would contradict or hide under them."""
PRODUCT_TEXTURE = "with crisp, finely detailed texture"
LIVING_FAMILIES = frozenset({"person", "animal", "bird", "water"})


def _plural_look(phrase: str) -> str:
    """An animal's look said of a group: "with a glossy golden coat" -> "with glossy golden
    coats", "its skin" -> "their skin"."""
    if phrase.startswith("its "):
        return "their " + phrase[4:]
    if not phrase.startswith("with a "):
        return phrase
    words = phrase[len("with a "):].split()
    last = words[-1]
    words[-1] = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return "with " + " ".join(words)


# One small secondary beat after the main action (pacing-and-time: "one main action per 5 seconds,
# with at most one small secondary beat").
BEATS: dict[str, str] = {
    "person": "then pauses and turns to glance at the camera",
    "animal": "then pauses, ears pricked, and looks around",
    "bird": "then settles, wings folding neatly",
    "water": "then turns slowly with a flick of its tail",
}


BEATS_PLURAL: dict[str, str] = {
    "person": "then they pause and glance at each other",
    "animal": "then they pause, ears pricked, and look around",
    "bird": "then they settle, wings folding neatly",
    "water": "then they turn together with a flick of their tails",
}
"""The same beats for a plural subject ("two cats", "a man and a woman")."""


def _beats(ctx: Context, low: str = "", plural: bool = False, subject: str = "") -> list[str]:
    """One small beat for the subject's family; the water family's flick of a tail only for a
    subject with a tail (`_tailless`: not a jellyfish or an octopus)."""
    families = [f for f in ctx.families if f != "water" or not _tailless(subject)]
    if plural:
        return [BEATS_PLURAL[f] for f in families if f in BEATS_PLURAL][:1]
    if _has(INSECT, low):
        return ["then turns, antennae twitching"]
    return [BEATS[f] for f in families if f in BEATS][:1]


def _tailless(subject: str) -> bool:
    """An animal that is not a vertebrate by WordNet (a jellyfish, a starfish) has no tail to
    flick, nor one whose most frequent sense is the meat of a sea invertebrate (`_sea_meat`:
    an octopus, a squid). A head unknown, or whose most frequent sense is not an animal at all
    (the table's "whale" is a large person), keeps the beat."""
    if _a_kind_of(subject, "animal", 1):
        return not _a_kind_of(subject, "vertebrate", 1)
    return _sea_meat(subject)


@lru_cache(maxsize=512)
def _sea_meat(subject: str) -> bool:
    """Is the subject's head filed by WordNet, in its most frequent sense, straight under
    seafood or shellfish: the meat of an octopus, a squid, a lobster or a mussel? Those are
    invertebrates; a fish's flesh has its own class under seafood (a trout, an eel), so a fish
    is not one of them."""
    heads = phrase_heads(subject, 1)
    chain = kind_chain(heads[0]) if heads else ()
    meats = {node for word in ("seafood", "shellfish") for node in kind_chain(word)[:1]}
    return len(chain) > 1 and chain[1] in meats


_ABOARD = r"\b(?:in|on|aboard|inside|into|onto)\s+(?:(?:a|an|the|his|her|their|its)\s+)?" \
    r"(?:[\w'-]+\s+){0,2}"
"""The words that put a subject in or on what follows ("sitting in a small boat", "on a
motorcycle")."""


def _in_use(vehicle: str, low: str, ctx: Context, verbs: str) -> bool:
    """Is the vehicle `vehicle` (a pattern) names where the scene is? It is when a vehicle is
    the subject ("a red sports car", "a rocket lifts off"), the subject travels (its verb is
    one of travel, CAMERA_BY_VERB's first family: "a bear driving a car") or is in or on it
    ("a man sitting in a boat"). A vehicle the subject only works on, stands by or lies under
    ("a mechanic under a car") does not take the scene onto a road, into the sky or a
    harbour."""
    if not _has(vehicle, low):
        return False
    if ctx.family == "vehicle" or (verbs and re.search(
            r"\b(?:" + CAMERA_BY_VERB[0][0] + ")", verbs)):
        return True
    return _has(_ABOARD + vehicle[len(r"\b"):], low)


def _settings(low: str, ctx: Context, indoors: bool, outdoors: bool,
              verbs: str = "") -> list[str]:
    """A plausible place for the subject, inside what the prompt implies; a vehicle's road,
    sky or harbour only where the vehicle is in use (`_in_use`)."""
    out: list[str] = []
    winter = ctx.facts.get("season") == frozenset({"winter"})
    if _has(WILD, low):
        out += ["in a quiet snow-covered pine forest"] if winter else []
        out += ["in a quiet forest clearing", "at the edge of a pine forest"]
    if _has(SAVANNA, low):
        out.append("on the open savanna")
    if _has(PET, low):  # a pet's place, like a person's, only on the side the prompt says
        out += ["in a quiet backyard garden"] if outdoors else \
            ["in a cozy living room"] if indoors else []
    if _has(FARM, low):
        out.append("in an open meadow by a wooden fence")
    if _in_use(ROAD_VEHICLE, low, ctx, verbs):
        out.append("on an empty winding coastal road")
    if _in_use(AIR_VEHICLE, low, ctx, verbs):
        out.append("high above a layer of clouds")
    if _in_use(SPACE_VEHICLE, low, ctx, verbs):
        out.append("against the black of outer space")
    if _in_use(BOAT, low, ctx, verbs):
        out.append("across a calm harbor")
    if _has(FOOD, low):
        out.append("on a rustic wooden table")
    if "person" in ctx.families:  # a person's place only on the side of the wall the prompt says
        if indoors:
            out.append("in a quiet sparsely furnished apartment")
        elif outdoors:
            out += ["on a quiet city street", "on a quiet tree-lined path"]
    if outdoors:
        out.append("in an open landscape")
    return out


INVENTED = ("season", "weather")
"""Dimensions a phrase may not introduce on its own: snow or rain the author never mentioned would
change the scene."""
TIMED_KINDS = frozenset({"landscape"})
"""Kinds whose need is a time of day (lighting-and-color: a landscape is defined by its time of
day). Elsewhere a phrase may not introduce a time the prompt leaves open: the prompt may fix one
in words the fact reader does not know ("under a full moon", "lantern-lit"), and a light without
a time (a source, a direction, a quality) is what the model needs anyway."""


def _fits(phrase: str, a: Analysis, ctx: Context, comp: C | None = None,
          traits: Traits | None = None) -> bool:
    """A phrase may join the prompt only if it contradicts nothing the prompt fixes
    (consistency.conflicts: its facts, what it excludes, its subject, look, framing, stillness
    and language) and invents no season or weather, nor a time of day unless the prompt's kind
    asks for one."""
    t = traits or traits_of(a, ctx)
    low = phrase.lower()
    if conflicts(t, phrase, comp) or not _body_fits(low, ctx.families):
        return False
    if _ON_LAND.search(low) and _in_water(a.text(C.SUBJECT) or "", ctx):
        return False
    timed = bool(TIMED_KINDS & set(ctx.kinds))
    for m in mentions_in(low):
        if ctx.facts.stated(m.dimension):
            continue
        if m.dimension in INVENTED or (m.dimension == "time_of_day" and not timed):
            return False
    return True


def phrase_for(comp: C, a: Analysis, ctx: Context, verbs: str,
               traits: Traits | None = None) -> str | None:
    """The first candidate phrase for `comp` that agrees with the prompt, or None; a motion or
    beat that only clashes by saying a speed the prompt already gives is taken without it."""
    t = traits or traits_of(a, ctx)
    for phrase in _candidates(comp, a, ctx, verbs):
        if _fits(phrase, a, ctx, comp, t):
            return phrase
        bare = without_speed(phrase) if t.speed and comp in (C.MOTION, C.ACTION) else None
        if bare and _fits(bare, a, ctx, comp, t):
            return bare  # the prompt gives the speed: the phrase keeps only its physics
        head = _fitting_head(phrase, a, ctx, comp, t)
        if head:
            return head
    return None


def _fitting_head(phrase: str, a: Analysis, ctx: Context, comp: C, t: Traits) -> str | None:
    """The phrase without its trailing comma parts that put the subject's feet on the ground
    (`_GROUNDED`), when those are what clash: "accelerating steadily from left to right, dust
    kicking up behind" is a speedboat's as "accelerating steadily from left to right", "at full
    speed toward the camera, feet striking the ground heavily" as "at full speed toward the
    camera". A phrase made for another body (wings beating, fabric flaring) is refused whole:
    its movement is that body's."""
    parts = phrase.split(", ")
    end = len(parts)
    while end > 1 and _GROUNDED.search(parts[end - 1].lower()):
        end -= 1
    if end == len(parts):
        return None
    head = ", ".join(parts[:end])
    return head if _fits(head, a, ctx, comp, t) else None


def strip_spam(text: str) -> str:
    low = text.lower()
    if len(low) != len(text) or search_lower(QUALITY_SPAM, low):
        text = compiled(QUALITY_SPAM).sub("", text)
    return _tidy(text)


_COMMA_RUN = re.compile(r"(?<!\s)\s*,\s*(?:,\s*)+")
_TWO_COMMAS = re.compile(r",\s*,")
_SPACE_RUN = re.compile(r"\s{2,}")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:])")
_SPACE_BEFORE = (" ,", " .", " ;", " :", "\n,", "\n.", "\n;", "\n:")


def _tidy(text: str) -> str:
    r"""Repeated commas and spaces made one. A run of commas is matched only from the start of
    the spaces before it (`(?<!\s)`, the leftmost match anyway): tried from every space of a
    long run, the pattern read the rest of the run each time.

    Each substitution runs only where it can change something, which most prompts show
    cheaply: a run of commas holds "," then "," with only spaces between (`_TWO_COMMAS`, a
    search that starts with a literal, which the engine finds fast); and in a text whose
    characters are all printable the only whitespace is " " (every other character `\s`
    matches is unprintable), so two spaces in a row, or a space before a mark, are plain
    substrings. Three scans of every position per text were a twentieth of an English
    critique's regex time."""
    if _TWO_COMMAS.search(text):
        text = _COMMA_RUN.sub(", ", text)
    plain = _only_space_and_newline(text)
    if not plain or any(pair in text for pair in _SPACE_PAIRS):
        text = _SPACE_RUN.sub(" ", text)
    if not plain or any(pair in text for pair in _SPACE_BEFORE):
        text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    return text.strip(" ,;")


_SPACE_PAIRS = ("  ", " \n", "\n ", "\n\n")
"""Two whitespace characters in a row, in a text whose only whitespace is " " and "\n"."""


def _only_space_and_newline(text: str) -> bool:
    """Whether the only characters of `text` that `\\s` matches are " " and "\\n" (every other
    is unprintable, and so is "\\n": a prompt of several lines, most long prompts, is
    printable once its line breaks are set aside). Then two whitespace characters in a row
    are one of `_SPACE_PAIRS`, and whitespace before a mark is a space or a line break right
    before it: substring tests where `_SPACE_RUN` and `_SPACE_BEFORE_MARK` scanned every
    character of the text."""
    return text.isprintable() or text.replace("\n", " ").isprintable()


def remove_negations(a: Analysis, text: str, model: ModelProfile | None) -> tuple[str, list[str]]:
    """Take negations out of the prompt; return the text and the positive or negative phrases.

    With a model that has a negative prompt, the excluded things go there (the caller reports
    them); otherwise they are rephrased positively where we know how, and dropped otherwise.
    """
    moved: list[str] = []
    for n in a.negations:
        told = _instruction(a.prompt, n.start)
        if told is not None:  # "do not add people": the instruction and its object go
            span, words = told
            moved.append(words)
            text = text.replace(span, "", 1)
            continue
        negated = n.text
        words = re.sub(r"^(?:no|without|never|not|don't|doesn't|do not|does not|avoid|avoiding|"
                       r"free of|absent|lacking|minus)\s+(?:any\s+|a\s+|the\s+)?", "", negated,
                       flags=re.I)
        more = re.match(r"\s+([A-Za-z]+)\b", a.prompt[n.end:])
        if more and f"{words} {more.group(1)}".lower() in POSITIVE_FOR_NEGATION:
            negated += more.group(0)  # "no camera movement", not "no camera" + "movement"
            words = f"{words} {more.group(1)}"
        if model is not None and model.negative_prompt:
            replacement = ""
        else:
            replacement = POSITIVE_FOR_NEGATION.get(words.lower(), "")
        moved.append(words)
        text = text.replace(negated, replacement, 1)
    return _tidy(text), moved


def _instruction(prompt: str, start: int) -> tuple[str, str] | None:
    """An instruction not to add something ("do not add people", "don't show any text"): the
    span through its object, and the object; None for a plain negation ("no cars")."""
    m = re.match(INSTRUCTION + r"\s+(?:any\s+|a\s+|an\s+|the\s+)?([^,.;:]+)", prompt[start:],
                 flags=re.I)
    return (m.group(0), m.group(1).strip()) if m else None


LEAD = (C.SHOT, C.CAMERA, C.LENS)
"""Framing goes first, so the model commits to the viewpoint before the details
(prompt-structure: a default order)."""
TAIL = (C.ACTION, C.MOTION, C.SETTING, C.LIGHTING, C.COLOR, C.STYLE, C.PACING, C.AUDIO)


def _insert_anchor(base: str, a: Analysis, phrase: str) -> str | None:
    """Put a detail right after the first subject phrase ("a man in a ... jacket"); None when the
    subject's words are not in the text any more (the detail would float, so it is left out)."""
    subjects = a.spans.get(C.SUBJECT) or []
    if not subjects:
        return None
    found = re.search(r"(?<![\w'-])" + re.escape(_to_head(subjects[0].text.lower())) +
                      r"(?![\w-])", base.lower())
    if found is None:
        return None
    end = found.end()
    if _quoted(base, end):
        return None  # words the prompt quotes (a sign's text, a line of dialogue) stay as written
    if not _phrase_ends_at(base, end, a):
        return None
    rest = base[end:]
    if _ABSOLUTE.match(phrase):  # "a jellyfish, its skin catching flickers of light, pulses"
        return f"{base[:end]}, {phrase}{rest}" if _CLOSES.match(rest) else \
            f"{base[:end]}, {phrase},{rest}"
    return f"{base[:end]} {phrase}{rest}"


def _to_head(subject: str) -> str:
    """The subject's words up to its head noun (noun_kinds.phrase_heads) when they go on past
    it with a participle or a verb ("a fencer engaged" -> "a fencer"): a detail put after
    those would split the verb from its object ("a fencer engaged with short dark hair in a
    duel")."""
    heads = phrase_heads(subject, 1)
    if not heads:
        return subject
    at = subject.rfind(heads[0])
    if at < 0:
        return subject
    end = at + len(heads[0])
    rest = subject[end:].split()
    verbal = rest and all(w.endswith(("ed", "ing")) or w in ACTION_VERBS for w in rest)
    return subject[:end] if verbal else subject


_ABSOLUTE = re.compile(r"(?:its|their|his|her) ")
"""A detail that is a clause of its own ("its skin catching flickers of light"), not a
modifier ("with thick fur"): set off by commas inside a sentence."""
_CLOSES = re.compile(r"\s*(?:[,.;:!?)\]]|$)")


_NEXT_WORD = re.compile(r"\s*([\w'\u2019-]*)")


def _phrase_ends_at(base: str, end: int, a: Analysis) -> bool:
    """Does the subject's noun phrase end at `end`, so a detail can follow it? It does before
    punctuation, a preposition or conjunction, an adverb, a participle or a verb ("a man |
    walks", "a woman | with a blue bob", "a fox | curled"); it does not before a possessive or
    a noun the phrase goes on with ("the children|'s ward", "a family| BBQ", "the Apple|
    store"): a detail there would split the phrase. A word it cannot place (a plural subject's
    bare verb: "people move") leaves the detail out rather than risk splitting a phrase."""
    rest = base[end:]
    if rest[:1] in ("'", "\u2019"):
        return False
    if re.match(r"\s+of\b", rest):
        return False  # "a family | of four", "a herd | of elephants": the phrase goes on
    word = _NEXT_WORD.match(rest)
    nxt = word.group(1).lower() if word else ""
    if not nxt or not nxt[0].isalpha():
        return True
    if nxt == "and" and _bare_second_noun(rest):
        return False  # "a cat | and dog", "a bride | and groom": one phrase of two nouns
    if nxt in PHRASE_ENDS or nxt.endswith(("ly", "ing", "ed")) or nxt in ACTION_VERBS:
        return True
    if any(s.text.lower().split()[:1] == [nxt] for s in a.actions + a.spans.get(C.ACTION, [])):
        return True
    # a singular subject's verb in the present ("a watch ticks", "a woman waits")
    head = base[:end].rsplit(None, 1)[-1].lower()
    return nxt.endswith("s") and not nxt.endswith("ss") and not head.endswith("s")


_AND_WORD = re.compile(r"\s*and\s+([a-z]+)\b")


def _bare_second_noun(rest: str) -> bool:
    """Does `rest` go on "and" + a noun with no determiner ("and dog", "and groom"), the second
    half of one noun phrase? A verb's -s form ("and reads") is not one."""
    m = _AND_WORD.match(rest.lower())
    if not m:
        return False
    word = m.group(1)
    return word not in DETERMINERS and bare_noun(word)


def _quoted(text: str, at: int) -> bool:
    """Is offset `at` inside a quotation ("a sign saying "Open 24h"")?"""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


class Dialect(Protocol):
    """Puts a prompt into a model's dialect: `bot.core.dialects.translate`, handed in by the
    engine (the critique package may not import the dialects, which import it)."""

    def __call__(self, prompt: str, to_model: str, /) -> Any: ...


def rewrite(a: Analysis, model: ModelProfile | None = None, weak_style: bool = False,
            strength: Strength | str = Strength.STANDARD, dialect: Dialect | None = None,
            the_plan: Plan | None = None, require: list[C] | tuple[C, ...] = ()
            ) -> RewriteResult:
    """The prompt with what it needs added (see `needs.plan`); with a model and a `dialect`,
    in that model's dialect."""
    p = the_plan or plan(a, model, strength, weak_style=weak_style, require=require)
    ctx = p.context
    assert ctx is not None
    base, excluded = _base_text(a, model, weak_style)
    verbs = _verbs(a)
    chosen: dict[C, tuple[str, Need]] = {}
    traits = traits_of(a, ctx)
    for need in p.needs:
        phrase = _audio_phrase(ctx) if need.component == C.AUDIO else \
            phrase_for(need.component, a, ctx, verbs, traits)
        if phrase and need.component == C.AUDIO and conflicts(traits, phrase, C.AUDIO):
            phrase = None
        if phrase:
            chosen[need.component] = (phrase, need)
    for comp in (C.SUBJECT, C.CONSISTENCY):
        if comp in chosen:
            anchored = _insert_anchor(base, a, chosen[comp][0])
            if anchored is None:
                del chosen[comp]
            else:
                base = anchored
    lead = [chosen[c][0] for c in LEAD if c in chosen]
    order = TAIL if not ctx.has_action else (C.MOTION, C.ACTION, *TAIL[2:])
    tail = [chosen[c][0] for c in order if c in chosen]
    head = ", ".join(lead)
    text = f"{head[0].upper() + head[1:]}: {base[0].lower() + base[1:] if base else ''}" \
        if head else base
    if tail:
        text = f"{text}, {', '.join(tail)}"
    text = _tidy(text) + "."
    additions = [Addition(text=phrase, component=need.component, reason=need.reason,
                          guide=need.guide) for phrase, need in
                 (chosen[n.component] for n in p.needs if n.component in chosen)]
    negative = ", ".join(excluded) if excluded and model and model.negative_prompt else None
    if model is not None and dialect is not None:
        text, additions, negative = _in_dialect(text, additions, negative, model, dialect)
    return RewriteResult(text=text, additions=additions, negative=negative, plan=p)


def _base_text(a: Analysis, model: ModelProfile | None,
               weak_style: bool) -> tuple[str, list[str]]:
    """The author's words the additions join: spam and negations taken out (the excluded
    things returned), a lone 'cinematic' too where it is the prompt's only style."""
    base = strip_spam(a.prompt)
    if weak_style:
        base = _tidy(re.sub(r"\bcinematic\b", "", base, flags=re.I))
    base, excluded = remove_negations(a, base, model)
    base = base.rstrip(".")
    if base:
        base = base[0].upper() + base[1:]
    return base, excluded


def _verbs(a: Analysis) -> str:
    """The first subject's verbs (their cues where the analysis has them): what the motion,
    the camera and the pacing phrases are chosen by."""
    return " ".join(s.cue or s.text for s in subject_verbs(a)).lower()


def writable(a: Analysis, ctx: Context, components: list[C] | tuple[C, ...]) -> frozenset[C]:
    """Which of `components` the offline rewrite can write for this prompt: a phrase that fits
    it (`phrase_for`), and for the subject's look or anchor, a place right after the subject's
    words (`_insert_anchor`). A component it cannot write is never added, so the need model
    (benchmarks/rewrite_needs_fit.py) counts it as closed: its add rate is then matched to the
    experts' on the prompts where it can be added, not lost on those where it cannot."""
    base, _ = _base_text(a, None, False)
    verbs = _verbs(a)
    traits = traits_of(a, ctx)
    out: set[C] = set()
    for comp in components:
        if comp == C.AUDIO:
            out.add(comp)  # `_audio_phrase` always has one
            continue
        phrase = phrase_for(comp, a, ctx, verbs, traits)
        if phrase is None:
            continue
        if comp in (C.SUBJECT, C.CONSISTENCY) and _insert_anchor(base, a, phrase) is None:
            continue
        out.add(comp)
    return frozenset(out)


def _audio_phrase(ctx: Context) -> str:
    if ctx.facts.only("weather", "rain"):
        return "the steady hiss of rain and distant city ambience"
    return "natural ambient sound of the place, soft and close"


def _in_dialect(text: str, additions: list[Addition], negative: str | None,
                model: ModelProfile, dialect: Dialect) -> tuple[str, list[Addition], str | None]:
    """The rewrite in the target model's order, vocabulary, camera syntax and limits, by the
    translator itself (dialect-translation), so the rewrite and `translate` never disagree."""
    t = dialect(text, model.id)
    have = {x.component for x in additions}
    for change in t.changes:
        if change.action != "added" or not change.after:
            continue
        try:
            comp = C(change.component)
        except ValueError:
            continue
        if comp not in have:
            additions.append(Addition(text=change.after, component=comp, reason=change.why,
                                      guide="dialect-translation"))
            have.add(comp)
    dropped = {d.text for d in t.dropped}
    additions = [x for x in additions if x.text not in dropped]
    parts = [p for p in (negative, t.negative_prompt) if p]
    merged = ", ".join(dict.fromkeys(s.strip() for p in parts for s in p.split(",") if s.strip()))
    return t.prompt, additions, merged or None
