"""Requests, their outbox, and the taxonomy received from the server.

Revision ID: 0002_requests_and_sync
Revises: 0001_knowledge_base
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_requests_and_sync"
down_revision = "0001_knowledge_base"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "categories",
        sa.Column("code", sa.String(80), primary_key=True),
        sa.Column("label", sa.String(160), nullable=False),
        sa.Column("department", sa.String(120), nullable=False),
        sa.Column("deadline_hours", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "requests",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("reference", sa.String(20), nullable=True),
        sa.Column("nature", sa.String(20), nullable=False),
        sa.Column("category", sa.String(80), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("flags", sa.Text(), nullable=False),
        sa.Column("citizen_phone", sa.String(40), nullable=False),
        sa.Column("citizen_email", sa.String(200), nullable=False),
        sa.Column("citizen_key", sa.String(300), nullable=False),
        sa.Column("address_key", sa.String(200), nullable=False),
        sa.Column("street_key", sa.String(200), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(60), nullable=False),
        sa.Column("due_at", sa.Text(), nullable=True),
        sa.Column("followup_due_at", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.Text(), nullable=True),
        sa.Column("sync_state", sa.String(20), nullable=False),
        sa.Column("sync_error", sa.Text(), nullable=False),
        sa.Column("server", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.Text(), nullable=False),
    )
    for column in ("reference", "category", "status", "citizen_phone", "citizen_email", "citizen_key",
                   "address_key", "street_key", "created_at", "sync_state"):
        op.create_index(f"ix_requests_{column}", "requests", [column])
    op.create_index("ix_requests_citizen_address", "requests", ["citizen_key", "address_key"])
    op.create_index("ix_requests_category_street", "requests", ["category", "street_key", "created_at"])
    op.create_index("ix_requests_category_address", "requests", ["category", "address_key", "created_at"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("entity_uuid", sa.String(36), nullable=False),
        sa.Column("parent_uuid", sa.String(36), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
    )
    op.create_index("ix_outbox_entity_uuid", "outbox", ["entity_uuid"])
    op.create_index("ix_outbox_state", "outbox", ["state"])


def downgrade() -> None:
    op.drop_table("outbox")
    op.drop_table("requests")
    op.drop_table("categories")
