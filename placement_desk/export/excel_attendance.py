"""The workplace mentor's attendance sheet as .xlsx: written with the expected days prefilled, and read
back into raw rows (validation is the domain's, storing is the service's).

Layout: instructions on top, one row per expected day per citizen; only Timer, Status (drop-down),
Årsag and Bemærkning are unlocked, everything else is protected. A very hidden sheet carries the
format, the company and the month so a sheet is only ever read back for what it was made for.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from placement_desk.domain.attendance_sheet import FORMAT, STATUS_LABELS, STATUS_TEXT, VERSION, SheetLine, SheetRow
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.numbers import hours
from placement_desk.export import danish as dk
from placement_desk.export.excel_common import HEAD_BORDER, HEAD_FILL, HEAD_FONT, SUB_FONT, TITLE_FONT, print_setup

SHEET = "Fremmøde"
META = "_meta"
HEADER_ROW = 10
COLUMNS = (  # (key, heading, width, input)
    ("date", "Dato", 12, False),
    ("weekday", "Ugedag", 9, False),
    ("citizen", "Borger", 22, False),
    ("placement", "Forløb", 10, False),
    ("planned", "Planlagte timer", 10, False),
    ("hours", "Timer", 9, True),
    ("status", "Status", 15, True),
    ("reason", "Årsag", 24, True),
    ("note", "Bemærkning", 36, True),
)
INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")
LOCKED_FILL = PatternFill("solid", fgColor="F2F4F7")
INSTRUCTIONS = (
    "Sådan udfylder du arket (én række pr. dag, hvor borgeren skulle møde):",
    "1. Timer: skriv de timer, borgeren var mødt (fx 3 eller 2,5). Står der ingen timer ved Mødt, regnes dagen som planlagt.",
    "2. Status: vælg på listen – Mødt, Syg, Aftalt fravær (ferie, møde o.l.) eller Udeblevet (uden besked).",
    "3. Årsag: skriv årsagen ved fravær, eller hvis borgeren gik tidligt (fx Migræne). Bemærkning er frivillig.",
    "4. Lad rækken stå tom, hvis du ikke ved det. De grå felter kan ikke ændres.",
    "5. Gem arket og send det tilbage til konsulenten. Arket indeholder personoplysninger: send det sikkert.",
)


@dataclass(frozen=True)
class SheetMeta:
    company_ref: str
    month: str


def render_attendance_sheet(company_ref: str, company_name: str, month: str, lines: Sequence[SheetLine]) -> bytes:
    """The sheet for one company and month (``YYYY-MM``), the expected days prefilled."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws["A1"] = f"Fremmødeark – {company_name} – {dk.month_text(month)}"
    ws["A1"].font = TITLE_FONT
    for i, text in enumerate(INSTRUCTIONS, 2):
        ws.cell(row=i, column=1, value=text).font = HEAD_FONT if i == 2 else SUB_FONT
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=len(COLUMNS))
    for c, (_, heading, width, _) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=HEADER_ROW, column=c, value=heading)
        cell.font, cell.fill, cell.border = HEAD_FONT, HEAD_FILL, HEAD_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        ws.column_dimensions[cell.column_letter].width = width
    ws.row_dimensions[HEADER_ROW].height = 30
    for r, line in enumerate(lines, HEADER_ROW + 1):
        _write_line(ws, r, line)
    last = HEADER_ROW + max(len(lines), 1)
    status = DataValidation(type="list", formula1='"' + ",".join(STATUS_LABELS) + '"', allow_blank=True)
    status.error, status.errorTitle = "Vælg en status på listen.", "Ukendt status"
    status.add(f"G{HEADER_ROW + 1}:G{last}")
    hrs = DataValidation(type="decimal", operator="between", formula1="0", formula2="24", allow_blank=True)
    hrs.error, hrs.errorTitle = "Skriv timer mellem 0 og 24 (fx 2,5).", "Ugyldigt antal timer"
    hrs.add(f"F{HEADER_ROW + 1}:F{last}")
    ws.add_data_validation(status)
    ws.add_data_validation(hrs)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widening a column stays allowed
    print_setup(ws, f"Fremmødeark – {company_name} – {dk.month_text(month)}", landscape=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    meta = wb.create_sheet(META)
    for r, value in enumerate((FORMAT, VERSION, company_ref, month, HEADER_ROW), 1):
        meta.cell(row=r, column=1, value=value)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _write_line(ws: Any, r: int, line: SheetLine) -> None:
    existing = line.existing
    values: dict[str, Any] = {
        "date": line.day,
        "weekday": dk.weekday_text(line.day),
        "citizen": line.citizen_name,
        "placement": line.placement,
        "planned": hours(line.planned),
        "hours": hours(existing.minutes) if existing else None,
        "status": STATUS_TEXT.get(existing.status) if existing else None,
        "reason": existing.reason if existing else None,
        "note": existing.note if existing else None,
    }
    for c, (key, _, _, is_input) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=r, column=c, value=values[key])
        cell.fill = INPUT_FILL if is_input else LOCKED_FILL
        cell.protection = Protection(locked=not is_input)
        cell.alignment = Alignment(vertical="top", wrap_text=key in ("reason", "note"))
        if key == "date":
            cell.number_format = dk.XL_DATE
        elif key in ("planned", "hours"):
            cell.number_format = "0.00"
    ws.cell(row=r, column=1).font = Font(name="Calibri", bold=line.day.weekday() == 0)  # weeks start bold


def read_attendance_sheet(content: bytes) -> tuple[SheetMeta, list[SheetRow]]:
    """The sheet's company and month and its data rows (raw values by column key)."""
    try:
        wb = load_workbook(io.BytesIO(content), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise ValidationError("fremmødeark", "filen er ikke et Excel-ark (.xlsx); er den krypteret eller beskadiget?") from None
    if META not in wb.sheetnames or SHEET not in wb.sheetnames:
        raise ValidationError("fremmødeark", "arket er ikke et fremmødeark fra Placement Desk")
    meta = [wb[META].cell(row=r, column=1).value for r in range(1, 6)]
    if meta[0] != FORMAT or meta[1] != VERSION:
        raise ValidationError("fremmødeark", f"ukendt arkformat {meta[0]!r} version {meta[1]!r}")
    header = int(meta[4] or HEADER_ROW)
    ws = wb[SHEET]
    rows: list[SheetRow] = []
    for r in range(header + 1, (ws.max_row or header) + 1):
        values = {key: ws.cell(row=r, column=c).value for c, (key, *_) in enumerate(COLUMNS, 1)}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        rows.append(SheetRow(r, values))
    return SheetMeta(str(meta[2]), str(meta[3])), rows


def sheet_filename(company_ref: str, month: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in company_ref)
    return f"fremmoedeark-{safe}-{month}.xlsx"


def month_of(day: date) -> str:
    return f"{day.year}-{day.month:02d}"
