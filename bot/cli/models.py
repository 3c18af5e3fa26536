"""`framecraft models`: the video models Framecraft knows, with their dialect at a glance."""

from __future__ import annotations

import argparse
import json
from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.cli.layout import print_bullet
from bot.core.engine import Engine
from bot.core.freshness import days_since_check, parse_stale_days, stale_profiles
from bot.core.knowledge import ModelProfile


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("models", help="list the video models and their dialects")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--stale", metavar="DAYS",
                   help="only the profiles not checked against their sources in DAYS days")
    p.set_defaults(func=run)


WIDE_TABLE = 120
"""Below this many columns the seven-column table squeezes the personality to a word a line
(and cuts it); one block per model reads better there and when piped (80 columns)."""


def render_model_list(console: Console, models: list[ModelProfile]) -> None:
    """Each model as a heading line of facts and its personality wrapped under it."""
    for m in models:
        head = Text(m.id, style="bold")
        head.append(f"  {m.name}")
        console.print(head)
        durations = ", ".join(f"{d:g}" for d in m.durations_s)
        print_bullet(console, f"max {m.max_prompt_chars} chars · negative prompt: "
                              f"{'yes' if m.negative_prompt else 'no'} · audio: "
                              f"{'yes' if m.audio else 'no'} · durations: {durations} s"
                              f" · checked: {m.last_checked or 'never'}",
                     marker="", style="dim")
        print_bullet(console, m.personality.strip(), marker="")
        console.print()


def render_stale(console: Console, models: list[ModelProfile], days: int) -> None:
    """One line a stale profile: id, version and when it was last checked."""
    if not models:
        console.print(f"Every profile was checked in the last {days} days.")
        return
    today = date.today()
    console.print(f"{len(models)} profile(s) not checked in the last {days} days:")
    for m in models:
        print_bullet(console, Text(f"{m.id}  {m.version or m.name}  last checked: "
                                   f"{_checked(m, today)}  ({m.file})"))


def _checked(m: ModelProfile, today: date) -> str:
    age = days_since_check(m, today)
    return "never" if age is None else f"{m.last_checked} ({age} days ago)"


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    models = list(engine.kb.models.values())
    if args.stale is not None:
        days = parse_stale_days(args.stale)  # InputError: one line on stderr, exit 2
        models = stale_profiles(models, days)
    if args.json:
        print(json.dumps([m.model_dump(exclude={"file"}) for m in models], default=str))
        return 0
    if args.stale is not None:
        render_stale(console, models, days)
        return 0
    if console.width < WIDE_TABLE:
        render_model_list(console, models)
        return 0
    table = Table(title="Video models", show_lines=False)
    for col in ("id", "name", "personality", "max chars", "negative", "audio", "durations (s)"):
        table.add_column(col)
    for m in models:
        # Profile text is data, not rich markup: Runway's "[camera movement]: [scene]" must
        # print with its brackets.
        table.add_row(*(Text(cell) for cell in (
            m.id, m.name, m.personality, str(m.max_prompt_chars),
            "yes" if m.negative_prompt else "no", "yes" if m.audio else "no",
            ", ".join(f"{d:g}" for d in m.durations_s))))
    console.print(table)
    return 0
