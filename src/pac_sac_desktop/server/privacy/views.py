"""Routes of the access log: workstations report the details opened there; supervisors and
administrators consult the log."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.auth.views import run_as
from pac_sac_desktop.server.errors import ApiError, storable_text
from pac_sac_desktop.server.privacy import access

router = APIRouter(prefix="/privacy", tags=["privacy"])
MAX_BATCH = 500
Text = Annotated[str, AfterValidator(storable_text)]


def _uuid(value: str) -> str:
    try:
        return str(uuidlib.UUID(value))
    except ValueError:
        raise ValueError("identifiant invalide (UUID attendu)") from None


Uuid = Annotated[str, Field(max_length=36), AfterValidator(_uuid)]


class ConsultationIn(BaseModel):
    """A detail opened on a workstation (its own UUID makes a resent batch harmless)."""

    model_config = ConfigDict(extra="forbid")

    uuid: Uuid
    request_uuid: Uuid
    at: AwareDatetime
    username: Text = Field(min_length=1, max_length=60)
    role: Text = Field(max_length=20)
    action: Literal["read", "export"] = "read"
    route: Text = Field(default="poste", max_length=120)


class ConsultationsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entries: list[ConsultationIn] = Field(max_length=MAX_BATCH)


@router.post(
    "/accesses",
    responses={
        401: {"description": "Authentification requise."},
        403: {"description": "Rôle sans accès aux requêtes."},
    },
)
async def report_accesses(body: ConsultationsIn, request: Request) -> JSONResponse:
    """Consultations recorded on a workstation; 200 with how many were new."""
    items = [
        access.Reported(e.uuid, e.request_uuid, e.at, e.username, e.role, e.action, e.route)
        for e in body.entries
    ]

    def work(session: Session, user: Caller) -> int:
        return access.record_reported(session, user, items)

    stored = await run_as(request, "requests:read", work)
    return JSONResponse({"received": len(items), "stored": stored})


@router.get(
    "/log",
    responses={
        401: {"description": "Authentification requise."},
        403: {"description": "Réservé aux superviseurs et aux administrateurs."},
    },
)
async def access_log(
    request: Request,
    request_uuid: Annotated[str | None, Query(alias="request", max_length=36)] = None,
    username: Annotated[str | None, Query(alias="user", max_length=60)] = None,
    start: Annotated[dt.date | None, Query(alias="from")] = None,
    end: Annotated[dt.date | None, Query(alias="to")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> JSONResponse:
    """Who read, changed or exported personal data, newest first (days in Montréal time,
    ``to`` included)."""
    try:
        key = _uuid(request_uuid) if request_uuid else None
        if username:
            storable_text(username)
    except ValueError as exc:
        raise ApiError(422, "invalid", "Requête HTTP invalide.", {"request": str(exc)}) from None
    query = access.LogQuery(
        request_uuid=key,
        username=username or None,
        start=_day(start),
        end=_day(end + dt.timedelta(days=1)) if end else None,
        limit=limit,
    )

    def work(session: Session, _user: Caller) -> list[dict]:
        return [access.to_wire(e) for e in access.entries(session, query)]

    rows = await run_as(request, "privacy:audit", work, read_only=True)
    return JSONResponse({"entries": rows})


def _day(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    if not 1900 <= day.year <= 2200:
        raise ApiError(422, "invalid", "Date hors limites.", {"from": "date hors limites"})
    return dt.datetime.combine(day, dt.time(), tzinfo=LOCAL_TZ)
