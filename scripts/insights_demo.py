"""Seed a demo database with eight weeks of a made-up team's reviews and render its insights
chart (the picture in docs/insights-example.png).

    PYTHONPATH=. .venv/bin/python scripts/insights_demo.py docs/insights-example.png

Every review is a real offline critique of the prompt shown below; only the dates are set back.
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from bot.config import Settings
from bot.core.engine import Engine
from bot.core.insights import build_report, render_png
from bot.core.insights.summary import summary_lines
from bot.core.storage import tables as t

TEAM, CHANNEL = "studio", "video-review"
# From bare ideas in the first weeks to prompts with camera, light and pacing later on.
EARLY = [
    "A cat jumps on the table",
    "Man walking down street, 4K",
    "A dragon flying over a castle, epic, cinematic",
    "Woman dancing in the rain",
    "A car driving fast at night",
    "A robot in a futuristic city, hyperrealistic",
    "A video of Taylor Swift endorsing our energy drink",
]
MIDDLE = [
    "A red fox trots through a snowy pine forest, slow dolly-in, golden hour backlight",
    "A man walks down a rainy neon street at night, handheld tracking shot",
    "A dragon glides over a stone castle at dawn, wide aerial shot, mist",
    "A dancer spins in the rain on a rooftop, low angle, slow motion",
]
LATE = [
    "Medium close-up of a red fox trotting through deep snow in a pine forest, slow dolly-in, "
    "35mm lens, golden hour backlight, soft breath vapour, calm pacing, muted teal and amber "
    "palette, crunching snow and distant wind",
    "Wide shot of a woman in a yellow raincoat dancing on a wet rooftop at dusk, slow orbit, "
    "24mm lens, neon reflections, rain streaks in backlight, joyful energetic pacing, "
    "synth music",
    "Aerial tracking shot of a green dragon gliding over a stone castle at dawn, 50mm lens, "
    "volumetric mist, warm rim light, slow majestic pacing, wingbeats and wind",
]


def seed(engine: Engine, now: datetime, rng: random.Random) -> None:
    store = engine.store
    users = ["ana", "ivo", "mara", "kofi", "lea"]
    models = ["kling", "runway", "veo", None]
    for week in range(8, 0, -1):
        pool = EARLY if week > 5 else (EARLY[:2] + MIDDLE if week > 2 else MIDDLE + LATE)
        for _ in range(rng.randint(5, 14)):
            prompt = rng.choice(pool)
            model = rng.choice(models)
            result = engine.critique(prompt, model, with_retrieval=False, with_llm=False)
            rid = store.record_review("slack", TEAM, CHANNEL, rng.choice(users), result.prompt,
                                      result.score, result.model)
            when = now - timedelta(weeks=week - 1, days=rng.uniform(0, 6.5))
            with store.engine.begin() as conn:
                conn.execute(update(t.reviews).where(t.reviews.c.id == rid)
                             .values(created_at=when.timestamp()))
            if rng.random() < 0.4:
                store.record_feedback("slack", TEAM, rng.choice(users), rid,
                                      rng.random() < 0.8)


def save_versions(engine: Engine, now: datetime) -> None:
    """A prompt reworked over three weeks, the last version kept: "improved most"."""
    store = engine.store
    drafts = [EARLY[0], "A cat jumps on the table, slow motion, low angle",
              "Medium close-up of a tabby cat leaping onto a wooden kitchen table, slow dolly-in, "
              "50mm lens, warm window light, calm pacing, soft thud"]
    for weeks_ago, text in zip((3, 2, 1), drafts, strict=True):
        score = engine.critique(text, "kling", with_retrieval=False, with_llm=False).score
        v = store.save(TEAM, "cat-table", text, "mara", model="kling", score=score,
                       channel=CHANNEL)
        row_id = v_id(store, v.version)
        with store.engine.begin() as conn:
            conn.execute(update(t.prompt_versions).where(t.prompt_versions.c.id == row_id)
                         .values(created_at=(now - timedelta(weeks=weeks_ago)).timestamp()))
    store.keep(TEAM, "cat-table", len(drafts), "https://example.com/cat-take-3.mp4")


def v_id(store, number: int) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    p, v = t.prompts.c, t.prompt_versions.c
    with store.engine.connect() as conn:
        return conn.execute(select(v.id).join(t.prompts, p.id == v.prompt_id).where(
            p.team == TEAM, p.name == "cat-table", v.version == number)).scalar_one()


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "insights-example.png")
    now = datetime(2026, 11, 27, 15, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine(Settings(data_dir=Path(tmp), database_url=f"sqlite:///{tmp}/demo.db"))
        seed(engine, now, random.Random(7))
        save_versions(engine, now)
        report = build_report(engine.store, team=TEAM, since=now - timedelta(weeks=8),
                              until=now, label="last 8 weeks")
        out.write_bytes(render_png(report))
        engine.store.close()
    print(f"wrote {out} ({report.reviews} reviews)")
    for line in summary_lines(report):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
