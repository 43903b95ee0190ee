"""Login, logout, and the dependencies every route uses to know who asks and what they may do."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel
from sqlalchemy.orm import Session

from pac_sac_desktop.server.auth import service
from pac_sac_desktop.server.errors import ApiError
from pac_sac_desktop.server.models import User

router = APIRouter(prefix="/auth", tags=["auth"])


def db_session(request: Request):  # type: ignore[no-untyped-def]
    """One transaction per request: committed when the route returns, rolled back on error."""
    session: Session = request.app.state.db.session()
    try:
        with session.begin():
            yield session
    finally:
        session.close()


async def bearer(authorization: str | None = Header(default=None)) -> str:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "unauthenticated", "Authentification requise.")
    return authorization[7:].strip()


def current_user(token: str = Depends(bearer), session: Session = Depends(db_session, scope="function")) -> User:
    user = service.user_for_token(session, token)
    if user is None:
        raise ApiError(401, "unauthenticated", "Session expirée ou invalide : reconnectez-vous.")
    return user


def require(permission: str) -> Callable[..., User]:
    async def check(user: User = Depends(current_user)) -> User:  # no I/O: no thread-pool hop
        if not service.allowed(user, permission):
            raise ApiError(403, "forbidden", "Votre rôle ne permet pas cette action.")
        return user

    return check


class LoginIn(BaseModel):
    username: str
    password: str


@router.post("/login")
def login(body: LoginIn, request: Request) -> dict:
    refused: service.AuthError | None = None
    # Own transaction: a refused login must still commit the failed-attempt counter.
    with request.app.state.db.transaction() as session:
        try:
            token, user = service.login(session, body.username, body.password)
            answer = {
                "token": token,
                "expires_in": int(service.TOKEN_TTL.total_seconds()),
                "user": {
                    "id": user.id,
                    "username": user.username,
                    "display_name": user.display_name,
                    "role": user.role,
                },
            }
        except service.AuthError as exc:
            refused = exc
    if refused is not None:
        raise ApiError(refused.status, "login_refused", refused.message)
    return answer


@router.post("/logout")
def logout(token: str = Depends(bearer), session: Session = Depends(db_session, scope="function")) -> dict:
    return {"revoked": service.logout(session, token)}


@router.get("/me")
def me(user: User = Depends(current_user)) -> dict:
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
    }
