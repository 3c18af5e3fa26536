"""`framecraft prompt ...`, the chat's `/prompt` and `framecraft doctor`, on both backends."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from bot.cli import build_parser
from bot.cli.chat import handle_line
from bot.cli.doctor import run_checks
from bot.config import Settings
from bot.core.engine import Engine
from bot.core.validation import InputError

STATIC = "A static shot of a red fox trotting through a snowy pine forest"
DOLLY = ("A slow dolly-in on a red fox trotting through a snowy pine forest, "
         "golden hour backlight")


@pytest.fixture
def engine(store_url: str, tmp_path: Path) -> Engine:
    settings = Settings(data_dir=tmp_path / "data", database_url=store_url)
    eng = Engine(settings)
    yield eng
    if "store" in eng.__dict__:
        eng.store.close()


def cli(engine: Engine, *argv: str) -> tuple[int, str]:
    console = Console(record=True, width=200, force_terminal=False, file=io.StringIO())
    args = build_parser().parse_args(["prompt", *argv])
    code = args.func(args, engine, console)
    return code, console.export_text()


def test_save_records_author_model_note_and_critique_score(engine: Engine, monkeypatch) -> None:
    monkeypatch.setenv("USER", "mara")
    code, out = cli(engine, "save", "hero shot", STATIC, "--model", "kling", "--note", "first")
    assert code == 0 and "Saved hero shot v1" in out
    v = engine.store.get("local", "hero shot")
    assert (v.author, v.model, v.note) == ("mara", "kling", "first")
    assert v.score == engine.critique(STATIC, "kling", with_retrieval=False).score
    code, out = cli(engine, "save", "hero shot", DOLLY, "--team", "studio", "--author", "ivo")
    assert engine.store.get("studio", "hero shot").author == "ivo"


def test_list_history_show_diff_restore_keep_delete(engine: Engine, capsys) -> None:
    cli(engine, "save", "fox", STATIC)
    cli(engine, "save", "fox", DOLLY, "--note", "push in")
    code, out = cli(engine, "list")
    assert code == 0 and "fox" in out and "v2" in out
    code, out = cli(engine, "history", "fox")
    assert "push in" in out and "static shot" in out.lower()
    code, out = cli(engine, "show", "fox", "--version", "1")
    assert STATIC in out
    code, out = cli(engine, "diff", "fox", "1", "2")
    assert "camera changed from" in out and "lighting added" in out
    assert "[-static shot of-]" in out
    code, out = cli(engine, "diff", "fox", "1", "2", "--json")
    assert json.loads(capsys.readouterr().out)["b"]["version"] == 2
    code, out = cli(engine, "restore", "fox", "1")
    assert "as v3" in out and engine.store.get("local", "fox").prompt == STATIC
    code, out = cli(engine, "keep", "fox", "2", "--note", "https://example.com/take2.mp4")
    assert engine.store.get("local", "fox", 2).keeper
    with pytest.raises(InputError, match="confirm"):
        cli(engine, "delete", "fox")
    code, out = cli(engine, "delete", "fox", "--yes")
    assert "3 versions" in out and engine.store.list_names("local") == []


def test_export_import_files(engine: Engine, tmp_path: Path) -> None:
    cli(engine, "save", "fox", STATIC)
    cli(engine, "keep", "fox", "1", "--note", "the one")
    out_file = tmp_path / "lib.yaml"
    assert cli(engine, "export", "--format", "yaml", "--output", str(out_file))[0] == 0
    code, out = cli(engine, "import", str(out_file), "--team", "copy")
    assert code == 0 and "Imported 1 version of 1 prompt into" in out
    assert engine.store.get("copy", "fox").keeper_note == "the one"
    with pytest.raises(InputError, match="Cannot read"):
        cli(engine, "import", str(tmp_path / "missing.json"))


def test_bad_input_is_one_clear_error(engine: Engine) -> None:
    with pytest.raises(InputError, match="letters, digits"):
        cli(engine, "save", "a/b", STATIC)
    with pytest.raises(InputError, match="Unknown model"):
        cli(engine, "save", "ok", STATIC, "--model", "notamodel")
    with pytest.raises(InputError, match="No prompt named"):
        cli(engine, "history", "nothing")


def test_chat_prompt_commands(engine: Engine) -> None:
    console = Console(record=True, width=200, file=io.StringIO())
    for line in (f"/prompt save fox {STATIC} --note first", f"/prompt save fox {DOLLY}",
                 "/prompt list", "/prompt diff fox 1 2", "/prompt keep fox 2 great take",
                 "/prompt show fox 1", "/prompt history fox", "/prompt delete fox",
                 "/prompt save a/b x y"):
        assert handle_line(engine, line, console) is True
    out = console.export_text()
    assert "Saved fox v1" in out and "Saved fox v2" in out
    assert "camera changed from" in out
    assert "confirm" in out  # delete without "yes" refused
    assert "letters, digits" in out
    history = engine.store.history("local", "fox")
    assert [v.note for v in history] == ["first", None]
    assert history[1].keeper_note == "great take"
    handle_line(engine, "/prompt delete fox yes", console)
    assert engine.store.list_names("local") == []


def test_doctor_reports_a_healthy_setup(engine: Engine) -> None:
    checks = {c.name: c for c in run_checks(engine)}
    assert checks["database"].status in ("ok", "warn")
    assert checks["knowledge"].status == "ok"
    assert checks["slack"].status == "skip"


def test_doctor_finds_problems_and_hides_secrets(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url="postgresql://fc:s3cretpw@127.0.0.1:1/x",
                        slack_bot_token="xoxb-TOPSECRET", discord_token="not-a-token")
    checks = {c.name: c for c in run_checks(Engine(settings))}
    assert checks["database"].status == "fail" and "s3cretpw" not in checks["database"].detail
    assert checks["slack"].status == "fail" and "SLACK_SIGNING_SECRET" in checks["slack"].detail
    assert checks["discord"].status == "fail"
    assert not any("TOPSECRET" in c.detail or "not-a-token" in c.detail for c in checks.values())


def test_doctor_creates_no_database_it_reports_as_missing(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "fresh")
    checks = {c.name: c for c in run_checks(Engine(settings))}
    assert "not created yet" in checks["database"].detail
    assert not settings.sqlite_path.exists()


@pytest.mark.parametrize("llm, key, base_url, status", [
    ("openai:gpt-4o-mini", None, None, "warn"),
    ("openai:gpt-4o-mini", "sk-test", None, "ok"),
    ("ollama:llama3.1", None, None, "ok"),
    ("local-model", None, "http://127.0.0.1:8080/v1", "ok"),
])
def test_doctor_warns_about_an_llm_without_a_key(tmp_path: Path, monkeypatch, llm, key, base_url,
                                                 status) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    settings = Settings(data_dir=tmp_path, llm=llm, llm_api_key=key, llm_base_url=base_url)
    check = {c.name: c for c in run_checks(Engine(settings))}["llm"]
    assert check.status == status, check.detail
    assert "sk-test" not in check.detail
