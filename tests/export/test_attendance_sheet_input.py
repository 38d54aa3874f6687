"""What a workplace mentor types into the attendance sheet, read as they mean it, and the rules a row must
keep: times are durations, the plan comes from the database, no future attendance, no hours when sick,
formulas never run. Files are real: written by openpyxl the way a spreadsheet program stores the entry."""

from __future__ import annotations

import io
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from placement_desk.db.engine import Database
from placement_desk.domain.attendance_sheet import SheetErrors
from placement_desk.services import attendance_sheet as sheets
from tests.export.sheet_helpers import COLS, attendance, cli, fill, make, parts, save, seed

pytestmark = pytest.mark.usefixtures("cli_admin")  # the command line signs in (conftest)


@pytest.fixture
def seeded(keyed_db: Database) -> Database:
    return seed(keyed_db)


def errors_of(db: Database, content: bytes) -> list[tuple[int, str, str]]:
    with pytest.raises(SheetErrors) as err:
        sheets.review_attendance_sheet(db, content)
    return [(e.row, e.column, e.message) for e in err.value.errors]


def test_times_and_durations_are_read_as_a_person_means_them(seeded: Database) -> None:
    wb, ws, rows = make(seeded)
    fill(ws, rows[2], hours=time(8, 30), status="Mødt")  # "8:30" typed: the spreadsheet stores a clock time
    ws.cell(row=rows[2], column=COLS["hours"]).number_format = "h:mm"
    fill(ws, rows[3], hours=0.3541666666666667)  # the same as a fraction of a day with a time format
    ws.cell(row=rows[3], column=COLS["hours"]).number_format = "hh:mm"
    fill(ws, rows[6], hours=timedelta(hours=3, minutes=45))  # a duration format ([t]:mm)
    ws.cell(row=rows[6], column=COLS["hours"]).number_format = "[h]:mm"
    fill(ws, rows[7], hours="8:30")  # text
    fill(ws, rows[8], hours="2,5")
    fill(ws, rows[9], hours="3.5 t")
    fill(ws, rows[10], hours=1.111)  # 66.66 minutes: rounded to the whole minute, half up
    fill(ws, rows[13], hours="0:00:30")  # half a minute: half up
    content = save(wb)
    review = sheets.review_attendance_sheet(seeded, content)
    minutes = {c.day.day: c.after.minutes for c in review.new}
    assert minutes == {2: 510, 3: 510, 6: 225, 7: 510, 8: 150, 9: 210, 10: 67, 13: 1}
    assert review.rounded == 2
    result = sheets.apply_attendance_sheet(seeded, content)
    assert "timerne i 2 rækker er afrundet til hele minutter" in result.describe()
    assert {a["date"]: a["hours"] for a in attendance(seeded)}["2023-03-02"] == 8.5


def test_a_tampered_planned_cell_has_no_effect(seeded: Database) -> None:
    """Unprotect, set 9 h where the plan says 4, leave Timer empty at Mødt: the plan's 4 h are stored."""
    wb, ws, rows = make(seeded)
    ws.protection.sheet = False
    fill(ws, rows[2], planned=9, status="Mødt")
    fill(ws, rows[13], planned=0, status="Mødt")  # 2 h planned on 13 March
    sheets.apply_attendance_sheet(seeded, save(wb))
    stored = {a["date"]: a["hours"] for a in attendance(seeded)}
    assert stored["2023-03-02"] == 4 and stored["2023-03-13"] == 2


def test_mødt_without_hours_on_a_day_without_a_plan_is_refused(seeded: Database) -> None:
    wb, ws, rows = make(seeded)
    ws.protection.sheet = False
    fill(ws, rows[14 if 14 in rows else 15], status="Mødt")
    fill(ws, rows[6], status="Mødt")
    ws.cell(row=rows[6], column=COLS["date"]).value = date(2023, 3, 14)  # a Tuesday: 0 h from 13 March
    assert errors_of(seeded, save(wb)) == [
        (rows[6], "Timer", "der er ingen planlagte timer denne dag; skriv de timer, borgeren var mødt")
    ]


def test_the_rules_of_a_row(seeded: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLACEMENT_DESK_TODAY", "2023-03-08")
    wb, ws, rows = make(seeded)
    fill(ws, rows[8], hours=4, status="Mødt")  # today: fine
    fill(ws, rows[9], hours=4, status="Mødt")  # tomorrow
    fill(ws, rows[10], status="Syg")
    fill(ws, rows[13], status="Aftalt fravær", reason="Ferie")  # agreed leave ahead: fine
    fill(ws, rows[15], hours=2, status="Aftalt fravær")  # hours in the future
    fill(ws, rows[20], hours=9.5)  # no status: Mødt, in the future
    fill(ws, rows[2], hours=4, status="Syg", reason="Gik hjem")
    fill(ws, rows[3], hours=1, status="Udeblevet")
    fill(ws, rows[6], hours=24.5, status="Mødt")
    fill(ws, rows[7], hours=-1, status="Mødt")
    found = errors_of(seeded, save(wb))
    assert [(r, c) for r, c, _ in found] == [
        (rows[2], "Timer"), (rows[3], "Timer"), (rows[6], "Timer"), (rows[7], "Timer"), (rows[9], "Status"),
        (rows[10], "Status"), (rows[15], "Timer"), (rows[20], "Status"),
    ]  # fmt: skip
    messages = dict(((r, c), m) for r, c, m in found)
    assert (
        messages[(rows[9], "Status")]
        == "09-03-2023 er efter i dag: kun Aftalt fravær kan skrives på forhånd, ikke Mødt"
    )
    assert messages[(rows[2], "Timer")].startswith("Syg og timer: skriv 0 eller lad Timer stå tom")
    assert messages[(rows[3], "Timer")].startswith("Udeblevet og timer")
    assert messages[(rows[6], "Timer")] == "24,5 timer er ikke mellem 0 og 24"
    assert "efter i dag" in messages[(rows[15], "Timer")]
    wb2, ws2, rows2 = make(seeded)
    fill(ws2, rows2[8], hours=4, status="Mødt")
    fill(ws2, rows2[13], status="Aftalt fravær", reason="Ferie")
    result = sheets.apply_attendance_sheet(seeded, save(wb2))
    assert [(c.day.day, c.after.status, c.after.minutes) for c in result.written] == [
        (8, "present", 240),
        (13, "absent_agreed", 0),
    ]


def test_formulas_are_never_taken_and_text_stays_text(seeded: Database) -> None:
    wb, ws, rows = make(seeded)
    fill(ws, rows[2], hours="=2+2", status="Mødt")  # openpyxl stores it as a formula, as Excel would
    fill(ws, rows[3], status='=IF(1,"Syg","Mødt")')
    fill(ws, rows[6], hours=3, status="Mødt")
    ws.cell(row=rows[6], column=COLS["reason"]).value = '=HYPERLINK("http://x")'
    ws.cell(row=rows[6], column=COLS["reason"]).data_type = "s"  # typed as text ('=...): a string cell
    fill(ws, rows[7], hours=3, status="Mødt", note="+45 12 34 56 78 @karin -ok")
    content = save(wb)
    assert errors_of(seeded, content) == [
        (rows[2], "Timer", "indeholder en formel; skriv selve værdien (formler læses ikke)"),
        (rows[3], "Status", "indeholder en formel; skriv selve værdien (formler læses ikke)"),
    ]
    fill(ws, rows[2], hours=None, status=None)
    fill(ws, rows[3], status=None)
    sheets.apply_attendance_sheet(seeded, save(wb))
    stored = {a["date"]: a for a in attendance(seeded)}
    assert stored["2023-03-06"]["reason"] == '=HYPERLINK("http://x")'
    assert stored["2023-03-07"]["note"] == "+45 12 34 56 78 @karin -ok"


def test_an_error_value_in_a_cell_is_refused(seeded: Database) -> None:
    wb, ws, rows = make(seeded)
    ws.cell(row=rows[2], column=COLS["hours"]).value = "#DIV/0!"  # openpyxl stores an error value
    assert ws.cell(row=rows[2], column=COLS["hours"]).data_type == "e"
    assert errors_of(seeded, save(wb)) == [(rows[2], "Timer", "indeholder fejlværdien #DIV/0!; skriv selve værdien")]


def test_text_written_by_us_is_never_a_formula(db: Database) -> None:
    """A citizen or company name that starts with = stays text in the sheet (no formula runs at the company)."""
    citizen_name = '=HYPERLINK("http://evil","klik")'
    seed(db)
    from placement_desk.services.casefile_io import export_case_file, import_case_file

    data = export_case_file(db, "DC")
    data["citizens"][0]["name"] = citizen_name
    import_case_file(db, data)
    content = sheets.make_attendance_sheet(db, "co-saxo", "2023-03").content
    assert b"<f>" not in parts(content)["xl/worksheets/sheet1.xml"]
    ws = load_workbook(io.BytesIO(content))["Fremmøde"]
    names = [c for c in ws["C"] if c.value == citizen_name]
    assert names and all(c.data_type == "s" for c in names)


def test_the_cli_names_the_row_and_exits_2(
    seeded: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb, ws, rows = make(seeded)
    fill(ws, rows[2], hours=time(8, 30), status="Mødt")
    fill(ws, rows[3], hours=4, status="Syg")
    sheet = tmp_path / "ark.xlsx"
    sheet.write_bytes(save(wb))
    before = attendance(seeded)
    assert cli(db_path, "attendance-sheet", "read", str(sheet)) == 2
    err = capsys.readouterr().err
    assert f"række {rows[3]}, Timer: Syg og timer" in err and "nothing was changed" in err
    assert attendance(seeded) == before
    fill(ws, rows[3], hours=None, status=None)
    sheet.write_bytes(save(wb))
    assert cli(db_path, "attendance-sheet", "read", str(sheet)) == 0
    assert {a["date"]: a["hours"] for a in attendance(seeded)}["2023-03-02"] == 8.5
