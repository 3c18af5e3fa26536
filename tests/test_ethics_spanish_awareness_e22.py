"""Spanish names raising awareness by more than one word: Spain's concienciación, Latin
America's concientización, sensibilización and their verbs. Each is a frame that lowers a
fraud concern (an awareness piece that shows a scam being hung up on) but not the scam itself
asked for. Sentences written for these tests, not taken from any benchmark set."""

from __future__ import annotations

import pytest

from bot.core.ethics import cached_rules
from bot.core.ethics.rules import _Scan


@pytest.mark.parametrize("prompt", [
    "video de concientización para los abuelos sobre las llamadas falsas",
    "campaña de sensibilización contra el phishing",
    "un corto para concientizar a la gente mayor sobre las estafas",
    "spot de concienciación: el cuento del tío por teléfono",
])
def test_every_awareness_word_is_a_fraud_awareness_frame(prompt: str) -> None:
    assert _Scan(prompt, cached_rules()).hits("fraud_awareness")


@pytest.mark.parametrize("prompt", [
    "un hombre sin conciencia roba a su abuela",
    "la conciencia tranquila de un estafador",
])
def test_conscience_is_not_awareness(prompt: str) -> None:
    assert not _Scan(prompt, cached_rules()).hits("fraud_awareness")
