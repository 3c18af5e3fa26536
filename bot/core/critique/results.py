"""Typed results the engine returns and every front formats.

Field names here are the JSON contract of `framecraft critique --json`; add fields freely,
never rename one.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from bot.core.critique.components import Component
from bot.core.house_rules.evaluate import HouseRulesReport


class Span(BaseModel):
    """Words of the prompt that carry a component: `prompt[start:end] == text`."""

    start: int
    end: int
    text: str
    cue: str = ""
    """Which lexicon entry or pattern matched (for explanations and debugging)."""
    strength: float = 1.0
    """0-1: how clearly these words do the job ('cinematic' alone is a weak style cue)."""


class Analysis(BaseModel):
    prompt: str
    spans: dict[Component, list[Span]] = Field(default_factory=dict)
    camera_moves: list[str] = Field(default_factory=list)
    """Canonical camera moves found (see knowledge.CAMERA_MOVES), in order of appearance."""
    actions: list[Span] = Field(default_factory=list)
    """Each distinct action verb, to judge whether the clip is over-full."""
    negations: list[Span] = Field(default_factory=list)
    """Phrases the model cannot honour as negation ("no people", "without cars")."""
    word_count: int = 0
    """Words, or word equivalents for CJK text (bot.core.language.measure)."""
    language: str = "en"
    """The language the prompt was read in (ISO 639-1, bot.core.language): the ethics layer
    and the rewrite follow it. A language without a lexicon of its own is read with the English
    one, and its code is still here so fronts can say so."""
    language_mixed: list[str] = Field(default_factory=list)
    """Other languages in the prompt ("en" for Chinese with English camera terms)."""
    families: list[str] = Field(default_factory=list)
    """What the subject is (person, animal, ...), found by a native lexicon; empty for English,
    whose families are read from the words by critique.needs."""

    def _spans(self, component: Component | str) -> list[Span]:
        # Enum lookups by value are slow enough to show in the critique's profile.
        key = component if type(component) is Component else Component(component)
        return self.spans.get(key) or []

    def has(self, component: Component | str) -> bool:
        return bool(self._spans(component))

    def text(self, component: Component | str) -> str | None:
        """The words carrying a component, joined in prompt order, or None."""
        spans = self._spans(component)
        return ", ".join(s.text for s in sorted(spans, key=lambda s: s.start)) or None

    def strength(self, component: Component | str) -> float:
        return max((s.strength for s in self._spans(component)), default=0.0)

    @property
    def present(self) -> list[Component]:
        return [c for c in Component if self.has(c)]


class ComponentScore(BaseModel):
    name: Component
    present: bool
    text: str | None
    score: int
    """Points earned out of `max_score`."""
    max_score: int
    note: str = ""


class AntiPatternHit(BaseModel):
    id: str
    text: str
    """The offending words, or a short description when the problem is an absence."""
    why: str
    fix: str = ""
    guide: str = "failure-patterns"
    penalty: int = 0


class Suggestion(BaseModel):
    component: Component | None = None
    text: str
    guide: str | None = None


class Addition(BaseModel):
    """One phrase the rewrite added: which component it supplies and why this prompt needed it."""

    text: str
    component: Component
    reason: str
    guide: str | None = None
    """The guide section id the reason comes from."""


class LearnMore(BaseModel):
    """A pointer into the knowledge base ("learn more", "prompts like yours")."""

    kind: str
    id: str
    title: str
    file: str = ""
    why: str = ""
    score: float | None = None


class Critique(BaseModel):
    prompt: str
    model: str | None = None
    score: int = Field(ge=0, le=100)
    verdict: str
    components: list[ComponentScore]
    missing: list[Component]
    missing_why: dict[Component, str] = Field(default_factory=dict)
    anti_patterns: list[AntiPatternHit]
    suggestions: list[Suggestion]
    rewrite: str
    added: list[Component] = Field(default_factory=list)
    """Components the rewrite added that the prompt did not have."""
    additions: list[Addition] = Field(default_factory=list)
    """Each phrase the offline rewrite added, with its component and reason (JSON `added`)."""
    left_alone: list[Component] = Field(default_factory=list)
    """Missing components the rewrite leaves out on purpose: the prompt's own choices (stillness,
    black and white, an animated style) rule them out, so no front should ask for them."""
    rewrite_strength: str = "standard"
    """light, standard or full: how much the rewrite adds (see critique.needs)."""
    sources: list[str]
    """Guide section ids cited by this critique."""
    learn_more: list[LearnMore] = Field(default_factory=list)
    similar: list[LearnMore] = Field(default_factory=list)
    ethics: dict[str, Any] | None = None
    """The ethics review (bot.core.ethics), when one was run; a stop is shown first."""
    rewrite_by: str = "framecraft"
    """'framecraft' for the offline rewrite, or the LLM that wrote it."""
    notices: list[str] = Field(default_factory=list)
    """Plain notes for the reader, e.g. that the LLM failed and the offline rewrite is shown."""
    language: str = "en"
    """The prompt's language (ISO 639-1; bot.core.language), as the analysis read it."""
    language_mixed: list[str] = Field(default_factory=list)
    house_rules: HouseRulesReport | None = None
    """The "House rules" part (bot.core.house_rules.review), when a team's rules are in force."""
    mode: str = "t2v"
    """t2v (text-to-video) or i2v (the prompt animates a first frame; see critique.i2v)."""
    i2v: dict[str, Any] | None = None
    """In i2v mode: whether the prompt re-describes the image (`redescribes_image`), its
    static and motion word counts, the share and the re-describing `words`."""

    def language_detail(self) -> dict[str, Any]:
        """Code, name, whether the critique reads it natively, and what it is mixed with."""
        from bot.core.language import SUPPORTED, language_name

        return {"code": self.language, "name": language_name(self.language),
                "supported": self.language in SUPPORTED or self.language == "und",
                "mixed_with": list(self.language_mixed)}

    def to_public_json(self) -> dict[str, Any]:
        """The stable contract of `critique --json` (extra fields may be added, never renamed)."""
        return {
            "score": self.score,
            "verdict": self.verdict,
            "model": self.model,
            "components": [
                {"name": c.name.value, "present": c.present, "text": c.text, "score": c.score,
                 "max_score": c.max_score}
                for c in self.components
            ],
            "missing": [m.value for m in self.missing],
            "anti_patterns": [{"id": a.id, "text": a.text, "why": a.why, "fix": a.fix}
                              for a in self.anti_patterns],
            "suggestions": [s.text for s in self.suggestions],
            "rewrite": self.rewrite,
            "rewrite_by": self.rewrite_by,
            "rewrite_strength": self.rewrite_strength,
            "added": [{"text": x.text, "component": x.component.value, "reason": x.reason,
                       "guide": x.guide} for x in self.additions],
            "sources": self.sources,
            "learn_more": [lm.model_dump() for lm in self.learn_more],
            "similar": [lm.model_dump() for lm in self.similar],
            "ethics": self.ethics,
            "notices": self.notices,
            "language": self.language,
            "language_detail": self.language_detail(),
            "mode": self.mode,
            **({"i2v": self.i2v} if self.i2v is not None else {}),
            # `house_rules` only when rules are in force: teams without rules see no change.
            **({"house_rules": self.house_rules.to_public_json()}
               if self.house_rules is not None and self.house_rules.active else {}),
        }
