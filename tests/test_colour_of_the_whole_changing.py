"""Colour by the definition (issue 12: palette / grade / colours used as a look; a single
object's colour is not), session 16: the colour of the whole picture changing, its saturation,
and a tint said of the picture or the whole of its place. The sentences are written for these
tests, none from a labelled set."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _colour(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(C.COLOR, [])]


# Rule: the colour of the whole picture changing (the colours, the palette or the colour
# temperature as subject, the image draining of colour or turning monochrome) and its
# saturation are the grade.
@pytest.mark.parametrize("prompt", [
    "Colour temperature shifts from warm gold to cold blue as the storm arrives.",
    "As night falls, the colours slowly shift from warm to cool.",
    "The palette warms as the sun climbs over the ridge.",
    "At the end of the memory, the image gradually drains of colour.",
    "The frame turns monochrome when the soldier falls.",
    "High saturation, crisp detail, summer festival crowd.",
])
def test_the_whole_pictures_colour_changing_or_its_saturation_is_colour(prompt: str) -> None:
    assert _colour(prompt), prompt


@pytest.mark.parametrize("prompt", [
    "She changes the colours of the lamp with a remote.",
    "The leaves change colour in autumn.",
    "The chameleon's colours shift from green to brown on the branch.",
])
def test_one_things_colour_changing_is_not_the_palette(prompt: str) -> None:
    assert _colour(prompt) == []


# Rule: a tint compound (-toned, -tinted, -hued, -tinged) said of the picture or the whole of
# its place (a flashback, a dream sequence, the setting, the background) is the palette; said
# of one thing in it, that thing's colour.
@pytest.mark.parametrize("prompt", [
    "A sepia-toned flashback of the old farm.",
    "A red-tinted dream sequence in the abandoned theatre.",
    "The background is a pale yellow-toned indoor setting.",
])
def test_a_tint_of_the_picture_or_its_place_is_the_palette(prompt: str) -> None:
    assert _colour(prompt), prompt


@pytest.mark.parametrize("prompt", [
    "The blue-toned water surface ripples around her.",
    "A golden-hued apple sits on the table.",
    "Brightly coloured fishing boats bob in the harbour.",
])
def test_a_tint_of_one_thing_is_not_the_palette(prompt: str) -> None:
    assert _colour(prompt) == []
