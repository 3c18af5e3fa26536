"""`framecraft chat`: a terminal chat with the same commands the Slack and Discord bots have.

Runs fully offline. Each line is parsed by bot.core.commands (a bare prompt is critiqued) and
run through the core's command table (bot.core.command_table), like the bots; this module only
renders the outcome with rich, one renderer per command. A bare line that reads as chat
("hello there") gets a short answer instead of a 0/100 critique: the review channels' prompt
detector (`Engine.classify_message`) decides, and `/critique TEXT` still critiques anything.
On a terminal the line is edited with readline, with its history in the data directory.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from bot.cli.ask import render_answer
from bot.cli.compare import render_comparison
from bot.cli.critique import render_critique
from bot.cli.ethics import render_ethics
from bot.cli.prompt import chat_prompt
from bot.cli.sequence import render as render_sequence
from bot.cli.translate import render_translation
from bot.core.command_table import (
    NO_STALE_PROFILES,
    TABLE,
    About,
    CommandCall,
    Insights,
    Outcome,
    run_command,
)
from bot.core.commands import help_text, parse_command
from bot.core.engine import Engine
from bot.core.house_rules.review import rules_from_files
from bot.core.validation import InputError, model_names

if TYPE_CHECKING:
    from bot.core.critique.results import Critique
    from bot.core.dialects import Comparison, Translation
    from bot.core.ethics import EthicsReview
    from bot.core.knowledge import ModelProfile
    from bot.core.retrieval.ask import Answer
    from bot.core.sequence import SequenceReview

Renderer = Callable[[Outcome, Engine, Console], None]


def _critique(o: Outcome, engine: Engine, console: Console) -> None:
    # Similar prompts are lexical now (well under a millisecond): the chat shows them too.
    render_critique(console, cast("Critique", o.result))


def _models(o: Outcome, engine: Engine, console: Console) -> None:
    profiles = cast("list[ModelProfile]", o.result)
    if not profiles:  # `models --stale DAYS` with every profile checked recently
        console.print(NO_STALE_PROFILES, markup=False)
    for m in profiles:
        console.print(f"[bold]{escape(m.id)}[/bold] ({escape(m.name)}): {escape(m.personality)}")


def _about(o: Outcome, engine: Engine, console: Console) -> None:
    a = cast(About, o.result)
    console.print(f"[bold]Framecraft {escape(a.version)}[/bold]")
    console.print("Models: " + ", ".join(f"{name} ({mid})" for mid, name in a.models),
                  markup=False)
    for s in a.sources:
        console.print(f"  {s.count} {s.name} ({s.path})", markup=False)
    console.print("Rewrites by a configured LLM." if a.llm else
                  "Offline: every answer comes from these files, no LLM.")


def _insights(o: Outcome, engine: Engine, console: Console) -> None:
    """The summary; `--png FILE` also writes the chart (every team in the local database)."""
    result = cast(Insights, o.result)
    for line in result.summary:
        console.print(line, markup=False)
    target = o.call.option("png")
    if target:
        try:
            Path(target).write_bytes(result.png)
        except OSError as e:
            raise InputError(f"Could not write {target}: {e.strerror or e}") from e
        console.print(f"Chart written to {target}.", markup=False)


CHAT_HANDLERS: dict[str, Renderer] = {
    "critique": _critique,
    "translate": lambda o, engine, console: render_translation(
        console, cast("Translation", o.result), engine),
    "compare": lambda o, engine, console: render_comparison(
        console, cast("Comparison", o.result), engine),
    "ethics": lambda o, engine, console: render_ethics(console, cast("EthicsReview", o.result)),
    "ask": lambda o, engine, console: render_answer(console, cast("Answer", o.result)),
    "models": _models,
    "about": _about,
    "insights": _insights,
    "sequence": lambda o, engine, console: render_sequence(console,
                                                           cast("SequenceReview", o.result)),
}
"""One renderer per table command; `help` and `prompt` (its own grammar) are handled below."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("chat", help="a terminal chat with the bot's commands (offline)")
    p.set_defaults(func=run)


HISTORY_FILE = "chat_history"
HISTORY_LENGTH = 1000
_EXPLICIT_CRITIQUE = re.compile(r"^\s*/?critique\b", re.I)


def chatter_reply(engine: Engine, line: str) -> str | None:
    """A short answer when a bare line reads as chat rather than a video prompt, else None."""
    if _EXPLICIT_CRITIQUE.match(line):
        return None
    verdict = engine.classify_message(line)
    if verdict.is_prompt:
        return None
    return (f"That reads as chat, not a video prompt ({verdict.reason}). Paste a prompt to "
            "have it critiqued, type /critique TEXT to critique this anyway, or /help for the "
            "commands.")


def chat_rules(words: list[str], console: Console) -> None:
    """`/rules`: the rules file in force here and where each rule comes from; `/rules set FILE`
    checks FILE (errors name the line and key) and makes it ./framecraft.toml, showing the
    diff. The terminal's rules are files, so git keeps their history."""
    import difflib
    from pathlib import Path

    from bot.core.house_rules.stored import describe
    from bot.core.house_rules.toml_file import RulesError, parse_rules

    if not words or words == ["show"]:
        for text in describe(rules_from_files()):
            console.print(text, markup=False)
        return
    if words[0] != "set" or len(words) != 2:
        raise InputError("Usage: /rules [set FILE]")
    source = Path(words[1]).expanduser()
    if not source.is_file():
        raise InputError(f"{words[1]}: no such rules file")
    text = source.read_text(encoding="utf-8")
    try:
        parse_rules(text)
    except RulesError as e:
        raise InputError(f"{words[1]}: {e} (nothing was changed)") from None
    target = Path.cwd() / "framecraft.toml"
    before = target.read_text(encoding="utf-8") if target.is_file() else ""
    target.write_text(text, encoding="utf-8")
    console.print(f"Saved the rules from {words[1]} as {target.name}.", markup=False)
    for diff_line in difflib.unified_diff(before.splitlines(), text.splitlines(),
                                          "before", "after", lineterm=""):
        console.print(diff_line, markup=False)


def handle_line(engine: Engine, line: str, console: Console) -> bool:
    """Handle one typed line; False when the user asked to leave."""
    if line.strip().lower() in {"/quit", "/exit", "quit", "exit"}:
        return False
    if not line.strip():
        return True
    cmd = parse_command(line, model_names=set(model_names(engine.kb)))
    try:
        if line.strip().lower().split()[0] == "/rules":  # only with the slash: "Rules..." is a prompt
            chat_rules(line.split()[1:], console)
        elif cmd.name == "help":
            console.print(help_text(), markup=False)
        elif cmd.name == "prompt":
            chat_prompt(engine, cmd, console)
        elif cmd.name == "critique" and (reply := chatter_reply(engine, line)):
            console.print(reply, markup=False)
        elif cmd.name in CHAT_HANDLERS:
            spec = TABLE[cmd.name]
            # The chat is a terminal in a repository: its house rules are the rules file's.
            rules = rules_from_files() if spec.house_rules else None
            outcome = run_command(engine, cmd.name, CommandCall(cmd.text, cmd.options,
                                                                rules=rules))
            CHAT_HANDLERS[cmd.name](outcome, engine, console)
        else:
            console.print(f"'{cmd.name}' is not available here yet. Type /help.", markup=False)
    except InputError as e:
        console.print(Text(str(e), style="red"))
    return True


def enable_line_editing(history: Path) -> Callable[[], None] | None:
    """Arrow keys, editing and history on a terminal, via the standard library's readline;
    returns the function that saves the history (also run at exit), or None where readline is
    missing (Windows) or stdin is no terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        import readline
    except ImportError:
        return None
    import atexit
    import contextlib

    with contextlib.suppress(OSError):  # no history yet
        readline.read_history_file(history)
    readline.set_history_length(HISTORY_LENGTH)

    def save() -> None:
        # A read-only data directory costs the history, not the session.
        with contextlib.suppress(OSError):
            history.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(history)
    atexit.register(save)
    return save


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    console.print("Framecraft chat. Paste a video prompt, or type /help. /quit to leave.")
    engine.enable_semantic_ethics()  # a session, not a one-shot: the full ethics review
    editing = enable_line_editing(Path(engine.settings.data_dir) / HISTORY_FILE)
    while True:
        try:
            # With readline the prompt goes through input() so editing redraws it correctly.
            line = input("> ") if editing is not None else console.input("[bold cyan]> [/bold cyan]")
        except EOFError:
            console.print()
            return 0
        if not handle_line(engine, line, console):
            return 0
