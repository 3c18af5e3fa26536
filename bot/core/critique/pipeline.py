"""Score a prompt against the craft, say what is missing and why, and rewrite it.

The score is the weighted share of components present (weighted by how much each steers a
video model), less the penalties of the anti-patterns found. Deterministic and offline.
"""

from __future__ import annotations

from bot.core.critique.analysis import NATIVE_LANGUAGES, analyze
from bot.core.critique.antipatterns import find_anti_patterns
from bot.core.critique.components import COMPONENTS, Component
from bot.core.critique.needs import Strength
from bot.core.critique.results import Addition, Analysis, ComponentScore, Critique, Suggestion
from bot.core.critique.rewrite import Dialect, rewrite
from bot.core.knowledge import KnowledgeBase, ModelProfile

WEAK = 0.5
"""Below this strength a component counts as present but is still reported as missing."""

# What each missing component's suggestion asks for, in a reviewer's words.
ASK: dict[Component, str] = {
    Component.SUBJECT: "Name the subject concretely: who or what, with one or two visual details.",
    Component.ACTION: "Give the subject one clear action with a concrete verb.",
    Component.MOTION: "Describe the motion physics: speed, direction, weight and timing.",
    Component.CAMERA: "Decide the camera: one move with direction and speed, or locked-off.",
    Component.SHOT: "Choose a shot size or angle (wide, medium, close-up, low angle).",
    Component.LENS: "Consider a lens or depth of field (35mm, macro, shallow depth of field).",
    Component.LIGHTING: "Set the light: source, direction and quality (golden hour, rim light).",
    Component.COLOR: "Name a palette or grade so colour does not drift.",
    Component.STYLE: "Name a concrete style and mood instead of leaving the look to chance.",
    Component.SETTING: "Place it: where and when (a rain-soaked alley at night).",
    Component.PACING: "Say the tempo: real time, slow motion, or the order of beats.",
    Component.CONSISTENCY: "Add anchors that must hold steady (wardrobe, marks, props).",
    Component.AUDIO: "This model makes sound: describe ambience, effects or dialogue.",
}


def _max_score(comp: Component, model: ModelProfile | None) -> int:
    if comp == Component.AUDIO:
        return COMPONENTS[comp].weight if model is not None and model.audio else 0
    return COMPONENTS[comp].weight


def score_components(a: Analysis, model: ModelProfile | None) -> list[ComponentScore]:
    rows = []
    for comp in Component:
        top = _max_score(comp, model)
        strength = a.strength(comp)
        note = "only weakly specified" if 0 < strength < WEAK else ""
        rows.append(ComponentScore(name=comp, present=a.has(comp), text=a.text(comp),
                                   score=round(top * strength), max_score=top, note=note))
    return rows


def missing_components(a: Analysis, model: ModelProfile | None) -> list[Component]:
    """Essential components absent or weak, then the helpful ones absent.

    Shot, colour, setting and pacing are named only when something else is there to anchor
    them; lens and consistency only for long prompts (short prompts should not grow a list).
    """
    out = [c for c in Component if COMPONENTS[c].essential and a.strength(c) < WEAK]
    helpful = [Component.SETTING, Component.SHOT, Component.COLOR, Component.PACING]
    out += [c for c in helpful if not a.has(c)]
    if a.word_count > 40:
        out += [c for c in (Component.LENS, Component.CONSISTENCY) if not a.has(c)]
    if model is not None and model.audio and not a.has(Component.AUDIO):
        out.append(Component.AUDIO)
    return out


def verdict_for(score: int) -> str:
    if score >= 85:
        return "Ready to generate"
    if score >= 70:
        return "Strong: a few refinements"
    if score >= 50:
        return "Needs work: key components missing"
    return "Underspecified: the model will guess"


def critique(prompt: str, kb: KnowledgeBase, model_id: str | None = None,
             strength: Strength | str = Strength.STANDARD,
             dialect: Dialect | None = None) -> Critique:
    """Score, missing components, anti-patterns and a rewrite at `strength` (light, standard,
    full); with `model_id`, scored for that model, and with `dialect` (the translator, which
    the engine hands in) rewritten in that model's dialect."""
    strength = Strength(strength)
    model = kb.models[model_id] if model_id else None
    a = analyze(prompt)
    rows = score_components(a, model)
    earned = sum(r.score for r in rows)
    possible = sum(r.max_score for r in rows)
    hits = find_anti_patterns(a, model)
    penalty = sum(h.penalty for h in hits)
    score = max(0, min(100, round(100 * earned / possible) - penalty))

    missing = missing_components(a, model)
    weak_style = any(h.id == "cinematic-only" for h in hits)
    native = a.language in NATIVE_LANGUAGES
    if native:
        from bot.core.critique.native_rewrite import native_rewrite

        result = native_rewrite(a, model, weak_style=weak_style, strength=strength)
    else:
        result = rewrite(a, model, weak_style=weak_style, strength=strength, dialect=dialect)

    suggestions = needs_suggestions(result.additions, a.language)
    # Zero-penalty hits restate a missing component; their advice is already above.
    suggestions += [Suggestion(text=fix, guide=h.guide) for h in hits if h.fix and h.penalty
                    for fix in [_fix_in(h.id, h.fix, a.language)] if fix]
    if result.negative and model is not None:  # only a model's rewrite has one
        suggestions.append(Suggestion(text=f"Negative prompt for {model.name}: "
                                           f"{result.negative}",
                                      guide="negation-and-negative-prompts"))

    sources: list[str] = [x.guide for x in result.additions if x.guide]
    for c in missing:
        sources += COMPONENTS[c].guide
    sources += [h.guide for h in hits]
    if not sources:
        sources.append("pre-generation-checklist")
    sources = [s for s in dict.fromkeys(sources) if s in kb.guide]

    return Critique(
        prompt=prompt, model=model_id, score=score, verdict=verdict_for(score), components=rows,
        language=a.language, language_mixed=a.language_mixed,
        notices=language_notices(prompt, a) + model_language_notices(a, model),
        missing=missing, missing_why={c: COMPONENTS[c].why for c in missing},
        anti_patterns=hits, suggestions=suggestions, rewrite=result.text, added=result.added,
        additions=result.additions, rewrite_strength=strength.value, sources=sources,
        left_alone=[c for c in missing if c in result.plan.refused],
    )


def needs_suggestions(additions: list[Addition], language: str = "en") -> list[Suggestion]:
    """One suggestion per part the rewrite adds, in the same order and with the same words, so
    the advice and the rewrite never disagree (the reviewer's ask, then this prompt's reason),
    in the prompt's language when the message catalogue has it."""
    if language not in NATIVE_LANGUAGES:
        return [Suggestion(component=x.component,
                           text=f"{ASK.get(x.component, '')} The rewrite adds \"{x.text}\": "
                                f"{x.reason}",
                           guide=x.guide or COMPONENTS[x.component].guide[0]) for x in additions]
    from bot.core.critique.messages import ADDS, QUOTES
    from bot.core.critique.messages import ASK as ASK_IN

    asks = ASK_IN.get(language, ASK)
    adds = ADDS.get(language, ADDS["en"])
    left, right = QUOTES.get(language, QUOTES["en"])
    colon = "：" if language in ("zh", "ja") else ":"
    space = "" if language in ("zh", "ja") else " "
    out = []
    for x in additions:
        ask = asks.get(x.component, "")
        out.append(Suggestion(component=x.component,
                              text=f"{ask}{space}{adds}{space}{left}{x.text}{right}{colon}"
                                   f"{space}{x.reason}",
                              guide=x.guide or COMPONENTS[x.component].guide[0]))
    return out


def _fix_in(hit_id: str, fix: str, language: str) -> str | None:
    """An anti-pattern's fix in the prompt's language; None when the catalogue has none (an
    English-only fix is not shown to a Chinese, Spanish or Japanese prompt)."""
    if language not in NATIVE_LANGUAGES:
        return fix
    from bot.core.critique.messages import FIX

    return FIX.get(hit_id, {}).get(language)


def model_language_notices(a: Analysis, model: ModelProfile | None) -> list[str]:
    """Whether the target model reads the prompt's language (its profile's `languages`)."""
    if model is None or a.language not in NATIVE_LANGUAGES:
        return []
    from bot.core.language import language_name

    name = language_name(a.language)
    if model.reads(a.language):
        return [f"{model.name} reads {name}: the rewrite stays in {name}."]
    return [f"{model.name} reads English only: the rewrite below stays in {name}, as you wrote "
            f"it; `framecraft translate --to {model.id}` gives its parts in {model.name}'s "
            f"order, and with FRAMECRAFT_LLM set it is translated for you."]


def language_notices(prompt: str, a: Analysis) -> list[str]:
    """What the reader must know about the language: a language the critique does not read
    (named, with what the score still covers), or Chinese read in Traditional characters."""
    if a.language == "en":
        return []
    from bot.core.critique.messages import TRADITIONAL, UNSUPPORTED
    from bot.core.language import detect_language

    lang = detect_language(prompt)
    if not lang.supported:
        return [UNSUPPORTED.format(name=lang.name)]
    if lang.variant == "Hant":
        return [TRADITIONAL]
    return []
