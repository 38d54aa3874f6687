"""The attendance sheet from the Fremmøde page: make it, fill it in, read it back, undo."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import export_case_file
from placement_desk.ui.shell.main_window import MainWindow


def close_next_box(seen: list[str]) -> None:
    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def fill(path: Path, hours: str, status: str = "Mødt") -> int:
    """Fill every expected row of the sheet as the workplace mentor would; returns the rows filled."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header_row = next(r for r in range(1, 30) if any(str(c.value or "").strip().lower() == "status"
                                                     for c in ws[r]))
    cols = {str(c.value).strip().lower(): c.column for c in ws[header_row] if c.value}
    hours_col = next(v for k, v in cols.items() if k.startswith("timer") and "planlagt" not in k)
    filled = 0
    for r in range(header_row + 1, ws.max_row + 1):
        if ws.cell(r, cols["dato"]).value is None:
            continue
        ws.cell(r, hours_col).value = float(hours)
        ws.cell(r, cols["status"]).value = status
        filled += 1
    wb.save(path)
    return filled


def test_make_fill_read_and_undo(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    w = MainWindow(demo_db, actor="mette")
    qtbot.addWidget(w)
    w.show_page("attendance")
    page = w.attendance
    page.company.setCurrentIndex(page.company.findData("co-bilka"))
    from PySide6.QtCore import QDate

    page.date.setDate(QDate(2026, 10, 1))
    before = json.dumps(export_case_file(demo_db), sort_keys=True)
    sheet = page.sheets.make_sheet(str(tmp_path / "ark.xlsx"))
    assert sheet is not None and sheet.exists()
    assert fill(sheet, "4") > 0
    page.sheets.choose_conflicts = lambda n: "overwrite"
    seen: list[str] = []
    close_next_box(seen)
    result = page.sheets.read_sheet(str(sheet))
    assert result is not None and (result.written or result.overwritten)
    assert "new days saved" in seen[0]  # the source text: this test installs no translator
    after = json.dumps(export_case_file(demo_db), sort_keys=True)
    assert after != before
    w.ctx.undo_stack.undo()
    assert json.dumps(export_case_file(demo_db), sort_keys=True) == before
    seen.clear()
    close_next_box(seen)
    assert page.sheets.read_sheet(str(sheet)) is not None  # again: the same result, idempotent
    assert json.dumps(export_case_file(demo_db), sort_keys=True) == after


def test_a_bad_sheet_changes_nothing(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    page = w.attendance
    page.company.setCurrentIndex(page.company.findData("co-bilka"))
    from PySide6.QtCore import QDate

    page.date.setDate(QDate(2026, 10, 1))
    sheet = page.sheets.make_sheet(str(tmp_path / "ark.xlsx"))
    assert sheet is not None
    fill(sheet, "30")
    before = export_case_file(demo_db)
    seen: list[str] = []
    close_next_box(seen)
    assert page.sheets.read_sheet(str(sheet)) is None
    assert "række" in seen[0]
    assert export_case_file(demo_db) == before


def test_an_unreadable_cell_is_named_by_its_row(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    from PySide6.QtCore import QDate

    from tests.export.sheet_helpers import SHEET_XML, repack, set_raw_cell

    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    page = w.attendance
    page.company.setCurrentIndex(page.company.findData("co-bilka"))
    page.date.setDate(QDate(2026, 10, 1))
    sheet = page.sheets.make_sheet(str(tmp_path / "ark.xlsx"))
    assert sheet is not None
    sheet.write_bytes(repack(sheet.read_bytes(), {SHEET_XML: set_raw_cell("F12", "NaN")}))
    before = export_case_file(demo_db)
    seen: list[str] = []
    close_next_box(seen)
    assert page.sheets.read_sheet(str(sheet)) is None
    assert "række 12: en celle kan ikke læses" in seen[0]
    assert export_case_file(demo_db) == before
