"""Habits that make video prompts fail, found in an analysis.

Each finding says why it hurts and how to fix it, and carries the penalty it costs the score,
so the critique and its explanation cannot disagree.
"""

from __future__ import annotations

from bot.core.critique.analysis import finditer_lower, search_lower
from bot.core.critique.components import Component as C
from bot.core.critique.lexicon import CAMERA_VAGUE, CONTRADICTIONS, QUALITY_SPAM
from bot.core.critique.results import Analysis, AntiPatternHit
from bot.core.knowledge import ModelProfile

# Moves that cannot happen in one shot together.
OPPOSED_MOVES: list[tuple[str, str]] = [
    ("pan_left", "pan_right"), ("tilt_up", "tilt_down"), ("dolly_in", "dolly_out"),
    ("truck_left", "truck_right"), ("pedestal_up", "pedestal_down"), ("zoom_in", "zoom_out"),
    ("crane_up", "crane_down"),
]
MAX_ACTIONS = 3
"""Distinct actions a 5-10 second clip can hold before the model rushes or blends them."""
MAX_MOVES = 2


def _length(a: Analysis) -> str:
    """"260 words", or "390 characters (about 260 words)" for Chinese and Japanese."""
    if a.prompt.isascii():
        return f"{a.word_count} words"
    from bot.core.language import length_label

    return length_label(a.prompt, a.language)


def find_anti_patterns(a: Analysis, model: ModelProfile | None = None) -> list[AntiPatternHit]:
    hits: list[AntiPatternHit] = []
    p = a.prompt
    low = p.lower()

    spam = [p[m.start():m.end()] for m in finditer_lower(QUALITY_SPAM, low)]
    if spam:
        hits.append(AntiPatternHit(
            id="quality-spam", text=", ".join(dict.fromkeys(spam)), penalty=5,
            why="Resolution and quality words are settings or image-model habits; video models "
                "ignore them or spend attention on them instead of the shot.",
            fix="Delete them; set resolution in the tool, and describe light, lens and texture "
                "instead.", guide="style-and-mood"))

    style = a.spans.get(C.STYLE, [])
    if style and all(s.strength <= 0.3 for s in style):
        hits.append(AntiPatternHit(
            id="cinematic-only", text=", ".join(s.text for s in style), penalty=5,
            why="'Cinematic' is the only style cue: every model reads it differently and it "
                "names no look, era, grade or mood.",
            fix="Name the look: a film stock or grain, a genre (neo-noir, nature documentary), a "
                "mood (tense, serene), a colour grade.", guide="style-and-mood"))

    if not a.has(C.CAMERA):
        hits.append(AntiPatternHit(
            id="camera-left-to-chance", text="no camera direction", penalty=0,
            why="With no camera the model chooses one at random, often an unstable, erratic "
                "move that breaks immersion.",
            fix="Decide the camera: a move with a direction and speed (slow dolly-in), or "
                "a locked-off shot.", guide="camera-language"))
    else:
        vague = [p[m.start():m.end()] for m in finditer_lower(CAMERA_VAGUE, low)]
        if vague and not a.camera_moves:
            hits.append(AntiPatternHit(
                id="camera-vague", text=", ".join(vague), penalty=4,
                why="A camera that 'moves' or shows 'various angles' is still left to chance.",
                fix="Name one move, its direction and its speed: 'slow push-in toward her face'.",
                guide="camera-language"))

    moves = set(a.camera_moves)
    clash = [f"{x} + {y}" for x, y in OPPOSED_MOVES if x in moves and y in moves]
    if "static" in moves and len(moves - {"static", "rack_focus"}) > 0:
        clash.append("static + " + ", ".join(sorted(moves - {"static", "rack_focus"})))
    if clash:
        hits.append(AntiPatternHit(
            id="conflicting-camera", text="; ".join(clash).replace("_", " "), penalty=10,
            why="Opposite or incompatible camera moves in one clip make the model average them "
                "into jitter.",
            fix="Keep one move per shot (two at most when they combine, like a dolly with a "
                "pan); split the rest into separate shots.", guide="camera-language"))
    elif len(moves - {"static"}) > MAX_MOVES:
        hits.append(AntiPatternHit(
            id="too-many-camera-moves",
            text=", ".join(m.replace("_", " ") for m in a.camera_moves), penalty=6,
            why="More than two camera moves in a few seconds reads as a random camera.",
            fix="Pick the one move that serves the shot's intent.", guide="camera-language"))

    # Finite verbs are the beats; "-ing" words mostly describe secondary motion of a beat.
    verbs = {s.cue for s in a.actions if not s.text.lower().endswith("ing")}
    if len(verbs) > MAX_ACTIONS + a.word_count // 30:
        hits.append(AntiPatternHit(
            id="too-many-actions", text=", ".join(s.text for s in a.actions), penalty=8,
            why=f"{len(verbs)} actions in one clip: a 5-10 second generation holds one or two; "
                "more get rushed, merged or dropped.",
            fix="Keep the main action; move the rest to following shots, or sequence them with "
                "'then' and give each a beat.", guide="pacing-and-time"))

    if a.has(C.ACTION) and not a.has(C.MOTION):
        hits.append(AntiPatternHit(
            id="undirected-motion", text=", ".join(s.text for s in a.spans[C.ACTION][:3]),
            penalty=0,
            why="The action has no speed, direction or weight, so the model approximates it "
                "statistically, which is where limbs morph and objects float.",
            fix="Say how it moves: speed (slowly, in a quick burst), direction (left to right, "
                "toward the camera) and weight (lands heavily).", guide="motion-physics"))

    vague_actions = [s.text for s in a.spans.get(C.ACTION, []) if s.cue == "vague"]
    if vague_actions:
        hits.append(AntiPatternHit(
            id="vague-verbs", text=", ".join(vague_actions), penalty=4,
            why="Verbs like 'moves' or 'goes' describe no motion the model can render.",
            fix="Use a concrete verb with a manner: 'strides', 'drifts', 'darts'.",
            guide="motion-physics"))

    for left, right, what in CONTRADICTIONS:
        lm = search_lower(left, low)
        rm = search_lower(right, low) if lm else None
        if lm and rm:
            hits.append(AntiPatternHit(
                id="contradiction", text=f"{p[lm.start():lm.end()]} / {p[rm.start():rm.end()]}",
                penalty=8,
                why=f"The prompt asks for {what}; the model will blend them or flicker between.",
                fix="Choose one; if you want a change over time, say it as a sequence ('day "
                    "fades into night').", guide="failure-patterns"))

    if a.negations:
        where = ("Move the exclusions into this model's negative prompt."
                 if model and model.negative_prompt else
                 "Describe what you want instead ('an empty street', 'clear sky').")
        hits.append(AntiPatternHit(
            id="negation", text=", ".join(n.text for n in a.negations), penalty=5,
            why="Video models do not understand negation: 'no people' puts people in the "
                "model's attention.",
            fix=where, guide="negation-and-negative-prompts"))

    if model is not None and len(p) > model.max_prompt_chars:
        hits.append(AntiPatternHit(
            id="over-length", text=f"{len(p)} characters", penalty=10,
            why=f"{model.name} reads about {model.max_prompt_chars} characters; the rest is cut "
                "or diluted.",
            fix="Trim to the shot: subject, action, camera, light, style.",
            guide="dialect-translation"))
    elif model is None and a.word_count > 250:
        hits.append(AntiPatternHit(
            id="over-length", text=_length(a), penalty=6,
            why="Past about 200 words most video models dilute or cut the prompt.",
            fix="Trim to the shot: subject, action, camera, light, style.",
            guide="dialect-translation"))
    return hits
