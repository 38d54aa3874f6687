"""The workplace mentor's attendance sheet as .xlsx: written with the expected days and their planned
hours, and read back into raw rows (validation is the domain's, storing is the service's).

Layout: instructions on top, one row per expected day per citizen; only Timer, Status (drop-down),
Årsag and Bemærkning are unlocked, everything else is protected, and the input cells refuse what they
cannot take (Excel and LibreOffice show the Danish message). A very hidden sheet carries the format, the
company, the month and how many lines the sheet has, so a sheet is only ever read back for what it was
made for, and only as far as its own lines go. Nothing registered is written on the sheet: it goes to
the company by e-mail, and absence reasons are health data.

The file that comes back is untrusted: :mod:`placement_desk.export.excel_attendance_read` reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from placement_desk.domain.attendance_sheet import (
    FORMAT,
    HEADINGS,
    MAX_LINES,
    STATUS_LABELS,
    VERSION,
    SheetFileError,
    SheetLine,
)
from placement_desk.domain.numbers import hours
from placement_desk.export import danish as dk
from placement_desk.export.excel_common import (
    HEAD_BORDER,
    HEAD_FILL,
    HEAD_FONT,
    SUB_FONT,
    TITLE_FONT,
    print_setup,
    workbook_bytes,
)

SHEET = "Fremmøde"
META = "_meta"
HEADER_ROW = 10
# The hidden sheet's column A, row by row.
META_ROWS = ("format", "version", "company", "month", "header_row", "lines")
COLUMNS = (  # (key, width, input)
    ("date", 12, False),
    ("weekday", 9, False),
    ("citizen", 22, False),
    ("placement", 10, False),
    ("planned", 10, False),
    ("hours", 9, True),
    ("status", 15, True),
    ("reason", 24, True),
    ("note", 36, True),
)
INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")
LOCKED_FILL = PatternFill("solid", fgColor="F2F4F7")
INSTRUCTIONS = (
    "Sådan udfylder du arket (én række pr. dag, hvor borgeren skulle møde):",
    "1. Timer: skriv de timer, borgeren var mødt (fx 3, 2,5 eller 8:30). Står der ingen timer ved Mødt, regnes dagen som planlagt.",
    "2. Status: vælg på listen – Mødt, Syg, Aftalt fravær (ferie, møde o.l.) eller Udeblevet (uden besked). Syg og Udeblevet har ingen timer.",
    "3. Årsag: skriv årsagen ved fravær, eller hvis borgeren gik tidligt. Bemærkning er frivillig. Dage efter i dag: kun Aftalt fravær.",
    "4. Lad rækken stå tom, hvis du ikke ved det. De grå felter kan ikke ændres.",
    "5. Gem arket og send det tilbage til konsulenten. Arket indeholder personoplysninger: send det sikkert.",
)


def _validation(kind: str, cells: str, title: str, error: str, prompt: str, **rule: Any) -> DataValidation:
    """A data validation that stops a wrong entry with a Danish message (Excel's "Stop" style)."""
    dv = DataValidation(
        type=kind, allow_blank=True, showErrorMessage=True, showInputMessage=True, errorStyle="stop", **rule
    )
    dv.errorTitle, dv.error = title, error
    dv.promptTitle, dv.prompt = title, prompt
    dv.add(cells)
    return dv


def render_attendance_sheet(company_ref: str, company_name: str, month: str, lines: Sequence[SheetLine]) -> bytes:
    """The sheet for one company and month (``YYYY-MM``): the expected days and their planned hours."""
    if len(lines) > MAX_LINES:
        raise SheetFileError(code="sheet_too_many_lines", count=len(lines), limit=MAX_LINES)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    title = f"Fremmødeark – {company_name} – {dk.month_text(month)}"
    ws["A1"] = title
    ws["A1"].font = TITLE_FONT
    for i, text in enumerate(INSTRUCTIONS, 2):
        ws.cell(row=i, column=1, value=text).font = HEAD_FONT if i == 2 else SUB_FONT
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=len(COLUMNS))
    for c, (key, width, _) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=HEADER_ROW, column=c, value=HEADINGS[key])
        cell.font, cell.fill, cell.border = HEAD_FONT, HEAD_FILL, HEAD_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        ws.column_dimensions[cell.column_letter].width = width
    ws.row_dimensions[HEADER_ROW].height = 30
    for r, line in enumerate(lines, HEADER_ROW + 1):
        _write_line(ws, r, line)
    last = HEADER_ROW + max(len(lines), 1)
    col = {key: ws.cell(row=HEADER_ROW, column=c).column_letter for c, (key, *_) in enumerate(COLUMNS, 1)}
    ws.add_data_validation(_validation(
        "list", f"{col['status']}{HEADER_ROW + 1}:{col['status']}{last}", "Ukendt status",
        "Vælg en status på listen: " + ", ".join(STATUS_LABELS) + ".", "Vælg på listen.",
        formula1='"' + ",".join(STATUS_LABELS) + '"',
    ))  # fmt: skip
    ws.add_data_validation(_validation(
        "decimal", f"{col['hours']}{HEADER_ROW + 1}:{col['hours']}{last}", "Ugyldigt antal timer",
        "Skriv de timer, borgeren var mødt: et tal mellem 0 og 24 (fx 3, 2,5 eller 8:30).",
        "Timer mellem 0 og 24, fx 3, 2,5 eller 8:30.", operator="between", formula1="0", formula2="24",
    ))  # fmt: skip
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widening a column stays allowed
    print_setup(ws, title, landscape=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    meta = wb.create_sheet(META)
    values = {"format": FORMAT, "version": VERSION, "company": company_ref, "month": month,
              "header_row": HEADER_ROW, "lines": len(lines)}  # fmt: skip
    for r, key in enumerate(META_ROWS, 1):
        meta.cell(row=r, column=1, value=values[key])
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    return workbook_bytes(wb)


def _write_line(ws: Any, r: int, line: SheetLine) -> None:
    values: dict[str, Any] = {
        "date": line.day,
        "weekday": dk.weekday_text(line.day),
        "citizen": line.citizen_name,
        "placement": line.placement,
        "planned": hours(line.planned),
    }
    for c, (key, _, is_input) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=r, column=c, value=values.get(key))
        cell.fill = INPUT_FILL if is_input else LOCKED_FILL
        cell.protection = Protection(locked=not is_input)
        cell.alignment = Alignment(vertical="top", wrap_text=key in ("reason", "note"))
        if key == "date":
            cell.number_format = dk.XL_DATE
        elif key == "planned":
            cell.number_format = "0.00"
        # Timer keeps the General format: a spreadsheet then gives a typed "8:30" a time format (so the
        # reader gets a clock time), where a number format would keep 0.354166... looking like hours.
    ws.cell(row=r, column=1).font = Font(name="Calibri", bold=line.day.weekday() == 0)  # weeks start bold


def sheet_filename(company_ref: str, month: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in company_ref)
    return f"fremmoedeark-{safe}-{month}.xlsx"


def month_of(day: date) -> str:
    return f"{day.year}-{day.month:02d}"
