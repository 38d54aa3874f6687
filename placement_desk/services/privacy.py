"""The data subject's rights (GDPR): everything about one citizen in one file, erasure, and the retention list.

- :func:`subject_export` - one ZIP with the citizen's case file, every issued document exactly as it was
  sent (with who, when and to whom), the audit log entries about them and a short Danish read-me;
- :func:`erase_citizen` - delete the citizen and everything of theirs in one transaction, blank the
  audit details about or mentioning them (the hash chain still verifies), and leave no old copy in the
  SQLite file (``secure_delete`` zeroes deleted content; the WAL is checkpointed and truncated after);
- :func:`retention_candidates` - citizens whose path closed more than N years ago (oldest first).

A PostgreSQL server keeps deleted rows until its own VACUUM; that is the server administrator's job.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session, selectinload

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import NotFoundError, ValidationError
from placement_desk.domain.roles import Permission
from placement_desk.export.json_summary import dumps
from placement_desk.services import access, audit, mapping
from placement_desk.services.common import load_citizen, today
from placement_desk.services.use_case import database_of, use_case

CASE_FILE = "sagsfil.json"
TEXTS = "beskrivelse.json"
LOG = "log.json"
README = "LAESMIG.txt"
ISSUED = "udstedte"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the same data gives the same bytes
RETENTION_YEARS = 5

_README = """\
Indsigt: alle oplysninger om borgeren {ref}
Dannet {day} af {user} i Placement Desk.

Indhold
- sagsfil.json: borgerens sag, som den er registreret: stamoplysninger, henvisninger, forløb i
  virksomheder (opgaver, timeplaner, fremmøde og fravær, arbejdsevnevurderinger), opfølgninger,
  skånehensyn og mål. Virksomhederne, som borgeren har været i forløb hos, er med.
- beskrivelse.json: konsulentens tekster til beskrivelsen af borgeren (arbejdsevnedokumentationen),
  pr. skabelon og overskrift.
- udstedte/: hvert dokument, der er udstedt (sendt) om borgeren, præcis som det blev sendt
  (PDF, Excel og/eller JSON; en fil kan være beskyttet med den adgangskode, der blev brugt).
  <nr>-resume.json fortæller hvem der udstedte det, hvornår, til hvem, og hvad det indeholdt.
- log.json: revisionsloggen om borgeren: hvem der har set, søgt, oprettet, ændret, eksporteret
  eller udstedt oplysninger om borgeren og hvornår (tidspunkter i UTC).

Filerne er UTF-8-tekst (JSON) undtagen de udstedte PDF- og Excel-filer.
"""


# ---- data-subject export -------------------------------------------------------------------------


def _safe_name(name: str) -> str:
    return re.sub(r"[\\/:\x00-\x1f]+", "_", name).lstrip(".") or "fil"


def _zip_entry(archive: zipfile.ZipFile, name: str, content: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, content)


def _case_file(session: Session, row: m.Citizen) -> dict[str, Any]:
    """The citizen's case file exactly as ``casefile_io.export_case_file(db, ref)`` gives it."""
    refs = {p.company.ref for p in row.placements if p.archived_at is None}
    companies = list(session.scalars(select(m.Company).where(m.Company.ref.in_(refs))))
    case = cf.CaseFile(
        companies=tuple(mapping.company_out(c) for c in companies),
        citizens=(mapping.citizen_out(row),),
    )
    return cf.case_file_json(case)


def _texts(row: m.Citizen) -> dict[str, Any]:
    """The consultant's description texts of the citizen: template -> heading -> text."""
    out: dict[str, dict[str, str]] = {}
    for t in sorted(row.dossier_texts, key=lambda t: (t.template, t.heading)):
        out.setdefault(t.template, {})[t.heading] = t.text
    return {"citizen": row.ref, "texts": out}


def _issued(session: Session, citizen_id: int) -> list[m.IssuedDocument]:
    return list(
        session.scalars(
            select(m.IssuedDocument)
            .where(m.IssuedDocument.citizen_id == citizen_id)
            .options(selectinload(m.IssuedDocument.files))
            .order_by(m.IssuedDocument.id)
        )
    )


def _resume(d: m.IssuedDocument) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": d.kind,
        "period_from": d.period_from.isoformat(),
        "period_to": d.period_to.isoformat(),
        "recipient": d.recipient,
        "issued_at": d.issued_at.isoformat(),
        "issued_by": d.issued_by,
        "assessment": d.assessment,
        "recommendation": d.recommendation,
        "template": {"key": d.template_key, "version": d.template_version} if d.template_key else None,
        "incomplete_reason": d.incomplete_reason,
        "incomplete_items": list(d.incomplete_items or []),
        "files": [
            {"format": f.format, "filename": f.filename, "sha256": f.sha256, "size": f.size, "protected": f.protected}
            for f in sorted(d.files, key=lambda f: (f.format, f.id))
        ],
        "summary": json.loads(d.summary_json),
    }


def _log(session: Session, citizen_id: int) -> list[dict[str, Any]]:
    """The audit entries about the citizen; a citizen id reused after an erasure (SQLite may hand out
    an erased citizen's id again) starts after that erasure's entry."""
    entries = audit.citizen_entries(session, citizen_id)
    erased = [e.id for e in entries if e.action == audit.ERASE and e.citizen_id == citizen_id]
    if erased:
        entries = [e for e in entries if e.id > max(erased)]
    return [
        {"at": e.at.isoformat(), "username": e.username, "action": e.action, "details": e.details}
        for e in entries
    ]


@use_case(Permission.EXPORT, audit.EXPORT, "export everything about a citizen")
def subject_export(s: Session, citizen_ref: str) -> bytes:
    """Everything about one citizen as one ZIP (the right of access, GDPR art. 15): ``sagsfil.json``,
    ``udstedte/<id>-<file name>`` and ``udstedte/<id>-resume.json`` per issued document, ``log.json``
    and ``LAESMIG.txt``. One "export" entry in the audit log. Raises NotFoundError."""
    row = load_citizen(s, citizen_ref)
    case_file = _case_file(s, row)
    issued = _issued(s, row.id)
    log = _log(s, row.id)
    audit.about(s, row.id, what="data-subject export")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        readme = _README.format(ref=row.ref, day=today().strftime("%d-%m-%Y"), user=access.actor_name(database_of(s)))
        _zip_entry(archive, README, readme.encode("utf-8"))
        _zip_entry(archive, CASE_FILE, dumps(case_file).encode("utf-8"))
        _zip_entry(archive, TEXTS, dumps(_texts(row)).encode("utf-8"))
        for d in issued:
            for f in sorted(d.files, key=lambda f: (f.format, f.id)):
                _zip_entry(archive, f"{ISSUED}/{d.id}-{_safe_name(f.filename)}", f.content)
            _zip_entry(archive, f"{ISSUED}/{d.id}-resume.json", dumps(_resume(d)).encode("utf-8"))
        _zip_entry(archive, LOG, dumps({"citizen": row.ref, "entries": log}).encode("utf-8"))
    return buffer.getvalue()


# ---- erasure -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErasureReport:
    """What an erasure removed: rows per table, audit entries blanked, and whether the SQLite WAL was
    emptied (False only if another connection kept reading; the next checkpoint then clears it)."""

    ref: str
    citizen_id: int
    deleted: dict[str, int] = field(default_factory=dict)
    audit_redacted: int = 0
    wal_cleared: bool = True

    @property
    def total(self) -> int:
        return sum(self.deleted.values())

    def describe(self) -> str:
        parts = ", ".join(f"{n} {table}" for table, n in self.deleted.items() if n)
        return f"deleted {parts}; {self.audit_redacted} audit entries blanked"


def cpr_forms(cpr: str | None) -> list[str]:
    """A CPR number as it may be written: with and without the dash."""
    if not cpr:
        return []
    digits = re.sub(r"\D", "", cpr)
    forms = [cpr, digits]
    if len(digits) == 10:
        forms.append(f"{digits[:6]}-{digits[6:]}")
    return list(dict.fromkeys(f for f in forms if f))


def _check_reason(reason: str, ref: str, name: str, cpr: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError("reason", code="required")
    folded = text.casefold()
    words = [w for w in re.split(r"\s+", name.strip()) if len(w.strip(".,-")) >= 3]
    named = (name.strip() and name.strip().casefold() in folded) or any(
        re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", folded) for w in words
    )
    digits = re.sub(r"\D", "", text)
    cpr_digits = re.sub(r"\D", "", cpr or "")
    if named or (cpr_digits and cpr_digits in digits) or re.search(rf"(?<!\w){re.escape(ref)}(?!\w)", text):
        raise ValidationError("reason", code="reason_names_citizen")
    return text


def _delete_rows(session: Session, citizen_id: int) -> dict[str, int]:
    """Every row of the citizen, children first (bulk deletes: no before/after values in the audit log)."""
    placements = select(m.Placement.id).where(m.Placement.citizen_id == citizen_id)
    assessments = select(m.CapacityAssessment.id).where(m.CapacityAssessment.placement_id.in_(placements))
    followups = select(m.Followup.id).where(m.Followup.citizen_id == citizen_id)
    referrals = select(m.Referral.id).where(m.Referral.citizen_id == citizen_id)
    goals = select(m.Goal.id).where(m.Goal.citizen_id == citizen_id)
    documents = select(m.IssuedDocument.id).where(m.IssuedDocument.citizen_id == citizen_id)
    steps: list[tuple[type[Any], ColumnElement[bool]]] = [
        (m.AttendanceRecord, m.AttendanceRecord.placement_id.in_(placements)),
        (m.ScheduleStep, m.ScheduleStep.placement_id.in_(placements)),
        (m.CapacityTask, m.CapacityTask.assessment_id.in_(assessments)),
        (m.CapacityAssessment, m.CapacityAssessment.placement_id.in_(placements)),
        (m.PlacementTask, m.PlacementTask.placement_id.in_(placements)),
        (m.FollowupCorrection, m.FollowupCorrection.followup_id.in_(followups)),
        (m.Followup, m.Followup.citizen_id == citizen_id),
        (m.Observation, m.Observation.citizen_id == citizen_id),
        (m.ProfileItem, m.ProfileItem.citizen_id == citizen_id),
        (m.DossierText, m.DossierText.citizen_id == citizen_id),
        (m.Placement, m.Placement.citizen_id == citizen_id),
        (m.ReferralExtension, m.ReferralExtension.referral_id.in_(referrals)),
        (m.Referral, m.Referral.citizen_id == citizen_id),
        (m.Accommodation, m.Accommodation.citizen_id == citizen_id),
        (m.SubGoal, m.SubGoal.goal_id.in_(goals)),
        (m.GoalScore, m.GoalScore.goal_id.in_(goals)),
        (m.Goal, m.Goal.citizen_id == citizen_id),
        (m.IssuedFile, m.IssuedFile.document_id.in_(documents)),
        (m.IssuedDocument, m.IssuedDocument.citizen_id == citizen_id),
        (m.Citizen, m.Citizen.id == citizen_id),
    ]
    counts: dict[str, int] = {}
    for model, where in steps:
        table = model.__table__.name
        counts[table] = int(session.scalar(select(func.count()).select_from(model).where(where)) or 0)
        if counts[table]:
            session.execute(delete(model).where(where).execution_options(synchronize_session=False))
    return counts


def _clear_wal(db: Database) -> bool:
    """Copy the WAL into the database file and truncate it, so no old page stays in the WAL."""
    if db.engine.dialect.name != "sqlite":
        return True
    with db.engine.connect() as conn:
        busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
    return busy is None or int(busy[0]) == 0


def erase_citizen(db: Database, citizen_ref: str, reason: str) -> ErasureReport:
    """Erase a citizen for good (the right to erasure, GDPR art. 17): the citizen and every row of theirs
    in one transaction (companies and contacts stay), the details of audit entries about or mentioning
    them blanked, and one "erasure" entry naming only the erased id and the administrator's ``reason``
    (which must not contain the citizen's name, CPR number or ref). Raises ValidationError /
    NotFoundError (nothing changed). The SQLite WAL is emptied after the erasure's transaction."""
    report = _erase(db, citizen_ref, reason)
    return replace(report, wal_cleared=_clear_wal(db))


@use_case(Permission.ADMIN, audit.ERASE, "erase a citizen")
def _erase(s: Session, citizen_ref: str, reason: str) -> ErasureReport:
    if not (reason or "").strip():
        raise ValidationError("reason", code="required")
    found = s.execute(
        select(m.Citizen.id, m.Citizen.ref, m.Citizen.name, m.Citizen.cpr).where(m.Citizen.ref == citizen_ref)
    ).first()
    if found is None:
        raise NotFoundError("citizen", citizen_ref)
    citizen_id, ref, name, cpr = int(found[0]), str(found[1]), str(found[2]), found[3]
    text = _check_reason(reason, ref, name, cpr)
    deleted = _delete_rows(s, citizen_id)
    redacted = audit.redact_citizen(s, citizen_id, [name, *cpr_forms(cpr), f'"{ref}"'])
    audit.about(s, citizen_id, event="citizen erased", reason=text, deleted=deleted)
    return ErasureReport(ref, citizen_id, deleted, redacted, wal_cleared=False)


# ---- retention -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionRow:
    ref: str
    name: str
    last_activity: date
    archived: bool


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _later(into: dict[int, date], citizen_id: int, day: date | None) -> None:
    if day is not None and (citizen_id not in into or day > into[citizen_id]):
        into[citizen_id] = day


def _placement_activity(s: Session, on: date, last: dict[int, date], running: set[int]) -> None:
    """Placement starts and ends into ``last``; citizens with a placement running on ``on`` or later."""
    for citizen_id, start, end, archived_at in s.execute(
        select(m.Placement.citizen_id, m.Placement.start, m.Placement.end, m.Placement.archived_at)
    ):
        _later(last, citizen_id, start)
        _later(last, citizen_id, end)
        if archived_at is None and (end is None or end >= on):
            running.add(citizen_id)


def _referral_activity(s: Session, on: date, last: dict[int, date], running: set[int]) -> None:
    """Referral starts and (extended) ends into ``last``; citizens with a referral running on ``on``."""
    extended: dict[int, date] = {
        referral_id: day
        for referral_id, day in s.execute(
            select(m.ReferralExtension.referral_id, func.max(m.ReferralExtension.new_end))
            .group_by(m.ReferralExtension.referral_id)
        )
    }
    for referral_id, citizen_id, start, end in s.execute(
        select(m.Referral.id, m.Referral.citizen_id, m.Referral.start, m.Referral.end)
    ):
        until = max(d for d in (end, extended.get(referral_id)) if d is not None) if end is not None else None
        _later(last, citizen_id, start)
        _later(last, citizen_id, until)
        if until is None or until >= on:
            running.add(citizen_id)


@use_case(Permission.ADMIN, audit.LIST, "list the retention candidates")
def retention_candidates(s: Session, years: int = RETENTION_YEARS, on: date | None = None) -> list[RetentionRow]:
    """Citizens whose path is closed (archived, or no placement or referral running on ``on`` or later)
    and whose last activity (placement start/end, follow-up, attendance, referral end) is more than
    ``years`` years before ``on`` (default today), oldest first. A citizen with nothing recorded counts
    from the day they were created. The list (with names) is a read in the audit log."""
    if not 0 <= years <= 100:
        raise ValidationError("years", code="between", low=0, high=100)
    on = on or today()
    cutoff = _years_before(on, years)
    last: dict[int, date] = {}
    running: set[int] = set()
    _placement_activity(s, on, last, running)
    _referral_activity(s, on, last, running)
    for citizen_id, day in s.execute(select(m.Followup.citizen_id, func.max(m.Followup.day))
                                     .group_by(m.Followup.citizen_id)):  # fmt: skip
        _later(last, citizen_id, day)
    for citizen_id, day in s.execute(
        select(m.Placement.citizen_id, func.max(m.AttendanceRecord.day))
        .join(m.Placement, m.AttendanceRecord.placement_id == m.Placement.id)
        .group_by(m.Placement.citizen_id)
    ):
        _later(last, citizen_id, day)
    rows, shown = [], []
    for c in s.execute(
        select(m.Citizen.id, m.Citizen.ref, m.Citizen.name, m.Citizen.archived_at, m.Citizen.created_at)
    ):
        archived = c.archived_at is not None
        if not archived and c.id in running:
            continue
        when = last.get(c.id) or c.created_at.date()
        if when < cutoff:
            rows.append(RetentionRow(c.ref, c.name, when, archived))
            shown.append(c.id)
    named = {"citizen_ids": sorted(shown)} if len(shown) > 1 else {}
    audit.about(s, shown[0] if len(shown) == 1 else None, read="retention candidates", years=years,
                on=on.isoformat(), rows=len(rows), **named)  # fmt: skip
    return sorted(rows, key=lambda row: (row.last_activity, row.ref))
