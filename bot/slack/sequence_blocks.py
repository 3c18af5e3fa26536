"""Block Kit for sequence reviews: the compact table with the "Full report" button, and the
full report (bot.core.sequence.report decides what they say)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from bot.core.command_table import Outcome
from bot.core.sequence import report
from bot.slack import blocks as bk

if TYPE_CHECKING:
    from bot.core.sequence import SequenceReview

ACTION_FULL_REPORT = "fc_sequence_full"


def compact_blocks(review: SequenceReview, findings: int = 4) -> list[bk.Block]:
    blocks: list[bk.Block] = [bk.header(f"Sequence: {report.summary(review)}")]
    blocks += bk.code_sections(report.compact_table(review))
    blocks += bk.context(report.LEGEND)
    lines = report.finding_lines(review, findings)
    if lines:
        more = len(review.findings) - len(lines)
        text = "\n".join(f"• {line}" for line in lines)
        if more > 0:
            text += f"\n… and {more} more in the full report"
        blocks += bk.sections(text)
    else:
        blocks += bk.sections("The anchors hold across every shot.")
    return blocks


def sequence_messages(o: Outcome, share: bool, share_value: str | None) -> list[bk.Message]:
    """The formatter of `sequence` (bot.slack.formatters): the compact table, the first
    findings, and the "Full report" button when the list could be kept."""
    review = cast("SequenceReview", o.result)
    blocks = compact_blocks(review)
    tail: list[bk.Block] = []
    buttons = []
    if review.report_key:
        buttons.append(bk.button("Full report", ACTION_FULL_REPORT, review.report_key,
                                 style="primary"))
    if share and share_value and len(share_value) <= bk.BUTTON_VALUE_LIMIT:
        buttons.append(bk.button("Share to channel", bk.ACTION_SHARE, share_value))
    if buttons:
        tail.append({"type": "actions", "elements": buttons})
    return bk.paginate(blocks, report.summary(review), tail)


def full_report_messages(review: SequenceReview) -> list[bk.Message]:
    blocks: list[bk.Block] = [bk.header("Sequence: full report")]
    for part in report.full_report(review):
        blocks += bk.sections(part)
    return bk.paginate(blocks, report.summary(review))
