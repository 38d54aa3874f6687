"""Two people editing the same follow-up on a shared server: the second save gets a conflict, nothing is lost."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from placement_desk.db.engine import Database
from placement_desk.domain.errors import ConflictError
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.followups import update_followup
from placement_desk.services.views import citizen_detail
from tests import typed_values as tv
from tests.casefiles import case_file, ramp_down_citizen

pytestmark = pytest.mark.postgres


def _first_followup(db: Database) -> tuple[int, int, str | None]:
    row = citizen_detail(db, "DC").followups[0]
    return row.id, row.version, row.value.note


def test_a_stale_save_is_refused(pg_db: Database) -> None:
    """Both open the meeting note; Anna saves first; Bo's save (from the old version) is refused."""
    import_case_file(pg_db, case_file(ramp_down_citizen()))
    fid, version, _ = _first_followup(pg_db)
    anna = tv.followup_change(pg_db, fid, {"note": "Anna: opstart aftalt"})
    assert update_followup(pg_db, fid, anna, expected_version=version, actor="anna").version == version + 1
    with pytest.raises(ConflictError, match="anna"):
        update_followup(pg_db, fid, tv.followup_change(pg_db, fid, {"note": "Bo: noget andet"}), expected_version=version, actor="bo")
    assert _first_followup(pg_db)[1:] == (version + 1, "Anna: opstart aftalt")


def _waiting_on_a_lock(db: Database) -> bool:
    with db.engine.connect() as conn:
        return bool(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar()
        )


def test_two_saves_at_the_same_moment(pg_db: Database) -> None:
    """Both saves pass the version check before either commits; the row lock orders them and the
    version column catches the loser: ConflictError for Bo, Anna's text kept."""
    import_case_file(pg_db, case_file(ramp_down_citizen()))
    fid, version, _ = _first_followup(pg_db)
    anna_at_commit, anna_may_commit = threading.Event(), threading.Event()
    outcome: dict[str, Any] = {}

    def hold_anna(session: Session) -> None:
        if threading.current_thread().name == "anna":
            anna_at_commit.set()
            assert anna_may_commit.wait(20)

    def save(who: str, note: str) -> None:
        try:
            value = tv.followup_change(pg_db, fid, {"note": note})
            outcome[who] = update_followup(pg_db, fid, value, expected_version=version, actor=who).version
        except Exception as exc:
            outcome[who] = exc

    event.listen(Session, "before_commit", hold_anna)
    try:
        anna = threading.Thread(target=save, args=("anna", "Anna"), name="anna")
        anna.start()  # flushes her UPDATE (row locked) and waits before COMMIT
        assert anna_at_commit.wait(20)
        bo = threading.Thread(target=save, args=("bo", "Bo"), name="bo")
        bo.start()  # reads the old version, passes the check, blocks on Anna's row lock
        deadline = time.monotonic() + 20
        while not _waiting_on_a_lock(pg_db):
            assert time.monotonic() < deadline, "Bo's save never reached the row lock"
            time.sleep(0.05)
        anna_may_commit.set()
        anna.join(20)
        bo.join(20)
    finally:
        anna_may_commit.set()
        event.remove(Session, "before_commit", hold_anna)
    assert outcome["anna"] == version + 1
    assert isinstance(outcome["bo"], ConflictError), outcome["bo"]
    assert _first_followup(pg_db)[1:] == (version + 1, "Anna")
