"""Rewrite a prompt in another model's dialect, saying what changed and why.

The author's words are kept and moved, not paraphrased: the prompt is cut into units that never
split a component's words (segments.py), units are reordered for the target, and only the
things the target reads differently are rewritten (camera syntax, negation, settings words,
vocabulary). Nothing is invented: a model's known lean is offered as a labelled suggestion in
`changes`, never written into `prompt`, and where the author already decided what the model
would change, their words are pinned (kept, and trimmed last). Anything removed is reported in
`dropped` with the reason, so nothing is lost silently.

Every step is linear in the prompt (issue 14): look-ups go through interval indexes, edits are
applied in one pass, and no regular expression rescans a run it has already read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bot.core import cached_re as re
from bot.core.critique.analysis import NATIVE_LANGUAGES, compiled
from bot.core.critique.analysis import analyze as _analyze
from bot.core.critique.components import Component as C
from bot.core.critique.i2v import detect_mode
from bot.core.critique.results import Analysis, Span
from bot.core.dialects import rules
from bot.core.dialects.audit import content_words
from bot.core.dialects.camera import collapse, commands, manner_of, move_of, render
from bot.core.dialects.fit import ClausePlan
from bot.core.dialects.intervals import Intervals
from bot.core.dialects.languages import english_only, keep_language, needs_language_handling
from bot.core.dialects.layout import assemble
from bot.core.dialects.segments import GROUP, Unit, segment
from bot.core.dialects.types import Change, Comparison, Dropped, Translation
from bot.core.knowledge import CameraSyntax, KnowledgeBase, ModelProfile
from bot.core.language import word_equivalents
from bot.core.validation import resolve_model

analyze = lru_cache(maxsize=2048)(_analyze)
"""Analyses are pure and a comparison reads the same texts many times; callers must not mutate."""

WEAK = 0.5
"""A component carried only by words weaker than this ('cinematic') counts as left open."""



@dataclass
class _Edit:
    start: int
    end: int
    replacement: str = ""


@dataclass
class _Work:
    src: Analysis
    target: ModelProfile
    source: ModelProfile | None
    changes: list[Change] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    edits: list[_Edit] = field(default_factory=list)
    """Kept sorted by start and never overlapping, so a new edit checks two neighbours."""
    pinned: set[C] = field(default_factory=set)
    """Components the author wrote that the target is known to change: trimmed last."""
    move_texts: dict[str, str] | None = None
    bracket_dialects: list[ModelProfile] = field(default_factory=list)
    """Profiles whose camera syntax is bracketed commands, to read such commands back."""
    _index: dict[C, Intervals[Span]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index = {c: Intervals((s.start, s.end, s) for s in spans)
                       for c, spans in self.src.spans.items()}

    @property
    def ref(self) -> str:
        return f"model:{self.target.id}"

    def overlapped(self, start: int, end: int) -> list[C]:
        return [c for c, spans in self._index.items() if spans.overlapping(start, end)]

    def drop(self, text: str, reason: str, comps: Sequence[C | str] | None = None,
             fallback: str = "negation") -> None:
        for comp in comps or [fallback]:
            name = comp.value if isinstance(comp, C) else comp
            self.dropped.append(Dropped(component=name, text=text.strip(), reason=reason))

    def free_until(self, start: int, end: int) -> int:
        """The end of [start, end) shortened to stop before the first edit inside it; `start`
        when an edit already covers `start`."""
        i = _bisect_edits(self.edits, start)
        if i > 0 and self.edits[i - 1].end > start:
            return start
        if i < len(self.edits) and self.edits[i].start < end:
            return self.edits[i].start
        return end

    def remove(self, start: int, end: int, replacement: str = "") -> bool:
        """Record an edit unless it overlaps one already made."""
        i = _bisect_edits(self.edits, start)
        if i > 0 and self.edits[i - 1].end > start:
            return False
        if i < len(self.edits) and self.edits[i].start < end:
            return False
        self.edits.insert(i, _Edit(start, end, replacement))
        return True


def _bisect_edits(edits: list[_Edit], start: int) -> int:
    lo, hi = 0, len(edits)
    while lo < hi:
        mid = (lo + hi) // 2
        if edits[mid].start < start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def translate(prompt: str, to_model: str, from_model: str | None = None,
              kb: KnowledgeBase | None = None, mode: str | None = None) -> Translation:
    """Rewrite `prompt` for `to_model` (a profile id or name); `from_model` names its dialect.
    `mode` t2v or i2v (None: from the text): an image-to-video prompt keeps its form where the
    target takes a first frame (no steers for what the frame fixes, no "too short" note), and
    says so where it does not."""
    if kb is None:
        raise ValueError("translate needs the knowledge base")
    target = kb.models[resolve_model(kb, to_model) or to_model]
    code = needs_language_handling(prompt)
    if code is not None:
        if target.reads(code):
            return keep_language(prompt, target, code)
        if code in NATIVE_LANGUAGES:
            return english_only(prompt, target, code)
    named_source = resolve_model(kb, from_model)
    source_id = named_source or _detect_dialect(prompt, kb)
    w = _Work(src=analyze(prompt), target=target,
              source=kb.models.get(source_id) if source_id else None,
              bracket_dialects=[m for m in kb.models.values() if m.camera.style == "bracketed"])
    if source_id and not named_source:
        w.notes.append(f"The prompt looks written for {kb.models[source_id].name} "
                       f"(its camera syntax); read as that dialect.")

    image_only = target.image_input
    if image_only is not None and image_only.required:  # the profile's sourced claim
        w.notes.append(f"{target.name} only animates an image: give it the starting frame and "
                       f"let this prompt say what moves; the scene comes from the image.")
    _settings_words(w, prompt)
    _avoided_words(w, prompt)
    _negations(w, prompt)
    block_moves, manners = _camera(w, prompt)
    if target.camera.style == "prefix" and not block_moves:
        _leading_camera(w, prompt)
    cleaned = _tidy(_apply(prompt, w.edits))
    block_moves = _not_said_twice(w, block_moves, manners, cleaned)
    plan = _pre_trim(w, cleaned)
    units = _units(w, *plan.apply()) if plan else _units(w, cleaned, analyze(cleaned))
    _steers(w, analyze(cleaned), {C.CAMERA} if block_moves else set())

    block, prefix = "", ""
    if block_moves:
        block, used, over = render(target.camera, block_moves, manners)
        for move in over:
            w.drop(_move_text(w, prompt, move), f"{target.name} follows at most "
                   f"{target.camera.max_moves} camera move(s) per clip; more moves fight each "
                   f"other, so the later one was left out.", [C.CAMERA])
        _unwritten_manners(w, manners, used)
        if block:
            w.changes.append(Change(
                component=C.CAMERA.value, action="camera-syntax",
                before=", ".join(_move_text(w, prompt, m) for m in used), after=block,
                why=_camera_why(target), source="camera-language"))
        if target.camera.style == "prefix":
            prefix, block = block, ""
    extra = [Unit(text=block, comps=[C.CAMERA], index=10_000, opens=True, added=True)
             ] if block else []
    units += extra
    text = assemble(units, target, prefix)
    text, units = _fit(w, cleaned, plan, text, units, extra, prefix)
    source_order = [u.primary for u in sorted(units, key=lambda u: u.index)
                    if u.primary and not u.added]
    _report_order(w, units, source_order)
    words = len(re.findall(r"[A-Za-z][A-Za-z'-]*", text)) if text.isascii() \
        else word_equivalents(text)
    low, high = target.ideal_words
    if words > high:
        w.notes.append(f"{words} words: {target.name} reads best at {low}-{high} words; "
                       f"consider trimming.")
    elif words < low:
        w.notes.append(f"{words} words: {target.name} usually does better with {low}-{high}.")
    negative = ", ".join(dict.fromkeys(n for n in w.negatives if n)) or None
    i2v = (mode or detect_mode(prompt)) == "i2v"
    if i2v:
        _keep_i2v_form(w, target)
    return Translation(prompt=text, negative_prompt=negative if target.negative_prompt else None,
                       changes=w.changes, dropped=w.dropped, model=target.id,
                       from_model=source_id, source_prompt=prompt, notes=w.notes,
                       mode="i2v" if i2v else "t2v")


def _keep_i2v_form(w: _Work, target: ModelProfile) -> None:
    """An image-to-video prompt stays one: the steers for what the first frame fixes (light,
    colour, style, setting) are not offered, the "usually does better with N words" note is
    dropped (a motion-only prompt is short on purpose), and a note says whether the target
    takes a first frame (and where that is documented)."""
    w.changes = [c for c in w.changes
                 if not (c.action == "suggested" and c.component in FRAME_FIXES)]
    w.notes = [n for n in w.notes if "usually does better with" not in n]
    image = target.image_input
    if image is not None and image.first_frame:
        where = f" ({image.url})" if image.url else ""
        w.notes.append(f"Image-to-video: {target.name} takes a first frame{where}; "
                       "the prompt stays on motion, camera and change.")
    else:
        w.notes.append(f"Image-to-video: {target.name} is not known to take a first frame; "
                       "describe the subject, setting and look in words, or use a model "
                       "that does.")


FRAME_FIXES = frozenset({"subject", "setting", "lighting", "color", "style", "consistency",
                         "lens"})
"""Components a first frame already fixes (critique.i2v.STATIC, by name)."""


def compare(prompt: str, kb: KnowledgeBase, from_model: str | None = None) -> Comparison:
    """The prompt rendered for every model, in the knowledge base's order."""
    return Comparison([translate(prompt, m, from_model, kb) for m in kb.models],
                      source_prompt=prompt)


# --- steps -------------------------------------------------------------------------------------

def _detect_dialect(prompt: str, kb: KnowledgeBase) -> str | None:
    for model in kb.models.values():
        style = model.camera.style
        phrases = "|".join(re.escape(p) for p in model.camera.moves.values())
        if style == "bracketed" and re.search(r"\[(?:" + phrases + r")(?:,\s*(?:" + phrases
                                              + r"))*\]", prompt, re.I):
            return model.id
        if style == "prefix" and re.match(r"\s*(?:[\w-]+ ){0,3}(?:" + phrases + r")[^:.]{0,30}:",
                                          prompt, re.I):
            return model.id
    return None


def _settings_words(w: _Work, prompt: str) -> None:
    t = w.target
    options = {
        "duration": f"{t.name} renders {_seconds(t.durations_s)} clips; pick the length in "
                    "its settings",
        "aspect ratio": f"{t.name} takes the aspect ratio ({', '.join(t.aspect_ratios)}) as a "
                        "setting",
        "resolution": f"resolution is an output setting on {t.name}, and quality words add "
                      "nothing the model can draw",
        "frame rate": f"frame rate is an output setting on {t.name}",
    }
    for kind, pattern in rules.SETTINGS_PATTERNS:
        for m in compiled(pattern).finditer(prompt):
            if not w.remove(m.start(), m.end()):
                continue
            why = options[kind] + "; written in the prompt it does nothing or gets drawn."
            w.changes.append(Change(component="settings", action="moved-to-settings",
                                    before=m.group(0), after=None, why=why, source=w.ref))
            comps = w.overlapped(m.start(), m.end())
            if comps:
                w.drop(m.group(0), why, comps)


def _seconds(values: tuple[float, ...]) -> str:
    return " or ".join(f"{v:g}" for v in values) + "-second"


def _avoided_words(w: _Work, prompt: str) -> None:
    for phrase in w.target.avoid:
        if not re.fullmatch(r"[A-Za-z0-9][\w' -]{0,24}", phrase) or len(phrase.split()) > 3:
            continue
        for m in compiled(re.escape(phrase)).finditer(prompt):
            if not w.remove(m.start(), m.end()):
                continue
            why = f"{w.target.name}'s profile lists '{phrase}' among words to avoid."
            comps = w.overlapped(m.start(), m.end())
            w.changes.append(Change(component=(comps[0].value if comps else "style"),
                                    action="removed", before=m.group(0), after=None, why=why,
                                    source=w.ref))
            if comps:
                w.drop(m.group(0), why, comps)


def _negations(w: _Work, prompt: str) -> None:
    """Take each negation out of the prompt: a model reads "no people" as "people".

    Where the target has a negative prompt the unwanted thing goes there; where it has not, the
    words are reported dropped. A positive rephrasing ("empty, deserted") is offered only as a
    suggestion in `changes`: those are not the author's words.
    """
    t = w.target
    for n in w.src.negations:
        start, end = n.start, n.end
        m = _REST.match(prompt, end)
        rest, after = (m.group(0), m.end()) if m else ("", end)
        at_stop = after == len(prompt) or prompt[after] in ",.;:\n"
        if (rest.strip() and at_stop and len(rest.split()) <= 3
                and not _PREPOSITION.match(rest.strip())):
            end += len(rest.rstrip())
        # Words already taken out ("no text and 4K": 4K went to the settings) end the negation.
        end = start + len(_TRAILING_JOIN.sub("", prompt[start:w.free_until(start, end)]))
        text = prompt[start:end]
        thing = rules.NEGATOR.sub("", text).strip()
        if not thing:
            continue
        comps = w.overlapped(start, end)
        if not w.remove(start, end):
            continue
        if t.negative_prompt:
            w.negatives.append(thing)
            w.changes.append(Change(
                component=comps[0].value if comps else "negation",
                action="moved-to-negative-prompt", before=text, after=None,
                why=f"{t.name} has a negative prompt field; models read 'no {thing}' as "
                    f"'{thing}', so the unwanted thing goes there.",
                source="negation-and-negative-prompts"))
        else:
            why = (f"{t.name} has no negative prompt and reads 'no {thing}' as '{thing}', so "
                   "the negation was taken out; say what the scene has instead.")
            w.drop(text, why, comps)
            w.changes.append(Change(
                component=comps[0].value if comps else "negation", action="removed",
                before=text, after=None, why=why, source="negation-and-negative-prompts"))
        positive = _positive(thing)
        if positive:
            w.changes.append(Change(
                component=comps[0].value if comps else "negation", action="suggested",
                before=text, after=positive,
                why=f"Suggestion, not added to the prompt: describe the state you want "
                    f"instead of '{text}', for example '{positive}'.",
                source="negation-and-negative-prompts"))


_TRAILING_JOIN = re.compile(r"(?:[\s,;]+(?:and|or|with)?)*\s*$", re.I)

# Up to four words after a negation, read possessively so a long run is scanned once.
_REST = re.compile(r"(?:[^\S\n]*+[^\s,.;:]++){0,4}+[^\S\n]*+")
_PREPOSITION = re.compile(r"(?:in|on|at|behind|near|around|from|of|during|inside|outside|under|"
                          r"over|across|through|by|while|as|so|to|for)\b", re.I)


def _positive(thing: str) -> str | None:
    words = thing.lower().split()
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]) in rules.POSITIVE:
            return rules.POSITIVE[" ".join(words[:n])]
    return rules.POSITIVE.get(words[-1]) if words else None


def _camera(w: _Work, prompt: str) -> tuple[list[str], dict[str, str]]:
    """Decide each camera span's fate; return the moves for the target's camera block and the
    author's manner word for each ("slow" dolly in), so the block says only what they wrote.

    A clause that is only camera direction is re-rendered in the target's syntax. A move inside
    a clause with other words stays in the prose where the author put it, and is not repeated
    in a camera block: saying it twice is repetition, not translation.
    """
    t = w.target
    syntax = t.camera
    spans = w.src.spans.get(C.CAMERA, [])
    if not spans:
        return [], {}
    block, manners = _foreign_brackets(w, prompt)
    converted = Intervals((e.start, e.end, None) for e in w.edits if not e.replacement)
    units = segment(prompt, w.src)
    by_unit = Intervals((u.start, u.end, i) for i, u in enumerate(units))
    inside: dict[int, list[tuple[Span, str | None]]] = {}
    for s in spans:
        if converted.overlapping(s.start, s.end):
            continue
        i = by_unit.containing(s.start)
        if i is not None:
            inside.setdefault(i, []).append((s, move_of(prompt, s)[0] or _phrase_move(w, s.text)))
    in_prose: set[str] = set()
    for i, found in inside.items():
        u = units[i]
        moves = collapse([m for _, m in found if m], w.source)
        words = _without(prompt, u, [s for s, _ in found])
        if not _camera_only(u, words):
            in_prose.update(m for _, m in found if m)
            continue
        bracket = u.text.startswith("[") and syntax.style != "bracketed"
        writable = [m for m in moves if commands(syntax, m)]
        missing = [m for m in moves if not commands(syntax, m)]
        if not (all(m for _, m in found) and not missing) and not (bracket and writable):
            if missing:
                w.changes.append(Change(
                    component=C.CAMERA.value, action="kept", before=u.text, after=u.text,
                    why=f"{t.name} has no phrase for {', '.join(missing)}; kept as written.",
                    source=w.ref))
            continue
        found_manners = _manners(prompt, u, found)
        if _rendered_as_is(syntax, moves, found_manners, u.text):
            continue
        if not w.remove(u.start, u.end):
            continue
        block += writable
        for move, word in found_manners.items():
            manners.setdefault(move, word)
        for move in missing:  # another dialect's bracket command this target cannot write
            w.drop(_move_text(w, prompt, move), f"{t.name} has no camera phrase for "
                   f"{move.replace('_', ' ')}, and bracketed commands are not its syntax.",
                   [C.CAMERA])
        leftover = _strip_manner(words)
        extra = [c for c in u.comps if c != C.CAMERA]
        if extra and leftover:
            w.drop(leftover, f"Linking words of a camera clause, folded into "
                   f"{t.name}'s camera syntax.", extra)
    distinct = list(dict.fromkeys(block))
    if syntax.style == "prose" and len(in_prose | set(distinct)) > syntax.max_moves:
        w.notes.append(f"{t.name} follows at most {syntax.max_moves} camera move(s) per clip; "
                       f"this prompt names {len(in_prose | set(distinct))} inside its sentences. "
                       "Keep the one that matters.")
    return distinct, manners


def _not_said_twice(w: _Work, moves: list[str], manners: dict[str, str],
                    text: str) -> list[str]:
    """Leave out of the camera block a move whose phrase the prose already says in the
    author's words ("[Pedestal up] ... as the camera rises"): saying it twice is a repeat."""
    if not moves:
        return moves
    said = _pairs(text)
    keep = []
    for move in moves:
        phrase, _, _ = render(w.target.camera, [move], manners)
        if _pairs(phrase) & said:
            w.changes.append(Change(
                component=C.CAMERA.value, action="kept", before=_move_text(w, w.src.prompt, move),
                after=None, why=f"The prompt already says this move in your words; "
                f"{w.target.name}'s phrase for it ('{phrase}') would repeat it.", source=w.ref))
        else:
            keep.append(move)
    return keep


def _pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent content words within each clause (the unit of a repeated phrase)."""
    out: set[tuple[str, str]] = set()
    for clause in re.split(r"[.;:,!?\n\[\]]+", text):
        words = content_words(clause)
        out.update(zip(words, words[1:], strict=False))
    return out


def _phrase_move(w: _Work, text: str) -> str | None:
    """A span the lexicon knows as camera but not as a move ("Shake"): the source dialect's
    own phrase for a move, read back."""
    if w.source is None:
        return None
    low = text.strip().lower()
    hits = [m for m, ph in w.source.camera.moves.items() if ph.lower() == low]
    return next((m for m in hits if m.replace("_", " ") == low), hits[0] if hits else None)


_BRACKET_GROUP = re.compile(r"\[([^\[\]\n]{1,120})\]")


def _foreign_brackets(w: _Work, prompt: str) -> tuple[list[str], dict[str, str]]:
    """Bracketed camera commands wherever they stand ("... and [Push in, Pan left], ..."):
    taken out and written in the target's camera syntax (for a bracket target, its block at
    the end), the moves it has no phrase for reported dropped."""
    block: list[str] = []
    for m in _BRACKET_GROUP.finditer(prompt):
        items = [i.strip() for i in m.group(1).split(",") if i.strip()]
        read = [_command_move(w, i) for i in items]
        known = [mv for mv in read if mv]
        if not items or len(known) < len(read):
            continue
        if not w.remove(m.start(), m.end()):
            continue
        for move in collapse(known, _bracket_profile(w)):
            if commands(w.target.camera, move):
                block.append(move)
            else:
                w.drop(m.group(0), f"{w.target.name} has no camera phrase for "
                       f"{move.replace('_', ' ')}, and bracketed commands are not its syntax.",
                       [C.CAMERA])
    return block, {}


def _command_move(w: _Work, item: str) -> str | None:
    """The canonical move of one bracketed command, in the source's dialect or any
    bracket dialect's."""
    low = item.lower()
    for p in [_bracket_profile(w), *w.bracket_dialects]:
        if p is None:
            continue
        hits = [mv for mv, ph in p.camera.moves.items() if ph.lower() == low]
        if hits:
            return next((mv for mv in hits if mv.replace("_", " ") == low), hits[0])
    return None


def _bracket_profile(w: _Work) -> ModelProfile | None:
    """The bracket dialect to read commands by: the source's, else the first one known."""
    if w.source is not None and w.source.camera.style == "bracketed":
        return w.source
    return w.bracket_dialects[0] if w.bracket_dialects else None


def _manners(prompt: str, u: Unit, found: list[tuple[Span, str | None]]) -> dict[str, str]:
    """The author's manner word for each move of a camera-only clause, looked for inside the
    span and between it and its neighbours ("slowly pans left", "pan left, slowly")."""
    out: dict[str, str] = {}
    bounds = [u.start] + [s.end for s, _ in found]
    nexts = [s.start for s, _ in found[1:]] + [u.end]
    for k, (s, move) in enumerate(found):
        if move is None:
            continue
        word = (manner_of(s.text) or manner_of(prompt[bounds[k]:s.start])
                or manner_of(prompt[s.end:nexts[k]]))
        if word:
            out.setdefault(move, word)
    return out


def _strip_manner(words: str) -> str:
    return " ".join(x for x in words.split() if not manner_of(x))


def _unwritten_manners(w: _Work, manners: dict[str, str], used: list[str]) -> None:
    """Bracketed commands take no adverb: say so rather than lose the author's word silently."""
    if w.target.camera.style != "bracketed":
        return
    for move in used:
        if move in manners:
            w.drop(manners[move], f"{w.target.name}'s bracketed camera commands take no speed "
                   "or manner; say it in the scene description if it matters.", [C.CAMERA])


def _leading_camera(w: _Work, prompt: str) -> None:
    """A prompt that opens with camera or shot words ("Low angle static shot of a tree") gets
    them as the prefix a prefix-style target (Runway) reads first, in the author's words:
    only the connector becomes the colon."""
    kinds = (C.CAMERA, C.SHOT, C.LENS)
    spans = sorted((s for c in kinds for s in w.src.spans.get(c, [])), key=lambda s: s.start)
    if not spans or C.CAMERA not in w.src.spans and C.SHOT not in w.src.spans:
        return
    m = _OPENING.match(prompt)
    pos = m.end() if m else 0
    end = pos
    for s in spans:
        if s.end <= pos:
            continue
        if s.start <= end:
            end = max(end, s.end)
            continue
        if not _JOINER.fullmatch(prompt, end, s.start):
            break
        end = s.end
    if end == pos:
        return
    conn = _CONNECTOR.match(prompt, end)
    if not conn or w.overlapped(conn.start(), conn.end()):
        return
    if w.remove(conn.start(), conn.end(), ": "):
        head = prompt[pos:end]
        w.changes.append(Change(
            component=C.CAMERA.value, action="camera-syntax", before=head + conn.group(0).rstrip(),
            after=head + ":", why=_camera_why(w.target), source="camera-language"))


_OPENING = re.compile(r"\s*")
_JOINER = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+)")
_CONNECTOR = re.compile(r"\s+(?:of|on|showing|capturing|following)\s+", re.I)


def _camera_only(u: Unit, words: str) -> bool:
    """A clause that is only camera direction ("Slow dolly in, then pan right")."""
    if C.CAMERA not in u.comps or any(c not in (C.CAMERA, C.PACING, C.MOTION) for c in u.comps):
        return False
    return len(_strip_manner(words).split()) <= 2


def _without(prompt: str, u: Unit, spans: list[Span]) -> str:
    """The unit's words outside the given camera spans (those that start inside it)."""
    text, pos = [], u.start
    for s in sorted(spans, key=lambda s: s.start):
        text.append(prompt[pos:s.start])
        pos = max(pos, s.end)
    text.append(prompt[pos:u.end])
    return re.sub(r"[\s,;:.\[\]]+", " ", "".join(text)).strip()


def _rendered_as_is(syntax: CameraSyntax, moves: list[str], manners: dict[str, str],
                    text: str) -> bool:
    """A clause already in the target's syntax (its own phrase or bracket block) stays put;
    a prefix target still needs it moved to the front."""
    if syntax.style == "prefix":
        return False
    rendered, _, over = render(syntax, moves, manners)
    return not over and rendered.rstrip(":").lower() == text.strip().rstrip(":").lower()


def _move_text(w: _Work, prompt: str, move: str) -> str:
    """The author's words for a move (read once per translation, not once per move)."""
    if w.move_texts is None:
        w.move_texts = {}
        for s in w.src.spans.get(C.CAMERA, []):
            w.move_texts.setdefault(move_of(prompt, s)[0] or "", s.text)
    return w.move_texts.get(move) or move.replace("_", " ")


def _camera_why(t: ModelProfile) -> str:
    style = t.camera.style
    if style == "prefix":
        return (f"{t.name} follows camera direction best when the move comes first, as "
                "'[camera movement]: [scene]. [details]'.")
    if style == "bracketed":
        return (f"{t.name} takes camera moves as bracketed commands, up to "
                f"{t.camera.max_moves} combined.")
    return f"Written in the camera phrases {t.name} responds to."


def _drop_sound(w: _Work, units: list[Unit]) -> list[Unit]:
    if w.target.audio:
        return units
    kept = []
    for u in units:
        if u.group == "sound" or rules.SOUND_LABEL.match(u.text):
            w.drop(u.text, f"{w.target.name} makes silent video: sound, music and dialogue are "
                   "ignored or drawn as objects. Add the sound in the edit.",
                   u.comps or [C.AUDIO])
            w.changes.append(Change(component=C.AUDIO.value, action="dropped", before=u.text,
                                    after=None, why=f"{w.target.name} has no native audio.",
                                    source="audio-and-dialogue"))
        else:
            kept.append(u)
    return kept


def _vocabulary(w: _Work, units: list[Unit]) -> None:
    """Write a synonym in the spelling the target's vocabulary lists, unless the prompt
    already says it (mapping "bokeh" next to "shallow depth of field" would repeat it)."""
    vocab = " | ".join(v.lower() for v in w.target.vocabulary)
    said: set[tuple[str, str]] | None = None
    for group in rules.SYNONYMS:
        preferred = next((g for g in group if g in vocab), None)
        if preferred is None:
            continue
        others = [g for g in group if g != preferred]
        pattern = compiled("|".join(re.escape(o) for o in others))
        if not any(pattern.search(u.text) for u in units):
            continue
        if said is None:
            said = set().union(*(_pairs(u.text) for u in units))
        if _pairs(preferred) & said or any(
                compiled(re.escape(preferred)).search(u.text) for u in units):
            continue
        for u in units:
            m = pattern.search(u.text)
            if not m:
                continue
            after = preferred[0].upper() + preferred[1:] if m.group(0)[0].isupper() else preferred
            u.text = u.text[:m.start()] + after + u.text[m.end():]
            if len(u.text) <= _REREAD_LIMIT:
                # A longer spelling can change which component the clause is mostly about,
                # and so where the target's order puts it: read the short clause again.
                u.comps = _clause_components(u.text) or u.comps
            comp = analyze(after).present
            w.changes.append(Change(
                component=comp[0].value if comp else (u.primary or C.STYLE).value,
                action="vocabulary", before=m.group(0), after=after,
                why=f"{w.target.name}'s profile lists '{preferred}' among the words it "
                    "responds to.", source=w.ref))


_REREAD_LIMIT = 300
"""Clauses up to this long are re-read after a vocabulary change (a bounded cost)."""


def _clause_components(text: str) -> list[C]:
    units = segment(text, analyze(text))
    return units[0].comps if len(units) == 1 else []


def _steers(w: _Work, now: Analysis, covered: set[C]) -> None:
    """Each of the target's known leans, handled without writing words the author did not.

    Where the author wrote the component, their words are pinned: kept, trimmed last to fit,
    and the change says what the model would otherwise do. Where they left it open, the
    profile's steer is offered as a labelled suggestion in `changes`, never put in the prompt.
    """
    t = w.target
    for bias in t.biases:
        if bias.component == C.AUDIO and not t.audio:
            continue
        words = _author_words(now, bias.component) or (
            w.src.text(bias.component) if bias.component in covered else None)
        if words or bias.component in covered:
            w.pinned.add(bias.component)
            if bias.component == C.PACING and not now.has(C.PACING):
                w.pinned.add(C.MOTION)
            w.changes.append(Change(
                component=bias.component.value, action="pinned", before=words, after=words,
                why=f"{t.name}: {bias.tendency} Your prompt decides it"
                    + (f" ('{words}')" if words else "") + ", so your words are kept as "
                    "written and are the last trimmed to fit a length limit.", source=w.ref))
            continue
        steer, negatives, advice = _parse_steer(bias.steer, w.src.prompt)
        if advice and GROUP[bias.component] == "scene":
            steer = ""  # examples of scene content ("waves crash") would invent a new scene
        if advice:
            w.notes.append(f"{bias.component.value} ({t.name}): {bias.tendency} "
                           f"Tip: {advice}.")
        offer = [steer] if steer else []
        if negatives and t.negative_prompt:
            offer.append("negative prompt: " + ", ".join(negatives))
        if not offer:
            continue
        w.changes.append(Change(
            component=bias.component.value, action="suggested", before=None,
            after="; ".join(offer),
            why=f"{t.name}: {bias.tendency} Your prompt leaves it open. Suggestion only, not "
                f"added to the prompt: add it if you want to steer {t.name}'s default.",
            source=w.ref))


def _author_words(now: Analysis, comp: C) -> str | None:
    """The author's own words for a component (for pace, their speed words count too)."""
    if now.has(comp) and now.strength(comp) >= WEAK:
        return now.text(comp)
    if comp == C.PACING and now.has(C.MOTION) and now.strength(C.MOTION) >= WEAK:
        return now.text(C.MOTION)
    return None


def _parse_steer(steer: str, prompt: str) -> tuple[str, list[str], str]:
    """(prompt words, negative-prompt words, advice for the writer) from a profile's steer."""
    words, negatives, advice = [], [], ""
    for part in (p.strip() for p in steer.split(";")):
        neg = re.match(r"negative prompt\s*[\"\u201c](.+?)[\"\u201d]", part, re.I)
        if neg:
            negatives += [n.strip() for n in neg.group(1).split(",") if n.strip()]
            continue
        example = re.search(r"\be\.g\.,?\s*(.+)$", part)
        if example:
            if rules.ADVICE.match(part):
                advice = part[:example.start()].strip(" ,")
            part = example.group(1).strip().strip("\"\u201c\u201d")
        elif rules.ADVICE.match(part):
            advice = part
            continue
        part = re.split(r"\s+or\s+", part)[0]
        label = ""
        lab = re.match(r"^([A-Z][\w ]{1,15}:)\s*", part)
        if lab:
            label, part = lab.group(1) + " ", part[lab.end():]
        phrases = [p.strip() for p in part.rstrip(".").split(",") if p.strip()]
        phrases = [p for p in phrases if _fits_scene(p, prompt)]
        if phrases:
            words.append(label + ", ".join(phrases))
    return ", ".join(words), negatives, advice


def _fits_scene(phrase: str, prompt: str) -> bool:
    """A steer phrase worth suggesting: its scene is there, and nothing the author wrote
    contradicts it."""
    for needs, scene in rules.STEER_CONTEXT:
        if re.search(needs, phrase, re.I) and not re.search(scene, prompt, re.I):
            return False
    for steer, ruled_out in rules.STEER_CONFLICTS:
        if re.search(steer, phrase, re.I) and re.search(ruled_out, prompt, re.I):
            return False
    return True


def _lower(text: str) -> str:
    text = text.strip()
    return (text[0].lower() + text[1:]) if text else text


def _units(w: _Work, text: str, a: Analysis, report: bool = True) -> list[Unit]:
    """The movable units of the cleaned text, without sound for a silent target, in the
    target's vocabulary. `report=False` rebuilds them after a cut without reporting twice."""
    if not text:
        return []
    scratch = w if report else _Work(src=w.src, target=w.target, source=w.source)
    units = _drop_sound(scratch, segment(text, a))
    _vocabulary(scratch, units)
    return units


def _pre_trim(w: _Work, cleaned: str) -> ClausePlan | None:
    """For a text over the target's limit, cut it down before it is cut into units, so a long
    prompt is segmented at about the limit's length, not its own (fit.py)."""
    limit = w.target.max_prompt_chars
    if len(cleaned) <= limit:
        return None
    plan = ClausePlan(cleaned, analyze(cleaned), set(w.pinned))
    _cut_to(plan, limit, plan.length)
    return plan


def _cut_to(plan: ClausePlan, limit: int, measure: Callable[[], int]) -> int:
    """Cut until `measure()` fits: whole clauses first, then the last words of clauses (never a
    camera span, the main subject or what comes before them in their clause), then, only if
    those alone are too long, the end of the prompt whatever it holds. Each round cuts about
    the excess; a second round mends the estimate."""
    size = measure()
    steps = (plan.take, plan.take_words, lambda excess: plan.take_words(excess, protect=False))
    for step in steps:
        for _ in range(4):
            if size <= limit or not step(size - limit):
                break
            size = measure()
    return size


def _fit(w: _Work, cleaned: str, plan: ClausePlan | None, text: str, units: list[Unit],
         extra: list[Unit], prefix: str) -> tuple[str, list[Unit]]:
    """Trim to the target's length limit, least important words first (fit.py).

    Cuts are made in the cleaned text, whose analysis is shifted rather than re-read, so a long
    prompt costs one analysis however many models it is translated for (issue 14).
    """
    limit = w.target.max_prompt_chars
    if len(text) > limit:
        plan = plan or ClausePlan(cleaned, analyze(cleaned), set(w.pinned))
        state: dict[str, Any] = {"text": text, "units": units, "fresh": True}

        def measure() -> int:
            """The assembled length after the cuts so far (the first call: as it stands)."""
            if not state.pop("fresh", False):
                short, short_analysis = plan.apply()
                state["units"] = _units(w, short, short_analysis, report=False) + extra
                state["text"] = assemble(state["units"], w.target, prefix)
            return len(state["text"])

        _cut_to(plan, limit, measure)
        text, units = state["text"], state["units"]
    if plan is not None:
        reason = (f"{w.target.name} reads about {limit:,} characters; the least important "
                  "words were trimmed first (the camera and the subject last).")
        cut: dict[C, list[str]] = {}  # one entry per component, not one per cut clause
        for body, comps in plan.cuts:
            for comp in comps or [C.STYLE]:
                cut.setdefault(comp, []).append(body)
        for comp, bodies in cut.items():
            w.drop("; ".join(b for b in bodies if b), reason, [comp])
    if len(text) > limit:  # what is left is longer only by the target's own syntax
        text = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "."
    return text, units


def _report_order(w: _Work, units: list[Unit], source_order: list[C]) -> None:
    after = [u.primary for u in units if u.primary and not u.added]
    if not source_order or after == source_order:
        return
    order = ", ".join(c.value for c in w.target.component_order)
    w.changes.append(Change(
        component="structure", action="reordered",
        before=" → ".join(dict.fromkeys(c.value for c in source_order)),
        after=" → ".join(dict.fromkeys(c.value for c in after)),
        why=f"{w.target.name} reads the start of a prompt most reliably and prefers the order "
            f"{order}.", source="dialect-translation"))


# --- text helpers ------------------------------------------------------------------------------

def _apply(text: str, edits: list[_Edit]) -> str:
    """Apply edits in one pass; a removal also takes the words it leaves dangling before it
    ("as the camera") and a joining "and" it leaves at the start of a clause after it."""
    out = _Builder()
    pos = 0
    for e in sorted(edits, key=lambda e: e.start):
        out.add(text, pos, e.start)
        if not e.replacement and _FOLLOWS_STOP.match(text, e.end):
            _trim_dangling(out)
        out.add(e.replacement, 0, len(e.replacement))
        pos = max(pos, e.end)
        if not e.replacement and _AT_CLAUSE_START.search(out.tail(2) or "."):
            joiner = _LEADING_JOIN.match(text, pos)  # "5 seconds and a fox" -> "a fox"
            if joiner:
                pos = joiner.end()
    out.add(text, pos, len(text))
    return out.text()


class _Builder:
    """Output text as views (string, start, end) of the pieces it is made of, so trimming its
    end moves an index instead of copying the text (linear time, issue 14)."""

    def __init__(self) -> None:
        self.parts: list[list[Any]] = []  # [string, start, end]
        self.size = 0

    def add(self, s: str, start: int, end: int) -> None:
        if end > start:
            self.parts.append([s, start, end])
            self.size += end - start

    def tail(self, size: int) -> str:
        pieces, n = [], 0
        for s, start, end in reversed(self.parts):
            take = min(size - n, end - start)
            pieces.append(s[end - take:end])
            n += take
            if n >= size:
                break
        return "".join(reversed(pieces))

    def cut(self, count: int) -> None:
        self.size -= count
        while count > 0:
            part = self.parts[-1]
            if part[2] - part[1] <= count:
                count -= part[2] - part[1]
                self.parts.pop()
            else:
                part[2] -= count
                count = 0

    def text(self) -> str:
        return "".join(s[a:b] for s, a, b in self.parts)


def _trim_dangling(out: _Builder) -> None:
    """Strip the words a removal leaves hanging ("as the camera", "with a") from the end.

    Each look reads a bounded window of the end; a window that might cut a word in two grows.
    """
    window = 64
    while out.size:
        tail = out.tail(window)
        m = _DANGLING.search(tail)
        if m is None:
            return
        if m.start() == 0 and len(tail) < out.size:
            window *= 2  # the match may start before the window: look further back
            continue
        out.cut(len(tail) - m.start())
        window = 64


_AT_CLAUSE_START = re.compile(r"(?:^|[.!?;:,\n]\s*)$")
_LEADING_JOIN = re.compile(r"\s*(?:and|or)\s+(?=\w)", re.I)
_FOLLOWS_STOP = re.compile(r"\s*(?:[,.;:!?\]\n]|$)")
_DANGLING = re.compile(r"(?:(?<=\s)|^)(?:(?:as |while |and )?(?:the )?camera(?: \w+ly)?|on|in|"
                       r"with|a|an|the|and|of|into|to|as|while|at|from|by)\s*$", re.I)


def _tidy(text: str) -> str:
    """Clean the seams edits leave. Every pattern is anchored or possessive, so a long run of
    spaces or commas is read once, not once per character."""
    text = re.sub(r"\[[,\s]*+\]", "", text)
    text = re.sub(r"\(\s*+\)", "", text)
    text = re.sub(r"[ \t]{2,}+", " ", text)
    text = re.sub(r"(?<![ \t])[ \t]++(?=[,.;:!?])", "", text)
    text = re.sub(r"[,;:]\s*+(?=[,;:.])", "", text)
    text = re.sub(r"(?m)^[ \t]*+[,;:.][ \t]*+", "", text)
    text = re.sub(r"(?<=[.!?])[ \t]*+[,;:]++", "", text)
    text = re.sub(r"\.[ \t]*+\.", ".", text)
    text = "\n".join(line.rstrip(" \t,;") for line in text.split("\n"))
    return text.rstrip(",;: \t\n\r\f\v").strip()
