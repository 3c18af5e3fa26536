"""Sequences (issue 22), session 26: values that are compatible, not contradictory.

A garment's colour said by its family's own name in another shot ("crimson scarf" then "deep
red scarf", "navy trousers" then "dark blue trousers") is the same garment said broadly (as
WordNet has it, crimson is a kind of red: a hypernym), not drift; two kinds of one family
("crimson" / "scarlet", co-hyponyms) or two families stay drift."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import colour_said_as_its_kind, find


def drift(*shots: str) -> list[tuple[str, tuple[int, ...]]]:
    return sorted((f.anchor, tuple(f.shots))
                  for f in find(extract_all(parse_shot_list("\n".join(shots))))
                  if f.kind == "drift")


@pytest.mark.parametrize("a, b", [
    ("a crimson scarf", "a deep red scarf"),
    ("navy ski trousers", "dark blue ski trousers"),
    ("an ivory silk sari", "an off-white silk sari"),
    ("a scarlet knitted scarf", "a red knitted scarf"),
    ("the red qipao", "her crimson qipao"),
])
def test_the_family_name_is_the_colour_said_broadly(a, b):
    assert colour_said_as_its_kind(a, b)
    assert colour_said_as_its_kind(b, a)


@pytest.mark.parametrize("a, b", [
    ("a crimson scarf", "a scarlet scarf"),  # two kinds of red
    ("an ivory blouse", "a cream blouse"),  # two kinds of white
    ("a rust jacket", "a red jacket"),  # rust is an orange that may be called red
    ("a yellow coat", "a red coat"),
    ("a red coat", "the coat"),  # no colour said again
])
def test_co_hyponyms_other_families_or_no_colour_are_not_the_family_name(a, b):
    assert not colour_said_as_its_kind(a, b)


@pytest.mark.parametrize("later", [
    "Mirela, long black coat, deep red scarf, watches the train come.",
    "Mirela, long black coat, red scarf, watches the train come.",
])
def test_the_colour_family_said_of_a_garment_is_a_repeat(later):
    assert not drift(
        "Mirela, twenties, a long black coat and a crimson scarf, waits on the bridge at dusk.",
        later,
        "Mirela, long black coat, crimson scarf, shuts her eyes as the train roars past.")


@pytest.mark.parametrize("later", [
    "Mirela, long black coat, scarlet scarf, watches the train come.",
    "Mirela, long black coat, pale blue scarf, watches the train come.",
])
def test_another_kind_of_red_or_another_colour_still_drifts(later):
    assert ("character", (1, 2, 3)) in drift(
        "Mirela, twenties, a long black coat and a crimson scarf, waits on the bridge at dusk.",
        later,
        "Mirela, long black coat, crimson scarf, shuts her eyes as the train roars past.")
