"""The workplace mentor's attendance sheet: make it for a company and a month, read it back.

- :func:`make_attendance_sheet` - the .xlsx with every expected day per citizen and its planned hours
  (nothing registered: the sheet goes to the company, and absence reasons are health data);
- :func:`review_attendance_sheet` - validate every row and compare with what is registered; writes nothing;
- :func:`apply_attendance_sheet` - the same checks, then store new days (and the conflicts the user
  chose to overwrite) in one transaction. All or nothing; reading the same sheet twice changes nothing.

A row is checked against the database, never against what else the sheet says: the placement must be
the company's and the date in its period, and Mødt without hours takes the plan's hours for the day.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.attendance_sheet import (
    HEADINGS,
    SheetEntry,
    SheetErrors,
    SheetRowError,
    collect_rows,
    month_bounds,
    same_record,
    sheet_lines,
)
from placement_desk.domain.dossier import plan_of
from placement_desk.domain.plan import PlacementPlan
from placement_desk.domain.roles import Permission
from placement_desk.export.excel_attendance import render_attendance_sheet, sheet_filename
from placement_desk.export.excel_attendance_read import read_attendance_sheet
from placement_desk.export.excel_attendance_read import read_sheet_file as read_sheet_file  # for the UI and CLI
from placement_desk.services import access, audit, mapping
from placement_desk.services.attendance import UNCHECKED, DayWrite
from placement_desk.services.audit import audited
from placement_desk.services.common import by_ref, today
from placement_desk.services.documents import DocumentFile
from placement_desk.services.use_case import database_of, use_case

ACTOR = "fremmødeark"


@dataclass(frozen=True)
class SheetChange:
    """A day the sheet registers: ``before`` is what was registered (None: nothing)."""

    row: int
    placement: str
    citizen: str
    day: date
    after: cf.Attendance
    before: cf.Attendance | None = None


@dataclass
class SheetReview:
    """What reading a sheet would do: new days, days already registered the same, and conflicts."""

    company: str
    month: str
    new: list[SheetChange] = field(default_factory=list)
    conflicts: list[SheetChange] = field(default_factory=list)  # registered differently: the user decides
    unchanged: int = 0
    empty_rows: int = 0
    rounded: int = 0  # rows whose hours held a part of a minute: rounded to the whole minute (half up)


@dataclass
class SheetResult:
    review: SheetReview
    written: list[SheetChange] = field(default_factory=list)  # new days stored
    overwritten: list[SheetChange] = field(default_factory=list)  # conflicts replaced by the sheet's values
    kept: list[SheetChange] = field(default_factory=list)  # conflicts left as registered

    def redo_writes(self, check: bool = True) -> list[DayWrite]:
        """The days the sheet wrote, as :func:`~placement_desk.services.attendance.write_days` writes them
        again (each expecting what was there before the sheet; ``check=False``: whatever is there)."""
        return [DayWrite(c.placement, c.day, c.after, c.before if check else UNCHECKED) for c in self._changed()]

    def undo_writes(self, check: bool = True) -> list[DayWrite]:
        """What puts the days the sheet wrote back as they were (each expecting the sheet's value)."""
        return [DayWrite(c.placement, c.day, c.before, c.after if check else UNCHECKED) for c in self._changed()]

    def _changed(self) -> list[SheetChange]:
        return [*self.written, *self.overwritten]

    def describe(self) -> str:
        rounded = (
            f"; timerne i {self.review.rounded} rækker er afrundet til hele minutter" if self.review.rounded else ""
        )
        return (
            f"{len(self.written)} nye dage gemt, {len(self.overwritten)} overskrevet, "
            f"{self.review.unchanged} uændrede, {len(self.kept)} konflikter ikke overskrevet{rounded}"
        )


def _company_placements(s: Session, company: m.Company, first: date, last: date) -> list[m.Placement]:
    return list(
        s.scalars(
            select(m.Placement)
            .where(
                m.Placement.company_id == company.id,
                m.Placement.archived_at.is_(None),
                m.Placement.start <= last,
                (m.Placement.end.is_(None)) | (m.Placement.end >= first),
            )
            .options(
                selectinload(m.Placement.citizen),
                selectinload(m.Placement.company),
                selectinload(m.Placement.schedule),
                selectinload(m.Placement.attendance),
                selectinload(m.Placement.capacity).selectinload(m.CapacityAssessment.tasks),
                selectinload(m.Placement.tasks),
                selectinload(m.Placement.workplace_mentor),
            )
        )
    )


@access.requires(Permission.ATTENDANCE, scoped=True)
def make_attendance_sheet(db: Database, company_ref: str, month: str) -> DocumentFile:
    """The attendance sheet of a company for a month (``YYYY-MM``): one row per expected day per citizen."""
    first, last = month_bounds(month)
    with audited(db, Permission.ATTENDANCE, audit.EXPORT, "make an attendance sheet", scoped=True) as s:
        company = by_ref(s, m.Company, company_ref)
        access.require_company(s, db, Permission.ATTENDANCE, company.id, "make an attendance sheet")
        rows = [
            (p.citizen.ref, p.citizen.name, mapping.placement_out(p))
            for p in _company_placements(s, company, first, last)
            if p.citizen.archived_at is None
        ]
        name = company.name
    lines = sheet_lines(rows, first, last, today())
    content = render_attendance_sheet(company_ref, name, month, lines)
    return DocumentFile("xlsx", sheet_filename(company_ref, month), content)


def _review(
    s: Session, db: Database, content: bytes
) -> tuple[SheetReview, list[tuple[SheetChange, m.AttendanceRecord | None]]]:
    meta, raw = read_attendance_sheet(content)
    first, last = month_bounds(meta.month)
    now = today()
    entries, errors = collect_rows(raw, now)
    company = by_ref(s, m.Company, meta.company_ref)
    access.require_company(s, db, Permission.ATTENDANCE, company.id, "read an attendance sheet")
    placements = {p.ref: p for p in _company_placements(s, company, first, last)}
    plans: dict[str, PlacementPlan] = {}
    review = SheetReview(meta.company_ref, meta.month, empty_rows=len(raw) - len(entries) - len(errors))
    pairs: list[tuple[SheetChange, m.AttendanceRecord | None]] = []
    for entry in entries:
        e, p = entry, placements.get(entry.placement)
        problem = _problem(e, p, first, last)
        if problem:
            errors.append(SheetRowError.coded(e.row, *problem))
            continue
        assert p is not None
        if e.as_planned:  # Mødt without hours: the plan in the database, never the sheet's planned cell
            plan = plans.get(p.ref) or plans.setdefault(p.ref, plan_of(mapping.placement_out(p)))
            try:
                e = e.with_planned(plan.planned(e.record.day, now))
            except SheetRowError as exc:
                errors.append(exc)
                continue
        review.rounded += int(e.rounded)
        existing = next((a for a in p.attendance if a.day == e.record.day), None)
        before = (
            cf.Attendance(existing.day, existing.status, existing.minutes, existing.reason, existing.note)
            if existing
            else None
        )
        change = SheetChange(e.row, p.ref, p.citizen.name, e.record.day, e.record, before)
        if before is None:
            review.new.append(change)
        elif same_record(before, e.record):
            review.unchanged += 1
            continue
        else:
            review.conflicts.append(change)
        pairs.append((change, existing))
    if errors:
        raise SheetErrors(sorted(errors, key=lambda x: x.row))
    return review, pairs


def _problem(
    e: SheetEntry, p: m.Placement | None, first: date, last: date
) -> tuple[str, str, dict[str, object]] | None:
    """What is wrong with a row in the database's eyes: (column heading, message code, its arguments)."""
    day = e.record.day.isoformat()
    if p is None:
        return HEADINGS["placement"], "sheet_not_company_placement", {"placement": e.placement}
    if not first <= e.record.day <= last:
        return HEADINGS["date"], "sheet_not_in_month", {"day": day}
    if e.record.day < p.start or (p.end is not None and e.record.day > p.end):
        return HEADINGS["date"], "sheet_outside_placement", {"day": day}
    return None


def review_attendance_sheet(db: Database, content: bytes) -> SheetReview:
    """Validate a filled-in sheet and compare it with what is registered; nothing is written.

    Raises SheetErrors (a ValidationError; ``.errors`` lists each bad row with its row number and column)
    or ValidationError when the file is not an attendance sheet.
    """
    access.require(db, Permission.ATTENDANCE, "read an attendance sheet")
    with db.reading() as s:
        return _review(s, db, content)[0]


@use_case(Permission.ATTENDANCE, audit.IMPORT, "apply an attendance sheet", scoped=True)
def apply_attendance_sheet(
    s: Session,
    content: bytes,
    overwrite: bool | Collection[tuple[str, date]] = False,
    actor: str | None = None,
) -> SheetResult:
    """Store the sheet's new days, and the conflicts chosen in ``overwrite`` (True: all; or a set of
    (placement ref, date)); other conflicts keep what is registered. One transaction, all or nothing.
    The result's ``written`` and ``overwritten`` say what undo puts back (:func:`SheetResult.undo_writes`).
    """
    who = actor or ACTOR
    review, pairs = _review(s, database_of(s), content)
    result = SheetResult(review)
    now = utcnow()
    for change, existing in pairs:
        row = existing
        if row is not None:
            chosen = overwrite is True or (
                not isinstance(overwrite, bool) and (change.placement, change.day) in overwrite
            )
            if not chosen:
                result.kept.append(change)
                continue
            result.overwritten.append(change)
        else:
            placement = by_ref(s, m.Placement, change.placement)
            row = m.AttendanceRecord(placement_id=placement.id, day=change.day)
            s.add(row)
            result.written.append(change)
        a = change.after
        row.status, row.minutes, row.reason, row.note = a.status, a.minutes, a.reason, a.note
        row.logged_by, row.logged_at, row.updated_by = who, now, who
    return result
