"""Prompts like yours: lexical similarity over the gallery, with no vector index and no model."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from rank_bm25 import BM25Okapi

from bot.cli import main
from bot.config import get_settings
from bot.core.knowledge import REPO_ROOT
from bot.core.retrieval.chunks import build_chunks
from bot.core.retrieval.keywords import KeywordIndex, tokenize
from bot.core.retrieval.similar import GallerySimilarity, gallery_similarity

FOX = "A red fox trots through fresh snow at dawn, slow dolly in"
SNOWY_OR_ANIMAL = {e for e in ("hailuo-puppy-snow", "hunyuan-glacier-dragon", "sora-claymation-fox",
                               "wan-red-panda-branch", "kelp-forest-turtle")}


def test_a_critique_never_loads_torch_or_the_index(tmp_path):
    """In a fresh interpreter: the default critique (similar prompts on) imports no ML stack,
    creates no index, and still lists sensible similar prompts."""
    code = textwrap.dedent(f"""
        import json, sys
        from bot.config import Settings
        from bot.core.engine import Engine
        engine = Engine(Settings(data_dir={str(tmp_path / "data")!r}, _env_file=None))
        fox = engine.critique({FOX!r})
        entry = engine.kb.gallery["hailuo-puppy-snow"]
        itself = engine.critique(entry.prompt.upper() + "  ")
        heavy = [m for m in ("torch", "sentence_transformers", "transformers", "chromadb",
                             "langchain_core", "bot.core.llm") if m in sys.modules]
        print(json.dumps({{"fox": [s.id for s in fox.similar],
                          "itself": [s.id for s in itself.similar], "heavy": heavy}}))
    """)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["heavy"] == []
    assert len(out["fox"]) == 3 and out["fox"][0] in SNOWY_OR_ANIMAL
    assert set(out["fox"]) <= SNOWY_OR_ANIMAL | {"hailuo-cathedral-rise", "hunyuan-fisherman-dawn"}
    assert len(out["itself"]) == 3 and "hailuo-puppy-snow" not in out["itself"]
    assert not (tmp_path / "data" / "chroma").exists()


def test_similar_prompts_are_about_the_same_scene(engine):
    ids = [s.id for s in engine.similar_prompts("A horse gallops along a beach at sunset")]
    assert ids[0] == "kling-horse-surf-gallop"
    ids = [s.id for s in engine.similar_prompts("Steam rises from a wok over a fire, a cook "
                                                "tosses noodles")]
    assert ids[0] == "kling-wok-fire-toss"
    ids = [s.id for s in engine.similar_prompts("neon rain on a cyberpunk street at night, a "
                                                "motorbike passes")]
    assert ids[0] == "wan-neon-alley-motorbike"


def test_scores_are_ordered_bounded_and_explained(engine, kb):
    c = engine.critique(FOX)
    assert len(c.similar) == 3 and c.similar[0].id in SNOWY_OR_ANIMAL
    scores = [s.score for s in c.similar]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)
    for s in c.similar:
        entry = kb.gallery[s.id]
        assert s.kind == "gallery" and s.title == entry.title and s.file == entry.file
        assert s.why == " ".join(entry.why.split())
    assert c.to_public_json()["similar"][0]["id"] == c.similar[0].id


def test_the_target_model_breaks_ties_and_can_stand_alone(kb):
    index = GallerySimilarity(kb)
    plain = [e for e, _ in index.find("a slow dolly in", k=5)]
    veo = [e for e, _ in index.find("a slow dolly in", k=5, model="veo")]
    assert plain[0].model != "veo" and veo[0].model == "veo" and veo[0] in plain
    # Nothing in common: no list, unless a model is named, then its own examples.
    assert index.find("qwxz zzyv", k=3) == []
    alone = index.find("qwxz zzyv", k=3, model="veo")
    assert len(alone) == 3 and all(e.model == "veo" for e, _ in alone)


def test_missing_components_prefer_entries_that_show_them(kb):
    index = GallerySimilarity(kb)
    with_audio = {e.id for e in kb.gallery.values() if "audio" in {c.value for c in e.components}}
    assert with_audio
    got = [e.id for e, _ in index.find("a quiet street at night", k=3, missing=["audio"])]
    base = [e.id for e, _ in index.find("a quiet street at night", k=3)]
    assert sum(i in with_audio for i in got) >= sum(i in with_audio for i in base)


def test_index_is_built_once_per_knowledge_base(kb):
    assert gallery_similarity(kb) is gallery_similarity(kb)


def test_k_and_empty_gallery(kb):
    index = GallerySimilarity(kb)
    assert len(index.find(FOX, k=1)) == 1 and index.find(FOX, k=0) == []
    empty = GallerySimilarity(kb.model_copy(update={"gallery": {}}))
    assert empty.find(FOX) == []


def test_query_parts_take_subject_and_place_not_time_or_camera():
    from bot.core.critique.analysis import analyze
    from bot.core.retrieval.similar import query_parts

    subject, place = query_parts(FOX, analyze(FOX).spans)
    assert subject == "A red fox"
    assert "snow" in place and "dawn" not in place and "dolly" not in place


def test_subject_and_setting_outrank_what_the_prompt_lacks(kb):
    """An entry that films the same subject in the same place beats one that merely shows the
    components the prompt is missing (the bonus is a tie-breaker, not a reason)."""
    index = GallerySimilarity(kb)
    horse = kb.gallery["kling-horse-surf-gallop"]
    prompt = "a grey horse on an empty beach"
    lacking = [c.value for c in horse.components if c.value not in ("subject", "setting")]
    got = index.find(prompt, k=3, missing=lacking, subject="a grey horse",
                     setting="on an empty beach")
    assert got[0][0].id == horse.id


class _BagOfMeaning:
    """A stand-in encoder whose vectors put words of one kind together (people, city places),
    as a sentence embedding does, so the vector path can be tested without the model."""

    KINDS = ({"man", "woman", "person", "people", "strangers", "vendor", "commuter"},
             {"street", "alley", "market", "cafe", "café", "city", "road"})

    def __call__(self, text: str):
        import numpy as np

        words = set(tokenize(text)) | set(text.lower().split())
        v = np.array([len(words & kind) for kind in self.KINDS] + [0.1], dtype=float)
        return v / np.linalg.norm(v)

    def encode(self, texts):
        import numpy as np

        return np.stack([self(t) for t in texts])


def test_embeddings_find_the_same_kind_of_scene_when_words_differ(kb):
    index = GallerySimilarity(kb)
    assert not index.has_vectors
    encoder = _BagOfMeaning()
    index.prepare_vectors(encoder)
    assert index.has_vectors
    got = [e for e, _ in index.find("a person strolls along a road", k=3, subject="a person",
                                    setting="along a road", encoder=encoder)]
    people_in_city = [e for e in got if set(tokenize(e.prompt)) & encoder.KINDS[1]]
    assert len(people_in_city) >= 2, [e.id for e in got]


def test_a_cold_process_uses_keywords_and_a_warm_one_the_model(engine, monkeypatch):
    from bot.core.retrieval import warmup

    monkeypatch.setattr(warmup, "_current", None)
    assert warmup.similar_prompts_encoder() is None  # a CLI never loads a model for this
    warm = warmup.WarmUp(engine)
    warm.state = "ready"
    monkeypatch.setattr(warmup, "_current", warm)
    monkeypatch.setattr("bot.core.retrieval.embeddings.onnx_encoder", lambda: "encoder")
    assert warmup.similar_prompts_encoder() == "encoder"


@pytest.mark.parametrize("query", ["what is a whip pan?", "pan pan panning", "zzz nothing",
                                   "how do I keep a character consistent across shots"])
def test_keyword_index_scores_equal_rank_bm25(kb, query):
    docs = [tokenize(f"{c.title} {' '.join(c.tags)} {c.text}") for c in build_chunks(kb)]
    expected = BM25Okapi(docs).get_scores(tokenize(query))
    got = KeywordIndex(docs).scores(tokenize(query))
    assert got.shape == expected.shape
    assert max(abs(float(a) - float(b)) for a, b in zip(got, expected, strict=True)) < 1e-9


# --- CLI: similar prompts by default --------------------------------------------------------

@pytest.fixture
def cli_env(monkeypatch, tmp_path):
    monkeypatch.setenv("FRAMECRAFT_DATA_DIR", str(tmp_path / "data"))
    for name in ("FRAMECRAFT_LLM", "FRAMECRAFT_LLM_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()  # the CLI's Engine() reads the environment through it
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize("flags, listed", [([], True), (["--similar"], True),
                                           (["--no-similar"], False)])
def test_cli_critique_lists_similar_prompts_by_default(cli_env, capsys, flags, listed):
    assert main(["critique", FOX, "--json", *flags]) == 0
    out = json.loads(capsys.readouterr().out)
    assert bool(out["similar"]) is listed
    if listed:
        assert out["similar"][0]["id"] in SNOWY_OR_ANIMAL


def test_cli_critique_text_shows_prompts_like_yours(cli_env, capsys):
    assert main(["critique", FOX]) == 0
    assert "Prompts like yours that work" in capsys.readouterr().out
    assert main(["critique", FOX, "--no-similar"]) == 0
    assert "Prompts like yours" not in capsys.readouterr().out
