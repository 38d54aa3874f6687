"""The export reads citizens as plain rows (services.casefile_read): the same case-file data as the ORM's
mapping gives, for every demo citizen and for the parts that are easy to get wrong (archived placements,
follow-ups naming an archived placement, ties in date order, outcomes, profiles)."""

from __future__ import annotations

from sqlalchemy import select

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.services import mapping, placements
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.casefile_read import attendance_json, citizens_out
from placement_desk.services.common import CITIZEN_LOAD_BUT_ATTENDANCE
from placement_desk.services.demo import load_demo


def test_every_demo_citizen_read_as_rows_is_what_the_mapping_gives(db: Database) -> None:
    load_demo(db)
    doc = export_case_file(db)
    some = next(c for c in doc["citizens"] if len(c["placements"]) > 1)
    placements.set_archived(db, some["placements"][0]["ref"], True)  # left out, though a follow-up may name it
    first = doc["citizens"][0]
    twin = {**first, "ref": "TWIN", "placements": [],
            "followups": [{**f, "placement": None} for f in first["followups"]],
            "observations": [{**o, "placement": None} for o in first.get("observations", [])]}  # fmt: skip
    import_case_file(db, {**doc, "citizens": [twin]})  # lists without placements to name
    with db.reading() as s:
        rows = list(s.scalars(select(m.Citizen).options(*CITIZEN_LOAD_BUT_ATTENDANCE)))
        read = citizens_out(s, [c.id for c in rows])
        assert len(read) == len(rows) > 5
        for c in rows:
            assert read[c.id] == mapping.citizen_out(c, attendance={}), c.ref
        pids = [p.id for c in rows for p in c.placements]
        by_id = mapping.attendance_rows(s, pids)
        made = attendance_json(s, pids)
        assert {pid: [cf.attendance_json(a) for a in rs] for pid, rs in by_id.items()} == made
    assert any(p.get("outcome") for c in doc["citizens"] for p in c["placements"])
    assert any(c.get("profile") for c in doc["citizens"]) and any(c.get("observations") for c in doc["citizens"])
