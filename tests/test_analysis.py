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


# --- issue 12: components read the way the definitions say ------------------------------------

@pytest.mark.parametrize("prompt", [
    "A gold prospector pans the gold in a cold river at dawn",
    "The car zooms past a row of shops",
    "Fox tracks in the snow lead into the forest",
    "He rolls the dough on a floured counter, warm kitchen light",
    "The crane lifts a steel beam over the construction site",
    "Birds circling overhead above a lighthouse",
    "A hawk, circling the valley, golden light",
    "She pulls back the curtain and smiles",
    "A helicopter lands on a rooftop helipad",
    "A truck left the depot at sunrise",
    # a camera, a drone or a camera word that is a thing in the scene
    "A vintage camera sits on a desk",
    "A drone flies over the crowd at a festival",
    "A TV showing static",
    "An aerial silks performer in a circus tent",
    "Warm light from above, a woman reads",
    "A cat enjoying the view from the window",
    "A man holds a handheld fan",
])
def test_an_action_verb_that_shares_a_camera_word_is_not_a_camera_move(prompt):
    a = analyze(prompt)
    assert not a.has(C.CAMERA), a.text(C.CAMERA)
    assert a.camera_moves == []


@pytest.mark.parametrize("prompt,move", [
    ("She pulls back the curtain and the camera pushes in", "dolly_in"),
    ("slow pan left across the bay", "pan_left"),
    ("The story ends with a slow push in on her face", "dolly_in"),
    ("The camera starts wide and slowly pans right", "pan_right"),
    ("A man waits, then tilt up to the spire", "tilt_up"),
    ("A street at night, the camera spins around the boxer", "orbit"),
])
def test_a_camera_move_is_read_when_the_camera_is_its_subject_or_it_is_a_camera_construction(
        prompt, move):
    assert move in analyze(prompt).camera_moves


@pytest.mark.parametrize("prompt,words", [
    ("Low angle shot of a skyscraper against storm clouds", "Low angle shot"),
    ("POV shot walking through a crowded market", "POV shot"),
    ("First-person view of a skier racing downhill", "First-person view"),
    ("Bird's eye view of a city intersection at night", "Bird's eye view"),
    ("Over-the-shoulder shot of a woman reading a letter", "Over-the-shoulder shot"),
    ("Filmed from knee height, a dog runs across the lawn", "from knee height"),
    ("A toy car at ground level rolls across the carpet", "at ground level"),
    ("A city skyline, from above.", "from above"),
    ("Looking down at a busy crossing from a rooftop", "Looking down at"),
    ("Seen through a car windshield, rain streaks the glass", "Seen through a car windshield"),
    ("A bee's-eye view of a sunflower field", "bee's-eye view"),
])
def test_angles_heights_and_points_of_view_are_camera_not_shot(prompt, words):
    a = analyze(prompt)
    assert words in (a.text(C.CAMERA) or "")
    assert not a.has(C.SHOT)


@pytest.mark.parametrize("prompt", [
    "The camera rotates around a dancer in a dark studio",
    "A 360-degree spin around the car",
    "The view slowly rotates around the sculpture",
])
def test_rotation_wording_is_an_orbit(prompt):
    assert "orbit" in analyze(prompt).camera_moves


@pytest.mark.parametrize("prompt", [
    "A woman in the foreground, mountains in the background",
    "A man stands behind a glass door",
])
def test_where_things_stand_is_not_a_shot_size(prompt):
    assert not analyze(prompt).has(C.SHOT)


@pytest.mark.parametrize("prompt,size", [
    ("Close-up of a red rose, the camera slowly pans right", "Close-up"),
    ("Static wide shot of a town square", "wide shot"),
    ("Medium shot of a chef plating a dish", "Medium shot"),
])
def test_shot_is_size_and_framing(prompt, size):
    assert analyze(prompt).text(C.SHOT) == size


@pytest.mark.parametrize("prompt", [
    "A horse gallops left to right across a field",
    "A cat walks forward toward the camera",
    "A graceful dancer on a stage",
    "A fast car on a wet road",
    "a dog running happily",
])
def test_a_direction_or_a_things_adjective_is_not_motion(prompt):
    a = analyze(prompt)
    assert not a.has(C.MOTION), a.text(C.MOTION)


@pytest.mark.parametrize("prompt,words", [
    ("The car drives fast through the tunnel", "fast"),
    ("A dancer moves with graceful, fluid strides across the stage", "graceful, fluid strides"),
    ("A fox trots jauntily through the snow", "jauntily"),
    ("The elephant walks heavily across the plain", "heavily"),
    ("A girl on a cliff, her hair blowing in the wind", "hair blowing in the wind"),
])
def test_motion_is_speed_manner_weight_or_physics(prompt, words):
    assert words in (analyze(prompt).text(C.MOTION) or "")


def test_time_of_day_is_lighting():
    assert analyze("A fox in the snow at night").text(C.LIGHTING) == "at night"
    assert "darkly lit" in analyze("The scene is darkly lit, high contrast").text(C.LIGHTING)


def test_focus_is_the_lens_and_the_move_is_still_recorded():
    a = analyze("A letter on a table, rack focus to the window")
    assert "rack focus" in a.text(C.LENS)
    assert not a.has(C.CAMERA)
    assert a.camera_moves == ["rack_focus"]


@pytest.mark.parametrize("prompt,subject", [
    ("Taylor Swift endorsing a skincare product in a studio", "Taylor Swift"),
    ("Elon Musk riding a horse on Mars", "Elon Musk"),
    ("A portrait of Einstein writing on a chalkboard", "Einstein"),
    ("A gold prospector pans the gold in a cold river", "A gold prospector"),
])
def test_a_persons_name_or_a_leading_noun_phrase_is_the_subject(prompt, subject):
    a = analyze(prompt)
    assert subject in (a.text(C.SUBJECT) or "")
    assert "Mars" not in (a.text(C.SUBJECT) or "")


@pytest.mark.parametrize("prompt,want,not_want", [
    ("an orange vase on a shelf", None, "orange"),
    ("a monument under the blue sky", None, "blue"),
    ("muted blue and oatmeal tones", "muted blue and oatmeal tones", None),
    ("a city skyline in teal haze", "teal", None),
])
def test_one_things_colour_is_not_the_palette(prompt, want, not_want):
    text = analyze(prompt).text(C.COLOR) or ""
    if want:
        assert want in text
    if not_want:
        assert not_want not in text


@pytest.mark.parametrize("prompt,verb", [
    ("A person is hula hooping in the park", "hooping"),
    ("The camera follows a man as he dials a rotary phone", "dials"),
    ("Waves pound the rocks below the lighthouse", "pound"),
    ("A close-up of a chef explaining a recipe", "explaining"),
    ("An elderly fisherman mends his nets", "mends"),
])
def test_verbs_are_found_by_grammar_whatever_the_verb(prompt, verb):
    assert verb in [s.text for s in analyze(prompt).spans.get(C.ACTION, [])]


@pytest.mark.parametrize("prompt,noun", [
    ("The rose vines are entwined around the wall", "vines"),
    ("Blue waves crashing against the rocks", "waves"),
    ("A ruined city with crumbled walls", "crumbled"),
    ("He throws a punch", "punch"),
])
def test_nouns_and_adjectives_made_from_verbs_are_not_actions(prompt, noun):
    assert noun not in [s.text for s in analyze(prompt).spans.get(C.ACTION, [])]
