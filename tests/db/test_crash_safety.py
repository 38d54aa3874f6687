"""Crash safety: a writer process killed with SIGKILL at random moments loses no acknowledged commit,
never leaves half a transaction, and the database stays intact (PRAGMA integrity_check), both for the
plain database and for the encrypted one (SQLCipher: also PRAGMA cipher_integrity_check).

``CRASH_TRIALS`` sets the number of kills per kind of database (20 in make test, 200 in make soak);
``CRASH_SEED`` the seed.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from placement_desk.db import sqlite_files as files
from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.encryption import encrypt_in_place
from tests.casefiles import case_file

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer server forks (POSIX only)")

TRIALS = int(os.environ.get("CRASH_TRIALS", "20"))
SEED = int(os.environ.get("CRASH_SEED", "20261123"))
WRITER = Path(__file__).with_name("crash_writer.py")
Day = tuple[str, int]  # status, minutes


class Writer:
    """The writer server (tests/db/crash_writer.py) and its output, line by line."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
            env=os.environ.copy(),
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next(60) == "READY"

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next(self, timeout: float = 20) -> str:
        line = self.lines.get(timeout=timeout)
        assert line is not None, "the writer server ended unexpectedly"
        return line

    def trial(self, url: str, seed: int, kill_after: float, key: bytes | None = None) -> list[str]:
        """Start a writer, SIGKILL it after ``kill_after`` seconds; everything it printed."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{url}\tCR-1\t{seed}\t{key.hex() if key is not None else '-'}\n")
        self.proc.stdin.flush()
        first = self.next()
        assert first.startswith("PID "), first
        time.sleep(kill_after)
        os.kill(int(first.split()[1]), signal.SIGKILL)
        out = []
        while not (line := self.next()).startswith("EXIT "):
            out.append(line)
        status = int(line.split()[1])
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"the writer failed: {out[-3:]}"
        return out

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@pytest.fixture
def writer() -> Iterator[Writer]:
    w = Writer()
    yield w
    w.close()


def registered(path: Path, key: bytes | None = None) -> dict[str, Day]:
    """What the database holds after the crash (opening it recovers the WAL), after checking it is intact."""
    conn = files.connect(path, key=key)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        if key is not None:
            assert files.cipher_problems(conn) == []
            assert files.is_encrypted(path)
        rows = conn.execute(
            "SELECT a.day, a.status, a.minutes FROM attendance a JOIN placements p ON p.id = a.placement_id "
            "WHERE p.ref = 'CR-1'"
        ).fetchall()
    finally:
        conn.close()
    return {day: (status, minutes) for day, status, minutes in rows}


def replay(state: dict[str, Day], lines: list[str]) -> tuple[dict[str, Day], tuple[str, Day | None] | None]:
    """The state after every acknowledged change, and the change in flight at the kill (if any)."""
    state = dict(state)
    pending: tuple[str, Day | None] | None = None
    for line in lines:
        if line == "A":
            assert pending is not None
            day, value = pending
            if value is None:
                state.pop(day, None)
            else:
                state[day] = value
            pending = None
        else:
            parts = line.split()
            assert parts[0] == "I", line
            pending = (parts[1], None if parts[2] == "-" else (parts[2], int(parts[3])))
    return state, pending


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_killed_writers_lose_no_acknowledged_commit(writer: Writer, db: Database, db_path: Path, encrypted: bool) -> None:
    key = os.urandom(32) if encrypted else None
    if key is not None:
        db.dispose()
        encrypt_in_place(db_path, key)
        db = Database(f"sqlite:///{db_path}", key)
    import_case_file(
        db,
        case_file(
            {
                "ref": "CR",
                "name": "Crash Test",
                "placements": [
                    {
                        "ref": "CR-1",
                        "company": "co-kids",
                        "type": "internship",
                        "start": "2020-01-01",
                        "end": "2029-12-31",
                        "schedule": [{"from": "2020-01-01", "hours": {"mon": 4, "tue": 4, "thu": 6}}],
                    }
                ],
            }
        ),
    )
    db.dispose()
    rng = random.Random(SEED)
    state: dict[str, Day] = {}
    acknowledged = in_flight_kills = 0
    for trial in range(TRIALS):
        lines = writer.trial(f"sqlite:///{db_path}", rng.randrange(1 << 30), rng.uniform(0.02, 0.4), key)
        expected, pending = replay(state, lines)
        actual = registered(db_path, key)
        acknowledged += lines.count("A")
        if actual != expected:  # only the change in flight may have been committed, and only whole
            assert pending is not None, f"trial {trial} (seed {SEED}): acknowledged data differs"
            day, value = pending
            with_pending = dict(expected)
            if value is None:
                with_pending.pop(day, None)
            else:
                with_pending[day] = value
            assert actual == with_pending, f"trial {trial} (seed {SEED}): lost or half-written data"
            in_flight_kills += 1
        state = actual
    assert acknowledged >= TRIALS  # the writers did write (about 10-50 commits per trial)
    reopened = Database(f"sqlite:///{db_path}", key)  # and the app opens it as usual
    with reopened.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA quick_check").scalar() == "ok"
    reopened.dispose()
    print(f"{TRIALS} kills, {acknowledged} acknowledged commits kept, {in_flight_kills} unacknowledged commits")
