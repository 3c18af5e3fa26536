"""The multi-machine setup: docker-compose.yml, Dockerfile, .env.example and the test-Postgres
script are consistent with the settings the code reads."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.config import Settings
from bot.core.storage.engine import normalize_url

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def _settings_env_names() -> set[str]:
    names = set()
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        names.update(c for c in getattr(alias, "choices", []) if c.isupper())
    return names


def test_services_health_checks_and_replicas(compose: dict) -> None:
    services = compose["services"]
    assert {"postgres", "chroma", "slack", "discord"} <= set(services)
    for name in ("postgres", "chroma", "slack", "discord"):
        assert services[name]["healthcheck"]["test"], name
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    slack = services["slack"]
    assert slack["deploy"]["replicas"] == 2
    assert slack["command"][:3] == ["framecraft", "slack", "--http"]
    assert services["discord"]["command"] == ["framecraft", "discord"]
    for bot in ("slack", "discord"):
        deps = services[bot]["depends_on"]
        assert deps["postgres"]["condition"] == "service_healthy"


def test_bots_are_wired_by_settings_the_code_reads(compose: dict) -> None:
    known = _settings_env_names()
    for bot in ("slack", "discord"):
        env = compose["services"][bot]["environment"]
        assert set(env) <= known, set(env) - known
        assert any(f.get("path") == ".env" for f in compose["services"][bot]["env_file"])
        url = re.sub(r"\$\{POSTGRES_PASSWORD:-([^}]*)\}", r"\1", env["FRAMECRAFT_DATABASE_URL"])
        settings = Settings(database_url=url, chroma_url=env["FRAMECRAFT_CHROMA_URL"])
        assert normalize_url(settings.effective_database_url).drivername == "postgresql+psycopg"
        assert settings.chroma_url == "http://chroma:8000"
    example = [line.split("=", 1)[0] for line in (ROOT / ".env.example").read_text().splitlines()
               if line and not line.startswith("#")]
    assert set(example) - {"POSTGRES_PASSWORD"} <= known
    assert all(not line.split("=", 1)[1] or line.split("=", 1)[0] in
               {"POSTGRES_PASSWORD", "DISCORD_MESSAGE_CONTENT"}
               for line in (ROOT / ".env.example").read_text().splitlines()
               if line and not line.startswith("#"))  # no real-looking secrets shipped


def test_dockerfile_pins_python_and_cpu_torch() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.M)
    torch = text.index("pip install torch==2.13.0")
    assert torch < text.index("pip install .")
    assert "CPU" in text


def _compose_cli() -> list[str] | None:
    docker = shutil.which("docker")
    if docker is None:
        return None
    probe = subprocess.run([docker, "compose", "version"], capture_output=True, text=True)
    return [docker, "compose"] if probe.returncode == 0 else None


def test_docker_compose_config_validates() -> None:
    cli = _compose_cli()
    if cli is None:
        pytest.skip("`docker compose` is not available (no docker client or compose plugin)")
    run = subprocess.run([*cli, "-f", str(COMPOSE), "config", "-q"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr


def test_start_test_postgres_script_parses() -> None:
    script = ROOT / "scripts" / "start-test-postgres.sh"
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0
