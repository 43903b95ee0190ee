"""A page of the requests feed: each request with its state columns and its history in server
order, as the JSON text the route sends.

Every workstation reads this feed, and a page of 500 requests carries about 1,500 events. Built
from ORM objects (every payload decoded, then encoded again) a page cost five times a KB page
and was most of the server's CPU under mixed load. Now:

* a request's JSON is built from plain rows, its payload and its events' data spliced in as the
  JSON text the database holds (``to_wire`` and ``event_to_wire`` for everything else);
* and it is kept, per database and process, under the number of the request's feed entry. Every
  change of a request (upload, event, merge…) records a new feed entry in the same transaction
  (``feed.record``), so a request whose entry still has that number has not changed since: the
  text kept is the text a fresh build gives. A change made without ``feed.record`` would be
  missed by every workstation anyway; it must not exist.

Three statements for a page at most (the feed, then the requests and events not kept yet).
"""

from __future__ import annotations

import json
import weakref
from collections import defaultdict

from sqlalchemy import Engine, Text, bindparam, cast, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from pac_sac_desktop.server import feed
from pac_sac_desktop.server.models import Request, RequestEvent
from pac_sac_desktop.server.requests.service import event_to_wire, to_wire

KEPT = 50_000  # requests kept per database (about 2 KB each); beyond, the store starts over
_kept: weakref.WeakKeyDictionary[Engine, dict[str, tuple[int, bytes]]] = weakref.WeakKeyDictionary()


def changes(session: Session, since: int, limit: int) -> bytes:
    """The ``GET /requests/changes`` answer."""
    page = feed.read(session, "requests", since, limit)
    conn = session.connection()
    kept = _kept.setdefault(conn.engine, {})
    items: list[bytes | None] = []
    missing: dict[str, int] = {}  # entity → its place in the page
    for change in page.changes:
        hit = kept.get(change.entity_id)
        if hit is not None and hit[0] == change.seq:
            items.append(hit[1])
        else:
            missing[change.entity_id] = len(items)
            items.append(None)
    if missing:
        built = _build(conn, [i for i in missing if page.changes[missing[i]].op == "upsert"])
        if len(kept) + len(built) > KEPT:
            kept.clear()
        for entity, place in missing.items():
            change = page.changes[place]
            head = _json({"seq": change.seq, "op": change.op, "id": entity})
            wire = built.get(entity)
            item = (head if wire is None else f'{head[:-1]},"request":{wire}}}').encode()
            items[place] = item
            if wire is not None:
                kept[entity] = (change.seq, item)
    head = _json(page.envelope([]))[:-1].encode()
    return head + b',"changes":[' + b",".join(items) + b"]}"  # type: ignore[arg-type]


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _with(head: dict, **raw: str) -> str:
    """``head`` as compact JSON, plus members whose values are JSON texts already."""
    tail = "".join(f',"{name}":{value}' for name, value in raw.items())
    return _json(head)[:-1] + tail + "}"


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


def _build(conn: Connection, ids: list[str]) -> dict[str, str]:
    """The JSON of these requests (those that exist), each as ``to_wire(row, events)``."""
    histories: dict[str, list[str]] = defaultdict(list)
    for e in conn.execute(_EVENTS, {"ids": ids}).all():
        histories[e.request_uuid].append(_with(event_to_wire(e, data=False), data=e.raw))
    return {
        r.uuid: _with(
            to_wire(r, payload=False),
            payload=r.raw,
            events="[" + ",".join(histories.get(r.uuid, ())) + "]",
        )
        for r in conn.execute(_REQUESTS, {"ids": ids}).all()
    }
