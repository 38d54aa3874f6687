"""The workplace mentor's attendance sheet: generate, fill in by program, read back (all or nothing,
errors by sheet row, idempotent, conflicts left to the user)."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.attendance_sheet import SheetErrors, SheetRow, parse_row, sheet_lines
from placement_desk.domain.errors import NotFoundError, ValidationError
from placement_desk.services import attendance_sheet as sheets
from tests.export.sheet_helpers import EXPECTED_DAYS, attendance, fill, make, parts, save, seed

pytestmark = pytest.mark.usefixtures("cli_admin")  # the command line signs in (conftest)


@pytest.fixture
def seeded(keyed_db: Database) -> Database:
    return seed(keyed_db)


def test_the_sheet_lists_every_expected_day_with_its_plan_and_is_protected(seeded: Database) -> None:
    wb, ws, rows = make(seeded)
    assert sorted(rows) == EXPECTED_DAYS
    assert ws["A1"].value == "Fremmødeark – Pedelteamet, Saxogade – marts 2023"
    assert "Sådan udfylder du arket" in ws["A2"].value
    first = rows[1]
    assert ws.cell(row=first, column=3).value == "D. C." and ws.cell(row=first, column=4).value == "DC-1"
    assert ws.cell(row=first, column=5).value == 4  # planned hours, numeric
    assert ws.cell(row=rows[13], column=5).value == 2
    assert ws.cell(row=first, column=1).number_format == "dd-mm-yyyy"
    assert ws.protection.sheet
    for c in range(1, 10):
        assert ws.cell(row=first, column=c).protection.locked is (c not in (6, 7, 8, 9))
    assert wb["_meta"].sheet_state == "veryHidden" and wb.security.lockStructure
    assert [wb["_meta"].cell(row=r, column=1).value for r in range(1, 7)] == [
        "placement-desk/attendance-sheet", 2, "co-saxo", "2023-03", 10, len(EXPECTED_DAYS)
    ]  # fmt: skip
    assert "FORTROLIGT" in ws.oddHeader.right.text


def test_the_cells_refuse_a_wrong_entry_with_a_danish_message(seeded: Database) -> None:
    _, ws, _ = make(seeded)
    by_type = {dv.type: dv for dv in ws.data_validations.dataValidation}
    status, hours = by_type["list"], by_type["decimal"]
    assert "Aftalt fravær" in status.formula1 and "G11" in str(status.sqref)
    assert (hours.formula1, hours.formula2, hours.operator) == ("0", "24", "between") and "F11" in str(hours.sqref)
    for dv in (status, hours):
        assert dv.showErrorMessage is True and dv.errorStyle == "stop"
        assert dv.errorTitle and dv.error and dv.prompt
    assert status.errorTitle == "Ukendt status" and "Mødt, Syg, Aftalt fravær, Udeblevet" in status.error
    assert hours.errorTitle == "Ugyldigt antal timer" and "mellem 0 og 24" in hours.error


def test_the_sheet_carries_no_health_data(db: Database) -> None:
    """The sheet is e-mailed to the company: nothing registered is on it, least of all absence reasons."""
    seed(db, [
        {"date": "2023-03-01", "status": "present", "hours": 4},
        {"date": "2023-03-02", "status": "sick", "hours": 0, "reason": "Angst", "note": "ringede, migræne igen"},
        {"date": "2023-03-03", "status": "present", "hours": 2, "reason": "Psykolog kl. 12"},
        {"date": "2023-03-04", "status": "absent_agreed", "hours": 0, "reason": "Lægebesøg"},  # a Saturday
    ])  # fmt: skip
    content = sheets.make_attendance_sheet(db, "co-saxo", "2023-03").content
    text = " ".join(data.decode("utf-8", "replace") for data in parts(content).values()).lower()
    for secret in ("angst", "migræne", "psykolog", "lægebesøg", "ringede"):
        assert secret not in text
    ws = load_workbook(io.BytesIO(content))["Fremmøde"]
    days = {ws.cell(row=r, column=1).value.day: r for r in range(11, ws.max_row + 1)}
    assert 4 not in days  # a registered day without planned hours is not listed
    for r in days.values():  # no hours, status, reason or note of what is registered
        assert [ws.cell(row=r, column=c).value for c in (6, 7, 8, 9)] == [None, None, None, None]


def test_bad_rows_are_named_by_row_and_nothing_is_written(seeded: Database) -> None:
    wb, ws, rows = make(seeded)
    fill(ws, rows[2], hours=4, status="Mødt")  # good
    fill(ws, rows[3], hours="abc", status="Mødt")
    fill(ws, rows[6], status="Sygg")
    fill(ws, rows[7], hours=30, status="Mødt")
    fill(ws, rows[8], reason="Migræne")
    fill(ws, rows[9], hours=1.1, status="Mødt")  # 66 minutes
    fill(ws, rows[10], hours=4, status="Syg")
    fill(ws, rows[15], placement="ZZ-9", status="Syg")
    before = attendance(seeded)
    with pytest.raises(SheetErrors) as err:
        sheets.apply_attendance_sheet(seeded, save(wb))
    found = [(e.row, e.column) for e in err.value.errors]
    assert found == [
        (rows[3], "Timer"), (rows[6], "Status"), (rows[7], "Timer"), (rows[8], "Status"), (rows[10], "Timer"),
        (rows[15], "Forløb"),
    ]  # fmt: skip
    assert isinstance(err.value, ValidationError) and f"række {rows[6]}, Status" in str(err.value)
    assert "'Sygg' er ikke en af Mødt, Syg, Aftalt fravær, Udeblevet" in str(err.value)
    assert f"række {rows[7]}, Timer: 30 timer er ikke mellem 0 og 24" in str(err.value)
    assert f"række {rows[10]}, Timer: Syg og timer" in str(err.value)
    assert attendance(seeded) == before
    with pytest.raises(SheetErrors):
        sheets.review_attendance_sheet(seeded, save(wb))


def test_good_rows_are_stored_once_and_a_conflict_is_left_to_the_user(seeded: Database) -> None:
    wb, ws, rows = make(seeded)
    fill(ws, rows[1], hours=0, status="Syg", reason="Migræne")  # registered as present 4 h: a conflict
    fill(ws, rows[2], hours="3,5", status="Mødt", reason="Gik tidligt", note="træt")
    fill(ws, rows[3], status="Syg", reason="Migræne")  # no hours: 0
    fill(ws, rows[6], hours=2.5)  # no status: present
    fill(ws, rows[7], status="Mødt")  # no hours: as planned
    fill(ws, rows[8], status="Aftalt fravær", reason="Ferie")
    fill(ws, rows[9], status="udeblevet")  # case-insensitive
    content = save(wb)

    review = sheets.review_attendance_sheet(seeded, content)
    assert [c.day.day for c in review.new] == [2, 3, 6, 7, 8, 9]
    assert [(c.day, c.before, c.after) for c in review.conflicts] == [
        (date(2023, 3, 1), cf.Attendance(date(2023, 3, 1), "present", 240), cf.Attendance(date(2023, 3, 1), "sick", 0, "Migræne"))
    ]  # fmt: skip
    assert len(attendance(seeded)) == 1  # reviewing writes nothing

    result = sheets.apply_attendance_sheet(seeded, content)
    assert len(result.written) == 6 and result.overwritten == [] and len(result.kept) == 1
    stored = {a["date"]: a for a in attendance(seeded)}
    assert stored["2023-03-01"] == {"date": "2023-03-01", "status": "present", "hours": 4}  # kept
    assert stored["2023-03-02"] == {"date": "2023-03-02", "status": "present", "hours": 3.5, "reason": "Gik tidligt",
                                    "note": "træt"}  # fmt: skip
    assert stored["2023-03-03"] == {"date": "2023-03-03", "status": "sick", "hours": 0, "reason": "Migræne"}
    assert stored["2023-03-06"]["hours"] == 2.5 and stored["2023-03-06"]["status"] == "present"
    assert stored["2023-03-07"]["hours"] == 4 and stored["2023-03-08"]["status"] == "absent_agreed"
    assert stored["2023-03-09"]["status"] == "absent_unexcused"

    # the same sheet again: nothing changes
    again = sheets.apply_attendance_sheet(seeded, content)
    assert again.written == [] and again.overwritten == [] and again.review.unchanged == 6 and len(again.kept) == 1
    assert {a["date"]: a for a in attendance(seeded)} == stored

    # the user decides to take the sheet's value for the conflicting day
    chosen = sheets.apply_attendance_sheet(seeded, content, overwrite={("DC-1", date(2023, 3, 1))}, actor="karin")
    assert [c.day for c in chosen.overwritten] == [date(2023, 3, 1)] and chosen.kept == []
    assert attendance(seeded)[0] == {"date": "2023-03-01", "status": "sick", "hours": 0, "reason": "Migræne"}
    final = sheets.apply_attendance_sheet(seeded, content, overwrite=True)
    assert final.written == final.overwritten == final.kept == [] and final.review.unchanged == 7


def test_a_regenerated_sheet_shows_nothing_registered_and_reads_back_as_no_change(seeded: Database) -> None:
    wb, ws, rows = make(seeded)
    fill(ws, rows[2], hours=4, status="Mødt", note="god dag")
    sheets.apply_attendance_sheet(seeded, save(wb))
    wb2, ws2, rows2 = make(seeded)
    assert ws2.cell(row=rows2[2], column=9).value is None
    review = sheets.review_attendance_sheet(seeded, save(wb2))
    assert review.new == [] and review.conflicts == [] and review.unchanged == 0
    assert review.empty_rows == len(EXPECTED_DAYS)


def test_only_an_attendance_sheet_is_read(seeded: Database) -> None:
    with pytest.raises(ValidationError, match="ikke et Excel-ark"):
        sheets.review_attendance_sheet(seeded, b"not a workbook")
    from openpyxl import Workbook

    with pytest.raises(ValidationError, match="ikke et fremmødeark"):
        sheets.review_attendance_sheet(seeded, save(Workbook()))
    with pytest.raises(ValidationError, match="month"):
        sheets.make_attendance_sheet(seeded, "co-saxo", "2023-13")
    with pytest.raises(NotFoundError):
        sheets.make_attendance_sheet(seeded, "co-nowhere", "2023-03")


def test_sheet_lines_and_rows_without_a_database() -> None:
    p = cf.Placement(
        ref="P-1", company="c", type="internship", start=date(2024, 12, 23), end=None,
        schedule=(cf.ScheduleStep(date(2024, 12, 23), (240, 0, 240, 0, 0, 0, 0)),),
        attendance=(cf.Attendance(date(2024, 12, 24), "sick", 0, "Influenza"),),
    )  # fmt: skip
    lines = sheet_lines([("A", "Anna", p)], date(2024, 12, 1), date(2024, 12, 31), date(2024, 12, 1))
    # Mon 23, Wed 25 (Christmas Day: holiday, not listed), Mon 30; the registered Tue 24 has no plan
    assert [(x.day.day, x.planned) for x in lines] == [(23, 240), (30, 240)]
    today = date(2024, 12, 27)
    assert parse_row(SheetRow(12, {"placement": "P-1", "date": datetime(2024, 12, 23)}), today) is None
    entry = parse_row(SheetRow(12, {"placement": "P-1", "date": "23-12-2024", "status": "Mødt", "planned": 9}), today)
    assert entry is not None and entry.as_planned  # the sheet's planned cell is not read: the plan is the service's
    assert entry.with_planned(240).record == cf.Attendance(date(2024, 12, 23), "present", 240)
