"""A follow-up whose recording was undone comes back under the same id when redone (later steps of the
undo history name it by id), on PostgreSQL too: the id sequence is not disturbed."""

from __future__ import annotations

from datetime import date

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.services import followups
from placement_desk.services.casefile_io import import_case_file
from tests.casefiles import case_file, ramp_down_citizen

pytestmark = pytest.mark.postgres


def test_a_redone_follow_up_keeps_its_id_and_the_next_one_gets_a_new_one(pg_db: Database) -> None:
    import_case_file(pg_db, case_file(ramp_down_citizen()))
    meeting = cf.Followup(day=date(2023, 3, 20), kind="monthly", placement="DC-1", note="Bedre uge")
    saved = followups.record_followup(pg_db, "DC", meeting)
    followups.delete_draft(pg_db, saved.id)
    assert followups.record_followup(pg_db, "DC", meeting, None, saved.id).id == saved.id
    assert followups.followup_fields(pg_db, saved.id)[0].note == "Bedre uge"
    assert followups.record_followup(pg_db, "DC", meeting).id not in {saved.id}
