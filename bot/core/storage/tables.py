"""The database schema, as SQLAlchemy tables. Alembic migrations in `migrations/` create it.

Front state (settings, feedback, claims, rate limits, reviews) lives here rather than in process
memory so that several replicas of a bot agree; prompt versions are the team libraries.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

settings = Table(
    "fc_settings", metadata,
    Column("platform", String(32), primary_key=True),
    Column("scope", String(128), primary_key=True),
    Column("key", String(128), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
)

feedback = Table(
    "fc_feedback", metadata,
    Column("platform", String(32), primary_key=True),
    Column("scope", String(128), primary_key=True),
    Column("user_id", String(128), primary_key=True),
    Column("review_id", String(64), primary_key=True),
    Column("helpful", Boolean, nullable=False),
    Column("created_at", Float, nullable=False),
)

claims = Table(
    "fc_claims", metadata,
    Column("key", String(255), primary_key=True),
    Column("expires_at", Float, nullable=False),
)

rate_keys = Table(
    "fc_rate_keys", metadata,
    Column("key", String(255), primary_key=True),
    Column("touched_at", Float, nullable=False),
)

rate_events = Table(
    "fc_rate_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(255), ForeignKey("fc_rate_keys.key", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("at", Float, nullable=False),
)

reviews = Table(
    "fc_reviews", metadata,
    Column("id", String(16), primary_key=True),
    Column("platform", String(32), nullable=False),
    Column("scope", String(128), nullable=False),
    Column("channel", String(128), nullable=False, default=""),
    Column("user_id", String(128), nullable=False),
    Column("prompt", Text, nullable=False),
    Column("score", Integer, nullable=False),
    Column("model", String(64)),
    Column("created_at", Float, nullable=False, index=True),
    # What the critique found, as JSON lists of names (insights count them; NULL: not analysed).
    Column("missing", Text),
    Column("anti_patterns", Text),
    Column("ethics", Text),
)

prompts = Table(
    "fc_prompts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team", String(128), nullable=False),
    # Case-folded name: `Hero Shot` and `hero shot` are one prompt.
    Column("name_key", String(64), nullable=False),
    Column("name", String(64), nullable=False),
    Column("channel", String(128)),
    # The version counter, bumped under the row lock by each save.
    Column("last_version", Integer, nullable=False, default=0),
    Column("created_at", Float, nullable=False),
    UniqueConstraint("team", "name_key", name="uq_fc_prompts_team_name"),
)

prompt_versions = Table(
    "fc_prompt_versions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("prompt_id", Integer, ForeignKey("fc_prompts.id", ondelete="CASCADE"),
           nullable=False),
    Column("version", Integer, nullable=False),
    Column("prompt", Text, nullable=False),
    Column("author", String(128), nullable=False),
    Column("model", String(64)),
    Column("note", String(500)),
    Column("score", Integer),
    Column("created_at", Float, nullable=False),
    Column("keeper", Boolean, nullable=False, default=False),
    Column("keeper_note", String(500)),
    Column("missing", Text),
    Column("anti_patterns", Text),
    Column("ethics", Text),
    UniqueConstraint("prompt_id", "version", name="uq_fc_prompt_versions_prompt_version"),
)

review_posts = Table(
    "fc_review_posts", metadata,
    # A message the bot reviewed unasked, and where its reply is, so an edit updates the reply.
    Column("platform", String(32), primary_key=True),
    Column("channel", String(128), primary_key=True),
    Column("message_id", String(128), primary_key=True),
    Column("reply_ref", Text, nullable=False),
    Column("review_id", String(16)),
    Column("updated_at", Float, nullable=False),
    # The workspace or guild the message was posted in (forgetting a workspace deletes these).
    Column("scope", String(128), nullable=False, server_default="", index=True),
)

house_rules = Table(
    "fc_house_rules", metadata,
    # The rules in force for one scope: a Slack workspace or Discord guild (`channel` ""), or
    # one channel in it. `toml` is the text the admin wrote, validated before it was saved.
    Column("platform", String(32), primary_key=True),
    Column("scope", String(128), primary_key=True),
    Column("channel", String(128), primary_key=True),
    Column("toml", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_by", String(128), nullable=False),
    Column("updated_at", Float, nullable=False),
)

house_rules_versions = Table(
    "fc_house_rules_versions", metadata,
    # Every change (set or reset), never rewritten: who, when, and the text after the change.
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(32), nullable=False),
    Column("scope", String(128), nullable=False),
    Column("channel", String(128), nullable=False),
    Column("version", Integer, nullable=False),
    Column("action", String(16), nullable=False),
    Column("toml", Text, nullable=False),
    Column("author", String(128), nullable=False),
    Column("created_at", Float, nullable=False),
    UniqueConstraint("platform", "scope", "channel", "version",
                     name="uq_fc_house_rules_versions_scope_version"),
)

insight_optouts = Table(
    "fc_insight_optouts", metadata,
    # A user who asked to be left out of team insights and digests.
    Column("platform", String(32), primary_key=True),
    Column("scope", String(128), primary_key=True),
    Column("user_id", String(128), primary_key=True),
    Column("created_at", Float, nullable=False),
)

digest_subscriptions = Table(
    "fc_digest_subscriptions", metadata,
    # A channel's weekly digest: weekday (0 = Monday) and hour in the workspace's time zone.
    Column("platform", String(32), primary_key=True),
    Column("scope", String(128), primary_key=True),
    Column("channel", String(128), primary_key=True),
    Column("weekday", Integer, nullable=False),
    Column("hour", Integer, nullable=False),
    Column("tz", String(64), nullable=False),
    Column("created_by", String(128)),
    Column("created_at", Float, nullable=False),
)

digest_runs = Table(
    "fc_digest_runs", metadata,
    # One row per channel and ISO week: the replica holding the lease posts, and `posted_at`
    # set means nobody posts that week again.
    Column("platform", String(32), primary_key=True),
    Column("scope", String(128), primary_key=True),
    Column("channel", String(128), primary_key=True),
    Column("period", String(16), primary_key=True),
    Column("owner", String(64), nullable=False),
    Column("lease_until", Float, nullable=False),
    Column("posted_at", Float),
)

# ---- Slack installations (OAuth), workspace lifecycle, and one-replica jobs -----------------------
# Bolt's SQLAlchemy stores (slack_sdk.oauth) read and write these three tables. The core
# imports no Slack library, so the columns are spelled out here exactly as slack_sdk's own
# table builders spell them (tests/storage/test_migration_0005.py keeps them in step); the
# migration (0005) creates them rather than the stores' `create_tables`, so upgrade and
# downgrade are tested.
slack_installations = Table(
    "slack_installations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client_id", String(32), nullable=False),
    Column("app_id", String(32), nullable=False),
    Column("enterprise_id", String(32)),
    Column("enterprise_name", String(200)),
    Column("enterprise_url", String(200)),
    Column("team_id", String(32)),
    Column("team_name", String(200)),
    Column("bot_token", String(200)),
    Column("bot_id", String(32)),
    Column("bot_user_id", String(32)),
    Column("bot_scopes", String(1000)),
    Column("bot_refresh_token", String(200)),
    Column("bot_token_expires_at", DateTime),
    Column("user_id", String(32), nullable=False),
    Column("user_token", String(200)),
    Column("user_scopes", String(1000)),
    Column("user_refresh_token", String(200)),
    Column("user_token_expires_at", DateTime),
    Column("incoming_webhook_url", String(200)),
    Column("incoming_webhook_channel", String(200)),
    Column("incoming_webhook_channel_id", String(200)),
    Column("incoming_webhook_configuration_url", String(200)),
    Column("is_enterprise_install", Boolean, default=False, nullable=False),
    Column("token_type", String(32)),
    Column("installed_at", DateTime, nullable=False, default=func.now()),
    Index("slack_installations_idx", "client_id", "enterprise_id", "team_id", "user_id",
          "installed_at"),
)

slack_bots = Table(
    "slack_bots", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client_id", String(32), nullable=False),
    Column("app_id", String(32), nullable=False),
    Column("enterprise_id", String(32)),
    Column("enterprise_name", String(200)),
    Column("team_id", String(32)),
    Column("team_name", String(200)),
    Column("bot_token", String(200)),
    Column("bot_id", String(32)),
    Column("bot_user_id", String(32)),
    Column("bot_scopes", String(1000)),
    Column("bot_refresh_token", String(200)),
    Column("bot_token_expires_at", DateTime),
    Column("is_enterprise_install", Boolean, default=False, nullable=False),
    Column("installed_at", DateTime, nullable=False, default=func.now()),
    Index("slack_bots_idx", "client_id", "enterprise_id", "team_id", "installed_at"),
)

slack_oauth_states = Table(
    "slack_oauth_states", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(200), nullable=False),
    Column("expire_at", DateTime, nullable=False),
)

tenants = Table(
    "fc_tenants", metadata,
    # A Slack workspace or Discord guild that left (uninstalled, tokens revoked, bot removed):
    # its data is deleted at `purge_after` unless it comes back first (the row is then removed).
    Column("platform", String(32), primary_key=True),
    Column("scope", String(128), primary_key=True),
    Column("left_at", Float, nullable=False),
    Column("purge_after", Float, nullable=False, index=True),
    Column("reason", String(64), nullable=False),
)

leases = Table(
    "fc_leases", metadata,
    # A job that must run on one replica at a time (the retention purge): whoever holds an
    # unexpired lease runs it; `last_run` is when it last finished.
    Column("name", String(64), primary_key=True),
    Column("owner", String(64), nullable=False),
    Column("lease_until", Float, nullable=False),
    Column("last_run", Float),
)
