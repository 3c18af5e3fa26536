"""Warm-up for servers: load what a first `/ask` needs in a background thread right after start.

Without it the first `/ask` of a Slack or Discord process pays for the knowledge base, the
embedding model and the vector index (seconds, or an index build on a new data directory), and
a load balancer routes traffic to a replica that is not ready. `readiness()` is what `/healthz`
reports (and `/readyz` names, bot.core.health); liveness (`/livez`) never waits for any
of this.

One warm-up per process: a server process holds one engine.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from typing import Any, Literal

log = logging.getLogger("framecraft.warmup")

State = Literal["idle", "warming", "ready", "failed"]


class WarmUp:
    """The state of one engine's warm-up: idle until `start`, then warming, then ready (or
    failed: retrieval is unavailable, the rest of the bot still works, and the error is logged)."""

    def __init__(self, engine: Any, freeze_heap: bool = False):
        self.engine = engine
        self.freeze_heap = freeze_heap
        self.state: State = "idle"
        self.error: str | None = None
        self.seconds: float | None = None
        self._done = threading.Event()
        self._start_lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self._finished_at = 0.0

    def start(self) -> WarmUp:
        with self._start_lock:
            if self.thread is None:
                self.state = "warming"
                self.thread = threading.Thread(target=self._run, name="framecraft-warm-up",
                                               daemon=True)
                self.thread.start()
        return self

    def retry(self, min_interval_s: float) -> bool:
        """Warm up again after a failure (the Chroma server was down at start, say), at most
        once every `min_interval_s`; True when a new attempt started. Readiness calls this, so
        a replica heals without a restart."""
        with self._start_lock:
            if self.state != "failed" or time.monotonic() - self._finished_at < min_interval_s:
                return False
            self.state, self.error = "warming", None
            self._done.clear()
            self.thread = threading.Thread(target=self._run, name="framecraft-warm-up",
                                           daemon=True)
            self.thread.start()
            return True

    def wait(self, timeout: float | None = None) -> bool:
        """True once the warm-up has finished (ready or failed)."""
        return self._done.wait(timeout)

    @property
    def ready(self) -> bool:
        """Finished: a failed warm-up is final too (retrieval then reports its own error)."""
        return self.state in ("ready", "failed")

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            self.engine.kb  # noqa: B018 (parse and validate the knowledge base)
            getattr(self.engine, "ethics_rules", None)  # compiled once, if the engine has them
            _prepare_critique(self.engine)
            self.engine.retriever.warm_up()
            _prepare_similar_prompts(self.engine)
            self.state = "ready"
            if self.freeze_heap:
                settle_heap()
        except Exception as e:  # noqa: BLE001 (a chroma server down must not kill the process)
            self.error = f"{type(e).__name__}: {e}"
            self.state = "failed"
            log.warning("warm-up failed, retrieval may be unavailable: %s", self.error)
        finally:
            self.seconds = time.perf_counter() - started
            self._finished_at = time.monotonic()
            self._done.set()
            log.info("warm-up %s in %.1f s", self.state, self.seconds)


WARM_PROMPTS = (
    "A fox trots through snowy birch woods at dawn, low angle tracking shot, soft light",
    "一只猫在雨夜的街道上慢慢地走，霓虹灯倒影，电影感",
    "Una mujer camina despacio por la playa al atardecer, cámara lenta",
    "少女が夕暮れの駅のホームをゆっくり歩く、手持ちカメラ",
)
"""One short prompt per language the critique reads natively: a warm-up critiques each once."""


def _prepare_critique(engine: Any) -> None:
    """Critique one prompt per language (with the quick ethics check, offline) so the first
    user's `/critique` answers like the hundredth: a fresh process pays 0.1-0.6 s per language
    on its first prompt (compiled patterns, the word tables, CC-CEDICT for Chinese), several
    seconds for Chinese on a busy machine."""
    for prompt in WARM_PROMPTS:
        engine.critique(prompt, with_retrieval=False, with_llm=False, ethics="quick")


def settle_heap() -> None:
    """Collect once and freeze what is left out of every later collection (gc.freeze).

    Why: a warmed server holds the knowledge base, lexicons, compiled patterns and the model's
    tables for its whole life; each full collection walked all of them, a pause of about 40 ms
    in the middle of some request (critique_latency's slowest call, 42 ms, fell to 10 ms).
    Only for a server's own process (the fronts' entry points ask for it): frozen objects are
    never collected as cycles, which a test process creating many engines should not do."""
    gc.collect()
    gc.freeze()


def _prepare_similar_prompts(engine: Any) -> None:
    """Embed the gallery for "prompts like yours" while the model is loaded anyway; without the
    ONNX encoder (torch forced, export missing) similar prompts stay on keywords."""
    from bot.core.retrieval.embeddings import bulk, onnx_encoder
    from bot.core.retrieval.similar import gallery_similarity

    encoder = onnx_encoder()
    if encoder is not None:
        # In a bulk block: its session and arena are dropped afterwards and the heap handed
        # back. On the query session the gallery's batches left a server 156 MB larger.
        with bulk():
            gallery_similarity(engine.kb).prepare_vectors(encoder)


def similar_prompts_encoder() -> Any:
    """The encoder "prompts like yours" may use in this process: only once a warm-up finished
    (a long-running front), never in a cold CLI, which must not load a model for it."""
    current = _current
    if current is None or current.state != "ready":
        return None
    from bot.core.retrieval.embeddings import onnx_encoder, query_vector

    encoder = onnx_encoder()
    return None if encoder is None else _CachedQueries(encoder, query_vector)


class _CachedQueries:
    """The encoder for "prompts like yours": one text through the per-process query cache (the
    ethics check of the same critique has usually encoded the prompt already)."""

    def __init__(self, encoder: Any, query: Any) -> None:
        self.encode, self._query = encoder.encode, query

    def __call__(self, text: str) -> Any:
        return self._query(text)


_current: WarmUp | None = None
_current_lock = threading.Lock()


def start_warm_up(engine: Any, freeze_heap: bool = False) -> WarmUp:
    """Start warming `engine` in the background (once per process) and return its state.
    `freeze_heap`: a server's entry point settles the heap once warm (see `settle_heap`)."""
    global _current
    with _current_lock:
        if _current is None or _current.engine is not engine:
            _current = WarmUp(engine, freeze_heap)
        return _current.start()


def current() -> WarmUp | None:
    """This process's warm-up, if one was started."""
    return _current


def readiness() -> tuple[bool, str]:
    """(ready, status) for `/healthz`: "warming" until the warm-up ends, then "ready" or
    "degraded" (retrieval failed to load). A process that never started a warm-up (a test's
    in-process server) warms lazily and is "ready"."""
    current = _current
    if current is None or current.state == "idle":
        return True, "ready"
    if current.state == "warming":
        return False, "warming"
    return True, "ready" if current.state == "ready" else "degraded"
