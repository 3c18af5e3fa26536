"""MiniLM's ONNX graph written straight from the shipped safetensors, without torch.

Why: exporting through torch (`torch.onnx.export` of transformers' BertModel) spent 4-5 s of a
first `ask` importing torch and transformers and another second tracing, for a graph whose
every weight is already in `model.safetensors`. A BERT encoder is a short, fixed sequence of
standard ONNX operators, so this module writes it directly: the safetensors header is JSON and
the tensors are raw little-endian arrays (numpy reads them without the `safetensors` package),
and the `onnx` package assembles the graph. About half a second instead of eight.

Only the architecture the shipped model has is written: BERT with absolute positions, exact
(erf) GELU, post-layer-norm, float32 weights, then sentence-transformers' mean pooling and L2
normalisation. Anything else in `config.json` or the weight names raises `Unsupported`, and the
caller falls back to the torch exporter. `reference` is the same model in plain numpy, an
independent second implementation the export's probe texts are checked against
(tests/test_embeddings_onnx.py checks the graph against `SentenceTransformer.encode`).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import onnx

Weights = dict[str, "np.ndarray"]
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_DTYPES = {"F32": "<f4", "F16": "<f2", "I64": "<i8", "I32": "<i4"}


class Unsupported(ValueError):
    """The model is not the plain BERT this writer knows; export it through torch instead."""


def read_safetensors(path: Path) -> Weights:
    """Every tensor of a .safetensors file as a numpy array (the format: an 8-byte header
    length, a JSON header of name -> dtype, shape, byte offsets, then the raw data)."""
    import numpy as np

    blob = Path(path).read_bytes()
    header_len = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8:8 + header_len])
    base = 8 + header_len
    weights: Weights = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(meta["dtype"])
        if dtype is None:
            raise Unsupported(f"tensor {name} has dtype {meta['dtype']}")
        start, end = meta["data_offsets"]
        weights[name] = np.frombuffer(blob, dtype=dtype, count=(end - start) // np.dtype(dtype)
                                      .itemsize, offset=base + start).reshape(meta["shape"])
    return weights


def check_config(config: dict[str, Any], weights: Weights) -> None:
    """Raise `Unsupported` unless `config.json` and the weights describe the BERT written
    here: the weight names and shapes are checked, not only the config's words."""
    expected = {"model_type": "bert", "hidden_act": "gelu", "position_embedding_type": "absolute"}
    for key, value in expected.items():
        if config.get(key, value) != value:
            raise Unsupported(f"config {key} is {config.get(key)!r}, not {value!r}")
    if config.get("is_decoder") or config.get("add_cross_attention"):
        raise Unsupported("a decoder configuration")
    hidden, heads = int(config["hidden_size"]), int(config["num_attention_heads"])
    if hidden % heads:
        raise Unsupported("hidden_size is not a multiple of num_attention_heads")
    wanted = _weight_shapes(config)
    present = {k: tuple(v.shape) for k, v in weights.items()
               if not k.startswith("pooler.") and k != "embeddings.position_ids"}
    if present != wanted:
        missing = sorted(set(wanted) - set(present))
        extra = sorted(set(present) - set(wanted))
        odd = sorted(k for k in set(wanted) & set(present) if wanted[k] != present[k])
        raise Unsupported(f"weights differ from plain BERT: missing {missing[:3]}, "
                          f"unexpected {extra[:3]}, other shapes {odd[:3]}")
    if any(str(weights[k].dtype) != "float32" for k in wanted):
        raise Unsupported("weights are not float32")


def _weight_shapes(config: dict[str, Any]) -> dict[str, tuple[int, ...]]:
    hidden, inner = int(config["hidden_size"]), int(config["intermediate_size"])
    shapes: dict[str, tuple[int, ...]] = {
        "embeddings.word_embeddings.weight": (int(config["vocab_size"]), hidden),
        "embeddings.position_embeddings.weight": (int(config["max_position_embeddings"]), hidden),
        "embeddings.token_type_embeddings.weight": (int(config["type_vocab_size"]), hidden),
        "embeddings.LayerNorm.weight": (hidden,), "embeddings.LayerNorm.bias": (hidden,),
    }
    for n in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{n}."
        for name in ("attention.self.query", "attention.self.key", "attention.self.value",
                     "attention.output.dense"):
            shapes[p + name + ".weight"], shapes[p + name + ".bias"] = (hidden, hidden), (hidden,)
        shapes[p + "intermediate.dense.weight"] = (inner, hidden)
        shapes[p + "intermediate.dense.bias"] = (inner,)
        shapes[p + "output.dense.weight"], shapes[p + "output.dense.bias"] = (hidden, inner), (hidden,)
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            shapes[p + norm + ".weight"], shapes[p + norm + ".bias"] = (hidden,), (hidden,)
    return shapes


class _Graph:
    """A small builder: named nodes and initializers, so the layer code reads like the model."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._count = 0

    def const(self, name: str, value: Any, dtype: str = "float32") -> str:
        import numpy as np
        from onnx import numpy_helper

        self.initializers.append(numpy_helper.from_array(np.asarray(value, dtype=dtype), name))
        return name

    def op(self, kind: str, *inputs: str, **attributes: Any) -> str:
        from onnx import helper

        self._count += 1
        out = f"{kind.lower()}_{self._count}"
        self.nodes.append(helper.make_node(kind, list(inputs), [out], name=out, **attributes))
        return out

    def linear(self, x: str, weights: Weights, prefix: str) -> str:
        """x @ W.T + b, the weight stored transposed so MatMul reads it as is."""
        w = self.const(prefix + ".weight", weights[prefix + ".weight"].T.copy())
        return self.op("Add", self.op("MatMul", x, w), self.const(prefix + ".bias",
                                                                  weights[prefix + ".bias"]))

    def layer_norm(self, x: str, weights: Weights, prefix: str, eps: float) -> str:
        return self.op("LayerNormalization", x, self.const(prefix + ".weight", weights[prefix + ".weight"]),
                       self.const(prefix + ".bias", weights[prefix + ".bias"]), axis=-1, epsilon=eps)


def build(config: dict[str, Any], weights: Weights, opset: int = 17) -> onnx.ModelProto:
    """The sentence-embedding graph: inputs `input_ids`, `attention_mask`, `token_type_ids`
    (int64, batch x sequence), output `embedding` (batch x hidden, unit length)."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper

    check_config(config, weights)
    hidden, heads = int(config["hidden_size"]), int(config["num_attention_heads"])
    head_dim, eps = hidden // heads, float(config.get("layer_norm_eps", 1e-12))
    g = _Graph()
    zero, one = g.const("zero_i", [0], "int64"), g.const("one_i", [1], "int64")
    axis1, axis_last = g.const("axis_1", [1], "int64"), g.const("axis_last", [-1], "int64")
    # Embeddings: word + position (rows 0..S-1) + token type, then layer norm.
    length = g.op("Slice", g.op("Shape", "input_ids"), one, g.const("two_i", [2], "int64"))
    positions = g.op("Slice", g.const("embeddings.position_embeddings.weight",
                                      weights["embeddings.position_embeddings.weight"]),
                     zero, length, zero)
    words = g.op("Gather", g.const("embeddings.word_embeddings.weight",
                                   weights["embeddings.word_embeddings.weight"]), "input_ids")
    types = g.op("Gather", g.const("embeddings.token_type_embeddings.weight",
                                   weights["embeddings.token_type_embeddings.weight"]),
                 "token_type_ids")
    x = g.layer_norm(g.op("Add", g.op("Add", words, types), positions), weights,
                     "embeddings.LayerNorm", eps)
    # Padding gets the lowest float added to its attention scores (transformers does the same).
    mask = g.op("Cast", "attention_mask", to=TensorProto.FLOAT)
    bias = g.op("Mul", g.op("Sub", g.const("one_f", 1.0), mask),
                g.const("lowest", float(np.finfo(np.float32).min)))
    bias = g.op("Unsqueeze", bias, g.const("axes_1_2", [1, 2], "int64"))
    split_heads = g.const("split_heads", [0, 0, heads, head_dim], "int64")
    merge_heads = g.const("merge_heads", [0, 0, hidden], "int64")
    scale = g.const("scale", 1.0 / math.sqrt(head_dim))
    for n in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{n}."
        q, k, v = (g.op("Reshape", g.linear(x, weights, p + f"attention.self.{name}"), split_heads)
                   for name in ("query", "key", "value"))
        scores = g.op("MatMul", g.op("Transpose", q, perm=[0, 2, 1, 3]),
                      g.op("Transpose", k, perm=[0, 2, 3, 1]))
        probs = g.op("Softmax", g.op("Add", g.op("Mul", scores, scale), bias), axis=-1)
        context = g.op("MatMul", probs, g.op("Transpose", v, perm=[0, 2, 1, 3]))
        context = g.op("Reshape", g.op("Transpose", context, perm=[0, 2, 1, 3]), merge_heads)
        attended = g.layer_norm(g.op("Add", g.linear(context, weights, p + "attention.output.dense"),
                                     x), weights, p + "attention.output.LayerNorm", eps)
        inner = g.linear(attended, weights, p + "intermediate.dense")
        gelu = g.op("Mul", g.op("Mul", inner, g.const(f"half_{n}", 0.5)),
                    g.op("Add", g.op("Erf", g.op("Div", inner, g.const(f"sqrt2_{n}", math.sqrt(2.0)))),
                         g.const(f"one_{n}", 1.0)))
        x = g.layer_norm(g.op("Add", g.linear(gelu, weights, p + "output.dense"), attended),
                         weights, p + "output.LayerNorm", eps)
    # Mean pooling over real tokens, then L2 normalisation (torch's F.normalize, eps 1e-12).
    weights_col = g.op("Unsqueeze", mask, axis_last)
    summed = g.op("ReduceSum", g.op("Mul", x, weights_col), axis1, keepdims=0)
    counts = g.op("Max", g.op("ReduceSum", weights_col, axis1, keepdims=0), g.const("tiny", 1e-9))
    pooled = g.op("Div", summed, counts)
    norm = g.op("Sqrt", g.op("ReduceSum", g.op("Mul", pooled, pooled), axis_last, keepdims=1))
    g.nodes.append(helper.make_node("Div", [pooled, g.op("Max", norm, g.const("eps", 1e-12))],
                                    ["embedding"], name="normalize"))
    inputs = [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "sequence"])
              for name in INPUTS]
    output = helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", hidden])
    graph = helper.make_graph(g.nodes, "minilm_sentence_embedding", inputs, [output],
                              initializer=g.initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)],
                              producer_name="framecraft")
    model.ir_version = min(model.ir_version, 8)  # opset 17's IR, readable by older runtimes
    onnx.checker.check_model(model, full_check=False)
    return model


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to 1.5e-7 (Abramowitz and Stegun 7.1.26): plenty for a check at 1e-5, and numpy
    has no erf of its own."""
    import numpy as np

    t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                                                                          + t * 1.061405429))))
    out: np.ndarray = np.sign(x) * (1.0 - poly * np.exp(-x * x))
    return out


def reference(config: dict[str, Any], weights: Weights, features: dict[str, np.ndarray]
              ) -> np.ndarray:
    """The same model in plain numpy (float64, one text at a time, two-dimensional products
    only), for checking an export on a few probe texts."""
    import numpy as np

    hidden, heads = int(config["hidden_size"]), int(config["num_attention_heads"])
    head_dim, eps = hidden // heads, float(config.get("layer_norm_eps", 1e-12))

    def w(name: str) -> np.ndarray:
        return np.ascontiguousarray(weights[name], dtype=np.float64)

    def norm(x: np.ndarray, prefix: str) -> np.ndarray:
        centred = x - x.mean(-1, keepdims=True)
        scaled = centred / np.sqrt((centred ** 2).mean(-1, keepdims=True) + eps)
        out: np.ndarray = scaled * w(prefix + ".weight") + w(prefix + ".bias")
        return out

    def dense(x: np.ndarray, prefix: str) -> np.ndarray:
        out: np.ndarray = x @ np.ascontiguousarray(w(prefix + ".weight").T) + w(prefix + ".bias")
        return out

    rows = []
    for ids, mask, types in zip(*(features[n] for n in INPUTS), strict=True):
        length = int(mask.sum())  # padding never reaches the pooled vector: drop it
        ids, types = ids[:length], types[:length]
        x = norm(weights["embeddings.word_embeddings.weight"][ids].astype(np.float64)
                 + w("embeddings.token_type_embeddings.weight")[types]
                 + weights["embeddings.position_embeddings.weight"][:length].astype(np.float64),
                 "embeddings.LayerNorm")
        for n in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{n}."
            q, k, v = (dense(x, p + f"attention.self.{name}") for name in ("query", "key", "value"))
            context = np.empty_like(x)
            for h in range(heads):
                cols = slice(h * head_dim, (h + 1) * head_dim)
                scores = q[:, cols] @ k[:, cols].T / math.sqrt(head_dim)
                probs = np.exp(scores - scores.max(-1, keepdims=True))
                context[:, cols] = (probs / probs.sum(-1, keepdims=True)) @ v[:, cols]
            attended = norm(dense(context, p + "attention.output.dense") + x,
                            p + "attention.output.LayerNorm")
            inner = dense(attended, p + "intermediate.dense")
            x = norm(dense(0.5 * inner * (1.0 + _erf(inner / math.sqrt(2.0))), p + "output.dense")
                     + attended, p + "output.LayerNorm")
        pooled = x.mean(0)
        rows.append(pooled / max(float(np.linalg.norm(pooled)), 1e-12))
    return np.array(rows)
