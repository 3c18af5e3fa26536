"""Sequences (issue 22, session 20): terse spec lines and place names are not characters' looks.

Rules: (1) in a terse spec line whose fields are split by " / " or " | ", a character's comma
list of looks ends at the field separator: the next field (the grade, the lens) is not part of
the character. (2) A capitalised word right after "on" (as after "in", "at") is where the
shot is ("a workshop on Murano"), not a person. The lists are this test's own wording, not any
set's rows."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find
from bot.core.sequence.people import Cast


def character_gaps(*shots: str) -> list[str]:
    return [" ".join(w.text for w in f.words)
            for f in find(extract_all(parse_shot_list("\n".join(shots))))
            if f.kind == "gap" and f.anchor == "character"]


@pytest.mark.parametrize("shots", [
    ["WS / a salt flat at noon / cyclist Omar, lean, orange jersey, black shorts / bleached, "
     "teal shadows / 35mm",
     "MS / Omar, lean, orange jersey, black shorts, pedals hard / salt flat, noon / bleached "
     "/ 35mm",
     "CU / Omar, lean, orange jersey, black shorts, grits his teeth / noon / bleached "
     "/ 35mm"],
    ["EXT | a harbour at dusk | Ines, stocky, yellow oilskin, grey beanie | cold grade, cyan | "
     "anamorphic",
     "MED | Ines, stocky, yellow oilskin, grey beanie, coils a rope | harbour, dusk | cold grade "
     "| anamorphic",
     "CU | Ines, stocky, yellow oilskin, grey beanie, squints | dusk | cold grade | anamorphic"],
    ["1 / a dojo at dawn / Kenta, wiry, white gi, black belt / muted, gold accents only / 50mm",
     "2 / Kenta, wiry, white gi, black belt, bows / dojo, dawn / muted / 50mm",
     "3 / Kenta, wiry, white gi, black belt, kicks / dojo / muted / 50mm"],
])
def test_a_spec_field_after_the_character_is_not_his_look(shots):
    assert character_gaps(*shots) == []


@pytest.mark.parametrize("shots", [
    ["WS / a salt flat at noon / cyclist Omar, lean, orange jersey, black shorts, a scar on his "
     "chin / 35mm",
     "MS / Omar pedals hard / salt flat, noon / 35mm",
     "CU / Omar grits his teeth / noon / 35mm"],
    ["EXT | a harbour at dusk | Ines, stocky, yellow oilskin, grey beanie | cold grade",
     "MED | Ines coils a rope | harbour, dusk | cold grade",
     "CU | Ines squints | dusk | cold grade"],
    ["1 / a dojo at dawn / Kenta, wiry, white gi, black belt / 50mm",
     "2 / Kenta bows / dojo, dawn / 50mm",
     "3 / Kenta kicks / dojo / 50mm"],
])
def test_the_character_given_once_in_a_spec_line_is_still_a_gap(shots):
    assert character_gaps(*shots)


@pytest.mark.parametrize("shots, place", [
    (["A glassblowing studio on Murano, kiln roaring. Giulia, in a leather apron, gathers glass.",
      "Giulia, leather apron, blows into the pipe. Murano studio, kiln glow.",
      "Giulia, leather apron, sets the vase down. Murano studio."], "Murano"),
    (["A surf shack on Oahu, boards stacked outside. Keoni, in red board shorts, waxes a board.",
      "Keoni, red board shorts, carries the board to the water. Oahu shack behind.",
      "Keoni, red board shorts, paddles out. Oahu surf."], "Oahu"),
    (["Wide: a lighthouse on Skye, wind flattening the grass. Morag, in a waxed jacket, climbs.",
      "Morag, waxed jacket, unlocks the lighthouse door. Skye lighthouse, wind.",
      "Morag, waxed jacket, lights the lamp. Skye lighthouse."], "Skye"),
])
def test_a_capital_after_on_is_a_place(shots, place):
    assert place not in Cast(parse_shot_list("\n".join(shots))).names


@pytest.mark.parametrize("shots, name", [
    (["Giulia, in a leather apron, gathers glass in a studio. Marco watches.",
      "Marco, grey apron, hands Giulia the pipe."], "Marco"),
    (["Keoni, in red board shorts, waxes a board. Leilani, in a green rash guard, waves.",
      "Leilani, green rash guard, paddles out."], "Leilani"),
    (["Morag, in a waxed jacket, climbs the lighthouse. Ewan, in a kilt, follows.",
      "Ewan, kilt, leans on Morag's shoulder at the top."], "Ewan"),
])
def test_a_name_said_as_a_subject_is_still_a_person(shots, name):
    assert name in Cast(parse_shot_list("\n".join(shots))).names
