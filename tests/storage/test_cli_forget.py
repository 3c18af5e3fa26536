"""`framecraft forget --user ID` on both backends: a count first, nothing removed without a yes,
then the person's prompts, reviews and feedback go and others' versions stay."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from bot.cli import build_parser
from bot.config import Settings
from bot.core.engine import Engine

PROMPT = "A red fox trots through fresh snow at dawn, slow dolly in, soft golden backlight"


@pytest.fixture
def engine(store_url: str, tmp_path: Path):
    eng = Engine(Settings(data_dir=tmp_path / "data", database_url=store_url, _env_file=None))
    yield eng
    if "store" in eng.__dict__:
        eng.store.close()


def cli(engine: Engine, *argv: str) -> tuple[int, str]:
    console = Console(record=True, width=200, force_terminal=False, file=io.StringIO())
    args = build_parser().parse_args(["forget", *argv])
    return args.func(args, engine, console), console.export_text()


def test_forget_counts_asks_and_removes(engine: Engine, monkeypatch, capsys) -> None:
    store = engine.store
    store.save("local", "solo", PROMPT, "ana")
    store.save("local", "shared", PROMPT, "ana")
    store.save("local", "shared", PROMPT + ", handheld", "bo")
    rid = store.record_review("slack", "T1", "C1", "ana", PROMPT, 40, None)
    store.record_feedback("slack", "T1", "ana", rid, True)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script: nobody to ask
    code, out = cli(engine, "--user", "ana")
    assert code == 1 and "1 saved prompt (1 version), 1 review, 1 feedback vote" in out
    assert "add --yes" in capsys.readouterr().err
    assert len(store.list_names("local")) == 2
    code, out = cli(engine, "--user", "ana", "--yes", "--json")
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"removed": True, "prompts": 1, "versions": 1, "anonymised": 1,
                      "reviews": 1, "feedback": 1}
    assert [p.name for p in store.list_names("local")] == ["shared"]
    assert [v.author for v in store.history("local", "shared")] == ["removed", "bo"]
    code, out = cli(engine, "--user", "ana")
    assert code == 0 and "Nothing is kept" in out


def test_forget_on_a_terminal_asks(engine: Engine, monkeypatch) -> None:
    engine.store.save("local", "solo", PROMPT, "ana")

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True
    monkeypatch.setattr("sys.stdin", Tty("n\n"))
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert cli(engine, "--user", "ana")[0] == 1
    assert engine.store.list_names("local") != []
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert cli(engine, "--user", "ana")[0] == 0
    assert engine.store.list_names("local") == []


def test_forget_scoped_to_a_platform_and_team(engine: Engine, capsys) -> None:
    store = engine.store
    store.record_review("slack", "T1", "C1", "U1", PROMPT, 40, None)
    store.record_review("slack", "T2", "C1", "U1", PROMPT, 40, None)
    store.save("T1", "a", PROMPT, "U1")
    store.save("T2", "b", PROMPT, "U1")
    code, _ = cli(engine, "--user", "U1", "--platform", "slack", "--team", "T1", "--yes")
    assert code == 0
    assert store.recent_reviews("slack", "T1") == [] and store.list_names("T1") == []
    assert len(store.recent_reviews("slack", "T2")) == 1 and store.list_names("T2") != []
