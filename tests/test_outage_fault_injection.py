"""Issue 14's proof: a real PostgreSQL server stopped while the Slack and Discord fronts are
serving, then started again. Offline commands are answered throughout (with a notice while it
is down), database commands are refused clearly, everything works again after the restart
without restarting the fronts, and no reply is duplicated.

The test runs its own throwaway cluster (it must stop and start it) with the Debian binaries,
like tests/storage/conftest.py; it is skipped only when no binaries exist.
"""

from __future__ import annotations

import asyncio
import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import pytest
from nacl.signing import SigningKey

sys.path[:0] = [str(Path(__file__).parent / "slack"), str(Path(__file__).parent / "discord_front")]
from discord_mock import APP_ID, GUILD, MockDiscord, interaction, slash, snowflake  # noqa: E402
from slack_mock import SECRET, TEAM, MockSlack, post, slash_body  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.core.availability import DATABASE_DOWN, DEGRADED_NOTICE  # noqa: E402
from bot.core.engine import Engine  # noqa: E402
from bot.discord.http import InteractionsEndpoint, running_server  # noqa: E402
from bot.slack import blocks as bk  # noqa: E402
from bot.slack.app import build_app  # noqa: E402
from bot.slack.server import running_http_server  # noqa: E402

PROMPT = "A red fox trots through fresh snow at dawn, slow dolly in, soft golden backlight"


class Cluster:
    """A PostgreSQL cluster on a fixed loopback port that can be stopped and started."""

    def __init__(self, bin_dir: Path, root: Path):
        self.bin, self.root, self.data = bin_dir, root, root / "data"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.run_as: dict[str, Any] = {}
        if os.geteuid() == 0:  # postgres refuses to run as root
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                user = pwd.getpwnam("nobody")
            os.chown(root, user.pw_uid, user.pw_gid)
            self.run_as = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
        subprocess.run([str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                        "--auth=trust", "-E", "UTF8", "--no-sync"], check=True,
                       capture_output=True, **self.run_as)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off")
        subprocess.run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                        str(self.root / "log"), "-w", "-t", "60", "-o", opts, "start"],
                       check=True, capture_output=True, **self.run_as)

    def stop(self) -> None:
        subprocess.run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                        "-w", "stop"], capture_output=True, **self.run_as)


def _pg_bin() -> Path | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(d, "initdb").exists() and Path(d, "pg_ctl").exists():
            return Path(d)
    return None


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    root = Path(tempfile.mkdtemp(prefix="framecraft-outage-"))
    c = Cluster(bin_dir, root)
    c.start()
    try:
        yield c
    finally:
        c.stop()
        shutil.rmtree(root, ignore_errors=True)


class Fronts:
    """Both fronts serving on loopback, each with its own Engine (two replicas)."""

    def __init__(self, slack_url: str, slack_http: httpx.Client, slack: MockSlack,
                 discord_url: str, key: SigningKey, session: aiohttp.ClientSession,
                 discord: MockDiscord):
        self.slack_url, self.slack_http, self.slack = slack_url, slack_http, slack
        self.discord_url, self.key, self.session, self.discord = (discord_url, key, session,
                                                                  discord)
        self.sent = 0

    async def slack_cmd(self, command: str, text: str) -> str:
        """A signed slash command; returns the text of its one reply."""
        self.sent += 1
        name = f"r{self.sent}"
        body = slash_body(command, text, response_url=self.slack.response_url(name))
        r = await asyncio.to_thread(post, self.slack_http, self.slack_url, body)
        assert r.status_code == 200
        calls = await asyncio.to_thread(self.slack.wait, f"respond:{name}", 1, 30.0)
        return calls[0].body.get("text", "") + json.dumps(calls[0].body.get("blocks", []),
                                                          ensure_ascii=False)

    async def discord_cmd(self, data: dict[str, Any]) -> str:
        """A signed interaction; returns the text of its reply (after the deferral)."""
        p = interaction(2, data)
        raw = json.dumps(p).encode()
        ts = str(int(time.time()))
        sig = self.key.sign(ts.encode() + raw).signature.hex()
        async with self.session.post(self.discord_url + "/interactions", data=raw, headers={
                "X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts,
                "content-type": "application/json"}) as r:
            assert r.status == 200 and (await r.json())["type"] == 5
        token = p["token"]
        await self.discord.wait_for(lambda m: any(token in c.path and c.method in ("PATCH", "POST")
                                                  for c in m.calls), timeout=30)
        await asyncio.sleep(0.2)
        replies = [c for c in self.discord.messages() if token in c.path]
        return json.dumps([c.embeds for c in replies], ensure_ascii=False)

    def no_duplicates(self) -> None:
        for i in range(1, self.sent + 1):
            assert len(self.slack.of(f"respond:r{i}")) == 1, f"Slack reply r{i} duplicated"
        tokens = [c.path.split("/")[4] for c in self.discord.calls if "/webhooks/" in c.path]
        edits = [c for c in self.discord.calls if c.method == "PATCH" and "@original" in c.path]
        assert len({c.path for c in edits}) == len(edits), "a Discord reply was sent twice"
        assert tokens


def prompt_group(action: str, **options: Any) -> dict[str, Any]:
    opts = [{"name": k, "type": 3, "value": v} for k, v in options.items()]
    return {"id": snowflake(), "name": "prompt", "type": 1,
            "options": [{"name": action, "type": 1, "options": opts}]}


async def test_fronts_ride_out_a_postgres_outage(cluster, kb, retrieval_data_dir):
    key = SigningKey.generate()
    with MockSlack() as slack_api:
        discord_api = await MockDiscord().start()
        settings = Settings(data_dir=retrieval_data_dir, database_url=cluster.url,
                            slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                            slack_api_url=slack_api.api_url, discord_token="t",
                            discord_application_id=APP_ID, discord_api_url=discord_api.url,
                            discord_public_key=key.verify_key.encode().hex(), _env_file=None)
        app = build_app(Engine(settings=settings, kb=kb), settings)
        endpoint = InteractionsEndpoint(Engine(settings=settings, kb=kb), settings)
        try:
            with running_http_server(app, SECRET) as slack_url, \
                    httpx.Client(timeout=30) as http:
                async with running_server(endpoint) as discord_url, \
                        aiohttp.ClientSession() as session:
                    fronts = Fronts(slack_url, http, slack_api, discord_url, key, session,
                                    discord_api)
                    await outage(fronts, cluster)
        finally:
            await discord_api.stop()


async def outage(f: Fronts, cluster: Cluster) -> None:
    notice, refused = bk.escape(DEGRADED_NOTICE), bk.escape(DATABASE_DOWN)
    # 1. up: everything works, no notice
    text = await f.slack_cmd("/critique", PROMPT)
    assert "/100" in text and notice not in text
    assert "Saved" in await f.slack_cmd("/prompt", f"save hero {PROMPT}")
    text = await f.discord_cmd(slash("critique", prompt=PROMPT))
    assert "/100" in text and DEGRADED_NOTICE not in text
    assert "hero" in await f.discord_cmd(prompt_group("save", name="hero", prompt=PROMPT))

    # 2. the server stops while both fronts are serving
    await asyncio.to_thread(cluster.stop)
    for command, text_in, expect in (("/critique", PROMPT, "/100"),
                                     ("/translate", f"{PROMPT} --to kling", "Kling"),
                                     ("/ethics", PROMPT, "thics")):
        text = await f.slack_cmd(command, text_in)
        assert expect in text and notice in text, command
    text = await f.slack_cmd("/prompt", "history hero")
    assert refused in text and "Something went wrong" not in text
    text = await f.discord_cmd(slash("critique", prompt=PROMPT))
    assert "/100" in text and DEGRADED_NOTICE in text
    text = await f.discord_cmd(slash("compare", prompt=PROMPT))
    assert DEGRADED_NOTICE in text
    text = await f.discord_cmd(prompt_group("history", name="hero"))
    assert DATABASE_DOWN in text and "Something went wrong" not in text

    # 3. it starts again: the same processes recover by themselves
    await asyncio.to_thread(cluster.start)
    text = await f.slack_cmd("/prompt", "history hero")
    assert "History of hero" in text and refused not in text
    text = await f.slack_cmd("/critique", PROMPT)
    assert "/100" in text and notice not in text
    text = await f.discord_cmd(prompt_group("history", name="hero"))
    assert "hero" in text and DATABASE_DOWN not in text
    text = await f.discord_cmd(slash("critique", prompt=PROMPT))
    assert "/100" in text and DEGRADED_NOTICE not in text
    assert "Saved" in await f.slack_cmd("/prompt", f"save hero {PROMPT}, golden hour")
    f.no_duplicates()
    assert TEAM and GUILD
