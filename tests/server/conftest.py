"""Server fixtures: every test runs on SQLite and on the real PostgreSQL at 127.0.0.1:5432.

Each test session creates its own PostgreSQL database and drops it at the end; each test gets a
fresh schema (tables emptied), so tests never see each other's rows.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from pac_sac_desktop.server import db as dbmod
from pac_sac_desktop.server import feed
from pac_sac_desktop.server.app import create_app
from pac_sac_desktop.server.auth import service as auth
from pac_sac_desktop.server.taxonomy import service as taxonomy

CATEGORIES = [
    {
        "code": "nid-de-poule",
        "label": "Nid-de-poule",
        "field": "voies-de-circulation",
        "department": "Travaux publics",
        "deadline_hours": 72,
        "natures": ["request", "complaint"],
        "questions": [
            {
                "code": "taille",
                "label": "Taille",
                "type": "choice",
                "choices": ["Petit", "Grand"],
                "required": True,
            }
        ],
    },
    {
        "code": "collecte-manquee",
        "label": "Collecte manquée",
        "field": "dechets",
        "department": "Environnement",
        "deadline_hours": 24,
        "natures": ["request", "complaint"],
        "questions": [],
    },
]
PASSWORDS = {
    "agent": "agent-pass-1",
    "agent2": "agent-pass-2",
    "superviseur": "super-pass-1",
    "editeur": "editeur-pass-1",
    "admin": "admin-pass-1",
}
ROLES = {
    "agent": "agent",
    "agent2": "agent",
    "superviseur": "supervisor",
    "editeur": "editor",
    "admin": "admin",
}


@pytest.fixture(scope="session")
def pg_engine_ready(pg_url):
    server_db = dbmod.ServerDB(pg_url)
    dbmod.upgrade(server_db.engine)
    server_db.dispose()
    return pg_url


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        server_db = dbmod.ServerDB(url)
        dbmod.upgrade(server_db.engine)
    else:
        url = request.getfixturevalue("pg_engine_ready")
        server_db = dbmod.ServerDB(url)
        with server_db.engine.begin() as conn:
            tables = ", ".join(t.name for t in dbmod.metadata().sorted_tables)
            conn.execute(text(f"TRUNCATE {tables} CASCADE"))
    with server_db.transaction() as session:
        feed.ensure_counters(session)
        for item in CATEGORIES:
            taxonomy.upsert(session, item)
        for name, role in ROLES.items():
            auth.create_user(session, username=name, password=PASSWORDS[name], role=role)
    server_db.kind = request.param
    yield server_db
    server_db.dispose()


@pytest.fixture()
def client(server_db):
    with TestClient(create_app(server_db)) as c:
        yield c


def token_for(client, username):
    r = client.post(
        "/api/v1/auth/login", json={"username": username, "password": PASSWORDS[username]}
    )
    assert r.status_code == 200, r.text
    return r.json()["token"]


@pytest.fixture()
def as_user(client):
    cache = {}

    def headers(username):
        if username not in cache:
            cache[username] = {"Authorization": f"Bearer {token_for(client, username)}"}
        return cache[username]

    return headers
