"""One error shape for the native API: ``{"error": {"code", "message", "fields"}}`` in French."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, fields: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or {}


async def api_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    body = {"error": {"code": exc.code, "message": exc.message, "fields": exc.fields}}
    return JSONResponse(body, status_code=exc.status)
