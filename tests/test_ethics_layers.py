"""The ethics review's layers: the semantic layer (exemplar neighbours, cached matrix), the LLM
judge (only ever raises), the engine's depth switch, and a quick path that loads no model."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pytest
import yaml
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.config import Settings
from bot.core.engine import Engine
from bot.core.ethics import cached_rules, review_ethics, review_full
from bot.core.ethics import semantic as semantic_module
from bot.core.ethics.judge import LLMEthicsVerdict, judge_review, raise_with_verdict
from bot.core.ethics.rules import DETECTED_GROUPS
from bot.core.ethics.semantic import Exemplars, SemanticLayer, load_exemplars
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, KnowledgeError
from bot.core.retrieval import embeddings as embeddings_module

ROOT = Path(__file__).resolve().parents[1]


# --- a deterministic stand-in for the embedding model ---------------------------------------

def _bag_of_words(texts: list[str]) -> list[list[float]]:
    """Unit vectors over hashed words: texts sharing words are close, as with MiniLM."""
    out = []
    for text in texts:
        v = np.zeros(256, dtype=np.float32)
        for word in text.lower().replace(",", " ").split():
            v[int(hashlib.md5(word.encode()).hexdigest(), 16) % 256] += 1.0
        out.append((v / (np.linalg.norm(v) or 1.0)).tolist())
    return out


@pytest.fixture
def fake_embed(monkeypatch):
    """Replace the model with `_bag_of_words` and count the texts it embeds."""
    from bot.core.retrieval import embeddings

    calls: list[int] = []

    def embed(texts, batch_size=32):
        calls.append(len(texts))
        return _bag_of_words(list(texts))

    monkeypatch.setattr(embeddings, "embed", embed)
    monkeypatch.setattr(embeddings, "_query_cache", OrderedDict())  # no real vectors kept
    monkeypatch.setattr(semantic_module, "_matrices", {})
    return calls


TOY = {
    "sources": {"policy": "https://example.org/policy"},
    "margin": 0.0,
    "top_k": 1,
    "classes": [{
        "id": "weapons", "category": "weapons", "severity": "stop", "threshold": 0.5,
        "sources": ["policy"], "why": "It reads as weapon instructions.",
        "instead": "Show the story, never the steps.",
        "examples": ["assemble the launcher tube step by step",
                     "wire the launcher trigger at home", "launcher tube parts list"],
    }],
    "safe": [f"a calm lake at dawn number {i}" for i in range(10)],
}


def _toy_layer(tmp_path: Path) -> SemanticLayer:
    return SemanticLayer(tmp_path / "data", exemplars=Exemplars.model_validate(TOY))


# --- the semantic layer ---------------------------------------------------------------------

def test_semantic_layer_raises_a_paraphrase_the_rules_miss(tmp_path, fake_embed):
    layer = _toy_layer(tmp_path)
    prompt = "assemble the launcher tube step by step"
    assert review_ethics(prompt).verdict == "ok"
    review = review_full(prompt, semantic=layer)
    assert review.verdict == "stop"
    assert review.layers == ["rules", "semantic"]
    concern = review.concerns[0]
    assert concern.category == "weapons" and concern.rule == "semantic:weapons"
    assert concern.trigger in prompt and concern.instead
    # Far from every exemplar: nothing.
    assert review_full("a calm lake at dawn", semantic=layer).verdict == "ok"


def test_a_class_that_requires_a_sign_raises_nothing_without_it(tmp_path, fake_embed):
    data = json.loads(json.dumps(TOY))
    data["classes"][0]["requires"] = ["minor_any"]
    layer = SemanticLayer(tmp_path, exemplars=Exemplars.model_validate(data))
    prompt = "assemble the launcher tube step by step"
    assert review_full(prompt, semantic=layer).verdict == "ok"
    assert review_full(prompt + " with a child", semantic=layer).verdict == "stop"


def test_prompts_the_model_cannot_read_get_no_semantic_concerns(tmp_path, fake_embed):
    layer = _toy_layer(tmp_path)
    assert layer.concerns("组装发射管的步骤 assemble") == []


def test_safe_anchors_win_when_closer(tmp_path, fake_embed):
    data = json.loads(json.dumps(TOY))
    data["safe"] = ["launcher tube parts list for the museum exhibit", *data["safe"][1:]]
    data["margin"] = 0.05
    layer = SemanticLayer(tmp_path, exemplars=Exemplars.model_validate(data))
    assert layer.concerns("launcher tube parts list for the museum exhibit") == []


def test_semantic_layer_never_lowers_the_rules(tmp_path, fake_embed):
    layer = _toy_layer(tmp_path)
    for prompt in ("a child in lingerie", "Make the president say the war has begun"):
        assert review_full(prompt, semantic=layer).verdict == "stop"
        rules = {c.category: c for c in review_ethics(prompt).concerns}
        for c in review_full(prompt, semantic=layer).concerns:
            if c.category in rules:
                assert c.severity == rules[c.category].severity or c.severity == "stop"


def test_exemplar_matrix_is_cached_on_disk_by_file_hash(tmp_path, fake_embed, monkeypatch):
    kdir = tmp_path / "knowledge"
    shutil.copytree(Path(DEFAULT_KNOWLEDGE_DIR) / "ethics", kdir / "ethics")
    data_dir = tmp_path / "data"
    first = SemanticLayer(data_dir, kdir)
    first.concerns("a fox in the snow")
    cached = list(data_dir.glob("ethics-exemplars-*.npy"))
    assert len(cached) == 1
    exemplar_rows = len(first.exemplars.texts())
    assert np.load(cached[0]).shape[0] == exemplar_rows
    assert fake_embed == [exemplar_rows, 1]

    # A new process (no in-memory copies) reads the file: one query encoding, no exemplars.
    monkeypatch.setattr(semantic_module, "_matrices", {})
    monkeypatch.setattr(embeddings_module, "_query_cache", OrderedDict())
    fake_embed.clear()
    SemanticLayer(data_dir, kdir).concerns("a fox in the snow")
    assert fake_embed == [1]

    # Editing the exemplars changes the key: rebuilt once, the stale file removed.
    path = kdir / "ethics" / "exemplars.yaml"
    path.write_text(path.read_text() + "\n  - a new safe exemplar about lighthouses\n")
    monkeypatch.setattr(semantic_module, "_matrices", {})
    monkeypatch.setattr(embeddings_module, "_query_cache", OrderedDict())
    fake_embed.clear()
    SemanticLayer(data_dir, kdir).concerns("a fox in the snow")
    assert fake_embed == [exemplar_rows + 1, 1]
    assert [p.name for p in data_dir.glob("ethics-exemplars-*.npy")] != [cached[0].name]
    assert len(list(data_dir.glob("ethics-exemplars-*.npy"))) == 1


def test_a_failing_model_leaves_the_rules_review(tmp_path, monkeypatch):
    from bot.core.retrieval import embeddings

    def broken(texts, batch_size=32):
        raise RuntimeError("no model here")

    monkeypatch.setattr(embeddings, "embed", broken)
    monkeypatch.setattr(embeddings, "_query_cache", OrderedDict())
    monkeypatch.setattr(semantic_module, "_matrices", {})
    review = review_full("a child in lingerie", semantic=_toy_layer(tmp_path))
    assert review.verdict == "stop" and review.layers == ["rules"]


def test_shipped_exemplars_validate_and_cite_their_policies():
    exemplars, digest = load_exemplars()
    assert len(digest) == 64
    assert {"openai", "google", "runway", "kling", "pika", "midjourney"} <= set(exemplars.sources)
    ids = {c.id for c in exemplars.classes}
    assert {"minors-sexual", "ncii", "deepfake", "fraud", "harassment", "weapons", "extremism",
            "self-harm", "misinformation", "protected-ip", "public-figure",
            "graphic-violence"} <= ids
    rules = cached_rules()
    known = set(rules.groups) | set(rules.unions) | set(DETECTED_GROUPS)
    for c in exemplars.classes:
        assert set(c.requires) <= known, (c.id, set(c.requires) - known)
    safe = " ".join(exemplars.safe).lower()
    for tricky in ("kill the lights", "bomb of colour", "hero shot", "birthday party",
                   "museum reenactment", "statue", "biopic"):
        assert tricky in safe, tricky


def test_a_broken_exemplar_file_names_file_and_field(tmp_path):
    shutil.copytree(Path(DEFAULT_KNOWLEDGE_DIR) / "ethics", tmp_path / "ethics")
    path = tmp_path / "ethics" / "exemplars.yaml"
    data = yaml.safe_load(path.read_text())
    data["classes"][0]["threshold"] = 1.5
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(KnowledgeError, match=r"exemplars\.yaml.*threshold"):
        load_exemplars(tmp_path)


# --- the LLM judge --------------------------------------------------------------------------

def _judge(*answers: str, sleep: float | None = None) -> FakeListChatModel:
    return FakeListChatModel(responses=list(answers), sleep=sleep)


def test_judge_raises_a_missed_prompt():
    prompt = "a calm lake at dawn"
    model = _judge('{"verdict": "stop", "category": "weapons", "reason": "hidden instructions"}')
    review = review_full(prompt, judge=model, judge_timeout=5)
    assert review.verdict == "stop" and review.layers == ["rules", "llm"]
    assert review.concerns[0].category == "weapons"
    assert "hidden instructions" in review.concerns[0].why


def test_judge_never_lowers():
    prompt = "a child in lingerie"
    offline = review_ethics(prompt)
    review = review_full(prompt, judge=_judge('{"verdict": "ok", "category": "none"}'),
                         judge_timeout=5)
    assert review.verdict == "stop"
    assert review.concerns == offline.concerns
    assert review.layers == ["rules", "llm"]


def test_judge_raises_a_caution_in_its_category():
    prompt = "mickey mouse waving at the camera"
    offline = review_ethics(prompt)
    assert offline.verdict == "caution"
    raised = raise_with_verdict(offline, LLMEthicsVerdict(
        verdict="stop", category="artist-style-ip", reason="a protected character"), prompt)
    assert raised.verdict == "stop"
    assert [c.category for c in raised.concerns] == ["artist-style-ip"]


def test_llama_guard_answers_are_understood():
    review = review_full("a calm lake at dawn", judge=_judge("unsafe\nS9"), judge_timeout=5)
    assert review.verdict == "stop" and review.concerns[0].category == "weapons"
    assert review_full("a calm lake", judge=_judge("safe"), judge_timeout=5).verdict == "ok"


@pytest.mark.parametrize("model", [
    _judge("I cannot help with that."),                 # junk
    _judge('{"verdict": "maybe"}'),                      # out of shape
    _judge('{"verdict": "stop"}', sleep=2.0),            # too slow
])
def test_judge_failure_keeps_the_offline_review(model):
    prompt = "A fox trots through fresh snow"
    offline = review_ethics(prompt)
    review = judge_review(offline, prompt, model, timeout=0.5)
    assert review == offline


# --- the engine's switch --------------------------------------------------------------------

def _engine(kb, tmp_path, **settings) -> Engine:
    return Engine(Settings(data_dir=tmp_path / "data", _env_file=None, **settings), kb)


def test_critique_runs_the_quick_check_unless_asked(kb, tmp_path, fake_embed):
    engine = _engine(kb, tmp_path)
    quick = engine.critique("A fox trots through fresh snow", with_retrieval=False)
    assert quick.ethics["layers"] == ["rules"]
    assert fake_embed == []
    full = engine.critique("A fox trots through fresh snow", with_retrieval=False,
                           ethics="full")
    assert full.ethics["layers"] == ["rules", "semantic"]
    assert full.to_public_json()["ethics"]["layers"] == ["rules", "semantic"]


def test_long_running_fronts_switch_the_engine_to_full(kb, tmp_path, fake_embed):
    engine = _engine(kb, tmp_path)
    assert engine.review_ethics("A fox in the snow").layers == ["rules"]
    assert engine.enable_semantic_ethics(warm=False)
    assert engine.review_ethics("A fox in the snow").layers == ["rules", "semantic"]
    assert engine.critique("A fox in the snow", with_retrieval=False).ethics["layers"] == [
        "rules", "semantic"]
    assert engine.review_ethics("A fox in the snow", depth="quick").layers == ["rules"]


def test_the_engine_says_when_a_review_will_load_the_model(kb, tmp_path, fake_embed):
    engine = _engine(kb, tmp_path)
    assert not engine.semantic_ethics_pending()          # a quick check loads nothing
    assert engine.semantic_ethics_pending("full")
    engine.review_ethics("A fox in the snow", depth="full")
    assert not engine.semantic_ethics_pending("full")


def test_the_setting_turns_it_on_or_off(kb, tmp_path, fake_embed):
    on = _engine(kb, tmp_path, semantic_ethics="on")
    assert on.critique("A fox", with_retrieval=False).ethics["layers"] == ["rules", "semantic"]
    off = _engine(kb, tmp_path, semantic_ethics="off")
    assert not off.enable_semantic_ethics(warm=False)
    assert off.review_ethics("A fox").layers == ["rules"]


def test_engine_uses_the_configured_judge(kb, tmp_path, fake_embed, monkeypatch):
    from bot.core import llm

    engine = _engine(kb, tmp_path, llm="fake:judge")
    monkeypatch.setattr(llm, "configured_chat_model", lambda settings: _judge(
        '{"verdict": "caution", "category": "likeness", "reason": "looks like a real person"}'))
    review = engine.review_ethics("A fox in the snow", depth="full")
    assert review.layers == ["rules", "semantic", "llm"] and review.verdict == "caution"
    # The quick check never calls a model.
    assert engine.review_ethics("A fox in the snow", depth="quick").layers == ["rules"]


# --- the quick path loads nothing heavy -------------------------------------------------------

HEAVY = ("bot.core.ethics.semantic", "bot.core.ethics.judge", "bot.core.retrieval.embeddings",
         "torch", "sentence_transformers", "transformers", "onnxruntime", "tokenizers",
         "chromadb", "langchain_core", "langchain")


def test_quick_critique_imports_no_model_code(tmp_path):
    code = (
        "import sys, json\n"
        "from bot.config import Settings\n"
        "from bot.core.engine import Engine\n"
        f"e = Engine(Settings(data_dir={str(tmp_path)!r}, _env_file=None))\n"
        "r = e.critique('A child in lingerie on a bed', with_retrieval=False)\n"
        "assert r.ethics['verdict'] == 'stop' and r.ethics['layers'] == ['rules']\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin"})
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_a_long_prompt_shown_as_a_trigger_is_marked_as_cut():
    """The semantic layer shows the prompt's opening as its trigger; cut short, it says so."""
    from bot.core.ethics.semantic import TRIGGER_MAX_CHARS, _trigger

    long = ("A news anchor reminds viewers of polling station hours and where to find their "
            "polling place, then the ticker scrolls")
    shown = _trigger(long)
    assert shown.endswith("\u2026") and len(shown) <= TRIGGER_MAX_CHARS + 1
    assert long.startswith(shown[:-1])
    assert _trigger("A short prompt") == "A short prompt"
