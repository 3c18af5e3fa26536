"""Review channels: which bot reply answers which posted message (so edits update it).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fc_review_posts",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(128), nullable=False),
        sa.Column("message_id", sa.String(128), nullable=False),
        sa.Column("reply_ref", sa.Text(), nullable=False),
        sa.Column("review_id", sa.String(16), nullable=True),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("platform", "channel", "message_id", name="pk_fc_review_posts"),
    )


def downgrade() -> None:
    op.drop_table("fc_review_posts")
