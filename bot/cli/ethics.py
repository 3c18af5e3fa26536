"""`framecraft ethics`: what in a prompt could hurt someone, and what to write instead.

`-` reads prompts from stdin, one per line, and prints JSON Lines: one object per prompt, or an
object with an `error` field for a line that is not a usable prompt, so a batch never stops.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from bot.cli.inputs import add_encoding_flag, line_text, stdin_lines
from bot.cli.layout import print_bullet
from bot.core.engine import Engine
from bot.core.ethics import EthicsReview
from bot.core.validation import InputError, decode_argument

STYLES = {"stop": "bold red", "caution": "yellow", "note": "cyan", "ok": "green"}
HEADLINES = {
    "stop": "STOP: do not generate this prompt as written.",
    "caution": "Caution: change or justify the flagged parts before generating.",
    "note": "Note: fine to make, with the points below in mind.",
    "ok": "No ethics concerns found.",
}


FAIL_ON = ("note", "caution", "stop")
_RANK = {"ok": 0, "note": 1, "caution": 2, "stop": 3}


def fails(verdict: str, fail_on: str | None) -> bool:
    """Whether a verdict reaches the `--fail-on` severity."""
    return fail_on is not None and _RANK[verdict] >= _RANK[fail_on]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ethics", help="check a prompt for likeness, consent, minors, deception "
                                      "and IP concerns")
    p.add_argument("prompt", help="the prompt, in quotes; '-' reads one prompt per line from "
                                  "stdin and prints JSON Lines")
    p.add_argument("--json", action="store_true", help="print the JSON contract")
    p.add_argument("--fail-on", choices=FAIL_ON, default=None, metavar="|".join(FAIL_ON),
                   help="exit 1 when a prompt's verdict is this severe or worse (for scripts); "
                        "without it the exit code is 0 whatever the verdict")
    add_encoding_flag(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    # A dedicated ethics check is worth the embedding model: the full review (rules, semantic
    # layer, the LLM judge when one is configured) unless FRAMECRAFT_SEMANTIC_ETHICS=off.
    engine.enable_semantic_ethics(warm=False)
    prompt = None if args.prompt == "-" else decode_argument(args.prompt, args.encoding)
    if prompt is not None:
        engine.clean(prompt)  # bad input is one clear line, before any wait
    if engine.semantic_ethics_pending():
        Console(stderr=True).print("[dim]Loading the embedding model for the ethics check "
                                   "(the first time takes a few seconds)...[/dim]", soft_wrap=True)
    if prompt is None:
        return _run_batch(engine, args.fail_on, args.encoding)
    review = engine.review_ethics(prompt)
    if args.json:
        print(json.dumps(review.to_public_json(), ensure_ascii=False))
    else:
        render_ethics(console, review)
    return 1 if fails(review.verdict, args.fail_on) else 0


def _run_batch(engine: Engine, fail_on: str | None = None, encoding: str | None = None) -> int:
    """One JSON object per non-blank stdin line; `line` says which input line it answers. Exit 1
    when a line is not a usable prompt, or (with --fail-on) when any verdict reaches it."""
    failures = 0
    for lineno, line in stdin_lines(encoding):  # bytes, so bad UTF-8 is one bad line
        if not line.strip():
            continue
        try:
            review = engine.review_ethics(line_text(line, encoding))
            out = review.to_public_json()
            failures += fails(review.verdict, fail_on)
        except InputError as e:
            failures += 1
            out = {"error": str(e)}
            print(f"error: line {lineno}: {e}", file=sys.stderr)
        print(json.dumps({**out, "line": lineno}, ensure_ascii=False))
    sys.stdout.flush()
    return 1 if failures else 0


def render_ethics(console: Console, review: EthicsReview) -> None:
    """Verdict first (a stop plainly, in red), then each concern with why and what instead."""
    style = STYLES[review.verdict]
    console.print(f"[{style}]{HEADLINES[review.verdict]}[/{style}]")
    for c in review.concerns:
        s = STYLES[c.severity]
        console.print(f"\n[{s}]{c.severity.upper()}[/{s}] [bold]{c.category}[/bold]  "
                      f"[dim]triggered by:[/dim] {escape(c.trigger)}")
        print_bullet(console, c.why, marker="")
        print_bullet(console, Text.assemble(("Instead:", "italic"), f" {c.instead}"), marker="")
