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


def sample_answers(questions: list[dict]) -> dict:
    """Plausible answers to a category's required questions (demo data, tests, benchmarks)."""
    return {
        q["code"]: {
            "choice": (q.get("choices") or ["?"])[0],
            "number": 1,
            "yes_no": "oui",
            "date": "2026-11-20",
        }.get(q.get("type"), "Précision donnée par le citoyen.")
        for q in questions
        if q.get("required")
    }
