"""`framecraft chat`: a terminal chat with the same commands the Slack and Discord bots have.

Runs fully offline; each line is parsed by bot.core.commands, so a bare prompt is critiqued.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from rich.console import Console

from bot.cli.ask import chat_ask
from bot.cli.compare import chat_compare
from bot.cli.critique import render_critique
from bot.cli.ethics import chat_ethics
from bot.cli.prompt import chat_prompt
from bot.cli.translate import chat_translate
from bot.core.commands import ParsedCommand, help_text, parse_command
from bot.core.engine import Engine
from bot.core.validation import InputError, model_names

Handler = Callable[[Engine, ParsedCommand, Console], None]


def _critique(engine: Engine, cmd: ParsedCommand, console: Console) -> None:
    # Similar prompts are lexical now (well under a millisecond): the chat shows them too.
    render_critique(console, engine.critique(cmd.text, cmd.options.get("model"),
                                             rewrite_strength=cmd.options.get("rewrite")))


def _help(engine: Engine, cmd: ParsedCommand, console: Console) -> None:
    console.print(help_text(), markup=False)


def _models(engine: Engine, cmd: ParsedCommand, console: Console) -> None:
    for m in engine.kb.models.values():
        console.print(f"[bold]{m.id}[/bold] ({m.name}): {m.personality}")


CHAT_HANDLERS: dict[str, Handler] = {
    "ask": chat_ask,
    "critique": _critique,
    "ethics": chat_ethics,
    "help": _help,
    "models": _models,
    "prompt": chat_prompt,
    "translate": chat_translate,
    "compare": chat_compare,
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("chat", help="a terminal chat with the bot's commands (offline)")
    p.set_defaults(func=run)


def handle_line(engine: Engine, line: str, console: Console) -> bool:
    """Handle one typed line; False when the user asked to leave."""
    if line.strip().lower() in {"/quit", "/exit", "quit", "exit"}:
        return False
    if not line.strip():
        return True
    cmd = parse_command(line, model_names=set(model_names(engine.kb)))
    handler = CHAT_HANDLERS.get(cmd.name)
    try:
        if handler is None:
            console.print(f"'{cmd.name}' is not available here yet. Type /help.")
        else:
            handler(engine, cmd, console)
    except InputError as e:
        console.print(f"[red]{e}[/red]")
    return True


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    console.print("Framecraft chat. Paste a video prompt, or type /help. /quit to leave.")
    while True:
        try:
            line = console.input("[bold cyan]> [/bold cyan]")
        except EOFError:
            console.print()
            return 0
        if not handle_line(engine, line, console):
            return 0
