"""Colour read the way issue 12 defines it: the palette or grade of the picture, not one
thing's colour. Sentences written for these tests, not taken from a labelled set."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _colour(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(C.COLOR, [])]


@pytest.mark.parametrize("prompt", [
    "Wildflowers in muted hues cover the hillside",
    "Autumn leaves in shades of red and orange cover the path",
    "Her hair dyed in pastel colours, she waits at the bus stop",
    "A vase of flowers in vivid reds and yellows on the sill",
    "A bird whose feathers shimmer in iridescent greens",
    "Brightly coloured fishing boats rock in the harbour",
    "Kids in raincoats painted in candy hues run past",
])
def test_colours_a_thing_is_in_are_the_things(prompt: str) -> None:
    assert _colour(prompt) == []


@pytest.mark.parametrize(("prompt", "colour"), [
    ("The scene in muted hues, soft film look", "muted hues"),
    ("A city filmed in black and white", "black and white"),
    ("The whole scene is bathed in red", "bathed in red"),
    ("Everything tinted a sickly green", "tinted a sickly green"),
    ("A palette of ochre, rust and deep green", "palette of ochre, rust and deep green"),
    ("The frame glows in hues of amber and violet", "hues of amber and violet"),
    ("Colours: muted teal, burnt orange, cream", "Colours:"),
])
def test_the_pictures_colours_stay_the_palette(prompt: str, colour: str) -> None:
    assert any(colour in text for text in _colour(prompt)), _colour(prompt)


@pytest.mark.parametrize("prompt", [
    "A joyful baby in a soft, pastel onesie crawls across the rug",
    "A quiet beach at dusk, warm pastel sky",
    "Pastel cupcakes line the bakery window",
])
def test_pastel_said_of_one_thing_is_that_things_colour(prompt: str) -> None:
    assert _colour(prompt) == []


@pytest.mark.parametrize(("prompt", "colour"), [
    ("Soft pastel look, dreamy and hazy", "pastel"),
    ("Everything in pastel, soft light", "pastel"),
    ("Pastel tones throughout the film", "Pastel tones"),
])
def test_pastel_said_of_the_picture_stays_the_palette(prompt: str, colour: str) -> None:
    assert any(colour in text for text in _colour(prompt)), _colour(prompt)


@pytest.mark.parametrize("prompt", [
    "A man on a rotary wall phone with a green neon light",
    "A desk lamp throws a yellow light over the papers",
    "The arcade's pink neon sign buzzes",
])
def test_one_colour_of_one_light_is_that_lights_not_the_palette(prompt: str) -> None:
    assert _colour(prompt) == []


def test_the_colour_of_a_light_is_read_with_the_light() -> None:
    assert C.LIGHTING in analyze("A man on a wall phone with a green neon light").spans
