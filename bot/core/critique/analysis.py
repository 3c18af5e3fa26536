"""Split a video prompt into the components that steer a video model.

Lexicon matching rather than a parser: prompts are comma-spliced fragments, not sentences, and
the words that carry a camera or a light are a small, known vocabulary. Every match keeps its
span, so a critique can quote the exact words and a translation can move them.

The lexicon finds candidates; small grammar rules about the words around each one decide what
it is, by the definitions of issue 12: camera = movement, angle, height, position or point of
view, and a move word is a camera move only when the camera is its subject or it stands in a
camera construction ("she pans the gold" is not); shot = size and framing only; motion = speed,
manner, weight or physics (not a direction, not an adjective of a thing: "a graceful dancer");
lighting = a source, direction, quality or time of day. Adjectives that describe one thing ("a
blue sky", "a vintage SUV", "glowing mushrooms") are that thing's, not the clip's colour, style
or light. Subjects include people's names ("Taylor Swift") and a clause's leading noun phrase.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

from bot.core import cached_re as re
from bot.core.critique.camera_grammar import (
    CAMERA_ONLY_HEADS,
    audience_moves,
    camera_move_verb,
    frame_subject_moves,
    oriented_to_camera,
    participle_for_next_subject,
    seen_from,
    subjectless_camera_clauses,
    viewpoint_phrases,
)
from bot.core.critique.claims import (
    CLAIM_ORDER,
    SHARED,
    Bounds,
    Disjoint,
    _inside,
    _keep_longest,
    _overlaps,
    make_span,
)
from bot.core.critique.components import Component as C
from bot.core.critique.degree_adverbs import SMALL_DEGREE_ADVERBS
from bot.core.critique.dispatch import (
    CueScanner,
    WordStarts,
    first_chars,
    gate,
    literal_prefixes,
    opens_the_gate,
    search_at,
)
from bot.core.critique.lexicon import (
    ACTION_VERBS,
    ADJECTIVE_ONLY,
    CAMERA_VAGUE,
    CLOTHING,
    COLOUR_OF_THE_FRAME,
    COMPONENT_CUES,
    DETERMINERS,
    INSTRUMENTS,
    LOOK_SOURCE,
    LOOK_SUFFIX,
    MOTION_ADJECTIVES,
    NEGATION,
    NEGATION_IDIOMS,
    NOT_VERBS_ING,
    PHRASE_STOPS,
    PLACES,
    SINGLE_COLOUR,
    SUBJECT_NOUNS,
    VAGUE_VERBS,
    trie_regex,
)
from bot.core.critique.manner_adverb_kin import MANNER_ADVERB_KIN
from bot.core.critique.manner_verbs import MANNER_VERB_FORMS
from bot.core.critique.motion_sense_verbs import MOTION_SENSE_FORMS
from bot.core.critique.motion_words import MANNER_ADVERBS
from bot.core.critique.movement_verbs import MOVEMENT_VERBS
from bot.core.critique.results import Analysis, Span
from bot.core.critique.sound_verbs import SOUND_ADJECTIVES, SOUND_VERB_FORMS
from bot.core.critique.speech_verbs import SPEECH_VERB_FORMS
from bot.core.critique.text_index import WORD, break_index, word_index, word_runs
from bot.core.noun_kinds import NOT_HEADS, PHRASE_ENDS, head_synset, is_a_person, kind_chain
from bot.core.regex_pieces import (
    case_free,
    finditer_at,
    finditer_blanked,
    finditer_found,
    pieces_as_written,
    pieces_regexes,
    top_level_alternatives,
    word_led_finditer,
    word_led_search,
)

NATIVE_LANGUAGES = ("zh", "es", "ja")
"""Languages with a lexicon of their own (bot.core.critique.native)."""


_WORD = WORD


_META = set("\\.^$*+?{}[]()|")


@cache
def factor(pattern: str) -> str:
    """Put a pattern's plain-word alternatives into one prefix trie (see lexicon.trie_regex).
    Kept across processes (cached_re.remembered): building the tries of every lexicon was a
    tenth of a cold critique's first call."""
    return re.remembered("factor", pattern, _factor)


def _factor(pattern: str) -> str:
    alts = top_level_alternatives(pattern)
    literal = [a for a in alts if a and not (set(a) & _META)]
    if len(literal) < 4:
        return pattern
    rest = [a for a in alts if a not in literal]
    return "|".join([trie_regex(literal), *rest])


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern (for substitutions on the original text)."""
    return re.compile(r"(?<![\w-])(?:" + factor(pattern) + r")(?![\w-])", re.IGNORECASE)


@cache
def compiled_lower(pattern: str) -> re.Pattern[str]:
    """The same for text already lower-cased: about a third faster than IGNORECASE."""
    return re.compile(r"(?<![\w-])(?:" + factor(pattern) + r")(?![\w-])")


@cache
def _prefixes(pattern: str) -> frozenset[str] | None:
    return literal_prefixes(factor(pattern))


@lru_cache(maxsize=32)
def word_starts(low: str) -> WordStarts:
    """Shared by the anti-pattern and rewrite checks that all look at the same prompt."""
    return WordStarts(low)


def search_lower(pattern: str, low: str) -> re.Match[str] | None:
    """`compiled_lower(pattern).search(low)`, skipped when no word of `low` can begin a match:
    most of the dozens of checks a critique makes look for words the prompt does not have.
    Where few words can, the pattern is tried at those alone (`WordStarts.places`)."""
    starts, prefixes = word_starts(low), _prefixes(pattern)
    if not starts.may_match(prefixes):
        return None
    places = starts.places(prefixes, PLACES_PER_CHAR)
    if places is None:
        return word_led_search(compiled_lower(pattern), low)
    return search_at(compiled_lower(pattern), low, places)


def finditer_lower(pattern: str, low: str) -> list[re.Match[str]]:
    """`compiled_lower(pattern).finditer(low)` as a list, by the same shortcuts as
    `search_lower`."""
    starts, prefixes = word_starts(low), _prefixes(pattern)
    if not starts.may_match(prefixes):
        return []
    places = starts.places(prefixes, PLACES_PER_CHAR)
    if places is None:
        return list(word_led_finditer(compiled_lower(pattern), low))
    return finditer_at(compiled_lower(pattern), low, places)


@cache
def _reads_lower(pattern: str) -> bool:
    return case_free(compiled(pattern).pattern)


def prompt_spans(pattern: str, prompt: str, low: str | None = None) -> list[tuple[int, int]]:
    """The spans of `compiled(pattern).finditer(prompt)`: on an ASCII prompt, of a pattern
    that reads the same lower-cased (`regex_pieces.case_free`), those of `finditer_lower` on the
    prompt's lower-cased copy (`low`, made here when not given), which has the same offsets
    and is searched without IGNORECASE, where it can begin (a third to a half of the time):
    the analysis searches that copy already for its cues, and the nouns, verbs and negations
    read from the original were a second kind of scan of the same text."""
    if prompt.isascii() and _reads_lower(pattern):
        return [m.span() for m in finditer_lower(pattern, prompt.lower() if low is None else low)]
    return [m.span() for m in word_led_finditer(compiled(pattern), prompt)]


PLACES_PER_CHAR = 1 / 5
"""Up to this many places per character of text, `search_lower` and `finditer_lower` try the
pattern at each of them rather than scan the text: about one a word, where a common short
prefix ("a", "s") begins most words (measured in instructions over 120 gallery prompts: a
tenth of the critique less at 1/10 and 1/5, a little less at 1/40)."""


_ACTION_VERBS_PATTERN = trie_regex(ACTION_VERBS)
_ACTION_RE = compiled(_ACTION_VERBS_PATTERN)
_SUBJECT_RE = compiled(SUBJECT_NOUNS)
def compiled_gated(pattern: str) -> re.Pattern[str]:
    """`compiled`, behind the lookahead of where a match can begin (`dispatch.gate`, read with
    the same IGNORECASE, so it lets through every place the pattern can match): the vague
    verbs and camera words ("(?:[\\w-]+,? )?camera movements?") scan in a tenth of the time,
    their alternatives no longer tried whole at every word start. A plain word list (a prefix
    trie already) gains nothing from it."""
    body = factor(pattern)
    return re.compile(r"(?<![\w-])" + gate([body]) + r"(?:" + body + r")(?![\w-])",
                      re.IGNORECASE)


_VAGUE_RE = compiled_gated(VAGUE_VERBS)
_CAMERA_VAGUE_RE = compiled_gated(CAMERA_VAGUE)


@cache
def _gated_lower(pattern: str) -> re.Pattern[str] | None:
    """`compiled_gated(pattern)` without IGNORECASE, for the lower-cased copy of an ASCII
    prompt; None where the pattern does not read the same so (`regex_pieces.case_free`)."""
    gated = compiled_gated(pattern).pattern
    return re.compile(gated) if case_free(gated) else None


def gated_spans(pattern: str, regex: re.Pattern[str], prompt: str,
                low: str) -> list[tuple[int, int]]:
    """The spans of `regex.finditer(prompt)` (`compiled_gated(pattern)`), read from `low`, the prompt's
    lower-cased copy, where the prompt is ASCII and the pattern case-free (`_gated_lower`):
    the same matches without IGNORECASE, which made the engine fold every character it
    tried (the vague verbs' and camera words' scans of a long prompt, a third less)."""
    lower = _gated_lower(pattern) if prompt.isascii() else None
    if lower is not None:
        lower = live_alternation((factor(pattern),), low, _gated_alternation)
        return [m.span() for m in word_led_finditer(lower, low)]
    return [m.span() for m in word_led_finditer(regex, prompt)]


@cache
def _gated_alternation(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """`_gated_lower` of the one pattern in `patterns` (already factored), by
    `live_alternation` without the alternatives the text can't match."""
    (body,) = patterns
    return re.compile(r"(?<![\w-])" + gate([body]) + r"(?:" + body + r")(?![\w-])")


@cache
def _component_regex(comp: C) -> re.Pattern[str]:
    """All of a component's cues in one pass; the named group says which cue matched."""
    return _cue_alternation(_cue_patterns(comp))


@cache
def _cue_alternation(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """The cues' patterns in one regex, each in its named group (`_component_regex`)."""
    body = "|".join(f"(?P<g{i}>{p})" for i, p in enumerate(patterns))
    return re.compile(r"(?<![\w-])" + gate(patterns) + r"(?:" + body + r")(?![\w-])")


Alternatives = tuple[tuple[str, ...], ...]
"""A pattern list read as each pattern's top-level alternatives (`top_level_alternatives`)."""
Wide = tuple[tuple[tuple[int, int], tuple[re.Pattern[str], ...]], ...]
"""Where the alternatives that open a gate are (pattern, alternative) and their pieces' tests."""


@cache
def _split_alternatives(patterns: tuple[str, ...]) -> tuple[Alternatives, Wide]:
    """The patterns' top-level alternatives, and those of them that open their gate
    (`dispatch.opens_the_gate`) with the tests of the literal pieces every match of theirs
    holds (`pieces_as_written`); one with no such piece can't be told absent and is left
    out of the second list (always kept)."""
    split = tuple(tuple(top_level_alternatives(p)) for p in patterns)
    wide = []
    for i, alternatives in enumerate(split):
        for j, alternative in enumerate(alternatives):
            pieces = pieces_as_written(alternative) if opens_the_gate(alternative) else ()
            if pieces:
                wide.append(((i, j), tuple(pieces_regexes(pieces))))
    return split, tuple(wide)


def live_alternation(patterns: tuple[str, ...], text: str,
                     build: Callable[[tuple[str, ...]], re.Pattern[str]]) -> re.Pattern[str]:
    """`build(patterns)`, without the alternatives that open the gate (`_split_alternatives`)
    and can't match in `text`: a piece every match of theirs holds is missing from it.

    Why: an alternative whose beginnings the gate can't list ("(?:[\\w-]+ )?(?:style|mood|
    ...)", "[\\w-]+[- ]colou?red", "(?:[\\w-]+,? )?camera movements?") is tried at every word
    of the text, by the gate and by the alternation; the style regex cost three times the
    sum of its cues' regexes. An alternative that fails everywhere in the text changes no
    match of the alternation (the others are tried in the same order at the same places), so
    leaving it out gives the same matches with the same groups. The regexes are kept per set
    of alternatives left out (at most two to the number of such alternatives)."""
    _, wide = _split_alternatives(patterns)
    dead = frozenset(place for place, tests in wide
                     if not all(test.search(text) for test in tests))
    return _without_alternatives(patterns, dead, build) if dead else build(patterns)


@cache
def _without_alternatives(patterns: tuple[str, ...], dead: frozenset[tuple[int, int]],
                          build: Callable[[tuple[str, ...]], re.Pattern[str]]
                          ) -> re.Pattern[str]:
    split, _ = _split_alternatives(patterns)
    kept = tuple("|".join(a for j, a in enumerate(alternatives) if (i, j) not in dead)
                 or "(?!)" for i, alternatives in enumerate(split))
    return build(kept)


@cache
def _cue_patterns(comp: C) -> tuple[str, ...]:
    return tuple(factor(cue.pattern) for cue in COMPONENT_CUES[comp])


def _live_component_regex(comp: C, low: str) -> re.Pattern[str]:
    """`_component_regex(comp)` for this text (`live_alternation`)."""
    return live_alternation(_cue_patterns(comp), low, _cue_alternation)


@cache
def _pieces_tests(comp: C) -> list[re.Pattern[str]]:
    """Literal strings every match of the component's regex contains (`pieces_as_written`, one
    of each set), as searches: when one finds nothing, the regex is not run. A cue that can
    begin with any letter ("[a-z]+'s eye") stays in its component's gate (`dispatch.gate`) as
    written, so the regex is still tried at every word start; on the English words of a Chinese
    or Japanese prompt, blanked to spaces around them, that was most of the prompt's critique."""
    return pieces_regexes(pieces_as_written(_component_regex(comp).pattern))


@cache
def _squeezable(comp: C) -> bool:
    """Whether no literal piece of the component's tests (`_pieces_tests`) holds two spaces in
    a row: then a run of spaces can stand as one space where they are tested (`_pieces_view`)."""
    pieces = pieces_as_written(_component_regex(comp).pattern)
    return not any("  " in piece for strings in pieces for piece in strings)


_SPACES = re.compile(r"  +")


@lru_cache(maxsize=8)
def _squeezed(low: str) -> str:
    return _SPACES.sub(" ", low)


def _pieces_view(low: str, comp: C) -> str:
    """The text `_matches` tests the component's literal pieces in: `low` with each run of
    spaces one space, where the pieces allow it (`_squeezable`). A piece with at most single
    spaces is in the squeezed text wherever it is in `low`; one found only there (across a
    run of spaces) lets the regex run, which then finds what it finds in `low`: the matches
    are the same. The English words of a Chinese or Japanese prompt are read with everything
    else blanked to spaces (`native._english_spans`), and the tests, whose pieces mostly begin
    with a space, were tried at every one of them: a third of that reading."""
    return _squeezed(low) if "  " in low and _squeezable(comp) else low


def _pieces_found(low: str, comp: C) -> bool:
    """Whether every set of the component's literal pieces has one in the text (see
    `_pieces_view`): False only where its regex finds nothing in `low`."""
    tested = _pieces_view(low, comp)
    return all(test.search(tested) for test in _pieces_tests(comp))


DISPATCH_MIN_CUES = 20
"""From this many cues, first-character dispatch beats one big alternation (measured: camera's
32 cues scan in 0.19 ms instead of 0.36; a component with 11 cues is faster as one regex)."""


@cache
def _scanner(comp: C) -> CueScanner | None:
    """The same matches as `_component_regex(comp)`, faster for big cue lists (dispatch.py)."""
    patterns = [factor(cue.pattern) for cue in COMPONENT_CUES[comp]]
    if len(patterns) < DISPATCH_MIN_CUES or any(first_chars(p) is None for p in patterns):
        return None
    return CueScanner(patterns)


_CAMERA_READINGS = (("camera clause", subjectless_camera_clauses), ("seen from", seen_from),
                    ("oriented to camera", oriented_to_camera),
                    ("frame as subject", frame_subject_moves), ("audience moves", audience_moves),
                    ("viewpoint", viewpoint_phrases))
"""Camera instructions read by grammar (camera_grammar.py), added to the lexicon's."""

WEAK_PLACE = 0.5
"""Strength of the general "preposition + noun phrase" setting cue: it yields to any overlap."""



# The camera (or lens, drone) as a thing in the scene: "a", a possessive, or "a" + adjective
# before it. "The camera ..." is the one filming.
_CAMERA_THING = re.compile(r"(?:camera|lens|drone|view)s?\b(?! (?:shot|view|footage|perspective|"
                           r"pov|cam|angle|movement|work))")
_A_THING_BEFORE = re.compile(r"(?<![\w'-])(?<!by )(?<!with )(?<!from )(?<!through )(?<!on )"
                             r"(?:a|an|his|her|their|my|your|our|its)(?: [a-z][\w'-]*)? $")
_FILMING_VERB = re.compile(r"(?:pan|tilt|zoom|doll|track|truck|orbit|circl|follow|glid|sweep|"
                           r"mov|film|record|captur|drift|watch|"
                           r"observ|look)\w*$")
_CAMERA_END = re.compile(r"(?:camera|cam|camcorder)s?$")


def _camera_is_a_thing(low: str, start: int, end: int) -> bool:
    """"A vintage camera sits on the desk", "holds a handheld camera": the camera as a thing in
    the scene (an article, a possessive or an article + adjective before it), unless a verb of
    filming follows ("A camera pans across a lake": the camera filming)."""
    text = low[start:end]
    if not (_CAMERA_THING.match(low, start) or _CAMERA_END.search(text)) or "-mounted" in text \
            or re.search(r"'s[- ]eye", text):  # "a drone's-eye view": the camera's height
        return False  # a rig ("a chest-mounted camera") is the one filming
    if not _A_THING_BEFORE.search(low, max(0, start - 30), start):
        return False
    thing_end = _CAMERA_THING.match(low, start)
    after = thing_end.end() if thing_end and not _CAMERA_END.search(text) else end
    gap, verb = _next_word(low, after)
    if gap == " " and verb in ("shot", "shots", "view", "footage", "pov", "angle", "perspective"):
        return False  # "a snorricam shot of a man": the rig names the shot
    if _MOVING_RIG.match(text):
        return False  # "a roving camera", "a floating camera": the one filming, moving
    if gap == " " and _CAMERA_END.search(text) and camera_move_verb(verb):
        return False  # "a camera swoops over the castle": a camera that moves is filming
    return not (gap == " " and _FILMING_VERB.match(verb))


_MOVING_RIG = re.compile(r"(?:roving|moving|travell?ing|floating|drifting|gliding|flying|"
                         r"hovering|rotating|spinning|orbiting|circling|swooping|sweeping|"
                         r"tracking|following|wandering|prowling|searching|shaky) ")
"""A camera described by its own movement is the camera filming, not a prop."""


_OPENS_CLAUSE = re.compile(r"(?:^|[,.;:!?]\s*)(?:a|an|the)\s+$")
_PREPOSITION_WORDS = frozenset({
    "in", "on", "at", "through", "across", "inside", "over", "under", "along", "into", "onto",
    "around", "with", "by", "from", "to", "toward", "towards", "of", "for", "via",
    "using", "during", "and", "or", "plus"})


_NOT_MODIFIERS = frozenset({
    "a", "an", "the", "his", "her", "its", "their", "my", "our", "your", "this", "that", "with",
    "and", "has", "had", "have", "of", "in", "on", "at", "by", "for", "to", "from", "is", "are",
    "was", "were", "skin", "flesh", "wooden", "artist's", "painter's", "painter", "artist", "whose",
    "s"})
_LEFT_WORD = re.compile(r"(?<![\w'-])([a-z][\w'-]*)( and | )$")  # a comma ends the phrase


_EYE_FEATURES = re.compile(r"(?:[\w-]+-(?:colou?red|eyed|shaped)|hazel|brown|amber|almond|"
                           r"heterochromatic|mismatched|glowing|cat-like|catlike|hooded|"
                           r"monolid|one|two|three|single|multiple|compound|mechanical|"
                           r"cybernetic|robotic|red|orange|yellow|green|blue|purple|violet|pink|"
                           r"grey|gray|black|white|silver|gold|golden|emerald|azure|ice-blue|"
                           r"sea-green|crimson|scarlet|dark|pale|light)$")
"""What an eye keeps from frame to frame: its colour, shape or make ("green eyes", "almond
eyes", "robotic eyes"). "Tired", "wide", "teary" eyes are a look of the moment."""


def _a_look_not_a_feature(low: str, start: int, end: int, left: tuple[int, int]) -> bool:
    """Is the consistency match at `start:end` a pair of eyes described only by the look of the
    moment? (A feature needs a modifier: the cue grows over one to three of them.)"""
    if not left[1] or low[start:end] != "eyes":
        return False
    grown = _grow_left(low, start, *left)
    if grown < 0:
        return False
    return not any(_EYE_FEATURES.match(w) for w in low[grown:start].replace(",", " ").split())


def _grow_left(low: str, start: int, at_least: int, at_most: int) -> int:
    """Start of the span grown over up to `at_most` modifiers to the left of `start` ("clean
    white and honey-gold palette", "long dark purple hair"); -1 when fewer than `at_least`."""
    taken = 0
    while taken < at_most:
        m = _LEFT_WORD.search(low, max(0, start - 40), start)
        if not m or m.group(1) in _NOT_MODIFIERS or m.group(1) in ACTION_VERBS \
                or m.group(1).endswith(("'s", "\u2019s")):
            break  # an owner ("the woman's eyes") is not a modifier of the detail
        start = m.start(1)
        taken += 1
    return start if taken >= at_least else -1


_TO_COMPOUND = re.compile(r"[a-z]+(?:-[a-z]+)*-to-[a-z]+(?:-[a-z]+)*")
"""A compound of moves joined by "-to-" ("static-to-slow-push-in", "wide-to-close")."""


def _open_compounds(low: str) -> str:
    """`low` with the hyphens of "-to-" compounds made spaces (same length, so spans hold):
    "Static-to-slow-push-in" is a static frame going to a slow push-in, read word by word."""
    if "-to-" not in low:
        return low
    return _TO_COMPOUND.sub(lambda m: m.group(0).replace("-", " "), low)


def _not_heard(low: str, start: int, end: int) -> bool:
    """Is the audio word at `start:end` no sound heard: the thing's adjective ("the roaring
    fireplace"), a pastime ("listening to music"), a figure, a thing's name, a feeling, an
    instrument played with no sound said, the end of a name?"""
    return (_participle_of_a_noun(low, start, end) or _music_as_pastime(low, start, end)
            or _figurative_sound(low, end) or _sound_word_names_a_thing(low, start, end)
            or _sound_among_feelings(low, start, end) or _instrument_played(low, start, end)
            or _end_of_a_things_name(low, start, end))


_SOUND_VERBS = "|".join(sorted(SOUND_VERB_FORMS))
_SOUND_ADJECTIVES = "|".join(sorted(SOUND_ADJECTIVES))
_SOUND_VERB_WORDS = frozenset(w.lower() for w in SOUND_VERB_FORMS)
_SOUND_ADJECTIVE_WORDS = frozenset(w.lower() for w in SOUND_ADJECTIVES)
SOUND_VERB = "sound verb"
"""The cue name of `sound_verbs`' audio spans."""


def sound_verbs(low: str) -> list[tuple[int, int]]:
    """The forms of verbs whose first WordNet sense makes a sound, and the adjectives whose
    first sense is a sound's (sound_verbs.py, from scripts/gen_sound_verbs.py: "slurping
    noodles", "a kettle gurgled", "a noisy keyboard"): a sound said by its verb or its
    adjective is a sound heard. The matches of the whole-word patterns `_SOUND_VERBS` and
    `_SOUND_ADJECTIVES` (`compiled_lower`: a hyphen joins, an apostrophe does not), found by
    looking the prompt's words up (`text_index.word_runs`): most prompts hold none."""
    runs = word_runs(low, "-")
    return runs.spans(_SOUND_VERB_WORDS) + runs.spans(_SOUND_ADJECTIVE_WORDS)


def _matches(prompt: str, low: str, comp: C,
             prefilter: bool = True) -> list[tuple[Span, str | None]]:
    """Matches on the lower-cased prompt (cheaper than IGNORECASE); spans index the original.
    `prefilter`: first test the literal pieces every match holds (`_pieces_tests`), which pays
    where the text is unlikely to hold English cues (another language's words, the blanked
    remains of a Chinese or Japanese prompt). On an English prompt they are nearly always there
    (on 83-100% of the gallery's prompts for every component but lens, a third for lens), and
    the test cost more than the searches it saved (lens: about as much)."""
    if comp is C.CAMERA:
        low = _open_compounds(low)
    cues = COMPONENT_CUES[comp]
    found: list[tuple[Span, str | None]] = []
    scanner = _scanner(comp)
    if scanner is not None and (not prefilter or _pieces_found(low, comp)):
        # the same matches as the component's regex (`_scanner`): its pieces' test holds
        hits = [(h.start, h.end, h.cue) for h in scanner.finditer(low)]
    elif scanner is not None:
        hits = []
    elif not prefilter or _pieces_found(low, comp):
        hits = [(m.start(), m.end(), int(m.lastgroup[1:]))  # type: ignore[index]
                for m in word_led_finditer(_live_component_regex(comp, low), low)
                if m.end() > m.start()]
    else:
        hits = []
    for start, end, i in hits:
        if comp is C.CAMERA and (not camera_in_context(low, start, end)
                                 or _camera_is_a_thing(low, start, end)):
            continue  # "a vintage camera sits on the desk", "a drone flies over the crowd"
        if comp is C.MOTION and (not motion_in_context(low, start, end)
                                 or _the_cameras_movement(low, end)
                                 or _a_bodys_weight(low, start, end)
                                 or _runs_into_the_next_item(low, start, end)):
            continue
        if comp is C.MOTION:
            start = _past_a_listed_noun(low, start, end)
        if comp is C.SHOT and _framing_left_unsaid(low, start, end):
            continue  # "same framing", "no traditional framing": no size or frame is given
        if comp in ADJECTIVE_ONLY and not _not_a_things_adjective(comp, low, start, end):
            continue
        if comp is C.SETTING and not _a_place(low, start, end, cues[i].strength):
            continue  # "lands on a flower", "in size", "in the background", "a glass of water"
        if comp is C.AUDIO and _not_heard(low, start, end):
            continue  # "the roaring fireplace"; "listening to music" (a pastime, no soundtrack)
        if comp is C.COLOR and (_colour_of_a_thing(low, start, end)
                                or _pair_of_a_thing(low, start, end)
                                or _contrast_of_the_light(low, start, end)
                                or _contrast_of_a_figure(low, start, end)
                                or _colour_worn_by_a_thing(low, start, end)
                                or _tone_of_a_sound(low, start, end)):
            continue  # "the sky's azure hues", "black and white paint": one thing's
        if comp is C.LIGHTING and _source_as_thing(low, start, end):
            continue  # "the neck of the lamp", "the bulb socket", "a lamp transforming into..."
        if comp is C.CONSISTENCY and _OPENS_CLAUSE.search(low, max(0, start - 8), start):
            continue  # "A red scarf is blown by the wind": the thing itself, not a detail of it
        if comp is C.CONSISTENCY and _a_look_not_a_feature(low, start, end, cues[i].left):
            continue  # "tired eyes", "wide eyes": a look of the moment, not a fixed feature
        cue = cues[i]
        if cue.left[1]:
            start = _grow_left(low, start, *cue.left)
            if start < 0:
                continue
        found.append((make_span(start, end, prompt[start:end], cue.pattern[:40], cue.strength),
                      cue.move))
    if comp is C.MOTION:
        found += [(make_span(a, b, prompt[a:b], "manner", 0.9), None)
                  for a, b in manner_adverbs(low) + manner_similes(low)
                  + hard_after_a_movement(low) + amplitude_adverbs(low)]
        found += [(make_span(a, b, prompt[a:b], "manner verb", 0.8), None)
                  for a, b in manner_verbs(low) + substances_in_motion(low)
                  + _moved_by_wind_or_water(low) + _driven_by_a_force(low)
                  + _a_breeze_described(low)]
    if comp is C.AUDIO:
        found += [(make_span(a, b, prompt[a:b], VOICE_DELIVERY, 0.8), None)
                  for a, b in voice_delivery(low)]
        sounded = sound_verbs(low)
        if sounded:
            lexical = Bounds([(s.start, s.end) for s, _ in found])
            found += [(make_span(a, b, prompt[a:b], SOUND_VERB, 0.8), None) for a, b in sounded
                      if not lexical.overlaps(a, b) and not _not_heard(low, a, b)]
    if comp is C.AUDIO and ('"' in prompt or "\u201c" in prompt):
        found += [(make_span(a, b, prompt[a:b], "spoken line", 0.8), None)
                  for a, b in _spoken_lines(prompt)]
    if comp is C.COLOR and "of" in low:
        found += [(make_span(a, b, prompt[a:b], "colours of the frame", 0.8), None)
                  for a, b in colours_of_a_time_or_light(low)]
    if comp is C.CAMERA:
        # grammar fills the gaps of the lexicon; where a cue matched, its span and move stand
        # (the dialects rewrite a known move, "tracking shot", into their own syntax)
        read = [(cue, a, b) for cue, reader in _CAMERA_READINGS for a, b in reader(low)]
        if read:
            lexical = Bounds([(s.start, s.end) for s, _ in found])
            found += [(make_span(a, b, prompt[a:b], cue, 0.9), None) for cue, a, b in read
                      if not lexical.overlaps(a, b)]
    if comp is C.SETTING and _NAMED_PLACE_HINT.search(prompt):
        found += [(make_span(m.start(), m.end(), m.group(0), "named place", 1.0), None)
                  for m in _NAMED_PLACE.finditer(prompt)]
    if comp is C.CONSISTENCY and "same " in low:
        found += [(make_span(a, b, prompt[a:b], _SAME_PLACE_CUE, 0.8), None)
                  for a, b in _the_same_place(low)]
    if comp is C.STYLE:
        found = [(s, m) for s, m in found
                 if not _POSSESSED.search(low, max(0, s.start - 8), s.start)
                 and not _a_things_make(prompt, low, s.start, s.end)]
        found += [(span, None) for span in attributions(prompt)]
    return found


_SAME_NP = re.compile(r"(?<![\w'-])(?:(?:in|at|on|inside|within|of) )?(?:the )?same "
                      r"((?:[a-z-]+,? ){0,4}[a-z]+)")
_SPOTS = frozenset({"place", "spot", "location", "setting", "environment", "interior"})
_SAME_PLACE_CUE = "the same place"
"""The cue of a place held the same: its place noun stays the setting's too."""
_SAME_NP_WORDS = 5


def _the_same_place(low: str) -> list[tuple[int, int]]:
    """"Interior of the same rustic, dimly lit wooden cabin", "centered in the same place": a
    place said to be the same as before, whatever words describe it, is held steady (the
    definition's explicit hold); the place nouns are place_words.py's. The span runs to the
    first place noun within five words."""
    found = []
    for m in word_led_finditer(_SAME_NP, low):
        for word in _WORDS_APART.finditer(low, m.start(1), m.end()):
            w = word.group(0)
            if w in _PREPOSITION_WORDS or w in _NOT_NOUNS or w in DETERMINERS:
                break  # "the same woman at the grey desk": the phrase has ended
            if w in _SPOTS or _place_re().fullmatch(w):
                # from "same": the preposition stays free to open the setting's phrase
                found.append((low.index("same", m.start()), word.end()))
                break
    return found


# --- camera moves read by grammar --------------------------------------------------------------
# Many camera-move words are also everyday verbs and nouns: "she pans the gold", "the car zooms
# past", "tracks in the snow", "the crane lifts a beam", "birds circling overhead". A move is a
# camera instruction when the camera (or the shot, the view, the drone, "we") is its subject, or
# when it stands in a camera-move construction: a clause of its own ("slow pan left", "then tilt
# up"), or a noun after a camera adjective ("with a slow pan"). Another subject before the verb
# ("she pans", "birds circling") makes it that subject's action.
CAMERA_SUBJECTS = frozenset({"camera", "cam", "cameras", "shot", "view", "lens", "pov", "frame",
                             "drone", "footage", "angle", "we", "steadicam", "gimbal", "viewer",
                             "viewpoint", "perspective"})
_FILMING_NOUNS = frozenset({"camera", "cam", "lens", "viewer"})
_OBJECT_OF = re.compile(r"(?<![\w'-])(?:to|into|at|toward|towards|past|behind|before|near|of)"
                        r" (?:the |a |an )?$")
"""A preposition before "the camera": the camera is its object, not the one filming."""
_VIEW_WORDS = frozenset({"seen", "viewed", "shot", "filmed", "captured", "photographed", "framed",
                         "observed", "starting", "starts", "begins", "opens", "unfolds", "looking",
                         "watched", "recorded"})
_AUDIENCE_SIGHT = frozenset({"see", "look", "watch", "view", "glimpse", "observe"})
"""What the audience does when it looks: "we see the harbour from above" puts the camera above."""
_MOVE_HEADS = re.compile(r"(?:pan|tilt|zoom|doll|truck|crane|boom|jib|pedestal|orbit|circl|arc|"
                         r"rotat|spin|revolv|track|follow|push|pull|crab|roll|rise|rising|descend|"
                         r"lower|sink|drop|glid|sweep|look|gaz|peer|overlook|seen|viewed|shot|filmed)")
_THING_NOUNS = frozenset({"pan", "pans", "truck", "trucks", "crane", "cranes", "boom", "dolly",
                          "pedestal", "pedestals",
                          "roll", "rolls", "track", "tracks", "jib", "arc", "orbit", "drone"})
"""Move words that are also ordinary things: after a bare determiner they are the thing."""
_MOVE_ADJECTIVES = frozenset({
    "slow", "slowly", "quick", "quickly", "smooth", "smoothly", "gentle", "gently", "steady",
    "steadily", "subtle", "subtly", "fast", "sweeping", "gradual", "gradually", "continuous",
    "whip", "crash", "snap", "dramatic", "long", "short", "slight", "slightly", "very", "full",
    "complete", "final", "fluid", "graceful", "sudden", "suddenly", "rapid", "rapidly", "soft",
    "then", "now", "also", "and", "next", "again", "finally", "immediately", "360-degree",
    "wide", "tight", "low", "high", "lateral", "vertical", "circular", "half", "forward",
    "backward", "backwards", "upward", "downward", "sideways", "inward", "outward", "reverse",
    "horizontal", "cinematic", "overhead", "aerial", "handheld"})
_ARTICLES = frozenset({"a", "an", "the", "one", "this", "that", "its", "another"})
_CLAUSE_WORDS = r"as|while|when|whilst|before|after|until|then"
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\[\]\n]|\b(?:" + _CLAUSE_WORDS + r")\b")
_CLAUSE_WORD_CUT = re.compile(r"\b(?:" + _CLAUSE_WORDS + r")\Z")
"""A clause word that a cut at an offset ends (the "as" of "asleep" cut after its "s"): in
the text up to the offset it is a break, in the whole text it is not."""
_PARTICIPLE_OF_SUBJECT = re.compile(r"(?:circl|rotat|spinn|revolv|orbit|sweep|swing|turn|"
                                    r"push|pull|rising|descend|lower|sink|drop|glid)\w*ing$")


def _clause_words(low: str, start: int) -> list[str]:
    """The words of the clause that ends at `start` (back to a comma, a full stop, "as"...).
    The breaks are found once per text (`text_index.break_index`): the manner readers ask this
    of every candidate, and rescanning the prompt from its start each time made a long prompt
    cost its length squared."""
    return _WORD.findall(low, _clause_start(low, start), start)


def _clause_start(low: str, start: int) -> int:
    """Where the clause that ends at `start` begins: after the last `_CLAUSE_BREAK` match of
    `low[:start]`. Each break's match is the same in `low` and in `low[:start]` unless `start`
    cuts a word, which the cut-off text may read as a clause word (`_CLAUSE_WORD_CUT`)."""
    if _CLAUSE_WORD_CUT.search(low, max(0, start - _LONGEST_CLAUSE_WORD), start):
        return start
    return break_index(_CLAUSE_BREAK, low).last_end(start)


_LONGEST_CLAUSE_WORD = max(len(w) for w in _CLAUSE_WORDS.split("|"))


_DIRECTIONS = frozenset({"left", "right", "up", "down", "in", "out", "upward", "downward",
                         "upwards", "downwards", "forward", "back", "backward"})
_OBJECT_STARTS = frozenset({"the", "a", "an", "his", "her", "its", "their", "my", "our", "your",
                            "this", "that", "these", "those", "some", "two", "three"})


def _move_with_direction(low: str, words: list[str], lead: int, end: int) -> bool:
    """"A pan left across the beach", "a truck right along a trail": a move noun with a
    direction after it is the camera's move; "a truck left the depot" (the direction word takes
    an object: it is a verb) is the truck."""
    if lead + 1 >= len(words) or words[lead + 1] not in _DIRECTIONS:
        return False
    return _next_word(low, end)[1] not in _OBJECT_STARTS


_VIEW_SUBJECTS = frozenset({"view", "viewer", "viewpoint", "perspective", "pov", "vantage",
                            "drone", "audience"})
"""Nouns that are the camera only while they move or stand somewhere: "the viewpoint rises"
is a camera move, "the view stretches for miles", "the viewer feels awe" and "the drone
delivers a parcel" are not."""
_VIEW_PLACING = frozenset({
    "is", "stays", "remains", "starts", "begins", "positioned", "placed", "mounted", "set", "held",
    "kept", "angled", "tilted", "aimed", "pointed", "low", "high", "close", "level", "near", "at",
    "above", "below", "beneath", "behind", "shifts", "shifting", "changes", "changing",
    "switches", "switching", "travels", "travelling", "traveling", "approaches", "approaching",
    "enters", "entering", "passes", "passing", "returns", "returning", "widens", "widening",
    "narrows", "narrowing", "lifts", "lifting", "climbs", "climbing"})


_FRAME_NOUN_AFTER = frozenset({"view", "views", "shot", "shots", "footage", "cam", "camera",
                               "perspective", "pov", "angle", "point", "of", "from", "flyover",
                               "sweep", "move", "movement", "feed", "video", "clip", "style"})


def _view_subject_moves(words: list[str]) -> bool:
    """For a viewpoint noun as the subject (`_VIEW_SUBJECTS`): is its verb a movement or a
    placing? The first word after the noun and its adverbs decides."""
    if words[1] in _FRAME_NOUN_AFTER:
        return True  # "a drone view", "POV shot": a compound naming the shot, not a subject
    for word in words[1:]:
        if word.endswith("ly") or word in ("then", "now", "also", "first", "finally", "point"):
            continue
        return word in _VIEW_PLACING or bool(_MOVE_HEADS.match(word)) or _movement_form(word)
    return True


_HEIGHT_PHRASE = re.compile(r"(?:(?:at|from) .*(?:level|height)|low to the ground|"
                            r"(?:close|low|near) to the (?:ground|floor|water|surface))$")
_BE_FORMS = frozenset({"is", "are", "was", "were", "sits", "sit", "stands", "stand", "hangs",
                       "hang", "lies", "lie", "rests", "rest", "placed", "mounted", "set",
                       "crouches", "crouch", "crouching", "hovers", "flies", "fly", "flying",
                       "hovering", "skims", "skimming"})


def _height_of_a_subject(low: str, start: int, words: list[str]) -> bool:
    """"The shelf is at eye level", "a cat crouches low to the ground": a height said right
    after the verb of another subject is where that subject is, not where the camera is. Said
    of the camera, the shot or on its own ("Filmed from knee height", "A toy car at ground
    level rolls...") it stays the camera's."""
    if not _HEIGHT_PHRASE.match(" ".join(words)):
        return False
    before = _clause_words(low, start)
    if not before or any(w in CAMERA_SUBJECTS or w in _VIEW_WORDS for w in before):
        return False
    last = before[-1]
    return last in _BE_FORMS or last in ACTION_VERBS or last.endswith("ed")


def camera_in_context(low: str, start: int, end: int) -> bool:
    """Is the camera-move match `low[start:end]` a camera instruction (see the note above)?"""
    words = _WORD.findall(low[start:end])
    if words and words[0] in _VIEW_SUBJECTS and len(words) > 1 and words[1] != "from" \
            and not _view_subject_moves(words):
        return False  # "the view stretches for miles", "the viewer feels a sense of awe"
    if _height_of_a_subject(low, start, words):
        return False
    if words and (words[0] == "from" or "view" in words[:2] and "from" in words[1:3]):
        # "from above", "the view from the cockpit": where the camera is, when said on its own
        # or of the shot; "light from above", "enjoying the view from the window" are not.
        before = _clause_words(low, start)
        while before and before[-1] in _ARTICLES:
            before.pop()
        return not before or before[-1] in _VIEW_WORDS or before[-1] in CAMERA_SUBJECTS \
            or before[:1] == ["we"] and len(before) > 1 and before[1] in _AUDIENCE_SIGHT

    if words and words[0] in _FILMING_NOUNS and _OBJECT_OF.search(low, max(0, start - 16), start):
        return False  # "her back to the camera looks...", "waves at the camera": not its subject
    if not words or any(w in CAMERA_SUBJECTS for w in words):
        return True
    lead = 0
    while lead < len(words) - 1 and words[lead] in _MOVE_ADJECTIVES:
        lead += 1
    head = words[lead]
    if not _MOVE_HEADS.match(head):
        return True  # an unambiguous camera word ("handheld", "steadicam", "fpv")
    before = _clause_words(low, start)
    if any(w in CAMERA_SUBJECTS for w in before):
        return True  # "the camera starts wide and slowly pans left"
    described = lead > 0
    # adjectives and participles before the move ("slow", "gently", "creeping", "unhurried")
    while before and (before[-1] in _MOVE_ADJECTIVES or before[-1].endswith(("ly", "ing"))
                      or (before[-1].endswith("ed") and "-" not in before[-1])):
        before.pop()
        described = True
    if before and before[-1] in _ARTICLES:
        if not described and head in _THING_NOUNS and not _move_with_direction(low, words, lead, end):
            return False  # "the crane lifts a beam", "a truck left the depot"
        before.pop()
        return not before or before[-1] in _PREPOSITION_WORDS  # "with a slow pan"
    if before:
        return before[-1] in _PREPOSITION_WORDS and described
    # A clause of its own: a camera instruction, unless it is a participle describing the
    # subject of the clause before ("A hawk, circling the valley") or after ("Pulling back,
    # the archer releases the arrow").
    if participle_for_next_subject(low, start, end):
        return False
    after_comma = low[:start].rstrip().endswith(",")
    if after_comma and _GAZE_PARTICIPLE.match(head) and _clause_has_a_verb(low, start):
        return False  # "An old man sits on a bench, looking down at the pigeons": his gaze
    return not (_PARTICIPLE_OF_SUBJECT.match(head) and after_comma)


_GAZE_PARTICIPLE = re.compile(r"(?:look|gaz|peer|star)ing$")


def _clause_has_a_verb(low: str, start: int) -> bool:
    """Does the clause before the comma ending at `start` say what someone does (a verb of the
    lexicon: "an old man sits on a bench")? A bare noun phrase ("A city skyline,") does not."""
    head = low[:start].rstrip().rstrip(",")
    cut = max(head.rfind(ch) for ch in ".;:!?,\n") + 1
    return any(w in ACTION_VERBS and not w.endswith("ing") or w in _BE_FORMS
               for w in _WORD.findall(head[cut:]))


# --- motion read by grammar ------------------------------------------------------------------
_DESCRIBING_PARTICIPLES = frozenset({
    "lit", "illuminated", "colored", "coloured", "dressed", "framed", "focused", "detailed",
    "textured", "painted", "rendered", "decorated", "packed", "populated", "crowded", "scented",
    "dusted", "shaded", "toned", "tinted", "exposed", "composed", "spaced", "built", "made",
    "designed", "crafted", "furnished", "lined", "covered", "wrapped", "carved", "arranged"})
_SINGLE_WORD_ADJECTIVE = frozenset({"fast", "slow", "high-speed"})


_NEXT_WORD = re.compile(r"(\W*)([a-z][a-z'-]*)")


def _next_word(low: str, end: int) -> tuple[str, str]:
    """(what separates the next word, the next word) after `end` (matched in place: a copy of
    the rest of the prompt per question made a long prompt's cost grow with its square)."""
    m = _NEXT_WORD.match(low, end)
    return (m.group(1), m.group(2)) if m else ("", "")


_CLAUSE_END = re.compile(r"[,.;:!?\n]| (?:as|while|whilst|when|until|before|after) ")
_WORDS_APART = re.compile(r"[a-z][\w'-]*")
_ADJECTIVES_BETWEEN = re.compile(r",? (?:and )?(?:[a-z-]+(?<!ing)(?<!ed),? (?:and )?){0,2}")
"""Nothing but a comma and at most two adjectives between a manner word and a camera span
("slow, steady dolly"): the manner word is the camera move's."""
_NOT_ADJECTIVES = frozenset({"the", "a", "an", "as", "while", "when", "then", "and", "but", "or",
                             "his", "her", "its", "their", "this", "that", "camera", "we"})
_CAMERA_MANNER_GAP = 2
"""At most this many words between a camera span and a phrase of manner for the phrase to be
the camera's ("camera moves at a slow pace"); a lone manner word may stand anywhere in the
camera's clause ("The camera slowly zooms in", "tilts up from the ground slowly")."""


_MATCHED_PACE = re.compile(r"at (?:his|her|its|their|the same|(?:the |a )?[a-z-]+'s|walking|"
                           r"running|jogging|wave|eye) (?:pace|speed)")
"""A speed said as another's ("at her pace", "at the car's speed", "at the same speed", "at
walking pace"): in a clause about the camera, however far from its words ("the camera backs
away in front of her at her pace"), it is the camera keeping up, the camera's speed."""


def _camera_manner(low: str, motion: Span, cameras: list[Span], actions: list[Span]) -> bool:
    """A manner word in a clause that is only about the camera ("The camera slowly zooms in",
    "Camera tilts up from the ground slowly", "Very slow push-in") is the camera's speed, not
    the movement of anything in the scene: the clause has a camera span and no action of its
    own outside it. A clause ends at punctuation or at a conjunction of time ("claps
    enthusiastically as the camera zooms in": the clapping's manner). A phrase of manner
    away from the camera words ("a first-person view of running upstairs in a hurry") is the
    scene's."""
    word = low[motion.start:motion.end].strip()
    if " " not in word and not word.endswith("ly") and any(
            0 < c.start - motion.end <= 30
            and _ADJECTIVES_BETWEEN.fullmatch(low, motion.end, c.start)
            and not set(_WORDS_APART.findall(low[motion.end:c.start])) & _NOT_ADJECTIVES
            for c in cameras):
        return True  # "a slow, steady dolly forward": one of the camera move's adjectives
    ends = _clause_ends(low)
    before = bisect_right(ends, motion.start)
    cut = ends[before - 1] if before else 0
    tail = _CLAUSE_END.search(low, motion.end)
    end = tail.start() if tail else len(low)
    in_clause = [c for c in cameras if cut <= c.start < end or cut < c.end <= end]
    if not in_clause:
        return _continues_a_camera_clause(low, motion, cut, end, cameras, actions)
    if " " in low[motion.start:motion.end].strip() and not any(
            len(_WORDS_APART.findall(low[min(c.end, motion.end):max(c.start, motion.start)]))
            <= _CAMERA_MANNER_GAP for c in in_clause) \
            and not _MATCHED_PACE.fullmatch(low, motion.start, motion.end):
        return False
    return not any(cut <= a.start and a.end <= end and not _overlaps(a, motion)
                   and not any(_overlaps(a, c) for c in cameras) for a in actions)


@lru_cache(maxsize=8)
def _clause_ends(low: str) -> list[int]:
    """Where each `_CLAUSE_END` match of `low` ends, in order. The last at or before a
    position is where the clause there begins: a scan of the text before it finds the same
    matches up to it (a match that runs past the position holds only letters and spaces inside
    it, where none begins), and scanning that text again for each motion span made a long
    prompt's cost grow with its square."""
    return [m.end() for m in _CLAUSE_END.finditer(low)]


_SENTENCE_END = re.compile(r"[.;!?\n]")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "someone", "everyone"})


def _continues_a_camera_clause(low: str, motion: Span, cut: int, end: int, cameras: list[Span],
                               actions: list[Span]) -> bool:
    """A manner word in a clause with no subject of its own that goes on from a clause about
    the camera ("Crane shot starting at street level, wet from recent rain, slowly ascending
    to reveal the city", "camera slows, floating gently"): the implied subject is the camera,
    so the manner is the camera's. The clause's verb, if it has one, must be a way a camera
    moves ("ascending", "floating"), not a body's ("The camera follows a girl, running
    quickly": her running). Going back clause by clause within the sentence, a clause with an
    action or a subject of its own ("a freediver descends ...") ends the search."""
    words = _WORDS_APART.findall(low[cut:end])
    if not words or low[:cut].rstrip()[-1:] != ",":
        return False
    verbs = [w for w in words if not w.endswith("ly") and (w.endswith("ing") or w in ACTION_VERBS)]
    if not verbs and any(not w.endswith("ly") for w in words):
        return False  # "First-person view, high-speed flight": a scene's phrase with no verb
    if verbs and not camera_move_verb(verbs[0]):
        return False
    if verbs and any(not w.endswith("ly") and w not in ("then", "now", "and", "still")
                     for w in words[:words.index(verbs[0])]):
        return False  # a subject of its own before the verb ("leaves turning slowly")
    sentence = break_index(_SENTENCE_END, low).last_end(cut)
    clause_end = cut
    while clause_end > sentence:
        starts = [m.end() for m in _CLAUSE_END.finditer(low, sentence, clause_end - 1)]
        clause_start = starts[-1] if starts else sentence
        if any(clause_start <= c.start < clause_end for c in cameras):
            return True
        if any(clause_start <= a.start < clause_end for a in actions
               if not any(_overlaps(a, c) for c in cameras)):
            return False
        first = _WORDS_APART.search(low, clause_start, clause_end)
        if first and (first.group(0) in _NP_OPENERS or first.group(0) in _PRONOUNS):
            return False  # "..., a freediver descends ..., gliding slowly": hers, not the camera's
        clause_end = clause_start
    return False


_VIEWING_VERBS = frozenset({"revealing", "reveals", "reveal", "showing", "shows", "capturing",
                            "captures", "focusing", "focuses", "framing", "frames", "unveiling",
                            "unveils", "exposing", "showcasing", "showcases", "displaying"})


_VERB_CUE_AS_NOUN = re.compile(r"(?:rippl|bounc|jiggl|quiver|undulat|wobbl|splash)e?s")
"""The lexicon's one-word motion verbs whose -s form is also a plural noun."""


_OWNER_OF_A_MOVEMENT = re.compile(r"(?<=motion|vement)s? of (?:the |its |this |that |a )?"
                                  r"([a-z-]+)(?: ([a-z-]+))?(?![\w'-])")


def _the_cameras_movement(low: str, end: int) -> bool:
    """"The gentle motion of the pan", "the slow movement of the camera": a movement noun
    whose owner, after "of", is the camera or one of its moves is the camera's speed or manner,
    which by the definition stays camera, not the movement of anything filmed."""
    m = _OWNER_OF_A_MOVEMENT.match(low, end)
    if m is None:
        return False
    return m.group(1) in CAMERA_ONLY_HEADS or m.group(2) in CAMERA_ONLY_HEADS


def _heads_its_noun_phrase(low: str, start: int, end: int) -> bool:
    """Is the speed word at `start:end` the head of a noun phrase ("for my fast, day 14 no
    food")? It must have a noun sense in WordNet ("fast": abstaining from food; "slow" has
    none), follow a determiner, and have no noun after it: an adjective describes a noun, so
    with none after it the word is the noun itself, not a movement's speed."""
    before = _LAST_WORD.search(low, max(0, start - 30), start)
    return before is not None and before.group(1) in _NP_OPENERS \
        and not modifies_noun(low, end) and bool(kind_chain(low[start:end]))


def motion_in_context(low: str, start: int, end: int) -> bool:
    """Is this motion match about a movement? "a fast car" describes the car, "softly lit"
    the light; "runs fast" and "drifts softly" are the manner of the movement."""
    text = low[start:end]
    gap, nxt = _next_word(low, end)
    if _VERB_CUE_AS_NOUN.fullmatch(text) and _verb_is_noun(low, start, end):
        return False  # "Ripples spreading across the water": the ripples, a noun
    if text.rsplit(" ", 1)[-1] in _SINGLE_WORD_ADJECTIVE and gap == " " and nxt \
            and nxt not in _PREPOSITION_WORDS \
            and nxt not in ("as", "while", "then", "but", "enough", "motion") \
            and not _intensified_after_a_movement(low, start):
        return False  # an adjective inside a noun phrase ("a fast car", "a very fast car")
    if text in _SINGLE_WORD_ADJECTIVE and _heads_its_noun_phrase(low, start, end):
        return False  # "a video for my fast, day 14": the word is the noun
    if text.endswith("ly") and gap == " " and nxt in _VIEWING_VERBS:
        return False  # "gradually revealing the room": what the shot shows, not a movement
    if _participle_of_a_noun(low, start, end):
        return False  # "the swaying palm trees": an adjective inside a noun phrase
    if " " not in text and (fictive_motion(low, start, end) or text.endswith("ly")
                            and _after_a_fictive_motion(low, start)):
        return False  # "a mural splashes across a wall", "the road curves gently": no move
    if _worn_by_the_mover(low, start, end):
        return False  # "a girl in a silk dress twirling": the girl twirls
    if text in _FIGURE_HEADS and (_FIGURE_OF.match(low, end)
                                  or _TOPIC_BEFORE.search(low, max(0, start - 40), start)):
        return False  # "the gravity of his words", "raps about gravity": a figure, a topic
    if text.endswith("impact") and _an_effect_had(low, end - len("impact")):
        return False  # "for maximum visual impact": the effect the picture has, no collision
    if text.endswith("momentum") and _abstract_before(low, start):
        return False  # "the campaign gathers momentum": a figure of an abstract thing
    if text.endswith("ly") and _manner_of_a_non_movement(low, start, end):
        return False  # "speaks softly", "smiles gently": how she speaks or smiles
    if text.endswith("ly") and _degree_of_a_state(low, start, end):
        return False  # "the door is firmly closed": the degree of a state, nothing moves
    return not (text.endswith("ly") and gap == " " and nxt in _DESCRIBING_PARTICIPLES)


_SAME_OR_NONE_BEFORE = re.compile(r"(?<![\w'-])(?:same|identical|consistent|matching|unchanged|"
                                  r"no|without(?: any| a)?)(?: [a-z-]+)? $|"
                                  # the camera's stillness said of the framing ("Locked framing
                                  # on the woman"): the camera's, no size
                                  r"(?<![\w'-])(?:locked|locked-off|static|fixed|stationary) $")


def _framing_left_unsaid(low: str, start: int, end: int) -> bool:
    """Bare "framing" after a word of sameness or a negation ("Same framing, time-lapse",
    "Composition: no traditional framing"): it says the framing is kept or absent, not what it
    is; by the definition a shot is a size or a framing said. After a word of the camera's
    stillness ("Locked framing", "static framing") it says the camera does not move: the
    camera's (its own cue reads it)."""
    return low[start:end] == "framing" \
        and _SAME_OR_NONE_BEFORE.search(low, max(0, start - 30), start) is not None


def _past_a_listed_noun(low: str, start: int, end: int) -> int:
    """Where a motion cue's words begin once a first word that ends the list item before is
    left out: "soft overcast light, gentle ripples" matched "light, gentle ripples", but a
    describing word before "light" ("overcast") makes "light" the head of its own noun phrase,
    and the comma closes it. After a determiner, a preposition or a verb ("with slow, careful
    steps", "takes slow, careful steps") the first word is the movement's and stays."""
    comma = low.find(", ", start, end)
    if comma < 0 or " " in low[start:comma]:
        return start
    before = _WORD_BEFORE.search(low, max(0, start - 30), start)
    if before is None or before.group(1) in DETERMINERS or before.group(1) in _PREPOSITION_WORDS \
            or _verb_like(before.group(1)) or before.group(1).endswith("ly"):
        return start
    return comma + 2


_INTENSIFIED_AFTER = re.compile(r"(?<![\w'-])([a-z][\w'-]*) (?:so|too|very|really|incredibly|"
                                r"impossibly|surprisingly) $")


def _intensified_after_a_movement(low: str, start: int) -> bool:
    """"The wings beat so fast they blur", "runs too fast to see": an intensified speed after a
    verb that moves is said of the movement, whatever follows it ("a very fast car" has no
    verb before the intensifier)."""
    m = _INTENSIFIED_AFTER.search(low, max(0, start - 40), start)
    return bool(m and _moves(m.group(1)))


_ABSTRACT_SUBJECTS = frozenset({"campaign", "story", "plot", "idea", "movement", "debate",
                                "trend", "market", "economy", "tension", "project", "career",
                                "rumour", "rumor", "protest", "music", "song", "narrative"})
"""Things that are no bodies: what they gain (momentum) is a figure of speech."""


def _abstract_before(low: str, start: int) -> bool:
    """Is the word before the verb at `start` (the verb's subject) an abstract thing
    (`_ABSTRACT_SUBJECTS`, or a noun with an abstract ending: "the negotiation gains momentum")?"""
    m = _WORD_BEFORE.search(low, max(0, start - 40), start)
    return bool(m and (m.group(1) in _ABSTRACT_SUBJECTS
                       or m.group(1).endswith(_ABSTRACT_ENDINGS)))


_FIGURE_HEADS = frozenset({"gravity", "momentum", "weight", "inertia", "impact"})
_FIGURE_OF = re.compile(r" of (?:his|her|their|its|the|this|that|our|my|your) (?:[a-z-]+ )?"
                        r"(?:words?|situation|moment|decision|news|loss|choice|task|history|"
                        r"grief|guilt|responsibility|crime|past|world|truth|memory|memories|"
                        r"[a-z]+(?:tion|sion|ment|ness|ity|ance|ence|ism))(?![\w'-])")
"""A word of physics said of an abstract thing ("the gravity of his words", "the weight of the
moment") is a figure of speech, not the physics of a movement."""


_TOPIC_BEFORE = re.compile(r"(?<![\w'-])(?:about|regarding|concerning|on the subject of)"
                           r"(?: (?:the|its|his|her|their))? $")
"""A word of physics as what is talked, sung or written about ("raps about gravity and
apples") is a topic, not the physics of a movement."""


_FOR_AN_EFFECT = re.compile(r"(?<![\w'-])for (?:(?:a|an|the|more|most|maximum|maximal|greater|"
                            r"extra|added|full|real|stronger|strong)[ -])?(?:[a-z-]+ )?$")
_OF_THE_MIND = re.compile(r"(?<![\w'-])([a-z]+(?:al|ive|ic|ual))(?:,? and [a-z]+)? $")
"""An adjective by its ending (-al, -ive, -ic: "visual", "emotional", "narrative",
"cinematic") before "impact": the kind of effect had, not a body striking another."""


def _an_effect_had(low: str, start: int) -> bool:
    """Is "impact" at `start` the effect something has on a viewer, not a collision: the end
    of a phrase of purpose ("for maximum impact", "for dramatic impact"), or after
    an adjective of a kind of effect by its ending (`_OF_THE_MIND`: "strong emotional impact",
    "visual impact") that is not one of a movement's (`MOTION_ADJECTIVES`: "a violent impact",
    "physical impact" keep the physics)? "Upon impact", "the impact of the meteor" stay."""
    before = low[max(0, start - 40):start]
    if _FOR_AN_EFFECT.search(before):
        return True
    m = _OF_THE_MIND.search(before)
    return m is not None and _MOTION_ADJECTIVE_WORD.fullmatch(m.group(1)) is None


_NOT_MOVEMENT_LEMMAS = frozenset({
    "speak", "talk", "whisper", "sing", "hum", "murmur", "say", "shout", "call", "laugh", "cry",
    "smile", "grin", "frown", "look", "gaze", "stare", "glance", "watch", "listen",
    "read",
    "think", "sleep", "rest", "wait", "sit", "stand", "lie", "answer", "ask", "reply", "explain",
    "kiss"})
"""Doings that are not a movement through space: speaking, sounding, looking, shining,
resting. An adverb said of one of them is its manner ("speaks softly", "smiles gently"), not
a movement's (the non-movement side of scripts/gen_movement_verbs.py's exemplars). Breathing
and sighing move the body (the chest rises and falls): "sighs heavily" is the weight of that
movement."""
_LIGHT_LEMMAS = frozenset({"glow", "shine", "gleam", "sparkle", "shimmer", "glitter", "twinkle",
                           "flicker", "burn", "blaze", "glimmer", "glint", "flash", "smoulder",
                           "smolder"})
"""Verbs of light and fire: an adverb after one is how it shines or burns ("glows softly",
"neon flickering softly", "the fire burns steadily"), not how anything moves; one before it
may be a hand's ("carefully shining a pair of shoes")."""
_OUT_OF_FOCUS_LEMMAS = frozenset({"blur", "defocus", "soften"})
"""Verbs of focus: an adverb on either side ("the background softly blurs", "blurs gently")
says how sharp the picture is, not how anything moves; with a path after it ("blurs quickly
past the camera") the verb is a movement too fast to see, and the adverb its speed."""
_PATH_AFTER = re.compile(r"(?: [a-z]+ly)? (?:past|by|across|through|along|over|toward|"
                         r"towards|around|down|up|away)(?![\w'-])")


def _out_of_focus(low: str, verb: str, after: int) -> bool:
    """Is `verb`, ending at `after`, a verb of focus with no path after it (`_OUT_OF_FOCUS_LEMMAS`)?"""
    return _lemma_in(verb, _OUT_OF_FOCUS_LEMMAS) and not _PATH_AFTER.match(low, after)


_DOUBLED_FINAL = re.compile(r"([bdgkmnprtv])\1$")


def _lemma(word: str) -> str:
    """A verb form's base, for the lexicon's verbs and the regular forms of others."""
    if word in ACTION_VERBS:
        return ACTION_VERBS[word]
    for suffix, repl in (("ies", "y"), ("ing", ""), ("es", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and _DOUBLED_FINAL.search(stem):
                return stem[:-1]  # "fanning" -> "fan", "stopped" -> "stop" ("spilling" keeps ll)
            return stem
    return word


_LOUDNESS_ADVERBS = frozenset({"softly", "loudly", "faintly", "quietly", "gently", "noisily",
                               "audibly", "inaudibly"})
"""Adverbs that can say how loud a sound is: a closed class."""


def _loudness_of_a_sound(low: str, start: int, end: int, before: str) -> bool:
    """"The wheels screech softly", "footsteps crunch softly", "a fan softly whirring": an
    adverb of loudness (`_LOUDNESS_ADVERBS`) next to a verb the audio lexicon reads as a sound
    (`_a_sound_word`) that is not also a verb that moves says how the sound is heard, not how
    anything moves (the door in "creaks slowly open" still moves: "slowly" is no loudness)."""
    if low[start:end] not in _LOUDNESS_ADVERBS:
        return False
    gap, nxt = _next_word(low, end)
    if gap == " " and _takes_an_object(low, end + 1 + len(nxt)):
        nxt = ""  # "gently tapping the switch": a hand on a thing, how it moves
    return any(w and _a_sound_word(w) and not _moves(w) for w in (before, nxt))


_OBJECT_AFTER = re.compile(r" (?:the|a|an|his|her|its|their|my|our|your|this|that|each|every)"
                           r"(?![\w'-])")


def _takes_an_object(low: str, end: int) -> bool:
    """Does a determiner follow the verb that ends at `end`, opening its object ("tapping the
    switch")? A verb of sound said of a thing it strikes is the hand's movement."""
    return _OBJECT_AFTER.match(low, end) is not None


def _not_a_movement(word: str) -> bool:
    """Is `word` a form of a verb that moves nothing: a doing of `_NOT_MOVEMENT_LEMMAS`
    ("smiles", "sits") or a verb of saying (speech_verbs.py, from WordNet's
    verb.communication: "telling", "describing", "argues")?"""
    return _lemma_in(word, _NOT_MOVEMENT_LEMMAS) or word in SPEECH_VERB_FORMS


def _manner_of_a_non_movement(low: str, start: int, end: int) -> bool:
    """Is the adverb at `start:end` next to a verb that is not a movement, or after such a
    verb and its object (`_not_a_movement`: "speaks softly", "softly speaks", "smiles gently
    at", "slowly telling a story", "resting his hands lightly"), the
    loudness of a sound ("screech softly", `_loudness_of_a_sound`), or a change from one state
    to another (`_CHANGE_OF_STATE`: "the leaves gradually change from red to green")?"""
    before = _word_before_an_adverb(low, start)
    if before and (_not_a_movement(before.group(1)) or _lemma_in(before.group(1), _LIGHT_LEMMAS)
                   or _out_of_focus(low, before.group(1), end)):
        return True
    verb_and_object = _VERB_AND_OBJECT.search(low, max(0, start - 48), start)
    if verb_and_object and _not_a_movement(verb_and_object.group(1)):
        return True  # "resting his hands lightly", "telling the story slowly": across the object
    if _loudness_of_a_sound(low, start, end, before.group(1) if before else ""):
        return True
    gap, nxt = _next_word(low, end)
    if gap == " " and _out_of_focus(low, nxt, end + 1 + len(nxt)):
        return True
    if gap == " " and _lemma_in(nxt, _CHANGE_OF_STATE | _TURNS):
        return _to_a_state(low, end + 1 + len(nxt), nxt)
    if before and _lemma_in(before.group(1), _CHANGE_OF_STATE | _TURNS):
        return _to_a_state(low, end, before.group(1))
    return gap == " " and _not_a_movement(nxt)


_DELIVERY_PACE = frozenset({"slowly", "quickly", "rapidly", "swiftly", "hastily", "hurriedly",
                            "briskly"})
"""Adverbs of speed that can say how fast words come: a closed class (a sudden or a gradual
saying is when it starts, not how it is delivered)."""
_DELIVERY_ADVERBS = "|".join(sorted(_LOUDNESS_ADVERBS | _DELIVERY_PACE | {"aloud"}))
_DELIVERY_COMPOUND = r"(?:fast|quick|rapid|slow|loud|soft|smooth)-([a-z]+)"
"""A speed or loudness joined to a verb of saying by a hyphen: "fast-talking", "soft-spoken"."""


VOICE_DELIVERY = "voice delivery"
"""The cue name of `voice_delivery`'s audio spans."""


def voice_delivery(low: str) -> list[tuple[int, int]]:
    """How loud or how fast words are said: an adverb of loudness or pace (`_LOUDNESS_ADVERBS`,
    `_DELIVERY_PACE`, "aloud") next to a verb of saying (speech_verbs.py, WordNet's
    verb.communication: "arguing loudly", "slowly telling a story", "rapidly describing"), or
    joined to one ("fast-talking"). The delivery of a voice is what is heard: by the definition
    audio, though a bare verb of saying ("a man explains") says nothing audible."""
    found: list[tuple[int, int]] = []
    for m in finditer_lower(_DELIVERY_ADVERBS, low):
        before = _word_before_an_adverb(low, m.start())
        gap, nxt = _next_word(low, m.end())
        if (before and before.group(1) in SPEECH_VERB_FORMS) \
                or (gap == " " and nxt in SPEECH_VERB_FORMS):
            found.append((_graded_start(low, m.start()), m.end()))  # the verb stays the action
    if "-" in low:
        found += [m.span() for m in finditer_lower(_DELIVERY_COMPOUND, low)
                  if m.group(1) in SPEECH_VERB_FORMS]
    return found


_STATE_HOLDERS = re.compile(r"(?:^|[-\u2013\u2014,;:.!?(\n] *|(?<![\w'-])(?:is|are|was|were|be|been|"
                            r"being|remains?|stays?|seems?|looks?|appears?) )(?:(?:his|her|its|"
                            r"their|the|a|an|one|both|my|our|your) )?(?:[a-z][\w'-]* )?$")
"""What makes a past participle a state: a form of "be" or a linking verb before the adverb
("the door is firmly closed", "her hands remain tightly clasped"), or a bare noun phrase opening
its clause with no verb of its own, an absolute phrase ("- mouth firmly closed, nodding")."""

_PACE_ADVERB = re.compile(r"(?:slow|quick|rapid|swift|speedi|hast|hurried|brisk|gradual|sudden|"
                          r"abrupt|sluggish|progressive|instant|immediate)ly(?![\w'-])")
"""Adverbs of pace, a closed class: how fast a change goes. Only a change has a pace, so with
one of these a participle is the movement itself ("her eyes slowly closed"), never a state."""


def _degree_of_a_state(low: str, start: int, end: int) -> bool:
    """Is the adverb at `start:end` the degree of a state ("the door is firmly closed", "mouth
    firmly closed, just nodding", "her fists tightly clenched.")? A past participle after it,
    of a verb that moves nothing (`_moves`), with nothing after it in its clause and nothing
    before the adverb but "be" or a bare noun phrase (`_STATE_HOLDERS`), says the state the
    thing is in; by the definition that is no movement's manner. A participle of a verb that
    moves ("is slowly lowered", "hair gently tousled... swaying") keeps its reading."""
    if _PACE_ADVERB.match(low, start):
        return False  # "her eyes slowly closed": a state has no pace, this is the closing
    gap, nxt = _next_word(low, end)
    if gap != " " or len(nxt) < 5 or not nxt.endswith("ed") or _moves(nxt):
        return False
    after = end + 1 + len(nxt)
    if not (after == len(low) or low[after] in ",.;:!?)\n" or low.startswith(" -", after)):
        return False
    return _STATE_HOLDERS.search(low, max(0, start - 40), start) is not None


_CHANGE_OF_STATE = frozenset({"change", "fade", "brighten", "darken", "dim",
                              "become", "evolve", "transition", "transform", "morph", "ripen",
                              "wilt", "grow"})
"""Verbs of a change of state. With the states named after them ("change from red to green",
"fade into darkness") the adverb is the change's pace, not a movement's; without ("the
scenery changing rapidly" past a train window) it may be a movement seen. "Turn" and "shift"
are `_TURNS`."""
_TO_A_STATE = re.compile(r" (?:from|into|to|in(?:to)? a) ")
_TURNS = frozenset({"turn", "shift"})
"""Verbs of a change of state that are also movements: a change only from one state to another
("the light slowly shifts from warm gold to deep blue"), a movement otherwise ("turns slowly to
face her", "shifts slowly to the left")."""


def _to_a_state(low: str, at: int, verb: str) -> bool:
    """Does a change of state's target follow the verb that ends at `at`? A colour or a state
    said right after it is one too ("smoothly turning white", "slowly grows pale")."""
    gap, nxt = _next_word(low, at)
    if gap == " " and (SINGLE_COLOUR.fullmatch(nxt) or nxt in _STATES):
        return True
    if _lemma_in(verb, _TURNS):
        return bool(re.match(r" (?:from|into) ", low[at:at + 6]))
    return bool(_TO_A_STATE.match(low, at))


_STATES = frozenset({"pale", "dark", "darker", "bright", "brighter", "dim", "transparent",
                     "opaque", "translucent", "solid", "liquid", "brittle", "golden", "grey",
                     "gray", "colourless", "colorless", "cloudy", "dull", "vivid"})
"""States a change of state may end in, said right after its verb ("turns pale", "grows
dark")."""


def _lemma_in(word: str, lemmas: frozenset[str]) -> bool:
    base = _lemma(word)
    return base in lemmas or base + "e" in lemmas


_NP_OPENERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my", "your",
                         "this", "that", "these", "those", "some", "many", "two", "three"})
_LAST_WORD = re.compile(r"(?<![\w'-])([a-z][\w'-]*) $")


_SPEED_COMPOUND = re.compile(r"(?:slow|fast|quick|swift|rapid|speedy|free|smooth|heavy|light)-")
"""A compound whose first half is a speed or weight ("slow-moving river", "free-falling
rock") says how the thing moves even inside its noun phrase."""


_OBJECT_OPENERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my",
                             "your", "this", "these", "those", "him", "them", "it", "me", "us"})
"""Articles, possessive and demonstrative determiners and the object pronouns: closed classes
that open a noun phrase of their own or are one. Right after an -ing word they are that verb's
object ("swaying his body", "swaying her hips", "shaking the branches", "rocking him"), since
no determiner or pronoun stands between an adjective and its noun."""


_OPENS_AN_OBJECT = _NP_OPENERS | (_PREPOSITION_WORDS - {"and", "or", "plus", "using"})
"""Words after which "<-ing word> <noun>" is a noun phrase: a determiner ("the swaying palms")
or a preposition, whose object it is ("through driving rain", "across rolling hills"); not a
conjunction, after which the -ing word may be a verb of its own ("laughs and shaking hands")."""


def _participle_of_a_noun(low: str, start: int, end: int) -> bool:
    """A lone participle between a determiner or a preposition and its noun ("the swaying
    palms", "a bobbing boat", "through driving rain") describes the thing, as an adjective
    does: by the definition it is not motion. A
    determiner right after it ("..., swaying his body to the beat") makes it a verb with its
    object (`_OBJECT_OPENERS`): a movement made, which the motion readers judge."""
    text = low[start:end]
    if " " in text or not text.endswith("ing") or _SPEED_COMPOUND.match(text):
        return False
    if _next_word(low, end)[1] in _OBJECT_OPENERS:
        return False
    before = _LAST_WORD.search(low, max(0, start - 12), start)
    if before is None and _OPENS_A_PHRASE.search(low, max(0, start - 4), start):
        return modifies_noun(low, end)  # "Swaying palm trees by the sea": a bare noun phrase
    return bool(before and before.group(1) in _OPENS_AN_OBJECT and modifies_noun(low, end))


_OPENS_A_PHRASE = re.compile(r"(?:^|[.,;:!?\n(])\s*$")


_ADJECTIVE_ONLY_RE = {comp: re.compile(pattern) for comp, pattern in ADJECTIVE_ONLY.items()}
_NOT_NOUNS = frozenset({"and", "or", "as", "while", "then", "but", "is", "are", "was", "were",
                        "with", "that", "which", "who", "except", "so", "yet", "until", "than",
                        "enough", "too", "now", "again", "when", "where", "save", "apart"})


def modifies_noun(low: str, end: int) -> bool:
    """Is the word ending at `end` an adjective of the noun that follows it ("blue sky")?"""
    gap, nxt = _next_word(low, end)
    return gap == " " and bool(nxt) and nxt not in _PREPOSITION_WORDS and nxt not in _NOT_NOUNS \
        and not nxt.endswith("ly")


def _not_a_things_adjective(comp: C, low: str, start: int, end: int) -> bool:
    """False for a word that describes one thing rather than the clip (see ADJECTIVE_ONLY)."""
    text = low[start:end]
    if not _ADJECTIVE_ONLY_RE[comp].fullmatch(text):
        return True
    if comp is C.COLOR:
        return _colour_of_the_frame(low, start, end)
    if comp is C.STYLE:
        if _PERIOD_WORDS.fullmatch(text):
            return not modifies_noun(low, end) or _style_head(_next_word(low, end)[1])
        return not _mood_of_a_thing(low, start, end)
    return not modifies_noun(low, end) and not _coordinated_adjective(low, end)


_ADJECTIVE_SUFFIX = re.compile(r"[a-z]{2,}(?:ous|ful|ive|ic|al|y|ed|ish|less|ent|ant|ible|able)$")


_TWO_WORDS_AFTER_COMMA = re.compile(r", ([a-z][\w-]*) ([a-z][\w-]*)")


def _coordinated_adjective(low: str, end: int) -> bool:
    """"a dark, ominous cloud": the word is the first of two adjectives of one noun."""
    m = _TWO_WORDS_AFTER_COMMA.match(low, end)
    return bool(m and _ADJECTIVE_SUFFIX.match(m.group(1)) and m.group(2) not in _PREPOSITION_WORDS
                and m.group(2) not in _NOT_NOUNS and not m.group(2).endswith("ly"))


@cache
def _place_re() -> re.Pattern[str]:
    """The place nouns as one pattern, compiled on first use (a big trie: not at import)."""
    return re.compile(PLACES + "s?")


_THING_HEADS = frozenset({
    "leg", "legs", "arm", "arms", "hand", "hands", "head", "face", "back", "shoulder",
    "shoulders", "lap", "nose", "finger", "fingers", "foot", "feet", "knee", "knees", "tail",
    "size", "shape", "time", "thought", "notebook", "page", "book", "glass", "cup", "bottle",
    "wheel", "plate", "bowl", "mug", "screen", "phone", "paper", "canvas", "tray", "flower",
    "flowers", "branch", "branches", "leaf", "petal", "palm", "wrist", "lips", "mouth", "eye",
    "eyes", "chest", "belly", "string", "strings", "rope", "stick", "pose"})
"""Heads of a noun phrase that are a thing or a body part, not where a scene takes place."""
_MEASURE_PLACES = frozenset({"stream", "pool", "sea", "ocean", "river", "wall", "cloud",
                             "clouds", "puddle", "tower", "mountain", "mountains", "wave"})
_POSITION = re.compile(r"(?:in|into) (?:the )?(?:background|foreground|distance)$")


def _a_things_noun(head: str) -> bool:
    """A noun of a person, creature or thing that is not also a place, singular or plural
    ("lions", "dancers"): the object of "near" or "among" is then not where the scene is."""
    for form in (head, head[:-1] if head.endswith("s") else "",
                 head[:-2] if head.endswith("es") else ""):
        if form and _SUBJECT_RE.fullmatch(form) and not _place_re().fullmatch(form):
            return True
    return False


def _a_place(low: str, start: int, end: int, strength: float) -> bool:
    """Is a setting match a place? A preposition's object that is a thing or a body part ("lands
    on a flower", "balancing on one leg", "in size") is not; "in the background" is a position
    in the frame; "a stream of coffee", "a glass of water" are amounts of a substance."""
    text = low[start:end]
    if _POSITION.search(text):
        return False
    head = text.rsplit(" ", 1)[-1]
    if strength <= WEAK_PLACE and (head in _THING_HEADS or _a_things_noun(head)):
        return False
    if head in _MEASURE_PLACES and re.match(r" of (?!the |a |an )[a-z]", low[end:end + 6]):
        return False
    if head in _LIGHT_HEADS:
        return False  # "under the warm light", "in the play of light": the lighting's words
    if head in _COLOUR_HEADS or SINGLE_COLOUR.fullmatch(head):
        return False  # "in muted hues", "in shades of pink", "in deep green": a colour, not where
    if head in ("direction", "directions"):
        return False  # "in a clockwise direction", "in all directions": a way, not a place
    if strength <= WEAK_PLACE and _ABSTRACT_OBJECT.match(text):
        return False  # "in concentration", "in anticipation": a state, not a place
    if _PUT_ON_BEFORE.search(low, max(0, start - 12), start):
        return False  # "put on a helmet": dressing, not where
    if head == "water" and _AMOUNT_OF.search(text):
        return False  # "from a cold glass of water"
    return not (head == "water" and low[max(0, start - 3):start] == "of ")


_COLOUR_HEADS = frozenset({"hues", "hue", "tones", "tone", "shades", "colours", "colors",
                           "colour", "color", "palette", "tints", "tint", "pastels"})
_LIGHT_HEADS = frozenset({"light", "lights", "sunlight", "moonlight", "starlight", "glow",
                          "spotlight", "lamplight", "candlelight", "firelight", "daylight"})
_ABSTRACT_OBJECT = re.compile(r"in (?:deep |quiet |silent |full |complete )?"
                              r"[a-z]+(?:tion|sion|ment|ness|ance|ence)$")
_PUT_ON_BEFORE = re.compile(r"(?<![\w'-])(?:put(?:s|ting)?|pull(?:s|ing|ed)?|tr(?:y|ies|ying|ied)|"
                            r"slip(?:s|ping|ped)?) $")
_AMOUNT_OF = re.compile(r"(?<![\w'-])(?:glass|cup|bottle|bowl|bucket|jar|pot|mug|drop|splash|"
                        r"pitcher|jug|can) of water$")


_MUSIC_WORDS = frozenset({"music", "song", "songs", "melody", "melodies", "tune", "tunes"})
_PASTIME_BEFORE = re.compile(r"(?<![\w'-])(?:listen(?:s|ed|ing)? to|enjoy(?:s|ed|ing)?|lost in)"
                             r"(?: [\w'-]+,?){0,5} $")


def _music_as_pastime(low: str, start: int, end: int) -> bool:
    """Music as what someone listens to, enjoys or is lost in ("a person is listening to
    music", "enjoying food, games, and music") is their pastime, not a sound the clip plays;
    music the scene moves or plays to ("synchronized to the music", "play a lively melody")
    stays audio."""
    return low[start:end] in _MUSIC_WORDS and bool(
        _PASTIME_BEFORE.search(low, max(0, start - 60), start))


_FEELING_AFTER = re.compile(r" with (?:[a-z]+ )?([a-z]+)")
_FEELINGS = frozenset({"anticipation", "energy", "tension", "excitement", "life", "joy",
                       "emotion", "possibility", "promise", "power", "electricity", "anger",
                       "fear", "delight", "menace", "intensity"})


_LOOK_NOUNS = frozenset({"light", "lights", "colour", "color", "colours", "colors", "glow",
                        "neon", "hues", "shades", "shape", "shapes", "curve", "curves", "lines",
                        "line", "form", "forms", "pattern", "patterns", "style", "look",
                        "silhouette", "palette", "design", "architecture", "motif", "motifs",
                        "contours", "outline", "geometry", "texture", "textures"})
"""What a sound word said of a sight is about: its light, colour or shape ("the tower hums with
neon light", "the arch echoes the curve of the river")."""
_ECHOED_OBJECT = re.compile(r" (?:the|its|his|her|their|a|an|this|that) ([a-z-]+)(?: ([a-z]+))?")


def _figurative_sound(low: str, end: int) -> bool:
    """A sound verb with a feeling or a sight ("the air crackling with anticipation", "a room
    humming with energy", "the tower hums with neon light") is a figure of speech for the mood
    or the look, not a sound to generate; so is "echo" with a sight as its object ("her dress
    echoes the colours of the sunset": it resembles them)."""
    m = _FEELING_AFTER.match(low, end)
    if m and (m.group(1) in _FEELINGS or m.group(1) in _LOOK_NOUNS
              or m.group(1).endswith(_ABSTRACT_ENDINGS)):
        return True
    if low.endswith(("echo", "echoes", "echoed"), 0, end):
        obj = _ECHOED_OBJECT.match(low, end)
        return bool(obj and (obj.group(1) in _LOOK_NOUNS or obj.group(2) in _LOOK_NOUNS))
    return False


_FEELING_BEFORE = re.compile(r"(?<![\w'-])([a-z]+),? (?:and|or) $|(?<![\w'-])([a-z]+), $")
_FEELING_AFTER_AND = re.compile(r",? (?:and|or) ([a-z]+)(?![\w'-])")


def _is_a_feeling(word: str) -> bool:
    """Is the word's most frequent noun sense a feeling (WordNet: "joy", "delight", "awe")?"""
    return head_synset("feeling") in kind_chain(word)  # joy, love, fear, awe


_LABEL_COLON = re.compile(r"\s*:")
"""A colon right after a word: the word labels what follows ("Audio: rain")."""


def _sound_among_feelings(low: str, start: int, end: int) -> bool:
    """A sound noun listed with a feeling ("joy and laughter", "laughter and delight", "love,
    laughter") names the mood of the scene, as the feeling beside it does, not a sound the clip
    should carry. The feeling is read from WordNet (noun_kinds), not listed. Silence stays:
    beside a feeling ("dread and silence") it is still what the clip should sound like."""
    text = low[start:end]
    if " " in text or text.startswith("silen") or _LABEL_COLON.match(low, end):
        return False  # "dreamlike mood, Audio: rain ...": a label opens a list, it is not in one
    before = _FEELING_BEFORE.search(low, max(0, start - 24), start)
    if before and _is_a_feeling(before.group(1) or before.group(2)):
        return True
    after = _FEELING_AFTER_AND.match(low, end)
    return bool(after and _is_a_feeling(after.group(1)))


_INSTRUMENT_WORD = re.compile(INSTRUMENTS)
_PLAYED_BEFORE = re.compile(r"(?<![\w'-])(?:play|plays|playing|played|practi[cs]e[sd]?|"
                            r"practi[cs]ing|on|behind|at)(?: (?:the|a|an|his|her|their|its|"
                            r"some|two|her own|his own))?(?: [a-z-]+)? $")
_PIECE_OR_SOUND_AFTER = re.compile(r" to (?:the )?['\u2018\"\u201c]| (?:softly|loudly|quietly|"
                                   r"faintly|aloud)(?![\w'-])")
"""After the instrument: the piece it is played to named in quotes ("playing the drums to 'In
The Air Tonight'") or how it sounds: the sound is asked for."""


def _instrument_played(low: str, start: int, end: int) -> bool:
    """An instrument named as what a musician plays or sits at ("a drummer plays the drums",
    "a girl practises drums in her room", "Max on drums") shows the playing, as "a pianist
    plays the piano" does: a musician playing is the action, not a sound the clip should carry,
    unless the sound is asked for (the piece named, how it sounds, or any other audio cue)."""
    if not _INSTRUMENT_WORD.fullmatch(low, start, end):
        return False
    if not _PLAYED_BEFORE.search(low, max(0, start - 32), start):
        return False
    return not _PIECE_OR_SOUND_AFTER.match(low, end)


_SOUND_NOUNS = frozenset({"music", "sound", "voice", "noise", "song", "echo", "melody", "thunder",
                          "orchestra", "drum", "bell", "audio", "dialogue", "siren", "whistle",
                          "hymn", "anthem", "ballad", "symphony", "lullaby", "sonata", "concerto",
                          "aria", "serenade"})
_SOUND_HEADS = frozenset({"score", "track", "cue", "bed", "design", "mix", "layer", "loop", "sting",
                          "swell", "effect", "over", "only", "throughout", "level", "note",
                          "about", "like", "behind", "near", "beneath", "above", "below", "against",
                          "after", "before", "without", "within", "beyond", "among", "between",
                          "off", "out", "up", "down", "back", "away", "here", "there", "now"})
_PICTURE_NOISE_BEFORE = re.compile(r"(?<![\w'-])(?:digital|film|video|visual|image|sensor|perlin|"
                                   r"iso|chroma|pixel|grain and|grain,) $")
_ECHO_OF = re.compile(r" of (?:the |a |an |its |his |her |their |an? ancient |lost )?([a-z-]+)"
                      r"(?: ([a-z]+))?")
"""What an echo is "of": its first word and the one after it ("of the past", "of a forgotten
empire"), either of which may be the past it recalls."""
_PAST_WORDS = frozenset({"past", "history", "memory", "memories", "childhood", "youth", "glory",
                         "yesterday", "time", "war", "ages", "empire", "greatness"})


def _plural_head_of_a_clause(low: str, end: int, nxt: str) -> bool:
    """After "thunder clouds", "drum kits", is the -s word the plural head of the subject (a
    verb in its plural form follows it: "thunder clouds gather") rather than the sound's own
    verb ("thunder rolls across", "music fills the room", "music plays softly": a preposition,
    a determiner or an adverb follows)?"""
    after = end + 1 + len(nxt)
    gap, word = _next_word(low, after)
    return gap == " " and len(word) > 2 and word not in _NOT_NOUNS \
        and word not in _PREPOSITION_WORDS and word not in DETERMINERS \
        and word not in _PARTICLES and not word.endswith(("s", "ly"))


def _end_of_a_things_name(low: str, start: int, end: int) -> bool:
    """"Wind chimes hang on the porch", "an alarm clock", "a church bell": a sound word that
    ends a two-word name WordNet knows for one object is that object, not a sound of the clip
    (the first half of such a name is `_sound_word_names_a_thing`'s)."""
    before = _WORD_BEFORE.search(low, max(0, start - 30), start)
    if not before or " " in low[start:end]:
        return False
    name = f"{before.group(1)} {low[start:end]}"
    return bool(kind_chain(name)) and _names_one_thing(name)


def _names_an_artifact(compound: str) -> bool:
    """Is `compound` ("music stand", "sound system", "bell tower") a WordNet noun for a made
    thing? Then its first word, a sound's, is part of a thing's name, and no sound is heard."""
    return head_synset("artifact") in kind_chain(compound)


def _sound_word_names_a_thing(low: str, start: int, end: int) -> bool:
    """A sound noun that is not a sound of the clip: the first half of a compound naming a
    thing ("a music box", "a voice assistant", "a sound stage": the next word is a noun, not a
    verb the sound does and not a sound's own part such as "track" or "design"); the picture's
    noise ("digital noise", "film grain and noise"); an echo of the past ("echoes of an ancient
    civilization", a figure of speech, not an echo to hear); any sound noun "of" a sight or a
    feeling ("a roar of colour", "the echo of a smile")."""
    text = low[start:end]
    if text in _SOUND_NOUNS:
        gap, nxt = _next_word(low, end)
        if gap == " " and nxt and _names_an_artifact(f"{text} {nxt}"):
            return True  # "glares at the music stand", "a bell tower": WordNet's thing
        if (gap == " " and nxt and nxt not in _SOUND_HEADS and nxt not in _SOUND_NOUNS
                and modifies_noun(low, end) and not _verb_like(nxt)
                and not (nxt.endswith("s") and not nxt.endswith("ss")
                         and not _plural_head_of_a_clause(low, end, nxt))):
            return True
    if text == "noise" and _PICTURE_NOISE_BEFORE.search(low, max(0, start - 16), start):
        return True
    if text.startswith("echo"):
        m = _ECHO_OF.match(low, end)
        if m and any(w and (w in _PAST_WORDS or w.endswith(_ABSTRACT_ENDINGS))
                     for w in m.groups()):
            return True  # "echoes of the past linger", "echoes of a forgotten empire"
    m = _SOUND_OF.match(low, end)
    if not m:
        return False
    head = m.group(2) if m.group(2) and _ADJECTIVE_SUFFIX.match(m.group(1)) else m.group(1)
    return head in _FEELINGS or head in _SIGHTS  # "a roar of colour", "a hum of bright colour"


_SOUND_OF = re.compile(r" of (?:the |a |an |its |his |her |their )?([a-z-]+)(?: ([a-z]+))?")


_SIGHTS = frozenset({"smile", "smiles", "smoke", "mist", "fog", "sunlight", "paint", "colour",
                     "color", "colours", "colors", "hues", "shades", "shapes", "shape", "form",
                     "forms", "patterns", "pattern", "style", "movement", "motion", "silhouette"})
"""Things seen that make no sound: a sound noun "of" one of them, or of a feeling, is a figure
("a roar of colour", "the echo of a smile"); "the hum of fluorescent lights" or "the rustling
of the leaves" are sounds their source makes."""


_BARE_SOURCES = frozenset({"lamp", "lamps", "bulb", "bulbs", "candle", "candles", "lantern",
                           "lanterns"})
_LIGHT_VERB = re.compile(r"(?:glow|shin|flicker|gleam|glimmer|twinkl|sparkl|burn|blaz|illuminat|"
                         r"light|cast|flood|bath)\w*$")


_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "day", "midnight",
                           "noon", "midday", "daytime", "nighttime", "night-time"})
_CLOTHES_OF_A_TIME = re.compile(r" " + CLOTHING + r"(?![\w'-])")
"""A garment named after the lexicon's time word ("formal evening wear", "a night robe", "a
day dress"): the time names the kind of clothes, the occasion they are worn for."""


def _source_as_thing(low: str, start: int, end: int) -> bool:
    """A lamp, bulb or candle named as a thing rather than as the light: part of another
    noun ("bulb socket"), the owner of a part ("the neck of the lamp"), or doing something
    that is not giving light ("a lamp transforming into a flamingo"). A time of day that
    names a kind of clothes ("in formal evening wear") is the clothes', not the clip's light."""
    if low[start:end].rsplit(" ", 1)[-1] in _TIMES_OF_DAY and _CLOTHES_OF_A_TIME.match(low, end):
        return True
    if low[start:end] not in _BARE_SOURCES:
        return False
    gap, nxt = _next_word(low, end)
    if gap == " " and nxt and not _LIGHT_VERB.match(nxt) and (
            nxt.endswith(("ing", "s")) and nxt not in _PREPOSITION_WORDS or modifies_noun(low, end)):
        return True
    return bool(re.search(r"\b[a-z]+ of (?:the|a|an) (?:[\w-]+ )?$", low[max(0, start - 40):start]))


_POSSESSED = re.compile(r"(?<![\w'-])(?:its|his|her|their) $")
"""A mood noun someone or something has ("its grandeur", "her elegance") is theirs."""
_STYLE_NOUNS = frozenset({"style", "look", "aesthetic", "feel", "mood", "film", "movie", "video",
                          "footage", "animation", "render", "rendering", "illustration", "tone",
                          "atmosphere", "vibe", "scene", "world", "setting", "fantasy",
                          "tableau", "vignette", "moment", "ambience", "ambiance", "sequence",
                          "clip", "shot", "image", "composition", "story", "tale", "sci-fi",
                          "quality", "energy", "feeling", "finish", "grade", "texture", "vibes",
                          "aesthetics", "tones", "palette", "realism", "drama", "comedy",
                          "romance", "adventure", "saga", "thriller", "odyssey"})
_PERIOD_WORDS = re.compile(r"vintage|retro|luxurious|minimalist|realistic|antique|modern|classic|"
                           r"rustic|elegant|futuristic|animated|magical")
"""Words of a period or finish: said of one object, they are that object's ("a vintage SUV")."""
_CONCRETE_EXTRA = frozenset({"landscape", "scenery", "sky", "cloud", "garden", "head", "face",
                             "eyes", "smile", "expression", "exploration", "journey", "ride",
                             "walk", "dance", "place", "spot", "corner", "lake", "sea", "pond",
                             "countryside", "village", "town", "evening", "morning", "day", "night"})


def _mood_of_a_thing(low: str, start: int, end: int) -> bool:
    """A mood adjective said of a concrete thing ("a serene lake", "a playful cat", "a cozy
    mountain lodge") or owned by someone ("the dog's joyful exploration") is theirs; said of the
    clip, an event or a look ("an epic car chase", "serene architectural motion", "tense
    realistic medical drama", "dreamy ethereal quality") it is the style. The head of the noun
    phrase after it decides: the last word before a preposition, a punctuation mark or a verb."""
    if _POSSESSOR.search(low, max(0, start - 24), start):
        return True
    words: list[str] = []
    for _ in range(4):
        gap, nxt = _next_word(low, end)
        if gap != " " or not nxt or nxt in _PREPOSITION_WORDS or nxt in _NOT_NOUNS:
            break
        if words and nxt in ACTION_VERBS and ACTION_VERBS[nxt] != nxt:
            break  # "a playful cat chases": the verb after the phrase
        words.append(nxt)
        end = low.index(nxt, end) + len(nxt)
    if not words or any(_style_head(w) for w in words):
        return False
    head = words[-1]  # an event or an abstraction ("a car chase", "architectural motion") is not
    return not (head in ACTION_VERBS or head.endswith(_ABSTRACT_ENDINGS))


_POSSESSOR = re.compile(r"(?:'s|\b(?:its|his|her|their|our|my|your))(?: [a-z-]+)? $")
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism")
_PLACE_HEADS = (r"Lagoon|Bay|Beach|Islands?|River|Park|Valley|Canyon|Desert|Falls|Square|Street|"
                r"Avenue|Bridge|Forest|Sea|Ocean|Peak|Glacier|Mountains|Alps|Harbou?r|Coast|"
                r"Gardens?|Palace|Temple|Cathedral|Castle|Plaza|Boulevard|Station|Pier|Strait|"
                r"Gulf|Fjord|Reef|Lake|Hills|Highlands|Volcano|Plateau|Dunes|Cliffs|Wall")
_NAMED_PLACE = re.compile(r"(?<![\w'-])(?:in|at|on|along|across|over|through|near|by|from|to|"
                          r"toward|towards|around|above|beneath|under|into|onto|inside|outside|"
                          r"off|past|beside|below|within) (?:the )?"
                          r"(?:(?:Mount|Mt\.?|Lake|Loch|Cape|Port|Fort|Isle of) "
                          r"[A-Z][a-z]+(?: [A-Z][a-z]+)?|(?:[A-Z][a-z]+ ){1,3}(?:" + _PLACE_HEADS
                          + r"))(?![\w'-])")
_NAMED_PLACE_HINT = re.compile(r"(?:Mount|Mt|Lake|Loch|Cape|Port|Fort|Isle|" + _PLACE_HEADS + ")\\b")
"""A place called by its name, known by its head word, after a preposition of place ("on Mount
Fuji", "in Times Square", "across the Golden Gate Bridge"): where the clip is, though no lexicon
lists the name. A named place standing alone ("Blue Lagoon, zoom in.") is what is filmed, the
subject, as the labelled sets read it."""
_LOOK_COMPOUND = re.compile(f"({LOOK_SOURCE}){LOOK_SUFFIX}")


def _a_things_make(prompt: str, low: str, start: int, end: int) -> bool:
    """An "X-style" compound said of one thing ("a rotary-style wall phone") is the thing's make,
    not the clip's look; one whose X is a look or a genre ("documentary-style interview"), a
    name or a decade ("Ghibli-inspired", "90s-style"), or that stands alone, stays style."""
    m = _LOOK_COMPOUND.fullmatch(low, start, end)
    if not m or not modifies_noun(low, end):
        return False
    source = m.group(1)
    if prompt[start:start + 1].isupper() or source[:1].isdigit() or _style_head(source):
        return False
    return not _style_head(_next_word(low, end)[1])


@cache
def _style_word() -> re.Pattern[str]:
    """The style cue's words as one pattern, compiled on first use (not at import)."""
    return re.compile(COMPONENT_CUES[C.STYLE][0].pattern)


def _style_head(word: str) -> bool:
    """A noun that names a look or a genre ("quality", "realism", "nature-documentary")."""
    last = word.rsplit("-", 1)[-1]
    return (word in _STYLE_NOUNS or last in _STYLE_NOUNS or word.endswith("ism")
            or bool(_style_word().fullmatch(word)) or bool(_style_word().fullmatch(last)))


_HOW_MANY = frozenset({"various", "different", "many", "all", "assorted", "multiple", "several",
                       "mixed", "other"})


_OWNER_BEFORE = re.compile(r"(?:'s|\b(?:its|his|her|their))(?: [\w-]+){0,2} $")
_SHOWN_BY_A_THING = re.compile(r"(?<![\w'-])(?:display(?:s|ing)?|show(?:s|ing)?|reveal(?:s|ing)?|"
                               r"blend(?:s|ing)?|mix(?:es|ing)?)(?: (?:the|its|their|his|her))?"
                               r"(?: [\w-]+(?: and [\w-]+)?){0,3} $")


_ARTWORK_OWNED = re.compile(r"(?:'s|\b(?:his|her|their|its)) (?:[\w-]+ )?(?:canvas|painting|"
                            r"artwork|mural|drawing|sketch|palette|picture|portrait)\b")
"""An artwork someone in the scene owns or makes: the colours said of it in its sentence are
the artwork's, not the clip's palette (a clip that IS a painting says so without an owner)."""


_CONTENTS_BEFORE = re.compile(r"(?<![\w'-])(?:filled|packed|laden|stocked|piled|heaped) with "
                              r"(?:[\w-]+ )?$|(?<![\w'-])full of (?:[\w-]+ )?$")
"""Colours a container is filled with are the colours of what it holds, not the palette."""


_OWNED_AFTER = re.compile(r" of (?:the |a |an |this |that )?((?:[a-z][\w-]* )?[a-z][\w-]*)"
                          r"(?=$|[^\w'-])")


@cache
def _physical_kinds() -> tuple[int, frozenset[int]]:
    """WordNet's physical entity, and the physical kinds that are not one thing: a place (a
    city, a landscape: where the frame is), a phenomenon (a light, a flame, a cloud) and a star
    (the sun: its hues are its light's)."""
    return (kind_chain("physical entity")[0],
            frozenset({kind_chain("location")[0], kind_chain("phenomenon")[0],
                       kind_chain("star")[0]}))


def _names_one_thing(word: str) -> bool:
    """Does `word` name a thing (WordNet: a physical entity that is neither a place nor a
    phenomenon: a planet, the sky, a hull, the sea), not a time or a light?"""
    chain = kind_chain(word)
    physical, not_things = _physical_kinds()
    return physical in chain and not_things.isdisjoint(chain)


def _owned_through_of(low: str, end: int) -> bool:
    """"The crimson hues of the planet", "the orange and pink hues of the sky": a colour noun
    whose owner follows it with "of" is that thing's colour, as "the sky's hues" is. The head of
    the owner's phrase is its last word before a preposition, a clause or a participle; the
    colours of a time or a light ("the pastel hues of dawn", "the colours of neon light") stay
    the frame's."""
    if low[max(0, end - 8):end].rsplit(" ", 1)[-1] not in _COLOUR_HEADS:
        return False
    m = _OWNED_AFTER.match(low, end)
    if not m:
        return False
    head = None
    for word in m.group(1).split(" "):
        if word in PHRASE_ENDS or (head is not None and word.endswith(("ing", "ed"))):
            break
        head = word
    if head is None or not _names_one_thing(head):
        return False
    after = low.find(head, m.start(1)) + len(head)
    return not _SET_AGAINST.match(low, after)  # "the colours of the dress against the sea"


_SET_AGAINST = re.compile(r",? (?:against|contrast(?:s|ing)? (?:with|against)|set off by|"
                          r"clash(?:es|ing)? with|pops? against) ")
"""A thing's colours set against another's are a contrast the frame is composed on: the
palette's, not one thing's."""


_COLOURS_OF = re.compile(r"(?<![\w'-])(?:(?:the|its|their) )?colou?rs(?= of )")


def _a_time_or_the_world(head: str) -> bool:
    """Does `head` name a time or a physical thing that is not one object (a season, a time of
    day, a light, the sun, a place): what a frame is filmed in, not a thing in it? A feeling
    ("the colours of joy") is a figure, a person's colours are their own."""
    chain = kind_chain(head)
    return bool(chain) and not _names_one_thing(head) and not _is_a_feeling(head) \
        and not is_a_person(head)


def colours_of_a_time_or_light(low: str) -> list[tuple[int, int]]:
    """"The colours of autumn", "the colors of dawn wash over the bay": a colour noun owned by
    a time, a light or the world around ("the colours of neon light") is the palette of the
    frame, as "the pastel hues of dawn" is; owned by one thing ("the colours of the dress") or
    counted ("various colours of flowers") it is that thing's (`_colour_of_a_thing`)."""
    found = []
    for m in word_led_finditer(_COLOURS_OF, low):
        before = _WORD_BEFORE.search(low, max(0, m.start() - 30), m.start())
        if before and before.group(1) in _HOW_MANY:
            continue
        owner = _OWNED_AFTER.match(low, m.end())
        if not owner:
            continue
        words = owner.group(1).split(" ")
        if len(words) == 2 and not kind_chain(owner.group(1)):
            words = words[:1]  # "the colours of autumn fill ...": the owner's noun, not the verb
        end = low.index(words[-1], m.end()) + len(words[-1])
        if any(w in DETERMINERS or w in PHRASE_ENDS for w in words) \
                or low.startswith(("'", "\u2019"), end):
            continue  # "the colours of its skin", "of a woman's scarf": an owner's own
        if _a_time_or_the_world(words[-1]):
            found.append((m.start(), end))
    return found


def _colour_of_a_thing(low: str, start: int, end: int) -> bool:
    """Colours a noun phrase gives to one thing rather than to the frame, by the definition ("a
    single object's colour is NOT color"): owned by it ("the sky's azure hues", "its vibrant
    colours", "the crimson hues of the planet") or shown by it ("displaying iridescent colors",
    "blending colors"). The colours of a light or a time ("the pastel hues of dawn") stay the
    frame's."""
    if _OWNER_BEFORE.search(low, max(0, start - 30), start) or _owned_through_of(low, end):
        return True
    first = _WORDS_APART.match(low, start)
    if first and _SHOWN_BY_A_THING.fullmatch(first.group(0) + " "):
        return True  # "blending colors on the palette": the paint's
    sentence = max(low.rfind(ch, 0, start) for ch in ".;!?\n") + 1
    if _ARTWORK_OWNED.search(low, sentence, start):
        return True  # "his canvas is a landscape of yellows, blues and greens": the painting's
    if _CONTENTS_BEFORE.search(low, max(0, start - 40), start):
        return True  # "stalls filled with vibrant colors and fresh produce": what they hold
    if _COLOUR_VERB_BEFORE.search(low, max(0, start - 20), start):
        return True  # "Chinese characters glow pink and blue": the characters' colour
    return bool(_SHOWN_BY_A_THING.search(low, max(0, start - 50), start))


_IN_BEFORE = re.compile(r"(?:(?<![\w'-])([a-z][\w'-]*) )?(?<![\w'-])([a-z][\w'-]*) in "
                        r"(?:[a-z-]+ )?$")
_DESCRIBED_HUE = re.compile(r"(?:[a-z]+ )?(?:colou?red|hued|tinted|toned|tinged|coloured)$")
_PICTURE_VERBS = frozenset({"shot", "filmed", "captured", "rendered", "graded", "photographed",
                            "presented", "done", "bathed", "washed", "drenched", "awash", "lit",
                            "framed", "composed", "seen", "viewed", "told", "made", "created",
                            "animated", "drawn", "illustrated", "imagined", "reimagined"})
"""Verbs of making or showing the picture: the colours the picture is shot or bathed in are its
palette, whatever is filmed ("a city filmed in black and white")."""


def _sentence_start(low: str, at: int) -> int:
    return max(low.rfind(ch, 0, at) for ch in ".;!?\n") + 1


def _tone_of_a_sound(low: str, start: int, end: int) -> bool:
    """"Her voice has a warm tone", "he speaks in a cold tone": a tone said just after a voice,
    a sound or a verb of speaking is how it sounds, not the colour of the frame."""
    if "tone" not in low[start:end]:
        return False
    before = _WORDS_APART.findall(low, max(_sentence_start(low, start), start - 40), start)
    return any(_a_sound_word(w) for w in before[-5:])


def _colour_worn_by_a_thing(low: str, start: int, end: int) -> bool:
    """Colours a thing is in, by the grammar of the phrase: a colour phrase that is the object
    of "in" after a noun that is not a place nor the picture, or after such a noun and its verb
    ("wildflowers in muted hues", "autumn leaves in shades of red and orange", "hair dyed in
    pastel colours", "feathers shimmer in iridescent greens") is that thing's colour, and a
    "-coloured"/"-hued" word before a thing's noun ("brightly coloured fishing boats") too;
    after a noun of the picture or of what fills it ("the scene in muted hues", "a sky in
    shades of pink", "shot in black and white") it stays the frame's palette."""
    m = _IN_BEFORE.search(low, max(0, start - 48), start)
    if m:
        before, last = m.group(1) or "", m.group(2)
        if last in _PICTURE_VERBS:
            return False
        head = last if _noun_like(last) else before if (
            last in ACTION_VERBS or last.endswith("ed")) else ""
        return _noun_like(head) and not (head in _FRAME_NOUNS_OF_COLOUR or head in _SKY_NOUNS
                                         or head in _STYLE_NOUNS or head in _WHOLE_WORDS
                                         or _a_place_word(head))
    if _DESCRIBED_HUE.search(low, start, end) and modifies_noun(low, end):
        _, nxt = _next_word(low, end)
        return not (nxt in _FRAME_NOUNS_OF_COLOUR or nxt in _SKY_NOUNS or nxt in _STYLE_NOUNS
                    or COLOUR_OF_THE_FRAME.fullmatch(nxt) or _a_place_word(nxt)
                    or _picture_noun_after(low, end))
    return False


_WHOLE_WORDS = frozenset({"everything", "all", "it", "world", "whole", "entire", "set",
                         "environment", "palette", "tones", "hues", "colours", "colors"})
"""Words for the whole picture: the colours they are in are the palette."""


def _noun_like(word: str) -> bool:
    """Can `word`, standing before a preposition, be the head of a noun phrase: not a verb
    ("shot", "bathed", "filmed" before "in" are the picture's), not an -ly adverb, not a
    function word?"""
    return len(word) > 2 and word not in ACTION_VERBS and word not in _PREPOSITION_WORDS \
        and word not in _NOT_NOUNS and word not in DETERMINERS and word not in _PARTICLES \
        and not word.endswith(("ed", "ing", "ly"))


_PARTICLES = frozenset({"out", "up", "down", "off", "away", "back", "about", "forth", "apart",
                        "together", "here", "there", "only", "entirely", "almost"})


def _a_place_word(word: str) -> bool:
    return bool(_place_re().fullmatch(word))


_COLOUR_VERB_BEFORE = re.compile(r"(?<![\w'-])(?:glow|glows|glowing|glowed|shine|shines|shining|"
                                 r"gleam|gleams|gleaming|turn|turns|turning|turned|flash|"
                                 r"flashes|flashing|blush|blushes|burn|burns|burning) $")
"""A colour right after a verb of showing one is the colour of that verb's subject."""


_PAIR = re.compile(r"[a-z-]+[ -]and[ -][a-z-]+")
_FRAME_NOUNS_OF_COLOUR = frozenset({"film", "films", "footage", "photography", "photo", "photos",
                                    "photograph", "image", "images", "video", "shot", "shots",
                                    "scene", "frame", "frames", "movie", "clip", "picture",
                                    "cinematography", "visuals", "world", "colour", "color",
                                    "colours", "colors", "scheme", "treatment", "look"})


def _pair_of_a_thing(low: str, start: int, end: int) -> bool:
    """"Black and white paint", "a black-and-white checkered floor": a pair of colours before
    a noun phrase whose head is a thing gives that thing its colours. A phrase about the
    picture ("black and white film", "black-and-white silent-film look", "teal and orange
    grade") or what fills its background ("pink and orange sky") stays the look."""
    if not _PAIR.fullmatch(low[start:end]) or not modifies_noun(low, end):
        return False
    if _PLURAL_HUE.match(low, start):
        return False  # "deep reds and blacks dominate": colours named as nouns, the palette
    words: list[str] = []
    at = end
    while len(words) < 3:  # the noun phrase after the pair, up to its head
        gap, nxt = _next_word(low, at)
        if gap != " " or not nxt or nxt in _PREPOSITION_WORDS or nxt in _NOT_NOUNS \
                or nxt.endswith("ly") or (words and _verb_like(nxt)):
            break
        words.append(nxt)
        at = low.index(nxt, at) + len(nxt)
    return bool(words) and not any(
        w in _FRAME_NOUNS_OF_COLOUR or w in _STYLE_NOUNS or w.rsplit("-", 1)[-1] in _STYLE_NOUNS
        or COLOUR_OF_THE_FRAME.fullmatch(w) or w in _SKY_NOUNS
        or (w.endswith("ing") and _verb_like(w)) for w in words)


_PLURAL_HUE = re.compile(r"(?:reds|blues|greens|yellows|golds|purples|pinks|oranges|greys|grays|"
                         r"browns|whites|blacks)[ -]")
"""A colour in the plural is a noun (the colours present), never an adjective of the noun
after it: the plural forms of the lexicon's own hue nouns (lexicon.COLOR), a closed class."""
_SKY_NOUNS = frozenset({"sky", "skies", "horizon", "sunset", "sunrise", "dawn", "dusk",
                        "twilight", "clouds", "landscape", "scenery", "sea", "ocean"})
"""What fills the frame's background: its colours are the frame's palette."""


_LIGHT_AFTER = re.compile(r"(?:[ -][a-z]+)?[ -](?:lighting|light|lit|illumination)(?![\w'-])")


def _contrast_of_the_light(low: str, start: int, end: int) -> bool:
    """"High-contrast sunset lighting", "high contrast lighting with blind shadows": the
    contrast of the light is the lighting's quality, not the palette ("high contrast" on its
    own stays the grade)."""
    return low[start:end].endswith("contrast") and bool(_LIGHT_AFTER.match(low, end))


_BETWEEN_SIDES = re.compile(r" between [^,.;:!?\n]{1,80}? and (?:(?:the|a|an|his|her|its|their) )?"
                            r"(?:[a-z]+'s )?(?:[a-z-]+ )?([a-z]+)(?![\w'-])")


def _contrast_of_a_figure(low: str, start: int, end: int) -> bool:
    """"The stark contrast between the vibrant glow of the neon and the man's grim
    determination": a contrast one of whose sides is a state of mind or an abstract thing (its
    head's ending, `_ABSTRACT_ENDINGS`, or a feeling by WordNet, `_is_a_feeling`) is a figure
    of speech, not the palette's contrast."""
    if not low[start:end].endswith("contrast"):
        return False
    m = _BETWEEN_SIDES.match(low, end)
    return m is not None and (m.group(1).endswith(_ABSTRACT_ENDINGS) or _is_a_feeling(m.group(1)))


def _colour_of_the_frame(low: str, start: int, end: int) -> bool:
    """One colour is a thing's colour ("an orange vase", "wearing white"); a colour of the light
    or the air ("teal haze"), a mix of colours ("rust red and ochre", "silver-blue") or a tint
    said of the whole ("sepia-toned") is the palette."""
    text = low[start:end]
    gap, nxt = _next_word(low, end)
    if gap.strip() == "-" or low[start - 1:start] == "-":
        return True  # "silver-blue", "honey-gold"
    if gap == " " and nxt in _COLOUR_HEADS and _owned_through_of(low, end + 1 + len(nxt)):
        return False  # "the orange and pink hues of the sky": the sky's colour
    if gap == " " and COLOUR_OF_THE_FRAME.fullmatch(nxt):
        return True
    if text == "pastel" and gap == " " and (nxt in _STYLE_NOUNS or nxt in _FRAME_NOUNS_OF_COLOUR):
        return True  # "a pastel look", "pastel scenes": the picture's
    if text.endswith(("colors", "colours")) and nxt == "of" and text.split()[0] in _HOW_MANY:
        return False  # "various colours of flowers": the things' colours
    if " and " in text:
        return True
    if SINGLE_COLOUR.fullmatch(text):
        return False
    if gap == " " and nxt.endswith("ing") and nxt not in NOT_VERBS_ING:
        return True  # "vibrant colors merging and flowing": the colours do it, the frame's
    if _TINT_COMPOUND.search(text) and _picture_noun_after(low, end):
        return True  # "a sepia-toned flashback", "a light yellow-toned indoor setting"
    return not modifies_noun(low, end)  # "yellow-toned" alone, not "pastel-colored robe"


_TINT_COMPOUND = re.compile(r"-(?:toned|tinted|hued|tinged)$")
_PICTURE_NOUNS_AFTER_A_TINT = frozenset({"background", "backdrop", "flashback", "setting",
                                         "sequence", "environment", "interior", "dream"})
_PICTURE_NOUN_AFTER = re.compile(r" (?:[a-z-]+ )?([a-z-]+)")


def _picture_noun_after(low: str, end: int) -> bool:
    """Is the noun a tint compound describes (the next word, or the one after an adjective)
    the picture or the whole of its place ("a sepia-toned flashback", "a blue-tinted dream
    sequence", "a light yellow-toned indoor setting"), not one thing in it ("blue-toned water")?
    A tint said of the whole is the palette."""
    m = _PICTURE_NOUN_AFTER.match(low, end)
    if not m:
        return False
    words = m.group(0).split()
    return any(w in _FRAME_NOUNS_OF_COLOUR or w in _STYLE_NOUNS or w in _PICTURE_NOUNS_AFTER_A_TINT
               for w in words)


def _verb_like(word: str) -> bool:
    return word in ACTION_VERBS or (len(word) > 4 and word.endswith("ing")
                                    and word not in NOT_VERBS_ING)


_MOVEMENT_ADVERB = re.compile(
    r"(?:slow|swift|rapid|quick|gentl|smooth|heavi|light|lazi|stead|brisk|violent|delicate|"
    r"power|elegant|frantic|sluggish|languid|rhythmic|erratic|clumsi|nimbl|effortless|weightless|"
    r"vigorous|energetic|fierce|intense|force|jaunti|grace|fluid|wild|rough|sharp|abrupt|hurried|"
    r"frenzied|furious|feverish|tight|loose|jerki|bounci|wobbl|stiff|limp|awkward|sprightl|"
    r"lumbering|unsteadi|shaki|rapt|harmonious|synchronous|playful|leisure|lithe|agile|"
    r"explosive|gradual|spasmodic|twitchi|lazy|languorous|gliding|airi|buoyant|ponderous|"
    r"enthusiastic|dramatic|stealthi|cautious|tentative|ginger|majestic|aimless|purposeful|"
    r"sinuous|restless|relentless|furtive|deft|precise|careful|hasti|speedi|casual|"
    r"excited|eager|brisk|frenetic|manic|jaunty|zippi|sprightl|tremulous|shaki|natur|realistic)"
    r"(?:y|ly|ily|ally|fully|ously)")
_MOVEMENT_ADVERB_WORD = re.compile(r"(?<![\w'-])" + _MOVEMENT_ADVERB.pattern + r"(?![\w'-])")
_ADVERB_OR_STEM = re.compile(r"(?<![\w'-])(?:(" + _MOVEMENT_ADVERB.pattern + r")|[a-z]+ly)(?![\w'-])")
"""A movement adverb of the hand-written stems (group 1), or any -ly word (checked against
motion_words.MANNER_ADVERBS). `manner_adverbs` reads the whole words it would accept
(`_a_manner_adverb`) from the prompt's words instead (`text_index.word_runs`)."""
_LY_WORD = re.compile(r"[a-z]+ly")


@lru_cache(maxsize=4096)
def _a_manner_adverb(word: str) -> bool:
    """Is the whole word `word` one `manner_adverbs` reads: a match of `_ADVERB_OR_STEM` that
    is a stem's adverb (its group 1) or one of the manner adverbs' tables? Kept per word: the
    prompts' words repeat."""
    return bool(_MOVEMENT_ADVERB.fullmatch(word)) or (
        (word in MANNER_ADVERBS or word in MANNER_ADVERB_KIN) and bool(_LY_WORD.fullmatch(word)))


def _manner_adverb_spans(low: str) -> list[tuple[int, int]]:
    """The spans of `low`'s whole words that are manner adverbs (`_a_manner_adverb`), in
    order: every one ends in "y", as both of `_ADVERB_OR_STEM`'s alternatives do."""
    runs = word_runs(low)
    adverbs = frozenset(w for w in runs.words if w[-1] == "y" and _a_manner_adverb(w))
    return runs.spans(adverbs) if adverbs else []
_WORD_BEFORE = re.compile(r"(?<![\w'-])([a-z][\w'-]*) $")
_DEGREE_OF_AN_ADVERB = re.compile(
    r"so|too|very|really|quite|rather|almost|more|less|ever|extremely|incredibly|impossibly|"
    r"remarkably|unbelievably|surprisingly|amazingly|painfully|agonizingly|exceptionally|"
    r"unusually|relatively|fairly|deceptively|increasingly")
"""A word that grades the adverb after it ("incredibly slowly", "so gently", "more slowly"):
the degree modifiers, a closed class of English."""


def _word_before_an_adverb(low: str, start: int) -> re.Match[str] | None:
    """The word before the adverb at `start`, past a word that grades it ("moving incredibly
    slowly", "speaks very softly": the verb, whose manner the graded adverb still says)."""
    before = _WORD_BEFORE.search(low, max(0, start - 30), start)
    if before and _DEGREE_OF_AN_ADVERB.fullmatch(before.group(1)):
        return _WORD_BEFORE.search(low, max(0, before.start() - 30), before.start()) or before
    return before


@cache
def _immovable_kinds() -> tuple[frozenset[int], int]:
    """WordNet's kinds of thing that stay where they are: a way (what a road, a path, a
    staircase is), a structure (a wall, a bridge, a tower), a geological formation (a
    mountain, a ridge, a dune) and a flat work of art (a mural, a painting); and the movable
    barrier (a door, a gate), the one kind of structure that moves."""
    return (frozenset({kind_chain("road")[1], kind_chain("structure")[0],
                       kind_chain("geological formation")[0], kind_chain("graphic art")[0]}),
            kind_chain("movable barrier")[0])


def _an_immovable_thing(noun: str) -> bool:
    """Does `noun` name a thing that stays where it is (`_immovable_kinds`)?"""
    chain = kind_chain(noun)
    kinds, movable = _immovable_kinds()
    return movable not in chain and not kinds.isdisjoint(chain)


_FICTIVE_PATH = re.compile(r"(?: [a-z]+ly)? (?:across|through|over|along|toward|towards|around|"
                           r"up|down|past|into the distance|to the horizon)(?![\w'-])")


def fictive_motion(low: str, start: int, end: int) -> bool:
    """Is the verb at `start:end` said of a thing that stays where it is, along a path ("the
    dirt road curves gently into the distance", "a stone wall snakes over the hills", "a mural
    splashes across a wall", "the mountain range sweeps across the horizon")? Then it traces
    the thing's shape or extent and nothing moves: by the definition no manner or physics of a
    movement. The subject is the noun (or WordNet's two-word name) right before the verb."""
    if not _FICTIVE_PATH.match(low, end):
        return False
    words = _clause_words(low, start)
    if not words or _object_of_a_preposition(words):
        return False  # "the man on the bridge walks across": the man walks
    head = words[-1]
    return (len(words) > 1 and _an_immovable_thing(f"{words[-2]} {head}")) \
        or _an_immovable_thing(head)


def _object_of_a_preposition(words: list[str]) -> bool:
    """Is the last word of `words` the head of a preposition's object ("on the old bridge"),
    not of the clause's subject? Up to two modifiers and a determiner may stand between."""
    i = len(words) - 2
    for _ in range(2):
        if i >= 0 and words[i] not in DETERMINERS and words[i] not in _PREPOSITION_WORDS:
            i -= 1
    if i >= 0 and words[i] in DETERMINERS:
        i -= 1
    return i >= 0 and words[i] in _PREPOSITION_WORDS


def _after_a_fictive_motion(low: str, start: int) -> bool:
    """Is the adverb at `start` said of a verb that traces a thing's shape (`fictive_motion`:
    "the road curves gently into the distance")?"""
    before = _word_before_an_adverb(low, start)
    return before is not None and fictive_motion(low, before.start(1), before.end(1))


def manner_adverbs(low: str) -> list[tuple[int, int]]:
    """-ly adverbs of speed, force or smoothness next to a verb ("trots jauntily", "lazily
    drifting"): the manner of the movement. Adverbs of feeling or attitude ("happily",
    "confidently", "solemnly") are not about the movement, so the adverb's adjective must be one
    of the movement adjectives, or an adverb the shipped MiniLM puts among the manners of a
    movement (motion_words.py, generated offline by scripts/gen_motion_words.py), or one whose
    adjective WordNet clusters with such an adverb's ("woodenly" with "clumsily": awkward;
    manner_adverb_kin.py, scripts/gen_manner_adverb_kin.py)."""
    found = []
    for start, end in _manner_adverb_spans(low):
        before = _word_before_an_adverb(low, start)
        gap, nxt = _next_word(low, end)
        if gap.startswith(",") and low[start:end] == "naturally":
            continue  # "Naturally, the dog wants to play": of course, a comment on the scene
        if gap == " " and nxt in _VIEWING_VERBS:
            continue  # "gradually revealing the room": what the shot shows
        if _manner_of_a_non_movement(low, start, end):
            continue  # "whispers softly", "smiles gently": a manner of speaking or smiling
        if _degree_of_a_state(low, start, end):
            continue  # "the door is firmly closed", "mouth firmly closed,": how it is, not moves
        if _after_a_fictive_motion(low, start):
            continue  # "the road curves gently into the distance": the road's shape
        if (before and _hosts_manner(before.group(1))) or (gap == " " and _hosts_manner(nxt)) \
                or _after_verb_and_object(low, start, end) \
                or _after_verb_and_place(low, start, end) \
                or _opens_a_moving_sentence(low, start, end) \
                or _coordinated_with_a_verbs_adverb(low, start):
            found.append((_graded_start(low, start), end))
    return found


def _graded_start(low: str, start: int) -> int:
    """Where the adverb at `start` begins with the word that grades it ("incredibly slowly")."""
    degree = _WORD_BEFORE.search(low, max(0, start - 30), start)
    return degree.start(1) if degree and _DEGREE_OF_AN_ADVERB.fullmatch(degree.group(1)) \
        else start


_HARD = re.compile(r"(?<![\w'-])hard(?:er)?(?![\w'-])")
_DIRECTION_AFTER_HARD = re.compile(r" (?:left|right|up|down|back|forward|over|around|into|"
                                   r"onto|against|on|off|to|toward|towards|across|through)\b")


def hard_after_a_movement(low: str) -> list[tuple[int, int]]:
    """"Lands hard on the floor", "yanks the wheel hard right", "chased hard": "hard" as an
    adverb right after a verb that moves (or after its object, closing the phrase) is the force
    of that movement. Before a noun it is an adjective of a thing ("the hard floor", "hard
    light"); after a verb that moves nothing ("works hard", "stares hard") it is not a
    movement's force."""
    if "hard" not in low:
        return []
    found = []
    for m in word_led_finditer(_HARD, low):
        before = _WORD_BEFORE.search(low, max(0, m.start() - 30), m.start())
        gap, nxt = _next_word(low, m.end())
        ends = _ends_clause(low, m.end()) or bool(_DIRECTION_AFTER_HARD.match(low, m.end()))
        if before and _moves(before.group(1)) and (ends or gap != " "):
            found.append(m.span())
            continue
        obj = _VERB_AND_OBJECT.search(low, max(0, m.start() - 48), m.start())
        if obj and _moves(obj.group(1)) and ends:
            found.append(m.span())
    return found


_BY_WIND_OR_WATER = re.compile(r"(?<![\w'-])[a-z]+ed (?:[a-z]+ly )?by (?:the |a )?(?:[\w-]+ )?"
                               r"(?:wind|breeze|gusts?|current|waves|gale)(?![\w'-])")
_WIND_OR_WATER_WORDS = ("wind", "breeze", "gust", "current", "waves", "gale")


def _moved_by_wind_or_water(low: str) -> list[tuple[int, int]]:
    """Whatever the wind or the water does to a thing ("hair tousled by the wind", "a boat
    rocked by the waves") is the physics of its movement. The pattern opens on any word, so it
    runs only when "by" and one of the agents are in the prompt."""
    if " by " not in low or not any(w in low for w in _WIND_OR_WATER_WORDS):
        return []
    return [m.span() for m in word_led_finditer(_BY_WIND_OR_WATER, low)]


_FORCE_WORDS = ("wind", "breeze", "gale", "gust", "draft", "draught", "current", "swell")
_DRIVEN_BY_A_FORCE = re.compile(r"(?<![\w'-])([a-z]+)(?: [a-z]+ly)? (?:in|under|against|before|"
                                r"with|on|as) (?:the |a |an |each |every )?(?:[\w-]+,? (?:and )?)"
                                r"{0,2}?(?:winds?|breezes?|gales?|gusts?|drafts?|draughts?|"
                                r"updrafts?|currents?|swells?)(?![\w'-])")


def _driven_by_a_force(low: str) -> list[tuple[int, int]]:
    """A verb of movement with the wind or the water that drives it named after it ("the wheat
    sways under a summer breeze", "the flame wavers in the draft", "branches bend in the gale",
    "the pines sway as the wind picks up", "a boat rocks on the swell"): by the definition the
    physics of the movement (a force moving a thing), whatever the thing is. The verb must be one
    of movement (`_moves`): "sits in the breeze" says where, not how."""
    if not any(w in low for w in _FORCE_WORDS):
        return []
    return [(m.start(1), m.end()) for m in word_led_finditer(_DRIVEN_BY_A_FORCE, low) if _moves(m.group(1))]


_BREEZE_DESCRIBED = re.compile(r"(?<![\w'-])(?:a|an|the) ((?:[a-z-]+,? ){1,2})(?:breeze|gust|gale)"
                               r"(?![\w'-])")


def _a_breeze_described(low: str) -> list[tuple[int, int]]:
    """"A cool breeze", "a strong gust", "the salty sea breeze": a breeze, a gust or a gale is
    air in motion (WordNet: "a slight wind", "a strong current of air"), and named with a word
    that describes it, it is the force the scene's loose things move in, its physics, even with
    no verb for what it moves. A breeze in a compound ("breeze block") or a sound section
    ("SFX: a gentle breeze") is not (a compound fails the pattern; the sound section is
    dropped later, as every component's is)."""
    if "breeze" not in low and "gust" not in low and "gale" not in low:
        return []
    found = []
    for m in word_led_finditer(_BREEZE_DESCRIBED, low):
        described = m.group(1).rstrip(", ").split()
        gap, nxt = _next_word(low, m.end())
        head = low[m.start(1) + len(m.group(1)):m.end()]
        if any(w in _NOT_NOUNS or w in DETERMINERS for w in described) \
                or (gap == " " and nxt and kind_chain(f"{head} {nxt}")):
            continue  # "a grey breeze block" (WordNet's compound), "a wind and a breeze"
        found.append(m.span())
    return found


_ADVERB_AND_BEFORE = re.compile(r"(?<![\w'-])([a-z][\w'-]*) ([a-z]+ly),? (?:and|or|but|yet) $")


def _coordinated_with_a_verbs_adverb(low: str, start: int) -> bool:
    """"Walks confidently and casually": an adverb joined by "and" to an adverb that follows a
    verb of its own says how that verb goes, like its partner (whatever the partner means)."""
    m = _ADVERB_AND_BEFORE.search(low, max(0, start - 50), start)
    return bool(m and _hosts_manner(m.group(1)))


_MANNER_VERB_RE = re.compile(r"(?<![\w'-])(?:" + trie_regex(MANNER_VERB_FORMS) + r")(?![\w'-])")
"""A manner verb's form as a whole word; `manner_verbs` looks the text's words up in
`_MANNER_VERB_WORDS` instead (`text_index.word_runs`), the same spans."""
_MANNER_VERB_WORDS = frozenset(w.lower() for w in MANNER_VERB_FORMS)
_BASE_FORM_SUBJECTS = frozenset({"they", "we", "you", "i", "to", "will", "can", "may", "might",
                                 "would", "could", "should", "and", "then"})


def _plural_by_its_ending(word: str) -> bool:
    """Is `word` a plural noun by its ending, one that can be the subject of a base form
    ("the horses stagger")? Not "-ss" ("grass"), and not a possessive in "'s" ("maker's
    stamp"; a plural's "dancers'" already ends in the apostrophe): a possessive opens a noun
    phrase, so the word after it is a noun."""
    return word.endswith("s") and not word.endswith(("ss", "'s", "\u2019s"))


def manner_verbs(low: str) -> list[tuple[int, int]]:
    """A verb whose meaning carries the weight or instability of its movement, used as a
    predicate ("an old man trudges through the snow", "the bus lurches forward", "a drunk
    staggers home"): by the definition the verb itself says how the movement goes. The verbs
    come from WordNet's definitions (manner_verbs.py, scripts/gen_manner_verbs.py).
    A noun ("a leisurely stroll", "the rush"), an adjective inside a noun phrase ("the swaying
    palms", "scattered leaves") or a base form with no plural subject before it is not."""
    found = []
    for start, end in word_runs(low).spans(_MANNER_VERB_WORDS):
        word = low[start:end]
        if _verb_is_noun(low, start, end) or _participle_of_a_noun(low, start, end):
            continue
        if word.endswith("ing") and modifies_noun(low, end) \
                and not _WORD_BEFORE.search(low, max(0, start - 30), start):
            continue  # "Swirling mists": an -ing word opening the prompt before its noun
        if word == MANNER_VERB_FORMS[word]:  # a base form: a plural subject or "to" before it
            before = _WORD_BEFORE.search(low, max(0, start - 30), start)
            prev = before.group(1) if before else ""
            if not (prev in _BASE_FORM_SUBJECTS or _plural_by_its_ending(prev)
                    or prev in ACTION_VERBS or prev.endswith("ly")):
                continue
        found.append((start, end))
    return found


_SUBSTANCES = frozenset({
    "hair", "fur", "mane", "tail", "feathers", "dust", "sand", "dirt", "mud", "gravel", "snow",
    "rain", "water", "waves", "spray", "foam", "smoke", "steam", "mist", "fog", "fabric",
    "cloth", "silk", "cape", "cloak", "dress", "skirt", "scarf", "ribbons", "flags", "curtains",
    "leaves", "petals", "grass", "branches", "sparks", "embers", "ash", "ashes", "debris",
    "shards", "splinters", "droplets", "lava", "liquid", "paint", "ink", "confetti", "snowflakes",
    "bubbles", "sails", "robes", "hem", "veil", "current", "tide", "surf", "clouds", "flames",
    "flame", "fire", "shadows", "reflections", "raindrops", "drops", "sweat", "particles",
    "powder", "glitter", "crumbs", "flakes", "pebbles", "streamers", "tassels",
    "fringe", "ponytail", "braids", "curls", "beard", "splashes", "ripples", "plumes",
    "clods"})
"""Loose matter, fluids and what hangs or flows from a body: how they move is the secondary
motion of the scene (the definition's physics), whatever verb says it ("the water rushing
around them", "dirt kicks up", "her hair arcs in the air", "the fabric swooshing")."""
_WEATHER = frozenset({"rain", "snow", "snowflakes", "ash", "ashes"})
_PHYSICS_LEMMAS = frozenset({"rush", "gush", "churn", "surge", "swoosh", "whoosh", "arc", "spill",
                             "spray", "froth", "seep", "ooze", "trickle", "bubble",
                             "boil", "heave", "kick", "whirl", "fan", "puff", "plume",
                             "billow", "cascade", "tumble", "whip", "stream", "spin", "swell",
                             "flare"})
_FORCE_AFTER = re.compile(r"[^,.;:!?\n]{0,30}?(?<![\w'-])(?:wind|breeze|gust|gale|current|gravity|"
                          r"draft|updraft)")
"""A force named right after the verb ("hair lifting in a soft wind"): the physics is said."""
_DIRECTION_LEMMAS = frozenset({"lift", "lower", "fall", "drip", "sink", "climb", "descend",
                               "ascend", "recede", "settle", "roll", "drop", "enter",
                               "leave", "approach", "pass", "move", "go", "come", "head",
                               "return", "advance", "retreat"})
"""Verbs that say only where a thing goes (up, down, over): said of a substance with no
manner word or force ("fog lifting from the valley", "clouds rolling over the peaks"), a bare
direction, which by the definition is not motion. Rising and spreading are left to the
substance (smoke rises and ripples spread by their physics; the tuning sets' labels split on
them)."""
_WIND_NAMED_AFTER = re.compile(r"[^,.;:!?\n]{0,25}?(?<![\w'-])(?:wind|winds|breeze|breezes|gusts?|"
                               r"gale|draft|updraft|current|currents)(?![\w'-])")
"""The wind or a current named right after a substance's verb, whatever the verb ("her hair
catching the breeze", "the flags answering every gust"): the wind moves it, the physics."""
_SUBSTANCE_NOUN = re.compile(r"(?<![\w'-])(?:" + trie_regex(_SUBSTANCES) + r")(?![\w'-])")
"""A substance named as a whole word. The readers look the text's words up in
`_SUBSTANCE_WORDS` instead (`text_index.word_runs`: one set intersection, not a scan of the
text); the tests hold the two to the same spans."""
_SUBSTANCE_WORDS = frozenset(w.lower() for w in _SUBSTANCES)
_ASPECT_VERBS = (r"(?:starts?|started|starting|begins?|began|beginning|continues?|continued|"
                 r"continuing|keeps?|kept|keeping)")
"""The aspectual verbs, a closed class: they say when the next verb's movement starts or goes
on, not what it is ("the water starts to float out", "smoke begins swirling"), so the verb
after them is the substance's movement."""
_SUBSTANCE_VERB = re.compile(r"([a-z]+)(?: (?:that|which))?(?: [a-z]+ly)?(?: " + _ASPECT_VERBS
                             + r"(?: to)?)? ([a-z]+)(?: (up|out|down|around|through|over))?")


def substances_in_motion(low: str) -> list[tuple[int, int]]:
    """A substance or loose material (`_SUBSTANCES`) with a verb of movement after it ("the
    water rushing around them", "her hair arcs in the air", "dust kicks up"): the physics of
    the scene. The span is the verb and what follows it, so the noun may still be the subject
    ("the coat's hem swinging"). The verb must be a movement (movement_verbs.py, manner_verbs.py) or a verb of
    fluids and loose matter (`_PHYSICS_LEMMAS`); "the water reflects the sky" is not."""
    found = []
    for noun_start, _ in word_runs(low).spans(_SUBSTANCE_WORDS):
        m = _SUBSTANCE_VERB.match(low, noun_start)
        if not m:
            continue
        noun, verb = m.group(1), m.group(2)
        if verb in _NOT_NOUNS or verb in _PREPOSITION_WORDS:
            continue
        if _a_compound_noun_said(low, m, noun, verb):
            continue  # "smoke plume.", "slow mo sweat spray,": a thing named, not a movement
        base = _lemma(verb)
        if noun in _WEATHER and ACTION_VERBS.get(verb, base) == "fall":
            continue  # "rain falling", "snow falls": the weather, said the usual way
        if ACTION_VERBS.get(verb, base) == "turn" and not m.group(3):
            continue  # "leaves turn red": a change of colour, not a movement
        if _a_state_said(low, m, verb):
            continue  # "their petals broken into facets", "hair neatly combed": how they are
        if verb.endswith("s") and m.end(2) == m.end() and m.start(2) == m.end(1) + 1 \
                and _verb_is_noun(low, m.start(2), m.end(2)):
            continue  # "the grass stalks bending": a plural compound noun before its own verb
        if ACTION_VERBS.get(verb, base) in _DIRECTION_LEMMAS and not m.group(0).count("ly ") \
                and not _FORCE_AFTER.match(low, m.end()):
            continue  # "steam rising", "fog lifting", "clouds rolling over": where, not how
        end = m.end()
        if not (base in _PHYSICS_LEMMAS or base + "e" in _PHYSICS_LEMMAS
                or _movement_form(verb) or verb in MANNER_VERB_FORMS):
            wind = _WIND_NAMED_AFTER.match(low, end) if _verb_like(verb) else None
            if wind is None:
                continue
            end = wind.end()  # "catching the breeze": the verb and the wind that moves it
        if noun.startswith("flame") and _lemma_in(verb, _LIGHT_LEMMAS | {"flicker"}):
            continue  # "the flame flickers": the light varies, the flame does not travel
        if not _opens_noun_phrase(low, m.start(1)):
            continue
        if not verb.endswith("ing") and _WITH_BEFORE.search(low, max(0, m.start(1) - 30),
                                                            m.start(1)):
            continue  # "the girl with blue braids jumps": the girl jumps, not the braids
        if _worn_by_the_mover(low, m.start(1), m.end(2)):
            continue  # "a woman in a flapper dress dancing": the woman dances
        found.append((m.start(2), end))  # the verb: the noun stays free to be the subject
    found += _substance_movement_nouns(low) + _wind_moves_a_substance(low) \
        + _stirred_up(low) + _moving_substance(low)
    found += _with_a_movement(low) + _with_a_quality(low) + _described_movements(low) \
        + _with_a_described_abstract(low) + _at_a_gait(low) \
        + _owners_movement_described(low) + _a_movement_noun_described(low) \
        + _manner_phrases(low) + _manner_adjective_movements(low) \
        + _adjective_before_a_compound_movement(low) + _manner_adjective_one_movement(low)
    # a trajectory already read with its agent ("a breeze lifts snowflakes into the air") keeps
    # that span
    return found + [(a, b) for a, b in _airborne(low) if not any(a < e and s < b for s, e in found)]


def _a_compound_noun_said(low: str, m: re.Match[str], noun: str, verb: str) -> bool:
    """Is "<substance> <word>" a compound noun rather than a subject and its verb ("smoke
    plume.", "sweat spray, sports promo")? By agreement a singular noun takes a present verb in
    -s ("smoke plumes"), so a bare base form right after it (no aspect verb or adverb
    between), with punctuation or the end of the text right after the word, names a thing (a
    verb's past that looks like its base, "dust burst.", is so rare bare at a phrase's end that
    it is let go)."""
    if noun.endswith("s") or verb != _lemma(verb) or m.group(0).count(" ") != 1:
        return False
    return _PUNCTUATION_NEXT.match(low, m.end()) is not None


_PUNCTUATION_NEXT = re.compile(r" *(?:$|[,.;:!?)\n])")
"""The end of a phrase by its punctuation or the end of the text (not by a preposition, which
may open the complement of a bare infinitive: "makes the water ripple across the pond")."""


def _a_state_said(low: str, m: re.Match[str], verb: str) -> bool:
    """Is the verb after a substance a past participle that says the state the substance is in
    ("their petals broken into overlapping facets", "his hair neatly combed", "strands of hair
    scattered across her face"), with no force named after it ("her hair blown by the wind",
    "her hair swept along in a gust" keep the physics) and no adverb of pace ("her hair slowly
    lifted")? The substance must be owned or partitive (`_OWNED_SUBSTANCE`: an absolute
    phrase, no clause of its own), so a finite past ("Water splashed everywhere") stays a
    movement. By the definition a state is no movement's manner or physics."""
    if not (verb.endswith("ed") or verb in _IRREGULAR_PARTICIPLES) or m.group(0).count(" "
                                                                                      ) > 2:
        return False
    if not _OWNED_SUBSTANCE.search(low, max(0, m.start() - 40), m.start()):
        return False
    adverb = _PACE_ADVERB.search(m.group(0))
    return adverb is None and not _FORCE_AFTER.match(low, m.end()) \
        and not _BY_AN_AGENT.match(low, m.end())


_OWNED_SUBSTANCE = re.compile(r"(?<![\w'-])(?:his|her|its|their|of)(?: [a-z-]+){0,2} $")
"""Before a substance, what makes its participle an absolute phrase's: an owner ("his short
hair neatly combed") or "of" ("strands of hair scattered across her face")."""
_BY_AN_AGENT = re.compile(r"(?: [a-z]+)? by ")
"""A passive with its agent after it ("hair tousled by the wind", "petals carried off by the
current"): something moves the substance."""


_PARTICIPLE_BEFORE = re.compile(r"(?:^|([,;:(.!?\n]) ?|(?<![\w'-])([a-z]+) )([a-z]+ing) $")
"""The -ing word right before a noun, and what opens its phrase: punctuation or the start
(group 1 or nothing), or the word before it (group 2)."""
_OPENS_A_SUBSTANCE = _NP_OPENERS | _PREPOSITION_WORDS | frozenset({"amid", "amidst", "among",
                                                                    "beneath", "behind",
                                                                    "between", "past", "of"})
"""Words after which "<-ing word> <substance>" is a noun phrase, the -ing word its adjective
("the rushing water", "filled with floating petals"), not a verb and its object ("a dog
shaking water", "a child blowing bubbles")."""


def _moving_substance(low: str) -> list[tuple[int, int]]:
    """"The rushing water", "a sky filled with floating petals", "billowing clouds of smoke":
    loose matter or a fluid (`_SUBSTANCES`) named with the movement it is making, a participle
    of a verb that moves, is the scene's physics, as "the water rushing around them" is
    (substances_in_motion). The phrase must open after a determiner, a preposition or
    punctuation, so the -ing word is the noun's adjective and not a verb with its object ("a
    man pouring water"). A direction only ("rolling waves", "rising steam"), the weather falling
    ("falling snow") and a flame's light ("flickering flames") are left out, as after the noun.
    Scanned from the nouns (a literal trie), looking back for the participle."""
    found = []
    for noun_start, noun_end in word_runs(low).spans(_SUBSTANCE_WORDS):
        m = _PARTICIPLE_BEFORE.search(low, max(0, noun_start - 40), noun_start)
        if not m:
            continue
        opener, verb, noun = m.group(2), m.group(3), low[noun_start:noun_end]
        if opener is not None and opener not in _OPENS_A_SUBSTANCE:
            continue
        if not (_lemma_in(verb, _PHYSICS_LEMMAS) or _movement_form(verb)
                or verb in MANNER_VERB_FORMS):
            continue
        if _lemma_in(verb, _DIRECTION_LEMMAS | {"turn"}) \
                or (noun in _WEATHER and _lemma_in(verb, frozenset({"fall"}))) \
                or (noun.startswith("flame") and _lemma_in(verb, _LIGHT_LEMMAS | {"flicker"})):
            continue  # "moving clouds", "rolling waves": only that or where it goes
        found.append(m.span(3))  # the participle: the noun stays free to be the subject
    return found


_SMALL_DEGREE = re.compile(r"(?<![\w'-])(?:" + "|".join(sorted(SMALL_DEGREE_ADVERBS))
                           + r")(?![\w'-])")
"""A small degree as a whole word; `amplitude_adverbs` looks the text's words up in
`_SMALL_DEGREE_WORDS` instead (`text_index.word_runs`), the same spans."""
_SMALL_DEGREE_WORDS = frozenset(w.lower() for w in SMALL_DEGREE_ADVERBS)
_NOT_AMPLITUDE_LEMMAS = _DIRECTION_LEMMAS | frozenset({
    "turn", "tilt", "lean", "bow", "nod", "rise", "raise", "spread", "open", "close", "part",
    "shrug", "step", "walk", "run", "jog", "climb", "lift", "lower", "push", "pull"})
"""Movements whose small degree is a small direction or distance ("leans in slightly", "turns
slightly toward the camera", "rises slightly", "steps slightly back"): where, not how."""
_DIRECTION_WORDS = frozenset({
    "toward", "towards", "forward", "forwards", "backward", "backwards", "back", "up", "down",
    "left", "right", "ahead", "behind", "aside", "away", "sideways", "closer", "apart",
    "upward", "upwards", "downward", "downwards", "outward", "inward", "to", "into", "onto",
    "off", "over", "open", "shut", "higher", "lower", "faster", "slower", "more", "less",
    "further", "farther", "out"})
"""Words after the degree that make it a distance or a comparison ("sways slightly to the
left", "moves slightly faster"), not the movement's amplitude."""


def amplitude_adverbs(low: str) -> list[tuple[int, int]]:
    """"The lantern sways slightly", "reeds subtly shifting", "a leaf trembling faintly": an
    adverb of a small degree (degree_adverbs.py, from WordNet's definitions) next to a verb of
    movement says how far the movement goes, its amplitude: the physics the definition counts.
    Not when the movement is a direction or a step ("leans in slightly", "turns slightly toward
    the camera", `_NOT_AMPLITUDE_LEMMAS`), when a direction or comparison follows the degree
    ("sways slightly to the left", "slightly faster"), when the participle sits in a noun
    phrase ("a slightly swaying lantern") or when the camera moves ("the camera shakes
    slightly")."""
    if "ly" not in low:
        return []
    found = []
    for start, end in word_runs(low).spans(_SMALL_DEGREE_WORDS):
        gap, nxt = _next_word(low, end)
        before = _WORD_BEFORE.search(low, max(0, start - 30), start)
        if before and _moves(before.group(1)):
            verb_start, verb = before.start(1), before.group(1)
            if gap == " " and nxt in _DIRECTION_WORDS:
                continue
        elif gap == " " and nxt not in _DIRECTION_WORDS and _moves(nxt):
            verb_start, verb = end + 1, nxt
            if verb.endswith("ing") and modifies_noun(low, end + 1 + len(nxt)):
                continue  # "a slightly swaying lantern": a thing described
            gap2, nxt2 = _next_word(low, end + 1 + len(nxt))
            if gap2 == " " and nxt2 in _DIRECTION_WORDS:
                continue
        else:
            continue
        if _lemma_in(verb, _NOT_AMPLITUDE_LEMMAS) or ACTION_VERBS.get(verb) in _NOT_AMPLITUDE_LEMMAS:
            continue
        if "camera" in _clause_words(low, verb_start)[-3:]:
            continue  # "the camera shakes slightly": the camera's, not the scene's
        found.append((start, end))
    return found


_WITH_A = re.compile(r"(?<![\w'-])with an? ([a-z][\w-]*)(?: ([a-z]+))?(?![\w'-])")
_MANNER_NOUN_BASES = frozenset(MOVEMENT_VERBS) | frozenset(MANNER_VERB_FORMS.values())


def _led_finditer(regex: re.Pattern[str], low: str, leads: frozenset[str]
                  ) -> list[re.Match[str]]:
    """`regex.finditer(low)` for a whole-word pattern whose every match begins with one of
    `leads` as a whole word ("with ", "at "): tried at those words alone (`word_runs`), not
    after every space of the text."""
    places = word_runs(low).places(leads)
    return finditer_at(regex, low, places) if places else []


_WITH = frozenset({"with"})
_AT = frozenset({"at"})
_IN = frozenset({"in"})
_WITH_OR_IN = frozenset({"with", "in"})


def _with_a_movement(low: str) -> list[tuple[int, int]]:
    """"Lands with a bounce", "walks with a lurch", "moves with a slight wobble": a movement
    named as a noun after "with a" says how the verb before it goes. The nouns are the
    movement and manner verbs' bases (movement_verbs.py, manner_verbs.py) used as nouns; one
    with an object after it ("with a wave of her hand", "with a shake of the head") is a
    gesture, and one the writer makes a thing of ("with a walk-in closet") is not a manner.
    The clause must have a verb for the manner to belong to ("a girl with a swing" has none)."""
    if "with a" not in low:
        return []
    found = []
    for m in _led_finditer(_WITH_A, low, _WITH):
        if m.group(1) in _MANNER_NOUN_BASES:
            end = m.end(1)  # "with a lurch toward the bar"
        elif m.group(2) and m.group(2) in _MANNER_NOUN_BASES:
            end = m.end(2)  # "with a gentle sway"
        else:
            continue
        noun = low[m.start():end].rsplit(" ", 1)[-1]
        if noun in _NOT_MANNER_NOUNS or _a_sound_word(noun):
            continue  # "with a dramatic sizzle": what is heard
        gap, nxt = _next_word(low, end)
        if gap == " " and (nxt == "of" or modifies_noun(low, end)):
            continue
        if not _a_verb_before(_clause_words(low, m.start())):
            continue
        found.append((m.start(), end))
    return found


_MANNER_QUALITIES = frozenset({
    "ease", "grace", "abandon", "speed", "force", "power", "precision", "agility", "elegance",
    "poise", "rhythm", "confidence", "purpose", "determination", "caution", "care", "urgency",
    "momentum", "vigour", "vigor", "energy", "fluidity", "flair", "finesse", "swagger",
    "stealth", "haste", "deliberation", "lightness", "heaviness", "gusto", "zeal", "velocity",
    "dexterity", "nimbleness", "exuberance", "intensity", "ferocity", "fury", "restraint",
    "control", "strength", "effort", "difficulty", "stiffness", "wobble", "jerks", "bounce"})
"""Nouns that name how a movement is made ("with majestic ease", "with wild abandon", "with
immense speed", "with quiet confidence"): said after a verb of movement they are its manner."""


_WITH_QUALITY = re.compile(r"(?<![\w'-])with (?:(?:[a-z-]+,? (?:and )?){0,3}?)("
                           + "|".join(sorted(_MANNER_QUALITIES)) + r")(?![\w'-])")


_OF_A_KIND = re.compile(r" of (?:a|an) ")
"""A quality "of a" kind ("with the grace of a dancer", "with the speed of a cheetah") compares
the movement with that kind's: still its manner."""


def _with_a_quality(low: str) -> list[tuple[int, int]]:
    """"Soaring through the sky with majestic ease", "scurrying across the ground with immense
    speed", "moves with quiet confidence": a with-phrase whose head is a quality of movement,
    whatever adjectives it takes, after a verb of movement in the same clause is the movement's
    manner. After another verb ("smiles with confidence", "speaks with precision") it is not."""
    if "with " not in low:
        return []
    found = []
    for m in _led_finditer(_WITH_QUALITY, low, _WITH):
        gap, nxt = _next_word(low, m.end())
        if gap == " " and nxt == "of" and not _OF_A_KIND.match(low, m.end()):
            continue  # "with the precision of his training": a quality owned by something else
        if not _moves_before(low, m.start(), 8):
            continue
        found.append((m.start(), m.end()))
    return found


_WITH_DESCRIBED_ABSTRACT = re.compile(
    r"(?<![\w'-])with ((?:[a-z-]+,? (?:and )?){1,3}?)([a-z]+(?:"
    + "|".join(_ABSTRACT_ENDINGS) + r"))(?![\w'-])")
"""A with-phrase whose head is an abstract noun by its ending (word formation: "progression",
"compression", "determination", "stillness"), with one to three describing words before it."""


def _with_a_described_abstract(low: str) -> list[tuple[int, int]]:
    """"Moves with deliberate, segmented progression", "sways with slow, steady oscillation":
    a with-phrase after a verb that moves, whose head is an abstract noun (its ending says so:
    -tion, -ment, -ness ...; WordNet must not call it a physical thing, so "marches with heavy
    equipment" is a load, not a manner) described by an adjective of manner
    (`_manner_adjective`), says how the movement goes, as "with majestic ease" does for the
    listed qualities (`_with_a_quality`). A head owned by something else ("with the slow
    rotation of the earth") is not described here: a determiner before it fails the manner test."""
    if "with " not in low:
        return []
    found = []
    for m in _led_finditer(_WITH_DESCRIBED_ABSTRACT, low, _WITH):
        described = _WORD.findall(m.group(1))
        if any(w in _NOT_QUALITIES for w in described) \
                or not any(_manner_adjective(w) for w in described):
            continue
        if m.group(2) in _MANNER_QUALITIES or m.group(2) == "movement" or _an_object(m.group(2)):
            continue  # the listed qualities and "movement" have readers of their own
            # (`_with_a_quality`, `_adjective_before_a_compound_movement`); "equipment" is a thing
        gap, nxt = _next_word(low, m.end())
        if gap == " " and nxt == "of" and not _OF_A_KIND.match(low, m.end()):
            continue  # "with careful movement of the arms" names what moves, not how
        if not _moves_before(low, m.start(), 8):
            continue
        found.append(m.span())
    return found


def _an_object(word: str) -> bool:
    """Does `word` (or a two-word name) name an object by its most frequent WordNet sense
    ("equipment", "apparatus", "crawl space"), not a process or an act ("oscillation",
    "progression", "a trot")?"""
    return head_synset("object") in kind_chain(word)


_AT_A = re.compile(r"(?<![\w'-])at (?:a|an|full|top|half) (?:([a-z][\w-]*) )?([a-z]+)(?![\w'-])")


def _at_a_gait(low: str) -> list[tuple[int, int]]:
    """"Moves at a crawl", "runs at full gallop", "trots at a steady jog": a movement named as a
    noun after "at a" says the pace of the verb before it, like "at a leisurely pace" (the
    lexicon's). The noun is a base of the movement or manner tables (movement_verbs.py,
    manner_verbs.py) that is not mostly a thing or an event ("at a dance", "at a race":
    `_NOT_MANNER_NOUNS`); one before an object's name, or making one with it (WordNet: "at a
    dive bar", "at a crawl space"), is part of that object's name; one whose most frequent
    WordNet sense is an object, ending its phrase, is that object ("swats at a fly": the
    insect, not a flight); and a verb that moves must
    come before it in the clause, since "stares at a swing" is where someone looks."""
    if "at " not in low:
        return []
    found = []
    for m in _led_finditer(_AT_A, low, _AT):
        if m.group(1) in _MANNER_NOUN_BASES:
            noun, end = m.group(1), m.end(1)  # "at a crawl through the grass"
        elif m.group(1) is None or _manner_adjective(m.group(1)):
            noun, end = m.group(2), m.end(2)  # "at a slow crawl"; "at a local crawl" is none
        else:
            continue
        if noun not in _MANNER_NOUN_BASES or noun in _NOT_MANNER_NOUNS:
            continue
        gap, nxt = _next_word(low, end)
        if gap == " " and (nxt == "of" or _an_object(nxt) or _an_object(f"{noun} {nxt}")):
            continue  # "at a dive bar", "at a crawl space": the movement noun names a thing
        if _an_object(noun) and _ends_clause(low, end):
            continue  # "swats at a fly": the noun's first sense is a thing (the insect)
        if not _moves_before(low, m.start(), 8):
            continue
        found.append((m.start(), end))
    return found


def _a_verb_before(words: list[str]) -> bool:
    """Is one of the last three words of a clause a verb: a known one, a participle, or an -s
    form that does not follow a determiner ("a duck lands back down", not "two girls")?"""
    for i in range(max(0, len(words) - 3), len(words)):
        w = words[i]
        if _hosts_manner(w) or w.endswith(("ed", "ing")):
            return True
        if w.endswith("s") and not w.endswith("ss") and w not in _NOT_VERBS_S and i > 0 \
                and words[i - 1] not in DETERMINERS:
            return True
    return False


_PATH_SHAPES = frozenset({"movements", "motions", "steps", "footsteps", "strokes", "curves",
                          "arcs", "bursts", "circles", "loops", "spirals", "zigzags", "jerks",
                          "spurts", "fits", "bounds", "beats", "wingbeats", "footwork", "gait",
                          "cadence", "rhythm", "rhythms"})
"""The movement named as a thing of its own, with no verb base among the movement verbs: its
parts (steps, strokes, wingbeats), the shape of its path (curves, arcs, loops, zigzags) or its
rhythm (bursts, spurts, fits)."""
_NOT_MANNER_PLURALS = frozenset({"waves", "falls", "rides", "drives", "breaks", "crashes", "races",
                                 "chases", "streams", "pours", "wraps", "runs", "climbs", "walks",
                                 "pulls", "pushes", "sinks", "marches", "throws", "cracks",
                                 "bursts", "moves", "turns", "lifts", "dances", "comb", "combs",
                                 "mops", "sips", "rolls", "sweeps", "steps"})
"""Plurals of movement verbs that are mostly things or events ("with big waves", "in the
falls", "with sharp turns" of a road, "dance moves", "in two steps"), left to the lexicon."""


def _plural_movement(base: str) -> str:
    return base + ("es" if base.endswith(("sh", "ch", "ss", "x")) else "s")


_MOVEMENT_NOUN_HEADS = _PATH_SHAPES | (
    frozenset(_plural_movement(b) for b in MOVEMENT_VERBS | frozenset(MANNER_VERB_FORMS.values()))
    - _NOT_MANNER_PLURALS)
_DESCRIBED_MOVEMENT = re.compile(
    r"(?<![\w'-])(?:with|in) ((?:(?:his|her|its|their) )?(?:[a-z][\w-]*,? (?:and )?){1,3}?)("
    + trie_regex(_MOVEMENT_NOUN_HEADS) + r")(?![\w'-])")
_POSSESSIVES = frozenset({"his", "her", "its", "their"})
_MOVEMENT_NOUN_HEAD = re.compile(r"(?<![\w'-])(?:" + trie_regex(_MOVEMENT_NOUN_HEADS) + r")(?![\w'-])")
"""A movement noun as a whole word; the readers look the text's words up in
`_MOVEMENT_NOUN_HEAD_WORDS` instead (`text_index.word_runs`)."""
_MOVEMENT_NOUN_HEAD_WORDS = frozenset(w.lower() for w in _MOVEMENT_NOUN_HEADS)
_NOT_QUALITIES = frozenset({"a", "an", "the", "each", "every", "all", "both", "no", "some", "any",
                            "many", "few", "several", "more", "most", "other", "these", "those",
                            "this", "that", "one", "two", "three", "four", "five", "first", "last",
                            "next", "same", "own", "dance", "his", "her", "its", "their", "my",
                            "our", "your", "and", "of", "to", "time", "perfect"})


_ADJECTIVE_BEFORE_MOVEMENT = re.compile(r"(?<![\w'-])([a-z][\w-]*) (" + trie_regex(_MOVEMENT_NOUN_HEADS)
                                        + r")(?![\w'-])")


def _manner_adjective(word: str) -> bool:
    """Is `word` an adjective of a movement's manner: a motion adjective of the lexicon, or one
    whose adverb ("intense" -> "intensely", "dramatic" -> "dramatically", "gentle" -> "gently")
    is a manner adverb (the hand-written stems, motion_words.py, manner_adverb_kin.py)?"""
    if word.endswith("ly") or word in _NOT_QUALITIES:
        return False
    if _MOTION_ADJECTIVE_WORD.fullmatch(word):
        return True
    return _adverb_of_manner(word)


_FLAT_MANNER_ADVERBS = frozenset({"fast", "hard"})
"""English flat adverbs of speed or force, the adjective's own form ("runs fast", "lands
hard"): a closed class, since no "-ly" adverb of theirs says the manner ("hardly" does not)."""


def _adverb_of_manner(word: str) -> bool:
    """Is the adjective's adverb a manner adverb ("clumsy" -> "clumsily", "violent" ->
    "violently", "fast" -> "fast"), which a size or a length ("long", "big") is not?"""
    if word in _FLAT_MANNER_ADVERBS:
        return True
    adverbs = {word + "ly", word + "ally"}
    if word.endswith("y"):
        adverbs.add(word[:-1] + "ily")
    if word.endswith("le"):
        adverbs.add(word[:-1] + "y")
    return any(_MOVEMENT_ADVERB_WORD.fullmatch(a) or a in MANNER_ADVERBS or a in MANNER_ADVERB_KIN
               for a in adverbs)


_ADJECTIVE_COMPOUND_MOVEMENT = re.compile(r"(?<![\w'-])([a-z][\w-]*) ([a-z][\w-]*) "
                                          r"(movements?|motions?)(?![\w'-])")
_RIG_WORDS = CAMERA_SUBJECTS | frozenset({
    "dolly", "crane", "jib", "handheld", "hand-held", "tracking", "pan", "panning", "tilt",
    "zoom", "orbit", "orbital", "aerial", "steadicam", "gimbal", "rig", "slow"})
"""What names the camera's own movement ("smooth camera movement", "slow dolly motion",
"subtle handheld motion") or the slow-motion effect: the camera's, not the scene's."""


def _adjective_before_a_compound_movement(low: str) -> list[tuple[int, int]]:
    """"Realistic character movement", "jerky servo motions", "natural animal movements": an
    adjective of manner (`_manner_adjective`) before a compound whose head is "movement" or
    "motion" and whose first noun says whose movement it is qualifies that movement, as
    "graceful strides" does; a compound of the camera or a rig ("smooth camera movement") is the
    camera's, and two adjectives in a row are the lexicon's."""
    if "movement" not in low and "motion" not in low:
        return []
    found = []
    for m in word_led_finditer(_ADJECTIVE_COMPOUND_MOVEMENT, low):
        adjective, owner = m.group(1), m.group(2)
        if not _manner_adjective(adjective) or owner in _RIG_WORDS or owner in _NOT_QUALITIES \
                or owner.endswith("ly") or _MOTION_ADJECTIVE_WORD.fullmatch(owner):
            continue
        found.append(m.span())
    return found


def _manner_adjective_movements(low: str) -> list[tuple[int, int]]:
    """"Performs intense spins", "takes dramatic leaps", "in a series of frantic swerves": an
    adjective of manner (`_manner_adjective`) before a movement named as a noun (a movement
    verb's plural, `_MOVEMENT_NOUN_HEADS`) says how that movement goes, as "graceful strides"
    does in the lexicon. An adjective of anything else ("tiny steps" of a staircase is the
    lexicon's; "golden spirals", "first steps") is not one."""
    found = []
    places = word_runs(low).led_by(_MOVEMENT_NOUN_HEAD_WORDS, 1)
    for m in finditer_at(_ADJECTIVE_BEFORE_MOVEMENT, low, places) if places else ():
        if not _manner_adjective(m.group(1)):
            continue
        if m.group(2) in _SHAPES_OF_THINGS and not _moves_before(low, m.start(), 8):
            continue  # "a building with elegant curves", "bold strokes of paint": a thing's
        found.append(m.span())
    return found


def _gerund(base: str) -> str:
    """"Flap" -> "flapping", "shake" -> "shaking", "slide" -> "sliding", "flow" -> "flowing"."""
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" \
            and base[-3] not in "aeiou" and len(base) <= 4:
        return base + base[-1] + "ing"
    return base + "ing"


_ONE_MOVEMENT_BASES = (frozenset(MOVEMENT_VERBS) | frozenset(MANNER_VERB_FORMS.values())) - {
    p[:-2] if p.endswith(("ches", "shes", "sses")) else p[:-1] for p in _NOT_MANNER_PLURALS}
_ONE_MOVEMENT_NOUNS = (_ONE_MOVEMENT_BASES | {_gerund(b) for b in _ONE_MOVEMENT_BASES}
                       | {w for w in MOTION_SENSE_FORMS if w.endswith("ing")})
_ONE_MOVEMENT = re.compile(
    r"(?<![\w'-])(?:the|a|an|its|his|her|their|[a-z]+'s) ([a-z][\w-]*) ("
    + trie_regex(_ONE_MOVEMENT_NOUNS)
    + r")(?=\s*(?:[,.;:!?)]|$)| (?:of|across|through|into|onto|off|over|along|down|up|past|"
    r"toward|towards|around|from|as|and|in|on|at|under|above|beneath)(?![\w'-]))")
"""Tried only two words before a word of `_ONE_MOVEMENT_WORDS` (`WordRuns.led_by`): what the
lookahead allows after it, the end of a clause or a preposition, makes the noun a whole word."""
_ONE_MOVEMENT_WORDS = frozenset(w.lower() for w in _ONE_MOVEMENT_NOUNS)


def _manner_adjective_one_movement(low: str) -> list[tuple[int, int]]:
    """"The toddler's clumsy stumble across the lawn", "a horse's effortless gallop", "the
    frantic flapping of its wings": one movement named as a noun (a movement or manner verb's
    base, or the -ing form of one or of a verb whose first WordNet sense is a movement, after a
    determiner or an owner) with an adjective whose adverb is a manner adverb
    (`_adverb_of_manner`: not a size or a length, "a long trudge") says how that movement
    goes, as the plural does in `_manner_adjective_movements`. The noun must end its phrase
    (a preposition or a clause follows), so "the soft flowing fabric" or "gently rolling hills"
    stay things described;
    movement nouns that are mostly things or events ("a gentle wave", "a slow dance",
    `_NOT_MANNER_PLURALS`) are left out."""
    found = []
    places = word_runs(low).led_by(_ONE_MOVEMENT_WORDS, 2)
    for m in finditer_at(_ONE_MOVEMENT, low, places) if places else ():
        adjective, noun = m.group(1), m.group(2)
        if adjective.endswith("ing") or adjective in _NOT_QUALITIES \
                or not _adverb_of_manner(adjective):
            continue  # "a spinning kick": a kind of the movement; "a long trudge": its length
        if _a_sound_word(noun):
            continue  # "a dramatic sizzle", "a sharp splash": what is heard
        found.append((m.start(1), m.end(2)))
    return found


@cache
def _sound_words() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{cue.pattern})" for cue in COMPONENT_CUES[C.AUDIO]))


def _a_sound_word(word: str) -> bool:
    """Is `word` one of the lexicon's sounds (its audio cues, read whole: "sizzle", "splash")?"""
    return _sound_words().fullmatch(word) is not None


_SHAPES_OF_THINGS = frozenset({"curves", "arcs", "circles", "loops", "spirals", "zigzags",
                               "strokes", "beats", "rhythm", "rhythms", "bursts", "fits", "spurts",
                               "coils", "twists", "bends", "swirls", "ripples", "cascades"})
"""Heads that also name a thing's shape or a pattern ("elegant curves" of a building, "graceful
swirls" of a carving): a movement only after a verb that moves."""


def _described_movements(low: str) -> list[tuple[int, int]]:
    """"Walks with stiff, mechanical steps", "slithers in smooth S-shaped curves", "swims with
    powerful strokes", "runs in short bursts": a with- or in-phrase whose head names the
    movement itself (`_MOVEMENT_NOUN_HEADS`: its parts, its path's shape, or a movement verb's
    plural, "strides", "leaps", "swoops"), described by words of their own, said after a verb
    that moves: whatever the describing words are, they say how it moves; so does one movement
    with its describing words after "a" ("walks with a mechanical gait"). A counted or
    determined head ("with each step", "in two leaps", "in the loops") describes nothing."""
    if word_runs(low).words.isdisjoint(_MOVEMENT_NOUN_HEAD_WORDS):
        return []  # most prompts name no movement as a noun: skip the phrase scan
    found = []
    for m in _led_finditer(_DESCRIBED_MOVEMENT, low, _WITH_OR_IN):
        described = _WORD.findall(m.group(1))
        if described and described[0] in _POSSESSIVES:
            described = described[1:]  # "with his long strides"
        elif len(described) > 1 and described[0] in ("a", "an"):
            described = described[1:]  # "with a mechanical gait": one movement, described
        if not described or any(w in _NOT_QUALITIES or w.isdigit() for w in described):
            continue
        if any(part.split()[0].endswith("ing") for part in m.group(1).split(",")[1:]
               if part.split()):
            continue  # "in slow motion, creating ripples": a clause of its own after the comma
        if m.group(1).rstrip().endswith(","):
            continue  # "in a straw nest, shakes off bits of shell": the verb of the next clause
        gap, nxt = _next_word(low, m.end())
        if gap == " " and nxt == "of":
            continue  # "with broad strokes of paint": a thing made
        if not _moves_before(low, m.start(), 8):
            continue
        found.append(m.span())
    return found


_MOTION_ADJECTIVE_WORD = re.compile(MOTION_ADJECTIVES)
_THROUGH_THE_AIR = re.compile(r" (?:through|into|across) the (?:[a-z]+ )?air(?![\w'-])")
_AIR_VERB_SPAN = 3


_IN_A_MANNER = re.compile(r"(?<![\w'-])in an? ((?:[a-z-]+,? (?:and )?){1,3}?)(?:manner|way|fashion)"
                          r"(?![\w'-])")
_EVER_MORE = re.compile(r"(?<![\w'-])(higher|faster|slower|lower|further|farther|closer|quicker|"
                        r"harder|wider|deeper|tighter|wilder) and (?:ever )?\1(?![\w'-])")
_UNDER_A_FORCE = re.compile(r"(?<![\w'-])(?:under|with|from|against) the (?:full |sheer |"
                            r"combined )?(?:force|pressure|strain|impact|pull|push) of (?:the |a |an |"
                            r"its |his |her |their )?(?:[a-z-]+ )?(?:wind|winds|water|waves|current|"
                            r"gravity|weight|storm|gale|blast|explosion|crowd|engine|tide|"
                            r"impact|hurricane|collision|jet|stream|river|fall|landing)(?![\w'-])")


def _manner_phrases(low: str) -> list[tuple[int, int]]:
    """Manner said as a phrase of its own after a verb that moves: "walks in a hurried, anxious
    manner", "moves in a slow, dreamlike way"; a speed or a height that grows ("bounce higher
    and higher", "spins faster and faster"); a force the movement is under ("bends under the
    force of the wind", "buckles under the weight of the crowd"). The first two need a verb of
    movement in their clause ("speaks in a calm manner" is a manner of speaking)."""
    found = []
    if "manner" in low or " way" in low or "fashion" in low:
        for m in _led_finditer(_IN_A_MANNER, low, _IN):
            if _moves_before(low, m.start(), 6):
                found.append(m.span())
    if " and " in low:
        for m in finditer_found(_EVER_MORE, low):
            if _moves_before(low, m.start(), 6):
                found.append(m.span())
    if " of " in low:
        found += [m.span() for m in finditer_found(_UNDER_A_FORCE, low)]
    return found


def _airborne(low: str) -> list[tuple[int, int]]:
    """"The ball arcs through the air", "the stuntman hurtles through the air": a body moving
    through the air is its trajectory, the physics the lexicon reads for the common verbs
    (fly, leap, spin); here for any verb that moves (`_moves`) up to three words before, so
    "hangs in the air" or "the smell of bread in the air" (no movement) are left alone."""
    if " air" not in low:
        return []
    found = []
    for m in _THROUGH_THE_AIR.finditer(low):
        words = list(_WORDS_APART.finditer(low, max(0, m.start() - 40), m.start()))
        for w in reversed(words[-_AIR_VERB_SPAN:]):
            if _moves(w.group(0)):
                found.append((w.start(), m.end()))
                break
    return found


_OWNERS_MOVEMENT_SAID = re.compile(
    r"(?<![\w'-])[a-z][\w-]*['\u2019]s? (?:[a-z-]+ )?(?:movements?|motions?|moves|steps|strides?|"
    r"gait|footwork|flight|swimming|running|walking|dancing)(?: (?:is|are|was|were|remains?|stays?|"
    r"looks?|feels?|seems?|appears?|becomes?))? (?:(?:very|so|quite|almost|too|slightly|[a-z]+ly) )?"
    r"([a-z-]+)(?![\w'-])")


_LINKING = (r"(?:is|are|was|were|remains?|stays?|looks?|feels?|seems?|appears?|becomes?|grows?|"
            r"gets?)")


@cache
def _movement_noun_said() -> re.Pattern[str]:
    """A movement verb used as a noun, owned and then described ("the pendulum's swing is
    smooth", "her glide looks effortless"): any base of the movement and manner tables that is
    not mostly a thing or an event as a noun (`_NOT_MANNER_NOUNS`), built once on first use."""
    heads = sorted((set(MOVEMENT_VERBS) | set(MANNER_VERB_FORMS.values())) - _NOT_MANNER_NOUNS)
    return re.compile(r"(?<![\w'-])(?:[a-z][\w-]*['\u2019]s?|his|her|its|their) (?:[a-z-]+ )?(?:"
                      + trie_regex(heads) + r") " + _LINKING
                      + r" (?:(?:very|so|quite|almost|too|slightly|[a-z]+ly) )?([a-z-]+)(?![\w'-])")


def _said_quality(said: str) -> bool:
    """Is `said` a describing word: an adjective by its ending or the motion lexicon's, or the
    comparative of one ("heavier", "smoother")?"""
    if said in _NOT_QUALITIES or said in ACTION_VERBS or said in _PREPOSITION_WORDS \
            or said in _NOT_NOUNS:
        return False
    plain = said[:-3] + "y" if said.endswith("ier") else said[:-2] if said.endswith("er") else said
    return any(_ADJECTIVE_SUFFIX.match(w) or _MOTION_ADJECTIVE_WORD.fullmatch(w)
               for w in {said, plain})


def _a_movement_noun_described(low: str) -> list[tuple[int, int]]:
    """"The pendulum's swing is smooth and even", "the skater's glide looks effortless", "her
    stride grows heavier": a movement named by its verb used as a noun, with its owner, and
    described by a linking verb's adjective, is the movement's manner, whatever the movement
    (the definition: speed, manner, weight of a movement). The owner rules out a noun that is a
    thing ("a swing is broken" has no movement); a verb or a noun after the link ("the dancer's
    leap lands") says nothing of how it goes."""
    if not any(f" {w} " in low for w in ("is", "are", "was", "were", "looks", "seems", "grows",
                                        "becomes", "remains", "stays", "feels", "appears",
                                        "gets")):
        return []
    return [m.span() for m in word_led_finditer(_movement_noun_said(), low) if _said_quality(m.group(1))]


def _owners_movement_described(low: str) -> list[tuple[int, int]]:
    """"The dancer's movements are fluid and precise", "the horse's gait remains steady": what
    is said of someone's movement, named with its owner, is its manner (the lexicon reads it
    after a pronoun or "the"). The word said must be a describing word, not a verb or a noun
    that goes on the sentence ("the dancer's movements fill the stage")."""
    if "'s " not in low and "s' " not in low and "\u2019s " not in low:
        return []
    found = []
    for m in word_led_finditer(_OWNERS_MOVEMENT_SAID, low):
        said = m.group(1)
        if said in _NOT_QUALITIES or said in ACTION_VERBS or said in _PREPOSITION_WORDS \
                or said in _NOT_NOUNS or not (_ADJECTIVE_SUFFIX.match(said)
                                              or _MOTION_ADJECTIVE_WORD.fullmatch(said)):
            continue
        found.append(m.span())
    return found


_NOT_MANNER_NOUNS = frozenset({"wave", "step", "walk", "run", "ride", "drive", "throw", "toss",
                               "kick", "twist", "break", "comb", "mop", "sip", "turn", "lift",
                               "move", "dance", "swim", "race", "chase", "stream", "pour",
                               "wrap", "transform", "splash", "crash", "burst", "crack", "strum",
                               "surf", "ski", "skate", "march", "fall", "climb", "push", "pull",
                               "sink"})
"""Bases that as nouns are mostly a thing, an event or a gesture ("with a wave", "with a
walk", "with a drive", "with a twist"), not the manner of a movement."""


_SUBSTANCE_MOVEMENT = re.compile(r"(?<![\w'-])(?:" + trie_regex(_SUBSTANCES)
                                 + r") (?:movements?|motions?|flow)(?![\w'-])")


def _substance_movement_nouns(low: str) -> list[tuple[int, int]]:
    """A substance's movement named as a noun ("real hair movement", "water flow"): the
    physics of the scene, said as a thing to render ("physics" itself is a lexicon cue)."""
    if " movement" not in low and " motion" not in low and " flow" not in low:
        return []
    return [m.span() for m in word_led_finditer(_SUBSTANCE_MOVEMENT, low)]


_WIND_AGENT = re.compile(r"(?<![\w'-])(?:wind|winds|breeze|breezes|gust|gusts|gale|draft|draught|"
                         r"updraft|downdraft|current|currents)(?: (?:[a-z]+ly|then|now))? "
                         r"([a-z]+) ((?:[a-z'-]+ ){0,3}?)(" + trie_regex(_SUBSTANCES) + r")(?![\w'-])")
_WIND_VERBS = frozenset({"lift", "carry", "blow", "whip", "toss", "scatter", "sweep", "stir",
                         "ruffle", "tousle", "rustle", "tug", "push", "pull", "rock", "shake",
                         "swirl", "spin", "send", "drive", "catch", "buffet", "flutter", "sway"})
"""What wind or a current does to what it moves: the definition's "hair blowing in the wind"
with the wind as the subject ("a light breeze lifts tiny snowflakes into the air", "the wind
whips her hair across her face")."""


_STIRRED_UP = re.compile(r"(?<![\w'-])(?:kick|churn|throw|send|stir|whip|fling|toss|spray|splash|"
                         r"shower|spit|blast)(?:s|es|ed|ing|ping|ring)? (?:up|out|off) "
                         r"((?:[a-z'-]+ ){0,3}?)(" + trie_regex(_SUBSTANCES) + r")(?![\w'-])")


def _stirred_up(low: str) -> list[tuple[int, int]]:
    """"A horse kicks up clods of dirt", "the boat churns up foam", "sends up a spray of
    water": loose matter thrown by a movement, the scene's physics (the noun-first form, "dirt
    kicks up", is substances_in_motion's)."""
    if " up " not in low and " out " not in low and " off " not in low:
        return []
    return [m.span() for m in word_led_finditer(_STIRRED_UP, low)]


def _wind_moves_a_substance(low: str) -> list[tuple[int, int]]:
    """Wind or a current as the subject of a verb that moves a substance: physics."""
    if "wind" not in low and "breeze" not in low and "gust" not in low and "current" not in low \
            and "gale" not in low and "draft" not in low and "draught" not in low:
        return []
    found = []
    for m in word_led_finditer(_WIND_AGENT, low):
        verb = m.group(1)
        base = ACTION_VERBS.get(verb, _lemma(verb))
        if base in _WIND_VERBS or base + "e" in _WIND_VERBS or _movement_form(verb):
            found.append((m.start(), m.end()))  # any verb that moves: "wind moves the grass"
    return found


_WITH_BEFORE = re.compile(r"(?<![\w'-])with (?:[\w'-]+ ){0,2}$")
_WORN_IN = re.compile(r"(?<![\w'-])in (?:(?:a|an|the|his|her|their|its) )?(?:[\w'-]+,? ){0,2}$")
_GARMENT = re.compile(CLOTHING + r"(?![\w'-])")


def _worn_by_the_mover(low: str, start: int, verb_end: int) -> bool:
    """"A woman in a flapper dress dancing", "a man in a red cape running through the city":
    a garment in the "in" phrase that says what someone wears, with the verb right after it,
    is the wearer's verb, not the garment's movement (the definition's physics is the cloth
    moving by itself). With a wind or a current named after the verb ("in a dress billowing
    in the wind") the cloth is what moves."""
    if " in " not in low[max(0, start - 40):start] or not _GARMENT.match(low, start) \
            or not _WORN_IN.search(low, max(0, start - 40), start):
        return False
    return _WIND_NAMED_AFTER.match(low, verb_end) is None and not _FORCE_AFTER.match(low, verb_end)


def _opens_noun_phrase(low: str, start: int) -> bool:
    """Is the noun at `start` the head of its phrase rather than a modifier of another noun
    ("hair salon", "water bottle": the verb then has another subject)? False when the word
    before it is a verb of its own that makes it an object ("drinks water rushing")."""
    before = _WORD_BEFORE.search(low, max(0, start - 30), start)
    return not (before and before.group(1) in ACTION_VERBS
                and not before.group(1).endswith("ing"))


_MOVE_FORMS = frozenset({"move", "moves", "moved", "moving"})
""""Move" is a vague action (lexicon.VAGUE_VERBS) but a movement all the same: "the robot
moves stiffly" says how it moves."""


def _hosts_manner(word: str) -> bool:
    """Can a manner adverb next to `word` be the manner of its movement? A verb the lexicon
    knows, a participle, or any verb whose first WordNet sense is a movement ("pedals
    furiously", "meanders lazily")."""
    return _verb_like(word) or word in _MOVE_FORMS or word in MOTION_SENSE_FORMS


def _movement_form(word: str) -> bool:
    """A form of a verb of movement (movement_verbs.MOVEMENT_VERBS, generated by MiniLM)."""
    return word in _MOVE_FORMS or ACTION_VERBS.get(word, "") in MOVEMENT_VERBS


def _moves(word: str) -> bool:
    """Is `word` a form of a verb that moves something: a movement verb (MiniLM's table), a
    manner verb, or a verb whose first WordNet sense is a movement (motion_sense_verbs.py:
    "navigates", "meanders", "clambers")? A manner phrase said after one is a movement's."""
    return _movement_form(word) or word in MANNER_VERB_FORMS or word in MOTION_SENSE_FORMS


_SIMILE = re.compile(r"(?<![\w'-])([a-z][\w'-]*)(?: [a-z]+ly)? ((?:like|as if|as though)"
                     r"(?: [a-z][\w'-]*){1,6}?)(?=\s*(?:[,.;:!?]|$)| (?:and|while|as|then|across|"
                     r"through|into|over|along|on|in|at|toward|towards|down|up|past|around) )")
_LIKE_AS = re.compile(r"(?<![\w'-])(?:light|heavy|quick|fast|slow|swift|nimble|graceful|fluid|"
                      r"smooth|silent|stiff|limp|agile) as (?:a |an )?[a-z][\w'-]*")


_COMPARISON = re.compile(r"(?<![\w'-])((?:like an?|as if|as though)(?: [a-z][\w'-]*){1,6}?)"
                         r"(?=\s*(?:[,.;:!?]|$)| (?:and|while|as|then|across|through|into|over|"
                         r"along|on|in|at|toward|towards|down|up|past|around) )")
_NOT_A_MOVERS_WORDS = frozenset({"look", "looks", "looked", "looking", "seem", "seems", "seemed",
                                 "seeming", "feel", "feels", "felt", "sound", "sounds", "smell",
                                 "smells", "taste", "tastes", "resemble", "resembles", "is", "are",
                                 "was", "were", "be", "been", "that", "which", "who", "whose",
                                 "shaped", "dressed", "made", "built", "something", "anything",
                                 "just", "much", "things"})
"""Words between a movement verb and a comparison that give the comparison another owner: a
verb of seeming ("a city that looks like a painting"), a copula, a relative pronoun, a thing
made or dressed like another."""
_COMPARED_SPAN = 5


def _runs_into_the_next_item(low: str, start: int, end: int) -> bool:
    """Does a motion match run past a comma into an adjective of the next list item's noun
    ("leaving the movement, soft key light": "soft" is the light's)? An adjective said of a
    movement after a comma ("her movements, slow and fluid") ends its phrase; one followed by
    its own noun modifies that noun, so the match joins two items and says no movement's
    manner."""
    return ", " in low[start:end] and modifies_noun(low, end)


_TOPIC_PREPOSITIONS = frozenset({"about", "on", "over", "of", "regarding", "concerning",
                                 "for", "at"})
"""The prepositions that name what something is about or aimed at ("notes on his weight",
"jokes about her weight", "laughing at her weight"): a closed class of English."""
_OWNED_WEIGHT = re.compile(r"(?:its|his|her|their|the) weight")


def _a_bodys_weight(low: str, start: int, end: int) -> bool:
    """Is "her weight", "his weight" the body's weight as a topic ("mocking her weight", "notes
    on his weight") rather than a movement's ("shifts her weight", "throws his weight
    forward")? By the definition weight is motion when it is a moving thing's; a weight that is
    the object of a verb of saying (speech_verbs.py, from WordNet) or of a preposition of a
    topic (`_TOPIC_PREPOSITIONS`) is talked of, not moved; "bends under its weight", "leans
    into her weight" stay."""
    if not _OWNED_WEIGHT.fullmatch(low, start, end):
        return False
    before = _WORD_BEFORE.search(low, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1)
    return word in SPEECH_VERB_FORMS or word in _TOPIC_PREPOSITIONS


def _moves_before(low: str, start: int, within: int) -> bool:
    """Is one of the last `within` words of the clause ending at `start` a verb that moves
    (`_moves`)? A manner phrase ("with majestic ease", "in a hurried manner", "higher and
    higher") is a movement's only after one."""
    return any(_moves(w) for w in _clause_words(low, start)[-within:])


def _compares_a_movement(low: str, start: int) -> bool:
    """Is the comparison at `start` said of a movement verb a few words back in its clause,
    across the verb's object or place ("prowling the shores like a beast", "drifts across the
    sky like a ghost")? A verb of seeming, a copula or a relative pronoun in between gives it
    another owner ("walks past a house that looks like a castle")."""
    words = _clause_words(low, start)[-_COMPARED_SPAN:]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _NOT_A_MOVERS_WORDS:
            return False
        if _moves(words[i]):
            return i < len(words) - 1  # right before "like" is _SIMILE's
    return False


def manner_similes(low: str) -> list[tuple[int, int]]:
    """A comparison said of a movement is its manner: "moves like liquid", "glides as if
    floating", "light as a feather". The verb before "like" must be a movement
    (movement_verbs.py), so "smiles like a child" or "looks like a painting" are left alone."""
    if " like " not in low and " as " not in low:
        return []  # most prompts compare nothing: skip both scans
    found = [(m.start(2), m.end(2)) for m in finditer_found(_SIMILE, low)
             if _movement_form(m.group(1))]
    if " like a" in low or " as if " in low or " as though " in low:
        found += [m.span(1) for m in finditer_found(_COMPARISON, low)
                  if m.start(1) not in {a for a, _ in found}
                  and _compares_a_movement(low, m.start(1))]
    return found + [m.span() for m in finditer_found(_LIKE_AS, low)]


_VERB_AND_OBJECT = re.compile(r"(?<![\w'-])([a-z][\w'-]*) (?:its|his|her|their|the|a|an|my|our|"
                              r"your|one|both) (?:[a-z][\w'-]* ){0,2}[a-z][\w'-]* $")
_ENDS_CLAUSE = re.compile(r"$|[,.;:!?)]|(?:in|on|at|to|toward|towards|into|across|through|over|"
                          r"under|as|while|and|with|from|back|up|down)\b")


def _ends_clause(low: str, end: int) -> bool:
    """Whether the clause ends after `end`, past any spaces (`_ENDS_CLAUSE`, matched in place)."""
    while end < len(low) and low[end] == " ":
        end += 1
    return _ENDS_CLAUSE.match(low, end) is not None


_SENTENCE_OPENING = re.compile(r"(?:^|[.;:!?\n]\s*|\b(?:then|and then|but),? )$")
_SENTENCE_REST = re.compile(r",\s*([^,.;:!?\n]{1,80})")


def _opens_a_moving_sentence(low: str, start: int, end: int) -> bool:
    """"Ponderously, the elephant crosses the river", "Then, nimbly, ...": a manner adverb that
    opens its sentence, set off by a comma, says how the sentence's verb goes; it is a
    movement's when that verb moves (`_moves`) within the next few words, so "Slowly, she
    smiles" stays out."""
    if not _SENTENCE_OPENING.search(low, max(0, start - 12), start):
        return False
    rest = _SENTENCE_REST.match(low, end)
    if not rest:
        return False
    words = _WORD.findall(rest.group(1))[:6]
    for w in words:
        if _lemma_in(w, _NOT_MOVEMENT_LEMMAS):
            return False
        if _moves(w):
            return True
    return False


_VERB_AND_PLACE = re.compile(r"(?<![\w'-])([a-z][\w'-]*)(?: (?:up|down|out|off|away|back|around|"
                             r"about|along|over))? (?:across|along|around|through|into|onto|over|"
                             r"down|up|past|toward|towards|to|from|under|between|among|around|"
                             r"beneath|inside|out of|off|on|in|at) (?:its|his|her|their|the|a|an|"
                             r"my|our|your|one|each)? ?(?:[a-z][\w'-]* ){0,2}[a-z][\w'-]* $")


def _after_verb_and_place(low: str, start: int, end: int) -> bool:
    """"Runs around the playground excitedly", "drifted across the sky lazily": a manner adverb
    after a verb of movement and the phrase of where it goes ends the verb phrase and says how
    that movement goes. The verb must move (`_moves`), so "sits on the bench quietly" or "looks
    at her gently" are left alone, and the adverb must end its clause."""
    m = _VERB_AND_PLACE.search(low, max(0, start - 56), start)
    if not m or not _moves(m.group(1)):
        return False
    return _ends_clause(low, end)


def _after_verb_and_object(low: str, start: int, end: int) -> bool:
    """"wags its tail furiously", "shakes his head slowly": a manner adverb after the object of
    a verb closes the verb phrase and says how that movement goes. The adverb must end its
    phrase (punctuation or a preposition after it), so an adverb that opens the next verb
    phrase is left to the adjacency test."""
    m = _VERB_AND_OBJECT.search(low, max(0, start - 48), start)
    if not m or not _verb_like(m.group(1)) or m.group(1).endswith("ly") \
            or m.group(1) in _VIEWING_VERBS:
        return False  # "capturing the scene naturally": how the shot shows it, not a movement
    return _ends_clause(low, end)


def _inner_move(text: str) -> str | None:
    """The move named inside a camera clause matched as a whole ("the view slowly rotates
    around" is an orbit): the first cue with a move found in its words."""
    for cue in COMPONENT_CUES[C.CAMERA]:
        if cue.move and search_lower(cue.pattern, text):
            return cue.move
    return None


_PHRASE_WORDS = 8
"""How many words before a noun `_subject_phrase` may look at: it takes at most four, and
five with "of" twice ("a group of a pair of"), plus the word before the last one taken."""


def _subject_phrase(prompt: str, start: int, end: int) -> tuple[int, int]:
    """Grow a noun match leftwards over its adjectives and determiner ("an elderly fisherman").
    The words before the noun come from the prompt's word index (`text_index`), not a scan of
    the prompt up to it: the same words, without a cost that grows with the noun's offset."""
    words = word_index(prompt).before(start, _PHRASE_WORDS)
    grown = start
    for taken, w in enumerate(reversed(words), start=1):
        between = prompt[w.end():grown]
        if between.strip():  # punctuation breaks the phrase
            break
        low = w.group(0).lower()
        before = words[-taken - 1].group(0).lower() if taken < len(words) else ""
        if low in PHRASE_STOPS or low in _FUNCTION_WORDS or (
                low in ACTION_VERBS and not (low.endswith("ing") and before in DETERMINERS)):
            break  # ... but "a running horse": an -ing word after a determiner is an adjective
        if low.endswith("s") and verb_after_a_noun(_lowered(prompt), w.start(), w.end()):
            break  # "A glassblower shapes molten glass": the subject "molten glass" ends here
        if low == "of":
            if not _collective_before(prompt, w.start()):
                break  # "a shot of waves": the subject is "waves"
            grown = w.start()  # "a group of dancers": go on to "a group"
            continue
        grown = w.start()
        if (low in DETERMINERS and low not in _COLLECTIVES) or taken >= 4:
            break
    return grown, end


_NEXT_WORD_AFTER = re.compile(r" ([a-z][a-z-]+)\b")


def _compound_person_end(prompt: str, end: int) -> int:
    """Where a subject noun's phrase ends when the noun is the first of a compound whose head
    is a kind of person by WordNet ("a bike courier", "a street vendor", "a dog walker"): after
    that head, singular and not a verb's form. Otherwise `end` itself."""
    m = _NEXT_WORD_AFTER.match(prompt, end)
    if not m:
        return end
    word = m.group(1)
    if (word.endswith(("s", "ing", "ed", "ly")) or word in ACTION_VERBS or word in PHRASE_STOPS
            or word in _FUNCTION_WORDS):
        return end
    return m.end(1) if is_a_person(word) else end


_COLLECTIVES = frozenset({"group", "pair", "couple", "herd", "flock", "crowd", "school", "team",
                          "pack", "swarm", "line", "row", "family", "bunch", "band", "troupe",
                          "handful", "colony", "cluster", "fleet", "gaggle", "pod", "murmuration"})


def _collective_before(prompt: str, at: int) -> bool:
    """Whether the letters just before `at` (past any whitespace) are a collective noun ("a
    group of"): the last run of ASCII letters of `prompt[:at].rstrip()`, read back from `at`
    rather than searched for from the prompt's start."""
    end = at
    while end > 0 and prompt[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and prompt[begin - 1] in _ASCII_LETTERS:
        begin -= 1
    return begin < end and prompt[begin:end].lower() in _COLLECTIVES


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


# A person's (or a character's) name: capitalised words in a row ("Taylor Swift", "Frida
# Kahlo", "Darth Vader"), or one capitalised word inside a sentence ("a portrait of Einstein").
# After a place preposition the name is a place ("in New York"), which is the setting's.
_NAME = re.compile(r"(?<![\w'-])(?:[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?|[A-Z]\.)"
                   r"(?: (?:[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?|[A-Z]\.|de|da|del|van|von|le|la)){0,3}"
                   r"(?![\w'-])")
_PLACE_PREPOSITION = re.compile(r"(?:in|at|on|from|to|into|across|near|over|through|around|"
                                r"above|outside|inside|toward|towards|of the)\s+$", re.I)
_PLACE_PREPOSITION_LONGEST = 7
"""The longest word `_PLACE_PREPOSITION` ends in ("towards", "outside"): a match of it in the
text before a name ends with the spaces right before the name, so it begins at most this many
characters before them."""
_NOT_NAMES = frozenset({"the", "a", "an", "this", "that", "these", "those", "i", "it", "its",
                        "he", "she", "they", "we", "you", "his", "her", "their", "my", "our",
                        "then", "and", "but", "as", "while", "in", "on", "at", "with", "from",
                        "camera", "shot", "scene", "style", "close", "wide", "medium", "slow",
                        "cinematic", "pov"})


def _name_subjects(prompt: str, claimed: list[tuple[C, Span]]) -> list[Span]:
    spans = []
    for m in _NAME.finditer(prompt):
        start, end = m.span()
        words = m.group(0).split()
        while words and words[0].lower() in _NOT_NAMES:  # "The Eiffel Tower" -> "Eiffel Tower"
            start += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        head = prompt[:start].rstrip()
        sentence_start = not head or head[-1] in ".!?:;\n\"(["
        if len(words) < 2 and (sentence_start or not re.search(r"(?<![\w'-])[a-z][\w'-]*\W*$", head)):
            continue  # a capitalised first word ("Waves crash") or tag ("Realistic, Casual")
        if _PLACE_PREPOSITION.search(prompt, max(0, len(head) - _PLACE_PREPOSITION_LONGEST),
                                     start):
            continue  # its word ends where the spaces before the name begin: searched there
        span = make_span(start, end, prompt[start:end], "name", 0.9)
        if any(_overlaps(span, s) for c, s in claimed if c is not C.ACTION):
            continue
        spans.append(span)
    return spans


_ATTRIBUTION = re.compile(r"(?<![\w-])(?:(?:painted |drawn |shot |directed |illustrated )?by|"
                          r"in the style of|inspired by|after|à la) "
                          r"([A-Z][\w'-]+(?: (?:van|de|da|von|del|[A-Z][\w'-]+)){0,3})(?![\w'-])")


def attributions(prompt: str) -> list[Span]:
    """"by Vincent van Gogh", "in the style of Wes Anderson": a named artist is a style."""
    return [make_span(m.start(), m.end(), m.group(0), "artist", 0.9)
            for m in finditer_blanked(_ATTRIBUTION, prompt)]


_CLAUSE_OPENING = re.compile(r"(?:^|[,.;:!?]\s*|(?:^|[,.;:!?]\s*)(?:the|a|an|her|his|its|their)\s+)$",
                             re.IGNORECASE)


def _opens_its_motion(prompt: str, comp: C, claimed: Span, noun: Span) -> bool:
    """"Dust drifts through...", "Her dress flutters": a motion phrase that opens its clause with
    a noun names the clause's subject too."""
    return (comp is C.MOTION and claimed.start <= noun.start
            and bool(_CLAUSE_OPENING.search(prompt[max(0, noun.start - 12):noun.start])))


def _find_subjects(prompt: str, claimed: list[tuple[C, Span]]) -> list[Span]:
    spans: list[Span] = _name_subjects(prompt, claimed)
    around: Bounds | None = None  # most nouns lie inside no claim
    for m_start, m_end in prompt_spans(SUBJECT_NOUNS, prompt):
        if prompt[m_end - 1:m_end] == "s":
            doer = _doer_before(prompt, m_start, m_end)
            if doer:  # "A glassblower shapes molten glass": the verb, not a subject
                spans.append(doer)
                continue
        span = make_span(start=m_start, end=m_end, text=prompt[m_start:m_end], cue="noun")
        around = Bounds([(s.start, s.end) for _, s in claimed]) if around is None else around
        if around.covers(span.start, span.end) and any(
                _inside(span, s) and not _may_share_subject(c, s)
                and not _opens_its_motion(prompt, c, s, span) for c, s in claimed):
            continue
        start, end = _subject_phrase(prompt, m_start, m_end)
        end = _compound_person_end(prompt, end)
        spans.append(make_span(start=start, end=end, text=prompt[start:end], cue="noun"))
        verb = _VERB_JUST_BEFORE.search(prompt, max(0, start - 40), start)
        doer = _doer_before(prompt, verb.start(1), verb.end(1)) if verb else None
        if doer:  # "a dietitian portions chicken": the phrase before the verb is who does it
            spans.append(doer)
    opening = _opening_noun_phrase(prompt, claimed)
    if opening and not any(_overlaps(opening, s) for s in spans):
        spans.append(opening)  # the prompt's first words name what it is about
    filmed = _filmed_object(prompt, claimed)
    if filmed and not any(_overlaps(filmed, s) for s in spans):
        spans.append(filmed)
    if spans:
        return _merge_adjacent(spans)
    return _leading_noun_phrase(prompt, claimed) or _fallback_subject(prompt, claimed) \
        or _doer_of_a_verb(prompt, claimed)


_S_WORD = re.compile(r"(?<![\w'-])[a-z]{3,}s(?![\w'-])")


def _doer_of_a_verb(prompt: str, claimed: list[tuple[C, Span]]) -> list[Span]:
    """No subject found otherwise: the first noun phrase with a verb of its own ("in the
    workshop an apprentice sands planks": `subject_before_verb`), outside the other claims."""
    for m in finditer_blanked(_S_WORD, _lowered(prompt)):
        span = _doer_before(prompt, m.start(), m.end())
        if span and not any(_inside(span, s) for _, s in claimed):
            return [span]
    return []


def _doer_before(prompt: str, start: int, end: int) -> Span | None:
    """The noun phrase whose verb is the -s word at `start:end` (`subject_before_verb`), as a
    subject span; None when the word is not such a verb."""
    found = subject_before_verb(_lowered(prompt), start, end)
    return _phrase_span(prompt, *found) if found else None


@lru_cache(maxsize=4)
def _lowered(prompt: str) -> str:
    """The prompt lower-cased, once for the few -s words the noun-phrase readers test."""
    return prompt.lower()


_VERB_JUST_BEFORE = re.compile(r"(?<![\w'-])([a-z]{3,}s) $")


def _phrase_span(prompt: str, start: int, end: int) -> Span:
    return make_span(start=start, end=end, text=prompt[start:end], cue="noun phrase", strength=0.8)


_FILMED_OBJECT = re.compile(r"\s+(?:(?:left|right|up|down|in|out)\s+)?(?:of|on|across|over|through|"
                            r"from|into|onto|at|along|toward|towards|to)\s+((?:a|an|the)\s+[\w'-]+"
                            r"(?:\s+(?!(?:at|in|on|of|with|as|while|and|from|to|into)\b)[\w'-]+){0,3})")


def _filmed_object(prompt: str, claimed: list[tuple[C, Span]]) -> Span | None:
    """A prompt that opens with the camera or the shot ("A zoom-in on a clock face", "A pan left
    across a serene beach") names its subject right after: the noun phrase the move is on."""
    lead = re.match(r"\s*(?:(?:a|an|the)\s+)?", prompt, re.I)
    first = lead.end() if lead else 0
    opener = [s for c, s in claimed if c in (C.CAMERA, C.SHOT) and s.start <= first]
    if not opener:
        return None
    m = _FILMED_OBJECT.match(prompt, max(s.end for s in opener))
    if not m:
        return None
    words = m.group(1).split()
    while words and (words[-1].lower() in ACTION_VERBS or words[-1].lower().endswith("ing")):
        words.pop()  # "a field of tall grass swaying": the phrase ends before its verb
    if len(words) < 2:
        return None
    start = m.start(1)
    end = start + len(" ".join(words))
    if prompt[start:end] != " ".join(words):
        return None
    return make_span(start, end, prompt[start:end], "filmed", 0.8)


_NOT_SUBJECT_COMPONENTS = (C.CAMERA, C.SHOT, C.LENS, C.LIGHTING, C.STYLE, C.PACING, C.AUDIO,
                           C.COLOR, C.MOTION)


def _opening_noun_phrase(prompt: str, claimed: list[tuple[C, Span]]) -> Span | None:
    """The noun phrase a prompt opens with is its subject ("A graphics card sits...", "Pyramid,
    zoom in."), unless those words are a camera, a light, a style... ("Aerial view of...")."""
    found = _leading_noun_phrase(prompt, [], first_only=True) or _bare_opening(prompt) \
        or _opening_pronoun(prompt)
    if not found:
        return None
    span = found[0]
    clash = [(c, s.start) for c, s in claimed if c in _NOT_SUBJECT_COMPONENTS and _overlaps(span, s)
             and s.cue != VOICE_DELIVERY]  # "A fast-talking salesperson": still who it is
    if not clash:
        return span
    # "A babysitter creeps down...": the phrase ran on into the motion's verb; the words
    # before it are still the subject when they end in a noun. Words that open with another
    # claim are not ("Aerial view", "A hand-painted watercolour"), nor an adjective ("A tiny").
    if any(c is not C.MOTION for c, _ in clash):
        return None
    text = prompt[span.start:min(at for _, at in clash)].rstrip()
    words = text.split()
    if len(words) < 2 or not _ends_in_a_noun(words[-1].lower()):
        return None
    return make_span(span.start, span.start + len(text), text, span.cue, span.strength)


_ADJECTIVE_ENDINGS = ("ing", "ous", "ful", "ive", "al", "ic", "ed", "y", "less", "able", "ible")


def _ends_in_a_noun(word: str) -> bool:
    """Is the word a noun by WordNet's table, or a word the table lacks that has no adjective's
    ending ("a babysitter", "a glassblower"; not "a tiny", "a mesmerizing", "a slow")?"""
    if word in _LEAD_DETERMINERS or word in _FUNCTION_WORDS or word in _ADJECTIVES_TOO:
        return False
    if kind_chain(word):
        return True
    return word.isalpha() and not word.endswith(_ADJECTIVE_ENDINGS)


_ADJECTIVES_TOO = frozenset({
    "slow", "fast", "quick", "small", "tiny", "big", "large", "little", "tall", "short", "old",
    "young", "new", "lone", "single", "red", "orange", "yellow", "green", "blue", "purple",
    "pink", "brown", "black", "white", "grey", "gray", "gold", "silver", "dark", "light", "low",
    "high", "wide", "close", "soft", "warm", "cool", "cold", "hot", "bright", "deep"})
"""Adjectives WordNet's noun table also files as nouns (the small of the back, a red): after a
determiner, in front of a verb, they are the adjective."""


_SINGULAR_LEADS = frozenset({"a", "an", "one", "each", "every"})
_NAMING_LEADS = frozenset({"the", "this", "that", "his", "her", "their", "my", "our", "its"})
_WORDS_BEFORE = re.compile(r"(?<![a-z'-])(?:([a-z][a-z'-]*) )?(?:([a-z][a-z'-]*) )?([a-z][a-z'-]*) "
                           r"(?:[a-z]+ly )?$")


def verb_after_a_noun(low: str, start: int, end: int) -> bool:
    """Is the -s word `low[start:end]` the verb of the noun phrase just before it? A phrase led
    by "a", "an", "one" or "each" has a singular head, so a word after its noun that is the -s
    form of a verb (WordNet's verb index, verb_bases) is that phrase's verb, not a second head:
    "A potter molds clay", "An old glassblower gently shapes molten glass". After "the", "his"
    and the like, only where the noun is a kind of person ("The locksmith picks the lock"): "the
    abstract shapes" stays a noun phrase."""
    return subject_before_verb(low, start, end) is not None


def subject_before_verb(low: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the noun phrase whose verb is the -s word `low[start:end]` lies (`verb_after_a_noun`:
    "a dietitian" in "a dietitian portions chicken"), or None when the word is not such a verb."""
    word = low[start:end]
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return None
    bases = (word[:-1], word[:-2] if word.endswith("es") else "",
             word[:-3] + "y" if word.endswith("ies") else "")
    verbs = _verb_bases()
    if not any(b in verbs for b in bases if b):
        return None
    m = _WORDS_BEFORE.search(low, max(0, start - 60), start)
    if m is None or m.end() != start:
        return None
    lead, middle, noun = m.group(1), m.group(2), m.group(3)
    if noun.endswith("s") and not noun.endswith("ss") or noun in PHRASE_ENDS \
            or noun in NOT_HEADS or noun in _QUANTIFIERS or not _ends_in_a_noun(noun):
        return None
    before = [(w, m.start(g)) for g, w in ((1, lead), (2, middle)) if w]
    led = next((i for i in range(len(before) - 1, -1, -1)
                if before[i][0] in _SINGULAR_LEADS | _NAMING_LEADS), None)
    if led is None:
        return None
    word_led, at = before[led]
    between = [w for w, _ in before[led + 1:]]
    if word_led in _SINGULAR_LEADS:
        found = all(w not in _FUNCTION_WORDS and w not in PHRASE_STOPS and w not in _QUANTIFIERS
                    for w in between)
    else:
        found = not between and is_a_person(noun)
    return (at, m.end(3)) if found else None


VERB_BASES = Path(__file__).with_name("verb_bases.txt")


@cache
def _verb_bases() -> frozenset[str]:
    """Every single-word verb of WordNet (scripts/gen_verb_bases.py), read on first use: a
    plain word list costs well under a millisecond to read, where the same words as a Python
    frozenset cost a cold call several."""
    lines = VERB_BASES.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_a_verb(word: str) -> bool:
    """Is the word a single-word verb of WordNet (its base form: "kayak", "rollerblade")?"""
    return word in _verb_bases()


_QUANTIFIERS = frozenset({"few", "dozen", "hundred", "thousand", "million", "billion", "handful",
                          "lot", "number", "couple", "pair", "bunch", "series", "set"})
"""Words that count what follows them ("a few birds", "a dozen roses", "a couple dances" aside):
the -s word after them is the counted noun, not a verb."""


_OPENING_PRONOUN = re.compile(r"\s*(she|he|they)\s+(?:\w+ly\s+)?[a-z]+(?:s|ed)\b", re.I)


def _opening_pronoun(prompt: str) -> list[Span]:
    """A prompt that opens "She reads...", "He repairs...", "They dance..." is about the person
    the pronoun stands for, whatever objects it names later ("a letter by her phone's torch")."""
    m = _OPENING_PRONOUN.match(prompt)
    if not m:
        return []
    return [make_span(m.start(1), m.end(1), m.group(1), "pronoun", 0.7)]


_NOT_AN_OPENING = frozenset({
    "hello", "hi", "hey", "there", "here", "please", "thanks", "thank", "yes", "no", "ok", "okay",
    "this", "that", "it", "you", "me", "we", "i", "what", "how", "why", "who", "when", "where",
    "make", "create", "generate", "show", "give", "video", "prompt", "cinematic", "test"})


_FRAMING_HEADS = frozenset({"framing", "frame", "shot", "angle", "view", "composition"})
"""The nouns a shot or camera phrase ends in, a closed class of film words."""


def _bare_opening(prompt: str) -> list[Span]:
    """A first clause of one to three words with no verb ("Pyramid, zoom in.", "jail cell").
    One headed by a noun of framing (`_FRAMING_HEADS`: "Same framing, time-lapse") names the
    picture's framing, no subject."""
    m = re.match(r"\s*([A-Za-z][\w'-]*(?: [A-Za-z][\w'-]*){0,2})\s*(?:[,.;:!?\n]|$)", prompt)
    if not m:
        return []
    words = m.group(1).lower().split()
    if words[-1] in _FRAMING_HEADS:
        return []
    if any(w in ACTION_VERBS or w in PHRASE_STOPS or w in _PREPOSITION_WORDS or w in _NP_BREAKS
           or w in _FUNCTION_WORDS or w in _NOT_AN_OPENING
           or (w.endswith("ing") and w not in NOT_VERBS_ING) for w in words):
        return []
    return [make_span(m.start(1), m.end(1), m.group(1), "opening", 0.7)]


_LEAD_DETERMINERS = frozenset({"a", "an", "the", "two", "three", "four", "five", "several",
                               "many", "some", "one", "his", "her", "their", "its", "my", "our",
                               "this", "that", "these", "those", "lone", "single"})
_NP_BREAKS = frozenset({"and", "or", "but", "with", "while", "as", "who", "that", "which", "is",
                        "are", "was", "were", "has", "have", "then", "camera", "shot"})


def _leading_noun_phrase(prompt: str, claimed: list[tuple[C, Span]],
                         first_only: bool = False) -> list[Span]:
    """No known noun: a clause that opens with a determiner opens with its subject ("A gold
    prospector pans the gold"). The phrase ends at a preposition, a verb, or a word followed by
    a determiner (nouns are not followed by one: "pans the gold")."""
    for clause in re.finditer(r"[^,.;:!?\n]+", prompt):
        words = list(_WORD.finditer(clause.group(0)))
        if len(words) < 2 or words[0].group(0).lower() not in _LEAD_DETERMINERS:
            if first_only:
                return []
            continue
        taken: list[re.Match[str]] = []
        for i, w in enumerate(words[1:5], start=1):
            low = w.group(0).lower()
            if taken and low.endswith("s") and verb_after_a_noun(
                    _lowered(prompt), clause.start() + w.start(), clause.start() + w.end()):
                while len(taken) > 1 and taken[-1].group(0).lower().endswith("ly"):
                    taken.pop()  # "A potter gently molds clay": the adverb is the verb's
                break  # "A potter molds clay": the phrase ends at its verb
            nxt = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
            adjective_ing = i == 1 and nxt and nxt not in _LEAD_DETERMINERS \
                and nxt not in _PREPOSITION_WORDS  # "A breathtaking aerial view"
            if (low in PHRASE_STOPS or low in _PREPOSITION_WORDS or low in _NP_BREAKS
                    or low in ACTION_VERBS
                    or (low.endswith("ing") and low not in NOT_VERBS_ING and not adjective_ing)
                    or (taken and nxt in _LEAD_DETERMINERS)):
                break
            taken.append(w)
        if not taken:
            if first_only:
                return []
            continue
        start = clause.start() + words[0].start()
        end = clause.start() + taken[-1].end()
        span = make_span(start, end, prompt[start:end], "noun phrase", 0.8)
        if not any(_inside(span, s) or (c in _NOT_SUBJECT_COMPONENTS and _overlaps(span, s))
                   for c, s in claimed):
            return [span]
    return []


_PREPOSITION = re.compile(r"(?:in|on|at|through|across|inside|over|under|along|beneath|above|"
                          r"within|into|onto|around|against|near|by|down|up|outside|among|amid|"
                          r"toward|towards|from)\b", re.I)


def _may_share_subject(comp: C, span: Span) -> bool:
    """A bare place noun may be the subject ("a lighthouse"); "on a cliff" may not."""
    if comp in (C.CONSISTENCY, C.SHOT):
        return True  # "a woman in a red coat", "starting on a vendor's hands"
    return comp == C.SETTING and not _PREPOSITION.match(span.text)


def _merge_adjacent(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: s.start):
        if out and s.start <= out[-1].end:
            last = out[-1]
            end = max(last.end, s.end)
            out[-1] = make_span(
                start=last.start, end=end, text=last.text + s.text[last.end - s.start:]
                           if s.end > last.end else last.text, cue="noun")
        else:
            out.append(s)
    return out


def _first_action(prompt: str) -> re.Match[str] | None:
    """`_ACTION_RE.search(prompt)`; on an ASCII prompt, read from its lower-cased copy by
    `search_lower` (the same match where the pattern is case-free, `_reads_lower`): tried at
    the word starts its verbs can begin rather than with IGNORECASE at every position, which
    on the blanked English words of a Japanese prompt (`native._english_spans`), all blanks,
    was a tenth of its English reading."""
    if prompt.isascii() and _reads_lower(_ACTION_VERBS_PATTERN):
        return search_lower(_ACTION_VERBS_PATTERN, _lowered(prompt))
    return _ACTION_RE.search(prompt)


def _fallback_subject(prompt: str, claimed: list[tuple[C, Span]]) -> list[Span]:
    """No known noun: take the words before the first action verb of the first clause."""
    first_action = _first_action(prompt)
    if not first_action:
        return []
    clause_start = max(prompt.rfind(",", 0, first_action.start()),
                       prompt.rfind(".", 0, first_action.start()),
                       prompt.rfind(":", 0, first_action.start())) + 1
    head = prompt[clause_start:first_action.start()]
    words = [w for w in _WORD.finditer(head) if w.group(0).lower() not in DETERMINERS]
    if not 1 <= len(words) <= 5:
        return []
    start = clause_start + words[0].start()
    end = clause_start + words[-1].end()
    span = make_span(start=start, end=end, text=prompt[start:end], cue="before-verb", strength=0.8)
    if any(_inside(span, s) for _, s in claimed):
        return []
    return [span]


_BE = frozenset({"is", "are", "was", "were", "have", "has"})
_BE_AND_HAVE = frozenset({"was", "has", "does", "is", "seems", "seemed", "looks", "appears",
                          "appeared", "becomes", "became", "needs", "needed", "wants", "wanted",
                          "remains", "remained", "stays", "stayed"})
_IRREGULAR_PARTICIPLES = frozenset({"spun", "built", "frozen", "fallen", "broken", "bent", "held",
                                    "swept", "worn", "torn", "shaken", "sunk", "grown", "burnt"})
_NOUN_MARKERS = frozenset({
    "a", "an", "the", "his", "her", "their", "its", "my", "our", "your", "each", "every", "of",
    "no", "this", "that", "these", "those", "some", "any", "one", "two", "three", "first",
    "last", "single", "whose"})


_HEAD_END = re.compile(r"([a-z']+)(\W*)$")
"""The last word of the text before a verb, and what follows it."""


def _last_word(head: str) -> re.Match[str] | None:
    """`_HEAD_END.search(head)`, begun at the space before the text's last word character:
    every character from where the match begins up to that one is a letter a-z or an
    apostrophe, so it can't begin before that space (searched from the start, the pattern
    ran to the end of every word of the head and back)."""
    last = len(head) - 1
    while last >= 0 and not (head[last].isalnum() or head[last] == "_"):  # `\w`
        last -= 1
    return _HEAD_END.search(head, head.rfind(" ", 0, last) + 1 if last >= 0 else 0)


def _verb_is_noun(low: str, start: int, end: int) -> bool:
    """A verb form used as a noun: after a determiner ("a punch", "each step", "of waves"), or
    opening a clause right before another verb ("Waves crash", "Birds fly")."""
    head = low[max(0, start - 60):start]
    prev = _last_word(head)
    if prev and prev.group(2) == " " and prev.group(1) in _NOUN_MARKERS:
        return True
    word = low[start:end]
    gap, nxt = _next_word(low, end)
    at_clause_start = not head.strip() or head.rstrip()[-1] in ",.;:!?"
    at_sentence_start = not head.strip() or head.rstrip()[-1] in ".;:!?"
    plural = word.endswith("s") and not word.endswith("ss")
    if plural and gap == " " and (nxt in _BE or (nxt.endswith("ing") and nxt not in NOT_VERBS_ING)):
        return True  # "vines are", "waves crashing": a plural noun before its verb
    if at_sentence_start and plural and nxt not in _LEAD_DETERMINERS \
            and nxt not in _PREPOSITION_WORDS:
        return True  # "Waves pound the rocks"; but "turns its head" is a verb with its object
    if at_clause_start and not word.endswith("ing"):
        return gap == " " and nxt in ACTION_VERBS and not nxt.endswith("ing")
    if word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES:
        return modifies_noun(low, end)  # "crumbled walls", "scattered leaves": an adjective
    if word.endswith("ing") and prev and prev.group(1) in _PREPOSITION_WORDS:
        return modifies_noun(low, end)  # "with flowing organic shapes"
    return False


def _find_actions(prompt: str, claimed: list[tuple[C, Span]]) -> list[Span]:
    spans: list[Span] = []
    # A verb may also carry the manner of its movement ("zooms past", "tumbling"): action and
    # motion share words; setting and style words may be verbs too ("a winding road").
    blocked = [(s.start, s.end) for c, s in claimed if c not in (C.SETTING, C.STYLE, C.MOTION)]
    low = prompt.lower()
    for start, end in prompt_spans(_ACTION_VERBS_PATTERN, prompt, low):
        if any(start < b and a < end for a, b in blocked) or _verb_is_noun(low, start, end):
            continue
        word = prompt[start:end]
        spans.append(make_span(start, end, word, ACTION_VERBS[word.lower()]))
    for start, end in gated_spans(VAGUE_VERBS, _VAGUE_RE, prompt, low):
        span = make_span(start=start, end=end, text=prompt[start:end], cue="vague", strength=0.4)
        if not any(_overlaps(span, s) for _, s in claimed) and not any(
                _overlaps(span, a) for a in spans):
            spans.append(span)
    return sorted(spans, key=lambda s: s.start)


_FUNCTION_WORDS = frozenset({
    "and", "but", "with", "from", "into", "onto", "over", "under", "near", "then", "while",
    "like", "through", "across", "behind", "beside", "past", "above", "below", "beneath",
    "between", "against", "upon", "without", "within", "for", "all", "both", "only",
    "also", "just", "even", "not", "nor", "yet", "off", "out", "down", "up", "along", "around", "via",
    "toward", "towards", "among", "amid", "atop", "inside", "outside", "after", "before"})
_NOT_VERBS_S = frozenset({"is", "was", "has", "its", "this", "his", "hers", "theirs", "ours",
                          "yours", "always", "perhaps", "sometimes", "towards", "afterwards",
                          "upwards", "downwards", "backwards", "forwards", "sideways", "besides",
                          "across", "less", "plus", "thus", "jeans", "pants", "clothes", "glasses",
                          "stairs", "lights", "eyes", "hands", "arms", "legs", "feet", "lips",
                          "cheeks", "hair", "wings", "friends", "kids", "boots", "shoes",
                          "gloves", "whiskers", "paws", "ears", "cars", "trees", "flowers",
                          "buildings", "streets", "walls", "leaves", "clouds", "waves", "others",
                          "silhouettes", "reflections", "shadows", "colors", "colours", "tones",
                          "details", "textures", "patterns", "shapes", "lines", "sparks"})


_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|be|being|keeps|starts|begins|continues) "
                          r"(?:\w+ly |[a-z]+ )?([a-z]+ing)\b(?![-'])", re.I)


_PRONOUN_VERB = re.compile(r"\b(?:he|she|it|they|who)\s+(?:\w+ly\s+)?([a-z]{3,}(?:s|ed))\b(?![-'])",
                          re.I)
_VERB_WITH_OBJECT = re.compile(r"\b([a-z]{3,}ing)\s+(?=(?:the|a|an|his|her|its|their|some)\s)", re.I)


def lower_twin(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """`regex` (compiled with IGNORECASE) without that flag, for the lower-cased copy of an
    ASCII text, where it finds the same matches at the same offsets (`regex_pieces.case_free`);
    None for a pattern that reads case. A case-insensitive scan costs about a third more."""
    return _lower_twin(regex.pattern, regex.flags)


@cache
def _lower_twin(pattern: str, flags: int) -> re.Pattern[str] | None:
    if not case_free(pattern):
        return None
    return re.compile(pattern, flags & ~re.IGNORECASE)


def _progressive_actions(prompt: str, taken: list[Span]) -> list[Span]:
    """Verbs known by their grammar, whatever the verb: "is making", "are hula hooping" (the
    progressive), "as he dials" (after a pronoun), "explaining an idea" (an -ing word with an
    object). On an ASCII prompt, read from its lower-cased copy (`lower_twin`)."""
    spans: list[Span] = []
    before: Bounds | None = None  # built for the first candidate (most prompts have none)
    found = Disjoint()
    low = prompt.lower() if prompt.isascii() else None
    matches: list[re.Match[str]] = []
    for rx in (_PROGRESSIVE, _PRONOUN_VERB, _VERB_WITH_OBJECT):
        twin = lower_twin(rx) if low is not None else None
        matches += twin.finditer(low) if twin is not None and low is not None \
            else rx.finditer(prompt)
    for m in matches:
        word = m.group(1).lower()
        if word in NOT_VERBS_ING or word in _NOT_VERBS_S or word in _BE_AND_HAVE:
            continue
        start, end = m.span(1)
        before = Bounds.of(taken) if before is None else before
        if not before.overlaps(start, end) and not found.overlaps(start, end):
            found.add(start, end)
            spans.append(make_span(start, end, prompt[start:end], "grammar", 0.8))
    return sorted(spans, key=lambda s: s.start)


_VERB_AFTER_SUBJECT = re.compile(
    r"\s+(?:(?:slowly|quickly|gently|carefully|suddenly|then|now|also) )?"
    r"([a-z]+ing|[a-z]{2,}[^s\W]s|[a-z]+(?:sh|ch|ss|x|z)es|"
    r"[a-z]{3,}(?= (?:the|a|an|his|her|its|their) ))\b(?![-'])")


def _ing_actions(prompt: str, subjects: list[Span], taken: list[Span]) -> list[Span]:
    """An unknown -ing word, or a present-tense verb ("mends", "pans", "zooms"), right after the
    subject is almost always its action. (Matched where the subject ends, not on a copy of the
    rest of the prompt, and the prompt lower-cased once: a cost per subject that did not grow
    with the prompt's length.)"""
    spans = []
    low: str | None = None
    blocked: Bounds | None = None  # built for the first verb found (most subjects have none)
    for s in subjects:
        m = _VERB_AFTER_SUBJECT.match(prompt, s.end)
        if m is None:
            continue
        word = m.group(1).lower()
        if word.endswith("s"):
            low = prompt.lower() if low is None else low
            before_be = _next_word(low, m.end(1))[1] in _BE
        else:
            before_be = False
        if word not in NOT_VERBS_ING and (word not in _NOT_VERBS_S or verb_after_a_noun(
                low or prompt.lower(), m.start(1), m.end(1))) \
                and word not in _FUNCTION_WORDS and not before_be:  # "vines are": a noun
            start = m.start(1)
            span = make_span(start=start, end=start + len(word), text=prompt[start:start + len(word)],
                             cue="-ing" if word.endswith("ing") else "-s", strength=0.8)
            blocked = Bounds.of(taken) if blocked is None else blocked
            if not blocked.overlaps(span.start, span.end):
                spans.append(span)
    return spans


_JSON_VALUE_BEFORE = re.compile(r"[\"\u201d]\s*:\s*$")
"""A quotation right after a quoted key and a colon is a JSON value (`"prompt": "..."`): the
author's own prompt text, not a line said or shown."""


def _negations(prompt: str) -> list[Span]:
    """The author's "no X" / "without X" instructions, which models misread as "X". A
    negation inside a quotation that does not open the prompt is not one: it is words a
    character says or a sign shows ('he mutters "not again"', 'a sign reading "No entry"'),
    to keep as written, never to move to a negative prompt (a JSON value is the prompt itself)."""
    low = prompt.lower() if prompt.isascii() else None
    idioms = prompt_spans(NEGATION_IDIOMS, prompt, low)
    if '"' in prompt or "\u201c" in prompt:
        idioms = idioms + [m.span() for m in _QUOTED.finditer(prompt)
                           if prompt[:m.start()].strip()
                           and not _JSON_VALUE_BEFORE.search(prompt, 0, m.start())]
    out = []
    for start, end in prompt_spans(NEGATION, prompt, low):
        if any(a <= start < b for a, b in idioms):
            continue
        out.append(make_span(start=start, end=end, text=prompt[start:end], cue="negation"))
    return out


def analyze(prompt: str) -> Analysis:
    """Find each component's words in the prompt, in its language (`bot.core.language`):
    Chinese, Spanish and Japanese are read with their own lexicons (`native`), anything else
    with the English one, and the analysis says which language it read. Pure and
    deterministic."""
    from bot.core.language import detect_language

    lang = detect_language(prompt)
    if lang.code in NATIVE_LANGUAGES:
        from bot.core.critique.native import analyze_native

        return analyze_native(prompt, lang.code, analyze_english, lang.mixed_with, lang.variant)
    a = analyze_english(prompt, prefilter=lang.code != "en")
    if lang.code != "en" or lang.mixed_with:
        a.language = lang.code
        a.language_mixed = list(lang.mixed_with)
    terms = next((code for code in lang.mixed_with if code in NATIVE_LANGUAGES), None)
    if terms is not None:
        _add_quoted_terms(a, prompt, terms)
    return a


def _add_quoted_terms(a: Analysis, prompt: str, code: str) -> None:
    """An English prompt that quotes a few Chinese or Japanese words ("a woman in a qipao
    (旗袍)", "a sign that reads 寿司"): a component the English words leave empty and the CJK
    words hold (a subject written only in Chinese) is read with that language's lexicon, the way
    a Chinese prompt's English camera terms are read with the English one."""
    from bot.core.critique.native import analyze_native

    native = analyze_native(prompt, code, analyze_english)
    for comp, spans in native.spans.items():
        cjk = [s for s in spans if _has_cjk(s.text)]
        if cjk and not a.spans.get(comp):
            a.spans[comp] = cjk
            if comp is C.ACTION and not a.actions:
                a.actions = cjk
    a.spans = {c: a.spans[c] for c in C if c in a.spans}


def _has_cjk(text: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


_QUOTED = re.compile(r"\"[^\"\n]{1,400}\"|\u201c[^\u201d\n]{1,400}\u201d")
_SPEECH_BEFORE = re.compile(r"(?:(?<![\w'-])(?:says?|said|asks?|asked|whispers?|whispered|shouts?|"
                            r"shouted|repl(?:y|ies|ied)|murmurs?|yells?|screams?|sings?|calls? out|"
                            r"answers?|mutters?|exclaims?|adds?|continues?|responds?)"
                            r"(?: [\w'-]+){0,4},?|[:)])\s*$")
_SPOKEN_KEEPS = (C.AUDIO,)
_SPEAKER_BEFORE = re.compile(r"(?:(?<![\w'-])(?:says?|said|asks?|asked|whispers?|whispered|"
                             r"shouts?|shouted|repl(?:y|ies|ied)|murmurs?|yells?|screams?|sings?|"
                             r"calls? out|answers?|mutters?|exclaims?|adds?|continues?|responds?)"
                             r"(?: [\w'-]+){0,4},?|\):?)\s*$")
"""Before a quoted line, what makes it a character's: a verb of speech a few words back (the
same verbs `_outside_dialogue` reads) or a stage direction in brackets ("Man: (Hand on his
knife) ..."). A colon alone may open a title or a sign's text, so it does not count here."""
_SENTENCE_BEFORE = re.compile(r"[\w)][.!?\u2026][\"\u201d']?\s+$")
"""A sentence ended just before the quote: a quoted line that opens the prompt is a quoted
prompt or a title, not a character's line."""
_SPOKEN_PUNCTUATION = re.compile(r"[^\W\d_][^,.!?\u2026]*[,.!?\u2026]")


def _spoken_lines(prompt: str) -> list[tuple[int, int]]:
    """A quoted line a character says is the clip's dialogue: after a verb of speech or a
    stage direction (`_SPEAKER_BEFORE`: 'he mutters "not again"'), or a quoted sentence of its
    own after a character is shown ('A detective glares at the duck. "Where were you that
    night?"'): at least three words with the punctuation of speech inside, so a name, a title or
    a label in quotes ("Breaking Bad", a "shush" gesture) is not."""
    found = []
    for m in _QUOTED.finditer(prompt):
        before = prompt[max(0, m.start() - 60):m.start()]
        if _SPEAKER_BEFORE.search(before):
            found.append(m.span())
            continue
        line = m.group(0)[1:-1]
        if _SENTENCE_BEFORE.search(before) and len(line.split()) >= 3 \
                and _SPOKEN_PUNCTUATION.search(line):
            found.append(m.span())
    return found


def _outside_dialogue(prompt: str, spans: dict[C, list[Span]],
                      claimed: list[tuple[C, Span]]) -> tuple[dict[C, list[Span]],
                                                             list[tuple[C, Span]]]:
    """Drop the spans that lie inside a character's spoken line ("Then what is it?", after
    "Woman:" or "she says"): words a character says are the dialogue (audio), not a camera,
    pacing or light instruction. A quotation with no speaker before it (a quoted prompt, a
    sign's text) is left alone."""
    lines = [(m.start(), m.end()) for m in _QUOTED.finditer(prompt)
             if _SPEECH_BEFORE.search(prompt[max(0, m.start() - 60):m.start()])]
    if not lines:
        return spans, claimed

    def spoken(comp: C, span: Span) -> bool:
        return comp not in _SPOKEN_KEEPS and any(a < span.start and span.end < b
                                                 for a, b in lines)

    return _without(spans, claimed, spoken)


def _without(spans: dict[C, list[Span]], claimed: list[tuple[C, Span]],
             dropped: Callable[[C, Span], bool]) -> tuple[dict[C, list[Span]],
                                                          list[tuple[C, Span]]]:
    """`spans` and `claimed` less the spans `dropped` marks, a component left with none
    removed: the one way the dialogue and sound-section readings take words back."""
    kept = {c: [s for s in found if not dropped(c, s)] for c, found in spans.items()}
    return ({c: found for c, found in kept.items() if found},
            [(c, s) for c, s in claimed if not dropped(c, s)])


_SOUND_LABEL = re.compile(r"(?:^|(?<=[\s.;(\[]))(?:audio|sfx|sound(?: design| effects?)?|"
                          r"ambien(?:ce|t)|ambiance|soundscape|music|soundtrack|score)\s*:")
_SECTION_END = re.compile(r"\n|\[|[.!?;](?=\s|$)")
_SOUND_LIST = re.compile(r"(?<![\w'-])(?:(?:ambient |background )?sounds? of|"
                         r"ambien(?:ce|t (?:sound|noise)s?) of|we hear)(?![\w'-])")
_SOUND_LIST_END = re.compile(r"\n|\[|[.!?;](?=\s|$)| (?:as|while|whilst|when|until|before|after|"
                             r"then) ")
"""A list of sounds opened without a label ("Ambient sound of rain on pavement, distant
traffic, soft footsteps"): what it lists are sounds too, like a labelled section's. Without a
label it ends also where a clause of the picture starts ("we hear footsteps as a figure walks
slowly through the fog")."""


_SOUND_MISREADS = (C.STYLE, C.MOTION, C.PACING)
"""What words of a sound list are misread as: a mood (the ambience), a manner (soft footsteps),
a tempo. A place a sound comes from ("the pipe rolling on steel") and a light, a camera or a
colour written after a sound list in the same sentence (a rewrite may append there) stay the
picture's: the translation orders its clauses by them."""


def _outside_sound_sections(low: str, spans: dict[C, list[Span]],
                            claimed: list[tuple[C, Span]]) -> tuple[dict[C, list[Span]],
                                                                   list[tuple[C, Span]]]:
    """Drop the misread spans (`_SOUND_MISREADS`) inside a labelled sound section ("Audio:
    pages turning, quiet library ambiance, soft footsteps"): what it lists are sounds, so "soft
    footsteps" is no manner of movement and "ambiance" no look. The section runs to the end of its sentence
    (a full stop outside a quotation), its line or a timestamp ("[00:02"): what follows may be
    the picture again ("SFX: footsteps. Night, neon signs reflecting in wet pavement")."""
    sections = []
    for m in [*_SOUND_LABEL.finditer(low), *word_led_finditer(_SOUND_LIST, low)]:
        end = len(low)
        ends = _SECTION_END if m.re is _SOUND_LABEL else _SOUND_LIST_END
        for stop in ends.finditer(low, m.end()):
            quoted = low[m.end():stop.start()]
            if quoted.count('"') % 2 == 0 and quoted.count("\u201c") <= quoted.count("\u201d"):
                end = stop.start()
                break
        sections.append((m.end(), end))
    sections += sound_list_sentences(low, spans[C.AUDIO])
    if not sections:
        return spans, claimed

    def heard(comp: C, span: Span) -> bool:
        return comp in _SOUND_MISREADS and any(a <= span.start and span.end <= b
                                               for a, b in sections)

    return _without(spans, claimed, heard)


_SENTENCE = re.compile(r"[^.!?;\n]+")
_LIST_ITEM = re.compile(r"[^,]+")
_SOUND_LIST_ITEMS = 3
"""The fewest items a sentence lists for a list to be read by what most of them are."""
_BARE_ITEM_WORDS = 4
"""The most words a list item of a bare noun phrase and its participle holds ("wind
accelerating", "lute music distorting"); a clause of the picture is longer or opens with a
determiner ("the car drifts sharply around the corner")."""


def _bare_item(low: str, start: int, end: int) -> bool:
    """Is the list item at `start:end` a bare noun phrase, with at most a participle after it
    (`_BARE_ITEM_WORDS` words, no determiner first), the form a sound list's items take?"""
    words = _WORD.findall(low, start, end)
    return 0 < len(words) <= _BARE_ITEM_WORDS and words[0] not in DETERMINERS


def sound_list_sentences(low: str, audio: list[Span]) -> list[tuple[int, int]]:
    """The items of a sentence that is a list of sounds with no label ("Time compression
    whoosh, wind accelerating, institutional sounds building, fluorescent buzz, electronic
    hums"): when at least three comma-separated items make the sentence and more than two in
    three of them hold a sound (an audio span), the list is a soundtrack, as a labelled one is
    ("Audio: ..."), and its other bare items (`_bare_item`) are sounds too: "wind accelerating"
    is the wind heard rising, no speed of a movement. A clause of the picture among the sounds
    ("engines roar, tires screech, the car drifts sharply around the corner") stays the
    picture's, and a sentence of the picture with a sound or two in it is no such list."""
    if len(audio) < _SOUND_LIST_ITEMS:
        return []
    found = []
    for sentence in _SENTENCE.finditer(low):
        items = [m.span() for m in _LIST_ITEM.finditer(low, sentence.start(), sentence.end())
                 if low[m.start():m.end()].strip()]
        if len(items) < _SOUND_LIST_ITEMS:
            continue
        sounding = sum(any(a <= s.start and s.end <= b for s in audio) for a, b in items)
        if 3 * sounding > 2 * len(items):
            found += [(a, b) for a, b in items if _bare_item(low, a, b)]
    return found


_SAYS_AFTER_A_THING = re.compile(r"([a-z]+) (?:that |which )?$")
_AUDIO_KIN = frozenset({"person", "organism"})
_SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "i", "we", "you", "who", "one",
                               "everyone", "someone", "somebody", "nobody"})
"""Pronouns before "says" (a closed class): WordNet reads some as nouns ("he": helium)."""


def _text_of_a_thing(low: str, span: Span) -> bool:
    """"A name tag that says 'Ziyang'", "a sign which says OPEN": what a thing "says" is its
    printed text, no line anyone speaks; only a person or a creature says a line aloud."""
    if not low.startswith(("says", "said"), span.start):
        return False
    m = _SAYS_AFTER_A_THING.search(low, max(0, span.start - 30), span.start)
    if not m or m.group(1) in DETERMINERS or m.group(1) in _SPEAKER_PRONOUNS:
        return False
    if " that " not in m.group(0) and " which " not in m.group(0) and any(
            w in _PREPOSITION_WORDS for w in _clause_words(low, m.start())):
        return False  # "a man in a cap says ...": the man says it, the cap ends his phrase
    chain = kind_chain(m.group(1))
    return bool(chain) and not any(kind_chain(k)[0] in chain for k in _AUDIO_KIN)


def _without_printed_text(low: str, spans: dict[C, list[Span]],
                         claimed: list[tuple[C, Span]]) -> tuple[dict[C, list[Span]],
                                                                list[tuple[C, Span]]]:
    """Audio is sound the clip should carry: a thing's printed text ("a tag that says ...") is
    none. (A person seen talking or clapping stays audio: a rule reading it as a silent act met
    the held-out audio precision in sessions 18 and 22 but cut the independent set's audio
    recall from 0.82 to 0.36 both times, so that labellers read talking as dialogue.)"""
    return _without(spans, claimed, lambda c, s: c is C.AUDIO and _text_of_a_thing(low, s))


_LIGHT_NOUNS = frozenset({"light", "lights", "lighting"})
"""The nouns a light's phrase ends in that the motion lexicon also reads as an adjective of
weight ("light steps") or after a movement noun ("bounce")."""


def _reads_the_lights_noun(low: str, motion: Span, lights: list[Span]) -> bool:
    """Does a motion match take the noun of a light's phrase for a word of its own? "Warm window
    light falls from the left", "the status light flips": the light's phrase (a lighting span)
    ends in "light", its head noun, and the verb after it says where the light falls, so
    "light falls" is no light-footed fall; "soft bounce light": the movement noun is the
    modifier of "light", a kind of light, no bounce. By the definition neither is the manner
    of a movement."""
    first = low[motion.start:motion.end].split(" ", 1)[0]
    for light in lights:
        if first in _LIGHT_NOUNS and light.start < motion.start < light.end:
            return True  # the match opens on the last word of the light's phrase
        if light.start == motion.end + 1 and low[motion.end] == " " \
                and low[light.start:light.end].split(" ", 1)[0] in _LIGHT_NOUNS:
            return True  # the match modifies the light's noun right after it
    return False


def analyze_english(prompt: str, prefilter: bool = True) -> Analysis:
    """The English analysis (see the module note); `prefilter` as in `_matches` (off for a
    prompt detected as English)."""
    low = prompt.lower()
    if len(low) != len(prompt):  # a few Unicode letters change length when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in prompt)
    claimed: list[tuple[C, Span]] = []
    moves: list[tuple[int, str]] = []
    spans: dict[C, list[Span]] = {}
    for comp in CLAIM_ORDER:
        if comp in (C.ACTION, C.SUBJECT):
            continue
        matched = _keep_longest(_matches(prompt, low, comp, prefilter))
        if not matched:
            continue  # most components of a short phrase: no blocking spans to gather
        found = []
        # Spans of other components this one may not share words with.
        blocking = Bounds([(s.start, s.end) for c, s in claimed
                           if c is not comp and (comp, c) not in SHARED
                           and not (comp is C.SETTING and s.cue == _SAME_PLACE_CUE)])
        for span, move in matched:
            if move is None and comp is C.CAMERA:
                move = _inner_move(low[span.start:span.end])
            if blocking.covers(span.start, span.end):
                continue
            if comp is C.MOTION and C.LIGHTING in spans \
                    and _reads_the_lights_noun(low, span, spans[C.LIGHTING]):
                continue
            if span.strength <= WEAK_PLACE and comp is C.SETTING and blocking.overlaps(
                    span.start, span.end):
                continue  # "in close-up", "in a white shirt": another component's words
            found.append(span)
            if move:
                moves.append((span.start, move))
        if found:
            spans[comp] = found
            claimed += [(comp, s) for s in found]
    comp_vague = gated_spans(CAMERA_VAGUE, _CAMERA_VAGUE_RE, prompt, low)
    if comp_vague and C.CAMERA not in spans:
        spans[C.CAMERA] = [make_span(start=a, end=b, text=prompt[a:b], cue="vague",
                                strength=0.3) for a, b in comp_vague]
        claimed += [(C.CAMERA, s) for s in spans[C.CAMERA]]

    if '"' in prompt or "\u201c" in prompt:
        spans, claimed = _outside_dialogue(prompt, spans, claimed)
    if C.AUDIO in spans and (":" in prompt or "sound" in low or "ambien" in low
                             or "we hear" in low or len(spans[C.AUDIO]) >= _SOUND_LIST_ITEMS
                             and any(c in spans for c in _SOUND_MISREADS)):
        spans, claimed = _outside_sound_sections(low, spans, claimed)
    if C.AUDIO in spans:
        spans, claimed = _without_printed_text(low, spans, claimed)
    negations = _negations(prompt)
    # a sound said by its verb ("slurping noodles") is also what the subject does
    verbs_claimed = [(c, s) for c, s in claimed if s.cue != SOUND_VERB]
    actions = _find_actions(prompt, verbs_claimed)
    subjects = [s for s in _find_subjects(prompt, claimed + [(C.ACTION, a) for a in actions])
                if not any(_overlaps(s, n) for n in negations)]
    # A bare place noun that is the subject ("a lighthouse") is not also its setting.
    if subjects:
        of_subjects = Bounds.of(subjects)
        if C.SETTING in spans:
            spans[C.SETTING] = [p for p in spans[C.SETTING]
                                if not (p.strength < 1 and of_subjects.overlaps(p.start, p.end))]
            if not spans[C.SETTING]:
                del spans[C.SETTING]
        # A verb inside the subject phrase ("a dancing flame") describes the subject; keep it an
        # action only when it stands outside the phrase.
        actions = [a for a in actions if not of_subjects.covers(a.start, a.end)]
    actions += _ing_actions(prompt, subjects,
                            actions + [s for c, s in verbs_claimed if c is not C.MOTION])
    actions += _progressive_actions(prompt, actions + [s for c, s in verbs_claimed
                                                       if c not in (C.MOTION, C.SETTING)])
    actions.sort(key=lambda s: s.start)
    if C.MOTION in spans and C.CAMERA in spans:
        spans[C.MOTION] = [m for m in spans[C.MOTION]
                           if not _camera_manner(low, m, spans[C.CAMERA], actions)]
        if not spans[C.MOTION]:
            del spans[C.MOTION]
    if subjects:
        spans[C.SUBJECT] = subjects
    if actions:
        spans[C.ACTION] = actions

    seen: list[str] = []
    for _, move in sorted(moves):
        if move not in seen:
            seen.append(move)
    return Analysis(
        prompt=prompt,
        spans={c: spans[c] for c in C if c in spans},
        camera_moves=seen,
        actions=[a for a in actions if a.cue != "vague"],
        negations=negations,
        word_count=len(_WORD.findall(prompt)),
    )
