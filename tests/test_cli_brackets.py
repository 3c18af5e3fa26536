"""Data and user text keep their square brackets: rich must not read Runway's
"[camera movement]: [scene]. [details]" or Hailuo's "[Pan left]" as markup."""

from __future__ import annotations

import os
import subprocess
import sys

CLI = [sys.executable, "-m", "bot.cli"]
RUNWAY_FORM = "[camera movement]: [scene]. [details]"


def run(*args: str, stdin: str | None = None, columns: int = 250) -> str:
    r = subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=120,
                       env={**os.environ, "COLUMNS": str(columns)})
    assert r.returncode in (0, 1), r.stderr
    return r.stdout + r.stderr


def test_chat_models_and_a_bracketed_prompt():
    out = run("chat", stdin="/models\n[Pan left] A red fox trots through snow [details] at dusk"
                            "\n/critique A fox --model [bold]nope\n/quit\n")
    assert RUNWAY_FORM in out
    assert "[Pan left]" in out and "[details]" in out
    assert "Unknown model '[bold]nope'" in out


def test_critique_components_keep_brackets():
    out = run("critique", "[Pan left] A red fox [slow motion] trots through snow at dusk")
    assert "[slow motion]" in out and "[Pan left]" in out


def test_prompt_library_keeps_brackets(tmp_path):
    env = {**os.environ, "FRAMECRAFT_DATA_DIR": str(tmp_path), "COLUMNS": "250"}
    text = "[Pan left] A red fox trots through snow at dusk"
    for args, needle in ((["save", "fox", text, "--note", "[bold]tighter"], "Saved"),
                         (["history", "fox"], "[bold]tighter"), (["show", "fox"], "[Pan left]"),
                         (["keep", "fox", "1", "--note", "[link]"], "keeper")):
        r = subprocess.run([*CLI, "prompt", *args], capture_output=True, text=True, timeout=120,
                           env=env)
        assert r.returncode == 0, r.stderr
        assert needle in r.stdout, (args, r.stdout)
    r = subprocess.run([*CLI, "prompt", "show", "fox"], capture_output=True, text=True,
                       timeout=120, env=env)
    assert "keeper: [link]" in r.stdout


def test_gallery_and_translate_keep_brackets():
    out = run("translate", "A red fox trots through snow at dusk, slow pan left", "--to",
              "hailuo")
    assert "[Pan left]" in out or "[Truck left]" in out
    gallery = run("gallery", "--model", "hailuo")
    assert "[" in gallery.split("prompts")[0]  # hailuo's gallery prompts carry [camera] tags
