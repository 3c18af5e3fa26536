"""`framecraft slack`: run the Slack front, over HTTP (`--http --port N`) or Socket Mode.

Tokens come from the environment or `.env` (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET,
SLACK_APP_TOKEN); a missing one is named in one line and the exit is non-zero.
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console

from bot.core.engine import Engine
from bot.logs import configure_logging


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("slack", help="run the Slack bot (HTTP endpoint or Socket Mode)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--http", action="store_true",
                      help="serve Slack's requests at /slack/events (the default)")
    mode.add_argument("--socket", action="store_true",
                      help="connect out over Socket Mode (needs SLACK_APP_TOKEN)")
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (HTTP mode)")  # noqa: S104
    p.add_argument("--port", type=int, default=3000, help="port to listen on (HTTP mode)")
    p.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    from bot.slack.app import SlackConfigError, build_app
    from bot.slack.server import serve_http, serve_socket

    settings = engine.settings
    if not 0 < args.port < 65536:
        return _fail(f"--port must be between 1 and 65535, not {args.port}.")
    app_token = settings.slack_app_token.get_secret_value() if settings.slack_app_token else ""
    if args.socket and not app_token:
        return _fail("SLACK_APP_TOKEN is not set (an xapp- app-level token with "
                     "connections:write, needed for Socket Mode).")
    try:
        configure_logging(settings)  # level and format for the whole `bot` tree
    except ValueError as e:
        return _fail(str(e))
    try:
        app = build_app(engine, settings, socket_mode=args.socket)
    except SlackConfigError as e:
        return _fail(str(e))
    except Exception as e:  # noqa: BLE001 (e.g. auth.test refused the token)
        return _fail(f"could not start the Slack app: {type(e).__name__}: {e}")
    # Only once the settings are known good: a config error is one line, not a model load.
    engine.enable_semantic_ethics()  # a long-running front: the full ethics review, warmed now
    engine.warm_up(freeze_heap=True)  # model and index load in the background; /healthz says when ready
    if args.socket:
        console.print("Framecraft Slack bot connected over Socket Mode. Ctrl-C stops it.")
        serve_socket(app, app_token)
        return 0
    secret = (settings.slack_signing_secret.get_secret_value()
              if settings.slack_signing_secret else "")  # build_app checked it is set
    console.print(f"Framecraft Slack bot listening on http://{args.host}:{args.port}/slack/events")
    if app.oauth_flow is not None:
        console.print(f"Add to Slack page: http://{args.host}:{args.port}/slack/install "
                      "(behind your public URL)")
    serve_http(app, secret, args.host, args.port, settings.log_level)
    return 0
