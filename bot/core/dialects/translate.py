"""Rewrite a prompt in another model's dialect, saying what changed and why.

The author's words are kept and moved, not paraphrased: the prompt is cut into units that never
split a component's words (segments.py), units are reordered for the target, and only the
things the target reads differently are rewritten (camera syntax, negation, settings words,
vocabulary). Anything removed is reported in `dropped` with the reason, so nothing is lost
silently; tests check that against a fresh analysis of every translation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.core.critique.analysis import analyze as _analyze
from bot.core.critique.analysis import compiled
from bot.core.critique.components import COMPONENTS
from bot.core.critique.components import Component as C
from bot.core.critique.results import Analysis, Span
from bot.core.dialects import rules
from bot.core.dialects.camera import collapse, commands, move_of, render
from bot.core.dialects.layout import assemble
from bot.core.dialects.segments import GROUP, Unit, segment
from bot.core.dialects.types import Change, Comparison, Dropped, Translation
from bot.core.knowledge import CameraSyntax, KnowledgeBase, ModelProfile
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

    @property
    def ref(self) -> str:
        return f"model:{self.target.id}"

    def overlapped(self, start: int, end: int) -> list[C]:
        return [c for c, spans in self.src.spans.items()
                if any(s.start < end and start < s.end for s in spans)]

    def drop(self, text: str, reason: str, comps: Sequence[C | str] | None = None,
             fallback: str = "negation") -> None:
        for comp in comps or [fallback]:
            name = comp.value if isinstance(comp, C) else comp
            self.dropped.append(Dropped(component=name, text=text.strip(), reason=reason))

    def remove(self, start: int, end: int, replacement: str = "") -> bool:
        if any(e.start < end and start < e.end for e in self.edits):
            return False
        self.edits.append(_Edit(start, end, replacement))
        return True


def translate(prompt: str, to_model: str, from_model: str | None = None,
              kb: KnowledgeBase | None = None) -> Translation:
    """Rewrite `prompt` for `to_model` (a profile id or name); `from_model` names its dialect."""
    if kb is None:
        raise ValueError("translate needs the knowledge base")
    target = kb.models[resolve_model(kb, to_model) or to_model]
    named_source = resolve_model(kb, from_model)
    source_id = named_source or _detect_dialect(prompt, kb)
    w = _Work(src=analyze(prompt), target=target,
              source=kb.models.get(source_id) if source_id else None)
    if source_id and not named_source:
        w.notes.append(f"The prompt looks written for {kb.models[source_id].name} "
                       f"(its camera syntax); read as that dialect.")

    _settings_words(w, prompt)
    _avoided_words(w, prompt)
    _negations(w, prompt)
    block_moves = _camera(w, prompt)
    cleaned = _tidy(_apply(prompt, w.edits))
    units = segment(cleaned, analyze(cleaned)) if cleaned else []
    units = _drop_sound(w, units)
    _vocabulary(w, units)
    units += _biases(w, analyze(cleaned), {C.CAMERA} if block_moves else set())

    block, prefix = "", ""
    if block_moves:
        block, used, over = render(target.camera, block_moves)
        for move in over:
            w.drop(_move_text(w, prompt, move), f"{target.name} follows at most "
                   f"{target.camera.max_moves} camera move(s) per clip; more moves fight each "
                   f"other, so the later one was left out.", [C.CAMERA])
        if block:
            w.changes.append(Change(
                component=C.CAMERA.value, action="camera-syntax",
                before=", ".join(_move_text(w, prompt, m) for m in used), after=block,
                why=_camera_why(target), source="camera-language"))
        if target.camera.style == "prefix":
            prefix, block = block, ""
    if block:
        units.append(Unit(text=block, comps=[C.CAMERA], index=10_000, opens=True, added=True))

    text = assemble(units, target, prefix)
    text = _fit(w, units, prefix, text)
    source_order = [u.primary for u in sorted(units, key=lambda u: u.index)
                    if u.primary and not u.added]
    _report_order(w, units, source_order)
    words = len(re.findall(r"[A-Za-z][A-Za-z'-]*", text))
    low, high = target.ideal_words
    if words > high:
        w.notes.append(f"{words} words: {target.name} reads best at {low}-{high} words; "
                       f"consider trimming.")
    elif words < low:
        w.notes.append(f"{words} words: {target.name} usually does better with {low}-{high}.")
    negative = ", ".join(dict.fromkeys(n for n in w.negatives if n)) or None
    return Translation(prompt=text, negative_prompt=negative if target.negative_prompt else None,
                       changes=w.changes, dropped=w.dropped, model=target.id,
                       from_model=source_id, source_prompt=prompt, notes=w.notes)


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
    t = w.target
    for n in w.src.negations:
        start, end = n.start, n.end
        rest = re.match(r"[^,.;:\n]*", prompt[end:]).group(0)  # type: ignore[union-attr]  # `*` always matches
        if rest.strip() and len(rest.split()) <= 3 and not _PREPOSITION.match(rest.strip()):
            end += len(rest.rstrip())
        text = prompt[start:end]
        thing = rules.NEGATOR.sub("", text).strip()
        positive = _positive(thing)
        comps = w.overlapped(start, end)
        if t.negative_prompt:
            if not w.remove(start, end, positive or ""):
                continue
            w.negatives.append(thing)
            w.changes.append(Change(
                component=comps[0].value if comps else "negation",
                action="moved-to-negative-prompt", before=text, after=positive,
                why=f"{t.name} has a negative prompt field; models read 'no {thing}' as "
                    f"'{thing}', so the unwanted thing goes there"
                    + (" and the prompt says what you want instead" if positive else "") + ".",
                source="negation-and-negative-prompts"))
        elif positive:
            if not w.remove(start, end, positive):
                continue
            w.changes.append(Change(
                component=comps[0].value if comps else "negation", action="rephrased-positively",
                before=text, after=positive,
                why=f"{t.name} has no negative prompt and reads 'no {thing}' as '{thing}'; "
                    "describe the state you want instead.",
                source="negation-and-negative-prompts"))
            kept = analyze(positive)
            lost = [c for c in comps if not kept.has(c)]
            if lost:
                w.drop(text, f"rephrased positively as '{positive}' for {t.name}, which has no "
                       "negative prompt.", lost)
        elif w.remove(start, end):
            w.drop(text, f"{t.name} has no negative prompt and reads 'no {thing}' as "
                   f"'{thing}'; no positive rephrasing is known, so say what the scene has "
                   "instead.", comps)


_PREPOSITION = re.compile(r"(?:in|on|at|behind|near|around|from|of|during|inside|outside|under|"
                          r"over|across|through|by|while|as|so|to|for)\b", re.I)


def _positive(thing: str) -> str | None:
    words = thing.lower().split()
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]) in rules.POSITIVE:
            return rules.POSITIVE[" ".join(words[:n])]
    return rules.POSITIVE.get(words[-1]) if words else None


def _camera(w: _Work, prompt: str) -> list[str]:
    """Decide each camera span's fate; return the moves for the target's camera block."""
    t = w.target
    syntax = t.camera
    spans = w.src.spans.get(C.CAMERA, [])
    if not spans:
        return []
    units = segment(prompt, w.src)
    only = [u for u in units if _camera_only(u, spans, prompt)]
    found: list[tuple[Span, str | None, int, Unit | None]] = []  # (span, move, end, unit or None)
    for s in spans:
        move, end = move_of(prompt, s)
        unit = next((u for u in only if u.start <= s.start < u.end), None)
        found.append((s, move, end, unit))
    block: list[str] = []
    # Whole camera clauses whose moves the target can write are re-rendered in its syntax.
    for u in only:
        inside = [(s, m, e) for s, m, e, uu in found if uu is u]
        moves = collapse([m for _, m, _ in inside if m], w.source)
        if inside and all(m for _, m, _ in inside) and all(commands(syntax, m) for m in moves):
            if _rendered_as_is(syntax, moves, u.text):
                continue
            if w.remove(u.start, u.end):
                block += moves
                extra = [c for c in u.comps if c != C.CAMERA]
                if extra:
                    w.drop(_without(prompt, u, spans), f"Linking words of a camera clause, "
                           f"folded into {t.name}'s camera syntax.", extra)
        elif moves:
            missing = [m for m in moves if not commands(syntax, m)]
            if missing:
                w.changes.append(Change(
                    component=C.CAMERA.value, action="kept", before=u.text, after=u.text,
                    why=f"{t.name} has no phrase for {', '.join(missing)}; kept as written.",
                    source=w.ref))
    # Moves inside a clause with other words stay in the prose (cutting them out breaks the
    # sentence); prefix and bracketed targets also get them in their camera block, since
    # repeating the move where the model looks for it helps adherence.
    if syntax.style in ("prefix", "bracketed"):
        for u in units:
            if u in only or C.CAMERA not in u.comps:
                continue
            nearby = [(m, s) for s, m, _e, _u in found if u.start <= s.start < u.end]
            moves = collapse([m for m, _ in nearby if m], w.source)
            if nearby and all(m for m, _ in nearby) and all(commands(syntax, m) for m in moves):
                block += moves
    distinct = list(dict.fromkeys(block))
    in_prose = {m for _s, m, _e, u in found if m and u is None}
    if syntax.style == "prose" and len(in_prose | set(distinct)) > syntax.max_moves:
        w.notes.append(f"{t.name} follows at most {syntax.max_moves} camera move(s) per clip; "
                       f"this prompt names {len(in_prose | set(distinct))} inside its sentences. "
                       "Keep the one that matters.")
    return distinct


def _camera_only(u: Unit, spans: Sequence[Span], prompt: str) -> bool:
    """A clause that is only camera direction ("Slow dolly in, then pan right")."""
    if C.CAMERA not in u.comps or any(c not in (C.CAMERA, C.PACING, C.MOTION) for c in u.comps):
        return False
    return len(_without(prompt, u, spans).split()) <= 2


def _without(prompt: str, u: Unit, spans: Sequence[Span]) -> str:
    """The unit's words outside its camera spans."""
    text, pos = [], u.start
    for s in sorted(spans, key=lambda s: s.start):
        if u.start <= s.start < u.end:
            text.append(prompt[pos:s.start])
            pos = max(pos, s.end)
    text.append(prompt[pos:u.end])
    return re.sub(r"[\s,;:.\[\]]+", " ", "".join(text)).strip()


def _rendered_as_is(syntax: CameraSyntax, moves: list[str], text: str) -> bool:
    """A clause already in the target's syntax (e.g. a prose target's own phrase) stays put."""
    if syntax.style != "prose":
        return False
    rendered, _, over = render(syntax, moves)
    return not over and rendered.lower() == text.strip().lower()


def _move_text(w: _Work, prompt: str, move: str) -> str:
    for s in w.src.spans.get(C.CAMERA, []):
        if move_of(prompt, s)[0] == move:
            return s.text
    return move.replace("_", " ")


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
    vocab = " | ".join(v.lower() for v in w.target.vocabulary)
    for group in rules.SYNONYMS:
        preferred = next((g for g in group if g in vocab), None)
        if preferred is None:
            continue
        others = [g for g in group if g != preferred]
        pattern = compiled("|".join(re.escape(o) for o in others))
        for u in units:
            if compiled(re.escape(preferred)).search(u.text):
                continue
            m = pattern.search(u.text)
            if not m:
                continue
            after = preferred[0].upper() + preferred[1:] if m.group(0)[0].isupper() else preferred
            u.text = u.text[:m.start()] + after + u.text[m.end():]
            comp = analyze(after).present
            w.changes.append(Change(
                component=comp[0].value if comp else (u.primary or C.STYLE).value,
                action="vocabulary", before=m.group(0), after=after,
                why=f"{w.target.name}'s profile lists '{preferred}' among the words it "
                    "responds to.", source=w.ref))


def _biases(w: _Work, now: Analysis, covered: set[C]) -> list[Unit]:
    """Steer each component the prompt leaves open against the target's known lean."""
    added: list[Unit] = []
    t = w.target
    for bias in t.biases:
        if bias.component in covered or (
                now.has(bias.component) and now.strength(bias.component) >= WEAK):
            continue
        if bias.component == C.AUDIO and not t.audio:
            continue
        words, negatives, advice = _parse_steer(bias.steer, w.src.prompt)
        if advice and GROUP[bias.component] == "scene":
            words = ""  # examples of scene content ("waves crash") would invent a new scene
        if advice:
            w.notes.append(f"{bias.component.value} ({t.name}): {bias.tendency} "
                           f"Tip: {advice}.")
        if negatives and t.negative_prompt:
            w.negatives += negatives
            w.changes.append(Change(
                component=bias.component.value, action="moved-to-negative-prompt", before=None,
                after=", ".join(negatives), why=f"{t.name}: {bias.tendency}",
                source=w.ref))
        if not words:
            continue
        added.append(Unit(text=words, comps=[bias.component], index=20_000 + len(added),
                          opens=True, added=True))
        state = "leaves it open" if not now.has(bias.component) else "only hints at it"
        w.changes.append(Change(
            component=bias.component.value, action="added", before=None, after=words,
            why=f"{t.name}: {bias.tendency} The source {state}, so this steers it.",
            source=w.ref))
    return added


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
    for needs, scene in rules.STEER_CONTEXT:
        if re.search(needs, phrase, re.I) and not re.search(scene, prompt, re.I):
            return False
    return True


def _lower(text: str) -> str:
    text = text.strip()
    return (text[0].lower() + text[1:]) if text else text


def _fit(w: _Work, units: list[Unit], prefix: str, text: str) -> str:
    """Trim to the target's length limit: added steers first, then low-weight components."""
    limit = w.target.max_prompt_chars
    while len(text) > limit:
        victims = [u for u in units if u.comps != [C.CAMERA] or not u.added]
        if not victims:
            break

        def cost(u: Unit) -> tuple[bool, bool, float, int]:
            essential = any(COMPONENTS[c].essential and c in (C.SUBJECT, C.ACTION)
                            for c in u.comps)
            weight = max((COMPONENTS[c].weight for c in u.comps), default=0)
            return (not u.added, essential, weight, -u.index)

        victim = min(victims, key=cost)
        if cost(victim)[1] and len(victims) == 1:
            break
        units.remove(victim)
        reason = (f"{w.target.name} reads about {limit:,} characters; the rest is cut off, so "
                  f"the lowest-weight part was trimmed first.")
        if victim.added:
            w.notes.append(f"Left out the {victim.primary.value} steer '{victim.text}': "  # type: ignore[union-attr]  # an added steer has its component
                           "no room under the length limit.")
        else:
            w.drop(victim.text, reason, victim.comps or [C.STYLE])
        text = assemble(units, w.target, prefix)
    if len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "."
        tail = text[len(cut) - 1:].strip(" .")
        comps = analyze(tail).present
        w.drop(tail, f"{w.target.name} reads about {limit:,} characters; the end was cut.",
               comps or [C.STYLE])
        text = cut
    return text


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
    """Apply edits from the end; a removal also takes the words it leaves dangling."""
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        before, after = text[:e.start], text[e.end:]
        if not e.replacement and re.match(r"\s*(?:[,.;:!?\]\n]|$)", after):
            while True:
                trimmed = _DANGLING.sub("", before)
                if trimmed == before:
                    break
                before = trimmed
        text = before + e.replacement + after
    return text


_DANGLING = re.compile(r"(?:(?<=\s)|^)(?:(?:as |while |and )?(?:the )?camera(?: \w+ly)?|on|in|"
                       r"with|a|an|the|and|of|into|to|as|while|at|from|by)\s*$", re.I)


def _tidy(text: str) -> str:
    text = re.sub(r"\[\s*[,\s]*\]", "", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"[ \t]+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])\s*(?=[,;:.])", "", text)
    text = re.sub(r"(?m)^[ \t]*[,;:.][ \t]*", "", text)
    text = re.sub(r"(?<=[.!?])[ \t]*[,;:]+", "", text)
    text = re.sub(r"\.[ \t]*\.", ".", text)
    text = re.sub(r"(?m)[ \t]*[,;]+[ \t]*$", "", text)
    return re.sub(r"[,;:\s]+$", "", text).strip()
