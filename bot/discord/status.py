"""Health endpoints for the Discord fronts: `/readyz` for the HTTP interactions endpoint, and a
small status port for the gateway bot (which otherwise serves no HTTP at all), so compose and
orchestrators probe the bot itself instead of running `framecraft doctor`.

The gateway bot's `/readyz` adds one check to the database and the index: its gateway
connection (every shard open and the client ready).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web

from bot.core.health import Check, Readiness

log = logging.getLogger(__name__)

DEFAULT_STATUS_PORT = 8081
"""The gateway bot's status port (FRAMECRAFT_STATUS_PORT; 0 turns it off). Not 8080, the
HTTP interactions endpoint's default, so both can run on one host."""


async def readyz_response(readiness: Readiness) -> web.Response:
    """200 with the checks when ready, 503 with them otherwise."""
    ready, body = await asyncio.to_thread(readiness.report)  # the probes block
    return web.json_response(body, status=200 if ready else 503,
                             headers={"Cache-Control": "no-store"})


def gateway_check(client: Any) -> Check:
    """Whether the gateway connection is up: the client has received READY and no shard's
    websocket is closed. discord.py reconnects by itself; until it has, this says so."""
    if client.is_closed():
        return Check(False, "closed")
    if not client.is_ready():
        return Check(False, "connecting")
    shards = getattr(client, "shards", None) or {}
    down = sorted(shard_id for shard_id, shard in shards.items() if shard.is_closed())
    if down:
        return Check(False, "disconnected", f"shards down: {down}")
    return Check(True, "connected", f"{len(shards) or 1} shard(s)")


def status_app(readiness: Readiness) -> web.Application:
    """`/livez`, `/readyz` and `/healthz` (the warm-up alone, as on the other servers)."""
    from bot.core.retrieval.warmup import readiness as warm_up_state

    async def live(_request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async def ready(_request: web.Request) -> web.Response:
        return await readyz_response(readiness)

    async def health(_request: web.Request) -> web.Response:
        ok, status = warm_up_state()
        return web.json_response({"ok": ok, "status": status}, status=200 if ok else 503)

    app = web.Application(client_max_size=1024)
    app.router.add_get("/livez", live)
    app.router.add_get("/readyz", ready)
    app.router.add_get("/healthz", health)
    return app


async def start_status_server(engine: Any, client: Any, host: str,
                              port: int) -> web.AppRunner | None:
    """Serve the gateway bot's status on `host:port` in the running loop; returns the runner
    to clean up. A port already taken is logged and the bot runs on without it (its health
    check then fails, which is where the mistake shows), rather than taking the bot down."""
    readiness = Readiness(engine, "discord-gateway", {"gateway": lambda: gateway_check(client)})
    runner = web.AppRunner(status_app(readiness), access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as e:
        log.error("discord: cannot serve the status port %s:%d (%s); /readyz is not served. "
                  "Set FRAMECRAFT_STATUS_PORT to a free port, or 0.", host, port, e.strerror)
        await runner.cleanup()
        return None
    log.info("discord: status on http://%s:%d/readyz", host, port)
    return runner
