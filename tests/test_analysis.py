"""analyze(): each component found with the exact words that carry it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C

KELP = ("Underwater light rays dance through kelp forest, sea turtle gliding peacefully left to "
        "right, camera slowly rising, dreamy ethereal quality, blue-green color palette")
INK = ("Ink drops falling into water in extreme slow motion, swirling and expanding, abstract "
       "patterns forming, macro lens locked shot, black ink on white milk background, hypnotic "
       "meditation")


def test_spans_point_at_the_prompt():
    a = analyze(KELP)
    for spans in a.spans.values():
        for s in spans:
            assert KELP[s.start:s.end] == s.text


def test_seed_kelp_components():
    a = analyze(KELP)
    assert a.text(C.SUBJECT) == "sea turtle"
    assert "gliding" in a.text(C.ACTION)
    # motion is the manner ("peacefully"); the direction alone ("left to right") is not motion
    assert a.text(C.MOTION) == "peacefully"
    assert a.text(C.CAMERA) == "camera slowly rising"
    assert a.camera_moves == ["pedestal_up"]
    assert "color palette" in a.text(C.COLOR)
    assert "dreamy" in a.text(C.STYLE)
    assert "kelp forest" in a.text(C.SETTING)
    # "slowly" belongs to the camera, not to the turtle's motion
    assert "slowly" not in a.text(C.MOTION)


def test_seed_ink_components():
    a = analyze(INK)
    assert a.camera_moves == ["static"]
    assert a.text(C.LENS) == "macro lens"
    assert "slow motion" in a.text(C.PACING)
    assert "slow motion" in a.text(C.MOTION)
    assert {"falling", "swirling", "expanding"} <= {s.text for s in a.actions}
    assert not a.has(C.LIGHTING)


@pytest.mark.parametrize("prompt", [
    "A woman stands in a field, locked-off camera",
    "A woman stands in a field, the camera is fixed",
    "A woman stands in a field, static shot",
])
def test_static_camera_is_a_camera_decision(prompt):
    a = analyze(prompt)
    assert a.has(C.CAMERA)
    assert a.camera_moves == ["static"]


@pytest.mark.parametrize("text,move", [
    ("slow dolly-in toward her face", "dolly_in"), ("the camera pulls back", "dolly_out"),
    ("pan left across the bay", "pan_left"), ("tilt up to the spire", "tilt_up"),
    ("truck right along the fence", "truck_right"), ("orbit around the statue", "orbit"),
    ("crane shot rising over the crowd", "crane_up"), ("zoom in on the clock", "zoom_in"),
    ("handheld camera", "handheld"), ("FPV drone shot through the canyon", "fpv"),
    ("rack focus to the letter", "rack_focus"), ("a whip pan to the drummer", "whip_pan"),
    ("tracking shot alongside the runner", "tracking"), ("dolly zoom on his face", "zoom_out"),
])
def test_camera_language(text, move):
    assert move in analyze(f"A man stands still, {text}").camera_moves


def test_negation_found_and_not_a_subject():
    a = analyze("A quiet beach at dawn, no people, without boats")
    assert [n.text for n in a.negations] == ["no people", "without boats"]
    assert "people" not in (a.text(C.SUBJECT) or "")


def test_audio_dialogue():
    a = analyze('A chef turns to camera and says "Dinner is served", sizzling sound of the pan')
    assert a.has(C.AUDIO)


def test_empty_of_components():
    a = analyze("hello there")
    assert a.present == []


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_never_crashes_and_spans_are_exact(text):
    a = analyze(text)
    for spans in a.spans.values():
        for s in spans:
            assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("text,move", [
    ("camera pans left", "pan_left"), ("the camera tilts down", "tilt_down"),
    ("slow crane down", "crane_down"), ("[Shake] over the street", "shake"),
    ("focus shifts to the letter", "rack_focus"), ("the camera rotates around a statue", "orbit"),
    ("the camera slowly moves closer", "dolly_in"), ("pedestal down past her", "pedestal_down"),
])
def test_camera_direction_wins_over_generic_cue(text, move):
    """Regression: a generic cue ("camera pans", "crane") must not hide the stated direction."""
    assert analyze(f"A woman waits, {text}").camera_moves == [move]
