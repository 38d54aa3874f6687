"""Bad input never half-writes: generated case files and form values either succeed or raise a
ValidationError that names the field, and after every failure the database is exactly as before.

No other exception may escape (a TypeError on a weird value is a bug). Example counts are modest for
``make test``; ``BAD_INPUT_EXAMPLES=2000`` (as in ``make soak``) runs many more.
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path as FilePath
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from placement_desk.db.engine import Database
from placement_desk.domain.errors import ValidationError
from placement_desk.export.json_summary import dumps
from placement_desk.services import attendance, citizens, companies, followups, placements
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.views import citizen_detail
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen

Json = Any
Path = tuple[str | int, ...]

EXAMPLES = int(os.environ.get("BAD_INPUT_EXAMPLES", "0"))
SETTINGS = settings(
    max_examples=EXAMPLES or 60,
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
dates = st.dates(min_value=__import__("datetime").date(2023, 2, 20), max_value=__import__("datetime").date(2023, 4, 10))
plausible_date = dates.map(lambda d: d.isoformat())


def field(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly plausible values (so deeper checks are reached), sometimes anything at all."""
    return st.one_of(valid, valid, weird)


# ---- the database as it is -----------------------------------------------------------------------


def snapshot(db: Database) -> tuple[str, list[Any]]:
    """The exported case file and every row of every table (the export alone misses archived rows)."""
    rows: list[Any] = []
    with db.engine.connect() as conn:
        for table in sorted(inspect(conn).get_table_names()):
            rows.append((table, sorted(map(repr, conn.execute(text(f'SELECT * FROM "{table}"')).all()))))
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
def fresh(template_db: FilePath, tmp_path: FilePath) -> Iterator[Database]:
    """A migrated empty database in memory-backed storage where there is some (no fsync waits: these
    tests are about validation; durability has its own tests)."""
    shm = FilePath("/dev/shm")
    folder = FilePath(tempfile.mkdtemp(dir=shm)) if shm.is_dir() and os.access(shm, os.W_OK) else tmp_path
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


def paths(doc: Json, prefix: Path = ()) -> list[Path]:
    """Every place in the document (objects, lists and leaves), the root excluded."""
    found: list[Path] = []
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in items:
        found.append((*prefix, key))
        found.extend(paths(value, (*prefix, key)))
    return found


ALL_PATHS = paths(BASE)


def parent_of(doc: Json, path: Path) -> Json:
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

hours_value = st.sampled_from([0, 0.25, 1.5, 2, 4, 7.5, 8, 24, 24.25, 25, -1, 0.1, 0.3])
weekday_hours = st.dictionaries(
    st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun", "Mon", "xyz"]), field(hours_value), max_size=4
)
texts = st.one_of(st.text(max_size=20), st.sampled_from(SPECIAL_TEXT), st.just("x" * 201), st.just("y" * 301))
refs = st.sampled_from(["DC", "JA", "DC-1", "JA-1", "co-saxo", "co-kids", "wm-1", "NEW", "NEW-1", "", "x" * 81])


def forms(spec: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """A form: some of its fields filled (plausibly or wildly), the others left out."""
    return st.fixed_dictionaries({}, optional={k: field(v) for k, v in spec.items()})


STATUS = st.sampled_from(["present", "sick", "absent_agreed", "absent_unexcused", "ill"])
CITIZEN = {
    "ref": refs,
    "name": texts,
    "cpr": st.sampled_from(["010190-1234", "0101901234", "311390-1234", "01019O-1234", None]),
    "birth_year": st.integers(1850, 2150),
    "benefit": texts,
    "caseworker": texts,
    "job_goal": texts,
    "own_view": texts,
}
PLACEMENT = {
    "ref": refs,
    "company": refs,
    "type": st.sampled_from(["internship", "hybrid", "flex_job", "job"]),
    "purpose": st.sampled_from(["training", "assessment", "fun"]),
    "start": plausible_date,
    "end": plausible_date,
    "end_reason": texts,
    "tasks": st.lists(texts, max_size=3),
    "workplace_mentor": refs,
    "schedule": st.lists(
        st.fixed_dictionaries({"from": plausible_date, "hours": weekday_hours}, optional={"paid_per_week": hours_value}),
        max_size=3,
    ),
}
STEP = {"from": plausible_date, "hours": weekday_hours, "paid_per_week": hours_value}
DAY = {"date": plausible_date, "status": STATUS, "hours": hours_value, "reason": texts, "note": texts}
CAPACITY = {
    "date": plausible_date,
    "effectiveness_pct": st.sampled_from([0, 50, 60.5, 60.555, 100, 101, -1]),
    "note": texts,
    "tasks": st.lists(
        st.fixed_dictionaries(
            {
                "name": texts,
                "time_share_pct": st.sampled_from([50, 100, 101]),
                "tempo_pct": st.sampled_from([80, 250]),
                "quality_pct": st.sampled_from([90, 100.5]),
            }
        ),
        max_size=6,
    ),
}
FOLLOWUP = {
    "date": plausible_date,
    "kind": st.sampled_from(["monthly", "phone", "party"]),
    "placement": refs,
    "participants": st.lists(texts, max_size=3),
    "note": texts,
    "citizen_view": texts,
    "agreed_changes": texts,
    "topics": st.dictionaries(st.sampled_from(["attendance", "benefit", "behaviour", "x"]), field(texts), max_size=3),
}
REFERRAL = {
    "programme": texts,
    "start": plausible_date,
    "end": plausible_date,
    "extensions": st.lists(plausible_date, max_size=3),
    "end_reason": texts,
}
ACCOMMODATION = {
    "category": st.sampled_from(["sensory", "time", "mental"]),
    "text": texts,
    "identified": plausible_date,
    "source": st.sampled_from(["doctor", "observed", "rumour"]),
    "active": st.booleans(),
    "retired": plausible_date,
}
GOAL = {
    "area": st.sampled_from(["health", "employment", "luck"]),
    "text": texts,
    "subgoals": st.lists(texts, max_size=3),
    "scores": st.lists(st.fixed_dictionaries({"date": plausible_date, "score": st.integers(-6, 6)}), max_size=3),
}
COMPANY = {
    "ref": refs,
    "name": texts,
    "cvr": st.sampled_from(["12345674", "12345678", "1234 5674", None]),
    "industry": texts,
    "address": texts,
    "internal": st.booleans(),
    "contacts": st.lists(st.fixed_dictionaries({"ref": refs, "name": texts}), max_size=3),
}
CONTACT = {"ref": refs, "name": texts, "role": texts, "phone": texts, "email": texts}


def _first_followup(db: Database) -> tuple[int, int]:
    row = citizen_detail(db, "DC").followups[0]
    return row.id, row.version


def _update_followup(db: Database, changes: dict[str, Any]) -> object:
    fid, version = _first_followup(db)
    return followups.update_followup(db, fid, changes, expected_version=version)


ACTIONS: dict[str, tuple[dict[str, st.SearchStrategy[Any]], Callable[[Database, dict[str, Any]], object]]] = {
    "create_citizen": (CITIZEN, citizens.create_citizen),
    "update_citizen": (
        {k: v for k, v in CITIZEN.items() if k != "ref"},
        lambda db, f: citizens.update_citizen(db, "DC", f),
    ),
    "create_placement": (PLACEMENT, lambda db, f: placements.create_placement(db, "JA", f)),
    "update_placement": (
        {k: v for k, v in PLACEMENT.items() if k not in ("ref", "schedule")},
        lambda db, f: placements.update_placement(db, "DC-1", f),
    ),
    "add_schedule_step": (STEP, lambda db, f: placements.add_schedule_step(db, "DC-1", f)),
    "add_capacity": (CAPACITY, lambda db, f: placements.add_capacity(db, "DC-1", f)),
    "log_day": (DAY, lambda db, f: attendance.log_day(db, "DC-1", f)),
    "record_followup": (FOLLOWUP, lambda db, f: followups.record_followup(db, "DC", f)),
    "update_followup": ({k: v for k, v in FOLLOWUP.items()}, _update_followup),
    "add_referral": (REFERRAL, lambda db, f: citizens.add_referral(db, "DC", f)),
    "add_accommodation": (ACCOMMODATION, lambda db, f: citizens.add_accommodation(db, "DC", f)),
    "add_goal": (GOAL, lambda db, f: citizens.add_goal(db, "DC", f)),
    "create_company": (COMPANY, companies.create_company),
    "add_contact": (CONTACT, lambda db, f: companies.add_contact(db, "co-kids", f)),
}


@settings(SETTINGS, max_examples=EXAMPLES or 120)
@given(data=st.data())
def test_form_values_are_saved_whole_or_refused_with_the_field(loaded: Database, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(ACTIONS)), label="service")
    spec, action = ACTIONS[name]
    values = data.draw(forms(spec), label="fields")
    attempt(loaded, lambda: action(loaded, values))


def test_the_generators_reach_both_outcomes(loaded: Database) -> None:
    """A sanity check of the harness: a valid value is saved and a bad one is refused."""
    assert attempt(loaded, lambda: attendance.log_day(loaded, "DC-1", {"date": "2023-03-14", "status": "present",
                                                                        "hours": 2}))
    assert not attempt(loaded, lambda: attendance.log_day(loaded, "DC-1", {"date": "2023-03-14", "status": "present",
                                                                            "hours": "2"}))
