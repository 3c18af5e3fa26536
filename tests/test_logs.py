"""Logging for the whole `bot` tree: level and format from the settings, JSON lines as an
option, one line per failure with its type and a request id, and never a secret."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.config import Settings
from bot.logs import configure_logging, log_failure

TOKEN = "xoxb-1234567890-abcdefghijkl"


@pytest.fixture
def restore_bot_logger() -> Iterator[None]:
    root = logging.getLogger("bot")
    saved = (list(root.handlers), root.level, root.propagate)
    yield
    root.handlers[:], root.level, root.propagate = saved


def _settings(**kw: str) -> Settings:
    return Settings(slack_bot_token=TOKEN, _env_file=None, **kw)


def test_level_and_json_format_reach_core_and_front_loggers(restore_bot_logger):
    out = io.StringIO()
    configure_logging(_settings(log_level="warning", log_format="json"), out)
    logging.getLogger("bot.core.engine").info("not shown at WARNING")
    logging.getLogger("bot.core.engine").warning("core says %s", "hi")
    logging.getLogger("bot.slack.front").error("front says hi")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(x["logger"], x["level"], x["message"]) for x in lines] == [
        ("bot.core.engine", "WARNING", "core says hi"), ("bot.slack.front", "ERROR", "front says hi")]


def test_secrets_are_masked_even_in_messages_and_tracebacks(restore_bot_logger):
    out = io.StringIO()
    configure_logging(_settings(), out)
    log = logging.getLogger("bot.slack.app")
    log.warning("calling https://slack.example/api?token=%s", TOKEN)
    try:
        raise RuntimeError(f"refused {TOKEN}")
    except RuntimeError:
        log.exception("failed")
    text = out.getvalue()
    assert TOKEN not in text and text.count("[secret]") >= 2


def test_a_failure_is_one_line_with_type_and_request_id_and_without_its_text(restore_bot_logger):
    out = io.StringIO()
    configure_logging(_settings(log_format="json"), out)
    members_text = "my secret storyboard prompt"
    try:
        raise ValueError(members_text)
    except ValueError as e:
        rid = log_failure(logging.getLogger("bot.discord.front"), "discord critique", e)
    (line,) = [json.loads(x) for x in out.getvalue().splitlines()]
    assert line["request_id"] == rid and line["error_type"] == "ValueError"
    assert "discord critique failed: ValueError" in line["message"] and rid in line["message"]
    assert "storyboard" not in out.getvalue()
    assert "test_logs.py" in line["message"]  # the stack frames are there


@pytest.mark.parametrize("kw, word", [({"log_format": "xml"}, "FRAMECRAFT_LOG_FORMAT"),
                                      ({"log_level": "loud"}, "FRAMECRAFT_LOG_LEVEL")])
def test_bad_settings_are_named(restore_bot_logger, kw, word):
    with pytest.raises(ValueError, match=word):
        configure_logging(_settings(**kw), io.StringIO())
