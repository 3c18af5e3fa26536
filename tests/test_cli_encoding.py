"""Non-UTF-8 input gets one behaviour everywhere: refused on stderr with the first bad byte and
its offset (exit non-zero, no traceback, no raw byte in JSON), or decoded with --encoding.
Real subprocesses: the bytes arrive as they would from a shell."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CLI = [sys.executable, "-m", "bot.cli"]
LATIN1 = "A red fox trots through the sn\xe9w at dusk".encode("latin-1")  # 0xE9 at offset 30
NEEDLE = "byte 0xE9 at offset 30"


def run(*args: str | bytes, stdin: bytes | None = None, data_dir: str | None = None
        ) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"FRAMECRAFT_DATA_DIR": data_dir} if data_dir else {})}
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=120, env=env)


def refused(r: subprocess.CompletedProcess) -> str:
    err = r.stderr.decode()
    assert r.returncode != 0
    assert "Traceback" not in err
    assert "not UTF-8" in err and NEEDLE in err and "--encoding latin-1" in err
    assert b"\xe9" not in r.stdout  # the raw byte is never written through
    return err


@pytest.mark.parametrize("args", [["critique", "-"], ["critique", "-", "--json"],
                                  ["ethics", "-"], ["review", "-"]])
def test_stdin_is_refused_with_the_offset(args):
    r = run(*args, stdin=LATIN1 + b"\n")
    refused(r)


def test_critique_json_batch_keeps_its_error_row():
    r = run("critique", "-", "--json", stdin=b"A cat jumps on the table\n" + LATIN1 + b"\n")
    rows = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert "score" in rows[0] and rows[1]["line"] == 2 and NEEDLE in rows[1]["error"]
    assert "line 2" in refused(r)


@pytest.mark.parametrize("args", [["critique", LATIN1], ["critique", LATIN1, "--json"],
                                  ["ethics", LATIN1], ["translate", LATIN1, "--to", "kling"],
                                  ["ask", LATIN1]])
def test_arguments_are_refused_with_the_offset(args):
    refused(run(*args))


def test_prompt_save_from_stdin(tmp_path):
    r = run("prompt", "save", "fox", "-", stdin=LATIN1, data_dir=str(tmp_path))
    refused(r)
    r = run("prompt", "save", "fox", "-", "--encoding", "latin-1", stdin=LATIN1,
            data_dir=str(tmp_path))
    assert r.returncode == 0, r.stderr
    r = run("prompt", "show", "fox", "--json", data_dir=str(tmp_path))
    assert "sn\u00e9w" in r.stdout.decode()


def test_encoding_flag_decodes_stdin():
    r = run("critique", "-", "--json", "--encoding", "latin-1", stdin=LATIN1 + b"\n")
    assert r.returncode == 0, r.stderr
    assert "sn\u00e9w" in json.loads(r.stdout)["rewrite"]
    r = run("ethics", "-", "--json", "--encoding", "latin-1", stdin=LATIN1 + b"\n")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["verdict"] == "ok"


def test_translate_argument_with_encoding():
    r = run("translate", LATIN1, "--to", "kling", "--encoding", "latin-1", "--json")
    assert r.returncode == 0, r.stderr
    assert "sn\u00e9w" in json.loads(r.stdout)["prompt"]


def test_binary_data_and_control_characters_go_to_stderr():
    r = run("critique", "-", stdin=b"A fox\x00\x01 in snow\nA cat\x07 jumps\n")
    assert r.returncode == 1
    err = r.stderr.decode()
    assert "binary" in err and "control characters" in err
    assert b"binary" not in r.stdout and b"control" not in r.stdout


def test_unknown_encoding_is_a_usage_error():
    r = run("critique", "-", "--encoding", "klingon", stdin=b"A fox\n")
    assert r.returncode != 0 and "Unknown encoding" in r.stderr.decode()


def test_prompt_import_names_the_byte_and_takes_encoding(tmp_path):
    bad = b'{"x": "\xe9"}'
    r = run("prompt", "import", "-", stdin=bad, data_dir=str(tmp_path))
    err = r.stderr.decode()
    assert r.returncode == 2 and "byte 0xE9 at offset 7" in err and "Traceback" not in err
    r = run("prompt", "import", "-", "--encoding", "latin-1", stdin=bad, data_dir=str(tmp_path))
    assert "not UTF-8" not in r.stderr.decode() and "Traceback" not in r.stderr.decode()
