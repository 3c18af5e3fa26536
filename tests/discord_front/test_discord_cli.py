"""`framecraft discord`: one clear line when a setting is missing or refused (never the token),
and `--http --port N` serving signed interactions."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from discord_mock import TOKEN
from nacl.signing import SigningKey

MAIN = "import sys; from bot.cli import main; sys.exit(main())"
REPO = Path(__file__).resolve().parents[2]


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "FRAMECRAFT_", "DISCORD_"))}
    env["PYTHONPATH"] = str(REPO)
    env["FRAMECRAFT_DATA_DIR"] = str(tmp_path / "data")
    return env


def run_cli(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", MAIN, *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_missing_token_and_public_key_are_one_clear_line(tmp_path):
    r = run_cli(["discord"], clean_env(tmp_path), tmp_path)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0 and "DISCORD_TOKEN is not set" in r.stderr
    env = clean_env(tmp_path) | {"DISCORD_TOKEN": TOKEN}
    r = run_cli(["discord", "--http", "--port", "8123"], env, tmp_path)
    assert r.returncode != 0 and "DISCORD_PUBLIC_KEY is not set" in r.stderr
    r = run_cli(["discord", "--http"], env | {"DISCORD_PUBLIC_KEY": "not-hex"}, tmp_path)
    assert r.returncode != 0 and "64-character hex" in r.stderr
    r = run_cli(["discord", "--http", "--port", "70000"],
                env | {"DISCORD_PUBLIC_KEY": "00" * 32}, tmp_path)
    assert r.returncode != 0 and "--port" in r.stderr
    assert TOKEN not in r.stderr + r.stdout


async def test_a_refused_token_is_one_line_and_never_shown(tmp_path, mock_discord):
    mock_discord.fail["get"] = [(401, {"message": "401: Unauthorized", "code": 0})]
    env = clean_env(tmp_path) | {"DISCORD_TOKEN": TOKEN, "DISCORD_API_URL": mock_discord.url}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", MAIN, "discord", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode != 0
    assert "Discord refused DISCORD_TOKEN" in err.decode() and "Traceback" not in err.decode()
    assert TOKEN not in (out + err).decode()
    assert mock_discord.find("GET", "/users/@me")  # it really asked


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_http_mode_answers_a_signed_ping(tmp_path, discord_data_dir):
    key = SigningKey.generate()
    port = _free_port()
    # The built index: /healthz waits for the warm-up, which would otherwise build one.
    env = clean_env(tmp_path) | {"DISCORD_PUBLIC_KEY": key.verify_key.encode().hex(),
                                 "FRAMECRAFT_DATA_DIR": str(discord_data_dir)}
    proc = subprocess.Popen([sys.executable, "-c", MAIN, "discord", "--http", "--host",
                             "127.0.0.1", "--port", str(port)], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        body = json.dumps({"type": 1, "id": "1", "application_id": "2", "token": "t",
                           "version": 1}).encode()
        ts = str(int(time.time()))
        sig = key.sign(ts.encode() + body).signature.hex()
        r = httpx.post(f"{url}/interactions", content=body, headers={
            "X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts})
        assert r.status_code == 200 and r.json() == {"type": 1}
        r = httpx.post(f"{url}/interactions", content=body, headers={
            "X-Signature-Ed25519": "00" * 64, "X-Signature-Timestamp": ts})
        assert r.status_code == 401
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
