"""The city's streets, their civic-number segments and districts.

Used to name the district councillor when a repeat complaint requires a meeting, and to group
requests by street segment when looking for duplicates. An address the list does not know still
works: its segment is the street itself and its district is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from pac_sac_desktop.core.requests import normalize_address

_CIVIC = re.compile(r"^\s*(\d+)")


@dataclass(frozen=True)
class District:
    number: int
    name: str
    councillor: str


@dataclass(frozen=True)
class Place:
    """Where an address falls: its street, segment key and district (when known)."""

    street: str
    segment: str
    district: District | None


class StreetIndex:
    def __init__(
        self, districts: dict[int, District], streets: dict[str, list[tuple[int, int, int]]]
    ) -> None:
        self.districts = districts
        self.streets = streets  # normalized street name -> [(from, to, district)]

    @classmethod
    def load(cls, path: Path) -> StreetIndex:
        if not path.exists():
            return cls({}, {})
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        districts = {
            int(d["number"]): District(
                int(d["number"]), str(d["name"]), str(d.get("councillor", ""))
            )
            for d in data.get("districts", [])
        }
        streets = {
            normalize_address(s["name"]): [
                (int(g["from"]), int(g["to"]), int(g["district"])) for g in s.get("segments", [])
            ]
            for s in data.get("streets", [])
        }
        return cls(districts, streets)

    def locate(self, address: str) -> Place | None:
        """'120, rue Principale' -> Place(street='rue principale', segment='rue principale#1', district=1)."""
        key = normalize_address(address)
        if not key:
            return None
        match = _CIVIC.match(key)
        number = int(match.group(1)) if match else None
        street = key[match.end() :].strip() if match else key
        street = re.sub(r"^(?:app|apt|bureau|local)\s+\d+\s+", "", street)
        segments = self.streets.get(street)
        if segments is None:
            # "rue principale rivière des cèdres" or an intersection: try the longest known prefix.
            candidates = [s for s in self.streets if street.startswith(s + " ") or street == s]
            if candidates:
                street = max(candidates, key=len)
                segments = self.streets[street]
        if not segments:
            return Place(street, street, None)
        if number is not None:
            for index, (low, high, district) in enumerate(segments):
                if low <= number <= high:
                    return Place(street, f"{street}#{index + 1}", self.districts.get(district))
        # No civic number (an intersection, a park): the street's first district is a fair guess
        # only when the whole street lies in one district.
        districts = {d for _l, _h, d in segments}
        only = self.districts.get(districts.pop()) if len(districts) == 1 else None
        return Place(street, street, only)
