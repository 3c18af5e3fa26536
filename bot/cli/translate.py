"""`framecraft translate`: rewrite a prompt in another model's dialect.

`--json` prints exactly the contract fields `prompt`, `negative_prompt` (or null), `changes`
and `dropped`, so scripts can rely on them.
"""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from bot.cli.inputs import add_encoding_flag
from bot.cli.layout import print_bullet
from bot.core.dialects import Translation
from bot.core.dialects.types import dropped_lines, move_text
from bot.core.engine import Engine
from bot.core.validation import decode_argument

JSON_FIELDS = ("prompt", "negative_prompt", "changes", "dropped")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("translate", help="rewrite a prompt in another model's dialect")
    p.add_argument("prompt", help="the prompt, in quotes")
    p.add_argument("--to", "-t", required=True, dest="to", help="target model (e.g. kling)")
    p.add_argument("--from", "-f", dest="from_model", help="the model the prompt was written for")
    p.add_argument("--json", action="store_true",
                   help="print JSON: prompt, negative_prompt, changes, dropped")
    add_encoding_flag(p)
    p.set_defaults(func=run)


def public_json(t: Translation) -> dict:
    data = t.to_public_json()
    return {k: data[k] for k in JSON_FIELDS}


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    result = engine.translate(decode_argument(args.prompt, args.encoding), args.to,
                              args.from_model)
    if args.json:
        print(json.dumps(public_json(result), ensure_ascii=False))
    else:
        render_translation(console, result, engine)
    return 0


def render_translation(console: Console, t: Translation, engine: Engine | None = None) -> None:
    name = engine.kb.models[t.model].name if engine else t.model
    origin = ""
    if t.from_model and engine:
        origin = f" from {engine.kb.models[t.from_model].name}"
    # Text, not a markup string: Hailuo's [Push in] would otherwise be read as a style tag.
    console.print(Panel(Text(t.prompt), title=Text(f"{name}{origin}"), border_style="cyan"))
    if t.negative_prompt:
        console.print(Panel(Text(t.negative_prompt), title="Negative prompt",
                            border_style="magenta"))
    if t.changes:
        console.print("[bold]What changed[/bold]")
        for c in t.changes:
            move = move_text(c.before, c.after, repr)
            print_bullet(console, f"{c.component} {c.action} {move}: {c.why} [{c.source}]")
    if t.dropped:
        console.print("[bold]Dropped[/bold]")
        for components, text, reason in dropped_lines(t.dropped):
            print_bullet(console, f"{components}: {text!r}: {reason}")
    if t.structure:
        from rich.table import Table

        table = Table(title="Its parts, in this model's order", title_justify="left",
                      show_header=False, box=None, padding=(0, 2, 0, 0))
        for part in t.structure:
            table.add_row(str(part["component"]), Text(str(part["text"])),
                          Text(f"({part['hint']})" if part.get("hint") else ""))
        console.print(table)
    for note in t.notes:
        print_bullet(console, note, marker="", style="italic")
