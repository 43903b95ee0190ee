"""The request taxonomy (service types), owned by the server and followed by workstations."""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.requests import Question, questions_from_data
from pac_sac_desktop.server import feed
from pac_sac_desktop.server.models import Category


def to_wire(row: Category) -> dict:
    return {
        "code": row.code,
        "label": row.label,
        "field": row.field,
        "department": row.department,
        "deadline_hours": row.deadline_hours,
        "active": row.active,
        **row.data,
    }


def questions(row: Category) -> list[Question]:
    return questions_from_data(row.data.get("questions"))


def upsert(session: Session, data: dict) -> bool:
    """Create or update one category from its YAML/JSON form; True when it changed."""
    extra = {k: data[k] for k in ("natures", "keywords", "description", "questions") if k in data}
    row = session.get(Category, data["code"])
    values = {
        "label": data["label"],
        "field": data.get("field", ""),
        "department": data.get("department", ""),
        "deadline_hours": int(data.get("deadline_hours") or 0),
        "data": extra,
        "active": bool(data.get("active", True)),
    }
    if row is not None and all(getattr(row, k) == v for k, v in values.items()):
        return False
    if row is None:
        row = Category(code=data["code"], **values)
        session.add(row)
    else:
        for k, v in values.items():
            setattr(row, k, v)
    session.flush()
    feed.record(session, "taxonomy", row.code)
    return True


def load_file(session: Session, path: Path) -> int:
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return sum(upsert(session, item) for item in document.get("categories", []))


def get(session: Session, code: str) -> Category | None:
    return session.get(Category, code)


def all_categories(session: Session) -> list[Category]:
    return list(session.scalars(select(Category).order_by(Category.label)))


def changes(session: Session, since: int, limit: int) -> dict:
    page = feed.read(session, "taxonomy", since, limit)
    rows = {c.code: c for c in all_categories(session)}
    out = []
    for change in page.changes:
        item: dict = {"seq": change.seq, "op": change.op, "id": change.entity_id}
        if change.op == "upsert" and change.entity_id in rows:
            item["category"] = to_wire(rows[change.entity_id])
        out.append(item)
    return page.envelope(out)
