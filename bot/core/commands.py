"""Text commands as typed in the terminal chat, a Slack mention or a Discord mention.

`/translate A woman walks --to kling` and `@Framecraft translate A woman walks to:kling` parse
to the same `ParsedCommand`, so every front understands the same words. Slash commands of the
platforms arrive already split and do not need this.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.core import cached_re as re
from bot.core.command_table import CommandSpec, text_commands

COMMANDS: dict[str, CommandSpec] = {spec.name: spec for spec in text_commands()}
"""The typed commands, from the command table (bot.core.command_table), in help order."""


# Options that may be written `--name value`, `--name=value` or `name:value`.
OPTION_NAMES = ("model", "to", "from", "name", "note", "tag", "kind", "version", "mode")
_OPTION = re.compile(
    r"(?:(?<=\s)|^)(?:--(?P<long>[a-z]+)(?:=|\s+)(?P<lval>\"[^\"]*\"|\S+)"
    r"|(?P<short>" + "|".join(OPTION_NAMES) + r"):(?P<sval>[^\s:]\S*))"
)
KEEPS_LINES = frozenset({"sequence"})
"""Commands whose text keeps its line breaks (a shot list)."""
_QUOTES = "\"'\u201c\u201d\u2018\u2019`"


class ParsedCommand(BaseModel):
    name: str
    text: str = ""
    options: dict[str, str] = Field(default_factory=dict)


def parse_command(line: str, default: str = "critique",
                  model_names: set[str] | frozenset[str] = frozenset()) -> ParsedCommand:
    """Split a typed line into command, free text and options.

    A line that does not start with a known command is the default command's text (so pasting
    a bare prompt critiques it). A last word that is a known model name, after a prompt of at
    least three words, is taken as `--model` (Slack users type `/critique PROMPT kling`).
    """
    line = line.strip()
    m = re.match(r"^/?([a-zA-Z]+)\b\s*(.*)$", line, re.S)
    word = m.group(1).lower() if m else ""
    # A command without arguments is only that command alone on the line: "About a girl who
    # runs..." is a prompt, not `about`.
    spec = COMMANDS.get(word)
    if m and spec and (spec.args or spec.run is None or not m.group(2).strip()):
        name, rest = word, m.group(2)
    else:
        name, rest = default, line.lstrip("/") if line.startswith("/") and m else line
    options: dict[str, str] = {}

    def take(match: re.Match[str]) -> str:
        key = (match.group("long") or match.group("short")).lower()
        value = match.group("lval") if match.group("long") else match.group("sval")
        options[key] = value.strip('"')
        return " "

    text = _OPTION.sub(take, rest)
    if name in KEEPS_LINES:  # one shot a line: the line breaks are the list
        text = "\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in text.splitlines()).strip()
    else:
        text = re.sub(r"\s+", " ", text).strip()
    if name == "critique" and "model" not in options and model_names:
        words = text.split(" ")
        if len(words) >= 4 and words[-1].lower().strip(_QUOTES) in model_names:
            options["model"] = words[-1].strip(_QUOTES)
            text = " ".join(words[:-1])
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return ParsedCommand(name=name, text=text, options=options)


def help_text() -> str:
    """Plain-text help (the terminal chat); the other fronts format COMMANDS their own way."""
    width = max(len(c.usage) for c in COMMANDS.values())
    lines = ["Framecraft reviews AI-video prompts. Commands:"]
    lines += [f"  {c.usage.ljust(width)}  {c.summary}" for c in COMMANDS.values()]
    lines.append("Paste a prompt with no command to critique it.")
    return "\n".join(lines)
