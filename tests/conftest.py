"""Shared fixtures: one knowledge base and engine per session (loading is the slow part)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# Compiled regex programs (bot.core.cached_re) go to a directory of this run, not the user's.
os.environ.setdefault("FRAMECRAFT_CACHE_DIR", tempfile.mkdtemp(prefix="framecraft-test-cache-"))

from bot.config import Settings  # noqa: E402
from bot.core.engine import Engine  # noqa: E402
from bot.core.knowledge import KnowledgeBase, load_knowledge  # noqa: E402

SEED_BROKEN = ["A cat jumps on the table", "Cinematic forest scene with birds",
               "Man walking down street, 4K"]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def retrieval_data_dir(tmp_path_factory, kb) -> Path:
    """A data directory holding the vector index of the real knowledge base, built once per
    session: embedding every chunk is the slow part (a minute or more on 2 cores). Tests and
    fronts that search or `ask` share it; nothing may change the knowledge base it indexes."""
    from bot.core.retrieval import Retriever

    data_dir = tmp_path_factory.mktemp("retrieval-data")
    retriever = Retriever(Settings(data_dir=data_dir, _env_file=None), kb, chat_model=None)
    report = retriever.sync()
    assert report.added == len(retriever.chunks) and not report.kept
    return data_dir


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data", _env_file=None)


@pytest.fixture
def engine(kb, settings) -> Engine:
    return Engine(settings=settings, kb=kb)
