"""Retrieval over the knowledge base: chunking, the chroma index, hybrid search and `ask`.

Use `Retriever`; the modules behind it are small on purpose (chunks, embeddings, index, search,
ask) so each can be tested and benchmarked on its own.
"""

from bot.core.retrieval.ask import Answer, Source
from bot.core.retrieval.chunks import KINDS, Chunk
from bot.core.retrieval.index import SyncReport
from bot.core.retrieval.retriever import Retriever
from bot.core.retrieval.search import Hit

__all__ = ["KINDS", "Answer", "Chunk", "Hit", "Retriever", "Source", "SyncReport"]
