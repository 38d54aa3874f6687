"""The writer of the crash-safety test: logs attendance through the real services, forever, until killed.

Run as a script, it imports everything once and then serves requests from stdin, one per line:
``URL<TAB>PLACEMENT_REF<TAB>SEED<TAB>KEY`` (KEY: the SQLCipher key in hex, or ``-`` for a plain
database). For each it forks a writer (so a trial costs no interpreter start-up)
that prints ``PID n`` and then, for every change, ``I <date> <status> <minutes>`` (or ``I <date> -`` for
clearing the day) before the call and ``A`` once the service call has returned, that is, once the
transaction is committed. The test kills the writer with SIGKILL at a random moment; the server prints
``EXIT`` when it is gone and waits for the next request. Writes are flushed line by line.
"""

from __future__ import annotations

import os
import random
import sys
import traceback
from datetime import date, timedelta

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.services import attendance

FIRST, DAYS = date(2020, 1, 1), 3650


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write_forever(url: str, placement: str, seed: int, key: bytes | None = None) -> None:
    rng = random.Random(seed)
    db = Database(url, key)
    say(f"PID {os.getpid()}")
    while True:
        day = FIRST + timedelta(days=rng.randrange(DAYS))
        if rng.random() < 0.2:
            say(f"I {day.isoformat()} -")
            attendance.clear_day(db, placement, day, actor="crash-test")
        else:
            status = rng.choice(["present", "present", "present", "sick", "absent_agreed", "absent_unexcused"])
            minutes = rng.randrange(1, 33) * 15 if status == "present" else 0
            say(f"I {day.isoformat()} {status} {minutes}")
            attendance.log_day(db, placement, cf.Attendance(day, status, minutes, f"seed {seed}"), actor="crash-test")
        say("A")


def serve() -> None:
    say("READY")
    for request in sys.stdin:
        url, placement, seed, key = request.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:  # the writer: never returns; it ends by SIGKILL
            try:
                write_forever(url, placement, int(seed), None if key == "-" else bytes.fromhex(key))
            except BaseException:
                traceback.print_exc()
            os._exit(3)
        _, status = os.waitpid(pid, 0)
        say(f"EXIT {status}")


if __name__ == "__main__":
    serve()
