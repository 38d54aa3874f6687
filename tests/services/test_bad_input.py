"""Bad input never half-writes: generated case files and form values either succeed or raise a
ValidationError that names the field, and after every failure the database is exactly as before.

No other exception may escape (a TypeError on a weird value is a bug). Example counts are modest for
``make test``; ``BAD_INPUT_EXAMPLES=500`` (as in ``make soak``) runs random ones, many more.
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import (
    parse_accommodation,
    parse_attendance,
    parse_citizen,
    parse_company,
    parse_contact,
    parse_goal,
    parse_referral,
)
from placement_desk.domain.errors import ValidationError
from placement_desk.export.json_summary import dumps
from placement_desk.services import attendance, citizens, companies, followups, placements
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.views import citizen_detail
from tests import typed_values as tv
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen

Json = Any
Place = tuple[str | int, ...]  # where in a JSON document

EXAMPLES = int(os.environ.get("BAD_INPUT_EXAMPLES", "0"))
SETTINGS = settings(
    max_examples=EXAMPLES or 50,
    deadline=None,
    derandomize=not EXAMPLES,  # the same examples in every make test; random ones in a soak
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# ---- values --------------------------------------------------------------------------------------

SPECIAL_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",  # a lone surrogate (valid JSON: "\ud800")
    "x" * 81,
    "æøå" * 70,
    "2023-02-30",
    "2023-03-05\n",
    "２０２３-０３-０５",  # full-width digits
    "١٩٩٠-٠١-٠١",  # Arabic-Indic digits
    "0001-01-01",
    "9999-12-31",
    "NaN",
    "DC",
    "DC-1",
    "JA-1",
    "co-saxo",
    "co-kids",
    "wm-1",
    "co-unknown",
    "present",
    "monthly",
    "010190-1234",
    "١٠٠١٩٠-١٢٣٤",
    "12345674",
]
weird = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, -1, 0.1, 0.25, 7.5, 24, 24.25, 168, 1e308, -0.0, 10**400]),
    st.text(max_size=12),
    st.sampled_from(SPECIAL_TEXT),
    st.lists(st.one_of(st.integers(), st.text(max_size=3)), max_size=3),
    st.dictionaries(st.sampled_from(["mon", "tue", "x", "date", "ref"]), st.integers(-3, 30), max_size=3),
)
# Mostly inside DC-1's period (March 2023), sometimes just outside it.
plausible_date = st.one_of(
    st.dates(min_value=date(2023, 3, 1), max_value=date(2023, 3, 31)),
    st.dates(min_value=date(2023, 3, 1), max_value=date(2023, 3, 31)),
    st.dates(min_value=date(2023, 2, 20), max_value=date(2023, 4, 10)),
).map(lambda d: d.isoformat())


def field(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly plausible values (so deeper checks are reached), sometimes anything at all."""
    return st.one_of(valid, valid, weird)


# ---- the database as it is -----------------------------------------------------------------------


def snapshot(db: Database) -> tuple[str, list[Any]]:
    """The exported case file and every row of every table (the export alone misses archived rows).

    The export itself leaves an "export" entry in the audit log, and a form that reads its record first a
    "view": those are left out of the comparison (a refused input must leave no entry of another kind).
    """
    rows: list[Any] = []
    with db.engine.connect() as conn:
        for table in sorted(inspect(conn).get_table_names()):
            where = " WHERE action NOT IN ('export', 'view')" if table == "audit_log" else ""
            rows.append((table, sorted(map(repr, conn.execute(text(f'SELECT * FROM "{table}"{where}')).all()))))
    return dumps(export_case_file(db)), rows


_last: dict[int, tuple[str, list[Any]]] = {}


def attempt(db: Database, action: Callable[[], object]) -> bool:
    """Run one action; on ValidationError check the path and that nothing changed. True if it succeeded."""
    before = _last.get(id(db)) or snapshot(db)  # a refused input leaves the last snapshot valid
    _last.pop(id(db), None)
    try:
        action()
    except ValidationError as exc:
        assert exc.path, f"a ValidationError without a path: {exc}"
        assert exc.message
        after = snapshot(db)
        assert after[0] == before[0], f"the export changed after a refused input ({exc})"
        assert after[1] == before[1], f"a table changed after a refused input ({exc})"
        _last[id(db)] = after
        return False
    return True


@pytest.fixture
def fresh(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    """A migrated empty database in memory-backed storage where there is some (no fsync waits: these
    tests are about validation; durability has its own tests)."""
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() and os.access(shm, os.W_OK) else tmp_path
    shutil.copyfile(template_db, folder / "desk.db")
    database = Database(f"sqlite:///{folder / 'desk.db'}")
    yield database
    database.dispose()
    _last.pop(id(database), None)
    if folder != tmp_path:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def loaded(fresh: Database) -> Database:
    import_case_file(fresh, case_file(ramp_down_citizen(), hybrid_citizen()))
    return fresh


# ---- case files ----------------------------------------------------------------------------------

BASE = case_file(ramp_down_citizen(), hybrid_citizen())


def paths(doc: Json, prefix: Place = ()) -> list[Place]:
    """Every place in the document (objects, lists and leaves), the root excluded."""
    found: list[Place] = []
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in items:
        found.append((*prefix, key))
        found.extend(paths(value, (*prefix, key)))
    return found


ALL_PATHS = paths(BASE)


def parent_of(doc: Json, path: Place) -> Json:
    for key in path[:-1]:
        doc = doc[key]
    return doc


@st.composite
def mutated_case_files(draw: st.DrawFn) -> Json:
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        try:
            parent = parent_of(doc, path)
            key = path[-1]
            current = parent[key]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this place
        kind = draw(st.sampled_from(["replace", "replace", "drop", "duplicate", "swap"]))
        if kind == "replace":
            parent[key] = draw(weird)
        elif kind == "drop":
            del parent[key]
        elif kind == "duplicate" and isinstance(parent, list):
            parent.insert(int(key), copy.deepcopy(current))
        elif kind == "duplicate" and isinstance(current, list) and current:
            current.append(copy.deepcopy(current[0]))
        else:  # swap in a value of the same kind from elsewhere (a valid value in the wrong place)
            other = draw(st.sampled_from(ALL_PATHS))
            try:
                parent[key] = copy.deepcopy(parent_of(BASE, other)[other[-1]])
            except (KeyError, IndexError, TypeError):
                continue
    return doc


@SETTINGS
@given(doc=mutated_case_files())
def test_mutated_case_files_import_whole_or_not_at_all(loaded: Database, doc: Json) -> None:
    attempt(loaded, lambda: import_case_file(loaded, doc))


@SETTINGS
@given(doc=mutated_case_files())
def test_mutated_case_files_into_an_empty_database(fresh: Database, doc: Json) -> None:
    attempt(fresh, lambda: import_case_file(fresh, doc))


@settings(SETTINGS, max_examples=max(EXAMPLES // 4, 30))
@given(doc=st.one_of(weird, st.dictionaries(st.text(max_size=8), weird, max_size=4)))
def test_anything_at_all_is_refused_with_a_path(fresh: Database, doc: Json) -> None:
    attempt(fresh, lambda: import_case_file(fresh, doc))


# ---- form values -----------------------------------------------------------------------------------

hours_value = st.one_of(st.sampled_from([0, 0.25, 1.5, 2, 4, 7.5, 8, 24]), st.sampled_from([24.25, 25, -1, 0.1]))
weekday_hours = st.dictionaries(
    st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun", "mon", "tue", "Mon", "xyz"]),
    field(hours_value),
    max_size=4,
)
clean_text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=20)
texts = st.one_of(clean_text, clean_text, clean_text, st.sampled_from([*SPECIAL_TEXT, "x" * 201, "y" * 301]))
new_refs = st.one_of(st.from_regex(r"[A-Z][a-z]{1,3}(-[0-9])?", fullmatch=True), st.sampled_from(["DC", "", "x" * 81]))
company_refs = st.sampled_from(["co-saxo", "co-kids", "co-saxo", "co-kids", "co-unknown"])
placement_refs = st.sampled_from(["DC-1", "DC-1", None, None, "JA-1", "XX-1"])
mentor_refs = st.sampled_from([None, None, "wm-1", "wm-2"])


def choice(*values: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(values)


@st.composite
def forms(draw: st.DrawFn, spec: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """A form: most fields filled plausibly (so that many forms are saved), a few left out or wild."""
    values: dict[str, Any] = {}
    for key, valid in spec.items():
        how = draw(st.integers(0, 15))
        if how < 14:
            values[key] = draw(valid)
        elif how == 14:
            values[key] = draw(weird)
    return values


STATUS = choice("present", "present", "sick", "absent_agreed", "absent_unexcused", "ill")
CITIZEN = {
    "ref": new_refs,
    "name": texts,
    "cpr": choice(None, None, "010190-1234", "0101901234", "311390-1234", "01019O-1234"),
    "birth_year": st.one_of(choice(None, 1972, 1990, 2001), st.integers(1890, 2110)),
    "benefit": texts,
    "caseworker": texts,
    "job_goal": texts,
    "own_view": texts,
}
PLACEMENT = {
    "ref": new_refs,
    "company": company_refs,
    "type": choice("internship", "hybrid", "flex_job", "job"),
    "purpose": choice("training", "assessment", None, "fun"),
    "start": plausible_date,
    "end": st.one_of(st.none(), plausible_date),
    "end_reason": texts,
    "tasks": st.lists(texts, max_size=3),
    "workplace_mentor": mentor_refs,
    "schedule": st.lists(
        st.fixed_dictionaries({"from": plausible_date, "hours": weekday_hours}, optional={"paid_per_week": hours_value}),
        max_size=2,
    ),
}
STEP = {"from": plausible_date, "hours": weekday_hours, "paid_per_week": choice(0, 0, 1, 2.5, 200)}
DAY = {"date": plausible_date, "status": STATUS, "hours": hours_value, "reason": texts, "note": texts}
CAPACITY = {
    "date": plausible_date,
    "effectiveness_pct": choice(0, 50, 60.5, 60.555, 100, 101, -1),
    "note": texts,
    "tasks": st.lists(
        st.fixed_dictionaries(
            {
                "name": texts,
                "time_share_pct": choice(50, 100, 101),
                "tempo_pct": choice(80, 250),
                "quality_pct": choice(90, 100.5),
            }
        ),
        max_size=3,
    ),
}
FOLLOWUP = {
    "date": plausible_date,
    "kind": choice("monthly", "phone", "three_party", "party"),
    "placement": placement_refs,
    "participants": st.lists(choice("citizen", "mentor", "workplace_mentor", "", 7), max_size=3),
    "note": texts,
    "citizen_view": texts,
    "agreed_changes": texts,
    "topics": st.dictionaries(choice("attendance", "benefit", "behaviour", "x"), field(texts), max_size=3),
}
REFERRAL = {
    "programme": texts,
    "start": plausible_date,
    "end": st.one_of(st.none(), plausible_date),
    "extensions": st.lists(plausible_date, max_size=2),
    "end_reason": texts,
}
ACCOMMODATION = {
    "category": choice("sensory", "time", "mental"),
    "text": texts,
    "identified": plausible_date,
    "source": choice("doctor", "observed", None, "rumour"),
    "active": st.booleans(),
    "retired": st.one_of(st.none(), plausible_date),
}
GOAL = {
    "area": choice("health", "employment", "luck"),
    "text": texts,
    "subgoals": st.lists(texts, max_size=3),
    "scores": st.lists(st.fixed_dictionaries({"date": plausible_date, "score": st.integers(-6, 6)}), max_size=3),
}
COMPANY = {
    "ref": st.one_of(st.from_regex(r"co-[a-z]{1,5}", fullmatch=True), company_refs),
    "name": texts,
    "cvr": choice("12345674", None, "12345678", "1234 5674"),
    "industry": texts,
    "address": texts,
    "internal": st.booleans(),
    "contacts": st.lists(st.fixed_dictionaries({"ref": choice("k1", "k2", "k1", ""), "name": texts}), max_size=2),
}
CONTACT = {"ref": choice("k1", "k2", "wm-1", ""), "name": texts, "role": texts, "phone": texts, "email": texts}


def _first_followup(db: Database) -> tuple[int, int]:
    row = citizen_detail(db, "DC").followups[0]
    return row.id, row.version


def _update_citizen(db: Database, changes: dict[str, Any]) -> object:
    current, version = citizens.citizen_fields(db, "DC")
    return citizens.update_citizen(db, "DC", parse_citizen({**cf.citizen_json(current), **changes}, ""), version)


def _update_followup(db: Database, changes: dict[str, Any]) -> object:
    fid, version = _first_followup(db)
    return followups.update_followup(db, fid, tv.followup_change(db, fid, changes), expected_version=version)


ACTIONS: dict[str, tuple[dict[str, st.SearchStrategy[Any]], Callable[[Database, dict[str, Any]], object]]] = {
    "create_citizen": (CITIZEN, lambda db, f: citizens.create_citizen(db, parse_citizen(f, ""))),  # as the form
    "update_citizen": ({k: v for k, v in CITIZEN.items() if k != "ref"}, _update_citizen),
    "create_placement": (PLACEMENT, lambda db, f: placements.create_placement(db, "JA", tv.placement(f))),
    "update_placement": (
        {k: v for k, v in PLACEMENT.items() if k not in ("ref", "schedule")},
        lambda db, f: placements.update_placement(db, "DC-1", tv.placement_change(db, "DC-1", f)),
    ),
    "add_schedule_step": (STEP, lambda db, f: placements.add_schedule_step(db, "DC-1", tv.step(f))),
    "add_capacity": (CAPACITY, lambda db, f: placements.add_capacity(db, "DC-1", tv.capacity(f))),
    "log_day": (DAY, lambda db, f: attendance.log_day(db, "DC-1", parse_attendance(f, ""))),  # as the grid does
    "record_followup": (FOLLOWUP, lambda db, f: followups.record_followup(db, "DC", tv.followup(f))),
    "update_followup": ({k: v for k, v in FOLLOWUP.items()}, _update_followup),
    "add_referral": (REFERRAL, lambda db, f: citizens.add_referral(db, "DC", parse_referral(f, ""))),
    "add_accommodation": (ACCOMMODATION, lambda db, f: citizens.add_accommodation(db, "DC", parse_accommodation(f, ""))),
    "add_goal": (GOAL, lambda db, f: citizens.add_goal(db, "DC", parse_goal(f, ""))),
    "create_company": (COMPANY, lambda db, f: companies.create_company(db, parse_company(f, ""))),
    "add_contact": (CONTACT, lambda db, f: companies.add_contact(db, "co-kids", parse_contact(f, ""))),
}


@settings(SETTINGS, max_examples=EXAMPLES or 80)
@given(data=st.data())
def test_form_values_are_saved_whole_or_refused_with_the_field(loaded: Database, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(ACTIONS)), label="service")
    spec, action = ACTIONS[name]
    values = data.draw(forms(spec), label="fields")
    attempt(loaded, lambda: action(loaded, values))


def test_the_generators_reach_both_outcomes(loaded: Database) -> None:
    """A sanity check of the harness: a valid value is saved and a bad one is refused."""
    assert attempt(loaded, lambda: attendance.log_day(loaded, "DC-1", parse_attendance({"date": "2023-03-14",
                                                                        "status": "present", "hours": 2}, "")))
    assert not attempt(loaded, lambda: attendance.log_day(loaded, "DC-1", parse_attendance({"date": "2023-03-14",
                                                                            "status": "present", "hours": "2"}, "")))


# ---- the crashes and silent differences these tests found, pinned down -----------------------------

ATTENDANCE = ("citizens", 0, "placements", 0, "attendance", 0)


@pytest.mark.parametrize(
    ("place", "value", "path"),
    [
        ((*ATTENDANCE, "hours"), float("nan"), "citizens[0].placements[0].attendance[0].hours"),
        ((*ATTENDANCE, "hours"), float("inf"), "citizens[0].placements[0].attendance[0].hours"),
        (("citizens", 0, "name"), "D.\x00C.", "citizens[0].name"),  # PostgreSQL text cannot hold NUL
        (("citizens", 0, "name"), "D.\ud800", "citizens[0].name"),  # cannot be stored as UTF-8
        (("citizens", 0, "name"), "D" * 201, "citizens[0].name"),  # wider than the column
        (("citizens", 0, "own_view"), "ok\x00", "citizens[0].own_view"),
        (("citizens", 0, "followups", 0, "topics"), {"benefit": "\x00"}, "citizens[0].followups[0].topics.benefit"),
        ((*ATTENDANCE, "date"), "2023-03-01\n", "citizens[0].placements[0].attendance[0].date"),
        ((*ATTENDANCE, "date"), "２０２３-０３-０１", "citizens[0].placements[0].attendance[0].date"),
        (("citizens", 0, "placements", 0, "end"), "9999-12-31", "citizens[0].placements[0].end"),
        (("citizens", 0, "cpr"), "٠١٠١٩٠-١٢٣٤", "citizens[0].cpr"),
        (("companies", 0, "cvr"), "１２３４５６７４", "companies[0].cvr"),
    ],
)
def test_values_that_used_to_crash_or_differ_by_database(place: Place, value: Any, path: str) -> None:
    from placement_desk.domain.casefile_parse import parse_case_file

    doc = copy.deepcopy(BASE)
    parent_of(doc, place)[place[-1]] = value
    with pytest.raises(ValidationError) as err:
        parse_case_file(doc)
    assert err.value.path == path


def test_text_limits_match_the_database_columns() -> None:
    """Every limited text field of the parser is exactly as wide as its column (PostgreSQL enforces it)."""
    from sqlalchemy import String

    from placement_desk.db import models as m
    from placement_desk.domain.casefile_parse import parse_case_file

    fields = {
        ("companies", 0, "name"): m.Company.name,
        ("companies", 0, "industry"): m.Company.industry, ("companies", 0, "address"): m.Company.address,
        ("companies", 0, "contacts", 0, "name"): m.Contact.name, ("companies", 0, "contacts", 0, "role"): m.Contact.role,
        ("companies", 0, "contacts", 0, "phone"): m.Contact.phone,
        ("companies", 0, "contacts", 0, "email"): m.Contact.email,
        ("citizens", 0, "name"): m.Citizen.name, ("citizens", 0, "benefit"): m.Citizen.benefit,
        ("citizens", 0, "caseworker"): m.Citizen.caseworker, ("citizens", 0, "job_goal"): m.Citizen.job_goal,
        ("citizens", 0, "referrals", 0, "programme"): m.Referral.programme,
        (*ATTENDANCE[:-2], "ref"): m.Placement.ref,
        (*ATTENDANCE, "reason"): m.AttendanceRecord.reason,
    }
    for place, column in fields.items():
        width = column.property.columns[0].type
        assert isinstance(width, String) and width.length
        for length, ok in ((width.length, True), (width.length + 1, False)):
            doc = copy.deepcopy(BASE)
            parent_of(doc, place)[place[-1]] = "é" * length
            if place[-1] == "ref" and place[0] == "citizens":
                doc["citizens"][0]["followups"] = []  # they refer to the placement by its old ref
            if ok:
                parse_case_file(doc)
            else:
                with pytest.raises(ValidationError, match="too long"):
                    parse_case_file(doc)
