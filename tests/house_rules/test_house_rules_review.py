"""House rules against real critiques: each broken rule found with its word and fix, the score
left alone, pass/fail on their own, the rewrite following the rules, and the safe fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component
from bot.core.critique.pipeline import critique
from bot.core.house_rules import apply_safe_fixes, follow_rules, for_cli, parse_rules
from bot.core.house_rules import review as house
from bot.core.house_rules.fixes import banned_in, prefers_used
from bot.core.knowledge import KnowledgeBase

CONTRACT_FILE = Path(__file__).resolve().parents[1] / "data" / "framecraft-rules-issue18.toml"
RULES = parse_rules(CONTRACT_FILE.read_text(encoding="utf-8"))
IN_FORCE = for_cli(RULES, "framecraft.toml")


def test_each_broken_rule_is_a_finding_with_word_reason_and_fix(engine) -> None:
    prompt = "An epic car chase in 4K, cinematic colour, no people"
    c = engine.critique(prompt, house.target_model(None, IN_FORCE), with_retrieval=False,
                        with_llm=False)
    assert c.model == "kling"  # the rules' default model
    report = house.check(c, IN_FORCE, engine.kb)
    by_rule = {(f.rule, f.word): f for f in report.findings}
    assert by_rule[("ban", "epic")].reason == "say what makes it epic"
    assert prompt[by_rule[("ban", "epic")].start:by_rule[("ban", "epic")].end] == "epic"
    assert by_rule[("ban", "4K")].fix == "Delete '4K'." and by_rule[("ban", "4K")].fixable
    assert by_rule[("require", "camera")].severity == "error"
    assert by_rule[("require", "lighting")].severity == "warning"
    assert "teal-and-orange grade" in by_rule[("prefer", "cinematic colour")].fix
    assert by_rule[("min_score", str(c.score))].severity == "error"
    assert not report.passed
    assert report.negative_prompt == "blurry, extra fingers, people"
    assert report.sources["ban"] == "framecraft.toml"


def test_the_score_is_unchanged_and_a_good_prompt_passes(engine) -> None:
    good = ("Wide shot, slow dolly-in: a red fox trots through fresh snow at dawn, soft "
            "golden-hour backlight, teal-and-orange grade, shallow depth of field, real-time pace")
    c = engine.critique(good, "kling", with_retrieval=False, with_llm=False)
    before = c.score
    report = house.apply(c, IN_FORCE, engine.kb)
    assert c.score == before
    assert report.passed, report.findings
    lines = house.summary_lines(report)
    assert lines[0].startswith("House rules: pass")
    bad = engine.critique("An epic fox", "kling", with_retrieval=False, with_llm=False)
    score = bad.score
    report = house.apply(bad, IN_FORCE, engine.kb)
    assert bad.score == score and not report.passed
    assert house.summary_lines(report, limit=2)[0].startswith("House rules: FAIL")
    assert len(house.summary_lines(report, limit=2)) <= 5


def test_house_rules_key_is_added_only_when_rules_are_in_force(engine) -> None:
    c = engine.critique("A fox runs", with_retrieval=False, with_llm=False)
    plain = c.to_public_json()
    none = house.check(c, for_cli(None), engine.kb)
    assert house.add_to_public_json(dict(plain), none) == plain  # no rules: JSON unchanged
    out = house.add_to_public_json(dict(plain), house.check(c, IN_FORCE, engine.kb))
    data = json.loads(json.dumps(out))
    assert set(data["house_rules"]) == {"passed", "findings", "sources", "negative_prompt",
                                        "rewrite"}
    assert {f["rule"] for f in data["house_rules"]["findings"]} >= {"require", "min_score"}
    assert data["score"] == plain["score"]


def test_ethics_blocks_from_the_level_the_rules_set(engine) -> None:
    prompt = "Deepfake video of Taylor Swift endorsing a crypto scam, photorealistic"
    c = engine.critique(prompt, with_retrieval=False, with_llm=False)
    verdicts = {x["severity"] for x in c.ethics["concerns"]}
    assert verdicts & {"caution", "stop"}, c.ethics
    report = house.check(c, IN_FORCE, engine.kb)
    assert any(f.rule == "ethics" and f.severity == "error" for f in report.findings)
    lenient = for_cli(RULES.model_copy(update={"ethics": None}))
    assert not any(f.rule == "ethics" for f in house.check(c, lenient, engine.kb).findings)


def test_the_rewrite_never_uses_a_banned_word_and_uses_preferred_terms(kb: KnowledgeBase
                                                                        ) -> None:
    # Words the offline rewrite itself likes to add, banned or renamed by a team.
    rules = parse_rules("""[rules]
require = ["lighting", "camera", "color"]
ban = [{ word = "golden-hour" }, { word = "slow", replace = "unhurried" }, { word = "cinematic" },
       { pattern = "\\\\b\\\\d+mm\\\\b", reason = "no lens numbers" }]
prefer = [{ use = "teal-and-orange grade", instead_of = "teal and orange grade" },
          { use = "neon-noir", instead_of = ["moody neo-noir", "neo-noir"] }]
""")
    in_force = for_cli(rules)
    prompts = [e.prompt for e in kb.gallery.values()] + [
        "A car races down a desert highway", "A woman walks through a rainy city at night",
        "Cinematic forest scene with birds", "A cat jumps on the table", "Epic 50mm shot"]
    rewritten = 0
    for p in prompts:
        c = critique(p, kb)
        text = house.rewrite_with_rules(c, in_force, kb)
        assert banned_in(text, rules) == [], (p, text)
        assert prefers_used(text, rules), (p, text)
        a = analyze(text)
        for comp in (Component.LIGHTING, Component.CAMERA):
            assert a.has(comp), (comp, p, text)
        rewritten += text != c.rewrite
    assert rewritten >= 5  # the rules really changed rewrites, not a no-op


def test_a_required_component_the_critique_would_not_ask_for_is_added(kb: KnowledgeBase
                                                                       ) -> None:
    prompt = "A perfume bottle rotates on a marble table"  # short: lens is not "missing"
    c = critique(prompt, kb)
    assert Component.LENS not in c.missing and not analyze(c.rewrite).has(Component.LENS)
    text = house.rewrite_with_rules(c, for_cli(parse_rules('[rules]\nrequire = ["lens"]\n')), kb)
    assert analyze(text).has(Component.LENS), text


def test_follow_rules_fixes_articles_and_dangling_prepositions() -> None:
    rules = parse_rules('[rules]\nban = [{ word = "epic" }, { word = "4K", replace = "" }]\n')
    assert follow_rules("An epic battle in 4K, at dusk", rules) == "A battle, at dusk"
    assert follow_rules("a epic owl", rules) == "an owl"


@pytest.mark.parametrize(("model", "moved"), [("kling", True), ("runway", False)])
def test_safe_fixes_move_negations_only_for_models_with_a_negative_prompt(
        kb: KnowledgeBase, model: str, moved: bool) -> None:
    fixed = apply_safe_fixes("A lighthouse at dusk in 4K, no people, no boats", RULES,
                             kb.models[model])
    assert "4K" not in fixed.prompt and "deleted '4K'" in fixed.applied
    if moved:
        assert "no people" not in fixed.prompt and "no boats" not in fixed.prompt
        assert fixed.negative == "blurry, extra fingers, people, boats"
    else:
        assert "no people" in fixed.prompt and fixed.negative is None
    unbanned = apply_safe_fixes("An epic lighthouse", RULES, kb.models[model])
    assert unbanned.prompt == "An epic lighthouse"  # no replacement given: not a safe fix


def test_cli_rules_come_from_the_nearest_file(tmp_path, monkeypatch) -> None:
    from bot.core.house_rules import RulesError

    monkeypatch.chdir(tmp_path)
    assert house.rules_from_files().empty
    (tmp_path / "framecraft.toml").write_text('[rules]\nmodel = "veo"\n', encoding="utf-8")
    sub = tmp_path / "shots"
    sub.mkdir()
    monkeypatch.chdir(sub)
    found = house.rules_from_files()
    assert found.rules.model == "veo" and found.sources == {"model": str(tmp_path /
                                                                         "framecraft.toml")}
    with pytest.raises(RulesError, match="no such rules file"):
        house.rules_from_files("nope.toml")


def test_negatives_merge_each_item_once_case_insensitively_in_first_seen_order() -> None:
    from bot.core.house_rules.fixes import merge_negative
    assert merge_negative("blur, Text", "text, watermark", None, "") == "blur, Text, watermark"
    assert merge_negative(None, " , ") is None
