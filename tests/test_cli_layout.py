"""Tables and bullets at 80 columns and in a pipe: nothing wider than the terminal, bullets keep
their hanging indent, no cell cut to "…". Real subprocesses with COLUMNS=80 and with no COLUMNS
(a pipe, which rich treats as 80 columns)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

CLI = [sys.executable, "-m", "bot.cli"]
PROMPT = "A red fox trots through the snow at dusk, slow pan left, golden light"


def run(*args: str, columns: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    if columns:
        env["COLUMNS"] = columns
    r = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    return r.stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("columns", ["80", None])
def test_models_fit_and_keep_whole_sentences(columns):
    out = run("models", columns=columns)
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "…" not in out
    assert "[camera movement]: [scene]. [details]" in flat(out)


@pytest.mark.parametrize("columns", ["80", None])
def test_compare_fits_without_cut_cells(columns):
    out = run("compare", PROMPT, columns=columns)
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "…" not in out
    assert "camera: camera-syntax" in out


@pytest.mark.parametrize("columns", ["80", None])
def test_what_changed_bullets_wrap_with_hanging_indent(columns):
    out = run("translate", PROMPT, "--to", "hailuo", columns=columns)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    start = lines.index("What changed")
    section = lines[start + 1:lines.index("Dropped")]
    bullets = [line for line in section if line.startswith("  • ")]
    continued = [line for line in section if not line.startswith("  • ")]
    assert bullets and continued  # the long "why" lines did wrap
    assert all(line.startswith("    ") and not line.startswith("     ") for line in continued)
    assert all(line == line.rstrip() for line in lines)


def test_wide_terminal_keeps_the_table():
    out = run("models", columns="200")
    assert "personality" in out and "┃" in out
