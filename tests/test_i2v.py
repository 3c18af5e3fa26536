"""Image-to-video prompts (issue 22): detecting the mode, flagging a prompt that re-describes
its first frame, weighing motion and camera, the model profiles' image inputs, translation."""

from __future__ import annotations

import pytest

from bot.core.critique.i2v import detect_mode, features, resolve_mode
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeError, load_knowledge


@pytest.fixture(scope="module")
def engine(kb) -> Engine:
    return Engine(kb=kb)


@pytest.mark.parametrize("text, mode", [
    ("From this image: the dog wags its tail", "i2v"),
    ("Use the first frame. She turns to the window.", "i2v"),
    ("Animate the photo so the leaves move", "i2v"),
    ("image-to-video, slow push in", "i2v"),
    ("A photographer takes a photo of a dog in a park", "t2v"),
    ("A framed picture hangs on the wall as the camera pans left", "t2v"),
])
def test_mode_is_detected_from_the_text(text, mode):
    assert detect_mode(text) == mode


def test_an_explicit_mode_wins_and_unknown_words_are_refused():
    assert resolve_mode("t2v", "from this image: she turns") == "t2v"
    assert resolve_mode("i2v", "A dog runs") == "i2v"
    assert resolve_mode(None, "from this image: she turns") == "i2v"
    with pytest.raises(ValueError, match="unknown mode"):
        resolve_mode("video", "A dog runs")


@pytest.mark.parametrize("prompt", [
    "A girl with curly red hair in a yellow raincoat jumps in a puddle.",
    "A vintage green tram parked on a cobbled street at night. The tram pulls away.",
    "Moody teal and orange grade, soft window light. He looks up.",
    "The old woman in the blue cardigan sits in a sunlit greenhouse and waters a fern.",
])
def test_phrases_that_describe_the_frame_are_found(prompt):
    assert features(prompt)


@pytest.mark.parametrize("prompt", [
    "The dog shakes off the water and trots out of frame to the right. Static camera.",
    "Slow push in as the candle flame flickers and the smoke curls upward.",
    "The sky slowly turns from pale blue to deep orange as the sun sets. Time-lapse.",
    "A black cat walks into frame from the left and sits down.",
    "The blue balloon on the left floats away while the others stay. Camera tilts up.",
    "The skater glides across the empty car park and spins, handheld tracking shot.",
    "She pulls on a red wool scarf and steps out into the snow.",
])
def test_motion_change_entrances_and_picking_one_are_not_redescription(prompt):
    assert features(prompt) == []


def test_i2v_critique_weighs_motion_and_flags_redescription(engine):
    moving = "The woman slowly turns her head toward the window, her hair lifting; slow dolly in"
    as_t2v = engine.critique(moving, mode="t2v", with_retrieval=False)
    as_i2v = engine.critique(moving, mode="i2v", with_retrieval=False)
    assert as_i2v.score > as_t2v.score  # the look is in the frame: nothing missing there
    assert not {"lighting", "setting", "style", "color"} & {m.value for m in as_i2v.missing}
    assert as_i2v.i2v["redescribes_image"] is False

    still = ("A young woman with long curly red hair wearing a green velvet dress stands in a "
             "sunlit garden full of roses, warm golden light, soft pastel palette")
    c = engine.critique(still, mode="i2v", with_retrieval=False)
    out = c.to_public_json()
    assert out["mode"] == "i2v" and out["i2v"]["redescribes_image"] is True
    assert "redescribes-image" in [a["id"] for a in out["anti_patterns"]]
    assert {"motion", "camera"} <= set(out["missing"])
    # the rewrite adds what moves, never more description of the look
    added = {x["component"] for x in out["added"]}
    assert added and added <= {"action", "motion", "camera", "pacing", "audio"}


def test_the_mode_comes_from_the_text_by_default_and_the_t2v_contract_is_unchanged(engine):
    c = engine.critique("From this image: the fox shakes snow off its fur, static camera",
                        with_retrieval=False)
    assert c.mode == "i2v"
    plain = engine.critique("A fox in the snow at dusk", with_retrieval=False).to_public_json()
    assert plain["mode"] == "t2v" and "i2v" not in plain


def test_every_model_profile_says_which_images_it_takes_with_a_source(kb):
    for profile in kb.models.values():
        image = profile.image_input
        assert image is not None, profile.id
        assert image.url.startswith("https://") and image.source in ("vendor", "community",
                                                                        "framecraft")
    assert kb.models["veo"].image_input.reference_images == 3
    assert kb.models["luma"].image_input.last_frame


def test_a_bad_image_input_names_file_and_field(tmp_path):
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    shutil.copytree(root / "knowledge", tmp_path / "knowledge")
    path = tmp_path / "knowledge" / "models" / "kling.yaml"
    path.write_text(path.read_text().replace("  url: https://app.klingai.com",
                                             "  url: http://app.klingai.com"))
    with pytest.raises(KnowledgeError, match=r"kling\.yaml: field image_input\.url"):
        load_knowledge(tmp_path / "knowledge", root / "prompts_library")


def test_translation_keeps_the_i2v_form(engine):
    prompt = "From this image: the woman slowly turns her head, slow dolly in"
    t = engine.translate(prompt, "runway")
    assert t.mode == "i2v" and t.to_public_json()["mode"] == "i2v"
    assert not [c for c in t.changes if c.action == "suggested"
                and c.component in ("lighting", "style", "color", "setting")]
    assert any("takes a first frame" in n for n in t.notes)
    assert not any("usually does better with" in n for n in t.notes)
    plain = engine.translate("A woman turns her head, slow dolly in", "runway")
    assert plain.mode == "t2v"
    assert [c for c in plain.changes if c.action == "suggested"]
