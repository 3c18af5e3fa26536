"""Servers warm up in the background: /healthz is ready only after the model and the index are
loaded, /livez answers at once, and the first-use index build shows its progress."""

from __future__ import annotations

import asyncio
import io
import json
import threading

import pytest
from nacl.signing import SigningKey

from bot.config import Settings
from bot.core.engine import Engine
from bot.core.retrieval import warmup
from bot.core.retrieval.progress import StderrProgress


@pytest.fixture(autouse=True)
def no_warm_up_left():
    warmup._current = None
    yield
    warmup._current = None


class SlowRetriever:
    """Stands in for the Retriever: its warm-up waits until the test lets it finish."""

    def __init__(self, fail: bool = False):
        self.release = threading.Event()
        self.fail = fail

    def warm_up(self) -> None:
        assert self.release.wait(30)
        if self.fail:
            raise ConnectionError("chroma server unreachable")


def _engine(kb, tmp_path, retriever) -> Engine:
    engine = Engine(settings=Settings(data_dir=tmp_path, _env_file=None), kb=kb)
    engine.__dict__["retriever"] = retriever
    return engine


async def _asgi_get(app, path: str) -> tuple[int, bytes]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await app({"type": "http", "path": path, "method": "GET", "headers": [],
               "query_string": b""}, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def _slack_asgi():
    from slack_bolt import App

    from bot.slack.server import SlackAsgi

    app = App(token="xoxb-test", signing_secret="s3cret", token_verification_enabled=False)
    return SlackAsgi(app, "s3cret")


def _discord_endpoint(tmp_path):
    from bot.discord.http import InteractionsEndpoint

    key = SigningKey.generate().verify_key.encode().hex()
    settings = Settings(data_dir=tmp_path, discord_public_key=key, _env_file=None)
    return InteractionsEndpoint(object(), settings, front=object())


async def _discord_get(endpoint, name: str) -> tuple[int, dict]:
    response = await getattr(endpoint, name)(None)
    return response.status, json.loads(response.body)


def test_healthz_waits_for_the_warm_up_and_livez_does_not(kb, tmp_path):
    retriever = SlowRetriever()
    asgi, endpoint = _slack_asgi(), _discord_endpoint(tmp_path)
    assert warmup.readiness() == (True, "ready")  # no warm-up started: warms lazily
    state = _engine(kb, tmp_path, retriever).warm_up()
    assert state.state == "warming" and warmup.readiness() == (False, "warming")
    assert asyncio.run(_asgi_get(asgi, "/healthz")) == (503, b"warming")
    assert asyncio.run(_asgi_get(asgi, "/livez")) == (200, b"ok")
    assert asyncio.run(_discord_get(endpoint, "health")) == (503, {"ok": False,
                                                                   "status": "warming"})
    assert asyncio.run(_discord_get(endpoint, "live")) == (200, {"ok": True})
    retriever.release.set()
    assert state.wait(120) and state.state == "ready" and state.seconds is not None
    assert asyncio.run(_asgi_get(asgi, "/healthz")) == (200, b"ok")
    assert asyncio.run(_discord_get(endpoint, "health")) == (200, {"ok": True, "status": "ready"})


def test_a_failed_warm_up_is_reported_not_fatal(kb, tmp_path, caplog):
    retriever = SlowRetriever(fail=True)
    state = _engine(kb, tmp_path, retriever).warm_up()
    retriever.release.set()
    assert state.wait(120) and state.state == "failed"
    assert "ConnectionError" in state.error and "warm-up failed" in caplog.text
    assert warmup.readiness() == (True, "degraded")
    assert asyncio.run(_asgi_get(_slack_asgi(), "/healthz")) == (200, b"degraded")


def test_warm_up_starts_once_per_engine(kb, tmp_path):
    retriever = SlowRetriever()
    engine = _engine(kb, tmp_path, retriever)
    first = engine.warm_up()
    assert engine.warm_up() is first and first.thread is not None
    retriever.release.set()
    assert first.wait(120)


def test_warm_up_critiques_one_prompt_in_each_language_read_natively(kb, tmp_path):
    """The first user's critique must not pay for compiling patterns and loading the word
    tables (CC-CEDICT for Chinese): the warm-up critiques in every language first, offline and
    with the quick ethics check only (no model load for it)."""
    retriever = SlowRetriever()
    engine = _engine(kb, tmp_path, retriever)
    seen: list[tuple[str, list[str]]] = []
    real = engine.critique

    def recording(prompt, **options):
        result = real(prompt, **options)
        seen.append((result.language, result.ethics["layers"]))
        return result

    engine.critique = recording  # type: ignore[method-assign]
    state = engine.warm_up()
    retriever.release.set()
    assert state.wait(120) and state.state == "ready", state.error
    assert sorted(language for language, _ in seen) == ["en", "es", "ja", "zh"]
    assert all(layers == ["rules"] for _, layers in seen)


def test_only_a_servers_warm_up_freezes_the_heap(kb, tmp_path):
    import gc

    before = gc.get_freeze_count()
    retriever = SlowRetriever()
    plain = _engine(kb, tmp_path, retriever).warm_up()
    retriever.release.set()
    assert plain.wait(120) and gc.get_freeze_count() == before  # a test process keeps collecting
    warmup._current = None
    retriever = SlowRetriever()
    server = _engine(kb, tmp_path, retriever).warm_up(freeze_heap=True)
    retriever.release.set()
    try:
        assert server.wait(120) and server.state == "ready"
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


def test_real_warm_up_loads_the_model_and_the_index(kb, retrieval_data_dir):
    from bot.core.retrieval import embeddings

    engine = Engine(settings=Settings(data_dir=retrieval_data_dir, _env_file=None), kb=kb)
    state = engine.warm_up()
    assert state.wait(120) and state.state == "ready", state.error
    retriever = engine.retriever
    assert "searcher" in retriever.__dict__ and retriever._ready  # nothing left for a first ask
    assert embeddings.engine_name() == "onnx"
    assert engine.ask("what is a whip pan?").sources


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_redraws_one_bar():
    stream = _Tty()
    progress = StderrProgress(stream=stream)
    for done in (0, 32, 64, 70):
        progress(done, 70)
    out = stream.getvalue()
    assert out.count("\r") == 4 and "[" + "#" * 30 + "] 70/70" in out
    assert out.splitlines()[-1].startswith("Building the knowledge index: done, 70 passages")


def test_progress_in_a_log_is_two_lines_and_silent_without_work():
    stream = io.StringIO()
    StderrProgress(stream=stream)(0, 0)
    assert stream.getvalue() == ""
    progress = StderrProgress(stream=stream)
    for done in (0, 32, 64, 70):
        progress(done, 70)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2 and "70 passages to embed" in lines[0] and "done" in lines[1]


def test_first_ask_on_a_new_data_directory_shows_progress(tmp_path, capsys):
    """The index build that a first `ask` triggers draws progress on stderr."""
    from tests.retrieval_kb import make_tiny_kb, tiny_retriever

    make_tiny_kb(tmp_path)
    retriever = tiny_retriever(tmp_path, tmp_path / "data")
    retriever.search("camera", k=1)
    err = capsys.readouterr().err
    assert "Building the knowledge index" in err and "done" in err
