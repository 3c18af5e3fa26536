"""Review a shot list as a sequence: each shot's critique, and the consistency anchors across
shots (guide: consistency).

`parse` reads the list (lines, Markdown, YAML/JSON), `anchors` finds each shot's anchors,
`compare` turns them into drift and gap findings, `rewrite` repeats the shared anchors in every
shot. Pure: the engine hands in the critique and the dialect translator, so this package needs
no database, no model and no network.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core.critique.results import Critique
from bot.core.sequence.anchors import ANCHORS, ShotAnchors, extract_all
from bot.core.sequence.compare import fix_note
from bot.core.sequence.gap_reader import find_with
from bot.core.sequence.parse import MAX_SHOTS, Shot, parse_shot_list
from bot.core.sequence.results import Finding, SequenceReview, ShotReview, ShotWords
from bot.core.sequence.rewrite import rewrite_shots, shared_anchors

__all__ = ["ANCHORS", "MAX_SHOTS", "Finding", "SequenceReview", "Shot", "ShotReview",
           "ShotWords", "fix_note", "parse_shot_list", "review_shots"]

Critic = Callable[[Shot], Critique]
"""One shot's critique (the engine's, with the shot's model and the sequence's mode)."""
Translator = Callable[[str, str], str]
"""A prompt put into a model's dialect: (prompt, model id) → prompt."""

I2V_FRAME_FIXES = frozenset(ANCHORS)
"""With a first frame per shot the image carries every anchor: a gap is not a gap (repeating
it would re-describe the image), but words that contradict across shots still drift."""


def review_shots(shots: list[Shot], critic: Critic, mode: str = "t2v",
                 rewrite: bool = False, translate: Translator | None = None,
                 default_model: str | None = None) -> SequenceReview:
    """Critique each shot, compare their anchors, and (with `rewrite`) give every shot with the
    shared anchors repeated, in its model's dialect (the shot's own, else `default_model`)."""
    extracted = extract_all(shots)
    findings = find_with(extracted)  # the hand rules, or a benchmark's `use_reader`
    if mode == "i2v":
        findings = [f for f in findings if f.kind == "drift"]
    reviews = [ShotReview(index=s.index, name=s.name, prompt=s.prompt,
                          model=s.model or default_model, critique=critic(s)) for s in shots]
    shared = shared_anchors(extracted, findings) if mode == "t2v" else {}
    if rewrite:
        texts = rewrite_shots(extracted, findings, mode)
        for review, text in zip(reviews, texts, strict=True):
            model = review.model
            review.rewrite = translate(text, model) if translate and model else text
    return SequenceReview(shots=reviews, anchors=_table(extracted), findings=findings,
                          mode="i2v" if mode == "i2v" else "t2v", shared=shared)


def _table(extracted: list[ShotAnchors]) -> dict[str, list[str | None]]:
    return {anchor: [s.text(anchor) for s in extracted] for anchor in ANCHORS}
