"""`/rules` in the terminal chat: the rules file in force, and `set FILE` checked first."""

from __future__ import annotations

from rich.console import Console

from bot.cli.chat import handle_line

GOOD = '[rules]\nban = [{ word = "epic", reason = "say what makes it epic" }]\n'
BAD = '[rules]\nban = [{ wrod = "epic" }]\n'


def test_chat_rules_show_and_set_from_a_file(engine, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    console = Console(record=True, width=200)
    handle_line(engine, "/rules", console)
    assert "No house rules are set" in console.export_text()
    (tmp_path / "bad.toml").write_text(BAD)
    handle_line(engine, "/rules set bad.toml", console)
    assert "line 2: ban[0].wrod: unknown key" in console.export_text()
    assert not (tmp_path / "framecraft.toml").exists()
    (tmp_path / "good.toml").write_text(GOOD)
    handle_line(engine, "/rules set good.toml", console)
    assert (tmp_path / "framecraft.toml").read_text() == GOOD
    handle_line(engine, "/rules", console)
    out = console.export_text()
    assert "+ban = [{ word" in out and "ban = epic" in out and "(from framecraft.toml)" in out
    handle_line(engine, "/critique An epic fox runs through snow", console)
    assert "House rules: FAIL" in console.export_text()
