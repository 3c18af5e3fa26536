"""`framecraft doctor`: check configuration, database, knowledge base, index and tokens, and say
what is wrong in words an operator can act on. Secrets are reported as set or unset, never shown.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, SecretStr
from rich.console import Console
from rich.text import Text

from bot.config import Settings
from bot.core.engine import Engine

Status = Literal["ok", "warn", "fail", "skip"]


class Check(BaseModel):
    name: str
    status: Status
    detail: str


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check configuration, database, index and tokens")
    p.add_argument("--json", action="store_true", help="print the checks as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, engine: Engine, console: Console) -> int:
    checks = run_checks(engine)
    if args.json:
        print(json.dumps([c.model_dump() for c in checks]))
    else:
        style = {"ok": "green", "warn": "yellow", "fail": "red bold", "skip": "dim"}
        for c in checks:
            line = Text(f"{c.status.upper():<5}", style=style[c.status])
            line.append(f" {c.name}: ", style="bold")
            line.append(c.detail)
            console.print(line)
        failed = [c.name for c in checks if c.status == "fail"]
        console.print(f"{len(failed)} problem(s): {', '.join(failed)}" if failed
                      else "All checks passed.")
    return 1 if any(c.status == "fail" for c in checks) else 0


def run_checks(engine: Engine) -> list[Check]:
    out: list[Check] = []
    for fn in (check_config, check_database, check_knowledge, check_index, check_embeddings,
               check_slack, check_discord):
        try:
            out.extend(fn(engine))
        except Exception as e:  # noqa: BLE001 - a broken check is itself a finding
            out.append(Check(name=fn.__name__.removeprefix("check_"), status="fail",
                             detail=f"the check crashed: {type(e).__name__}: {_short(e)}"))
    return out


def _short(e: BaseException) -> str:
    text = str(getattr(e, "orig", None) or e).strip().splitlines()
    return (text[0] if text else type(e).__name__)[:240]


def check_config(engine: Engine) -> list[Check]:
    s = engine.settings
    out = []
    data = s.data_dir
    if data.exists() and not os.access(data, os.W_OK):
        out.append(Check(name="data dir", status="fail",
                         detail=f"{data} is not writable (FRAMECRAFT_DATA_DIR)"))
    else:
        out.append(Check(name="data dir", status="ok",
                         detail=f"{data}" + ("" if data.exists() else " (created on first use)")))
    if s.llm:
        out.append(_llm_check(s))
    else:
        out.append(Check(name="llm", status="ok",
                         detail="FRAMECRAFT_LLM unset: offline rewrites only"))
    return out


# Providers that need no key: a local server (Ollama), or any OpenAI-compatible server given by
# FRAMECRAFT_LLM_BASE_URL. Others read FRAMECRAFT_LLM_API_KEY or their own variable.
_KEYLESS_PROVIDERS = frozenset({"ollama", "huggingface", "bedrock", "bedrock_converse",
                                "google_vertexai"})
_PROVIDER_KEY_VARS = {"openai": "OPENAI_API_KEY", "azure_openai": "AZURE_OPENAI_API_KEY",
                      "anthropic": "ANTHROPIC_API_KEY", "google_genai": "GOOGLE_API_KEY",
                      "groq": "GROQ_API_KEY", "mistralai": "MISTRAL_API_KEY",
                      "together": "TOGETHER_API_KEY", "fireworks": "FIREWORKS_API_KEY",
                      "deepseek": "DEEPSEEK_API_KEY", "xai": "XAI_API_KEY",
                      "perplexity": "PPLX_API_KEY", "cohere": "COHERE_API_KEY"}


def _llm_check(s: Settings) -> Check:
    """ok when the chat model can authenticate; warn when it needs a key nobody set (every
    rewrite would then fail over to the offline one)."""
    provider = s.llm.partition(":")[0] if s.llm and ":" in s.llm else "openai"
    own_var = _PROVIDER_KEY_VARS.get(provider)
    has_key = bool(s.llm_api_key) or bool(own_var and os.environ.get(own_var))
    if has_key or s.llm_base_url or provider in _KEYLESS_PROVIDERS:
        where = "key set" if has_key else ("local server" if s.llm_base_url else "no key needed")
        return Check(name="llm", status="ok",
                     detail=f"{s.llm} ({where}); offline rewrite is the fallback")
    need = "FRAMECRAFT_LLM_API_KEY" + (f" or {own_var}" if own_var else "")
    return Check(name="llm", status="warn",
                 detail=f"{s.llm} needs an API key and none is set ({need}): every LLM rewrite "
                        "will fail and fall back to the offline one")


def check_database(engine: Engine) -> list[Check]:
    from bot.core.storage.engine import safe_url

    url = engine.settings.effective_database_url
    where = safe_url(url)
    if engine.settings.database_url is None and not engine.settings.sqlite_path.exists():
        # Connecting would create the file; a health check must not change what it reports on.
        return [Check(name="database", status="ok",
                      detail=f"{where}: not created yet (made on first use)")]
    try:
        current, head = engine.store.schema_revision()
    except Exception as e:  # noqa: BLE001 - unreachable server, bad URL, missing driver ...
        hint = ("check FRAMECRAFT_DATABASE_URL (postgresql+psycopg://user:pass@host/db)"
                if engine.settings.database_url else "check FRAMECRAFT_DATA_DIR")
        return [Check(name="database", status="fail",
                      detail=f"cannot connect to {where}: {_short(e)}; {hint}")]
    if current == head:
        return [Check(name="database", status="ok", detail=f"{where}, schema at {head}")]
    if current is None:
        return [Check(name="database", status="warn",
                      detail=f"{where} reachable, schema not created yet (done on first use)")]
    return [Check(name="database", status="warn",
                  detail=f"{where} schema at {current}, newest is {head}: upgraded on first use")]


def check_knowledge(engine: Engine) -> list[Check]:
    from bot.core.knowledge import KnowledgeError

    try:
        kb = engine.kb
    except KnowledgeError as e:
        return [Check(name="knowledge", status="fail", detail=str(e))]
    return [Check(name="knowledge", status="ok",
                  detail=f"{len(kb.guide)} guide sections, {len(kb.models)} model profiles, "
                         f"{len(kb.gallery)} gallery prompts")]


def check_index(engine: Engine) -> list[Check]:
    if importlib.util.find_spec("bot.core.retrieval.index") is None:
        return [Check(name="index", status="skip", detail="retrieval is not part of this build")]
    from bot.core.retrieval import index as ix

    spec = ix.client_spec(engine.settings.data_dir, engine.settings.chroma_url)
    if spec.mode == "persistent" and not (spec.path and spec.path.exists()):
        return [Check(name="index", status="warn",
                      detail=f"no index at {spec.path} yet: the first `ask` builds it (10-20 s "
                             "on 2 cores); `framecraft index` builds it now")]
    where = f"chroma server {spec.host}:{spec.port}" if spec.mode == "http" else str(spec.path)
    try:
        client = ix.make_client(spec)
        names = [getattr(c, "name", c) for c in client.list_collections()]
        if ix.COLLECTION not in names:
            return [Check(name="index", status="warn",
                          detail=f"{where} has no {ix.COLLECTION} collection: build the index")]
        count = client.get_collection(ix.COLLECTION).count()
    except Exception as e:  # noqa: BLE001
        hint = "is FRAMECRAFT_CHROMA_URL right and the server up?" if spec.mode == "http" else ""
        return [Check(name="index", status="fail",
                      detail=f"cannot open the index at {where}: {_short(e)} {hint}".strip())]
    status: Status = "ok" if count else "warn"
    return [Check(name="index", status=status, detail=f"{where}: {count} chunks")]


def check_embeddings(engine: Engine) -> list[Check]:
    """The ONNX export of the embedding model (checksums, not a load: doctor stays quick)."""
    from bot.core.retrieval import onnx_model

    where = onnx_model.artifact_dir(engine.settings.data_dir)
    status = onnx_model.export_status(engine.settings.data_dir)
    if status == "ok":
        return [Check(name="embeddings", status="ok", detail=f"ONNX Runtime, {where}")]
    why = {"missing": "not exported yet", "stale": "the shipped model changed since the export",
           "corrupt": "the exported file fails its checksum"}[status]
    return [Check(name="embeddings", status="warn",
                  detail=f"{why}: the first `ask` (or `framecraft index`) exports it again, "
                         "a few seconds")]


def _set(value: SecretStr | str | None) -> bool:
    if isinstance(value, SecretStr):
        return bool(value.get_secret_value().strip())
    return bool(value and str(value).strip())


def _prefix(value: SecretStr | None, prefix: str) -> bool:
    return value is not None and value.get_secret_value().strip().startswith(prefix)


def check_slack(engine: Engine) -> list[Check]:
    s: Settings = engine.settings
    names = {"SLACK_BOT_TOKEN": s.slack_bot_token, "SLACK_SIGNING_SECRET": s.slack_signing_secret,
             "SLACK_APP_TOKEN": s.slack_app_token}
    if _set(s.slack_client_id):  # OAuth: any workspace installs; no single bot token
        names = {"SLACK_CLIENT_ID": SecretStr(s.slack_client_id or ""),
                 "SLACK_CLIENT_SECRET": s.slack_client_secret,
                 "SLACK_SIGNING_SECRET": s.slack_signing_secret}
        present = ", ".join(f"{k} {'set' if _set(v) else 'unset'}" for k, v in names.items())
        missing = [k for k, v in names.items() if not _set(v)]
        return _verdict("slack", f"OAuth install mode; {present}",
                        [f"{k} is missing" for k in missing])
    present = ", ".join(f"{k} {'set' if _set(v) else 'unset'}" for k, v in names.items())
    if not any(_set(v) for v in names.values()):
        return [Check(name="slack", status="skip", detail=f"not configured ({present})")]
    problems = []
    if not _set(s.slack_bot_token):
        problems.append("SLACK_BOT_TOKEN is missing")
    elif not _prefix(s.slack_bot_token, "xoxb-"):
        problems.append("SLACK_BOT_TOKEN does not look like a bot token (xoxb-...)")
    if not (_set(s.slack_signing_secret) or _set(s.slack_app_token)):
        problems.append("set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (socket mode)")
    if _set(s.slack_app_token) and not _prefix(s.slack_app_token, "xapp-"):
        problems.append("SLACK_APP_TOKEN does not look like an app-level token (xapp-...)")
    return _verdict("slack", present, problems)


def check_discord(engine: Engine) -> list[Check]:
    s: Settings = engine.settings
    present = (f"DISCORD_TOKEN {'set' if _set(s.discord_token) else 'unset'}, "
               f"DISCORD_APPLICATION_ID {'set' if _set(s.discord_application_id) else 'unset'}")
    if not _set(s.discord_token) and not _set(s.discord_application_id):
        return [Check(name="discord", status="skip", detail=f"not configured ({present})")]
    problems = []
    if not _set(s.discord_token):
        problems.append("DISCORD_TOKEN is missing")
    elif s.discord_token is not None and s.discord_token.get_secret_value().count(".") != 2:
        problems.append("DISCORD_TOKEN does not look like a bot token (three dot-separated parts)")
    if s.discord_application_id and not str(s.discord_application_id).strip().isdigit():
        problems.append("DISCORD_APPLICATION_ID should be the numeric application id")
    checks = _verdict("discord", present, problems)
    if not s.discord_message_content:
        checks.append(Check(name="discord-review-channels", status="warn", detail=(
            "DISCORD_MESSAGE_CONTENT unset: the bot cannot read messages, so /framecraft watch "
            "and ethics notes stay silent; enable the Message Content intent (Developer Portal "
            "→ Bot) and set DISCORD_MESSAGE_CONTENT=true")))
    return checks


def _verdict(name: str, present: str, problems: list[str]) -> list[Check]:
    if problems:
        return [Check(name=name, status="fail", detail=f"{'; '.join(problems)} ({present})")]
    return [Check(name=name, status="ok", detail=present)]


CheckFn = Callable[[Engine], list[Check]]
