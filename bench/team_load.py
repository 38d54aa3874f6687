"""The team server under load (issue 16): N processes, each signed in as its own login, for S seconds.

Starts a throw-away PostgreSQL the way the tests do (``tests/postgres/server.py``), runs ``setup`` as
the database's owner, adds one person per process (consultants import and register attendance, a mentor
and a workplace mentor register attendance), then lets every process loop until the time is up over:

- an **import** of one of three shared citizens with a job goal no one else writes (consultants only);
- an **attendance edit** of a day of its own (one placement per process: it is the only writer);
- a **conflicting edit** of one of three days every process edits: read the day as the grid does, then
  save with what was seen, so a colleague's save in between is a ConflictError and nothing is written.

Every acknowledged write is noted. At the end, as the owner: the audit chain verifies; every process's
own days hold its last acknowledged value; the acknowledged saves of each shared day form one unbroken
chain (each replaced exactly the value the one before it wrote - no save was overwritten silently) that
ends in what the database holds; each shared citizen holds the job goal of an acknowledged import; and
the audit log has one entry per acknowledged write of each login. Prints a summary and writes it to
``bench/team-load.md`` (``--out``).

    python -m bench.team_load [--processes 8] [--seconds 60] [--out bench/team-load.md]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSWORD = "belastning 2026"
ADMIN = "load_admin"
IMPORTED = ("LI1", "LI2", "LI3")  # citizens every consultant imports
SHARED = "LS-1"  # the placement whose days every process edits
SHARED_DAYS = (date(2023, 3, 1), date(2023, 3, 2), date(2023, 3, 3))
OWN_DAYS = tuple(date(2023, 3, 1) + timedelta(days=d) for d in range(31) if (date(2023, 3, 1) + timedelta(days=d)).weekday() < 5)


def _role(index: int) -> str:
    return ("consultant", "consultant", "mentor", "workplace_mentor")[index % 4]


def _user(index: int) -> str:
    return f"load_{_role(index)[:3]}_{index}"


def _citizen(ref: str, placement: str) -> dict[str, Any]:
    from tests.casefiles import ramp_down_citizen

    c = ramp_down_citizen()
    c["ref"], c["name"], c["cpr"] = ref, f"Borger {ref}", None
    c["placements"][0]["ref"] = placement
    c["placements"][0]["attendance"] = []
    c["followups"] = [f for f in c["followups"] if f["placement"] is None]
    return c


def _case_file(*citizens: dict[str, Any]) -> dict[str, Any]:
    from tests.casefiles import case_file

    return case_file(*citizens)


# ---- one process ---------------------------------------------------------------------------------------


@dataclass
class Tally:
    user: str
    imports: list[tuple[str, str, bool]] = field(default_factory=list)  # (citizen, job goal, reported a change)
    own: list[tuple[str, str]] = field(default_factory=list)  # (day, note) acknowledged
    shared: list[tuple[str, str | None, str]] = field(default_factory=list)  # (day, note replaced, note written)
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)  # anything else: an "Unexpected error" for a person


def _note(record: Any) -> str | None:
    return None if record is None else record.note


def worker(url: str, index: int, seconds: float, go: Any, out: str) -> None:
    """One person's process: sign in with their own login, loop until the time is up, write the tally."""
    from placement_desk.domain import casefile as cf
    from placement_desk.domain.errors import ConflictError
    from placement_desk.services import attendance, signin
    from placement_desk.services.casefile_io import import_case_file

    user = _user(index)
    tally = Tally(user)
    rnd = random.Random(index)
    db = signin.sign_in(signin.target(url), user, PASSWORD).db
    own_placement = f"LO{index}-1"
    n = 0
    go.wait()
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            n += 1
            tag = f"{user}#{n}"
            kind = rnd.choice(("import", "own", "shared", "shared")) if _role(index) == "consultant" else \
                rnd.choice(("own", "shared"))  # fmt: skip
            try:
                if kind == "import":
                    ref = rnd.choice(IMPORTED)
                    doc = _citizen(ref, f"{ref}-1")
                    doc["job_goal"] = tag
                    result = import_case_file(db, _case_file(doc))
                    tally.imports.append((ref, tag, ref in result.updated.get("citizens", [])))
                elif kind == "own":
                    day = rnd.choice(OWN_DAYS)
                    attendance.log_day(db, own_placement, cf.Attendance(day, "present", 120, note=tag))
                    tally.own.append((day.isoformat(), tag))
                else:
                    day = rnd.choice(SHARED_DAYS)
                    seen = next(d.record for d in attendance.week(db, SHARED, day) if d.day == day)
                    time.sleep(rnd.random() * 0.01)  # a person between reading the grid and saving
                    attendance.log_day(db, SHARED, cf.Attendance(day, "present", 180, note=tag), expected=seen)
                    tally.shared.append((day.isoformat(), _note(seen), tag))
            except ConflictError:
                tally.conflicts += 1
            except Exception as exc:
                tally.errors.append(f"{kind}: {type(exc).__name__}: {str(exc)[:300]}")
    finally:
        db.dispose()
        Path(out).write_text(json.dumps(tally.__dict__), encoding="utf-8")


# ---- the run -------------------------------------------------------------------------------------------


@dataclass
class Report:
    processes: int
    seconds: float
    imports: int = 0
    own_edits: int = 0
    shared_edits: int = 0
    conflicts: int = 0
    audit_entries: int = 0
    chain_ok: bool = False
    chain_problem: str = ""
    lost: list[str] = field(default_factory=list)  # acknowledged writes the database does not hold
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.chain_ok and not self.lost and not self.errors

    def markdown(self) -> str:
        lines = [
            "# Team server load run",
            "",
            f"{self.processes} processes, each signed in to a throw-away PostgreSQL as its own login (consultants, "
            f"a mentor, a workplace mentor), for {self.seconds:g} s (`make team-load`, `bench/team_load.py`).",
            "",
            "| what | count |",
            "|---|---:|",
            f"| imports of a shared citizen (acknowledged) | {self.imports:,} |",
            f"| attendance edits of a process's own days | {self.own_edits:,} |",
            f"| edits of a day every process edits (acknowledged) | {self.shared_edits:,} |",
            f"| edits refused as conflicts: a colleague saved first (nothing written) | {self.conflicts:,} |",
            f"| audit entries, chain verified | {self.audit_entries:,} |",
            f"| acknowledged writes missing or overwritten silently | {len(self.lost)} |",
            f"| unexpected errors | {len(self.errors)} |",
            "",
            f"Audit chain: {'intact' if self.chain_ok else 'BROKEN: ' + self.chain_problem}. "
            f"Result: {'nothing lost' if self.ok else 'FAILED'}.",
            "",
            f"The counts depend on the machine (this run: {os.cpu_count()} CPU cores, shared with other work); "
            "the run checks integrity, not speed: every process's own days hold its last acknowledged save, the "
            "acknowledged saves of each shared day form one unbroken chain ending in what the database holds, "
            "each shared citizen holds an acknowledged import's job goal, and every login has one audit entry "
            "per acknowledged write.",
        ]
        for what in self.lost[:20] + self.errors[:20]:
            lines.append(f"- {what}")
        return "\n".join(lines) + "\n"


def _prepare(owner_url: str, team_url: str, processes: int) -> None:
    from placement_desk.db.engine import Database
    from placement_desk.domain.roles import Role
    from placement_desk.services import signin, team_setup, users
    from placement_desk.services.casefile_io import import_case_file

    owner = Database(owner_url)
    try:
        team_setup.setup(owner, ADMIN, "Load Admin", PASSWORD)
    finally:
        owner.dispose()
    admin = signin.sign_in(signin.target(team_url), ADMIN, PASSWORD).db
    try:
        citizens = [_citizen(ref, f"{ref}-1") for ref in IMPORTED]
        citizens += [_citizen(f"LO{i}", f"LO{i}-1") for i in range(processes)] + [_citizen("LS", SHARED)]
        import_case_file(admin, _case_file(*citizens))
        for i in range(processes):
            role = Role(_role(i))
            users.create_user(admin, _user(i), _user(i), role, PASSWORD,
                              company_ref="co-saxo" if role is Role.WORKPLACE_MENTOR else None)  # fmt: skip
    finally:
        admin.dispose()


def _check(owner_url: str, tallies: list[dict[str, Any]], report: Report) -> None:
    from sqlalchemy import text

    from placement_desk.db.engine import Database
    from placement_desk.services import audit

    db = Database(owner_url)
    try:
        check = audit.verify_chain(db)
        report.chain_ok, report.chain_problem, report.audit_entries = check.ok, check.problem, check.checked
        with db.engine.connect() as conn:
            notes = {
                (str(p), d.isoformat()): n
                for p, d, n in conn.execute(text(
                    "SELECT p.ref, a.day, a.note FROM attendance a JOIN placements p ON p.id = a.placement_id"))
            }  # fmt: skip
            goals = {str(r): g for r, g in conn.execute(text("SELECT ref, job_goal FROM citizens"))}
            entries = {
                (str(u), str(a)): int(c)
                for u, a, c in conn.execute(text("SELECT username, action, count(*) FROM audit_log GROUP BY 1, 2"))
            }
    finally:
        db.dispose()
    compare(notes, goals, entries, tallies, report)


def compare(
    notes: dict[tuple[str, str], str | None],
    goals: dict[str, str | None],
    entries: dict[tuple[str, str], int],
    tallies: list[dict[str, Any]],
    report: Report,
) -> None:
    """The acknowledged writes of ``tallies`` against what the database holds (attendance notes by
    placement and day, job goals by citizen, audit entries by login and action): ``report.lost`` names
    every write missing or silently overwritten."""
    from placement_desk.services import audit

    shared: list[tuple[str, str | None, str]] = []
    for i, t in enumerate(tallies):
        _count(t, report)
        _check_own(i, t, notes, report)
        shared += [(str(d), b, str(a)) for d, b, a in t["shared"]]
        _check_entries(t, entries, audit.CHANGE, len(t["own"]) + len(t["shared"]), "edits", report)
        _check_entries(t, entries, audit.IMPORT, len(t["imports"]), "imports", report)
    _check_goals(goals, tallies, report)
    for day in SHARED_DAYS:
        _check_shared_day(day.isoformat(), notes, shared, report)


def _count(t: dict[str, Any], report: Report) -> None:
    report.errors += [f"{t['user']}: {e}" for e in t["errors"]]
    report.conflicts += t["conflicts"]
    report.imports += len(t["imports"])
    report.own_edits += len(t["own"])
    report.shared_edits += len(t["shared"])


def _check_own(i: int, t: dict[str, Any], notes: dict[tuple[str, str], str | None], report: Report) -> None:
    """The last acknowledged note of each of the user's own days is the one the database holds; every
    acknowledged import changed its citizen."""
    last: dict[str, str] = {}
    for day, note in t["own"]:
        last[day] = note
    for day, note in last.items():
        if notes.get((f"LO{i}-1", day)) != note:
            report.lost.append(f"{t['user']}'s own {day}: acknowledged {note}, database {notes.get((f'LO{i}-1', day))}")
    for ref, goal, changed in t["imports"]:
        if not changed:
            report.lost.append(f"{t['user']}'s import {goal} of {ref} reported no change to the citizen")


def _check_entries(
    t: dict[str, Any], entries: dict[tuple[str, str], int], action: str, acknowledged: int, what: str,
    report: Report,
) -> None:
    """As many audit entries of ``action`` by the user as acknowledged writes."""
    found = entries.get((t["user"], action), 0)
    if found != acknowledged:
        report.lost.append(f"{t['user']}: {acknowledged} acknowledged {what}, {found} audit entries")


def _check_goals(goals: dict[str, str | None], tallies: list[dict[str, Any]], report: Report) -> None:
    """Each citizen's job goal is one that an acknowledged import set."""
    acked_goals: dict[str, set[str]] = {}
    for t in tallies:
        for ref, goal, _changed in t["imports"]:
            acked_goals.setdefault(ref, set()).add(goal)
    for ref, acked in acked_goals.items():
        if goals.get(ref) not in acked:
            report.lost.append(f"citizen {ref} holds job goal {goals.get(ref)!r}, no acknowledged import's")


def _check_shared_day(
    key: str, notes: dict[tuple[str, str], str | None], shared: list[tuple[str, str | None, str]], report: Report
) -> None:
    """The acknowledged saves of one shared day form one chain (each replaced the value the one before
    left) ending in the value the database holds."""
    replaced = {before: after for d, before, after in shared if d == key}
    saves = [s for s in shared if s[0] == key]
    if len(replaced) != len(saves):
        report.lost.append(f"shared {key}: two acknowledged saves replaced the same value (one overwrote the other)")
        return
    at, walked = None, 0
    while at in replaced:
        at, walked = replaced[at], walked + 1
    if walked != len(saves) or notes.get((SHARED, key)) != at:
        report.lost.append(f"shared {key}: {len(saves)} acknowledged saves, {walked} in one chain ending in "
                           f"{at!r}; the database holds {notes.get((SHARED, key))!r}")  # fmt: skip


def run(processes: int = 8, seconds: float = 60, out: Path | None = ROOT / "bench" / "team-load.md") -> Report:
    """The whole load run on a server of its own (stopped at the end); the report, also written to ``out``."""
    from bench.pg_target import new_database
    from tests.postgres import server as pg

    server = pg.start()
    try:
        owner_url, team_url = new_database(server, "placement_desk_load")
        _prepare(owner_url, team_url, processes)
        ctx = mp.get_context("spawn")
        go = ctx.Event()
        with tempfile.TemporaryDirectory(prefix="team-load-") as tmp:
            files = [str(Path(tmp) / f"{i}.json") for i in range(processes)]
            procs = [ctx.Process(target=worker, args=(team_url, i, seconds, go, files[i])) for i in range(processes)]
            for p in procs:
                p.start()
            time.sleep(0.5)
            go.set()  # (a process still signing in starts its own clock when it gets here)
            for p in procs:
                p.join(seconds + 300)
            tallies = []
            report = Report(processes, seconds)
            for i, (p, f) in enumerate(zip(procs, files, strict=True)):
                if p.exitcode != 0 or not Path(f).exists():
                    report.errors.append(f"process {i} ended with exit code {p.exitcode}")
                    continue
                tallies.append(json.loads(Path(f).read_text(encoding="utf-8")))
        _check(owner_url, tallies, report)
    finally:
        server.stop()
    if out is not None:
        out.write_text(report.markdown(), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "team-load.md")
    args = parser.parse_args(argv)
    report = run(args.processes, args.seconds, args.out)
    print(report.markdown())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
