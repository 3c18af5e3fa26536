"""How far two careful people agree on the labels the judgement targets are scored against, and
where the engine stands beside them (session 30).

Why: the targets of issues 12 and 22 (0.9 and above) are measured against one writer's labels.
When other annotators, blind to the engine and to those labels, label the same items from the same
written definitions, the agreement between people is the most a reader can be expected to reach
on labels of that kind: a target above it asks the engine to learn one writer's habits, not the
definitions. And the engine's figures on the items the people agree on say how much of its
shortfall is the labels' noise rather than its own misreading.

Sets (benchmarks/data/external/agreement/, written by relabellers who read only the unlabelled
items and the definitions; see each file's header):
- shot_lists_dev17: the writer's labels (shot_lists_dev17.yaml) and three relabellers'
  (seq_dev17_A.yaml, seq_dev17_B.yaml, and seq_dev17_C.yaml, labelled from the lists in shuffled
  order under opaque ids) on the same 40 lists; and shot_lists_dev18 (written this session) with
  one relabeller (seq_dev18_D.yaml, shuffled, opaque ids). Findings match as in
  sequence_quality.py (kind and anchor agree, shots overlap by Jaccard >= 0.5, a gap's stating
  shot the same). Printed: each labeller and the engine scored against each labeller, and
  against the majority (a finding more than half of the people give).
- ethics_dev16: the writer's verdicts (ethics_dev16.yaml) and two relabellers' (eth_dev16_B.yaml,
  and eth_dev16_C.yaml, labelled in shuffled order under opaque ids) on the same 212 rows: each
  pair's agreement and Cohen's kappa on the verdict, each person scored against the writer and
  the first relabeller with ethics_external.py's figures, and the engine (rules + semantic)
  against each person and on the rows whose verdict every person gives; and ethics_dev17
  (written this session) with one relabeller (eth_dev17_D.yaml, shuffled, opaque ids).
- components dev: the writer's labels (components.yaml, dev split) and a relabeller's
  (comp_dev_B.yaml) on the same 113 prompts: per component, presence precision / recall of each
  against the other, and the engine against each and on the prompts where both agree.

The relabellers are helpers of the same kind as the sets' writers (language-model assistants
given the writer's definitions), not a panel of people: the figures say how reproducible the
labels are for a careful reader of the definitions, which is the reading the engine is asked to
match, not how far trust-and-safety staff or editors would agree among themselves. Agreement
this close (every ethics verdict, every drift) may partly be readers of one kind reading alike;
a panel of people would be the stronger test.

Every set read here is a dev or check set; no held_out row is read. Aggregates only: nothing
prints a row.

    .venv/bin/python benchmarks/label_agreement.py [--only sequences|ethics|components]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

DATA = ROOT / "benchmarks" / "data" / "external"
AGREEMENT = DATA / "agreement"
KINDS = ("drift", "gap")


def _load(path: Path, key: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))[key])


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f} ({num}/{den})" if den else "n/a (0/0)"


# --- shot lists ----------------------------------------------------------------------------


def _as_findings(labels: Iterable[dict[str, Any]]) -> list[Any]:
    """Labelled findings in the shape `sequence_quality.pair` reads from the engine's."""
    return [SimpleNamespace(kind=lab["kind"], anchor=lab["anchor"], shots=list(lab["shots"]))
            for lab in labels]


def _sequence_counts(predicted: dict[str, list[Any]], gold: dict[str, list[dict[str, Any]]]
                     ) -> dict[str, tuple[int, int, int]]:
    """Per kind: (matched, predicted, labelled) over the lists both sides cover."""
    from sequence_quality import pair

    out = {k: [0, 0, 0] for k in KINDS}
    for list_id, labels in gold.items():
        found = predicted.get(list_id, [])
        pairs, _, _ = pair(found, labels)
        for k in KINDS:
            out[k][0] += sum(1 for f, _ in pairs if f.kind == k)
            out[k][1] += sum(1 for f in found if f.kind == k)
            out[k][2] += sum(1 for lab in labels if lab["kind"] == k)
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def majority(people: list[dict[str, list[dict[str, Any]]]]) -> dict[str, list[dict[str, Any]]]:
    """The findings more than half of the people give: each person's finding that enough of the
    others match, each kept once (greedy, in the people's order)."""
    from sequence_quality import matches

    needed = len(people) // 2  # others who must agree: with the finder, more than half
    out: dict[str, list[dict[str, Any]]] = {}
    for list_id in people[0]:
        kept: list[dict[str, Any]] = []
        for i, person in enumerate(people):
            for lab in person.get(list_id, []):
                (mine,) = _as_findings([lab])
                if any(matches(mine, k) for k in kept):
                    continue
                agreeing = sum(any(matches(mine, other) for other in p.get(list_id, []))
                               for j, p in enumerate(people) if j != i)
                if agreeing >= needed:
                    kept.append(lab)
        out[list_id] = kept
    return out


SEQUENCE_SETS = (("shot_lists_dev17.yaml", "seq_dev17_"), ("shot_lists_dev18.yaml", "seq_dev18_"))
"""Each shot-list set and the name its relabellings start with (then the relabeller's letter)."""
ETHICS_SETS = (("ethics_dev16.yaml", "eth_dev16_"), ("ethics_dev17.yaml", "eth_dev17_"))


def sequences() -> None:
    for set_name, prefix in SEQUENCE_SETS:
        if list(AGREEMENT.glob(f"{prefix}*.yaml")):
            sequence_set(set_name, prefix)


def sequence_set(set_name: str, prefix: str) -> None:
    from sequence_quality import shot_list_text

    from bot.core.engine import Engine

    rows = _load(DATA / set_name, "lists")
    people = {"writer": {r["id"]: list(r.get("findings") or []) for r in rows}}
    for path in sorted(AGREEMENT.glob(f"{prefix}*.yaml")):
        people[f"relabeller {path.stem[-1]}"] = {r["id"]: list(r.get("findings") or [])
                                                 for r in _load(path, "lists")}
    engine = Engine()
    predicted = {name: {k: _as_findings(v) for k, v in labels.items()}
                 for name, labels in people.items()}
    predicted["engine"] = {r["id"]: list(engine.sequence(shot_list_text(r)).findings)
                           for r in rows}
    print(f"== Shot lists: {set_name}, {len(rows)} lists, "
          f"{len(people)} people ==")
    golds = dict(people)
    if len(people) >= 3:
        golds[f"majority of the {len(people)}"] = majority(list(people.values()))
    for gold_name, gold in golds.items():
        n = {k: sum(1 for labs in gold.values() for lab in labs if lab["kind"] == k)
             for k in KINDS}
        print(f"  scored against {gold_name} (drift {n['drift']}, gap {n['gap']}):")
        for name, found in predicted.items():
            if name == gold_name:
                continue
            counts = _sequence_counts(found, gold)
            cells = "   ".join(f"{k} P {_ratio(c[0], c[1])} R {_ratio(c[0], c[2])}"
                               for k, c in counts.items())
            print(f"    {name:14s} {cells}")


# --- ethics --------------------------------------------------------------------------------


def _verdict_review(verdicts: dict[str, tuple[str, str]], prompts: dict[str, str]
                    ) -> Callable[[str], Any]:
    """A person's labels in the shape `ethics_external.evaluate` reads from the engine: the
    verdict, and one concern of the engine category the label's category maps to."""
    from ethics_external import CATEGORY_MAP

    by_prompt = {prompts[i]: v for i, v in verdicts.items()}

    def review(prompt: str) -> Any:
        verdict, category = by_prompt[prompt]
        engine_category = min(CATEGORY_MAP.get(category) or {"none"})
        concerns = [] if verdict == "ok" else [
            SimpleNamespace(category=engine_category, severity=verdict, rule="label")]
        return SimpleNamespace(verdict=verdict, concerns=concerns)

    return review


def kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two labellings of the same items."""
    n = len(first)
    seen = sum(a == b for a, b in zip(first, second, strict=True)) / n
    chance = sum((list(first).count(v) / n) * (list(second).count(v) / n)
                 for v in set(first) | set(second))
    return (seen - chance) / (1 - chance) if chance < 1 else 1.0


def ethics() -> None:
    for set_name, prefix in ETHICS_SETS:
        if list(AGREEMENT.glob(f"{prefix}*.yaml")):
            ethics_set(set_name, prefix)


def ethics_set(set_name: str, prefix: str) -> None:
    from ethics_external import Row, evaluate, print_figures

    from bot.core.ethics import review_full
    from bot.core.ethics.semantic import SemanticLayer

    paths = sorted(AGREEMENT.glob(f"{prefix}*.yaml"))
    writer = [Row.model_validate(r) for r in _load(DATA / set_name, "cases")]
    people: dict[str, list[Row]] = {"writer": writer}
    for path in paths:
        theirs = {r["id"]: r for r in _load(path, "cases")}
        people[f"relabeller {path.stem[-1]}"] = [
            r.model_copy(update={"verdict": theirs[r.id]["verdict"],
                                 "category": theirs[r.id]["category"]}) for r in writer]
    prompts = {r.id: r.prompt for r in writer}
    print(f"== Ethics: {set_name}, {len(writer)} rows, {len(people)} people ==")
    names = list(people)
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            a = [r.verdict for r in people[first]]
            b = [r.verdict for r in people[second]]
            same = sum(x == y for x, y in zip(a, b, strict=True))
            cats = sum((x.verdict, x.category) == (y.verdict, y.category)
                       for x, y in zip(people[first], people[second], strict=True))
            print(f"  {first} and {second}: verdicts agree on {_ratio(same, len(a))}, Cohen's "
                  f"kappa {kappa(a, b):.2f}; verdict and category on {_ratio(cats, len(a))}")
    with tempfile.TemporaryDirectory() as tmp:
        layer = SemanticLayer(Path(tmp))
        layer.warm()

        def engine(prompt: str) -> Any:
            return review_full(prompt, semantic=layer)

        reviews = {name: _verdict_review({r.id: (r.verdict, r.category) for r in rows}, prompts)
                   for name, rows in people.items()}
        unanimous = [r for k, r in enumerate(writer)
                     if len({people[n][k].verdict for n in names}) == 1]
        runs = [(f"{other}, scored against {gold}", people[gold], reviews[other])
                for gold in names[:2] for other in names if other != gold]
        runs += [(f"engine (rules + semantic), scored against {gold}", people[gold], engine)
                 for gold in names]
        runs.append((f"engine on the {len(unanimous)} rows whose verdict every person gives",
                     unanimous, engine))
        for title, rows, review in runs:
            print_figures(title, evaluate(rows, review))


# --- components ----------------------------------------------------------------------------


def _present(rows: Iterable[dict[str, Any]]) -> dict[str, set[str]]:
    return {r["id"]: {name for name, spans in (r.get("components") or {}).items()
                      if any(s and str(s).strip() for s in spans or [])} for r in rows}


def components() -> None:
    from components_quality import DEFAULT_TARGET, TARGETS

    from bot.core.critique.analysis import analyze
    from bot.core.critique.components import COMPONENT_NAMES

    path = AGREEMENT / "comp_dev_B.yaml"
    if not path.exists():
        print(f"== Components: {path.name} missing; skipped ==")
        return
    rows = [r for r in _load(DATA / "components.yaml", "prompts") if r["split"] == "dev"]
    writer = _present(rows)
    other = _present(_load(path, "prompts"))
    rows = [r for r in rows if r["id"] in other]
    engine = {r["id"]: {str(c) for c, spans in analyze(r["prompt"]).spans.items() if spans}
              for r in rows}
    print(f"== Components: components.yaml dev, {len(rows)} prompts, the writer and a "
          "relabeller (presence per component, precision / recall) ==")
    print(f"  {'component':12s} {'relabeller vs writer':>22s} {'engine vs writer':>18s} "
          f"{'engine vs relabeller':>22s} {'engine where both agree':>24s}  target")
    for name in COMPONENT_NAMES:
        cells = []
        for found, gold, keep in ((other, writer, None), (engine, writer, None),
                                  (engine, other, None), (engine, writer, other)):
            tp = fp = fn = 0
            for r in rows:
                want = name in gold[r["id"]]
                if keep is not None and want != (name in keep[r["id"]]):
                    continue
                got = name in found[r["id"]]
                tp, fp, fn = tp + (got and want), fp + (got and not want), fn + (want and not got)
            p = tp / (tp + fp) if tp + fp else 1.0
            rec = tp / (tp + fn) if tp + fn else 1.0
            cells.append(f"{p:.2f} / {rec:.2f} ({tp + fn:>3})")
        target = TARGETS.get(name, DEFAULT_TARGET)
        print(f"  {name:12s} {cells[0]:>22s} {cells[1]:>18s} {cells[2]:>22s} {cells[3]:>24s}"
              f"  {target:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("sequences", "ethics", "components"))
    args = parser.parse_args(argv)
    for name, run in (("sequences", sequences), ("ethics", ethics),
                      ("components", components)):
        if args.only in (None, name):
            run()
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
