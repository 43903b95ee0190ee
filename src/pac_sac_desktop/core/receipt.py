"""The citizen's receipt: what an agent reads out on the phone, pastes in an e-mail or prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pac_sac_desktop.core.requests import NATURE_LABELS
from pac_sac_desktop.core.timefmt import datetime_fr

CITY = "Ville de Rivière-des-Cèdres"
FOLLOW_UP = "Pour suivre votre demande : 311 (ou 450 555-0311), ou l'Espace citoyen sur riviere-des-cedres.qc.ca."


@dataclass(frozen=True)
class Receipt:
    number: str
    reference: str | None
    nature: str
    category_label: str
    department: str
    created_at: dt.datetime
    due_at: dt.datetime | None
    followup_due_at: dt.datetime | None
    address: str
    resolved_first_contact: bool

    def lines(self) -> list[tuple[str, str]]:
        def when(value: dt.datetime) -> str:
            return datetime_fr(value)

        rows = [
            ("Numéro", self.reference or f"{self.number} (provisoire : le numéro définitif suit)"),
            ("Type", NATURE_LABELS.get(self.nature, self.nature)),
            ("Objet", self.category_label),
            ("Service responsable", self.department),
            ("Reçue le", when(self.created_at)),
        ]
        if self.address:
            rows.append(("Lieu", self.address))
        if self.resolved_first_contact:
            rows.append(("Suivi", "Réglée lors de votre appel ou de votre visite"))
        else:
            if self.followup_due_at:
                rows.append(("Premier suivi au plus tard", when(self.followup_due_at)))
            if self.due_at:
                rows.append(("Délai prévu de traitement", when(self.due_at)))
        return rows

    def text(self) -> str:
        width = max(len(k) for k, _ in self.lines())
        body = "\n".join(f"{k.ljust(width)} : {v}" for k, v in self.lines())
        return f"{CITY} — accusé de réception\n\n{body}\n\n{FOLLOW_UP}\n"
