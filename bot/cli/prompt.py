"""`framecraft prompt`: a team's prompts versioned like code (save, history, diff, restore ...).

The library lives in the database (`Engine.store`): a SQLite file under the data dir, or the
Postgres at FRAMECRAFT_DATABASE_URL, so the CLI, the chat and the bots share one library.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from bot.cli.inputs import add_encoding_flag, argument_text
from bot.core.commands import ParsedCommand
from bot.core.engine import Engine
from bot.core.prompt_commands import (
    execute,
    help_lines,
    parse_request,
    plural,
    save_with_score,
    unchanged_summary,
)
from bot.core.storage import PromptDiff, PromptInfo, Version
from bot.core.storage.engine import safe_url
from bot.core.validation import InputError, decode_text

log = logging.getLogger(__name__)
T = TypeVar("T")
DEFAULT_TEAM = "local"


def default_author() -> str:
    try:
        return os.environ.get("USER") or getpass.getuser() or "local"
    except Exception:  # noqa: BLE001 - no passwd entry in some containers
        return "local"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("prompt", help="version a team's prompts: save, history, diff, restore ...")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--team", default=DEFAULT_TEAM, help="team library (default: local)")
    common.add_argument("--author", default=None, help="who saves (default: $USER)")

    a = actions.add_parser("save", parents=[common], help="save a new version of a prompt")
    a.add_argument("name")
    a.add_argument("prompt", help="the prompt, in quotes; '-' reads it from stdin")
    a.add_argument("--model", "-m", help="target model")
    a.add_argument("--note", "-n", help="what changed and why (<= 500 characters)")
    a.add_argument("--channel", help="file it under a channel or project")
    a.add_argument("--force", action="store_true",
                   help="save a new version even if the text is the newest version's")
    add_encoding_flag(a)
    a = actions.add_parser("list", parents=[common], help="the team's saved prompts")
    a.add_argument("--channel", help="only this channel or project")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("history", parents=[common], help="every version of a prompt")
    a.add_argument("name")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("show", parents=[common], help="one version (the newest by default)")
    a.add_argument("name")
    a.add_argument("number", nargs="?", type=int, metavar="N",
                   help="the version (the newest by default)")
    a.add_argument("--version", "-v", type=int, help="the same as N")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("diff", parents=[common], help="what changed between two versions")
    a.add_argument("name")
    a.add_argument("a", type=int)
    a.add_argument("b", type=int)
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("restore", parents=[common], help="save an old version as the newest")
    a.add_argument("name")
    a.add_argument("version", type=int)
    a = actions.add_parser("keep", parents=[common], help="mark the version that worked")
    a.add_argument("name")
    a.add_argument("version", type=int)
    a.add_argument("link_or_note", nargs="?", metavar="LINK_OR_NOTE",
                   help="a link to the output, or a note about it")
    a.add_argument("--note", "-n", help="the same as LINK_OR_NOTE")
    a = actions.add_parser("delete", parents=[common], help="delete a prompt and its history")
    a.add_argument("name")
    a.add_argument("--yes", action="store_true", help="confirm the deletion")
    a = actions.add_parser("export", parents=[common], help="print the team's library")
    a.add_argument("--format", "-f", choices=("json", "yaml"), default="json")
    a.add_argument("--output", "-o", help="write to this file instead of stdout")
    a = actions.add_parser("import", parents=[common], help="add an exported library")
    a.add_argument("file", help="a .json or .yaml export; '-' reads stdin")
    a.add_argument("--format", "-f", choices=("json", "yaml"),
                   help="default: from the file's extension, else json")
    add_encoding_flag(a)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    try:
        return _ACTIONS[args.action](args, engine, console)
    except SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).splitlines()[0][:200]
        Console(stderr=True, highlight=False).print(
            f"[red]error:[/red] the database at {safe_url(engine.settings.effective_database_url)}"
            f" is not usable: {reason}. Run `framecraft doctor`.", soft_wrap=True)
        return 1


def one_of(positional: T | None, flag: T | None, what: str) -> T | None:
    """The positional form or its flag (both kept working); both with different values is a
    usage error."""
    if positional is not None and flag is not None and positional != flag:
        raise InputError(f"Give the {what} once: {positional!r} or --{what} {flag!r}.")
    return positional if positional is not None else flag


def _author(args: argparse.Namespace) -> str:
    return args.author or default_author()


def _save(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    text = argument_text(args.prompt, args.encoding)
    version, added = save_with_score(engine, args.team, args.name, text, _author(args),
                                     args.model, args.note, args.channel, force=args.force)
    if not added:
        console.print(Text(unchanged_summary(version)))
        return 0
    score = f", score {version.score}" if version.score is not None else ""
    console.print(f"Saved [bold]{escape(version.name)}[/bold] v{version.version}{score}.")
    return 0


def _list(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    names = engine.store.list_names(args.team, channel=args.channel)
    if args.json:
        print(json.dumps([n.model_dump(mode="json") for n in names], ensure_ascii=False))
        return 0
    render_list(console, args.team, names)
    return 0


def render_list(console: Console, team: str, names: list[PromptInfo]) -> None:
    if not names:
        console.print(f"No prompts saved in team {team!r} yet. "
                      "Try: framecraft prompt save NAME \"PROMPT\"", markup=False)
        return
    table = Table(title=Text(f"Prompts of {team}"))
    for col in ("name", "latest", "score", "keepers", "updated", "channel"):
        table.add_column(col)
    for n in names:
        table.add_row(Text(n.name), f"v{n.latest}", _fmt_score(n.latest_score),
                      ", ".join(f"v{k}" for k in n.keepers), f"{n.updated_at:%Y-%m-%d %H:%M}",
                      Text(n.channel or ""))
    console.print(table)


def _fmt_score(score: int | None) -> str:
    return "-" if score is None else str(score)


def _history(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    versions = engine.store.history(args.team, args.name)
    if args.json:
        print(json.dumps([v.model_dump(mode="json") for v in versions], ensure_ascii=False))
        return 0
    render_history(console, versions)
    return 0


def render_history(console: Console, versions: list[Version]) -> None:
    table = Table(title=Text(f"History of {versions[0].name}" if versions else "History"))
    for col in ("v", "score", "model", "author", "when", "note", "prompt"):
        table.add_column(col, overflow="fold")
    for v in versions:
        star = " *" if v.keeper else ""
        table.add_row(f"{v.version}{star}", _fmt_score(v.score), Text(v.model or ""), Text(v.author),
                      f"{v.created_at:%Y-%m-%d %H:%M}", Text(v.note or ""),
                      Text(v.prompt if len(v.prompt) <= 80 else v.prompt[:77] + "..."))
    console.print(table)


def _show(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    v = engine.store.get(args.team, args.name, one_of(args.number, args.version, "version"))
    if args.json:
        print(json.dumps(v.model_dump(mode="json"), ensure_ascii=False))
        return 0
    render_version(console, v)
    return 0


def render_version(console: Console, v: Version) -> None:
    head = Text(f"{v.name} v{v.version}", style="bold")
    head.append(f"  score {_fmt_score(v.score)}  by {v.author}  {v.created_at:%Y-%m-%d %H:%M}",
                style="dim")
    console.print(head)
    if v.model:
        console.print(Text(f"model: {v.model}"))
    if v.note:
        console.print(Text(f"note: {v.note}"))
    if v.keeper:
        console.print(Text(f"keeper: {v.keeper_note or 'yes'}", style="green"))
    console.print(Text(v.prompt))


def _diff(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    d = engine.store.diff(args.team, args.name, args.a, args.b)
    if args.json:
        print(json.dumps(d.model_dump(mode="json"), ensure_ascii=False))
        return 0
    render_diff(console, d)
    return 0


def render_diff(console: Console, d: PromptDiff) -> None:
    console.print(Text(f"{d.name}: v{d.a.version} -> v{d.b.version}  "
                       f"(score {_fmt_score(d.a.score)} -> {_fmt_score(d.b.score)})", style="bold"))
    line = Text()
    for w in d.words:
        if w.op == "equal":
            line.append(w.after + " ")
            continue
        if w.before:
            line.append(f"[-{w.before}-]", style="red strike")
            line.append(" ")
        if w.after:
            line.append(f"{{+{w.after}+}}", style="green")
            line.append(" ")
    console.print(line)
    console.print(Text(f"Components: {d.summary}"))


def _restore(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    v = engine.store.restore(args.team, args.name, args.version, _author(args))
    console.print(f"Restored v{args.version} of [bold]{escape(v.name)}[/bold] as v{v.version}.")
    return 0


def _keep(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    v = engine.store.keep(args.team, args.name, args.version,
                          one_of(args.link_or_note, args.note, "note"))
    console.print(f"Marked [bold]{escape(v.name)}[/bold] v{v.version} as a keeper.")
    return 0


def _delete(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    n = engine.store.delete(args.team, args.name, confirm=bool(args.yes))
    console.print(f"Deleted {args.name!r} ({plural(n, 'version')}).", markup=False)
    return 0


def _export(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    text = engine.store.export(args.team, args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        console.print(f"Wrote {args.team!r} to {args.output}.", markup=False)
    else:
        sys.stdout.write(text)
    return 0


def _import(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    if args.file == "-":
        data: str | bytes = getattr(sys.stdin, "buffer", sys.stdin).read()
        fmt = args.format or "json"
    else:
        path = Path(args.file)
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputError(f"Cannot read {args.file}: {e.strerror}.") from None
        fmt = args.format or ("yaml" if path.suffix.lower() in (".yaml", ".yml") else "json")
    if args.encoding and isinstance(data, bytes):
        data = decode_text(data, args.encoding)
    report = engine.store.import_(args.team, data, fmt)
    console.print(f"Imported {plural(report.versions_added, 'version')} of "
                  f"{plural(report.names, 'prompt')} into "
                  f"{args.team!r} ({report.versions_skipped} already there).")
    return 0


_ACTIONS = {"save": _save, "list": _list, "history": _history, "show": _show, "diff": _diff,
            "restore": _restore, "keep": _keep, "delete": _delete, "export": _export,
            "import": _import}

def chat_prompt(engine: Engine, cmd: ParsedCommand, console: Console) -> None:
    """The chat's `/prompt ...` (team "local", author $USER), through the same grammar and
    executor as Slack's and Discord's `/prompt`."""
    try:
        result = execute(engine, parse_request(cmd.text, cmd.options), team=DEFAULT_TEAM,
                         author=default_author())
    except SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).splitlines()[0][:200]
        raise InputError(f"The prompt library is unavailable: {reason}") from None
    if result.action == "help":
        for usage, what in help_lines():
            console.print(Text(f"/{usage}", style="bold"), Text(f"  {what}"))
    elif result.action == "list":
        render_list(console, DEFAULT_TEAM, result.prompts)
    elif result.action == "history":
        render_history(console, result.versions)
    elif result.action == "show" and result.version is not None:
        render_version(console, result.version)
    elif result.action == "diff" and result.diff is not None:
        render_diff(console, result.diff)
    else:
        console.print(result.summary, markup=False)
