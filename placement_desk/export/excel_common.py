"""Shared Excel layout: a titled sheet with one table (styled, frozen header, autofilter), numeric cells
with number formats, dates as dates, and print setup (A4, fit to width, FORTROLIGT, page numbers).

:func:`workbook_bytes` is how every workbook leaves the program: written entirely in memory (openpyxl
otherwise writes each sheet's XML, citizens' names and notes included, to a file in the system temp
folder first) and with every text a text (openpyxl makes any string that starts with ``=`` a formula).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from weakref import WeakKeyDictionary
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from placement_desk.export.danish import XL_DATE
from placement_desk.export.excel_rows import RowsWriter

NAVY = "1F3A5F"
HEAD_FILL = PatternFill("solid", fgColor="E3EAF2")
TOTAL_BORDER = Border(top=Side(style="thin", color=NAVY))
HEAD_BORDER = Border(bottom=Side(style="thin", color=NAVY))
TITLE_FONT = Font(name="Calibri", size=14, bold=True, color=NAVY)
SUB_FONT = Font(name="Calibri", size=10, italic=True, color="6B7280")
HEAD_FONT = Font(name="Calibri", size=10, bold=True, color=NAVY)
BOLD = Font(name="Calibri", bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
HEADER_ROW = 4  # row 1 title, row 2 subtitle, row 3 empty

Value = str | int | float | date | None


@dataclass(frozen=True)
class XCol:
    """A table column: header, width (characters), number format, wrap text."""

    header: str
    width: float = 14
    fmt: str | None = None
    wrap: bool = False


class Book:
    """A workbook being written: one sheet per section, same page setup everywhere."""

    def __init__(self, title: str, subtitle: str, author: str | None, on: date) -> None:
        self.wb = Workbook()
        self.title = title
        self.subtitle = subtitle
        props = self.wb.properties
        props.title, props.creator, props.subject = title, "Placement Desk", subtitle
        props.lastModifiedBy = author or "Placement Desk"
        stamp = datetime.combine(on, time())
        props.created = props.modified = stamp
        self._first = True
        self._charts: Worksheet | None = None
        self._chart_row = HEADER_ROW

    def chart_sheet(self, name: str = "Diagrammer", heading: str = "Diagrammer") -> Worksheet:
        """The sheet the charts go on (landscape, one chart under the other); create it where it belongs."""
        self._charts = self.sheet(name, heading, landscape=True)
        return self._charts

    def add_chart(self, chart: Any) -> None:
        """Place a chart under the previous one on the chart sheet (it reads its data from the tables)."""
        ws = self._charts or self.chart_sheet()
        if ws._charts:  # one chart per printed page
            ws.row_breaks.append(Break(id=self._chart_row - 1))
        ws.add_chart(chart, f"A{self._chart_row}")
        self._chart_row += math.ceil(chart.height / 0.5) + 2  # rows are about 0.5 cm high

    def sheet(self, name: str, heading: str | None = None, landscape: bool = False) -> Worksheet:
        """A new sheet (tab ``name``) with its heading in A1 and the document line in A2."""
        if self._first:
            ws = self.wb.active
            assert ws is not None
            ws.title = name
            self._first = False
        else:
            ws = self.wb.create_sheet(name)
        ws["A1"] = heading or name
        ws["A1"].font = TITLE_FONT
        ws["A2"] = self.subtitle
        ws["A2"].font = SUB_FONT
        print_setup(ws, f"{self.title} – {name}", landscape)
        return ws

    def to_bytes(self) -> bytes:
        return workbook_bytes(self.wb)


class _MemoryWriter(ExcelWriter):  # type: ignore[misc]
    """openpyxl's writer with each worksheet's XML kept in memory instead of a named temporary file, its
    cells written as one tree (excel_rows)."""

    def write_worksheet(self, ws: Worksheet) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = RowsWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def as_text(cell: Cell) -> None:
    """Keep a cell's string a string: openpyxl turns any text that starts with ``=`` into a formula."""
    if cell.data_type == "f" and isinstance(cell.value, str):
        cell.data_type = "s"


def workbook_bytes(wb: Workbook) -> bytes:
    """The .xlsx file of ``wb``, written in memory only, with no formulas.

    Placement Desk writes no formulas: a cell openpyxl took for one holds user text (a note that starts
    with ``=``), so it is written as that text and never runs in the reader's spreadsheet program.
    """
    if wb.write_only:
        raise ValueError("write-only workbooks stream through temporary files; use a normal Workbook")
    for ws in wb.worksheets:
        cells = getattr(ws, "_cells", {})  # the cells that exist (iter_rows() would create the empty ones)
        for cell in list(cells.values()):
            as_text(cell)
    out = io.BytesIO()
    with ZipFile(out, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        _MemoryWriter(wb, archive).write_data()
    return out.getvalue()


def print_setup(ws: Worksheet, title: str, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddHeader.left.text = title.replace("&", "&&")  # "&" starts a header code ("Jensen & Søn")
    ws.oddHeader.left.size = 8
    ws.oddHeader.right.text = "&BFORTROLIGT"
    ws.oddHeader.right.color = "B00020"
    ws.oddFooter.right.text = "Side &P af &N"
    ws.oddFooter.right.size = 8
    ws.oddFooter.left.text = "Placement Desk"
    ws.oddFooter.left.size = 8


def write_table(
    ws: Worksheet,
    columns: Sequence[XCol],
    rows: Sequence[Sequence[Value]],
    top: int = HEADER_ROW,
    total: Sequence[Value] | None = None,
    main: bool = True,
) -> int:
    """A table with its header at row ``top``; returns the last row written.

    The main table of a sheet gets the frozen header, the autofilter and the repeated print rows.
    """
    for c, col in enumerate(columns, 1):
        cell = ws.cell(row=top, column=c, value=col.header)
        cell.font, cell.fill, cell.border = HEAD_FONT, HEAD_FILL, HEAD_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        dim = ws.column_dimensions[get_column_letter(c)]
        dim.width = col.width if main else max(col.width, dim.width or 0)
    r = top
    for r, values in enumerate(rows, top + 1):
        _row(ws, r, columns, values)
    if total is not None:
        r += 1
        _row(ws, r, columns, total)
        for c in range(1, len(columns) + 1):
            ws.cell(row=r, column=c).font = BOLD
            ws.cell(row=r, column=c).border = TOTAL_BORDER
    if main:
        ws.freeze_panes = ws.cell(row=top + 1, column=1)
        last_data = r - (1 if total is not None else 0)
        ws.auto_filter.ref = f"A{top}:{get_column_letter(len(columns))}{max(last_data, top)}"
        ws.print_title_rows = f"{top}:{top}"
    return r


def text_lines(value: Value, width: float) -> int:
    """How many lines a wrapped text needs in a column ``width`` characters wide (row heights)."""
    if not isinstance(value, str):
        return 1
    chars = max(int(width * 0.9) - 1, 1)
    return sum(max(1, math.ceil(len(line) / chars)) for line in value.split("\n"))


def fit_height(ws: Worksheet, r: int, lines: int) -> None:
    if lines > 1:
        ws.row_dimensions[r].height = 15 * lines


def _row(ws: Worksheet, r: int, columns: Sequence[XCol], values: Sequence[Value]) -> None:
    fit_height(ws, r, max((text_lines(v, col.width) for col, v in zip(columns, values, strict=True) if col.wrap),
                          default=1))  # fmt: skip
    styles = _STYLES.setdefault(ws.parent, {})
    cells = ws._cells
    for c, (col, value) in enumerate(zip(columns, values, strict=True), 1):
        fmt = XL_DATE if isinstance(value, date) else col.fmt if col.fmt and isinstance(value, int | float) else None
        style = styles.get((col.wrap, fmt))
        # The same look as a cell before it: a new cell made with its style ids (ws.cell would make it in
        # three calls, and setting the alignment hashes it and looks it up again for every cell).
        if style is not None and (r, c) not in cells:
            cells[r, c] = Cell(ws, row=r, column=c, value=value, style_array=style)
            continue
        cell = ws.cell(row=r, column=c, value=value)
        if style is not None:
            cell._style = copy(style)
            continue
        if fmt is not None:
            cell.number_format = fmt
        cell.alignment = WRAP if col.wrap else TOP
        styles[(col.wrap, fmt)] = copy(cell._style)
    ws._current_row = max(r, ws._current_row)  # as ws.cell keeps it (ws.append writes below it)


# per workbook: (wrap, number format) -> the style ids of a table cell that looks so
_STYLES: WeakKeyDictionary[Workbook, dict[tuple[bool, str | None], Any]] = WeakKeyDictionary()


def key_values(
    ws: Worksheet, pairs: Sequence[tuple[str, Value]], top: int = HEADER_ROW, fmt: dict[str, str] | None = None
) -> int:
    """Label/value pairs in columns A and B (the cover and the texts)."""
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 26)
    ws.column_dimensions["B"].width = max(ws.column_dimensions["B"].width or 0, 90)
    r = top
    for r, (k, v) in enumerate(pairs, top):
        fit_height(ws, r, max(text_lines(v, ws.column_dimensions["B"].width or 90), text_lines(k, 26)))
        key = ws.cell(row=r, column=1, value=k)
        key.font, key.alignment = HEAD_FONT, TOP
        cell = ws.cell(row=r, column=2, value=v)
        cell.alignment = WRAP
        if isinstance(v, date):
            cell.number_format = XL_DATE
        elif fmt and k in fmt:
            cell.number_format = fmt[k]
    return r
