"""The citizen page, search, the description, documents, the case-file export and the data subject's rights
are declared use cases: the role is checked before the request is looked at, each call leaves exactly one
audit entry with its action, and a read still works (into the read journal) while the database refuses
writes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied, DatabaseDamaged
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import (
    access,
    audit,
    casefile_io,
    description,
    documents,
    dossier,
    privacy,
    queries,
    read_journal,
    views,
)
from placement_desk.services.demo import load_demo

ON = date(2026, 11, 23)
ADMIN = Principal("admin", "Admin", Role.ADMINISTRATOR)
CONSULTANT = Principal("kbj", "Karen", Role.CONSULTANT)
WORKPLACE_MENTOR = Principal("wm", "WM", Role.WORKPLACE_MENTOR, "co-saxo-genbrug")
PROBLEM = "*** in database main ***\nPage 7: btreeInitPage() returns error code 11"


@pytest.fixture
def demo(db: Database) -> Iterator[Database]:
    load_demo(db, ON)
    access.set_principal(db, ADMIN)
    yield db
    db.write_refusal = None
    access.set_principal(db, None)


def _last_id(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.max(m.AuditEntry.id))) or 0)


def _entries(db: Database, after: int) -> list[audit.Entry]:
    with db.reading() as s:
        rows = s.scalars(select(m.AuditEntry).where(m.AuditEntry.id > after).order_by(m.AuditEntry.id))
        return [audit._entry(r) for r in rows]


def _ids(db: Database, *refs: str) -> list[int]:
    with db.reading() as s:
        return sorted(s.scalars(select(m.Citizen.id).where(m.Citizen.ref.in_(refs))))


def _issue(db: Database) -> documents.Document:
    return documents.issue_document(db, "DC", recipient="Jobcenter", formats=("json",), allow_incomplete="test")


CALLS: dict[str, tuple[Callable[[Database], object], str]] = {
    "see a citizen": (lambda db: views.citizen_detail(db, "DC"), audit.VIEW),
    "search": (lambda db: queries.search(db, "D"), audit.SEARCH),
    "dossier figures": (lambda db: dossier.dossier_data(db, "DC"), audit.EXPORT),
    "description texts": (lambda db: description.dossier_texts(db, "DC"), audit.VIEW),
    "save a description text": (
        lambda db: description.save_dossier_text(db, "DC", None, "health", "Migræne"),
        audit.CHANGE,
    ),
    "check a dossier": (lambda db: description.check_dossier(db, "DC"), audit.VIEW),
    "render a document": (lambda db: documents.render_document(db, "DC", formats=("json",)), audit.EXPORT),
    "issue a document": (_issue, audit.ISSUE),
    "export the case file": (lambda db: casefile_io.export_case_file(db, "DC"), audit.EXPORT),
    "data-subject export": (lambda db: privacy.subject_export(db, "DC"), audit.EXPORT),
    "retention candidates": (lambda db: privacy.retention_candidates(db, 2, ON), audit.LIST),
    "erase a citizen": (lambda db: privacy.erase_citizen(db, "DC", "retention period over"), audit.ERASE),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_each_call_leaves_one_entry_with_its_action(demo: Database, name: str) -> None:
    call, action = CALLS[name]
    start = _last_id(demo)
    call(demo)
    assert [(e.action, e.username) for e in _entries(demo, start)] == [(action, "admin")]


def test_an_issued_file_is_an_export_of_its_citizen(demo: Database) -> None:
    issued = _issue(demo)
    assert issued.issued_id is not None
    start = _last_id(demo)
    got = documents.issued_file(demo, issued.issued_id, "json")
    assert got.content == issued.files["json"].content
    entries = _entries(demo, start)
    assert [(e.action, e.citizen_id) for e in entries] == [(audit.EXPORT, *_ids(demo, "DC"))]


def test_the_role_is_refused_before_the_request_is_looked_at(demo: Database) -> None:
    """A request that is wrong anyway (a password with JSON, an empty reason, -1 years, an empty search)
    is refused for the role, not for its input, and leaves no trace."""
    start = _last_id(demo)
    access.set_principal(demo, WORKPLACE_MENTOR)
    with pytest.raises(AccessDenied):
        documents.render_document(demo, "DC", formats=("json",), password="short")
    with pytest.raises(AccessDenied):
        queries.search(demo, "  ")
    access.set_principal(demo, CONSULTANT)
    with pytest.raises(AccessDenied):
        privacy.erase_citizen(demo, "DC", "")
    with pytest.raises(AccessDenied):
        privacy.retention_candidates(demo, -1, ON)
    assert _entries(demo, start) == []
    assert views.citizen_detail(demo, "DC").citizen.ref == "DC"  # nothing was erased


def test_an_empty_search_finds_nothing_and_is_not_logged(demo: Database) -> None:
    start = _last_id(demo)
    assert queries.search(demo, "   ") == []
    assert _entries(demo, start) == []


def test_the_retention_list_is_a_read_naming_the_citizens_it_shows(demo: Database) -> None:
    start = _last_id(demo)
    rows = privacy.retention_candidates(demo, 2, ON)
    [entry] = _entries(demo, start)
    assert [r.ref for r in rows] == ["SA", "DC", "TE"]
    assert entry.action == audit.LIST and entry.citizen_id is None and entry.details is not None
    assert entry.details["read"] == "retention candidates" and entry.details["rows"] == 3
    assert entry.details["citizen_ids"] == _ids(demo, "SA", "DC", "TE")


def test_an_erasure_still_empties_the_wal(demo: Database) -> None:
    report = privacy.erase_citizen(demo, "DC", "retention period over")
    assert report.ref == "DC" and report.total > 0 and report.wal_cleared


def test_reads_work_and_are_journaled_while_the_database_refuses_writes(demo: Database) -> None:
    demo.write_refusal = PROBLEM
    assert documents.render_document(demo, "DC", formats=("json",)).files["json"].content
    assert [r.ref for r in privacy.retention_candidates(demo, 2, ON)] == ["SA", "DC", "TE"]
    assert description.check_dossier(demo, "DC").data.citizen.ref == "DC"
    assert privacy.subject_export(demo, "DC").startswith(b"PK")
    with pytest.raises(DatabaseDamaged):
        _issue(demo)
    with pytest.raises(DatabaseDamaged):
        privacy.erase_citizen(demo, "DC", "retention period over")
    journal = read_journal.load(demo)
    assert journal is not None
    assert [r.action for r in journal.reads] == [audit.EXPORT, audit.LIST, audit.VIEW, audit.EXPORT]
