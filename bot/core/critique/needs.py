"""What this prompt needs, decided before anything is added.

An expert does not fill every slot: a still subject wants light, setting and lens before a camera
move; an action wants motion physics and a camera that serves it; a landscape wants its time of
day and its scale; a person wants wardrobe and a consistency anchor. Those needs are written below
as data (`RULES`), one list per kind of prompt, each entry citing the guide section that teaches
it. A prompt can be several kinds at once ("a woman runs along a beach": a person and an action);
their lists are merged by rank. The rewrite adds the needs in that order, and the critique's
suggestions are the same list, so the two always agree.

Strengths: `light` adds the two most valuable needs, `standard` (the default) the needs this kind
of prompt has, `full` also every other missing component the prompt's stillness allows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from bot.core import cached_re as re
from bot.core.critique import need_rates
from bot.core.critique.analysis import is_a_verb, search_lower
from bot.core.critique.components import COMPONENTS
from bot.core.critique.components import Component as C
from bot.core.critique.consistency import HUES, without_exclusions
from bot.core.critique.facts import DAYTIME, IN, OUT, Facts, facts_of
from bot.core.critique.lexicon import ACTION_VERBS
from bot.core.critique.results import Addition, Analysis, Span
from bot.core.knowledge import ModelProfile
from bot.core.noun_kinds import PHRASE_ENDS, head_synset, is_a_person, kind_chain, phrase_heads

NATIVE = ("zh", "es", "ja")
"""Languages read with their own lexicon: their context comes from it (native_rewrite)."""

WEAK = 0.5
"""A component carried only by words weaker than this ('cinematic') still counts as a need."""


class Strength(StrEnum):
    LIGHT = "light"
    STANDARD = "standard"
    FULL = "full"


STRENGTHS: tuple[str, ...] = tuple(s.value for s in Strength)
LIGHT_COUNT = 2
"""`light` adds only this many parts: the ones worth most for this prompt."""

# What the subject is, guessed from its words; a prompt may match several.
FAMILIES: list[tuple[str, str]] = [
    ("abstract", r"\b(?:ink|paint|liquid|fluid|particles|smoke|abstract|shapes|geometry|"
                 r"droplets|drops|bubbles|crystals|fractal|patterns|confetti|embers|sparks)\b"),
    ("bird", r"\b(?:birds?|eagles?|hawks?|owls?|crows?|ravens?|sparrows?|pigeons?|parrots?|"
             r"seagulls?|gulls?|flock|swans?|ducks?|geese|goose|hummingbirds?|flamingos?|"
             r"penguins?|butterfl(?:y|ies)|bees?|dragonfl(?:y|ies)|moths?)\b"),
    ("water", r"\b(?:fish|koi|sharks?|whales?|dolphins?|jellyfish|octopus|turtles?|tortoise|"
              r"crabs?|seals?|otters?)\b"),
    ("animal", r"\b(?:cats?|kittens?|dogs?|pupp(?:y|ies)|corgis?|retrievers?|terriers?|poodles?|"
               r"labradors?|huskies|husky|beagles?|bulldogs?|horses?|foals?|fox|foxes|"
               r"wolf|wolves|bears?|deer|stags?|elk|moose|rabbits?|hares?|squirrels?|mouse|"
               r"mice|rats?|hamsters?|lions?|lioness|tigers?|leopards?|cheetahs?|panthers?|"
               r"jaguars?|elephants?|giraffes?|zebras?|rhinos?|hippos?|gorillas?|monkeys?|"
               r"apes?|chimps?|chimpanzees?|pandas?|koalas?|kangaroos?|snakes?|lizards?|"
               r"chameleons?|frogs?|spiders?|ants?|dragons?|phoenix|unicorns?|cows?|sheep|"
               r"goats?|pigs?|chickens?|roosters?|herd|crocodiles?|alligators?|creatures?|"
               r"mammoths?|dinosaurs?|teddy bear)\b"),
    ("vehicle", r"\b(?:car|cars|truck|trucks|bus|train|tram|motorcycle|bike|bicycle|boat|ship|"
                r"sailboat|yacht|canoe|kayak|submarine|plane|airplane|jet|helicopter|rocket|"
                r"spaceship|spacecraft|starship|satellite|suv|speedboat|taxi|tank)\b"),
    ("product", r"\b(?:bottle|perfume|watch|wristwatch|sneakers?|shoes?|phone|smartphone|"
                r"product|mug|cup|teapot|burger|pizza|sushi|cake|bread|croissant|cocktail|"
                r"wine|chocolate|dish|noodles|dumplings|steak|fruit|apple|lemon|vase|bowl|"
                r"plate|candle|lantern|clock|book|guitar|violin)\b"),
    ("landscape", r"\b(?:forest|mountains?|valley|desert|ocean|sea|lake|waterfall|canyon|"
                  r"glacier|meadow|field|coast|beach|volcano|aurora|landscape|skyline|"
                  r"iceberg|cave|peak|summit|fjord|tundra)\b"),
    ("person", r"\b(?:woman|women|man|men|girls?|boys?|child|children|kids?|bab(?:y|ies)|"
               r"toddlers?|teenagers?|person|people|someone|couple|family|crowd|dancers?|"
               r"ballerina|astronauts?|soldiers?|knights?|warriors?|samurai|ninja|wizard|"
               r"witch|queen|king|princess|prince|detective|chefs?|cook|waiter|barista|"
               r"musicians?|guitarist|drummer|singer|violinist|pianist|painter|artist|"
               r"sculptor|skaters?|skateboarders?|surfers?|skiers?|snowboarders?|runners?|"
               r"athletes?|boxers?|fencers?|climbers?|cyclists?|rider|driver|pilot|sailor|"
               r"fisherman|farmer|monk|nun|priest|scientists?|doctor|nurse|surgeon|students?|"
               r"teacher|workers?|mother|father|grandmother|grandfather|lady|gentleman|actor|"
               r"actress|hiker|hikers|traveler|explorer|wanderer|stranger|figure|character|"
               r"protagonist|hero|heroine|villain|vendor|player|players|friends|tourists|"
               r"pedestrians|commuters?|twins|siblings|mermaid|elf|fairy|ghost|zombie|vampire)\b"),
]
LIVING = frozenset({"bird", "water", "animal", "person"})

# Stillness the prompt asks for. The camera kind keeps the camera still; the subject kind also
# keeps the subject still (no motion, no action, no pacing phrase is added).
STILL_CAMERA = (r"static|static camera|static shot|locked[- ]off|locked shot|tripod|fixed camera|"
                r"still camera|stationary camera|camera (?:stays|remains|holds) still|"
                r"no camera movement|motionless camera")
STILL_SUBJECT = (r"frozen in time|frozen moment|still life|still-life|stillness|motionless|"
                 r"unmoving|perfectly still|completely still|stands? still|standing still|"
                 r"time stands still|suspended in time|freeze[- ]frame|frozen in place|"
                 r"frozen mid-?air|frozen in mid-?air|photograph|photo of|portrait of|still frame|"
                 r"still shot|still image|"
                 r"diorama|sculpture|statue")

# Verbs of posture: a subject that only sits, stands or sleeps is still, whatever its kind.
POSTURE = (r"^(?:sit|sits|sitting|seated|stand|stands|standing|sleep|sleeps|sleeping|asleep|lie|"
           r"lies|lying|rest|rests|resting|perch|perches|perched|pose|poses|posing|wait|waits|"
           r"waiting|lean|leans|leaning|kneel|kneels|kneeling|gaze|gazes|gazing|stare|stares|"
           r"staring)$")

WEARS = (r"wearing|dressed in|dressed as|(?:in|with) (?:a |an |his |her |their )?(?:[\w'-]+ ){0,3}"
         r"(?:dress|coat|jacket|sweater|hoodie|shirt|suit|uniform|gear|hat|cap|robe|gown|"
         r"armou?r|costume|kimono|scarf|sunglasses|gloves|boots)|sweater|hoodie|uniform|"
         r"costume")
"""The prompt already dresses its subject: no wardrobe is added on top."""
_DRESS_PHRASE = re.compile(r"\b(?:in|wearing|dressed in) (?:a |an |his |her |their )?"
                           r"((?:[A-Za-z'-]+ ){0,3}[A-Za-z'-]+)")
_NOT_A_NAME = re.compile(r"[a-z]+(?<!ing)(?<!ed)(?<!ly)")
HUE_WORDS = frozenset(HUES.split("|")) | {"black", "white", "grey", "gray", "silver", "ivory", "cream"}
"""Colour words after which a word the dictionary does not know is taken for a garment."""


def dressed_by_kind(prompt: str) -> bool:
    """The prompt dresses someone in a garment WEARS does not list: a noun (or a two-word noun)
    whose most frequent WordNet sense is a kind of clothing ("in a sari", "wearing a kilt", "in
    scrubs", "with taped hands and a black tank top"), or, after "in" or "wearing", a word the
    dictionary does not know right after a colour ("in a red qipao", "in a blue hanfu": a place,
    vehicle or prop after a colour is a word it knows)."""
    clothing = head_synset("clothing")
    words = _PLAIN_WORD.findall(prompt.lower())
    for word, after in zip(words, [*words[1:], ""], strict=True):
        if clothing in kind_chain(word) or (after and clothing in kind_chain(f"{word} {after}")):
            return True
    for match in _DRESS_PHRASE.finditer(prompt):
        phrase = match.group(1).split()
        for before, word in zip(["", *phrase], phrase, strict=False):
            low = word.lower()
            if low in PHRASE_ENDS:
                break
            if (before.lower() in HUE_WORDS and word.islower() and _NOT_A_NAME.fullmatch(low)
                    and not kind_chain(low)):
                return True
    return False


_PLAIN_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _a_person(subject: str) -> bool:
    """Is the subject's last word a kind of person by its most frequent WordNet sense (a
    woman, a boxer, the wizard), or a person by English word formation where WordNet does
    not list the word (`unlisted_person`: a kayaker)? Only a person's wardrobe is read from
    the garments named."""
    words = _PLAIN_WORD.findall(subject.lower())
    return bool(words) and (is_a_person(words[-1]) or unlisted_person(words[-1]))


@lru_cache(maxsize=2048)
def unlisted_person(word: str) -> bool:
    """A word WordNet does not list, read as a person by English word formation: an agent
    noun, a verb's base + -er ("a kayaker", "a windsurfer", "a rollerblader": one who does
    it), or a closed compound whose last part is a kind of person ("a kitesurfer", "a
    freediver", "a beatboxer"). A listed word keeps its own sense (a "blender" is a machine)."""
    if len(word) < 6 or kind_chain(word):
        return False
    if word.endswith("er"):
        doubled = word[-3] == word[-4]  # "a vlogger": vlog
        if any(base and is_a_verb(base)
               for base in (word[:-2], word[:-1], word[:-3] if doubled else "")):
            return True
    return any(is_a_person(word[at:]) for at in range(2, len(word) - 3))


@lru_cache(maxsize=1024)
def _a_common_person(subject: str) -> bool:
    """`_a_person`, for the head of the subject's first noun phrase ("a bike courier in a yellow
    jacket" is a courier) when it is a common noun: not a capitalised word (a "Persian" kitten)
    nor a colour (WordNet files "grey" as a Confederate soldier)."""
    heads = phrase_heads(subject, 1)
    if not heads or heads[0] in HUE_WORDS or not _a_person(heads[0]):
        return False
    head = heads[0]
    at = subject.lower().find(head)
    if at < 0 or not subject[at:at + len(head)].islower():
        return False
    # the head itself named by a family ("a whale", which WordNet also files as a large
    # person) is that family's; a family word before it ("a bike courier") is not the head
    return not any(search_lower(pattern, head) for _, pattern in FAMILIES)




CLOSE = r"close-?ups?|extreme close-?up|macro|macro shot|detail shot|insert shot"

# A style the prompt names: additions must not pull against it.
ANIMATED = (r"anime|cartoon|animated|animation|claymation|stop[- ]motion|pixar|ghibli|"
            r"pixel art|cel[- ]shaded|watercolou?r|oil painting|illustration|comic|manga|"
            r"low[- ]poly|3d render|cgi|papercraft|paper cut-?out|felt|lego|vector art")
MONOCHROME = r"black[- ]and[- ]white|black & white|monochrome|b&w|grayscale|greyscale"


# A camera that serves the action (camera-language): follow travel, hold still for complex
# motion, pan with flight. Where the action's verb names one of these, the action's camera is
# added whatever its chance (`guide_forced`); rewrite.py writes the phrase.
CAMERA_BY_VERB: list[tuple[str, str]] = [
    (r"walk|stroll|wander|stride|march|run|sprint|jog|race|chase|gallop|drive|ride|skate",
     "smooth tracking shot alongside"),
    (r"fly|soar|glide|swoop", "slow pan following the flight"),
    (r"jump|leap|hop|pounce|dance|spin|twirl|cook|chop|pour|fight|juggle",
     "static camera, locked-off tripod shot"),
]


@dataclass(frozen=True)
class Rule:
    component: C
    reason: str
    guide: str
    """The guide section that teaches it (knowledge/guide/*.md `id`)."""
    core: bool = False
    """The guide names it as this kind's need (a still subject's light, an action's motion):
    added whenever the prompt leaves it open. The others are added when an expert would likely
    add them to this kind of prompt (need_rates), and carry their reason from here."""


# The needs of each kind of prompt, the guide's core needs first. Which of the others a
# `standard` rewrite takes is decided per prompt by need_rates (how often expert rewriters add
# the component to prompts like this one, measured on the dev split of
# benchmarks/data/external/rewrite_pairs.yaml, threshold cross-validated there).
RULES: dict[str, tuple[Rule, ...]] = {
    "still": (
        Rule(C.LIGHTING, "A still subject is shaped by its light: a named source and direction "
             "give every frame the same shadows and highlights.", "lighting-and-color", True),
        Rule(C.SETTING, "With nothing moving, the background is what the eye reads; a place "
             "and a surface keep it from morphing.", "consistency", True),
        # not core: on dev, experts added a lens to a quarter of the still prompts the guide's
        # rule forced one on (16 of 60); the need model decides it (close shots and idle
        # living subjects raise its chance)
        Rule(C.LENS, "For a still subject, focal length and depth of field decide what the "
             "eye notices and hide background drift.", "shot-and-lens"),
        Rule(C.CAMERA, "Held still on purpose: a locked-off camera lets the model spend "
             "everything on the subject instead of inventing a move.", "camera-language"),
        Rule(C.SHOT, "Shot size tells the model how much of the subject and its world to "
             "show.", "shot-and-lens"),
        Rule(C.SUBJECT, "Concrete material and texture make an object specific.",
             "prompt-structure"),
        Rule(C.COLOR, "A named palette keeps colour from drifting.", "lighting-and-color"),
        Rule(C.STYLE, "A concrete look and mood instead of leaving it to chance.",
             "style-and-mood"),
    ),
    "action": (
        Rule(C.MOTION, "Motion is where video fails first: speed, weight and direction keep "
             "the action physically plausible.", "motion-physics", True),
        Rule(C.CAMERA, "A camera that serves the action (following travel, holding still when "
             "the motion is complex) instead of a random drift.", "camera-language", True),
        Rule(C.SETTING, "A place for the action to happen in, so the background does not "
             "morph around it.", "prompt-structure"),
        Rule(C.LIGHTING, "A light source the model can keep stable while things move.",
             "lighting-and-color"),
        Rule(C.SHOT, "Wider shots tolerate more motion and close-ups expose it: the shot "
             "size has to fit the action.", "shot-and-lens"),
        Rule(C.PACING, "The tempo of the action: real time or slow motion.", "pacing-and-time"),
    ),
    "landscape": (
        Rule(C.LIGHTING, "A landscape is defined by its time of day and the light that comes "
             "with it.", "lighting-and-color", True),
        Rule(C.SHOT, "A wide shot establishes the place and its scale.", "shot-and-lens", True),
        Rule(C.MOTION, "Small, repetitive background motion (mist, clouds, water) keeps a "
             "landscape alive without breaking physics.", "motion-physics"),
        Rule(C.CAMERA, "Slow aerial moves are reliable for landscapes and show their scale.",
             "camera-language"),
        Rule(C.STYLE, "A named look and mood for the place.", "style-and-mood"),
        Rule(C.COLOR, "A named palette keeps colour from drifting.", "lighting-and-color"),
    ),
    "person": (
        Rule(C.SUBJECT, "A concrete person: wardrobe with colour and material is what the "
             "model can hold steady across frames (a consistency anchor).", "consistency", True),
        Rule(C.SETTING, "A place and time around the person, so the background does not "
             "morph.", "prompt-structure"),
        Rule(C.ACTION, "One small secondary beat after the main action makes the moment "
             "read as lived, not posed.", "pacing-and-time"),
        Rule(C.LIGHTING, "Light that shapes the face and stays consistent across frames.",
             "lighting-and-color"),
        Rule(C.SHOT, "Shot size decides how much of the person the model must keep "
             "coherent.", "shot-and-lens"),
        Rule(C.STYLE, "A concrete look and mood for the person's moment, backed by the "
             "light and framing.", "prompting-for-feeling"),
        Rule(C.CONSISTENCY, "A fixed identifying detail to repeat in every shot.",
             "consistency"),
    ),
    "idle": (
        Rule(C.ACTION, "A living subject with nothing to do drifts or freezes: video is change "
             "over time, so give it one clear action.", "motion-physics", True),
        Rule(C.MOTION, "Motion is where video fails first: speed, weight and direction keep "
             "the new action plausible.", "motion-physics"),
        Rule(C.CAMERA, "A camera that serves the action instead of a random drift.",
             "camera-language"),
    ),
    "living": (
        Rule(C.SUBJECT, "A concrete animal: colour, coat and texture keep it the same "
             "animal from frame to frame.", "prompt-structure"),
        Rule(C.SETTING, "A habitat or place for the subject, so the background does not "
             "morph.", "prompt-structure"),
        Rule(C.ACTION, "One small secondary beat after the main action (a pause, a look) "
             "makes the motion read as natural.", "motion-physics"),
        Rule(C.LIGHTING, "A light source the model can keep stable.", "lighting-and-color"),
        Rule(C.STYLE, "A concrete look and mood instead of leaving it to chance.",
             "style-and-mood"),
    ),
    "close": (  # core: experts add a lens to 5 of 7 close-ups on dev, a fifth of all prompts
        Rule(C.LENS, "A close shot wants a long lens and shallow depth of field: it flatters "
             "the subject and hides background drift.", "shot-and-lens", True),
    ),
    "abstract": (
        Rule(C.MOTION, "Abstract pieces live on precise motion: speed, direction, material.",
             "creative-uses", True),
        Rule(C.LENS, "Macro framing makes small textures read.", "shot-and-lens"),
        Rule(C.COLOR, "A clear palette carries an abstract piece's feeling.", "creative-uses"),
        Rule(C.LIGHTING, "A named light gives the shapes depth.", "lighting-and-color"),
    ),
    "any": (
        Rule(C.SETTING, "A place and time anchor the background so it does not morph.",
             "prompt-structure"),
        Rule(C.LIGHTING, "A named light source keeps shadows and highlights stable across "
             "frames.", "lighting-and-color"),
        Rule(C.STYLE, "A concrete style and mood instead of leaving the look to chance.",
             "style-and-mood"),
        Rule(C.ACTION, "Video is change over time: one clear action.", "motion-physics"),
        Rule(C.MOTION, "Speed, weight and direction keep the movement physically plausible.",
             "motion-physics"),
        Rule(C.CAMERA, "A chosen camera instead of the random drift the model picks when left "
             "alone.", "camera-language"),
        Rule(C.COLOR, "A named palette keeps colour from drifting.", "lighting-and-color"),
        Rule(C.SHOT, "Shot size tells the model how much to show.", "shot-and-lens"),
        Rule(C.LENS, "Focal length and depth of field shape perspective and what the eye "
             "notices.", "shot-and-lens"),
        Rule(C.PACING, "The tempo of the clip: real time or slow motion.", "pacing-and-time"),
    ),
}
ELABORATION = {
    C.MOTION: "The prompt names the movement; its speed, weight and manner are what keep it "
              "physically plausible.",
    C.LIGHTING: "The prompt names a time or a light; the light's source, direction and quality "
                "are what the model keeps stable.",
    C.STYLE: "The prompt names a look in a word; a concrete mood and texture make it specific.",
}
"""Why a component the prompt names thinly is still worth a phrase (need_rates.ELABORATE)."""
# Components a still prompt never gets: they would move what the author asked to hold.
STILL_CAMERA_FORBIDS = frozenset({C.CAMERA, C.PACING})
STILL_SUBJECT_FORBIDS = frozenset({C.PACING, C.MOTION, C.ACTION})
"""A still subject may still get a camera: the locked-off one (rewrite.py never gives it a move)."""


@dataclass
class Context:
    """What the needs and the phrase choice read about a prompt."""

    families: list[str]
    kinds: list[str]
    facts: Facts
    still_camera: bool
    still_subject: bool
    animated: bool
    monochrome: bool
    has_action: bool

    @property
    def family(self) -> str:
        return self.families[0] if self.families else "default"


@dataclass(frozen=True)
class Need:
    component: C
    reason: str
    guide: str
    kind: str
    """The kind of prompt whose rule it comes from ("still", "person"...; "full", "rules")."""
    core: bool = False
    """One of the guide's named needs for the prompt's kind."""
    chance: float = 0.0
    """How likely an expert rewriter adds it to prompts like this one (need_rates)."""


@dataclass
class Plan:
    """The needs of one prompt at one strength, most valuable first."""

    strength: Strength
    needs: list[Need] = field(default_factory=list)
    context: Context | None = None

    refused: list[C] = field(default_factory=list)
    """Components the prompt leaves open but its own choices rule out (a still prompt's camera
    move and pacing, a black-and-white prompt's palette, an animated prompt's realism)."""

    @property
    def components(self) -> list[C]:
        return [n.component for n in self.needs]


PRIORITY = ("person", "animal", "bird", "water", "vehicle", "product", "abstract", "landscape")
"""When a prompt matches several families, the subject's comes first, then the more specific."""


_PERSON_PRONOUNS = frozenset({"she", "he", "her", "him", "they"})


def families_of(low: str, subject: str = "") -> list[str]:
    """The families (FAMILIES) the prompt names, its subject's first. A subject that is a kind
    of person by WordNet ("a glassblower", "a babysitter") or a person's pronoun ("She reads...")
    is the person family's where FAMILIES finds no family in the subject's words."""
    written = subject
    subject = subject.lower()
    found = [name for name, pattern in FAMILIES if search_lower(pattern, low)]
    lead = [name for name, pattern in FAMILIES if subject and search_lower(pattern, subject)]
    if "person" not in lead and subject and (
            subject.strip() in _PERSON_PRONOUNS or _a_common_person(written)):
        lead.insert(0, "person")
        if "person" not in found:
            found.append("person")
    ordered = sorted(found, key=lambda f: (f not in lead, PRIORITY.index(f)))
    return ordered


def context_of(a: Analysis) -> Context:
    if a.language in NATIVE:
        return native_context(a)
    low = a.prompt.lower()
    subjects = a.spans.get(C.SUBJECT) or []
    fams = families_of(without_exclusions(a), subjects[0].text if subjects else "")
    has_action = bool(a.actions) or a.strength(C.ACTION) >= WEAK
    posture_only = bool(a.actions) and all(
        re.match(POSTURE, s.text.lower()) for s in a.actions) and not a.has(C.MOTION)
    stated_still = bool(search_lower(STILL_SUBJECT, low)) or posture_only
    still_subject = stated_still or (not has_action and not (set(fams) & LIVING) and
                                     "landscape" not in fams and not a.has(C.MOTION))
    still_camera = still_subject or bool(search_lower(STILL_CAMERA, low)) or \
        "static" in a.camera_moves
    subject_fams = families_of(subjects[0].text.lower(), subjects[0].text) if subjects else []
    alive = bool(set(subject_fams) & LIVING) if subject_fams or (
        subjects and _a_lifeless_thing(subjects[0].text.lower())) else bool(set(fams) & LIVING)
    kinds = _kinds(fams, still_subject=still_subject, moving=has_action or a.has(C.MOTION),
                   idle=alive and _verbless(a), alive=alive,
                   close=bool(search_lower(CLOSE, low)))
    return Context(families=fams, kinds=kinds, facts=facts_of(a.prompt),
                   still_camera=still_camera, still_subject=still_subject,
                   animated=bool(search_lower(ANIMATED, low)),
                   monochrome=bool(search_lower(MONOCHROME, low)), has_action=has_action)


@lru_cache(maxsize=1024)
def _a_lifeless_thing(subject: str) -> bool:
    """Is the subject's head a word WordNet knows that is neither an animal, a person nor an
    imaginary being (a monster, a dragon): "a tree", "a lamp", "a hand"? Then it is not alive
    because another word of the prompt names a living thing ("a tree with a girl under it"):
    the living kinds' beat would make the tree turn toward the camera. A head WordNet does not
    know ("a kayaker") proves nothing."""
    heads = phrase_heads(subject, 1)
    if not heads:
        return False
    chain = kind_chain(heads[0])
    return bool(chain) and not any(node and node[0] in chain for node in (
        kind_chain(kind)[:1] for kind in ("animal", "person", "imaginary being")))


def _kinds(fams: list[str], *, still_subject: bool, moving: bool, idle: bool, alive: bool,
           close: bool) -> list[str]:
    """The prompt's kinds from what was read of it, in English or a native lexicon alike:
    still, action or idle; close; abstract; person or living; landscape (never close up)."""
    kinds: list[str] = []
    if still_subject:
        kinds.append("still")
    elif moving:
        kinds.append("action")
    elif idle:
        kinds.append("idle")
    if close:
        kinds.append("close")
    if "abstract" in fams:
        kinds.append("abstract")
    if "person" in fams:
        kinds.append("person")
    elif alive:
        kinds.append("living")
    if "landscape" in fams and not {"person", "animal"} & set(fams) and not close:
        kinds.append("landscape")
    return kinds


# --- the context of a Chinese, Spanish or Japanese prompt, from its own lexicon -----------


def native_facts(a: Analysis) -> Facts:
    """Time of day, indoors or outdoors, season and weather, from the lexicon's fact words."""
    from bot.core.critique.native import has_fact

    low = a.prompt.lower()
    code = a.language
    constraints: dict[str, frozenset[str]] = {}
    if has_fact(code, "night", low):
        constraints["time_of_day"] = frozenset({"night"})
    elif has_fact(code, "golden", low):
        constraints["time_of_day"] = frozenset({"dawn", "morning", "afternoon", "dusk"})
    elif has_fact(code, "day", low):
        constraints["time_of_day"] = DAYTIME
    indoors, outdoors = has_fact(code, "indoors", low), has_fact(code, "outdoors", low)
    if indoors != outdoors:
        constraints["place"] = frozenset({IN if indoors else OUT})
    if has_fact(code, "snow", low):
        constraints["season"] = frozenset({"winter"})
    if has_fact(code, "rain", low):
        constraints["weather"] = frozenset({"rain"})
    return Facts(constraints=constraints)


_CLOSE = {"zh": r"特写|微距|近距离", "es": r"primer(?:ísimo)? plano|de cerca|close-?up|macro|detalle",
          "ja": r"クローズアップ|アップ|マクロ|接写|大写し"}


def native_context(a: Analysis) -> Context:
    """`needs.Context` for a native prompt: the same kinds, read from its own lexicon (imported
    here: an English critique never loads it)."""
    from bot.core.critique.native import fact_regex, has_fact

    code = a.language
    low = a.prompt.lower()
    fams = sorted(dict.fromkeys(a.families), key=lambda f: PRIORITY.index(f)
                  if f in PRIORITY else 99)
    subjects = a.spans.get(C.SUBJECT) or []
    lead = subjects[0].cue if subjects else ""
    if lead in fams:
        fams = [lead] + [f for f in fams if f != lead]
    has_action = bool(a.actions)
    posture = fact_regex(code, "posture")
    posture_only = bool(a.actions) and posture is not None and not a.has(C.MOTION) and all(
        posture.search(s.text.lower()) for s in a.actions)
    stated_still = has_fact(code, "still", low) or posture_only
    still_subject = stated_still or (not has_action and not (set(fams) & LIVING) and
                                     "landscape" not in fams and not a.has(C.MOTION))
    still_camera = still_subject or has_fact(code, "still_camera", low) or \
        "static" in a.camera_moves
    alive = bool(set(fams) & LIVING)
    kinds = _kinds(fams, still_subject=still_subject, moving=has_action or a.has(C.MOTION),
                   idle=alive, alive=alive, close=bool(re.search(_CLOSE[code], low)))
    return Context(families=fams, kinds=kinds, facts=native_facts(a),
                   still_camera=still_camera, still_subject=still_subject,
                   animated=has_fact(code, "animated", low),
                   monochrome=has_fact(code, "monochrome", low), has_action=has_action)



_AFTER_SUBJECT = re.compile(r"\s*(?:$|[,.;:(]|(?:in|on|at|by|with|under|near|beside|among|"
                            r"against|inside|over|above|from|of|and|amid|during|under)\b)", re.I)


def _verbless(a: Analysis) -> bool:
    """Nothing but places and details follow the subject ("a fox in the snow", "close-up of a
    pigeon"): the prompt names no action, even one the verb list does not know ("two cats
    fight")."""
    subjects = a.spans.get(C.SUBJECT) or []
    if not subjects:
        return True
    return bool(_AFTER_SUBJECT.match(a.prompt[subjects[0].end:]))


def plain_subject(a: Analysis) -> bool:
    """The subject is named but not described ("a girl", "the old man"): room for concrete
    detail. Three words or more, or a wardrobe anchor, already describe it."""
    spans = a.spans.get(C.SUBJECT) or []
    if a.language in NATIVE:
        from bot.core.critique.native import has_fact

        return bool(spans) and not a.has(C.CONSISTENCY) and not has_fact(
            a.language, "wears", a.prompt.lower()) and len(spans[0].text) <= (
            12 if a.language == "es" else 4)
    if not spans or a.has(C.CONSISTENCY) or search_lower(WEARS, a.prompt.lower()):
        return False
    if _a_person(spans[0].text) and dressed_by_kind(a.prompt):
        return False
    words = [w for w in spans[0].text.lower().split() if w not in ("a", "an", "the")]
    return len(words) <= 3


def described_subject(a: Analysis) -> bool:
    """An English prompt's subject its author already describes (dressed, or in three words or
    more: "a woman in a pink hat", "two anthropomorphic cats in boxing gear"). Experts still
    add to its look: on the dev sets, to 24 of 27 such prompts (to about half of the plain
    ones). The rewrite adds only what does not redo the author's description: no second
    garment on a dressed person (rewrite._subject_details)."""
    return a.language not in NATIVE and bool(a.spans.get(C.SUBJECT)) and not plain_subject(a)


def _open(a: Analysis, comp: C, ctx: Context) -> bool:
    """Can the rewrite add this component? Only if the prompt leaves it open and adding it
    would not undo a choice the prompt made (stillness, black and white, a named style)."""
    if comp == C.SUBJECT:  # plain or described (`described_subject`): any English subject
        return bool(a.spans.get(C.SUBJECT)) if a.language not in NATIVE else plain_subject(a)
    if comp == C.SETTING:
        return True  # a stated place still gets one or two environment anchors (consistency)
    if comp == C.ACTION and ctx.has_action:
        return not (ctx.still_subject or ctx.still_camera) and bool(set(ctx.families) & LIVING)
    if a.strength(comp) >= WEAK:
        return False
    if ctx.still_subject and comp in STILL_SUBJECT_FORBIDS:
        return False
    if ctx.still_camera and comp in STILL_CAMERA_FORBIDS and not (
            comp == C.CAMERA and ctx.still_subject):
        return False  # (a still subject may get a locked-off camera: that is not a move)
    if comp == C.COLOR and ctx.monochrome:
        return False
    return not (comp == C.STYLE and ctx.animated)


def plan(a: Analysis, model: ModelProfile | None = None,
         strength: Strength | str = Strength.STANDARD, weak_style: bool = False,
         require: list[C] | tuple[C, ...] = ()) -> Plan:
    """The needs of this prompt, most valuable first, cut to the strength; `require` adds
    components a team's house rules demand (still kept out where the prompt's stillness or
    named style rules them out).

    The guide's core needs for the prompt's kinds come first (a still subject's light, an
    action's motion); then the other components it leaves open, by how likely an expert adds
    them to prompts like it. `standard` keeps the first of the guide's needs and every one whose
    chance beats its component's threshold (matched to how often experts add it), `light` the
    first two, `full` every one the prompt's choices allow."""
    strength = Strength(strength)
    ctx = context_of(a)
    candidates = _candidates(a, ctx, model, weak_style)
    if strength == Strength.LIGHT:
        needs = candidates[:LIGHT_COUNT]
    elif strength == Strength.STANDARD:
        forced = guide_forced(a, ctx, candidates)
        needs = [n for n in candidates if n.component in forced
                 or n.chance >= need_rates.threshold(n.component)]
    else:
        needs = candidates
    refused = _refused(a, ctx)
    taken = {n.component for n in needs}
    if strength == Strength.FULL:
        needs += _rest(a, ctx, model, taken)
        taken = {n.component for n in needs}
    for comp in require:
        if comp not in taken and comp not in refused and a.strength(comp) < WEAK:
            info = COMPONENTS[comp]
            needs.append(Need(comp, f"Your house rules require it. {info.why}", info.guide[0],
                              "rules", True))
            taken.add(comp)
    return Plan(strength=strength, needs=needs, context=ctx, refused=refused)


def serving_camera(a: Analysis) -> bool:
    """The action's verb names a camera that serves it (CAMERA_BY_VERB: travel is followed,
    flight panned with, complex motion held still)."""
    verbs = " ".join(s.text for s in subject_verbs(a)).lower()
    return verb_pick(CAMERA_BY_VERB, verbs) is not None


def subject_verbs(a: Analysis) -> list[Span]:
    """The actions of the prompt's first subject: those before the next subject's words ("A
    chef flambés a pan, flames leaping up": the chef flambés; the flames leap). A movement's
    physics and the camera that serves it are the first subject's; another thing's verb would
    make the chef leap. With no action before the next subject, all of them."""
    subjects = sorted(a.spans.get(C.SUBJECT) or [], key=lambda s: s.start)
    if not subjects:
        return list(a.actions)
    first = subjects[0]
    later = [s.start for s in subjects[1:] if s.start >= first.end]
    other_clause = _other_doer(a.prompt.lower(), first.end)
    if other_clause is not None:
        later.append(other_clause)
    cut = min(later, default=None)
    own = [s for s in a.actions if cut is None or s.start < cut]
    return own or list(a.actions)


_JOINING = re.compile(r"(?<![\w'-])(?:while|whilst|as|when|where|and)\s+([a-z' -]+)")
_SAME_DOER = frozenset({"he", "she", "they", "it", "his", "her", "their", "its", "then", "if",
                        "though", "well", "soon", "also", "slowly", "gently"})
_COUNTERS = frozenset({"the", "a", "an", "some", "two", "three", "four", "several", "many"})


def _other_doer(low: str, after: int) -> int | None:
    """Where a clause with a doer of its own begins after the first subject ("while pigeons fly
    overhead", "as the rain pours down"): a joining word, a noun phrase of one or two words,
    then that phrase's verb (a known action's finite form). Its verbs are not the first
    subject's. A pronoun for the subject ("as she walks") or a participle ("while walking")
    stays in the subject's clause."""
    for m in _JOINING.finditer(low, after):
        words = m.group(1).split()[:4]
        if not words or words[0] in _SAME_DOER or words[0].endswith(("ing", "ly")):
            continue
        if words[0] in _COUNTERS:
            words = words[1:]
        for word in words[1:3]:
            if word in ACTION_VERBS and not word.endswith("ing"):
                return m.start()
    return None


def verb_pick(table: list[tuple[str, str]], verbs: str) -> str | None:
    """The phrase for the first verb family the prompt's verbs start with ("chopping" is not
    "hop"): what the rewrite writes, and whether the guide forces an action's camera."""
    return next(verb_picks(table, verbs), None)


def verb_picks(table: list[tuple[str, str]], verbs: str) -> Iterator[str]:
    """The phrases of every verb family the prompt's verbs start with, in table order."""
    if not verbs:
        return
    for pattern, phrase in table:
        if re.search(r"\b(?:" + pattern + ")", verbs):
            yield phrase


def guide_forced(a: Analysis, ctx: Context, candidates: list[Need],
                 mode: str | None = None) -> set[C]:
    """The needs `standard` adds whatever their chance (need_rates_table.FORCE, or `mode`).
    With "guide", the needs the guide names for the prompt's kinds (RULES' core entries: a
    still subject's light and setting; a close shot's lens; an action's motion physics, even
    where the prompt names the movement thinly; a landscape's time of day and scale; a
    person's wardrobe), but an
    action's camera only where its verb names one that serves it (camera-language: follow
    travel, pan with flight, hold still for complex motion); experts add a camera to about half
    the prompts, not to every action. With "none", nothing."""
    mode = mode or need_rates.force_mode()
    if mode != "guide":
        return set()
    kinds = [*ctx.kinds, "any"]
    out = set()
    for need in candidates:
        rule, _ = _rule_for(need.component, kinds)
        if rule is None or not rule.core:
            continue
        if need.component == C.CAMERA and not serving_camera(a):
            continue
        out.add(need.component)
    return out


def _candidates(a: Analysis, ctx: Context, model: ModelProfile | None,
                weak_style: bool) -> list[Need]:
    """Every component this prompt could get, core needs first (in the order of the prompt's
    kinds and the guide's rules), then the rest by their chance, highest first."""
    features = need_rates.features_of(a, ctx)
    kinds = [*ctx.kinds, "any"]
    out: dict[C, Need] = {}
    for comp in open_components(a, ctx):
        if comp == C.AUDIO and not (model is not None and model.audio):
            continue
        if comp == C.CONSISTENCY:
            continue  # a person's anchor is the subject's wardrobe detail
        rule, kind = _rule_for(comp, kinds)
        elaborated = a.strength(comp) >= WEAK and comp in ELABORATION
        chance = need_rates.chance(features, comp, bool(rule and rule.core) and not elaborated)
        if elaborated:
            out[comp] = Need(comp, ELABORATION[comp], rule.guide if rule else
                             COMPONENTS[comp].guide[0], kind, False, chance)
        elif rule is not None:
            out[comp] = Need(comp, rule.reason, rule.guide, kind, rule.core, chance)
        else:
            info = COMPONENTS[comp]
            out[comp] = Need(comp, info.why, info.guide[0], "any", False, chance)
    if weak_style and not ctx.animated and C.STYLE not in out:
        out[C.STYLE] = Need(C.STYLE, "'Cinematic' alone says almost nothing: name a concrete "
                            "look and mood.", "style-and-mood", "any", False,
                            need_rates.chance(features, C.STYLE))
    order: dict[tuple[str, C], int] = {}
    for k_index, kind in enumerate(kinds):
        for position, rule in enumerate(RULES[kind]):
            order.setdefault((kind, rule.component), k_index * 100 + position)
    core = sorted((n for n in out.values() if n.core),
                  key=lambda n: order.get((n.kind, n.component), 10**6))
    rest = sorted((n for n in out.values() if not n.core), key=lambda n: -n.chance)
    return core + rest


def open_components(a: Analysis, ctx: Context) -> list[C]:
    """The components the rewrite could add to this prompt: those it leaves open (needs._open),
    and those it states only thinly enough for an expert to elaborate (`ELABORATE`), unless the
    prompt's own choices rule them out (stillness, black and white, a named animated style: the
    author chose that look, so it is left as written)."""
    refused = set(_refused(a, ctx)) | ({C.STYLE} if ctx.animated else set())
    thin = {c for c in need_rates.ELABORATE if a.has(c) and c not in refused}
    return [c for c in C if _open(a, c, ctx) or c in thin]


def _rule_for(comp: C, kinds: list[str]) -> tuple[Rule | None, str]:
    """The rule for `comp` from the prompt's kinds: a core one if any kind has it, else the
    first kind's."""
    found = [(rule, kind) for kind in kinds for rule in RULES[kind] if rule.component == comp]
    for rule, kind in found:
        if rule.core:
            return rule, kind
    return found[0] if found else (None, "any")


def _refused(a: Analysis, ctx: Context) -> list[C]:
    out: set[C] = set()
    if ctx.still_subject:
        out |= STILL_SUBJECT_FORBIDS
    if ctx.still_camera:
        out |= STILL_CAMERA_FORBIDS - ({C.CAMERA} if ctx.still_subject else set())
    if ctx.monochrome:
        out.add(C.COLOR)
    if ctx.animated:
        out.add(C.STYLE)
    return [c for c in C if c in out and a.strength(c) < WEAK]


def _rest(a: Analysis, ctx: Context, model: ModelProfile | None, taken: set[C]) -> list[Need]:
    """At full strength: every other component the prompt leaves open, in the guide's order."""
    out = []
    for comp in (C.CAMERA, C.SHOT, C.ACTION, C.MOTION, C.SETTING, C.LIGHTING, C.COLOR, C.STYLE,
                 C.PACING, C.LENS, C.CONSISTENCY, C.AUDIO):
        if comp in taken or not _open(a, comp, ctx):
            continue
        if comp == C.AUDIO and not (model is not None and model.audio):
            continue
        if comp == C.CONSISTENCY and ("person" not in ctx.kinds or C.SUBJECT in taken):
            continue  # the person's wardrobe detail is already their anchor
        info = COMPONENTS[comp]
        out.append(Need(comp, info.why, info.guide[0], "full"))
    return out


# --- the same needs, for a chat model ------------------------------------------------------


def llm_brief(prompt: str, additions: list[Addition]) -> list[str]:
    """The needs as instructions for a chat model that writes the rewrite: what to add (in
    order, with why), what the prompt already fixes (never contradict it), and stillness."""
    from bot.core.critique.analysis import analyze

    ctx = context_of(analyze(prompt))
    lines = ["Add only what this prompt needs, most valuable first:"]
    lines += [f"- {x.component.value}: {x.reason} (e.g. \"{x.text}\")" for x in additions]
    if not additions:
        lines.append("- nothing: keep the prompt's content and only tidy its wording.")
    facts = ctx.facts.summary()
    if facts:
        said = "; ".join(f"{dim.replace('_', ' ')}: {value}" for dim, value in facts.items())
        lines.append(f"The prompt fixes these; never contradict them: {said}.")
    if ctx.still_subject:
        lines.append("The prompt is still: keep it still (no camera move, no motion, no pacing "
                     "phrase).")
    elif ctx.still_camera:
        lines.append("The camera is locked off: add no camera move and no pacing phrase.")
    if ctx.animated:
        lines.append("The prompt names an animated or illustrated style: keep it, add no "
                     "realism or documentary words.")
    if ctx.monochrome:
        lines.append("The prompt is black and white: name no colour.")
    a = analyze(prompt)
    excluded = [n.text for n in a.negations]
    if excluded:
        lines.append(f"The prompt excludes things ({'; '.join(excluded)}): never add them.")
    return lines


def rewrite_problems(prompt: str, text: str) -> list[str]:
    """Why a rewrite written elsewhere (a chat model) may not replace the offline one: it
    contradicts what the prompt fixes (consistency.rewrite_conflicts: time of day, place,
    season, weather, what it excludes, its black and white or drawn look, its stillness)."""
    from bot.core.critique.analysis import analyze
    from bot.core.critique.consistency import rewrite_conflicts, traits_of

    a = analyze(prompt)
    return [str(c) for c in rewrite_conflicts(traits_of(a, context_of(a)), text)]
