"""Roles are enforced in the services: every call that touches personal data, under every role.

A refused call raises AccessDenied before it reads or writes anything (the audit log does not grow);
an allowed call gets past the role check (it may still refuse its input for other reasons).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import AccessDenied, ConflictError, NotFoundError, ValidationError
from placement_desk.domain.profile import Observation, Profile, ProfileItem
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import (
    access,
    attendance,
    attendance_sheet,
    audit,
    backup,
    casefile_io,
    citizens,
    companies,
    dashboard,
    description,
    description_texts,
    documents,
    dossier,
    followups,
    getting_started,
    mentor,
    observations,
    placements,
    privacy,
    profile_edit,
    queries,
    results,
    users,
    views,
)
from placement_desk.services.demo import load_demo
from placement_desk.services.observations import WorkplaceStatement
from placement_desk.services.profile_edit import ProfileTexts

A, C, M, W, R = Role.ADMINISTRATOR, Role.CONSULTANT, Role.MENTOR, Role.WORKPLACE_MENTOR, Role.CASEWORKER
EVERYONE = {A, C, M, W, R}
READERS = {A, C, M, R}
EDITORS = {A, C, M}
OFFICE = {A, C}
OWN_COMPANY = "co-saxo-genbrug"  # where DC-1 and TE-1 are; the workplace mentor works here
DAY = date(2023, 7, 3)
NO_OBSERVATION = Observation(DAY, "no heading", "no one", "")  # refused by its checks, after the role's
NO_PLACEMENT = cf.Placement("", "", "no type", DAY)  # refused by its checks, after the role's
NO_STEP = cf.ScheduleStep(date(1900, 1, 1), (0, 0, 0, 0, 0, 0, 0))
NO_ASSESSMENT = cf.CapacityAssessment(DAY, 10**6)
NO_FOLLOWUP = cf.Followup(DAY, "no kind")


def _goal(db: Database) -> int:
    return views.citizen_detail(db, "DC").goals[0].id


def _followup(db: Database) -> int:
    return views.citizen_detail(db, "DC").followups[0].id


def _sheet(db: Database) -> bytes:
    return attendance_sheet.make_attendance_sheet(db, OWN_COMPANY, "2023-07").content


# name -> (the call, the roles that may make it). The helpers above run as the system actor.
CALLS: dict[str, tuple[Callable[[Database, Any], object], set[Role]]] = {
    "view a citizen": (lambda db, _: views.citizen_detail(db, "DC"), READERS),
    "list citizens": (lambda db, _: queries.list_citizens(db), READERS),
    "search": (lambda db, _: queries.search(db, "D"), READERS),
    "list follow-ups": (lambda db, _: queries.list_followups(db), READERS),
    "dashboard": (lambda db, _: dashboard.dashboard(db), READERS),
    "first-run progress": (lambda db, _: getting_started.setup_progress(db), READERS),
    "dossier figures": (lambda db, _: dossier.dossier_data(db, "DC"), READERS),
    "render a dossier": (lambda db, _: documents.render_document(db, "DC", formats=("json",)), READERS),
    "issued documents": (lambda db, _: documents.issued_documents(db, "DC"), READERS),
    "find issued": (lambda db, _: documents.find_issued(db, b"x"), READERS),
    "export case file": (lambda db, _: casefile_io.export_case_file(db, "DC"), OFFICE),
    "write case file": (lambda db, _: casefile_io.write_case_file(db, Path(tempfile.mkdtemp()) / "x.json", "DC"),
                        OFFICE),  # fmt: skip
    "import case file": (lambda db, _: casefile_io.import_case_file(db, {"format": "nope"}), OFFICE),
    "issue a dossier": (lambda db, _: documents.issue_document(db, "DC", recipient="", formats=("json",)), EDITORS),
    "create a citizen": (lambda db, _: citizens.create_citizen(db, cf.Citizen("NEW", "Ny")), EDITORS),
    "change a citizen": (lambda db, _: citizens.update_citizen(db, "DC", cf.Citizen("DC", "x"), None), EDITORS),
    "archive a citizen": (lambda db, _: citizens.set_archived(db, "Poul", False), EDITORS),
    "add a referral": (lambda db, _: citizens.add_referral(db, "DC", cf.Referral("", DAY)), EDITORS),
    "add an accommodation": (lambda db, _: citizens.add_accommodation(db, "DC", cf.Accommodation("", "")), EDITORS),
    "change an accommodation": (lambda db, _: citizens.update_accommodation(db, 10**6, cf.Accommodation("", "")), EDITORS),
    "add a goal": (lambda db, _: citizens.add_goal(db, "DC", cf.Goal("", "")), EDITORS),
    "add a score": (lambda db, g: citizens.add_score(db, g["goal"], cf.Score(DAY, 9)), EDITORS),
    "remove a goal": (lambda db, _: citizens.remove_goal(db, 10**6), EDITORS),
    "remove a score": (lambda db, g: citizens.remove_score(db, g["goal"], date(1900, 1, 1), None), EDITORS),
    "discard a citizen": (lambda db, _: citizens.discard_citizen(db, "DC"), EDITORS),
    "create a placement": (lambda db, _: placements.create_placement(db, "DC", NO_PLACEMENT), EDITORS),
    "change a placement": (lambda db, _: placements.update_placement(db, "DC-1", NO_PLACEMENT), EDITORS),
    "a placement's fields": (lambda db, _: placements.placement_fields(db, "DC-1"), READERS),
    "a step of the hours plan": (lambda db, _: placements.schedule_step(db, "DC-1", DAY), READERS),
    "register a placement": (lambda db, _: placements.create_placement(db, "DC", NO_PLACEMENT, None), EDITORS),
    "register a placement with a new mentor": (
        lambda db, _: placements.create_placement(db, "DC", NO_PLACEMENT, cf.Contact("", "")), OFFICE
    ),
    "edit a placement": (lambda db, _: placements.update_placement(db, "DC-1", NO_PLACEMENT, None), EDITORS),
    "edit a placement with a new mentor": (
        lambda db, _: placements.update_placement(db, "DC-1", NO_PLACEMENT, None, cf.Contact("", "")), OFFICE
    ),
    "discard a new placement": (
        lambda db, _: placements.discard_new_placement(db, placements.PlacementSaved("nope", 1)), EDITORS
    ),
    "add a plan step": (lambda db, _: placements.add_schedule_step(db, "DC-1", NO_STEP), EDITORS),
    "add a capacity assessment": (lambda db, _: placements.add_capacity(db, "DC-1", NO_ASSESSMENT), EDITORS),
    "record a follow-up": (lambda db, _: followups.record_followup(db, "DC", NO_FOLLOWUP), EDITORS),
    "change a follow-up": (lambda db, g: followups.update_followup(db, g["followup"], NO_FOLLOWUP), EDITORS),
    "a follow-up's fields": (lambda db, g: followups.followup_fields(db, g["followup"]), READERS),
    "add a correction": (lambda db, g: followups.add_correction(db, g["followup"], "", DAY), EDITORS),
    "create a company": (lambda db, _: companies.create_company(db, cf.Company("", "")), OFFICE),
    "change a company": (lambda db, _: companies.update_company(db, OWN_COMPANY, cf.Company("", "x", "x"), None), OFFICE),
    "add a contact": (lambda db, _: companies.add_contact(db, OWN_COMPANY, cf.Contact("", "")), OFFICE),
    "company detail": (lambda db, _: queries.company_detail(db, "co-bilka"), READERS),
    "a company's fields": (lambda db, _: companies.company_fields(db, "co-bilka"), READERS),
    "a citizen's fields": (lambda db, _: citizens.citizen_fields(db, "DC"), READERS),
    "log attendance (own company)": (
        lambda db, _: attendance.log_day(db, "DC-1", cf.Attendance(date(2023, 7, 3), "present", 180)),
        EDITORS | {W},
    ),
    "log attendance (other company)": (
        lambda db, _: attendance.log_day(db, "DC-2", cf.Attendance(date(2023, 10, 2), "present", 180)),
        EDITORS,
    ),
    "log a week (other company)": (lambda db, _: attendance.log_week_as_planned(db, "SA-1", DAY), EDITORS),
    "see a week (own company)": (lambda db, _: attendance.week(db, "TE-1", DAY), EDITORS | {W}),
    "see a week (other company)": (lambda db, _: attendance.week(db, "SA-1", DAY), EDITORS),
    "expected (own company)": (lambda db, _: mentor.expected(db, OWN_COMPANY, DAY, DAY), EDITORS | {W}),
    "expected (other company)": (lambda db, _: mentor.expected(db, "co-bilka", DAY, DAY), EDITORS),
    "attendance sheet (own company)": (
        lambda db, _: attendance_sheet.make_attendance_sheet(db, OWN_COMPANY, "2023-07"), EDITORS | {W}
    ),
    "attendance sheet (other company)": (
        lambda db, _: attendance_sheet.make_attendance_sheet(db, "co-bilka", "2026-09"), EDITORS
    ),
    "apply an attendance sheet (own company)": (
        lambda db, g: attendance_sheet.apply_attendance_sheet(db, g["sheet"]), EDITORS | {W}
    ),
    "extend a referral": (lambda db, _: citizens.extend_referral(db, 10**6, date(2030, 1, 1)), EDITORS),
    "end a referral": (lambda db, _: citizens.end_referral(db, 10**6, date(2030, 1, 1), "x"), EDITORS),
    "set a referral": (lambda db, _: citizens.set_referral(db, 10**6, cf.Referral("", DAY)), EDITORS),
    "remove a referral": (lambda db, _: citizens.remove_referral(db, 10**6), EDITORS),
    "retire an accommodation": (lambda db, _: citizens.retire_accommodation(db, 10**6, DAY), EDITORS),
    "remove an accommodation": (lambda db, _: citizens.remove_accommodation(db, 10**6), EDITORS),
    "restore an accommodation": (
        lambda db, _: citizens.restore_accommodation(db, citizens.RemovedAccommodation("DC", 1, 0, cf.Accommodation("", ""))),
        EDITORS,
    ),
    "restore a goal": (lambda db, _: citizens.restore_goal(db, citizens.RemovedGoal("DC", 1, 0, cf.Goal("", ""))), EDITORS),
    "restore a score": (lambda db, g: citizens.restore_score(db, g["goal"], citizens.RemovedScore(cf.Score(DAY, 9), 0)), EDITORS),
    "discard a placement": (lambda db, _: placements.discard_placement(db, "DC-1"), EDITORS),
    "archive a placement": (lambda db, _: placements.set_archived(db, "nope", False), EDITORS),
    "remove a plan step": (lambda db, _: placements.remove_schedule_step(db, "DC-1", date(1900, 1, 1)), EDITORS),
    "replace a plan step": (lambda db, _: placements.add_schedule_step(db, "DC-1", NO_STEP), EDITORS),
    "remove a capacity assessment": (lambda db, _: placements.remove_capacity(db, "DC-1", date(1900, 1, 1)), EDITORS),
    "finalise a follow-up": (lambda db, _: followups.finalise_followup(db, 10**6), EDITORS),
    "delete a draft": (lambda db, _: followups.delete_draft(db, 10**6), EDITORS),
    "reopen a follow-up": (lambda db, _: followups.reopen_followup(db, 10**6), EDITORS),
    "remove a correction": (lambda db, _: followups.remove_last_correction(db, 10**6), EDITORS),
    "archive a company": (lambda db, _: companies.set_archived(db, "nope", False), OFFICE),
    "remove a contact": (lambda db, _: companies.remove_contact(db, OWN_COMPANY, "nope"), OFFICE),
    "discard a company": (lambda db, _: companies.discard_company(db, OWN_COMPANY), OFFICE),
    "clear a day (own company)": (lambda db, _: attendance.clear_day(db, "TE-1", date(1990, 1, 1)), EDITORS | {W}),
    "clear a day (other company)": (lambda db, _: attendance.clear_day(db, "SA-1", date(1990, 1, 1)), EDITORS),
    "restore a day (other company)": (lambda db, _: attendance.restore_day(db, "SA-1", date(1990, 1, 1), None), EDITORS),
    "write days (other company)": (
        lambda db, _: attendance.write_days(db, [attendance.DayWrite("SA-1", date(1990, 1, 1), None)]), EDITORS
    ),
    "review an attendance sheet (own company)": (
        lambda db, g: attendance_sheet.review_attendance_sheet(db, g["sheet"]), EDITORS | {W}
    ),
    "an issued document": (lambda db, _: documents.issued_document(db, 10**6), READERS),
    "an issued file": (lambda db, _: documents.issued_file(db, 10**6, "pdf"), READERS),
    "list placements": (lambda db, _: queries.list_placements(db), EVERYONE),  # filtered for a workplace mentor
    "list companies": (lambda db, _: queries.list_companies(db), EVERYONE),  # filtered for a workplace mentor
    "change a user": (lambda db, _: users.update_user(db, "admin", display_name=""), {A}),
    "set another user's password": (lambda db, _: users.set_password(db, "admin", "x"), {A}),
    "list users": (lambda db, _: users.list_users(db), {A}),
    "data-subject export": (lambda db, _: privacy.subject_export(db, "nope"), OFFICE),
    "erase a citizen": (lambda db, _: privacy.erase_citizen(db, "nope", "retention"), {A}),
    "retention candidates": (lambda db, _: privacy.retention_candidates(db, 5), {A}),
    "create a user": (lambda db, _: users.create_user(db, "x y", "X", "mentor", "short"), {A}),
    "read the audit log": (lambda db, _: audit.entries(db), {A}),
    "make a backup": (lambda db, _: backup.make_backup(db, keep=1), {A}),  # the whole database: administrators
    # the profile and observations (spec 1b): health and treatment are art. 9 data, never a workplace mentor's
    "see a profile": (lambda db, _: observations.citizen_profile(db, "DC"), READERS),
    "set a profile": (lambda db, _: observations.set_profile(db, "DC", Profile(education=(ProfileItem(""),))), EDITORS),
    "list observations": (lambda db, _: observations.list_observations(db, "DC"), READERS),
    "add an observation": (lambda db, _: observations.add_observation(db, "DC", NO_OBSERVATION), EDITORS),
    "change an observation": (lambda db, _: observations.update_observation(db, 10**6, NO_OBSERVATION), EDITORS),
    "remove an observation": (lambda db, _: observations.remove_observation(db, 10**6), EDITORS),
    "add a workplace statement (own company)": (
        lambda db, _: observations.add_workplace_statement(
            db, "DC-1", WorkplaceStatement(date(2023, 7, 3), "work_resources", "Møder stabilt")
        ),
        EDITORS | {W},
    ),
    "add a workplace statement (other company)": (
        lambda db, _: observations.add_workplace_statement(
            db, "SA-1", WorkplaceStatement(date(2023, 7, 3), "work_resources", "x")
        ),
        EDITORS,
    ),
    "workplace statements (own company)": (lambda db, _: observations.workplace_statements(db, "DC-1"), EDITORS | {W}),
    "workplace statements (other company)": (lambda db, _: observations.workplace_statements(db, "SA-1"), EDITORS),
    "remove a workplace statement": (lambda db, _: observations.remove_workplace_statement(db, 10**6), EDITORS | {W}),
    # editing the profile item by item (the treatment in it is art. 9 data)
    "profile items": (lambda db, _: profile_edit.profile_rows(db, "DC"), READERS),
    "add a profile item": (lambda db, _: profile_edit.add_profile_item(db, "DC", "treatment", ProfileItem(" ")), EDITORS),
    "change a profile item": (lambda db, _: profile_edit.update_profile_item(db, 10**6, ProfileItem("x")), EDITORS),
    "remove a profile item": (lambda db, _: profile_edit.remove_profile_item(db, 10**6), EDITORS),
    "set the network or wishes": (lambda db, _: profile_edit.set_profile_text(db, "DC", "hobbies", "x"), EDITORS),
    "set the network and wishes": (
        lambda db, _: profile_edit.set_profile_texts(db, "DC", ProfileTexts(), ProfileTexts("x", "y")), EDITORS
    ),
    "the network and wishes": (lambda db, _: profile_edit.profile_texts(db, "DC"), READERS),
    "description texts": (lambda db, _: description.dossier_texts(db, "DC"), READERS),
    "save a description text": (
        lambda db, _: description.save_dossier_text(db, "DC", None, "health", "Migræne"), EDITORS
    ),
    "save description texts": (  # expecting a text that is not there: refused after the role's check
        lambda db, _: description_texts.save_dossier_texts(db, "DC", None, {"health": "x"}, {"health": "y"}), EDITORS
    ),
    "check a dossier": (lambda db, _: description.check_dossier(db, "DC"), READERS),
    # the results report (issue 18): anonymised for everyone, the citizens behind it only for readers
    "results report": (lambda db, _: results.results_report(db, date(2024, 1, 1), date(2024, 12, 31)), EVERYONE),
    "named results report": (
        lambda db, _: results.results_report(db, date(2024, 1, 1), date(2024, 12, 31), named=True), READERS
    ),
    "monthly results overview": (lambda db, _: results.monthly_overview(db), READERS),
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[tuple[Database, dict[str, Any]]]:
    path = tmp_path_factory.mktemp("roles") / "roles.db"
    shutil.copyfile(template_db, path)
    db = Database(f"sqlite:///{path}")
    load_demo(db, date(2026, 11, 23))
    users.create_user(db, "admin", "Admin", Role.ADMINISTRATOR, "correct horse battery")
    givens = {"goal": _goal(db), "followup": _followup(db), "sheet": _sheet(db)}
    yield db, givens
    db.dispose()


def _audit_rows(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(m.AuditEntry)) or 0)


def _as(db: Database, role: Role) -> None:
    company = OWN_COMPANY if role is W else None
    access.set_principal(db, Principal(f"user-{role.value}", role.value, role, company))


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
@pytest.mark.parametrize("name", list(CALLS))
def test_each_role_may_do_only_what_it_is_allowed(shared: tuple[Database, dict[str, Any]], name: str, role: Role) -> None:
    db, givens = shared
    call, allowed = CALLS[name]
    before = _audit_rows(db)
    _as(db, role)
    try:
        if role in allowed:
            with contextlib.suppress(ValidationError, NotFoundError, ConflictError):
                call(db, givens)  # past the role check (the input itself may still be refused)
        else:
            with pytest.raises(AccessDenied) as err:
                call(db, givens)
            assert role.value in str(err.value)
            access.set_principal(db, None)
            assert _audit_rows(db) == before, "a refused call left a trace"
    finally:
        access.set_principal(db, None)


# Service functions that take the database but touch no personal data, or check otherwise (sign-in).
NOT_PERSONAL = {
    "backup.database_file", "backup.default_folder", "backup.integrity_problems", "backup.integrity_ok",
    "backup.backup_if_due", "backup.refresh_manifest", "demo.load_demo",
    "users.has_users", "users.principal_for", "users.authenticate", "users.verify_password",
    "users.create_user",  # the first user needs no one; later ones: "create a user" above
    "audit.record", "audit.log", "audit.verify_chain", "audit.prune", "signin.check_password",
    "access.require", "access.require_unscoped", "access.principal", "access.set_principal", "access.actor_name",
    "audit.audited", "backup.restore_backup",  # restore: tests/services/test_backup.py checks the administrator rule
    "audit.log_read",  # written by the reads above, after their own check
    # the audit chain's seal, check and heads (no personal data; the check itself: "read the audit log")
    "audit_chain.chain_key", "audit_chain.verify", "audit_chain.seal", "audit_chain.external_heads",
    "audit_chain.reset_head",
    "team_setup.setup",  # the server checks its owner: tests/postgres/test_team_roles.py::test_setup_is_only_for_the_owner
    "changes.subscribe",  # who hears of committed writes: the process's own window
    # the read-only mode's journal of audit entries (ids, no personal data), folded in at the next writable start
    "audit.fold_read_journal", "read_journal.path_for", "read_journal.add", "read_journal.load",
    "read_journal.remove",
}


def test_every_service_call_that_takes_the_database_is_covered() -> None:
    """A new service function must get a role test above (or be listed as touching no personal data)."""
    import importlib
    import inspect as pyinspect
    import pkgutil

    import placement_desk.services as pkg

    source = Path(__file__).read_text(encoding="utf-8")
    missing = []
    for info in pkgutil.iter_modules(pkg.__path__):
        module = importlib.import_module(f"placement_desk.services.{info.name}")
        for name, fn in vars(module).items():
            if name.startswith("_") or not pyinspect.isfunction(fn) or fn.__module__ != module.__name__:
                continue
            params = list(pyinspect.signature(fn).parameters)
            if not params or params[0] != "db":
                continue
            qualified = f"{info.name}.{name}"
            if qualified not in NOT_PERSONAL and f"{info.name}.{name}(" not in source:
                missing.append(qualified)
    assert missing == []


def test_a_workplace_mentor_sees_only_their_own_company(shared: tuple[Database, dict[str, Any]]) -> None:
    db, _ = shared
    _as(db, W)
    try:
        assert [c.ref for c in queries.list_companies(db)] == [OWN_COMPANY]
        rows = queries.list_placements(db, include_archived=True)
        assert rows and {r.company for r in rows} == {"Genbrugsbutikken, Saxogade"}
        with pytest.raises(AccessDenied):
            views.citizen_detail(db, "DC")  # the citizen page holds health notes
    finally:
        access.set_principal(db, None)


def test_a_workplace_mentor_without_a_company_sees_nothing(shared: tuple[Database, dict[str, Any]]) -> None:
    db, _ = shared
    access.set_principal(db, Principal("lost", "Lost", W, None))
    try:
        assert queries.list_companies(db) == []
        with pytest.raises(AccessDenied):
            mentor.expected(db, OWN_COMPANY, DAY, DAY)
    finally:
        access.set_principal(db, None)
