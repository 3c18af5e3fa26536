"""The stack test's figures, filled by test_stack.py and printed by conftest.py at the end."""

from __future__ import annotations

from typing import Any

FIGURES: dict[str, Any] = {}
