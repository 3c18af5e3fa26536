"""A few plain sentences about an insights report: the text beside the chart in every front
(each front adds its own markup), so they all say the same thing."""

from __future__ import annotations

from bot.core.insights.report import InsightsReport


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def trend_sentence(report: InsightsReport) -> str | None:
    """First and latest scored week, e.g. "Average score 41 -> 66 (Sep 28 -> Nov 23)"."""
    scored = [p for p in report.weekly if p.average_score is not None]
    if not scored:
        return None
    first, last = scored[0], scored[-1]
    if first is last:
        return f"Average score {last.average_score:.0f}/100 (week of {last.week})."
    delta = last.average_score - first.average_score  # type: ignore[operator]
    trend = "up" if delta > 0 else "down" if delta < 0 else "flat"
    return (f"Average score {first.average_score:.0f} -> {last.average_score:.0f}/100 "
            f"({trend}, weeks of {first.week} to {last.week}).")


def summary_lines(report: InsightsReport, top: int = 3) -> list[str]:
    """The report in a handful of lines: counts, scores and names, never a prompt."""
    w = report.window
    where = w.team or "all teams"
    if w.channel:
        where += f", channel {w.channel}"
    lines = [f"Team insights for {where}, {w.label}: {_plural(report.reviews, 'review')}."]
    if report.reviews == 0:
        lines.append("Nothing to show yet: critique a prompt or save a version "
                     "(framecraft prompt save) and it will count.")
        return lines
    trend = trend_sentence(report)
    if trend:
        lines.append(trend)
    if report.missing:
        lines.append("Most often missing: " + ", ".join(
            f"{m.component} ({m.count})" for m in report.missing[:top]) + ".")
    if report.anti_patterns:
        lines.append("Anti-patterns most often hit: " + ", ".join(
            f"{a.id} ({a.count})" for a in report.anti_patterns[:top]) + ".")
    if report.models:
        lines.append("Models: " + ", ".join(
            f"{m.model or 'none chosen'} ({m.count})" for m in report.models[:top]) + ".")
    if report.improved:
        best = report.improved[0]
        lines.append(f"Most improved: {best.name} v{best.from_version} {best.from_score} -> "
                     f"v{best.to_version} {best.to_score} (+{best.gain}).")
    if report.ethics:
        lines.append("Ethics flags: " + ", ".join(
            f"{e.category} ({e.count})" for e in report.ethics) + ".")
    fb = report.feedback
    if fb.helpful + fb.not_helpful:
        lines.append(f"Feedback: {fb.helpful} helpful, {fb.not_helpful} not helpful.")
    if report.unanalysed:
        lines.append(f"{_plural(report.unanalysed, 'review')} could not be analysed for "
                     "components (scores still count).")
    return lines
