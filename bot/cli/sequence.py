"""`framecraft sequence`: review a shot list for consistency across shots.

Reads a file or stdin (`-`): one shot a line, Markdown with a heading or numbered item per
shot, or YAML/JSON `shots: [{name, prompt, model}]`. Prints a table (shots as rows, anchors
as columns, drift marked), the findings with their fix, and with `--rewrite` every shot with
the shared anchors repeated; `--json` prints the contract (`shots`, `anchors`, `findings`).
Exit 0 when the list is consistent, 1 when there are findings, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from bot.cli.inputs import add_encoding_flag, read_stdin
from bot.cli.layout import print_bullet
from bot.core.engine import Engine
from bot.core.sequence import ANCHORS, SequenceReview, fix_note
from bot.core.sequence.report import LEGEND, SHORT, cells, marked_anchors, summary
from bot.core.validation import InputError, decode_text

ANCHOR_LABELS = {"character": "character", "wardrobe": "wardrobe", "setting": "setting",
                 "time_of_day": "time", "light_direction": "light", "palette": "palette",
                 "lens": "lens", "style": "style"}


MIN_WORDS_WIDTH = 12
"""Below this many characters a column shows marks instead of words."""
CELL_WIDTH = 22
"""An anchor's words are clipped in the table (the findings below quote them whole)."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sequence", help="review a shot list for consistency across shots")
    p.add_argument("file", help="the shot list: a file, or '-' for stdin")
    p.add_argument("--model", "-m", help="the model of shots that do not name one")
    p.add_argument("--mode", choices=("auto", "t2v", "i2v"), default="auto",
                   help="t2v (text-to-video), i2v (each shot animates a first frame), or auto: "
                        "from the text (the default)")
    p.add_argument("--rewrite", action="store_true",
                   help="print every shot with the shared anchors repeated, in its model's "
                        "dialect")
    p.add_argument("--json", action="store_true", help="print the JSON contract")
    add_encoding_flag(p)
    p.set_defaults(func=run)


def read_list(path: str, encoding: str | None) -> str:
    if path == "-":
        return read_stdin(encoding)
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: no such file")
    try:
        data = file.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from None
    return decode_text(data, encoding)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    text = read_list(args.file, args.encoding)
    from bot.core.house_rules.review import rules_from_files

    review = engine.sequence(text, args.model, args.mode, rewrite=args.rewrite,
                             rules=rules_from_files(None))
    if args.json:
        print(json.dumps(review.to_public_json(), ensure_ascii=False))
    else:
        render(console, review)
    return 1 if review.findings else 0


def drifted_cells(review: SequenceReview) -> set[tuple[int, str]]:
    """(shot number, anchor) of every cell a drift finding names."""
    return {(n, a) for f in review.drift for n in f.paste_into for a in marked_anchors(f)}


def render(console: Console, review: SequenceReview) -> None:
    drift = drifted_cells(review)
    shown = [a for a in ANCHORS if any(review.anchors[a])]
    table = Table(show_header=True, header_style="bold", show_lines=False, expand=False,
                  box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True, min_width=2)
    table.add_column("shot", max_width=14, overflow="ellipsis", no_wrap=True, min_width=5)
    table.add_column("score", justify="right", no_wrap=True, min_width=5)
    room = (console.width - 30) // max(1, len(shown)) - 2
    words = room >= MIN_WORDS_WIDTH  # else marks only: ✓ stated, ≠ drift, ○ gap, · none
    width = max(7, min(CELL_WIDTH, room))
    for anchor in shown:
        table.add_column(ANCHOR_LABELS[anchor] if words else SHORT[anchor], max_width=width,
                         overflow="ellipsis", no_wrap=True,
                         min_width=min(len(ANCHOR_LABELS[anchor]), width) if words else 1)
    marks = cells(review)
    for i, shot in enumerate(review.shots):
        row: list[Text | str] = [str(shot.index), Text(shot.name), str(shot.critique.score)]
        for anchor in shown:
            value = review.anchors[anchor][i]
            mark = marks[i][ANCHORS.index(anchor)]
            style = {"≠": "bold red", "○": "yellow", "·": "dim"}.get(mark, "")
            if not words:
                row.append(Text(mark, style=style))
            elif (shot.index, anchor) in drift:
                row.append(Text(f"≠ {value or ''}", style="bold red"))
            else:
                row.append(Text(value or mark, style=style))
        table.add_row(*row)
    console.print(Text(summary(review), style="bold"))
    console.print(table)
    if not words:
        console.print(Text(LEGEND, style="dim"))
    for f in review.findings:
        colour = "red" if f.kind == "drift" else "yellow"
        who = f" ({escape(f.subject)})" if f.subject else ""
        shots = ", ".join(str(n) for n in f.shots)
        console.print(f"\n[bold {colour}]{f.kind}[/bold {colour}] · "
                      f"[bold]{ANCHOR_LABELS.get(f.anchor, f.anchor)}[/bold]{who} · shots {shots}")
        for w in f.words:
            print_bullet(console, f"shot {w.shot}: “{w.text}”", marker="")
        print_bullet(console, f.why, marker="")
        print_bullet(console, Text.assemble(("Fix:", "green"), f" {fix_note(f)}"), marker="")
    if not review.findings:
        console.print("[green]The anchors hold across every shot.[/green]")
    rewrites = [s for s in review.shots if s.rewrite is not None]
    if rewrites:
        console.rule("Rewrite: the shared anchors in every shot")
        for s in rewrites:
            target = f" [{escape(s.model)}]" if s.model else ""
            console.print(f"[bold]{s.index}. {escape(s.name)}[/bold]{target}")
            console.print(Text(s.rewrite or ""))
