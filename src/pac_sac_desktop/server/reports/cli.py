"""``pac-sac-server report``: the report of a period as JSON, CSV, XLSX, PDF, public HTML or
open data (Montréal 311 columns)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from pac_sac_desktop.core import report_export
from pac_sac_desktop.core.errors import ValidationFailed

FORMATS = ("json", "csv", "xlsx", "pdf", "html", "opendata")


def add_parser(sub: argparse._SubParsersAction, db_of) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report", help="rapport d'une période (JSON, CSV, XLSX, PDF, HTML public, données ouvertes)"
    )
    p.add_argument("--db")
    p.add_argument("--from", dest="start", required=True, help="AAAA-MM-JJ")
    p.add_argument("--to", dest="end", required=True, help="AAAA-MM-JJ (inclus)")
    p.add_argument("--format", choices=FORMATS, default="json")
    p.add_argument("--out", required=True, help="fichier à écrire (- : sortie standard)")
    p.add_argument("--public", action="store_true", help="PDF : le rapport public de transparence")
    p.add_argument(
        "--city", default=report_export.DEFAULT_CITY, help="nom de la ville (rapport public)"
    )
    for name in ("department", "district", "category", "channel", "nature"):
        p.add_argument(f"--{name}")
    p.set_defaults(func=lambda args: run(args, db_of(args)))


def run(args: argparse.Namespace, server_db) -> int:  # type: ignore[no-untyped-def]
    from pac_sac_desktop.server.reports import opendata, service
    from pac_sac_desktop.server.reports.schemas import parse_query

    values = {"from": args.start, "to": args.end}
    for name in ("department", "district", "category", "channel", "nature"):
        if getattr(args, name) is not None:
            values[name] = getattr(args, name)
    try:
        filters = parse_query(values)
    except ValidationFailed as exc:
        print(f"Erreur : {exc.message}", file=sys.stderr)
        for name, message in exc.fields.items():
            print(f"  {name} : {message}", file=sys.stderr)
        return 2
    try:
        if args.format == "opendata":
            with contextlib.ExitStack() as stack:
                target = (
                    sys.stdout
                    if args.out == "-"
                    else stack.enter_context(open(args.out, "w", encoding="utf-8", newline=""))
                )
                with server_db.transaction(read_only=True) as session:
                    count = opendata.write(session, filters, target)
            print(
                f"Données ouvertes : {count} requête(s) écrite(s) dans {args.out}.", file=sys.stderr
            )
            return 0
        with server_db.transaction() as session:
            report = service.compute(session, filters)
    finally:
        server_db.dispose()
    if args.format == "json":
        data = json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8")
    elif args.format == "csv":
        data = report_export.to_csv(report)
    elif args.format == "xlsx":
        data = report_export.to_xlsx(report)
    elif args.format == "pdf":
        data = report_export.to_pdf(report, public=args.public, city=args.city)
    else:
        data = report_export.to_html(report, city=args.city).encode("utf-8")
    if args.out == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(args.out).write_bytes(data)
        print(f"Rapport écrit : {args.out} ({len(data)} octets).", file=sys.stderr)
    return 0
