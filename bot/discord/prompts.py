"""`/prompt` in Discord: the app command group (save, list, history, show, diff, restore, keep,
delete), `@Framecraft prompt ...` mentions, the HTTP endpoint's side of it, and the embeds.

Requests are built and run by bot.core.prompt_commands (the grammar Slack and the chat share),
for the server's library (`guild id`; in DMs a personal one, `dm:<user>`) with the member as
author. Deleting needs `confirm:True`; without it the reply says what would go and how to
confirm. Replies follow the server's visibility setting; errors are for the asker only.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Mapping, Sequence
from typing import Any

import discord
from discord import app_commands

from bot.core.house_rules.review import summary_lines
from bot.core.prompt_commands import (
    ConfirmationNeeded,
    PromptRequest,
    PromptResult,
    execute,
    help_lines,
    make_request,
    marked_word_diff,
    parse_request,
    unchanged_summary,
)
from bot.core.storage.records import ComponentChange, PromptDiff, Version
from bot.discord import embeds as em
from bot.discord.front import PLATFORM, DiscordFront, Reply, Where
from bot.discord.send import front_for, run_deferred, where_of

log = logging.getLogger(__name__)

NAMES_TTL_S = 5.0
"""Autocomplete asks on every keystroke; the team's names are read at most this often."""
_names_cache: dict[tuple[str, str], tuple[float, list[str]]] = {}
"""(database url, scope) -> (read at, names)."""
_names_lock = threading.Lock()


# ---- running ------------------------------------------------------------------------------------
def _forget_names(front: DiscordFront, scope: str) -> None:
    with _names_lock:
        _names_cache.pop((str(front.engine.store.url), scope), None)


def prompt_reply(front: DiscordFront, request: Mapping[str, Any] | str, where: Where,
                 ephemeral: bool = False) -> Reply:
    """Run a prompt command (option fields, or the words of a mention) for `where`. Never
    raises: problems come back as an ephemeral error reply with the user's text."""
    typed = request if isinstance(request, str) else str(request.get("prompt") or "")

    def work() -> Reply:
        try:
            parsed: PromptRequest = (parse_request(request) if isinstance(request, str)
                                     else make_request(**request))
            result = execute(front.engine, parsed, team=where.scope, author=where.user,
                             platform=PLATFORM, channel=where.channel)
        except ConfirmationNeeded as e:
            n = e.versions
            return Reply(em.pages(em.error_embeds(
                f"Deleting {e.name} removes all {n} version{'s' if n != 1 else ''}. To delete "
                f"it, run /prompt delete name:{e.name} confirm:True.")), ephemeral=True,
                error=True)
        if result.action in ("save", "delete", "restore"):
            _forget_names(front, where.scope)
        return Reply(em.pages(prompt_embeds(result)), ephemeral=ephemeral)
    return front.guard(work, what="discord prompt", typed=typed, echo_after=0)


def prepared_prompt(front: DiscordFront, request: Mapping[str, Any] | str,
                    where: Where) -> Reply:
    """The cooldown and visibility, then the prompt command (in the front's workers, after
    the deferral). Never raises."""
    def work() -> Reply:
        prepared = front.prepare("prompt", where)
        if prepared.refusal is not None:
            return prepared.refusal
        return prompt_reply(front, request, where, prepared.ephemeral)
    return front.guard(work, what="discord prompt")


async def run_prompt(interaction: discord.Interaction, fields: dict[str, Any]) -> None:
    """Defer within Discord's 3 seconds (saving runs a critique), work on the front's engine
    pool, follow up (bot.discord.send.run_deferred)."""
    front = front_for(interaction)
    where = where_of(interaction)
    await run_deferred(interaction, front, False,
                       lambda: prepared_prompt(front, fields, where))


def prompt_names(front: DiscordFront, scope: str, current: str) -> list[str]:
    """The team's prompt names matching what was typed (prefix matches first), at most 25."""
    now, key = time.monotonic(), (str(front.engine.store.url), scope)
    with _names_lock:
        cached = _names_cache.get(key)
    if cached is None or now - cached[0] > NAMES_TTL_S:
        names = [p.name for p in front.engine.store.list_names(scope)]
        with _names_lock:
            _names_cache[key] = (now, names)
    else:
        names = cached[1]
    typed = (current or "").casefold().strip()
    ranked = sorted((0 if n.casefold().startswith(typed) else 1, n.casefold(), n)
                    for n in names if typed in n.casefold())
    return [n for _, _, n in ranked[: em.MAX_CHOICES]]


# ---- the app command group -----------------------------------------------------------------------
async def name_autocomplete(interaction: discord.Interaction,
                            current: str) -> list[app_commands.Choice[str]]:
    front = front_for(interaction)
    names = await asyncio.to_thread(prompt_names, front, where_of(interaction).scope, current)
    return [app_commands.Choice(name=n, value=n) for n in names]


async def model_autocomplete(interaction: discord.Interaction,
                             current: str) -> list[app_commands.Choice[str]]:
    front = front_for(interaction)
    return [app_commands.Choice(name=label, value=mid)
            for label, mid in front.model_choices(current)]


prompt_group = app_commands.Group(
    name="prompt", description="Keep the server's prompts versioned like code: save, history, "
                               "diff, restore")
NAME = "The prompt's name, e.g. hero-shot"
VersionNumber = app_commands.Range[int, 1, 1_000_000]


@prompt_group.command(name="save", description="Save a new version (its critique score is "
                                               "recorded)")
@app_commands.describe(name=NAME, prompt="The video prompt", model="The model it is for",
                       note="What changed and why (up to 500 characters)",
                       channel="File it under a channel or project",
                       force="Save even when the text and model equal the newest version's")
@app_commands.autocomplete(name=name_autocomplete, model=model_autocomplete)
async def save(interaction: discord.Interaction, name: str, prompt: str,
               model: str | None = None, note: str | None = None,
               channel: str | None = None, force: bool = False) -> None:
    await run_prompt(interaction, {"action": "save", "name": name, "prompt": prompt,
                                   "model": model, "note": note, "channel": channel,
                                   "force": force})


@prompt_group.command(name="list", description="The server's saved prompts")
@app_commands.describe(channel="Only prompts filed under this channel or project")
async def list_(interaction: discord.Interaction, channel: str | None = None) -> None:
    await run_prompt(interaction, {"action": "list", "channel": channel})


@prompt_group.command(name="history", description="Every version: author, score, keeper, note")
@app_commands.describe(name=NAME)
@app_commands.autocomplete(name=name_autocomplete)
async def history(interaction: discord.Interaction, name: str) -> None:
    await run_prompt(interaction, {"action": "history", "name": name})


@prompt_group.command(name="show", description="One version (the newest by default)")
@app_commands.describe(name=NAME, version="The version number (default: the newest)")
@app_commands.autocomplete(name=name_autocomplete)
async def show(interaction: discord.Interaction, name: str,
               version: VersionNumber | None = None) -> None:
    await run_prompt(interaction, {"action": "show", "name": name, "version": version})


@prompt_group.command(name="diff", description="What changed between two versions, word by "
                                               "word and component by component")
@app_commands.describe(name=NAME, a="The older version (default: the one before the newest)",
                       b="The newer version (default: the newest)")
@app_commands.autocomplete(name=name_autocomplete)
async def diff(interaction: discord.Interaction, name: str, a: VersionNumber | None = None,
               b: VersionNumber | None = None) -> None:
    await run_prompt(interaction, {"action": "diff", "name": name, "a": a, "b": b})


@prompt_group.command(name="restore", description="Save an old version again as the newest")
@app_commands.describe(name=NAME, version="The version to bring back")
@app_commands.autocomplete(name=name_autocomplete)
async def restore(interaction: discord.Interaction, name: str, version: VersionNumber) -> None:
    await run_prompt(interaction, {"action": "restore", "name": name, "version": version})


@prompt_group.command(name="keep", description="Mark the version that worked")
@app_commands.describe(name=NAME, version="The version that worked",
                       note="A link to the output, or a note about it")
@app_commands.autocomplete(name=name_autocomplete)
async def keep(interaction: discord.Interaction, name: str, version: VersionNumber,
               note: str | None = None) -> None:
    await run_prompt(interaction, {"action": "keep", "name": name, "version": version,
                                   "note": note})


@prompt_group.command(name="delete", description="Delete a prompt and all its versions")
@app_commands.describe(name=NAME, confirm="True to really delete every version")
@app_commands.autocomplete(name=name_autocomplete)
async def delete(interaction: discord.Interaction, name: str, confirm: bool = False) -> None:
    await run_prompt(interaction, {"action": "delete", "name": name, "confirm": confirm})


# ---- the HTTP endpoint's side -------------------------------------------------------------------
def http_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """Request fields from an interaction's `data` for the group: its one subcommand option
    and that subcommand's own options."""
    sub: dict[str, Any] = next((o for o in data.get("options") or [] if o.get("type") == 1), {})
    fields: dict[str, Any] = {"action": str(sub.get("name") or "help")}
    for o in sub.get("options") or []:
        if o.get("name") in PromptRequest.model_fields and o.get("name") != "action":
            fields[o["name"]] = o.get("value")
    return fields


def http_autocomplete(front: DiscordFront, data: Mapping[str, Any],
                      where: Where) -> list[tuple[str, str]]:
    """(label, value) choices for the focused option of a subcommand: names or models."""
    sub: dict[str, Any] = next((o for o in data.get("options") or [] if o.get("type") == 1), {})
    focused: dict[str, Any] = next((o for o in sub.get("options") or [] if o.get("focused")), {})
    value = str(focused.get("value") or "")
    if focused.get("name") == "model":
        return front.model_choices(value)
    if focused.get("name") == "name":
        return [(n, n) for n in prompt_names(front, where.scope, value)]
    return []


# ---- embeds ---------------------------------------------------------------------------------------
def _score(value: int | None) -> str:
    return "unscored" if value is None else f"{value}/100"


def _author(user: str) -> str:
    return f"<@{user}>" if user.isdigit() else em.escape(user)


def _when(v: Version) -> str:
    return f"<t:{int(v.created_at.timestamp())}:f>"


def _colour(score: int | None) -> discord.Colour:
    return em.COLOUR_INFO if score is None else em.score_colour(score)


def history_embeds(versions: list[Version]) -> list[discord.Embed]:
    p = em.EmbedPacker(f"History of {versions[-1].name}", em.COLOUR_INFO,
                       footer=f"{len(versions)} versions, newest first")
    for v in reversed(versions):
        star = " ⭐" if v.keeper else ""
        model = f" · {v.model}" if v.model else ""
        lines = [f"by {_author(v.author)} · {_when(v)}"]
        if v.note:
            lines[0] += f" · *{em.escape(em.clip(v.note, 200))}*"
        lines.append(f"> {em.escape(em.clip(v.prompt, 160))}")
        if v.keeper and v.keeper_note:
            lines.append(f"⭐ {em.escape(em.clip(v.keeper_note, 200))}")
        p.field(f"v{v.version}{star} · {_score(v.score)}{model}", "\n".join(lines))
    return p.finish()


def list_embeds(result: PromptResult) -> list[discord.Embed]:
    p = em.EmbedPacker("Saved prompts", em.COLOUR_INFO, footer=result.summary)
    if not result.prompts:
        return p.text("Nothing saved yet. Save one with `/prompt save`.").finish()
    lines = []
    for info in result.prompts:
        parts = [f"**{em.escape(info.name)}**", f"v{info.latest}", _score(info.latest_score)]
        if info.keepers:
            parts.append("⭐ " + ", ".join(f"v{k}" for k in info.keepers))
        if info.channel:
            parts.append(f"`{em.clip(info.channel, 64)}`")
        parts.append(f"<t:{int(info.updated_at.timestamp())}:R>")
        lines.append("• " + " · ".join(parts))
    return p.text("\n".join(lines)).finish()


def version_embeds(v: Version, title: str, house_rules: Sequence[str] = ()) -> list[discord.Embed]:
    star = " ⭐" if v.keeper else ""
    p = em.EmbedPacker(f"{title}{v.name} v{v.version}{star}", _colour(v.score))
    facts = [f"score **{_score(v.score)}**", f"by {_author(v.author)}", _when(v)]
    if v.model:
        facts.append(f"for `{em.clip(v.model, 64)}`")
    p.text(" · ".join(facts))
    p.code(v.prompt)
    if v.note:
        p.field("Note", em.escape(v.note))
    if v.keeper:
        p.field("Keeper", em.escape(v.keeper_note or "this one worked"))
    em.house_rules_field(p, house_rules)
    return p.finish()


def _change(c: ComponentChange) -> str:
    before, after = em.escape(em.clip(c.before or "", 120)), em.escape(em.clip(c.after or "", 120))
    if c.change == "added":
        return f"`{c.component}` added: *{after}*"
    if c.change == "removed":
        return f"`{c.component}` removed (was *{before}*)"
    return f"`{c.component}` changed from *{before}* to *{after}*"


def word_diff(d: PromptDiff) -> str:
    """b's words, removals struck through and additions in bold, long unchanged runs elided."""
    return marked_word_diff(d, em.escape, "~~{}~~", "**{}**")


def diff_embeds(d: PromptDiff) -> list[discord.Embed]:
    p = em.EmbedPacker(f"{d.name}: v{d.a.version} → v{d.b.version}", _colour(d.b.score),
                       footer=f"score {_score(d.a.score)} → {_score(d.b.score)}")
    if all(w.op == "equal" for w in d.words):
        return p.text("The two versions read the same.").finish()
    p.text(word_diff(d))
    if d.components:
        p.field("What changed, by component", "\n".join(f"• {_change(c)}" for c in d.components))
    elif not d.components_checked:
        p.field("Components", "The component check is unavailable right now.")
    else:
        p.field("Components", em.escape(d.summary))
    return p.finish()


def help_embed_list() -> list[discord.Embed]:
    p = em.EmbedPacker("/prompt: the server's prompts, versioned", em.COLOUR_INFO)
    for usage, what in help_lines():
        p.field(f"/{usage}", what)
    p.text("Use the slash command's options, or mention me: `@Framecraft prompt history NAME`.")
    return p.finish()


def prompt_embeds(result: PromptResult) -> list[discord.Embed]:
    v = result.version
    if result.action == "history":
        return history_embeds(result.versions)
    if result.action == "list":
        return list_embeds(result)
    if result.action == "diff" and result.diff is not None:
        return diff_embeds(result.diff)
    if result.action == "show" and v is not None:
        return version_embeds(v, "")
    if result.action == "save" and result.unchanged and v is not None:
        hint = "set the `force` option (or add --force in a mention)"
        return em.notice_embeds(unchanged_summary(v, force_hint=hint))
    if result.action == "save" and v is not None:
        house = summary_lines(result.house_rules) if result.house_rules else []
        return version_embeds(v, "💾 Saved ", house)
    if result.action == "restore" and v is not None:
        return version_embeds(v, f"⏪ Restored v{result.restored_from} as ")
    if result.action == "keep" and v is not None:
        return version_embeds(v, "⭐ Keeper: ")
    if result.action == "help":
        return help_embed_list()
    return em.notice_embeds(f"🗑️ {result.summary}")
