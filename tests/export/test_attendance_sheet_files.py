"""A filled-in attendance sheet is a file from outside: every bad one is refused with exit 2 and a Danish
message (the row where a row is to blame), nothing is written, and reading costs what the sheet's own
lines cost - whatever the file claims about its size."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from placement_desk.db.engine import Database
from placement_desk.domain.errors import ValidationError
from placement_desk.export import excel_attendance_read as reader
from placement_desk.services import attendance_sheet as sheets
from tests.export.sheet_helpers import (
    EXPECTED_DAYS,
    SHEET_XML,
    attendance,
    cli,
    fill,
    make,
    repack,
    save,
    seed,
    set_raw_cell,
)

pytestmark = pytest.mark.usefixtures("cli_admin")  # the command line signs in (conftest)

META_XML = "xl/worksheets/sheet2.xml"


@pytest.fixture
def seeded(keyed_db: Database) -> Database:
    return seed(keyed_db)


@pytest.fixture
def sheet_file(seeded: Database, tmp_path: Path) -> tuple[Path, dict[int, int], Any]:
    """A sheet with one good row filled in (2 March, 3 h), saved as the mentor would."""
    wb, ws, rows = make(seeded)
    fill(ws, rows[2], hours=3, status="Mødt")
    path = tmp_path / "ark.xlsx"
    path.write_bytes(save(wb))
    return path, rows, wb


def refused(db_path: Path, path: Path, capsys: pytest.CaptureFixture[str], *expected: str) -> str:
    capsys.readouterr()
    assert cli(db_path, "attendance-sheet", "read", str(path)) == 2
    err = capsys.readouterr().err
    for text in expected:
        assert text in err, err
    assert "Traceback" not in err and "TypeError" not in err
    return err


@pytest.mark.parametrize("raw", ["NaN", "INF", "-INF", "nan"])
def test_a_number_no_spreadsheet_can_hold_names_its_row(
    raw: str,
    seeded: Database,
    db_path: Path,
    sheet_file: tuple[Path, dict[int, int], Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, rows, _ = sheet_file
    path.write_bytes(repack(path.read_bytes(), {SHEET_XML: set_raw_cell(f"F{rows[6]}", raw)}))
    before = attendance(seeded)
    refused(db_path, path, capsys, f"række {rows[6]}", "kan ikke læses", "nothing was changed")
    assert attendance(seeded) == before


def test_an_infinite_number_names_row_and_column(
    seeded: Database, db_path: Path, sheet_file: tuple[Path, dict[int, int], Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path, rows, _ = sheet_file
    path.write_bytes(repack(path.read_bytes(), {SHEET_XML: set_raw_cell(f"F{rows[6]}", "1e999")}))
    refused(db_path, path, capsys, f"række {rows[6]}, Timer: indeholder et ugyldigt tal")
    path.write_bytes(repack(path.read_bytes(), {SHEET_XML: set_raw_cell(f"A{rows[7]}", "1e999")}))  # a date cell
    refused(db_path, path, capsys, f"række {rows[7]}, Dato")


def test_a_tampered_header_row_or_hidden_sheet_is_refused(
    seeded: Database, db_path: Path, sheet_file: tuple[Path, dict[int, int], Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, wb = sheet_file
    wb["Fremmøde"]["F10"] = "Timer i alt"
    path.write_bytes(save(wb))
    refused(db_path, path, capsys, "række 10: kolonneoverskrifterne er ændret")
    wb["Fremmøde"]["F10"] = "Timer"
    for row, value, text in ((5, "abc", "overskriftsrækken"), (5, 3, "overskriftsrækken"), (6, 10**9, "antallet af linjer"),
                             (6, -1, "antallet af linjer"), (6, "x", "antallet af linjer"), (4, "2023-13", "måneden"),
                             (3, None, "virksomheden"), (2, 99, "nyere udgave")):  # fmt: skip
        original = wb["_meta"].cell(row=row, column=1).value
        wb["_meta"].cell(row=row, column=1).value = value
        path.write_bytes(save(wb))
        refused(db_path, path, capsys, text)
        wb["_meta"].cell(row=row, column=1).value = original
    path.write_bytes(save(wb))
    assert cli(db_path, "attendance-sheet", "read", str(path)) == 0


def entity_bomb(xml: bytes) -> bytes:
    head, _, body = xml.partition(b"?>")
    lol = (
        b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i else b"&lol;") * 10) for i in range(10))
        + b"]>"
    )
    return head + b"?>" + lol + body.replace(b"<t>", b"<t>&lol9;", 1)


def xxe(xml: bytes) -> bytes:
    head, _, body = xml.partition(b"?>")
    return head + b'?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + body.replace(b"<t>", b"<t>&xxe;", 1)


XML_PARTS = [SHEET_XML, META_XML, "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml", "docProps/core.xml"]


@pytest.mark.parametrize("part", XML_PARTS)
@pytest.mark.parametrize("attack", [entity_bomb, xxe])
def test_an_xml_entity_bomb_or_external_entity_is_refused(
    part: str,
    attack: Any,
    db_path: Path,
    sheet_file: tuple[Path, dict[int, int], Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _, _ = sheet_file
    path.write_bytes(repack(path.read_bytes(), {part: attack}))
    refused(db_path, path, capsys, f"{part} indeholder XML-definitioner (DOCTYPE/ENTITY)")


@pytest.mark.parametrize("part", [SHEET_XML, META_XML, "xl/workbook.xml"])
@pytest.mark.parametrize("attack", [entity_bomb, xxe])
def test_past_the_package_check_the_parsers_refuse_entities_too(
    part: str, attack: Any, sheet_file: tuple[Path, dict[int, int], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second line of defence: openpyxl parses with defusedxml (and lxml without resolving entities)."""
    assert openpyxl.DEFUSEDXML is True
    path, _, _ = sheet_file
    monkeypatch.setattr(reader, "check_package", lambda content: None)
    content = repack(path.read_bytes(), {part: attack})
    with pytest.raises(ValidationError) as err:
        reader.read_attendance_sheet(content)
    assert "lol" not in str(err.value) and "root:" not in str(err.value)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open(SHEET_XML, "w") as part:
        chunk = b"\0" * 2**20
        for _ in range(80):  # 80 MB of zeros, some 80 kB packed
            part.write(chunk)
    assert path.stat().st_size < 2**20
    refused(db_path, path, capsys, "pakker sig ud til mere end 64 MB")


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"", "ikke et Excel-ark"),
        (b"Dato;Timer\n01-03-2023;4\n", "ikke et Excel-ark"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "krypteret eller et gammelt .xls-ark"),
        (b"PK\x03\x04" + b"\0" * 100, "ikke et Excel-ark"),
    ],
)
def test_a_file_that_is_no_xlsx_is_refused(
    content: bytes, text: str, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ark.xlsx"
    path.write_bytes(content)
    refused(db_path, path, capsys, text)


def test_a_zip_that_is_no_workbook_or_a_truncated_sheet_is_refused(
    db_path: Path, sheet_file: tuple[Path, dict[int, int], Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, _ = sheet_file
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])
    refused(db_path, path, capsys, "ikke et Excel-ark")
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    path.write_bytes(other.getvalue())
    refused(db_path, path, capsys, "ikke et Excel-ark")
    path.write_bytes(repack(good, {SHEET_XML: lambda xml: xml.replace(b"</sheetData>", b"<row r='x'><c></sheetData>")}))
    refused(db_path, path, capsys, "kan ikke læses")


def test_reading_is_bounded_to_the_sheets_own_lines(
    seeded: Database, sheet_file: tuple[Path, dict[int, int], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One cell at row 1048576 (the sheet's dimension then claims a million rows): the reader asks
    openpyxl for the sheet's own lines only, so it never walks the million empty rows."""
    path, rows, wb = sheet_file
    wb["Fremmøde"].cell(row=1048576, column=6).value = 4
    content = save(wb)
    asked: list[dict[str, Any]] = []
    produced: list[int] = []
    original = ReadOnlyWorksheet.iter_rows

    def spy(self: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append(dict(kwargs))
        for row in original(self, *args, **kwargs):
            produced.append(1)
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", spy)
    review = sheets.review_attendance_sheet(seeded, content)
    assert [c.day.day for c in review.new] == [2]
    last = 10 + len(EXPECTED_DAYS)
    data = [a for a in asked if a.get("min_row") == 10]
    assert data == [{"min_row": 10, "max_row": last + reader.BELOW, "min_col": 1, "max_col": 9}]
    assert all(a.get("max_row") is not None for a in asked)  # never the sheet's own max_row
    assert sum(produced) <= last + reader.BELOW + 6  # + the hidden sheet's six rows


def test_an_entry_below_the_last_line_is_refused_not_lost(
    db_path: Path, sheet_file: tuple[Path, dict[int, int], Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, wb = sheet_file
    below = 10 + len(EXPECTED_DAYS) + 2
    wb["Fremmøde"].cell(row=below, column=9).value = "Husk: ferie i uge 14"
    path.write_bytes(save(wb))
    refused(db_path, path, capsys, f"række {below}, Bemærkning: ligger under arkets sidste linje")


def test_a_sheet_claiming_too_many_lines_is_refused_before_reading_rows(seeded: Database) -> None:
    wb, _, _ = make(seeded)
    wb["_meta"]["A6"] = reader.MAX_LINES + 1
    with pytest.raises(ValidationError, match="antallet af linjer"):
        reader.read_attendance_sheet(save(wb))


def test_a_file_too_big_for_a_sheet_is_refused_unread(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ValidationError, match="for stor"):
        reader.check_package(b"PK" + b"\0" * (reader.MAX_FILE + 1))
    path = tmp_path / "stor.xlsx"
    with path.open("wb") as f:
        f.truncate(4 * reader.MAX_FILE)  # sparse: no disk used
    refused(db_path, path, capsys, "filen er for stor til et fremmødeark")
    refused(db_path, tmp_path / "findes-ikke.xlsx", capsys, "filen kan ikke læses")
