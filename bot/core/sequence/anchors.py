"""The consistency anchors of one shot (guide: consistency), with the words that carry them.

Anchors are what must hold steady across a sequence because the model has no memory between
generations: who each character is (hair, age, face marks) and what they wear, the place, the
time of day and where the light comes from, the palette and grade, the lens family, the style.
Each mention keeps its span and a comparable value (hue families, a light direction, warmth of
a grade), so `compare` can tell a repeated anchor from a drifted one.

Each anchor has its reader: `people` (characters and wardrobe), `place` (setting), `light`
(time of day, light direction), `palette`, `look` (lens, style); `reasons` reads why a change
is intended. This module runs them over a shot and over a list."""

from __future__ import annotations

from dataclasses import replace

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab
from bot.core.noun_kinds import DETERMINERS, PHRASE_ENDS
from bot.core.sequence.light import WEAK, light_directions, opposite, time_of_day
from bot.core.sequence.look import ERA, lens_conflict, lenses, style_conflict, styles
from bot.core.sequence.palette import palettes
from bot.core.sequence.parse import Shot
from bot.core.sequence.people import NOT_NAMES, Cast, identity, names_typed_lower, wardrobe
from bot.core.sequence.place import set_parts, setting
from bot.core.sequence.reasons import clause_reasons
from bot.core.sequence.spans import (
    ANCHORS,
    GLOBAL_ANCHORS,
    LIGHT_SOURCES,
    NAME_WORD,
    Mention,
    ShotAnchors,
    rx,
)

__all__ = ["ANCHORS", "GLOBAL_ANCHORS", "Cast", "Mention", "ShotAnchors", "extract",
           "extract_all", "lens_conflict", "opposite", "style_conflict"]

_ELSEWHERE_IN_THE_MIND = (
    r"(?:in|inside|into|within) (?:a|the|her|his|their|its) (?:dream|nightmare|daydream|"
    r"fantasy|imagination)|dream[- ]sequence|(?:still )?dreaming|dreams? (?:of|that|about)|"
    r"nightmare|hallucinat\w*|(?:she|he|they|it) (?:imagines|pictures|dreams)|imagined|"
    r"in (?:her|his|their) mind(?:'s eye)?"
)
"""A shot set outside the story's waking moment, in a mind (a dream, a nightmare, a fantasy,
something imagined): like a flashback, its hour, its light and what the dreamer wears may be
other than the waking shots' (the look's change is `LOOK_REASONS`'). "Night vision" and "her
dream house" are no such frame; a dream is said as one ("in her dream", "dreaming")."""

_REASONS = {"time": rx(vocab.TIME_JUMP + "|" + _ELSEWHERE_IN_THE_MIND),
            "light": rx(vocab.LIGHT_CHANGE),
            "look": rx(vocab.LOOK_REASONS),
            "clothes": rx(vocab.CHANGE_CLOTHES + "|" + _ELSEWHERE_IN_THE_MIND)}


_SWITCHED = re.compile(r"^\s+(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*)"
                       r"(?=\s*(?:[,.;:!?]|$|\s(?:and|as|while|to|then|before|after|in|on|at)\s))",
                       re.I)


def _switches_a_thing(text: str, m: re.Match[str]) -> bool:
    """Whether "switches on" / "turns off" has an object that is not a light ("switches on the
    ovens", "turns off the radio"): the light does not change."""
    if not re.search(r"(?:on|off)$", m.group(0), re.I):
        return False
    obj = _SWITCHED.match(text[m.end():])
    if obj is None:
        return False
    thing = obj.group(1).lower()
    return thing not in LIGHT_SOURCES and "light" not in thing and \
        thing not in {"power", "tv", "screen", "sign"}


_GARMENT = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(vocab.GARMENTS, key=len, reverse=True)) +
                      r"|clothes|outfit|costume|uniform|pyjamas|pajamas|dress|suit)s?(?![\w-])",
                      re.I)


def _now_somewhere(text: str, m: re.Match[str]) -> bool:
    """Whether "now in" says where the character is, not what they wear ("same guy, now in
    the passenger seat of a convertible"): no garment before the clause ends."""
    if not re.match(r"now in\b", m.group(0), re.I):
        return False
    clause = re.split(r"[,.;:!?]", text[m.end():m.end() + 60])[0]
    return _GARMENT.search(clause) is None


_DRESSING_VERB = re.compile(r"^(?:puts?|putting|pulls?|pulling|slips?|slipping|takes?|taking|"
                            r"removes?|removing)\b", re.I)


def _dresses_in_nothing(text: str, m: re.Match[str]) -> bool:
    """Whether a verb of dressing ("puts on", "takes off", "slips into", "removes her") has an
    object that is no garment ("puts on the radio headset" is one, "pulls on the throttle
    lever", "slips into the pilot seat", "takes off down the runway", "removes her lens
    cap" are not): only clothes put on or taken off change what a character wears."""
    if not _DRESSING_VERB.match(m.group(0)):
        return False
    clause = re.split(r"[,.;:!?]|\s(?:and|as|while|then|before|after|to|at|in|on|by|from)\s",
                      text[m.end():m.end() + 60])[0]
    return _GARMENT.search(clause) is None


_DURATION_BEFORE = re.compile(r"(?:\b(?:much|long|soon|shortly|some\s+time|not\s+long|a\s+(?:little|"
                              r"bit|while)|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                              r"twelve|twenty|thirty|fifty|hundred|few|several|many|some|\d+)"
                              r"(?:\s+[a-z]+)?\s+)$|(?:^|[.;:!?\]\-–—]\s*|^\W*(?:shot\s*)?\d*"
                              r"[.):]?\s*)$", re.I)


def _later_in_a_clause(text: str, m: re.Match[str]) -> bool:
    """Whether a bare "later" or "earlier" sits inside a clause ("mouths 'see you later'",
    "checks the gauge she set earlier") instead of opening the shot or following a span of
    time ("Later, ...", "Much later", "three weeks later", "a while later"): only the latter
    moves the story in time."""
    if m.group(0).lower() not in ("later", "earlier"):
        return False
    return _DURATION_BEFORE.search(text[max(0, m.start() - 40):m.start()]) is None


_AGENT_BEFORE = re.compile(r"(?:[a-z]{3,}ed|lit|backlit|underlit|sunlit|moonlit|shone|shown|"
                           r"caught|held|struck|seen|kissed|drawn|painted|cast)\s+$", re.I)
_NOT_A_NOUN_NEXT = DETERMINERS | PHRASE_ENDS | frozenset(vocab.words(
    "he she they it we i you someone everyone nobody everything"))


def _by_the_light_of(text: str, m: re.Match[str]) -> bool:
    """Whether "by the morning", "by twilight" is who or what does something, not a time
    reached: a passive's agent ("lit by the morning sun", "bathed by twilight") or a time
    word that modifies the noun after it ("by the evening glow", "by the midnight moon").
    "By nightfall the camp is quiet", "by evening, the street is empty" reach a new hour."""
    if not re.match(r"by\s", m.group(0), re.I):
        return False
    if _AGENT_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
        return True
    after = re.match(r"\s+([a-z][\w'-]*)", text[m.end():], re.I)
    return after is not None and after.group(1).lower() not in _NOT_A_NOUN_NEXT and \
        not after.group(1)[0].isupper()


def _a_grade(style: Mention, grades: list[Mention]) -> bool:
    """Whether a look tag of no known style family is the palette reader's grade ("bleach
    bypass look", "warm Kodak Portra look"): a grade named "look" is a palette, not a style."""
    if ERA.search(style.text):
        return False  # "a 1960s Technicolor look": the period's look, a style
    return all(v.startswith("other:") for v in style.values) and any(
        g.start <= style.start < g.end or style.start <= g.start < style.end for g in grades)


def _as_hour(light: Mention, hours: list[Mention]) -> Mention:
    """A light direction said only by the words of the hour ("high noon": no sun or lamp
    named, the hour implies it overhead) is the time of day's: as a light it is weak, so it
    drifts against "lit from below" but starts no light gap of its own (the hour's gap says
    it). "The sun straight overhead" names the light and stays one."""
    if not any(w in LIGHT_SOURCES for w in re.findall(r"[a-z]+", light.text.lower())) and \
            any(h.start <= light.start and light.end <= h.end for h in hours):
        return replace(light, values=light.values | {WEAK})
    return light


def _as_format(style: Mention, lens: list[Mention]) -> Mention:
    """A style said by the format a shot is shot on ("shot on 35mm film"), or by the camera or
    the grain beside a lens the shot names (`_CAPTURE`), is the lens anchor's: as a style it is
    weak, so it drifts against "a crisp clean digital image" but
    repeats no style and starts no style gap of its own."""
    if any(k.start <= style.start and style.end <= k.end or
           any(v.startswith("format:") for v in k.values) and 0 <= style.start - k.end <= 1
           for k in lens):  # also the look a gauge names: "16mm documentary look"
        return replace(style, values=style.values | {WEAK})
    if style.values <= _CAPTURE and any(WEAK not in k.values for k in lens) and \
            not _NAMED_A_LOOK.search(style.text):
        return replace(style, values=style.values | {WEAK})  # "Shot on ARRI Alexa with Cooke
        # S4 primes, natural film grain": the camera and its grain, beside the lens
    return style


_VIDEO_DEVICE = re.compile(r"(?<![\w-])(?:vhs|camcorder|home[- ]video|mini-?dv|betacam|"
                           r"hi-?8|video ?8)(?![\w-])", re.I)
"""A consumer video camera or its tape: the device a look is named for ("VHS camcorder
look", "a 90s home video aesthetic")."""


def _video_format(looks: list[Mention], lens: list[Mention]) -> list[Mention]:
    """A look named for a video device says what the shot is captured on, as "shot on 16mm
    film" does: a capture format (the lens anchor, `format:video`), which drifts against
    another format ("a clean 8K cinema camera") or a cinema lens the device has not (an
    anamorphic). Weak: the look stays the writer's style, owed and repeated as a style, and
    starts no lens gap of its own. Not read when the shot names a format itself."""
    if any(v.startswith("format:") for k in lens for v in k.values):
        return []
    return [Mention("lens", m.text, m.start, m.end, frozenset({"format:video", WEAK}))
            for m in looks if _VIDEO_DEVICE.search(m.text)]


_CAPTURE = frozenset({"digital", "film", "vintage-film"})
"""Style families that only say what the image was captured on (a camera body, film and its
grain, a camcorder): said beside a lens or a format, they are the shot's capture spec, the
lens anchor's, not a manner of rendering a later shot owes as a style. Named as a look ("a
16mm film look", "VHS aesthetic") it is the writer's style."""
_NAMED_A_LOOK = re.compile(r"[- ](?:look|aesthetic|style|feel)$", re.I)


def extract(shot: Shot, cast: Cast, previous: set[str]) -> ShotAnchors:
    """Every anchor mention of one shot. `previous`: the characters seen so far (pronouns)."""
    text = shot.prompt
    low = text.lower()
    out = ShotAnchors(shot=shot)
    refs = cast.refs(text, previous)
    out.present = {r.key for r in refs}
    out.mentions += identity(text, refs, cast.apposition, cast.person_nouns,
                             frozenset(cast.renamed.values()))
    out.mentions += wardrobe(text, low, refs)
    places, out.places = setting(text, [m for m in out.mentions if m.anchor == "wardrobe"])
    out.mentions += places
    if not places:
        out.mentions += set_parts(text, places)
    hours = time_of_day(text)
    out.mentions += hours
    out.mentions += [_as_hour(m, hours) for m in light_directions(text, low)]
    grades = palettes(text, low)
    out.mentions += grades
    lens = lenses(text)
    out.mentions += lens
    looks = [_as_format(m, lens) for m in styles(text) if not _a_grade(m, grades)]
    out.mentions += looks
    out.mentions += _video_format(looks, lens)
    text = _unquoted(text)  # a reason is the writer's: "'I remember every one'" is a line
    out.reasons = {kind: [m.group(0) for m in pattern.finditer(text)
                          if (kind != "light" or not _switches_a_thing(text, m)) and
                          (kind != "clothes" or not (_now_somewhere(text, m) or
                                                     _dresses_in_nothing(text, m))) and
                          (kind != "time" or not (_later_in_a_clause(text, m) or
                                                  _by_the_light_of(text, m)))]
                   for kind, pattern in _REASONS.items()}
    out.reasons["face"] = [m.group(0) for m in _FACE_CHANGE.finditer(text)]
    for kind, clauses in clause_reasons(text).items():
        out.reasons.setdefault(kind, []).extend(clauses)
    return out


_QUOTED = re.compile(r"(?<![\w'])'(?:[^'\n]|(?<=\w)'(?=\w))+?'(?![\w'])|\"[^\"\n]+\"|“[^”\n]+”|"
                     r"‘(?:[^’\n]|(?<=\w)’(?=\w))+?’(?!\w)")
"""Words in quotation marks: a line a character speaks or sings, a sign's lettering."""


def _unquoted(text: str) -> str:
    """The text with its quoted words blanked (same length, so offsets hold): what a character
    says ("'Sixty boats. I remember every one.'") is no stated reason for a change of place,
    hour or look; the writer's own words around it are."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


_FACE_CHANGE = re.compile(r"years later|decades later|as an? (?:old|older|elderly|grown|adult)|"
                          r"(?:lets?|letting|takes?|taking|shakes?|shaking) (?:her|his|their) hair "
                          r"(?:down|loose|out)|(?:pulls?|pulling|gathers?|gathering|scrapes?|"
                          r"scraping|sweeps?|sweeping|braids?|braiding|plaits?|plaiting|knots?|"
                          r"knotting|loosens?|loosening|unbraids?|unbraiding) (?:back |up )?"
                          r"(?:her|his|their) hair|(?:unpins?|unpinning|unties|untying|pins?|pinning|"
                          r"ties|tying|twists?|twisting) (?:up )?(?:her|his|their) hair|"
                          r"(?:now|grown) (?:an? )?(?:old|older|adult|woman|man)|makeover|"
                          r"haircut|disguise|in costume|now (?:in )?(?:his|her|their) (?:early |mid-?|"
                          r"late )?(?:teens|twenties|thirties|forties|fifties|sixties|seventies|"
                          r"eighties|nineties|[1-9]0s)|now (?:aged|grey|gray|white-haired|"
                          r"grey-haired|gray-haired|wrinkled|elderly|older)", re.I)
"""Reasons that change a face or hair, not only clothes (a jump of years, a makeover, a
disguise, "now in her seventies"): taking off a mask or putting on a coat changes no hair
colour."""


_NAME_COLON = re.compile(r"(?:^|(?<=[.!?;]\s)|(?<=[-*•]\s))(\*\*|__)?(" + NAME_WORD +
                         r")"
                         r"(\*\*|__)?:(?=\s+(?:a|an|the)\s)")
"""A character sheet line, "Leo: a lanky teen with a buzz cut": the name, a colon, who they
are; also as a Markdown list item with the name in bold ("- **Leo**: a lanky teen")."""


def _sheet_lines(shots: list[Shot]) -> list[Shot]:
    """The shots with a sheet line's colon read as the comma of an apposition ("Leo: a lanky
    teen" as "Leo, a lanky teen"), when the name is used elsewhere in the list without a
    colon (so "Wide: a man" stays a shot size). Same length: every span stays put."""
    everything = "\n".join(s.prompt for s in shots)

    def as_comma(m: re.Match[str]) -> str:
        name = m.group(2)
        if name in NOT_NAMES or not re.search(r"(?<![\w'-])" + name + r"(?![\w'-]|\**:)",
                                              everything):
            return m.group(0)
        return " " * len(m.group(1) or "") + name + "," + " " * len(m.group(3) or "")

    def as_named(m: re.Match[str]) -> str:
        words = [w.capitalize() for w in m.group(2).split()]
        if m.group(0).rstrip().endswith(","):
            if len(words) == 1 and _named_in_running_text(words[0], everything):
                pass  # "Two dancers: JUN, tall, ...; and RAE, petite": the names "Jun" and
                # "Rae" the other shots write
            elif len(words) != 2 or not _titled(words[0]) or not re.search(
                    r"(?<![\w'-])" + re.escape(words[1]) + r"(?![\w'-])", everything):
                return m.group(0)  # "HEAVY RAIN, thunder": no title, no name said elsewhere
        elif not re.search(r"(?<![\w'-])" + r"\s+".join(words) + r"(?![\w'-])", everything):
            return m.group(0)  # never written as a name elsewhere: a slug's place
        named = " ".join(words)
        if m.group(1):
            named = m.group(1).lower() + " " + named
        return named + "," + " " * (len(m.group(0)) - len(named) - 1)

    names = _lowercase_names(shots) | names_typed_lower(shots)
    return [replace(s, prompt=_capitalised(names, _DOUBLE_HYPHEN.sub(" \u2014  ", _CAPS_SHEET.sub(
        as_named, _NAME_COLON.sub(as_comma, s.prompt))))) for s in shots]


_PERSON_ALTS = "|".join(sorted(vocab.PERSON_NOUNS, key=len, reverse=True))
_LOWER_INTRO = re.compile(
    r"(?<![\w'’-])([a-z]{3,})(?=\s*\(\s*(?:\d0s|\d{1,2}\b|(?:early |mid-?|late )?(?:teens|twenties|"
    r"thirties|forties|fifties|sixties|seventies|eighties))|,\s+(?:(?:an?|the)\s+)?"
    r"(?:[a-z-]+\s+){0,3}?(?:" + _PERSON_ALTS + r")(?![\w-]))|(?<![\w'’-])(?:" + _PERSON_ALTS +
    r")\s+([a-z]{3,})(?=\s*[,(])")
"""A lower-case word introduced as a person: a description in brackets that starts with an age
("maya (20s, box braids)"), an apposition ("mira, a wiry climber", "kenji, bike courier"), or
a person noun before it ("my guy zeke, ...")."""
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")
_NAME_PLACE = re.compile(r"(?:^|[.,;:!?()\[\]|/+*#>-]|\b(?:and|or|with|to|at|by|of|as|for|"
                         r"from|while|then|" + _PERSON_ALTS + r"))\s*$")
"""What may come right before a name: the start, a stop or a bracket, a conjunction or a
preposition, a person noun ("courier kenji"); not an article or an adjective ("heavy rain")."""
_KNOWN_WORDS = frozenset(set(vocab.PERSON_NOUNS) | set(vocab.PLACES) | set(vocab.GARMENTS) | set(vocab.HUES) |
                         set(vocab.ANIMAL_LEADS))


def _lowercase_names(shots: list[Shot]) -> frozenset[str]:
    """Names a list writes in lower case ("ok shot 1: maya (20s, box braids) dancing", "shot 2
    - zeke ollies a curb"): a word introduced as a person (`_LOWER_INTRO`) in one shot, said in
    two shots at least, always where a name can stand (never after an article or an adjective),
    and no word the anchor vocabulary knows."""
    found = set()
    for shot in shots:
        for m in _LOWER_INTRO.finditer(shot.prompt):
            found.add(m.group(1) or m.group(2))
    out = set()
    for word in found:
        if word.capitalize() in NOT_NAMES or word in _KNOWN_WORDS:
            continue
        pattern = re.compile(r"(?<![\w'’-])" + word + r"(?![\w'’-])")
        said = [[m.start() for m in pattern.finditer(s.prompt)] for s in shots]
        if sum(1 for at in said if at) < 2:
            continue
        if all(_NAME_PLACE.search(s.prompt[max(0, i - 30):i]) for s, at in zip(shots, said,
                                                                              strict=True)
               for i in at):
            out.add(word)
    return frozenset(out)


def _capitalised(names: frozenset[str], text: str) -> str:
    """The text with the lower-case names written as names (same length)."""
    if not names:
        return text
    return _LOWER_WORD.sub(lambda m: m.group(0).capitalize() if m.group(0) in names
                           else m.group(0), text)


_DOUBLE_HYPHEN = re.compile(r" -- (?=\S)")
"""A dash typed as two hyphens ("a rider -- a slight woman in a poncho -- threads"), read as
the dash it stands for (an em dash and a space: same length)."""


_CAPS_SHEET = re.compile(r"(?:(?<=^)|(?<=[.!?;:]\s)|(?<=[.!?;:]\s\s)|(?<=[;,]\sand\s))"
                         r"(?<!(?:INT|EXT)\.\s)"
                         r"(?:(THE)\s+)?([A-Z][A-Z'’]+(?:\s[A-Z][A-Z'’]+)?)(?:\s+[-–—]|\s*:|,)\s+"
                         r"(?=[a-z\d])")
"""A cast sheet's entry in screenplay capitals, "MAGS - forties, grey braid." or "THE KID:
ten, freckles": read as the name the shots use ("Mags, forties", "the Kid, ten"), when the
list writes that name in running text (so "INT. DINER - NIGHT" stays a slug). Same length.
A title and a name in capitals before a comma ("COUNT ORLOK, bald, rat-toothed") is the
screenplay's first appearance of the name the other shots write in running text ("Orlok
watches"): read as "Count Orlok, bald, ..."."""


_TITLES = frozenset(vocab.words(
    "count countess lady lord sir dame doctor dr professor captain mr mrs ms miss madame madam "
    "father mother sister brother uncle aunt king queen prince princess duke duchess baron "
    "baroness general colonel major sergeant lieutenant officer detective inspector agent judge "
    "senator reverend saint master"))
"""Honorifics and ranks that stand before a name ("COUNT ORLOK", "DOCTOR OKAFOR")."""


def _named_in_running_text(word: str, everything: str) -> bool:
    """Whether a word set in capitals before a comma ("JUN, tall") is a name the list writes in
    running text ("Jun pops and locks"): written capitalised after a space (not only at the head
    of a line), and no word the anchor vocabulary knows ("DAWN, mist" stays an hour)."""
    if word.lower() in _KNOWN_WORDS or word in NOT_NAMES:
        return False
    return re.search(r"(?<=[\w,;:] )" + re.escape(word) + r"(?![\w'-])", everything) is not None \
        or re.search(r"(?<![\w'-])" + re.escape(word) + r"(?=\s+[a-z]+s\b)", everything) is not None


def _titled(word: str) -> bool:
    low = word.lower()
    return low in _TITLES or low in vocab.PERSON_NOUNS


def extract_all(shots: list[Shot]) -> list[ShotAnchors]:
    """Every shot's anchors, with one cast read across the list (a name introduced in shot 1
    is the same character in shot 4) and pronouns resolved against who was seen before."""
    read = _sheet_lines(shots)
    cast = Cast(read)
    seen: set[str] = set()
    group: set[str] = set()
    out = []
    for shot, as_read in zip(shots, read, strict=True):
        anchors = extract(as_read, cast, seen)
        anchors.shot = shot  # the writer's own words for the rewrite (same spans)
        if not anchors.present and len(group) >= 2 and _together(as_read.prompt):
            anchors.present = set(group)  # "they argue": the people of the shot before
        known = {k for k in anchors.present if k in cast.names or k in cast.person_nouns}
        if known:
            group = known
        seen |= anchors.present
        out.append(anchors)
    return out


_GROUP = re.compile(r"(?:^|[.:;!?,]\s*|\band\s+|\bthen\s+)(?:they|both of them|both|the two(?: of "
                    r"them)?|the pair|the couple|the duo)\s+(?:[a-z]+ly\s+)?(?:are\s+|were\s+)?"
                    r"[a-z]+(?<!s's)(?![\w'-])", re.I)
"""A shot whose people are the ones before, named together ("Medium: they argue", "the
pair fall silent", "both turn"): a plural subject that names nobody new brings back every
character of the last shot with people, so each still owes their description."""
_PLURAL_BEFORE = re.compile(r"(?<![\w'-])(?:the|these|those|two|three|four|some|many|several|"
                            r"its|their)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+s(?![\w'-])", re.I)
"""Things said before a "they" ("the trams arrive; they are empty"): the pronoun may be
theirs, not the people's."""


def _together(text: str) -> bool:
    m = _GROUP.search(text)
    if m is None:
        return False
    said = m.group(0).lower()
    return not (re.search(r"(?<![\w'-])(?:they|both)(?![\w'-])", said) and
                _PLURAL_BEFORE.search(text[:m.start() + 1]))
