"""Score a prompt against the craft, say what is missing and why, and rewrite it.

The score is the weighted share of components present (weighted by how much each steers a
video model), less the penalties of the anti-patterns found. Deterministic and offline.
"""

from __future__ import annotations

from typing import Any

from bot.core.critique.analysis import NATIVE_LANGUAGES, analyze
from bot.core.critique.antipatterns import find_anti_patterns
from bot.core.critique.components import COMPONENTS, Component
from bot.core.critique.i2v import DYNAMIC, I2V_WEIGHTS, Mode, redescription
from bot.core.critique.needs import Need, Plan, Strength, plan
from bot.core.critique.results import (
    Addition,
    Analysis,
    AntiPatternHit,
    ComponentScore,
    Critique,
    Suggestion,
)
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


def _max_score(comp: Component, model: ModelProfile | None, mode: Mode = "t2v") -> int:
    weight = I2V_WEIGHTS[comp] if mode == "i2v" else COMPONENTS[comp].weight
    if comp == Component.AUDIO:
        return weight if model is not None and model.audio else 0
    return weight


def score_components(a: Analysis, model: ModelProfile | None,
                     mode: Mode = "t2v") -> list[ComponentScore]:
    rows = []
    for comp in Component:
        top = _max_score(comp, model, mode)
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


def missing_i2v(a: Analysis, model: ModelProfile | None) -> list[Component]:
    """With a first frame only the moving parts can be missing: action, motion and camera
    when weak, pacing when absent (and audio for a model that makes sound)."""
    out = [c for c in (Component.ACTION, Component.MOTION, Component.CAMERA)
           if a.strength(c) < WEAK]
    if not a.has(Component.PACING):
        out.append(Component.PACING)
    if model is not None and model.audio and not a.has(Component.AUDIO):
        out.append(Component.AUDIO)
    return out


I2V_REASON: dict[Component, str] = {
    Component.ACTION: "The first frame shows who is there; only the prompt can say what they do.",
    Component.MOTION: "The image is still: say how things move (speed, weight, direction).",
    Component.CAMERA: "The frame fixes the composition; say whether and how the camera moves "
                      "from it.",
    Component.PACING: "Say what changes over the clip and how fast.",
}


def i2v_plan(a: Analysis, model: ModelProfile | None, strength: Strength) -> Plan:
    """The rewrite's needs for an image-to-video prompt: only what moves (the look is in the
    frame), with action, motion and camera asked for first when they are missing."""
    p = plan(a, model, strength)
    needs = [n for n in p.needs if n.component in DYNAMIC or n.component == Component.AUDIO]
    have = {n.component for n in needs}
    for comp in (Component.CAMERA, Component.MOTION):
        if comp not in have and a.strength(comp) < WEAK and comp not in p.refused:
            needs.append(Need(comp, I2V_REASON[comp], COMPONENTS[comp].guide[0], "i2v", True))
    return Plan(strength=p.strength, needs=needs, context=p.context, refused=p.refused)


def redescribes_hit(a: Analysis) -> tuple[AntiPatternHit | None, dict[str, Any]]:
    """The i2v anti-pattern: words that describe what the first frame already shows."""
    r = redescription(a)
    info = {"redescribes_image": r.flagged, "static_words": r.static_words,
            "motion_words": r.dynamic_words, "static_share": r.share, "words": r.words}
    if not r.flagged:
        return None, info
    return AntiPatternHit(
        id="redescribes-image", text=", ".join(r.words) or "the image's look", penalty=12,
        why="With a first frame, subject, setting, wardrobe, palette and light are already "
            "fixed; describing them again spends the prompt's words on what the model can see "
            "and can fight the frame.",
        fix="Cut the description of the image; say what moves, how the camera moves and what "
            "changes over the clip.", guide="consistency"), info


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
             dialect: Dialect | None = None, mode: Mode = "t2v",
             analysis: Analysis | None = None) -> Critique:
    """Score, missing components, anti-patterns and a rewrite at `strength` (light, standard,
    full); with `model_id`, scored for that model, and with `dialect` (the translator, which
    the engine hands in) rewritten in that model's dialect. `mode="i2v"` judges a prompt that
    animates a first frame: the moving parts carry the score, the rewrite adds only them, and
    re-describing the image is an anti-pattern (critique.i2v). `analysis`: `analyze(prompt)`
    when the caller needs it too (the engine reads the similar prompts from its spans), so the
    prompt is analysed once; the critique only reads it."""
    strength = Strength(strength)
    model = kb.models[model_id] if model_id else None
    a = analysis if analysis is not None else analyze(prompt)
    rows = score_components(a, model, mode)
    earned = sum(r.score for r in rows)
    possible = sum(r.max_score for r in rows)
    hits = find_anti_patterns(a, model)
    i2v_info: dict[str, Any] | None = None
    if mode == "i2v":
        hit, i2v_info = redescribes_hit(a)
        hits = [h for h in hits if h.id != "cinematic-only"] + ([hit] if hit else [])
    penalty = sum(h.penalty for h in hits)
    score = max(0, min(100, round(100 * earned / possible) - penalty))

    missing = missing_components(a, model) if mode == "t2v" else missing_i2v(a, model)
    weak_style = any(h.id == "cinematic-only" for h in hits)
    native = a.language in NATIVE_LANGUAGES
    if native:
        from bot.core.critique.native_rewrite import native_rewrite

        result = native_rewrite(a, model, weak_style=weak_style, strength=strength)
    else:
        result = rewrite(a, model, weak_style=weak_style, strength=strength, dialect=dialect,
                         the_plan=i2v_plan(a, model, strength) if mode == "i2v" else None)

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
        missing=missing, missing_why={c: (I2V_REASON.get(c) if mode == "i2v" else None)
                                      or COMPONENTS[c].why for c in missing},
        anti_patterns=hits, suggestions=suggestions, rewrite=result.text, added=result.added,
        additions=result.additions, rewrite_strength=strength.value, sources=sources,
        left_alone=[c for c in missing if c in result.plan.refused], mode=mode, i2v=i2v_info,
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
