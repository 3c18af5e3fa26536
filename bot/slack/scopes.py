"""The Slack bot scopes Framecraft asks for, each with the reason, in one place: the manifest's
`oauth_config` is rendered from it (bot.slack.manifest), the OAuth install asks for exactly these
unless SLACK_SCOPES says otherwise (bot.slack.oauth), and the README's table lists them."""

from __future__ import annotations

BOT_SCOPES: dict[str, str] = {
    "app_mentions:read": "answer `@Framecraft ...` mentions",
    "channels:history": "review channels and ethics notes: messages in public channels",
    "channels:read": "conversations.info: who created a channel (may switch it)",
    "chat:write": "post answers, reviews in threads, notes and digests",
    "commands": "the slash commands",
    "files:write": "the insights chart and weekly digests (files upload v2), App Home's chart",
    "groups:history": "the same in private channels the bot was invited to",
    "groups:read": "conversations.info for private channels",
    "im:history": "direct messages to the bot",
    "im:read": "know a direct message conversation",
    "im:write": "answer in direct messages",
    "users:read": "users.info: workspace admins and owners, the digest's time zone, names, members' locales",
}
