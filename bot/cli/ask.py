"""`framecraft ask`: a craft question answered from the knowledge base, with citations.

`--json` prints exactly {"answer", "sources": [{"id", "kind", "title", "file", "score"}]};
notices (e.g. the LLM failed and the offline answer is shown) then go to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from bot.cli.inputs import add_encoding_flag
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeError
from bot.core.retrieval import KINDS
from bot.core.validation import InputError, decode_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ask", help="ask a craft question; answers cite the guide, gallery and "
                                   "model profiles")
    p.add_argument("question", help="the question, in quotes")
    p.add_argument("--json", action="store_true", help="print the stable JSON contract")
    p.add_argument("--kind", choices=KINDS, help="only search the guide, gallery or models")
    p.add_argument("--model", "-m", help="only passages about this model (e.g. kling)")
    add_encoding_flag(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    try:
        answer = engine.ask(decode_argument(args.question, args.encoding), kind=args.kind, model=args.model)
    except (InputError, KnowledgeError):
        raise
    except Exception as e:  # the index or its server failed: one line, no traceback
        print(f"error: the knowledge index is unavailable ({type(e).__name__}: {e})",
              file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(answer.to_public_json(), ensure_ascii=False))
        for notice in answer.notices:
            print(notice, file=sys.stderr)
    else:
        render_answer(console, answer)
    return 0


def render_answer(console: Console, answer) -> None:
    console.print(answer.answer, markup=False, soft_wrap=True)
    for notice in answer.notices:
        console.print(Text(notice, style="italic"))
    if answer.sources:
        console.print("\n[bold]Sources[/bold]")
        for n, s in enumerate(answer.sources, start=1):
            console.print(f"  \\[{n}] {escape(s.title)} [dim]({escape(s.file)}, score {s.score:.2f})[/dim]",
                          markup=True, highlight=False)
