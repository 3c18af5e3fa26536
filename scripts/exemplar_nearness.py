"""What the generators of word tables (gen_motion_words.py, gen_place_words.py) share: how near
each candidate word is to hand-written exemplars with the shipped MiniLM, and the tuple literal
the generated module holds.

Offline only (the model is not loaded at run time); imported by the scripts beside it.
"""

from __future__ import annotations

import textwrap
from typing import Any


def wrapped(words: list[str]) -> str:
    """A sorted tuple literal, one line per few words (the linter's line length)."""
    body = textwrap.fill(" ".join(f"{w!r}," for w in sorted(words)), width=96,
                         initial_indent="    ", subsequent_indent="    ")
    return f"(\n{body}\n)"


def nearness(frame: str, words: list[str], exemplar_sets: list[list[str]],
             nearest: int) -> list[Any]:
    """For each exemplar set, each word's mean cosine similarity to its `nearest` most similar
    exemplars, all said in `frame` ("it moves {}"); numpy arrays in the order of `words`."""
    import numpy as np

    from bot.core.retrieval.embeddings import load_model

    model = load_model()

    def encode(items: list[str]) -> Any:
        return model.encode([frame.format(w) for w in items], batch_size=128,
                            normalize_embeddings=True, show_progress_bar=True)

    vectors = encode(words)
    return [np.sort(vectors @ encode(exemplars).T, axis=1)[:, -nearest:].mean(axis=1)
            for exemplars in exemplar_sets]
