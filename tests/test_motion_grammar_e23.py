"""Issue 12's definitions of motion and lighting read by grammar (session 23), on sentences
written for these tests (none of them is a labelled row): each rule has wordings it must catch
and neighbours it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


# Rule: an aspectual verb (start, begin, continue, keep) between a substance and its verb says
# when the movement starts or goes on; the verb after it is still the substance's movement.
@pytest.mark.parametrize(("prompt", "motion"), [
    ("In orbit the spilled water starts to float away from the cup.", "float"),
    ("Thick smoke begins swirling around the lamp.", "swirling around"),
    ("The autumn leaves continue to flutter in the breeze.", "flutter in the breeze"),
])
def test_a_substance_moving_after_an_aspect_verb_is_motion(prompt: str, motion: str):
    assert motion in _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


@pytest.mark.parametrize("prompt", [
    "The fog begins to lift over the harbour.",
    "Snow starts to fall on the empty square.",
    "The smoke keeps rising from the chimney.",
])
def test_a_substance_going_somewhere_after_an_aspect_verb_is_not_motion(prompt: str):
    assert _texts(prompt, C.MOTION) == []


# Rule: an adverb before a past participle that says a state ("is firmly closed", an absolute
# "mouth firmly closed,") is the degree of the state: nothing moves. An adverb of pace ("her
# eyes slowly closed") or a participle of a verb that moves keeps the movement's manner.
@pytest.mark.parametrize("prompt", [
    "The vault door is firmly closed.",
    "A cat on the step, mouth firmly closed, ears up.",
    "Her hands remain tightly clasped.",
    "An old sailor on the pier - fists tightly clenched, jaw set.",
])
def test_the_degree_of_a_state_is_not_motion(prompt: str):
    assert _texts(prompt, C.MOTION) == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("Her eyes slowly closed.", "slowly"),
    ("She firmly closed the door behind her.", "firmly"),
    ("A boat, gently rocked by the waves.", "rocked by the waves"),
])
def test_a_pace_or_a_movement_before_a_participle_is_still_motion(prompt: str, motion: str):
    assert motion in _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


# Rule: a garment in the "in" phrase of what someone wears, with a verb right after it, gives
# the verb to the wearer ("a woman in a flapper dress dancing": she dances, the dress does not
# move by itself); a wind named after the verb makes the cloth the thing that moves.
@pytest.mark.parametrize("prompt", [
    "Old film footage of a woman in a flapper dress dancing.",
    "A man in a red cape running through the market.",
    "A girl in a silk dress twirling on the stage.",
])
def test_the_wearers_verb_after_a_garment_is_not_the_cloths_motion(prompt: str):
    assert _texts(prompt, C.MOTION) == []


@pytest.mark.parametrize(("prompt", "motion"), [
    ("A knight in a cloak fluttering in the breeze.", "fluttering in the breeze"),
    ("A woman in a long dress, the dress swirling as she spins.", "dress swirling"),
    ("Her scarf swirling around her shoulders.", "swirling around"),
])
def test_cloth_moved_by_wind_or_said_on_its_own_is_motion(prompt: str, motion: str):
    assert motion in _texts(prompt, C.MOTION), _texts(prompt, C.MOTION)


# Rule (span): "soft overcast light, gentle ripples": a describing word before "light" makes
# "light" the head of its own noun phrase, closed by the comma; the movement's words start after
# it. After a preposition ("with slow, careful steps") the first word stays the movement's.
def test_a_listed_noun_before_a_comma_is_not_part_of_the_movement():
    prompt = "A paper boat in a puddle, soft overcast light, gentle ripples."
    assert _texts(prompt, C.MOTION) == ["gentle ripples"]
    assert "with slow, careful steps" in _texts("He moves with slow, careful steps.", C.MOTION)


# Rule: a time of day that names a kind of clothes ("formal evening wear", "a night robe") is
# the clothes', not the time the clip is lit at.
@pytest.mark.parametrize("prompt", [
    "A couple in formal evening wear hurry home through the rain.",
    "A woman in a night robe waits by the window.",
])
def test_clothes_named_by_a_time_of_day_are_not_lighting(prompt: str):
    assert _texts(prompt, C.LIGHTING) == []


@pytest.mark.parametrize(("prompt", "lighting"), [
    ("A woman walks home in the evening.", "in the evening"),
    ("Night, a man in a raincoat waits at the corner.", "Night"),
])
def test_a_time_of_day_beside_clothes_is_still_lighting(prompt: str, lighting: str):
    assert lighting in _texts(prompt, C.LIGHTING), _texts(prompt, C.LIGHTING)



# Rule: bare "framing" after a word of sameness or a negation says the framing is kept or
# absent, not what it is: no shot. A framing described ("tight framing") stays a shot, and a
# first clause headed by a film word ("Same framing,") names no subject.
@pytest.mark.parametrize("prompt", [
    "Same framing, a time-lapse of the harbour from dawn to dusk.",
    "Composition: abstract shapes, no traditional framing.",
])
def test_framing_kept_or_absent_is_not_a_shot(prompt: str):
    assert _texts(prompt, C.SHOT) == []
    assert "Same framing" not in _texts(prompt, C.SUBJECT)


def test_described_framing_is_still_a_shot():
    assert "Tight framing" in _texts("Tight framing on her hands as she kneads dough.", C.SHOT)
