"""`framecraft forget --user ID`: remove one person's saved prompts, reviews and feedback from
the database the bots use (a request to be forgotten that came by email, say).

It first counts what would go. On a terminal it asks to confirm; otherwise (a script) it
prints the count and removes nothing unless `--yes` is given. Prompts only that person saved
are deleted; their versions in prompts others also saved stay, with the author shown as
`removed`, so the others' history still reads in order.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from sqlalchemy.exc import SQLAlchemyError

from bot.core.engine import Engine
from bot.core.storage.engine import safe_url

PLATFORMS = ("slack", "discord")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("forget", help="remove a person's saved prompts, reviews and feedback")
    p.add_argument("--user", required=True, metavar="ID",
                   help="the person's id: a Slack user id (U...), a Discord user id, or the "
                        "author name of `framecraft prompt save`")
    p.add_argument("--platform", choices=PLATFORMS,
                   help="only their reviews and feedback on this platform (default: all)")
    p.add_argument("--team", metavar="T",
                   help="only in this Slack workspace or Discord server id (default: all)")
    p.add_argument("--yes", action="store_true", help="remove without asking")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=run)


def _confirmed(args: argparse.Namespace) -> bool | None:
    """True to go ahead; False when the person said no; None when nobody could be asked."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        return None
    answer = input("Remove these? [y/N] ").strip().lower()
    return answer in ("y", "yes")


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    err = Console(stderr=True, highlight=False)
    user = str(args.user).strip()
    if not user:
        err.print("[red]error:[/red] --user is empty.")
        return 2
    store = engine.store
    try:
        counts = store.user_counts(user, args.platform, args.team)
        if counts.total == 0:
            if args.json:
                print(json.dumps({"removed": False, **counts.model_dump()}))
            else:
                console.print(f"Nothing is kept for {user!r}.", soft_wrap=True)
            return 0
        if not args.json:
            console.print(f"For {user!r}: {counts.summary()}.", soft_wrap=True, highlight=False)
        go = _confirmed(args)
        if not go:
            if args.json:
                print(json.dumps({"removed": False, **counts.model_dump()}))
            if go is None:
                err.print("Nothing removed: add --yes to remove (no terminal to ask on).")
            else:
                err.print("Nothing removed.")
            return 1
        done = store.forget_user(user, args.platform, args.team)
    except SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).splitlines()[0][:200]
        err.print(f"[red]error:[/red] the database at "
                  f"{safe_url(engine.settings.effective_database_url)} is not usable: {reason}."
                  " Run `framecraft doctor`.", soft_wrap=True)
        return 1
    if args.json:
        print(json.dumps({"removed": True, **done.model_dump()}))
    else:
        console.print(f"Removed: {done.summary()}.", soft_wrap=True, highlight=False)
    return 0
