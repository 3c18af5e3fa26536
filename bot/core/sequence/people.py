"""Who is in a shot and what they look like: names and person nouns (a cast read across
the whole list), pronouns, each character's traits (hair, age, face marks, figure) and
wardrobe (garments with their colours and materials, other worn or carried items).

Grammar, not a parser: a garment is the noun with the adjectives to its left; a character is a
name or a person noun, and a description belongs to the character whose noun phrase holds it,
else the nearest one before it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab
from bot.core.critique.anchor_words import words
from bot.core.noun_kinds import PHRASE_ENDS, head_synset, kind_chain, person_synset
from bot.core.sequence.colour import hues_of, hues_of_word
from bot.core.sequence.parse import Shot
from bot.core.sequence.spans import (
    CAPITAL,
    LIGHT_SOURCES,
    LOOK_NOUNS,
    LOWER,
    NAME_WORD,
    PALETTE_ADJ,
    STOP_LEFT,
    Mention,
    alts,
    heads,
    rx,
)

_HUE = alts(vocab.HUES)
_MODIFIER = r"(?:[a-z]+(?:-[a-z]+|['’](?!s(?![a-z]))[a-z]+)*)"  # "sou'wester", not "Tom's"
_GARMENT_NOUN = rx(alts(vocab.GARMENTS))
_GARMENT_LEFT = re.compile(r"((?:(?<![\w'’])" + _MODIFIER + r"[ ,]+){0,4})$", re.I)
"""Up to four modifiers before a garment; a possessive's "s" is not one ("Julia's coat")."""


# ---- characters ----------------------------------------------------------------------------------
_NAME = re.compile(r"(?<![\w'-])(" + NAME_WORD + r"(?:-" + CAPITAL + "?" + LOWER +
                   r"+|'(?!s(?![a-z]))" + CAPITAL + "?" + LOWER + r"+)?)"
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
NOT_NAMES = _NOT_NAMES
_COMMON_USE = re.compile(r"(?<![\w-])(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$", re.I)
"""A capitalised word after an article (and its adjectives) is a thing's name ("a vintage
Cadillac"), never a person's: names take no article."""
_PLACE_NEXT = re.compile(r"^\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*)(?![\w'-])")
"""Up to two lower-case words right after a capitalised word, the last one a candidate
place noun ("Shinjuku side street", "Svalbard tundra")."""


def _names_a_place(after: str) -> bool:
    """Whether a capitalised word modifies a place noun right after it ("the Shinjuku side
    street", "on the Svalbard tundra"): a place's name, as a brand before its thing is
    (`_COMMON_USE`); a person's name takes the possessive there ("Mika's street")."""
    m = _PLACE_NEXT.match(after)
    return m is not None and (m.group(1) in vocab.PLACES or m.group(1).rstrip("s") in vocab.PLACES)


_DOCUMENT_NEXT = re.compile(r"[ -](?:sheets?|references?|refs?|designs?|descriptions?|bible|"
                            r"turnarounds?|model sheets?|breakdowns?|notes?|list)(?![\w-])", re.I)
"""A person noun naming a document about people ("character sheet", "cast list",
"character reference"): no one is in the shot."""
_SHOT_LABEL = re.compile(r"^\s*(?:\[[^\]]{1,20}\]|\(?[\d:.\-–—sx ]{1,15}[)|]|\d+[a-z]?\s*[|)])\s*$",
                         re.I)
"""A shot's label before its first word (a timecode "[00:12-00:16]" or "0-4s |", a number
"1A |", "3)"): the word after it opens the shot's sentence, as after a full stop."""
_NAME_FOLLOW = re.compile(r"(?:,|'s|[:;.!?)]|\s*$|\s*[(—–]|\s+-\s|\s+(?:and|&|or|who|is|was|"
                          r"has|had|can|will|must|does|did|in|wearing|with|at|on|from|to|into)(?![\w-])|"
                          r"\s+[a-z]+(?:s|ed)(?![\w-]))")
"""What follows a name at the start of a sentence: a comma, a possessive, a conjunction, a
preposition or a verb ("Malik runs", "Ezra, grey stubble"). A capital word followed by an
adjective or a noun ("Silent comedy", "Vivid saturated colour") is the sentence's first word,
not a name."""
_HUES_AS_NOUNS = re.compile(r"^\s+(?:" + _HUE + r")s(?![\w-])", re.I)
"""A hue in the plural after a capital ("Deep blacks, silvery highlights", "Rich reds"): the
colours of a grade named as nouns, not a name and its verb (colours are not verbs in -s)."""


def _name_follows(after: str) -> bool:
    """Whether the words after a capital at a sentence's start read as a name's
    (`_NAME_FOLLOW`), unless they are a hue in the plural (`_HUES_AS_NOUNS`)."""
    return bool(_NAME_FOLLOW.match(after)) and not _HUES_AS_NOUNS.match(after)


_NAME_CONTEXT_BEFORE = re.compile(r"(?<![\w-])(?:\d+ ?mm|style of|in the style|by|shot on|like|"
                                  r"on|on an?|with an?|in|at|from|to|into|across|through|over|near|of|around|"
                                  r"outside|inside|toward|towards|above|below|beyond|past)\s+$",
                                  re.I)
_NAME_CONTEXT_AFTER = re.compile(r"^(?:[- ](?:style|esque|inspired|like)|(?:\s+[A-Z][\w-]*)?\s+"
                                 r"(?:spherical|anamorphic|primes?|glass|cinema)(?![\w-])|"
                                 r"\s+(?:style|film|films|"
                                 r"lens|lenses|aesthetic|look|palette|grade|camera|alexa|"
                                 r"portra|street|avenue|road|city|bridge|tower|park|river|"
                                 r"station|square|hotel|cafe|diner|bar))", re.I)
_PERSON = rx(alts(vocab.PERSON_NOUNS | vocab.ANIMAL_LEADS))
_PRONOUN = rx(r"she|her|hers|herself|he|him|his|himself")
_DESCRIBED_AFTER = re.compile(r"^,?\s+(?:in|with|wearing|who wears|dressed in)(?:\s+[^\s,.;:]+){1,8}")
"""What a person noun is described with right after it ("in a Stetson", "with a hook for a
hand", "in her early twenties with a high dark bun"): up to eight words, to the clause's end."""
_DESCRIPTION_STOP = frozenset(words("a an the in with wearing who wears dressed his her their its "
                                    "and for of on at to from into by one some"))
_FIRST_PERSON = re.compile(r"(?<![\w'-])(?:[Mm]e|[Mm]yself|I|[Mm]y)(?![\w'-])")
"""The writer as a character ("me sitting on the tram", "my jacket"): `Cast.narrator`."""
_ADJ_RUN = r"((?:(?!(?:with|in|and|or|wearing|who|of|on|at)\s)[\w-]+\s+){0,4})"
"""Up to four words before a noun, none of them a preposition or a conjunction."""
_COLON_RUN = r"((?:(?!(?:with|in|and|or|wearing|who|of|on|at|an?|the|his|her|their|its|my|our|"\
    r"your|this|that|to|as|by)\s)[\w-]+\s+){0,3})"
"""Up to three describing words after a cast line's colon ("a STRANGER: tall, gaunt man"):
no determiner, no preposition, so "the guard: watches the man" gives no second name."""
_APPOSITION_LEAD = r"^(?:,?\s+(?:an?|the|his|her|their|our|my|your)\s+|,\s+)"
"""What opens an apposition after a name: a determiner ("Mara, a nurse"), or in terse lists a
comma alone ("Joon-ho, heavyset cook in his fifties")."""
_APPOSITION = re.compile(_APPOSITION_LEAD + _ADJ_RUN + r"(" +
                         alts(vocab.PERSON_NOUNS | vocab.ANIMAL_LEADS) + r")(?![\w-])", re.I)
_NAMED = re.compile(r"(" + alts(vocab.PERSON_NOUNS) + r")\s+(?:named|called)\s+"
                    r"(" + NAME_WORD + r")", re.I)

_NAME_IS = re.compile(r"(?<![\w'-])(?:(?P<pronoun>his|her|their)\s+name(?:'s|\s+is|\s+was)|"
                      r"known\s+as|who\s+goes\s+by)\s+(?P<name>" + NAME_WORD + r")(?![\w'-])",
                      re.I)
"""A name given in a clause after the person ("His name is Tomas", "known as Jack")."""

_HAIR_COLOUR = rx(r"((?:[a-z]+-)?(?:" + alts(vocab.HAIR_COLOURS) + r"))(?:[- ](?!and\b)[a-z]+)"
                   r"{0,2}?(?:[- ]haired| hair| curls| braids?| ponytail| bob| locks| mane| waves| tresses|"
                   r" ringlets| mop| mullet|"
                   r"-headed| beard| bun| plaits?| dreadlocks| locs| afro| crop| buzz cut| "
                   r"undercut| fringe| bangs| cornrows| mohawk| quiff| pompadour| topknot| pixie(?: cut)?| "
                   r"bob cut| crew cut| pigtails?| bunches| twists| box braids| space buns| "
                   r"chignon| beehive| perm| shag| mullet| braid| plait| ponytails| buns| "
                   r"dreads| ringlet| curl| lob| french braid| updo| waves)|"
                   r"redhead|red-head")
"""A hair colour before the hair word, with up to two words between ("long black curly
hair") and a hyphenated shade ("ash-blonde")."""
_HAIR_AS_PERSON = re.compile(
    r"(?<![\w-])(?:(?:ash|platinum|honey|strawberry|dirty|dark|light)-)?(?:blonde|blond|brunette)"
    r"(?=\s*(?:[,.;:]|$)|\s+(?:in|with|wearing|woman|women|girl|man|boy|lady|child|kid|teen|"
    r"teenager|who|and|sits|stands|walks|runs|waits)(?![\w-]))", re.I)
"""A hair colour said of the person ("a brunette in her twenties", "a blonde woman"): the
hair colour, with no hair word after it."""
_ANIMAL_NP = re.compile(r"(?<![\w-])(?:an?|the|his|her|their|its)\s+((?:[a-z][\w-]*\s+){1,3})(" +
                        alts(vocab.ANIMAL_LEADS) + r")(?![\w-])", re.I)
"""An animal lead with its colour before it ("a small brown dog", "the ginger cat"): its
coat is its hair colour, the trait a later shot must keep."""
_HAIR_LENGTH = rx(r"(" + alts(vocab.HAIR_LENGTH) + r")(?:[- ](?:[a-z]+[- ]){0,2}?(?:hair|haired))?|"
                  r"hair (?:(?:is|now|was) )?(?:cropped|cut|chopped|shorn|grown|worn) (short|long)")
"""A length before the hair word, up to two words between ("long straight silver hair"), or
after it as what was done to it ("her hair cropped short")."""
_HAIR_WORN = re.compile(
    r"(?<![\w-])hair (?:is |worn |now |still )?(?:(?P<up>(?:pinned|piled|swept|tied|twisted|"
    r"scraped|pulled) (?:up|back)|up in an? (?:[a-z]+ )?(?:bun|chignon|knot|updo)|in an? (?:[a-z]+ )?"
    r"(?:bun|chignon|topknot|knot|updo))|(?P<down>loose|down|unbound|flowing loose|falling loose|"
    r"hanging loose|let down))(?![\w-])", re.I)
"""How a character wears the hair: up (pinned up, in a bun or a chignon) or down (loose, let
down). Pinned up in two shots and loose to her shoulders in the third is another look, unless a
shot says she lets it down (`anchors._FACE_CHANGE`)."""
_HAIR_FALLS = re.compile(
    r"(?<![\w-])(?:(?:loose|flowing|tumbling|cascading|unbound)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:hair|waves|curls|locks|ringlets|tresses)|(?:hair|waves|curls|locks|ringlets|tresses)\s+"
    r"(?:(?:falling|tumbling|cascading|spilling|hanging|loose)\s+)?(?:over|down|past)\s+"
    r"(?:her|his|their)\s+(?:shoulders?|back))(?![\w-])", re.I)
"""Hair said to fall free ("loose waves", "curls tumbling over her shoulders", "hair down her
back"): worn down, as `_HAIR_WORN`'s "down"; a bun, a chignon, a topknot or an updo
(`_HAIR_FORMS`' "bun") is worn up. The same woman with a sleek bun, then loose waves over her
shoulders, then the bun again has another look in the middle shot."""
_BUILDS = {**dict.fromkeys(("heavyset", "heavy-set", "stocky", "burly", "portly", "plump",
                             "stout", "chubby", "beefy", "barrel-chested", "hulking", "brawny",
                             "overweight", "pot-bellied", "thickset", "rotund", "chunky"), "heavy"),
           **dict.fromkeys(("slim", "slender", "skinny", "wiry", "lanky", "rail-thin", "gaunt",
                            "willowy", "scrawny", "bony", "rake-thin", "gangly", "waifish",
                            "spindly", "reedy"), "thin"),
           **dict.fromkeys(("curvy", "curvaceous", "voluptuous", "full-figured", "hourglass"),
                           "curvy")}
"""A character's build (`vocab.BUILD`'s values) said where `_figure` does not read it: with
a comma or words between it and the person noun ("a wiry, rail-thin diver"), before "build"
or "frame" ("a lanky frame"), or as an item of a list about them ("(heavyset, white crew
cut)"). A heavyset diver and a rail-thin one are two people. Not "thin", "lean", "heavy" or
"slight" here: they describe scars, coats and smiles as often."""


@lru_cache(maxsize=8)
def _builds(people: frozenset[str]) -> re.Pattern[str]:
    """`_BUILDS` words before a person noun (of this cast) or "build", or as a list item."""
    return re.compile(r"(?<![\w-])(" + alts(_BUILDS) + r")(?=(?:,?\s+[a-z][\w-]*){0,2}?\s+(?:" +
                      alts(people | {"build", "frame", "physique"}) + r")(?![\w-])|\s*[,;)])",
                      re.I)


_HAIR_FORMS = {**dict.fromkeys(("bun", "buns", "chignon", "topknot", "top-knot", "updo"), "bun"),
               **dict.fromkeys(("ponytail", "ponytails", "pony-tail"), "ponytail"),
               **dict.fromkeys(("braid", "braids", "plait", "plaits"), "braid"),
               **dict.fromkeys(("pigtails", "bunches"), "pigtails"),
               "cornrows": "cornrows", **dict.fromkeys(("dreadlocks", "dreads", "locs"), "locs"),
               "afro": "afro", "mohawk": "mohawk", "mullet": "mullet"}
_HAIR_FORM = re.compile(r"(?<![\w-])(" + alts(_HAIR_FORMS) + r")(?![\w-])", re.I)
"""The shape the hair is worn in, a trait like its colour: a tight bun in two shots and a high
ponytail in the third is another look (unless a shot says she lets it down or ties it up,
`anchors._FACE_CHANGE`). Braids and plaits, dreadlocks and locs are one form each."""
_HAIR_BEFORE = re.compile(r"(?:hair|haired|grey|gray|silver|white|black|blonde?|brown|red|"
                          r"auburn|ginger|tight|messy|neat|low|high|top|sleek|severe|loose)"
                          r"(?:\s+(?:in|into|up|back|pulled|pinned|tied|twisted|scraped|"
                          r"swept|an?|the))*\s+$", re.I)
"""Words before "bun" that make it the hair's: a colour, a tightness, "hair in a"."""
_AGE = rx(r"(?:(?<=, )|in (?:his|her|their) )(?:early |mid-?|late )?(teens|twenties|thirties|"
           r"forties|fifties|sixties|seventies|eighties|nineties)|(\d{1,2})[- ]year[- ]old|"
           r"(?:(?<=, )|in (?:his|her|their) )(?:early[- ]|mid-?|late[- ])?([1-9]0)'?s|"
           r"(elderly|old|aged|wrinkled|teenager|teenage|teen|young|middle-aged|little|toddler|"
           r"infant)")
_FACIAL = rx(r"(full |thick |bushy |grey |gray |white |red |black |short |long |neat |"
              r"scruffy |[a-z]+-(?=bearded))?(beard|bearded|moustache|mustache|goatee|stubble|mutton ?chops|"
              r"clean-shaven|unshaven)")
_EYES = rx(r"(blue|green|brown|grey|gray|hazel|amber|dark|pale blue|ice-blue)[- ]eye[ds]?|"
            r"(blue|green|brown|grey|gray|hazel|amber|dark)[- ]eyed|"
            r"(heterochromia|heterochromatic eyes|mismatched eyes|odd[- ]eyed|two-coloured eyes|"
            r"two-colored eyes)")
"""Eyes said by colour ("grey-eyed"), or as two eyes of two colours: the closed class of names
for heterochromia ("mismatched eyes"), a signature of the face as an eye colour is."""
_SIDED = rx(r"(bandaged|scarred|tattooed|prosthetic|broken|injured|bloodied|bruised|missing|"
             r"burned|burnt|gloved|pierced) (left|right) (hand|arm|eye|cheek|leg|ear|eyebrow|"
             r"shoulder|wrist|foot)")
# A mark's place may be a region of a part ("on the inside of her right wrist", "the back of his
# hand", "across the bridge of her nose", "up the side of his neck"): the part is the noun after
# "of" and a possessive, whatever names the region, as in "a scar across his chin". Session 27:
# the region was a list of seven words, so "the bridge of her nose" read no part.
_MARK = rx(r"(scar|tattoo|freckles|birthmark|eyepatch|eye patch|piercing|nose ring|"
            r"eyebrow ring|hoop|mole|bandaged hand|bandage|prosthetic arm|cybernetic arm|"
            r"patch|spot|splotch|blotch)"
            r"(?:\s+(?:\w+\s+){0,3}?(?:on|over|across|in|above|under|down|up|along|through|below|"
            r"beside|near|around|running down|cutting through) (?:his|her|their|the)\s+"
            r"(?:[a-z]+\s+of\s+(?:his|her|their|the)\s+)?(?:(left|right)\s+)?(\w+))?")
_MAKEUP = rx(r"(?:((?:(?:bold|bright|deep|dark|pale|glossy|matte|smudged|heavy|thick|dramatic|"
             r"smoky|a|an|her|his|their)\s+){0,2}[a-z]+(?:-[a-z]+)?)\s+)?(lipstick|lip ?gloss|"
             r"eyeliner|eye-liner|eyeshadow|eye shadow|mascara|kohl|blusher|rouge|face paint|"
             r"nail polish|nail varnish|war paint|clown make-?up|make-?up)(?![\w-])")
"""Make-up worn on the face or the nails ("red lipstick", "smudged black eyeliner", "blue
face paint"): part of how the character looks, an identity trait a later shot owes as it owes
a hair colour (a shot-to-shot model redraws the face). Its kind is the slot; its colour, when
said, the value (red and pink lipstick are two faces); one said without a colour ("heavy
make-up") clashes with none."""
_MAKEUP_KIND = {"lip gloss": "lipstick", "lipgloss": "lipstick", "eye-liner": "eyeliner",
                "kohl": "eyeliner", "eye shadow": "eyeshadow", "blusher": "rouge",
                "nail varnish": "nail polish", "makeup": "make-up"}

_MARKED_PARTS = frozenset(words("chin cheek cheekbone jaw jawline eyebrow brow forehead temple lip "
                                "nose neck throat ear hand wrist forearm arm elbow shoulder "
                                "collarbone chest knuckles palm finger thumb calf shin knee ankle "
                                "thigh scalp eye eyelid"))
"""Body parts precise enough to place a mark ("a scar across his chin"): a scar moved from the
chin to the cheek is another face. "Face", "head", "body" take in several of them."""
_TATTOO_OF = re.compile(r"(?<![\w-])([a-z]+)(?:-shaped)?\s+$", re.I)
"""The word before "tattoo": what it depicts ("a snake tattoo", "a rose tattoo")."""
_TATTOO_PLAIN = frozenset(words(
    "a an the his her their small tiny large big faded fresh old new visible intricate elaborate "
    "full neck arm hand face chest back sleeve tribal black ink inked single with and of"))
_TEXTURES = {"curly": "curly", "curls": "curly", "wavy": "wavy", "straight": "straight",
             "frizzy": "curly", "coily": "curly", "sleek": "straight", "slicked": "straight",
             "slicked-back": "straight"}
_HAIR_TEXTURE = rx(r"(curly|wavy|straight|frizzy|coily|sleek|slicked|slicked-back)"
                    r"(?: [\w-]+){0,2} (?:hair|locks|mane)|(curls)")
_BEARD_COLOUR = rx(r"(" + alts(vocab.HAIR_COLOURS) + r")(?:(?:[- ]\w+)? (?:beard|moustache|"
                    r"mustache|stubble|goatee)|-bearded)")
_UNITS = words("one two three four five six seven eight nine")
_NUMBERS = {w: i for i, w in enumerate(words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"))}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_NUMBERS |= _TENS | {f"{t}-{u}": n + i for t, n in _TENS.items()
                     for i, u in enumerate(_UNITS, start=1)}
_NUMBERS |= {str(i): i for i in range(1, 100)}
_WORD_AGE = rx(r"([a-z]+(?:-[a-z]+)?)[- ]years?[- ]old|(?:girl|boy|child|kid|man|woman|"
                r"teenager|lady|gentleman) (?:of|aged) (?:about |around |roughly |maybe |some )?"
                r"([a-z]+(?:-[a-z]+)?|\d{1,2})")
_EYE_FAMILY = {"dark": "brown", "hazel": "brown", "amber": "brown", "pale blue": "blue",
               "ice-blue": "blue"}
_DECADES = {"teens": 13, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
            "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
_AGE_WORDS = {"elderly": (65, 100), "old": (60, 100), "aged": (60, 100),
              "wrinkled": (60, 100), "teenage": (13, 19), "teen": (13, 19), "teenager": (13, 19),
              "young": (16, 35),
              "middle-aged": (40, 60), "little": (2, 10), "toddler": (1, 4), "infant": (0, 2)}

_SAME_BEFORE = re.compile(r"(?<![\w-])same\s+$")

_AGE_AFTER = re.compile(
    r"^(?:,\s*|\s*\(\s*)(?:(?:early|mid|late)[- ]?)?(?:(?:" + alts(_DECADES) + r")|" +
    alts(sorted(_NUMBERS, key=len, reverse=True)) + r")\s*[,;)]", re.I)
"""An age set off right after a capitalised word ("Jim, twenty-two, thin, ...", "Rosa, forties,
...", "MAYA (34)"): how a screenplay or a shot list introduces a character, so the word is a
name even where it opens a sentence and the list uses it once."""
""""same" right before a person noun ("Same woman, smoker in hand"): the one seen before."""
_ADJ_PERSON = re.compile(r"\s+[\w-]+\s+(?:" + alts(vocab.PERSON_NOUNS) + ")")


@dataclass(frozen=True)
class _Ref:
    """A character reference in a shot: where it is and whom it names."""

    key: str
    start: int
    end: int
    np_start: int
    lends_to: str = ""
    """The clause's subject, when this reference is the object of a preposition and the bare
    comma list after it describes that subject (`_lend_tails`)."""
    lend_end: int = 0
    """Where that comma list ends."""


def _np_start(low: str, start: int) -> int:
    """Where the noun phrase ending at `start` begins: back over adjectives to a determiner
    or a break (`a tall red-haired woman` → at `a`)."""
    i = start
    words = 0
    while words < 5:
        m = re.search(r"([\w'-]+)\s+$", low[:i])
        if not m:
            break
        if m.group(1) in STOP_LEFT or m.group(1) in {"and", "or"}:
            if m.group(1) in {"a", "an", "the", "his", "her", "their"}:
                i = m.start(1)
            break
        i = m.start(1)
        words += 1
    return i


_FULL_NAME = re.compile(r"(?<![\w'-])(" + NAME_WORD + r")\s+(?:[\"“'‘](" + NAME_WORD +
                        r")[\"”'’]\s+)?"
                        r"(" + NAME_WORD + r")(?![\w'-])")
_KNOWN_AS = re.compile(r"(?<![\w'-])(" + NAME_WORD + r"),?\s+(?:\(|(?:known as|nicknamed|"
                       r"called|aka|"
                       r"a\.k\.a\.)\s+)[\"“'‘]?(" + NAME_WORD + r")")
"""A name and its other name: "Margaret (Maggie)", "Margaret, known as Maggie"."""
_WORD = re.compile(r"[a-z][a-z-]*")
_DEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:the|our)\s+(?:[\w-]+\s+){0,2}$", re.I)
"""A definite determiner before a person noun, up to two modifiers away ("the widow", "our
hero", "the little fellow")."""

_KINDS_OF_PERSON = frozenset(words("man men woman women boy girl child kid baby toddler teen "
                                   "teenager person lady gentleman people"))

_AGENT_NOUN = re.compile(r"(?:er|or|ist|ess|ian|ant|ent)s?$")
"""A noun for someone by what they do ("the conductor", "the waitress", "the bartender"): a
role of the place, as often filled by someone new as by the character we follow, so it never
points back by itself."""

AMBIGUOUS = "?"
"""Marks a character key that may stand for two characters (`Cast.shared`)."""
_ANOTHER = re.compile(r"(?<![\w-])(?:another|(?:a|the) (?:second|third|fourth|other)|the others?|"
                      r"a different|one more)\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*)(?![\w-])", re.I)


_ONE_OF_A_GROUP = re.compile(r"(?<![\w-])one of (?:them|those|these|the [a-z-]+s|(?:his|her|"
                             r"their) [a-z-]+s)\s*,\s*$")
"""A person noun in apposition to one member of a group ("the bandits bind him; one of them, a
hulking man in a duster, kicks the door shut"): a member of that group, never the character
the noun stood for before ("the OPERATOR, a thin bald man")."""


class Cast:
    """Who the sequence follows: the names it uses, and which person noun stands for a name
    ("Mara, a woman..." makes a later "the woman" Mara)."""

    def __init__(self, shots: list[Shot]):
        self.names: set[str] = set()
        self.noun_of: dict[str, str] = {}
        self.gender: dict[str, str] = {}
        found = _discovered_people(shots)
        self.person_nouns = frozenset(vocab.PERSON_NOUNS | vocab.ANIMAL_LEADS | found)
        self.person = rx(alts(self.person_nouns)) if found else _PERSON
        self.apposition = re.compile(
            _APPOSITION_LEAD + _ADJ_RUN + r"(" +
            alts(self.person_nouns) +
            r")(?![\w-])", re.I) if found else _APPOSITION
        self._aliases(shots)
        self.garment_kinds = self._garment_kinds(shots)
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
                if (_NAME_CONTEXT_BEFORE.search(text[max(0, m.start() - 16):m.start()]) and
                        not self.apposition.match(text[m.end():])) or \
                        _NAME_CONTEXT_AFTER.match(text[m.end():m.end() + 12]):
                    continue  # "to Paris", not "talks to Sofia, a short woman"
                if word.lower() in plain:
                    continue  # also written in lower case: an ordinary word
                initial = m.start() == 0 or re.search(r"[.!?:;]\s*$", text[:m.start()]) or \
                    _SHOT_LABEL.match(text[:m.start()])  # "[00:12-00:16] Top-down:"
                if initial and counts.get(word, 0) < 2 and not self.apposition.match(text[m.end():]) \
                        and text[m.end():m.end() + 2] != "'s" and not _AGE_AFTER.match(text[m.end():]):
                    continue
                if initial and not self.apposition.match(text[m.end():]) and (
                        re.search(r"-[a-z]", word) or not _name_follows(text[m.end():])):
                    continue  # "Silent comedy,", "High-contrast black": a capital, not a name
                if word not in common_use:
                    common_use[word] = all(
                        _COMMON_USE.search(t.prompt[max(0, n.start() - 60):n.start()]) or
                        _names_a_place(t.prompt[n.end():n.end() + 40])
                        for t in shots for n in _NAME.finditer(t.prompt) if n.group(1) == word)
                if common_use[word]:
                    continue  # "the powder-blue Cadillac": a brand or a thing, not a person
                self.names.add(word)
                ap = self.apposition.match(text[m.end():])
                if ap is None and text[m.start() - 1:m.start()] == "@":
                    ap = self.apposition.match(re.sub(r"^:", ",", text[m.end():]))
                if ap:  # "Mara, a woman"; a reference tag "@Ines: a woman in her forties"
                    noun = ap.group(2).lower()
                    self.noun_of.setdefault(noun, word)
                    self._gender(word, noun)
            for m in _NAMED.finditer(text):
                if m.group(2) in _NOT_NAMES:
                    continue
                self.names.add(m.group(2))
                self.noun_of.setdefault(m.group(1).lower(), m.group(2))
                self._gender(m.group(2), m.group(1).lower())
        self._named_after(shots)
        self._role_names(shots)
        self.renamed: dict[str, str] = self._renames(shots)
        self.nicknames: dict[str, str] = self._nicknames(shots)
        self._pronoun_evidence(shots)
        self._epithets(shots)
        self._kinds_of(shots)
        self.shared = frozenset(self.noun_of.get(n, n) for s in shots
                                for n in self._second_ones(s.prompt)) - self.names
        self.narrator = self._narrator(shots)
        self.strangers = self._strangers(shots)

    def _strangers(self, shots: list[Shot]) -> dict[tuple[str, int], str]:
        """Person nouns introduced again with "a" and a description that shares no word with
        how that noun was described before ("a lanky man in a Stetson", then "a huge man with a
        hook for a hand", then "a small nervous man with a handkerchief"): English introduces
        a new person with "a"; the same one is "the man", or "a man" described as before. Keyed
        by (shot text, start of the noun), the new character's key."""
        out: dict[tuple[str, int], str] = {}
        described: dict[str, set[str]] = {}
        for shot in shots:
            text, low = shot.prompt, shot.prompt.lower()
            for m in self.person.finditer(text):
                noun = m.group(0).lower()
                if self.noun_of.get(noun, noun) != noun or noun in self.names:
                    continue
                start = _np_start(low, m.start())
                tail = _DESCRIBED_AFTER.match(low[m.end():m.end() + 70])
                desc = {w for w in re.findall(r"[a-z][a-z'-]{2,}", low[start:m.start()] + " " +
                                              (tail.group(0) if tail else ""))
                        if w not in _DESCRIPTION_STOP}
                before = described.get(noun)
                if before and desc and not before & desc and \
                        re.match(r"an?\s", low[start:m.start() + 1]):
                    out[(text, m.start())] = f"{noun}~{len(out) + 1}"
                    continue
                described.setdefault(noun, set()).update(desc)
        return out

    def _narrator(self, shots: list[Shot]) -> str | None:
        """The character the writer is ("me (tall guy, curly mullet) walking into...", "I, a
        courier in a yellow vest, ..."): a first-person pronoun with a person noun in
        apposition. Their "me", "I" and "my" in the other shots are that character, as a
        vlog's shot list says it."""
        pattern = re.compile(r"(?<![\w'-])(?:[Mm]e|[Mm]yself|I)\s*(?:\(|,)\s*(?:(?:an?|the)\s+)?" +
                             _ADJ_RUN + r"(" + alts(self.person_nouns) + r")(?![\w-])")
        keys = {self.noun_of.get(m.group(2).lower(), m.group(2).lower())
                for s in shots for m in pattern.finditer(s.prompt)}
        return next(iter(keys)) if len(keys) == 1 else None

    def _garment_kinds(self, shots: list[Shot]) -> frozenset[str]:
        """Person nouns the list only ever uses as a possessive before a garment ("a
        mechanic's jumpsuit", "a sailor's cap"): a kind of garment, worn by whoever the
        sentence is about, not a character. A noun also used on its own ("the nurse's
        scrubs" and "the nurse checks her phone") is the character."""
        uses: dict[str, list[bool]] = {}
        for shot in shots:
            for m in self.person.finditer(shot.prompt):
                uses.setdefault(m.group(0).lower(), []).append(
                    bool(_POSSESSIVE_GARMENT.match(shot.prompt[m.end():])))
        return frozenset(noun for noun, kinds in uses.items() if all(kinds))

    def _role_names(self, shots: list[Shot]) -> None:
        """A role named after it ("the courier, Nina, locks her bike", "the keeper Elias"):
        the role noun stands for the name, so a courier described in shot 1 is Nina in shot 3.
        The role needs a determiner (a bare noun before a name is a list item); a role
        written as a title before the name ("Detective Hale", "Captain Ruiz") needs none."""
        role = re.compile(r"(?<![\w-])(?:the|our|a|an)\s+(?:[\w-]+\s+){0,2}?(" +
                          alts(self.person_nouns) + r"),?\s+(" + NAME_WORD + r")(?![\w'-])", re.I)
        title = re.compile(r"(?<![\w'-])(" + NAME_WORD + r")\s+(" + NAME_WORD +
                           r")(?![\w'-])")
        for shot in shots:
            for m in role.finditer(shot.prompt):
                name, noun = m.group(2), m.group(1).lower()
                if name in self.names and noun not in self.noun_of:
                    self.noun_of[noun] = name
                    self._gender(name, noun)
            for m in title.finditer(shot.prompt):  # "Detective Hale": the detective is Hale
                noun, name = m.group(1).lower(), m.group(2)
                if name in self.names and noun in self.person_nouns and noun not in self.noun_of:
                    self.noun_of[noun] = name
                    self._gender(name, noun)

    def _renames(self, shots: list[Shot]) -> dict[str, str]:
        """A second name given to a known character ("Leo, a street violinist" in shot 1,
        "Luca, the violinist with the curly black mop" in shot 4): "the" points back to the
        one violinist, and the two names never share a shot, so they are one character
        renamed (a drift), not two."""
        found: dict[str, str] = {}
        together = [{m.group(1) for m in _NAME.finditer(s.prompt)} for s in shots]
        the_role = re.compile(r"^,\s+the\s+" + _ADJ_RUN + r"(" + alts(self.person_nouns) +
                              r")(?![\w-])", re.I)
        for shot in shots:
            for m in _NAME.finditer(shot.prompt):
                new = m.group(1)
                if new not in self.names or shot.prompt[m.end():m.end() + 1] != ",":
                    continue
                back = the_role.match(shot.prompt[m.end():])
                old = self.noun_of.get(back.group(2).lower()) if back else None
                if new not in self.names or not old or old == new or old not in self.names:
                    continue
                if any(new in names and old in names for names in together):
                    continue
                found.setdefault(new, old)
        return found

    def _epithets(self, shots: list[Shot]) -> None:
        """A person noun the list only ever uses with "the" or "our", first after another
        character and never in a shot with them ("Reggie, a woman..." in shots 1-2, "the
        widow" in shots 3-4; "the Tramp" then "the little fellow", "our hero"; "a young
        projectionist" then "the sleepy lad"): a definite noun points back to someone the
        reader knows, and when exactly one character of the noun's gender came before, it is
        them. A noun ever introduced ("a waiter", "another woman") is a new character; a noun
        whose gender is not known (by the noun or a pronoun after it) could be anyone; a plain
        noun of age and sex ("the boy", "the woman") names a kind of person, and a noun for
        what someone does ("the conductor") a role of the place, not an epithet."""
        seconds = {n for s in shots for n in self._second_ones(s.prompt)}
        uses: dict[str, list[tuple[int, re.Match[str]]]] = {}
        for i, shot in enumerate(shots):
            for m in self.person.finditer(shot.prompt):
                uses.setdefault(m.group(0).lower(), []).append((i, m))
        key_of = {noun: self.noun_of.get(noun, noun) for noun in uses}
        present = [{key_of[n] for n, found in uses.items() for j, _ in found if j == i} |
                   {self.renamed.get(m.group(1), self.nicknames.get(m.group(1), m.group(1)))
                    for m in _NAME.finditer(s.prompt)
                    if m.group(1) in self.names or m.group(1) in self.nicknames} for i, s in enumerate(shots)]
        genders = {key: self.gender.get(key) or self._noun_gender(
            noun, [(shots[i].prompt, m) for i, m in uses[noun]])
            for noun, key in key_of.items()}
        for name in self.names:
            genders.setdefault(name, self.gender.get(name))
        for noun, found in uses.items():
            if noun in self.noun_of or noun in self.names or noun in seconds or \
                    noun in _KINDS_OF_PERSON or _AGENT_NOUN.search(noun):
                continue
            if not all(_DEFINITE_BEFORE.search(shots[i].prompt[max(0, m.start() - 40):m.start()])
                       for i, m in found):
                continue
            gender = genders.get(noun)
            if gender is None:
                continue
            where = {i for i, _ in found}
            before = {k for i in range(found[0][0]) for k in present[i]} - {noun}
            candidates = {k for k in before if genders.get(k) == gender and
                          not k.startswith(AMBIGUOUS)}
            if len(candidates) != 1:
                continue
            key = next(iter(candidates))
            if any(key in present[i] for i in where):
                continue  # Reggie and the widow in one shot: two people
            self.noun_of[noun] = key
            self.gender.setdefault(key, gender)

    def _kinds_of(self, shots: list[Shot]) -> None:
        """A noun the list only ever uses with "the" that names the kind of one character met
        before ("a golden retriever" ... "the dog", "a barn owl" ... "the bird"): by the
        dictionary's kinds, the retriever is a dog, so the dog is the retriever. Only when
        exactly one earlier character is of that kind."""
        first: dict[str, int] = {}
        uses: dict[str, list[tuple[int, re.Match[str]]]] = {}
        for i, shot in enumerate(shots):
            for m in self.person.finditer(shot.prompt):
                noun = m.group(0).lower()
                first.setdefault(noun, i)
                uses.setdefault(noun, []).append((i, m))
        for noun, at in first.items():
            if noun in self.noun_of or noun in self.names or noun in _KINDS_OF_PERSON:
                continue
            if not all(_DEFINITE_BEFORE.search(shots[i].prompt[max(0, m.start() - 40):m.start()])
                       for i, m in uses[noun]):
                continue
            chain = kind_chain(noun)
            if not chain:
                continue
            said = {w for shot in shots[:at] for w in _WORD.findall(shot.prompt.lower())}
            earlier = {self.noun_of.get(k, k) for k in said
                       if k != noun and chain[0] in kind_chain(k)}
            if len(earlier) == 1 and next(iter(earlier)) in first:
                self.noun_of[noun] = next(iter(earlier))  # a poodle too: which dog is not known

    def _noun_gender(self, noun: str, uses: list[tuple[str, re.Match[str]]]) -> str | None:
        """A person noun's gender: the noun's own, else the pronouns that follow it in its
        sentence before anyone else is named ("our hero scratches his head"), all agreeing."""
        if noun in vocab.FEMALE:
            return "f"
        if noun in vocab.MALE:
            return "m"
        seen = set()
        for text, m in uses:
            window = re.split(r"[.;!?]", text[m.end():], maxsplit=1)[0]
            stop = self.person.search(window)
            window = window[:stop.start()] if stop else window
            first = _PRONOUN.search(window)
            if first:
                seen.add("f" if first.group(0).lower().startswith(("she", "her")) else "m")
        return next(iter(seen)) if len(seen) == 1 else None

    def _nicknames(self, shots: list[Shot]) -> dict[str, str]:
        """The other names of one character, given where the character is named: the parts of
        a full name ("Jack Miller" → Jack), a quoted nickname inside it ("Jack "Ace" Miller")
        or one said to be what they are called ("Margaret, known as Maggie", "Margaret
        (Maggie)"). Each stands for the name the description hangs on; unlike a rename it is
        no drift."""
        found: dict[str, str] = {}
        for shot in shots:
            for m in _FULL_NAME.finditer(shot.prompt):
                first, nick, last = m.group(1), m.group(2), m.group(3)
                if last not in self.names or first in _NOT_NAMES or \
                        first.lower() in self.person_nouns:
                    continue
                for other in (first, nick):
                    if other and other != last and other not in _NOT_NAMES:
                        found.setdefault(other, last)
            for m in _KNOWN_AS.finditer(shot.prompt):
                name, nick = m.group(1), m.group(2)
                if name in self.names and nick != name and nick not in _NOT_NAMES:
                    found.setdefault(nick, name)
        return {k: v for k, v in found.items() if k not in self.renamed}

    def _second_ones(self, text: str) -> list[str]:
        """Person nouns the list uses for two characters ("a second woman, in a green coat",
        "another soldier"): "the woman" may then be either, so her description is no anchor."""
        return [m.group(1).lower() for m in _ANOTHER.finditer(text)
                if m.group(1).lower() in self.person_nouns]

    def _named_after(self, shots: list[Shot]) -> None:
        """A name given after the description, in a clause of its own ("A ferryman with a grey
        beard poles a raft. His name is Tomas.", "a drifter known as Jack"): the name is the
        person noun's last said before it, of a gender the clause allows."""
        for shot in shots:
            for m in _NAME_IS.finditer(shot.prompt):
                name = m.group("name")
                if name in _NOT_NAMES or name.lower() in vocab.PERSON_NOUNS:
                    continue
                said = list(self.person.finditer(shot.prompt[:m.start()]))
                if not said:
                    continue
                noun = said[-1].group(0).lower()
                pronoun = (m.group("pronoun") or "").lower()
                if not pronoun and shot.prompt[said[-1].end():m.start()].strip(" ,"):
                    continue  # "a raft known as Bessie": "known as" names the noun it follows
                if pronoun == "his" and noun in vocab.FEMALE or \
                        pronoun == "her" and noun in vocab.MALE:
                    continue
                self.names.add(name)
                self.noun_of.setdefault(noun, name)
                self._gender(name, noun)
                if pronoun in {"his", "her"}:
                    self.gender.setdefault(name, "m" if pronoun == "his" else "f")

    def _aliases(self, shots: list[Shot]) -> None:
        """Two person nouns for one character in apposition ("a folk singer - a bearded
        man", "the keeper, an old man"), or a role described after a colon, a dash or in
        brackets, as a cast line does ("a STRANGER: tall man in a duster", "the courier (a
        wiry teen, ...)", "FERRYMAN - gaunt old man"): the second stands for the first from
        then on. There the description is bare or indefinite; "on the detective: the suspect
        looks up" names someone else."""
        second = re.compile(r"^\s*(?:(?:,|-|–|—)\s*(?:(?:now|still|by now|already)\s+)?"
                            r"(?:an?|the)\s+" + _ADJ_RUN + r"|(?::|\(|-|–|—)\s*(?:an?\s+)?" + _COLON_RUN +
                            r")(?P<noun>" + alts(self.person_nouns) + r")(?![\w-])", re.I)
        for shot in shots:
            for m in self.person.finditer(shot.prompt):
                after = second.match(shot.prompt[m.end():])
                noun = after.group("noun").lower() if after else ""
                if noun and noun != m.group(0).lower():
                    self.noun_of.setdefault(noun, m.group(0).lower())
                    self._gender(m.group(0).lower(), noun)

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
            for k, (start, end, name) in enumerate(hits):
                if not name or name in self.gender:
                    continue
                if k and re.fullmatch(r"\s*(?:,|and|&|or|with|,\s*and)\s*",
                                      text[hits[k - 1][1]:start]):
                    continue  # "Ana and Leo dance, her dress spinning": whose is not said
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
            if m.group(1) in self.names or m.group(1) in self.nicknames:
                key = self.renamed.get(m.group(1), self.nicknames.get(m.group(1), m.group(1)))
                out.append(_Ref(key, m.start(), m.end(), m.start()))
        for m in self.person.finditer(text):
            noun = m.group(0).lower()
            if _GARMENT_NEXT.match(text[m.end():]):
                continue  # "a navy sailor uniform", "a cowboy hat": the noun modifies a garment
            if _DOCUMENT_NEXT.match(text[m.end():]):
                continue  # "Character sheet - NORA: ...": the document, not a person
            if noun in self.garment_kinds:
                continue  # "a mechanic's jumpsuit": the kind of jumpsuit, not a mechanic
            title = _NAME.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
            if title and title.group(1) in self.names and text[m.start()].isupper():
                continue  # "Captain Reyes", "Detective Ruiz": a title, part of the name
            if any(r.start <= m.start() < r.end + 40 and self.apposition.match(text[r.end:])
                   and m.start() < r.end + len(self.apposition.match(text[r.end:]).group(0))  # type: ignore[union-attr]
                   for r in out if r.key in self.names):
                continue  # "Mara, a woman": the noun restates the name
            key = self.strangers.get((text, m.start())) or self.noun_of.get(noun, noun)
            if key != noun and _ONE_OF_A_GROUP.search(low[:_np_start(low, m.start())]):
                key = noun  # "one of them, a hulking man": one of the group, not the man named
            if key == noun and _SAME_BEFORE.search(low[max(0, m.start() - 12):m.start()]):
                key = self._same_one(noun, out, m.start(), previous) or key
            if key in self.shared:
                key = AMBIGUOUS + key
            out.append(_Ref(key, m.start(), m.end(), _np_start(low, m.start())))
        if self.narrator:
            out += [_Ref(self.narrator, m.start(), m.end(), m.start())
                    for m in _FIRST_PERSON.finditer(text)
                    if not any(r.start <= m.start() < r.end for r in out)]
        named = sorted(out, key=lambda r: r.start)
        for m in _PRONOUN.finditer(text):
            g = "f" if m.group(0).lower().startswith(("she", "her")) else "m"
            found = self._pronoun_key(g, named, m.start(), previous)
            if found:
                out.append(_Ref(found, m.start(), m.end(), m.start()))
            elif len({r.key for r in named if r.start < m.start() and r.key in self.names and
                      self._fits(r.key, g)}) > 1:
                out.append(_Ref(AMBIGUOUS, m.start(), m.end(), m.start()))  # whose: not said
        return _lend_tails(text, sorted(out, key=lambda r: r.start))

    def _same_one(self, noun: str, refs: list[_Ref], at: int, previous: set[str]) -> str | None:
        """Whom "the same woman" / "same guy" points back to: a writer's shorthand for the
        character seen before, resolved like a pronoun of the noun's gender (any gender for
        "same person")."""
        genders = ["f"] if noun in vocab.FEMALE else ["m"] if noun in vocab.MALE else ["f", "m"]
        for g in genders:
            found = self._pronoun_key(g, [r for r in refs if r.key in self.names], at, previous)
            if found:
                return found
        return None

    def _pronoun_key(self, g: str, refs: list[_Ref], at: int, previous: set[str]) -> str | None:
        before = [r for r in refs if r.start < at and self._fits(r.key, g)]
        known = [r for r in before if self._known(r.key)]
        if known:
            return known[-1].key
        if len({r.key for r in before if r.key in self.names}) > 1:
            return None  # "Ana and Leo dance, her dress spinning": either, by the words
        if before:
            return before[-1].key
        candidates = [k for k in previous if self._fits(k, g)]
        if len(candidates) == 1:
            return candidates[0]
        stated = [k for k in candidates if self._known(k)]
        if len(stated) == 1:
            return stated[0]  # "she" after Mrs. Okada, "a small woman": the one said to be a
            # woman, not a capitalised word whose gender nobody gave
        named = [k for k in candidates if k in self.names]
        return named[0] if len(named) == 1 else None

    def _known(self, key: str) -> bool:
        """Whether a character's gender is stated (a named one's, or a gendered noun's)."""
        return key in self.gender or key in vocab.FEMALE or key in vocab.MALE

    def _fits(self, key: str, g: str) -> bool:
        if key in self.names or key in self.gender:
            return self.gender.get(key, g) == g
        if key in vocab.FEMALE:
            return g == "f"
        if key in vocab.MALE:
            return g == "m"
        return key in self.person_nouns


_FACE_NOUNS = frozenset(words("beard moustache mustache goatee stubble braids ponytail "
                              "dreadlocks freckles eyepatch hair curls bun"))
_DET_NOUN = (r"(?<![\w-])(?:an?|the)\s+(?:(?!(?:in|with|and|or|of|on|at|by|his|her|their|its|"
             r"wearing|who|as|to)\s)[a-z][\w-]*\s+){0,3}?(?P<who>[a-z][\w-]*)")
_OPENING_APPOSITION = re.compile(
    r"(?:^|[.:;!?]\s+)" + _DET_NOUN.replace("(?:an?|the)", "(?:an?|the|his|her|their)", 1) +
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:" +
    alts(vocab.PERSON_NOUNS) + r")(?![\w-])", re.I)
"""A sentence that opens on a noun and a person noun in apposition ("The baker, a stout
woman with grey hair, ...", "His apprentice, a thin teenager"): after a comma elsewhere the
person noun may start a new item ("hay bales along the walls, a folk singer ...")."""
_S_NOT_VERBS = r"(?:across|towards|afterwards|backwards|forwards|upwards|downwards|sideways|" \
    r"besides|always|perhaps|as|its|his|hers|this|thus|plus|less|unless|whereas|us)"
"""Words ending in "s" that are no verb ("a scar across his chin"): the noun before them does
nothing, so it is no subject whose own "his" follows."""
_PERSON_CUES = [re.compile(_DET_NOUN + cue, re.I) for cue in (
    r",?\s+(?:in|wearing|wears|who wears|dressed in)\s+(?:an?\s+|the\s+|his\s+|her\s+|"
    r"their\s+)?(?:[\w-]+\s+){0,3}?(?:" + alts(vocab.GARMENTS) + r")(?![\w-])",
    r",?\s+with\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:" + alts(set(vocab.GARMENTS) |
                                                                  _FACE_NOUNS) + r")(?![\w-])",
    r",?\s+in\s+(?:his|her|their)\s+(?:early |mid-?|late )?(?:teens|twenties|thirties|forties|"
    r"fifties|sixties|seventies|eighties|nineties|[1-9]0s)(?![\w-])",
    r"\s*(?:-|–|—)\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:" + alts(vocab.PERSON_NOUNS) +
    r")(?![\w-])",
    r"\s*(?::|\(|-|–|—)\s*(?:an?\s+)?" + _COLON_RUN + r"(?:" + alts(vocab.PERSON_NOUNS) +
    r")(?![\w-])",
    r"\s+(?:[a-z]+ly\s+)?(?!" + _S_NOT_VERBS + r"\s)[a-z]+s(?:\s+[a-z]+){0,6}?(?:\s+and|;|,)?\s+"
    r"(?:his|her|he|she)\s",
)]
"""Grammar that makes a noun a person, whatever the noun: it wears a garment ("a baker in a
flour-dusted navy apron"), has a beard or hair ("a lumberjack with a thick red beard"), an
age ("a cellist in her sixties"), a person noun in apposition ("the keeper, an old man") or
after a cast line's colon ("the keeper: old woman, silver braid"), or is the subject whose
own he or she follows ("the lifeguard stands up and blows her whistle")."""
_DET_WORD = re.compile(_DET_NOUN + r"(?=,?\s+(?:with|in|wearing|who|dressed)\s)", re.I)
"""A noun phrase's head described by what follows it ("a conductor with mutton-chop
sideburns", "a hitchhiker in a fedora"), not a modifier before the head ("the antique
lock")."""


def _a_person_by_definition(word: str) -> bool:
    """Whether a noun names someone by what they do, by its form (an agent noun: "-er",
    "-or", "-ist", "-eer"...) and by the dictionary (its most frequent sense is a kind of
    person): "a conductor", "a hitchhiker", "a sniper", "a mountaineer", a person noun no table
    lists. Both, since WordNet puts some writers first ("crane" is Stephen Crane, "grey" Zane
    Grey) and a noun of that form may be a thing ("a tower")."""
    return len(word) > 3 and bool(_AGENT_FORM.search(word)) and \
        person_synset() in kind_chain(word)[1:]


_AGENT_FORM = re.compile(r"(?:er|or|ist|ess|ian|ant|ent|eer|ee)$")
"""The endings English makes nouns for someone who does something with."""


_NOT_PEOPLE_CUED = frozenset(words("camera lens shot frame wind rain snow storm sea wave waves "
                                   "water sun moon light lamp door car train bus boat music "
                                   "voice sound crowd"))
"""Nouns that do things to someone ("the wind tugs at her coat", "the camera follows
her"): a subject before a pronoun, never a person."""
_NAME_APPOSITION = re.compile(r"(" + NAME_WORD + r"),\s+(?:an?|the)\s+" + _ADJ_RUN +
                              r"([a-z][\w-]*)"
                              r"(?=\s*(?:,|;|\.|-|–|—|$|\s(?:with|in|wearing|who|dressed)\s))")


_BODY_NOUNS = frozenset(words("face head eyes hands hand arms arm legs feet shoulders neck skin tail "
                              "fur paws body back silhouette reflection shadow"))


_WORN_BEFORE = re.compile(r"(?<![\w-])(?:in|wearing|wears|dressed in|under|over)\s*$", re.I)


def _discovered_people(shots: list[Shot]) -> set[str]:
    """Person nouns the table does not know, read from the grammar of the list (`_PERSON_CUES`:
    "the taquero in a white guayabera", "a cellist in her sixties") and a noun in apposition
    to a name ("Cesare, a gaunt somnambulist")."""
    found: set[str] = set()
    worn: set[str] = set()
    for shot in shots:
        for cue in (*_PERSON_CUES, _OPENING_APPOSITION):
            for m in cue.finditer(shot.prompt):
                who = m.group("who").lower()
                if cue is not _OPENING_APPOSITION and \
                        _WORN_BEFORE.search(shot.prompt[max(0, m.start() - 20):m.start()]):
                    worn.add(who)  # "a woman in a charcoal pantsuit with ... hair": worn
                else:
                    found.add(who)
        for m in _NAME_APPOSITION.finditer(shot.prompt):
            if m.group(1) not in _NOT_NAMES:
                found.add(m.group(3).lower())
        found |= {w for m in _DET_WORD.finditer(shot.prompt)
                  if _a_person_by_definition(w := m.group("who").lower())}
    found -= worn
    not_people = vocab.PLACES | set(vocab.GARMENTS) | set(vocab.HUES) | vocab.MATERIALS | \
        _HAIR_NOUNS | _BODY_NOUNS | LIGHT_SOURCES | LOOK_NOUNS | _NOT_PEOPLE_CUED
    found = {w for w in found if not re.search(r"[^su]s$", w)}  # "the pixie cut spins": a verb
    return {w for w in found if w not in not_people and w not in STOP_LEFT and
            w not in _NUMBERS and not hues_of_word(w) and len(w) > 2}


_GARMENT_NEXT = re.compile(r"^[ -](?:" + alts(vocab.GARMENTS) + r")(?![\w-])", re.I)
_POSSESSIVE_GARMENT = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:" + alts(vocab.GARMENTS) +
                                 r")(?![\w-])", re.I)


_NAME_SPOT = re.compile(r"(?:^\s*(?:[a-z]{1,6}\.?\s*)?\d{0,3}[a-z]?\s*[-:.)|]?|[.,;:!?()\[\]|/+*#>]|"
                        r"\s[-–—]|(?<![\w-])(?:and|or|with|then|while|but))\s*$", re.I)
"""Where a name can stand at the head of its words: the start of the shot (after its label,
"sht 5", "3."), after a stop, a bracket or a dash, or after a conjunction."""


def names_typed_lower(shots: list[Shot]) -> frozenset[str]:
    """Names a chat-style list also types in lower case ("host Tess (curvy, ...)", then
    "sht 5 tess laughing"): a word capitalised after a lower-case word (a capital no sentence
    start explains), and written in lower case only where a name can stand (`_NAME_SPOT`),
    never where only an ordinary word can ("the frost", "the sun rose"). Returned in lower
    case, as the shots to be read with it capitalised."""
    inside = {m.group(1) for s in shots for m in _NAME.finditer(s.prompt)
              if re.search(r"(?<![\w'-])[a-z][\w'-]*\s+$", s.prompt[:m.start()]) and
              m.group(1).isalpha()}
    lower = {w.lower() for w in inside if w not in _NOT_NAMES} - _KNOWN_LOWER
    out = set()
    for word in lower:
        said = [(s.prompt, m.start()) for s in shots
                for m in re.finditer(r"(?<![\w'-])" + word + r"(?![\w'-])", s.prompt)]
        if said and all(_NAME_SPOT.search(text[max(0, at - 30):at]) for text, at in said):
            out.add(word)
    return frozenset(out)


_KNOWN_LOWER = frozenset(set(vocab.PERSON_NOUNS) | set(vocab.PLACES) | set(vocab.GARMENTS) |
                         set(vocab.HUES))
"""Words the anchor vocabulary knows: never a name typed in lower case."""


def _lowercase_words(text: str) -> frozenset[str]:
    """Words written in lower case somewhere in the text (a name never is)."""
    return frozenset(re.findall(r"(?<![\w'-])[a-z][a-z'-]*", text))


_SHAPE_OF = re.compile(r"\s+of\s+(?:(?:the|a|an|his|her|their|its|some)\s+)?"
                       r"((?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*)", re.I)
"""A hair word followed by "of" and what it is made of ("braids of garlic", "curls of
smoke", "golden waves of wheat"): the word names a shape, and what follows is its stuff."""
_CLAUSE_OPEN = re.compile(r"(?:^|[.;:!?(]\s*|(?<![\w'-])(?:and|as|while|when|then|"
                          r"where|the|a|an)\s+)([a-z][\w-]*)\s+$", re.I)
"""A word that opens a clause (after a sentence start, a conjunction or an article): the bare
noun a verb right after it has as its subject ("Smoke curls past"). Not after a comma: there, in
a character's description, a noun before a hair word makes a hairstyle ("Mara, rope braids",
"pin curls")."""
_ON_THE_BODY = re.compile(r"\s+[a-z]+\s+(?:her|his|their)(?![\w'-])", re.I)
"""A path that ends on someone ("down her back", "over his ears"): the hair word is hair."""


def _shape_not_hair(text: str, start: int, end: int) -> bool:
    """Is the hair word at `start:end` the shape of something else rather than anyone's hair?
    By grammar, two readings: (1) "of" and a noun phrase with no hair word in it gives what
    the shape is made of ("braids of garlic", "curls of steam"; "curls of her dark hair" are
    still hair); (2) the word is the verb of a clause whose subject is a bare noun that is no
    person, no hue and no hair ("Smoke curls past Leo", "the vine braids round the post"),
    which a noun phrase of hair never is: its modifiers are hues, lengths, textures or
    possessives ("tight curls", "her braids", "brown curls")."""
    made_of = _SHAPE_OF.match(text, end)
    stuff = made_of.group(1).lower().split() if made_of else []
    if stuff and not any(w in _HAIR_NOUNS for w in stuff) and not _only_a_hue(stuff):
        return True
    if not text[start:end].lower().endswith("s") or not _VERB_NEXT.match(text, end) or \
            _ON_THE_BODY.match(text, end):
        return False  # a verb here is a singular subject's ("curls", "braids") before its path
    subject = _CLAUSE_OPEN.search(text[max(0, start - 40):start])
    if subject is None:
        return False
    noun = subject.group(1).lower()
    return bool(kind_chain(noun)) and noun not in _HAIR_NOUNS and noun not in _NOT_SUBJECT \
        and not hues_of_word(noun) and person_synset() not in kind_chain(noun) \
        and noun not in vocab.PERSON_NOUNS and noun not in vocab.HAIR_COLOURS


def _only_a_hue(stuff: list[str]) -> bool:
    """Is what follows "of" a colour alone ("curls of gold down her back", "a mane of
    silver"): the hair's own colour, not another stuff ("braids of red chillies")?"""
    return bool(hues_of_word(stuff[0])) and (
        len(stuff) == 1 or stuff[1] in PHRASE_ENDS or bool(hues_of_word(stuff[1])))


def _match_not_hair(text: str, m: re.Match[str]) -> bool:
    """`_shape_not_hair` for a match whose last word is the hair word ("golden waves")."""
    last = re.search(r"[\w'-]+$", m.group(0))
    return _shape_not_hair(text, m.start() + (last.start() if last else 0), m.end())


_VERB_NEXT = re.compile(r"\s+(?:" + "|".join(sorted(PHRASE_ENDS - {"and", "or", "but", "than", "of",
                                                                  "with", "who", "whom", "whose",
                                                                  "which", "that"})) +
                        r"|away|back|slowly|lazily|gently|upward|upwards|skyward)(?![\w-])", re.I)
"""What follows a verb of shape ("curls past", "curls up into", "braids round"): a preposition
or an adverb of its path, never the "and", "with" or "of" that go on a noun phrase."""
_NOT_SUBJECT = frozenset(words("long short tight loose soft thick thin fine wild messy neat "
                               "high low small big little baby ringlet corkscrew spiral "
                               "natural glossy bouncy shoulder-length chin-length waist-length "
                               "box french fishtail dutch twin double single side top"))
"""Words WordNet also lists as nouns that, before a hair word, describe the hair ("tight
curls", "box braids", "twin braids", "a high bun"): never the subject of a verb there."""


_OBJECT_OF = re.compile(r"(?<![\w'-])(?:before|to|at|for|beside|behind|toward|towards|near|"
                        r"past|from|over|by|across from|in front of)\s+$", re.I)
"""A preposition right before a character's noun phrase: the character is its object, not
the clause's subject ("sets the bowl before the guest")."""


def _lend_tails(text: str, refs: list[_Ref]) -> list[_Ref]:
    """Mark the references whose bare comma list is their clause subject's. An absolute
    phrase after a clause describes its subject: in "she sets the bowl before the guest,
    silver hair in a low bun, slate-grey kimono" the hair and the kimono are hers, though the
    guest stands nearest; a list led by "with" or "in" stays the guest's ("before the guest
    in a navy suit"), and so does one after someone introduced or described ("hands it to an
    old man, grey beard, flat cap", "to the old man, ..."). Only a subject that opens the
    clause (a name or a pronoun), and a bare "the guest" that is the object of a preposition,
    lend their list this way."""
    out = []
    for r in refs:
        clause_start = max(text.rfind(c, 0, r.np_start) for c in ".;:!?") + 1
        subject = next((s for s in refs if s.start >= clause_start), None)
        tail = _COMMA_LOOK.match(text[r.end:])
        semi = None if tail else _SEMICOLON_LOOK.match(text[r.end:])
        tail = tail or semi
        if subject is None or subject.key == r.key or subject.start >= r.np_start or \
                tail is None or text[clause_start:subject.np_start].strip() or \
                not _OBJECT_OF.search(text[subject.end:r.np_start]) or \
                not re.fullmatch(r"(?:the\s+|his\s+|her\s+|their\s+)?" if semi else r"(?:the\s+)?",
                                 text[r.np_start:r.start], re.I):
            out.append(r)
            continue
        end = r.end + _noun_phrases_end(tail.group(0))
        out.append(_Ref(r.key, r.start, r.end, r.np_start, subject.key, end))
    return out


def _owner(refs: list[_Ref], start: int, end: int) -> str:
    """The character whose noun phrase holds these words, else the nearest before, else the
    first after; '' when the shot has no character. Words of a comma list a reference lends
    to its clause's subject (`_lend_tails`) are the subject's."""
    for r in refs:
        if r.lends_to and r.end <= start and end <= r.lend_end:
            return r.lends_to
    for r in refs:
        if r.np_start <= start and end <= r.end:
            return r.key
    for r in refs:
        if start <= r.start < end:
            return r.key  # "a boy of about seven": the words hold the noun itself
    before = [r for r in refs if r.end <= start]
    if before:
        return before[-1].key
    after = [r for r in refs if r.start >= end]
    return after[0].key if after else ""


_WITH_LOOK = re.compile(r"^,?\s+(?:with|wearing|wears|wore|in|dressed in|who has|has on|sports)"
                        r"\s+(?:(?!\s[/|]\s)[^,.;:()])+", re.I)
_COMMA_LOOK = re.compile(r"^,\s+(?:(?!\s[/|]\s)[^.;:()])+", re.I)
"""A character followed by a comma list of what they look like ("Lin, sharp black bob, red
qipao, clear plastic raincoat, lights a cigarette"; "the astronaut, white spacesuit with an
orange stripe, kneels"): the list up to the verb, or up to a field separator of a terse spec
line (" / ", " | ": "runner Elena, wiry, red vest / desaturated, red accents / 24mm")."""


_SEMICOLON_LOOK = re.compile(r"^;\s+(?:(?!\s[/|]\s)[^.;:()])+", re.I)
"""A verbless list after a semicolon that closes the clause ("tosses the mortarboard to her
father; long locs tied up"): an absolute phrase on the clause's subject, as a comma list is
(`_lend_tails`); the one who is only the object of its last preposition, named by a
possessive ("her father"), is not the one described."""


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
        if tail and r.lends_to and not ap:
            out += _tail_items(text, end, r.lend_end, r.lends_to, people)
            out += _look_of(text, end, r.lend_end, r.lends_to)
        elif tail:
            tail_end = end + _noun_phrases_end(tail.group(0))
            out += _tail_items(text, end, tail_end, r.key, people)
            end = tail_end
        words_ = [w for w in re.findall(r"[a-z][a-z'-]*", low[start:end])
                  if w not in _LOOK_STOP and w != r.key.lower()]
        described = [w for w in words_ if w not in vocab.PERSON_NOUNS and
                     w not in vocab.ANIMAL_LEADS and w not in STOP_LEFT]
        if not described:
            continue
        out.append(Mention("character", text[start:end].strip(" ,"), start, end,
                           frozenset(f"look:{w}" for w in described), r.key, "look"))
        out += _figure(text, r, ap)
    return out


def _look_of(text: str, start: int, end: int, key: str) -> list[Mention]:
    """A comma list of looks lent to `key` (`_lend_tails`), as its `look` mention."""
    described = [w for w in re.findall(r"[a-z][a-z'-]*", text[start:end].lower())
                 if w not in _LOOK_STOP and w not in vocab.PERSON_NOUNS and w not in STOP_LEFT]
    if not described:
        return []
    return [Mention("character", text[start:end].strip(" ,"), start, end,
                    frozenset(f"look:{w}" for w in described), key, "look")]


_VERBISH = re.compile(r"\s(?:-|–|—|as|while|who|which|that|then|before|after|until|is|are|"
                      r"was|were|has|have|[a-z]+[a-hj-rtv-z]s)(?=\s|$)")
"""Where a description's noun phrases end: a dash, a conjunction of time, or a verb in the
third person ("with a blue collar and a tiny bell plays..."). A plural garment or feature
("boots", "glasses", "forearms") looks like a verb here only when it follows a noun."""
_NP_NOUN_BEFORE = re.compile(r"(?:^|\s)(?!(?:a|an|the|his|her|their|and|with|of|in|two|three|"
                             r"some|many|its|wearing|dressed|round|black|white|red|blue|green|"
                             r"grey|gray|brown|dark|long|short|tattooed|heavy|big|small|"
                             r"leather|rubber|combat|work|running)\s*$)[a-z'-]+,?\s*$")


@lru_cache(maxsize=1)
def _artifact() -> int | None:
    chain = kind_chain("artifact")
    return chain[0] if chain else None


def _plural_thing_listed(word: str, after: str) -> bool:
    """Whether a plural after a noun is a made thing in a list ("sleeve garters and a green
    eyeshade"), not the verb ("her raincoat locks her bike"): its singular's first sense is a
    made thing and "and", "or", "with" or a comma comes next, never an object."""
    return _artifact() in kind_chain(word[:-1]) and \
        re.match(r"\s*(?:,|$|(?:and|or|with)\s)", after) is not None


def _noun_phrases_end(tail: str) -> int:
    """The length of a description tail's noun phrases, without the verb that follows them."""
    for m in _VERBISH.finditer(tail):
        word = m.group(0).strip()
        before = re.findall(r"[a-z][a-z'-]*,?", tail[:m.start()].lower())
        prev = before[-1] if before else ""
        modifier = not prev.endswith((",", "ly")) and prev not in vocab.PLACES and (
            hues_of_word(prev) or prev in vocab.MATERIALS or bool(_ADJECTIVE_END.search(prev)))
        # a place noun ("kitchen", "garden") is a noun whatever its ending: a word in -s after
        # it is the verb ("the tiled kitchen puts"), not a plural it modifies
        if word.endswith("s") and (word in vocab.GARMENT_PLURALS or word in vocab.GARMENTS or
                                   modifier or not _NP_NOUN_BEFORE.search(tail[:m.start()]) or
                                   _plural_thing_listed(word, tail[m.end():]) or
                                   (word in _HAIR_NOUNS and prev.rstrip(",") in _NOT_SUBJECT)):
            continue  # "round wire glasses", "teal scrubs": a plural after its modifier
        return m.start()
    return len(tail)


_TAIL_SPLIT = re.compile(r",|\s+(?:and|with|wearing|in|dressed in|who has)\s+|^,?\s*(?:with|wearing|"
                         r"wears|wore|in|dressed in|who has|has on|sports)\s+", re.I)


_HAIR_NOUNS = frozenset(words("hair curls braids braid ponytail bob locks mane dreadlocks locs "
                              "plait plaits bun buzz cut undercut beard stubble moustache "
                              "mustache goatee fringe bangs afro cornrows crop quiff pompadour "
                              "mohawk mullet shag"))
"""Words for hair and the cuts it is worn in (a closed class): "a grey crop" is the hair, no
item worn."""
_TRAILING_ADVERBS = frozenset(words("now still again too already always then here there today "
                                    "tonight once yet even also"))
"""Adverbs after a noun phrase ("black hair now pinned up"): not the thing's noun."""
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
        stop = _noun_phrases_end(phrase)
        if stop < len(phrase):  # "in the blue-tiled kitchen puts bread": the noun phrase ends
            phrase, b = phrase[:stop], a + stop  # at the verb; what follows is the action
        found = re.findall(r"[a-z][a-z'-]*", phrase.lower())
        if any(w in vocab.GARMENTS for w in found):
            continue  # a garment: `_wardrobe` reads it
        found = [w for w in found if w not in _LOOK_STOP and w not in STOP_LEFT]
        verb = next((k for k, w in enumerate(found) if k >= 2 and _PARTICIPLE.search(w)), None)
        if verb is not None:
            found = found[:verb]  # "grey walrus moustache bent low": the noun before the verb
        while len(found) > 1 and (re.search(r"(?:ing|ed)$", found[-1]) or
                                  found[-1] in _TRAILING_ADVERBS):
            found.pop()  # "saffron kaftan billowing", "white silk shirt soaked", "hair now"
        if len(found) < 2:
            continue
        noun, mods = found[-1], found[:-1]
        if noun in people or noun in vocab.PLACES or noun in _HAIR_NOUNS or \
                noun in LOOK_NOUNS or noun in LIGHT_SOURCES:
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
        last = list(re.finditer(r"(?<![\w'-])" + re.escape(noun) + r"(?![\w'-])", words_, re.I))
        if last:
            words_ = words_[:last[-1].end()]  # "purple flannel flapping": the thing, not its motion
        at = text.find(words_, at)
        slot = "outerwear" if any(w in _WEATHER_WORN for w in mods) else f"item:{noun}"
        out.append(Mention("wardrobe", words_, at, at + len(words_), frozenset(
            {f"noun:{noun}", *(f"hue:{h}" for h in hues), *(f"mat:{x}" for x in materials)}),
            owner, slot))
    return out


_WEATHER_WORN = frozenset(words("rain storm wind ski snow weatherproof waterproof windproof"))
"""Words that make a worn thing the layer against the weather ("a crimson rain shell", "a
storm cape"): whatever its noun, it is the character's outerwear, the slot a windbreaker or
a parka fills in another shot."""


_PARTICIPLE = re.compile(r"^(?:[a-z]+(?:ing|ed)|bent|held|hung|lit|slung|swept|spread|stuck|torn|"
                         r"worn|shut|thrown|drawn|tucked|pulled)$")
"""A participle after a noun phrase starts what the item does ("moustache bent low")."""


_POSSESSED = re.compile(r"(?<![\w-])(?:his|her|their|" + NAME_WORD +
                        r"'s)\s+((?:[a-z][\w-]*\s+){1,3})"
                        r"([a-z][\w-]*)(?![\w-])")


def _possessed_items(text: str, refs: list[_Ref], people: frozenset[str]) -> list[Mention]:
    """Things a possessive gives a character, outside the garment table, when a colour or a
    material says what they look like: "her pale blue sundress", "Dana's red bandana"."""
    out: list[Mention] = []
    for m in _POSSESSED.finditer(text):
        found = (m.group(1) + m.group(2)).lower().split()
        k = 0
        while k < len(found) - 1 and (hues_of_word(found[k]) or found[k] in vocab.MATERIALS or
                                      found[k] in PALETTE_ADJ or
                                      _ADJECTIVE_END.search(found[k])):
            k += 1
        mods, noun = found[:k], found[k]
        end = m.start(1) + len(" ".join(found[:k + 1]))
        if noun in vocab.GARMENTS or noun in _HAIR_NOUNS or noun in _BODY_NOUNS or \
                noun in people or noun in vocab.PLACES or hues_of_word(noun) or \
                noun.endswith("ing") or noun in STOP_LEFT or _ITEM_END.match(" " + noun):
            continue  # "his coffee in the booth": the colour word was the thing itself
        if any(w in STOP_LEFT or w in vocab.GARMENTS for w in mods):
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


def identity(text: str, refs: list[_Ref], apposition: re.Pattern[str] = _APPOSITION,
              people: frozenset[str] = vocab.PERSON_NOUNS,
              renamed: frozenset[str] = frozenset()) -> list[Mention]:
    """A character's traits in one shot; for a character given two names (`renamed`: the
    keys of `Cast.renamed`), each name as written, a trait that drifts like any other."""
    found: list[Mention] = _looks(text, refs, apposition, people)
    found += [Mention("character", text[r.start:r.end], r.start, r.end,
                      frozenset({"name:" + text[r.start:r.end]}), r.key, "name")
              for r in refs if r.key in renamed and _NAME.fullmatch(text[r.start:r.end])]
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
        between = m.group(0).lower().split()[1:-1]
        if _match_not_hair(text, m):
            continue  # "golden waves of wheat", "grey smoke curls past": not hair
        if _hair_modifies_a_thing(text, m.end()):
            continue  # "a red hair clip": the clip is red, not the hair
        if any(w in vocab.GARMENTS for w in between) or (
                m.group(0).lower().endswith("locks") and
                re.match(r"\s+(?:her|his|their|the|a|an|it|up|out)(?![\w-])", text[m.end():])):
            continue  # "her red raincoat locks her bike": a garment, and a verb
        colour = vocab.HAIR_COLOURS.get(word) or vocab.HAIR_COLOURS.get(word.split("-")[-1], word)
        add(m, "hair_colour", {colour, *(f"name:{p}" for p in re.split(r"[-/]", word) if p)})
    for m in _ANIMAL_NP.finditer(text):
        mods = [w for w in re.findall(r"[a-z][a-z-]*", m.group(1).lower())
                if hues_of_word(w) or "-" in w]
        hues = hues_of(mods)
        owner = _owner(refs, m.start(2), m.end(2))
        if hues and owner:
            at = m.start(1) + m.group(1).lower().find(mods[0])
            found.append(Mention("character", text[at:m.end(2)], at, m.end(2), frozenset(hues),
                                 owner, "coat_colour"))
    hair_at = [(f.start, f.end) for f in found if f.slot == "hair_colour"]
    for m in _HAIR_AS_PERSON.finditer(text):
        if not any(a <= m.start() < b for a, b in hair_at):
            add(m, "hair_colour", {vocab.HAIR_COLOURS.get(m.group(0).lower().split("-")[-1],
                                                          "")} - {""})
    for m in _HAIR_LENGTH.finditer(text):
        word = (m.group(1) or m.group(2)).lower()
        before = re.findall(r"[a-z][a-z-]*", text[max(0, m.start() - 20):m.start()].lower())
        hair_bob = word == "bob" and bool(before) and (
            before[-1] in vocab.HAIR_COLOURS or before[-1].split("-")[-1] in vocab.HAIR_COLOURS
            or before[-1] in {"sleek", "blunt", "neat", "sharp", "asymmetric", "bleached",
                              "dyed", "chin-length", "messy", "tousled"})
        if "hair" not in m.group(0).lower() and not hair_bob and \
                word in {"short", "long", "flowing", "bob", "cropped", "bun"}:
            continue  # "a long coat", "short steps": not hair; "a black bob" is
        if _match_not_hair(text, m):
            continue  # "Braids of garlic hang by the window": a shape, not hair
        add(m, "hair_length", {vocab.HAIR_LENGTH[word]})
    for m in _HAIR_WORN.finditer(text):
        add(m, "hair_worn", {"up" if m.group("up") else "down"})
    worn_at = [(f.start, f.end) for f in found if f.slot == "hair_worn"]
    for m in _HAIR_FALLS.finditer(text):
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in worn_at) and \
                not _match_not_hair(text, m):
            add(m, "hair_worn", {"down"})
    said = [(f.start, f.end) for f in found if f.slot == "build"]
    for m in _builds(people).finditer(text):
        if re.search(r"(?:^|[(,]|\b(?:a|an|is|looks|stays|now))\s*$",
                     text[max(0, m.start() - 12):m.start()], re.I) and \
                not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in said):
            add(m, "build", {_BUILDS[m.group(1).lower()]})
    for m in _HAIR_FORM.finditer(text):
        if m.group(0).lower().startswith("bun") and not _HAIR_BEFORE.search(
                text[max(0, m.start() - 30):m.start()]):
            continue  # "a sesame bun", "butters a bun": bread, not a hairstyle
        if _match_not_hair(text, m):
            continue  # "braids of garlic", "the vine braids round the post"
        add(m, "hair_form", {_HAIR_FORMS[m.group(1).lower()]})
        if _HAIR_FORMS[m.group(1).lower()] == "bun" and not any(
                f.slot == "hair_worn" and f.start <= m.start() < f.end + 12 for f in found):
            add(m, "hair_worn", {"up"})  # a bun is hair worn up (`_HAIR_FALLS`)
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
        if m.group(2) and _match_not_hair(text, m):
            continue  # "Smoke curls past Leo", "curls of steam": not hair
        add(m, "hair_texture", {_TEXTURES[(m.group(1) or m.group(2)).lower()]})
    for m in _BEARD_COLOUR.finditer(text):
        word = m.group(1).lower()
        add(m, "beard_colour", {vocab.HAIR_COLOURS.get(word, word)})
    for m in _WORD_AGE.finditer(text):
        age = _NUMBERS.get(m.group(1).lower()) if m.group(1) else None
        if age is None:
            age = _NUMBERS.get((m.group(2) or "").lower())
        if age is not None:
            spread = 1 if age < 16 else 2  # a child's stated years are close to exact
            add(m, "age", {f"{max(0, age - spread)}-{age + spread}"})
    for m in _FACIAL.finditer(text):
        word = m.group(2).lower()
        value = "clean" if word == "clean-shaven" else "moustache" if word in {
            "moustache", "mustache"} else "beard"
        if _NEGATED.search(text[max(0, m.start() - 16):m.start()]):
            value = "clean"  # "no beard": clean-shaven
        add(m, "facial_hair", {value})
    for m in _EYES.finditer(text):
        if m.group(3):
            add(m, "eyes", {"heterochromia"})
            continue
        colour = (m.group(1) or m.group(2)).lower().replace("gray", "grey")
        add(m, "eyes", {_EYE_FAMILY.get(colour, colour)})
    for m in _MAKEUP.finditer(text):
        hues = hues_of(m.group(1).lower().replace("-", " ").split()) if m.group(1) else set()
        add(m, "makeup:" + _MAKEUP_KIND.get(m.group(2).lower(), m.group(2).lower()),
            {f"hue:{h}" for h in hues} or {"?"})
    for m in _SIDED.finditer(text):
        add(m, f"mark:{m.group(1).lower()} {m.group(3).lower()}", {m.group(2).lower()})
    for m in _MARK.finditer(text):
        side = f"{m.group(2)} {m.group(3)}".lower() if m.group(2) else ""
        part = (m.group(3) or "").lower()
        where = {"part:" + part} if part in _MARKED_PARTS else set()
        kind = _TATTOO_OF.search(text[max(0, m.start() - 30):m.start()]) \
            if m.group(1).lower() == "tattoo" else None
        depicts = {"of:" + kind.group(1).lower()} if kind and \
            kind.group(1).lower() not in _TATTOO_PLAIN else set()
        if depicts and kind:
            start = m.start() - len(kind.group(0))
            found.append(Mention("character", text[start:m.end()], start, m.end(),
                                 frozenset({side or "?"} | depicts | where),
                                 _owner(refs, start, m.end()), "mark:tattoo"))
        else:
            add(m, "mark:" + m.group(1).lower(), {side or "?"} | where)
    return [_as_body_colour(m) for m in found]


def _hair_modifies_a_thing(text: str, end: int) -> bool:
    """Whether "hair" just before `end` is the first word of a compound naming a made thing
    ("a red hair clip", "a black hair tie", "a white hair net"; WordNet files the next word's
    commonest sense under artifact): the colour before it is the thing's, not the hair's."""
    if not text[:end].lower().endswith("hair"):
        return False
    nxt = re.match(r"[ -]([a-z]+)(?![\w'-])", text[end:end + 24].lower())
    return nxt is not None and head_synset("artifact") in kind_chain(nxt.group(1))


_BODY_COVERS = frozenset({"paint", "paintwork", "fur", "pelt", "plumage", "feathers", "scales",
                          "shell", "hide", "fleece"})
"""What covers a creature's or a machine's body ("sky-blue paint", "ginger fur"): its colour is
the colour of the character itself, as in "a rust-orange robot", "a ginger cat"."""


def _as_body_colour(m: Mention) -> Mention:
    """A coloured body cover read as the character's own colour (`coat_colour`), so "the
    rust-orange robot" and, later, "the robot, sky-blue paint" are one trait said two ways."""
    if not m.slot.startswith("item:") or m.slot[5:] not in _BODY_COVERS:
        return m
    hues = frozenset(v[4:] for v in m.values if v.startswith("hue:"))
    return Mention("character", m.text, m.start, m.end, hues, m.owner, "coat_colour") if hues else m


_MODIFIES_NEXT = re.compile(r"^[ -](?:light|lights|lighting|lit|lamp|shot|shots|angle|view|"
                            r"floor|deck|(?:step|steps)(?!\s+(?:off|out|in|into|onto|forward|back|"
                            r"down|up|inside|through|from|over|aside|away|toward|towards|closer|"
                            r"on)(?![\w-]))|gun|rack|hanger|hook|stand|shop|store|"
                            r"maker)(?![\w-])", re.I)
_LIGHT_NEXT = re.compile(r"^[ -](?:light|lights|lighting|lit)(?![\w-])", re.I)
"""After most garments a light word is the verb ("the keeper in her yellow coat lights the
lamp"); only "top" and the like make a light of it ("hard top light")."""
"""A garment word before these nouns names them ("top light", "coat rack"); "steps" with a
particle after it is the wearer's verb ("a boy in a white shirt steps off"); before its own
parts ("coat collar", "jacket pocket") it is still the garment."""


def _garment_compound(low: str, noun: str, end: int) -> bool:
    """Whether a garment word is the first word of a compound garment: another garment noun
    follows it at once, of another part of the body ("top hat", "suit jacket"): the compound is
    that one garment, read at its last word, not a top AND a hat. Two words of one part ("tank
    top") stay as they were read: either names the garment."""
    after = re.match(r"[ -]([a-z]+)(?![\w'-])", low[end:end + 24])
    if after is None:
        return False
    word = after.group(1)
    return word in vocab.GARMENTS and vocab.GARMENTS[word] != vocab.GARMENTS[noun]


def wardrobe(text: str, low: str, refs: list[_Ref]) -> list[Mention]:
    out: list[Mention] = []
    for m in heads(text, _GARMENT_NOUN, _GARMENT_LEFT):
        noun = m.group(2).lower()
        mods = _left_modifiers(m.group(1).lower())
        if _MODIFIES_NEXT.match(text[m.end():]) and (
                noun in {"top", "tank", "cap"} or not _LIGHT_NEXT.match(text[m.end():])):
            continue  # "hard top light", "a cap gun": the garment word modifies a noun
        if _garment_compound(low, noun, m.end()):
            continue  # "a top hat": the word names the garment after it
        if noun in {"top", "tank", "mac", "cap", "tie", "watch", "hood", "habit", "suit", "bag",
                    "jersey", "crown", "vest"} and not _dressed(low, m.start(2), m.end(2)) and \
                not (hues_of(mods) or any(w in vocab.MATERIALS for w in mods)):
            continue  # "cap" is worn after "in the", or when it has a colour or a material
        if vocab.GARMENTS[noun] == "carried" and _INSIDE.search(low[max(0, m.start(2) - 40):
                                                                    m.start(2)]):
            continue  # "the goldfish in a bag", "keys in her briefcase": a container
        while mods and mods[0] in STOP_LEFT:
            mods.pop(0)
        if mods and _handled(mods[-1]):
            continue  # "a waiter polishes glasses": the garment is a thing handled, not worn
        if any(w in STOP_LEFT for w in mods):
            mods = mods[max(i for i, w in enumerate(mods) if w in STOP_LEFT) + 1:]
        start = low.rfind(mods[0], 0, m.start(2)) if mods else m.start(2)
        named = [r for r in refs if start <= r.start and r.end <= m.start(2)]
        if named:  # "Ben, blue hoodie": the name before the comma is the wearer, no modifier
            mods = _left_modifiers(low[named[-1].end:m.start(2)].strip(" ,"))
            start = low.rfind(mods[0], 0, m.start(2)) if mods else m.start(2)
        end = m.end()
        after = _GARMENT_COLOUR_AFTER.match(text[end:])
        if after and hues_of(after.group(1).lower().split()) and \
                not _colours_a_garment_after(text[end + after.end():]):
            mods.append(after.group(1).lower())
            end += after.end()
        words = text[start:end]
        if noun in _GARMENT_PARTS and mods and mods[-1] in vocab.GARMENTS and \
                vocab.GARMENTS[mods[-1]] != "carried":
            noun = mods.pop()  # "yellow poncho hood": the poncho's hood, the poncho again
        hues = hues_of(mods)
        materials = {w for w in mods if w in vocab.MATERIALS}
        values = {f"noun:{noun}", *(f"hue:{h}" for h in hues), *(f"mat:{x}" for x in materials)}
        if "no" in mods or _WITHOUT.search(low[max(0, start - 16):start]):
            values.add(ABSENT)  # "no glasses", "without his coat": said not to be worn
        owner = _owner(refs, start, m.end())
        mention = Mention("wardrobe", words, start, end, frozenset(values), owner,
                          vocab.GARMENTS[noun])
        out.append(_animal_coat(mention) if noun == "coat" else mention)
    return out


_GARMENT_PARTS = frozenset(words("hood hoods collar collars sleeve sleeves cuff cuffs lapel "
                                 "lapels hem pocket pockets brim lining"))
"""The parts a garment has (a closed class): after a garment noun ("poncho hood", "coat
collar") the part is that garment, said again, not a garment of its own; a garment noun before
another garment ("top hat") names a kind and stays as it is."""


@lru_cache(maxsize=1)
def _animal() -> int | None:
    chain = kind_chain("animal")
    return chain[0] if chain else None


def _animal_coat(m: Mention) -> Mention:
    """An animal's "coat" is its fur ("an arctic fox in its white winter coat"): the colour
    of the creature itself (`coat_colour`), so "the white fox" later says it again. A person's
    coat stays a garment."""
    hues = frozenset(v[4:] for v in m.values if v.startswith("hue:"))
    if not hues or _animal() not in kind_chain(m.owner.lower()):
        return m
    return Mention("character", m.text, m.start, m.end, hues, m.owner, "coat_colour")


ABSENT = "absent"
"""A garment or a trait said to be missing ("no glasses", "no beard"): it clashes with any
shot where it is there."""
_WITHOUT = re.compile(r"(?<![\w-])(?:without|minus|sans)(?:\s+(?:a|an|any|his|her|their))?\s+$",
                      re.I)
_NEGATED = re.compile(r"(?<![\w-])(?:no|without(?:\s+(?:a|an|any|his|her|their))?|not a)\s+$",
                      re.I)


_DRESS_CUE = re.compile(r"(?:wear\w*|dressed|in|with|his|her|their|a|an|the|[\w-]+)\s+"
                        r"(?:[\w-]+\s+){0,3}$")


_GARMENT_COLOUR_AFTER = re.compile(
    r"^,?\s+(?:is|are|was|were|in|of|the colou?r of)\s+(?:(?:a|an|bright|dark|deep|pale|light|"
    r"vivid|faded|dusty|rich|soft|muted|solid|plain)\s+){0,2}([a-z]+(?:-[a-z]+)*)(?![\w-])",
    re.I)
"""A garment's colour said after it: "her coat is bright red", "a dress in emerald green",
"a scarf the colour of rust" (only when the word is a colour)."""
_NEXT_WORDS = re.compile(r"^(?:[ -]+[a-z][a-z'-]*){1,3}", re.I)


def _colours_a_garment_after(rest: str) -> bool:
    """Whether the colour read after a garment goes on to name another garment of its own
    ("a burgundy bandana, in a white double-breasted jacket"): the colour is that garment's
    modifier, not the first one's colour said after it ("a dress in emerald green")."""
    m = _NEXT_WORDS.match(rest)
    if m is None:
        return False
    return any(w in vocab.GARMENTS or w in vocab.GARMENT_PLURALS
               for w in re.split(r"[ -]+", m.group(0).lower().strip(" -")))


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


def _handled(word: str) -> bool:
    """Whether the word right before a garment is a verb in the third person ("polishes
    glasses", "folds shirts"): not a colour, a material or an adjective-shaped word, and not
    a plural that names a kind of garment ("sports bra")."""
    return bool(re.fullmatch(r"[a-z]+(?:es|[^s']s)", word)) and not hues_of_word(word) and \
        word not in vocab.MATERIALS and word not in _GARMENT_KINDS and \
        word not in vocab.GARMENTS and not word.endswith(("ous", "us", "is"))


_GARMENT_KINDS = frozenset(words("sports mens womens kids boys girls ladies cargo canvas overalls "
                                 "dress tights fatigues pyjamas pajamas"))


_INSIDE = re.compile(r"(?:^|\s)(?:in|into|inside|from)\s+(?:an?|the|his|her|their|its)\s+"
                     r"(?:[\w-]+\s+){0,3}$")
"""A carried thing after "in" holds something: nobody is dressed in a bag."""


def _dressed(low: str, start: int, end: int) -> bool:
    """Whether an ambiguous garment word ("top", "cap", "watch") is worn here, not a verb or a
    place: it follows wear/dressed/in/with or a possessive within a few words."""
    before = low[max(0, start - 40):start]
    return bool(re.search(r"(?:wear\w*|dressed in|in (?:an?|the)|with an?|his|her|their)\s+"
                          r"(?:[\w-]+\s+){0,3}$", before))
