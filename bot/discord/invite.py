"""The link that adds Framecraft to a Discord server, with exactly the OAuth2 scopes and bot
permissions the bot uses (`framecraft discord invite-url`). Each permission says which code
needs it; tests/discord_front/test_discord_invite.py checks the list against the code, so a new
capability without its permission (or a permission nothing uses) fails."""

from __future__ import annotations

import urllib.parse

import discord

AUTHORIZE_URL = "https://discord.com/oauth2/authorize"

SCOPES: dict[str, str] = {
    "bot": "the bot user: mentions, review channels, ethics notes, weekly digests",
    "applications.commands": "the slash commands and the message command",
}

PERMISSIONS: dict[str, str] = {
    "view_channel": "see the channels it answers and watches (discord.py: read_messages)",
    "send_messages": "answer mentions in place, post reviews, notes and digests",
    "send_messages_in_threads": "answer inside the threads it starts and forum posts",
    "create_public_threads": "answer a mention or review a prompt in a thread of its own",
    "embed_links": "every answer is an embed",
    "attach_files": "the insights chart on a mention and in the weekly digest",
    "read_message_history": "reply to the message it reviews (a message reference)",
}


def permissions() -> discord.Permissions:
    return discord.Permissions(**dict.fromkeys(PERMISSIONS, True))


def invite_url(application_id: str) -> str:
    """The install link for `application_id` (the Developer Portal's Application ID)."""
    if not application_id:
        raise ValueError("DISCORD_APPLICATION_ID is not set (Developer Portal → General "
                         "Information → Application ID).")
    if not application_id.isdigit():
        raise ValueError("DISCORD_APPLICATION_ID must be the application's numeric id "
                         "(Developer Portal → General Information → Application ID).")
    query = urllib.parse.urlencode({"client_id": application_id,
                                    "scope": " ".join(SCOPES),
                                    "permissions": str(permissions().value)})
    return f"{AUTHORIZE_URL}?{query}"
