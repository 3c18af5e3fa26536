"""Migration 0005 (Slack installations, tenants, leases, review posts' workspace) upgraded and
downgraded on SQLite and Postgres, with data in the tables it touches; and the Slack tables
declared in tables.py are exactly those slack_sdk's SQLAlchemy stores build and use."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import MetaData, inspect, text

from bot.core.storage import engine as engines
from bot.core.storage import migrate
from bot.core.storage import tables as t

NEW_TABLES = {"slack_installations", "slack_bots", "slack_oauth_states", "fc_tenants",
              "fc_leases"}


def _alembic(eng, verb: str, target: str) -> None:
    cfg = migrate.alembic_config()
    with eng.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, verb)(cfg, target)


def _columns(eng, table: str) -> set[str]:
    return {c["name"] for c in inspect(eng).get_columns(table)}


def test_0005_upgrade_backfills_and_downgrade_restores(store_url: str) -> None:
    eng = engines.create(store_url)
    try:
        _alembic(eng, "upgrade", "0004")
        assert not NEW_TABLES & set(inspect(eng).get_table_names())
        assert "scope" not in _columns(eng, "fc_review_posts")
        with eng.begin() as conn:  # a review-channel reply made before 0005, and an orphan
            conn.execute(text(
                "INSERT INTO fc_reviews (id, platform, scope, channel, user_id, prompt, score, "
                "created_at) VALUES ('r1', 'slack', 'T1', 'C1', 'U1', 'a fox', 40, 1.0)"))
            conn.execute(text(
                "INSERT INTO fc_review_posts (platform, channel, message_id, reply_ref, "
                "review_id, updated_at) VALUES ('slack', 'T1:C1', 'm1', '{}', 'r1', 1.0), "
                "('slack', 'T1:C1', 'm2', '{}', NULL, 1.0)"))

        _alembic(eng, "upgrade", "0005")
        assert migrate.current_revision(eng) == "0005"
        assert set(inspect(eng).get_table_names()) >= NEW_TABLES
        with eng.connect() as conn:
            scopes = dict(conn.execute(text(
                "SELECT message_id, scope FROM fc_review_posts ORDER BY message_id")).all())
        assert scopes == {"m1": "T1", "m2": ""}  # from its review; none for the orphan

        # slack_sdk's own stores work on the migrated tables
        installs = SQLAlchemyInstallationStore(client_id="111.222", engine=eng)
        installs.save(Installation(app_id="A1", team_id="T1", bot_token="xoxb-t1",
                                   bot_id="B1", bot_user_id="UB1", user_id="U1",
                                   bot_refresh_token="xoxe-1", bot_token_expires_in=3600,
                                   installed_at=datetime.now(UTC).timestamp()))
        bot = installs.find_bot(enterprise_id=None, team_id="T1")
        assert bot is not None and bot.bot_token == "xoxb-t1"
        assert bot.bot_refresh_token == "xoxe-1" and bot.bot_token_expires_at is not None
        states = SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=eng)
        state = states.issue()
        assert states.consume(state) is True and states.consume(state) is False

        _alembic(eng, "downgrade", "0004")
        assert migrate.current_revision(eng) == "0004"
        assert not NEW_TABLES & set(inspect(eng).get_table_names())
        assert "scope" not in _columns(eng, "fc_review_posts")
        with eng.connect() as conn:
            kept = conn.execute(text("SELECT count(*) FROM fc_review_posts")).scalar_one()
        assert kept == 2  # the rows survive the round trip

        _alembic(eng, "upgrade", "head")  # and up again
        assert migrate.current_revision(eng) == migrate.head_revision()
        _alembic(eng, "downgrade", "base")
        assert not {"fc_review_posts", "slack_bots"} & set(inspect(eng).get_table_names())
    finally:
        eng.dispose()


def test_slack_tables_are_slack_sdks() -> None:
    """tables.py spells out slack_sdk's tables (the core imports no Slack library): the same
    columns, types, nullability and indexes as the stores' own builders."""
    theirs = MetaData()
    built = {
        "slack_installations": SQLAlchemyInstallationStore.build_installations_table(
            theirs, "slack_installations"),
        "slack_bots": SQLAlchemyInstallationStore.build_bots_table(theirs, "slack_bots"),
        "slack_oauth_states": SQLAlchemyOAuthStateStore.build_oauth_states_table(
            theirs, "slack_oauth_states"),
    }
    for name, table in built.items():
        ours = t.metadata.tables[name]
        assert [c.name for c in ours.columns] == [c.name for c in table.columns], name
        for mine, lib in zip(ours.columns, table.columns, strict=True):
            assert type(mine.type) is type(lib.type), (name, mine.name)
            assert getattr(mine.type, "length", None) == getattr(lib.type, "length", None)
            assert (mine.nullable, mine.primary_key) == (lib.nullable, lib.primary_key)
        assert {tuple(c.name for c in i.columns) for i in ours.indexes} == \
            {tuple(c.name for c in i.columns) for i in table.indexes}
