"""A page of the requests feed: each request with its state columns and its history in server
order (``service.to_wire(row, events)``), as the JSON text the route sends.

A page of 500 requests carries about 1,500 events. Built from ORM objects, every payload decoded
and encoded again, it cost five times a KB page and was most of the server's CPU under mixed
load. Now a request is built from plain rows, its payload and its events' data spliced in as the
JSON text the database holds, and kept until its feed entry moves on (``feed_cache``).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Text, bindparam, cast, select
from sqlalchemy.orm import Session

from pac_sac_desktop.server import feed_cache
from pac_sac_desktop.server.feed_cache import members
from pac_sac_desktop.server.models import Request, RequestEvent
from pac_sac_desktop.server.requests.service import event_to_wire, to_wire


def changes(session: Session, since: int, limit: int) -> feed_cache.EncodedPage:
    """The ``GET /requests/changes`` answer and the requests it carries."""
    return feed_cache.page(session, "requests", since, limit, _build)


_REQUEST_HEAD = [c for c in Request.__table__.c if c.name != "payload"]
_EVENT_HEAD = [c for c in RequestEvent.__table__.c if c.name not in ("data", "data_hash")]
_REQUESTS = select(*_REQUEST_HEAD, cast(Request.payload, Text).label("raw")).where(
    Request.uuid.in_(bindparam("ids", expanding=True))
)
_EVENTS = (
    select(*_EVENT_HEAD, cast(RequestEvent.data, Text).label("raw"))
    .where(RequestEvent.request_uuid.in_(bindparam("ids", expanding=True)))
    .order_by(RequestEvent.request_uuid, RequestEvent.received_at, RequestEvent.uuid)
)


def _build(session: Session, ids: list[str]) -> dict[str, str]:
    """``"request":{…}`` for each of these requests that exists."""
    conn = session.connection()
    histories: dict[str, list[str]] = defaultdict(list)
    for e in conn.execute(_EVENTS, {"ids": ids}).all():
        histories[e.request_uuid].append(
            "{" + members(event_to_wire(e, data=False), data=e.raw) + "}"
        )
    out = {}
    for r in conn.execute(_REQUESTS, {"ids": ids}).all():
        events = "[" + ",".join(histories.get(r.uuid, ())) + "]"
        out[r.uuid] = (
            '"request":{' + members(to_wire(r, payload=False), payload=r.raw, events=events) + "}"
        )
    return out
