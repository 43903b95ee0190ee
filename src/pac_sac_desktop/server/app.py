"""The FastAPI application: native API under /api/v1, Open311 GeoReport v2 under /open311/v2."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from pac_sac_desktop import __version__
from pac_sac_desktop.server.auth.views import router as auth_router
from pac_sac_desktop.server.db import ServerDB
from pac_sac_desktop.server.errors import ApiError, api_error_handler
from pac_sac_desktop.server.kb.views import router as kb_router
from pac_sac_desktop.server.reports.views import router as reports_router
from pac_sac_desktop.server.requests.views import router as requests_router
from pac_sac_desktop.server.taxonomy.views import router as taxonomy_router
from pac_sac_desktop.server.users.views import router as users_router


async def _invalid(_request, exc: RequestValidationError) -> JSONResponse:  # type: ignore[no-untyped-def]
    fields = {".".join(str(p) for p in e["loc"][1:]): e["msg"] for e in exc.errors()}
    body = {"error": {"code": "invalid", "message": "Requête HTTP invalide.", "fields": fields}}
    return JSONResponse(body, status_code=422)


def create_app(db: ServerDB) -> FastAPI:
    app = FastAPI(title="PAC SAC — serveur central", version=__version__)
    app.state.db = db
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(RequestValidationError, _invalid)
    for router in (
        auth_router,
        kb_router,
        taxonomy_router,
        requests_router,
        users_router,
        reports_router,
    ):
        app.include_router(router, prefix="/api/v1")

    from pac_sac_desktop.server.open311.views import router as open311_router

    app.include_router(open311_router)
    from pac_sac_desktop.server.satisfaction.views import api_router, page_router

    app.include_router(api_router, prefix="/api/v1")
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

    db = ServerDB(os.environ["PAC_SAC_SERVER_DB"])
    app = create_app(db)
    attach(app, db, data_home() / "server")
    return app
