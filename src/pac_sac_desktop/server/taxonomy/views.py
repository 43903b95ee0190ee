from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from pac_sac_desktop.server.auth.views import db_session, require
from pac_sac_desktop.server.errors import with_resync
from pac_sac_desktop.server.models import User
from pac_sac_desktop.server.taxonomy import service

router = APIRouter(prefix="/taxonomy", tags=["taxonomy"])


@router.get("/changes")
def changes(
    since: int = Query(0, ge=0),
    limit: int = Query(500, ge=1, le=2000),
    _user: User = Depends(require("taxonomy:read")),
    session: Session = Depends(db_session),
) -> dict:
    return with_resync(lambda: service.changes(session, since, limit))


@router.get("/categories")
def categories(
    _user: User = Depends(require("taxonomy:read")), session: Session = Depends(db_session)
) -> list[dict]:
    return [service.to_wire(c) for c in service.all_categories(session)]
