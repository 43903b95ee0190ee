"""Users: display data for workstations (a feed), account management for admins."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from pac_sac_desktop.server import feed
from pac_sac_desktop.server.auth import service as auth
from pac_sac_desktop.server.auth.views import db_session, require
from pac_sac_desktop.server.errors import ApiError, with_resync
from pac_sac_desktop.server.models import User

router = APIRouter(prefix="/users", tags=["users"])


def to_wire(user: User) -> dict:
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "active": user.active,
    }


@router.get("/changes")
def changes(
    since: int = Query(0, ge=0),
    limit: int = Query(500, ge=1, le=2000),
    _user: User = Depends(require("users:read")),
    session: Session = Depends(db_session),
) -> dict:
    page = with_resync(lambda: feed.read(session, "users", since, limit))
    ids = [int(c.entity_id) for c in page.changes]
    users = (
        {str(u.id): u for u in session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}
    )
    out = []
    for change in page.changes:
        item: dict = {"seq": change.seq, "op": change.op, "id": change.entity_id}
        if change.entity_id in users:
            item["user"] = to_wire(users[change.entity_id])
        out.append(item)
    return page.envelope(out)


class NewUser(BaseModel):
    username: str
    password: str
    role: str
    display_name: str | None = None


@router.post("", status_code=201)
def create(
    body: NewUser,
    _admin: User = Depends(require("users:manage")),
    session: Session = Depends(db_session),
) -> dict:
    try:
        user = auth.create_user(
            session,
            username=body.username,
            password=body.password,
            role=body.role,
            display_name=body.display_name,
        )
    except ValueError as exc:
        raise ApiError(422, "invalid", str(exc)) from None
    return to_wire(user)
