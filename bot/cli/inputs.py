"""Reading what a user gives the command line: arguments, stdin and files, as text.

One behaviour for every command (`bot.core.validation.decode_text`): input is UTF-8 unless
`--encoding` says otherwise, and input that does not decode is refused with the first bad byte
and its offset, never replaced, guessed or written through raw.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from bot.core.validation import decode_argument, decode_text

if TYPE_CHECKING:
    from collections.abc import Iterator


def add_encoding_flag(parser: argparse.ArgumentParser) -> None:
    """`--encoding NAME` on a command that reads text."""
    parser.add_argument("--encoding", metavar="NAME", default=None,
                        help="the input's encoding, if it is not UTF-8 (e.g. latin-1)")


def argument_text(value: str, encoding: str | None = None) -> str:
    """A command-line argument, or all of stdin when it is '-'."""
    return read_stdin(encoding) if value == "-" else decode_argument(value, encoding)


def read_stdin(encoding: str | None = None) -> str:
    """All of stdin, decoded (read as bytes so a bad byte is named, not a traceback)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream someone put in place of stdin (tests, embedding)
        return sys.stdin.read()
    return decode_text(stream.read(), encoding)


def stdin_lines(encoding: str | None = None) -> Iterator[tuple[int, bytes | str]]:
    """(line number, raw line without its newline) for each stdin line; bytes when stdin has
    them, so each line is decoded (or refused) on its own and one bad line spoils no other."""
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    for lineno, raw in enumerate(stream, start=1):
        if isinstance(raw, bytes):
            yield lineno, raw.rstrip(b"\r\n")
        else:
            yield lineno, raw.rstrip("\r\n")


def line_text(raw: bytes | str, encoding: str | None = None) -> str:
    """One stdin line as text (raises InputError naming the byte and its offset in the line)."""
    return decode_text(raw, encoding) if isinstance(raw, bytes) else decode_argument(raw, encoding)
