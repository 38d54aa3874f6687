"""The canary: a citizen with a unique name and CPR number goes through the encrypted database (import,
edits, an issued dossier, a backup), and afterwards neither the name nor the CPR number occurs in
plaintext in any file: the database, its -wal and -shm, the backup and its manifest, the key files, and
every temporary file made meanwhile (TMPDIR and SQLITE_TMPDIR point into the test's folder).

The work runs in a child process that ends with ``os._exit`` while the database is open, so its -wal
still holds the latest frames (as when the laptop is taken while the app runs or after a crash).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from placement_desk.db import sqlite_files as files
from placement_desk.db.engine import Database
from placement_desk.db.keystore import KeyStore
from tests.paths import ROOT

NAME = "Kanariefugl Testesen"
CPR = "010203-4051"
PASSWORD = "kanariefuglens kodeord"

SCENARIO = """
import json, os, sys, tempfile
from datetime import date
from pathlib import Path
from sqlalchemy import text
from placement_desk.db.engine import Database
from placement_desk.db.keystore import FAST_KDF, KeyStore
from placement_desk.db.migrate import upgrade
from placement_desk.domain import casefile as cf
from placement_desk.services import attendance, backup, documents
from placement_desk.services.casefile_io import export_case_file, import_case_file
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen

db_path, name, cpr, password = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
assert tempfile.gettempdir() == os.environ["TMPDIR"], tempfile.gettempdir()
store, key, code = KeyStore.create(KeyStore.path_for(db_path), "anna", password, FAST_KDF)
db = Database(f"sqlite:///{db_path}", key)
upgrade(db)
citizen = ramp_down_citizen()
citizen.update(ref="KT", name=name, cpr=cpr, own_view=f"{name} ({cpr}) vil gerne arbejde")
import_case_file(db, case_file(citizen, hybrid_citizen()))
for day in ("2023-03-21", "2023-03-22", "2023-03-23"):  # edits: the WAL gets content
    attendance.log_day(db, "DC-1", cf.Attendance(date.fromisoformat(day), "sick", 0, "Migræne",
                                                 f"{name} ringede, CPR {cpr}"))
with db.transaction() as s:
    s.execute(text("UPDATE citizens SET job_goal = :goal WHERE ref = 'KT'"), {"goal": f"Lager - {name}"})
info = backup.make_backup(db)
rendered = documents.render_document(db, "KT", formats=("pdf", "xlsx", "json"))
documents.issue_document(db, "KT", recipient="Jobcenter", formats=("pdf", "xlsx"), allow_incomplete="Test")
attendance.log_day(db, "DC-1", cf.Attendance(date(2023, 3, 24), "present", 120, note=name))
names = [c["name"] for c in export_case_file(db)["citizens"]]
print(json.dumps({
    "backup": str(info.path),
    "json_has_name": name in rendered.files["json"].content.decode("utf-8"),
    "names": names,
    "tempdir": tempfile.gettempdir(),
}), flush=True)
os._exit(0)  # the database stays open: -wal and -shm are left as they are
"""


def needles() -> dict[str, bytes]:
    return {
        "name (UTF-8)": NAME.encode("utf-8"),
        "name (UTF-16-LE)": NAME.encode("utf-16-le"),
        "name (UTF-16-BE)": NAME.encode("utf-16-be"),
        "CPR with dash": CPR.encode("ascii"),
        "CPR without dash": CPR.replace("-", "").encode("ascii"),
        "CPR (UTF-16-LE)": CPR.encode("utf-16-le"),
    }


def plaintext_hits(folder: Path) -> list[str]:
    hits = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits += [f"{path.relative_to(folder)}: {label}" for label, needle in needles().items() if needle in data]
    return hits


def test_no_plaintext_of_a_citizen_anywhere(tmp_path: Path) -> None:
    home, temp = tmp_path / "data", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    db_path = home / "placement-desk.db"
    env = {**os.environ, "TMPDIR": str(temp), "SQLITE_TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    done = subprocess.run(
        [sys.executable, "-c", SCENARIO, str(db_path), NAME, CPR, PASSWORD],
        check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=100,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["json_has_name"] and NAME in report["names"]  # the data really went through
    assert report["tempdir"] == str(temp)

    wal, shm = db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")
    assert wal.stat().st_size > 0 and shm.exists()  # the WAL has frames the database file does not
    backup_file = Path(report["backup"])
    for path in (db_path, backup_file):
        assert files.is_encrypted(path), path
    assert backup_file.with_name(backup_file.name + ".json").exists()
    assert backup_file.with_name(backup_file.name + ".keys").exists()
    assert KeyStore.path_for(db_path).exists()
    assert plaintext_hits(tmp_path) == []

    # opened again (the WAL is replayed, checkpointed on close) - still nothing in plaintext
    key = KeyStore.load(KeyStore.path_for(db_path)).unlock("anna", PASSWORD)
    db = Database(f"sqlite:///{db_path}", key)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM citizens WHERE name = ?", (NAME,)).scalar() == 1
            assert conn.exec_driver_sql("SELECT count(*) FROM attendance WHERE note = ?", (NAME,)).scalar() == 1
            assert conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        db.dispose()
    assert plaintext_hits(tmp_path) == []


def test_the_canary_search_finds_plaintext(tmp_path: Path) -> None:
    """The search itself works: the same data in a plain file is found."""
    (tmp_path / "plain.txt").write_bytes(NAME.encode("utf-16-le") + b" " + CPR.replace("-", "").encode())
    assert plaintext_hits(tmp_path) == ["plain.txt: name (UTF-16-LE)", "plain.txt: CPR without dash"]
