"""The demo accounts, known to both the embedded demo server and the workstation's demo mode.

These passwords are public (README); they exist only in demo databases.
"""

DEMO_USERS = (
    ("agent", "agent", "Agente 311 (démo)", "agent-demo-2026"),
    ("superviseur", "supervisor", "Superviseure (démo)", "superviseur-demo-2026"),
    ("editeur", "editor", "Éditeur des communications (démo)", "editeur-demo-2026"),
    ("admin", "admin", "Administrateur (démo)", "admin-demo-2026"),
)


def demo_password(username: str) -> str:
    return next(p for u, _r, _d, p in DEMO_USERS if u == username)
