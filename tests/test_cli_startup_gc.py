"""bot.cli.startup_without_gc: the entry point imports with the collector off, then freezes
what it imported and turns collection back on (issue 15: a third of a cold critique's CPU)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from bot.cli import main

REPO = Path(__file__).resolve().parents[1]

ENTRY = """
import gc, json, sys
from bot.cli import main
sys.argv = ["framecraft", "critique", "--json", "A cat jumps on the table"]
code = main()
print(json.dumps({"code": code, "enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""


def test_the_entry_point_freezes_its_imports_and_collects_again() -> None:
    out = subprocess.run([sys.executable, "-c", ENTRY], cwd=REPO, capture_output=True,
                         text=True, timeout=120, check=True).stdout.strip().splitlines()
    report = json.loads(out[-1])
    assert report["code"] == 0 and report["enabled"] is True
    assert report["frozen"] > 50_000, "the imported modules' objects were not frozen"


def test_main_called_with_arguments_leaves_the_collector_alone(capsys) -> None:
    frozen = gc.get_freeze_count()
    assert main(["critique", "--json", "A cat jumps on the table"]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen
