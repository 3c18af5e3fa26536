"""The insights chart: one PNG a lead can read in a Slack or Discord preview (about 800 px wide).

Three panels: the weekly average score as a line over the number of reviews as bars, the
components most often missing, and the models used. Colours are the Okabe-Ito palette (safe for
the common colour-vision deficiencies), every panel has a title and axis labels in words, and a
window without reviews gets a clear empty state of the same size.

matplotlib is imported here, lazily, with the Agg backend: nothing else in the bot pays for it.
"""

from __future__ import annotations

import io
import textwrap
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.core.insights.report import InsightsReport

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WIDTH_PX, HEIGHT_PX, DPI = 800, 860, 100
BAR_LIMIT = 6
SUBTITLE_CHARS = 95

# Okabe & Ito (2008), "Color Universal Design".
BLUE, SKY, ORANGE, GREEN, VERMILLION, PURPLE, GREY = (
    "#0072B2", "#56B4E9", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#999999")
INK, MUTED = "#222222", "#555555"


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _style(plt: Any) -> None:
    plt.rcParams.update({
        "font.size": 12, "axes.titlesize": 14, "axes.titleweight": "bold",
        "axes.labelsize": 12, "xtick.labelsize": 11, "ytick.labelsize": 11,
        "axes.spines.top": False, "axes.spines.right": False, "axes.edgecolor": MUTED,
        "axes.titlelocation": "left", "axes.titlepad": 10, "text.color": INK,
        "axes.labelcolor": INK, "xtick.color": MUTED, "ytick.color": MUTED,
    })


def _title(report: InsightsReport) -> str:
    w = report.window
    where = w.team or "all teams"
    if w.channel:
        where += f" · #{w.channel}" if not w.channel.startswith("#") else f" · {w.channel}"
    return f"Team insights: {where} · {w.label}"


def _subtitle(report: InsightsReport) -> str:
    """The numbers under the title, wrapped to the figure's width (about 95 characters)."""
    parts = [f"{report.reviews} review{'s' if report.reviews != 1 else ''}"]
    scored = [p.average_score for p in report.weekly if p.average_score is not None]
    if scored:
        parts.append(f"latest weekly average {scored[-1]:.0f}/100")
    fb = report.feedback
    if fb.helpful + fb.not_helpful:
        parts.append(f"{fb.helpful} of {fb.helpful + fb.not_helpful} votes say helpful")
    lines = [" · ".join(parts)]
    if report.ethics:
        lines.append("Ethics flags: " + " · ".join(f"{e.category} {e.count}"
                                                   for e in report.ethics))
    return "\n".join(textwrap.fill(line, SUBTITLE_CHARS) for line in lines)


def _week_label(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d:%b} {d.day}"


def _trend(ax: Any, report: InsightsReport) -> None:
    weeks = report.weekly
    xs = list(range(len(weeks)))
    counts = [p.reviews for p in weeks]
    bars = ax.twinx()
    bars.bar(xs, counts, color=SKY, alpha=0.45, width=0.7, label="Reviews that week", zorder=1)
    bars.set_ylabel("Reviews per week (bars)", color=MUTED)
    bars.set_ylim(0, max(max(counts, default=0) * 1.25, 4))
    bars.spines["right"].set_visible(True)
    bars.yaxis.get_major_locator().set_params(integer=True)
    ax.set_zorder(bars.get_zorder() + 1)
    ax.patch.set_visible(False)
    pts = [(x, p.average_score) for x, p in zip(xs, weeks, strict=True)
           if p.average_score is not None]
    if pts:
        ax.plot([x for x, _ in pts], [y for _, y in pts], color=BLUE, linewidth=2.6,
                marker="o", markersize=7, label="Average score", zorder=3)
        lx, ly = pts[-1]
        ax.annotate(f"{ly:.0f}", (lx, ly), textcoords="offset points", xytext=(0, 10),
                    ha="center", color=BLUE, fontweight="bold")
    ax.set_ylim(0, 105)
    ax.set_ylabel("Average score, 0-100 (line)", color=BLUE)
    ax.set_xlabel("Week starting")
    step = max(1, (len(weeks) + 9) // 10)
    ax.set_xticks(xs[::step], [_week_label(p.week) for p in weeks][::step])
    ax.set_xlim(-0.6, max(len(weeks) - 0.4, 0.6))
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_title("Average review score per week")


def _bars(ax: Any, labels: list[str], counts: list[int], color: str, title: str,
          xlabel: str, empty: str, total: int) -> None:
    ax.set_title(title)
    if not counts:
        ax.text(0.5, 0.5, empty, ha="center", va="center", color=MUTED, fontsize=12,
                transform=ax.transAxes, wrap=True)
        ax.set_xticks([])
        ax.set_yticks([])
        return
    labels, counts = labels[:BAR_LIMIT][::-1], counts[:BAR_LIMIT][::-1]
    ys = range(len(counts))
    ax.barh(ys, counts, color=color, height=0.65)
    ax.set_yticks(list(ys), labels)
    top = max(counts)
    ax.set_xlim(0, top * 1.45)
    for y, n in zip(ys, counts, strict=True):
        ax.text(n + top * 0.03, y, f"{n} ({round(100 * n / total)}%)" if total else str(n),
                va="center", color=INK, fontsize=11)
    ax.set_xlabel(xlabel)
    ax.xaxis.get_major_locator().set_params(integer=True)


def _figure(plt: Any) -> Figure:
    figure: Figure = plt.figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI,
                                layout="constrained", facecolor="white")
    return figure


def _empty(fig: Figure, report: InsightsReport) -> None:
    fig.suptitle(_title(report), x=0.03, ha="left", fontsize=15, fontweight="bold")
    ax = fig.add_subplot(1, 1, 1)
    ax.set_axis_off()
    ax.text(0.5, 0.58, "No reviews in this window yet", ha="center", va="center",
            fontsize=22, fontweight="bold", color=INK, transform=ax.transAxes)
    ax.text(0.5, 0.46, "Critique a prompt in Slack, Discord or the terminal, or save a version\n"
            "with `framecraft prompt save`: the chart fills in from there.",
            ha="center", va="center", fontsize=13, color=MUTED, transform=ax.transAxes,
            linespacing=1.5)


def _panels(fig: Figure, report: InsightsReport) -> None:
    fig.suptitle(_title(report) + "\n" + _subtitle(report), x=0.03, ha="left", fontsize=13,
                 linespacing=1.6)
    grid = fig.add_gridspec(2, 2, height_ratios=[1.15, 1])
    _trend(fig.add_subplot(grid[0, :]), report)
    _bars(fig.add_subplot(grid[1, 0]), [m.component for m in report.missing],
          [m.count for m in report.missing], VERMILLION, "Most often missing",
          "Reviews missing it", "Nothing missing:\nevery review had all the components",
          report.reviews - report.unanalysed)
    _bars(fig.add_subplot(grid[1, 1]), [m.model or "no model chosen" for m in report.models],
          [m.count for m in report.models], GREEN, "Models used", "Reviews", "No reviews",
          report.reviews)


def render_png(report: InsightsReport) -> bytes:
    """The chart as PNG bytes, exactly WIDTH_PX x HEIGHT_PX."""
    plt = _pyplot()
    with plt.rc_context():
        _style(plt)
        fig = _figure(plt)
        try:
            if report.reviews == 0:
                _empty(fig, report)
            else:
                _panels(fig, report)
            out = io.BytesIO()
            fig.savefig(out, format="png", dpi=DPI, facecolor="white")
        finally:
            plt.close(fig)
    return out.getvalue()
