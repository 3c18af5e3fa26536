"""The shipped alembic migrations build exactly the schema in tables.py, on both backends."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from bot.core.storage import Store, migrate
from bot.core.storage.tables import metadata


def test_migrations_match_the_table_definitions(store: Store) -> None:
    store.get_setting("x", "y", "z")  # first use runs `upgrade head`
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_upgrade_is_idempotent_and_downgrade_clears(store: Store) -> None:
    store.save("t", "fox", "A fox runs through snow", "ana")
    migrate.upgrade(store.engine)  # a second replica starting: nothing changes
    assert store.get("t", "fox").version == 1
    cfg = migrate.alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert not {"fc_prompts", "fc_settings"} & set(inspect(store.engine).get_table_names())
