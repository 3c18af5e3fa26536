"""The consistency anchors of one shot (guide: consistency), with the words that carry them.

Anchors are what must hold steady across a sequence because the model has no memory between
generations: who each character is (hair, age, face marks) and what they wear, the place, the
time of day and where the light comes from, the palette and grade, the lens family, the style.
Each mention keeps its span and a comparable value (hue families, a light direction, warmth of
a grade), so `compare` can tell a repeated anchor from a drifted one.

Grammar, not a parser: a garment is the noun with the adjectives to its left; a character is a
name or a person noun, and a description belongs to the character whose noun phrase holds it,
else the nearest one before it. Time of day reuses the critique's facts (`critique.facts`), so
"golden hour" and "dusk" agree here as they do in a rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab
from bot.core.critique.anchor_words import words
from bot.core.critique.facts import facts_of
from bot.core.sequence.colour import hues_of, hues_of_word
from bot.core.sequence.parse import Shot
from bot.core.sequence.reasons import clause_reasons
from bot.core.sequence.timeofday import clock_and_idioms

ANCHORS: tuple[str, ...] = ("character", "wardrobe", "setting", "time_of_day",
                            "light_direction", "palette", "lens", "style")
"""Anchor names, the JSON contract's `anchor` values, in table order."""

GLOBAL_ANCHORS = ("time_of_day", "light_direction", "palette", "lens", "style")
"""Anchors of the whole sequence, not of one character or place."""


@dataclass(frozen=True)
class Mention:
    """Words of a shot that state an anchor: `prompt[start:end] == text`."""

    anchor: str
    text: str
    start: int
    end: int
    values: frozenset[str] = frozenset()
    """What is compared across shots: hue families, a direction, a style family..."""
    owner: str = ""
    """The character (wardrobe, character) or place (setting) it belongs to."""
    slot: str = ""
    """Which aspect: a garment's slot (outerwear, feet), a trait (hair_colour, age)."""


@dataclass
class ShotAnchors:
    shot: Shot
    mentions: list[Mention] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    """Characters the shot shows: by name, by person noun, or by a pronoun."""
    places: set[str] = field(default_factory=set)
    """Place keys the shot names (its setting's head noun)."""
    reasons: dict[str, list[str]] = field(default_factory=dict)
    """Words that state why something changes here, by what they excuse: `time` (time has
    passed), `light` (the light itself changes), `look` (a memory, a screen), `clothes` (new
    clothes, years later)."""

    def changed(self, *kinds: str) -> bool:
        return any(self.reasons.get(k) for k in kinds)

    def of(self, anchor: str, owner: str | None = None) -> list[Mention]:
        return [m for m in self.mentions
                if m.anchor == anchor and (owner is None or m.owner == owner)]

    def text(self, anchor: str) -> str | None:
        """The words of one anchor in prompt order (what the table and JSON show)."""
        seen = dict.fromkeys(m.text for m in sorted(self.of(anchor), key=lambda m: m.start))
        return ", ".join(seen) or None


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I)


def _alts(words: object) -> str:
    return "|".join(re.longest_first(re.escape(w) for w in words))  # type: ignore[attr-defined]


_HUE = _alts(vocab.HUES)
_MODIFIER = r"(?:[a-z]+(?:-[a-z]+)*)"
_GARMENT_NOUN = _rx(_alts(vocab.GARMENTS))
_GARMENT_LEFT = re.compile(r"((?:(?<![\w'’])" + _MODIFIER + r"[ ,]+){0,4})$", re.I)
"""Up to four modifiers before a garment; a possessive's "s" is not one ("Julia's coat")."""


class _Head:
    """A head noun with the words before it, shaped like a match of `(words)(noun)` (the
    noun is found first and the words read backwards: a pattern with the words in front
    backtracks at every position and was most of a sequence's time)."""

    def __init__(self, text: str, noun: re.Match[str], left: re.Pattern[str]):
        window = text[max(0, noun.start() - 90):noun.start()]
        m = left.search(window)
        words = m.group(1) if m else ""
        self._groups = (words + noun.group(0), words, noun.group(0))
        self._starts = (noun.start() - len(words), noun.start() - len(words), noun.start())
        self._end = noun.end()

    def group(self, i: int = 0) -> str:
        return self._groups[i]

    def start(self, i: int = 0) -> int:
        return self._starts[i]

    def end(self, i: int = 0) -> int:
        return self._end


def _heads(text: str, noun: re.Pattern[str], left: re.Pattern[str]) -> list[_Head]:
    return [_Head(text, m, left) for m in noun.finditer(text)]
_STOP_LEFT = frozenset(words("a an the his her their its with in wearing wears and or of on under "
                       "over who is are was while as to by from into at dressed holding "
                       "carries carrying clutching he she they it one two"))

# ---- light direction --------------------------------------------------------------------------
_LIGHT_NOUN = (r"(?:[a-z]*light|lights|lighting|lit|light source|sun|sunlight|moonlight|window|windows|"
               r"lamp|key|key light|fill|glow|beam|beams|rays|shaft|shafts|neon|flames?|fire|"
               r"headlights|spotlight|streetlight|torch|flashlight|candle|candles|lantern)")
_SIDE_TAIL = r"(?:-hand)?(?: side)?(?: of (?:the )?(?:frame|screen|shot))?"
_POSSESSOR = r"(?:the |her |his |their |its |frame |screen |camera )?"
_DIRECTIONS: list[tuple[str, str]] = [
    (r"(?:from|on|at|to|toward|towards) " + _POSSESSOR + r"left" + _SIDE_TAIL + r"|"
     r"(?:camera|screen|frame)[- ]left|left[- ]hand|left[- ]side|from left|left of frame|"
     r"(?<=[a-z] )left(?= (?:of|to) (?:her|him|them|the \w+))", "left"),
    (r"(?:from|on|at|to|toward|towards) " + _POSSESSOR + r"right" + _SIDE_TAIL + r"|"
     r"(?:camera|screen|frame)[- ]right|right[- ]hand|right[- ]side|from right|right of frame|"
     r"(?<=[a-z] )right(?= (?:of|to) (?:her|him|them|the \w+))", "right"),
    (r"from behind|behind (?:her|him|them|it|the \w+)|back-?lit|back-?light(?:ing)?|"
     r"back light(?:ing)?|rim[- ]?lit|rim light(?:ing)?|silhouetted|contre-?jour|against the "
     r"(?:sun|light|window|sky)", "behind"),
    (r"from above|overhead|top[- ]?light(?:ing)?|top[- ]?lit|from directly above|"
     r"high noon|directly above", "above"),
    (r"from below|under-?light(?:ing)?|up-?light(?:ing)?|lit from beneath|from beneath",
     "below"),
    (r"front[- ]?lit|front[- ]?light(?:ing)?|from the front|frontal light|facing the "
     r"(?:sun|light|window)|on-?axis", "front"),
    (r"(?:from|in|to|toward|towards|over) the east|east[- ]facing|eastern (?:sky|window)",
     "east"),
    (r"(?:from|in|to|toward|towards|over) the west|west[- ]facing|western (?:sky|window)",
     "west"),
]
"""Where the light comes from, by the side it names. A side is a direction of light only
with a light word nearby (see `_light`); compass sides compare with each other, never with
frame sides (the east may be on either side of the frame)."""
_DIRECTION_RES = [(_rx(p), v) for p, v in _DIRECTIONS]
_LIGHT_WORD = re.compile(r"light|lit|silhouett|contre|rim")
_CAMERA_BEFORE = re.compile(r"(?:shot|shots|filmed|seen|viewed|framed|camera|angle|view|looking "
                            r"down|pov|drone|crane)\s+(?:\w+\s+)?$")
_LIGHT_BEFORE = re.compile(r"((?:[a-z-]+ ){0,3}" + _LIGHT_NOUN + r"(?: [a-z-]+)?\s+)$")
_LIGHT_CONTEXT = re.compile(r"light|(?<![\w-])lit(?![\w-])|lamp|(?<![\w-])sun|glow|candle|fire|"
                            r"neon|window|shadow|beam|(?<![\w-])rays?(?![\w-])|illuminat|"
                            r"softbox|key(?![\w-])|torch|lantern", re.I)
_OPPOSITE = {frozenset({"left", "right"}), frozenset({"front", "behind"}),
             frozenset({"above", "below"}), frozenset({"east", "west"})}

# ---- palette and grade --------------------------------------------------------------------------
_WARM = _rx(r"warm|warmer|amber|golden|gold|orange|honey|sepia|ochre|copper|tungsten|"
            r"sunset tones|red|reds|earthy|earth tones|rust|autumnal|fiery|yellow")
_COOL = _rx(r"cool|cold|colder|cooler|icy|blue|blues|teal|cyan|steel|steely|silver|"
            r"moonlit blue|glacial|frosty|azure|blue-green|green-blue|sterile|blue-grey")
_MUTED = _rx(r"desaturated|muted|washed[- ]out|faded|low[- ]saturation|bleach(?:ed)?(?: bypass)?|"
             r"drab|subdued|pastel|pastels|dusty|greyed|grayed")
_VIVID = _rx(r"saturated|vibrant|vivid|punchy|hyper-?saturated|technicolou?r|neon|candy|lurid|"
             r"high[- ]saturation|oversaturated|saturated colou?rs?")
"""Only words that name saturation itself: "soft", "rich" or "bright" say little about it."""
_MONO = _rx(r"black[- ]and[- ]white|black & white|b&w|monochrome|monochromatic|grayscale|"
            r"greyscale|noir black|silver gelatin")
_GRADE_WORD = _rx(r"palette|grade|graded|grading|tones?|hues?|colou?rs?|colou?r scheme|look|"
                  r"tint|tinted|cast|lut|film stock|toned|wash|colou?red")
_PALETTE_PHRASE = _rx(
    r"(?:(?:[a-z]+(?:-[a-z]+)*|&) (?:and )?){0,3}(?:colou?r palette|palette|colou?r grade|grade|"
    r"graded|grading|tones|hues|colou?r scheme|tint|wash|cast|lut)(?:(?: of|:| in) (?:[a-z-]+"
    r"(?: and | )?){1,4})?|(?:black[- ]and[- ]white|monochrome|monochromatic|grayscale|greyscale|"
    r"desaturated|teal[- ]and[- ]orange|bleach bypass|sepia(?:[- ]toned)?|technicolou?r|"
    r"(?:[a-z]+-)?(?:pastel|neon|muted|vibrant|saturated|warm|cool|cold) colou?rs?)")
_PALETTE_STOP = frozenset(words("a an the with in on of at and or from to by under its their his her "
                          "left right light lit key"))

# ---- lens family ---------------------------------------------------------------------------------
_LENS: list[tuple[str, str]] = [
    (r"anamorphic(?: lens(?:es)?| glass| flares?| widescreen)?|2\.39:1|scope", "anamorphic"),
    (r"spherical(?: lens(?:es)?| primes?)?", "spherical"),
    (r"fish-?eye(?: lens)?|ultra[- ]wide fisheye", "fisheye"),
    (r"tilt[- ]shift(?: lens)?", "tilt-shift"),
    (r"(?:vintage|old|soviet|helios|cooke|petzval|lomo)(?: \w+)? lens(?:es)?|"
     r"swirly bokeh|petzval", "vintage"),
    (r"macro lens|macro", "macro"),
    (r"(?:cooke (?:s[4-8]|panchro|speed panchro)|zeiss (?:super speed|master prime|ultra prime|"
     r"cp\.?[23]|supreme)|arri (?:signature|master|ultra) primes?|canon k-?35|leica "
     r"summi(?:lux|cron))(?:/i)?(?: primes?| lens(?:es)?)?", "spherical"),
    (r"(?:atlas orion|kowa|hawk v-lite|lomo round[- ]front|panavision c-series|"
     r"cooke anamorphic)(?: primes?| lens(?:es)?| anamorphics?)?", "anamorphic"),
]
"""Lens families, with the lens sets a cinematographer names by brand (Cooke S4 and Zeiss
Super Speeds are spherical primes; Kowa and Atlas Orion are anamorphic)."""
_LENS.append((r"(?:shot on |on )?(?:super ?8|8 ?mm|16 ?mm|35 ?mm|65 ?mm|70 ?mm|imax)(?: film"
              r"(?: stock)?| celluloid| format)(?! look| aesthetic| style| grain| feel)", "format"))
"""A gauge is a lens anchor as the format shot on ("shot on 16mm film"); "35mm film look" is a
style (`_STYLES`)."""
_LENS_RES = [(_rx(p), v) for p, v in _LENS]
_FOCAL_LENS = _rx(r"\d{2,3} ?mm(?: [a-z-]+)? (?:lens|prime|glass)|(?:wide[- ]angle|telephoto|long) "
                  r"lens|\d{2,3} ?mm focal length|(?:shot on|on|with) (?:an? )?\d{2,3} ?mm"
                  r"(?! film| stock| format)(?![\w-])|\d{2,3} ?mm (?:at )?f/\d+(?:\.\d)?")
_FOCAL = _rx(r"\d{2,3} ?mm(?: lens| prime| focal length)?|telephoto(?: lens)?|"
             r"wide[- ]angle(?: lens)?|long lens|zoom lens")
_LENS_CONFLICTS = {frozenset({"anamorphic", "spherical"}), frozenset({"anamorphic", "fisheye"}),
                   frozenset({"spherical", "fisheye"})}

# ---- style ---------------------------------------------------------------------------------------
_STYLES: list[tuple[str, str]] = [
    (r"anime|manga|cel[- ]shaded|studio ghibli|ghibli", "anime"),
    (r"pixar|3d animat\w*|cgi animation|3d cartoon|dreamworks|animated (?:film|feature|short|"
     r"movie|series|style)|cartoon(?:ish|[- ]style)|2d animation|cel animation|hand-drawn "
     r"animation|hand-drawn", "3d-animation"),
    (r"claymation|clay animation|stop[- ]motion|plasticine|felt puppets?|puppet animation",
     "stop-motion"),
    (r"watercolou?r|oil painting|painterly|impressionist|gouache|ink wash|hand-painted|"
     r"(?:pencil |charcoal |ink )sketch|sketch style|pencil drawing|charcoal drawing",
     "painterly"),
    (r"film noir|neo-noir|noir", "noir"),
    (r"documentary|verite|vérité|observational|news footage|found footage", "documentary"),
    (r"vhs|camcorder|home video|super ?8|8mm|16mm|archival", "vintage-film"),
    (r"(?:grainy |vintage |analog |analogue )?film look|grainy film|film grain|shot on "
     r"(?:35mm |16mm |65mm )?film|celluloid|filmic", "film"),
    (r"(?:[a-z-]+ )?(?:commercial|music video|editorial|fashion film|ad) style|"
     r"(?:product|sports|fashion)[- ]commercial", "commercial"),
    (r"(?:german )?expressionis[mt]\w*|silent[- ]film", "expressionist"),
    (r"papercraft|paper[- ]cut|origami style", "stop-motion"),
    (r"romantic film style|romantic comedy|rom-com", "photoreal"),
    (r"photoreal(?:istic|ism)?|hyper-?real(?:istic)?|live[- ]action|realistic style|"
     r"naturalistic style", "photoreal"),
    (r"cyberpunk|synthwave|vaporwave|retro-?futur\w*", "cyberpunk"),
    (r"wes anderson|symmetrical pastel|storybook|whimsical", "storybook"),
    (r"pixel art|8-bit|low-poly|voxel", "pixel"),
    (r"ukiyo-e|woodblock(?: print)?|woodcut|linocut|line art|"
     r"moebius|risograph|screen-?print", "illustration"),
    (r"unreal engine(?: \d)?|octane render|ray-traced|cgi|3d render", "cgi"),
    (r"(?:gritty |handheld |naturalistic )?realism", "photoreal"),
]
_STYLE_RES = [(_rx(r"(?:" + p + r")(?:-(?:inspired|esque|style|like))?"), v) for p, v in _STYLES]
_STYLE_WORD = re.compile(r"(?<=[\w'&])[- ](?:style|aesthetic|look|animation|rendering)(?![\w-])",
                         re.I)
_STYLE_TAG_LEFT = re.compile(r"(?<![\w'&-])((?:[A-Za-z][\w'&-]* ){0,2}[A-Za-z][\w'&-]*)$")
"""Any "X style", "X aesthetic", "X look" or "X animation": a style tag even when its family is
not one the table knows (its value is then only its words, which never drift)."""
_NOT_STYLE_WORDS = frozenset(words("a an the this that his her their its and or of in with hair "
                                   "camera shooting same similar new different his her one "
                                   "fighting walking running dancing"))
_STYLE_COMPATIBLE = {frozenset({"film", x}) for x in ("photoreal", "noir", "documentary",
                                                       "vintage-film", "commercial",
                                                       "expressionist", "cyberpunk")} | {
    frozenset({"commercial", "photoreal"}), frozenset({"expressionist", "noir"}),
    frozenset({"expressionist", "vintage-film"}), frozenset({"documentary", "commercial"}),
frozenset({"noir", "photoreal"}), frozenset({"documentary", "photoreal"}),
                     frozenset({"vintage-film", "documentary"}), frozenset({"vintage-film", "photoreal"}),
                     frozenset({"cyberpunk", "photoreal"}), frozenset({"noir", "vintage-film"}),
                     frozenset({"storybook", "3d-animation"}), frozenset({"storybook", "painterly"}),
                     frozenset({"cyberpunk", "noir"}), frozenset({"storybook", "photoreal"}),
                     frozenset({"anime", "cyberpunk"}), frozenset({"3d-animation", "cyberpunk"}),
                     frozenset({"illustration", "painterly"}),
                     frozenset({"illustration", "storybook"}), frozenset({"cgi", "photoreal"}),
                     frozenset({"cgi", "3d-animation"}), frozenset({"cgi", "cyberpunk"})}

# ---- characters ----------------------------------------------------------------------------------
_NAME = re.compile(r"(?<![\w'-])([A-Z][a-z]+(?:-[A-Z]?[a-z]+|'(?!s(?![a-z]))[A-Z]?[a-z]+)?)"
                   r"(?![\w-])")
"""A capitalised word, with a hyphen or an apostrophe inside (O'Neil), never its possessive
("Julia's coat" names Julia)."""
_NOT_NAMES = frozenset(words("""The A An This That These Those It Its She He They Her His Their Them
Him We I You Our Your My In On At From To Into Across Through Over Near Under With Without And Or
But As While When Then After Before Camera Slow Fast Close Closeup Close-up Wide Medium Extreme
Static Tracking Handheld Aerial Drone Low High Overhead Shot Scene Clip Beat Panel Cut Fade
Golden Warm Cool Cold Soft Hard Dark Bright Night Day Dawn Dusk Morning Evening Afternoon
Sunset Sunrise Midnight Noon Interior Exterior Int Ext Later Meanwhile Now Suddenly Finally
Same Again Back Front Left Right Behind Above Below Inside Outside POV Over-the-shoulder Two
Three One Four Five Cinematic Photorealistic Anamorphic Film Style Color Colour Palette Grade
Lens Lighting Light Sound Audio Music Ambient Style Mood Time Teal Orange Blue Red Green Black
White Grey Gray Yellow Pink Purple Brown Gold Silver Macro Telephoto Dolly Pan Tilt Zoom Crane
Orbit Rack Whip Push Pull Truck Track Follow Hold Locked Locked-off Steadicam Gimbal Dutch Bird's
Worm's Top Side Rear Reverse Match Insert Establishing Montage Title End Start Opening Final
Next Previous First Last Meanwhile Flashback Dream Memory Prompt Model Kling Runway Veo Sora
Luma Pika Hailuo Wan Hunyuan Ltx Gen Image Photo Animate Frame Keep Make Show Use Add Same"""))
_COMMON_USE = re.compile(r"(?<![\w-])(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$", re.I)
"""A capitalised word after an article (and its adjectives) is a thing's name ("a vintage
Cadillac"), never a person's: names take no article."""
_NAME_FOLLOW = re.compile(r"(?:,|'s|[:;.!?)]|\s*$|\s+(?:and|&|or|who|is|was|has|had|can|"
                          r"will|must|does|did|in|wearing|with|at|on|from|to|into)(?![\w-])|"
                          r"\s+[a-z]+(?:s|ed)(?![\w-]))")
"""What follows a name at the start of a sentence: a comma, a possessive, a conjunction, a
preposition or a verb ("Malik runs", "Ezra, grey stubble"). A capital word followed by an
adjective or a noun ("Silent comedy", "Vivid saturated colour") is the sentence's first word,
not a name."""
_NAME_CONTEXT_BEFORE = re.compile(r"(?:style of|in the style|by|shot on|like|on an?|with an?|"
                                  r"in|at|from|to|into|across|through|over|near|of|around|"
                                  r"outside|inside|toward|towards|above|below|beyond|past)\s+$",
                                  re.I)
_NAME_CONTEXT_AFTER = re.compile(r"^(?:[- ](?:style|esque|inspired|like)|\s+(?:style|film|films|"
                                 r"lens|lenses|aesthetic|look|palette|grade|camera|alexa|"
                                 r"portra|street|avenue|road|city|bridge|tower|park|river|"
                                 r"station|square|hotel|cafe|diner|bar))", re.I)
_PERSON = _rx(_alts(vocab.PERSON_NOUNS | vocab.ANIMAL_LEADS))
_PRONOUN = _rx(r"she|her|hers|herself|he|him|his|himself")
_ADJ_RUN = r"((?:(?!(?:with|in|and|or|wearing|who|of|on|at)\s)[\w-]+\s+){0,4})"
"""Up to four words before a noun, none of them a preposition or a conjunction."""
_APPOSITION = re.compile(r"^,?\s+(?:an?|the|his|her|their)\s+" + _ADJ_RUN + r"(" +
                         _alts(vocab.PERSON_NOUNS | vocab.ANIMAL_LEADS) + r")(?![\w-])", re.I)
_NAMED = re.compile(r"(" + _alts(vocab.PERSON_NOUNS) + r")\s+(?:named|called)\s+"
                    r"([A-Z][a-z]+)", re.I)

_HAIR_COLOUR = _rx(r"((?:[a-z]+-)?(?:" + _alts(vocab.HAIR_COLOURS) + r"))(?:[- ](?!and\b)[a-z]+)"
                   r"{0,2}?(?:[- ]haired| hair| curls| braids?| ponytail| bob| locks| mane|"
                   r"-headed| beard)|redhead|red-head")
"""A hair colour before the hair word, with up to two words between ("long black curly
hair") and a hyphenated shade ("ash-blonde")."""
_HAIR_LENGTH = _rx(r"(" + _alts(vocab.HAIR_LENGTH) + r")(?:[- ](?:[a-z]+[- ])?(?:hair|haired))?")
_AGE = _rx(r"(?:(?<=, )|in (?:his|her|their) )(?:early |mid-?|late )?(teens|twenties|thirties|"
           r"forties|fifties|sixties|seventies|eighties|nineties)|(\d{1,2})[- ]year[- ]old|"
           r"(?:(?<=, )|in (?:his|her|their) )(?:early[- ]|mid-?|late[- ])?([1-9]0)'?s|"
           r"(elderly|old|aged|wrinkled|teenage|teen|young|middle-aged|little|toddler|infant)")
_FACIAL = _rx(r"(full |thick |bushy |grey |gray |white |red |black |short |long |neat |"
              r"scruffy )?(beard|bearded|moustache|mustache|goatee|stubble|mutton ?chops|"
              r"clean-shaven|unshaven)")
_EYES = _rx(r"(blue|green|brown|grey|gray|hazel|amber|dark|pale blue|ice-blue)[- ]eye[ds]?|"
            r"(blue|green|brown|grey|gray|hazel|amber|dark)[- ]eyed")
_SIDED = _rx(r"(bandaged|scarred|tattooed|prosthetic|broken|injured|bloodied|bruised|missing|"
             r"burned|burnt|gloved|pierced) (left|right) (hand|arm|eye|cheek|leg|ear|eyebrow|"
             r"shoulder|wrist|foot)")
_MARK = _rx(r"(scar|tattoo|freckles|birthmark|eyepatch|eye patch|piercing|nose ring|"
            r"eyebrow ring|hoop|mole|bandaged hand|bandage|prosthetic arm|cybernetic arm)"
            r"(?:\s+(?:\w+\s+){0,3}?(?:on|over|across|in|above|under) (?:his|her|their|the)\s+"
            r"(left|right)\s+(\w+))?")
_TEXTURES = {"curly": "curly", "curls": "curly", "wavy": "wavy", "straight": "straight",
             "frizzy": "curly", "coily": "curly", "sleek": "straight", "slicked": "straight",
             "slicked-back": "straight"}
_HAIR_TEXTURE = _rx(r"(curly|wavy|straight|frizzy|coily|sleek|slicked|slicked-back)"
                    r"(?: [\w-]+){0,2} (?:hair|locks|mane)|(curls)")
_BEARD_COLOUR = _rx(r"(" + _alts(vocab.HAIR_COLOURS) + r")(?:[- ]\w+)? (?:beard|moustache|"
                    r"mustache|stubble|goatee)")
_UNITS = words("one two three four five six seven eight nine")
_NUMBERS = {w: i for i, w in enumerate(words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"))}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_NUMBERS |= _TENS | {f"{t}-{u}": n + i for t, n in _TENS.items()
                     for i, u in enumerate(_UNITS, start=1)}
_NUMBERS |= {str(i): i for i in range(1, 100)}
_WORD_AGE = _rx(r"([a-z]+(?:-[a-z]+)?)[- ]year[- ]old|(?:girl|boy|child|kid|man|woman|"
                r"teenager|lady|gentleman) (?:of|aged) ([a-z]+(?:-[a-z]+)?|\d{1,2})")
_EYE_FAMILY = {"dark": "brown", "hazel": "brown", "amber": "brown", "pale blue": "blue",
               "ice-blue": "blue"}
_DECADES = {"teens": 13, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
            "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
_AGE_WORDS = {"elderly": (65, 100), "old": (60, 100), "aged": (60, 100),
              "wrinkled": (60, 100), "teenage": (13, 19), "teen": (13, 19), "young": (16, 35),
              "middle-aged": (40, 60), "little": (2, 10), "toddler": (1, 4), "infant": (0, 2)}

_ADJ_PERSON = re.compile(r"\s+[\w-]+\s+(?:" + _alts(vocab.PERSON_NOUNS) + ")")
_REASONS = {"time": _rx(vocab.TIME_JUMP), "light": _rx(vocab.LIGHT_CHANGE),
            "look": _rx(vocab.LOOK_REASONS), "clothes": _rx(vocab.CHANGE_CLOTHES)}


@dataclass(frozen=True)
class _Ref:
    """A character reference in a shot: where it is and whom it names."""

    key: str
    start: int
    end: int
    np_start: int


def _np_start(low: str, start: int) -> int:
    """Where the noun phrase ending at `start` begins: back over adjectives to a determiner
    or a break (`a tall red-haired woman` → at `a`)."""
    i = start
    words = 0
    while words < 5:
        m = re.search(r"([\w'-]+)\s+$", low[:i])
        if not m:
            break
        if m.group(1) in _STOP_LEFT or m.group(1) in {"and", "or"}:
            if m.group(1) in {"a", "an", "the", "his", "her", "their"}:
                i = m.start(1)
            break
        i = m.start(1)
        words += 1
    return i


class Cast:
    """Who the sequence follows: the names it uses, and which person noun stands for a name
    ("Mara, a woman..." makes a later "the woman" Mara)."""

    def __init__(self, shots: list[Shot]):
        self.names: set[str] = set()
        self.noun_of: dict[str, str] = {}
        self.gender: dict[str, str] = {}
        found = _discovered_people(shots)
        self.person_nouns = frozenset(vocab.PERSON_NOUNS | vocab.ANIMAL_LEADS | found)
        self.person = _rx(_alts(self.person_nouns)) if found else _PERSON
        self.apposition = re.compile(
            r"^,?\s+(?:an?|the|his|her|their)\s+" + _ADJ_RUN + r"(" +
            _alts(self.person_nouns) +
            r")(?![\w-])", re.I) if found else _APPOSITION
        self._aliases(shots)
        counts: dict[str, int] = {}
        for shot in shots:
            for word in {m.group(1) for m in _NAME.finditer(shot.prompt)}:
                counts[word] = counts.get(word, 0) + 1
        plain = _lowercase_words(" ".join(s.prompt for s in shots))
        common_use: dict[str, bool] = {}
        for shot in shots:
            text = shot.prompt
            for m in _NAME.finditer(text):
                word = m.group(1)
                if word in _NOT_NAMES or word.lower() in vocab.PERSON_NOUNS:
                    continue
                if _NAME_CONTEXT_BEFORE.search(text[max(0, m.start() - 16):m.start()]) or \
                        _NAME_CONTEXT_AFTER.match(text[m.end():m.end() + 12]):
                    continue
                if word.lower() in plain:
                    continue  # also written in lower case: an ordinary word
                initial = m.start() == 0 or re.search(r"[.!?:;]\s*$", text[:m.start()])
                if initial and counts.get(word, 0) < 2 and not self.apposition.match(text[m.end():]) \
                        and text[m.end():m.end() + 2] != "'s":
                    continue
                if initial and not self.apposition.match(text[m.end():]) and (
                        re.search(r"-[a-z]", word) or not _NAME_FOLLOW.match(text[m.end():])):
                    continue  # "Silent comedy,", "High-contrast black": a capital, not a name
                if word not in common_use:
                    common_use[word] = all(
                        _COMMON_USE.search(t.prompt[max(0, n.start() - 60):n.start()])
                        for t in shots for n in _NAME.finditer(t.prompt) if n.group(1) == word)
                if common_use[word]:
                    continue  # "the powder-blue Cadillac": a brand or a thing, not a person
                self.names.add(word)
                ap = self.apposition.match(text[m.end():])
                if ap:
                    noun = ap.group(2).lower()
                    self.noun_of.setdefault(noun, word)
                    self._gender(word, noun)
            for m in _NAMED.finditer(text):
                if m.group(2) in _NOT_NAMES:
                    continue
                self.names.add(m.group(2))
                self.noun_of.setdefault(m.group(1).lower(), m.group(2))
                self._gender(m.group(2), m.group(1).lower())

        self._pronoun_evidence(shots)

    def _aliases(self, shots: list[Shot]) -> None:
        """Two person nouns for one character in apposition ("a folk singer - a bearded
        man", "the keeper, an old man"): the second stands for the first from then on."""
        second = re.compile(r"^\s*(?:,|-|–|—)\s*(?:an?|the)\s+" + _ADJ_RUN + r"(" +
                            _alts(self.person_nouns) + r")(?![\w-])", re.I)
        for shot in shots:
            for m in self.person.finditer(shot.prompt):
                after = second.match(shot.prompt[m.end():])
                if after and after.group(2).lower() != m.group(0).lower():
                    self.noun_of.setdefault(after.group(2).lower(), m.group(0).lower())

    def _pronoun_evidence(self, shots: list[Shot]) -> None:
        """A name's gender from the pronouns that follow it before anyone else is named
        ("Ana laughs, in her yellow raincoat"): each use is a vote, the majority wins, a tie
        says nothing. A person noun in apposition ("Mara, a woman") was read first and wins."""
        votes: dict[str, list[int]] = {}
        for shot in shots:
            text = shot.prompt
            hits = sorted([(m.start(), m.end(), m.group(1)) for m in _NAME.finditer(text)
                           if m.group(1) in self.names] +
                          [(m.start(), m.end(), "") for m in self.person.finditer(text)])
            for k, (_, end, name) in enumerate(hits):
                if not name or name in self.gender:
                    continue
                stop = hits[k + 1][0] if k + 1 < len(hits) else len(text)
                window = re.split(r"[.;!?]", text[end:stop], maxsplit=1)[0]
                first = _PRONOUN.search(window)
                if first:
                    female = first.group(0).lower().startswith(("she", "her"))
                    votes.setdefault(name, [0, 0])[0 if female else 1] += 1
        for name, (f, m) in votes.items():
            if f != m:
                self.gender.setdefault(name, "f" if f > m else "m")

    def _gender(self, name: str, noun: str) -> None:
        if noun in vocab.FEMALE:
            self.gender.setdefault(name, "f")
        elif noun in vocab.MALE:
            self.gender.setdefault(name, "m")

    def refs(self, text: str, previous: set[str]) -> list[_Ref]:
        """Every character reference in a shot's text, in order; pronouns name the character
        of their gender seen last (or the only one)."""
        low = text.lower()
        out: list[_Ref] = []
        for m in _NAME.finditer(text):
            if m.group(1) in self.names:
                out.append(_Ref(m.group(1), m.start(), m.end(), m.start()))
        for m in self.person.finditer(text):
            noun = m.group(0).lower()
            if _GARMENT_NEXT.match(text[m.end():]):
                continue  # "a navy sailor uniform", "a cowboy hat": the noun modifies a garment
            if any(r.start <= m.start() < r.end + 40 and self.apposition.match(text[r.end:])
                   and m.start() < r.end + len(self.apposition.match(text[r.end:]).group(0))  # type: ignore[union-attr]
                   for r in out if r.key in self.names):
                continue  # "Mara, a woman": the noun restates the name
            key = self.noun_of.get(noun, noun)
            out.append(_Ref(key, m.start(), m.end(), _np_start(low, m.start())))
        named = sorted(out, key=lambda r: r.start)
        for m in _PRONOUN.finditer(text):
            g = "f" if m.group(0).lower().startswith(("she", "her")) else "m"
            found = self._pronoun_key(g, named, m.start(), previous)
            if found:
                out.append(_Ref(found, m.start(), m.end(), m.start()))
        return sorted(out, key=lambda r: r.start)

    def _pronoun_key(self, g: str, refs: list[_Ref], at: int, previous: set[str]) -> str | None:
        before = [r for r in refs if r.start < at and self._fits(r.key, g)]
        known = [r for r in before if self._known(r.key)]
        if known:
            return known[-1].key
        if before:
            return before[-1].key
        candidates = [k for k in previous if self._fits(k, g)]
        if len(candidates) == 1:
            return candidates[0]
        named = [k for k in candidates if k in self.names]
        return named[0] if len(named) == 1 else None

    def _known(self, key: str) -> bool:
        """Whether a character's gender is stated (a named one's, or a gendered noun's)."""
        return key in self.gender or key in vocab.FEMALE or key in vocab.MALE

    def _fits(self, key: str, g: str) -> bool:
        if key in self.names:
            return self.gender.get(key, g) == g
        if key in vocab.FEMALE:
            return g == "f"
        if key in vocab.MALE:
            return g == "m"
        return key in vocab.PERSON_NOUNS


_WEARER = re.compile(r"(?<![\w-])(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,3}?([a-z][\w-]*)\s+"
                     r"(?:in|wearing|dressed in)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?"
                     r"(?:[\w-]+\s+){0,3}?(" + _alts(vocab.GARMENTS) + r")(?![\w-])", re.I)
_NAME_APPOSITION = re.compile(r"([A-Z][a-z]+),\s+(?:an?|the)\s+" + _ADJ_RUN + r"([a-z][\w-]*)"
                              r"(?=\s*(?:,|;|\.|-|–|—|$|\s(?:with|in|wearing|who|dressed)\s))")


_BODY_NOUNS = frozenset(words("face head eyes hands hand arms arm legs feet shoulders neck skin tail "
                              "fur paws body back silhouette reflection shadow"))


def _discovered_people(shots: list[Shot]) -> set[str]:
    """Person nouns the table does not know, read from the grammar of the list: the wearer of
    a garment ("a baker in a flour-dusted navy apron", "the taquero in a white guayabera") and
    a noun in apposition to a name ("Cesare, a gaunt somnambulist")."""
    found: set[str] = set()
    for shot in shots:
        for m in _WEARER.finditer(shot.prompt):
            found.add(m.group(1).lower())
        for m in _NAME_APPOSITION.finditer(shot.prompt):
            if m.group(1) not in _NOT_NAMES:
                found.add(m.group(3).lower())
    not_people = vocab.PLACES | set(vocab.GARMENTS) | set(vocab.HUES) | vocab.MATERIALS | \
        _HAIR_NOUNS | _BODY_NOUNS
    return {w for w in found if w not in not_people and w not in _STOP_LEFT and
            w not in _NUMBERS and not hues_of_word(w) and len(w) > 2}


_GARMENT_NEXT = re.compile(r"^[ -](?:" + _alts(vocab.GARMENTS) + r")(?![\w-])", re.I)


def _lowercase_words(text: str) -> frozenset[str]:
    """Words written in lower case somewhere in the text (a name never is)."""
    return frozenset(re.findall(r"(?<![\w'-])[a-z][a-z'-]*", text))


def _owner(refs: list[_Ref], start: int, end: int) -> str:
    """The character whose noun phrase holds these words, else the nearest before, else the
    first after; '' when the shot has no character."""
    for r in refs:
        if r.np_start <= start and end <= r.end:
            return r.key
    before = [r for r in refs if r.end <= start]
    if before:
        return before[-1].key
    after = [r for r in refs if r.start >= end]
    return after[0].key if after else ""


def extract(shot: Shot, cast: Cast, previous: set[str]) -> ShotAnchors:
    """Every anchor mention of one shot. `previous`: the characters seen so far (pronouns)."""
    text = shot.prompt
    low = text.lower()
    out = ShotAnchors(shot=shot)
    refs = cast.refs(text, previous)
    out.present = {r.key for r in refs}
    out.mentions += _identity(text, refs, cast.apposition, cast.person_nouns)
    out.mentions += _wardrobe(text, low, refs)
    setting, out.places = _setting(text, [m for m in out.mentions if m.anchor == "wardrobe"])
    out.mentions += setting
    out.mentions += _time(text)
    out.mentions += _light(text, low)
    out.mentions += _palette(text, low)
    out.mentions += _lens(text)
    out.mentions += _style(text)
    out.reasons = {kind: [m.group(0) for m in rx.finditer(text)]
                   for kind, rx in _REASONS.items()}
    for kind, clauses in clause_reasons(text).items():
        out.reasons.setdefault(kind, []).extend(clauses)
    return out


_WITH_LOOK = re.compile(r"^,?\s+(?:with|wearing|wears|wore|in|dressed in|who has|has on|sports)"
                        r"\s+[^,.;:()]+", re.I)
_COMMA_LOOK = re.compile(r"^,\s+[^.;:()]+", re.I)
"""A character followed by a comma list of what they look like ("Lin, sharp black bob, red
qipao, clear plastic raincoat, lights a cigarette"; "the astronaut, white spacesuit with an
orange stripe, kneels"): the list up to the verb."""


_LOOK_STOP = frozenset(words("a an the his her their its this that one two three some"))


def _looks(text: str, refs: list[_Ref], apposition: re.Pattern[str] = _APPOSITION,
           people: frozenset[str] = vocab.PERSON_NOUNS) -> list[Mention]:
    """Each character's description where it is introduced: the adjectives of its noun
    phrase and what follows it ("a fluffy orange tabby kitten with a blue collar", "Kai, a
    dancer with a bleached buzz cut"). Slot `look`: what a later shot should repeat."""
    out: list[Mention] = []
    low = text.lower()
    for r in refs:
        if _PRONOUN.fullmatch(text[r.start:r.end]):
            continue
        start, end = r.np_start, r.end
        ap = apposition.match(text[r.end:]) if text[r.start:r.end] == r.key else None
        if ap:
            end = r.end + ap.end()
        tail = _WITH_LOOK.match(text[end:]) or _COMMA_LOOK.match(text[end:])
        if tail:
            tail_end = end + _noun_phrases_end(tail.group(0))
            out += _tail_items(text, end, tail_end, r.key, people)
            end = tail_end
        words_ = [w for w in re.findall(r"[a-z][a-z'-]*", low[start:end])
                  if w not in _LOOK_STOP and w != r.key.lower()]
        described = [w for w in words_ if w not in vocab.PERSON_NOUNS and
                     w not in vocab.ANIMAL_LEADS and w not in _STOP_LEFT]
        if not described:
            continue
        out.append(Mention("character", text[start:end].strip(" ,"), start, end,
                           frozenset(f"look:{w}" for w in described), r.key, "look"))
        out += _figure(text, r, ap)
    return out


_VERBISH = re.compile(r"\s(?:-|–|—|as|while|who|which|that|then|before|after|until|is|are|"
                      r"was|were|has|have|[a-z]+[a-hj-rtv-z]s)(?=\s|$)")
"""Where a description's noun phrases end: a dash, a conjunction of time, or a verb in the
third person ("with a blue collar and a tiny bell plays..."). A plural garment or feature
("boots", "glasses", "forearms") looks like a verb here only when it follows a noun."""
_NP_NOUN_BEFORE = re.compile(r"(?:^|\s)(?!(?:a|an|the|his|her|their|and|with|of|in|two|three|"
                             r"some|many|its|wearing|dressed|round|black|white|red|blue|green|"
                             r"grey|gray|brown|dark|long|short|tattooed|heavy|big|small|"
                             r"leather|rubber|combat|work|running)\s*$)[a-z'-]+,?\s*$")


def _noun_phrases_end(tail: str) -> int:
    """The length of a description tail's noun phrases, without the verb that follows them."""
    for m in _VERBISH.finditer(tail):
        word = m.group(0).strip()
        before = re.findall(r"[a-z][a-z'-]*,?", tail[:m.start()].lower())
        prev = before[-1] if before else ""
        modifier = not prev.endswith((",", "ly")) and (
            hues_of_word(prev) or prev in vocab.MATERIALS or bool(_ADJECTIVE_END.search(prev)))
        if word.endswith("s") and (word in vocab.GARMENT_PLURALS or word in vocab.GARMENTS or
                                   modifier or not _NP_NOUN_BEFORE.search(tail[:m.start()])):
            continue  # "round wire glasses", "teal scrubs": a plural after its modifier
        return m.start()
    return len(tail)


_TAIL_SPLIT = re.compile(r",|\s+(?:and|with|wearing|in|dressed in|who has)\s+|^,?\s*(?:with|wearing|"
                         r"wears|wore|in|dressed in|who has|has on|sports)\s+", re.I)


_HAIR_NOUNS = frozenset(words("hair curls braids braid ponytail bob locks mane dreadlocks locs "
                              "plait plaits bun buzz cut undercut beard stubble moustache "
                              "mustache goatee fringe bangs afro cornrows"))
_ITEM_END = re.compile(r"\s+(?:at|on|through|across|into|onto|near|by|from|under|over|against|"
                       r"toward|towards|beside|behind|out|off|up|down|along|around|past|as|while|"
                       r"to|for)(?![\w-])", re.I)
"""An item's noun phrase ends where a preposition starts a place or a path ("...jacket at
the edge")."""


def _tail_items(text: str, start: int, end: int, owner: str,
                people: frozenset[str] = vocab.PERSON_NOUNS) -> list[Mention]:
    """The worn or carried things of a description tail that are not in the garment table
    ("a dark shawl with a white lace collar", "a black leotard"): each noun phrase with a
    colour or a material is an item of the character (slot `item:<noun>`), compared and
    repeated like a garment. Plain props ("a tiny bell") are not anchors."""
    out: list[Mention] = []
    seps = [(start + m.start(), start + m.end()) for m in _TAIL_SPLIT.finditer(text[start:end])]
    bounds = [start] + [x for sep in seps for x in sep] + [end]
    for a, b in zip(bounds[::2], bounds[1::2], strict=False):
        phrase = text[a:b]
        lead = len(phrase) - len(phrase.lstrip(" ,"))
        cut = _ITEM_END.search(phrase)
        if cut:
            phrase, b = phrase[:cut.start()], a + cut.start()
        found = re.findall(r"[a-z][a-z'-]*", phrase.lower())
        if any(w in vocab.GARMENTS for w in found):
            continue  # a garment: `_wardrobe` reads it
        found = [w for w in found if w not in _LOOK_STOP and w not in _STOP_LEFT]
        while len(found) > 1 and re.search(r"(?:ing|ed)$", found[-1]):
            found.pop()  # "saffron kaftan billowing", "white silk shirt soaked"
        if len(found) < 2:
            continue
        noun, mods = found[-1], found[:-1]
        if noun in people or noun in vocab.PLACES or noun in _HAIR_NOUNS or \
                noun in _LOOK_NOUNS or noun in _LIGHT_SOURCES:
            continue  # hair is a trait (`_identity`), a place is a setting
        hues = hues_of(mods)
        materials = {w for w in mods if w in vocab.MATERIALS}
        if not hues and not materials:
            continue
        words_ = phrase.strip(" ,")
        at = a + lead
        lead_word = re.match(r"(?:with|wearing|wears|wore|in|dressed in|who has|has on|sports|"
                             r"and)\s+", words_, re.I)
        if lead_word:
            at += lead_word.end()
            words_ = words_[lead_word.end():]
        words_ = re.sub(r"^(?:an?|the|his|her|their)\s+", "", words_, flags=re.I)
        at = text.find(words_, at)
        out.append(Mention("wardrobe", words_, at, at + len(words_), frozenset(
            {f"noun:{noun}", *(f"hue:{h}" for h in hues), *(f"mat:{x}" for x in materials)}),
            owner, f"item:{noun}"))
    return out


_POSSESSED = re.compile(r"(?<![\w-])(?:his|her|their|[A-Z][a-z]+'s)\s+((?:[a-z][\w-]*\s+){1,3})"
                        r"([a-z][\w-]*)(?![\w-])")


def _possessed_items(text: str, refs: list[_Ref], people: frozenset[str]) -> list[Mention]:
    """Things a possessive gives a character, outside the garment table, when a colour or a
    material says what they look like: "her pale blue sundress", "Dana's red bandana"."""
    out: list[Mention] = []
    for m in _POSSESSED.finditer(text):
        found = (m.group(1) + m.group(2)).lower().split()
        k = 0
        while k < len(found) - 1 and (hues_of_word(found[k]) or found[k] in vocab.MATERIALS or
                                      found[k] in _PALETTE_ADJ or
                                      _ADJECTIVE_END.search(found[k])):
            k += 1
        mods, noun = found[:k], found[k]
        end = m.start(1) + len(" ".join(found[:k + 1]))
        if noun in vocab.GARMENTS or noun in _HAIR_NOUNS or noun in _BODY_NOUNS or \
                noun in people or noun in vocab.PLACES or hues_of_word(noun) or \
                noun.endswith("ing"):
            continue
        if any(w in _STOP_LEFT or w in vocab.GARMENTS for w in mods):
            continue
        hues = hues_of(mods)
        materials = {w for w in mods if w in vocab.MATERIALS}
        if not hues and not materials:
            continue
        start = m.start(1)
        owner = _owner(refs, m.start(), m.start() + 3)
        if not owner:
            continue
        out.append(Mention("wardrobe", text[start:end], start, end, frozenset(
            {f"noun:{noun}", *(f"hue:{h}" for h in hues), *(f"mat:{x}" for x in materials)}),
            owner, f"item:{noun}"))
    return out


def _figure(text: str, r: _Ref, ap: re.Match[str] | None) -> list[Mention]:
    """Height, build and (for a name in apposition) man or woman, from the words right before
    the character's noun: "a tall thin man", "Alex, a stocky woman"."""
    if ap is not None:
        before, noun = ap.group(1) or "", ap.group(2).lower()
        at = r.end + ap.start(1) if ap.group(1) else r.end + ap.start(2)
    else:
        before, noun, at = text[r.np_start:r.start], text[r.start:r.end].lower(), r.np_start
    out: list[Mention] = []
    adjectives = re.findall(r"[a-z][a-z-]*", before.lower())
    for slot, table in (("height", vocab.HEIGHT), ("build", vocab.BUILD)):
        values = {table[w] for w in adjectives if w in table}
        if len(values) == 1:
            word = next(w for w in adjectives if w in table)
            out.append(Mention("character", word, at, at + len(before), frozenset(values),
                               r.key, slot))
    if ap is not None and noun in vocab.FEMALE | vocab.MALE:
        out.append(Mention("character", noun, r.end + ap.start(2), r.end + ap.end(2),
                           frozenset({"f" if noun in vocab.FEMALE else "m"}), r.key, "gender"))
    return out


def _identity(text: str, refs: list[_Ref], apposition: re.Pattern[str] = _APPOSITION,
              people: frozenset[str] = vocab.PERSON_NOUNS) -> list[Mention]:
    found: list[Mention] = _looks(text, refs, apposition, people)
    taken = {(m.slot, m.start) for m in found}
    found += [m for m in _possessed_items(text, refs, people) if (m.slot, m.start) not in taken
              and not any(f.slot == m.slot and f.start <= m.start < f.end for f in found)]

    def add(m: re.Match[str], slot: str, values: set[str]) -> None:
        if not values:
            return
        found.append(Mention("character", m.group(0), m.start(), m.end(), frozenset(values),
                             _owner(refs, m.start(), m.end()), slot))

    for m in _HAIR_COLOUR.finditer(text):
        word = (m.group(1) or "red").lower()
        if m.group(0).lower().endswith("beard"):
            continue
        colour = vocab.HAIR_COLOURS.get(word) or vocab.HAIR_COLOURS.get(word.split("-")[-1], word)
        add(m, "hair_colour", {colour})
    for m in _HAIR_LENGTH.finditer(text):
        word = m.group(1).lower()
        if "hair" not in m.group(0).lower() and word in {"short", "long", "flowing", "bob",
                                                          "cropped", "bun"}:
            continue  # "a long coat", "short steps": not hair
        add(m, "hair_length", {vocab.HAIR_LENGTH[word]})
    for m in _AGE.finditer(text):
        if m.group(1):
            d = _DECADES[m.group(1).lower()]
            add(m, "age", {f"{d}-{d + 9}"})
        elif m.group(2):
            n = int(m.group(2))
            add(m, "age", {f"{max(0, n - 2)}-{n + 2}"})
        elif m.group(3):
            d = int(m.group(3))
            add(m, "age", {f"{d}-{d + 9}"})
        elif m.group(4):
            word = m.group(4).lower()
            nxt = text[m.end():m.end() + 20].lower()
            if word in {"old", "young", "little", "aged"} and not _PERSON.match(nxt.lstrip()) \
                    and not _ADJ_PERSON.match(nxt):
                continue  # "an old car", "young leaves"
            lo, hi = _AGE_WORDS[word]
            add(m, "age", {f"{lo}-{hi}"})
    for m in _HAIR_TEXTURE.finditer(text):
        if m.group(2) and re.match(r"\s+(?:up|into|around|over|in|on|off|back)(?![\w-])",
                                   text[m.end():]):
            continue  # "Pip curls up": a verb
        add(m, "hair_texture", {_TEXTURES[(m.group(1) or m.group(2)).lower()]})
    for m in _BEARD_COLOUR.finditer(text):
        word = m.group(1).lower()
        add(m, "beard_colour", {vocab.HAIR_COLOURS.get(word, word)})
    for m in _WORD_AGE.finditer(text):
        age = _NUMBERS.get(m.group(1).lower()) if m.group(1) else None
        if age is None:
            age = _NUMBERS.get((m.group(2) or "").lower())
        if age is not None:
            add(m, "age", {f"{max(0, age - 2)}-{age + 2}"})
    for m in _FACIAL.finditer(text):
        word = m.group(2).lower()
        value = "clean" if word == "clean-shaven" else "moustache" if word in {
            "moustache", "mustache"} else "beard"
        add(m, "facial_hair", {value})
    for m in _EYES.finditer(text):
        colour = (m.group(1) or m.group(2)).lower().replace("gray", "grey")
        add(m, "eyes", {_EYE_FAMILY.get(colour, colour)})
    for m in _SIDED.finditer(text):
        add(m, f"mark:{m.group(1).lower()} {m.group(3).lower()}", {m.group(2).lower()})
    for m in _MARK.finditer(text):
        side = f"{m.group(2)} {m.group(3)}".lower() if m.group(2) else ""
        add(m, "mark:" + m.group(1).lower(), {side or "?"})
    return found


_MODIFIES_NEXT = re.compile(r"^[ -](?:light|lights|lighting|lit|lamp|shot|shots|angle|view|"
                            r"floor|deck|step|steps|gun|rack|hanger|hook|stand|shop|store|"
                            r"maker)(?![\w-])", re.I)
"""A garment word before these nouns names them ("top light", "coat rack"); before its own
parts ("coat collar", "jacket pocket") it is still the garment."""


def _wardrobe(text: str, low: str, refs: list[_Ref]) -> list[Mention]:
    out: list[Mention] = []
    for m in _heads(text, _GARMENT_NOUN, _GARMENT_LEFT):
        noun = m.group(2).lower()
        mods = _left_modifiers(m.group(1).lower())
        if _MODIFIES_NEXT.match(text[m.end():]):
            continue  # "hard top light", "a cap gun": the garment word modifies a noun
        if noun in {"top", "tank", "mac", "cap", "tie", "watch", "hood", "habit", "suit", "bag",
                    "jersey", "crown", "vest"} and not _dressed(low, m.start(2), m.end(2)) and \
                not (hues_of(mods) or any(w in vocab.MATERIALS for w in mods)):
            continue  # "cap" is worn after "in the", or when it has a colour or a material
        while mods and mods[0] in _STOP_LEFT:
            mods.pop(0)
        if any(w in _STOP_LEFT for w in mods):
            mods = mods[max(i for i, w in enumerate(mods) if w in _STOP_LEFT) + 1:]
        start = m.start(2) - len(" ".join(mods)) - (1 if mods else 0)
        start = low.rfind(mods[0], 0, m.start(2)) if mods else m.start(2)
        end = m.end()
        after = _GARMENT_COLOUR_AFTER.match(text[end:])
        if after and hues_of(after.group(1).lower().split()):
            mods.append(after.group(1).lower())
            end += after.end()
        words = text[start:end]
        hues = hues_of(mods)
        materials = {w for w in mods if w in vocab.MATERIALS}
        values = {f"noun:{noun}", *(f"hue:{h}" for h in hues), *(f"mat:{x}" for x in materials)}
        owner = _owner(refs, start, m.end())
        out.append(Mention("wardrobe", words, start, end, frozenset(values), owner,
                           vocab.GARMENTS[noun]))
    return out


_DRESS_CUE = re.compile(r"(?:wear\w*|dressed|in|with|his|her|their|a|an|the|[\w-]+)\s+"
                        r"(?:[\w-]+\s+){0,3}$")


_GARMENT_COLOUR_AFTER = re.compile(
    r"^,?\s+(?:is|are|was|were|in|of|the colou?r of)\s+(?:(?:a|an|bright|dark|deep|pale|light|"
    r"vivid|faded|dusty|rich|soft|muted|solid|plain)\s+){0,2}([a-z]+(?:-[a-z]+)*)(?![\w-])",
    re.I)
"""A garment's colour said after it: "her coat is bright red", "a dress in emerald green",
"a scarf the colour of rust" (only when the word is a colour)."""


_ADJECTIVE_END = re.compile(r"(?:y|ed|ful|ous|ish|less|al|ic|ive|en|ent|ant)$")


def _left_modifiers(words: str) -> list[str]:
    """The modifiers before a garment, read back to the first comma that ends a list item
    ("left eyebrow, faded red hoodie" → faded red): a comma after a colour, a material or an
    adjective-shaped word joins coordinate adjectives ("a long, black coat"), after a noun it
    closes the previous item."""
    parts = [p for p in re.split(r"(,)|\s+", words) if p]
    kept: list[str] = []
    for i in range(len(parts) - 1, -1, -1):
        p = parts[i]
        if p == ",":
            prev = parts[i - 1] if i > 0 else ""
            if not (hues_of_word(prev) or prev in vocab.MATERIALS or _ADJECTIVE_END.search(prev)):
                break
            continue
        kept.insert(0, p)
    return kept


def _dressed(low: str, start: int, end: int) -> bool:
    """Whether an ambiguous garment word ("top", "cap", "watch") is worn here, not a verb or a
    place: it follows wear/dressed/in/with or a possessive within a few words."""
    before = low[max(0, start - 40):start]
    return bool(re.search(r"(?:wear\w*|dressed in|in (?:an?|the)|with an?|his|her|their)\s+"
                          r"(?:[\w-]+\s+){0,3}$", before))


_PLACE_NOUN = _rx(_alts(vocab.PLACES))
_PLACE_LEFT = re.compile(r"((?:[a-z0-9]+(?:-[a-z0-9]+)*'?s? ){0,4})$", re.I)
_PLACE_STOP = frozenset(words("a an the his her their its of in on at by into onto from to "
                              "through across over under near toward towards and or with as "
                              "while shot close-up medium wide full aerial establishing "
                              "extreme tracking static low high angle camera slow lens"))
_LEADING_PREPOSITION = re.compile(r"(?:(?:at|in|on|by|through|across|down|up|along|into|inside|"
                                  r"outside|over|under|near|beside|toward|towards|from|to|"
                                  r"onto|past|around)\s+)*", re.I)
_WITH_DETAIL = re.compile(r"\s+(?:with|where|lined with|full of|filled with)\s+(?:an?\s+|the\s+)?"
                          r"[\w' -]+?(?=,|\.|;|$| at | as | while | and the | in the |"
                          r" on the )", re.I)
_NOT_A_PLACE_AFTER = re.compile(r"^(?:'s|-| (?:shot|shots|lamp|lamps|light|lights|door|doors|"
                                r"window|windows|table|wall|walls|floor|sign|signs|keeper|owner|"
                                r"worker|counter|dog|cat|bag|path|rail|jacket|coat|jaw|phone|"
                                r"card|chair|bench|level|line|map|ticket|boy|girl|kid|cleaner|"
                                r"lens|ball|game|player|players|mouse|rat|hat|cap|uniform|"
                                r"gear|kit|plant|plants|clock)(?![\w-]))", re.I)



def _setting(text: str, worn: list[Mention]) -> tuple[list[Mention], set[str]]:
    """The places a shot names, keyed by their noun ("alley"), with the adjectives before it
    and a "with ..." detail after it ("a narrow alley with a red neon pharmacy cross"). A
    noun inside a garment's words ("field jacket") or used as a modifier ("kitchen door") is
    not a place."""
    out: list[Mention] = []
    places: set[str] = set()
    for m in _heads(text, _PLACE_NOUN, _PLACE_LEFT):
        if any(w.start <= m.start(2) < w.end for w in worn):
            continue
        if _NOT_A_PLACE_AFTER.match(text[m.end():]):
            continue
        if text[m.end():m.end() + 1] == " " and _PLACE_NOUN.match(text, m.end() + 1):
            continue  # "bakery kitchen", "library atrium": the next noun is the place
        if m.group(2).lower() == "field" and re.search(r"depth of $", text[max(0, m.start(2) - 9):
                                                                          m.start(2)], re.I):
            continue  # "shallow depth of field": a lens setting
        head = m.group(2).lower()
        mods = [w for w in m.group(1).lower().split() if w]
        if any(w in _PLACE_STOP for w in mods):
            mods = mods[max(i for i, w in enumerate(mods) if w in _PLACE_STOP) + 1:]
        start = m.start(2) - sum(len(w) + 1 for w in mods)
        end = m.end()
        values = {f"detail:{w}" for w in mods}
        values |= {f"hue:{h}" for h in hues_of(mods)}
        detail = _WITH_DETAIL.match(text[end:])
        if detail:
            end += len(detail.group(0))
            values |= _detail_values(detail.group(0))
        places.add(head)
        out.append(Mention("setting", text[start:end], start, end, frozenset(values), head,
                           "place"))
    return out, places


def _detail_values(detail: str) -> set[str]:
    """A place's "with ..." details, each noun with its own words ("yellow tiles and a brick
    oven" → tiles: yellow; oven: brick), so only the same thing's words are compared."""
    out: set[str] = set()
    body = re.sub(r"^\s*(?:with|where|lined with|full of|filled with)\s+", "", detail.lower())
    for part in re.split(r",\s*|\s+and\s+", body):
        found = [w for w in re.findall(r"[a-z][a-z'-]*", part) if w not in _SETTING_STOP]
        if len(found) < 2:
            continue
        noun, mods = found[-1].rstrip("s"), found[:-1]
        out |= {f"dn:{noun}:{w}" for w in mods}
    return out


_SETTING_STOP = frozenset(words("at in on by the a an of through across down up along into inside "
                                "outside over under near beside toward towards and from to with"))


_LIGHT_NOT_TIME = frozenset({"sunlight", "sunlit", "daylight", "window light", "skylight",
                             "sunbeams", "sunbeam", "sun rays", "in the dark", "low sun",
                             "long shadows", "golden sunlight"})
"""Words the facts read as a time (a rewrite must not contradict them) that name a quality of
light, not a time of day: "low sun" is a light direction's sun at any edge of the day."""


def _time(text: str) -> list[Mention]:
    """Time of day words: the critique's facts (so "golden hour" and "dusk" agree here as in a
    rewrite), clock times and time idioms (`timeofday`). A shot whose words allow no common
    time (a time-lapse "from dawn to night") states no single time."""
    facts = facts_of(text)
    found: list[Mention] = []
    loose: dict[int, frozenset[str]] = {}
    """What each facts mention allows before continuity narrows it (the consistency check)."""
    for m in facts.mentions:
        if m.dimension == "time_of_day" and \
                m.text.lower() not in _LIGHT_NOT_TIME:
            strict = _strict_time(m.text.lower(), m.allows)
            found.append(Mention("time_of_day", text[m.start:m.start + len(m.text)], m.start,
                                 m.start + len(m.text), frozenset(strict)))
            loose[m.start] = m.allows
    extra = [Mention("time_of_day", text[t.start:t.end], t.start, t.end, t.families)
             for t in clock_and_idioms(text)]
    found = [m for m in found if not any(e.start <= m.start and m.end <= e.end for e in extra)]
    found = _dedupe(sorted(found + extra, key=lambda m: m.start))
    if not found or not frozenset.intersection(*(loose.get(m.start, m.values) for m in found)):
        return []
    return found


_STRICT_TIME: list[tuple[re.Pattern[str], frozenset[str]]] = [
    (re.compile(r"late afternoon|afternoon sun"), frozenset({"afternoon", "dusk"})),
    (re.compile(r"afternoon"), frozenset({"afternoon"})),
    (re.compile(r"early morning|first light|daybreak|break of day"),
     frozenset({"dawn", "morning"})),
    (re.compile(r"morning|breakfast"), frozenset({"dawn", "morning"})),
    (re.compile(r"midday|noon|overhead sun"), frozenset({"midday"})),
]
"""Continuity reads time words more narrowly than a rewrite's contradiction check does: the
facts let "morning" reach midday and "afternoon" reach midday too, so a rewrite may say
either, but a morning shot cut against an afternoon shot is a jump."""


def _strict_time(words: str, allows: frozenset[str]) -> frozenset[str]:
    for rx, values in _STRICT_TIME:
        if rx.search(words):
            return values
    return allows


_LIGHT_SOURCES = frozenset(words("light lights lamp lamps bulb bulbs sun tubes fluorescents "
                                  "fluorescent strip strips spotlight spotlights key fill glow "
                                  "lanterns lantern chandelier skylight fixture fixtures panel "
                                  "panels neon softbox lit lighting top sun moon fire flames "
                                  "candle candles torch flashlight headlights window windows "
                                  "sunlight moonlight daylight firelight"))


def _places_a_thing(before: str) -> bool:
    """Whether "overhead" or "behind him" places the thing named just before it ("stars
    overhead", "hay bales behind him") rather than a light ("a bulb hanging overhead", "the
    sun behind her"): no light source among the four words before, and the word right before
    is not a verb of lighting."""
    found = re.findall(r"[a-z][a-z'-]*", before.split(",")[-1])[-4:]
    if not found or any(w in _LIGHT_SOURCES or w.endswith("light") for w in found):
        return False
    return found[-1] not in {"lit", "shines", "shining", "glows", "glowing", "burns", "blazes"}


def _light(text: str, low: str) -> list[Mention]:
    out = []
    for rx, value in _DIRECTION_RES:
        for m in rx.finditer(text):
            own = m.group(0).lower()
            if not _LIGHT_WORD.search(own) and not _LIGHT_CONTEXT.search(
                    low[max(0, m.start() - 45):m.end() + 25]):
                continue  # "walks to the left": a direction of movement, not of light
            if not _LIGHT_WORD.search(own) and _CAMERA_BEFORE.search(
                    low[max(0, m.start() - 25):m.start()]):
                continue  # "shot from above", "seen from behind": where the camera is
            if value in {"above", "behind"} and not _LIGHT_WORD.search(own) and \
                    _places_a_thing(low[max(0, m.start() - 40):m.start()]):
                continue  # "stars overhead", "hay bales behind him": where a thing is
            if value in {"left", "right"} and re.search(
                    r"(?:pan|pans|panning|truck|trucks|tracking|turns?|looks?|walks?|moves?|"
                    r"runs?|exits?|enters?|glances?|steps?|drifts?|slides?|strafe\w*|arcs?|"
                    r"orbits?)\s+(?:\w+\s+){0,2}$", low[max(0, m.start() - 30):m.start()]):
                continue
            start, end = _light_phrase(low, m.start(), m.end())
            out.append(Mention("light_direction", text[start:end], start, end,
                               frozenset({value})))
    return _dedupe(out)


def _light_phrase(low: str, start: int, end: int) -> tuple[int, int]:
    """Grow a direction to the light words just before it ("warm key light from the left")."""
    m = _LIGHT_BEFORE.search(low[max(0, start - 80):start])
    if m and not re.search(r"[,.;]", m.group(1)):
        return start - len(m.group(1)), end
    return start, end


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (x.start, -(x.end - x.start))):
        if any(k.start <= m.start < k.end and k.anchor == m.anchor for k in kept):
            continue
        kept.append(m)
    return kept


def _palette(text: str, low: str) -> list[Mention]:
    out: list[Mention] = []
    candidates = [(m.start(), m.end()) for m in _PALETTE_PHRASE.finditer(text)]
    for start, end in candidates:
        while True:  # drop leading function words ("the right, cool blue palette")
            m = re.match(r"([A-Za-z&'-]+)[ ,]+", text[start:end])
            if not m or m.group(1).lower() not in _PALETTE_STOP:
                break
            start += m.end()
        words = text[start:end]
        values = palette_values(words)
        if not values:
            continue
        if not _GRADE_WORD.search(words) and _modifies_a_thing(text, end):
            continue  # "a black-and-white checkered floor": the floor's colours, not a grade
        tail = _PALETTE_MORE.match(text[end:])
        if tail and _GRADE_WORD.search(words) and all(
                hues_of_word(w) or w in _PALETTE_ADJ for w in tail.group(1).lower().split()):
            end += tail.end()
            words = text[start:end]
            values = palette_values(words)
        if not _GRADE_WORD.search(words) and not _MONO.search(words) and \
                not re.search(r"\band\b", words) and len(values) < 2:
            continue
        out.append(Mention("palette", words, start, end, frozenset(values)))
    out += [m for m in _colour_lists(text) if not any(
        o.start < m.end and m.start < o.end for o in out)]
    return _merge(sorted(out, key=lambda m: m.start))


def _colour_lists(text: str) -> list[Mention]:
    """A clause that is only a list of colours ("pastel pinks and baby blues", "green and red
    neon", "red, gold and black"): the palette the shot is painted in. Every word is a colour,
    a palette adjective or a joining word, two colours at least are named; neighbouring
    colour-only clauses join into one list."""
    out: list[Mention] = []
    run: list[tuple[int, int]] = []
    for m in re.finditer(r"[^,.;:]+", text):
        tokens = re.findall(r"[a-z][a-z-]*", m.group(0).lower())
        if tokens and all(_palette_token(w) for w in tokens):
            run.append((m.start(), m.end()))
            continue
        out += _colour_run(text, run)
        run = []
    return out + _colour_run(text, run)


def _palette_token(word: str) -> bool:
    return bool(hues_of_word(word)) or word in _PALETTE_ADJ or bool(_VIVID.fullmatch(word)) or \
        bool(_MUTED.fullmatch(word)) or bool(re.search(r"-(?:soaked|drenched|washed|tinted)$",
                                                        word))


def _colour_run(text: str, run: list[tuple[int, int]]) -> list[Mention]:
    if not run:
        return []
    start, end = run[0][0], run[-1][1]
    phrase = text[start:end]
    lead = len(phrase) - len(phrase.lstrip())
    phrase = phrase.strip()
    if len([w for w in re.findall(r"[a-z][a-z-]*", phrase.lower()) if hues_of_word(w)]) < 2:
        return []
    return [Mention("palette", phrase, start + lead, start + lead + len(phrase),
                    frozenset(palette_values(phrase)))]


_PALETTE_MORE = re.compile(r"^,\s+((?:[a-z-]+\s+){0,2}[a-z-]+)(?=\s*(?:[,.;]|$))", re.I)
"""A grade's colours given after it, between commas ("bleached grade, warm ochre")."""
_PALETTE_ADJ = frozenset(words("warm cool cold deep pale soft rich muted dusty bright dark light "
                               "icy earthy vivid faded and baby hot electric acid neon"))
_LOOK_NOUNS = frozenset(words("film films footage photography photo photograph look image images "
                              "style cinematography frames frame tones palette grade stock print "
                              "aesthetic rendering animation cartoon painting illustration "
                              "drawing sketch artwork render renders short feature movie video "
                              "clip commercial ad spot sequence shot shots visuals imagery "
                              "lighting textures texture world colour color colours colors "
                              "tones tone"))


def _modifies_a_thing(text: str, end: int) -> bool:
    """Whether colour words are an attribute of the noun that follows them ("black-and-white
    checkered floor", "hand-painted yellow awning"): the next word is not punctuation, a
    conjunction or a preposition, and not a word naming the image itself (film, look)."""
    m = re.match(r"^[ -]+([a-z][a-z-]*)", text[end:], re.I)
    if not m:
        return False
    first = m.group(1).lower()
    if first in _LOOK_NOUNS or first in _STOP_LEFT or first in {"with", "for", "as", "but"}:
        return False
    if hues_of_word(first) or first in _PALETTE_ADJ:
        return False  # "monochrome blue", "black-and-white, warm": more of the palette
    return not first.endswith("ly")


def _names_a_thing(text: str, end: int) -> bool:
    """Whether a style word is an attribute of a thing named right after it: a colour, then a
    place, a garment or a person within two words ("hand-painted yellow awning", "a cyberpunk
    city", "a noir detective"). A style word before anything else stays a style."""
    after = re.findall(r"[a-z][a-z-]*", text[end:end + 40].lower())[:2]
    if not after or not re.match(r"^[ -]", text[end:end + 1]):
        return False
    if hues_of_word(after[0]):
        return True
    return any(w in vocab.PLACES or w.rstrip("s") in vocab.PLACES or w in vocab.GARMENTS or
               w in vocab.PERSON_NOUNS or w in _AWNINGS for w in after)


_AWNINGS = frozenset(words("awning sign signs wall walls door doors cart car bus van truck boat "
                           "table chair poster posters mural murals"))
"""Objects a painted or drawn attribute often sits on."""


def palette_values(words: str) -> set[str]:
    """warm/cool, muted/vivid, mono and the colour families named: what a grade fixes, for
    comparing two shots."""
    values = {f"hue:{h}" for h in hues_of(re.findall(r"[a-z][a-z-]*", words.lower()))}
    if _MONO.search(words):
        values.add("mono")
    warm, cool = bool(_WARM.search(words)), bool(_COOL.search(words))
    hues = _of_hues(values)
    if (warm or cool) and not _TEMPERATURE_WORD.search(words) and hues & _WARM_HUES and \
            hues & _COOL_HUES:
        warm = cool = True  # "green and red neon": colours of both sides, no word for either
    if warm and not cool:
        values.add("warm")
    elif cool and not warm:
        values.add("cool")
    elif warm and cool:
        values.add("split")
    elif "mono" not in values:  # a tint of black and white ("sepia-tinted") is no warmth
        temperature = _temperature(_of_hues(values))
        if temperature:
            values.add(temperature)
    if _CHROMATIC.search(words) and "mono" not in values:
        values.add("chromatic")
    if _MUTED.search(words):
        values.add("muted")
    if _VIVID.search(words) and "muted" not in values:
        values.add("vivid")
    return values


_TEMPERATURE_WORD = _rx(r"warm|warmer|warmth|cool|cooler|cold|colder|icy|chilly|hot")
_WARM_HUES = frozenset({"red", "orange", "yellow", "brown"})
_COOL_HUES = frozenset({"blue", "green"})
_CHROMATIC = _rx(r"colou?r palette|colou?rs|in colou?r|full[- ]colou?r|colou?rful|vivid colou?r|"
                 r"saturated colou?r|natural colou?r|technicolou?r")
"""Words that say the image is in colour: against black and white they are a change of look
even when muted ("a muted colour palette")."""


def _of_hues(values: set[str]) -> set[str]:
    return {v[4:] for v in values if v.startswith("hue:")}


def _temperature(hues: set[str]) -> str | None:
    """A palette's warmth from its colours when no word says it: every colour warm (reds to
    browns) or every colour cool (blues, greens); pinks, purples and neutrals say nothing.
    "Magenta-and-cyan neon" is cool against a "warm sepia palette"."""
    telling = hues & (_WARM_HUES | _COOL_HUES)
    if not telling:
        return None
    if telling <= _WARM_HUES:
        return "warm"
    if telling <= _COOL_HUES:
        return "cool"
    return "split"  # "teal-and-orange": both sides, as "teal and orange" is


def _merge(mentions: list[Mention]) -> list[Mention]:
    """Overlapping palette phrases become one (the longest words, the union of values)."""
    merged: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if merged and m.start < merged[-1].end:
            last = merged[-1]
            start, end = min(last.start, m.start), max(last.end, m.end)
            text = last.text if last.end - last.start >= m.end - m.start else m.text
            if end - start <= len(last.text) + len(m.text):
                merged[-1] = Mention("palette", text, last.start if text == last.text else m.start,
                                     last.end if text == last.text else m.end,
                                     last.values | m.values)
                continue
        merged.append(m)
    return merged


def _lens(text: str) -> list[Mention]:
    """Lens families, and focal lengths named as the lens ("35mm lens", "24mm wide lens"):
    a focal length is a lens anchor (the series' lens) but never drifts against another."""
    out = [Mention("lens", m.group(0), m.start(), m.end(), frozenset(
               {value if value != "format" else _format(m.group(0)),
                *(v for rx2, v in _LENS_RES[:3] if rx2.search(m.group(0)))}))
           for rx, value in _LENS_RES for m in rx.finditer(text)]
    out += [Mention("lens", m.group(0), m.start(), m.end(), frozenset(
                {"focal", *(v for rx2, v in _LENS_RES[:3] if rx2.search(m.group(0)))}))
            for m in _FOCAL_LENS.finditer(text)]
    return _dedupe(out)


_STYLE_LEFT = re.compile(r"(?:[A-Za-z][\w'-]*[- ]style|in the style of [A-Z][\w'-]*(?: [A-Z]"
                         r"[\w'-]*)?|[A-Z][\w'-]*-(?:esque|inspired))\s+$")
_STYLE_RIGHT = re.compile(r"^(?:[- ](?:style|look|aesthetic|animation|film|movie|rendering))+",
                          re.I)


def _style_phrases(text: str) -> list[_Head]:
    """"X style", "X aesthetic", "X look", "X animation": the tag word first, then up to three
    words before it."""
    out = []
    for m in _STYLE_WORD.finditer(text):
        head = _Head(text, m, _STYLE_TAG_LEFT)
        if head.group(1):
            out.append(head)
    return out


_STYLE_OF = re.compile(
    r"(?<![\w-])(?<!dressed )(?<!decorated )(?<!furnished )(?:in the style of|in the manner of|"
    r"(?:rendered|drawn|painted|animated|shot|styled|made) (?:like|as))\s*((?:an? |the )?"
    r"[\w'&.-]+(?: [\w'&.-]+){0,4}?)(?=\s*(?:[,.;:]|$|\s(?:with|and|as|while|where|of)\s))|"
    r"(?<![\w-])[A-Z][\w']*(?: [A-Z][\w']*)?-(?:inspired|esque)(?![\w-])()")
"""A style said by its grammar: "in the style of a 1970s Polaroid", "rendered like a vintage
travel poster", "shot like a 90s music video", "Moebius-inspired line art": the words up to
the clause's end are the tag, of a known family or of its own."""


def _style(text: str) -> list[Mention]:
    """Style words, with the name or "X-style" before them and "style"/"look" after them
    ("Pixar-style 3D animation", "noir look"): the words to repeat are the whole tag."""
    out = []
    for rx, value in _STYLE_RES:
        for m in rx.finditer(text):
            start, end = m.start(), m.end()
            left = _STYLE_LEFT.search(text[max(0, start - 40):start])
            if left:
                start -= len(left.group(0))
            right = _STYLE_RIGHT.match(text[end:])
            if right:
                end += len(right.group(0))
            elif _names_a_thing(text, end):
                continue  # "a hand-painted yellow awning", "a cyberpunk city": an attribute
            out.append(Mention("style", text[start:end], start, end, frozenset({value})))
    for m in _STYLE_OF.finditer(text):
        words_ = m.group(0)
        known = {v for rx, v in _STYLE_RES if rx.search(words_)}
        out.append(Mention("style", words_, m.start(), m.end(),
                           frozenset(known or {"other:" + (m.group(1) or words_).lower()})))
    for phrase in _style_phrases(text):
        start = phrase.start()
        if phrase.group(1) is not None:
            lead = phrase.group(1).split()
            dropped = 0
            while lead and lead[0].lower() in _NOT_STYLE_WORDS:
                dropped += len(lead.pop(0)) + 1
            if not lead or lead[-1].lower() in _NOT_STYLE_WORDS:
                continue  # "the same style", "her hair style"
            start = phrase.start(1) + dropped
        words_ = text[start:phrase.end()]
        known = {v for rx, v in _STYLE_RES if rx.search(words_)}
        out.append(Mention("style", words_, start, phrase.end(),
                           frozenset(known or {"other:" + words_.lower()})))
    return _dedupe(out)


def _format(words: str) -> str:
    """"shot on 16mm film" → format:16mm (two gauges in one sequence are two looks)."""
    low = words.lower().replace(" ", "")
    for gauge in ("super8", "8mm", "16mm", "35mm", "65mm", "70mm", "imax"):
        if gauge in low:
            return f"format:{gauge}"
    return "format"


def focal_lengths(text: str) -> list[str]:
    return [m.group(0) for m in _FOCAL.finditer(text)]


def opposite(a: str, b: str) -> bool:
    return frozenset({a, b}) in _OPPOSITE


def lens_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two lens families that cannot both hold (anamorphic vs spherical or fisheye), or two
    film gauges ("shot on 16mm film" vs "shot on 35mm film")."""
    fa, fb = {v for v in a if v.startswith("format:")}, {v for v in b if v.startswith("format:")}
    if fa and fb and not (fa & fb):
        return True
    a, b = a - fa - {"format"}, b - fb - {"format"}
    return bool(a and b) and not (a & b) and all(
        frozenset({x, y}) in _LENS_CONFLICTS for x in a for y in b)


def style_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two styles that cannot both hold: most pairs of their families are incompatible (a tag
    can name several: "Ghibli-inspired hand-drawn animation" is anime and 2D animation, and
    against "photorealistic CGI" three pairs of four clash). A tag of no known family never
    drifts."""
    a = frozenset(v for v in a if not v.startswith("other:"))
    b = frozenset(v for v in b if not v.startswith("other:"))
    if not a or not b or a & b:
        return False
    pairs = [frozenset({x, y}) in _STYLE_COMPATIBLE for x in a for y in b]
    return pairs.count(False) * 2 > len(pairs)  # most families of one clash with the other


def extract_all(shots: list[Shot]) -> list[ShotAnchors]:
    cast = Cast(shots)
    seen: set[str] = set()
    out = []
    for shot in shots:
        anchors = extract(shot, cast, seen)
        seen |= anchors.present
        out.append(anchors)
    return out
