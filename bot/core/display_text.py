"""Text as it is shown back to people: invisible and direction-changing characters made visible.

A prompt is stored exactly as written, but echoing U+202E (right-to-left override), the isolates
U+2066-U+2069 or zero-width characters lets one message pass for another on screen ("display
spoofing"). Every front shows stored or user text through `reveal_invisible`.
"""

from __future__ import annotations

from bot.core import cached_re as re

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


def display_width(text: str) -> int:
    """Columns `text` takes in a monospaced block: CJK and other East Asian wide characters
    take two (rich's `cell_len`, the Unicode East Asian Width table), so a Chinese word of 4
    characters pads like 8 Latin ones."""
    from rich.cells import cell_len

    return cell_len(text)


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` display columns (never cut)."""
    return text + " " * max(0, width - display_width(text))


def text_table(rows: list[list[str]], gap: int = 2) -> str:
    """Rows aligned into columns by display width, for a code block in Slack or Discord, where
    padding by character count breaks as soon as a cell holds Chinese or Japanese."""
    if not rows:
        return ""
    columns = max(len(r) for r in rows)
    widths = [max(display_width(r[i]) if i < len(r) else 0 for r in rows) for i in range(columns)]
    lines = []
    for r in rows:
        cells = [pad(cell, widths[i]) if i < len(r) - 1 else cell for i, cell in enumerate(r)]
        lines.append((" " * gap).join(cells).rstrip())
    return "\n".join(lines)
