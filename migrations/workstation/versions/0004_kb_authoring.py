"""KB authoring on the workstation: categories, precise end, review date and server version on
articles; editors' drafts; feedback and search events waiting for the next sync.

Revision ID: 0004_kb_authoring
Revises: 0003_request_followup
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_kb_authoring"
down_revision = "0003_request_followup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kb_articles") as batch:
        batch.add_column(sa.Column("categories", sa.Text(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("expires_at", sa.Text(), nullable=True))
        batch.add_column(sa.Column("review_by", sa.Date(), nullable=True))
        batch.add_column(sa.Column("server_version", sa.Integer(), nullable=True))
    op.create_table(
        "kb_drafts",
        sa.Column("article_id", sa.String(120), primary_key=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("force", sa.Boolean(), nullable=False),
        sa.Column("server_copy", sa.Text(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
    )
    op.create_index("ix_kb_drafts_state", "kb_drafts", ["state"])
    op.create_table(
        "kb_feedback_outbox",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
    )
    op.create_table(
        "kb_search_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("data", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("kb_search_log")
    op.drop_table("kb_feedback_outbox")
    op.drop_index("ix_kb_drafts_state", table_name="kb_drafts")
    op.drop_table("kb_drafts")
    with op.batch_alter_table("kb_articles") as batch:
        batch.drop_column("server_version")
        batch.drop_column("review_by")
        batch.drop_column("expires_at")
        batch.drop_column("categories")
