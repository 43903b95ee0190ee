"""PostgreSQL: number change-feed entries at commit time

A change is inserted with a provisional negative number; a deferred constraint trigger gives it
the next value of the feed counter while the transaction commits. The counter row's lock, which
makes numbers visible in commit order (see server/feed.py), is then held only during the commit,
inside PostgreSQL: a long transaction (publishing thousands of articles) or a server process the
OS has descheduled no longer makes every other writer wait. SQLite (one writer at a time) keeps
numbering at insert time; nothing changes there.

Revision ID: 0002_feed_numbers_at_commit
Revises: 0001_server_schema
Create Date: 2026-12-02 03:00:00
"""

from alembic import op

revision = "0002_feed_numbers_at_commit"
down_revision = "0001_server_schema"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE SEQUENCE change_provisional_seq")
    op.execute(
        """
        CREATE FUNCTION number_change_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            number bigint;
        BEGIN
            -- The row may be gone: the same transaction recorded the entity again.
            IF EXISTS (SELECT 1 FROM changes WHERE seq = NEW.seq) THEN
                UPDATE counters SET value = value + 1 WHERE name = 'feed_seq'
                    RETURNING value INTO number;
                UPDATE changes SET seq = number WHERE seq = NEW.seq;
            END IF;
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        """
        CREATE CONSTRAINT TRIGGER changes_numbered_at_commit
            AFTER INSERT ON changes
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (NEW.seq < 0)
            EXECUTE FUNCTION number_change_at_commit()
        """
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER changes_numbered_at_commit ON changes")
    op.execute("DROP FUNCTION number_change_at_commit()")
    op.execute("DROP SEQUENCE change_provisional_seq")
