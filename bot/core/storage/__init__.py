"""Framecraft's database: one `Store` class over SQLAlchemy, SQLite by default or Postgres."""

from bot.core.storage.records import (
    ComponentChange,
    ImportReport,
    PostLink,
    PromptDiff,
    PromptInfo,
    ReviewRecord,
    Version,
)
from bot.core.storage.store import Store, StoreError

__all__ = ["ComponentChange", "ImportReport", "PostLink", "PromptDiff", "PromptInfo", "ReviewRecord",
           "Store", "StoreError", "Version"]
