"""The multi-machine setup: docker-compose.yml, Dockerfile, .env.example and the test-Postgres
script are consistent with the settings the code reads."""

from __future__ import annotations

import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
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
        assert "POSTGRES_PASSWORD" not in env["FRAMECRAFT_DATABASE_URL"]
        password = re.sub(r"\$\{POSTGRES_PASSWORD:-([^}]*)\}", r"\1",
                          env["FRAMECRAFT_DATABASE_PASSWORD"])
        settings = Settings(database_url=env["FRAMECRAFT_DATABASE_URL"], database_password=password,
                            chroma_url=env["FRAMECRAFT_CHROMA_URL"])
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
    torch = text.index("RUN bash scripts/install-torch.sh pip")
    assert torch < text.index("pip install .")
    assert "COPY scripts/install-torch.sh" in text[:torch]


class _IndexHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.send_response(200 if self.path.startswith("/whl/cpu/torch/") else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def _fake_pip_dir(tmp_path: Path, cuda: bool) -> Path:
    """A pip that records its arguments and a python whose `import torch` check answers as a
    CPU (or CUDA) build would; the reachability probe runs on the real interpreter."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "pip").write_text(f'#!/bin/sh\necho "$@" >> {tmp_path}/pip.log\n')
    (bin_dir / "python").write_text(
        f'#!/bin/sh\nif [ "$1" = "-c" ]; then exit {1 if cuda else 0}; fi\nexec {sys.executable} "$@"\n')
    for tool in ("pip", "python"):
        (bin_dir / tool).chmod(0o755)
    return bin_dir


def _dockerfile_torch_line() -> str:
    lines = [line for line in (ROOT / "Dockerfile").read_text().splitlines()
             if line.startswith("RUN") and "torch" in line]
    assert len(lines) == 1, lines
    return lines[0].removeprefix("RUN ").strip()


def _run_install_line(tmp_path: Path, index: str, cuda: bool = False) -> subprocess.CompletedProcess:
    bin_dir = _fake_pip_dir(tmp_path, cuda)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "FRAMECRAFT_TORCH_INDEX": index}
    return subprocess.run(["bash", "-c", _dockerfile_torch_line()], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_dockerfile_torch_line_uses_the_cpu_index_where_it_answers(tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _IndexHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        index = f"http://127.0.0.1:{server.server_address[1]}/whl/cpu"
        run = _run_install_line(tmp_path, index)
    finally:
        server.shutdown()
    assert run.returncode == 0, run.stderr
    args = (tmp_path / "pip.log").read_text().split()
    assert "torch==2.13.0" in args
    assert args[args.index("--extra-index-url") + 1] == index


def test_dockerfile_torch_line_falls_back_to_the_pinned_install_offline(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/whl/cpu"
    run = _run_install_line(tmp_path, closed)
    assert run.returncode == 0, run.stderr
    args = (tmp_path / "pip.log").read_text().split()
    assert "torch==2.13.0" in args and "--extra-index-url" not in args
    assert "not reachable" in run.stderr


def test_install_torch_refuses_a_cuda_build(tmp_path: Path) -> None:
    run = _run_install_line(tmp_path, "none", cuda=True)
    assert run.returncode == 1
    assert "not the CPU build" in run.stderr


def _readme_settings_table() -> set[str]:
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## Configuration"):]
    section = section[:section.index("\n## ", 1)]
    return set(re.findall(r"`([A-Z][A-Z0-9_]+)`", section))


def test_env_example_readme_and_settings_name_the_same_variables() -> None:
    settings = _settings_env_names()
    example = set(re.findall(r"^(?:# )?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(),
                             re.M))
    readme = _readme_settings_table()
    compose_only = {"POSTGRES_PASSWORD"}
    assert settings - example == set(), "missing from .env.example"
    assert example - settings - compose_only == set(), "unknown in .env.example"
    assert settings - readme == set(), "missing from the README's Configuration table"
    assert readme - settings - compose_only == set(), "unknown in the README's Configuration table"
    dockerfile_env = set(re.findall(r"\b(FRAMECRAFT_[A-Z_]+)=", (ROOT / "Dockerfile").read_text()))
    assert dockerfile_env <= settings


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


def test_stack_script_status_without_a_stack_is_one_line(tmp_path: Path) -> None:
    assert subprocess.run(["bash", "-n", str(ROOT / "scripts" / "stack")]).returncode == 0
    env = {**os.environ, "FRAMECRAFT_PYTHON": sys.executable}
    run = subprocess.run([str(ROOT / "scripts" / "stack"), "--dir", str(tmp_path / "none"),
                          "status"], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and run.stdout.strip() == f"no stack in {tmp_path / 'none'}"
    bad = subprocess.run([str(ROOT / "scripts" / "stack"), "start", "nginx"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("password", ["p@ss:w/rd#1", "a b%20c?d=e&f", "ünïcødé/@@::", "x" * 200])
def test_any_database_password_survives_the_url(password: str) -> None:
    settings = Settings(database_url="postgresql+psycopg://framecraft@db.internal:5432/framecraft",
                        database_password=password)
    url = normalize_url(settings.effective_database_url)
    assert url.password == password
    assert (url.username, url.host, url.port, url.database) == (
        "framecraft", "db.internal", 5432, "framecraft")
    assert password not in repr(settings) and password not in str(settings)


def test_chroma_server_image_is_inside_the_client_pin(compose: dict) -> None:
    from packaging.requirements import Requirement

    image = compose["services"]["chroma"]["image"]
    assert image.startswith("chromadb/chroma:")
    server_version = image.split(":", 1)[1]
    text = (ROOT / "pyproject.toml").read_text()
    pin = Requirement(re.search(r'"(chromadb[^"]*)"', text).group(1))
    assert pin.specifier, "the chromadb client must be pinned to a range"
    assert server_version in pin.specifier, (server_version, str(pin.specifier))
    upper = [s for s in pin.specifier if s.operator in ("<", "<=", "~=", "==")]
    assert upper, "an open-ended client range can drift past the server image"
    postgres = compose["services"]["postgres"]["image"]
    assert re.fullmatch(r"postgres:\d+(\.\d+)?", postgres), "pin the Postgres image's major version"


def test_every_server_image_is_pinned_to_an_exact_version(compose: dict) -> None:
    """Like Chroma's, each server image names an exact release (never `latest` or a bare
    major that moves under a running deployment); ours is built from this checkout."""
    for name, service in compose["services"].items():
        image = service.get("image", "")
        if image == "framecraft:latest" and "build" in service:
            continue
        assert re.fullmatch(r"[\w./-]+:\d+\.\d+(\.\d+)?", image), (name, image)


def test_postgres_image_is_the_major_the_suite_tests(compose: dict) -> None:
    """The Postgres tests run on the Debian server binaries (scripts/start-test-postgres.sh);
    compose ships that same major, so what is tested is what is deployed."""
    major = compose["services"]["postgres"]["image"].split(":", 1)[1].split(".")[0]
    installed = sorted(p.name for p in Path("/usr/lib/postgresql").glob("*") if p.name.isdigit())
    if not installed:
        pytest.skip("no Debian PostgreSQL binaries here to compare with")
    assert major in installed, (major, installed)


def test_health_checks_probe_readiness_not_doctor(compose: dict) -> None:
    services = compose["services"]
    ports = {"slack": 3000, "discord": 8081, "discord-http": 8080}
    for name, port in ports.items():
        probe = " ".join(services[name]["healthcheck"]["test"])
        assert f"127.0.0.1:{port}/readyz" in probe, (name, probe)
        assert "doctor" not in probe
    assert Settings.model_fields["status_port"].default == ports["discord"]


def test_discord_http_is_a_profile_service(compose: dict) -> None:
    service = compose["services"]["discord-http"]
    assert service["profiles"] == ["discord-http"]
    assert service["command"][:3] == ["framecraft", "discord", "--http"]
    port = service["command"][service["command"].index("--port") + 1]
    assert service["ports"] == [f"{port}:{port}"]
    assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert set(service["environment"]) <= _settings_env_names()


def test_readme_per_user_limits_are_the_command_tables() -> None:
    from bot.core.command_table import rate_limits

    text = (ROOT / "README.md").read_text()
    section = text[text.index("**Per-user limits**"):text.index("**Replicas.**")]
    assert "over 60 seconds" in section
    rows = dict(re.findall(r"^\| `(\w+)` \| (\d+) \|$", section, re.M))
    limits = rate_limits()
    assert {name: int(calls) for name, calls in rows.items()} == {
        name: calls for name, (calls, _window) in limits.items()}
    assert {window for _calls, window in limits.values()} == {60.0}


def test_readme_names_readyz_for_the_load_balancer() -> None:
    text = (ROOT / "README.md").read_text()
    row = next(line for line in text.splitlines() if line.startswith("| `/readyz` |"))
    assert "load balancer" in row
    assert "scripts/stack up" in text and "scripts/stack down" in text
