"""Login throttling by account+address, address and account, and an audit of refused logins.

Revision ID: 0006_login_throttle
Revises: 0005_notices
Create Date: 2026-12-04 16:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_login_throttle"
down_revision = "0005_notices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_allowed", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "login_failures",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(200), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
    )
    op.create_index("ix_login_failures_at", "login_failures", ["at"])


def downgrade() -> None:
    op.drop_index("ix_login_failures_at", table_name="login_failures")
    op.drop_table("login_failures")
    op.drop_table("login_throttle")
