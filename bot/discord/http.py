"""The stateless HTTP interactions endpoint (`framecraft discord --http`).

Discord POSTs each interaction to /interactions, signed with Ed25519 over timestamp + body; a
request whose signature does not verify with DISCORD_PUBLIC_KEY gets 401 (Discord sends forged
ones on purpose to check). PING gets PONG. Quick answers (help, settings, feedback,
autocomplete, the modal) go back in the HTTP response; engine work is deferred (type 5) and
its result sent to the interaction's webhook on DISCORD_API_URL. No state is kept between
requests beyond the database, so replicas can sit behind a load balancer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
from aiohttp import web
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from bot.config import Settings
from bot.core.availability import first_time
from bot.core.command_table import SORRY, discord_app_commands
from bot.core.critique.messages import language_for_locale
from bot.core.health import Readiness
from bot.discord.embeds import Page
from bot.discord.forget import forget_reply, forget_request
from bot.discord.front import DiscordConfigError, DiscordFront, Reply, Where
from bot.discord.insights import digest_reply, privacy_reply
from bot.discord.listeners.actions import ReviewView, parse_custom_id
from bot.discord.listeners.views import MODAL_ID, CritiqueModal
from bot.discord.prompts import http_autocomplete, http_fields, prepared_prompt
from bot.discord.review_channels import admin_command, full_review
from bot.discord.sequence import (
    CONTEXT_MENU_NAME,
    SEQUENCE_MODAL_ID,
    SequenceModal,
    modal_options,
    report_key_of,
    sequence_view,
)
from bot.discord.sequence import full_report as sequence_report
from bot.discord.status import readyz_response
from bot.logs import log_failure

if TYPE_CHECKING:
    from bot.core.engine import Engine

log = logging.getLogger(__name__)
TABLE_COMMANDS = {spec.name: spec for spec in discord_app_commands()}

DEFAULT_API = "https://discord.com/api/v10"
EPHEMERAL = 1 << 6

# interaction types
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
# response types
PONG, MESSAGE, DEFERRED_MESSAGE, AUTOCOMPLETE_RESULT, OPEN_MODAL = 1, 4, 5, 8, 9


def verify_key_of(settings: Settings) -> VerifyKey:
    raw = (settings.discord_public_key or "").strip()
    if not raw:
        raise DiscordConfigError("DISCORD_PUBLIC_KEY is not set (Developer Portal → your "
                                 "application → General Information → Public Key).")
    try:
        return VerifyKey(bytes.fromhex(raw))
    except Exception:
        raise DiscordConfigError("DISCORD_PUBLIC_KEY is not a 64-character hex Ed25519 public "
                                 "key; copy it again from the Developer Portal.") from None


def verified(key: VerifyKey, signature: str | None, timestamp: str | None, body: bytes) -> bool:
    if not signature or not timestamp:
        return False
    try:
        key.verify(timestamp.encode() + body, bytes.fromhex(signature))
        return True
    except (BadSignatureError, ValueError, TypeError):
        return False


REPLAY_WINDOW_S = 300
"""A signed interaction older (or further in the future) than this is refused."""
MAX_DEPTH = 32
"""Discord's payloads nest a dozen levels at most; deeper bodies are refused before parsing."""


def fresh(timestamp: str | None, now: float | None = None) -> bool:
    """A whole number of seconds within REPLAY_WINDOW_S of now."""
    text = (timestamp or "").strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 12):
        return False
    return abs((time.time() if now is None else now) - int(text)) <= REPLAY_WINDOW_S


def nesting_depth(body: bytes) -> int:
    """How deep brackets nest in a JSON text, strings skipped: linear, no recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def parse_payload(body: bytes) -> dict[str, Any] | None:
    """The interaction as a dict, or None for anything that is not a JSON object of sane
    depth (a deep body would exhaust the recursion limit in the parser or in our walks)."""
    if nesting_depth(body) > MAX_DEPTH:
        return None
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return payload if isinstance(payload, dict) else None


def where_of(payload: dict[str, Any]) -> Where:
    member = payload.get("member") or {}
    user = member.get("user") or payload.get("user") or {}
    perms = discord.Permissions(int(member.get("permissions") or 0))
    guild = payload.get("guild_id")
    channel = payload.get("channel_id") or (payload.get("channel") or {}).get("id") or ""
    return Where(guild=str(guild) if guild else None, channel=str(channel),
                 user=str(user.get("id") or "unknown"),
                 can_manage=bool(guild and (perms.manage_guild or perms.administrator)),
                 lang=language_for_locale(payload.get("locale")))


def _options(data: dict[str, Any]) -> dict[str, Any]:
    return {o["name"]: o.get("value") for o in data.get("options") or [] if "name" in o}


def _modal_values(components: list[dict[str, Any]]) -> dict[str, str]:
    """custom_id → value of every text input in a submitted modal, however nested."""
    values: dict[str, str] = {}
    for c in components or []:
        if "value" in c and "custom_id" in c:
            values[c["custom_id"]] = str(c["value"] or "")
        values |= _modal_values(c.get("components") or [])
        if isinstance(c.get("component"), dict):
            values |= _modal_values([c["component"]])
    return values


class InteractionsEndpoint:
    def __init__(self, engine: Engine, settings: Settings, front: DiscordFront | None = None):
        self.key = verify_key_of(settings)
        self.api = (settings.discord_api_url or DEFAULT_API).rstrip("/")
        self.front = front or DiscordFront(engine)
        self.engine = engine
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._claims = ThreadPoolExecutor(max_workers=2, thread_name_prefix="discord-claims")
        self.readiness = Readiness(engine, "discord-http")

    # ---- web app --------------------------------------------------------------------------
    def app(self) -> web.Application:
        app = web.Application(client_max_size=1 << 20)
        app.router.add_post("/interactions", self.handle)
        app.router.add_get("/healthz", self.health)
        app.router.add_get("/livez", self.live)
        app.router.add_get("/readyz", self.ready)
        app.on_cleanup.append(self._close)
        return app

    async def _close(self, _app: web.Application) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._session is not None:
            await self._session.close()

    async def health(self, _request: web.Request) -> web.Response:
        """Readiness: 503 until the engine's warm-up has loaded the model and the index."""
        from bot.core.retrieval.warmup import readiness

        ready, status = readiness()
        return web.json_response({"ok": ready, "status": status}, status=200 if ready else 503)

    async def live(self, _request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async def ready(self, _request: web.Request) -> web.Response:
        """Readiness for a load balancer: the database and the index, each named (bot.core.health)."""
        return await readyz_response(self.readiness)

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        timestamp = request.headers.get("X-Signature-Timestamp")
        if not verified(self.key, request.headers.get("X-Signature-Ed25519"), timestamp, body):
            log.warning("rejected an interaction: bad or missing signature (%d body bytes)",
                        len(body))
            return web.json_response({"error": "invalid request signature"}, status=401)
        if not fresh(timestamp):
            log.warning("rejected an interaction: timestamp %r outside the %d-second window",
                        str(timestamp)[:20], REPLAY_WINDOW_S)
            return web.json_response({"error": "stale or malformed timestamp"}, status=401)
        payload = parse_payload(body)
        if payload is None:
            log.warning("rejected a signed interaction: not a JSON object, or nested deeper "
                        "than %d (%d body bytes)", MAX_DEPTH, len(body))
            return web.json_response({"error": "body is not a JSON object"}, status=400)
        if not await self.first_time(payload):
            log.warning("dropped a replayed interaction (id seen before)")
            return web.json_response({"error": "interaction already handled"}, status=409)
        return web.json_response(await self.dispatch(payload))

    async def first_time(self, payload: dict[str, Any]) -> bool:
        """Whether this interaction id is new (shared by replicas through the database; an
        outage lets it through). Runs on its own one-thread pool, never the engine's."""
        interaction_id = str(payload.get("id") or "")
        if not interaction_id or payload.get("type") == PING:
            return True
        key = f"discord:interaction:{interaction_id[:100]}"
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._claims, lambda: first_time(
            lambda: self.engine.store.claim_once(key, ttl_s=2 * REPLAY_WINDOW_S),
            "a Discord interaction"))

    # ---- dispatch -------------------------------------------------------------------------
    async def dispatch(self, p: dict[str, Any]) -> dict[str, Any]:
        kind = p.get("type")
        try:
            if kind == PING:
                return {"type": PONG}
            if kind == APPLICATION_COMMAND:
                return await self.command(p)
            if kind == MESSAGE_COMPONENT:
                return await self.component(p)
            if kind == AUTOCOMPLETE:
                return await asyncio.to_thread(self.autocomplete, p)  # names: a db read
            if kind == MODAL_SUBMIT:
                return await self.modal(p)
        except Exception as e:
            log_failure(log, f"discord http interaction type {kind}", e)
            return self.message(self.front.failure(SORRY))
        return self.message(self.front.notice("I do not know that kind of interaction yet."))

    async def command(self, p: dict[str, Any]) -> dict[str, Any]:
        data = p.get("data") or {}
        name, opts, where = data.get("name", ""), _options(data), where_of(p)
        if data.get("type") == 3:  # the message context menu
            message = ((data.get("resolved") or {}).get("messages") or {}).get(
                str(data.get("target_id")), {})
            text = message.get("content") or "\n".join(
                e.get("description", "") for e in message.get("embeds") or [])
            if not text.strip():
                return self.message(self.front.failure(
                    "That message has no text to review (attachments and images are not read)."))
            if name == CONTEXT_MENU_NAME:  # no history over HTTP: the message's own lines
                return await self.deferred(p, "sequence", text, {}, where)
            return await self.deferred(p, "critique", text, {}, where)
        if name == "help":
            return self.message(self.front.help())
        if name == "settings":
            reply = await asyncio.to_thread(self.front.settings, where, opts.get("model"),
                                            opts.get("replies"))
            return self.message(reply)
        if name == "prompt":  # a group: the subcommand is the first option
            fields = http_fields(data)
            self.spawn(p, False, lambda: prepared_prompt(self.front, fields, where))
            return {"type": DEFERRED_MESSAGE, "data": {"flags": 0}}
        if name == "privacy":
            reply = await asyncio.to_thread(privacy_reply, self.engine, where,
                                            str(opts.get("choice") or ""))
            reply.ephemeral = True
            return self.message(reply)
        forget = forget_request(data)
        if forget is not None:  # `/forget-me`, `/framecraft forget-me|forget-workspace`
            perms = discord.Permissions(int((p.get("member") or {}).get("permissions") or 0))
            reply = await asyncio.to_thread(forget_reply, self.front, where, perms, *forget)
            reply.ephemeral = True
            return self.message(reply)
        if name == "framecraft" and self.digest_options(p) is not None:
            sub = self.digest_options(p) or {}
            perms = discord.Permissions(int((p.get("member") or {}).get("permissions") or 0))
            hour = sub.get("hour")
            reply = await asyncio.to_thread(
                digest_reply, self.engine, where, perms, str(sub.get("state") or ""),
                sub.get("day"), int(hour) if hour is not None else None, sub.get("timezone"))
            reply.ephemeral = True
            return self.message(reply)
        if name == "framecraft":
            return self.message(await asyncio.to_thread(self.review_command, p))
        spec = TABLE_COMMANDS.get(name)
        if spec is not None:
            main = spec.main_arg
            text = str(opts.get(main.name) or "") if main else ""
            options = {a.name: str(opts[a.name]) for a in spec.options if opts.get(a.name)}
            if spec.form_when_empty and not text.strip():
                default = await asyncio.to_thread(self.front.setting, where, "model")
                form = SequenceModal if name == "sequence" else CritiqueModal
                modal = form(self.engine.settings.max_prompt_chars,
                             options.get("model") or default)
                return {"type": OPEN_MODAL, "data": modal.to_dict()}
            return await self.deferred(p, name, text, options, where)
        return self.message(self.front.notice(f"`/{name}` is not something I know; try `/help`."))

    async def deferred(self, p: dict[str, Any], name: str, text: str, options: dict[str, str],
                       where: Where) -> dict[str, Any]:
        """Defer at once: the cooldown and settings are read with the engine work, on the
        front's bounded pool, so no database or engine call delays the 3-second answer."""
        ephemeral = self.front.deferral_ephemeral(name)
        self.spawn(p, ephemeral, lambda: self.front.prepared_run(name, text, options, where))
        return {"type": DEFERRED_MESSAGE, "data": {"flags": EPHEMERAL if ephemeral else 0}}

    async def component(self, p: dict[str, Any]) -> dict[str, Any]:
        data = p.get("data") or {}
        key = report_key_of(str(data.get("custom_id", "")))
        if key is not None:
            scope = where_of(p).scope
            self.spawn(p, True, lambda: sequence_report(self.front, key, scope))
            return {"type": DEFERRED_MESSAGE, "data": {"flags": EPHEMERAL}}
        parsed = parse_custom_id(str(data.get("custom_id", "")))
        if parsed is None:
            return self.message(self.front.notice("That button is no longer in use."))
        action, review_id = parsed
        where = where_of(p)
        if action in ("up", "dn"):
            return self.message(await asyncio.to_thread(self.front.feedback, review_id,
                                                        action == "up", where))
        if action == "rw":
            self.spawn(p, True, lambda: self.front.show_rewrite(review_id))
        elif action == "fr":
            self.spawn(p, True, lambda: full_review(self.front, review_id))
        else:
            model = str((data.get("values") or [""])[0])
            self.spawn(p, True, lambda: self.front.translate_review(review_id, model, where))
        return {"type": DEFERRED_MESSAGE, "data": {"flags": EPHEMERAL}}

    @staticmethod
    def digest_options(p: dict[str, Any]) -> dict[str, Any] | None:
        """The options of `/framecraft digest`, or None for another subcommand."""
        sub: dict[str, Any] = next(iter((p.get("data") or {}).get("options") or []), {})
        return _options(sub) if sub.get("name") == "digest" else None

    def review_command(self, p: dict[str, Any]) -> Reply:
        """`/framecraft ...`: saved here like on the gateway, but only the gateway bot reads
        messages, so the reply says so. In a thread (a forum post) the parent is meant."""
        sub: dict[str, Any] = next(iter((p.get("data") or {}).get("options") or []), {})
        state = _options(sub).get("state")
        channel = p.get("channel") or {}
        thread = channel.get("type") in (10, 11, 12) and channel.get("parent_id")
        scope = str(channel.get("parent_id") if thread else p.get("channel_id") or "")
        perms = discord.Permissions(int((p.get("member") or {}).get("permissions") or 0))
        reply = admin_command(self.engine, str(sub.get("name") or "status"),
                              str(state) if state else None, where_of(p), scope, perms,
                              gateway=False, content_intent=False)
        reply.ephemeral = True
        return reply

    def autocomplete(self, p: dict[str, Any]) -> dict[str, Any]:
        data = p.get("data") or {}
        if data.get("name") == "prompt":
            choices = http_autocomplete(self.front, data, where_of(p))
        else:
            focused: dict[str, Any] = next(
                (o for o in data.get("options") or [] if o.get("focused")), {})
            choices = self.front.model_choices(str(focused.get("value") or ""))
        return {"type": AUTOCOMPLETE_RESULT,
                "data": {"choices": [{"name": label, "value": mid} for label, mid in choices]}}

    async def modal(self, p: dict[str, Any]) -> dict[str, Any]:
        data = p.get("data") or {}
        if data.get("custom_id") == SEQUENCE_MODAL_ID:
            values = _modal_values(data.get("components") or [])
            return await self.deferred(p, "sequence", values.get("shots", ""),
                                       modal_options(values.get("model", ""),
                                                     values.get("mode", "")), where_of(p))
        if data.get("custom_id") != MODAL_ID:
            return self.message(self.front.notice("That form is no longer in use."))
        values = _modal_values(data.get("components") or [])
        model = values.get("model", "").strip()
        return await self.deferred(p, "critique", values.get("prompt", ""),
                                   {"model": model} if model else {}, where_of(p))

    # ---- messages -------------------------------------------------------------------------
    def page_data(self, page: Page, reply: Reply, last: bool) -> dict[str, Any]:
        data: dict[str, Any] = {"embeds": [e.to_dict() for e in page.embeds],
                                "allowed_mentions": {"parse": []}}
        if page.content:
            data["content"] = page.content
        if reply.ephemeral:
            data["flags"] = EPHEMERAL
        if last and reply.review_id:
            data["components"] = ReviewView(reply.review_id, self.front.models(),
                                            timeout=None).to_components()
        elif last and reply.sequence_key:
            data["components"] = sequence_view(reply.sequence_key).to_components()
        return data

    def message(self, reply: Reply) -> dict[str, Any]:
        """An immediate answer (type 4). Only the first page fits; quick replies are short."""
        return {"type": MESSAGE, "data": self.page_data(reply.pages[0], reply, True)}

    # ---- follow-ups -----------------------------------------------------------------------
    def spawn(self, p: dict[str, Any], ephemeral: bool, work: Callable[[], Reply]) -> None:
        task = asyncio.create_task(self.follow_up(p, ephemeral, work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def follow_up(self, p: dict[str, Any], deferred_ephemeral: bool,
                        work: Callable[[], Reply]) -> None:
        """Run `work` in a thread, then fill in the deferred reply and post further pages."""
        app_id, token = p.get("application_id"), p.get("token")
        base = f"{self.api}/webhooks/{app_id}/{token}"
        try:
            reply = await self.front.workers.run(work)
        except Exception as e:  # Busy (an InputError: "try again") or a failure
            reply = self.front.failed(e, what="discord http follow-up")
        try:
            first = True
            if (reply.error or reply.ephemeral) and not deferred_ephemeral:
                await self.rest("DELETE", f"{base}/messages/@original")
                first = False
            last = len(reply.pages) - 1
            for i, page in enumerate(reply.pages):
                data = self.page_data(page, reply, i == last)
                files = reply.files if i == 0 else []
                if first:
                    await self.rest("PATCH", f"{base}/messages/@original", data, files)
                    first = False
                else:
                    await self.rest("POST", f"{base}?wait=true", data, files)
        except Exception as e:  # frames only: an aiohttp error's text holds the token's URL
            log_failure(log, "discord http follow-up delivery", e)

    async def rest(self, method: str, url: str, data: dict[str, Any] | None = None,
                   files: list[tuple[str, bytes]] | None = None) -> None:
        """One webhook call, honouring 429 retry_after; the URL (it holds the interaction
        token) is never logged. With `files`, multipart as Discord takes attachments."""
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        for _ in range(4):
            body: dict[str, Any] = {"json": data}
            if files:
                body = {"data": multipart(data or {}, files)}
            async with self._session.request(method, url, **body) as r:
                if r.status == 429:
                    body = await r.json(content_type=None)
                    await asyncio.sleep(min(float((body or {}).get("retry_after", 1)), 10.0))
                    continue
                if r.status >= 400:
                    raise RuntimeError(f"Discord answered {method} with {r.status}")
                return
        raise RuntimeError(f"Discord kept rate-limiting {method}")


def multipart(data: dict[str, Any], files: list[tuple[str, bytes]]) -> aiohttp.FormData:
    """A message with attachments: `payload_json` plus `files[n]`, as Discord's API takes it."""
    payload = {**data, "attachments": [{"id": i, "filename": name}
                                       for i, (name, _) in enumerate(files)]}
    form = aiohttp.FormData()
    form.add_field("payload_json", json.dumps(payload), content_type="application/json")
    for i, (name, content) in enumerate(files):
        form.add_field(f"files[{i}]", content, filename=name, content_type="image/png")
    return form


@asynccontextmanager
async def running_server(endpoint: InteractionsEndpoint, host: str = "127.0.0.1",
                         port: int = 0) -> AsyncIterator[str]:
    """Serve the endpoint until the block ends; yields its base URL."""
    runner = web.AppRunner(endpoint.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    sock = site._server.sockets[0]  # type: ignore[union-attr]
    bound_host, bound_port = sock.getsockname()[:2]
    try:
        yield f"http://{bound_host}:{bound_port}"
    finally:
        await runner.cleanup()


def serve(engine: Engine, settings: Settings, host: str, port: int) -> None:
    endpoint = InteractionsEndpoint(engine, settings)
    web.run_app(endpoint.app(), host=host, port=port, print=None, access_log=None)
