"""Finding prompts in a repository's files, each with the line and column where it starts.

- `.txt`: one prompt a line (blank lines and lines starting with `#` are skipped);
- `.prompt`: the whole file is one prompt;
- Markdown: fenced blocks whose info string is `prompt` (the prompt starts on the first line
  inside the fence);
- YAML / JSON: every `prompt:` field (a sibling `model` and `negative_prompt` are read too);
  in Framecraft's own export format (`format: framecraft-prompts`) only the newest version of
  each prompt, since older versions are history.

Positions come from the text itself (YAML nodes carry their marks; JSON is read by the YAML
parser for the same reason), so a finding points at the prompt's own line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.core import cached_re as re

TEXT_SUFFIXES = {".txt"}
PROMPT_SUFFIXES = {".prompt"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
YAML_SUFFIXES = {".yaml", ".yml"}
JSON_SUFFIXES = {".json"}
SUFFIXES = TEXT_SUFFIXES | PROMPT_SUFFIXES | MARKDOWN_SUFFIXES | YAML_SUFFIXES | JSON_SUFFIXES
MAX_FILE_BYTES = 20_000_000

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml when PyYAML has it (several times faster); same node marks as the Python loader."""
_FENCE = re.compile(r"^(?P<indent>[ ]{0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$")


class ExtractError(Exception):
    """A file that cannot be read or parsed; the message names the file (and line)."""


@dataclass
class NegativeSlot:
    """Where a moved negative prompt can be written: replace an existing value, or insert a
    sibling field after the prompt (`text` holds `{value}` for the JSON-quoted string)."""

    start: int
    end: int
    text: str = "{value}"


@dataclass
class FoundPrompt:
    path: str
    text: str
    line: int
    column: int
    offset: int
    """Index in the file text where the prompt starts."""
    verbatim: bool
    """True when `file_text[offset:offset + len(text)] == text`, so spans map to columns and a
    fix can be written in place."""
    model: str | None = None
    negative: str | None = None
    negative_slot: NegativeSlot | None = None
    quote: str = ""
    """'"' when the prompt is a double-quoted JSON/YAML string (a fix is re-escaped)."""
    extra: dict[str, object] = field(default_factory=dict)

    def position(self, index: int, file_text: str) -> tuple[int, int]:
        """(line, column), both 1-based, of `text[index]` in the file."""
        if not self.verbatim or index <= 0:
            return self.line, self.column
        pos = self.offset + index
        line = file_text.count("\n", 0, pos) + 1
        return line, pos - (file_text.rfind("\n", 0, pos) + 1) + 1


def read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ExtractError(f"{path}: larger than {MAX_FILE_BYTES // 1_000_000} MB; skipped")
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ExtractError(f"{path}: not UTF-8 text") from None
    except OSError as e:
        raise ExtractError(f"{path}: cannot read: {e.strerror or e}") from None


def extract(path: Path, text: str, display: str | None = None) -> list[FoundPrompt]:
    """The prompts in one file's text, by its suffix."""
    name = display or str(path)
    suffix = path.suffix.lower()
    if suffix in PROMPT_SUFFIXES:
        return _whole_file(name, text)
    if suffix in MARKDOWN_SUFFIXES:
        return _markdown(name, text)
    if suffix in YAML_SUFFIXES or suffix in JSON_SUFFIXES:
        return _structured(name, text, is_json=suffix in JSON_SUFFIXES)
    return _lines(name, text)


def _lines(name: str, text: str) -> list[FoundPrompt]:
    out, offset = [], 0
    for lineno, line in enumerate(text.splitlines(keepends=True), start=1):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped and not stripped.startswith("#"):
            lead = len(body) - len(body.lstrip())
            out.append(FoundPrompt(name, stripped, lineno, lead + 1, offset + lead, True))
        offset += len(line)
    return out


def _whole_file(name: str, text: str) -> list[FoundPrompt]:
    stripped = text.strip()
    if not stripped:
        return []
    start = text.index(stripped[0])
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    return [FoundPrompt(name, stripped, line, col, start, True)]


def _markdown(name: str, text: str) -> list[FoundPrompt]:
    out: list[FoundPrompt] = []
    lines = text.splitlines(keepends=True)
    offsets: list[int] = []
    pos = 0
    for raw_line in lines:
        offsets.append(pos)
        pos += len(raw_line)
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i].rstrip("\r\n"))
        if not m:
            i += 1
            continue
        fence, info = m.group("fence"), m.group("info").strip().split()
        close = re.compile(r"^[ ]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j].rstrip("\r\n")):
            j += 1
        if info and info[0].lower() == "prompt":
            body = "".join(lines[i + 1:j])
            stripped = body.strip()
            if stripped:
                start = offsets[i + 1] + body.index(stripped[0]) if i + 1 < len(lines) else pos
                line = text.count("\n", 0, start) + 1
                col = start - (text.rfind("\n", 0, start) + 1) + 1
                out.append(FoundPrompt(name, stripped, line, col, start, True))
        i = j + 1
    return out


# ---- YAML and JSON ----------------------------------------------------------------------------

def _scalar(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null"):
        return str(node.value)
    return None


def _found_in_mapping(name: str, text: str, node: yaml.MappingNode,
                      is_json: bool) -> FoundPrompt | None:
    fields: dict[str, tuple[yaml.Node, yaml.Node]] = {
        k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    if "prompt" not in fields:
        return None
    key, value = fields["prompt"]
    if not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
        return None
    prompt = str(value.value)
    style = value.style or ""
    start = value.start_mark.index + (1 if style in ("'", '"') else 0)
    if style in ("|", ">"):
        nl = text.find("\n", value.start_mark.index)
        start = nl + 1 if nl >= 0 else value.start_mark.index
        while start < len(text) and text[start] in " \t":
            start += 1
    stripped = prompt.strip()
    lead = prompt.index(stripped[0]) if stripped else 0
    block = style in ("|", ">")
    # Folded (>) text and escaped strings differ from the file's bytes: not verbatim.
    verbatim = style != ">" and text.find(stripped, start, value.end_mark.index + 1) == start + lead
    if verbatim or not block:
        start += lead
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    model = _scalar(fields["model"][1]) if "model" in fields else None
    found = FoundPrompt(name, stripped, line, col, start, verbatim,
                        model=str(model) if model else None, quote='"' if style == '"' else "")
    found.negative, found.negative_slot = _negative(text, fields, value, node, is_json)
    return found


def _negative(text: str, fields: dict[str, tuple[yaml.Node, yaml.Node]],
              prompt_value: yaml.ScalarNode, mapping: yaml.MappingNode,
              is_json: bool) -> tuple[str | None, NegativeSlot | None]:
    """The sibling negative prompt, and where a fix may write one."""
    if "negative_prompt" in fields:
        node = fields["negative_prompt"][1]
        if isinstance(node, yaml.ScalarNode) and (node.style in ('"', None, "") or
                                                  node.tag.endswith(":null")):
            value = None if node.tag.endswith(":null") else str(node.value)
            return value, NegativeSlot(node.start_mark.index, node.end_mark.index)
        return (str(node.value) if isinstance(node, yaml.ScalarNode) else None), None
    end = prompt_value.end_mark.index
    if is_json or mapping.flow_style:
        return None, NegativeSlot(end, end, ', "negative_prompt": {value}')
    if prompt_value.style in ("|", ">"):
        return None, None  # a block scalar ends where indentation says; not worth guessing
    key_col = fields["prompt"][0].start_mark.column
    return None, NegativeSlot(end, end, "\n" + " " * key_col + "negative_prompt: {value}")


def _walk(name: str, text: str, node: yaml.Node, is_json: bool, out: list[FoundPrompt]) -> None:
    if isinstance(node, yaml.MappingNode):
        found = _found_in_mapping(name, text, node, is_json)
        if found is not None:
            out.append(found)
        for _k, v in node.value:
            _walk(name, text, v, is_json, out)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            _walk(name, text, v, is_json, out)


def _export_newest(name: str, text: str, root: yaml.MappingNode, is_json: bool,
                   out: list[FoundPrompt]) -> None:
    """Framecraft's export: prompts[].versions[]; lint the highest version of each prompt."""
    fields = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    prompts = fields.get("prompts")
    if not isinstance(prompts, yaml.SequenceNode):
        return
    for p in prompts.value:
        if not isinstance(p, yaml.MappingNode):
            continue
        pf = {k.value: v for k, v in p.value if isinstance(k, yaml.ScalarNode)}
        versions = pf.get("versions")
        if not isinstance(versions, yaml.SequenceNode):
            continue
        best, best_n = None, -1
        for v in versions.value:
            if not isinstance(v, yaml.MappingNode):
                continue
            vf = {k.value: x for k, x in v.value if isinstance(k, yaml.ScalarNode)}
            try:
                n = int(vf["version"].value) if "version" in vf else 0
            except (TypeError, ValueError):
                n = 0
            if n > best_n:
                best, best_n = v, n
        if best is not None:
            found = _found_in_mapping(name, text, best, is_json)
            if found is not None:
                prompt_name = pf.get("name")
                found.extra = {"name": getattr(prompt_name, "value", None), "version": best_n}
                out.append(found)


def _structured(name: str, text: str, is_json: bool) -> list[FoundPrompt]:
    if is_json:  # YAML accepts things JSON does not (trailing commas): JSON's own verdict first
        try:
            json.loads(text)
        except json.JSONDecodeError as je:
            raise ExtractError(f"{name}:{je.lineno}: not valid JSON: {je.msg}") from None
    try:
        docs = list(yaml.compose_all(text, Loader=_LOADER))
    except yaml.YAMLError as e:
        if is_json:
            raise ExtractError(f"{name}: JSON that the position reader cannot follow: "
                               f"{str(e).splitlines()[0]}") from None
        mark = getattr(e, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ExtractError(f"{where}: not valid YAML: {problem}") from None
    out: list[FoundPrompt] = []
    for doc in docs:
        if doc is None:
            continue
        if isinstance(doc, yaml.MappingNode) and any(
                isinstance(k, yaml.ScalarNode) and k.value == "format"
                and getattr(v, "value", None) == "framecraft-prompts" for k, v in doc.value):
            _export_newest(name, text, doc, is_json, out)
        else:
            _walk(name, text, doc, is_json, out)
    return out


def encode_for(found: FoundPrompt, value: str) -> str:
    """A replacement prompt as it must be written where the old one was."""
    if found.quote == '"':
        return json.dumps(value, ensure_ascii=False)[1:-1]
    return value
