"""Cold start: each command as a whole new process, next to `python -c pass` in the same run.

Run: .venv/bin/python benchmarks/cold_start.py [--runs N] [--first-runs N] [--no-servers]
     [--baseline OTHER_CHECKOUT] [--only 1 2 ...] [--bytecode]

For each command, `runs` pairs are timed: the floor (`python -c pass`) then the command, one
right after the other, so a burst of load on the shared machine hits both. Printed per command:
median wall time, the median ratio command/floor over the pairs, CPU time, peak RSS of the command's own
process (and of its whole process tree where a child does work, e.g. the one-time ONNX export),
the load average before and after, and the import-time top ten (`python -X importtime`,
cumulative, one extra run). `framecraft` is run as its console script runs it:
`python -c "import sys; from bot.cli import main; sys.exit(main())"`.

Then the servers (unless --no-servers): `framecraft slack --http` and `framecraft discord
--http` against a local stand-in for the platforms' APIs: time until /livez and /healthz answer,
RSS when ready, and RSS after a first and after 20 `/ask`s.

Targets (2 cores): critique < 0.4 s, --help < 0.25 s, ask < 1.5 s with the index built, first
ask on a new data directory < 15 s with a progress bar, ask peak RSS < 350 MB, servers after
/ask < 400 MB.

The first ask runs on a new data directory with a new, empty user cache directory each time:
the ONNX export is made, and the passage vectors come from the shipped knowledge base's file
(bot/core/retrieval/shipped_vectors.npz) where a passage is unchanged. Command 8 runs it with
FRAMECRAFT_VECTOR_CACHE=0, which embeds every passage (the cost on a knowledge base whose text
all changed, or with another model).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAIN = "import sys; from bot.cli import main; sys.exit(main())"
SELF_RSS = ("import atexit, resource, sys\n"
            "atexit.register(lambda: print(f'@@rss {resource.getrusage(resource.RUSAGE_SELF)"
            ".ru_maxrss}', file=sys.stderr))\n")
"""Prefix that makes a process report its own peak RSS (KB) at exit, children excluded."""
QUESTION = "how do I keep a character consistent across shots?"
PROMPT = "A cat jumps on the table"


def load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


@dataclass
class Run:
    wall: float
    self_rss_mb: float
    tree_rss_mb: float
    code: int
    stderr: str = ""
    cpu: float = 0.0
    """User + system CPU seconds of the process tree: less swayed by other users' load."""


def _cwd(env: dict[str, str]) -> str:
    """Run in the checkout under test: `python -c` puts the working directory first on sys.path."""
    return env.get("PYTHONPATH", str(REPO))


def run_once(code: str, args: list[str], env: dict[str, str]) -> Run:
    """One process: wall time, its own peak RSS and its tree's (wait4 sees waited children)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", SELF_RSS + code, *args], env=env, cwd=_cwd(env),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    match = re.search(r"@@rss (\d+)", err)
    own = int(match.group(1)) / 1024 if match else float("nan")
    return Run(wall, own, usage.ru_maxrss / 1024, proc.returncode,
               re.sub(r"@@rss \d+\n?", "", err), usage.ru_utime + usage.ru_stime)


@dataclass
class Result:
    name: str
    target: str
    runs: list[Run] = field(default_factory=list)
    floors: list[Run] = field(default_factory=list)
    load_before: str = ""
    load_after: str = ""

    def print(self) -> None:
        walls = [r.wall for r in self.runs]
        ratios = [r.wall / f.wall for r, f in zip(self.runs, self.floors, strict=True)]
        own = max(r.self_rss_mb for r in self.runs)
        tree = max(r.tree_rss_mb for r in self.runs)
        tree_note = f" (process tree {tree:.0f} MB)" if tree > own * 1.05 else ""
        print(f"{self.name:<38} median {statistics.median(walls):6.2f} s  "
              f"(min {min(walls):.2f}, max {max(walls):.2f}; floor median "
              f"{statistics.median(f.wall for f in self.floors):.3f} s)  "
              f"x{statistics.median(ratios):5.1f} floor  peak RSS {own:4.0f} MB{tree_note}  "
              f"target {self.target}")
        cpu = statistics.median(r.cpu for r in self.runs)
        floor_cpu = statistics.median(f.cpu for f in self.floors)
        print(f"{'':<38} CPU median {cpu:.2f} s (floor {floor_cpu:.3f} s); {self.load_before} -> "
              f"{self.load_after}; exit codes {sorted({r.code for r in self.runs})}")


def measure(name: str, target: str, args: list[str], variants: list[tuple[str, dict]],
            runs: int, fresh_data_dir: bool = False, extra_env: dict[str, str] | None = None
            ) -> list[Result]:
    """`runs` rounds of: the floor, then the command under each variant (this checkout, and a
    baseline checkout with --baseline), so all see the same moment's load. With
    `fresh_data_dir`, every run gets a new data directory and a new, empty user cache
    directory (FRAMECRAFT_CACHE_DIR: no regex programs, no passage vectors from before)."""
    results = [Result(f"{name} [{label}]" if len(variants) > 1 else name, target,
                      load_before=load()) for label, _ in variants]
    for _ in range(runs):
        floor = run_once("pass", [], variants[0][1])
        for result, (_, env) in zip(results, variants, strict=True):
            run_env = env | (extra_env or {})
            if fresh_data_dir:
                run_env = run_env | {"FRAMECRAFT_DATA_DIR": tempfile.mkdtemp(prefix="fc-cold-"),
                                     "FRAMECRAFT_CACHE_DIR": tempfile.mkdtemp(prefix="fc-ucache-")}
            run = run_once(MAIN, args, run_env)
            result.floors.append(floor)
            result.runs.append(run)
            if run.code != 0:
                print(f"  {result.name}: exit {run.code}: {run.stderr.strip()[-400:]}",
                      file=sys.stderr)
            if fresh_data_dir:
                shutil.rmtree(run_env["FRAMECRAFT_DATA_DIR"], ignore_errors=True)
                shutil.rmtree(run_env["FRAMECRAFT_CACHE_DIR"], ignore_errors=True)
    for result in results:
        result.load_after = load()
    return results


def import_top(args: list[str], env: dict[str, str], n: int = 10) -> list[tuple[float, str]]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", MAIN, *args], env=env,
                          cwd=_cwd(env), capture_output=True, text=True, timeout=600)
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (.*)$", line)
        if m:
            rows.append((int(m.group(2)) / 1e6, m.group(3).rstrip()))
    return sorted(rows, reverse=True)[:n]


# ---- servers ------------------------------------------------------------------------------

class _Api(BaseHTTPRequestHandler):
    """Slack's and Discord's APIs, and Slack's response_url: every call succeeds."""

    calls: list[str] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        type(self).calls.append(self.path)
        body = json.dumps({"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1",
                           "team": "studio", "user": "framecraft", "url": "https://x/",
                           "id": "1", "channel_id": "1"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PATCH = do_GET = do_PUT = _answer

    def log_message(self, *args) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> tuple[float, float]:
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
    hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
    return rss, hwm


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except OSError:
        return 0


def _post(url: str, body: bytes, headers: dict[str, str]) -> int:
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def _wait_calls(before: int, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while len(_Api.calls) <= before and time.monotonic() < deadline:
        time.sleep(0.02)
    return len(_Api.calls) > before


def bench_server(kind: str, env: dict[str, str], api_url: str, label: str = "this") -> None:
    port = _free_port()
    db = Path(tempfile.mkdtemp(prefix="fc-srv-")) / "fc.db"
    env = env | {"FRAMECRAFT_DATABASE_URL": f"sqlite:///{db}"}
    if kind == "slack":
        secret = "bench-secret"
        env |= {"SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": secret,
                "SLACK_API_URL": api_url + "/api/"}
    else:
        from nacl.signing import SigningKey

        key = SigningKey.generate()
        env |= {"DISCORD_PUBLIC_KEY": key.verify_key.encode().hex(),
                "DISCORD_APPLICATION_ID": "1", "DISCORD_API_URL": api_url}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", MAIN, kind, "--http", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, cwd=_cwd(env),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    live = ready = None
    try:
        while ready is None and time.perf_counter() - started < 180:
            if proc.poll() is not None:
                print(f"{kind}: exited {proc.returncode}: {proc.stderr.read()[-400:]}")
                return
            if live is None and _get(f"{base}/livez") in (200, 404):  # 404: no /livez
                live = time.perf_counter() - started
            if live is not None and _get(f"{base}/healthz") == 200:
                ready = time.perf_counter() - started
            time.sleep(0.05)
        rss_ready = _rss_mb(proc.pid)
        asks = []
        for n in range(20):
            before = len(_Api.calls)
            t = time.perf_counter()
            if kind == "slack":
                body = urllib.parse.urlencode({
                    "team_id": "T1", "channel_id": "C1", "user_id": f"U{n}", "command": "/ask",
                    "text": QUESTION, "response_url": f"{api_url}/respond/{n}",
                    "trigger_id": "1.2.3", "api_app_id": "A1"}).encode()
                ts = str(int(time.time()))
                sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:".encode() + body,
                                       hashlib.sha256).hexdigest()
                code = _post(f"{base}/slack/events", body, {
                    "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig,
                    "Content-Type": "application/x-www-form-urlencoded"})
            else:
                body = json.dumps({
                    "type": 2, "id": str(n), "application_id": "1", "token": f"t{n}",
                    "version": 1, "guild_id": "9", "channel_id": "8",
                    "member": {"user": {"id": f"7{n}"}, "permissions": "0"},
                    "data": {"name": "ask", "type": 1,
                             "options": [{"name": "question", "value": QUESTION}]}}).encode()
                ts = str(int(time.time()))
                sig = key.sign(ts.encode() + body).signature.hex()
                code = _post(f"{base}/interactions", body, {
                    "X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts,
                    "Content-Type": "application/json"})
            answered = code == 200 and _wait_calls(before)
            asks.append(time.perf_counter() - t if answered else float("nan"))
            if n == 0:
                rss_first = _rss_mb(proc.pid)
        rss_last = _rss_mb(proc.pid)
        name = f"{kind} --http [{label}]"
        print(f"{name:<27} live {live or float('nan'):5.2f} s, ready (/healthz 200) "
              f"{ready or float('nan'):5.2f} s; RSS ready {rss_ready[0]:4.0f} MB, after 1st /ask "
              f"{rss_first[0]:4.0f} MB, after 20 {rss_last[0]:4.0f} MB (peak {rss_last[1]:4.0f} "
              f"MB; target < 400); first /ask answered in {asks[0] * 1000:5.0f} ms, median "
              f"{statistics.median(asks[1:]) * 1000:4.0f} ms  [{load()}]")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(db.parent, ignore_errors=True)


def _env_for(repo: Path, data_dir: Path, pycache: Path | None = None,
             cache_dir: Path | None = None) -> dict[str, str]:
    """The command's environment; with `pycache`, bytecode is written and reused from there
    (as an installed framecraft's is) even where PYTHONDONTWRITEBYTECODE is set, without
    writing into the checkout. `cache_dir`: the user cache directory (regex programs, passage
    vectors), the benchmark's own so the user's never warms or skews a run."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "FRAMECRAFT_", "DISCORD_"))}
    env["PYTHONPATH"] = str(repo)
    env["FRAMECRAFT_DATA_DIR"] = str(data_dir)
    if cache_dir is not None:
        env["FRAMECRAFT_CACHE_DIR"] = str(cache_dir)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="paired runs per command")
    parser.add_argument("--first-runs", type=int, default=3,
                        help="runs of the first ask on a new data directory (~10-30 s each)")
    parser.add_argument("--no-servers", action="store_true")
    parser.add_argument("--baseline", type=Path, metavar="CHECKOUT",
                        help="also run another checkout (e.g. main) in the same rounds")
    parser.add_argument("--only", nargs="*", metavar="N",
                        help="only these commands, by number (1 help, 2 critique, 3 critique "
                             "--json --no-similar, 4 ask, 5 first ask, 6 new index, 7 ethics, "
                             "8 first ask with the vector cache off)")
    parser.add_argument("--bytecode", action="store_true",
                        help="reuse compiled bytecode (kept in a temporary directory) as an "
                             "installed framecraft does, even if PYTHONDONTWRITEBYTECODE is set")
    args = parser.parse_args(argv)

    checkouts = [("this", REPO)] + ([("baseline", args.baseline.resolve())]
                                    if args.baseline else [])
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; {load()}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE") and not args.bytecode:
        print("note: PYTHONDONTWRITEBYTECODE is set, so every run compiles the checkout's modules "
              "from source (an installed framecraft does not); --bytecode measures without that")
    variants, cleanup = [], []
    for label, repo in checkouts:
        data_dir = Path(tempfile.mkdtemp(prefix="fc-cold-built-"))
        cleanup.append(data_dir)
        pycache = Path(tempfile.mkdtemp(prefix="fc-cold-pyc-")) if args.bytecode else None
        if pycache is not None:
            cleanup.append(pycache)
        cache_dir = Path(tempfile.mkdtemp(prefix="fc-cold-ucache-"))
        cleanup.append(cache_dir)
        env = _env_for(repo, data_dir, pycache, cache_dir)
        t = time.perf_counter()
        prep = run_once(MAIN, ["index"], env)
        print(f"setup [{label}: {repo}]: `framecraft index` on a new data directory "
              f"{time.perf_counter() - t:.1f} s (peak RSS {prep.self_rss_mb:.0f} MB, process "
              f"tree {prep.tree_rss_mb:.0f} MB; exit {prep.code}; {load()})")
        variants.append((label, env))
    env = variants[0][1]
    model_only = Path(tempfile.mkdtemp(prefix="fc-cold-model-"))
    cleanup.append(model_only)
    if (Path(env["FRAMECRAFT_DATA_DIR"]) / "models").exists():
        shutil.copytree(Path(env["FRAMECRAFT_DATA_DIR"]) / "models", model_only / "models")

    commands = [
        ("framecraft --help", "< 0.25 s", ["--help"], args.runs, False),
        ("framecraft critique", "< 0.4 s", ["critique", PROMPT], args.runs, False),
        ("framecraft critique --json --no-similar", "", ["critique", PROMPT, "--json",
                                                         "--no-similar"], args.runs, False),
        ("framecraft ask (index built)", "< 1.5 s, < 350 MB", ["ask", QUESTION], args.runs,
         False),
        ("first ask, new data directory", "< 15 s", ["ask", QUESTION], args.first_runs, True),
    ]
    # 7: the dedicated ethics check, which loads the embedding model for the full review
    # (rules, exemplar neighbours, probe); numbered after the index build (6).
    # 8: the first ask with nothing cached at all: FRAMECRAFT_VECTOR_CACHE=0 also ignores the
    # shipped knowledge base's vectors, so all 534 passages are embedded (the full build).
    no_vectors = {"FRAMECRAFT_VECTOR_CACHE": "0"}
    numbered = [*((n, (*c, {})) for n, c in enumerate(commands, start=1)),
                (7, ("framecraft ethics (full review)", "", ["ethics", PROMPT], args.runs,
                     False, {})),
                (8, ("first ask, new data dir, no vectors", "", ["ask", QUESTION],
                     args.first_runs, True, no_vectors))]
    chosen = {int(n) for n in args.only} if args.only else set(range(1, 9))
    for number, (name, target, cmd, runs, fresh, extra) in numbered:
        if number not in chosen:
            continue
        for result in measure(name, target, cmd, variants, runs, fresh, extra):
            result.print()
            if fresh:
                print(f"{'':<38} stderr of its first run: "
                      f"{result.runs[0].stderr.strip().splitlines()}")
    if 6 in chosen:  # the index build alone, the model already exported (after editing files)
        build = Result("ask, new index (model exported, no vectors)", "", load_before=load())
        for _ in range(args.first_runs):
            build.floors.append(run_once("pass", [], env))
            shutil.rmtree(model_only / "chroma", ignore_errors=True)
            build.runs.append(run_once(MAIN, ["ask", QUESTION], env | no_vectors | {
                "FRAMECRAFT_DATA_DIR": str(model_only)}))
        build.load_after = load()
        build.print()

    print("\nimport time, top ten by cumulative time (one -X importtime run each):")
    for number, (name, _, cmd, *_) in enumerate(commands[:4], start=1):
        if number in chosen:
            for label, variant_env in variants:
                top = import_top(cmd, variant_env)
                print(f"  {name} [{label}]: " + ", ".join(f"{mod.strip()} {sec:.3f}"
                                                          for sec, mod in top))

    if not args.no_servers:
        print()
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        api_url = f"http://127.0.0.1:{server.server_address[1]}"
        for kind in ("slack", "discord"):
            for label, variant_env in variants:
                bench_server(kind, variant_env, api_url, label)
        server.shutdown()
    for path in cleanup:
        shutil.rmtree(path, ignore_errors=True)
    print(f"\nbenchmark process peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
