"""The words that carry each component of a video prompt.

Kept as data (regex fragments with a strength) so a writer can extend the vocabulary without
touching the analysis logic. Strength says how clearly the words do the job: 1.0 is a precise
instruction ("slow dolly-in"), lower is a weak cue ("cinematic", a bare colour word).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from bot.core import cached_re as re
from bot.core.critique.anchor_words import HUES
from bot.core.critique.components import Component as C


class Cue(NamedTuple):
    pattern: str
    """A regex fragment, matched case-insensitively on word boundaries."""
    strength: float = 1.0
    move: str | None = None
    """For camera cues: the canonical move (see knowledge.CAMERA_MOVES)."""
    left: tuple[int, int] = (0, 0)
    """(at least, at most) modifier words the span takes to its left ("honey-gold palette",
    "long dark hair"): the analysis grows the span in code, far cheaper than a regex that
    tries every word of the prompt as a start."""


def _alts(words: str) -> str:
    return "(?:" + "|".join(w.strip() for w in words.split("|") if w.strip()) + ")"


def trie_regex(words: Iterable[str]) -> str:
    """One regex for many literal words, factored by common prefix.

    Python's `re` tries the alternatives of `a|b|c` one by one at every position; a prefix
    trie makes matching a long word list cost about one word's length instead. The result is
    kept across processes (cached_re.remembered): building the lexicons' tries was a tenth of
    a cold critique.
    """
    return re.remembered("trie", "\n".join(sorted({w.lower() for w in words})), _trie)


def _trie(joined: str) -> str:
    trie: dict[str, Any] = {}
    for w in joined.split("\n"):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _literal_alts(words: str) -> str:
    return "(?:" + trie_regex({w.strip() for w in words.split("|") if w.strip()}) + ")"


# --- verbs -----------------------------------------------------------------------------------

_VERBS = ["walk", "run", "jump", "leap", "hop", "dance", "glide", "swim", "fly", "fall", "rise", "spin", "turn", "twirl", "float", "drift", "crash", "explode", "pour", "splash", "drip", "swirl", "expand", "bloom", "grow", "melt", "burn", "flicker", "wave", "smile", "laugh", "cry", "look", "gaze", "stare", "reach", "grab", "throw", "catch", "kick", "punch", "climb", "sit", "stand", "lean", "rotate", "roll", "slide", "skid", "race", "drive", "ride", "gallop", "crawl", "wander", "stroll", "stride", "sprint", "chase", "hunt", "pounce", "lift", "raise", "lower", "shatter", "break", "ripple", "flow", "stream", "sway", "shake", "tremble", "dissolve", "morph", "transform", "emerge", "appear", "fade", "disappear", "collapse", "erupt", "burst", "scatter", "flutter", "flap", "soar", "dive", "plunge", "sink", "bounce", "stretch", "blink", "breathe", "sing", "play", "strum", "drum", "paint", "write", "cook", "chop", "stir", "sip", "drink", "eat", "kiss", "hug", "embrace", "hold", "carry", "push", "pull", "swing", "nod", "whisper", "speak", "talk", "shout", "scream", "march", "skate", "surf", "ski", "spray", "sparkle", "shimmer", "unfold", "fold", "unfurl", "cascade", "tumble", "ignite", "billow", "weave", "dart", "hover", "circle", "wrap", "crack", "splinter", "bend", "twist", "tilt", "step", "jog", "trot", "peck", "graze", "prowl", "stalk", "leap", "pirouette", "spiral", "coil", "uncoil", "writhe", "crumble", "evaporate", "condense", "freeze", "thaw", "sprout", "wilt", "wither", "blossom", "unravel", "assemble", "build", "dangle", "drape", "flick", "toss", "kneel", "bow", "wink", "frown", "sigh", "yawn", "shiver", "brush", "comb", "sweep", "mop", "wash", "scrub", "knead", "slice", "bake", "fry", "sizzle", "boil", "glow", "pulse", "swell", "recede", "roar", "howl", "bark", "purr", "form", "flip", "toss", "sniff", "lick", "chew", "nibble", "scurry", "slither", "swoop", "perch", "migrate", "patrol", "knit", "carve", "sew", "clap", "applaud", "wag", "wobble", "shuffle", "stumble", "stagger", "saunter", "trudge", "tiptoe", "waddle", "scamper", "jiggle", "wiggle", "shudder", "vibrate", "quiver", "stomp", "sprawl", "slump", "lunge", "swerve", "hurtle", "careen", "plummet"]

_IRREGULAR = {
    "run": "ran", "fly": "flew|flown", "fall": "fell|fallen", "rise": "rose|risen",
    "spin": "spun", "swim": "swam", "leap": "leapt", "throw": "threw|thrown", "catch": "caught",
    "sit": "sat", "stand": "stood", "ride": "rode", "drive": "drove", "grow": "grew|grown",
    "burn": "burnt", "break": "broke|broken", "sink": "sank|sunk", "sing": "sang",
    "write": "wrote", "eat": "ate", "hold": "held", "swing": "swung", "speak": "spoke",
    "freeze": "froze|frozen", "build": "built", "bend": "bent", "weave": "wove",
    "shake": "shook", "sweep": "swept", "beat": "beaten", "swell": "swollen", "kneel": "knelt",
}

_DOUBLE = {
    "run", "swim", "drip", "hop", "skid", "stir", "jog", "grab", "spin", "step", "chop", "sip",
    "hug", "nod", "strum", "drum", "sit", "trot", "flap", "flip", "wrap", "pat", "clap", "dip",
    "wag",
}


def verb_forms(verb: str) -> list[str]:
    forms = {verb}
    if verb.endswith("y") and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms.add(verb + "s")
    if verb.endswith("e") and not verb.endswith("ee"):
        forms |= {verb[:-1] + "ing", verb + "d"}
    elif verb in _DOUBLE:
        forms |= {verb + verb[-1] + "ing", verb + verb[-1] + "ed"}
    elif not verb.endswith("y") or verb[-2] in "aeiou":
        forms |= {verb + "ing", verb + "ed"}
    if verb in _IRREGULAR:
        forms |= set(_IRREGULAR[verb].split("|"))
    return re.longest_first(forms)


ACTION_VERBS: dict[str, str] = {form: verb for verb in _VERBS for form in verb_forms(verb)}

# Verbs that say nothing about what happens; they are actions only weakly.
VAGUE_VERBS = _alts("moves|moving|goes|going|does something|doing something|happens|happening|"
                    "interacts|interacting|things happen|stuff happens|is there|exists")

# -ing words that are not actions (so the "-ing after the subject" fallback skips them).
NOT_VERBS_ING = set(["lighting", "morning", "evening", "ceiling", "building", "painting", "clothing", "king", "ring", "thing", "string", "wing", "spring", "nothing", "something", "everything", "anything", "sibling", "ending", "setting", "bedding", "pudding", "wedding", "ceiling", "sing", "shopping", "railing", "awning", "offering", "opening", "landing", "framing", "timing", "shading", "sling", "darling", "during", "notwithstanding", "pending", "according", "regarding", "concerning", "including"])

# --- subjects --------------------------------------------------------------------------------

SUBJECT_NOUNS = _literal_alts("""
woman|women|man|men|girl|boy|child|children|kid|kids|baby|toddler|teenager|person|people|
couple|family|crowd|figure|stranger|dancer|dancers|ballerina|astronaut|soldier|knight|warrior|
samurai|ninja|wizard|witch|queen|king|princess|prince|detective|chef|cook|waiter|barista|
musician|guitarist|drummer|singer|violinist|pianist|painter|artist|sculptor|skater|skateboarder|
surfer|skier|runner|athlete|boxer|climber|cyclist|rider|driver|pilot|sailor|fisherman|farmer|
monk|nun|priest|scientist|doctor|nurse|surgeon|student|teacher|worker|robot|android|cyborg|
alien|ghost|zombie|vampire|monster|creature|giant|elf|fairy|mermaid|
old man|old woman|elderly man|elderly woman|young man|young woman|grandmother|grandfather|
cat|cats|kitten|dog|dogs|puppy|horse|horses|foal|bird|birds|eagle|hawk|owl|crow|raven|
sparrow|pigeon|parrot|hummingbird|flamingo|swan|duck|ducks|goose|geese|penguin|seagull|gull|
butterfly|butterflies|bee|bees|dragonfly|moth|fish|koi|shark|whale|whales|dolphin|dolphins|
jellyfish|octopus|sea turtle|turtle|tortoise|crab|seal|otter|fox|wolf|wolves|bear|deer|stag|
elk|moose|rabbit|hare|squirrel|mouse|rat|lion|lioness|tiger|leopard|cheetah|panther|jaguar|
elephant|elephants|giraffe|zebra|rhino|hippo|gorilla|monkey|ape|snake|lizard|chameleon|
frog|spider|ant|ants|dragon|phoenix|unicorn|cow|cows|sheep|goat|pig|chicken|rooster|herd|
flock|swarm|school of fish|
car|cars|truck|bus|train|tram|motorcycle|bike|bicycle|boat|ship|sailboat|yacht|canoe|kayak|
submarine|plane|airplane|jet|helicopter|rocket|spaceship|spacecraft|starship|drone|balloon|
hot air balloon|blimp|tank|taxi|
ink|ink drops|drop|drops|droplets|water droplets|smoke|paint|liquid|fluid|particles|dust|
petals|leaves|leaf|feather|feathers|fabric|silk|ribbon|sand|fire|flames|flame|embers|sparks|
clouds|waves|wave|bubbles|bubble|crystals|crystal|glass|shapes|cubes|spheres|sphere|orb|orbs|
geometry|lines|threads|paper|origami|balloons|confetti|snowflakes|raindrops|
flower|flowers|rose|roses|tree|trees|sunflower|tulips|mushroom|mushrooms|vine|vines|
cup|coffee cup|mug|teapot|bottle|perfume bottle|watch|wristwatch|sneaker|sneakers|shoe|shoes|
phone|smartphone|camera body|guitar|piano|violin|book|letter|candle|lantern|lamp|clock|
sculpture|statue|vase|bowl|plate|burger|pizza|sushi|cake|bread|croissant|fruit|apple|
strawberry|strawberries|lemon|chocolate|honey|steak|noodles|dumplings|cocktail|wine|
lighthouse|tower|skyscraper|skyscrapers|house|cabin|castle|temple|bridge|windmill|
volcano|waterfall|glacier|iceberg|aurora|storm|tornado|
character|protagonist|hero|heroine|villain|traveler|explorer|wanderer|hiker|sprinter|sprinters|
mech|puppy|vendor|vendors|players|player|commuter|commuters|grandmother|
lady|ladies|old lady|gentleman|snowboarder|snowboarders|surfers|skiers|friends|tourists|hikers|
pedestrians|shoppers|audience|band|twins|siblings|
""".replace("\n", ""))

DETERMINERS = {"a", "an", "the", "two", "three", "four", "five", "several", "many", "some",
               "one", "his", "her", "their", "its", "my", "our", "this", "that", "these",
               "those", "lone", "single", "pair", "group", "of"}

# Words that stop the leftward growth of a subject phrase.
PHRASE_STOPS = {"in", "on", "at", "through", "across", "with", "and", "or", "by", "from",
                "to", "into", "onto", "over", "under", "behind", "beside", "near", "while",
                "as", "camera", "shot", "then", "is", "are", "was", "were"}

# --- component cues --------------------------------------------------------------------------

# A bare camera adjective ("aerial", "handheld", "overhead") that is not describing another
# noun ("aerial silks", "a handheld fan"): followed by punctuation, a conjunction, a preposition
# or a camera noun.
_ALONE = (r"(?!\s+(?!(?:and|or|with|as|while|in|on|at|of|to|from|over|above|across|through|"
          r"following|tracking|camera|shot|view|footage|style|look|feel|movement|shake|close-up|"
          r"pov|perspective|angle|sweep|flyover|photography|glide|move|pass|push|pull|dolly|orbit|"
          r"pan|tilt|reveal|descent|ascent|approach|drift|track|rise|climb|dive|establishing)\b)[a-z])")

# Camera angle, height, position and point of view (no move): they belong to the camera.
CAMERA_ANGLES = (
    r"(?:extreme |very |slightly |steep )?(?:low|high)(?:[- ](?:upward|downward|up|down|side|tilted|"
    r"wide|oblique))?[- ]angle(?: (?:shot|view|perspective|close-?up))?"
    r"(?! (?:sun|sunlight|light|lighting|rays|beams?|glow))|"
    r"(?:low|high|eye|overhead|worm'?s[- ]eye|bird'?s[- ]eye|top[- ]down|side|front|rear|dutch|canted|"
    r"oblique|straight-on|three-quarter|reverse) angle|"
    r"dutch (?:angle|tilt)|canted(?: frame)?" + _ALONE + r"|eye[- ]level(?: shot| view| angle)?|"
    # the camera's direction said of the shot ("an upward shot", "a down-looking view")
    r"(?:upward|downward|upwards|downwards|up|down)[- ](?:facing|looking|angled|tilted|pointing)"
    r" (?:shot|view|angle|perspective|pov|camera)|"
    r"(?:upward|downward)(?:[- ]angled?)? (?:shot|view|angle|perspective|pov)|"
    r"overhead (?:shot|view|angle|perspective|camera)|(?:from |directly |straight )overhead|"
    r"(?:top[- ]down|top view|high view|low view|side view|front view|rear view)"
    r"(?: shot| view| angle| perspective)?|"
    # the side of the subject the camera faces ("a frontal view", "profile shot", "three-quarter
    # view", "top shot"): where the camera stands, whatever the shot's size
    r"(?:frontal|profile|three[- ]quarters?|3/4|back|underside|bottom|lateral|top|head-on|"
    r"rear-facing|side-profile) (?:view|shot|angle|perspective)|[a-z]+'s[- ]eye(?: view| shot| perspective)|"
    # a gaze with a direction ("looking down at"): "looking at the pigeons" is someone's gaze
    r"(?:looking|gazing|peering|staring) (?:straight |directly )?(?:down|up) (?:at|on|into|over)|"
    r"(?:seen|viewed|shot|filmed) (?:through|from) (?:a |an |the |his |her |their )?"
    r"(?:(?!(?:of|in|on|at|as|with|and|to|into|while)\b)[\w'-]+ ){0,2}"
    r"(?!(?:of|in|on|at|as|with|and|to|into|while)\b)[\w'-]+|"
    r"from (?:the |a |an |his |her |their )?(?:[\w'-]+ )?(?:seat|perspective|point of view|pov|"
    r"vantage point|viewpoint|height|eye[- ]line)|orbital(?: shot| view| camera)?|"
    # a height said of the rig ("a chest-high camera", "knee-high shot")
    r"[a-z]+[- ]high (?:camera|shot|angle|view|pov|perspective)|"
    r"bird'?s[- ]eye(?: view| shot| perspective)?|worm'?s[- ]eye(?: view| shot| perspective)?|"
    r"over[- ]the[- ]shoulder(?: shot| view| angle)?|ots(?: shot| view| angle)?|"
    r"pov(?: shot| view| angle| perspective| camera)?|point[- ]of[- ]view(?: shot| angle)?|"
    r"first[- ]person(?: view| perspective| pov| shot| camera| angle)?|"
    r"third[- ]person(?: view| perspective| camera)?|selfie (?:view|angle|camera|shot|style)|"
    r"subjective camera|through (?:the |his |her |their |its )?(?:\w+'s )?eyes|"
    r"(?:steady|smooth|stable|fixed|moving|dynamic)(?: and (?:steady|smooth|stable))? "
    r"(?:perspective|viewpoint|camera work)|"
    r"(?:from|at) (?:an? |the )?(?:\w+'s[- ])?(?:knee|waist|hip|chest|shoulder|eye|head|ground|floor|"
    r"street|water|table|ankle|ceiling|roof|rooftop|child|toddler|dog|cat|insect|bug|mouse|"
    r"grass|curb|kerb|tabletop|table-top|counter|desk|bench|floor|lens|sea|surface|rooftop|street)[- ](?:level|height)|low to the ground|"
    # a height near a surface, and a rig worn or fixed somewhere ("close to the ground",
    # "chest-mounted", "snorricam"); said after another subject's verb they are where it is
    # (analysis._height_of_a_subject)
    r"(?:close|low|near|just above) (?:to )?the (?:ground|floor|water|surface|waterline|water line)|"
    r"(?:chest|helmet|head|body|car|hood|bumper|dash|bike|handlebar|wrist|vehicle|pole|shoulder|"
    r"drone|rig)[- ]mounted(?: camera| pov| shot| view| gopro)?|snorricam|"
    # a point of view said through someone's eyes or height ("from the eyes of a bird", "at the
    # height of a child"), a frame set at an angle ("a tilted frame", "an upside-down shot")
    r"(?:from|through) (?:the )?eyes of (?:a |an |the )?[\w'-]+|"
    r"at the (?:eye[- ])?(?:height|level) of (?:a |an |the )?[\w'-]+|"
    r"(?:upside[- ]down|inverted|tilted|canted|slanted|skewed|askew|sideways|rotated) "
    r"(?:shot|view|frame|framing|angle|camera|horizon|pov|perspective)|"
    r"(?:the )?(?:frame|horizon|shot) (?:is )?(?:tilted|canted|skewed|slanted|askew|"
    r"rotated|upside[- ]down)|(?<=as )(?:seen|viewed|experienced) by (?:a |an |the )[\w'-]+|"
    # where the camera is, said on its own or of the shot ("From inside the fridge, a hand
    # reaches"); after another subject's verb it is that subject's path (camera_in_context)
    r"from (?:inside|within|under|underneath|beneath|behind) (?:the |a |an )?[\w'-]+|"
    r"(?:seen|shot|filmed|viewed|captured|photographed|framed|looking (?:down|up)|"
    r"observed) (?:directly |straight |slightly |high |far |from )*"
    r"(?:from )?(?:above|below|overhead|behind|underneath|the side|ground level|a distance|afar)|"
    # "from above" with no object of its own is where the camera is ("A city, from above.")
    r"from (?:directly |straight |slightly |high |far |low )?(?:above|below|overhead|behind|"
    r"underneath|the side|a distance|afar)(?=\s*(?:[,.;:!?\)]|$|and |as |while |with |in slow))|"
    r"(?:from |at )?(?:a )?(?:low|high|dramatic|unusual|tilted|steep|side|oblique) (?:vantage|viewpoint|perspective)|"
    # the camera's height said of the shot ("a ground-level shot", "an elevated view")
    r"(?:ground|street|eye|water|sea|floor|table|knee|waist|hip|chest|shoulder|head|roof|rooftop|"
    r"canopy|treetop|ant|bug|child|dog|cat|insect|grass|deck|road|pavement|sidewalk|crowd)[- ]"
    r"(?:level|height)(?: (?:shot|view|angle|perspective|camera|pov|vantage))|"
    r"(?:very |extremely )?(?:low|high)[- ](?:shot|view|perspective|vantage(?: point)?|"
    r"camera position)(?! (?:quality|resolution|contrast|key|dynamic)\b)|"
    r"(?:elevated|raised|lofty|lowered|ground-hugging|high-up) (?:view|shot|angle|perspective|"
    r"vantage(?: point)?|position|viewpoint|pov|camera)|"
    r"(?:seen|shot|filmed|viewed|captured|photographed) from (?:a (?:great )?height|up high|high up|"
    r"way up|far above|high above|the air|the sky|the ground|water level|inside|within)|"
    # the camera's side or height said of the view ("side-on view", "ground-skimming perspective")
    r"(?:side|straight|head|front|face|square)-on (?:view|shot|angle|perspective|framing)|"
    r"(?:ground|floor|water|wave|sea|street|road|tree|treetop|grass|roof|rooftop|cloud|surface|"
    r"knee|waist|hip|chest|eye|head|shoulder|table|desk|dog|child|kid|bug|insect)-"
    r"(?:skimming|hugging|level|height) (?:perspective|view|shot|angle|camera|pov)|"
    r"looking (?:straight |directly )?(?:down|up) from|"
    r"(?:helmet|body|dash|chest|head|wrist|bike|hood|bumper|pov|action|go-?pro|phone)-?cam(?:era)?"
    r"(?: footage| view| shot| pov)?|selfie (?:video|footage|mode|clip)"
)

# A camera-move word directly before a shot size ("static close-up", "handheld medium shot",
# "slow panning wide shot"): the word is the camera's, the size is the shot's.
_BEFORE_SIZE = (r"(?= (?:(?:extreme|very|medium|tight|wide|full|close|long|establishing|cowboy|"
                r"two)[- ])*(?:close-?ups?|shots?|two-shot)\b)")

CAMERA: list[Cue] = [
    Cue(r"dolly[ -]zoom|vertigo (?:effect|shot)|zolly", move="zoom_out"),
    Cue(r"locked[- ]off(?: camera| shot| framing)?|locked (?:camera|shot|frame|framing)|"
        r"static (?:camera|shot|frame|framing)"
        r"|(?:static|fixed|locked[- ]off)" + _BEFORE_SIZE +
        r"|fixed (?:camera|shot|frame)|still (?:frame|shot)|stationary camera|tripod shot|on a tripod"
        r"|camera (?:is|stays|remains|holds) (?:\w+ly )?(?:fixed|still|static|locked|steady|stationary)"
        r"|(?:the )?camera does not move|camera holds still|still camera", move="static"),
    Cue(r"whip[- ]pans?", move="whip_pan"),
    Cue(r"tilt(?:ing)? shot", move="tilt_up"),
    Cue(r"(?:camera )?(?:slow |quick |smooth |gentle )?pan(?:s|ning)?[- ](?:slowly )?(?:to the |from (?:the )?right to (?:the )?)?left", move="pan_left"),
    Cue(r"(?:camera )?(?:slow |quick |smooth |gentle )?pan(?:s|ning)?[- ](?:slowly )?(?:to the |from (?:the )?left to (?:the )?)?right", move="pan_right"),
    Cue(r"(?:slow |smooth |gentle )?(?:panning" + _BEFORE_SIZE + r"|panning shot|"
        r"camera (?:(?:then|now|also|\w+ly) )?pans?(?: out| in)?|"
        r"pans? across|slow pan|pan shot)",
        move="pan_right"),
    Cue(r"(?:camera )?(?:slow |smooth |gentle )?tilt(?:s|ing)?[- ](?:slowly )?(?:up|upward|upwards)", move="tilt_up"),
    Cue(r"(?:camera )?(?:slow |smooth |gentle )?tilt(?:s|ing)?[- ](?:slowly )?(?:down|downward|downwards)", move="tilt_down"),
    Cue(r"camera tilts?", move="tilt_up"),
    Cue(r"(?:slow |smooth |gentle |steady )?(?:dolly[- ]?in|dollies in|dollying in|push[- ]in|pushes in"
        r"|pushing in|slow push|dolly forward|dollies forward|(?:slow |gentle |steady )creep(?= (?:toward|towards|forward|in|closer)\b)"
        r"|(?:camera|lens|view) (?:\w+ly )?(?:moves|pushes|glides|creeps) "
        r"(?:slowly )?(?:forward|in|closer|toward))", move="dolly_in"),
    Cue(r"(?:slow |smooth |gentle )?(?:dolly[- ]?out|dollies out|dollying out|pull[- ]out|pulls out"
        r"|pull[- ]back|pulls back|pulling back|dolly back|camera (?:moves|pulls|drifts) "
        r"(?:slowly )?(?:back|away|backward))", move="dolly_out"),
    Cue(r"(?:slow |smooth )?dolly(?: shot)?", move="dolly_in", strength=0.8),
    Cue(r"truck(?:s|ing)?[- ](?:to the )?left|camera slides left|lateral (?:move|track) left",
        move="truck_left"),
    Cue(r"truck(?:s|ing)?[- ](?:to the )?right|camera slides right|lateral (?:move|track)(?: right)?"
        r"|trucking shot|crab(?:s|bing)? (?:left|right)|crab(?:bing)? shot|side-?tracking"
        r"|lateral truck(?:ing)?(?: shot| move)?|trucking" + _BEFORE_SIZE, move="truck_right"),
    Cue(r"pedestal(?:s|ing)? down", move="pedestal_down"),
    Cue(r"pedestal(?:s|ing)?(?: up)?|(?:camera|view|viewpoint|perspective) (?:slowly )?(?:rises|rising|ascends|ascending|lifts|"
        r"raises)|rising camera", move="pedestal_up"),
    Cue(r"(?:camera|view|viewpoint|perspective) (?:slowly )?(?:lowers|lowering|descends|descending|sinks|drops)",
        move="pedestal_down"),
    Cue(r"orbit(?:s|ing)?(?: shot| around)?|arc shot|arcs? around|circles? around|circling|"
        r"(?:spinning|revolving|orbiting|circling|rotating) (?:shot|view|pov)|"
        r"(?:camera )?rotates? around|360[- ]degree (?:orbit|turn|rotation|move)|(?:180|90)[- ]degree (?:orbit|arc)",
        move="orbit"),
    Cue(r"(?:camera|view|drone|lens) (?:\w+ly )?(?:circles?|circling|orbits?|orbiting|arcs?|arcing)",
        move="orbit"),
    Cue(r"crane(?:s)? down|boom(?:s)? down", move="crane_down"),
    Cue(r"crane(?:s)? (?:shot )?(?:up|upward|rising)|crane shot|jib(?: shot| up| down)?|boom(?:s)? up"
        r"|camera cranes?(?: (?:over|above|past|across|up|upward))?"
        r"|crane", move="crane_up", strength=0.9),
    Cue(r"(?:slow |smooth )?(?:zoom(?:s|ing)?[- ](?:in|into|onto|toward|towards)|crash zoom|"
        r"snap zoom)", move="zoom_in"),
    Cue(r"(?:slow |smooth )?zoom(?:s|ing)?[- ]out", move="zoom_out"),
    Cue(r"(?:handheld|hand-held) (?:camera|shot|footage)|(?:handheld|hand-held)" + _ALONE + r"|"
        r"(?:handheld|hand-held)" + _BEFORE_SIZE + r"|shaky[- ]cam(?:era)?|"
        r"shaky (?:footage|video|handheld)|documentary-style camera", move="handheld"),
    Cue(r"track(?:s|ing)?(?= (?:the|a|an|his|her|its|their) )|tracking shot|tracks? (?:with|alongside|behind|beside)|tracking (?:alongside|behind|"
        r"beside|the)|tracking" + _BEFORE_SIZE + r"|follow(?:s|ing)? (?:shot|cam)|(?:camera|lens|drone|view) (?:\w+ly )?follow(?:s|ing)?|"
        r"steadicam|gimbal(?: shot)?|leading shot|chase cam(?:era)?|chase shot", move="tracking"),
    # an instruction in the imperative ("Follow the runner as she sprints"); a subject before it
    # ("girls follow the leader") makes it theirs (analysis.camera_in_context)
    Cue(r"(?:follow|trail)(?= (?:the|a|an|him|her|them|his|their|its) )", move="tracking",
        strength=0.9),
    Cue(r"fpv(?: drone)?(?: shot)?|first[- ]person drone", move="fpv"),
    Cue(r"aerial (?:shot|view|footage|flyover|sweep|perspective|pov)|aerial" + _ALONE + r"|(?:aerial|drone|birds?-eye)-like(?: shot| view| footage)?|(?:drone|helicopter)"
        r"(?: shot| view| footage| flyover| sweep| perspective| pov| camera| cam)|fly-?over|"
        r"bird'?s[- ]eye flyover", move="aerial", strength=0.9),
    Cue(r"camera shake|shaking camera|camera shakes|(?<=\[)shake|shake(?=\])|(?:intense |strong |slight |"
        r"subtle )?shaking effect|lens shak(?:es|ing)|jittery camera", move="shake"),
    Cue(r"(?<=, )static(?=\s*(?:[,.;]|$))", move="static"),
    Cue(r"surround(?:ing)? (?:shot|shooting|camera|view)", move="orbit"),
    Cue(r"camera (?:\w+ly )?(?:track(?:s|ing)?|dolly(?:ing)?|dollies|glid(?:es|ing)|mov(?:es|ing)|"
        r"travel(?:s|ling|ing)?) (?:slowly )?(?:backward|backwards|back)", move="dolly_out"),
    Cue(r"camera (?:\w+ly )?(?:track(?:s|ing)?|slid(?:es|ing)|glid(?:es|ing)|mov(?:es|ing)) "
        r"(?:\w+ly )?(?:sideways|laterally|from the side)", move="truck_right"),
    Cue(r"(?:camera|lens|drone|view|viewpoint|perspective) (?:\w+ly )?(?:track(?:s|ing)?|glid(?:es|ing)|fl(?:ies|ying)|skim(?:s|ming)|"
        r"trail(?:s|ing)|lead(?:s|ing)|chas(?:es|ing)|hover(?:s|ing)|float(?:s|ing)|drift(?:s|ing)|"
        r"swoop(?:s|ing)|sweep(?:s|ing)|rac(?:es|ing)|follow(?:s|ing))\b", move="tracking",
        strength=0.9),
    Cue(r"slow[- ]motion camera|camera drifts?|drifting camera|floating camera|camera glides?|"
        r"camera (?:sweeps?|swoops?|moves? slowly|slowly moves?|creeps?|hovers?)", strength=0.8),
    Cue(r"(?:camera )?(?:rotat(?:es|ing)|spin(?:s|ning)|revolv(?:es|ing)|circl(?:es|ing)) (?:slowly |smoothly )?(?:\d+ degrees )?(?:around|round|about)|rotating (?:camera|shot|view)|"
        r"spinning camera|360[- ]degree(?:s)?(?: (?:shot|view|pan|spin|rotation|camera|turn|sweep))?|"
        r"360\u00b0?(?: (?:shot|view|pan|spin|rotation|camera|turn|sweep|orbit))|"
        r"(?:full|slow|complete) (?:rotation|revolution)|barrel[- ]rolls?|barrel[- ]rolling|camera rolls?|rolling camera", move="orbit",
        strength=0.9),
    # rotation said of the frame itself ("the view spins", "the camera rolls upside down")
    Cue(r"(?:camera|view|frame|shot|picture|image|horizon) (?:\w+ly )?(?:spins?|spinning|rotates?|"
        r"rotating|revolves?|revolving|rolls?|rolling|swivels?|swivel(?:l)?ing|whirls?|whirling|"
        r"pivots?|pivoting|turns?|turning|cants?|canting)"
        r"(?! (?:into|to (?:a|an|black|white|grey|gray)|out to)\b)"
        r"(?: (?:slowly|gently|quickly|around|round|left|right|up|down|upside down|sideways|"
        r"clockwise|counter-?clockwise|anti-?clockwise|\d+ degrees))*", strength=0.9),
    Cue(r"horizon (?:\w+ly )?(?:tilts?|tilting)", strength=0.9),
    # the audience as the one who moves is the camera ("we glide through the hall", "we follow
    # her"); as the one who looks, only with where it looks from or towards ("we look down at
    # the city", "we see it from above", "we peer through the keyhole"): "we see a man
    # reading" is narration of what the clip shows, not an angle or a position
    Cue(r"(?<![\"'\u201c\u2018])we (?:\w+ly )?(?:follow|fly|glide|drift|float|soar|"
        r"move|rise|descend|travel|approach|enter|pull|push|pan|tilt|zoom|track|circle|orbit|"
        r"pass|sweep|swoop|dive|climb|hover)(?: (?:down|up|in|out|back|closer|"
        r"through|over|past|across|into|along|around|toward|towards|at))?|"
        r"(?<![\"'\u201c\u2018])we (?:\w+ly )?(?:can )?(?:see|look|watch|peer|gaze|stare|glimpse)"
        r"(?: (?:straight |directly )?(?:down|up)(?= (?:at|on|into|over|from|through)\b)|"
        r" (?:through|from above|from below|from behind|from afar|from the air))", strength=0.9),
    Cue(CAMERA_ANGLES),
    Cue(r"camera(?: angle| movement| move| work| position)?(?=:)|camera (?:is )?(?:static|still|fixed|"
        r"locked|steady|stationary)|camera (?:is |hangs |turns |flips )?(?:upside[- ]down|inverted|"
        r"sideways|on its side|askew|canted)|camera (?:is |stays |remains )?in (?:constant |slow )?motion|"
        r"camera (?:is )?(?:\w+ly )?mov(?:es|ing) (?:slowly |smoothly )?(?:left|right|up|"
        r"down|forward|backward|backwards|closer|around|in|out|away|along|through|across|over|toward|"
        r"towards|past|with|alongside|behind)", strength=0.9),
    Cue(r"(?:the |a )?view from (?:inside |within |behind |atop |above |below |under )?(?:the |a |an )?"
        r"[\w'-]+|camera (?:perspective|view|position|placement)|go-?pro|action cam(?:era)?|"
        r"body ?cam(?:era)?|dash ?cam(?:era)?|helmet cam(?:era)?|security camera|cctv(?: footage| camera)?|"
        r"webcam|(?:shot|filmed|captured|seen|viewed|recorded) (?:with|on|from|by) (?:a |an |the )?(?:drone|gopro|phone|"
        r"smartphone|crane|helicopter|dolly|gimbal|steadicam)|(?:picture|frame|image|scene|video|footage|clip) "
        r"(?:\w+ly )?(?:zooms?|zooming|pans?|panning|tilts?|tilting|rotates?|rotating|pushes|pulls|"
        r"shakes|shaking|spins|spinning|orbits|orbiting) ?(?:in|out|left|right|up|down|around|back)?",
        strength=0.9),
    # the frame itself widening or tightening, a reveal, a shot that travels, the camera's
    # movement said as a noun ("slow forward movement of the camera")
    Cue(r"(?:shot|frame|framing|view) (?:\w+ly )?(?:widens|widening|opens up|tightens|tightening|"
        r"narrows|narrowing)|(?:slow |gradual |dramatic |slow, )reveal(?: shot)?|reveal shot|"
        r"(?:travel(?:l)?ing|moving|roving) (?:shot|camera)|"
        r"(?:(?:slow|smooth|steady|forward|backward|lateral|upward|downward|sideways|circular|"
        r"gentle|fluid|subtle)[, ]+){0,3}movements? of the camera|bird view", strength=0.9),
    # rigs and techniques named as such ("slider shot", "parallax movement", "hyperlapse")
    Cue(r"(?:slider|tripod(?:-mounted)?|parallax|cable[- ]?cam|steady|satellite|follow|chase|"
        r"orbital|tracking|dolly|crane|jib|gimbal|drone)(?: shot| view| movement| move| camera)|"
        r"follow-cam|chase-cam|hyper-?lapse|drone-?lapse|motion[- ]control (?:shot|camera|rig)|"
        r"push(?:es|ing)? (?:through|past|forward)(?= (?:the|a|an)\b)", strength=0.9),
    Cue(r"sweeping (?:shot|view|aerial|pan|camera|crane|drone shot|move)|fly-?through|steady ?cam(?: shot)?|"
        r"(?:close-up |slow |quick |fast )zoom|zoom shot", strength=0.9),
    # The camera as the grammatical subject: whatever it does is a camera instruction. "View"
    # after "into", "in", "from" or "out of" is the idiom of being seen ("fades into view at
    # the end", "hidden from view behind"), no camera.
    Cue(r"(?:camera|lens|drone|(?<!into )(?<!in )(?<!from )(?<!out of )view|viewer|viewpoint|perspective|vantage point|pov|audience) "
        r"(?:(?:\w+ly|then|now|also|first|finally) )*(?:is |stays |remains |starts |begins )?(?:(?:positioned|placed|mounted|set|"
        r"held|kept|angled|tilted|aimed|pointed|low|high|close|level|near|at|above|below|"
        r"beneath|behind|on the (?:floor|ground)|under|underneath|inside)\b|"
        r"(?!(?:angles?|moves?|moving|movements?|works?|operators?|crews?|bags?|lens(?:es)?|phones?|"
        # a cut is the edit's, not a move of the camera ("the camera cuts to close-ups", "the
        # camera alternates between close-ups and wide shots"): the pacing reads it
        r"cut|cuts|cutting|intercut\w*|alternat\w*|"
        # a move verb is left to its own cue, which names the move ("camera orbiting" -> orbit)
        r"orbit\w*|pan(?:s|ning)|tilt\w*|zoom\w*|doll\w*|track\w*|truck\w*|cran\w*|boom\w*|"
        r"pedestal\w*|push\w*|pull\w*|ris\w*|descend\w*|lower\w*|rotat\w*|circl\w*|arc\w*|"
        r"follow\w*|glid\w*|fl(?:ies|ying)|skim\w*|trail\w*|lead\w*|chas\w*|hover\w*|"
        r"float\w*|drift\w*|swoop\w*|sweep\w*|rac\w*|creep\w*|sink\w*|drops?|dropping|"
        r"spin\w*|revolv\w*|slid\w*|travel\w*|"
        r"flash(?:es)?|flares?|shakes?|shaking|is|was|has|does|captur\w*|shows?|showing|records?|recording|"
        r"focus\w*|sees|observes|highlights?|highlighting|reveals?|revealing|catches|depicts|"
        r"features|documents|frames|framing|lingers?|lingering|settles?|holds)\b)[a-z]+(?:es|s|ing)\b(?<!ss))"
        r"(?: (?:up|down|upward|downward|around|away|back|forward|in|out|left|right|overhead|closer|"
        r"low|high|sideways|along|past|over|through))?", strength=0.9),
]

CAMERA_VAGUE = r"dynamic camera|(?:[\w-]+,? )?camera movements?|camera moves?(?! (?:slowly|forward|in|back|away|left|right|closer|" \
    r"toward|backward|up|down))|various angles|multiple angles|camera movement|cool camera|" \
    r"epic camera|camera angles?"

# Shot = shot size and framing only. Angles, heights and points of view are the camera's
# (CAMERA_ANGLES); where things stand in the scene ("in the foreground", "behind") is neither.
_SHOT_SIZE = (r"(?:extreme|very|ultra|super|medium|mid|wide|long|full|tight|loose|close|establishing|"
              r"detail|insert|cowboy|american|knee|waist|thigh|bust|chest|head|master|"
              r"group|distant|far|figure|body|length|range)")
"""Words that size or frame a shot; with a framing noun after them they are a shot size."""

SHOT: list[Cue] = [Cue(p) for p in [
    # the standard shot-size abbreviations are a closed class (ECU/XCU/BCU extreme or big
    # close-up, EWS/ELS/XLS/XWS/VWS extreme or very wide/long, MCU, MLS/MWS/MFS medium long,
    # wide or full); the two-letter ones (CU, WS, LS, MS) are also words or titles ("Ms."),
    # so they count only as a clause's label ("CU: her hands", "WS - the harbour")
    r"extreme close[- ]?ups?|ecu|xcu|bcu|extreme (?:wide|long)(?: shot)?|ews|els|xls|xws|vws",
    r"(?:(?<=^)|(?<=[.:;!?] )|(?<=\n))(?:cu|ws|ls|ms)(?=\s*[:\u2013\u2014]\s|\s+-\s)",
    r"medium close[- ]?ups?|mcu|mls|mws|mfs|medium(?: wide| long| close| full)? shots?|mid[- ]shots?|"
    r"medium-wide|medium framing|mid-?range shot",
    r"close[- ]?ups?|closeup|close shot|close view|detail shot|insert shot|"
    r"(?:very |super )?tight (?:shot|framing|close-?up)|tight on|framed tight|tightly framed",
    r"(?:very |ultra[- ]|extra[- ])?wide(?:-angle)? shots?|wide establishing shot|establishing shot|"
    r"wide view|wide frame|wide framing|long shot|panoramic(?: view| shot)?|panorama|"
    # "full-length" describes a thing when a noun other than the frame's follows it ("a
    # full-length mirror", "a full-length gown"): only alone is it the shot's size
    r"full(?:-body)? shot|full[- ]body(?: framing| view)?|full[- ]length" + _ALONE + r"|cowboy shot|two[- ]shot|"
    r"three[- ]shot|group shot|cutaways? shots?|cutaways?(?![ -][a-z])|cutaways?(?= (?:to|of|on|from|at|showing|back)\b)|(?:fully|entirely) visible|in full view|full view|head[- ]and[- ]shoulders|(?:from the )?(?:waist|chest|knees?)[- ]up|"
    r"head to toe|head-to-toe",
    r"profile shot|portrait (?:shot|framing|orientation)|centered (?:composition|framing)|"
    r"symmetrical (?:composition|framing)|"
    r"rule of thirds|framed (?:by|through|against|in)|"
    # the picture as the subject of "framed" says a framing ("the scene is framed to isolate him")
    r"(?:scene|shot|image|picture|composition) (?:is|are) (?:\w+ly )?framed|"
    r"off-cent(?:er|re) (?:framing|composition)|negative space|"
    r"framing(?! (?:the|a|an|his|her|its|their|this|that)\b)|split[- ]screen|"
    r"silhouette shot|starting (?:on|with) (?:a |an |the )?[\w']+ (?:hands|face|eyes)|"
    # the named shot types of product and editorial shot lists, a closed class: each names how
    # the subject is framed ("hero shot", "tabletop shot of a bottle", "packshot", "flat lay")
    r"(?:hero|beauty|product|tabletop|table-top|reaction|glamour|still[- ]life|flat[- ]lay|pack)"
    r" shots?|packshots?|flat[- ]lay(?: (?:composition|framing|view))?",
    # Any shot size said with a framing noun, however the sizes combine ("medium-close shot",
    # "full-figure shot", "distant view", "bust shot", "tight crop"), a size used as a noun
    # ("a wide of the stadium", "a tight on the striker"), and the frame filled by the subject.
    r"(?!long (?:tracking|panning|moving|continuous|unbroken|handheld|steadicam|dolly|crane|take|"
    r"single|one)\b)" + _SHOT_SIZE + r"(?:[- ]" + _SHOT_SIZE + r")*[- ](?:(?:[a-z]+ )?shots?|views?|"
    r"framing|framed|"
    r"frames?|crop|close-?ups?|closeups?|portrait)|"
    r"(?<=a |A )(?:wide|tight|close|medium|mid|two|three)(?= (?:of|on)\b)|"
    # ... with a word of degree or kind before the size ("a super-wide of the valley", "an
    # establishing wide of Paris", "an extreme wide on the ship")
    r"(?:(?<=a |A )|(?<=an |An ))(?:super|ultra|very|extra|extreme|establishing|medium|tight)"
    r"[- ](?:wide|tight|close|medium|mid)(?= (?:of|on)\b)|"
    r"zoomed[- ](?:in|out)(?: (?:view|shot|framing|frame))?|"
    r"cropped (?:tight(?:ly)?|close|at)|framed from|(?:seen |filmed |shot |viewed )?up close",
    # a size alone as a clause of its own, as shot lists write it ("Wide: the rooftop", "Shot
    # 3 - Medium: ...", "Wide.")
    r"(?:(?<=^)|(?<=[.:;!?] )|(?<=[-\u2013\u2014] )|(?<=\n))(?:extreme |very |ultra |medium[- ])?"
    r"(?:wide|medium|close|tight|full|long|mid|close-?up)(?=\s*[:\u2013\u2014]\s|\s+-\s|\.(?:\s|$))",
    # how far the camera stands from the subject is the size of the shot ("at medium distance")
    r"(?:at |from )?(?:a |an )?(?:medium|mid|middle|close|near|long|intermediate|moderate)"
    r"[- ](?:distance|range)",
    # how much of the frame the subject takes ("fills the screen", "frame-filling")
    r"(?:fill(?:s|ing|ed)?|tak(?:es|ing)? up|occup(?:y|ies|ying)) (?:up )?(?:the |most of the |"
    r"half (?:of )?the |much of the |all of the )?(?:entire |whole |full )?(?:frame|screen|shot|"
    r"picture|image)|frame-filling|fill(?:s|ing)? the frame",
    # how much of a body the frame holds ("half-body", "upper body", "head to toe")
    r"(?:half|upper|full|whole|entire|lower)[- ]body(?: (?:shot|view|framing|portrait))?|"
    r"(?:the )?whole (?:body|figure) (?:is )?(?:visible|in (?:frame|view|shot))",
    # a frame held on one part of a body is a close framing ("focused on the man's face")
    r"(?:focus(?:ed|es|ing)?|centered|centred|zoomed in|tight|closing in|close) on (?:the |a |an |"
    r"his |her |their |its )?(?:[\w-]+'s? )?(?:[\w-]+ )?(?:face|faces|eyes|eye|hands|hand|feet|"
    r"lips|mouth|fingers|fingertips|profile)(?![\w'-])|"
    # the camera as the subject of "focus on" says what the frame is held on, whatever it is
    # ("the camera focuses on the speaker", "with the camera focusing on their interaction");
    # the focus as a noun ("the focus is on", "a focus on") is the lens's, below
    r"(?:camera|cam) (?:(?:is|stays|remains) )?(?:\w+ly )?focus(?:es|ed|ing)? (?:in )?on",
]]

# Focus (a rack focus, what is sharp or blurred) is the lens's, not a camera move, though the
# move is still recorded in Analysis.camera_moves for the dialects.
LENS: list[Cue] = [Cue(r"rack(?:s|ing)?[- ]focus(?:es)?|focus pull|pulls? focus|(?:the )?focus shifts?|"
                       r"shifts? (?:the )?focus", move="rack_focus")] + [Cue(p) for p in [
    # a gauge of film said with its look is the film stock's style ("70mm film aesthetic",
    # "35mm film grain"), not a focal length
    r"\d{2,3} ?mm(?: lens| anamorphic| prime)?(?! film (?:aesthetic|grain|look|stock|style)\b)|"
    r"anamorphic(?: lens| flare)?",
    r"wide[- ]angle lens|wide lens|ultra[- ]wide(?: lens)?|telephoto(?: lens)?|long lens|"
    r"fish[- ]?eye(?: lens)?|tilt[- ]shift(?: lens)?|prime lens|zoom lens|vintage lens|"
    r"macro(?: lens)?|probe lens|pinhole",
    r"shallow depth of field|deep depth of field|shallow dof|deep focus|shallow focus|"
    r"bokeh|f/\d(?:\.\d)?|soft focus|lens flares?|creamy background blur|background blur|"
    r"wide[- ]angle|(?:with a|the|its|a|sharp|soft|selective) focus on|in (?:sharp )?focus|"
    # the focus as the subject of a copula is the same focus on ("the focus is on her hands")
    r"(?:the |its )?focus (?:is|stays|remains|rests|falls|lies) (?:\w+ly )?(?:up)?on|"
    r"out[- ]of[- ]focus|defocus(?:ed)?|blurry(?: background)?|soft-focus|"
    r"(?:softly |gently |slightly )?blurred(?: background)?|(?:cinematic )?depth of field|"
    # the frame's depth, not a thing's ("the ocean's depth") nor depth a thing adds to the
    # composition ("rocks add depth to the scene")
    r"(?<!'s )(?<!\u2019s )(?:cinematic )?depth(?! (?:to|and)\b)|(?:sharp|crisp|selective) focus",
]]

LIGHT_SOURCES = (r"(?:sun|moon|stars?|flashlights?|torch(?:es)?|chandeliers?|campfires?|bonfires?|"
                 r"fires?|flames?|fireplace|lanterns?|candles?|lamps?|fireflies|headlamps?|"
                 r"headlights|screens?|embers|neon signs?|spotlights?|streetlights?|street lamps?)")
"""Things that give light: a source said with a verb of light is the scene's lighting."""
SKY_AND_FIRE = (r"(?:sun|moon|stars|campfires?|bonfires?|fires?|flames|embers|chandeliers?|"
                r"neon signs?|streetlights?|street lamps?|fireflies)")
"""Sources whose verb of light is the scene's light ("the sun sets", "stars shining"); a lamp
that flickers on is an event of the story, left to the action."""
LIGHT_VERBS = (r"(?:shin(?:es|ing|e)|shone|glow(?:s|ing|ed)?|glitter(?:s|ing)?|gleam(?:s|ing)?|"
               r"flicker(?:s|ing)?|sparkl(?:es|ing)|twinkl(?:es|ing)|blaz(?:es|ing)|sets|setting|"
               r"rises|rising|illuminat(?:es|ing)|lights? up|lighting up|casts?|casting|beam(?:s|ing)|"
               r"bath(?:es|ing)|pour(?:s|ing) (?:in|through)|stream(?:s|ing) (?:in|through))")

# Lighting = a light source, its direction or quality, or the time of day (which sets the light).
LIGHTING: list[Cue] = [
    Cue(r"golden[- ]hour(?: light| sunlight| glow)?|blue[- ]hour|magic hour"),
    Cue(r"(?:at |by |late at |in the (?:middle of the )?|during the )?(?:night|night-?time|midnight|dawn|dusk|"
        # a day counted ("on the first day", "day after day", "every day") is no time of day
        r"daybreak|sundown|nightfall|noon|midday|twilight|daytime|(?<!first )(?<!second )"
        r"(?<!third )(?<!fourth )(?<!fifth )(?<!sixth )(?<!next )(?<!last )(?<!every )(?<!each )"
        r"(?<!same )(?<!one )(?<!after )(?<!whole )(?<!entire )day(?! after))(?![- ](?:club|market|shift|"
        r"dress|gown|stand|light|vision|time|sky|skies))(?<!'s day)|after dark|"
        r"(?:in the |early |late |on a |one )?(?:morning|afternoon|evening)(?! (?:coffee|paper|news|"
        r"routine|run|walk|jog|commute|dress|gown|star))|(?:on a )?(?:sunny|overcast|cloudy|grey|gray) day",
        strength=0.8),
    Cue(r"at (?:sunset|sunrise|dusk|dawn|twilight)", strength=0.7),
    Cue(r"(?:lens|sun) flares?|sunset|sunrise", strength=0.6),
    Cue(r"back[- ]?lit|backlight(?:ing)?|rim[- ]?(?:light|lit|lighting)|key light|fill light|"
        r"edge light|hair light|kicker"),
    # a lighting setup written in the gaffer's shorthand, as an item of its own ("Golden side
    # key, soft fill", "Soft studio key, rim highlight, no fill"); "a golden key" is a thing
    Cue(r"(?<![^\n,.;:] )(?:(?:soft|hard|warm|cool|golden|side|studio|low|high|strong|subtle|"
        r"gentle|bright|single|motivated|practical|dim|tungsten|daylight) ){1,2}(?:key|fill)"
        r"(?=\s*(?:[,.;\n]|$))|rim highlights?|(?<![^\n,.;:] )no fill(?=\s*(?:[,.;\n]|$))"),
    Cue(r"volumetric(?: light| lighting| fog| haze| rays)?|god rays|crepuscular rays|light rays|"
        r"rays of (?:light|sunlight)|light beams?|beams? of light|shafts? of (?:light|sunlight)|"
        r"sun ?beams?|light shafts"),
    Cue(r"neon(?: lights?| signs?| glow| reflections?| lighting)?|candle-?(?:light|lit)|firelight|"
        r"fire-?lit|torch-?lit|lantern light|moonlight|moon-?lit|starlight|sunlight|sun-?lit|"
        r"daylight|overcast(?: light| sky)?|fluorescent(?: light| lights| lighting)?|tungsten|"
        r"practical lights?|street ?lights?|street lamps?|headlights|spotlight|strobe(?: light)?s?|"
        r"bioluminescen(?:t|ce)|flash(?:es)? of lightning|lightning flash(?:es)?|sunrise light|sunset light|twilight glow|dappled(?: light| sunlight)?"),
    Cue(r"chiaroscuro|high[- ]key|low[- ]key|hard shadows?|soft shadows?|long shadows|deep shadows|"
        r"silhouetted?|contre[- ]jour|lit (?:by|from|with)|illuminated(?: by)?|glowing|glows?|"
        r"reflections? on|specular highlights|caustics"),
    Cue(r"(?:soft|warm|cold|cool|harsh|hard|dim|bright|natural|morning|evening|afternoon|window|"
        r"ambient|diffused|diffuse|moody|dramatic|even|flat|gentle|pale|low|raking|side|top|"
        r"studio|stage|colored|coloured|red|blue|green|amber|orange|golden|silver|white|"
        r"flickering|fading|harsh midday|late[- ]afternoon|early[- ]morning|winter|summer|"
        r"underwater|filtered|sodium-vapor|sodium) ?(?:light|lighting|glow|sunlight)"),
    # a light source said with a verb of light, either way round ("the sun sets over the
    # ocean", "stars shining above", "shining a flashlight", "glittering chandeliers")
    Cue(r"(?:the |a |an )?" + SKY_AND_FIRE + r"(?: [\w'-]+){0,2}? " + LIGHT_VERBS
        + r"|" + LIGHT_VERBS + r" (?:a |an |the |his |her |their )?(?:[\w-]+ )?" + LIGHT_SOURCES
        + r"|(?:the )?(?:flames?|glow|light|flicker) of (?:a |an |the )?(?:[\w-]+ )?"
        r"(?:campfire|bonfire|fireplace|hearth|fire|candles?|lanterns?|torch(?:es)?)|"
        r"campfire|bonfire", strength=0.8),
    Cue(r"lighting|light and shadow", strength=0.7),
    Cue(r"(?:in (?:the )?|total |complete |near )?darkness|in the dark|pitch[- ]black|dark|dim|darker|"
        r"dimmer|shadowy|shadows|candles?|candle flames?|bulbs?|torchlight|softbox|ring light|"
        r"screen glow|glow of (?:the |a |an )?[\w-]+|flicker(?:s|ing)? (?:light|candle|flame|lamp)s?",
        strength=0.7),
    Cue(r"lit|(?:well|poorly|half|spot|dimly|brightly|softly|darkly|warmly|harshly|evenly)-lit|spotlit|"
        r"spotlighted|sun-?(?:drenched|kissed|dappled|"
        r"soaked|bathed)|(?:cast(?:s|ing)?|throw(?:s|ing)?) (?:[\w-]+ ){0,2}shadows?|"
        r"(?:in|under|beneath|into) (?:the )?(?:[\w-]+ )?shade|shade of", strength=0.9, left=(0, 1)),
    Cue(r"(?:lights|lamps?|lamplight|floodlights?|spotlights?|strip lights|"
        r"light(?! (?:rain|snow|breeze|wind|touch|blue|green|grey|gray|brown|pink|fabric|jacket|"
        r"tower|pole|post|switch|sabers?|sabres?|years?|weight|armou?r|yellow|purple|beige|tan|"
        r"orange|red|wood|aircraft|rail|skin|colou?red|[\w-]+-toned|top|shirt|dress|coat|sweater|"
        r"steps?|footsteps|drizzle|mist|dusting|layer))|sunshine|(?:morning|afternoon|evening|"
        r"midday|winter|summer|setting|rising|low|bright|pale|harsh|hazy|late[- ]\w+) sun|"
        r"(?:long|soft|hard|deep|violet|blue|cast) shadows)", strength=0.8, left=(0, 2)),
]

COLOR_WORDS = _alts("red|orange|yellow|green|blue|purple|violet|pink|magenta|cyan|teal|turquoise|"
                    "silver|black|white|grey|gray|crimson|scarlet|amber|emerald|azure|ochre|indigo|"
                    "gold|beige|ivory|navy|maroon|burgundy|lavender|coral|mint|rust|copper|bronze|"
                    "blue-green|blue-grey|sea-green")


def _ish(family: str) -> str:
    """The "-ish" adjective of a hue family ("blue" -> "bluish", "red" -> "reddish")."""
    if family.endswith("e"):
        return family[:-1] + "ish"
    if len(family) == 3 and family[1] in "aeiou" and family[2] not in "aeiouwy":
        return family + family[-1] + "ish"
    return family + "ish"


HUE_NAMES = trie_regex(sorted({w for w in HUES if w.isalpha()}
                              | {_ish(f) for f in set(HUES.values())}))
"""Every colour name of the consistency anchors' hue table (anchor_words.HUES: "fuchsia",
"cerulean", "saffron"...) and each hue family's "-ish" form ("bluish", "reddish")."""

COLOUR_QUALITY = (r"warm|warmer|cool|cooler|cold|colder|icy|muted|saturated|desaturated|faded|"
                  r"washed-out|vivid|vibrant|pastel|sepia|monochrome|golden|neutral|earthy|"
                  + COLOR_WORDS)
"""A quality of colour itself: its temperature, saturation, or a common hue ("cool", "muted",
"teal"; the rarer hue names are left to the tint cue below, to keep the alternation short);
unlike a mood ("serene", "dark futuristic"), said of a tone it is the
colour's."""

COLOR: list[Cue] = [
    # the whole picture in one colour ("the whole scene is bathed in red", "everything tinted a
    # sickly green"), a palette named by its colours ("hues of amber and rose", "a palette of
    # ochre, rust and deep green") and a labelled colour section ("Colours: muted teal, ..."),
    # before the bare nouns so that they are read whole
    Cue(r"(?:everything|(?:the )?(?:whole |entire )?(?:scene|frame|image|picture|world|film|"
        r"footage))(?: is| are| seems)? (?:bathed|washed|drenched|tinted|awash|soaked|steeped|"
        r"rendered|graded|glows?|glowing)(?: in)?(?: an?)?(?: [a-z-]+)? " + COLOR_WORDS + r"|"
        r"colou?r(?:s| palette| grade| grading)?:|(?:palette|grade|grading|tones)\s*:|"
        r"(?:hues|palette) of (?:deep |pale |soft |warm |"
        r"cool |dark |light |bright )?" + COLOR_WORDS + r"(?:,? (?:and )?(?:deep |pale |soft |warm |"
        r"cool |dark |light |bright )?" + COLOR_WORDS + r")*"),
    # the frame's colour tone, said by a quality of colour (a hue, a temperature, a saturation)
    # before it or after a linking verb ("a cool tone", "a golden hue", "the colour tone is
    # cold", "the overall tone of the video is warm", "the colours are soft and warm"); a tone
    # said by a mood ("a serene tone", "a dark futuristic tone") is the style's
    Cue(r"(?:" + COLOUR_QUALITY + r")(?:,? (?:and )?(?:" + COLOUR_QUALITY + r"))?(?: colou?r)? "
        r"(?:tone|hue|tint)(?![\w'-])|colou?r tones?|"
        r"(?:colou?r tones?|tone|colou?rs|palette|hues|tones)(?: of the (?:whole |entire )?"
        r"(?:video|image|picture|scene|frame|footage|film|shot|clip))? "
        r"(?:is|are|looks?|seems?|stays?|remains?|feels?|leans?(?: towards?)?) "
        r"(?:(?:[a-z]+ly|quite|very|slightly|mostly|more|rather) )?(?:[a-z-]+,? (?:and )?)?"
        r"(?:" + COLOUR_QUALITY + r")(?:(?:,| and|, and) (?:" + COLOUR_QUALITY + r"))*"),
    Cue(r"palette|tones|hues", left=(1, 3)),
    Cue(r"colou?r palette|colou?r grad(?:e|ed|ing)|graded in|colou?r scheme|(?:warm|cool|cold|"
        r"earthy|muted|neutral|pastel|jewel|neon|golden|amber|blue|teal)(?:,? [\w-]+)? (?:tones|hues)|"
        r"(?:tones|shades) of (?:deep |pale |soft |warm |cool |dark |light |bright )?"
        + COLOR_WORDS + r"(?:,? (?:and )?(?:deep |pale |soft |warm |cool |dark |light |bright )?"
        + COLOR_WORDS + r")*|tones of|"
        r"(?:high|low|strong|stark|bold)[- ]contrast|"
        r"monochrom(?:e|atic)|black[- ]and[- ]white|b&w|sepia|desaturated|saturated|"
        r"vibrant colou?rs?|muted colou?rs?|pastel(?: colou?rs)?|teal[- ]and[- ]orange|"
        r"complementary colou?rs|colou?r contrast|duotone|technicolor|bleach bypass|"
        # the frame's colour said by comparison ("the colour slightly warmer than before")
        r"(?:the )?colou?rs? (?:is |are |now |grows? |becomes? |turns? )?(?:slightly |much |a bit |"
        r"a little |even |noticeably |gradually )?(?:warmer|cooler|colder|brighter|darker|richer|"
        r"more saturated|less saturated|more muted|paler|deeper)(?: than [\w-]+)?|"
        # the colour of the whole picture changing ("the colours shift from warm to cool",
        # "colour temperature shifts from gold to blue", "the palette warms", "the image drains
        # of colour", "the frame turns monochrome") and its saturation: the grade
        r"colou?r temperature|(?:high|low|heavy|boosted|reduced|rich|full|lower|higher|"
        r"increased|decreased)[- ]saturation|(?:de)?saturation (?:boosted|pulled|lowered|raised|"
        r"drops?|rises?)|"
        r"(?:the )?(?:colou?rs|palette|grade) (?:slowly |gradually |subtly |suddenly )?"
        r"(?:shift|shifts|shifting|change|changes|changing|fade|fades|fading|warm|warms|warming|"
        r"cool|cools|cooling|drain|drains|draining|bleed|bleeds|bleeding|pop|pops)(?![\w'-])|"
        r"(?:image|frame|picture|world|scene|footage|everything) (?:slowly |gradually |suddenly )?"
        r"(?:drains?|draining|drained) of colou?r|"
        r"(?:image|frame|picture|world|scene|footage|everything) (?:slowly |gradually |suddenly )?"
        r"(?:turns?|turning|fades?|fading|goes|going|shifts?|shifting) (?:to |into )?"
        r"(?:monochrome|black[- ]and[- ]white|sepia|grey|gray|greyscale|grayscale)"),
    Cue(r"(?!(?:of|the|and|or|with|in|a|an|its|their|his|her|being|change|changes|changing|"
        r"showing|shows|displaying|different|various|many|all|its)[- ])[\w-]+[- ](?:colou?rs|colou?red|"
        r"toned|tinted|hued|tinged)|washed[- ]out|(?:reds|blues|greens|yellows|"
        r"golds|purples|pinks|oranges|greys|grays|browns|whites|blacks)(?: and " + COLOR_WORDS
        + r"s?)?", strength=0.8),
    Cue(COLOR_WORDS + r"(?: and " + COLOR_WORDS + r")?", strength=0.6),
    # any colour name said of a tint, a cast or a haze over the picture ("a cool, bluish cast",
    # "a fuchsia haze", "a greenish tint"): the look of the whole frame, as for the commonest
    # colour words above
    Cue(r"(?<![\w'-])" + HUE_NAMES + r" (?:tint|cast|wash|haze|gradient|grade)(?![\w'-])",
        strength=0.8),
]

LOOK_SOURCE = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""What a look made one word with its source names before the hyphen ("documentary", "90s",
"wes-anderson" in "wes-anderson-style")."""
LOOK_SUFFIX = r"-(?:style|inspired|esque)"
LOOK_COMPOUND = LOOK_SOURCE + LOOK_SUFFIX
"""A look made one word with its source ("documentary-style", "Ghibli-inspired"): a style cue,
and what analysis reads to tell a thing's make ("a rotary-style phone") from a look."""

STYLE: list[Cue] = [
    Cue(r"film noir|neo-?noir|noir|documentary(?: style| footage)?|found[- ]footage|anime|cel[- ]shaded|"
        r"claymation|stop[- ]motion|watercolou?r|oil painting|painterly|pixel art|low[- ]poly|"
        r"3d render|cgi|photorealistic|hyper-?realistic|realistic|naturalistic|surreal(?:ist)?|"
        # the medium: "underwater photography", "a cute 3D owl mascot"
        r"(?:(?!(?:the|a|an|of|and|with|in|no|for)\b)[\w-]+ )?(?:[\w-]+ )?photography(?: style)?|[23]d(?![ -](?:render|animation))|"
        r"dreamlike|dream-like|dreamy|ethereal|whimsical|melancholic|melancholy|moody|tense|eerie|"
        r"ominous|serene|peaceful|tranquil|calm|joyful|joyous|playful|nostalgic|romantic|epic|"
        r"gritty|hypnotic|meditative|meditation|mysterious|haunting|intimate|lonely|lonesome|"
        r"triumphant|vintage|retro|vhs|super ?8|16 ?mm film|35 ?mm film|film stock|film grain|"
        r"grainy|kodak|portra|ektachrome|cinestill|analog(?:ue)?|music video|commercial|"
        r"fashion film|storybook|fairy-?tale|cyberpunk|steampunk|solarpunk|minimalist|"
        r"brutalist|art deco|baroque|expressionist|impressionist|gothic|cozy|cosy|"
        r"suspenseful|uplifting|somber|sombre|bittersweet|euphoric|chaotic|frantic|menacing|"
        r"majestic|awe-?inspiring|wistful|contemplative|elegant|luxurious|tactile|elegiac|"
        r"exhilarating|tender|poignant|dread|ache|longing|hopeful|"
        r"hand-?drawn|2d animation|3d animation|pixar-like|miniature|diorama|"
        r"wes anderson|kubrick|lynchian|ghibli|futuristic|magnificent|cartoon(?:ish|y)?|animated|"
        r"illustration|illustrated|sketch|comic(?: book)?|manga|mystical|magical|desolate|bleak|gloomy|"
        r"cheerful|heartwarming|whimsy|grandeur|serenity|tranquill?ity|nostalgia|solitude|isolation|"
        r"desolation|loneliness|awe|wonder|mystery|tension|intimacy|melancholia|sorrow|grief|"
        r"ambiance|allure|(?:architectural |3d |digital )?render(?:ing)?|lifeless|"
        r"dystopian|utopian|apocalyptic|post-apocalyptic|fantasy|sci-fi|science fiction|horror|"
        r"noir|vaporwave|synthwave|lo-?fi|ukiyo-e|art nouveau|pop art|abstract|psychedelic|"
        r"(?:ultra|hyper|super|photo)-?realistic|low-?fi|thrilling|breathtaking|nail-biting|"
        r"heart-?pounding|spine-?chilling|jaw-?dropping|"
        r"in the style of [\w' -]+?(?=[,.;]|$)"),
    # the medium a frame is made in, and the genres a clip can belong to
    Cue(r"(?:digital|concept|line|vector|pixel|pop|street|clip|fan|ascii|8-bit|16-bit|voxel|isometric|"
        r"fine|generative|ai) art|(?:oil|acrylic|watercolou?r|ink|charcoal|pencil|pastel|gouache|"
        r"crayon|chalk|marker|ballpoint|sumi-e) (?:painting|drawing|sketch|illustration|art|wash)|"
        r"(?:charcoal|pencil|ink|crayon|chalk) drawing|isometric|voxel|paper[- ]?cut|papercraft|"
        r"paper craft|origami style|brickfilm|stained[- ]glass style|woodcut|linocut|"
        r"comic strip|storyboard style|infrared|thermal "
        r"(?:camera|imaging|vision)|night[- ]vision|film still|polaroid|daguerreotype|tintype|"
        r"thriller|sitcom|rom-?com|blockbuster|indie film|arthouse|art-house|b-movie|"
        r"telenovela|k-drama|wuxia|kaiju|mecha|superhero film|spaghetti western|mockumentary|"
        r"nature documentary|wildlife documentary|music video|vlog|tiktok|instagram reel|"
        r"infomercial|movie trailer|film trailer|cinemagraph"),
    # a mood named as what the scene carries ("a sense of freedom", "an air of mystery"); "a
    # house with a sense of technology" is the house's quality, not the clip's mood
    Cue(r"(?<!with a )(?<!with an )(?<!with the )(?<!with )(?:a |an |the )?(?:(?:deep|strong|quiet|overwhelming|palpable|gentle) )?(?:sense|feeling|"
        r"air|aura|mood|atmosphere|spirit|tone) of "
        r"(?!(?:speed|motion|movement|weight|momentum|scale|depth|distance|perspective|space|"
        r"the|a|an|his|her|their|its|time|direction|place|balance|humou?r)\b)"
        r"(?:[\w-]+ and )?[\w-]+", strength=0.8),
    # what the clip itself is said to be ("The video is vibrant and energetic", "the scene is
    # richly detailed"): a predicate of the clip is its look or mood
    Cue(r"(?:the |this |the overall |the whole |the entire )(?:scene|video|clip|footage|film|image|"
        r"picture|atmosphere|mood|ambiance|ambience|vibe|feel) (?:is|feels|seems|looks|remains|"
        r"becomes|stays)(?: (?:very|so|quite|deeply|richly|utterly|incredibly|both|rather|"
        r"entirely|wholly|almost))? "
        r"(?!(?:a|an|the|shot|filmed|set|captured|seen|taken|viewed|framed|lit|illuminated|in|at|on|"
        r"of|from|with|by|full|filled|dominated|made|composed|split|divided|then|now|still|"
        r"static|bathed|covered|over|done|recorded|rendered|presented|told|seconds?|\d+|"
        # the light's or the palette's words are lighting and colour ("the scene is darkly lit")
        r"bright|brighter|dark|darker|dim|dimmer|brightly|darkly|dimly|softly|harshly|well-lit|"
        r"sunlit|moonlit|backlit|warm|warmer|cool|cold|colou?rful|monochrome|monochromatic|"
        r"saturated|desaturated|muted|black|white|grey|gray|[\w-]+ly (?:lit|illuminated))\b)"
        r"[\w-]+(?:(?:,| and|, and) (?!(?:a|an|the|with|in|at|on)\b)[\w-]+)?", strength=0.8),
    # the clip presented as a kind of footage or as part of a film: the medium is the look
    Cue(r"(?:real[- ]life|real[- ]world|live[- ]action|archival|amateur|home|stock|newsreel|"
        r"authentic|realistic|raw|documentary|news|security|surveillance|found) "
        r"(?:footage|video|film|recording|clip|photograph|photo)s?|"
        r"(?:a |an |the )?(?:scene|still|shot|frame|clip|moment|sequence) from (?:a |an |the )?"
        r"(?:[\w'-]+ ){0,3}(?:movie|film|tv show|tv series|series|anime|cartoon|video game|"
        r"music video|commercial|documentary|sitcom|thriller)|"
        r"(?:movie|film|cinema|tv) (?:scene|still|frame)|"
        r"(?:silent|black[- ]and[- ]white|b&w|sepia|technicolor|\d{4}s|\d0s|vintage|old|"
        r"classic|retro|art-?house|indie|hollywood|bollywood) (?:film|movie|footage|photograph|"
        r"home video|camcorder footage)|"
        r"(?:clay|puppet|paper|cut-?out|digital|cel|flat|vector|motion[- ]graphics?|3d|2d|cg|cgi|"
        r"stop[- ]motion|hand-?drawn|traditional|rotoscoped?|limited) "
        r"(?:animation|painting|illustration|artwork)"),
    Cue(r"(?:[\w-]+ )?(?:style|aesthetic|mood|atmosphere|vibe|tone|feel|feeling|quality|look|energy)\b|"
        # a look made one word with its source ("documentary-style", "Ghibli-inspired")
        + LOOK_COMPOUND, strength=0.6),
    Cue(r"cinematic|filmic|movie-like|hollywood", strength=0.3),
]

PLACES = _literal_alts("""
forest|woods|jungle|water|void|hangar|headland|airlock|slot canyon|rainforest|desert|dunes|beach|shore|coast|coastline|ocean|sea|underwater|
lake|river|stream|waterfall|mountain|mountains|valley|field|fields|meadow|prairie|hills|
city|cityscape|street|streets|alley|alleyway|rooftop|rooftops|skyline|downtown|neighborhood|
kitchen|bedroom|living room|bathroom|studio|cafe|café|diner|bar|restaurant|office|warehouse|
factory|lab|laboratory|library|church|cathedral|temple|shrine|castle|ruins|village|town|
market|marketplace|bazaar|station|subway|metro|platform|highway|road|racetrack|bridge|tunnel|
park|garden|greenhouse|farm|barn|vineyard|tundra|arctic|antarctic|glacier|snowfield|space|
outer space|deep space|nebula|galaxy|planet|alien planet|moon|moon surface|spaceship interior|
cockpit|stage|arena|stadium|gym|ring|skatepark|cave|cavern|canyon|cliff|cliffs|harbor|harbour|
dock|docks|pier|island|swamp|marsh|bayou|kelp forest|reef|coral reef|sky|clouds|room|hallway|
corridor|staircase|attic|basement|interior|exterior|background|backdrop|tabletop|table|
countertop|desk|bed|window|windowsill|balcony|courtyard|plaza|square|classroom|hospital|
museum|gallery|theater|theatre|concert hall|club|nightclub|dance floor|ballroom|palace|
mansion|cottage|cabin|tent|campsite|campfire|lighthouse|orchard|wheat field|rice paddies|
savanna|savannah|steppe|volcano|lava field|ice cave|pool|swimming pool|aquarium|bathtub|
train carriage|subway car|bus stop|parking lot|gas station|motel|laundromat|bookshop|bakery|
workshop|forge|throne room|battlefield|trench|spaceport|space station|
mars|fireplace|hearth|porch|veranda|terrace|
""".replace("\n", ""))

# Where the scene is: a place preposition and the noun phrase after it, whatever the place
# ("inside an oven", "by the pond", "in Palm Springs"), when no other component took the words.
_NOT_PLACES = (r"(?!(?:his|her|its|their|my|our|your|top|bottom|display|edge|screen|camera|"
               r"cue|time|love|sync|flight|fire|action|progress|bloom|full bloom|harmony|tandem|pain|"
               r"thought|prayer|duty|guard|foot|costume|uniform|disguise|character|profile|view|"
               r"sight|contrast|colou?r|black|white|red|blue|green|gold|silver|pink|purple|yellow|"
               r"the (?:left|right)|(?:the )?middle of the (?:frame|shot))\b)"
               r"(?!(?:[\w'-]+ ){0,3}(?:formation|call|costume|outfit|attire|gear|clothes|"
               r"clothing|suit|dress|coat|jacket|uniform|armou?r|focus|motion|unison|silence|front|detail|place|"
               r"time|sync|style|mind|love|fear|awe|shock|tears|half|pieces|slow|fast|return|hand|"
               r"turn|order|line|circles?|spirals?|loops?|waves?|pairs?|groups?|rows?|mid-\w+|"
               r"the (?:frame|shot|air|distance|background|foreground|wind|breeze)|"
               r"(?:his|her|its|their) (?:hands?|mouth|arms|paws|face|eyes|chest|head|lap|side)))")
SETTING: list[Cue] = [
    Cue(r"(?:inside|in|on|under|beneath|within|near|outside|amid|amidst|among) "
        + _NOT_PLACES + r"(?:(?:the|a|an)\s+)?(?:[\w'-]+,?\s+){0,3}?[\w'-]+"
        r"(?=\s*(?:[,.;:!?]|$|and |with |while |as |at |in |on |under |during ))", strength=0.5),
    Cue(r"(?:in|on|at|through|across|inside|over|under|along|beneath|above|within|into|onto|"
        r"around|against|near|by|down|up|outside|throughout|among|amid|amidst|toward|towards|"
        r"from) (?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'-]+\s+){0,3}?" + PLACES + r"s?"),
    Cue(PLACES + "s?", strength=0.6),
    Cue(r"at (?:night|dawn|dusk|sunrise|sunset|noon|midnight|twilight|daybreak)|night-?time|nighttime|"
        r"midday|in the (?:morning|afternoon|evening)|early morning|late afternoon|rainy|raining|"
        r"rain-soaked|in the rain|snowy|snowing|foggy|misty|fog|mist|stormy|thunderstorm|"
        r"blizzard|winter|summer|autumn|autumnal|springtime|wet pavement|puddles"),
]

# Motion = the speed, manner, weight or physics of a movement. A direction alone ("left to
# right", "forward") is not motion, and neither is an adjective that describes a thing ("a
# graceful dancer"): an adjective counts only when its noun is a movement ("graceful strides").
MOVEMENT_NOUNS = (r"(?:movements?|motions?|moves|steps?|footsteps|strides?|gait|pace|speed|turns?|"
                  r"spins?|twirls?|leaps?|jumps?|hops?|dives?|falls?|descent|ascent|climb|glides?|"
                  r"drifts?|sways?|swings?|arcs?|rhythm|flow|landing|impact|bounces?|gestures?|"
                  r"strokes?|flight|trajectory|momentum|sprints?|dash|rush|walk|run|jog|crawl|"
                  r"pirouettes?|rotation|sweeps?|swoops?|dance moves|wingbeats?|flaps?|kicks?|"
                  r"punches|swirls?|ripples|undulations?|waddle|shuffle|stagger|tumble|roll|slide|bounds|"
                  r"jabs?|kicks?|swipes?|thrusts?|lunges?|swings?|throws?|pounces?|strikes?|"
                  r"waves|strokes|blur|physics|flight|wingbeats|chase|pursuit|collision|"
                  r"crash|footwork|gait|stride|cadence)")
MOTION_ADJECTIVES = (r"(?:slow|slower|slight|swift|rapid|quick|fast|gentle|graceful|fluid|smooth|jerky|"
                     r"heavy|light|lazy|steady|brisk|sudden|violent|delicate|powerful|elegant|"
                     r"frantic|leisurely|sluggish|explosive|languid|rhythmic|erratic|wobbly|bouncy|"
                     r"springy|nimble|agile|clumsy|lumbering|effortless|weightless|soft|measured|"
                     r"deliberate|hurried|unhurried|lively|energetic|vigorous|subtle|tiny|small|"
                     r"big|sweeping|wide|tight|long|short|high|low|dramatic|acrobatic|synchronized|dynamic|"
                     r"staggered|floaty|bounding|loping|plodding|sharp|abrupt|slow-motion|"
                     r"high-speed|twisting|spinning|circular|looping|continuous|constant|gradual|realistic|"
                     r"natural|lifelike|believable|physical|physically accurate|motion|"
                     # a path's shape said of a movement noun ("rapid back-and-forth movement");
                     # the path alone ("running in circles") is where it goes, not how
                     r"back-and-forth|side-to-side|up-and-down|to-and-fro|zig-?zag)")
MOTION: list[Cue] = [
    # an adjective counts when its noun is a movement ("graceful strides", "high-speed flight")
    Cue(MOTION_ADJECTIVES + r",? (?:(?:and )?" + MOTION_ADJECTIVES + r",? )?" + MOVEMENT_NOUNS),
    # the speed of a change of form ("the gradual transformation of butter", "rapid melting")
    Cue(r"(?:gradual|slow|rapid|quick|swift|steady|progressive) (?:transformation|deformation|"
        r"melting|decay|erosion|expansion|contraction|shrinking|swelling|dissolution|dissolving|"
        r"crumbling|collapse|inflation|deflation)"),
    # ... or when it is said of one ("her movements fluid and precise")
    Cue(r"(?:her|his|its|their|the) " + MOVEMENT_NOUNS + r",? (?:(?:are|is|were|was|remain|stay|"
        r"look|feel)s? )?(?:(?:very|so|slow|quite) )?" + MOTION_ADJECTIVES
        + r"(?: and (?:[\w-]+))?"),
    # the physics of one thing's movement named as a noun ("the bounce of the ball", "the sway
    # of the bridge")
    Cue(r"the (?:bounces?|sways?|swaying|flutter(?:ing)?|wobbl(?:e|ing)|swirls?|swirling|trajectory|"
        r"spin|rebound|recoil|swing|bobbing|jiggle) of (?:the|a|an|its|his|her|their) [\w-]+"),
    # ... and whatever adjective a copula gives them ("her movements remain quietly confident")
    Cue(r"(?:her|his|its|their|the) " + MOVEMENT_NOUNS + r",? (?:are|is|were|was|remain|stay|"
        r"look|feel|seem|appear)s? (?:[a-z]+ly )?[a-z-]+(?:ent|ant|ful|ous|ive|ic|al|y|ed|less|ile|"
        r"ise|ose|ite|ure|ish)(?![\w'-])"),
    # speed and manner
    Cue(r"(?:very |extremely )?(?:slowly|gently|softly|quickly|rapidly|swiftly|briskly|leisurely|"
        r"lazily|gradually|steadily|smoothly|fluidly|gracefully|effortlessly|playfully|powerfully|"
        r"violently|delicately|calmly|peacefully|hurriedly|urgently|languidly|sluggishly|"
        r"frantically|rhythmically|erratically|abruptly|elegantly|crisply|cleanly|sharply|"
        r"tightly|loosely|lightly|firmly|unevenly|evenly|jerkily|wildly|continuously|"
        r"carefully|deliberately|energetically|vigorously|clumsily|nimbly|intensely|fiercely|"
        r"heavily|weightlessly|fast|slow|(?:fast|slow|quick|swift)-moving|in a blur|motion blur|"
        r"at (?:high|great|breakneck|top|full|low|a crawl(?:ing)?) speed|(?:a |with a )?sense of "
        r"(?:speed|motion|movement|weight|momentum))"),
    # what moves it: wind and water
    Cue(r"(?:blown|blow(?:s|ing)|rustl(?:es|ing)|sway(?:s|ing)|flow(?:s|ing)|flutter(?:s|ing)|"
        r"billow(?:s|ing)|wav(?:es|ing)|shift(?:s|ing)|drift(?:s|ing)|whip(?:s|ping)|tossed|carried|"
        r"rippl(?:es|ing)|stream(?:s|ing)|danc(?:es|ing)|trembl(?:es|ing)|bend(?:s|ing)|bent) "
        r"(?:[\w-]+ )?(?:by|in) the (?:[\w-]+ )?(?:wind|breeze|current|waves|gale|gusts?)|"
        r"in the (?:[\w-]+ )?(?:wind|breeze)|gusts? of wind", left=(0, 2)),
    Cue(r"(?:wings?|tails?|hair|fur|mane|leaves|branches|flags?|curtains?|clothes|dress|cape|skirt|"
        r"petals|grass|reeds|water|waves|sails?|ribbons?|feathers|ears|fabric|cloth|silk|scarf|smoke|"
        r"steam|dust|sand|mist|fog|sparks|debris|droplets|shards|embers|ash|ashes|snowflakes|"
        r"confetti|splinters|crumbs|cloak|coat|robes?|foam|spray) (?:\w+ly )?(?:flapping|wagging|"
        r"curling|spiral(?:l)?ing|drifting|pours|pouring|spills|spilling|"
        r"sprays|spraying|scatters|scattering|flies|fly|cascades|cascading|twirls|twirling|"
        r"swaying|fluttering|billowing|rippling|waving|blowing|flowing|streaming|whipping|bouncing|"
        r"trembling|swirling|splashing|flying|rustling|flaps|wags|curls|drifts|sways|"
        r"flutters|billows|ripples|waves|blows|flows|streams|whips|bounces|trembles|swirls|"
        r"splashes|rustles|"
        # the same verbs after a plural noun ("leaves swirl", "petals flutter down")
        r"(?<=s )(?:flap|wag|curl|drift|sway|flutter|billow|ripple|blow|flow|stream|"
        r"whip|bounce|tremble|swirl|splash|rustle|scatter|cascade|twirl|spiral))|"
        # a change of speed said by any verb of gaining or losing it ("gathers speed", "builds
        # up speed", "picks up pace", "loses momentum")
        r"(?:gain(?:s|ed|ing)?|gather(?:s|ed|ing)?|build(?:s|ing)? up|pick(?:s|ed|ing)? up|"
        r"los(?:es|t|ing)) (?:speed|velocity|momentum)|"
        # a change of speed ("slows to a stop", "decelerates"), moving together ("in unison")
        r"slow(?:s|ed|ing)? (?:down|to a (?:stop|halt|crawl))|decelerat(?:es|ing|ed)|"
        r"(?:comes?|coming|came|grinds?|grinding) to (?:a (?:sudden |gentle |slow |screeching )?"
        r"(?:stop|halt|standstill)|rest)|in (?:perfect |near |tight )?(?:unison|synchrony|sync)|"
        # a thing yielding to a force ("the bar bends under the pressure", "the shelf sags under
        # its own weight"): the physics of the load
        r"(?:bend|buckl|sag|bow|flex|warp|strain|groan|creak|collaps|giv)(?:s|es|ed|ing|e)?"
        r"(?: way)? under (?:the |its |their |his |her )?(?:own )?(?:[a-z-]+ )?(?:weight|"
        r"pressure|strain|force|load)(?![\w'-])|"
        # water and bodies striking something: the physics of an impact
        r"(?:waves?|water|waterfalls?|surf|spray|rain|hail) (?:\w+ly )?(?:crash|smash|lap|"
        r"slam|break)(?:es|s|ing)? (?:against|onto|into|on|over)|"
        r"at \d+ ?(?:mph|km/h|kph|miles per hour)|with (?:(?:great|tremendous|incredible|surprising|such|"
        r"effortless|explosive|brute|full|fluid|lightning|blinding|breakneck|dizzying|quiet|"
        r"feline|athletic|practised|practiced|lazy|easy) )?(?:grace|ease|force|power|precision|agility|speed|"
        r"momentum|urgency|elegance|great speed)|rippl(?:es|ing)|jiggl(?:es|ing)|"
        r"quiver(?:s|ing)|undulat(?:es|ing)|wobbl(?:es|ing)|"
        r"spiral(?:s|ing|led|ed)? (?:down|up|upward|downward|into|out|away)|"
        r"(?:shak|trembl|rumbl|quak)(?:es|ing) the (?:ground|floor|earth)|"
        r"(?:the )?(?:ground|floor|earth) (?:shak|trembl|rumbl|quak)(?:es|ing)|"
        r"(?:droplets|drops|spray|sparks|debris|shards|splinters|particles|crumbs) (?:\w+ing) "
        r"(?:everywhere|in (?:every|all) directions?|outward)|splash(?:es|ing)|in (?:a |one )?(?:[\w-]+ )?motion|"
        r"(?:scatter|float|drift|spray|fly|flies|flying|flew|tumbl|spin|twirl|leap|jump|hurl|toss|"
        r"suspend|hang|hung|launch|fling|flung|throw|thrown|kick)\w* (?:high |up |upward )?(?:through|into|in) "
        r"(?:the )?(?:(?:heated|still|cold|warm|thin|night|open|morning|evening|humid|hot) )?"
        r"(?:mid-?)?air|mid-?air|"
        # speed said in one word, simulated physics, the shimmer of heat
        r"hyper-?speed|super-?speed|lightning[- ]fast|breakneck|blistering (?:speed|pace)|"
        r"(?:high-speed|fast-moving|slow-motion) action|"
        r"physics(?! (?:teacher|class|lesson|lab|book|textbook|professor|equations?|student))|"
        r"fluid dynamics|cloth simulation|heat ?waves|heat shimmer|heat haze"),
    Cue(r"(?:stream|streams|streaming|whip(?:s|ping)?|slid(?:es|ing)|drift(?:s|ing)?|"
        r"scroll(?:s|ing)?) (?:past|by)|(?:rush(?:es|ing)?|rac(?:es|ing)|zoom(?:s|ing)?|whizz(?:es|ing)?|"
        r"speed(?:s|ing)?) (?:past|by)|into place|speed lines|in a (?:hurry|rush|flash|frenzy|flurry|blur)|"
        r"(?:its|his|her|their|the) (?:[\w-]+ )?(?:wings|legs|feet|arms|hands|wheels|blades|"
        r"form|body|tail|paws) (?:a|are a|is a|become a|becoming a) blur|a blur of (?:motion|movement|"
        r"speed|wings|limbs|colou?r)|at full tilt|"
        r"springs? back|at (?:a |an )?(?:[\w'-]+ ){1,3}(?:pace|speed|tempo|rate)|with (?:\w+ )?weight|"
        r"arcing|in (?:jerky|slow|fast|quick|lazy|tight|wide|even|slow, even) "
        r"(?:swoops|circles|bursts|steps|arcs|loops|spirals)|from a (?:low )?crouch|"
        r"at the same speed|in one (?:clean|smooth|fluid) motion|jerky|"
        r"(?:sinking|sinks) (?:into|through)|hanging in the air|puffs? of|send(?:s|ing)? up|"
        r"squash(?:es)? and stretch(?:es)?|squashes|snap(?:s|ping)? (?:into|back|shut|open)"),
    # speed said by comparison, a gait's manner, a stop's physics
    Cue(r"(?:faster|slower|quicker) and (?:faster|slower|quicker)|ever (?:faster|slower)|"
        r"with a (?:slight |pronounced |heavy |noticeable |bouncy |confident |slow |"
        r"lazy |rolling |swaggering |limping )?(?:limp|gait|stride|swagger|spring in (?:his|her|"
        r"its|their) step|waddle|lope|shuffle|hobble)|"
        r"(?:skid|screech|lurch|jolt|shudder|grind|glide|roll|drift)(?:s|es|ed|ing)? to a "
        r"(?:(?:sudden|abrupt|slow|gentle|gradual|smooth|screeching|grinding|complete) )?"
        r"(?:stop|halt|standstill)|come(?:s)? to a (?:sudden|abrupt|screeching|grinding|gentle|"
        r"slow) (?:stop|halt)|in all directions"),
    Cue(r"at (?:a |an )?(?:slow|steady|brisk|leisurely|unhurried|natural|walking|running|full|"
        r"relaxed|fast|rapid|frantic|gentle|high|low|constant) (?:pace|speed|walk|jog|sprint|gallop|trot|"
        r"rate|tempo)|at (?:full|half|top) speed|speeds? up|slows? down|slow(?:ing|s|ed)|accelerat(?:e|es|ed|ing|ion)|"
        r"decelerat(?:e|es|ed|ing|ion)|in (?:extreme |gentle |subtle )?slow[- ]motion|slow[- ]motion"),
    # moving together; a path's shape alone ("running in circles", "tilting back and forth",
    # "trotting around in a circle") says where the thing goes, not how (a speed or a manner
    # word with it stays: "in slow circles", "rapid back-and-forth movement")
    Cue(r"in unison"),
    # weight, momentum, secondary motion
    Cue(r"weightless(?:ly)?|weighty|(?:its|his|her|their|the) weight|momentum|gravity|inertia|"
        # the physics of a moving body, and a verb that is itself a speed ("speeding down")
        r"vibrat(?:es|ing|ions?)|oscillat(?:es|ing|ions?)|turbulen(?:ce|t air|t water)|buoyan(?:cy|tly)|"
        r"centrifugal(?: force)?|shock ?waves?|air resistance|recoil|jolts?|jolting|"
        # the physics named by its quantity ("at high velocity", "a thick, viscous flow",
        # "surface tension", "in free fall")
        r"velocity|viscous|viscosity|elasticity|surface tension|free[- ]?fall(?:ing)?|"
        # ("bobbing" alone is a literal further on: a longer alternative starting with the same
        # literal would make the fast path and the plain regex disagree, test_dispatch)
        r"bobs? (?:up and down|on the|gently|in the)|"
        r"speed(?:s|ing) (?:down|along|through|across|toward|towards|over|away|off|into|around|past)|"
        r"recoil(?:s|ing)?|impact|thud|lands? (?:softly|heavily|gracefully|with)|"
        r"landing (?:softly|heavily|gracefully)|"
        r"springy|spring(?:s|ing)? (?:up|off)|push(?:es|ing)? off|trajectory|in a (?:high |low |quick |smooth )?arc|"
        r"ripples? outward|billowing|flowing hair|hair (?:blowing|flowing|whipping)|"
        r"kicking up (?:dust|sand|snow|water|spray)|dust kicks up|splash(?:es)? outward|"
        r"fluttering|bobbing|swaying|wobbling|settling|tumbling"),
]

PACING: list[Cue] = [
    Cue(r"(?:extreme |gentle |subtle )?slow[- ]motion|slo-?mo|time[- ]?lapse|hyper-?lapse|real[- ]time|"
        r"speed ramp(?:ing)?|freeze[- ]frame|bullet time|"
        r"over (?:the course of )?(?:\d+|two|three|four|five|six|eight|ten) seconds?|"
        r"(?:\d+|two|three|four|five|six|eight|ten)[- ]seconds?|for (?:\d+|a few) seconds|"
        r"\d{1,2}(?:\.\d)?\s?[-\u2013]\s?\d{1,2}(?:\.\d)?\s?s(?:ec(?:onds?)?)?|(?!\d0s)\d{1,2}(?:\.\d)?s|"
        r"\d{1,2}:\d\d(?![:\d])|"
        # a timestamped beat ("[00:00-00:03]") and a transition of the whole clip ("Gentle
        # dissolve from the workshop", "seamless transition")
        r"\[\d{1,2}:\d\d(?:\s*[-\u2013]\s*\d{1,2}:\d\d)?\]|"
        r"(?:gentle |slow |quick |soft |smooth |seamless |cross[- ]?)?dissolve(?: from| to| into)|"
        r"seamless(?:ly)? (?:continuous )?(?:transition|transformation|morph)s?|"
        r"moments later|then|finally|at first|at the end|by the end|in the final (?:seconds|moment)|"
        # a beat of the clip ("in the final beat", "beat by beat"), not the music's beat that a
        # body moves to ("sways to the beat", "in sync with the beat", "a hip-hop beat", "drum
        # beats", "beat drops"): that is the soundtrack's
        r"beat by beat|(?<!to the )(?<!with the )(?<!drum )(?<!bass )(?<!hop )beats?(?! drops?\b)|"
        r"slowly builds|builds? to|crescendo|"
        r"seamless(?:ly)? loop(?:ing|s)?|looping|loop|fast[- ]paced|slow[- ]paced|slow pace|"
        r"unhurried|lingering|lingers|"
        # a pause of the clip ("dramatic pause"), not a subject's ("she pauses", "a pause to look")
        r"(?<!she )(?<!he )(?<!they )(?<!it )(?<!who )(?<!and )pauses?(?! (?:to|in|for a moment)\b)|"
        r"holds? (?:for|on)|in one (?:continuous )?(?:take|shot|motion)|"
        # the edit and the passing of time: cuts, transitions, "later", "the next shot"
        r"(?:hard |quick |fast |jump |match |smash |rapid )?cuts? (?:to|away to|back to|between)|"
        r"(?:quick|fast|rapid|jump|match|smash|hard) cuts?|jump-cuts?|"
        # the edit said with the camera as its subject ("the camera alternates between close-ups
        # and wide shots", "the video intercuts between them")
        r"(?:camera|shot|edit|video|film|footage) (?:\w+ly )?(?:alternat(?:es|ing)|intercut(?:s|ting)?) "
        r"(?:between|with)|"
        # a transition of the clip, not of a subject ("she transitions into a pirouette")
        r"(?:scene|shot|video|clip|image|frame|view|footage|it) (?:\w+ly |then )?(?:transitions?|"
        r"dissolves?|crossfades?) (?:to|into)|(?:a |smooth |quick |slow |seamless |then )"
        r"(?:transition|dissolve|crossfade) (?:to|into)|fades? (?:to|in from|out to) "
        r"(?:black|white)|fade[- ](?:in|out)|"
        r"(?<![\w'-])later(?=[,.;]| on\b| that\b)|(?:moments|seconds|minutes|hours|days|years) later|"
        r"after a (?:while|moment|beat|few seconds)|over time|as time passes|"
        r"in the (?:next|following|final|last) (?:shot|scene|moment|seconds?)|"
        # one unbroken stretch of time is the clip's time structure, not an identifying detail
        r"(?:one |a |in a |in one )?(?:single |long )?(?:continuous|unbroken|uninterrupted) "
        r"(?:shot|take|camera (?:movement|move)|movement|motion|flight|move|sequence)|"
        r"(?:a |one |in a |in one )?single (?:continuous )?take|no (?:scene )?cuts|without (?:a )?cuts?|"
        r"meanwhile|in (?:real|one) beat|in sync with|on the beat|to the rhythm|one by one|"
        r"one after (?:another|the other)|in time (?:to|with)|rhythm|"
        r"for a beat|a beat later|eventually|suddenly|at the (?:start|beginning|end)|"
        r"as the (?:scene|video|clip|shot|story|day|night) (?:unfolds|progresses|continues|goes on|ends)|"
        r"(?:the )?(?:video|scene|clip|shot|film) (?:opens|begins|starts|ends|closes) (?:with|on)|"
        # the frame rate is how time is sampled ("24fps for cinematic motion", "at 1000fps")
        r"\d{2,4} ?fps|\d{2,4} frames (?:per|a) second|"
        # "pacing" as a noun said with its kind ("contemplative pacing", "brisk pacing."): the
        # clip's; a verb "pacing" takes a path or a place ("a tiger pacing the cage")
        r"(?:(?:slow|fast|quick|brisk|steady|even|leisurely|relaxed|measured|deliberate|rapid|"
        r"tight|gentle|calm|[a-z]+(?:ive|ful|ous|al|ic|ent|ant))[, ]+){1,2}pacing"
        r"(?=\s*(?:[.,;:!)\n]|$|and\b|throughout\b))|pacing(?=\s*:)|"
        # a connective of time opening a sentence ("Immediately, the host turns", "After
        # speaking, he walks away"): the next beat follows the last. A closed class: the
        # English adverbs and phrases of sequence, and "after" with a verb's -ing
        r"(?:(?<=^)|(?<=[.!?;:\"\u201d] )|(?<=\n))(?:immediately|afterwards?|subsequently|next|"
        r"soon after|shortly after|right after|after that|at once|instantly|moments? later|"
        r"after [a-z]+ing)(?=,)"),
]

CLOTHING = _alts("coat|overcoat|trench coat|raincoat|jacket|hoodie|sweater|scarf|hat|cap|beanie|"
                  "dress|gown|suit|tuxedo|shirt|t-shirt|blouse|apron|uniform|cloak|cape|robe|"
                  "kimono|helmet|mask|armor|armour|boots|sneakers|gloves|glasses|sunglasses|"
                  "spacesuit|wetsuit|overalls|jumpsuit|veil|headscarf|turban|backpack|jersey|kit|"
                  "cardigan|plume|suit|bandana|sash|tie|vest|fedora|cap|beret|raincoat|poncho|"
                  "tunic|kilt|sari|hijab|crown|tiara|necklace|collar|belt|satchel|costume|outfit|attire|gear|"
                  "shoes|heels|skates|roller skates|wear|evening wear|couture|sandals|loafers|"
                  "blazer|trousers|jeans|skirt|pants|shorts|leggings|parka|windbreaker|"
                  "pullover|waistcoat|overcoat|pajamas|pyjamas|gi|leotard|tracksuit")

CONSISTENCY: list[Cue] = [
    Cue(r"consistent(?:ly)?|consistency|(?:the )?same (?:character|face|outfit|clothes|clothing|person|"
        r"woman|man|girl|boy|dog|cat|car|costume|hairstyle|location|lighting|style|"
        # what carries over from the shot before ("same shot, switch to 85 mm", "same framing")
        r"shot|framing|frame|angle|scene|setup|set-up|composition|set|wardrobe|pose|position|"
        r"background|palette|grade|colou?r grade|haircut|uniform|room|outfits|characters)|"
        r"identical|maintains? (?:the same|a consistent|its|his|her|their) (?:look|appearance|shape|"
        r"form|colou?r|outfit)|unchanged|character reference|reference image|"
        r"@\w+|seed \d+|keeps? (?:the )?same|stays? (?:the same|constant|in frame|centered)|"
        r"remains? (?:in frame|centered|constant|the same|in focus)|matching(?! (?:its|his|her|their|the|a|an)\b)|"
        # anything that stays so, except the camera, whose staying is its own ("camera stays
        # perfectly steady")
        r"(?<!camera )(?<!shot )(?<!frame )(?<!lens )(?<!view )stays? \w+|"
        r"stencil(?:l)?ed|embroidered|printed on|painted on|scuffed|visible [\w-]+ texture|"
        r"standing firm|"
        # held steady in so many words ("remaining captivating throughout", "the same throughout")
        r"(?:remain|remains|remaining|stay|stays|staying|kept|unchanged) (?:[\w-]+ ){0,2}throughout"),
    Cue(COLOR_WORDS + r"(?: and " + COLOR_WORDS + r")? (?:[\w-]+ )?" + CLOTHING + r"s?",
        strength=0.7),
    # what someone wears, said with a verb of wearing: the object is the anchor, whatever it is
    Cue(r"(?:wearing|wears|wore|dressed in|clad in|draped in|swaddled in|sporting|donning) "
        r"(?:a |an |the |his |her |their |its )?(?:[\w'-]+,? ){0,4}?(?:" + CLOTHING + r"|gear|attire|"
        r"outfit|costume|clothing|clothes|garments?|tutu|shoes|smock|robes?|fur coat|armou?r|"
        r"white|black|red|blue)s?(?: (?:and|with) (?:a |an )?(?:[\w'-]+ ){0,3}?(?:" + CLOTHING
        + r"|shoes|gloves|belt|sunglasses|accessories)s?)?", strength=0.8),
    # what someone has "with" them: an accessory, a mark, a feature ("with a blue collar")
    Cue(r"with (?:a |an |his |her |its |their )?"
        # the words between are the thing's own, not another clause's ("with its feet, but the
        # backpack", "with colourful blooms, her apron")
        r"(?:(?!(?:but|and|or|her|his|their|its|the|a|an|while|as)\b)[\w-]+,? ){0,3}(?:"
        + CLOTHING + r"|collar|tag|"
        r"name tag|chest plate|plate|patch|badge|necklace|earrings?|bracelet|bow|bell|ribbon|"
        r"markings?|stripes|spots|scars?|tattoos?|beard|eyepatch|hair|bandages?|horns?|antennae?|"
        r"freckles|mustache|moustache|braids?|ponytail|bun)s?(?: and (?:a |an )?(?:[\w-]+ ){0,2}"
        r"(?:" + CLOTHING + r"|collar|tag|name tag|cap|hat|scarf|boots|gloves|glasses|beard|"
        r"fedora|belt|necklace))?", strength=0.7),
    # any garment described by words of its own ("elegant dance shoes", "haute couture dress"),
    # anything worn ("wearing roller skates"), and exact colour codes ("#F2C14E")
    Cue(r"(?:dress|gown|suit|shoes|heels|wear|couture|jacket|coat|uniform|outfit|attire|costume|"
        r"kimono|robe|sneakers|boots|tuxedo)(?:es|s)?", strength=0.6, left=(1, 2)),
    Cue(r"(?:wearing|wears|wore|donning|sporting) (?:a |an |the |his |her |their |its )?"
        r"(?:[\w'-]+ ){0,2}[\w'-]+(?<!ing)(?= *(?:[,.;:!?]|$|and |while |as |with |in |on |through ))",
        strength=0.7),
    # a garment someone is in, told by a word of its own ("a businesswoman in a tailored blazer")
    Cue(r"in (?:a |an |his |her |their |its )(?:(?!(?:the|a|an|of|and|with)\b)[\w'-]+,? ){1,2}(?:"
        + CLOTHING + r")s?(?![\w'-])", strength=0.7),
    Cue(r"#[0-9a-fA-F]{6}", strength=0.8),
    # fixed features of a person or creature
    Cue(r"hair|beard|mustache|moustache|braids?|freckles|tattoos?|scars?|eyes|stubble", strength=0.7,
        left=(1, 3)),
    Cue(r"(?:her|his|its|their) (?:[\w-]+,? ){0,3}(?:hair|face|legs?|arms?|fur|skin|coat|body|chest|"
        # a mark or a dressing the body keeps ("her face is smudged"), not a pose or the light
        # ("his hands are raised", "her face is illuminated")
        r"hands?|paws?|feathers) (?:is|are) (?:\w+ly )?(?:wrapped|covered|pulled back|tied|"
        r"braided|smudged|stained|matted|streaked|painted|tattooed|scarred|bandaged|freckled|"
        r"dusted|caked|splattered|spattered|smeared|muddied|bloodied|soaked|dyed|pierced|"
        r"adorned|decorated|wrinkled|shaved|shaven|bald|gloved|inked)|"
        r"(?:a |an )?(?:unique |distinctive |small |large |white |black )?(?:pattern|mark|marking|scar|"
        r"tattoo|logo|emblem|name tag|badge|patch|halo) (?:on|above|across) (?:its|his|her|their|the) "
        r"[\w'-]+(?: [\w'-]+)?", strength=0.7),
    Cue(r"(?:wearing|dressed in|in) (?:a |an |the |his |her |their )?(?:[\w-]+ ){0,3}" + CLOTHING
        + r"|with (?:a |an )?(?:distinctive|signature|scarred|freckled|braided|long|short|curly|"
        r"silver|red|white|black|blonde|grey|gray) (?:[\w-]+ ){0,2}(?:hair|beard|scar|coat|jacket|"
        r"scarf|hat|dress|cloak|helmet|mask|tattoo|glasses)", strength=0.7),
]

_INSTRUMENTS = (r"(?:pianos?|guitars?|violins?|cellos?|strings|saxophones?|sax|flutes?|trumpets?|harps?|"
                r"synths?|synthesizers?|organs?|accordions?|banjos?|bagpipes|drums|percussion|"
                r"horns|woodwinds|choir|ukuleles?|harmonicas?)")
INSTRUMENTS = _INSTRUMENTS
"""Musical instruments by name: heard when said with how they sound or playing (AUDIO), a
prop or the musician's playing otherwise (analysis._instrument_played)."""
AUDIO: list[Cue] = [
    # words said: a verb of speech with the line it says, the line in the span
    Cue(r"(?:says|said|whispers?|whispered|shouts?|shouted|sings?|asks?|murmurs?|calls? out|"
        r"announces?|narrates?|speaks|speaking|spoke|talks|talking|replies|replied|answers|"
        r"answered|yells|yelled|exclaims|exclaimed)\b[^\"\u201c]{0,40}[\"\u201c][^\"\u201d]+[\"\u201d]|"
        # ... or in single quotes, the verb's manner between ("shouts with joy: 'Go!'") and
        # quotes or an apostrophe inside the line ("clicked 'share'", "got 'em"): the line ends
        # at the first closing mark not followed by a letter
        r"(?:says|said|whispers?|whispered|shouts?|shouted|asks?|murmurs?|announces?|speaks|"
        r"replies|replied|yells|exclaims)(?:[^.;!?\n'\u2018\"\u201c]{0,40}?[,:])? ?"
        r"(?<![\w'-])['\u2018][^\n]{0,160}?[.!?\u2026]['\u2019](?![a-z])|"
        # a line given to a named speaker in a script ("Camper: 'I'm one with nature now!'")
        r"(?<=[a-z]: )(?<!text: )(?<!caption: )(?<!title: )(?<!sign: )(?<!overlay: )"
        r"(?<!subtitle: )(?<!label: )(?<!reads: )(?<!prompt: )['\u2018](?:[^'\u2019]|(?<=[a-z])['\u2019](?=[a-z])){1,160}?[.!?\u2026]"
        r"['\u2019]"),
    Cue(r"sound(?:s| of| effects?| design)?|sfx|audio|dialogue|voice-?over|narration|narrator|"
        r"soundtrack|music|score swells|ambien(?:ce|t (?:sound|noise|hum))|footsteps|"
        # "Ambient: wind across sand", "moody jazz ambient": the word as the soundtrack's name
        r"ambient(?=\s*(?::|[,.;]|$))|"
        r"hum(?:ming)?|rumbl(?:e|es|ed|ing)|crackl(?:e|es|ed|ing)|birdsong|chirping|whistl(?:e|es|ed|ing)|"
        r"we hear|silence|silent|echo(?:es|ing)?|thunder(?:claps?)?|splashing sounds?|"
        r"the (?:crunch|roar|hiss|patter|clatter|buzz|drone|thrum) of|lip[- ]sync|"
        r"rustling|cries|crying|coos|cooing|voices?|tick(?:s|ing)|roars?|roaring|chimes?|"
        r"chiming|creak(?:s|ing)?|crunch(?:es|ing)?|sizzl(?:e|es|ing)|chatter(?:s|ing)?|laughter|"
        r"applause|bark(?:s|ing)|howl(?:s|ing)|purr(?:s|ing)|tweet(?:s|ing)|"
        r"(?:loud|soft|faint|distant|muffled) (?:[\w-]+ )?(?:noise|bang|boom|thud|crash|clang)|noise|"
        r"speak(?:s|ing)|talk(?:s|ing)|songs?|melod(?:y|ies)|tune|drums|drumming|"
        r"orchestra(?:s|l)?|ringing|honk(?:s|ing)|sirens? (?:wail|blar)\w*|wailing sirens?|"
        r"bells? (?:ring|chime|toll)\w*|murmur(?:s|ing)?|chirp(?:s)?|meow\w*|"
        r"neigh(?:s|ed|ing)?|screech\w*|squeak\w*|clink(?:s|ed|ing)?|clap(?:s|ping)|thump\w*|whoosh\w*|hiss(?:es|ing)?|"
        r"buzz(?:es|ing)?|clatter\w*|bang(?:s|ing)?|audible|heard|hear|whir(?:s|ring)?|beep(?:s|ing)?|"
        r"tick-tock|bgm|rapping|raps|drum ?beats?|hums|humming|"
        # a piece or kind of music named ("a lullaby", "a hymn", "a soothing symphony"), a score
        # said with how it sounds ("an urgent electronic score"), a beat of a genre of music
        r"lullab(?:y|ies)|hymns?|anthems?|ballads?|symphon(?:y|ies)|sonatas?|concertos?|arias?|"
        r"serenades?|(?:orchestral|electronic|synth|piano|ambient|cinematic|film|movie|musical|"
        r"tense|urgent|haunting|brooding|swelling|sweeping|minimal|minimalist|triumphant|"
        r"melancholy|melancholic|emotional|eerie|ominous|suspenseful|pulsing|driving|percussive)"
        r" (?:[a-z-]+ )?score|score (?:swells|builds|rises|plays|kicks in)|"
        r"(?:hip-hop|hip hop|lo-fi|trap|techno|house|edm|dance|electronic|synth|funk|jazz|"
        r"pulsing|thumping|throbbing) beats?|"
        # sounds said by their verb ("paws tapping on the floor", "a babbling brook")
        r"tapping|clicking|clacking|rattl(?:e|es|ing)|jingl(?:e|es|ing)|patter(?:s|ing)|"
        r"gurgl(?:e|es|ing)|babbl(?:e|es|ing)|thunderous|deafening|"
        r"(?:engine|motor)s? (?:roar|rev|purr|hum|whin)\w*|"
        # a voice whose sound is described ("sings softly", "speaks in a whisper", "read aloud")
        r"(?:sings?|singing|sang|speaks|speaking|spoke|talks|talking|whispers|whispering|"
        r"reads|reading|read|recites|reciting|calls|calling) (?:[a-z]+ )?(?:softly|loudly|quietly|"
        r"aloud|out loud|in a whisper|in a hushed tone|under (?:his|her|their) breath)(?![\w'-])|"
        # an instrument heard: said with how it sounds ("soft piano", "a distant violin") or
        # playing ("a cello plays"); the instrument alone may be a prop ("a panda holds a guitar")
        r"(?:soft|gentle|faint|distant|quiet|loud|muffled|melancholy|melancholic|haunting|"
        r"mournful|lilting|plucked|solo|lone|ambient|slow|upbeat|tinkling) (?:acoustic |electric "
        r")?" + _INSTRUMENTS + r"(?! (?:of|case|bench|stand|shop|player|lesson|teacher|stool))|"
        + _INSTRUMENTS + r" (?:plays|playing|to play|notes|chords|riffs?|solos?)(?![\w'-])|"
        # notes or chords played, by anyone or anything: what is heard ("to play random notes")
        r"play(?:s|ed|ing)? (?:(?:a|the|some|its|his|her|their) )?(?:[a-z-]+ )?(?:notes|chords)"
        r"(?![\w'-])"),
]

COMPONENT_CUES: dict[C, list[Cue]] = {
    C.CAMERA: CAMERA, C.SHOT: SHOT, C.LENS: LENS, C.LIGHTING: LIGHTING, C.COLOR: COLOR,
    C.STYLE: STYLE, C.SETTING: SETTING, C.MOTION: MOTION, C.PACING: PACING,
    C.CONSISTENCY: CONSISTENCY, C.AUDIO: AUDIO,
}

# Words that carry a component only when they do not describe a thing: "a blue sky", "a
# pastel-coloured robe", "a silent testament", "glowing mushrooms" are the thing's own look.
# A colour word counts for the palette only as a pair said of the whole ("in red and gold").
ADJECTIVE_ONLY: dict[C, str] = {
    # "pastel" alone is an adjective like a colour word: "a pastel onesie", "a warm pastel sky"
    C.COLOR: r"(?:[\w-]+[- ])?(?:colou?red|colou?rs|toned|tinted|hued|tinged)|pastel|" + COLOR_WORDS
             + r"(?: and " + COLOR_WORDS + r")?",
    C.AUDIO: r"silent|silence",
    C.LIGHTING: r"glowing|dark|dim|darker|dimmer",
    # a period or finish said of one object ("a vintage SUV", "a luxurious wristwatch")
    C.STYLE: r"vintage|retro|luxurious|minimalist|realistic|antique|modern|classic|rustic|elegant|"
             r"futuristic|animated|magical|"
             # a character said of one thing ("a serene lake", "a playful cat", "a cozy room");
             # words of a look (moody, dreamy, surreal, gritty) stay the clip's style
             r"serene|tranquil|peaceful|calm|cozy|cosy|mysterious|playful|joyful|joyous|majestic|"
             r"ominous|menacing|magnificent|cheerful|gloomy|lonely|lonesome|desolate|bleak|"
             r"whimsical|romantic|hopeful|tender|wistful|somber|sombre|lifeless|mystical|"
             r"triumphant|uplifting|euphoric|heartwarming|poignant|awe-inspiring|bittersweet|"
             r"exhilarating|breathtaking|thrilling|jaw-?dropping|heart-?pounding",
}
SINGLE_COLOUR = re.compile(COLOR_WORDS)
# ... but a colour said of the light or the air is the look of the whole frame ("teal haze",
# "silver-blue light"), and so is a colour mix ("rust red and ochre", "honey-gold").
COLOUR_OF_THE_FRAME = re.compile(r"(?:haze|tones?|hues?|tint|cast|wash|"
                                 r"mist|fog|smoke|gradient|grade|shadows|"
                                 r"atmosphere|backdrop|palette)")

# --- anti-pattern vocabulary -----------------------------------------------------------------

QUALITY_SPAM = (r"(?:4|8|16)k(?: resolution| uhd| hdr)?|ultra[- ]?hd|uhd|full hd|1080p|2160p|4320p|"
                r"hdr|masterpiece|best quality|high quality|highest quality|top quality|"
                r"hyper[- ]?detailed|highly detailed|ultra[- ]detailed|ultra[- ]realistic|"
                r"award[- ]winning|trending on artstation|artstation|unreal engine|octane render|"
                r"sharp focus|intricate details?|insanely detailed|8 ?k resolution|high resolution|"
                r"hi-?res")

NEGATION = (r"(?:no|without|never|not|don't|doesn't|do not|does not|avoid|avoiding|free of|"
            r"absent|lacking|minus)\s+(?:any\s+|a\s+|the\s+)?(?:[\w-]+)(?:\s+(?:or|and)\s+[\w-]+)?")
# "no" phrases that are idioms, not negation the model has to honour.
NEGATION_IDIOMS = r"not only|no longer|not just|no matter|never-ending|no one knows|not quite"

CONTRADICTIONS: list[tuple[str, str, str]] = [
    (r"\b(?:daylight|midday|noon|sunny|bright day|daytime|morning sun)\b",
     r"\b(?:at night|night-?time|midnight|moonlit|starry night)\b",
     "day and night at once"),
    (r"\bslow[- ]motion\b", r"\b(?:time-?lapse|hyper-?lapse|fast[- ]forward|sped up)\b",
     "slow motion and time-lapse pull the clock in opposite directions"),
    (r"\b(?:black[- ]and[- ]white|monochrome|b&w)\b",
     r"\b(?:vibrant colou?rs?|colou?rful|rainbow|teal[- ]and[- ]orange|neon colou?rs)\b",
     "black-and-white and a colourful palette"),
    (r"\b(?:silent|no sound|in silence)\b", r"\b(?:says|dialogue|shouts|sings|music|soundtrack)\b",
     "silence and sound"),
    (r"\b(?:empty|deserted|abandoned)\b", r"\b(?:crowded|bustling|packed|teeming)\b",
     "empty and crowded"),
    (r"\b(?:calm|still|motionless|frozen)\b(?! camera)", r"\b(?:chaotic|frantic|violent storm)\b",
     "calm and chaotic"),
]
