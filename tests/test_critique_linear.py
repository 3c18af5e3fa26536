"""The critique with its quick ethics check is linear in the prompt's length (issues 12, 16).

4,000 characters of "a cat and " used to take about forty times as long as 400 (the subject
phrase and the clause readers rescanned the prompt up to every match; the span checks asked
every span for every other span), and a Chinese prompt of repeated clauses fifty times. For
each shape the 4,000-character case may cost at most RATIO times the 400-character case (10x
is linear; the margin covers a shared machine so the test cannot flake), timed with
time.process_time as the best of three runs, the short case as a batch of ten.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from bot.core.critique.pipeline import critique
from bot.core.ethics import cached_rules, review_ethics
from bot.core.knowledge import load_knowledge

RATIO = 20.0


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


SHAPES: dict[str, Callable[[int], str]] = {
    "repeated ands": lambda n: _repeat("a cat and ", n),
    "collectives": lambda n: _repeat("a group of ", n),
    "manner clauses": lambda n: _repeat("A cat walks slowly, ", n),
    "camera clauses": lambda n: _repeat("The camera slowly pans left as ", n),
    "a run of spaces": lambda n: "A fox" + " " * (n - 10) + "runs.",
    "Chinese clauses": lambda n: _repeat("她慢慢地走过街道，镜头缓慢推进，", n),
    "Japanese clauses": lambda n: _repeat("女性がゆっくりと通りを歩く、カメラがゆっくりと前進する。", n),
    "Spanish sentences": lambda n: _repeat("La cámara sigue a una mujer que camina. ", n),
}


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for _ in range(repeat):
            run()
        best = min(best, (time.process_time() - start) / repeat)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_critique_and_quick_ethics_are_linear(shape: str) -> None:
    kb, rules = load_knowledge(), cached_rules()
    short, long = SHAPES[shape](400), SHAPES[shape](4000)

    def both(prompt: str) -> Callable[[], object]:
        def run() -> object:
            critique(prompt, kb)
            return review_ethics(prompt, rules)
        return run

    both(short)(), both(long)()  # warm: lexicons, regexes, dictionaries
    ratio = _best(both(long), 1) / _best(both(short), 10)
    assert ratio < RATIO, f"{shape}: 4,000 characters cost {ratio:.1f}x 400"
