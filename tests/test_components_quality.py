"""benchmarks/components_quality.py: scoring by presence and span, and a broken file reported."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import components_quality  # noqa: E402
from components_quality import load_rows, main, score  # noqa: E402


@pytest.fixture(autouse=True)
def _no_blind_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's blind check sets stay out of these runs on tiny files; the test of the
    check block names its own."""
    monkeypatch.setattr(components_quality, "CHECK_FILES", {})

TINY = """
prompts:
  - id: t1
    prompt: "A panda playing guitar by a lake, low angle, golden hour"
    source: written for this test
    split: dev
    components: {subject: ["A panda"], camera: ["low angle"], lighting: ["golden hour"]}
  - id: t2
    prompt: "A red rose in the foreground, close-up"
    source: written for this test
    split: held_out
    components: {subject: ["A red rose"], shot: ["close-up"], camera: ["slow pan"]}
"""


def test_scores_presence_and_span(tmp_path: Path) -> None:
    path = tmp_path / "components.yaml"
    path.write_text(TINY, encoding="utf-8")
    rows = load_rows(path)
    dev, _ = score([r for r in rows if r.split == "dev"])
    assert (dev["camera"].tp, dev["camera"].fp, dev["camera"].fn) == (1, 0, 0)
    assert dev["shot"].fp == 0  # an angle is the camera's, not a shot size
    assert dev["lighting"].span_agreement() == 1.0
    held, misses = score([r for r in rows if r.split == "held_out"])
    assert held["camera"].fn == 1 and held["camera"].recall() == 0.0
    assert any(m.startswith("camera MISS t2") for m in misses)


def test_a_broken_file_is_named_with_its_row_and_field(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("prompts:\n  - id: x1\n    prompt: hi\n    split: test\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"row x1: split"):
        load_rows(path)
    assert main([str(path)]) == 2
    assert "row x1" in capsys.readouterr().err
    path.write_text("prompts:\n  - id: x2\n    prompt: hi\n    split: dev\n"
                    "    components: {camra: [hi]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown component"):
        load_rows(path)


DEV2 = """
prompts:
  - id: d1
    prompt: "A fox trots through snow, slow dolly-in"
    source: written for this test
    split: dev
    components: {subject: ["A fox"], camera: ["slow dolly-in"]}
"""


def test_the_second_tuning_set_prints_as_its_own_block(tmp_path: Path, capsys) -> None:
    main_file = tmp_path / "components.yaml"
    main_file.write_text(TINY, encoding="utf-8")
    dev2 = tmp_path / "components_dev2.yaml"
    dev2.write_text(DEV2, encoding="utf-8")
    assert main([str(main_file), "--dev2", str(dev2), "--dev3", str(tmp_path / "absent.yaml"),
                 "--dev4", str(tmp_path / "absent.yaml"),
                 "--dev5", str(tmp_path / "absent.yaml"),
                 "--dev6", str(tmp_path / "absent.yaml"),
                 "--dev7", str(tmp_path / "absent.yaml"), "--misses", "camera"]) == 0
    out = capsys.readouterr().out
    blocks = [line for line in out.splitlines() if line.endswith("prompts") and ":" in line]
    assert blocks[-3:] == ["dev: 1 prompts", "held_out: 1 prompts", "dev2: 1 prompts"]
    assert "dev2 disagreements (0)" in out
    assert "camera MISS t2" not in out  # held_out misses are never listed


def test_a_second_tuning_set_with_held_out_rows_is_refused(tmp_path: Path, capsys) -> None:
    main_file = tmp_path / "components.yaml"
    main_file.write_text(TINY, encoding="utf-8")
    dev2 = tmp_path / "components_dev2.yaml"
    dev2.write_text(DEV2.replace("split: dev", "split: held_out"), encoding="utf-8")
    assert main([str(main_file), "--dev2", str(dev2), "--dev4", str(tmp_path / "absent.yaml"),
                 "--dev5", str(tmp_path / "absent.yaml"),
                 "--dev6", str(tmp_path / "absent.yaml"),
                 "--dev7", str(tmp_path / "absent.yaml")]) == 2
    assert "must be split dev" in capsys.readouterr().err


def test_without_a_second_set_only_the_two_splits_print(tmp_path: Path, capsys) -> None:
    main_file = tmp_path / "components.yaml"
    main_file.write_text(TINY, encoding="utf-8")
    assert main([str(main_file), "--dev2", str(tmp_path / "absent.yaml"),
                 "--dev3", str(tmp_path / "absent.yaml"),
                 "--dev4", str(tmp_path / "absent.yaml"),
                 "--dev5", str(tmp_path / "absent.yaml"),
                 "--dev6", str(tmp_path / "absent.yaml"),
                 "--dev7", str(tmp_path / "absent.yaml")]) == 0
    out = capsys.readouterr().out
    assert "dev2" not in out and "dev3" not in out and "dev4" not in out and "dev5" not in out


def test_the_third_tuning_set_prints_after_the_second_and_lists_its_misses(
        tmp_path: Path, capsys) -> None:
    main_file = tmp_path / "components.yaml"
    main_file.write_text(TINY, encoding="utf-8")
    dev2 = tmp_path / "components_dev2.yaml"
    dev2.write_text(DEV2, encoding="utf-8")
    dev3 = tmp_path / "components_dev3.yaml"
    dev3.write_text(DEV2.replace("id: d1", "id: d3").replace("slow dolly-in", "slow pan left"),
                    encoding="utf-8")
    dev3.write_text(dev3.read_text(encoding="utf-8").replace(
        'camera: ["slow pan left"]', 'camera: ["slow pan left"], audio: ["birdsong"]'),
        encoding="utf-8")
    assert main([str(main_file), "--dev2", str(dev2), "--dev3", str(dev3),
                 "--dev4", str(tmp_path / "absent.yaml"),
                 "--dev5", str(tmp_path / "absent.yaml"),
                 "--dev6", str(tmp_path / "absent.yaml"),
                 "--dev7", str(tmp_path / "absent.yaml"), "--misses", "audio"]) == 0
    out = capsys.readouterr().out
    blocks = [line for line in out.splitlines() if line.endswith("prompts") and ":" in line]
    assert blocks[-2:] == ["dev2: 1 prompts", "dev3: 1 prompts"]
    assert "audio MISS d3" in out  # a tuning set's misses are listed


def test_a_third_tuning_set_with_held_out_rows_is_refused(tmp_path: Path, capsys) -> None:
    main_file = tmp_path / "components.yaml"
    main_file.write_text(TINY, encoding="utf-8")
    dev3 = tmp_path / "components_dev3.yaml"
    dev3.write_text(DEV2.replace("split: dev", "split: held_out"), encoding="utf-8")
    assert main([str(main_file), "--dev2", str(tmp_path / "absent.yaml"),
                 "--dev3", str(dev3), "--dev4", str(tmp_path / "absent.yaml"),
                 "--dev5", str(tmp_path / "absent.yaml"),
                 "--dev6", str(tmp_path / "absent.yaml"),
                 "--dev7", str(tmp_path / "absent.yaml")]) == 2
    assert "must be split dev" in capsys.readouterr().err


def test_the_fourth_tuning_set_prints_last_lists_its_misses_and_must_be_dev(
        tmp_path: Path, capsys) -> None:
    main_file = tmp_path / "components.yaml"
    main_file.write_text(TINY, encoding="utf-8")
    dev4 = tmp_path / "components_dev4.yaml"
    dev4.write_text(DEV2.replace("id: d1", "id: d4").replace(
        'camera: ["slow dolly-in"]', 'camera: ["slow dolly-in"], audio: ["birdsong"]'),
        encoding="utf-8")
    absent = str(tmp_path / "absent.yaml")
    assert main([str(main_file), "--dev2", absent, "--dev3", absent, "--dev4", str(dev4),
                 "--dev5", absent, "--dev6", absent, "--dev7", absent, "--misses", "audio"]) == 0
    out = capsys.readouterr().out
    blocks = [line for line in out.splitlines() if line.endswith("prompts") and ":" in line]
    assert blocks[-1] == "dev4: 1 prompts"
    assert "audio MISS d4" in out
    dev4.write_text(dev4.read_text(encoding="utf-8").replace("split: dev", "split: held_out"),
                    encoding="utf-8")
    assert main([str(main_file), "--dev2", absent, "--dev3", absent, "--dev4", str(dev4),
                 "--dev5", absent, "--dev6", absent, "--dev7", absent]) == 2
    assert "must be split dev" in capsys.readouterr().err


def test_the_fifth_tuning_set_prints_last_lists_its_misses_and_must_be_dev(
        tmp_path: Path, capsys) -> None:
    main_file = tmp_path / "components.yaml"
    main_file.write_text(TINY, encoding="utf-8")
    dev5 = tmp_path / "components_dev5.yaml"
    dev5.write_text(DEV2.replace("id: d1", "id: d5").replace(
        'camera: ["slow dolly-in"]', 'camera: ["slow dolly-in"], color: ["teal grade"]'),
        encoding="utf-8")
    dev4 = tmp_path / "components_dev4.yaml"
    dev4.write_text(DEV2.replace("id: d1", "id: d4"), encoding="utf-8")
    absent = str(tmp_path / "absent.yaml")
    assert main([str(main_file), "--dev2", absent, "--dev3", absent, "--dev4", str(dev4),
                 "--dev5", str(dev5), "--dev6", absent, "--dev7", absent, "--misses", "color"]) == 0
    out = capsys.readouterr().out
    blocks = [line for line in out.splitlines() if line.endswith("prompts") and ":" in line]
    assert blocks[-2:] == ["dev4: 1 prompts", "dev5: 1 prompts"]
    assert "color MISS d5" in out
    dev5.write_text(dev5.read_text(encoding="utf-8").replace("split: dev", "split: held_out"),
                    encoding="utf-8")
    assert main([str(main_file), "--dev2", absent, "--dev3", absent, "--dev4", absent,
                 "--dev5", str(dev5), "--dev6", absent, "--dev7", absent]) == 2
    assert "must be split dev" in capsys.readouterr().err


def test_the_sixth_tuning_set_prints_by_half_and_lists_only_the_first_halfs_misses(
        tmp_path: Path, capsys) -> None:
    common = _dev6_halves_fixture(tmp_path, [f"s{i}" for i in range(4)])
    assert main([*common, "--misses", "audio"]) == 0
    out = capsys.readouterr().out
    assert "dev6: 4 prompts" in out
    assert "audio MISS s0" in out and "audio MISS s2" in out
    assert "audio MISS s1" not in out and "audio MISS s3" not in out  # second half never listed
    assert main([*common, "--dev6-half", "1", "--only", "dev6"]) == 0
    out = capsys.readouterr().out
    assert "dev6 (half 1): 2 prompts" in out and "held_out: 1 prompts" not in out
    assert main([*common, "--dev6-half", "2", "--only", "dev6"]) == 0
    out = capsys.readouterr().out
    assert "dev6 (half 2): 2 prompts" in out and "MISS" not in out
    # the second half is the check: its disagreements are refused even when asked for
    assert main([*common, "--dev6-half", "2", "--only", "dev6", "--misses", "audio"]) == 2
    captured = capsys.readouterr()
    assert "dev6b" in captured.err and "MISS" not in captured.out


def _dev6_halves_fixture(tmp_path: Path,
                         ids: list[str] | None = None) -> list[str]:
    """Arguments for a run whose only tuning set is a dev6 of labelled audio misses, one row
    per id (six, h1 to h6, by default)."""
    main_file = tmp_path / "components.yaml"
    main_file.write_text(TINY, encoding="utf-8")
    rows = "".join(
        f"""
  - id: {row_id}
    prompt: "A fox trots through snow number {n}"
    source: written for this test
    split: dev
    components: {{subject: ["A fox"], audio: ["birdsong"]}}"""
        for n, row_id in enumerate(ids or [f"h{i}" for i in range(1, 7)]))
    dev6 = tmp_path / "components_dev6.yaml"
    dev6.write_text("prompts:" + rows + "\n", encoding="utf-8")
    absent = str(tmp_path / "absent.yaml")
    return [str(main_file), "--dev2", absent, "--dev3", absent, "--dev4", absent,
            "--dev5", absent, "--dev6", str(dev6), "--dev7", absent]


def test_dev6_halves_a_prints_the_odd_rows_and_lists_their_misses(tmp_path: Path, capsys) -> None:
    common = _dev6_halves_fixture(tmp_path)
    assert main([*common, "--dev6-halves", "a", "--only", "dev6", "--misses", "audio"]) == 0
    out = capsys.readouterr().out
    assert "dev6a: 3 prompts" in out and "dev6b" not in out
    assert all(f"audio MISS h{i}:" in out for i in (1, 3, 5))  # rows 1, 3, 5 of the file
    assert not any(f"audio MISS h{i}:" in out for i in (2, 4, 6))


def test_dev6_halves_both_prints_the_check_as_an_aggregate_only(tmp_path: Path, capsys) -> None:
    common = _dev6_halves_fixture(tmp_path)
    assert main([*common, "--dev6-halves", "both", "--misses", "audio"]) == 0
    out = capsys.readouterr().out
    assert "dev6a: 3 prompts" in out and "dev6b: 3 prompts" in out
    assert "dev6a disagreements (3)" in out and "dev6b disagreements" not in out
    assert not any(f"h{i}" in out for i in (2, 4, 6))  # no row of the check is shown
    assert main([*common, "--dev6-halves", "both", "--only", "dev6b"]) == 0
    out = capsys.readouterr().out
    assert "\ndev6b: 3 prompts" in out and "\ndev6a: 3 prompts" not in out  # block not printed
    assert main([*common, "--dev6-halves", "a", "--dev6-half", "1"]) == 2


def test_the_seventh_tuning_set_lists_only_its_first_halfs_misses_whole_or_halved(
        tmp_path: Path, capsys) -> None:
    """dev7 is halved as dev6: its even rows are the check, never listed, whether it prints
    whole or as dev7a and dev7b."""
    common = _dev6_halves_fixture(tmp_path, [f"s{i}" for i in range(4)])
    dev7 = tmp_path / "components_dev7.yaml"
    dev7.write_text((tmp_path / "components_dev6.yaml").read_text(encoding="utf-8")
                    .replace("id: s", "id: t"), encoding="utf-8")
    with_dev7 = [*common[:-1], str(dev7)]
    assert main([*with_dev7, "--only", "dev7", "--misses", "audio"]) == 0
    out = capsys.readouterr().out
    assert "dev7: 4 prompts" in out
    assert "audio MISS t0" in out and "audio MISS t2" in out
    assert "audio MISS t1" not in out and "audio MISS t3" not in out
    assert main([*with_dev7, "--dev7-halves", "both", "--only", "dev7", "--misses", "audio"]) == 0
    out = capsys.readouterr().out
    assert "dev7a: 2 prompts" in out and "dev7b: 2 prompts" in out
    assert "dev7b disagreements" not in out
    assert "audio MISS t0" in out and "audio MISS t1" not in out


def test_a_blind_check_prints_last_as_an_aggregate_and_never_lists_a_miss(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """A check set is read blind: its block prints, but no option lists its disagreements."""
    common = _dev6_halves_fixture(tmp_path)
    check = tmp_path / "components_dev8.yaml"
    check.write_text((tmp_path / "components_dev6.yaml").read_text(encoding="utf-8")
                     .replace("id: h", "id: c"), encoding="utf-8")
    monkeypatch.setattr(components_quality, "CHECK_FILES", {"dev8": check})
    assert main([*common, "--misses", "audio"]) == 0
    out = capsys.readouterr().out
    blocks = [line for line in out.splitlines() if line.endswith("prompts") and ":" in line]
    assert blocks[-1] == "dev8 (check): 6 prompts"  # its figures print, after every other
    assert "audio MISS h1" in out and "audio MISS c" not in out
    assert main([*common, "--only", "dev8"]) == 0
    out = capsys.readouterr().out
    assert "dev8 (check): 6 prompts" in out and "dev6: 6 prompts" not in out
    check.write_text(check.read_text(encoding="utf-8").replace("split: dev", "split: held_out"),
                     encoding="utf-8")
    assert main(common) == 2
    assert "must be split dev" in capsys.readouterr().err
