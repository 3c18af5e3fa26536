"""The shot-list benchmark's blind check set (dev16) prints as an aggregate and never lists a
disagreement: nobody tunes on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks import sequence_quality
from bot.core.engine import Engine

_LIST: dict[str, Any] = {
    "id": "chk-01", "source": "written for this test", "split": "dev",
    "shots": [
        {"name": "one", "model": "sora", "prompt": "Wide shot. Mara, a tall woman in a red coat, "
         "walks along a quay at dawn. Teal and orange grade."},
        {"name": "two", "model": "sora", "prompt": "Close-up. Mara, in a blue coat, looks at "
         "the water at midnight. Black and white."},
    ],
    "findings": [{"kind": "gap", "anchor": "lens", "shots": [1, 2], "words": ["zorblat"],
                  "planted": True, "why": "a label no reader can match"}],
}


def _write(folder: Path, name: str, lists: list[dict[str, Any]]) -> None:
    (folder / name).write_text(yaml.safe_dump({"lists": lists}), encoding="utf-8")


def test_the_check_set_prints_as_an_aggregate_and_its_misses_are_never_listed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, "shot_lists.yaml", [{**_LIST, "id": "tun-01"}])
    _write(tmp_path, sequence_quality.CHECK16, [_LIST])
    monkeypatch.setattr(sequence_quality, "DATA", tmp_path)
    sequence_quality.shot_lists(Engine(), show_misses=True)
    out = capsys.readouterr().out
    assert "[dev16]" in out
    assert "tun-01: missed gap lens" in out  # a tuning block's miss is listed...
    assert "chk-01" not in out  # ...the check set's never is
    assert "dev16" not in sequence_quality.TUNING
    sequence_quality.shot_lists(Engine(), show_misses=True, splits=("dev",))
    assert "[dev16]" not in capsys.readouterr().out  # tuning runs do not print it
