"""Logging for the whole `bot` tree: one level and one format from the settings.

Every module logs under `logging.getLogger(__name__)`, so `FRAMECRAFT_LOG_LEVEL` reaches the
core as well as the fronts. `FRAMECRAFT_LOG_FORMAT=json` writes one JSON object a line (for
servers whose log collector parses them). Secrets never reach a line: the settings' secret
values are masked by a filter on the handler, whatever a message or traceback holds.

`log_failure` is the error boundaries' one way to log what a user cannot fix: the exception's
type, a request id the user's reply does not show but an operator can grep, and the stack
without the exception's text (which can carry a member's prompt).
"""

from __future__ import annotations

import json
import logging
import secrets
import sys
import traceback
from collections.abc import Iterable
from typing import TextIO

from bot.config import Settings

ROOT = "bot"
FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "[secret]"


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, and the stack when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("request_id", "error_type"):
            if hasattr(record, key):
                line[key] = getattr(record, key)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = record.stack_info
        return json.dumps(line, ensure_ascii=False)


class _BotHandler(logging.StreamHandler):
    """The handler configure_logging adds (so a second call can find and replace it)."""


class SecretMask(logging.Filter):
    """Replaces each secret value in a record's final text; a logged Settings already shows
    `**********`, this also covers a token pasted into a URL or an exception."""

    def __init__(self, values: Iterable[str]):
        super().__init__()
        self.values = sorted({v for v in values if v and len(v) >= 6}, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.values:
            return True
        message = record.getMessage()
        masked = self._mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None:
            text = "".join(traceback.format_exception(*record.exc_info))
            if self._mask(text) != text:
                record.exc_text = self._mask(text)
                record.exc_info = None
        return True

    def _mask(self, text: str) -> str:
        for value in self.values:
            text = text.replace(value, MASK)
        return text


def secret_values(settings: Settings) -> list[str]:
    values: list[str] = []
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if hasattr(value, "get_secret_value"):
            values.append(str(value.get_secret_value()))
    return values


def configure_logging(settings: Settings, stream: TextIO | None = None) -> logging.Handler:
    """Send the `bot` tree's records to `stream` (stderr) at the configured level and format.
    Idempotent: a second call replaces the handler it added."""
    fmt = (settings.log_format or "text").lower()
    if fmt not in FORMATS:
        raise ValueError(f"FRAMECRAFT_LOG_FORMAT is {settings.log_format!r}; use text or json.")
    level = settings.log_level.upper()
    if not isinstance(logging.getLevelName(level), int):
        raise ValueError(f"FRAMECRAFT_LOG_LEVEL is {settings.log_level!r}; use DEBUG, INFO, "
                         "WARNING or ERROR.")
    root = logging.getLogger(ROOT)
    for old in [h for h in root.handlers if isinstance(h, _BotHandler)]:
        root.removeHandler(old)
    handler = _BotHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    handler.addFilter(SecretMask(secret_values(settings)))
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False  # one line per record, not a second copy from the root logger
    return handler


def new_request_id() -> str:
    return secrets.token_hex(4)


def log_failure(logger: logging.Logger, what: str, error: BaseException,
                request_id: str | None = None) -> str:
    """Log an unexpected failure once: its type, a request id and the stack (frames only, not
    the exception's text). Returns the request id."""
    rid = request_id or new_request_id()
    stack = "".join(traceback.format_tb(error.__traceback__))
    logger.error("%s failed: %s (request %s)\n%s", what, type(error).__name__, rid, stack.rstrip(),
                 extra={"request_id": rid, "error_type": type(error).__name__})
    return rid
