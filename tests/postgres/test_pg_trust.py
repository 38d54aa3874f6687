"""Users, sign-in, roles and the audit chain on a real PostgreSQL server (the team setup)."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied
from placement_desk.domain.roles import Role
from placement_desk.services import audit, citizens, signin, users, views
from placement_desk.services.demo import load_demo


def _opener(db: Database):  # type: ignore[no-untyped-def]
    return lambda url, key: Database(url)


def test_team_members_sign_in_against_their_hashes_and_get_their_roles(pg_db: Database) -> None:
    t = signin.target(pg_db.url)
    assert t.is_server and signin.needs_setup(t, _opener(pg_db))
    admin = signin.setup(t, "admin", "Anne Admin", "kaffe og kage 42", opener=_opener(pg_db))
    assert admin.recovery_code is None  # a server is not encrypted by the app
    load_demo(admin.db, date(2026, 11, 23))
    users.create_user(admin.db, "laeser", "Læse Adgang", Role.CASEWORKER, "kun laesning 1")
    admin.db.dispose()
    with pytest.raises(signin.SignInFailed):
        signin.sign_in(t, "laeser", "forkert", _opener(pg_db))
    reader = signin.sign_in(t, "laeser", "kun laesning 1", _opener(pg_db))
    try:
        assert views.citizen_detail(reader.db, "DC").citizen.ref == "DC"
        with pytest.raises(AccessDenied):
            citizens.update_citizen(reader.db, "DC", replace(citizens.citizen_fields(reader.db, "DC")[0], job_goal="x"), None)
    finally:
        reader.db.dispose()


def test_the_audit_chain_stays_whole_when_sessions_write_at_the_same_moment(pg_db: Database) -> None:
    load_demo(pg_db, date(2026, 11, 23))
    other = Database(pg_db.url)
    errors: list[BaseException] = []

    def views_in(db: Database) -> None:
        try:
            for _ in range(15):
                views.citizen_detail(db, "DC")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=views_in, args=(d,)) for d in (pg_db, other)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    other.dispose()
    assert errors == []
    check = audit.verify_chain(pg_db)
    assert check.ok, check
    assert check.checked >= 31  # the import and 30 views
