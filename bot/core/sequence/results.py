"""What a sequence review returns; `to_public_json()` is the contract of `sequence --json`.

Issue 22 fixes the names: `shots` (each with its critique), `anchors` (each anchor's value per
shot) and `findings` (`kind` drift|gap, `anchor`, `shots`, `words`, `why`, `fix`). Fields may
be added, never renamed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.core.critique.results import Critique


class ShotWords(BaseModel):
    """The words of one shot that a finding quotes."""

    shot: int
    text: str


class Finding(BaseModel):
    kind: Literal["drift", "gap"]
    anchor: str
    """character, wardrobe, setting, time_of_day, light_direction, palette, lens, style."""
    shots: list[int]
    """The 1-based shot numbers involved (the one that states it and the ones that differ or
    lack it)."""
    words: list[ShotWords]
    why: str
    fix: str
    """The anchor text to repeat, ready to paste."""
    paste_into: list[int] = Field(default_factory=list)
    """The shots the fix goes into."""
    replace: dict[str, str] = Field(default_factory=dict, exclude=True)
    """For the rewrite (not in the JSON): `anchor:slot` → the words in force, which replace a
    drifted mention of that slot (`anchor:` for the sequence's own anchors)."""
    subject: str = ""
    """Whose anchor (a character's name or noun, a place's head noun); empty for the
    sequence's own anchors (time, light, palette, lens, style)."""

    def to_public_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "anchor": self.anchor, "shots": self.shots,
                "words": [w.model_dump() for w in self.words], "why": self.why,
                "fix": self.fix, "paste_into": self.paste_into, "subject": self.subject}


class ShotReview(BaseModel):
    index: int
    name: str
    prompt: str
    model: str | None = None
    critique: Critique
    rewrite: str | None = None
    """With `--rewrite`: the shot with the shared anchors repeated, in its model's dialect."""


class SequenceReview(BaseModel):
    shots: list[ShotReview]
    anchors: dict[str, list[str | None]]
    """Anchor name → its words in each shot (None where the shot does not state it)."""
    findings: list[Finding]
    mode: Literal["t2v", "i2v"] = "t2v"
    shared: dict[str, str] = Field(default_factory=dict)
    """The anchor text every shot should repeat, by anchor (what `--rewrite` pastes)."""
    report_key: str | None = None
    """In chat: the key of the kept list behind the "Full report" button (not in the JSON)."""

    @property
    def drift(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "drift"]

    @property
    def gaps(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "gap"]

    def to_public_json(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "shots": [{"index": s.index, "name": s.name, "prompt": s.prompt, "model": s.model,
                       "critique": s.critique.to_public_json(),
                       **({"rewrite": s.rewrite} if s.rewrite is not None else {})}
                      for s in self.shots],
            "anchors": self.anchors,
            "findings": [f.to_public_json() for f in self.findings],
            "shared": self.shared,
        }
