"""critique(): scores, missing parts a reviewer would name, anti-patterns, rewrite."""

from __future__ import annotations

import json

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import COMPONENT_NAMES
from bot.core.critique.components import Component as C
from bot.core.critique.pipeline import critique
from tests.conftest import SEED_BROKEN


def test_cat_jump(kb):
    c = critique("A cat jumps on the table", kb)
    assert {C.CAMERA, C.MOTION, C.LIGHTING, C.STYLE} <= set(c.missing)
    assert C.SUBJECT not in c.missing and C.ACTION not in c.missing
    assert c.score < 50


def test_cinematic_forest(kb):
    c = critique("Cinematic forest scene with birds", kb)
    assert {C.ACTION, C.CAMERA, C.MOTION, C.LIGHTING, C.STYLE} <= set(c.missing)
    assert "cinematic-only" in {a.id for a in c.anti_patterns}
    assert "cinematic" not in c.rewrite.lower()
    assert c.score < 40


def test_man_walking_4k(kb):
    c = critique("Man walking down street, 4K", kb)
    assert {C.CAMERA, C.MOTION, C.LIGHTING, C.STYLE} <= set(c.missing)
    spam = [a for a in c.anti_patterns if a.id == "quality-spam"]
    assert spam and "4K" in spam[0].text
    assert "4k" not in c.rewrite.lower()


@pytest.mark.parametrize("prompt", SEED_BROKEN)
def test_rewrite_keeps_intent_and_fills_gaps(kb, prompt):
    # At full strength: the default (standard) adds only what experts likely add to this kind
    # of prompt (issue 24), so not every slot; `full` is the strength that fills them.
    c = critique(prompt, kb, strength="full")
    a = analyze(c.rewrite)
    for comp in (C.SUBJECT, C.CAMERA, C.LIGHTING, C.STYLE, C.MOTION):
        assert a.has(comp), f"rewrite of {prompt!r} lacks {comp}: {c.rewrite}"
    assert critique(c.rewrite, kb).score >= 80
    original_words = {w.lower() for w in prompt.replace(",", " ").split()} - {"4k", "cinematic"}
    assert original_words <= {w.lower().strip(",.:") for w in c.rewrite.split()}
    assert set(c.added) >= {C.CAMERA, C.LIGHTING}


def test_gallery_scores_high(kb):
    scores = {e.id: critique(e.prompt, kb).score for e in kb.gallery.values()}
    low = {k: v for k, v in scores.items() if v < 70}
    assert not low, low
    assert sum(scores.values()) / len(scores) >= 85


def test_gallery_labels_are_found(kb):
    """Recall of the analyzer against the gallery's hand labels."""
    labelled = found = 0
    for e in kb.gallery.values():
        present = {c.value for c in analyze(e.prompt).present}
        for comp in e.components:
            labelled += 1
            found += comp.value in present
    assert found / labelled >= 0.95


def test_anti_patterns(kb):
    ids = lambda p, m=None: {a.id for a in critique(p, kb, m).anti_patterns}  # noqa: E731
    assert "conflicting-camera" in ids("A dancer spins, pan left then pan right, warm light")
    assert "conflicting-camera" in ids("A boat drifts, locked-off camera, slow dolly-in")
    assert "too-many-actions" in ids("A man jumps, runs, dances, sings, climbs and waves, "
                                     "golden hour")
    assert "negation" in ids("A beach at dawn, no people, slow pan right")
    assert "contradiction" in ids("A sunny daytime street at night, tracking shot")
    assert "vague-verbs" in ids("A robot moves in a lab, handheld camera")
    assert "camera-vague" in ids("A car in the desert, dynamic camera")
    # Longer than Runway's limit whatever it is (2,000 characters on Gen-4.5, issue 21).
    sentence = "A woman walks slowly through a field at dawn, slow dolly-in. "
    long = sentence * (kb.models["runway"].max_prompt_chars // len(sentence) + 2)
    assert "over-length" in ids(long, "runway")


def test_negation_goes_to_negative_prompt_where_supported(kb):
    c = critique("A quiet beach at dawn, no people, slow pan right", kb, "kling")
    assert "no people" not in c.rewrite
    assert any("Negative prompt" in s.text and "people" in s.text for s in c.suggestions)
    c2 = critique("A quiet beach at dawn, no people, slow pan right", kb, "runway")
    assert "no people" not in c2.rewrite and "deserted" in c2.rewrite


def test_audio_counts_only_for_sound_models(kb):
    p = "A chef flips a pancake in a kitchen, slow dolly-in, warm window light, cozy mood"
    assert next(x for x in critique(p, kb).components if x.name == C.AUDIO).max_score == 0
    veo = critique(p, kb, "veo")
    assert C.AUDIO in veo.missing


def test_json_contract(kb):
    out = critique("Man walking down street, 4K", kb).to_public_json()
    json.dumps(out)
    assert 0 <= out["score"] <= 100
    assert [c["name"] for c in out["components"]] == list(COMPONENT_NAMES)
    for comp in out["components"]:
        assert set(comp) >= {"name", "present", "text", "score"}
        assert isinstance(comp["present"], bool)
        assert comp["text"] is None or comp["text"] in "Man walking down street, 4K"
    for a in out["anti_patterns"]:
        assert set(a) >= {"id", "text", "why"}
    assert all(isinstance(s, str) for s in out["suggestions"])
    assert out["missing"] and all(m in COMPONENT_NAMES for m in out["missing"])
    assert out["sources"] and all(s in out["sources"] for s in ["camera-language"])


def test_sources_are_real_sections(kb):
    for p in SEED_BROKEN:
        for s in critique(p, kb).sources:
            assert s in kb.guide


def test_deterministic(kb):
    p = "A fox trots through snow at dusk"
    assert critique(p, kb).model_dump() == critique(p, kb).model_dump()
