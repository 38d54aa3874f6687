"""The attendance sheet filled in with LibreOffice Calc, typed cell by cell as a workplace mentor would
(Calc decides what an entry is: ``8:30`` becomes a time), saved by Calc as .xlsx and read back.

Needs ``soffice`` and a Python with LibreOffice's ``uno`` module (Debian: libreoffice-calc-nogui and
python3-uno); skipped where they are missing. Calc types in the machine's locale (en-US here: ``2.5``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from placement_desk.db.engine import Database
from placement_desk.services import attendance_sheet as sheets
from tests.export.sheet_helpers import COLS, attendance, cli, make, save, seed

TYPE_SCRIPT = Path(__file__).with_name("libreoffice_type.py")
UNO_PYTHON = "/usr/bin/python3"


def _libreoffice() -> bool:
    if shutil.which("soffice") is None or not Path(UNO_PYTHON).exists():
        return False
    return (
        subprocess.run([UNO_PYTHON, "-c", "import uno"], check=False, capture_output=True, timeout=60).returncode == 0
    )


pytestmark = [
    pytest.mark.skipif(not _libreoffice(), reason="LibreOffice (soffice + python3-uno) is not installed"),
    pytest.mark.usefixtures("cli_admin"),
]


def typed_in_calc(source: bytes, tmp_path: Path, entries: dict[str, str]) -> Path:
    """The sheet after Calc typed ``entries`` (cell -> text) into it and saved it as .xlsx."""
    before, after = tmp_path / "sendt.xlsx", tmp_path / "udfyldt.xlsx"
    before.write_bytes(source)
    subprocess.run(
        [UNO_PYTHON, str(TYPE_SCRIPT), str(before), str(after), "Fremmøde", json.dumps(list(entries.items()))],
        check=True, timeout=240, capture_output=True,
    )  # fmt: skip
    assert after.exists()
    return after


def cell(column: str, row: int) -> str:
    return f"{'ABCDEFGHI'[COLS[column] - 1]}{row}"


@pytest.fixture
def seeded(keyed_db: Database) -> Database:
    return seed(keyed_db)


def test_a_sheet_filled_in_calc_is_read_as_the_mentor_meant_it(
    seeded: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, rows = make(seeded)
    content = sheets.make_attendance_sheet(seeded, "co-saxo", "2023-03").content
    filled = typed_in_calc(content, tmp_path, {
        cell("hours", rows[2]): "8:30", cell("status", rows[2]): "Mødt",
        cell("hours", rows[3]): "2.5",
        cell("status", rows[6]): "Syg", cell("reason", rows[6]): "Migræne",
        cell("status", rows[7]): "Mødt",  # as planned: 4 h
        cell("hours", rows[8]): "3:45", cell("note", rows[8]): "+ god dag",
    })  # fmt: skip
    ws = load_workbook(filled)["Fremmøde"]
    assert ws[cell("hours", rows[2])].is_date  # Calc made a time of it
    assert cli(db_path, "attendance-sheet", "read", str(filled)) == 0
    stored = {a["date"]: a for a in attendance(seeded)}
    assert stored["2023-03-02"] == {"date": "2023-03-02", "status": "present", "hours": 8.5}
    assert stored["2023-03-03"]["hours"] == 2.5 and stored["2023-03-07"]["hours"] == 4
    assert stored["2023-03-06"] == {"date": "2023-03-06", "status": "sick", "hours": 0, "reason": "Migræne"}
    assert stored["2023-03-08"] == {"date": "2023-03-08", "status": "present", "hours": 3.75, "note": "+ god dag"}


def test_a_bad_sheet_from_calc_names_its_rows_and_changes_nothing(
    seeded: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLACEMENT_DESK_TODAY", "2023-03-08")
    _, _, rows = make(seeded)
    content = sheets.make_attendance_sheet(seeded, "co-saxo", "2023-03").content
    filled = typed_in_calc(content, tmp_path, {
        cell("hours", rows[2]): "4", cell("status", rows[2]): "Syg",
        cell("hours", rows[3]): "=2+2",
        cell("status", rows[9]): "Mødt",  # tomorrow
    })  # fmt: skip
    before = attendance(seeded)
    capsys.readouterr()
    assert cli(db_path, "attendance-sheet", "read", str(filled)) == 2
    err = capsys.readouterr().err
    assert f"række {rows[2]}, Timer: Syg og timer" in err
    assert f"række {rows[3]}, Timer: indeholder en formel" in err
    assert f"række {rows[9]}, Status: 09-03-2023 er efter i dag" in err
    assert attendance(seeded) == before


def test_a_time_typed_into_a_number_formatted_cell_is_still_a_time(seeded: Database, tmp_path: Path) -> None:
    """Sheets made before the Timer column kept the General format had ``0.00`` there; Calc then stores a
    typed 8:30 as the bare number 0.3541666… and keeps the number format."""
    wb, ws, rows = make(seeded)
    ws[cell("hours", rows[2])].number_format = "0.00"
    filled = typed_in_calc(save(wb), tmp_path, {cell("hours", rows[2]): "8:30", cell("status", rows[2]): "Mødt"})
    raw = load_workbook(filled)["Fremmøde"][cell("hours", rows[2])]
    assert raw.number_format == "0.00" and isinstance(raw.value, float)
    review = sheets.review_attendance_sheet(seeded, filled.read_bytes())
    assert [(c.day.day, c.after.minutes) for c in review.new] == [(2, 510)]
