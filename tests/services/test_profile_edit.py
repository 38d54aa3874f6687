"""Editing the profile one item at a time (services/profile_edit.py) and observations dated no later than
today: each change one transaction with its audit entry, errors naming the field and changing nothing,
and the roles — treatment is art. 9 data: a workplace mentor neither reads nor writes any of it, a case
worker reads it and changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied, ConflictError, ValidationError
from placement_desk.domain.profile import Observation, ProfileItem
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import access, audit, observations, profile_edit
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.observations import WorkplaceStatement
from tests.casefiles import case_file, hybrid_citizen
from tests.services.test_profile_observations import described_citizen

WM = Principal("karim", "Karim", Role.WORKPLACE_MENTOR, "co-saxo")  # DC-1 is at co-saxo
CASEWORKER = Principal("sofie", "Sofie", Role.CASEWORKER)
MENTOR = Principal("mette", "Mette", Role.MENTOR)


@pytest.fixture
def dc(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("PLACEMENT_DESK_TODAY", "2023-04-10")
    import_case_file(db, case_file(described_citizen(), hybrid_citizen()))
    yield db
    access.set_principal(db, None)


def rows(db: Database, kind: str) -> list[profile_edit.ProfileRow]:
    return [r for r in profile_edit.profile_rows(db, "DC") if r.kind == kind]


def test_an_item_is_added_changed_and_removed_each_in_one_audited_transaction(dc: Database) -> None:
    entries = len(audit.entries(dc))
    new = profile_edit.add_profile_item(dc, "DC", "education", ProfileItem("HF-enkeltfag", "2013", "2014-06"), "karin")
    assert rows(dc, "education")[-1].value == ProfileItem("HF-enkeltfag", "2013", "2014-06")
    version = next(r.version for r in rows(dc, "education") if r.id == new)
    profile_edit.update_profile_item(dc, new, ProfileItem("HF-enkeltfag (dansk)", "2013", "2015"), version, "karin")
    with pytest.raises(ConflictError):  # someone saved it after the version this edit saw
        profile_edit.update_profile_item(dc, new, ProfileItem("x"), version, "karin")
    removed = profile_edit.remove_profile_item(dc, new)
    assert (removed.citizen_ref, removed.kind) == ("DC", "education")
    assert removed.item == ProfileItem("HF-enkeltfag (dansk)", "2013", "2015")
    assert all(r.id != new for r in profile_edit.profile_rows(dc, "DC"))
    again = profile_edit.add_profile_item(dc, "DC", removed.kind, removed.item, "karin", removed.position)
    assert next(r for r in rows(dc, "education") if r.id == again).position == removed.position
    actions = [e.action for e in audit.entries(dc)[entries:]]
    assert actions.count("create") == 2 and actions.count("change") == 1 and actions.count("delete") == 1


def test_network_and_wishes_are_set_and_give_back_what_they_replaced(dc: Database) -> None:
    assert profile_edit.set_profile_text(dc, "DC", "wishes", "  Vil gerne være grafiker  ") == \
        "Vil gerne arbejde udendørs med faste opgaver"  # fmt: skip
    assert observations.citizen_profile(dc, "DC").wishes == "Vil gerne være grafiker"
    assert profile_edit.set_profile_text(dc, "DC", "network", "") == "Bor alene; tæt kontakt til sin søster"
    assert observations.citizen_profile(dc, "DC").network is None
    with pytest.raises(ValidationError) as caught:
        profile_edit.set_profile_text(dc, "DC", "education", "x")
    assert caught.value.path == "kind"


@pytest.mark.parametrize(
    ("fields", "path", "message"),
    [
        ({"from": "2010", "text": " "}, "text", "is required"),
        ({"from": "2010-13", "text": "x"}, "from", "not a date (2010-13 does not exist)"),
        ({"from": "08-2010", "text": "x"}, "from", "not a date: a year, a month or a day (2010, 2010-08 or 2010-08-15)"),
        ({"from": "2015", "to": "2014-12", "text": "x"}, "to", "2014-12 is before from (2015)"),
        ({"from": "2023-05", "text": "x"}, "from", "2023-05 is after today"),
        ({"from": "2022", "to": "2024", "text": "x"}, "to", "2024 is after today"),
    ],
)  # fmt: skip
def test_bad_input_names_the_field_and_changes_nothing(
    dc: Database, fields: dict[str, Any], path: str, message: str
) -> None:
    """A value built in code is checked as one read from a file or typed into the form."""
    before = export_case_file(dc)
    item = ProfileItem(fields["text"], fields.get("from"), fields.get("to"))
    with pytest.raises(ValidationError) as caught:
        profile_edit.add_profile_item(dc, "DC", "benefits", item)
    assert (caught.value.path, caught.value.message) == (path, message)
    first = rows(dc, "benefits")[0]
    with pytest.raises(ValidationError):
        profile_edit.update_profile_item(dc, first.id, item)
    with pytest.raises(ValidationError) as kind:
        profile_edit.add_profile_item(dc, "DC", "hobbies", ProfileItem("x"))
    assert kind.value.path == "kind"
    assert export_case_file(dc) == before


def test_an_observation_cannot_be_dated_after_today(dc: Database) -> None:
    before = export_case_file(dc)
    late = Observation(date(2023, 4, 11), "challenges", "mentor", "Kom for sent")
    first = observations.list_observations(dc, "DC")[0]
    for write in (
        lambda: observations.add_observation(dc, "DC", late),
        lambda: observations.update_observation(dc, first.id, replace(first.value, day=late.day)),
        lambda: observations.add_workplace_statement(dc, "DC-1", WorkplaceStatement(late.day, late.heading, late.text)),
    ):  # fmt: skip
        with pytest.raises(ValidationError) as caught:
            write()
        assert (caught.value.path, caught.value.message) == ("date", "2023-04-11 is after today")
    assert export_case_file(dc) == before
    assert observations.add_observation(dc, "DC", replace(late, day=date(2023, 4, 10))) > 0  # today is fine


def test_a_workplace_mentor_neither_reads_nor_writes_the_profile(dc: Database) -> None:
    item = rows(dc, "treatment")[0].id
    before = export_case_file(dc)
    access.set_principal(dc, WM)
    for call in (
        lambda: profile_edit.profile_rows(dc, "DC"),
        lambda: profile_edit.add_profile_item(dc, "DC", "treatment", ProfileItem("Fysioterapi")),
        lambda: profile_edit.update_profile_item(dc, item, ProfileItem("Ingen")),
        lambda: profile_edit.remove_profile_item(dc, item),
        lambda: profile_edit.set_profile_text(dc, "DC", "network", "x"),
    ):
        with pytest.raises(AccessDenied):
            call()
    access.set_principal(dc, None)
    assert export_case_file(dc) == before


def test_a_case_worker_reads_the_treatment_and_changes_nothing_a_mentor_may(dc: Database) -> None:
    access.set_principal(dc, CASEWORKER)
    treatment = rows(dc, "treatment")
    assert [r.value.text for r in treatment] == ["Tandbehandling"]
    with pytest.raises(AccessDenied):
        profile_edit.update_profile_item(dc, treatment[0].id, ProfileItem("Ingen"))
    with pytest.raises(AccessDenied):
        profile_edit.set_profile_text(dc, "DC", "wishes", "x")
    access.set_principal(dc, MENTOR)
    profile_edit.update_profile_item(dc, treatment[0].id, ProfileItem("Tandbehandling (afsluttet)", "2023-01-09",
                                                                      "2023-03-15", source="citizen"))  # fmt: skip
    assert [r.value.text for r in rows(dc, "treatment")] == ["Tandbehandling (afsluttet)"]
