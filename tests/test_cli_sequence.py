"""`framecraft sequence` and `--mode` as a user runs them: main() for the output, a subprocess
for exit codes and streams."""

from __future__ import annotations

import json
import subprocess
import sys

from bot.cli import main

CLI = [sys.executable, "-m", "bot.cli"]

DRIFTING = """\
1. Wide shot: Nora, a girl with short black hair and a mustard-yellow raincoat, crosses a
   rainy harbour at dawn, cold light from the left, desaturated blue grade.
2. Close-up: Nora, a girl with short black hair and a red raincoat, feeds a gull at dawn,
   warm light from the right, desaturated blue grade.
"""
CLEAN = "A red fox in a snowy birch forest at dusk\nThe red fox leaps in the snowy birch forest at dusk\n"


def test_table_findings_and_exit_code(tmp_path, capsys):
    path = tmp_path / "shots.md"
    path.write_text(DRIFTING, encoding="utf-8")
    assert main(["sequence", str(path)]) == 1
    out = capsys.readouterr().out
    assert "2 shots · 2 drift · 1 gap" in out and "1 gaps" not in out
    assert "≠" in out  # the drifted cells are marked in the table
    assert "character (Nora)" in out and "light" in out
    assert "mustard-yellow raincoat" in out and "Fix:" in out


def test_a_consistent_list_exits_zero(tmp_path, capsys):
    path = tmp_path / "shots.txt"
    path.write_text(CLEAN, encoding="utf-8")
    assert main(["sequence", str(path)]) == 0
    assert "hold across every shot" in capsys.readouterr().out


def test_json_contract_and_rewrite(tmp_path, capsys):
    path = tmp_path / "shots.md"
    path.write_text(DRIFTING, encoding="utf-8")
    assert main(["sequence", str(path), "--json", "--rewrite", "--model", "kling"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [s["model"] for s in out["shots"]] == ["kling", "kling"]
    assert out["anchors"]["light_direction"] == ["cold light from the left",
                                                 "warm light from the right"]
    kinds = {(f["kind"], f["anchor"]) for f in out["findings"]}
    # the harbour is named in shot 1 only: a gap, its words ready to paste
    assert kinds == {("drift", "character"), ("drift", "light_direction"), ("gap", "setting")}
    second = out["shots"][1]["rewrite"]
    assert "mustard-yellow raincoat" in second and "cold light from the left" in second
    assert "red raincoat" not in second


def test_stdin_yaml_and_bad_input_exit_codes():
    yaml_text = "shots:\n  - prompt: A cat sleeps on a sofa\n  - prompt: The cat yawns\n"
    r = subprocess.run([*CLI, "sequence", "-", "--json"], input=yaml_text, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["shots"]) == 2
    for args, stdin, needle in [
        (["sequence", "-"], "", "empty"),
        (["sequence", "no-such-file.md"], None, "no such file"),
        (["sequence", "-"], "shots: [{name: a}]", "prompt: missing"),
        (["sequence", "-", "--mode", "video"], "A cat", "invalid choice"),
    ]:
        r = subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True,
                           timeout=120)
        assert r.returncode == 2 and needle in r.stderr and "Traceback" not in r.stderr


def test_critique_and_review_take_a_mode(capsys):
    prompt = "A woman with long red hair in a green dress stands in a garden"
    assert main(["critique", prompt, "--mode", "i2v", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["mode"] == "i2v" and out["i2v"]["redescribes_image"] is True
    assert main(["critique", prompt, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["mode"] == "t2v"
    assert main(["review", "From this image: the woman slowly turns her head toward the "
                           "window and smiles, slow push in, real-time pace", "--json"]) == 0
    review = json.loads(capsys.readouterr().out)["review"]
    assert review["mode"] == "i2v"
    assert main(["review", "Slow dolly in on a lighthouse at dusk", "--mode", "t2v",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["review"]["mode"] == "t2v"
