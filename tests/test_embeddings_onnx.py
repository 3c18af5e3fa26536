"""Embeddings on ONNX Runtime: the same vectors as sentence-transformers, an export that is
rebuilt when the shipped weights change, and query paths that never import torch."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bot.core.knowledge import REPO_ROOT
from bot.core.retrieval import embeddings, onnx_model
from bot.core.retrieval.chunks import build_chunks

EDGE_CASES = [
    "",
    " ",
    "a",
    "rack focus",
    "  leading and trailing spaces  ",
    "UPPER CASE SHOUTING ABOUT A DOLLY-IN",
    "Émigré naïve café, Straße, Ærø: accents and ligatures",
    "日本語のプロンプト：夕暮れの東京、雨、ネオン",
    "emoji 🎬🎥✨ and symbols <>&%$#@!",
    "tabs\tand\nnewlines\r\ninside",
    "word " * 400,  # past max_seq_length: truncation must match
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "4K 8K 35mm f/1.4 24fps 1/48s",
]


@pytest.fixture(scope="module")
def texts(kb) -> list[str]:
    """A few hundred texts: every chunk the index embeds, every gallery prompt, edge cases."""
    out = [c.embed_text for c in build_chunks(kb)]
    out += [e.prompt for e in kb.gallery.values()]
    out += EDGE_CASES
    assert len(out) >= 300
    return out


@pytest.fixture(scope="module")
def encoder(retrieval_data_dir):
    """The export the session's index was built with (conftest's Retriever.sync made it)."""
    assert onnx_model.export_status(retrieval_data_dir) == "ok"
    return onnx_model.load_encoder(retrieval_data_dir)


def test_onnx_vectors_equal_sentence_transformers(encoder, texts):
    st = embeddings.load_model().encode(texts, batch_size=32, normalize_embeddings=True,
                                        convert_to_numpy=True, show_progress_bar=False)
    batched = encoder.encode(texts)
    assert batched.shape == st.shape == (len(texts), 384)
    assert float(np.abs(batched - st).max()) < 1e-5
    single = np.array([encoder(t) for t in texts[::6]])
    assert float(np.abs(single - st[::6]).max()) < 1e-5
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)


def test_embed_and_query_encoder_serve_onnx_once_exported(retrieval_data_dir, texts):
    """The public functions keep their signatures and semantics, on ONNX."""
    assert embeddings.use_data_dir(retrieval_data_dir, export=False)
    assert embeddings.engine_name() == "onnx"
    vectors = embeddings.embed(texts[:20], batch_size=4)
    assert len(vectors) == 20 and all(len(v) == 384 for v in vectors)
    fast = embeddings.query_encoder()
    assert fast is not None
    assert float(np.abs(np.asarray(fast(texts[3])) - np.asarray(vectors[3])).max()) < 1e-5
    assert embeddings.embed([]) == []


def _copy_export(src_dir: Path, dst_dir: Path) -> Path:
    shutil.copytree(onnx_model.artifact_dir(src_dir), onnx_model.artifact_dir(dst_dir))
    return onnx_model.artifact_dir(dst_dir)


def _model_copy(tmp_path: Path) -> Path:
    """The shipped model's configs, copied into a directory we may edit (the 90 MB weights are
    a symlink: stat follows it)."""
    src = onnx_model.source_dir()
    copy = tmp_path / "model"
    for name in onnx_model.SOURCE_FILES:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        if (src / name).exists():
            if name == "model.safetensors":
                (copy / name).symlink_to(src / name)
            else:
                shutil.copy2(src / name, copy / name)
    return copy


def test_export_is_rebuilt_when_the_weights_change(retrieval_data_dir, tmp_path):
    data = tmp_path / "data"
    directory = _copy_export(retrieval_data_dir, data)
    model = _model_copy(tmp_path)
    manifest = json.loads((directory / onnx_model.MANIFEST_FILE).read_text())
    manifest["source_stats"] = onnx_model.source_stats(model)
    (directory / onnx_model.MANIFEST_FILE).write_text(json.dumps(manifest))
    assert onnx_model.export_status(data, model) == "ok"

    # Touched but identical (a reinstall): still ok, after one hash; the stats are refreshed.
    os.utime(model / "config.json", ns=(1, 1))
    assert onnx_model.export_status(data, model) == "ok"
    refreshed = json.loads((directory / onnx_model.MANIFEST_FILE).read_text())
    assert refreshed["source_stats"]["config.json"] == onnx_model.source_stats(model)["config.json"]

    # Different content: stale, so the next use exports again.
    pooling = model / "1_Pooling" / "config.json"
    pooling.write_text(pooling.read_text().replace("true", "false"))
    assert onnx_model.export_status(data, model) == "stale"


def test_a_damaged_export_fails_its_checksum(retrieval_data_dir, tmp_path):
    data = tmp_path / "data"
    directory = _copy_export(retrieval_data_dir, data)
    with (directory / onnx_model.MODEL_FILE).open("r+b") as f:
        f.seek(5_000_000)
        byte = f.read(1)
        f.seek(5_000_000)
        f.write(bytes([byte[0] ^ 0xFF]))
    assert onnx_model.export_status(data) == "corrupt"
    (directory / onnx_model.MANIFEST_FILE).unlink()
    assert onnx_model.export_status(data) == "missing"


def test_ensure_exported_announces_and_makes_a_verified_export(tmp_path, monkeypatch):
    """A missing export is made in a child process, with a line before and after."""
    lines: list[str] = []
    calls: list[Path] = []

    def fake_export(data_dir: Path, timeout: float = 0) -> None:  # the real one: next test
        calls.append(data_dir)

    monkeypatch.setattr(onnx_model, "export_in_subprocess", fake_export)
    onnx_model.ensure_exported(tmp_path, announce=lines.append)
    assert calls == [tmp_path]
    assert lines[0].startswith("Preparing the embedding model") and "one time" in lines[0]
    assert lines[1].startswith("Embedding model ready")


def test_real_export_in_a_child_process(tmp_path):
    """The export itself: torch in the child only, a manifest, probes within tolerance."""
    onnx_model.export_in_subprocess(tmp_path)
    assert onnx_model.export_status(tmp_path) == "ok"
    manifest = onnx_model.read_manifest(onnx_model.artifact_dir(tmp_path))
    assert manifest["max_seq_length"] == embeddings.load_model().max_seq_length
    assert manifest["max_probe_diff"] < onnx_model.TOLERANCE
    assert not list(tmp_path.glob("models/.*.tmp"))


def _modules_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    """Top-level module names imported by `code` in a fresh interpreter."""
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted({m.split('.')[0] for m in " \
                   "sys.modules})))"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=300, cwd=REPO_ROOT,
                          env={**os.environ, "PYTHONPATH": str(REPO_ROOT), **(env or {})})
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


HEAVY = {"torch", "transformers", "sentence_transformers", "sklearn", "sympy"}


def test_ask_never_imports_torch(retrieval_data_dir):
    code = ("from bot.config import Settings\nfrom bot.core.engine import Engine\n"
            f"e = Engine(Settings(data_dir={str(retrieval_data_dir)!r}, _env_file=None))\n"
            "a = e.ask('how do I keep a character consistent across shots?')\n"
            "assert a.sources, a\n"
            "e.retriever.search('rack focus', k=3, mode='vector')\n"
            "from bot.core.retrieval.embeddings import embed, engine_name\n"
            "assert engine_name() == 'onnx'\nembed(['one', 'two'])")
    loaded = _modules_after(code)
    assert "onnxruntime" in loaded and "chromadb" in loaded
    assert not loaded & HEAVY, loaded & HEAVY


def test_cli_ask_never_imports_torch(retrieval_data_dir):
    code = ("import contextlib, io\nfrom bot.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['ask', 'what is a whip pan?', '--json']) == 0")
    loaded = _modules_after(code, {"FRAMECRAFT_DATA_DIR": str(retrieval_data_dir)})
    assert not loaded & HEAVY, loaded & HEAVY


def test_critique_path_imports_no_index_database_model_or_llm(tmp_path):
    """The critique (with similar prompts, as the CLI runs it) stays light."""
    code = ("import contextlib, io\nfrom bot.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['critique', 'A cat jumps on the table', '--json']) == 0\n"
            "    assert main(['critique', 'A fox in the snow, slow dolly-in']) == 0")
    loaded = _modules_after(code, {"FRAMECRAFT_DATA_DIR": str(tmp_path)})
    assert not loaded & (HEAVY | {"chromadb", "sqlalchemy", "alembic", "langchain",
                                  "langchain_core"}), loaded


def test_help_imports_no_subcommand_or_engine():
    code = ("import contextlib, io\nfrom bot.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
            "    main(['--help'])")
    probe = code + "\nimport sys\nprint(sorted(m for m in sys.modules if m.startswith('bot')))"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, cwd=REPO_ROOT, env={**os.environ,
                                                           "PYTHONPATH": str(REPO_ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "['bot', 'bot.cli']"


def test_doctor_reports_the_export(kb, retrieval_data_dir, tmp_path):
    from bot.cli.doctor import check_embeddings
    from bot.config import Settings
    from bot.core.engine import Engine

    (ok,) = check_embeddings(Engine(Settings(data_dir=retrieval_data_dir, _env_file=None), kb))
    assert ok.status == "ok" and "ONNX Runtime" in ok.detail
    (missing,) = check_embeddings(Engine(Settings(data_dir=tmp_path, _env_file=None), kb))
    assert missing.status == "warn" and "not exported yet" in missing.detail
