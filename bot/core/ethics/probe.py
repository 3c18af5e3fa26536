"""The ethics probe: a linear classifier over the shipped MiniLM's sentence vectors.

The nearest-exemplar layer (`semantic`) asks whether a prompt is close to one of a few hundred
written prompts; a request phrased unlike all of them slips through. The probe is multinomial
logistic regression trained on those exemplars plus knowledge/ethics/probe_training.yaml: one
weight row per exemplar class and one for "safe", so it learns the directions of meaning that
separate a class from the rest (who is targeted, what is done, how it is framed) rather than
distances to single examples.

It is trained at build time by scripts/train_ethics_probe.py and shipped as
knowledge/ethics/probe.json (weights, biases and per-class probability thresholds chosen on
the benchmarks' dev splits). Loading validates its shape, its classes against exemplars.yaml
and the hash of the training files it was made from: a probe older than its training data is
refused with a message naming the file, never silently used. Scoring is one 13x384 matrix
product on the vector the semantic layer already computed: microseconds.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, KnowledgeError, _describe

if TYPE_CHECKING:
    import numpy as np

PROBE_FILE = "probe.json"
TRAINING_FILES = ("exemplars.yaml", "probe_training.yaml")
SAFE = "safe"
CONFIDENT_SPAN = 0.3
"""Probability past a class's threshold at which the probe's verdict counts in full."""


class Probe(BaseModel):
    """probe.json: the trained weights and what they were trained from."""

    model_config = ConfigDict(extra="forbid")

    model: str
    """The embedding model whose vectors the weights read (embeddings.MODEL_NAME)."""
    training_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    """Hash of the training files (`training_digest`) the weights were fitted on."""
    classes: list[str] = Field(min_length=2)
    """Exemplar class ids in weight-row order, then "safe"."""
    weights: list[list[float]]
    bias: list[float]
    thresholds: dict[str, float]
    """Per class, the probability at which it raises its concern (chosen on dev)."""

    @model_validator(mode="after")
    def _shapes(self) -> Probe:
        if self.classes[-1] != SAFE or len(set(self.classes)) != len(self.classes):
            raise ValueError("classes must be unique and end with 'safe'")
        if len(self.weights) != len(self.classes) or len(self.bias) != len(self.classes):
            raise ValueError("weights and bias need one row per class")
        width = {len(row) for row in self.weights}
        if len(width) != 1 or not width or next(iter(width)) < 8:
            raise ValueError("every weight row must have the embedding's width")
        if not all(math.isfinite(x) for row in self.weights for x in row):
            raise ValueError("weights must be finite numbers")
        unknown = sorted(set(self.thresholds) - set(self.classes[:-1]))
        if unknown:
            raise ValueError(f"thresholds name unknown classes {unknown}")
        if not all(0.0 < t <= 1.0 for t in self.thresholds.values()):
            raise ValueError("thresholds are probabilities in (0, 1]")
        return self

    @property
    def width(self) -> int:
        return len(self.weights[0])


def training_digest(ethics_dir: Path) -> str:
    """What the probe depends on: the bytes of its training files."""
    digest = hashlib.sha256()
    for name in TRAINING_FILES:
        digest.update(name.encode() + b"\0" + (ethics_dir / name).read_bytes() + b"\0")
    return digest.hexdigest()


def probe_path(knowledge_dir: Path | None = None) -> Path:
    return Path(knowledge_dir or DEFAULT_KNOWLEDGE_DIR) / "ethics" / PROBE_FILE


def load_probe(knowledge_dir: Path | None = None, class_ids: list[str] | None = None,
               model: str | None = None) -> Probe | None:
    """The validated probe, or None when the knowledge directory ships none.

    KnowledgeError (naming the file and the field) when it is malformed, made for another
    embedding model, for other classes than exemplars.yaml's, or from older training files.
    """
    path = probe_path(knowledge_dir)
    if not path.is_file():
        return None
    try:
        probe = Probe.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise KnowledgeError(f"{path}: cannot read: {e}") from None
    except ValidationError as e:
        raise KnowledgeError(f"{path}: {_describe(e)}") from None
    if model is not None and probe.model != model:
        raise KnowledgeError(f"{path}: model: trained for {probe.model!r}, the shipped "
                             f"embedding model is {model!r}; run scripts/train_ethics_probe.py")
    if class_ids is not None and probe.classes[:-1] != class_ids:
        raise KnowledgeError(f"{path}: classes: {probe.classes[:-1]} differ from exemplars.yaml's "
                             f"{class_ids}; run scripts/train_ethics_probe.py")
    if probe.training_sha256 != training_digest(path.parent):
        raise KnowledgeError(f"{path}: training_sha256: the training files changed since the "
                             "probe was trained; run scripts/train_ethics_probe.py")
    return probe


class ProbeScorer:
    """The probe as numpy arrays, ready to score a query vector."""

    def __init__(self, probe: Probe) -> None:
        import numpy as np

        self.probe = probe
        self.weights = np.asarray(probe.weights, dtype=np.float32)
        self.bias = np.asarray(probe.bias, dtype=np.float32)

    def probabilities(self, vector: np.ndarray) -> dict[str, float]:
        """Softmax over the classes for one unit-length sentence vector."""
        import numpy as np

        logits = self.weights @ vector + self.bias
        logits -= logits.max()
        exp = np.exp(logits)
        probs = exp / exp.sum()
        return {c: float(p) for c, p in zip(self.probe.classes, probs, strict=True)}

    def confidence(self, class_id: str, probability: float) -> float:
        """How far past its threshold a class's probability is, from 0 (at the threshold) to
        1 (CONFIDENT_SPAN past it). A verdict just over the line is the probe's weakest: the
        semantic layer then wants the nearest exemplars themselves nearly at their threshold
        (a man leaving his keys and waving goodbye shares a direction with a farewell note)."""
        threshold = self.probe.thresholds.get(class_id, 1.0)
        return max(0.0, min(1.0, (probability - threshold) / CONFIDENT_SPAN))

    def firing(self, vector: np.ndarray) -> dict[str, float]:
        """The classes whose probability reaches their threshold, with that probability;
        none when the vector is not from the model the probe was trained on (its width
        differs, as with a test's stand-in embedding)."""
        if vector.shape != (self.weights.shape[1],):
            return {}
        probs = self.probabilities(vector)
        return {c: p for c, p in probs.items()
                if c in self.probe.thresholds and p >= self.probe.thresholds[c]}
