"""When and from where a shot is lit: the time of day (the critique's facts, clock times
and idioms) and the light direction (a side named with a light word near it)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab
from bot.core.critique.anchor_words import words
from bot.core.critique.facts import LIT_BY_NIGHT_LIGHT, facts_of
from bot.core.noun_kinds import PLACE, kind_chain
from bot.core.sequence.spans import LIGHT_SOURCES, Mention, alts, dedupe, rx
from bot.core.sequence.timeofday import LOW_SUN_RE, clock_and_idioms

# ---- light direction --------------------------------------------------------------------------
_LIGHT_NOUN = (r"(?:[a-z]*light|lights|lighting|lit|light source|sun|sunlight|moonlight|window|windows|"
               r"lamp|key|key light|fill|glow|beam|beams|rays|shaft|shafts|neon|flames?|fire|"
               r"headlights|spotlight|streetlight|torch|flashlight|candle|candles|lantern)")
_SIDE_TAIL = r"(?:-hand)?(?: side)?(?: of (?:the )?(?:frame|screen|shot))?"
_POSSESSOR = r"(?:the |her |his |their |its |frame |screen |camera )?"
_CORNER = r"(?:(?:upper|lower|top|bottom|high|low)[- ])?"
"""A corner of the frame ("from the upper left", "key from the lower right"): the side is the
direction the comparison needs; the height is secondary."""
_LIGHT_SUBJECT = (r"(?:sun|sunlight|sunset|sunrise|setting sun|rising sun|light|glow|lamp|"
                  r"lamplight|window light|firelight|fire|moon|moonlight|spotlight|headlights|"
                  r"key|key light|neon|neon sign|neon light)")
"""A light that sits somewhere relative to a character ("the sun at her back", "the low sun
in his eyes")."""
_THROWN = (r"(?:throws?|throwing|threw|casts?|casting|spills?|spilling|spilt|spilled|bounces?|"
           r"bouncing|bounced|shines?|shining|shone|sends?|sending) (?:[a-z-]+ ){0,2}?"
           r"(?:light|glow|beams?|rays?) ")
"""A light thrown one way ("the sign below the roof edge throws red light up onto them", "the
skylight casts a pale glow down on the desk"): up from below, or down from above."""
_DIRECTIONS: list[tuple[str, str]] = [
    (r"(?:from|on|at|to|toward|towards) " + _POSSESSOR + _CORNER + r"left" + _SIDE_TAIL + r"|"
     r"from (?:the )?(?:above|below)[- ]left|"
     r"(?:camera|screen|frame)[- ]left|left[- ]hand|left[- ]side|from left|left of frame|"
     r"(?<=[a-z] )left(?= (?:of|to) (?:her|him|them|the \w+))", "left"),
    (r"(?:from|on|at|to|toward|towards) " + _POSSESSOR + _CORNER + r"right" + _SIDE_TAIL + r"|"
     r"from (?:the )?(?:above|below)[- ]right|"
     r"(?:camera|screen|frame)[- ]right|right[- ]hand|right[- ]side|from right|right of frame|"
     r"(?<=[a-z] )right(?= (?:of|to) (?:her|him|them|the \w+))", "right"),
    (r"from behind|behind (?:her|him|them|it|the \w+)|back-?lit|back-?light(?:ing)?|"
     r"back light(?:ing)?|rim[- ]?lit|rim light(?:ing)?|silhouetted|silhouettes? against|"
     r"contre-?jour|against the (?:(?:bright|glowing|setting|rising|low|blazing|burning|lit|"
     r"pale|white|hazy) )?(?:sun|sunset|sunrise|light|glow)|against the (?:bright|glowing|"
     r"blazing|burning|lit|pale|white|hazy|sunlit|dawn|evening|morning) (?:window|windows|sky)|"
     + _LIGHT_SUBJECT + r" (?:[a-z]+ )?(?:at|on|warming|against) (?:her|his|their|its) backs?|"
     r"(?:her|his|their) backs? (?:turned )?to the (?:sun|light|window)",
     "behind"),
    (r"from (?:high |far |directly |straight |right )?above|overhead|top[- ]?light(?:ing)?|"
     r"top[- ]?lit|" + _THROWN + r"down(?:wards?)? (?:onto|on|at|into|over|across)|"
     r"high noon|directly above", "above"),
    (r"from (?:far |directly |straight |right )?below|under-?light(?:ing)?|up-?light(?:ing)?|"
     r"lit from beneath|from beneath|"
     r"under-?lit|up-?lit|" + _THROWN + r"up(?:wards?)? (?:onto|on|at|into|over|across)", "below"),
    (r"(?:side-?lit|side[- ]?light(?:ing)?|(?:lit|light|lighting) from (?:the |one )side|"
     r"from (?:the |one )side)(?![\w-])(?!,? (?:\w+ )?(?:from|on|at) (?:the |her |his |their |"
     r"camera |frame |screen )?(?:left|right))", "side"),
    (r"front[- ]?lit|front[- ]?light(?:ing)?|from the front|frontal light|fac(?:es|ing|e) "
     r"(?:in)?(?:to(?:wards?)? )?the (?:[a-z-]+ )?(?:sun|light|window|windows|lamp|fire)|"
     r"(?:squint(?:s|ing)?|star(?:es|ing)|gaz(?:es|ing)|look(?:s|ing)|turn(?:s|ing)?(?: her| "
     r"his| their)? face) (?:straight |directly |right )?(?:in)?to(?:wards?)? the (?:[a-z-]+ )?"
     r"(?:sun|sunset|sunrise|glare)|"
     r"on-?axis|" + _LIGHT_SUBJECT + r" (?:[a-z]+ )?(?:in|on|full in) (?:her|his|their) "
     r"(?:face|faces|eyes)|" + _LIGHT_SUBJECT + r" (?:[a-z]+ )?in front of (?:her|him|them)",
     "front"),
    (r"(?:from|in|to|toward|towards|over) the east|east[- ]facing|eastern (?:sky|window)",
     "east"),
    (r"(?:from|in|to|toward|towards|over) the west|west[- ]facing|western (?:sky|window)",
     "west"),
]
"""Where the light comes from, by the side it names ("against the window" only when the window
is said to be bright: someone dozing against a window leans on it). A side is a direction of light only
with a light word nearby (see `_light`); compass sides compare with each other, never with
frame sides (the east may be on either side of the frame)."""
_DIRECTION_RES = [(rx(p), v) for p, v in _DIRECTIONS]
_LIGHT_WORD = re.compile(r"light|lit|silhouett|contre|rim")
_CAMERA_BEFORE = re.compile(r"(?:shot|shots|filmed|seen|viewed|framed|camera|angle|view|looking "
                            r"down|pov|drone|crane)\s+(?:\w+\s+)?$")
_LIGHT_BEFORE = re.compile(r"((?:[a-z-]+ ){0,3}" + _LIGHT_NOUN + r"(?: [a-z-]+){0,2}\s+)$")
_LIGHT_CONTEXT = re.compile(r"light|(?<![\w-])(?:side|back|top|rim|under|front|sun|moon|"
                            r"candle|fire|lamp|neon|half|dimly|brightly)?-?lit(?![\w-])|lamp|(?<![\w-])sun|glow|candle|fire|"
                            r"neon|window|shadow|beam|(?<![\w-])rays?(?![\w-])|illuminat|"
                            r"softbox|key(?![\w-])|torch|lantern|bulb|chandelier|fluorescent",
                            re.I)
"""Words near a direction that make it the light's: light words and the sources that give it
(a lamp, the sun, a bare bulb: "bare bulb overhead" places the scene's light above)."""
_SOURCE_IN = re.compile(r"(?<![\w-])(?:sun|sunset|sunrise|moon|lamp|fire|glow|window|headlights|key)"
                        r"(?![\w-])")
"""A light source inside the direction's own words ("the sun at her back"): a light, not a
thing placed behind someone."""
_OPPOSITE = {frozenset({"left", "right"}), frozenset({"front", "behind"}),
             frozenset({"above", "below"}), frozenset({"east", "west"}),
             frozenset({"side", "front"}), frozenset({"side", "behind"})}
"""Directions that cannot both be the key: a light from the side (left or right, whichever)
is no light from the front or from behind."""


_LIGHT_NOT_TIME = frozenset({"sunlight", "sunlit", "daylight", "window light", "skylight",
                             "sunbeams", "sunbeam", "sun rays", "in the dark", "low sun",
                             "long shadows", "golden sunlight"})
"""Words the facts read as a time (a rewrite must not contradict them) that name a quality of
light, not a time of day: "low sun" is a light direction's sun at any edge of the day."""


_CLASSIFIES_NEXT = re.compile(
    r"^[ -](?:" + alts(set(vocab.GARMENTS) | vocab.PERSON_NOUNS | set(words(
        "shift shifts job jobs class classes school train trains bus buses flight flights ferry "
        "paper papers newspaper news edition club clubs watchman watch duty owl owls "
        "backdrop backdrops mural murals painting paintings poster posters wallpaper print "
        "prints postcard postcards photo photograph photographs tapestry cloth"))) +
    r")(?![\w-])", re.I)
"""A time word that classifies the noun after it ("her night shift", "an evening gown",
"the night watchman", "the morning paper") says what kind of thing it is, not when the shot
happens: a nurse ending her night shift walks out into the morning."""


def _classifies(time_words: str, after: str) -> bool:
    """Does the time word name a kind of thing rather than when the shot happens? Either the
    noun after it is one `_CLASSIFIES_NEXT` lists, or it is a setting that keeps hours
    (`_keeps_hours`): "the night market", "a night club", "the morning market" are places named
    for when they open, and a stall-holder sets up the night market at dusk."""
    if _CLASSIFIES_NEXT.match(after):
        return True
    head, _, rest = time_words.partition(" ")
    nxt = re.match(r"[ -]?([a-z][a-z'-]*)", rest or after, re.I)
    return head.lower() in _PARTS_OF_DAY and nxt is not None and _keeps_hours(nxt.group(1).lower())


_PARTS_OF_DAY = frozenset(words("night morning evening afternoon midday noon dawn dusk"))
"""The time nouns that also classify a noun after them ("night market", "morning market")."""


@lru_cache(maxsize=256)
def _keeps_hours(noun: str) -> bool:
    """A setting noun whose WordNet kind is an establishment, an organisation or an activity
    (a market, a club, a bazaar, a shop), which opens at set hours, rather than a location,
    a way or a landform (a street, a city, a beach), which a time word before it places in
    the day ("the night streets")."""
    if noun not in vocab.PLACES and noun.removesuffix("s") not in vocab.PLACES:
        return False  # "night markets": the plural of a setting noun
    kinds = set(kind_chain(noun)) | set(kind_chain(noun, PLACE))
    return any(k in kinds for k in _hour_keeping_kinds())


@lru_cache(maxsize=1)
def _hour_keeping_kinds() -> frozenset[int]:
    """WordNet's kinds of a setting that opens and closes (`_keeps_hours`)."""
    return frozenset(kind_chain(k)[0] for k in ("business establishment", "organization",
                                                "activity") if kind_chain(k))


_DARK_SKY_SIGHT = re.compile(r"northern lights|southern lights|aurora(?: borealis| australis)?|"
                             r"milky way|fireworks", re.I)
"""What only a dark sky shows, which the facts read as night: an aurora, the Milky Way,
fireworks. They need the dark, not an hour of it: the blue hour at either end of the day
shows them too, so they drift only against daylight hours and are no time a later shot owes
(weak)."""


_HYPHENED_PART = re.compile(r"(?<![\w-])(?:early|late|mid)-(?:morning|afternoon|evening|night)"
                            r"(?![\w-])", re.I)
"""A part of the day hyphenated as a modifier ("early-morning sun", "late-afternoon light"):
the same words as "early morning", read with a space (same length, so spans stay put)."""


def time_of_day(text: str) -> list[Mention]:
    """Time of day words: the critique's facts (so "golden hour" and "dusk" agree here as in a
    rewrite), clock times and time idioms (`timeofday`). A shot whose words allow no common
    time (a time-lapse "from dawn to night") states no single time."""
    facts = facts_of(_HYPHENED_PART.sub(lambda m: m.group(0).replace("-", " "), text))
    found: list[Mention] = []
    loose: dict[int, frozenset[str]] = {}
    """What each facts mention allows before continuity narrows it (the consistency check)."""
    weak: list[Mention] = []
    for m in facts.mentions:
        if m.dimension == "time_of_day" and m.text.lower() in _DAYLIGHT:
            weak.append(Mention("time_of_day", text[m.start:m.start + len(m.text)], m.start,
                                m.start + len(m.text), _DAY | {WEAK}))
        if m.dimension == "time_of_day" and m.text.lower() in _LOW_SUN:
            weak.append(Mention("time_of_day", text[m.start:m.start + len(m.text)], m.start,
                                m.start + len(m.text), _LOW_SUN_HOURS | {WEAK}))
        if m.dimension == "time_of_day" and \
                m.text.lower() not in _LIGHT_NOT_TIME and m.text.lower() not in _DAYLIGHT and \
                not _classifies(m.text, text[m.start + len(m.text):]):
            strict = _strict_time(m.text.lower(), m.allows)
            if _BY_NIGHT_LIGHT.fullmatch(m.text):
                strict = strict | {WEAK}  # the light says it is dark, not which hour
            allows = m.allows
            if _DARK_SKY_SIGHT.fullmatch(m.text):
                strict = _DARK_SKY_HOURS  # seen in the dark, not at one hour of it
                allows = _DARK_SKY_HOURS - {WEAK}
            found.append(Mention("time_of_day", text[m.start:m.start + len(m.text)], m.start,
                                 m.start + len(m.text), frozenset(strict)))
            loose[m.start] = allows
    weak += [Mention("time_of_day", m.group(1), m.start(1), m.end(1), _DAY | {WEAK})
             for m in _SLUG_DAY.finditer(text)]
    extra = [Mention("time_of_day", text[t.start:t.end], t.start, t.end,
                     t.families | ({WEAK} if _MEAL.search(text[t.start:t.end]) or
                                   LOW_SUN_RE.fullmatch(text[t.start:t.end]) else set()))
             for t in clock_and_idioms(text)]
    found = [m for m in found if not any(e.start <= m.start and m.end <= e.end for e in extra)]
    found = dedupe(sorted(found + extra, key=lambda m: m.start))
    if not found:
        return dedupe(weak)
    if not frozenset.intersection(*(loose.get(m.start, m.values) for m in found)):
        return []
    return [_with_phase(m) for m in found]


_SLUG_DAY = re.compile(r"(?<![\w-])(?:INT|EXT|I/E|INT\./EXT)\.?\s+[^.\n]{1,60}?\s[-–—]+\s*(DAY)"
                       r"(?![\w-])")
"""The time field of a screenplay slug, "INT. WARD - DAY": the scene is by day, any hour from
dawn to dusk, against a NIGHT slug of the same scene; like "daylight" it names no one hour a
later shot must repeat (weak)."""


_SUN_UP = re.compile(r"golden hour|magic hour|sunset|sunrise|setting sun|rising sun", re.I)
_SUN_DOWN = re.compile(r"blue hour|twilight|afterglow|gloaming", re.I)
SUN_UP, SUN_DOWN = "sun:up", "sun:down"
"""Within dawn or dusk, whether the sun is still up (golden hour, sunset: warm, low, hard) or
already under the horizon (blue hour, twilight: cool, shadowless): the same part of the day,
two lights that do not cut together."""


def _with_phase(m: Mention) -> Mention:
    up, down = bool(_SUN_UP.search(m.text)), bool(_SUN_DOWN.search(m.text))
    if up == down:
        return m
    return Mention(m.anchor, m.text, m.start, m.end, m.values | {SUN_UP if up else SUN_DOWN},
                   m.owner, m.slot)


_MEAL = re.compile(r"(?<![\w-])(?:dinner|supper|lunch|breakfast|brunch|evening meal)"
                   r"(?:-?time)?(?![\w-])", re.I)
"""A meal names the hour only loosely ("during dinner rush", "lunch crowd"): it drifts against
another hour, but it is no light a later shot must repeat (weak)."""

_BY_NIGHT_LIGHT = re.compile(LIT_BY_NIGHT_LIGHT, re.I)
"""A scene lit by a lantern, under streetlights, by candlelight: the facts read evening or
night from it (a rewrite must not add sun), but it names the hour only as a cue, and a
lantern also lights a cellar at noon: it drifts against a stated hour, yet is no time a
later shot must repeat (weak)."""

WEAK = "weak"
"""A value that marks daylight words: they say day, not which part of it."""
_DARK_SKY_HOURS = frozenset({"dawn", "dusk", "night", WEAK})
"""`_DARK_SKY_SIGHT`'s hours: the dark ones, as a cue (weak)."""
_DAYLIGHT = frozenset({"sunlight", "sunlit", "daylight", "sunbeams", "sunbeam", "sun rays",
                       "golden sunlight", "sun-drenched", "sun-dappled", "sun-soaked", "sunny",
                       "sunshine", "bright sun"})
_DAY = frozenset({"dawn", "morning", "midday", "afternoon", "dusk"})
_LOW_SUN = frozenset({"long shadows", "low sun"})
_LOW_SUN_HOURS = frozenset({"dawn", "morning", "afternoon", "dusk"})
"""Long shadows and a low sun are the light of either end of the day: never noon or night
(a drift against either), but no one time a later shot must repeat (weak)."""
"""Sunlight and daylight name a quality of light at any hour of the day, so they never drift
against a time of day, nor are they a time a later shot must repeat; against night they
are a change (a sunlit office after a night one)."""


_STRICT_TIME: list[tuple[re.Pattern[str], frozenset[str]]] = [
    (re.compile(r"late afternoon|afternoon sun"), frozenset({"afternoon", "dusk"})),
    (re.compile(r"afternoon"), frozenset({"afternoon"})),
    (re.compile(r"early morning|first light|daybreak|break of day"),
     frozenset({"dawn", "morning"})),
    (re.compile(r"morning|breakfast|rising sun"), frozenset({"dawn", "morning"})),
    (re.compile(r"midday|noon|overhead sun"), frozenset({"midday"})),
]
"""Continuity reads time words more narrowly than a rewrite's contradiction check does: the
facts let "morning" reach midday and "afternoon" reach midday too, so a rewrite may say
either, but a morning shot cut against an afternoon shot is a jump."""


def _strict_time(words: str, allows: frozenset[str]) -> frozenset[str]:
    for pattern, values in _STRICT_TIME:
        if pattern.search(words):
            return values
    return allows


def _places_a_thing(before: str) -> bool:
    """Whether "overhead" or "behind him" places the thing named just before it ("stars
    overhead", "hay bales behind him") rather than a light ("a bulb hanging overhead", "the
    sun behind her"): no light source among the four words before, and the word right before
    is not a verb of lighting."""
    found = re.findall(r"[a-z][a-z'-]*", before.split(",")[-1])[-4:]
    if not found or any(w in LIGHT_SOURCES or w.endswith("light") for w in found):
        return False
    return found[-1] not in {"lit", "shines", "shining", "glows", "glowing", "burns", "blazes"}


_FACE_PART = (r"(?:cheek|cheeks|cheekbone|jaw|jawline|temple|profile|brow|"
              r"(?:side|half) of (?:her|his|their|the|its) (?:face|head|body))")
_FACE_SIDE = rx(r"(?:(?:the|her|his|their|its) )?(left|right)(?:-hand)?(?:[- ](?:side|half))? "
                + _FACE_PART)
_LIT_AFTER = re.compile(r"^[\w' -]{0,20}?(?<![\w-])(?:is |are |stays? |gets? )?(?:lit|sunlit|"
                        r"lamplit|bright|brightly lit|glow(?:s|ing)?|illuminated|warm(?:ed)? by|"
                        r"catch(?:es|ing)? (?:the |a |some )?(?:[a-z-]+ )?(?:light|sun|glow)|"
                        r"in (?:the )?(?:[a-z-]+ )?(?:light|sun|glow))(?![\w-])")
_DARK_AFTER = re.compile(r"^[\w' -]{0,20}?(?<![\w-])(?:is |are |stays? |falls? |falling |"
                         r"sinks? |sinking |goes |going |left |kept )?(?:in(?:to)? (?:deep |soft "
                         r"|full |heavy )?(?:shadow|shade|darkness)|shadowed|dark|unlit)(?![\w-])")
_SHADE_BEFORE = re.compile(r"(?<![\w-])(?:shadows?|shade|darkness)(?:\s+[a-z-]+){0,2}?\s+"
                           r"(?:on|over|across|covers?|covering|hides?|hiding)\s+$")
_LIGHT_ONTO = re.compile(r"(?:light|lit|sun|sunlight|glow|lamp|lamplight|beam|beams|key|rays?|"
                         r"firelight|candlelight|moonlight|neon)(?:\s+[a-z-]+){0,3}?\s+"
                         r"(?:on|onto|across|over|along|hits?|hitting|catches|catching|grazes|"
                         r"grazing|rakes?|raking|falls? on|falling on|touches|touching|"
                         r"picks? out|picking out|sculpts?|sculpting|warms?|warming)\s+$")


def face_sides(low: str) -> list[Mention]:
    """The side of a face (or body) said to be lit or dark: "her left cheek lit", "his right
    cheek catches the light" are a light from that side; "the left half of his face in
    shadow", "shadow across her right cheek" a light from the other. A side of the face
    with no light word on either side ("a scar on her left cheek") is no light."""
    out = []
    for m in _FACE_SIDE.finditer(low):
        side = m.group(1)
        clause = re.split(r"[,.;:!?]", low[max(0, m.start() - 60):m.start()])[-1]
        after = low[m.end():m.end() + 60]
        start, end = m.start(), m.end()
        lit, dark = _LIT_AFTER.match(after), _DARK_AFTER.match(after)
        onto, shade = _LIGHT_ONTO.search(clause), _SHADE_BEFORE.search(clause)
        if dark and not (lit and lit.end() < dark.end()):
            value, end = _FLIP[side], m.end() + dark.end()
        elif lit:
            value, end = side, m.end() + lit.end()
        elif shade:
            value, start = _FLIP[side], m.start() - len(clause) + shade.start()
        elif onto:
            value, start = side, m.start() - len(clause) + onto.start()
        else:
            continue
        out.append(Mention("light_direction", low[start:end], start, end, frozenset({value})))
    return out


_SHADOW_WAY = re.compile(
    r"(?<![\w-])shadows?\s+(?:[a-z-]+\s+){0,2}?(?:falls?|falling|stretch(?:es|ing)?|points?|"
    r"pointing|reach(?:es|ing)?|lies|lie|lying|trails?|trailing|runs?|running|extends?|"
    r"extending|spills?|spilling|lengthens?|lengthening|streams?|streaming)\s+(?:out\s+|long\s+|"
    r"far\s+)?(?:(?P<to>toward|towards|at|into) (?:the )?(?:camera|lens|viewer|us)|"
    r"(?P<ahead>ahead of|in front of) (?:her|him|them|it)|(?P<back>behind) (?:her|him|them|it)|"
    r"(?P<away>away from) (?:the )?(?:camera|lens|viewer|us))(?![\w-])")
"""A shadow's way along the lens axis: toward the camera or ahead of a walker, the light is
behind them; behind them or away from the camera, the light is in front."""


def shadow_ways(low: str) -> list[Mention]:
    return [Mention("light_direction", low[m.start():m.end()], m.start(), m.end(),
                    frozenset({"behind" if m.group("to") or m.group("ahead") else "front"}))
            for m in _SHADOW_WAY.finditer(low)]


def light_directions(text: str, low: str) -> list[Mention]:
    faces = [Mention(f.anchor, text[f.start:f.end], f.start, f.end, f.values)
             for f in face_sides(low) + shadow_ways(low)]
    out = list(faces)
    for pattern, value in _DIRECTION_RES:
        for m in pattern.finditer(text):
            own = m.group(0).lower()
            if any(f.start <= m.start() < f.end or m.start() <= f.start < m.end()
                   for f in faces):
                continue  # read with the face it lights (`face_sides`)
            if not _LIGHT_WORD.search(own) and not _LIGHT_CONTEXT.search(
                    low[max(0, m.start() - 45):m.end() + 25]):
                continue  # "walks to the left": a direction of movement, not of light
            if not _LIGHT_WORD.search(own) and _CAMERA_BEFORE.search(
                    low[max(0, m.start() - 25):m.start()]):
                continue  # "shot from above", "seen from behind": where the camera is
            if value in {"above", "behind"} and not _LIGHT_WORD.search(own) and \
                    not _SOURCE_IN.search(own) and _PLACES_WORD.search(own) and \
                    _places_a_thing(low[max(0, m.start() - 40):m.start()]):
                continue  # "stars overhead", "hay bales behind him": where a thing is
            if value in {"left", "right"} and re.search(
                    r"(?:pan|pans|panning|truck|trucks|tracking|turns?|looks?|walks?|moves?|"
                    r"runs?|exits?|enters?|glances?|steps?|drifts?|slides?|strafe\w*|arcs?|"
                    r"orbits?)\s+(?:\w+\s+){0,2}$", low[max(0, m.start() - 30):m.start()]) \
                    and not _LIGHT_MOVES.search(
                        re.split(r"[,.;:!?]", low[max(0, m.start() - 80):m.start()])[-1]):
                continue
            if value == "behind" and _BEHIND_CAMERA.match(low[m.start():]):
                value = "front"  # "the sun behind the camera": it lights the faces
            start, end = _light_phrase(low, m.start(), m.end())
            clause = re.split(r"[,.;:!?]", low[max(0, m.start() - 60):m.start()])[-1]
            if _FILL.search(clause) and not _KEY.search(clause):
                continue  # "fill from the right": the soft side, not where the light comes from
            dark = _IN_SHADOW.match(low[m.end():m.end() + 50]) if value in {"left", "right"} \
                else None
            if dark:
                value = _FLIP[value]  # "the left side of her face in shadow": lit from the right
                end = m.end() + dark.end()
                lead = re.search(r"(?:the|her|his|their) $", low[max(0, start - 6):start])
                start -= len(lead.group(0)) if lead else 0
            shade_on = _SHADOW_ON.search(low[max(0, m.start() - 12):m.start()]) \
                if value in {"left", "right"} else None
            if shade_on:
                value = _FLIP[value]
                start = min(start, max(0, m.start() - 12) + shade_on.start())
            shadows = _SHADOWS_FALL.search(clause)
            if shadows and value in _FLIP:
                value = _FLIP[value]  # "shadows fall to the right": lit from the left
                start = m.start() - len(clause) + shadows.start()
            weak = {WEAK} if _placement(own, low[start:end], value,
                                        low[max(0, m.start() - 40):m.start()],
                                        low[end:end + 40]) or \
                _dark_window(low[start:end], text) else set()
            out.append(Mention("light_direction", text[start:end], start, end,
                               frozenset({value, *weak})))
    return [_in_frame(m, text) for m in dedupe(out)]


_BODY_SIDE = re.compile(r"(?<![\w-])(?:(?:her|his|their|its)\s+(?:own\s+)?(?:left|right)|"
                        r"(?:left|right)\s+(?:side|half|cheek|profile|shoulder|temple|ear|eye)"
                        r"s?\s+of\s+(?:her|his|their|its)|(?:left|right)\s+(?:side|half)\s+of\s+"
                        r"(?:her|his|their|its)\s+(?:face|head|body))(?![\w-])", re.I)
_FRAME_SIDE = re.compile(r"(?<![\w-])(?:(?:screen|frame|camera)[- ]?(?:left|right)|(?:left|right)"
                         r"\s+of\s+(?:the\s+)?(?:frame|screen|shot|picture))(?![\w-])", re.I)
_FACES_CAMERA = re.compile(r"(?<![\w-])(?:fac(?:es|e|ing)\s+(?:the\s+)?(?:camera|lens|viewer|us|"
                           r"audience)|(?:looks?|looking|stares?|staring|gazes?|gazing)\s+"
                           r"(?:straight\s+|directly\s+|right\s+)?(?:into|at|down)\s+(?:the\s+)?"
                           r"(?:camera|lens)|(?:talks?|speaks?|sings?)\s+(?:straight\s+)?to\s+"
                           r"camera|(?:front-on|head-on|face-on))(?![\w-])", re.I)
"""A side said of a person ("the lamp on her right", "the right side of her face") is her
side; a side said of the picture ("screen left", "camera-right") is the frame's. With the
person facing the camera her right is screen left, so "the desk lamp is on her right" and
"warm key from screen left" are one light; with her facing not said, her right is no side of
the frame (`sides_comparable`)."""


def _in_frame(m: Mention, text: str) -> Mention:
    """A left or right light said of a person who faces the camera, as the frame sees it."""
    side = m.values & {"left", "right"}
    if side and _FRAME_SIDE.search(m.text):
        return replace(m, slot="frame")
    if not side or not _BODY_SIDE.search(text[max(0, m.start - 25):m.end + 30]):
        return m
    if not _FACES_CAMERA.search(text):  # her side, which way she faces not said
        return replace(m, slot="body")
    return replace(m, values=m.values - side | {_FLIP[next(iter(side))]})


def sides_comparable(a: list[Mention], b: list[Mention]) -> bool:
    """Whether two shots' left and right (their light-direction mentions) can be compared:
    not when one says the side of a person whose facing it does not give ("the window on her
    right": slot `body`) and the other the side of the frame ("from screen left": `frame`);
    her right is screen left only when she faces the camera. A bare "from the left" is read
    in the writer's one frame of reference, and compares with either."""
    sa, sb = {m.slot for m in a}, {m.slot for m in b}
    return not ("body" in sa and "frame" in sb or "frame" in sa and "body" in sb)


_LIGHT_MOVES = re.compile(
    r"^(?:(?!(?<![\w-])(?:he|she|they|him|her|his|their|them)(?![\w-]))[\w' -])*?(?<![\w-])"
    r"(?:the |its |a )?(?:[a-z-]+ ){0,2}(?:sun|sun's|sunlight|light|beams?|shafts?|rays?|"
    r"reflections?|glints?|glare|flares?|glow|streaks?|sunbeams?)(?![\w-])"
    r"(?:(?!(?<![\w-])(?:he|she|they|him|her|his|their|them)(?![\w-]))[\w' -])*$")
"""A clause whose subject is the light itself ("the gold streak of the sun's reflection
runs in from frame left"), with no character in it: its movement says where the light comes
from, unlike someone walking to the left."""
_BEHIND_CAMERA = re.compile(r"(?:from )?behind (?:the )?(?:camera|lens|viewer|us)(?![\w-])")
_FILL = re.compile(r"(?<![\w-])(?:fill|bounce|negative fill|fill light)(?![\w-])")
_KEY = re.compile(r"(?<![\w-])(?:key|key light|keylight|sun|sunlight|window)(?![\w-])")
_SHADOWS_FALL = re.compile(r"shadows?\s+(?:\w+\s+){0,2}?(?:fall|falls|falling|stretch|stretches|"
                           r"stretching|point|points|pointing|reach|reaches|reaching|lie|lies|"
                           r"cast|thrown|spill|spills)(?:\s+\w+){0,4}\s*$")
_IN_SHADOW = re.compile(r"^(?:(?!(?<![\w-])(?:left|right)(?![\w-]))[\w' -](?![,.;:]))*?"
                        r"(?:(?:falls?|falling|sinks?|sinking|goes|going|"
                        r"lies|is|stays?|kept|left) )?(?:in|into) (?:deep |soft |full |heavy )?"
                        r"(?:shadow|shade|darkness)|^ side(?: of (?:her|his|their|the) \w+)? "
                        r"(?:is )?(?:shadowed|dark|unlit)")
"""A side named as the dark one ("the left side of her face in shadow", "the right side of
her face falling into shadow"): the light comes from the other side. The words between never
name the other side ("a key light from the left that leaves the right side of his face in
shadow" is lit from the left)."""
_SHADOW_ON = re.compile(r"(?<![\w-])(?:shadows?|shade|darkness)\s+$")
"""Shadows placed on a side ("deep shadows on the left of his face"): lit from the other."""
_FLIP = {"left": "right", "right": "left", "front": "behind", "behind": "front"}
"""A shadow falls away from its light: shadows falling to the right are a light from the
left."""


_FIXTURES = frozenset({"bulb", "bulbs", "tubes", "fluorescents", "fluorescent", "lamp", "lamps",
                       "lantern", "lanterns", "chandelier", "fixture", "fixtures", "panel",
                       "panels", "strip", "strips"})
_THING_BEHIND = re.compile(r"^behind (?:the|a|an) ([a-z-]+)$")


_LIGHTS_AFTER = re.compile(r"^,?\s+(?:and\s+)?(?:[a-z]+-)?(?:light(?:s|ing)?|lit|backlit|"
                           r"silhouett(?:e|es|ed|ing)|halo(?:s|es|ed|ing))(?![\w-])")
"""A verb of lighting right after the direction, the source its subject ("the sun behind the
herd rim-lighting the dust", "the lamp behind the vase, lighting the wall"): the phrase says
what the light does to the scene, not only where a source stands."""


def _placement(own: str, phrase: str, value: str, before: str, after: str = "") -> bool:
    """Whether a direction only places a source in the set ("bare bulbs overhead", "the sun
    hangs low behind the trees") rather than saying where the light on the scene comes from:
    no light word of its own or in a verb of lighting just after it (`_LIGHTS_AFTER`), and a
    fixture hanging overhead or the sun behind a thing that is not a character. It still
    drifts against a light said the other way, but a later shot need not repeat it (weak)."""
    if _LIGHT_WORD.search(phrase) or _SOURCE_IN.search(own) or _LIGHTS_AFTER.match(after):
        return False
    if value == "above" and own == "overhead":
        words = re.findall(r"[a-z][a-z-]*", before.split(",")[-1])[-3:]
        return any(w in _FIXTURES for w in words)
    behind = _THING_BEHIND.match(own)
    return value == "behind" and behind is not None and \
        behind.group(1) not in vocab.PERSON_NOUNS and behind.group(1) != "couple"


_PLACES_WORD = re.compile(r"overhead|above|behind")
"""The words that can place a thing as well as a light ("stars overhead", "hay bales behind
him"); "high noon" is the sun's own height, never where a thing stands."""
_WINDOW_ONLY = re.compile(r"^(?:(?!light|lit|sun|moon|lamp|glow|neon|fire|candle)[\w' -])*"
                          r"(?<![\w-])windows?(?![\w-])(?:(?!light|lit|sun|moon|lamp|glow|neon|"
                          r"fire|candle)[\w' -])*$")


def _dark_window(phrase: str, text: str) -> bool:
    """Whether a direction's only source is a window in a night shot ("rain streaking the
    window behind her, rainy night"): a window lets daylight in, so after dark it only places
    the window in the set (weak: it still drifts against a light said the other way, but a
    later shot need not repeat it). A window said to glow or light the scene is a light."""
    return bool(_WINDOW_ONLY.match(phrase)) and any(
        "night" in m.values and WEAK not in m.values for m in time_of_day(text))


def _light_phrase(low: str, start: int, end: int) -> tuple[int, int]:
    """Grow a direction to the light words just before it ("warm key light from the left")."""
    m = _LIGHT_BEFORE.search(low[max(0, start - 80):start])
    if m and not re.search(r"[,.;]", m.group(1)):
        grown = m.group(1)
        lead = re.match(r"(?:.*(?<![\w-])(?:into|under|in|on|at|by|with|from|through|of|and|"
                        r"a|an|the|his|her|their|its)\s+)", grown)
        if lead:
            grown = grown[lead.end():]  # "leaning into a hard key light": the light's words
        return start - len(grown), end
    return start, end


def opposite(a: str, b: str) -> bool:
    return frozenset({a, b}) in _OPPOSITE
