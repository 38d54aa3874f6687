"""The results report (issue 18) as an Excel workbook: one sheet per table of the report.

Anonymised unless made ``named``; suppressed counts are the text "<5", their complements "skjult"
(domain.results_shown).
"""

from __future__ import annotations

from placement_desk.domain.results import Report
from placement_desk.domain.results_shown import report_tables
from placement_desk.export import danish as dk
from placement_desk.export.excel_common import HEADER_ROW, Book, Value, XCol, key_values, write_table
from placement_desk.export.results_pdf import TITLE, scope_text

SHEET_NAMES = {
    "citizens": "Borgere",
    "outcomes": "Resultater",
    "days": "Varighed",
    "hours": "Timer",
    "attendance": "Fremmøde",
    "goals": "Mål",
    "placements": "Praktikker",
    "per_citizen": "Borgerne",
}


def results_xlsx(report: Report, named: bool = False, author: str | None = None) -> bytes:
    period = dk.period_text(report.first, report.last)
    book = Book(TITLE, period, author, report.today)
    ws = book.sheet("Oversigt", TITLE)
    key_values(ws, [(k, v) for k, v in scope_text(report, named)])
    for t in report_tables(report, named):
        sheet = book.sheet(SHEET_NAMES[t.key], t.title)
        columns = [
            XCol(h or " ", 34 if i == 0 else 16, dk.XL_RATE if i in t.percent else None)
            for i, h in enumerate(t.headers)
        ]
        rows: list[list[Value]] = [list(r) for r in t.rows]
        write_table(sheet, columns, rows, top=HEADER_ROW)
    return book.to_bytes()
