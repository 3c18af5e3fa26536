"""`Retriever`: the one interface the engine uses for indexing, search and `ask`.

Embeddings come from the ONNX export in the data directory (made on first use); langchain is
imported only when a chat model is configured.
"""

from __future__ import annotations

import logging
import threading
from functools import cached_property
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.core.knowledge import KnowledgeBase
from bot.core.retrieval import embeddings
from bot.core.retrieval.ask import Answer, extractive_answer, relevant, source_of
from bot.core.retrieval.chunks import KINDS, Chunk, build_chunks
from bot.core.retrieval.index import Progress, SyncReport, VectorIndex, client_spec, make_client
from bot.core.retrieval.progress import StderrProgress
from bot.core.retrieval.search import Hit, HybridSearch, Mode

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger(__name__)
_UNSET = object()


class Retriever:
    def __init__(self, settings: Settings, kb: KnowledgeBase,
                 chat_model: BaseChatModel | None | object = _UNSET):
        """`chat_model` overrides the configured LLM (tests pass fakes; None disables it)."""
        self.settings = settings
        self.kb = kb
        self._chat_model = chat_model
        self._ready = False
        self._lock = threading.RLock()

    @cached_property
    def chunks(self) -> list[Chunk]:
        return build_chunks(self.kb)

    @cached_property
    def index(self) -> VectorIndex:
        return VectorIndex(make_client(client_spec(self.settings.data_dir,
                                                   self.settings.chroma_url)))

    @cached_property
    def searcher(self) -> HybridSearch:
        return HybridSearch(self.chunks, self.index)

    @cached_property
    def chat_model(self) -> BaseChatModel | None:
        if self._chat_model is not _UNSET:
            return self._chat_model  # type: ignore[return-value]
        from bot.core import llm

        try:
            return llm.build_chat_model(self.settings)
        except Exception as e:  # a misconfigured LLM must not take the offline answer down
            log.warning("chat model %r could not be built: %s", self.settings.llm,
                        type(e).__name__)
            return None

    def is_stale(self) -> bool:
        return not self.index.plan(self.chunks).empty

    def prepare_embeddings(self) -> bool:
        """Serve embeddings from the ONNX export in the data directory, exporting it first if it
        is missing or the shipped weights changed; False means sentence-transformers serves."""
        return embeddings.use_data_dir(self.settings.data_dir)

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Bring the index in line with the knowledge base, embedding only what changed."""
        with self._lock:
            with embeddings.exporting(self.settings.data_dir):
                self.index  # noqa: B018 (chromadb and the client load while the model exports)
                self.chunks  # noqa: B018
            self.prepare_embeddings()
            report = self.index.sync(self.chunks, progress)
            self._ready = True
            return report

    def ensure_index(self, progress: Progress | None = None) -> None:
        """Index on first use if the index is missing or stale (checked once per process); a
        build shows a progress bar on stderr unless `progress` is given."""
        if self._ready:
            return
        with self._lock:
            if not self._ready:
                self.sync(progress or StderrProgress())

    def warm_up(self) -> None:
        """Load everything a first `ask` would: the embedding model (exported if needed), the
        index (built if needed, and read into memory by one query), the keyword index. No chat
        model is called."""
        self.ensure_index()
        probe = "how do I keep a character consistent across shots?"
        extractive_answer(probe, self.searcher.search(probe, k=6), idf=self._idf)

    def search(self, query: str, k: int = 5, kind: str | None = None, model: str | None = None,
               mode: Mode = "hybrid") -> list[Hit]:
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
        self.ensure_index()
        return self.searcher.search(query, k=k, kind=kind, model=model, mode=mode)

    def ask(self, question: str, kind: str | None = None, model: str | None = None) -> Answer:
        hits = self.search(question, k=6, kind=kind, model=model)
        offline = extractive_answer(question, hits, idf=self._idf)
        if self.chat_model is None or not offline.sources:
            return offline
        from bot.core import llm

        passages = relevant(hits)
        try:
            result = llm.answer_question(self.chat_model, question, passages,
                                         self.settings.llm_timeout_s)
        except llm.LLMError as e:
            log.warning("LLM answer failed: %s", e)
            offline.notices.append(llm.notice_for_fallback(str(e)))
            return offline
        cited = [passages[n - 1] for n in result.cited] or passages
        return Answer(question=question, answer=result.answer.strip(),
                      sources=[source_of(h) for h in cited],
                      answered_by=llm.model_label(self.chat_model))

    def _idf(self, term: str) -> float:
        return max(self.searcher.bm25.idf.get(term, 0.0), 0.0) + 0.1
