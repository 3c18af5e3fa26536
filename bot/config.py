"""Settings from the environment or a `.env` file.

Slack and Discord keep their platforms' usual variable names; everything of ours is
`FRAMECRAFT_*`. Secrets are `SecretStr`, so printing or logging a Settings never shows them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _env(name: str) -> AliasChoices:
    return AliasChoices(name, name.lower())


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True,
                                      env_ignore_empty=True)
    """Empty values (a blank line copied from .env.example) keep the default."""

    # Framecraft's own.
    data_dir: Path = Field(default=Path(".framecraft"), validation_alias=_env("FRAMECRAFT_DATA_DIR"))
    knowledge_dir: Path | None = Field(default=None,
                                       validation_alias=_env("FRAMECRAFT_KNOWLEDGE_DIR"))
    gallery_dir: Path | None = Field(default=None, validation_alias=_env("FRAMECRAFT_GALLERY_DIR"))
    database_url: SecretStr | None = Field(default=None,
                                           validation_alias=_env("FRAMECRAFT_DATABASE_URL"))
    database_password: SecretStr | None = Field(
        default=None, validation_alias=_env("FRAMECRAFT_DATABASE_PASSWORD"))
    """The database password, kept out of the URL so any password works (`@`, `:`, `/`, `#`)."""
    chroma_url: str | None = Field(default=None, validation_alias=_env("FRAMECRAFT_CHROMA_URL"))
    llm: str | None = Field(default=None, validation_alias=_env("FRAMECRAFT_LLM"))
    """A chat model for langchain, e.g. `openai:gpt-4o-mini` or `ollama:llama3.1`."""
    llm_base_url: str | None = Field(default=None, validation_alias=_env("FRAMECRAFT_LLM_BASE_URL"))
    llm_api_key: SecretStr | None = Field(default=None,
                                          validation_alias=_env("FRAMECRAFT_LLM_API_KEY"))
    llm_timeout_s: float = Field(default=20.0, validation_alias=_env("FRAMECRAFT_LLM_TIMEOUT"))
    semantic_ethics: Literal["auto", "on", "off"] = Field(
        default="auto", validation_alias=_env("FRAMECRAFT_SEMANTIC_ETHICS"))
    """The ethics review's semantic layer (exemplar neighbours, needs the embedding model):
    `auto` runs it in the long-running fronts and `framecraft ethics`, not in a one-shot
    `framecraft critique` unless asked (`--ethics full`); `on` everywhere; `off` nowhere
    unless a command asks for it explicitly."""
    embeddings: Literal["onnx", "torch"] = Field(default="onnx",
                                                validation_alias=_env("FRAMECRAFT_EMBEDDINGS"))
    """`torch` embeds with sentence-transformers instead of the ONNX export (same vectors)."""
    log_level: str = Field(default="INFO", validation_alias=_env("FRAMECRAFT_LOG_LEVEL"))
    log_format: str = Field(default="text", validation_alias=_env("FRAMECRAFT_LOG_FORMAT"))
    """`text` (one readable line) or `json` (one JSON object a line, for log collectors)."""
    max_prompt_chars: int = Field(default=4000, validation_alias=_env("FRAMECRAFT_MAX_PROMPT_CHARS"))
    retention_days: float = Field(default=30.0, ge=0,
                                  validation_alias=_env("FRAMECRAFT_RETENTION_DAYS"))
    """How long a workspace's or guild's data is kept after it uninstalls the app (or the bot
    leaves the server) before a job deletes it; an admin's `forget-workspace` deletes it at once."""

    # Slack.
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias=_env("SLACK_BOT_TOKEN"))
    slack_signing_secret: SecretStr | None = Field(default=None,
                                                   validation_alias=_env("SLACK_SIGNING_SECRET"))
    slack_app_token: SecretStr | None = Field(default=None, validation_alias=_env("SLACK_APP_TOKEN"))
    slack_api_url: str | None = Field(default=None, validation_alias=_env("SLACK_API_URL"))
    slack_client_id: str | None = Field(default=None, validation_alias=_env("SLACK_CLIENT_ID"))
    """Set (with the secret) to install into any workspace by OAuth instead of SLACK_BOT_TOKEN."""
    slack_client_secret: SecretStr | None = Field(default=None,
                                                  validation_alias=_env("SLACK_CLIENT_SECRET"))
    slack_scopes: str | None = Field(default=None, validation_alias=_env("SLACK_SCOPES"))
    """The bot scopes the install asks for, comma-separated (default: those the bot uses)."""

    # Discord.
    discord_token: SecretStr | None = Field(default=None, validation_alias=_env("DISCORD_TOKEN"))
    discord_application_id: str | None = Field(default=None,
                                               validation_alias=_env("DISCORD_APPLICATION_ID"))
    discord_public_key: str | None = Field(default=None, validation_alias=_env("DISCORD_PUBLIC_KEY"))
    discord_api_url: str | None = Field(default=None, validation_alias=_env("DISCORD_API_URL"))
    discord_dev_guild_id: int | None = Field(default=None,
                                             validation_alias=_env("DISCORD_DEV_GUILD_ID"))
    discord_message_content: bool = Field(default=False,
                                          validation_alias=_env("DISCORD_MESSAGE_CONTENT"))
    """Ask for the privileged message-content intent (needed for review channels)."""
    status_port: int = Field(default=8081, ge=0, le=65535,
                             validation_alias=_env("FRAMECRAFT_STATUS_PORT"))
    """The Discord gateway bot's status port (`/livez`, `/readyz`); 0 turns it off."""

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "framecraft.db"

    @property
    def effective_database_url(self) -> str:
        """The URL to connect with. A separate password is set into the parsed URL by SQLAlchemy,
        which escapes it, instead of being pasted into the text."""
        if self.database_url is None:
            return f"sqlite:///{self.sqlite_path}"
        url = self.database_url.get_secret_value()
        if self.database_password is None:
            return url
        from sqlalchemy.engine import make_url

        with_password = make_url(url).set(password=self.database_password.get_secret_value())
        return with_password.render_as_string(hide_password=False)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
