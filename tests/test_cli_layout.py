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


def _sections(out: str, names: tuple[str, ...]) -> dict[str, list[str]]:
    """The lines under each heading in `names`, up to the next line that is not indented."""
    lines, found = out.splitlines(), {}
    for name in names:
        start = lines.index(name) + 1
        end = next((i for i in range(start, len(lines)) if not lines[i].startswith(" ")),
                   len(lines))
        found[name] = lines[start:end]
    return found


@pytest.mark.parametrize("columns", ["80", None])
def test_critique_and_ethics_bullets_keep_their_indent(columns, monkeypatch):
    """Every wrapped line of a critique's Missing / Anti-patterns / Suggestions bullet, and of
    an ethics concern, stays indented under its text instead of starting at column 0."""
    out = run("critique", "A fox in the snow", columns=columns)
    assert max(len(line) for line in out.splitlines()) <= 80
    for name, lines in _sections(out, ("Missing", "Anti-patterns", "Suggestions")).items():
        assert lines and all(line.startswith("  • ") or line.startswith("    ")
                             for line in lines), name
        assert any(line.startswith("    ") for line in lines), name  # something did wrap
    monkeypatch.setenv("FRAMECRAFT_SEMANTIC_ETHICS", "off")  # the rules' wording is enough here
    ethics = run("ethics", "Mickey Mouse waves at a crowd of fans outside "
                 "a theme park gate at dusk", columns=columns)
    body = [line for line in ethics.splitlines()[2:] if line.strip()]
    assert body and all(line.startswith("  ") for line in body[1:]), body
    assert max(len(line) for line in ethics.splitlines()) <= 80


def test_every_help_page_fits_80_columns():
    """Descriptions are wrapped to the terminal (the examples keep their own lines)."""
    from bot.cli import SUBCOMMANDS

    for command in ["--help", *(f"{name} --help" for name in SUBCOMMANDS)]:
        out = run(*command.split(), columns="80")
        wide = [line for line in out.splitlines() if len(line) > 80]
        assert not wide, (command, wide)


def test_sequence_findings_keep_their_indent(tmp_path):
    shots = tmp_path / "shots.txt"
    shots.write_text("Shot 1: A woman in a red coat walks down a rainy street at night, neon light "
                     "from the left\nShot 2: Close-up of the woman in a blue coat, looking up, "
                     "light from the right\nShot 3: She enters a cafe\n", encoding="utf-8")
    env = {**os.environ, "COLUMNS": "80"}
    r = subprocess.run([*CLI, "sequence", str(shots)], capture_output=True, text=True,
                       timeout=120, env=env)
    assert r.returncode == 1, r.stderr  # findings: exit 1, as documented
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    findings = [i for i, line in enumerate(lines) if line.startswith(("drift ·", "gap ·"))]
    assert findings
    for i in findings:
        body = lines[i + 1:next((j for j in range(i + 1, len(lines)) if not lines[j].strip()),
                                len(lines))]
        assert body and all(line.startswith("  ") for line in body), body
