"""The shape of the code: the core imports no front, no front imports another, and no package
has an import loop between its modules (import-linter contracts in pyproject.toml)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_import_contracts_are_declared():
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
    ids = {c["id"]: c for c in config["contracts"]}
    assert set(ids) == {"core-imports-no-front", "fronts-are-independent", "no-import-loops"}
    assert set(ids["core-imports-no-front"]["forbidden_modules"]) == {
        "bot.slack", "bot.discord", "bot.cli"}
    assert ids["no-import-loops"]["ancestors"] == ["bot"]


def test_lint_imports_keeps_every_contract():
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    r = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
                               "sys.exit(lint_imports(no_cache=True))"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert "0 broken" in r.stdout
