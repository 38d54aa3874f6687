"""The audit log: one entry per action, who/what/which citizen, before/after, a chain that shows tampering."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import AccessDenied
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import (
    access,
    attendance,
    audit,
    casefile_io,
    citizens,
    documents,
    queries,
    users,
    views,
)
from placement_desk.services.demo import load_demo
from tests.casefiles import case_file, ramp_down_citizen

CONSULTANT = Principal("kbj", "Karen B. Jensen", Role.CONSULTANT)


@pytest.fixture
def demo(db: Database) -> Iterator[Database]:
    load_demo(db, date(2026, 11, 23))
    access.set_principal(db, CONSULTANT)
    yield db
    access.set_principal(db, None)


def _new_entries(db: Database, after_id: int) -> list[audit.Entry]:
    with db.reading() as s:
        rows = s.scalars(select(m.AuditEntry).where(m.AuditEntry.id > after_id).order_by(m.AuditEntry.id))
        return [audit._entry(r) for r in rows]


def _last_id(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.max(m.AuditEntry.id))) or 0)


def _citizen_id(db: Database, ref: str) -> int:
    with db.reading() as s:
        found = s.scalar(select(m.Citizen.id).where(m.Citizen.ref == ref))
        assert found is not None
        return int(found)


def _one(db: Database, action: Callable[[], object]) -> audit.Entry:
    start = _last_id(db)
    action()
    found = _new_entries(db, start)
    assert len(found) == 1, [e.action for e in found]
    return found[0]


def test_viewing_a_citizen_is_one_entry_naming_who_and_which_citizen(demo: Database) -> None:
    entry = _one(demo, lambda: views.citizen_detail(demo, "DC"))
    assert (entry.action, entry.username, entry.citizen_id) == ("view", "kbj", _citizen_id(demo, "DC"))


def test_a_search_keeps_its_criterion(demo: Database) -> None:
    entry = _one(demo, lambda: queries.search(demo, "Jasm"))
    assert entry.action == "search" and entry.details == {"criterion": "Jasm"}


def test_a_change_keeps_the_before_and_after_of_the_changed_fields(demo: Database) -> None:
    entry = _one(demo, lambda: citizens.update_citizen(demo, "DC", replace(citizens.citizen_fields(demo, "DC")[0], job_goal="Lagerarbejde"), None))
    assert entry.action == "change" and entry.citizen_id == _citizen_id(demo, "DC")
    assert entry.details is not None
    changed = [c for c in entry.details["changes"] if c.get("table") == "citizens"]
    assert changed and changed[0]["fields"]["job_goal"][1] == "Lagerarbejde"
    assert changed[0]["fields"]["job_goal"][0] != "Lagerarbejde"
    assert "version" not in changed[0]["fields"]


def test_creating_and_logging_attendance_are_entries_about_the_citizen(demo: Database) -> None:
    created = _one(demo, lambda: citizens.add_goal(demo, "Jasmin", cf.Goal("social", "Sige til og fra")))
    assert created.action == "create" and created.citizen_id == _citizen_id(demo, "Jasmin")
    logged = _one(demo, lambda: attendance.log_day(demo, "DC-1", cf.Attendance(date(2023, 7, 3), "present", 120)))
    assert logged.action == "change" and logged.citizen_id == _citizen_id(demo, "DC")


def test_exports_issues_and_imports_are_entries(demo: Database) -> None:
    dc = _citizen_id(demo, "DC")
    exported = _one(demo, lambda: casefile_io.export_case_file(demo, "DC"))
    assert exported.action == "export" and exported.citizen_id == dc
    everyone = _one(demo, lambda: casefile_io.export_case_file(demo))
    assert everyone.citizen_id is None and everyone.details is not None and dc in everyone.details["citizen_ids"]
    issued = _one(demo, lambda: documents.issue_document(demo, "DC", recipient="Rehabiliteringsteamet", formats=("json",),
                                                                allow_incomplete="Test"))
    assert issued.action == "issue" and issued.citizen_id == dc and issued.details is not None
    assert issued.details["recipient"] == "Rehabiliteringsteamet"
    imported = _one(demo, lambda: casefile_io.import_case_file(demo, case_file(ramp_down_citizen())))
    assert imported.action == "import" and imported.details is not None and imported.details["citizen_ids"]


def test_a_refused_change_leaves_no_entry(demo: Database) -> None:
    start = _last_id(demo)
    access.set_principal(demo, Principal("ro", "Read Only", Role.CASEWORKER))
    with pytest.raises(AccessDenied):
        citizens.update_citizen(demo, "DC", replace(citizens.citizen_fields(demo, "DC")[0], job_goal="x"), None)
    assert _new_entries(demo, start) == []


def test_sign_ins_and_failed_sign_ins_are_logged_and_three_failures_lock(db: Database) -> None:
    users.create_user(db, "admin", "Admin", Role.ADMINISTRATOR, "correct horse battery")
    start = _last_id(db)
    now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert users.authenticate(db, "admin", "correct horse battery", now).role is Role.ADMINISTRATOR
    for i in range(3):
        with pytest.raises(users.SignInError) as err:
            users.authenticate(db, "admin", "wrong password", now + timedelta(minutes=i))
    assert err.value.locked_until == now + timedelta(hours=24)
    with pytest.raises(users.SignInError, match="locked"):  # even the right password, while locked
        users.authenticate(db, "admin", "correct horse battery", now + timedelta(hours=1))
    assert users.authenticate(db, "admin", "correct horse battery", now + timedelta(hours=25)).username == "admin"
    assert [e.action for e in _new_entries(db, start)] == ["login", *["failed_login"] * 4, "login"]


def test_the_chain_verifies_and_any_tampering_breaks_it(demo: Database) -> None:
    views.citizen_detail(demo, "DC")
    queries.search(demo, "Poul")
    citizens.update_citizen(demo, "DC", replace(citizens.citizen_fields(demo, "DC")[0], job_goal="Butik"), None)
    check = audit.verify_chain(demo)
    assert check.ok and check.checked >= 4
    with demo.engine.begin() as conn:
        row_id = conn.execute(text("SELECT id FROM audit_log WHERE action = 'search'")).scalar_one()
        conn.execute(text("UPDATE audit_log SET details = '{\"criterion\": \"Thomas\"}' WHERE id = :i"), {"i": row_id})
    broken = audit.verify_chain(demo)
    assert not broken.ok and broken.broken_at == row_id


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_log SET username = 'someone' WHERE id = 2",
        "UPDATE audit_log SET at = '2020-01-01 00:00:00.000000' WHERE id = 2",
        "DELETE FROM audit_log WHERE id = 2",
        "UPDATE audit_log SET citizen_id = 99 WHERE id = 2",
    ],
)
def test_changed_or_removed_rows_break_the_chain(demo: Database, tamper: str) -> None:
    views.citizen_detail(demo, "DC")
    views.citizen_detail(demo, "SA")
    assert audit.verify_chain(demo).ok
    with demo.engine.begin() as conn:
        conn.execute(text(tamper))
    assert not audit.verify_chain(demo).ok


def test_entries_older_than_six_months_are_removed_and_the_chain_still_verifies(db: Database) -> None:
    old = datetime(2026, 1, 5, tzinfo=UTC)
    with db.transaction() as s:
        for i in range(3):
            audit.append(s, "kbj", "view", 1, at=old + timedelta(days=i))
        audit.append(s, "kbj", "view", 1, at=datetime(2026, 11, 1, tzinfo=UTC))
    assert audit.prune(db, now=datetime(2026, 11, 23, tzinfo=UTC)) == 3
    check = audit.verify_chain(db)
    assert check.ok and check.checked == 1
    assert audit.prune(db, now=datetime(2026, 11, 23, tzinfo=UTC)) == 0


def test_only_an_administrator_reads_the_log_with_filters(demo: Database) -> None:
    views.citizen_detail(demo, "DC")
    queries.search(demo, "Poul")
    with pytest.raises(AccessDenied):
        audit.entries(demo)
    access.set_principal(demo, Principal("admin", "Admin", Role.ADMINISTRATOR))
    assert [e.action for e in audit.entries(demo, action="search")] == ["search"]
    assert all(e.username == "kbj" for e in audit.entries(demo, username="kbj"))
    assert [e.details for e in audit.entries(demo, text="Poul", username="kbj")] == [{"criterion": "Poul"}]
    dc = _citizen_id(demo, "DC")
    assert {e.citizen_id for e in audit.entries(demo, citizen_id=dc)} == {dc}
