"""`framecraft lint` throughput: 10,000 distinct prompts across 1,000 files, end to end.

Builds a throwaway repository (700 .txt files of 10 prompts, 100 Markdown files with fenced
`prompt` blocks, 100 YAML and 100 JSON files with `prompt:` fields), then times the real CLI
(a fresh process: start-up, knowledge loading, discovery, extraction, critique, house rules and
the JSON report) without and with the rules file of issue 18, with one worker and with the
default (one per CPU). Target: under 10 s for the whole run on this machine.

Run: .venv/bin/python benchmarks/lint_throughput.py
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FILES, PER_FILE = 1000, 10
RULES = (ROOT / "tests" / "data" / "framecraft-rules-issue18.toml").read_text(encoding="utf-8")

SUBJECTS = ["a red fox", "an old fisherman", "a young dancer in a yellow dress", "a vintage car",
            "a hummingbird", "a chef", "two astronauts", "a paper boat", "a grey wolf",
            "a street musician", "a glass of whiskey", "a lighthouse keeper", "a black cat",
            "a skateboarder", "a pair of sneakers", "a knight in dented armour"]
ACTIONS = ["walks slowly", "runs", "jumps over a puddle", "turns toward the camera",
           "pours water", "spins in circles", "drifts", "glides left to right", "waits",
           "leaps", "climbs the stairs", "rotates on a turntable"]
SETTINGS = ["through a rain-soaked alley at night", "across a snowy field at dawn",
            "in a cluttered kitchen", "on a windswept cliff", "inside a neon-lit arcade",
            "along a quiet beach", "in a foggy pine forest", "on a rooftop in Tokyo"]
EXTRAS = ["slow dolly-in", "handheld camera", "wide shot", "close-up", "golden hour light",
          "soft rim light", "cinematic", "4K", "epic", "teal and orange grade",
          "cinematic colour", "shallow depth of field", "35mm lens", "no people",
          "slow motion", "film grain", "aerial drone shot", "tracking shot",
          "moody neo-noir", "ambient rain sounds"]


def prompts(n: int, seed: int = 18) -> list[str]:
    """n distinct prompts of 8-45 words, built from varied parts and the gallery."""
    from bot.core.knowledge import load_knowledge

    rng = random.Random(seed)
    gallery = [e.prompt for e in load_knowledge().gallery.values()]
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        if rng.random() < 0.1:
            p = f"{' '.join(rng.choice(gallery).split())} Take {len(out)}."
        else:
            extras = rng.sample(EXTRAS, rng.randint(0, 6))
            p = ", ".join([f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(ACTIONS)} "
                           f"{rng.choice(SETTINGS)}", *extras])
            p += f", take {len(out)}"
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


def build(root: Path) -> int:
    items = prompts(FILES * PER_FILE)
    chunks = [items[i:i + PER_FILE] for i in range(0, len(items), PER_FILE)]
    for i, chunk in enumerate(chunks):
        d = root / f"dir{i % 20:02d}"
        d.mkdir(exist_ok=True)
        if i < 700:
            (d / f"shots{i}.txt").write_text("\n".join(chunk) + "\n", encoding="utf-8")
        elif i < 800:
            body = "\n\n".join(f"## Shot {j}\n\n```prompt\n{p}\n```" for j, p in enumerate(chunk))
            (d / f"notes{i}.md").write_text(f"# Board {i}\n\n{body}\n", encoding="utf-8")
        elif i < 900:
            data = {"shots": [{"name": f"s{j}", "prompt": p} for j, p in enumerate(chunk)]}
            (d / f"shots{i}.yaml").write_text(yaml.safe_dump(data, width=1000), encoding="utf-8")
        else:
            data = {"shots": [{"name": f"s{j}", "prompt": p} for j, p in enumerate(chunk)]}
            (d / f"shots{i}.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    return len(items)


def run(root: Path, extra: list[str]) -> tuple[float, float, dict]:
    out = root.parent / "report.json"
    cmd = [sys.executable, "-m", "bot.cli", "lint", str(root), "--format", "json", "-o",
           str(out), *extra]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"lint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed, cpu, json.loads(out.read_text())


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="framecraft-lint-bench-") as tmp:
        root = Path(tmp) / "repo"
        root.mkdir()
        n = build(root)
        (Path(tmp) / "framecraft.toml").write_text(RULES, encoding="utf-8")
        print(f"{n} prompts in {FILES} files; load average {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores")
        rules = ["--rules", str(Path(tmp) / "framecraft.toml")]
        for label, extra in (("built-in critique, cold, 1 worker", ["--no-rules", "-j", "1",
                                                                    "--no-cache"]),
                             ("built-in critique, cold", ["--no-rules", "--no-cache"]),
                             ("issue 18 rules, cold, 1 worker", [*rules, "-j", "1",
                                                                 "--no-cache"]),
                             ("issue 18 rules, cold", [*rules, "--no-cache"]),
                             ("issue 18 rules, first cached run", rules),
                             ("issue 18 rules, nothing changed", rules),
                             ("issue 18 rules, 10 files changed", rules)):
            if label.endswith("10 files changed"):
                for f in sorted(root.rglob("*.txt"))[:10]:
                    f.write_text(f.read_text() + "A lone tree on a hill, 4K\n")
                n += 10
            elapsed, cpu, report = run(root, extra)
            assert report["prompts"] == n, report["prompts"]
            status = "met" if elapsed < 10 else "NOT met"
            print(f"{label:36s} wall {elapsed:6.2f} s  {n / elapsed:6.0f} prompts/s  "
                  f"(cpu {cpu:5.2f} s)  {len(report['findings'])} findings  "
                  f"target < 10 s: {status}")
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
