"""Component lexicons for the languages read natively (see bot.core.critique.native).

One module per language, each exposing `LEXICON`. They are written for how people prompt in
that language (its camera vocabulary, its grammar of verbs), not translated from the English
lexicon, and are imported only when a prompt in that language arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.core.critique.components import Component as C
from bot.core.critique.lexicon import Cue


@dataclass(frozen=True)
class Subject:
    pattern: str
    family: str
    """person, animal, bird, water, vehicle, product, abstract, landscape (needs.FAMILIES)."""
    strength: float = 1.0


@dataclass(frozen=True)
class NativeLexicon:
    """One language's vocabulary for the analyzer (see the module note)."""

    code: str
    spaced: bool
    """True: cues match on word boundaries (Spanish); False: on characters (Chinese, Japanese)."""
    cues: dict[C, list[Cue]]
    subjects: list[Subject]
    actions: list[str]
    """Verb patterns (every form already spelled out or generated)."""
    grammar_actions: list[str] = field(default_factory=list)
    """Patterns whose group `v` is a verb known by its grammar, whatever the verb."""
    negation: str = ""
    facts: dict[str, str] = field(default_factory=dict)
    """Patterns for what the rewrite must respect: night, day, indoors, outdoors, snow, rain,
    still (a still subject), still_camera, animated, monochrome, wears (already dressed)."""
    english_components: frozenset[C] = frozenset({C.CAMERA, C.SHOT, C.LENS, C.LIGHTING,
                                                  C.COLOR, C.STYLE, C.PACING, C.MOTION})
    """Components whose English words count in a mixed prompt."""
    not_motion: str = ""
    """A pattern whose groups named m... are manner words said of something that is not a
    movement: an adjective or a participle ("ligeramente nublado", "iluminada suavemente"), a
    change of light or of the picture ("la luz cambia gradualmente"), a noun ("humo en el
    aire"). Those spans are not motion."""
    subject_fallback: str = ""
    """A pattern whose group `s` is the subject when no known noun is found (e.g. Japanese
    "Xが", a Spanish clause's opening noun phrase)."""
    not_a_subject: Callable[[str], bool] | None = None
    """Whether the noun `subject_fallback` found names no thing a shot can show (Japanese
    背景が, 軌道が: an idea, a quality or a place as the topic); the fallback then looks on."""
