"""`framecraft`: the command line, the offline front of the bot.

Each subcommand lives in its own module with `register(sub)` and `run(args, engine, console)`;
main() turns every error a user can fix into one clear line and a non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from rich.console import Console

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
    "lint",
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


def main(argv: list[str] | None = None) -> int:
    from bot.core.engine import Engine

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    console = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
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
