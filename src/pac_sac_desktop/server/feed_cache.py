"""Feed pages from items kept per entity under the number of their feed entry.

Every workstation reads the whole KB and requests feeds, page after page, and the items are
the widest JSON the server sends (an article's body, a request with its payload and history).
Building each item again for every reader was most of the server's CPU under mixed load
(docs/benchmarks.md, "Charge mixte"). So an item, once built, is kept in the process as JSON
bytes under ``(entity, seq)``:

* every change of an entity records a new feed entry in the same transaction (``feed.record``,
  numbered at commit), so an entity whose entry still has the number kept has not changed since
  and the bytes kept are the bytes a fresh build gives; a change made without ``feed.record``
  would be missed by every workstation anyway, so none may exist;
* an entry of an older number is never looked up again (one entry per entity), so nothing stale
  is served; the store is per database engine and per feed, bounded, and starts over when full.

A page comes back as an :class:`EncodedPage`: its bytes and the entities whose item it carried.
The requests feed writes an access-log row naming those; decoding the page again to learn them
was half of the server's CPU under mixed load (a megabyte of JSON per page).
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from pac_sac_desktop.server import feed

KEPT = 50_000  # items kept per database and feed (a few KB each); beyond, the store starts over
Build = Callable[[Session, list[str]], dict[str, str]]
_stores: weakref.WeakKeyDictionary[Engine, dict[str, dict[str, tuple[int, bytes]]]] = (
    weakref.WeakKeyDictionary()
)


@dataclass(frozen=True, slots=True)
class EncodedPage:
    """``body``: the JSON answer; ``carried``: in page order, the entities whose item carries
    their data (upserts of entities that exist; not tombstones)."""

    body: bytes
    carried: tuple[str, ...]


def page(session: Session, name: str, since: int, limit: int, build: Build) -> EncodedPage:
    """The JSON answer of ``GET /<name>/changes``: the page's envelope and its items.

    ``build(session, ids)`` gives, for the upserted entities among ``ids`` that exist, the JSON text
    of the members an item carries after ``seq``, ``op`` and ``id`` (``"article":{…},"version":3``).
    """
    read = feed.read(session, name, since, limit)
    kept = _stores.setdefault(session.connection().engine, {}).setdefault(name, {})
    items: list[bytes] = []
    carried: list[str | None] = []  # per place: the entity when its item carries data
    missing: dict[str, int] = {}  # entity → its place in the page
    # Rows unpacked as tuples: a Row's attribute by name cost five times the whole lookup.
    for seq, _op, entity, *_ in read.changes:
        hit = kept.get(entity)
        if hit is not None and hit[0] == seq:
            items.append(hit[1])
            carried.append(entity)
        else:
            carried.append(None)
            missing[entity] = len(items)
            items.append(b"")
    if missing:
        upserts = [e for e, at in missing.items() if read.changes[at].op == "upsert"]
        built = build(session, upserts) if upserts else {}
        if len(kept) + len(built) > KEPT:
            kept.clear()
        for entity, at in missing.items():
            change = read.changes[at]
            head = _json({"seq": change.seq, "op": change.op, "id": entity})
            members = built.get(entity)
            items[at] = (head if members is None else f"{head[:-1]},{members}}}").encode()
            if members is not None:
                kept[entity] = (change.seq, items[at])
                carried[at] = entity
    envelope = _json(read.envelope([]))[:-1].encode()
    body = b"".join((envelope, b',"changes":[', b",".join(items), b"]}"))
    return EncodedPage(body, tuple(e for e in carried if e is not None))


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def members(values: dict, **raw: str) -> str:
    """``values`` as JSON object members (no braces), then members whose values are JSON texts
    already (a payload as the database holds it)."""
    text = _json(values)[1:-1] if values else ""
    tail = ",".join(f'"{name}":{value}' for name, value in raw.items())
    return f"{text},{tail}" if text and tail else text or tail
