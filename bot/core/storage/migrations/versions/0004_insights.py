"""Team insights: what each review found (missing components, anti-patterns, ethics categories),
users who opted out of the numbers, weekly digest subscriptions and their once-a-week runs.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_DETAIL_COLUMNS = ("missing", "anti_patterns", "ethics")


def upgrade() -> None:
    # JSON lists of names; NULL means "not analysed yet" (rows older than this revision).
    for table in ("fc_reviews", "fc_prompt_versions"):
        with op.batch_alter_table(table) as batch:
            for column in _DETAIL_COLUMNS:
                batch.add_column(sa.Column(column, sa.Text(), nullable=True))
    op.create_table(
        "fc_insight_optouts",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("scope", sa.String(128), nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("platform", "scope", "user_id", name="pk_fc_insight_optouts"),
    )
    op.create_table(
        "fc_digest_subscriptions",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("scope", sa.String(128), nullable=False),
        sa.Column("channel", sa.String(128), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("tz", sa.String(64), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("platform", "scope", "channel", name="pk_fc_digest_subscriptions"),
    )
    op.create_table(
        "fc_digest_runs",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("scope", sa.String(128), nullable=False),
        sa.Column("channel", sa.String(128), nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("lease_until", sa.Float(), nullable=False),
        sa.Column("posted_at", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("platform", "scope", "channel", "period",
                                name="pk_fc_digest_runs"),
    )


def downgrade() -> None:
    op.drop_table("fc_digest_runs")
    op.drop_table("fc_digest_subscriptions")
    op.drop_table("fc_insight_optouts")
    for table in ("fc_reviews", "fc_prompt_versions"):
        with op.batch_alter_table(table) as batch:
            for column in _DETAIL_COLUMNS:
                batch.drop_column(column)
