"""The sequence review's output does not depend on Python's hash seed: two mentions that start
at the same character (a hair trait and another reader's words over the same span) come out in
one order, whatever order a set collected them in."""

from __future__ import annotations

import json
import os
import subprocess
import sys

CLI = [sys.executable, "-m", "bot.cli"]

# the hair colour drifts (red → jet-black); "red pixie cut" is read both as the hair and, over
# the same first words, by another reader, so the drift's words hold two mentions at one start
SHOTS = """\
1. Mara, a courier with a red pixie cut and a black turtleneck, waits at a tram stop at night.
2. Close-up: Mara's red pixie cut and silver hoop earrings catch the neon at the tram stop at night.
3. Mara runs a hand through her jet-black pixie cut, then boards the tram at night.
"""


def _review(seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed, "HF_HUB_OFFLINE": "1",
           "TRANSFORMERS_OFFLINE": "1"}
    r = subprocess.run([*CLI, "sequence", "-", "--json"], input=SHOTS, capture_output=True,
                       text=True, timeout=180, env=env)
    assert r.returncode == 1, r.stderr  # a drift was found
    return json.loads(r.stdout)


def test_same_json_under_two_hash_seeds():
    # seeds 0 and 2 ordered the two same-start mentions differently before the tie-break
    first, second = _review("0"), _review("2")
    assert first == second
    drift = [f for f in first["findings"] if f["kind"] == "drift" and f["anchor"] == "character"]
    assert drift and drift[0]["shots"] == [1, 2, 3]
    assert "jet-black" in drift[0]["words"][-1]["text"]
