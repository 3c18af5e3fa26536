"""A sequence review as chat text: the compact table and the full report, for every front.

Slack and Discord show the same thing in their own markup: a monospace table (shots as rows,
anchors as columns: ✓ stated, ≠ drift, ○ a gap to fill, · not stated) with the counts, then
a button for the full report (each finding with its words, why and fix, and the rewrite).
The decision of what to show lives here once; fronts only wrap it.
"""

from __future__ import annotations

from bot.core.sequence.anchors import ANCHORS
from bot.core.sequence.compare import fix_note
from bot.core.sequence.results import Finding, SequenceReview

SHORT = {"character": "char", "wardrobe": "ward", "setting": "set", "time_of_day": "time",
         "light_direction": "light", "palette": "pal", "lens": "lens", "style": "style"}
LEGEND = "✓ stated · ≠ drift · ○ gap to fill · · not stated"


def summary(review: SequenceReview) -> str:
    mode = " (image-to-video)" if review.mode == "i2v" else ""
    drift, gaps = len(review.drift), len(review.gaps)
    shots = len(review.shots)
    return (f"{shots} shot{'s' if shots != 1 else ''}{mode} · {drift} drift · {gaps} gap"
            f"{'s' if gaps != 1 else ''}")


def marked_anchors(f: Finding) -> set[str]:
    """The table columns a finding marks: its anchor, and for a character the wardrobe too
    when a garment drifted."""
    return {f.anchor, *(key.split(":", 1)[0] for key in f.replace)}


def cells(review: SequenceReview) -> list[list[str]]:
    """One row of marks per shot, one column per anchor (in ANCHORS order)."""
    drift = {(n, a) for f in review.drift for n in f.paste_into for a in marked_anchors(f)}
    gaps = {(n, f.anchor) for f in review.gaps for n in f.paste_into}
    rows = []
    for i, shot in enumerate(review.shots):
        row = []
        for anchor in ANCHORS:
            if (shot.index, anchor) in drift:
                row.append("≠")
            elif (shot.index, anchor) in gaps:
                row.append("○")
            elif review.anchors[anchor][i]:
                row.append("✓")
            else:
                row.append("·")
        rows.append(row)
    return rows


def compact_table(review: SequenceReview, max_rows: int = 25) -> str:
    """The table as monospace text (for a code block)."""
    head = ["#", "score", *(SHORT[a] for a in ANCHORS)]
    widths = [max(3, len(h)) for h in head]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip()]
    for shot, row in list(zip(review.shots, cells(review), strict=True))[:max_rows]:
        values = [str(shot.index), str(shot.critique.score), *row]
        lines.append("  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip())
    if len(review.shots) > max_rows:
        lines.append(f"... and {len(review.shots) - max_rows} more shots")
    return "\n".join(lines)


def finding_lines(review: SequenceReview, limit: int | None = None) -> list[str]:
    """One plain line per finding: kind, anchor, whose, shots, then the fix."""
    out = []
    for f in review.findings[:limit]:
        who = f" ({f.subject})" if f.subject else ""
        shots = ", ".join(str(n) for n in f.shots)
        out.append(f"{f.kind} · {f.anchor.replace('_', ' ')}{who} · shots {shots}: "
                   f"{fix_note(f)}")
    return out


def full_report(review: SequenceReview) -> list[str]:
    """The full report as paragraphs: each finding with its words, why and fix; then each
    shot's score and, when there is one, its rewrite."""
    parts = [summary(review)]
    for f in review.findings:
        who = f" ({f.subject})" if f.subject else ""
        words = "; ".join(f"shot {w.shot}: “{w.text}”" for w in f.words)
        parts.append(f"{f.kind.upper()} · {f.anchor.replace('_', ' ')}{who} · shots "
                     f"{', '.join(str(n) for n in f.shots)}\n{words}\n{f.why}\nFix: "
                     f"{fix_note(f)}")
    if not review.findings:
        parts.append("The anchors hold across every shot.")
    for s in review.shots:
        line = f"{s.index}. {s.name} · {s.critique.score}/100"
        if s.rewrite:
            line += f"\n{s.rewrite}"
        parts.append(line)
    return parts
