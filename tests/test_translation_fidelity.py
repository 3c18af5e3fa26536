"""Translation keeps the author's intent (issue 12): no invented words, no repeats, every vendor
rule of the target's profile holds, over the gallery, prompts written outside the project and
generated prompts, for every model.

The checks live in `bot.core.dialects.audit`, which reads only the source, the output and the
profile data; the first tests here show it catches what the translator used to do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.dialects import Translation, compare, translate
from bot.core.dialects.audit import (
    content_words,
    invented,
    repeated,
    stem,
    vendor_violations,
)
from bot.core.dialects.camera import manner_of
from bot.core.knowledge import load_knowledge

EXTERNAL = Path(__file__).resolve().parents[1] / "benchmarks/data/external/components.yaml"
MODELS = ["runway", "luma", "kling", "pika", "sora", "veo", "hailuo", "wan", "hunyuan", "ltx"]


def audit(source: str, t: Translation, kb) -> dict[str, list[str]]:
    found = {"invented": invented(source, t, kb), "repeated": repeated(source, t),
             "vendor": vendor_violations(source, t, kb)}
    return {k: v for k, v in found.items() if v}


# --- the audit itself can fail ----------------------------------------------------------------

def test_audit_flags_invented_words_and_repeats(kb):
    src = "Low angle static shot of a lone tree on a hill at dusk"
    old = Translation(prompt="Static shot: low angle static shot of a lone tree on a hill at "
                             "dusk. Real-time pace, brisk movement.", model="runway")
    assert {"brisk", stem("movement"), stem("pace")} <= set(invented(src, old, kb))
    assert "static shot" in repeated(src, old)
    fine = Translation(prompt="Low angle static shot: a lone tree on a hill at dusk.",
                       model="runway")
    assert not invented(src, fine, kb) and not repeated(src, fine)


def test_audit_allows_the_targets_phrase_for_a_move_the_source_names(kb):
    src = "A fox in the snow, slow dolly in"
    t = Translation(prompt="A fox in the snow. [Push in]", model="hailuo")
    assert not invented(src, t, kb)
    assert invented("A fox in the snow", t, kb) == ["push"]  # no move named: not allowed


def test_audit_flags_broken_vendor_rules(kb):
    src = "A cat on a table, no people"
    long = Translation(prompt="A cat " * 400, model="runway")
    assert any(v.startswith("length") for v in vendor_violations(src, long, kb))
    negated = Translation(prompt="A cat on a table, no people.", model="runway")
    assert any(v.startswith("negation") for v in vendor_violations(src, negated, kb))
    missing = Translation(prompt="A cat on a table.", negative_prompt=None, model="kling")
    assert any(v.startswith("negative-prompt") for v in vendor_violations(src, missing, kb))
    brackets = Translation(prompt="A cat on a table. [Push in]", model="kling")
    assert any(v.startswith("brackets") for v in vendor_violations(src, brackets, kb))
    resolution = Translation(prompt="A cat on a table, 4K.", model="sora")
    assert vendor_violations(src, resolution, kb)
    look_first = Translation(prompt="Teal and orange palette, film noir style. A cat jumps onto "
                                    "a table.", model="kling", negative_prompt="people")
    assert any(v.startswith("order") for v in vendor_violations(src, look_first, kb))
    look_last = Translation(prompt="A cat jumps onto a table. Teal and orange palette, film "
                                   "noir style.", model="kling", negative_prompt="people")
    assert not vendor_violations(src, look_last, kb)


def test_stem_is_symmetric_for_the_forms_a_translation_uses():
    assert stem("walks") == stem("walking") == stem("walked") == stem("walk")
    assert stem("slowly") == stem("slow")
    assert stem("dollies") == stem("dolly")
    assert stem("gently") == stem("gentle") and stem("subtly") == stem("subtle")
    assert content_words("The camera slowly pans left") == ["camera", "slow", "pan", "left"]


# --- data rules -------------------------------------------------------------------------------

def test_no_profile_camera_phrase_carries_a_speed_or_manner(kb):
    """A move phrase is syntax; speed is the author's to write ("Slow pan left" invented it)."""
    for model in kb.models.values():
        for move, phrase in model.camera.moves.items():
            assert manner_of(phrase) is None, (model.id, move, phrase)


def test_every_label_the_layout_writes_is_declared_as_syntax(kb):
    for t in compare("A grandmother folds dumplings at a kitchen table, warm window light, "
                     "slow dolly in, she smiles and looks up", kb):
        declared = {w.rstrip(":") for w in kb.models[t.model].syntax_words}
        for label in re.findall(r"(?m)^([A-Z][a-z]+):", t.prompt):
            assert label in declared, (t.model, label)


# --- the failures issue 12 reported, each at its root -------------------------------------------

def test_a_walking_shot_gets_no_invented_pace_for_any_model(kb):
    for t in compare("A man walks across a busy square at noon", kb):
        assert t.prompt == "A man walks across a busy square at noon.", t.model


def test_a_melancholic_prompt_gets_no_energy_for_pika(kb):
    t = translate("A melancholic woman sits by a rainy window, low-key light", "pika", kb=kb)
    assert "energetic" not in t.prompt.lower() and "fast" not in t.prompt.lower()
    # Not even as a suggestion: it contradicts the mood the author wrote.
    assert not any("energetic" in (c.after or "") for c in t.changes)
    calm = translate("A woman sits by a window", "pika", kb=kb)
    offered = [c for c in calm.changes if c.action == "suggested" and c.component == "motion"]
    assert offered and "energetic" in (offered[0].after or "") and "energetic" not in calm.prompt


def test_hailuo_gets_no_camera_command_the_author_did_not_write(kb):
    t = translate("A lighthouse on a cliff at dusk, waves crash below", "hailuo", kb=kb)
    assert "[" not in t.prompt


def test_runway_says_a_camera_move_once(kb):
    t = translate("Low angle static shot of a lone tree on a hill at dusk", "runway", kb=kb)
    assert t.prompt.lower().count("static shot") == 1


def test_length_limits_never_cut_the_camera_or_the_subject(kb):
    filler = " ".join(f"A {c} paper lantern drifts past the stall." for c in
                      ("red", "blue", "green", "amber") * 8)
    src = ("A street vendor in a yellow apron flips dumplings on a smoking griddle at a night "
           "market. Slow dolly in. Warm tungsten light from bare bulbs. " + filler +
           " Teal and orange palette, bustling documentary mood.")
    for t in compare(src, kb):
        limit = kb.models[t.model].max_prompt_chars
        assert len(t.prompt) <= limit
        assert "street vendor" in t.prompt, t.model
        if len(src) > limit:
            assert t.dropped and any("trimmed" in d.reason for d in t.dropped)
            assert not any(d.component == "camera" for d in t.dropped), t.model
        camera = [c.after for c in t.changes if c.action == "camera-syntax"]
        assert all(block.rstrip(":").lower() in t.prompt.lower() for block in camera), t.model
    ltx = translate(src, "ltx", kb=kb)
    assert "camera" in ltx.prompt.lower()


# --- the property over every prompt we have ---------------------------------------------------

def test_gallery_translations_invent_nothing_repeat_nothing_and_keep_vendor_rules(kb):
    failures = []
    for entry in kb.gallery.values():
        for source in (None, entry.model):
            for t in compare(entry.prompt, kb, source):
                found = audit(entry.prompt, t, kb)
                if found:
                    failures.append((entry.id, source, t.model, found))
    assert not failures, failures[:5]


@pytest.mark.skipif(not EXTERNAL.exists(), reason="external components set not committed")
def test_outside_prompts_translations_invent_nothing_repeat_nothing_and_keep_vendor_rules(kb):
    """Every row of the independently written set (both splits): ids only in the message, so
    a failure is fixed in the mechanism, not by reading held-out rows one by one."""
    rows = yaml.safe_load(EXTERNAL.read_text(encoding="utf-8"))["prompts"]
    assert len(rows) >= 150
    failures = []
    for row in rows:
        for t in compare(row["prompt"], kb):
            found = audit(row["prompt"], t, kb)
            if found:
                failures.append((row["id"], row["split"], t.model, sorted(found)))
    assert not failures, failures[:10]


SUBJECTS = ["a woman in a red coat", "an old fisherman", "a small fox", "two dancers",
            "a courier on a bicycle", "a paper boat"]
ACTIONS = ["walks", "runs", "spins", "drifts", "sprints", "sits still"]
CLAUSES = [
    "through a rainy city at night", "across a snowy meadow", "in a cramped kitchen",
    "slowly", "at a brisk pace", "in real time", "in slow motion", "time-lapse",
    "slow dolly in", "tracking shot", "the camera pans left", "static camera", "orbit shot",
    "handheld camera", "crane up", "aerial drone shot", "whip pan", "rack focus",
    "wide shot", "close-up", "low angle", "35mm lens", "shallow depth of field", "bokeh",
    "soft window light", "neon lighting", "golden hour backlight", "teal and orange palette",
    "film noir style", "melancholic mood", "documentary style", "cinematic",
    "Audio: rain on the window", "the sound of distant thunder", "no people", "without cars",
    "no text", "never blurry", "16:9", "5 seconds", "4K", "masterpiece",
    "[Push in, Pan left]", "[Static shot]", "Slow pan right:",
]


@st.composite
def outside_prompts(draw):
    head = f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(ACTIONS))}"
    rest = draw(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=8, unique=True))
    parts = draw(st.permutations([head, *rest]))
    seps = draw(st.lists(st.sampled_from([", ", ". ", "; ", " and "]), min_size=len(parts) - 1,
                         max_size=len(parts) - 1))
    text = parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True))
    return text[0].upper() + text[1:]


KB = load_knowledge()  # module-level: hypothesis prints its arguments, and a fixture's repr is huge


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(prompt=outside_prompts(), to=st.sampled_from(MODELS),
       source=st.sampled_from([None, "runway", "hailuo", "sora"]))
def test_property_generated_prompts_invent_nothing_repeat_nothing_keep_vendor_rules(
        prompt, to, source):
    t = translate(prompt, to, source, KB)
    assert not audit(prompt, t, KB), (prompt, t.prompt)
