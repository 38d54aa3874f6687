"""The import's steps (spec section 1): the document's parts, the whole-document checks that keep only refs,
and the citizens written in batches: new ones in bulk (services.casefile_write), known ones compared and
updated through the ORM. ``services.casefile_io.import_case_file`` runs them in one transaction."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db import team
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import _check_own_placements as check_own_placements
from placement_desk.domain.casefile_parse import _check_placement_refs as check_placement_refs
from placement_desk.domain.casefile_parse import parse_case_file
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.json_node import Known
from placement_desk.services import mapping
from placement_desk.services.casefile_stream import CaseFileStream
from placement_desk.services.casefile_write import CompanyIds, NewCitizens
from placement_desk.services.common import CITIZEN_LOAD_BUT_ATTENDANCE


@dataclass
class ImportResult:
    """What an import changed, by kind: created and updated refs (unchanged ones are not listed), and how
    many hours values were rounded to the whole minute on reading (spec section 1)."""

    created: dict[str, list[str]] = field(default_factory=dict)
    updated: dict[str, list[str]] = field(default_factory=dict)
    unchanged: int = 0
    rounded: int = 0

    def note(self, kind: str, ref: str, created: bool) -> None:
        (self.created if created else self.updated).setdefault(kind, []).append(ref)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def describe(self) -> str:
        parts = [f"{len(v)} {k} created" for k, v in self.created.items()]
        parts += [f"{len(v)} {k} updated" for k, v in self.updated.items()]
        if not parts:
            parts.append("nothing changed")
        if self.rounded:
            values = "value" if self.rounded == 1 else "values"
            parts.append(f"{self.rounded} hours {values} rounded to the whole minute")
        return ", ".join(parts)


def known_refs(session: Session, data: Any = None, companies: bool = True) -> Known:
    """The companies with their contacts, and the placements that matter to the document ``data``: those of
    its citizens and those with a ref it uses (all placements when ``data`` is None). An import of a few
    citizens does not read the whole archive's placements."""
    contacts: dict[str, set[str]] = {}
    for company_ref, contact_ref in (
        session.execute(select(m.Company.ref, m.Contact.ref).outerjoin(m.Contact, m.Contact.company_id == m.Company.id))
        if companies
        else ()
    ):
        contacts.setdefault(company_ref, set())
        if contact_ref is not None:
            contacts[company_ref].add(contact_ref)
    query = select(m.Placement.ref, m.Citizen.ref).join(m.Citizen, m.Placement.citizen_id == m.Citizen.id)
    placements: dict[str, str] = {}
    if data is None:
        placements.update((p, c) for p, c in session.execute(query))
    else:
        citizen_refs, placement_refs = _citizen_refs(data), _placement_refs(data)
        for column, refs in ((m.Citizen.ref, citizen_refs), (m.Placement.ref, placement_refs)):
            for start in range(0, len(refs), _IN_BATCH):
                part = refs[start : start + _IN_BATCH]
                placements.update((p, c) for p, c in session.execute(query.where(column.in_(part))))
    return Known({k: frozenset(v) for k, v in contacts.items()}, placements)


_IN_BATCH = 500  # refs per IN (...) list: well below SQLite's and the drivers' parameter limits


Progress = Callable[[int, int], None]
# Citizens validated, then written, together: bounded memory, and few statements (one per table per batch).
IMPORT_BATCH = 50
IMPORT_BATCH_ROWS = 50_000  # attendance records in a batch before it is written


@contextmanager
def closing_stream(data: Any) -> Iterator[None]:
    """A streamed file is closed when the import ends, however it ends."""
    try:
        yield
    finally:
        if isinstance(data, CaseFileStream):
            data.close()


def document_parts(data: Any, progress: Progress | None) -> tuple[dict[str, Any], Iterator[Any], int | None]:
    """The document's head, its citizens' JSON values one by one, and how many there are (None: a stream)."""
    if isinstance(data, CaseFileStream):
        if progress is not None:
            data.progress = progress
        head, citizens = data.parts()
        return head, citizens, None
    if not isinstance(data, dict):
        raise ValidationError("$", code="not_object")
    head = {k: v for k, v in data.items() if k != "citizens"}
    listed = data.get("citizens")
    if not isinstance(listed, list):
        head["citizens"] = listed
        listed = []
    return head, iter(listed), len(listed)


def head_companies(head: dict[str, Any]) -> tuple[cf.Company, ...]:
    """The format and version checked, and the companies parsed (a citizens value that is not a list refused)."""
    companies = parse_case_file({**head, "citizens": None}).companies
    if head.get("citizens") is not None:
        raise ValidationError("citizens", code="not_list")
    return companies


class ImportBatches:
    """The citizens of one import, checked against the document so far and the database, and written in
    batches. Kept whole-document: the citizens' refs and the placements' refs (with their citizen)."""

    def __init__(
        self, session: Session, actor: str | None, result: ImportResult, companies: tuple[cf.Company, ...]
    ) -> None:
        self.session, self.actor, self.result = session, actor, result
        self.rows = _CompanyRows(session)
        self.rows.read([c.ref for c in companies])
        for company in companies:
            _upsert_company(session, self.rows, company, actor, result)
        session.flush()
        self.contacts: dict[str, frozenset[str]] = dict(known_refs(session, {}).companies)
        self.contacts.update({c.ref: frozenset(k.ref for k in c.contacts) for c in companies})
        self.company_ids: CompanyIds | None = None
        self.seen_citizens: set[str] = set()
        self.seen_placements: dict[str, str] = {}
        self.batch: list[tuple[int, cf.Citizen]] = []
        self.batch_rows = 0
        self.ids: list[int] = []

    def add(self, index: int, citizen: cf.Citizen) -> None:
        if citizen.ref in self.seen_citizens:
            raise ValidationError(f"citizens[{index}].ref", code="duplicate", what="citizen ref", key=citizen.ref)
        self.seen_citizens.add(citizen.ref)
        self.batch.append((index, citizen))
        self.batch_rows += sum(len(p.attendance) for p in citizen.placements)
        if len(self.batch) >= IMPORT_BATCH or self.batch_rows >= IMPORT_BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Check the batch's references, then write it: new citizens in bulk, known ones through the ORM."""
        batch, self.batch, self.batch_rows = self.batch, [], 0
        if not batch:
            return
        session = self.session
        refs = [c.ref for _, c in batch]
        # Two imports of one citizen at once (a team server): the second waits for the first to commit and
        # then reads what it wrote, so each reports what it truly changed. Before the citizens are read.
        team.lock_citizens(session, refs)
        known = known_refs(session, {"citizens": [{"ref": c.ref, "placements": [{"ref": p.ref} for p in c.placements]}
                                                  for _, c in batch]}, companies=False)  # fmt: skip
        for index, citizen in batch:
            self._check(index, citizen, known)
        existing = dict(session.execute(select(m.Citizen.ref, m.Citizen.id).where(m.Citizen.ref.in_(refs))).all())
        new: list[cf.Citizen] = []
        for index, citizen in batch:
            if citizen.ref not in existing:
                new.append(cf.canonical_citizen(citizen))
                continue
            self._write_new(new)
            _upsert_citizen(session, self.rows, index, cf.canonical_citizen(citizen), self.actor, self.result)
            self.ids.append(existing[citizen.ref])
        self._write_new(new)
        gc.collect(1)  # the batch's cycles, if any (the import runs with the collector paused)

    def _write_new(self, new: list[cf.Citizen]) -> None:
        if not new:
            return
        self.session.flush()
        if self.company_ids is None:
            self.company_ids = CompanyIds.read(self.session)
        self.ids += NewCitizens(self.session, self.company_ids, self.actor).write(new)
        for c in new:  # noted as the ORM path notes them: a citizen's placements, then the citizen
            for p in c.placements:
                self.result.note("placements", p.ref, True)
            self.result.note("citizens", c.ref, True)
        new.clear()

    def _check(self, index: int, citizen: cf.Citizen, known: Known) -> None:
        """Each placement ref used once in the file and not another citizen's; its company and workplace
        mentor known; follow-ups and observations name the citizen's own placements."""
        own = {ref for ref, owner in known.placements.items() if owner == citizen.ref}
        for pi, p in enumerate(citizen.placements):
            check_placement_refs(p, f"citizens[{index}].placements[{pi}]", citizen.ref, self.seen_placements,
                                 known, self.contacts)  # fmt: skip
            own.add(p.ref)
        check_own_placements(
            [(f"citizens[{index}].followups[{i}].placement", f.placement) for i, f in enumerate(citizen.followups)]
            + [(f"citizens[{index}].observations[{i}].placement", o.placement)
               for i, o in enumerate(citizen.observations)], own)  # fmt: skip


class _CompanyRows(dict[str, m.Company]):
    """The companies' rows by ref, read when first asked for (an import touches few of many)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.absent: set[str] = set()

    def read(self, refs: list[str]) -> None:
        """Read these companies' rows (those in the database) in a few queries."""
        for start in range(0, len(refs), _IN_BATCH):
            part = refs[start : start + _IN_BATCH]
            self.update((c.ref, c) for c in self.session.scalars(select(m.Company).where(m.Company.ref.in_(part))))
        self.absent = set(refs) - self.keys()

    def __missing__(self, ref: str) -> m.Company:
        if ref in self.absent:
            raise KeyError(ref)
        row = self.session.scalar(select(m.Company).where(m.Company.ref == ref))
        if row is None:
            raise KeyError(ref)
        self[ref] = row
        return row

    def get(self, ref: str, default: Any = None) -> Any:
        try:
            return self[ref]
        except KeyError:
            return default


def _citizen_refs(data: Any) -> list[str]:
    """The citizens' refs of a case-file document as given (before it is parsed; anything odd is skipped)."""
    citizens = data.get("citizens") if isinstance(data, dict) else None
    if not isinstance(citizens, list):
        return []
    return [c["ref"].strip() for c in citizens if isinstance(c, dict) and isinstance(c.get("ref"), str)]


def _placement_refs(data: Any) -> list[str]:
    """The placements' refs of a case-file document as given (anything odd is skipped; parsing reports it)."""
    citizens = data.get("citizens") if isinstance(data, dict) else None
    refs: list[str] = []
    for c in citizens if isinstance(citizens, list) else ():
        placements = c.get("placements") if isinstance(c, dict) else None
        for p in placements if isinstance(placements, list) else ():
            if isinstance(p, dict) and isinstance(p.get("ref"), str):
                refs.append(p["ref"].strip())
    return refs


def _upsert_company(
    session: Session, companies: dict[str, m.Company], data: cf.Company, actor: str | None, result: ImportResult
) -> None:
    row = companies.get(data.ref)
    if row is not None and mapping.company_out(row) == data and row.archived_at is None:
        result.unchanged += 1
        return
    created = row is None
    if row is None:
        row = m.Company(ref=data.ref)
        session.add(row)
        companies[data.ref] = row
    row.archived_at = None
    mapping.apply_company(row, data, actor)
    result.note("companies", data.ref, created)


def _upsert_citizen(
    session: Session,
    companies: dict[str, m.Company],
    index: int,
    data: cf.Citizen,
    actor: str | None,
    result: ImportResult,
) -> None:
    row, current, created = _citizen_row(session, data)
    changed = _apply_own_parts(row, current, data, actor)
    session.flush()
    placements = {p.ref: p for p in row.placements}
    changed = _apply_placements(session, row, current, data, placements, companies, actor, result) or changed
    changed = _apply_lists(row, current, data, placements, actor, f"citizens[{index}]") or changed
    if changed:
        if not created:
            row.updated_by = actor
        result.note("citizens", data.ref, created)
    else:
        result.unchanged += 1
    session.flush()


def _citizen_row(session: Session, data: cf.Citizen) -> tuple[m.Citizen, cf.Citizen, bool]:
    """The citizen's row (new if the ref is unknown), what it holds now, and whether it is new."""
    row = session.scalar(select(m.Citizen).where(m.Citizen.ref == data.ref).options(*CITIZEN_LOAD_BUT_ATTENDANCE))
    if row is None:
        row = m.Citizen(ref=data.ref)
        session.add(row)
        return row, cf.Citizen(ref=data.ref, name=""), True
    # the attendance compared as plain rows, never as ORM objects
    attendance = mapping.attendance_rows(session, [p.id for p in row.placements])
    return row, mapping.citizen_out(row, include_archived=True, attendance=attendance), False


def _apply_own_parts(row: m.Citizen, current: cf.Citizen, data: cf.Citizen, actor: str | None) -> bool:
    """The citizen's own fields, referrals and accommodations where they differ; True if any did."""
    changed = False
    if _scalars(current) != _scalars(data) or row.archived_at is not None:
        mapping.apply_citizen_fields(row, data, actor)
        row.archived_at = None
        changed = True
    if current.referrals != data.referrals:
        row.referrals = mapping.referrals_in(data.referrals, actor)
        changed = True
    if current.accommodations != data.accommodations:
        row.accommodations = mapping.accommodations_in(data.accommodations, actor)
        changed = True
    return changed


def _apply_placements(
    session: Session,
    row: m.Citizen,
    current: cf.Citizen,
    data: cf.Citizen,
    placements: dict[str, m.Placement],
    companies: dict[str, m.Company],
    actor: str | None,
    result: ImportResult,
) -> bool:
    """Every placement of the file that is new or differs, written (``placements`` gains the new ones)."""
    changed = False
    current_placements = {p.ref: p for p in current.placements}
    for p in data.placements:
        prow = placements.get(p.ref)
        if prow is not None and current_placements.get(p.ref) == p and prow.archived_at is None:
            continue
        placement_created = prow is None
        if prow is None:
            prow = m.Placement(ref=p.ref, citizen=row)
            session.add(prow)
            placements[p.ref] = prow
        prow.archived_at = None
        mapping.apply_placement(session, prow, p, companies[p.company], actor)
        session.flush()
        result.note("placements", p.ref, placement_created)
        changed = True
    return changed


def _apply_lists(
    row: m.Citizen,
    current: cf.Citizen,
    data: cf.Citizen,
    placements: dict[str, m.Placement],
    actor: str | None,
    path: str,
) -> bool:
    """Follow-ups, goals, the profile and observations, each replaced where it differs."""
    changed = False
    if current.followups != data.followups:
        _check_finalised(row, data, f"{path}.followups")
        row.followups = [mapping.followup_in(f, placements, actor) for f in data.followups]
        changed = True
    if current.goals != data.goals:
        row.goals = mapping.goals_in(data.goals, actor)
        changed = True
    if current.profile != data.profile:
        mapping.apply_profile(row, data.profile, actor)
        changed = True
    if current.observations != data.observations:  # replaced, like the other lists
        row.observations = [mapping.observation_in(o, placements, actor) for o in data.observations]
        changed = True
    return changed


def _scalars(c: cf.Citizen) -> tuple[Any, ...]:
    return (c.name, c.cpr, c.birth_year, c.benefit, c.caseworker, c.job_goal, c.own_view)


def _check_finalised(row: m.Citizen, data: cf.Citizen, path: str) -> None:
    """A finalised follow-up is immutable: an import may repeat it but never change or drop it."""
    incoming = set(data.followups)
    for f in row.followups:
        if f.finalised_at is None:
            continue
        out = mapping.followup_out(f)
        if out not in incoming:
            raise ValidationError(path, code="finalised_followup_import", day=f.day.isoformat())


# Citizens read per query by the export: their placements, lists and attendance, then written and let go.
