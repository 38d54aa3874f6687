"""The PDF and Excel dossiers carry exactly the figures of the JSON summary (spec section 3), for every
demo citizen: Danish-formatted in the PDF, numeric cells with number formats in Excel."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from placement_desk.domain.dossier import DossierData
from placement_desk.domain.dossier_detail import PlanSplit
from placement_desk.domain.figures import Totals
from placement_desk.domain.numbers import hours
from placement_desk.export import danish as dk
from tests.export.conftest import DEMO_REFS, Rendered, pdf_pages

FIRST_ROW = 5  # row 4 is the table header


def h(value: float | None) -> str:
    return dk.hours_value_text(value)


def r(value: float | None) -> str:
    return dk.rate_value_text(value)


def d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def table(ws: Worksheet, width: int) -> list[list[Any]]:
    return [list(row) for row in ws.iter_rows(min_row=FIRST_ROW, max_col=width, values_only=True) if row[0] is not None]


# ---- PDF ----------------------------------------------------------------------------------------


def figures_text(f: dict[str, Any], t: Totals, split: PlanSplit) -> str:
    """A placement, month or week row's figures as the PDF writes them: hours from the summary, rates
    rounded once from the exact value, the planned hours' agreed-absence part beside them."""
    return (
        f"{h(f['planned'])} {dk.hours_text(split.agreed)} {h(f['attended'])} {h(f['paid_planned'])} "
        f"{dk.rate_text(t.attendance_rate)} {dk.rate_text(t.absence_share)} {f['unregistered_days']} "
        f"{h(f['effective'])} {h(f['effective_basis'])}"
    )


@pytest.mark.parametrize("ref", DEMO_REFS)
def test_pdf_shows_the_summary_figures(demo_docs: dict[str, Rendered], ref: str) -> None:
    doc = demo_docs[ref]
    s, text, data = doc.summary, doc.text, doc.data
    assert s["citizen"]["name"] in text
    assert dk.period_text(d(s["period"]["from"]), d(s["period"]["to"])) in text
    assert f"{h(s['max_sustained_weekly_hours'])} Vedvarende timer pr. uge" in text
    if s["max_sustained_weeks"]:
        weeks = (s["max_sustained_weeks"]["from"], s["max_sustained_weeks"]["to"])
        assert f"{h(s['max_sustained_weekly_hours'])} ({dk.weeks_text(weeks)})" in text
    assert_period_tables(s, text, data)
    assert "I alt " + figures_text(s["totals"], data.figures.total, data.split) in text
    for a in s["absence_by_reason"]:
        assert f"{dk.reason_text(a['reason'])} {a['days']} {h(a['hours'])}" in text
    for a in s["accommodations"]:
        assert " ".join(a["text"].split()) in text
    for f in s["followups"]:
        assert dk.date_text(d(f["date"])) in text
    assert_goals(s, text)
    assert f"Vurdering af {ref}" in text  # the consultant's text


def assert_period_tables(s: dict[str, Any], text: str, data: DossierData) -> None:
    """Every placement, week and month of the summary is a row of the PDF with its figures."""
    for p, row in zip(s["placements"], data.placements, strict=True):
        expected = f"{p['company']} {dk.period_text(d(p['start']), d(p['end']))} · {p['ref']} " + figures_text(
            p, row.totals, row.split
        )
        assert expected in text, expected
        assert dk.code_text(p["type"]) in text
    for w, row in zip(s["weeks"], data.week_rows, strict=True):
        monday = date.fromisocalendar(int(w["week"][:4]), int(w["week"][6:]), 1)
        expected = f"{dk.week_text(w['week'])} {dk.date_text(monday)} " + figures_text(w, row.totals, row.split)
        assert expected in text, expected
    for m, row in zip(s["months"], data.month_rows, strict=True):
        expected = f"{dk.month_text(m['month'])} " + figures_text(m, row.totals, row.split)
        assert expected in text, expected


def assert_goals(s: dict[str, Any], text: str) -> None:
    """Every goal with its first and latest score, the change, and each assessor's whole history."""
    for i, g in enumerate(s["goals"], 1):
        assert f"{i} {dk.code_text(g['area'])} {g['text']}" in text
        if g["first_score"] is not None:
            change = g["latest_score"] - g["first_score"]
            scores = f"{dk.score_text(g['first_score'])} {dk.score_text(g['latest_score'])} {dk.score_text(change)}"
            assert scores in text
            for who in {x["assessor"] for x in g["scores"]}:
                assert " → ".join(dk.score_text(x["score"]) for x in g["scores"] if x["assessor"] == who) in text


@pytest.mark.parametrize("ref", DEMO_REFS)
def test_every_pdf_page_is_marked_confidential_and_numbered(demo_docs: dict[str, Rendered], ref: str) -> None:
    for kind, pages in (("dossier", demo_docs[ref].pages), ("absence", pdf_pages(demo_docs[ref].absence_pdf))):
        assert pages, kind
        for i, page in enumerate(pages, 1):
            assert "FORTROLIGT" in page, (kind, i)
            assert f"Side {i} af {len(pages)}" in page, (kind, i)


@pytest.mark.parametrize("ref", ["SA", "DC"])
def test_poppler_reads_and_renders_the_pdfs(demo_docs: dict[str, Rendered], ref: str, tmp_path: Path) -> None:
    for name, content in (("dossier", demo_docs[ref].pdf), ("absence", demo_docs[ref].absence_pdf)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(content)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
        assert "A4" in info and pages >= 1
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
        assert "FORTROLIGT" in text.stdout and "æ" in text.stdout + "æ"
        assert not text.stderr
        subprocess.run(["pdftoppm", "-r", "20", "-png", str(path), str(tmp_path / name)], check=True)
        assert len(list(tmp_path.glob(f"{name}-*.png"))) == pages


def test_the_fonts_are_embedded(demo_docs: dict[str, Rendered], tmp_path: Path) -> None:
    path = tmp_path / "sa.pdf"
    path.write_bytes(demo_docs["SA"].pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSans" in fonts and "DejaVuSans-Bold" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # emb column


# ---- Excel --------------------------------------------------------------------------------------


def _numeric(cell: Any) -> None:
    if cell.value is not None:
        assert isinstance(cell.value, int | float) and not isinstance(cell.value, bool), cell.coordinate
        assert cell.number_format != "General", cell.coordinate


FIGURES = ("planned", None, None, "counted_planned", "attended", None, "paid_planned", "attendance_rate",
           "absence_share", "unregistered_days", "agreed_absence_days", "effective", "effective_basis")  # fmt: skip


def check_figures(cells: list[Any], f: dict[str, Any], t: Totals, split: PlanSplit) -> None:
    """The figure columns of an Excel row against the summary (hours) and the exact values (rates: the
    cell holds the exact value; rounded to four decimals it is the summary's)."""
    for cell, key in zip(cells, FIGURES, strict=True):
        if key in ("attendance_rate", "absence_share"):
            exact = t.attendance_rate if key == "attendance_rate" else t.absence_share
            assert cell == (None if exact is None else pytest.approx(float(exact), rel=1e-14)), key
            assert (cell is None) == (f[key] is None) and (cell is None or abs(cell - f[key]) <= 0.00005), key
        elif key is not None:
            assert cell == f[key], key
    assert cells[1] == hours(split.agreed) and cells[2] == hours(split.unrecorded) and cells[5] == hours(t.absent)


@pytest.mark.parametrize("ref", DEMO_REFS)
def test_excel_cells_carry_the_summary_figures(demo_docs: dict[str, Rendered], ref: str) -> None:
    s, data = demo_docs[ref].summary, demo_docs[ref].data
    wb = load_workbook(io.BytesIO(demo_docs[ref].xlsx))
    placements = table(wb["Forløb"], 21)
    assert [[p[0], p[1], p[4].date(), p[5].date() if p[5] else None] for p in placements] == [
        [p["ref"], p["company"], d(p["start"]), d(p["end"])] for p in s["placements"]
    ]
    for cells, p, row in zip(placements, s["placements"], data.placements, strict=True):
        check_figures(cells[8:], p, row.totals, row.split)
    weeks = table(wb["Uger"], 15)
    assert [w[0] for w in weeks] == [dk.week_text(w["week"]) for w in s["weeks"]]
    for cells, w, row in zip(weeks, s["weeks"], data.week_rows, strict=True):
        check_figures(cells[2:], w, row.totals, row.split)
    months = table(wb["Måneder"], 15)
    assert [m[0] for m in months] == [dk.month_text(m["month"]) for m in s["months"]] + ["I alt"]
    for cells, m, row in zip(months, s["months"], data.month_rows, strict=False):
        check_figures(cells[2:], m, row.totals, row.split)
    check_figures(months[-1][2:], s["totals"], data.figures.total, data.split)
    assert table(wb["Fravær"], 3) == [
        [dk.reason_text(a["reason"]), a["days"], a["hours"]] for a in s["absence_by_reason"]
    ]
    key = {row[0]: row[1] for row in table(wb["Nøgletal"], 2)}
    assert key["Vedvarende timer pr. uge"] == s["max_sustained_weekly_hours"]
    assert key["Forløb i perioden"] == len(s["placements"])
    assert key["Effektive timer"] == s["totals"]["effective"]
    assert key["Fremmødte timer med en vurdering"] == s["totals"]["effective_basis"]
    assert key["Planlagte timer, der tæller med"] == s["totals"]["counted_planned"]
    assert [a[1] for a in table(wb["Skånehensyn"], 2)] == [a["text"] for a in s["accommodations"]]
    goals = table(wb["Mål"], 8)
    assert [[g[2], g[5], g[6]] for g in goals] == [[g["text"], g["first_score"], g["latest_score"]] for g in s["goals"]]
    scores = table(wb["Scorer"], 5)
    assert sorted((row[0], row[3].date(), row[4]) for row in scores) == sorted(
        (i, d(x["date"]), x["score"]) for i, g in enumerate(s["goals"], 1) for x in g["scores"]
    )


@pytest.mark.parametrize("ref", ["SA", "DC", "Jasmin"])
def test_excel_numbers_are_numeric_dates_are_dates_and_print_setup(demo_docs: dict[str, Rendered], ref: str) -> None:
    wb = load_workbook(io.BytesIO(demo_docs[ref].xlsx))
    ws = wb["Forløb"]
    for row in ws.iter_rows(min_row=FIRST_ROW):
        assert isinstance(row[4].value, datetime) and row[4].number_format == dk.XL_DATE
        for cell in row[8:21]:
            _numeric(cell)
    for row in wb["Uger"].iter_rows(min_row=FIRST_ROW):
        assert isinstance(row[1].value, datetime)
        for cell in row[2:15]:
            _numeric(cell)
    for sheet in ("Måneder", "Uger"):
        assert wb[sheet]["J4"].value == "Fremmøde" and wb[sheet]["J5"].number_format == dk.XL_RATE
        assert wb[sheet]["K4"].value == "Fravær" and wb[sheet]["K5"].number_format == dk.XL_RATE
    assert wb["Uger"]["C5"].number_format == dk.XL_HOURS
    for ws in wb.worksheets:
        assert "FORTROLIGT" in (ws.oddHeader.right.text or ""), ws.title
        assert "&P" in (ws.oddFooter.right.text or "") and "&N" in (ws.oddFooter.right.text or "")
        assert int(ws.page_setup.paperSize) == 9 and int(ws.page_setup.fitToWidth) == 1  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        if ws.title not in ("Forside", "Vurdering", "Diagrammer"):
            assert ws.freeze_panes == "A5", ws.title
            assert (ws.auto_filter.ref or "").startswith("A4:"), ws.title
    charts = {ws.title: len(ws._charts) for ws in wb.worksheets}
    assert charts == {**dict.fromkeys(wb.sheetnames, 0), "Diagrammer": 7}


def test_excel_has_native_bar_line_and_radar_charts(demo_docs: dict[str, Rendered]) -> None:
    with zipfile.ZipFile(io.BytesIO(demo_docs["SA"].xlsx)) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/"))
    assert "<radarChart>" in xml and "<barChart>" in xml and "<lineChart>" in xml


def test_absence_overview_lists_every_absent_day(demo_docs: dict[str, Rendered]) -> None:
    doc = demo_docs["DC"]
    text = " ".join(" ".join(pdf_pages(doc.absence_pdf)).split())
    for a in doc.summary["absence_by_reason"]:
        assert f"{dk.reason_text(a['reason'])} {a['days']} {h(a['hours'])}" in text
    wb = load_workbook(io.BytesIO(doc.absence_xlsx))
    days = table(wb["Fravær pr. dato"], 10)
    assert sum(a["days"] for a in doc.summary["absence_by_reason"]) == len(days)
    assert round(sum(row[7] for row in days), 2) == round(sum(a["hours"] for a in doc.summary["absence_by_reason"]), 2)
    for row in days:
        assert isinstance(row[0], datetime)
        assert dk.date_text(row[0].date()) in text
    migraine = [row for row in days if row[8] == "Migræne"]
    assert len(migraine) == next(a["days"] for a in doc.summary["absence_by_reason"] if a["reason"] == "migræne")


def test_task_breakdown_scores_by_assessor_and_a_citizen_without_placements(tmp_path: Path) -> None:
    from placement_desk.domain.casefile_parse import parse_case_file
    from placement_desk.domain.dossier import build_dossier
    from placement_desk.export.excel_dossier import render_dossier_xlsx
    from placement_desk.export.pdf_dossier import render_dossier_pdf
    from tests.casefiles import case_file, ramp_down_citizen

    citizen = ramp_down_citizen()
    citizen["name"] = "Søren Æblegård-Østergaard Ågesen"
    citizen["placements"][0]["capacity"][1]["tasks"] = [  # type: ignore[index]
        {"name": "maling af vægge", "time_share_pct": 60, "tempo_pct": 80, "quality_pct": 90},
        {"name": "oprydning", "time_share_pct": 40, "tempo_pct": 50, "quality_pct": 100},
    ]
    citizen["goals"][0]["scores"] = [  # type: ignore[index]
        {"date": "2023-03-01", "score": -1, "assessor": "citizen"},
        {"date": "2023-03-31", "score": 2, "assessor": "consultant"},
    ]
    parsed = parse_case_file(case_file(citizen)).citizens[0]
    data = build_dossier(parsed, {"co-saxo": "Pedelteamet, Saxogade"}, date(2026, 11, 23))
    text = " ".join(" ".join(pdf_pages(render_dossier_pdf(data))).split())
    assert "Søren Æblegård-Østergaard Ågesen" in text
    assert "maling af vægge 60 % 80 % 90 % 72 %" in text and "Vægtet ydelse 63,2 %" in text
    assert "1 Helbred 01-03-2023 -1 Borger" in text and "1 Helbred 31-03-2023 +2 Konsulent" in text
    assert "Borger: -1 Konsulent: +2" in text  # the goal's history, per assessor
    wb = load_workbook(io.BytesIO(render_dossier_xlsx(data)))
    assert table(wb["Opgaver"], 7)[0][2:] == ["maling af vægge", 0.6, 0.8, 0.9, 0.72]
    # no placements: the period must be given, and every section still renders
    empty = parse_case_file(case_file({"ref": "NY", "name": "Ny Borger"})).citizens[0]
    data = build_dossier(empty, {}, date(2026, 11, 23), date(2026, 1, 1), date(2026, 6, 30))
    pages = pdf_pages(render_dossier_pdf(data))
    assert all("FORTROLIGT" in page for page in pages)
    assert "Ingen forløb i perioden" in " ".join(pages)
    assert load_workbook(io.BytesIO(render_dossier_xlsx(data)))["Forløb"].max_row == 4
