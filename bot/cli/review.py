"""`framecraft review`: what the bot would say unasked about a chat message.

The offline view of review channels: paste a message as it would be posted in Slack or Discord
and see whether it reads as a prompt, the compact review a review channel would get, and the
ethics note it would get anywhere else. Admins can try the behaviour before `/framecraft watch`.
`-` reads one message (all of stdin: chat messages span lines).
"""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.markup import escape

from bot.cli.inputs import add_encoding_flag, argument_text
from bot.core.engine import Engine
from bot.core.validation import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="what a review channel would say about a chat message")
    p.add_argument("message", help="the chat message, in quotes; '-' reads it from stdin")
    p.add_argument("--model", "-m", help="the channel's default model")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.add_argument("--mode", choices=("auto", "t2v", "i2v"), default="auto",
                   help="t2v, i2v (the message animates a first frame) or auto: from the text "
                        "(the default)")
    add_encoding_flag(p)
    p.set_defaults(func=run)


def decide(engine: Engine, message: str, model: str | None, mode: str | None = None) -> dict:
    """The JSON object: the verdict, and what each kind of channel would get."""
    verdict = engine.classify_message(message)
    out: dict = {"is_prompt": verdict.is_prompt, "reason": verdict.reason,
                 "how": verdict.how, "confidence": round(verdict.confidence, 2),
                 "prompt_text": verdict.prompt_text if verdict.is_prompt else None,
                 "review": None, "ethics_note": None}
    if verdict.is_prompt:
        review = engine.compact_review(verdict.prompt_text, model, mode=mode)
        out["review"] = {"score": review.score, "verdict": review.verdict,
                         "model": review.model, "fixes": review.fixes,
                         "missing": review.missing, "mode": review.mode}
        # The compact review carries the ethics note already (None below "stop").
        out["ethics_note"] = review.ethics.text if review.ethics else None
    return out


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    message = argument_text(args.message, args.encoding)
    model = engine.resolve_model(args.model)
    if not message.strip():
        raise InputError("The message is empty: paste a chat message in quotes, or '-' for "
                         "stdin.")
    out = decide(engine, message, model, args.mode)
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    if not out["is_prompt"]:
        console.print(f"[dim]Not a prompt ({escape(out['reason'])}): the bot stays silent.[/dim]")
        return 0
    r = out["review"]
    console.print(f"[bold]Reads as a prompt[/bold] ({escape(out['reason'])}).")
    console.print(f"In a review channel, a thread reply: [bold]{r['score']}/100[/bold] · "
                  f"{escape(r['verdict'])}")
    for i, fix in enumerate(r["fixes"], start=1):
        console.print(f"  {i}. {escape(fix)}")
    if out["ethics_note"]:
        console.print("[bold red]Anywhere else, an ethics note in a thread:[/bold red]")
        console.print(escape(out["ethics_note"]))
    else:
        console.print("[dim]Anywhere else: silence (no ethics concern that reaches stop).[/dim]")
    return 0
