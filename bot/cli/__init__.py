"""`framecraft`: the command line, the offline front of the bot.

Each subcommand lives in its own module with `register(sub)` and `run(args, engine, console)`;
main() turns every error a user can fix into one clear line and a non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import Any, TextIO

from rich.console import Console

from bot.core.display_text import reveal_invisible
from bot.core.knowledge import KnowledgeError
from bot.core.validation import InputError

SUBCOMMAND_MODULES: tuple[str, ...] = (
    "critique",
    "review",
    "chat",
    "models",
    "gallery",
    "ethics",
    "prompt",
    "doctor",
    "ask",
    "index",
    "translate",
    "compare",
    "slack",
    "discord",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framecraft",
        description="Framecraft reviews, translates and versions AI-video prompts.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(f"bot.cli.{name}").register(sub)
    return parser


class RevealingStream:
    """A text stream that shows invisible and bidi control characters as visible markers
    (bot.core.display_text) on their way to the terminal: the rich consoles write through
    it, so every echo of stored or typed text is covered. `--json` output is printed
    directly and keeps the text exact."""

    def __init__(self, raw: TextIO):
        self.raw = raw

    def write(self, text: str) -> int:
        return self.raw.write(reveal_invisible(text))

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding, ...
        return getattr(self.raw, name)


def main(argv: list[str] | None = None) -> int:
    from bot.core.engine import Engine

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    console = Console(highlight=False, file=RevealingStream(sys.stdout))  # type: ignore[arg-type]
    err = Console(highlight=False, file=RevealingStream(sys.stderr))  # type: ignore[arg-type]
    try:
        return int(args.func(args, Engine(), console) or 0)
    except (InputError, KnowledgeError) as e:
        err.print(f"[red]error:[/red] {e}", markup=True, soft_wrap=True)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
