"""Team insights: how a team's prompting is improving, in counts and scores (never prompts),
as JSON, a text summary and a chart; and the weekly digest each channel can subscribe to.

Nothing here imports a front. `charts` imports matplotlib only when a chart is drawn, and
`digest` imports APScheduler only when a scheduler starts.
"""

from bot.core.insights.report import InsightsReport, build_report, parse_since, window_label


def render_png(report: InsightsReport) -> bytes:
    """The report's chart as PNG bytes (matplotlib loads on first call)."""
    from bot.core.insights.charts import render_png as render

    return render(report)


__all__ = ["InsightsReport", "build_report", "parse_since", "render_png", "window_label"]
