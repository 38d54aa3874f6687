"""Deterministic synthetic data for the scale benchmark (issue 6).

The big set: 500 citizens, 2,000 placements at 300 companies and about 1,000,000 attendance records
over five years (two parallel tracks per citizen: a main placement line and a hybrid/side line), with
hours plans that ramp up, set back and ramp down, capacity assessments, accommodation needs,
referrals, monthly follow-ups and goals with progression scores. The same seed gives the same
database, byte for byte in content.

Rows go straight into a migrated SQLite file with ``executemany`` (no ORM objects). The file is
cached in ``bench/.cache/`` under a name that changes whenever this generator, the schema or the
scale changes, so ``make bench`` builds it once (a couple of minutes) and reuses it afterwards.

    python -m bench.generate            # build (or find) the big database and print its path
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench import people

TODAY = date(2026, 11, 23)  # the benchmark's "today" (PLACEMENT_DESK_TODAY pins it for the app)
FIRST_DAY = date(2021, 11, 1)  # five years of history
SEED = 20261123
HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"


@dataclass(frozen=True)
class Scale:
    citizens: int = 500
    placements: int = 2000
    companies: int = 300


BIG = Scale()
TINY = Scale(citizens=5, placements=20, companies=6)

Log = Callable[[str], None]


def fingerprint(scale: Scale, seed: int) -> str:
    """Changes with the generator's code, the schema (the migrations) and the scale."""
    h = hashlib.sha256(f"{scale}{seed}{TODAY}{FIRST_DAY}".encode())
    for path in [HERE / "generate.py", HERE / "people.py"]:
        h.update(path.read_bytes())
    import placement_desk.db.migrate as migrate

    for path in sorted((migrate.MIGRATIONS / "versions").glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def database_path(scale: Scale = BIG, seed: int = SEED, cache: Path = CACHE) -> Path:
    return cache / f"bench-{scale.citizens}c-{seed}-{fingerprint(scale, seed)}.db"


def ensure_database(scale: Scale = BIG, seed: int = SEED, cache: Path = CACHE, log: Log = print) -> Path:
    """The cached database of this scale and seed; built first if it is not there yet."""
    path = database_path(scale, seed, cache)
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob(f"bench-{scale.citizens}c-{seed}-*.db"):  # an older generator's or schema's file
        old.unlink()
    log(f"building the benchmark data ({scale.citizens} citizens, {scale.placements} placements, "
        f"{scale.companies} companies; seed {seed}) into {path} ...")
    started = time.perf_counter()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        counts = build(tmp, scale, seed)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    log(f"built in {time.perf_counter() - started:.0f} s: "
        + ", ".join(f"{n:,} {table}" for table, n in counts.items()))
    return path


def build(path: Path, scale: Scale, seed: int) -> dict[str, int]:
    """A migrated SQLite file at ``path`` filled with the synthetic data; returns rows per table."""
    from placement_desk.db.engine import Database
    from placement_desk.db.migrate import upgrade

    db = Database(f"sqlite:///{path}")
    upgrade(db)
    db.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("BEGIN")
        writer = Writer(conn)
        people.generate(writer, scale.citizens, scale.placements, scale.companies, seed, TODAY, FIRST_DAY)
        writer.flush()
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode=WAL")
        return dict(sorted(writer.counts.items()))
    finally:
        conn.close()


class Writer:
    """Buffers rows per table and writes them with executemany."""

    def __init__(self, conn: sqlite3.Connection, batch: int = 50_000) -> None:
        self.conn = conn
        self.batch = batch
        self.columns: dict[str, tuple[str, ...]] = {}
        self.rows: dict[str, list[tuple[object, ...]]] = {}
        self.counts: dict[str, int] = {}
        self.ids: dict[str, int] = {}

    def next_id(self, table: str) -> int:
        self.ids[table] = self.ids.get(table, 0) + 1
        return self.ids[table]

    def add(self, table: str, columns: tuple[str, ...], row: tuple[object, ...]) -> None:
        known = self.columns.setdefault(table, columns)
        assert known == columns, table
        buffer = self.rows.setdefault(table, [])
        buffer.append(row)
        if len(buffer) >= self.batch:
            self._write(table)

    def _write(self, table: str) -> None:
        rows = self.rows.get(table)
        if not rows:
            return
        columns = self.columns[table]
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        self.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        self.counts[table] = self.counts.get(table, 0) + len(rows)
        rows.clear()

    def flush(self) -> None:
        for table in list(self.rows):
            self._write(table)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    scale = TINY if "--tiny" in args else BIG
    print(ensure_database(scale))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
