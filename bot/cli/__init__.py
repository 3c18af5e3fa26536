"""`framecraft`: the command line, the offline front of the bot.

Each subcommand lives in its own module with `register(sub)` and `run(args, engine, console)`;
main() turns every error a user can fix into one clear line and a non-zero exit, and any other
error into one line naming its type (`--debug` or FRAMECRAFT_DEBUG=1 shows the traceback).

Only the chosen subcommand's module is imported: importing all fourteen cost about 0.3 s on
every run (`prompt` alone brings sqlalchemy and alembic). The parser lists the others from
`SUBCOMMANDS`, a table of names and help lines (a test checks it against each module's own
`register`), so `framecraft --help` and every `framecraft NAME --help` read as before. The
descriptions and examples of each `NAME --help` live here too (`EXAMPLES`), as plain data.

Exit codes (the README lists them): 0 ok, 1 findings or a failed check, 2 usage or input error,
130 interrupted.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

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
    "forget": "remove a person's saved prompts, reviews and feedback",
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
    "sequence": "review a shot list for consistency across shots",
}
"""Subcommand name → its help line, in the order `framecraft --help` lists them."""

SUBCOMMAND_MODULES: tuple[str, ...] = tuple(SUBCOMMANDS)

EXAMPLES: dict[str, tuple[str, tuple[str, str]]] = {
    "critique": ("Score a prompt on subject, action, setting, camera, lighting and style, list "
                 "what is missing and rewrite it (for a target model with --model).",
                 ('framecraft critique "A fox in the snow" --model kling',
                  "framecraft critique - --json < prompts.txt")),
    "review": ("Decide, as a review channel would, whether a chat message is a prompt worth a "
               "critique, and show the reply.",
               ('framecraft review "hello there"',
                'framecraft review "Slow dolly in on a lighthouse at dusk" --json')),
    "chat": ("A terminal chat with the same commands as Slack and Discord; a plain line is "
             "critiqued, /help lists the commands. History is kept in the data directory.",
             ("framecraft chat", "printf '/models\\n/quit\\n' | framecraft chat")),
    "models": ("The video models Framecraft knows, with each one's prompt form and camera "
               "syntax, and when each profile was last checked against its sources.",
               ("framecraft models", "framecraft models --stale 180 --json")),
    "gallery": ("The annotated prompt gallery: prompts that worked, and why.",
                ("framecraft gallery --model kling", "framecraft gallery --tag night --json")),
    "ethics": ("Check a prompt for real people's likeness, consent, minors, deception and "
               "intellectual property; --fail-on makes scripts fail on a finding.",
               ('framecraft ethics "A senator dancing in a nightclub"',
                "framecraft ethics - --fail-on caution < prompts.txt")),
    "prompt": ("Keep a team's prompts versioned like code: save, list, history, show, diff, "
               "restore, keep, delete, export and import.",
               ('framecraft prompt save fox-intro "A red fox trots through snow at dusk"',
                "framecraft prompt diff fox-intro 1 2")),
    "forget": ("Remove one person's saved prompts, reviews and feedback (asks first, with a "
               "count; their versions in prompts others also saved stay, author shown as "
               "removed).",
               ("framecraft forget --user U024BE7LH --platform slack --team T0123",
                "framecraft forget --user ana --yes --json")),
    "doctor": ("Check the configuration, the database, the retrieval index, the LLM and the "
               "bot tokens, and say how to fix what fails.",
               ("framecraft doctor", "framecraft doctor --json")),
    "ask": ("Answer a craft question from the guide, the gallery and the model profiles, "
            "citing each source.",
            ('framecraft ask "how do I get a slow push-in on kling?"',
             'framecraft ask "night lighting" --kind gallery --json')),
    "index": ("Build or update the retrieval index that `ask` searches; only changed passages "
              "are embedded again.", ("framecraft index", "framecraft index && framecraft ask "
                                      '"golden hour"')),
    "translate": ("Rewrite a prompt in another model's dialect: its order, vocabulary and "
                  "camera syntax.",
                  ('framecraft translate "A fox in the snow, slow pan left" --to hailuo',
                   'framecraft translate "[Pan left] a fox" --from hailuo --to runway --json')),
    "compare": ("Render one prompt for every model side by side, with what changed for each.",
                ('framecraft compare "A fox in the snow at dusk"',
                 'framecraft compare "A fox in the snow" --from runway --json')),
    "slack": ("Run the Slack bot: an HTTP endpoint for Slack's events, or Socket Mode with "
              "SLACK_APP_TOKEN.", ("framecraft slack --socket", "framecraft slack --http "
                                   "--port 3000")),
    "discord": ("Run the Discord bot on the gateway, or as an HTTP interactions endpoint.",
                ("framecraft discord", "framecraft discord --http --host 127.0.0.1 --port "
                                       "8080")),
    "lint": ("Check the prompts kept in files (.prompt, .txt, Markdown, YAML, JSON) against the "
             "critique and the house rules, like a code linter.",
             ("framecraft lint prompts/ --fail-on warning",
              "framecraft lint --format sarif --output framecraft.sarif")),
    "insights": ("How a team's prompting is improving: the score per week, what is most often "
                 "missing, and a chart.",
                 ("framecraft insights --since 90d", "framecraft insights --team local --json")),
    "sequence": ("Review a shot list (one shot a line, Markdown headings or numbered items, or "
                 "YAML/JSON shots) for consistency: each shot's critique, the anchors across "
                 "shots, drift and gaps with the words to paste; --rewrite repeats the shared "
                 "anchors in every shot.",
                 ("framecraft sequence shots.md --rewrite --model kling",
                  "framecraft sequence - --json < shots.yaml")),
}
"""Subcommand name → (description, two examples) for its `--help`."""

DEBUG_ENV = "FRAMECRAFT_DEBUG"
SUGGEST_CUTOFF = 0.6
"""How close (difflib ratio) a misspelled command or flag must be to be suggested."""


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' line breaks and shows a default where there is a meaningful one
    (not None, False or empty) that the help text does not already mention."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """Each line of a description or epilog wrapped to the terminal on its own; a line that
        starts with spaces (an example command) is kept whole, so it can be copied."""
        import textwrap

        return "\n".join(
            indent + line if not line.strip() or line.startswith(" ")
            else textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent)
            for line in text.splitlines())

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if ("default" in text or default in (None, False, [], "")
                or default is argparse.SUPPRESS or not action.option_strings):
            return action.help
        return f"{text} (default: %(default)s)"


class SubcommandParser(argparse.ArgumentParser):
    """A subcommand's parser: an unknown flag is reported with THIS parser's usage (argparse
    would leave it to the top-level parser, whose usage says nothing about the flags) and the
    nearest flag it knows."""

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None,
                         ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(unrecognized_message(extras, self._option_string_actions))
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n"
                     f"Run '{self.prog} --help' for the flags and examples.\n")


def unrecognized_message(extras: Sequence[str], known: Any) -> str:
    """'unrecognized arguments: --jsn (did you mean --json?)'."""
    message = "unrecognized arguments: " + " ".join(extras)
    flag = next((e.split("=")[0] for e in extras if e.startswith("-")), None)
    if flag:
        near = difflib.get_close_matches(flag, list(known), n=1, cutoff=SUGGEST_CUTOFF)
        if near:
            message += f" (did you mean {near[0]}?)"
    return message


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand argv names: its first non-option word (the top level has only options)."""
    token = first_word(argv)
    return token if token in SUBCOMMANDS else None


def first_word(argv: Sequence[str]) -> str | None:
    """argv's first non-option word, or None."""
    for token in argv:
        if token == "--":
            return None
        if not token.startswith("-"):
            return token
    return None


def framecraft_version() -> str:
    """The installed package's version (without importing the engine)."""
    from importlib import metadata

    try:
        return metadata.version("framecraft")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


class VersionAction(argparse.Action):
    """`--version`, looked up only when asked: importlib.metadata costs about 50 ms, a tenth
    of a cold `framecraft critique`, on every run that never prints it."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0,
                         help=help or "show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        sys.stdout.write(f"framecraft {framecraft_version()}\n")
        parser.exit()


def describe(parser: argparse.ArgumentParser, name: str) -> None:
    """Give a subcommand's parser its description, examples and formatter (and its own
    subcommands the formatter)."""
    if name in EXAMPLES:
        description, examples = EXAMPLES[name]
        parser.description = description
        parser.epilog = "examples:\n" + "\n".join(f"  {e}" for e in examples)
    for each in all_parsers(parser):
        each.formatter_class = HelpFormatter


def all_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """The parser and every parser of its sub-subcommands."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found.extend(all_parsers(child))
    return found


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the full definition of the subcommand `argv` names and a stub with the
    same name and help for the others; every subcommand in full when `argv` is None."""
    parser = argparse.ArgumentParser(
        prog="framecraft",
        description="Framecraft reviews, translates and versions AI-video prompts.",
        epilog="Run 'framecraft COMMAND --help' for a command's flags and examples.\n"
               "Exit codes: 0 ok, 1 findings or failure, 2 usage or input error, "
               "130 interrupted.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument("--debug", action="store_true",
                        help=f"show the traceback of an unexpected error (or {DEBUG_ENV}=1)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND",
                                parser_class=SubcommandParser)
    chosen = chosen_command(argv or [])
    for name, help_line in SUBCOMMANDS.items():
        if argv is None or name == chosen:
            importlib.import_module(f"bot.cli.{name}").register(sub)
            describe(sub.choices[name], name)
        else:
            sub.add_parser(name, help=help_line)
    return parser


def unknown_command(argv: Sequence[str]) -> str | None:
    """The error line for a first word that is no command, with the nearest one if close."""
    word = first_word(argv)
    if word is None or word in SUBCOMMANDS:
        return None
    near = difflib.get_close_matches(word, list(SUBCOMMANDS), n=1, cutoff=SUGGEST_CUTOFF)
    hint = f" Did you mean '{near[0]}'?" if near else ""
    return (f"framecraft: '{word}' is not a command.{hint} "
            "Run 'framecraft --help' for the list.")


def debugging(args: argparse.Namespace | None) -> bool:
    """Whether an unexpected error should show its traceback."""
    env = os.environ.get(DEBUG_ENV, "").strip().lower()
    return bool(getattr(args, "debug", False)) or env not in ("", "0", "false", "no")


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


@contextmanager
def startup_without_gc(active: bool) -> Iterator[None]:
    """No cyclic garbage collection while the chosen command's modules are imported, and those
    objects frozen out of every later collection (gc.freeze) once they are.

    Why: importing pydantic, rich and the lexicons allocates hundreds of thousands of objects
    that live as long as the process; the collector kept walking them during the import and
    again at exit, a third of a cold `framecraft critique`'s CPU (0.40 s -> 0.27 s, issue 15).
    Only for the process's own entry point (`framecraft ...`): a test calling `main([...])`
    many times in one process keeps normal collection."""
    active = active and gc.isenabled()
    if active:
        gc.disable()
    try:
        yield
    finally:
        if active:
            gc.freeze()
            gc.enable()


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    wrong = unknown_command(args_in)
    if wrong:
        print(wrong, file=sys.stderr)
        return 2
    args: argparse.Namespace | None = None
    try:
        with startup_without_gc(argv is None):
            parser = build_parser(args_in)
            args = parser.parse_args(args_in)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        return run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:
        if debugging(args):
            raise
        print(f"framecraft: unexpected error ({type(e).__name__}): {e}\n"
              f"Run again with --debug (or {DEBUG_ENV}=1) for the details.", file=sys.stderr)
        return 1


def run(args: argparse.Namespace) -> int:
    """Run the chosen subcommand; an error the user can fix is one line on stderr, exit 2."""
    import logging

    from rich.console import Console
    from rich.markup import escape

    from bot.core.engine import Engine
    from bot.core.knowledge import KnowledgeError
    from bot.core.validation import InputError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    console = Console(highlight=False, file=RevealingStream(sys.stdout))  # type: ignore[arg-type]
    err = Console(highlight=False, file=RevealingStream(sys.stderr))  # type: ignore[arg-type]
    try:
        return int(args.func(args, Engine(), console) or 0)
    except (InputError, KnowledgeError) as e:
        err.print(f"[red]error:[/red] {escape(str(e))}", markup=True, soft_wrap=True)
        return 2


if __name__ == "__main__":
    sys.exit(main())
