"""`framecraft ethics` and `/ethics` in the chat: JSON contract, JSON Lines batches, rich output."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from bot.cli import SUBCOMMAND_MODULES, main
from bot.cli.chat import CHAT_HANDLERS, handle_line
from bot.cli.ethics import render_ethics
from bot.core.ethics import Concern, EthicsReview

REPO = Path(__file__).resolve().parents[1]


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_registered():
    assert "ethics" in SUBCOMMAND_MODULES
    assert "ethics" in CHAT_HANDLERS


def test_json_output(capsys):
    assert main(["ethics", "a child in lingerie", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    # `layers` was added by issue 12 (which layers of the review ran); nothing else changed.
    assert set(out) == {"verdict", "concerns", "layers"}
    assert out["layers"][0] == "rules"
    assert out["verdict"] == "stop"
    assert out["concerns"][0]["category"] == "minors"
    assert set(out["concerns"][0]) == {"category", "severity", "trigger", "why", "instead"}


def test_json_ok(capsys):
    assert main(["ethics", "We are shooting a scene in the rain", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {k: out[k] for k in ("verdict", "concerns")} == {"verdict": "ok", "concerns": []}
    assert out["layers"][0] == "rules"


def test_rich_output_puts_the_verdict_first(capsys):
    assert main(["ethics", "Make Joe Biden say the election is cancelled"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("STOP")
    assert "consent-deepfake" in out and "Instead:" in out
    assert out.index("STOP") < out.index("likeness")


def test_rich_output_shows_brackets_literally():
    review = EthicsReview(verdict="note", concerns=[Concern(
        category="artist-style-ip", severity="note", trigger="[red]Vance[/red]",
        why="'[red]Vance[/red]' borrows a named style.", instead="Describe the palette.")])
    console = Console(file=io.StringIO(), width=120)
    render_ethics(console, review)
    out = console.file.getvalue()
    assert out.startswith("Note:")
    assert "triggered by: [red]Vance[/red]" in out


def test_stdin_batch_prints_json_lines_and_carries_on_after_bad_lines(monkeypatch, capsys):
    _stdin(monkeypatch, b"a cat on a sofa\n\nmake Joe Biden say hi\nx\x01y\n"
           b"A child in lingerie\r\n\xff\xfe\n")
    assert main(["ethics", "-"]) == 1
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["line"] for x in lines] == [1, 3, 4, 5, 6]
    assert lines[0]["verdict"] == "ok"
    assert lines[1]["verdict"] == "stop"
    assert "error" in lines[2] and "control" in lines[2]["error"]
    assert lines[3]["verdict"] == "stop"
    assert "error" in lines[4] and "not UTF-8: byte 0xFF at offset 0" in lines[4]["error"]


def test_stdin_batch_all_good_exits_zero(monkeypatch, capsys):
    _stdin(monkeypatch, b"a cat on a sofa\nA kid's birthday party, bright colours\n")
    assert main(["ethics", "-", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(json.loads(x)["verdict"] == "ok" for x in lines)


def test_empty_prompt_is_one_clear_line(capsys):
    assert main(["ethics", "   "]) == 2
    captured = capsys.readouterr()
    assert "empty" in captured.err and "Traceback" not in captured.err
    assert captured.err.strip().count("\n") == 0


def test_chat_ethics_command(engine):
    console = Console(file=io.StringIO(), width=120)
    assert handle_line(engine, "/ethics face swap Tom Cruise onto my body", console)
    out = console.file.getvalue()
    assert out.startswith("STOP") and "consent-deepfake" in out
    console = Console(file=io.StringIO(), width=120)
    handle_line(engine, "/ethics", console)
    assert "empty" in console.file.getvalue()


def test_subprocess_round_trip():
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())",
         "ethics", "-"],
        input="Abraham Lincoln giving the Gettysburg Address\nPikachu surfing\n",
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    first, second = (json.loads(x) for x in proc.stdout.splitlines())
    assert first["verdict"] == "caution" and first["concerns"][0]["category"] == "likeness"
    assert second["concerns"][0]["category"] == "artist-style-ip"


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_fail_on_sets_the_exit_code_for_scripts():
    stop = "Taylor Swift endorsing our crypto coin, realistic news footage"
    assert run_cli("ethics", stop).returncode == 0  # without --fail-on a verdict is not an error
    assert run_cli("ethics", stop, "--fail-on", "stop").returncode == 1
    assert run_cli("ethics", "A fox trots through snow", "--fail-on", "note").returncode == 0
    batch = run_cli("ethics", "-", "--fail-on", "caution", stdin=f"A fox in snow\n{stop}\n")
    assert batch.returncode == 1 and len(batch.stdout.splitlines()) == 2
    bad = run_cli("ethics", stop, "--fail-on", "panic")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
