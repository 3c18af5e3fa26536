"""bot.core.cached_re: compiled regex programs kept across processes (issue 15).

The stored program must give the very same Pattern as `re.compile`; a second process must
use it instead of parsing; a damaged or foreign file must only cost a normal compile."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import cached_re

REPO = Path(__file__).resolve().parents[1]
PROMPTS = ["A cat jumps on the table",
           "Low angle tracking shot of a woman in a red coat walking through neon-lit Tokyo "
           "streets at night, rain, anamorphic lens, slow motion",
           "无人机航拍，镜头缓缓推进，夕阳下的古镇",
           "Una mujer camina lentamente por la playa al atardecer, plano general"]
TEXTS = [*PROMPTS, "The camera pans left as he runs quickly; golden hour, 35mm, teal and orange",
         "close-up of a dancer spinning gracefully, dolly zoom, backlit by candles"]

CRITIQUE_AND_REPORT = """
import json, sys
from bot.core import cached_re
from bot.core.engine import Engine
engine = Engine()
for prompt in json.loads(sys.argv[1]):
    engine.critique(prompt)
print(json.dumps({"recorded": len(cached_re._recorded), "stored": len(cached_re._programs or {})}))
"""


def run_critiques(cache_dir: Path, **env: str) -> dict[str, int]:
    """Critique the prompts in a new process using `cache_dir`; what it compiled itself."""
    out = subprocess.run(
        [sys.executable, "-c", CRITIQUE_AND_REPORT, json.dumps(PROMPTS)], cwd=REPO,
        env={**os.environ, "FRAMECRAFT_CACHE_DIR": str(cache_dir), **env},
        capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def stored_file(cache_dir: Path) -> Path:
    files = list(cache_dir.glob("regex-programs-*.marshal"))
    assert len(files) == 1, files
    return files[0]


def test_a_second_process_compiles_nothing_the_first_one_stored(tmp_path: Path) -> None:
    first = run_critiques(tmp_path)
    assert first["recorded"] > 100 and first["stored"] == 0
    size = stored_file(tmp_path).stat().st_size
    second = run_critiques(tmp_path)
    assert second["recorded"] == 0, "patterns built differently in each process"
    assert second["stored"] >= first["recorded"]
    assert stored_file(tmp_path).stat().st_size == size, "rewritten with nothing new"


def test_stored_programs_give_the_patterns_re_compile_gives(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    run_critiques(tmp_path)
    import marshal

    programs = marshal.loads(stored_file(tmp_path).read_bytes())["programs"]
    assert len(programs) > 100
    for (pattern, flags), program in programs.items():
        monkeypatch.setattr(cached_re, "_programs", {(pattern, flags): program})
        rebuilt = cached_re._stored((pattern, flags))
        assert rebuilt is not None
        standard = re.compile(pattern, flags)
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == \
            (standard.pattern, standard.flags, standard.groups, standard.groupindex)
        for text in TEXTS:
            for variant in (text, text.lower()):
                assert [m.span() for m in rebuilt.finditer(variant)] == \
                    [m.span() for m in standard.finditer(variant)], pattern[:80]


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", b"\x00" * 64])
def test_a_damaged_file_only_costs_a_normal_compile(tmp_path: Path, damage: bytes) -> None:
    run_critiques(tmp_path)
    path = stored_file(tmp_path)
    path.write_bytes(damage)
    assert run_critiques(tmp_path)["recorded"] > 100
    assert run_critiques(tmp_path)["recorded"] == 0, "the next run writes a good file again"


def test_a_program_sre_refuses_is_compiled_again(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("FRAMECRAFT_CACHE_DIR", str(tmp_path))
    key = (r"(?<![\w-])dolly (?:in|out)\b", 0)
    damaged = (0, cached_re.array("I", [99999, 1, 2]).tobytes(), 0, {}, (None,))
    monkeypatch.setattr(cached_re, "_programs", {key: damaged})
    monkeypatch.setattr(cached_re, "_facts", {})
    monkeypatch.setattr(cached_re, "_compiled", {})
    monkeypatch.setattr(cached_re, "_recorded", {})
    pattern = cached_re.compile(*key)
    assert pattern.search("a slow dolly in on her face").group() == "dolly in"
    assert key in cached_re._recorded


def test_turned_off_writes_nothing(tmp_path: Path) -> None:
    """Only the regex cache is turned off: the same directory also holds other caches (the
    Chinese gloss's parsed dictionary, written when a critique reads Chinese and there is no
    data directory), which are not this setting's."""
    assert run_critiques(tmp_path, FRAMECRAFT_REGEX_CACHE="0")["recorded"] > 0
    assert not list(tmp_path.glob("regex-programs-*"))


def test_an_invalid_pattern_raises_re_error() -> None:
    with pytest.raises(re.error):
        cached_re.compile("(unclosed")
    assert cached_re.error is re.error


def test_module_functions_match_re() -> None:
    text = "Pan left, then PAN right; tilt up."
    assert cached_re.findall(r"pan (\w+)", text, re.I) == re.findall(r"pan (\w+)", text, re.I)
    assert cached_re.sub(r"\btilt\b", "crane", text) == re.sub(r"\btilt\b", "crane", text)
    assert cached_re.split(r"[,;] ", text) == re.split(r"[,;] ", text)
    assert cached_re.fullmatch(r"\w+", "dolly") is not None


def test_longest_first_is_the_same_whatever_the_set_order() -> None:
    words = {"red", "tan", "red-brown", "blue", "navy", "ochre"}
    assert cached_re.longest_first(words) == ["red-brown", "ochre", "blue", "navy", "red", "tan"]
    assert cached_re.longest_first(reversed(sorted(words))) == cached_re.longest_first(words)


def test_facts_are_remembered_across_processes(tmp_path: Path) -> None:
    run_critiques(tmp_path)
    import marshal

    facts = marshal.loads(stored_file(tmp_path).read_bytes())["facts"]
    kinds = {kind.split(":")[0] for kind, _ in facts}
    assert {"factor", "trie", "first_chars"} <= kinds


def test_the_engine_compiles_through_cached_re() -> None:
    """A module of bot/core that imports `re` itself would compile its patterns on every cold
    start again; CONTRIBUTING says to import `cached_re as re`."""
    direct = [str(path.relative_to(REPO)) for path in sorted((REPO / "bot" / "core").rglob("*.py"))
              if path.name != "cached_re.py"
              and re.search(r"^\s*(import re\s*$|from re import (?!_))", path.read_text(), re.M)]
    assert direct == []


def test_no_prompt_text_reaches_the_cache_file(tmp_path: Path) -> None:
    """The file outlives the data directory's retention rules, so it must hold only patterns
    built from Framecraft's own lexicons and rules, never words from a member's prompt."""
    prompt = "A zqxjvw walks through the plorbfield at dusk, the camera tracks the zqxjvw"
    commands = [["critique", prompt], ["critique", "--rewrite", "full", prompt],
                ["translate", "--to", "kling", prompt], ["ethics", prompt]]
    env = {**os.environ, "FRAMECRAFT_CACHE_DIR": str(tmp_path),
           "FRAMECRAFT_DATA_DIR": str(tmp_path / "data")}
    for args in commands:
        subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=REPO, env=env,
                       capture_output=True, timeout=120, check=True)
    subprocess.run([sys.executable, "-m", "bot.cli", "sequence", "-"], cwd=REPO, env=env,
                   input=f"shot 1: {prompt}\nshot 2: the zqxjvw runs home\n".encode(),
                   capture_output=True, timeout=120, check=False)
    stored = stored_file(tmp_path).read_bytes().lower()
    assert b"zqxjvw" not in stored and b"plorb" not in stored


AGE_PROBE = """
import json, sys
from bot.core import cached_re
cached_re._today = lambda: int(sys.argv[1])
for pattern in json.loads(sys.argv[2]):
    cached_re.compile(pattern)
"""


def _compile_on(cache_dir: Path, day: int, patterns: list[str]) -> dict:
    subprocess.run([sys.executable, "-c", AGE_PROBE, str(day), json.dumps(patterns)], cwd=REPO,
                   env={**os.environ, "FRAMECRAFT_CACHE_DIR": str(cache_dir)},
                   capture_output=True, text=True, timeout=120, check=True)
    import marshal

    return marshal.loads(stored_file(cache_dir).read_bytes())  # type: ignore[no-any-return]


def test_entries_nobody_uses_age_out_and_used_ones_stay(tmp_path: Path) -> None:
    """A pattern set that changed (a lexicon edited) leaves the file: what no process used for
    MAX_AGE_DAYS is dropped at the next save, and a stored entry still in use is marked used
    again (one rewrite after REFRESH_DAYS) so it never ages out."""
    day = 20_000
    old, kept = r"\bobsolete lexicon (?:word|term)\b", r"\bstill (?:in|at) use\b"
    stored = _compile_on(tmp_path, day, [old, kept])
    assert {(old, 0), (kept, 0)} <= set(stored["programs"])
    later = day + cached_re.REFRESH_DAYS + 1
    stored = _compile_on(tmp_path, later, [kept])  # only used: the file is rewritten to say so
    assert stored["used_on"][(kept, 0)] == later and stored["used_on"][(old, 0)] == day
    stored = _compile_on(tmp_path, day + cached_re.MAX_AGE_DAYS + 1, [r"\bnew pattern\b"])
    assert (old, 0) not in stored["programs"] and (old, 0) not in stored["used_on"]
    assert {(kept, 0), (r"\bnew pattern\b", 0)} <= set(stored["programs"])
