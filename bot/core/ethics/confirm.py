"""The full review's check of the rules' concerns against the semantic layer's safe anchors.

The rules read words and their grammar: "a PSA about sextortion", "a recovery story after an
overdose", "my wife and I, both consenting" say the harm's words, and rule by rule frames
for such prompts have not carried to prompts nobody here has read. The semantic layer already
knows what harm and its safe look-alikes read like as a whole: its exemplar classes, its safe
anchors (exemplars.yaml `safe`) and the look-alike kinds defined in lookalikes.yaml (awareness
pieces, documentaries, news reports, recovery stories, consenting adults, the creator's own
likeness, parodies of nobody real, reenactments, training, stage combat, props).

When the rules raise a caution or stop in a category and the prompt, in every view the
semantic layer reads, is nearer a safe anchor than any exemplar of that category's classes by
the category's margin, the concern is lowered one step and says why. Only the rules' own
concerns are checked: a semantic concern already led the safe anchors to be raised.

Runs where embeddings already run (`review_full` with a semantic layer), never on the quick
rules-only review, and only on prompts read in English (the anchors are English; a gloss's
nearness is looser).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.core.ethics.rules import (
    CATEGORIES,
    SEVERITY_RANK,
    Concern,
    ConcernSeverity,
    EthicsRules,
    _Scan,
    lowering_frames,
)
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, load_hashed_yaml

LOOKALIKES_FILE = "lookalikes.yaml"
NEVER_LOWERED = frozenset({"minors", "sexual"})
"""Categories whose concerns no nearness to a safe anchor lowers: sexual content with a child
is banned whatever the framing, and no anchor can vouch for an intimate image's consent."""
CHECKED_LAYERS = ("semantic:", "probe:", "ungated:", "gloss")
"""Rule-id prefixes of concerns this check leaves alone: the semantic layer's (already
weighed against the safe anchors) and the glosses' (the anchors are English)."""


TOPIC_SLOT = "{topic}"


@dataclass(frozen=True, slots=True)
class Anchor:
    """One safe anchor a look-alike kind makes: for one category (its topic filled in) or,
    with `category` None, for all."""

    kind: str
    category: str | None
    text: str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LookalikeKind(_Strict):
    """One kind of safe video that shares a harm's words, defined in general terms."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    definition: str = Field(min_length=30)


class Lookalikes(_Strict):
    """lookalikes.yaml: the look-alike kinds and the per-category margins of the check."""

    floor: float = Field(ge=0.0, le=1.0)
    """No margin is below this: a prompt a hair nearer a safe anchor is not "much nearer"."""
    stop_margins: dict[str, float] = Field(default_factory=dict)
    caution_margins: dict[str, float] = Field(default_factory=dict)
    topics: dict[str, str] = Field(default_factory=dict)
    """What each category's harm is called, filled into a definition's {topic}."""
    kinds: list[LookalikeKind] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_categories(self) -> Lookalikes:
        for name, margins in (("stop_margins", self.stop_margins),
                              ("caution_margins", self.caution_margins)):
            for category, margin in margins.items():
                if category not in CATEGORIES:
                    raise ValueError(f"{name}: unknown category {category!r}")
                if category in NEVER_LOWERED:
                    raise ValueError(f"{name}: {category!r} is never lowered")
                if not self.floor <= margin <= 1.0:
                    raise ValueError(f"{name}: {category!r} margin {margin} is under the floor")
        if len({k.id for k in self.kinds}) != len(self.kinds):
            raise ValueError("kind ids must be unique")
        unknown = sorted(set(self.topics) - set(CATEGORIES))
        if unknown:
            raise ValueError(f"topics: unknown categories {unknown}")
        return self

    def anchors(self) -> list[Anchor]:
        """Every anchor the definitions make: a kind without {topic} once, for every
        category; a kind with it once per category in `topics`, for that category only."""
        found: list[Anchor] = []
        for kind in self.kinds:
            text = " ".join(kind.definition.split())
            if TOPIC_SLOT not in text:
                found.append(Anchor(kind.id, None, text))
                continue
            found += [Anchor(kind.id, category, text.replace(TOPIC_SLOT, topic))
                      for category, topic in self.topics.items()]
        return found

    def margin(self, category: str, severity: ConcernSeverity) -> float | None:
        """How much nearer the safe side a concern of this category and severity must be to
        be lowered, or None when it never is."""
        margins = self.stop_margins if severity == "stop" else self.caution_margins
        return None if severity == "note" else margins.get(category)


def lookalikes_path(knowledge_dir: Path | None = None) -> Path:
    return Path(knowledge_dir or DEFAULT_KNOWLEDGE_DIR) / "ethics" / LOOKALIKES_FILE


def load_lookalikes(knowledge_dir: Path | None = None) -> tuple[Lookalikes, str]:
    """The validated look-alikes and the hash of their file; KnowledgeError names the field."""
    return load_hashed_yaml(lookalikes_path(knowledge_dir), Lookalikes, "ethics look-alikes file")


@dataclass(frozen=True, slots=True)
class SafeGap:
    """How much nearer the safe side than a category's exemplars a prompt is, in the view
    least favourable to the safe side (negative: nearer the category), and the nearest safe
    anchor there (a look-alike kind's id, or None for an exemplars.yaml safe prompt)."""

    gap: float
    nearest_kind: str | None


def confirmed(concerns: list[Concern], gaps: dict[str, SafeGap],
              lookalikes: Lookalikes) -> list[Concern]:
    """The rules' concerns, each lowered one step where the safe anchors outweigh its
    category's exemplars by the category's margin (`Lookalikes.margin`)."""
    return [_checked(c, gaps.get(c.category), lookalikes) for c in concerns]


def _checked(concern: Concern, gap: SafeGap | None, lookalikes: Lookalikes) -> Concern:
    margin = lookalikes.margin(concern.category, concern.severity)
    if (gap is None or margin is None or concern.category in NEVER_LOWERED
            or concern.rule.startswith(CHECKED_LAYERS) or gap.gap < margin):
        return concern
    lower: ConcernSeverity = "caution" if concern.severity == "stop" else "note"
    like = (f"a {gap.nearest_kind.replace('-', ' ')} piece" if gap.nearest_kind
            else "a harmless prompt")
    why = (f"{concern.why} (Lowered from {concern.severity}: read as a whole the prompt is "
           f"much closer to {like} than to any example of this harm; check that it is.)")
    assert SEVERITY_RANK[lower] < SEVERITY_RANK[concern.severity]
    return concern.model_copy(update={"severity": lower, "why": why})


NOT_HARM_CATEGORIES = frozenset({"disclosure"})
"""Categories whose semantic concerns say nothing about harm: the disclosure class notes that
realistic footage should be labelled as AI-made, which a harmless scene needs as much as a
harmful one, so its concern is no sign that the prompt reads as a harm."""


def unseconded_frames(concerns: list[Concern], semantic_concerns: list[Concern],
                      rules: EthicsRules, scan: _Scan | None = None) -> list[Concern]:
    """The rules' concerns, with each caution that a rule reached by lowering its own stop
    (an `adjust` for a frame: an awareness video, a prevention PSA, a fact-check, a fiction
    label; or the safe-anchor check above) taken down to a note when the semantic layer, having
    read the prompt (and its gloss) with every class and the probe, raises no concern about a
    harm at all.

    The frame says the prompt is about the harm, not that it does it; the rules keep a caution
    because either sign alone is easy to borrow. A second view can settle it: when neither the
    exemplar neighbours nor the probe find the harm in the prompt's meaning (not even as a note
    under the same frame), what is left is the frame's own words, and the caution rests on one
    view of a prompt that itself says it is safe. Minors and sexual concerns are never lowered
    (`NEVER_LOWERED`), nor a caution its rule raises as such (that one did not need a frame to
    get there), nor anything when the semantic layer did find a harm: then the rules' caution
    has its second view. On the dev rows (ethics.yaml dev, dev2-dev11, dev13 half 1, every
    language) this cleared 10 false cautions and cost no caution or stop: anti-fraud and
    anti-bullying PSAs in zh, ja and es, a fiction-labelled news intro.

    With `scan` (the prompt's own), the same holds for a caution its rule raises as such in a
    category of deception or targeting (`PURPOSE_SETTLED`) when the prompt states a purpose
    that the category's rules lower for elsewhere (`rules.lowering_frames`: a fact-check, an
    awareness or prevention piece, a satire label; not a medium such as a film, whose scene
    still shows what it shows, `FICTION_FRAMES`): a news look used to debunk a hoax is the
    frame one rule forgot, not a second harm. On the same dev rows this cleared 8 more false
    cautions (news-format cautions on fact-checks and media-literacy lessons) and cost no
    caution or stop."""
    if any(c.category not in NOT_HARM_CATEGORIES for c in semantic_concerns):
        return concerns
    if not any(c.severity == "caution" for c in concerns):
        return concerns
    rule_severity = {rule.id: rule.severity for rule in rules.rules}
    framed = _purpose_framed(scan, rules) if scan is not None else frozenset()
    return [_unframed(c) if _frame_lowered(c, rule_severity) or _purpose_settles(
        c, rule_severity, framed) else c for c in concerns]


PURPOSE_SETTLED = frozenset({"elections-news", "medical-financial-deception",
                             "fraud-impersonation", "hate-harassment", "brand-impersonation",
                             "consent-deepfake"})
"""Categories whose harm is deceiving or targeting someone: a stated purpose against it (a
debunk, an awareness PSA, a prevention short) takes away the harm itself. Not weapons,
self-harm or extremism, whose method or message harms whoever it is shown to whatever the
stated purpose, nor the caution-only categories (likeness, violence-gore, artist-style-ip),
whose cautions are by design."""
FICTION_FRAMES = frozenset({"fiction_frame", "horror_genre", "fictional_world",
                            "invented_cast", "far_future"})
"""Frames that say the piece is a story, not what it is for: a film scene of a widower with
his late wife's photo still animates her picture."""


def _purpose_framed(scan: _Scan, rules: EthicsRules) -> frozenset[str]:
    """The categories of `PURPOSE_SETTLED` whose lowering frames (less `FICTION_FRAMES`) are
    in the prompt."""
    frames = lowering_frames(rules)  # a few hundred rules walked: only on a caution
    return frozenset(category for category in PURPOSE_SETTLED
                     if any(scan.hits(g) for g in frames.get(category, frozenset())
                            - FICTION_FRAMES))


def _purpose_settles(concern: Concern, rule_severity: dict[str, ConcernSeverity],
                     framed: frozenset[str]) -> bool:
    """Whether a rules-layer caution that its rule raises as such is in a category whose
    purpose frame the prompt states."""
    return (concern.severity == "caution" and concern.category in framed
            and rule_severity.get(concern.rule) == "caution")


def _frame_lowered(concern: Concern, rule_severity: dict[str, ConcernSeverity]) -> bool:
    """Whether a rules-layer caution stands one step or more under its rule's own severity."""
    base = rule_severity.get(concern.rule)
    return (base is not None and concern.severity == "caution"
            and concern.category not in NEVER_LOWERED
            and SEVERITY_RANK[base] > SEVERITY_RANK[concern.severity])


def _unframed(concern: Concern) -> Concern:
    why = (f"{concern.why} (Lowered to a note: the prompt frames this as something other than "
           "the harm, and read for its meaning it is not close to any example of it; check "
           "that the frame is real.)")
    return concern.model_copy(update={"severity": "note", "why": why})
