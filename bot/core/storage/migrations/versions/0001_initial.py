"""Initial schema: front state shared by replicas, and versioned prompt libraries.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fc_settings",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("scope", sa.String(128), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("platform", "scope", "key", name="pk_fc_settings"),
    )
    op.create_table(
        "fc_feedback",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("scope", sa.String(128), nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("review_id", sa.String(64), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("platform", "scope", "user_id", "review_id",
                                name="pk_fc_feedback"),
    )
    op.create_table(
        "fc_claims",
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_fc_claims"),
    )
    op.create_table(
        "fc_rate_keys",
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("touched_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_fc_rate_keys"),
    )
    op.create_table(
        "fc_rate_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["key"], ["fc_rate_keys.key"], ondelete="CASCADE",
                                name="fk_fc_rate_events_key_fc_rate_keys"),
        sa.PrimaryKeyConstraint("id", name="pk_fc_rate_events"),
    )
    op.create_index("ix_fc_rate_events_key", "fc_rate_events", ["key"])
    op.create_table(
        "fc_reviews",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("scope", sa.String(128), nullable=False),
        sa.Column("channel", sa.String(128), nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(64), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fc_reviews"),
    )
    op.create_index("ix_fc_reviews_created_at", "fc_reviews", ["created_at"])
    op.create_table(
        "fc_prompts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team", sa.String(128), nullable=False),
        sa.Column("name_key", sa.String(64), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(128), nullable=True),
        sa.Column("last_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fc_prompts"),
        sa.UniqueConstraint("team", "name_key", name="uq_fc_prompts_team_name"),
    )
    op.create_table(
        "fc_prompt_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("prompt_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("model", sa.String(64), nullable=True),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("keeper", sa.Boolean(), nullable=False),
        sa.Column("keeper_note", sa.String(500), nullable=True),
        sa.ForeignKeyConstraint(["prompt_id"], ["fc_prompts.id"], ondelete="CASCADE",
                                name="fk_fc_prompt_versions_prompt_id_fc_prompts"),
        sa.PrimaryKeyConstraint("id", name="pk_fc_prompt_versions"),
        sa.UniqueConstraint("prompt_id", "version", name="uq_fc_prompt_versions_prompt_version"),
    )


def downgrade() -> None:
    op.drop_table("fc_prompt_versions")
    op.drop_table("fc_prompts")
    op.drop_index("ix_fc_reviews_created_at", table_name="fc_reviews")
    op.drop_table("fc_reviews")
    op.drop_index("ix_fc_rate_events_key", table_name="fc_rate_events")
    op.drop_table("fc_rate_events")
    op.drop_table("fc_rate_keys")
    op.drop_table("fc_claims")
    op.drop_table("fc_feedback")
    op.drop_table("fc_settings")
