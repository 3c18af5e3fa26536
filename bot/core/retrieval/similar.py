"""Prompts like yours: the gallery entries closest to a prompt, without the vector index.

A critique takes a few milliseconds; the vector index needs torch and the embedding model
(seconds to load, minutes to build on a fresh data directory). So every critique finding
similar prompts would be slow, and the first one very slow. Here similarity is lexical and
structural, and costs a fraction of a millisecond:
- BM25 over each entry's title, tags and prompt: the words of the scene (fox, snow, neon, wok).
  "Why it works" is left out: it is written in craft words every entry shares (lighting, camera,
  motion), which would make every prompt look like every other.
- a bonus for an entry written for the same target model, whose dialect the writer needs, and
  one for covering the components the prompt lacks, which is what makes an example instructive.
BM25 scores are scaled so the best entry scores 1, then the bonuses are added.

Must not import chromadb, torch or sentence-transformers (a test checks it), nor numpy: a
hundred-odd entries are scored faster in plain Python than numpy takes to import.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from bot.core.critique.components import Component
from bot.core.knowledge import GalleryEntry, KnowledgeBase
from bot.core.retrieval.keywords import KeywordIndex, tokenize

SAME_MODEL_BONUS = 0.15
MISSING_BONUS = 0.1
"""Times the share of the prompt's missing components the entry has."""
_MAX = 1.0 + SAME_MODEL_BONUS + MISSING_BONUS
_WORDS = re.compile(r"[a-z0-9]+")


def _same_text(prompt: str) -> str:
    """A prompt's identity for exclusion: case, spacing and punctuation do not count."""
    return " ".join(_WORDS.findall(prompt.lower()))


class GallerySimilarity:
    def __init__(self, kb: KnowledgeBase):
        self.entries: list[GalleryEntry] = list(kb.gallery.values())
        self.keywords = KeywordIndex([tokenize(f"{e.title} {' '.join(e.tags)} {e.prompt}")
                                      for e in self.entries])
        self._identity = {_same_text(e.prompt): i for i, e in enumerate(self.entries)}
        self._has = [{c.value for c in e.components} for e in self.entries]

    def find(self, prompt: str, k: int = 3, model: str | None = None,
             missing: Iterable[str] = ()) -> list[tuple[GalleryEntry, float]]:
        """Up to k entries, best first, with a 0-1 score; the prompt itself is never one.

        An entry must share a word with the prompt or be written for its target model:
        bonuses alone ("has audio") do not make two prompts alike.
        """
        if not self.entries or k <= 0:
            return []
        keyword = self.keywords.score_map(tokenize(prompt))
        itself = self._identity.get(_same_text(prompt))
        if itself is not None:  # before scaling: the best match of a gallery prompt is itself
            keyword.pop(itself, None)
        top = max(keyword.values(), default=0.0)
        wanted = {str(getattr(m, "value", m)) for m in missing}
        wanted &= {c.value for c in Component}
        scored: list[tuple[float, int]] = []
        for i, entry in enumerate(self.entries):
            score = keyword.get(i, 0.0)
            if top > 0:
                score /= top
            same = bool(model) and entry.model == model
            if i == itself or not (score > 0 or same):
                continue
            if same:
                score += SAME_MODEL_BONUS
            if wanted:
                score += (MISSING_BONUS / len(wanted)) * len(wanted & self._has[i])
            scored.append((score, i))
        scored.sort(key=lambda t: -t[0])  # stable: ties keep gallery order
        return [(self.entries[i], round(score / _MAX, 3)) for score, i in scored[:k]]


_cache: dict[int, tuple[KnowledgeBase, GallerySimilarity]] = {}
_cache_lock = threading.Lock()
_CACHE_MAX = 8


def gallery_similarity(kb: KnowledgeBase) -> GallerySimilarity:
    """The index for this knowledge base, built once (a few ms) and kept with it."""
    got = _cache.get(id(kb))
    if got is not None and got[0] is kb:
        return got[1]
    index = GallerySimilarity(kb)
    with _cache_lock:
        if len(_cache) >= _CACHE_MAX:
            _cache.pop(next(iter(_cache)))
        _cache[id(kb)] = (kb, index)  # holding kb keeps its id from being reused
    return index
