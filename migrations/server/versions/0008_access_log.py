"""Quebec Law 25: the access log of requests' personal data, and when a request was anonymised.

Revision ID: 0008_access_log
Revises: 0006_login_throttle
Create Date: 2026-12-04 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_access_log"
down_revision = "0007_report_rollup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True
        ),
        sa.Column("uuid", sa.String(36), nullable=True, unique=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(60), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("request_uuid", sa.String(36), nullable=True),
        sa.Column("requests", sa.Text(), nullable=True),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("route", sa.String(120), nullable=False),
        sa.Column("source", sa.String(12), nullable=False),
        sa.Column("reported_by", sa.String(60), nullable=True),
    )
    op.create_index("ix_access_log_at", "access_log", ["at"])
    op.create_index("ix_access_log_request_at", "access_log", ["request_uuid", "at"])
    op.create_index("ix_access_log_username_at", "access_log", ["username", "at"])
    with op.batch_alter_table("requests") as batch:
        batch.add_column(sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_requests_closed_at", "requests", ["closed_at"])


def downgrade() -> None:
    op.drop_index("ix_requests_closed_at", table_name="requests")
    with op.batch_alter_table("requests") as batch:
        batch.drop_column("anonymised_at")
    op.drop_index("ix_access_log_username_at", table_name="access_log")
    op.drop_index("ix_access_log_request_at", table_name="access_log")
    op.drop_index("ix_access_log_at", table_name="access_log")
    op.drop_table("access_log")
