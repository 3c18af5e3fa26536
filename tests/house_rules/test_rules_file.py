"""The rules file: the issue's TOML form parses as written, every error names the key and the
line, and the nearest `framecraft.toml` (or pyproject's `[tool.framecraft.rules]`) is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.house_rules import (
    RulesError,
    find_rules_file,
    for_chat,
    for_cli,
    load_rules_file,
    parse_rules,
)
from bot.core.house_rules.model import HouseRules

CONTRACT = (Path(__file__).resolve().parents[1] / "data" / "framecraft-rules-issue18.toml"
            ).read_text(encoding="utf-8").split("\n", 1)[1]  # without its comment line


def test_the_issue_form_parses_as_written() -> None:
    rules = parse_rules(CONTRACT)
    assert [(r.component.value, r.severity) for r in rules.require] == [
        ("camera", "error"), ("lighting", "warning")]
    assert [(b.word, b.reason, b.replace) for b in rules.ban] == [
        ("epic", "say what makes it epic", None), ("4K", "set resolution in the tool", "")]
    assert rules.prefer[0].use == "teal-and-orange grade"
    assert rules.prefer[0].instead_of == ("cinematic colour", "cinematic color")
    assert (rules.model, rules.negative, rules.max_words, rules.min_score, rules.ethics) == (
        "kling", "blurry, extra fingers", 120, 60, "caution")


@pytest.mark.parametrize(("text", "line", "key", "words"), [
    (CONTRACT.replace('"lighting"', '"lightning"'), 2, "require[1].component", "camera"),
    (CONTRACT.replace('replace = ""', 'replace = "", colour = 1'), 3, "ban[1].colour",
     "unknown key"),
    (CONTRACT.replace("max_words = 120", "max_words = 0"), 7, "max_words", "greater than"),
    (CONTRACT.replace('ethics = "caution"', 'ethics = "maybe"'), 9, "ethics", "'stop'"),
    (CONTRACT.replace("min_score = 60", "min_score = 101"), 8, "min_score", "100"),
    (CONTRACT.replace("model =", "model = ="), 5, "", "not valid TOML"),
    (CONTRACT.replace("ban = [{ word", "ban = [\n  { word").replace(
        '}, { word = "4K"', '},\n  { wrd = "4K"'), 5, "ban[1].wrd", "unknown key"),
    ('[rules]\nban = [{ word = "epic", pattern = "ep.c" }]\n', 2, "ban[0]", "exactly one"),
    ('[rules]\nban = [{ pattern = "(unclosed" }]\n', 2, "ban[0].pattern", "regular expression"),
    ('[rules]\nmin_score = 10\n\n[[rules.ban]]\nword = "epic"\n\n[[rules.ban]]\nword = "x"\n'
     'reason = 3\n', 9, "ban[1].reason", "string"),
    ('[rules]\nrequire = ["camera",\n  "shot",\n  "sound"]\n', 4, "require[2].component",
     "lighting"),
    ("[rules]\nmin_score = 10\n\n[other]\nx = 1\n", 4, "other", "outside [rules]"),
    ("[rulez]\nmin_score = 10\n", 1, "rules", "no [rules] table"),
    ("[rules]\nmax-words = 3\n", 2, "max-words", "unknown key"),
])
def test_errors_name_the_key_and_the_line(text: str, line: int, key: str, words: str) -> None:
    with pytest.raises(RulesError) as err:
        parse_rules(text)
    assert err.value.line == line, str(err.value)
    assert err.value.key == key
    assert words in str(err.value)
    assert f"line {line}" in str(err.value)


def test_a_file_error_starts_with_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "framecraft.toml"
    f.write_text(CONTRACT.replace("min_score = 60", "min_score = -1"), encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_rules_file(f)
    assert str(err.value).startswith(f"{f}:8: min_score:")


def test_pyproject_table_and_its_lines(tmp_path: Path) -> None:
    py = tmp_path / "pyproject.toml"
    py.write_text('[project]\nname = "x"\n\n[tool.framecraft.rules]\nmin_score = 70\n'
                  'ban = [{ word = "epic" }]\n', encoding="utf-8")
    rules = load_rules_file(py)
    assert rules.min_score == 70 and rules.ban[0].word == "epic"
    py.write_text('[project]\nname = "x"\n\n[tool.framecraft.rules]\nmin_score = 70\n'
                  'ban = [{ word = "" }]\n', encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_rules_file(py)
    assert err.value.line == 6 and err.value.key == "ban[0].word"


def test_the_nearest_rules_file_is_found_upward(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_rules_file(deep) is None
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_rules_file(deep) is None  # a pyproject without the table is passed over
    (tmp_path / "pyproject.toml").write_text("[tool.framecraft.rules]\nmin_score = 1\n",
                                             encoding="utf-8")
    assert find_rules_file(deep) == (tmp_path / "pyproject.toml").resolve()
    (tmp_path / "a" / "framecraft.toml").write_text("[rules]\n", encoding="utf-8")
    assert find_rules_file(deep) == (tmp_path / "a" / "framecraft.toml").resolve()
    (tmp_path / "a" / "b" / "pyproject.toml").write_text("[tool.framecraft.rules]\n",
                                                         encoding="utf-8")
    (tmp_path / "a" / "b" / "framecraft.toml").write_text("[rules]\n", encoding="utf-8")
    assert find_rules_file(deep).name == "framecraft.toml"  # framecraft.toml wins in one dir


def test_layers_channel_over_workspace_over_defaults() -> None:
    ws = HouseRules.model_validate({"min_score": 60, "ban": [{"word": "epic"}], "model": "veo"})
    ch = HouseRules.model_validate({"min_score": 75, "negative": "blur"})
    merged = for_chat(ws, ch)
    assert merged.rules.min_score == 75 and merged.rules.model == "veo"
    assert merged.rules.ban[0].word == "epic" and merged.rules.negative == "blur"
    assert merged.sources == {"ban": "workspace", "model": "workspace", "negative": "channel",
                              "min_score": "channel"}
    assert for_chat(None, None).empty and for_chat(None, None).sources == {}
    cli = for_cli(ws, "framecraft.toml")
    assert cli.sources["min_score"] == "framecraft.toml"
