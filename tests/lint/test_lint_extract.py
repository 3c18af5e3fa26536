"""Where lint finds prompts: every format, each prompt at its own line and column, and the
directory walk honouring .gitignore (nested files and negations) and --exclude."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.lint.discover import PathError, collect
from bot.core.lint.extract import ExtractError, extract
from bot.core.storage.library_io import ExportedPrompt, ExportedVersion, Library, dump


def _found(path: Path, text: str) -> list[tuple[str, int, int]]:
    path.write_text(text, encoding="utf-8")
    prompts = extract(path, text)
    for p in prompts:  # the reported position really is where the prompt starts
        line = text.splitlines()[p.line - 1]
        assert line[p.column - 1:].startswith(p.text.splitlines()[0][:10]) or not p.verbatim
    return [(p.text, p.line, p.column) for p in prompts]


def test_txt_one_prompt_a_line(tmp_path: Path) -> None:
    text = "# storyboard\n\nA fox runs\n   An owl glides at dusk  \n"
    assert _found(tmp_path / "a.txt", text) == [("A fox runs", 3, 1), ("An owl glides at dusk", 4, 4)]


def test_markdown_fenced_prompt_blocks_only(tmp_path: Path) -> None:
    text = ("# Board\n\nIntro text, not a prompt.\n\n```prompt\nA cat jumps on the table,\nslow "
            "dolly-in\n```\n\n```python\nprint('no')\n```\n\n~~~~ prompt extra\n\n  A boat\n~~~~\n")
    assert _found(tmp_path / "a.md", text) == [
        ("A cat jumps on the table,\nslow dolly-in", 6, 1), ("A boat", 16, 3)]


def test_yaml_prompt_fields_with_model_and_negative(tmp_path: Path) -> None:
    text = ("shots:\n  - name: hero\n    model: kling\n    prompt: A fox runs, no people\n"
            "    negative_prompt: blur\n  - prompt: |\n      Close-up of a dancer\n"
            "  - prompt: \"An owl \\u00e9 glides\"\n")
    found = extract(tmp_path / "a.yaml", text)
    assert [(p.text, p.line, p.column, p.model) for p in found] == [
        ("A fox runs, no people", 4, 13, "kling"), ("Close-up of a dancer", 7, 7, None),
        ("An owl é glides", 8, 14, None)]
    assert found[0].negative == "blur" and found[0].verbatim
    assert found[1].verbatim and not found[2].verbatim  # escaped: positions, but no fix in place


def test_json_prompt_fields(tmp_path: Path) -> None:
    data = {"shots": [{"prompt": "A fox runs"}, {"nested": {"prompt": "An owl glides"}}]}
    text = json.dumps(data, indent=2)
    got = _found(tmp_path / "a.json", text)
    assert got == [("A fox runs", 4, 18), ("An owl glides", 8, 20)]


def test_framecraft_export_lints_the_newest_version_only(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    lib = Library(team="t", exported_at=now, prompts=[ExportedPrompt(name="hero", versions=[
        ExportedVersion(version=1, prompt="An old take", author="a", created_at=now),
        ExportedVersion(version=2, prompt="The newest take", author="a", created_at=now)])])
    for fmt in ("json", "yaml"):
        text = dump(lib, fmt)
        found = extract(tmp_path / f"lib.{fmt}", text)
        assert [p.text for p in found] == ["The newest take"]
        assert found[0].extra == {"name": "hero", "version": 2}
        assert text.splitlines()[found[0].line - 1].strip().endswith(("The newest take",
                                                                       '"The newest take",'))


def test_prompt_file_is_one_prompt(tmp_path: Path) -> None:
    assert _found(tmp_path / "a.prompt", "\n\n  A fox\nruns fast\n") == [("A fox\nruns fast", 3, 3)]


def test_broken_files_name_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"a\.yaml:2: not valid YAML"):
        extract(tmp_path / "a.yaml", "a: 1\n b: 2\n")
    with pytest.raises(ExtractError, match=r"a\.json:1: not valid JSON"):
        extract(tmp_path / "a.json", '{"prompt": "x",}')


def test_walk_honours_gitignore_and_exclude(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n*.log.txt\n", encoding="utf-8")
    for rel in ("a.txt", "notes.md", "b.log.txt", "build/x.txt", "sub/c.prompt", "sub/keep.txt",
                "sub/drop.txt", "sub/deep/d.yaml", "code.py", "node_modules/m.txt", "vendor/v.txt"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("A fox\n", encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("*.txt\n!keep.txt\n", encoding="utf-8")
    names = sorted(p.relative_to(tmp_path).as_posix() for p in collect([str(tmp_path)],
                                                                         ["vendor/"]))
    assert names == ["a.txt", "notes.md", "sub/c.prompt", "sub/deep/d.yaml", "sub/keep.txt"]
    # Walking from a subdirectory still applies the parents' .gitignore files.
    sub = sorted(p.name for p in collect([str(tmp_path / "sub")]))
    assert sub == ["c.prompt", "d.yaml", "keep.txt"]
    # A file named on the command line is read even if ignored (as git does).
    assert [p.name for p in collect([str(tmp_path / "build" / "x.txt")])] == ["x.txt"]
    with pytest.raises(PathError, match="no such file"):
        collect([str(tmp_path / "missing")])
    with pytest.raises(PathError, match="not a prompt file"):
        collect([str(tmp_path / "code.py")])
