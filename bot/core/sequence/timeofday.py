"""Time of day words the critique's facts do not read, by family: clock times and the
idioms of each part of the day ("the small hours", "lunchtime", "the gloaming").

A clock time is read by its grammar (an hour, optional minutes, am/pm or a 24-hour form) and
placed in the family its hour belongs to, with the neighbouring family at the edges (7 am is
dawn or morning), so "3 a.m." clashes with "mid-afternoon" and "6:40 am" agrees with "dawn".
The families are the facts' own: dawn, morning, midday, afternoon, dusk, night.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import cached_re as re
from bot.core.critique.anchor_words import words

_FAMILY_OF_HOUR: dict[int, frozenset[str]] = {}
for _hour in range(24):
    if _hour <= 4 or _hour >= 21:
        _FAMILY_OF_HOUR[_hour] = frozenset({"night"})
    elif _hour == 5:
        _FAMILY_OF_HOUR[_hour] = frozenset({"night", "dawn"})
    elif _hour == 6 or _hour == 7:
        _FAMILY_OF_HOUR[_hour] = frozenset({"dawn", "morning"})
    elif _hour <= 10:
        _FAMILY_OF_HOUR[_hour] = frozenset({"morning"})
    elif _hour == 11:
        _FAMILY_OF_HOUR[_hour] = frozenset({"morning", "midday"})
    elif _hour <= 13:
        _FAMILY_OF_HOUR[_hour] = frozenset({"midday"})
    elif _hour <= 16:
        _FAMILY_OF_HOUR[_hour] = frozenset({"afternoon"})
    elif _hour == 17:
        _FAMILY_OF_HOUR[_hour] = frozenset({"afternoon", "dusk"})
    elif _hour <= 19:
        _FAMILY_OF_HOUR[_hour] = frozenset({"dusk"})
    else:
        _FAMILY_OF_HOUR[_hour] = frozenset({"dusk", "night"})

_CLOCK = re.compile(
    r"(?<![\w:.])(?:at |around |about |just after |just before |past )?"
    r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?![\w])"
    r"|(?<![\w:.])(?P<h24>[01]\d|2[0-3]):(?P<m24>[0-5]\d)(?![\w:])"
    r"|(?<![\w-])(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r" (?:o'clock )?(?:in the (?P<part>morning|afternoon|evening|night)|at night)(?![\w-])",
    re.I)
_TC = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.:]\d{1,3})?s?"
_TIMECODE = re.compile(r"(?<![\w:.])" + _TC + r"\s*[-–—]\s*" + _TC + r"(?![\w:])|\[\s*" + _TC +
                       r"\s*\]")
"""A timecode: a span of the video ("00:04-00:08", "0:12–0:16") or a bracketed position
("[00:16]"), the shot's place on the timeline, not a clock time."""
_WORD_HOURS = {w: i for i, w in enumerate(
    words("zero one two three four five six seven eight nine ten eleven twelve"))}

_STREET_LAMP = (r"(?:street[- ]?lights?|street[- ]?lamps?|lamp-?posts?|gas[- ]?lamps?|"
                r"gas[- ]?lights?|(?:porch|yard|security|garden) (?:lights?|lamps?|bulbs?)|"
                r"lamps along the \w+)")
"""Lamps the town lights for the dark: coming on or burning they say dusk or night, going off
they say dawn, whatever light the shot's other words name."""

_SUN = r"(?:the |a )?(?:[a-z-]+ )?sun,? "
"""The sun as the subject of a clause ("the sun sinks", "the pale winter sun is rising"):
where it is on its path says the hour, whatever verb of that path is used."""

_SUN_IS_UP = "sun:up"
"""`light.SUN_UP`: a sun on its way up or down is still above the horizon (golden, low, hard
light), not the blue hour after it has gone."""

LOW_SUN = frozenset({"dawn", "morning", "afternoon", "dusk"})
"""A sun low in the sky, sitting on the rooftops or the horizon, or long shadows: either end of
the day, never noon nor night (a cue of the hour, not an hour a later shot must repeat)."""

_LOW_SUN_WORDS = (
    _SUN + r"(?:(?:is|was|sits|sat|sitting|hangs|hanging|rests|resting|hovers|hovering|now|"
    r"already|just|still|perched|balanced|poised|riding) )*(?:low|(?:on|touching|grazing|"
    r"kissing|at|just above|barely above|skimming) (?:the |a )?(?:[a-z-]+ )?(?:horizon|rooftops|"
    r"roofs|roofline|treeline|tree line|trees|hills?|hilltops|ridge|ridgeline|skyline|sea|water|"
    r"dunes|mountains?|peaks))(?![\w-])|long (?:[a-z-]+ )?shadows")
_FULL_DARK_WORDS = r"(?:full|total|complete) dark(?:ness)?|(?:fully|completely|totally) dark"
_SKY_UP_WORDS = r"(?:stars|moon) (?:are |is |already |now )*(?:out|up)|(?:moon|stars) (?:overhead|high)"
_MOONRISE_WORDS = (r"(?:the |a )?(?:[a-z-]+ )?moon (?:is |now )?(?:rises|rising|rose|climbs|"
                   r"climbing|comes up|coming up)")
_SKY_BLACKS = r"(?:black|inky|ink-black|pitch-black|jet-black)"
_BLACK_SKY_WORDS = (r"(?:the )?sky (?:is |has |already |now )*(?:gone |going |goes |turned |"
                    r"turning |turns )?" + _SKY_BLACKS + r"(?! with)|(?:lit )?(?:against |under |"
                    r"beneath )?(?:a |the )?" + _SKY_BLACKS + r" sk(?:y|ies)")
_SHORT_SHADOW_WORDS = r"short (?:hard |harsh |black |sharp |stubby )?shadows"
LOW_SUN_RE = re.compile(r"(?:" + "|".join((_LOW_SUN_WORDS, _FULL_DARK_WORDS, _SKY_UP_WORDS,
                                           _MOONRISE_WORDS, _BLACK_SKY_WORDS,
                                           _SHORT_SHADOW_WORDS)) + r")", re.I)
"""Cues of the hour rather than an hour said: where the sun is, by its height ("the sun low
over the desert", "the sun sitting on the rooftops", "long amber shadows", "short hard
shadows"), a full dark, the stars or the moon out, a black sky (night). They drift against an
hour they cannot be, and are no hour a later shot owes. A sky's colour ("a black sky", "under
inky skies") is the look of the place as much as the hour (the sky over a lunar plain is black
in harsh sunlight), so it is a cue; "a night sky" names the hour."""

_IDIOMS: list[tuple[str, frozenset[str]]] = [
    (r"small hours|wee hours|dead of (?:the )?night|middle of the night|late at night|"
     r"late-night|late night|witching hour|after midnight", frozenset({"night"})),
    (r"pre-?dawn|before dawn|before sunrise|before first light", frozenset({"night", "dawn"})),
    (r"sun-?up|crack of dawn|cockcrow|early light", frozenset({"dawn", "morning"})),
    (r"mid-?morning", frozenset({"morning"})),
    (r"(?:the )?(?:birds|gulls|seagulls|sea ?birds|roosters?|cockerels?|town|city|village|"
     r"street|market|harbou?r) (?:are |is |just |slowly |only )*(?:waking|wakes|wake|stirring|stirs|"
     r"stir)(?: up)?|(?:roosters?|cockerels?) (?:crow|crows|crowing)|dawn chorus|morning chorus",
     frozenset({"dawn", "morning"})),
    (r"lunch-?time|lunch hour|noonday|high[- ]noon|high sun|midday heat|sun (?:is )?(?:directly )?"
     r"overhead", frozenset({"midday"})),
    (r"mid-?afternoon|tea-?time|tea time", frozenset({"afternoon"})),
    (r"magic hour", frozenset({"dawn", "morning", "afternoon", "dusk"})),
    (r"gloaming|last light|end of the day|after sunset|sun-?down|dinner-?time|supper-?time|"
     r"moonrise", frozenset({"dusk", "night"})),
    (r"(?:under|beneath|below|by the light of|lit by) (?:a|the) (?:[a-z-]+ )?moon|"
     r"(?:full|crescent|harvest|half|gibbous|waning|waxing) moon(?! [a-z]*(?:table|window|"
     r"shape|shaped))|moon (?:is )?(?:up|high|overhead)|under (?:the|a sky of) stars|"
     r"stars (?:are )?(?:overhead|above|glitter|glittering|twinkle|twinkling|wheel|wheeling|"
     r"come out|coming out)|bed-?time|lights-out|night sky|(?:lit )?against (?:a|the) night sky",
     frozenset({"night"})),
    (r"(?:at|over|during|for|after|eats?|eating|serves?|serving|cooks?|cooking|sits? down to|"
     r"sitting down to) (?:a |an |the |their |his |her )?(?:late |early |quiet |family |"
     r"candlelit |long )?(?:dinner|supper)|(?:dinner|supper) (?:party|table|service|rush|"
     r"guests)|evening meal", frozenset({"dusk", "night"})),
    (r"first (?:rays|light|sun|glow)(?: of (?:the )?(?:sun|day|morning))?|(?:pink|orange|rose|red|"
     r"pale|grey|gray|paling|lightening|brightening|glowing)(?: [a-z]+){0,3} in the east|"
     r"east(?:ern)? sky (?:pales|paling|lightens|lightening|glows|glowing|brightens|"
     r"brightening|turns|turning)", frozenset({"dawn", "morning"})),
    (r"late[- ]day (?:sun|light)|end of (?:the )?(?:work ?)?day|day is ending|siesta",
     frozenset({"afternoon", "dusk"})),
    (r"(?:the )?sun (?:has|had) (?:set|gone down|dipped below (?:the )?[a-z]+)|after dark|"
     r"night-?fall|(?:as |once )?night falls|pitch[- ]dark(?:ness)?|(?:city|town|harbou?r) "
     r"lights (?:twinkl|glitter|sparkl|glow|blink)\w*", frozenset({"dusk", "night"})),
    (r"closing[- ]time|last orders|last call|after[- ]hours", frozenset({"dusk", "night"})),
    (r"(?:at|over|during|for|after|eats?|eating|serves?|serving) (?:a |an |the |their |his |"
     r"her )?(?:quick |late |early |long |packed |school )?lunch|lunch (?:crowd|rush|break|"
     r"queue|line)", frozenset({"midday"})),
    (r"(?:the )?sun (?:is )?(?:rising|rises|climbing|climbs|peeking|peeks|cresting|crests|"
     r"clearing|clears)(?: over| above| from behind)? (?:the |a )?(?:[a-z-]+ )?(?:horizon|hills?|mountains?|"
     r"ridge|sea|rooftops|trees|skyline)", frozenset({"dawn", "morning"})),
    (_STREET_LAMP + r"(?: [a-z]+){0,2}? (?:(?:are|is|start|starts|begin|begins|already) )?"
     r"(?:coming on|come on|comes on|(?:flicker|blink|switch|turn|click|stutter|sputter)(?:s|es|"
     r"ing|ed)? on|light(?:s|ing)? up|on|lit|(?:glow|burn|shine|blaze|buzz|hum)(?:s|es|ing)?|"
     r"ablaze)|(?:lit|glowing|burning) " +
     _STREET_LAMP, frozenset({"dusk", "night"})),
    (_SUN + r"(?:is |are |was )?(?:(?:slowly|already|just|now) )?(?:setting|sets|sinking|sinks|"
     r"sank|dipping|dips|dipped|going down|goes down|went down|slipping|slips|dropping|drops|"
     r"lowering|lowers)(?![\w-])|(?:sinking|"
     r"dying|fading|dipping|departing|westering) sun", frozenset({"dusk", _SUN_IS_UP})),
    (_SUN + r"(?:is |was )?(?:(?:slowly|already|just|now) )?(?:rising|rises|rose|climbing|climbs|"
     r"climbed|coming up|comes up|came up|creeping up|creeps up|edging up|edges up|peeking up|"
     r"peeks up)(?![\w-])|(?:climbing|newly risen|early) sun",
     frozenset({"dawn", "morning", _SUN_IS_UP})),
    (_SUN + r"(?:is |stands |hangs |sits |burns |blazes |beats down )?(?:high|directly|"
     r"straight|right)(?: up)? ?(?:overhead|above|in the sky)|sun at (?:its )?(?:zenith|"
     r"highest|peak)", frozenset({"midday"})),
    (_LOW_SUN_WORDS, LOW_SUN),
    (_FULL_DARK_WORDS, frozenset({"night"})),
    (_SKY_UP_WORDS, frozenset({"night"})),
    (_MOONRISE_WORDS, frozenset({"dusk", "night"})),
    (_BLACK_SKY_WORDS, frozenset({"dusk", "night"})),
    (_SHORT_SHADOW_WORDS, frozenset({"midday"})),
    (r"(?:sky|skies|heavens) (?:full of|filled with|thick with|strewn with|studded with|"
     r"dusted with|crowded with|ablaze with|alive with|scattered with|pricked with|speckled "
     r"with|sprinkled with|littered with|carpeted with|blazing with) stars|stars (?:fill|dot|"
     r"speckle|pepper|crowd|cover|stud|spangle|prick|spill across|wheel across|blaze across|"
     r"scatter across)(?:s|ed|ing)? (?:the |a )?(?:[a-z-]+ )?(?:sky|skies|heavens)",
     frozenset({"night"})),
    (_STREET_LAMP + r"(?: [a-z]+){0,2}? (?:(?:are|is|start|starts|begin|begins) )?(?:going off|"
     r"go off|goes off|(?:flicker|blink|switch|turn|click)(?:s|es|ing|ed)? off)",
     frozenset({"night", "dawn"})),
]
_IDIOM_RES = [(re.compile(r"(?<![\w-])(?:" + p + r")(?![\w-])", re.I), v) for p, v in _IDIOMS]


@dataclass(frozen=True)
class TimeWords:
    start: int
    end: int
    families: frozenset[str]


def clock_and_idioms(text: str) -> list[TimeWords]:
    """Clock times and time idioms in a prompt, each with the families of the day it allows."""
    out: list[TimeWords] = []
    codes = [(c.start(), c.end()) for c in _TIMECODE.finditer(text)]
    for m in _CLOCK.finditer(text):
        if any(a <= m.start() < b for a, b in codes):
            continue  # "[00:04-00:08]": where the shot sits on the timeline, not the hour
        families = _clock_families(m)
        if families:
            start = m.start("h") if m.group("h") else m.start()
            out.append(TimeWords(start, m.end(), families))
    for rx, families in _IDIOM_RES:
        out += [TimeWords(m.start(), m.end(), families) for m in rx.finditer(text)]
    return out


def _clock_families(m: re.Match[str]) -> frozenset[str] | None:
    if m.group("h") is not None:
        hour = int(m.group("h"))
        if hour > 12 or hour == 0:
            return None  # "14 pm": not a time
        pm = m.group("ampm").lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        return _FAMILY_OF_HOUR[hour]
    if m.group("h24") is not None:
        return _FAMILY_OF_HOUR[int(m.group("h24"))]
    hour = _WORD_HOURS[m.group("word").lower()]
    part = (m.group("part") or "night").lower()
    if part == "morning":
        hour = hour % 12
    elif part == "afternoon" or (part == "evening" and hour < 12):
        hour = hour % 12 + 12
    elif part == "night":
        hour = hour % 12 + (12 if hour >= 7 else 0)
    return _FAMILY_OF_HOUR[hour]
