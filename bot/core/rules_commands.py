"""`/framecraft rules` on Slack and Discord (and `/rules` in the terminal chat): show the rules
in force and where each comes from; set (a form with the TOML, validated before it is saved),
reset, and the history of changes (who, when, diff).

The grammar and the answers live here; the fronts only check who may change rules (each
platform's own admin rule, as for `watch`), open their form and format the `RulesAnswer`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from bot.core.house_rules.stored import WORKSPACE_NAME, describe
from bot.core.house_rules.toml_file import parse_rules
from bot.core.validation import InputError

if TYPE_CHECKING:
    from bot.core.engine import Engine
    from bot.core.storage.house_rules_store import RulesChange

RulesAction = Literal["show", "set", "reset", "history"]
Level = Literal["channel", "workspace"]
ACTIONS: tuple[RulesAction, ...] = ("show", "set", "reset", "history")
ACTION_WORDS: dict[str, RulesAction] = {a: a for a in ACTIONS}
LEVEL_WORDS: dict[str, Level] = {"channel": "channel", "workspace": "workspace",
                                 "server": "workspace", "guild": "workspace"}
USAGE = "rules [set|reset|history] [channel|{workspace}]"
HISTORY_SHOWN = 10
"""The newest changes a history reply lists (each with its diff)."""
EXAMPLE = """[rules]
require = ["camera", { component = "lighting", severity = "warning" }]
ban = [{ word = "epic", reason = "say what makes it epic" }]
prefer = [{ use = "teal-and-orange grade", instead_of = ["cinematic colour"] }]
"""
"""What the form shows when a scope has no rules yet."""


@dataclass(frozen=True)
class RulesRequest:
    """A parsed `rules` command: what to do, and at which level (`set`, `reset` and `history`
    act on one level; `show` always shows the merged rules in force in the channel)."""

    action: RulesAction
    level: Level = "channel"

    @property
    def changes(self) -> bool:
        return self.action in ("set", "reset")


def usage(platform: str) -> str:
    return USAGE.format(workspace=WORKSPACE_NAME.get(platform, "workspace"))


def parse_rules_command(words: list[str], platform: str) -> RulesRequest:
    """`rules`, `rules set`, `rules reset workspace`, `rules history server`... (the words after
    `rules`). Raises InputError with the usage for anything else."""
    rest = [w.lower() for w in words]
    action = ACTION_WORDS.get(rest[0]) if rest else "show"
    level = LEVEL_WORDS.get(rest[1]) if len(rest) > 1 else "channel"
    if action is None or level is None or len(rest) > 2 or (action == "show" and len(rest) > 1):
        raise InputError(f"Usage: `/framecraft {usage(platform)}`.")
    return RulesRequest(action, level)


class ChangeLine(BaseModel):
    version: int
    action: str
    author: str
    when: str
    """UTC, `YYYY-MM-DD HH:MM`."""
    diff: str


class RulesAnswer(BaseModel):
    """What a `rules` command answers, for the fronts to format."""

    title: str
    lines: list[str] = Field(default_factory=list)
    changes: list[ChangeLine] = Field(default_factory=list)
    """history (newest first), or the one change a set or reset made."""


def where_name(platform: str, level: Level) -> str:
    return "this channel" if level == "channel" else \
        f"the whole {WORKSPACE_NAME.get(platform, 'workspace')}"


def _channel(level: Level, channel: str | None) -> str | None:
    return channel if level == "channel" else None


def show(engine: Engine, platform: str, scope: str, channel: str | None) -> RulesAnswer:
    """The rules in force in the channel, one line each, with the layer it comes from."""
    return RulesAnswer(title="House rules in force here",
                       lines=describe(engine.house_rules(platform, scope, channel)))


def current_toml(engine: Engine, platform: str, scope: str, channel: str | None,
                 level: Level) -> str:
    """The TOML the form starts from: the level's own rules, else an example to edit."""
    stored = engine.store.get_house_rules(platform, scope, _channel(level, channel))
    return stored.toml if stored is not None else EXAMPLE


def validate(toml: str) -> None:
    """Raises RulesError (with `line` and `key`) for rules that would not be saved."""
    if not toml.strip():
        raise InputError("The rules are empty: use `/framecraft rules reset` to remove them.")
    parse_rules(toml)


def _change_line(c: RulesChange) -> ChangeLine:
    return ChangeLine(version=c.version, action=c.action, author=c.author,
                      when=f"{c.created_at:%Y-%m-%d %H:%M} UTC", diff=c.diff)


def save(engine: Engine, platform: str, scope: str, channel: str | None, level: Level,
         toml: str, author: str) -> RulesAnswer:
    """Validate and store the rules for the level (a new version); RulesError if invalid,
    and then nothing is saved."""
    validate(toml)
    change = engine.store.set_house_rules(platform, scope, _channel(level, channel), toml,
                                          author)
    return RulesAnswer(title=f"House rules saved for {where_name(platform, level)} "
                             f"(version {change.version})",
                       lines=describe(engine.house_rules(platform, scope, channel)),
                       changes=[_change_line(change)])


def reset(engine: Engine, platform: str, scope: str, channel: str | None, level: Level,
          author: str) -> RulesAnswer:
    """Remove the level's rules (the layer below applies again)."""
    change = engine.store.reset_house_rules(platform, scope, _channel(level, channel), author)
    where = where_name(platform, level)
    if change is None:
        return RulesAnswer(title=f"No house rules were set for {where}; nothing changed.")
    return RulesAnswer(title=f"House rules removed for {where} (version {change.version})",
                       lines=describe(engine.house_rules(platform, scope, channel)),
                       changes=[_change_line(change)])


def history(engine: Engine, platform: str, scope: str, channel: str | None,
            level: Level) -> RulesAnswer:
    """Every change at the level, newest first (the last HISTORY_SHOWN), with its diff."""
    changes = engine.store.house_rules_history(platform, scope, _channel(level, channel))
    where = where_name(platform, level)
    if not changes:
        return RulesAnswer(title=f"No house rules changes for {where} yet.")
    shown = [_change_line(c) for c in reversed(changes)][:HISTORY_SHOWN]
    return RulesAnswer(title=f"House rules history for {where}: {len(changes)} "
                             f"change{'s' * (len(changes) != 1)}", changes=shown)


def run(engine: Engine, request: RulesRequest, platform: str, scope: str,
        channel: str | None, author: str) -> RulesAnswer:
    """Everything but `set` (which a form collects first): show, reset, history."""
    if request.action == "show":
        return show(engine, platform, scope, channel)
    if request.action == "reset":
        return reset(engine, platform, scope, channel, request.level, author)
    if request.action == "history":
        return history(engine, platform, scope, channel, request.level)
    raise InputError("Setting rules takes the form: use `/framecraft rules set`.")


def answer_text(answer: RulesAnswer) -> list[str]:
    """Plain lines of an answer (the terminal chat, tests, a fallback)."""
    out = [answer.title, *answer.lines]
    for c in answer.changes:
        out.append(f"v{c.version} {c.action} by {c.author}, {c.when}")
        out += [f"    {x}" for x in c.diff.splitlines()]
    return out
