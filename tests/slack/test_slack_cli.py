"""`framecraft slack`: clear one-line failures without tokens, and a real server with them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from slack_mock import BOT_TOKEN, SECRET, post, slash_body

MAIN = "import sys; from bot.cli import main; sys.exit(main())"
REPO = Path(__file__).resolve().parents[2]


def run_cli(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 120):
    return subprocess.run([sys.executable, "-c", MAIN, *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "FRAMECRAFT_", "DISCORD_"))}
    env["PYTHONPATH"] = str(REPO)
    env["FRAMECRAFT_DATA_DIR"] = str(tmp_path / "data")
    return env


def test_missing_bot_token_is_one_clear_line(tmp_path):
    r = run_cli(["slack", "--http", "--port", "3999"], clean_env(tmp_path), tmp_path)
    assert r.returncode != 0
    assert r.stderr.strip().count("\n") == 0 and "SLACK_BOT_TOKEN is not set" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_signing_secret_and_app_token(tmp_path):
    env = clean_env(tmp_path) | {"SLACK_BOT_TOKEN": BOT_TOKEN}
    r = run_cli(["slack", "--http"], env, tmp_path)
    assert r.returncode != 0 and "SLACK_SIGNING_SECRET is not set" in r.stderr
    r = run_cli(["slack", "--socket"], env, tmp_path)
    assert r.returncode != 0 and "SLACK_APP_TOKEN is not set" in r.stderr
    assert BOT_TOKEN not in r.stderr + r.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_http_mode_serves_signed_requests(tmp_path, mock_slack, slack_data_dir):
    port = _free_port()
    env = clean_env(tmp_path) | {
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": mock_slack.api_url, "FRAMECRAFT_DATA_DIR": str(slack_data_dir),
        "FRAMECRAFT_DATABASE_URL": f"sqlite:///{tmp_path / 'fc.db'}"}
    proc = subprocess.Popen([sys.executable, "-c", MAIN, "slack", "--http", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(timeout=5) as http:
            for _ in range(600):
                try:
                    if http.get(f"{base}/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
                assert proc.poll() is None, proc.communicate()[1]
            body = slash_body("/framecraft", "help", response_url=mock_slack.response_url("cli"))
            r = post(http, f"{base}/slack/events", body)
            assert r.status_code == 200
            assert post(http, f"{base}/slack/events", body, secret="forged").status_code == 401
        (call,) = mock_slack.wait("respond:cli")
        assert "/critique" in str(call.body["blocks"])
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert f"listening on http://127.0.0.1:{port}/slack/events" in out
    assert BOT_TOKEN not in out + err and SECRET not in out + err


def test_manifest_matches_the_app():
    import yaml

    from bot.slack.app import SHORTCUT_REVIEW, SLASH_COMMANDS
    from bot.slack.sequence import SHORTCUT_SEQUENCE

    manifest = yaml.safe_load((REPO / "slack-app-manifest.yaml").read_text())
    commands = manifest["features"]["slash_commands"]
    assert sorted(c["command"] for c in commands) == sorted(SLASH_COMMANDS)
    assert all(c["url"].endswith("/slack/events") for c in commands)
    shortcuts = {s["callback_id"]: s for s in manifest["features"]["shortcuts"]}
    assert set(shortcuts) == {SHORTCUT_REVIEW, SHORTCUT_SEQUENCE}
    assert all(s["type"] == "message" for s in shortcuts.values())
    settings = manifest["settings"]
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_home_opened", "app_mention", "message.im", "message.channels", "message.groups",
        "app_uninstalled", "tokens_revoked"}  # a workspace leaving starts its retention
    assert manifest["oauth_config"]["redirect_urls"][0].endswith("/slack/oauth_redirect")
    assert settings["interactivity"]["is_enabled"]
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "app_mentions:read", "im:history"} <= scopes
    # Review channels: channel messages, and who may switch them (admins, channel creators).
    assert {"channels:history", "groups:history", "users:read", "channels:read"} <= scopes
    assert "files:write" in scopes  # team insights: the chart, the digest, App Home
