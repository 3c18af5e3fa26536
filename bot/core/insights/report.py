"""Team insights: how a team's prompting is going, in counts and scores.

Every review a front recorded and every scored prompt version counts as one critique. The report
names components, anti-pattern ids, models, ethics categories and saved prompt names, never a
prompt's words; opted-out users are left out of every number.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field

from bot.core import cached_re as re
from bot.core.storage import Store
from bot.core.storage.insights import InsightFilter, InsightItem, PromptScores
from bot.core.storage.records import ReviewDetails
from bot.core.validation import InputError

Annotator = Callable[[str, str | None], ReviewDetails]
Progress = Callable[[int, int], None]
"""(done, total) while older rows are analysed."""

MAX_WINDOW_DAYS = 3660
IMPROVED_LIMIT = 5
_RELATIVE = re.compile(r"^\s*(\d{1,5})\s*([dw])\s*$", re.IGNORECASE)


# ---- the JSON contract ----------------------------------------------------------------------
class WeekPoint(BaseModel):
    week: str
    """The Monday the week starts on (ISO date, in the report's time zone)."""
    reviews: int
    average_score: float | None
    """Mean score of that week's critiques, one decimal; null for a week without any."""


class ComponentCount(BaseModel):
    component: str
    count: int


class AntiPatternCount(BaseModel):
    id: str
    count: int


class ModelCount(BaseModel):
    model: str | None
    """The model profile id the critique targeted; null when none was chosen."""
    count: int


class Improvement(BaseModel):
    name: str
    from_version: int
    from_score: int
    to_version: int
    to_score: int
    gain: int
    keeper: bool
    """True when `to_version` is the newest keeper; else it is the newest version."""


class EthicsCount(BaseModel):
    category: str
    count: int


class FeedbackCounts(BaseModel):
    helpful: int = 0
    not_helpful: int = 0
    helpful_ratio: float | None = None
    """helpful / (helpful + not helpful), two decimals; null without votes."""


class Window(BaseModel):
    """What the report covers; shown in titles, not part of the JSON."""

    team: str | None = None
    channel: str | None = None
    since: datetime | None = None
    until: datetime
    tz: str = "UTC"
    label: str = "all time"


class InsightsReport(BaseModel):
    reviews: int
    weekly: list[WeekPoint]
    missing: list[ComponentCount]
    anti_patterns: list[AntiPatternCount]
    models: list[ModelCount]
    improved: list[Improvement]
    ethics: list[EthicsCount]
    feedback: FeedbackCounts
    window: Window = Field(exclude=True)
    average_score: float | None = Field(default=None, exclude=True)
    """Mean score over the whole window, one decimal (null without reviews)."""
    unanalysed: int = Field(default=0, exclude=True)
    """Critiques counted in `reviews` whose components could not be analysed."""


# ---- input ----------------------------------------------------------------------------------
def zone(tz: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(tz or "UTC")
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise InputError(f"Unknown time zone {tz!r}; use a name like Europe/Berlin or UTC.") from e


def parse_since(text: str | None, now: datetime, tz: str = "UTC") -> datetime | None:
    """`30d`, `12w` or an ISO date (`2026-10-01`, midnight in `tz`) -> an aware datetime."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    m = _RELATIVE.match(text)
    if m:
        n, unit = int(m.group(1)), m.group(2).lower()
        days = n * (7 if unit == "w" else 1)
        if n == 0 or days > MAX_WINDOW_DAYS:
            raise InputError(f"--since {text!r}: give 1 to {MAX_WINDOW_DAYS} days (e.g. 30d, 12w).")
        return now - timedelta(days=days)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--since {text!r} is not a window: use 30d, 12w or a date like "
                         "2026-10-01.") from None
    since = datetime(day.year, day.month, day.day, tzinfo=zone(tz))
    if since > now:
        raise InputError(f"--since {text} is in the future.")
    if now - since > timedelta(days=MAX_WINDOW_DAYS):
        raise InputError(f"--since {text} is more than ten years ago.")
    return since


def window_label(text: str | None) -> str:
    if not text or not str(text).strip():
        return "all time"
    m = _RELATIVE.match(str(text))
    if m:
        n, unit = int(m.group(1)), m.group(2).lower()
        word = "week" if unit == "w" else "day"
        return f"last {n} {word}{'s' if n != 1 else ''}"
    return f"since {str(text).strip()}"


# ---- analysing rows recorded before details were kept ---------------------------------------
def fill_details(store: Store, f: InsightFilter, annotate: Annotator,
                 progress: Progress | None = None, batch: int = 200) -> int:
    """Analyse (once, then stored) the rows in the filter that have no details yet; returns
    how many were analysed. A prompt the analyser cannot read is left NULL and counted apart."""
    data = store.insights
    total = data.count_pending(f)
    done, failed = 0, set[tuple[str, str]]()
    while total:
        rows = [r for r in data.pending(f, limit=batch + len(failed))
                if (r.kind, r.key) not in failed]
        if not rows:
            break
        found = []
        for row in rows:
            try:
                found.append((row.kind, row.key, annotate(row.prompt, row.model)))
            except Exception:  # noqa: BLE001 - one odd row must not hide the team's numbers
                failed.add((row.kind, row.key))
        if found:
            data.set_details(found)
        done += len(found)
        if progress is not None:
            progress(min(done + len(failed), total), total)
    return done


# ---- aggregation ----------------------------------------------------------------------------
def week_start(ts: datetime, tz: ZoneInfo) -> date:
    local = ts.astimezone(tz).date()
    return local - timedelta(days=local.weekday())


def _is_excluded(item: InsightItem, excluded: set[tuple[str, str, str]]) -> bool:
    if item.kind == "review":
        return (item.platform or "", item.team, item.user) in excluded
    # Saved versions carry no platform: the author's opt-out in that team applies.
    return any(scope == item.team and user == item.user for _, scope, user in excluded)


def weekly_points(items: Iterable[InsightItem], start: datetime | None, end: datetime,
                  tz: ZoneInfo) -> list[WeekPoint]:
    """One point per week from the window's first week to its last, empty weeks included."""
    scores: dict[date, list[int]] = defaultdict(list)
    for item in items:
        scores[week_start(datetime.fromtimestamp(item.created_at, UTC), tz)].append(item.score)
    if start is None:
        if not scores:
            return []
        first = min(scores)
    else:
        first = week_start(start, tz)
    last = week_start(end - timedelta(microseconds=1), tz)
    points, week = [], first
    while week <= last:
        got = scores.get(week, [])
        points.append(WeekPoint(week=week.isoformat(), reviews=len(got),
                                average_score=round(sum(got) / len(got), 1) if got else None))
        week += timedelta(days=7)
    return points


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def improvements(prompts: list[PromptScores], excluded: set[tuple[str, str, str]],
                 limit: int = IMPROVED_LIMIT) -> list[Improvement]:
    """v1's score -> the newest keeper's (else the newest version's), for prompts with a version
    saved in the window; the biggest gains first, only real gains."""
    out = []
    for p in prompts:
        if not p.touched:
            continue
        versions = [(n, s, k) for n, s, k, author in p.versions
                    if s is not None
                    and not any(sc == p.team and u == author for _, sc, u in excluded)]
        first = next((v for v in versions if v[0] == 1), None)
        if first is None or len(versions) < 2:
            continue
        keepers = [v for v in versions if v[2] and v[0] != 1]
        to = keepers[-1] if keepers else versions[-1]
        gain = int(to[1]) - int(first[1])
        if gain > 0:
            out.append(Improvement(name=p.name, from_version=1, from_score=int(first[1]),
                                   to_version=to[0], to_score=int(to[1]), gain=gain,
                                   keeper=bool(keepers)))
    out.sort(key=lambda i: (-i.gain, i.name.casefold()))
    return out[:limit]


def aggregate(items: list[InsightItem], prompts: list[PromptScores], feedback: tuple[int, int],
              window: Window, excluded: set[tuple[str, str, str]]) -> InsightsReport:
    """The report from rows already filtered by team, channel, window and opt-outs."""
    tz = zone(window.tz)
    missing: Counter[str] = Counter()
    anti: Counter[str] = Counter()
    ethics: Counter[str] = Counter()
    models: Counter[str | None] = Counter()
    unanalysed = 0
    for item in items:
        models[item.model] += 1
        if item.missing is None:
            unanalysed += 1
            continue
        missing.update(set(item.missing))
        anti.update(set(item.anti_patterns or []))
        ethics.update(set(item.ethics or []))
    helpful, not_helpful = feedback
    votes = helpful + not_helpful
    return InsightsReport(
        reviews=len(items),
        weekly=weekly_points(items, window.since, window.until, tz),
        missing=[ComponentCount(component=k, count=n) for k, n in _ranked(missing)],
        anti_patterns=[AntiPatternCount(id=k, count=n) for k, n in _ranked(anti)],
        models=[ModelCount(model=k, count=n) for k, n in
                sorted(models.items(), key=lambda kv: (-kv[1], kv[0] or "~"))],
        improved=improvements(prompts, excluded),
        ethics=[EthicsCount(category=k, count=n) for k, n in _ranked(ethics)],
        feedback=FeedbackCounts(helpful=helpful, not_helpful=not_helpful,
                                helpful_ratio=round(helpful / votes, 2) if votes else None),
        window=window, unanalysed=unanalysed,
        average_score=round(sum(i.score for i in items) / len(items), 1) if items else None)


def build_report(store: Store, *, team: str | None = None, channel: str | None = None,
                 since: datetime | None = None, until: datetime | None = None,
                 platform: str | None = None, tz: str = "UTC", label: str | None = None,
                 annotate: Annotator | None = None,
                 progress: Progress | None = None) -> InsightsReport:
    """Insights for a team and/or channel over [since, until) (until defaults to now).

    With `annotate`, rows recorded before details were kept are analysed first (and stored),
    so older reviews count in `missing`, `anti_patterns` and `ethics` too."""
    zone(tz)
    until = until or datetime.now(UTC)
    f = InsightFilter(team=team, channel=channel, platform=platform,
                      since=since.timestamp() if since else None, until=until.timestamp())
    if annotate is not None:
        fill_details(store, f, annotate, progress)
    data = store.insights
    excluded = data.optouts(team)
    items = [i for i in data.items(f) if not _is_excluded(i, excluded)]
    prompts = data.prompt_scores(f)
    window = Window(team=team, channel=channel, since=since, until=until, tz=tz,
                    label=label or ("all time" if since is None else "custom window"))
    return aggregate(items, prompts, data.feedback(f, excluded), window, excluded)
