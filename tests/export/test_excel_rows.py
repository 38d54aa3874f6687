"""The workbooks' cells written as one tree (excel_rows): every sheet byte for byte what openpyxl writes,
whatever the cells hold (texts with spaces, line breaks and markup characters, numbers, dates, booleans,
styled empty cells, row heights); a sheet with a formula or a comment is written by openpyxl itself."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._writer import WorksheetWriter

from placement_desk.export import excel_common
from placement_desk.export.excel_rows import RowsWriter
from tests.export.conftest import Rendered

TEXTS = [" før og efter ", "Linje 1\nLinje 2", "CR\r\nLF", "<b>&amp;</b> \"citat\" 'x'", "Ærø – ½", "=1+1", "", "\t"]


def _workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r, text in enumerate(TEXTS, 1):
        ws.cell(row=r, column=1, value=text)
        ws.cell(row=r, column=3, value=r * 1.25).number_format = "#,##0.00"
    ws.cell(row=1, column=2, value=date(2026, 11, 23)).number_format = "dd-mm-yyyy"
    ws.cell(row=2, column=2, value=datetime(2026, 11, 23, 8, 30))
    ws.cell(row=3, column=2, value=True)
    ws.cell(row=4, column=2, value=10**12 + 0.1)
    ws.cell(row=5, column=2).font = Font(bold=True)  # styled, no value
    ws.cell(row=6, column=2, value=0)
    ws.cell(row=30, column=28, value="AB30").alignment = Alignment(wrap_text=True)
    ws.row_dimensions[4].height = 30
    ws.row_dimensions[40].height = 12  # a row with a height and no cells
    other = wb.create_sheet("To")
    other["A1"] = "kun tekst"
    return wb


def _sheets(wb: Workbook, writer: type[WorksheetWriter]) -> dict[str, bytes]:
    original = excel_common.RowsWriter
    excel_common.RowsWriter = writer  # type: ignore[misc]
    try:
        content = excel_common.workbook_bytes(wb)
    finally:
        excel_common.RowsWriter = original  # type: ignore[misc]
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")}


def test_every_sheet_is_what_openpyxl_writes_byte_for_byte() -> None:
    ours, theirs = _sheets(_workbook(), RowsWriter), _sheets(_workbook(), WorksheetWriter)
    assert ours.keys() == theirs.keys() and len(ours) == 2
    for name in ours:
        assert ours[name] == theirs[name], name
    back = load_workbook(io.BytesIO(excel_common.workbook_bytes(_workbook())))
    ws = back.active
    assert ws is not None
    # text reads back as written (the "=" text stays text; "" is no value)
    assert [ws.cell(row=r, column=1).value for r in range(1, len(TEXTS) + 1)] == [t or None for t in TEXTS]
    assert ws["B1"].value == datetime(2026, 11, 23) and ws["B3"].value is True and ws["AB30"].value == "AB30"


@pytest.mark.parametrize("extra", ["comment", "merged"])
def test_a_sheet_with_a_comment_or_merged_cells_is_written_by_openpyxl(
    monkeypatch: pytest.MonkeyPatch, extra: str
) -> None:
    wb = _workbook()
    ws = wb.active
    assert ws is not None
    if extra == "comment":
        ws["A1"].comment = Comment("en note", "test")
    else:
        ws.merge_cells("D1:F2")
    built: list[str] = []
    sheet_data = RowsWriter.sheet_data
    monkeypatch.setattr(RowsWriter, "sheet_data", lambda self: built.append(self.ws.title) or sheet_data(self))
    back = load_workbook(io.BytesIO(excel_common.workbook_bytes(wb)))
    assert back.active is not None
    assert back.active["A1"].comment is not None if extra == "comment" else "D1:F2" in back.active.merged_cells
    assert built == ["To"]  # the other sheet only


def test_the_dossier_workbooks_are_what_openpyxl_writes(demo_docs: dict[str, Rendered], tmp_path: Path) -> None:
    from placement_desk.export.excel_dossier import render_dossier_xlsx

    doc = max(demo_docs.values(), key=lambda d: len(d.data.week_rows))
    original = excel_common.RowsWriter
    try:
        ours = render_dossier_xlsx(doc.data)
        excel_common.RowsWriter = WorksheetWriter  # type: ignore[misc]
        theirs = render_dossier_xlsx(doc.data)
    finally:
        excel_common.RowsWriter = original  # type: ignore[misc]
    with zipfile.ZipFile(io.BytesIO(ours)) as a, zipfile.ZipFile(io.BytesIO(theirs)) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(n) == b.read(n) for n in a.namelist())
