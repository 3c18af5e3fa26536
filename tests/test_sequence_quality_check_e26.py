"""The shot-list benchmark's blind check set (dev16) prints as an aggregate and never lists a
disagreement of its check half. Session 29 tunes on its first half (dev16a: lists 1, 3, 5, ...);
its second half (dev16b: lists 2, 4, 6, ...) stays the check, hidden from --misses unless
--dev16-second-half-misses."""

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
    # dev16's lists 1 and 3 are its tuned-on half (dev16a), list 2 its check half (dev16b)
    _write(tmp_path, sequence_quality.CHECK16, [{**_LIST, "id": "t16-01"}, _LIST,
                                                {**_LIST, "id": "t16-03"}])
    monkeypatch.setattr(sequence_quality, "DATA", tmp_path)
    sequence_quality.shot_lists(Engine(), show_misses=True)
    out = capsys.readouterr().out
    assert "[dev16]" in out
    assert "tun-01: missed gap lens" in out  # a tuning block's miss is listed...
    assert "t16-01: missed gap lens" in out  # ...and so is the tuned-on half's...
    assert "chk-01" not in out  # ...the check half's never is
    assert "  per anchor" not in out.split("[dev16]")[1]  # the whole holds the check: aggregate
    sequence_quality.shot_lists(Engine(), show_misses=True, splits=("dev",))
    assert "[dev16]" not in capsys.readouterr().out  # tuning runs do not print it...
    sequence_quality.shot_lists(Engine(), show_misses=True, splits=("dev",), dev16=True)
    out = capsys.readouterr().out
    assert "[dev16]" in out and "chk-01" not in out  # ...unless --dev16 asks, still hidden


def test_dev16_in_halves_tunes_on_the_odd_lists_and_keeps_the_even_ones_the_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, "shot_lists.yaml", [{**_LIST, "id": "tun-01"}])
    _write(tmp_path, sequence_quality.CHECK16, [{**_LIST, "id": f"t16-{n:02d}"}
                                                for n in range(1, 5)])
    monkeypatch.setattr(sequence_quality, "DATA", tmp_path)
    sequence_quality.shot_lists(Engine(), show_misses=True, splits=("dev",),
                                halves={"dev16": "a"})
    out = capsys.readouterr().out
    assert "[dev16a]" in out and "[dev16]" not in out and "[dev16b]" not in out
    assert "t16-01: missed" in out and "t16-03: missed" in out
    assert "t16-02" not in out and "t16-04" not in out
    assert "  per anchor" in out.split("[dev16a]")[1]  # the tuned-on half is read in full
    sequence_quality.shot_lists(Engine(), show_misses=True, halves={"dev16": "both"})
    out = capsys.readouterr().out
    for block in ("[dev16]", "[dev16a]", "[dev16b]"):
        assert block in out
    assert "drift precision" in out.split("[dev16b]")[1]
    assert "  per anchor" not in out.split("[dev16b]")[1]  # the check: aggregates only
    assert "t16-02" not in out and "t16-04" not in out
    sequence_quality.shot_lists(Engine(), show_misses=True, splits=("dev",),
                                halves={"dev16": "both"},
                                second_half_misses=frozenset({"dev16"}))
    assert "t16-02: missed" in capsys.readouterr().out  # only when its flag asks


def test_the_dev16_flags_are_in_the_command_line(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.argv", ["sequence_quality.py", "--help"])
    with pytest.raises(SystemExit):
        sequence_quality.main()
    out = " ".join(capsys.readouterr().out.split())
    assert "--dev16-halves {a,both}" in out and "--dev16-second-half-misses" in out
    assert "--dev16 " in out


@pytest.mark.parametrize(("name", "file_name"), [
    ("dev17", sequence_quality.CHECK17),  # session 29
    ("dev18", sequence_quality.CHECK18),  # session 30
])
def test_a_blind_check_set_is_an_aggregate_never_listed(
        name: str, file_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, "shot_lists.yaml", [{**_LIST, "id": "tun-01"}])
    _write(tmp_path, file_name, [{**_LIST, "id": "chk-01"}])
    monkeypatch.setattr(sequence_quality, "DATA", tmp_path)
    sequence_quality.shot_lists(Engine(), show_misses=True)
    out = capsys.readouterr().out
    assert f"[{name}]" in out and "tun-01: missed gap lens" in out
    assert "chk-01" not in out  # its disagreements are never listed
    assert "gap   precision" in out.split(f"[{name}]")[1]
    assert "  per anchor" not in out.split(f"[{name}]")[1]
    sequence_quality.shot_lists(Engine(), show_misses=True, splits=("dev",))
    assert f"[{name}]" not in capsys.readouterr().out  # tuning runs do not read it...
    sequence_quality.shot_lists(Engine(), show_misses=True, splits=("dev",), **{name: True})
    out = capsys.readouterr().out
    assert f"[{name}]" in out and "chk-01" not in out  # ...unless --<name> asks, still hidden
