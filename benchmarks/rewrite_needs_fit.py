"""What an expert adds to a prompt: one logistic model per component, fitted and cross-validated on dev.

The rewrite adds a component when the chance that an expert rewriter adds it to this prompt
beats a threshold (bot/core/critique/need_rates.py). This script fits those chances from the dev
split of benchmarks/data/external/rewrite_pairs.yaml ONLY (held_out rows are never loaded): for
each component, an L2-penalised logistic regression over general features of the prompt
(need_rates.features_of: its kinds, its subject's family, the components it states, whether it
fixes a time or a place, length, number, dialogue, the kind of action its verbs name) and
whether the guide names the component as a core need of the prompt's kind.

Nested cross-validation gives the honest estimate: the outer k folds (x shuffles) each fit on
the other folds, where the penalty, the threshold and whether the guide's core needs are forced
in are picked from inner out-of-fold predictions, and are scored on the held-back fold. Then
the same choice is made on all of dev and the weights fitted there. `--write` regenerates
bot/core/critique/need_rates_table.py. Deterministic (fixed shuffles, Newton's method) and a few
seconds on one core.

Run: .venv/bin/python benchmarks/rewrite_needs_fit.py [--folds 10] [--seeds 3] [--write]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C
from bot.core.critique.need_rates import BIAS, CORE, features_of, probability
from bot.core.critique.needs import ELABORATION, WEAK, _rule_for, context_of, open_components

DATA = Path(__file__).parent / "data" / "external" / "rewrite_pairs.yaml"
OUT = Path(__file__).parent.parent / "bot" / "core" / "critique" / "need_rates_table.py"
PENALTIES = (1.0, 3.0, 10.0, 30.0)
THRESHOLDS = tuple(round(0.20 + 0.01 * i, 2) for i in range(51))
INNER_FOLDS = 5
DIGITS = 4
"""Weights are stored rounded: the table is readable and the refit reproduces it exactly."""


@dataclass
class Row:
    features: frozenset[str]
    open: frozenset[C]
    """What the rewrite could add (needs.open_components, no target model: no audio)."""
    core: frozenset[C]
    """The guide's core needs for the prompt's kinds among them."""
    added: frozenset[C]


def dev_rows() -> list[Row]:
    """The dev pairs only, as (features, open components, core ones, expert-added ones)."""
    pairs = yaml.safe_load(DATA.read_text(encoding="utf-8"))["pairs"]
    rows = []
    for pair in pairs:
        if pair.get("split") != "dev":
            continue
        a = analyze(pair["short"])
        ctx = context_of(a)
        kinds = [*ctx.kinds, "any"]
        opened = [c for c in open_components(a, ctx) if c not in (C.AUDIO, C.CONSISTENCY)]
        core = set()
        for comp in opened:
            rule, _ = _rule_for(comp, kinds)
            if rule and rule.core and not (a.strength(comp) >= WEAK and comp in ELABORATION):
                core.add(comp)
        added = frozenset(C(c) for c in pair.get("added") or [] if c in set(C))
        rows.append(Row(features_of(a, ctx), frozenset(opened), frozenset(core), added))
    return rows


def _design(rows: list[Row], comp: C, vocab: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.zeros((len(rows), len(vocab) + 2))
    x[:, 0] = 1.0
    index = {f: i + 2 for i, f in enumerate(vocab)}
    for i, r in enumerate(rows):
        x[i, 1] = comp in r.core
        for f in r.features:
            if f in index:
                x[i, index[f]] = 1.0
    y = np.array([comp in r.added for r in rows], dtype=float)
    return x, y


def _newton(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """L2-penalised logistic regression (the bias unpenalised) by Newton's method."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], penalty)
    reg[0] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return w


def fit(rows: list[Row], penalty: float) -> dict[str, dict[str, float]]:
    """Weights per component, over the features its open rows show (rounded, zeros left out)."""
    weights: dict[str, dict[str, float]] = {}
    for comp in C:
        opened = [r for r in rows if comp in r.open]
        if not opened:
            continue
        vocab = sorted({f for r in opened for f in r.features})
        x, y = _design(opened, comp, vocab)
        w = _newton(x, y, penalty)
        names = [BIAS, CORE, *vocab]
        rounded = [round(float(v), DIGITS) for v in w]
        weights[comp.value] = {n: v for n, v in zip(names, rounded, strict=True) if v != 0.0}
    return weights


def chosen(r: Row, weights, threshold: float, force: bool) -> set[C]:
    return {c for c in r.open if (force and c in r.core) or
            probability(weights, r.features, c.value, c in r.core) >= threshold}


def counts(rows: list[Row], weights, threshold: float, force: bool) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for r in rows:
        got = chosen(r, weights, threshold, force)
        tp += len(got & r.added)
        fp += len(got - r.added)
        fn += len(r.added - got)
    return tp, fp, fn


def pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def balanced(tp: int, fp: int, fn: int) -> float:
    """The objective: the smaller of precision and recall (both must reach the target)."""
    return min(pr(tp, fp, fn))


def _folds(n: int, folds: int, seed: int) -> list[list[int]]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[k::folds] for k in range(folds)]


def choose(rows: list[Row], seed: int, forces: tuple[bool, ...]) -> tuple[float, float, bool]:
    """(penalty, threshold, force core) picked from out-of-fold predictions on `rows`."""
    best: tuple[float, float, float, bool] | None = None
    folds = _folds(len(rows), INNER_FOLDS, seed)
    for penalty in PENALTIES:
        # (chance, core, expert added it) for every open component of every held-out row
        held: list[tuple[float, bool, bool]] = []
        missed = 0  # expert additions the rewrite cannot make (closed components)
        for test_index in folds:
            test = set(test_index)
            weights = fit([r for i, r in enumerate(rows) if i not in test], penalty)
            for i in test_index:
                r = rows[i]
                held += [(probability(weights, r.features, c.value, c in r.core), c in r.core,
                          c in r.added) for c in r.open]
                missed += len(r.added - r.open)
        for force in forces:
            for t in THRESHOLDS:
                tp = fp = 0
                fn = missed
                for chance, core, added in held:
                    take = (force and core) or chance >= t
                    tp += take and added
                    fp += take and not added
                    fn += added and not take
                score = balanced(tp, fp, fn)
                if best is None or (score, -t, penalty, force) > (best[0], -best[2], best[1],
                                                                  best[3]):
                    best = (score, penalty, t, force)
    assert best is not None
    return best[1], best[2], best[3]


def cross_validate(rows: list[Row], folds: int, seed: int,
                   forces: tuple[bool, ...]) -> tuple[Counter, list]:
    total: Counter[str] = Counter()
    picked = []
    for test_index in _folds(len(rows), folds, seed):
        test = set(test_index)
        train = [r for i, r in enumerate(rows) if i not in test]
        penalty, t, force = choose(train, seed, forces)
        picked.append((penalty, t, force))
        tp, fp, fn = counts([rows[i] for i in test_index], fit(train, penalty), t, force)
        total.update(tp=tp, fp=fp, fn=fn)
    return total, picked


def write_table(weights, penalty: float, threshold: float, force: bool, n: int) -> None:
    lines = [
        '"""Generated by benchmarks/rewrite_needs_fit.py from the dev split of',
        "benchmarks/data/external/rewrite_pairs.yaml: do not edit by hand, run it with --write.",
        "",
        "WEIGHTS[component][feature] = the logistic model's weight (need_rates.probability);",
        "'bias' is the intercept and 'core' applies where the guide names the component a core",
        'need of the prompt\'s kind. Features absent from a component\'s table weigh 0."""',
        "",
        f"DEV_ROWS = {n}",
        f"PENALTY = {penalty}",
        f"THRESHOLD = {threshold}",
        f"FORCE_CORE = {force}",
        "WEIGHTS: dict[str, dict[str, float]] = {",
    ]
    for comp, cell in weights.items():
        lines.append(f"    {comp!r}: {{")
        lines += [f"        {f!r}: {v!r}," for f, v in cell.items()]
        lines.append("    },")
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--seeds", type=int, default=3, help="repeat the folds with this many shuffles")
    ap.add_argument("--write", action="store_true", help="regenerate need_rates_table.py")
    ap.add_argument("--core", choices=("force", "model", "pick"), default="force",
                    help="force the guide's core needs in (default: issue 24's contract, an "
                         "action gets motion and a camera, a landscape its light and scale), "
                         "leave them to the model as a feature, or let cross-validation pick")
    args = ap.parse_args()
    forces = {"pick": (True, False), "force": (True,), "model": (False,)}[args.core]
    started = time.perf_counter()
    rows = dev_rows()
    if not rows:
        sys.exit("no dev rows")
    print(f"dev rows: {len(rows)}; {args.folds}-fold nested cross-validation x {args.seeds} "
          f"shuffles; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    total: Counter[str] = Counter()
    picked: list = []
    for seed in range(args.seeds):
        t, p = cross_validate(rows, args.folds, seed, forces)
        total.update(t)
        picked += p
    p_, r_ = pr(total["tp"], total["fp"], total["fn"])
    print(f"cross-validated precision {p_:.2f} recall {r_:.2f} "
          f"(penalties picked {sorted({x[0] for x in picked})}, thresholds "
          f"{min(x[1] for x in picked):.2f}-{max(x[1] for x in picked):.2f}, core forced in "
          f"{sum(x[2] for x in picked)}/{len(picked)} folds)")
    penalty, threshold, force = choose(rows, 0, forces)
    weights = fit(rows, penalty)
    p_, r_ = pr(*counts(rows, weights, threshold, force))
    print(f"on all of dev: penalty {penalty}, threshold {threshold}, core forced {force}: "
          f"precision {p_:.2f} recall {r_:.2f} (in-sample, optimistic)")
    print(f"took {time.perf_counter() - started:.1f} s")
    if args.write:
        write_table(weights, penalty, threshold, force, len(rows))


if __name__ == "__main__":
    main()
