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

from bot.core.ethics.rules import CATEGORIES, SEVERITY_RANK, Concern, ConcernSeverity
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
