"""The result of translating a prompt into another model's dialect.

`to_public_json()` is the contract of `framecraft translate --json`: `prompt`, `negative_prompt`,
`changes`, `dropped` never change name; other fields may be added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pydantic import BaseModel, Field


class Change(BaseModel):
    component: str
    """A component name, or `structure`, `negation`, `settings` for changes that span several."""
    action: str
    """reordered, camera-syntax, moved-to-negative-prompt, moved-to-settings, removed,
    vocabulary, kept, dropped; `pinned` (the author's words for something the target is known
    to change, kept and trimmed last); `suggested` (a steer or a positive rephrasing offered to
    the writer: never written into `prompt`)."""
    before: str | None = None
    after: str | None = None
    why: str
    source: str
    """A guide section id, or `model:<id>` when the target's profile says so."""


def move_text(before: str | None, after: str | None, show: Callable[[str], str]) -> str:
    """How every front writes a change's words: "before → after", "+ after" for an addition,
    "- before" for a removal, and the words once when they are kept as written (a pinned pace:
    "'slowly' → 'slowly'" read as if something had changed). `show` quotes or escapes for the
    front."""
    if before and after:
        return show(after) if before == after else f"{show(before)} → {show(after)}"
    if after:
        return f"+ {show(after)}"
    return f"- {show(before)}" if before else ""


class Dropped(BaseModel):
    component: str
    text: str
    reason: str


def dropped_lines(dropped: Iterable[Dropped | Mapping[str, Any]]) -> list[tuple[str, str, str]]:
    """(components, text, reason) for every front's "Dropped" list: one line per cut text and
    reason, naming every component it held ("audio, setting"). `dropped` keeps an entry per
    component (scripts and the lost-component check read them), which a reader would see as
    the same words listed twice."""
    lines: dict[tuple[str, str], list[str]] = {}
    for d in dropped:
        row = d.model_dump() if isinstance(d, Dropped) else d
        names = lines.setdefault((str(row.get("text", "")), str(row.get("reason", ""))), [])
        if str(row.get("component", "")) not in names:
            names.append(str(row.get("component", "")))
    return [(", ".join(names), text, reason) for (text, reason), names in lines.items()]


class Translation(BaseModel):
    prompt: str
    negative_prompt: str | None = None
    changes: list[Change] = Field(default_factory=list)
    dropped: list[Dropped] = Field(default_factory=list)
    model: str
    from_model: str | None = None
    source_prompt: str = ""
    notes: list[str] = Field(default_factory=list)
    language: str = "en"
    """The prompt's language (ISO 639-1)."""
    structure: list[dict[str, Any]] = Field(default_factory=list)
    """For a prompt not in English: its parts in the target's order, in the author's words."""
    needs_translation: bool = False
    """The target reads none of the prompt's language and nothing translated it."""
    translated_by: str | None = None
    """The chat model that translated the prompt into English first, when one did."""
    mode: str = "t2v"
    """t2v, or i2v when the prompt animates a first frame (its form is kept)."""

    def to_public_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "structure": self.structure,
            "needs_translation": self.needs_translation,
            "translated_by": self.translated_by,
            "prompt": self.prompt,
            "negative_prompt": self.negative_prompt,
            "changes": [c.model_dump() for c in self.changes],
            "dropped": [d.model_dump() for d in self.dropped],
            "model": self.model,
            "from_model": self.from_model,
            "notes": self.notes,
            "mode": self.mode,
        }


class Comparison(list[Translation]):
    """One prompt for every model: a plain list of translations that also speaks JSON."""

    def __init__(self, items: Iterable[Translation] = (), source_prompt: str = "") -> None:
        super().__init__(items)
        self.source_prompt = source_prompt

    def to_public_json(self) -> dict[str, Any]:
        return {"prompt": self.source_prompt,
                "translations": [t.to_public_json() for t in self]}
