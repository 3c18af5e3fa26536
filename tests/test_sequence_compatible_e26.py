"""Sequences (issue 22), session 26: values that are compatible, not contradictory.

A garment's colour said by another name in another shot ("crimson scarf" then "deep red
scarf", or "scarlet scarf") is drift: the guide says use identical descriptors, never synonyms
(session 26's family-name exception was reverted in session 27)."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def drift(*shots: str) -> list[tuple[str, tuple[int, ...]]]:
    return sorted((f.anchor, tuple(f.shots))
                  for f in find(extract_all(parse_shot_list("\n".join(shots))))
                  if f.kind == "drift")


@pytest.mark.parametrize("later", [
    "Mirela, long black coat, deep red scarf, watches the train come.",
    "Mirela, long black coat, red scarf, watches the train come.",
    "Mirela, long black coat, scarlet scarf, watches the train come.",
    "Mirela, long black coat, pale blue scarf, watches the train come.",
])
def test_a_garment_colour_said_by_another_name_drifts(later):
    # Session 27 (Step 0): the guide's "use identical descriptors, never synonyms" is the bot's
    # own teaching: "crimson" then "deep red" (the family's name) is drift, as "scarlet" is.
    assert ("character", (1, 2, 3)) in drift(
        "Mirela, twenties, a long black coat and a crimson scarf, waits on the bridge at dusk.",
        later,
        "Mirela, long black coat, crimson scarf, shuts her eyes as the train roars past.")


# ---- a change of clothes the text cues, and whose it is (session 26) --------------------------
def test_an_outfit_change_heading_is_a_stated_change_of_clothes():
    shots = ["Sofia, low chignon, lace ceremony gown, bursts through the barn doors, evening.",
             "Sofia, low chignon, lace ceremony gown, raises her glass in the barn, evening.",
             "{} Sofia steps out of the suite in a silver sequined reception dress, evening.",
             "Sofia in the silver sequined reception dress dances in the barn, evening."]
    plain = [s.format("") for s in shots]
    headed = [s.format("Outfit change:") for s in shots]
    assert [f for f in drift(*plain) if f[0] == "character"]
    assert not [f for f in drift(*headed) if f[0] == "character"]


def test_a_garment_stripped_away_is_a_stated_change_of_clothes():
    assert not [f for f in drift(
        "Mei, long black twin tails, navy sailor uniform, grips the rooftop fence at dusk.",
        "Ribbons of light strip the sailor uniform away and wrap Mei in a gold armored dress.",
        "Mei, gold armored dress, leaps from the rooftop fence at dusk.") if f[0] == "character"]


def test_the_garment_named_in_the_clause_that_takes_it_off_is_the_one_changed():
    assert not [f for f in drift(
        "Ama, long locs, black gown, runs across the quad, late morning.",
        "Ama, long locs, black gown, hugs her father on the quad, late morning.",
        "Ama pulls the black gown off over her head, a yellow sundress underneath.",
        "Ama, long locs, yellow sundress, walks off under the cherry trees, late morning.")
        if f[0] == "character"]


def test_one_characters_change_of_clothes_does_not_excuse_anothers_glasses():
    found = drift(
        "Ama, black gown, runs to Kwabena (grey goatee, black horn-rimmed glasses), morning.",
        "Kwabena, grey goatee, black horn-rimmed glasses, hugs Ama, morning.",
        "Ama pulls the black gown off over her head, a yellow sundress underneath, morning.",
        "Kwabena, grey goatee, gold wire-rimmed glasses, catches the mortarboard, morning.")
    assert ("character", (1, 2, 4)) in found


def test_a_list_after_a_semicolon_is_the_clause_subjects_not_the_objects():
    from bot.core.sequence.people import _COMMA_LOOK, _SEMICOLON_LOOK
    shots = extract_all(parse_shot_list(
        "Ama, long locs tied up, runs across the quad.\n"
        "Ama tosses the mortarboard to her father; long locs tied up."))
    owners = {m.owner for m in shots[1].of("character") if m.slot == "hair_length"}
    assert owners == {"Ama"}
    assert _SEMICOLON_LOOK.match("; long locs tied up") and not _COMMA_LOOK.match("; long locs")


# ---- a new place under its own slug line (session 26) ------------------------------------------
def test_a_stranger_place_under_its_own_slug_line_and_back_is_a_cut_there_and_back():
    found = drift(
        "INT. HOSPITAL CORRIDOR - NIGHT. Dev, teal scrubs, pushes a wheelchair down the corridor.",
        "INT. NURSES' STATION - NIGHT. Dev, teal scrubs, drops into a chair and rubs his eyes.",
        "INT. HOSPITAL CORRIDOR - NIGHT. Dev in his teal scrubs walks up the long corridor.")
    assert not [f for f in found if f[0] == "setting"]


def test_a_stranger_place_without_slug_lines_between_two_shots_of_one_place_still_drifts():
    found = drift(
        "Dev, teal scrubs, pushes a wheelchair down the long hospital corridor at night.",
        "Dev, teal scrubs, sits in an underground parking garage and rubs his eyes at night.",
        "Dev in his teal scrubs walks up the long hospital corridor at night.")
    assert [f for f in found if f[0] == "setting"]


# ---- gaps: a detail the repeated value already says, a word that is no grade (session 26) ------
def gaps(*shots: str) -> list[tuple[str, tuple[int, ...]]]:
    return sorted((f.anchor, tuple(f.shots))
                  for f in find(extract_all(parse_shot_list("\n".join(shots))))
                  if f.kind == "gap")


def test_a_repeated_long_focal_length_says_telephoto_again():
    shots = ["Zara walks across the salt flat at golden hour, low sun behind her. 85mm, telephoto "
             "compression.",
             "Zara lifts her sunglasses on the salt flat at golden hour, low sun behind her. {}.",
             "Zara turns to lens on the salt flat at golden hour, low sun behind her. {}."]
    assert not [g for g in gaps(*(s.format("85mm") for s in shots)) if g[0] == "lens"]
    assert ("lens", (1, 2, 3)) in gaps(*(s.format("35mm") for s in shots))  # a wide lens is not


def test_a_lone_punchy_is_no_grade_but_punchy_colours_are():
    from bot.core.sequence.palette import palettes
    text = "Jo slams a battle rope on a rooftop gym, city skyline behind. Fast, punchy."
    assert palettes(text, text.lower()) == []
    text = "Jo slams a battle rope on a rooftop gym, punchy saturated colours."
    assert palettes(text, text.lower())
