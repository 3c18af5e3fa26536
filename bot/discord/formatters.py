"""One embed formatter per command of the core's table: an `Outcome` in, embeds out.

`DiscordFront.run` looks the command up here after the core has run it; a command of the
table with no formatter here is not offered in Discord.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

import discord

from bot.core.command_table import NO_STALE_PROFILES, About, Insights, Outcome
from bot.discord import embeds as em
from bot.discord.sequence_embeds import sequence_embeds

if TYPE_CHECKING:  # types only: the retrieval stack is imported when `ask` first runs
    from bot.core.critique.results import Critique
    from bot.core.dialects import Comparison, Translation
    from bot.core.ethics import EthicsReview
    from bot.core.knowledge import ModelProfile
    from bot.core.retrieval.ask import Answer
    from bot.core.sequence import SequenceReview

Models = Sequence[tuple[str, str]]
Formatter = Callable[[Outcome, Models, str], list[discord.Embed]]
"""(outcome, the models, the language of the bot's own words for this member)."""
Attachments = Callable[[Outcome], list[tuple[str, bytes]]]
CHART_FILE = "framecraft-insights.png"


def critique(o: Outcome, models: Models, lang: str = "en") -> list[discord.Embed]:
    return em.critique_embeds(cast("Critique", o.result), lang)


def translate(o: Outcome, models: Models, lang: str = "en") -> list[discord.Embed]:
    return em.translation_embeds(cast("Translation", o.result))


def compare(o: Outcome, models: Models, lang: str = "en") -> list[discord.Embed]:
    return em.comparison_embeds(cast("Comparison", o.result))


def ethics(o: Outcome, models: Models, lang: str = "en") -> list[discord.Embed]:
    return em.ethics_embeds(cast("EthicsReview", o.result))


def ask(o: Outcome, models: Models, lang: str = "en") -> list[discord.Embed]:
    return em.answer_embeds(cast("Answer", o.result), question=o.call.text)


def models_(o: Outcome, models: Models, lang: str = "en") -> list[discord.Embed]:
    """The profiles the command returned (all of them, or those due a re-check)."""
    profiles = cast("list[ModelProfile]", o.result)
    if not profiles and models:
        return em.notice_embeds(NO_STALE_PROFILES, "Models I know")
    return em.models_embeds([(m.id, m.name) for m in profiles])


def about(o: Outcome, models: Models, lang: str = "en") -> list[discord.Embed]:
    a = cast(About, o.result)
    p = em.EmbedPacker(f"Framecraft {a.version}", em.COLOUR_INFO)
    p.field("Models", ", ".join(f"{em.escape(name)} (`{mid}`)" for mid, name in a.models))
    p.field("Data sources", "\n".join(f"• {s.count} {em.escape(s.name)} (`{s.path}`)"
                                      for s in a.sources))
    p.text("Rewrites by a configured LLM." if a.llm else
           "Offline: every answer comes from these files, no LLM.")
    return p.finish()


def insights(o: Outcome, models: Models, lang: str = "en") -> list[discord.Embed]:
    """The summary as an embed showing the attached chart (see ATTACHMENTS)."""
    result = cast(Insights, o.result)
    p = em.EmbedPacker("Team insights", em.COLOUR_INFO)
    p.text("\n".join(em.escape(line) for line in result.summary))
    embeds = p.finish()
    embeds[0].set_image(url=f"attachment://{CHART_FILE}")
    return embeds


def sequence(o: Outcome, models: Models, lang: str = "en") -> list[discord.Embed]:
    return sequence_embeds(cast("SequenceReview", o.result))


FORMATTERS: dict[str, Formatter] = {
    "critique": critique,
    "translate": translate,
    "compare": compare,
    "ethics": ethics,
    "ask": ask,
    "models": models_,
    "about": about,
    "insights": insights,
    "sequence": sequence,
}

ATTACHMENTS: dict[str, Attachments] = {
    "insights": lambda o: [(CHART_FILE, cast(Insights, o.result).png)],
}
"""Files a command's reply carries beside its embeds (sent with the first page)."""
