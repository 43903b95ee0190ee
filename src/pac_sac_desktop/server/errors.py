"""One error shape for the native API: ``{"error": {"code", "message", "fields"}}`` in French."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import Request
from fastapi.responses import JSONResponse

from pac_sac_desktop.core.requests import text_problem


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, str] | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or {}
        self.headers = headers


async def api_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    body = {"error": {"code": exc.code, "message": exc.message, "fields": exc.fields}}
    return JSONResponse(body, status_code=exc.status, headers=exc.headers)


def storable_text(value: str) -> str:
    """A pydantic check for text PostgreSQL can store: no NUL byte, no lone surrogate."""
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


T = TypeVar("T")


def with_resync(read: Callable[[], T]) -> T:
    """Turn a feed's ResyncRequired into 410 Gone with ``resync_required``."""
    from pac_sac_desktop.server.feed import ResyncRequired

    try:
        return read()
    except ResyncRequired as exc:
        raise ApiError(
            410,
            "resync_required",
            "Le poste doit retélécharger les données (curseur trop ancien).",
            {"horizon": str(exc.horizon)},
        ) from None
