"""Issue 14 item 9 in the terminal: `framecraft prompt show` and the chat echo stored text with
invisible and bidi characters made visible, through the CLI's real entry point; `--json`
keeps the text exact."""

from __future__ import annotations

import json

from bot.cli import main

SPOOF = "A fox \u202eylno woleb\u202c runs\u200b through snow"


def test_prompt_show_reveals_bidi_and_zero_width_characters(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FRAMECRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRAMECRAFT_DATABASE_URL", f"sqlite:///{tmp_path / 'fc.db'}")
    assert main(["prompt", "save", "hero", SPOOF]) == 0
    capsys.readouterr()
    assert main(["prompt", "show", "hero"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\u200b" not in out
    assert "\u27e8U+202E\u27e9" in out and "\u27e8U+200B\u27e9" in out
    assert main(["critique", SPOOF, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rewrite"]  # JSON is printed as is
