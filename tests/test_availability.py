"""The outage decision (bot.core.availability) and the engine pool (bot.core.workers), made
once in the core for every front."""

from __future__ import annotations

import socket
import threading

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.config import Settings
from bot.core.availability import (
    DATABASE_DOWN,
    DEGRADED_NOTICE,
    DatabaseUnavailable,
    database_down,
    first_time,
    preflight,
    user_error,
)
from bot.core.command_table import CommandCall, Requester, command_preflight, run_command
from bot.core.engine import Engine
from bot.core.validation import InputError
from bot.core.workers import BUSY, Busy, EngineWorkers


def dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"postgresql+psycopg://fc@127.0.0.1:{port}/fc"


@pytest.fixture
def down_engine(kb, tmp_path) -> Engine:
    return Engine(settings=Settings(data_dir=tmp_path, database_url=dead_url(),
                                    _env_file=None), kb=kb)


def test_a_refused_connection_is_an_outage_and_a_bug_is_not(down_engine):
    with pytest.raises(Exception) as caught:
        down_engine.store.get_setting("slack", "T1", "model")
    assert database_down(caught.value)
    assert isinstance(user_error(caught.value), DatabaseUnavailable)
    assert str(user_error(caught.value)) == DATABASE_DOWN
    assert not database_down(KeyError("x")) and user_error(KeyError("x")) is None
    assert not database_down(IntegrityError("insert", {}, Exception("duplicate key")))
    assert not database_down(OperationalError("begin", {}, Exception("database is locked")))
    assert isinstance(user_error(InputError("fix it")), InputError)


def test_preflight_uses_defaults_a_notice_and_a_local_limit_when_the_database_is_down(
        down_engine):
    limits = {"critique": (2, 60.0)}
    reads = [command_preflight(down_engine, "critique", "slack:T:U", limits,
                               lambda: {"model": down_engine.store.get_setting("s", "T", "m")})
             for _ in range(3)]
    assert [p.allowed for p in reads] == [True, True, False]  # the limit still holds
    assert all(p.notice == DEGRADED_NOTICE and p.setting("model") is None for p in reads)


def test_preflight_passes_other_errors_on():
    def broken() -> bool:
        raise KeyError("a bug")
    with pytest.raises(KeyError):
        preflight(broken, lambda: True, dict, "test")


def test_a_critique_still_answers_when_its_review_cannot_be_recorded(down_engine):
    outcome = run_command(down_engine, "critique", CommandCall("A cat jumps on the table"),
                          Requester("slack", "T", "C", "U"))
    assert outcome.review_id is None and outcome.notice == DEGRADED_NOTICE
    assert outcome.result.score > 0


def test_replay_checks_let_requests_through_while_the_database_is_down(down_engine):
    assert first_time(lambda: down_engine.store.claim_once("k"), "test") is True


def test_the_engine_pool_sheds_load_at_once():
    pool = EngineWorkers(workers=1, max_in_flight=2)
    gate = threading.Event()
    held = [pool.submit(gate.wait), pool.submit(gate.wait)]
    with pytest.raises(Busy) as caught:
        pool.submit(lambda: 1)
    assert str(caught.value) == BUSY and isinstance(caught.value, InputError)
    gate.set()
    for f in held:
        f.result(timeout=5)
    assert pool.submit(lambda: 7).result(timeout=5) == 7  # slots come back
    pool.shutdown()
