"""The house rules a team writes: the `[rules]` table of `framecraft.toml` as typed data.

The TOML form is a public contract (issue 18): `require`, `ban`, `prefer`, `model`, `negative`,
`max_words`, `min_score`, `ethics`. Unknown keys are refused, so a typo is an error that names
the key instead of a rule that silently does nothing.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.core import cached_re as re
from bot.core.critique.components import Component

Severity = Literal["error", "warning", "note"]
SEVERITY_RANK: dict[str, int] = {"note": 1, "warning": 2, "error": 3}
EthicsLevel = Literal["note", "caution", "stop"]

RULE_KEYS: tuple[str, ...] = ("require", "ban", "prefer", "model", "negative", "max_words",
                              "min_score", "ethics")
"""The top-level keys of the rules table, in the order they are shown."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Case-insensitive whole-word match of a phrase; spaces match any run of white space.

    (?<!\\w) / (?!\\w) instead of \\b so phrases may start or end with punctuation ("4K!")."""
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


class Requirement(_Strict):
    """A component every prompt must state (`"camera"` or `{component, severity}`)."""

    component: Component
    severity: Literal["error", "warning"] = "error"


class Ban(_Strict):
    """A word (or a regular expression, `pattern`) the team never uses, with why and, when a
    plain replacement is safe, what to put instead (`replace = ""` deletes it)."""

    word: str | None = Field(default=None, min_length=1, max_length=200)
    pattern: str | None = Field(default=None, min_length=1, max_length=500)
    reason: str = Field(default="", max_length=500)
    replace: str | None = Field(default=None, max_length=200)
    severity: Severity = "error"

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as e:
                raise ValueError(f"not a valid regular expression: {e}") from None
        return v

    @model_validator(mode="after")
    def _one_of(self) -> Ban:
        if (self.word is None) == (self.pattern is None):
            raise ValueError("give exactly one of 'word' or 'pattern'")
        if self.word is not None and not self.word.strip():
            raise ValueError("'word' is blank")
        return self

    @property
    def label(self) -> str:
        """How the ban is named in a finding: the word, or the pattern."""
        return self.word if self.word is not None else self.pattern or ""

    @cached_property
    def regex(self) -> re.Pattern[str]:
        if self.word is not None:
            return phrase_pattern(self.word)
        return re.compile(self.pattern or "", re.IGNORECASE)


class Prefer(_Strict):
    """The team's term (`use`) for phrases it does not say (`instead_of`)."""

    use: str = Field(min_length=1, max_length=200)
    instead_of: tuple[str, ...] = Field(min_length=1)
    severity: Severity = "warning"

    @field_validator("instead_of", mode="before")
    @classmethod
    def _one_or_many(cls, v: object) -> object:
        return (v,) if isinstance(v, str) else v

    @field_validator("instead_of")
    @classmethod
    def _not_blank(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if any(not s.strip() for s in v):
            raise ValueError("a phrase in 'instead_of' is blank")
        return v

    @cached_property
    def regexes(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((phrase, phrase_pattern(phrase)) for phrase in self.instead_of)


class HouseRules(_Strict):
    """One layer of rules as written (a file, a workspace's or a channel's). Every key is
    optional: a layer that leaves a key out inherits it from the layer below."""

    require: tuple[Requirement, ...] | None = None
    ban: tuple[Ban, ...] | None = None
    prefer: tuple[Prefer, ...] | None = None
    model: str | None = Field(default=None, min_length=1, max_length=64)
    negative: str | None = Field(default=None, max_length=2000)
    max_words: int | None = Field(default=None, ge=1, le=2000)
    min_score: int | None = Field(default=None, ge=0, le=100)
    ethics: EthicsLevel | None = None

    @field_validator("require", mode="before")
    @classmethod
    def _bare_component(cls, v: object) -> object:
        if isinstance(v, list | tuple):
            return [{"component": x} if isinstance(x, str) else x for x in v]
        return v

    def keys_set(self) -> list[str]:
        """The keys this layer writes (in contract order)."""
        return [k for k in RULE_KEYS if getattr(self, k) is not None]

    def is_empty(self) -> bool:
        return not self.keys_set()
