"""Issue 12, motion carried by a prepositional manner phrase (session 24): a pace named by a
movement noun after "at a" ("moves at a crawl"), and a with-phrase whose head is an abstract
noun by its ending, described by an adjective of manner ("with deliberate, segmented
progression"). Each needs a verb that moves before it; a thing, an event or another verb's
phrase is not motion."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import _at_a_gait, _with_a_described_abstract, analyze
from bot.core.critique.components import Component as C


def _motion(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(C.MOTION, [])]


def _read(reader, prompt: str) -> list[str]:  # type: ignore[no-untyped-def]
    low = prompt.lower()
    return [low[a:b] for a, b in reader(low)]


@pytest.mark.parametrize(("prompt", "span"), [
    ("The tortoise moves at a crawl through the grass.", "at a crawl"),
    ("Traffic moves at a slow crawl past the toll gate.", "at a slow crawl"),
    ("The pony moves at a trot along the fence.", "at a trot"),
])
def test_a_pace_named_by_a_movement_noun_is_motion(prompt: str, span: str) -> None:
    assert span in _read(_at_a_gait, prompt)
    assert any(span in s.lower() for s in _motion(prompt))


@pytest.mark.parametrize("prompt", [
    "They meet at a dive bar downtown.",        # a thing named with the next word
    "A girl stares at a swing in the park.",    # no verb that moves: where she looks
    "Friends gather at a dance in the barn.",   # an event, not a pace
    "A man crawls at a crawl space entrance.",  # WordNet names the thing
])
def test_at_a_thing_or_an_event_is_not_a_pace(prompt: str) -> None:
    assert _read(_at_a_gait, prompt) == []


@pytest.mark.parametrize(("prompt", "span"), [
    ("A yellow bus moves with deliberate, segmented progression along a winding road.",
     "with deliberate, segmented progression"),
    ("The pendulum swings with slow, steady oscillation.", "with slow, steady oscillation"),
])
def test_a_described_abstract_manner_after_a_movement_is_motion(prompt: str, span: str) -> None:
    assert _read(_with_a_described_abstract, prompt) == [span]
    assert any(span in s.lower() for s in _motion(prompt))


@pytest.mark.parametrize("prompt", [
    "A soldier marches with heavy equipment on his back.",   # a thing carried, not a manner
    "The crowd walks with great excitement.",                 # a feeling: no manner adjective
    "She speaks with slow, careful articulation.",            # no verb that moves
    "The arm moves with careful rotation of the wrist.",      # owned by what follows "of"
])
def test_a_with_phrase_that_is_no_manner_of_a_movement(prompt: str) -> None:
    assert _read(_with_a_described_abstract, prompt) == []


@pytest.mark.parametrize(("prompt", "span"), [
    ("The sloth is moving incredibly slowly while holding the baton.", "incredibly slowly"),
    ("The river flows more slowly past the mill.", "more slowly"),
    ("The horse breaks into a fast gallop.", "fast gallop"),  # "fast": a flat adverb's adjective
])
def test_a_graded_or_flat_manner_is_motion(prompt: str, span: str) -> None:
    assert span in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "She speaks very softly to the child.",     # the degree word does not hide the verb
    "Train wheels screech softly at the station.",
    "Footsteps on gravel crunch softly.",
    "A ceiling fan softly whirring above the desk.",
])
def test_the_loudness_of_a_sound_or_speech_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


def test_a_sound_verb_that_moves_keeps_its_speed() -> None:
    assert "slowly" in _motion("The old door creaks slowly open.")


# Rule: a verb along a path said of a thing that stays where it is (WordNet: a way, a
# structure that is not a door or a gate, a geological formation, a flat work of art) traces the
# thing's shape; nothing moves, so neither the verb nor its adverb is motion.
@pytest.mark.parametrize("prompt", [
    "A vibrant mural splashes across a wall.",
    "The dirt road curves gently into the distance.",
    "The mountain range sweeps dramatically across the horizon.",
    "A stone wall snakes gracefully over the hills.",
    "A bridge arcs gracefully over the river.",
])
def test_a_fictive_motion_of_a_thing_that_stays_put_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "manner"), [
    ("The man on the bridge walks slowly across.", "slowly"),      # the man walks
    ("A man walks slowly across the bridge.", "slowly"),
    ("The gate swings slowly across the drive.", "slowly"),        # a gate moves
    ("The river flows gently through the valley.", "gently"),      # water moves
])
def test_a_mover_along_a_path_keeps_its_manner(prompt: str, manner: str) -> None:
    assert manner in _motion(prompt)
