"""The critique form (Discord's modal view), opened by `/critique` with no prompt."""

from __future__ import annotations

import discord

from bot.discord.send import run_command

MODAL_ID = "fc:critique-modal"


class CritiqueModal(discord.ui.Modal):
    """The form for long prompts (`/critique` with no prompt)."""

    def __init__(self, max_chars: int = 4000, default_model: str | None = None):
        super().__init__(title="Review a prompt", custom_id=MODAL_ID, timeout=900)
        self.prompt: discord.ui.TextInput[CritiqueModal] = discord.ui.TextInput(
            label="Prompt", style=discord.TextStyle.paragraph, custom_id="prompt",
            placeholder="Paste the video prompt", max_length=min(max_chars, 4000), required=True)
        self.model: discord.ui.TextInput[CritiqueModal] = discord.ui.TextInput(
            label="Target model (optional)", custom_id="model", required=False, max_length=60,
            placeholder="e.g. kling, runway, veo", default=default_model or None)
        self.add_item(self.prompt)
        self.add_item(self.model)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        options = {"model": self.model.value.strip()} if self.model.value.strip() else {}
        await run_command(interaction, "critique", self.prompt.value, options)
