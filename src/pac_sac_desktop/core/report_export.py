"""A report (the JSON of GET /api/v1/reports) rendered as CSV, XLSX, PDF and a static HTML page.

Shared by the server's CLI (``pac-sac-server report``) and the desktop's report page, so that
both write the same files. A report holds counts and rates only: no personal data. The public
transparency report (``public=True``) keeps the four figures a city publishes (complaints
received, followed up within 24 hours, meetings held, satisfaction) and the monthly volume.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pac_sac_desktop.core.timefmt import date_fr, datetime_fr
from pac_sac_desktop.core.vocabulary import CHANNEL_LABELS, NATURE_LABELS, STATUS_LABELS

DEFAULT_CITY = "Ville de Rivière-des-Cèdres"
_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.",
           "nov.", "déc.")  # fmt: skip
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "/Library/Fonts/Arial.ttf",
)


def number_fr(value: float | int | None, decimals: int = 0) -> str:
    """'1 234', '12,5' (a no-break space between thousands, a comma for decimals)."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return text


def percent_fr(rate: float | None) -> str:
    return "—" if rate is None else f"{number_fr(rate * 100, 1)}\u00a0%"


def hours_fr(hours: float | None) -> str:
    return "—" if hours is None else f"{number_fr(hours, 1)}\u00a0h"


def month_fr(label: str) -> str:
    year, month = label.split("-")
    return f"{_MONTHS[int(month) - 1]} {year}"


def period_fr(report: Mapping[str, Any]) -> str:
    start = dt.date.fromisoformat(report["period"]["from"])
    end = dt.date.fromisoformat(report["period"]["to"])
    return f"du {date_fr(start)} au {date_fr(end)}"


def filters_fr(report: Mapping[str, Any]) -> str:
    f = report.get("filters") or {}
    parts = []
    if f.get("department"):
        parts.append(f"service : {f['department']}")
    if f.get("district"):
        parts.append(f"district : {f['district']}")
    if f.get("category"):
        parts.append(f"catégorie : {f['category']}")
    if f.get("channel"):
        parts.append(f"canal : {CHANNEL_LABELS.get(f['channel'], f['channel'])}")
    if f.get("nature"):
        parts.append(f"nature : {NATURE_LABELS.get(f['nature'], f['nature'])}")
    return ", ".join(parts) or "aucun filtre"


def indicators(report: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(section, indicator, value in French) for every figure of the report."""
    c, k, d = report["counts"], report["complaints"], report["deadlines"]
    f, r, s = report["first_contact"], report["repeat_complaints"], report["satisfaction"]
    rows = [
        ("Volume", "Requêtes reçues", number_fr(c["total"])),
        *[("Volume", f"Nature : {NATURE_LABELS[n]}", number_fr(v)) for n, v in c["by_nature"].items()],
        *[("Volume", f"Canal : {CHANNEL_LABELS[n]}", number_fr(v)) for n, v in c["by_channel"].items()],
        *[("Volume", f"Statut : {STATUS_LABELS[n]}", number_fr(v)) for n, v in c["by_status"].items() if v],
        *[("Volume", f"Service : {n}", number_fr(v)) for n, v in c["by_department"].items()],
        ("Plaintes", "Plaintes reçues", number_fr(k["total"])),
        ("Plaintes", "Plaintes ayant eu un premier suivi", number_fr(k["followed_up"])),
        ("Plaintes", "Premier suivi en 24 heures ou moins", number_fr(k["followed_up_within_24h"])),
        ("Plaintes", "Part des plaintes suivies en 24 heures", percent_fr(k["followed_up_within_24h_rate"])),
        ("Plaintes", "Délai médian du premier suivi", hours_fr(k["first_followup_hours"]["median"])),
        ("Plaintes", "Délai du premier suivi (90e centile)", hours_fr(k["first_followup_hours"]["p90"])),
        ("Délais", "Requêtes et plaintes avec délai visé", number_fr(d["with_deadline"])),
        ("Délais", "Réglées dans le délai de la catégorie", number_fr(d["resolved_within_deadline"])),
        ("Délais", "Part réglée dans le délai", percent_fr(d["resolved_within_deadline_rate"])),
        ("Délais", "Délai médian de règlement", hours_fr(d["resolution_hours"]["median"])),
        ("Délais", "Délai de règlement (90e centile)", hours_fr(d["resolution_hours"]["p90"])),
        ("Premier contact", "Réglées dès le premier contact", number_fr(f["resolved"])),
        ("Premier contact", "Taux de règlement au premier contact", percent_fr(f["rate"])),
        ("Politique V.I.P.", "Plaintes répétées (rencontre requise)", number_fr(r["total"])),
        ("Politique V.I.P.", "Rencontres tenues", number_fr(r["meetings_held"])),
        ("Satisfaction", "Réponses au sondage", number_fr(s["responses"])),
        ("Satisfaction", "Taux de réponse", percent_fr(s["response_rate"])),
        ("Satisfaction", "Note moyenne (sur 5)", number_fr(s["mean"], 2) if s["mean"] is not None else "—"),
        *[("Satisfaction", f"Note {n} sur 5", number_fr(v)) for n, v in s["distribution"].items()],
    ]  # fmt: skip
    return rows


def to_csv(report: Mapping[str, Any]) -> bytes:
    """Section, indicator, value; UTF-8 with a BOM so that Excel reads the accents."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Section", "Indicateur", "Valeur"])
    writer.writerow(["Rapport", "Période", period_fr(report)])
    writer.writerow(["Rapport", "Filtres", filters_fr(report)])
    writer.writerows(indicators(report))
    for item in report["counts"]["by_month"]:
        writer.writerow(["Par mois", month_fr(item["month"]), item["total"]])
    for code, item in report["counts"]["by_category"].items():
        writer.writerow(["Par catégorie", item["label"] or code, item["total"]])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(report: Mapping[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Indicateurs"
    bold = Font(bold=True)
    sheet.append(["Rapport des requêtes citoyennes", period_fr(report)])
    sheet.append(["Filtres", filters_fr(report)])
    sheet.append([])
    sheet.append(["Section", "Indicateur", "Valeur"])
    for cell in sheet[4]:
        cell.font = bold
    for row in indicators(report):
        sheet.append(list(row))
    for column, width in (("A", 20), ("B", 44), ("C", 16)):
        sheet.column_dimensions[column].width = width
    months = book.create_sheet("Par mois")
    months.append(["Mois", "Requêtes"])
    for item in report["counts"]["by_month"]:
        months.append([item["month"], item["total"]])
    cats = book.create_sheet("Par catégorie")
    cats.append(["Code", "Catégorie", "Requêtes"])
    for code, item in report["counts"]["by_category"].items():
        cats.append([code, item["label"], item["total"]])
    cats.column_dimensions["B"].width = 40
    sat = book.create_sheet("Satisfaction")
    sat.append(["Note", "Réponses"])
    for note, n in report["satisfaction"]["distribution"].items():
        sat.append([int(note), n])
    for ws in (months, cats, sat):
        for cell in ws[1]:
            cell.font = bold
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _public_figures(report: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(figure, label, explanation) of the transparency report."""
    k, r, s = report["complaints"], report["repeat_complaints"], report["satisfaction"]
    total = report["counts"]["total"]
    return [
        (
            number_fr(k["total"]),
            "plaintes reçues",
            f"sur {number_fr(total)} demandes de citoyens (requêtes, plaintes, informations, "
            "commentaires)",
        ),
        (
            percent_fr(k["followed_up_within_24h_rate"]),
            "des plaintes suivies en 24 heures",
            f"{number_fr(k['followed_up_within_24h'])} plaintes ont reçu un premier suivi en "
            "24 heures ou moins après leur inscription",
        ),
        (
            number_fr(r["meetings_held"]),
            "rencontres tenues",
            f"avec le conseiller ou la conseillère du district, à la suite de "
            f"{number_fr(r['total'])} plaintes répétées",
        ),
        (
            f"{number_fr(s['mean'], 1)} / 5" if s["mean"] is not None else "—",
            "satisfaction moyenne",
            f"{number_fr(s['responses'])} réponses au sondage "
            f"(taux de réponse : {percent_fr(s['response_rate'])})",
        ),
    ]


_PUBLIC_NOTE = (
    "Ce rapport est produit à partir du registre des requêtes citoyennes. Il ne contient aucune "
    "donnée personnelle : seulement des nombres agrégés. Une plainte est suivie lorsque la Ville "
    "a communiqué avec la personne qui l'a déposée. Une deuxième plainte sur le même sujet mène "
    "à une rencontre avec l'élu du district et un représentant de la Ville."
)


def to_html(report: Mapping[str, Any], *, city: str = DEFAULT_CITY) -> str:
    """The public transparency report: one static page, no script, publishable as is."""
    e = html.escape
    months = report["counts"]["by_month"]
    top = max([m["total"] for m in months] + [1])
    bars = "\n".join(
        f'<div class="bar"><span class="m">{e(month_fr(m["month"]))}</span>'
        f'<span class="b" style="width:{100 * m["total"] / top:.1f}%"></span>'
        f'<span class="n">{e(number_fr(m["total"]))}</span></div>'
        for m in months
    )
    cards = "\n".join(
        f'<div class="card"><div class="fig">{e(fig)}</div><div class="lab">{e(lab)}</div>'
        f"<p>{e(text)}</p></div>"
        for fig, lab, text in _public_figures(report)
    )
    dist = report["satisfaction"]["distribution"]
    top_s = max([*dist.values(), 1])
    sat = "\n".join(
        f'<div class="bar"><span class="m">{n} sur 5</span>'
        f'<span class="b s" style="width:{100 * v / top_s:.1f}%"></span>'
        f'<span class="n">{e(number_fr(v))}</span></div>'
        for n, v in dist.items()
    )
    generated = datetime_fr(dt.datetime.fromisoformat(report["generated_at"]))
    return f"""<!DOCTYPE html>
<html lang="fr-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(city)} — Reddition de comptes sur les plaintes</title>
<style>
body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b2631;background:#f6f8fa}}
main{{max-width:900px;margin:auto;padding:24px}}
h1{{font-size:1.6em;margin-bottom:4px}} .sub{{color:#566573;margin-top:0}}
.cards{{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px;margin:20px 0}}
.card{{background:#fff;border-radius:8px;padding:14px;box-shadow:0 1px 3px #0002}}
.fig{{font-size:2em;font-weight:700;color:#1f5f99}} .lab{{font-weight:600}}
.card p{{color:#566573;font-size:.9em;margin:.4em 0 0}}
.bar{{display:flex;align-items:center;gap:8px;margin:3px 0}}
.bar .m{{width:90px;text-align:right;color:#566573;font-size:.9em}}
.bar .b{{height:16px;background:#1f5f99;border-radius:3px;min-width:2px}} .bar .b.s{{background:#2e8b57}}
.bar .n{{font-size:.9em}}
section{{background:#fff;border-radius:8px;padding:14px;margin:12px 0;box-shadow:0 1px 3px #0002}}
footer{{color:#566573;font-size:.85em}}
</style>
</head>
<body><main>
<h1>Reddition de comptes sur le traitement des plaintes</h1>
<p class="sub">{e(city)} — période {e(period_fr(report))}</p>
<div class="cards">
{cards}
</div>
<section><h2>Demandes reçues par mois</h2>
{bars}
</section>
<section><h2>Satisfaction des citoyens</h2>
{sat}
</section>
<footer><p>{e(_PUBLIC_NOTE)}</p><p>Produit le {e(generated)}.</p></footer>
</main></body>
</html>
"""


def _font_path() -> str | None:
    env = os.environ.get("PAC_SAC_PDF_FONT")
    for candidate in ([env] if env else []) + list(_FONT_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


class _Pdf:
    """fpdf2 with a Unicode font when one is installed (DejaVu on Debian), Helvetica otherwise."""

    def __init__(self, title: str) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(format="Letter")
        self.pdf.set_title(title)
        self.pdf.set_creator("PAC SAC")
        self.pdf.set_auto_page_break(True, margin=18)
        font = _font_path()
        if font:
            self.pdf.add_font("Body", "", font)
            bold = font.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
            self.pdf.add_font("Body", "B", bold if Path(bold).is_file() else font)
            self.family, self.unicode = "Body", True
        else:
            self.family, self.unicode = "Helvetica", False
        self.pdf.add_page()

    def text(self, value: str) -> str:
        if self.unicode:
            return value
        value = value.replace("\u00a0", " ").replace("—", "-").replace("’", "'").replace("œ", "oe")
        return value.encode("latin-1", "replace").decode("latin-1")

    def line(self, value: str, size: float = 10, *, bold: bool = False, h: float = 6) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)
        self.pdf.multi_cell(0, h, self.text(value), new_x="LMARGIN", new_y="NEXT")

    def bars(self, items: list[tuple[str, int]], color: tuple[int, int, int]) -> None:
        pdf = self.pdf
        top = max([v for _l, v in items] + [1])
        width = pdf.w - pdf.l_margin - pdf.r_margin - 50
        pdf.set_font(self.family, "", 8.5)
        for label, value in items:
            y = pdf.get_y()
            pdf.set_x(pdf.l_margin)
            pdf.cell(26, 5, self.text(label), align="R")
            pdf.set_fill_color(*color)
            bar = max(0.6, width * value / top)
            pdf.rect(pdf.l_margin + 28, y + 0.8, bar, 3.6, style="F")
            pdf.set_xy(pdf.l_margin + 30 + bar, y)
            pdf.cell(20, 5, self.text(number_fr(value)))
            pdf.set_xy(pdf.l_margin, y + 5.4)
        pdf.ln(2)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def to_pdf(report: Mapping[str, Any], *, public: bool = False, city: str = DEFAULT_CITY) -> bytes:
    """The supervisors' report (every figure) or the public transparency report."""
    title = (
        "Reddition de comptes sur le traitement des plaintes"
        if public
        else "Rapport des requêtes citoyennes"
    )
    doc = _Pdf(title)
    doc.line(title, 17, bold=True, h=9)
    doc.line(f"{city} — période {period_fr(report)}", 11)
    if not public:
        doc.line(f"Filtres : {filters_fr(report)}", 9)
    doc.pdf.ln(3)
    if public:
        for fig, lab, explanation in _public_figures(report):
            doc.line(f"{fig}  {lab}", 14, bold=True, h=8)
            doc.line(explanation, 10)
            doc.pdf.ln(1.5)
    else:
        section = ""
        for sec, label, value in indicators(report):
            if sec != section:
                section = sec
                doc.pdf.ln(1.5)
                doc.line(sec, 11.5, bold=True, h=7)
            doc.pdf.set_font(doc.family, "", 9.5)
            doc.pdf.cell(120, 5.2, doc.text(label))
            doc.pdf.cell(0, 5.2, doc.text(value), new_x="LMARGIN", new_y="NEXT")
    doc.pdf.ln(3)
    doc.line("Demandes reçues par mois", 11.5, bold=True, h=7)
    doc.bars(
        [(month_fr(m["month"]), m["total"]) for m in report["counts"]["by_month"]], (31, 95, 153)
    )
    doc.line("Satisfaction (réponses par note)", 11.5, bold=True, h=7)
    doc.bars(
        [(f"{n} sur 5", v) for n, v in report["satisfaction"]["distribution"].items()],
        (46, 139, 87),
    )
    if public:
        doc.line(_PUBLIC_NOTE, 8.5, h=4.5)
    doc.line(f"Produit le {datetime_fr(dt.datetime.fromisoformat(report['generated_at']))}.", 8.5)
    return doc.output()


def public_report(report: Mapping[str, Any]) -> dict[str, Any]:
    """The figures the transparency report publishes (and nothing else), as JSON."""
    k, r, s = report["complaints"], report["repeat_complaints"], report["satisfaction"]
    return {
        "period": report["period"],
        "requests_received": report["counts"]["total"],
        "complaints_received": k["total"],
        "complaints_followed_up_within_24h": k["followed_up_within_24h"],
        "complaints_followed_up_within_24h_rate": k["followed_up_within_24h_rate"],
        "repeat_complaints": r["total"],
        "meetings_held": r["meetings_held"],
        "satisfaction_mean": s["mean"],
        "satisfaction_responses": s["responses"],
        "by_month": report["counts"]["by_month"],
    }
