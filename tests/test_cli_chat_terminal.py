"""`framecraft chat` as a person uses it: chatter gets a short answer, not a 0/100 critique, and
on a terminal the lines are kept in a history file in the data directory (readline)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

CLI = [sys.executable, "-m", "bot.cli"]


def test_chatter_is_answered_not_critiqued():
    script = "hello there\nthanks, that helped!\nA cat jumps on the table\n/critique hello there\n/quit\n"
    r = subprocess.run([*CLI, "chat"], input=script, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0
    assert r.stdout.count("reads as chat, not a video prompt") == 2
    assert r.stdout.count("/100") == 2  # the bare prompt, and the explicit /critique


def test_history_file_on_a_terminal(tmp_path: Path):
    primary, secondary = pty.openpty()
    env = {**os.environ, "FRAMECRAFT_DATA_DIR": str(tmp_path), "TERM": "dumb"}
    proc = subprocess.Popen([*CLI, "chat"], stdin=secondary, stdout=secondary, stderr=secondary,
                            env=env, close_fds=True)
    os.close(secondary)
    output = b""

    def read_until(needle: bytes, timeout: float = 60) -> None:
        nonlocal output
        end = time.monotonic() + timeout
        while needle not in output and time.monotonic() < end:
            try:
                output += os.read(primary, 4096)
            except OSError:
                break

    read_until(b"> ")
    os.write(primary, b"/models\r")
    read_until(b"runway")
    os.write(primary, b"/quit\r")
    assert proc.wait(timeout=60) == 0
    os.close(primary)
    history = tmp_path / "chat_history"
    assert history.exists(), output.decode(errors="replace")
    assert "/models" in history.read_text()
