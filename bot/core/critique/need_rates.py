"""How likely an expert rewriter is to add a component to this prompt: a small logistic model.

Experts do not fill every slot, and they disagree with each other: measured on the dev split of
the labelled rewrite pairs, a setting is added to about 4 prompts in 5, a camera to about half,
a colour palette to 1 in 4. What moves those chances is general, not a list of prompts: the
kinds the guide distinguishes (a still subject, an action, a landscape, a person, a close
shot), the subject's family, which components the prompt already states, and whether it fixes
a time or a place.

`chance` is one logistic model per component over those features (`features_of`), fitted on
dev by benchmarks/rewrite_needs_fit.py with an L2 penalty, and the rewrite adds a component when
its chance beats that component's threshold: the chance at which the rewrite adds it as often
as the experts did on dev, so a camera is not added to every action (experts: about half) nor
a palette to none (a quarter). The guide's needs for the prompt's kind are added whatever their
chance (a still subject's light, an action's motion physics: needs.guide_forced).
The weights live in need_rates_table.py (generated; a test pins that the refit reproduces it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Protocol

from bot.core.critique.components import Component as C
from bot.core.critique.facts import Facts
from bot.core.critique.results import Analysis


class Context(Protocol):
    """What the model reads of needs.Context (not imported: needs imports this module)."""

    kinds: list[str]
    families: list[str]
    facts: Facts


Weights = Mapping[str, Mapping[str, float]]

NEVER = 1.01
"""A threshold no chance reaches (components the table never adds by chance)."""

BIAS = "bias"
CORE = "core"
"""The feature that says the component is one of the guide's core needs for this prompt's kind
(needs.RULES): the model learns how far experts follow the guide there."""

ELABORATE = frozenset({C.MOTION, C.LIGHTING, C.STYLE})
"""Components an expert often elaborates though the prompt names them (a verb's manner, a time
of day's light, a one-word style): on dev, experts added motion to 70% of the prompts whose
motion we read as stated, lighting and style to 64%. They stay open to a rewrite; the model
sees `states:<component>` and learns how much less likely it is then."""


def features_of(a: Analysis, ctx: Context) -> frozenset[str]:
    """What the model is conditioned on: the guide's kinds of prompt (needs.Context.kinds), the
    subject's family, the components the prompt states and whether it fixes a time or a place.

    Cross-validated on dev (benchmarks/rewrite_needs_fit.py), adding the prompt's length, its
    number, dialogue, the kind of action its verbs name, or its stillness, animated or black and
    white flags changed precision and recall by at most 0.01, within the folds' noise: they
    are left out."""
    out = {*(f"kind:{k}" for k in ctx.kinds), *(f"states:{c.value}" for c in C if a.has(c))}
    if ctx.families:
        out.add(f"family:{ctx.families[0]}")
    if ctx.facts.stated("time_of_day"):
        out.add("states:time")
    if ctx.facts.stated("place"):
        out.add("states:place")
    return frozenset(out)


def probability(weights: Weights, features: frozenset[str], component: str,
                core: bool = False) -> float:
    """The logistic model's chance that an expert adds `component` to a prompt with these
    features (0 when the table has no model for it: never measured)."""
    w = weights.get(component)
    if not w:
        return 0.0
    z = w.get(BIAS, 0.0) + sum(w.get(f, 0.0) for f in features)
    if core:
        z += w.get(CORE, 0.0)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def chance(features: frozenset[str], component: C, core: bool = False) -> float:
    """`probability` with the shipped weights."""
    from bot.core.critique.need_rates_table import WEIGHTS

    return probability(WEIGHTS, features, component.value, core)


def threshold(component: C) -> float:
    """The chance above which `standard` adds `component`: matched on dev to how often the
    experts add it (never more often), with a common floor (need_rates_table.THRESHOLDS)."""
    from bot.core.critique.need_rates_table import THRESHOLDS

    return THRESHOLDS.get(component.value, NEVER)


def force_mode() -> str:
    """Which needs are added whatever their chance ("guide": the guide's needs for the prompt's
    kinds, an action's camera only where its verb names one; "none"). needs.guide_forced
    applies it."""
    from bot.core.critique.need_rates_table import FORCE

    return FORCE
