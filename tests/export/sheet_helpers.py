"""Helpers for the attendance-sheet tests: a seeded database, the sheet made and filled in as a workplace
mentor would (openpyxl), and the package edited at the XML level for what no spreadsheet program writes."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from placement_desk.cli.main import main
from placement_desk.db.engine import Database
from placement_desk.domain.roles import Role
from placement_desk.services import attendance_sheet as sheets
from placement_desk.services.casefile_io import export_case_file, import_case_file
from tests.casefiles import case_file, ramp_down_citizen

# March 2023 (no holidays): Mon-Fri 4 h from 1 March, Mon+Wed 2 h from 13 March -> 14 expected days.
EXPECTED_DAYS = [1, 2, 3, 6, 7, 8, 9, 10, 13, 15, 20, 22, 27, 29]
COLS = {"date": 1, "citizen": 3, "placement": 4, "planned": 5, "hours": 6, "status": 7, "reason": 8, "note": 9}
SHEET_XML = "xl/worksheets/sheet1.xml"


def seed(db: Database, attendance: list[dict[str, Any]] | None = None) -> Database:
    """D. C. at co-saxo in March 2023 (one day registered), and a second citizen at another company."""
    citizen = ramp_down_citizen()
    citizen["placements"][0]["attendance"] = attendance or [{"date": "2023-03-01", "status": "present", "hours": 4}]
    other = copy.deepcopy(ramp_down_citizen())  # a second citizen at another company: not on the sheet
    other["ref"], other["name"], other["cpr"] = "XX", "Anden Borger", None
    other["placements"][0].update(ref="XX-1", company="co-kids", workplace_mentor=None, attendance=[])
    other["followups"] = []
    import_case_file(db, case_file(citizen, other))
    if db.key is None:  # a plain database for tests without the command line (keyed_db has the administrator)
        from placement_desk.services import users
        from tests.conftest import CLI_ADMIN, CLI_PASSWORD

        users.create_user(db, CLI_ADMIN, "Administrator", Role.ADMINISTRATOR, CLI_PASSWORD)
    return db


def attendance(db: Database, ref: str = "DC") -> list[dict[str, Any]]:
    data = export_case_file(db, ref)
    return list(data["citizens"][0]["placements"][0]["attendance"])


def rows_by_day(ws: Worksheet) -> dict[int, int]:
    out = {}
    for r in range(11, ws.max_row + 1):
        value = ws.cell(row=r, column=1).value
        if isinstance(value, datetime):
            out[value.day] = r
    return out


def fill(ws: Worksheet, row: int, **values: Any) -> None:
    for key, value in values.items():  # None clears the cell (ws.cell(value=None) would leave it)
        ws.cell(row=row, column=COLS[key]).value = value


def save(wb: Any) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def make(db: Database) -> tuple[Any, Worksheet, dict[int, int]]:
    sheet = sheets.make_attendance_sheet(db, "co-saxo", "2023-03")
    assert sheet.filename == "fremmoedeark-co-saxo-2023-03.xlsx"
    wb = load_workbook(io.BytesIO(sheet.content))
    ws = wb["Fremmøde"]
    return wb, ws, rows_by_day(ws)


def parts(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def repack(content: bytes, edit: dict[str, Callable[[bytes], bytes]]) -> bytes:
    """The same package with some parts rewritten (``edit[name](old) -> new``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts(content).items():
            zf.writestr(name, edit[name](data) if name in edit else data)
    return out.getvalue()


def set_raw_cell(ref: str, xml_value: str, t: str = "n") -> Callable[[bytes], bytes]:
    """An edit that gives cell ``ref`` the raw ``<v>`` text (``NaN``, ``INF``, ``1e999``), as a hand-edited
    or foreign-made file may hold; the cell keeps its style."""

    def edit(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        pattern = re.compile(rf'<c r="{ref}"([^>]*?)(?:/>|>.*?</c>)')
        assert pattern.search(text), ref

        def cell(m: re.Match[str]) -> str:
            attrs = re.sub(r'\st="[^"]*"', "", m.group(1))
            return f'<c r="{ref}"{attrs} t="{t}"><v>{xml_value}</v></c>'

        return pattern.sub(cell, text, count=1).encode("utf-8")

    return edit


def cli(db_path: Path, *args: str) -> int:
    return main(["--db", f"sqlite:///{db_path}", *args])
