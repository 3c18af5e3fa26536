"""Passage vectors kept across processes and data directories, keyed so they cannot go stale.

Why: embedding the knowledge base's 534 passages is ~20 s of CPU (about 100,000 tokens through
MiniLM in float32, which ONNX Runtime already runs near the CPU's peak), and it was most of a
first `ask` on a new data directory. A vector depends only on the model and the text, so it is
stored under both:
- the model key: a hash of the shipped model files' checksums (the export manifest's
  `source_sha256`), the maximum sequence length and `RECIPE` (bumped when how a text becomes a
  vector changes). Another model, or changed weights or tokenizer, gives another key, and the
  old vectors are never looked at;
- the text key: the first 16 bytes of the text's SHA-256. A changed passage is a new key, so
  only it is embedded again.

Two stores, read in this order: the user's cache directory (`cached_re.cache_directory()`,
written after every embedding of passages, capped at `MAX_VECTORS`, oldest out first), then the
vectors of the shipped knowledge base that ship with the code (`SHIPPED`, written by
`python -m bot.core.retrieval.vector_cache --write-shipped`; its vectors were computed by this
ONNX export, and tests/test_vector_cache.py checks them against fresh ones). Whatever neither has
is embedded. `FRAMECRAFT_VECTOR_CACHE=0` turns both off (benchmarks measure the full build).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.cache_files import write_cache_file

if TYPE_CHECKING:
    import numpy as np

RECIPE = 1
"""Bumped when the text -> vector recipe changes (stripping, truncation, pooling)."""
MAX_VECTORS = 20_000
"""Vectors kept in the user's file (30 MB at 384 dimensions); the oldest go first."""
SHIPPED = Path(__file__).with_name("shipped_vectors.npz")
KEY_BYTES = 16
_lock = threading.Lock()


def enabled() -> bool:
    return os.environ.get("FRAMECRAFT_VECTOR_CACHE", "").strip().lower() not in ("0", "false", "no")


def model_key(manifest: dict[str, Any]) -> str:
    """The key of everything that decides a vector besides the text (see the module doc)."""
    payload = {"recipe": RECIPE, "source_sha256": manifest["source_sha256"],
               "max_seq_length": manifest["max_seq_length"]}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:32]


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()[:KEY_BYTES]


def user_file(key: str) -> Path:
    from bot.core.cached_re import cache_directory

    return cache_directory() / f"passage-vectors-{key}.npz"


def read(path: Path, key: str) -> dict[bytes, np.ndarray]:
    """The vectors stored in `path` for model `key`; empty when the file is missing, damaged
    or written for another model."""
    import zipfile

    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_key"]) != key:
                return {}
            keys, vectors = data["keys"], data["vectors"]
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return {}
    if keys.ndim != 2 or keys.shape[1] != KEY_BYTES or vectors.ndim != 2 \
            or len(keys) != len(vectors) or vectors.dtype != np.float32:
        return {}
    return {bytes(k): v for k, v in zip(keys, vectors, strict=True)}


def write(path: Path, key: str, vectors: dict[bytes, np.ndarray]) -> bool:
    """Store `vectors` (insertion order kept: the newest last) for model `key`, atomically."""
    import numpy as np

    if not vectors:
        return False
    buffer = io.BytesIO()
    keys = np.frombuffer(b"".join(vectors), dtype=np.uint8).reshape(len(vectors), KEY_BYTES)
    np.savez(buffer, model_key=np.array(key), keys=keys,
             vectors=np.stack(list(vectors.values())).astype(np.float32))
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_cache_file(path, buffer.getvalue())


class VectorCache:
    """The two stores for one model key, read once per process."""

    def __init__(self, key: str):
        self.key = key
        self._known: dict[bytes, np.ndarray] | None = None

    def _load(self) -> dict[bytes, np.ndarray]:
        if self._known is None:
            self._known = {**read(SHIPPED, self.key), **read(user_file(self.key), self.key)}
        return self._known

    def lookup(self, texts: list[str]) -> dict[str, np.ndarray]:
        """The stored vector of each text that has one."""
        if not enabled():
            return {}
        with _lock:
            known = self._load()
            return {t: known[k] for t in texts if (k := text_key(t)) in known}

    def add(self, texts: list[str], vectors: list[np.ndarray]) -> None:
        """Remember newly embedded texts here and in the user's file (merged with what another
        process wrote meanwhile, the newest `MAX_VECTORS` kept). Best effort."""
        if not enabled() or not texts:
            return
        import numpy as np

        fresh = {text_key(t): np.asarray(v, dtype=np.float32) for t, v in zip(texts, vectors,
                                                                               strict=True)}
        with _lock:
            self._load().update(fresh)
            path = user_file(self.key)
            stored = read(path, self.key)
            for k in fresh:
                stored.pop(k, None)  # re-added at the end: the newest
            stored.update(fresh)
            if len(stored) > MAX_VECTORS:
                stored = dict(list(stored.items())[-MAX_VECTORS:])
            write(path, self.key, stored)


def _write_shipped(argv: list[str]) -> int:
    """Embed the shipped knowledge base's passages with a fresh export and store them in
    `SHIPPED` (run after the knowledge base or the model changes; a stale file only costs
    the passages that changed)."""
    import tempfile

    from bot.core.knowledge import load_knowledge
    from bot.core.retrieval import onnx_model
    from bot.core.retrieval.chunks import build_chunks

    with tempfile.TemporaryDirectory(prefix="fc-vectors-") as tmp:
        manifest = onnx_model.export(Path(tmp))
        encoder = onnx_model.load_encoder(Path(tmp), threads=os.cpu_count() or 1)
        kb = load_knowledge()  # the shipped knowledge base, whatever this machine configures
        texts = list(dict.fromkeys(c.embed_text for c in build_chunks(kb)))
        with encoder.bulk():
            vectors = encoder.encode(texts)
    key = model_key(manifest)
    if not write(SHIPPED, key, {text_key(t): v for t, v in zip(texts, vectors, strict=True)}):
        print(f"could not write {SHIPPED}", file=sys.stderr)
        return 1
    print(f"wrote {len(texts)} vectors for model {key} to {SHIPPED} "
          f"({SHIPPED.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--write-shipped"]:
        print("usage: python -m bot.core.retrieval.vector_cache --write-shipped", file=sys.stderr)
        sys.exit(2)
    sys.exit(_write_shipped(sys.argv[1:]))
