"""Team insights on a seeded database (SQLite and Postgres): the JSON equals a hand count, the
chart is drawn, opt-outs leave the numbers, and older reviews get analysed once."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from rich.console import Console
from sqlalchemy import update

from bot.cli import build_parser, main
from bot.config import Settings
from bot.core.engine import Engine
from bot.core.insights import build_report, parse_since, render_png
from bot.core.insights.charts import HEIGHT_PX, WIDTH_PX
from bot.core.insights.summary import summary_lines
from bot.core.storage import Store
from bot.core.storage import tables as t
from bot.core.storage.records import ReviewDetails
from bot.core.validation import InputError

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)  # a Friday; its week starts Monday 2026-11-23


def at(day: str, hour: int = 12) -> float:
    return datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00").timestamp()


def details(missing=(), anti=(), ethics=()) -> ReviewDetails:
    return ReviewDetails(missing=list(missing), anti_patterns=list(anti), ethics=list(ethics))


def review(store: Store, when: str, user: str, channel: str, score: int, model: str | None,
           found: ReviewDetails, team: str = "studio", prompt: str | None = None) -> str:
    rid = store.record_review("slack", team, channel, user, prompt or f"prompt by {user} {when}",
                              score, model, details=found)
    with store.engine.begin() as conn:
        conn.execute(update(t.reviews).where(t.reviews.c.id == rid).values(created_at=at(when)))
    return rid


def version(store: Store, name: str, when: str, author: str, score: int | None,
            model: str | None, found: ReviewDetails | None, channel: str | None = None,
            keeper: bool = False) -> None:
    v = store.save("studio", name, f"{name} text by {author} {when}", author, model=model,
                   score=score, channel=channel, details=found)
    if keeper:
        store.keep("studio", name, v.version, None)
    ids = select_version_id(store, name, v.version)
    with store.engine.begin() as conn:
        conn.execute(update(t.prompt_versions).where(t.prompt_versions.c.id == ids)
                     .values(created_at=at(when)))


def select_version_id(store: Store, name: str, number: int) -> int:
    from sqlalchemy import select

    p, v = t.prompts.c, t.prompt_versions.c
    with store.engine.connect() as conn:
        return conn.execute(select(v.id).join(t.prompts, p.id == v.prompt_id).where(
            p.team == "studio", p.name == name, v.version == number)).scalar_one()


@pytest.fixture
def seeded(store: Store) -> Store:
    """The data the hand computation in the tests below is made from."""
    r1 = review(store, "2026-11-10", "ana", "C1", 40, "kling",
                details(["camera", "lighting"], ["cinematic-only"]))
    r2 = review(store, "2026-11-12", "ivo", "C1", 60, "kling", details(["camera"], ethics=["likeness"]))
    review(store, "2026-11-18", "ana", "C2", 70, "runway",
           details(["lighting", "pacing"], ["cinematic-only", "undirected-motion"]))
    r4 = review(store, "2026-11-24", "mara", "C1", 10, "veo", details(["camera"], ethics=["minors"]))
    r5 = review(store, "2026-11-25", "ivo", "C1", 90, None, details())
    r0 = review(store, "2026-09-01", "ana", "C1", 20, "kling", details(["audio"]))  # before window
    review(store, "2026-11-20", "zed", "C1", 100, "kling", details(["audio"]), team="other")
    version(store, "hero", "2026-11-11", "ana", 30, "veo",
            details(["camera", "color"], ["undirected-motion"]), channel="C1")
    version(store, "hero", "2026-11-19", "ivo", 55, "veo", details(["color"]), keeper=True)
    version(store, "hero", "2026-11-26", "ana", 80, "veo", details())
    version(store, "fox", "2026-11-20", "ivo", 45, None, details(["camera"], ethics=["likeness"]))
    version(store, "fox", "2026-11-21", "ivo", 66, None, details())
    version(store, "fox", "2026-11-22", "ivo", None, None, None)  # critique failed: no score
    store.record_feedback("slack", "studio", "ivo", r1, True)
    store.record_feedback("slack", "studio", "ana", r2, False)
    store.record_feedback("slack", "studio", "ana", r4, True)   # on mara's review
    store.record_feedback("slack", "studio", "mara", r5, True)  # mara's own vote
    store.record_feedback("slack", "studio", "ivo", r0, True)   # outside the window
    store.insights.set_optout("slack", "studio", "mara")
    return store


def report_json(store: Store, **kw) -> dict:
    since = parse_since(kw.pop("since", "30d"), NOW)
    return build_report(store, team="studio", since=since, until=NOW, **kw).model_dump(mode="json")


def test_json_equals_the_hand_count(seeded: Store) -> None:
    got = report_json(seeded)
    assert list(got) == ["reviews", "weekly", "missing", "anti_patterns", "models", "improved",
                         "ethics", "feedback"]
    # In the window, mara (opted out) left out: reviews r1 r2 r3 r5 and versions hero 1-3,
    # fox 1-2 (fox v3 has no score).
    assert got["reviews"] == 9
    assert got["weekly"] == [
        {"week": "2026-10-26", "reviews": 0, "average_score": None},
        {"week": "2026-11-02", "reviews": 0, "average_score": None},
        {"week": "2026-11-09", "reviews": 3, "average_score": round((40 + 60 + 30) / 3, 1)},
        {"week": "2026-11-16", "reviews": 4, "average_score": (70 + 55 + 45 + 66) / 4},
        {"week": "2026-11-23", "reviews": 2, "average_score": (90 + 80) / 2},
    ]
    assert got["missing"] == [{"component": "camera", "count": 4},
                              {"component": "color", "count": 2},
                              {"component": "lighting", "count": 2},
                              {"component": "pacing", "count": 1}]
    assert got["anti_patterns"] == [{"id": "cinematic-only", "count": 2},
                                    {"id": "undirected-motion", "count": 2}]
    assert got["models"] == [{"model": "veo", "count": 3}, {"model": None, "count": 3},
                             {"model": "kling", "count": 2}, {"model": "runway", "count": 1}]
    assert got["improved"] == [
        {"name": "hero", "from_version": 1, "from_score": 30, "to_version": 2, "to_score": 55,
         "gain": 25, "keeper": True},
        {"name": "fox", "from_version": 1, "from_score": 45, "to_version": 2, "to_score": 66,
         "gain": 21, "keeper": False},
    ]
    assert got["ethics"] == [{"category": "likeness", "count": 2}]
    assert got["feedback"] == {"helpful": 1, "not_helpful": 1, "helpful_ratio": 0.5}
    assert "prompt by" not in json.dumps(got) and "text by" not in json.dumps(got)


def test_channel_and_window_filters(seeded: Store) -> None:
    c1 = report_json(seeded, channel="C1")
    assert c1["reviews"] == 6  # r1 r2 r5 and hero v1-v3 (filed under C1)
    assert [p["reviews"] for p in c1["weekly"]][-3:] == [3, 1, 2]  # r1 r2 hero1; hero2; r5 hero3
    assert [i["name"] for i in c1["improved"]] == ["hero"]
    since_date = report_json(seeded, since="2026-11-16")
    assert since_date["reviews"] == 6 and since_date["weekly"][0]["week"] == "2026-11-16"
    everything = build_report(seeded, until=NOW).model_dump(mode="json")
    assert everything["reviews"] == 11  # + r0 and the other team's review
    assert everything["weekly"][0]["week"] == "2026-08-31"


def test_opting_out_removes_a_user_and_opting_in_brings_them_back(seeded: Store) -> None:
    assert seeded.insights.set_optout("slack", "studio", "mara", excluded=False)
    got = report_json(seeded)
    assert got["reviews"] == 10
    assert {"category": "minors", "count": 1} in got["ethics"]
    assert got["feedback"] == {"helpful": 3, "not_helpful": 1, "helpful_ratio": 0.75}
    assert seeded.insights.set_optout("slack", "studio", "ivo")
    got = report_json(seeded)
    # ivo's reviews r2 r5, his versions hero v2, fox v1 v2 and his votes go; hero's keeper was
    # his, so hero's gain is now v1 -> v3.
    assert got["reviews"] == 10 - 5
    assert got["improved"] == [{"name": "hero", "from_version": 1, "from_score": 30,
                                "to_version": 3, "to_score": 80, "gain": 50, "keeper": False}]
    assert got["feedback"] == {"helpful": 1, "not_helpful": 0, "helpful_ratio": 1.0}


@pytest.mark.parametrize("text", ["banana", "0d", "30x", "2026-13-01", "99999w", "2030-01-01"])
def test_bad_windows_are_input_errors(text: str) -> None:
    with pytest.raises(InputError):
        parse_since(text, NOW)


def test_windows() -> None:
    assert parse_since("30d", NOW) == NOW - timedelta(days=30)
    assert parse_since("12w", NOW) == NOW - timedelta(weeks=12)
    assert parse_since("2026-10-01", NOW) == datetime(2026, 10, 1, tzinfo=UTC)
    assert parse_since(None, NOW) is None


def _pixels_near(img: np.ndarray, rgb: str, tol: int = 30) -> int:
    target = np.array([int(rgb[i:i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(img[..., :3].astype(int) - target).max(axis=-1) <= tol).sum())


def test_chart_png_has_its_size_and_three_drawn_panels(seeded: Store, tmp_path: Path) -> None:
    png = render_png(build_report(seeded, team="studio", since=parse_since("30d", NOW), until=NOW))
    path = tmp_path / "insights.png"
    path.write_bytes(png)
    image = Image.open(path)
    assert image.format == "PNG" and image.size == (WIDTH_PX, HEIGHT_PX)
    img = np.asarray(image.convert("RGB"))
    top, bottom = img[: HEIGHT_PX // 2], img[HEIGHT_PX // 2:]
    left, right = bottom[:, : WIDTH_PX // 2], bottom[:, WIDTH_PX // 2:]
    assert _pixels_near(top, "#0072B2", 10) > 300      # the weekly average line and markers
    assert _pixels_near(top, "#B4DDF4", 12) > 2000     # the review-count bars (sky, 45 %)
    assert _pixels_near(left, "#D55E00", 10) > 3000    # missing components
    assert _pixels_near(right, "#009E73", 10) > 3000   # models
    assert _pixels_near(top, "#D55E00", 10) == 0 and _pixels_near(left, "#009E73", 10) == 0
    # Ink (titles, labels) in every panel.
    for region in (top, left, right):
        assert (region.min(axis=-1) < 80).sum() > 500


def test_empty_window_draws_a_clear_empty_state(store: Store) -> None:
    report = build_report(store, team="nobody", since=parse_since("30d", NOW), until=NOW)
    assert report.reviews == 0 and report.missing == []
    img = np.asarray(Image.open(io.BytesIO(render_png(report))).convert("RGB"))
    assert img.shape[:2] == (HEIGHT_PX, WIDTH_PX)
    assert _pixels_near(img, "#D55E00", 10) == 0 and _pixels_near(img, "#0072B2", 10) == 0
    middle = img[HEIGHT_PX // 3: 2 * HEIGHT_PX // 3]
    assert (middle.min(axis=-1) < 80).sum() > 1500  # the "No reviews" message
    assert "Nothing to show yet" in " ".join(summary_lines(report))


# ---- through the Engine: details recorded at review time, older rows analysed once -----------
@pytest.fixture
def engine(store_url: str, tmp_path: Path) -> Engine:
    eng = Engine(Settings(data_dir=tmp_path / "data", database_url=store_url))
    yield eng
    if "store" in eng.__dict__:
        eng.store.close()


PROMPT = "Man walking down street, 4K"


def test_reviews_recorded_by_a_front_keep_what_the_critique_found(engine: Engine) -> None:
    result = engine.critique(PROMPT, "kling", with_retrieval=False)
    engine.store.record_review("discord", "g1", "c1", "u1", result.prompt, result.score,
                               result.model)
    report = engine.insights("g1", since="7d")
    assert report.reviews == 1 and report.unanalysed == 0
    assert {m.component for m in report.missing} == {m.value for m in result.missing}
    assert {a.id for a in report.anti_patterns} == {a.id for a in result.anti_patterns}
    assert report.weekly[-1].average_score == result.score


def test_rows_recorded_before_details_are_analysed_once(engine: Engine, store_url: str) -> None:
    bare = Store(store_url)  # a store without the engine's annotator: like rows from before 0004
    try:
        bare.record_review("slack", "T1", "C1", "U1", PROMPT, 40, None)
        bare.save("T1", "walk", PROMPT, "U1", score=40)
        assert bare.insights.count_pending(_all()) == 2
    finally:
        bare.close()
    seen: list[tuple[int, int]] = []
    report = engine.insights("T1", since="7d", progress=lambda d, n: seen.append((d, n)))
    expected = engine.review_details(PROMPT, None)
    assert seen[-1] == (2, 2) and report.reviews == 2 and report.unanalysed == 0
    assert {m.component: m.count for m in report.missing} == {m: 2 for m in expected.missing}
    assert engine.store.insights.count_pending(_all()) == 0
    seen.clear()
    engine.insights("T1", since="7d", progress=lambda d, n: seen.append((d, n)))
    assert seen == []  # stored: not analysed again


def _all():
    from bot.core.storage.insights import InsightFilter

    return InsightFilter()


# ---- the command line ---------------------------------------------------------------------------
def test_cli_json_and_png(seeded: Store, engine: Engine, tmp_path: Path, capsys) -> None:
    png = tmp_path / "chart.png"
    args = build_parser().parse_args(["insights", "--team", "studio", "--since", "2026-11-16",
                                      "--json", "--png", str(png)])
    console = Console(record=True, file=io.StringIO())
    assert args.func(args, engine, console) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["reviews"] == 6 and got["weekly"][0] == {
        "week": "2026-11-16", "reviews": 4, "average_score": 59.0}
    assert Image.open(png).size == (WIDTH_PX, HEIGHT_PX)
    args = build_parser().parse_args(["insights", "--team", "studio", "--since", "all"])
    assert args.func(args, engine, console) == 0
    text = console.export_text()
    assert "Team insights for studio, all time: 10 reviews." in text  # r0 joins, mara stays out
    assert "Most often missing: camera (4)" in text


def test_cli_bad_input_exits_2_on_stderr(capsys, tmp_path: Path) -> None:
    assert main(["insights", "--since", "banana"]) == 2
    err = capsys.readouterr()
    assert "--since 'banana' is not a window" in err.err and err.out == ""
    assert main(["insights", "--png", str(tmp_path / "missing" / "x.png")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_failing_analyser_never_loses_the_review(store: Store) -> None:
    def broken(prompt: str, model: str | None) -> ReviewDetails:
        raise RuntimeError("analyser down")
    store.annotator = broken
    rid = store.record_review("slack", "T1", "C1", "U1", "A fox", 50, None)
    assert store.get_review(rid).score == 50
    assert store.save("T1", "fox", "A fox", "U1", score=50).version == 1
    report = build_report(store, team="T1", until=datetime.now(UTC))
    assert (report.reviews, report.unanalysed, report.missing) == (2, 2, [])
    # Analysing later (the annotate hook) fails the same way: counted apart, no exception.
    report = build_report(store, team="T1", until=datetime.now(UTC), annotate=broken)
    assert report.unanalysed == 2
