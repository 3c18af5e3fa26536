"""What the bot says unasked: a compact review in a review channel, an ethics note anywhere.

Both are built from the full critique and ethics review, so they agree with `/critique` and
`/ethics`. The ethics note never quotes the message: the note sits in a public thread, and
repeating the words that raised the concern would spread what it is warning about.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.core.critique.components import COMPONENTS
from bot.core.critique.pipeline import ASK
from bot.core.critique.results import Critique
from bot.core.ethics import EthicsReview

MAX_FIXES = 2

# Per category: why it matters and what to do instead, in words that name no one and quote
# nothing (the rule's own text fills in the matched words, which a note must not repeat).
CATEGORY_NOTES: dict[str, tuple[str, str]] = {
    "likeness": (
        "It appears to depict a real, identifiable person, who has not agreed to appear.",
        "Use an invented character described by look and role, or get the person's consent."),
    "consent-deepfake": (
        "It reads as a realistic fake of a real person saying or doing something they did not.",
        "Use a fictional character, or make the synthetic nature obvious and get consent."),
    "minors": (
        "It combines children with content that is never acceptable for them.",
        "Remove the minors from this scene entirely, or change the scene so it is clearly "
        "age-appropriate."),
    "sexual": (
        "It asks for sexual content that video models refuse and communities do not allow.",
        "Keep intimacy implied and non-explicit, with adult characters only."),
    "violence-gore": (
        "It asks for graphic violence aimed at realism or real people.",
        "Imply the violence (sound, aftermath, cutaways) and keep it clearly fictional."),
    "self-harm": (
        "It depicts self-harm in a way that could hurt someone who sees it.",
        "Leave the act off-screen and focus on support and recovery; add help resources if "
        "you share it."),
    "hate-harassment": (
        "It targets people for who they are or mocks a real person.",
        "Aim the satire at ideas or invented characters, not at groups or real people."),
    "elections-news": (
        "It could pass as real news or election footage and mislead people.",
        "Label it clearly as fiction or satire and avoid real candidates, dates and outlets."),
    "medical-financial-deception": (
        "It could pass as real medical or financial advice or a fake endorsement.",
        "Make it clearly fictional and avoid real institutions, experts and claims."),
    "brand-impersonation": (
        "It imitates a real brand closely enough to pass as official.",
        "Invent a brand, or get permission for the real one."),
    "artist-style-ip": (
        "It copies a protected character, franchise or a living artist's signature work.",
        "Describe the qualities you admire (palette, framing, mood) instead of the name."),
    "disclosure": (
        "It aims to hide that the video is synthetic.",
        "Disclose AI generation where the video is shared."),
    "weapons": (
        "It reads as instructions for making or using a weapon, explosive or drug.",
        "Keep the story around it and leave out materials, quantities and steps."),
    "extremism": (
        "It promotes violent extremism or calls for violence against people.",
        "Show the cost of violence and the people who resist it; never a rallying call."),
    "fraud-impersonation": (
        "It impersonates a trusted person or institution in a way that could defraud people.",
        "Use invented characters and a clear label; never ask viewers for money or codes."),
}
FALLBACK_NOTE = ("It raised a serious concern in Framecraft's ethics review.",
                 "Run the ethics check privately for the details and a safer version.")


class EthicsNote(BaseModel):
    """A short, polite note for a prompt whose ethics review reached "stop"."""

    categories: list[str]
    lines: list[tuple[str, str]] = Field(default_factory=list)
    """(why, what to do instead) per category, worst first."""

    @property
    def text(self) -> str:
        """Plain text, no markup, safe for any front (quotes nothing from the message)."""
        parts = ["A note before you generate this: it may cause harm as written."]
        for why, instead in self.lines:
            parts.append(f"- {why} Instead: {instead}")
        parts.append("Run /ethics on your prompt for the details (only you will see them).")
        return "\n".join(parts)


class CompactReview(BaseModel):
    """The thread reply in a review channel: score, the two most useful fixes, a way in."""

    prompt: str
    """The text reviewed (cleaned): what a "Full review" button re-runs."""
    score: int
    verdict: str
    model: str | None = None
    fixes: list[str]
    missing: list[str]
    ethics: EthicsNote | None = None
    house_rules: list[str] = Field(default_factory=list)
    """The House rules part as plain lines (verdict, the first broken rules with reason and
    fix); empty when the channel has no house rules."""
    language_notes: list[str] = Field(default_factory=list)
    """What the reader must know about the prompt's language (a language the critique does
    not read: named, with what the score covers); empty for English."""
    mode: str = "t2v"
    """t2v, or i2v when the prompt animates a first frame (critique.i2v)."""


def ethics_note(review: EthicsReview) -> EthicsNote | None:
    """A note for a "stop" review; None for anything milder (those stay unasked-for)."""
    if review.verdict != "stop":
        return None
    stops = [c for c in review.concerns if c.severity == "stop"]
    categories: list[str] = list(dict.fromkeys(c.category for c in stops))
    return EthicsNote(categories=categories,
                      lines=[CATEGORY_NOTES.get(c, FALLBACK_NOTE) for c in categories])


def top_fixes(result: Critique, limit: int = MAX_FIXES) -> list[str]:
    """The fixes worth most points: an anti-pattern's penalty against a missing component's
    weight, so "drop the 4K spam" can outrank "add a shot size" and vice versa. In the
    prompt's language when the message catalogue has it (a Chinese prompt gets Chinese fixes;
    an English-only fix is then left out rather than mixed in)."""
    from bot.core.critique.messages import ASK as ASK_IN
    from bot.core.critique.messages import FIX

    native = result.language in ASK_IN
    asks = ASK_IN.get(result.language, ASK)
    ranked: list[tuple[int, int, str]] = []
    for i, hit in enumerate(result.anti_patterns):
        fix = FIX.get(hit.id, {}).get(result.language) if native else hit.fix
        if hit.penalty and fix:
            ranked.append((-hit.penalty, i, fix))
    # Not what the prompt's own choices rule out: a still prompt is not told to add motion.
    for i, comp in enumerate(c for c in result.missing if c not in result.left_alone):
        ranked.append((-COMPONENTS[comp].weight, 100 + i, asks[comp]))
    ranked.sort()
    return [text for _, _, text in ranked[:limit]]


def language_notices(prompt: str, code: str) -> list[str]:
    """The critique's language notices (bot.core.critique.pipeline), for the compact reply."""
    if code == "en":
        return []
    from bot.core.critique.pipeline import language_notices as notices
    from bot.core.critique.results import Analysis

    return notices(prompt, Analysis(prompt=prompt, language=code))


def compact_review(result: Critique, ethics: EthicsReview | None = None) -> CompactReview:
    from bot.core.house_rules.review import summary_lines

    house = summary_lines(result.house_rules, limit=MAX_FIXES) if result.house_rules else []
    return CompactReview(prompt=result.prompt, score=result.score, verdict=result.verdict, model=result.model,
                         fixes=top_fixes(result), missing=[m.value for m in result.missing],
                         mode=result.mode,
                         ethics=ethics_note(ethics) if ethics is not None else None,
                         house_rules=house, language_notes=language_notices(result.prompt,
                                                                            result.language))
