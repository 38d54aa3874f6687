"""The workplace mentor's attendance sheet: which days it lists, and how a filled-in row is read.

Pure: the sheet's lines come from case-file placements; a row read back becomes a case-file
attendance record or a row error that names the sheet row and the column.

The sheet goes to the company by e-mail, so it carries only what the workplace mentor needs: the
expected days and their planned hours. It never shows what is registered (statuses, absence reasons,
notes: health data). The planned hours on it are for reading only: a row read back is checked against
the plan in the database (the service's job), never against the sheet's own "Planlagte timer" cell.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from placement_desk.domain import casefile as cf
from placement_desk.domain.dossier import plan_of
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.plan import days
from placement_desk.domain.sheet_values import (
    CELL_TEXTS,
    CellProblem,
    Minutes,
    check_value,
    day_of,
    hours_of,
    text_of,
)
from placement_desk.domain.vocab import Status

FORMAT = "placement-desk/attendance-sheet"
VERSION = 2  # 2: the sheet says how many lines it has, and shows nothing registered
VERSIONS = (1, 2)  # what the reader takes (a version-1 sheet is read up to MAX_LINES rows)
MAX_LINES = 20_000  # a company's month: 600 citizens x 31 days leaves room; a sheet saying more is refused

# The drop-down list, in the order the mentor sees it, and the codes behind it.
STATUS_LABELS: dict[str, str] = {
    "Mødt": Status.PRESENT.value,
    "Syg": Status.SICK.value,
    "Aftalt fravær": Status.ABSENT_AGREED.value,
    "Udeblevet": Status.ABSENT_UNEXCUSED.value,
}
STATUS_TEXT = {code: text for text, code in STATUS_LABELS.items()}
# The sheet's columns by key, with the heading the mentor sees (the file layout is the exporter's).
HEADINGS: dict[str, str] = {
    "date": "Dato",
    "weekday": "Ugedag",
    "citizen": "Borger",
    "placement": "Forløb",
    "planned": "Planlagte timer",
    "hours": "Timer",
    "status": "Status",
    "reason": "Årsag",
    "note": "Bemærkning",
}
MAX_REASON = 200
NO_HOURS = (Status.SICK.value, Status.ABSENT_UNEXCUSED.value)

# The sheet's own Danish texts of its errors, by message code (``errors.MESSAGES`` has the English ones).
# A sheet is a Danish document, so the command line reports on it in Danish; the UI shows the code's
# text in the user's language (``placement_desk.ui.kit.messages`` takes these as its Danish texts).
# ``{status}`` is a status code, written as the sheet's label; dates are given ISO and written dd-mm-yyyy.
ROW_TEXTS: dict[str, str] = {
    "not_a_month": "er ikke en måned (ÅÅÅÅ-MM): {text}",
    "sheet_errors": "{count} fejl i arket; intet er gemt",
    "sheet_no_plan": "der er ingen planlagte timer denne dag; skriv de timer, borgeren var mødt",
    "sheet_unknown_status": f"{{value}} er ikke en af {', '.join(STATUS_LABELS)}",
    "sheet_placement_missing": "mangler (rækken må ikke ændres)",
    "sheet_date_missing": "mangler eller er ikke en dato (rækken må ikke ændres)",
    "sheet_status_needed": "vælg en status, når der står en årsag eller bemærkning",
    "sheet_future_status": "{day} er efter i dag: kun Aftalt fravær kan skrives på forhånd, ikke {status}",
    "sheet_future_hours": "{day} er efter i dag: der kan ikke være mødt timer endnu",
    "sheet_absence_hours": (
        "{status} og timer: skriv 0 eller lad Timer stå tom (gik borgeren hjem, så vælg Mødt med de timer, "
        "borgeren var der, og skriv årsagen)"
    ),
    "sheet_reason_long": "højst {limit} tegn (skriv resten som bemærkning)",
    "sheet_same_day": "samme forløb og dato som række {other}",
    "sheet_not_company_placement": "{placement} er ikke et forløb hos virksomheden i måneden",
    "sheet_not_in_month": "{day} ligger ikke i arkets måned",
    "sheet_outside_placement": "{day} ligger uden for forløbets periode",
    "sheet_below_last": "ligger under arkets sidste linje (række {last}); skriv kun i arkets linjer",
    **CELL_TEXTS,  # a cell's problems (domain/sheet_values.py)
    # a file that is not a sheet, or not one as it was sent (export/excel_attendance_read.py)
    "sheet_too_many_lines": "{count} linjer er for mange til ét ark (højst {limit})",
    "sheet_not_xlsx": "filen er ikke et Excel-ark (.xlsx), eller den er beskadiget",
    "sheet_not_ours": "arket er ikke et fremmødeark fra Placement Desk",
    "sheet_not_ours_or_newer": "arket er ikke et fremmødeark fra Placement Desk, eller det er fra en nyere udgave",
    "sheet_cannot_read": "filen kan ikke læses ({reason})",
    "sheet_file_too_big": "filen er for stor til et fremmødeark (over {limit} MB)",
    "sheet_file_size": "filen er for stor til et fremmødeark ({size} MB)",
    "sheet_encrypted": "arket er krypteret eller et gammelt .xls-ark; gem det som .xlsx uden adgangskode",
    "sheet_too_many_parts": "filen har {count} dele; et fremmødeark har få (er den et regneark?)",
    "sheet_unpacks_too_big": "filen pakker sig ud til mere end {limit} MB; det er ikke et fremmødeark",
    "sheet_dtd": (
        "{part} indeholder XML-definitioner (DOCTYPE/ENTITY), som et regneark ikke bruger; filen læses ikke af "
        "sikkerhedshensyn"
    ),
    "sheet_company_changed": "arkets oplysninger om virksomheden er ændret; brug arket, som det blev sendt",
    "sheet_month_changed": "arkets oplysninger om måneden er ændret; brug arket, som det blev sendt",
    "sheet_layout_changed": "arkets opbygning er ændret (overskriftsrækken); brug arket, som det blev sendt",
    "sheet_lines_changed": "arkets oplysninger om antallet af linjer er ændret; brug arket, som det blev sendt",
    "sheet_headings_changed": "kolonneoverskrifterne er ændret; brug arket, som det blev sendt",
    "sheet_cell_broken": "en celle kan ikke læses (et ugyldigt tal eller en beskadiget celle)",
}


def sheet_text(code: str, params: Mapping[str, object]) -> str:
    """A sheet error's Danish text: a status named by its label on the sheet, dates as dd-mm-yyyy."""
    shown = {k: STATUS_TEXT.get(str(v), v) if k == "status" else v for k, v in params.items()}
    return re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", r"\3-\2-\1", ROW_TEXTS[code].format(**shown))


def month_bounds(month: str) -> tuple[date, date]:
    """``2024-03`` -> (1 March, 31 March); ValidationError for anything else."""
    try:
        year, mon = (int(x) for x in month.split("-"))
        first = date(year, mon, 1)
    except ValueError:
        raise ValidationError("month", code="not_a_month", text=repr(month)) from None
    return first, date(year, mon, calendar.monthrange(year, mon)[1])


@dataclass(frozen=True)
class SheetLine:
    """One expected day of one citizen's placement on the sheet (minutes)."""

    day: date
    citizen_ref: str
    citizen_name: str
    placement: str
    planned: int


def sheet_lines(
    placements: Iterable[tuple[str, str, cf.Placement]], first: date, last: date, today: date
) -> list[SheetLine]:
    """Every day in [first, last] with planned hours, per (citizen ref, name, placement).

    Sorted by date, then citizen name: the mentor fills the sheet day by day. What is registered for a
    day is not on the sheet (see the module doc).
    """
    out: list[SheetLine] = []
    for citizen_ref, name, p in placements:
        plan = plan_of(p)
        lo, hi = max(first, p.start), min(last, p.end or last)
        for day in days(lo, hi):
            planned = plan.planned(day, max(today, hi))
            if planned > 0:
                out.append(SheetLine(day, citizen_ref, name, p.ref, planned))
    out.sort(key=lambda line: (line.day, line.citizen_name, line.placement))
    return out


class SheetRowError(ValidationError):
    """A bad row of a filled-in sheet: ``row`` is the sheet's row number, ``column`` its heading.

    Give a message code (``ROW_TEXTS``) and its arguments; the text (``str()``, ``message``) is the sheet's
    Danish, and ``code`` / ``params`` let the UI write it in the user's language.
    """

    def __init__(
        self, row: int, column: str, message: str | None = None, *, code: str | None = None, **params: object
    ) -> None:
        super().__init__(f"række {row}, {column}", sheet_text(code, params) if code is not None else message)
        self.code, self.params = code, params
        self.row = row
        self.column = column

    @classmethod
    def coded(cls, row: int, column: str, code: str, params: Mapping[str, object]) -> SheetRowError:
        """The error of a message code whose arguments come as a mapping."""
        error = cls(row, column, sheet_text(code, params))
        error.code, error.params = code, dict(params)
        return error


class SheetFileError(ValidationError):
    """A filled-in sheet refused as a whole (``path`` the file or "fremmødeark"), or from a row on (``row``;
    ``above``: that row or one above it): a message code (``ROW_TEXTS``) and its arguments. The text
    (``str()``) is the sheet's Danish, as for a row; ``code`` / ``params`` let the UI write the user's language.
    """

    def __init__(
        self, path: str = "fremmødeark", *, code: str, row: int | None = None, above: bool = False, **params: object
    ) -> None:
        where = path if row is None else f"række {row}{' eller over' if above else ''}"
        super().__init__(where, sheet_text(code, params))
        self.code, self.params = code, params
        self.row, self.above = row, above


class SheetErrors(ValidationError):
    """Every bad row of a sheet at once; nothing was written."""

    def __init__(self, errors: list[SheetRowError]) -> None:
        lines = "\n".join(str(e) for e in errors)
        super().__init__("fremmødeark", f"{sheet_text('sheet_errors', {'count': len(errors)})}:\n{lines}")
        self.code, self.params = "sheet_errors", {"count": len(errors)}
        self.errors = errors


@dataclass(frozen=True)
class SheetRow:
    """A row as read from the sheet: its number and the raw cell values by column key."""

    row: int
    values: Mapping[str, Any]


@dataclass(frozen=True)
class SheetEntry:
    """A filled-in row: which placement and date, and the attendance record it gives.

    ``as_planned``: Mødt without hours, so the day's planned hours from the plan in the database
    (:meth:`with_planned`); ``rounded``: the hours held a part of a minute and were rounded.
    """

    row: int
    placement: str
    record: cf.Attendance
    as_planned: bool = False
    rounded: bool = False

    def with_planned(self, minutes: int) -> SheetEntry:
        """The entry with the plan's hours for the day (for a Mødt row without hours)."""
        if not self.as_planned:
            return self
        if minutes <= 0:
            raise SheetRowError(self.row, HEADINGS["hours"], code="sheet_no_plan")
        return dataclasses.replace(self, record=dataclasses.replace(self.record, minutes=minutes), as_planned=False)


class _CodedProblem(CellProblem):
    """A cell problem of the sheet's own (``ROW_TEXTS``, which name the sheet's statuses)."""

    def __init__(self, code: str, **params: object) -> None:
        ValueError.__init__(self, sheet_text(code, params))
        self.code, self.params = code, params


def _cell(row: int, key: str, read: Any, value: Any) -> Any:
    try:
        return read(value)
    except CellProblem as exc:
        raise SheetRowError.coded(row, HEADINGS[key], exc.code, exc.params) from None


def _status(value: Any) -> str | None:
    text = text_of(value)
    if text is None:
        return None
    by_label = {k.lower(): v for k, v in STATUS_LABELS.items()}
    code = by_label.get(text.lower()) or (text.lower() if text.lower() in STATUS_TEXT else None)
    if code is None:
        raise _CodedProblem("sheet_unknown_status", value=repr(text))
    return code


def parse_row(row: SheetRow, today: date) -> SheetEntry | None:
    """One row of the sheet: None when the mentor left it empty, else the record it gives.

    Status empty with hours: Mødt. Mødt without hours: as planned (``as_planned``; the caller knows the
    plan). Other statuses without hours: 0. A day after ``today`` takes only Aftalt fravær (no hours);
    Syg and Udeblevet take no hours. Raises SheetRowError naming the row and the column.
    """
    v, r = row.values, row.row
    for key in HEADINGS:  # a formula, an error value or NaN anywhere in the row
        _cell(r, key, check_value, v.get(key))
    placement = _cell(r, "placement", text_of, v.get("placement"))
    day = _cell(r, "date", day_of, v.get("date"))
    if placement is None:
        raise SheetRowError(r, HEADINGS["placement"], code="sheet_placement_missing")
    if day is None:
        raise SheetRowError(r, HEADINGS["date"], code="sheet_date_missing")
    status = _cell(r, "status", _status, v.get("status"))
    hours: Minutes | None = _cell(r, "hours", hours_of, v.get("hours"))
    reason, note = _cell(r, "reason", text_of, v.get("reason")), _cell(r, "note", text_of, v.get("note"))
    if status is None and hours is None:
        if reason or note:
            raise SheetRowError(r, HEADINGS["status"], code="sheet_status_needed")
        return None
    status = status or Status.PRESENT.value
    _check_entry(r, day, status, hours, reason, today)
    as_planned = hours is None and status == Status.PRESENT.value
    minutes = 0 if hours is None else hours.minutes
    record = cf.Attendance(day, status, minutes, reason, note)
    return SheetEntry(r, placement, record, as_planned, rounded=hours is not None and hours.rounded)


def _check_entry(r: int, day: date, status: str, hours: Minutes | None, reason: str | None, today: date) -> None:
    """A day after ``today`` takes only Aftalt fravær without hours; Syg and Udeblevet take no hours;
    the reason has a length limit."""
    worked = hours is not None and hours.minutes > 0
    if day > today:
        if status != Status.ABSENT_AGREED.value:
            raise SheetRowError(r, HEADINGS["status"], code="sheet_future_status", day=day.isoformat(), status=status)
        if worked:
            raise SheetRowError(r, HEADINGS["hours"], code="sheet_future_hours", day=day.isoformat())
    if status in NO_HOURS and worked:
        raise SheetRowError(r, HEADINGS["hours"], code="sheet_absence_hours", status=status)
    if reason is not None and len(reason) > MAX_REASON:
        raise SheetRowError(r, HEADINGS["reason"], code="sheet_reason_long", limit=MAX_REASON)


def collect_rows(rows: Iterable[SheetRow], today: date) -> tuple[list[SheetEntry], list[SheetRowError]]:
    """Every filled-in row, and every bad row (a second row for the same placement and date is bad)."""
    entries: list[SheetEntry] = []
    errors: list[SheetRowError] = []
    seen: dict[tuple[str, date], int] = {}
    for row in rows:
        try:
            entry = parse_row(row, today)
        except SheetRowError as exc:
            errors.append(exc)
            continue
        if entry is None:
            continue
        key = (entry.placement, entry.record.day)
        if key in seen:
            errors.append(SheetRowError(row.row, HEADINGS["date"], code="sheet_same_day", other=seen[key]))
            continue
        seen[key] = row.row
        entries.append(entry)
    return entries, errors


def parse_rows(rows: Iterable[SheetRow], today: date) -> list[SheetEntry]:
    """Every filled-in row, or SheetErrors with every bad row (all or nothing)."""
    entries, errors = collect_rows(rows, today)
    if errors:
        raise SheetErrors(errors)
    return entries


def same_record(a: cf.Attendance, b: cf.Attendance) -> bool:
    """Whether two registrations of a day say the same (texts compared trimmed)."""

    def key(x: cf.Attendance) -> tuple[str, int, str | None, str | None]:
        return x.status, x.minutes, text_of(x.reason), text_of(x.note)

    return key(a) == key(b)
