"""Sequences (issue 22), session 12: mechanisms that carry to lists written outside the project:
names spelt with accents, colour words that name one shade in other words, ..."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def kinds(*shots: str) -> list[tuple[str, str]]:
    return [(f.kind, f.anchor) for f in find(extract_all(parse_shot_list("\n".join(shots))))]


def present(*shots: str) -> list[set[str]]:
    return [s.present for s in extract_all(parse_shot_list("\n".join(shots)))]


# ---- names with letters beyond ASCII ------------------------------------------------------------
@pytest.mark.parametrize("name", ["Zoë", "José", "Łucja", "Renée", "Björn", "Siobhán", "Ümit"])
def test_a_name_with_an_accent_is_the_same_character_in_every_shot(name):
    shots = (f"{name}, a cyclist with a shaved head and a green rain cape, waits at a red light.",
             f"{name} (shaved head, green rain cape) pedals over the wet cobbles.",
             f"{name}, shaved head, orange rain cape, locks the bike by the canal.")
    seen = present(*shots)
    assert seen[0] and seen[0] == seen[1] == seen[2]
    assert ("drift", "character") in kinds(*shots)


def test_an_accented_name_keeps_its_clothes_when_they_hold():
    assert ("drift", "character") not in kinds(
        "Inés, a baker in a flour-dusted blue apron, opens the shop at dawn.",
        "Inés, in her blue apron, slides loaves onto the rack at dawn.",
        "Close-up: Inés wipes her hands on the blue apron at dawn.")
