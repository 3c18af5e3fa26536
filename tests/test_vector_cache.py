"""The passage-vector cache (bot/core/retrieval/vector_cache.py): vectors found in it are the
ones the model would compute, a changed model or text is never served from it, and a new data
directory's index build embeds only what no store has."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.config import Settings
from bot.core.retrieval import embeddings, onnx_model, vector_cache
from bot.core.retrieval.chunks import build_chunks


@pytest.fixture
def manifest(retrieval_data_dir) -> dict:
    found = onnx_model.read_manifest(onnx_model.artifact_dir(retrieval_data_dir))
    assert found is not None
    return found


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("FRAMECRAFT_CACHE_DIR", str(directory))
    monkeypatch.delenv("FRAMECRAFT_VECTOR_CACHE", raising=False)
    return directory


def test_shipped_vectors_are_the_models_own(kb, retrieval_data_dir, manifest):
    """The shipped file is for the shipped model, and every vector in it that a current
    passage looks up equals what the export computes now (to the 1e-5 the export is held to)."""
    key = vector_cache.model_key(manifest)
    shipped = vector_cache.read(vector_cache.SHIPPED, key)
    assert shipped, "shipped_vectors.npz is missing or for another model: run " \
                    "`python -m bot.core.retrieval.vector_cache --write-shipped`"
    texts = [c.embed_text for c in build_chunks(kb)]
    covered = [t for t in texts if vector_cache.text_key(t) in shipped]
    assert len(covered) >= len(texts) // 2, "most shipped passages changed: write it again"
    sample = covered[::7]
    fresh = onnx_model.load_encoder(retrieval_data_dir).encode(sample)
    stored = np.array([shipped[vector_cache.text_key(t)] for t in sample])
    assert float(np.abs(stored - fresh).max()) < 1e-5


def test_another_model_or_text_is_never_served(tmp_path, manifest):
    key = vector_cache.model_key(manifest)
    path = tmp_path / "v.npz"
    vector = np.ones(384, dtype=np.float32) / np.sqrt(384)
    assert vector_cache.write(path, key, {vector_cache.text_key("rack focus"): vector})
    assert set(vector_cache.read(path, key)) == {vector_cache.text_key("rack focus")}
    changed = {**manifest, "source_sha256": {**manifest["source_sha256"],
                                             "model.safetensors": "0" * 64}}
    assert vector_cache.model_key(changed) != key
    assert vector_cache.read(path, vector_cache.model_key(changed)) == {}
    assert vector_cache.model_key({**manifest, "max_seq_length": 128}) != key
    assert vector_cache.text_key("rack focus ") != vector_cache.text_key("rack focus")


@pytest.mark.parametrize("damage", [b"", b"not a zip", b"PK\x03\x04" + b"\x00" * 40])
def test_a_damaged_file_is_ignored(tmp_path, manifest, damage):
    path = tmp_path / "v.npz"
    path.write_bytes(damage)
    assert vector_cache.read(path, vector_cache.model_key(manifest)) == {}


def test_the_user_file_keeps_the_newest(cache_dir, manifest, monkeypatch):
    monkeypatch.setattr(vector_cache, "MAX_VECTORS", 3)
    key = vector_cache.model_key(manifest)
    cache = vector_cache.VectorCache(key)
    vectors = [np.full(4, i, dtype=np.float32) for i in range(5)]
    cache.add([f"text {i}" for i in range(5)], vectors)
    stored = vector_cache.read(vector_cache.user_file(key), key)
    assert list(stored) == [vector_cache.text_key(f"text {i}") for i in (2, 3, 4)]
    vector_cache.VectorCache(key).add(["text 2"], [vectors[2]])  # used again: newest now
    stored = vector_cache.read(vector_cache.user_file(key), key)
    assert list(stored)[-1] == vector_cache.text_key("text 2") and len(stored) == 3


def test_a_new_data_directory_embeds_only_what_no_store_has(kb, retrieval_data_dir, tmp_path,
                                                            cache_dir, monkeypatch):
    """With the vectors cached, building a second index computes nothing; an edited passage
    is the only one computed; with the cache turned off, everything is."""
    from bot.core.retrieval import Retriever

    assert embeddings.use_data_dir(retrieval_data_dir, export=False)
    encoder = embeddings.onnx_encoder()
    assert encoder is not None
    computed: list[str] = []
    real_encode = encoder.encode

    def counting(texts, *args, **kwargs):
        computed.extend(texts)
        return real_encode(texts, *args, **kwargs)

    monkeypatch.setattr(encoder, "encode", counting)
    monkeypatch.setattr(embeddings, "_document_cache", {})
    monkeypatch.setattr(embeddings, "_vector_cache", None)
    monkeypatch.setattr(vector_cache, "SHIPPED", tmp_path / "none.npz")  # the user file only
    chunks = build_chunks(kb)[:12]
    edited = chunks[0].model_copy(update={"text": chunks[0].text + " Edited."})

    def build(data_dir: Path, items) -> None:
        monkeypatch.setattr(embeddings, "_document_cache", {})
        retriever = Retriever(Settings(data_dir=data_dir, _env_file=None), kb, chat_model=None)
        retriever.__dict__["chunks"] = list(items)
        retriever.sync()

    build(tmp_path / "first", chunks)
    assert len(computed) == 12
    computed.clear()
    build(tmp_path / "second", chunks)
    assert computed == []
    build(tmp_path / "third", [edited, *chunks[1:]])
    assert computed == [edited.embed_text]
    computed.clear()
    monkeypatch.setenv("FRAMECRAFT_VECTOR_CACHE", "0")
    build(tmp_path / "fourth", chunks)
    assert len(computed) == 12
