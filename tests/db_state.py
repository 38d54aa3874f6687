"""The database's content as a comparable value, for "undo leaves the database as before" checks.

Two views together: the case file of every citizen (the structure: what belongs to whom) and every
table's rows without what a re-creation may legitimately change (surrogate ids, foreign-key ids, the
version counter, timestamps and who wrote them). The audit log and the users are left out: an undo is a
new audited write, never an erasure of the history.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from placement_desk.db import models as m  # noqa: F401 - every table registered on Base
from placement_desk.db.base import Base
from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import export_case_file

LEFT_OUT = {"users", "login_failures", "audit_log", "audit_anchor"}
VOLATILE = {"id", "version", "created_at", "updated_at", "updated_by", "created_by", "logged_at", "logged_by"}
WHETHER = {"archived_at"}  # a moment that may differ after undo and redo; whether it is set may not


def db_state(db: Database) -> dict[str, Any]:
    tables: dict[str, list[str]] = {}
    with db.reading() as s:
        for table in Base.metadata.sorted_tables:
            if table.name in LEFT_OUT:
                continue
            cols = [c.isnot(None) if c.name in WHETHER else c for c in table.columns
                    if c.name not in VOLATILE and not c.name.endswith("_id")]  # fmt: skip
            rows = [json.dumps([str(v) for v in row], ensure_ascii=False) for row in s.execute(select(*cols))]
            tables[table.name] = sorted(rows)
    return {"case_file": json.loads(json.dumps(export_case_file(db), sort_keys=True)), "tables": tables}


def assert_undo_redo_cycles(db: Database, stack: QUndoStack, push: Callable[[], Any], cycles: int = 3) -> None:
    """``push`` does one edit through ``stack``; then undo and redo ``cycles`` times, the database equal
    to before the edit after each undo and equal to after it after each redo."""
    before = db_state(db)
    push()
    after = db_state(db)
    assert after != before, "the edit changed nothing"
    for _ in range(cycles):
        stack.undo()
        assert db_state(db) == before
        stack.redo()
        assert db_state(db) == after
