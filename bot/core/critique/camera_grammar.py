"""Camera instructions read from the shape of a clause rather than from a phrase list.

Issue 12 defines camera as movement, angle, height, position or point of view. The lexicon
(lexicon.CAMERA) knows the set phrases; these readings cover what grammar says on its own:

- A clause with no subject whose head is a camera-move word is a camera instruction, whatever
  words follow it: "Handheld follow.", "Tracking from the water.", "Medium shot, slow tracking
  right", "Macro lens, static: ...". The implied subject of such a clause is the camera. A
  participle clause after a subject ("A hawk, circling the valley") is the subject's, so the
  clause must open a sentence or follow a clause that is itself about the frame (a shot size, a
  lens, a camera word).
- A thing seen, filmed or viewed from a position puts the camera there, whoever is seen:
  "a man seen from behind", "the city viewed through the fog".
- The subject's orientation to the camera is the camera's position: "her back to the camera",
  "facing away from the camera". Looking or speaking into the camera is an action (the
  definitions say so) and is left alone.
- A point-of-view noun heading a noun phrase with a word of place, height or owner is where
  the camera is: "Mid-air perspective of a skydiver", "a dog's viewpoint of the park",
  "ground vantage". Abstract or drawing senses ("a fresh perspective", "forced perspective",
  "one-point perspective") are not.
- A noun that stands for the camera (the shot, the frame, the viewer, the point of view) as the
  subject of a verb of movement is the camera moving, whatever the verb: "the shot circles the
  couple", "the frame slowly drifts left", "the viewer floats above the city". The verbs are
  the movement verbs the shipped MiniLM picked (movement_verbs.py) and the camera's own.

Every reading returns character spans on the lower-cased prompt; analysis.py turns them into
camera spans.
"""

from __future__ import annotations

from bot.core import cached_re as re
from bot.core.critique.lexicon import ACTION_VERBS
from bot.core.critique.movement_verbs import MOVEMENT_VERBS
from bot.core.regex_pieces import finditer_blanked, may_find

_CLAUSE = re.compile(r"[^,.;:!?\n()\[\]]+")

_MOVE_HEAD = re.compile(
    r"(?:pan|pans|panning|tilt|tilts|tilting|track|tracks|tracking|truck|trucks|trucking|"
    r"dolly|dollies|dollying|crane|craning|boom|booming|pedestal|pedestals|pedestaling|"
    r"orbit|orbits|orbiting|arc|arcs|arcing|zoom|zooms|zooming|push|pushes|pushing|"
    r"pull|pulls|pulling|follow|follows|following|slide|slides|sliding|glide|glides|gliding|"
    r"crab|crabbing|circle|circles|circling|rotate|rotates|rotating|rotation|drift|drifts|"
    r"drifting|sweep|sweeps|sweeping|rise|rises|rising|descend|descends|descending|"
    r"static|locked|locked-off|fixed|handheld|hand-held|steadicam|gimbal|drone|aerial|"
    r"fpv|pov|overhead|top-down|whip-pan|whip|flyover|fly-over|fly-through|flythrough|"
    r"reveal|reframe|reframes|reframing|hold|holds|holding|move|moves|moving|movement|"
    r"fly|flying|soar|soaring|swoop|swooping|skim|skimming|hover|hovering|float|floating|"
    r"ascend|ascending|climb|climbing|travel|travelling|traveling|rush|rushing|spiral|"
    r"spiraling|spiralling|zip|zipping|dart|darting|race|racing|weave|weaving|dive|diving)$")
"""Words that can head a camera clause."""

_CAMERA_ONLY = frozenset({
    "static", "locked", "locked-off", "handheld", "hand-held", "steadicam", "gimbal", "drone",
    "aerial", "fpv", "pov", "dolly", "crane", "pedestal", "whip-pan", "flyover", "fly-over",
    "fly-through", "flythrough", "pan", "panning", "tilt", "tilting",
    "tracking", "trucking", "orbiting", "top-down", "overhead"})
"""Heads that are the camera's even without a direction after them."""
CAMERA_ONLY_HEADS = _CAMERA_ONLY | frozenset({"camera", "cam", "lens", "zoom", "push-in",
                                              "pull-back", "pull-out", "orbit", "gimbal"})
"""The camera's own nouns: its heads above and the camera itself, as another module reads a
phrase's owner ("the gentle motion of the pan")."""

_DIRECTION = re.compile(
    r"(?:left|right|up|down|in|out|upward|upwards|downward|downwards|forward|forwards|back|"
    r"backward|backwards|sideways|closer|away|around|round|along|behind|alongside|"
    r"across|over|through|past|from|with|toward|towards|into|overhead|low|high)$")
"""What may follow a move word in a camera clause: a direction or a path."""

_PATH_PREPOSITIONS = frozenset({"along", "across", "over", "through", "past", "from", "with",
                                "toward", "towards", "into", "behind", "alongside", "around",
                                "round"})
"""Direction words that open a noun phrase (the path), not a bare direction."""

_MODIFIER = re.compile(
    r"(?:[a-z-]+ly|slow|quick|fast|smooth|gentle|steady|subtle|soft|slight|gradual|long|short|"
    r"continuous|constant|sweeping|dramatic|sudden|rapid|lateral|vertical|circular|wide|"
    r"tight|low|high|full|half|final|then|now|and|also|next|again|a|an|the|camera|cam|"
    r"shot|\d+[- ]?degrees?|360-degree|180-degree|90-degree|forward|backward|reverse|upward|"
    r"downward|upwards|downwards|sideways|inward|outward|"
    r"cinematic|shaky|floating|creeping|unhurried|leisurely|measured)$")
"""Words a camera clause may open with before its move word ("slow", "gently", "then")."""

_MANNER = re.compile(
    r"(?:[a-z-]+ly|slow|quick|fast|smooth|gentle|steady|subtle|soft|slight|gradual|sudden|rapid|"
    r"lateral|vertical|circular|\d+[- ]?degrees?|360-degree|180-degree|90-degree|shaky|"
    r"static|handheld|hand-held|locked-off|upward|downward|upwards|downwards|sideways)$")
"""Modifiers that belong to the move itself (its speed, axis or rig), kept in its span."""

_FRAME_WORDS = re.compile(
    r"(?:shots?|close-?ups?|closeups?|lens|camera|cam|angle|view|framing|frame|pov|macro|"
    r"\d+ ?mm|wide|medium|handheld|static|aerial|drone|tracking|zoom|dolly|pan|tilt|crane|"
    r"focus|bokeh|two-shot|establishing)$")
"""Words that make a clause about the frame rather than the scene."""

_CONJUNCTIONS = frozenset({"as", "while", "when", "until", "revealing", "showing", "following",
                           "then", "before", "after"})
"""Words that open the next clause right after a camera-only move word: the move ends there."""

_FRAME_NOUNS = frozenset({"shot", "shots", "camera", "cam", "view", "footage", "movement",
                          "move"})
"""Nouns that close a camera instruction ("overhead static shot", "handheld camera")."""

_WORDS = re.compile(r"[a-z][a-z0-9'-]*|\d+[a-z-]*")


def _is_frame_clause(words: list[re.Match[str]]) -> bool:
    """A clause about the frame: it names a shot, a lens or a camera word, and no more than a
    few words ("Medium shot", "Macro lens", "Low angle close-up"). Given the clause's words
    (`_WORDS`) as its reader already has them."""
    return 0 < len(words) <= 5 and any(_FRAME_WORDS.match(w.group(0)) for w in words)


_NEXT_CLAUSE = re.compile(r"[^,.;:!?\n]*, ([a-z]+)(?: ([a-z]+))?(?: ([a-z]+))?")


def participle_for_next_subject(low: str, start: int, end: int) -> bool:
    """Does the participle clause matched at `start:end` ("Pulling back", "Circling overhead")
    open a sentence whose subject follows the comma ("..., the archer releases the arrow")?
    Then it is that subject's movement, not the camera's."""
    words = _WORDS.findall(low[start:end])
    if not words or not words[-1].endswith("ing") and not any(w.endswith("ing") for w in words):
        return False
    m = _NEXT_CLAUSE.match(low, end)
    if not m or m.group(1) not in _SUBJECT_OPENERS:
        return False
    return not any(w in ("camera", "cam", "shot", "view", "lens", "drone") for w in m.groups() if w)


def subjectless_camera_clauses(low: str) -> list[tuple[int, int]]:
    """Spans of clauses whose implied subject is the camera (see the module note)."""
    found: list[tuple[int, int]] = []
    previous_is_frame = False
    previous_end_char = "."
    clauses = list(_CLAUSE.finditer(low))
    for k, m in enumerate(clauses):
        text = m.group(0)
        words = list(_WORDS.finditer(text))
        opens_sentence = previous_end_char in ".;:!?\n([" or m.start() == 0
        span = _camera_clause(text, words) if words and (opens_sentence or previous_is_frame) \
            else None
        if span is not None and _participle_of_next_subject(low, m, clauses[k + 1:k + 2], words):
            span = None  # "Moving forward, the knight raises his sword": the knight moves
        if span is not None:
            found.append((m.start() + span[0], m.start() + span[1]))
        previous_is_frame = span is not None or _is_frame_clause(words)
        previous_end_char = low[m.end():m.end() + 1] or "."
    return found


_SUBJECT_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "she", "he", "they",
                              "it", "i", "one", "two", "three", "several", "many", "some"})
"""Words that open a clause with its own subject (not "we", "the camera": the viewer's)."""


def _participle_of_next_subject(low: str, clause: re.Match[str], following: list[re.Match[str]],
                                words: list[re.Match[str]]) -> bool:
    """An opening participle clause whose subject comes after the comma ("Rising up, the
    phoenix spreads its wings", "Circling overhead, a hawk watches") is that subject's movement,
    unless its move word is only ever the camera's ("Slow tracking right, the woman walks")."""
    if not following or low[clause.end():clause.end() + 1] != ",":
        return False
    heads = [w.group(0) for w in words if _MOVE_HEAD.match(w.group(0))]
    if not heads or heads[0] in _CAMERA_ONLY:
        return False
    nxt = _WORDS.findall(following[0].group(0))
    if not nxt or nxt[0] not in _SUBJECT_OPENERS:
        return False
    return not any(w in ("camera", "cam", "shot", "view", "lens", "drone") for w in nxt[:3])


def _camera_clause(text: str, words: list[re.Match[str]]) -> tuple[int, int] | None:
    """The move part of one clause, when the clause is a camera instruction."""
    i = 0
    while i < len(words) - 1 and _MODIFIER.match(words[i].group(0)) \
            and not _MOVE_HEAD.match(words[i].group(0)):
        i += 1
    if i > 4 or not _MOVE_HEAD.match(words[i].group(0)):
        return None
    head = words[i].group(0)
    rest = [w.group(0) for w in words[i + 1:]]
    first = i
    while first > 0 and _MANNER.match(words[first - 1].group(0)):
        first -= 1
    start = words[first].start()  # "slow tracking", not "Cinematic tracking" (a style word)
    camera_said = any(w.group(0) in ("camera", "cam", "shot") for w in words[:i])
    # a bare head ("Static.", "Handheld follow.") must be a camera word, or come after one
    if not rest:
        before = {w.group(0) for w in words[:i]}
        if head in _CAMERA_ONLY or camera_said or before & _CAMERA_ONLY:
            return start, words[i].end()
        return None
    nxt = rest[0]
    if _MOVE_HEAD.match(nxt) and (head in _CAMERA_ONLY or nxt in _CAMERA_ONLY):
        # "handheld follow", "static wide"... the second move word closes the instruction
        end = words[i + 1].end()
        if len(rest) > 1 and (_DIRECTION.match(rest[1]) or rest[1] in _FRAME_NOUNS):
            end = words[i + 2].end()
        return start, end
    long_participle = first == 0 and head.endswith("ing") and len(words) <= 9
    if _DIRECTION.match(nxt) and (head in _CAMERA_ONLY or camera_said or len(words) <= 6
                                  or long_participle):
        # a participle opening its clause may take a longer path ("Skimming over the waves at
        # high speed"); a noun head may not ("A truck left the depot at sunrise")
        # a direction belongs to the move ("tracking right"); a path's noun phrase ("from the
        # water", "across the valley") stays the scene's, so the span stops before it
        return start, (words[i].end() if nxt in _PATH_PREPOSITIONS else words[i + 1].end())
    if head in _CAMERA_ONLY and nxt in _FRAME_NOUNS:
        return start, words[i + 1].end()
    if head in _CAMERA_ONLY and nxt in _CONJUNCTIONS:
        return start, words[i].end()  # "Slight upward tilt as the rocket launches"
    if head in _CAMERA_ONLY and any(w in ("shot", "shots", "view", "footage", "close-up")
                                    for w in rest[:3]):
        return start, words[i].end()  # "static macro shot": the size is the shot's
    return None


_SEEN_FROM = re.compile(
    r"(?<![\w'-])(?:seen|viewed|filmed|photographed|observed|captured|framed|watched|glimpsed|"
    r"taken|recorded)"
    r" (?:(?:directly|straight|slightly|high|far|low|just) )?(?:from|through)"
    r"(?: (?:behind|above|below|overhead|underneath|beneath|afar|the side|a distance|a height|"
    r"up high|high up|ground level)(?![\w'-])|(?= (?:a|an|the|his|her|their|its) ))")
"""A thing seen from a position: the camera is there ("a man seen from behind"). The span
stops at the preposition when a noun phrase follows ("seen through the window"): the place
stays the setting's."""

_ORIENTED = re.compile(
    r"(?<![\w'-])(?:(?:with )?(?:her|his|their|its) backs? (?:turned )?(?:to|toward|towards) "
    r"(?:the )?(?:camera|viewer|lens)|(?:facing|faces|face) (?:away from )?(?:the )?"
    r"(?:camera|viewer|lens)|(?:turned|turning) away from (?:the )?(?:camera|viewer|lens)|"
    r"(?:side|profile) (?:on )?to (?:the )?(?:camera|viewer|lens))(?![\w'-])")
"""The subject's orientation to the camera: where the camera stands."""


def seen_from(low: str) -> list[tuple[int, int]]:
    """Spans of "seen / viewed / filmed from (or through) a position"."""
    return [m.span() for m in _SEEN_FROM.finditer(low)] if may_find(_SEEN_FROM, low) else []


def oriented_to_camera(low: str) -> list[tuple[int, int]]:
    """Spans of the subject's orientation to the camera ("her back to the camera")."""
    return [m.span() for m in _ORIENTED.finditer(low)] if may_find(_ORIENTED, low) else []


_FRAME_SUBJECT = re.compile(
    r"(?<![\w'-])(?:shot|frame|framing|viewer|pov|point of view|perspective|viewpoint|vantage|"
    r"camera|cam|lens|view|take|angle)(?: (?:that|which))?"
    r"(?: (?:[a-z]+ly|then|now|also|first|finally))* ([a-z]+)(?![\w'-])")
"""A camera noun, adverbs, then the word that may be its verb (group 1)."""

_BEFORE_FRAME_SUBJECT = re.compile(
    r"(?:^|[,.;:!?(\n]\s*|(?<![\w'-])(?:the|our|this|a|an|then|and|as|while|when|"
    r"wide|medium|close|close-up|tight|long|tracking|aerial|handheld|static|overhead|low|high|"
    r"first-person|low-angle|high-angle|pov|camera|whole|entire|drone|single|continuous|"
    r"unbroken|one|roving|moving|floating)\s+)$")
"""What may stand before a camera noun that is a subject: a determiner, a clause break, or a
word of the shot itself ("the wide shot drifts"). A noun before it makes a thing of it ("the
picture frame falls", "the window frame shakes"); a preposition an object ("into the frame")."""

_CAMERA_MOVE_LEMMAS = frozenset({
    "pan", "tilt", "zoom", "dolly", "truck", "crane", "boom", "orbit", "arc", "circle", "rotate",
    "revolve", "spin", "track", "follow", "trail", "push", "pull", "glide", "drift", "float",
    "sweep", "swoop", "rise", "descend", "lower", "sink", "drop", "climb", "ascend", "hover",
    "fly", "soar", "dive", "skim", "travel", "move", "slide", "creep", "race", "rush", "swing",
    "whip", "roll", "turn", "pivot", "swivel", "wander", "weave", "snake", "shake", "tremble",
    "wobble", "sway", "bob", "lift", "plunge", "plummet", "retreat", "recede", "approach",
    "advance", "close", "pass", "spiral", "chase", "lead", "accompany", "tail", "shadow",
    "explore", "roam", "scan", "survey", "prowl", "search", "zip", "dart", "speed"})
"""Verbs that say how a camera moves (in base form), besides movement_verbs'. Lingering and
holding are left to the pacing (the lexicon's camera-as-subject cue leaves them too)."""

_NOT_MOVES = frozenset({"transform", "sip", "mop", "strum", "comb", "sizzle", "condense",
                        "break", "burst", "crack", "shatter", "splinter", "erupt", "pour",
                        "wrap", "throw", "toss", "kick", "stir", "drip", "splash", "ski",
                        "surf", "skate", "swim", "ride", "drive", "step", "walk", "run", "jog",
                        "dance", "bow", "hop", "jump", "leap", "migrate", "stream"})
"""Movement verbs of a body or a substance, not of a camera ("the shot breaks down", "the
frame walks us through": a figure, or another reading)."""


def _verb_lemma(word: str) -> str:
    """A verb form's base: the lexicon's map, else the regular endings undone."""
    if word in ACTION_VERBS:
        return ACTION_VERBS[word]
    for suffix, repl in (("ies", "y"), ("ing", ""), ("es", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + repl
            for form in (base, base + "e", base[:-1] if base[-1:] == base[-2:-1] else base):
                if form in MOVEMENT_VERBS or form in _CAMERA_MOVE_LEMMAS:
                    return form
            return base
    return word


def camera_move_verb(word: str) -> bool:
    """Is `word` a finite form of a verb a camera moves by ("swoops", "rising", "explores")?"""
    if not word.endswith(("s", "ing", "ed")) or word.endswith("ss"):
        return False
    lemma = _verb_lemma(word)
    return lemma not in _NOT_MOVES and (lemma in MOVEMENT_VERBS or lemma in _CAMERA_MOVE_LEMMAS)


_FOCUS_AS_OBJECT = re.compile(r" (?:the |its )?focus(?![\w'-])")
"""The focus as the object of the verb ("pulls focus", "shifts the focus"): the verb moves the
plane of focus, not the camera."""


def frame_subject_moves(low: str) -> list[tuple[int, int]]:
    """Spans of a camera noun as the subject of a verb of movement ("the shot circles the
    couple", "the viewer floats above the city"): see the module note. A verb in a finite
    form only (-s, -ing after the noun, or a past form): "the shot move" is no clause."""
    found: list[tuple[int, int]] = []
    for m in finditer_blanked(_FRAME_SUBJECT, low):
        if not camera_move_verb(m.group(1)) and not _looks_somewhere(low, m.group(1), m.end(1)):
            continue
        if not _BEFORE_FRAME_SUBJECT.search(low, max(0, m.start() - 24), m.start()):
            continue
        if _FOCUS_AS_OBJECT.match(low, m.end(1)):
            continue  # "the camera pulls focus to her face": a focus pull, the lens's
        found.append((m.start(), m.end(1)))
    return found


_AUDIENCE_SUBJECT = re.compile(r"(?<![\w'-])we(?: (?:[a-z]+ly|then|now|also|first|finally))*"
                               r" ([a-z]+)(?![\w'-])")
"""The audience ("we"), adverbs, then the word that may be its verb (group 1)."""


_NOT_AUDIENCE_MOVES = _NOT_MOVES - {"step", "walk", "run", "jog", "hop", "jump", "leap", "swim",
                                   "ride", "drive", "ski", "surf", "skate"}
"""A body's movement is the viewer's own when "we" take it ("we walk into the market", a
first-person camera); handling a thing ("we pour", "we throw") is not a move of the view."""


def _inside_quotes(low: str, at: int) -> bool:
    """Is `at` inside a quotation (an odd number of quote marks before it)? "we run!" said by a
    character is dialogue, not the audience."""
    before = low[:at]
    return (before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d"))


def audience_moves(low: str) -> list[tuple[int, int]]:
    """Spans of the audience moving ("we race toward the cliffs", "we plunge into the sea"):
    the one who watches and moves is the camera, whatever verb of movement it takes (the
    lexicon knows a few; this reads any the camera moves by, base or past form)."""
    found: list[tuple[int, int]] = []
    if "we " not in low:
        return found
    for m in _AUDIENCE_SUBJECT.finditer(low):
        word = m.group(1)
        lemma = word if word in MOVEMENT_VERBS or word in _CAMERA_MOVE_LEMMAS else _verb_lemma(word)
        if lemma in _NOT_AUDIENCE_MOVES or not (lemma in MOVEMENT_VERBS
                                                or lemma in _CAMERA_MOVE_LEMMAS):
            continue
        if word.endswith("ing") or _inside_quotes(low, m.start()):
            continue
        found.append((m.start(), m.end(1)))
    return found


_VIEWPOINT_PHRASE = re.compile(
    r"(?<![\w'-])((?:[a-z][\w'-]*[ -]){1,2}?)(?:perspective|viewpoint|vantage point|vantage|"
    r"point of view|pov)(?![\w'-])(?=\s*(?:of|from|on|over|above|as|looking|[,.;:!?)]|$))")
"""One or two words, then a point-of-view noun ending its phrase or followed by what it sees."""

_ABSTRACT_VIEWPOINTS = frozenset({
    "new", "fresh", "different", "unique", "personal", "artistic", "historical", "cultural",
    "forced", "global", "broader", "wider", "broad", "human", "philosophical", "isometric",
    "linear", "one-point", "two-point", "three-point", "single-point", "atmospheric", "the",
    "a", "an", "this", "that", "his", "her", "their", "its", "my", "our", "your", "in", "of",
    "and", "with", "same", "other", "another", "female", "male", "critical", "political",
    "emotional", "moral", "outsider's", "unusual", "interesting", "creative", "distorted",
    "exaggerated", "correct", "accurate", "true", "real", "whose", "narrative", "character's",
    "child-like", "cinematic", "dramatic", "dynamic", "immersive", "intimate", "changing",
    "shifting", "multiple", "various", "several", "many", "alternate", "alternating", "natural",
    "realistic", "normal", "neutral", "standard", "scenic"})
"""Words before "perspective" that give it an abstract, drawing or narrative sense, or that
say nothing of where the camera is (a determiner, a mood)."""


def viewpoint_phrases(low: str) -> list[tuple[int, int]]:
    """Spans of a point-of-view noun with a word of place, height or owner before it (see the
    module note)."""
    found: list[tuple[int, int]] = []
    if not any(noun in low for noun in ("perspective", "viewpoint", "vantage", "point of view",
                                        "pov")):
        return found  # most prompts name no point of view: skip the scan
    for m in _VIEWPOINT_PHRASE.finditer(low):
        words = m.group(1).replace("-", " ").split()
        last = words[-1]
        if last in _ABSTRACT_VIEWPOINTS or m.group(1).rstrip(" -") in _ABSTRACT_VIEWPOINTS:
            continue
        if last.endswith("ly") or last in ("is", "are", "was", "from", "to", "at", "on", "by"):
            continue
        if re.search(r"(?<![\w'-])at (?:a|an|the) $", low[max(0, m.start() - 8):m.start()]):
            continue  # "at a forest trail viewpoint": a place one stands at
        start = m.start() + (len(m.group(1)) - len(m.group(1).lstrip()))
        if len(words) == 2 and words[0] in _ABSTRACT_VIEWPOINTS:
            start = m.start() + m.group(1).index(words[1])
        found.append((start, m.end()))
    return found


_LOOKING = frozenset({"looks", "looking", "gazes", "gazing", "peers", "peering", "points",
                      "pointing", "aims", "aiming", "faces", "facing", "is", "stays", "remains",
                      "sits", "hangs"})
_WHERE_IT_LOOKS = re.compile(r" (?:(?:straight|directly|steeply|slightly) )?(?:down|up|upward|"
                             r"downward|from|over|across|out|into|through|above|below|behind|"
                             r"level|low|high|tilted|canted|overhead)(?![\w'-])")


def _looks_somewhere(low: str, verb: str, end: int) -> bool:
    """A camera noun that looks, points or stands somewhere ("the shot looks down at the table",
    "the perspective is from inside the car", "the angle is slightly tilted"): where the
    camera is or where it points."""
    return verb in _LOOKING and bool(_WHERE_IT_LOOKS.match(low, end)) or (
        verb in ("is", "stays", "remains") and bool(
            re.match(r" (?:[a-z]+ly )(?:down|up|low|high|tilted|canted|level|overhead|from)"
                     r"(?![\w'-])", low[end:end + 24])))
