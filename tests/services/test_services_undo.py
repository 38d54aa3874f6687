"""The undo counterparts used by the Timeplan, Mål og progression and Arbejdsevne tabs."""

from __future__ import annotations

from datetime import date

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import NotFoundError, ValidationError
from placement_desk.services import citizens, placements
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.views import citizen_detail
from tests import typed_values as tv
from tests.casefiles import case_file, ramp_down_citizen


@pytest.fixture
def dc(db: Database) -> Database:
    import_case_file(db, case_file(ramp_down_citizen()))
    return db


def test_add_schedule_step_returns_the_replaced_step(dc: Database) -> None:
    new = {"from": "2023-03-20", "hours": {"tue": 3}, "paid_per_week": 0}
    assert placements.add_schedule_step(dc, "DC-1", tv.step(new)) is None
    old = placements.add_schedule_step(dc, "DC-1", tv.step({**new, "hours": {"thu": 2}}))
    assert old == tv.step(new)
    with pytest.raises(ValidationError) as err:
        placements.add_schedule_step(dc, "DC-1", tv.step({**new, "from": "2023-05-01"}))
    assert err.value.path == "from"


def test_remove_capacity_gives_back_what_add_capacity_takes(dc: Database) -> None:
    before = export_case_file(dc)
    fields = {
        "date": "2023-03-27",
        "effectiveness_pct": 62.5,
        "note": "x",
        "tasks": [{"name": "Maling", "time_share_pct": 100, "tempo_pct": 70, "quality_pct": 90}],
    }
    placements.add_capacity(dc, "DC-1", tv.capacity(fields))
    after = export_case_file(dc)
    assert placements.remove_capacity(dc, "DC-1", date(2023, 3, 27)) == tv.capacity(fields)
    assert export_case_file(dc) == before
    placements.add_capacity(dc, "DC-1", tv.capacity(fields))
    assert export_case_file(dc) == after
    removed = placements.remove_capacity(dc, "DC-1", date(2023, 3, 9))
    assert removed == tv.capacity({"date": "2023-03-09", "effectiveness_pct": 60, "note": "arbejder roligt"})
    with pytest.raises(ValidationError):
        placements.remove_capacity(dc, "DC-1", date(2023, 3, 9))


def test_remove_and_restore_a_goal_keeps_its_id(dc: Database) -> None:
    goal_id = citizens.add_goal(dc, "DC", cf.Goal("social", "Netværk", ("Klub",)))
    citizens.add_score(dc, goal_id, cf.Score(date(2023, 3, 1), 1, "citizen"))
    with_goal = export_case_file(dc)
    removed = citizens.remove_goal(dc, goal_id)
    assert len(citizen_detail(dc, "DC").goals) == 1
    assert citizens.restore_goal(dc, removed) == goal_id
    assert export_case_file(dc) == with_goal
    assert citizen_detail(dc, "DC").goals[-1].id == goal_id
    with pytest.raises(ValidationError):
        citizens.restore_goal(dc, removed)
    with pytest.raises(NotFoundError):
        citizens.remove_goal(dc, 9999)


def test_remove_and_restore_a_score_in_its_place(dc: Database) -> None:
    goal_id = citizen_detail(dc, "DC").goals[0].id
    citizens.add_score(dc, goal_id, cf.Score(date(2023, 3, 31), 3, "mentor"))
    before = export_case_file(dc)
    removed = citizens.remove_score(dc, goal_id, date(2023, 3, 31), None)
    assert removed == citizens.RemovedScore(cf.Score(date(2023, 3, 31), 2), 1)
    citizens.restore_score(dc, goal_id, removed)
    assert export_case_file(dc) == before
    with pytest.raises(ValidationError):
        citizens.remove_score(dc, goal_id, date(2023, 3, 31), "consultant")
