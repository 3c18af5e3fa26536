"""`framecraft discord`: run the Discord bot over the gateway, or `--http --port N` as a
stateless interactions endpoint at /interactions.

The token and public key come from the environment or `.env` (DISCORD_TOKEN,
DISCORD_PUBLIC_KEY); a missing one is named in one line and the exit is non-zero. The token is
never printed or logged.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from rich.console import Console

from bot.core.engine import Engine
from bot.logs import configure_logging


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("discord", help="run the Discord bot (gateway, or an HTTP interactions "
                                       "endpoint with --http)")
    p.add_argument("action", nargs="?", choices=("invite-url",),
                   help="invite-url: print the link that adds the bot to a server, with exactly "
                        "the scopes and permissions it uses (needs DISCORD_APPLICATION_ID)")
    p.add_argument("--http", action="store_true",
                   help="serve Discord's interactions at /interactions instead of connecting to "
                        "the gateway (stateless; run several behind a load balancer)")
    p.add_argument("--host", default="0.0.0.0",  # noqa: S104
                   help="address to listen on (HTTP mode, or the gateway's status port)")
    p.add_argument("--port", type=int, default=8080, help="port to listen on (HTTP mode)")
    p.add_argument("--status-port", type=int, default=None,
                   help="gateway mode: serve /livez and /readyz on this port (default "
                        "FRAMECRAFT_STATUS_PORT, 8081; 0 turns it off)")
    p.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    from bot.discord.client import DiscordConfigError, run_gateway, token_of

    settings = engine.settings
    if args.action == "invite-url":
        from bot.discord.invite import invite_url

        try:
            print(invite_url(str(settings.discord_application_id or "").strip()))
        except ValueError as e:
            return _fail(str(e))
        return 0
    try:
        configure_logging(settings)  # level and format for the whole `bot` tree
    except ValueError as e:
        return _fail(str(e))
    if args.http:
        from bot.discord.http import serve, verify_key_of

        if not 0 < args.port < 65536:
            return _fail(f"--port must be between 1 and 65535, not {args.port}.")
        try:
            verify_key_of(settings)
        except DiscordConfigError as e:
            return _fail(str(e))
        # Only once the settings are known good: a config error is one line, not a model load.
        engine.enable_semantic_ethics()  # a long-running front: the full ethics review
        engine.warm_up(freeze_heap=True)  # model and index load in the background; /healthz says when ready
        console.print(f"Framecraft Discord interactions endpoint on "
                      f"http://{args.host}:{args.port}/interactions")
        serve(engine, settings, args.host, args.port)
        return 0
    if args.status_port is not None and not 0 <= args.status_port < 65536:
        return _fail(f"--status-port must be between 0 and 65535, not {args.status_port}.")
    try:
        token_of(settings)
    except DiscordConfigError as e:
        return _fail(str(e))
    import discord

    engine.enable_semantic_ethics()  # after the checks above, as in HTTP mode
    engine.warm_up(freeze_heap=True)
    console.print("Framecraft Discord bot connecting to the gateway. Ctrl-C stops it.")
    try:
        asyncio.run(run_gateway(engine, settings, args.host, args.status_port))
    except discord.LoginFailure:
        return _fail("Discord refused DISCORD_TOKEN; reset it in the Developer Portal → Bot.")
    except discord.PrivilegedIntentsRequired:
        return _fail("DISCORD_MESSAGE_CONTENT is set but the Message Content intent is not "
                     "enabled in the Developer Portal → Bot; enable it or unset the variable.")
    return 0
