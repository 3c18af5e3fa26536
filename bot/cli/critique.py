"""`framecraft critique`: score a prompt, name what is missing, and rewrite it.

`-` reads prompts from stdin, one per line, in one process; with `--json` each result is one
JSON line, and a bad line becomes a line with an `error` field so a batch never stops halfway.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bot.cli.inputs import add_encoding_flag, line_text, stdin_lines
from bot.cli.layout import print_bullet
from bot.core.critique.needs import STRENGTHS
from bot.core.critique.results import Critique
from bot.core.engine import Engine, EthicsDepth
from bot.core.house_rules.layers import RulesInForce
from bot.core.house_rules.review import rules_from_files, summary_lines
from bot.core.validation import InputError, decode_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("critique", help="critique a video prompt and rewrite it")
    p.add_argument("prompt", help="the prompt, in quotes; '-' reads one prompt per line from stdin")
    p.add_argument("--model", "-m", help="target model (e.g. runway, kling, veo)")
    p.add_argument("--json", action="store_true", help="print the stable JSON contract")
    p.add_argument("--rewrite", choices=STRENGTHS, default="standard", metavar="STRENGTH",
                   help="how much the rewrite adds: light (the one or two most valuable parts), "
                        "standard (what this prompt needs; the default) or full "
                        "(every missing part its stillness allows)")
    p.add_argument("--similar", action=argparse.BooleanOptionalAction, default=True,
                   help="list the most similar gallery prompts (the default; --no-similar skips "
                        "them)")
    p.add_argument("--ethics", choices=("quick", "full"), default=None,
                   help="the ethics check: quick (the rules, the default for one prompt) or full "
                        "(adds the semantic layer: loads the embedding model, about a second "
                        "more); the JSON's ethics.layers says which ran")
    p.add_argument("--rules", metavar="FILE",
                   help="house rules file (default: the nearest framecraft.toml, or "
                        "[tool.framecraft.rules] in pyproject.toml)")
    p.add_argument("--mode", choices=("auto", "t2v", "i2v"), default="auto",
                   help="t2v (text-to-video), i2v (the prompt animates a first frame: motion and "
                        "camera weigh more, re-describing the image is flagged), or auto: from "
                        "the text (the default)")
    add_encoding_flag(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    model = engine.resolve_model(args.model)
    prompt = None if args.prompt == "-" else decode_argument(args.prompt, args.encoding)
    if prompt is not None:
        engine.clean(prompt)  # bad input is one clear line, before any wait
    if engine.semantic_ethics_pending(args.ethics):
        Console(stderr=True).print("[dim]Loading the embedding model for the full ethics check "
                                   "(the first time takes a few seconds)...[/dim]", soft_wrap=True)
    rules = rules_from_files(args.rules)  # house rules: a bad file is an InputError (exit 2)
    if prompt is None:
        return _run_batch(engine, model, console, as_json=args.json, similar=args.similar,
                          strength=args.rewrite, ethics=args.ethics, rules=rules,
                          encoding=args.encoding, mode=args.mode)
    result = engine.critique(prompt, model, with_retrieval=args.similar, with_llm=True,
                             rewrite_strength=args.rewrite, ethics=args.ethics, rules=rules,
                             mode=args.mode)
    if args.json:
        print(json.dumps(result.to_public_json(), ensure_ascii=False))
    else:
        render_critique(console, result)
    return 0


def _run_batch(engine: Engine, model: str | None, console: Console, as_json: bool,
               similar: bool, strength: str = "standard",
               ethics: EthicsDepth | None = None,
               rules: RulesInForce | None = None, encoding: str | None = None,
               mode: str | None = None) -> int:
    """One critique per non-blank stdin line; a bad line is an error row (with --json) and one
    line on stderr, and the others are still reviewed."""
    failures = 0
    for lineno, raw in stdin_lines(encoding):
        if not raw.strip():
            continue
        try:
            result = engine.critique(line_text(raw, encoding), model, with_retrieval=similar,
                                     with_llm=True, rewrite_strength=strength, ethics=ethics,
                                     rules=rules, mode=mode)
        except InputError as e:
            failures += 1
            if as_json:
                print(json.dumps({"line": lineno, "error": str(e)}), flush=False)
            print(f"error: line {lineno}: {e}", file=sys.stderr)
            continue
        if as_json:
            out = result.to_public_json()
            out["line"] = lineno
            print(json.dumps(out, ensure_ascii=False))
        else:
            console.rule(f"line {lineno}")
            render_critique(console, result)
    sys.stdout.flush()
    return 1 if failures else 0


def _score_style(score: int) -> str:
    return "green" if score >= 75 else "yellow" if score >= 50 else "red"


def render_house_rules(console: Console, lines: list[str]) -> None:
    """The "House rules" part: the verdict (red on a fail), then each broken rule with its
    reason and fix. Nothing when no rules are in force."""
    if not lines:
        return
    head, *rest = lines
    style = "red" if "FAIL" in head else "green"
    console.print(f"\n[bold {style}]{escape(head)}[/bold {style}]")
    for line in rest:
        print_bullet(console, line)


def render_critique(console: Console, c: Critique) -> None:
    ethics = c.ethics or {}
    if ethics.get("verdict") == "stop":
        lines = [f"[bold]{escape(x['category'])}[/bold]: {escape(x['why'])} "
                 f"[italic]Instead:[/italic] {escape(x['instead'])}"
                 for x in ethics.get("concerns", []) if x.get("severity") == "stop"]
        console.print(Panel("\n".join(lines), title="[bold red]STOP: ethics[/bold red]",
                            border_style="red"))
    style = _score_style(c.score)
    target = f" for {c.model}" if c.model else ""
    target += " (image-to-video: judged on motion and camera)" if c.mode == "i2v" else ""
    console.print(f"[bold {style}]{c.score}/100[/bold {style}]  {escape(c.verdict + target)}")
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("component")
    table.add_column("score", justify="right")
    table.add_column("words that carry it")
    for comp in c.components:
        if comp.max_score == 0 and not comp.present:
            continue
        if comp.present:
            table.add_row(comp.name.value, f"{comp.score}/{comp.max_score}", Text(comp.text or ""))
        else:
            table.add_row(f"[red]{comp.name.value}[/red]", f"[red]0/{comp.max_score}[/red]",
                          "[red]missing[/red]")
    console.print(table)
    if c.missing:
        console.print("\n[bold]Missing[/bold]")
        for m in c.missing:
            print_bullet(console, Text.assemble((m.value, "bold"), f": {c.missing_why.get(m, '')}"))
    if c.anti_patterns:
        console.print("\n[bold]Anti-patterns[/bold]")
        for a in c.anti_patterns:
            print_bullet(console, Text.assemble((a.id, "bold"), f" ({a.text}): {a.why}"))
    if c.suggestions:
        console.print("\n[bold]Suggestions[/bold]")
        for s in c.suggestions:
            print_bullet(console, s.text)
    render_house_rules(console, summary_lines(c.house_rules) if c.house_rules else [])
    by = "" if c.rewrite_by == "framecraft" else f" (by {escape(c.rewrite_by)})"
    strength = "" if c.rewrite_strength == "standard" else f", {c.rewrite_strength}"
    console.print()
    console.print(Panel(escape(c.rewrite), title=f"Rewrite{strength}{by}", border_style="cyan"))
    for notice in c.notices:
        console.print(Text(notice, style="italic"))
    concerns = [x for x in ethics.get("concerns", []) if x.get("severity") != "stop"]
    if concerns:
        console.print("\n[bold]Ethics[/bold]")
        for x in concerns:
            print_bullet(console, f"{x['severity']} · {x['category']}: {x['why']}")
    if c.similar:
        console.print("\n[bold]Prompts like yours that work[/bold]")
        for similar in c.similar:
            print_bullet(console, f"{similar.title} ({similar.id}): {similar.why}")
    sources = ", ".join(c.sources)
    if sources:
        console.print(Text(f"Learn more: {sources}", style="dim"))
