"""`framecraft gallery`: the annotated prompts, to learn from and adapt."""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from bot.core.engine import Engine
from bot.core.validation import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gallery", help="list the annotated prompt gallery")
    p.add_argument("--tag", help="only entries with this tag")
    p.add_argument("--model", help="only entries written for this model")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    entries = list(engine.kb.gallery.values())
    if args.model:
        model = engine.resolve_model(args.model)
        entries = [e for e in entries if e.model == model]
    if args.tag:
        tag = args.tag.lower().strip()
        entries = [e for e in entries if tag in e.tags]
        if not entries:
            tags = sorted({t for e in engine.kb.gallery.values() for t in e.tags})
            raise InputError(f"No gallery entry has the tag {tag!r}. Tags: {', '.join(tags)}.")
    if args.json:
        print(json.dumps([e.model_dump() for e in entries]))
        return 0
    for e in entries:
        labels = "  ".join(f"[bold]{c.value}[/bold]: {escape(w)}"
                           for c, w in e.components.items())
        console.print(Panel(f"{escape(e.prompt)}\n\n{labels}\n\n[italic]{escape(e.why)}[/italic]",
                            title=Text(f"{e.title} ({e.model})"), subtitle=Text(", ".join(e.tags))))
    console.print(f"{len(entries)} prompts")
    return 0
