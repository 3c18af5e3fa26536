"""The multilingual components benchmark's blind held-out block ("fresh").

The fresh set is judged, never tuned on: the benchmark prints its aggregates per language but
never lists its disagreements, and refuses a file with a row that is not split held_out. These
tests use small files of their own, not the real set's rows.
"""

from pathlib import Path

import pytest
import yaml

from benchmarks.components_multilingual import main
from tests.test_components_dev2_valid import COMPONENTS, DATA
from tests.test_components_dev2_valid import _rows as _set_rows

ROWS = [
    {"id": "t-1", "prompt": "一只猫慢慢地走过房间", "lang": "zh", "source": "test",
     "split": "held_out", "components": {"subject": ["一只猫"], "motion": ["慢慢地"]}},
    {"id": "t-2", "prompt": "一辆红色的车停在街上", "lang": "zh", "source": "test",
     "split": "held_out", "components": {"subject": ["一辆红色的车"], "motion": ["停在街上"]}},
]


def _write(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / "fresh.yaml"
    path.write_text(yaml.safe_dump({"prompts": rows}, allow_unicode=True), encoding="utf-8")
    return path


def test_fresh_block_prints_aggregates_but_never_its_disagreements(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fresh = _write(tmp_path, ROWS)
    assert main(["--fresh", str(fresh), "--lang", "zh", "--misses", "all",
                 "--no-latency"]) == 0
    out = capsys.readouterr().out
    assert "zh fresh: 2 prompts" in out
    assert "zh dev disagreements" in out  # the tuning sets' misses are still listed
    assert "fresh disagreements" not in out
    assert "停在街上" not in out


def test_fresh_set_with_a_dev_row_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fresh = _write(tmp_path, [ROWS[0], {**ROWS[1], "split": "dev"}])
    assert main(["--fresh", str(fresh), "--no-latency"]) == 2
    assert "must be split held_out" in capsys.readouterr().err


def test_the_real_fresh_set_is_held_out_sourced_locatable_and_large_enough() -> None:
    """Structure only (the rows are held out): split, source, language, spans, size, and
    written rows at most half of a language, as its brief asked."""
    rows = _set_rows("components_multilingual_fresh.yaml")
    ids = [str(row["id"]) for row in rows]
    assert len(ids) == len(set(ids))
    others = {str(row["id"]) for path in DATA.glob("components*.yaml")
              if path.name != "components_multilingual_fresh.yaml"
              for row in _set_rows(path.name)}
    assert not set(ids) & others
    for lang in ("zh", "es", "ja"):
        in_lang = [row for row in rows if row.get("lang") == lang]
        assert len(in_lang) >= 40, lang
        assert sum(bool(row.get("derived")) for row in in_lang) <= len(in_lang) / 2, lang
    for row in rows:
        assert row.get("split") == "held_out", row["id"]
        assert str(row.get("source", "")).strip(), row["id"]
        components = row.get("components") or {}
        assert isinstance(components, dict)
        assert set(components) <= COMPONENTS, row["id"]
        for labels in components.values():
            for label in [labels] if isinstance(labels, str) else labels or []:
                assert str(label) in str(row["prompt"]), row["id"]


@pytest.mark.parametrize("name", ["dev6", "dev7"])
def test_halved_sets_alternate_per_language_and_only_the_tuned_half_is_listed(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each row is labelled audio on a word no reader hears, so every row is a disagreement;
    only the tuned half's (rows 1 and 3) may be listed."""
    halved = tmp_path / f"{name}.yaml"
    words = ["zorblat", "quenvik", "draumel", "trisquon"]  # in no real set
    rows = [{"id": f"d-{n}", "prompt": f"Un {word} en la playa", "lang": "es", "source": "test",
             "split": "dev", "components": {"audio": [word]}} for n, word in enumerate(words)]
    halved.write_text(yaml.safe_dump({"prompts": rows}, allow_unicode=True), encoding="utf-8")
    empty = _write(tmp_path, [])
    others = [arg for other in ("dev6", "dev7") if other != name
              for arg in (f"--{other}", str(tmp_path / "absent.yaml"))]
    assert main([f"--{name}", str(halved), f"--{name}-halves", "both", "--fresh", str(empty),
                 *others, "--lang", "es", "--misses", "all", "--no-latency"]) == 0
    out = capsys.readouterr().out
    assert f"es {name}: 4 prompts" in out
    assert f"es {name}a: 2 prompts" in out and f"es {name}b: 2 prompts" in out
    assert f"es {name}a disagreements" in out
    assert f"es {name}b disagreements" not in out and f"es {name} disagreements" not in out
    assert "zorblat" in out and "draumel" in out
    assert "quenvik" not in out and "trisquon" not in out
