"""App commands. The table's commands (critique, translate, compare, ethics, ask, about) are
generated from their specs (bot.core.command_table): name, description, options with their
descriptions, which are required and which autocomplete model names. `/help` and `/settings`
are written out here; `/prompt` is bot.discord.prompts, `/framecraft` the review channels'.

Each callback only gathers what the user gave and hands it to `run_command` (defer, engine in
a thread, follow up); the words and the formatting live in the front and the formatters.
"""

from __future__ import annotations

import asyncio
import inspect
import keyword
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from bot.core.command_table import Arg, CommandSpec, discord_app_commands
from bot.discord.front import VISIBILITIES
from bot.discord.listeners.views import CritiqueModal
from bot.discord.send import front_for, run_command, send_reply, where_of
from bot.discord.sequence import SequenceModal

FORM_HINT = " (leave empty to open a form for long prompts)"


async def model_autocomplete(interaction: discord.Interaction,
                             current: str) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=label, value=mid)
            for label, mid in front_for(interaction).model_choices(current)]


AUTOCOMPLETE = {"models": model_autocomplete}


def py_name(arg: Arg) -> str:
    """The callback's parameter for an option (`from` is a keyword: `source`, renamed)."""
    return "source" if arg.name == "from" else arg.name if not keyword.iskeyword(arg.name) \
        else f"{arg.name}_"


def _required(spec: CommandSpec, arg: Arg) -> bool:
    return arg.required and not (arg.main and spec.form_when_empty)


async def _open_form(interaction: discord.Interaction, model: str | None,
                     name: str = "critique") -> None:
    front = front_for(interaction)
    default = await asyncio.to_thread(front.setting, where_of(interaction), "model")
    form = SequenceModal if name == "sequence" else CritiqueModal
    await interaction.response.send_modal(
        form(front.engine.settings.max_prompt_chars, model or default))


def spec_command(spec: CommandSpec) -> app_commands.Command[Any, ..., None]:
    """The app command for a spec: a callback whose signature discord.py reads for the
    options, calling `run_command` with the text and options by their table names."""
    async def callback(interaction: discord.Interaction, **values: Any) -> None:
        main = spec.main_arg
        text = str(values.get(py_name(main)) or "") if main else ""
        options = {a.name: str(values[py_name(a)]) for a in spec.options if values.get(py_name(a))}
        if spec.form_when_empty and not text.strip():
            await _open_form(interaction, options.get("model"), spec.name)
            return
        await run_command(interaction, spec.name, text, options)

    params = [inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                annotation=discord.Interaction)]
    ordered = sorted(spec.args, key=lambda a: not _required(spec, a))  # required ones first
    for arg in ordered:
        required = _required(spec, arg)
        params.append(inspect.Parameter(
            py_name(arg), inspect.Parameter.POSITIONAL_OR_KEYWORD,
            annotation=str if required else str | None,
            default=inspect.Parameter.empty if required else None))
    callback.__dict__["__signature__"] = inspect.Signature(params)
    callback.__name__ = callback.__qualname__ = spec.name

    command: app_commands.Command[Any, ..., None] = app_commands.Command(
        name=spec.name, description=spec.discord_description or "",
        callback=_as_callback(callback))
    describe = {py_name(a): a.help + (FORM_HINT if a.main and spec.form_when_empty else "")
                for a in spec.args}
    app_commands.describe(**describe)(command)
    renames = {py_name(a): a.name for a in spec.args if py_name(a) != a.name}
    if renames:
        app_commands.rename(**renames)(command)
    completes = {py_name(a): AUTOCOMPLETE[a.autocomplete] for a in spec.args if a.autocomplete}
    if completes:
        app_commands.autocomplete(**completes)(command)
    return command


def _as_callback(f: Callable[..., Awaitable[None]]) -> Any:
    """discord.py types the callback by its parameters; ours are built at run time."""
    return f


@app_commands.command(name="help", description="How to use Framecraft")
async def help_command(interaction: discord.Interaction) -> None:
    await send_reply(interaction, front_for(interaction).help())


@app_commands.command(name="settings", description="See or change this server's Framecraft "
                                                   "settings (Manage Server to change)")
@app_commands.describe(model="Default model for critiques here ('none' to clear)",
                       replies="Whether replies are public or only visible to the asker")
@app_commands.choices(replies=[app_commands.Choice(name=v, value=v) for v in VISIBILITIES])
@app_commands.autocomplete(model=model_autocomplete)
async def settings(interaction: discord.Interaction, model: str | None = None,
                   replies: app_commands.Choice[str] | None = None) -> None:
    front = front_for(interaction)
    reply = await asyncio.to_thread(front.settings, where_of(interaction), model,
                                    replies.value if replies else None)
    await send_reply(interaction, reply)


TABLE_COMMANDS: tuple[app_commands.Command[Any, ..., None], ...] = tuple(
    spec_command(spec) for spec in discord_app_commands())
COMMANDS: tuple[app_commands.Command[Any, ..., None], ...] = (
    *TABLE_COMMANDS, help_command, settings)


def register(tree: app_commands.CommandTree[Any]) -> None:
    for command in COMMANDS:
        tree.add_command(command)
