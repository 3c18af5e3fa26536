"""Put units in the target's order and write them as that model likes to read.

Most models read sentences grouped scene, camera, look, time, sound in their profile's
component order; Runway wants the camera as a prefix; Sora wants the scene in prose, then a
cinematography block, then the action beats (guide: dialect-translation).
"""

from __future__ import annotations

from bot.core import cached_re as re
from bot.core.critique.components import Component as C
from bot.core.dialects.segments import CAMERA_HEADING, GROUP, LIST_ITEM, Unit
from bot.core.knowledge import ModelProfile

# Models whose guide-documented layout is more than an order of sentences.
BLOCK_LAYOUT: dict[str, str] = {"sora": "cinematography"}
_CINEMATOGRAPHY = {"camera", "look"}
_ENDS = re.compile(r"[.!?\]]$|[.!?\u2026][\"\u201d]$")
"""A unit that ends its sentence: a closing quotation mark ends one only after the line's own
full stop ('"We give them back."'); 'a sign reads "OPEN"' still needs its own."""
_LABELLED = re.compile(r"^[A-Z][A-Za-z ]{1,20}:\s")
_KEEP_CASE = re.compile(r"^(?:I|[A-Z]{2,}|[A-Z][a-z]*[A-Z]\w*|FPV)\b")


def rank(u: Unit, profile: ModelProfile) -> int:
    """A unit's place: its group's first appearance in the profile's component order.

    Ranking by group rather than by component keeps the author's order inside a group, so a
    sequence of action beats is never shuffled.
    """
    order = list(profile.component_order)
    if u.group is None:
        return len(order)
    ranks = [order.index(c) for c in order if GROUP[c] == u.group]
    return min(ranks, default=len(order) + (1 if u.group == "sound" else 0))


def ordered(units: list[Unit], profile: ModelProfile) -> list[Unit]:
    """Units by rank; a unit with no component words travels with the unit after it."""
    by_source = sorted(units, key=lambda u: u.index)
    ranks: dict[int, int] = {}
    pending: list[Unit] = []
    last = None
    for u in by_source:
        if u.group is None:
            pending.append(u)
            continue
        ranks[id(u)] = rank(u, profile)
        for p in pending:
            ranks[id(p)] = ranks[id(u)]
        pending, last = [], ranks[id(u)]
    for p in pending:
        ranks[id(p)] = last if last is not None else len(profile.component_order)
    return sorted(units, key=lambda u: (ranks[id(u)], u.index))


def standalone(u: Unit) -> bool:
    """Labelled units ("Lighting: ...") and list items start their own sentence, as written."""
    return _starts_own_sentence(u.text)


def _starts_own_sentence(text: str) -> bool:
    return bool(_LABELLED.match(text) or LIST_ITEM.match(text))


def _mid(u: Unit, text: str | None = None) -> str:
    """The unit's text (or `text`, a part of it that begins where it does) as it reads inside a
    sentence."""
    text = u.text if text is None else text
    if u.opens and text[:1].isupper() and not _KEEP_CASE.match(text) and not standalone(u):
        return text[0].lower() + text[1:]
    return text


def _sentences(units: list[Unit]) -> list[str]:
    out: list[str] = []
    current: list[Unit] = []

    def flush() -> None:
        if not current:
            return
        parts = [current[0].text[:1].upper() + current[0].text[1:]]
        parts += [", " + _mid(u) for u in current[1:]]
        text = "".join(parts)
        out.append(text if _ENDS.search(current[-1].text) else text + ".")
        current.clear()

    brackets = [u for u in units if u.text.startswith("[") and u.text.endswith("]")]
    bracket_ids = {id(u) for u in brackets}
    for u in units:
        if id(u) in bracket_ids:
            continue
        if current and (u.group != current[-1].group or _ENDS.search(current[-1].text)
                        or standalone(u) or standalone(current[-1])):
            flush()
        current.append(u)
    flush()
    # Bracketed camera commands go last, after the subject and action (the guide's Hailuo
    # example): the model reads the description first and the commands as direction.
    return out + [u.text for u in brackets]


def prefix_units(units: list[Unit]) -> list[Unit]:
    """Short clauses that are only camera, shot or lens words: they join a camera prefix. A
    camera heading ("Camera: slow dolly in") does not keep its clause out: the prefix is the
    target's own camera block, which the heading only named."""
    return [u for u in units if u.comps and set(u.comps) <= _PREFIX_COMPS
            and not u.added and len(_unheaded(u.text).split()) <= 8
            and not _starts_own_sentence(_unheaded(u.text))]


def _unheaded(text: str) -> str:
    """`text` without a leading camera heading ("Camera: slow dolly in" -> "slow dolly in")."""
    m = CAMERA_HEADING.match(text)
    return text[m.end():] if m else text


_PREFIX_COMPS = {C.CAMERA, C.SHOT, C.LENS}


def assemble(units: list[Unit], profile: ModelProfile, prefix: str = "") -> str:
    """The target's prompt text. A prefix-style target (Runway) gets its camera block, and the
    author's own short camera and shot clauses, as `camera: scene` at the start."""
    units = ordered(units, profile)
    if profile.camera.style == "prefix":
        heads = prefix_units(units)
        if heads:
            head_ids = {id(u) for u in heads}
            units = [u for u in units if id(u) not in head_ids]
            core = prefix[:-1] if prefix.endswith(":") else prefix
            words = [core] if core else []
            words += [_mid(h, _unheaded(h.text)) if words else
                      _unheaded(h.text)[:1].upper() + _unheaded(h.text)[1:] for h in heads]
            prefix = ", ".join(w.rstrip(".:;,") for w in words) + ":"
    if BLOCK_LAYOUT.get(profile.id) == "cinematography":
        text = _cinematography(units)
    else:
        text = " ".join(_sentences(units))
    if prefix:
        keep = _KEEP_CASE.match(text) or _LABELLED.match(text) or LIST_ITEM.match(text)
        first = text if keep else text[:1].lower() + text[1:]
        text = f"{prefix} {first}".strip()
    return text


def _cinematography(units: list[Unit]) -> str:
    scene = [u for u in units if u.group not in _CINEMATOGRAPHY | {"time", "sound"}
             and not _is_beat(u)]
    cine = [u for u in units if u.group in _CINEMATOGRAPHY]
    placed = {id(u) for u in scene} | {id(u) for u in cine}
    beats = [u for u in units if id(u) not in placed and u.group != "sound"]
    sound = [u for u in units if u.group == "sound"]
    parts = [" ".join(_sentences(scene))]
    if cine and any(standalone(u) for u in cine):
        parts.append("Cinematography:\n" + "\n".join(_sentences(cine)))
    elif cine:
        body = "; ".join(_mid(u) if i else u.text[:1].lower() + u.text[1:]
                         if not _KEEP_CASE.match(u.text) else u.text
                         for i, u in enumerate(cine))
        parts.append("Cinematography: " + body.rstrip(".") + ".")
    if beats:
        body = " ".join(_sentences(beats))
        parts.append(body if standalone(beats[0]) else "Action: " + body)
    if sound:
        parts.append(" ".join(_sentences(sound)))
    return "\n\n".join(p for p in parts if p.strip())


def _is_beat(u: Unit) -> bool:
    """A scene unit led by its action (not its subject) reads as an action beat."""
    return u.primary in (C.ACTION, C.MOTION) and C.SUBJECT not in u.comps
