"""Every committed write hands on what it changed (services.changes.Changes): the rows created, updated and
removed per table with the versions the write left, and the citizens touched; nothing for a rollback; a
bulk import says "everything"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ValidationError
from placement_desk.services import attendance, changes, citizens, placements
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.changes import Changes
from tests import typed_values as tv
from tests.services.test_services import seeded  # noqa: F401 - the fixture


@pytest.fixture
def heard(db: Database) -> list[Changes]:
    got: list[Changes] = []
    changes.subscribe(db, got.append)
    return got


def test_an_update_names_the_row_its_citizen_and_the_new_version(db: Database, heard: list[Changes]) -> None:
    citizens.create_citizen(db, cf.Citizen("DC", "D. C."))
    created = heard[-1]
    assert created.created_ids("citizens") and created.citizens == {"DC"}
    cid = created.created_ids("citizens")[0]
    new_version = citizens.update_citizen(db, "DC", replace(citizens.citizen_fields(db, "DC")[0], job_goal="Lager"), None)
    updated = heard[-1]
    assert [(c.kind, c.entity, c.id) for c in updated.items] == [("updated", "citizens", cid)]
    assert updated.version("citizens", cid) == new_version == 2
    assert updated.touches_citizen("DC") and not updated.touches_citizen("SA")
    assert not updated.everything


def test_a_refused_write_hands_on_nothing(db: Database, heard: list[Changes]) -> None:
    citizens.create_citizen(db, cf.Citizen("DC", "D. C."))
    before = len(heard)
    with pytest.raises(ValidationError):
        citizens.update_citizen(db, "DC", replace(citizens.citizen_fields(db, "DC")[0], birth_year=1700), None)
    assert len(heard) == before


def test_attendance_of_a_day_touches_the_placements_citizen(seeded: Database) -> None:  # noqa: F811
    heard: list[Changes] = []
    changes.subscribe(seeded, heard.append)
    attendance.log_day(seeded, "SA-1", cf.Attendance(date(2022, 9, 5), "present", 240))
    assert heard[-1].touches("attendance") and heard[-1].citizens == {"SA"}
    assert not heard[-1].touches("followups")


def test_a_bulk_import_says_everything(seeded: Database) -> None:  # noqa: F811
    data = export_case_file(seeded, "SA")
    heard: list[Changes] = []
    unsubscribe = changes.subscribe(seeded, heard.append)
    import_case_file(seeded, data)
    assert heard and heard[-1].everything and heard[-1].touches_citizen("anyone")
    unsubscribe()
    citizens.create_citizen(seeded, cf.Citizen("NEW", "N. N."))
    assert len(heard) == 1


def test_a_row_taken_out_of_its_parents_list_is_removed_and_names_its_citizen(seeded: Database) -> None:  # noqa: F811
    placements.add_schedule_step(seeded, "SA-1", tv.step({"from": "2022-10-03", "hours": {"tue": 2, "thu": 2}}))
    heard: list[Changes] = []
    changes.subscribe(seeded, heard.append)
    placements.remove_schedule_step(seeded, "SA-1", date(2022, 10, 3))
    assert heard[-1].of("removed", "schedule_steps"), heard[-1]
    assert heard[-1].citizens == {"SA"}
