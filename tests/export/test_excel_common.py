"""How every workbook leaves the program (excel_common.workbook_bytes): written in memory only, no file in
the system temp folder, and user text that looks like a formula stays text."""

from __future__ import annotations

import io
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet import _writer

from placement_desk.db.engine import Database
from placement_desk.export.excel_common import Book, XCol, key_values, workbook_bytes, write_table
from placement_desk.services import attendance_sheet as sheets
from tests.export.sheet_helpers import parts, seed

TRICKS = ['=HYPERLINK("http://evil","klik")', "=1+1", "+45 12 34 56 78", "-2 timer", "@SUM(A1)", "=cmd|' /C calc'!A0"]


class TempWatch:
    """The system temp folder as an empty folder of the test, and every temporary file made in it.

    openpyxl removes its temporary sheet file after a normal save, so an empty folder afterwards proves
    little: the files it made on the way (names, notes, left behind if the program dies) are counted too.
    """

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder, self.made = folder, []
        monkeypatch.setenv("TMPDIR", str(folder))
        monkeypatch.setattr(tempfile, "tempdir", str(folder))
        original = tempfile.NamedTemporaryFile

        def spy(*args: Any, **kwargs: Any) -> Any:
            f = original(*args, **kwargs)
            self.made.append(f.name)
            return f

        monkeypatch.setattr(tempfile, "NamedTemporaryFile", spy)
        monkeypatch.setattr(_writer, "NamedTemporaryFile", spy)  # openpyxl imported it by name

    def assert_untouched(self) -> None:
        assert tempfile.gettempdir() == str(self.folder)
        assert self.made == [] and list(self.folder.iterdir()) == []


@pytest.fixture
def empty_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TempWatch:
    folder = tmp_path / "systemtemp"
    folder.mkdir()
    return TempWatch(folder, monkeypatch)


def test_the_watch_sees_openpyxls_own_save(empty_temp: TempWatch) -> None:
    wb = Workbook()
    wb.active["A1"] = "Borgerens navn"
    wb.save(io.BytesIO())
    assert len(empty_temp.made) == 1 and empty_temp.made[0].startswith(str(empty_temp.folder))


def test_the_attendance_sheet_is_written_in_memory_only(db: Database, empty_temp: TempWatch) -> None:
    seed(db)
    content = sheets.make_attendance_sheet(db, "co-saxo", "2023-03").content
    assert content.startswith(b"PK")
    empty_temp.assert_untouched()


def test_a_dossier_workbook_is_written_in_memory_only_and_its_texts_stay_text(empty_temp: TempWatch) -> None:
    book = Book("Arbejdsevnedokumentation", "=Borger", None, date(2024, 1, 31))
    ws = book.sheet("Forside")
    key_values(ws, [(t, t) for t in TRICKS])
    table = book.sheet("Fravær")
    write_table(table, [XCol("Årsag"), XCol("Timer", fmt="0.00")], [(t, 1.5) for t in TRICKS])
    content = book.to_bytes()
    empty_temp.assert_untouched()
    for name, data in parts(content).items():
        assert b"<f>" not in data and b"<f " not in data, name
    wb = load_workbook(io.BytesIO(content))
    texts = [c for sheet in wb.worksheets for row in sheet.iter_rows() for c in row if c.value in TRICKS]
    assert len(texts) == 3 * len(TRICKS)
    assert all(c.data_type == "s" for c in texts)
    assert wb["Forside"]["A2"].value == "=Borger" and wb["Forside"]["A2"].data_type == "s"
    assert wb["Fravær"]["B5"].value == 1.5  # numbers stay numbers


def test_workbook_bytes_refuses_write_only_workbooks() -> None:
    with pytest.raises(ValueError, match="write-only"):
        workbook_bytes(Workbook(write_only=True))


def test_an_ampersand_in_a_title_is_printed_not_taken_for_a_header_code() -> None:
    book = Book("Dossier", "Jensen & Søn", None, date(2024, 1, 31))
    ws = book.sheet("Forside")
    assert ws.oddHeader.left.text == "Dossier – Forside"
    from placement_desk.export.excel_common import print_setup

    print_setup(ws, "Jensen & Søn", landscape=False)
    assert ws.oddHeader.left.text == "Jensen && Søn"
