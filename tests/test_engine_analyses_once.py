"""`Engine.critique` analyses the prompt once: the critique and the similar gallery prompts
read the same analysis (it used to be computed twice, the larger part of a critique's cost),
and the critique given an analysis is the critique that computes its own."""

from __future__ import annotations

import pytest

import bot.core.critique.pipeline as pipeline
import bot.core.engine as engine_module
from bot.core.critique.analysis import analyze
from bot.core.critique.pipeline import critique
from bot.core.engine import Engine

PROMPTS = ["A woman walks through a rainy neon city at night, slow dolly in, cinematic",
           "一只猫跳上桌子，镜头缓慢推进", "Un perro corre por la playa al atardecer"]


def test_engine_critique_analyses_the_prompt_once(engine: Engine,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counting(text: str):  # type: ignore[no-untyped-def]
        calls.append(text)
        return analyze(text)

    monkeypatch.setattr(engine_module, "analyze", counting)
    monkeypatch.setattr(pipeline, "analyze", counting)
    result = engine.critique(PROMPTS[0])
    assert calls == [PROMPTS[0]]
    assert result.similar  # the similar prompts were read from that analysis


@pytest.mark.parametrize("prompt", PROMPTS)
def test_a_given_analysis_gives_the_same_critique(engine: Engine, prompt: str) -> None:
    own = critique(prompt, engine.kb)
    given = critique(prompt, engine.kb, analysis=analyze(prompt))
    assert given.to_public_json() == own.to_public_json()
