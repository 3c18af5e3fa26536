""""Cutaway" is a shot (an edit away to something else) only when it stands alone or is followed
by a shot word or where the cut goes ("a cutaway to the clock", "cutaways of the crowd"); in
front of a noun it describes a thing cut open to show its inside ("a cutaway padlock", "a
cutaway diagram of an engine"), which is the subject, not a framing."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


@pytest.mark.parametrize("prompt, subject_word", [
    ("A transparent cutaway padlock on a white desk as a key turns inside it", "padlock"),
    ("A cutaway diagram of a jet engine spins slowly on a black background", "diagram"),
    ("A cutaway doll house shows every tiny room lit up at night", "house"),
])
def test_cutaway_before_a_noun_is_the_subjects_word(prompt, subject_word):
    a = analyze(prompt)
    assert "cutaway" not in (a.text(C.SHOT) or "").lower()
    assert subject_word in (a.text(C.SUBJECT) or "").lower()


@pytest.mark.parametrize("prompt", [
    "Wide shot of the chef, then a cutaway to the clock on the wall",
    "A cutaway shot of hands kneading dough",
    "Cutaways of the crowd reacting as the runner crosses the line",
    "Medium shot of the interview, with a cutaway.",
])
def test_cutaway_as_an_edit_is_a_shot(prompt):
    assert "cutaway" in (analyze(prompt).text(C.SHOT) or "").lower()
