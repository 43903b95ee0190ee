import datetime as dt

import pytest
from sqlalchemy import select

from pac_sac_desktop.server.auth import service as auth
from pac_sac_desktop.server.models import LoginFailure, Token, User
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


def test_failures_slow_the_account_from_that_address_without_locking_it_elsewhere(server_db):
    """OWASP throttling: a stranger's failures never lock the real user out."""
    start = utcnow()
    with server_db.transaction() as s:
        for _ in range(3):  # three free failures
            with pytest.raises(auth.AuthError) as refused:
                auth.login(s, "agent", "mauvais", address="10.0.0.66", now=start)
            assert refused.value.status == 401
        with pytest.raises(auth.AuthError):
            auth.login(s, "agent", "mauvais", address="10.0.0.66", now=start)
    with server_db.transaction() as s:  # the fifth try from there must wait, right password or not
        with pytest.raises(auth.AuthError) as waiting:
            auth.login(s, "agent", PASSWORDS["agent"], address="10.0.0.66", now=start)
        assert waiting.value.status == 429 and waiting.value.retry_after == 1
        assert "Réessayez dans 1 s" in waiting.value.message
    with server_db.transaction() as s:  # the agent at the counter is not locked out
        token, user = auth.login(s, "agent", PASSWORDS["agent"], address="10.0.0.5", now=start)
        assert token and user.username == "agent"
    with server_db.transaction() as s:  # and after the delay, from the same address too
        later = start + dt.timedelta(seconds=2)
        assert auth.login(s, "agent", PASSWORDS["agent"], address="10.0.0.66", now=later)[0]


def test_a_distributed_guess_costs_the_account_at_most_a_minute(server_db):
    start = utcnow()
    with server_db.transaction() as s:
        for n in range(25):
            with pytest.raises(auth.AuthError):
                auth.login(s, "admin", "devine", address=f"192.0.2.{n}", now=start)
    with server_db.transaction() as s:
        with pytest.raises(auth.AuthError) as waiting:
            auth.login(s, "admin", PASSWORDS["admin"], address="10.0.0.5", now=start)
        assert waiting.value.status == 429 and waiting.value.retry_after <= 60
    with server_db.transaction() as s:
        later = start + dt.timedelta(seconds=61)
        assert auth.login(s, "admin", PASSWORDS["admin"], address="10.0.0.5", now=later)[0]


def test_unknown_and_known_names_get_the_same_answers(client):
    def attempt(name):
        r = client.post("/api/v1/auth/login", json={"username": name, "password": "mauvais"})
        return r.status_code, r.json()["error"]["message"], r.headers.get("retry-after")

    answers = {name: [attempt(name) for _ in range(5)] for name in ("agent", "personne")}
    assert answers["agent"] == answers["personne"]
    assert [a[0] for a in answers["agent"]] == [401, 401, 401, 401, 429]
    assert answers["agent"][-1][2] is not None


def test_failures_are_audited_and_an_admin_lifts_the_delays(client, server_db, as_user):
    for _ in range(5):
        client.post("/api/v1/auth/login", json={"username": "agent", "password": "mauvais"})
    with server_db.transaction() as s:
        failures = s.scalars(select(LoginFailure).where(LoginFailure.username == "agent")).all()
        assert len(failures) == 4 and {f.reason for f in failures} == {"password"}
    ok = {"username": "agent", "password": PASSWORDS["agent"]}
    assert client.post("/api/v1/auth/login", json=ok).status_code == 429
    refused = client.post("/api/v1/users/agent/unlock", headers=as_user("superviseur"))
    assert refused.status_code == 403
    lifted = client.post("/api/v1/users/agent/unlock", headers=as_user("admin"))
    assert lifted.status_code == 200 and lifted.json()["cleared"] >= 2
    assert client.post("/api/v1/auth/login", json=ok).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        '{"username": "ag\\u0000ent", "password": "x"}',
        '{"username": "\\ud800", "password": "x"}',
        '{"username": "agent", "password": "\\u0000"}',
        '{"username": "' + "a" * 5000 + '", "password": "x"}',
        '{"username": "agent", "password": "' + "p" * 100_000 + '"}',
        '{"username": ["agent"], "password": "x"}',
        '{"username": "agent"}',
        '{"username": 12, "password": 3.5}',
        '{"username": "agent", "password": NaN}',
        "[]",
        "pas du json",
    ],
)
def test_hostile_login_bodies_are_refused_in_french(client, body):
    r = client.post(
        "/api/v1/auth/login", content=body, headers={"content-type": "application/json"}
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"]["message"]
