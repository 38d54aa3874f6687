"""Load the demo citizens (built from the seed cases) through the ordinary case-file import."""

from __future__ import annotations

from datetime import date

from placement_desk.db.engine import Database
from placement_desk.demo.seed_cases import demo_case_file
from placement_desk.services.casefile_io import ImportResult, Progress, import_case_file
from placement_desk.services.common import today


def load_demo(db: Database, on: date | None = None, progress: Progress | None = None) -> ImportResult:
    return import_case_file(db, demo_case_file(on or today()), actor="demo", progress=progress)
