"""The chart and scheduler libraries load only on the insights path, never for other commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_matplotlib_and_apscheduler_are_imported_lazily() -> None:
    code = ("import sys; import bot.core.insights, bot.core.engine; from bot.cli import "
            "build_parser; build_parser(); "
            "print(sorted(m for m in ('matplotlib', 'apscheduler') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120, check=True)
    assert out.stdout.strip() == "[]"
