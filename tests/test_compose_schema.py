"""docker-compose.yml checked against the Compose Specification's own JSON schema, without a
Docker daemon or compose plugin.

Why this schema: check-jsonschema vendors the current compose-spec.json (with its licence and
checksum) and keeps it updated, so the file is judged by the same rules `docker compose config`
applies, including forms such as `env_file: {path, required}` and port ranges, on machines with
no Docker at all (CI here has none).
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def compose_schema() -> dict[str, Any]:
    vendor = resources.files("check_jsonschema.builtin_schemas.vendor")
    return json.loads((vendor / "compose-spec.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def compose_file() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def _errors(schema: dict[str, Any], document: dict[str, Any]) -> list[str]:
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def test_compose_file_follows_the_compose_specification(
    compose_schema: dict[str, Any], compose_file: dict[str, Any]
) -> None:
    assert _errors(compose_schema, compose_file) == []


def test_the_schema_check_catches_a_misspelled_service_key(
    compose_schema: dict[str, Any], compose_file: dict[str, Any]
) -> None:
    """Proves the check above can fail: a typo a person might make is reported by name."""
    broken = copy.deepcopy(compose_file)
    first_service = next(iter(broken["services"].values()))
    first_service["healthcheck_"] = first_service.pop("healthcheck", {"test": ["CMD", "true"]})
    errors = _errors(compose_schema, broken)
    assert any("healthcheck_" in error for error in errors), errors
