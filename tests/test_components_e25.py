"""Issue 12's definitions of motion, audio and colour read by grammar (session 25), on
sentences written for these tests (none of them is a labelled row): each rule has wordings it
must catch and neighbours it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


# Rule: a sentence that lists sounds with no label ("whoosh, wind accelerating, buzz, hums")
# is a soundtrack as a labelled one is; its bare items are sounds, no speed of a movement.
@pytest.mark.parametrize("prompt", [
    "A lab at night. Machine whoosh, wind accelerating, distant thunder, neon buzz, low hums.",
    "An empty hall. Soft whoosh, engine slowing down, metal clatter, faint music.",
])
def test_the_bare_items_of_an_unlabelled_sound_list_are_sounds(prompt: str):
    assert _texts(prompt, C.AUDIO)
    assert not _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


# Its neighbours: a clause of the picture among the sounds keeps its motion, and a sentence of
# the picture with fewer sounds than that is no list of sounds.
@pytest.mark.parametrize(("prompt", "motion"), [
    ("Engine whoosh, tire screech, the car drifts sharply around the corner, crowd cheering "
     "and music.", "sharply"),
    ("Wind accelerating through the canyon, a hawk dives quickly, distant thunder.",
     "quickly"),
])
def test_a_picture_clause_among_sounds_keeps_its_motion(prompt: str, motion: str):
    assert any(motion in text for text in _texts(prompt, C.MOTION)), _texts(prompt, C.MOTION)


# Rule: a motion match that takes the noun of a light's phrase for a word of its own is no
# movement: "warm light falls across" is where the light lies, "bounce light" a kind of light.
@pytest.mark.parametrize("prompt", [
    "A strip of warm light falls across the old desk.",
    "Cold window light falls from the right onto her hands.",
    "Close-up of a teapot, soft bounce light, cream palette.",
])
def test_a_lights_noun_is_no_movement(prompt: str):
    assert _texts(prompt, C.LIGHTING)
    assert not _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


# Its neighbours: light steps and a bounce of a body keep their motion beside a light.
@pytest.mark.parametrize(("prompt", "motion"), [
    ("She crosses the hall with light steps in the warm light.", "light steps"),
    ("The ball lands with a soft bounce under harsh light.", "bounce"),
])
def test_a_movement_beside_a_light_stays(prompt: str, motion: str):
    assert any(motion in text for text in _texts(prompt, C.MOTION)), _texts(prompt, C.MOTION)


# Rule (word formation): a horse's neigh, an orchestra and a clink are sounds; a neighbour,
# a neighbourhood, an orchestrated plan and a clinker are not.
@pytest.mark.parametrize("prompt", [
    "A quiet suburban neighborhood street at dawn, warm light.",
    "Two neighbours chat over a garden fence, wide shot.",
    "An orchestrated robbery in a marble bank lobby.",
])
def test_words_that_only_begin_like_a_sound_are_no_audio(prompt: str):
    assert not _texts(prompt, C.AUDIO), _texts(prompt, C.AUDIO)


@pytest.mark.parametrize(("prompt", "audio"), [
    ("A white horse neighs in the stable.", "neighs"),
    ("Glasses clinking at a rooftop party.", "clinking"),
    ("An orchestra tunes up in the empty hall.", "orchestra"),
    ("Sweeping orchestral strings over the valley.", "orchestral"),
])
def test_the_sounds_themselves_stay_audio(prompt: str, audio: str):
    assert any(audio in text for text in _texts(prompt, C.AUDIO)), _texts(prompt, C.AUDIO)


# Rule: "impact" as the effect a picture has ("for maximum impact", "emotional impact") is no
# collision; the physics of one ("upon impact", "a violent impact") stays motion.
@pytest.mark.parametrize("prompt", [
    "Bold red typography for maximum visual impact.",
    "A black-and-white portrait with strong emotional impact.",
    "Product shot framed for dramatic impact.",
])
def test_an_effect_had_is_no_impact(prompt: str):
    assert not _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


@pytest.mark.parametrize(("prompt", "motion"), [
    ("A glass ball shatters upon impact with the tiles.", "impact"),
    ("A violent impact crumples the car's hood.", "impact"),
])
def test_a_collision_is_still_impact(prompt: str, motion: str):
    assert any(motion in text for text in _texts(prompt, C.MOTION)), _texts(prompt, C.MOTION)


# Rule: a substance's past participle in an absolute phrase says the state it is in ("their
# petals broken into facets", "his hair neatly combed"); a force or an agent after it, or a
# finite past of its own, is still its movement.
@pytest.mark.parametrize("prompt", [
    "A cubist garden, their petals broken into overlapping geometric facets.",
    "An old sailor with a gold ring, his short hair neatly combed.",
    "A sleeping girl, strands of hair scattered across her pillow.",
])
def test_a_substances_state_is_no_movement(prompt: str):
    assert not _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


@pytest.mark.parametrize(("prompt", "motion"), [
    ("A girl on a cliff, her hair blown by the wind.", "blown"),
    ("A rider at speed, her hair swept back in the wind.", "wind"),
    ("Water splashed everywhere.", "splashed"),
])
def test_a_substance_moved_stays_motion(prompt: str, motion: str):
    assert any(motion in text for text in _texts(prompt, C.MOTION)), _texts(prompt, C.MOTION)


# Rule: a movement noun right after a comma opens the next clause ("in a straw nest, shakes
# off"), it is not the head the words before it describe; coordinated adjectives stay.
def test_a_verb_after_a_comma_is_no_described_movement():
    prompt = "A hatchling climbs out of its egg in a straw nest, shakes off bits of shell."
    assert "in a straw nest, shakes" not in _texts(prompt, C.MOTION)
    assert "with slow, heavy steps" in _texts("He walks with slow, heavy steps.", C.MOTION)


# Rule (word formation): a hyphenated compound of saturation ("low-saturation look") is the
# grade as the open one is ("low saturation").
@pytest.mark.parametrize("prompt", [
    "Low-saturation documentary look of a steel factory.",
    "A high-saturation music video of a skater.",
])
def test_a_hyphenated_saturation_is_colour(prompt: str):
    assert _texts(prompt, C.COLOR)


# Rule: a plural noun after a substance, before its own verb ("the grass stalks bending"), is
# a compound noun, not the substance's verb ("stalks" is no stalking).
def test_a_plural_compound_after_a_substance_is_no_verb():
    texts = _texts("A fox pads forward, the grass stalks bending around it.", C.MOTION)
    assert not any(t.startswith("stalks") for t in texts), texts
    assert _texts("The water rushes around the rocks.", C.MOTION) == ["rushes around"]


# Rule: a speed said as another's ("at her pace", "at the car's speed", "at the same speed")
# in a clause about the camera is the camera keeping up, however far from the camera's words;
# said of a body that moves it stays the body's.
@pytest.mark.parametrize("prompt", [
    "A nurse walks the corridor. The camera backs away in front of her at her pace.",
    "The camera follows alongside the convertible on the coast road at the car's speed.",
])
def test_a_matched_pace_in_a_camera_clause_is_the_cameras(prompt: str):
    assert _texts(prompt, C.CAMERA)
    assert not _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


def test_a_matched_pace_of_a_body_stays_motion():
    prompt = "A dog runs beside the car at the same speed, tracking shot."
    assert "at the same speed" in _texts(prompt, C.MOTION)
