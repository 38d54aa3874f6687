"""Load the demo citizens (built from the seed cases) through the ordinary case-file import, with the
consultant's description texts where the seed says the plan was written."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.demo.cases_described import TEXTS
from placement_desk.demo.seed_cases import demo_case_file
from placement_desk.domain.roles import Permission
from placement_desk.services import audit
from placement_desk.services.casefile_io import ImportResult, Progress, import_case_file
from placement_desk.services.common import today
from placement_desk.services.templates import DEFAULT_TEMPLATE


def load_demo(db: Database, on: date | None = None, progress: Progress | None = None) -> ImportResult:
    from placement_desk.services.description import store_text

    result = import_case_file(db, demo_case_file(on or today()), actor="demo", progress=progress)
    with audit.audited(db, Permission.IMPORT, audit.IMPORT, "load the demo") as s:
        audit.quiet(s)
        ids = {str(ref): int(cid) for ref, cid in s.execute(select(m.Citizen.ref, m.Citizen.id).where(m.Citizen.ref.in_(list(TEXTS))))}
        for ref, texts in TEXTS.items():
            for heading, text in texts.items():
                store_text(s, ids[ref], DEFAULT_TEMPLATE, heading, text, "demo")
        audit.about(s, None, what="demo description texts", citizen_ids=sorted(ids.values()))
    return result
