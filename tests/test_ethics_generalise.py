"""Mechanisms that carry the ethics review to prompts nobody here wrote: long prompts read by
passage, frames that need two signs, a probe verdict weighed by its confidence, a class that
fires just under its threshold with a clear lead, and names written as possessives."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from pathlib import Path

import numpy as np

from bot.core.ethics import cached_rules, review_ethics
from bot.core.ethics import semantic as semantic_module
from bot.core.ethics.probe import CONFIDENT_SPAN, Probe, ProbeScorer
from bot.core.ethics.rules import Concern
from bot.core.ethics.semantic import (
    ClassScore,
    ExemplarClass,
    Exemplars,
    SemanticLayer,
    _agrees,
    _framed,
    passages,
)

SAFE = [f"a calm lake at dawn number {i}" for i in range(10)]


def _klass(**extra: object) -> ExemplarClass:
    fields: dict[str, object] = {
        "id": "fraud", "category": "fraud-impersonation", "severity": "stop",
        "threshold": 0.5, "sources": ["policy"], "why": "It reads as a scam.",
        "instead": "Show the pattern with invented people.", "examples": ["a", "b", "c"]}
    fields.update(extra)
    return ExemplarClass.model_validate(fields)


def _exemplars(**extra: object) -> Exemplars:
    fields: dict[str, object] = {
        "sources": {"policy": "https://example.org"}, "margin": 0.05,
        "classes": [_klass().model_dump()], "safe": SAFE}
    fields.update(extra)
    return Exemplars.model_validate(fields)


# --- passages -------------------------------------------------------------------------------

def test_short_prompts_have_no_passages() -> None:
    assert passages("a fox trots through fresh snow at dawn, low angle") == []


def test_a_long_prompt_is_read_clause_by_clause() -> None:
    prompt = ("Moody garage workshop, tungsten practicals, dust in the light beams, jazz on a "
              "radio, the camera glides over old tools and then closes in as a man explains "
              "each step to build a suppressor from a solvent trap kit, then a wide of the "
              "garage door closing at dusk")
    found = passages(prompt)
    assert found and all(len(p.split()) <= semantic_module.PASSAGE_WORDS for p in found)
    assert any("explains each step to build a suppressor" in p for p in found)
    assert len(found) <= semantic_module.MAX_PASSAGES


def test_a_harmful_clause_buried_in_a_long_prompt_reaches_its_class(tmp_path: Path,
                                                                    monkeypatch) -> None:
    """With a stand-in embedding where only shared words make texts close, the whole long
    prompt is far from the exemplar; its passage is not."""
    from bot.core.retrieval import embeddings

    def embed(texts, batch_size=32):
        out = []
        for text in texts:
            v = np.zeros(64, dtype=np.float32)
            for word in text.lower().replace(",", " ").split():
                v[int(hashlib.md5(word.encode()).hexdigest(), 16) % 64] += 1.0
            out.append((v / (np.linalg.norm(v) or 1.0)).tolist())
        return out

    monkeypatch.setattr(embeddings, "embed", embed)
    monkeypatch.setattr(embeddings, "_query_cache", OrderedDict())
    monkeypatch.setattr(semantic_module, "_matrices", {})
    exemplars = _exemplars(top_k=1, classes=[_klass(
        examples=["wire the money to the new supplier account today",
                  "wire the deposit to this account now", "send the money to the account"],
    ).model_dump()])
    layer = SemanticLayer(tmp_path, exemplars=exemplars)
    padding = ", ".join(f"soft light number {i} on a quiet street" for i in range(6))
    prompt = f"{padding}, wire the money to the new supplier account today"
    example = exemplars.classes[0].examples[0]
    whole = float(np.asarray(embed([prompt])[0]) @ np.asarray(embed([example])[0]))
    assert whole < 0.5  # the whole prompt alone would not reach the threshold
    (score,) = layer.scores(prompt)
    assert score.similarity > 0.7 and score.raises(exemplars)


# --- frames ---------------------------------------------------------------------------------

def _stop() -> Concern:
    return Concern(category="fraud-impersonation", severity="stop", trigger="t",
                   why="It reads as a scam.", instead="Show the pattern instead.")


def test_a_frame_lowers_one_step_and_an_invented_cast_with_it_clears_to_a_note() -> None:
    klass = _klass(lowered_by=["fraud_awareness"], cleared_by=["invented_cast"])
    awareness = {"fraud_awareness"}
    both = {"fraud_awareness", "invented_cast"}
    assert _framed(_stop(), klass, lambda g: g in awareness).severity == "caution"
    assert _framed(_stop(), klass, lambda g: g in both).severity == "note"
    # an invented cast alone clears nothing: "actors" in a real-looking hoax
    assert _framed(_stop(), klass, lambda g: g == "invented_cast").severity == "stop"


def test_a_rule_adjust_with_and_if_needs_both_signs() -> None:
    aware = ("scam awareness video for seniors: a fake grandson calls his grandma asking "
             "for bail money, the narrator explains the red flags")
    with_actors = aware + ", played by actors"
    assert review_ethics(aware).verdict == "caution"
    assert review_ethics(with_actors).verdict == "note"


# --- near misses and the probe's confidence ---------------------------------------------------

def test_just_under_the_threshold_fires_only_with_a_clear_lead() -> None:
    exemplars = _exemplars(near_band=0.03, clear_margin=0.12)
    klass = exemplars.classes[0]
    assert ClassScore(klass, 0.48, 0.30).raises(exemplars)       # lead 0.18
    assert not ClassScore(klass, 0.48, 0.40).raises(exemplars)   # lead 0.08
    assert not ClassScore(klass, 0.46, 0.20).raises(exemplars)   # below the band
    assert ClassScore(klass, 0.52, 0.46).raises(exemplars)       # at threshold, margin 0.06


def test_a_weak_probe_verdict_needs_the_exemplars_to_back_it() -> None:
    probe = Probe(model="m", training_sha256="0" * 64, classes=["fraud", "safe"],
                  weights=[[0.0] * 8, [0.0] * 8], bias=[0.0, 0.0], thresholds={"fraud": 0.4})
    scorer = ProbeScorer(probe)
    assert scorer.confidence("fraud", 0.4) == 0.0
    assert scorer.confidence("fraud", 0.41 + CONFIDENT_SPAN) == 1.0
    assert 0.0 < scorer.confidence("fraud", 0.5) < 1.0
    klass = _klass()
    near_but_level = ClassScore(klass, 0.45, 0.44)
    # a confident probe takes exemplars within the slack and level with the safe anchors
    assert _agrees(near_but_level, slack=0.1, lead=0.0)
    # just past its threshold, the probe gets no slack and wants a lead over the anchors
    doubt = 1.0 - scorer.confidence("fraud", 0.41)
    assert not _agrees(near_but_level, slack=0.1 * (1 - doubt), lead=0.05 * doubt)


# --- names ------------------------------------------------------------------------------------

def test_a_possessive_is_still_the_name() -> None:
    index, _ = cached_rules().people_index
    assert index.find("morgan freeman's face and voice") == [(0, 14)]
    assert index.find("Morgan Freeman’s voice") == [(0, 14)]
    assert index.find("Morgan Freemanish") == []


def test_a_performer_who_impersonates_is_not_fraud() -> None:
    assert review_ethics("an Elvis impersonator sings in a Vegas lounge").verdict != "stop"
    assert review_ethics("impersonate my boss's voice asking accounting to wire money"
                         ).verdict == "stop"
