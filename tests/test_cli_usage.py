"""The command line's surface as a user meets it: --version, help with examples and defaults,
"did you mean", the subcommand's own usage on a bad flag, and no traceback on an unexpected
error. Real subprocesses, because exit codes and streams are the contract."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.cli import EXAMPLES, SUBCOMMANDS

CLI = [sys.executable, "-m", "bot.cli"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("framecraft ")


def test_every_subcommand_has_a_description_and_two_examples():
    assert set(EXAMPLES) == set(SUBCOMMANDS)
    for description, examples in EXAMPLES.values():
        assert description and len(examples) == 2
        assert all("framecraft " in e for e in examples)


@pytest.mark.parametrize("name", ["critique", "slack", "prompt"])
def test_subcommand_help_shows_description_examples(name):
    r = run(name, "--help")
    assert r.returncode == 0
    description, examples = EXAMPLES[name]
    assert description.split()[0] in r.stdout
    assert "examples:" in r.stdout
    assert all(e in r.stdout for e in examples)  # the line breaks are kept


def test_help_shows_host_and_port_defaults():
    out = run("discord", "--help").stdout
    assert "(default: 0.0.0.0)" in out and "(default: 8080)" in out


def test_misspelled_command_suggests_the_nearest():
    r = run("critiqe", "A fox")
    assert r.returncode == 2 and r.stdout == ""
    assert "Did you mean 'critique'?" in r.stderr


def test_unrelated_word_gets_no_guess():
    r = run("zzzz")
    assert r.returncode == 2 and "not a command" in r.stderr
    assert "Did you mean" not in r.stderr


def test_misspelled_flag_shows_the_subcommands_usage():
    r = run("critique", "A fox", "--jsn")
    assert r.returncode == 2
    assert "usage: framecraft critique" in r.stderr
    assert "did you mean --json?" in r.stderr
    r = run("prompt", "save", "fox", "A fox", "--nte", "x")
    assert r.returncode == 2 and "usage: framecraft prompt save" in r.stderr


BOOM = ("import sys, bot.cli.models as m\n"
        "def boom(*a, **k):\n    raise RuntimeError('kaput')\n"
        "m.run = boom\nfrom bot.cli import main\nsys.exit(main(sys.argv[1:]))\n")


def boom(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-c", BOOM, *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def test_unexpected_error_is_one_line_without_traceback():
    r = boom("models")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "RuntimeError" in r.stderr and "kaput" in r.stderr and "--debug" in r.stderr


@pytest.mark.parametrize("args,env", [(("--debug", "models"), None),
                                      (("models",), {"FRAMECRAFT_DEBUG": "1"})])
def test_debug_shows_the_traceback(args, env):
    r = boom(*args, env=env)
    assert r.returncode == 1 and "Traceback" in r.stderr and "kaput" in r.stderr
