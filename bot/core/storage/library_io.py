"""The exchange format of `prompt export` / `prompt import`: a team's library as JSON or YAML."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError

from bot.core.validation import InputError, decode_text

FORMATS = ("json", "yaml")
MAX_IMPORT_BYTES = 20_000_000


class ExportedVersion(BaseModel):
    version: int = Field(ge=1)
    prompt: str
    author: str
    model: str | None = None
    note: str | None = None
    score: int | None = Field(default=None, ge=0, le=100)
    created_at: datetime
    keeper: bool = False
    keeper_note: str | None = None


class ExportedPrompt(BaseModel):
    name: str
    channel: str | None = None
    versions: list[ExportedVersion]


class Library(BaseModel):
    format: Literal["framecraft-prompts"] = "framecraft-prompts"
    format_version: Literal[1] = 1
    team: str
    exported_at: datetime
    prompts: list[ExportedPrompt]


def check_format(fmt: str) -> str:
    f = (fmt or "").lower().strip().lstrip(".")
    f = "yaml" if f == "yml" else f
    if f not in FORMATS:
        raise InputError(f"Unknown format {fmt!r}: use json or yaml.")
    return f


def dump(library: Library, fmt: str) -> str:
    data = library.model_dump(mode="json")
    if check_format(fmt) == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def load(data: str | bytes | dict[str, Any], fmt: str) -> Library:
    """Parse and validate an export; any problem is one InputError line saying where."""
    if isinstance(data, bytes):
        if len(data) > MAX_IMPORT_BYTES:
            raise InputError("The file is too large to be a prompt library.")
        data = decode_text(data)  # names the first bad byte and its offset, like every input
    if isinstance(data, str):
        if len(data) > MAX_IMPORT_BYTES:
            raise InputError("The file is too large to be a prompt library.")
        try:
            data = (json.loads(data) if check_format(fmt) == "json"
                    else yaml.safe_load(data))
        except (json.JSONDecodeError, yaml.YAMLError) as e:
            raise InputError(f"The file is not valid {fmt}: {str(e).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise InputError("The file is not a Framecraft prompt library (expected a mapping with "
                         "'format: framecraft-prompts').")
    try:
        return Library.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise InputError(f"The prompt library is invalid at {where}: {err['msg']}.") from None
