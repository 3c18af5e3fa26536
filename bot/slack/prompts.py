"""`/prompt` in Slack (and `@Framecraft prompt ...` in mentions and DMs): a team's prompts
versioned like code.

The words are parsed and run by bot.core.prompt_commands, the same grammar as Discord and the
terminal chat; this module only sends the result as Block Kit. The library is the workspace's
(team or enterprise id), the author the Slack user. Replies follow the channel's visibility
setting like the other commands; errors are always private and give the user's text back.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from bot.core.house_rules.review import summary_lines
from bot.core.prompt_commands import (
    PromptResult,
    execute,
    help_lines,
    marked_word_diff,
    parse_request,
)
from bot.core.storage.records import ComponentChange, PromptDiff, PromptInfo, Version
from bot.slack import blocks as bk

if TYPE_CHECKING:
    from bot.slack.front import Send, SlackFront, Where

log = logging.getLogger(__name__)
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,30}")
"""Unchanged words kept either side of a change in the word diff; longer runs are elided."""


# ---- running ------------------------------------------------------------------------------------
def answer_prompt(front: SlackFront, text: str, where: Where, send: Send,
                  send_error: Send) -> None:
    """Run `prompt <text>` for `where` and send the reply; a problem goes privately to the
    asker through `send_error`, with their text (SlackFront.reply, the one error boundary)."""
    def work() -> list[bk.Message]:
        result = execute(front.engine, parse_request(text), team=where.team, author=where.user,
                         platform="slack", channel=where.channel)
        authors = [v.author for v in result.versions]
        if result.version is not None:
            authors.append(result.version.author)
        return prompt_messages(result, front.display_names(authors, where.team))
    front.reply(send, work, what="slack prompt", typed=f"/prompt {text}".strip(),
                send_error=send_error)


# ---- formatting -----------------------------------------------------------------------------------
def author(user: str, names: Mapping[str, str] | None = None) -> str:
    """The author by name, never as a `<@U..>` mention: a public `/prompt history` would
    notify every author. `names` maps Slack user ids to display names (SlackFront)."""
    shown = (names or {}).get(user) or user
    return f"@{bk.escape(shown)}" if _USER_ID.fullmatch(user or "") else bk.escape(shown)


def when(v: Version | PromptInfo) -> str:
    """A Slack date token: each reader sees their own time zone."""
    stamp = v.created_at if isinstance(v, Version) else v.updated_at
    return (f"<!date^{int(stamp.timestamp())}^{{date_short}} {{time}}|"
            f"{stamp:%Y-%m-%d %H:%M} UTC>")


def score(value: int | None) -> str:
    return "unscored" if value is None else f"{value}/100"


def _keeper(v: Version) -> str:
    return " :star:" if v.keeper else ""


def version_line(v: Version, names: Mapping[str, str] | None = None) -> str:
    """One compact line: version, keeper mark, score, author, model, date, note."""
    parts = [f"*v{v.version}*{_keeper(v)}", score(v.score), author(v.author, names)]
    if v.model:
        parts.append(f"`{bk.escape(v.model)}`")
    parts.append(when(v))
    line = " · ".join(parts)
    if v.note:
        line += f" · _{bk.escape(bk.clip(v.note, 200))}_"
    line += f"\n> {bk.escape(bk.clip(v.prompt, 140))}"
    if v.keeper and v.keeper_note:
        line += f"\n> :star: {bk.escape(bk.clip(v.keeper_note, 200))}"
    return line


def history_messages(name: str, versions: list[Version], summary: str,
                     names: Mapping[str, str] | None = None) -> list[bk.Message]:
    blocks = [bk.header(f"History of {name}")]
    blocks += bk.sections("\n".join(version_line(v, names) for v in reversed(versions)),
                          escaped=True)
    blocks += bk.context(f"{len(versions)} versions, newest first. "
                         f"Diff two with /prompt diff {name} A B.")
    return bk.paginate(blocks, summary)


def list_messages(result: PromptResult) -> list[bk.Message]:
    if not result.prompts:
        return bk.notice_messages(f"{result.summary} Save one with "
                                  "`/prompt save NAME PROMPT --note \"why\"`.")
    lines = []
    for p in result.prompts:
        parts = [f"*{bk.escape(p.name)}*", f"v{p.latest}", score(p.latest_score)]
        if p.keepers:
            parts.append(":star: " + ", ".join(f"v{k}" for k in p.keepers))
        if p.channel:
            parts.append(f"`{bk.escape(p.channel)}`")
        parts.append(f"updated {when(p)}")
        lines.append("• " + " · ".join(parts))
    blocks = [bk.header("Saved prompts")]
    blocks += bk.sections("\n".join(lines), escaped=True)
    return bk.paginate(blocks, result.summary)


def version_messages(v: Version, title: str, names: Mapping[str, str] | None = None,
                     house_rules: Sequence[str] = ()) -> list[bk.Message]:
    head = [f"{title}", f"*{bk.escape(v.name)}* v{v.version}{_keeper(v)}",
            f"score {score(v.score)}", f"by {author(v.author, names)}", when(v)]
    if v.model:
        head.append(f"for `{bk.escape(v.model)}`")
    blocks = bk.sections(" · ".join(x for x in head if x), escaped=True)
    blocks += bk.code_sections(v.prompt)
    if v.note:
        blocks += bk.context(f"Note: {v.note}")
    if v.keeper:
        blocks += bk.context(f"Keeper: {v.keeper_note or 'this one worked'}")
    blocks += bk.house_rules_blocks(house_rules)
    return bk.paginate(blocks, f"{title} {v.name} v{v.version}".strip())


def _change(c: ComponentChange) -> str:
    before = bk.escape(bk.clip(c.before or "", 120))
    after = bk.escape(bk.clip(c.after or "", 120))
    if c.change == "added":
        return f"`{c.component}` added: _{after}_"
    if c.change == "removed":
        return f"`{c.component}` removed (was _{before}_)"
    return f"`{c.component}` changed from _{before}_ to _{after}_"


def component_summary(d: PromptDiff) -> str:
    """"camera changed from static to slow dolly-in; lighting added", plain words."""
    if not d.components:
        return d.summary
    parts = []
    for c in d.components:
        if c.change == "added":
            parts.append(f"{c.component} added")
        elif c.change == "removed":
            parts.append(f"{c.component} removed")
        else:
            parts.append(f"{c.component} changed from {c.before} to {c.after}")
    return "; ".join(parts)


def word_diff(d: PromptDiff) -> str:
    """b's words, removals struck through and additions in bold, long unchanged runs elided."""
    return marked_word_diff(d, bk.escape, "~{}~", "*{}*")


def diff_messages(d: PromptDiff) -> list[bk.Message]:
    blocks = bk.sections(f"*{bk.escape(d.name)}* v{d.a.version} → v{d.b.version} · "
                         f"score {score(d.a.score)} → {score(d.b.score)}", escaped=True)
    if all(w.op == "equal" for w in d.words):
        blocks += bk.sections("The two versions read the same.")
        return bk.paginate(blocks, f"{d.name}: no changes")
    blocks += bk.sections(word_diff(d), escaped=True)
    if d.components:
        lines = ["*What changed, by component*"] + [f"• {_change(c)}" for c in d.components]
        blocks += bk.sections("\n".join(lines), escaped=True)
    elif not d.components_checked:
        blocks += bk.context("The component check is unavailable right now; the word "
                             "changes above are complete.")
    else:
        blocks += bk.context(d.summary)
    return bk.paginate(blocks, f"{d.name} v{d.a.version} → v{d.b.version}: "
                               f"{component_summary(d)}")


def help_messages() -> list[bk.Message]:
    lines = ["*Prompt versions*: save a team's prompts and see them improve."]
    lines += [f"• `/{bk.escape(u)}`: {bk.escape(s)}" for u, s in help_lines()]
    lines.append("In a mention or DM: `@Framecraft prompt history NAME`.")
    return bk.paginate(bk.sections("\n".join(lines), escaped=True), "Framecraft /prompt help")


def prompt_messages(result: PromptResult,
                    names: Mapping[str, str] | None = None) -> list[bk.Message]:
    """The reply to one `/prompt` command; `names`: display names of the authors by id."""
    v = result.version
    if result.action == "help":
        return help_messages()
    if result.action == "list":
        return list_messages(result)
    if result.action == "history":
        return history_messages(result.versions[-1].name, result.versions, result.summary,
                                names)
    if result.action == "diff" and result.diff is not None:
        return diff_messages(result.diff)
    if result.action == "show" and v is not None:
        return version_messages(v, "", names)
    if result.action == "save" and result.unchanged:
        return bk.notice_messages(result.summary)
    if result.action == "save" and v is not None:
        house = summary_lines(result.house_rules) if result.house_rules else []
        return version_messages(v, ":floppy_disk: Saved", names, house)
    if result.action == "restore" and v is not None:
        return version_messages(v, f":rewind: Restored v{result.restored_from} as", names)
    if result.action == "keep" and v is not None:
        return version_messages(v, ":star: Keeper:", names)
    return bk.notice_messages(f":wastebasket: {result.summary}" if result.action == "delete"
                              else result.summary)
