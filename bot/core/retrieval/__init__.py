"""Retrieval over the knowledge base: chunking, the chroma index, hybrid search and `ask`.

Use `Retriever`; the modules behind it are small on purpose (chunks, embeddings, index, search,
ask) so each can be tested and benchmarked on its own. Names are imported lazily: chromadb and
torch take a second or two to import, and a critique without retrieval should not pay for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from bot.core.retrieval.chunks import KINDS, Chunk

if TYPE_CHECKING:
    from bot.core.retrieval.ask import Answer, Source
    from bot.core.retrieval.index import SyncReport
    from bot.core.retrieval.retriever import Retriever
    from bot.core.retrieval.search import Hit

_LAZY = {"Answer": "ask", "Source": "ask", "SyncReport": "index", "Retriever": "retriever",
         "Hit": "search"}

__all__ = ["KINDS", "Answer", "Chunk", "Hit", "Retriever", "Source", "SyncReport"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"bot.core.retrieval.{_LAZY[name]}"), name)
    raise AttributeError(name)
