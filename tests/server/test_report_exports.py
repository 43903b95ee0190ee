"""Exports of the report: CSV, XLSX, PDF read back, public HTML; open data without personal data."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pac_sac_desktop.core import report_export
from pac_sac_desktop.server.cli import main as server_main
from pac_sac_desktop.server.reports import opendata, service
from pac_sac_desktop.server.reports.schemas import parse_query
from tests.server import report_data

MARCH = {"from": "2026-03-01", "to": "2026-03-31"}


@pytest.fixture()
def report(server_db):
    with server_db.transaction() as session:
        report_data.load(session)
    with server_db.transaction() as session:
        return service.compute(session, parse_query(MARCH))


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_csv_and_xlsx(report):
    raw = report_export.to_csv(report)
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    values = {r[1]: r[2] for r in rows}
    assert values["Requêtes reçues"] == "7"
    assert values["Part des plaintes suivies en 24 heures"] == "50,0\u00a0%"
    assert values["Délai médian du premier suivi"] == "10,0\u00a0h"
    assert values["Période"] == "du 1er mars 2026 au 31 mars 2026"
    book = load_workbook(io.BytesIO(report_export.to_xlsx(report)))
    assert book.sheetnames == ["Indicateurs", "Par mois", "Par catégorie", "Satisfaction"]
    cells = {row[1]: row[2] for row in book["Indicateurs"].iter_rows(values_only=True)}
    assert cells["Rencontres tenues"] == "1"
    assert list(book["Satisfaction"].iter_rows(values_only=True))[5] == (5, 1)


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_pdf_read_back(report, tmp_path):
    for public in (False, True):
        data = report_export.to_pdf(report, public=public)
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        assert "du 1er mars 2026 au 31 mars 2026" in text
        assert "Louise" not in text and "Gagnon" not in text
        if public:
            assert "Reddition de comptes" in text and "plaintes reçues" in text
            assert "des plaintes suivies en 24 heures" in text and "3,5 / 5" in text
        else:
            assert "Rapport des requêtes citoyennes" in text
            assert "Taux de règlement au premier contact" in text and "28,6" in text
    if shutil.which("pdftotext"):
        path = tmp_path / "public.pdf"
        path.write_bytes(report_export.to_pdf(report, public=True))
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
        assert "rencontres tenues" in out.stdout


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_public_html_has_no_personal_data(report):
    page = report_export.to_html(report)
    assert page.startswith("<!DOCTYPE html>") and 'lang="fr-CA"' in page
    assert "<script" not in page
    assert "50,0\u00a0%" in page and "rencontres tenues" in page
    for personal in ("Louise", "Gagnon", "@exemple.ca", "4505550311", "Principale"):
        assert personal not in page
    assert set(report_export.public_report(report)) >= {"complaints_received", "meetings_held"}


def test_open_data(server_db):
    with server_db.transaction() as session:
        report_data.load(session)
    out = io.StringIO()
    with server_db.transaction(read_only=True) as session:
        count = opendata.write(session, parse_query(MARCH), out)
    text = out.getvalue()
    assert count == 7 and text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert list(rows[0]) == list(opendata.COLUMNS)
    by_ref = {r["ID_UNIQ"]: r for r in rows}
    assert {r["NATURE"] for r in rows} == {"Plainte", "Requête", "Information"}
    complaint = by_ref["2026-000001"]  # a complaint at 120, rue Principale: no place
    assert complaint["RUE"] == "" and complaint["ARRONDISSEMENT"] == ""
    assert (
        complaint["PROVENANCE_ORIGINALE"] == "Téléphone"
        and complaint["PROVENANCE_TELEPHONE"] == "1"
    )
    assert complaint["DERNIER_STATUT"] == "Terminée"
    assert complaint["DDS_DATE_CREATION"] == "2026-03-02T09:00:00"  # Montréal's clock
    assert all(r["LIN_CODE_POSTAL"] == "" for r in rows)
    for personal in ("Louise", "Gagnon", "exemple.ca", "450555", "120"):
        assert personal not in text


def test_open_data_keeps_the_street_of_a_request(server_db):
    from pac_sac_desktop.server.models import Request

    with server_db.transaction() as session:
        report_data.load(session)
        row = session.get(Request, "00000000-0000-0000-0000-000000000007")
        row.payload = {
            **row.payload,
            "location": {"address": "1200, rue Principale", "lat": 45.123456, "lon": -73.98765},
        }
        row.address_key = "1200 rue principale"
    out = io.StringIO()
    with server_db.transaction(read_only=True) as session:
        opendata.write(session, parse_query({**MARCH, "nature": "request"}), out)
    rows = {r["ID_UNIQ"]: r for r in csv.DictReader(io.StringIO(out.getvalue()[1:]))}
    r7 = rows["2026-000007"]
    assert r7["RUE"] == "rue Principale" and r7["ARRONDISSEMENT"] == "District des Pionniers"
    assert (r7["LOC_LAT"], r7["LOC_LONG"]) == ("45.123", "-73.988")


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_cli_report_formats(server_db, tmp_path, capsys):
    with server_db.transaction() as session:
        report_data.load(session)
    base = ["report", "--db", server_db.url, "--from", "2026-03-01", "--to", "2026-03-31"]
    for fmt in report_data_formats():
        out = tmp_path / f"r.{fmt}"
        assert server_main([*base, "--format", fmt, "--out", str(out)]) == 0, fmt
        assert out.stat().st_size > 100
    assert json.loads((tmp_path / "r.json").read_text())["counts"]["total"] == 7
    assert server_main([*base[:4], "0001-01-01", "--to", "2026-01-01", "--out", "-"]) == 2
    assert "date hors limites" in capsys.readouterr().err


def report_data_formats():
    return ("json", "csv", "xlsx", "pdf", "html", "opendata")


def test_open_data_and_report_follow_new_history_and_taxonomy(server_db):
    """The cached CSV blocks (PostgreSQL), the rollup and the facts follow a new request, a new
    event and a category moved to another department, at the next export or report."""
    from pac_sac_desktop.server.models import RequestEvent
    from pac_sac_desktop.server.taxonomy import service as taxonomy
    from pac_sac_desktop.server.types import utcnow

    with server_db.transaction() as session:
        report_data.load(session)

    def export() -> dict[str, dict[str, str]]:
        out = io.StringIO()
        with server_db.transaction(read_only=True) as session:
            opendata.write(session, parse_query(MARCH), out)
        return {r["ID_UNIQ"]: r for r in csv.DictReader(io.StringIO(out.getvalue()[1:]))}

    def report() -> dict:
        with server_db.transaction() as session:
            return service.compute(session, parse_query(MARCH))

    assert export()["2026-000003"]["DERNIER_STATUT"] == "Acceptée" and len(export()) == 7
    assert report()["counts"]["by_status"]["closed"] == 4
    with server_db.transaction() as session:
        r3 = report_data._request(3, "complaint", "nid-de-poule", "email", report_data.T0)
        late = report_data._request(20, "comment", "nid-de-poule", "web", report_data._at(9))
        late.received_at = utcnow()  # captured offline on 9 March, received now
        session.add(late)
        session.add(
            RequestEvent(
                uuid="00000000-0000-0000-0000-00000000bbbb", request_uuid=r3.uuid, kind="close",
                data={"resolution": "Colmaté."}, data_hash="z" * 64, author="superviseur",
                created_at=utcnow(), received_at=utcnow(),
            )
        )  # fmt: skip
        session.get(type(r3), r3.uuid).status = "closed"
    rows = export()
    assert len(rows) == 8 and rows["2026-000020"]["NATURE"] == "Commentaire"
    assert rows["2026-000003"]["DERNIER_STATUT"] == "Terminée"
    after = report()
    assert after["counts"]["total"] == 8 and after["counts"]["by_status"]["closed"] == 5
    assert after["deadlines"]["resolved"] == 6
    with server_db.transaction() as session:
        row = taxonomy.get(session, "nid-de-poule")
        form = taxonomy.to_wire(row)
        taxonomy.upsert(
            session, {**form, "department": "Voirie", "label": "Nid-de-poule, chaussée"}
        )
    moved = report()["counts"]["by_department"]
    assert moved == {"Environnement": 2, "Voirie": 6}
    rows = export()
    assert rows["2026-000001"]["UNITE_RESP_PARENT"] == "Voirie"
    assert rows["2026-000001"]["ACTI_NOM"] == "Nid-de-poule, chaussée"


@pytest.mark.parametrize("server_db", ["postgresql"], indirect=True)
def test_a_stale_open_data_block_finds_its_requests_by_index(server_db):
    """Migration 0009's index is on the very expressions the export joins stale blocks with:
    were they to drift apart, every stale block would walk its whole day of facts again."""
    from sqlalchemy import text

    from pac_sac_desktop.server.reports.facts import BLOCK_BUCKET, BLOCK_DAY

    definition = "SELECT pg_get_indexdef(CAST(:name AS regclass))"
    with server_db.transaction() as session:
        migrated = session.execute(text(definition), {"name": "ix_report_facts_block"}).scalar()
        columns = ", ".join(f"({e.replace('f.', '')})" for e in (BLOCK_DAY, BLOCK_BUCKET))
        session.execute(text(f"CREATE INDEX ix_probe ON report_facts ({columns})"))
        expected = session.execute(text(definition), {"name": "ix_probe"}).scalar()
        session.rollback()
    assert migrated == expected.replace("ix_probe", "ix_report_facts_block")
