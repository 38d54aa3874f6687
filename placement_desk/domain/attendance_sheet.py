"""The workplace mentor's attendance sheet: which days it lists, and how a filled-in row is read.

Pure: the sheet's lines come from case-file placements; a row read back becomes a case-file
attendance record or a row error that names the sheet row and the column.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from placement_desk.domain import casefile as cf
from placement_desk.domain.dossier import plan_of
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.numbers import minutes_from_hours
from placement_desk.domain.plan import days
from placement_desk.domain.vocab import Status

FORMAT = "placement-desk/attendance-sheet"
VERSION = 1

# The drop-down list, in the order the mentor sees it, and the codes behind it.
STATUS_LABELS: dict[str, str] = {
    "Mødt": Status.PRESENT.value,
    "Syg": Status.SICK.value,
    "Aftalt fravær": Status.ABSENT_AGREED.value,
    "Udeblevet": Status.ABSENT_UNEXCUSED.value,
}
STATUS_TEXT = {code: text for text, code in STATUS_LABELS.items()}
MAX_REASON = 200


def month_bounds(month: str) -> tuple[date, date]:
    """``2024-03`` -> (1 March, 31 March); ValidationError for anything else."""
    try:
        year, mon = (int(x) for x in month.split("-"))
        first = date(year, mon, 1)
    except ValueError:
        raise ValidationError("month", f"not a month (YYYY-MM): {month!r}") from None
    return first, date(year, mon, calendar.monthrange(year, mon)[1])


@dataclass(frozen=True)
class SheetLine:
    """One expected day of one citizen's placement on the sheet (minutes)."""

    day: date
    citizen_ref: str
    citizen_name: str
    placement: str
    planned: int
    existing: cf.Attendance | None


def sheet_lines(
    placements: Iterable[tuple[str, str, cf.Placement]], first: date, last: date, today: date
) -> list[SheetLine]:
    """Every day in [first, last] with planned hours or a registration, per (citizen ref, name, placement).

    Sorted by date, then citizen name: the mentor fills the sheet day by day.
    """
    out: list[SheetLine] = []
    for citizen_ref, name, p in placements:
        plan = plan_of(p)
        records = {a.day: a for a in p.attendance}
        lo, hi = max(first, p.start), min(last, p.end or last)
        for day in days(lo, hi):
            planned = plan.planned(day, max(today, hi))
            if planned > 0 or day in records:
                out.append(SheetLine(day, citizen_ref, name, p.ref, planned, records.get(day)))
    out.sort(key=lambda line: (line.day, line.citizen_name, line.placement))
    return out


class SheetRowError(ValidationError):
    """A bad row of a filled-in sheet: ``row`` is the sheet's row number, ``column`` its heading."""

    def __init__(self, row: int, column: str, message: str) -> None:
        super().__init__(f"række {row}, {column}", message)
        self.row = row
        self.column = column


class SheetErrors(ValidationError):
    """Every bad row of a sheet at once; nothing was written."""

    def __init__(self, errors: list[SheetRowError]) -> None:
        lines = "\n".join(str(e) for e in errors)
        super().__init__("fremmødeark", f"{len(errors)} fejl i arket; intet er gemt:\n{lines}")
        self.errors = errors


@dataclass(frozen=True)
class SheetRow:
    """A row as read from the sheet: its number and the raw cell values by column key."""

    row: int
    values: Mapping[str, Any]


@dataclass(frozen=True)
class SheetEntry:
    """A filled-in row: which placement and date, and the attendance record it gives."""

    row: int
    placement: str
    record: cf.Attendance


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if text is None:
        return None
    for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d-%m-%Y").date()):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


def _hours(value: Any, row: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise SheetRowError(row, "Timer", "skal være et tal")
    try:
        number = Fraction(str(value).strip().replace(",", ".")) if isinstance(value, str) else Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise SheetRowError(row, "Timer", f"{value!r} er ikke et tal (skriv fx 3 eller 2,5)") from None
    if not 0 <= number <= 24:
        raise SheetRowError(row, "Timer", f"{float(number):g} er ikke mellem 0 og 24")
    try:
        return minutes_from_hours(number)
    except ValueError:
        raise SheetRowError(row, "Timer", "skal være hele minutter (fx 2,25 = 2 timer og 15 minutter)") from None


def _status(value: Any, row: int) -> str | None:
    text = _text(value)
    if text is None:
        return None
    by_label = {k.lower(): v for k, v in STATUS_LABELS.items()}
    code = by_label.get(text.lower()) or (text.lower() if text.lower() in STATUS_TEXT else None)
    if code is None:
        raise SheetRowError(row, "Status", f"{text!r} er ikke en af {', '.join(STATUS_LABELS)}")
    return code


def parse_row(row: SheetRow) -> SheetEntry | None:
    """One row of the sheet: None when the mentor left it empty, else the record it gives.

    Status empty with hours: Mødt. Mødt without hours: as planned. Other statuses without hours: 0.
    Raises SheetRowError naming the row and the column.
    """
    v = row.values
    placement = _text(v.get("placement"))
    day = _day(v.get("date"))
    if placement is None:
        raise SheetRowError(row.row, "Forløb", "mangler (rækken må ikke ændres)")
    if day is None:
        raise SheetRowError(row.row, "Dato", "mangler eller er ikke en dato (rækken må ikke ændres)")
    status = _status(v.get("status"), row.row)
    minutes = _hours(v.get("hours"), row.row)
    reason, note = _text(v.get("reason")), _text(v.get("note"))
    if status is None and minutes is None:
        if reason or note:
            raise SheetRowError(row.row, "Status", "vælg en status, når der står en årsag eller bemærkning")
        return None
    status = status or Status.PRESENT.value
    if minutes is None:
        planned = _hours(v.get("planned"), row.row) or 0
        minutes = planned if status == Status.PRESENT.value else 0
    if reason is not None and len(reason) > MAX_REASON:
        raise SheetRowError(row.row, "Årsag", f"højst {MAX_REASON} tegn (skriv resten som bemærkning)")
    return SheetEntry(row.row, placement, cf.Attendance(day, status, minutes, reason, note))


def collect_rows(rows: Iterable[SheetRow]) -> tuple[list[SheetEntry], list[SheetRowError]]:
    """Every filled-in row, and every bad row (a second row for the same placement and date is bad)."""
    entries: list[SheetEntry] = []
    errors: list[SheetRowError] = []
    seen: dict[tuple[str, date], int] = {}
    for row in rows:
        try:
            entry = parse_row(row)
        except SheetRowError as exc:
            errors.append(exc)
            continue
        if entry is None:
            continue
        key = (entry.placement, entry.record.day)
        if key in seen:
            errors.append(SheetRowError(row.row, "Dato", f"samme forløb og dato som række {seen[key]}"))
            continue
        seen[key] = row.row
        entries.append(entry)
    return entries, errors


def parse_rows(rows: Iterable[SheetRow]) -> list[SheetEntry]:
    """Every filled-in row, or SheetErrors with every bad row (all or nothing)."""
    entries, errors = collect_rows(rows)
    if errors:
        raise SheetErrors(errors)
    return entries


def same_record(a: cf.Attendance, b: cf.Attendance) -> bool:
    """Whether two registrations of a day say the same (texts compared trimmed)."""
    return (a.status, a.minutes, _text(a.reason), _text(a.note)) == (b.status, b.minutes, _text(b.reason), _text(b.note))
