"""The FastAPI application: native API under /api/v1, Open311 GeoReport v2 under /open311/v2."""

from __future__ import annotations

import json
import os

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pac_sac_desktop import __version__
from pac_sac_desktop.server.auth.views import router as auth_router
from pac_sac_desktop.server.db import ServerDB
from pac_sac_desktop.server.errors import (
    PROTECTED,
    ApiError,
    api_error_handler,
    error_responses,
    http_error_handler,
)
from pac_sac_desktop.server.kb.views import router as kb_router
from pac_sac_desktop.server.privacy.views import router as privacy_router
from pac_sac_desktop.server.reports.views import router as reports_router
from pac_sac_desktop.server.requests.views import router as requests_router
from pac_sac_desktop.server.taxonomy.views import router as taxonomy_router
from pac_sac_desktop.server.users.views import router as users_router

# pydantic's error types in the French of every other message of the API.
_PYDANTIC_FR = {
    "missing": "ce champ est obligatoire",
    "string_type": "texte attendu",
    "dict_type": "objet attendu",
    "model_attributes_type": "objet attendu",
    "list_type": "liste attendue",
    "int_type": "nombre entier attendu",
    "int_parsing": "nombre entier attendu",
    "bool_type": "vrai ou faux attendu",
    "json_invalid": "JSON illisible",
    "string_unicode": "caractère invalide (encodage)",
    "greater_than_equal": "valeur trop petite",
    "less_than_equal": "valeur trop grande",
    "string_too_long": "texte trop long",
    "string_too_short": "texte trop court",
    "literal_error": "valeur non prévue",
    "enum": "valeur non prévue",
    "uuid_type": "identifiant invalide (UUID attendu)",
    "datetime_parsing": "date invalide (AAAA-MM-JJTHH:MM avec fuseau)",
    "datetime_type": "date invalide (AAAA-MM-JJTHH:MM avec fuseau)",
    "date_parsing": "date invalide (AAAA-MM-JJ)",
    "date_type": "date invalide (AAAA-MM-JJ)",
    "extra_forbidden": "champ inconnu",
    "bool_parsing": "vrai ou faux attendu",
    "int_from_float": "nombre entier attendu",
    "too_long": "trop d'éléments",
    "float_type": "nombre attendu",
    "float_parsing": "nombre attendu",
    "finite_number": "nombre fini attendu",
    "date_from_datetime_parsing": "date invalide (AAAA-MM-JJ)",
    "datetime_from_date_parsing": "date invalide (AAAA-MM-JJTHH:MM)",
    "uuid_parsing": "identifiant invalide (UUID attendu)",
}


def _french(error: dict) -> str:
    if error["type"] == "value_error":  # our own checks raise French messages
        return str(error.get("ctx", {}).get("error", "valeur invalide"))
    return _PYDANTIC_FR.get(error["type"], "valeur invalide")


async def _invalid(_request, exc: RequestValidationError) -> JSONResponse:  # type: ignore[no-untyped-def]
    fields = {".".join(str(p) for p in e["loc"][1:]) or "body": _french(e) for e in exc.errors()}
    body = {"error": {"code": "invalid", "message": "Requête HTTP invalide.", "fields": fields}}
    return JSONResponse(body, status_code=422)


MAX_BODY = int(os.environ.get("PAC_SAC_SERVER_MAX_BODY", str(1024 * 1024)))


class BodyLimit:
    """413 for any body over ``limit`` bytes, on every route, before a route reads it.

    A declared Content-Length is refused at once; a chunked body is counted as it streams and
    cut off at the limit. A request with 50 MB in one field was stored before, and then every
    workstation's next feed page carried it.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(send)
            return
        seen = 0
        refused = False

        async def counted() -> Message:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit and not refused:
                    refused = True
                    await self._refuse(send)
                    return {"type": "http.disconnect"}  # the route stops reading
            return message

        async def guarded(message: Message) -> None:
            if not refused:  # once refused, the route's own answer goes nowhere
                await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not refused:
                raise

    async def _refuse(self, send: Send) -> None:
        message = f"Corps de requête trop volumineux ({self.limit // 1024} Kio au plus)."
        body = json.dumps(
            {"error": {"code": "too_large", "message": message, "fields": {}}}, ensure_ascii=False
        ).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def create_app(db: ServerDB) -> FastAPI:
    app = FastAPI(
        title="PAC SAC — serveur central",
        version=__version__,
        responses=error_responses(413),
    )
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.state.db = db
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, http_error_handler)
    app.include_router(auth_router, prefix="/api/v1")  # its routes declare their own refusals
    for router in (
        kb_router,
        taxonomy_router,
        requests_router,
        users_router,
        reports_router,
        privacy_router,
    ):
        app.include_router(router, prefix="/api/v1", responses=PROTECTED)

    from pac_sac_desktop.server.open311.views import router as open311_router

    app.include_router(open311_router)
    from pac_sac_desktop.server.satisfaction.views import api_router, page_router

    app.include_router(api_router, prefix="/api/v1", responses=PROTECTED)
    app.include_router(page_router)

    @app.get("/api/v1/health")
    def health() -> dict:
        return {"status": "ok", "version": __version__}

    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``pac-sac-server run --workers N``."""
    import os

    from pac_sac_desktop.core.paths import data_home
    from pac_sac_desktop.server.notices.worker import attach
    from pac_sac_desktop.server.privacy import worker as retention

    db = ServerDB(os.environ["PAC_SAC_SERVER_DB"])
    app = create_app(db)
    attach(app, db, data_home() / "server")
    retention.attach(app, db)
    return app
