"""The pre-commit hook, run by pre-commit itself (`pre-commit try-repo` on this repository's
.pre-commit-hooks.yaml) in a temporary git repository: good prompts pass, bad ones fail with
file, line and rule. Offline: the hook is `language: system`, the installed `framecraft`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "tests" / "data" / "framecraft-rules-issue18.toml"
GOOD = ("Wide shot, slow dolly-in: a red fox trots slowly from left to right through fresh snow "
        "at dawn, soft golden-hour "
        "backlight, teal-and-orange grade, shallow depth of field, real-time pace")


def test_the_manifest_declares_an_offline_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "framecraft-lint")
    assert hook["language"] in ("system", "python") and hook["entry"] == "framecraft lint"


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "studio"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    shutil.copy(RULES, repo / "framecraft.toml")
    (repo / "hero.prompt").write_text(GOOD + "\n", encoding="utf-8")
    (repo / "board.md").write_text(f"# Board\n\n```prompt\n{GOOD}\n```\n", encoding="utf-8")
    return repo


def _env(tmp_path: Path) -> dict[str, str]:
    venv_bin = str(Path(sys.executable).parent)  # where the installed `framecraft` lives
    if not shutil.which("framecraft", path=venv_bin):
        pytest.fail(f"no framecraft script in {venv_bin}: install the package (pip install -e .)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRE_COMMIT")}
    env.update(PATH=f"{venv_bin}{os.pathsep}{env.get('PATH', '')}",
               PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PYTHONPATH=str(ROOT),
               GIT_CONFIG_GLOBAL=str(tmp_path / "gitconfig"), HOME=str(tmp_path))
    (tmp_path / "gitconfig").write_text(
        "[user]\n\tname = t\n\temail = t@example.invalid\n[safe]\n\tdirectory = *\n",
        encoding="utf-8")
    return env


def _try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "framecraft-lint",
         "--all-files", "--verbose"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def test_pre_commit_runs_the_hook_on_good_and_bad_prompts(git_repo: Path, tmp_path: Path
                                                         ) -> None:
    env = _env(tmp_path)
    good = _try_repo(git_repo, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "framecraft lint" in good.stdout and "Passed" in good.stdout

    (git_repo / "shots.txt").write_text("An epic car chase in 4K, cinematic colour\n",
                                        encoding="utf-8")
    bad = _try_repo(git_repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "shots.txt" in bad.stdout and "2:4" not in bad.stdout
    assert "1:4  error  ban 'epic'" in bad.stdout
    assert "hero.prompt" not in bad.stdout  # the good files report nothing
