"""Refresh the translation catalogue from the UI sources, then compile it.

    python tools/i18n.py          # lupdate (keeps existing translations) + lrelease
    python tools/i18n.py --check  # exit 1 when a source string has no French translation

English is the source language (Qt convention); resources/i18n/pac_sac_fr.ts holds the French,
edited with Qt Linguist (`pyside6-linguist`) or by hand, and pac_sac_fr.qm is what ships.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "pac_sac_fr.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def unfinished(ts: Path = TS) -> list[str]:
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
            if translation is not None and translation.get("type") in {"vanished", "obsolete"}:
                continue
            missing.append(message.findtext("source") or "")
    return missing


def main() -> int:
    if "--check" in sys.argv:
        missing = unfinished()
        for text in missing:
            print(f"non traduit : {text}")
        return 1 if missing else 0
    sources = sorted(str(p) for p in (ROOT / "src" / "pac_sac_desktop" / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS), "-no-obsolete"], check=True
    )
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
