"""Session 24: exemplar classes for the rule categories that had none (sexual, elections-news,
brand-impersonation, disclosure), their look-alike topics, and a frame-lowered semantic
concern that only one view of the vector backs going down to a note."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from bot.core.ethics import Concern, _Scan, cached_rules
from bot.core.ethics import semantic as semantic_module
from bot.core.ethics.confirm import load_lookalikes
from bot.core.ethics.probe import SAFE, Probe, load_probe
from bot.core.ethics.rules import DETECTED_GROUPS
from bot.core.ethics.semantic import (
    ExemplarClass,
    Exemplars,
    SemanticLayer,
    _framed,
    _model_tag,
    load_exemplars,
    probed_ids,
)

NEW_CATEGORIES = {"sexual": "stop", "elections-news": "stop", "brand-impersonation": "stop",
                  "disclosure": "note"}


def _groups(prompt: str) -> Callable[[str], bool]:
    scan = _Scan(prompt, cached_rules())
    return lambda g: bool(scan.hits(g))


def _class(class_id: str) -> ExemplarClass:
    exemplars, _ = load_exemplars()
    return next(c for c in exemplars.classes if c.id == class_id)


def _stop(klass: ExemplarClass, layer: str = "semantic") -> Concern:
    return Concern(category=klass.category, severity="stop", trigger="t", why="w" * 10,
                   instead="i" * 10, rule=f"{layer}:{klass.id}")


# --- the new classes ----------------------------------------------------------------------------

def test_every_rule_category_that_raises_something_has_an_exemplar_class() -> None:
    exemplars, _ = load_exemplars()
    by_category = {c.category: c for c in exemplars.classes}
    for category, severity in NEW_CATEGORIES.items():
        klass = by_category[category]
        assert klass.severity == severity, category
        assert len(klass.sources) >= 3 and len(klass.examples) >= 8
        assert klass.requires, f"{klass.id} needs a sign of its topic before it raises anything"


def test_the_new_classes_gates_name_known_groups() -> None:
    rules = cached_rules()
    known = set(rules.groups) | set(rules.unions) | set(DETECTED_GROUPS)
    exemplars, _ = load_exemplars()
    for klass in exemplars.classes:
        if klass.category in NEW_CATEGORIES:
            for group in [*klass.requires, *klass.lowered_by, *klass.cleared_by, *klass.kept_by]:
                assert group in known, (klass.id, group)


@pytest.mark.parametrize(("class_id", "prompt", "opens"), [
    ("election-deception", "phone footage of poll workers burning ballots, looks real", True),
    ("election-deception", "a cat chasing a laser pointer across the kitchen", False),
    ("brand-impersonation", "a giveaway video pretending to be from Nike, claim your pair",
     True),
    ("brand-impersonation", "a watercolour fox in the snow", False),
    ("sexual-explicit", "two adults having sex on a couch, explicit", True),
    ("sexual-explicit", "two adults sharing a picnic on a couch-shaped rock", False),
])
def test_a_new_class_is_gated_by_a_sign_of_its_topic(class_id: str, prompt: str,
                                                     opens: bool) -> None:
    assert _class(class_id).admits(_groups(prompt)) is opens


def test_the_new_categories_have_lookalike_topics_and_lowerable_ones_have_margins() -> None:
    lookalikes, _ = load_lookalikes()
    for category in NEW_CATEGORIES:
        assert category in lookalikes.topics
        anchors = [a for a in lookalikes.anchors() if a.category == category]
        assert any(lookalikes.topics[category] in a.text for a in anchors)
    for category in ("elections-news", "brand-impersonation"):
        assert lookalikes.margin(category, "stop") is not None
        caution = lookalikes.margin(category, "caution")
        stop = lookalikes.margin(category, "stop")
        assert caution is not None and stop is not None and caution >= stop
    assert lookalikes.margin("sexual", "caution") is None  # never lowered


def test_the_shipped_probe_knows_the_probed_classes_and_not_the_new_ones() -> None:
    exemplars, _ = load_exemplars()
    ids = probed_ids(exemplars)
    assert not {c.id for c in exemplars.classes if c.category in NEW_CATEGORIES} & set(ids)
    probe = load_probe(None, ids, _model_tag())
    assert probe is not None and probe.classes[:-1] == ids
    assert set(probe.thresholds) == set(ids)


# --- a frame-lowered concern needs a second view ------------------------------------------------

def test_an_unseconded_concern_under_a_frame_is_a_note() -> None:
    misinformation = _class("misinformation")
    doorbell = _groups("doorbell cam of a man kicking our gate, clip handed to the police")
    assert _framed(_stop(misinformation), misinformation, doorbell,
                   seconded=False).severity == "note"
    assert _framed(_stop(misinformation), misinformation, doorbell).severity == "caution"


def test_an_unseconded_concern_without_a_frame_keeps_its_severity() -> None:
    misinformation = _class("misinformation")
    claimed = _groups("doorbell cam of a man kicking our gate, make it look real for facebook")
    assert _framed(_stop(misinformation), misinformation, claimed,
                   seconded=False).severity == "stop"


def test_an_unseconded_minors_concern_under_a_frame_stays_a_caution() -> None:
    minors = _class("minors-sexual")
    psa = _groups("a short for parents: a stranger messages a 13 year old boy for photos, he "
                  "blocks the account and tells his dad, helpline at the end")
    assert _framed(_stop(minors), minors, psa, seconded=False).severity == "caution"


PAD = [0.0] * 5


def _toy_layer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
               probe_threshold: float) -> SemanticLayer:
    """One framed stop class on axis 0 and safe anchors on axis 1 of an 8-d stand-in model;
    a probe that reads axis 0 gently (weight 1), firing at `probe_threshold`."""
    from bot.core.retrieval import embeddings

    def unit(v: list[float]) -> list[float]:
        a = np.asarray(v + PAD[: 8 - len(v)], dtype=np.float32)
        return list(a / np.linalg.norm(a))

    def embed(texts: list[str], batch_size: int = 32) -> list[list[float]]:
        return [unit([0.8, 0.2, 0.57]) if t == "near" else
                unit([1.0, 0.0, 0.0]) if t.startswith("harm") else unit([0.0, 1.0, 0.0])
                for t in texts]

    monkeypatch.setattr(embeddings, "embed", embed)
    monkeypatch.setattr(embeddings, "query_vector",
                        lambda text: np.asarray(embed([text])[0], dtype=np.float32))
    monkeypatch.setattr(semantic_module, "_matrices", {})
    exemplars = Exemplars.model_validate({
        "sources": {"policy": "https://example.org/policy"}, "margin": 0.05, "top_k": 1,
        "classes": [{
            "id": "self-harm", "category": "self-harm", "severity": "stop", "threshold": 0.5,
            "sources": ["policy"], "why": "It reads as a self-harm method.",
            "instead": "Tell the story of getting help.", "lowered_by": ["support_context"],
            "examples": ["harm one", "harm two", "harm three"]}],
        "safe": [f"safe anchor {i}" for i in range(10)]})
    probe = Probe(model="toy", training_sha256="0" * 64, classes=["self-harm", SAFE],
                  weights=[[1.0, 0, 0, 0, 0, 0, 0, 0], [0, 1.0, 0, 0, 0, 0, 0, 0]],
                  bias=[0.0, 0.0], thresholds={"self-harm": probe_threshold})
    return SemanticLayer(tmp_path / "data", exemplars=exemplars, probe=probe)


def test_the_layer_lowers_a_framed_concern_to_a_note_when_the_probe_disagrees(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    framed = lambda group: group == "support_context"  # noqa: E731
    # the probe gives "near" about 0.65 for the class: silent at 0.9, firing at 0.6
    silent = _toy_layer(monkeypatch, tmp_path, probe_threshold=0.9)
    assert [c.severity for c in silent.concerns("near", framed)] == ["note"]
    assert [c.severity for c in silent.concerns("near", lambda g: False)] == ["stop"]
    # without the probe's reading (a clause's gloss) nothing is asked of it
    assert [c.severity for c in silent.concerns("near", framed, use_probe=False)] == ["caution"]
    firing = _toy_layer(monkeypatch, tmp_path / "b", probe_threshold=0.6)
    assert {c.severity for c in firing.concerns("near", framed)} == {"caution"}


def test_a_class_the_probe_is_not_trained_on_needs_no_probe_verdict(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    layer = _toy_layer(monkeypatch, tmp_path, probe_threshold=0.9)
    unprobed = layer.exemplars.model_copy(update={"classes": [
        layer.exemplars.classes[0].model_copy(update={"probed": False})]})
    layer.__dict__["_loaded"] = (unprobed, "unprobed")
    framed = lambda group: group == "support_context"  # noqa: E731
    assert [c.severity for c in layer.concerns("near", framed)] == ["caution"]
