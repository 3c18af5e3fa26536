"""`framecraft lint [PATHS...]`: check the prompts kept in a repository, like a code linter.

Exit codes: 0 clean, 1 findings at or above --fail-on (default error), 2 usage or file errors.
Heavy imports stay inside functions: the CLI imports every subcommand to build its parser.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from bot.core.engine import Engine

FORMATS = ("text", "json", "sarif", "junit", "github")
SEVERITIES = ("error", "warning", "note")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lint", help="check prompts in files against the critique and the house rules",
        description="Find prompts in .txt (one a line), .prompt, Markdown (```prompt blocks), "
                    "YAML and JSON (prompt: fields, Framecraft exports) files, recursively "
                    "and honouring .gitignore, and report each problem with file, line and "
                    "column. Exit 0 clean, 1 findings at or above --fail-on, 2 usage or file "
                    "errors.")
    p.add_argument("paths", nargs="*", metavar="PATHS", help="files or directories (default: .)")
    p.add_argument("--format", "-f", choices=FORMATS, default="text",
                   help="output format (default: text)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    p.add_argument("--fail-on", choices=SEVERITIES, default="error",
                   help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--min-score", type=_score, metavar="N",
                   help="critique score below which a prompt is an error (default: the rules "
                        "file's min_score, else 50)")
    p.add_argument("--rules", metavar="FILE",
                   help="rules file (default: framecraft.toml or pyproject.toml "
                        "[tool.framecraft.rules] here or in a parent directory)")
    p.add_argument("--no-rules", action="store_true", help="ignore any rules file")
    p.add_argument("--model", "-m", help="target model for every prompt (default: the "
                                         "prompt's own model field, else the rules' model)")
    p.add_argument("--fix", action="store_true",
                   help="apply the safe fixes: banned words that have a replacement, "
                        "negations moved into a negative prompt field where the model takes one")
    p.add_argument("--diff", action="store_true",
                   help="with --fix: print the changes as a diff and write nothing")
    p.add_argument("--exclude", action="append", default=[], metavar="PATTERN",
                   help="skip paths matching this .gitignore-style pattern (repeatable)")
    p.add_argument("--no-cache", action="store_true",
                   help="check every file again (by default results for unchanged files are "
                        "reused from .framecraft-cache/)")
    p.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="worker processes for big runs (default: the CPU count)")
    p.set_defaults(func=run)


def _score(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 0 <= n <= 100:
        raise argparse.ArgumentTypeError("the score is between 0 and 100")
    return n


def _err(message: str) -> None:
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False).print(f"[red]error:[/red] {escape(message)}",
                                                soft_wrap=True)


def _rules(args: argparse.Namespace):
    """(rules, their display name) from --rules or the nearest rules file; (None, None)."""
    from bot.core.house_rules import find_rules_file, load_rules_file
    from bot.core.lint.run import display_path

    if args.no_rules:
        return None, None
    path = Path(args.rules) if args.rules else find_rules_file()
    if path is None:
        return None, None
    if not path.is_file():
        raise FileNotFoundError(f"{args.rules}: no such rules file")
    return load_rules_file(path), display_path(path)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    from bot.core.house_rules import RulesError
    from bot.core.lint.discover import PathError, collect
    from bot.core.lint.run import Linter, lint_paths, lint_rules
    from bot.core.validation import InputError

    if args.diff and not args.fix:
        args.fix = True  # --diff is a preview of --fix
    try:
        rules, rules_name = _rules(args)
        rif = lint_rules(rules, rules_name, args.min_score)
        model = engine.resolve_model(args.model) if args.model else None
        if rif.rules.model and not model:
            engine.resolve_model(rif.rules.model)  # an unknown default model is a usage error
        files = collect(args.paths, args.exclude)
    except (RulesError, PathError, FileNotFoundError, InputError) as e:
        _err(str(e))
        return 2
    linter = Linter(engine.kb, rif, model=model, max_chars=engine.settings.max_prompt_chars,
                    ethics_rules=engine.ethics_rules if rif.rules.ethics else None)
    cache = None if args.no_cache or args.fix else _cache(engine, rif, model)
    report = lint_paths(linter, files, fix=args.fix, jobs=args.jobs or None,
                        progress=_progress(len(files), args.format), cache=cache)
    if args.fix:
        report = _write_fixes(report, linter, args, console)
    _emit(report, args, console)
    if report.errors:
        return 2
    from bot.core.house_rules.model import SEVERITY_RANK

    return 1 if report.worst() >= SEVERITY_RANK[args.fail_on] else 0


def _cache(engine: Engine, rif, model: str | None):
    from bot.core.lint.cache import LintCache, salt_for

    salt = salt_for(rif.model_dump_json(), model, engine.settings.max_prompt_chars,
                    engine.settings.knowledge_dir)
    return LintCache(Path.cwd(), salt)


def _progress(total: int, fmt: str):
    """A progress line on stderr for runs long enough to wait on (terminal only)."""
    if total < 200 or not sys.stderr.isatty():
        return None

    def show(done: int, of: int) -> None:
        if done == of or done % 50 == 0:
            end = "\n" if done == of else "\r"
            print(f"linting {done}/{of} files", end=end, file=sys.stderr, flush=True)
    return show


def _write_fixes(report, linter, args: argparse.Namespace, console: Console):
    """--fix: write the fixed files (or print the diff with --diff), then re-lint them so the
    report and the exit code show what is left."""
    import difflib

    from bot.core.lint.run import FileResult, LintReport

    changed = [r for r in report.files if r.fixed is not None and r.fixed != r.original]
    if args.diff:
        out = sys.stdout
        for r in changed:
            out.writelines(difflib.unified_diff(
                (r.original or "").splitlines(keepends=True), r.fixed.splitlines(keepends=True),
                fromfile=f"a/{r.path}", tofile=f"b/{r.path}"))
        return report
    files: list[FileResult] = []
    for r in report.files:
        if r in changed:
            Path(r.path).write_text(r.fixed, encoding="utf-8")
            for line in r.applied:
                print(f"fixed {line}", file=sys.stderr)
            r = linter.lint_file(Path(r.path), r.path)
        files.append(r)
    return LintReport(files=files, sources=report.sources)


def _emit(report, args: argparse.Namespace, console: Console) -> None:
    from bot.cli import lint_output as out

    if args.format == "text" and not args.output:
        if not (args.diff and args.fix):
            out.render_text(report, console)
        return
    if args.format == "text":
        from io import StringIO

        from rich.console import Console as RichConsole

        buf = StringIO()
        out.render_text(report, RichConsole(file=buf, no_color=True, width=120, highlight=False))
        text = buf.getvalue()
    elif args.format == "json":
        text = out.render_json(report)
    elif args.format == "sarif":
        text = out.render_sarif(report, _version())
    elif args.format == "junit":
        text = out.render_junit(report, args.fail_on)
    else:
        text = out.render_github(report)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    elif not (args.diff and args.fix):
        sys.stdout.write(text + ("\n" if text else ""))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("framecraft")
    except PackageNotFoundError:
        return "0.0.0"
