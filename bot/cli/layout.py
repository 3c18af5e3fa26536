"""Terminal layout that survives 80 columns and pipes: bullets wrapped with a hanging indent.

rich's `soft_wrap=True` leaves long lines to the terminal, which wraps them at column 0 and loses
the bullet's indent; a pipe gets one very long line. `print_bullet` wraps to the console's width
(80 when piped, or $COLUMNS) and indents every continuation line under the text.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

MIN_TEXT_WIDTH = 20
"""Narrower than this, wrapping word by word helps no one: keep at least this much text."""


def print_bullet(console: Console, text: str | Text, *, indent: int = 2, marker: str = "• ",
                 style: str = "") -> None:
    """`text` (plain data, never markup) as one bullet, wrapped with a hanging indent."""
    body = text.copy() if isinstance(text, Text) else Text(text, style=style)
    body.rstrip()
    lead = " " * indent + marker
    hang = " " * len(lead)
    lines = body.wrap(console, max(MIN_TEXT_WIDTH, console.width - len(lead)))
    for i, line in enumerate(lines):
        line.rstrip()
        console.print(Text(lead if i == 0 else hang) + line, soft_wrap=True)
