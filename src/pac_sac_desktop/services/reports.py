"""The supervisors' report on the workstation: fetched from the server (figures are computed
there, in SQL, over every workstation's requests) and saved as CSV, XLSX or PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pac_sac_desktop.core import report_export
from pac_sac_desktop.core.errors import ValidationFailed

FORMATS = {"csv": report_export.to_csv, "xlsx": report_export.to_xlsx, "pdf": report_export.to_pdf}


@dataclass(frozen=True)
class ReportRequest:
    start: dt.date
    end: dt.date
    department: str | None = None
    district: int | None = None
    category: str | None = None
    channel: str | None = None
    nature: str | None = None

    def params(self) -> dict[str, Any]:
        if self.end < self.start:
            raise ValidationFailed(
                {"to": "la date de fin précède la date de début"}, "Période invalide."
            )
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "department": self.department,
            "district": self.district,
            "category": self.category,
            "channel": self.channel,
            "nature": self.nature,
        }


def last_months(today: dt.date, months: int = 12) -> tuple[dt.date, dt.date]:
    """The last ``months`` whole months before today's month."""
    end = today.replace(day=1) - dt.timedelta(days=1)
    start = end.replace(day=1)
    for _ in range(months - 1):
        start = (start - dt.timedelta(days=1)).replace(day=1)
    return start, end


def fetch(ws: Any, request: ReportRequest) -> dict:
    """The report from the server (NetworkError offline, SyncError when refused)."""
    return ws.client().get_report(request.params())


def save(report: dict, path: Path, fmt: str | None = None) -> Path:
    """Write the report as CSV, XLSX or PDF (by the file's extension when ``fmt`` is None)."""
    kind = (fmt or path.suffix.lstrip(".")).lower()
    if kind not in FORMATS:
        raise ValidationFailed({"format": "CSV, XLSX ou PDF"}, "Format de fichier inconnu.")
    data = FORMATS[kind](report)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
