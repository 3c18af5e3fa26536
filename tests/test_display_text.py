"""Echoed text cannot spoof the display: bidi controls and invisible characters become visible."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.core.display_text import has_invisible, reveal_invisible


def test_bidi_override_and_isolates_are_shown_as_markers() -> None:
    spoof = "hero shot \u202etxt.exe\u202c and \u2066isolated\u2069 zero\u200bwidth"
    shown = reveal_invisible(spoof)
    assert "\u202e" not in shown and "\u2066" not in shown and "\u200b" not in shown
    assert "\u27e8U+202E\u27e9txt.exe\u27e8U+202C\u27e9" in shown
    assert "\u27e8U+2066\u27e9isolated\u27e8U+2069\u27e9" in shown
    assert "zero\u27e8U+200B\u27e9width" in shown
    assert has_invisible(spoof) and not has_invisible(shown)


@given(st.text(alphabet=st.characters(blacklist_categories=["Cf"]), max_size=200))
def test_ordinary_text_is_unchanged(text: str) -> None:
    if not has_invisible(text):
        assert reveal_invisible(text) == text


def test_scripts_and_emoji_are_kept() -> None:
    text = "一只猫在窗台上 · cámara lenta · 猫が窓辺に座る · 🎬"
    assert reveal_invisible(text) == text


def test_joiners_in_emoji_sequences_are_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467 on a beach"
    assert reveal_invisible(family) == family
