"""Users: display data for workstations (a feed), account management for admins."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from pydantic import AfterValidator, BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from pac_sac_desktop.server import feed
from pac_sac_desktop.server.auth import service as auth
from pac_sac_desktop.server.auth import throttle
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.auth.views import db_session, require
from pac_sac_desktop.server.errors import ApiError, storable_text
from pac_sac_desktop.server.feed_views import add_changes_route
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


def user_changes(session: Session, since: int, limit: int) -> dict:
    page = feed.read(session, "users", since, limit)
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


add_changes_route(router, "users:read", user_changes)


Storable = Annotated[str, AfterValidator(storable_text)]


class NewUser(BaseModel):
    """Lengths are the columns' (PostgreSQL refuses longer text with a 500 otherwise)."""

    username: Storable = Field(min_length=1, max_length=60)
    password: Storable = Field(max_length=1024)
    role: Storable = Field(max_length=20, description="agent, supervisor, editor ou admin")
    display_name: Storable | None = Field(default=None, max_length=120)


@router.post("", status_code=201)
def create(
    body: NewUser,
    _admin: Caller = Depends(require("users:manage")),
    session: Session = Depends(db_session, scope="function"),
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


@router.post("/{username}/unlock")
def unlock(
    username: Annotated[str, Path(max_length=200), AfterValidator(storable_text)],
    _admin: Caller = Depends(require("users:manage")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    """Clear every login delay on an account (the throttle never locks anyone for good, but an
    admin can spare a colleague the wait)."""
    return {"username": username, "cleared": throttle.unlock(session, username)}
