"""Component lexicons for the languages read natively (see bot.core.critique.native).

One module per language, each exposing `LEXICON`. They are written for how people prompt in
that language (its camera vocabulary, its grammar of verbs), not translated from the English
lexicon, and are imported only when a prompt in that language arrives.
"""

from __future__ import annotations

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
    degree_adverbs: str = ""
    """A pattern whose groups named m... are manner words said of an adjective or a participle,
    not of a movement ("ligeramente nublado", "iluminada suavemente"): not motion."""
    subject_fallback: str = ""
    """A pattern whose group `s` is the subject when no known noun is found (e.g. Japanese
    "Xが", a Spanish clause's opening noun phrase)."""
