"""``GET /api/v1/reports``: the supervisors' report (permission requests:manage)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.server.auth.views import run_as
from pac_sac_desktop.server.errors import ApiError
from pac_sac_desktop.server.reports import service
from pac_sac_desktop.server.reports.schemas import parse_query

router = APIRouter(prefix="/reports", tags=["reports"])


@router.get("")
async def get_report(request: Request) -> dict:
    try:
        filters = parse_query(request.query_params)
    except ValidationFailed as exc:
        raise ApiError(422, "invalid", exc.message, exc.fields) from None
    return await run_as(
        request,
        "requests:manage",
        lambda session, _user: service.compute(session, filters),
    )
