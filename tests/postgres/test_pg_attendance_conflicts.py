"""The attendance conflicts of tests/services/test_attendance_conflicts.py on a real PostgreSQL server: a stale
screen, a first registration racing another (the unique key on the server) and an undo over a colleague's
later change all end in ConflictError with nothing written - never a raw UniqueViolation."""

from __future__ import annotations

import pytest

from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import import_case_file
from tests.casefiles import case_file, ramp_down_citizen
from tests.services.test_attendance_conflicts import (
    test_a_first_registration_racing_another_is_a_conflict,
    test_a_stale_screen_meets_a_conflict_and_writes_nothing,
    test_undo_never_removes_a_colleagues_later_change,
)

pytestmark = pytest.mark.postgres

__all__ = [
    "test_a_first_registration_racing_another_is_a_conflict",
    "test_a_stale_screen_meets_a_conflict_and_writes_nothing",
    "test_undo_never_removes_a_colleagues_later_change",
]


@pytest.fixture
def dc(pg_db: Database) -> Database:
    import_case_file(pg_db, case_file(ramp_down_citizen()))
    return pg_db
