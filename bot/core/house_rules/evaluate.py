"""A prompt and its critique against the house rules: one finding per broken rule.

The critique's score is never changed; the rules say pass or fail on their own (no error-level
finding = pass). Findings carry the words and their span so a linter can give a column and a
chat front can quote the offending word.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from pydantic import BaseModel, Field

from bot.core.critique.components import COMPONENTS, Component
from bot.core.house_rules.layers import RulesInForce
from bot.core.house_rules.model import SEVERITY_RANK, HouseRules, Severity

ETHICS_RANK: dict[str, int] = {"ok": 0, "note": 1, "caution": 2, "stop": 3}
MIN_SCORE_FIX = "Add what the critique says is missing; `framecraft critique` shows a rewrite."


class Finding(BaseModel):
    """One broken rule: its id (the rules-file key, or `critique/<anti-pattern>`), severity,
    why it matters, how to fix it, and the offending words with their place in the prompt."""

    rule: str
    severity: Severity
    reason: str
    fix: str
    word: str | None = None
    start: int | None = None
    end: int | None = None
    fixable: bool = False
    """True when `--fix` can apply it safely (a banned word with a replacement, a negative
    moved into the negative prompt)."""

    def to_public_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "reason": self.reason,
                "fix": self.fix, "word": self.word, "start": self.start, "end": self.end,
                "fixable": self.fixable}


class HouseRulesReport(BaseModel):
    """What the "House rules" part of a review shows."""

    findings: list[Finding] = Field(default_factory=list)
    sources: dict[str, str] = Field(default_factory=dict)
    """Rules key -> the layer it came from (`channel`, `workspace`, `framecraft.toml`)."""
    negative_prompt: str | None = None
    """The negative prompt to send (the rules' `negative` plus moved negations), when the
    target model takes one."""
    rewrite: str | None = None
    """The critique's rewrite made to follow the rules (when it was rewritten)."""

    @property
    def passed(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    @property
    def active(self) -> bool:
        """Were any house rules in force? (No rules: fronts leave the part out.)"""
        return bool(self.sources)

    def to_public_json(self) -> dict[str, Any]:
        """The `house_rules` key of `critique --json` (optional; added when rules are in force)."""
        return {"passed": self.passed, "findings": [f.to_public_json() for f in self.findings],
                "sources": self.sources, "negative_prompt": self.negative_prompt,
                "rewrite": self.rewrite}


class _ComponentRow(Protocol):
    """One row of a critique's component table (read-only, so any row model fits)."""

    @property
    def name(self) -> Component: ...

    @property
    def present(self) -> bool: ...


class CritiqueLike(Protocol):
    """What the rules read from a critique (bot.core.critique.results.Critique has it)."""

    @property
    def score(self) -> int: ...

    @property
    def components(self) -> Sequence[_ComponentRow]: ...


def _words(prompt: str) -> int:
    """Words, or word equivalents for Chinese and Japanese (bot.core.language.measure: 1.5 and
    2 characters a word), so `max_words` means the same length in every language."""
    if prompt.isascii():
        return len(prompt.split())
    from bot.core.language import word_equivalents

    return max(len(prompt.split()), word_equivalents(prompt))


def _length(prompt: str) -> str:
    """"42 words", or "63 characters (about 42 words)" for CJK text."""
    if prompt.isascii():
        return f"{_words(prompt)} words"
    from bot.core.language import length_label

    return length_label(prompt)


def _require(rules: HouseRules, present: set[Component]) -> Iterable[Finding]:
    from bot.core.critique.pipeline import ASK  # the critique's own advice for each component

    for req in rules.require or ():
        if req.component in present:
            continue
        info = COMPONENTS[req.component]
        yield Finding(rule="require", severity=req.severity, word=req.component.value,
                      reason=f"The house rules require {info.label.lower()} in every prompt. "
                             f"{info.why}",
                      fix=ASK[req.component])


def _ban(rules: HouseRules, prompt: str) -> Iterable[Finding]:
    for ban in rules.ban or ():
        for m in ban.regex.finditer(prompt):
            if m.end() == m.start():
                continue
            found = m.group(0)
            reason = ban.reason or f"{ban.label!r} is on the house list of banned words."
            if ban.replace is None:
                fix = f"Rewrite without {found!r}" + (f": {ban.reason}." if ban.reason else ".")
            elif ban.replace == "":
                fix = f"Delete {found!r}."
            else:
                fix = f"Replace {found!r} with {ban.replace!r}."
            yield Finding(rule="ban", severity=ban.severity, reason=reason, fix=fix,
                          word=found, start=m.start(), end=m.end(),
                          fixable=ban.replace is not None)


def _prefer(rules: HouseRules, prompt: str) -> Iterable[Finding]:
    for pref in rules.prefer or ():
        for phrase, regex in pref.regexes:
            for m in regex.finditer(prompt):
                yield Finding(rule="prefer", severity=pref.severity, word=m.group(0),
                              start=m.start(), end=m.end(),
                              reason=f"The team says {pref.use!r}, not {phrase!r}.",
                              fix=f"Replace {m.group(0)!r} with {pref.use!r}.")


def _limits(rules: HouseRules, prompt: str, score: int | None) -> Iterable[Finding]:
    if rules.max_words is not None and _words(prompt) > rules.max_words:
        yield Finding(rule="max_words", severity="warning", word=str(_words(prompt)),
                      reason=f"{_length(prompt)}; the house limit is {rules.max_words} words.",
                      fix=f"Cut it to {rules.max_words} words: keep subject, action, camera "
                          "and light; drop repeated adjectives.")
    if rules.min_score is not None and score is not None and score < rules.min_score:
        yield Finding(rule="min_score", severity="error", word=str(score),
                      reason=f"Critique score {score}/100 is below the house minimum of "
                             f"{rules.min_score}.",
                      fix=MIN_SCORE_FIX)


def _ethics(rules: HouseRules, ethics: dict[str, Any] | None) -> Iterable[Finding]:
    if rules.ethics is None or not ethics:
        return
    block = ETHICS_RANK[rules.ethics]
    for concern in ethics.get("concerns", []):
        if ETHICS_RANK.get(concern.get("severity", "ok"), 0) >= block:
            yield Finding(rule="ethics", severity="error", word=concern.get("trigger") or None,
                          reason=f"Ethics {concern['severity']} ({concern['category']}): "
                                 f"{concern['why']} The house rules block from "
                                 f"{rules.ethics!r} up.",
                          fix=concern.get("instead", ""))


def evaluate(prompt: str, critique: CritiqueLike | None, rules_in_force: RulesInForce,
             ethics: dict[str, Any] | None = None) -> list[Finding]:
    """Every house rule the prompt breaks, errors first then in prompt order.

    `critique` gives the score and the components present (None skips `require` and
    `min_score`); `ethics` is an ethics review's public JSON (`verdict`, `concerns`)."""
    rules = rules_in_force.rules
    out: list[Finding] = []
    if critique is not None:
        present = {row.name for row in critique.components if row.present}
        out += _require(rules, present)
    out += _ban(rules, prompt)
    out += _prefer(rules, prompt)
    out += _limits(rules, prompt, critique.score if critique is not None else None)
    out += _ethics(rules, ethics)
    return sort_findings(out)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity],
                                           f.start if f.start is not None else -1))
