"""The output formats of `framecraft lint`: text (grouped by file), json, sarif (SARIF 2.1.0),
junit (JUnit XML) and github (workflow commands that annotate the diff)."""

from __future__ import annotations

import json
from collections import Counter
from xml.etree import ElementTree as ET

from rich.console import Console
from rich.markup import escape

from bot.core.house_rules.model import SEVERITY_RANK
from bot.core.lint.run import LintFinding, LintReport

FORMATS = ("text", "json", "sarif", "junit", "github")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_URI = "https://github.com/framecraft/framecraft"
_STYLE = {"error": "red", "warning": "yellow", "note": "cyan"}


def _summary(report: LintReport) -> str:
    counts = Counter(f.severity for f in report.findings)
    files = len({f.path for f in report.findings})
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "note")
             if counts[s]]
    if not report.findings:
        return f"No problems in {report.prompts} prompts ({len(report.files)} files)."
    n = len(report.findings)
    return (f"{n} problem{'s' if n != 1 else ''} ({', '.join(parts)}) in {files} of "
            f"{len(report.files)} files; {report.prompts} prompts checked.")


def render_text(report: LintReport, console: Console) -> None:
    by_file: dict[str, list[LintFinding]] = {}
    for f in report.findings:
        by_file.setdefault(f.path, []).append(f)
    for path, findings in by_file.items():
        console.print(f"[bold underline]{escape(path)}[/bold underline]")
        for f in sorted(findings, key=lambda x: (x.line, x.column, -SEVERITY_RANK[x.severity])):
            style = _STYLE[f.severity]
            word = f" [bold]{escape(repr(f.word))}[/bold]" if f.word and f.rule in (
                "ban", "prefer", "require") else ""
            fixable = " [dim](fixable)[/dim]" if f.fixable else ""
            console.print(f"  {f.line}:{f.column}  [{style}]{f.severity}[/{style}]  "
                          f"[magenta]{escape(f.rule)}[/magenta]{word}  {escape(f.reason)}{fixable}",
                          soft_wrap=True)
            if f.fix:
                console.print(f"      [dim]fix:[/dim] {escape(f.fix)}", soft_wrap=True)
        console.print()
    for err in report.errors:
        console.print(f"[red]error:[/red] {escape(err)}", soft_wrap=True)
    if report.sources:
        rules = ", ".join(f"{k} ({v})" for k, v in report.sources.items())
        console.print(f"[dim]Rules: {escape(rules)}[/dim]", soft_wrap=True)
    console.print(_summary(report))


def _finding_json(f: LintFinding) -> dict:
    return {"path": f.path, "line": f.line, "column": f.column, "end_line": f.end_line,
            "end_column": f.end_column, "rule": f.rule, "severity": f.severity,
            "reason": f.reason, "fix": f.fix, "word": f.word, "fixable": f.fixable}


def render_json(report: LintReport) -> str:
    counts = Counter(f.severity for f in report.findings)
    return json.dumps({
        "files": len(report.files), "prompts": report.prompts,
        "summary": {s: counts[s] for s in ("error", "warning", "note")},
        "rules": report.sources,
        "findings": [_finding_json(f) for f in report.findings],
        "errors": report.errors,
    }, ensure_ascii=False)  # compact: an indented dump of 30,000 findings takes seconds


def _rule_text(rule: str) -> str:
    kinds = {"require": "A component the house rules require is missing",
             "ban": "A word the house rules ban", "prefer": "The team's preferred term",
             "max_words": "Longer than the house limit", "min_score": "Critique score below "
             "the minimum", "ethics": "An ethics concern the house rules block",
             "model": "Unknown model", "invalid": "Not a usable prompt"}
    if rule.startswith("critique/"):
        return f"Critique anti-pattern: {rule.split('/', 1)[1].replace('-', ' ')}"
    return kinds.get(rule, rule)


def render_sarif(report: LintReport, version: str = "0.1.0") -> str:
    """SARIF 2.1.0: one run, one rule per rule id, one result per finding."""
    rule_ids = sorted({f.rule for f in report.findings})
    index = {r: i for i, r in enumerate(rule_ids)}
    levels: dict[str, str] = {}
    for f in report.findings:
        if SEVERITY_RANK[f.severity] > SEVERITY_RANK.get(levels.get(f.rule, "note"), 0):
            levels[f.rule] = f.severity
        levels.setdefault(f.rule, f.severity)
    rules = [{"id": r, "name": r.replace("/", "-").replace("_", "-"),
              "shortDescription": {"text": _rule_text(r)},
              "defaultConfiguration": {"level": levels[r]},
              "helpUri": f"{TOOL_URI}#house-rules-and-lint"} for r in rule_ids]
    results = []
    for f in report.findings:
        region: dict = {"startLine": f.line, "startColumn": f.column}
        if f.end_line is not None and f.end_column is not None:
            region |= {"endLine": f.end_line, "endColumn": f.end_column}
        word = f" ({f.word})" if f.word else ""
        results.append({
            "ruleId": f.rule, "ruleIndex": index[f.rule], "level": f.severity,
            "message": {"text": f"{f.reason}{word} Fix: {f.fix}".strip()},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                "region": region}}],
            "partialFingerprints": {"framecraftPrompt/v1": _fingerprint(f)},
        })
    notifications = [{"level": "error", "message": {"text": e}} for e in report.errors]
    run = {
        "tool": {"driver": {"name": "framecraft", "informationUri": TOOL_URI,
                            "version": version, "rules": rules}},
        "invocations": [{"executionSuccessful": not report.errors,
                         "toolExecutionNotifications": notifications}],
        "results": results,
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]},
                      ensure_ascii=False)


def _fingerprint(f: LintFinding) -> str:
    """Stable across line moves: the rule, the word and the prompt text, hashed."""
    import hashlib

    return hashlib.sha256(f"{f.rule}\0{f.word}\0{f.prompt}".encode()).hexdigest()[:32]


def render_junit(report: LintReport, fail_on: str) -> str:
    """One testsuite per file, one testcase per prompt; a prompt fails when it has a finding
    at or above --fail-on (the others are listed in system-out); unreadable files are errors."""
    bar = SEVERITY_RANK[fail_on]
    suites = ET.Element("testsuites", name="framecraft lint")
    totals: Counter[str] = Counter()
    for fr in report.files:
        suite = ET.SubElement(suites, "testsuite", name=fr.path)
        by_prompt: dict[tuple[int, str], list[LintFinding]] = {}
        for f in fr.findings:
            by_prompt.setdefault((f.prompt_line or f.line, f.prompt), []).append(f)
        tests = failures = errors = 0
        if fr.error:
            case = ET.SubElement(suite, "testcase", name="read file", classname=fr.path)
            ET.SubElement(case, "error", message=fr.error, type="file").text = fr.error
            tests, errors = 1, 1
        failing = {k: v for k, v in by_prompt.items()
                   if any(SEVERITY_RANK[f.severity] >= bar for f in v)}
        for (line, prompt), findings in sorted(by_prompt.items()):
            case = ET.SubElement(suite, "testcase", name=f"line {line}: {_head(prompt)}",
                                 classname=fr.path, file=fr.path, line=str(line))
            tests += 1
            body = "\n".join(f"{f.line}:{f.column} {f.severity} {f.rule}"
                             + (f" {f.word!r}" if f.word else "") + f": {f.reason} Fix: {f.fix}"
                             for f in findings)
            if (line, prompt) in failing:
                failures += 1
                worst = max(findings, key=lambda f: SEVERITY_RANK[f.severity])
                ET.SubElement(case, "failure", message=f"{worst.rule}: {worst.reason}",
                              type=worst.severity).text = body
            else:
                ET.SubElement(case, "system-out").text = body
        clean = fr.prompts - len(by_prompt)
        if clean > 0:
            ET.SubElement(suite, "testcase", name=f"{clean} prompts without problems",
                          classname=fr.path)
            tests += 1
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        suite.set("skipped", "0")
        totals.update(tests=tests, failures=failures, errors=errors)
    for k in ("tests", "failures", "errors"):
        suites.set(k, str(totals[k]))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True)


def _head(prompt: str, n: int = 60) -> str:
    one = " ".join(prompt.split())
    return one if len(one) <= n else one[:n - 1] + "…"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(report: LintReport) -> str:
    """GitHub Actions workflow commands: ::error / ::warning / ::notice with file and line."""
    level = {"error": "error", "warning": "warning", "note": "notice"}
    lines = []
    for f in report.findings:
        props = [f"file={_escape_prop(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line is not None and f.end_column is not None:
            props += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
        props.append(f"title={_escape_prop('framecraft ' + f.rule)}")
        word = f" ({f.word})" if f.word else ""
        lines.append(f"::{level[f.severity]} {','.join(props)}::"
                     f"{_escape_data(f'{f.reason}{word} Fix: {f.fix}')}")
    for e in report.errors:
        lines.append(f"::error title=framecraft lint::{_escape_data(e)}")
    return "\n".join(lines)
