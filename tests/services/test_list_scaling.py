"""Lists whose cost follows the caseload, not the archive: the follow-ups page reads the drafts and the
last weeks, searches in SQL (Danish letters folded), and caps "all"."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest

from placement_desk.db.engine import Database
from placement_desk.db.migrate import upgrade
from placement_desk.services import audit, followups, queries
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.demo import load_demo
from tests.casefiles import case_file, ramp_down_citizen

TODAY = date(2026, 11, 23)  # tests/conftest.py pins it


@pytest.fixture
def demo(tmp_path: object) -> Database:
    db = Database(f"sqlite:///{tmp_path}/demo.db")  # type: ignore[str-bytes-safe]
    upgrade(db)
    load_demo(db, TODAY)
    person = copy.deepcopy(ramp_down_citizen())
    person["name"] = "Ærtebjerg Østergaard"
    person["followups"][0]["note"] = "ÆBLETRÆET i gården; 100% på plads_nu"
    import_case_file(db, case_file(person))
    for row in queries.list_followups(db):  # a mentor finalises most meetings; a few old drafts remain
        old = row.day < TODAY - timedelta(weeks=8)
        if (old and row.id % 4) or (not old and row.id % 2 == 0):
            followups.finalise_followup(db, row.id)
    return db


def test_the_recent_scope_is_the_drafts_and_the_last_weeks(demo: Database) -> None:
    every = queries.list_followups(demo)
    recent = queries.list_followups(demo, recent_weeks=8)
    since = TODAY - timedelta(weeks=8)
    assert recent == [r for r in every if not r.finalised or r.day >= since]
    assert 0 < len(recent) < len(every)
    assert any(r.finalised for r in recent) and any(not r.finalised for r in recent)
    drafts = queries.list_followups(demo, recent_weeks=8, drafts_only=True)
    assert drafts == [r for r in every if not r.finalised]
    assert queries.list_followups(demo, limit=5) == every[:5]


def test_search_in_sql_folds_danish_letters_and_takes_wildcards_literally(demo: Database) -> None:
    every = queries.list_followups(demo)
    hers = [r for r in every if r.citizen_name == "Ærtebjerg Østergaard"]
    assert hers and queries.list_followups(demo, text="østergaard") == hers
    assert queries.list_followups(demo, text="ÆRTEBJERG") == hers
    note = [r for r in hers if r.note and "ÆBLETRÆET" in r.note]
    assert len(note) == 1 and queries.list_followups(demo, text="æbletræet") == note
    assert queries.list_followups(demo, text="100%") == note  # % and _ are letters here, not wildcards
    assert queries.list_followups(demo, text="plads_nu") == note
    assert queries.list_followups(demo, text="pladsXnu") == []
    by_ref = [r for r in every if r.placement_ref == "DC-1"]
    assert by_ref and set(queries.list_followups(demo, text="dc-1")) >= set(by_ref)


def test_the_read_is_audited_with_its_criterion(demo: Database) -> None:
    queries.list_followups(demo, recent_weeks=8, text="østergaard")
    entry = next(
        e
        for e in audit.entries(demo, action=audit.LIST)
        if e.details and e.details.get("read", "").startswith("follow-ups")
    )
    assert entry.details is not None
    assert entry.details["recent_weeks"] == 8 and entry.details["text"] == "østergaard"


# ---- every list a page at a time, sorted and searched by the database (issue 17) ----------------------

LISTS = {
    "citizens": (queries.list_citizens, ("name", "ref", "company", "type", "hours", "ends", "job_goal")),
    "companies": (queries.list_companies, ("name", "cvr", "internal", "active")),
    "placements": (queries.list_placements, queries.PLACEMENT_SORTS),
    "followups": (queries.list_followups, queries.FOLLOWUP_SORTS),
}  # fmt: skip


@pytest.mark.parametrize("kind", LISTS)
def test_pages_put_together_are_the_whole_list_in_every_order(demo: Database, kind: str) -> None:
    read, sorts = LISTS[kind]
    for order in sorts:
        for descending in (False, True):
            whole = read(demo, order=order, descending=descending)
            pages = [read(demo, order=order, descending=descending, offset=i, limit=4) for i in range(0, len(whole), 4)]
            assert [r for page in pages for r in page] == whole, (order, descending)
            assert all(len(page) == 4 for page in pages[:-1])
    assert sorted(map(repr, read(demo))) == sorted(map(repr, whole))  # the same rows whatever the order


def test_a_list_is_sorted_by_the_column_asked_for(demo: Database) -> None:
    citizens = queries.list_citizens(demo, order="company")
    companies = [r.company or "" for r in citizens]
    assert companies == sorted(companies) and len(set(companies)) > 2
    hours = [r.weekly_minutes or 0 for r in queries.list_citizens(demo, order="hours", descending=True)]
    assert hours == sorted(hours, reverse=True) and hours[0] > 0
    names = [r.name for r in queries.list_citizens(demo)]
    assert names == sorted(names)  # by name unless asked otherwise
    ends = [r.end for r in queries.list_placements(demo, order="end", descending=False) if r.end is not None]
    assert ends == sorted(ends)
    starts = [r.start for r in queries.list_placements(demo)]
    assert starts == sorted(starts, reverse=True)  # the newest first unless asked otherwise
    active = [r.active_placements for r in queries.list_companies(demo, order="active", descending=True)]
    assert active == sorted(active, reverse=True) and active[0] > 0


def test_lists_search_in_the_database_with_danish_letters_folded(demo: Database) -> None:
    hers = [r for r in queries.list_citizens(demo) if r.name == "Ærtebjerg Østergaard"]
    assert hers and queries.list_citizens(demo, text="østergaard") == hers
    company = queries.list_citizens(demo)[0].company
    assert company
    found = queries.list_citizens(demo, text=company.upper())
    assert found and all(company.casefold() in f"{r.name} {r.ref} {r.company} {r.job_goal}".casefold() for r in found)
    placement = queries.list_placements(demo)[0]
    assert placement in queries.list_placements(demo, text=placement.ref.lower())
    assert all(placement.ref.lower() in f"{r.ref} {r.citizen_name} {r.company} {r.mentor}".lower()
               for r in queries.list_placements(demo, text=placement.ref))  # fmt: skip
    bilka = [r for r in queries.list_companies(demo) if r.name.startswith("Bilka")]
    assert bilka and queries.list_companies(demo, text="bilka") == bilka
    running = queries.list_placements(demo, running_only=True)
    assert running == [r for r in queries.list_placements(demo) if r.active]


def test_a_search_within_the_recent_scope_finds_what_the_scope_and_the_search_both_keep(demo: Database) -> None:
    recent = queries.list_followups(demo, recent_weeks=8)
    for needle in ("østergaard", "a", "dc-1"):
        found = queries.list_followups(demo, recent_weeks=8, text=needle)
        assert found == [r for r in queries.list_followups(demo, text=needle) if r in recent], needle
    assert queries.list_followups(demo, recent_weeks=8, text="a", drafts_only=True) == [
        r for r in queries.list_followups(demo, text="a") if not r.finalised
    ]


def test_a_follow_up_search_finds_exactly_the_meetings_whose_citizen_placement_or_note_holds_the_text(
    demo: Database,
) -> None:
    """The search's citizens, placements and notes are found apart and put together (queries._followup_search):
    what it finds is what reading every meeting and looking would find, over all of them and within the scope."""
    every = queries.list_followups(demo)
    recent = queries.list_followups(demo, recent_weeks=8)
    some = next(r for r in every if r.placement_ref and r.note)
    word = next(w for w in some.note.split() if len(w) > 4)
    for needle in ("ØSTERGAARD", some.citizen_ref.lower(), some.placement_ref.upper(), word.upper(), "e", "xyzzy"):
        folded = needle.casefold()

        def holds(r: queries.FollowupRow, folded: str = folded) -> bool:
            fields = (r.citizen_name, r.citizen_ref, r.placement_ref or "", r.note or "")
            return any(folded in f.casefold() for f in fields)

        found = queries.list_followups(demo, text=needle)
        assert found == [r for r in every if holds(r)], needle
        assert queries.list_followups(demo, text=needle, recent_weeks=8) == [r for r in recent if holds(r)], needle
    assert queries.list_followups(demo, text=word) and not queries.list_followups(demo, text="xyzzy")
