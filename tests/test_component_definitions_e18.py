"""Issue 12's definitions read by mechanism, on sentences written for these tests (none of them
is a labelled row): each rule has wordings it must catch and neighbours it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(prompt: str, comp: C) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(comp, [])]


# Rule: a colour noun whose owner follows it with "of" gives that one thing's colour (as "the
# sky's hues" does), when the owner is a thing: not a time, a light or a place, and not set
# against something else as a contrast the frame is built on.
@pytest.mark.parametrize("prompt", [
    "A probe drifts past Jupiter, its lens catching the rusty tones of the planet.",
    "A swimmer floats on her back under the pale blue shades of the sky.",
    "The jeweller turns the ring, admiring the deep green hues of the emerald in his palm.",
    "Tourists photograph the glacier, the icy blue colours of the ice cracking in the heat.",
])
def test_the_colours_of_one_thing_are_not_color(prompt: str) -> None:
    assert _texts(prompt, C.COLOR) == []


@pytest.mark.parametrize(("prompt", "color"), [
    ("A fishing village wakes, the pastel hues of dawn over the harbour.", "hues"),
    ("A courier cycles through downtown in the cold blue tones of neon light.", "tones"),
    ("A dancer spins, the fiery colours of her dress against the grey concrete square.",
     "colours"),
    ("The rusty tones of the planet fill the frame, teal and orange colour grade.", "grade"),
])
def test_the_colours_of_a_time_a_light_or_a_contrast_stay_color(prompt: str, color: str) -> None:
    assert any(color in t for t in _texts(prompt, C.COLOR)), _texts(prompt, C.COLOR)


# Rule: an adverb of a small degree (WordNet: "to a small degree or extent", "in a subtle
# manner") next to a verb of movement says how far the movement goes, its amplitude (physics);
# a small direction, a comparison, a thing described or the camera's shake is not.
@pytest.mark.parametrize(("prompt", "motion"), [
    ("An old rope bridge sways slightly under the hikers' weight.", "slightly"),
    ("Tall grass subtly rippling along the riverbank at dusk.", "subtly"),
    ("A paper lantern swinging faintly from the porch roof.", "faintly"),
    ("The suspended mobile trembles slightly above the crib.", "slightly"),
])
def test_a_small_degree_of_a_movement_is_its_amplitude(prompt: str, motion: str) -> None:
    assert any(motion in t for t in _texts(prompt, C.MOTION)), _texts(prompt, C.MOTION)


@pytest.mark.parametrize("prompt", [
    "A lawyer leans in slightly toward the witness stand.",
    "The actress turns slightly to face the window.",
    "A slightly swaying lantern hangs in a quiet alley.",
    "The camera shakes slightly over a busy street market.",
    "A boy stands with one foot slightly forward on the chalk line.",
])
def test_a_small_direction_a_described_thing_or_the_camera_is_not_amplitude(prompt: str) -> None:
    assert not any(w in t for t in _texts(prompt, C.MOTION)
                   for w in ("slightly", "subtly", "faintly")), _texts(prompt, C.MOTION)


# Rule: a movement noun whose owner, after "of", is the camera or one of its moves is the
# camera's speed or manner (it stays camera), not the movement of anything filmed.
@pytest.mark.parametrize("prompt", [
    "A bakery at dawn; the slow movement of the dolly reveals rows of bread.",
    "Waves on a pier, the gentle motion of the handheld camera adds unease.",
    "A bride at the altar, the smooth motion of the crane lifts above the pews.",
])
def test_the_movement_of_the_camera_is_not_motion(prompt: str) -> None:
    assert _texts(prompt, C.MOTION) == [], _texts(prompt, C.MOTION)


@pytest.mark.parametrize("prompt", [
    "A bakery at dawn; the slow movement of the baker's hands kneading dough.",
    "Waves on a pier, the gentle motion of the boats on the swell.",
    "A bride at the altar, the graceful movement of her veil in the draft.",
])
def test_the_movement_of_something_filmed_stays_motion(prompt: str) -> None:
    assert _texts(prompt, C.MOTION), prompt


# Rule: any colour name (the hue table's, and each hue's "-ish" form) said of a tint, a cast, a
# wash or a haze over the picture is the frame's look; the same names on a thing are its colour.
@pytest.mark.parametrize(("prompt", "color"), [
    ("An old office, the footage has a cool, bluish cast.", "bluish cast"),
    ("A greenish tint over the empty hospital corridor.", "greenish tint"),
    ("A nightclub dance floor under a fuchsia haze.", "fuchsia haze"),
])
def test_any_colour_name_of_a_tint_or_cast_is_color(prompt: str, color: str) -> None:
    assert any(color in t for t in _texts(prompt, C.COLOR)), _texts(prompt, C.COLOR)


@pytest.mark.parametrize("prompt", [
    "A greenish frog sits on a lily pad.",
    "She wears fuchsia lipstick and a bluish scarf.",
    "A reddish fox trots across a snowy field.",
])
def test_a_colour_name_on_a_thing_is_not_color(prompt: str) -> None:
    assert _texts(prompt, C.COLOR) == [], _texts(prompt, C.COLOR)


# Rule: one movement named as a noun (a movement verb's base or -ing form, ending its phrase)
# with an adjective of manner says how that movement goes; a kind of movement named by a
# participle, a sound, or a described thing that does not move is not.
@pytest.mark.parametrize("prompt", [
    "The toddler's clumsy stumble across the lawn at the picnic.",
    "A racehorse, its effortless gallop along the rail at dawn.",
    "The frantic flapping of a trapped sparrow against the glass.",
    "The violent shaking of the old bus on the gravel road.",
])
def test_a_manner_adjective_on_one_movement_is_motion(prompt: str) -> None:
    assert _texts(prompt, C.MOTION), prompt


@pytest.mark.parametrize("prompt", [
    "The diver's twisting plunge at the final of the championship.",
    "Onions hit the pan with a dramatic sizzle.",
    "The soft flowing fabric of her gown in a candlelit hall.",
])
def test_a_kind_a_sound_or_a_described_thing_is_not_that_motion(prompt: str) -> None:
    texts = _texts(prompt, C.MOTION)
    assert not any(w in t for t in texts for w in ("twisting plunge", "dramatic sizzle",
                                                    "soft flowing")), texts
