"""The components a strong video prompt is built from.

The names are a public contract (`critique --json` prints them), so they live in one place.
Weights say how much each component moves the score; `guide` names the guide sections that
teach it, so every "missing X" can cite where to learn more.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel


class Component(StrEnum):
    SUBJECT = "subject"
    ACTION = "action"
    MOTION = "motion"
    CAMERA = "camera"
    SHOT = "shot"
    LENS = "lens"
    LIGHTING = "lighting"
    COLOR = "color"
    STYLE = "style"
    SETTING = "setting"
    PACING = "pacing"
    CONSISTENCY = "consistency"
    AUDIO = "audio"


COMPONENT_NAMES: tuple[str, ...] = tuple(c.value for c in Component)


class ComponentInfo(BaseModel):
    name: Component
    label: str
    weight: int
    """Points out of 100 a fully present component is worth (audio only counts for sound models)."""
    essential: bool
    """Essential components are always reported as missing; the others only when it helps."""
    why: str
    """Why it matters, in one sentence a reviewer would say."""
    guide: tuple[str, ...]
    """Guide section ids that teach it."""


COMPONENTS: dict[Component, ComponentInfo] = {
    info.name: info
    for info in [
        ComponentInfo(
            name=Component.SUBJECT, label="Subject", weight=15, essential=True,
            why="Without a concrete subject the model invents one, and it changes from frame to frame.",
            guide=("prompt-structure", "consistency"),
        ),
        ComponentInfo(
            name=Component.ACTION, label="Action", weight=12, essential=True,
            why="Video is change over time: a clip with no action drifts or freezes.",
            guide=("motion-physics", "prompt-structure"),
        ),
        ComponentInfo(
            name=Component.MOTION, label="Motion physics", weight=10, essential=True,
            why="Motion is where video fails first: speed, weight, direction and timing keep it "
                "physically plausible.",
            guide=("motion-physics",),
        ),
        ComponentInfo(
            name=Component.CAMERA, label="Camera", weight=15, essential=True,
            why="Left unspecified, the model picks a camera at random, often an unstable, "
                "erratic one that breaks immersion.",
            guide=("camera-language",),
        ),
        ComponentInfo(
            name=Component.SHOT, label="Shot size / framing", weight=6, essential=False,
            why="Shot size tells the model how much of the subject and world to show.",
            guide=("shot-and-lens",),
        ),
        ComponentInfo(
            name=Component.LENS, label="Lens", weight=2, essential=False,
            why="Focal length and depth of field shape perspective and what the eye notices.",
            guide=("shot-and-lens",),
        ),
        ComponentInfo(
            name=Component.LIGHTING, label="Lighting", weight=10, essential=True,
            why="Lighting sets mood and gives the model a consistent light source to keep "
                "stable across frames.",
            guide=("lighting-and-color",),
        ),
        ComponentInfo(
            name=Component.COLOR, label="Colour palette", weight=5, essential=False,
            why="A named palette keeps colour from drifting shot to shot.",
            guide=("lighting-and-color",),
        ),
        ComponentInfo(
            name=Component.STYLE, label="Style and mood", weight=10, essential=True,
            why="Style and mood decide the look and feeling; 'cinematic' alone says almost nothing.",
            guide=("style-and-mood", "prompting-for-feeling"),
        ),
        ComponentInfo(
            name=Component.SETTING, label="Setting", weight=8, essential=False,
            why="A place and time anchor the background so it does not morph.",
            guide=("prompt-structure", "consistency"),
        ),
        ComponentInfo(
            name=Component.PACING, label="Pacing and time", weight=5, essential=False,
            why="Tempo and order of beats tell the model how to spend the clip's few seconds.",
            guide=("pacing-and-time",),
        ),
        ComponentInfo(
            name=Component.CONSISTENCY, label="Consistency anchors", weight=2, essential=False,
            why="Fixed details (wardrobe, marks, props) are what the model can hold steady "
                "across frames and shots.",
            guide=("consistency",),
        ),
        ComponentInfo(
            name=Component.AUDIO, label="Audio", weight=5, essential=False,
            why="Models that generate sound follow described dialogue, effects and ambience; "
                "silence is left to chance.",
            guide=("audio-and-dialogue",),
        ),
    ]
}

# Guide section ids the code refers to. Every one must exist in knowledge/guide (a test checks).
GUIDE_SECTION_IDS: tuple[str, ...] = (
    "how-video-models-work",
    "model-personalities",
    "prompt-structure",
    "motion-physics",
    "camera-language",
    "shot-and-lens",
    "lighting-and-color",
    "style-and-mood",
    "pacing-and-time",
    "consistency",
    "audio-and-dialogue",
    "iteration-and-versioning",
    "failure-patterns",
    "negation-and-negative-prompts",
    "dialect-translation",
    "creative-uses",
    "prompting-for-feeling",
    "ethics",
    "pre-generation-checklist",
)
