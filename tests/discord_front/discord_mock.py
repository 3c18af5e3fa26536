"""A Discord REST API stand-in on loopback, and interaction payloads as Discord sends them.

discord.py's HTTP client and interaction webhooks point here through DISCORD_API_URL, and so
do the HTTP endpoint's follow-ups, so a test asserts on every call the bot made: the deferral,
the follow-ups, their embeds and components, thread creation, command sync.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from typing import Any

import aiohttp
import discord
from aiohttp import web
from nacl.signing import SigningKey

APP_ID = "900000000000000001"
BOT_ID = "900000000000000002"
GUILD = "910000000000000001"
CHANNEL = "920000000000000001"
USER = "930000000000000001"
TOKEN = "MTAx.framecraft-test-token.not-real"
MANAGE_GUILD = 1 << 5
MEMBER_PERMS = (1 << 10) | (1 << 11) | (1 << 38)  # view channel, send messages, threads

BOT_USER = {"id": BOT_ID, "username": "Framecraft", "discriminator": "0", "global_name": None,
            "avatar": None, "bot": True}
_ids = itertools.count(950000000000000001)


def _json(payload: Any, status: int = 200) -> web.Response:
    # discord.py decodes a body only when content-type is exactly application/json
    return web.Response(body=json.dumps(payload).encode(), status=status,
                        headers={"content-type": "application/json"})


def snowflake() -> str:
    return str(next(_ids))


@dataclass
class Call:
    method: str
    path: str
    body: Any
    query: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    """Attachments of a multipart request: filename -> bytes."""

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return (self.body or {}).get("embeds") or []

    @property
    def components(self) -> list[dict[str, Any]]:
        return (self.body or {}).get("components") or []

    @property
    def flags(self) -> int:
        return int((self.body or {}).get("flags") or 0)

    def custom_ids(self) -> list[str]:
        return [c.get("custom_id") for row in self.components for c in row.get("components", [])]

    def text(self) -> str:
        """Every visible string of the message, for assertions."""
        parts = [str((self.body or {}).get("content") or "")]
        for e in self.embeds:
            parts += [e.get("title", ""), e.get("description", "")]
            parts += [f"{f['name']}\n{f['value']}" for f in e.get("fields", [])]
            parts.append((e.get("footer") or {}).get("text", ""))
        return "\n".join(parts)


class MockDiscord:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.fail: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        """route key ("thread", "followup"...) → canned error responses, used first."""
        self.url = ""
        self.histories: dict[str, list[dict[str, Any]]] = {}
        """channel or thread id -> its messages, newest first (GET .../messages)."""
        self._runner: web.AppRunner | None = None
        self._changed = asyncio.Event()

    async def start(self) -> MockDiscord:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/api/v10"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    # ---- queries ------------------------------------------------------------------------------
    def find(self, method: str, contains: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and contains in c.path]

    def callbacks(self) -> list[Call]:
        return self.find("POST", "/callback")

    def messages(self) -> list[Call]:
        """Every message the bot sent or filled in (follow-ups, edits, channel posts)."""
        return [c for c in self.calls
                if (c.method == "POST" and ("/webhooks/" in c.path or c.path.endswith("/messages")))
                or (c.method == "PATCH" and "/messages/" in c.path)]

    async def wait_for(self, predicate: Any, timeout: float = 30.0) -> None:
        async def loop() -> None:
            while not predicate(self):
                self._changed.clear()
                await self._changed.wait()
        await asyncio.wait_for(loop(), timeout)

    # ---- the fake API -----------------------------------------------------------------------
    def _message(self, body: dict[str, Any], channel_id: str = CHANNEL,
                 mid: str | None = None) -> dict[str, Any]:
        return {"id": mid or snowflake(), "channel_id": channel_id, "author": BOT_USER,
                "content": body.get("content") or "", "timestamp": "2025-01-01T00:00:00+00:00",
                "edited_timestamp": None, "tts": False, "mention_everyone": False,
                "mentions": [], "mention_roles": [], "attachments": [],
                "embeds": body.get("embeds") or [], "components": body.get("components") or [],
                "pinned": False, "type": 0, "flags": int(body.get("flags") or 0),
                "application_id": APP_ID}

    def _route(self, method: str, path: str) -> str:
        if path.endswith("/threads"):
            return "thread"
        if "/webhooks/" in path:
            return "followup"
        return method.lower()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        body = json.loads(raw) if raw and request.content_type == "application/json" else None
        files: dict[str, bytes] = {}
        if raw and request.content_type == "multipart/form-data":
            body, files = _multipart(request.headers["Content-Type"], raw)
        path = "/" + request.match_info["tail"]
        call = Call(request.method, path, body, dict(request.query), files)
        self.calls.append(call)
        self._changed.set()
        canned = self.fail.get(self._route(request.method, path))
        if canned:
            status, payload = canned.pop(0)
            return _json(payload, status=status)
        return self._answer(request.method, path, body or {})

    def _answer(self, method: str, path: str, body: dict[str, Any]) -> web.StreamResponse:
        parts = path.strip("/").split("/")
        if path.endswith("/users/@me"):
            return _json(BOT_USER)
        if path.endswith("/oauth2/applications/@me"):
            return _json({
                "id": APP_ID, "name": "Framecraft", "icon": None, "description": "",
                "bot_public": True, "bot_require_code_grant": False, "owner": {
                    "id": USER, "username": "owner", "discriminator": "0", "avatar": None},
                "verify_key": "00" * 32, "flags": 0, "interactions_endpoint_url": None})
        if method == "PUT" and path.endswith("/commands"):
            guild = parts[parts.index("guilds") + 1] if "guilds" in parts else None
            out = []
            for cmd in body if isinstance(body, list) else []:
                out.append({"id": snowflake(), "application_id": APP_ID, "version": "1",
                            "type": cmd.get("type", 1), "name": cmd["name"],
                            "description": cmd.get("description", ""),
                            "options": cmd.get("options", []),
                            "default_member_permissions": None, "nsfw": False,
                            **({"guild_id": guild} if guild else {})})
            return _json(out)
        if path.endswith("/callback"):
            kind = body.get("type")
            flags = int((body.get("data") or {}).get("flags") or 0)
            resource: dict[str, Any] = {"type": kind}
            if kind == 4:
                resource["message"] = self._message(body.get("data") or {})
            return _json({
                "interaction": {"id": parts[-3], "type": 2, "response_message_id": snowflake(),
                                "response_message_loading": kind == 5,
                                "response_message_ephemeral": bool(flags & 64)},
                "resource": resource})
        if "webhooks" in parts:
            if method == "DELETE":
                return web.Response(status=204)
            mid = parts[-1] if "messages" in parts else None
            return _json(self._message(body, mid=None if mid == "@original" else mid))
        if path.endswith("/threads"):
            channel = parts[parts.index("channels") + 1]
            return _json({
                "id": snowflake(), "type": 11, "guild_id": GUILD, "parent_id": channel,
                "name": body.get("name", "thread"), "owner_id": BOT_ID, "member_count": 1,
                "message_count": 0, "rate_limit_per_user": 0, "flags": 0,
                "thread_metadata": {"archived": False, "auto_archive_duration": 1440,
                                    "archive_timestamp": "2025-01-01T00:00:00+00:00",
                                    "locked": False}})
        if method == "GET" and path.endswith("/messages") and "channels" in parts:
            channel = parts[parts.index("channels") + 1]
            return _json(self.histories.get(channel, []))
        if method == "POST" and path.endswith("/messages"):
            channel = parts[parts.index("channels") + 1]
            return _json(self._message(body, channel_id=channel))
        if method == "DELETE" and "channels" in parts and "messages" in parts:
            return web.Response(status=204)
        if method == "PATCH" and "channels" in parts and "messages" in parts:  # an edit
            channel = parts[parts.index("channels") + 1]
            return _json(self._message(body, channel_id=channel, mid=parts[-1]))
        return _json({"message": "404: Not Found", "code": 0}, status=404)


def _multipart(content_type: str, raw: bytes) -> tuple[Any, dict[str, bytes]]:
    """A message with attachments as Discord takes it: `payload_json` and `files[n]`."""
    message = BytesParser(policy=policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + raw)
    body: Any = None
    files: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        data = part.get_payload(decode=True) or b""
        if name == "payload_json":
            body = json.loads(data)
        elif part.get_filename():
            files[part.get_filename()] = data
    return body, files


def interaction(kind: int, data: dict[str, Any], *, perms: int = MEMBER_PERMS,
                user: str = USER, guild: str | None = GUILD,
                message: dict[str, Any] | None = None) -> dict[str, Any]:
    """An INTERACTION_CREATE payload as Discord sends it (gateway and HTTP alike)."""
    iid = snowflake()
    u = {"id": user, "username": f"user{user[-3:]}", "discriminator": "0", "avatar": None,
         "global_name": None}
    p: dict[str, Any] = {
        "id": iid, "application_id": APP_ID, "type": kind, "data": data,
        "token": f"itoken-{iid}", "version": 1, "locale": "en-US", "entitlements": [],
        "attachment_size_limit": 10 << 20,
        "channel_id": CHANNEL, "app_permissions": str((1 << 41) - 1),
        "authorizing_integration_owners": {}, "context": 0 if guild else 1,
    }
    if guild:
        p["guild_id"] = guild
        p["guild_locale"] = "en-US"
        p["channel"] = {"id": CHANNEL, "type": 0, "guild_id": guild, "name": "prompts",
                        "position": 0, "permission_overwrites": []}
        p["member"] = {"user": u, "roles": [], "joined_at": "2024-01-01T00:00:00+00:00",
                       "deaf": False, "mute": False, "flags": 0, "permissions": str(perms)}
    else:
        p["channel"] = {"id": CHANNEL, "type": 1, "recipients": [u]}
        p["user"] = u
    if message is not None:
        p["message"] = message
    return p


def slash(name: str, **options: Any) -> dict[str, Any]:
    opts = [{"name": k, "type": 3, "value": v} for k, v in options.items() if v is not None]
    return {"id": snowflake(), "name": name, "type": 1, "options": opts}


def focused(name: str, option: str, value: str, **others: str) -> dict[str, Any]:
    opts = [{"name": k, "type": 3, "value": v} for k, v in others.items()]
    opts.append({"name": option, "type": 3, "value": value, "focused": True})
    return {"id": snowflake(), "name": name, "type": 1, "options": opts}


def user_message(content: str, *, mentions: list[str] = (), channel: str = CHANNEL,
                 guild: str | None = GUILD, author: str = USER) -> dict[str, Any]:
    m = {"id": snowflake(), "channel_id": channel, "content": content,
         "author": {"id": author, "username": "member", "discriminator": "0", "avatar": None},
         "timestamp": "2025-01-01T00:00:00+00:00", "edited_timestamp": None, "tts": False,
         "mention_everyone": False, "mention_roles": [], "attachments": [], "embeds": [],
         "pinned": False, "type": 0,
         "mentions": [BOT_USER if uid == BOT_ID else {"id": uid, "username": "x",
                                                       "discriminator": "0", "avatar": None}
                      for uid in mentions]}
    if guild:
        m["guild_id"] = guild
    return m


# ---- driving a gateway client ---------------------------------------------------------------
async def start_bot(engine: Any, settings: Any, **kwargs: Any) -> Any:
    from bot.discord.client import FramecraftClient

    client = FramecraftClient(engine, settings, **kwargs)
    await client.login(TOKEN)  # GET /users/@me, application info, setup_hook (command sync)
    state = client._connection
    state._add_guild(discord.Guild(state=state, data={
        "id": GUILD, "name": "Film Club", "owner_id": "1", "member_count": 2, "roles": [],
        "emojis": [], "stickers": [], "features": [], "channels": [
            {"id": CHANNEL, "type": 0, "name": "prompts", "position": 0, "guild_id": GUILD,
             "permission_overwrites": []}]}))
    return client


_WORK = ("CommandTree", "discord-ui-", "discord.py:")


async def settle(timeout: float = 60.0) -> None:
    """Wait until every interaction, view, modal and event task discord.py started is done
    (a view's own timeout task is not work)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        pending = [t for t in asyncio.all_tasks()
                   if not t.done() and t.get_name().startswith(_WORK)
                   and "timeout" not in t.get_name()]
        if not pending:
            return
        left = deadline - loop.time()
        if left <= 0:
            raise TimeoutError(f"still running: {[t.get_name() for t in pending]}")
        await asyncio.wait(pending, timeout=left)


async def dispatch(client: Any, payload: dict[str, Any]) -> None:
    """Deliver an INTERACTION_CREATE the way the gateway does, and wait for the bot's work."""
    client._connection.parse_interaction_create(payload)
    await settle()


async def deliver_message(client: Any, payload: dict[str, Any]) -> None:
    """Deliver a MESSAGE_CREATE the way the gateway does."""
    client._connection.parse_message_create(payload)
    await settle()


class SignedInteractions:
    """Posts interactions to the HTTP endpoint signed the way Discord signs them (Ed25519 over
    timestamp + body, with the key whose public half the endpoint was given)."""

    def __init__(self, url: str, key: SigningKey, session: aiohttp.ClientSession):
        self.url, self.key, self.session = url + "/interactions", key, session

    async def post(self, payload: dict) -> tuple[int, dict]:
        raw = json.dumps(payload).encode()
        ts = str(int(time.time()))
        sig = self.key.sign(ts.encode() + raw).signature.hex()
        async with self.session.post(self.url, data=raw, headers={
                "X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts,
                "content-type": "application/json"}) as r:
            return r.status, await r.json(content_type=None)

