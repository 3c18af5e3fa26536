"""The vector index in chromadb, kept in step with the knowledge base by content hash.

Embedded (`PersistentClient` under the data directory) unless a Chroma server URL is set, then
`HttpClient`; both are the same `ClientAPI`, so everything after `make_client` is one code path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.config import Settings as ChromaSettings
from chromadb.utils.embedding_functions import register_embedding_function
from pydantic import BaseModel

from bot.core.retrieval.chunks import Chunk
from bot.core.retrieval.embeddings import MODEL_NAME, bulk, embed_documents

# The embedding model is part of the name: a different model means a different vector space.
COLLECTION = f"framecraft-knowledge-{MODEL_NAME.lower()}"
BATCH = 32
"""Chunks per upsert (and progress step)."""

Progress = Callable[[int, int], None]
"""progress(done, total) while chunks are embedded."""


@register_embedding_function
class MiniLMEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's view of `embed()`; registered so a persisted collection can name it. Chroma
    gets this class because its default embedding function fetches an ONNX model."""

    def __init__(self) -> None:
        pass

    def __call__(self, input: Documents) -> Embeddings:
        import numpy as np

        return [np.asarray(v, dtype=np.float32) for v in embed_documents(list(input))]

    @staticmethod
    def name() -> str:
        return "framecraft-minilm"

    def get_config(self) -> dict[str, Any]:
        return {"model": MODEL_NAME}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> MiniLMEmbeddingFunction:
        return MiniLMEmbeddingFunction()

    def default_space(self) -> Space:
        return "cosine"


class ClientSpec(BaseModel):
    """Which Chroma client to open; separate from opening it so the choice is testable."""

    mode: str  # "http" | "persistent"
    path: Path | None = None
    host: str = ""
    port: int = 0
    ssl: bool = False


def client_spec(data_dir: Path, chroma_url: str | None) -> ClientSpec:
    if chroma_url:
        url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        ssl = url.scheme == "https"
        return ClientSpec(mode="http", host=url.hostname or "localhost",
                          port=url.port or (443 if ssl else 8000), ssl=ssl)
    return ClientSpec(mode="persistent", path=Path(data_dir) / "chroma")


def make_client(spec: ClientSpec) -> ClientAPI:
    settings = ChromaSettings(anonymized_telemetry=False)
    if spec.mode == "http":
        return chromadb.HttpClient(host=spec.host, port=spec.port, ssl=spec.ssl,
                                   settings=settings)
    assert spec.path is not None
    spec.path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(spec.path), settings=settings)


class SyncReport(BaseModel):
    added: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


class SyncPlan(BaseModel):
    add: list[Chunk]
    update: list[Chunk]
    remove: list[str]
    kept: int

    @property
    def empty(self) -> bool:
        return not (self.add or self.update or self.remove)


def _metadata(chunk: Chunk) -> dict[str, str]:
    return {"kind": chunk.kind, "ref_id": chunk.ref_id, "title": chunk.title,
            "model": chunk.model, "tags": ",".join(chunk.tags), "file": chunk.file,
            "hash": chunk.hash}


class VectorIndex:
    def __init__(self, client: ClientAPI):
        self.client = client
        self.collection = client.get_or_create_collection(
            COLLECTION, embedding_function=MiniLMEmbeddingFunction(),
            configuration={"hnsw": {"space": "cosine"}},
        )

    def stored_hashes(self) -> dict[str, str]:
        got = self.collection.get(include=["metadatas"])
        return {i: str((m or {}).get("hash", "")) for i, m in zip(got["ids"], got["metadatas"] or [],
                                                                  strict=False)}

    def plan(self, chunks: Sequence[Chunk]) -> SyncPlan:
        stored = self.stored_hashes()
        wanted = {c.id: c for c in chunks}
        add = [c for c in chunks if c.id not in stored]
        update = [c for c in chunks if c.id in stored and stored[c.id] != c.hash]
        remove = sorted(set(stored) - set(wanted))
        return SyncPlan(add=add, update=update, remove=remove,
                        kept=len(wanted) - len(add) - len(update))

    def sync(self, chunks: Sequence[Chunk], progress: Progress | None = None) -> SyncReport:
        """Embed only new and changed chunks, delete vanished ones. Idempotent.

        All the chunks to embed go to `embed_documents` at once: it takes what the vector
        cache has and embeds the rest longest first, so batches pad little (per upsert batch
        of 32 they padded to the longest of each 32). Progress counts the passages embedded
        and ends after the upserts."""
        plan = self.plan(chunks)
        todo = plan.add + plan.update
        if progress:
            progress(0, len(todo))
        if todo:
            def embedding(done: int, total: int) -> None:
                if progress and total:  # the upserts are the last step: end on them
                    progress(min(len(todo) - 1, round(done * len(todo) / total)), len(todo))

            with bulk():
                vectors = embed_documents([c.embed_text for c in todo], embedding)
            for start in range(0, len(todo), BATCH):
                batch = todo[start:start + BATCH]
                self.collection.upsert(
                    ids=[c.id for c in batch],
                    embeddings=vectors[start:start + BATCH],
                    documents=[c.text for c in batch],
                    metadatas=[_metadata(c) for c in batch],
                )
            if progress:
                progress(len(todo), len(todo))
        if plan.remove:
            self.collection.delete(ids=plan.remove)
        return SyncReport(added=len(plan.add), updated=len(plan.update),
                          removed=len(plan.remove), kept=plan.kept)

    def query(self, vector: list[float], n: int, where: dict[str, Any] | None = None
              ) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) best first."""
        if n <= 0:
            return []
        # No count() first: Chroma returns what it has when asked for more (a round trip saved).
        res = self.collection.query(query_embeddings=[vector], n_results=n,
                                    where=where or None, include=["distances"])
        ids, dists = res["ids"][0], (res["distances"] or [[]])[0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=True)]
