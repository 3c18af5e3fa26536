"""`framecraft about`: the version, the models and the data sources (the chat's `about`).

Not yet listed in bot.cli.SUBCOMMAND_MODULES (that file was being reworked for lazy imports):
add "about" there to enable it.
"""

from __future__ import annotations

import argparse
from typing import cast

from rich.console import Console

from bot.cli.chat import CHAT_HANDLERS
from bot.core.command_table import About, CommandCall, run_command
from bot.core.engine import Engine


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("about", help="the version, the models and the data sources")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    outcome = run_command(engine, "about", CommandCall())
    if args.json:
        print(cast(About, outcome.result).model_dump_json())
        return 0
    CHAT_HANDLERS["about"](outcome, engine, console)
    return 0
