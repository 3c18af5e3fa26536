"""Typed records the store returns; fronts format them, `prompt export` serialises them."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field


def to_datetime(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


class ReviewRecord(BaseModel):
    """A critique a front posted, so feedback buttons and `recent` can refer back to it."""

    id: str
    platform: str
    scope: str
    channel: str
    user: str
    prompt: str
    score: int
    model: str | None = None
    created_at: datetime


class PostLink(BaseModel):
    """The bot's reply to a message it reviewed unasked: `reply_ref` is the front's own
    locator (e.g. a JSON of channel and ts), opaque to the store."""

    platform: str
    channel: str
    message_id: str
    reply_ref: str
    review_id: str | None = None
    updated_at: datetime


class Version(BaseModel):
    """One saved version of a team's named prompt."""

    team: str
    name: str
    version: int
    prompt: str
    author: str
    model: str | None = None
    note: str | None = None
    score: int | None = None
    channel: str | None = None
    created_at: datetime
    keeper: bool = False
    keeper_note: str | None = None


class PromptInfo(BaseModel):
    """A line of `prompt list`."""

    name: str
    channel: str | None = None
    latest: int
    updated_at: datetime
    latest_score: int | None = None
    keepers: list[int] = Field(default_factory=list)


class WordChange(BaseModel):
    op: Literal["equal", "insert", "delete", "replace"]
    before: str = ""
    after: str = ""


class ComponentChange(BaseModel):
    component: str
    change: Literal["added", "removed", "changed"]
    before: str | None = None
    after: str | None = None

    def describe(self) -> str:
        if self.change == "added":
            return f"{self.component} added ({self.after!r})"
        if self.change == "removed":
            return f"{self.component} removed (was {self.before!r})"
        return f"{self.component} changed from {self.before!r} to {self.after!r}"


class PromptDiff(BaseModel):
    name: str
    a: Version
    b: Version
    words: list[WordChange]
    word_diff: str
    """The b text with `[-removed-]` and `{+added+}` marks, like `git diff --word-diff`."""
    components: list[ComponentChange] = Field(default_factory=list)
    summary: str
    """One line, e.g. "camera changed from 'static' to 'slow dolly-in'; lighting added (...)"."""
    components_checked: bool = True
    """False when the analyser could not run; `components` is then empty, not "no change"."""


class ImportReport(BaseModel):
    names: int = 0
    versions_added: int = 0
    versions_skipped: int = 0
    """Versions already in the library (same text, author and time): importing twice is safe."""


class ReviewDetails(BaseModel):
    """What one critique found, kept beside its score so team insights can count it: names
    only (component names, anti-pattern ids, ethics categories), never the prompt's words."""

    missing: list[str] = Field(default_factory=list)
    anti_patterns: list[str] = Field(default_factory=list)
    ethics: list[str] = Field(default_factory=list)


def details_columns(details: ReviewDetails | None) -> dict[str, str | None]:
    """`ReviewDetails` as the three JSON text columns of fc_reviews / fc_prompt_versions."""
    if details is None:
        return {"missing": None, "anti_patterns": None, "ethics": None}
    return {"missing": json.dumps(sorted(set(details.missing))),
            "anti_patterns": json.dumps(sorted(set(details.anti_patterns))),
            "ethics": json.dumps(sorted(set(details.ethics)))}


def now_seconds() -> float:
    """The time a row is written, in epoch seconds with microsecond precision, so timestamps
    survive a trip through ISO-8601 (export/import)."""
    return round(time.time(), 6)
