"""The issue "The dossier tells the truth", read back from real files: effective hours with their basis,
agreed absence visible per week and month, percentages rounded once, paid hours that never hide
attendance, the weeks of the sustained level, the whole score history by assessor, one planned total with
its exclusions, axis labels at their gridlines, and no page that holds only the signature block.

The hand-made case (Monday-Thursday 4 h, 8 of the 16 h paid, 8 Jan - 23 Feb 2024), by hand:

    week  Mon Tue Wed Thu                      planned agreed attended absent
    W02   4   4   4   4                        16      0      16       0
    W03   4   4   T   4   (T: Tandlæge, agreed) 16      4      12       0
    W04   F   F   F   F   (F: Ferie, agreed)    16      16     0        0
    W05   U   U   U   U   (U: no-show; Thu 1 Feb) 16    0      0        16
    W06   4   S   4   1   (S: sick, 1: left early) 16   0      9        7
    W07   4   4   4   4                        16      0      16       0
    W08   4   4   4   4                        16      0      16       0

January: planned 60, agreed 20, counted 40, attended 28 (70,0 %), absent 12 (30,0 %), paid 30.
February: planned 52, counted 52, attended 41 (41/52 = 78,846 % -> 78,8 %), absent 11 (21,2 %), paid 26.
Total: planned 112, agreed 20 (5 days), counted 92, attended 69 (75,0 %), absent 23, paid 56.
Effectiveness 50 % from 5 Feb, 75 % from 19 Feb: effective 4,5 + 8 + 12 = 24,5 h of 41 h attended from 5 Feb
(the 28 h of January and the no-show of 1 Feb have no assessment yet).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from reportlab.graphics.shapes import PolyLine, Rect, String

from placement_desk.domain.casefile_parse import parse_case_file
from placement_desk.domain.dossier import DossierData, build_dossier
from placement_desk.domain.dossier_detail import agreed_by_reason
from placement_desk.export import danish as dk
from placement_desk.export.excel_absence import render_absence_xlsx
from placement_desk.export.excel_dossier import render_dossier_xlsx
from placement_desk.export.pdf_absence import render_absence_pdf
from placement_desk.export.pdf_charts import PAID, HoursBar, axis_ticks, hours_chart, nice_scale
from placement_desk.export.pdf_dossier import render_dossier_pdf
from tests.casefiles import case_file
from tests.domain.test_figures_revised import future_ended_hybrid
from tests.export.conftest import Rendered, pdf_pages

NAMES = {"co-saxo": "Pedelteamet, Saxogade"}
TODAY = date(2026, 11, 23)
FIRST_ROW = 5
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def truth_citizen() -> dict[str, Any]:
    marks: dict[date, dict[str, Any]] = {}
    for w in range(2, 9):
        monday = date.fromisocalendar(2024, w, 1)
        for i in range(4):
            marks[monday + timedelta(days=i)] = {"status": "present", "hours": 4}
    marks[date(2024, 1, 17)] = {"status": "absent_agreed", "hours": 0, "reason": "Tandlæge", "note": "behandling"}
    for i in range(4):
        marks[date(2024, 1, 22) + timedelta(days=i)] = {"status": "absent_agreed", "hours": 0, "reason": "Ferie"}
        marks[date(2024, 1, 29) + timedelta(days=i)] = {"status": "absent_unexcused", "hours": 0}
    marks[date(2024, 2, 6)] = {"status": "sick", "hours": 0, "reason": "Migræne"}
    marks[date(2024, 2, 8)] = {"status": "present", "hours": 1}
    return {
        "ref": "TR",
        "name": "T. R.",
        "placements": [
            {
                "ref": "TR-1",
                "company": "co-saxo",
                "type": "hybrid",
                "start": "2024-01-08",
                "end": "2024-02-23",
                "schedule": [
                    {"from": "2024-01-08", "hours": {"mon": 4, "tue": 4, "wed": 4, "thu": 4}, "paid_per_week": 8}
                ],
                "attendance": [{"date": d.isoformat(), **m} for d, m in sorted(marks.items())],
                "capacity": [
                    {"date": "2024-02-05", "effectiveness_pct": 50},
                    {"date": "2024-02-19", "effectiveness_pct": 75},
                ],
            }
        ],
        "goals": [
            {
                "area": "employment",
                "text": "Mødestabil fire dage om ugen",
                "scores": [
                    {"date": "2024-01-08", "score": 0, "assessor": "citizen"},
                    {"date": "2024-01-10", "score": 1, "assessor": "mentor"},
                    {"date": "2024-01-15", "score": 3, "assessor": "citizen"},
                    {"date": "2024-01-22", "score": 4, "assessor": "citizen"},
                    {"date": "2024-02-05", "score": -2, "assessor": "citizen"},
                    {"date": "2024-02-19", "score": -1, "assessor": "citizen"},
                    {"date": "2024-02-20", "score": 2, "assessor": "mentor"},
                ],
            },
            {
                "area": "social",
                "text": "Tale med kolleger",
                "scores": [{"date": "2024-01-08", "score": 0}, {"date": "2024-02-22", "score": 2}],
            },
        ],
    }


def build(citizen: dict[str, Any], today: date = TODAY, **period: date) -> DossierData:
    parsed = parse_case_file(case_file(citizen)).citizens[0]
    return build_dossier(parsed, NAMES, today, period.get("first"), period.get("last"))


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(pdf_pages(pdf)).split())


@pytest.fixture(scope="module")
def truth() -> DossierData:
    return build(truth_citizen())


@pytest.fixture(scope="module")
def truth_pdf(truth: DossierData) -> str:
    return text_of(render_dossier_pdf(truth))


@pytest.fixture(scope="module")
def truth_xlsx(truth: DossierData) -> bytes:
    return render_dossier_xlsx(truth)


def test_the_hand_made_case_is_what_the_docstring_says(truth: DossierData) -> None:
    t, split = truth.figures.total, truth.split
    assert (t.planned, split.agreed, split.unrecorded, t.counted_planned, t.attended) == (
        112 * 60, 20 * 60, 0, 92 * 60, 69 * 60
    )  # fmt: skip
    assert (t.agreed_absence_days, t.effective, t.effective_basis) == (5, Fraction(49, 2) * 60, 41 * 60)
    jan, feb = truth.month_rows
    assert (feb.totals.attendance_rate, jan.split.agreed, feb.split.agreed) == (Fraction(41, 52), 20 * 60, 0)
    assert [w.split.agreed // 60 for w in truth.week_rows] == [0, 4, 16, 0, 0, 0, 0]
    assert [(a.reason, a.days, a.minutes) for a in agreed_by_reason(truth.agreed_days)] == [
        ("ferie", 4, 16 * 60), ("tandlæge", 1, 4 * 60)
    ]  # fmt: skip


# ---- effective hours with their basis ----------------------------------------------------------


def test_effective_hours_are_shown_with_the_hours_they_are_computed_from(truth_pdf: str) -> None:
    assert "24,50 t Effektive timer af 41,00 fremmødte timer med en vurdering" in truth_pdf  # key figures
    assert "Effektive timer 24,50 t af 41,00 fremmødte timer med en vurdering" in truth_pdf  # work capacity
    assert "fremmødte timer × den senest vurderede effektivitet" not in truth_pdf  # the old, misleading line
    # per month: January's 28 h were attended before the first assessment: no effective hours, basis 0
    assert "januar 2024 60,00 t 20,00 t 28,00 t 30,00 t 70,0 % 30,0 % 0 – 0,00 t" in truth_pdf
    assert "februar 2024 52,00 t 0,00 t 41,00 t 26,00 t 78,8 % 21,2 % 0 24,50 t 41,00 t" in truth_pdf
    assert "I alt 112,00 t 20,00 t 69,00 t 56,00 t 75,0 % 25,0 % 0 24,50 t 41,00 t" in truth_pdf


def test_excel_has_a_basis_column_beside_the_effective_hours(truth_xlsx: bytes) -> None:
    wb = load_workbook(io.BytesIO(truth_xlsx))
    for sheet in ("Forløb", "Uger", "Måneder"):
        headers = [c.value for c in wb[sheet][4]]
        i = headers.index("Effektive timer")
        assert headers[i + 1] == "Fremmødt med vurdering", sheet
    months = wb["Måneder"]
    assert [months.cell(row=r, column=14).value for r in (5, 6, 7)] == [None, 24.5, 24.5]
    assert [months.cell(row=r, column=15).value for r in (5, 6, 7)] == [0, 41, 41]
    key = {r[0].value: r[1].value for r in wb["Nøgletal"].iter_rows(min_row=FIRST_ROW)}
    assert (key["Effektive timer"], key["Fremmødte timer med en vurdering"], key["Fremmødte timer"]) == (24.5, 41, 69)


# ---- agreed absence ----------------------------------------------------------------------------


def test_agreed_absence_is_visible_per_week_month_and_reason_in_the_pdf(truth_pdf: str) -> None:
    # the holiday week and the no-show week side by side: agreed 16 h and no rate / 0 % and 100 % absence
    assert "uge 4, 2024 22-01-2024 16,00 t 16,00 t 0,00 t 8,00 t – – 0 – 0,00 t" in truth_pdf
    assert "uge 5, 2024 29-01-2024 16,00 t 0,00 t 0,00 t 8,00 t 0,0 % 100,0 % 0 – 0,00 t" in truth_pdf
    assert "uge 3, 2024 15-01-2024 16,00 t 4,00 t 12,00 t 8,00 t 100,0 % 0,0 % 0 – 0,00 t" in truth_pdf
    assert "Ferie 4 16,00 t" in truth_pdf and "Tandlæge 1 4,00 t" in truth_pdf  # treatment appears
    assert "20,00 t Aftalt fravær 5 dage med ferie, behandling, møder" in truth_pdf


def test_agreed_absence_columns_and_sheet_in_excel(truth_xlsx: bytes) -> None:
    wb = load_workbook(io.BytesIO(truth_xlsx))
    weeks = wb["Uger"]
    assert weeks["D4"].value == "Heraf aftalt fravær" and weeks["M4"].value == "Dage med aftalt fravær"
    assert [weeks.cell(row=r, column=4).value for r in range(5, 12)] == [0, 4, 16, 0, 0, 0, 0]
    assert [weeks.cell(row=r, column=13).value for r in range(5, 12)] == [0, 1, 4, 0, 0, 0, 0]
    assert all(weeks.cell(row=r, column=4).number_format == dk.XL_HOURS for r in range(5, 12))
    agreed = [[c.value for c in row[:7]] for row in wb["Aftalt fravær"].iter_rows(min_row=FIRST_ROW)]
    assert [(r[0].date(), r[4], r[5], r[6]) for r in agreed] == [
        (date(2024, 1, 17), 4, "Tandlæge", "behandling"),
        *((date(2024, 1, 22) + timedelta(days=i), 4, "Ferie", None) for i in range(4)),
    ]


def chart_xml(content: bytes) -> dict[str, ElementTree.Element]:
    """The workbook's charts by title."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        for name in z.namelist():
            if name.startswith("xl/charts/chart"):
                root = ElementTree.fromstring(z.read(name))
                title = "".join(t.text or "" for t in root.iterfind(f"{{{C}}}chart/{{{C}}}title//{{{A}}}t"))
                out[title] = root
    return out


def series_titles(plot: ElementTree.Element) -> list[str]:
    return [v.text or "" for v in plot.iterfind(f"{{{C}}}ser/{{{C}}}tx//{{{C}}}v")]


@pytest.mark.parametrize("title", ["Timer pr. uge", "Timer pr. måned"])
def test_excel_hours_charts_stack_without_hiding_and_draw_paid_hours_as_a_line(truth_xlsx: bytes, title: str) -> None:
    root = chart_xml(truth_xlsx)[title]
    bars, lines = root.findall(f".//{{{C}}}barChart"), root.findall(f".//{{{C}}}lineChart")
    assert len(bars) == 1 and len(lines) == 1
    assert bars[0].find(f"{{{C}}}grouping").get("val") == "stacked"  # type: ignore[union-attr]
    # stacked columns sit on top of each other: attendance, absence and agreed absence all stay visible
    assert series_titles(bars[0]) == ["Fremmødt", "Fravær", "Aftalt fravær"]
    # the planned paid hours are a dashed line of their own, never a column drawn over attendance
    assert series_titles(lines[0]) == ["Planlagt", "Planlagte løntimer"]
    dash = lines[0].findall(f"{{{C}}}ser")[1].find(f".//{{{A}}}prstDash")
    assert dash is not None and dash.get("val") == "dash"


# ---- percentages rounded once ------------------------------------------------------------------


def test_percentages_are_rounded_once_from_the_exact_value(truth: DossierData, truth_xlsx: bytes) -> None:
    assert dk.rate_text(Fraction(41, 52)) == "78,8 %" and dk.rate_text(Fraction(87, 93)) == "93,5 %"
    assert dk.rate_text(Fraction(11, 52)) == "21,2 %"  # 78,8 + 21,2 = 100,0 (via 4 decimals: 78,9 + 21,2)
    wb = load_workbook(io.BytesIO(truth_xlsx))
    feb = wb["Måneder"]["J6"]
    assert feb.value == pytest.approx(41 / 52, rel=1e-14) and feb.number_format == dk.XL_RATE
    assert wb["Måneder"]["K6"].value == pytest.approx(11 / 52, rel=1e-14)
    assert wb["Nøgletal"]["B7"].value == pytest.approx(0.75) and wb["Nøgletal"]["B7"].number_format == dk.XL_RATE


def test_demo_rows_show_each_rate_rounded_once(demo_docs: dict[str, Rendered]) -> None:
    dc = demo_docs["DC"]
    assert "87,00 t 0,00 t 93,5 % 6,5 %" in dc.text  # DC-1: 87/93 = 93,548 %, not 93,6 % via 0,9355
    for doc in demo_docs.values():
        data = doc.data
        rows = [r.totals for r in data.placements] + [m.totals for m in data.month_rows]
        rows += [w.totals for w in data.week_rows] + [data.figures.total]
        for t in rows:
            if t.attendance_rate is None or t.attendance_rate + t.absence_share != 1:
                continue
            if (t.attendance_rate * 1000).denominator == 2:  # an exact tie (93,75 % + 6,25 %): both round up
                continue
            shown = [Fraction(dk.rate_text(x)[:-2].replace(",", ".")) for x in (t.attendance_rate, t.absence_share)]
            assert sum(shown) == 100, (doc.ref, t)


# ---- sustained weeks, planned totals, future days ------------------------------------------------


def test_sustained_hours_name_their_weeks(demo_docs: dict[str, Rendered]) -> None:
    dc = demo_docs["DC"]
    assert dc.summary["max_sustained_weeks"] == {"from": "2024-W05", "to": "2024-W08"}
    assert "Vedvarende timer pr. uge 16,00 t (uge 5–8 2024)" in dc.text
    assert "16,00 t Vedvarende timer pr. uge Nået hver uge i uge 5–8 2024" in dc.text
    wb = load_workbook(io.BytesIO(dc.xlsx))
    key = {r[0].value: r[1].value for r in wb["Nøgletal"].iter_rows(min_row=FIRST_ROW)}
    assert key["Vedvarende timer pr. uge"] == 16 and key["Vedvarende niveau nået i"] == "uge 5–8 2024"
    assert dk.weeks_text(("2023-W52", "2024-W03")) == "uge 52 2023 – uge 3 2024"


def test_one_planned_total_with_its_exclusions_in_both_documents(demo_docs: dict[str, Rendered]) -> None:
    dc = demo_docs["DC"]
    said = "Planlagt 455,00 t, heraf 32,00 t aftalt fravær (ikke medregnet i fremmøde- og fraværsprocenten); " \
           "423,00 t tæller med"  # fmt: skip
    assert said in dc.text
    absence = text_of(dc.absence_pdf)
    assert said in absence and "Af de 423,00 t planlagte, der tæller med" in absence
    assert "Af 455,00 t planlagte" not in dc.text and "Af 423,00 t planlagte timer" not in absence  # the old two
    wb = load_workbook(io.BytesIO(dc.absence_xlsx))
    key = {r[0].value: r[1].value for r in wb["Oversigt"].iter_rows(min_row=4)}
    assert (key["Planlagte timer"], key["Heraf aftalt fravær"], key["Planlagte timer, der tæller med"]) == (455, 32, 423)
    assert wb["Oversigt"].cell(row=4 + list(key).index("Planlagte timer"), column=2).number_format == dk.XL_HOURS


def test_a_placement_that_ends_next_year_shows_nothing_after_today() -> None:
    data = build(future_ended_hybrid(), date(2026, 11, 18), first=date(2026, 11, 1), last=date(2027, 1, 31))
    text = text_of(render_dossier_pdf(data))
    assert "(tallene omfatter dagene til og med 18-11-2026)" in text
    assert ("Planlagt 19,00 t, heraf 2,50 t aftalt fravær og 6,00 t uden registrering (ikke medregnet i fremmøde- "
            "og fraværsprocenten); 10,50 t tæller med") in text  # fmt: skip
    assert "uge 47, 2026" in text and "uge 48, 2026" not in text and "december 2026" not in text
    assert "1,50 t af 3,00 fremmødte timer med en vurdering" in text
    wb = load_workbook(io.BytesIO(render_dossier_xlsx(data)))
    assert [r[0].value for r in wb["Uger"].iter_rows(min_row=FIRST_ROW)] == ["uge 45, 2026", "uge 46, 2026", "uge 47, 2026"]
    assert wb["Aftalt fravær"].max_row == FIRST_ROW  # 23 Nov (registered ahead) has not come


def test_absence_overview_lists_agreed_absence_apart(truth: DossierData) -> None:
    text = text_of(render_absence_pdf(truth))
    assert "Planlagt 112,00 t, heraf 20,00 t aftalt fravær" in text and "Af de 92,00 t planlagte" in text
    assert "17-01-2024 ons TR-1 4,00 t Tandlæge – behandling" in text
    assert "01-02-2024 tor TR-1 Udeblevet 4,00 t 0,00 t 4,00 t Udeblevet" in text
    wb = load_workbook(io.BytesIO(render_absence_xlsx(truth)))
    assert "Aftalt fravær" in wb.sheetnames and wb["Aftalt fravær"].max_row == FIRST_ROW + 4


# ---- goals ---------------------------------------------------------------------------------------


def test_goals_show_the_whole_history_by_assessor(truth_pdf: str, truth_xlsx: bytes) -> None:
    assert "Borger: 0 → +3 → +4 → -2 → -1 Mentor: +1 → +2" in truth_pdf
    assert "2 Socialt Tale med kolleger 0 → +2 0 +2 +2" in truth_pdf
    for row in ("1 Beskæftigelse 08-01-2024 0 Borger", "1 Beskæftigelse 10-01-2024 +1 Mentor",
                "1 Beskæftigelse 05-02-2024 -2 Borger", "2 Socialt 22-02-2024 +2 Ikke angivet"):  # fmt: skip
        assert row in truth_pdf, row
    assert truth_pdf.count("Ikke angivet") == 2  # only where no assessor was recorded
    assert dk.assessor_text("citizen") == "Borger" and dk.assessor_text(None) == "Ikke angivet"
    wb = load_workbook(io.BytesIO(truth_xlsx))
    scores = [[c.value for c in row[:5]] for row in wb["Scorer"].iter_rows(min_row=FIRST_ROW)]
    assert [(r[0], r[2], r[4]) for r in scores] == [
        (1, "Borger", 0), (1, "Borger", 3), (1, "Borger", 4), (1, "Borger", -2), (1, "Borger", -1),
        (1, "Mentor", 1), (1, "Mentor", 2), (2, "Ikke angivet", 0), (2, "Ikke angivet", 2),
    ]  # fmt: skip
    chart = chart_xml(truth_xlsx)["Progression over tid: alle scorer"]
    scatter = chart.find(f".//{{{C}}}scatterChart")
    assert scatter is not None
    assert series_titles(scatter) == ["1. Beskæftigelse – Borger", "1. Beskæftigelse – Mentor", "2. Socialt"]


def test_demo_scores_without_assessor_are_said_once(demo_docs: dict[str, Rendered]) -> None:
    sa = demo_docs["SA"]
    assert all(x["assessor"] is None for g in sa.summary["goals"] for x in g["scores"])
    text = sa.text
    assert "Ikke angivet" not in text and "Det er ikke registreret, hvem der har givet scorerne" in text
    dc = demo_docs["DC"].text  # scored by the citizen and the mentor: each one's whole history
    assert "0 → +3 → +4 → -2 → -1" in dc and "+2 → +3 → -1 → 0" in dc


# ---- charts: paid hours, stacking, axis labels ---------------------------------------------------


def test_pdf_hours_chart_stacks_and_draws_paid_hours_as_a_dashed_line() -> None:
    bars = [HoursBar("5", "2024", 16, 4, 0, 0, 8), HoursBar("6", "2024", 16, 0, 0, 16, 8),
            HoursBar("7", "2024", 16, 0, 16, 0, 8), HoursBar("8", "2024", 16, 9, 7, 0, 8)]  # fmt: skip
    drawing = hours_chart(bars, 400, 180)
    rects = [s for s in drawing.contents if isinstance(s, Rect) and s.width < 100 and s.height > 0 and s.y >= 26]
    assert all(r.fillColor != PAID for r in rects)  # no paid column at all
    paid = [s for s in drawing.contents if isinstance(s, PolyLine) and s.strokeColor == PAID]
    assert len(paid) == 1 and paid[0].strokeDashArray
    by_x: dict[float, list[Rect]] = {}
    for r in rects:
        by_x.setdefault(round(r.x, 3), []).append(r)
    for column in by_x.values():  # the parts of a column sit on top of each other, never over each other
        column.sort(key=lambda r: r.y)
        assert all(a.y + a.height <= b.y + 1e-6 for a, b in zip(column, column[1:], strict=False))
    labels = {s.text for s in drawing.contents if isinstance(s, String)}
    assert {"Fremmødt", "Fravær", "Aftalt fravær", "Planlagte løntimer"} <= labels


def test_axis_labels_are_the_values_of_their_gridlines() -> None:
    assert nice_scale(11) == (12.5, 2.5)
    assert [label for _, label in axis_ticks(12.5, 2.5)] == ["0,0", "2,5", "5,0", "7,5", "10,0", "12,5"]
    assert [label for _, label in axis_ticks(1.0, 0.25)] == ["0,00", "0,25", "0,50", "0,75", "1,00"]
    assert [label for _, label in axis_ticks(20, 5)] == ["0", "5", "10", "15", "20"]
    bars = [HoursBar(f"u{w}", "2024", 11, 10, 1, 0, 0) for w in range(1, 5)]
    labels = {s.text for s in hours_chart(bars, 400, 180).contents if isinstance(s, String)}
    assert {"2,5", "7,5", "12,5"} <= labels and not {"3", "8", "13"} & labels
    for top in (0.3, 3, 7, 11, 17, 23, 38, 61, 140):
        high, step = nice_scale(top)
        ticks = axis_ticks(high, step)
        assert high >= top and all(Fraction(label.replace(",", ".")) == Fraction(str(v)) for v, label in ticks)


# ---- the signature block -----------------------------------------------------------------------


def test_the_signature_block_never_stands_alone_on_a_page(truth: DossierData) -> None:
    from dataclasses import replace

    for lines in range(0, 70, 3):
        data = replace(truth, assessment="\n".join(f"Linje {i} af vurderingen." for i in range(lines)),
                       recommendation="Fleksjob anbefales.")  # fmt: skip
        pages = pdf_pages(render_dossier_pdf(data))
        page = next(pg for pg in pages if "Borgeren har haft mulighed" in pg)
        assert "Fleksjob anbefales." in page, lines  # the recommendation is kept with the signatures


# ---- LibreOffice ---------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_workbook_and_shows_the_rates_rounded_once(truth_xlsx: bytes, tmp_path: Path) -> None:
    src = tmp_path / "truth.xlsx"
    src.write_bytes(truth_xlsx)
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    out = tmp_path / "out"
    # every sheet to CSV, cells as shown (token 9), UTF-8 (76); then the workbook round-tripped to xlsx
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,1030,false,true,true,false,false,-1", "--outdir", str(out),
         str(src)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    months = next(out.glob("*Måneder*.csv"))
    rows = list(csv.reader(months.read_text(encoding="utf-8").splitlines()))
    feb = next(r for r in rows if r and r[0] == "februar 2024")
    assert re.fullmatch(r"78[.,]8 ?%", feb[9]) and re.fullmatch(r"21[.,]2 ?%", feb[10]), feb
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "xlsx", "--outdir", str(tmp_path / "rt"), str(src)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    wb = load_workbook(tmp_path / "rt" / "truth.xlsx")
    cell = wb["Måneder"]["J6"]
    assert cell.value == pytest.approx(41 / 52) and "%" in cell.number_format
