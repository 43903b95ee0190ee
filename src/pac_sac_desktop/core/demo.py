"""The demo accounts, known to both the embedded demo server and the workstation's demo mode.

These passwords are public (README); they exist only in demo databases.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from pac_sac_desktop.core.taxonomy import Question

DEMO_USERS = (
    ("agent", "agent", "Agente 311 (démo)", "agent-demo-2026"),
    ("superviseur", "supervisor", "Superviseure (démo)", "superviseur-demo-2026"),
    ("editeur", "editor", "Éditeur des communications (démo)", "editeur-demo-2026"),
    ("admin", "admin", "Administrateur (démo)", "admin-demo-2026"),
)


def demo_password(username: str) -> str:
    return next(p for u, _r, _d, p in DEMO_USERS if u == username)


def sample_answers(questions: Iterable[Question | Mapping[str, Any]]) -> dict[str, Any]:
    """Plausible answers to a category's required questions (demo data, tests, benchmarks)."""
    typed = [q if isinstance(q, Question) else Question.from_wire(q) for q in questions]
    return {
        q.code: {
            "choice": (q.choices or ("?",))[0],
            "number": 1,
            "yes_no": "oui",
            "date": "2026-11-20",
        }.get(q.type, "Précision donnée par le citoyen.")
        for q in typed
        if q.required
    }
