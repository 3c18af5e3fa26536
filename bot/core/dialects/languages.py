"""Translating a prompt written in another language than English (issue 16).

A model that reads the prompt's language keeps it: Kling, Hailuo, Wan and HunyuanVideo read
Chinese, so a Chinese prompt for them stays Chinese, in the author's words (the dialect's English
vocabulary is not mixed in; a bracketed camera command such as Hailuo's `[Push in]` is that
model's syntax, so it is added). A model that reads English only is told so plainly: the prompt
is returned unchanged, never silently half-translated, with its structure in the target's order
(each part in the author's words, camera moves with the target's own English phrase as a hint)
so a person or the configured LLM can translate it (`Engine.translate` does the LLM part).
"""

from __future__ import annotations

from typing import Any

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C
from bot.core.dialects.types import Change, Translation
from bot.core.knowledge import ModelProfile
from bot.core.language import detect_language, language_name


def needs_language_handling(prompt: str) -> str | None:
    """The prompt's language code when it is not English (and there is text to read)."""
    code = detect_language(prompt).code
    return None if code in ("en", "und") else code


def keep_language(prompt: str, target: ModelProfile, code: str) -> Translation:
    """For a model that reads `code`: the prompt as written, plus the model's camera command
    when its syntax is bracketed commands."""
    name = language_name(code)
    text = prompt.strip()
    changes = [Change(component="structure", action="kept", before=None, after=None,
                      why=f"{target.name} reads {name}: the prompt stays in {name}, in your "
                          f"words; the dialect's English vocabulary is not mixed in.",
                      source=f"model:{target.id}")]
    moves = [m for m in analyze(text).camera_moves if m in target.camera.moves]
    if target.camera.style == "bracketed" and moves:
        block = target.camera.template.format(
            moves=", ".join(target.camera.moves[m] for m in moves[:target.camera.max_moves]))
        text = f"{text} {block}"
        changes.append(Change(component=C.CAMERA.value, action="camera-syntax", before=None,
                              after=block, why=f"{target.name} follows camera moves given as "
                              f"its bracketed commands.", source=f"model:{target.id}"))
    return Translation(prompt=text, model=target.id, source_prompt=prompt, changes=changes,
                       notes=[f"{target.name} reads {name}: kept in {name}."],
                       language=code, structure=structure(prompt, target))


def english_only(prompt: str, target: ModelProfile, code: str) -> Translation:
    """For a model that reads only English, offline: the prompt unchanged and its structure in
    the target's order, with a note that says so (never a silent mix of languages)."""
    name = language_name(code)
    reads = ", ".join(language_name(c) for c in target.languages.reads)
    note = (f"{target.name} reads {reads} only, and this prompt is in {name}. It is kept as "
            f"written rather than mixed with English: translate it (its parts are listed in "
            f"{target.name}'s order, camera moves with its own phrase), or set FRAMECRAFT_LLM "
            f"to have it translated.")
    parts = structure(prompt, target)
    return Translation(prompt=prompt.strip(), model=target.id, source_prompt=prompt,
                       changes=[Change(component="structure", action="kept", before=None,
                                       after=None, why=f"Kept in {name}: {target.name} reads "
                                       f"{reads} only, and nothing translated it.",
                                       source=f"model:{target.id}")],
                       notes=[note], language=code, structure=parts,
                       needs_translation=True)


def structure(prompt: str, target: ModelProfile) -> list[dict[str, Any]]:
    """The prompt's parts in the target's component order, in the author's words; a camera
    part carries the target's phrase for each move it names (a hint, not a translation)."""
    a = analyze(prompt)
    out: list[dict[str, Any]] = []
    for comp in target.component_order:
        text = a.text(comp)
        if not text:
            continue
        part: dict[str, Any] = {"component": comp.value, "text": text}
        if comp is C.CAMERA:
            hints = [target.camera.moves[m] for m in a.camera_moves if m in target.camera.moves]
            if hints:
                part["hint"] = ", ".join(hints)
        out.append(part)
    return out


def structure_table(parts: list[dict[str, Any]]) -> str:
    """A translation's `structure` as aligned columns (component, the author's words, the
    target's phrase), padded by display width so Chinese and Japanese line up in the
    monospaced code blocks of Slack and Discord."""
    from bot.core.display_text import text_table

    return text_table([[str(x.get("component", "")), str(x.get("text", "")),
                        f"({x['hint']})" if x.get("hint") else ""] for x in parts])
