"""Does an added phrase agree with everything the prompt fixes? One check for every addition.

The rewrite may add only inside what the prompt implies. facts.py covers the world's facts (time
of day, indoors or outdoors, season, weather); a prompt fixes more than those, and on the dev
split of the rewrite pairs the offline rewrite broke each of these:
- what the prompt excludes ("a room, do not add people" came back with "people");
- the subject's own attributes (an orange cat given grey tabby fur, a small blue bird brown
  feathers, a man made of rocks a canvas jacket, a man in a dance scene a dress);
- a named look (black and white given a "warm" light and a "dark green" jacket; game concept
  art or a 3D cartoon given documentary realism);
- framing (a macro shot given a slow aerial glide, a close-up an establishing shot);
- stillness (a locked-off or frozen prompt given a camera move or a pacing phrase);
- the prompt's language (a French or German prompt given English phrases in mid-sentence);
- the subject's number (two cats given "turns its head").

`traits_of` reads those from the prompt once; `conflicts` lists how a phrase breaks them, so the
phrase choice (rewrite._fits), the check of a chat model's rewrite (needs.rewrite_problems) and
the benchmark all use the same rules. Words and the analyzer, not a model: it runs on every
candidate phrase of every critique.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from bot.core import cached_re as re
from bot.core.critique.analysis import analyze, search_lower
from bot.core.critique.components import Component as C
from bot.core.critique.facts import Facts, contradictions
from bot.core.critique.results import Analysis
from bot.core.noun_kinds import is_a_person, kind_chain


class Context(Protocol):
    """What the check reads of needs.Context (not imported: needs imports this module)."""

    families: list[str]
    facts: Facts
    still_camera: bool
    still_subject: bool
    animated: bool
    monochrome: bool


HUES = (r"red|reds|orange|yellow|green|greens|blue|blues|purple|violet|pink|magenta|teal|cyan|"
        r"amber|brown|russet|chestnut|crimson|scarlet|turquoise|emerald|golden|gold|tabby|"
        r"ginger|beige|navy|lilac|lavender|maroon|olive|warm|cool|pastel|sepia|neon|"
        r"orange-and-black|deep-red|deep-blue|blue-green|blue-hour")
"""Words that name a hue or a colour temperature: a black-and-white prompt has none to add,
and a subject the prompt already colours keeps its colour."""
NOT_HUES = r"golden[- ]hour|gold rush|blue hour|blue-hour"
"""Times of day, not colours: their light direction is still a monochrome prompt's to use."""
NON_PHOTO = (r"anime|cartoon|animated|animation|claymation|stop[- ]motion|pixar|ghibli|"
             r"pixel art|cel[- ]shaded|watercolou?r|oil painting|digital painting|painterly|illustration|"
             r"illustrated|comic|manga|low[- ]poly|3d render|render|rendered|cgi|papercraft|"
             r"paper cut-?out|lego|vector art|concept art|digital art|sketch|drawing|"
             r"game art|isometric|voxel|cel animation")
"""A named drawn, painted or rendered look: realism and documentary words pull against it."""
REALISM = (r"realism|realistic|documentary|film grain|photoreal\w*|live[- ]action|"
           r"naturalistic")
PHOTO = r"photoreal\w*|realistic|realism|documentary|live[- ]action|footage|photograph\w*"
DRAWN = r"anime|cartoon|animated|illustrat\w*|painterly|watercolou?r|cel[- ]shaded|pixel art"
CLOSE = (r"close-?ups?|close up|extreme close-?up|macro|macro shot|detail shot|insert shot|"
         r"microscop\w*")
WIDE = (r"wide shot|extreme wide|establishing|aerial|drone|bird'?s[- ]eye|panoram\w*|"
        r"24mm wide lens|deep focus|long shot")
TIGHT = r"macro|close-?up|85mm|100mm|telephoto|shallow depth of field"
PACING = r"slow motion|slow-motion|time-?lapse|real-time pace|pace\b|tempo|sped up|speed ramp"
MATERIAL = (r"made (?:of|from|out of)|carved|sculpted|wooden|metal|metallic|steel|iron|glass|"
            r"crystal|plastic|stone|rock|rocks|paper|origami|clay|robot\w*|mechanical|"
            r"low[- ]poly|pixel|lego|knitted|plush|skeleton|ghostly|translucent|made of light")
"""The subject's own material: a coat, feathers or a jacket would contradict it."""
SURFACE = (r"fur|coat|feathers|skin|wings|body|jacket|shirt|dress|gown|cloak|scarf|linen|wool|"
           r"surface|paint|chrome")
"""What a subject detail dresses or covers its subject with."""
SPEED = (r"slowly|slow|slower|unhurried|leisurely|languid(?:ly)?|sluggish(?:ly)?|quickly|quick|"
         r"fast|faster|rapid(?:ly)?|swift(?:ly)?|brisk(?:ly)?|hurried(?:ly)?|full speed|"
         r"top speed|at speed|speeding|gathering speed|accelerat\w*|decelerat\w*")
"""Words that say how fast a thing moves. A motion phrase that says it again where the prompt
already has ("runs slowly" given "at full speed", "walks briskly" an "unhurried pace") either
contradicts the author or repeats them."""
SLOW_MOTION = r"slow[- ]motion|slow[- ]mo"
"""Slow motion is the clip's pacing, not the subject's speed."""
MALE = r"man|men|boy|boys|king|prince|father|grandfather|gentleman|monk|priest|actor|husband"
FEMALE_WEAR = r"dress|gown|skirt|blouse|bikini|tutu"
PLURAL_SUBJECT = (r"couple|pair|two|three|four|five|six|several|many|some|people|men|women|"
                  r"children|kids|friends|family|crowd|group|team|twins|siblings|herd|flock|"
                  r"they|we|[a-z]+[^su]s")
"""Words of a plural subject; the last catches plain plurals ("cats", not "bus" or "glass")."""
SINGULAR_BEAT = r"its|his|her|himself|herself|itself"
SINGULAR_VERB = re.compile(r"(?:then\s+)?([a-z]+[^s\W]s)\b")
"""A beat written for one subject: its possessive, or a verb in the third person singular at
its start ("then pauses, ears pricked, and looks around", "moves slowly into the light")."""
INSTRUCTION = (r"(?:do not|don't|never|not|no need to)\s+(?:add|include|show|feature|put|"
               r"use|have|place|insert|draw|render)\b")
PEOPLE = (r"people|person|persons|man|men|woman|women|boy|boys|girl|girls|child|children|kids|"
          r"crowd|figure|figures|someone|anyone|humans?|pedestrians?")
JOINTS = frozenset(("and", "or", "in", "on", "at", "with", "while", "of", "for", "to", "from",
                    "near", "under", "over", "by", "as", "the", "a", "an", "is", "are"))
GROUPS: tuple[str, ...] = (PEOPLE, r"cars?|vehicles?|traffic|trucks?|bus|buses",
                           r"animals?|dogs?|cats?|birds?|pets?")
"""An excluded word stands for its group: "no people" also rules out "a man", "a figure"."""


@dataclass(frozen=True)
class Conflict:
    """How an addition breaks something the prompt fixes."""

    kind: str
    """time_of_day, place, season, weather, excluded, subject, style, framing, stillness,
    language, number or speed."""
    text: str
    """The phrase's words that clash."""
    why: str

    def __str__(self) -> str:
        return f"{self.kind}: '{self.text}' {self.why}"


@dataclass(frozen=True)
class Traits:
    """What a prompt fixes beyond its facts, read once per prompt."""

    prompt: str
    facts: Facts
    excluded: tuple[str, ...] = ()
    """Patterns of what the prompt excludes ("no cars", "do not add people")."""
    monochrome: bool = False
    non_photo: bool = False
    photo: bool = False
    still_subject: bool = False
    still_camera: bool = False
    close: bool = False
    wide: bool = False
    subject_hue: bool = False
    subject_material: bool = False
    male_subject: bool = False
    plural_subject: bool = False
    language: str = "en"
    speed: str | None = None
    """The speed the prompt's own motion words give the subject ("slowly", "at full speed")."""


def _has(pattern: str, low: str) -> bool:
    return bool(search_lower(pattern, low))


def excluded_of(a: Analysis) -> tuple[str, ...]:
    """What the prompt's negations exclude, as patterns: the head noun of what follows "no",
    "without" or "do not add" ("no camera movement" excludes movement, not the camera), widened
    to its group (PEOPLE, vehicles, animals)."""
    low = a.prompt.lower()
    out: list[str] = []
    for n in a.negations:
        match = re.match(INSTRUCTION + r"\s+(?:any\s+|a\s+|an\s+|the\s+)?([^,.;:]+)",
                         low[n.start:])
        phrase = match.group(1) if match else re.sub(
            r"^(?:no|without|never|not|don't|doesn't|do not|does not|avoid|avoiding|free of|"
            r"absent|lacking|minus)\s+(?:any\s+|a\s+|an\s+|the\s+)?", "", n.text.lower()) + \
            low[n.end:n.end + 40].split(",")[0].split(".")[0]
        head = _head(re.findall(r"[a-z][a-z'-]+", phrase))
        if head:
            group = next((g for g in GROUPS if re.fullmatch(g, head)), None)
            out.append(group or re.escape(head[:-1] if head.endswith("s") else head) + r"s?")
    return tuple(dict.fromkeys(out))


def _head(words: list[str]) -> str | None:
    """The noun a negated phrase is about: its last word before a joint ("and", "in", "while")
    or a verb in -ing ("no people walking" is about people)."""
    kept: list[str] = []
    for word in words[:4]:
        if word in JOINTS or (kept and word.endswith("ing")):
            break
        kept.append(word)
    return kept[-1] if kept else None


def without_exclusions(a: Analysis) -> str:
    """The prompt lower-cased with what it excludes blanked ("a street, no cars" is not about
    cars), offsets kept: the kinds and families of a prompt are read from this."""
    low = a.prompt.lower()
    for n in a.negations:
        told = re.match(INSTRUCTION + r"\s+[^,.;:]+", low[n.start:])
        end = n.start + told.end() if told else n.end
        low = low[:n.start] + " " * (end - n.start) + low[end:]
    return low


def _subject_window(a: Analysis) -> str:
    """The subject's words and the few before them ("an orange cat", "a small blue bird")."""
    spans = a.spans.get(C.SUBJECT) or []
    if not spans:
        return ""
    start = spans[0].start
    before = a.prompt[:start].lower().split()[-2:]
    after = a.prompt[spans[0].end:].lower()
    made = re.match(r"\s*(?:made (?:of|from|out of)|carved from|built from)\s+\S+", after)
    return " ".join([*before, spans[0].text.lower(), made.group(0) if made else ""]).strip()


def plural_words(subject: str) -> bool:
    """Does the lower-cased subject phrase itself name more than one ("two cats", "dolphins", "a
    crowd")? A look set right after it is said of all of them ("their skin"); "a whale and her
    calf" is one whale and then another subject."""
    return _has(PLURAL_SUBJECT, subject)


def plural_subject(a: Analysis) -> bool:
    """Is the subject more than one ("two cats", "a man and a woman")? A beat or a costume
    written for one would not fit them."""
    spans = a.spans.get(C.SUBJECT) or []
    if not spans:
        return False
    if plural_words(spans[0].text.lower()):
        return True
    joined = re.match(r"\s+and\s+(?:(a|an|the|his|her|their|two)\b|([a-z]+)\b)",
                      a.prompt[spans[0].end:].lower())
    if joined is None:
        return False
    # "a man and a woman"; "a bride and groom", "a cat and dog": a second one, with or without
    # its determiner
    second = joined.group(2)
    return bool(joined.group(1)) or is_a_person(second) or bare_noun(second)


def bare_noun(word: str) -> bool:
    """Is the word a noun by WordNet and not a verb's -s form ("dog", "groom"; not "reads"): the
    second of two nouns joined by "and" without a determiner ("a cat and dog")."""
    return not word.endswith("s") and bool(kind_chain(word))


def traits_of(a: Analysis, ctx: Context) -> Traits:
    """What an addition to this prompt must respect."""
    low = a.prompt.lower()
    subject = _subject_window(a)
    plain = re.sub(NOT_HUES, " ", subject)
    spans = a.spans.get(C.SUBJECT) or []
    return Traits(
        prompt=a.prompt, facts=ctx.facts, excluded=excluded_of(a), monochrome=ctx.monochrome,
        non_photo=ctx.animated or _has(NON_PHOTO, low), photo=_has(PHOTO, low),
        still_subject=ctx.still_subject, still_camera=ctx.still_camera,
        close=_has(CLOSE, low), wide=_has(WIDE, low),
        subject_hue=bool(plain) and _has(HUES, plain),
        subject_material=bool(subject) and _has(MATERIAL, subject),
        male_subject=bool(spans) and any(_has(MALE, s.text.lower()) for s in spans),
        plural_subject=plural_subject(a),
        language=a.language, speed=_stated_speed(a))


def _stated_speed(a: Analysis) -> str | None:
    """The first speed word of the prompt's motion spans (the analyzer leaves the camera's
    speed and slow motion out of them; SLOW_MOTION is dropped again in case)."""
    for span in a.spans.get(C.MOTION) or []:
        said = _speed_in(span.text.lower())
        if said:
            return said
    return None


def _speed_in(low: str) -> str | None:
    """The first speed word of lower-cased text, slow motion aside (SPEED, SLOW_MOTION)."""
    return _first(SPEED, re.sub(SLOW_MOTION, " ", low))


@dataclass(frozen=True)
class _Phrase:
    """What the checks read of one phrase (cached: the same few hundred phrases recur)."""

    low: str
    hues: str | None
    realism: str | None
    drawn: str | None
    close: str | None
    wide: str | None
    moves: tuple[str, ...]
    pacing: str | None
    surface: str | None
    female_wear: str | None
    singular: str | None
    speed: str | None


def _first(pattern: str, low: str) -> str | None:
    m = search_lower(pattern, low)
    return m.group(0) if m else None


@lru_cache(maxsize=4096)
def _read(phrase: str) -> _Phrase:
    low = phrase.lower()
    return _Phrase(
        low=low, hues=_first(HUES, re.sub(NOT_HUES, " ", low)), realism=_first(REALISM, low),
        drawn=_first(DRAWN, low), close=_first(TIGHT, low), wide=_first(WIDE, low),
        moves=tuple(m for m in analyze(phrase).camera_moves if m != "static"),
        pacing=_first(PACING, low), surface=_first(SURFACE, low),
        female_wear=_first(FEMALE_WEAR, low), singular=_singular(low),
        speed=_speed_in(low))


def _singular(low: str) -> str | None:
    verb = SINGULAR_VERB.match(low)
    return verb.group(1) if verb else _first(SINGULAR_BEAT, low)


def conflicts(t: Traits, phrase: str, component: C | None = None) -> list[Conflict]:
    """How adding `phrase` (as `component`, when known) would contradict the prompt."""
    p = _read(phrase)
    out = [Conflict(c.dimension, c.text, f"but the prompt says {c.prompt_says}")
           for c in contradictions(t.prompt, phrase)]
    if t.language != "en":
        out.append(Conflict("language", phrase, f"is English; the prompt is in {t.language}"))
    out += [Conflict("excluded", m.group(0), "but the prompt excludes it")
            for pattern in t.excluded for m in [search_lower(pattern, p.low)] if m]
    out += _look(t, p) + _framing(t, p) + _subject(t, p, component)
    if t.speed and p.speed and component is not C.PACING:
        out.append(Conflict("speed", p.speed, f"but the prompt already says '{t.speed}'"))
    return out


_LONE_SPEED = re.compile(r"\b(?:slowly|quickly|rapidly|swiftly|briskly|quick|slow)(?: and)? ")
_DIRECTION_ONLY = re.compile(r"(?:moving )?(?:from )?(?:left to right|right to left|toward the "
                             r"camera|away from the camera)")


def without_speed(phrase: str) -> str | None:
    """`phrase` with what it says of speed taken out, for a prompt that gives its own speed:
    the comma-separated parts that state a speed go when others remain ("at full speed, feet
    striking the ground heavily" keeps its weight), a lone speed word goes from the rest
    ("gliding slowly left to right" glides), and None when nothing but a speed, or a direction
    alone (which is not motion), would be left."""
    parts = [part.strip() for part in phrase.split(",")]
    kept = [part for part in parts if not _read(part).speed]
    if not kept:
        kept = [_LONE_SPEED.sub("", part) for part in parts]
    text = ", ".join(kept)
    if _read(text).speed or _DIRECTION_ONLY.fullmatch(text):
        return None
    return text if text != phrase else None


def _look(t: Traits, p: _Phrase) -> list[Conflict]:
    out = []
    if t.monochrome and p.hues:
        out.append(Conflict("style", p.hues, "but the prompt is black and white"))
    if t.non_photo and p.realism:
        out.append(Conflict("style", p.realism, "but the prompt names a drawn or rendered look"))
    if t.photo and not t.non_photo and p.drawn:
        out.append(Conflict("style", p.drawn, "but the prompt asks for a photographic look"))
    return out


def _framing(t: Traits, p: _Phrase) -> list[Conflict]:
    out = []
    if t.close and p.wide:
        out.append(Conflict("framing", p.wide, "but the prompt frames it close"))
    if t.wide and not t.close and p.close:
        out.append(Conflict("framing", p.close, "but the prompt frames it wide"))
    if t.still_camera and p.moves:
        out.append(Conflict("stillness", ", ".join(p.moves), "but the prompt holds still"))
    if t.still_camera and p.pacing:
        out.append(Conflict("stillness", p.pacing, "but the prompt holds still"))
    return out


def _subject(t: Traits, p: _Phrase, component: C | None) -> list[Conflict]:
    if component not in (C.SUBJECT, C.CONSISTENCY, C.ACTION, None):
        return []
    out = []
    describes = component in (C.SUBJECT, C.CONSISTENCY)
    if describes and t.subject_hue and p.hues:
        out.append(Conflict("subject", p.hues, "but the prompt gives the subject its colour"))
    if describes and t.subject_material and p.surface:
        out.append(Conflict("subject", p.surface, "but the prompt gives the subject its "
                                                  "material"))
    if describes and t.male_subject and p.female_wear:
        out.append(Conflict("subject", p.female_wear, "but the subject is a man"))
    if component == C.ACTION and t.plural_subject and p.singular:
        out.append(Conflict("number", p.singular, "but the prompt's subject is plural"))
    return out


def rewrite_conflicts(t: Traits, text: str) -> list[Conflict]:
    """How a whole rewrite (the offline one or a chat model's) contradicts its prompt: its facts,
    what the prompt excludes, its stillness, its look and framing, judged on the words the
    rewrite has that the prompt has not."""
    new = _new_words(t.prompt, text)
    out = [Conflict(c.dimension, c.text, f"but the prompt says {c.prompt_says}")
           for c in contradictions(t.prompt, text)]
    if not new:
        return out
    out += [Conflict("excluded", m.group(0), "but the prompt excludes it")
            for pattern in t.excluded for m in [search_lower(pattern, new)] if m]
    p = _read(new)
    before = set(analyze(t.prompt).camera_moves)
    moves = [m for m in analyze(text).camera_moves if m != "static" and m not in before]
    if t.still_camera and moves:
        out.append(Conflict("stillness", ", ".join(moves), "but the prompt holds still"))
    return out + _look(t, p)


def _new_words(prompt: str, text: str) -> str:
    """The rewrite's words, in order, less as many of each as the prompt has (so "no people"
    rewritten as "people" shows "people" as new)."""
    have: dict[str, int] = {}
    low = prompt.lower()
    low = re.sub(INSTRUCTION + r"\s+[^,.;:]+", " ", low)  # excluded words are not its own
    for n in analyze(prompt).negations:
        low = low.replace(n.text.lower(), " ")
    for w in re.findall(r"[\w'-]+", low):
        have[w] = have.get(w, 0) + 1
    out = []
    for w in re.findall(r"[\w'-]+", text.lower()):
        if have.get(w, 0):
            have[w] -= 1
        else:
            out.append(w)
    return " ".join(out)
