"""Shared fixtures: one knowledge base and engine per session (loading is the slow part)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from bot.config import Settings  # noqa: E402
from bot.core.engine import Engine  # noqa: E402
from bot.core.knowledge import KnowledgeBase, load_knowledge  # noqa: E402

SEED_BROKEN = ["A cat jumps on the table", "Cinematic forest scene with birds",
               "Man walking down street, 4K"]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data", _env_file=None)


@pytest.fixture
def engine(kb, settings) -> Engine:
    return Engine(settings=settings, kb=kb)
