"""Embeds for sequence reviews: the compact table and the full report (what they say is
decided once, in bot.core.sequence.report)."""

from __future__ import annotations

import discord

from bot.core.sequence import SequenceReview, report
from bot.discord import embeds as em

SEQUENCE_KEY = r"[0-9a-f]{8,64}"
"""A kept shot list's key (bot.core.engine.Engine.stash_sequence), in `fc:sq:<key>`."""


def sequence_embeds(review: SequenceReview, findings: int = 4) -> list[discord.Embed]:
    colour = em.COLOUR_GOOD if not review.findings else (
        em.COLOUR_POOR if review.drift else em.COLOUR_FAIR)
    p = em.EmbedPacker(f"Sequence: {report.summary(review)}", colour, footer=report.LEGEND)
    p.code(report.compact_table(review))
    lines = report.finding_lines(review, findings)
    if lines:
        more = len(review.findings) - len(lines)
        text = "\n".join(f"• {em.escape(line)}" for line in lines)
        if more > 0:
            text += f"\n… and {more} more in the full report"
        p.text(text)
    else:
        p.text("The anchors hold across every shot.")
    return p.finish()


def full_report_embeds(review: SequenceReview) -> list[discord.Embed]:
    p = em.EmbedPacker("Sequence: full report", em.COLOUR_INFO)
    for part in report.full_report(review):
        p.text(em.escape(part) + "\n")
    return p.finish()
