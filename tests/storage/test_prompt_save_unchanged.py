"""`prompt save` of the newest version's own text adds nothing (unless --force), the model
carries over, and show/keep take the positional forms, in the core grammar and the CLI."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.prompt_commands import execute, parse_request
from bot.core.validation import InputError
from tests.storage.test_cli_prompt import DOLLY, STATIC, cli, engine  # noqa: F401


def run(engine: Engine, text: str):  # noqa: F811
    return execute(engine, parse_request(text), team="studio", author="U1")


def test_same_text_adds_no_version_and_says_so(engine: Engine) -> None:  # noqa: F811
    first = run(engine, f"save fox {STATIC} --model kling")
    again = run(engine, f"save fox {STATIC}")
    assert again.unchanged and again.version is not None and again.version.version == 1
    assert "already has this text" in again.summary and "--force" in again.summary
    assert [v.version for v in engine.store.history("studio", "fox")] == [1]
    forced = run(engine, f"save fox {STATIC} --force")
    assert not forced.unchanged and forced.version is not None and forced.version.version == 2
    assert forced.version.prompt == STATIC  # --force is an option, not prompt text
    assert first.version is not None and first.version.model == "kling"


def test_model_carries_over_unless_given(engine: Engine) -> None:  # noqa: F811
    run(engine, f"save fox {STATIC} --model kling")
    v2 = run(engine, f"save fox {DOLLY}").version
    assert v2 is not None and v2.model == "kling"
    v3 = run(engine, f"save fox {DOLLY} --model runway").version  # same text, new model: saved
    assert v3 is not None and v3.version == 3 and v3.model == "runway"


def test_cli_save_unchanged_and_force(engine: Engine) -> None:  # noqa: F811
    assert cli(engine, "save", "fox", STATIC)[0] == 0
    code, out = cli(engine, "save", "fox", STATIC)
    assert code == 0 and "already has this text" in out and "Saved" not in out
    code, out = cli(engine, "save", "fox", STATIC, "--force")
    assert code == 0 and "Saved fox v2" in out


def test_cli_positional_show_and_keep(engine: Engine) -> None:  # noqa: F811
    cli(engine, "save", "fox", STATIC)
    cli(engine, "save", "fox", DOLLY)
    assert STATIC in cli(engine, "show", "fox", "1")[1]
    assert STATIC in cli(engine, "show", "fox", "--version", "1")[1]  # the flag still works
    assert DOLLY in cli(engine, "show", "fox")[1]
    assert cli(engine, "keep", "fox", "2", "https://example.com/take2.mp4")[0] == 0
    assert "https://example.com/take2.mp4" in cli(engine, "show", "fox", "2")[1]
    assert cli(engine, "keep", "fox", "1", "--note", "the calm one")[0] == 0
    assert "the calm one" in cli(engine, "show", "fox", "1")[1]
    with pytest.raises(InputError, match="once"):
        cli(engine, "show", "fox", "1", "--version", "2")


def test_list_says_one_prompt(engine: Engine) -> None:  # noqa: F811
    run(engine, f"save fox {STATIC}")
    assert run(engine, "list").summary == "1 saved prompt."
