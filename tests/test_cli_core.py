"""The CLI as a user runs it: real subprocesses for exit codes and streams, main() for speed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.cli import main

CLI = [sys.executable, "-m", "bot.cli"]


def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=120,
                          text=not isinstance(stdin, bytes))


def test_critique_json(capsys):
    assert main(["critique", "Man walking down street, 4K", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["score"] < 50 and "camera" in out["missing"]
    assert out["rewrite"] and out["rewrite_by"] == "framecraft"  # no LLM configured here
    assert out["similar"] and all(s["kind"] == "gallery" for s in out["similar"])


def test_critique_rich_output(capsys):
    assert main(["critique", "A cat jumps on the table"]) == 0
    out = capsys.readouterr().out
    assert "Rewrite" in out and "missing" in out and "camera" in out


def test_critique_with_model(capsys):
    assert main(["critique", "A cat jumps on the table", "--model", "Kling", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["model"] == "kling"


@pytest.mark.parametrize("args,needle", [
    (["critique", ""], "empty"),
    (["critique", "   \t "], "empty"),
    (["critique", "x" * 4001], "limit"),
    (["critique", "A cat\x07 jumps"], "control characters"),
    (["critique", "A cat jumps", "--model", "klingg"], "kling"),
])
def test_bad_input_is_one_clear_line(args, needle):
    r = run(*args)
    assert r.returncode != 0
    assert needle in r.stderr.lower()
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 2


def test_unknown_model_lists_nearest_first():
    r = run("critique", "A cat jumps", "--model", "rnway")
    assert "Did you mean runway" in r.stderr


def test_batch_stdin_json_lines():
    lines = "A cat jumps on the table\n\nMan walking down street, 4K\n" + "x" * 5000 + "\n"
    r = run("critique", "-", "--json", stdin=lines)
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(rows) == 3
    assert rows[0]["line"] == 1 and "score" in rows[0]
    assert rows[1]["line"] == 3
    assert "error" in rows[2] and rows[2]["line"] == 4
    assert r.returncode == 1  # one bad line is reported, the others still reviewed


def test_batch_many_prompts_in_one_process():
    prompts = "\n".join(f"A fox number {i} trots through snow at dusk" for i in range(300))
    r = run("critique", "-", "--json", stdin=prompts)
    assert r.returncode == 0
    assert len(r.stdout.splitlines()) == 300


def test_binary_stdin_is_refused_cleanly():
    r = run("critique", "-", "--json", stdin=b"\x00\x01\x02\xff\xfe binary\n")
    assert "Traceback" not in r.stderr.decode()
    row = json.loads(r.stdout.decode().splitlines()[0])
    assert "error" in row


def test_models_and_gallery(capsys):
    assert main(["models", "--json"]) == 0
    ids = {m["id"] for m in json.loads(capsys.readouterr().out)}
    assert {"runway", "luma", "kling", "pika", "sora", "veo", "hailuo", "wan"} <= ids
    assert main(["gallery", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= 40
    assert main(["gallery", "--tag", "no-such-tag"]) == 2


def test_chat_session():
    script = "/help\nA cat jumps on the table\n/critique Man walking, 4K --model nope\n/quit\n"
    r = run("chat", stdin=script)
    assert r.returncode == 0
    assert "Commands" in r.stdout
    assert "Rewrite" in r.stdout
    assert "Unknown model 'nope'" in r.stdout


def test_no_command_prints_help():
    r = run()
    assert r.returncode == 2 and "critique" in r.stdout
