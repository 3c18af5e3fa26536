"""Reading house rules from TOML: `framecraft.toml` (`[rules]`) or `pyproject.toml`
(`[tool.framecraft.rules]`), found in the working directory or any parent.

Every error names the key and the line, because the people who write these files are not
Python programmers: `framecraft.toml:4: ban[1].word: ...`. tomllib reports the line of a syntax
error; for a value that parses but is invalid we find the key's line in the text ourselves.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from bot.core import cached_re as re
from bot.core.house_rules.model import HouseRules
from bot.core.validation import InputError

RULES_FILE = "framecraft.toml"
PYPROJECT = "pyproject.toml"
MAX_RULES_CHARS = 50_000


class RulesError(InputError):
    """A rules file or text is invalid; the message names the key and the line."""

    def __init__(self, message: str, line: int | None = None, key: str = ""):
        super().__init__(message)
        self.line = line
        self.key = key


def find_rules_file(start: Path | None = None) -> Path | None:
    """The nearest rules file from `start` (default: the working directory) upward.

    In one directory `framecraft.toml` wins over a `pyproject.toml`; a pyproject without a
    `[tool.framecraft.rules]` table is passed over."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        candidate = d / RULES_FILE
        if candidate.is_file():
            return candidate
        pyproject = d / PYPROJECT
        if pyproject.is_file() and _has_rules_table(pyproject):
            return pyproject
    return None


def _has_rules_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "framecraft" in text and re.search(r"^\s*\[\s*tool\.framecraft\.rules\s*\]", text,
                                               re.M) is not None


def load_rules_file(path: Path) -> HouseRules:
    """Read and validate a rules file; RulesError (with file, line and key) when it is bad."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RulesError(f"{path}: cannot read the rules file: {e}") from None
    table = ("tool", "framecraft", "rules") if path.name == PYPROJECT else ("rules",)
    try:
        return parse_rules(text, table)
    except RulesError as e:
        where = f"{path}:{e.line}" if e.line else str(path)
        message = str(e).removeprefix(f"line {e.line}: ")
        raise RulesError(f"{where}: {message}", e.line, e.key) from None


def parse_rules(text: str, table: tuple[str, ...] = ("rules",)) -> HouseRules:
    """Validate rules TOML text (a file, or what an admin pasted into a modal)."""
    if len(text) > MAX_RULES_CHARS:
        raise RulesError(f"the rules are too long ({len(text)} characters; at most "
                         f"{MAX_RULES_CHARS})")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        line = int(m.group(1)) if m else None
        raise RulesError(f"line {line}: not valid TOML: {e}" if line else
                         f"not valid TOML: {e}", line) from None
    if not data:
        return HouseRules()  # an empty file (or only comments): no rules
    node: object = data
    for part in table:
        if not isinstance(node, dict) or part not in node:
            name = ".".join(table)
            raise RulesError(f"line 1: no [{name}] table: put the rules under [{name}]", 1,
                             name)
        node = node[part]
    if not isinstance(node, dict):
        raise RulesError(f"line 1: '{'.'.join(table)}' must be a table", 1, ".".join(table))
    extra = set(data) - {table[0]} if table == ("rules",) else set()
    if extra:
        key = sorted(extra)[0]
        m = re.search(r"^[ \t]*(?:\[+[ \t]*" + re.escape(key) + r"\b|" + re.escape(key)
                      + r"[ \t]*[.=])", text, re.M)
        line = _line_of(text, m.start()) if m else 1
        raise RulesError(f"line {line}: {key}: unknown table or key outside [rules]", line, key)
    try:
        return HouseRules.model_validate(node)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(err["loc"])
        loc = _drop_union_tags(loc)
        key = _dotted(loc)
        line = locate(text, table, loc)
        more = f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else ""
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        raise RulesError(f"line {line}: {key}: {msg}{more}", line, key) from None


def _drop_union_tags(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Pydantic puts validator names in a location (`require.0.function-after[...]`)."""
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith(
        "function-"))))


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# ---- finding the line of a key --------------------------------------------------------------

def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _header(table: tuple[str, ...]) -> re.Pattern[str]:
    name = r"\s*\.\s*".join(re.escape(p) for p in table)
    return re.compile(r"^[ \t]*\[[ \t]*" + name + r"[ \t]*\][ \t]*(?:#.*)?$", re.M)


def _section_bounds(text: str, table: tuple[str, ...]) -> tuple[int, int]:
    """Char range of a table's own lines: after its header, up to the next header."""
    if not table:
        m = re.search(r"^[ \t]*\[", text, re.M)
        return 0, m.start() if m else len(text)
    h = _header(table).search(text)
    if h is None:
        return 0, len(text)
    nxt = re.compile(r"^[ \t]*\[", re.M).search(text, h.end())
    return h.end(), nxt.start() if nxt else len(text)


def _key_at(text: str, key: str, start: int, end: int) -> re.Match[str] | None:
    pat = re.compile(r"(?:^|[{,])[ \t]*(?:\"" + re.escape(key) + r"\"|" + re.escape(key)
                     + r")[ \t]*=[ \t]*", re.M)
    return pat.search(text, start, end)


def _element_start(text: str, pos: int, index: int, end: int) -> int | None:
    """Position of the `index`-th element of the TOML array that opens at or after `pos`."""
    i = text.find("[", pos, end)
    if i < 0:
        return None
    depth, count, i = 0, 0, i + 1
    expecting = True
    while i < end:
        ch = text[i]
        if ch in "\"'":
            if depth == 0 and expecting:
                if count == index:
                    return i
                count, expecting = count + 1, False
            quote = ch
            j = i + 1
            while j < end and text[j] != quote:
                j += 2 if text[j] == "\\" and quote == '"' else 1
            i = j + 1
            continue
        if ch == "#":
            nl = text.find("\n", i)
            i = nl if nl >= 0 else end
            continue
        if ch in "[{":
            if depth == 0 and expecting:
                if count == index:
                    return i
                count, expecting = count + 1, False
            depth += 1
        elif ch in "]}":
            if depth == 0:
                return None
            depth -= 1
        elif ch == "," and depth == 0:
            expecting = True
        elif not ch.isspace() and depth == 0 and expecting:
            if count == index:
                return i
            count, expecting = count + 1, False
        i += 1
    return None


def locate(text: str, table: tuple[str, ...], loc: tuple[str | int, ...]) -> int:
    """The 1-based line where `loc` (e.g. ('ban', 1, 'word')) is written under `table`.

    Handles keys in the table's section, inline arrays of inline tables and `[[rules.ban]]`
    arrays of tables; falls back to the deepest part it found, then to the table's header."""
    start, end = _section_bounds(text, table)
    best = _line_of(text, start - 1) if table and start else 1
    if not loc:
        return best
    key, rest = str(loc[0]), loc[1:]
    m = _key_at(text, key, start, end)
    if m is None:
        # An array of tables: [[rules.ban]] blocks, the index picks the block.
        blocks = list(re.finditer(r"^[ \t]*\[\[[ \t]*" + r"\s*\.\s*".join(
            re.escape(p) for p in (*table, key)) + r"[ \t]*\]\][ \t]*$", text, re.M))
        if not blocks:
            return best
        idx = rest[0] if rest and isinstance(rest[0], int) and rest[0] < len(blocks) else 0
        block = blocks[idx]
        nxt = re.compile(r"^[ \t]*\[", re.M).search(text, block.end())
        b_end = nxt.start() if nxt else len(text)
        sub = rest[1:] if rest and isinstance(rest[0], int) else rest
        if sub:
            km = _key_at(text, str(sub[0]), block.end(), b_end)
            if km is not None:
                return _line_of(text, km.end())
        return _line_of(text, block.start())
    pos = m.end()
    best = _line_of(text, pos)
    value_end = _value_end(text, pos, end)
    for part in rest:
        if isinstance(part, int):
            el = _element_start(text, pos, part, value_end)
            if el is None:
                return best
            pos = el
        else:
            km = _key_at(text, str(part), pos, _value_end(text, pos, value_end)
                         if text[pos:pos + 1] in "[{" else value_end)
            if km is None:
                return best
            pos = km.end()
        best = _line_of(text, pos)
    return best


def _value_end(text: str, pos: int, end: int) -> int:
    """End of the TOML value starting at `pos` (a bracketed value may span lines)."""
    if pos >= end or text[pos] not in "[{":
        nl = text.find("\n", pos, end)
        return nl if nl >= 0 else end
    depth, i = 0, pos
    while i < end:
        ch = text[i]
        if ch in "\"'":
            quote, i = ch, i + 1
            while i < end and text[i] != quote:
                i += 2 if text[i] == "\\" and quote == '"' else 1
        elif ch == "#":
            nl = text.find("\n", i)
            i = (nl if nl >= 0 else end) - 1
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return end
