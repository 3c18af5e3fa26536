"""The Spanish gloss generator (scripts/gen_spanish_gloss.py) for the tests that run it: its
own requirement check decides the skip, so a test never runs where the generator would refuse
(Debian's apertium-eng-spa brings lt-proc but not lt-print, which is in lttoolbox-dev)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gen_spanish_gloss.py"
_spec = importlib.util.spec_from_file_location("gen_spanish_gloss", SCRIPT)
assert _spec is not None and _spec.loader is not None
generator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generator)

APERTIUM: Path = generator.APERTIUM_DIR
_MISSING = generator.missing_requirements(APERTIUM)
needs_apertium = pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")
