"""The request taxonomy (service types), owned by the server and followed by workstations."""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.taxonomy import Category as CategoryDef
from pac_sac_desktop.core.taxonomy import Question
from pac_sac_desktop.server import feed
from pac_sac_desktop.server.models import Category


def to_wire(row: Category) -> dict:
    """A category as workstations and the feed read it: one typed shape, the core's."""
    return CategoryDef.from_row(row).to_wire()


def questions(row: Category) -> list[Question]:
    return list(CategoryDef.from_row(row).questions)


def upsert(session: Session, data: dict) -> bool:
    """Create or update one category from its YAML/JSON form; True when it changed.

    The form is parsed into the core's Category first, so the database stores what every
    reader parses back (natures, questions normalised), whatever the form left out.
    """
    category = CategoryDef.from_wire(data)
    row = session.get(Category, category.code)
    values = {
        "label": category.label,
        "field": category.field,
        "department": category.department,
        "deadline_hours": category.deadline_hours,
        "data": category.data(),
        "active": category.active,
    }
    if row is not None and all(getattr(row, k) == v for k, v in values.items()):
        return False
    if row is None:
        row = Category(code=category.code, **values)
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
