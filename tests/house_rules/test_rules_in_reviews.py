"""House rules in every review: the engine attaches the "House rules" part once, the CLI's
`critique` reads framecraft.toml, and the score never changes because of the rules."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.core.house_rules.review import rules_from_files

RULES = """[rules]
require = ["camera", { component = "lighting", severity = "warning" }]
ban = [{ word = "epic", reason = "say what makes it epic" },
       { word = "4K", reason = "set resolution in the tool", replace = "" }]
prefer = [{ use = "teal-and-orange grade", instead_of = ["cinematic colour", "cinematic color"] }]
negative = "blurry, extra fingers"
"""
PROMPT = "An epic fox runs through snow at dusk, cinematic colour, 4K"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "framecraft.toml").write_text(RULES, encoding="utf-8")
    sub = tmp_path / "shots"
    sub.mkdir()
    monkeypatch.chdir(sub)  # the rules file is found in a parent directory
    return tmp_path


def test_engine_critique_follows_the_rules_and_keeps_the_score(engine, repo):
    rules = rules_from_files()
    plain = engine.critique(PROMPT, "kling", with_retrieval=False)
    ruled = engine.critique(PROMPT, "kling", with_retrieval=False, rules=rules)
    assert plain.house_rules is None and "house_rules" not in plain.to_public_json()
    assert ruled.score == plain.score
    report = ruled.house_rules
    assert report is not None and not report.passed
    broken = {(f.rule, f.word) for f in report.findings}
    assert {("ban", "epic"), ("ban", "4K"), ("require", "camera"),
            ("prefer", "cinematic colour")} <= broken
    # The rewrite follows the rules: no banned word, the preferred term.
    assert "epic" not in ruled.rewrite.lower() and "4k" not in ruled.rewrite.lower()
    assert "cinematic colour" not in ruled.rewrite.lower()
    assert ruled.to_public_json()["house_rules"]["sources"]["ban"].endswith("framecraft.toml")


def test_compact_review_carries_the_house_rules_lines(engine, repo):
    review = engine.compact_review(PROMPT, "kling", rules_from_files())
    assert review.house_rules[0].startswith("House rules: FAIL")
    assert any("epic" in line for line in review.house_rules[1:])
    assert engine.compact_review(PROMPT, "kling").house_rules == []


def test_cli_critique_json_gains_house_rules_only_with_a_rules_file(capsys, repo, tmp_path,
                                                                    monkeypatch):
    assert main(["critique", PROMPT, "--model", "kling", "--json", "--no-similar"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["house_rules"]["passed"] is False
    assert {f["word"] for f in out["house_rules"]["findings"]} >= {"epic", "4K"}
    assert out["house_rules"]["negative_prompt"].startswith("blurry, extra fingers")
    score = out["score"]

    elsewhere = tmp_path.parent / f"{tmp_path.name}-norules"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["critique", PROMPT, "--model", "kling", "--json", "--no-similar"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "house_rules" not in out and out["score"] == score


def test_cli_critique_text_prints_the_house_rules_part(capsys, repo):
    assert main(["critique", PROMPT, "--model", "kling", "--no-similar"]) == 0
    text = capsys.readouterr().out
    assert "House rules: FAIL" in text
    assert "say what makes it epic" in text and "teal-and-orange grade" in text


def test_cli_critique_bad_rules_file_is_a_clear_error(capsys, tmp_path, monkeypatch):
    (tmp_path / "framecraft.toml").write_text('[rules]\nban = [{ wrod = "epic" }]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["critique", PROMPT, "--json"]) != 0
    err = capsys.readouterr().err
    assert "framecraft.toml:2: ban[0].wrod: unknown key" in err and "Traceback" not in err
