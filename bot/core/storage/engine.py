"""Create the SQLAlchemy engine for a Framecraft database URL: SQLite by default, Postgres
(psycopg 3) when configured. Everything dialect-specific about connecting lives here."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

SQLITE_BUSY_TIMEOUT_MS = 30_000


def normalize_url(url: str) -> URL:
    """`postgres://` and `postgresql://` mean psycopg 3 (the driver we ship)."""
    u = make_url(url.strip())
    if u.drivername in ("postgres", "postgresql"):
        u = u.set(drivername="postgresql+psycopg")
    return u


def safe_url(url: str | URL) -> str:
    """The URL with any password hidden, for messages and logs."""
    try:
        u = url if isinstance(url, URL) else make_url(url)
    except Exception:  # noqa: BLE001 - a malformed URL still must not be echoed
        return "<unparsable database URL>"
    return u.render_as_string(hide_password=True)


def create(url: str) -> Engine:
    u = normalize_url(url)
    if u.get_backend_name() == "sqlite":
        return _sqlite(u)
    return create_engine(u, pool_pre_ping=True, pool_size=5, max_overflow=15)


def _sqlite(u: URL) -> Engine:
    memory = u.database in (None, "", ":memory:")
    if memory:
        engine = create_engine(u, poolclass=StaticPool,
                               connect_args={"check_same_thread": False})
    else:
        Path(u.database or "").expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(u, pool_size=5, max_overflow=15, connect_args={
            "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy emit BEGIN itself (below), so writers take the lock up front.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        # A deferred transaction that reads then writes can fail with SQLITE_BUSY without
        # waiting (another writer got in first); BEGIN IMMEDIATE waits on busy_timeout instead.
        readonly = conn.get_execution_options().get("framecraft_readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine
