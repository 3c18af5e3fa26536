"""`framecraft insights`: how a team's prompting is going, from the shared database.

A rich summary on a terminal, the JSON contract with --json, the chart with --png FILE. The
numbers come from `Engine.insights` (counts and scores only, never prompts).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from bot.core.validation import InputError

if TYPE_CHECKING:
    from bot.core.engine import Engine
    from bot.core.insights import InsightsReport


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("insights", help="how the team's prompts are improving: scores per week, "
                                        "what is most often missing, models, feedback")
    p.add_argument("--team", help="one team (Slack workspace, Discord server or CLI library, "
                                  "e.g. local); default: every team in the database")
    p.add_argument("--channel", help="one channel (or the channel a saved prompt is filed under)")
    p.add_argument("--since", default="30d",
                   help="the window: 30d, 12w or a date like 2026-10-01 (default 30d); "
                        "'all' for everything")
    p.add_argument("--png", metavar="FILE", help="also draw the chart into this PNG file")
    p.add_argument("--json", action="store_true", help="print the JSON contract")
    p.set_defaults(func=run)


def _png_target(path: str | None) -> Path | None:
    """Refuse an unusable --png path before any work is done."""
    if path is None:
        return None
    target = Path(path).expanduser()
    if target.is_dir():
        raise InputError(f"--png {path!r} is a directory; give a file name like insights.png.")
    if not target.parent.is_dir():
        raise InputError(f"--png {path!r}: the folder {str(target.parent)!r} does not exist.")
    return target


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.core.storage.engine import safe_url

    err = Console(stderr=True, highlight=False)
    target = _png_target(args.png)
    since = None if str(args.since).strip().lower() in ("all", "") else args.since
    try:
        report = _report(engine, args, since, err)
    except SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).splitlines()[0][:200]
        err.print(f"[red]error:[/red] the database at "
                  f"{safe_url(engine.settings.effective_database_url)} is not usable: {reason}. "
                  "Run `framecraft doctor`.", soft_wrap=True)
        return 1
    if target is not None:
        _write_png(report, target, err)
    if args.json:
        print(json.dumps(report.model_dump(mode="json"), ensure_ascii=False))
    else:
        render_insights(console, report)
        if target is not None:
            console.print(f"Chart written to {target}", markup=False)
    return 0


def _report(engine: Engine, args: argparse.Namespace, since: str | None,
            err: Console) -> InsightsReport:
    """The report, with a progress bar while older reviews are analysed for the first time."""
    from rich.progress import Progress

    bar: dict[str, Any] = {}

    def progress(done: int, total: int) -> None:
        if "p" not in bar:
            bar["p"] = Progress(console=err, transient=True)
            bar["p"].start()
            bar["task"] = bar["p"].add_task("Analysing older reviews", total=total)
        bar["p"].update(bar["task"], completed=done)

    try:
        return engine.insights(args.team, args.channel, since, progress=progress)
    finally:
        if "p" in bar:
            bar["p"].stop()


def _write_png(report: InsightsReport, target: Path, err: Console) -> None:
    from bot.core.insights import render_png

    with err.status("Drawing the chart"):
        data = render_png(report)
    try:
        target.write_bytes(data)
    except OSError as e:
        raise InputError(f"could not write --png {str(target)!r}: {e.strerror or e}.") from e


def render_insights(console: Console, report: InsightsReport) -> None:
    """The summary sentences, then the weekly table and the top lists."""
    from rich.table import Table
    from rich.text import Text

    from bot.core.insights.summary import summary_lines

    lines = summary_lines(report)
    console.print(Text(lines[0], style="bold"))
    for line in lines[1:]:
        console.print(Text(line))
    if report.reviews == 0:
        return
    weeks = Table(title="Per week", title_justify="left")
    for col in ("week starting", "reviews", "average score"):
        weeks.add_column(col, justify="left" if col == "week starting" else "right")
    for p in report.weekly:
        weeks.add_row(p.week, str(p.reviews),
                      "-" if p.average_score is None else f"{p.average_score:.1f}")
    console.print(weeks)
    tops = Table(title="Most often", title_justify="left")
    for col in ("missing", "n", "anti-pattern", "n ", "model", "n  "):
        tops.add_column(col, justify="right" if col.startswith("n") else "left")
    rows = max(len(report.missing[:5]), len(report.anti_patterns[:5]), len(report.models[:5]))
    for i in range(rows):
        m = report.missing[i] if i < len(report.missing) else None
        a = report.anti_patterns[i] if i < len(report.anti_patterns) else None
        mo = report.models[i] if i < len(report.models) else None
        tops.add_row(Text(m.component if m else ""), str(m.count) if m else "",
                     Text(a.id if a else ""), str(a.count) if a else "",
                     Text((mo.model or "none chosen") if mo else ""), str(mo.count) if mo else "")
    console.print(tops)
    if report.improved:
        imp = Table(title="Most improved prompts", title_justify="left")
        for col in ("prompt", "from", "to", "gain"):
            imp.add_column(col)
        for gain in report.improved:
            to = f"v{gain.to_version} {gain.to_score}" + (" (keeper)" if gain.keeper else "")
            imp.add_row(Text(gain.name), f"v{gain.from_version} {gain.from_score}", to,
                        f"+{gain.gain}")
        console.print(imp)
