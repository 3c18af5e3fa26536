"""The multi-replica deployment as real processes on loopback, without Docker.

    scripts/stack up [--dir DIR] [--data-dir DIR] [--seed-chroma DIR]
    scripts/stack status [--dir DIR] [--json]
    scripts/stack down [--dir DIR]
    scripts/stack stop|start|restart NAME [--dir DIR]

`up` starts what docker-compose.yml runs, on free ports of 127.0.0.1: PostgreSQL from the
Debian binaries (scripts/start-test-postgres.sh, as the suite does), a Chroma server (`chroma
run`), a stand-in for the Slack and Discord Web APIs (tests/slack/slack_mock.py: replies land
there, `GET /_calls` lists them), two Slack replicas (`framecraft slack --http`) and the Discord
HTTP interactions endpoint (`framecraft discord --http`), then waits until every server's
`/readyz` answers 200. Secrets are fake and made up per stack (the signing secret, a Discord
key pair); they are in the state file for tools that sign requests, never in a log.

The stack directory (default `.framecraft-stack/`) holds `state.json` (ports, pids, URLs,
the fake secrets), each process's log under `logs/` and the Chroma data; PostgreSQL's cluster
lives in its own temp directory (the server runs as the `postgres` user when we are root).
`down` stops everything and removes the PostgreSQL cluster. tests/integration/test_stack.py
drives a stack through the `Stack` class below.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / ".framecraft-stack"
SLACK_REPLICAS = ("slack-1", "slack-2")
SERVERS = (*SLACK_REPLICAS, "discord-http")
"""The processes that serve `/readyz` (in start order after the dependencies)."""
ORDER = ("postgres", "chroma", "mockapi", *SERVERS)
READY_TIMEOUT_S = 240.0


class StackError(RuntimeError):
    """Something the stack needs is missing or did not start; the message says what."""


# ---- discovery ----------------------------------------------------------------------------------
def postgres_bin() -> Path | None:
    """The newest Debian PostgreSQL server binaries, if installed."""
    found = [d for d in Path("/usr/lib/postgresql").glob("*/bin")
             if (d / "initdb").exists() and (d / "pg_ctl").exists()]
    return max(found, key=lambda d: int(d.parent.name)) if found else None


def chroma_bin() -> Path | None:
    """The `chroma` executable of this interpreter's environment (chromadb ships it)."""
    sibling = Path(sys.executable).parent / "chroma"
    if sibling.exists():
        return sibling
    which = shutil.which("chroma")
    return Path(which) if which else None


def missing() -> list[str]:
    """What this machine lacks to run a stack (empty when it can)."""
    lacks = []
    if postgres_bin() is None:
        lacks.append("PostgreSQL server binaries (/usr/lib/postgresql/*/bin; apt-get install "
                     "postgresql)")
    if chroma_bin() is None:
        lacks.append("the `chroma` executable (pip install chromadb)")
    return lacks


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def http_get(url: str, timeout: float = 5.0) -> tuple[int, Any]:
    """(status, parsed JSON or text); status 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:  # noqa: S310 (loopback)
            status, raw = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    except (OSError, urllib.error.URLError):
        return 0, None
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode("utf-8", "replace")


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie of ours is not alive
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


# ---- the stack ----------------------------------------------------------------------------------
class Stack:
    """One stack: its directory, its state file, and the processes in it."""

    def __init__(self, directory: Path | str = DEFAULT_DIR):
        self.dir = Path(directory).resolve()
        self.state_file = self.dir / "state.json"
        self.state: dict[str, Any] = (json.loads(self.state_file.read_text())
                                      if self.state_file.exists() else {})

    # ---- state --------------------------------------------------------------------------------
    def save(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state, indent=2))
        tmp.chmod(0o600)  # the fake secrets
        tmp.replace(self.state_file)

    @property
    def procs(self) -> dict[str, dict[str, Any]]:
        return self.state.setdefault("procs", {})

    def url(self, name: str, path: str = "") -> str:
        return f"http://127.0.0.1:{self.procs[name]['port']}{path}"

    @property
    def slack_urls(self) -> list[str]:
        return [self.url(name, "/slack/events") for name in SLACK_REPLICAS]

    @property
    def signing_secret(self) -> str:
        return str(self.state["slack_signing_secret"])

    @property
    def database_url(self) -> str:
        return str(self.state["database_url"])

    @property
    def api_url(self) -> str:
        return self.url("mockapi")

    # ---- up -----------------------------------------------------------------------------------
    def up(self, data_dir: Path | None = None, seed_chroma: Path | None = None,
           log: Any = sys.stderr) -> None:
        """Start everything and wait until every server is ready. `data_dir` is the
        framecraft data directory the servers share (the ONNX export; default under the stack
        directory); `seed_chroma` a persisted Chroma directory to copy (an index built before:
        saves embedding the knowledge base, a minute on 2 cores)."""
        lacks = missing()
        if lacks:
            raise StackError("cannot start the stack: no " + "; no ".join(lacks))
        if any(_alive(p.get("pid")) for p in self.procs.values()):
            raise StackError(f"a stack is already running in {self.dir} (scripts/stack down)")
        if seed_chroma is not None and not Path(seed_chroma).is_dir():
            raise StackError(f"--seed-chroma {seed_chroma}: not a directory")
        stale_pg = self.state.get("pg_dir")  # a stack that died without `down`
        if stale_pg:
            shutil.rmtree(stale_pg, ignore_errors=True)
        (self.dir / "logs").mkdir(parents=True, exist_ok=True)
        from nacl.signing import SigningKey

        key = SigningKey.generate()
        self.state = {
            "dir": str(self.dir),
            "data_dir": str(Path(data_dir or self.dir / "data").resolve()),
            "slack_signing_secret": secrets.token_hex(16),
            "slack_bot_token": "xoxb-1-2-framecraft-stack",
            "discord_private_key": key.encode().hex(),
            "discord_public_key": key.verify_key.encode().hex(),
            "procs": {name: {"port": free_port()} for name in ORDER},
        }
        chroma_path = self.dir / "chroma"
        if seed_chroma is not None and not chroma_path.exists():
            shutil.copytree(seed_chroma, chroma_path)
        self.save()
        started = time.monotonic()
        for name in ORDER:
            print(f"stack: starting {name} on port {self.procs[name]['port']}", file=log)
            self.start(name)
            if name == "mockapi":
                self._index(log)
        self.wait_ready(SERVERS, log=log)
        print(f"stack: up in {time.monotonic() - started:.1f} s ({self.state_file})", file=log)

    def _index(self, log: Any) -> None:
        """Build (or check) the index on the Chroma server once, before the servers start, as
        compose's `index` service does; its progress bar shows on stderr."""
        print("stack: indexing the knowledge base on the Chroma server", file=log)
        run = subprocess.run([sys.executable, "-m", "bot.cli", "index"], env=self.env(),
                             cwd=self.dir, stdout=subprocess.DEVNULL, timeout=900)
        if run.returncode != 0:
            raise StackError("`framecraft index` against the Chroma server failed")

    # ---- processes ----------------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        """The servers' environment: the stack's database, Chroma and API stand-ins."""
        keep = {k: v for k, v in os.environ.items()
                if not k.startswith(("SLACK_", "DISCORD_", "FRAMECRAFT_"))}
        return keep | {
            "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False",
            "FRAMECRAFT_DATA_DIR": self.state["data_dir"],
            "FRAMECRAFT_DATABASE_URL": self.database_url,
            "FRAMECRAFT_CHROMA_URL": self.url("chroma"),
            "FRAMECRAFT_LOG_LEVEL": "WARNING",
            "SLACK_BOT_TOKEN": self.state["slack_bot_token"],
            "SLACK_SIGNING_SECRET": self.signing_secret,
            "SLACK_API_URL": self.url("mockapi", "/api/"),
            "DISCORD_PUBLIC_KEY": self.state["discord_public_key"],
            "DISCORD_APPLICATION_ID": "100000000000000001",
            "DISCORD_API_URL": self.url("mockapi", "/discord"),
        }

    def _command(self, name: str, port: int) -> list[str]:
        py = [sys.executable, "-m", "bot.cli"]
        if name == "chroma":
            return [str(chroma_bin()), "run", "--path", str(self.dir / "chroma"),
                    "--host", "127.0.0.1", "--port", str(port)]
        if name == "mockapi":
            return [sys.executable, str(Path(__file__).resolve()), "mock-api", "--port", str(port)]
        if name in SLACK_REPLICAS:
            return [*py, "slack", "--http", "--host", "127.0.0.1", "--port", str(port)]
        if name == "discord-http":
            return [*py, "discord", "--http", "--host", "127.0.0.1", "--port", str(port)]
        raise StackError(f"unknown process {name!r}; one of: {', '.join(ORDER)}")

    def start(self, name: str) -> None:
        """Start one process on its recorded port (again, after `stop`)."""
        if name not in ORDER:
            raise StackError(f"unknown process {name!r}; one of: {', '.join(ORDER)}")
        proc = self.procs[name]
        if name == "postgres":
            self._start_postgres()
            return
        logfile = (self.dir / "logs" / f"{name}.log").open("ab")
        child = subprocess.Popen(self._command(name, proc["port"]), env=self.env(), cwd=self.dir,
                                 stdin=subprocess.DEVNULL, stdout=logfile, stderr=logfile,
                                 start_new_session=True)
        logfile.close()
        proc["pid"] = child.pid
        self.save()
        if name in ("chroma", "mockapi"):
            self._wait_port(name)

    def _wait_port(self, name: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with socket.socket() as s:
                s.settimeout(0.5)
                if s.connect_ex(("127.0.0.1", self.procs[name]["port"])) == 0:
                    return
            if not _alive(self.procs[name].get("pid")):
                raise StackError(f"{name} exited at start; see {self.dir / 'logs' / name}.log")
            time.sleep(0.1)
        raise StackError(f"{name} did not open its port in {timeout:.0f} s")

    def _pg_dir(self) -> Path:
        """PostgreSQL's cluster directory: its own temp dir, which the `postgres` user can
        reach (a test's tmp dir is root-only)."""
        if "pg_dir" not in self.state:
            self.state["pg_dir"] = tempfile.mkdtemp(prefix="framecraft-stack-pg.")
            self.save()
        return Path(self.state["pg_dir"])

    def _pg_run(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []

    def _start_postgres(self) -> None:
        port = self.procs["postgres"]["port"]
        env = os.environ | {"FRAMECRAFT_PG_DIR": str(self._pg_dir()), "FRAMECRAFT_PG_PORT": str(port)}
        run = subprocess.run(["bash", str(ROOT / "scripts" / "start-test-postgres.sh")], env=env,
                             capture_output=True, text=True, timeout=180)
        if run.returncode != 0:
            raise StackError(f"PostgreSQL did not start: {run.stderr.strip()[-400:]}")
        if "database_url" not in self.state:
            bin_dir = postgres_bin()
            subprocess.run([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port),
                            "-U", "postgres", "framecraft"], check=True, capture_output=True)
            self.state["database_url"] = f"postgresql+psycopg://postgres@127.0.0.1:{port}/framecraft"
        pid_file = self._pg_dir() / "data" / "postmaster.pid"
        self.procs["postgres"]["pid"] = int(pid_file.read_text().split()[0])
        self.save()

    def _pg_ready(self) -> bool:
        bin_dir = postgres_bin()
        if bin_dir is None:
            return False
        return subprocess.run([str(bin_dir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p",
                               str(self.procs["postgres"]["port"]), "-t", "2"]).returncode == 0

    def stop(self, name: str, kill: bool = False, timeout: float = 30.0) -> None:
        """Stop one process: SIGTERM (SIGKILL with `kill`, or after `timeout`); PostgreSQL
        with `pg_ctl stop -m fast` (`-m immediate` with `kill`)."""
        proc = self.procs.get(name) or {}
        pid = proc.get("pid")
        if name == "postgres":
            bin_dir = postgres_bin()
            data = self._pg_dir() / "data"
            if bin_dir is not None and (data / "postmaster.pid").exists():
                subprocess.run([*self._pg_run(), str(bin_dir / "pg_ctl"), "-D", str(data), "-m",
                                "immediate" if kill else "fast", "-w", "stop"],
                               capture_output=True, timeout=60)
        elif _alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL if kill else signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
                _reap(pid)
            if _alive(pid):
                os.killpg(pid, signal.SIGKILL)
        _reap(pid)
        proc["pid"] = None
        self.save()

    def down(self, log: Any = sys.stderr) -> None:
        for name in reversed(ORDER):
            if name in self.procs:
                print(f"stack: stopping {name}", file=log)
                self.stop(name)
        pg_dir = self.state.get("pg_dir")
        if pg_dir:
            shutil.rmtree(pg_dir, ignore_errors=True)
            self.state.pop("pg_dir")
        self.save()

    # ---- readiness ----------------------------------------------------------------------------
    def readyz(self, name: str, timeout: float = 5.0) -> tuple[int, Any]:
        return http_get(self.url(name, "/readyz"), timeout)

    def wait_ready(self, names: tuple[str, ...] | list[str], timeout: float = READY_TIMEOUT_S,
                   want: int = 200, log: Any = None) -> float:
        """Wait until every named server's `/readyz` answers `want`; the seconds it took.
        Prints what it waits for every few seconds to `log`."""
        started = time.monotonic()
        last_note = started
        waiting = list(names)
        while waiting:
            waiting = [n for n in waiting if self.readyz(n, 3.0)[0] != want]
            now = time.monotonic()
            for n in waiting:
                if want == 200 and not _alive(self.procs[n].get("pid")):
                    raise StackError(f"{n} exited; see {self.dir / 'logs' / n}.log")
            if not waiting:
                break
            if now - started > timeout:
                raise StackError(f"not {want} after {timeout:.0f} s: {', '.join(waiting)} "
                                 f"({[self.readyz(n)[1] for n in waiting]})")
            if log is not None and now - last_note >= 3:
                print(f"stack: waiting for {', '.join(waiting)} ({now - started:.0f} s)",
                      file=log)
                last_note = now
            time.sleep(0.05)
        return time.monotonic() - started

    def status(self) -> list[dict[str, Any]]:
        """One row per process: pid, alive, port, and for servers the `/readyz` answer."""
        rows = []
        for name in ORDER:
            proc = self.procs.get(name)
            if proc is None:
                continue
            row: dict[str, Any] = {"name": name, "port": proc["port"], "pid": proc.get("pid"),
                                   "alive": _alive(proc.get("pid"))}
            if name in SERVERS:
                row["readyz"], row["body"] = self.readyz(name)
            elif name == "postgres":
                row["readyz"] = 200 if self._pg_ready() else 0
            elif name == "chroma":
                row["readyz"] = http_get(self.url(name, "/api/v2/heartbeat"))[0]
            elif name == "mockapi":
                row["readyz"] = http_get(self.url(name, "/_calls"))[0]
            rows.append(row)
        return rows

    def calls(self) -> list[dict[str, Any]]:
        """Every call the servers made to the Slack/Discord API stand-in."""
        status, body = http_get(self.url("mockapi", "/_calls"), 10.0)
        if status != 200:
            raise StackError("the API stand-in does not answer")
        return list(body)


def _reap(pid: int | None) -> None:
    """Collect a child of ours that exited (a stack started by this process)."""
    if not pid:
        return
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


# ---- the API stand-in ---------------------------------------------------------------------------
def serve_mock_api(port: int) -> None:
    """Slack's Web API (and response_urls) as tests/slack/slack_mock.py answers them, plus
    `GET /_calls`; Discord's follow-ups are recorded too."""
    sys.path.insert(0, str(ROOT / "tests" / "slack"))
    from slack_mock import MockSlack

    mock = MockSlack(port=port)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    mock.server.serve_forever()


# ---- command line -------------------------------------------------------------------------------
def _print_status(stack: Stack, as_json: bool) -> int:
    rows = stack.status()
    if as_json:
        print(json.dumps(rows, indent=2))
    elif not rows:
        print(f"no stack in {stack.dir}")
    else:
        print(f"{'process':<14}{'pid':>8}  {'port':>6}  {'alive':<6}{'ready':<7}checks")
        for row in rows:
            body = row.get("body") if isinstance(row.get("body"), dict) else {}
            checks = ", ".join(f"{k} {v['state']}" for k, v in (body.get("checks") or {}).items())
            ready = row.get("readyz")
            print(f"{row['name']:<14}{row['pid'] or '-':>8}  {row['port']:>6}  "
                  f"{'yes' if row['alive'] else 'no':<6}{ready if ready else '-':<7}{checks}")
    servers = [r for r in rows if r["name"] in SERVERS]
    return 0 if servers and all(r.get("readyz") == 200 for r in servers) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/stack", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR,
                        help=f"the stack directory (default {DEFAULT_DIR.relative_to(ROOT)}/)")
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start the whole topology and wait until it is ready")
    up.add_argument("--data-dir", type=Path, help="the servers' framecraft data directory")
    up.add_argument("--seed-chroma", type=Path, help="copy this persisted Chroma directory first")
    status = sub.add_parser("status", help="each process and its /readyz (exit 1 unless all ready)")
    status.add_argument("--json", action="store_true")
    sub.add_parser("down", help="stop everything and remove the PostgreSQL cluster")
    for verb in ("stop", "start", "restart"):
        one = sub.add_parser(verb, help=f"{verb} one process: {', '.join(ORDER)}")
        one.add_argument("name", choices=ORDER)
    mock = sub.add_parser("mock-api", help=argparse.SUPPRESS)
    mock.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    if args.command == "mock-api":
        serve_mock_api(args.port)
        return 0
    stack = Stack(args.dir)
    try:
        if args.command == "up":
            stack.up(args.data_dir, args.seed_chroma)
            return _print_status(stack, False)
        if args.command == "status":
            return _print_status(stack, args.json)
        if args.command == "down":
            stack.down()
            return 0
        if args.command in ("stop", "restart"):
            stack.stop(args.name)
        if args.command in ("start", "restart"):
            stack.start(args.name)
            if args.name in SERVERS:
                stack.wait_ready([args.name], log=sys.stderr)
        return 0
    except StackError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
