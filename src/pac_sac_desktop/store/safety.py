"""The workstation's database survives its disk: backups, a check at start, and restoring.

A counter workstation holds requests nobody else has yet (the outbox). A file truncated to zero
bytes, damaged by a bad sector or deleted by a cleanup tool must never turn into a fresh empty
database with a new station prefix: the check at start refuses it, sets the damaged file aside,
and offers the newest backup; restoring then salvages what the damaged file still gives (outbox,
requests, events) on top of the backup, so the requests saved after the backup are not lost.

Backups use SQLite's online backup API (a consistent copy while the app runs), are written to
``backups/`` beside the database, fsynced, and rotated (the newest ``KEEP`` are kept), as Anki
keeps its collection backups.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pac_sac_desktop.core.errors import StoreDamaged
from pac_sac_desktop.core.timefmt import datetime_fr

BACKUP_DIR = "backups"
KEEP = 12
PREFIX = "pac-sac-"
# Tables salvaged from a damaged file on restore, in dependency order; rows already in the
# backup are kept as they are (INSERT OR IGNORE), newer ones come back.
SALVAGE = ("categories", "requests", "request_events", "request_keys", "outbox", "app_state")


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def backups(db_path: Path) -> list[Path]:
    """Restorable copies, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}*.sqlite3"), reverse=True)


def backup_time(path: Path) -> dt.datetime:
    stamp = path.stem.removeprefix(PREFIX)
    return dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f").replace(tzinfo=dt.UTC)


def make_backup(db_path: Path, *, now: dt.datetime | None = None, keep: int = KEEP) -> Path:
    """A consistent copy of the live database (other connections may keep writing)."""
    now = now or dt.datetime.now(dt.UTC)
    folder = backup_dir(db_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{PREFIX}{now:%Y%m%d-%H%M%S-%f}.sqlite3"
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(db_path)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    finally:
        source.close()
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    os.chmod(partial, 0o600)
    partial.replace(target)
    for old in backups(db_path)[keep:]:
        old.unlink(missing_ok=True)
    return target


def backup_due(db_path: Path, every: dt.timedelta, now: dt.datetime | None = None) -> bool:
    found = backups(db_path)
    now = now or dt.datetime.now(dt.UTC)
    return not found or now - backup_time(found[0]) >= every


def check(db_path: Path) -> None:
    """Refuse to open a database that should be there and is not, or is unreadable.

    A folder that never had a database (no file, no backups) is a new workstation: fine.
    """
    copies = [str(p) for p in backups(db_path)]
    if not db_path.exists():
        aside = damaged_files(db_path)
        if copies or aside:
            raise StoreDamaged(
                "La base de données locale est absente alors que ce poste en avait une : "
                "elle n'est pas recréée vide.",
                reason="missing",
                path=str(db_path),
                set_aside=str(aside[0]) if aside else None,
                backups=copies,
            )
        return
    if db_path.stat().st_size == 0:
        aside = set_aside(db_path)
        raise StoreDamaged(
            "La base de données locale est vide (fichier tronqué) : elle n'est pas recréée.",
            reason="empty",
            path=str(db_path),
            set_aside=str(aside),
            backups=copies,
        )
    problem = _quick_check(db_path)
    if problem:
        aside = set_aside(db_path)
        raise StoreDamaged(
            "La base de données locale est endommagée : elle a été mise de côté.",
            reason="corrupt",
            path=str(db_path),
            set_aside=str(aside),
            backups=copies,
            details=problem,
        )


def _quick_check(db_path: Path) -> str:
    """'' when SQLite finds the file sound, else what it said."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "" if rows == ["ok"] else "; ".join(rows[:5])


def set_aside(db_path: Path) -> Path:
    """Move the damaged file (and its WAL or rollback journal) out of the way, never delete it.

    The journal goes with it: left behind, SQLite would take it for the hot journal of the
    next file of that name and roll its pages into it."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.endommagee-{stamp}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(f"{db_path}{suffix}")
        if part.exists():
            part.replace(Path(f"{target}{suffix}"))
    return target


def damaged_files(db_path: Path) -> list[Path]:
    """Files set aside at a failed start, newest first."""
    return sorted(db_path.parent.glob(f"{db_path.name}.endommagee-*[0-9]"), reverse=True)


def start_fresh(db_path: Path) -> Path | None:
    """The user chose to start with an empty database: the damaged files are archived (never
    deleted) so the next start does not ask again."""
    found = damaged_files(db_path)
    if not found:
        return None
    archive = db_path.parent / "endommagees"
    archive.mkdir(mode=0o700, exist_ok=True)
    for path in db_path.parent.glob(f"{db_path.name}.endommagee-*"):
        path.replace(archive / path.name)
    return archive


@dataclass(frozen=True)
class Restored:
    backup: Path
    salvaged: dict[str, int]

    def summary_fr(self) -> str:
        when = datetime_fr(backup_time(self.backup))
        rescued = sum(self.salvaged.values())
        text = f"Copie du {when} restaurée"
        if rescued:
            text += f"; {rescued} ligne(s) récupérée(s) du fichier endommagé"
            if self.salvaged.get("outbox"):
                text += f" dont {self.salvaged['outbox']} envoi(s) en attente"
        return text + "."


def restore(db_path: Path, copy: Path, damaged: Path | None = None) -> Restored:
    """Put ``copy`` in place and bring back what the damaged file still holds."""
    if db_path.exists():
        damaged = damaged or set_aside(db_path)
    partial = db_path.with_suffix(".restoring")
    partial.write_bytes(copy.read_bytes())
    os.chmod(partial, 0o600)
    partial.replace(db_path)
    salvaged = _salvage(db_path, damaged) if damaged and damaged.exists() else {}
    start_fresh(db_path)  # what could be read is back; the damaged file is archived
    return Restored(copy, salvaged)


def _keep_highest_counter(conn: sqlite3.Connection, key: str) -> None:
    """Provisional numbers given after the backup must not be given again."""
    try:
        conn.execute(
            "UPDATE main.app_state SET value = (SELECT MAX(CAST(value AS INTEGER)) FROM ("
            " SELECT value FROM main.app_state WHERE key = :k"
            " UNION ALL SELECT value FROM old.app_state WHERE key = :k)) WHERE key = :k",
            {"k": key},
        )
        conn.commit()
    except sqlite3.DatabaseError:
        conn.rollback()


def _salvage(db_path: Path, damaged: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    conn = sqlite3.connect(db_path)
    try:
        try:
            conn.execute("ATTACH DATABASE ? AS old", (f"file:{damaged}?mode=ro",))
        except sqlite3.DatabaseError:
            return counts
        for table in SALVAGE:
            try:
                columns = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
                old = {r[1] for r in conn.execute(f"PRAGMA old.table_info({table})")}
                shared = ", ".join(c for c in columns if c in old)
                if not shared:
                    continue
                before = conn.total_changes
                conn.execute(
                    f"INSERT OR IGNORE INTO main.{table} ({shared}) SELECT {shared} FROM old.{table}"
                )
                conn.commit()
                counts[table] = conn.total_changes - before
            except sqlite3.DatabaseError:
                conn.rollback()  # that table is unreadable: keep what the backup has
        _keep_highest_counter(conn, "provisional_seq")
        conn.execute("DETACH DATABASE old")
    finally:
        conn.close()
    return counts
