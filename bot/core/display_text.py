"""Text as it is shown back to people: invisible and direction-changing characters made visible.

A prompt is stored exactly as written, but echoing U+202E (right-to-left override), the isolates
U+2066-U+2069 or zero-width characters lets one message pass for another on screen ("display
spoofing"). Every front shows stored or user text through `reveal_invisible`.
"""

from __future__ import annotations

import re

# Bidi marks, embeddings, overrides and isolates, zero-width space and other invisible format
# characters. The zero-width (non-)joiners U+200C/U+200D stay: emoji sequences and Persian and
# Indic scripts need them.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u206f\ufeff\ufff9-\ufffb]")


def _marker(match: re.Match[str]) -> str:
    return f"\u27e8U+{ord(match.group()):04X}\u27e9"


def reveal_invisible(text: str) -> str:
    """`text` with each invisible or bidi control character replaced by a visible `⟨U+202E⟩`."""
    return _INVISIBLE.sub(_marker, text)


def has_invisible(text: str) -> bool:
    return _INVISIBLE.search(text) is not None
