"""benchmarks/ethics_external.py: the halved tuning sets, so a check half stays unread."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import ethics_external  # noqa: E402
from ethics_external import HALVED_SETS, load_rows  # noqa: E402

TINY = """
cases:
""" + "".join(f"""  - id: x{i}
    prompt: "prompt number {i}"
    verdict: {"stop" if i < 4 else "ok"}
    category: {"fraud_impersonation" if i < 4 else "none"}
    language: {"en" if i % 3 else "zh"}
    split: dev
""" for i in range(8))


def test_halves_alternate_within_a_language_and_cover_every_row(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(TINY, encoding="utf-8")
    english = [r.id for r in load_rows("dev", path, "en")]
    first = [r.id for r in load_rows("dev", path, "en", half=1)]
    second = [r.id for r in load_rows("dev", path, "en", half=2)]
    assert first == english[0::2] and second == english[1::2]
    assert sorted(first + second) == sorted(english)
    assert not set(first) & set(second)


@pytest.mark.parametrize("stem", ["dev14", "dev14n", "dev15"])
def test_the_session_27_sets_are_halved_and_hide_their_second_half(
        stem: str, capsys: pytest.CaptureFixture[str]) -> None:
    entry = next(e for e in HALVED_SETS if e[0] == stem)
    assert entry[4] is True, "--misses must hide the check half unless asked"
    with pytest.raises(SystemExit) as help_exit:
        ethics_external.main(["--help"])
    assert help_exit.value.code == 0
    help_text = capsys.readouterr().out
    assert f"--{stem}-half" in help_text and f"--{stem}-second-half-misses" in help_text
    with pytest.raises(SystemExit) as bad_half:
        ethics_external.main([f"--{stem}-half", "3"])
    assert bad_half.value.code == 2


def test_the_session_27_sets_are_printed_when_present(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    english, native = tmp_path / "e.yaml", tmp_path / "n.yaml"
    english.write_text(TINY, encoding="utf-8")
    native.write_text(TINY, encoding="utf-8")
    stand_in = {ethics_external.DEV14_FILE: english, ethics_external.DEV14_NATIVE_FILE: native}
    absent = tmp_path / "absent.yaml"
    monkeypatch.setattr(ethics_external, "LATER_TUNING_SETS", tuple(
        (name, stand_in.get(path, absent), langs)
        for name, path, langs in ethics_external.LATER_TUNING_SETS))
    titles = [s[0] for s in ethics_external.evaluation_sets(absent)]
    assert "dev14 en" in titles
    assert {f"dev14-native {lang}" for lang in ("zh", "es", "ja")} <= set(titles)
    assert "dev15 en" not in titles  # a set whose file is absent is not printed


def test_the_session_27_sets_validate_against_the_row_schema() -> None:
    """A writer's typo in a verdict or split would otherwise drop rows silently."""
    files = [ethics_external.DEV14_FILE, ethics_external.DEV14_NATIVE_FILE,
             ethics_external.DEV15_FILE, ethics_external.DEV16_FILE,
             ethics_external.DEV17_FILE, ethics_external.DEV18_FILE]
    for path in (p for p in files if p.is_file()):
        rows = [r for split in ("dev", "held_out") for r in load_rows(split, path)]
        cases = ethics_external.yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert len(rows) == len(cases), path.name
        assert len({r.id for r in rows}) == len(rows), f"{path.name}: ids repeat"


LATER_TUNING_SETS_NOW = ethics_external.LATER_TUNING_SETS


def test_a_check_set_never_lists_a_miss_and_a_halved_set_hides_its_second_half(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # dev15 was session 27's check; from session 29 it is a tuning set read in halves, its
    # second half the check (hidden from --misses like dev14's), so no whole file is a check.
    assert ethics_external.DEV15_FILE not in ethics_external.CHECK_FILES
    # dev16 (written blind in session 29, a check in sessions 29-30) is a tuning set read in
    # halves from session 31, like dev15
    assert ethics_external.DEV16_FILE not in ethics_external.CHECK_FILES
    assert ("dev16", ethics_external.DEV16_FILE, "dev16", None, True) in HALVED_SETS
    assert ("dev16", ethics_external.DEV16_FILE, ("en",)) in LATER_TUNING_SETS_NOW
    # dev17 (written blind in session 30) is a second English check, read the same way
    assert ethics_external.DEV17_FILE in ethics_external.CHECK_FILES
    assert ("dev17 (check)", ethics_external.DEV17_FILE, ("en",)) in LATER_TUNING_SETS_NOW
    # dev18 (written blind in session 31) is a third, read the same way
    assert ethics_external.DEV18_FILE in ethics_external.CHECK_FILES
    assert ("dev18 (check)", ethics_external.DEV18_FILE, ("en",)) in LATER_TUNING_SETS_NOW
    assert ("dev15", ethics_external.DEV15_FILE, "dev15", None, True) in HALVED_SETS
    check, halved = tmp_path / "check.yaml", tmp_path / "halved.yaml"
    check.write_text(TINY, encoding="utf-8")
    halved.write_text(TINY, encoding="utf-8")
    monkeypatch.setattr(ethics_external, "CHECK_FILES", frozenset({check}))
    rows = load_rows("dev", check, "en")
    assert ethics_external.unlisted_ids(rows, check, "dev", "en", None, set()) == {
        r.id for r in rows}
    first = load_rows("dev", halved, "en", half=1)
    second = {r.id for r in load_rows("dev", halved, "en", half=2)}
    assert ethics_external.unlisted_ids(first, halved, "dev", "en", None, {halved}) == second
    assert ethics_external.unlisted_ids(first, halved, "dev", "en", None, set()) == set()
