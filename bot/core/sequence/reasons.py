"""A stated reason for a change, read as a clause: a subject that can change (the light, the
sun, the clouds, the power, the night; a character's clothes) with a verb of change
("the generator dies", "the clouds close over the clearing", "the sun has slipped below the
hills", "Sam has swapped the suit for a tracksuit").

The guide's definition: a change of light, palette, time or wardrobe between shots is drift
unless the sequence says why. Writers say why in a clause, in their own words, so a list of
phrases misses most of them; the clause's grammar (which subject, which kind of verb) is what
tells "the light fades" (a reason) from "the light falls from the left" (a direction). The
phrase tables in `anchor_words` stay as a first pass: they hold idioms with no subject
("flashback", "years later", "blackout").
"""

from __future__ import annotations

from functools import lru_cache

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab
from bot.core.critique.anchor_words import words
from bot.core.sequence.colour import hues_of_word
from bot.core.sequence.spans import NAME_WORD

_SUBJECTS: dict[str, str] = {
    **dict.fromkeys(words("light lights lamp lamps bulb bulbs sun sunlight daylight moon moonlight "
                    "cloud clouds storm fog mist haze smoke power generator electricity "
                    "neon sign signs candle candles fire flames torch torches flashlight "
                    "headlights lightning sky shadows shade glow beam beams spotlight "
                    "streetlights streetlamps lanterns lantern tubes fluorescents "
                    "fluorescent chandelier"), "light"),
    **dict.fromkeys(words("night dusk dawn darkness dark day evening morning afternoon hours days "
                    "weeks months years decades seasons time twilight"), "time"),
    **dict.fromkeys(words("grade colour color colours colors palette image picture frame world "
                    "screen footage"), "look"),
}
"""What a clause's subject can excuse: the light (direction, palette, time of day), the time
(time of day, light), the look (palette, style, lens)."""

_CHANGE_VERBS = (
    "go goes went gone going|turn turns turned turning|become becomes became becoming|"
    "fade fades faded fading|dim dims dimmed dimming|die dies died dying|fail fails failed "
    "failing|flicker flickers flickered flickering out|flicker flickers flickered flickering "
    "on|drop drops dropped dropping|slip slips "
    "slipped slipping|sink sinks sank sunk sinking|set sets setting|rise rises rose risen "
    "rising|break breaks broke broken breaking|part parts parted parting|close closes closed "
    "closing|roll rolls rolled rolling|gather gathers gathered gathering|darken darkens "
    "darkened darkening|brighten brightens brightened brightening|shift shifts shifted "
    "shifting|change changes changed changing|drain drains drained draining|return returns "
    "returned returning|burst bursts bursting|swallow swallows "
    "swallowed swallowing|cover covers covered covering|block blocks blocked blocking|clear "
    "clears cleared clearing|lift lifts lifted lifting|descend descends descended descending|"
    "wane wanes waned waning|lengthen lengthens lengthened lengthening|deepen deepens deepened "
    "deepening|cool cools cooled cooling|warm warms warmed warming|switch switches switched "
    "switching|sputter sputters sputtered sputtering out|ignite ignites ignited igniting|"
    "explode explodes exploded exploding|flood floods flooded flooding back|flood floods flooded "
    "flooding in|seep seeps seeped seeping back|come comes came coming back|"
    "pass passes passed passing|move moves moved moving in|sweep sweeps swept sweeping in|"
    "arrive arrives arrived arriving|creep creeps crept creeping|give gives gave given giving "
    "way|cut cuts cutting out|come comes came coming on|die dies down|blow blows blew blown "
    "out|fall falls fell fallen falling|wash washes washed washing out|bleed bleeds bled "
    "bleeding out|kick kicks kicked kicking in|snap snaps snapped snapping on|"
    "pour pours poured pouring in|stream streams streamed streaming in|"
    "move moves moved moving behind|slide slides slid sliding behind|disappear disappears "
    "disappeared disappearing|vanish vanishes vanished vanishing|emerge emerges emerged "
    "emerging|hide hides hid hidden hiding|peek peeks peeked peeking out"
)
"""Verbs of a change of state. A form list ending in a particle needs that particle ("comes
on", not "comes from the left"; "cuts out", not "cuts across")."""

_WEATHER = frozenset(words("cloud clouds storm fog mist haze smoke sky"))
_SKY = frozenset(words("sun moon"))
_TIME = frozenset(w for w, k in _SUBJECTS.items() if k == "time")
_SUBJECTS_OF: dict[str, frozenset[str]] = {
    **dict.fromkeys(words("fall falls fell fallen falling"), _TIME),
    **dict.fromkeys(words("set sets setting rise rises rose risen rising sink sinks sank sunk sinking "
                    "drop drops dropped dropping slip slips slipped slipping"),
                    _SKY | _TIME),
    **dict.fromkeys(words("pass passes passed passing move moves moved moving sweep sweeps swept "
                    "sweeping roll rolls rolled rolling gather gathers gathered gathering "
                    "creep creeps crept creeping arrive arrives arrived arriving clear clears "
                    "cleared clearing lift lifts lifted lifting cover covers covered covering "
                    "block blocks blocked blocking swallow swallows swallowed swallowing part "
                    "parts parted parting close closes closed closing descend descends "
                    "descended descending"), _WEATHER | _TIME | _SKY),
    **dict.fromkeys(words("slide slides slid sliding disappear disappears disappeared "
                          "disappearing vanish vanishes vanished vanishing emerge emerges "
                          "emerged emerging hide hides hid hidden hiding peek peeks peeked "
                          "peeking"), _WEATHER | _SKY),
}
"""Verbs that are a change only for some subjects: night falls but light falls from the left;
the sun sets; clouds pass, roll in, part, but light passes through a curtain unchanged."""


def _verbs() -> dict[str, frozenset[str] | None]:
    """Each verb form with the particles it needs (None: it needs none). A verb listed with
    several particles takes any of them ("flicker out", "flicker on")."""
    forms: dict[str, frozenset[str] | None] = {}
    for group in _CHANGE_VERBS.split("|"):
        words = group.split()
        particle = None
        if words[-1] in {"in", "out", "on", "way", "down", "back", "behind"}:
            particle = words.pop()
        for w in words:
            if w in forms and (forms[w] is None or particle is None):
                forms[w] = None
            elif particle is not None:
                forms[w] = (forms.get(w) or frozenset()) | {particle}
            else:
                forms[w] = None
    return forms


_VERB_FORMS = _verbs()
_AUX = frozenset(words("has have had is are was were been being begins begin began starts start "
                 "started to finally suddenly slowly gradually abruptly now already then "
                 "quickly all at last soon completely fully almost nearly just entirely"))
_CLAUSE = re.compile(r"[^.;:!?,]+")
"""A clause: up to a stop, a comma or a colon ("LIGHT: warm key from screen left" is a
label and its value, not the light warming)."""
_WORD = re.compile(r"[a-z][a-z'-]*")
_SUBJECT_LEFT = frozenset(words("the a an its their his her every all some last first"))

_CLOTHES = re.compile(
    r"(?<![\w-])(?:(?:has|have|had)\s+)?(?:swap|swaps|swapped|swapping|trade|trades|traded|"
    r"trading|exchange|exchanges|exchanged|switch|switches|switched|replace|replaces|"
    r"replaced)\s+(?:the|a|an|his|her|their|its|one|" + NAME_WORD +
    r"'s)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:for|with)\s|(?<![\w-])(?:has|have|had)\s+(?:changed|"
    r"put on|pulled on|thrown on|taken off|shed|ditched|lost)\s|(?<![\w-])(?:now|since) "
    r"(?:wears|wearing|dressed|in (?:a|an|her|his|their) (?:different|new|fresh|clean))|"
    r"(?<![\w-])(?:gets|got|is|are) (?:changed|dressed)\s|(?<![\w-])(?:a|her|his|their) "
    r"(?:change of clothes|new outfit|different outfit|fresh outfit)|"
    # A change of dress named as such, as a beat's heading or a noun ("Outfit change:",
    # "a costume change"): the closed class of nouns for what one wears, before "change".
    r"(?<![\w-])(?:outfit|costume|wardrobe|clothes|dress)\s+changes?(?![\w-])", re.I)
"""A clause saying the character's clothes are not the same ones: "has swapped the suit for
a tracksuit", "now wears", "has changed", "in a different coat". The swap needs its object
("switch and the room floods with light" swaps nothing)."""
_DRESSING = re.compile(
    r"(?<![\w-])(?:pull|take|took|taken|strip|shrug|peel|slip|throw|threw|thrown|tug|kick|"
    r"yank|tie|button|zip|step|change|put|wriggle|wrap|drape|don|doff|shed|rip|tear|tore)"
    r"(?:s|es|ed|ped|ping|ing|ged|ging|ned|ning|pped)?\s+(?:on|off|into|out of)\s+"
    r"(?:(?:a|an|the|his|her|their|its)\s+)?(?:(?!(?:in|with|and|of|at|on|to|by)\s)[\w-]+\s+)"
    r"{0,3}?(?:" +
    "|".join(sorted(vocab.GARMENTS, key=len, reverse=True)) + r")(?![\w-])"
    r"(?!\s+(?:rack|hook|hooks|hanger|hangers|stand|check|closet|shop|store))", re.I)
"""Putting a garment on or taking it off with a verb of dressing ("ties on an apron", "shrugs
off her coat", "steps into a red sequined costume", "peels off the wet jacket")."""

_DRESSING_SPLIT = re.compile(
    r"(?<![\w-])(?:pull|take|took|taken|strip|shrug|peel|slip|throw|threw|thrown|tug|kick|"
    r"yank|put|rip|tear|tore|whip|whipp)(?:s|es|ed|ped|ping|ing|ged|ging|ned|ning|pped)?\s+"
    r"(?:a|an|the|his|her|their|its|that)\s+(?:(?!(?:in|with|and|of|at|on|to|by|off)\s)"
    r"[\w-]+\s+){0,3}?(?:" + "|".join(sorted(vocab.GARMENTS, key=len, reverse=True)) +
    r")(?:s|es)?\s+(?:off|on|away)(?![\w-])(?!\s+(?:the|a|an|his|her|their|its|of|to|top|from)"
    r"(?![\w-]))",
    re.I)
"""The same with the garment between the verb and its particle ("pulls the hoodie off",
"takes his jacket off", "strip the sailor uniform away", "puts her coat back on" is not, "pulls
the top off the jar" is no garment taken off: the particle is a preposition there)."""


def clause_reasons(text: str) -> dict[str, list[str]]:
    """Reasons stated as clauses, by what they excuse (`light`, `time`, `look`, `clothes`):
    the words of each clause that says so."""
    out: dict[str, list[str]] = {}
    low = text.lower()
    for clause in _CLAUSE.finditer(low):
        kind, subject = _change_kind(clause.group(0))
        if kind:
            words = text[clause.start():clause.end()].strip()
            out.setdefault(kind, []).append(words)
            if kind == "light" and subject in _SKY and _SUN_PATH.search(clause.group(0)):
                out.setdefault("sun", []).append(words)  # the hour moves on only a little
            if subject in _LONG_SPANS:
                for face_or_clothes in ("clothes", "face"):  # years pass: faces and clothes
                    out.setdefault(face_or_clothes, []).append(words)
    for clause in _CLAUSE.finditer(low):
        kind = _new_state(clause.group(0))
        if kind:
            out.setdefault(kind, []).append(text[clause.start():clause.end()].strip())
    for m in _CLOTHES.finditer(text):
        out.setdefault("clothes", []).append(m.group(0).strip())
    for m in _DRESSING.finditer(text):
        if not re.search(r"\sthe\s+(?:[\w-]+\s+){0,3}?(?:hood|top|cap|tie|tank|mac|watch|bag|"
                         r"suit|habit|crown|vest|jersey)$", m.group(0), re.I):
            out.setdefault("clothes", []).append(m.group(0).strip())  # not "the car's hood"
    for m in _DRESSING_SPLIT.finditer(text):
        out.setdefault("clothes", []).append(m.group(0).strip())
    for m in _BECOMES.finditer(text):
        before = re.findall(r"[a-z][a-z'-]*", text[max(0, m.start() - 30):m.start()].lower())
        if before and before[-1] in _BODY_SUBJECTS:
            continue  # "a red beard going grey", "her face turns red": a person, not the light
        last = m.group(1).split()[-1].lower()
        if hues_of_word(last) or last in _LIGHT_STATES:
            out.setdefault("light", []).append(m.group(0).strip())
    for m in _MOVES_ON.finditer(text):
        out.setdefault("place", []).append(m.group(0).strip())
    for m in _LOOK_SHIFT.finditer(text):
        out.setdefault("look", []).append(m.group(0).strip())
    for m in _SCREEN.finditer(text):
        out.setdefault("look", []).append(m.group(0).strip())
    for m in _YOUNGER.finditer(text):
        for kind in ("clothes", "face", "time"):
            out.setdefault(kind, []).append(m.group(0).strip())
    for m in _OTHER_SIDE.finditer(text):
        out.setdefault("side", []).append(m.group(0).strip())
    for kind, words in causal_reasons(text):
        out.setdefault(kind, []).append(words)
    for m in _GRADE_FOR.finditer(text):
        out.setdefault("grade", []).append(m.group(0).strip())
    for m in _ERA.finditer(text):
        for kind in ("clothes", "time", "face"):
            out.setdefault(kind, []).append(m.group(0).strip())
    return out


_GRADE_FOR = re.compile(
    r"(?<![\w-])(?:palette|grade|colou?rs?|tones|tint|look|lut)\s+for\s+(?:the|this|that|a|an|"
    r"every|each)\s+(?:[\w'-]+\s+){0,2}?(?:present(?:[- ]day)?|past|morning|night|day|evening|"
    r"dawn|dusk|afternoon|flashback|dream|memory|memories|future|present|scene|sequence|"
    r"shot|shots|montage|nightmare|vision)(?![\w-])", re.I)
"""A grade said to belong to a part of the story ("desaturated grey-green palette for the
present day", "saturated summer colours for the flashback"): the change of palette is
meant. A time jump alone does not say the grade changes with it."""


_SPAN = r"(?:years|decades|months|weeks|seasons|summers|winters|generations|a lifetime|a decade)"
_ERA = re.compile(
    r"(?<![\w-])(?:(?:[\w-]+\s+){0,2}" + _SPAN + r"\s+(?:\w+\s+)?(?:later|earlier|ago|before|"
    r"after|on|pass|passed|have passed|had passed|go by)|flash[- ]?back|flash[- ]forward|"
    r"(?:back|return|returning|returns) (?:to|in) the present(?:[- ]day)?|"
    r"(?:as|now) an? (?:child|kid|boy|girl|toddler|teenager|teen|young (?:man|woman)|old "
    r"(?:man|woman)|adult|grown (?:man|woman))|in (?:his|her|their) (?:youth|childhood|old age)|"
    r"(?:his|her|their) (?:younger|older) self)(?![\w-])", re.I)
"""A jump across years, said by its grammar ("forty years earlier", "two summers later",
"decades pass", "as a boy", "in her youth", a flashback, and the way back from one, "back to
the present"): the same character may look older or younger, dress otherwise, and the time of
day starts afresh."""


_NOW = re.compile(r"(?<![\w-])(?:from now on|now [a-z]+ing|by the time|(?:it is|it's|it has "
                  r"(?:grown|gotten|got|become)) (?:now |fully |already |completely |long )?"
                  r"(?:dark|night|light|morning|daylight)|from here on|from this (?:shot|moment|point) on|"
                  r"(?:is|are|it's|has|have) now|now (?:lit|dark|only|bathed|drenched|"
                  r"in darkness)|no longer|any ?more|into darkness|goes dark|go dark|"
                  r"(?:night|evening|dusk|dawn|morning|afternoon|midday|noon|twilight|sunset|"
                  r"sunrise|daybreak|nightfall|day|daylight|dark) now|"
                  r"(?:[a-z]*light|lights|sun|lamp|glow|shadows?|key) now [a-z]+s)(?![\w-])")
_STATE_KIND = [(re.compile(r"(?<![\w-])(?:lit|[a-z]*light|lights|lighting|dark|darkness|glow|glows|"
                           r"shadow|shadows|sun|moon|lamp|lamps|tunnel)(?![\w-])"), "light"),
               (re.compile(r"(?<![\w-])(?:night|day|dawn|dusk|morning|evening|afternoon)"
                           r"(?![\w-])"), "time"),
               (re.compile(r"(?<![\w-])(?:grade|palette|colou?r|colou?rs|drawn|painted|animated|"
                           r"animation|black and white|monochrome|sketch|style|world)(?![\w-])"),
                "look")]
"""A clause that says the state is new ("is now lit only by", "from now on", "no longer", an
hour with "now" after it: "evening now", "dawn now"; the light with "now" before its verb: "the
window light now falls from the right", "daylight now falls from camera right") excuses the
kind of thing it names: the light, the time, the look."""


def _new_state(clause: str) -> str | None:
    """The kind a "now ..." clause excuses, or None when it has no "now" or names nothing."""
    if not _NOW.search(clause):
        return None
    for rx, kind in _STATE_KIND:
        if rx.search(clause):
            return kind
    return None


_SUN_PATH = re.compile(r"(?<![\w-])(?:set|sets|setting|rise|rises|rose|risen|rising|sink|sinks|"
                       r"sank|sunk|sinking|drop|drops|dropped|dropping|slip|slips|slipped|"
                       r"slipping|descend|descends|descended|descending)(?![\w-])")
"""The sun or moon moving along its path ("the evening sun drops behind the trunks"): the light
changes with it, and the time moves on to the next part of the day, not across it."""


_LONG_SPANS = frozenset(words("weeks months years decades seasons"))


@lru_cache(maxsize=4096)
def _head_of(word: str) -> str:
    """A compound's head when it is a subject of change ("thunderstorm" → storm, "streetlamp"
    → lamp), else the word."""
    if word in _SUBJECTS:
        return word
    for subject in _LONG_SUBJECTS:
        if word.endswith(subject):
            return subject
    return word


_LONG_SUBJECTS = re.longest_first(w for w in _SUBJECTS if len(w) >= 4)


_TURN = frozenset(words("turn turns turned turning"))
_ROUND = frozenset(words("on around round over toward towards away about upon"))
"""A thing that turns on, around or toward something (a preposition with its object) moves;
"the sky turns amber", "the lamp turns on" change."""


def _change_kind(clause: str) -> tuple[str | None, str]:
    """The kind of the first subject of change in a clause followed by a verb of change (with
    at most three auxiliaries or adverbs between), and that subject; (None, "") for none."""
    words = [_head_of(w) for w in _WORD.findall(clause)]
    for i, w in enumerate(words):
        kind = _SUBJECTS.get(w)
        if kind is None:
            continue
        if i + 1 < len(words) and words[i + 1] in _SUBJECTS and _SUBJECTS[words[i + 1]]:
            continue  # "storm clouds", "power cut": the next noun heads the subject
        j = i + 1
        while j < len(words) and j - i <= 4 and words[j] in _AUX:
            j += 1
        if j >= len(words):
            continue
        verb = words[j]
        if verb not in _VERB_FORMS:
            continue
        if verb in _SUBJECTS_OF and w not in _SUBJECTS_OF[verb]:
            continue
        particles = _VERB_FORMS[verb]
        if particles and not particles & set(words[j + 1:j + 3]):
            continue
        if verb in _TURN and words[j + 1:j + 2] and words[j + 1] in _ROUND and \
                words[j + 2:j + 3] and words[j + 2] in _SUBJECT_LEFT:
            continue  # "the glowing bulb turns on the pipe": it rotates, the light stays
        return kind, w
    return None, ""


_BECAUSE = re.compile(r"(?<![\w-])(?:because(?: of)?|since|now that|due to|owing to|thanks to|"
                      r"as a result of|after|once)\s+([^.;:!?,]+)", re.I)
"""A causal or temporal connective and the clause it leads (up to the next comma): the
writer saying why ("because the scene moves inside", "since the parka was stolen", "after
the long wait")."""

_CAUSE_DOMAINS: list[tuple[str, re.Pattern[str]]] = [
    ("clothes", re.compile(r"(?<![\w-])(?:" + "|".join(sorted(vocab.GARMENTS, key=len,
                                                             reverse=True)) +
                           r"|clothes|outfit|wardrobe|costume)s?(?![\w-])")),
    ("light", re.compile(r"(?<![\w-])(?:light|lights|lit|lighting|lamps?|bulbs?|sun|sunlight|"
                         r"moon|moonlight|shadows?|dark|darkness|glow|headlights|fluorescents?|"
                         r"neon|windows?|fire|flames|candles?|torch|interior|inside|indoors|"
                         r"outdoors|outside|storm|clouds?)(?![\w-])")),
    ("time", re.compile(r"(?<![\w-])(?:wait|while|hours?|minutes|night|nightfall|day|daybreak|"
                        r"dawn|dusk|evening|morning|afternoon|sunset|sunrise|sundown|midnight|"
                        r"noon|shift)(?![\w-])")),
]
"""What a clause after a connective is about, by its words: clothes (a garment's noun), the
light (a source, darkness, moving inside), the time (an hour, a wait). "because he is late"
names none of them and excuses nothing."""


def causal_reasons(text: str) -> list[tuple[str, str]]:
    """(kind, words) for each connective clause that names what it excuses."""
    out: list[tuple[str, str]] = []
    for m in _BECAUSE.finditer(text):
        clause = m.group(1).lower()
        for kind, domain in _CAUSE_DOMAINS:
            if domain.search(clause):
                out.append((kind, m.group(0).strip()))
    return out


_OTHER_SIDE = re.compile(
    r"(?<![\w-])(?:reverse(?: angle| shot| view)|(?:opposite|reverse|flipped) (?:angle|side)|"
    r"crosses the (?:line|axis)|across the (?:line|axis)|180[- ]degrees?|"
    r"the other side of the (?:line|axis|room|table|street))(?![\w-])", re.I)
"""The camera on the other side of the action (a reverse angle, crossing the line): the same
light then falls from the other side of the frame, so only the light's direction may flip."""


_SCREEN = re.compile(
    r"(?<![\w-])(?:on|in|through|via)\s+(?:the|a|an|his|her|their)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:tv|television|screen|monitor|display|viewfinder|camcorder|webcam|feed|"
    r"footage|broadcast)(?![\w-])", re.I)
"""The shot seen on a screen or through a device ("on the security monitor", "through her
phone's screen"): its look is the device's, not the sequence's. "on his phone" is a call,
not a screen, so a phone alone is not one."""

_YOUNGER = re.compile(
    r"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+(?:younger|older|teenage|child|little|\d+-year-old)\s+"
    + NAME_WORD + r"(?![\w-])|(?<![\w-])(?:[Ii]n|[Ff]rom)\s+(?:her|his|their)\s+"
    r"(?:memory|memories|"
    r"dream|dreams|childhood|youth)(?![\w-])")
"""Another age of a character ("a younger Mara") or a scene in their memory: face, hair and
clothes may be those of another time."""


_LOOK_SHIFT = re.compile(
    r"(?<![\w-])(?:switch|switches|switched|switching|shift|shifts|shifted|shifting|change|"
    r"changes|changed|changing|turn|turns|turned|turning|go|goes|went|gone|cut|cuts|return|"
    r"returns|returned|returning|fade|fades|faded|fading|bleed|bleeds|bled|drain|drains|"
    r"drained|burst|bursts)\s+(?:back\s+)?(?:in)?to\s+(?:(?:its|the|a|an|full|their|his|her)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:colou?r|colou?rs|tint|palette|grade|black[- ]and[- ]white|"
    r"monochrome|sepia|technicolou?r|greyscale|grayscale|animation|live action|"
    r"live-action)(?![\w-])", re.I)
"""The film itself saying its look changes ("switches to two-strip colour", "returns to its
sepia tint", "bursts into colour", "the film turns to animation"): a verb of change with
the look it changes to."""


_BECOMES = re.compile(
    r"(?<![\w-])(?:go|goes|went|going|turn|turns|turning|become|becomes|became|"
    r"becoming|fade|fades|fading|darken|darkens|darkening)\s+(?:to\s+|into\s+)?"
    r"(?:a\s+|an\s+)?((?:[\w-]+\s+)?[\w-]+)(?=[\s,.;:!?]|$)", re.I)
"""A thing becoming a colour or a state of light ("the rocky island goes slate-grey", "the
sky turns blood red", "the room goes dark"): the light on the scene has changed. Finite and
-ing forms only: a participle is an adjective ("a faded orange rash guard")."""
_LIGHT_STATES = frozenset(words("dark darker black grey gray gloomy dim dusky pitch-black "
                                "bright brighter golden"))
_BODY_SUBJECTS = frozenset(words("hair beard moustache mustache stubble temples face cheeks "
                                 "cheek skin knuckles eyes lips ears nose she he they her his "
                                 "him them who"))
"""Subjects that change colour by themselves (hair greying, a face blushing)."""


_MOVES_ON = re.compile(
    r"(?<![\w-])(?:(?:lands?|landing|landed)\s+(?:in|on|at)|"
    r"(?:steps?|stepping|stepped|walks?|walking|walked|heads?|heading|headed|goes|going|went|"
    r"runs?|running|ran|hurries|hurrying|hurried|climbs?|climbing|climbed|drives?|driving|"
    r"drove|moves?|moving|moved|emerges?|emerging|emerged|bursts?|bursting)\s+(?:back\s+)?"
    r"(?:out|outside|inside|indoors|outdoors|into|onto|out of|out onto|up to))(?![\w-])",
    re.I)
"""The action carrying someone to another place ("steps out onto the porch", "the capsule
lands in the eye of the Moon", "walks into the station"): the set may change from here.
Arriving is not leaving: "a second woman arrives" joins the scene where it is."""
