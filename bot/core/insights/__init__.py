"""Team insights: how a team's prompting is improving, in counts and scores (never prompts),
as JSON, a text summary and a chart; and the weekly digest each channel can subscribe to.

Nothing here imports a front. `charts` imports matplotlib only when a chart is drawn, and
`digest` imports APScheduler only when a scheduler starts.
"""

from bot.core.insights.digest import (
    Digest,
    DigestScheduler,
    run_due_digests,
    set_optout,
    subscribe,
    unsubscribe,
)
from bot.core.insights.report import InsightsReport, build_report, parse_since, window_label
from bot.core.insights.summary import summary_lines


def render_png(report: InsightsReport) -> bytes:
    """The report's chart as PNG bytes (matplotlib loads on first call)."""
    from bot.core.insights.charts import render_png as render

    return render(report)


__all__ = ["Digest", "DigestScheduler", "InsightsReport", "build_report", "parse_since",
           "render_png", "run_due_digests", "set_optout", "subscribe", "summary_lines",
           "unsubscribe", "window_label"]
