"""`framecraft index`: bring the retrieval index in line with the knowledge files.

Only new and changed chunks are embedded; deleted ones are removed. The bot does the same on
first use, so this is for after editing the guide, gallery or model profiles.
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("index", help="update the retrieval index (re-embeds only what changed)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    columns = (TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("embedding", total=None)
            report = engine.retriever.sync(
                progress=lambda done, total: progress.update(task, completed=done, total=total))
    except KnowledgeError:
        raise
    except Exception as e:  # chroma or its server failed: one line, no traceback
        print(f"error: could not update the index ({type(e).__name__}: {e})", file=sys.stderr)
        return 1
    console.print(f"added {report.added}, updated {report.updated}, "
                  f"removed {report.removed}, kept {report.kept}")
    return 0
