"""Issue 12's shot and camera read by grammar (session 26), on sentences written for these
tests (none of them is a labelled row): each rule has wordings it must catch and neighbours it
must leave alone."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


# Rule: the camera as the subject of "focus on" says what the frame is held on, whatever the
# thing is (not only a part of a body): a shot.
@pytest.mark.parametrize("prompt", [
    "A baker kneads dough at dawn. The camera focuses on the flour drifting off the table.",
    "Two kids build a snowman, with the camera focusing on their mittens and the carrot nose.",
    "A chess match in a park. The camera is focused on the clock between the players.",
])
def test_the_camera_focusing_on_a_thing_is_a_shot(prompt: str):
    assert _texts(prompt, C.SHOT), analyze(prompt).spans


# Its neighbours: the focus as a noun is the lens's, and "focusing on" a goal said of a person
# is no framing at all.
@pytest.mark.parametrize(("prompt", "comp"), [
    ("A desk at night; the focus is on the lamp, the rest melts into blur.", C.SHOT),
    ("A gymnast practises in an empty hall, focusing on balance and breath.", C.SHOT),
])
def test_focus_not_said_by_the_camera_is_no_shot(prompt: str, comp: C):
    assert not _texts(prompt, comp), _texts(prompt, comp)


# Rule: a cut is the edit's, not a move of the camera: "the camera cuts to", "the camera
# alternates between" name no movement, angle or position.
@pytest.mark.parametrize("prompt", [
    "A chef plates a dish; the camera cuts to the guests tasting it.",
    "Two boxers trade blows while the camera alternates between their faces and the crowd.",
])
def test_the_camera_cutting_is_no_camera_move(prompt: str):
    assert not _texts(prompt, C.CAMERA), _texts(prompt, C.CAMERA)


# Its neighbour: the camera as the subject of a verb of movement is still the camera.
def test_the_camera_moving_is_still_the_camera():
    assert _texts("A chef plates a dish; the camera drifts toward the guests.", C.CAMERA)


# Rule: "pulls focus" with the camera as its subject is a focus pull (the lens), no move.
def test_the_camera_pulling_focus_is_the_lens_not_a_move():
    prompt = "A violinist on a stage. Camera pulls focus from the bow to her eyes."
    assert not _texts(prompt, C.CAMERA), _texts(prompt, C.CAMERA)
    assert _texts(prompt, C.LENS)


def test_the_camera_pulling_back_is_still_a_move():
    assert _texts("A violinist on a stage. The camera pulls back to the whole hall.", C.CAMERA)


# Rule: "view" after "into", "in", "from" or "out of" is being seen, not the camera's view.
@pytest.mark.parametrize("prompt", [
    'A logo slides into view at the end of the clip.',
    "The ship drifts out of view behind the island.",
])
def test_coming_into_view_is_no_camera(prompt: str):
    assert not _texts(prompt, C.CAMERA), _texts(prompt, C.CAMERA)


def test_the_view_as_a_subject_is_still_the_camera():
    assert _texts("The view drifts over the rooftops at dusk.", C.CAMERA)


# Rule: a compound adjective of size describes the noun after it ("a full-length mirror"); only
# alone, or before a noun of the frame, is it the shot's size.
@pytest.mark.parametrize("prompt", [
    "A woman in a full-length gown climbs the stairs.",
    "A full-length mirror stands in the hallway, reflecting the door.",
])
def test_full_length_of_a_thing_is_no_shot(prompt: str):
    assert not _texts(prompt, C.SHOT), _texts(prompt, C.SHOT)


@pytest.mark.parametrize("prompt", [
    "Full-length, a dancer turns on an empty stage.",
    "A full-length shot of a dancer turning on an empty stage.",
])
def test_full_length_of_the_frame_is_a_shot(prompt: str):
    assert _texts(prompt, C.SHOT), analyze(prompt).spans


# Rule: the focus as the subject of a copula is a focus on something: the lens's.
@pytest.mark.parametrize("prompt", [
    "A watchmaker at his bench. The focus is on the tiny gears, the rest soft.",
    "Rain on a window; the focus stays on the droplets as the street blurs.",
])
def test_the_focus_is_on_is_the_lens(prompt: str):
    assert _texts(prompt, C.LENS), analyze(prompt).spans


# Rule: the frame rate is the clip's time (pacing); "pacing" as a noun with its kind is the
# pacing, and a verb "pacing" with its path is a subject's action.
@pytest.mark.parametrize("prompt", [
    "A hummingbird at a feeder, shot at 120fps, warm tones.",
    "A slow walk through an orchard, soft light, meditative pacing.",
])
def test_frame_rate_and_the_noun_pacing_are_pacing(prompt: str):
    assert _texts(prompt, C.PACING), analyze(prompt).spans


def test_a_subject_pacing_a_room_is_no_pacing():
    prompt = "A nervous lawyer pacing the hallway outside the courtroom."
    assert not _texts(prompt, C.PACING), _texts(prompt, C.PACING)


# Rule: a connective of time that opens a sentence orders the beats: pacing. Inside a clause
# ("evaporates instantly") it is the speed of one event, not the clip's order.
@pytest.mark.parametrize("prompt", [
    "A clerk stamps a form. Immediately, a second clerk grabs it.",
    "A singer bows to the crowd. After bowing, she walks off the stage.",
])
def test_a_sentence_opening_connective_of_time_is_pacing(prompt: str):
    assert _texts(prompt, C.PACING), analyze(prompt).spans


def test_a_time_adverb_inside_a_clause_is_no_pacing():
    prompt = "A drop of water lands on a hot pan and evaporates instantly into steam."
    assert not _texts(prompt, C.PACING), _texts(prompt, C.PACING)


# Rule: an adverb of degree between the camera's copula and its stillness keeps it still.
def test_the_camera_is_completely_steady_is_static():
    prompt = "A candle on a table. The camera is perfectly still while the flame flickers."
    assert _texts(prompt, C.CAMERA), analyze(prompt).spans
    assert "static" in analyze(prompt).camera_moves


# Rule: the video, the footage or the clip as the subject of a camera verb is the camera.
def test_the_video_panning_is_the_camera():
    prompt = "A teacher writes on the board and the footage pans over to the sleepy class."
    assert _texts(prompt, C.CAMERA), analyze(prompt).spans


# Rule: depth is the lens's only as the frame's: a thing's depth, or depth a thing adds to the
# composition, is not; "sharp focus" alone is the lens's.
@pytest.mark.parametrize("prompt", [
    "Old barns and a winding fence add depth to the landscape at dusk.",
    "A diver sinks into the lake's depth and darkness.",
])
def test_depth_of_a_thing_is_no_lens(prompt: str):
    assert not _texts(prompt, C.LENS), _texts(prompt, C.LENS)


@pytest.mark.parametrize("prompt", [
    "A violin on velvet, warm light, sharp focus, photorealistic.",
    "A neon sign in the rain, cinematic depth, moody.",
])
def test_the_frames_depth_and_sharp_focus_are_the_lens(prompt: str):
    assert _texts(prompt, C.LENS), analyze(prompt).spans


# Rule: a film gauge said with its look is the stock's style, not a focal length.
def test_a_film_gauge_with_its_look_is_no_lens():
    prompt = "A desert caravan at noon. Style: 35mm film grain, muted tones."
    assert not _texts(prompt, C.LENS), _texts(prompt, C.LENS)


def test_a_focal_length_is_still_the_lens():
    assert _texts("A desert caravan at noon, 85mm portrait of the leader.", C.LENS)


# Rule: the music's beat (moved to, a genre's, a drum's, one that drops) is the soundtrack's,
# not a beat of the clip.
@pytest.mark.parametrize("prompt", [
    "A boy on a skateboard nods his head to the beat under a bridge.",
    "A barista works fast with a mellow hip-hop beat playing in the cafe.",
])
def test_the_musics_beat_is_no_pacing(prompt: str):
    assert not _texts(prompt, C.PACING), _texts(prompt, C.PACING)


def test_a_beat_of_the_clip_is_pacing():
    assert _texts("In the final beat, the fox turns and vanishes into the snow.", C.PACING)


# Rule: bare "framing" after a word of the camera's stillness is the camera's, no shot size.
def test_locked_framing_is_the_camera_not_a_shot():
    prompt = "Locked framing on the baker while the kitchen changes around her."
    assert _texts(prompt, C.CAMERA), analyze(prompt).spans
    assert not _texts(prompt, C.SHOT), _texts(prompt, C.SHOT)


def test_a_framing_said_is_still_a_shot():
    assert _texts("Centered framing on the baker, warm kitchen light.", C.SHOT)


# Rule: the picture as the subject of "framed" says a framing: a shot.
def test_the_scene_is_framed_is_a_shot():
    prompt = "A lighthouse keeper at his desk. The scene is framed to show how small he is."
    assert any("framed" in t for t in _texts(prompt, C.SHOT)), _texts(prompt, C.SHOT)


# Rule: the camera alternating between shots is the edit: pacing (and, above, no camera move).
def test_the_camera_alternating_between_shots_is_pacing():
    prompt = "Two chefs race to finish; the camera alternates between their hands and the clock."
    assert any("alternates" in t for t in _texts(prompt, C.PACING)), _texts(prompt, C.PACING)


# Rule: the standard shot-size abbreviations are shots; the two-letter ones only as a clause's
# label, where they cannot be a word or a title.
@pytest.mark.parametrize("prompt", [
    "XCU of a watch face as the second hand ticks.",
    "MLS of a cowboy at the saloon door, dusk.",
    "WS: the harbour at dawn. CU: her hands on the rope.",
])
def test_shot_size_abbreviations_are_shots(prompt: str):
    assert _texts(prompt, C.SHOT), analyze(prompt).spans


def test_a_title_is_no_shot_abbreviation():
    prompt = "Ms. Lee opens the shop door and waves."
    assert not _texts(prompt, C.SHOT), _texts(prompt, C.SHOT)


def test_ots_alone_is_the_cameras_angle():
    assert _texts("Locked OTS as the detective reads the letter.", C.CAMERA)


# Rule: a size used as a noun ("a wide of the stadium") keeps a word of degree or kind before
# it ("a super-wide of the valley", "an establishing wide of Paris").
@pytest.mark.parametrize("prompt", [
    "A super-wide of the valley as the storm rolls in.",
    "An establishing wide of the harbour at dawn.",
])
def test_a_qualified_size_as_a_noun_is_a_shot(prompt: str):
    assert _texts(prompt, C.SHOT), analyze(prompt).spans


def test_a_qualified_size_before_a_noun_is_no_shot():
    prompt = "He is a very wide man of the world, laughing at the bar."
    assert not _texts(prompt, C.SHOT), _texts(prompt, C.SHOT)


# Rule: the named shot types of product and editorial shot lists are shots.
@pytest.mark.parametrize("prompt", [
    "Beauty shot of a lipstick on wet glass, soft light.",
    "A reaction shot of the groom as the doors open.",
    "Flat lay of coffee beans and a notebook on linen.",
])
def test_named_shot_types_are_shots(prompt: str):
    assert _texts(prompt, C.SHOT), analyze(prompt).spans
