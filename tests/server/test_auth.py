import datetime as dt

import pytest

from pac_sac_desktop.server.auth import service as auth
from pac_sac_desktop.server.models import Token, User
from pac_sac_desktop.server.types import utcnow
from tests.server.conftest import PASSWORDS


def test_login_returns_a_token_stored_only_as_a_digest(client, server_db):
    r = client.post(
        "/api/v1/auth/login", json={"username": "agent", "password": PASSWORDS["agent"]}
    )
    assert r.status_code == 200
    body = r.json()
    assert body["user"]["role"] == "agent" and len(body["token"]) > 30
    with server_db.transaction() as s:
        digests = [t.digest for t in s.query(Token).all()]
        assert body["token"] not in digests and len(digests) == 1
        assert (
            s.query(User).filter_by(username="agent").one().password_hash.startswith("$argon2id$")
        )


def test_wrong_password_is_refused_in_french_without_saying_which_part(client):
    r = client.post("/api/v1/auth/login", json={"username": "agent", "password": "nope"})
    assert r.status_code == 401
    assert r.json()["error"]["message"] == "Nom d'utilisateur ou mot de passe incorrect."
    r = client.post("/api/v1/auth/login", json={"username": "personne", "password": "nope"})
    assert r.json()["error"]["message"] == "Nom d'utilisateur ou mot de passe incorrect."


def test_five_failures_lock_the_account_for_fifteen_minutes(client, server_db):
    for _ in range(5):
        assert (
            client.post(
                "/api/v1/auth/login", json={"username": "agent", "password": "bad"}
            ).status_code
            == 401
        )
    r = client.post(
        "/api/v1/auth/login", json={"username": "agent", "password": PASSWORDS["agent"]}
    )
    assert r.status_code == 423 and "verrouillé" in r.json()["error"]["message"]
    with server_db.transaction() as s:
        later = utcnow() + dt.timedelta(minutes=16)
        token, _user = auth.login(s, "agent", PASSWORDS["agent"], now=later)
        assert token


def test_tokens_expire_and_logout_revokes(client, server_db):
    r = client.post(
        "/api/v1/auth/login", json={"username": "agent", "password": PASSWORDS["agent"]}
    )
    headers = {"Authorization": f"Bearer {r.json()['token']}"}
    assert client.get("/api/v1/auth/me", headers=headers).status_code == 200
    with server_db.transaction() as s:
        assert (
            auth.user_for_token(s, r.json()["token"], now=utcnow() + dt.timedelta(hours=13)) is None
        )
    assert client.post("/api/v1/auth/logout", headers=headers).json() == {"revoked": True}
    r2 = client.get("/api/v1/auth/me", headers=headers)
    assert r2.status_code == 401 and "reconnectez-vous" in r2.json()["error"]["message"]


def test_missing_token_is_401(client):
    assert client.get("/api/v1/kb/changes").status_code == 401


@pytest.mark.parametrize(
    ("user", "method", "path", "allowed"),
    [
        ("agent", "get", "/api/v1/kb/changes", True),
        ("agent", "put", "/api/v1/kb/articles/x", False),
        ("editeur", "put", "/api/v1/kb/articles/x", True),
        ("editeur", "get", "/api/v1/requests/changes", False),
        ("agent", "get", "/api/v1/requests/changes", True),
        ("agent", "post", "/api/v1/users", False),
        ("admin", "post", "/api/v1/users", True),
        ("admin", "get", "/api/v1/requests/changes", False),
    ],
)
def test_every_route_checks_the_role(client, as_user, user, method, path, allowed):
    bodies = {
        "/api/v1/kb/articles/x": {"title": "Titre", "body": "Corps"},
        "/api/v1/users": {
            "username": f"nouveau-{user}",
            "password": "un-mot-de-passe",
            "role": "agent",
        },
    }
    kwargs = {"json": bodies[path]} if method in ("put", "post") else {}
    r = getattr(client, method)(path, headers=as_user(user), **kwargs)
    assert (r.status_code < 400) == allowed, r.text
    if not allowed:
        assert (
            r.status_code == 403
            and r.json()["error"]["message"] == "Votre rôle ne permet pas cette action."
        )
