"""Request state columns: the fold of each request's events, for queues, the feed and Open311

Adds ``department`` and ``district`` (set at intake from the category and the address) and the
columns the history of events decides (first follow-up, V.I.P. meeting, merge, satisfaction,
closing time, resolution), with the indexes the supervisor queues read. ``assigned_to`` widens
to 120 characters (a department's name). Existing rows are filled in: department from their
category, district from their address, state by folding their events (core.events.fold).

Revision ID: 0003_request_state_columns
Revises: 0002_feed_numbers_at_commit
Create Date: 2026-12-04 15:40:00
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0003_request_state_columns"
down_revision = "0002_feed_numbers_at_commit"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_requests_department_status": ["department", "status"],
    "ix_requests_status_due_at": ["status", "due_at"],
    "ix_requests_followup_due": ["followup_due_at", "first_followup_at"],
    "ix_requests_meeting": ["meeting"],
    "ix_requests_district": ["district"],
    "ix_requests_assigned_to": ["assigned_to"],
}


def upgrade() -> None:
    # Plain ALTER TABLE statements, no batch mode: on SQLite a batch operation that rebuilds
    # ``requests`` drops the old table, and with foreign keys on that deletes every event
    # (ON DELETE CASCADE). SQLite does not enforce VARCHAR lengths, so the widening of
    # ``assigned_to`` is for PostgreSQL only.
    when = sa.DateTime(timezone=True)
    add = op.add_column
    add("requests", sa.Column("department", sa.String(120), nullable=False, server_default=""))
    add("requests", sa.Column("district", sa.Integer(), nullable=True))
    add("requests", sa.Column("first_followup_at", when, nullable=True))
    add("requests", sa.Column("meeting", sa.String(20), nullable=True))
    add("requests", sa.Column("meeting_at", when, nullable=True))
    add("requests", sa.Column("merged_into", sa.String(36), nullable=True))
    add("requests", sa.Column("satisfaction", sa.Integer(), nullable=True))
    add("requests", sa.Column("closed_at", when, nullable=True))
    add("requests", sa.Column("resolution", sa.Text(), nullable=False, server_default=""))
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "requests", "assigned_to", type_=sa.String(120), existing_type=sa.String(60)
        )
    for name, columns in INDEXES.items():
        op.create_index(name, "requests", columns)
    op.drop_index("ix_request_events_request_uuid", table_name="request_events")
    op.create_index(
        "ix_request_events_order", "request_events", ["request_uuid", "received_at", "uuid"]
    )
    op.execute(
        "UPDATE requests SET department = COALESCE("
        "(SELECT department FROM categories WHERE categories.code = requests.category), '')"
    )
    _backfill()


def _backfill() -> None:
    """District from the address and state from the events, for requests stored before."""
    from pac_sac_desktop.core.events import Event, EventKind, fold
    from pac_sac_desktop.core.paths import resources_dir
    from pac_sac_desktop.core.streets import StreetIndex

    bind = op.get_bind()
    requests = sa.table(
        "requests",
        sa.column("uuid"),
        sa.column("payload", sa.JSON()),
        sa.column("district"),
        sa.column("first_followup_at", sa.DateTime(timezone=True)),
        sa.column("meeting"),
        sa.column("meeting_at", sa.DateTime(timezone=True)),
        sa.column("merged_into"),
        sa.column("satisfaction"),
        sa.column("closed_at", sa.DateTime(timezone=True)),
        sa.column("resolution"),
        sa.column("status"),
        sa.column("assigned_to"),
    )
    events = sa.table(
        "request_events",
        sa.column("uuid"),
        sa.column("request_uuid"),
        sa.column("kind"),
        sa.column("data", sa.JSON()),
        sa.column("author"),
        sa.column("created_at"),  # read as stored: SQLite hands back text
        sa.column("received_at"),
    )
    streets = StreetIndex.load(resources_dir() / "streets.yaml")
    districts = []
    for uuid, payload in bind.execute(sa.select(requests.c.uuid, requests.c.payload)):
        payload = payload or {}
        address = (payload.get("location") or {}).get("address") or (
            payload.get("citizen") or {}
        ).get("address")
        place = streets.locate(str(address or ""))
        if place is not None and place.district is not None:
            districts.append({"key": uuid, "district": place.district.number})
    if districts:
        bind.execute(
            requests.update()
            .where(requests.c.uuid == sa.bindparam("key"))
            .values(district=sa.bindparam("district")),
            districts,
        )

    def aware(value):  # SQLite hands back naive UTC values
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value

    history: dict[str, list] = {}
    for row in bind.execute(sa.select(events).order_by(events.c.received_at, events.c.uuid)):
        if row.kind not in EventKind.__members__.values():
            continue
        history.setdefault(row.request_uuid, []).append(
            Event(
                uuid=row.uuid,
                request_uuid=row.request_uuid,
                kind=EventKind(row.kind),
                data=row.data or {},
                author=row.author,
                created_at=aware(row.created_at),
                received_at=aware(row.received_at),
            )
        )
    for uuid, items in history.items():
        try:
            state = fold(items)
        except (KeyError, TypeError, ValueError):  # an old event the rules of today cannot read
            continue
        bind.execute(
            requests.update()
            .where(requests.c.uuid == uuid)
            .values(
                status=state.status,
                assigned_to=state.assigned_to,
                first_followup_at=state.first_followup_at,
                meeting=state.meeting,
                meeting_at=state.meeting_at,
                merged_into=state.merged_into,
                satisfaction=state.satisfaction,
                closed_at=state.closed_at,
                resolution=state.resolution,
            )
        )


def downgrade() -> None:
    """Plain statements again (see upgrade); SQLite drops columns natively since 3.35."""
    op.drop_index("ix_request_events_order", table_name="request_events")
    op.create_index("ix_request_events_request_uuid", "request_events", ["request_uuid"])
    for name in INDEXES:
        op.drop_index(name, table_name="requests")
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "requests", "assigned_to", type_=sa.String(60), existing_type=sa.String(120)
        )
    for column in (
        "resolution",
        "closed_at",
        "satisfaction",
        "merged_into",
        "meeting_at",
        "meeting",
        "first_followup_at",
        "district",
        "department",
    ):
        op.drop_column("requests", column)
