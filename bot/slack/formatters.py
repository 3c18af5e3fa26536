"""One Block Kit formatter per command of the core's table: an `Outcome` in, messages out.

`SlackFront.run` looks the command up here after the core has run it; a command of the table
with no formatter here is not offered in Slack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from bot.core.command_table import NO_STALE_PROFILES, About, Insights, Outcome
from bot.slack import blocks as bk
from bot.slack.sequence_blocks import sequence_messages

if TYPE_CHECKING:  # types only: the retrieval stack is imported when `ask` first runs
    from bot.core.critique.results import Critique
    from bot.core.dialects import Comparison, Translation
    from bot.core.ethics import EthicsReview
    from bot.core.knowledge import ModelProfile
    from bot.core.retrieval.ask import Answer


@dataclass(frozen=True)
class Shown:
    """What a formatter needs besides the outcome: the models (for the translate select),
    whether the reply is private and so offers "Share to channel" (with the value to re-run),
    and the member's language."""

    models: Sequence[tuple[str, str]]
    share: bool
    share_value: str | None
    lang: str = "en"
    """The language of the bot's own words for this member (their Slack locale, where the
    core's catalogue covers it; bot.slack.member_language)."""


Formatter = Callable[[Outcome, Shown], list[bk.Message]]


def critique(o: Outcome, shown: Shown) -> list[bk.Message]:
    return bk.critique_messages(cast("Critique", o.result), review_id=o.review_id,
                                models=shown.models, share=shown.share, lang=shown.lang)


def translate(o: Outcome, shown: Shown) -> list[bk.Message]:
    return bk.translation_messages(cast("Translation", o.result),
                                   share_value=shown.share_value, lang=shown.lang)


def compare(o: Outcome, shown: Shown) -> list[bk.Message]:
    return bk.comparison_messages(cast("Comparison", o.result),
                                  share_value=shown.share_value, lang=shown.lang)


def ethics(o: Outcome, shown: Shown) -> list[bk.Message]:
    return bk.ethics_messages(cast("EthicsReview", o.result),
                              share_value=shown.share_value, lang=shown.lang)


def ask(o: Outcome, shown: Shown) -> list[bk.Message]:
    return bk.answer_messages(cast("Answer", o.result), question=o.call.text,
                              share_value=shown.share_value, lang=shown.lang)


def models(o: Outcome, shown: Shown) -> list[bk.Message]:
    profiles = cast("list[ModelProfile]", o.result)
    lines = [f"• *{bk.escape(m.name)}* (`{bk.escape(m.id)}`)" for m in profiles] or [
        bk.escape(NO_STALE_PROFILES)]
    return bk.paginate(bk.sections("\n".join(lines), escaped=True), "Models")


def about(o: Outcome, shown: Shown) -> list[bk.Message]:
    a = cast(About, o.result)
    blocks = [bk.header(f"Framecraft {a.version}")]
    blocks += bk.sections("*Models:* " + ", ".join(f"{bk.escape(name)} (`{bk.escape(mid)}`)"
                                                   for mid, name in a.models), escaped=True)
    lines = ["*Data sources*"] + [f"• {s.count} {bk.escape(s.name)} (`{bk.escape(s.path)}`)"
                                  for s in a.sources]
    blocks += bk.sections("\n".join(lines), escaped=True)
    blocks += bk.context("Rewrites by a configured LLM." if a.llm else
                         "Offline: every answer comes from these files, no LLM.")
    return bk.paginate(blocks, f"Framecraft {a.version}")


def insights(o: Outcome, shown: Shown) -> list[bk.Message]:
    """The summary beside the chart (the chart itself is uploaded by bot.slack.insights)."""
    result = cast(Insights, o.result)
    blocks = [bk.header("Team insights")]
    blocks += bk.sections("\n".join(result.summary))
    return bk.paginate(blocks, result.summary[0])


def sequence(o: Outcome, shown: Shown) -> list[bk.Message]:
    return sequence_messages(o, shown.share, shown.share_value)


FORMATTERS: dict[str, Formatter] = {
    "critique": critique,
    "translate": translate,
    "compare": compare,
    "ethics": ethics,
    "ask": ask,
    "models": models,
    "about": about,
    "insights": insights,
    "sequence": sequence,
}
