"""Dialect translation: what each target gets, and that no component is ever lost silently."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.critique.analysis import analyze
from bot.core.critique.components import GUIDE_SECTION_IDS
from bot.core.critique.components import Component as C
from bot.core.dialects import Comparison, Translation, compare, translate
from bot.core.validation import UnknownModelError

RAINY = "A woman walking through a rainy city at night, neon reflections, cinematic"


def lost_components(source: str, t: Translation, kb) -> list[str]:
    """Components found in `source` that the translation neither keeps nor reports dropped.

    Kept means a fresh analysis of the translated prompt (or of its negative prompt) finds it.
    The analysis lexicon does not know every camera phrase a profile uses (Hailuo's [Shake]),
    so a camera rendered with one of the target profile's own move phrases also counts.
    """
    out = analyze(t.prompt)
    neg = analyze(t.negative_prompt) if t.negative_prompt else None
    dropped = {d.component for d in t.dropped}
    phrases = [p.lower() for p in kb.models[t.model].camera.moves.values()]
    lost = []
    for comp in analyze(source).present:
        if out.has(comp) or (neg is not None and neg.has(comp)) or comp.value in dropped:
            continue
        if comp == C.CAMERA and any(p in t.prompt.lower() for p in phrases):
            continue
        lost.append(comp.value)
    return lost


# --- the seed example: one prompt, three readings --------------------------------------------

def test_rainy_city_gets_each_models_steer(kb):
    runway = translate(RAINY, "runway", kb=kb)
    luma = translate(RAINY, "luma", kb=kb)
    sora = translate(RAINY, "sora", kb=kb)
    r, lu, so = runway.prompt.lower(), luma.prompt.lower(), sora.prompt.lower()
    # Runway leans dramatic, slow and grainy: the translation counters the drama it would add.
    assert "real-time pace" in r and "natural walking speed" in r
    assert "clean digital image" in r
    # Luma leans ethereal and soft-focus: ask for crisp focus and grounded motion.
    assert "sharp focus" in lu and "natural walking speed" in lu
    # Sora leans balanced and natural: add the drama and slower pace explicitly.
    assert "film grain" in so and "slow motion" in so
    for t in (runway, luma, sora):
        added = [c for c in t.changes if c.action == "added"]
        assert added and all(c.source == f"model:{t.model}" for c in added)
        assert all(c.why for c in added)


def test_bias_is_not_added_when_the_source_already_decides(kb):
    t = translate("A woman walks slowly through a rainy city at night, hard neon light, "
                  "moody neo-noir style, slow motion, slow tracking shot", "sora", kb=kb)
    assert not [c for c in t.changes if c.action == "added" and c.component in
                ("style", "pacing")]


def test_steers_that_do_not_fit_the_scene_are_left_out(kb):
    t = translate("A ceramic teapot on a wooden table, steam rising slowly, soft window light",
                  "luma", kb=kb)
    assert "walking" not in t.prompt  # Luma's motion steer talks about walking people


# --- camera syntax ---------------------------------------------------------------------------

def test_runway_gets_the_camera_first_as_a_prefix(kb):
    t = translate("A fox trots across a snowy meadow at dawn, slow dolly in, soft light",
                  "runway", kb=kb)
    assert t.prompt.startswith("Slow dolly in")
    assert re.match(r"^[^.]*?:\s", t.prompt)
    change = next(c for c in t.changes if c.action == "camera-syntax")
    assert change.source == "camera-language" and "first" in change.why


def test_hailuo_gets_bracketed_commands_within_its_limit(kb):
    t = translate("Slow dolly in: a lighthouse on a cliff at dusk, waves crash below", "hailuo",
                  "runway", kb=kb)
    assert "[Push in]" in t.prompt
    assert "Slow dolly in" not in t.prompt
    many = translate("A dancer spins on a stage, pan left, tilt up, orbit, zoom in, soft light",
                     "hailuo", kb=kb)
    block = re.search(r"\[([^\]]+)\]", many.prompt).group(1)
    assert len(block.split(",")) <= kb.models["hailuo"].camera.max_moves
    assert any(d.component == "camera" and "at most" in d.reason for d in many.dropped)


def test_hailuo_combinations_are_read_back_as_one_move(kb):
    t = translate("[Truck left, Pan right] A dancer spins on a stage under a spotlight", "kling",
                  "hailuo", kb=kb)
    assert "orbits around the subject" in t.prompt
    assert "[" not in t.prompt


def test_direction_words_after_a_generic_camera_phrase_are_kept(kb):
    t = translate("The camera pans left across a busy harbour at noon, boats bobbing",
                  "runway", kb=kb)
    assert t.prompt.lower().startswith("slow pan left")


def test_pika_takes_one_move(kb):
    t = translate("Slow dolly in, then pan right: a burger on a plate, studio light", "pika",
                  kb=kb)
    moves = [p for p in kb.models["pika"].camera.moves.values() if p in t.prompt.lower()]
    assert len(moves) == 1
    assert any(d.component == "camera" for d in t.dropped)


def test_sora_gets_a_cinematography_block(kb):
    t = translate("Wide shot, slow dolly in, a grandmother folds dumplings at a kitchen table, "
                  "warm window light, nostalgic mood", "sora", kb=kb)
    scene, _, rest = t.prompt.partition("Cinematography:")
    assert "grandmother" in scene and rest
    assert "window light" in rest and "dolly in" in rest


def test_ltx_starts_with_the_action_paragraph(kb):
    t = translate("Warm window light, muted colors. Static camera. A potter shapes clay on a "
                  "spinning wheel, hands slick with water", "ltx", kb=kb)
    assert t.prompt.startswith("A potter shapes clay")


# --- negation --------------------------------------------------------------------------------

def test_negations_go_to_the_negative_prompt_where_the_model_has_one(kb):
    t = translate("An empty beach at dawn, gentle waves, no people, slow pan right", "kling",
                  kb=kb)
    assert t.negative_prompt == "people"
    assert "no people" not in t.prompt
    change = next(c for c in t.changes if c.action == "moved-to-negative-prompt")
    assert change.source == "negation-and-negative-prompts"


def test_negations_are_rephrased_positively_where_it_has_not(kb):
    t = translate("A quiet beach at dawn, gentle waves, no people, no clouds", "runway", kb=kb)
    assert t.negative_prompt is None
    assert "no people" not in t.prompt and "no clouds" not in t.prompt
    assert "deserted" in t.prompt and "cloudless sky" in t.prompt
    assert sum(c.action == "rephrased-positively" for c in t.changes) == 2


def test_unknown_negations_are_reported_as_dropped(kb):
    t = translate("A quiet street at dawn, soft light, no pigeons", "luma", kb=kb)
    assert "pigeons" not in t.prompt
    assert any("pigeons" in d.text and "negative prompt" in d.reason for d in t.dropped)


# --- settings words, audio, vocabulary, length -------------------------------------------------

def test_duration_aspect_and_resolution_move_to_settings(kb):
    t = translate("A 5 second clip of a red kite over a meadow, 16:9, 4K, golden light", "kling",
                  kb=kb)
    for gone in ("5 second", "16:9", "4K"):
        assert gone not in t.prompt
    moved = [c for c in t.changes if c.action == "moved-to-settings"]
    assert len(moved) == 3 and all("setting" in c.why for c in moved)


def test_audio_is_dropped_for_silent_models_and_kept_for_sound_models(kb):
    src = ("A street musician plays violin under a bridge at dusk, warm lamp light. "
           "Audio: violin melody echoing, distant traffic.")
    silent = translate(src, "runway", kb=kb)
    loud = translate(src, "veo", kb=kb)
    assert "Audio:" not in silent.prompt
    assert any(d.component == "audio" and "silent" in d.reason for d in silent.dropped)
    assert "Audio: violin melody" in loud.prompt
    assert not any(d.component == "audio" for d in loud.dropped)


def test_vocabulary_uses_the_targets_words(kb):
    t = translate("A hummingbird hovers at a red flower, bokeh, slo-mo", "kling", kb=kb)
    assert "shallow depth of field" in t.prompt.lower() and "slow motion" in t.prompt.lower()
    assert all(c.source == "model:kling" for c in t.changes if c.action == "vocabulary")


def test_long_prompts_are_trimmed_lowest_weight_first(kb):
    filler = ", ".join(f"a {c} glass lantern" for c in ("red", "blue", "green", "amber") * 16)
    src = (f"A lone fisherman rows a small boat across a misty lake at dawn. Slow tracking shot. "
           f"Soft golden light. {filler[0].upper() + filler[1:]}. Shot on a 35mm lens with "
           f"shallow depth of field, teal and orange palette, melancholic mood.")
    t = translate(src, "pika", kb=kb)
    assert len(t.prompt) <= kb.models["pika"].max_prompt_chars
    assert "fisherman" in t.prompt  # the subject stays
    assert t.dropped and all("characters" in d.reason for d in t.dropped)


def test_every_change_cites_a_guide_section_or_the_profile(kb):
    for t in compare("A cat jumps onto a kitchen table, no people, 16:9, 4K. Audio: a soft "
                     "thud. Slow dolly in.", kb):
        for c in t.changes:
            assert c.why
            assert c.source in GUIDE_SECTION_IDS or c.source == f"model:{t.model}", c


# --- public contract -------------------------------------------------------------------------

def test_public_json_has_the_contract_fields(kb):
    data = translate(RAINY, "kling", kb=kb).to_public_json()
    assert {"prompt", "negative_prompt", "changes", "dropped"} <= set(data)
    assert isinstance(data["changes"], list) and isinstance(data["dropped"], list)


def test_compare_renders_every_model(kb):
    result = compare(RAINY, kb)
    assert isinstance(result, Comparison)
    assert [t.model for t in result] == list(kb.models)
    assert len({t.prompt for t in result}) > 5  # the dialects really differ
    assert result.to_public_json()["prompt"] == RAINY


def test_translation_is_deterministic(kb):
    assert translate(RAINY, "veo", kb=kb) == translate(RAINY, "veo", kb=kb)


def test_engine_resolves_names_and_rejects_unknown_ones(engine):
    assert engine.translate(RAINY, "Gen-4").model == "runway"
    with pytest.raises(UnknownModelError) as err:
        engine.translate(RAINY, "klong")
    assert err.value.suggestions[0] == "kling"
    assert err.value.known == sorted(engine.kb.models)  # a stable order, whatever was typed
    assert len(engine.compare(RAINY)) == len(engine.kb.models)


# --- no component silently lost --------------------------------------------------------------

def test_gallery_has_enough_prompts(kb):
    assert len(kb.gallery) >= 40


@pytest.mark.parametrize("from_model", [None, "runway", "luma", "kling", "pika", "sora", "veo",
                                        "hailuo", "wan", "hunyuan", "ltx"])
def test_no_gallery_component_is_lost_for_any_pair(kb, from_model):
    """Every gallery prompt, read as each source dialect, translated to every model."""
    if from_model is not None and from_model not in kb.models:
        pytest.skip(f"no {from_model} profile")
    failures = []
    for entry in kb.gallery.values():
        for to in kb.models:
            t = translate(entry.prompt, to, from_model, kb)
            lost = lost_components(entry.prompt, t, kb)
            if lost:
                failures.append((entry.id, from_model, to, lost))
    assert not failures, failures[:5]


PHRASES = {
    C.SUBJECT: ["a woman in a red coat", "an old fisherman", "a small fox", "two dancers"],
    C.ACTION: ["walks", "runs", "spins", "leaps"],
    C.MOTION: ["slowly", "at a brisk pace", "from left to right"],
    C.SETTING: ["through a rainy city at night", "across a snowy meadow", "in a kitchen"],
    C.CAMERA: ["slow dolly in", "tracking shot", "pan left", "static camera", "orbit shot",
               "handheld camera", "crane up", "aerial drone shot"],
    C.SHOT: ["wide shot", "close-up", "low-angle shot"],
    C.LENS: ["35mm lens", "shallow depth of field"],
    C.LIGHTING: ["soft window light", "neon lighting", "golden hour backlight"],
    C.COLOR: ["teal and orange palette", "muted pastel colors"],
    C.STYLE: ["film noir style", "dreamlike mood", "documentary style", "cinematic"],
    C.PACING: ["in slow motion", "time-lapse"],
    C.AUDIO: ["Audio: rain on the window", "the sound of distant thunder"],
}
EXTRAS = ["no people", "without cars", "16:9", "5 seconds", "4K", "no text"]


@st.composite
def prompts(draw):
    comps = draw(st.lists(st.sampled_from(list(PHRASES)), min_size=2, max_size=9, unique=True))
    order = [C.SUBJECT, C.ACTION] + [c for c in comps if c not in (C.SUBJECT, C.ACTION)]
    parts = []
    for comp in order:
        parts.append(draw(st.sampled_from(PHRASES[comp])))
    head = f"{parts[0]} {parts[1]}"
    rest = parts[2:] + draw(st.lists(st.sampled_from(EXTRAS), max_size=2, unique=True))
    rest = draw(st.permutations(rest))
    sep = draw(st.sampled_from([", ", ". "]))
    text = sep.join([head, *rest])
    return text[0].upper() + text[1:]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prompt=prompts(), to=st.sampled_from(["runway", "luma", "kling", "pika", "sora", "veo",
                                             "hailuo", "wan", "hunyuan", "ltx"]),
       source=st.sampled_from([None, "runway", "hailuo", "sora"]))
def test_property_no_component_lost(kb, prompt, to, source):
    t = translate(prompt, to, source, kb)
    assert not lost_components(prompt, t, kb), (prompt, t.prompt, t.dropped)
    assert len(t.prompt) <= kb.models[to].max_prompt_chars
    assert not re.search(r"\b(?:no|without)\s+(?:people|cars|text)\b", t.prompt)
