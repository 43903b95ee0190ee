"""The workstation survives its disk: a missing, empty or damaged database is refused at start,
never replaced by an empty one; backups restore it and what the damaged file still holds
(requests saved after the backup, their outbox) comes back."""

import datetime as dt
import stat

import pytest
from sqlalchemy import text

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.core.errors import StoreDamaged
from pac_sac_desktop.core.requests import Citizen, Location, RequestDraft
from pac_sac_desktop.services.requests import RequestService
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.store import safety
from pac_sac_desktop.store.db import Database


def save_one(db: Database, name: str) -> str:
    service = RequestService(db)
    service.ensure_taxonomy()
    saved = service.save(
        RequestDraft(
            nature="request",
            category="collecte-manquee",
            description="Bac oublié.",
            channel="counter",
            citizen=Citizen(last_name=name, phone="450 555-0101", contact="phone"),
            location=Location(address="120, rue Principale"),
            answers=sample_answers(service.category("collecte-manquee").questions),
        ),
        user="agent",
    )
    return saved.number


def test_an_empty_file_is_refused_and_set_aside_not_recreated(home):
    db = Database.in_home(home)
    save_one(db, "Gagnon")
    safety.make_backup(db.path)
    db.close()
    db.path.write_bytes(b"")
    with pytest.raises(StoreDamaged) as info:
        Database.in_home(home)
    assert info.value.reason == "empty" and info.value.backups
    assert not db.path.exists() and info.value.set_aside
    with pytest.raises(StoreDamaged) as again:  # the next start asks again, never starts empty
        Database.in_home(home)
    assert again.value.reason == "missing"


def test_random_bytes_inside_the_file_are_detected(home):
    db = Database.in_home(home)
    save_one(db, "Gagnon")
    db.close()
    data = bytearray(db.path.read_bytes())
    data[0:100] = b"\x00garbage" * 12 + b"xxxx"
    db.path.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged) as info:
        Database.in_home(home)
    assert info.value.reason == "corrupt" and "mise de côté" in info.value.message


def test_restore_brings_back_the_backup_and_what_was_saved_after_it(home):
    db = Database.in_home(home)
    first = save_one(db, "Gagnon")
    safety.make_backup(db.path)
    second = save_one(db, "Tremblay")  # after the backup: only in the live file
    db.close()
    aside = safety.set_aside(db.path)  # as the check at start does with a damaged file
    with pytest.raises(StoreDamaged):
        Database.in_home(home)
    restored = Workstation.restore_latest(home)
    assert restored.salvaged["requests"] == 1 and restored.salvaged["outbox"] == 1
    assert "récupérée" in restored.summary_fr()
    assert not aside.exists()  # archived, never deleted
    assert list((home / "endommagees").iterdir())
    db = Database.in_home(home)
    service = RequestService(db)
    assert {r.number for r in service.list()} == {first, second}
    assert service.waiting() == 2
    third = save_one(db, "Roy")
    assert third not in (first, second)  # the provisional counter did not go back in time
    db.close()


def test_start_fresh_only_when_asked(home):
    db = Database.in_home(home)
    db.close()
    db.path.write_bytes(b"")
    with pytest.raises(StoreDamaged):
        Database.in_home(home)
    assert safety.start_fresh(db.path) is not None
    Database.in_home(home).close()  # a new, empty database now, by the user's choice


def test_backups_are_rotated_and_due_hourly(home):
    db = Database.in_home(home)
    start = dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC)
    for n in range(safety.KEEP + 3):
        safety.make_backup(db.path, now=start + dt.timedelta(minutes=n))
    copies = safety.backups(db.path)
    assert len(copies) == safety.KEEP
    assert safety.backup_time(copies[0]) == start + dt.timedelta(minutes=safety.KEEP + 2)
    later = safety.backup_time(copies[0])
    assert not safety.backup_due(db.path, dt.timedelta(hours=1), later + dt.timedelta(minutes=59))
    assert safety.backup_due(db.path, dt.timedelta(hours=1), later + dt.timedelta(minutes=61))
    db.close()


def test_the_database_and_the_data_folder_are_private(home):
    ws = Workstation(home)
    try:
        with ws.db.reading() as s:
            s.execute(text("SELECT count(*) FROM requests")).scalar()  # WAL files exist now
        assert stat.S_IMODE(home.stat().st_mode) == 0o700
        for name in ("pac-sac.sqlite3", "pac-sac.sqlite3-wal", "pac-sac.sqlite3-shm"):
            assert stat.S_IMODE((home / name).stat().st_mode) == 0o600, name
    finally:
        ws.close()
