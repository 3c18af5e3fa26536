"""`framecraft lint` without the printing: files in, findings with positions out.

Each prompt is checked against the built-in critique (its score against the minimum, its
anti-patterns) and the house rules in force. The critique is deterministic, so results are
cached by (prompt, model) within a run; big runs are spread over worker processes (fork), each
with the knowledge base already loaded.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.house_rules.evaluate import Finding, evaluate, sort_findings
from bot.core.house_rules.fixes import apply_safe_fixes
from bot.core.house_rules.layers import Layer, RulesInForce, merge
from bot.core.house_rules.model import SEVERITY_RANK, HouseRules
from bot.core.knowledge import KnowledgeBase, ModelProfile
from bot.core.lint.extract import ExtractError, FoundPrompt, encode_for, extract, read_text
from bot.core.validation import InputError, UnknownModelError, clean_prompt, resolve_model

if TYPE_CHECKING:
    from bot.core.critique.results import AntiPatternHit, ComponentScore
    from bot.core.ethics import EthicsRules
    from bot.core.lint.cache import LintCache

DEFAULT_MIN_SCORE = 50
"""Without a rules file or --min-score, a prompt scoring under 50 (the critique's
"Underspecified: the model will guess") is an error."""
PARALLEL_FROM = 1500
"""Prompts in a run from which worker processes pay for their start-up."""


@dataclass
class LintFinding:
    path: str
    line: int
    column: int
    rule: str
    severity: str
    reason: str
    fix: str
    word: str | None = None
    fixable: bool = False
    prompt: str = ""
    end_line: int | None = None
    end_column: int | None = None
    prompt_line: int = 0
    """The line where the prompt itself starts (findings inside it may be on later lines)."""


@dataclass
class FileResult:
    path: str
    prompts: int = 0
    findings: list[LintFinding] = field(default_factory=list)
    error: str | None = None
    original: str | None = None
    fixed: str | None = None
    """The file's text after --fix (None when nothing changed)."""
    applied: list[str] = field(default_factory=list)


@dataclass
class LintReport:
    files: list[FileResult]
    sources: dict[str, str]

    @property
    def findings(self) -> list[LintFinding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[str]:
        return [r.error for r in self.files if r.error]

    @property
    def prompts(self) -> int:
        return sum(r.prompts for r in self.files)

    def worst(self) -> int:
        return max((SEVERITY_RANK[f.severity] for f in self.findings), default=0)


def lint_rules(file_rules: HouseRules | None, file_name: str | None,
               min_score: int | None) -> RulesInForce:
    """Lint's layers: its default minimum score, the rules file, then --min-score."""
    layers = [Layer(name="lint default", rules=HouseRules(min_score=DEFAULT_MIN_SCORE))]
    if file_rules is not None:
        layers.append(Layer(name=file_name or "rules file", rules=file_rules))
    if min_score is not None:
        layers.append(Layer(name="--min-score", rules=HouseRules(min_score=min_score)))
    return merge(layers)


def _span_of(prompt: str, text: str) -> tuple[int | None, int | None]:
    """Where an anti-pattern's words are in the prompt (its first part), if they are."""
    first = text.split(", ")[0].split(" / ")[0].strip()
    if not first:
        return None, None
    i = prompt.lower().find(first.lower())
    return (i, i + len(first)) if i >= 0 else (None, None)


@dataclass
class QuickCritique:
    """What lint reads from a critique (score, components, anti-patterns), without the rewrite
    and suggestions it does not show. A test keeps the score equal to the full critique's."""

    score: int
    components: list[ComponentScore]
    anti_patterns: list[AntiPatternHit]


def quick_critique(prompt: str, model: ModelProfile | None) -> QuickCritique:
    """The critique's score and findings by the pipeline's own functions, minus the rewrite."""
    from bot.core.critique.analysis import analyze
    from bot.core.critique.antipatterns import find_anti_patterns
    from bot.core.critique.pipeline import score_components

    analysis = analyze(prompt)
    rows = score_components(analysis, model)
    hits = find_anti_patterns(analysis, model)
    earned = sum(r.score for r in rows)
    possible = sum(r.max_score for r in rows)
    # The same formula as bot.core.critique.pipeline.critique (tests/lint compares them).
    score = max(0, min(100, round(100 * earned / possible) - sum(h.penalty for h in hits)))
    return QuickCritique(score=score, components=rows, anti_patterns=hits)


class Linter:
    """Checks prompts; one per run (it caches by prompt text and model)."""

    def __init__(self, kb: KnowledgeBase, rules_in_force: RulesInForce, model: str | None = None,
                 max_chars: int = 4000, ethics_rules: EthicsRules | None = None) -> None:
        self.kb = kb
        self.ethics_rules = ethics_rules
        """bot.core.ethics.EthicsRules, needed only when the rules set `ethics`."""
        self.rif = rules_in_force
        self.model = model
        self.max_chars = max_chars
        self._cache: dict[tuple[str, str | None], list[Finding]] = {}
        self._models: dict[str | None, str | None] = {}
        """Model names resolved to profile ids (resolving builds a table of every alias)."""

    def model_for(self, found: FoundPrompt) -> tuple[str | None, Finding | None]:
        """--model, else the prompt's own `model` field, else the rules' model."""
        name = self.model or found.model or self.rif.rules.model
        if name in self._models:
            return self._models[name], None
        try:
            self._models[name] = resolve_model(self.kb, name)
            return self._models[name], None
        except UnknownModelError as e:
            if self.model is None and found.model:
                return None, Finding(rule="model", severity="warning", word=found.model,
                                     reason=f"Unknown model {found.model!r}; checked without "
                                            "a model.", fix=str(e))
            raise

    def check(self, text: str, model_id: str | None) -> list[Finding]:
        key = (text, model_id)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._check(text, model_id)
        return hit

    def _check(self, text: str, model_id: str | None) -> list[Finding]:
        try:
            clean = clean_prompt(text, self.max_chars)
        except InputError as e:
            return [Finding(rule="invalid", severity="error", reason=str(e),
                            fix="Make it a plain-text prompt within the length limit.")]
        model = self.kb.models.get(model_id) if model_id else None
        result = quick_critique(clean, model)
        ethics = None
        if self.rif.rules.ethics is not None:
            from bot.core.ethics import cached_rules, review_ethics

            ethics = review_ethics(clean, self.ethics_rules or cached_rules()).to_public_json()
        out = evaluate(clean, result, self.rif, ethics)
        for hit in result.anti_patterns:
            start, end = _span_of(clean, hit.text)
            movable = hit.id == "negation" and model is not None and model.negative_prompt
            out.append(Finding(rule=f"critique/{hit.id}",
                               severity="warning" if hit.penalty else "note",
                               reason=hit.why, fix=hit.fix, word=hit.text, start=start, end=end,
                               fixable=bool(movable)))
        return sort_findings(out)

    # ---- one file ---------------------------------------------------------------------------
    def lint_file(self, path: Path, display: str, fix: bool = False) -> FileResult:
        result = FileResult(path=display)
        try:
            text = read_text(path)
            prompts = extract(path, text, display)
        except ExtractError as e:
            result.error = str(e)
            return result
        result.prompts = len(prompts)
        result.original = text
        edits: list[tuple[int, int, str]] = []
        for found in prompts:
            try:
                model_id, note = self.model_for(found)
            except UnknownModelError as e:
                result.error = f"{display}: {e}"
                return result
            findings = list(self.check(found.text, model_id))
            if note is not None:
                findings.insert(0, note)
            if found.negative_slot is None or not found.verbatim:
                # Nowhere to write a negative prompt (or not editable in place): not fixable here.
                findings = [f.model_copy(update={"fixable": False})
                            if f.fixable and (f.rule == "critique/negation" or not found.verbatim)
                            else f for f in findings]
            result.findings += [self._place(found, f, text) for f in findings]
            if fix and any(f.fixable for f in findings):
                edits += self._fix_edits(found, model_id, result)
        if edits:
            result.fixed = _apply_edits(text, edits)
        return result

    def _place(self, found: FoundPrompt, f: Finding, text: str) -> LintFinding:
        line, col = found.position(f.start or 0, text) if f.start is not None else \
            (found.line, found.column)
        end_line = end_col = None
        if f.start is not None and f.end is not None and found.verbatim:
            end_line, end_col = found.position(f.end, text)
        return LintFinding(path=found.path, line=line, column=col, rule=f.rule,
                           severity=f.severity, reason=f.reason, fix=f.fix, word=f.word,
                           fixable=f.fixable, prompt=found.text, end_line=end_line,
                           end_column=end_col, prompt_line=found.line)

    def _fix_edits(self, found: FoundPrompt, model_id: str | None,
                   result: FileResult) -> list[tuple[int, int, str]]:
        if not found.verbatim:
            result.applied.append(f"{found.path}:{found.line}: not fixed in place (the prompt "
                                  "is escaped or folded in the file)")
            return []
        model = self.kb.models.get(model_id) if model_id else None
        # Where no negative prompt can be written, negations stay in the prompt.
        can_move = found.negative_slot is not None
        fixed = apply_safe_fixes(found.text, self.rif.rules, model if can_move else None,
                                 found.negative)
        if not fixed.changed:
            return []
        edits = [(found.offset, found.offset + len(found.text), encode_for(found, fixed.prompt))]
        if can_move and fixed.negative and fixed.negative != found.negative:
            import json

            slot = found.negative_slot
            assert slot is not None
            value = json.dumps(fixed.negative, ensure_ascii=False)
            edits.append((slot.start, slot.end, slot.text.replace("{value}", value)))
        result.applied += [f"{found.path}:{found.line}: {a}" for a in fixed.applied]
        return edits


def _apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + new + text[end:]
    return text


def display_path(path: Path) -> str:
    """A path relative to the working directory when it is under it (SARIF wants that)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# ---- the run ----------------------------------------------------------------------------------

_WORKER: Linter | None = None


def _work(args: tuple[str, str, bool]) -> FileResult:
    assert _WORKER is not None
    return _WORKER.lint_file(Path(args[0]), args[1], args[2])


def lint_paths(linter: Linter, files: list[Path], fix: bool = False, jobs: int | None = None,
               progress: Callable[[int, int], None] | None = None,
               cache: LintCache | None = None) -> LintReport:
    """Lint every file; with many prompts, in `jobs` worker processes (default: the CPUs).

    `cache` (a bot.core.lint.cache.LintCache) answers for unchanged files; --fix bypasses it."""
    todo = [(str(f), display_path(f), fix) for f in files]
    results: dict[int, FileResult] = {}
    keys: dict[int, str | None] = {}
    if cache is not None and not fix:
        for i, (raw, display, _fix) in enumerate(todo):
            keys[i] = cache.key(Path(raw), display)
            hit = cache.get(keys[i])
            if hit is not None:
                results[i] = hit
    pending = [i for i in range(len(todo)) if i not in results]
    jobs = jobs or (os.cpu_count() or 1)
    if jobs > 1 and len(pending) > 1 and _worth_parallel([files[i] for i in pending]) \
            and _can_fork():
        done = _parallel(linter, [todo[i] for i in pending], jobs, progress)
        results.update(zip(pending, done, strict=True))
    else:
        for n, i in enumerate(pending, start=1):
            results[i] = linter.lint_file(Path(todo[i][0]), todo[i][1], todo[i][2])
            if progress:
                progress(n, len(pending))
    if cache is not None and not fix:
        for i in pending:
            cache.put(keys.get(i), results[i])
        cache.save()
    return LintReport(files=[results[i] for i in range(len(todo))],
                      sources=dict(linter.rif.sources))


def _worth_parallel(files: list[Path]) -> bool:
    """Rough prompt count from file sizes (about 250 bytes a prompt) against PARALLEL_FROM."""
    total = 0
    for f in files:
        try:
            total += f.stat().st_size
        except OSError:
            continue
    return total // 250 >= PARALLEL_FROM


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _parallel(linter: Linter, todo: list[tuple[str, str, bool]], jobs: int,
              progress: Callable[[int, int], None] | None) -> list[FileResult]:
    import multiprocessing

    global _WORKER
    _WORKER = linter  # inherited by the forked workers: no reloading of the knowledge base
    ctx = multiprocessing.get_context("fork")
    chunk = max(1, min(64, len(todo) // (jobs * 8) or 1))
    results: list[FileResult] = []
    try:
        with ctx.Pool(jobs) as pool:
            for i, r in enumerate(pool.imap(_work, todo, chunksize=chunk), start=1):
                results.append(r)
                if progress:
                    progress(i, len(todo))
    finally:
        _WORKER = None
    return results
