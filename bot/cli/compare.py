"""`framecraft compare`: one prompt rendered for every model side by side."""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.cli.translate import public_json
from bot.core.dialects import Comparison
from bot.core.engine import Engine

MODEL_MAX = 14
"""Model names wrap past this (\"MiniMax Hailuo\" fits)."""
CHANGED_MAX = 24
"""The change column never takes more than this."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="render one prompt for every model side by side")
    p.add_argument("prompt", help="the prompt, in quotes")
    p.add_argument("--from", "-f", dest="from_model", help="the model the prompt was written for")
    p.add_argument("--json", action="store_true",
                   help="print JSON: {model: {prompt, negative_prompt, changes, dropped}}")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    result = engine.compare(args.prompt, args.from_model)
    if args.json:
        print(json.dumps({t.model: public_json(t) for t in result}, ensure_ascii=False))
    else:
        render_comparison(console, result, engine)
    return 0


def render_comparison(console: Console, result: Comparison, engine: Engine) -> None:
    summaries = {t.model: list(dict.fromkeys(
        [f"{c.component}: {c.action}" for c in t.changes]
        + [f"dropped {d.component}" for d in t.dropped])) for t in result}
    # The change column is as wide as its longest entry (so "camera: camera-syntax" is never
    # cut to "camera-s…" at 80 columns); the prompt takes the rest, folding long words.
    changed_width = min(CHANGED_MAX, max((len(s) for v in summaries.values() for s in v),
                                         default=1))
    table = Table(show_header=True, header_style="bold", show_lines=True, expand=True)
    table.add_column("model", max_width=MODEL_MAX, overflow="fold")
    table.add_column("prompt", ratio=3, overflow="fold")
    table.add_column("negative prompt", ratio=1, min_width=len("negative"), overflow="fold")
    table.add_column("changed / dropped", min_width=changed_width, overflow="fold")
    for t in result:
        summary = summaries[t.model]
        table.add_row(Text(engine.kb.models[t.model].name), Text(t.prompt),
                      Text(t.negative_prompt or "—"),
                      Text("\n".join(dict.fromkeys(summary)) or "—"))
    console.print(table)
