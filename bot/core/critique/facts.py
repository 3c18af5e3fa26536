"""What a prompt already says about its world, and a checker that a rewrite does not contradict it.

A rewrite may add a place, a light or a time only inside what the prompt implies: "a fox in the
snow" is outdoors in winter, so "window light" or "autumn leaves" would contradict it. Each fact is
a dimension (time of day, indoors/outdoors, season, weather) whose words each allow a set of values
("golden hour" allows dawn, morning, afternoon or dusk; "moonlit" only night). The prompt's
constraint is the intersection of what its words allow; a rewrite contradicts the prompt when one of
its words allows none of those values. Words, not a parser: the same reason as the analyzer (prompts
are comma-spliced fragments), and cheap enough to run on every critique.

People state these facts in families of cues more than in their names, and each family is read by
what it means rather than phrase by phrase: a light that is lit because it is dark, in the frames
that make it the scene's light ("under the streetlights", "lantern-lit", "by candlelight") is
evening or night; a meal or the sun's course names its hour ("dinner", "the sun sets"); what only
happens in a season names it ("sledding", "leaves drifting"); fog and storms rule out a clear sky;
weather and the sky are seen from outdoors, furniture and home appliances stand indoors, and the
noun that closes a locative phrase puts the scene on its side of a wall by the tables generated
from WordNet's kinds and the shipped MiniLM (place_words.py; a building only when the subject is
in it). Of two overlapping mentions the longer wins ("the world outside" is seen from inside).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from bot.core import cached_re as re
from bot.core.critique.analysis import finditer_lower

DAYTIME = frozenset({"dawn", "morning", "midday", "afternoon", "dusk"})
ANY_TIME = DAYTIME | {"night"}

# Light that is lit because it is dark: a scene lit by it, under it or in its glow is in the
# evening or at night ("under the streetlights", "a lantern-lit alley", "by candlelight"). A
# class of things by what they are for, read in those frames only: a lamp on a desk says nothing.
NIGHT_LIGHT = (r"(?:street ?lights?|street ?lamps?|street-lamps?|lamp ?posts?|lamp-posts?|"
               r"gas ?lamps?|lamps?|lanterns?|paper lanterns?|candles?|torches|flames?|"
               r"neon(?: signs?| lights?| glow)?|fairy lights|string lights|headlights|"
               r"campfires?|bonfires?|fires?|firelight|candlelight|lamplight|torchlight|"
               r"moon|full moon|moonlight|stars|starlight|city lights|fireworks|chandeliers?)")
LIT_BY_NIGHT_LIGHT = (
    r"(?:candle|lantern|lamp|torch|neon|fire|moon|star|gas|street ?light|street ?lamp)-?lit|"
    r"(?:candle|lamp|fire|torch|star|neon|lantern)light|"
    r"(?:lit|illuminated|lit up|bathed|glowing|aglow) (?:only )?(?:by|in) (?:the |a |an )?"
    r"(?:[a-z-]+ )?" + NIGHT_LIGHT + "|"
    r"(?:under|beneath|below) (?:the |a |an )?(?:[a-z-]+ )?" + NIGHT_LIGHT + "|"
    r"(?:in|by) the (?:[a-z-]+ )?(?:glow|light|flicker) of (?:the |a |an )?(?:[a-z-]+ )?"
    + NIGHT_LIGHT)


# (words, the times of day they allow). Order does not matter: every mention counts.
TIME_WORDS: list[tuple[str, frozenset[str]]] = [
    (r"night|nights|night-?time|nighttime|midnight|moonlit|moonlight|moon-?lit|tonight|"
     r"starry|starlit|star-?filled|under the stars|nocturnal|after dark|in the dark|"
     r"after nightfall|late at night|late-night|overnight|nightlife|night market|"
     r"in (?:the )?darkness|in total darkness|darkened (?:streets?|city)|"
     r"pitch[- ]black|northern lights|aurora|milky way|fireworks", frozenset({"night"})),
    (LIT_BY_NIGHT_LIGHT, frozenset({"dusk", "night"})),
    (r"dinner|supper|dinner party|cocktail hour", frozenset({"dusk", "night"})),
    (r"dawn|daybreak|sunrise|first light|early morning|break of day|sunup|"
     r"(?:the )?sun (?:rises|is rising|rising|comes up|coming up)", frozenset({"dawn", "morning"})),
    (r"morning|mornings|breakfast", frozenset({"dawn", "morning", "midday"})),
    (r"midday|noon|high noon|midday sun|overhead sun|noonday", frozenset({"midday"})),
    (r"lunch|lunchtime|lunch break", frozenset({"midday", "afternoon"})),
    (r"afternoon|late afternoon|afternoon sun", frozenset({"midday", "afternoon", "dusk"})),
    (r"sunset|dusk|sundown|setting sun|last light|end of the day|"
     r"(?:the )?sun (?:sets|is setting|setting|goes down|going down|dips|sinks)",
     frozenset({"dusk"})),
    (r"evening|nightfall", frozenset({"dusk", "night"})),
    (r"twilight", frozenset({"dawn", "dusk"})),
    (r"golden[- ]hour|golden sunlight|low sun|rising sun|long shadows",
     frozenset({"dawn", "morning", "afternoon", "dusk"})),
    (r"blue hour", frozenset({"dawn", "dusk"})),
    (r"daylight|daytime|day-?lit|sunlight|sunlit|sunshine|sunny|sunbeams?|sun rays|"
     r"bright day|broad daylight|blue sky|blue skies|window light|skylight|overcast daylight|"
     r"sun-?drenched|sun-?dappled|dappled sunlight|by day|during the day|in the day|"
     r"the sun|under the sun|"
     # the day as weather or season describe it ("a sunny day"), not a date or an era
     # ("present day", "one day", "these days")
     r"(?:sunny|bright|clear|hot|warm|cold|cool|crisp|summer|summer's|winter|winter's|spring|"
     r"autumn|fall|rainy|snowy|windy|cloudy|grey|gray|overcast|beautiful|lovely|lazy|quiet|"
     r"busy|fine|glorious|perfect|scorching|humid|misty|foggy|stormy|sweltering|blustery) day",
     DAYTIME),
]

IN, OUT = "indoors", "outdoors"
# Strong markers only: a table or a window can be on either side of a wall.
PLACE_WORDS: list[tuple[str, frozenset[str]]] = [
    (r"indoors?|interior|inside (?:a|an|the|his|her|their)|room|rooms|bedroom|living room|"
     r"kitchen|bathroom|office|studio|cafe|café|restaurant|diner|hallway|corridor|library|"
     r"apartment|workshop|classroom|museum|gallery|warehouse|garage|church|cathedral|"
     r"laboratory|lab|gym|ballroom|attic|basement|cellar|living-room|lobby|elevator|"
     r"window light|lamp-?light|ceiling|fireplace|sofa|couch|bedside|wallpaper|staircase|"
     r"nightclub|bar counter|subway car|train carriage|cockpit|cabin interior|greenhouse|"
     r"theater|theatre|studio backdrop|seamless backdrop|softbox|studio light|"
     r"studio key light|tabletop|countertop|nursery|loft|in (?:a|the|his|her) study|fridge|"
     r"refrigerator|armchair|windowsill|hotel room|bathtub|shower|hospital|classroom|"
     r"corridor|indoor|television|televisions|tv set|in bed|pillows?|bedsheets|duvet|"
     r"watching (?:a |the )?(?:movie|film|tv|television)|"
     r"(?:the )?(?:world|view|city|street|streets|rain|snow|storm|garden|night|scene|weather) "
     r"outside|outside (?:the|her|his|their|a) window|out (?:of )?the window|"
     r"through the (?:window|windowpane|glass)", frozenset({IN})),
    (r"outdoors?|outside|open air|open-air|sky|skies|skyline|horizon|street|streets|alley|"
     r"alleyway|road|roads|highway|avenue|sidewalk|pavement|forest|forests|woods|woodland|"
     r"jungle|mountain|mountains|hill|hills|valley|canyon|cliff|cliffs|desert|dunes?|beach|"
     r"beaches|shore|coast|coastline|ocean|sea|lake|river|riverbank|waterfall|meadow|field|"
     r"fields|prairie|savanna|garden|park|park bench|backyard|courtyard|rooftop|rooftops|"
     r"countryside|village|harbor|harbour|pier|dock|bridge|city|cityscape|town square|"
     r"snow|snowy|snowfall|snowflakes|snow-covered|blizzard|rain|rainy|raining|rainfall|"
     r"in the rain|puddles|clouds|landscape|"
     r"glacier|tundra|volcano|reef|underwater|seabed|tide|waves|surf|trail|campsite|"
     r"farm|orchard|vineyard|pasture|swamp|marsh|island|outer space|grass|lawn|savannah|"
     r"rainforest|tree to tree|treetops?|ski slope|snow park|stop sign|tropical|"
     r"open sea|seashore|sand dunes?|parking lot|playground|stadium|racetrack|"
     r"campfire|mountainside|hillside|riverside|lakeside|waterfront|outdoor|"
     # weather and the sky are seen from outdoors ("through the window" says otherwise: the
     # longer mention wins, and a prompt with both states no place)
     r"storm|stormy|thunderstorm|thunder|breeze|windy|in (?:a|the) (?:[a-z]+ )?(?:wind|breeze)|"
     r"gusts? of wind|fog|foggy|northern lights|aurora|"
     r"mist|misty|cloud|the sun|under the sun|sunny day|snowman|snowmen|sledding",
     frozenset({OUT})),
]

SEASON_WORDS: list[tuple[str, frozenset[str]]] = [
    (r"winter|wintry|wintertime|snow|snowy|snowing|snowfall|snowflakes|snow-covered|blizzard|"
     r"snow-laden|snowdrifts?|snow-dusted|"
     r"frost|frosty|frozen lake|icicles|christmas|sleet|snowman|snowmen|sleds?|sledges?|"
     r"sledding|snowballs?|snowdrift|ice[- ]skating|ice skaters?|frozen (?:pond|river|lake)|"
     r"frost-covered|hoarfrost|mid-?winter|snowbound|snowed[- ]in", frozenset({"winter"})),
    (r"summer|summertime|midsummer|heatwave|heat wave|sweltering|scorching summer|"
     r"summer day", frozenset({"summer"})),
    (r"autumn|autumnal|fall foliage|fall leaves|fallen leaves|autumn leaves|falling leaves|"
     r"red and gold leaves|harvest|halloween|in (?:the )?fall|fall colou?rs|pumpkins?|"
     r"thanksgiving|golden leaves|orange leaves|leaves (?:fall|falling|drift|drifting|swirl)|"
     r"autumn-?colou?red", frozenset({"autumn"})),
    (r"spring|springtime|cherry blossoms?|blossoms|blossoming|in bloom|new buds|"
     r"in full bloom|blooming (?:trees|orchards?|meadows?)|easter",
     frozenset({"spring"})),
    (r"lush green|green leaves|leafy|full leaf|wildflowers", frozenset({"spring", "summer"})),
    (r"bare trees|bare branches|leafless", frozenset({"autumn", "winter"})),
]

# Weather: what the sky is doing. Fog and mist hide a clear sky but go with cloud, rain or snow;
# a storm rules out a clear sky.
WEATHER_WORDS: list[tuple[str, frozenset[str]]] = [
    (r"rain|rainy|raining|rainfall|in the rain|downpour|drizzle|drizzling|rainstorm|"
     r"thunderstorm|raindrops falling|pouring rain|monsoon|rain-?soaked|rainstorms?|"
     r"showers of rain|torrential", frozenset({"rain"})),
    (r"fog|foggy|fog-?bound|fog-?shrouded|mist|misty|mist-?covered|mists|haze|hazy|smog|"
     r"smoggy|low clouds|fogged", frozenset({"fog", "cloudy", "rain", "snow"})),
    (r"storm|storms|stormy|thunder|thunderclouds?|lightning|hurricane|typhoon|gale|gales|"
     r"tempest|squall", frozenset({"cloudy", "rain", "snow"})),
    (r"snowing|snowfall|falling snow|snow falling|blizzard|snowstorm|flurries",
     frozenset({"snow"})),
    (r"sunny|sunshine|clear sky|clear skies|cloudless|blue sky|blue skies|bright sun|"
     r"harsh sun|blazing sun|dry weather|sun-?drenched|scorching sun|starry sky|starry night|"
     r"under the stars", frozenset({"clear"})),
    (r"overcast|cloudy|grey sky|gray sky|grey skies|gray skies|storm clouds|heavy clouds",
     frozenset({"cloudy", "rain", "snow", "fog"})),
    (r"sunlight|sunlit|golden[- ]hour|sunbeams?|sun rays|dappled sunlight|god rays|"
     r"long shadows|low sun", frozenset({"clear", "cloudy", "snow", "fog"})),
]

DIMENSIONS: dict[str, list[tuple[str, frozenset[str]]]] = {
    "time_of_day": TIME_WORDS, "place": PLACE_WORDS, "season": SEASON_WORDS,
    "weather": WEATHER_WORDS,
}

# Words that look like a fact but are not one ("snow-capped peaks" stand in any season; a
# "rainbow" is not rain). They are blanked before matching.
NOT_FACTS = (r"snow-?capped|snowcapped|snow-?white|snow leopard|snow globe|rainbow|"
             r"rain forest|sun-?glasses|moon-?shaped|spring-loaded|springs|waterfall mist|"
             r"space heater|starfish|night-?light|night-?stand|nightclub lights|studio ghibli|"
             r"forest green|sky blue|sky-blue|midnight blue|sea green|ocean blue|moonstone|"
             r"nightgown|ocean spray|evening dress|evening gown|depth of field|depth-of-field|"
             r"field of view|lightning[- ]fast|lightning speed|like lightning|mist spray|"
             r"brainstorm|storm trooper|stormtrooper|misty-eyed|hazel|daydream|day-?dreams?|"
             r"day one|day trip|fall (?:down|over|apart|asleep|into|onto|off|from|to)|"
             r"spring (?:up|into|forward|out)|fire (?:a|the|at)|fires (?:a|the|at)|"
             r"hazy memory|dinner table|dinner plate|day and night|night and day|day-night|"
             r"day to night|night to day|day turns (?:to|into) night|"
             r"night turns (?:to|into) day")


@dataclass(frozen=True)
class Mention:
    """Words that state a fact, and the values of their dimension they allow."""

    dimension: str
    text: str
    start: int
    allows: frozenset[str]


@dataclass
class Facts:
    """What the prompt's words pin down; None where the prompt says nothing (or contradicts
    itself, so nothing can contradict it)."""

    constraints: dict[str, frozenset[str]] = field(default_factory=dict)
    mentions: tuple[Mention, ...] = ()

    def get(self, dimension: str) -> frozenset[str] | None:
        return self.constraints.get(dimension)

    def only(self, dimension: str, value: str) -> bool:
        """The prompt allows `value` and nothing else on this dimension."""
        return self.constraints.get(dimension) == frozenset({value})

    def allows(self, dimension: str, value: str) -> bool:
        got = self.constraints.get(dimension)
        return got is None or value in got

    def stated(self, dimension: str) -> bool:
        return dimension in self.constraints

    def summary(self) -> dict[str, str]:
        """One word per stated dimension ("night", "outdoors", "winter"), for people and LLMs."""
        return {d: "/".join(sorted(v)) for d, v in self.constraints.items()}


def _blank(low: str) -> str:
    """Replace the look-alikes with spaces, keeping every offset."""
    for m in finditer_lower(NOT_FACTS, low):
        low = low[:m.start()] + " " * (m.end() - m.start()) + low[m.end():]
    return low


# A locative phrase: a preposition of place, an optional determiner, then up to three words
# (the last is the noun it is about: "in a cozy attic", "across the old stadium").
LOCATIVE = re.compile(
    r"\b(in|inside|into|within|at|on|onto|through|across|along|over|under|beneath|below|"
    r"near|beside|by|around|outside|among|amid|amidst|past|throughout|from|off|down|up|"
    r"toward|towards|beyond|out of|of|before)\s+"
    r"(?:(?:a|an|the|his|her|their|its|this|that|some|one|two|three|several|many)\s+)?"
    r"((?:[a-z][a-z'-]*\s+){0,2}[a-z][a-z'-]*)")
WITHIN = frozenset({"in", "inside", "into", "within", "throughout"})
"""Prepositions that put the subject inside a building ("in the church"; "by the church" does
not)."""
PHRASE_END = frozenset(re.findall(r"\w+", """
    and or with while as at in on of by to from into for near under over through across along
    beside among during then where which who that is are was were"""))


def _locatives(low: str) -> list[re.Match[str]]:
    """Every locative phrase, each starting after the previous one's preposition: in "takes off
    from the ground" both "off from the ground" and "from the ground" are read; and every place
    a verb of movement takes as its object ("prowls a rocky ridge", "climbs the old stairs"),
    which is where the mover is as much as "on a rocky ridge" would say."""
    out = []
    match = LOCATIVE.search(low)
    while match is not None:
        out.append(match)
        match = LOCATIVE.search(low, match.start(2))
    out += _moved_through().finditer(low)
    return out


@lru_cache(maxsize=1)
def _moved_through() -> re.Pattern[str]:
    """A verb of movement (movement_verbs.py, every form) and the noun phrase it takes: group 1
    the verb, group 2 up to three words after an optional determiner, as LOCATIVE's."""
    from bot.core.critique.lexicon import trie_regex, verb_forms
    from bot.core.critique.movement_verbs import MOVEMENT_VERBS

    forms = {form for verb in MOVEMENT_VERBS for form in verb_forms(verb)}
    return re.compile(r"(?<![\w'-])(" + trie_regex(forms) + r")\s+"
                      r"(?:(?:a|an|the|his|her|their|its|this|that)\s+)?"
                      r"((?:[a-z][a-z'-]*\s+){0,2}[a-z][a-z'-]*)")


def _locative_mentions(low: str, taken: list[Mention]) -> list[Mention]:
    """Place facts from the noun that closes a locative phrase, by the table generated from the
    shipped MiniLM (place_words.py: nouns nearer the hand-written indoor or outdoor markers),
    so "in the attic" is indoors and "across a stadium" outdoors without listing either. A
    word another fact already covers ("at night") is left to it."""
    from bot.core.critique.place_words import BUILDINGS, INDOORS, OUTDOORS

    covered = [(m.start, m.start + len(m.text)) for m in taken]
    out: list[Mention] = []
    for match in _locatives(low):
        words = list(re.finditer(r"\S+", match.group(2)))
        cut = next((i for i, w in enumerate(words) if w.group(0) in PHRASE_END), len(words))
        if not cut:
            continue
        head = words[cut - 1].group(0)
        start = match.start(2) + words[cut - 1].start()
        if any(a <= start < b for a, b in covered) or match.group(1) == "outside":
            continue  # ("outside" says outdoors itself, whatever it is outside of)
        inside = match.group(1) in WITHIN
        side = frozenset({IN}) if head in INDOORS or (inside and head in BUILDINGS) else \
            frozenset({OUT}) if head in OUTDOORS else None
        if side is not None:
            out.append(Mention("place", head, start, side))
    return out


@lru_cache(maxsize=2048)
def mentions_in(low: str) -> tuple[Mention, ...]:
    """Every fact-carrying word of an already lower-cased text. Cached: the rewrite checks the
    same few hundred candidate phrases against every prompt."""
    low = _blank(low)
    found: list[Mention] = []
    for dim, table in DIMENSIONS.items():
        for pattern, allows in table:
            found += [Mention(dim, m.group(0), m.start(), allows)
                      for m in finditer_lower(pattern, low)]
    found = _not_outside(low, _longest(found))
    found += _household_mentions(low, found)
    found += _locative_mentions(low, found)
    return tuple(found)


def _longest(found: list[Mention]) -> list[Mention]:
    """Of two mentions of one dimension that overlap, the longer: "the world outside" (seen
    from inside) is not "outside"."""
    def inside(m: Mention, other: Mention) -> bool:
        return other is not m and other.dimension == m.dimension and \
            other.start <= m.start and m.start + len(m.text) <= other.start + len(other.text) \
            and len(other.text) > len(m.text)
    return [m for m in found if not any(inside(m, o) for o in found)]


def _household_mentions(low: str, taken: list[Mention]) -> list[Mention]:
    """Furniture, home appliances and bedclothes put the scene indoors wherever they are named
    (place_words.HOUSEHOLD, from WordNet's kinds: a sofa, an oven, a quilt)."""
    from bot.core.critique.place_words import HOUSEHOLD

    covered = [(m.start, m.start + len(m.text)) for m in taken if m.dimension == "place"]
    out = []
    for word in re.finditer(r"[a-z]+", low):
        text = word.group(0)
        if (text in HOUSEHOLD or (text.endswith("s") and text[:-1] in HOUSEHOLD)) and \
                not any(a <= word.start() < b for a, b in covered):
            out.append(Mention("place", text, word.start(), frozenset({IN})))
    return out


def _not_outside(low: str, found: list[Mention]) -> list[Mention]:
    """Drop the indoor words a scene is outside of ("waits outside the church" is outdoors)."""
    if "outside" not in low:
        return found
    spans = [m.span(2) for m in LOCATIVE.finditer(low) if m.group(1) == "outside"]
    return [m for m in found if not (m.dimension == "place" and IN in m.allows and
                                     any(a <= m.start < b for a, b in spans))]


@lru_cache(maxsize=256)
def facts_of(text: str) -> Facts:
    """The constraints a text states. Cached: a critique asks for the same prompt's facts from
    the needs, the phrase choice and the check."""
    mentions = mentions_in(text.lower())
    constraints: dict[str, frozenset[str]] = {}
    for dim in DIMENSIONS:
        sets = [m.allows for m in mentions if m.dimension == dim]
        if not sets:
            continue
        allowed = frozenset.intersection(*sets)
        if allowed:  # a self-contradicting prompt constrains nothing
            constraints[dim] = allowed
    return Facts(constraints=constraints, mentions=mentions)


@dataclass(frozen=True)
class Contradiction:
    dimension: str
    text: str
    """The rewrite's words that clash."""
    prompt_says: str

    def __str__(self) -> str:
        return f"{self.dimension}: '{self.text}' but the prompt says {self.prompt_says}"


def contradictions(prompt: str, rewrite: str) -> list[Contradiction]:
    """The rewrite's words that allow none of what the prompt's words allow, per dimension."""
    facts = facts_of(prompt)
    out: list[Contradiction] = []
    for m in mentions_in(rewrite.lower()):
        allowed = facts.get(m.dimension)
        if allowed is not None and not (m.allows & allowed):
            out.append(Contradiction(m.dimension, m.text, "/".join(sorted(allowed))))
    return out


def clashes(prompt: str, phrase: str) -> bool:
    """Would adding `phrase` to `prompt` contradict it? (The rewrite's phrase filter.)"""
    facts = facts_of(prompt)
    if not facts.constraints:
        return False
    for m in mentions_in(phrase.lower()):
        allowed = facts.get(m.dimension)
        if allowed is not None and not (m.allows & allowed):
            return True
    return False
