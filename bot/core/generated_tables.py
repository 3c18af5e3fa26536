"""The tables the scripts in scripts/ generate and ship beside the module that reads them.

Each is a text file whose line 1 is its notice (which script wrote it, from what), then one
entry a line, `key<TAB>rest` or a bare key. A missing table reads as empty, so the reader that
needs it works without it (less well), never fails: the gloss without Chinese word frequencies
or Spanish verb phrases, the native critique without its still verbs, language detection
without Spanish word forms.
"""

from __future__ import annotations

from pathlib import Path

from bot.core import cached_re as re


def table_lines(path: Path) -> list[str]:
    """The table's entry lines, its notice left out; empty when the file is missing."""
    try:
        return path.read_text(encoding="utf-8").splitlines()[1:]
    except OSError:
        return []


def write_table(path: Path, notice: str, entries: list[str]) -> None:
    """Write a table in the form the readers here take: `notice` on line 1, then one entry a
    line. For the generators in scripts/, so the form is said in one place."""
    path.write_text(notice + "\n" + "\n".join(entries) + "\n", encoding="utf-8")


def table_rows(path: Path) -> list[tuple[str, str]]:
    """(key, rest) per entry line, split at its first tab (rest "" when it has none)."""
    return [(key, rest) for key, _, rest in (line.partition("\t") for line in table_lines(path))]


NOTHING = "(?!)"
"""A pattern that matches nothing: the alternation of an empty table."""


def table_alternation(path: Path) -> str:
    """The table's entries as one regex alternation, escaped and longest first (so where two
    entries match at one place the longer is taken), or `NOTHING` when the table is missing or
    empty: the native lexicons put a generated class of words into their cues with it."""
    words = (line.strip() for line in table_lines(path))
    return "|".join(sorted((re.escape(w) for w in words if w), key=len, reverse=True)) or NOTHING
