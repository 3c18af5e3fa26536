"""The "House rules" part of a review: what the critique, a review-channel reply and
`/prompt save` show, and the optional `house_rules` key of the critique JSON.

These functions take a finished critique and leave its score alone: the rules pass or fail on
their own. Fronts render `summary_lines` (plain text, no markup) in their own style.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.house_rules.evaluate import HouseRulesReport, evaluate
from bot.core.house_rules.fixes import follow_rules, merge_negative, move_negations
from bot.core.house_rules.layers import RulesInForce
from bot.core.knowledge import KnowledgeBase

if TYPE_CHECKING:
    from bot.core.critique.results import Critique
    from bot.core.dialects import Translation

HOUSE_RULES_KEY = "house_rules"
"""The optional key added to `critique --json` when house rules are in force."""


def target_model(requested: str | None, rules_in_force: RulesInForce) -> str | None:
    """The model to critique for: the one asked for, else the rules' default `model`."""
    return requested or rules_in_force.rules.model


def rewrite_with_rules(critique: Critique, rules_in_force: RulesInForce, kb: KnowledgeBase) -> str:
    """The critique's rewrite made to follow the rules.

    An offline rewrite is redone with the required components added to what it fills in, then
    banned words are removed and preferred terms used; an LLM's rewrite gets the word rules
    only (its wording is its own)."""
    rules = rules_in_force.rules
    text = critique.rewrite
    if critique.rewrite_by == "framecraft" and rules.require:
        from bot.core.critique.analysis import analyze
        from bot.core.critique.rewrite import rewrite

        present = {row.name for row in critique.components if row.present}
        extra = [r.component for r in rules.require  # the rewrite adds only what it needs
                 if r.component not in present and r.component not in critique.added]
        if extra:
            model = kb.models.get(critique.model) if critique.model else None
            weak_style = any(h.id == "cinematic-only" for h in critique.anti_patterns)
            text = rewrite(analyze(critique.prompt), model, weak_style=weak_style,
                           strength=critique.rewrite_strength, require=extra,
                           dialect=_dialect(kb) if model is not None else None).text
    return follow_rules(text, rules)


def _dialect(kb: KnowledgeBase) -> Callable[[str, str], Translation]:
    """The translator, so a redone rewrite keeps the target model's dialect like the first."""
    from bot.core.dialects import translate

    return lambda prompt, to_model: translate(prompt, to_model, kb=kb)


def check(critique: Critique, rules_in_force: RulesInForce, kb: KnowledgeBase,
          ethics: dict[str, Any] | None = None) -> HouseRulesReport:
    """The House rules report for a critique (`critique.ethics` is used when `ethics` is None).

    Never changes `critique`; `apply` does, for fronts that show the rewrite."""
    if rules_in_force.empty:
        return HouseRulesReport()
    findings = evaluate(critique.prompt, critique, rules_in_force,
                        ethics if ethics is not None else critique.ethics)
    model = kb.models.get(critique.model) if critique.model else None
    negative = None
    if model is not None and model.negative_prompt:
        _text, moved = move_negations(critique.prompt, model)
        negative = merge_negative(rules_in_force.rules.negative, ", ".join(moved))
    return HouseRulesReport(findings=findings, sources=dict(rules_in_force.sources),
                            negative_prompt=negative,
                            rewrite=rewrite_with_rules(critique, rules_in_force, kb))


def apply(critique: Critique, rules_in_force: RulesInForce, kb: KnowledgeBase,
          ethics: dict[str, Any] | None = None) -> HouseRulesReport:
    """`check`, then put the rule-following rewrite into `critique.rewrite` (score unchanged)."""
    report = check(critique, rules_in_force, kb, ethics)
    if report.rewrite is not None:
        critique.rewrite = report.rewrite
    return report


def add_to_public_json(public: dict[str, Any], report: HouseRulesReport) -> dict[str, Any]:
    """Add the optional `house_rules` key to a `critique --json` object (only when rules are in
    force, so the JSON of teams without rules is unchanged). Returns the same dict."""
    if report.active:
        public[HOUSE_RULES_KEY] = report.to_public_json()
    return public


def summary_lines(report: HouseRulesReport, limit: int | None = None) -> list[str]:
    """The "House rules" part as plain lines: a pass/fail headline, then each broken rule with
    its reason and fix. `limit` caps the findings listed (a compact review shows two)."""
    if not report.active:
        return []
    errors = sum(f.severity == "error" for f in report.findings)
    warnings = len(report.findings) - errors
    if not report.findings:
        head = "House rules: pass"
    else:
        counts = ", ".join(x for x in (f"{errors} error{'s' * (errors != 1)}" if errors else "",
                                       f"{warnings} warning{'s' * (warnings != 1)}"
                                       if warnings else "") if x)
        head = f"House rules: {'pass' if report.passed else 'FAIL'} ({counts})"
    lines = [head]
    shown = report.findings if limit is None else report.findings[:limit]
    for f in shown:
        what = f"{f.rule} {f.word!r}" if f.word and f.rule in ("ban", "prefer", "require") \
            else f.rule
        lines.append(f"{f.severity} · {what}: {f.reason} Fix: {f.fix}")
    if limit is not None and len(report.findings) > limit:
        lines.append(f"... and {len(report.findings) - limit} more")
    if report.negative_prompt:
        lines.append(f"Negative prompt: {report.negative_prompt}")
    return lines


def rules_from_files(explicit: str | None = None, start: Path | None = None) -> RulesInForce:
    """The CLI's rules in force: `explicit` (a --rules FILE) or the nearest framecraft.toml /
    pyproject.toml [tool.framecraft.rules] from `start` (default: the working directory),
    over the defaults. Raises RulesError (file, line, key) for a bad file."""
    from bot.core.house_rules.layers import for_cli
    from bot.core.house_rules.toml_file import RulesError, find_rules_file, load_rules_file

    path = Path(explicit) if explicit else find_rules_file(start)
    if path is None:
        return for_cli(None)
    if not path.is_file():
        raise RulesError(f"{explicit}: no such rules file")
    try:
        name = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        name = str(path)
    return for_cli(load_rules_file(path), name)
