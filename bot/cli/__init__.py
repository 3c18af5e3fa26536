"""`framecraft`: the command line, the offline front of the bot.

Each subcommand lives in its own module with `register(sub)` and `run(args, engine, console)`;
main() turns every error a user can fix into one clear line and a non-zero exit.

Only the chosen subcommand's module is imported: importing all fourteen cost about 0.3 s on
every run (`prompt` alone brings sqlalchemy and alembic). The parser lists the others from
`SUBCOMMANDS`, a table of names and help lines (a test checks it against each module's own
`register`), so `framecraft --help` and every `framecraft NAME --help` read as before.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from collections.abc import Sequence

SUBCOMMANDS: dict[str, str] = {
    "critique": "critique a video prompt and rewrite it",
    "review": "what a review channel would say about a chat message",
    "chat": "a terminal chat with the bot's commands (offline)",
    "models": "list the video models and their dialects",
    "gallery": "list the annotated prompt gallery",
    "ethics": "check a prompt for likeness, consent, minors, deception and IP concerns",
    "prompt": "version a team's prompts: save, history, diff, restore ...",
    "doctor": "check configuration, database, index and tokens",
    "ask": "ask a craft question; answers cite the guide, gallery and model profiles",
    "index": "update the retrieval index (re-embeds only what changed)",
    "translate": "rewrite a prompt in another model's dialect",
    "compare": "render one prompt for every model side by side",
    "slack": "run the Slack bot (HTTP endpoint or Socket Mode)",
    "discord": "run the Discord bot (gateway, or an HTTP interactions endpoint with --http)",
    "lint": "check prompts in files against the critique and the house rules",
    "insights": "how the team's prompts are improving: scores per week, what is most often "
                "missing, models, feedback",
}
"""Subcommand name → its help line, in the order `framecraft --help` lists them."""

SUBCOMMAND_MODULES: tuple[str, ...] = tuple(SUBCOMMANDS)


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand argv names: its first non-option word (the top level has only -h)."""
    for token in argv:
        if token == "--":
            return None
        if not token.startswith("-"):
            return token if token in SUBCOMMANDS else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the full definition of the subcommand `argv` names and a stub with the
    same name and help for the others; every subcommand in full when `argv` is None."""
    parser = argparse.ArgumentParser(
        prog="framecraft",
        description="Framecraft reviews, translates and versions AI-video prompts.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = chosen_command(argv or [])
    for name, help_line in SUBCOMMANDS.items():
        if argv is None or name == chosen:
            importlib.import_module(f"bot.cli.{name}").register(sub)
        else:
            sub.add_parser(name, help=help_line)
    return parser


class RevealingStream:
    """A text stream that shows invisible and bidi control characters as visible markers
    (bot.core.display_text) on their way to the terminal: the rich consoles write through
    it, so every echo of stored or typed text is covered. `--json` output is printed
    directly and keeps the text exact."""

    def __init__(self, raw: TextIO):
        self.raw = raw

    def write(self, text: str) -> int:
        from bot.core.display_text import reveal_invisible

        return self.raw.write(reveal_invisible(text))

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding, ...
        return getattr(self.raw, name)


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    parser = build_parser(args_in)
    args = parser.parse_args(args_in)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    import logging

    from rich.console import Console

    from bot.core.engine import Engine
    from bot.core.knowledge import KnowledgeError
    from bot.core.validation import InputError

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
