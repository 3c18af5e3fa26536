"""The stack test's figures, printed at the end of the run so the closing note can quote them
(answers, duplicates, recovery times, ack and end-to-end p95)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "slack"))  # slack_mock's signing
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stack_figures import FIGURES  # noqa: E402


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if FIGURES:
        terminalreporter.write_sep("-", "stack figures (tests/integration/test_stack.py)")
        for key, value in FIGURES.items():
            terminalreporter.write_line(f"{key}: {json.dumps(value)}")
