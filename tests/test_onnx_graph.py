"""bot/core/retrieval/onnx_graph.py on a tiny random BERT: the graph ONNX Runtime runs equals
the numpy reference (padding, masks, several layers), and a model that is not plain BERT is
refused so the torch exporter takes over. The real MiniLM is checked against
sentence-transformers in test_embeddings_onnx.py."""

from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest

from bot.core.retrieval import onnx_graph

CONFIG = {"model_type": "bert", "hidden_act": "gelu", "position_embedding_type": "absolute",
          "hidden_size": 8, "num_attention_heads": 2, "num_hidden_layers": 2,
          "intermediate_size": 16, "vocab_size": 30, "max_position_embeddings": 12,
          "type_vocab_size": 2, "layer_norm_eps": 1e-12}


def _weights(config: dict, seed: int = 7) -> onnx_graph.Weights:
    rng = np.random.default_rng(seed)
    return {name: rng.normal(0, 0.5, shape).astype(np.float32)
            for name, shape in onnx_graph._weight_shapes(config).items()}


def test_the_graph_equals_the_numpy_reference_with_padding():
    weights = _weights(CONFIG)
    model = onnx_graph.build(CONFIG, weights)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    ids = np.array([[1, 5, 9, 3, 2, 0, 0], [1, 7, 2, 0, 0, 0, 0], [1, 4, 4, 8, 6, 11, 2]])
    mask = (ids > 0).astype(np.int64)
    types = np.zeros_like(ids)
    types[2, 4:] = 1
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
    (got,) = session.run(None, feeds)
    want = onnx_graph.reference(CONFIG, weights, feeds)
    assert got.shape == (3, 8)
    assert float(np.abs(got - want).max()) < 1e-5
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-6)
    (alone,) = session.run(None, {k: v[1:2, :3] for k, v in feeds.items()})
    assert float(np.abs(alone[0] - got[1]).max()) < 1e-5, "padding changed a vector"


@pytest.mark.parametrize("change", [{"hidden_act": "relu"}, {"model_type": "roberta"},
                                    {"position_embedding_type": "relative_key"},
                                    {"num_attention_heads": 3}])
def test_another_architecture_is_refused(change):
    with pytest.raises(onnx_graph.Unsupported):
        onnx_graph.check_config({**CONFIG, **change}, _weights(CONFIG))


def test_unexpected_or_missing_weights_are_refused():
    weights = _weights(CONFIG)
    with pytest.raises(onnx_graph.Unsupported, match="unexpected"):
        onnx_graph.check_config(CONFIG, {**weights, "encoder.layer.0.extra.weight": weights[
            "embeddings.LayerNorm.weight"]})
    del weights["encoder.layer.1.output.dense.bias"]
    with pytest.raises(onnx_graph.Unsupported, match="missing"):
        onnx_graph.check_config(CONFIG, weights)
