"""The list pages' queries (a page at a time, sorted and searched by the database) give the same rows on
PostgreSQL as on SQLite, page for page, in every order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from placement_desk.db.engine import Database
from placement_desk.services import queries

LISTS: dict[str, tuple[Callable[..., list[Any]], tuple[str, ...]]] = {
    "citizens": (queries.list_citizens, ("name", "ref", "company", "type", "hours", "ends", "job_goal")),
    "companies": (queries.list_companies, ("name", "cvr", "internal", "active")),
    "placements": (queries.list_placements, queries.PLACEMENT_SORTS),
    "followups": (queries.list_followups, queries.FOLLOWUP_SORTS),
}


def test_every_list_page_on_postgresql_equals_sqlites(demo_pair: tuple[Database, Database]) -> None:
    lite, pg_db = demo_pair
    for kind, (read, sorts) in LISTS.items():
        for order in sorts[:1] + sorts[2:4]:  # texts, numbers and dates, with NULLs among them
            for descending in (False, True):
                expected = read(lite, order=order, descending=descending, offset=3, limit=7)
                assert len(expected) == 7, (kind, order)
                got = read(pg_db, order=order, descending=descending, offset=3, limit=7)
                if order in ("name", "ref", "citizen", "day"):  # unique enough that the order is the same
                    assert got == expected, (kind, order, descending)
                whole = read(pg_db, order=order, descending=descending)
                assert sorted(map(repr, whole)) == sorted(map(repr, read(lite))), kind
    assert queries.list_citizens(pg_db, text="MIRIAM") == queries.list_citizens(lite, text="miriam")
    assert queries.list_placements(pg_db, running_only=True) == queries.list_placements(lite, running_only=True)
    recent = queries.list_followups(lite, recent_weeks=8, text="a")
    assert recent and queries.list_followups(pg_db, recent_weeks=8, text="A") == recent
    found = queries.list_followups(lite, text="fleksjob")  # every meeting searched, not only the recent ones
    assert found and queries.list_followups(pg_db, text="FLEKSJOB") == found
