"""Read a shot list: plain lines, Markdown (headings or numbered items) or YAML/JSON.

A studio's shot list arrives in whatever the writer had open: a text file with one shot a line,
a Markdown document with a heading or a numbered item per shot, or structured data
(`shots: [{name, prompt, model}]`). One reader for every front, so a Slack modal, a Discord
thread and a file on disk give the same shots.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import yaml

from bot.core import cached_re as re
from bot.core.validation import InputError

MAX_SHOTS = 200
"""More shots than any sequence a team reviews at once; a bigger file is probably not a list."""

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_NUMBERED = re.compile(r"^\s{0,3}(?:\d{1,3}[.)]|[-*+])\s+(.*)$")
_SHOT_LABEL = re.compile(
    r"^\s*(?:\*\*)?((?:shot|scene|clip|beat|panel|sh\.?)\s*#?\s*[\w.-]{1,6}|\d{1,3}[a-z]?)"
    r"(?:\*\*)?\s*(?:[:.)\-–—](?!\d)|\s-\s)\s*(.*)$", re.I)
"""`Shot 3: ...`, `SHOT 2A - ...`, `Scene 4. ...`, `12) ...`: a name, then the prompt; not a
timecode's digits ("00:04-00:08 Medium.", "3.5s")."""
_FENCE = re.compile(r"^\s*```")


@dataclass(frozen=True)
class Shot:
    """One shot of the list: its name (the writer's, else `Shot N`), its prompt and the model
    it is meant for (None: the sequence's default)."""

    index: int
    """1-based position in the list."""
    name: str
    prompt: str
    model: str | None = None


def parse_shot_list(text: str) -> list[Shot]:
    """The shots of a list in any of the accepted forms; InputError when there are none, too
    many, or structured data that is not a list of shots."""
    if not text or not text.strip():
        raise InputError("The shot list is empty: give one shot a line, Markdown headings or "
                         "numbered items, or YAML/JSON `shots: [{name, prompt, model}]`.")
    stripped = _without_fences(text).strip()
    data = _structured(stripped)
    raw = _from_data(data) if data is not None else _from_text(stripped)
    shots = [Shot(index=i, name=name or f"Shot {i}", prompt=prompt, model=model)
             for i, (name, prompt, model) in enumerate(raw, start=1)]
    if not shots:
        raise InputError("No shots found: give one shot a line, Markdown headings or numbered "
                         "items, or YAML/JSON `shots: [{name, prompt, model}]`.")
    if len(shots) > MAX_SHOTS:
        raise InputError(f"{len(shots)} shots is more than {MAX_SHOTS}; split the list.")
    return shots


def _without_fences(text: str) -> str:
    """A list pasted in a code block (chat) reads as the block's content."""
    lines = text.splitlines()
    if len(lines) >= 2 and _FENCE.match(lines[0]) and _FENCE.match(lines[-1]):
        return "\n".join(lines[1:-1])
    return text


_BRACKET_LABEL = re.compile(r"\[[^\]\n\"'{}\[]{1,40}\][ \t]*[^\s,\]}]")
"""A shot's label in square brackets before its words ("[00:00-00:04] Wide: ...", "[Scene 2]
INT. DINER"): prose, not a JSON list."""


def _structured(text: str) -> Any | None:
    """Parsed YAML/JSON when the text is a mapping with `shots` or a list of mappings; None
    for prose (which YAML would happily read as one string)."""
    if text.startswith(("{", "[")) and not _BRACKET_LABEL.match(text):
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"The shot list looks like JSON but is not valid: {e.msg} "
                             f"(line {e.lineno}, column {e.colno}).") from None
    if not re.match(r"^(?:shots\s*:|-\s+(?:name|prompt|model)\s*:)", text, re.M):
        return None
    from bot.core.knowledge import load_yaml

    try:
        return load_yaml(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise InputError(f"The shot list looks like YAML but is not valid{where}.") from None


def _from_data(data: Any) -> list[tuple[str, str, str | None]]:
    items = data.get("shots") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InputError("Structured shot lists need `shots:` with a list of "
                         "{name, prompt, model} entries.")
    out: list[tuple[str, str, str | None]] = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, str):
            item = {"prompt": item}
        if not isinstance(item, dict):
            raise InputError(f"shots[{n - 1}]: expected {{name, prompt, model}}, got "
                             f"{type(item).__name__}.")
        prompt = item.get("prompt")
        if not isinstance(prompt, str) or not prompt.strip():
            raise InputError(f"shots[{n - 1}].prompt: missing or empty.")
        name = item.get("name")
        model = item.get("model")
        out.append((str(name).strip() if name is not None else "", _one_line(prompt),
                    str(model).strip() if model else None))
    return out


_FIELD_LINE = re.compile(r"(?<=[^\s.;:!?,])[ \t]*\n\s*(?=[A-Za-z][\w /&-]{0,24}:\s)")
"""A line break before a field label ("...red leather collar\naction: Pip bolts"): the field
before it ends there."""


def _one_line(text: str) -> str:
    """A prompt on one line. A field per line ("subject: ...", "action: ...") keeps its end
    as a full stop, so "collar" and "action" do not run into one phrase."""
    return re.sub(r"\s+", " ", _FIELD_LINE.sub(". ", text)).strip()


_SHEET_LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?:style|look|visual style|characters?|cast|character sheet|"
    r"palette|grade|colou?r grade|lens|lenses|setting|location|world|format|wardrobe|"
    r"time of day|lighting|character (?:references?|refs?|designs?|notes|bible|descriptions?|"
    r"breakdown)(?: notes)?|(?:main |lead |hero )?(?:character|cast)(?: list)?|"
    r"references?|refs?|visual references?|look references?)(?:\*\*)?\s*(?:--|[-–—:])\s*\S", re.I)
"""A line above the shots that gives an anchor for the whole list ("Style: stop-motion
claymation", "Characters: Rosa, grey hair in a hairnet", "Character reference: Nora, a woman
with a red bob"): the guide's anchors by name, or a reference or description of the cast."""


def _with_sheet(shots: list[tuple[str, str, str | None]],
                sheet: list[str]) -> list[tuple[str, str, str | None]]:
    """The shots with the sheet lines typed above them joined to the first shot, where a
    writer who pastes the list into a model has them: once, before shot 1 (so a style said
    there and nowhere else is a gap, as the shots show it)."""
    if not sheet or not shots:
        return shots
    name, prompt, model = shots[0]
    said = [ln if re.search(r"[.;:!?]$", ln) else ln + "." for ln in sheet]
    return [(name, _one_line(" ".join([*said, prompt])), model), *shots[1:]]


def _sheet_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """The leading sheet lines (`_SHEET_LINE`, after a title heading if any) and the rest;
    none when nothing but sheet lines follows (then they are the shots)."""
    sheet: list[str] = []
    rest: list[str] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        heading = _HEADING.match(line)
        title = heading is not None and not _SHOT_LABEL.match(heading.group(1))
        if _SHEET_LINE.match(line):
            sheet.append(line.strip().lstrip("-*+ ").replace("**", ""))
        elif line.strip() and not title:
            break
        else:
            rest.append(line)
        at += 1
    if at == len(lines):
        return [], lines
    return sheet, rest + lines[at:]


def _from_text(text: str) -> list[tuple[str, str, str | None]]:
    sheet, rest = _sheet_lines(text.splitlines())
    return _with_sheet(_shots_of_text("\n".join(rest)), sheet)


def _shots_of_text(text: str) -> list[tuple[str, str, str | None]]:
    lines = text.splitlines()
    if len(lines) == 1 and text.count(" | ") >= 1:  # a chat one-liner: "shot 1 | shot 2"
        lines = [part for part in text.split(" | ") if part.strip()]
    if any(_HEADING.match(line) for line in lines):
        return _blocks(lines, _HEADING, headed=True)
    numbered = [line for line in lines if _NUMBERED.match(line)]
    if numbered and len(numbered) >= len([ln for ln in lines if ln.strip()]) / 2:
        return _blocks(lines, _NUMBERED, headed=False)
    return [_labelled(line) for line in lines if line.strip() and not _comment(line)]


def _comment(line: str) -> bool:
    return line.lstrip().startswith("//") or line.lstrip().startswith("<!--")


def _labelled(line: str) -> tuple[str, str, str | None]:
    """`Shot 3: prompt` → ("Shot 3", "prompt"); a bare line has no name."""
    m = _SHOT_LABEL.match(line)
    if m and m.group(2).strip():
        return m.group(1).strip(), _one_line(m.group(2)), None
    return "", _one_line(line), None


def _blocks(lines: list[str], marker: re.Pattern[str],
            headed: bool) -> list[tuple[str, str, str | None]]:
    """One shot per marker line: a heading names the shot and the lines under it are its prompt
    (or, with none, the heading is); a numbered item is the prompt, continued by the lines that
    follow it."""
    out: list[tuple[str, str, str | None]] = []
    head: str | None = None
    body: list[str] = []
    titles: list[int] = []
    """Positions in `out` of headings with no body: a document's title when others have one."""

    def close() -> None:
        if head is None:
            return
        text = _one_line(" ".join(body))
        if headed:
            name, inline, _ = _labelled(head)
            if text:
                labelled = bool(_SHOT_LABEL.match(head)) and bool(name)
                out.append((name if labelled else head, text, None))
            elif inline and _SHOT_LABEL.match(head):
                out.append((name, inline, None))
            elif head:
                titles.append(len(out))
                out.append(("", head, None))
        else:
            name, prompt, _ = _labelled(_one_line(" ".join([head, *body])))
            out.append((name, prompt, None))

    for line in lines:
        m = marker.match(line)
        if m:
            close()
            head, body = m.group(1).strip(), []
        elif head is not None and line.strip() and not _comment(line):
            body.append(line.strip())
    close()
    if headed and len(titles) < len(out):  # some headings have a body: the bare ones are titles
        out = [item for i, item in enumerate(out) if i not in titles]
    return [(n, p, mdl) for n, p, mdl in out if p]
