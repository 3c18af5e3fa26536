"""Retrieval: chunking, the chroma index (incremental sync), hybrid search, ask and the CLI."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from bot.cli import main
from bot.config import Settings
from bot.core.engine import Engine
from bot.core.knowledge import REPO_ROOT
from bot.core.retrieval import Retriever
from bot.core.retrieval.ask import NOT_FOUND, sentences
from bot.core.retrieval.chunks import build_chunks
from bot.core.retrieval.index import client_spec
from tests.retrieval_kb import make_tiny_kb, tiny_retriever


@pytest.fixture(scope="session")
def full_settings(retrieval_data_dir) -> Settings:
    """The session's one index of the real knowledge base (tests/conftest.py builds it)."""
    return Settings(data_dir=retrieval_data_dir, _env_file=None)


@pytest.fixture(scope="session")
def retriever(kb, full_settings) -> Retriever:
    r = Retriever(full_settings, kb, chat_model=None)
    report = r.sync()  # a second process-level opening of a complete index: nothing to embed
    assert not report.changed and report.kept == len(r.chunks)
    return r


@pytest.fixture(scope="session")
def rengine(kb, full_settings, retriever) -> Engine:
    e = Engine(settings=full_settings, kb=kb)
    e.__dict__["retriever"] = retriever
    return e


def resolve(file: str) -> Path:
    p = Path(file)
    return p if p.is_absolute() else REPO_ROOT / p


# --- chunks -------------------------------------------------------------------------------

def test_chunks_cover_every_subsection_entry_and_profile(kb):
    chunks = build_chunks(kb)
    ids = [c.id for c in chunks]
    assert len(ids) == len(set(ids))
    by_kind = {k: [c for c in chunks if c.kind == k] for k in ("guide", "gallery", "model")}
    assert len(by_kind["guide"]) == sum(len(s.subsections) for s in kb.guide.values())
    assert {c.ref_id for c in by_kind["gallery"]} == set(kb.gallery)
    assert {c.ref_id for c in by_kind["model"]} == set(kb.models)
    assert all(c.model in kb.models for c in by_kind["gallery"] + by_kind["model"])
    assert all(resolve(c.file).is_file() for c in chunks)
    assert "guide:camera-language:pan" in ids


def test_chunk_hash_tracks_content(kb):
    a = {c.id: c.hash for c in build_chunks(kb)}
    assert a == {c.id: c.hash for c in build_chunks(kb)}  # deterministic
    entry = next(iter(kb.gallery.values()))
    changed = kb.model_copy(update={"gallery": {**kb.gallery, entry.id: entry.model_copy(
        update={"why": entry.why + " Also the light is soft."})}})
    b = {c.id: c.hash for c in build_chunks(changed)}
    assert [i for i in a if a[i] != b[i]] == [f"gallery:{entry.id}"]


# --- index: incremental sync --------------------------------------------------------------

def test_incremental_sync_updates_removes_and_keeps(tmp_path, retriever):
    make_tiny_kb(tmp_path)
    data = tmp_path / "data"
    first = tiny_retriever(tmp_path, data).sync()
    total = first.added
    assert total > 20 and first.updated == first.removed == first.kept == 0

    again = tiny_retriever(tmp_path, data)
    assert not again.is_stale()
    assert again.sync().model_dump() == {"added": 0, "updated": 0, "removed": 0, "kept": total}

    entry = tmp_path / "gallery" / "luma-perfume-orbit.yaml"
    entry.write_text(entry.read_text().replace("Product shots work best",
                                               "Product shots nearly always work best"))
    r = tiny_retriever(tmp_path, data)
    assert r.is_stale()
    assert r.sync().model_dump() == {"added": 0, "updated": 1, "removed": 0, "kept": total - 1}
    # The entry's own subject plus the edited words: the point is that the new text is what
    # the index holds (a bigger gallery has other product shots that match the words alone).
    hit = r.search("perfume: product shots nearly always work best", k=1, kind="gallery")[0]
    assert hit.chunk.id == "gallery:luma-perfume-orbit" and "nearly always" in hit.chunk.text

    guide = tmp_path / "knowledge" / "guide" / "05-camera-language.md"
    guide.write_text(guide.read_text().replace("like nodding", "like a slow nod"))
    report = tiny_retriever(tmp_path, data).sync()
    assert (report.updated, report.added, report.removed) == (1, 0, 0)

    entry.unlink()
    report = tiny_retriever(tmp_path, data).sync()
    assert report.model_dump() == {"added": 0, "updated": 0, "removed": 1, "kept": total - 1}
    r = tiny_retriever(tmp_path, data)
    assert all(h.chunk.id != "gallery:luma-perfume-orbit"
               for h in r.search("perfume bottle orbit", k=10))


def test_no_change_sync_is_fast(retriever):
    start = time.perf_counter()
    report = retriever.sync()
    assert not report.changed and report.kept == len(retriever.chunks)
    assert time.perf_counter() - start < 5  # the benchmark reports the real figure


def test_traced_query_encoder_gives_the_models_vectors(retriever):
    """The fast path for one question must not move queries in the index's vector space."""
    import numpy as np

    from bot.core.retrieval.embeddings import embed, load_model, query_encoder

    for _ in range(2):
        embed(["warm up"])
    assert query_encoder() is not None
    questions = ["what is a whip pan?", "how do I keep a character consistent across shots",
                 "x", "Kling: which aspect ratios? " * 40]  # one token, and past max_seq_length
    fast = np.array([embed([q])[0] for q in questions])
    slow = load_model().encode(questions, normalize_embeddings=True, convert_to_numpy=True)
    assert np.abs(fast - slow).max() < 1e-5


# --- client selection ---------------------------------------------------------------------

def test_client_spec_chooses_http_only_when_a_url_is_set(tmp_path):
    local = client_spec(tmp_path, None)
    assert local.mode == "persistent" and local.path == tmp_path / "chroma"
    remote = client_spec(tmp_path, "http://chroma:8000")
    assert (remote.mode, remote.host, remote.port, remote.ssl) == ("http", "chroma", 8000, False)
    tls = client_spec(tmp_path, "https://vectors.example.org")
    assert (tls.host, tls.port, tls.ssl) == ("vectors.example.org", 443, True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    exe = shutil.which("chroma") or str(Path(__file__).resolve().parents[1] / ".venv/bin/chroma")
    if not Path(exe).exists():
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "server"), "--host",
                             "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("chroma server did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_http_client_path_against_a_real_chroma_server(tmp_path, chroma_server, retriever):
    make_tiny_kb(tmp_path)
    r = tiny_retriever(tmp_path, tmp_path / "data", chroma_url=chroma_server)
    report = r.sync()
    assert report.added == len(r.chunks)
    assert not (tmp_path / "data" / "chroma").exists()  # nothing embedded locally
    hits = r.search("how to write a rack focus", k=3)
    assert hits[0].chunk.id in {"guide:camera-language:rack-focus",
                                "gallery:runway-rack-focus-letter"}
    again = tiny_retriever(tmp_path, tmp_path / "data", chroma_url=chroma_server)
    assert again.sync().kept == len(r.chunks)


# --- search -------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["hybrid", "vector", "keyword"])
def test_search_modes_find_the_whip_pan_section(retriever, mode):
    ids = [h.chunk.id for h in retriever.search("what is a whip pan?", k=3, mode=mode)]
    assert "guide:camera-language:whip-pan" in ids


def test_filters_by_kind_and_model(retriever):
    hits = retriever.search("camera moves", k=8, kind="gallery")
    assert hits and all(h.chunk.kind == "gallery" for h in hits)
    hits = retriever.search("camera moves", k=8, model="kling")
    assert hits and all(h.chunk.model == "kling" for h in hits)
    hits = retriever.search("camera moves", k=8, kind="model", model="hailuo")
    assert hits and {h.chunk.id for h in hits} <= {c.id for c in retriever.chunks
                                                   if c.ref_id == "hailuo"}
    assert hits[0].chunk.id == "model:hailuo:camera"
    with pytest.raises(ValueError):
        retriever.search("camera", kind="recipes")


def test_hybrid_scores_are_ordered_and_bounded(retriever):
    hits = retriever.search("how do I light a night scene with neon?", k=6)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and 0 < scores[-1] <= scores[0] <= 1


# --- ask ----------------------------------------------------------------------------------

def test_ask_cites_existing_files_and_quotes_them(retriever):
    a = retriever.ask("how do I keep a character consistent across shots?")
    assert a.sources and a.answered_by == "framecraft" and not a.notices
    assert a.sources[0].id.startswith("guide:consistency:")
    for n, s in enumerate(a.sources, start=1):
        assert resolve(s.file).is_file()
        assert f"{s.title} [{n}]:" in a.answer
    for source, group in zip(a.sources, a.answer.split("\n\n"), strict=True):
        chunk = next(c for c in retriever.chunks if c.id == source.id)
        quoted = group.split("]: ", 1)[1]
        for sentence in sentences(chunk.text):  # extractive: only the source's own sentences
            quoted = quoted.replace(sentence, "")
        assert quoted.strip() == ""


def test_ask_off_topic_says_it_does_not_know(retriever):
    a = retriever.ask("what's the capital of France?")
    assert a.answer == NOT_FOUND and a.sources == []


def test_ask_json_contract(retriever):
    out = retriever.ask("which models generate audio?").to_public_json()
    assert set(out) == {"answer", "sources"}
    assert out["sources"] and all(set(s) == {"id", "kind", "title", "file", "score"}
                                  for s in out["sources"])
    json.dumps(out)


def test_engine_ask_resolves_model_aliases_and_validates(rengine):
    a = rengine.ask("how do I write camera moves?", model="Kling 2.1")
    assert a.sources and all(s.id.startswith(("model:kling", "gallery:kling", "guide:"))
                             for s in a.sources)
    assert any(s.id == "model:kling:camera" for s in a.sources)
    from bot.core.validation import InputError
    for bad in ({"question": ""}, {"question": "pan", "kind": "recipes"},
                {"question": "pan", "model": "klingg"}):
        with pytest.raises(InputError):
            rengine.ask(**bad)


def test_critique_fills_learn_more_and_similar(rengine):
    c = rengine.critique("A horse gallops along a beach at sunset, tracking shot")
    assert [lm.id for lm in c.learn_more] == [s for s in c.sources]
    assert all(lm.kind == "guide" and resolve(lm.file).is_file() for lm in c.learn_more)
    assert len(c.similar) == 3 and all(s.kind == "gallery" and s.why for s in c.similar)
    assert "kling-horse-surf-gallop" in [s.id for s in c.similar]
    out = c.to_public_json()
    assert out["similar"][0]["title"] and out["learn_more"][0]["file"]


def test_critique_never_touches_the_index(kb, tmp_path):
    """Similar prompts are lexical: an unreachable Chroma server changes nothing."""
    engine = Engine(settings=Settings(data_dir=tmp_path, chroma_url="http://127.0.0.1:9",
                                      _env_file=None), kb=kb)
    c = engine.critique("A horse gallops along a beach at sunset")
    assert c.similar[0].id == "kling-horse-surf-gallop" and c.learn_more and c.score > 0
    assert "retriever" not in engine.__dict__
    assert engine.critique("A horse gallops", with_retrieval=False).similar == []


def test_similar_prompts_excludes_the_prompt_itself(rengine, kb):
    entry = kb.gallery["luma-perfume-orbit"]
    similar = rengine.similar_prompts(entry.prompt, k=3)
    assert len(similar) == 3 and entry.id not in [s.id for s in similar]


# --- CLI ----------------------------------------------------------------------------------

@pytest.fixture
def cli_env(monkeypatch, full_settings, retriever):
    monkeypatch.setenv("FRAMECRAFT_DATA_DIR", str(full_settings.data_dir))


def test_cli_ask_json(cli_env, capsys):
    assert main(["ask", "how do I keep a character consistent across shots?", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"answer", "sources"} and out["sources"]
    assert all(set(s) == {"id", "kind", "title", "file", "score"} for s in out["sources"])


def test_cli_ask_text_and_filters(cli_env, capsys):
    assert main(["ask", "rack focus", "--kind", "gallery"]) == 0
    out = capsys.readouterr().out
    assert "Sources" in out and "prompts_library/" in out and "knowledge/guide" not in out


@pytest.mark.parametrize("args", [["ask", ""], ["ask", "pan", "--model", "klingg"]])
def test_cli_ask_bad_input_is_one_line(cli_env, capsys, args):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err


def test_cli_index_prints_counts(cli_env, capsys, retriever):
    assert main(["index"]) == 0
    assert f"added 0, updated 0, removed 0, kept {len(retriever.chunks)}" in capsys.readouterr().out


def test_chat_ask(cli_env, capsys, rengine):
    from rich.console import Console

    from bot.cli.chat import handle_line

    console = Console(force_terminal=False, width=200)
    assert handle_line(rengine, "/ask what is a whip pan?", console)
    out = capsys.readouterr().out
    assert "Camera language: Whip pan [1]" in out and "Sources" in out
