"""`prompt save|list|history|show|diff|restore|keep|delete|help`: one grammar, one executor.

Slack's `/prompt`, Discord's `/prompt` group, mentions in both and the terminal chat all turn
what the user gave into a `PromptRequest` (typed text goes through `parse_request`; Discord's
options build one with `make_request`), then `execute` runs it against `engine.store` for a
team and an author and returns a `PromptResult` holding the store's own records. Fronts only
format. Anything a user can fix raises `InputError` with one clear line.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from bot.core import cached_re as re
from bot.core.house_rules.evaluate import HouseRulesReport
from bot.core.storage import checks
from bot.core.storage.records import PromptDiff, PromptInfo, Version
from bot.core.validation import InputError

if TYPE_CHECKING:
    from bot.core.engine import Engine
    from bot.core.house_rules.layers import RulesInForce

log = logging.getLogger(__name__)

Action = Literal["save", "list", "history", "show", "diff", "restore", "keep", "delete", "help"]
ACTIONS: tuple[str, ...] = get_args(Action)

USAGE: dict[str, str] = {
    "save": 'prompt save NAME PROMPT... [--model M] [--note "..."] [--channel C] [--force]',
    "list": "prompt list [--channel C]",
    "history": "prompt history NAME",
    "show": "prompt show NAME [N]",
    "diff": "prompt diff NAME A B",
    "restore": "prompt restore NAME N",
    "keep": "prompt keep NAME N [link or note]",
    "delete": "prompt delete NAME yes",
    "help": "prompt help",
}
SUMMARIES: dict[str, str] = {
    "save": "save a new version (its critique score is recorded)",
    "list": "the team's saved prompts",
    "history": "every version, with author, score, keeper mark and note",
    "show": "one version (the newest by default)",
    "diff": "what changed between two versions, word by word and component by component",
    "restore": "save an old version again as the newest (history is kept)",
    "keep": "mark the version that worked, with a link to or note about its output",
    "delete": "delete a prompt and all its versions (needs `yes`)",
    "help": "this list",
}
_CONFIRM_WORDS = frozenset({"yes", "y", "--yes", "-y", "confirm", "--confirm"})
_QUOTES = {'"': '"', "\u201c": "\u201d", "'": "'", "\u2018": "\u2019", "`": "`"}
# Known options only, so a prompt's own "--ar 16:9" stays in the prompt. An unquoted --note
# runs to the next option or the end (notes are sentences).
_QUOTED = "\"[^\"]*\"|\u201c[^\u201d]*\u201d"
_WORD_OPTIONS = re.compile(
    rf"(?:(?<=\s)|^)(?:--(?P<long>model|channel)(?:=|\s+)(?P<val>{_QUOTED}|\S+)"
    r"|(?P<short>model|channel):(?P<sval>[^\s:]\S*))")
_NOTE_OPTION = re.compile(
    rf"(?:(?<=\s)|^)--note(?:=|\s+)(?P<val>{_QUOTED}|(?:(?!\s--(?:model|channel|note)\b).)+)",
    re.S)
_FORCE_OPTION = re.compile(r"(?:(?<=\s)|^)--force(?=\s|$)")
"""save: add a version even when the text is the newest one's."""
_COMMAND = re.compile(r"^\s*/?prompts?\b[ \t]*", re.I)


class ConfirmationNeeded(InputError):
    """A delete asked for without saying yes; fronts may word the way to confirm their way."""

    def __init__(self, name: str, versions: int):
        self.name, self.versions = name, versions
        super().__init__(f"Deleting {name!r} removes all {versions} version"
                         f"{'s' if versions != 1 else ''}; to confirm, send "
                         f"`prompt delete {name} yes`.")


class PromptRequest(BaseModel):
    """What one `prompt ...` command asks for, validated (names, notes, version numbers)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    action: Action
    name: str | None = None
    prompt: str | None = None
    model: str | None = None
    note: str | None = None
    """save: what changed and why; keep: a link to or note about the output."""
    channel: str | None = None
    version: int | None = None
    """show (None = newest), restore, keep."""
    a: int | None = None
    b: int | None = None
    """diff: from version a to version b (None = the two newest)."""
    confirm: bool = False
    force: bool = False
    """save: add a version even when the text and model are the newest version's."""

    @field_validator("name")
    @classmethod
    def _name(cls, v: str | None) -> str | None:
        return None if v is None else checks.prompt_name(v)

    @field_validator("note")
    @classmethod
    def _note(cls, v: str | None, info: ValidationInfo) -> str | None:
        return checks.note(v, "keeper note" if info.data.get("action") == "keep" else "note")

    @field_validator("channel", "model")
    @classmethod
    def _key(cls, v: str | None, info: ValidationInfo) -> str | None:
        return checks.key(v, f"{info.field_name} name", 64) if v and v.strip() else None

    @field_validator("version", "a", "b", mode="before")
    @classmethod
    def _number(cls, v: Any) -> int | None:
        return None if v is None or v == "" else checks.version_number(v)

    @model_validator(mode="after")
    def _complete(self) -> PromptRequest:
        if self.action not in ("list", "help") and not self.name:
            raise InputError(f"Which prompt? Usage: `{USAGE[self.action]}`")
        if self.action == "save" and not (self.prompt or "").strip():
            raise InputError(f"Nothing to save: give the prompt after its name. "
                             f"Usage: `{USAGE['save']}`")
        if self.action in ("restore", "keep") and self.version is None:
            raise InputError(f"Which version? Usage: `{USAGE[self.action]}`")
        return self


class PromptResult(BaseModel):
    """The outcome: the store's records for the fronts to format, and a one-line summary."""

    action: Action
    team: str
    summary: str
    version: Version | None = None
    """save, show, restore, keep."""
    versions: list[Version] = Field(default_factory=list)
    """history, oldest first."""
    prompts: list[PromptInfo] = Field(default_factory=list)
    diff: PromptDiff | None = None
    deleted: int | None = None
    """delete: how many versions went."""
    restored_from: int | None = None
    unchanged: bool = False
    """save: the text was the newest version's, so no version was added (`version` is it)."""
    house_rules: HouseRulesReport | None = None
    """save: the House rules part for the saved prompt, when rules are in force."""


def make_request(**fields: Any) -> PromptRequest:
    """A request from named fields (Discord's options); InputError, not ValidationError."""
    action = str(fields.get("action") or "").strip().lower()
    if action not in ACTIONS:
        near = difflib.get_close_matches(action, ACTIONS, n=1)
        hint = f" Did you mean `{near[0]}`?" if near else ""
        raise InputError(f"`prompt {action[:30]}` is not an action I know.{hint} "
                         f"Use one of: {', '.join(ACTIONS)}.")
    try:
        return PromptRequest(**{**fields, "action": action})
    except ValidationError as e:
        first = e.errors()[0]
        cause = (first.get("ctx") or {}).get("error")
        if isinstance(cause, InputError):
            raise cause from None
        where = ".".join(str(x) for x in first.get("loc", ())) or "input"
        raise InputError(f"Bad {where}: {first.get('msg', 'invalid')}.") from None


def command_text(line: str) -> str | None:
    """The text after a leading `prompt` (or `/prompt`) word, else None (not ours)."""
    m = _COMMAND.match(line or "")
    return line[m.end():] if m else None


def _token(text: str) -> tuple[str, str]:
    """The first word (or "quoted words") and the rest, whose own spacing is kept."""
    s = text.lstrip()
    if not s:
        return "", ""
    close = _QUOTES.get(s[0])
    if close:
        end = s.find(close, 1)
        if end > 0:
            return s[1:end], s[end + 1:]
    m = re.match(r"\S+", s)
    assert m is not None
    return m.group(0), s[m.end():]


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and _QUOTES.get(text[0]) == text[-1]:
        return text[1:-1].strip()
    return text


def _extract_options(text: str) -> tuple[str, dict[str, str]]:
    options: dict[str, str] = {}

    def take(m: re.Match[str]) -> str:
        key = m.groupdict().get("long") or m.groupdict().get("short") or "note"
        value = m.group("val") if key == "note" or m.group("long") else m.group("sval")
        if key in options:
            raise InputError(f"`--{key}` is given twice; give it once.")
        options[key] = _unquote(value or "")
        return " "
    text = _WORD_OPTIONS.sub(take, text)
    text = _NOTE_OPTION.sub(take, text)
    if _FORCE_OPTION.search(text):
        options["force"] = "yes"
        text = _FORCE_OPTION.sub(" ", text)
    return text, options


def parse_request(text: str, options: dict[str, str] | None = None) -> PromptRequest:
    """Parse the words after `prompt`. `options` are ones a caller already split off (the
    chat's ParsedCommand): model, note, channel, name, version."""
    rest, found = _extract_options(text or "")
    given = {k: v for k, v in (options or {}).items()
             if k in ("model", "note", "channel", "name", "version") and v}
    found |= given
    action, rest = _token(rest)
    action = action.lower()
    if not action:
        action = "help"
    fields: dict[str, Any] = {"action": action}
    if action in ("help", "list"):
        if action == "list" and found.get("channel"):
            fields["channel"] = found["channel"]
        if rest.strip():
            raise InputError(f"`prompt {action}` takes no words after it. "
                             f"Usage: `{USAGE[action]}`")
        return make_request(**fields)
    if action not in ACTIONS:
        return make_request(action=action)  # the "not an action I know" message
    name = found.get("name")
    if not name:
        name, rest = _token(rest)
    fields["name"] = name or None
    words = rest.split()
    if action == "save":
        fields |= {"prompt": _unquote(rest), "model": found.get("model"),
                   "note": found.get("note"), "channel": found.get("channel"),
                   "force": bool(found.get("force"))}
    elif action == "show":
        version = found.get("version") or (words[0] if words else None)
        _no_more(action, words[1:] if not found.get("version") else words)
        fields["version"] = version
    elif action == "diff":
        _no_more(action, words[2:])
        fields |= {"a": words[0] if words else None, "b": words[1] if len(words) > 1 else None}
    elif action == "restore":
        version = found.get("version") or (words[0] if words else None)
        _no_more(action, words[1:] if not found.get("version") else words)
        fields["version"] = version
    elif action == "keep":
        if found.get("version"):
            number, more = found["version"], rest
        else:
            number, more = _token(rest)
        fields |= {"version": number or None,
                   "note": found.get("note") or _unquote(more) or None}
    elif action == "delete":
        unknown = [w for w in words if w.lower() not in _CONFIRM_WORDS]
        if unknown:
            raise InputError(f"To delete {name!r}, say `prompt delete {name} yes`; "
                             f"{unknown[0][:30]!r} is not a confirmation.")
        fields["confirm"] = bool(words)
    return make_request(**fields)


def _no_more(action: str, extra: list[str]) -> None:
    if extra:
        raise InputError(f"Too many words after `prompt {action}` ({' '.join(extra)[:40]!r}). "
                         f"Usage: `{USAGE[action]}`")


def help_lines() -> list[tuple[str, str]]:
    """(usage, what it does) for every action, for the fronts' help."""
    return [(USAGE[a], SUMMARIES[a]) for a in ACTIONS]


# ---- executing ------------------------------------------------------------------------------
def plural(n: int, word: str) -> str:
    """'1 prompt', '2 prompts'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def newest_version(engine: Engine, team: str, name: str) -> Version | None:
    """The prompt's newest version, or None when nothing is saved under that name yet."""
    try:
        found: Version = engine.store.get(team, name)
    except InputError:
        return None
    return found


def save_with_score(engine: Engine, team: str, name: str, text: str, author: str,
                    model: str | None = None, note: str | None = None,
                    channel: str | None = None, force: bool = False) -> tuple[Version, bool]:
    """Save a version with the critique score it has now (see `save_reviewed`): (the version,
    whether it was added)."""
    version, _, added = save_reviewed(engine, team, name, text, author, model, note, channel,
                                      force=force)
    return version, added


def save_reviewed(engine: Engine, team: str, name: str, text: str, author: str,
                  model: str | None = None, note: str | None = None,
                  channel: str | None = None, rules: RulesInForce | None = None,
                  force: bool = False) -> tuple[Version, HouseRulesReport | None, bool]:
    """Save a version with the critique score it has now (the point of versioning is to see
    the score move), and the House rules part when `rules` are in force. A failing critique
    must not lose the save. The model carries over from the newest version unless given.
    Text (and model) identical to the newest version adds nothing unless `force`: then the
    result is (that version, None, False); otherwise (the new version, house rules, True)."""
    text = engine.clean(text)
    model_id = engine.resolve_model(model)
    newest = newest_version(engine, team, name)
    if newest is not None:
        if model_id is None:
            model_id = newest.model
        if not force and newest.prompt == text and newest.model == model_id:
            return newest, None, False
    house: HouseRulesReport | None = None
    try:
        # Retrieval (similar prompts) adds nothing to the score and costs time.
        result = engine.critique(text, model_id, with_retrieval=False, rules=rules)
        score: int | None = result.score
        house = result.house_rules
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - keep the user's work even if scoring breaks
        log.warning("critique failed; saving without a score", exc_info=True)
        score = None
    # The check above saves a critique when nothing changed; this one, under the prompt's row
    # lock, keeps two identical saves sent at once from adding two versions.
    version, added = engine.store.save_if_changed(team, name, text, author, model=model_id,
                                                  note=note, score=score, channel=channel,
                                                  force=force)
    return (version, house, True) if added else (version, None, False)


def unchanged_summary(v: Version, force_hint: str = "add --force") -> str:
    """What a save of the newest version's own text says; `force_hint` is how this front's
    user forces it (a flag in text commands, an option in Discord's slash command)."""
    return (f"{v.name} v{v.version} already has this text; no new version saved "
            f"({force_hint} to save it anyway).")


def _score(v: Version) -> str:
    return f", score {v.score}" if v.score is not None else ""


def execute(engine: Engine, request: PromptRequest, *, team: str, author: str,
            platform: str | None = None, channel: str | None = None) -> PromptResult:
    """Run `request` for `team` as `author`. Raises InputError for anything the user can fix
    (unknown prompt or version, unknown model, bad prompt text, delete not confirmed).
    `platform` and `channel` say where a chat asked: `save` then shows the House rules part
    for the rules in force there."""
    store, r = engine.store, request
    out: dict[str, Any] = {"action": r.action, "team": team}
    name = r.name or ""
    if r.action == "help":
        lines = [f"{u}: {s}" for u, s in help_lines()]
        return PromptResult(summary="Prompt versions: " + " | ".join(lines), **out)
    if r.action == "save":
        rules = engine.house_rules(platform, team, channel) if platform else None
        v, house, added = save_reviewed(engine, team, name, r.prompt or "", author, r.model,
                                        r.note, r.channel, rules, force=r.force)
        if not added:
            return PromptResult(summary=unchanged_summary(v), version=v, unchanged=True, **out)
        return PromptResult(summary=f"Saved {v.name} v{v.version}{_score(v)}.", version=v,
                            house_rules=house, **out)
    if r.action == "list":
        infos = store.list_names(team, channel=r.channel)
        where = f" in channel {r.channel}" if r.channel else ""
        summary = (f"{plural(len(infos), 'saved prompt')}{where}."
                   if infos else f"No prompts saved{where} yet.")
        return PromptResult(summary=summary, prompts=infos, **out)
    if r.action == "history":
        versions = store.history(team, name)
        keepers = [f"v{v.version}" for v in versions if v.keeper]
        kept = f"; keepers: {', '.join(keepers)}" if keepers else ""
        return PromptResult(summary=f"{versions[-1].name}: {len(versions)} version"
                            f"{'s' if len(versions) != 1 else ''}{kept}.",
                            versions=versions, **out)
    if r.action == "show":
        v = store.get(team, name, r.version)
        return PromptResult(summary=f"{v.name} v{v.version}{_score(v)}.", version=v, **out)
    if r.action == "diff":
        a, b = r.a, r.b
        if a is None or b is None:
            newest = store.get(team, name).version
            if a is None:
                a, b = max(1, newest - 1), newest
            else:
                b = newest
        d = store.diff(team, name, a, b)
        return PromptResult(summary=f"{d.name} v{d.a.version} -> v{d.b.version}: {d.summary}",
                            diff=d, **out)
    if r.action == "restore":
        assert r.version is not None  # PromptRequest._complete
        v = store.restore(team, name, r.version, author)
        return PromptResult(summary=f"Restored {v.name} v{r.version} as v{v.version}.",
                            version=v, restored_from=r.version, **out)
    if r.action == "keep":
        assert r.version is not None  # PromptRequest._complete
        v = store.keep(team, name, r.version, r.note)
        return PromptResult(summary=f"Marked {v.name} v{v.version} as a keeper.", version=v,
                            **out)
    # delete: say how much goes before anything does
    latest = store.get(team, name)
    if not r.confirm:
        raise ConfirmationNeeded(latest.name, latest.version)
    n = store.delete(team, name, confirm=True)
    return PromptResult(summary=f"Deleted {latest.name} ({n} version{'s' if n != 1 else ''}).",
                        deleted=n, **out)


EQUAL_CONTEXT = 6
"""Unchanged words kept on each side of a change when a diff is shown in chat."""


def marked_word_diff(d: PromptDiff, escape: Callable[[str], str], removed: str, added: str,
                     context: int = EQUAL_CONTEXT) -> str:
    """b's words with removals and additions marked by the front's own markup (`removed` and
    `added` are format strings such as "~~{}~~"), long unchanged runs elided to `context`
    words on each side."""
    out: list[str] = []
    last = len(d.words) - 1
    for i, w in enumerate(d.words):
        if w.op == "equal":
            words = w.after.split()
            head = 0 if i == 0 else context
            tail = 0 if i == last else context
            if len(words) > head + tail + 3:
                words = [*words[:head], "…", *words[len(words) - tail:]]
            out.append(escape(" ".join(words)))
            continue
        if w.before:
            out.append(removed.format(escape(w.before)))
        if w.after:
            out.append(added.format(escape(w.after)))
    return " ".join(x for x in out if x)
