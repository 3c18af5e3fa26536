"""`framecraft chat`: a terminal chat with the same commands the Slack and Discord bots have.

Runs fully offline. Each line is parsed by bot.core.commands (a bare prompt is critiqued) and
run through the core's command table (bot.core.command_table), like the bots; this module only
renders the outcome with rich, one renderer per command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.console import Console

from bot.cli.ask import render_answer
from bot.cli.compare import render_comparison
from bot.cli.critique import render_critique
from bot.cli.ethics import render_ethics
from bot.cli.prompt import chat_prompt
from bot.cli.translate import render_translation
from bot.core.command_table import TABLE, About, CommandCall, Insights, Outcome, run_command
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

Renderer = Callable[[Outcome, Engine, Console], None]


def _critique(o: Outcome, engine: Engine, console: Console) -> None:
    # Similar prompts are lexical now (well under a millisecond): the chat shows them too.
    render_critique(console, cast("Critique", o.result))


def _models(o: Outcome, engine: Engine, console: Console) -> None:
    for m in cast("list[ModelProfile]", o.result):
        console.print(f"[bold]{m.id}[/bold] ({m.name}): {m.personality}")


def _about(o: Outcome, engine: Engine, console: Console) -> None:
    a = cast(About, o.result)
    console.print(f"[bold]Framecraft {a.version}[/bold]")
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
}
"""One renderer per table command; `help` and `prompt` (its own grammar) are handled below."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("chat", help="a terminal chat with the bot's commands (offline)")
    p.set_defaults(func=run)


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
        elif cmd.name in CHAT_HANDLERS:
            spec = TABLE[cmd.name]
            # The chat is a terminal in a repository: its house rules are the rules file's.
            rules = rules_from_files() if spec.house_rules else None
            outcome = run_command(engine, cmd.name, CommandCall(cmd.text, cmd.options,
                                                                rules=rules))
            CHAT_HANDLERS[cmd.name](outcome, engine, console)
        else:
            console.print(f"'{cmd.name}' is not available here yet. Type /help.")
    except InputError as e:
        console.print(f"[red]{e}[/red]")
    return True


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    console.print("Framecraft chat. Paste a video prompt, or type /help. /quit to leave.")
    engine.enable_semantic_ethics()  # a session, not a one-shot: the full ethics review
    while True:
        try:
            line = console.input("[bold cyan]> [/bold cyan]")
        except EOFError:
            console.print()
            return 0
        if not handle_line(engine, line, console):
            return 0
