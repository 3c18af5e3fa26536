"""Sequences (issue 22, session 20): a colour restated at another level of detail is a repeat.

Rule: a garment whose colour one shot names by a shade ("crimson", "navy", "olive") and another
by that shade's family ("red", "dark blue", "green") is described compatibly, so it is the same
garment and no drift; two different named shades ("ivory" / "cream") or two families stay a
change, and so does a shade word that clashes ("navy" / "light blue"). Drift is an anchor
"described incompatibly" (issue 22), and the sets written since dev8 label such restatements
as repeats. The lists are this test's own wording, not any set's rows."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import colour_restated_in_family, find


def drifts(*shots: str) -> list[tuple[str, tuple[int, ...]]]:
    return sorted((f.anchor, tuple(f.shots))
                  for f in find(extract_all(parse_shot_list("\n".join(shots))))
                  if f.kind == "drift")


@pytest.mark.parametrize("a, b", [
    ("a crimson scarf", "a red scarf"),
    ("her navy blazer", "her dark blue blazer"),
    ("an olive field jacket", "the green field jacket"),
    ("a charcoal suit", "a grey suit"),
])
def test_a_shade_and_its_family_name_are_one_colour(a, b):
    assert colour_restated_in_family(a, b) and colour_restated_in_family(b, a)


@pytest.mark.parametrize("a, b", [
    ("an ivory blouse", "a cream blouse"),  # two named shades
    ("a jade scarf", "an olive scarf"),
    ("a crimson scarf", "a blue scarf"),  # two families
    ("a red and gold sash", "a crimson sash"),  # the family names more than the shade does
])
def test_two_picks_or_two_families_are_not_one_colour(a, b):
    assert not colour_restated_in_family(a, b)


@pytest.mark.parametrize("shots", [
    # terse numbered lines
    ["1. Tomasz, a courier with a shaved head, cobalt windbreaker, locks his bike at a kerb.",
     "2. Tomasz, shaved head, cobalt windbreaker, jogs up the stairs of an office block.",
     "3. Tomasz, shaved head, blue windbreaker, hands a parcel over the front desk."],
    # screenplay-style, the family name first, the shade later
    ["INT. GREENHOUSE - DAY. Maud (70s), a gardener in a green quilted gilet, repots a fern.",
     "Maud, green quilted gilet, mists the orchids along the bench.",
     "CLOSE ON Maud's hands, sleeves of her olive quilted gilet pushed up, pressing soil down."],
    # long sentences, pronoun plus the garment, the shade said with the family's dark word
    ["A night-shift nurse called Ifeoma, in burgundy scrubs with a stethoscope around her neck, "
     "pushes a trolley down a quiet ward.",
     "Ifeoma, in her dark red scrubs, checks a drip by a sleeping patient's bed.",
     "Ifeoma, burgundy scrubs, writes in a chart at the nurses' station."],
])
def test_a_garment_restated_by_its_colour_family_does_not_drift(shots):
    assert not [d for d in drifts(*shots) if d[0] == "character"]


@pytest.mark.parametrize("shots", [
    # another family
    ["1. Tomasz, a courier with a shaved head, cobalt windbreaker, locks his bike at a kerb.",
     "2. Tomasz, shaved head, cobalt windbreaker, jogs up the stairs of an office block.",
     "3. Tomasz, shaved head, orange windbreaker, hands a parcel over the front desk."],
    # two named shades of one family
    ["INT. GREENHOUSE - DAY. Maud (70s), a gardener in a jade quilted gilet, repots a fern.",
     "Maud, jade quilted gilet, mists the orchids along the bench.",
     "CLOSE ON Maud's hands, sleeves of her olive quilted gilet pushed up, pressing soil down."],
    # the family at the other end of its shades
    ["A night-shift nurse called Ifeoma, in navy scrubs with a stethoscope around her neck, "
     "pushes a trolley down a quiet ward.",
     "Ifeoma, in her light blue scrubs, checks a drip by a sleeping patient's bed.",
     "Ifeoma, navy scrubs, writes in a chart at the nurses' station."],
])
def test_a_garment_in_another_colour_still_drifts(shots):
    assert [d for d in drifts(*shots) if d[0] == "character"]
