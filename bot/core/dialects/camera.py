"""Camera moves: which canonical move a span names, and how the target model writes it."""

from __future__ import annotations

import re

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


def render(syntax: CameraSyntax, moves: list[str]) -> tuple[str, list[str], list[str]]:
    """(block text, moves rendered, moves left out because max_moves is reached)."""
    used: list[str] = []
    over: list[str] = []
    parts: list[str] = []
    count = 0
    for move in moves:
        cmds = commands(syntax, move)
        if not cmds or move in used:
            continue
        if count + len(cmds) > syntax.max_moves:
            over.append(move)
            continue
        used.append(move)
        parts += cmds
        count += len(cmds)
    if not parts:
        return "", used, over
    if syntax.style == "bracketed":
        joined = ", ".join(parts)
    elif syntax.style == "prefix":
        joined = ", ".join([parts[0]] + [p[0].lower() + p[1:] for p in parts[1:]])
    else:
        joined = " and ".join([parts[0]] + [p[0].lower() + p[1:] if not p.startswith("FPV")
                                            else p for p in parts[1:]])
    return syntax.template.replace("{moves}", joined), used, over
