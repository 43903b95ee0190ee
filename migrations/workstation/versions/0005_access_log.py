"""Quebec Law 25 on the workstation: consultations waiting for the next sync, and when a local
copy of a request was anonymised.

Revision ID: 0005_access_log
Revises: 0004_kb_authoring
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_access_log"
down_revision = "0004_kb_authoring"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "access_outbox",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("request_uuid", sa.String(36), nullable=False),
        sa.Column("username", sa.String(60), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("route", sa.String(120), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
    )
    op.create_index("ix_access_outbox_at", "access_outbox", ["at"])
    with op.batch_alter_table("requests") as batch:
        batch.add_column(sa.Column("anonymised_at", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("requests") as batch:
        batch.drop_column("anonymised_at")
    op.drop_index("ix_access_outbox_at", table_name="access_outbox")
    op.drop_table("access_outbox")
