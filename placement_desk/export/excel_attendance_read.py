"""Reading a filled-in attendance sheet back: an untrusted file from outside, read defensively.

- The package first: a size limit, a zip that unpacks to at most :data:`MAX_UNPACKED` bytes in at most
  :data:`MAX_PARTS` parts, and no XML part with a DTD (entity bombs and external entities; openpyxl
  parses with defusedxml too). Anything else is refused with a :class:`SheetFileError` (a message code;
  its text is the sheet's Danish).
- Then openpyxl in read-only mode, formulas as written (``data_only=False``: never a value some
  spreadsheet program computed), and only the rows the sheet was made with: its hidden sheet says how
  many lines it has, and the rows are read with ``iter_rows(min_row, max_row)`` up to them (and a few
  more, to tell the mentor that nothing may be written below). The sheet's own size (``dimension``,
  ``max_row``) is never used: a cell at row 1048576 costs nothing.
- A formula or an error value in a cell is handed on as :class:`Unreadable` (the domain names the row and
  column); a cell openpyxl cannot read at all (``NaN`` in the XML) names its row.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from placement_desk.domain.attendance_sheet import (
    FORMAT,
    HEADINGS,
    MAX_LINES,
    VERSIONS,
    SheetFileError,
    SheetRow,
    SheetRowError,
    month_bounds,
)
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.sheet_values import Unreadable
from placement_desk.export.excel_attendance import COLUMNS, HEADER_ROW, META, META_ROWS, SHEET

MAX_FILE = 20 * 2**20  # a company's month is some 100 kB; LibreOffice and Excel keep it well under 1 MB
MAX_UNPACKED = 64 * 2**20
MAX_PARTS = 500
BELOW = 10  # rows under the last line that are checked for entries (which are refused, not lost)
_DTD = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_XML_PARTS = (".xml", ".rels", ".vml")
# What zipfile raises on a damaged or hostile package (a SheetFileError is raised on before these).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    struct.error,
    NotImplementedError,
    RuntimeError,
    EOFError,
    OSError,
    ValueError,
)


@dataclass(frozen=True)
class SheetMeta:
    company_ref: str
    month: str
    lines: int  # the data rows the sheet was made with (version 1 sheets: MAX_LINES, an upper bound)


def read_attendance_sheet(content: bytes) -> tuple[SheetMeta, list[SheetRow]]:
    """The sheet's company and month and its data rows (raw values by column key).

    Raises SheetFileError (a SheetRowError where a row is to blame) for anything that is not a sheet
    Placement Desk made, or that cannot be read safely.
    """
    check_package(content)
    with warnings.catch_warnings():  # openpyxl warns about what it drops (extensions, odd dates)
        warnings.simplefilter("ignore")
        try:
            wb = load_workbook(io.BytesIO(content), read_only=True, data_only=False, keep_links=False)
        except Exception:
            raise SheetFileError(code="sheet_not_xlsx") from None
        try:
            names = wb.sheetnames
            if META not in names or SHEET not in names:
                raise SheetFileError(code="sheet_not_ours")
            meta = _meta(wb[META])
            return meta, _rows(wb[SHEET], meta.lines)
        finally:
            wb.close()


def read_sheet_file(path: Path) -> bytes:
    """A filled-in sheet's bytes from disk, refused unread when it is too big to be one."""
    try:
        with path.expanduser().open("rb") as f:
            content = f.read(MAX_FILE + 1)
    except OSError as exc:
        raise SheetFileError(str(path), code="sheet_cannot_read", reason=exc.strerror or exc) from None
    if len(content) > MAX_FILE:
        raise SheetFileError(code="sheet_file_too_big", limit=MAX_FILE // 2**20)
    return content


def check_package(content: bytes) -> None:
    """Refuse what is no .xlsx, too big, a zip bomb, or XML with a DTD - before any XML parser sees it."""
    if len(content) > MAX_FILE:
        raise SheetFileError(code="sheet_file_size", size=len(content) // 2**20)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise SheetFileError(code="sheet_encrypted")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as zf:
            parts = zf.infolist()
            if len(parts) > MAX_PARTS:
                raise SheetFileError(code="sheet_too_many_parts", count=len(parts))
            if sum(p.file_size for p in parts) > MAX_UNPACKED:
                raise SheetFileError(code="sheet_unpacks_too_big", limit=MAX_UNPACKED // 2**20)
            for part in parts:
                if part.filename.lower().endswith(_XML_PARTS) and any(m in zf.read(part) for m in _DTD):
                    raise SheetFileError(code="sheet_dtd", part=part.filename)
    except SheetFileError:
        raise
    except _ZIP_ERRORS:
        raise SheetFileError(code="sheet_not_xlsx") from None


def _meta(ws: Any) -> SheetMeta:
    try:
        got = [row[0] for row in ws.iter_rows(min_row=1, max_row=len(META_ROWS), max_col=1, values_only=True)]
    except Exception:
        got = []
    values = dict(zip(META_ROWS, got + [None] * (len(META_ROWS) - len(got)), strict=True))
    version = values["version"]
    if values["format"] != FORMAT or isinstance(version, bool) or version not in VERSIONS:
        raise SheetFileError(code="sheet_not_ours_or_newer")
    company, month = values["company"], values["month"]
    if not isinstance(company, str) or not 0 < len(company.strip()) <= 80:
        raise SheetFileError(code="sheet_company_changed")
    try:
        month_bounds(month if isinstance(month, str) else "")
    except ValidationError:
        raise SheetFileError(code="sheet_month_changed") from None
    if _whole(values["header_row"]) != HEADER_ROW:
        raise SheetFileError(code="sheet_layout_changed")
    lines = MAX_LINES if version == 1 else _whole(values["lines"])
    if lines is None or not 0 <= lines <= MAX_LINES:
        raise SheetFileError(code="sheet_lines_changed")
    return SheetMeta(company.strip(), month, lines)


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if float(value).is_integer() else None


def _cell_value(cell: Any) -> Any:
    if cell.data_type == "f":
        return Unreadable("sheet_formula")
    if cell.data_type == "e":
        return Unreadable("sheet_error_value", str(cell.value))
    return cell.value


def _blank(values: dict[str, Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values())


def _cells(ws: Any, first: int, last: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, values by column key) for rows first..last; a row openpyxl cannot parse is refused."""
    r = first - 1
    try:
        rows = ws.iter_rows(min_row=first, max_row=last, min_col=1, max_col=len(COLUMNS))
        for r, cells in enumerate(rows, first):
            yield r, {key: _cell_value(cell) for (key, *_), cell in zip(COLUMNS, cells, strict=False)}
    except Exception:
        row, above = (r + 1, False) if r >= first else (first, True)
        raise SheetFileError(code="sheet_cell_broken", row=row, above=above) from None


def _rows(ws: Any, lines: int) -> list[SheetRow]:
    """The header row checked, then the data rows (only non-empty ones), then the rows right below."""
    last = HEADER_ROW + lines
    out: list[SheetRow] = []
    for r, values in _cells(ws, HEADER_ROW, last + (BELOW if lines < MAX_LINES else 0)):
        if r == HEADER_ROW:
            got = [str(v).strip() if v is not None else "" for v in values.values()]
            if got != [HEADINGS[key] for key, *_ in COLUMNS]:
                raise SheetFileError(code="sheet_headings_changed", row=HEADER_ROW)
        elif _blank(values):
            continue
        elif r > last:
            column = next(HEADINGS[k] for k, v in values.items() if not _blank({k: v}))
            raise SheetRowError(r, column, code="sheet_below_last", last=last)
        else:
            out.append(SheetRow(r, values))
    return out
