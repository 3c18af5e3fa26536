"""The ethics review: what in a video prompt could hurt someone, and what to write instead.

Three layers, each only ever adding or raising a concern:
- `rules` (always): readable term groups and rules in knowledge/ethics/*.yaml, about a
  millisecond, no model; what `framecraft critique` runs by default;
- `semantic` (where the process is long-lived or asks for it): the prompt's nearest labelled
  exemplars (knowledge/ethics/exemplars.yaml) under the shipped MiniLM, so paraphrases and
  unseen wordings are caught; see `bot.core.ethics.semantic`. On an English prompt it also
  checks the rules' concerns against the safe anchors and look-alike kinds
  (knowledge/ethics/lookalikes.yaml), lowering one step a concern whose prompt reads much
  nearer a safe look-alike than its category's exemplars; see `bot.core.ethics.confirm`;
- `llm` (when FRAMECRAFT_LLM is set and the caller asks): a chat model's verdict, which can
  only raise severity; see `bot.core.ethics.judge`.

Importing this package imports no embedding or LLM code: those layers load on first use.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.core.ethics.rules import (
    _CJK,
    CATEGORIES,
    CLAUSE_BREAK,
    GLOSS_MIN_SEVERITY,
    SEVERITY_RANK,
    Category,
    Concern,
    ConcernSeverity,
    EthicsReview,
    EthicsRules,
    Severity,
    _rule_concerns,
    _Scan,
    assemble,
    cached_rules,
    from_gloss,
    load_ethics_rules,
    review_ethics,
    without_clitic,
    without_overrides,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from langchain_core.language_models import BaseChatModel

    from bot.core.ethics.gloss import Gloss, GlossWord
    from bot.core.ethics.semantic import SemanticLayer

__all__ = [
    "CATEGORIES", "SEVERITY_RANK", "Category", "Concern", "ConcernSeverity", "EthicsReview",
    "EthicsRules", "Severity", "_Scan", "assemble", "cached_rules", "load_ethics_rules",
    "review_ethics", "review_full", "review_gloss_only",
]

log = logging.getLogger(__name__)


def review_full(prompt: str, rules: EthicsRules | None = None,
                semantic: SemanticLayer | None = None, judge: BaseChatModel | None = None,
                judge_timeout: float = 20.0, use_gloss: bool = True) -> EthicsReview:
    """The rules layer, then whichever of the semantic layer and the LLM judge are given.

    Each later layer may add a concern or raise one (at equal severity the rules' concern,
    with its precise trigger, is kept). The one exception is the check of an English prompt's
    rules concerns against the safe anchors (`_confirmed`), before the semantic concerns are
    added: it may lower a rules concern one step, never one the semantic layer raises itself.
    A layer that fails is left out of `layers` and the review stands on the others.
    """
    rules = rules or cached_rules()
    review = review_ethics(prompt, rules, use_gloss=use_gloss)
    spanish = _spanish_gloss(prompt, rules) if use_gloss else None
    if semantic is not None and CONFIRM_RULES and _read_in_english(prompt, rules):
        review = _confirmed(review, prompt, semantic)
    if spanish is not None:
        review = assemble(without_overrides([*review.concerns, *from_gloss(
            _rule_concerns(_Scan(spanish.text, rules), rules), spanish, prompt, "gloss",
            GLOSS_MIN_SEVERITY, native=_native(prompt, rules))]), list(review.layers))
    if semantic is not None:
        try:
            extra = _semantic_concerns(prompt, rules, semantic, use_gloss)
        except Exception as e:  # a missing model must not take the review down
            log.warning("semantic ethics layer unavailable: %s", e)
        else:
            from bot.core.ethics.confirm import unseconded_frames

            settled = unseconded_frames(review.concerns, extra, rules, _Scan(prompt, rules))
            review = assemble(without_overrides([*settled, *extra]),
                              [*review.layers, "semantic"])
    if judge is not None:
        from bot.core.ethics.judge import judge_review

        review = judge_review(review, prompt, judge, judge_timeout)
    return review


CONFIRM_RULES = True
"""Whether the full review checks the rules' concerns on an English prompt against the safe
anchors (`confirm`): a concern whose category's exemplars are much further than a safe
look-alike is lowered one step."""


def _read_in_english(prompt: str, rules: EthicsRules) -> bool:
    """Whether the review reads the prompt as English: no CJK, and not written in Spanish
    (`_spanish_gloss`), whether or not this review reads glosses."""
    return _CJK.search(prompt) is None and _spanish_gloss(prompt, rules) is None


def _confirmed(review: EthicsReview, prompt: str, semantic: SemanticLayer) -> EthicsReview:
    """The rules' review with each concern checked against the safe anchors (`confirm`); as
    it was when the semantic layer cannot answer (a missing model must not take it down)."""
    from bot.core.ethics.confirm import confirmed

    try:
        lookalikes = semantic.lookalikes
        if lookalikes is None:
            return review
        gaps = semantic.safe_gaps(prompt)
    except Exception as e:  # a missing model must not take the review down
        log.warning("ethics confirmation unavailable: %s", e)
        return review
    return assemble(confirmed(review.concerns, gaps, lookalikes), list(review.layers))


TOPIC_GROUPS = frozenset({"self_harm_topic", "self_harm_method"})
"""Groups that only name a topic ("die", "pills", "goodbye"): enough to let a class look at an
English prompt, whose grammar the exemplars weigh, but not at a gloss, which has lost whose
death or whose pills it is (a child's letter to a grandmother who died)."""


GLOSS_UNREAD_GATES = frozenset({"local_role", "money_topic", "money_move", "target_place",
                                "harm_howto", "realism_cue"})
"""Topic gates of the semantic classes (a role at a place, money told as a process, a place a
group gathers, a how-to, a realism cue) that open a class only when the prompt's own words
say them: a gloss scatters them through the dictionary's senses (a bank, a deposit, "step",
"real", "station") over prompts that have no such topic, and with the gate open a nearness the
gloss reached by accident becomes a stop (a zombie charity walk's "main street" as a target
place). Read on the native text they still open the class. On the dev rows leaving them off
the gloss lost no stop and dropped one false stop."""


def _semantic_text(words: Sequence[GlossWord], prompt: str) -> str:
    """What the semantic layer embeds of a gloss: for a Chinese or Japanese prompt each word's
    first reading only. The rules read both of a Chinese headword's readings ("feel happy /
    be glad"), a term either may hold; MiniLM's one sentence vector is pulled towards
    whatever the second adds. On the dev rows' glosses (250 stops a language, every native
    dev set) the first readings gave zh 133 stops with 10 false ones against 131 with 11; a
    Spanish gloss keeps both of its table's readings (with the first only: 4 more stops, 2
    more false stops). The possessive clitic the Chinese gloss puts on a possessor (A的B,
    "A's B") is left out here: it is for the rules' terms, and on dev5 zh it moved one
    borderline gloss ("my eunuch's / husband's female coworker") under its neighbours' bar."""
    if _CJK.search(prompt) is None:
        return " ".join(w.english for w in words)
    return " ".join(without_clitic(w.first_reading) for w in words)


def _below_stop(concerns: list[Concern]) -> list[Concern]:
    """Semantic concerns on a Spanish prompt's own text, at most a caution. MiniLM reads
    English; on Spanish its nearness is weaker and blind to the frames the lexicon reads (a
    bank's "nunca te pide el PIN", a boss who "nos dio permiso"), and the review reads the
    prompt's English gloss with the same classes anyway (`_semantic_concerns`). On the dev
    rows no stop came from the Spanish text alone, and two false stops did."""
    return [c.model_copy(update={"severity": "caution"}) if c.severity == "stop" else c
            for c in concerns]


def _native(prompt: str, rules: EthicsRules, scan: _Scan | None = None) -> _Scan | None:
    """The prompt's own scan for `rules.framed_away`, or None when that guard is off."""
    from bot.core.ethics import rules as rules_module

    if not rules_module.GLOSS_FRAME_GUARD:
        return None
    return scan or _Scan(prompt, rules)


def _spanish_gloss(prompt: str, rules: EthicsRules) -> Gloss | None:
    """The English gloss of a Spanish prompt (`gloss.gloss_spanish` put in English word order
    by `spanish_english.gloss_spanish`), or None for any other.
    Only the full review reads it: the quick rules stay on the Spanish lexicon alone. The
    lexicon's cheap cue (`rules.looks_spanish`) lets through English prompts with a Spanish
    name or phrase in them ("a niña de primaria doing ..."), whose "gloss" would read English
    words as Spanish ones, so most of the prompt's words must be Spanish forms the table knows
    (`gloss.spanish_share`; the language detector is no help here: it calls "mi ex desnuda"
    English)."""
    scan = _Scan(prompt, rules)
    if scan.has_cjk or not scan.spanish:
        return None
    from bot.core.ethics.gloss import spanish_share
    from bot.core.ethics.spanish_english import gloss_spanish

    if spanish_share(prompt) < MIN_SPANISH_SHARE:
        return None
    glossed = gloss_spanish(prompt)
    return glossed if glossed.words else None


MIN_SPANISH_SHARE = 0.5
"""On the dev rows, prompts written in Spanish have 57% of their words in the table or more
(median 89%); English prompts with Spanish cues in them 38% or fewer."""


def _full_gloss(prompt: str, rules: EthicsRules) -> Gloss | None:
    """The English gloss the full review reads: Chinese and Japanese (`gloss.gloss`, with the
    people it names read as people: `names.gloss_with_people`) or Spanish (`_spanish_gloss`);
    None for English and anything else."""
    from bot.core.ethics.names import gloss_with_people

    return gloss_with_people(prompt, rules._data_dir) or _spanish_gloss(prompt, rules)


def _gloss_gate(glossed_scan: _Scan, scan: _Scan) -> Callable[[str], bool]:
    """Whether a rules-layer group opens a semantic class read on a gloss (the whole prompt's
    or one clause's): found in the gloss, unless it is a gate the gloss cannot be trusted with
    (`GLOSS_UNREAD_GATES`), or in the native prompt; never a topic group (`TOPIC_GROUPS`), not
    even one found in the prompt's own words: tried in session 10, that added no stop on the
    dev rows and two false stops (a wrist in a lipstick swatch, a scar in a Halloween make-up
    tutorial), whose glosses sat nearer the self-harm exemplars than the safe anchors."""

    def present(group: str) -> bool:
        return group not in TOPIC_GROUPS and (
            (group not in GLOSS_UNREAD_GATES and bool(glossed_scan.hits(group)))
            or bool(scan.hits(group)))

    return present


def _semantic_concerns(prompt: str, rules: EthicsRules, semantic: SemanticLayer,
                       use_gloss: bool) -> list[Concern]:
    """The semantic layer on the prompt, and on its English gloss when the prompt is Chinese,
    Japanese or Spanish (MiniLM reads English; on CJK text its similarities are noise, and
    on Spanish weaker than on the gloss)."""
    scan = _Scan(prompt, rules)
    found = semantic.concerns(prompt, lambda group: bool(scan.hits(group)),
                              ungated=not scan.has_cjk and not scan.spanish)
    if use_gloss:
        glossed = _full_gloss(prompt, rules)
        if glossed is not None:
            if not scan.has_cjk:  # Spanish: the gloss's semantic concerns speak for it
                found = _below_stop(found)
            from bot.core.ethics.semantic import GLOSS_SLACK

            present = _gloss_gate(_Scan(glossed.text, rules), scan)
            found += from_gloss(
                semantic.concerns(_semantic_text(glossed.words, prompt), present,
                                  slack=GLOSS_SLACK, ungated=GLOSS_UNGATED),
                glossed, prompt, "gloss", GLOSS_MIN_SEVERITY, native=_native(prompt, rules, scan))
            if CLAUSE_GLOSS:
                found += _clause_concerns(prompt, glossed, scan, rules, semantic)
    return found


GLOSS_UNGATED = True
"""Whether a semantic class whose gate is closed may fire on a whole prompt's gloss, as on an
English prompt, when the probe fires and its nearest exemplars are far past the threshold and
far ahead of the safe anchors (`SemanticLayer.concerns(ungated=True)`). The gates are English
term groups, and a gloss often misses the one word that opens a class (the dictionary's
first sense is not the one meant) while its sentence vector still sits squarely among the
class's exemplars. On the gloss alone over every native dev row (250 stops a language) it
added zh 2, es 1, ja 7 stops and no false stop."""

CLAUSE_GLOSS = True
"""Whether the full review also reads each clause's gloss (`_clause_concerns`)."""
MIN_CLAUSE_WORDS = 3
"""A clause glossed to fewer words says too little for its neighbours to mean anything."""
CLAUSE_MIN_LEAD = 0.10
"""How much closer a clause's gloss must be to a class than to the safe anchors (the file's
margin is 0.05): a clause of three or four glossed words is close to many things ("friend
material video", of a Japanese comedy clip for a friend, sat 0.06 nearer harassment than any
safe anchor). The same lead as `semantic.Slack`'s; on the dev rows it lost no stop."""


def _clause_concerns(prompt: str, glossed: Gloss, scan: _Scan, rules: EthicsRules,
                     semantic: SemanticLayer) -> list[Concern]:
    """The semantic layer on each clause's gloss, when the prompt has two clauses or more.

    A long prompt buries the harmful request in one clause among camera and lighting
    clauses; the whole gloss's vector is then an average in which that clause barely shows,
    where an English prompt's would still be close to its exemplars. Each clause is read
    alone (one more query encoding each, a few milliseconds), gated by the groups of that
    clause's gloss or of the whole native prompt, at the class thresholds (no `Slack`: a
    short clause is close to many things). On the dev rows' glosses this added stops in
    es 5, zh 1, ja 4 of 113 each and no false stop."""
    spans = _clauses(prompt)
    if len(spans) < 2:
        return []
    out: list[Concern] = []
    for start, end in spans:
        words = [w for w in glossed.words if w.start >= start and w.end <= end]
        if len(words) < MIN_CLAUSE_WORDS:
            continue
        text = " ".join(w.english for w in words)
        present = _gloss_gate(_Scan(text, rules), scan)
        out += from_gloss(semantic.concerns(_semantic_text(words, prompt), present,
                                            use_probe=False, min_lead=CLAUSE_MIN_LEAD),
                          glossed, prompt,
                          "gloss-clause", GLOSS_MIN_SEVERITY, native=_native(prompt, rules, scan))
    return out


def _clauses(prompt: str) -> list[tuple[int, int]]:
    """The prompt's clauses as (start, end) spans, punctuation left out."""
    spans: list[tuple[int, int]] = []
    at = 0
    for m in CLAUSE_BREAK.finditer(prompt):
        if m.start() > at:
            spans.append((at, m.start()))
        at = m.end()
    if at < len(prompt):
        spans.append((at, len(prompt)))
    return spans


def review_gloss_only(prompt: str, rules: EthicsRules | None = None,
                      semantic: SemanticLayer | None = None) -> EthicsReview:
    """The English layers on the prompt's English gloss alone, without the prompt's own text
    (so without the per-language lexicons): how far the gloss carries on its own. For the
    benchmark; a prompt with no gloss gets "ok"."""
    rules = rules or cached_rules()
    glossed = _full_gloss(prompt, rules)
    if glossed is None:
        return assemble([], ["rules"])
    from bot.core.ethics.rules import gloss_rule_concerns

    concerns = gloss_rule_concerns(glossed, rules, cjk=_CJK.search(prompt) is not None)
    if semantic is not None:
        scan = _Scan(glossed.text, rules)
        from bot.core.ethics.semantic import GLOSS_SLACK

        concerns += semantic.concerns(_semantic_text(glossed.words, prompt),
                                      lambda g: bool(scan.hits(g)), slack=GLOSS_SLACK,
                                      ungated=GLOSS_UNGATED)
    return assemble(from_gloss(concerns, glossed, prompt, "gloss"), ["rules"])
