"""`framecraft translate` / `compare` and the chat handlers, run in-process."""

from __future__ import annotations

import json

import pytest
from rich.console import Console

import bot.cli as cli
from bot.cli.chat import CHAT_HANDLERS, handle_line


@pytest.fixture
def run(engine, monkeypatch):
    monkeypatch.setattr("bot.core.engine.Engine", lambda *a, **k: engine)

    def _run(*argv: str) -> int:
        return cli.main(list(argv))
    return _run


def test_translate_json_is_exactly_the_contract(run, capsys):
    assert run("translate", "A woman walks on a beach, no people, 16:9", "--to", "kling",
               "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["prompt", "negative_prompt", "changes", "dropped"]
    assert data["negative_prompt"] == "people"
    assert all({"component", "action", "why", "source"} <= set(c) for c in data["changes"])


def test_translate_json_negative_prompt_is_null_without_the_field(run, capsys):
    assert run("translate", "Slow dolly in: a fox in snow", "--to", "luma", "--from", "runway",
               "--json") == 0
    assert json.loads(capsys.readouterr().out)["negative_prompt"] is None


def test_translate_text_keeps_bracketed_commands_visible(run, capsys):
    assert run("translate", "Slow dolly in: a lighthouse on a cliff", "--to", "hailuo") == 0
    assert "[Push in]" in capsys.readouterr().out


def test_unknown_model_is_one_line_with_a_close_guess(run, capsys, kb):
    assert run("translate", "A fox runs", "--to", "klong") != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "Did you mean kling?" in err and "Traceback" not in err
    assert f"Known models: {', '.join(sorted(kb.models))}." in err


def test_unknown_model_unlike_any_gets_no_guess(run, capsys):
    assert run("translate", "A fox runs", "--to", "foo") != 0
    err = capsys.readouterr().err
    assert "Did you mean" not in err and "Unknown model 'foo'" in err


def test_empty_prompt_is_a_clear_error(run, capsys):
    assert run("translate", "   ", "--to", "kling") != 0
    assert "empty" in capsys.readouterr().err


def test_compare_json_has_every_model(run, capsys, kb):
    assert run("compare", "A cat jumps onto a table", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == set(kb.models)
    assert all(list(v) == ["prompt", "negative_prompt", "changes", "dropped"]
               for v in data.values())


def test_compare_table_names_every_model(run, capsys, kb):
    assert run("compare", "A cat jumps onto a table") == 0
    out = capsys.readouterr().out
    assert all(m.name.split()[0] in out for m in kb.models.values())


def test_chat_translate_and_compare(engine):
    assert {"translate", "compare"} <= set(CHAT_HANDLERS)
    console = Console(record=True, width=120)
    handle_line(engine, "/translate A fox runs through snow --to runway", console)
    handle_line(engine, "/translate A fox runs through snow", console)
    handle_line(engine, "/compare A fox runs through snow", console)
    out = console.export_text()
    assert "Runway Gen-4" in out and "Say which model" in out and "Kling" in out


def test_words_kept_as_written_are_not_shown_as_a_change(run, capsys):
    """A pace the author wrote and the target would change is pinned: kept as written. The
    list says so once ("'slowly'"), not "'slowly' → 'slowly'" as if it had been replaced."""
    assert run("translate", "A woman walks slowly through a misty garden", "--to", "kling") == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "pinned 'slowly'" in out
    assert "'slowly' → 'slowly'" not in out


@pytest.mark.parametrize(("before", "after", "shown"), [
    ("slowly", "slowly", "'slowly'"),
    ("camera tracks", "tracking shot", "'camera tracks' → 'tracking shot'"),
    (None, "[Push in]", "+ '[Push in]'"),
    ("4K", None, "- '4K'"),
    (None, None, ""),
])
def test_move_text_is_one_rule_for_every_front(before, after, shown):
    from bot.core.dialects.types import move_text

    assert move_text(before, after, repr) == shown
