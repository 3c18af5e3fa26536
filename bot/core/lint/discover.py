"""Which files `framecraft lint` reads: the paths given, directories walked recursively,
skipping what `.gitignore` files ignore (git's own rules, via the `pathspec` library), `.git`
itself, and any `--exclude` patterns.

A file named on the command line is always read (as git does with an explicit path); walked
files must have a suffix lint understands.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.lint.extract import SUFFIXES

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

ALWAYS_SKIPPED = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".tox",
                  ".mypy_cache", ".ruff_cache", ".pytest_cache"}


class PathError(Exception):
    """A path given on the command line does not exist."""


def _spec(lines: list[str]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec  # imported on first use: most runs read no .gitignore

    return GitIgnoreSpec.from_lines(lines)


def _load_ignore(directory: Path) -> GitIgnoreSpec | None:
    f = directory / ".gitignore"
    if not f.is_file():
        return None
    try:
        return _spec(f.read_text(encoding="utf-8", errors="replace").splitlines())
    except Exception:  # noqa: BLE001 - a broken .gitignore is skipped, as git would mostly do
        return None


def _repo_root(start: Path) -> Path | None:
    for d in (start, *start.parents):
        if (d / ".git").exists():
            return d
    return None


def _inherited(start: Path) -> list[tuple[Path, GitIgnoreSpec]]:
    """The .gitignore files between the repository root and `start` (exclusive)."""
    root = _repo_root(start)
    if root is None:
        return []
    chain = [root, *reversed([p for p in start.parents if p != root and root in p.parents])]
    out: list[tuple[Path, GitIgnoreSpec]] = []
    for d in chain:
        if d == start:
            continue
        spec = _load_ignore(d)
        if spec is not None:
            out.append((d, spec))
    return out


def _ignored(path: Path, is_dir: bool, specs: list[tuple[Path, GitIgnoreSpec]]) -> bool:
    """Git semantics: the deepest .gitignore that has an opinion wins (negations included)."""
    verdict = False
    for base, spec in specs:
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if is_dir:
            rel += "/"
        result = spec.check_file(rel)
        if result.include is not None:
            verdict = bool(result.include)
    return verdict


def walk(directory: Path, exclude: GitIgnoreSpec | None = None) -> Iterator[Path]:
    """Files under `directory` that lint understands, sorted, honouring .gitignore files."""
    directory = directory.resolve()
    specs = _inherited(directory)
    yield from _walk(directory, specs, exclude, directory)


def _walk(directory: Path, specs: list[tuple[Path, GitIgnoreSpec]], exclude: GitIgnoreSpec | None,
          top: Path) -> Iterator[Path]:
    own = _load_ignore(directory)
    specs = [*specs, (directory, own)] if own is not None else specs
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        is_dir = entry.is_dir(follow_symlinks=False)
        if is_dir and entry.name in ALWAYS_SKIPPED:
            continue
        if _ignored(path, is_dir, specs):
            continue
        if exclude is not None:
            rel = path.relative_to(top).as_posix() + ("/" if is_dir else "")
            if exclude.match_file(rel):
                continue
        if is_dir:
            yield from _walk(path, specs, exclude, top)
        elif entry.is_file() and path.suffix.lower() in SUFFIXES:
            yield path


def collect(paths: list[str], exclude_patterns: list[str] | None = None) -> list[Path]:
    """Every file to lint, in a stable order, each once. Raises PathError for a missing path
    or a named file lint cannot read prompts from (a .py file is not one prompt a line)."""
    exclude = _spec(exclude_patterns) if exclude_patterns else None
    seen: set[Path] = set()
    out: list[Path] = []
    for raw in paths or ["."]:
        p = Path(raw)
        if not p.exists():
            raise PathError(f"{raw}: no such file or directory")
        if p.is_file() and p.suffix.lower() not in SUFFIXES:
            raise PathError(f"{raw}: not a prompt file (lint reads "
                            f"{', '.join(sorted(SUFFIXES))})")
        found = walk(p, exclude) if p.is_dir() else [p]
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
