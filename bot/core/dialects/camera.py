"""Camera moves: which canonical move a span names, and how the target model writes it."""

from __future__ import annotations

from bot.core import cached_re as re
from bot.core.critique.analysis import compiled
from bot.core.critique.lexicon import CAMERA
from bot.core.critique.results import Span
from bot.core.knowledge import CameraSyntax, ModelProfile

# A direction word right after a generic camera phrase decides the move ("camera pans left").
_DIRECTION = re.compile(r"\s+(?:to the\s+|slowly\s+)?(left|right|up|upward|upwards|down|downward|"
                        r"downwards)\b", re.I)
_DIRECTED = {
    "pan": ("pan_left", "pan_right", None, None),
    "tilt": (None, None, "tilt_up", "tilt_down"),
    "truck": ("truck_left", "truck_right", None, None),
    "pedestal": (None, None, "pedestal_up", "pedestal_down"),
    "crane": (None, None, "crane_up", "crane_down"),
}
_FAMILY = {m: fam for fam, moves in _DIRECTED.items() for m in moves if m}
_FAMILY.update({"pedestal_up": "pedestal", "pedestal_down": "pedestal"})


def move_of(prompt: str, span: Span) -> tuple[str | None, int]:
    """(canonical move, end) for a camera span; end grows over a trailing direction word."""
    move = None
    for cue in CAMERA:
        if cue.move and compiled(cue.pattern).fullmatch(span.text):
            move = cue.move
            break
    end = span.end
    fam = _FAMILY.get(move or "")
    if fam is None and re.search(r"\bcrane|\bdescend|\blower", span.text, re.I):
        fam = "crane" if "crane" in span.text.lower() else "pedestal"
    m = _DIRECTION.match(prompt, span.end)
    direction = m.group(1).lower() if m else None
    if direction is None:
        inner = re.search(r"\b(left|right|up|upward|down|downward)\b", span.text, re.I)
        direction = inner.group(1).lower() if inner else None
    elif fam:
        end = m.end()  # type: ignore[union-attr]  # a direction was read, so m matched
    if fam and direction:
        left, right, up, down = _DIRECTED[fam]
        pick = {"left": left, "right": right}.get(direction) or (
            up if direction.startswith("up") else down if direction.startswith("down") else None)
        move = pick or move
    return move, end


def commands(syntax: CameraSyntax, move: str) -> list[str]:
    """The target's phrase for a move, split into commands (Hailuo combines two for an orbit)."""
    phrase = syntax.moves.get(move)  # type: ignore[call-overload]
    if phrase is None:
        return []
    if syntax.style == "bracketed":
        return [p.strip() for p in phrase.split(",") if p.strip()]
    return [phrase]


def collapse(moves: list[str], source: ModelProfile | None) -> list[str]:
    """Undo the source dialect's combinations: Hailuo's [Truck left, Pan right] is an orbit."""
    if source is None or source.camera.style != "bracketed":
        return moves
    out = list(moves)
    for canonical, phrase in source.camera.moves.items():
        parts = [p.strip() for p in phrase.split(",")]
        if len(parts) < 2:
            continue
        seq = []
        for p in parts:
            hit = [m for m, ph in source.camera.moves.items() if ph == p]
            seq.append(hit[0] if hit else None)
        for i in range(len(out) - len(seq) + 1):
            if out[i:i + len(seq)] == seq:
                out[i:i + len(seq)] = [canonical]
                break
    return out


def render(syntax: CameraSyntax, moves: list[str],
           manners: dict[str, str] | None = None) -> tuple[str, list[str], list[str]]:
    """(block text, moves rendered, moves left out because max_moves is reached).

    `manners` maps a move to the author's own manner word ("slow"), written into its phrase;
    a profile's phrases carry no speed or manner of their own, so none is ever invented.
    """
    manners = manners or {}
    used: list[str] = []
    over: list[str] = []
    parts: list[str] = []
    count = 0
    for move in moves:
        cmds = commands(syntax, move)
        if not cmds or move in used:
            continue
        cmds = [c for c in cmds if c not in parts]  # an orbit's [Pan right] also says pan right
        if not cmds:
            used.append(move)
            continue
        if count + len(cmds) > syntax.max_moves:
            over.append(move)
            continue
        used.append(move)
        if move in manners and syntax.style != "bracketed":
            cmds = [with_manner(cmds[0], manners[move])] + cmds[1:]
        parts += cmds
        count += len(cmds)
    if not parts:
        return "", used, over
    if syntax.style == "bracketed":
        joined = ", ".join(parts)
    elif syntax.style == "prefix":
        joined = ", ".join([parts[0]] + [_lower_first(p) for p in parts[1:]])
    else:
        joined = " and ".join([parts[0]] + [_shared_subject(parts[0], p) for p in parts[1:]])
    return syntax.template.replace("{moves}", joined), used, over


def _shared_subject(first: str, phrase: str) -> str:
    """"camera pushes in and camera pans right" says "camera" once: "... and pans right"."""
    lead = _CAMERA_VERB.match(first)
    own = _CAMERA_VERB.match(phrase)
    if lead and own and own.group(1).lower() == lead.group(1).lower():
        return phrase[own.end(1):]
    return _lower_first(phrase)


def _lower_first(phrase: str) -> str:
    return phrase if _KEEP.match(phrase) else phrase[0].lower() + phrase[1:]


_KEEP = re.compile(r"^(?:FPV|[A-Z]{2,})\b")

# Manner words an author puts on a camera move, as (adjective, adverb).
_MANNER_FORMS: list[tuple[str, str]] = [
    ("slow", "slowly"), ("fast", "fast"), ("quick", "quickly"), ("gentle", "gently"),
    ("smooth", "smoothly"), ("steady", "steadily"), ("rapid", "rapidly"), ("subtle", "subtly"),
    ("swift", "swiftly"), ("sudden", "suddenly"), ("gradual", "gradually"),
]
_ADJECTIVE = {form: adj for adj, adv in _MANNER_FORMS for form in (adj, adv)}
_ADVERB = {form: adv for adj, adv in _MANNER_FORMS for form in (adj, adv)}
_MANNER = re.compile(r"\b(" + "|".join(re.longest_first(_ADJECTIVE)) + r")\b", re.I)
_CAMERA_VERB = re.compile(r"^((?:the\s+)?(?:\w+\s+)?camera\s+)(\w+)", re.I)


def manner_of(text: str) -> str | None:
    """The first manner word in `text` ("slowly"), lower-cased, or None."""
    m = _MANNER.search(text)
    return m.group(1).lower() if m else None


def with_manner(phrase: str, word: str) -> str:
    """The target's phrase with the author's manner word in the form it needs there:
    an adverb before a camera verb ("The camera slowly pans left"), else an adjective in front
    ("Slow dolly in")."""
    if manner_of(phrase):
        return phrase
    verb = _CAMERA_VERB.match(phrase)
    if verb:
        return f"{verb.group(1)}{_ADVERB[word]} {phrase[verb.end(1):]}"
    adjective = _ADJECTIVE[word]
    if phrase[:1].isupper() and not _KEEP.match(phrase):
        return f"{adjective.capitalize()} {phrase[0].lower()}{phrase[1:]}"
    return f"{adjective} {phrase}"
