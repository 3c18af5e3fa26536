from __future__ import annotations

import pytest

from bot.core.commands import parse_command
from bot.core.validation import InputError, UnknownModelError, clean_prompt, resolve_model


def test_clean_prompt():
    assert clean_prompt("  a cat  ") == "a cat"
    assert clean_prompt(b"a cat") == "a cat"
    for bad in ["", "   ", "x" * 4001, "a\x00b", b"\xff\xfe", "a\x1bb", 42]:
        with pytest.raises(InputError):
            clean_prompt(bad)
    assert clean_prompt("line one\nline two\ttabbed") == "line one\nline two\ttabbed"


def test_resolve_model(kb):
    assert resolve_model(kb, None) is None
    assert resolve_model(kb, "Runway Gen-4") == "runway"
    assert resolve_model(kb, "VEO") == "veo"
    assert resolve_model(kb, "gen4") == "runway"
    with pytest.raises(UnknownModelError) as e:
        resolve_model(kb, "lumaa")
    assert e.value.suggestions[0] == "luma"
    assert len(e.value.known) == len(kb.models)


def test_parse_command():
    names = {"kling", "runway"}
    c = parse_command("/translate A woman walks --to kling --from runway")
    assert (c.name, c.text, c.options) == ("translate", "A woman walks",
                                           {"to": "kling", "from": "runway"})
    c = parse_command("translate A woman walks to:kling")
    assert c.options == {"to": "kling"} and c.text == "A woman walks"
    c = parse_command("A cat jumps on the table", model_names=names)
    assert (c.name, c.text, c.options) == ("critique", "A cat jumps on the table", {})
    c = parse_command("/critique A cat jumps on the table kling", model_names=names)
    assert c.options == {"model": "kling"} and c.text == "A cat jumps on the table"
    c = parse_command('critique "Slow dolly in: a woman walks"')
    assert c.text == "Slow dolly in: a woman walks" and c.options == {}
    assert parse_command("/help").name == "help"
    assert parse_command("/unknownthing foo").name == "critique"
