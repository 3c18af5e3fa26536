"""The lazy command line: only the chosen subcommand's module is imported, and every help text
reads exactly as when all modules built the parser."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from bot.cli import SUBCOMMANDS, build_parser, chosen_command


def _help(argv: list[str], parser: argparse.ArgumentParser) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        parser.parse_args(argv)
    return out.getvalue()


def test_the_table_matches_each_modules_own_help_line():
    full = build_parser()  # every module registers itself
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    listed = {c.dest: c.help for c in sub._choices_actions}
    assert listed == SUBCOMMANDS
    assert list(sub.choices) == list(SUBCOMMANDS)


@pytest.mark.parametrize("argv", [["--help"], *[[n, "--help"] for n in SUBCOMMANDS],
                                  ["prompt", "save", "--help"], ["prompt", "diff", "--help"]])
def test_help_is_unchanged(argv):
    assert _help(argv, build_parser(argv)) == _help(argv, build_parser())


@pytest.mark.parametrize("argv, chosen", [
    (["critique", "x"], "critique"), (["-h"], None), ([], None), (["nope"], None),
    (["--", "ask"], None), (["ask", "critique"], "ask"),
])
def test_chosen_command(argv, chosen):
    assert chosen_command(argv) == chosen


def test_an_unknown_command_is_refused_with_the_list(capsys):
    with pytest.raises(SystemExit) as e:
        build_parser(["critiqe"]).parse_args(["critiqe"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'critiqe'" in err and "critique" in err


def test_flags_of_the_chosen_command_parse():
    args = build_parser(["critique", "a fox", "--json", "--no-similar"]).parse_args(
        ["critique", "a fox", "--json", "--no-similar"])
    assert args.json and not args.similar and callable(args.func)
