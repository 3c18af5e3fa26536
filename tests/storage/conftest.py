"""Backends for the storage tests: every test taking `store_url` or `make_store` runs on SQLite
and on Postgres.

Postgres is the server at FRAMECRAFT_TEST_POSTGRES_URL (CI starts one with
scripts/start-test-postgres.sh), or else a throwaway cluster this session starts with the
Debian binaries on a free loopback port; the Postgres cases are skipped only when no binaries
exist. Each test gets a database of its own.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from bot.core.storage import Store

PG_ENV = "FRAMECRAFT_TEST_POSTGRES_URL"


def _pg_bin() -> Path | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(d, "initdb").exists() and Path(d, "pg_ctl").exists():
            return Path(d)
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_cluster(bin_dir: Path, root: Path) -> tuple[str, Callable[[], None]]:
    run_as: dict = {}
    if os.geteuid() == 0:  # postgres refuses to run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            user = pwd.getpwnam("nobody")
        os.chown(root, user.pw_uid, user.pw_gid)
        run_as = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
    data, port = root / "data", _free_port()
    subprocess.run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True, **run_as)
    opts = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=300 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
    subprocess.run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w",
                    "-t", "60", "-o", opts, "start"], check=True, capture_output=True, **run_as)

    def stop() -> None:
        subprocess.run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, **run_as)
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", stop


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    if os.environ.get(PG_ENV):
        yield os.environ[PG_ENV]
        return
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip(f"no PostgreSQL binaries (initdb, pg_ctl) on this machine and {PG_ENV} unset;"
                    " run scripts/start-test-postgres.sh to get one")
    root = Path(tempfile.mkdtemp(prefix="framecraft-pg-"))
    try:
        url, stop = _start_cluster(bin_dir, root)
    except subprocess.CalledProcessError as e:
        log = (root / "log").read_text() if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"could not start PostgreSQL: {e.stderr!r} {log[-2000:]}") from e
    try:
        yield url
    finally:
        stop()
        shutil.rmtree(root, ignore_errors=True)


def _admin(url: str) -> psycopg.Connection:
    u = make_url(url).set(drivername="postgresql")
    return psycopg.connect(u.render_as_string(hide_password=False), autocommit=True)


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/db/framecraft.db"
        return
    admin_url = request.getfixturevalue("postgres_admin_url")
    name = f"fc_test_{uuid.uuid4().hex[:12]}"
    with _admin(admin_url) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with _admin(admin_url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def make_store(store_url: str) -> Iterator[Callable[[], Store]]:
    """Make Store instances (app replicas) on the test's database; closed at teardown."""
    made: list[Store] = []

    def make() -> Store:
        s = Store(store_url)
        made.append(s)
        return s
    yield make
    for s in made:
        s.close()


@pytest.fixture
def store(make_store: Callable[[], Store]) -> Store:
    return make_store()
