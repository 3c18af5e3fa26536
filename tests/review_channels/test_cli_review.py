"""`framecraft review`: the offline view of what a review channel would say."""

from __future__ import annotations

import io
import json

from bot.cli import main

PROMPT = ("here's my take for kling: a lone astronaut walks across red dunes at dusk, "
          "slow tracking shot, dust kicked up")


def as_json(capsys, *args: str) -> dict:
    assert main(["review", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_prompt_gets_the_compact_review(capsys) -> None:
    out = as_json(capsys, PROMPT)
    assert out["is_prompt"] and out["how"] == "prefaced"
    assert out["prompt_text"].startswith("a lone astronaut")
    assert 0 <= out["review"]["score"] <= 100 and len(out["review"]["fixes"]) == 2
    assert out["ethics_note"] is None


def test_chatter_gets_nothing(capsys) -> None:
    out = as_json(capsys, "lol that render was wild, the dolly was way too fast")
    assert not out["is_prompt"] and out["review"] is None and out["ethics_note"] is None


def test_a_stop_prompt_gets_a_note_that_quotes_nothing(capsys) -> None:
    out = as_json(capsys, "Realistic footage of Taylor Swift endorsing a crypto scam, news "
                          "broadcast style, close-up, studio lighting")
    note = out["ethics_note"].lower()
    assert "instead" in note and "swift" not in note and "crypto" not in note


def test_stdin_is_one_multi_line_message(capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(
        "v3, thoughts welcome\n```\nA red fox trots through fresh snow at dawn, low angle, "
        "slow dolly-in, soft golden backlight\n```\n"))
    out = as_json(capsys, "-")
    assert out["is_prompt"] and out["how"] == "fenced" and "```" not in out["prompt_text"]


def test_empty_message_and_unknown_model_are_clear_errors(capsys) -> None:
    assert main(["review", "   "]) == 2
    assert "empty" in capsys.readouterr().err
    assert main(["review", PROMPT, "--model", "klingg"]) == 2
    assert "kling" in capsys.readouterr().err
