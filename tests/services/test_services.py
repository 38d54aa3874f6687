"""The use cases: each call one transaction, validation first, nothing changed on bad input."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from placement_desk.services import attendance, citizens, companies, followups, placements, queries
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.dossier import dossier_data
from tests import typed_values as tv
from tests.casefiles import case_file, ramp_down_citizen


@pytest.fixture
def seeded(db: Database) -> Database:
    mentor = cf.Contact("wm", "Lise", "workplace_mentor")
    companies.create_company(db, cf.Company("co-1", "Genbrugsbutikken", internal=True, contacts=(mentor,)))
    citizens.create_citizen(db, cf.Citizen("SA", "S. A.", birth_year=1972))
    placements.create_placement(
        db,
        "SA",
        tv.placement({
            "ref": "SA-1",
            "company": "co-1",
            "type": "internal_training",
            "purpose": "training",
            "start": "2022-09-05",
            "end": "2022-11-30",
            "workplace_mentor": "wm",
            "schedule": [{"from": "2022-09-05", "hours": {"thu": 2}}],
        }),
        actor="karin",
    )
    return db


def count(db: Database, model: type[m.Base]) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_create_citizen_validates_and_names_the_field(db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        citizens.create_citizen(db, cf.Citizen("X", "X", "311390-1234"))
    assert err.value.path == "cpr"
    with pytest.raises(ValidationError) as err:
        citizens.create_citizen(db, cf.Citizen("X", ""))
    assert err.value.path == "name"
    assert count(db, m.Citizen) == 0
    # a CPR without a valid modulus-11 check digit is fine (allowed since 2007)
    citizens.create_citizen(db, cf.Citizen("X", "X", "0101901235"))
    assert export_case_file(db)["citizens"][0]["cpr"] == "010190-1235"


def test_optimistic_locking_refuses_a_stale_update(seeded: Database) -> None:
    with seeded.reading() as s:
        version = s.scalar(select(m.Citizen.version).where(m.Citizen.ref == "SA"))
    assert version is not None
    current = citizens.citizen_fields(seeded, "SA")[0]
    new_version = citizens.update_citizen(seeded, "SA", replace(current, job_goal="Pedel"), version, actor="karin")
    assert new_version == version + 1
    with pytest.raises(ConflictError):
        citizens.update_citizen(seeded, "SA", replace(current, job_goal="Kok"), version, actor="ole")
    assert export_case_file(seeded)["citizens"][0]["job_goal"] == "Pedel"


def test_company_cvr_and_contacts(db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        companies.create_company(db, cf.Company("", "X", "1234567"))
    assert (err.value.path, err.value.message) == ("cvr", "must be 8 digits")
    ref = companies.create_company(db, cf.Company("", "Tømrer Hansen", "12345674"))
    assert ref == "co-1"
    assert companies.add_contact(db, ref, cf.Contact("", "Bo", "workplace_mentor")) == "k1"
    companies.set_archived(db, ref, True)
    assert queries.list_companies(db) == []
    assert queries.list_companies(db, include_archived=True)[0].name == "Tømrer Hansen"


def test_schedule_steps_ramp_up_and_down(seeded: Database) -> None:
    placements.add_schedule_step(seeded, "SA-1", tv.step({"from": "2022-10-03", "hours": {"tue": 2, "thu": 2}}))
    placements.add_schedule_step(seeded, "SA-1", tv.step({"from": "2022-11-07", "hours": {"thu": 2}}))
    with pytest.raises(ValidationError) as err:
        placements.add_schedule_step(seeded, "SA-1", tv.step({"from": "2022-12-05", "hours": {"thu": 2}}))
    assert err.value.path == "from" and "outside the placement's period" in err.value.message
    with pytest.raises(ValidationError) as err:
        placements.add_schedule_step(seeded, "SA-1", tv.step({"from": "2022-10-10", "hours": {"thu": 2}, "paid_per_week": 3}))
    assert err.value.path == "paid_per_week"
    steps = export_case_file(seeded)["citizens"][0]["placements"][0]["schedule"]
    assert [s["from"] for s in steps] == ["2022-09-05", "2022-10-03", "2022-11-07"]
    removed = placements.remove_schedule_step(seeded, "SA-1", date(2022, 11, 7))
    assert removed == tv.step({"from": "2022-11-07", "hours": {"thu": 2}, "paid_per_week": 0})
    # Sep: 4 Thursdays; Oct 3..Nov 30: 17 Tue/Thu -> 8 + 34
    assert dossier_data(seeded, "SA").placements[0].totals.planned == 42 * 60


def test_log_day_and_week_as_planned(seeded: Database) -> None:
    logged = attendance.log_week_as_planned(seeded, "SA-1", date(2022, 9, 7), actor="lise")
    assert logged == [date(2022, 9, 8)]
    before = attendance.log_day(seeded, "SA-1", cf.Attendance(date(2022, 9, 8), "sick", 0, "Migræne"), actor="lise")
    assert before is not None and before.status == "present" and before.minutes == 120
    assert attendance.log_week_as_planned(seeded, "SA-1", date(2022, 9, 8)) == []  # already registered
    with pytest.raises(ValidationError) as err:
        attendance.log_day(seeded, "SA-1", cf.Attendance(date(2022, 12, 1), "present", 120))
    assert err.value.path == "date"
    with pytest.raises(ValidationError) as err:
        attendance.log_day(seeded, "SA-1", cf.Attendance(date(2022, 9, 15), "present", 30 * 60))
    assert err.value.path == "hours"
    week = attendance.week(seeded, "SA-1", date(2022, 9, 8))
    assert [(d.day.isoformat(), d.planned, d.record.status if d.record else None) for d in week if d.planned] == [
        ("2022-09-08", 120, "sick")
    ]
    with seeded.reading() as s:
        row = s.scalar(select(m.AttendanceRecord))
        assert row is not None and row.logged_by == "lise" and row.logged_at is not None
        assert row.logged_at.tzinfo is not None
    attendance.restore_day(seeded, "SA-1", date(2022, 9, 8), None)
    assert count(seeded, m.AttendanceRecord) == 0


def test_followup_draft_finalise_and_correct(seeded: Database) -> None:
    fid = followups.record_followup(
        seeded,
        "SA",
        tv.followup({
            "date": "2022-10-03",
            "kind": "monthly",
            "placement": "SA-1",
            "participants": ["citizen", "mentor", "workplace_mentor"],
            "note": "Trives",
            "citizen_view": "Glad for opgaverne",
            "agreed_changes": "2x2 timer fra 3/10",
            "topics": {"attendance": "Stabilt fremmøde", "behaviour": "Rolig"},
        }),
    ).id
    followups.update_followup(seeded, fid, tv.followup_change(seeded, fid, {"note": "Trives godt"}))
    followups.finalise_followup(seeded, fid, actor="karin")
    with pytest.raises(ValidationError):
        followups.update_followup(seeded, fid, tv.followup_change(seeded, fid, {"note": "Omskrevet"}))
    followups.add_correction(seeded, fid, "Trappes op fra 4/10, ikke 3/10", date(2022, 10, 5), actor="karin")
    f = export_case_file(seeded)["citizens"][0]["followups"][0]
    assert f["note"] == "Trives godt" and f["finalised"] is True
    assert f["topics"] == {"attendance": "Stabilt fremmøde", "behaviour": "Rolig"}
    assert f["corrections"] == [{"date": "2022-10-05", "author": "karin", "text": "Trappes op fra 4/10, ikke 3/10"}]
    with pytest.raises(ValidationError) as err:
        followups.record_followup(seeded, "SA", tv.followup({"date": "2022-10-03", "kind": "monthly", "placement": "XX-9"}))
    assert err.value.path == "placement"


def test_goals_scores_with_assessors_kept_apart(seeded: Database) -> None:
    gid = citizens.add_goal(seeded, "SA", cf.Goal("employment", "Mødestabil", ("Til tiden",)))
    citizens.add_score(seeded, gid, cf.Score(date(2022, 9, 5), 0, "citizen"))
    citizens.add_score(seeded, gid, cf.Score(date(2022, 9, 5), -1, "mentor"))
    with pytest.raises(ValidationError) as err:
        citizens.add_score(seeded, gid, cf.Score(date(2022, 9, 5), 2, "mentor"))
    assert err.value.path == "date"
    with pytest.raises(ValidationError) as err:
        citizens.add_score(seeded, gid, cf.Score(date(2022, 10, 5), 6, "mentor"))
    assert err.value.path == "score"
    scores = export_case_file(seeded)["citizens"][0]["goals"][0]["scores"]
    assert scores == [
        {"date": "2022-09-05", "score": 0, "assessor": "citizen"},
        {"date": "2022-09-05", "score": -1, "assessor": "mentor"},
    ]


def test_referral_extension_and_interruption(seeded: Database) -> None:
    rid = citizens.add_referral(seeded, "SA", cf.Referral("LFI 4-6 timer", date(2022, 9, 1), date(2023, 2, 28)))
    citizens.extend_referral(seeded, rid, date(2023, 7, 31))
    with pytest.raises(ValidationError):
        citizens.extend_referral(seeded, rid, date(2023, 5, 1))
    citizens.extend_referral(seeded, rid, date(2023, 10, 31))
    r = export_case_file(seeded)["citizens"][0]["referrals"][0]
    assert r["extensions"] == ["2023-07-31", "2023-10-31"]
    citizens.end_referral(seeded, rid, date(2023, 8, 15), "Tandbehandling")
    r = export_case_file(seeded)["citizens"][0]["referrals"][0]
    assert (r["end"], r["end_reason"], r["extensions"]) == ("2023-08-15", "Tandbehandling", ["2023-07-31"])


def test_accommodations_are_retired_not_deleted(seeded: Database) -> None:
    need = cf.Accommodation("physical", "Ingen tunge løft", date(2022, 10, 1), "doctor")
    aid = citizens.add_accommodation(seeded, "SA", need)
    citizens.retire_accommodation(seeded, aid, date(2023, 1, 1))
    a = export_case_file(seeded)["citizens"][0]["accommodations"][0]
    assert a["active"] is False and a["retired"] == "2023-01-01" and a["text"] == "Ingen tunge løft"
    with pytest.raises(ValidationError) as err:
        citizens.update_accommodation(seeded, aid, replace(need, category="mental"))
    assert err.value.path == "category"


def test_placement_update_checks_records_against_the_new_period(db: Database) -> None:
    import_case_file(db, case_file(ramp_down_citizen()))
    with pytest.raises(ValidationError) as err:
        placements.update_placement(db, "DC-1", tv.placement_change(db, "DC-1", {"end": "2023-03-20"}))
    assert err.value.path.startswith("attendance[") and "outside the placement's period" in err.value.message
    placements.update_placement(db, "DC-1", tv.placement_change(db, "DC-1", {"end_reason": "Stoppet af borgeren", "tasks": ["lager"]}))
    p = export_case_file(db)["citizens"][0]["placements"][0]
    assert p["end_reason"] == "Stoppet af borgeren" and p["tasks"] == ["lager"]
    assert len(p["attendance"]) == 13


def test_archived_citizen_leaves_lists_and_unknown_refs(seeded: Database) -> None:
    assert [r.ref for r in queries.list_citizens(seeded)] == ["SA"]
    citizens.set_archived(seeded, "SA", True)
    assert queries.list_citizens(seeded) == []
    assert export_case_file(seeded)["citizens"] == []
    with pytest.raises(NotFoundError):
        placements.add_schedule_step(seeded, "NOPE", tv.step({"from": "2022-10-03", "hours": {"tue": 2}}))


def test_week_as_planned_never_logs_days_still_to_come(db: Database) -> None:
    companies.create_company(db, cf.Company("co-1", "Bageriet"))
    citizens.create_citizen(db, cf.Citizen("MI", "Miriam"))
    placements.create_placement(db, "MI", tv.placement({
        "ref": "MI-1", "company": "co-1", "type": "internship", "start": "2026-11-02", "end": "2026-12-31",
        "schedule": [{"from": "2026-11-02", "hours": {"mon": 4, "wed": 4, "fri": 4}}],
    }))
    # today is pinned to Monday 2026-11-23: only that day of the week has happened
    assert attendance.log_week_as_planned(db, "MI-1", date(2026, 11, 25)) == [date(2026, 11, 23)]


def test_register_placement_with_its_plan_and_a_new_mentor_in_one_transaction(seeded: Database) -> None:
    before = export_case_file(seeded)
    audit_rows = count(seeded, m.AuditEntry)
    fields = {
        "company": "co-1",
        "type": "hybrid",
        "start": "2022-12-01",
        "schedule": [
            {"from": "2022-12-01", "hours": {"tue": 3, "thu": 3}, "paid_per_week": 0},
            {"from": "2023-01-04", "hours": {"mon": 3, "wed": 3, "fri": 3}, "paid_per_week": 3},
            {"from": "2023-02-01", "hours": {"mon": 3.5, "tue": 3.5, "thu": 3.5, "fri": 3.5}, "paid_per_week": 6},
        ],
    }
    saved = placements.create_placement(seeded, "SA", tv.placement(fields), tv.contact({"name": "Ole", "phone": "12345678"}), "karin")
    assert count(seeded, m.AuditEntry) == audit_rows + 1  # one transaction, one entry
    doc = export_case_file(seeded)
    p = next(p for p in doc["citizens"][0]["placements"] if p["ref"] == saved.ref)
    assert [s["from"] for s in p["schedule"]] == ["2022-12-01", "2023-01-04", "2023-02-01"]
    assert [s["paid_per_week"] for s in p["schedule"]] == [0, 3, 6]
    assert saved.new_contact is not None
    contact = next(k for k in doc["companies"][0]["contacts"] if k["ref"] == saved.new_contact.ref)
    assert (contact["name"], contact["role"], contact["phone"]) == ("Ole", "workplace_mentor", "12345678")
    assert p["workplace_mentor"] == saved.new_contact.ref
    placements.discard_new_placement(seeded, saved, "karin")
    assert export_case_file(seeded) == before
    # a bad step leaves nothing behind: no placement, no contact
    bad = {**fields, "schedule": [*fields["schedule"], {"from": "2022-11-01", "hours": {"mon": 2}}]}
    with pytest.raises(ValidationError) as err:
        placements.create_placement(seeded, "SA", tv.placement(bad), tv.contact({"name": "Ole"}), "karin")
    assert err.value.path == "schedule[3].from"
    assert export_case_file(seeded) == before
    with pytest.raises(ValidationError) as err:
        placements.create_placement(seeded, "SA", tv.placement(fields), tv.contact({"name": " "}), "karin")
    assert err.value.path == "workplace_mentor"


def test_edit_placement_with_a_new_mentor_and_its_undo(seeded: Database) -> None:
    before = export_case_file(seeded)
    with seeded.reading() as s:
        version = s.scalar(select(m.Placement.version).where(m.Placement.ref == "SA-1"))
    saved = placements.update_placement(
        seeded, "SA-1", tv.placement_change(seeded, "SA-1", {"type": "internship", "tasks": ["kasse"]}), version,
        tv.contact({"name": "Bo"}), actor="karin",
    )  # fmt: skip
    assert saved.version == (version or 0) + 1 and saved.new_contact is not None
    p = export_case_file(seeded)["citizens"][0]["placements"][0]
    assert (p["type"], p["tasks"], p["workplace_mentor"]) == ("internship", ["kasse"], saved.new_contact.ref)
    with pytest.raises(ConflictError):
        placements.update_placement(seeded, "SA-1", tv.placement_change(seeded, "SA-1", {"type": "hybrid"}), version, actor="ole")
    old = {"type": "internal_training", "tasks": [], "workplace_mentor": "wm"}
    placements.update_placement(seeded, "SA-1", tv.placement_change(seeded, "SA-1", old), None, remove_contact=saved.new_contact.ref, actor="karin")
    assert export_case_file(seeded) == before
    placements.update_placement(seeded, "SA-1", tv.placement_change(seeded, "SA-1", {"schedule": []}))
    assert export_case_file(seeded) == before  # the hours plan is not a placement edit's (its own use cases)
