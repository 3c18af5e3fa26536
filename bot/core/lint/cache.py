"""A results cache for `framecraft lint`, so a second run (pre-commit, CI re-runs, an editor)
only re-checks the files that changed.

One entry per file, keyed by a hash of the file's bytes, its name, the rules in force, the
model asked for and a fingerprint of the engine (the source of `bot/core` and the knowledge
files: any change there invalidates everything). Stored as JSON (never pickle: a cache found in
a repository must not be able to run code) in `.framecraft-cache/`, which ignores itself.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bot.core.lint.run import FileResult, LintFinding

CACHE_DIR = ".framecraft-cache"
CACHE_FILE = "lint-v1.json"
_ENGINE_ROOT = Path(__file__).resolve().parents[1]  # bot/core


def engine_fingerprint(knowledge_dir: Path | None) -> str:
    """Changes whenever the engine's code or knowledge files change (names, sizes, mtimes)."""
    h = hashlib.sha256()
    from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR

    roots = [_ENGINE_ROOT, Path(knowledge_dir or DEFAULT_KNOWLEDGE_DIR)]
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".py", ".yaml", ".yml", ".md")):
                    st = os.stat(os.path.join(dirpath, name))
                    h.update(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


class LintCache:
    def __init__(self, directory: Path, salt: str):
        self.path = directory / CACHE_DIR / CACHE_FILE
        self.salt = salt
        self._entries: dict[str, dict[str, Any]] = {}
        self._used: dict[str, dict[str, Any]] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("salt") == salt:
                self._entries = data.get("files", {})
        except (OSError, ValueError):
            pass

    def key(self, path: Path, display: str) -> str | None:
        try:
            content = path.read_bytes()
        except OSError:
            return None
        return hashlib.sha256(display.encode() + b"\0" + content).hexdigest()

    def get(self, key: str | None) -> FileResult | None:
        if key is None or key not in self._entries:
            return None
        raw = self._entries[key]
        self._used[key] = raw
        try:
            return FileResult(path=raw["path"], prompts=raw["prompts"],
                              findings=[LintFinding(**f) for f in raw["findings"]])
        except (KeyError, TypeError):
            return None

    def put(self, key: str | None, result: FileResult) -> None:
        if key is None or result.error:
            return
        self._used[key] = {"path": result.path, "prompts": result.prompts,
                           "findings": [asdict(f) for f in result.findings]}

    def save(self) -> None:
        """Keep the entries this run used or made (so the file does not grow without end)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Framecraft's lint cache\n*\n", encoding="utf-8")
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"salt": self.salt, "files": self._used},
                                      ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass  # a read-only checkout still lints; it just cannot remember


def salt_for(rules_json: str, model: str | None, max_chars: int,
             knowledge_dir: Path | None) -> str:
    return hashlib.sha256("\0".join([rules_json, model or "", str(max_chars),
                                     engine_fingerprint(knowledge_dir)]).encode()).hexdigest()
