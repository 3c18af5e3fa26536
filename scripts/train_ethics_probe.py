"""Train the ethics probe (knowledge/ethics/probe.json) from the exemplars and probe_training.yaml.

Build time only: run it after editing knowledge/ethics/exemplars.yaml or probe_training.yaml
(loading refuses a probe whose training files changed since). Steps:
1. embed every training prompt with the shipped MiniLM (the exemplars' classes, their safe
   anchors and probe_training.yaml's extra prompts);
2. fit multinomial logistic regression (numpy, full-batch gradient descent with L2, classes
   weighted to balance), deterministic;
3. choose each class's probability threshold on the DEV splits only (ethics.yaml dev and, when
   given, the multilingual set's dev rows, dev2, dev3, dev4, dev5, dev6, dev7 and dev8): the
   highest probability the class gives a dev row labelled below its severity that the probe
   could raise (it passes the class's `requires` gate, its nearest exemplars agree, `semantic._agrees`, and no
   `lowered_by` frame holds its concern below its severity), plus a
   margin, and never under the floor. held_out rows are never read.

    .venv/bin/python scripts/train_ethics_probe.py [--multilingual PATH] [--check]

`--check` retrains and compares with the shipped file instead of writing it (exit 1 if stale).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

ETHICS_DIR = ROOT / "knowledge" / "ethics"
FLOOR = {"stop": 0.4, "caution": 0.45}
"""No class fires below these probabilities, however clean dev looks: dev is a few rows."""
MARGIN = 0.1
L2 = 1e-4
STEPS = 2000
LEARNING_RATE = 20.0


class Training(BaseModel):
    """probe_training.yaml."""

    model_config = ConfigDict(extra="forbid")
    classes: dict[str, list[str]]
    safe: list[str] = Field(min_length=10)


def training_set(exemplars, extra: Training) -> tuple[list[str], list[int], list[str]]:
    """Texts, label indices and class names (the probed exemplar classes in order, then
    "safe"; a class with `probed: false` is left out of the probe altogether)."""
    from bot.core.ethics.probe import SAFE
    from bot.core.ethics.semantic import probed_ids

    classes = [c for c in exemplars.classes if c.probed]
    names = [*probed_ids(exemplars), SAFE]
    unknown = sorted(set(extra.classes) - set(names[:-1]))
    if unknown:
        raise SystemExit(f"probe_training.yaml: classes {unknown} are not in exemplars.yaml")
    texts: list[str] = []
    labels: list[int] = []
    for i, c in enumerate(classes):
        for t in [*c.examples, *extra.classes.get(c.id, [])]:
            texts.append(t)
            labels.append(i)
    for t in [*exemplars.safe, *extra.safe]:
        texts.append(t)
        labels.append(len(names) - 1)
    return texts, labels, names


def fit(x, y, n_classes: int):
    """Softmax regression by full-batch gradient descent with L2; class-balanced."""
    import numpy as np

    n, d = x.shape
    onehot = np.zeros((n, n_classes), dtype=np.float64)
    onehot[np.arange(n), y] = 1.0
    counts = onehot.sum(axis=0)
    sample_weight = (n / (n_classes * counts))[y][:, None]
    w = np.zeros((n_classes, d))
    b = np.zeros(n_classes)
    for _ in range(STEPS):
        logits = x @ w.T + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot) * sample_weight / n
        w -= LEARNING_RATE * (grad.T @ x + L2 * w)
        b -= LEARNING_RATE * grad.sum(axis=0)
    return w, b


def dev_rows(multilingual: Path | None):
    """The dev rows the thresholds are chosen on (never held_out)."""
    from ethics_external import (
        DATA_FILE,
        DEV2_FILE,
        DEV3_FILE,
        DEV4_FILE,
        DEV5_FILE,
        DEV6_FILE,
        DEV7_FILE,
        DEV8_FILE,
        load_rows,
    )

    rows = load_rows("dev", DATA_FILE)
    if multilingual is not None and multilingual.is_file():
        rows += load_rows("dev", multilingual, "es")
    # later tuning sets (all dev): English and Spanish
    for later in (DEV2_FILE, DEV3_FILE, DEV4_FILE, DEV5_FILE, DEV6_FILE, DEV7_FILE, DEV8_FILE):
        if later.is_file():
            rows += load_rows("dev", later, "en") + load_rows("dev", later, "es")
    return rows


def raisable(exemplars, rows) -> list[dict[str, bool]]:
    """Per dev row, per class: whether the probe's verdict on it could count at all, i.e. the
    class's gate passes (`ExemplarClass.admits`), its nearest exemplars agree
    (`semantic._agrees`) and no `lowered_by` frame (an awareness explainer) holds it below its
    severity (unless a `kept_by` group keeps it there). Only
    such rows bound a threshold: a row the gate or the exemplars already refuse cannot be
    raised by the probe, however high its probability, and letting it set the bar (as it did)
    pushed thresholds to 0.8-0.9, where paraphrases the exemplars back went unflagged."""
    import tempfile

    from bot.core.ethics import _Scan, cached_rules
    from bot.core.ethics.semantic import SemanticLayer, _agrees

    rules = cached_rules()
    with tempfile.TemporaryDirectory() as tmp:
        layer = SemanticLayer(Path(tmp), exemplars=exemplars)
        out = []
        for row in rows:
            scan = _Scan(row.prompt, rules)
            out.append({s.klass.id: s.klass.admits(lambda g, scan=scan: bool(scan.hits(g)))
                        and _agrees(s, exemplars.probe_agreement)
                        and (not any(scan.hits(g) for g in s.klass.lowered_by)
                             or any(scan.hits(g) for g in s.klass.kept_by))
                        for s in layer.scores(row.prompt)})
    return out


def thresholds(exemplars, names, probs_by_row, rows) -> tuple[dict[str, float], list[str]]:
    """Per class: above every dev row it must not raise that the probe could raise (see
    `raisable`), never under the floor."""
    from ethics_external import CATEGORY_MAP

    from bot.core.ethics import SEVERITY_RANK

    could = raisable(exemplars, rows)
    chosen: dict[str, float] = {}
    report: list[str] = []
    for i, klass in enumerate(k for k in exemplars.classes if k.probed):
        rank = SEVERITY_RANK[klass.severity]
        wanted = {k for k, cats in CATEGORY_MAP.items() if klass.category in cats}
        negatives = [p[i] for p, r, c in zip(probs_by_row, rows, could, strict=True)
                     if SEVERITY_RANK[r.verdict] < rank and c[klass.id]]
        positives = [p[i] for p, r, c in zip(probs_by_row, rows, could, strict=True)
                     if r.category in wanted and r.verdict == klass.severity and c[klass.id]]
        t = max([FLOOR[klass.severity], *[n + MARGIN for n in negatives]])
        t = min(t, 0.99)
        chosen[klass.id] = round(t, 4)
        hit = sum(p >= t for p in positives)
        report.append(f"  {klass.id:18} threshold {t:.2f}  dev positives {hit}/{len(positives)}"
                      f"  highest negative {max(negatives, default=0):.2f}")
    return chosen, report


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    from bot.core.ethics.probe import PROBE_FILE, training_digest
    from bot.core.ethics.semantic import load_exemplars
    from bot.core.retrieval import embeddings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--multilingual", type=Path,
                        default=ROOT / "benchmarks/data/external/ethics_multilingual.yaml")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)

    exemplars, _ = load_exemplars()
    extra = Training.model_validate(yaml.safe_load(
        (ETHICS_DIR / "probe_training.yaml").read_text(encoding="utf-8")))
    texts, labels, names = training_set(exemplars, extra)
    print(f"embedding {len(texts)} training prompts...", file=sys.stderr, flush=True)
    x = np.asarray(embeddings.embed(texts), dtype=np.float64)
    w, b = fit(x, np.asarray(labels), len(names))
    train_acc = float(np.mean((x @ w.T + b).argmax(axis=1) == np.asarray(labels)))

    rows = dev_rows(args.multilingual)
    dx = np.asarray(embeddings.embed([r.prompt for r in rows]), dtype=np.float64)
    logits = dx @ w.T + b
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(axis=1, keepdims=True)
    chosen, report = thresholds(exemplars, names, probs.tolist(), rows)
    print(f"training accuracy {train_acc:.3f} on {len(texts)} prompts; thresholds on "
          f"{len(rows)} dev rows:")
    print("\n".join(report))

    probe = {
        "model": getattr(embeddings, "MODEL_NAME", "minilm"),
        "training_sha256": training_digest(ETHICS_DIR),
        "classes": names,
        "weights": [[round(float(v), 5) for v in row] for row in w],
        "bias": [round(float(v), 5) for v in b],
        "thresholds": chosen,
    }
    path = ETHICS_DIR / PROBE_FILE
    text = json.dumps(probe, separators=(",", ":")) + "\n"
    if args.check:
        current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
        if current is None or current["training_sha256"] != probe["training_sha256"]:
            print(f"{path} is stale", file=sys.stderr)
            return 1
        print(f"{path} matches its training files")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(text) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
