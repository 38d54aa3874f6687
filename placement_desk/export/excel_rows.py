"""openpyxl's worksheet writer with the cells written as one tree: the same XML, a fraction of the time.

openpyxl writes each cell through lxml's incremental writer (a context manager per cell and per value,
the cell's attributes worked out by several property calls): a dossier's ten thousand cells took
most of its workbook's time. Here a sheet's rows are written as the text of one ``sheetData`` element,
each cell with the attributes and value openpyxl gives it (``r``, ``s`` when styled, ``t``; strings
inline, dates as serial numbers, numbers as openpyxl formats them), read back by lxml and written at once. A sheet with anything else
(a formula, a comment, a hyperlink, rich text) is written by openpyxl itself.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import LXML
from openpyxl.cell.cell import Cell
from openpyxl.cell.rich_text import CellRichText
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel, to_ISO8601
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.functions import fromstring

ESCAPES = {"\r": "&#13;"}  # besides & < > (xml.sax.saxutils.escape)


def _plain(ws: Any) -> bool:
    """Only plain cells with values, styles and row heights: nothing else openpyxl's cell writer handles."""
    for cell in ws._cells.values():
        if type(cell) is not Cell:  # a merged cell's covered part
            return False
        if cell._comment is not None or cell._hyperlink is not None or cell.data_type == "f":
            return False
        if isinstance(cell._value, CellRichText):
            return False
    return True


class RowsWriter(WorksheetWriter):  # type: ignore[misc]
    """WorksheetWriter whose ``write_rows`` builds the sheet's cells as one tree (see the module)."""

    def write_rows(self) -> None:
        if not LXML or not _plain(self.ws):
            super().write_rows()
            return
        xf = self.xf.send(True)
        xf.write(self.sheet_data())
        self.xf.send(None)

    def sheet_data(self) -> Any:
        ws = self.ws
        wb = ws.parent
        dims = ws.row_dimensions
        letters: dict[int, str] = {}
        styles: dict[bytes, str] = {}
        out = ["<sheetData>"]
        for row_idx, cells in self.rows():
            attrs = "".join(f' {k}="{v}"' for k, v in dims.get(row_idx, {}))
            out.append(f'<row r="{row_idx}"{attrs}>')
            for cell in cells:
                styled = cell.has_style
                if cell._value is None and not styled:
                    continue
                col = cell.column
                letter = letters.get(col) or letters.setdefault(col, get_column_letter(col))
                style = ""
                if styled:
                    key = cell._style.tobytes()
                    style = styles.get(key) or styles.setdefault(key, f' s="{cell.style_id}"')
                out.append(_cell(cell, f"{letter}{row_idx}", style, wb))
            out.append("</row>")
        out.append("</sheetData>")
        sheet = fromstring("".join(out))
        for empty in sheet.xpath("row[not(node())] | row/c[not(node())]"):  # <c ...></c>, as openpyxl writes
            empty.text = ""
        return sheet


def _cell(cell: Any, ref: str, style: str, wb: Any) -> str:
    """One ``c`` element as openpyxl's cell writer writes it."""
    kind = cell.data_type
    value = cell._value
    t = "inlineStr" if kind == "s" else kind
    if kind == "d":
        if wb.iso_dates and not isinstance(value, timedelta):
            value = to_ISO8601(value)
        else:
            t, value = "n", to_excel(value, wb.epoch)
    if value is None or value == "":
        return f'<c r="{ref}"{style} t="{t}"></c>'
    if kind == "s":
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}"{style} t="{t}"><is><t{space}>{_text(value)}</t></is></c>'
    return f'<c r="{ref}"{style} t="{t}"><v>{_text(safe_string(value))}</v></c>'


def _text(value: str) -> str:
    """XML character data that reads back as ``value`` (a carriage return kept, not read as a line end)."""
    return escape(value, ESCAPES)
