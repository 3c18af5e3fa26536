"""Session 22: benchmarks/rewrite_needs_fit.py scores a fit on one writer's dev set against the
other's, which that fit never saw (`--cross-writer`: the in-sample dev and dev2 figures cannot),
and can fit the first writer's set alone (`--dev-only`); the shipped table stays fitted on both.
And a sea animal WordNet names by its meat (an octopus) has no tail to flick."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from bot.core.critique.components import Component as C

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import rewrite_needs_fit as fit  # noqa: E402

sys.path.pop(0)


def _row(added: bool, kinds: tuple[str, ...] = ("action",)) -> fit.Row:
    """A prompt whose motion the guide forces and whose light is left to its chance."""
    return fit.Row(features=frozenset({"kind:action"}), open=frozenset({C.LIGHTING, C.MOTION}),
                   core=frozenset({C.MOTION}),
                   added=frozenset({C.LIGHTING, C.MOTION} if added else set()),
                   forced={"guide": frozenset({C.MOTION}), "none": frozenset()}, kinds=kinds)


def test_the_table_is_fitted_on_both_dev_sets_and_one_can_be_read_alone():
    from bot.core.critique import need_rates_table as table

    pairs = yaml.safe_load(fit.DATA.read_text(encoding="utf-8"))["pairs"]
    dev = [p["short"] for p in pairs if p.get("split") == "dev"]
    assert [p["short"] for p in fit.dev_pairs(("dev",))] == dev
    both = fit.dev_pairs()
    assert fit.FIT_SETS == fit.SETS and len(both) == table.DEV_ROWS > len(dev)
    assert [p["short"] for p in both[:len(dev)]] == dev
    assert [p["short"] for p in fit.dev_pairs(("dev2",))] == [p["short"] for p in both[len(dev):]]


def test_a_fit_on_one_writer_is_scored_on_the_other_it_never_saw():
    """Writer a's experts add motion and light to every prompt, writer b's to none: fitted on a
    alone, b's rows get both and none is right; fitted on b alone, only the guide's forced
    motion is added to a's rows (the light's chance, learnt from b, is low)."""
    by_set = {"a": [_row(True) for _ in range(12)], "b": [_row(False) for _ in range(12)]}
    scores = fit.cross_writer(by_set)
    assert set(scores) == {("a", "b"), ("b", "a")}
    assert scores[("a", "b")][0] == 0.0  # precision: everything added is wrong on b
    precision, recall = scores[("b", "a")]
    assert precision == 1.0 and recall == 0.5  # the forced motion, not the light


def test_guide_follow_counts_the_forced_needs_and_the_experts_who_added_them():
    rows = [_row(True), _row(False), _row(True, kinds=("still",))]
    assert fit.guide_follow(rows) == {"action:motion": (2, 1), "any:motion": (1, 1)}


def test_a_sea_animal_named_by_its_meat_has_no_tail_to_flick():
    """WordNet's most frequent sense of "octopus" and "squid" is their meat (filed under
    seafood), not the animal: they are invertebrates all the same, so no tail beat; a fish,
    whose flesh WordNet files under its own class, keeps its tail."""
    from bot.core.critique.rewrite import _tailless

    assert _tailless("an octopus") and _tailless("a giant squid") and _tailless("a mussel")
    assert not _tailless("a trout") and not _tailless("an eel") and not _tailless("a whale")


def test_another_writers_rows_can_pull_a_fit_away_from_this_writer():
    """This writer's experts add motion and light everywhere: fitted on its other folds alone,
    every held-back fold is right; with many rows of a writer who adds neither, the light is
    no longer added (only the guide's forced motion is)."""
    rows = [_row(True) for _ in range(12)]
    assert fit.folds_with(rows, [], folds=4, seeds=1) == (1.0, 1.0)
    assert fit.folds_with(rows, [_row(False) for _ in range(60)], folds=4, seeds=1) == (1.0, 0.5)
